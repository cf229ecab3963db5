//! The build, step by step: **prepare** (load, resolve, render the Markdown),
//! then **write** (render every page and write it, with assets, downloads,
//! feeds, search indexes and the sitemap).
//!
//! A [`Mode`] says whether a write is a whole build or, under `serve`, one
//! after an edit that writes only what changed. `lib.rs` runs these steps
//! for `build`; `live` runs them for `serve`, and `check` runs `prepare`.

mod write;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDate;

use crate::config::{self, SiteConfig};
use crate::content;
use crate::diagnostics::{self, Diagnostic, Diagnostics};
use crate::i18n::Lang;
use crate::messages::{Phrase, Rule};
use crate::render::{self, Theme};
use crate::site::{self, Site};
use crate::yaml;

pub(crate) use write::{Mode, Written, write_pages, write_site};

/// What to build and how.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site folder (holding `site.yaml`).
    pub site: PathBuf,
    /// The output folder; `public/` in the site folder when `None`.
    pub out: Option<PathBuf>,
    pub drafts: bool,
    pub base_url: Option<String>,
    /// The build date, deciding scheduled and expired articles.
    pub today: NaiveDate,
    /// Spell out `index.html` in links, for a copy opened straight from disk.
    pub for_disk: bool,
}

/// What a successful build made.
#[derive(Debug)]
pub struct BuildSummary {
    pub pages: BTreeMap<Lang, usize>,
    /// How many of the pages were rendered (fewer than all after an edit
    /// under `serve`); like `pages`, not counting redirect pages.
    pub rendered: usize,
    /// How many redirect pages were written (not counted in `pages`).
    pub redirects: usize,
    /// For how many pages what the template receives was made, to see whether they changed.
    pub viewed: usize,
    /// Every page written (site-relative path) with its language, in order.
    pub written: Vec<(String, Lang)>,
    pub datasets: usize,
    pub files: usize,
    pub out: PathBuf,
    pub warnings: Vec<Diagnostic>,
    pub elapsed: Duration,
}

/// The site after load, resolve and Markdown rendering, with every problem found so far.
pub(crate) struct Prepared {
    pub site: Site,
    /// `None` when the theme could not be loaded (its errors are in `report`).
    pub theme: Option<Theme>,
    pub bodies: render::Bodies,
    pub report: Diagnostics,
}

/// Loads, resolves and renders the Markdown of the site; only an unreadable site.yaml stops it early.
pub(crate) fn prepare(options: &BuildOptions) -> Result<Prepared, Vec<Diagnostic>> {
    let root = options.site.as_path();
    let mut report = Diagnostics::default();
    let (config_text, config) = read_config(options)?;
    let (content, load_errors) = content::load(root, &load_options(options, &config));
    report.extend(load_errors);
    let theme = match Theme::load(root, &config.languages) {
        Ok(theme) => Some(theme),
        Err(errors) => {
            report.extend(errors);
            None
        }
    };
    let (site, bodies) = resolve_and_render(
        config,
        content,
        None,
        theme.as_ref(),
        &config_text,
        None,
        &mut report,
    );
    Ok(Prepared {
        site,
        theme,
        bodies,
        report,
    })
}

/// site.yaml: its text (for locating findings) and its settings.
pub(crate) fn read_config(options: &BuildOptions) -> Result<(String, SiteConfig), Vec<Diagnostic>> {
    let root = options.site.as_path();
    let config_text = content::read_text(&root.join(config::FILE), config::FILE)
        .map_err(|d| vec![not_a_site(root).unwrap_or(d)])?;
    let mut config = SiteConfig::parse(&config_text, options.base_url.as_deref())?;
    config.link_files = options.for_disk;
    Ok((config_text, config))
}

/// The error for a folder without site.yaml, where torget was not run in a site folder.
pub(crate) fn not_a_site(root: &Path) -> Option<Diagnostic> {
    (!root.join(config::FILE).exists()).then(|| {
        Diagnostic::error(
            config::FILE,
            Rule::NotASite.with("folder", root.display().to_string()),
        )
        .with_hint(Phrase::NotASiteHint)
    })
}

pub(crate) fn load_options(options: &BuildOptions, config: &SiteConfig) -> content::LoadOptions {
    content::LoadOptions {
        languages: config.languages.clone(),
        drafts: options.drafts,
        today: options.today,
    }
}

/// Resolve (or take `resolution` as it is) and render the Markdown of loaded content, adding what is found to `report`.
pub(crate) fn resolve_and_render(
    config: SiteConfig,
    content: content::Content,
    resolution: Option<site::Resolution>,
    theme: Option<&Theme>,
    config_text: &str,
    reuse: Option<render::Reuse>,
    report: &mut Diagnostics,
) -> (Site, render::Bodies) {
    let (site, resolve_errors) = match resolution {
        Some(resolution) => Site::from_parts(config, content, resolution),
        None => {
            // After edits to articles alone, what else resolving made is put right, not made anew.
            let after = (reuse.as_ref()).filter(|r| r.articles_only).and_then(|r| {
                let before = r.resolved_before.as_ref()?;
                Some(site::Earlier::new(
                    before,
                    &r.edited_articles,
                    &r.edited,
                    r.unchanged,
                ))
            });
            Site::resolve_after(config, content, after)
        }
    };
    report.extend(resolve_errors);
    report.extend(check_site_links(&site, config_text));
    let (bodies, body_errors) = render::bodies(&site, theme, reuse);
    report.extend(body_errors);
    (site, bodies)
}

/// The location of top-level `key:` in a YAML text, for findings about a key.
pub(crate) fn yaml_key_location(text: &str, key: &str) -> diagnostics::Location {
    yaml::key_location(text, 0, key)
}

/// Menu entries and the accessibility statement in site.yaml must name real pages.
pub(crate) fn check_site_links(site: &Site, config_text: &str) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    let targets = site.config.menu.iter().map(|t| ("menu", t)).chain(
        site.config
            .accessibility_statement
            .iter()
            .map(|t| ("accessibility_statement", t)),
    );
    for (key, target) in targets {
        let location = SiteConfig::key_location(config_text, key);
        let Some(path) = target.strip_prefix("@/") else {
            errors.push(
                Diagnostic::error(config::FILE, Rule::NotAPageLink.with("target", target))
                    .at(config_text, location)
                    .with_hint(Phrase::NotAPageLinkHint),
            );
            continue;
        };
        if site.content.failed_to_load(path) {
            continue;
        }
        // The statement's facts are shown on an article or page only: not on
        // a section's listing or a dataset's page.
        let key_path = path.trim_matches('/');
        if key == "accessibility_statement"
            && site.config.accessibility.is_some()
            && !site.content.articles.contains_key(key_path)
            && (site.content.sections.contains_key(key_path)
                || site.content.datasets.contains_key(key_path)
                || key_path.is_empty())
        {
            errors.push(
                Diagnostic::error(
                    config::FILE,
                    Rule::AccessibilityNotAPage.with("target", target),
                )
                .at(config_text, location)
                .with_hint(Phrase::AccessibilityNotAPageHint),
            );
            continue;
        }
        for &lang in &site.config.languages {
            if let Err(message) = site.lookup(path, lang) {
                errors.push(
                    Diagnostic::error(
                        config::FILE,
                        Phrase::InPath.with("path", key).with("message", message),
                    )
                    .at(config_text, location),
                );
                break;
            }
        }
    }
    errors
}

/// Refuses an output folder whose replacement would delete the site itself.
pub(crate) fn check_output_folder(root: &Path, out: &Path) -> Result<(), Vec<Diagnostic>> {
    let absolute = |p: &Path| -> PathBuf {
        let p = if p.is_absolute() {
            p.to_path_buf()
        } else {
            std::env::current_dir().unwrap_or_default().join(p)
        };
        // Canonicalise the longest existing ancestor so `..` and links resolve.
        let mut existing = p.as_path();
        let mut rest = Vec::new();
        while !existing.exists() {
            match (existing.parent(), existing.file_name()) {
                (Some(parent), Some(name)) => {
                    rest.push(name.to_os_string());
                    existing = parent;
                }
                _ => break,
            }
        }
        let mut full = fs::canonicalize(existing).unwrap_or_else(|_| existing.to_path_buf());
        full.extend(rest.iter().rev());
        full
    };
    let root = absolute(root);
    let out = absolute(out);
    let protected = ["content", "static", "themes"].map(|d| root.join(d));
    if root.starts_with(&out)
        || protected.iter().any(|p| out.starts_with(p))
        || out == root.join(config::FILE)
    {
        return Err(vec![
            Diagnostic::error(out.display().to_string(), Rule::OutputReplacesSite)
                .with_hint(Phrase::OutputReplacesSiteHint),
        ]);
    }
    Ok(())
}
