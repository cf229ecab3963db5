//! Unit tests of the chart, compiled only under `cfg(test)`.
// ok: the unwraps below run on fixed test texts, never on user input.

use super::labels::{AxisLabel, GAP, axis_labels, text_width};
use super::*;
use crate::dataset::{Dataset, Period};

fn strings(lang: &str) -> InterfaceStrings {
    let text = match lang {
        "sv" => include_str!("../../../themes/default/i18n/sv.yaml"),
        _ => include_str!("../../../themes/default/i18n/en.yaml"),
    };
    InterfaceStrings::parse(lang, text).unwrap() // ok: a fixed test text, never user input
}

fn parse(text: &str) -> Dataset {
    Dataset::parse("d.yaml", "d", text, &[Lang::SV, Lang::EN]).unwrap() // ok: a fixed test text, never user input
}

const SHOOTINGS: &str = "\
title: { sv: Skjutningar i Malmö, en: Shootings in Malmö }
unit: { sv: skjutningar, en: shootings }
better: lower
source: { name: { sv: Polisen, en: The Police } }
updated: 2024-06-20
series:
  - key: shootings
    label: { sv: Skjutningar, en: Shootings }
    values:
      2016: 61
      2017: 65
      2018: 47
      2019: 34
      2020: 20
      2021: null
      2022: 29
      2023: { value: 40, status: [r] }
      2024: { value: 8, status: [d, p] }
";

fn shootings() -> Dataset {
    parse(SHOOTINGS)
}

#[test]
fn bars_for_counts_lines_for_rates_and_none_draws_nothing() {
    let counts = shootings();
    assert_eq!(counts.chart, ChartKind::Bar);
    let rates = parse(&SHOOTINGS.replace("better: lower", "better: lower\nmeasure: rate"));
    assert_eq!(rates.chart, ChartKind::Line);
    let written = parse(&SHOOTINGS.replace("better: lower", "better: lower\nchart: line"));
    assert_eq!(written.chart, ChartKind::Line);

    let bars = chart(&counts, ChartKind::Bar, Lang::SV, &strings("sv"), "c");
    assert!(bars.contains("class=\"chart chart-bar\""), "{bars}");
    // Eight bars: nine periods, one without a value.
    assert_eq!(bars.matches("<rect x=").count(), 8, "{bars}");
    assert!(!bars.contains("<use"));
    let lines = chart(&counts, ChartKind::Line, Lang::SV, &strings("sv"), "c");
    assert!(lines.contains("class=\"chart chart-line\""));
    assert_eq!(lines.matches("<rect x=").count(), 0);
    assert_eq!(
        chart(&counts, ChartKind::None, Lang::SV, &strings("sv"), "c"),
        ""
    );
    let figure = crate::dataset::figure(&written, Lang::SV, &strings("sv"), "c");
    assert!(figure.chart.contains("chart-line"));
    assert!(figure.table.contains("<table"));
}

#[test]
fn the_accessible_name_sums_up_the_chart_in_the_pages_language() {
    let dataset = shootings();
    let periods = dataset.periods();
    let sv = summary::summary(&dataset, ChartKind::Bar, Lang::SV, &strings("sv"), &periods);
    assert_eq!(
        sv,
        "Stapeldiagram, skjutningar per år, 2016–2024. Värden från 8 till 65. \
         Senaste värde 8 (2024, del av perioden, preliminär uppgift). \
         Senaste jämförbara förändring: ökade från 29 (2022) till 40 (2023). \
         Uppgift saknas för 2021. \
         Markeringar: [d] del av perioden, [p] preliminär uppgift, [r] reviderad uppgift."
    );
    let en = summary::summary(
        &dataset,
        ChartKind::Line,
        Lang::EN,
        &strings("en"),
        &periods,
    );
    assert_eq!(
        en,
        "Line chart, shootings per year, 2016–2024. Values from 8 to 65. \
         Latest value 8 (2024, part of the period, provisional). \
         Latest comparable change: rose from 29 (2022) to 40 (2023). \
         Not available for 2021. \
         Marks: [d] part of the period, [p] provisional, [r] revised."
    );
    let svg = chart(&dataset, ChartKind::Bar, Lang::SV, &strings("sv"), "c");
    assert!(
        svg.contains("role=\"img\" aria-labelledby=\"c-title c-desc\""),
        "{svg}"
    );
    assert!(svg.contains("<title id=\"c-title\">Skjutningar i Malmö.</title>"));
    assert!(
        svg.contains(&format!("<desc id=\"c-desc\">{sv}</desc>")),
        "{svg}"
    );
}

#[test]
fn a_running_total_names_its_latest_known_value_and_no_direction() {
    let dataset = parse(
        "\
title: { sv: Call-ins, en: Call-ins }
unit: { sv: möten, en: meetings }
measure: cumulative
source: { name: { sv: Malmö stad, en: City of Malmö } }
updated: 2024-06-30
series:
  - key: call-ins
    label: { sv: Call-ins, en: Call-ins }
    values:
      2018: 1
      2019: 3
      2022: 4
      2024: { value: 6, status: [d] }
",
    );
    let en = summary::summary(
        &dataset,
        dataset.chart,
        Lang::EN,
        &strings("en"),
        &dataset.periods(),
    );
    assert!(
        en.contains("Latest known value 6 (2024, part of the period)."),
        "{en}"
    );
    assert!(!en.contains("rose") && !en.contains("change"), "{en}");
}

#[test]
fn no_direction_is_given_across_a_part_period_a_gap_or_a_break() {
    let text = SHOOTINGS
        .replace(
            "2023: { value: 40, status: [r] }",
            "2023: { value: 40, status: [b] }",
        )
        .replace("2022: 29", "2022: { value: 29, status: [d] }");
    let dataset = parse(&text);
    let en = summary::summary(
        &dataset,
        ChartKind::Line,
        Lang::EN,
        &strings("en"),
        &dataset.periods(),
    );
    // 2024 is part of the year, 2023 starts a new series, 2022 is part of the
    // year, 2021 is missing: the last change that compares is 2019 to 2020.
    assert!(
        en.contains("Latest comparable change: fell from 34 (2019) to 20 (2020)."),
        "{en}"
    );
}

#[test]
fn statuses_are_drawn_hollow_or_hatched_and_named_under_the_chart() {
    let dataset = shootings();
    let lines = chart(&dataset, ChartKind::Line, Lang::SV, &strings("sv"), "c");
    // One hollow marker, for 2024; the segment into it dotted; none across 2021.
    assert_eq!(lines.matches("href=\"#c-h0\"").count(), 1, "{lines}");
    assert_eq!(
        lines.matches("fill=\"#ffffff\" stroke=\"#0b4f9c\"").count(),
        1
    );
    assert_eq!(lines.matches("stroke-dasharray").count(), 1);
    assert_eq!(lines.matches("stroke-width=\"2.5\"").count(), 6, "{lines}");
    assert!(
        lines.contains("<p class=\"chart-note\">Ofyllda punkter: 2024 [d] [p].</p>"),
        "{lines}"
    );
    // The line ends in its latest value with its letters.
    assert!(lines.contains(">8 [d] [p]</text>"), "{lines}");
    let bars = chart(&dataset, ChartKind::Bar, Lang::EN, &strings("en"), "c");
    assert_eq!(
        bars.matches("fill=\"url(#c-hatch-0)\"").count(),
        1,
        "{bars}"
    );
    assert!(bars.contains("<p class=\"chart-note\">Hatched bars: 2024 [d] [p].</p>"));
    // A break in the series is not joined to the value before it.
    let broken = parse(&SHOOTINGS.replace("2019: 34", "2019: { value: 34, status: [b] }"));
    let lines = chart(&broken, ChartKind::Line, Lang::EN, &strings("en"), "c");
    assert_eq!(lines.matches("stroke-width=\"2.5\"").count(), 5, "{lines}");
    assert!(lines.contains("The line is broken at a break in the series: 2019 [b]."));
}

const THREE: &str = "\
title: { sv: Tre serier, en: Three series }
unit: { sv: ärenden, en: cases }
source: { name: { sv: Test, en: Test } }
updated: 2024-01-01
series:
  - key: a
    label: { sv: Norr, en: North }
    values: { 2019: 10, 2020: 12, 2021: 14, 2022: 13, 2023: 15 }
  - key: b
    label: { sv: Söder, en: South }
    values: { 2019: 20, 2020: 18, 2021: 17, 2022: 16, 2023: { value: 14, status: [p] } }
  - key: c
    label: { sv: Väster, en: West }
    values: { 2019: 5, 2020: 6, 2021: null, 2022: 8, 2023: 9 }
";

#[test]
fn several_series_each_get_a_shape_and_a_direct_label_and_no_legend() {
    let dataset = parse(THREE);
    let svg = chart(&dataset, ChartKind::Line, Lang::EN, &strings("en"), "t");
    // Three marker shapes, one per series, each used at every point (5 years, one gap).
    let shapes: Vec<&str> = (0..3)
        .map(|n| {
            let start = svg.find(&format!("id=\"t-m{n}\" d=\"")).unwrap() + 13; // ok: a fixed test text, never user input
            &svg[start..start + svg[start..].find('"').unwrap()] // ok: a fixed test text, never user input
        })
        .collect();
    assert!(shapes[0] != shapes[1] && shapes[1] != shapes[2] && shapes[0] != shapes[2]);
    assert_eq!(svg.matches("href=\"#t-m0\"").count(), 5);
    assert_eq!(svg.matches("href=\"#t-m2\"").count(), 4);
    assert_eq!(svg.matches("href=\"#t-h1\"").count(), 1);
    // Direct labels with the series' names at their ends, in their colours; no legend rows.
    let labels: Vec<&str> = svg
        .match_indices("class=\"direct-label\"")
        .map(|(i, _)| {
            let text = &svg[i..];
            let start = text.find('>').unwrap() + 1; // ok: a fixed test text, never user input
            &text[start..text.find("</text>").unwrap()] // ok: a fixed test text, never user input
        })
        .collect();
    assert_eq!(labels, ["North", "South", "West"], "{svg}");
    assert!(
        svg.contains("text-anchor=\"end\" fill=\"#b5121b\">South</text>"),
        "{svg}"
    );
    assert!(!svg.contains("<rect"), "no legend swatches: {svg}");
    let name = summary::summary(
        &dataset,
        ChartKind::Line,
        Lang::EN,
        &strings("en"),
        &dataset.periods(),
    );
    assert!(name.contains(", 3 series."), "{name}");
    assert!(name.contains("North: latest value 15 (2023)."), "{name}");
    assert!(
        name.contains("South: latest value 14 (2023, provisional)."),
        "{name}"
    );

    // Only one series has a marked value, so the note names it.
    assert!(
        svg.contains("<p class=\"chart-note\">Hollow points: South 2023 [p].</p>"),
        "{svg}"
    );
    let alike = parse(
        &THREE
            .replace("2023: 15 }", "2023: { value: 15, status: [p] } }")
            .replace("2023: 9 }", "2023: { value: 9, status: [p] } }"),
    );
    let svg = chart(&alike, ChartKind::Line, Lang::EN, &strings("en"), "t");
    assert!(
        svg.contains("<p class=\"chart-note\">Hollow points: 2023 [p].</p>"),
        "{svg}"
    );

    let bars = chart(&dataset, ChartKind::Bar, Lang::EN, &strings("en"), "t");
    // 14 bars, and three leader lines from the labels above the plot to the last group.
    assert_eq!(bars.matches("<rect x=").count(), 14);
    assert_eq!(bars.matches("class=\"direct-label\"").count(), 3);
    assert_eq!(
        bars.matches("stroke=\"#767676\" stroke-width=\"1\"/><text class=\"direct-label\"")
            .count(),
        3
    );
    // The rightmost bar's label is on the top row.
    let first = bars.find("class=\"direct-label\"").unwrap(); // ok: a fixed test text, never user input
    assert!(
        bars[first..].starts_with("class=\"direct-label\" x=\"")
            && bars[first..first + 200].contains(">West 9<"),
        "{bars}"
    );
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

fn years(count: usize) -> Vec<Period> {
    (0..count).map(|n| Period::Year(2020 + n as i32)).collect()
}

fn geometry(count: usize, bars: bool) -> Geometry {
    // A value axis up to 99: two digits and 12 px beside the plot.
    Geometry {
        left: 12.0,
        right: 24.0 / NARROWEST * 100.0,
        count,
        bars,
    }
}

fn texts(labels: &[AxisLabel]) -> Vec<String> {
    labels.iter().map(|(_, lines)| lines.join(" ")).collect()
}

#[test]
fn period_labels_are_thinned_by_calendar_steps_keeping_the_first_and_last() {
    let at = |periods: &[Period], bars: bool, width: f64| {
        texts(&axis_labels(
            periods,
            Lang::SV,
            &geometry(periods.len(), bars),
            width,
        ))
    };
    // 60 months: the ends with their months, and Januaries between them at 272 px.
    assert_eq!(
        at(&months(60), false, 272.0),
        ["jul 2019", "2021", "2022", "2023", "jun 2024"]
    );
    assert_eq!(
        at(&months(60), false, 520.0),
        [
            "jul 2019", "jan 2020", "jul", "jan 2021", "jul", "jan 2022", "jul", "jan 2023", "jul",
            "jun 2024"
        ]
    );
    // 24 months: quarters would crowd at 272 px, so half years; every quarter at 520 px.
    assert_eq!(
        at(&months(24), true, 272.0),
        ["jul 2019", "jan 2020", "jul", "jan 2021", "jun 2021"]
    );
    assert_eq!(at(&months(24), true, 520.0).len(), 8);
    // Five years: every year, at every width.
    for width in LAYOUTS {
        assert_eq!(
            at(&years(5), true, width),
            ["2020", "2021", "2022", "2023", "2024"]
        );
    }
    // Labels never overlap nor leave the chart, for lines and bars, at every layout.
    for count in [1, 2, 5, 12, 18, 24, 60, 240] {
        for bars in [false, true] {
            for periods in [months(count), years(count)] {
                for width in LAYOUTS {
                    let geometry = geometry(count, bars);
                    let labels = axis_labels(&periods, Lang::EN, &geometry, width);
                    assert!(!labels.is_empty(), "{count} periods at {width} px");
                    assert_eq!(
                        labels.last().unwrap().0, // ok: a fixed test text, never user input
                        count - 1,
                        "the last period is labelled"
                    );
                    let boxes: Vec<(f64, f64)> = labels
                        .iter()
                        .map(|(i, lines)| {
                            let centre = geometry.x(*i) / 100.0 * width;
                            let half =
                                lines.iter().map(|l| text_width(l)).fold(0.0, f64::max) / 2.0;
                            (centre - half, centre + half)
                        })
                        .collect();
                    assert!(
                        boxes.iter().all(|(a, b)| *a >= 0.0 && *b <= width),
                        "{count} {bars} {width}: {boxes:?}"
                    );
                    assert!(boxes.windows(2).all(|w| w[0].1 + GAP <= w[1].0));
                }
            }
        }
    }
}

#[test]
fn the_drawing_is_hidden_from_screen_readers_and_its_text_never_scaled() {
    let svg = chart(&shootings(), ChartKind::Line, Lang::EN, &strings("en"), "c");
    assert!(!svg.contains("viewBox"), "{svg}");
    assert!(svg.contains("<g aria-hidden=\"true\" font-size=\"14\""));
    // Nine years: each is labelled in at least the widest layout.
    for year in 2016..=2024 {
        assert!(svg.contains(&format!(">{year}</text>")), "{year} in {svg}");
    }
}

#[test]
fn the_stylesheet_switches_layouts_at_the_widths_they_were_drawn_for() {
    let css = include_str!("../../../themes/default/static/style.css");
    for (n, width) in LAYOUTS.iter().enumerate().skip(1) {
        let query = format!(
            "@container chart (min-width: {width}px) {{\n  .chart .l{} {{ display: none; }}\n  .chart .l{n} {{ display: inline; }}",
            n - 1
        );
        assert!(css.contains(&query), "style.css lacks\n{query}");
    }
}

#[test]
fn periods_the_file_skips_stand_as_gaps_and_break_the_line() {
    let skipped = parse(
        &SHOOTINGS
            .replace("      2021: null\n", "")
            .replace("      2022: 29\n", ""),
    );
    let lines = chart(&skipped, ChartKind::Line, Lang::SV, &strings("sv"), "c");
    // 2016–2020 and 2023–2024 are joined; nothing from 2020 to 2023.
    assert_eq!(lines.matches("stroke-width=\"2.5\"").count(), 5, "{lines}");
    assert!(lines.contains("Uppgift saknas för 2021–2022."), "{lines}");
    let bars = chart(&skipped, ChartKind::Bar, Lang::EN, &strings("en"), "c");
    assert_eq!(bars.matches("<rect x=").count(), 7, "{bars}");
    assert!(bars.contains("Not available for 2021–2022."), "{bars}");
    // Nine slots, as if the file had listed 2021 and 2022 without values.
    let listed = chart(&shootings(), ChartKind::Bar, Lang::EN, &strings("en"), "c");
    let x_of = |svg: &str| {
        let at = svg.find(">2024<").unwrap(); // ok: a fixed test text, never user input
        let x = svg[..at].rfind(" x=\"").unwrap(); // ok: a fixed test text, never user input
        svg[x..at].split('"').nth(1).unwrap().to_string() // ok: a fixed test text, never user input
    };
    assert_eq!(x_of(&bars), x_of(&listed));
}

#[test]
fn confidential_and_not_applicable_values_are_named_as_such_with_their_series() {
    let text = SHOOTINGS
        .replace("2019: 34", "2019: { value: null, status: [c] }")
        .replace("2020: 20", "2020: { value: null, status: [z] }")
        + "  - key: injured\n    label: { sv: Skadade, en: Injured }\n    values: { 2016: 1, 2017: 2, 2018: 3, 2019: 4, 2020: 5, 2021: 6, 2022: 7, 2023: 8, 2024: 9 }\n";
    let dataset = parse(&text);
    let periods = dataset.periods();
    let sv = summary::summary(&dataset, ChartKind::Bar, Lang::SV, &strings("sv"), &periods);
    assert!(
        sv.contains(" Uppgift saknas för Skjutningar 2021. Sekretess: Skjutningar 2019. Ej tillämpligt: Skjutningar 2020."),
        "{sv}"
    );
    let en = summary::summary(&dataset, ChartKind::Bar, Lang::EN, &strings("en"), &periods);
    assert!(
        en.contains(" Not available for Shootings 2021. Confidential: Shootings 2019. Not applicable: Shootings 2020."),
        "{en}"
    );
}
