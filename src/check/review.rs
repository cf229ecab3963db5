//! Pages due for review, grouped by owner, for `torget check` (and `check --overdue`).
//!
//! A page is due on the day [`crate::content::review::due`] gives, as of the
//! check's build date (`--now`). Each due page is a `review-overdue` warning
//! at its `review_by` (or `reviewed`) line, and [`Reviews`] lists them again
//! by owner, the way an editor hands them out.
//!
//! Pages with neither `reviewed` nor `review_by` are not due: nothing says
//! when they were last read, and a site that does not record reviews would
//! otherwise get a warning on every page. Once any page records a review,
//! the others are listed apart as never reviewed, without a warning.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::CheckReport;
use crate::config::review::Owner;
use crate::diagnostics::Diagnostic;
use crate::i18n::Lang;
use crate::messages::{Language, Phrase, Rule, count};
use crate::site::Site;
use crate::steps::yaml_key_location;

/// The stable id of the finding for a page due for review.
const OVERDUE: &str = "review-overdue";

/// The review state of the site's published pages.
#[derive(Debug, Serialize)]
pub struct Reviews {
    /// `review_after_days` from site.yaml.
    pub review_after_days: i64,
    /// Pages due for review by owner: owners by id, then the pages without one.
    pub due: Vec<OwnerGroup>,
    /// Pages with neither `reviewed` nor `review_by`, when some page of the site has one.
    pub never_reviewed: Vec<UnreviewedPage>,
    /// Whether any page records a review: only then are reviews shown to people.
    #[serde(skip)]
    pub in_use: bool,
}

/// One owner's pages that are due.
#[derive(Debug, Serialize)]
pub struct OwnerGroup {
    /// The owner's id, `None` for pages without an `owner`.
    pub owner: Option<String>,
    /// Name and contact details from site.yaml's `owners:`, when it lists the owner.
    pub(crate) contact: Option<Owner>,
    /// Most overdue first.
    pub pages: Vec<DuePage>,
}

/// A page due for review.
#[derive(Debug, Serialize)]
pub struct DuePage {
    pub file: String,
    pub(crate) lang: Lang,
    pub title: String,
    /// `YYYY-MM-DD`, when the page has a `reviewed` date.
    pub reviewed: Option<String>,
    pub review_by: Option<String>,
    /// The day the review was due.
    pub due: String,
    /// Days from `due` to the check's date (0 on the day itself).
    pub days_overdue: i64,
}

/// A page that records no review.
#[derive(Debug, Serialize)]
pub struct UnreviewedPage {
    pub file: String,
    pub(crate) lang: Lang,
    pub title: String,
    pub owner: Option<String>,
}

/// The pages due for review as of `today`, and a warning for each.
pub(crate) fn reviews(site: &Site, today: NaiveDate) -> (Reviews, Vec<Diagnostic>) {
    let settings = &site.config.review;
    let mut groups: BTreeMap<Option<&str>, Vec<(NaiveDate, DuePage)>> = BTreeMap::new();
    let mut never_reviewed = Vec::new();
    let mut findings = Vec::new();
    let mut in_use = false;
    for (_, translation, _) in site.translations() {
        let front = &translation.front;
        // A review cannot have been done after the day of the check: most
        // likely a slip of the year, and the page would say "Granskad" a
        // day that has not come.
        if let Some(reviewed) = front.reviewed.filter(|r| r.0 > today) {
            findings.push(
                Diagnostic::warning(
                    &translation.file,
                    Rule::ReviewedInFuture
                        .with("reviewed", reviewed.0.to_string())
                        .with("today", today.to_string()),
                )
                .at(
                    &translation.text,
                    crate::yaml::value_location(&translation.text, 0, "reviewed"),
                )
                .with_hint(Phrase::ReviewedInFutureHint.with("today", today.to_string())),
            );
        }
        let Some(due) = crate::content::review::due(front, settings.after_days) else {
            in_use |= front.reviewed.is_some() || front.review_by.is_some();
            never_reviewed.push(UnreviewedPage {
                file: translation.file.clone(),
                lang: translation.lang,
                title: front.title.clone(),
                owner: front.owner.clone(),
            });
            continue;
        };
        in_use = true;
        if due > today {
            continue;
        }
        let (key, hint) = match front.review_by {
            Some(_) => ("review_by", Phrase::ReviewByOverdueHint),
            None => ("reviewed", Phrase::ReviewOverdueHint),
        };
        findings.push(
            Diagnostic::warning(
                &translation.file,
                Rule::ReviewOverdue.with("due", due.to_string()),
            )
            .at(&translation.text, yaml_key_location(&translation.text, key))
            .with_hint(hint.with("today", today.to_string())),
        );
        groups.entry(front.owner.as_deref()).or_default().push((
            due,
            DuePage {
                file: translation.file.clone(),
                lang: translation.lang,
                title: front.title.clone(),
                reviewed: front.reviewed.map(|d| d.0.to_string()),
                review_by: front.review_by.map(|d| d.0.to_string()),
                due: due.to_string(),
                days_overdue: (today - due).num_days(),
            },
        ));
    }
    if !in_use {
        never_reviewed.clear();
    }
    never_reviewed.sort_by(|a, b| a.file.cmp(&b.file));
    // Owners by id, then (`None` sorts first in the map) the pages without one.
    let mut due: Vec<OwnerGroup> = Vec::new();
    let mut without = None;
    for (owner, mut pages) in groups {
        pages.sort_by(|(a, x), (b, y)| a.cmp(b).then_with(|| x.file.cmp(&y.file)));
        let group = OwnerGroup {
            owner: owner.map(str::to_string),
            contact: owner.and_then(|id| settings.owner(id)).cloned(),
            pages: pages.into_iter().map(|(_, page)| page).collect(),
        };
        match owner {
            Some(_) => due.push(group),
            None => without = Some(group),
        }
    }
    due.extend(without);
    let reviews = Reviews {
        review_after_days: settings.after_days,
        due,
        never_reviewed,
        in_use,
    };
    (reviews, findings)
}

impl Reviews {
    /// The pages due by owner and the pages never reviewed, for people;
    /// `None` when no page of the site records a review.
    pub fn render(&self, language: Language) -> Option<String> {
        if !self.in_use {
            return None;
        }
        let say = |phrase: crate::messages::Message| phrase.text(language);
        let mut out = say(Phrase::ReviewsHeading.with("days", self.review_after_days.to_string()));
        out.push('\n');
        if self.due.is_empty() {
            out.push_str(&format!("  {}\n", say(Phrase::ReviewsNoneDue.into())));
        }
        for group in &self.due {
            out.push_str(&format!("  {}\n", group.heading(language)));
            for page in &group.pages {
                let since = match &page.reviewed {
                    Some(date) => Phrase::ReviewsReviewedOn.with("date", date.as_str()),
                    None => Phrase::ReviewsNeverReviewed.into(),
                };
                let due = say(Phrase::ReviewsDueOn.with("date", page.due.as_str()));
                out.push_str(&format!("    {due}  {} ({})\n", page.file, say(since)));
            }
        }
        if !self.never_reviewed.is_empty() {
            let pages = count(
                self.never_reviewed.len(),
                Phrase::PagesOne,
                Phrase::PagesOther,
            );
            out.push_str(&format!(
                "\n{}\n",
                say(Phrase::ReviewsUnreviewedHeading.with("pages", pages))
            ));
            for page in &self.never_reviewed {
                let owner = page
                    .owner
                    .as_deref()
                    .map(|o| format!(" ({o})"))
                    .unwrap_or_default();
                out.push_str(&format!("    {}{owner}\n", page.file));
            }
        }
        Some(out)
    }
}

impl OwnerGroup {
    /// "Trygghetsteamet (trygghet) · a@example.org · 040-123 45 · https://…", or the id alone.
    fn heading(&self, language: Language) -> String {
        let Some(id) = &self.owner else {
            return Phrase::ReviewsNoOwner.text(language);
        };
        let Some(contact) = &self.contact else {
            return id.clone();
        };
        let lang = match language {
            Language::Swedish => Lang::SV,
            Language::English => Lang::EN,
        };
        let name = (contact.name.get(lang))
            .or_else(|| Lang::BUILT_IN.iter().find_map(|l| contact.name.get(*l)))
            .map_or(id.as_str(), String::as_str);
        let mut parts = vec![format!("{name} ({id})")];
        parts.extend(
            [&contact.email, &contact.phone, &contact.url]
                .into_iter()
                .flatten()
                .cloned(),
        );
        parts.join(" · ")
    }
}

impl CheckReport {
    /// Only what `check --overdue` shows: the pages due for review, and the
    /// errors, which fail the check whatever is shown.
    pub fn only_overdue(mut self) -> CheckReport {
        self.findings
            .retain(|d| d.is_error() || d.rule() == Some(OVERDUE));
        self.readability.clear();
        self.addresses = Default::default();
        self
    }
}
