//! Rendering pages: Markdown bodies, then Tera templates over borrowed views.
//!
//! This is the `render` step. It turns the resolved [`Site`] into HTML
//! strings; it knows nothing of files on disk (that is [`crate::output`]).

mod calendar;
pub(crate) mod catalogue;
pub(crate) mod description;
pub(crate) mod fingerprint;
mod languages;
mod publish;
mod search;
mod statement;
mod statistics;
pub(crate) mod theme;
mod topics;
mod views;

pub use search::SearchEntry;
pub(crate) use views::TemplateInput;

use std::collections::BTreeMap;

use tera::Context;

use crate::content::{Article, Translation};
use crate::dataset::trend::{Change, trend_rows};
use crate::dataset::{self, Dataset};
use crate::diagnostics::Diagnostic;
use crate::i18n::{InterfaceStrings, Lang};
use crate::markdown::{self, Rendered};
use crate::messages::{Message, Phrase, Rule};
use crate::site::reads::{self, Part};
use crate::site::{Resolved, Site, Target};
use crate::text::date::Date;
use crate::text::slug::Slug;
pub(crate) use theme::Theme;
use views::*;

/// Strings used where the theme's could not be loaded: every lookup shows its key.
static NO_STRINGS: InterfaceStrings = InterfaceStrings::EMPTY;

/// Rendered Markdown of every translation, by article and language, and of the home page's introduction.
#[derive(Debug, Default)]
pub(crate) struct Bodies {
    /// Looked up for every listed article of every page, so by hash and
    /// without building a key.
    articles: rustc_hash::FxHashMap<String, BTreeMap<Lang, Rendered>>,
    intros: BTreeMap<Lang, String>,
    /// The parts of the site (as [`crate::site::reads::Part::key`]) that
    /// changed since the bodies reused were made; `None` when that is not
    /// known (a first build, or an edit to settings, a section, a dataset or
    /// the home page), so every page's view must be made again.
    changed: Option<rustc_hash::FxHashSet<u64>>,
    /// The bodies with findings or anchors to check, in the site's order:
    /// after each edit, these are what is checked again, not every body.
    noted: std::collections::BTreeSet<(String, Lang)>,
    /// The bodies that link to or show each page or dataset, by its key or
    /// id: after a page moved, these are what may be made again, not every
    /// body. Made when first needed (under `serve`), then kept as bodies
    /// come; a body made again since may no longer link there, so what it
    /// lists is checked against the body.
    linked_by: Option<rustc_hash::FxHashMap<String, Vec<(String, Lang)>>>,
}

impl Bodies {
    pub(crate) fn new() -> Self {
        Bodies::default()
    }

    /// The body of `article` in `lang`.
    pub(crate) fn get(&self, article: &str, lang: Lang) -> Option<&Rendered> {
        reads::record(Part::Article(article));
        let body = self.articles.get(article)?.get(&lang)?;
        reads::record_body(body.version);
        Some(body)
    }

    /// The title's sort key and the link from the search page of `lang` to
    /// `article`'s page, made once with its body. Both come from the front
    /// matter and the address, so the read is of the article, not of its
    /// body: the search page is not made again when only a body changed.
    pub(crate) fn search_order(&self, article: &str, lang: Lang) -> Option<&(String, String)> {
        let body = self.articles.get(article)?.get(&lang)?;
        reads::record_body(body.search_version);
        Some(&body.search_order)
    }

    /// The entry of `article` in the search index of `lang`: what its body
    /// says, and its front matter and address in `lang` alone.
    pub(crate) fn search_entry(&self, article: &str, lang: Lang) -> Option<&str> {
        let body = self.articles.get(article)?.get(&lang)?;
        reads::record_body(body.search_version);
        Some(&body.search_entry)
    }

    /// Whether a view that read `reads` may show something else now: it read
    /// a body that was made again, or a part of the site that changed.
    pub(crate) fn may_change(
        &self,
        reads: &reads::Reads,
        current: &rustc_hash::FxHashSet<u64>,
    ) -> bool {
        !reads.bodies.iter().all(|version| current.contains(version))
            || self
                .changed
                .as_ref()
                .is_none_or(|changed| reads.parts.iter().any(|part| changed.contains(part)))
    }

    /// The version of every body.
    pub(crate) fn versions(&self) -> rustc_hash::FxHashSet<u64> {
        (self.articles.values())
            .flat_map(|bodies| bodies.values())
            .flat_map(|body| [body.version, body.search_version])
            .collect()
    }

    fn take(&mut self, article: &str, lang: Lang) -> Option<Rendered> {
        let body = self.articles.get_mut(article)?.remove(&lang)?;
        if body.is_noted() {
            self.noted.remove(&(article.to_string(), lang));
        }
        Some(body)
    }

    fn insert(&mut self, article: String, lang: Lang, body: Rendered) {
        if body.is_noted() {
            self.noted.insert((article.clone(), lang));
        }
        if let Some(linked_by) = &mut self.linked_by {
            for key in body.linked.iter().chain(&body.embedded) {
                linked_by
                    .entry(key.clone())
                    .or_default()
                    .push((article.clone(), lang));
            }
        }
        self.articles.entry(article).or_default().insert(lang, body);
    }

    /// Notes which bodies link to or show each page, as edits under `serve`
    /// look up (made on the first edit if not before).
    pub(crate) fn index_links(&mut self) {
        let mut linked_by: rustc_hash::FxHashMap<String, Vec<(String, Lang)>> = Default::default();
        for (article, bodies) in &self.articles {
            for (lang, body) in bodies {
                for key in body.linked.iter().chain(&body.embedded) {
                    linked_by
                        .entry(key.clone())
                        .or_default()
                        .push((article.clone(), *lang));
                }
            }
        }
        self.linked_by = Some(linked_by);
    }
}

/// What the search index and page held of a body made again.
struct SearchedAs {
    entry: String,
    order: (String, String),
    version: u64,
}

impl From<Rendered> for SearchedAs {
    fn from(body: Rendered) -> Self {
        SearchedAs {
            entry: body.search_entry,
            order: body.search_order,
            version: body.search_version,
        }
    }
}

/// Bodies of an earlier build of the same site, to use again where nothing they depend on changed.
pub(crate) struct Reuse {
    pub(crate) previous: Bodies,
    /// Translations whose files changed (or went) since.
    pub(crate) edited: std::collections::BTreeSet<(String, Lang)>,
    /// Articles among `edited` whose front matter changed, or that gained or
    /// lost a translation: views may show something else of them than their
    /// bodies. An edit below the front matter changes only the body, whose
    /// readers see its new version.
    pub(crate) fronts_edited: std::collections::BTreeSet<String>,
    /// The resolution the bodies were made with, when the site was resolved
    /// again since; `None` when it was not, so nothing any body links to moved.
    pub(crate) resolved_before: Option<crate::site::Resolution>,
    /// Whether only translations were edited since `resolved_before` was
    /// made: then it differs from the content now in `edited_articles` alone.
    pub(crate) articles_only: bool,
    /// The articles of `edited`.
    pub(crate) edited_articles: std::collections::BTreeSet<String>,
    /// What the edits left as it was of what resolving reads of `edited_articles`.
    pub(crate) unchanged: crate::site::Unchanged,
    /// Ids of the datasets whose files changed since, for the bodies that show them.
    pub(crate) changed_datasets: std::collections::BTreeSet<String>,
    /// The parts of the site other than articles whose files changed since
    /// (sections, datasets), as [`crate::site::reads::Part::key`]; `None`
    /// when what changed is not known part by part (the home page's texts,
    /// or whatever a failed build since read), so every view is made again.
    pub(crate) changed_parts: Option<Vec<u64>>,
}

/// Renders every translation's Markdown (in parallel) and checks anchors between pages.
///
/// Without a theme (it failed to load) trend blocks show their keys, but
/// every Markdown problem is still found and reported. With `reuse`, a body
/// whose file, address and link targets are as before is kept, not rendered again.
pub(crate) fn bodies(
    site: &Site,
    theme: Option<&Theme>,
    reuse: Option<Reuse>,
) -> (Bodies, Vec<Diagnostic>) {
    use rayon::prelude::*;
    let strings = |lang: Lang| {
        theme
            .and_then(|t| t.strings.get(&lang))
            .unwrap_or(&NO_STRINGS)
    };
    // What the search index held of each body made again, to keep its search version where it holds the same.
    let mut searched: rustc_hash::FxHashMap<(String, Lang), SearchedAs> = Default::default();
    let (mut bodies, stale): (Bodies, Vec<(&Article, &Translation, &str)>) = match reuse {
        None => (Bodies::new(), site.translations().collect()),
        Some(mut reuse) => {
            // Bodies of translations that went are among the edited.
            for (key, lang) in &reuse.edited {
                if let Some(body) = reuse.previous.take(key, *lang) {
                    searched.insert((key.clone(), *lang), SearchedAs::from(body));
                }
            }
            let moved = (reuse.resolved_before.as_ref())
                .map(|before| site.moved_since(before))
                .or_else(|| (!reuse.changed_datasets.is_empty()).then(Default::default));
            let changed = match (&reuse.changed_parts, &reuse.resolved_before, &moved) {
                (None, _, _) => None,
                (Some(_), Some(before), Some(moved)) => Some(site.changed_since(before, moved)),
                // Not resolved again: no address, listing or topic changed.
                _ => Some(Default::default()),
            };
            let changed = changed.map(|mut changed: rustc_hash::FxHashSet<u64>| {
                changed.extend(
                    reuse
                        .fronts_edited
                        .iter()
                        .map(|key| Part::Article(key).key()),
                );
                // What changed in one language, for views that read one language.
                // (A translation that came or went moved: `changed_since` says so.)
                for (key, lang) in &reuse.edited {
                    if reuse.fronts_edited.contains(key) {
                        changed.insert(Part::ArticleIn(key, *lang).key());
                    }
                }
                changed.extend(reuse.changed_parts.iter().flatten());
                changed
            });
            let stale: Vec<(&Article, &Translation, &str)> = match &moved {
                None => (reuse.edited.iter())
                    .filter_map(|(key, lang)| {
                        let article = site.content.articles.get(key)?;
                        let translation = article.translations.get(lang)?;
                        Some((article, translation, site.article_path(key, *lang)?))
                    })
                    .collect(),
                Some(moved) => {
                    if reuse.previous.linked_by.is_none() {
                        reuse.previous.index_links();
                    }
                    let previous = &reuse.previous;
                    // What may have to be made again: the translations edited
                    // (or come), those whose own page moved, those with
                    // findings (which name other pages), and those that link
                    // to or show what moved or changed.
                    let mut candidates: std::collections::BTreeSet<(&str, Lang)> =
                        (reuse.edited.iter())
                            .map(|(key, lang)| (key.as_str(), *lang))
                            .chain(moved.articles_in())
                            .chain(
                                previous
                                    .noted
                                    .iter()
                                    .map(|(key, lang)| (key.as_str(), *lang)),
                            )
                            .collect();
                    let linked_by = previous.linked_by.as_ref();
                    for key in moved
                        .keys()
                        .chain(reuse.changed_datasets.iter().map(String::as_str))
                    {
                        let linking = linked_by.and_then(|l| l.get(key)).into_iter().flatten();
                        candidates.extend(linking.map(|(key, lang)| (key.as_str(), *lang)));
                    }
                    candidates
                        .into_iter()
                        .filter_map(|(key, lang)| {
                            let article = site.content.articles.get(key)?;
                            let translation = article.translations.get(&lang)?;
                            let path = site.article_path(key, lang)?;
                            let stale = previous.get(key, lang).is_none_or(|body| {
                                body.depends_on((site, key, lang), moved, &reuse.changed_datasets)
                            });
                            stale.then_some((article, translation, path))
                        })
                        .collect()
                }
            };
            for (article, translation, _) in &stale {
                if let Some(body) = reuse.previous.take(&article.path, translation.lang) {
                    searched.insert(
                        (article.path.clone(), translation.lang),
                        SearchedAs::from(body),
                    );
                }
            }
            drop(moved);
            if let Some(before) = reuse.resolved_before.take() {
                // Tens of thousands of small strings: freed off the rebuild's path.
                crate::output::free_later(before);
            }
            reuse.previous.changed = changed;
            (reuse.previous, stale)
        }
    };
    let rendered: Vec<Rendered> = stale
        .par_iter()
        .map(|&(article, translation, path)| {
            let mut rendered =
                markdown::render(site, strings(translation.lang), article, translation, path);
            let front = &translation.front;
            let summary = front
                .summary
                .as_deref()
                .unwrap_or(&rendered.first_paragraph);
            rendered.summary = shorten(summary, 300);
            rendered.date_text = front.date.map(|d| translation.lang.long_date(d.0));
            (rendered.search_entry, rendered.search_order) =
                SearchEntry::of_body(site, translation, path, summary, &rendered);
            rendered
        })
        .collect();
    for ((article, translation, _), mut body) in stale.into_iter().zip(rendered) {
        // Empty on a whole build: no key is made for every body then.
        if !searched.is_empty()
            && let Some(before) = searched.get(&(article.path.clone(), translation.lang))
            && before.entry == body.search_entry
            && before.order == body.search_order
        {
            body.search_version = before.version;
        }
        bodies.insert(article.path.clone(), translation.lang, body);
    }
    let mut errors = Vec::new();
    bodies.intros = intros(site, &mut errors);
    // In the site's order, so messages come out the same every time; only
    // the bodies with something to say or check.
    for (key, lang) in &bodies.noted {
        let translation = (site.content.articles.get(key))
            .and_then(|article| article.translations.get(lang))
            .filter(|_| site.article_path(key, *lang).is_some());
        let (Some(translation), Some(body)) = (translation, bodies.get(key, *lang)) else {
            continue;
        };
        errors.extend(body.diagnostics.iter().cloned());
        for check in &body.anchor_checks {
            let Some(target) = bodies.get(&check.article, check.lang) else {
                continue;
            };
            if !target.ids.contains(&check.anchor) {
                let hint = crate::diagnostics::closest(
                    &check.anchor,
                    target.ids.iter().map(String::as_str),
                )
                .map_or_else(
                    || Message::from(Phrase::AnchorHint),
                    |s| Phrase::DidYouMeanAnchor.with("anchor", s),
                );
                let whose = if check.article == *key && check.lang == *lang {
                    Message::from(Phrase::ThisPage)
                } else {
                    Phrase::PageInLanguage
                        .with("page", &check.article)
                        .with("language", check.lang.name())
                };
                let problem = Rule::LinkMissingAnchor
                    .with("page", whose)
                    .with("anchor", &check.anchor);
                errors.push(
                    Diagnostic::error(
                        &translation.file,
                        Phrase::BrokenLink.with("problem", problem),
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
pub(crate) enum PageJob {
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
    /// The "other languages" page of a language.
    Languages(Lang),
    /// One page of a topic's articles.
    Tag {
        lang: Lang,
        slug: Slug,
        number: usize,
        of: usize,
    },
    /// A redirect at an old address (an alias, or where a page was published before), in its language.
    Redirect(Lang),
    /// The statistics calendar of a language.
    Calendar(Lang),
}

impl PageJob {
    /// The language of the page.
    pub(crate) fn lang(&self) -> Lang {
        match self {
            PageJob::Home(lang)
            | PageJob::Section { lang, .. }
            | PageJob::Article { lang, .. }
            | PageJob::Dataset { lang, .. }
            | PageJob::Tags(lang)
            | PageJob::Search(lang)
            | PageJob::Languages(lang)
            | PageJob::Tag { lang, .. }
            | PageJob::Redirect(lang)
            | PageJob::Calendar(lang) => *lang,
        }
    }
}

/// Renders pages of a site with a theme.
pub(crate) struct Renderer<'s> {
    site: &'s Site,
    theme: &'s Theme,
    bodies: &'s Bodies,
    /// The site's root path (`/sluta-skjut/`) when links must not be relative.
    absolute_root: Option<String>,
    /// Every article by content path, made on first use: a listing looks up
    /// each article it shows, and the content's ordered map costs a cache
    /// miss per key compared.
    articles: std::sync::OnceLock<rustc_hash::FxHashMap<&'s str, &'s Article>>,
}

/// Longest description we write into `<meta name="description">`.
const DESCRIPTION_LEN: usize = 160;

impl<'s> Renderer<'s> {
    /// A renderer whose links are relative, so the site works from any folder.
    pub(crate) fn new(site: &'s Site, theme: &'s Theme, bodies: &'s Bodies) -> Self {
        Renderer {
            site,
            theme,
            bodies,
            absolute_root: None,
            articles: std::sync::OnceLock::new(),
        }
    }

    /// A renderer whose links start at the site's root path, for pages such
    /// as 404.html that a web server shows at any address.
    pub(crate) fn with_absolute_links(
        site: &'s Site,
        theme: &'s Theme,
        bodies: &'s Bodies,
    ) -> Self {
        let root = site.config.root_path();
        Renderer {
            site,
            theme,
            bodies,
            absolute_root: Some(root.to_string()),
            articles: std::sync::OnceLock::new(),
        }
    }

    /// Every page of the site, in a stable order.
    pub(crate) fn jobs(&self) -> Vec<(String, PageJob)> {
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
            if let Some(path) = site.languages_path(lang) {
                jobs.push((path, PageJob::Languages(lang)));
            }
            if let Some(path) = site.calendar_path(lang) {
                jobs.push((path, PageJob::Calendar(lang)));
            }
            if let (Some(index), Some(tags)) = (site.tags_path(lang), site.tags(lang)) {
                jobs.push((index, PageJob::Tags(lang)));
                for (slug, tag) in tags {
                    let of = tag.articles.len().div_ceil(topics::TAG_PAGE_SIZE).max(1);
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
        for (path, redirect) in site.redirects() {
            jobs.push((path.clone(), PageJob::Redirect(redirect.lang)));
        }
        jobs
    }

    /// Every language version of a page, with its path: what `hreflang` links and the sitemap list.
    pub(crate) fn alternates(&self, path: &str, job: &PageJob) -> Vec<(Lang, String)> {
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
            PageJob::Languages(_) => languages
                .filter_map(|l| site.languages_path(l).map(|p| (l, p)))
                .collect(),
            PageJob::Calendar(_) => languages
                .filter_map(|l| site.calendar_path(l).map(|p| (l, p)))
                .collect(),
            // The same topic written alike in another language is that topic's page.
            PageJob::Tag {
                slug, number: 1, ..
            } => languages
                .filter_map(|l| site.tag_path(l, slug).map(|p| (l, p)))
                .collect(),
            PageJob::Tag { lang, .. } => vec![(*lang, path.to_string())],
            // A redirect is no version of a page.
            PageJob::Redirect(_) => Vec::new(),
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
    pub(crate) fn render(&self, path: &str, job: &PageJob) -> Result<String, Diagnostic> {
        let mut html = Vec::new();
        self.render_input(
            self.input(path, job, self.alternates(path, job))?,
            &mut html,
        )?;
        Ok(template_text(html))
    }

    /// All the template of page `job` receives, its `alternates` already known.
    pub(crate) fn input<'p>(
        &'p self,
        path: &'p str,
        job: &PageJob,
        alternates: Vec<(Lang, String)>,
    ) -> Result<TemplateInput<'p>, Diagnostic> {
        match job {
            PageJob::Home(lang) => self.home(path, *lang, alternates),
            PageJob::Section {
                key,
                lang,
                number,
                of,
            } => self.section(path, key, *lang, (*number, *of), alternates),
            PageJob::Article { key, lang } => self.article(path, key, *lang, alternates),
            PageJob::Dataset { key, lang } => self.dataset(path, key, *lang, alternates),
            PageJob::Tags(lang) => self.tags(path, *lang, alternates),
            PageJob::Search(lang) => self.search(path, *lang, alternates),
            PageJob::Languages(lang) => self.languages(path, *lang, alternates),
            PageJob::Tag {
                lang,
                slug,
                number,
                of,
            } => self.tag(path, *lang, slug, (*number, *of), alternates),
            PageJob::Redirect(lang) => self.redirect(path, *lang),
            PageJob::Calendar(lang) => self.calendar(path, *lang, alternates),
        }
    }

    /// The HTML of a page from what its template receives, added to `html`.
    ///
    /// Into bytes, not a `String`: pages go to a sink as bytes, and a buffer
    /// kept from page to page spares allocating and checking each page's HTML.
    pub(crate) fn render_input(
        &self,
        input: TemplateInput<'_>,
        html: &mut Vec<u8>,
    ) -> Result<(), Diagnostic> {
        let mut context = self.context(&input.page);
        // Views are plain data; were one to fail, it is the template's page that failed.
        let kind = Context::from_serialize(&input.kind).map_err(|e| {
            Diagnostic::error(
                input.template,
                Rule::TemplateFailed.with("error", e.to_string()),
            )
        })?;
        context.extend(kind);
        self.template_to(input.template, &context, input.lang, html)
    }

    /// Renders a template; a failure is reported once per template, not once per page.
    fn template(&self, name: &str, context: &Context, lang: Lang) -> Result<String, Diagnostic> {
        let mut text = Vec::new();
        self.template_to(name, context, lang, &mut text)?;
        Ok(template_text(text))
    }

    /// Renders a template into `out`, as [`Self::template`] does.
    fn template_to(
        &self,
        name: &str,
        context: &Context,
        lang: Lang,
        out: &mut Vec<u8>,
    ) -> Result<(), Diagnostic> {
        (self.theme.tera(lang))
            .render_to(name, context, Bytes(out))
            .map_err(|e| {
                let origin = self
                    .theme
                    .template_origins
                    .get(name)
                    .map_or(name, String::as_str);
                Diagnostic::error(
                    origin,
                    Rule::TemplateFailed.with("error", theme::tera_message(&e)),
                )
            })
    }

    fn context(&self, page: &PageView<'_>) -> Context {
        let mut context = Context::new();
        context.insert("page", page);
        context
    }

    fn article<'p>(
        &'p self,
        path: &'p str,
        key: &str,
        lang: Lang,
        alternates: Vec<(Lang, String)>,
    ) -> Result<TemplateInput<'p>, Diagnostic> {
        let site = self.site;
        let article = site
            .content
            .articles
            .get(key)
            .ok_or_else(|| Diagnostic::error(key, vanished(Phrase::ArticleWord, key)))?;
        let translation = article
            .translations
            .get(&lang)
            .ok_or_else(|| Diagnostic::error(key, vanished(Phrase::TranslationWord, key)))?;
        let body = self.bodies.get(key, lang);
        let front = &translation.front;

        let switch_fallback = |other: Lang| match &article.section {
            Some(section) => site
                .section_path(section, other)
                .map(str::to_string)
                .unwrap_or_else(|| site.home_path(other)),
            None => site.home_path(other),
        };
        let crumbs = self.crumbs_to_page(article.section.as_deref(), lang, path, &front.title);
        let page = self.page_view(PageParts {
            lang,
            path,
            title: &front.title,
            description: description::of_article(
                site,
                article,
                translation,
                body.map(|b| b.first_paragraph.as_str()),
            )
            .unwrap_or_default()
            .to_string(),
            alternates,
            switch_fallback: &switch_fallback,
            breadcrumbs: crumbs,
            kind: PageKind::Article,
        });
        let mut page = page;
        page.og_type = "article";
        page.og_image = front
            .image
            .as_ref()
            .map(|image| site.config.absolute(&format!("{path}{}", image.src)));
        // Named on the page only when site.yaml's `owners:` gives the owner a name.
        let owner = (front.owner.as_deref()).and_then(|id| site.config.review.owner(id));
        let view = ArticleView {
            date_iso: front.date.map(Date::html),
            date_text: front.date.map(|d| lang.long_date(d.0)),
            updated_iso: front.updated.map(Date::html),
            updated_text: front.updated.map(|d| lang.long_date(d.0)),
            reviewed_iso: front.reviewed.map(|d| d.0.to_string()),
            reviewed_text: front.reviewed.map(|d| lang.long_date(d.0)),
            owner_name: owner.and_then(|o| o.name.get(lang)).map(String::as_str),
            owner_href: owner.and_then(|o| o.url.as_deref()),
            body: BodyHtml {
                html: body.map_or("", |b| b.html.as_str()),
                version: body.map_or(0, |b| b.version),
            },
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
            statement: statement::view(site, self.strings(lang), key, lang).map(Box::new),
        };
        Ok(TemplateInput {
            template: "article.html",
            lang,
            page,
            kind: KindView::Article { article: view },
        })
    }

    fn section<'p>(
        &'p self,
        path: &'p str,
        key: &str,
        lang: Lang,
        (number, of): (usize, usize),
        alternates: Vec<(Lang, String)>,
    ) -> Result<TemplateInput<'p>, Diagnostic> {
        let site = self.site;
        // Read in `lang` only: an edit to another language's texts leaves these pages be.
        let section = site
            .section_in(key, lang)
            .ok_or_else(|| Diagnostic::error(key, vanished(Phrase::SectionWord, key)))?;
        let title = section.title.unwrap_or_default();
        let description = description::of_section(site, key, lang)
            .unwrap_or_default()
            .to_string();
        let size = section.page_size.max(1);
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
        let mut page = self.page_view(PageParts {
            lang,
            path,
            title,
            description,
            alternates,
            switch_fallback: &switch_fallback,
            breadcrumbs: self.section_crumbs(Some(key), lang, path),
            kind: PageKind::Section,
        });
        page.number(self.strings(lang), number, of);
        let datasets = if number == 1 {
            site.section_datasets(key, lang)
                .into_iter()
                .filter_map(|(k, d)| self.dataset_item(k, d, lang, path))
                .collect()
        } else {
            Vec::new()
        };
        let calendar = (!datasets.is_empty())
            .then(|| site.calendar_path(lang))
            .flatten()
            .map(|calendar| self.href(path, &calendar));
        let view = SectionView {
            calendar,
            datasets,
            description: section.description,
            items,
            pagination,
        };
        Ok(TemplateInput {
            template: "section.html",
            lang,
            page,
            kind: KindView::Section {
                section: view,
                page_number: (number > 1).then_some(number),
            },
        })
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
                pages: page_window(number, of)
                    .into_iter()
                    .map(|n| match n {
                        Some(n) => PageLink {
                            number: n,
                            href: href(n),
                            current: n == number,
                            gap: false,
                        },
                        None => PageLink {
                            number: 0,
                            href: String::new(),
                            current: false,
                            gap: true,
                        },
                    })
                    .collect(),
            }
        })
    }

    fn strings(&self, lang: Lang) -> &InterfaceStrings {
        self.theme.strings.get(&lang).unwrap_or(&NO_STRINGS)
    }

    fn home<'p>(
        &'p self,
        path: &'p str,
        lang: Lang,
        alternates: Vec<(Lang, String)>,
    ) -> Result<TemplateInput<'p>, Diagnostic> {
        let site = self.site;
        let home = &site.content.home;
        let title = home
            .title
            .get(lang)
            .map_or(site.config.name(lang), String::as_str);
        let description = description::of_home(site, lang)
            .unwrap_or_default()
            .to_string();
        let mut sections: Vec<(&String, &crate::content::Section)> = site
            .sections()
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
        let intro = self.bodies.intros.get(&lang).cloned().unwrap_or_default();

        let switch_fallback = |other: Lang| site.home_path(other);
        let page = self.page_view(PageParts {
            lang,
            path,
            title,
            description,
            alternates,
            switch_fallback: &switch_fallback,
            breadcrumbs: Vec::new(),
            kind: PageKind::Home,
        });
        Ok(TemplateInput {
            template: "home.html",
            lang,
            page,
            kind: KindView::Home {
                home: HomeView { intro, sections },
            },
        })
    }

    /// A redirect page: where the page at `path` went, as a meta refresh, a canonical link and a plain link.
    fn redirect<'p>(&'p self, path: &'p str, lang: Lang) -> Result<TemplateInput<'p>, Diagnostic> {
        let site = self.site;
        let gone = || Diagnostic::error(path, vanished(Phrase::RedirectWord, path));
        let redirect = site.redirect(path).ok_or_else(gone)?;
        let target_lang = redirect.target_lang;
        let target = site
            .page_path(&redirect.page, target_lang)
            .ok_or_else(gone)?;
        let resolved = site
            .lookup(&redirect.page, target_lang)
            .map_err(|_| gone())?;
        let title = self.target_title(&resolved).unwrap_or(target);
        let heading = self.strings(lang).text("redirect_heading");
        let switch_fallback = |other: Lang| site.home_path(other);
        let mut page = self.page_view(PageParts {
            lang,
            path,
            title: heading,
            description: String::new(),
            alternates: Vec::new(),
            switch_fallback: &switch_fallback,
            breadcrumbs: Vec::new(),
            kind: PageKind::Redirect,
        });
        page.canonical = site.config.absolute(target);
        let view = RedirectView {
            href: self.href(path, target),
            title,
            lang: target_lang.code(),
            language_name: (target_lang != lang).then(|| target_lang.own_name()),
        };
        Ok(TemplateInput {
            template: "redirect.html",
            lang,
            page,
            kind: KindView::Redirect { redirect: view },
        })
    }

    fn list_item(&self, key: &str, lang: Lang, from: &str) -> Option<ListItem<'s>> {
        let articles = self.articles.get_or_init(|| {
            (self.site.content.articles.iter())
                .map(|(key, article)| (key.as_str(), article))
                .collect()
        });
        let article = *articles.get(key)?;
        let translation = article.translations.get(&lang)?;
        let path = self.site.article_path(key, lang)?;
        let body = self.bodies.get(key, lang);
        let front = &translation.front;
        Some(ListItem {
            title: &front.title,
            href: self.href(from, path),
            date_iso: front.date.map(Date::html),
            date_text: body.and_then(|b| b.date_text.as_deref()),
            summary: body.map_or("", |b| b.summary.as_str()),
        })
    }

    /// Home, then each section from the outermost down to `section`.
    /// The breadcrumbs of a page in `section` (or none): home, the sections, then the page itself.
    fn crumbs_to_page<'t>(
        &self,
        section: Option<&str>,
        lang: Lang,
        path: &str,
        title: &'t str,
    ) -> Vec<Crumb<'t>>
    where
        's: 't,
    {
        let mut crumbs = self.section_crumbs(section, lang, path);
        crumbs.push(Crumb {
            title,
            href: self.href(path, path),
        });
        crumbs
    }

    fn section_crumbs(&self, section: Option<&str>, lang: Lang, from: &str) -> Vec<Crumb<'s>> {
        let site = self.site;
        let home_title = site
            .content
            .home
            .title
            .get(lang)
            .map_or(site.config.name(lang), String::as_str);
        let mut chain = Vec::new();
        let mut current = section.and_then(|k| site.section_heading(k));
        while let Some(s) = current {
            current = s.parent.and_then(|p| site.section_heading(p));
            chain.push(s);
        }
        let mut crumbs = vec![Crumb {
            title: home_title,
            href: self.href(from, &site.home_path(lang)),
        }];
        for s in chain.into_iter().rev() {
            if let (Some(title), Some(path)) = (s.title.get(lang), site.section_path(s.key, lang)) {
                crumbs.push(Crumb {
                    title,
                    href: self.href(from, path),
                });
            }
        }
        crumbs
    }

    /// The frame of a page torget writes itself (search, calendar, other languages):
    /// its title and description from the interface strings named by `texts`,
    /// breadcrumbs through `section`, and where the language switch goes for a
    /// language without the page.
    fn generated_page_view<'p>(
        &'p self,
        (path, lang, alternates): (&'p str, Lang, Vec<(Lang, String)>),
        (kind, texts, section): (PageKind, [&'static str; 2], Option<&str>),
        switch_fallback: &dyn Fn(Lang) -> String,
    ) -> PageView<'p> {
        let strings = self.strings(lang);
        let [title, description] = texts.map(|key| strings.text(key));
        let breadcrumbs = self.crumbs_to_page(section, lang, path, title);
        self.page_view(PageParts {
            lang,
            path,
            title,
            description: description.to_string(),
            alternates,
            switch_fallback,
            breadcrumbs,
            kind,
        })
    }

    fn page_view<'p>(&'p self, parts: PageParts<'p, '_>) -> PageView<'p> {
        let site = self.site;
        let config = &site.config;
        let lang = parts.lang;
        let path = parts.path;
        let site_name = config.name(lang);
        let head_title = if parts.kind == PageKind::Home || parts.title == site_name {
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
                    None => (
                        (parts.switch_fallback)(other),
                        parts.kind == PageKind::NotFound,
                    ),
                };
                SwitchLink::new(
                    lang,
                    other,
                    self.href(path, &target),
                    translated,
                    self.strings(lang),
                )
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
                phone: contact.phone.as_deref().map(unbreakable),
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
            dir: lang.dir(),
            // A prefix for file paths, never a link: no index.html here.
            root: match &self.absolute_root {
                Some(root) => root.clone(),
                None => crate::text::relative_url(path, ""),
            },
            site_name,
            home_href: self.href(path, &site.home_path(lang)),
            search_href: self.href(path, &site.search_path(lang)),
            languages_href: site.languages_path(lang).map(|p| self.href(path, &p)),
            title: parts.title,
            head_title,
            og_title: parts.title.to_string(),
            // Empty where nothing is written for the page: see `description`.
            description: if parts.description.trim().is_empty() {
                shorten(
                    &description::generic(self.strings(lang), parts.title, site_name),
                    DESCRIPTION_LEN,
                )
            } else {
                shorten(&parts.description, DESCRIPTION_LEN)
            },
            csp: content_security_policy(config),
            canonical: if parts.kind == PageKind::NotFound {
                String::new()
            } else {
                config.absolute(path)
            },
            feed_href: self.href(path, &format!("{}atom.xml", site.home_path(lang))),
            og_type: "website",
            og_locale: &lang.locale().og_locale,
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

/// A template's output as text: templates write only text, so the bytes
/// are always UTF-8 (were one not, it would be shown, not lost).
fn template_text(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// A template's output, as Tera writes it: escaped text one byte at a time.
///
/// A byte is pushed, not copied as a slice: copying calls `memcpy` for
/// each byte of every text a page shows.
struct Bytes<'b>(&'b mut Vec<u8>);

impl std::io::Write for Bytes<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.write_all(bytes)?;
        Ok(bytes.len())
    }

    fn write_all(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        match bytes {
            [byte] => self.0.push(*byte),
            _ => self.0.extend_from_slice(bytes),
        }
        Ok(())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
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
    kind: PageKind,
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

/// The page numbers a listing's page `number` of `of` links to: all of
/// them up to seven, else the first, the last and two either side of the
/// current one, with `None` for each gap. Listing every page of a long
/// listing on every page would make the site grow as its square.
fn page_window(number: usize, of: usize) -> Vec<Option<usize>> {
    if of <= 7 {
        return (1..=of).map(Some).collect();
    }
    let from = number.saturating_sub(2).max(2);
    let to = (number + 2).min(of - 1);
    let mut window = vec![Some(1)];
    if from > 2 {
        window.push(None);
    }
    window.extend((from..=to).map(Some));
    if to < of - 1 {
        window.push(None);
    }
    window.push(Some(of));
    window
}

/// At most `max` characters, cut at a word, with an ellipsis when cut.
pub(crate) fn shorten(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', '.', ';', ':', ' ']))
}

/// The home page's introduction in each language, with what the cleaner took out as warnings at its `intro:` entry.
fn intros(site: &Site, warnings: &mut Vec<Diagnostic>) -> BTreeMap<Lang, String> {
    let home = &site.content.home;
    let mut intros = BTreeMap::new();
    for &lang in &site.config.languages {
        let Some(markdown) = home.intro.get(lang) else {
            continue;
        };
        let fragment = markdown::fragment(markdown, lang, &site.config.iframe_hosts);
        let location = crate::yaml::path_location(&home.text, &format!("intro.{}", lang.code()));
        warnings.extend(fragment.warnings.into_iter().map(|(_, message, hint)| {
            Diagnostic::warning(&home.file, message)
                .at(&home.text, location)
                .with_hint_if(hint)
        }));
        // A language code torget does not know (`[text]{lang=…}`): an error, at the same entry.
        warnings.extend(fragment.errors.into_iter().map(|(_, message, hint)| {
            Diagnostic::error(&home.file, message)
                .at(&home.text, location)
                .with_hint_if(hint)
        }));
        intros.insert(lang, fragment.html);
    }
    intros
}

/// A page's input missing from the site it was planned from: a bug in torget, never the editor's.
pub(crate) fn vanished(what: Phrase, key: &str) -> Message {
    Rule::Vanished.with("what", what).with("key", key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_listings_link_the_first_last_and_nearby_pages() {
        let numbers = |window: Vec<Option<usize>>| {
            window
                .into_iter()
                .map(|n| n.map_or("…".to_string(), |n| n.to_string()))
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(numbers(page_window(2, 7)), "1 2 3 4 5 6 7");
        assert_eq!(numbers(page_window(1, 500)), "1 2 3 … 500");
        assert_eq!(numbers(page_window(4, 500)), "1 2 3 4 5 6 … 500");
        assert_eq!(
            numbers(page_window(250, 500)),
            "1 … 248 249 250 251 252 … 500"
        );
        assert_eq!(numbers(page_window(500, 500)), "1 … 498 499 500");
        for of in 1..40 {
            for number in 1..=of {
                let window = page_window(number, of);
                assert!(window.contains(&Some(number)) && window.len() <= 9);
            }
        }
    }

    #[test]
    fn shorten_cuts_at_a_word_and_marks_the_cut() {
        assert_eq!(shorten("kort  text", 160), "kort text");
        assert_eq!(shorten("ett två tre fyra", 9), "ett två…");
        assert_eq!(shorten("åäö åäö åäö", 5), "åäö…");
    }
}
