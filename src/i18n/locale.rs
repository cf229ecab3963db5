//! Locale packs: everything torget knows about a language besides its
//! interface strings, and the only code that names particular languages.
//!
//! Swedish, English, Finnish and Arabic are built in ([`BUILT_IN`]). A site
//! adds any other language with a `locale:` block in its interface-strings
//! file `themes/default/i18n/<code>.yaml` ([`LocaleBlock`]); loading the
//! theme installs it ([`install`]). A [`Lang`] is a cheap handle (a rank and
//! an interned code); [`Lang::locale`] finds its pack.

use std::collections::BTreeMap;
use std::sync::{LazyLock, RwLock};

use serde::Deserialize;

use super::Lang;
use crate::messages::{Message, Phrase};

/// Which way a language is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Direction {
    #[default]
    Ltr,
    Rtl,
}

impl Direction {
    /// The value of the HTML `dir` attribute.
    pub(crate) fn attribute(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// Words a language uses in URLs and fragment ids (ASCII, so addresses stay readable anywhere).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct UrlWords {
    /// A section's later pages: `/nyheter/sida/2/`.
    pub(crate) page: String,
    /// The topic (tag) pages' folder.
    pub(crate) topics: String,
    /// The search page's folder.
    pub(crate) search: String,
    /// The "other languages" page's folder.
    pub(crate) languages: String,
    /// The anchors of a dataset page: its table, chart and downloads.
    pub(crate) table: String,
    pub(crate) chart: String,
    pub(crate) downloads: String,
    /// The statistics calendar's folder, in the section of the datasets.
    #[serde(default = "calendar_word")]
    pub(crate) calendar: String,
}

fn calendar_word() -> String {
    "calendar".into()
}

impl Default for UrlWords {
    fn default() -> Self {
        UrlWords {
            page: "page".into(),
            topics: "topics".into(),
            search: "search".into(),
            languages: "languages".into(),
            table: "table".into(),
            chart: "chart".into(),
            downloads: "downloads".into(),
            calendar: calendar_word(),
        }
    }
}

/// Everything torget needs to write a language, besides its interface strings.
#[derive(Debug, Clone)]
pub(crate) struct Locale {
    /// The language's name in itself, as the language switch shows it ("Suomi").
    pub(crate) own_name: String,
    pub(crate) direction: Direction,
    /// chrono's locale and pattern for long dates, for the built-in languages.
    chrono: Option<(chrono::Locale, &'static str)>,
    /// Month names as a long date uses them, January first (packs without chrono data).
    months: Vec<String>,
    /// A long date: `{day}`, `{month}` and `{year}` filled in.
    date: String,
    /// Month names in statistics ("jan 2023"), January first.
    pub(crate) short_months: Vec<String>,
    /// A quarter in statistics, `{q}` filled in ("kv. 1"); the year follows after a space.
    pub(crate) quarter: String,
    pub(crate) decimal: char,
    pub(crate) group: char,
    /// A percentage: `{n}` filled in ("12,5 %").
    pub(crate) percent: String,
    /// Letters sorted after z, in order ("åäö" in Swedish and Finnish).
    pub(crate) after_z: Vec<char>,
    /// Whether quotations open with ” as they close (Swedish, Finnish).
    pub(crate) closing_quotes_only: bool,
    /// The comma between parts of a caption or a list: ", ", or "، " in Arabic.
    pub(crate) comma: String,
    /// Whether `check` measures readability with LIX (Swedish and English;
    /// Finnish compounds and Arabic script make its long-word count meaningless).
    pub(crate) lix: bool,
    /// `og:locale` for link previews.
    pub(crate) og_locale: String,
    pub(crate) words: UrlWords,
    /// Other languages named in this language, as `not_translated` says them ("engelska").
    pub(crate) names: BTreeMap<String, String>,
    /// The language's name in messages to editors (which are Swedish or English).
    phrase: Option<Phrase>,
}

impl Locale {
    /// A long date: "13 november 2019", "13. marraskuuta 2019".
    pub(crate) fn long_date(&self, date: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        if let Some((locale, pattern)) = self.chrono {
            return date.format_localized(pattern, locale).to_string();
        }
        let month = self
            .months
            .get(date.month0() as usize)
            .map_or("", String::as_str);
        self.date
            .replace("{day}", &date.day().to_string())
            .replace("{month}", month)
            .replace("{year}", &date.year().to_string())
    }

    /// How messages to editors name the language.
    pub(crate) fn message_name(&self, code: &str) -> Message {
        match self.phrase {
            Some(phrase) => phrase.into(),
            None => Message::verbatim(format!("{} ({code})", self.own_name)),
        }
    }

    /// The pack of a language torget has no data for (until its locale block is
    /// loaded): English formats, the code as its name, the direction from the code.
    fn fallback(code: &str) -> Locale {
        let language = code.split('-').next().unwrap_or(code);
        let rtl = RIGHT_TO_LEFT.contains(&language.to_ascii_lowercase().as_str());
        let en = english();
        Locale {
            own_name: code.to_string(),
            direction: if rtl { Direction::Rtl } else { Direction::Ltr },
            chrono: None,
            months: en.short_months.clone(),
            date: "{day} {month} {year}".into(),
            og_locale: code.replace('-', "_"),
            phrase: None,
            names: BTreeMap::new(),
            lix: false,
            ..en
        }
    }
}

/// Languages written right to left, by their primary language subtag.
const RIGHT_TO_LEFT: [&str; 9] = ["ar", "fa", "ur", "he", "yi", "ps", "sd", "ckb", "dv"];

fn months(names: [&str; 12]) -> Vec<String> {
    names.iter().map(|m| m.to_string()).collect()
}

fn names(pairs: [(&str, &str); 4]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(code, name)| (code.to_string(), name.to_string()))
        .collect()
}

fn swedish() -> Locale {
    Locale {
        own_name: "Svenska".into(),
        direction: Direction::Ltr,
        chrono: Some((chrono::Locale::sv_SE, "%-d %B %Y")),
        months: Vec::new(),
        date: String::new(),
        short_months: months([
            "jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
        ]),
        quarter: "kv.\u{a0}{q}".into(),
        decimal: ',',
        group: '\u{a0}',
        percent: "{n}\u{a0}%".into(),
        after_z: vec!['å', 'ä', 'ö'],
        closing_quotes_only: true,
        comma: ", ".into(),
        lix: true,
        og_locale: "sv_SE".into(),
        words: UrlWords {
            page: "sida".into(),
            topics: "amnen".into(),
            search: "sok".into(),
            languages: "andra-sprak".into(),
            table: "tabell".into(),
            chart: "diagram".into(),
            downloads: "ladda-ner".into(),
            calendar: "kalender".into(),
        },
        names: names([
            ("sv", "svenska"),
            ("en", "engelska"),
            ("fi", "finska"),
            ("ar", "arabiska"),
        ]),
        phrase: Some(Phrase::Swedish),
    }
}

fn english() -> Locale {
    Locale {
        own_name: "English".into(),
        direction: Direction::Ltr,
        chrono: Some((chrono::Locale::en_GB, "%-d %B %Y")),
        months: Vec::new(),
        date: String::new(),
        short_months: months([
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ]),
        quarter: "Q{q}".into(),
        decimal: '.',
        group: ',',
        percent: "{n}%".into(),
        after_z: Vec::new(),
        closing_quotes_only: false,
        comma: ", ".into(),
        lix: true,
        og_locale: "en_GB".into(),
        words: UrlWords {
            languages: "other-languages".into(),
            ..UrlWords::default()
        },
        names: names([
            ("sv", "Swedish"),
            ("en", "English"),
            ("fi", "Finnish"),
            ("ar", "Arabic"),
        ]),
        phrase: Some(Phrase::English),
    }
}

/// Finnish: dates in the partitive ("13. marraskuuta 2019"), numbers as in Swedish,
/// å ä ö after z as in Swedish; the language names are translative, as in
/// "sivua ei ole englanniksi".
fn finnish() -> Locale {
    Locale {
        own_name: "Suomi".into(),
        direction: Direction::Ltr,
        chrono: Some((chrono::Locale::fi_FI, "%-d. %Bta %Y")),
        months: Vec::new(),
        date: String::new(),
        // Kielitoimisto's abbreviations.
        short_months: months([
            "tammik.", "helmik.", "maalisk.", "huhtik.", "toukok.", "kesäk.", "heinäk.", "elok.",
            "syysk.", "lokak.", "marrask.", "jouluk.",
        ]),
        quarter: "{q}.\u{a0}nelj.".into(),
        decimal: ',',
        group: '\u{a0}',
        percent: "{n}\u{a0}%".into(),
        after_z: vec!['å', 'ä', 'ö'],
        closing_quotes_only: true,
        comma: ", ".into(),
        lix: false,
        og_locale: "fi_FI".into(),
        words: UrlWords {
            page: "sivu".into(),
            topics: "aiheet".into(),
            search: "haku".into(),
            languages: "muut-kielet".into(),
            table: "taulukko".into(),
            chart: "kaavio".into(),
            downloads: "lataa".into(),
            calendar: "kalenteri".into(),
        },
        names: names([
            ("sv", "ruotsiksi"),
            ("en", "englanniksi"),
            ("fi", "suomeksi"),
            ("ar", "arabiaksi"),
        ]),
        phrase: Some(Phrase::Finnish),
    }
}

/// Arabic (Modern Standard Arabic), right to left. Month names are chrono's
/// `ar_EG` (يناير، فبراير …). Numbers use Western digits, as Swedish
/// authorities' Arabic pages do, grouped and pointed as CLDR's Latin-digit
/// Arabic (1,234.5), with CLDR's left-to-right mark before a sign so that
/// "+2.5" does not read "2.5+" (see `number.rs`). Lists use the Arabic
/// comma. URL words are transliterated to ASCII.
fn arabic() -> Locale {
    Locale {
        own_name: "العربية".into(),
        direction: Direction::Rtl,
        chrono: Some((chrono::Locale::ar_EG, "%-d %B %Y")),
        months: Vec::new(),
        date: String::new(),
        short_months: months([
            "يناير",
            "فبراير",
            "مارس",
            "أبريل",
            "مايو",
            "يونيو",
            "يوليو",
            "أغسطس",
            "سبتمبر",
            "أكتوبر",
            "نوفمبر",
            "ديسمبر",
        ]),
        quarter: "الربع\u{a0}{q}".into(),
        decimal: '.',
        group: ',',
        percent: "{n}%".into(),
        after_z: Vec::new(),
        closing_quotes_only: false,
        comma: "، ".into(),
        lix: false,
        og_locale: "ar_AR".into(),
        words: UrlWords {
            page: "safha".into(),
            topics: "mawadi".into(),
            search: "bahth".into(),
            languages: "lughat-ukhra".into(),
            table: "jadwal".into(),
            chart: "rasm-bayani".into(),
            downloads: "tanzil".into(),
            calendar: "taqwim".into(),
        },
        names: names([
            ("sv", "السويدية"),
            ("en", "الإنجليزية"),
            ("fi", "الفنلندية"),
            ("ar", "العربية"),
        ]),
        phrase: Some(Phrase::Arabic),
    }
}

/// The built-in packs, in the order of their `Lang` ranks.
pub(crate) static BUILT_IN: LazyLock<[Locale; 4]> =
    LazyLock::new(|| [swedish(), english(), finnish(), arabic()]);

impl Lang {
    pub const SV: Lang = Lang::built_in(0, "sv");
    pub const EN: Lang = Lang::built_in(1, "en");
    pub const FI: Lang = Lang::built_in(2, "fi");
    pub const AR: Lang = Lang::built_in(3, "ar");
    /// The languages torget has a pack for without a site's help.
    pub(crate) const BUILT_IN: [Lang; 4] = [Lang::SV, Lang::EN, Lang::FI, Lang::AR];
}

/// Packs of languages a site added, by code; installed when the theme loads.
static ADDED: LazyLock<RwLock<BTreeMap<&'static str, &'static Locale>>> =
    LazyLock::new(|| RwLock::new(BTreeMap::new()));

/// The pack of a language that is not built in: the site's, or a fallback until it is loaded.
pub(crate) fn added(code: &'static str) -> &'static Locale {
    if let Some(locale) = ADDED.read().unwrap_or_else(|e| e.into_inner()).get(code) {
        return locale;
    }
    let mut added = ADDED.write().unwrap_or_else(|e| e.into_inner());
    added
        .entry(code)
        .or_insert_with(|| Box::leak(Box::new(Locale::fallback(code))))
}

/// Makes `block` the pack of `lang` (a language that is not built in).
///
/// A pack lives as long as the process: `serve` leaks the old one when the
/// file changes, a few hundred bytes per edit of a locale block.
pub(crate) fn install(lang: Lang, block: &LocaleBlock) {
    let locale: &'static Locale = Box::leak(Box::new(block.to_locale(lang.code())));
    ADDED
        .write()
        .unwrap_or_else(|e| e.into_inner())
        .insert(lang.code(), locale);
}

/// The `locale:` block of a site's interface-strings file for a language torget does not know.
///
/// ```yaml
/// locale:
///   name: Deutsch
///   direction: ltr
///   months: [Januar, Februar, …]
///   decimal: ","
///   group: "."
/// ```
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct LocaleBlock {
    /// The language's name in itself.
    pub(crate) name: String,
    #[serde(default)]
    pub(crate) direction: Option<Direction>,
    /// Twelve month names, January first, as a long date writes them.
    pub(crate) months: Vec<String>,
    /// Twelve short month names for statistics; the long ones if not given.
    #[serde(default)]
    pub(crate) short_months: Option<Vec<String>>,
    /// A long date, default `{day} {month} {year}`.
    #[serde(default)]
    pub(crate) date: Option<String>,
    pub(crate) decimal: char,
    pub(crate) group: char,
    /// Default `{n} %` with a no-break space.
    #[serde(default)]
    pub(crate) percent: Option<String>,
    /// Default `Q{q}`.
    #[serde(default)]
    pub(crate) quarter: Option<String>,
    /// Letters sorted after z, in order.
    #[serde(default)]
    pub(crate) after_z: Option<String>,
    /// The comma between parts of a caption or list, default ", ".
    #[serde(default)]
    pub(crate) comma: Option<String>,
    /// Words in URLs (ASCII); English by default.
    #[serde(default)]
    pub(crate) words: Option<UrlWords>,
    /// Other languages named in this language, as `not_translated` uses them.
    #[serde(default)]
    pub(crate) names: BTreeMap<String, String>,
}

impl LocaleBlock {
    /// Why the block cannot be used, if it cannot: a problem a reader would see.
    pub(crate) fn problem(&self) -> Option<(&'static str, usize)> {
        if self.months.len() != 12 {
            return Some(("months", self.months.len()));
        }
        match &self.short_months {
            Some(short) if short.len() != 12 => Some(("short_months", short.len())),
            _ => None,
        }
    }

    fn to_locale(&self, code: &str) -> Locale {
        let fallback = Locale::fallback(code);
        Locale {
            own_name: self.name.clone(),
            direction: self.direction.unwrap_or(fallback.direction),
            chrono: None,
            months: self.months.clone(),
            date: self
                .date
                .clone()
                .unwrap_or_else(|| "{day} {month} {year}".into()),
            short_months: self
                .short_months
                .clone()
                .unwrap_or_else(|| self.months.clone()),
            quarter: self.quarter.clone().unwrap_or(fallback.quarter),
            decimal: self.decimal,
            group: self.group,
            percent: self.percent.clone().unwrap_or_else(|| "{n}\u{a0}%".into()),
            after_z: self
                .after_z
                .as_deref()
                .map(|s| s.chars().collect())
                .unwrap_or_default(),
            closing_quotes_only: false,
            comma: self.comma.clone().unwrap_or_else(|| ", ".into()),
            lix: false,
            og_locale: fallback.og_locale,
            words: self.words.clone().unwrap_or_default(),
            names: self.names.clone(),
            phrase: None,
        }
    }
}

/// Whether `code` is a well-formed BCP 47 language tag as torget uses them:
/// a language subtag of 2–3 letters, then subtags of 1–8 letters or digits
/// (script, region, variants), joined by `-`.
pub(crate) fn well_formed(code: &str) -> bool {
    let mut subtags = code.split('-');
    let Some(language) = subtags.next() else {
        return false;
    };
    (2..=3).contains(&language.len())
        && language.bytes().all(|b| b.is_ascii_lowercase())
        && subtags
            .all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// The rank of a built-in language's code; others sort after them, by code.
pub(crate) fn built_in_rank(code: &str) -> Option<u16> {
    Lang::BUILT_IN
        .iter()
        .find(|l| l.code() == code)
        .map(|l| l.rank())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_checked_for_form() {
        for good in [
            "sv", "fi", "ar", "fa", "sr-Latn", "pt-BR", "se", "smj", "es-419",
        ] {
            assert!(well_formed(good), "{good}");
        }
        for bad in [
            "",
            "s",
            "svenska",
            "SV",
            "sv_SE",
            "sv-",
            "-sv",
            "sv--x",
            "en-toolongsubtag",
            "ä",
        ] {
            assert!(!well_formed(bad), "{bad}");
        }
    }

    #[test]
    fn right_to_left_languages_are_known_by_their_code() {
        assert_eq!(Locale::fallback("fa").direction, Direction::Rtl);
        assert_eq!(Locale::fallback("he-IL").direction, Direction::Rtl);
        assert_eq!(Locale::fallback("de").direction, Direction::Ltr);
        assert_eq!(Lang::AR.locale().direction, Direction::Rtl);
    }
}
