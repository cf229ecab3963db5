//! Pages and files for readers elsewhere: the Atom feeds and the 404 pages.

use super::views::*;
use super::*;

impl<'s> Renderer<'s> {
    /// The Atom feed of `lang`: its dated articles and each dataset's newest revision, newest first.
    pub(crate) fn feed(&self, lang: Lang) -> Result<String, Diagnostic> {
        const ENTRIES: usize = 20;
        let site = self.site;
        let changed = |t: &Translation, date: Date| t.front.updated.map_or(date, |u| u.max(date));
        // A language has thousands of dated articles and the feed shows 20:
        // only the newest are made into entries, and only their bodies are
        // read, as no body decides which articles are the newest.
        let dated: Vec<(Date, &Article, &Translation, &str)> = site
            .translations_in(lang)
            .filter_map(|(a, t, path)| Some((t.front.date?, a, t, path)))
            .collect();
        let revisions = self.revision_entries(lang);
        let mut dates: Vec<Date> = (dated.iter().map(|(date, ..)| *date))
            .chain(revisions.iter().map(|(date, ..)| *date))
            .collect();
        // The date of the oldest entry shown; all of that day and time are
        // ordered below with the newer, as the address breaks their tie.
        let oldest = match dates.len() > ENTRIES {
            true => Some(*dates.select_nth_unstable_by(ENTRIES - 1, |a, b| b.cmp(a)).1),
            false => None,
        };
        let shown = |date: &Date| oldest.is_none_or(|oldest| *date >= oldest);
        enum Source<'a, 's> {
            Article(&'s Article, &'s Translation),
            Revision(Date, FeedEntry<'a>),
        }
        let mut newest: Vec<(Date, String, Source<'_, '_>)> = (dated.into_iter())
            .filter(|(date, ..)| shown(date))
            .map(|(date, article, t, path)| {
                (
                    date,
                    site.config.absolute(path),
                    Source::Article(article, t),
                )
            })
            .chain(
                (revisions.into_iter())
                    .filter(|(date, ..)| shown(date))
                    .map(|(date, updated, mut entry)| {
                        let href = std::mem::take(&mut entry.href);
                        (date, href, Source::Revision(updated, entry))
                    }),
            )
            .collect();
        // Newest first; `Date` orders by day, then time, so same-day articles follow their times.
        newest.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        newest.truncate(ENTRIES);
        let entries: Vec<(Date, Date, FeedEntry<'_>)> = (newest.into_iter())
            .map(|(date, href, source)| match source {
                Source::Revision(updated, entry) => (date, updated, FeedEntry { href, ..entry }),
                Source::Article(article, t) => {
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
                }
            })
            .collect();
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
