//! The accessibility statement's parts made from `accessibility:` in site.yaml.
//!
//! The page named by `accessibility_statement` stays an ordinary article: its
//! title, address and Markdown (free text, shown after these parts) are the
//! editor's. What DIGG requires of a statement is written here from the facts,
//! in the page's language, with the theme's interface strings for every
//! sentence around them. Which facts are missing is `check`'s business.

use serde::Serialize;

use crate::accessibility::{self, Accessibility, DIGG_COMPLAINT_URL};
use crate::i18n::{InterfaceStrings, Lang};
use crate::site::Site;
use crate::text::date::Day;

/// What the statement's template shows, beside the article's own view.
#[derive(Serialize)]
pub(crate) struct StatementView<'a> {
    /// "Malmö stad står bakom …", when who is responsible is known.
    pub(crate) responsible: Option<String>,
    pub(crate) intro: String,
    /// The compliance status as DIGG words it ("… är delvis förenlig med lagen …").
    pub(crate) status: Option<String>,
    /// Whether the status says there is nothing to list.
    pub(crate) full: bool,
    pub(crate) problems: Vec<ProblemView<'a>>,
    pub(crate) burden: Option<&'a str>,
    pub(crate) outside_law: Option<&'a str>,
    /// The intro to the feedback channels, with the service's name.
    pub(crate) feedback_intro: String,
    pub(crate) feedback_email: Option<&'a str>,
    pub(crate) feedback_url: Option<&'a str>,
    /// "Vi svarar normalt inom …", when the response time is known.
    pub(crate) response_time: Option<String>,
    pub(crate) method: Option<&'a str>,
    pub(crate) assessed: Option<DateView>,
    pub(crate) date: Option<DateView>,
    pub(crate) digg_url: &'static str,
}

/// A known problem.
#[derive(Serialize)]
pub(crate) struct ProblemView<'a> {
    pub(crate) description: &'a str,
    pub(crate) criteria: Vec<CriterionView>,
    pub(crate) fix_by: Option<DateView>,
}

/// A WCAG success criterion, its name in English as W3C writes it.
#[derive(Serialize)]
pub(crate) struct CriterionView {
    pub(crate) id: &'static str,
    pub(crate) name: &'static str,
    pub(crate) level: &'static str,
    /// `en` on pages in other languages, for the language of parts (WCAG 3.1.2).
    pub(crate) name_lang: Option<&'static str>,
}

/// A date for `<time datetime>` and as the page's language writes it.
#[derive(Serialize)]
pub(crate) struct DateView {
    pub(crate) iso: String,
    pub(crate) text: String,
}

impl DateView {
    fn of(day: Day, lang: Lang) -> DateView {
        DateView {
            iso: day.0.to_string(),
            text: lang.long_date(day.0),
        }
    }
}

/// The statement's parts for the article at `key` in `lang`, if it is the
/// page `accessibility_statement` names and site.yaml gives its facts.
pub(crate) fn view<'s>(
    site: &'s Site,
    strings: &InterfaceStrings,
    key: &str,
    lang: Lang,
) -> Option<StatementView<'s>> {
    let config = &site.config;
    let target = config.accessibility_statement.as_deref()?;
    if target
        .strip_prefix("@/")
        .unwrap_or(target)
        .trim_matches('/')
        != key
    {
        return None;
    }
    let facts: &Accessibility = config.accessibility.as_ref()?;
    let text = |texts: &'s crate::i18n::Localized<String>| texts.get(lang).map(String::as_str);
    let service = text(&facts.service).unwrap_or_else(|| config.name(lang));
    let contact = config.contact.as_ref();
    let organisation = text(&facts.organisation)
        .or_else(|| contact.and_then(|c| c.name.get(lang)).map(String::as_str));
    let fill = |key: &str, fields: &[(&str, &str)]| {
        fields
            .iter()
            .fold(strings.text(key).to_string(), |sentence, (name, value)| {
                sentence.replace(&format!("{{{name}}}"), value)
            })
    };
    let (email, url) = match &facts.feedback {
        Some(feedback) => (feedback.email.as_deref(), feedback.url.as_deref()),
        None => (
            contact.and_then(|c| c.email.as_deref()),
            contact.and_then(|c| c.url.as_deref()),
        ),
    };
    Some(StatementView {
        responsible: organisation.map(|organisation| {
            fill(
                "statement_responsible",
                &[("organisation", organisation), ("service", service)],
            )
        }),
        intro: fill("statement_intro", &[("service", service)]),
        status: facts
            .status
            .map(|status| fill(status.string_key(), &[("service", service)])),
        full: facts.status == Some(accessibility::Status::Full),
        problems: facts
            .problems
            .iter()
            .map(|problem| ProblemView {
                description: text(&problem.description).unwrap_or_default(),
                criteria: problem
                    .criteria
                    .iter()
                    // Each criterion once, where it was first written.
                    .enumerate()
                    .filter(|(i, id)| !problem.criteria[..*i].contains(id))
                    .filter_map(|(_, id)| accessibility::criterion(&id.0))
                    .map(|c| CriterionView {
                        id: c.id,
                        name: c.name,
                        level: c.level,
                        name_lang: (lang != Lang::EN).then_some("en"),
                    })
                    .collect(),
                fix_by: problem.fix_by.map(|day| DateView::of(day, lang)),
            })
            .collect(),
        burden: text(&facts.burden),
        outside_law: text(&facts.outside_law),
        feedback_intro: fill("statement_feedback", &[("service", service)]),
        feedback_email: email,
        feedback_url: url,
        response_time: text(&facts.response_time)
            .map(|time| fill("statement_response_time", &[("time", time)])),
        method: text(&facts.method),
        assessed: facts.assessed.map(|day| DateView::of(day, lang)),
        date: facts.date.map(|day| DateView::of(day, lang)),
        digg_url: DIGG_COMPLAINT_URL,
    })
}
