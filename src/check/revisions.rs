//! Revisions dated after today: a note on a change not yet made, or a mistyped year.

use chrono::NaiveDate;

use crate::diagnostics::Diagnostic;
use crate::messages::{Phrase, Rule};
use crate::site::Site;
use crate::steps::yaml_key_location;

/// A warning for each revision of a dataset dated after `today`, at its date.
pub(super) fn future_revisions(site: &Site, today: NaiveDate) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for dataset in site.content.datasets.values() {
        let text = &dataset.text;
        let list = yaml_key_location(text, "revisions");
        let list_at = text.find("\nrevisions:").map_or(0, |i| i + 1);
        // Oldest first, as they are written most often.
        for revision in dataset.revisions.iter().rev() {
            if revision.date.0 <= today {
                continue;
            }
            let date = revision.date.0.format("%Y-%m-%d").to_string();
            let diagnostic = Diagnostic::warning(
                &dataset.file,
                Rule::DatasetRevisionInFuture.with("date", date.clone()),
            )
            .with_hint(Phrase::DatasetRevisionInFutureHint);
            found.push(match text[list_at..].find(&date) {
                Some(i) => diagnostic.at_offset(text, list_at + i),
                None => diagnostic.at(text, list),
            });
        }
    }
    found
}
