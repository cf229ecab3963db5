//! Rendering pages: Markdown bodies, then Tera templates over borrowed views.
//!
//! This is the `render` step. It turns the resolved [`Site`] into HTML
//! strings; it knows nothing of files on disk (that is [`crate::output`]).

pub mod theme;
mod views;

use std::collections::BTreeMap;

use tera::Context;

use crate::content::slug::Slug;
use crate::content::{Article, Translation};
use crate::dataset::trend::{Change, trend_rows};
use crate::dataset::{self, Dataset};
use crate::diagnostics::Diagnostic;
use crate::i18n::number::format_number;
use crate::i18n::{InterfaceStrings, Lang};
use crate::markdown::{self, Rendered};
use crate::site::{Resolved, Site, Target};
pub use theme::Theme;
use views::*;

/// Strings used where the theme's could not be loaded: every lookup shows its key.
static NO_STRINGS: InterfaceStrings = InterfaceStrings::EMPTY;

/// Rendered Markdown of every translation, by (article, language).
pub type Bodies = BTreeMap<(String, Lang), Rendered>;

/// Renders every translation's Markdown (in parallel) and checks anchors between pages.
///
/// Without a theme (it failed to load) trend blocks show their keys, but
/// every Markdown problem is still found and reported.
pub fn bodies(site: &Site, theme: Option<&Theme>) -> (Bodies, Vec<Diagnostic>) {
    use rayon::prelude::*;
    let strings = |lang: Lang| {
        theme
            .and_then(|t| t.strings.get(&lang))
            .unwrap_or(&NO_STRINGS)
    };
    let jobs: Vec<(&Article, &Translation, &str)> = site.translations().collect();
    let rendered: Vec<((String, Lang), Rendered)> = jobs
        .par_iter()
        .map(|(article, translation, path)| {
            let mut rendered =
                markdown::render(site, strings(translation.lang), article, translation, path);
            let summary = translation
                .front
                .summary
                .as_deref()
                .unwrap_or(&rendered.first_paragraph);
            rendered.summary = shorten(summary, 300);
            rendered.date_text = translation
                .front
                .date
                .map(|d| translation.lang.long_date(d.0));
            ((article.path.clone(), translation.lang), rendered)
        })
        .collect();
    let bodies: Bodies = rendered.into_iter().collect();
    let mut errors = Vec::new();
    for ((key, lang), body) in &bodies {
        errors.extend(body.diagnostics.iter().cloned());
        let Some(translation) = site
            .content
            .articles
            .get(key)
            .and_then(|a| a.translations.get(lang))
        else {
            continue;
        };
        for check in &body.anchor_checks {
            let Some(target) = bodies.get(&(check.article.clone(), check.lang)) else {
                continue;
            };
            if !target.ids.contains(&check.anchor) {
                let hint = crate::diagnostics::closest(
                    &check.anchor,
                    target.ids.iter().map(String::as_str),
                )
                .map(|s| format!("did you mean `#{s}`?"))
                .unwrap_or_else(|| {
                    "anchors are made from headings: `## Kända brister` is `#kanda-brister`"
                        .to_string()
                });
                let whose = if check.article == *key && check.lang == *lang {
                    "this page".to_string()
                } else {
                    format!("`@/{}` ({})", check.article, check.lang.english_name())
                };
                errors.push(
                    Diagnostic::error(
                        &translation.file,
                        format!(
                            "broken link: {whose} has no heading or anchor `#{}`",
                            check.anchor
                        ),
                    )
                    .at_offset(&translation.text, check.offset)
                    .with_hint(hint),
                );
            }
        }
    }
    (bodies, errors)
}

/// One page to render and where it goes.
#[derive(Debug, Clone)]
pub enum PageJob {
    Home(Lang),
    Section {
        key: String,
        lang: Lang,
        number: usize,
        of: usize,
    },
    Article {
        key: String,
        lang: Lang,
    },
    Dataset {
        key: String,
        lang: Lang,
    },
    /// The list of topics of a language.
    Tags(Lang),
    /// The search page of a language.
    Search(Lang),
    /// One page of a topic's articles.
    Tag {
        lang: Lang,
        slug: Slug,
        number: usize,
        of: usize,
    },
}

impl PageJob {
    /// The language of the page.
    pub fn lang(&self) -> Lang {
        match self {
            PageJob::Home(lang)
            | PageJob::Section { lang, .. }
            | PageJob::Article { lang, .. }
            | PageJob::Dataset { lang, .. }
            | PageJob::Tags(lang)
            | PageJob::Search(lang)
            | PageJob::Tag { lang, .. } => *lang,
        }
    }
}

/// Renders pages of a site with a theme.
pub struct Renderer<'s> {
    site: &'s Site,
    theme: &'s Theme,
    bodies: &'s Bodies,
    /// The site's root path (`/sluta-skjut/`) when links must not be relative.
    absolute_root: Option<String>,
}

/// Longest description we write into `<meta name="description">`.
const DESCRIPTION_LEN: usize = 160;

impl<'s> Renderer<'s> {
    /// A renderer whose links are relative, so the site works from any folder.
    pub fn new(site: &'s Site, theme: &'s Theme, bodies: &'s Bodies) -> Self {
        Renderer {
            site,
            theme,
            bodies,
            absolute_root: None,
        }
    }

    /// A renderer whose links start at the site's root path, for pages such
    /// as 404.html that a web server shows at any address.
    pub fn with_absolute_links(site: &'s Site, theme: &'s Theme, bodies: &'s Bodies) -> Self {
        let root = site.config.root_path();
        Renderer {
            site,
            theme,
            bodies,
            absolute_root: Some(root),
        }
    }

    /// Every page of the site, in a stable order.
    pub fn jobs(&self) -> Vec<(String, PageJob)> {
        let site = self.site;
        let mut jobs = Vec::new();
        for &lang in &site.config.languages {
            jobs.push((site.home_path(lang), PageJob::Home(lang)));
        }
        for (key, section) in &site.content.sections {
            for &lang in &site.config.languages {
                let count = site.listing(key, lang).len();
                let of = count.div_ceil(section.meta.page_size.max(1)).max(1);
                for number in 1..=of {
                    if let Some(path) = site.section_page_path(key, lang, number) {
                        jobs.push((
                            path,
                            PageJob::Section {
                                key: key.clone(),
                                lang,
                                number,
                                of,
                            },
                        ));
                    }
                }
            }
        }
        for key in site.content.datasets.keys() {
            for &lang in &site.config.languages {
                if let Some(path) = site.dataset_path(key, lang) {
                    jobs.push((
                        path.to_string(),
                        PageJob::Dataset {
                            key: key.clone(),
                            lang,
                        },
                    ));
                }
            }
        }
        for &lang in &site.config.languages {
            jobs.push((site.search_path(lang), PageJob::Search(lang)));
            if let (Some(index), Some(tags)) = (site.tags_path(lang), site.tags(lang)) {
                jobs.push((index, PageJob::Tags(lang)));
                for (slug, tag) in tags {
                    let of = tag.articles.len().div_ceil(TAG_PAGE_SIZE).max(1);
                    for number in 1..=of {
                        if let Some(path) = site.tag_page_path(lang, slug, number) {
                            jobs.push((
                                path,
                                PageJob::Tag {
                                    lang,
                                    slug: slug.clone(),
                                    number,
                                    of,
                                },
                            ));
                        }
                    }
                }
            }
        }
        for (article, translation, path) in site.translations() {
            jobs.push((
                path.to_string(),
                PageJob::Article {
                    key: article.path.clone(),
                    lang: translation.lang,
                },
            ));
        }
        jobs
    }

    /// Every language version of a page, with its path: what `hreflang` links and the sitemap list.
    pub fn alternates(&self, path: &str, job: &PageJob) -> Vec<(Lang, String)> {
        let site = self.site;
        let languages = site.config.languages.iter().copied();
        match job {
            PageJob::Home(_) => languages.map(|l| (l, site.home_path(l))).collect(),
            PageJob::Section {
                key, lang, number, ..
            } => {
                if *number == 1 {
                    languages
                        .filter_map(|l| site.section_path(key, l).map(|p| (l, p.to_string())))
                        .collect()
                } else {
                    vec![(*lang, path.to_string())]
                }
            }
            PageJob::Article { key, .. } => languages
                .filter_map(|l| site.article_path(key, l).map(|p| (l, p.to_string())))
                .collect(),
            PageJob::Dataset { key, .. } => languages
                .filter_map(|l| site.dataset_path(key, l).map(|p| (l, p.to_string())))
                .collect(),
            PageJob::Tags(_) => languages
                .filter_map(|l| site.tags_path(l).map(|p| (l, p)))
                .collect(),
            PageJob::Search(_) => languages.map(|l| (l, site.search_path(l))).collect(),
            // The same topic written alike in another language is that topic's page.
            PageJob::Tag {
                slug, number: 1, ..
            } => languages
                .filter_map(|l| site.tag_path(l, slug).map(|p| (l, p)))
                .collect(),
            PageJob::Tag { lang, .. } => vec![(*lang, path.to_string())],
        }
    }

    /// The link from page `from` to site path `to`: relative, or absolute from the
    /// site's root path for pages served at any address (the 404 page).
    fn href(&self, from: &str, to: &str) -> String {
        match &self.absolute_root {
            Some(root) => format!("{root}{to}"),
            None => self.site.link(from, to),
        }
    }

    /// The HTML of one page.
    pub fn render(&self, path: &str, job: &PageJob) -> Result<String, Diagnostic> {
        match job {
            PageJob::Home(lang) => self.home(path, *lang, self.alternates(path, job)),
            PageJob::Section {
                key,
                lang,
                number,
                of,
            } => self.section(path, key, *lang, (*number, *of), self.alternates(path, job)),
            PageJob::Article { key, lang } => {
                self.article(path, key, *lang, self.alternates(path, job))
            }
            PageJob::Dataset { key, lang } => {
                self.dataset(path, key, *lang, self.alternates(path, job))
            }
            PageJob::Tags(lang) => self.tags(path, *lang, self.alternates(path, job)),
            PageJob::Search(lang) => self.search(path, *lang, self.alternates(path, job)),
            PageJob::Tag {
                lang,
                slug,
                number,
                of,
            } => self.tag(
                path,
                *lang,
                slug,
                (*number, *of),
                self.alternates(path, job),
            ),
        }
    }

    /// Renders a template; a failure is reported once per template, not once per page.
    fn template(&self, name: &str, context: &Context, lang: Lang) -> Result<String, Diagnostic> {
        self.theme.tera(lang).render(name, context).map_err(|e| {
            let origin = self
                .theme
                .template_origins
                .get(name)
                .map_or(name, String::as_str);
            Diagnostic::error(
                origin,
                format!("the template failed:\n{}", theme::tera_message(&e)),
            )
        })
    }

    fn context(&self, page: &PageView<'_>) -> Context {
        let mut context = Context::new();
        context.insert("page", page);
        context
    }

    fn article(
        &self,
        path: &str,
        key: &str,
        lang: Lang,
        alternates: Vec<(Lang, String)>,
    ) -> Result<String, Diagnostic> {
        let site = self.site;
        let article = site
            .content
            .articles
            .get(key)
            .ok_or_else(|| Diagnostic::error(key, "article vanished"))?;
        let translation = article
            .translations
            .get(&lang)
            .ok_or_else(|| Diagnostic::error(key, "translation vanished"))?;
        let body = self.bodies.get(&(key.to_string(), lang));
        let front = &translation.front;
        let summary = front
            .summary
            .clone()
            .or_else(|| body.map(|b| b.first_paragraph.clone()))
            .unwrap_or_default();

        let switch_fallback = |other: Lang| match &article.section {
            Some(section) => site
                .section_path(section, other)
                .map(str::to_string)
                .unwrap_or_else(|| site.home_path(other)),
            None => site.home_path(other),
        };
        let mut crumbs = self.section_crumbs(article.section.as_deref(), lang, path);
        crumbs.push(Crumb {
            title: &front.title,
            href: self.href(path, path),
        });
        let page = self.page_view(PageParts {
            lang,
            path,
            title: &front.title,
            description: summary,
            alternates,
            switch_fallback: &switch_fallback,
            breadcrumbs: crumbs,
            kind: "article",
        });
        let mut page = page;
        page.og_type = "article";
        page.og_image = front
            .image
            .as_ref()
            .map(|image| site.config.absolute(&format!("{path}{}", image.src)));
        let view = ArticleView {
            date_iso: front.date.map(|d| d.0.to_string()),
            date_text: front.date.map(|d| lang.long_date(d.0)),
            updated_iso: front.updated.map(|d| d.0.to_string()),
            updated_text: front.updated.map(|d| lang.long_date(d.0)),
            body: body.map_or("", |b| b.html.as_str()),
            tags: front
                .tags
                .iter()
                .filter_map(|name| {
                    let slug = Slug::from_text(name)?;
                    Some(TagLink {
                        name,
                        href: self.href(path, &site.tag_path(lang, &slug)?),
                        count: 0,
                    })
                })
                .collect(),
            image: front.image.as_ref().map(|image| {
                let size = markdown::image_size(article, &image.src);
                LeadImage {
                    src: &image.src,
                    alt: &image.alt,
                    width: size.map(|s| s.0),
                    height: size.map(|s| s.1),
                }
            }),
        };
        let mut context = self.context(&page);
        context.insert("article", &view);
        self.template("article.html", &context, lang)
    }

    fn section(
        &self,
        path: &str,
        key: &str,
        lang: Lang,
        (number, of): (usize, usize),
        alternates: Vec<(Lang, String)>,
    ) -> Result<String, Diagnostic> {
        let site = self.site;
        let section = site
            .content
            .sections
            .get(key)
            .ok_or_else(|| Diagnostic::error(key, "section vanished"))?;
        let title = section.meta.title.get(lang).map_or("", String::as_str);
        let description = section
            .meta
            .description
            .get(lang)
            .or_else(|| site.config.description.get(lang))
            .cloned()
            .unwrap_or_default();
        let size = section.meta.page_size.max(1);
        let items = site
            .listing(key, lang)
            .iter()
            .skip((number - 1) * size)
            .take(size)
            .filter_map(|k| self.list_item(k, lang, path))
            .collect();
        let pagination =
            self.pagination(path, number, of, |n| site.section_page_path(key, lang, n));
        let switch_fallback = |other: Lang| {
            site.section_path(key, other)
                .map(str::to_string)
                .unwrap_or_else(|| site.home_path(other))
        };
        let page = self.page_view(PageParts {
            lang,
            path,
            title,
            description,
            alternates,
            switch_fallback: &switch_fallback,
            breadcrumbs: self.section_crumbs(Some(key), lang, path),
            kind: "section",
        });
        let datasets = if number == 1 {
            site.section_datasets(key, lang)
                .into_iter()
                .filter_map(|(k, d)| self.dataset_item(k, d, lang, path))
                .collect()
        } else {
            Vec::new()
        };
        let view = SectionView {
            datasets,
            description: section.meta.description.get(lang).map(String::as_str),
            items,
            pagination,
        };
        let mut context = self.context(&page);
        context.insert("section", &view);
        if number > 1 {
            context.insert("page_number", &number);
        }
        self.template("section.html", &context, lang)
    }

    fn dataset(
        &self,
        path: &str,
        key: &str,
        lang: Lang,
        alternates: Vec<(Lang, String)>,
    ) -> Result<String, Diagnostic> {
        let site = self.site;
        let dataset = site
            .content
            .datasets
            .get(key)
            .ok_or_else(|| Diagnostic::error(key, "dataset vanished"))?;
        let strings = self.strings(lang);
        let section = key.rsplit_once('/').map(|(parent, _)| parent);

        let switch_fallback = |other: Lang| site.home_path(other);
        let mut crumbs = self.section_crumbs(section, lang, path);
        let title = dataset.title.text(lang);
        crumbs.push(Crumb {
            title,
            href: self.href(path, path),
        });
        let description = dataset
            .description
            .get(lang)
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
            kind: "dataset",
        });
        let [anchor_table, anchor_chart, anchor_downloads] = markdown::dataset_anchors(lang);
        let downloads = site
            .dataset_path(key, site.config.default_language)
            .unwrap_or(path);
        let view = DatasetView {
            description: dataset.description.get(lang).map(String::as_str),
            chart: dataset::chart::line_chart(
                dataset,
                lang,
                strings,
                &format!("{}-chart", dataset.id),
            ),
            table: dataset::table::trend_table(dataset, lang, strings),
            anchor_table,
            anchor_chart,
            anchor_downloads,
            csv: self.href(path, &format!("{downloads}{}.csv", dataset.id)),
            json: self.href(path, &format!("{downloads}{}.json", dataset.id)),
        };
        let mut context = self.context(&page);
        context.insert("dataset", &view);
        self.template("dataset.html", &context, lang)
    }

    /// Every page a reader of `lang` can search: articles and datasets, by title.
    pub fn search_entries(&self, lang: Lang, from: &str) -> Vec<SearchEntry> {
        let site = self.site;
        use rayon::prelude::*;
        let translations: Vec<(&Article, &Translation, &str)> = site
            .translations()
            .filter(|(_, t, _)| t.lang == lang)
            .collect();
        let mut entries: Vec<SearchEntry> = translations
            .par_iter()
            .map(|&(article, translation, path)| {
                let front = &translation.front;
                let body = self.bodies.get(&(article.path.clone(), lang));
                let summary = front
                    .summary
                    .clone()
                    .or_else(|| body.map(|b| b.first_paragraph.clone()))
                    .unwrap_or_default();
                let text = body.map(|b| b.text.as_str()).unwrap_or("");
                let words = format!(
                    "{} {} {} {}",
                    front.title,
                    front.tags.join(" "),
                    summary,
                    text
                );
                SearchEntry {
                    title: front.title.clone(),
                    href: self.href(from, path),
                    summary: shorten(&summary, 200),
                    words: search_words(&words, SEARCH_TEXT),
                }
            })
            .collect();
        for (key, dataset) in &site.content.datasets {
            let Some(path) = site.dataset_path(key, lang) else {
                continue;
            };
            let words = format!(
                "{} {} {}",
                dataset.title.text(lang),
                dataset.description.text(lang),
                dataset.unit.text(lang)
            );
            entries.push(SearchEntry {
                title: dataset.title.text(lang).to_string(),
                href: self.href(from, path),
                summary: shorten(dataset.description.text(lang), 200),
                words: search_words(&words, SEARCH_TEXT),
            });
        }
        entries
            .sort_by_cached_key(|e| (crate::site::collation_key(&e.title, lang), e.href.clone()));
        entries
    }

    fn search(
        &self,
        path: &str,
        lang: Lang,
        alternates: Vec<(Lang, String)>,
    ) -> Result<String, Diagnostic> {
        let site = self.site;
        let strings = self.strings(lang);
        let title = strings.text("search_title");
        let switch_fallback = |other: Lang| site.search_path(other);
        let mut breadcrumbs = self.section_crumbs(None, lang, path);
        breadcrumbs.push(Crumb {
            title,
            href: self.href(path, path),
        });
        let page = self.page_view(PageParts {
            lang,
            path,
            title,
            description: strings.text("search_description").to_string(),
            alternates,
            switch_fallback: &switch_fallback,
            breadcrumbs,
            kind: "search",
        });
        // The page lists every page for readers without JavaScript; the
        // searchable words go only into index.js.
        let mut entries: Vec<SearchEntry> = site
            .translations()
            .filter(|(_, t, _)| t.lang == lang)
            .map(|(_, t, p)| SearchEntry {
                title: t.front.title.clone(),
                href: self.href(path, p),
                summary: String::new(),
                words: String::new(),
            })
            .chain(site.content.datasets.iter().filter_map(|(key, d)| {
                Some(SearchEntry {
                    title: d.title.text(lang).to_string(),
                    href: self.href(path, site.dataset_path(key, lang)?),
                    summary: String::new(),
                    words: String::new(),
                })
            }))
            .collect();
        entries
            .sort_by_cached_key(|e| (crate::site::collation_key(&e.title, lang), e.href.clone()));
        let mut context = self.context(&page);
        context.insert("entries", &entries);
        self.template("search.html", &context, lang)
    }

    fn tags(
        &self,
        path: &str,
        lang: Lang,
        alternates: Vec<(Lang, String)>,
    ) -> Result<String, Diagnostic> {
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
        let mut breadcrumbs = self.section_crumbs(None, lang, path);
        breadcrumbs.push(Crumb {
            title,
            href: self.href(path, path),
        });
        let page = self.page_view(PageParts {
            lang,
            path,
            title,
            description: title.to_string(),
            alternates,
            switch_fallback: &switch_fallback,
            breadcrumbs,
            kind: "tags",
        });
        let mut context = self.context(&page);
        context.insert("topics", &topics);
        self.template("tags.html", &context, lang)
    }

    fn tag(
        &self,
        path: &str,
        lang: Lang,
        slug: &Slug,
        (number, of): (usize, usize),
        alternates: Vec<(Lang, String)>,
    ) -> Result<String, Diagnostic> {
        let site = self.site;
        let strings = self.strings(lang);
        let tag = site
            .tags(lang)
            .and_then(|tags| tags.get(slug))
            .ok_or_else(|| Diagnostic::error(slug.as_str(), "topic vanished"))?;
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
        let page = self.page_view(PageParts {
            lang,
            path,
            title: &tag.name,
            description: format!("{}: {}", strings.text("tags_title"), tag.name),
            alternates,
            switch_fallback: &switch_fallback,
            breadcrumbs,
            kind: "tag",
        });
        let mut context = self.context(&page);
        context.insert("items", &items);
        context.insert("pagination", &pagination);
        self.template("tag.html", &context, lang)
    }

    /// Links between the `of` pages of a listing, seen from page `number` at `path`.
    fn pagination(
        &self,
        path: &str,
        number: usize,
        of: usize,
        page_path: impl Fn(usize) -> Option<String>,
    ) -> Option<Pagination> {
        (of > 1).then(|| {
            let href = |n: usize| {
                page_path(n)
                    .map(|p| self.href(path, &p))
                    .unwrap_or_default()
            };
            Pagination {
                current: number,
                total: of,
                previous: (number > 1).then(|| href(number - 1)),
                next: (number < of).then(|| href(number + 1)),
                pages: (1..=of)
                    .map(|n| PageLink {
                        number: n,
                        href: href(n),
                        current: n == number,
                    })
                    .collect(),
            }
        })
    }

    /// The Atom feed of `lang`: its dated articles, newest first.
    pub fn feed(&self, lang: Lang) -> Result<String, Diagnostic> {
        const ENTRIES: usize = 20;
        let site = self.site;
        let mut dated: Vec<(&Article, &Translation, &str)> = site
            .translations()
            .filter(|(_, t, _)| t.lang == lang && t.front.date.is_some())
            .collect();
        dated.sort_by(|a, b| b.1.front.date.cmp(&a.1.front.date).then(a.2.cmp(b.2)));
        let timestamp = |d: chrono::NaiveDate| format!("{d}T00:00:00Z");
        let entries: Vec<FeedEntry<'_>> = dated
            .iter()
            .take(ENTRIES)
            .map(|(article, t, path)| {
                let date = t.front.date.map(|d| d.0).unwrap_or_default();
                let summary = t
                    .front
                    .summary
                    .clone()
                    .or_else(|| {
                        self.bodies
                            .get(&(article.path.clone(), lang))
                            .map(|b| b.first_paragraph.clone())
                    })
                    .unwrap_or_default();
                FeedEntry {
                    title: &t.front.title,
                    href: site.config.absolute(path),
                    published: timestamp(date),
                    updated: timestamp(t.front.updated.map_or(date, |u| u.0.max(date))),
                    summary: shorten(&summary, 300),
                }
            })
            .collect();
        let updated = entries
            .iter()
            .map(|e| e.updated.clone())
            .max()
            .unwrap_or_else(|| "1970-01-01T00:00:00Z".to_string());
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
    pub fn not_found(&self, lang: Lang) -> Result<String, Diagnostic> {
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
            kind: "not-found",
        });
        let other_languages = site
            .config
            .languages
            .iter()
            .filter(|l| **l != lang)
            .map(|&other| SwitchLink {
                lang: other.code(),
                name: other.own_name(),
                href: self.href(&path, &format!("{}404.html", site.home_path(other))),
                translated: true,
            })
            .collect();
        let mut context = self.context(&page);
        context.insert("not_found", &NotFoundView { other_languages });
        self.template("404.html", &context, lang)
    }

    /// A dataset in a listing, with its latest full value and the change to it.
    fn dataset_item(
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
            .find(|r| r.observation.value.is_some() && !r.observation.partial)
            .or_else(|| rows.last())?;
        let mut latest = row.observation.value.map_or("–".to_string(), |v| {
            format_number(v, dataset.decimals, lang)
        });
        if row.observation.partial {
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

    fn strings(&self, lang: Lang) -> &InterfaceStrings {
        self.theme.strings.get(&lang).unwrap_or(&NO_STRINGS)
    }

    fn home(
        &self,
        path: &str,
        lang: Lang,
        alternates: Vec<(Lang, String)>,
    ) -> Result<String, Diagnostic> {
        let site = self.site;
        let home = &site.content.home;
        let title = home
            .title
            .get(lang)
            .map_or(site.config.name(lang), String::as_str);
        let description = home
            .description
            .get(lang)
            .or_else(|| site.config.description.get(lang))
            .cloned()
            .unwrap_or_default();
        let mut sections: Vec<(&String, &crate::content::Section)> = site
            .content
            .sections
            .iter()
            .filter(|(_, s)| s.parent.is_none())
            .collect();
        sections.sort_by_key(|(k, s)| (s.meta.weight, (*k).clone()));
        let sections = sections
            .into_iter()
            .filter_map(|(key, section)| {
                let href = self.href(path, site.section_path(key, lang)?);
                Some(HomeSection {
                    title: section.meta.title.get(lang).map_or("", String::as_str),
                    href,
                    items: site
                        .listing(key, lang)
                        .iter()
                        .take(5)
                        .filter_map(|k| self.list_item(k, lang, path))
                        .collect(),
                    datasets: site
                        .section_datasets(key, lang)
                        .into_iter()
                        .filter_map(|(k, d)| self.dataset_item(k, d, lang, path))
                        .collect(),
                })
            })
            .collect();
        let intro = home
            .intro
            .get(lang)
            .map(|md| plain_markdown(md))
            .unwrap_or_default();

        let switch_fallback = |other: Lang| site.home_path(other);
        let page = self.page_view(PageParts {
            lang,
            path,
            title,
            description,
            alternates,
            switch_fallback: &switch_fallback,
            breadcrumbs: Vec::new(),
            kind: "home",
        });
        let mut context = self.context(&page);
        context.insert("home", &HomeView { intro, sections });
        self.template("home.html", &context, lang)
    }

    fn list_item(&self, key: &str, lang: Lang, from: &str) -> Option<ListItem<'s>> {
        let article = self.site.content.articles.get(key)?;
        let translation = article.translations.get(&lang)?;
        let path = self.site.article_path(key, lang)?;
        let body = self.bodies.get(&(key.to_string(), lang));
        let front = &translation.front;
        Some(ListItem {
            title: &front.title,
            href: self.href(from, path),
            date_iso: front.date.map(|d| d.0.to_string()),
            date_text: body.and_then(|b| b.date_text.as_deref()),
            summary: body.map_or("", |b| b.summary.as_str()),
        })
    }

    /// Home, then each section from the outermost down to `section`.
    fn section_crumbs(&self, section: Option<&str>, lang: Lang, from: &str) -> Vec<Crumb<'s>> {
        let site = self.site;
        let home_title = site
            .content
            .home
            .title
            .get(lang)
            .map_or(site.config.name(lang), String::as_str);
        let mut chain = Vec::new();
        let mut current = section.and_then(|k| site.content.sections.get(k));
        while let Some(s) = current {
            chain.push(s);
            current = s
                .parent
                .as_deref()
                .and_then(|p| site.content.sections.get(p));
        }
        let mut crumbs = vec![Crumb {
            title: home_title,
            href: self.href(from, &site.home_path(lang)),
        }];
        for s in chain.into_iter().rev() {
            if let (Some(title), Some(path)) =
                (s.meta.title.get(lang), site.section_path(&s.path, lang))
            {
                crumbs.push(Crumb {
                    title,
                    href: self.href(from, path),
                });
            }
        }
        crumbs
    }

    fn page_view<'p>(&'p self, parts: PageParts<'p, '_>) -> PageView<'p> {
        let site = self.site;
        let config = &site.config;
        let lang = parts.lang;
        let path = parts.path;
        let site_name = config.name(lang);
        let head_title = if parts.kind == "home" || parts.title == site_name {
            site_name.to_string()
        } else {
            format!("{} | {site_name}", parts.title)
        };
        let language_switch = config
            .languages
            .iter()
            .filter(|l| **l != lang)
            .map(|&other| {
                let translated = parts.alternates.iter().find(|(l, _)| *l == other);
                let (target, translated) = match translated {
                    Some((_, p)) => (p.clone(), true),
                    // The 404 page has no alternates but its counterpart is no fallback.
                    None => ((parts.switch_fallback)(other), parts.kind == "not-found"),
                };
                SwitchLink {
                    lang: other.code(),
                    name: other.own_name(),
                    href: self.href(path, &target),
                    translated,
                }
            })
            .collect();
        let alternates = parts
            .alternates
            .iter()
            .map(|(l, p)| Alternate {
                hreflang: l.code(),
                href: config.absolute(p),
            })
            .collect();
        let menu = config
            .menu
            .iter()
            .filter_map(|target| {
                let resolved = site
                    .lookup(target.strip_prefix("@/").unwrap_or(target), lang)
                    .ok()?;
                Some(MenuLink {
                    title: self.target_title(&resolved)?,
                    href: self.href(path, resolved.path),
                    current: if path == resolved.path {
                        Some("page")
                    } else if !resolved.path.is_empty() && path.starts_with(resolved.path) {
                        Some("true")
                    } else {
                        None
                    },
                })
            })
            .collect();
        let footer = match &config.contact {
            Some(contact) => Footer {
                contact_name: contact.name.get(lang).map(String::as_str),
                email: contact.email.as_deref(),
                phone: contact.phone.as_deref(),
                phone_href: contact.phone.as_deref().map(|p| {
                    p.chars()
                        .filter(|c| c.is_ascii_digit() || *c == '+')
                        .collect()
                }),
                url: contact.url.as_deref(),
                accessibility_href: self.accessibility_href(lang, path),
            },
            None => Footer {
                accessibility_href: self.accessibility_href(lang, path),
                ..Footer::default()
            },
        };
        PageView {
            lang: lang.code(),
            // A prefix for file paths, never a link: no index.html here.
            root: match &self.absolute_root {
                Some(root) => root.clone(),
                None => markdown::relative_url(path, ""),
            },
            site_name,
            home_href: self.href(path, &site.home_path(lang)),
            search_href: self.href(path, &site.search_path(lang)),
            title: parts.title,
            head_title,
            description: shorten(&parts.description, DESCRIPTION_LEN),
            csp: content_security_policy(config),
            canonical: if parts.kind == "not-found" {
                String::new()
            } else {
                config.absolute(path)
            },
            feed_href: self.href(path, &format!("{}atom.xml", site.home_path(lang))),
            og_type: "website",
            og_locale: match lang {
                Lang::Sv => "sv_SE",
                Lang::En => "en_GB",
            },
            og_image: None,
            alternates,
            language_switch,
            breadcrumbs: parts.breadcrumbs,
            menu,
            footer,
            kind: parts.kind,
        }
    }

    fn accessibility_href(&self, lang: Lang, from: &str) -> Option<String> {
        let target = self.site.config.accessibility_statement.as_deref()?;
        let resolved = self
            .site
            .lookup(target.strip_prefix("@/").unwrap_or(target), lang)
            .ok()?;
        Some(self.href(from, resolved.path))
    }

    /// The title of a link target in its language.
    fn target_title(&self, resolved: &Resolved<'s>) -> Option<&'s str> {
        match resolved.target {
            Target::Home => Some(
                self.site
                    .content
                    .home
                    .title
                    .get(resolved.lang)
                    .map_or(self.site.config.name(resolved.lang), String::as_str),
            ),
            Target::Section(s) => s.meta.title.get(resolved.lang).map(String::as_str),
            Target::Article(a) => a
                .translations
                .get(&resolved.lang)
                .map(|t| t.front.title.as_str()),
            Target::Dataset(d) => d.title.get(resolved.lang).map(String::as_str),
        }
    }
}

/// What differs between kinds of page when building a [`PageView`].
struct PageParts<'a, 'f> {
    lang: Lang,
    path: &'a str,
    title: &'a str,
    description: String,
    /// Every language the page exists in, with its path.
    alternates: Vec<(Lang, String)>,
    /// Where the language switch goes when the page has no translation.
    switch_fallback: &'f dyn Fn(Lang) -> String,
    breadcrumbs: Vec<Crumb<'a>>,
    kind: &'static str,
}

/// What a page may load: its own styles, scripts and files, images from
/// anywhere over https, iframes only from the hosts site.yaml lists. No
/// inline script or style, so injected markup cannot run. Opened from disk
/// browsers treat every file as its own origin, so a `--for-disk` build has none.
fn content_security_policy(config: &crate::config::SiteConfig) -> String {
    if config.link_files {
        return String::new();
    }
    let frames = if config.iframe_hosts.is_empty() {
        "'none'".to_string()
    } else {
        config
            .iframe_hosts
            .iter()
            .map(|h| format!("https://{h}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    format!(
        "default-src 'self'; img-src 'self' https: data:; style-src 'self'; script-src 'self'; frame-src {frames}; object-src 'none'; base-uri 'self'; form-action 'self'"
    )
}

/// Articles per page of a topic.
const TAG_PAGE_SIZE: usize = 20;

/// How much of an article's text goes into the search index: enough to find
/// it by what it is about, small enough to load on a phone.
const SEARCH_TEXT: usize = 1500;

/// A page in the search index.
#[derive(serde::Serialize)]
pub struct SearchEntry {
    #[serde(rename = "t")]
    pub title: String,
    #[serde(rename = "u")]
    pub href: String,
    #[serde(rename = "s")]
    pub summary: String,
    /// Lowercase words without accents (å ä ö → a a o), as the search script compares them.
    #[serde(rename = "w")]
    pub words: String,
}

/// The distinct folded words of `text`, at most `max` bytes of them; stops
/// reading as soon as it is full, since articles can be long.
fn search_words(text: &str, max: usize) -> String {
    let mut seen = std::collections::HashSet::new();
    let mut out = String::with_capacity(max);
    let mut word = String::new();
    let mut flush = |word: &mut String, out: &mut String| -> bool {
        if !word.is_empty() && out.len() + word.len() < max && seen.insert(word.clone()) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
        word.clear();
        out.len() + 1 < max
    };
    for c in text.chars().flat_map(char::to_lowercase) {
        let folded = crate::content::slug::fold_letter(c);
        if folded.is_empty() {
            if !flush(&mut word, &mut out) {
                return out;
            }
        } else {
            word.push_str(folded);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// At most `max` characters, cut at a word, with an ellipsis when cut.
pub fn shorten(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', '.', ';', ':', ' ']))
}

/// Markdown from YAML (the home page's introduction): no links to resolve, no headings.
fn plain_markdown(markdown: &str) -> String {
    let mut html = String::new();
    let parser = pulldown_cmark::Parser::new_ext(
        markdown,
        pulldown_cmark::Options::ENABLE_SMART_PUNCTUATION,
    );
    pulldown_cmark::html::push_html(&mut html, parser);
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_words_are_folded_distinct_and_bounded() {
        assert_eq!(
            search_words("Nytt möte, nytt MÖTE: Call-in", 100),
            "nytt mote call in"
        );
        assert_eq!(search_words("ett två tre", 7), "ett tva");
    }

    #[test]
    fn shorten_cuts_at_a_word_and_marks_the_cut() {
        assert_eq!(shorten("kort  text", 160), "kort text");
        assert_eq!(shorten("ett två tre fyra", 9), "ett två…");
        assert_eq!(shorten("åäö åäö åäö", 5), "åäö…");
    }
}
