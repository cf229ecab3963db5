//! The trend table: one row per period, each series' value and its change, in words as well as numbers.

use std::fmt::Write;

use super::trend::{Assessment, Change, Direction, NoChange, TrendRow, trend_rows};
use super::{Dataset, Measure, Observation, Period, PeriodKind, Status, Statuses, citation};
use crate::i18n::number::{format_number, format_signed, format_signed_percent};
use crate::i18n::{InterfaceStrings, Lang};
use crate::text::escape_attribute as escape;

/// The table of `dataset` in `lang`, with its notes, source and date below it.
pub fn trend_table(dataset: &Dataset, lang: Lang, strings: &InterfaceStrings) -> String {
    let t = |key: &str| strings.text(key).to_string();
    let periods = dataset.periods();
    let rows: Vec<Vec<TrendRow<'_>>> = dataset
        .series
        .iter()
        .map(|s| trend_rows(&s.values, s.decimals, dataset.better))
        .collect();
    let single = dataset.series.len() == 1;
    // A running total grows by what each period adds: its change is shown,
    // never as an increase in words nor as a percentage.
    let cumulative = dataset.measure == Measure::Cumulative;
    let mut html = String::with_capacity(4096);
    html.push_str("<div class=\"trend\">\n<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"");
    html.push_str(&escape(&caption(dataset, lang, &periods)));
    html.push_str("\">\n<table class=\"trend-table\">\n<caption>");
    html.push_str(&escape(&caption(dataset, lang, &periods)));
    html.push_str("</caption>\n<thead>\n<tr><th scope=\"col\">");
    html.push_str(&escape(&t(period_header(dataset.kind))));
    html.push_str("</th>");
    for series in &dataset.series {
        let label = series.label.text(lang);
        let mut columns = vec![
            with_unit(label, series.unit(dataset).text(lang)),
            t("stats_change"),
        ];
        if !cumulative {
            columns.extend([t("stats_change_percent"), t("stats_trend")]);
        }
        for (i, column) in columns.iter().enumerate() {
            let text = if single || i == 0 {
                column.clone()
            } else {
                format!("{label}: {}", column.to_lowercase())
            };
            let _ = write!(html, "<th scope=\"col\">{}</th>", escape(&text));
        }
    }
    html.push_str("</tr>\n</thead>\n<tbody>\n");

    let mut notes = Notes {
        cumulative,
        ..Notes::default()
    };
    for period in &periods {
        let _ = write!(
            html,
            "<tr><th scope=\"row\">{}</th>",
            escape(&period.label(lang))
        );
        for (series, series_rows) in dataset.series.iter().zip(&rows) {
            match series_rows.iter().find(|r| r.period == *period) {
                Some(row) => {
                    html.push_str(&value_cell(
                        row.observation,
                        series.decimals,
                        lang,
                        &mut notes,
                    ));
                    html.push_str(&change_cells(
                        row.change,
                        series.decimals,
                        cumulative,
                        lang,
                        strings,
                        &mut notes,
                    ));
                }
                None => {
                    notes.missing = true;
                    html.push_str("<td class=\"num\">–</td><td class=\"num\">–</td>");
                    if !cumulative {
                        html.push_str("<td class=\"num\">–</td><td></td>");
                    }
                }
            }
        }
        html.push_str("</tr>\n");
    }
    html.push_str("</tbody>\n</table>\n</div>\n");
    // One note per value, in period order, series by series: its sources
    // and other figures, then its own note.
    for series in &dataset.series {
        let label = (!single).then(|| series.label.text(lang));
        for (period, observation) in &series.values {
            let cited = citation::value_sources(
                dataset,
                series,
                label,
                *period,
                observation,
                lang,
                strings,
            );
            let note = observation.note.get(lang);
            let item = match (cited, note) {
                (Some(cited), Some(note)) => {
                    format!("{cited} {}", escape(&citation::sentence(note)))
                }
                (Some(cited), None) => cited,
                (None, Some(note)) => {
                    let label =
                        label.map_or(String::new(), |l| format!("{l}{}", lang.locale().comma));
                    escape(&format!("{label}{}: {note}", period.label(lang)))
                }
                (None, None) => continue,
            };
            notes.sources.push(item);
        }
    }
    html.push_str(&notes.render(strings));
    html.push_str(&citation::source_line(dataset, lang, strings));
    html.push_str("</div>\n");
    html
}

/// A series' column header: "Döda (personer)", but "Skjutningar" alone
/// where the unit only says the label again (in any case).
fn with_unit(label: &str, unit: &str) -> String {
    if label.trim().to_lowercase() == unit.trim().to_lowercase() {
        label.to_string()
    } else {
        format!("{label} ({unit})")
    }
}

/// "Döda i skjutningar i Malmö, 2016–2024 (personer)": what, where, period span and unit.
pub(crate) fn caption(dataset: &Dataset, lang: Lang, periods: &[Period]) -> String {
    let mut caption = dataset.title.text(lang).to_string();
    if let Some(area) = dataset.area.get(lang) {
        caption.push_str(&lang.locale().comma);
        caption.push_str(area);
    }
    if let (Some(first), Some(last)) = (periods.first(), periods.last()) {
        caption.push_str(&lang.locale().comma);
        caption.push_str(&first.label(lang));
        if first != last {
            caption.push('–');
            caption.push_str(&last.label(lang));
        }
    }
    let _ = write!(caption, " ({})", dataset.unit.text(lang));
    caption
}

fn period_header(kind: PeriodKind) -> &'static str {
    match kind {
        PeriodKind::Year => "stats_year",
        PeriodKind::Quarter => "stats_quarter",
        PeriodKind::Month => "stats_month",
    }
}

/// What the notes under a table must explain.
#[derive(Default)]
struct Notes {
    /// Every status shown after a value: each is explained once.
    statuses: Statuses,
    missing: bool,
    no_change: bool,
    percent_from_zero: bool,
    cumulative: bool,
    /// Notes on single values, as HTML, one per value in period order: its
    /// sources and other figures ("2016: 61 (Malmö stad). …"), then its own
    /// note, or the note alone ("2019: t.o.m. 11 november").
    sources: Vec<String>,
}

impl Notes {
    fn render(&self, strings: &InterfaceStrings) -> String {
        let mut items: Vec<String> = Vec::new();
        for status in self.statuses.iter() {
            items.push(format!(
                "<span class=\"status\">[{}]</span> {}",
                status.letter(),
                escape(strings.text(&status.string_key()))
            ));
        }
        let mut push = |flag: bool, key: &str| {
            if flag {
                items.push(escape(strings.text(key)));
            }
        };
        push(self.missing, "stats_missing");
        push(self.cumulative, "stats_cumulative_note");
        push(self.no_change, "stats_no_change_note");
        push(self.percent_from_zero, "stats_percent_from_zero");
        items.extend(self.sources.iter().cloned());
        if items.is_empty() {
            return String::new();
        }
        let mut html = String::from("<ul class=\"table-notes\">\n");
        for item in items {
            let _ = writeln!(html, "<li>{item}</li>");
        }
        html.push_str("</ul>\n");
        html
    }
}

fn value_cell(observation: &Observation, decimals: usize, lang: Lang, notes: &mut Notes) -> String {
    let marks = observation.status.marks().replace(' ', "\u{a0}");
    let withheld = observation.status.iter().any(Status::withholds_value);
    let text = match (observation.value, marks.is_empty()) {
        (Some(v), true) => format_number(v, decimals, lang),
        (Some(v), false) => format!("{}\u{a0}{marks}", format_number(v, decimals, lang)),
        // A figure withheld or not applicable reads as its status alone, as official tables write it.
        (None, false) if withheld => marks,
        (None, true) => {
            notes.missing = true;
            "–".to_string()
        }
        (None, false) => {
            notes.missing = true;
            format!("–\u{a0}{marks}")
        }
    };
    notes.statuses = notes.statuses.union(observation.status);
    format!("<td class=\"num\">{}</td>", escape(&text))
}

fn change_cells(
    change: Change,
    decimals: usize,
    cumulative: bool,
    lang: Lang,
    strings: &InterfaceStrings,
    notes: &mut Notes,
) -> String {
    match change {
        Change::Computed {
            absolute,
            percent,
            direction,
            assessment,
        } => {
            let absolute = format!(
                "<td class=\"num\">{}</td>",
                escape(&format_signed(absolute, decimals, lang))
            );
            if cumulative {
                return absolute;
            }
            let percent = match percent {
                Some(p) => format_signed_percent(p, lang),
                None => {
                    notes.percent_from_zero = true;
                    strings.text("stats_not_applicable").to_string()
                }
            };
            let words = trend_words(direction, assessment, None, strings);
            let class = match assessment {
                Assessment::Improvement => " class=\"better\"",
                Assessment::Worsening => " class=\"worse\"",
                Assessment::Neither => "",
            };
            format!(
                "{absolute}<td class=\"num\">{}</td><td{class}>{}</td>",
                escape(&percent),
                escape(&words)
            )
        }
        Change::NotComputed(reason) => {
            if !matches!(reason, NoChange::First | NoChange::Break) {
                notes.no_change = true;
            }
            let hidden = format!(
                "<span class=\"visually-hidden\">{}</span>",
                escape(strings.text("stats_no_comparison"))
            );
            let dash =
                format!("<td class=\"num\"><span aria-hidden=\"true\">–</span>{hidden}</td>");
            // Across a break the reason is said where the change would be.
            let why = match reason {
                NoChange::Break => format!(
                    "<td class=\"no-change\">{}</td>",
                    escape(strings.text("stats_no_change_break"))
                ),
                _ => "<td></td>".to_string(),
            };
            match cumulative {
                true if reason == NoChange::Break => why,
                true => dash,
                false => format!("{dash}{dash}{why}"),
            }
        }
    }
}

/// The change in words: "minskning (förbättring)", or with the period compared
/// with, "minskning jämfört med 2021 (förbättring)"; never by colour alone.
pub(crate) fn trend_words(
    direction: Direction,
    assessment: Assessment,
    compared_with: Option<&str>,
    strings: &InterfaceStrings,
) -> String {
    let mut words = strings
        .text(match direction {
            Direction::Increase => "stats_increase",
            Direction::Decrease => "stats_decrease",
            Direction::Unchanged => "stats_unchanged",
        })
        .to_string();
    if let Some(period) = compared_with {
        let _ = write!(words, " {} {period}", strings.text("stats_compared_with"));
    }
    match assessment {
        Assessment::Improvement => {
            let _ = write!(words, " ({})", strings.text("stats_improvement"));
        }
        Assessment::Worsening => {
            let _ = write!(words, " ({})", strings.text("stats_worsening"));
        }
        Assessment::Neither => {}
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::{Html, Selector};

    const LANGS: [Lang; 2] = [Lang::SV, Lang::EN];

    fn strings(lang: Lang) -> InterfaceStrings {
        let text = match lang {
            Lang::SV => include_str!("../../themes/default/i18n/sv.yaml"),
            Lang::EN => include_str!("../../themes/default/i18n/en.yaml"),
            Lang::FI => include_str!("../../themes/default/i18n/fi.yaml"),
            _ => include_str!("../../themes/default/i18n/ar.yaml"),
        };
        InterfaceStrings::parse("i18n", text).unwrap()
    }

    fn quarterly() -> Dataset {
        let text = "\
title: { sv: Anmälda brott, en: Reported crimes }
unit: { sv: antal, en: number }
area: { sv: Malmö, en: Malmö }
better: lower
source: { name: { sv: Brå, en: Brå }, url: https://example.org/bra }
updated: 2024-02-01
series:
  - key: brott
    label: { sv: Brott, en: Crimes }
    values:
      2023-Q1: 1200
      2023-Q2: 1000
      2023-Q3: null
      2023-Q4: 0
      2024-Q1: { value: 250, partial: true, note: { sv: t.o.m. januari, en: to January } }
";
        Dataset::parse("q.yaml", "q", text, &LANGS).unwrap()
    }

    fn cells(html: &str, selector: &str) -> Vec<String> {
        let document = Html::parse_fragment(html);
        document
            .select(&Selector::parse(selector).unwrap())
            .map(|e| e.text().collect::<String>())
            .collect()
    }

    #[test]
    fn a_quarterly_table_with_a_gap_and_a_partial_period() {
        let html = trend_table(&quarterly(), Lang::SV, &strings(Lang::SV));
        assert_eq!(
            cells(&html, "caption"),
            ["Anmälda brott, Malmö, kv.\u{a0}1 2023–kv.\u{a0}1 2024 (antal)"]
        );
        assert_eq!(
            cells(&html, "thead th[scope=col]"),
            [
                "Kvartal",
                "Brott (antal)",
                "Förändring",
                "Förändring i procent",
                "Utveckling"
            ]
        );
        assert_eq!(cells(&html, "tbody th[scope=row]").len(), 5);
        let rows: Vec<Vec<String>> = Html::parse_fragment(&html)
            .select(&Selector::parse("tbody tr").unwrap())
            .map(|row| {
                row.select(&Selector::parse("td").unwrap())
                    .map(|c| c.text().collect())
                    .collect()
            })
            .collect();
        assert_eq!(rows[0][0], "1\u{a0}200");
        assert_eq!(
            rows[1],
            [
                "1\u{a0}000",
                "\u{2212}200",
                "\u{2212}16,7\u{a0}%",
                "minskning (förbättring)"
            ]
        );
        assert_eq!(rows[2][0], "–");
        assert_eq!(rows[2][1], "–ingen jämförelse");
        assert_eq!(rows[3][1], "–ingen jämförelse");
        assert_eq!(
            rows[4],
            ["250\u{a0}[d]", "–ingen jämförelse", "–ingen jämförelse", ""]
        );
        let notes = cells(&html, ".table-notes li");
        assert!(notes[0].starts_with("[d] Delår"), "{notes:?}");
        assert!(notes.iter().any(|n| n == "– Uppgift saknas."), "{notes:?}");
        assert!(
            notes.iter().any(|n| n == "kv.\u{a0}1 2024: t.o.m. januari"),
            "{notes:?}"
        );
        assert_eq!(
            cells(&html, ".table-source"),
            ["Källa: Brå. Uppgifterna sammanställdes den 1 februari 2024."]
        );
    }

    #[test]
    fn a_unit_that_says_the_label_again_is_left_out_of_the_header() {
        assert_eq!(with_unit("Döda", "personer"), "Döda (personer)");
        assert_eq!(with_unit("Skjutningar", "skjutningar"), "Skjutningar");
        assert_eq!(with_unit("Explosions", "EXPLOSIONS"), "Explosions");
        assert_eq!(with_unit("Ärenden", "ärenden"), "Ärenden");
        let mut dataset = quarterly();
        dataset.unit = serde_yaml::from_str("{ sv: brott, en: crimes }").unwrap();
        let sv = trend_table(&dataset, Lang::SV, &strings(Lang::SV));
        assert_eq!(cells(&sv, "thead th[scope=col]")[1], "Brott");
        let en = trend_table(&dataset, Lang::EN, &strings(Lang::EN));
        assert_eq!(cells(&en, "thead th[scope=col]")[1], "Crimes");
        // The caption still names the unit.
        assert!(cells(&sv, "caption")[0].ends_with("(brott)"));
    }

    #[test]
    fn english_tables_use_english_numbers_and_words() {
        let mut dataset = quarterly();
        dataset.series[0].values.insert(
            Period::Quarter(2023, 3),
            Observation {
                value: Some(1500.0),
                ..Observation::default()
            },
        );
        let html = trend_table(&dataset, Lang::EN, &strings(Lang::EN));
        assert!(html.contains("<td class=\"num\">+500</td><td class=\"num\">+50.0%</td><td class=\"worse\">increase (worsening)</td>"), "{html}");
        // From 1,500 to 0, then from zero: a change, but no percentage.
        assert!(
            html.contains(
                "<td class=\"num\">\u{2212}1,500</td><td class=\"num\">\u{2212}100.0%</td>"
            ),
            "{html}"
        );
        assert!(html.contains("Q1 2024"));
    }

    #[test]
    fn percent_from_zero_is_written_as_not_applicable() {
        let mut dataset = quarterly();
        dataset.series[0].values.insert(
            Period::Quarter(2024, 1),
            Observation {
                value: Some(10.0),
                ..Observation::default()
            },
        );
        let html = trend_table(&dataset, Lang::SV, &strings(Lang::SV));
        assert!(
            html.contains("<td class=\"num\">+10</td><td class=\"num\">ej tillämpligt</td>"),
            "{html}"
        );
        assert!(
            cells(&html, ".table-notes li")
                .iter()
                .any(|n| n.contains("från noll"))
        );
    }

    #[test]
    fn a_values_note_and_its_sources_are_one_note_in_period_order() {
        let text = "\
title: { sv: Skjutningar, en: Shootings }
unit: { sv: skjutningar, en: shootings }
source: polisen
sources:
  polisen: { name: { sv: Polisen, en: The Police } }
  svt: { name: { sv: SVT Nyheter Skåne, en: SVT }, date: 2022-12 }
updated: 2024-02-01
series:
  - key: skott
    label: { sv: Skott, en: Shots }
    values:
      2021: { value: 10, note: { sv: ny metod, en: a new method } }
      2022: { value: 61, note: { sv: hela året, en: the whole year }, others: [{ value: 59, source: svt, note: { sv: till och med 23 december 2022, en: up to 23 December 2022 } }] }
      2023: { value: 5, note: { sv: t.o.m. juni, en: to June } }
";
        let dataset = Dataset::parse("d.yaml", "d", text, &LANGS).unwrap();
        let html = trend_table(&dataset, Lang::SV, &strings(Lang::SV));
        let document = Html::parse_fragment(&html);
        let selector = Selector::parse(".table-notes li").unwrap();
        let notes: Vec<String> = document
            .select(&selector)
            .map(|li| li.text().collect())
            .filter(|t: &String| t.starts_with("20"))
            .collect();
        assert_eq!(
            notes,
            [
                "2021: ny metod",
                "2022: 61 (Polisen). Andra publicerade uppgifter: 59 (SVT Nyheter Skåne, dec 2022. Till och med 23 december 2022). Hela året.",
                "2023: t.o.m. juni",
            ]
        );
    }
}
