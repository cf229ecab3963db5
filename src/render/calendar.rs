//! The statistics calendar: when each dataset is next updated, in every
//! language, with those whose date has passed listed apart as overdue.

use serde::Serialize;

use super::views::*;
use super::*;

/// What the calendar template receives.
#[derive(Serialize)]
pub(crate) struct CalendarView<'a> {
    /// Datasets whose next update is today or later, soonest first.
    pub(crate) upcoming: Vec<CalendarEntry<'a>>,
    /// Datasets whose next update has passed, oldest date first.
    pub(crate) overdue: Vec<CalendarEntry<'a>>,
}

/// One dataset in the calendar.
#[derive(Serialize)]
pub(crate) struct CalendarEntry<'a> {
    pub(crate) date_iso: String,
    pub(crate) date_text: String,
    pub(crate) title: &'a str,
    pub(crate) href: String,
}

impl<'s> Renderer<'s> {
    pub(super) fn calendar<'p>(
        &'p self,
        path: &'p str,
        lang: Lang,
        alternates: Vec<(Lang, String)>,
    ) -> Result<TemplateInput<'p>, Diagnostic> {
        let site = self.site;
        let switch_fallback = |other: Lang| site.home_path(other);
        let page = self.generated_page_view(
            (path, lang, alternates),
            (
                PageKind::Calendar,
                ["stats_calendar_title", "stats_calendar_description"],
                site.calendar_section(),
            ),
            &switch_fallback,
        );
        let today = site.content.today;
        let mut dated: Vec<(chrono::NaiveDate, CalendarEntry<'_>)> = site
            .datasets()
            .filter_map(|(key, dataset)| {
                let next = dataset.next_update?.0;
                let entry = CalendarEntry {
                    date_iso: next.to_string(),
                    date_text: lang.long_date(next),
                    title: dataset.title.text(lang),
                    href: self.href(path, site.dataset_path(key, lang)?),
                };
                Some((next, entry))
            })
            .collect();
        dated.sort_by(|a, b| {
            let key = |e: &CalendarEntry<'_>| crate::i18n::collation_key(e.title, lang);
            (a.0.cmp(&b.0)).then_with(|| key(&a.1).cmp(&key(&b.1)))
        });
        let (overdue, upcoming): (Vec<_>, Vec<_>) =
            dated.into_iter().partition(|(next, _)| *next < today);
        let view = CalendarView {
            upcoming: upcoming.into_iter().map(|(_, e)| e).collect(),
            overdue: overdue.into_iter().map(|(_, e)| e).collect(),
        };
        Ok(TemplateInput {
            template: "calendar.html",
            lang,
            page,
            kind: KindView::Calendar { calendar: view },
        })
    }
}
