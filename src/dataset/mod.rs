//! Datasets: statistics read from YAML, their trends, and how they are shown.
//!
//! A dataset file (`content/statistik/dodsskjutningar-malmo.yaml`) holds one
//! or more series of values keyed by [`Period`]. This module owns the model
//! and its checks ([`Dataset::parse`]), the trend arithmetic ([`trend`]), and
//! the table, chart and downloads made from it.

pub mod chart;
mod citation;
mod derive;
pub mod download;
mod figure;
mod latest;
pub(crate) mod period;
mod provenance;
mod status;
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
pub(crate) use derive::derive_rates;
pub(crate) use figure::{figure, figure_with_chart};
pub(crate) use latest::{latest, latest_text};
pub use period::{Period, PeriodKind};
pub use provenance::{ChartKind, Frequency, Measure};
pub(crate) use provenance::{Contact, Per, Revision, Source, SourceRef, Sources};
pub use status::{Status, Statuses};
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

/// One line of figures in a dataset.
#[derive(Debug, Clone)]
pub struct Series {
    pub(crate) key: String,
    pub(crate) label: Localized<String>,
    /// Values in period order; for a derived rate, computed when the site's datasets are loaded.
    pub values: BTreeMap<Period, Observation>,
    /// How a rate series is derived from another dataset (`per:`), with the key of the series it divides.
    pub(crate) per: Option<(Per, String)>,
    /// For a derived rate: the base dataset's title and main source, to cite beside this one's.
    pub(crate) derived_from: Option<(Localized<String>, Source)>,
    /// Decimals to show this series' values with: the dataset's `decimals`,
    /// else as written, and one for a derived rate.
    pub(crate) decimals: usize,
}

impl Series {
    /// What this series counts: the dataset's `unit`, but a derived rate's own
    /// label ("Per 100 000 invånare"), as its values are not in the dataset's unit.
    pub(crate) fn unit<'a>(&'a self, dataset: &'a Dataset) -> &'a Localized<String> {
        match self.per {
            Some(_) => &self.label,
            None => &dataset.unit,
        }
    }
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
    /// The dataset's main source, written out or taken from `sources` by id.
    pub(crate) source: Source,
    /// The main source's id in `sources`, when it was named by one.
    pub(crate) source_id: Option<String>,
    /// Every source the values cite, by id.
    pub(crate) sources: Sources,
    pub(crate) updated: Day,
    /// Decimals shown for figures across its series (the range of values):
    /// the most of any series'; each series shows its own ([`Series`]).
    pub decimals: usize,
    pub series: Vec<Series>,
    pub(crate) kind: PeriodKind,
    pub measure: Measure,
    pub(crate) frequency: Option<Frequency>,
    pub(crate) next_update: Option<Day>,
    pub(crate) contact: Option<Contact>,
    /// Changes to published figures, newest first.
    pub(crate) revisions: Vec<Revision>,
    /// The chart drawn: as written, else by the measure.
    pub chart: ChartKind,
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
    #[serde(default)]
    sources: Sources,
    source: SourceRef,
    updated: Day,
    #[serde(default)]
    decimals: Option<usize>,
    #[serde(default)]
    measure: Measure,
    #[serde(default)]
    frequency: Option<Frequency>,
    #[serde(default)]
    next_update: Option<Day>,
    #[serde(default)]
    contact: Option<Contact>,
    #[serde(default)]
    revisions: Vec<Revision>,
    #[serde(default)]
    chart: Option<ChartKind>,
    series: Vec<SeriesFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SeriesFile {
    key: String,
    label: Localized<String>,
    #[serde(default)]
    values: values::Values,
    #[serde(default)]
    per: Option<Per>,
    /// The series a `per:` rate divides, when not the first one with values.
    #[serde(default)]
    of: Option<String>,
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
        let source_urls = (raw.sources.iter())
            .map(|(id, source)| (format!("sources.{id}.url"), source))
            .chain(match &raw.source {
                SourceRef::Written(source) => Some(("source.url".to_string(), source)),
                SourceRef::Id(_) => None,
            });
        for (path, source) in source_urls {
            if let Some(problem) =
                (source.url.as_deref()).and_then(crate::config::web_address_problem)
            {
                errors.push(
                    Diagnostic::error(file, Rule::DatasetSourceUrlInvalid.with("problem", problem))
                        .at(text, at(&path))
                        .with_hint(Phrase::WebAddressHint),
                );
            }
        }
        let contact_url = (raw.contact.as_ref()).and_then(|c| c.url.as_deref());
        if let Some(problem) = contact_url.and_then(crate::config::web_address_problem) {
            errors.push(
                Diagnostic::error(file, Rule::DatasetSourceUrlInvalid.with("problem", problem))
                    .at(text, at("contact.url"))
                    .with_hint(Phrase::WebAddressHint),
            );
        }
        // `offset`: where the id is written, when it was found on the value's line.
        let contact_email = (raw.contact.as_ref()).and_then(|c| c.email.as_deref());
        if let Some(email) = contact_email.filter(|e| !crate::accessibility::is_email_address(e)) {
            let at_email = yaml::path_field_value(text, "contact", "email")
                .map(|(offset, _)| crate::diagnostics::Location::of_offset(text, offset))
                .unwrap_or_else(|| at("contact.email"));
            errors.push(
                Diagnostic::error(
                    file,
                    Rule::DatasetContactEmail
                        .with("problem", Phrase::NotAnEmailAddress.with("address", email)),
                )
                .at(text, at_email)
                .with_hint(Phrase::FeedbackEmailHint),
            );
        }
        let mut cites = |path: String, fallback: String, id: &str, offset: Option<usize>| {
            if raw.sources.contains_key(id) {
                return;
            }
            let hint = match crate::diagnostics::closest(id, raw.sources.keys().map(String::as_str))
            {
                Some(suggestion) => Phrase::DidYouMean.with("suggestion", suggestion),
                None => Phrase::DatasetUnknownSourceHint.into(),
            };
            let diagnostic = Diagnostic::error(file, Rule::DatasetUnknownSource.with("id", id));
            errors.push(
                match offset {
                    Some(offset) => diagnostic.at_offset(text, offset),
                    None => {
                        diagnostic.at(text, yaml::first_path_location(text, &[&path, &fallback]))
                    }
                }
                .with_hint(hint),
            );
        };
        if let SourceRef::Id(id) = &raw.source {
            cites("source".into(), "source".into(), id, None);
        }
        // The id itself in the value's `source`, or in its `others` list.
        let id_in = |path: &str, field: &str, id: &str| {
            let (at, written) = yaml::path_field_value(text, path, field)?;
            let found = (written.match_indices(id)).find(|(i, _)| {
                let before = written[..*i].chars().next_back();
                let after = written[i + id.len()..].chars().next();
                let edge = |c: Option<char>| {
                    c.is_none_or(|c| !(c.is_alphanumeric() || c == '-' || c == '_'))
                };
                edge(before) && edge(after)
            });
            Some(at + found.map_or(0, |(i, _)| i))
        };
        for (i, series) in raw.series.iter().enumerate() {
            for (period, observation) in &series.values.0 {
                let at_value = format!("series[{i}].values.{period}");
                if let Some(id) = &observation.source {
                    let offset = id_in(&at_value, "source", id);
                    cites(format!("{at_value}.source"), at_value.clone(), id, offset);
                }
                for other in &observation.others {
                    let offset = id_in(&at_value, "others", &other.source);
                    cites(
                        format!("{at_value}.others"),
                        at_value.clone(),
                        &other.source,
                        offset,
                    );
                }
            }
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
        if let SourceRef::Written(source) = &raw.source {
            need("source.name", Phrase::TheSourceName.into(), &source.name);
        }
        for (id, source) in &raw.sources {
            need(
                &format!("sources.{id}.name"),
                Phrase::TheNameOfSource.with("id", id),
                &source.name,
            );
        }
        if let Some(contact) = &raw.contact {
            need("contact.name", Phrase::TheContactName.into(), &contact.name);
        }
        for (i, revision) in raw.revisions.iter().enumerate() {
            need(
                &format!("revisions[{i}]"),
                Phrase::TheRevisionNote
                    .with("date", revision.date.0.format("%Y-%m-%d").to_string()),
                &revision.note,
            );
        }
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
                for other in &observation.others {
                    if !other.note.missing(languages).len().eq(&languages.len()) {
                        need(
                            &format!("series[{i}].values.{period}"),
                            Phrase::TheNoteFor.with("period", period.to_string()),
                            &other.note,
                        );
                    }
                }
            }
        }
        for (i, series) in raw.series.iter().enumerate() {
            let Some(per) = &series.per else {
                continue;
            };
            if !series.values.0.is_empty() {
                errors.push(
                    Diagnostic::error(
                        file,
                        Rule::DatasetDerivedWithValues.with("key", &series.key),
                    )
                    .at(text, at(&format!("series[{i}].values")))
                    .with_hint(Phrase::DatasetDerivedWithValuesHint),
                );
            }
            if !(per.scale.is_finite() && per.scale > 0.0) {
                errors.push(
                    Diagnostic::error(
                        file,
                        Rule::DatasetDerivedScale.with("scale", per.scale.to_string()),
                    )
                    .at(
                        text,
                        yaml::first_path_location(
                            text,
                            &[
                                &format!("series[{i}].per.scale"),
                                &format!("series[{i}].per"),
                            ],
                        ),
                    )
                    .with_hint(Phrase::DatasetDerivedScaleHint),
                );
            }
            let counted = |s: &&SeriesFile| s.per.is_none() && !s.values.0.is_empty();
            let found = match &series.of {
                Some(key) => raw.series.iter().filter(counted).any(|s| &s.key == key),
                None => raw.series.iter().any(|s| counted(&s)),
            };
            if !found {
                // Without `of:`, there is no series named to blame: say none has values.
                let rule = match &series.of {
                    Some(of) => Rule::DatasetDerivedUnknownSeries
                        .with("key", &series.key)
                        .with("of", of),
                    None => Rule::DatasetDerivedNothingToDivide.with("key", &series.key),
                };
                let hint = match &series.of {
                    Some(_) => Phrase::DatasetDerivedUnknownSeriesHint,
                    None => Phrase::DatasetDerivedNothingToDivideHint,
                };
                errors.push(
                    Diagnostic::error(file, rule)
                        .at(
                            text,
                            yaml::first_path_location(
                                text,
                                &[&format!("series[{i}].of"), &format!("series[{i}].per")],
                            ),
                        )
                        .with_hint(hint),
                );
            }
        }
        for (i, series) in raw.series.iter().enumerate() {
            if series.values.0.is_empty() && series.per.is_none() {
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
        // Each series keeps its own decimals: a count is not shown as "35,0"
        // beside a rate of "4,9". A rate is rarely whole: one decimal unless
        // the dataset says otherwise.
        let series_decimals = |s: &SeriesFile| {
            raw.decimals.unwrap_or_else(|| match s.per {
                Some(_) => 1,
                None => (s.values.0.values().map(|o| o.decimals)).max().unwrap_or(0),
            })
        };
        let each_decimals: Vec<usize> = raw.series.iter().map(series_decimals).collect();
        let decimals = raw
            .decimals
            .unwrap_or_else(|| each_decimals.iter().copied().max().unwrap_or(0));
        let (source, source_id) = match raw.source {
            SourceRef::Written(source) => (source, None),
            SourceRef::Id(id) => match raw.sources.get(&id) {
                Some(source) => (source.clone(), Some(id)),
                None => return Err(errors),
            },
        };
        let first_counted = (raw.series.iter())
            .find(|s| s.per.is_none())
            .map(|s| s.key.clone())
            .unwrap_or_default();
        let mut revisions = raw.revisions;
        revisions.sort_by_key(|r| std::cmp::Reverse(r.date));
        Ok(Dataset {
            id,
            file: file.to_string(),
            text: text.to_string(),
            title: raw.title,
            description: raw.description,
            unit: raw.unit,
            area: raw.area,
            better: raw.better,
            source,
            source_id,
            sources: raw.sources,
            updated: raw.updated,
            decimals,
            kind: kind.unwrap_or(PeriodKind::Year),
            series: raw
                .series
                .into_iter()
                .zip(each_decimals)
                .map(|(s, decimals)| Series {
                    decimals,
                    key: s.key,
                    label: s.label,
                    values: s.values.0,
                    per: s
                        .per
                        .map(|per| (per, s.of.unwrap_or_else(|| first_counted.clone()))),
                    derived_from: None,
                })
                .collect(),
            measure: raw.measure,
            frequency: raw.frequency,
            next_update: raw.next_update,
            contact: raw.contact,
            revisions,
            chart: raw.chart.unwrap_or(ChartKind::default_for(raw.measure)),
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
        assert!(values[&Period::Year(2019)].partial());
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

    const SECOND_EDITION: &str = "\
title: { sv: Skjutningar, en: Shootings }
unit: { sv: skjutningar, en: shootings }
measure: cumulative
frequency: yearly
next_update: 2025-06-30
contact: { name: { sv: Statistikenheten, en: Statistics unit }, email: statistik@example.org }
revisions:
  - { date: 2023-01-10, note: { sv: Äldre., en: Older. } }
  - { date: 2024-06-20, note: { sv: 2023 reviderat., en: 2023 revised. } }
sources:
  polisen-2024-06:
    name: { sv: Polismyndigheten, en: Swedish Police Authority }
    url: https://polisen.se/
    date: 2024-06
  nrk-2017:
    name: { sv: NRK, en: NRK }
source: polisen-2024-06
updated: 2024-06-20
series:
  - key: shootings
    label: { sv: Skjutningar, en: Shootings }
    values:
      2016: { value: 61, others: [{ value: 59, source: nrk-2017 }] }
      2023: { value: 40, status: [r], source: polisen-2024-06 }
      2024: { value: 8, status: [d, p] }
      2025: { value: null, status: [x] }
";

    #[test]
    fn reads_sources_statuses_and_the_keeping_of_a_dataset() {
        let dataset = Dataset::parse("d.yaml", "d", SECOND_EDITION, &LANGS).unwrap();
        assert_eq!(dataset.source_id.as_deref(), Some("polisen-2024-06"));
        assert_eq!(dataset.source.url.as_deref(), Some("https://polisen.se/"));
        assert_eq!(dataset.measure, Measure::Cumulative);
        assert_eq!(dataset.chart, ChartKind::Bar);
        assert_eq!(dataset.frequency, Some(Frequency::Yearly));
        assert_eq!(dataset.revisions[0].date.0.to_string(), "2024-06-20");
        let values = &dataset.series[0].values;
        assert_eq!(values[&Period::Year(2024)].status.marks(), "[d] [p]");
        assert!(values[&Period::Year(2024)].partial());
        assert_eq!(
            values[&Period::Year(2023)].source.as_deref(),
            Some("polisen-2024-06")
        );
        assert_eq!(values[&Period::Year(2016)].others[0].value.0, 59.0);
        assert_eq!(values[&Period::Year(2025)].status.letters(), "x");
    }

    #[test]
    fn the_older_flags_are_statuses() {
        let dataset = Dataset::parse("d.yaml", "d", GOOD, &LANGS).unwrap();
        let partial = &dataset.series[0].values[&Period::Year(2019)];
        assert_eq!(partial.status.letters(), "d");
        assert_eq!(dataset.chart, ChartKind::Bar);
    }

    #[test]
    fn an_unknown_source_id_is_located_with_a_suggestion() {
        let err = error_of(&SECOND_EDITION.replace("source: nrk-2017", "source: nrk-2071"));
        assert_eq!(
            err.to_string(),
            "d.yaml:23:56: no source has the id `nrk-2071`"
        );
        assert_eq!(err.hint().as_deref(), Some("did you mean `nrk-2017`?"));
        let main =
            error_of(&SECOND_EDITION.replace("source: polisen-2024-06\n", "source: polisen\n"));
        assert_eq!(main.location.unwrap().line, 17, "{main}");
        // A value's own source, in braces: at the id, not the period.
        let own =
            error_of(&SECOND_EDITION.replace("source: polisen-2024-06 }", "source: kommun }"));
        assert_eq!(
            own.to_string(),
            "d.yaml:24:47: no source has the id `kommun`"
        );
    }

    #[test]
    fn an_unknown_status_letter_or_a_withheld_figure_is_located() {
        let err = error_of(&SECOND_EDITION.replace("status: [r]", "status: [q]"));
        assert_eq!(err.location.unwrap().line, 24, "{err}");
        assert!(
            err.message().contains("`q` is not a status"),
            "{}",
            err.message()
        );
        let withheld =
            error_of(&SECOND_EDITION.replace("value: null, status: [x]", "value: 3, status: [x]"));
        assert!(
            withheld.message().contains("has no figure"),
            "{}",
            withheld.message()
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

    #[test]
    fn a_rate_with_nothing_to_divide_says_so() {
        let only_rate = GOOD[..GOOD.find("  - key: deaths").unwrap()].to_string()
            + "  - key: rate\n    label: { sv: Per tusen, en: Per thousand }\n    per: { dataset: folk, scale: 100000 }\n";
        let err = error_of(&only_rate);
        assert_eq!(
            err.to_string(),
            "d.yaml:11:5: series `rate` is a rate, but this dataset has no series with values to divide"
        );
        assert!(err.hint().unwrap().contains("add the series to divide"));
    }

    #[test]
    fn a_bad_revision_date_in_braces_is_located_on_its_own_line() {
        let err = error_of(&SECOND_EDITION.replace("date: 2023-01-10", "date: 2023-01-32"));
        assert_eq!(err.location.unwrap().line, 8, "{err}");
        assert_eq!(err.location.unwrap().column, 13, "{err}");
    }

    #[test]
    fn a_scale_in_quotes_asks_for_a_number() {
        let text = GOOD.to_string()
            + "  - key: rate\n    label: { sv: Per tusen, en: Per thousand }\n    per: { dataset: folk, scale: \"100 000\" }\n";
        let err = error_of(&text);
        assert!(err.message().contains("expected a number"), "{err}");
        assert!(!err.message().contains("f64"), "{err}");
        assert_eq!(
            err.hint().as_deref(),
            Some("write a number without quotes or spaces, e.g. `100000`")
        );
    }

    #[test]
    fn a_source_date_hint_allows_what_the_message_allows() {
        let err = error_of(&SECOND_EDITION.replace("date: 2024-06\n", "date: 2024-13\n"));
        assert_eq!(err.location.unwrap().line, 14, "{err}");
        assert_eq!(
            err.message(),
            "in `sources.polisen-2024-06.date`: invalid date `2024-13`"
        );
        assert_eq!(
            err.hint().as_deref(),
            Some(
                "there is no month 13: write the date as YYYY-MM-DD, or YYYY-MM or YYYY when the day is not known"
            )
        );
        let word = error_of(&SECOND_EDITION.replace("date: 2024-06\n", "date: juni\n"));
        assert!(
            word.hint().unwrap().contains("or YYYY-MM or YYYY"),
            "{word}"
        );
    }

    #[test]
    fn a_contact_email_that_is_no_address_is_located() {
        let err =
            error_of(&SECOND_EDITION.replace("email: statistik@example.org", "email: statistik"));
        assert_eq!(
            err.to_string(),
            "d.yaml:6:72: the contact's e-mail: `statistik` is not an e-mail address"
        );
    }

    #[test]
    fn a_flag_set_false_beside_its_own_status_is_a_contradiction() {
        let err = error_of(
            &SECOND_EDITION.replace("status: [d, p] }", "status: [d, p], partial: false }"),
        );
        assert_eq!(err.location.unwrap().line, 25, "{err}");
        assert_eq!(err.rule(), Some("dataset-flag-contradicts-status"));
        assert!(
            err.message()
                .contains("`partial: false` contradicts `d` in `status`"),
            "{err}"
        );
        assert_eq!(
            err.hint().as_deref(),
            Some("remove `partial: false`, or `d` from `status`, whichever is wrong")
        );
        // Without a contradiction, `false` is allowed.
        let fine = SECOND_EDITION.replace("status: [r] }", "status: [r], partial: false }");
        assert!(Dataset::parse("d.yaml", "d", &fine, &LANGS).is_ok());
    }
}
