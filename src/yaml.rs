//! Reading YAML into typed values, with errors a content editor can act on.
//!
//! Wraps `serde_yaml` so that every error becomes a [`Diagnostic`] at the
//! right line and column of the user's file (front matter included) with a
//! hint: a misspelt key suggests the right one, a wrong type says what is
//! expected. It knows nothing about what the values mean.

use serde::de::DeserializeOwned;

use crate::diagnostics::{Diagnostic, Location, closest};

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
        let mut offset = error.location().map_or(start, |l| start + l.index());
        let raw = error.to_string();
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
        if (message.contains("invalid date `") || message.contains("unknown variant `"))
            && let Some(value) = message.split('`').nth(1).filter(|v| !v.is_empty())
            && let Some(found) = text.get(offset..end).and_then(|rest| rest.find(value))
        {
            offset += found;
        }
        let (message, hint) = explain(strip_position(&raw));
        let mut diagnostic = Diagnostic::error(file, message).at_offset(text, offset);
        if let Some(hint) = hint {
            diagnostic = diagnostic.with_hint(hint);
        }
        diagnostic
    })
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
    let mut min_indent = 0;
    let mut found = None;
    for segment in path.split('.') {
        let (key, index) = match segment.split_once('[') {
            Some((key, rest)) => (key, rest.trim_end_matches(']').parse::<usize>().ok()),
            None => (segment, None),
        };
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

/// The location of the key at `path` (`series[1].label`) in YAML `text`, or of the start if not found.
pub(crate) fn path_location(text: &str, path: &str) -> Location {
    let offset = path_offset(text, 0, text.len(), path).unwrap_or(0);
    Location::of_offset(text, offset)
}

fn strip_position(raw: &str) -> &str {
    match raw.find(" at line ") {
        Some(i) => &raw[..i],
        None => raw,
    }
}

/// Turns serde's wording into ours, with a hint where we can give one.
fn explain(raw: &str) -> (String, Option<String>) {
    // serde prefixes nested errors with the path to the value ("image.alt: …").
    let (path, message) = match raw.split_once(": ") {
        Some((path, rest)) if !path.contains(' ') => (Some(path), rest),
        _ => (None, raw),
    };
    let at = |s: String| match path {
        Some(p) => format!("in `{p}`: {s}"),
        None => s,
    };
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (key, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let allowed = backticked(expected);
        let hint = match closest(key, allowed.iter().copied()) {
            Some(best) => format!("did you mean `{best}`?"),
            None if allowed.is_empty() => "remove this key".to_string(),
            None => format!("the keys allowed here are {}", list(&allowed)),
        };
        return (at(format!("unknown key `{key}`")), Some(hint));
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        let (value, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let allowed = backticked(expected);
        let hint = match closest(value, allowed.iter().copied()) {
            Some(best) => format!("did you mean `{best}`?"),
            None => format!("write one of {}", list(&allowed)),
        };
        return (at(format!("unknown value `{value}`")), Some(hint));
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let key = rest.split('`').next().unwrap_or(rest);
        return (
            at(format!("missing key `{key}`")),
            Some(format!("add a line `{key}: …`")),
        );
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let hint = match expected {
            "a boolean" => "write `true` or `false`".to_string(),
            e if e.contains("sequence") => "write a list, e.g. `[one, two]`".to_string(),
            e if e.contains("map") => "write keys on indented lines below this one".to_string(),
            e if e.contains("string") => {
                "write text; put it in quotes if it looks like a number or date".to_string()
            }
            e => format!("write {e}"),
        };
        return (
            at(format!("wrong type: found {found}, expected {expected}")),
            Some(hint),
        );
    }
    if let Some(rest) = message.strip_prefix("duplicate field `") {
        let key = rest.split('`').next().unwrap_or(rest);
        return (
            at(format!("key `{key}` appears twice")),
            Some("keep one of them".to_string()),
        );
    }
    if let Some(rest) = message.strip_prefix("invalid date ") {
        // Where a time is allowed the value's type says so after "expected".
        let hint = if rest.contains("HH:MM") {
            "write dates as YYYY-MM-DD, e.g. 2019-11-13; add a Swedish time as `2019-11-13 10:00`, `2019-11-13T10:00` or with seconds `2019-11-13 10:00:00`"
        } else {
            "write dates as YYYY-MM-DD, e.g. 2019-11-13"
        };
        return (
            at(format!(
                "invalid date {}",
                rest.split(", expected").next().unwrap_or(rest)
            )),
            Some(hint.to_string()),
        );
    }
    if message.contains("mapping values are not allowed")
        || message.contains("did not find expected")
        || message.contains("found character that cannot start")
        || message.contains("could not find expected")
    {
        return (
            format!("malformed YAML: {message}"),
            Some("check the indentation and put text containing `:` or `#` in quotes".to_string()),
        );
    }
    (at(message.to_string()), None)
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
        assert_eq!(err.hint.as_deref(), Some("did you mean `title`?"));
    }

    #[test]
    fn wrong_type_names_what_was_expected() {
        let text = "title: Hej\ndraft: kanske\n";
        let err = parse::<Front>("a.yaml", text).unwrap_err();
        assert_eq!(err.location.unwrap().line, 2);
        assert!(
            err.message.contains("expected a boolean"),
            "{}",
            err.message
        );
        assert_eq!(err.hint.as_deref(), Some("write `true` or `false`"));
    }

    #[test]
    fn malformed_yaml_is_located() {
        let text = "title: Hej\n  - x: [\n";
        let err = parse::<Front>("a.yaml", text).unwrap_err();
        assert!(err.message.starts_with("malformed YAML"), "{}", err.message);
        assert!(err.location.is_some());
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
            err.message.contains("unknown key `width`"),
            "{}",
            err.message
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
}
