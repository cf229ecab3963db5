//! The marks of a chart: bars or lines, and the direct label that names each series at its last value.

use std::fmt::Write;

use super::labels::{GAP, text_width};
use super::palette::{self, colour};
use super::summary::uncertain;
use super::{FONT, Frame, NARROWEST, ROW, pct};
use crate::dataset::{Dataset, Observation, Period, Series, Status};
use crate::i18n::Lang;
use crate::i18n::number::format_number;
use crate::text::escape_attribute as escape;

/// The text of a series' direct label: its name when there are several,
/// then its last value and that value's status letters (`8 [d] [p]`). The
/// value is left out when the whole would not fit in `room` pixels.
fn direct_text(
    dataset: &Dataset,
    series: &Series,
    observation: &Observation,
    lang: Lang,
    room: f64,
) -> String {
    let value = observation
        .value
        .map(|v| format_number(v, series.decimals, lang))
        .unwrap_or_default();
    let marks = observation.status.marks();
    let figure = [value, marks]
        .into_iter()
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if dataset.series.len() == 1 {
        return figure;
    }
    let name = series.label.text(lang);
    let full = format!("{name} {figure}");
    if text_width(&full) <= room {
        full
    } else {
        let marks = observation.status.marks();
        if marks.is_empty() {
            name.to_string()
        } else {
            format!("{name} {marks}")
        }
    }
}

/// Each series' last period with a value: its index and observation.
fn last_values<'a>(series: &'a Series, periods: &[Period]) -> Option<(usize, &'a Observation)> {
    periods.iter().enumerate().rev().find_map(|(i, p)| {
        series
            .values
            .get(p)
            .filter(|o| o.value.is_some())
            .map(|o| (i, o))
    })
}

/// A group of bars per period, one per series in the same order; a part-period
/// or provisional value hatched. Direct labels stand in rows above the plot,
/// each joined by a leader line to its series' last bar.
pub(super) fn bars(
    svg: &mut String,
    dataset: &Dataset,
    periods: &[Period],
    frame: &Frame,
    lang: Lang,
    id: &str,
) {
    let geometry = &frame.geometry;
    let count = dataset.series.len().max(1);
    let group = geometry.slot() * if count > 1 { 0.84 } else { 0.7 };
    let width = group / count as f64;
    // Stripes of the series' colour with the page showing between them.
    svg.push_str("<defs>");
    for n in 0..dataset.series.len() {
        let _ = write!(
            svg,
            "<pattern id=\"{id}-hatch-{n}\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"2.5\" height=\"6\" fill=\"{}\"/></pattern>",
            colour(n)
        );
    }
    svg.push_str("</defs>\n");
    let zero = frame.y(0.0f64.clamp(frame.low, frame.high));
    for (i, period) in periods.iter().enumerate() {
        for (n, series) in dataset.series.iter().enumerate() {
            let Some(observation) = series.values.get(period) else {
                continue;
            };
            let Some(v) = observation.value else { continue };
            let x = geometry.x(i) - group / 2.0 + width * n as f64;
            let y = frame.y(v);
            // A zero is a bar 2 px high, so it never reads as a gap.
            let (top, height) = if (y - zero).abs() < 2.0 {
                (zero - 2.0, 2.0)
            } else {
                (y.min(zero), (y - zero).abs())
            };
            let paint = if uncertain(observation) {
                format!(
                    "fill=\"url(#{id}-hatch-{n})\" stroke=\"{}\" stroke-width=\"1.5\"",
                    colour(n)
                )
            } else {
                format!("fill=\"{}\"", colour(n))
            };
            let _ = writeln!(
                svg,
                "<rect x=\"{}\" y=\"{top:.1}\" width=\"{}\" height=\"{height:.1}\" {paint}/>",
                pct(x + width * 0.05),
                pct(width * 0.9)
            );
        }
    }
    // The label whose leader stands furthest right takes the top row, so no
    // leader line ever crosses another label.
    let mut ends: Vec<(f64, usize, &Series, &Observation)> = dataset
        .series
        .iter()
        .enumerate()
        .filter_map(|(n, s)| {
            let (i, o) = last_values(s, periods)?;
            let x = geometry.x(i) - group / 2.0 + width * (n as f64 + 0.5);
            Some((x, n, s, o))
        })
        .collect();
    ends.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    for (row, (x, n, series, observation)) in ends.into_iter().enumerate() {
        let room = x / 100.0 * NARROWEST - 6.0;
        let text = direct_text(dataset, series, observation, lang, room);
        let bar_top = frame.y(observation.value.unwrap_or_default().max(0.0)) - 2.0;
        let mut baseline = 10.0 + ROW * row as f64 + FONT * 0.8;
        if dataset.series.len() == 1 {
            // One label: just above the tallest bar it spans at the narrowest
            // width (it spans fewer when wider), not at the top of the chart.
            let reach = (text_width(&text) + 5.0) / NARROWEST * 100.0;
            let tallest = periods
                .iter()
                .enumerate()
                .filter(|(i, _)| {
                    let centre = geometry.x(*i);
                    centre + group / 2.0 >= x - reach && centre - group / 2.0 <= x
                })
                .filter_map(|(_, p)| series.values.get(p).and_then(|o| o.value))
                .fold(0.0f64, f64::max);
            baseline = baseline.max(frame.y(tallest) - 8.0);
        }
        let leader_top = baseline - FONT * 0.35;
        if bar_top - leader_top > 6.0 {
            let _ = write!(
                svg,
                "<line x1=\"{x}\" x2=\"{x}\" y1=\"{leader_top:.1}\" y2=\"{bar_top:.1}\" stroke=\"{}\" stroke-width=\"1\"/>",
                palette::GRID,
                x = pct(x),
            );
        }
        let _ = writeln!(
            svg,
            "<text class=\"direct-label\" x=\"{}\" dx=\"-5\" y=\"{baseline:.1}\" text-anchor=\"end\" fill=\"{}\">{}</text>",
            pct(x),
            colour(n),
            escape(&text),
        );
    }
}

/// A line per series with its own marker shape, hollow at part-period and
/// provisional values, dotted to and from a part-period value, broken at a
/// gap and at a break in the series. Markers are kept at least 12 px apart
/// at the narrowest width; a marked or lone value always has one. Each line
/// ends in a direct label beside its last point, moved up or down to where it
/// covers no line at the narrowest width (so none at any wider one, where it
/// spans fewer periods), joined to its point by a leader when moved away.
pub(super) fn lines(
    svg: &mut String,
    dataset: &Dataset,
    periods: &[Period],
    frame: &Frame,
    ticks: &[f64],
    lang: Lang,
    id: &str,
) {
    let geometry = &frame.geometry;
    let spacing = geometry.slot() / 100.0 * NARROWEST;
    let every = if spacing >= 12.0 {
        1
    } else {
        (12.0 / spacing).ceil() as usize
    };
    let radius = if every > 1 || periods.len() > 36 {
        3.0
    } else {
        4.0
    };
    svg.push_str("<defs>");
    for n in 0..dataset.series.len() {
        let _ = write!(
            svg,
            "<path id=\"{id}-m{n}\" d=\"{}\"/><path id=\"{id}-h{n}\" d=\"{}\"/>",
            palette::marker_path(n, radius),
            palette::marker_path(n, 4.5)
        );
    }
    svg.push_str("</defs>\n");
    // What a label must not cover, in pixels at the narrowest width: the
    // points along every line drawn, and the value labels beside the axis.
    let mut obstacles: Vec<(f64, f64)> = Vec::new();
    let px = |i: usize| geometry.x(i) / 100.0 * NARROWEST;
    let mut ends = Vec::new();
    for (n, series) in dataset.series.iter().enumerate() {
        let c = colour(n);
        let at: Vec<Option<&Observation>> = periods
            .iter()
            .map(|p| series.values.get(p).filter(|o| o.value.is_some()))
            .collect();
        let value = |i: usize| at[i].and_then(|o| o.value).unwrap_or_default();
        // Joined to the previous period: both have values and this one does not start a new series.
        let joined = |i: usize| {
            i > 0 && at[i - 1].is_some() && at[i].is_some_and(|o| !o.status.has(Status::Break))
        };
        for i in 1..periods.len() {
            let (Some(a), Some(b)) = (at[i - 1], at[i]) else {
                continue;
            };
            if !joined(i) {
                continue;
            }
            let dots = if a.partial() || b.partial() {
                " stroke-dasharray=\"1 5\" stroke-linecap=\"round\""
            } else {
                ""
            };
            let (y0, y1) = (frame.y(value(i - 1)), frame.y(value(i)));
            let _ = writeln!(
                svg,
                "<line x1=\"{}\" y1=\"{y0:.1}\" x2=\"{}\" y2=\"{y1:.1}\" stroke=\"{c}\" stroke-width=\"2.5\"{dots}/>",
                pct(geometry.x(i - 1)),
                pct(geometry.x(i)),
            );
            let (x0, x1) = (px(i - 1), px(i));
            let steps = ((x1 - x0).hypot(y1 - y0) / 1.5).ceil().max(1.0) as usize;
            obstacles.extend((0..=steps).map(|k| {
                let t = k as f64 / steps as f64;
                (x0 + (x1 - x0) * t, y0 + (y1 - y0) * t)
            }));
        }
        let last = last_values(series, periods);
        for (i, observation) in at.iter().enumerate() {
            let Some(observation) = observation else {
                continue;
            };
            // Joined to neither neighbour: without a marker it would not show at all.
            let lone = !(joined(i) || (i + 1 < periods.len() && joined(i + 1)));
            let hollow = uncertain(observation);
            if !(hollow || lone || i % every == 0 || last.is_some_and(|(l, _)| l == i)) {
                continue;
            }
            let (shape, fill) = if hollow {
                ("h", palette::BACKGROUND)
            } else {
                ("m", c)
            };
            let y = frame.y(value(i));
            let _ = writeln!(
                svg,
                "<use href=\"#{id}-{shape}{n}\" x=\"{}\" y=\"{y:.1}\" fill=\"{fill}\" stroke=\"{c}\" stroke-width=\"2\"/>",
                pct(geometry.x(i)),
            );
            for (dx, dy) in [(0.0, 0.0), (-5.0, 0.0), (5.0, 0.0), (0.0, -5.0), (0.0, 5.0)] {
                obstacles.push((px(i) + dx, y + dy));
            }
        }
        if let Some((i, observation)) = last {
            ends.push((i, n, series, observation));
        }
    }
    // The value labels beside the axis: a label running that far left must not touch them.
    let left_px = geometry.left / 100.0 * NARROWEST;
    let mut walls: Vec<(f64, f64, f64, f64)> = ticks
        .iter()
        .map(|ty| (0.0, left_px, ty - FONT, ty + FONT * 0.6))
        .collect();
    for (i, n, series, observation) in ends {
        let point = (px(i), frame.y(observation.value.unwrap_or_default()));
        // Beside the point, on the side with room: left of it, unless it is the first period.
        // Leaders stand a few pixels apart, one per series, between the labels and the points.
        let leader = 4.0 + 3.0 * n as f64;
        let clear_of_leaders = 5.0 + 3.0 * dataset.series.len() as f64;
        let (anchor, dx, room) = if i == 0 && periods.len() > 1 {
            (
                "start",
                clear_of_leaders,
                NARROWEST - point.0 - clear_of_leaders,
            )
        } else {
            (
                "end",
                -clear_of_leaders,
                point.0 - left_px - clear_of_leaders,
            )
        };
        // Several lines are named alone, so their labels stay short enough
        // to find room; the note under the chart gives the letters.
        let text = if dataset.series.len() > 1 {
            series.label.text(lang).to_string()
        } else {
            direct_text(dataset, series, observation, lang, room)
        };
        let width = text_width(&text);
        let (from, to) = if anchor == "end" {
            (point.0 + dx - width, point.0 + dx)
        } else {
            (point.0 + dx, point.0 + dx + width)
        };
        // Every baseline in the plot, scored by the lines it would cover and
        // then by its distance from the point; another label is never covered.
        let mut best: Option<(f64, f64)> = None;
        let mut baseline = FONT;
        while baseline <= frame.bottom() - 4.0 {
            let (top, bottom) = (baseline - FONT * 0.8 - 1.0, baseline + FONT * 0.25 + 1.0);
            let clear = walls
                .iter()
                .all(|w| w.1 < from || to < w.0 || w.3 < top || bottom < w.2);
            if clear {
                let covered = obstacles
                    .iter()
                    .filter(|(x, y)| {
                        (from - 2.0..=to + 2.0).contains(x) && (top..=bottom).contains(y)
                    })
                    .count();
                let score = covered as f64 * 100.0 + (baseline - FONT * 0.3 - point.1).abs();
                if best.is_none_or(|(s, _)| score < s) {
                    best = Some((score, baseline));
                }
            }
            baseline += 2.0;
        }
        let Some((_, baseline)) = best else { continue };
        walls.push((
            from - GAP,
            to + GAP,
            baseline - FONT * 0.8 - 2.0,
            baseline + FONT * 0.25 + 2.0,
        ));
        let middle = baseline - FONT * 0.3;
        // Away from its point: a leader line joins them.
        if (middle - point.1).abs() > FONT {
            let end = if middle < point.1 {
                point.1 - 6.0
            } else {
                point.1 + 6.0
            };
            let _ = write!(
                svg,
                "<line x1=\"{x}\" x2=\"{x}\" y1=\"{middle:.1}\" y2=\"{end:.1}\" transform=\"translate({:.0},0)\" stroke=\"{}\" stroke-width=\"1\"/>",
                leader * dx.signum(),
                colour(n),
                x = pct(geometry.x(i)),
            );
        }
        let _ = writeln!(
            svg,
            "<text class=\"direct-label\" x=\"{}\" dx=\"{dx}\" y=\"{baseline:.1}\" text-anchor=\"{anchor}\" fill=\"{}\">{}</text>",
            pct(geometry.x(i)),
            colour(n),
            escape(&text)
        );
    }
}
