//! The chart: an inline SVG line chart drawn at build time, with a text alternative.
//!
//! Sized by its viewBox so it scales to any width; text is large enough to
//! read at 320 px. Part-year values are drawn dashed and hollow, so the
//! difference never rests on colour alone.

use std::fmt::Write;

use super::trend::{Change, Direction, change_between};
use super::{Dataset, Observation, Period, PeriodKind};
use crate::i18n::number::format_number;
use crate::i18n::{InterfaceStrings, Lang};
use crate::text::escape_attribute as escape;

const WIDTH: f64 = 360.0;
const HEIGHT: f64 = 240.0;
const LEFT: f64 = 44.0;
const RIGHT: f64 = 22.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 36.0;
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
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let x = |i: usize| {
        if periods.len() <= 1 {
            LEFT + plot_w / 2.0
        } else {
            LEFT + plot_w * i as f64 / (periods.len() - 1) as f64
        }
    };
    let y = |v: f64| TOP + plot_h * (1.0 - (v - low) / (high - low));
    let step_decimals = decimals_of_step(step);

    let mut svg = String::with_capacity(4096);
    let _ = write!(
        svg,
        "<svg class=\"chart\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" xmlns=\"http://www.w3.org/2000/svg\">\n<title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>\n",
        escape(&message(dataset, lang, strings)),
        escape(&description(dataset, lang, strings, &periods))
    );
    // Grid and y-axis labels.
    let mut tick = low;
    while tick <= high + step / 2.0 {
        let ty = y(tick);
        let _ = writeln!(
            svg,
            "<line class=\"grid\" x1=\"{LEFT}\" x2=\"{}\" y1=\"{ty:.1}\" y2=\"{ty:.1}\" stroke=\"#767676\" stroke-width=\"0.5\"/><text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\" font-size=\"13\" fill=\"#1a1a1a\">{}</text>",
            WIDTH - RIGHT,
            LEFT - 6.0,
            ty + 4.0,
            escape(&format_number(tick, step_decimals, lang))
        );
        tick += step;
    }
    // X-axis labels, thinned so they never overlap.
    let every = periods.len().div_ceil(7).max(1);
    for (i, period) in periods.iter().enumerate() {
        if i % every != 0 && i != periods.len() - 1 {
            continue;
        }
        let label = short_label(*period, lang);
        let _ = writeln!(
            svg,
            "<text x=\"{:.1}\" y=\"{}\" text-anchor=\"middle\" font-size=\"13\" fill=\"#1a1a1a\">{}</text>",
            x(i),
            HEIGHT - BOTTOM + 18.0,
            escape(&label)
        );
    }
    let _ = writeln!(
        svg,
        "<line x1=\"{LEFT}\" x2=\"{}\" y1=\"{:.1}\" y2=\"{:.1}\" stroke=\"#1a1a1a\" stroke-width=\"1\"/>",
        WIDTH - RIGHT,
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
            let dash = if a.partial || b.partial {
                " stroke-dasharray=\"5 4\""
            } else {
                ""
            };
            let _ = writeln!(
                svg,
                "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"{colour}\" stroke-width=\"2.5\"{dash}/>",
                x(i0),
                y(va),
                x(i1),
                y(vb)
            );
        }
        for (i, observation) in &points {
            let Some(v) = observation.value else { continue };
            let fill = if observation.partial {
                "#ffffff"
            } else {
                colour
            };
            let _ = writeln!(
                svg,
                "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"4\" fill=\"{fill}\" stroke=\"{colour}\" stroke-width=\"2\"/>",
                x(*i),
                y(v)
            );
        }
    }
    if dataset.series.len() > 1 {
        for (n, series) in dataset.series.iter().enumerate() {
            let colour = COLOURS[n % COLOURS.len()];
            let lx = LEFT + 110.0 * n as f64;
            let _ = writeln!(
                svg,
                "<rect x=\"{lx}\" y=\"2\" width=\"12\" height=\"4\" fill=\"{colour}\"/><text x=\"{}\" y=\"9\" font-size=\"11\" fill=\"#1a1a1a\">{}</text>",
                lx + 16.0,
                escape(series.label.text(lang))
            );
        }
    }
    svg.push_str("</svg>\n");
    svg
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

/// Years as `2019`; quarters and months shortened to fit under the axis.
fn short_label(period: Period, lang: Lang) -> String {
    match period {
        Period::Year(y) => y.to_string(),
        _ => period.label(lang),
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
        .filter(|(_, o)| o.value.is_some() && !o.partial)
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
    let per = match dataset.kind {
        PeriodKind::Year => strings.text("stats_year"),
        PeriodKind::Quarter => strings.text("stats_quarter"),
        PeriodKind::Month => strings.text("stats_month"),
    }
    .to_lowercase();
    let mut text = format!(
        "{}, {unit} {} {per}",
        strings.text("stats_line_chart"),
        strings.text("stats_per")
    );
    if let (Some(first), Some(last)) = (periods.first(), periods.last()) {
        let _ = write!(text, ", {}–{}", first.label(lang), last.label(lang));
    }
    text.push('.');
    for series in &dataset.series {
        let full = series
            .values
            .iter()
            .filter_map(|(p, o)| o.value.filter(|_| !o.partial).map(|v| (p, v)));
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
            missing.join(", ")
        );
    }
    if dataset
        .series
        .iter()
        .any(|s| s.values.values().any(|o| o.partial))
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
        Dataset::parse("d.yaml", "d", text, &[Lang::Sv, Lang::En]).unwrap()
    }

    #[test]
    fn the_chart_states_its_message_and_describes_the_trend() {
        let svg = line_chart(&deaths(), Lang::Sv, &strings(), "c1");
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
        let svg = line_chart(&deaths(), Lang::Sv, &strings(), "c");
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
}
