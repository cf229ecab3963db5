//! What the chart says in words: its accessible name, and the note under it on marked values.
//!
//! The drawing itself is hidden from screen readers, so the name carries what
//! a reader would take from it: the kind of chart, the periods and values it
//! spans, each series' latest value (for a running total, the latest known,
//! also from a part period) with its statuses, the latest change that can be
//! compared (never across a part period, a gap or a break, and none for a
//! running total), the periods without a value and the statuses shown.

use std::fmt::Write;

use crate::dataset::trend::{Change, Direction, trend_rows};
use crate::dataset::{ChartKind, Dataset, Measure, Observation, Period, PeriodKind, Status};
use crate::i18n::number::format_number;
use crate::i18n::{InterfaceStrings, Lang};

/// Whether a value is drawn hollow (points) or hatched (bars): part of the period or provisional.
pub(super) fn uncertain(observation: &Observation) -> bool {
    observation.partial() || observation.preliminary()
}

/// The chart's accessible name.
pub(super) fn summary(
    dataset: &Dataset,
    kind: ChartKind,
    lang: Lang,
    strings: &InterfaceStrings,
    periods: &[Period],
) -> String {
    let comma = lang.locale().comma.as_str();
    let number = |v: f64| format_number(v, dataset.decimals, lang);
    let kind_name = match kind {
        ChartKind::Bar => strings.text("chart_bar_chart"),
        _ => strings.text("stats_line_chart"),
    };
    let per = match dataset.kind {
        PeriodKind::Year => strings.text("stats_year"),
        PeriodKind::Quarter => strings.text("stats_quarter"),
        PeriodKind::Month => strings.text("stats_month"),
    }
    .to_lowercase();
    let mut text = format!(
        "{kind_name}{comma}{} {} {per}",
        dataset.unit.text(lang),
        strings.text("stats_per")
    );
    if let (Some(first), Some(last)) = (periods.first(), periods.last()) {
        if first == last {
            let _ = write!(text, "{comma}{}", first.label(lang));
        } else {
            let _ = write!(text, "{comma}{}–{}", first.label(lang), last.label(lang));
        }
    }
    if dataset.series.len() > 1 {
        let _ = write!(
            text,
            "{comma}{}",
            strings
                .text("chart_series_count")
                .replace("{n}", &dataset.series.len().to_string())
        );
    }
    text.push('.');
    let values = dataset
        .series
        .iter()
        .flat_map(|s| s.values.values().filter_map(|o| o.value));
    let low = values.clone().fold(f64::INFINITY, f64::min);
    let high = values.fold(f64::NEG_INFINITY, f64::max);
    if low.is_finite() && high.is_finite() {
        let _ = write!(
            text,
            " {}",
            strings
                .text("chart_values")
                .replace("{low}", &number(low))
                .replace("{high}", &number(high))
        );
    }
    let latest_key = if dataset.measure == Measure::Cumulative {
        "chart_latest_known"
    } else {
        "stats_latest"
    };
    for series in &dataset.series {
        let number = |v: f64| format_number(v, series.decimals, lang);
        let name = if dataset.series.len() > 1 {
            format!("{}: ", series.label.text(lang))
        } else {
            String::new()
        };
        let Some((period, observation, value)) = series
            .values
            .iter()
            .rev()
            .find_map(|(p, o)| o.value.map(|v| (p, o, v)))
        else {
            continue;
        };
        let mut about = vec![period.label(lang)];
        about.extend(
            observation
                .status
                .iter()
                .map(|s| strings.text(&status_key(s)).to_string()),
        );
        // After a series' name, the sentence goes on in lower case.
        let latest = if name.is_empty() {
            strings.text(latest_key).to_string()
        } else {
            lower_first(strings.text(latest_key))
        };
        let _ = write!(
            text,
            " {name}{latest} {} ({}).",
            number(value),
            about.join(comma)
        );
        if dataset.measure == Measure::Cumulative {
            continue;
        }
        let rows = trend_rows(series.values.iter(), series.decimals, dataset.better);
        let last_change = rows
            .iter()
            .enumerate()
            .rev()
            .find_map(|(n, row)| match row.change {
                Change::Computed { direction, .. } => Some((n, direction)),
                Change::NotComputed(_) => None,
            });
        if let Some((n, direction)) = last_change {
            let (before, after) = (&rows[n - 1], &rows[n]);
            let verb = match direction {
                Direction::Increase => "stats_rose",
                Direction::Decrease => "stats_fell",
                Direction::Unchanged => "stats_stayed",
            };
            let _ = write!(
                text,
                " {}: {} {} {} ({}) {} {} ({}).",
                strings.text("chart_last_change"),
                strings.text(verb),
                strings.text("stats_from"),
                number(before.observation.value.unwrap_or_default()),
                before.period.label(lang),
                strings.text("stats_to"),
                number(after.observation.value.unwrap_or_default()),
                after.period.label(lang)
            );
        }
    }
    // Periods without a value, by why: confidential and not applicable in
    // their own words, the rest (also periods the file skips) as missing;
    // each series named where they differ.
    for (reason, lead) in [
        (None, strings.text("stats_gaps").to_string()),
        (
            Some(Status::Confidential),
            format!(
                "{}:",
                capitalised(strings.text(&status_key(Status::Confidential)))
            ),
        ),
        (
            Some(Status::NotApplicable),
            format!(
                "{}:",
                capitalised(strings.text(&status_key(Status::NotApplicable)))
            ),
        ),
    ] {
        let each: Vec<(&str, Vec<Period>)> = (dataset.series.iter())
            .map(|s| {
                let without = periods.iter().copied().filter(|p| match s.values.get(p) {
                    None => reason.is_none(),
                    Some(o) if o.value.is_some() => false,
                    Some(o) => match reason {
                        Some(status) => o.status.has(status),
                        None => {
                            !o.status.has(Status::Confidential)
                                && !o.status.has(Status::NotApplicable)
                        }
                    },
                });
                (s.label.text(lang), without.collect())
            })
            .collect();
        let alike = each.windows(2).all(|pair| pair[0].1 == pair[1].1);
        let items: Vec<String> = if alike {
            (each.first())
                .map(|(_, p)| ranges(p, lang))
                .unwrap_or_default()
        } else {
            (each.iter())
                .filter(|(_, p)| !p.is_empty())
                .map(|(name, p)| format!("{name} {}", ranges(p, lang).join(comma)))
                .collect()
        };
        if !items.is_empty() {
            let between = if alike { comma } else { "; " };
            let _ = write!(text, " {lead} {}.", items.join(between));
        }
    }
    let shown = dataset
        .series
        .iter()
        .flat_map(|s| s.values.values())
        .fold(crate::dataset::Statuses::NONE, |all, o| all.union(o.status));
    if !shown.is_empty() {
        let list: Vec<String> = shown
            .iter()
            .map(|s| format!("[{}] {}", s.letter(), strings.text(&status_key(s))))
            .collect();
        let _ = write!(
            text,
            " {}: {}.",
            strings.text("chart_statuses"),
            list.join(comma)
        );
    }
    text
}

/// The key of a status's short name in the interface strings.
fn status_key(status: Status) -> String {
    format!("chart_status_{}", status.letter())
}

/// The note under the chart: which marks are hollow or hatched and why, and
/// where a line is broken; empty when there is nothing to say.
pub(super) fn note(
    dataset: &Dataset,
    kind: ChartKind,
    lang: Lang,
    strings: &InterfaceStrings,
) -> String {
    let comma = lang.locale().comma.as_str();
    let mut sentences = Vec::new();
    // Each series' marked periods; named by series only where they differ.
    let mut each: Vec<(String, Vec<String>)> = Vec::new();
    let mut breaks = Vec::new();
    for series in &dataset.series {
        let name = if dataset.series.len() > 1 {
            format!("{} ", series.label.text(lang))
        } else {
            String::new()
        };
        let mut marked = Vec::new();
        // Runs of periods with the same marks, so 24 provisional months read as one range.
        let mut runs: Vec<(Vec<Period>, String)> = Vec::new();
        for (period, observation) in &series.values {
            if observation.value.is_none() || !uncertain(observation) {
                continue;
            }
            let marks = observation.status.marks();
            match runs.last_mut() {
                Some((periods, m))
                    if *m == marks && periods.last().is_some_and(|p| p.next() == *period) =>
                {
                    periods.push(*period);
                }
                _ => runs.push((vec![*period], marks)),
            }
        }
        for (periods, marks) in runs {
            marked.push(format!("{} {marks}", ranges(&periods, lang).join(comma)));
        }
        each.push((name.clone(), marked));
        breaks.extend(
            series
                .values
                .iter()
                .filter(|(_, o)| o.status.has(Status::Break))
                .map(|(p, _)| format!("{name}{} [b]", p.label(lang))),
        );
    }
    let alike = each.windows(2).all(|pair| pair[0].1 == pair[1].1);
    let marked: Vec<String> = if alike {
        each.into_iter().next().map(|(_, m)| m).unwrap_or_default()
    } else {
        each.into_iter()
            .flat_map(|(name, m)| m.into_iter().map(move |t| format!("{name}{t}")))
            .collect()
    };
    if !marked.is_empty() {
        let key = if kind == ChartKind::Bar {
            "chart_hatched"
        } else {
            "chart_hollow"
        };
        sentences.push(format!("{}: {}.", strings.text(key), marked.join(comma)));
    }
    if !breaks.is_empty() {
        // Bars stand apart anyway; a line is not joined across a break.
        let label = if kind == ChartKind::Bar {
            capitalised(strings.text("chart_status_b"))
        } else {
            strings.text("chart_breaks").to_string()
        };
        sentences.push(format!("{label}: {}.", breaks.join(comma)));
    }
    sentences.join(" ")
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Periods as few ranges as they make: `2019`, `jan 2023–jun 2024`.
fn ranges(periods: &[Period], lang: Lang) -> Vec<String> {
    let mut runs: Vec<(Period, Period)> = Vec::new();
    for period in periods {
        match runs.last_mut() {
            Some((_, end)) if end.next() == *period => *end = *period,
            _ => runs.push((*period, *period)),
        }
    }
    runs.into_iter()
        .map(|(start, end)| {
            if start == end {
                start.label(lang)
            } else {
                format!("{}–{}", start.label(lang), end.label(lang))
            }
        })
        .collect()
}
