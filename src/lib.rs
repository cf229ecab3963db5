//! torget: a static site generator for a municipality's bilingual public-information website.
//!
//! Data flows one way: **load** ([`content`]) → **resolve** ([`site`]) →
//! **render** ([`markdown`], [`render`]) → **write** ([`output`]). [`build`]
//! runs them all and reports every problem of the run together.

// Errors are the cold path and carry what a reader needs (file, line, the
// offending line, a hint); boxing them everywhere would only add noise.
#![allow(clippy::result_large_err)]

pub mod check;
pub(crate) mod config;
pub mod content;
pub mod dataset;
pub mod diagnostics;
pub mod i18n;
pub mod live;
pub(crate) mod markdown;
pub mod output;
pub mod render;
pub mod scaffold;
pub mod serve;
pub(crate) mod site;
pub mod text;
mod yaml;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use rayon::prelude::*;

use config::SiteConfig;
use diagnostics::{Diagnostic, Diagnostics};
use i18n::Lang;
use render::{Renderer, Theme};
use site::Site;

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
    /// How many of the pages were rendered (fewer than all after an edit under `serve`).
    pub rendered: usize,
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
fn read_config(options: &BuildOptions) -> Result<(String, SiteConfig), Vec<Diagnostic>> {
    let root = options.site.as_path();
    let config_text =
        content::read_text(&root.join(config::FILE), config::FILE).map_err(|mut d| {
            if !root.join(config::FILE).exists() {
                d = Diagnostic::error(config::FILE, format!("no site.yaml in {}", root.display()))
                    .with_hint("run torget in the site folder, or point at it with --site DIR");
            }
            vec![d]
        })?;
    let mut config = SiteConfig::parse(&config_text, options.base_url.as_deref())?;
    config.link_files = options.for_disk;
    Ok((config_text, config))
}

fn load_options(options: &BuildOptions, config: &SiteConfig) -> content::LoadOptions {
    content::LoadOptions {
        languages: config.languages.clone(),
        drafts: options.drafts,
        today: options.today,
    }
}

/// Resolve (or take `resolution` as it is) and render the Markdown of loaded content, adding what is found to `report`.
fn resolve_and_render(
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
        None => Site::resolve(config, content),
    };
    report.extend(resolve_errors);
    report.extend(check_site_links(&site, config_text));
    let (bodies, body_errors) = render::bodies(&site, theme, reuse);
    report.extend(body_errors);
    (site, bodies)
}

/// Builds the site; on failure returns every diagnostic found, and the previous output is untouched.
pub fn build(options: &BuildOptions) -> Result<BuildSummary, Vec<Diagnostic>> {
    let started = Instant::now();
    let root = options.site.as_path();
    let out = options.out.clone().unwrap_or_else(|| root.join("public"));
    let prepared = prepare(options)?;
    check_output_folder(root, &out)?;
    if prepared.report.has_errors() || prepared.theme.is_none() {
        return Err(prepared.report.sorted());
    }
    let staging = output::Staging::begin(&out).map_err(|e| {
        vec![Diagnostic::error(
            out.display().to_string(),
            format!("cannot create the output folder beside it: {e}"),
        )]
    })?;
    let mut summary = write_site(prepared, &staging, started)?;
    staging.commit().map_err(|e| {
        vec![Diagnostic::error(
            out.display().to_string(),
            format!("cannot replace the output folder: {e}"),
        )]
    })?;
    summary.out = out;
    Ok(summary)
}

/// Builds the site into memory (for `serve`): every file by its site-relative path.
pub fn build_in_memory(
    options: &BuildOptions,
) -> Result<(output::Memory, BuildSummary), Vec<Diagnostic>> {
    let started = Instant::now();
    let prepared = prepare(options)?;
    if prepared.report.has_errors() || prepared.theme.is_none() {
        return Err(prepared.report.sorted());
    }
    let memory = output::Memory::default();
    let summary = write_site(prepared, &memory, started)?;
    Ok((memory, summary))
}

/// What a build wrote, kept so that a build after an edit writes only what changed.
#[derive(Debug, Default)]
pub(crate) struct Written {
    /// Every page: its path and what it shows, in the build's order.
    jobs: Vec<(String, render::PageJob)>,
    /// Each page's translations (for `hreflang` and the sitemap), in the same order.
    alternates: Vec<Vec<(Lang, String)>>,
    /// The fingerprint of what each page was made from, in the same order.
    prints: Vec<u64>,
    /// The fingerprint of every page's address and translations, which the sitemap lists.
    sitemap: u64,
    /// Feeds, 404 pages, search indexes, sitemaps, robots.txt.
    generated: std::collections::BTreeSet<String>,
    /// Files copied: article files beside each translation's page, and `static/`.
    copied: std::collections::BTreeSet<String>,
    /// Files the previous build made that this one does not.
    pub gone: Vec<String>,
}

/// What of the previous build's files `write_pages` needs after its pages.
struct KeptFiles {
    sitemap: u64,
    generated: std::collections::BTreeSet<String>,
    copied: std::collections::BTreeSet<String>,
}

/// Renders every page and writes it, with assets, dataset downloads and theme files, into `sink`.
fn write_site(
    prepared: Prepared,
    sink: &dyn output::Sink,
    started: Instant,
) -> Result<BuildSummary, Vec<Diagnostic>> {
    let Prepared {
        site,
        theme,
        bodies,
        report,
    } = prepared;
    let Some(theme) = theme else {
        return Err(report.sorted());
    };
    let (mut summary, written) =
        write_pages(&site, &theme, &bodies, report, sink, None, false, started)?;
    summary.written = written
        .jobs
        .into_iter()
        .map(|(path, job)| (path, job.lang()))
        .collect();
    Ok(summary)
}

/// Writes the pages of a prepared site into `sink`; with `since`, the
/// previous build of the same load, only pages whose fingerprint changed,
/// and nothing of what changes only with a full load (assets, downloads,
/// theme files). `same_addresses`: the site was not resolved again, so its
/// pages are those of `since`.
#[allow(clippy::too_many_arguments)]
fn write_pages(
    site: &Site,
    theme: &Theme,
    bodies: &render::Bodies,
    mut report: Diagnostics,
    sink: &dyn output::Sink,
    since: Option<Written>,
    same_addresses: bool,
    started: Instant,
) -> Result<(BuildSummary, Written), Vec<Diagnostic>> {
    let renderer = Renderer::new(site, theme, bodies);
    let write_error =
        |path: &str, e: std::io::Error| Diagnostic::error(path, format!("cannot write it: {e}"));
    let mut since = since;
    let since_files = since.as_mut().map(|w| KeptFiles {
        sitemap: w.sitemap,
        generated: std::mem::take(&mut w.generated),
        copied: std::mem::take(&mut w.copied),
    });
    let (jobs, alternates, earlier, mut gone) = match since {
        Some(since) if same_addresses => {
            let earlier = since.prints.into_iter().map(Some).collect();
            (since.jobs, since.alternates, earlier, Vec::new())
        }
        since => {
            let jobs = renderer.jobs();
            let alternates: Vec<Vec<(Lang, String)>> = jobs
                .par_iter()
                .map(|(path, job)| renderer.alternates(path, job))
                .collect();
            let (earlier, gone) = match &since {
                Some(since) => {
                    let before: rustc_hash::FxHashMap<&str, u64> = since
                        .jobs
                        .iter()
                        .zip(&since.prints)
                        .map(|((path, _), print)| (path.as_str(), *print))
                        .collect();
                    let now: rustc_hash::FxHashSet<&str> =
                        jobs.iter().map(|(path, _)| path.as_str()).collect();
                    let gone = before
                        .keys()
                        .filter(|path| !now.contains(*path))
                        .map(|path| format!("{path}index.html"))
                        .collect();
                    let earlier = jobs
                        .iter()
                        .map(|(path, _)| before.get(path.as_str()).copied())
                        .collect();
                    (earlier, gone)
                }
                None => (vec![None; jobs.len()], Vec::new()),
            };
            // Tens of thousands of small strings: free them off the rebuild's path.
            rayon::spawn(move || drop(since));
            (jobs, alternates, earlier, gone)
        }
    };
    let fingerprints = render::Fingerprints::new(&renderer);
    let results: Vec<(u64, Result<bool, Diagnostic>)> = jobs
        .par_iter()
        .zip(&alternates)
        .zip(&earlier)
        .map(|(((path, job), alternates), earlier)| {
            let print = fingerprints.of(path, job, alternates);
            if *earlier == Some(print) {
                return (print, Ok(false));
            }
            let written = renderer
                .render_with(path, job, alternates.clone())
                .and_then(|html| {
                    let file = format!("{path}index.html");
                    sink.write(&file, html.as_bytes())
                        .map_err(|e| write_error(&file, e))
                });
            (print, written.map(|()| true))
        })
        .collect();
    let mut rendered = 0;
    let mut prints = Vec::with_capacity(results.len());
    for (print, result) in results {
        prints.push(print);
        match result {
            Ok(true) => rendered += 1,
            Ok(false) => {}
            Err(diagnostic) => report.push(diagnostic),
        }
    }
    let sitemap_print = {
        use std::hash::{Hash, Hasher};
        let mut h = std::hash::DefaultHasher::new();
        for ((path, _), alternates) in jobs.iter().zip(&alternates) {
            (path, alternates).hash(&mut h);
        }
        h.finish()
    };
    let since = since_files.as_ref();

    let mut files = 0;
    let mut copied = std::collections::BTreeSet::new();
    let mut copies: Vec<(String, &Path, String)> = Vec::new();
    for (article, translation, path) in site.translations() {
        for asset in &article.assets {
            copies.push((
                format!("{path}{}", asset.relative),
                &asset.source,
                translation.file.clone(),
            ));
        }
    }
    for file in &site.content.static_files {
        copies.push((
            file.relative.clone(),
            &file.source,
            format!("static/{}", file.relative),
        ));
    }
    let pages: rustc_hash::FxHashSet<&str> = if copies.is_empty() {
        Default::default()
    } else {
        jobs.iter().map(|(p, _)| p.as_str()).collect()
    };
    for (relative, source, owner) in &copies {
        let page = relative
            .strip_suffix("index.html")
            .is_some_and(|folder| pages.contains(folder));
        // A site's own file of a theme file's name (`favicon.svg`) replaces it.
        if page {
            report.push(
                Diagnostic::error(
                    owner,
                    format!("the file `{relative}` would replace a page of the same name"),
                )
                .with_hint("rename the file"),
            );
            continue;
        }
        copied.insert(relative.clone());
        if since.is_some_and(|s| s.copied.contains(relative)) {
            // Files change only with a full load; a page that moved takes its files along.
            continue;
        }
        match sink.copy(relative, source) {
            Ok(()) => files += 1,
            Err(e) => report.push(Diagnostic::error(
                owner,
                format!("cannot copy `{relative}`: {e}"),
            )),
        }
    }
    for (key, dataset) in site.content.datasets.iter().filter(|_| since.is_none()) {
        let Some(path) = site.dataset_path(key, site.config.default_language) else {
            continue;
        };
        let downloads = [
            (
                format!("{path}{}.csv", dataset.id),
                dataset::download::csv(dataset, &site.config.languages),
            ),
            (
                format!("{path}{}.json", dataset.id),
                dataset::download::json(dataset),
            ),
        ];
        for (file, text) in downloads {
            match sink.write(&file, text.as_bytes()) {
                Ok(()) => files += 1,
                Err(e) => report.push(write_error(&file, e)),
            }
        }
    }
    let absolute = Renderer::with_absolute_links(site, theme, bodies);
    // Feeds, 404 pages, search indexes and the sitemap are independent of
    // each other: make them in parallel, then write them in a stable order.
    // `None`: unchanged since the previous build, so the file written then stays.
    type Generated = Vec<(String, Option<Result<String, Diagnostic>>)>;
    let per_language = |lang: Lang| -> Generated {
        let home = site.home_path(lang);
        let search = site.search_path(lang);
        let ((feed, not_found), index) = rayon::join(
            || rayon::join(|| renderer.feed(lang), || absolute.not_found(lang)),
            || renderer.search_index(lang),
        );
        vec![
            (format!("{home}atom.xml"), Some(feed)),
            (format!("{home}404.html"), Some(not_found)),
            (
                format!("{search}index.js"),
                Some(Ok(format!("window.torgetSearchIndex={index};\n"))),
            ),
        ]
    };
    let sitemap = || -> Generated {
        if let Some(since) = since.filter(|s| s.sitemap == sitemap_print) {
            // Unchanged: the files written before stay.
            return since
                .generated
                .iter()
                .filter(|name| name.starts_with("sitemap") || *name == "robots.txt")
                .map(|name| (name.clone(), None))
                .collect();
        }
        let pages: Vec<output::sitemap::SitemapPage<'_>> = jobs
            .iter()
            .zip(&alternates)
            .map(|((path, _), alternates)| output::sitemap::SitemapPage { path, alternates })
            .collect();
        let mut files: Generated =
            output::sitemap::sitemaps(&pages, site.config.default_language, &site.config.base_url)
                .into_iter()
                .map(|(name, xml)| (name, Some(Ok(xml))))
                .collect();
        files.push((
            "robots.txt".to_string(),
            Some(Ok(output::sitemap::robots(&site.config.base_url))),
        ));
        files
    };
    let (languages, mut generated_files) = rayon::join(
        || {
            site.config
                .languages
                .par_iter()
                .map(|l| per_language(*l))
                .collect::<Vec<Generated>>()
        },
        sitemap,
    );
    generated_files.extend(languages.into_iter().flatten());
    let mut generated = std::collections::BTreeSet::new();
    for (name, text) in generated_files {
        match text {
            Some(Ok(text)) => match sink.write(&name, text.as_bytes()) {
                Ok(()) => files += 1,
                Err(e) => report.push(write_error(&name, e)),
            },
            Some(Err(diagnostic)) => report.push(diagnostic),
            None => {}
        }
        generated.insert(name);
    }
    let theme_files =
        (theme.static_files.iter()).filter(|(name, _)| since.is_none() && !copied.contains(*name));
    for (name, bytes) in theme_files {
        match sink.write(name, bytes) {
            Ok(()) => files += 1,
            Err(e) => report.push(write_error(name, e)),
        }
    }
    if report.has_errors() {
        return Err(report.sorted());
    }
    let mut pages = BTreeMap::new();
    for (_, job) in &jobs {
        *pages.entry(job.lang()).or_insert(0) += 1;
    }
    if let Some(before) = since {
        gone.extend(before.generated.difference(&generated).cloned());
        gone.extend(before.copied.difference(&copied).cloned());
    }
    let written = Written {
        jobs,
        alternates,
        prints,
        sitemap: sitemap_print,
        generated,
        copied,
        gone,
    };
    let summary = BuildSummary {
        pages,
        rendered,
        written: Vec::new(),
        datasets: site.content.datasets.len(),
        files,
        out: PathBuf::new(),
        warnings: report.sorted(),
        elapsed: started.elapsed(),
    };
    Ok((summary, written))
}

/// The location of top-level `key:` in a YAML text, for findings about a key.
pub(crate) fn yaml_key_location(text: &str, key: &str) -> diagnostics::Location {
    yaml::key_location(text, 0, key)
}

/// Menu entries and the accessibility statement in site.yaml must name real pages.
fn check_site_links(site: &Site, config_text: &str) -> Vec<Diagnostic> {
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
                Diagnostic::error(config::FILE, format!("`{target}` is not a page link"))
                    .at(config_text, location)
                    .with_hint("name pages as in Markdown links: `@/om-sluta-skjut`"),
            );
            continue;
        };
        for &lang in &site.config.languages {
            if let Err(message) = site.lookup(path, lang) {
                errors.push(
                    Diagnostic::error(config::FILE, format!("in `{key}`: {message}"))
                        .at(config_text, location),
                );
                break;
            }
        }
    }
    errors
}

/// Refuses an output folder whose replacement would delete the site itself.
fn check_output_folder(root: &Path, out: &Path) -> Result<(), Vec<Diagnostic>> {
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
            Diagnostic::error(
                out.display().to_string(),
                "the output folder would replace the site's own files",
            )
            .with_hint("choose another --out, such as `public`"),
        ]);
    }
    Ok(())
}
