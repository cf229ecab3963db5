//! JSON-stat 2.0 datasets, as PxWeb saves them (`format: json-stat2`; SCB's
//! API v1 and PxWeb 2, and the regional databases that run PxWeb).
//!
//! A dataset is a cube: `id` names the dimensions, `size` their lengths,
//! and `value` holds one figure per combination in row-major order. The
//! time dimension (`role.time`, else one named `Tid`, `time` or `år`) gives
//! the periods; every other dimension with more than one category makes the
//! series, one per combination of categories, as long as there are few.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::locate::{Step, locate_nearest};
use super::{
    Cell, Format, MAX_SERIES, SeriesIn, SourceIn, Table, Texts, parse_period, status_letters,
};
use crate::diagnostics::Diagnostic;
use crate::i18n::Lang;
use crate::messages::{Phrase, Rule};

/// Dimension ids that are time when `role.time` does not say.
const TIME_NAMES: [&str; 8] = ["Tid", "tid", "time", "Time", "TIME", "år", "Year", "year"];

/// One dimension of the cube: its id, label and categories (code, label) in index order.
struct Dimension {
    id: String,
    label: String,
    categories: Vec<(String, String)>,
}

pub(crate) fn read(
    file: &str,
    text: &str,
    root: &Value,
    fallback: Lang,
) -> Result<Table, Vec<Diagnostic>> {
    let error_at = |rule: crate::messages::Message, path: &[Step]| {
        Diagnostic::error(file, rule).at_offset(text, locate_nearest(text, path))
    };
    let Some(root) = root.as_object() else {
        return Err(vec![
            error_at(Rule::ImportUnknownFormat.into(), &[])
                .with_hint(Phrase::ImportUnknownFormatHint),
        ]);
    };
    if root.contains_key("columns") && root.contains_key("data") {
        return Err(vec![
            error_at(Rule::ImportPxWebJson.into(), &[Step::Key("columns")])
                .with_hint(Phrase::ImportPxWebJsonHint),
        ]);
    }
    // JSON-stat 1.0 (PxWeb's `json-stat`): a bundle of datasets, `id` and `size` inside `dimension`.
    let version_one = !root.contains_key("dimension")
        && root
            .values()
            .any(|v| v.get("dimension").is_some_and(|d| d.get("id").is_some()));
    if version_one {
        let first = root.keys().next().map(String::as_str).unwrap_or_default();
        return Err(vec![
            error_at(Rule::ImportJsonStatVersion.into(), &[Step::Key(first)])
                .with_hint(Phrase::ImportPxWebJsonHint),
        ]);
    }
    let member = |name: &'static str| {
        root.get(name).ok_or_else(|| {
            vec![
                error_at(Rule::ImportMissingMember.with("member", name), &[])
                    .with_hint(Phrase::ImportJsonStatHint),
            ]
        })
    };
    let ids: Vec<String> = member("id")?
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    let sizes: Vec<usize> = member("size")?
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_u64().and_then(|n| usize::try_from(n).ok()))
                .collect()
        })
        .unwrap_or_default();
    let dimensions_json = member("dimension")?
        .as_object()
        .cloned()
        .unwrap_or_default();
    let values = member("value")?;
    if ids.is_empty() || ids.len() != sizes.len() {
        return Err(vec![
            error_at(Rule::ImportSizeMismatch.into(), &[Step::Key("size")])
                .with_hint(Phrase::ImportJsonStatHint),
        ]);
    }
    let lang = (root.get("extension"))
        .and_then(|e| e.pointer("/px/language"))
        .and_then(Value::as_str)
        .and_then(Lang::parse)
        .unwrap_or(fallback);
    let mut dimensions = Vec::new();
    for (id, size) in ids.iter().zip(&sizes) {
        let Some(json) = dimensions_json.get(id) else {
            return Err(vec![
                error_at(
                    Rule::ImportMissingMember.with("member", format!("dimension.{id}")),
                    &[Step::Key("dimension")],
                )
                .with_hint(Phrase::ImportJsonStatHint),
            ]);
        };
        let dimension = dimension(id, json);
        if dimension.categories.len() != *size {
            return Err(vec![
                error_at(
                    Rule::ImportSizeMismatch.into(),
                    &[Step::Key("dimension"), Step::Key(id)],
                )
                .with_hint(Phrase::ImportJsonStatHint),
            ]);
        }
        dimensions.push(dimension);
    }
    let role = |name: &str| -> Vec<String> {
        (root.get("role"))
            .and_then(|r| r.get(name))
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    let time = role("time")
        .into_iter()
        .chain(TIME_NAMES.iter().map(|s| s.to_string()))
        .find_map(|name| dimensions.iter().position(|d| d.id == name));
    let Some(time) = time else {
        return Err(vec![
            error_at(Rule::ImportNoTime.into(), &[Step::Key("id")])
                .with_hint(Phrase::ImportNoTimeHint),
        ]);
    };
    let metrics = role("metric");
    let mut errors = Vec::new();
    // Contents (`ContentsCode`) with several categories would mix units in one dataset.
    for (i, d) in dimensions.iter().enumerate() {
        if metrics.contains(&d.id) && d.categories.len() > 1 && i != time {
            errors.push(
                error_at(
                    Rule::ImportSeveralContents.with("dimension", d.label.as_str()),
                    &[Step::Key("dimension"), Step::Key(&d.id)],
                )
                .with_hint(Phrase::ImportSeveralContentsHint.with("dimension", d.label.as_str())),
            );
        }
    }
    let varying: Vec<usize> = (0..dimensions.len())
        .filter(|&i| i != time && dimensions[i].categories.len() > 1)
        .collect();
    // Saturating: a file may claim any sizes, and is refused before they are used.
    let series_count: usize = varying
        .iter()
        .map(|&i| dimensions[i].categories.len())
        .fold(1, usize::saturating_mul);
    if series_count > MAX_SERIES {
        let names: Vec<String> = varying
            .iter()
            .map(|&i| {
                format!(
                    "{} ({})",
                    dimensions[i].label,
                    dimensions[i].categories.len()
                )
            })
            .collect();
        let widest = varying
            .iter()
            .copied()
            .max_by_key(|&i| dimensions[i].categories.len())
            .unwrap_or(0);
        errors.push(
            error_at(
                Rule::ImportTooManySeries
                    .with("n", series_count.to_string())
                    .with("max", MAX_SERIES.to_string()),
                &[Step::Key("dimension"), Step::Key(&dimensions[widest].id)],
            )
            .with_hint(
                Phrase::ImportTooManySeriesHint
                    .with("dimensions", names.join(", "))
                    .with("max", MAX_SERIES.to_string()),
            ),
        );
    }
    // Periods, located at their code in the time dimension's index.
    let time_dim = &dimensions[time];
    let mut periods = Vec::new();
    let mut kind = None;
    for (code, label) in &time_dim.categories {
        let path = [
            Step::Key("dimension"),
            Step::Key(&time_dim.id),
            Step::Key("category"),
            Step::Key("index"),
            Step::Key(code),
        ];
        match parse_period(code).or_else(|| parse_period(label)) {
            Some(period) => {
                match kind {
                    None => kind = Some(period.kind()),
                    Some(k) if k != period.kind() => errors.push(
                        error_at(
                            Rule::ImportMixedPeriods.with("period", code.as_str()),
                            &path,
                        )
                        .with_hint(Phrase::ImportPeriodHint),
                    ),
                    Some(_) => {}
                }
                periods.push(period);
            }
            None => errors.push(
                error_at(Rule::ImportPeriod.with("period", code.as_str()), &path)
                    .with_hint(Phrase::ImportPeriodHint),
            ),
        }
    }
    let total: usize = sizes.iter().copied().fold(1, usize::saturating_mul);
    let value_at = |i: usize| -> (Option<&Value>, Step<'static>) {
        match values {
            Value::Array(a) => (a.get(i), Step::Index(i)),
            Value::Object(o) => (o.get(&i.to_string()), Step::Index(i)),
            _ => (None, Step::Index(i)),
        }
    };
    if let Value::Array(a) = values
        && a.len() != total
    {
        errors.push(
            error_at(
                Rule::ImportValueCount
                    .with("n", a.len().to_string())
                    .with("expected", total.to_string()),
                &[Step::Key("value")],
            )
            .with_hint(Phrase::ImportJsonStatHint),
        );
    }
    if periods.is_empty() && errors.is_empty() {
        errors.push(
            error_at(
                Rule::ImportNoValues.into(),
                &[Step::Key("dimension"), Step::Key(&time_dim.id)],
            )
            .with_hint(Phrase::ImportNoValuesHint),
        );
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let status = root.get("status");
    let strides: Vec<usize> = (0..sizes.len())
        .map(|k| {
            sizes[k + 1..]
                .iter()
                .copied()
                .fold(1, usize::saturating_mul)
        })
        .collect();
    let mut series = Vec::new();
    for combination in 0..series_count.max(1) {
        // This series' category in each varying dimension, the last varying fastest.
        let mut positions = vec![0usize; dimensions.len()];
        let mut rest = combination;
        for &d in varying.iter().rev() {
            let n = dimensions[d].categories.len();
            positions[d] = rest % n;
            rest /= n;
        }
        let mut cells = BTreeMap::new();
        for (t, period) in periods.iter().enumerate() {
            positions[time] = t;
            let index: usize = (positions.iter().zip(&strides))
                .map(|(p, s)| p.saturating_mul(*s))
                .fold(0, usize::saturating_add);
            let (value, step) = value_at(index);
            let value_path = |step| [Step::Key("value"), step];
            let value = match value {
                None | Some(Value::Null) => None,
                Some(Value::Number(n)) => n.as_f64(),
                Some(other) => {
                    let shown = match other {
                        Value::String(s) => s.clone(),
                        other => other.to_string(),
                    };
                    let key = index.to_string();
                    let path = match values {
                        Value::Object(_) => vec![Step::Key("value"), Step::Key(&key)],
                        _ => value_path(step).to_vec(),
                    };
                    errors.push(
                        error_at(Rule::ImportNotANumber.with("value", shown), &path)
                            .with_hint(Phrase::ImportNotANumberHint),
                    );
                    None
                }
            };
            let symbol = match status {
                Some(Value::String(s)) => Some(s.clone()),
                Some(Value::Array(a)) => a.get(index).and_then(Value::as_str).map(str::to_string),
                Some(Value::Object(o)) => (o.get(&index.to_string()))
                    .and_then(Value::as_str)
                    .map(str::to_string),
                _ => None,
            };
            let letters = match symbol.as_deref().map(|s| (s, status_letters(s))) {
                None => Vec::new(),
                Some((_, Some(letters))) => letters,
                Some((symbol, None)) => {
                    let key = index.to_string();
                    let path = match status {
                        Some(Value::Array(_)) => vec![Step::Key("status"), Step::Index(index)],
                        Some(Value::Object(_)) => vec![Step::Key("status"), Step::Key(&key)],
                        _ => vec![Step::Key("status")],
                    };
                    errors.push(
                        error_at(Rule::ImportStatusUnknown.with("status", symbol), &path)
                            .with_hint(Phrase::ImportStatusUnknownHint),
                    );
                    Vec::new()
                }
            };
            cells.insert(
                *period,
                Cell {
                    value,
                    status: letters,
                    note: Texts::new(),
                },
            );
        }
        let labels: Vec<&str> = varying
            .iter()
            .map(|&d| dimensions[d].categories[positions[d]].1.as_str())
            .collect();
        let codes: Vec<&str> = varying
            .iter()
            .map(|&d| dimensions[d].categories[positions[d]].0.as_str())
            .collect();
        let (key, label) = if labels.is_empty() {
            // One series: named by what it counts (the contents), else by the table.
            let contents = (dimensions.iter())
                .find(|d| metrics.contains(&d.id))
                .and_then(|d| d.categories.first())
                .map(|(_, label)| label.clone());
            let label = contents
                .or_else(|| {
                    root.get("label")
                        .and_then(Value::as_str)
                        .map(str::to_string)
                })
                .unwrap_or_default();
            (label.clone(), label)
        } else {
            let label = labels.join(", ");
            let key = if label.trim().is_empty() {
                codes.join("-")
            } else {
                label.clone()
            };
            (key, label)
        };
        let mut texts = Texts::new();
        if !label.trim().is_empty() {
            texts.insert(lang, label);
        }
        series.push(SeriesIn {
            key,
            label: texts,
            values: cells,
        });
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let text_in = |value: Option<&Value>| -> Texts {
        let mut texts = Texts::new();
        if let Some(text) = value
            .and_then(Value::as_str)
            .filter(|t| !t.trim().is_empty())
        {
            texts.insert(lang, text.trim().to_string());
        }
        texts
    };
    let unit = (dimensions.iter())
        .filter(|d| metrics.contains(&d.id))
        .chain(dimensions.iter())
        .find_map(|d| {
            let units = dimensions_json
                .get(&d.id)?
                .pointer("/category/unit")?
                .as_object()?;
            let first = d.categories.first()?;
            units.get(&first.0).cloned()
        });
    let unit_base = text_in(unit.as_ref().and_then(|u| u.get("base")));
    let measure = match unit_base.values().next() {
        Some(base) if is_percent(base) => "share",
        _ => "count",
    };
    let decimals = (unit.as_ref())
        .and_then(|u| u.get("decimals"))
        .or_else(|| {
            root.get("extension")
                .and_then(|e| e.pointer("/px/decimals"))
        })
        .and_then(Value::as_u64)
        .and_then(|d| usize::try_from(d).ok());
    let mut fixed: Vec<String> = dimensions
        .iter()
        .enumerate()
        .filter(|(i, d)| *i != time && d.categories.len() == 1)
        .filter_map(|(_, d)| {
            let (_, label) = d.categories.first()?;
            Some(format!("{}: {label}", d.label))
        })
        .collect();
    // The table's notes (`note`: a text or a list), which SCB marks as to be read with the figures.
    match root.get("note") {
        Some(Value::String(note)) => fixed.push(format!("note: {note}")),
        Some(Value::Array(notes)) => fixed.extend(
            notes
                .iter()
                .filter_map(Value::as_str)
                .map(|note| format!("note: {note}")),
        ),
        _ => {}
    }
    Ok(Table {
        format: Format::JsonStat,
        title: text_in(root.get("label")),
        unit: unit_base,
        source: source(root, lang),
        measure,
        decimals,
        fixed,
        series,
    })
}

/// A dimension's categories in index order, with their labels (the code where none).
fn dimension(id: &str, json: &Value) -> Dimension {
    let label = json
        .get("label")
        .and_then(Value::as_str)
        .unwrap_or(id)
        .to_string();
    let category = json.get("category");
    let labels: Map<String, Value> = category
        .and_then(|c| c.get("label"))
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let mut codes: Vec<(usize, String)> = match category.and_then(|c| c.get("index")) {
        Some(Value::Array(a)) => a
            .iter()
            .enumerate()
            .filter_map(|(i, v)| v.as_str().map(|s| (i, s.to_string())))
            .collect(),
        Some(Value::Object(o)) => o
            .iter()
            .filter_map(|(code, i)| Some((usize::try_from(i.as_u64()?).ok()?, code.clone())))
            .collect(),
        // A single category may be given by its label alone.
        _ => labels.keys().cloned().enumerate().collect(),
    };
    codes.sort();
    let categories = codes
        .into_iter()
        .map(|(_, code)| {
            let label = labels
                .get(&code)
                .and_then(Value::as_str)
                .unwrap_or(&code)
                .to_string();
            (code, label)
        })
        .collect();
    Dimension {
        id: id.to_string(),
        label,
        categories,
    }
}

/// Whether a unit is a percentage: `procent`, `prosent`, `percent`, `%`.
fn is_percent(unit: &str) -> bool {
    let unit = unit.to_lowercase();
    unit.contains('%')
        || unit.contains("procent")
        || unit.contains("prosent")
        || unit.contains("percent")
}

/// The source as the file names it: SCB by its Swedish and English names, any
/// other publisher by its own name in every language; `href` when the file
/// gives one; the date of `updated`.
fn source(root: &Map<String, Value>, lang: Lang) -> SourceIn {
    let name = root
        .get("source")
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty());
    let table = (root.get("extension"))
        .and_then(|e| e.pointer("/px/tableid"))
        .and_then(Value::as_str)
        .unwrap_or_default();
    let mut names = Texts::new();
    let scb = matches!(
        name,
        Some("SCB" | "Statistiska centralbyrån" | "Statistics Sweden")
    );
    if scb {
        names.insert(Lang::SV, "SCB".to_string());
        names.insert(Lang::EN, "Statistics Sweden".to_string());
    } else if let Some(name) = name {
        names.insert(lang, name.to_string());
    }
    let date = root
        .get("updated")
        .and_then(Value::as_str)
        .and_then(|d| d.get(..10))
        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    let url = root
        .get("href")
        .and_then(Value::as_str)
        .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
        .map(str::to_string);
    let id = match (scb, name) {
        (true, _) => format!("scb {table}"),
        (false, Some(name)) => format!("{name} {table}"),
        (false, None) => table.to_string(),
    };
    SourceIn {
        id,
        name: names,
        url,
        date,
    }
}
