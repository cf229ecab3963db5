//! Pages and files for readers elsewhere: the Atom feeds and the 404 pages.

use super::views::*;
use super::*;

impl<'s> Renderer<'s> {
    /// The Atom feed of `lang`: its dated articles, newest first.
    pub(crate) fn feed(&self, lang: Lang) -> Result<String, Diagnostic> {
        const ENTRIES: usize = 20;
        let site = self.site;
        let mut dated: Vec<(&Article, &Translation, &str, Date)> = site
            .translations_in(lang)
            .filter_map(|(a, t, path)| Some((a, t, path, t.front.date?)))
            .collect();
        // Newest first; `Date` orders by day, then time, so same-day articles follow their times.
        dated.sort_by(|a, b| b.3.cmp(&a.3).then(a.2.cmp(b.2)));
        dated.truncate(ENTRIES);
        let changed = |t: &Translation, date: Date| t.front.updated.map_or(date, |u| u.max(date));
        // Compared as moments, not as text: offsets differ between summer and winter.
        let updated = dated
            .iter()
            .map(|(_, t, _, date)| changed(t, *date))
            .max_by_key(|d| d.utc())
            .map_or_else(|| "1970-01-01T00:00:00Z".to_string(), Date::rfc3339);
        let entries: Vec<FeedEntry<'_>> = dated
            .iter()
            .map(|&(article, t, path, date)| {
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
                FeedEntry {
                    title: &t.front.title,
                    href: site.config.absolute(path),
                    published: date.rfc3339(),
                    updated: changed(t, date).rfc3339(),
                    summary: shorten(&summary, 300),
                }
            })
            .collect();
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
