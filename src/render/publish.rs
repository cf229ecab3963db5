//! Pages and files for readers elsewhere: the Atom feeds and the 404 pages.

use super::views::*;
use super::*;

impl<'s> Renderer<'s> {
    /// The Atom feed of `lang`: its dated articles and each dataset's newest revision, newest first.
    pub(crate) fn feed(&self, lang: Lang) -> Result<String, Diagnostic> {
        const ENTRIES: usize = 20;
        let site = self.site;
        let changed = |t: &Translation, date: Date| t.front.updated.map_or(date, |u| u.max(date));
        let mut entries: Vec<(Date, Date, FeedEntry<'_>)> = site
            .translations_in(lang)
            .filter_map(|(a, t, path)| Some((a, t, path, t.front.date?)))
            .map(|(article, t, path, date)| {
                let summary = t
                    .front
                    .summary
                    .clone()
                    .or_else(|| {
                        self.bodies
                            .get(&article.path, lang)
                            .map(|b| b.first_paragraph.clone())
                    })
                    .unwrap_or_default();
                let href = site.config.absolute(path);
                let updated = changed(t, date);
                let entry = FeedEntry {
                    title: std::borrow::Cow::Borrowed(&t.front.title),
                    id: href.clone(),
                    href,
                    published: date.rfc3339(),
                    updated: updated.rfc3339(),
                    summary: shorten(&summary, 300),
                };
                (date, updated, entry)
            })
            .collect();
        entries.extend(self.revision_entries(lang));
        // Newest first; `Date` orders by day, then time, so same-day articles follow their times.
        entries.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.2.href.cmp(&b.2.href)));
        entries.truncate(ENTRIES);
        // Compared as moments, not as text: offsets differ between summer and winter.
        let updated = entries
            .iter()
            .map(|(_, updated, _)| *updated)
            .max_by_key(|d| d.utc())
            .map_or_else(|| "1970-01-01T00:00:00Z".to_string(), Date::rfc3339);
        let entries: Vec<FeedEntry<'_>> = entries.into_iter().map(|(_, _, e)| e).collect();
        let home = site.home_path(lang);
        let view = FeedView {
            lang: lang.code(),
            title: site.config.name(lang),
            subtitle: site.config.description.text(lang),
            author: site
                .config
                .contact
                .as_ref()
                .map_or(site.config.name(lang), |c| c.name.text(lang)),
            home: site.config.absolute(&home),
            self_href: site.config.absolute(&format!("{home}atom.xml")),
            updated,
            entries,
        };
        let mut context = Context::new();
        context.insert("feed", &view);
        self.template("atom.xml", &context, lang)
    }

    /// The page a web server shows for an address that does not exist, in `lang`.
    pub(crate) fn not_found(&self, lang: Lang) -> Result<String, Diagnostic> {
        let site = self.site;
        let strings = self.strings(lang);
        let path = format!("{}404.html", site.home_path(lang));
        let title = strings.text("not_found_title");
        let switch_fallback = |other: Lang| format!("{}404.html", site.home_path(other));
        let page = self.page_view(PageParts {
            lang,
            path: &path,
            title,
            description: strings.text("not_found_text").to_string(),
            alternates: Vec::new(),
            switch_fallback: &switch_fallback,
            breadcrumbs: Vec::new(),
            kind: PageKind::NotFound,
        });
        let other_languages = site
            .config
            .languages
            .iter()
            .filter(|l| **l != lang)
            .map(|&other| {
                let href = self.href(&path, &format!("{}404.html", site.home_path(other)));
                SwitchLink::new(lang, other, href, true, strings)
            })
            .collect();
        let mut context = self.context(&page);
        context.insert("not_found", &NotFoundView { other_languages });
        self.template("404.html", &context, lang)
    }
}
