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
mod encoding;
mod jsonstat;
mod kolada;
mod locate;
mod write;

use std::collections::BTreeMap;
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
pub(crate) const MAX_SERIES: usize = 10;

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
    /// Whether the file, not UTF-8, was read as Windows-1252.
    pub windows_1252: bool,
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
    let (text, windows_1252) = encoding::decode(&shown, bytes)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let (languages, default_language) = site_languages(&options.site)?;
    let file_lang = options.lang.unwrap_or(default_language);
    let json = json(&shown, text)?;
    let table = match (detect(text, json.as_ref()), &json) {
        (Some(Format::JsonStat), Some(root)) => jsonstat::read(&shown, text, root, file_lang)?,
        (Some(Format::Kolada), Some(root)) => kolada::read(&shown, text, root)?,
        (Some(Format::Csv), _) => csv::read(&shown, text, file_lang)?,
        _ => {
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
    let yaml = write::write_yaml(&table, &id, &languages, options.today, &shown);
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
        windows_1252,
    })
}

/// `text` parsed as JSON when it starts as JSON does (`{` or `[`), else
/// `None`; JSON that does not parse is refused where it breaks.
fn json(file: &str, text: &str) -> Result<Option<serde_json::Value>, Vec<Diagnostic>> {
    let trimmed = text.trim_start();
    if !trimmed.starts_with('{') && !trimmed.starts_with('[') {
        return Ok(None);
    }
    serde_json::from_str(text).map(Some).map_err(|e| {
        let location = crate::diagnostics::Location {
            line: e.line().max(1),
            column: e.column().max(1),
        };
        vec![
            Diagnostic::error(file, Rule::ImportJsonMalformed.with("error", e.to_string()))
                .at(text, location)
                .with_hint(Phrase::ImportJsonMalformedHint),
        ]
    })
}

/// The kind of file `text` is, from its content (`json` when it is JSON):
/// JSON-stat has `"class": "dataset"` or `version`, `id`, `size` and
/// `dimension`; Kolada's answer has `values` whose entries hold `kpi` and
/// `period`; anything else that is not JSON is read as CSV.
fn detect(text: &str, json: Option<&serde_json::Value>) -> Option<Format> {
    let Some(value) = json else {
        return (!text.trim().is_empty()).then_some(Format::Csv);
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
            // The letters the dataset parser reads, from one list.
            crate::dataset::Status::from_letter(&c.to_string())?;
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
        let detect_text = |text: &str| {
            let json = json("f", text).ok().flatten();
            detect(text, json.as_ref())
        };
        assert_eq!(
            detect_text("{\"class\":\"dataset\",\"value\":[]}"),
            Some(Format::JsonStat)
        );
        assert_eq!(
            detect_text("{\"values\":[{\"kpi\":\"N1\",\"period\":2019,\"values\":[]}]}"),
            Some(Format::Kolada)
        );
        assert_eq!(detect_text("år;värde\n2019;1\n"), Some(Format::Csv));
        assert_eq!(detect_text("{\"hello\": 1}"), None);
        assert!(json("f", "{\"class\": ").is_err());
    }

    /// Reads `text` as `import` would, for the robustness test.
    fn read_any(text: &str) {
        let Ok(json) = json("f", text) else {
            return;
        };
        let _ = match (detect(text, json.as_ref()), &json) {
            (Some(Format::JsonStat), Some(root)) => {
                jsonstat::read("f", text, root, Lang::SV).map(|_| ())
            }
            (Some(Format::Kolada), Some(root)) => kolada::read("f", text, root).map(|_| ()),
            (Some(Format::Csv), _) => csv::read("f", text, Lang::SV).map(|_| ()),
            _ => Ok(()),
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
}
