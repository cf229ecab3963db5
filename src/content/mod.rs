//! Loading the site folder: sections, articles and their translations, assets and static files.
//!
//! This is the `load` step. It reads files and parses them into typed
//! values, collecting every error with its location; it assigns no URLs
//! (that is [`crate::site`]) and renders nothing.

pub mod front_matter;
mod load;
pub mod placeholder;

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Deserialize;

use crate::dataset::Dataset;
use crate::i18n::{Lang, Localized};
pub use front_matter::FrontMatter;
pub use load::{LoadOptions, load, read_text, reload_translation};

/// Everything read from the site folder, before URLs are assigned.
#[derive(Debug, Default)]
pub struct Content {
    pub home: Home,
    /// Sections by content path (`nyheter`, `nyheter/arkiv`).
    pub sections: BTreeMap<String, Section>,
    /// Published articles by content path (`nyheter/2019-11-13-ny-call-in`).
    pub articles: BTreeMap<String, Article>,
    /// Articles left out of this build, with why, so links to them get a clear error.
    pub unpublished: BTreeMap<String, &'static str>,
    /// Every translation left out of this build (draft, scheduled, expired): its file and why.
    pub held_back: Vec<(String, &'static str)>,
    /// Datasets by content path without `.yaml` (`statistik/dodsskjutningar-malmo`).
    pub datasets: BTreeMap<String, Dataset>,
    /// Files under `static/`, copied as they are.
    pub static_files: Vec<Asset>,
    /// Every translation file found (folder, language), in the order they were read.
    pub translation_files: Vec<(String, Lang)>,
    /// Articles all of whose translations went after an edit, kept with
    /// their files for when one comes back (see [`reload_translation`]).
    pub emptied: BTreeMap<String, Article>,
}

/// Texts of the home page, from `content/_index.yaml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Home {
    #[serde(default)]
    pub title: Localized<String>,
    #[serde(default)]
    pub description: Localized<String>,
    /// A short introduction in Markdown, shown above the latest articles.
    #[serde(default)]
    pub intro: Localized<String>,
    /// `content/_index.yaml` and its text, for locating findings.
    #[serde(skip)]
    pub file: String,
    #[serde(skip)]
    pub text: String,
}

/// A folder with `_section.yaml`: a listing of the articles inside it.
#[derive(Debug)]
pub struct Section {
    pub path: String,
    /// The section this one sits in, if any.
    pub parent: Option<String>,
    /// `content/<path>/_section.yaml`, for messages.
    pub file: String,
    pub text: String,
    pub meta: SectionMeta,
}

/// What `_section.yaml` says.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionMeta {
    pub title: Localized<String>,
    #[serde(default)]
    pub slug: Localized<String>,
    #[serde(default)]
    pub description: Localized<String>,
    #[serde(default)]
    pub sort: SortOrder,
    #[serde(default = "default_page_size")]
    pub page_size: usize,
    /// Position among sibling sections, smallest first.
    #[serde(default)]
    pub weight: i64,
}

fn default_page_size() -> usize {
    10
}

/// How a section orders its articles.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SortOrder {
    /// Newest first.
    #[default]
    Date,
    Title,
    Weight,
}

/// A folder holding one article in one or more languages, with its files.
#[derive(Debug)]
pub struct Article {
    pub path: String,
    /// The section the article is listed in; `None` for pages such as "Om Sluta skjut".
    pub section: Option<String>,
    pub translations: BTreeMap<Lang, Translation>,
    /// Files beside the article, copied with each translation.
    pub assets: Vec<Asset>,
}

/// One language version of an article: `sv.md` or `en.md`.
#[derive(Debug)]
pub struct Translation {
    pub lang: Lang,
    /// `content/<path>/<lang>.md`, for messages.
    pub file: String,
    pub text: String,
    pub front: FrontMatter,
    pub body_start: usize,
    /// The title as listings sort it in the translation's language.
    pub title_key: String,
    /// The slug the title makes, when the front matter gives none.
    pub title_slug: Option<crate::text::slug::Slug>,
}

impl Translation {
    /// A translation read from `file`; what resolving needs of its title is made here, once.
    pub fn new(lang: Lang, file: String, text: String, parsed: front_matter::Parsed) -> Self {
        let front = parsed.front;
        Translation {
            lang,
            file,
            text,
            title_key: crate::i18n::collation_key(&front.title, lang),
            title_slug: crate::text::slug::Slug::from_text(&front.title),
            front,
            body_start: parsed.body_start,
        }
    }

    /// The Markdown after the front matter.
    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }
}

/// A file copied into the output: its place on disk and its path relative to where it goes.
#[derive(Debug, Clone)]
pub struct Asset {
    pub source: PathBuf,
    pub relative: String,
}
