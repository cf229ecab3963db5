//! `<id>.jsonstat.json`: the dataset as a JSON-stat 2.0 dataset
//! (<https://json-stat.org/format/>), the format of SCB's PxWeb API and
//! Eurostat, statuses included.
//!
//! JSON-stat has one label per thing, not one per language: the file is
//! written in the site's default language.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{Value, json};

use super::{SiteFacts, period_words};
use crate::dataset::{Dataset, Statuses};

#[derive(Serialize)]
struct JsonStat {
    version: &'static str,
    class: &'static str,
    label: String,
    source: String,
    updated: String,
    id: [&'static str; 2],
    size: [usize; 2],
    role: Value,
    dimension: Value,
    value: Vec<Option<f64>>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    status: BTreeMap<String, String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    note: Vec<String>,
    link: Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    extension: Option<Value>,
}

/// The dataset's id of its series dimension and of its time dimension.
pub(crate) const SERIES: &str = "series";
pub(crate) const PERIOD: &str = "period";

/// The JSON-stat 2.0 dataset, in the site's default language. Its two
/// dimensions are the series (role `metric`, each with its unit and
/// decimals; present even for one series, as PxWeb's `ContentsCode` is)
/// and the period (role `time`); values run series by series, periods in
/// order, `null` where a figure is not available; statuses are keyed by
/// the value's index.
pub(crate) fn jsonstat(dataset: &Dataset, site: &SiteFacts) -> String {
    let lang = site.default_language();
    let periods = dataset.periods();
    let id = dataset.id.as_str();
    let mut value = Vec::with_capacity(dataset.series.len() * periods.len());
    let mut status = BTreeMap::new();
    let mut used = Statuses::NONE;
    for series in &dataset.series {
        for period in &periods {
            let observation = series.values.get(period);
            if let Some(o) = observation.filter(|o| !o.status.is_empty()) {
                status.insert(value.len().to_string(), o.status.letters());
                used = used.union(o.status);
            }
            value.push(observation.and_then(|o| o.value));
        }
    }
    let series_labels: serde_json::Map<String, Value> = (dataset.series.iter())
        .map(|s| (s.key.clone(), json!(s.label.text(lang))))
        .collect();
    let units: serde_json::Map<String, Value> = (dataset.series.iter())
        .map(|s| {
            let unit = json!({ "label": s.unit(dataset).text(lang), "decimals": s.decimals });
            (s.key.clone(), unit)
        })
        .collect();
    let period_labels: serde_json::Map<String, Value> = (periods.iter())
        .map(|p| (p.to_string(), json!(p.label(lang))))
        .collect();
    let mut source = dataset.source.name.text(lang).to_string();
    for (_, base) in dataset
        .series
        .iter()
        .filter_map(|s| s.derived_from.as_ref())
    {
        let name = base.name.text(lang);
        if !source.split("; ").any(|s| s == name) {
            source = format!("{source}; {name}");
        }
    }
    let document = JsonStat {
        version: "2.0",
        class: "dataset",
        label: dataset.title.text(lang).to_string(),
        source,
        updated: dataset.updated.0.format("%Y-%m-%d").to_string(),
        id: [SERIES, PERIOD],
        size: [dataset.series.len(), periods.len()],
        role: json!({ "time": [PERIOD], "metric": [SERIES] }),
        dimension: json!({
            SERIES: {
                "label": site.text(lang, "stats_series"),
                "category": {
                    "index": dataset.series.iter().map(|s| s.key.as_str()).collect::<Vec<_>>(),
                    "label": series_labels,
                    "unit": units,
                },
            },
            PERIOD: {
                "label": site.text(lang, period_words(dataset.kind)),
                "category": {
                    "index": periods.iter().map(ToString::to_string).collect::<Vec<_>>(),
                    "label": period_labels,
                },
            },
        }),
        value,
        status,
        note: (dataset.revisions.iter())
            .map(|r| format!("{}: {}", r.date.0.format("%Y-%m-%d"), r.note.text(lang)))
            .collect(),
        link: json!({
            "alternate": [
                { "type": "text/csv", "href": format!("{id}.csv") },
                { "type": "application/json", "href": format!("{id}.json") },
            ],
            "describedby": [
                { "type": "application/csvm+json", "href": format!("{id}.csv-metadata.json") },
            ],
        }),
        // What the letters mean, as Eurostat gives it.
        extension: (!used.is_empty()).then(|| {
            let labels: serde_json::Map<String, Value> = (used.iter())
                .map(|s| (s.letter().to_string(), json!(site.status_meaning(lang, s))))
                .collect();
            json!({ "status": { "label": labels } })
        }),
    };
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}
