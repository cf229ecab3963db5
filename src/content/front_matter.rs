//! Front matter: the YAML block at the top of an article file, as typed values.

use chrono::NaiveDate;
use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize};

use crate::diagnostics::{Diagnostic, Location};
use crate::yaml;

/// What an editor writes between the `---` lines of an article.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: String,
    #[serde(default)]
    pub slug: Option<String>,
    #[serde(default)]
    pub date: Option<Date>,
    #[serde(default)]
    pub updated: Option<Date>,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub draft: bool,
    #[serde(default)]
    pub expires: Option<Date>,
    #[serde(default)]
    pub image: Option<Image>,
    /// Position in sections sorted by `weight`, smallest first.
    #[serde(default)]
    pub weight: Option<i64>,
}

/// The article's lead image.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Image {
    pub src: String,
    pub alt: String,
}

/// A calendar date written `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub NaiveDate);

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // A visitor, so that serde_yaml places the error at the value itself.
        struct DateVisitor;
        impl de::Visitor<'_> for DateVisitor {
            type Value = Date;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a date written YYYY-MM-DD")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Date, E> {
                parse_date(text)
                    .map(Date)
                    .ok_or_else(|| E::custom(format!("invalid date `{text}`, expected YYYY-MM-DD")))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Date, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Date, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Date, E> {
                self.visit_str(&v.to_string())
            }
        }
        deserializer.deserialize_str(DateVisitor)
    }
}

/// A date in the one form torget reads: `2019-11-13`.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    if text.len() != 10 {
        return None;
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
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
        return Err(
            Diagnostic::error(file, "the file does not start with front matter")
                .at(text, Location { line: 1, column: 1 })
                .with_hint(
                    "start the file with a line `---`, then `title: …`, then another line `---`",
                ),
        );
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
        return Err(Diagnostic::error(file, "the front matter is never closed")
            .at(text, Location { line: 1, column: 1 })
            .with_hint("end the front matter with a line holding only `---`"));
    };
    let front: FrontMatter = yaml::parse_in(file, text, yaml_start, yaml_end)?;
    if front.title.trim().is_empty() {
        return Err(Diagnostic::error(file, "the title is empty")
            .at(text, yaml::key_location(text, yaml_start, "title"))
            .with_hint("write the article's headline after `title:`"));
    }
    Ok(Parsed { front, body_start })
}

#[cfg(test)]
mod tests {
    use super::*;

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
            err.message.contains("invalid date `13/11/2019`"),
            "{}",
            err.message
        );
        assert!(err.hint.unwrap().contains("2019-11-13"));
    }

    #[test]
    fn missing_or_unclosed_front_matter_is_an_error() {
        assert!(
            parse("sv.md", "# Bara text\n")
                .unwrap_err()
                .message
                .contains("does not start")
        );
        assert!(
            parse("sv.md", "---\ntitle: x\n")
                .unwrap_err()
                .message
                .contains("never closed")
        );
        assert!(
            parse("sv.md", "---\ntitle: ''\n---\n")
                .unwrap_err()
                .message
                .contains("empty")
        );
    }

    #[test]
    fn dates_must_be_real_and_in_one_form() {
        assert!(parse_date("2019-02-29").is_none());
        assert!(parse_date("2019-1-3").is_none());
        assert!(parse_date("2020-02-29").is_some());
    }
}
