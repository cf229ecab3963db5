//! Which periods are labelled under the axis, and where direct labels go, so no two labels ever overlap.
//!
//! The rule under the axis: the first and the last period are always
//! labelled, each with its year; between them, the periods a calendar step
//! apart (every month, every quarter, every January, every other January …),
//! at the smallest step whose labels keep [`GAP`] pixels apart at the width
//! drawn for (of steps of several years, the phase that labels most). A label between that would touch the first or the last one is
//! left out. Months read `jan` with `2024` below them in January and at the
//! ends; at a step of a year or more, Januaries read as the year alone.

use super::{FONT, Geometry};
use crate::dataset::{Period, PeriodKind};
use crate::i18n::Lang;

/// A generous width of a letter at [`FONT`], so estimated labels are never
/// narrower than drawn ones (DejaVu Sans, the widest of the usual sans-serif
/// faces, has lower-case letters of at most 0.69 em but for m and w).
const CHAR: f64 = FONT * 0.7;
/// A digit: 0.64 em in DejaVu Sans, 0.56 in Arial, Roboto and Segoe UI.
const DIGIT: f64 = FONT * 0.64;
/// The widest letters: m is 0.97 em in DejaVu Sans, M 0.86, W 0.99.
const WIDE_CHAR: f64 = FONT * 1.0;
/// A space, point, comma or bracket (at most 0.39 em in DejaVu Sans).
const NARROW_CHAR: f64 = FONT * 0.42;
/// Space kept free between two labels, in pixels.
pub(super) const GAP: f64 = 6.0;

/// The estimated width in pixels of `text` at [`FONT`]; generous, never short.
pub(super) fn text_width(text: &str) -> f64 {
    text.chars()
        .map(|c| match c {
            ' ' | '\u{a0}' | '\u{202f}' | '.' | ',' | '[' | ']' | '(' | ')' | ':' => NARROW_CHAR,
            '0'..='9' => DIGIT,
            'm' | 'w' | 'M' | 'W' | '—' | '%' => WIDE_CHAR,
            _ => CHAR,
        })
        .sum()
}

/// A label under the axis: the period's index and its lines.
pub(super) type AxisLabel = (usize, Vec<String>);

/// The lines of the label of `period` at either end of the axis: with its year.
fn end_label(period: Period, lang: Lang) -> Vec<String> {
    match period {
        Period::Year(y) => vec![y.to_string()],
        Period::Quarter(y, q) => vec![
            crate::dataset::period::quarter_label(q, lang),
            y.to_string(),
        ],
        Period::Month(y, _) => vec![
            period.month_name(lang).unwrap_or_default().to_string(),
            y.to_string(),
        ],
    }
}

/// Half the width of the widest line of the last period's label: the room
/// it needs right of its period so it stays inside the chart.
pub(super) fn last_label_half(periods: &[Period], lang: Lang) -> f64 {
    periods.last().map_or(0.0, |p| {
        end_label(*p, lang)
            .iter()
            .map(|l| text_width(l))
            .fold(0.0, f64::max)
            / 2.0
    })
}

/// Left and right edge in pixels of a label centred on its period, in a chart `width` pixels wide.
fn span(geometry: &Geometry, width: f64, (i, lines): &AxisLabel) -> (f64, f64) {
    let centre = geometry.x(*i) / 100.0 * width;
    let half = lines.iter().map(|l| text_width(l)).fold(0.0, f64::max) / 2.0;
    (centre - half, centre + half)
}

fn apart(a: (f64, f64), b: (f64, f64)) -> bool {
    a.1 + GAP <= b.0
}

/// The labels under the axis for a chart `width` pixels wide (see the module's rule).
pub(super) fn axis_labels(
    periods: &[Period],
    lang: Lang,
    geometry: &Geometry,
    width: f64,
) -> Vec<AxisLabel> {
    let (Some(first), Some(last)) = (periods.first(), periods.last()) else {
        return Vec::new();
    };
    let ends: Vec<AxisLabel> = if periods.len() == 1 {
        vec![(0, end_label(*first, lang))]
    } else {
        vec![
            (0, end_label(*first, lang)),
            (periods.len() - 1, end_label(*last, lang)),
        ]
    };
    let fits = |labels: &[AxisLabel]| {
        labels.windows(2).all(|pair| {
            apart(
                span(geometry, width, &pair[0]),
                span(geometry, width, &pair[1]),
            )
        })
    };
    // Too narrow for both ends apart: the last period alone, as the latest matters most.
    if !fits(&ends) {
        return ends.last().cloned().into_iter().collect();
    }
    let steps: &[u32] = match first.kind() {
        PeriodKind::Month => &[1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200],
        PeriodKind::Quarter => &[1, 2, 4, 8, 20, 40, 80, 200, 400],
        PeriodKind::Year => &[1, 2, 5, 10, 20, 50, 100, 200, 500],
    };
    let with_ends = |between: Vec<AxisLabel>| -> Vec<AxisLabel> {
        let (head, tail) = (&ends[0], &ends[ends.len() - 1]);
        let mut labels = vec![head.clone()];
        labels.extend(between.into_iter().filter(|label| {
            label.0 != head.0
                && label.0 != tail.0
                && apart(span(geometry, width, head), span(geometry, width, label))
                && apart(span(geometry, width, label), span(geometry, width, tail))
        }));
        labels.push(tail.clone());
        labels
    };
    let per_year = match first.kind() {
        PeriodKind::Month => 12,
        PeriodKind::Quarter => 4,
        PeriodKind::Year => 1,
    };
    for &step in steps {
        // Every other year may start from an even or an odd one: the phase that labels most.
        let phases = (step / per_year).max(1);
        let best = (0..phases)
            .map(|phase| with_ends(labels_every(periods, lang, step, phase)))
            .filter(|labels| fits(labels))
            .reduce(|best, labels| {
                if labels.len() > best.len() {
                    labels
                } else {
                    best
                }
            });
        if let Some(labels) = best {
            return labels;
        }
    }
    ends
}

/// Every period `step` periods apart on the calendar (a step of 3 months
/// labels January, April, July and October), each as the lines of its label.
/// A step of several years labels the years `phase` past a multiple of it.
fn labels_every(periods: &[Period], lang: Lang, step: u32, phase: u32) -> Vec<AxisLabel> {
    let mut labels = Vec::new();
    for (i, period) in periods.iter().enumerate() {
        let year = period.year();
        let (part, per_year) = match *period {
            Period::Year(_) => (0, 1),
            Period::Quarter(_, q) => (u32::from(q).saturating_sub(1), 4),
            Period::Month(_, m) => (u32::from(m).saturating_sub(1), 12),
        };
        let (shown, with_part) = if step >= per_year {
            let years = step / per_year;
            (
                part == 0 && i64::from(year).rem_euclid(i64::from(years)) == i64::from(phase),
                false,
            )
        } else {
            (part % step == 0, true)
        };
        if !shown {
            continue;
        }
        let lines = match (*period, with_part) {
            (Period::Quarter(_, 1), true) | (Period::Month(_, 1), true) => end_label(*period, lang),
            (Period::Quarter(_, q), true) => vec![crate::dataset::period::quarter_label(q, lang)],
            (Period::Month(..), true) => {
                vec![period.month_name(lang).unwrap_or_default().to_string()]
            }
            _ => vec![year.to_string()],
        };
        labels.push((i, lines));
    }
    labels
}
