//! The chart: an inline SVG bar or line chart drawn at build time, named in words for screen readers.
//!
//! The chart is as wide as its box and a fixed number of CSS pixels high. It
//! has no viewBox, so its text is never scaled: labels are 14 px at 320 px
//! and at 1280 px alike. Across, positions are percentages of the width; down,
//! pixels. Which periods are labelled under the axis cannot wait for the
//! browser (there is no script), so the labels are chosen here for a few
//! widths ([`LAYOUTS`]) by the rule in [`labels`], and the stylesheet shows
//! those of the widest layout the chart's box holds (a container query).
//! Without the stylesheet the narrowest layout shows, which fits every width.
//!
//! `chart: bar` draws a group of bars per period, `chart: line` a line per
//! series with its own marker shape; several series each get a direct label
//! at their last value. Part-period and provisional values are drawn hollow
//! (points) or hatched (bars), and a note under the chart lists them with
//! their letters, so a status never rests on colour alone. A missing value is
//! a gap, and a line is not joined across a break in the series.
//!
//! The drawing is hidden from screen readers: the SVG is one image whose
//! accessible name is its title (the dataset's) and a summary in words
//! ([`summary`]) in its description, and the table beside it holds the
//! figures.

mod labels;
mod marks;
mod palette;
mod summary;

use std::collections::BTreeMap;
use std::fmt::Write;

use super::{ChartKind, Dataset};
use crate::i18n::number::format_number;
use crate::i18n::{InterfaceStrings, Lang};
use crate::text::escape_attribute as escape;

/// Size of every text in the chart, in CSS pixels (never scaled).
const FONT: f64 = 14.0;
/// Between the lines of a two-line label (`jan` over `2024`), and between direct labels.
const LINE: f64 = 17.0;
const PLOT_HEIGHT: f64 = 180.0;
/// Room above the plot for a line's end label over its highest point.
const TOP: f64 = 24.0;
/// Room under the axis for a two-line label.
const BOTTOM: f64 = 48.0;
/// One row of direct labels above the bars per series.
const ROW: f64 = 20.0;
/// The narrowest chart drawn for: a 320 px screen less the page's margins
/// (288 px), with room to spare. Margins are set so they fit at this width.
const NARROWEST: f64 = 272.0;
/// Room right of the last period, in pixels at [`NARROWEST`].
const RIGHT_PX: f64 = 16.0;
/// The widths, in CSS pixels, from which each layout of axis labels is shown.
/// themes/default/static/style.css holds the same numbers in its container
/// queries; the first layout is the one shown without them.
pub const LAYOUTS: [f64; 3] = [NARROWEST, 400.0, 520.0];

/// The chart of `dataset` in `lang`, drawn as `kind` (nothing for [`ChartKind::None`]);
/// `id` makes its ids unique on a page.
pub fn chart(
    dataset: &Dataset,
    kind: ChartKind,
    lang: Lang,
    strings: &InterfaceStrings,
    id: &str,
) -> String {
    let periods = every_period(dataset);
    if kind == ChartKind::None || periods.is_empty() {
        return String::new();
    }
    let bars = kind == ChartKind::Bar;
    let values: Vec<f64> = dataset
        .series
        .iter()
        .flat_map(|s| s.values.values().filter_map(|o| o.value))
        .collect();
    let (low, high, step) = axis(&values);
    let step_decimals = decimals_of_step(step);
    let mut ticks = Vec::new();
    let mut tick = low;
    while tick <= high + step / 2.0 {
        ticks.push((tick, format_number(tick, step_decimals, lang)));
        tick += step;
    }
    // The left margin holds the widest value label at the narrowest width;
    // as a share of the width, it grows with the chart but never shrinks.
    let widest = ticks
        .iter()
        .map(|(_, text)| labels::text_width(text))
        .fold(0.0, f64::max);
    // The last period stands at (or, for bars, near) the edge of the plot:
    // room for half its label beyond.
    let right = RIGHT_PX.max(labels::last_label_half(&periods, lang) + 2.0);
    let geometry = Geometry {
        left: (widest + 12.0) / NARROWEST * 100.0,
        right: right / NARROWEST * 100.0,
        count: periods.len(),
        bars,
    };
    let top = if bars {
        10.0 + ROW * dataset.series.len() as f64
    } else {
        TOP
    };
    let frame = Frame {
        geometry,
        top,
        low,
        high,
    };
    let height = top + PLOT_HEIGHT + BOTTOM;
    let (left, right) = (pct(geometry.left), pct(100.0 - geometry.right));

    let mut svg = String::with_capacity(8192);
    let _ = write!(
        svg,
        "<div class=\"chart-box\">\n<svg class=\"chart chart-{}\" width=\"100%\" height=\"{height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" xmlns=\"http://www.w3.org/2000/svg\">\n<title id=\"{id}-title\">{}.</title>\n<desc id=\"{id}-desc\">{}</desc>\n",
        if bars { "bar" } else { "line" },
        escape(dataset.title.text(lang).trim_end_matches('.')),
        escape(&summary::summary(dataset, kind, lang, strings, &periods))
    );
    let _ = writeln!(
        svg,
        "<g aria-hidden=\"true\" font-size=\"{FONT}\" fill=\"{}\">",
        palette::INK
    );
    // Grid and y-axis labels, set right against the plot whatever its width.
    for (tick, text) in &ticks {
        let ty = frame.y(*tick);
        let _ = writeln!(
            svg,
            "<line class=\"grid\" x1=\"{left}\" x2=\"{right}\" y1=\"{ty:.1}\" y2=\"{ty:.1}\" stroke=\"{}\" stroke-width=\"0.5\"/><text class=\"y-label\" x=\"{left}\" dx=\"-8\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            palette::GRID,
            ty + 5.0,
            escape(text)
        );
    }
    // X-axis labels: one set per layout; a label drawn the same way in
    // several layouts is written once, with the class of each.
    let mut axis_labels: BTreeMap<(usize, Vec<String>), Vec<usize>> = BTreeMap::new();
    for (layout, width) in LAYOUTS.iter().enumerate() {
        for label in labels::axis_labels(&periods, lang, &geometry, *width) {
            axis_labels.entry(label).or_default().push(layout);
        }
    }
    let baseline = top + PLOT_HEIGHT + 22.0;
    for ((i, lines), layouts) in &axis_labels {
        let classes: Vec<String> = layouts.iter().map(|l| format!(" l{l}")).collect();
        // Hidden unless in the first layout, so the chart reads right without CSS.
        let hidden = if layouts.contains(&0) {
            ""
        } else {
            " display=\"none\""
        };
        let x = pct(geometry.x(*i));
        let _ = write!(
            svg,
            "<text class=\"x-label{}\"{hidden} x=\"{x}\" y=\"{baseline}\" text-anchor=\"middle\">",
            classes.concat()
        );
        for (n, line) in lines.iter().enumerate() {
            if n == 0 {
                svg.push_str(&escape(line));
            } else {
                let _ = write!(
                    svg,
                    "<tspan x=\"{x}\" dy=\"{LINE}\">{}</tspan>",
                    escape(line)
                );
            }
        }
        svg.push_str("</text>\n");
    }
    if bars {
        marks::bars(&mut svg, dataset, &periods, &frame, lang, id);
    } else {
        let tick_baselines: Vec<f64> = ticks.iter().map(|(t, _)| frame.y(*t) + 5.0).collect();
        marks::lines(
            &mut svg,
            dataset,
            &periods,
            &frame,
            &tick_baselines,
            lang,
            id,
        );
    }
    let _ = writeln!(
        svg,
        "<line x1=\"{left}\" x2=\"{right}\" y1=\"{:.1}\" y2=\"{:.1}\" stroke=\"{}\" stroke-width=\"1\"/>",
        frame.y(low.max(0.0).min(high)),
        frame.y(low.max(0.0).min(high)),
        palette::INK
    );
    svg.push_str("</g>\n</svg>\n");
    let note = summary::note(dataset, kind, lang, strings);
    if !note.is_empty() {
        let _ = writeln!(svg, "<p class=\"chart-note\">{}</p>", escape(&note));
    }
    svg.push_str("</div>\n");
    svg
}

/// The most periods an axis runs over; a longer run (a mistyped year far
/// off) keeps to the periods the file has.
const MOST_PERIODS: usize = 1200;

/// The periods across the chart: every one from the first to the last, so a
/// period the file skips stands as a gap in its place (no bar, a broken line)
/// rather than being squeezed out.
fn every_period(dataset: &Dataset) -> Vec<super::Period> {
    let present = dataset.periods();
    let (Some(first), Some(last)) = (present.first(), present.last()) else {
        return present;
    };
    let mut all = vec![*first];
    while let Some(&period) = all.last()
        && period < *last
    {
        if all.len() >= MOST_PERIODS {
            return present;
        }
        all.push(period.next());
    }
    all
}

/// Where the periods stand across the chart, in per cent of its width.
///
/// `left` and `right` are the drawing's own, in every language: numbers and
/// time axes run left to right in Arabic too, so a chart is never mirrored
/// on a right-to-left page (`style.css` sets `.chart` left to right).
#[derive(Debug, Clone, Copy)]
struct Geometry {
    left: f64,
    right: f64,
    count: usize,
    /// Bars stand in the middle of equal slots; line points run from edge to edge.
    bars: bool,
}

impl Geometry {
    /// The width of the plot, in per cent.
    fn plot(&self) -> f64 {
        100.0 - self.left - self.right
    }

    /// The centre of period `i`, in per cent.
    fn x(&self, i: usize) -> f64 {
        if self.bars {
            self.left + self.slot() * (i as f64 + 0.5)
        } else if self.count <= 1 {
            self.left + self.plot() / 2.0
        } else {
            self.left + self.plot() * i as f64 / (self.count - 1) as f64
        }
    }

    /// The distance from one period to the next, in per cent.
    fn slot(&self) -> f64 {
        if self.bars {
            self.plot() / self.count.max(1) as f64
        } else {
            self.plot() / self.count.saturating_sub(1).max(1) as f64
        }
    }
}

/// The geometry down the chart: where the plot starts and which values it spans.
struct Frame {
    geometry: Geometry,
    top: f64,
    low: f64,
    high: f64,
}

impl Frame {
    /// The height of `v` in pixels from the top.
    fn y(&self, v: f64) -> f64 {
        self.top + PLOT_HEIGHT * (1.0 - (v - self.low) / (self.high - self.low))
    }

    /// The bottom of the plot, in pixels from the top.
    fn bottom(&self) -> f64 {
        self.top + PLOT_HEIGHT
    }
}

/// A percentage for an SVG attribute, rounded so output stays short and stable.
fn pct(value: f64) -> String {
    format!("{value:.2}%")
}

/// The axis from `low` to `high` in steps of `step`, covering every value and zero.
fn axis(values: &[f64]) -> (f64, f64, f64) {
    let max = values.iter().copied().fold(0.0f64, f64::max);
    let min = values.iter().copied().fold(0.0f64, f64::min);
    // An all-zero series still gets a readable axis of whole numbers.
    let range = if max == min { 4.0 } else { max - min };
    let raw = range / 4.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    let low = (min / step).floor() * step;
    let high = ((max / step).ceil() * step)
        .max(low + step)
        .max(low + range);
    (low, high, step)
}

fn decimals_of_step(step: f64) -> usize {
    if step >= 1.0 {
        0
    } else {
        (-step.log10().floor()) as usize
            + usize::from(step * 10f64.powf(-step.log10().floor()) % 1.0 != 0.0)
    }
}

#[cfg(test)]
mod tests;
