//! Dataset pages, and datasets in listings.

use serde::Serialize;

use super::views::*;
use super::*;
use crate::dataset::Frequency;

/// How a dataset is kept, under its table: how often and when it is next
/// updated, whom to ask, and the changes made to figures already published.
#[derive(Serialize, Default)]
pub(crate) struct AboutView<'a> {
    pub(crate) frequency: Option<String>,
    pub(crate) next_update_iso: Option<String>,
    pub(crate) next_update_text: Option<String>,
    /// The statistics calendar of the page's language.
    pub(crate) calendar: Option<String>,
    /// The dataset's contact, else the site's.
    pub(crate) contact_name: Option<&'a str>,
    pub(crate) email: Option<&'a str>,
    pub(crate) phone: Option<&'a str>,
    pub(crate) phone_href: Option<String>,
    pub(crate) url: Option<&'a str>,
    /// Newest first.
    pub(crate) revisions: Vec<RevisionView<'a>>,
}

/// One change to published figures.
#[derive(Serialize)]
pub(crate) struct RevisionView<'a> {
    pub(crate) date_iso: String,
    pub(crate) date_text: String,
    pub(crate) note: &'a str,
}

impl<'s> Renderer<'s> {
    pub(super) fn dataset<'p>(
        &'p self,
        path: &'p str,
        key: &str,
        lang: Lang,
        alternates: Vec<(Lang, String)>,
    ) -> Result<TemplateInput<'p>, Diagnostic> {
        let site = self.site;
        let dataset = site
            .dataset(key)
            .ok_or_else(|| Diagnostic::error(key, vanished(Phrase::DatasetWord, key)))?;
        let strings = self.strings(lang);
        let section = key.rsplit_once('/').map(|(parent, _)| parent);

        let switch_fallback = |other: Lang| site.home_path(other);
        let title = dataset.title.text(lang);
        let crumbs = self.crumbs_to_page(section, lang, path, title);
        let description = dataset
            .description
            .get(lang)
            .filter(|d| !d.trim().is_empty())
            .cloned()
            .unwrap_or_else(|| dataset::table::caption(dataset, lang, &dataset.periods()));
        let page = self.page_view(PageParts {
            lang,
            path,
            title,
            description,
            alternates,
            switch_fallback: &switch_fallback,
            breadcrumbs: crumbs,
            kind: PageKind::Dataset,
        });
        let [anchor_table, anchor_chart, anchor_downloads] = markdown::dataset_anchors(lang);
        let downloads = site
            .dataset_path(key, site.config.default_language)
            .unwrap_or(path);
        let figure = dataset::figure(dataset, lang, strings, &format!("{}-chart", dataset.id));
        let about = self.about(dataset, lang, path);
        let view = DatasetView {
            about: (about.frequency.is_some()
                || about.next_update_iso.is_some()
                || about.contact_name.is_some()
                || !about.revisions.is_empty())
            .then_some(about),
            description: dataset.description.get(lang).map(String::as_str),
            chart: figure.chart,
            table: figure.table,
            anchor_table,
            anchor_chart,
            anchor_downloads,
            csv: self.href(path, &format!("{downloads}{}.csv", dataset.id)),
            json: self.href(path, &format!("{downloads}{}.json", dataset.id)),
            csvw: self.href(
                path,
                &format!("{downloads}{}.csv-metadata.json", dataset.id),
            ),
            jsonstat: self.href(path, &format!("{downloads}{}.jsonstat.json", dataset.id)),
        };
        Ok(TemplateInput {
            template: "dataset.html",
            lang,
            page,
            kind: KindView::Dataset { dataset: view },
        })
    }

    /// How `dataset` is kept, as its page in `lang` at `path` shows it.
    fn about(&self, dataset: &'s Dataset, lang: Lang, path: &str) -> AboutView<'s> {
        let site = self.site;
        let strings = self.strings(lang);
        let frequency = dataset.frequency.map(|f| match f {
            Frequency::Yearly => "stats_frequency_yearly",
            Frequency::Quarterly => "stats_frequency_quarterly",
            Frequency::Monthly => "stats_frequency_monthly",
            Frequency::Irregular => "stats_frequency_irregular",
        });
        let mut about = AboutView {
            frequency: frequency.map(|key| strings.text(key).to_string()),
            next_update_iso: dataset.next_update.map(|d| d.0.to_string()),
            next_update_text: dataset.next_update.map(|d| lang.long_date(d.0)),
            calendar: (dataset.next_update.is_some())
                .then(|| site.calendar_path(lang))
                .flatten()
                .map(|calendar| self.href(path, &calendar)),
            revisions: (dataset.revisions.iter())
                .map(|r| RevisionView {
                    date_iso: r.date.0.to_string(),
                    date_text: lang.long_date(r.date.0),
                    note: r.note.text(lang),
                })
                .collect(),
            ..AboutView::default()
        };
        match (&dataset.contact, &site.config.contact) {
            (Some(contact), _) => {
                about.contact_name = contact.name.get(lang).map(String::as_str);
                about.email = contact.email.as_deref();
                about.url = contact.url.as_deref();
            }
            (None, Some(contact)) => {
                about.contact_name = contact.name.get(lang).map(String::as_str);
                about.email = contact.email.as_deref();
                about.phone = contact.phone.as_deref();
                about.phone_href = contact.phone.as_deref().map(|p| {
                    p.chars()
                        .filter(|c| c.is_ascii_digit() || *c == '+')
                        .collect()
                });
                about.url = contact.url.as_deref();
            }
            (None, None) => {}
        }
        about
    }

    /// Each dataset's newest revision as an entry of the feed in `lang`, with its date (twice: published, updated).
    pub(super) fn revision_entries(&self, lang: Lang) -> Vec<(Date, Date, FeedEntry<'s>)> {
        let site = self.site;
        let strings = self.strings(lang);
        site.datasets()
            .filter_map(|(key, dataset)| {
                let revision = dataset.revisions.first()?;
                let href = site.config.absolute(site.dataset_path(key, lang)?);
                let date = Date(revision.date.0, None);
                let title = strings
                    .text("stats_revised_entry")
                    .replace("{title}", dataset.title.text(lang));
                let entry = FeedEntry {
                    title: std::borrow::Cow::Owned(title),
                    id: format!("{href}#revision-{}", revision.date.0),
                    href,
                    published: date.rfc3339(),
                    updated: date.rfc3339(),
                    summary: shorten(revision.note.text(lang), 300),
                };
                Some((date, date, entry))
            })
            .collect()
    }

    /// A dataset in a listing, with its latest full value and the change to it;
    /// for a running total, its latest known value, also from a part of a period.
    pub(super) fn dataset_item(
        &self,
        key: &str,
        dataset: &'s Dataset,
        lang: Lang,
        from: &str,
    ) -> Option<DatasetItem<'s>> {
        let href = self.href(from, self.site.dataset_path(key, lang)?);
        let strings = self.strings(lang);
        let series = dataset.series.first()?;
        let rows = trend_rows(&series.values, series.decimals, dataset.better);
        let cumulative = dataset.measure == dataset::Measure::Cumulative;
        let (period, observation) = dataset::latest(series, dataset.measure)?;
        let row = rows.iter().find(|r| r.period == period)?;
        let latest = dataset::latest_text(period, observation, series.decimals, lang, strings);
        let previous = rows.iter().take_while(|r| r.period != row.period).last();
        let trend = match (row.change, previous, cumulative) {
            (
                Change::Computed {
                    direction,
                    assessment,
                    ..
                },
                Some(previous),
                false,
            ) => dataset::table::trend_words(
                direction,
                assessment,
                Some(&previous.period.label(lang)),
                strings,
            ),
            _ => String::new(),
        };
        Some(DatasetItem {
            title: dataset.title.text(lang),
            href,
            label: strings
                .text(if cumulative {
                    "stats_latest_total"
                } else {
                    "stats_latest"
                })
                .to_string(),
            latest,
            trend,
        })
    }
}
