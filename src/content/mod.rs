//! Loading the site folder: sections, articles and their translations, assets and static files.
//!
//! This is the `load` step. It reads files and parses them into typed
//! values, collecting every error with its location; it assigns no URLs
//! (that is [`crate::site`]) and renders nothing.

pub mod front_matter;
mod load;
pub(crate) mod placeholder;
pub(crate) mod review;

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Deserialize;

use crate::dataset::Dataset;
use crate::i18n::{Lang, Localized};
use crate::messages::Phrase;
pub use front_matter::FrontMatter;
pub(crate) use load::{
    LoadOptions, load, read_text, reload_dataset, reload_home, reload_section, reload_translation,
};

/// Everything read from the site folder, before URLs are assigned.
#[derive(Debug, Default)]
pub(crate) struct Content {
    pub(crate) home: Home,
    /// Sections by content path (`nyheter`, `nyheter/arkiv`).
    pub(crate) sections: BTreeMap<String, Section>,
    /// Published articles by content path (`nyheter/2019-11-13-ny-call-in`).
    pub(crate) articles: BTreeMap<String, Article>,
    /// Articles left out of this build, with why, so links to them get a clear error.
    pub(crate) unpublished: BTreeMap<String, Phrase>,
    /// Every translation left out of this build (draft, scheduled, expired): its file and why.
    pub(crate) held_back: Vec<(String, HeldBack)>,
    /// Content paths of sections, datasets and article folders with a file that
    /// failed to load: its own errors say why, so what links to it or embeds
    /// it is not reported again.
    pub(crate) failed: std::collections::BTreeSet<String>,
    /// Datasets by content path without `.yaml` (`statistik/dodsskjutningar-malmo`).
    pub(crate) datasets: BTreeMap<String, Dataset>,
    /// Files under `static/`, copied as they are.
    pub(crate) static_files: Vec<Asset>,
    /// Every translation file found (folder, language), in the order they were read.
    pub(crate) translation_files: Vec<(String, Lang)>,
    /// Articles all of whose translations went after an edit, kept with
    /// their files for when one comes back (see [`reload_translation`]).
    pub(crate) emptied: BTreeMap<String, Article>,
    /// The record of published addresses (`addresses.txt`), as read.
    pub(crate) record: crate::addresses::Record,
    /// The build date (`--now`), for what pages say about dates to come (the statistics calendar).
    pub(crate) today: chrono::NaiveDate,
}

/// Why a translation is left out of a build, and the front-matter key that says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct HeldBack {
    pub(crate) reason: Phrase,
    pub(crate) key: &'static str,
}

impl Content {
    /// Whether `path` (as `@/` names it) is, or lies in, something that failed to load.
    pub(crate) fn failed_to_load(&self, path: &str) -> bool {
        let path = path.trim_matches('/');
        self.failed.iter().any(|failed| {
            path == failed
                || (path.starts_with(failed.as_str()) && path[failed.len()..].starts_with('/'))
        })
    }

    /// Whether a dataset with id `id` (its file name) failed to load.
    pub(crate) fn dataset_failed(&self, id: &str) -> bool {
        self.failed
            .iter()
            .any(|failed| failed.rsplit('/').next() == Some(id))
    }
}

/// Texts of the home page, from `content/_index.yaml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Home {
    #[serde(default)]
    pub(crate) title: Localized<String>,
    #[serde(default)]
    pub(crate) description: Localized<String>,
    /// A short introduction in Markdown, shown above the latest articles.
    #[serde(default)]
    pub(crate) intro: Localized<String>,
    /// `content/_index.yaml` and its text, for locating findings.
    #[serde(skip)]
    pub(crate) file: String,
    #[serde(skip)]
    pub(crate) text: String,
}

/// A folder with `_section.yaml`: a listing of the articles inside it.
#[derive(Debug)]
pub(crate) struct Section {
    pub(crate) path: String,
    /// The section this one sits in, if any.
    pub(crate) parent: Option<String>,
    /// `content/<path>/_section.yaml`, for messages.
    pub(crate) file: String,
    pub(crate) text: String,
    pub(crate) meta: SectionMeta,
}

/// What `_section.yaml` says.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SectionMeta {
    pub(crate) title: Localized<String>,
    #[serde(default)]
    pub(crate) slug: Localized<String>,
    #[serde(default)]
    pub(crate) description: Localized<String>,
    #[serde(default)]
    pub(crate) sort: SortOrder,
    #[serde(default = "default_page_size")]
    pub(crate) page_size: usize,
    /// Position among sibling sections, smallest first.
    #[serde(default)]
    pub(crate) weight: i64,
}

fn default_page_size() -> usize {
    10
}

/// How a section orders its articles.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum SortOrder {
    /// Newest first.
    #[default]
    Date,
    Title,
    Weight,
}

/// A folder holding one article in one or more languages, with its files.
#[derive(Debug)]
pub(crate) struct Article {
    pub(crate) path: String,
    /// The section the article is listed in; `None` for pages such as "Om Sluta skjut".
    pub(crate) section: Option<String>,
    pub(crate) translations: BTreeMap<Lang, Translation>,
    /// Files beside the article, copied with each translation.
    pub(crate) assets: Vec<Asset>,
}

/// One language version of an article: `sv.md` or `en.md`.
#[derive(Debug)]
pub(crate) struct Translation {
    pub(crate) lang: Lang,
    /// `content/<path>/<lang>.md`, for messages.
    pub(crate) file: String,
    pub(crate) text: String,
    pub(crate) front: FrontMatter,
    pub(crate) body_start: usize,
    /// The title as listings sort it in the translation's language.
    pub(crate) title_key: String,
    /// The slug the title makes, when the front matter gives none.
    pub(crate) title_slug: Option<crate::text::slug::Slug>,
    /// Whether the text holds placeholders (`«…»`): found once, on first
    /// asking, as `serve` asks of every translation after every save.
    placeholders: std::sync::OnceLock<bool>,
}

impl Translation {
    /// Whether the text holds placeholders (`«…»`) an editor has still to fill in.
    pub(crate) fn has_placeholders(&self) -> bool {
        *(self.placeholders).get_or_init(|| placeholder::any(&self.text))
    }

    /// A translation read from `file`; what resolving needs of its title is made here, once.
    pub(crate) fn new(
        lang: Lang,
        file: String,
        text: String,
        parsed: front_matter::Parsed,
    ) -> Self {
        let front = parsed.front;
        Translation {
            lang,
            file,
            text,
            title_key: crate::i18n::collation_key(&front.title, lang),
            title_slug: crate::text::slug::Slug::from_text(&front.title),
            front,
            body_start: parsed.body_start,
            placeholders: std::sync::OnceLock::new(),
        }
    }

    /// The Markdown after the front matter.
    pub(crate) fn body(&self) -> &str {
        &self.text[self.body_start..]
    }
}

/// A file copied into the output: its place on disk and its path relative to where it goes.
#[derive(Debug, Clone)]
pub(crate) struct Asset {
    pub(crate) source: PathBuf,
    pub(crate) relative: String,
}
