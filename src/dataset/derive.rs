//! Rates derived from two datasets (`per:`): a series divided by a base dataset's values, period by period.

use std::collections::{BTreeMap, BTreeSet};

#[cfg(test)]
use super::Period;
use super::{Dataset, Observation, Status};
use crate::diagnostics::Diagnostic;
use crate::messages::{Phrase, Rule};
use crate::yaml;

/// Fills in the values of every `per:` series from the datasets it names;
/// `datasets` are keyed by content path, and `per:` names a dataset by id.
/// A base dataset in `failed` (content paths of datasets that failed to load)
/// says why itself, so a rate per it adds no error of its own.
pub(crate) fn derive_rates(
    datasets: &mut BTreeMap<String, Dataset>,
    failed: &BTreeSet<String>,
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let derived: Vec<String> = (datasets.iter())
        .filter(|(_, d)| d.series.iter().any(|s| s.per.is_some()))
        .map(|(key, _)| key.clone())
        .collect();
    for key in derived {
        let Some(dataset) = datasets.get(&key) else {
            continue;
        };
        let mut results = Vec::new();
        for (i, series) in dataset.series.iter().enumerate() {
            let Some((per, of)) = &series.per else {
                continue;
            };
            let at = |field: &str| {
                yaml::first_path_location(
                    &dataset.text,
                    &[
                        &format!("series[{i}].per.{field}"),
                        &format!("series[{i}].per"),
                    ],
                )
            };
            // At the id itself, in braces (`per: { dataset: folk }`) or on its own line.
            let error = |rule: crate::messages::Message| {
                let diagnostic = Diagnostic::error(&dataset.file, rule);
                match yaml::path_field_value(&dataset.text, &format!("series[{i}].per"), "dataset")
                {
                    Some((offset, _)) => diagnostic.at_offset(&dataset.text, offset),
                    None => diagnostic.at(&dataset.text, at("dataset")),
                }
            };
            let base = datasets.iter().find(|(_, d)| d.id.as_str() == per.dataset);
            if base.is_some_and(|(base_key, _)| base_key == &key) {
                problems.push(
                    error(
                        Rule::DatasetRateSelf
                            .with("key", &series.key)
                            .with("dataset", &per.dataset),
                    )
                    .with_hint(Phrase::DatasetRateSelfHint),
                );
                continue;
            }
            let Some((_, base)) = base else {
                let base_failed =
                    (failed.iter()).any(|k| k.rsplit('/').next() == Some(&per.dataset));
                if base_failed {
                    continue;
                }
                problems.push(
                    error(
                        Rule::DatasetRateUnknownDataset
                            .with("key", &series.key)
                            .with("dataset", &per.dataset),
                    )
                    .with_hint(Phrase::DatasetRateUnknownDatasetHint),
                );
                continue;
            };
            let counted: Vec<_> = base.series.iter().filter(|s| s.per.is_none()).collect();
            let base_series = match &per.series {
                Some(wanted) => counted.iter().find(|s| &s.key == wanted),
                None if counted.len() == 1 => counted.first(),
                None => None,
            };
            let Some(base_series) = base_series else {
                let keys = counted
                    .iter()
                    .map(|s| format!("`{}`", s.key))
                    .collect::<Vec<_>>()
                    .join(", ");
                problems.push(
                    Diagnostic::error(
                        &dataset.file,
                        Rule::DatasetRateBaseSeries
                            .with("key", &series.key)
                            .with("dataset", &per.dataset)
                            .with("base", per.series.as_deref().unwrap_or("")),
                    )
                    .at(&dataset.text, at("series"))
                    .with_hint(Phrase::DatasetRateBaseSeriesHint.with("keys", keys)),
                );
                continue;
            };
            let Some(numerator) = dataset.series.iter().find(|s| &s.key == of) else {
                continue;
            };
            let mut values = BTreeMap::new();
            for (period, counted) in &numerator.values {
                let Some(base_value) = base_series.values.get(period) else {
                    problems.push(
                        error(
                            Rule::DatasetRateBaseMissingPeriod
                                .with("key", &series.key)
                                .with("dataset", &per.dataset)
                                .with("period", period.to_string()),
                        )
                        .with_hint(
                            Phrase::DatasetRateBaseMissingPeriodHint
                                .with("dataset", &per.dataset)
                                .with("period", period.to_string()),
                        ),
                    );
                    continue;
                };
                values.insert(
                    *period,
                    rate(counted, base_value, per.scale, series.decimals),
                );
            }
            results.push((i, values, (base.title.clone(), base.source.clone())));
        }
        if let Some(dataset) = datasets.get_mut(&key) {
            for (i, values, base) in results {
                if let Some(series) = dataset.series.get_mut(i) {
                    series.values = values;
                    series.derived_from = Some(base);
                }
            }
        }
    }
    problems
}

/// One period's rate: no rate where either value is missing or the base is zero.
fn rate(counted: &Observation, base: &Observation, scale: f64, decimals: usize) -> Observation {
    let status = counted.status.union(base.status);
    let value = match (counted.value, base.value) {
        (Some(count), Some(base)) if base != 0.0 => Some(count / base * scale),
        _ => None,
    };
    Observation {
        value,
        // A missing part says so: not available.
        status: if value.is_none() && !status.iter().any(Status::withholds_value) {
            status.with(Status::NotAvailable)
        } else {
            status
        },
        source: None,
        others: Vec::new(),
        note: Default::default(),
        decimals,
    }
}

/// The periods of `dataset` whose rate could not be derived, for tests.
#[cfg(test)]
fn gaps(dataset: &Dataset, key: &str) -> Vec<Period> {
    (dataset.series.iter())
        .filter(|s| s.key == key)
        .flat_map(|s| s.values.iter())
        .filter(|(_, o)| o.value.is_none())
        .map(|(p, _)| *p)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    const LANGS: [Lang; 2] = [Lang::SV, Lang::EN];

    fn dataset(id: &str, text: &str) -> Dataset {
        Dataset::parse(&format!("{id}.yaml"), id, text, &LANGS).unwrap()
    }

    const HEAD: &str =
        "unit: { sv: st, en: pcs }\nsource: { name: { sv: K, en: S } }\nupdated: 2024-01-01\n";

    fn sites(population_2019: &str) -> BTreeMap<String, Dataset> {
        let shootings = format!(
            "title: {{ sv: Skott, en: Shots }}\n{HEAD}series:\n  - key: shots\n    label: {{ sv: S, en: S }}\n    values: {{ 2018: 50, 2019: {{ value: 30, status: [p] }}, 2020: 10 }}\n  - key: rate\n    label: {{ sv: Per 100 000, en: \"Per 100,000\" }}\n    per: {{ dataset: folk, scale: 100000 }}\n"
        );
        let population = format!(
            "title: {{ sv: Folk, en: People }}\n{HEAD}series:\n  - key: folk\n    label: {{ sv: F, en: P }}\n    values: {{ 2018: 500000, 2019: {population_2019}, 2020: 0 }}\n"
        );
        BTreeMap::from([
            ("s/skott".to_string(), dataset("skott", &shootings)),
            ("s/folk".to_string(), dataset("folk", &population)),
        ])
    }

    #[test]
    fn a_rate_divides_period_by_period_and_keeps_both_statuses() {
        let mut datasets = sites("null");
        assert!(derive_rates(&mut datasets, &BTreeSet::new()).is_empty());
        let rates = &datasets["s/skott"].series[1];
        assert_eq!(rates.values[&Period::Year(2018)].value, Some(10.0));
        // A missing base, or a base of zero, gives no rate.
        assert_eq!(
            gaps(&datasets["s/skott"], "rate"),
            [Period::Year(2019), Period::Year(2020)]
        );
        let provisional = &rates.values[&Period::Year(2019)].status;
        assert_eq!(provisional.letters(), "px");
        assert!(rates.derived_from.is_some());
        assert_eq!(datasets["s/skott"].decimals, 1);
    }

    #[test]
    fn a_base_without_the_period_is_a_located_error() {
        let mut datasets = sites("400000");
        let population = datasets["s/folk"].text.replace("2019: 400000, ", "");
        datasets.insert("s/folk".into(), dataset("folk", &population));
        let problems = derive_rates(&mut datasets, &BTreeSet::new());
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(
            problems[0].to_string(),
            "skott.yaml:11:21: series `rate` needs the value of `folk` for 2019, which that dataset lacks"
        );
    }

    #[test]
    fn an_unknown_base_dataset_is_a_located_error() {
        let mut datasets = sites("400000");
        datasets.remove("s/folk");
        let problems = derive_rates(&mut datasets, &BTreeSet::new());
        assert!(
            problems[0]
                .to_string()
                .contains("rate per the dataset `folk`, which the site does not have"),
            "{problems:?}"
        );
    }

    #[test]
    fn a_rate_per_its_own_dataset_is_a_located_error() {
        let mut datasets = sites("400000");
        let own = datasets["s/skott"]
            .text
            .replace("dataset: folk", "dataset: skott");
        datasets.insert("s/skott".into(), dataset("skott", &own));
        let problems = derive_rates(&mut datasets, &BTreeSet::new());
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(
            problems[0].to_string(),
            "skott.yaml:11:21: series `rate` is a rate per its own dataset `skott`"
        );
        assert_eq!(problems[0].rule(), Some("dataset-rate-self"));
        assert!(datasets["s/skott"].series[1].values.is_empty());
    }

    #[test]
    fn a_rate_per_a_dataset_that_failed_to_load_adds_no_error() {
        let mut datasets = sites("400000");
        datasets.remove("s/folk");
        let failed = BTreeSet::from(["s/folk".to_string()]);
        assert!(derive_rates(&mut datasets, &failed).is_empty());
    }
}
