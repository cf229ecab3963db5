//! The resolved site: URLs of every page, section listings, and lookups for links.
//!
//! This is the `resolve` step. It turns loaded [`Content`] into an immutable
//! [`Site`]: each translation gets its slug and URL path, each section its
//! sorted listing per language, and `@/` link targets can be looked up. It
//! checks what only the whole site can tell: duplicate URLs, missing section
//! titles, slugs that cannot be made.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::config::SiteConfig;
use crate::content::{Article, Content, Section, SortOrder, Translation};
use crate::dataset::Dataset;
use crate::diagnostics::Diagnostic;
use crate::i18n::{Lang, collation_key};
use crate::messages::{Message, Phrase, Rule};
use crate::text::date::Date;
use crate::text::slug::Slug;
use crate::yaml;

mod calendar;
mod redirects;
pub(crate) use redirects::{Addresses, Origin, Redirect};

/// What a page's view reads of a site, recorded as it is made, so that after
/// an edit only the views that read something the edit changed are made again.
///
/// Reads are recorded where the site hands out what an edit to an article
/// can change: addresses, listings, topics, the list of translations (here)
/// and bodies (`render::Bodies::get`). A view that starts to show more of
/// the site reads it through these, and is covered as it is written.
/// Sections, datasets, the home page's texts and settings are not recorded:
/// an edit to them makes every view again.
pub(crate) mod reads {
    use std::cell::RefCell;
    use std::hash::{Hash, Hasher};

    /// What one page's view read.
    #[derive(Debug, Default, Clone)]
    pub(crate) struct Reads {
        /// The versions of the bodies it read.
        pub(crate) bodies: Vec<u64>,
        /// The other parts it read, each as [`Part::key`].
        pub(crate) parts: Vec<u64>,
    }

    /// A part of a site a view can read.
    #[derive(Hash)]
    pub(crate) enum Part<'a> {
        /// An article (its translations, addresses or body), by content path.
        Article(&'a str),
        /// A section's listing in one language, by content path.
        Listing(&'a str, crate::i18n::Lang),
        /// Which topics there are, in every language, and how many articles each has.
        Topics,
        /// One topic's articles, by slug.
        Topic(&'a str),
        /// Whether a topic has a page, by slug.
        TopicAddress(&'a str),
        /// Anything of a section, by content path.
        Section(&'a str),
        /// A section as its pages in one language show it (its texts in
        /// that language, its settings for all), by content path.
        SectionIn(&'a str, crate::i18n::Lang),
        /// A section's title and address, as breadcrumbs and menus show it, by content path.
        SectionTitle(&'a str),
        /// A dataset's figures and address, by content path.
        Dataset(&'a str),
        /// Every translation, as the search page lists them.
        AllArticles,
        /// An article's translation in one language (its front matter and
        /// address, not its body), by content path.
        ArticleIn(&'a str, crate::i18n::Lang),
        /// Which translations of one language there are.
        AllArticlesIn(crate::i18n::Lang),
        /// The redirect at a site path.
        Redirect(&'a str),
    }

    impl Part<'_> {
        /// The part as a number. Two parts that share one only make a view
        /// be made again that did not need to be.
        pub(crate) fn key(&self) -> u64 {
            let mut hasher = rustc_hash::FxHasher::default();
            self.hash(&mut hasher);
            hasher.finish()
        }
    }

    thread_local! {
        static READS: RefCell<Option<Reads>> = const { RefCell::new(None) };
    }

    /// Notes that the view being made on this thread, if any, read `part`.
    pub(crate) fn record(part: Part<'_>) {
        READS.with(|reads| {
            if let Some(reads) = reads.borrow_mut().as_mut() {
                reads.parts.push(part.key());
            }
        });
    }

    /// Notes that the view being made on this thread, if any, read the body of version `version`.
    pub(crate) fn record_body(version: u64) {
        READS.with(|reads| {
            if let Some(reads) = reads.borrow_mut().as_mut() {
                reads.bodies.push(version);
            }
        });
    }

    /// Makes a view with `view` on this thread, and says what it read.
    pub(crate) fn recording<T>(view: impl FnOnce() -> T) -> (T, Reads) {
        READS.with(|reads| *reads.borrow_mut() = Some(Reads::default()));
        let made = view();
        let mut read = READS
            .with(|reads| reads.borrow_mut().take())
            .unwrap_or_default();
        // A listing reads each of its articles several times; kept until the next edit, once is enough.
        for list in [&mut read.bodies, &mut read.parts] {
            list.sort_unstable();
            list.dedup();
        }
        (made, read)
    }
}

use reads::{Part, record};

/// What breadcrumbs show of a section (see [`Site::section_heading`]).
pub(crate) struct SectionHeading<'a> {
    pub(crate) key: &'a str,
    pub(crate) title: &'a crate::i18n::Localized<String>,
    pub(crate) parent: Option<&'a str>,
}

/// A section's settings as its pages in one language show them (see
/// [`Site::section_in`]): its texts in that language, and its settings that
/// are not per language.
#[derive(Debug, PartialEq, Hash)]
pub(crate) struct SectionIn<'a> {
    pub(crate) title: Option<&'a str>,
    pub(crate) slug: Option<&'a str>,
    pub(crate) description: Option<&'a str>,
    pub(crate) sort: crate::content::SortOrder,
    pub(crate) page_size: usize,
    pub(crate) weight: i64,
}

impl<'a> SectionIn<'a> {
    /// `meta` in `lang`; after an edit, a language whose `SectionIn` is
    /// unchanged has pages that read nothing new of the section this way.
    pub(crate) fn of(meta: &'a crate::content::SectionMeta, lang: Lang) -> Self {
        // Every setting, so that one added later is not left out.
        let crate::content::SectionMeta {
            title,
            slug,
            description,
            sort,
            page_size,
            weight,
        } = meta;
        SectionIn {
            title: title.get(lang).map(String::as_str),
            slug: slug.get(lang).map(String::as_str),
            description: description.get(lang).map(String::as_str),
            sort: *sort,
            page_size: *page_size,
            weight: *weight,
        }
    }
}

/// The whole site after `resolve`: content plus every URL, read-only from here on.
#[derive(Debug)]
pub(crate) struct Site {
    pub(crate) config: SiteConfig,
    pub(crate) content: Content,
    /// Addresses, listings and topics derived from the content.
    resolved: Resolution,
}

/// What resolving derived from the content, kept apart from it so an edit
/// that changes nothing resolving reads (text below the front matter) can use it again.
#[derive(Debug)]
pub(crate) struct Resolution {
    /// URL path of each section per language, relative to the site root (`en/news/`).
    section_paths: BTreeMap<String, BTreeMap<Lang, String>>,
    /// URL path of each article translation. Shared: after an edit, the
    /// addresses of the articles it did not move are those before it, and a
    /// large site's are copied in an instant.
    article_paths: ArticlePaths,
    /// Each section's articles in a language, in the section's order.
    listings: BTreeMap<String, BTreeMap<Lang, Vec<String>>>,
    /// The home page's path per language (`""`, `en/`).
    home_paths: BTreeMap<Lang, String>,
    /// URL path of each dataset's page per language.
    dataset_paths: BTreeMap<String, BTreeMap<Lang, String>>,
    /// Dataset content paths by id, for ```` ```trend <id> ```` blocks.
    dataset_ids: BTreeMap<String, String>,
    /// Topics per language, by slug.
    tags: BTreeMap<Lang, BTreeMap<Slug, Tag>>,
    /// What making the topics found wrong, kept for when they are used again.
    topic_problems: Vec<Diagnostic>,
    /// What making the articles' addresses found wrong, kept likewise.
    article_problems: Vec<Diagnostic>,
    /// What the check that no two pages share an address found, kept likewise.
    unique_problems: Vec<Diagnostic>,
    /// What working out the redirects found, kept likewise.
    address_problems: Vec<Diagnostic>,
    /// Whether this resolution, made after an edit, has the pages of the
    /// one before at the same addresses, with the same translations.
    pages_as_before: bool,
    /// Whether this resolution, made after an edit, has the pages of the one
    /// before with the same translations, but for the translations listed,
    /// which moved, and the redirects; `None` when more may have changed.
    moved_pages: Option<Vec<(String, Lang)>>,
    /// What resolving found wrong, kept for when the resolution is used again.
    problems: Vec<Diagnostic>,
    /// Redirects from aliases and the record of published addresses, and the record as a build leaves it.
    addresses: Addresses,
}

impl Resolution {
    /// Whether resolving found a problem in `file`; its location would be
    /// stale once the file changed, so the site must be resolved again.
    pub(crate) fn has_problems_in(&self, file: &str) -> bool {
        self.problems
            .iter()
            .any(|p| p.file == std::path::Path::new(file))
    }
}

/// What resolving reads of one article, taken before and after an edit
/// under `serve` to tell what the edit changed (see [`Unchanged`]).
pub(crate) struct ResolvedFrom(Vec<TranslationRead>);

/// What resolving reads of one translation.
struct TranslationRead {
    lang: Lang,
    date: Option<Date>,
    tags: Vec<String>,
    slug: Option<String>,
    title_slug: Option<Slug>,
}

impl ResolvedFrom {
    /// What resolving reads of the article at `dir` (nothing if there is none).
    pub(crate) fn of(content: &Content, dir: &str) -> Self {
        let translations = (content.articles.get(dir).into_iter())
            .flat_map(|article| article.translations.values());
        ResolvedFrom(
            translations
                .map(|t| TranslationRead {
                    lang: t.lang,
                    date: t.front.date,
                    tags: t.front.tags.clone(),
                    slug: t.front.slug.clone(),
                    title_slug: t.title_slug.clone(),
                })
                .collect(),
        )
    }
}

/// Which of what resolving reads edits to articles left as it was: each
/// `true` says the edited articles have the same translations, and these
/// the same…
#[derive(Debug, Clone, Copy)]
pub(crate) struct Unchanged {
    /// …topics (their dates may have changed),
    pub(crate) tags: bool,
    /// …topics and dates,
    pub(crate) topics: bool,
    /// …given slugs and titles' slugs.
    pub(crate) addresses: bool,
}

impl Unchanged {
    /// Nothing edited yet.
    pub(crate) const ALL: Unchanged = Unchanged {
        tags: true,
        topics: true,
        addresses: true,
    };

    /// This, and what one more edit left as it was: from `before` to `now`.
    pub(crate) fn and(self, before: &ResolvedFrom, now: &ResolvedFrom) -> Unchanged {
        let same = |part: fn(&TranslationRead, &TranslationRead) -> bool| {
            before.0.len() == now.0.len()
                && (before.0.iter().zip(&now.0)).all(|(a, b)| a.lang == b.lang && part(a, b))
        };
        Unchanged {
            tags: self.tags && same(|a, b| a.tags == b.tags),
            topics: self.topics && same(|a, b| a.tags == b.tags && a.date == b.date),
            addresses: self.addresses
                && same(|a, b| a.slug == b.slug && a.title_slug == b.title_slug),
        }
    }
}

/// What a site was resolved from before an edit to articles alone (under `serve`).
pub(crate) struct Earlier<'a> {
    resolution: &'a Resolution,
    /// The content paths of the articles edited since.
    edited: &'a std::collections::BTreeSet<String>,
    /// The translations edited since (or that came or went), by content path and language.
    edited_translations: &'a std::collections::BTreeSet<(String, Lang)>,
    /// Their files: problems found in them then may point at lines that moved.
    edited_files: std::collections::BTreeSet<std::path::PathBuf>,
    unchanged: Unchanged,
}

impl<'a> Earlier<'a> {
    /// `resolution`, made before `edited_translations` (of the articles `edited`) changed as `unchanged` says.
    pub(crate) fn new(
        resolution: &'a Resolution,
        edited: &'a std::collections::BTreeSet<String>,
        edited_translations: &'a std::collections::BTreeSet<(String, Lang)>,
        unchanged: Unchanged,
    ) -> Self {
        let edited_files = (edited_translations.iter())
            .map(|(dir, lang)| format!("content/{dir}/{}.md", lang.code()).into())
            .collect();
        Earlier {
            resolution,
            edited,
            edited_translations,
            edited_files,
            unchanged,
        }
    }

    /// Whether any of `problems` is in an edited file, so must be found again.
    fn any_in_edited(&self, problems: &[Diagnostic]) -> bool {
        problems.iter().any(|p| self.edited_files.contains(&p.file))
    }
}

/// The pages whose address changed since an earlier resolution (see [`Site::moved_since`]).
#[derive(Debug, Default)]
pub(crate) struct Moved<'a> {
    /// Articles, sections and datasets whose address changed in some language, or that came or went.
    keys: FxHashSet<&'a str>,
    /// The articles among `keys`.
    articles: FxHashSet<&'a str>,
    /// The articles among `keys` with the languages where their address changed, came or went.
    articles_in: FxHashSet<(&'a str, Lang)>,
    /// The languages where a translation got or lost its page.
    listed_in: FxHashSet<Lang>,
}

impl<'a> Moved<'a> {
    /// Every article, section and dataset that moved.
    pub(crate) fn keys(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.keys.iter().copied()
    }

    /// Every article that moved, with each language it moved in.
    pub(crate) fn articles_in(&self) -> impl Iterator<Item = (&'a str, Lang)> + '_ {
        self.articles_in.iter().copied()
    }

    /// Whether `key`'s page in `lang` moved.
    pub(crate) fn page_in(&self, key: &str, lang: Lang) -> bool {
        match self.articles.contains(key) {
            true => self.articles_in.contains(&(key, lang)),
            false => self.keys.contains(key),
        }
    }

    /// Whether a link to `key` from a page in `lang` may lead elsewhere now
    /// on `site`: where `key` has no page in `lang`, the link falls back to
    /// another language, so a move in any language counts.
    pub(crate) fn link_from(&self, site: &Site, key: &str, lang: Lang) -> bool {
        self.keys.contains(key)
            && (!self.articles.contains(key)
                || self.articles_in.contains(&(key, lang))
                || (site.resolved.article_paths.get(key))
                    .is_none_or(|paths| !paths.contains_key(&lang)))
    }
}

/// What an `@/` link points at.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Target<'a> {
    Home,
    Section(&'a Section),
    Article(&'a Article),
    Dataset(&'a Dataset),
}

/// A resolved link: the page's URL path and the language it is in.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Resolved<'a> {
    pub(crate) target: Target<'a>,
    pub(crate) path: &'a str,
    pub(crate) lang: Lang,
}

/// The word in URLs of a section's later pages: `/nyheter/sida/2/`, `/en/news/page/2/`.
pub(crate) fn page_word(lang: Lang) -> &'static str {
    &lang.locale().words.page
}

/// The folder of the topic (tag) pages: `/amnen/`, `/en/topics/`.
pub(crate) fn tags_word(lang: Lang) -> &'static str {
    &lang.locale().words.topics
}

/// The search page's folder: `/sok/`, `/en/search/`.
pub(crate) fn search_word(lang: Lang) -> &'static str {
    &lang.locale().words.search
}

/// How two articles of a listing sort in a section of `order`, by content
/// path and translation. Sort keys are borrowed from the translations:
/// nothing is built per comparison. Content paths differ, so no two are equal.
fn listing_order(
    order: SortOrder,
    (ka, a): (&str, Option<&Translation>),
    (kb, b): (&str, Option<&Translation>),
) -> std::cmp::Ordering {
    fn title(t: Option<&Translation>) -> &str {
        t.map_or("", |t| t.title_key.as_str())
    }
    fn date(t: Option<&Translation>) -> Option<crate::text::date::Date> {
        t.and_then(|t| t.front.date)
    }
    fn weight(t: Option<&Translation>) -> i64 {
        t.and_then(|t| t.front.weight).unwrap_or(i64::MAX)
    }
    match order {
        SortOrder::Date => (std::cmp::Reverse(date(a)), title(a), ka).cmp(&(
            std::cmp::Reverse(date(b)),
            title(b),
            kb,
        )),
        SortOrder::Title => (title(a), ka).cmp(&(title(b), kb)),
        SortOrder::Weight => (weight(a), title(a), ka).cmp(&(weight(b), title(b), kb)),
    }
}

/// The family of a title's address: the address without the `-2`, `-3`…
/// its title may add (`nyheter/mote-2/` is of `nyheter/mote`). Every address
/// a title may be given is of one family, so an address makes way only for
/// addresses of its own.
fn address_family(path: &str) -> &str {
    let mut family = path.strip_suffix('/').unwrap_or(path);
    while let Some((head, number)) = family.rsplit_once('-')
        && !number.is_empty()
        && number.bytes().all(|b| b.is_ascii_digit())
        && !head.is_empty()
        && !head.ends_with('/')
    {
        family = head;
    }
    family
}

/// The addresses of each article's translations, by content path.
type ArticlePaths = FxHashMap<Arc<str>, Arc<BTreeMap<Lang, String>>>;

/// Where `place_translation` put a translation's page.
struct Placed {
    path: String,
    /// Made from the title (not a given slug): later titles must make way.
    from_title: bool,
}

/// The address of one translation's page, with the problems of its front
/// matter that addresses depend on; `None` where it can have none. A title
/// makes an address `taken` does not hold, adding `-2`, `-3`….
fn place_translation(
    config: &SiteConfig,
    content: &Content,
    section_paths: &BTreeMap<String, BTreeMap<Lang, String>>,
    (article, translation): (&Article, &Translation),
    taken: impl Fn(&str) -> bool,
    errors: &mut Vec<Diagnostic>,
) -> Option<Placed> {
    let lang = translation.lang;
    let front = &translation.front;
    let section = (article.section.as_ref()).and_then(|s| content.sections.get(s));
    if section.is_some_and(|s| s.meta.sort == SortOrder::Date) && front.date.is_none() {
        errors.push(
            Diagnostic::error(&translation.file, Rule::ArticleNeedsDate)
                .at(
                    &translation.text,
                    yaml::key_location(&translation.text, 0, "title"),
                )
                .with_hint(Phrase::ArticleNeedsDateHint),
        );
    }
    if let Some(image) = &front.image
        && !article.assets.iter().any(|a| a.relative == image.src)
    {
        errors.push(
            Diagnostic::error(
                &translation.file,
                Rule::LeadImageMissing.with("src", &image.src),
            )
            .at(
                &translation.text,
                yaml::key_location(&translation.text, 0, "image"),
            )
            .with_hint(Phrase::LeadImageMissingHint),
        );
    }
    let slug = match &front.slug {
        Some(given) => Slug::parse(given),
        None => (translation.title_slug.clone())
            .ok_or_else(|| Rule::SlugFromTitle.with("title", &front.title)),
    };
    let slug = match slug {
        Ok(slug) => slug,
        Err(message) => {
            let key_name = if front.slug.is_some() {
                "slug"
            } else {
                "title"
            };
            errors.push(
                Diagnostic::error(&translation.file, message)
                    .at(
                        &translation.text,
                        yaml::key_location(&translation.text, 0, key_name),
                    )
                    .with_hint(Phrase::ArticleSlugHint),
            );
            return None;
        }
    };
    let prefix;
    let parent = match &article.section {
        Some(s) => section_paths.get(s)?.get(&lang)?.as_str(),
        None => {
            prefix = config.lang_prefix(lang);
            prefix.as_str()
        }
    };
    let mut path = String::with_capacity(parent.len() + slug.as_str().len() + 4);
    path.push_str(parent);
    path.push_str(slug.as_str());
    path.push('/');
    let from_title = front.slug.is_none();
    if from_title {
        let mut n = 2;
        while taken(&path) {
            path = format!("{parent}{slug}-{n}/");
            n += 1;
        }
        if n > 2 {
            errors.push(
                Diagnostic::warning(
                    &translation.file,
                    Rule::SameTitleAddress.with("path", path.to_string()),
                )
                .at(
                    &translation.text,
                    yaml::key_location(&translation.text, 0, "title"),
                )
                .with_hint(Phrase::SameTitleAddressHint),
            );
        }
    }
    Some(Placed { path, from_title })
}

/// A topic (tag) in one language: how it is written and the articles that carry it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Tag {
    pub(crate) name: String,
    /// Article content paths, newest first.
    pub(crate) articles: Vec<String>,
}

impl Site {
    /// Assigns URLs and checks the whole site; errors are returned together.
    ///
    /// With `after`, an edit (under `serve`) to articles alone since
    /// `after.resolution` was resolved: what resolving made of the other
    /// articles is put right, not made anew, where that is sure to give the same.
    pub(crate) fn resolve_after(
        config: SiteConfig,
        content: Content,
        after: Option<Earlier<'_>>,
    ) -> (Site, Vec<Diagnostic>) {
        let mut errors = Vec::new();
        let home_paths = config
            .languages
            .iter()
            .map(|l| (*l, config.lang_prefix(*l)))
            .collect();
        let mut site = Site {
            config,
            content,
            resolved: Resolution {
                home_paths,
                section_paths: BTreeMap::new(),
                article_paths: FxHashMap::default(),
                listings: BTreeMap::new(),
                dataset_paths: BTreeMap::new(),
                dataset_ids: BTreeMap::new(),
                tags: BTreeMap::new(),
                topic_problems: Vec::new(),
                article_problems: Vec::new(),
                unique_problems: Vec::new(),
                address_problems: Vec::new(),
                pages_as_before: false,
                moved_pages: None,
                problems: Vec::new(),
                addresses: Addresses::default(),
            },
        };
        let Site {
            config,
            content,
            resolved,
        } = &mut site;
        let (config, content) = (&*config, &*content);
        // Listings and topics read the content alone, not the addresses:
        // they are made beside the addresses, on another core.
        let listings = || {
            after
                .as_ref()
                .and_then(|a| Site::listings_after(content, &a.resolution.listings, a.edited))
                .unwrap_or_else(|| Site::listings_by_section(content))
        };
        // Topics read articles' dates and topics. Where no edit changed which
        // articles carry which topic, and no problem of theirs points into an
        // edited file (whose lines may have moved), they are kept, or after
        // a date edit the edited articles move within their topics.
        let topics = || match after
            .as_ref()
            .filter(|a| a.unchanged.tags && !a.any_in_edited(&a.resolution.topic_problems))
        {
            Some(a) => {
                let tags = match a.unchanged.topics {
                    true => a.resolution.tags.clone(),
                    false => Site::topics_after(content, &a.resolution.tags, a.edited_translations),
                };
                (tags, a.resolution.topic_problems.clone())
            }
            None => Site::topics(content),
        };
        let ((assign_errors, patched), (listings, (tags, tag_errors))) = rayon::join(
            || {
                let mut errors = Vec::new();
                Site::assign_section_paths(config, content, resolved, &mut errors);
                // Sections are as they were: only the edited articles' addresses may move.
                let patched = after.as_ref().and_then(|a| {
                    Site::assign_article_paths_after(config, content, resolved, a, &mut errors)
                });
                if patched.is_none() {
                    Site::assign_article_paths(config, content, resolved, &mut errors);
                }
                Site::assign_dataset_paths(config, content, resolved, &mut errors);
                (errors, patched)
            },
            || rayon::join(listings, topics),
        );
        errors.extend(assign_errors);
        site.resolved.listings = listings;
        site.resolved.tags = tags;
        site.resolved.topic_problems = tag_errors.clone();
        errors.extend(tag_errors);
        // Sections and datasets are not edited. The same translations and topics: the list of pages changes only
        // where a translation's page moved, unless one got or lost a page.
        site.resolved.moved_pages = after.as_ref().filter(|a| a.unchanged.tags).and_then(|a| {
            let (before, now) = (&a.resolution.article_paths, &site.resolved.article_paths);
            fn path<'p>(paths: &'p ArticlePaths, key: &str, lang: Lang) -> Option<&'p String> {
                paths.get(key)?.get(&lang)
            }
            // After a patch only the translations placed again can have
            // moved; after every address was made again, any.
            let candidates: Vec<(&str, Lang)> = match patched {
                Some(again) => again,
                None if before.len() == now.len() => (now.iter())
                    .filter(|(key, paths)| before.get(*key) != Some(*paths))
                    .flat_map(|(key, _)| {
                        (site.config.languages.iter()).map(move |lang| (&**key, *lang))
                    })
                    .collect(),
                None => return None,
            };
            (candidates.into_iter())
                .filter_map(|(key, lang)| {
                    match (path(before, key, lang), path(now, key, lang)) {
                        (Some(before), Some(now)) if before != now => {
                            Some(Some((key.to_string(), lang)))
                        }
                        (Some(_), Some(_)) | (None, None) => None,
                        // A page came or went.
                        _ => Some(None),
                    }
                })
                .collect()
        });
        // After an edit that moved no page, the checks of addresses find what
        // they found before: kept, unless something they found is in an
        // edited file (whose lines may have moved), or an edited translation
        // has aliases, or had.
        let same_pages = (after.as_ref())
            .filter(|_| (site.resolved.moved_pages.as_ref()).is_some_and(Vec::is_empty));
        let keep_unique = same_pages.filter(|a| !a.any_in_edited(&a.resolution.unique_problems));
        let keep_plan = same_pages.filter(|a| {
            let alias_edited = (a.resolution.addresses.redirects.values()).any(|r| {
                matches!(&r.origin, redirects::Origin::Alias { file }
                    if a.edited_files.contains(std::path::Path::new(file)))
            });
            let aliases_now = (a.edited_translations.iter()).any(|(key, lang)| {
                (site.content.articles.get(key))
                    .and_then(|article| article.translations.get(lang))
                    .is_some_and(|t| !t.front.aliases.is_empty())
            });
            !a.any_in_edited(&a.resolution.address_problems) && !alias_edited && !aliases_now
        });
        // The checks of addresses only read what is made above: side by side too.
        let site_ref = &site;
        let ((unique, review), (addresses, address_problems)) = rayon::join(
            || {
                let unique = match keep_unique {
                    Some(a) => a.resolution.unique_problems.clone(),
                    None => {
                        let mut unique = Vec::new();
                        site_ref.check_unique_paths(&mut unique);
                        unique
                    }
                };
                let review = crate::content::review::problems(&site_ref.config, &site_ref.content);
                (unique, review)
            },
            || match keep_plan {
                Some(a) => (
                    a.resolution.addresses.clone(),
                    a.resolution.address_problems.clone(),
                ),
                None => redirects::plan(site_ref),
            },
        );
        errors.extend(unique.iter().cloned());
        site.resolved.unique_problems = unique;
        errors.extend(review);
        // No page moved and no redirect came, went or changed: the same pages.
        site.resolved.pages_as_before =
            same_pages.is_some_and(|a| addresses.redirects == a.resolution.addresses.redirects);
        site.resolved.addresses = addresses;
        errors.extend(address_problems.iter().cloned());
        site.resolved.address_problems = address_problems;
        site.resolved.problems = errors.clone();
        (site, errors)
    }

    /// Whether the site was resolved after an edit that left every page at
    /// its address, with its translations ([`Resolution::pages_as_before`]).
    pub(crate) fn pages_as_before(&self) -> bool {
        self.resolved.pages_as_before
    }

    /// The translations whose pages alone moved since the resolution before
    /// an edit, with the redirects ([`Resolution::moved_pages`]); `None` when more may have changed.
    pub(crate) fn moved_pages(&self) -> Option<&[(String, Lang)]> {
        self.resolved.moved_pages.as_deref()
    }

    /// The settings, content and resolution back, to patch the content after an edit.
    pub(crate) fn into_parts(self) -> (SiteConfig, Content, Resolution) {
        (self.config, self.content, self.resolved)
    }

    /// Articles, sections and datasets whose address changed in some language (or that came or went) since `earlier`.
    pub(crate) fn moved_since<'a>(&'a self, earlier: &'a Resolution) -> Moved<'a> {
        let mut moved = Moved::default();
        let (now, before) = (&self.resolved.article_paths, &earlier.article_paths);
        let gone = (before.iter()).filter(|(key, _)| !now.contains_key(*key));
        let changed = (now.iter()).filter(|(key, paths)| before.get(*key) != Some(*paths));
        for (key, _) in changed.chain(gone) {
            let (now, before) = (now.get(key), before.get(key));
            for lang in &self.config.languages {
                let path = |paths: Option<&'a Arc<BTreeMap<Lang, String>>>| paths?.get(lang);
                let (now, before) = (path(now), path(before));
                if now != before {
                    moved.articles_in.insert((&**key, *lang));
                }
                if now.is_some() != before.is_some() {
                    moved.listed_in.insert(*lang);
                }
            }
            moved.articles.insert(&**key);
            moved.keys.insert(&**key);
        }
        // Sections and datasets are linked to as well; theirs move with a title or slug.
        let others = [
            (&self.resolved.section_paths, &earlier.section_paths),
            (&self.resolved.dataset_paths, &earlier.dataset_paths),
        ]
        .into_iter()
        .flat_map(|(now, before)| {
            let changed = now
                .iter()
                .filter(|(key, paths)| before.get(*key) != Some(*paths));
            let gone = before.iter().filter(|(key, _)| !now.contains_key(*key));
            changed.chain(gone).map(|(key, _)| key.as_str())
        });
        moved.keys.extend(others);
        moved
    }

    /// The parts of the site a view can read (see [`reads`]) that differ from
    /// `earlier`'s: the pages in `moved` (from [`Site::moved_since`]), listings, topics.
    /// Articles whose files changed are the caller's to add.
    pub(crate) fn changed_since(&self, earlier: &Resolution, moved: &Moved<'_>) -> FxHashSet<u64> {
        // A moved key may be an article's, a section's or a dataset's.
        let mut changed: FxHashSet<u64> = (moved.keys.iter())
            .flat_map(|key| {
                [
                    Part::Article(key),
                    Part::Section(key),
                    Part::SectionTitle(key),
                    Part::Dataset(key),
                ]
                .into_iter()
                .chain((self.config.languages.iter()).map(|lang| Part::SectionIn(key, *lang)))
                .map(|part| part.key())
                .collect::<Vec<u64>>()
            })
            .collect();
        let now = &self.resolved.listings;
        for (section, listings) in now.iter().chain(&earlier.listings) {
            for &lang in listings.keys() {
                let (now, before) = (
                    now.get(section).and_then(|l| l.get(&lang)),
                    earlier.listings.get(section).and_then(|l| l.get(&lang)),
                );
                if now != before {
                    changed.insert(Part::Listing(section, lang).key());
                }
            }
        }
        // The topic index shows each topic with its count; a topic's pages its articles.
        let counts =
            |tags: &BTreeMap<Lang, BTreeMap<Slug, Tag>>| -> Vec<(Lang, Slug, String, usize)> {
                (tags.iter())
                    .flat_map(|(lang, tags)| {
                        tags.iter().map(move |(slug, tag)| {
                            (*lang, slug.clone(), tag.name.clone(), tag.articles.len())
                        })
                    })
                    .collect()
            };
        if counts(&self.resolved.tags) != counts(&earlier.tags) {
            changed.insert(Part::Topics.key());
        }
        for (lang, tags) in self.resolved.tags.iter().chain(&earlier.tags) {
            for slug in tags.keys() {
                let now = self.resolved.tags.get(lang).and_then(|t| t.get(slug));
                let before = earlier.tags.get(lang).and_then(|t| t.get(slug));
                if now != before {
                    changed.insert(Part::Topic(slug.as_str()).key());
                }
                if now.is_some() != before.is_some() {
                    changed.insert(Part::TopicAddress(slug.as_str()).key());
                }
            }
        }
        changed.insert(Part::AllArticles.key());
        // An article moved in the languages where its address changed; a
        // translation that got or lost its address is listed or no longer is.
        for (key, lang) in &moved.articles_in {
            changed.insert(Part::ArticleIn(key, *lang).key());
        }
        for lang in &moved.listed_in {
            changed.insert(Part::AllArticlesIn(*lang).key());
        }
        let (now, before) = (
            &self.resolved.addresses.redirects,
            &earlier.addresses.redirects,
        );
        for path in now.keys().chain(before.keys()) {
            if now.get(path) != before.get(path) {
                changed.insert(Part::Redirect(path).key());
            }
        }
        changed
    }

    /// The site again from its parts, for content whose front matter and
    /// set of translations are what `resolution` was made from; with the problems found then.
    pub(crate) fn from_parts(
        config: SiteConfig,
        content: Content,
        resolution: Resolution,
    ) -> (Site, Vec<Diagnostic>) {
        let problems = resolution.problems.clone();
        let site = Site {
            config,
            content,
            resolved: resolution,
        };
        (site, problems)
    }

    fn assign_section_paths(
        config: &SiteConfig,
        content: &Content,
        resolved: &mut Resolution,
        errors: &mut Vec<Diagnostic>,
    ) {
        // Parents before children: content paths sort that way.
        for (key, section) in &content.sections {
            let mut paths = BTreeMap::new();
            for &lang in &config.languages {
                let title_at = yaml::key_location(&section.text, 0, "title");
                let Some(title) = section.meta.title.get(lang) else {
                    errors.push(
                        Diagnostic::error(
                            &section.file,
                            Rule::SectionTitleMissingLanguage.with("language", lang.name()),
                        )
                        .at(&section.text, title_at)
                        .with_hint(
                            Phrase::AddUnder
                                .with("code", lang.code())
                                .with("key", "title"),
                        ),
                    );
                    continue;
                };
                let folder = key.rsplit('/').next().unwrap_or(key);
                let slug = match section.meta.slug.get(lang) {
                    Some(given) => Slug::parse(given),
                    None if lang == config.default_language => {
                        Slug::parse(folder).map_err(|e| Phrase::FolderNameSlug.with("problem", e))
                    }
                    None => Slug::from_text(title)
                        .ok_or_else(|| Rule::SlugFromTitle.with("title", title.as_str())),
                };
                let slug = match slug {
                    Ok(slug) => slug,
                    Err(message) => {
                        errors.push(
                            Diagnostic::error(&section.file, message)
                                .at(&section.text, yaml::key_location(&section.text, 0, "slug"))
                                .with_hint(Phrase::SectionSlugHint.with("code", lang.code())),
                        );
                        continue;
                    }
                };
                let parent = match &section.parent {
                    Some(parent) => match resolved
                        .section_paths
                        .get(parent)
                        .and_then(|p| p.get(&lang))
                    {
                        Some(path) => path.clone(),
                        None => continue,
                    },
                    None => config.lang_prefix(lang),
                };
                paths.insert(lang, format!("{parent}{slug}/"));
            }
            resolved.section_paths.insert(key.clone(), paths);
        }
    }

    fn assign_article_paths(
        config: &SiteConfig,
        content: &Content,
        resolved: &mut Resolution,
        errors: &mut Vec<Diagnostic>,
    ) {
        // Slugs made from titles may repeat (two "Nytt möte" in a year): the
        // later folder gets `-2`. A slug an editor gave must be unique, so
        // it never moves another page (check_unique_paths reports it).
        let mut taken: rustc_hash::FxHashSet<String> = resolved
            .section_paths
            .values()
            .flat_map(|p| p.values().cloned())
            .collect();
        taken.reserve(content.articles.len() * config.languages.len());
        resolved.article_paths.reserve(content.articles.len());
        let mut article_problems = Vec::new();
        for (key, article) in &content.articles {
            let mut paths = BTreeMap::new();
            for (&lang, translation) in &article.translations {
                let placed = place_translation(
                    config,
                    content,
                    &resolved.section_paths,
                    (article, translation),
                    |path| taken.contains(path),
                    &mut article_problems,
                );
                let Some(placed) = placed else {
                    continue;
                };
                if placed.from_title {
                    taken.insert(placed.path.clone());
                }
                paths.insert(lang, placed.path);
            }
            resolved
                .article_paths
                .insert(Arc::from(key.as_str()), Arc::new(paths));
        }
        errors.extend(article_problems.iter().cloned());
        resolved.article_problems = article_problems;
    }

    /// The addresses of articles after an edit to the translations of
    /// `edited` alone: `earlier`'s, with those the edit may move made again;
    /// the translations made again, in the order [`Site::assign_article_paths`]
    /// takes them. `None` (and nothing assigned) where what the address of an
    /// edited translation is made from is as it was, yet it came out elsewhere.
    ///
    /// A title's address makes way (`-2`, `-3`…) only for the addresses of
    /// its family ([`address_family`]): where an edited translation's address
    /// may move, every translation in the families it leaves and joins is
    /// placed again, in order, and no other address can change.
    fn assign_article_paths_after<'e>(
        config: &SiteConfig,
        content: &Content,
        resolved: &mut Resolution,
        earlier: &Earlier<'e>,
        errors: &mut Vec<Diagnostic>,
    ) -> Option<Vec<(&'e str, Lang)>> {
        let before = earlier.resolution;
        let mut again: BTreeSet<(&'e str, Lang)> = (earlier.edited_translations.iter())
            .map(|(key, lang)| (key.as_str(), *lang))
            .collect();
        let mut families: Vec<String> = Vec::new();
        if !earlier.unchanged.addresses {
            for &(key, lang) in &again {
                let old = before.article_paths.get(key).and_then(|p| p.get(&lang));
                families.extend(old.map(|old| address_family(old).to_string()));
                let Some(pair) =
                    (content.articles.get(key)).and_then(|a| Some((a, a.translations.get(&lang)?)))
                else {
                    continue;
                };
                // Where it would be on its own; its problems are found below.
                let alone = place_translation(
                    config,
                    content,
                    &resolved.section_paths,
                    pair,
                    |_| false,
                    &mut Vec::new(),
                );
                families.extend(alone.map(|placed| address_family(&placed.path).to_string()));
            }
            families.sort_unstable();
            families.dedup();
            let in_family = |path: &str| {
                (families.iter()).any(|f| path.starts_with(f.as_str()) && address_family(path) == f)
            };
            for (key, paths) in &before.article_paths {
                again.extend(
                    (paths.iter())
                        .filter_map(|(lang, path)| in_family(path).then_some((&**key, *lang))),
                );
            }
        }
        // Sections' addresses are taken before any title's.
        let sections: FxHashSet<&str> = (resolved.section_paths.values())
            .flat_map(|p| p.values().map(String::as_str))
            .collect();
        let mut taken: FxHashSet<String> = FxHashSet::default();
        let mut placed_now: Vec<(&str, Lang, Option<String>)> = Vec::with_capacity(again.len());
        let mut files: FxHashSet<&std::path::Path> = FxHashSet::default();
        let mut problems = Vec::new();
        for &(key, lang) in &again {
            let old = before.article_paths.get(key).and_then(|p| p.get(&lang));
            let Some((article, translation)) =
                (content.articles.get(key)).and_then(|a| Some((a, a.translations.get(&lang)?)))
            else {
                placed_now.push((key, lang, None));
                continue;
            };
            files.insert(std::path::Path::new(&translation.file));
            if earlier.unchanged.addresses {
                // What the address is made from is as it was, and so is
                // every other address: it comes out as before. It is made
                // again only for the problems, which point into the edited
                // file: the addresses tried before it are taken again
                // (a bound stops a walk that would not reach it).
                let tried = std::cell::Cell::new(0_usize);
                let placed = place_translation(
                    config,
                    content,
                    &resolved.section_paths,
                    (article, translation),
                    |path| {
                        tried.set(tried.get() + 1);
                        old.is_some_and(|old| old != path) && tried.get() < 10_000
                    },
                    &mut problems,
                );
                if placed.as_ref().map(|p| &p.path) != old {
                    return None;
                }
                placed_now.push((key, lang, placed.map(|p| p.path)));
                continue;
            }
            let placed = place_translation(
                config,
                content,
                &resolved.section_paths,
                (article, translation),
                |path| sections.contains(path) || taken.contains(path),
                &mut problems,
            );
            if let Some(placed) = placed.as_ref().filter(|p| p.from_title) {
                taken.insert(placed.path.clone());
            }
            placed_now.push((key, lang, placed.map(|p| p.path)));
        }
        let mut article_problems: Vec<Diagnostic> = (before.article_problems.iter())
            .filter(|p| {
                !earlier.edited_files.contains(&p.file) && !files.contains(p.file.as_path())
            })
            .cloned()
            .collect();
        article_problems.extend(problems);
        resolved.article_paths = before.article_paths.clone();
        for (key, lang, path) in placed_now {
            let paths = Arc::make_mut(resolved.article_paths.entry(Arc::from(key)).or_default());
            match path {
                Some(path) => paths.insert(lang, path),
                None => paths.remove(&lang),
            };
        }
        // As assigning anew leaves them: an entry for every article, none for an article gone.
        for key in earlier.edited {
            if !content.articles.contains_key(key) {
                resolved.article_paths.remove(key.as_str());
            }
        }
        errors.extend(article_problems.iter().cloned());
        resolved.article_problems = article_problems;
        Some(again.into_iter().collect())
    }

    fn assign_dataset_paths(
        config: &SiteConfig,
        content: &Content,
        resolved: &mut Resolution,
        errors: &mut Vec<Diagnostic>,
    ) {
        for (key, dataset) in &content.datasets {
            let section = key.rsplit_once('/').map(|(parent, _)| parent);
            let mut paths = BTreeMap::new();
            for &lang in &config.languages {
                let parent = match section {
                    Some(s) => match resolved.section_paths.get(s).and_then(|p| p.get(&lang)) {
                        Some(path) => path.clone(),
                        None => continue,
                    },
                    None => config.lang_prefix(lang),
                };
                paths.insert(lang, format!("{parent}{}/", dataset.id));
            }
            resolved.dataset_paths.insert(key.clone(), paths);
            if let Some(first) = resolved.dataset_ids.get(dataset.id.as_str()) {
                errors.push(
                    Diagnostic::error(
                        &dataset.file,
                        Rule::DatasetIdTwice
                            .with("id", dataset.id.to_string())
                            .with("first", first.to_string()),
                    )
                    .with_hint(Phrase::DatasetIdTwiceHint),
                );
            } else {
                resolved
                    .dataset_ids
                    .insert(dataset.id.to_string(), key.clone());
            }
        }
    }

    /// `earlier` listings with the articles of `edited` taken out and put
    /// back where [`Site::listings_by_section`] would sort them; `None` where
    /// it cannot tell (an article in a folder that is not a section).
    fn listings_after(
        content: &Content,
        earlier: &BTreeMap<String, BTreeMap<Lang, Vec<String>>>,
        edited: &std::collections::BTreeSet<String>,
    ) -> Option<BTreeMap<String, BTreeMap<Lang, Vec<String>>>> {
        let mut listings = earlier.clone();
        // An article that went is in no listing now, wherever it was.
        for per_lang in listings.values_mut() {
            for keys in per_lang.values_mut() {
                keys.retain(|key| !edited.contains(key));
            }
        }
        for key in edited {
            let Some(article) = content.articles.get(key) else {
                continue;
            };
            let Some(section) = &article.section else {
                continue;
            };
            let order = content.sections.get(section)?.meta.sort;
            let per_lang = listings.entry(section.clone()).or_default();
            for (&lang, translation) in &article.translations {
                let keys = per_lang.entry(lang).or_default();
                let translation_of =
                    |key: &str| (content.articles.get(key)).and_then(|a| a.translations.get(&lang));
                let at = keys.partition_point(|other| {
                    listing_order(
                        order,
                        (other, translation_of(other)),
                        (key, Some(translation)),
                    )
                    .is_lt()
                });
                keys.insert(at, key.clone());
            }
        }
        // As sorting anew would leave them: no empty listings.
        for per_lang in listings.values_mut() {
            per_lang.retain(|_, keys| !keys.is_empty());
        }
        listings.retain(|_, per_lang| !per_lang.is_empty());
        Some(listings)
    }

    fn listings_by_section(content: &Content) -> BTreeMap<String, BTreeMap<Lang, Vec<String>>> {
        let mut listings: BTreeMap<String, BTreeMap<Lang, Vec<String>>> = BTreeMap::new();
        for (key, article) in &content.articles {
            let Some(section) = &article.section else {
                continue;
            };
            if !listings.contains_key(section) {
                listings.insert(section.clone(), BTreeMap::new());
            }
            let Some(per_lang) = listings.get_mut(section) else {
                continue;
            };
            for &lang in article.translations.keys() {
                per_lang.entry(lang).or_default().push(key.clone());
            }
        }
        for (section_key, per_lang) in &mut listings {
            let Some(section) = content.sections.get(section_key) else {
                continue;
            };
            for (lang, keys) in per_lang.iter_mut() {
                let mut entries: Vec<(&String, Option<&Translation>)> = keys
                    .iter()
                    .map(|key| {
                        let t = content
                            .articles
                            .get(key)
                            .and_then(|a| a.translations.get(lang));
                        (key, t)
                    })
                    .collect();
                let order = section.meta.sort;
                entries.sort_by(|(ka, a), (kb, b)| {
                    listing_order(order, (ka.as_str(), *a), (kb.as_str(), *b))
                });
                *keys = entries.into_iter().map(|(key, _)| key.clone()).collect();
            }
        }
        listings
    }

    fn topics(content: &Content) -> (BTreeMap<Lang, BTreeMap<Slug, Tag>>, Vec<Diagnostic>) {
        let mut errors = Vec::new();
        let mut tags: BTreeMap<Lang, BTreeMap<Slug, Tag>> = BTreeMap::new();
        let mut dated: Vec<(&String, &Translation)> = content
            .articles
            .iter()
            .flat_map(|(key, a)| a.translations.values().map(move |t| (key, t)))
            .collect();
        dated.sort_by(|a, b| b.1.front.date.cmp(&a.1.front.date).then(a.0.cmp(b.0)));
        // A site has tens of topics on thousands of articles: make each slug
        // once, and copy it only for a topic's first article.
        let mut slugs: FxHashMap<&str, Option<Slug>> = FxHashMap::default();
        for (key, translation) in dated {
            for name in &translation.front.tags {
                let slug = slugs
                    .entry(name.as_str())
                    .or_insert_with(|| Slug::from_text(name));
                let Some(slug) = slug else {
                    errors.push(
                        Diagnostic::error(
                            &translation.file,
                            Rule::TopicNoLetters.with("name", name.to_string()),
                        )
                        .at(
                            &translation.text,
                            yaml::key_location(&translation.text, 0, "tags"),
                        )
                        .with_hint(Phrase::TopicNoLettersHint),
                    );
                    continue;
                };
                let in_lang = tags.entry(translation.lang).or_default();
                let tag = match in_lang.get_mut(slug) {
                    Some(tag) => tag,
                    None => in_lang.entry(slug.clone()).or_insert_with(|| Tag {
                        name: name.clone(),
                        articles: Vec::new(),
                    }),
                };
                // A translation is visited once, so only its own names can
                // repeat a key, and they come one after another.
                if tag.articles.last() != Some(key) {
                    tag.articles.push(key.clone());
                }
            }
        }
        (tags, errors)
    }

    /// `earlier` topics after edits that changed only the dates of the
    /// translations `edited`: each is put in its place again in its topics'
    /// lists (newest first, then by content path), and each topic keeps the
    /// spelling of its newest article, as [`Site::topics`] makes them.
    fn topics_after(
        content: &Content,
        earlier: &BTreeMap<Lang, BTreeMap<Slug, Tag>>,
        edited: &std::collections::BTreeSet<(String, Lang)>,
    ) -> BTreeMap<Lang, BTreeMap<Slug, Tag>> {
        let mut tags = earlier.clone();
        let translation = |key: &str, lang: Lang| {
            (content.articles.get(key)).and_then(|a| a.translations.get(&lang))
        };
        for (key, lang) in edited {
            let Some(edited_translation) = translation(key, *lang) else {
                continue;
            };
            let Some(in_lang) = tags.get_mut(lang) else {
                continue;
            };
            let slugs: std::collections::BTreeSet<Slug> = (edited_translation.front.tags.iter())
                .filter_map(|name| Slug::from_text(name))
                .collect();
            for slug in &slugs {
                let Some(tag) = in_lang.get_mut(slug) else {
                    continue;
                };
                tag.articles.retain(|k| k != key);
                let date = |k: &str| translation(k, *lang).and_then(|t| t.front.date);
                let own = (
                    std::cmp::Reverse(edited_translation.front.date),
                    key.as_str(),
                );
                let at = tag
                    .articles
                    .partition_point(|k| (std::cmp::Reverse(date(k)), k.as_str()) < own);
                tag.articles.insert(at, key.clone());
                // The spelling of the newest article's first name for the topic.
                let newest = tag.articles.first().and_then(|k| translation(k, *lang));
                if let Some(name) = newest.and_then(|t| {
                    (t.front.tags.iter()).find(|name| Slug::from_text(name).as_ref() == Some(slug))
                }) {
                    tag.name.clone_from(name);
                }
            }
        }
        tags
    }

    /// The topics of `lang`, by slug.
    pub(crate) fn tags(&self, lang: Lang) -> Option<&BTreeMap<Slug, Tag>> {
        record(Part::Topics);
        self.resolved.tags.get(&lang)
    }

    /// One topic of `lang`.
    pub(crate) fn tag(&self, lang: Lang, slug: &Slug) -> Option<&Tag> {
        record(Part::Topic(slug.as_str()));
        self.resolved.tags.get(&lang)?.get(slug)
    }

    /// The path of the topic index of `lang`, if the language has topics.
    pub(crate) fn tags_path(&self, lang: Lang) -> Option<String> {
        record(Part::Topics);
        self.topics_path(lang)
    }

    fn topics_path(&self, lang: Lang) -> Option<String> {
        self.resolved
            .tags
            .contains_key(&lang)
            .then(|| format!("{}{}/", self.config.lang_prefix(lang), tags_word(lang)))
    }

    /// The path of the search page of `lang`.
    pub(crate) fn search_path(&self, lang: Lang) -> String {
        format!("{}{}/", self.config.lang_prefix(lang), search_word(lang))
    }

    /// The path of the "other languages" page of `lang`: only on sites in three languages or more,
    /// where the language switch alone no longer shows what exists in each.
    pub(crate) fn languages_path(&self, lang: Lang) -> Option<String> {
        (self.config.languages.len() >= 3).then(|| {
            format!(
                "{}{}/",
                self.config.lang_prefix(lang),
                lang.locale().words.languages
            )
        })
    }

    /// The path of one topic's page.
    pub(crate) fn tag_path(&self, lang: Lang, slug: &Slug) -> Option<String> {
        record(Part::TopicAddress(slug.as_str()));
        self.resolved.tags.get(&lang)?.get(slug)?;
        Some(format!("{}{slug}/", self.topics_path(lang)?))
    }

    /// The path of page `number` (1-based) of a topic.
    pub(crate) fn tag_page_path(&self, lang: Lang, slug: &Slug, number: usize) -> Option<String> {
        let base = self.tag_path(lang, slug)?;
        Some(if number <= 1 {
            base
        } else {
            format!("{base}{}/{number}/", page_word(lang))
        })
    }

    /// Every page URL must be made by one source only.
    fn check_unique_paths(&self, errors: &mut Vec<Diagnostic>) {
        // Claimed in a fixed order, so the first owner named is the same every time.
        // An article's claim keeps its translation, so the error can point at
        // the line that made the path.
        let mut claims: Vec<(Cow<'_, str>, Cow<'_, str>, Option<&Translation>)> = Vec::new();
        // Each language's home claims its prefix, so a Swedish page with the
        // slug `en` cannot hide the English site.
        for &lang in &self.config.languages {
            claims.push((
                self.config.lang_prefix(lang).into(),
                format!("the {} home page", lang.english_name()).into(),
                None,
            ));
        }
        for (key, section) in &self.content.sections {
            for (lang, path) in self.resolved.section_paths.get(key).into_iter().flatten() {
                claims.push((path.into(), section.file.as_str().into(), None));
                claims.push((
                    format!("{path}{}/", page_word(*lang)).into(),
                    section.file.as_str().into(),
                    None,
                ));
            }
        }
        for &lang in &self.config.languages {
            claims.push((
                self.search_path(lang).into(),
                format!("the {} search page", lang.english_name()).into(),
                None,
            ));
            if let Some(path) = self.languages_path(lang) {
                claims.push((
                    path.into(),
                    format!("the {} other-languages page", lang.english_name()).into(),
                    None,
                ));
            }
            if let Some(path) = self.calendar_path(lang) {
                claims.push((
                    path.into(),
                    format!("the {} statistics calendar", lang.english_name()).into(),
                    None,
                ));
            }
        }
        for (lang, tags) in &self.resolved.tags {
            let owner = format!("the {} topic pages", lang.english_name());
            if let Some(index) = self.tags_path(*lang) {
                claims.push((index.into(), owner.clone().into(), None));
            }
            for slug in tags.keys() {
                if let Some(path) = self.tag_path(*lang, slug) {
                    claims.push((path.into(), owner.clone().into(), None));
                }
            }
        }
        for (key, dataset) in &self.content.datasets {
            for path in self
                .resolved
                .dataset_paths
                .get(key)
                .into_iter()
                .flat_map(|p| p.values())
            {
                claims.push((path.into(), dataset.file.as_str().into(), None));
            }
        }
        for (key, article) in &self.content.articles {
            let paths = self.resolved.article_paths.get(key.as_str());
            for (lang, path) in paths.into_iter().flat_map(|p| p.iter()) {
                if let Some(t) = article.translations.get(lang) {
                    claims.push((path.into(), t.file.as_str().into(), Some(t)));
                }
            }
        }
        let mut owners: FxHashMap<&str, &str> = FxHashMap::default();
        for (path, owner, translation) in &claims {
            match owners.get(path.as_ref()) {
                Some(first) => {
                    let mut error = Diagnostic::error(
                        owner.as_ref(),
                        Rule::AddressTaken
                            .with("path", path.to_string())
                            .with("first", first.to_string()),
                    )
                    .with_hint(Phrase::AddressTakenHint);
                    if let Some(t) = translation {
                        // The path came from the given slug, else from the title.
                        let location = if t.front.slug.is_some() {
                            yaml::value_location(&t.text, 0, "slug")
                        } else {
                            yaml::key_location(&t.text, 0, "title")
                        };
                        error = error.at(&t.text, location);
                    }
                    errors.push(error);
                }
                None => {
                    owners.insert(path, owner);
                }
            }
        }
    }

    /// The site-relative URL path of a translation.
    pub(crate) fn article_path(&self, key: &str, lang: Lang) -> Option<&str> {
        record(Part::Article(key));
        self.resolved
            .article_paths
            .get(key)?
            .get(&lang)
            .map(String::as_str)
    }

    /// The redirect at site path `path`, if there is one.
    pub(crate) fn redirect(&self, path: &str) -> Option<&Redirect> {
        record(Part::Redirect(path));
        self.resolved.addresses.redirects.get(path)
    }

    /// Every redirect, by site path.
    pub(crate) fn redirects(&self) -> impl Iterator<Item = (&String, &Redirect)> {
        self.resolved.addresses.redirects.iter()
    }

    /// The recorded addresses whose page is no longer on the site.
    pub(crate) fn gone_addresses(&self) -> &[redirects::Gone] {
        &self.resolved.addresses.gone
    }

    /// The record of published addresses as this build leaves it, when it differs from the file.
    pub(crate) fn record_to_write(&self) -> Option<String> {
        redirects::updated_record(self).changed_text()
    }

    /// The address of the page (article, section or dataset) at content path `key` in `lang`.
    pub(crate) fn page_path(&self, key: &str, lang: Lang) -> Option<&str> {
        if self.content.articles.contains_key(key) {
            self.article_path(key, lang)
        } else if self.content.sections.contains_key(key) {
            self.section_path(key, lang)
        } else {
            self.dataset_path(key, lang)
        }
    }

    /// [`Site::page_path`], for resolving: no view reads it.
    fn page_path_unrecorded(&self, key: &str, lang: Lang) -> Option<&str> {
        let r = &self.resolved;
        [
            &r.article_paths as &dyn PathsOf,
            &r.section_paths,
            &r.dataset_paths,
        ]
        .into_iter()
        .find_map(|paths| paths.path_of(key, lang))
    }

    /// The file, its text and the place in it that make the address of the
    /// page at `key` in `lang`: the `slug`, else the `title`.
    fn where_address_is_made(
        &self,
        key: &str,
        lang: Lang,
    ) -> Option<(&str, &str, crate::diagnostics::Location)> {
        let content = &self.content;
        let (file, text, start, slug) = if let Some(article) = content.articles.get(key) {
            let t = article.translations.get(&lang)?;
            (t.file.as_str(), t.text.as_str(), 0, t.front.slug.is_some())
        } else if let Some(section) = content.sections.get(key) {
            let slug = section.meta.slug.get(lang).is_some();
            (section.file.as_str(), section.text.as_str(), 0, slug)
        } else {
            let dataset = content.datasets.get(key)?;
            (dataset.file.as_str(), dataset.text.as_str(), 0, false)
        };
        let location = if slug {
            yaml::value_location(text, start, "slug")
        } else {
            yaml::key_location(text, start, "title")
        };
        Some((file, text, location))
    }

    /// The site-relative URL path of a section's first page.
    pub(crate) fn section_path(&self, key: &str, lang: Lang) -> Option<&str> {
        record(Part::SectionTitle(key));
        self.resolved
            .section_paths
            .get(key)?
            .get(&lang)
            .map(String::as_str)
    }

    /// The path of a section's page `number` (1-based).
    pub(crate) fn section_page_path(&self, key: &str, lang: Lang, number: usize) -> Option<String> {
        let base = self.section_path(key, lang)?;
        Some(if number <= 1 {
            base.to_string()
        } else {
            format!("{base}{}/{number}/", page_word(lang))
        })
    }

    /// The content path (as `@/` names it) and language of the page whose
    /// site path is `path` (`om-sluta-skjut/`, `en/news/`), with that path.
    pub(crate) fn page_at(&self, path: &str) -> Option<(&str, Lang, &str)> {
        let r = &self.resolved;
        fn in_map<'p>(paths: &'p BTreeMap<Lang, String>, path: &str) -> Option<(Lang, &'p str)> {
            paths
                .iter()
                .find(|(_, p)| p.as_str() == path)
                .map(|(lang, p)| (*lang, p.as_str()))
        }
        if let Some((lang, p)) = in_map(&r.home_paths, path) {
            return Some(("", lang, p));
        }
        // Addresses are unique (check_unique_paths), so the order of the search does not matter.
        let sections = (r.section_paths.iter()).map(|(key, paths)| (key.as_str(), paths));
        let datasets = (r.dataset_paths.iter()).map(|(key, paths)| (key.as_str(), paths));
        let articles = (r.article_paths.iter()).map(|(key, paths)| (&**key, &**paths));
        sections
            .chain(datasets)
            .chain(articles)
            .find_map(|(key, paths)| in_map(paths, path).map(|(lang, p)| (key, lang, p)))
    }

    /// The link from page `from` to site path `to`: relative, so the site works
    /// from any folder; with `index.html` spelled out when built for opening from disk.
    pub(crate) fn link(&self, from: &str, to: &str) -> String {
        let url = crate::text::relative_url(from, to);
        if self.config.link_files && url.ends_with('/') {
            format!("{url}index.html")
        } else {
            url
        }
    }

    /// The site-relative URL path of a dataset's page.
    pub(crate) fn dataset_path(&self, key: &str, lang: Lang) -> Option<&str> {
        record(Part::Dataset(key));
        self.resolved
            .dataset_paths
            .get(key)?
            .get(&lang)
            .map(String::as_str)
    }

    /// A section as its pages in `lang` show it: read this way, an edit to
    /// its texts in another language does not make those pages again.
    pub(crate) fn section_in(&self, key: &str, lang: Lang) -> Option<SectionIn<'_>> {
        record(Part::SectionIn(key, lang));
        Some(SectionIn::of(&self.content.sections.get(key)?.meta, lang))
    }

    /// A section as breadcrumbs show it: its title, and the section it is in.
    pub(crate) fn section_heading(&self, key: &str) -> Option<SectionHeading<'_>> {
        record(Part::SectionTitle(key));
        let section = self.content.sections.get(key)?;
        Some(SectionHeading {
            key: &section.path,
            title: &section.meta.title,
            parent: section.parent.as_deref(),
        })
    }

    /// Every section, by content path.
    pub(crate) fn sections(&self) -> impl Iterator<Item = (&String, &Section)> {
        (self.content.sections.iter()).inspect(|(key, _)| record(Part::Section(key)))
    }

    /// The dataset at content path `key`.
    pub(crate) fn dataset(&self, key: &str) -> Option<&Dataset> {
        record(Part::Dataset(key));
        self.content.datasets.get(key)
    }

    /// Every dataset, by content path.
    pub(crate) fn datasets(&self) -> impl Iterator<Item = (&String, &Dataset)> {
        (self.content.datasets.iter()).inspect(|(key, _)| record(Part::Dataset(key)))
    }

    /// A dataset by its id (file name), with its content path.
    pub(crate) fn dataset_by_id(&self, id: &str) -> Option<(&str, &Dataset)> {
        let key = self.resolved.dataset_ids.get(id)?;
        Some((key.as_str(), self.content.datasets.get(key)?))
    }

    /// The datasets directly in `section`, by title in `lang`.
    pub(crate) fn section_datasets(&self, section: &str, lang: Lang) -> Vec<(&str, &Dataset)> {
        record(Part::SectionIn(section, lang));
        let mut found: Vec<(&str, &Dataset)> = self
            .content
            .datasets
            .iter()
            .filter(|(key, _)| key.rsplit_once('/').map(|(parent, _)| parent) == Some(section))
            .map(|(key, dataset)| (key.as_str(), dataset))
            .inspect(|(key, _)| record(Part::Dataset(key)))
            .collect();
        found.sort_by_key(|(key, d)| (collation_key(d.title.text(lang), lang), key.to_string()));
        found
    }

    /// The home page's path in `lang`.
    pub(crate) fn home_path(&self, lang: Lang) -> String {
        self.config.lang_prefix(lang)
    }

    /// A section's articles in `lang`, in the section's order.
    pub(crate) fn listing(&self, section: &str, lang: Lang) -> &[String] {
        record(Part::Listing(section, lang));
        self.resolved
            .listings
            .get(section)
            .and_then(|l| l.get(&lang))
            .map_or(&[], Vec::as_slice)
    }

    /// Every translation that will become a page, in a stable order.
    pub(crate) fn translations(&self) -> impl Iterator<Item = (&Article, &Translation, &str)> {
        record(Part::AllArticles);
        self.content
            .articles
            .iter()
            .flat_map(move |(key, article)| {
                article.translations.iter().filter_map(move |(lang, t)| {
                    self.article_path(key, *lang).map(|path| (article, t, path))
                })
            })
    }

    /// Every translation in `lang` that will become a page, in a stable
    /// order. Read this way, what changed in another language does not make
    /// the view again (the search page and index, the feed of `lang`).
    pub(crate) fn translations_in(
        &self,
        lang: Lang,
    ) -> impl Iterator<Item = (&Article, &Translation, &str)> {
        self.in_language(lang, true)
    }

    /// Every translation in `lang` that will become a page, as
    /// [`Site::translations_in`], for the search page and index: they show
    /// of each only what its body's search entry and order hold, read
    /// through `render::Bodies` with their version, so only which
    /// translations there are is noted here. A date edit then leaves them.
    pub(crate) fn searched_in(
        &self,
        lang: Lang,
    ) -> impl Iterator<Item = (&Article, &Translation, &str)> {
        self.in_language(lang, false)
    }

    /// The translations of `lang` with a page; with each article's
    /// translation in `lang` noted as read when `each` says so.
    fn in_language(
        &self,
        lang: Lang,
        each: bool,
    ) -> impl Iterator<Item = (&Article, &Translation, &str)> {
        record(Part::AllArticlesIn(lang));
        self.content
            .articles
            .iter()
            .filter_map(move |(key, article)| {
                let translation = article.translations.get(&lang)?;
                // Also where it has no address: it may get one.
                if each {
                    record(Part::ArticleIn(key, lang));
                }
                let path = self.resolved.article_paths.get(key.as_str())?.get(&lang)?;
                Some((article, translation, path.as_str()))
            })
    }

    /// Looks up `@/<content path>` for a reader of `lang`, falling back to another language.
    pub(crate) fn lookup(&self, content_path: &str, lang: Lang) -> Result<Resolved<'_>, Message> {
        let key = content_path.trim_matches('/');
        // Also when there is no such article: it may come.
        record(Part::Article(key));
        let fallbacks = std::iter::once(lang)
            .chain(self.config.languages.iter().copied().filter(|l| *l != lang));
        if key.is_empty() {
            let path = self
                .resolved
                .home_paths
                .get(&lang)
                .map_or("", String::as_str);
            return Ok(Resolved {
                target: Target::Home,
                path,
                lang,
            });
        }
        if let Some(article) = self.content.articles.get(key) {
            for l in fallbacks {
                if let Some(path) = self.article_path(key, l) {
                    return Ok(Resolved {
                        target: Target::Article(article),
                        path,
                        lang: l,
                    });
                }
            }
            return Err(Rule::LinkNoPage.with("page", key));
        }
        if let Some(section) = self.content.sections.get(key) {
            for l in fallbacks {
                if let Some(path) = self.section_path(key, l) {
                    return Ok(Resolved {
                        target: Target::Section(section),
                        path,
                        lang: l,
                    });
                }
            }
        }
        if let Some(dataset) = self.content.datasets.get(key) {
            let path = self.dataset_path(key, lang).unwrap_or("");
            return Ok(Resolved {
                target: Target::Dataset(dataset),
                path,
                lang,
            });
        }
        if let Some(reason) = self.content.unpublished.get(key) {
            return Err(Rule::LinkUnpublishedPage
                .with("page", key)
                .with("reason", *reason));
        }
        Err(Rule::LinkMissingPage.with("page", key))
    }
}

/// Address maps of one kind of page, by content path and language.
trait PathsOf {
    fn path_of(&self, key: &str, lang: Lang) -> Option<&str>;
}

impl PathsOf for ArticlePaths {
    fn path_of(&self, key: &str, lang: Lang) -> Option<&str> {
        self.get(key)?.get(&lang).map(String::as_str)
    }
}

impl PathsOf for BTreeMap<String, BTreeMap<Lang, String>> {
    fn path_of(&self, key: &str, lang: Lang) -> Option<&str> {
        self.get(key)?.get(&lang).map(String::as_str)
    }
}

/// The content path of the page whose address is closest to a mistyped
/// address `path` (`om-sluta-skjt/`), for hints.
pub(crate) fn page_suggestion<'a>(site: &'a Site, path: &str) -> Option<&'a str> {
    let r = &site.resolved;
    let pages: Vec<(&str, &str)> = (r.section_paths.iter())
        .chain(&r.dataset_paths)
        .map(|(key, paths)| (key.as_str(), paths))
        .chain((r.article_paths.iter()).map(|(key, paths)| (&**key, &**paths)))
        .flat_map(|(key, paths)| paths.values().map(move |p| (p.as_str(), key)))
        .collect();
    let closest = crate::diagnostics::closest(path, pages.iter().map(|(p, _)| *p))?;
    pages
        .iter()
        .find(|(p, _)| *p == closest)
        .map(|(_, key)| *key)
}

/// Closest available content paths to a mistyped one, for hints.
pub(crate) fn suggestions<'a>(site: &'a Site, wrong: &str) -> Option<&'a str> {
    let candidates = site
        .content
        .articles
        .keys()
        .chain(site.content.sections.keys())
        .chain(site.content.datasets.keys())
        .map(String::as_str);
    crate::diagnostics::closest(wrong, candidates)
}

#[cfg(test)]
mod tests {
    use super::address_family;

    #[test]
    fn an_address_and_those_a_title_makes_way_to_are_of_one_family() {
        for path in [
            "nyheter/mote/",
            "nyheter/mote-2/",
            "nyheter/mote-2-2/",
            "nyheter/mote-13/",
        ] {
            assert_eq!(address_family(path), "nyheter/mote", "{path}");
        }
        // A title that is a number, or ends in a word after a number, keeps it.
        assert_eq!(address_family("nyheter/2024/"), "nyheter/2024");
        assert_eq!(address_family("nyheter/2024-3/"), "nyheter/2024");
        assert_eq!(address_family("en/covid-19-update/"), "en/covid-19-update");
        assert_eq!(address_family("mote-2/"), "mote");
        assert_eq!(address_family("nyheter/mote-/"), "nyheter/mote-");
    }
}
