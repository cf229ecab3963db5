//! Front matter: the YAML block at the top of an article file, as typed values.

use serde::{Deserialize, Serialize};

use crate::diagnostics::{Diagnostic, Location};
use crate::messages::{Phrase, Rule};
use crate::text::date::{Date, Day};
use crate::yaml;

/// What an editor writes between the `---` lines of an article.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub(crate) title: String,
    #[serde(default)]
    pub(crate) slug: Option<String>,
    #[serde(default)]
    pub(crate) date: Option<Date>,
    #[serde(default)]
    pub(crate) updated: Option<Date>,
    #[serde(default)]
    pub(crate) summary: Option<String>,
    #[serde(default)]
    pub(crate) tags: Vec<String>,
    #[serde(default)]
    pub(crate) draft: bool,
    #[serde(default)]
    pub(crate) expires: Option<Day>,
    /// Who answers for the page: an id under `owners:` in site.yaml (see [`crate::content::review`]).
    #[serde(default)]
    pub(crate) owner: Option<String>,
    /// The day the page was last read through and found right; shown on the page.
    #[serde(default)]
    pub(crate) reviewed: Option<Day>,
    /// The day the page is due for review, instead of `review_after_days` after `reviewed`.
    #[serde(default)]
    pub(crate) review_by: Option<Day>,
    #[serde(default)]
    pub(crate) image: Option<Image>,
    /// Position in sections sorted by `weight`, smallest first.
    #[serde(default)]
    pub(crate) weight: Option<i64>,
    /// Old addresses of this page (`/gamla/adressen/`), each kept as a redirect to it.
    #[serde(default)]
    pub(crate) aliases: Vec<String>,
}

/// The article's lead image.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Image {
    pub(crate) src: String,
    pub(crate) alt: String,
}

/// An article file split into its front matter and its Markdown body.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub front: FrontMatter,
    /// Byte offset in the file where the Markdown body starts.
    pub body_start: usize,
}

/// Splits `text` at its `---` lines and parses the front matter.
pub fn parse(file: &str, text: &str) -> Result<Parsed, Diagnostic> {
    let first_line_end = text.find('\n').map_or(text.len(), |i| i + 1);
    if text[..first_line_end].trim_end() != "---" {
        return Err(Diagnostic::error(file, Rule::FrontMatterMissing)
            .at(text, Location { line: 1, column: 1 })
            .with_hint(Phrase::FrontMatterMissingHint));
    }
    let yaml_start = first_line_end;
    let mut offset = yaml_start;
    let mut closing = None;
    for line in text[yaml_start..].split_inclusive('\n') {
        if line.trim_end() == "---" {
            closing = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let Some((yaml_end, body_start)) = closing else {
        return Err(Diagnostic::error(file, Rule::FrontMatterUnclosed)
            .at(text, Location { line: 1, column: 1 })
            .with_hint(Phrase::FrontMatterUnclosedHint));
    };
    let front: FrontMatter = yaml::parse_in(file, text, yaml_start, yaml_end)?;
    if front.title.trim().is_empty() {
        return Err(Diagnostic::error(file, Rule::TitleEmpty)
            .at(text, yaml::key_location(text, yaml_start, "title"))
            .with_hint(Phrase::TitleEmptyHint));
    }
    Ok(Parsed { front, body_start })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, NaiveTime};

    #[test]
    fn splits_front_matter_from_body() {
        let text = "---\ntitle: Hej\ndate: 2019-11-13\ntags: [a, b]\n---\n# Rubrik\n";
        let parsed = parse("sv.md", text).unwrap();
        assert_eq!(parsed.front.title, "Hej");
        assert_eq!(
            parsed.front.date.unwrap().0,
            NaiveDate::from_ymd_opt(2019, 11, 13).unwrap()
        );
        assert_eq!(parsed.front.tags, ["a", "b"]);
        assert_eq!(&text[parsed.body_start..], "# Rubrik\n");
    }

    #[test]
    fn a_bad_date_is_located_and_shows_the_right_form() {
        let text = "---\ntitle: Hej\ndate: 13/11/2019\n---\n";
        let err = parse("sv.md", text).unwrap_err();
        assert_eq!(err.location.unwrap().line, 3);
        assert!(
            err.message().contains("invalid date `13/11/2019`"),
            "{}",
            err.message()
        );
        assert!(err.hint().unwrap().contains("2019-11-13"));
    }

    #[test]
    fn missing_or_unclosed_front_matter_is_an_error() {
        assert!(
            parse("sv.md", "# Bara text\n")
                .unwrap_err()
                .message()
                .contains("does not start")
        );
        assert!(
            parse("sv.md", "---\ntitle: x\n")
                .unwrap_err()
                .message()
                .contains("never closed")
        );
        assert!(
            parse("sv.md", "---\ntitle: ''\n---\n")
                .unwrap_err()
                .message()
                .contains("empty")
        );
    }

    #[test]
    fn yaml_reads_a_date_with_a_time_in_every_form() {
        for (written, time) in [
            ("2019-11-13 10:00", (10, 0, 0)),
            ("2019-11-13T10:00", (10, 0, 0)),
            ("2019-11-13 10:00:30", (10, 0, 30)),
            ("2019-11-13T10:00:30", (10, 0, 30)),
            ("'2019-11-13 10:00'", (10, 0, 0)),
        ] {
            let text = format!("---\ntitle: Hej\ndate: {written}\nupdated: {written}\n---\n");
            let front = parse("sv.md", &text).unwrap().front;
            let expected = NaiveTime::from_hms_opt(time.0, time.1, time.2);
            assert_eq!(front.date.unwrap().1, expected, "{written}");
            assert_eq!(front.updated.unwrap().1, expected, "{written}");
        }
    }

    #[test]
    fn a_bad_time_is_located_and_shows_the_accepted_forms() {
        let text = "---\ntitle: Hej\ndate: 2019-11-13 25:00\n---\n";
        let err = parse("sv.md", text).unwrap_err();
        let location = err.location.unwrap();
        assert_eq!((location.line, location.column), (3, 7));
        assert!(
            err.message().contains("invalid date `2019-11-13 25:00`"),
            "{}",
            err.message()
        );
        let hint = err.hint().unwrap();
        assert!(hint.contains("2019-11-13 10:00"), "{hint}");
        assert!(hint.contains("2019-11-13T10:00"), "{hint}");
    }

    #[test]
    fn expires_takes_a_day_only() {
        let text = "---\ntitle: Hej\nexpires: 2019-11-13 10:00\n---\n";
        let err = parse("sv.md", text).unwrap_err();
        assert_eq!(err.location.unwrap().line, 3);
        assert!(!err.hint().unwrap().contains("10:00"));
    }
}
