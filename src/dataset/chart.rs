//! The chart: an inline SVG line chart drawn at build time, with a text alternative.
//!
//! The chart is as wide as its box and a fixed number of CSS pixels high. It
//! has no viewBox, so its text is never scaled: labels are 14 px at 320 px
//! and at 1280 px alike. Across, positions are percentages of the width; down,
//! pixels. Which periods are labelled under the axis cannot wait for the
//! browser (there is no script), so the labels are chosen here for a few
//! widths ([`LAYOUTS`]) and the stylesheet shows those of the widest layout
//! the chart's box holds (a container query). Without the stylesheet the
//! narrowest layout shows, which fits every width.
//!
//! Part-year values are drawn dashed and hollow, so the difference never
//! rests on colour alone. The drawing is hidden from screen readers: the
//! title and description say what it shows, and the table beside it holds
//! the figures.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::trend::{Change, Direction, change_between};
use super::{Dataset, Observation, Period, PeriodKind};
use crate::i18n::number::format_number;
use crate::i18n::{InterfaceStrings, Lang};
use crate::text::escape_attribute as escape;

/// Size of every text in the chart, in CSS pixels (never scaled).
const FONT: f64 = 14.0;
/// A generous width of one character at [`FONT`], so estimated labels are
/// never narrower than drawn ones (DejaVu Sans digits are 0.64 em, "M" 0.86).
const CHAR: f64 = FONT * 0.68;
/// The same for a space, point or comma (0.32 em in DejaVu Sans).
const NARROW_CHAR: f64 = FONT * 0.4;
/// Space kept free between two labels under the axis, in pixels.
const GAP: f64 = 8.0;
/// Between the lines of a two-line label (`jan` over `2024`).
const LINE: f64 = 17.0;
const PLOT_HEIGHT: f64 = 180.0;
const TOP: f64 = 14.0;
/// Room under the axis for a two-line label.
const BOTTOM: f64 = 48.0;
/// One legend row per series when there are several.
const LEGEND_ROW: f64 = 22.0;
/// The narrowest chart drawn for: a 320 px screen less the page's margins
/// (288 px), with room to spare. Margins are set so they fit at this width.
const NARROWEST: f64 = 272.0;
/// Room right of the last period, in pixels at [`NARROWEST`].
const RIGHT_PX: f64 = 16.0;
/// The widths, in CSS pixels, from which each layout of axis labels is shown.
/// themes/default/static/style.css holds the same numbers in its container
/// queries; the first layout is the one shown without them.
pub const LAYOUTS: [f64; 3] = [NARROWEST, 400.0, 520.0];
/// Series colours, each at least 4.5:1 against white; lines also differ in dash and marker.
const COLOURS: [&str; 4] = ["#0b4f9c", "#b5121b", "#00573f", "#5b2a86"];

/// The chart of `dataset` in `lang`; `id` makes its title and description ids unique on a page.
pub fn line_chart(dataset: &Dataset, lang: Lang, strings: &InterfaceStrings, id: &str) -> String {
    let periods = dataset.periods();
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
        .map(|(_, text)| text_width(text))
        .fold(0.0, f64::max);
    let geometry = Geometry {
        left: (widest + 12.0) / NARROWEST * 100.0,
        right: RIGHT_PX / NARROWEST * 100.0,
        count: periods.len(),
    };
    let legend = if dataset.series.len() > 1 {
        LEGEND_ROW * dataset.series.len() as f64
    } else {
        0.0
    };
    let top = TOP + legend;
    let height = top + PLOT_HEIGHT + BOTTOM;
    let y = |v: f64| top + PLOT_HEIGHT * (1.0 - (v - low) / (high - low));
    let (left, right) = (pct(geometry.left), pct(100.0 - geometry.right));

    let mut svg = String::with_capacity(4096);
    let _ = write!(
        svg,
        "<div class=\"chart-box\">\n<svg class=\"chart\" width=\"100%\" height=\"{height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" xmlns=\"http://www.w3.org/2000/svg\">\n<title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>\n<g aria-hidden=\"true\" font-size=\"{FONT}\" fill=\"#1a1a1a\">\n",
        escape(&message(dataset, lang, strings)),
        escape(&description(dataset, lang, strings, &periods))
    );
    // Grid and y-axis labels, set right against the plot whatever its width.
    for (tick, text) in &ticks {
        let ty = y(*tick);
        let _ = writeln!(
            svg,
            "<line class=\"grid\" x1=\"{left}\" x2=\"{right}\" y1=\"{ty:.1}\" y2=\"{ty:.1}\" stroke=\"#767676\" stroke-width=\"0.5\"/><text x=\"{left}\" dx=\"-8\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            ty + 5.0,
            escape(text)
        );
    }
    // X-axis labels: one set per layout; a label drawn the same way in
    // several layouts is written once, with the class of each.
    let mut labels: BTreeMap<(usize, Vec<String>), Vec<usize>> = BTreeMap::new();
    for (layout, width) in LAYOUTS.iter().enumerate() {
        for label in axis_labels(&periods, lang, &geometry, *width) {
            labels.entry(label).or_default().push(layout);
        }
    }
    let baseline = top + PLOT_HEIGHT + 22.0;
    for ((i, lines), layouts) in &labels {
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
    let _ = writeln!(
        svg,
        "<line x1=\"{left}\" x2=\"{right}\" y1=\"{:.1}\" y2=\"{:.1}\" stroke=\"#1a1a1a\" stroke-width=\"1\"/>",
        y(low),
        y(low)
    );
    for (n, series) in dataset.series.iter().enumerate() {
        let colour = COLOURS[n % COLOURS.len()];
        let points: Vec<(usize, &Observation)> = periods
            .iter()
            .enumerate()
            .filter_map(|(i, p)| series.values.get(p).map(|o| (i, o)))
            .collect();
        for pair in points.windows(2) {
            let ((i0, a), (i1, b)) = (pair[0], pair[1]);
            let (Some(va), Some(vb)) = (a.value, b.value) else {
                continue;
            };
            if i1 != i0 + 1 {
                continue;
            }
            let dash = if a.partial() || b.partial() {
                " stroke-dasharray=\"5 4\""
            } else {
                ""
            };
            let _ = writeln!(
                svg,
                "<line x1=\"{}\" y1=\"{:.1}\" x2=\"{}\" y2=\"{:.1}\" stroke=\"{colour}\" stroke-width=\"2.5\"{dash}/>",
                pct(geometry.x(i0)),
                y(va),
                pct(geometry.x(i1)),
                y(vb)
            );
        }
        // Many periods close together would blur into a thick line of dots:
        // markers are kept for part-year values, which must stand out.
        let radius = if periods.len() > 36 { 2.5 } else { 4.0 };
        for (i, observation) in &points {
            let Some(v) = observation.value else { continue };
            let (fill, r) = if observation.partial() {
                ("#ffffff", 4.0)
            } else {
                (colour, radius)
            };
            let _ = writeln!(
                svg,
                "<circle cx=\"{}\" cy=\"{:.1}\" r=\"{r}\" fill=\"{fill}\" stroke=\"{colour}\" stroke-width=\"2\"/>",
                pct(geometry.x(*i)),
                y(v)
            );
        }
    }
    if dataset.series.len() > 1 {
        // One row each, so a long label never runs into the next.
        for (n, series) in dataset.series.iter().enumerate() {
            let colour = COLOURS[n % COLOURS.len()];
            let row = 4.0 + LEGEND_ROW * n as f64;
            let _ = writeln!(
                svg,
                "<rect x=\"0\" y=\"{}\" width=\"14\" height=\"4\" fill=\"{colour}\"/><text x=\"20\" y=\"{}\">{}</text>",
                row + 6.0,
                row + 12.0,
                escape(series.label.text(lang))
            );
        }
    }
    svg.push_str("</g>\n</svg>\n</div>\n");
    svg
}

/// Where the periods stand across the chart, in per cent of its width.
///
/// `left` and `right` are the drawing's own, in every language: numbers and
/// time axes run left to right in Arabic too, so a chart is never mirrored
/// on a right-to-left page (`style.css` sets `.chart` left to right).
struct Geometry {
    left: f64,
    right: f64,
    count: usize,
}

impl Geometry {
    fn x(&self, i: usize) -> f64 {
        let plot = 100.0 - self.left - self.right;
        if self.count <= 1 {
            self.left + plot / 2.0
        } else {
            self.left + plot * i as f64 / (self.count - 1) as f64
        }
    }
}

/// A percentage for an SVG attribute, rounded so output stays short and stable.
fn pct(value: f64) -> String {
    format!("{value:.2}%")
}

/// The estimated width in pixels of `text` at [`FONT`]; generous, never short.
fn text_width(text: &str) -> f64 {
    text.chars()
        .map(|c| match c {
            // Thousands separators and points are about half a digit wide.
            ' ' | '\u{a0}' | '\u{202f}' | '.' | ',' => NARROW_CHAR,
            _ => CHAR,
        })
        .sum()
}

/// The labels under the axis for a chart `width` pixels wide: the periods a
/// step apart (every month, every quarter, every January …), at the smallest
/// step whose labels keep [`GAP`] apart. Each is `(index, lines)`; a label
/// drops out where it would run past the chart's edge.
fn axis_labels(
    periods: &[Period],
    lang: Lang,
    geometry: &Geometry,
    width: f64,
) -> Vec<(usize, Vec<String>)> {
    // Left and right edge of a label, in pixels; labels come in period order.
    let span = |(i, lines): &(usize, Vec<String>)| {
        let centre = geometry.x(*i) / 100.0 * width;
        let half = lines.iter().map(|l| text_width(l)).fold(0.0, f64::max) / 2.0;
        (centre - half, centre + half)
    };
    let apart = |a: (f64, f64), b: (f64, f64)| a.1 + GAP <= b.0;
    let fits = |labels: &[(usize, Vec<String>)]| {
        labels
            .windows(2)
            .all(|pair| apart(span(&pair[0]), span(&pair[1])))
    };
    // Judged as if the label had its year below it, since the first one shown gets it.
    let inside = |(i, lines): &(usize, Vec<String>)| {
        let centre = geometry.x(*i) / 100.0 * width;
        let year = periods
            .get(*i)
            .map_or(0.0, |p| text_width(&p.year().to_string()));
        let half = lines.iter().map(|l| text_width(l)).fold(year, f64::max) / 2.0;
        centre - half >= 0.0 && centre + half <= width
    };
    let Some(kind) = periods.first().map(|p| p.kind()) else {
        return Vec::new();
    };
    let steps: &[u32] = match kind {
        PeriodKind::Month => &[1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200],
        PeriodKind::Quarter => &[1, 2, 4, 8, 20, 40, 80, 200, 400],
        PeriodKind::Year => &[1, 2, 5, 10, 20, 50, 100, 200, 500],
    };
    let mut last = Vec::new();
    for &step in steps {
        let mut labels: Vec<(usize, Vec<String>)> = labels_every(periods, lang, step)
            .into_iter()
            .filter(inside)
            .collect();
        // The first label shown says which year it is in, as January does.
        if let Some((i, lines)) = labels.first_mut()
            && let Some(period) = periods.get(*i)
        {
            let year = period.year().to_string();
            if !lines.contains(&year) {
                lines.push(year);
            }
        }
        if fits(&labels) {
            return labels;
        }
        last = labels;
    }
    // Centuries of months: keep what fits, left to right.
    let mut kept: Vec<(usize, Vec<String>)> = Vec::new();
    for label in last {
        if kept
            .last()
            .is_none_or(|before| apart(span(before), span(&label)))
        {
            kept.push(label);
        }
    }
    kept
}

/// Every period `step` periods apart on the calendar (a step of 3 months
/// labels January, April, July and October), each as the lines of its label.
/// Within a year a label is the month or quarter, with the year below it in
/// January and the first quarter; a step of a year or more labels the year
/// alone.
fn labels_every(periods: &[Period], lang: Lang, step: u32) -> Vec<(usize, Vec<String>)> {
    let mut labels = Vec::new();
    for (i, period) in periods.iter().enumerate() {
        let (year, part, per_year) = match *period {
            Period::Year(y) => (y, 0, 1),
            Period::Quarter(y, q) => (y, u32::from(q).saturating_sub(1), 4),
            Period::Month(y, m) => (y, u32::from(m).saturating_sub(1), 12),
        };
        let (shown, with_part) = if step >= per_year {
            let years = step / per_year;
            (
                part == 0 && i64::from(year).rem_euclid(i64::from(years)) == 0,
                false,
            )
        } else {
            (part % step == 0, true)
        };
        if !shown {
            continue;
        }
        let lines = match (*period, with_part) {
            (Period::Quarter(_, q), true) => {
                let quarter = super::period::quarter_label(q, lang);
                if q == 1 {
                    vec![quarter, year.to_string()]
                } else {
                    vec![quarter]
                }
            }
            (Period::Month(_, m), true) => {
                let month = period.month_name(lang).unwrap_or_default().to_string();
                if m == 1 {
                    vec![month, year.to_string()]
                } else {
                    vec![month]
                }
            }
            _ => vec![year.to_string()],
        };
        labels.push((i, lines));
    }
    labels
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

/// The chart's main message: how the first series moved from its first to its latest full value.
fn message(dataset: &Dataset, lang: Lang, strings: &InterfaceStrings) -> String {
    let title = dataset.title.text(lang);
    let Some(series) = dataset.series.first() else {
        return title.to_string();
    };
    let full: Vec<(&Period, &Observation)> = series
        .values
        .iter()
        .filter(|(_, o)| o.value.is_some() && !o.partial())
        .collect();
    let (Some((p0, first)), Some((p1, last))) = (full.first(), full.last()) else {
        return title.to_string();
    };
    if p0 == p1 {
        return title.to_string();
    }
    let verb = match change_between(first, last, dataset.decimals, dataset.better) {
        Change::Computed {
            direction: Direction::Increase,
            ..
        } => "stats_rose",
        Change::Computed {
            direction: Direction::Decrease,
            ..
        } => "stats_fell",
        _ => "stats_stayed",
    };
    let value =
        |o: &Observation| format_number(o.value.unwrap_or_default(), dataset.decimals, lang);
    format!(
        "{title}: {} {} {} ({}) {} {} ({})",
        strings.text(verb),
        strings.text("stats_from"),
        value(first),
        p0.label(lang),
        strings.text("stats_to"),
        value(last),
        p1.label(lang)
    )
}

/// One or two sentences describing the chart for people who cannot see it.
fn description(
    dataset: &Dataset,
    lang: Lang,
    strings: &InterfaceStrings,
    periods: &[Period],
) -> String {
    let unit = dataset.unit.text(lang);
    let comma = lang.locale().comma.as_str();
    let per = match dataset.kind {
        PeriodKind::Year => strings.text("stats_year"),
        PeriodKind::Quarter => strings.text("stats_quarter"),
        PeriodKind::Month => strings.text("stats_month"),
    }
    .to_lowercase();
    let mut text = format!(
        "{}{comma}{unit} {} {per}",
        strings.text("stats_line_chart"),
        strings.text("stats_per")
    );
    if let (Some(first), Some(last)) = (periods.first(), periods.last()) {
        let _ = write!(text, "{comma}{}–{}", first.label(lang), last.label(lang));
    }
    text.push('.');
    for series in &dataset.series {
        let full = series
            .values
            .iter()
            .filter_map(|(p, o)| o.value.filter(|_| !o.partial()).map(|v| (p, v)));
        let highest = full
            .clone()
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(a.0)));
        let lowest = full.min_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(b.0)));
        if let (Some((hp, hv)), Some((lp, lv))) = (highest, lowest) {
            let name = if dataset.series.len() > 1 {
                format!("{}: ", series.label.text(lang))
            } else {
                String::new()
            };
            let _ = write!(
                text,
                " {name}{} {} ({}), {} {} ({}).",
                strings.text("stats_highest"),
                format_number(hv, dataset.decimals, lang),
                hp.label(lang),
                strings.text("stats_lowest"),
                format_number(lv, dataset.decimals, lang),
                lp.label(lang)
            );
        }
    }
    let missing: Vec<String> = periods
        .iter()
        .filter(|p| {
            dataset
                .series
                .iter()
                .any(|s| s.values.get(p).is_none_or(|o| o.value.is_none()))
        })
        .map(|p| p.label(lang))
        .collect();
    if !missing.is_empty() {
        let _ = write!(
            text,
            " {} {}.",
            strings.text("stats_gaps"),
            missing.join(comma)
        );
    }
    if dataset
        .series
        .iter()
        .any(|s| s.values.values().any(|o| o.partial()))
    {
        text.push(' ');
        text.push_str(strings.text("stats_dashed"));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Dataset;

    fn strings() -> InterfaceStrings {
        InterfaceStrings::parse("sv", include_str!("../../themes/default/i18n/sv.yaml")).unwrap()
    }

    fn deaths() -> Dataset {
        let text = "\
title: { sv: Döda i skjutningar i Malmö, en: Deaths from shootings in Malmö }
unit: { sv: personer, en: people }
better: lower
source: { name: { sv: Malmö stad, en: City of Malmö } }
updated: 2023-01-01
series:
  - key: deaths
    label: { sv: Döda, en: Deaths }
    values:
      2016: 7
      2017: 7
      2018: 12
      2019: 7
      2020: 3
      2021: null
      2022: 5
      2023: { value: 1, partial: true }
";
        Dataset::parse("d.yaml", "d", text, &[Lang::SV, Lang::EN]).unwrap()
    }

    #[test]
    fn the_chart_states_its_message_and_describes_the_trend() {
        let svg = line_chart(&deaths(), Lang::SV, &strings(), "c1");
        assert!(svg.contains("role=\"img\" aria-labelledby=\"c1-title c1-desc\""));
        assert!(
            svg.contains("<title id=\"c1-title\">Döda i skjutningar i Malmö: minskade från 7 (2016) till 5 (2022)</title>"),
            "{svg}"
        );
        assert!(
            svg.contains("Högsta värdet 12 (2018), lägsta 3 (2020)."),
            "{svg}"
        );
        assert!(svg.contains("Uppgift saknas för 2021."), "{svg}");
        assert!(svg.contains("Streckad linje"), "{svg}");
    }

    #[test]
    fn partial_values_are_dashed_and_hollow_and_gaps_break_the_line() {
        let svg = line_chart(&deaths(), Lang::SV, &strings(), "c");
        assert_eq!(svg.matches("stroke-dasharray").count(), 1, "{svg}");
        assert_eq!(svg.matches("fill=\"#ffffff\"").count(), 1);
        // 8 periods, one missing: 7 points, and lines only between neighbours with values.
        assert_eq!(svg.matches("<circle").count(), 7);
        assert_eq!(svg.matches("stroke-width=\"2.5\"").count(), 5);
    }

    #[test]
    fn axes_cover_the_values_with_round_steps() {
        assert_eq!(axis(&[7.0, 12.0, 3.0]), (0.0, 15.0, 5.0));
        assert_eq!(axis(&[53192.0]), (0.0, 60000.0, 20000.0));
        assert_eq!(axis(&[0.0]), (0.0, 4.0, 1.0));
        assert_eq!(axis(&[0.3, 0.7]), (0.0, 0.8, 0.2));
        assert_eq!(axis(&[-3.0, 4.0]), (-4.0, 4.0, 2.0));
        assert_eq!(decimals_of_step(0.25), 2);
        assert_eq!(decimals_of_step(0.5), 1);
        assert_eq!(decimals_of_step(5.0), 0);
    }

    fn months(count: usize) -> Vec<Period> {
        std::iter::successors(Some(Period::Month(2019, 7)), |p| Some(p.next()))
            .take(count)
            .collect()
    }

    fn geometry(count: usize) -> Geometry {
        Geometry {
            left: 20.0,
            right: RIGHT_PX / NARROWEST * 100.0,
            count,
        }
    }

    #[test]
    fn many_months_are_labelled_by_calendar_steps_that_fit_each_layout() {
        let texts = |count: usize, width: f64| -> Vec<String> {
            axis_labels(&months(count), Lang::SV, &geometry(count), width)
                .into_iter()
                .map(|(_, lines)| lines.join(" "))
                .collect()
        };
        // 60 months: every other January at 272 px, every January from 400 px.
        assert_eq!(texts(60, 272.0), ["2020", "2022", "2024"]);
        assert_eq!(texts(60, 520.0), ["2020", "2021", "2022", "2023", "2024"]);
        // 12 months: quarters at 272 px; the first label says its year.
        assert_eq!(texts(12, 272.0), ["jul 2019", "okt", "jan 2020", "apr"]);
        for count in [1, 2, 12, 18, 24, 60, 240] {
            for width in LAYOUTS {
                let labels = axis_labels(&months(count), Lang::EN, &geometry(count), width);
                assert!(!labels.is_empty(), "{count} months at {width} px");
                let boxes: Vec<(f64, f64)> = labels
                    .iter()
                    .map(|(i, lines)| {
                        let centre = geometry(count).x(*i) / 100.0 * width;
                        let half = lines.iter().map(|l| text_width(l)).fold(0.0, f64::max) / 2.0;
                        (centre - half, centre + half)
                    })
                    .collect();
                assert!(boxes.iter().all(|(a, b)| *a >= 0.0 && *b <= width));
                assert!(boxes.windows(2).all(|w| w[0].1 + GAP <= w[1].0));
            }
        }
    }

    #[test]
    fn the_drawing_is_hidden_from_screen_readers_and_its_text_never_scaled() {
        let svg = line_chart(&deaths(), Lang::EN, &strings(), "c");
        assert!(!svg.contains("viewBox"), "{svg}");
        assert!(svg.contains("<g aria-hidden=\"true\" font-size=\"14\""));
        // Eight years: each is labelled in at least the widest layout.
        for year in 2016..=2023 {
            assert!(svg.contains(&format!(">{year}</text>")), "{year} in {svg}");
        }
    }

    #[test]
    fn the_stylesheet_switches_layouts_at_the_widths_they_were_drawn_for() {
        let css = include_str!("../../themes/default/static/style.css");
        for (n, width) in LAYOUTS.iter().enumerate().skip(1) {
            let query = format!(
                "@container chart (min-width: {width}px) {{\n  .chart .l{} {{ display: none; }}\n  .chart .l{n} {{ display: inline; }}",
                n - 1
            );
            assert!(css.contains(&query), "style.css lacks\n{query}");
        }
    }
}
