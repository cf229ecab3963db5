//! Topic pages: the index of a language's topics and each topic's articles, paginated.

use super::views::*;
use super::*;

/// Articles per page of a topic.
pub(super) const TAG_PAGE_SIZE: usize = 20;

impl<'s> Renderer<'s> {
    pub(super) fn tags<'p>(
        &'p self,
        path: &'p str,
        lang: Lang,
        alternates: Vec<(Lang, String)>,
    ) -> Result<TemplateInput<'p>, Diagnostic> {
        let site = self.site;
        let strings = self.strings(lang);
        let title = strings.text("tags_title");
        let topics: Vec<TagLink<'_>> = site
            .tags(lang)
            .into_iter()
            .flatten()
            .filter_map(|(slug, tag)| {
                Some(TagLink {
                    name: &tag.name,
                    href: self.href(path, &site.tag_path(lang, slug)?),
                    count: tag.articles.len(),
                })
            })
            .collect();
        let switch_fallback = |other: Lang| site.home_path(other);
        let breadcrumbs = self.crumbs_to_page(None, lang, path, title);
        let page = self.page_view(PageParts {
            lang,
            path,
            title,
            // Nothing is written for this page; the bare word "Ämnen" says less than the sentence.
            description: super::description::generic(strings, title, site.config.name(lang)),
            alternates,
            switch_fallback: &switch_fallback,
            breadcrumbs,
            kind: PageKind::Tags,
        });
        Ok(TemplateInput {
            template: "tags.html",
            lang,
            page,
            kind: KindView::Tags { topics },
        })
    }

    pub(super) fn tag<'p>(
        &'p self,
        path: &'p str,
        lang: Lang,
        slug: &Slug,
        (number, of): (usize, usize),
        alternates: Vec<(Lang, String)>,
    ) -> Result<TemplateInput<'p>, Diagnostic> {
        let site = self.site;
        let strings = self.strings(lang);
        let tag = site.tag(lang, slug).ok_or_else(|| {
            Diagnostic::error(slug.as_str(), vanished(Phrase::TopicWord, slug.as_str()))
        })?;
        let items: Vec<ListItem<'_>> = tag
            .articles
            .iter()
            .skip((number - 1) * TAG_PAGE_SIZE)
            .take(TAG_PAGE_SIZE)
            .filter_map(|k| self.list_item(k, lang, path))
            .collect();
        let pagination = self.pagination(path, number, of, |n| site.tag_page_path(lang, slug, n));
        let switch_fallback = |other: Lang| {
            site.tags_path(other)
                .unwrap_or_else(|| site.home_path(other))
        };
        let mut breadcrumbs = self.section_crumbs(None, lang, path);
        if let Some(index) = site.tags_path(lang) {
            breadcrumbs.push(Crumb {
                title: strings.text("tags_title"),
                href: self.href(path, &index),
            });
        }
        breadcrumbs.push(Crumb {
            title: &tag.name,
            href: self.href(path, path),
        });
        let mut page = self.page_view(PageParts {
            lang,
            path,
            title: &tag.name,
            description: format!("{}: {}", strings.text("tags_title"), tag.name),
            alternates,
            switch_fallback: &switch_fallback,
            breadcrumbs,
            kind: PageKind::Tag,
        });
        page.number(strings, number, of);
        Ok(TemplateInput {
            template: "tag.html",
            lang,
            page,
            kind: KindView::Tag { items, pagination },
        })
    }
}
