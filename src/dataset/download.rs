//! Downloads of a dataset, written beside its page in the default language:
//! `<id>.csv` for spreadsheets, `<id>.csv-metadata.json` describing that CSV
//! in every language (W3C CSV on the Web), `<id>.jsonstat.json` (JSON-stat
//! 2.0, as SCB's PxWeb and Eurostat speak it) and torget's own `<id>.json`.
//!
//! The CSV's columns are listed once ([`columns`]) so the CSV and its
//! metadata always describe the same table.

mod csv;
mod csvw;
mod jsonstat;

use std::collections::BTreeMap;

use serde::Serialize;

pub use self::csv::csv;
pub(crate) use self::csvw::csvw;
pub(crate) use self::jsonstat::jsonstat;
use super::{Better, Dataset, Observation, Period, PeriodKind, Series, Status};
use crate::i18n::{InterfaceStrings, Lang, Localized};

/// What the downloads need of the site besides the dataset.
pub(crate) struct SiteFacts<'a> {
    /// The site's languages, default language first.
    pub(crate) languages: &'a [Lang],
    /// The theme's interface strings per language, for column titles and labels.
    pub(crate) strings: &'a BTreeMap<Lang, InterfaceStrings>,
    /// Who publishes the site: its contact's name and web address.
    pub(crate) publisher: Option<(&'a Localized<String>, Option<&'a str>)>,
}

impl SiteFacts<'_> {
    fn default_language(&self) -> Lang {
        self.languages.first().copied().unwrap_or(Lang::SV)
    }

    /// The interface string `key` in `lang`, or the key itself when the theme lacks it.
    fn text(&self, lang: Lang, key: &'static str) -> String {
        self.strings
            .get(&lang)
            .and_then(|s| s.get(key))
            .unwrap_or(key)
            .to_string()
    }

    /// What status `status` means, in `lang`: the theme's `stats_status_<letter>`, else the letter in brackets.
    fn status_meaning(&self, lang: Lang, status: Status) -> String {
        let strings = self.strings.get(&lang);
        let mark = format!("[{}]", status.letter());
        match strings.and_then(|s| s.get(&status.string_key())) {
            Some(text) if text.starts_with(&mark) => text.to_string(),
            Some(text) => format!("{mark} {text}"),
            None => mark,
        }
    }
}

/// Every download of `dataset`: its file name (beside the dataset's page) and text.
pub(crate) fn files(dataset: &Dataset, site: &SiteFacts) -> [(String, String); 4] {
    let id = dataset.id.as_str();
    [
        (format!("{id}.csv"), csv(dataset, site.languages)),
        (format!("{id}.csv-metadata.json"), csvw(dataset, site)),
        (format!("{id}.jsonstat.json"), jsonstat(dataset, site)),
        (format!("{id}.json"), json(dataset)),
    ]
}

/// One column of the CSV, in order: the period, then per series its value,
/// its status letters, the older part-period and provisional flags, and its
/// notes per language.
#[derive(Clone, Copy)]
pub(crate) enum Column<'d> {
    Period,
    Value(&'d Series),
    Status(&'d Series),
    /// `true` when the status has `d`; kept from the first edition of the file.
    Partial(&'d Series),
    /// `true` when the status has `p`; kept from the first edition of the file.
    Preliminary(&'d Series),
    Note(&'d Series, Lang),
}

/// The CSV's columns for a site in `languages`.
pub(crate) fn columns<'d>(dataset: &'d Dataset, languages: &[Lang]) -> Vec<Column<'d>> {
    let mut columns = vec![Column::Period];
    for series in &dataset.series {
        columns.extend([
            Column::Value(series),
            Column::Status(series),
            Column::Partial(series),
            Column::Preliminary(series),
        ]);
        columns.extend(languages.iter().map(|lang| Column::Note(series, *lang)));
    }
    columns
}

impl Column<'_> {
    /// The header cell: a stable machine name built from the series key.
    pub(crate) fn header(self) -> String {
        match self {
            Column::Period => "period".to_string(),
            Column::Value(s) => s.key.clone(),
            Column::Status(s) => format!("{}_status", s.key),
            Column::Partial(s) => format!("{}_partial", s.key),
            Column::Preliminary(s) => format!("{}_preliminary", s.key),
            Column::Note(s, lang) => format!("{}_note_{}", s.key, lang.code()),
        }
    }

    /// The cell of this column for `period`.
    pub(crate) fn cell(self, period: Period) -> String {
        let observation = |s: &Series| s.values.get(&period).cloned().unwrap_or_default();
        match self {
            Column::Period => period.to_string(),
            Column::Value(s) => observation(s).value.map(number).unwrap_or_default(),
            Column::Status(s) => observation(s).status.letters(),
            Column::Partial(s) => observation(s).partial().to_string(),
            Column::Preliminary(s) => observation(s).preliminary().to_string(),
            Column::Note(s, lang) => observation(s).note.text(lang).to_string(),
        }
    }
}

/// A number in its shortest exact form with a decimal point: `12`, `23.1`.
pub(crate) fn number(value: f64) -> String {
    format!("{value}")
}

/// The period column's datatype, and its name in the theme's strings.
pub(crate) fn period_words(kind: PeriodKind) -> &'static str {
    match kind {
        PeriodKind::Year => "stats_year",
        PeriodKind::Quarter => "stats_quarter",
        PeriodKind::Month => "stats_month",
    }
}

#[derive(Serialize)]
struct JsonDataset<'a> {
    id: &'a str,
    title: &'a Localized<String>,
    description: &'a Localized<String>,
    unit: &'a Localized<String>,
    better: Better,
    source: &'a super::Source,
    /// The main source's id in `sources`, when it was named by one.
    #[serde(skip_serializing_if = "Option::is_none")]
    source_id: Option<&'a str>,
    /// Every source the values cite, by id.
    sources: &'a super::Sources,
    updated: String,
    period_kind: &'static str,
    measure: super::Measure,
    #[serde(skip_serializing_if = "Option::is_none")]
    frequency: Option<super::Frequency>,
    #[serde(skip_serializing_if = "Option::is_none")]
    next_update: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    contact: Option<JsonContact<'a>>,
    /// Changes to published figures, newest first.
    revisions: Vec<JsonRevision<'a>>,
    series: Vec<JsonSeries<'a>>,
}

#[derive(Serialize)]
struct JsonContact<'a> {
    name: &'a Localized<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonRevision<'a> {
    date: String,
    note: &'a Localized<String>,
}

#[derive(Serialize)]
struct JsonSeries<'a> {
    key: &'a str,
    label: &'a Localized<String>,
    values: Vec<JsonValue<'a>>,
}

#[derive(Serialize)]
struct JsonValue<'a> {
    period: String,
    value: Option<f64>,
    partial: bool,
    preliminary: bool,
    /// The status letters, `dp`; empty for a final figure of the whole period.
    status: String,
    /// The id of this value's source in `sources`, when not the dataset's own.
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    others: Vec<JsonOther<'a>>,
    #[serde(skip_serializing_if = "is_empty")]
    note: &'a Localized<String>,
}

#[derive(Serialize)]
struct JsonOther<'a> {
    value: f64,
    source: &'a str,
    #[serde(skip_serializing_if = "is_empty")]
    note: &'a Localized<String>,
}

fn is_empty(note: &&Localized<String>) -> bool {
    note.is_empty()
}

fn day(day: crate::text::date::Day) -> String {
    day.0.format("%Y-%m-%d").to_string()
}

/// The dataset as JSON, with every text in every language.
pub fn json(dataset: &Dataset) -> String {
    let document = JsonDataset {
        id: dataset.id.as_str(),
        title: &dataset.title,
        description: &dataset.description,
        unit: &dataset.unit,
        better: dataset.better,
        source: &dataset.source,
        source_id: dataset.source_id.as_deref(),
        sources: &dataset.sources,
        updated: dataset.updated.0.to_string(),
        period_kind: match dataset.kind {
            PeriodKind::Year => "year",
            PeriodKind::Quarter => "quarter",
            PeriodKind::Month => "month",
        },
        measure: dataset.measure,
        frequency: dataset.frequency,
        next_update: dataset.next_update.map(day),
        contact: dataset.contact.as_ref().map(|c| JsonContact {
            name: &c.name,
            email: c.email.as_deref(),
            url: c.url.as_deref(),
        }),
        revisions: (dataset.revisions.iter())
            .map(|r| JsonRevision {
                date: day(r.date),
                note: &r.note,
            })
            .collect(),
        series: dataset
            .series
            .iter()
            .map(|s| JsonSeries {
                key: &s.key,
                label: &s.label,
                values: s
                    .values
                    .iter()
                    .map(|(p, o): (&Period, &Observation)| JsonValue {
                        period: p.to_string(),
                        value: o.value,
                        partial: o.partial(),
                        preliminary: o.preliminary(),
                        status: o.status.letters(),
                        source: o.source.as_deref(),
                        others: (o.others.iter())
                            .map(|other| JsonOther {
                                value: other.value.0,
                                source: &other.source,
                                note: &other.note,
                            })
                            .collect(),
                        note: &o.note,
                    })
                    .collect(),
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dataset() -> Dataset {
        let text = "\
title: { sv: Skjutningar, en: Shootings }
unit: { sv: antal, en: number }
sources:
  polisen:
    name: { sv: Polisen, en: Police }
    url: https://example.org/
  nrk:
    name: { sv: NRK, en: NRK }
source: polisen
updated: 2024-06-01
revisions:
  - { date: 2024-06-01, note: { sv: 2022 reviderat., en: 2022 revised. } }
series:
  - key: shootings
    label: { sv: Skjutningar, en: Shootings }
    values:
      2022: { value: 29, status: [r], others: [{ value: 31, source: nrk }] }
      2023: null
      2024: { value: 8.5, partial: true, preliminary: true, note: { sv: \"1 jan, till juni\", en: \"to \\\"June\\\"\" } }
";
        Dataset::parse("s.yaml", "s", text, &[Lang::SV, Lang::EN]).unwrap()
    }

    #[test]
    fn json_holds_every_value_and_language() {
        let parsed: serde_json::Value = serde_json::from_str(&json(&dataset())).unwrap();
        assert_eq!(parsed["id"], "s");
        assert_eq!(parsed["title"]["en"], "Shootings");
        assert_eq!(parsed["period_kind"], "year");
        assert_eq!(parsed["series"][0]["values"][0]["value"], 29.0);
        assert!(parsed["series"][0]["values"][1]["value"].is_null());
        assert_eq!(parsed["series"][0]["values"][2]["partial"], true);
        assert_eq!(
            parsed["series"][0]["values"][2]["note"]["sv"],
            "1 jan, till juni"
        );
    }

    #[test]
    fn json_adds_statuses_sources_and_revisions() {
        let parsed: serde_json::Value = serde_json::from_str(&json(&dataset())).unwrap();
        let values = &parsed["series"][0]["values"];
        assert_eq!(values[0]["status"], "r");
        assert_eq!(values[1]["status"], "");
        assert_eq!(values[2]["status"], "dp");
        assert_eq!(values[0]["others"][0]["value"], 31.0);
        assert_eq!(values[0]["others"][0]["source"], "nrk");
        assert_eq!(parsed["source_id"], "polisen");
        assert_eq!(parsed["sources"]["nrk"]["name"]["en"], "NRK");
        assert_eq!(parsed["revisions"][0]["date"], "2024-06-01");
        assert_eq!(parsed["measure"], "count");
    }

    #[test]
    fn the_columns_name_each_series_and_language() {
        let dataset = dataset();
        let headers: Vec<String> = columns(&dataset, &[Lang::SV, Lang::EN])
            .into_iter()
            .map(Column::header)
            .collect();
        assert_eq!(
            headers,
            [
                "period",
                "shootings",
                "shootings_status",
                "shootings_partial",
                "shootings_preliminary",
                "shootings_note_sv",
                "shootings_note_en"
            ]
        );
    }
}
