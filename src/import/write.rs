//! The dataset YAML file written for a [`Table`]: the file's texts in the
//! site's languages, a `«…»` placeholder for each text the file lacks.

use std::fmt::Write as _;
use std::path::Path;

use chrono::NaiveDate;

use super::{Format, Table, Texts};
use crate::dataset::Period;
use crate::i18n::Lang;
use crate::text::slug::Slug;

/// A YAML scalar for any text: JSON's double-quoted strings are YAML's too.
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_string())
}

/// A number as YAML reads it back exactly: `50080`, `12.5`.
fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else {
        format!("{value}")
    }
}

/// Text for a placeholder: one line, without `«` and `»`, not too long to read.
fn plain(text: &str) -> String {
    let line = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(['«', '»'], "\"");
    match line.char_indices().nth(80) {
        Some((at, _)) => format!("{}…", &line[..at]),
        None => line,
    }
}

/// What a missing text is called in a placeholder, in Swedish and in English.
#[derive(Clone, Copy)]
enum Field {
    Title,
    Description,
    Unit,
    Label,
    Source,
    Note,
}

impl Field {
    fn words(self) -> (&'static str, &'static str) {
        match self {
            Field::Title => ("Rubrik", "Title"),
            Field::Description => (
                "Beskrivning: vad siffrorna visar",
                "Description: what the figures show",
            ),
            Field::Unit => ("Enhet", "Unit"),
            Field::Label => ("Etikett", "Label"),
            Field::Source => ("Källans namn", "Name of the source"),
            Field::Note => ("Not", "Note"),
        }
    }
}

/// `{ sv: "…", en: "«…»" }`: the file's texts, and a placeholder for each
/// language the file lacks (a translation of a text it has, or the field's name).
fn localized(texts: &Texts, languages: &[Lang], field: Field) -> String {
    let known = texts.iter().next();
    let parts: Vec<String> = languages
        .iter()
        .map(|lang| {
            let value = match texts.get(lang) {
                // A file's own text is never read as a placeholder.
                Some(text) => quoted(&text.replace(['«', '»'], "\"")),
                None => quoted(&placeholder(*lang, field, known)),
            };
            format!("{}: {value}", lang.code())
        })
        .collect();
    format!("{{ {} }}", parts.join(", "))
}

fn placeholder(lang: Lang, field: Field, known: Option<(&Lang, &String)>) -> String {
    let (sv, en) = field.words();
    match (lang == Lang::SV, known) {
        (true, Some((from, text))) => {
            format!("«{sv} på svenska (på {}: {})»", from.code(), plain(text))
        }
        (true, None) => format!("«{sv}»"),
        (false, Some((from, text))) => format!(
            "«{en} in {} (in {}: {})»",
            lang.code(),
            from.code(),
            plain(text)
        ),
        (false, None) => format!("«{en} ({})»", lang.code()),
    }
}

/// The dataset file for `table`, in the site's languages.
pub(super) fn write_yaml(
    table: &Table,
    id: &Slug,
    languages: &[Lang],
    today: NaiveDate,
    shown: &str,
) -> String {
    let mut out = String::new();
    let origin = Path::new(shown)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| shown.to_string());
    let format = match table.format {
        Format::JsonStat => "PxWeb JSON-stat 2.0",
        Format::Kolada => "Kolada",
        Format::Csv => "CSV",
    };
    let _ = writeln!(
        out,
        "# torget import: {} ({format}), {today}.",
        plain(&origin)
    );
    for fact in &table.fixed {
        // Whole, on one line: a publisher's note may matter (a border moved, a definition changed).
        let line = fact.split_whitespace().collect::<Vec<_>>().join(" ");
        let _ = writeln!(out, "# {line}");
    }
    let _ = writeln!(
        out,
        "title: {}",
        localized(&table.title, languages, Field::Title)
    );
    // An open data catalogue (`open_data:`) describes every dataset: none of the
    // formats read has a description, so it is always the editor's to write.
    let _ = writeln!(
        out,
        "description: {}",
        localized(&Texts::new(), languages, Field::Description)
    );
    let _ = writeln!(
        out,
        "unit: {}",
        localized(&table.unit, languages, Field::Unit)
    );
    let source_id = Slug::from_text(&table.source.id)
        .unwrap_or_else(|| id.clone())
        .to_string();
    let _ = writeln!(out, "sources:");
    let _ = writeln!(out, "  {source_id}:");
    // A publisher's name is not translated: a name the file gives stands in every language.
    let mut names = table.source.name.clone();
    if let Some(name) = table.source.name.values().next() {
        for lang in languages {
            names.entry(*lang).or_insert_with(|| name.clone());
        }
    }
    let _ = writeln!(
        out,
        "    name: {}",
        localized(&names, languages, Field::Source)
    );
    match &table.source.url {
        Some(url) => {
            let _ = writeln!(out, "    url: {}", quoted(url));
        }
        None => {
            let _ = writeln!(
                out,
                "    # url: https://… (the table's address / tabellens adress)"
            );
        }
    }
    if let Some(date) = table.source.date {
        let _ = writeln!(out, "    date: {date}");
    }
    let _ = writeln!(out, "source: {source_id}");
    let _ = writeln!(out, "measure: {}", table.measure);
    let _ = writeln!(out, "frequency: {}", frequency(table));
    let _ = writeln!(out, "updated: {}", table.source.date.unwrap_or(today));
    let decimals = table.decimals.unwrap_or(0).max(
        (table.series.iter())
            .flat_map(|s| s.values.values())
            .filter_map(|c| c.value)
            .map(decimals_of)
            .max()
            .unwrap_or(0),
    );
    if decimals > 0 {
        let _ = writeln!(out, "decimals: {decimals}");
    }
    let _ = writeln!(out, "series:");
    let mut keys: Vec<String> = Vec::new();
    for (i, series) in table.series.iter().enumerate() {
        let mut key = Slug::from_text(&series.key)
            .map(|s| s.to_string())
            .unwrap_or_else(|| format!("serie-{}", i + 1));
        if keys.contains(&key) {
            key = format!("{key}-{}", i + 1);
        }
        keys.push(key.clone());
        let _ = writeln!(out, "  - key: {key}");
        let _ = writeln!(
            out,
            "    label: {}",
            localized(&series.label, languages, Field::Label)
        );
        let _ = writeln!(out, "    values:");
        for (period, cell) in &series.values {
            let value = cell.value.map(number).unwrap_or_else(|| "null".to_string());
            if cell.status.is_empty() && cell.note.is_empty() {
                let _ = writeln!(out, "      {period}: {value}");
                continue;
            }
            let mut fields = vec![format!("value: {value}")];
            if !cell.status.is_empty() {
                let letters: Vec<String> = cell.status.iter().map(char::to_string).collect();
                fields.push(format!("status: [{}]", letters.join(", ")));
            }
            if !cell.note.is_empty() {
                fields.push(format!(
                    "note: {}",
                    localized(&cell.note, languages, Field::Note)
                ));
            }
            let _ = writeln!(out, "      {period}: {{ {} }}", fields.join(", "));
        }
    }
    if out.contains('«') {
        // After the first line: what to do, where there is something to do.
        let at = out.find('\n').map_or(0, |n| n + 1);
        out.insert_str(
            at,
            "# Ersätt all text inom « » / Replace every text within « ».\n",
        );
    }
    out
}

/// How many decimals `value` is written with (up to 6).
fn decimals_of(value: f64) -> usize {
    let text = format!("{value}");
    text.split_once('.').map_or(0, |(_, d)| d.len().min(6))
}

/// `yearly`, `quarterly` or `monthly` when the periods follow each other, else `irregular`.
fn frequency(table: &Table) -> &'static str {
    let mut periods: Vec<Period> = (table.series.iter())
        .flat_map(|s| s.values.keys().copied())
        .collect();
    periods.sort();
    periods.dedup();
    let regular = periods.windows(2).all(|w| w[0].next() == w[1]);
    match (regular, periods.first().map(|p| p.kind())) {
        (true, Some(crate::dataset::PeriodKind::Quarter)) => "quarterly",
        (true, Some(crate::dataset::PeriodKind::Month)) => "monthly",
        (true, _) => "yearly",
        (false, _) => "irregular",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_name_the_language_and_the_text_to_translate() {
        let mut texts = Texts::new();
        texts.insert(Lang::SV, "Folkmängd «x»".to_string());
        let written = localized(&texts, &[Lang::SV, Lang::EN], Field::Title);
        assert_eq!(
            written,
            "{ sv: \"Folkmängd \\\"x\\\"\", en: \"«Title in en (in sv: Folkmängd \\\"x\\\")»\" }"
        );
    }
}
