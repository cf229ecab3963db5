//! Languages: the `Lang` of a page, texts given per language, and dates as each language writes them.
//!
//! Interface strings of the theme live in `InterfaceStrings` (see [`strings`]).

pub(crate) mod number;
pub mod strings;

use std::collections::BTreeMap;
use std::fmt;

use crate::messages::Phrase;
use chrono::{Locale, NaiveDate};
use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize};

pub use strings::InterfaceStrings;

/// A language torget can build a site in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Sv,
    En,
}

impl Lang {
    pub(crate) const ALL: [Lang; 2] = [Lang::Sv, Lang::En];

    /// The BCP 47 code used in `lang`, `hreflang`, file names and URLs.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The language's name in that language, for the language switch.
    pub(crate) fn own_name(self) -> &'static str {
        match self {
            Lang::Sv => "Svenska",
            Lang::En => "English",
        }
    }

    /// The language's name in the reader's language ("engelska"), for messages to editors.
    pub fn name(self) -> Phrase {
        match self {
            Lang::Sv => Phrase::Swedish,
            Lang::En => Phrase::English,
        }
    }

    /// The language's name in English, for messages to editors.
    pub fn english_name(self) -> &'static str {
        match self {
            Lang::Sv => "Swedish",
            Lang::En => "English",
        }
    }

    /// "13 november 2019" / "13 November 2019" (chrono's locale data, pinned in Cargo.toml).
    pub(crate) fn long_date(self, date: NaiveDate) -> String {
        date.format_localized("%-d %B %Y", self.locale())
            .to_string()
    }

    fn locale(self) -> Locale {
        match self {
            Lang::Sv => Locale::sv_SE,
            Lang::En => Locale::en_GB,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = String::deserialize(deserializer)?;
        Lang::from_code(&code).ok_or_else(|| de::Error::unknown_variant(&code, &["sv", "en"]))
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
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct PerLanguage<T> {
            sv: Option<T>,
            en: Option<T>,
        }
        let per = PerLanguage::<T>::deserialize(deserializer)?;
        let mut map = BTreeMap::new();
        if let Some(v) = per.sv {
            map.insert(Lang::Sv, v);
        }
        if let Some(v) = per.en {
            map.insert(Lang::En, v);
        }
        Ok(Localized(map))
    }
}

/// A sort key that puts å, ä, ö after z in Swedish, as Swedish readers expect.
pub(crate) fn collation_key(title: &str, lang: Lang) -> String {
    crate::text::slug::lowercase(title)
        .map(|c| match (lang, c) {
            (Lang::Sv, 'å') => '\u{7b}',
            (Lang::Sv, 'ä') => '\u{7c}',
            (Lang::Sv, 'ö') => '\u{7d}',
            _ => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swedish_titles_sort_with_a_ring_and_umlauts_last() {
        let mut titles = ["Öppet", "Zebra", "Ärende", "Åtgärd", "Apa"];
        titles.sort_by_key(|t| collation_key(t, Lang::Sv));
        assert_eq!(titles, ["Apa", "Zebra", "Åtgärd", "Ärende", "Öppet"]);
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn long_dates_read_as_each_language_writes_them() {
        assert_eq!(Lang::Sv.long_date(date(2019, 11, 26)), "26 november 2019");
        assert_eq!(Lang::En.long_date(date(2019, 11, 26)), "26 November 2019");
        assert_eq!(Lang::Sv.long_date(date(2020, 5, 1)), "1 maj 2020");
        assert_eq!(Lang::En.long_date(date(2020, 5, 1)), "1 May 2020");
    }

    #[test]
    fn every_month_is_named_in_both_languages() {
        let sv: Vec<String> = (1..=12)
            .map(|m| Lang::Sv.long_date(date(2023, m, 9)))
            .collect();
        let en: Vec<String> = (1..=12)
            .map(|m| Lang::En.long_date(date(2023, m, 9)))
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
    fn localized_rejects_unknown_languages() {
        let ok: Localized<String> = serde_yaml::from_str("{ sv: Hej, en: Hello }").unwrap();
        assert_eq!(ok.get(Lang::En).map(String::as_str), Some("Hello"));
        assert_eq!(ok.missing(&Lang::ALL), vec![]);
        let err = serde_yaml::from_str::<Localized<String>>("{ sv: Hej, fr: Salut }");
        assert!(err.unwrap_err().to_string().contains("unknown field `fr`"));
    }
}
