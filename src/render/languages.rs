//! The "other languages" page: on a site in three languages or more, what
//! exists in each of them, every name and title in its own language.

use super::*;
use crate::render::views::LanguageView;

impl<'s> Renderer<'s> {
    pub(super) fn languages<'p>(
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
                PageKind::Languages,
                ["languages_title", "languages_description"],
                None,
            ),
            &switch_fallback,
        );
        let languages = (site.config.languages.iter())
            .filter(|other| **other != lang)
            .map(|&other| {
                let mut entries: Vec<(String, SearchLink<'_>)> = site
                    .translations()
                    .filter(|(_, t, _)| t.lang == other)
                    .map(|(_, t, p)| {
                        let title = t.front.title.as_str();
                        (
                            crate::i18n::collation_key(title, other),
                            SearchLink {
                                title,
                                href: std::borrow::Cow::Owned(self.href(path, p)),
                            },
                        )
                    })
                    .chain(site.content.datasets.iter().filter_map(|(key, d)| {
                        let title = d.title.get(other)?.as_str();
                        Some((
                            crate::i18n::collation_key(title, other),
                            SearchLink {
                                title,
                                href: std::borrow::Cow::Owned(
                                    self.href(path, site.dataset_path(key, other)?),
                                ),
                            },
                        ))
                    }))
                    .collect();
                entries.sort_by(|a, b| (&a.0, &a.1.href).cmp(&(&b.0, &b.1.href)));
                LanguageView {
                    lang: other.code(),
                    dir: (other.dir() != lang.dir()).then(|| other.dir()),
                    name: other.own_name(),
                    site_name: site.config.name(other),
                    home_href: self.href(path, &site.home_path(other)),
                    entries: entries.into_iter().map(|(_, link)| link).collect(),
                }
            })
            .collect();
        Ok(TemplateInput {
            template: "languages.html",
            lang,
            page,
            kind: KindView::Languages { languages },
        })
    }
}
