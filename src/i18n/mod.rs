//! Languages: the `Lang` of a page, texts given per language, and dates as each language writes them.
//!
//! Interface strings of the theme live in `InterfaceStrings` (see [`strings`]).

pub mod locale;
pub(crate) mod number;
pub mod strings;

use std::collections::BTreeMap;
use std::fmt;

use crate::messages::Message;
use chrono::NaiveDate;
use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize};

pub use strings::InterfaceStrings;

/// A language a site is built in: a cheap handle to its locale pack.
///
/// Two words: the rank of a built-in language (Swedish 0, English 1,
/// Finnish 2, Arabic 3; others after them) and the BCP 47 code, interned so
/// it lives as long as the process. It orders built-in languages first in
/// that order and others by code, so every map keyed by `Lang` iterates the
/// same way in every build. [`Lang::locale`] finds its pack (see [`locale`]).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Lang {
    rank: u16,
    code: &'static str,
}

/// The rank of every language that is not built in.
const ADDED_RANK: u16 = u16::MAX;

/// Codes of languages that are not built in, interned.
static CODES: std::sync::LazyLock<std::sync::Mutex<Vec<&'static str>>> =
    std::sync::LazyLock::new(Default::default);

impl Lang {
    const fn built_in(rank: u16, code: &'static str) -> Lang {
        Lang { rank, code }
    }

    pub(crate) fn rank(self) -> u16 {
        self.rank
    }

    /// The BCP 47 code used in `lang`, `hreflang`, file names and URLs.
    pub fn code(self) -> &'static str {
        self.code
    }

    /// The language of `code` if it is well formed (see [`locale::well_formed`]).
    pub fn parse(code: &str) -> Option<Lang> {
        if !locale::well_formed(code) {
            return None;
        }
        if let Some(rank) = locale::built_in_rank(code) {
            return Some(Lang::BUILT_IN[usize::from(rank)]);
        }
        let mut codes = CODES.lock().unwrap_or_else(|e| e.into_inner());
        let code = match codes.iter().find(|c| **c == code) {
            Some(c) => *c,
            None => {
                let leaked: &'static str = Box::leak(code.to_string().into_boxed_str());
                codes.push(leaked);
                leaked
            }
        };
        Some(Lang {
            rank: ADDED_RANK,
            code,
        })
    }

    /// The language of `code` if torget has met it (built in, or named by the site): never a new one.
    pub fn from_code(code: &str) -> Option<Lang> {
        if let Some(rank) = locale::built_in_rank(code) {
            return Some(Lang::BUILT_IN[usize::from(rank)]);
        }
        let codes = CODES.lock().unwrap_or_else(|e| e.into_inner());
        codes.iter().find(|c| **c == code).map(|&code| Lang {
            rank: ADDED_RANK,
            code,
        })
    }

    /// The language's locale pack.
    pub(crate) fn locale(self) -> &'static locale::Locale {
        match locale::BUILT_IN.get(usize::from(self.rank)) {
            Some(locale) => locale,
            None => locale::added(self.code),
        }
    }

    /// The language's name in that language, for the language switch.
    pub(crate) fn own_name(self) -> &'static str {
        &self.locale().own_name
    }

    /// `ltr` or `rtl`, for the `dir` attribute.
    pub(crate) fn dir(self) -> &'static str {
        self.locale().direction.attribute()
    }

    /// The language's name in the reader's language ("engelska"), for messages to editors.
    pub fn name(self) -> Message {
        self.locale().message_name(self.code)
    }

    /// The language's name in English, for messages to editors.
    pub fn english_name(self) -> String {
        self.name().text(crate::messages::Language::English)
    }

    /// "13 november 2019", "13 November 2019", "13. marraskuuta 2019".
    pub(crate) fn long_date(self, date: NaiveDate) -> String {
        self.locale().long_date(date)
    }
}

impl fmt::Debug for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code)
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = String::deserialize(deserializer)?;
        Lang::parse(&code).ok_or_else(|| {
            de::Error::custom(format!(
                "invalid language code `{code}`, expected a BCP 47 code"
            ))
        })
    }
}

/// A text (or other value) given per language, as `{ sv: …, en: … }` in YAML.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Localized<T>(BTreeMap<Lang, T>);

impl<T> Localized<T> {
    pub(crate) fn get(&self, lang: Lang) -> Option<&T> {
        self.0.get(&lang)
    }

    /// The languages of `wanted` that have no value here.
    pub(crate) fn missing(&self, wanted: &[Lang]) -> Vec<Lang> {
        wanted
            .iter()
            .copied()
            .filter(|l| !self.0.contains_key(l))
            .collect()
    }
}

impl Localized<String> {
    /// The text in `lang`, or "" where it has none (checked at load where it matters).
    pub(crate) fn text(&self, lang: Lang) -> &str {
        self.get(lang).map_or("", String::as_str)
    }
}

impl<T> Default for Localized<T> {
    fn default() -> Self {
        Localized(BTreeMap::new())
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Localized<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        BTreeMap::<Lang, T>::deserialize(deserializer).map(Localized)
    }
}

impl<T> Localized<T> {
    /// Whether no language has a value.
    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A sort key for titles in `lang`: lowercase, the letters the language
/// sorts after z (å ä ö in Swedish and Finnish) after it, and Arabic
/// without its diacritics and with one alef, as search folds it.
pub(crate) fn collation_key(title: &str, lang: Lang) -> String {
    let after_z = &lang.locale().after_z;
    let mut key = String::with_capacity(title.len());
    for c in crate::text::slug::lowercase(title) {
        if let Some(i) = after_z.iter().position(|l| *l == c) {
            key.push(char::from_u32(0x7b + i as u32).unwrap_or(c));
        } else if !crate::text::arabic::push_folded(c, &mut key) {
            key.push(c);
        }
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swedish_titles_sort_with_a_ring_and_umlauts_last() {
        let mut titles = ["Öppet", "Zebra", "Ärende", "Åtgärd", "Apa"];
        titles.sort_by_key(|t| collation_key(t, Lang::SV));
        assert_eq!(titles, ["Apa", "Zebra", "Åtgärd", "Ärende", "Öppet"]);
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn long_dates_read_as_each_language_writes_them() {
        assert_eq!(Lang::SV.long_date(date(2019, 11, 26)), "26 november 2019");
        assert_eq!(Lang::EN.long_date(date(2019, 11, 26)), "26 November 2019");
        assert_eq!(Lang::SV.long_date(date(2020, 5, 1)), "1 maj 2020");
        assert_eq!(Lang::EN.long_date(date(2020, 5, 1)), "1 May 2020");
    }

    #[test]
    fn every_month_is_named_in_both_languages() {
        let sv: Vec<String> = (1..=12)
            .map(|m| Lang::SV.long_date(date(2023, m, 9)))
            .collect();
        let en: Vec<String> = (1..=12)
            .map(|m| Lang::EN.long_date(date(2023, m, 9)))
            .collect();
        assert_eq!(sv[0], "9 januari 2023");
        assert_eq!(sv[2], "9 mars 2023");
        assert_eq!(sv[7], "9 augusti 2023");
        assert_eq!(en[6], "9 July 2023");
        assert_eq!(en[11], "9 December 2023");
        assert!(
            sv.iter()
                .all(|d| d.chars().all(|c| c.is_alphanumeric() || c == ' '))
        );
    }

    #[test]
    fn localized_takes_any_language_and_rejects_malformed_codes() {
        let ok: Localized<String> =
            serde_yaml::from_str("{ sv: Hej, en: Hello, fi: Hei, se: Bures }").unwrap();
        assert_eq!(ok.get(Lang::EN).map(String::as_str), Some("Hello"));
        assert_eq!(ok.get(Lang::FI).map(String::as_str), Some("Hei"));
        assert_eq!(ok.missing(&Lang::BUILT_IN), vec![Lang::AR]);
        let err = serde_yaml::from_str::<Localized<String>>("{ sv: Hej, Franska: Salut }");
        assert!(
            err.unwrap_err()
                .to_string()
                .contains("invalid language code `Franska`")
        );
    }

    #[test]
    fn finnish_and_arabic_dates_use_chrono_month_names() {
        assert_eq!(
            Lang::FI.long_date(date(2019, 11, 13)),
            "13. marraskuuta 2019"
        );
        assert_eq!(Lang::FI.long_date(date(2020, 5, 1)), "1. toukokuuta 2020");
        assert_eq!(Lang::AR.long_date(date(2019, 11, 13)), "13 نوفمبر 2019");
    }

    #[test]
    fn languages_sort_built_in_first_then_by_code() {
        let de = Lang::parse("de").unwrap();
        let se = Lang::parse("se").unwrap();
        let mut langs = vec![se, Lang::AR, de, Lang::EN, Lang::SV, Lang::FI];
        langs.sort();
        assert_eq!(langs, [Lang::SV, Lang::EN, Lang::FI, Lang::AR, de, se]);
        assert_eq!(Lang::from_code("de"), Some(de));
        assert_eq!(Lang::parse("fi"), Some(Lang::FI));
        assert_eq!(Lang::from_code("never-named"), None);
        assert_eq!(Lang::parse("Deutsch"), None);
    }

    #[test]
    fn finnish_and_arabic_sort_as_their_readers_expect() {
        let mut fi = ["Öljy", "Zeta", "Äiti", "Aamu"];
        fi.sort_by_key(|t| collation_key(t, Lang::FI));
        assert_eq!(fi, ["Aamu", "Zeta", "Äiti", "Öljy"]);
        // Hamza forms sort as the bare alef, diacritics count for nothing.
        assert_eq!(
            collation_key("أَمن", Lang::AR),
            collation_key("امن", Lang::AR)
        );
        let mut ar = ["باب", "إسلام", "تمر"];
        ar.sort_by_key(|t| collation_key(t, Lang::AR));
        assert_eq!(ar, ["إسلام", "باب", "تمر"]);
    }
}
