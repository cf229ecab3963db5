//! `torget import FILE`: official figures saved from a browser into a new dataset file.
//!
//! Three kinds of file are read, told apart by their content rather than
//! their name: a PxWeb JSON-stat 2.0 response (`jsonstat.rs`; SCB and the
//! regional databases that run PxWeb), a Kolada API response (`kolada.rs`)
//! and a CSV file (`csv.rs`). Each gives a [`Table`]: texts in the languages
//! the file has them, a source, and series of values by [`Period`] with
//! their status letters. This module writes the table as a dataset YAML file
//! in the site's statistics section, never over an existing file, with a
//! `«…»` placeholder wherever a text is not in the file, so the build tells
//! the editor what is left to write.

mod csv;
mod jsonstat;
mod kolada;
mod locate;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::dataset::Period;
use crate::diagnostics::Diagnostic;
use crate::i18n::Lang;
use crate::messages::{Phrase, Rule};
use crate::text::slug::Slug;

/// More series than this are refused: a chart labels each line directly, and
/// a dozen labels on a phone are already too many to read.
pub const MAX_SERIES: usize = 10;

/// What `torget import` is asked to do.
pub struct ImportOptions {
    /// The saved response or CSV file.
    pub file: PathBuf,
    /// The site folder, holding site.yaml.
    pub site: PathBuf,
    /// The new dataset's id (its file name); else made from the title.
    pub id: Option<String>,
    /// The section to put it in (`statistik`); else the one holding datasets.
    pub to: Option<String>,
    /// The language of the file's texts where the file does not say.
    pub lang: Option<Lang>,
    /// Today, for `updated:` when the file gives no date.
    pub today: NaiveDate,
}

/// The kinds of file `import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    JsonStat,
    Kolada,
    Csv,
}

impl Format {
    /// The format's name in the reader's language.
    pub fn phrase(self) -> Phrase {
        match self {
            Format::JsonStat => Phrase::ImportFormatJsonStat,
            Format::Kolada => Phrase::ImportFormatKolada,
            Format::Csv => Phrase::ImportFormatCsv,
        }
    }
}

/// What was written, for the command's report.
pub struct Imported {
    /// The new file, as `content/<section>/<id>.yaml` under the site.
    pub file: String,
    pub format: Format,
    pub series: usize,
    /// The first and last period, and how many there are.
    pub periods: (String, String, usize),
    /// Every `«…»` left for the editor: line, column and the placeholder.
    pub to_fill: Vec<(usize, usize, String)>,
    /// Whether the file named no address for its source.
    pub source_without_url: bool,
}

/// A text as the file gives it, in the languages it has.
pub(crate) type Texts = BTreeMap<Lang, String>;

/// One value and its status letters (`d p r x c z b`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Cell {
    pub(crate) value: Option<f64>,
    pub(crate) status: Vec<char>,
    /// A note per language (from a CSV's note columns).
    pub(crate) note: Texts,
}

/// One series read from the file.
#[derive(Debug, Clone)]
pub(crate) struct SeriesIn {
    /// What the key is made from (a label or a code).
    pub(crate) key: String,
    pub(crate) label: Texts,
    pub(crate) values: BTreeMap<Period, Cell>,
}

/// Who published the figures, as far as the file says.
#[derive(Debug, Clone, Default)]
pub(crate) struct SourceIn {
    /// What the source's id is made from (`scb-tab5974`).
    pub(crate) id: String,
    pub(crate) name: Texts,
    pub(crate) url: Option<String>,
    pub(crate) date: Option<NaiveDate>,
}

/// A file's figures, ready to be written as a dataset.
#[derive(Debug, Clone)]
pub(crate) struct Table {
    pub(crate) format: Format,
    pub(crate) title: Texts,
    pub(crate) unit: Texts,
    pub(crate) source: SourceIn,
    /// `count` or `share`, from the unit when the file gives one.
    pub(crate) measure: &'static str,
    pub(crate) decimals: Option<usize>,
    /// Facts of the query that hold for every value (`ålder: 0 år`) and the
    /// publisher's notes, kept as comments.
    pub(crate) fixed: Vec<String>,
    pub(crate) series: Vec<SeriesIn>,
}

/// Reads `options.file` and writes it as a new dataset in the site.
pub fn import(options: &ImportOptions) -> Result<Imported, Vec<Diagnostic>> {
    let shown = options.file.display().to_string();
    let bytes = fs::read(&options.file).map_err(|e| {
        vec![
            Diagnostic::error(&shown, Rule::CannotRead.with("error", e.to_string()))
                .with_hint(Phrase::ImportCannotReadHint),
        ]
    })?;
    // A spreadsheet (.xlsx is a zip) or any other binary file: no text to read.
    if bytes.contains(&0) || bytes.starts_with(b"PK\x03\x04") {
        return Err(vec![
            Diagnostic::error(&shown, Rule::ImportUnknownFormat)
                .with_hint(Phrase::ImportUnknownFormatHint),
        ]);
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        // Excel on Windows saves CSV as Windows-1252 unless told otherwise; read as
        // Latin-1, whose å, ä and ö are the same bytes.
        Err(e) => e.into_bytes().iter().map(|&b| char::from(b)).collect(),
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let (languages, default_language) = site_languages(&options.site)?;
    let file_lang = options.lang.unwrap_or(default_language);
    let table = match detect(text) {
        Some(Format::JsonStat) => jsonstat::read(&shown, text, file_lang)?,
        Some(Format::Kolada) => kolada::read(&shown, text)?,
        Some(Format::Csv) => csv::read(&shown, text, file_lang)?,
        None => {
            return Err(vec![
                Diagnostic::error(&shown, Rule::ImportUnknownFormat)
                    .at_offset(text, 0)
                    .with_hint(Phrase::ImportUnknownFormatHint),
            ]);
        }
    };
    let section = section(&options.site, options.to.as_deref())?;
    let id = match &options.id {
        Some(id) => Slug::parse(id).map_err(|problem| {
            vec![
                Diagnostic::error(id.as_str(), Rule::NewNameUnusable.with("problem", problem))
                    .with_hint(Phrase::ImportIdHint),
            ]
        })?,
        None => table
            .title
            .get(&file_lang)
            .or_else(|| table.title.values().next())
            .and_then(|t| Slug::from_text(t))
            .or_else(|| {
                let stem = options.file.file_stem()?.to_string_lossy().into_owned();
                Slug::from_text(&stem)
            })
            .or_else(|| Slug::from_text("dataset"))
            .ok_or_else(|| {
                vec![
                    Diagnostic::error(
                        &shown,
                        Rule::NewNameUnusable.with("problem", Rule::SlugEmpty),
                    )
                    .with_hint(Phrase::ImportIdHint),
                ]
            })?,
    };
    let relative = format!("content/{section}/{id}.yaml");
    let path = options.site.join(&relative);
    refuse_taken(&options.site, &relative, id.as_str())?;
    let yaml = write_yaml(&table, &id, &languages, options.today, &shown);
    write_new(&path, &relative, &yaml)?;
    let periods: Vec<Period> = {
        let mut all: Vec<Period> = (table.series.iter())
            .flat_map(|s| s.values.keys().copied())
            .collect();
        all.sort();
        all.dedup();
        all
    };
    let label = |p: Option<&Period>| p.map(ToString::to_string).unwrap_or_default();
    Ok(Imported {
        file: relative,
        format: table.format,
        series: table.series.len(),
        periods: (label(periods.first()), label(periods.last()), periods.len()),
        to_fill: crate::content::placeholder::spans(&yaml)
            .into_iter()
            .map(|span| {
                let at = crate::diagnostics::Location::of_offset(&yaml, span.start);
                (at.line, at.column, yaml[span].to_string())
            })
            .collect(),
        source_without_url: table.source.url.is_none(),
    })
}

/// The kind of file `text` is, from its content: JSON-stat has `"class":
/// "dataset"` or `version`, `id`, `size` and `dimension`; Kolada's answer has
/// `values` whose entries hold `kpi` and `period`; anything else that is not
/// JSON is read as CSV.
fn detect(text: &str) -> Option<Format> {
    let trimmed = text.trim_start();
    if !trimmed.starts_with('{') && !trimmed.starts_with('[') {
        return (!trimmed.is_empty()).then_some(Format::Csv);
    }
    let Ok(value) = serde_json::from_str::<serde_json::Value>(text) else {
        // Broken JSON: read as JSON-stat when it says so, to report where it breaks.
        return (text.contains("\"dimension\"") || text.contains("\"class\""))
            .then_some(Format::JsonStat)
            .or_else(|| text.contains("\"kpi\"").then_some(Format::Kolada))
            .or(Some(Format::JsonStat));
    };
    let object = value.as_object()?;
    if object.get("class").and_then(|c| c.as_str()) == Some("dataset")
        || (object.contains_key("dimension") && object.contains_key("value"))
    {
        return Some(Format::JsonStat);
    }
    let kolada = object
        .get("values")
        .and_then(|v| v.as_array())
        .is_some_and(|values| {
            values.iter().any(|v| {
                v.get("kpi").is_some() && v.get("period").is_some() && v.get("values").is_some()
            }) || values.is_empty()
        });
    if kolada {
        return Some(Format::Kolada);
    }
    // PxWeb's own JSON (`columns`, `data`) is refused by the JSON-stat reader, which says how to save it.
    // JSON-stat 1.0 bundles too: the JSON-stat reader says how to save them as 2.0.
    let bundle = object
        .values()
        .any(|v| v.get("dimension").is_some() && v.get("value").is_some());
    if bundle
        || object.contains_key("class")
        || object.contains_key("dimension")
        || (object.contains_key("columns") && object.contains_key("data"))
    {
        return Some(Format::JsonStat);
    }
    None
}

/// The site's languages and its default language, from site.yaml.
fn site_languages(site: &Path) -> Result<(Vec<Lang>, Lang), Vec<Diagnostic>> {
    let file = site.join(crate::config::FILE);
    let Ok(text) = fs::read_to_string(&file) else {
        return Err(vec![
            Diagnostic::error(
                crate::config::FILE,
                Rule::NotASite.with("folder", site.display().to_string()),
            )
            .with_hint(Phrase::NotASiteHint),
        ]);
    };
    let config = crate::config::SiteConfig::parse(&text, None)?;
    Ok((config.languages.clone(), config.default_language))
}

/// The section the dataset goes in: `--to`, else the first section (by name)
/// that holds datasets, else `statistik` when it is a section.
fn section(site: &Path, to: Option<&str>) -> Result<String, Vec<Diagnostic>> {
    if let Some(to) = to {
        let to = to.trim_matches('/');
        let safe = !to.is_empty() && to.split('/').all(|part| Slug::parse(part).is_ok());
        if !safe
            || !site
                .join("content")
                .join(to)
                .join("_section.yaml")
                .is_file()
        {
            return Err(vec![
                Diagnostic::error(
                    format!("content/{to}"),
                    Rule::NewNoSuchSection.with("section", to),
                )
                .with_hint(Phrase::ImportToHint),
            ]);
        }
        return Ok(to.to_string());
    }
    crate::scaffold::dataset_sections(site)
        .into_iter()
        .next()
        .or_else(|| {
            site.join("content/statistik/_section.yaml")
                .is_file()
                .then(|| "statistik".to_string())
        })
        .ok_or_else(|| {
            vec![
                Diagnostic::error("content", Rule::NewNoStatisticsSection)
                    .with_hint(Phrase::ImportNoSectionHint),
            ]
        })
}

/// Refuses a file that exists, and an id another dataset of the site has.
fn refuse_taken(site: &Path, relative: &str, id: &str) -> Result<(), Vec<Diagnostic>> {
    let hint = Phrase::ImportFileExistsHint.with("id", id);
    if site.join(relative).exists() {
        return Err(vec![
            Diagnostic::error(relative, Rule::ImportFileExists).with_hint(hint),
        ]);
    }
    let name = format!("{id}.yaml");
    let content = site.join("content");
    let other = walkdir::WalkDir::new(&content)
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .find(|e| e.file_type().is_file() && e.file_name().to_string_lossy() == name);
    if let Some(other) = other {
        let shown = other
            .path()
            .strip_prefix(site)
            .unwrap_or(other.path())
            .to_string_lossy()
            .replace('\\', "/");
        return Err(vec![
            Diagnostic::error(shown, Rule::ImportIdTaken.with("id", id)).with_hint(hint),
        ]);
    }
    Ok(())
}

fn write_new(path: &Path, relative: &str, text: &str) -> Result<(), Vec<Diagnostic>> {
    use std::io::Write;
    let error = |e: std::io::Error| {
        let rule = if e.kind() == std::io::ErrorKind::AlreadyExists {
            Rule::ImportFileExists.into()
        } else {
            Rule::CannotWrite.with("error", e.to_string())
        };
        vec![Diagnostic::error(relative, rule).with_hint(Phrase::CannotWriteHint)]
    };
    // create_new: even a file appearing since the check is never overwritten.
    let mut handle = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(error)?;
    handle.write_all(text.as_bytes()).map_err(error)
}

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
    Unit,
    Label,
    Source,
    Note,
}

impl Field {
    fn words(self) -> (&'static str, &'static str) {
        match self {
            Field::Title => ("Rubrik", "Title"),
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
fn write_yaml(
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

/// A period as statistics databases write it: `2019`, `2019M11`, `2019K4`,
/// `2019Q4`, or torget's own `2019-11` and `2019-Q4`.
pub(crate) fn parse_period(text: &str) -> Option<Period> {
    let text = text.trim();
    if let Ok(period) = Period::parse(text) {
        return Some(period);
    }
    let (year, rest) = text.split_at_checked(4)?;
    let year: i32 = year.parse().ok()?;
    if !year_digits(text) {
        return None;
    }
    let (mark, number) = rest.split_at_checked(1)?;
    let number: u8 = number.parse().ok()?;
    match (mark, number) {
        ("M" | "m", 1..=12) if rest.len() == 3 => Some(Period::Month(year, number)),
        ("K" | "k" | "Q" | "q", 1..=4) if rest.len() == 2 => Some(Period::Quarter(year, number)),
        _ => None,
    }
    .and_then(|p| Period::parse(&p.to_string()).ok())
}

fn year_digits(text: &str) -> bool {
    text.bytes().take(4).all(|b| b.is_ascii_digit())
}

/// Status letters from a statistics database's symbol or letters: `..` and
/// `…` (not available) are `x`, `.` (not applicable) is `z`, `-` (nil) has
/// none; the letters torget knows are kept. `None` for anything else.
pub(crate) fn status_letters(symbol: &str) -> Option<Vec<char>> {
    let symbol = symbol.trim();
    match symbol {
        "" | "-" | "–" => return Some(Vec::new()),
        ".." | "..." | "…" | "...." => return Some(vec!['x']),
        "." => return Some(vec!['z']),
        _ => {}
    }
    let mut letters = Vec::new();
    // `p`, `P, r`, `[d] [p]` and torget's own downloads' `dp` all list letters.
    for part in symbol.split([' ', ',']).filter(|p| !p.is_empty()) {
        let part = part.trim_start_matches('[').trim_end_matches(']');
        if part.is_empty() {
            return None;
        }
        for c in part.chars().map(|c| c.to_ascii_lowercase()) {
            if !"dprxczb".contains(c) {
                return None;
            }
            if !letters.contains(&c) {
                letters.push(c);
            }
        }
    }
    Some(letters)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_as_databases_write_them_map_to_torgets() {
        let p = |t| parse_period(t).map(|p| p.to_string());
        assert_eq!(p("2019").as_deref(), Some("2019"));
        assert_eq!(p("2019M11").as_deref(), Some("2019-11"));
        assert_eq!(p("2019M01").as_deref(), Some("2019-01"));
        assert_eq!(p("2019K4").as_deref(), Some("2019-Q4"));
        assert_eq!(p("2019Q4").as_deref(), Some("2019-Q4"));
        assert_eq!(p("2019-Q4").as_deref(), Some("2019-Q4"));
        assert_eq!(p("2019-11").as_deref(), Some("2019-11"));
        for bad in [
            "2019M13",
            "2019K5",
            "2019H1",
            "2019/2020",
            "19M11",
            "2019M1",
        ] {
            assert_eq!(p(bad), None, "{bad}");
        }
    }

    #[test]
    fn statuses_map_to_letters_or_are_refused() {
        assert_eq!(status_letters(".."), Some(vec!['x']));
        assert_eq!(status_letters("."), Some(vec!['z']));
        assert_eq!(status_letters(""), Some(vec![]));
        assert_eq!(status_letters("p"), Some(vec!['p']));
        assert_eq!(status_letters("P, r"), Some(vec!['p', 'r']));
        assert_eq!(status_letters("dp"), Some(vec!['d', 'p']));
        assert_eq!(status_letters("[d] [p]"), Some(vec!['d', 'p']));
        assert_eq!(status_letters("[]"), None);
        assert_eq!(status_letters("e"), None);
        assert_eq!(status_letters("OK"), None);
    }

    #[test]
    fn formats_are_told_apart_by_content() {
        assert_eq!(
            detect("{\"class\":\"dataset\",\"value\":[]}"),
            Some(Format::JsonStat)
        );
        assert_eq!(
            detect("{\"values\":[{\"kpi\":\"N1\",\"period\":2019,\"values\":[]}]}"),
            Some(Format::Kolada)
        );
        assert_eq!(detect("år;värde\n2019;1\n"), Some(Format::Csv));
        assert_eq!(detect("{\"hello\": 1}"), None);
    }

    /// Reads `text` as `import` would, for the robustness test.
    fn read_any(text: &str) {
        let _ = match detect(text) {
            Some(Format::JsonStat) => jsonstat::read("f", text, Lang::SV).map(|_| ()),
            Some(Format::Kolada) => kolada::read("f", text).map(|_| ()),
            Some(Format::Csv) => csv::read("f", text, Lang::SV).map(|_| ()),
            None => Ok(()),
        };
    }

    #[test]
    fn damaged_files_are_refused_not_crashed_on() {
        let fixtures = [
            include_str!("../../tests/fixtures/import/scb-pxweb2-tab5974.json"),
            include_str!("../../tests/fixtures/import/ssb-pxweb-05300.json"),
            include_str!("../../tests/fixtures/import/kolada-v2-structure.json"),
            include_str!("../../tests/fixtures/import/dodsskjutningar-malmo.csv"),
            include_str!("../../tests/fixtures/import/scb-pxweb1-json-me0104t24.json"),
        ];
        let swaps = [
            "",
            "0",
            "-1",
            "null",
            "\"x\"",
            "[]",
            "{}",
            "99999999999999999999",
            ";",
            "\n",
        ];
        for text in fixtures {
            let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).step_by(5).collect();
            for (n, &at) in boundaries.iter().enumerate() {
                read_any(&text[..at]);
                let end = text[at..].chars().next().map_or(at, |c| at + c.len_utf8());
                let swap = swaps[n % swaps.len()];
                read_any(&format!("{}{swap}{}", &text[..at], &text[end..]));
            }
        }
        // A cube of absurd sizes is refused, never multiplied out.
        read_any(
            "{\"class\":\"dataset\",\"id\":[\"a\",\"Tid\"],\"size\":[4294967296,4294967296],\"dimension\":{},\"value\":{}}",
        );
    }

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
