//! Datasets: statistics read from YAML, their trends, and how they are shown.
//!
//! A dataset file (`content/statistik/dodsskjutningar-malmo.yaml`) holds one
//! or more series of values keyed by [`Period`]. This module owns the model
//! and its checks ([`Dataset::parse`]), the trend arithmetic ([`trend`]), and
//! the table, chart and downloads made from it.

pub mod chart;
pub mod download;
mod figure;
pub(crate) mod period;
pub mod table;
pub mod trend;
mod values;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::diagnostics::Diagnostic;
use crate::i18n::{Lang, Localized};
use crate::messages::{Message, Phrase, Rule};
use crate::text::date::Day;
use crate::text::slug::Slug;
use crate::yaml;
pub(crate) use figure::figure;
pub use period::{Period, PeriodKind};
pub use values::Observation;

/// Which direction of change is good news.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Better {
    Lower,
    Higher,
    #[default]
    Neutral,
}

/// Who publishes the figures, and where.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Source {
    pub(crate) name: Localized<String>,
    #[serde(default)]
    pub(crate) url: Option<String>,
}

/// One line of figures in a dataset.
#[derive(Debug, Clone)]
pub struct Series {
    pub(crate) key: String,
    pub(crate) label: Localized<String>,
    /// Values in period order.
    pub values: BTreeMap<Period, Observation>,
}

/// A checked dataset.
#[derive(Debug, Clone)]
pub struct Dataset {
    /// The file name without `.yaml`; also the slug of its pages.
    pub(crate) id: Slug,
    /// `content/<…>.yaml`, for messages.
    pub(crate) file: String,
    /// The file's text, so later checks can point at a line.
    pub(crate) text: String,
    pub(crate) title: Localized<String>,
    pub(crate) description: Localized<String>,
    pub(crate) unit: Localized<String>,
    /// Where the figures are about ("Malmö"), for captions.
    pub(crate) area: Localized<String>,
    pub better: Better,
    pub(crate) source: Source,
    pub(crate) updated: Day,
    /// Decimals shown for values and changes.
    pub decimals: usize,
    pub series: Vec<Series>,
    pub(crate) kind: PeriodKind,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DatasetFile {
    title: Localized<String>,
    #[serde(default)]
    description: Localized<String>,
    unit: Localized<String>,
    #[serde(default)]
    area: Localized<String>,
    #[serde(default)]
    better: Better,
    source: Source,
    updated: Day,
    #[serde(default)]
    decimals: Option<usize>,
    series: Vec<SeriesFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SeriesFile {
    key: String,
    label: Localized<String>,
    values: values::Values,
}

impl Dataset {
    /// Parses and checks the dataset in `text`; `id` is its file name without `.yaml`.
    pub fn parse(
        file: &str,
        id: &str,
        text: &str,
        languages: &[Lang],
    ) -> Result<Dataset, Vec<Diagnostic>> {
        let raw: DatasetFile = yaml::parse(file, text).map_err(|d| vec![d])?;
        let mut errors = Vec::new();
        let at = |path: &str| yaml::path_location(text, path);
        let id = match Slug::parse(id) {
            Ok(slug) => Some(slug),
            Err(message) => {
                errors.push(
                    Diagnostic::error(file, Rule::DatasetFileName.with("problem", message))
                        .with_hint(Phrase::DatasetFileNameHint),
                );
                None
            }
        };
        if let Some(problem) = raw
            .source
            .url
            .as_deref()
            .and_then(crate::config::web_address_problem)
        {
            errors.push(
                Diagnostic::error(file, Rule::DatasetSourceUrlInvalid.with("problem", problem))
                    .at(text, at("source.url"))
                    .with_hint(Phrase::WebAddressHint),
            );
        }
        let mut need = |path: &str, what: Message, texts: &Localized<String>| {
            for lang in texts.missing(languages) {
                errors.push(
                    Diagnostic::error(
                        file,
                        Rule::DatasetTextMissingLanguage
                            .with("what", what.clone())
                            .with("language", lang.name()),
                    )
                    .at(text, at(path))
                    .with_hint(Phrase::AddLanguageKey.with("code", lang.code())),
                );
            }
        };
        need("title", Phrase::TheTitle.into(), &raw.title);
        need("unit", Phrase::TheUnit.into(), &raw.unit);
        need(
            "source.name",
            Phrase::TheSourceName.into(),
            &raw.source.name,
        );
        if !raw
            .description
            .missing(languages)
            .len()
            .eq(&languages.len())
        {
            need(
                "description",
                Phrase::TheDescription.into(),
                &raw.description,
            );
        }
        if !raw.area.missing(languages).len().eq(&languages.len()) {
            need("area", Phrase::TheArea.into(), &raw.area);
        }
        for (i, series) in raw.series.iter().enumerate() {
            need(
                &format!("series[{i}].label"),
                Phrase::TheLabelOfSeries.with("key", &series.key),
                &series.label,
            );
            for (period, observation) in &series.values.0 {
                if !observation
                    .note
                    .missing(languages)
                    .len()
                    .eq(&languages.len())
                {
                    need(
                        &format!("series[{i}].values.{period}"),
                        Phrase::TheNoteFor.with("period", period.to_string()),
                        &observation.note,
                    );
                }
            }
        }
        for (i, series) in raw.series.iter().enumerate() {
            if series.values.0.is_empty() {
                errors.push(
                    Diagnostic::error(file, Rule::DatasetSeriesNoValues.with("key", &series.key))
                        .at(text, at(&format!("series[{i}].values")))
                        .with_hint(Phrase::DatasetSeriesNoValuesHint),
                );
            }
        }
        if raw.series.is_empty() {
            errors.push(
                Diagnostic::error(file, Rule::DatasetNoSeries)
                    .at(text, at("series"))
                    .with_hint(Phrase::DatasetNoSeriesHint),
            );
        }
        let mut keys = Vec::new();
        let mut kind = None;
        for (i, series) in raw.series.iter().enumerate() {
            if Slug::parse(&series.key).is_err() {
                errors.push(
                    Diagnostic::error(file, Rule::DatasetSeriesKey.with("key", &series.key))
                        .at(text, at(&format!("series[{i}].key"))),
                );
            }
            if keys.contains(&series.key.as_str()) {
                errors.push(
                    Diagnostic::error(file, Rule::DatasetSeriesKeyTwice.with("key", &series.key))
                        .at(text, at(&format!("series[{i}].key")))
                        .with_hint(Phrase::DatasetSeriesKeyTwiceHint),
                );
            }
            keys.push(&series.key);
            if let Some(first) = series.values.0.keys().next() {
                match kind {
                    None => kind = Some(first.kind()),
                    Some(k) if k != first.kind() => errors.push(
                        Diagnostic::error(
                            file,
                            Rule::DatasetMixedPeriods
                                .with("key", &series.key)
                                .with("kind", first.kind().name())
                                .with("dataset_kind", k.name()),
                        )
                        .at(text, at(&format!("series[{i}].values")))
                        .with_hint(Phrase::DatasetMixedPeriodsHint),
                    ),
                    Some(_) => {}
                }
            }
        }
        // A value like `1.234` among whole numbers is likely a Swede's one
        // thousand two hundred and thirty-four. Another value with decimals,
        // or a given `decimals`, says the decimals are meant.
        if raw.decimals.is_none() {
            let ambiguous: Vec<Option<(usize, String)>> = raw
                .series
                .iter()
                .enumerate()
                .flat_map(|(i, s)| s.values.0.iter().map(move |(p, o)| (i, p, o)))
                .filter(|(_, _, o)| o.value.is_some_and(|v| v.fract() != 0.0))
                .map(|(i, period, _)| {
                    // Written plainly (`2021: 1.234`) or as `value:` in a
                    // flagged value, in braces or on a line of its own.
                    let path = format!("series[{i}].values.{period}");
                    let (offset, written) = yaml::path_value(text, &path)
                        .filter(|(_, written)| !written.starts_with('{'))
                        .or_else(|| yaml::path_field_value(text, &path, "value"))?;
                    Some((offset, values::ambiguous_thousands(written)?))
                })
                .collect();
            if ambiguous.iter().all(Option::is_some) {
                for (offset, message) in ambiguous.into_iter().flatten() {
                    // The figure spelt out in words is English only, for now.
                    errors.push(
                        Diagnostic::error(
                            file,
                            Rule::DatasetValueAmbiguous.with("problem", message),
                        )
                        .at_offset(text, offset)
                        .with_hint(Phrase::DatasetValueAmbiguousHint),
                    );
                }
            }
        }
        let (Some(id), true) = (id, errors.is_empty()) else {
            return Err(errors);
        };
        let decimals = raw.decimals.unwrap_or_else(|| {
            raw.series
                .iter()
                .flat_map(|s| s.values.0.values())
                .map(|o| o.decimals)
                .max()
                .unwrap_or(0)
        });
        Ok(Dataset {
            id,
            file: file.to_string(),
            text: text.to_string(),
            title: raw.title,
            description: raw.description,
            unit: raw.unit,
            area: raw.area,
            better: raw.better,
            source: raw.source,
            updated: raw.updated,
            decimals,
            kind: kind.unwrap_or(PeriodKind::Year),
            series: raw
                .series
                .into_iter()
                .map(|s| Series {
                    key: s.key,
                    label: s.label,
                    values: s.values.0,
                })
                .collect(),
        })
    }

    /// Every period any series has a value (or a gap) for, in order.
    pub(crate) fn periods(&self) -> Vec<Period> {
        let mut periods: Vec<Period> = self
            .series
            .iter()
            .flat_map(|s| s.values.keys().copied())
            .collect();
        periods.sort();
        periods.dedup();
        periods
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LANGS: [Lang; 2] = [Lang::SV, Lang::EN];

    const GOOD: &str = "\
title: { sv: Döda i skjutningar i Malmö, en: Deaths from shootings in Malmö }
unit: { sv: personer, en: people }
better: lower
source:
  name: { sv: Polismyndigheten, en: Swedish Police Authority }
  url: https://example.org/
updated: 2019-11-13
series:
  - key: deaths
    label: { sv: Döda, en: Deaths }
    values:
      2017: 7
      2018: 12
      2019: { value: 5, partial: true, note: { sv: t.o.m. 11 november, en: up to 11 November } }
      2020: null
";

    #[test]
    fn parses_a_dataset_with_flags_and_gaps() {
        let dataset = Dataset::parse("d.yaml", "dodsfall", GOOD, &LANGS).unwrap();
        assert_eq!(dataset.kind, PeriodKind::Year);
        assert_eq!(dataset.better, Better::Lower);
        assert_eq!(dataset.decimals, 0);
        let values = &dataset.series[0].values;
        assert_eq!(values[&Period::Year(2018)].value, Some(12.0));
        assert!(values[&Period::Year(2019)].partial);
        assert_eq!(values[&Period::Year(2020)].value, None);
        assert_eq!(dataset.periods().len(), 4);
    }

    fn error_of(text: &str) -> Diagnostic {
        Dataset::parse("d.yaml", "d", text, &LANGS)
            .unwrap_err()
            .remove(0)
    }

    #[test]
    fn a_non_numeric_value_is_located() {
        let err = error_of(&GOOD.replace("2017: 7", "2017: sju"));
        assert_eq!(err.location.unwrap().line, 12, "{err}");
        assert!(
            err.message().contains("`sju` is not a number"),
            "{}",
            err.message()
        );
    }

    #[test]
    fn a_duplicate_period_is_located() {
        let err = error_of(&GOOD.replace("2018: 12", "2017: 12"));
        assert_eq!(err.location.unwrap().line, 13, "{err}");
        assert!(
            err.message().contains("2017 appears twice"),
            "{}",
            err.message()
        );
    }

    #[test]
    fn mixed_period_kinds_are_an_error() {
        let err = error_of(&GOOD.replace("2018: 12", "2018-Q1: 12"));
        assert_eq!(err.location.unwrap().line, 13, "{err}");
        assert!(err.message().contains("quarter"), "{}", err.message());
    }

    #[test]
    fn a_missing_label_translation_is_located() {
        let err = error_of(&GOOD.replace("label: { sv: Döda, en: Deaths }", "label: { sv: Döda }"));
        assert_eq!(
            err.to_string(),
            "d.yaml:10:5: the label of series `deaths` has no English text"
        );
    }

    #[test]
    fn an_unknown_key_suggests_the_right_one() {
        let err = error_of(&GOOD.replace("better: lower", "bettre: lower"));
        assert_eq!(err.location.unwrap().line, 3);
        assert_eq!(err.hint().as_deref(), Some("did you mean `better`?"));
    }

    #[test]
    fn a_series_without_values_is_an_error() {
        let text = GOOD[..GOOD.find("    values:").unwrap()].to_string() + "    values: {}\n";
        let err = error_of(&text);
        assert_eq!(
            err.to_string(),
            "d.yaml:11:5: series `deaths` has no values"
        );
    }

    #[test]
    fn decimals_follow_the_most_precise_value() {
        let dataset = Dataset::parse(
            "d.yaml",
            "d",
            &GOOD.replace("2018: 12", "2018: 12.25"),
            &LANGS,
        )
        .unwrap();
        assert_eq!(dataset.decimals, 2);
    }
}
