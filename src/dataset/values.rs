//! Reading a series' `values:` map: periods as keys, numbers or flagged values, checked as they are read.
//!
//! Checks happen while deserialising so that serde_yaml places each error
//! at the offending key or value.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use super::period::Period;
use super::status::{Status, Statuses};
use crate::i18n::Localized;

/// One value of a series: a number, flagged or not, or not available.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Observation {
    /// `None` when the figure is not available (`null`).
    pub(crate) value: Option<f64>,
    /// Its status letters (`status: [d, p]`, or the older `partial` and `preliminary`).
    pub(crate) status: Statuses,
    /// The id of the source this value comes from, when not the dataset's own.
    pub(crate) source: Option<String>,
    /// Other figures published for the same period, each with its source.
    pub(crate) others: Vec<OtherFigure>,
    pub(crate) note: Localized<String>,
    /// Decimals the value was written with.
    pub(crate) decimals: usize,
}

impl Observation {
    /// Covers only part of the period (`[d]`).
    pub(crate) fn partial(&self) -> bool {
        self.status.has(Status::PartPeriod)
    }

    /// The publisher calls it provisional (`[p]`).
    pub(crate) fn preliminary(&self) -> bool {
        self.status.has(Status::Provisional)
    }
}

/// A figure another source gives for the same period (`others: [{ value: 59, source: nrk-2017 }]`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct OtherFigure {
    pub(crate) value: Number,
    /// The id of one of the dataset's `sources`.
    pub(crate) source: String,
    #[serde(default)]
    pub(crate) note: Localized<String>,
}

/// The `values:` of a series, in period order.
#[derive(Debug, Default)]
pub(crate) struct Values(pub BTreeMap<Period, Observation>);

/// Reads a period key, refusing duplicates and mixed kinds right at the key so the error points there.
struct PeriodKey<'a> {
    seen: &'a BTreeMap<Period, Observation>,
}

impl<'de> de::DeserializeSeed<'de> for PeriodKey<'_> {
    type Value = Period;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Period, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl Visitor<'_> for PeriodKey<'_> {
    type Value = Period;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a period: a year (2019), a quarter (2019-Q4) or a month (2019-11)")
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Period, E> {
        self.visit_str(&v.to_string())
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Period, E> {
        self.visit_str(&v.to_string())
    }
    fn visit_str<E: de::Error>(self, text: &str) -> Result<Period, E> {
        let period = Period::parse(text).map_err(E::custom)?;
        if self.seen.contains_key(&period) {
            return Err(E::custom(format!(
                "the period {period} appears twice; keep one value per period"
            )));
        }
        if let Some(first) = self.seen.keys().next()
            && first.kind() != period.kind()
        {
            return Err(E::custom(format!(
                "{period} is a {} but this series uses {}; use one kind of period per dataset",
                singular(period),
                first.kind().english_name()
            )));
        }
        Ok(period)
    }
}

impl<'de> Deserialize<'de> for Values {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ValuesVisitor;
        impl<'de> Visitor<'de> for ValuesVisitor {
            type Value = Values;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("values keyed by period, e.g. `2019: 12`")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Values, A::Error> {
                let mut values = BTreeMap::new();
                while let Some(period) = map.next_key_seed(PeriodKey { seen: &values })? {
                    let observation: Observation = map.next_value()?;
                    values.insert(period, observation);
                }
                Ok(Values(values))
            }
        }
        deserializer.deserialize_map(ValuesVisitor)
    }
}

fn singular(period: Period) -> &'static str {
    match period {
        Period::Year(_) => "year",
        Period::Quarter(..) => "quarter",
        Period::Month(..) => "month",
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FlaggedValue {
    value: Option<Number>,
    #[serde(default)]
    partial: Option<bool>,
    #[serde(default)]
    preliminary: Option<bool>,
    #[serde(default)]
    status: Statuses,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    others: Vec<OtherFigure>,
    #[serde(default)]
    note: Localized<String>,
}

/// A finite number as written in YAML.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Number(pub(crate) f64);

impl<'de> Deserialize<'de> for Number {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match deserializer.deserialize_any(ObservationVisitor)? {
            Observation { value: Some(v), .. } => Ok(Number(v)),
            _ => Err(de::Error::custom("`value` must be a number")),
        }
    }
}

struct ObservationVisitor;

impl<'de> Visitor<'de> for ObservationVisitor {
    type Value = Observation;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a number, `null`, or `{ value: …, status: [p], note: … }`")
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Observation, E> {
        if !v.is_finite() {
            return Err(E::custom(format!(
                "`{v}` is not a number; write a number, or null where there is none"
            )));
        }
        Ok(Observation {
            value: Some(v),
            decimals: decimals_of(v),
            ..Observation::default()
        })
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Observation, E> {
        self.visit_f64(v as f64)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Observation, E> {
        self.visit_f64(v as f64)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Observation, E> {
        Ok(Observation::default())
    }
    fn visit_none<E: de::Error>(self) -> Result<Observation, E> {
        Ok(Observation::default())
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Observation, E> {
        let hint = number_hint(v);
        Err(E::custom(format!("`{v}` is not a number{hint}")))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Observation, E> {
        self.visit_str(&v.to_string())
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Observation, A::Error> {
        let flagged = FlaggedValue::deserialize(de::value::MapAccessDeserializer::new(map))?;
        let value = flagged.value.map(|n| n.0);
        let mut status = flagged.status;
        for (key, flag, meant) in [
            ("partial", flagged.partial, Status::PartPeriod),
            ("preliminary", flagged.preliminary, Status::Provisional),
        ] {
            match flag {
                Some(true) => status = status.with(meant),
                // `yaml::explain` reads this wording back as `dataset-flag-contradicts-status`.
                Some(false) if status.has(meant) => {
                    return Err(de::Error::custom(format!(
                        "{}`{key}` `{}`",
                        crate::yaml::FLAG_CONTRADICTS,
                        meant.letter()
                    )));
                }
                _ => {}
            }
        }
        if let (Some(v), Some(withheld)) = (value, status.iter().find(|s| s.withholds_value())) {
            return Err(de::Error::custom(format!(
                "a value marked `{}` has no figure, but {v} is given; write `value: null`, or remove `{}` from `status`",
                withheld.letter(),
                withheld.letter()
            )));
        }
        Ok(Observation {
            value,
            status,
            source: flagged.source,
            others: flagged.others,
            note: flagged.note,
            decimals: value.map_or(0, decimals_of),
        })
    }
}

/// How to write `v` as a number when it is one written the Swedish way, or quoted.
fn number_hint(v: &str) -> String {
    let is_number = |t: &str| t.parse::<f64>().is_ok_and(f64::is_finite);
    let trimmed = v.trim();
    // Unquoted, YAML would have read these as numbers: they came in quotes.
    if is_number(trimmed) {
        return format!("; remove the quotes: write {trimmed}");
    }
    let compact: String = trimmed
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}'))
        .collect();
    if compact != trimmed && is_number(&compact) {
        return format!("; write numbers without spaces, e.g. {compact}");
    }
    let with_point = compact.replace(',', ".");
    if compact.matches(',').count() == 1 && is_number(&with_point) {
        return format!("; write decimals with a point, e.g. {with_point}");
    }
    let without_points = compact.replace('.', "");
    if compact.matches('.').count() > 1 && is_number(&without_points) {
        return format!("; write numbers without thousands separators, e.g. {without_points}");
    }
    "; write a number, or null where there is none".to_string()
}

impl<'de> Deserialize<'de> for Observation {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ObservationVisitor)
    }
}

/// `1.234` read as a thousands separator, Swedish style, would be a whole
/// number: what it means then, in words, beside what YAML made of it.
pub(crate) fn ambiguous_thousands(written: &str) -> Option<String> {
    let digits = written.strip_prefix('-').unwrap_or(written);
    let (whole, fraction) = digits.split_once('.')?;
    let all_digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    if !(all_digits(whole) && whole.len() <= 3 && fraction.len() == 3 && all_digits(fraction)) {
        return None;
    }
    let sign = if digits.len() < written.len() {
        "minus "
    } else {
        ""
    };
    let thousands: u64 = format!("{whole}{fraction}").parse().ok()?;
    let point = fraction
        .chars()
        .filter_map(|c| c.to_digit(10))
        .map(|d| ONES[d as usize])
        .collect::<Vec<_>>()
        .join(" ");
    let whole_words = english(whole.parse().ok()?);
    Some(format!(
        "`{written}` reads as {}{whole},{fraction} ({sign}{whole_words} point {point}) in YAML; if you mean {sign}{}, write {}{thousands}",
        &written[..written.len() - digits.len()],
        english(thousands),
        &written[..written.len() - digits.len()],
    ))
}

const ONES: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// `n` in British English words, for `n` below a million.
fn english(n: u64) -> String {
    let below_hundred = |n: u64| match n {
        0..20 => ONES[n as usize].to_string(),
        _ if n.is_multiple_of(10) => TENS[(n / 10) as usize].to_string(),
        _ => format!("{}-{}", TENS[(n / 10) as usize], ONES[(n % 10) as usize]),
    };
    let below_thousand = |n: u64| match (n / 100, n % 100) {
        (0, rest) => below_hundred(rest),
        (h, 0) => format!("{} hundred", ONES[h as usize]),
        (h, rest) => format!("{} hundred and {}", ONES[h as usize], below_hundred(rest)),
    };
    match (n / 1000, n % 1000) {
        (0, rest) => below_thousand(rest),
        (t, 0) => format!("{} thousand", below_thousand(t)),
        (t, rest) if rest < 100 => {
            format!("{} thousand and {}", below_thousand(t), below_hundred(rest))
        }
        (t, rest) => format!("{} thousand {}", below_thousand(t), below_thousand(rest)),
    }
}

/// Decimals in the shortest form of `v` (12.25 → 2), at most 6.
fn decimals_of(v: f64) -> usize {
    let text = format!("{v}");
    text.split_once('.').map_or(0, |(_, f)| f.len().min(6))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_point_before_three_digits_reads_two_ways() {
        assert_eq!(
            ambiguous_thousands("1.234").as_deref(),
            Some(
                "`1.234` reads as 1,234 (one point two three four) in YAML; if you mean one thousand two hundred and thirty-four, write 1234"
            )
        );
        assert_eq!(
            ambiguous_thousands("-12.005").as_deref(),
            Some(
                "`-12.005` reads as -12,005 (minus twelve point zero zero five) in YAML; if you mean minus twelve thousand and five, write -12005"
            )
        );
        for plain in ["1.5", "1.23", "1234.567", "1.2345", "12", "1.23e4"] {
            assert_eq!(ambiguous_thousands(plain), None, "{plain}");
        }
        assert_eq!(english(100_000), "one hundred thousand");
        assert_eq!(
            english(999_999),
            "nine hundred and ninety-nine thousand nine hundred and ninety-nine"
        );
    }

    #[test]
    fn numbers_written_the_swedish_way_get_a_hint() {
        assert_eq!(
            number_hint("1 234"),
            "; write numbers without spaces, e.g. 1234"
        );
        assert_eq!(
            number_hint("1\u{a0}234"),
            "; write numbers without spaces, e.g. 1234"
        );
        assert_eq!(
            number_hint("12,5"),
            "; write decimals with a point, e.g. 12.5"
        );
        assert_eq!(number_hint("45"), "; remove the quotes: write 45");
        assert_eq!(
            number_hint("1.234.567"),
            "; write numbers without thousands separators, e.g. 1234567"
        );
        assert_eq!(
            number_hint("fyra"),
            "; write a number, or null where there is none"
        );
    }
}
