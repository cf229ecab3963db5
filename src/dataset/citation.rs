//! Sources as readers see them: named, linked and dated in the page's language,
//! for the dataset as a whole and for each value that cites its own or other figures.

use std::fmt::Write;

use super::provenance::Published;
use super::{Dataset, Observation, Period, Series, Source};
use crate::i18n::number::format_number;
use crate::i18n::{InterfaceStrings, Lang};
use crate::text::escape_attribute as escape;

/// When a source published, in `lang`: "20 juni 2024", "jun 2024" or "2024".
pub(crate) fn published(date: Published, lang: Lang) -> String {
    match date {
        Published::Day(day) => lang.long_date(day),
        Published::Month(year, month) => Period::Month(year, month as u8).label(lang),
        Published::Year(year) => year.to_string(),
    }
}

/// A source as HTML: its name, linked to its address when it has one, and its date when known:
/// `<a href="…">Polismyndigheten</a>, 20 juni 2024`.
pub(crate) fn source_html(source: &Source, lang: Lang) -> String {
    let name = escape(source.name.text(lang));
    let mut html = match &source.url {
        Some(url) => format!("<a href=\"{}\">{name}</a>", escape(url)),
        None => name,
    };
    if let Some(date) = source.date {
        html.push_str(&escape(&lang.locale().comma));
        html.push_str(&escape(&published(date, lang)));
    }
    html
}

/// The note on one value's sources, as HTML, when it names any beyond the dataset's own:
/// "2016: 61 (Malmö stad). Andra publicerade uppgifter: 59 (NRK)."
pub(crate) fn value_sources(
    dataset: &Dataset,
    series: &Series,
    label: Option<&str>,
    period: Period,
    observation: &Observation,
    lang: Lang,
    strings: &InterfaceStrings,
) -> Option<String> {
    let own = (observation.source.as_deref())
        .filter(|id| Some(*id) != dataset.source_id.as_deref())
        .and_then(|id| dataset.sources.get(id));
    if own.is_none() && observation.others.is_empty() {
        return None;
    }
    let mut html = String::new();
    if let Some(label) = label {
        let _ = write!(html, "{}{}", escape(label), escape(&lang.locale().comma));
    }
    let value = match observation.value {
        Some(v) => format_number(v, series.decimals, lang),
        None => "–".to_string(),
    };
    let marks = observation.status.marks().replace(' ', "\u{a0}");
    let value = match marks.is_empty() {
        true => value,
        false => format!("{value}\u{a0}{marks}"),
    };
    let source = own.unwrap_or(&dataset.source);
    let _ = write!(
        html,
        "{}: {} ({}).",
        escape(&period.label(lang)),
        escape(&value),
        source_html(source, lang)
    );
    if !observation.others.is_empty() {
        let others: Vec<String> = (observation.others.iter())
            .map(|other| {
                let mut text = format!(
                    "{} (",
                    escape(&format_number(other.value.0, series.decimals, lang))
                );
                match dataset.sources.get(&other.source) {
                    Some(source) => text.push_str(&source_html(source, lang)),
                    None => text.push_str(&escape(&other.source)),
                }
                // The note is a sentence of its own after the source, not a clause after a semicolon.
                if let Some(note) = other.note.get(lang) {
                    // Its full stop is the one after the parenthesis.
                    let note = sentence(note);
                    let _ = write!(text, ". {}", escape(note.trim_end_matches('.')));
                }
                text.push(')');
                text
            })
            .collect();
        let _ = write!(
            html,
            " {}: {}.",
            escape(strings.text("stats_other_figures")),
            others.join("; ")
        );
    }
    Some(html)
}

/// "Källa: Polismyndigheten, 20 juni 2024. Uppgifterna sammanställdes den 13 november 2019.",
/// naming the base dataset's source too where a series is a rate derived from it.
pub(crate) fn source_line(dataset: &Dataset, lang: Lang, strings: &InterfaceStrings) -> String {
    let mut cited = vec![source_html(&dataset.source, lang)];
    for series in &dataset.series {
        if let Some((title, source)) = &series.derived_from {
            let line = format!(
                "{} ({})",
                source_html(source, lang),
                escape(title.text(lang))
            );
            if *source != dataset.source && !cited.contains(&line) {
                cited.push(line);
            }
        }
    }
    let heading = match cited.len() {
        1 => strings.text("stats_source"),
        _ => strings.text("stats_sources"),
    };
    format!(
        "<p class=\"table-source\">{}: {}. {} {}.</p>\n",
        escape(heading),
        cited.join("; "),
        escape(strings.text("stats_as_of")),
        escape(&lang.long_date(dataset.updated.0))
    )
}

/// `text` as a sentence: its first letter capital, ending in a full stop
/// unless it ends in other punctuation.
pub(crate) fn sentence(text: &str) -> String {
    let text = text.trim();
    let mut chars = text.chars();
    let mut out: String = match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => return String::new(),
    };
    if !out.ends_with(['.', '!', '?', '…']) {
        out.push('.');
    }
    out
}
