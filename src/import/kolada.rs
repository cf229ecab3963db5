//! Kolada's API answers (`api.kolada.se/v2/data/kpi/N07403/municipality/1280`, and v3's).
//!
//! The answer is `{ "values": [ … ], "count": …, "next_page": … }` where each
//! entry is one key figure (`kpi`) for one municipality (or organisational
//! unit, `ou`) and one `period`, holding a value per gender: `T` for
//! everyone, `K` for women and `M` for men, each with a `status` (empty when
//! nothing is to be said) and a `value` (`null` when there is none). Each
//! gender of each key figure and municipality becomes a series.

use std::collections::BTreeMap;

use serde_json::Value;

use super::locate::{Step, locate_nearest};
use super::{
    Cell, Format, MAX_SERIES, SeriesIn, SourceIn, Table, Texts, parse_period, status_letters,
};
use crate::dataset::Period;
use crate::diagnostics::Diagnostic;
use crate::i18n::Lang;
use crate::messages::{Phrase, Rule};

/// Kolada's address, for the source; a saved answer does not hold the one it came from.
const KOLADA_URL: &str = "https://www.kolada.se/";

pub(crate) fn read(file: &str, text: &str, root: &Value) -> Result<Table, Vec<Diagnostic>> {
    let error_at = |rule: crate::messages::Message, path: &[Step]| {
        Diagnostic::error(file, rule).at_offset(text, locate_nearest(text, path))
    };
    // v2 says `next_page`, v3 `next_url`: an answer of several pages is not whole in one file.
    for member in ["next_page", "next_url"] {
        if let Some(next) = root.get(member).and_then(Value::as_str) {
            return Err(vec![
                error_at(
                    Rule::ImportMorePages.with("next", next),
                    &[Step::Key(member)],
                )
                .with_hint(Phrase::ImportMorePagesHint),
            ]);
        }
    }
    let entries = root
        .get("values")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let mut errors = Vec::new();
    // (kpi, municipality or unit, gender's place, gender) → values by period.
    let mut found: BTreeMap<(String, String, u8, String), BTreeMap<Period, Cell>> = BTreeMap::new();
    for (i, entry) in entries.iter().enumerate() {
        let at = |rest: &[Step<'static>]| {
            let mut path = vec![Step::Key("values"), Step::Index(i)];
            path.extend_from_slice(rest);
            path
        };
        let kpi = entry.get("kpi").and_then(Value::as_str).unwrap_or_default();
        let place = (entry.get("municipality").or_else(|| entry.get("ou")))
            .and_then(Value::as_str)
            .unwrap_or_default();
        let period_text = match entry.get("period") {
            Some(Value::Number(n)) => n.to_string(),
            Some(Value::String(s)) => s.clone(),
            _ => String::new(),
        };
        let Some(period) = parse_period(&period_text) else {
            errors.push(
                error_at(
                    Rule::ImportPeriod.with("period", period_text.as_str()),
                    &at(&[Step::Key("period")]),
                )
                .with_hint(Phrase::ImportPeriodHint),
            );
            continue;
        };
        let genders = entry
            .get("values")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        for (j, gender_value) in genders.iter().enumerate() {
            let gender = gender_value
                .get("gender")
                .and_then(Value::as_str)
                .unwrap_or("T")
                .to_string();
            let here = |member: &'static str| {
                at(&[Step::Key("values"), Step::Index(j), Step::Key(member)])
            };
            let value = match gender_value.get("value") {
                None | Some(Value::Null) => None,
                Some(Value::Number(n)) => n.as_f64(),
                Some(other) => {
                    let shown = match other {
                        Value::String(s) => s.clone(),
                        other => other.to_string(),
                    };
                    errors.push(
                        error_at(Rule::ImportNotANumber.with("value", shown), &here("value"))
                            .with_hint(Phrase::ImportNotANumberHint),
                    );
                    continue;
                }
            };
            let status = gender_value
                .get("status")
                .and_then(Value::as_str)
                .unwrap_or_default();
            let letters = if status.eq_ignore_ascii_case("ok") {
                Some(Vec::new())
            } else {
                status_letters(status)
            };
            let Some(letters) = letters else {
                errors.push(
                    error_at(
                        Rule::ImportStatusUnknown.with("status", status),
                        &here("status"),
                    )
                    .with_hint(Phrase::ImportStatusUnknownHint),
                );
                continue;
            };
            let values = found
                .entry((
                    kpi.to_string(),
                    place.to_string(),
                    gender_rank(&gender),
                    gender,
                ))
                .or_default();
            let cell = Cell {
                value,
                status: letters,
                note: Texts::new(),
            };
            if values.insert(period, cell).is_some() {
                errors.push(
                    error_at(
                        Rule::ImportPeriodTwice.with("period", period.to_string()),
                        &at(&[Step::Key("period")]),
                    )
                    .with_hint(Phrase::ImportPeriodTwiceHint),
                );
            }
        }
    }
    if found.is_empty() && errors.is_empty() {
        errors.push(
            error_at(Rule::ImportNoValues.into(), &[Step::Key("values")])
                .with_hint(Phrase::ImportNoValuesHint),
        );
    }
    if found.len() > MAX_SERIES {
        errors.push(
            error_at(
                Rule::ImportTooManySeries
                    .with("n", found.len().to_string())
                    .with("max", MAX_SERIES.to_string()),
                &[Step::Key("values")],
            )
            .with_hint(
                Phrase::ImportTooManySeriesHint
                    .with("dimensions", "kpi, municipality, gender")
                    .with("max", MAX_SERIES.to_string()),
            ),
        );
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let kpis: Vec<&String> = dedup(found.keys().map(|(k, ..)| k));
    let places: Vec<&String> = dedup(found.keys().map(|(_, p, ..)| p));
    let series = found
        .iter()
        .map(|((kpi, place, _, gender), values)| {
            let mut label = gender_label(gender);
            let mut key = gender_key(gender).to_string();
            // Key figures and places are named only when the answer holds several.
            let mut prefix = Vec::new();
            if kpis.len() > 1 {
                prefix.push(kpi.as_str());
            }
            if places.len() > 1 {
                prefix.push(place.as_str());
            }
            if !prefix.is_empty() {
                let codes = prefix.join(" ");
                key = format!("{codes} {key}");
                for text in label.values_mut() {
                    *text = format!("{codes}: {text}");
                }
            }
            SeriesIn {
                key,
                label,
                values: values.clone(),
            }
        })
        .collect();
    let mut name = Texts::new();
    name.insert(Lang::SV, "Kolada".to_string());
    let mut fixed: Vec<String> = kpis
        .iter()
        .map(|k| format!("kpi: {k}"))
        .chain(places.iter().map(|p| format!("municipality/ou: {p}")))
        .collect();
    // A group's value is the unweighted average of its members that reported (`count` of them).
    let averaged = entries.iter().any(|entry| {
        (entry.get("values").and_then(Value::as_array)).is_some_and(|values| {
            values.iter().any(|v| {
                v.get("count")
                    .and_then(Value::as_u64)
                    .is_some_and(|c| c > 1)
            })
        })
    });
    if averaged {
        fixed.push(
            "count > 1: Kolada's unweighted average of the group's members / ett ovägt medel av gruppens medlemmar"
                .to_string(),
        );
    }
    Ok(Table {
        format: Format::Kolada,
        title: Texts::new(),
        unit: Texts::new(),
        source: SourceIn {
            id: format!(
                "kolada {}",
                kpis.first().map(|s| s.as_str()).unwrap_or_default()
            ),
            name,
            url: Some(KOLADA_URL.to_string()),
            date: None,
        },
        measure: "count",
        decimals: None,
        fixed,
        series,
    })
}

fn dedup<'a>(items: impl Iterator<Item = &'a String>) -> Vec<&'a String> {
    let mut all: Vec<&String> = items.collect();
    all.sort();
    all.dedup();
    all
}

/// A series' label for Kolada's gender code, in Swedish and English.
fn gender_label(gender: &str) -> Texts {
    let (sv, en) = match gender {
        "T" => ("Totalt", "Total"),
        "K" => ("Kvinnor", "Women"),
        "M" => ("Män", "Men"),
        other => (other, other),
    };
    let mut texts = Texts::new();
    texts.insert(Lang::SV, sv.to_string());
    texts.insert(Lang::EN, en.to_string());
    texts
}

/// Everyone first, then women and men, as Kolada shows them.
fn gender_rank(gender: &str) -> u8 {
    match gender {
        "T" => 0,
        "K" => 1,
        "M" => 2,
        _ => 3,
    }
}

fn gender_key(gender: &str) -> &str {
    match gender {
        "T" => "totalt",
        "K" => "kvinnor",
        "M" => "man",
        other => other,
    }
}
