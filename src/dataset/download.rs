//! Downloads of a dataset: CSV for spreadsheets and JSON for programs.

use serde::Serialize;

use super::{Better, Dataset, Observation, Period, PeriodKind};
use crate::i18n::{Lang, Localized};

/// UTF-8 CSV: comma-separated, decimal point, a header row, one row per period, flags as columns.
pub fn csv(dataset: &Dataset, languages: &[Lang]) -> String {
    let mut header = vec!["period".to_string()];
    for series in &dataset.series {
        let key = &series.key;
        header.push(key.clone());
        header.push(format!("{key}_partial"));
        header.push(format!("{key}_preliminary"));
        for lang in languages {
            header.push(format!("{key}_note_{}", lang.code()));
        }
    }
    let mut out = header.join(",");
    out.push('\n');
    for period in dataset.periods() {
        let mut row = vec![period.to_string()];
        for series in &dataset.series {
            let observation = series.values.get(&period);
            row.push(
                observation
                    .and_then(|o| o.value)
                    .map(number)
                    .unwrap_or_default(),
            );
            row.push(observation.is_some_and(|o| o.partial()).to_string());
            row.push(observation.is_some_and(|o| o.preliminary()).to_string());
            for lang in languages {
                row.push(field(
                    observation
                        .and_then(|o| o.note.get(*lang))
                        .map_or("", String::as_str),
                ));
            }
        }
        out.push_str(&row.join(","));
        out.push('\n');
    }
    out
}

/// A number in its shortest exact form with a decimal point: `12`, `23.1`.
fn number(value: f64) -> String {
    format!("{value}")
}

/// A CSV field, quoted when it holds a comma, quote or line break.
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
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
    updated: String,
    period_kind: &'static str,
    series: Vec<JsonSeries<'a>>,
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
    #[serde(skip_serializing_if = "is_empty")]
    note: &'a Localized<String>,
}

fn is_empty(note: &&Localized<String>) -> bool {
    note.is_empty()
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
        updated: dataset.updated.0.to_string(),
        period_kind: match dataset.kind {
            PeriodKind::Year => "year",
            PeriodKind::Quarter => "quarter",
            PeriodKind::Month => "month",
        },
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
source: { name: { sv: Polisen, en: Police }, url: https://example.org/ }
updated: 2024-06-01
series:
  - key: shootings
    label: { sv: Skjutningar, en: Shootings }
    values:
      2022: 29
      2023: null
      2024: { value: 8.5, partial: true, preliminary: true, note: { sv: \"1 jan, till juni\", en: \"to \\\"June\\\"\" } }
";
        Dataset::parse("s.yaml", "s", text, &[Lang::SV, Lang::EN]).unwrap()
    }

    /// Splits one CSV line, honouring quotes.
    fn split(line: &str) -> Vec<String> {
        let mut fields = vec![String::new()];
        let mut quoted = false;
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, quoted) {
                ('"', true) if chars.peek() == Some(&'"') => {
                    chars.next();
                    fields.last_mut().unwrap().push('"');
                }
                ('"', _) => quoted = !quoted,
                (',', false) => fields.push(String::new()),
                (c, _) => fields.last_mut().unwrap().push(c),
            }
        }
        fields
    }

    #[test]
    fn csv_round_trips_values_flags_and_notes() {
        let dataset = dataset();
        let text = csv(&dataset, &[Lang::SV, Lang::EN]);
        let lines: Vec<Vec<String>> = text.lines().map(split).collect();
        assert_eq!(
            lines[0],
            [
                "period",
                "shootings",
                "shootings_partial",
                "shootings_preliminary",
                "shootings_note_sv",
                "shootings_note_en"
            ]
        );
        assert_eq!(lines.len(), 4);
        let series = &dataset.series[0];
        for row in &lines[1..] {
            let period = Period::parse(&row[0]).unwrap();
            let observation = &series.values[&period];
            assert_eq!(row[1].parse::<f64>().ok(), observation.value);
            assert_eq!(row[2] == "true", observation.partial());
            assert_eq!(row[3] == "true", observation.preliminary());
            assert_eq!(row[4], observation.note.text(Lang::SV));
            assert_eq!(row[5], observation.note.text(Lang::EN));
        }
        assert_eq!(lines[3][4], "1 jan, till juni");
        assert_eq!(lines[3][5], "to \"June\"");
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
}
