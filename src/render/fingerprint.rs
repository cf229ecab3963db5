//! Fingerprints of what each page is made from, so a rebuild after an edit renders only pages whose inputs changed.
//!
//! A fingerprint covers what can change when an article file is edited:
//! bodies (by their rendering version, which is new whenever the file
//! changed), addresses, listings, topics and titles shown in the menu.
//! Settings, sections, datasets and the theme change only with a full load,
//! after which every page is rendered anyway. `tests/live.rs` checks that a
//! rebuild from fingerprints gives the same bytes as a fresh build.

use std::collections::BTreeMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use super::*;

/// Computes page fingerprints for one resolved site.
pub(crate) struct Fingerprints<'r, 's> {
    renderer: &'r Renderer<'s>,
    /// What every page of a language shows around its content: menu and footer targets, topic folders.
    frames: BTreeMap<Lang, u64>,
}

impl<'r, 's> Fingerprints<'r, 's> {
    pub(crate) fn new(renderer: &'r Renderer<'s>) -> Self {
        let site = renderer.site;
        let frames = site
            .config
            .languages
            .iter()
            .map(|&lang| {
                let mut h = DefaultHasher::new();
                for target in site
                    .config
                    .menu
                    .iter()
                    .chain(&site.config.accessibility_statement)
                {
                    match site.lookup(target.strip_prefix("@/").unwrap_or(target), lang) {
                        Ok(resolved) => {
                            resolved.path.hash(&mut h);
                            renderer.target_title(&resolved).hash(&mut h);
                        }
                        Err(_) => 0u8.hash(&mut h),
                    }
                }
                for &other in &site.config.languages {
                    site.tags_path(other).hash(&mut h);
                }
                (lang, h.finish())
            })
            .collect();
        Fingerprints { renderer, frames }
    }

    /// What page `job` at `path` is made from, as one number.
    pub(crate) fn of(&self, path: &str, job: &PageJob, alternates: &[(Lang, String)]) -> u64 {
        let site = self.renderer.site;
        let mut h = DefaultHasher::new();
        path.hash(&mut h);
        alternates.hash(&mut h);
        self.frames.get(&job.lang()).hash(&mut h);
        match job {
            PageJob::Home(lang) => {
                0u8.hash(&mut h);
                for key in site.content.sections.keys() {
                    for item in site.listing(key, *lang).iter().take(5) {
                        self.item(item, *lang, &mut h);
                    }
                }
            }
            PageJob::Section {
                key,
                lang,
                number,
                of,
            } => {
                (1u8, key, number, of).hash(&mut h);
                let size = site
                    .content
                    .sections
                    .get(key)
                    .map_or(1, |s| s.meta.page_size.max(1));
                for item in site
                    .listing(key, *lang)
                    .iter()
                    .skip((number - 1) * size)
                    .take(size)
                {
                    self.item(item, *lang, &mut h);
                }
            }
            PageJob::Article { key, lang } => {
                // The rendering is new whenever the file changed.
                (2u8, key).hash(&mut h);
                self.body(key, *lang).map(|b| b.version).hash(&mut h);
                site.content
                    .articles
                    .get(key)
                    .map(|a| &a.section)
                    .hash(&mut h);
            }
            PageJob::Dataset { key, .. } => (3u8, key).hash(&mut h),
            PageJob::Tags(lang) => {
                4u8.hash(&mut h);
                for (slug, tag) in site.tags(*lang).into_iter().flatten() {
                    (slug.as_str(), &tag.name, tag.articles.len()).hash(&mut h);
                }
            }
            PageJob::Search(lang) => {
                5u8.hash(&mut h);
                for (_, translation, path) in site.translations() {
                    if translation.lang == *lang {
                        (&translation.front.title, path).hash(&mut h);
                    }
                }
            }
            PageJob::Tag {
                lang,
                slug,
                number,
                of,
            } => {
                (6u8, slug.as_str(), number, of).hash(&mut h);
                if let Some(tag) = site.tags(*lang).and_then(|tags| tags.get(slug)) {
                    tag.name.hash(&mut h);
                    for item in tag
                        .articles
                        .iter()
                        .skip((number - 1) * topics::TAG_PAGE_SIZE)
                        .take(topics::TAG_PAGE_SIZE)
                    {
                        self.item(item, *lang, &mut h);
                    }
                }
            }
        }
        h.finish()
    }

    /// An article as listings show it: address, title, date and summary.
    fn item(&self, key: &str, lang: Lang, h: &mut DefaultHasher) {
        key.hash(h);
        self.renderer.site.article_path(key, lang).hash(h);
        self.body(key, lang).map(|b| b.listing_print).hash(h);
    }

    fn body(&self, key: &str, lang: Lang) -> Option<&Rendered> {
        self.renderer.bodies.get(key, lang)
    }
}
