//! Slugs: the URL segment of a page, made safe by construction.
//!
//! A [`Slug`] only ever holds lowercase ASCII letters, digits and single
//! inner dashes, so no slug can name a parent folder, a hidden file or a
//! path outside the output folder.

use std::fmt;

use crate::messages::{Message, Rule};
use serde::Serialize;

/// One safe URL path segment.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub(crate) struct Slug(String);

/// Longest slug we make from a title; long enough for any headline, short enough for any file system.
const MAX_LEN: usize = 80;

impl Slug {
    /// A slug made from a title or heading: "Kända brister" → `kanda-brister`; `None` if nothing is left.
    pub(crate) fn from_text(text: &str) -> Option<Slug> {
        let ascii = ascii_slug(text);
        let trimmed = truncate_at_dash(&ascii, MAX_LEN);
        (!trimmed.is_empty()).then(|| Slug(trimmed.to_string()))
    }

    /// Checks a slug given by an editor; the error says what is wrong.
    pub(crate) fn parse(given: &str) -> Result<Slug, Message> {
        if given.is_empty() {
            return Err(Rule::SlugEmpty.into());
        }
        if given.contains(['/', '\\']) || given.contains("..") || given.starts_with('.') {
            return Err(Rule::SlugPath.with("slug", given));
        }
        let valid = given
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !given.starts_with('-')
            && !given.ends_with('-')
            && !given.contains("--");
        if !valid || given.len() > MAX_LEN {
            return Err(Rule::SlugCharacters
                .with("slug", given)
                .with("max", MAX_LEN.to_string()));
        }
        Ok(Slug(given.to_string()))
    }

    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Lowercase ASCII with dashes between words, for text in any script:
/// "Kända brister" → `kanda-brister`, "Ayşe Yılmaz" → `ayse-yilmaz`,
/// "Мальмё" → `malmio`, "日本語" → `ri-ben-yu`.
///
/// Letters and digits are transliterated by `deunicode`; everything else
/// (punctuation, symbols, emoji, spaces) separates words, so an emoji never
/// becomes an English word in an address. Marks that belong to the letter
/// before them (a combining ¨, a soft hyphen, a joiner) neither add letters
/// nor split the word.
pub(crate) fn ascii_slug(text: &str) -> String {
    let mut words = Words {
        out: String::with_capacity(text.len()),
        gap: false,
    };
    for c in text.chars() {
        // Nearly every title is ASCII: no table look-up for it.
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                words.push(c as u8);
            } else {
                words.gap = true;
            }
            continue;
        }
        match crate::text::arabic::slug_letter(c).or_else(|| deunicode::deunicode_char(c)) {
            Some(ascii) if c.is_alphanumeric() => {
                // A transliteration may hold spaces between syllables (東京
                // → "Dong Jing ") and marks for sounds such as the soft sign
                // ь → "'": spaces separate, marks are left out.
                for b in ascii.bytes() {
                    if b.is_ascii_alphanumeric() {
                        words.push(b);
                    } else if b == b' ' {
                        words.gap = true;
                    }
                }
            }
            // Combining marks, soft hyphens, joiners: part of the letter before.
            Some("") => {}
            // Punctuation, symbols, emoji, and letters deunicode cannot write.
            _ => words.gap = true,
        }
    }
    words.out
}

/// A slug being written: lowercase ASCII letters and digits, and a dash
/// wherever a separator came between two of them.
struct Words {
    out: String,
    gap: bool,
}

impl Words {
    fn push(&mut self, ascii_alphanumeric: u8) {
        if self.gap && !self.out.is_empty() {
            self.out.push('-');
        }
        self.gap = false;
        self.out
            .push(char::from(ascii_alphanumeric.to_ascii_lowercase()));
    }
}

/// The characters of `text` in lowercase; ASCII, nearly all of it, without
/// the Unicode tables (sort keys and search words are made so).
pub(crate) fn lowercase(text: &str) -> impl Iterator<Item = char> + '_ {
    let mut chars = text.chars();
    let mut pending: Option<std::char::ToLowercase> = None;
    std::iter::from_fn(move || {
        loop {
            if let Some(c) = pending.as_mut().and_then(Iterator::next) {
                return Some(c);
            }
            let c = chars.next()?;
            if c.is_ascii() {
                return Some(c.to_ascii_lowercase());
            }
            pending = Some(c.to_lowercase());
        }
    })
}

fn truncate_at_dash(slug: &str, max: usize) -> &str {
    if slug.len() <= max {
        return slug;
    }
    let cut = &slug[..max];
    cut.rfind('-').map_or(cut, |i| &cut[..i])
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn slugs_from_any_text_are_safe_and_never_empty(text in "\\PC{0,200}") {
            if let Some(slug) = Slug::from_text(&text) {
                let s = slug.as_str();
                prop_assert!(!s.is_empty() && s.len() <= MAX_LEN);
                prop_assert!(s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
                prop_assert!(!s.starts_with('-') && !s.ends_with('-') && !s.contains("--"));
                // What from_text makes, parse accepts: one rule for both.
                prop_assert_eq!(Slug::parse(s).map(|p| p.as_str().to_string()), Ok(s.to_string()));
            } else {
                prop_assert!(ascii_slug(&text).is_empty());
            }
        }

        #[test]
        fn a_letter_in_any_text_stays_inside_its_word(
            before in "\\PC{0,60}",
            letter in prop::sample::select(one_word_letters()),
            after in "\\PC{0,60}",
        ) {
            let text = format!("{before} x{letter}y {after}");
            let transliterated = deunicode::deunicode_char(letter).unwrap_or_default();
            let word: String = std::iter::once('x')
                .chain(transliterated.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()))
                .chain(std::iter::once('y'))
                .collect();
            let slug = ascii_slug(&text);
            prop_assert!(
                slug.split('-').any(|w| w == word),
                "{letter:?} (U+{:04X}) in {text:?} gave {slug:?}, without the word {word:?}",
                u32::from(letter)
            );
        }

        #[test]
        fn given_slugs_are_accepted_only_when_safe(given in "\\PC{0,40}") {
            if let Ok(slug) = Slug::parse(&given) {
                let path = std::path::Path::new("out").join(slug.as_str());
                prop_assert_eq!(path.components().count(), 2, "a slug is one plain path segment");
                prop_assert!(!slug.as_str().contains(['/', '\\', '.']));
            }
        }
    }

    /// Every letter and digit whose transliteration is one word (ASCII
    /// letters or digits and no space): none of them may split a word.
    fn one_word_letters() -> &'static [char] {
        static LETTERS: std::sync::OnceLock<Vec<char>> = std::sync::OnceLock::new();
        LETTERS.get_or_init(|| {
            (0..=u32::from(char::MAX))
                .filter_map(char::from_u32)
                .filter(|c| c.is_alphanumeric())
                .filter(|&c| {
                    deunicode::deunicode_char(c).is_some_and(|t| {
                        t.bytes().any(|b| b.is_ascii_alphanumeric()) && !t.contains(' ')
                    })
                })
                .collect()
        })
    }

    #[test]
    fn no_letter_of_any_script_becomes_a_separator() {
        let letters = one_word_letters();
        for needed in ['ş', 'ı', 'đ', 'ł', 'ð', 'ж', 'λ', 'ب', 'ก', 'ⅻ', '٣'] {
            assert!(letters.contains(&needed), "{needed:?} is not checked");
        }
        for &letter in letters {
            let slug = ascii_slug(&format!("x{letter}y"));
            assert!(
                slug.starts_with('x') && slug.ends_with('y') && !slug.contains('-'),
                "{letter:?} (U+{:04X}) gave {slug:?}",
                u32::from(letter)
            );
        }
    }

    #[test]
    fn swedish_letters_fold_to_ascii() {
        assert_eq!(
            Slug::from_text("Nytt möte med kriminella i Sluta skjut")
                .unwrap()
                .as_str(),
            "nytt-mote-med-kriminella-i-sluta-skjut"
        );
        assert_eq!(
            Slug::from_text("Kända brister").unwrap().as_str(),
            "kanda-brister"
        );
        assert_eq!(
            Slug::from_text("Åtgärder & ÄNDRINGAR").unwrap().as_str(),
            "atgarder-andringar"
        );
        assert_eq!(
            Slug::from_text("”Call-in” – vad är det?").unwrap().as_str(),
            "call-in-vad-ar-det"
        );
    }

    #[test]
    fn text_without_letters_gives_no_slug() {
        assert_eq!(Slug::from_text("… – ?"), None);
        assert_eq!(Slug::from_text(""), None);
        assert_eq!(Slug::from_text("🎉 ❤️ ™ © € —"), None);
    }

    fn slug(text: &str) -> String {
        Slug::from_text(text).unwrap().as_str().to_string()
    }

    #[test]
    fn letters_a_hand_table_missed_are_transliterated() {
        assert_eq!(slug("Ayşe Yılmaz"), "ayse-yilmaz");
        assert_eq!(slug("Şehir planı"), "sehir-plani");
        // Turkish capital İ must not split "İstanbul" with a combining dot.
        assert_eq!(slug("İstanbul ve Ağrı"), "istanbul-ve-agri");
        assert_eq!(
            slug("Zażółć gęślą jaźń w Łodzi"),
            "zazolc-gesla-jazn-w-lodzi"
        );
        assert_eq!(slug("Đurđevac i Šibenik"), "durdevac-i-sibenik");
        assert_eq!(slug("Þórður Guðmundsson"), "thordur-gudmundsson");
    }

    #[test]
    fn swedish_rules_hold_for_neighbouring_languages() {
        assert_eq!(slug("Blåbär, äpple och öl"), "blabar-apple-och-ol");
        assert_eq!(slug("Ærø og Østerbro"), "aero-og-osterbro");
        assert_eq!(slug("Große Straße"), "grosse-strasse");
    }

    #[test]
    fn other_scripts_give_readable_ascii() {
        // The soft sign ь is written as nothing, not as a word break.
        assert_eq!(slug("Мальмё"), "malmio");
        assert_eq!(slug("Москва и Киев"), "moskva-i-kiev");
        assert_eq!(slug("Αθήνα και Θεσσαλονίκη"), "athena-kai-thessalonike");
        // deunicode leaves out the long vowel alef; it is written `a`, so the article reads "al".
        assert_eq!(slug("مدينة الرياض"), "mdyna-alryad");
        assert_eq!(slug("الاجتماع الأول"), "alajtma-alawl");
        // Each CJK character is one syllable, so each is a word.
        assert_eq!(slug("日本語"), "ri-ben-yu");
        assert_eq!(slug("東京都"), "dong-jing-du");
        assert_eq!(slug("한국어 안내"), "hangugeo-annae");
    }

    #[test]
    fn symbols_and_emoji_separate_words_and_never_become_words() {
        assert_eq!(slug("Glass 🍦 i parken"), "glass-i-parken");
        assert_eq!(slug("❤️Malmö"), "malmo");
        assert_eq!(slug("Taxa 100 € ™ 2024©"), "taxa-100-2024");
        assert_eq!(slug("Ja/nej — kanske"), "ja-nej-kanske");
    }

    #[test]
    fn marks_that_belong_to_a_letter_do_not_split_its_word() {
        // Decomposed å ä ö (as pasted from some systems), a soft hyphen and a joiner.
        assert_eq!(slug("Ka\u{308}nda brister"), "kanda-brister");
        assert_eq!(slug("Kommun\u{ad}fullmäktige"), "kommunfullmaktige");
        assert_eq!(slug("می\u{200c}خواهم"), "mykhwahm");
    }

    #[test]
    fn long_titles_are_cut_at_a_word() {
        let slug = Slug::from_text(&"ord ".repeat(60)).unwrap();
        assert!(slug.as_str().len() <= MAX_LEN);
        assert!(!slug.as_str().ends_with('-'));
    }

    #[test]
    fn given_slugs_that_could_escape_are_refused() {
        for bad in [
            "../etc", "a/b", "..", ".hidden", "a\\b", "", "Stora", "a b", "-a", "a--b",
        ] {
            assert!(Slug::parse(bad).is_err(), "{bad:?} was accepted");
        }
        assert_eq!(
            Slug::parse("ny-call-in-2019").unwrap().as_str(),
            "ny-call-in-2019"
        );
    }
}
