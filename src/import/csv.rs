//! CSV files: a header row, then one row per period.
//!
//! The period column is the one named `period`, `år`, `year`, `tid`,
//! `time`, `månad`, `month`, `kvartal` or `quarter`, else the first. Every
//! other column is a series, named by its header, except the columns that
//! describe one: `<series>_status` (or `<series> status`, or `status` alone
//! beside one series: status letters or symbols such as `..`), `<series>_partial` and `<series>_preliminary`
//! (`true`/`false`, as torget's own downloads write them) and
//! `<series>_note_<language>`. A comma, semicolon or tab separates the
//! fields, whichever the header uses most; with a semicolon or a tab, a
//! decimal comma is read too (`12,5`), as Swedish spreadsheets write it.

use std::collections::BTreeMap;

use super::{
    Cell, Format, MAX_SERIES, SeriesIn, SourceIn, Table, Texts, parse_period, status_letters,
};
use crate::dataset::Period;
use crate::diagnostics::{Diagnostic, Location};
use crate::i18n::Lang;
use crate::messages::{Phrase, Rule};

const PERIOD_NAMES: [&str; 12] = [
    "period", "perioder", "år", "ar", "year", "tid", "time", "månad", "manad", "month", "kvartal",
    "quarter",
];

/// What a column holds.
#[derive(Debug, Clone, PartialEq)]
enum Column {
    Period,
    Values(usize),
    Status(usize),
    Partial(usize),
    Preliminary(usize),
    Note(usize, Lang),
}

pub(crate) fn read(file: &str, text: &str, lang: Lang) -> Result<Table, Vec<Diagnostic>> {
    let first_line = text.lines().next().unwrap_or_default();
    let count = |c: char| first_line.matches(c).count();
    let delimiter = if count('\t') > count(',').max(count(';')) {
        b'\t'
    } else if count(';') > count(',') {
        b';'
    } else {
        b','
    };
    let decimal_comma = delimiter != b',';
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        // Every row is read, whatever its length, so that each short or long one is reported.
        .flexible(true)
        .from_reader(text.as_bytes());
    let at_line = |line: u64, column: usize| Location {
        line: usize::try_from(line).unwrap_or(1).max(1),
        column: column.max(1),
    };
    let mut records = Vec::new();
    for record in reader.records() {
        match record {
            Ok(record) => records.push(record),
            Err(e) => {
                let line = e.position().map_or(1, |p| p.line());
                return Err(vec![
                    Diagnostic::error(file, Rule::ImportCsvMalformed.with("error", e.to_string()))
                        .at(text, at_line(line, 1))
                        .with_hint(Phrase::ImportCsvHint),
                ]);
            }
        }
    }
    let Some(header) = records.first() else {
        return Err(vec![
            Diagnostic::error(file, Rule::ImportNoValues).with_hint(Phrase::ImportCsvHint),
        ]);
    };
    let names: Vec<String> = header.iter().map(|h| h.trim().to_string()).collect();
    let period_column = names
        .iter()
        .position(|n| PERIOD_NAMES.contains(&n.to_lowercase().as_str()))
        .unwrap_or(0);
    // Series first, then the columns that describe them.
    let mut series_names: Vec<String> = Vec::new();
    let mut columns = vec![Column::Period; names.len()];
    let describes = |name: &str| -> Option<(String, String)> {
        if name.eq_ignore_ascii_case("status") {
            return Some((String::new(), "status".to_string()));
        }
        // The suffixes are ASCII: compared without case, cut at a character boundary.
        let ends_with = |suffix: &str| {
            let cut = name.len().checked_sub(suffix.len())?;
            let (base, end) = (name.get(..cut)?, name.get(cut..)?);
            end.eq_ignore_ascii_case(suffix).then(|| base.to_string())
        };
        for suffix in ["_status", " status", "_partial", "_preliminary"] {
            if let Some(base) = ends_with(suffix) {
                return Some((base, suffix.trim_start_matches(['_', ' ']).to_string()));
            }
        }
        let at = name.to_ascii_lowercase().rfind("_note_")?;
        let (base, code) = (name.get(..at)?, name.get(at + "_note_".len()..)?);
        Some((
            base.to_string(),
            format!("note:{}", code.to_ascii_lowercase()),
        ))
    };
    for (i, name) in names.iter().enumerate() {
        if i != period_column && describes(name).is_none() {
            columns[i] = Column::Values(series_names.len());
            series_names.push(name.clone());
        }
    }
    let mut errors = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let Some((base, what)) = describes(name) else {
            continue;
        };
        if i == period_column {
            continue;
        }
        let series = series_names
            .iter()
            .position(|s| s.eq_ignore_ascii_case(&base));
        // `status` alone describes the only series.
        let series = series.or_else(|| (base.is_empty() && series_names.len() == 1).then_some(0));
        let Some(series) = series else {
            errors.push(
                Diagnostic::error(file, Rule::ImportCsvColumn.with("column", name.as_str()))
                    .at(text, at_line(1, column_of(first_line, delimiter, i)))
                    .with_hint(Phrase::ImportCsvHint),
            );
            continue;
        };
        columns[i] = match what.as_str() {
            "status" => Column::Status(series),
            "partial" => Column::Partial(series),
            "preliminary" => Column::Preliminary(series),
            note => match note.strip_prefix("note:").and_then(Lang::parse) {
                Some(lang) => Column::Note(series, lang),
                None => {
                    errors.push(
                        Diagnostic::error(
                            file,
                            Rule::ImportCsvColumn.with("column", name.as_str()),
                        )
                        .at(text, at_line(1, column_of(first_line, delimiter, i)))
                        .with_hint(Phrase::ImportCsvHint),
                    );
                    continue;
                }
            },
        };
    }
    if series_names.is_empty() {
        errors.push(
            Diagnostic::error(file, Rule::ImportNoValues)
                .at(text, at_line(1, 1))
                .with_hint(Phrase::ImportCsvHint),
        );
    }
    if series_names.len() > MAX_SERIES {
        errors.push(
            Diagnostic::error(
                file,
                Rule::ImportTooManySeries
                    .with("n", series_names.len().to_string())
                    .with("max", MAX_SERIES.to_string()),
            )
            .at(text, at_line(1, 1))
            .with_hint(
                Phrase::ImportTooManySeriesHint
                    .with("dimensions", Phrase::ImportCsvColumns)
                    .with("max", MAX_SERIES.to_string()),
            ),
        );
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let lines: Vec<&str> = text.lines().collect();
    let mut values: Vec<BTreeMap<Period, Cell>> = vec![BTreeMap::new(); series_names.len()];
    let mut kind = None;
    for record in records.iter().skip(1) {
        let line = record.position().map_or(1, |p| p.line());
        let raw = usize::try_from(line)
            .ok()
            .and_then(|l| lines.get(l.saturating_sub(1)))
            .copied()
            .unwrap_or_default();
        let here = |i: usize| at_line(line, column_of(raw, delimiter, i));
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        // A row of another length is refused, never cut or padded.
        if record.len() != names.len() {
            errors.push(
                Diagnostic::error(
                    file,
                    Rule::ImportCsvRagged
                        .with(
                            "cells",
                            crate::messages::count(
                                record.len(),
                                Phrase::ImportCellsOne,
                                Phrase::ImportCellsOther,
                            ),
                        )
                        .with("columns", names.len().to_string()),
                )
                // At the first cell too many, or at the end of a row that is short.
                .at(text, here(names.len()))
                .with_hint(Phrase::ImportCsvRaggedHint),
            );
            continue;
        }
        let period_text = record.get(period_column).unwrap_or_default().trim();
        let Some(period) = parse_period(period_text) else {
            errors.push(
                Diagnostic::error(file, Rule::ImportPeriod.with("period", period_text))
                    .at(text, here(period_column))
                    .with_hint(Phrase::ImportPeriodHint),
            );
            continue;
        };
        match kind {
            None => kind = Some(period.kind()),
            Some(k) if k != period.kind() => {
                errors.push(
                    Diagnostic::error(file, Rule::ImportMixedPeriods.with("period", period_text))
                        .at(text, here(period_column))
                        .with_hint(Phrase::ImportPeriodHint),
                );
                continue;
            }
            Some(_) => {}
        }
        let mut cells: Vec<Cell> = vec![
            Cell {
                value: None,
                status: Vec::new(),
                note: Texts::new(),
            };
            series_names.len()
        ];
        for (i, (field, column)) in record.iter().zip(&columns).enumerate() {
            let field = field.trim();
            match column {
                Column::Period => {}
                Column::Values(s) => match value(field, decimal_comma) {
                    Ok((value, letters)) => {
                        cells[*s].value = value;
                        add(&mut cells[*s].status, &letters);
                    }
                    Err(()) => errors.push(
                        Diagnostic::error(file, Rule::ImportNotANumber.with("value", field))
                            .at(text, here(i))
                            .with_hint(if decimal_comma {
                                Phrase::ImportNotANumberCommaHint
                            } else {
                                Phrase::ImportNotANumberHint
                            }),
                    ),
                },
                Column::Status(s) => match status_letters(field) {
                    Some(letters) => add(&mut cells[*s].status, &letters),
                    None => errors.push(
                        Diagnostic::error(file, Rule::ImportStatusUnknown.with("status", field))
                            .at(text, here(i))
                            .with_hint(Phrase::ImportStatusUnknownHint),
                    ),
                },
                Column::Partial(s) | Column::Preliminary(s) => {
                    let letter = if matches!(column, Column::Partial(_)) {
                        'd'
                    } else {
                        'p'
                    };
                    match field.to_lowercase().as_str() {
                        "true" | "1" | "ja" | "yes" => add(&mut cells[*s].status, &[letter]),
                        "false" | "0" | "nej" | "no" | "" => {}
                        _ => errors.push(
                            Diagnostic::error(
                                file,
                                Rule::ImportStatusUnknown.with("status", field),
                            )
                            .at(text, here(i))
                            .with_hint(Phrase::ImportStatusUnknownHint),
                        ),
                    }
                }
                Column::Note(s, lang) => {
                    if !field.is_empty() {
                        cells[*s].note.insert(*lang, field.to_string());
                    }
                }
            }
        }
        for (s, cell) in cells.into_iter().enumerate() {
            if values[s].insert(period, cell).is_some() {
                errors.push(
                    Diagnostic::error(file, Rule::ImportPeriodTwice.with("period", period_text))
                        .at(text, here(period_column))
                        .with_hint(Phrase::ImportPeriodTwiceHint),
                );
                break;
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    if values.iter().all(BTreeMap::is_empty) {
        return Err(vec![
            Diagnostic::error(file, Rule::ImportNoValues)
                .at(text, at_line(1, 1))
                .with_hint(Phrase::ImportCsvHint),
        ]);
    }
    let series = series_names
        .into_iter()
        .zip(values)
        .map(|(name, values)| {
            let mut label = Texts::new();
            label.insert(lang, name.clone());
            SeriesIn {
                key: name,
                label,
                values,
            }
        })
        .collect();
    Ok(Table {
        format: Format::Csv,
        title: Texts::new(),
        unit: Texts::new(),
        source: SourceIn::default(),
        measure: "count",
        decimals: None,
        fixed: Vec::new(),
        series,
    })
}

fn add(letters: &mut Vec<char>, more: &[char]) {
    for letter in more {
        if !letters.contains(letter) {
            letters.push(*letter);
        }
    }
}

/// A cell's number, or `None` with status letters for an empty cell or a
/// symbol (`..` not available, `.` not applicable); `Err` for anything else.
fn value(field: &str, decimal_comma: bool) -> Result<(Option<f64>, Vec<char>), ()> {
    if field.is_empty() {
        return Ok((None, Vec::new()));
    }
    if matches!(field, ".." | "..." | "…" | "." | "....")
        && let Some(letters) = status_letters(field)
    {
        return Ok((None, letters));
    }
    // Spaces group thousands in Swedish (`1 234`), also the no-break kinds.
    let mut number: String = field
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    if decimal_comma {
        if number.contains('.') && number.contains(',') {
            return Err(());
        }
        number = number.replace(',', ".");
    }
    let valid = !number.is_empty()
        && number
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+'))
        && number.chars().any(|c| c.is_ascii_digit());
    if !valid {
        return Err(());
    }
    number
        .parse::<f64>()
        .map(|v| (Some(v), Vec::new()))
        .map_err(|_| ())
}

/// The column (1-based, in characters) where field `index` of `line` starts,
/// with fields in double quotes holding the delimiter as text.
fn column_of(line: &str, delimiter: u8, index: usize) -> usize {
    let delimiter = char::from(delimiter);
    let mut field = 0;
    let mut quoted = false;
    for (n, c) in line.chars().enumerate() {
        if field == index {
            return n + 1;
        }
        match c {
            '"' => quoted = !quoted,
            c if c == delimiter && !quoted => field += 1,
            _ => {}
        }
    }
    line.chars().count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_read_as_spreadsheets_write_them() {
        assert_eq!(value("1 234", false), Ok((Some(1234.0), vec![])));
        assert_eq!(value("12,5", true), Ok((Some(12.5), vec![])));
        assert_eq!(value("12.5", false), Ok((Some(12.5), vec![])));
        assert_eq!(value("..", false), Ok((None, vec!['x'])));
        assert_eq!(value("", false), Ok((None, vec![])));
        assert_eq!(value("sju", false), Err(()));
        assert_eq!(value("12,5", false), Err(()));
    }

    #[test]
    fn columns_are_found_past_quoted_delimiters() {
        assert_eq!(column_of("a,\"b,c\",d", b',', 2), 9);
        assert_eq!(column_of("år;värde", b';', 1), 4);
    }
}
