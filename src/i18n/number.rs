//! Numbers as each language writes them: `1 234,5` and `12,5 %` in Swedish
//! and Finnish, `1,234.5` and `12.5%` in English and Arabic (Western digits);
//! separators and the percent pattern come from the language's locale pack.
//!
//! Negative numbers use the real minus sign (U+2212), which screen readers
//! read as "minus" and which never breaks from its digits.

use super::Lang;

/// The minus sign used in every formatted number.
pub(crate) const MINUS: char = '\u{2212}';
/// The left-to-right mark put before a sign in right-to-left languages (as
/// CLDR's Arabic with Western digits does), so the sign stays before its digits.
const LRM: char = '\u{200e}';

/// The left-to-right mark a sign needs in `lang`, or nothing.
fn sign_mark(lang: Lang) -> &'static str {
    match lang.locale().direction {
        super::locale::Direction::Rtl => "\u{200e}",
        super::locale::Direction::Ltr => "",
    }
}

/// `value` with exactly `decimals` decimals, digits grouped in threes.
pub(crate) fn format_number(value: f64, decimals: usize, lang: Lang) -> String {
    let rounded = format!("{:.*}", decimals, value.abs());
    let (int_part, frac_part) = match rounded.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (rounded.as_str(), None),
    };
    let locale = lang.locale();
    let (group, point) = (locale.group, locale.decimal);
    let mut out = String::with_capacity(rounded.len() + 4);
    let is_zero = rounded.bytes().all(|b| b == b'0' || b == b'.');
    if value.is_sign_negative() && !is_zero {
        out.push_str(sign_mark(lang));
        out.push(MINUS);
    }
    let digits = int_part.len();
    for (i, digit) in int_part.chars().enumerate() {
        if i > 0 && (digits - i) % 3 == 0 {
            out.push(group);
        }
        out.push(digit);
    }
    if let Some(frac) = frac_part {
        out.push(point);
        out.push_str(frac);
    }
    out
}

/// A percentage with one decimal: `12,5 %` / `12.5%`.
pub(crate) fn format_percent(value: f64, lang: Lang) -> String {
    let number = format_number(value, 1, lang);
    lang.locale().percent.replace("{n}", &number)
}

/// A change with its sign always shown: `+3`, `−2,5`.
pub(crate) fn format_signed(value: f64, decimals: usize, lang: Lang) -> String {
    let number = format_number(value, decimals, lang);
    if number.trim_start_matches(LRM).starts_with(MINUS)
        || number.chars().all(|c| c == '0' || c == ',' || c == '.')
    {
        number
    } else {
        format!("{}+{number}", sign_mark(lang))
    }
}

/// A signed percentage: `+12,5 %`, `−50.0%`.
pub(crate) fn format_signed_percent(value: f64, lang: Lang) -> String {
    let percent = format_percent(value, lang);
    if percent.trim_start_matches(LRM).starts_with(MINUS)
        || format_number(value, 1, lang)
            .chars()
            .all(|c| c == '0' || c == ',' || c == '.')
    {
        percent
    } else {
        format!("{}+{percent}", sign_mark(lang))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Reads a formatted number back, as a reader would.
    fn read_back(text: &str, lang: Lang) -> f64 {
        let plain: String = text
            .chars()
            .filter(|c| *c != lang.locale().group && *c != LRM)
            .map(|c| match c {
                MINUS => '-',
                c if c == lang.locale().decimal => '.',
                c => c,
            })
            .collect();
        plain.parse().unwrap()
    }

    proptest! {
        #[test]
        fn formatted_numbers_read_back_to_the_rounded_value(value in -1.0e12f64..1.0e12, decimals in 0usize..4) {
            for lang in Lang::BUILT_IN {
                let text = format_number(value, decimals, lang);
                prop_assert!(!text.contains('-'), "the real minus sign only: {}", text);
                let text = text.trim_start_matches(LRM).to_string();
                let expected: f64 = format!("{:.*}", decimals, value).parse().unwrap();
                prop_assert!((read_back(&text, lang) - expected).abs() < 1e-9 * expected.abs().max(1.0), "{} read as {}", text, read_back(&text, lang));
                let separator = lang.locale().group;
                let integer = text.trim_start_matches(MINUS).split(lang.locale().decimal).next().unwrap_or("");
                let groups: Vec<&str> = integer.split(separator).collect();
                prop_assert!((1..=3).contains(&groups[0].len()), "{}", text);
                prop_assert!(groups[1..].iter().all(|g| g.len() == 3), "digits grouped in threes: {}", text);
            }
        }
    }

    #[test]
    fn swedish_numbers_group_with_a_space_and_use_a_decimal_comma() {
        assert_eq!(format_number(1234.0, 0, Lang::SV), "1\u{a0}234");
        assert_eq!(format_number(1234.5, 1, Lang::SV), "1\u{a0}234,5");
        assert_eq!(
            format_number(1_540_000.0, 0, Lang::SV),
            "1\u{a0}540\u{a0}000"
        );
        assert_eq!(format_number(12.0, 0, Lang::SV), "12");
        assert_eq!(format_number(0.0, 0, Lang::SV), "0");
        assert_eq!(format_number(0.05, 1, Lang::SV), "0,1");
        assert_eq!(format_number(-5.0, 0, Lang::SV), "\u{2212}5");
        assert_eq!(
            format_number(-1234.25, 2, Lang::SV),
            "\u{2212}1\u{a0}234,25"
        );
    }

    #[test]
    fn english_numbers_group_with_a_comma_and_use_a_decimal_point() {
        assert_eq!(format_number(1234.0, 0, Lang::EN), "1,234");
        assert_eq!(format_number(1234.5, 1, Lang::EN), "1,234.5");
        assert_eq!(format_number(999.0, 0, Lang::EN), "999");
        assert_eq!(
            format_number(-1_000_000.0, 0, Lang::EN),
            "\u{2212}1,000,000"
        );
        assert_eq!(format_number(0.0, 1, Lang::EN), "0.0");
    }

    #[test]
    fn negative_zero_and_values_rounding_to_zero_have_no_sign() {
        assert_eq!(format_number(-0.0, 0, Lang::SV), "0");
        assert_eq!(format_number(-0.04, 1, Lang::EN), "0.0");
        assert_eq!(format_signed(0.0, 0, Lang::EN), "0");
    }

    #[test]
    fn percentages_follow_each_language() {
        assert_eq!(format_percent(12.5, Lang::SV), "12,5\u{a0}%");
        assert_eq!(format_percent(12.5, Lang::EN), "12.5%");
        assert_eq!(format_percent(-50.0, Lang::SV), "\u{2212}50,0\u{a0}%");
        assert_eq!(format_signed_percent(33.333, Lang::EN), "+33.3%");
        assert_eq!(
            format_signed_percent(-41.66, Lang::SV),
            "\u{2212}41,7\u{a0}%"
        );
    }

    #[test]
    fn finnish_writes_numbers_as_swedish_and_arabic_in_western_digits() {
        assert_eq!(format_number(1234.5, 1, Lang::FI), "1\u{a0}234,5");
        assert_eq!(format_percent(12.5, Lang::FI), "12,5\u{a0}%");
        assert_eq!(format_number(1234.5, 1, Lang::AR), "1,234.5");
        assert_eq!(format_percent(12.5, Lang::AR), "12.5%");
        // A mark keeps the sign before the digits in right-to-left text.
        assert_eq!(format_signed(23.5, 1, Lang::AR), "\u{200e}+23.5");
        assert_eq!(format_number(-134.5, 1, Lang::AR), "\u{200e}\u{2212}134.5");
        assert_eq!(
            format_signed_percent(-10.9, Lang::AR),
            "\u{200e}\u{2212}10.9%"
        );
        assert_eq!(format_signed(23.5, 1, Lang::FI), "+23,5");
    }

    #[test]
    fn changes_show_their_sign() {
        assert_eq!(format_signed(5.0, 0, Lang::SV), "+5");
        assert_eq!(format_signed(-5.0, 0, Lang::SV), "\u{2212}5");
        assert_eq!(format_signed(1500.0, 0, Lang::EN), "+1,500");
    }
}
