//! The facts of the accessibility statement (`accessibility:` in `site.yaml`).
//!
//! DIGG (Myndigheten för digital förvaltning) fixes what a statement under
//! lag (2018:1937) holds: the service's name and who is behind it, the
//! compliance status, every known problem with the WCAG success criteria it
//! fails and when it will be fixed, content outside the law, how and when
//! compliance was assessed, a feedback channel and its response time, and the
//! statement's date. This module reads and validates those facts; the page
//! is written in `render`, and `check` warns when one is missing or out of
//! date. It does not decide which page shows them.

use serde::Deserialize;
use serde::de::{self, Deserializer};

use crate::diagnostics::{Diagnostic, closest};
use crate::i18n::{Lang, Localized};
use crate::messages::{Message, Phrase, Rule};
use crate::text::date::Day;
use crate::yaml;

/// DIGG's form for complaints about a public body's digital accessibility, linked from every statement.
pub(crate) const DIGG_COMPLAINT_URL: &str = "https://www.digg.se/tdosanmalan";

/// The facts of the statement, as written under `accessibility:`.
///
/// Every fact is optional when reading, so a statement can be written a
/// part at a time; `torget check` names each one still missing.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Accessibility {
    /// The digital service's name; the site's name when not given.
    #[serde(default)]
    pub(crate) service: Localized<String>,
    /// The public body behind it; the contact's name when not given.
    #[serde(default)]
    pub(crate) organisation: Localized<String>,
    #[serde(default)]
    pub(crate) status: Option<Status>,
    /// Known problems: content that is not accessible.
    #[serde(default)]
    pub(crate) problems: Vec<Problem>,
    /// Content exempted as a disproportionate burden (12 §), with the reason.
    #[serde(default)]
    pub(crate) burden: Localized<String>,
    /// Content outside the law's scope (9 §).
    #[serde(default)]
    pub(crate) outside_law: Localized<String>,
    /// How compliance was assessed (a self-assessment, an outside review …).
    #[serde(default)]
    pub(crate) method: Localized<String>,
    /// When compliance was last assessed.
    #[serde(default)]
    pub(crate) assessed: Option<Day>,
    /// Where readers report problems; the site's contact when not given.
    #[serde(default)]
    pub(crate) feedback: Option<Feedback>,
    /// How soon readers get an answer ("två arbetsdagar").
    #[serde(default)]
    pub(crate) response_time: Localized<String>,
    /// The statement's date: when it was last reviewed and updated.
    #[serde(default)]
    pub(crate) date: Option<Day>,
}

/// How far the service complies with the law, in DIGG's three words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Status {
    /// Helt förenlig: fully compliant.
    Full,
    /// Delvis förenlig: partially compliant.
    Partial,
    /// Inte förenlig: not compliant.
    None,
}

impl Status {
    /// The key of the sentence that says it, in the theme's interface strings.
    pub(crate) fn string_key(self) -> &'static str {
        match self {
            Status::Full => "statement_status_full",
            Status::Partial => "statement_status_partial",
            Status::None => "statement_status_none",
        }
    }
}

/// One known problem.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Problem {
    /// The WCAG success criteria it fails.
    #[serde(default)]
    pub(crate) criteria: Vec<CriterionId>,
    /// What it is and what it means for readers.
    #[serde(default)]
    pub(crate) description: Localized<String>,
    /// When it will be fixed.
    #[serde(default)]
    pub(crate) fix_by: Option<Day>,
}

/// Where readers report problems and ask for content in another form.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Feedback {
    #[serde(default)]
    pub(crate) email: Option<String>,
    /// A form or contact page.
    #[serde(default)]
    pub(crate) url: Option<String>,
}

/// A success criterion as written (`1.4.3`), not yet checked against [`WCAG_21`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CriterionId(pub(crate) String);

impl<'de> Deserialize<'de> for CriterionId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // `1.4` (no such criterion) reads as a number in YAML; it gets the
        // same "unknown criterion" as any other, not a type error.
        struct Visitor;
        impl de::Visitor<'_> for Visitor {
            type Value = CriterionId;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a WCAG success criterion such as 1.4.3")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<CriterionId, E> {
                Ok(CriterionId(text.trim().to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<CriterionId, E> {
                Ok(CriterionId(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<CriterionId, E> {
                Ok(CriterionId(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<CriterionId, E> {
                Ok(CriterionId(v.to_string()))
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

/// A WCAG 2.1 success criterion at level A or AA, which the law requires.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Criterion {
    pub(crate) id: &'static str,
    /// Its name in WCAG, in English (W3C's normative text).
    pub(crate) name: &'static str,
    pub(crate) level: &'static str,
}

const fn sc(id: &'static str, name: &'static str, level: &'static str) -> Criterion {
    Criterion { id, name, level }
}

/// Every WCAG 2.1 success criterion at levels A and AA (EN 301 549 chapter 9, which DIGG's regulations, MDFFS 2019:2, point to).
pub(crate) const WCAG_21: [Criterion; 50] = [
    sc("1.1.1", "Non-text Content", "A"),
    sc("1.2.1", "Audio-only and Video-only (Prerecorded)", "A"),
    sc("1.2.2", "Captions (Prerecorded)", "A"),
    sc(
        "1.2.3",
        "Audio Description or Media Alternative (Prerecorded)",
        "A",
    ),
    sc("1.2.4", "Captions (Live)", "AA"),
    sc("1.2.5", "Audio Description (Prerecorded)", "AA"),
    sc("1.3.1", "Info and Relationships", "A"),
    sc("1.3.2", "Meaningful Sequence", "A"),
    sc("1.3.3", "Sensory Characteristics", "A"),
    sc("1.3.4", "Orientation", "AA"),
    sc("1.3.5", "Identify Input Purpose", "AA"),
    sc("1.4.1", "Use of Color", "A"),
    sc("1.4.2", "Audio Control", "A"),
    sc("1.4.3", "Contrast (Minimum)", "AA"),
    sc("1.4.4", "Resize Text", "AA"),
    sc("1.4.5", "Images of Text", "AA"),
    sc("1.4.10", "Reflow", "AA"),
    sc("1.4.11", "Non-text Contrast", "AA"),
    sc("1.4.12", "Text Spacing", "AA"),
    sc("1.4.13", "Content on Hover or Focus", "AA"),
    sc("2.1.1", "Keyboard", "A"),
    sc("2.1.2", "No Keyboard Trap", "A"),
    sc("2.1.4", "Character Key Shortcuts", "A"),
    sc("2.2.1", "Timing Adjustable", "A"),
    sc("2.2.2", "Pause, Stop, Hide", "A"),
    sc("2.3.1", "Three Flashes or Below Threshold", "A"),
    sc("2.4.1", "Bypass Blocks", "A"),
    sc("2.4.2", "Page Titled", "A"),
    sc("2.4.3", "Focus Order", "A"),
    sc("2.4.4", "Link Purpose (In Context)", "A"),
    sc("2.4.5", "Multiple Ways", "AA"),
    sc("2.4.6", "Headings and Labels", "AA"),
    sc("2.4.7", "Focus Visible", "AA"),
    sc("2.5.1", "Pointer Gestures", "A"),
    sc("2.5.2", "Pointer Cancellation", "A"),
    sc("2.5.3", "Label in Name", "A"),
    sc("2.5.4", "Motion Actuation", "A"),
    sc("3.1.1", "Language of Page", "A"),
    sc("3.1.2", "Language of Parts", "AA"),
    sc("3.2.1", "On Focus", "A"),
    sc("3.2.2", "On Input", "A"),
    sc("3.2.3", "Consistent Navigation", "AA"),
    sc("3.2.4", "Consistent Identification", "AA"),
    sc("3.3.1", "Error Identification", "A"),
    sc("3.3.2", "Labels or Instructions", "A"),
    sc("3.3.3", "Error Suggestion", "AA"),
    sc("3.3.4", "Error Prevention (Legal, Financial, Data)", "AA"),
    sc("4.1.1", "Parsing", "A"),
    sc("4.1.2", "Name, Role, Value", "A"),
    sc("4.1.3", "Status Messages", "AA"),
];

/// The criterion numbered `id` (`1.4.3`), if WCAG 2.1 has one at level A or AA.
pub(crate) fn criterion(id: &str) -> Option<&'static Criterion> {
    WCAG_21.iter().find(|c| c.id == id)
}

impl Accessibility {
    /// What site.yaml's `accessibility:` says that cannot be right, located
    /// in `text` (site.yaml): unknown criteria, texts missing a language, a
    /// feedback address that is none, and facts with no page to show them
    /// (`has_page`: `accessibility_statement` names one). `web_address_problem`
    /// is the settings' test of a web address.
    pub(crate) fn problems_in(
        &self,
        file: &str,
        text: &str,
        languages: &[Lang],
        has_page: bool,
        web_address_problem: fn(&str) -> Option<Message>,
    ) -> Vec<Diagnostic> {
        let mut errors = Vec::new();
        if !has_page {
            errors.push(
                Diagnostic::error(file, Rule::AccessibilityNoPage)
                    .at(text, yaml::key_location(text, 0, "accessibility"))
                    .with_hint(Phrase::AccessibilityNoPageHint),
            );
        }
        let feedback = self.feedback.as_ref();
        if let Some(problem) = feedback
            .and_then(|f| f.url.as_deref())
            .and_then(web_address_problem)
        {
            errors.push(
                Diagnostic::error(
                    file,
                    Rule::AccessibilityFeedbackInvalid.with("problem", problem),
                )
                .at(text, feedback_location(text, "url"))
                .with_hint(Phrase::WebAddressHint),
            );
        }
        if let Some(email) = feedback
            .and_then(|f| f.email.as_deref())
            .filter(|e| !is_email_address(e))
        {
            let problem = Phrase::NotAnEmailAddress.with("address", email);
            errors.push(
                Diagnostic::error(
                    file,
                    Rule::AccessibilityFeedbackInvalid.with("problem", problem),
                )
                .at(text, feedback_location(text, "email"))
                .with_hint(Phrase::FeedbackEmailHint),
            );
        }
        let mut need = |path: &str, what: Message, texts: &Localized<String>| {
            let at = yaml::path_location(text, &format!("accessibility.{path}"));
            // A text written empty would leave a gap in a sentence of the page.
            for lang in languages {
                if texts.get(*lang).is_some_and(|t| t.trim().is_empty()) {
                    errors.push(
                        Diagnostic::error(
                            file,
                            Rule::AccessibilityTextEmpty
                                .with("what", what.clone())
                                .with("language", lang.name()),
                        )
                        .at(text, at)
                        .with_hint(Phrase::AccessibilityTextEmptyHint),
                    );
                }
            }
            let missing = texts.missing(languages);
            // Absent altogether is a fact still to write, which `check` names.
            if missing.len() == languages.len() {
                return;
            }
            for lang in missing {
                errors.push(
                    Diagnostic::error(
                        file,
                        Rule::AccessibilityTextMissingLanguage
                            .with("what", what.clone())
                            .with("language", lang.name()),
                    )
                    .at(text, at)
                    .with_hint(Phrase::AddLanguageKey.with("code", lang.code())),
                );
            }
        };
        for key in [
            "service",
            "organisation",
            "burden",
            "outside_law",
            "method",
            "response_time",
        ] {
            need(key, Message::verbatim(format!("`{key}`")), self.text(key));
        }
        for (i, problem) in self.problems.iter().enumerate() {
            need(
                &format!("problems[{i}].description"),
                Message::verbatim(format!("`problems[{i}].description`")),
                &problem.description,
            );
        }
        // A known problem says what is not accessible and which criteria it fails.
        for (i, problem) in self.problems.iter().enumerate() {
            let item = format!("accessibility.problems[{i}]");
            if problem.criteria.is_empty() {
                errors.push(
                    Diagnostic::error(file, Rule::AccessibilityProblemNoCriteria)
                        .at(
                            text,
                            yaml::first_path_location(text, &[&format!("{item}.criteria"), &item]),
                        )
                        .with_hint(Phrase::AccessibilityProblemNoCriteriaHint),
                );
            }
            if problem.description.missing(languages).len() == languages.len() {
                errors.push(
                    Diagnostic::error(file, Rule::AccessibilityProblemNoDescription)
                        .at(text, yaml::path_location(text, &item))
                        .with_hint(Phrase::AccessibilityProblemNoDescriptionHint),
                );
            }
        }
        for (i, problem) in self.problems.iter().enumerate() {
            let at = yaml::path_location(text, &format!("accessibility.problems[{i}].criteria"));
            for written in &problem.criteria {
                if criterion(&written.0).is_some() {
                    continue;
                }
                let hint = match closest(&written.0, WCAG_21.iter().map(|c| c.id)) {
                    Some(id) => Phrase::DidYouMeanCriterion
                        .with("criterion", id)
                        .with("name", criterion(id).map_or("", |c| c.name)),
                    None => Phrase::CriterionHint.into(),
                };
                errors.push(
                    Diagnostic::error(
                        file,
                        Rule::AccessibilityUnknownCriterion.with("criterion", &written.0),
                    )
                    .at(text, criterion_location(text, at, &written.0))
                    .with_hint(hint),
                );
            }
        }
        errors
    }

    /// The text map under top-level `key` of the block.
    fn text(&self, key: &str) -> &Localized<String> {
        match key {
            "service" => &self.service,
            "organisation" => &self.organisation,
            "burden" => &self.burden,
            "outside_law" => &self.outside_law,
            "method" => &self.method,
            _ => &self.response_time,
        }
    }
}

/// Where the feedback's `field` is written, in a flow mapping or a block; else where `feedback:` is.
fn feedback_location(text: &str, field: &str) -> crate::diagnostics::Location {
    match yaml::path_field_value(text, "accessibility.feedback", field) {
        Some((offset, _)) => crate::diagnostics::Location::of_offset(text, offset),
        None => yaml::path_location(text, "accessibility.feedback"),
    }
}

/// Whether `address` reads as an e-mail address (`name@example.org`) a `mailto:` link can take.
pub(crate) fn is_email_address(address: &str) -> bool {
    let Some((name, host)) = address.split_once('@') else {
        return false;
    };
    !name.is_empty()
        && host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && !host.contains('@')
        && !address.contains(|c: char| {
            c.is_whitespace() || matches!(c, '<' | '>' | '"' | ',' | ':' | '?' | '/' | '&')
        })
}

/// Where `written` stands after the `criteria:` key at `key`, or the key itself.
fn criterion_location(
    text: &str,
    key: crate::diagnostics::Location,
    written: &str,
) -> crate::diagnostics::Location {
    let start: usize = text
        .split_inclusive('\n')
        .take(key.line.saturating_sub(1))
        .map(str::len)
        .sum();
    // The list is on the key's line (`[3.1.2, 1.4.3]`) or on the lines below (`- 3.1.2`).
    let rest = &text[start..];
    let end = rest
        .char_indices()
        .skip(1)
        .find(|&(i, _)| {
            let line = &rest[i..];
            rest[..i].ends_with('\n')
                && !line.trim_start().starts_with('-')
                && !line.trim().is_empty()
        })
        .map_or(rest.len(), |(i, _)| i);
    match rest[..end].find(written) {
        Some(at) if !written.is_empty() => {
            crate::diagnostics::Location::of_offset(text, start + at)
        }
        _ => key,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wcag_21_has_thirty_level_a_and_twenty_level_aa_criteria_once_each() {
        let a = WCAG_21.iter().filter(|c| c.level == "A").count();
        let aa = WCAG_21.iter().filter(|c| c.level == "AA").count();
        assert_eq!((a, aa), (30, 20));
        let mut ids: Vec<&str> = WCAG_21.iter().map(|c| c.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), 50);
        assert_eq!(
            criterion("3.1.2").map(|c| c.name),
            Some("Language of Parts")
        );
        assert_eq!(criterion("1.4.11").map(|c| c.level), Some("AA"));
        // AAA criteria are not required by the law.
        assert_eq!(criterion("1.4.6"), None);
    }

    fn no_web_problem(_: &str) -> Option<Message> {
        None
    }

    #[test]
    fn e_mail_addresses_are_told_from_other_text() {
        assert!(is_email_address("tillganglighet@malmo.se"));
        for bad in [
            "mailto:a@b.se",
            "a@b",
            "@b.se",
            "a b@c.se",
            "a@b.se?subject=x",
            "a@@b.se",
        ] {
            assert!(!is_email_address(bad), "{bad}");
        }
    }

    #[test]
    fn facts_without_a_page_and_a_bad_feedback_address_are_errors() {
        let text = "accessibility:\n  feedback:\n    email: mailto:a@b.se\n";
        let errors =
            parsed(text).problems_in("site.yaml", text, &[Lang::SV], false, no_web_problem);
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            lines,
            [
                "site.yaml:1:1: `accessibility:` holds the statement's facts, but no page shows them",
                "site.yaml:3:12: the feedback address `mailto:a@b.se` is not an e-mail address",
            ]
        );
    }

    fn parsed(yaml_text: &str) -> Accessibility {
        #[derive(Deserialize)]
        struct Wrapper {
            accessibility: Accessibility,
        }
        yaml::parse::<Wrapper>("site.yaml", yaml_text)
            .unwrap()
            .accessibility
    }

    #[test]
    fn an_unknown_criterion_is_located_with_the_nearest_one() {
        let text = "accessibility:\n  problems:\n    - criteria: [1.4.3, 3.1.9]\n      description: { sv: a, en: b }\n";
        let errors = parsed(text).problems_in(
            "site.yaml",
            text,
            &[Lang::SV, Lang::EN],
            true,
            no_web_problem,
        );
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(
            errors[0].to_string(),
            "site.yaml:3:25: `3.1.9` is not a WCAG 2.1 success criterion at level A or AA"
        );
        assert!(errors[0].hint().unwrap_or_default().contains("`3.1.1`"));
    }

    #[test]
    fn criteria_in_a_block_list_and_as_numbers_are_read() {
        let text = "accessibility:\n  problems:\n    - criteria:\n        - 2.4.6\n        - 1.4\n      description: { sv: a }\n";
        let facts = parsed(text);
        assert_eq!(facts.problems[0].criteria[1], CriterionId("1.4".into()));
        let errors = facts.problems_in("site.yaml", text, &[Lang::SV], true, no_web_problem);
        assert_eq!(errors.len(), 1);
        assert_eq!(
            errors[0].location.map(|l| (l.line, l.column)),
            Some((5, 11))
        );
    }

    #[test]
    fn a_text_missing_one_language_is_an_error_but_one_not_written_is_not() {
        let text = "accessibility:\n  method: { sv: Självskattning }\n";
        let errors = parsed(text).problems_in(
            "site.yaml",
            text,
            &[Lang::SV, Lang::EN],
            true,
            no_web_problem,
        );
        assert_eq!(errors.len(), 1);
        assert_eq!(
            errors[0].to_string(),
            "site.yaml:2:3: `method` has no English text"
        );
        let text = "accessibility:\n  status: partial\n";
        assert!(
            parsed(text)
                .problems_in(
                    "site.yaml",
                    text,
                    &[Lang::SV, Lang::EN],
                    true,
                    no_web_problem
                )
                .is_empty()
        );
    }

    #[test]
    fn an_unknown_status_suggests_the_right_word() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Wrapper {
            accessibility: Accessibility,
        }
        let err =
            yaml::parse::<Wrapper>("site.yaml", "accessibility:\n  status: parital\n").unwrap_err();
        assert_eq!(err.location.map(|l| (l.line, l.column)), Some((2, 11)));
        assert!(err.message().contains("unknown value `parital`"), "{err}");
        assert_eq!(err.hint().as_deref(), Some("did you mean `partial`?"));
    }
}
