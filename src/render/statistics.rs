//! Dataset pages, and datasets in listings.

use super::views::*;
use super::*;

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
        let view = DatasetView {
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

    /// A dataset in a listing, with its latest full value and the change to it.
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
        let rows = trend_rows(&series.values, dataset.decimals, dataset.better);
        let row = rows
            .iter()
            .rev()
            .find(|r| r.observation.value.is_some() && !r.observation.partial())
            .or_else(|| rows.last())?;
        let mut latest = row.observation.value.map_or("–".to_string(), |v| {
            format_number(v, dataset.decimals, lang)
        });
        if row.observation.partial() {
            latest.push_str("\u{a0}[d]");
        }
        let previous = rows.iter().take_while(|r| r.period != row.period).last();
        let trend = match (row.change, previous) {
            (
                Change::Computed {
                    direction,
                    assessment,
                    ..
                },
                Some(previous),
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
            latest: format!("{latest} ({})", row.period.label(lang)),
            trend,
        })
    }
}
