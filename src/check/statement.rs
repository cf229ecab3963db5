//! What `check` says about the accessibility statement (`accessibility:` in site.yaml).
//!
//! DIGG requires a statement to be reviewed at least once a year, to say when
//! each known problem will be fixed, and to hold a fixed set of facts. This
//! warns, at the line in site.yaml, when the statement is over a year old on
//! the day of the check, when a problem's planned fix date has passed, when a
//! required fact is missing, when the site has no statement at all, when
//! the feedback channel is only the site's contact, and when the status
//! contradicts the problems listed. Whether the facts are well formed is the
//! loader's business.

use chrono::{Months, NaiveDate};

use crate::accessibility::{Accessibility, Status};
use crate::config::{FILE, SiteConfig};
use crate::diagnostics::{Diagnostic, Location};
use crate::messages::{Phrase, Rule};
use crate::yaml;

/// Findings about the statement as of `today`; `text` is site.yaml's, to point into.
pub(crate) fn findings(config: &SiteConfig, text: &str, today: NaiveDate) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let at = |path: &str| yaml::path_location(text, &format!("accessibility.{path}"));
    let block = yaml::key_location(text, 0, "accessibility");
    let warn = |rule: crate::messages::Message, location: Location| {
        Diagnostic::warning(FILE, rule).at(text, location)
    };
    let Some(facts) = &config.accessibility else {
        // A statement page with none of its facts is a statement still to write.
        if config.accessibility_statement.is_some() {
            found.push(
                warn(
                    Rule::StatementFactMissing.with("fact", Phrase::FactFacts),
                    yaml::key_location(text, 0, "accessibility_statement"),
                )
                .with_hint(Phrase::StatementFactMissingHint.with("key", "status")),
            );
        } else {
            // Lag (2018:1937) requires every public body's site to have one.
            found.push(
                warn(Rule::StatementNone.into(), Location { line: 1, column: 1 })
                    .with_hint(Phrase::StatementNoneHint),
            );
        }
        return found;
    };
    let missing = |fact: Phrase, key: &str, location: Location| {
        warn(Rule::StatementFactMissing.with("fact", fact), location)
            .with_hint(Phrase::StatementFactMissingHint.with("key", key))
    };
    let languages = &config.languages;
    let absent =
        |texts: &crate::i18n::Localized<String>| texts.missing(languages).len() == languages.len();

    if absent(&facts.organisation) && config.contact.is_none() {
        found.push(missing(Phrase::FactOrganisation, "organisation", block));
    }
    match facts.status {
        None => found.push(missing(Phrase::FactStatus, "status", block)),
        Some(Status::Full) if !facts.problems.is_empty() => found.push(
            warn(
                Rule::StatementStatusMismatch
                    .with("status", "full")
                    .with("count", facts.problems.len().to_string()),
                at("status"),
            )
            .with_hint(Phrase::StatementStatusFullHint),
        ),
        Some(status @ (Status::Partial | Status::None)) if facts.problems.is_empty() => {
            let word = if status == Status::Partial {
                "partial"
            } else {
                "none"
            };
            found.push(
                warn(
                    Rule::StatementStatusMismatch
                        .with("status", word)
                        .with("count", "0"),
                    at("status"),
                )
                .with_hint(Phrase::StatementStatusProblemsHint),
            );
        }
        Some(_) => {}
    }
    found.extend(problems(facts, text, today));
    if absent(&facts.outside_law) {
        found.push(missing(Phrase::FactOutsideLaw, "outside_law", block));
    }
    if absent(&facts.method) {
        found.push(missing(Phrase::FactMethod, "method", block));
    }
    if facts.assessed.is_none() {
        found.push(missing(Phrase::FactAssessed, "assessed", block));
    }
    let contact = config.contact.as_ref();
    let channel = match &facts.feedback {
        Some(feedback) => feedback.email.is_some() || feedback.url.is_some(),
        None => contact.is_some_and(|c| c.email.is_some() || c.url.is_some()),
    };
    if !channel {
        found.push(missing(Phrase::FactFeedback, "feedback", block));
    } else if facts.feedback.is_none() {
        // The contact (often the organisation's home page) stands in, but it
        // is not a channel for reporting accessibility problems.
        let shown = contact.and_then(|c| c.email.clone().or_else(|| c.url.clone()));
        found.push(
            warn(
                Rule::StatementFeedbackFromContact.with("contact", shown.unwrap_or_default()),
                block,
            )
            .with_hint(Phrase::StatementFeedbackFromContactHint),
        );
    }
    if absent(&facts.response_time) {
        found.push(missing(Phrase::FactResponseTime, "response_time", block));
    }
    match facts.date {
        None => found.push(missing(Phrase::FactDate, "date", block)),
        Some(date) => {
            let due = date.0.checked_add_months(Months::new(12));
            if due.is_some_and(|due| due < today) {
                found.push(
                    warn(
                        Rule::StatementOld
                            .with("date", date.0.to_string())
                            .with("age", (today - date.0).num_days().to_string()),
                        at("date"),
                    )
                    .with_hint(Phrase::StatementOldHint),
                );
            }
        }
    }
    found
}

/// Known problems with no fix date, or whose fix date has passed.
fn problems(facts: &Accessibility, text: &str, today: NaiveDate) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for (i, problem) in facts.problems.iter().enumerate() {
        let criteria = problem
            .criteria
            .iter()
            .map(|c| c.0.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        match problem.fix_by {
            None => found.push(
                Diagnostic::warning(
                    FILE,
                    Rule::StatementFactMissing.with("fact", Phrase::FactFixBy),
                )
                .at(
                    text,
                    yaml::path_location(text, &format!("accessibility.problems[{i}]")),
                )
                .with_hint(Phrase::StatementFixByHint),
            ),
            Some(day) if day.0 < today => found.push(
                Diagnostic::warning(
                    FILE,
                    Rule::StatementFixDatePassed
                        .with("date", day.0.to_string())
                        .with("criteria", criteria),
                )
                .at(
                    text,
                    yaml::path_location(text, &format!("accessibility.problems[{i}].fix_by")),
                )
                .with_hint(Phrase::StatementFixDatePassedHint),
            ),
            Some(_) => {}
        }
    }
    found
}

/// The statement page's own `updated` against the statement's `date`: the
/// page shows both ("Senast uppdaterad" under the heading, and "Redogörelsen
/// uppdaterades senast" in the statement), so they must not disagree.
///
/// A warning rather than hiding one of them: the page is an ordinary
/// article, whose template every page shares, and an edit to its own text
/// may be dated apart from a review of the statement; the editor decides
/// which is right.
pub(crate) fn dates(site: &crate::site::Site) -> Vec<Diagnostic> {
    let config = &site.config;
    let (Some(target), Some(date)) = (
        config.accessibility_statement.as_deref(),
        config.accessibility.as_ref().and_then(|a| a.date),
    ) else {
        return Vec::new();
    };
    let key = target
        .strip_prefix("@/")
        .unwrap_or(target)
        .trim_matches('/');
    let Some(article) = site.content.articles.get(key) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for translation in article.translations.values() {
        let Some(updated) = translation.front.updated.filter(|u| u.0 != date.0) else {
            continue;
        };
        found.push(
            Diagnostic::warning(
                &translation.file,
                Rule::StatementDatesDiffer
                    .with("updated", updated.0.to_string())
                    .with("date", date.0.to_string()),
            )
            .at(
                &translation.text,
                yaml::value_location(&translation.text, 0, "updated"),
            )
            .with_hint(Phrase::StatementDatesDifferHint.with("date", date.0.to_string())),
        );
    }
    found
}
