//! Ownership and review of pages: `owner`, `reviewed` and `review_by` in
//! front matter, checked against `owners:` and `review_after_days` in site.yaml.
//!
//! A page is due for review on its `review_by` when it has one, else
//! `review_after_days` after `reviewed`. `review_by` wins even when it is
//! later: it is the owner's own decision for that page (a page a law fixes
//! for two years, or an event page due sooner), and taking the earlier date
//! would silently ignore what they wrote. A page with neither is never
//! reviewed, and never due.

use chrono::NaiveDate;

use super::{Content, FrontMatter};
use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, closest};
use crate::messages::{Phrase, Rule};
use crate::yaml;

/// The day the page is due for review, if it has a `reviewed` or `review_by` date.
pub(crate) fn due(front: &FrontMatter, after_days: i64) -> Option<NaiveDate> {
    if let Some(by) = front.review_by {
        return Some(by.0);
    }
    let reviewed = front.reviewed?.0;
    let days = u64::try_from(after_days).ok()?;
    // A date past chrono's last year is never due.
    reviewed.checked_add_days(chrono::Days::new(days))
}

/// Errors in the review keys of every published translation: `review_by`
/// before `reviewed`, and an `owner` that site.yaml's `owners:` does not list.
pub(crate) fn problems(config: &SiteConfig, content: &Content) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for article in content.articles.values() {
        for translation in article.translations.values() {
            let (front, text, file) = (&translation.front, &translation.text, &translation.file);
            if let (Some(reviewed), Some(by)) = (front.reviewed, front.review_by)
                && by.0 < reviewed.0
            {
                found.push(
                    Diagnostic::error(
                        file,
                        Rule::ReviewByBeforeReviewed
                            .with("review_by", by.0.to_string())
                            .with("reviewed", reviewed.0.to_string()),
                    )
                    .at(text, yaml::value_location(text, 0, "review_by"))
                    .with_hint(Phrase::ReviewByBeforeReviewedHint),
                );
            }
            let (Some(owner), Some(owners)) = (&front.owner, &config.review.owners) else {
                continue;
            };
            if owners.contains_key(owner) {
                continue;
            }
            let hint = match closest(owner, owners.keys().map(String::as_str)) {
                Some(suggestion) => Phrase::DidYouMean.with("suggestion", suggestion),
                None if owners.is_empty() => {
                    Phrase::OwnerUnknownEmptyHint.with("owner", owner.as_str())
                }
                None => Phrase::OwnerUnknownHint
                    .with(
                        "owners",
                        (owners.keys())
                            .map(|id| format!("`{id}`"))
                            .collect::<Vec<_>>()
                            .join(", "),
                    )
                    .with("owner", owner.as_str()),
            };
            found.push(
                Diagnostic::error(file, Rule::OwnerUnknown.with("owner", owner.as_str()))
                    .at(text, yaml::value_location(text, 0, "owner"))
                    .with_hint(hint),
            );
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::front_matter;

    fn front(keys: &str) -> FrontMatter {
        front_matter::parse("sv.md", &format!("---\ntitle: Hej\n{keys}---\n"))
            .unwrap()
            .front
    }

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn a_page_is_due_after_the_interval_or_on_its_review_by() {
        assert_eq!(due(&front(""), 365), None);
        assert_eq!(
            due(&front("reviewed: 2024-03-12\n"), 365),
            Some(day("2025-03-12"))
        );
        assert_eq!(
            due(&front("reviewed: 2024-03-12\n"), 30),
            Some(day("2024-04-11"))
        );
        // review_by decides, earlier or later than the interval.
        assert_eq!(
            due(&front("reviewed: 2024-03-12\nreview_by: 2024-06-01\n"), 365),
            Some(day("2024-06-01"))
        );
        assert_eq!(
            due(&front("reviewed: 2024-03-12\nreview_by: 2026-06-01\n"), 365),
            Some(day("2026-06-01"))
        );
        assert_eq!(
            due(&front("review_by: 2026-06-01\n"), 365),
            Some(day("2026-06-01"))
        );
        assert_eq!(due(&front("reviewed: 2024-03-12\n"), i64::MAX), None);
    }

    #[test]
    fn a_bad_review_date_is_located() {
        let text = "---\ntitle: Hej\nreviewed: 2024-02-30\n---\n";
        let error = front_matter::parse("sv.md", text).unwrap_err();
        assert_eq!(error.location.unwrap().line, 3);
        assert!(
            error.message().contains("2024-02-30"),
            "{}",
            error.message()
        );
    }
}
