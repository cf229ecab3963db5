//! The write step: every page rendered through the theme and written, with
//! assets, dataset downloads, theme files, feeds, 404 pages, search indexes
//! and the sitemap, into a sink (a staging folder on disk, or memory).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use rayon::prelude::*;

use super::{BuildSummary, Prepared};
use crate::dataset;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::i18n::Lang;
use crate::messages::{Phrase, Rule};
use crate::output;
use crate::render::{self, Renderer, Theme};
use crate::site::Site;
use crate::site::reads::{self, Reads};

/// What a build wrote, kept so that a build after an edit writes only what changed.
#[derive(Debug, Default)]
pub(crate) struct Written {
    /// Every page: its path and what it shows, in the build's order.
    jobs: Vec<(String, render::PageJob)>,
    /// Each page's translations (for `hreflang` and the sitemap), in the same order.
    alternates: Vec<Vec<(Lang, String)>>,
    /// The fingerprint of what each page's template received, in the same
    /// order; `None` where none could be taken, so the page is always rendered.
    prints: Vec<Option<u64>>,
    /// What each page's view read of the site, in the same order.
    reads: Vec<Reads>,
    /// The fingerprint of every page's address and translations, which the sitemap lists.
    sitemap: u64,
    /// Dataset downloads, feeds, 404 pages, search indexes, sitemaps, robots.txt.
    generated: std::collections::BTreeSet<String>,
    /// What each feed, 404 page and search index read of the site, as pages' views do.
    generated_reads: BTreeMap<String, Reads>,
    /// Files copied: article files beside each translation's page, and `static/`.
    copied: std::collections::BTreeSet<String>,
    /// The order of the entries of each search index, by file: after most
    /// edits the same, and then not sorted again.
    search_orders: BTreeMap<String, Vec<usize>>,
    /// Files the previous build made that this one does not.
    pub gone: Vec<String>,
}

/// What the previous write knew of a page at the same address with the same translations.
struct Before {
    print: Option<u64>,
    reads: Reads,
}

/// What of the previous build's files `write_pages` needs after its pages.
struct KeptFiles {
    sitemap: u64,
    generated: std::collections::BTreeSet<String>,
    generated_reads: BTreeMap<String, Reads>,
    copied: std::collections::BTreeSet<String>,
    search_orders: BTreeMap<String, Vec<usize>>,
}

/// Renders every page and writes it, with assets, dataset downloads and theme files, into `sink`.
pub(crate) fn write_site(
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
        write_pages(&site, &theme, &bodies, report, sink, Mode::Once, started)?;
    summary.written = written
        .jobs
        .into_iter()
        .filter(|(_, job)| !matches!(job, render::PageJob::Redirect(_)))
        .map(|(path, job)| (path, job.lang()))
        .collect();
    Ok(summary)
}

/// The pages a sitemap lists, with their translations: every page but redirects.
fn listed<'j>(
    jobs: &'j [(String, render::PageJob)],
    alternates: &'j [Vec<(Lang, String)>],
) -> impl Iterator<Item = (&'j (String, render::PageJob), &'j Vec<(Lang, String)>)> {
    jobs.iter()
        .zip(alternates)
        .filter(|((_, job), _)| !matches!(job, render::PageJob::Redirect(_)))
}

/// Whether a write makes the whole site or, after an edit under `serve`, only what changed.
pub(crate) enum Mode {
    /// Every page, asset, dataset download and theme file, for a build that
    /// is not kept: no page's reads or fingerprint are taken.
    Once,
    /// Every page, asset, dataset download and theme file, with what later
    /// writes after an edit need (under `serve`).
    Full,
    /// Only pages whose fingerprint changed since `before`, the previous
    /// write of the same load; assets and theme files change only with a
    /// full load, so they stay as written then.
    AfterEdit {
        before: Box<Written>,
        /// The site was not resolved again, so its pages and addresses are `before`'s.
        same_addresses: bool,
        /// The site was resolved again from the resolution `before` was
        /// written with, so what it says moved ([`Site::moved_pages`]) is
        /// what moved since `before`.
        resolved_from_before: bool,
    },
}

/// The pages a write makes: each page's address and job, its translations'
/// addresses, what it was made from last time (`None`: made anew), and the
/// files of the pages that went since.
struct PagePlan {
    jobs: Vec<(String, render::PageJob)>,
    alternates: Vec<Vec<(Lang, String)>>,
    earlier: Vec<Option<Before>>,
    gone: Vec<String>,
}

/// The pages after an edit that moved only the pages of `moved`, made from
/// `since`, the write before: those pages at their new addresses, and the
/// redirects made anew; every other page as it was, with what it read then.
fn moved_jobs(
    renderer: &Renderer<'_>,
    site: &Site,
    since: Written,
    moved: &[(String, Lang)],
) -> PagePlan {
    let moved_keys: rustc_hash::FxHashSet<&str> =
        moved.iter().map(|(key, _)| key.as_str()).collect();
    let count = since.jobs.len();
    let (mut jobs, mut alternates, mut earlier) = (
        Vec::with_capacity(count),
        Vec::with_capacity(count),
        Vec::with_capacity(count),
    );
    // Pages that moved leave their old address; a redirect may take it.
    let mut left: Vec<String> = Vec::new();
    let mut redirects_before: rustc_hash::FxHashMap<String, Before> = Default::default();
    let before = (since.jobs.into_iter().zip(since.alternates))
        .zip(since.prints.into_iter().zip(since.reads));
    for (((path, job), was), (print, reads)) in before {
        match &job {
            // Redirects come last (`Renderer::jobs`), and are made anew below.
            render::PageJob::Redirect(_) => {
                redirects_before.insert(path.clone(), Before { print, reads });
                left.push(path);
            }
            render::PageJob::Article { key, lang } if moved_keys.contains(key.as_str()) => {
                let now = site
                    .article_path(key, *lang)
                    .map_or_else(|| path.clone(), str::to_string);
                let translations = renderer.alternates(&now, &job);
                // A page that moved or whose translations did is made again.
                earlier
                    .push((now == path && translations == was).then_some(Before { print, reads }));
                if now != path {
                    left.push(path);
                }
                jobs.push((now, job));
                alternates.push(translations);
            }
            _ => {
                jobs.push((path, job));
                alternates.push(was);
                earlier.push(Some(Before { print, reads }));
            }
        }
    }
    for (path, redirect) in site.redirects() {
        let job = render::PageJob::Redirect(redirect.lang);
        alternates.push(renderer.alternates(path, &job));
        earlier.push(redirects_before.remove(path));
        jobs.push((path.clone(), job));
    }
    let now: rustc_hash::FxHashSet<&str> = (moved.iter())
        .filter_map(|(key, lang)| site.article_path(key, *lang))
        .chain(site.redirects().map(|(path, _)| path.as_str()))
        .collect();
    let gone = (left.iter())
        .filter(|path| !now.contains(path.as_str()))
        .map(|path| format!("{path}index.html"))
        .collect();
    PagePlan {
        jobs,
        alternates,
        earlier,
        gone,
    }
}

/// How many pages one parallel task takes at most.
const PAGES_PER_TASK: usize = 64;

/// Writes the pages of a prepared site into `sink`, as `mode` says.
pub(crate) fn write_pages(
    site: &Site,
    theme: &Theme,
    bodies: &render::Bodies,
    mut report: Diagnostics,
    sink: &dyn output::Sink,
    mode: Mode,
    started: Instant,
) -> Result<(BuildSummary, Written), Vec<Diagnostic>> {
    let renderer = Renderer::new(site, theme, bodies);
    let write_error = |path: &str, e: std::io::Error| {
        Diagnostic::error(path, Rule::CannotWrite.with("error", e.to_string()))
    };
    // A build not kept needs neither what each page read nor its fingerprint.
    let tracked = !matches!(mode, Mode::Once);
    let (mut since, same_addresses, moved_pages) = match mode {
        Mode::Once | Mode::Full => (None, false, None),
        Mode::AfterEdit {
            before,
            same_addresses,
            resolved_from_before,
        } => (
            Some(*before),
            same_addresses,
            site.moved_pages().filter(|_| resolved_from_before),
        ),
    };
    let mut since_files = since.as_mut().map(|w| KeptFiles {
        sitemap: w.sitemap,
        generated: std::mem::take(&mut w.generated),
        generated_reads: std::mem::take(&mut w.generated_reads),
        copied: std::mem::take(&mut w.copied),
        search_orders: std::mem::take(&mut w.search_orders),
    });
    let PagePlan {
        jobs,
        alternates,
        earlier,
        mut gone,
    } = match since {
        Some(since) if same_addresses => {
            let earlier: Vec<Option<Before>> = (since.prints.into_iter())
                .zip(since.reads)
                .map(|(print, reads)| Some(Before { print, reads }))
                .collect();
            PagePlan {
                jobs: since.jobs,
                alternates: since.alternates,
                earlier,
                gone: Vec::new(),
            }
        }
        Some(since) if let Some(moved) = moved_pages => moved_jobs(&renderer, site, since, moved),
        since => {
            let jobs = renderer.jobs();
            let alternates: Vec<Vec<(Lang, String)>> = jobs
                .par_iter()
                .map(|(path, job)| renderer.alternates(path, job))
                .collect();
            let (earlier, gone) = match since {
                Some(mut since) => {
                    let mut reads = std::mem::take(&mut since.reads);
                    let at: rustc_hash::FxHashMap<&str, usize> = (since.jobs.iter().enumerate())
                        .map(|(at, (path, _))| (path.as_str(), at))
                        .collect();
                    let now: rustc_hash::FxHashSet<&str> =
                        jobs.iter().map(|(path, _)| path.as_str()).collect();
                    let gone = at
                        .keys()
                        .filter(|path| !now.contains(*path))
                        .map(|path| format!("{path}index.html"))
                        .collect();
                    let earlier: Vec<Option<Before>> = (jobs.iter().zip(&alternates))
                        .map(|((path, _), alternates)| {
                            let at = *at.get(path.as_str())?;
                            // A page whose translations changed is made again.
                            (since.alternates.get(at)? == alternates).then(|| Before {
                                print: since.prints.get(at).copied().flatten(),
                                reads: reads.get_mut(at).map(std::mem::take).unwrap_or_default(),
                            })
                        })
                        .collect();
                    drop(at);
                    // Tens of thousands of small strings: free them off the rebuild's path.
                    output::free_later(since);
                    (earlier, gone)
                }
                None => ((0..jobs.len()).map(|_| None).collect(), Vec::new()),
            };
            PagePlan {
                jobs,
                alternates,
                earlier,
                gone,
            }
        }
    };
    // After an edit, a page is seen again only if what its view read may
    // have changed (see `site::reads`); then made again only if its view did.
    let current = match since_files.is_some() {
        true => bodies.versions(),
        false => Default::default(),
    };
    let sitemap_print = match since_files.as_ref().filter(|_| same_addresses) {
        // The same pages as before, with the same translations.
        Some(since) => since.sitemap,
        None => {
            use std::hash::{Hash, Hasher};
            // Each path by rustc-hash's byte hash (see `render::fingerprint`): SipHash was slower.
            let mut h = rustc_hash::FxHasher::default();
            for ((path, _), alternates) in listed(&jobs, &alternates) {
                (path, alternates).hash(&mut h);
            }
            h.finish()
        }
    };
    let mut files = 0;
    // Files change only with a full load, and the pages they could clash
    // with stay where they were: what the previous build copied stands.
    let copied_before = (since_files.as_mut())
        .filter(|_| same_addresses)
        .map(|since| std::mem::take(&mut since.copied));
    let since = since_files.as_ref();
    let mut copied = copied_before.unwrap_or_default();
    let mut copies: Vec<(String, &Path, String)> = Vec::new();
    if !same_addresses || since.is_none() {
        // As `Site::translations`, but only of the few articles with files of their own.
        let with_files = (site.content.articles.iter()).filter(|(_, a)| !a.assets.is_empty());
        for (key, article) in with_files {
            for (lang, translation) in &article.translations {
                let Some(path) = site.article_path(key, *lang) else {
                    continue;
                };
                for asset in &article.assets {
                    copies.push((
                        format!("{path}{}", asset.relative),
                        &asset.source,
                        translation.file.clone(),
                    ));
                }
            }
        }
        for file in &site.content.static_files {
            copies.push((
                file.relative.clone(),
                &file.source,
                format!("static/{}", file.relative),
            ));
        }
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
                Diagnostic::error(owner, Rule::FileReplacesPage.with("file", relative))
                    .with_hint(Phrase::RenameFile),
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
                Rule::CannotCopy
                    .with("file", relative)
                    .with("error", e.to_string()),
            )),
        }
    }
    let mut generated = std::collections::BTreeSet::new();
    // A handful of small files, written every time: a dataset may change under `serve`.
    for (key, dataset) in &site.content.datasets {
        let Some(path) = site.dataset_path(key, site.config.default_language) else {
            continue;
        };
        let facts = dataset::download::SiteFacts {
            languages: &site.config.languages,
            strings: &theme.strings,
            publisher: (site.config.contact.as_ref()).map(|c| (&c.name, c.url.as_deref())),
        };
        for (name, text) in dataset::download::files(dataset, &facts) {
            let file = format!("{path}{name}");
            match sink.write(&file, text.as_bytes()) {
                Ok(()) => files += 1,
                Err(e) => report.push(write_error(&file, e)),
            }
            generated.insert(file);
        }
    }
    // The open data catalogue: small, and written every time, as it shows every dataset.
    if let Some(catalogue) = renderer.catalogue() {
        let name = render::catalogue::FILE;
        match catalogue {
            Ok(text) => match sink.write(name, text.as_bytes()) {
                Ok(()) => files += 1,
                Err(e) => report.push(write_error(name, e)),
            },
            Err(problems) => report.extend(problems),
        }
        generated.insert(name.to_string());
    }
    let viewed = std::sync::atomic::AtomicUsize::new(0);
    type Outcome = (Option<u64>, Reads, Result<bool, Diagnostic>);
    let pages = || -> Vec<Outcome> {
        (jobs.par_iter().zip(&alternates))
            .zip(earlier)
            // In small runs: after an edit the pages that change sit side by
            // side (a section's listing pages), and a long run of them in
            // one task leaves the other core idle.
            .with_max_len(PAGES_PER_TASK)
            // One buffer for the HTML of many pages, which the sink copies.
            .map_init(Vec::new, |html, (((path, job), alternates), before)| {
                let earlier_print = before.as_ref().and_then(|b| b.print);
                if let Some(before) = before
                    && !bodies.may_change(&before.reads, &current)
                {
                    return (before.print, before.reads, Ok(false));
                }
                viewed.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let (input, reads) = match tracked {
                    true => reads::recording(|| renderer.input(path, job, alternates.clone())),
                    false => (
                        renderer.input(path, job, alternates.clone()),
                        Reads::default(),
                    ),
                };
                let mut input = match input {
                    Ok(input) => input,
                    Err(error) => return (None, reads, Err(error)),
                };
                let print = match tracked {
                    true => render::fingerprint::of(&mut input),
                    false => None,
                };
                if print.is_some() && earlier_print == print {
                    return (print, reads, Ok(false));
                }
                html.clear();
                let written = renderer.render_input(input, html).and_then(|()| {
                    let file = format!("{path}index.html");
                    sink.write(&file, html).map_err(|e| write_error(&file, e))
                });
                (print, reads, written.map(|()| true))
            })
            .collect()
    };
    let absolute = Renderer::with_absolute_links(site, theme, bodies);
    let shared = |text: Result<String, Diagnostic>| text.map(|text| Arc::from(text.into_bytes()));
    // Feeds, 404 pages, search indexes and the sitemap are independent of
    // each other: make them in parallel, then write them in a stable order.
    // `None`: unchanged since the previous build, so the file written then stays.
    // Made as shared bytes, which a sink in memory keeps as they are.
    type Generated = Vec<(String, Option<Result<Arc<[u8]>, Diagnostic>>)>;
    // Like a page's view, each of these is made again after an edit only if
    // what it read may have changed.
    let generated_reads = std::sync::Mutex::new(BTreeMap::new());
    let search_orders = std::sync::Mutex::new(BTreeMap::new());
    let make = |name: String, make: &(dyn Fn() -> Result<Arc<[u8]>, Diagnostic> + Sync)| {
        let before = since.and_then(|s| s.generated_reads.get(&name));
        if before.is_some_and(|reads| !bodies.may_change(reads, &current)) {
            if let (Some(reads), Ok(mut all)) = (before, generated_reads.lock()) {
                all.insert(name.clone(), reads.clone());
            }
            return (name, None);
        }
        let (text, reads) = match tracked {
            true => reads::recording(make),
            false => (make(), Reads::default()),
        };
        if let (true, Ok(mut all)) = (tracked, generated_reads.lock()) {
            all.insert(name.clone(), reads);
        }
        (name, Some(text))
    };
    let per_language = |lang: Lang| -> Generated {
        let home = site.home_path(lang);
        let search = site.search_path(lang);
        let ((feed, not_found), index) = rayon::join(
            || {
                rayon::join(
                    || make(format!("{home}atom.xml"), &|| shared(renderer.feed(lang))),
                    || {
                        make(format!("{home}404.html"), &|| {
                            shared(absolute.not_found(lang))
                        })
                    },
                )
            },
            || {
                let name = format!("{search}index.js");
                let before = since.and_then(|s| s.search_orders.get(&name));
                let made = make(name.clone(), &|| {
                    let (script, order) = renderer.search_script(lang, before.map(Vec::as_slice));
                    if let (true, Ok(mut orders)) = (tracked, search_orders.lock()) {
                        orders.insert(name.clone(), order);
                    }
                    Ok(script)
                });
                // Not made again: its order stays the one it was made in.
                if let (None, Some(before), Ok(mut orders)) =
                    (&made.1, before, search_orders.lock())
                {
                    orders.insert(name, before.clone());
                }
                made
            },
        );
        vec![feed, not_found, index]
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
        let pages: Vec<output::sitemap::SitemapPage<'_>> = listed(&jobs, &alternates)
            .map(|((path, _), alternates)| output::sitemap::SitemapPage { path, alternates })
            .collect();
        let mut files: Generated =
            output::sitemap::sitemaps(&pages, site.config.default_language, &site.config.base_url)
                .into_iter()
                .map(|(name, xml)| (name, Some(Ok(Arc::from(xml.into_bytes())))))
                .collect();
        files.push((
            "robots.txt".to_string(),
            Some(Ok(Arc::from(
                output::sitemap::robots(&site.config.base_url).into_bytes(),
            ))),
        ));
        files
    };
    // Pages and the generated files are independent: made side by side,
    // so neither waits for the other's slowest part (a search page, a search index).
    let (results, (languages, mut generated_files)) = rayon::join(pages, || {
        rayon::join(
            || {
                site.config
                    .languages
                    .par_iter()
                    .map(|l| per_language(*l))
                    .collect::<Vec<Generated>>()
            },
            sitemap,
        )
    });
    let mut rendered = 0;
    let mut prints = Vec::with_capacity(results.len());
    let mut page_reads = Vec::with_capacity(results.len());
    for ((_, job), (print, reads, result)) in jobs.iter().zip(results) {
        prints.push(print);
        page_reads.push(reads);
        match result {
            // Redirect pages are not among the pages counted (`BuildSummary::pages`).
            Ok(true) if !matches!(job, render::PageJob::Redirect(_)) => rendered += 1,
            Ok(_) => {}
            Err(diagnostic) => report.push(diagnostic),
        }
    }
    generated_files.extend(languages.into_iter().flatten());
    for (name, text) in generated_files {
        match text {
            Some(Ok(text)) => match sink.write_shared(&name, text) {
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
    let mut redirects = 0;
    for (_, job) in &jobs {
        match job {
            render::PageJob::Redirect(_) => redirects += 1,
            _ => *pages.entry(job.lang()).or_insert(0) += 1,
        }
    }
    if let Some(before) = since {
        gone.extend(before.generated.difference(&generated).cloned());
        gone.extend(before.copied.difference(&copied).cloned());
    }
    let written = Written {
        jobs,
        alternates,
        prints,
        reads: page_reads,
        sitemap: sitemap_print,
        generated,
        generated_reads: generated_reads.into_inner().unwrap_or_default(),
        copied,
        search_orders: search_orders.into_inner().unwrap_or_default(),
        gone,
    };
    let summary = BuildSummary {
        pages,
        rendered,
        redirects,
        viewed: viewed.into_inner(),
        written: Vec::new(),
        datasets: site.content.datasets.len(),
        files,
        out: PathBuf::new(),
        warnings: report.sorted(),
        elapsed: started.elapsed(),
    };
    Ok((summary, written))
}
