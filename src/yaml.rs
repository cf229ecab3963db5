//! Reading YAML into typed values, with errors a content editor can act on.
//!
//! Wraps `serde_yaml` so that every error becomes a [`Diagnostic`] at the
//! right line and column of the user's file (front matter included) with a
//! hint: a misspelt key suggests the right one, a wrong type says what is
//! expected. It knows nothing about what the values mean.

use serde::de::DeserializeOwned;

use crate::diagnostics::{Diagnostic, Location, closest};
use crate::messages::{Message, Phrase, Rule};
use crate::text::date::calendar_problem;

/// Parses `text[start..end]` as YAML into `T`; errors point into the whole `text` of `file`.
pub(crate) fn parse_in<T: DeserializeOwned>(
    file: &str,
    text: &str,
    start: usize,
    end: usize,
) -> Result<T, Diagnostic> {
    let yaml = &text[start..end];
    // An empty document is an empty mapping, so that a file holding only
    // optional keys may be empty.
    let parsed = if yaml.trim().is_empty() {
        serde_yaml::from_str::<T>("{}")
    } else {
        serde_yaml::from_str::<T>(yaml)
    };
    parsed.map_err(|error| {
        let raw = error.to_string();
        // libyaml's reader errors (a control character) say "at position N", a byte
        // offset, and give the start as their location.
        let mut offset = match position(&raw) {
            Some(n) => (start + n).min(end),
            None => error.location().map_or(start, |l| start + l.index()),
        };
        // Errors raised while reading a value (a bad date) are placed at the
        // start of the enclosing mapping; the key path serde names is closer.
        if let Some(key_offset) =
            key_path(strip_position(&raw)).and_then(|p| path_offset(text, start, end, p))
            && key_offset > offset
        {
            offset = key_offset;
        }
        // Values we quote (a bad date, an unknown choice) are found after that.
        let message = strip_position(&raw);
        if (message.contains("invalid date `")
            || message.contains("unknown variant `")
            || message.contains("invalid language code `"))
            && let Some(value) = message.split('`').nth(1).filter(|v| !v.is_empty())
            && let Some(found) = text.get(offset..end).and_then(|rest| rest.find(value))
        {
            offset += found;
        }
        // serde names the symptom; a slip an editor's tools make (a tab, an
        // invisible character, Word's quotes) where it stumbled is the cause.
        if let Some(slip) = find_slip(&text[start..end], offset.clamp(start, end) - start) {
            return Diagnostic::error(file, slip.message)
                .at_offset(text, start + slip.offset)
                .with_hint(slip.hint);
        }
        let (message, hint) = explain(strip_position(&raw));
        Diagnostic::error(file, message)
            .at_offset(text, offset)
            .with_hint_if(hint)
    })
}

/// A mistake in the YAML text itself, found by looking at the text rather than at what the parser made of it.
struct Slip {
    offset: usize,
    message: Message,
    hint: Message,
}

/// Characters that look like a space or like nothing, with their names.
const INVISIBLE: [(char, Phrase); 8] = [
    ('\u{a0}', Phrase::NoBreakSpace),
    ('\u{2007}', Phrase::FigureSpace),
    ('\u{202f}', Phrase::NarrowNoBreakSpace),
    ('\u{200b}', Phrase::ZeroWidthSpace),
    ('\u{200c}', Phrase::ZeroWidthNonJoiner),
    ('\u{200d}', Phrase::ZeroWidthJoiner),
    ('\u{2060}', Phrase::WordJoiner),
    ('\u{feff}', Phrase::ByteOrderMark),
];

/// Quotes that word processors type for `"` and `'`, which YAML reads as letters.
const TYPOGRAPHIC_QUOTES: [char; 7] = ['“', '”', '„', '‘', '’', '‚', '»'];

/// The slip that made parsing fail at byte `error` of `yaml`: a tab in the
/// indentation or an invisible character where YAML expects a space or a
/// boundary, on the error's line or the one before (the parser may notice
/// only at the next line); a value opened with a typographic quote, or `-`
/// written as a value, on the error's line. Looked for only when parsing
/// failed, so valid YAML keeps its meaning, and only there, so that a curly
/// quote YAML read happily earlier is not blamed for a later mistake.
fn find_slip(yaml: &str, error: usize) -> Option<Slip> {
    let error_line = yaml[..error].matches('\n').count();
    let mut line_start = 0;
    for (number, line) in yaml.split_inclusive('\n').enumerate() {
        if number > error_line {
            break;
        }
        let content = line.trim_end_matches(['\n', '\r']);
        let slip = match error_line - number {
            0 => slip_in_line(content, true),
            1 => slip_in_line(content, false),
            _ => None,
        };
        if let Some(slip) = slip {
            return Some(Slip {
                offset: line_start + slip.offset,
                ..slip
            });
        }
        line_start += line.len();
    }
    None
}

/// A slip in `line`; quotes and dashes only `on_error_line`.
fn slip_in_line(line: &str, on_error_line: bool) -> Option<Slip> {
    let indent = &line[..line.len() - line.trim_start_matches([' ', '\t']).len()];
    if let Some(tab) = indent.find('\t')
        && !line.trim().is_empty()
    {
        return Some(Slip {
            offset: tab,
            message: Rule::YamlTab.into(),
            hint: Phrase::TabHint.into(),
        });
    }
    let structural = |c: Option<char>| {
        c.is_none_or(|c| {
            c.is_whitespace()
                || matches!(c, ':' | '-' | ',' | '[' | ']' | '{' | '}')
                || INVISIBLE.iter().any(|(i, _)| *i == c)
        })
    };
    for (at, c) in line.char_indices() {
        let before = line[..at].chars().next_back();
        let after = line[at + c.len_utf8()..].chars().next();
        if let Some((_, name)) = INVISIBLE.iter().find(|(i, _)| *i == c)
            && (structural(before) || structural(after))
        {
            let is_space = matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}');
            let place = match line[..at].split_whitespace().next_back() {
                Some(word) => Phrase::AfterWord.with("word", word),
                None => Message::verbatim(""),
            };
            let (rule, hint) = if is_space {
                (Rule::YamlInvisibleSpace, Phrase::InvisibleSpaceHint)
            } else {
                (Rule::YamlInvisibleCharacter, Phrase::InvisibleCharacterHint)
            };
            return Some(Slip {
                offset: at,
                message: rule.with("character", *name).with("place", place),
                hint: hint.into(),
            });
        }
        let lead = line[..at].trim_end_matches(' ');
        let value_starts = lead.ends_with([':', ',', '[', '{'])
            || lead.trim_start_matches(' ').is_empty()
            || lead
                .strip_suffix('-')
                .is_some_and(|l| l.is_empty() || l.ends_with(' '));
        if on_error_line && TYPOGRAPHIC_QUOTES.contains(&c) && value_starts {
            let inside_start = at + c.len_utf8();
            let inside = line[inside_start..]
                .find(TYPOGRAPHIC_QUOTES)
                .map_or(&line[inside_start..], |close| {
                    &line[inside_start..inside_start + close]
                });
            let quoted = if inside.contains('"') {
                format!("'{}'", inside.replace('\'', "''"))
            } else {
                format!("\"{inside}\"")
            };
            return Some(Slip {
                offset: at,
                message: Rule::YamlTypographicQuote.with("quote", c.to_string()),
                hint: Phrase::TypographicQuoteHint.with("quoted", quoted),
            });
        }
        if on_error_line
            && c == '-'
            && line[..at].trim_end().ends_with(':')
            && line[at + 1..].trim().is_empty()
        {
            return Some(Slip {
                offset: at,
                message: Rule::YamlDashValue.into(),
                hint: Phrase::DashValueHint.into(),
            });
        }
    }
    None
}

/// Parses a whole YAML file.
pub(crate) fn parse<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, Diagnostic> {
    parse_in(file, text, 0, text.len())
}

/// The line and column of top-level `key:` in YAML `text`, for errors found after parsing.
pub(crate) fn key_location(text: &str, start: usize, key: &str) -> Location {
    let offset = key_line(text, start, key).map_or(start, |(offset, _)| offset);
    Location::of_offset(text, offset)
}

/// The line and column of the value of top-level `key:` in YAML `text`, for
/// errors about the value itself; the key's when the value is not on its line.
pub(crate) fn value_location(text: &str, start: usize, key: &str) -> Location {
    let Some((offset, line)) = key_line(text, start, key) else {
        return Location::of_offset(text, start);
    };
    let after_colon = line
        .get(key.len()..)
        .and_then(|rest| rest.trim_start().strip_prefix(':'))
        .unwrap_or_default();
    let value = after_colon.trim_start_matches([' ', '\t']);
    if value.trim_end().is_empty() {
        return Location::of_offset(text, offset);
    }
    Location::of_offset(text, offset + line.len() - value.len())
}

/// The byte offset and text of the first line from `start` holding top-level `key:`.
fn key_line<'t>(text: &'t str, start: usize, key: &str) -> Option<(usize, &'t str)> {
    let mut offset = start;
    for line in text.get(start..)?.split_inclusive('\n') {
        if let Some(rest) = line.strip_prefix(key)
            && rest.trim_start().starts_with(':')
        {
            return Some((offset, line));
        }
        offset += line.len();
    }
    None
}

/// The key path serde puts before a nested error (`image.alt` in "image.alt: …").
fn key_path(message: &str) -> Option<&str> {
    let (path, _) = message.split_once(": ")?;
    (!path.is_empty() && !path.contains(' ')).then_some(path)
}

/// Byte offset of the line holding the last key of `path` (`image.alt`, `series[1].label`), found by indentation.
fn path_offset(text: &str, start: usize, end: usize, path: &str) -> Option<usize> {
    let mut search_from = start;
    let mut end = end;
    let mut min_indent = 0;
    let mut found = None;
    // A list item written in braces (`- { date: 2024-01-32, note: … }`):
    // its keys are read on its own line, never looked for below it.
    let mut flow_item: Option<(usize, &str)> = None;
    for segment in path.split('.') {
        let (key, index) = match segment.split_once('[') {
            Some((key, rest)) => (key, rest.trim_end_matches(']').parse::<usize>().ok()),
            None => (segment, None),
        };
        if let Some((at, written)) = flow_item {
            // The field's value in the braces, or the item itself.
            return Some(flow_field(written, key).map_or(found.unwrap_or(at), |(i, _)| at + i));
        }
        let (at, indent, next) = find_key(text, search_from, end, key, min_indent)?;
        found = Some(at);
        min_indent = indent + 1;
        search_from = next;
        if let Some(index) = index {
            // The index-th item of the list below the key.
            let mut offset = search_from;
            let mut seen = 0;
            let mut item = None;
            for line in text[search_from..end].split_inclusive('\n') {
                let trimmed = line.trim_start_matches(' ');
                let item_indent = line.len() - trimmed.len();
                if item_indent >= min_indent.saturating_sub(1) && trimmed.starts_with("- ") {
                    if seen == index {
                        item = Some((offset + item_indent, item_indent + 2, offset));
                        break;
                    }
                    seen += 1;
                }
                offset += line.len();
            }
            let (at, item_indent, line_start) = item?;
            found = Some(at);
            min_indent = item_indent;
            search_from = line_start;
            // The item ends where a line is indented no deeper than its dash.
            let dash = item_indent - 2;
            let line_end = text[line_start..end]
                .find('\n')
                .map_or(end, |i| line_start + i + 1);
            let mut offset = line_end;
            for line in text[line_end..end].split_inclusive('\n') {
                let trimmed = line.trim_start_matches(' ');
                let content = trimmed.trim_end();
                if !content.is_empty()
                    && !content.starts_with('#')
                    && line.len() - trimmed.len() <= dash
                {
                    end = offset;
                    break;
                }
                offset += line.len();
            }
            let written = text[at + 2..line_end].trim_end();
            let written = written.split(" #").next().unwrap_or(written).trim_end();
            if written.starts_with('{') {
                flow_item = Some((at + 2, written));
            }
        }
    }
    found
}

/// The first line from `from` holding `key:` indented at least `min_indent` (list dashes count as indent).
fn find_key(
    text: &str,
    from: usize,
    end: usize,
    key: &str,
    min_indent: usize,
) -> Option<(usize, usize, usize)> {
    let mut offset = from;
    for line in text.get(from..end)?.split_inclusive('\n') {
        let trimmed = line.trim_start_matches([' ', '-']);
        let indent = line.len() - trimmed.len();
        if indent >= min_indent
            && let Some(rest) = trimmed.strip_prefix(key)
            && rest.trim_start().starts_with(':')
        {
            return Some((offset + indent, indent, offset + line.len()));
        }
        offset += line.len();
    }
    None
}

/// The location of the key at the first of `paths` found in YAML `text`, or of the start if none is.
pub(crate) fn first_path_location(text: &str, paths: &[&str]) -> Location {
    let offset = (paths.iter())
        .find_map(|path| path_offset(text, 0, text.len(), path))
        .unwrap_or(0);
    Location::of_offset(text, offset)
}

/// The location of the key at `path` (`series[1].label`) in YAML `text`, or of the start if not found.
pub(crate) fn path_location(text: &str, path: &str) -> Location {
    let offset = path_offset(text, 0, text.len(), path).unwrap_or(0);
    Location::of_offset(text, offset)
}

/// The offset and text of the value written on the line of the key at `path`
/// (`series[0].values.2021`), without a trailing comment; `None` when the
/// value is on the lines below.
pub(crate) fn path_value<'t>(text: &'t str, path: &str) -> Option<(usize, &'t str)> {
    line_value(text, path_offset(text, 0, text.len(), path)?)
}

/// The offset and text of `field`'s value in the mapping at `path`, however
/// the mapping is written: in braces on the key's line
/// (`2021: { value: 1.234, partial: true }`), or as a block of lines below it
/// (`value: 1.234` on a line of its own). Errors found after parsing, such as
/// a figure that reads two ways, point at the value itself in either form.
pub(crate) fn path_field_value<'t>(
    text: &'t str,
    path: &str,
    field: &str,
) -> Option<(usize, &'t str)> {
    if let Some((at, written)) = path_value(text, path) {
        return flow_field(written, field).map(|(offset, value)| (at + offset, value));
    }
    let key_at = path_offset(text, 0, text.len(), path)?;
    let key_indent = key_at - text[..key_at].rfind('\n').map_or(0, |i| i + 1);
    let body = key_at + text[key_at..].find('\n')? + 1;
    // The mapping's own keys share the indent of its first line; deeper lines
    // (a note's `sv:` and `en:`) belong to its values and are passed over.
    let mut child_indent = None;
    let mut offset = body;
    for line in text[body..].split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let trimmed = line.trim_start_matches(' ');
        let indent = line.len() - trimmed.len();
        let content = trimmed.trim_end();
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        if indent <= key_indent {
            return None;
        }
        let child = *child_indent.get_or_insert(indent);
        if content.starts_with('{') && indent == child {
            let written = content.split(" #").next()?.trim_end();
            return flow_field(written, field).map(|(at, value)| (start + indent + at, value));
        }
        if indent == child
            && let Some(rest) = trimmed.strip_prefix(field)
            && rest.trim_start_matches(' ').starts_with(':')
        {
            return line_value(text, start + indent);
        }
    }
    None
}

/// The value after the colon on the line starting at `key_at`, without a trailing comment.
fn line_value(text: &str, key_at: usize) -> Option<(usize, &str)> {
    let line = text[key_at..].split('\n').next()?;
    let colon = line.find(':')?;
    let after = &line[colon + 1..];
    let value = after.trim_start_matches(' ');
    let value = value.split(" #").next()?.trim_end();
    (!value.is_empty()).then(|| {
        (
            key_at + colon + 1 + after.len() - after.trim_start_matches(' ').len(),
            value,
        )
    })
}

/// The offset (in `flow`) and text of `field`'s value in a flow mapping
/// `{ a: 1, b: "x, y" }`, skipping commas inside quotes and nested braces.
fn flow_field<'t>(flow: &'t str, field: &str) -> Option<(usize, &'t str)> {
    if !flow.starts_with('{') {
        return None;
    }
    let mut depth = 0usize;
    let mut quote = None;
    let mut escaped = false;
    let mut entry_start = 1;
    for (i, c) in flow.char_indices().skip(1) {
        match (quote, c) {
            (Some('"'), '\\') if !escaped => {
                escaped = true;
                continue;
            }
            (Some(q), c) if c == q && !escaped => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '{' | '[') => depth += 1,
            (None, '}' | ']') if depth > 0 => depth -= 1,
            (None, ',') if depth > 0 => {}
            (None, ',' | '}') => {
                let entry = &flow[entry_start..i];
                let key = entry.trim_start_matches(' ');
                if let Some(rest) = key.strip_prefix(field)
                    && let Some(after) = rest.trim_start_matches(' ').strip_prefix(':')
                {
                    let value = after.trim();
                    let value_at = i - after.len() + (after.len() - after.trim_start().len());
                    return (!value.is_empty()).then_some((value_at, value));
                }
                if c == '}' {
                    return None;
                }
                entry_start = i + 1;
            }
            _ => {}
        }
        escaped = false;
    }
    None
}

fn strip_position(raw: &str) -> &str {
    match raw.find(" at line ").or_else(|| raw.find(" at position ")) {
        Some(i) => &raw[..i],
        None => raw,
    }
}

/// The byte offset N of libyaml's "… at position N", when that is all it gives.
fn position(raw: &str) -> Option<usize> {
    let (_, rest) = raw.rsplit_once(" at position ")?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// How a dataset value's flag set to `false` beside its own status letter
/// (`partial: false, status: [d]`) is reported to [`explain`], which reads it
/// back as `dataset-flag-contradicts-status`.
pub(crate) const FLAG_CONTRADICTS: &str = "flag contradicts status: ";

/// Turns serde's wording into ours, with a hint where we can give one.
fn explain(raw: &str) -> (Message, Option<Message>) {
    // serde prefixes nested errors with the path to the value ("image.alt: …").
    let (path, message) = match raw.split_once(": ") {
        Some((path, rest)) if !path.contains(' ') => (Some(path), rest),
        _ => (None, raw),
    };
    let at = |m: Message| match path {
        Some(p) => Phrase::InPath.with("path", p).with("message", m),
        None => m,
    };
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (key, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let allowed = backticked(expected);
        let hint = match closest(key, allowed.iter().copied()) {
            Some(best) => Phrase::DidYouMean.with("suggestion", best),
            None if allowed.is_empty() => Phrase::RemoveKey.into(),
            None => Phrase::AllowedKeys.with("keys", list(&allowed)),
        };
        return (at(Rule::YamlUnknownKey.with("key", key)), Some(hint));
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        let (value, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let allowed = backticked(expected);
        let hint = match closest(value, allowed.iter().copied()) {
            Some(best) => Phrase::DidYouMean.with("suggestion", best),
            None => Phrase::WriteOneOf.with("values", list(&allowed)),
        };
        return (at(Rule::YamlUnknownValue.with("value", value)), Some(hint));
    }
    if let Some(rest) = message.strip_prefix("invalid language code `") {
        let value = rest.split('`').next().unwrap_or(rest);
        return (
            at(Rule::LanguageCodeMalformed.with("value", value)),
            Some(Phrase::LanguageCodeHint.into()),
        );
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let key = rest.split('`').next().unwrap_or(rest);
        return (
            at(Rule::YamlMissingKey.with("key", key)),
            Some(Phrase::AddKey.with("key", key)),
        );
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        // serde's words for types ("a boolean", "string \"kanske\"") stay English.
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let hint = match expected {
            // A value where a mapping of our own (`Feedback`, the texts per
            // language of `i18n::Localized`) was expected: serde names the
            // Rust type, which means nothing to an editor.
            PER_LANGUAGE => Phrase::WritePerLanguage.into(),
            e if e.starts_with("struct ") => Phrase::WriteMapping.into(),
            "a boolean" => Phrase::WriteBoolean.into(),
            "f64" | "f32" | "u64" | "i64" | "usize" | "u32" | "i32" | "u8" => {
                Phrase::WriteNumber.into()
            }
            e if e.contains("sequence") => Phrase::WriteList.into(),
            e if e.contains("map") => Phrase::WriteMapping.into(),
            e if e.contains("string") => Phrase::WriteText.into(),
            e => Phrase::WriteExpected.with("expected", e),
        };
        let message = Rule::YamlWrongType
            .with("found", serde_found(found))
            .with("expected", serde_expected(expected));
        return (at(message), Some(hint));
    }
    if let Some(rest) = message.strip_prefix("duplicate field `") {
        let key = rest.split('`').next().unwrap_or(rest);
        return (
            at(Rule::YamlDuplicateKey.with("key", key)),
            Some(Phrase::KeepOne.into()),
        );
    }
    if let Some(rest) = message.strip_prefix("invalid date ") {
        // Where a time is allowed the value's type says so after "expected".
        let written = rest.split('`').nth(1).unwrap_or_default();
        // A source's date may leave out the day or the month (`Published`).
        let published = rest.contains("YYYY-MM or YYYY");
        let month = (written.split('-').nth(1))
            .and_then(|m| m.parse::<u32>().ok())
            .filter(|m| !(1..=12).contains(m));
        let hint = if let Some(problem) = calendar_problem(written) {
            problem
        } else if published {
            match month {
                Some(month) => Phrase::NoMonthPublished.with("month", month.to_string()),
                None => Phrase::WritePublishedDate.into(),
            }
        } else if rest.contains("HH:MM") {
            Phrase::WriteDateTime.into()
        } else {
            Phrase::WriteDate.into()
        };
        let value = rest.split(", expected").next().unwrap_or(rest);
        // The advice after `; ` is the hint's, in the reader's language.
        let value = value.split("; write").next().unwrap_or(value);
        return (at(Rule::YamlInvalidDate.with("value", value)), Some(hint));
    }
    if let Some(rest) = message.strip_prefix(FLAG_CONTRADICTS) {
        let mut parts = rest.split('`').skip(1).step_by(2);
        let (key, letter) = (
            parts.next().unwrap_or_default(),
            parts.next().unwrap_or_default(),
        );
        return (
            at(Rule::DatasetFlagContradictsStatus
                .with("key", key)
                .with("letter", letter)),
            Some(
                Phrase::DatasetFlagContradictsStatusHint
                    .with("key", key)
                    .with("letter", letter),
            ),
        );
    }
    if message.contains("mapping values are not allowed")
        || message.contains("did not find expected")
        || message.contains("found character that cannot start")
        || message.contains("could not find expected")
    {
        // The parser's own words say what it expected; they stay English.
        return (
            Rule::YamlMalformed.with("problem", message),
            Some(Phrase::MalformedHint.into()),
        );
    }
    // Our own value checks give their advice after `; ` (see dataset values).
    if let Some((problem, advice)) = message.split_once(" is not a number; ") {
        return (
            at(Rule::YamlNotANumber.with("value", problem)),
            Some(Message::verbatim(advice)),
        );
    }
    (at(Rule::YamlInvalid.with("problem", message)), None)
}

/// What serde says it found (`string "kanske"`, `integer `5``), in the
/// reader's language where we know the words; as serde wrote it otherwise.
fn serde_found(found: &str) -> Message {
    let kinds = [
        ("string ", Phrase::FoundString),
        ("integer ", Phrase::FoundInteger),
        ("floating point ", Phrase::FoundFloat),
        ("boolean ", Phrase::FoundBoolean),
    ];
    for (prefix, phrase) in kinds {
        if let Some(value) = found.strip_prefix(prefix) {
            return phrase.with("value", value);
        }
    }
    match found {
        "sequence" => Phrase::FoundSequence.into(),
        "map" => Phrase::FoundMap.into(),
        "unit value" => Phrase::FoundUnit.into(),
        other => Message::verbatim(other),
    }
}

/// What serde expects where a text per language is wanted (`i18n::Localized` reads one as `PerLanguage`).
const PER_LANGUAGE: &str = "struct PerLanguage";

/// What serde says it expected (`a boolean`), as [`serde_found`] does.
fn serde_expected(expected: &str) -> Message {
    match expected {
        PER_LANGUAGE => Phrase::ExpectedPerLanguage.into(),
        e if e.starts_with("struct ") => Phrase::ExpectedMap.into(),
        "a boolean" => Phrase::ExpectedBoolean.into(),
        "a string" => Phrase::ExpectedString.into(),
        "a sequence" => Phrase::ExpectedSequence.into(),
        "a map" => Phrase::ExpectedMap.into(),
        "f64" | "f32" | "u64" | "i64" | "usize" | "u32" | "i32" | "u8" => {
            Phrase::ExpectedNumber.into()
        }
        other => Message::verbatim(other),
    }
}

fn backticked(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

fn list(items: &[&str]) -> String {
    items
        .iter()
        .map(|i| format!("`{i}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Front {
        title: String,
        #[serde(default)]
        draft: bool,
    }

    #[test]
    fn unknown_key_is_located_and_suggests_the_right_one() {
        let text = "---\ntitel: Hej\n---\n";
        let end = text.rfind("---").unwrap();
        let err = parse_in::<Front>("a.md", text, 4, end).unwrap_err();
        assert_eq!(err.to_string(), "a.md:2:1: unknown key `titel`");
        assert_eq!(err.hint().as_deref(), Some("did you mean `title`?"));
    }

    #[test]
    fn a_value_where_a_mapping_of_ours_is_expected_names_no_rust_type() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Feedback {
            email: Option<String>,
        }
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct PerLanguage {
            sv: Option<String>,
        }
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Facts {
            feedback: Option<Feedback>,
            response_time: Option<PerLanguage>,
        }
        let err = parse::<Facts>("site.yaml", "feedback: a@b.se\n").unwrap_err();
        assert!(!err.to_string().contains("struct"), "{err}");
        assert!(err.message().contains("expected a map"), "{err}");
        assert_eq!(
            err.hint().as_deref(),
            Some("write keys on indented lines below this one")
        );
        let err = parse::<Facts>("site.yaml", "response_time: två dagar\n").unwrap_err();
        assert!(!err.to_string().contains("struct"), "{err}");
        assert!(err.message().contains("a text per language"), "{err}");
        assert!(
            err.hint().unwrap_or_default().contains("`sv: …`"),
            "{err:?}"
        );
        let swedish = err.message_in(crate::messages::Language::Swedish);
        assert!(!swedish.contains("struct"), "{swedish}");
    }

    #[test]
    fn wrong_type_names_what_was_expected() {
        let text = "title: Hej\ndraft: kanske\n";
        let err = parse::<Front>("a.yaml", text).unwrap_err();
        assert_eq!(err.location.unwrap().line, 2);
        assert!(
            err.message().contains("expected a boolean"),
            "{}",
            err.message()
        );
        assert_eq!(err.hint().as_deref(), Some("write `true` or `false`"));
        // serde's words for what it found and expected are said in Swedish too.
        assert_eq!(
            err.message_in(crate::messages::Language::Swedish),
            "i `draft`: fel sorts värde: här står texten \"kanske\", men här ska stå `true` eller `false`"
        );
        assert_eq!(err.rule(), Some("yaml-wrong-type"));
    }

    #[test]
    fn malformed_yaml_is_located() {
        let text = "title: Hej\n  - x: [\n";
        let err = parse::<Front>("a.yaml", text).unwrap_err();
        assert!(
            err.message().starts_with("malformed YAML"),
            "{}",
            err.message()
        );
        assert!(err.location.is_some());
    }

    #[test]
    fn a_control_character_is_located_where_it_is() {
        // libyaml says only "at position N" (a byte offset): its line and column are found.
        let text = "title: Hej\ndraft: false\nsummary: \"Skjutningar \u{96} Malmö\"\n";
        let err = parse::<Front>("a.yaml", text).unwrap_err();
        let at = err.location.as_ref().map(|l| (l.line, l.column));
        assert_eq!(at, Some((3, 23)), "{err}");
        assert!(!err.message().contains("position"), "{}", err.message());
        // Inside a front matter, past its start.
        let err = parse_in::<Front>("a.md", "---\ntitle: \u{96}\n---\n", 4, 14).unwrap_err();
        let at = err.location.as_ref().map(|l| (l.line, l.column));
        assert_eq!(at, Some((2, 8)), "{err}");
    }

    #[test]
    fn errors_inside_a_value_point_at_its_key() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Outer {
            image: Inner,
        }
        #[derive(Debug, Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Inner {
            src: String,
            alt: String,
        }
        let text = "image:\n  src: a.jpg\n  alt: Bild\n  width: 3\n";
        let err = parse::<Outer>("a.yaml", text).unwrap_err();
        assert_eq!(err.location.unwrap().line, 4, "{err}");
        assert!(
            err.message().contains("unknown key `width`"),
            "{}",
            err.message()
        );
    }

    #[test]
    fn paths_with_list_indices_find_the_right_item() {
        let text = "series:\n  - key: a\n    label: { sv: A }\n  - key: b\n    label: { sv: B }\n";
        assert_eq!(path_location(text, "series[1].label").line, 5);
        assert_eq!(path_location(text, "series[0].label").line, 3);
        assert_eq!(path_location(text, "series[1]").line, 4);
    }

    #[test]
    fn key_location_finds_top_level_keys() {
        let text = "a: 1\ntitle:\n  sv: x\n";
        assert_eq!(key_location(text, 0, "title").line, 2);
    }

    #[test]
    fn value_location_points_at_the_value_or_else_its_key() {
        let text =
            "---\ntitle: Rubrik\nslug:   nytt-mote\nimage:\n  src: a.png\n---\nslug: i texten\n";
        assert_eq!(
            value_location(text, 0, "slug"),
            Location { line: 3, column: 9 }
        );
        assert_eq!(
            value_location(text, 0, "title"),
            Location { line: 2, column: 8 }
        );
        // A value on the lines below: the key is the nearest place.
        assert_eq!(
            value_location(text, 0, "image"),
            Location { line: 4, column: 1 }
        );
        // No such key: the start, as key_location gives.
        assert_eq!(
            value_location("a: 1\n", 0, "slug"),
            Location { line: 1, column: 1 }
        );
    }

    fn error_in(front: &str) -> (Location, String, String) {
        let text = format!("---\n{front}---\n");
        let end = text.len() - 4;
        let err = parse_in::<Front>("a.md", &text, 4, end).unwrap_err();
        (
            err.location.unwrap(),
            err.message(),
            err.hint().unwrap_or_default(),
        )
    }

    #[test]
    fn slips_are_named_where_they_are() {
        let (at, message, _) = error_in("title: Hej\ndraft:\n\t- x\n");
        assert_eq!((at.line, at.column), (4, 1));
        assert!(
            message.starts_with("a tab is used for indentation"),
            "{message}"
        );

        let (at, message, _) = error_in("title: Hej\ndraft:\u{a0}true\n");
        assert_eq!((at.line, at.column), (3, 7));
        assert_eq!(
            message,
            "a no-break space (U+00A0) after `draft:`: YAML does not read it as a space"
        );

        let (at, message, _) = error_in("\u{200b}title: Hej\n");
        assert_eq!((at.line, at.column), (2, 1));
        assert_eq!(
            message,
            "an invisible character: a zero-width space (U+200B)"
        );

        let (at, message, hint) = error_in("title: \u{201c}Möte: \"nytt\"\u{201d}\n");
        assert_eq!((at.line, at.column), (2, 8));
        assert!(
            message.starts_with("`\u{201c}` is a typographic quote"),
            "{message}"
        );
        assert!(hint.contains("'Möte: \"nytt\"'"), "{hint}");

        let (at, message, _) = error_in("title: Hej\ndraft: -\n");
        assert_eq!((at.line, at.column), (3, 8));
        assert!(message.starts_with("`-` alone is not a value"), "{message}");
    }

    #[test]
    fn slips_that_parse_keep_their_meaning_and_others_are_not_blamed() {
        // Valid YAML is read as before, invisible characters and curly quotes included.
        let text = "---\ntitle: \u{201d}Hej\u{201d} i\u{a0}Malmö\n---\n";
        let front: Front = parse_in("a.md", text, 4, text.len() - 4).unwrap();
        assert_eq!(front.title, "\u{201d}Hej\u{201d} i\u{a0}Malmö");
        // A no-break space inside a word is no slip; the real error is reported.
        let (at, message, _) = error_in("title: Möte i\u{a0}Malmö\ntitel: x\n");
        assert_eq!((at.line, at.column), (3, 1));
        assert_eq!(message, "unknown key `titel`");
        // A slip after the error's line is not what broke it.
        let (_, message, _) = error_in("titel: x\ntitle: \u{201c}a: b\u{201d}\n");
        assert_eq!(message, "unknown key `titel`");
        // Nor is a curly quote YAML read as text on an earlier line.
        let (_, message, _) =
            error_in("title: \u{201d}Hej\u{201d} sa hon\ndraft: true\n\ntitel: x\n");
        assert_eq!(message, "unknown key `titel`");
    }

    #[test]
    fn impossible_dates_say_why() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Dated {
            date: crate::text::date::Date,
        }
        let err = parse::<Dated>("a.yaml", "date: 2019-02-30\n").unwrap_err();
        assert_eq!(err.hint().as_deref(), Some("February 2019 has 28 days"));
    }

    #[test]
    fn the_value_at_a_path_is_found_without_its_comment() {
        let text = "series:\n  - key: a\n    values:\n      2021:   1.234 # uppskattat\n";
        assert_eq!(
            path_value(text, "series[0].values.2021"),
            Some((text.find("1.234").unwrap(), "1.234"))
        );
        assert_eq!(path_value(text, "series[0].values"), None);
    }

    #[test]
    fn a_field_is_found_in_a_flow_or_a_block_mapping() {
        let flow = "series:\n  - key: a\n    values:\n      2021: { note: { sv: \"a, value: 2\", en: b }, value: 1.234, partial: true } # x\n";
        assert_eq!(
            path_field_value(flow, "series[0].values.2021", "value"),
            Some((flow.find("1.234").unwrap(), "1.234"))
        );
        let block = "series:\n  - key: a\n    values:\n      2021:\n        note:\n          sv: x\n        value: 1.234 # y\n        partial: true\n      2022:\n        value: 5\n";
        assert_eq!(
            path_field_value(block, "series[0].values.2021", "value"),
            Some((block.find("1.234").unwrap(), "1.234"))
        );
        let braces_below = "values:\n  2021:\n    { partial: true, value: 1.234 }\n  2022: 3\n";
        assert_eq!(
            path_field_value(braces_below, "values.2021", "value"),
            Some((braces_below.find("1.234").unwrap(), "1.234"))
        );
        // A mapping without the field never borrows the next period's.
        let without = "values:\n  2021:\n    partial: true\n  2022:\n    value: 1.234\n";
        assert_eq!(path_field_value(without, "values.2021", "value"), None);
        assert_eq!(
            path_field_value("values:\n  2021: 3\n", "values.2021", "value"),
            None
        );
    }
}
