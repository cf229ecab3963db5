//! A site kept in memory between builds, for `serve`: after an edit to an article, a section, a dataset or the home page, only what the edit changes is built again.
//!
//! An edited translation, `_section.yaml`, dataset or `_index.yaml` is read
//! again and patched into the loaded content; the site is resolved again
//! (addresses, listings, topics) when what it was resolved from changed;
//! bodies are rendered again only where their file, address, link targets
//! or embedded datasets changed; pages only where their fingerprint (a hash
//! of their template's input) changed. Any other change (settings, theme,
//! static files, files appearing or going, folders) loads the whole site, as
//! a build does.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use crate::config::SiteConfig;
use crate::content::{self, Content};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::i18n::Lang;
use crate::output::{Files, Memory};
use crate::render::{self, Bodies, Theme};
use crate::site::reads::Part;
use crate::site::{Resolution, ResolvedFrom, SectionIn, Site, Unchanged};
use crate::steps::{self, BuildOptions, BuildSummary, Mode, Written};

/// The site `serve` shows, with what it takes to rebuild it after an edit.
pub struct LiveSite {
    options: BuildOptions,
    /// Whether drafts holding placeholders are previewed (see [`LiveSite::preview`]).
    preview: bool,
    loaded: Option<Loaded>,
    files: Arc<Files>,
    /// The pages of the served files whose translation holds placeholders.
    placeholder_pages: Arc<PlaceholderPages>,
}

/// Page files (`nyheter/nytt-mote/index.html`) whose translation still holds
/// `«placeholders»`, with the page's language.
pub type PlaceholderPages = BTreeMap<String, Lang>;

/// One load of the site, patched by later edits.
struct Loaded {
    config_text: String,
    config: SiteConfig,
    content: Content,
    /// The last resolution, while nothing it was made from has changed.
    resolution: Option<Resolution>,
    theme: Theme,
    /// Bodies of the last build of this load, to use again.
    bodies: Bodies,
    /// Problems found while reading files, replaced file by file.
    load_problems: Vec<Diagnostic>,
    /// What the served files were made from, when they come from this load.
    written: Option<Written>,
    /// Whether a build that failed resolved the site again since `written`
    /// was made, so its addresses may not be those of the served files.
    resolved_since_written: bool,
}

/// A file of content edited under `serve`, which a rebuild reads again on its own.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Edit {
    /// `content/<folder>/<lang>.md`
    Translation(String, Lang),
    /// `content/<folder>/_section.yaml`
    Section(String),
    /// A dataset, by content path without `.yaml`.
    Dataset(String),
    /// `content/_index.yaml`
    Home,
}

/// How a rebuild went.
#[derive(Debug)]
pub struct Rebuilt {
    pub summary: BuildSummary,
    /// False when the whole site was loaded again.
    pub incremental: bool,
}

impl LiveSite {
    /// A site not built yet; `build_all` builds it.
    pub fn new(options: BuildOptions) -> Self {
        LiveSite {
            options,
            preview: false,
            loaded: None,
            files: Arc::default(),
            placeholder_pages: Arc::default(),
        }
    }

    /// A site previewed while it is written, as `serve` shows it: an
    /// article's `«placeholders»`, and what is found inside them (such as the
    /// template's example link), are warnings instead of errors, so a new
    /// article can be read before it is filled in; its pages are listed by
    /// [`LiveSite::placeholder_pages`] to be marked as unfinished. Only the
    /// pages built this way differ; `build` always refuses placeholders.
    pub fn preview(options: BuildOptions) -> Self {
        LiveSite {
            preview: true,
            ..LiveSite::new(options)
        }
    }

    /// The pages of [`LiveSite::files`] made from a translation that still
    /// holds placeholders; always empty unless previewing.
    pub fn placeholder_pages(&self) -> &Arc<PlaceholderPages> {
        &self.placeholder_pages
    }

    /// The files of the last successful build, shared: serving them copies nothing.
    pub fn files(&self) -> &Arc<Files> {
        &self.files
    }

    /// Loads and builds the whole site; on errors the files of the last good build stay.
    pub fn build_all(&mut self) -> Result<Rebuilt, Vec<Diagnostic>> {
        let started = Instant::now();
        self.loaded = None;
        let (config_text, config) = steps::read_config(&self.options)?;
        let root = self.options.site.as_path();
        let (content, load_problems) =
            content::load(root, &steps::load_options(&self.options, &config));
        let theme = match Theme::load(root, &config.languages) {
            Ok(theme) => theme,
            Err(errors) => {
                let mut report = Diagnostics::default();
                report.extend(load_problems);
                report.extend(errors);
                return Err(report.sorted());
            }
        };
        self.finish(
            Loaded {
                config_text,
                config,
                content,
                resolution: None,
                theme,
                bodies: Bodies::new(),
                load_problems,
                written: None,
                resolved_since_written: false,
            },
            None,
            started,
        )
        .map(|summary| Rebuilt {
            summary,
            incremental: false,
        })
    }

    /// Builds again after the files at `changed` (absolute paths) changed, appeared or went.
    pub fn rebuild(&mut self, changed: &[PathBuf]) -> Result<Rebuilt, Vec<Diagnostic>> {
        let started = Instant::now();
        let Some(edits) = self.edits(changed) else {
            return self.build_all();
        };
        // Every finished build leaves its resolution.
        let Some(mut loaded) = self.loaded.take().filter(|l| l.resolution.is_some()) else {
            return self.build_all();
        };
        let load_options = steps::load_options(&self.options, &loaded.config);
        let root = self.options.site.as_path();
        // Taken from `loaded` once what resolving reads changes, for the bodies to be compared with.
        let mut resolved_before = None;
        let mut edited = BTreeSet::new();
        let mut fronts_edited = BTreeSet::new();
        let mut changed_datasets = BTreeSet::new();
        let mut unchanged = Unchanged::ALL;
        // A failed build since the served files may have changed anything.
        let mut changed_parts = (!loaded.resolved_since_written).then(Vec::new);
        for edit in &edits {
            let content = &mut loaded.content;
            let (file, problems) = match edit {
                Edit::Translation(dir, lang) => {
                    let before = front_matter(content, dir, *lang).map(str::to_string);
                    let read_before = ResolvedFrom::of(content, dir);
                    let problems =
                        content::reload_translation(root, content, dir, *lang, &load_options);
                    unchanged = unchanged.and(&read_before, &ResolvedFrom::of(content, dir));
                    if front_matter(content, dir, *lang) != before.as_deref() {
                        // Addresses, listings or topics may move: resolve again, and
                        // compare, so bodies whose links did not move are kept.
                        resolved_before = resolved_before.or(loaded.resolution.take());
                        fronts_edited.insert(dir.clone());
                    }
                    edited.insert((dir.clone(), *lang));
                    (format!("content/{dir}/{}.md", lang.code()), problems)
                }
                Edit::Section(dir) => {
                    let file = format!("content/{dir}/_section.yaml");
                    let heading = |c: &Content| {
                        (c.sections.get(dir)).map(|s| (s.meta.title.clone(), s.meta.slug.clone()))
                    };
                    // Resolving reads every setting of a section but its description.
                    let resolved_from = |c: &Content| {
                        (c.sections.get(dir)).map(|s| content::SectionMeta {
                            description: Default::default(),
                            ..s.meta.clone()
                        })
                    };
                    // Pages that read the section in one language (its listing pages).
                    let languages = &loaded.config.languages;
                    let in_each = |c: &Content| -> Vec<Option<u64>> {
                        (languages.iter())
                            .map(|lang| {
                                (c.sections.get(dir)).map(|s| {
                                    use std::hash::{Hash, Hasher};
                                    let mut hasher = std::hash::DefaultHasher::new();
                                    SectionIn::of(&s.meta, *lang).hash(&mut hasher);
                                    hasher.finish()
                                })
                            })
                            .collect()
                    };
                    let in_each_before = in_each(content);
                    let (before, resolved_from_before) = (heading(content), resolved_from(content));
                    let problems = content::reload_section(root, content, dir);
                    if resolved_from(content) != resolved_from_before
                        || (loaded.resolution.as_ref()).is_none_or(|r| r.has_problems_in(&file))
                    {
                        resolved_before = resolved_before.or(loaded.resolution.take());
                    }
                    if let Some(parts) = changed_parts.as_mut() {
                        parts.push(Part::Section(dir).key());
                        let now = in_each(content).into_iter().zip(in_each_before);
                        for (lang, (now, before)) in languages.iter().zip(now) {
                            if now != before {
                                parts.push(Part::SectionIn(dir, *lang).key());
                            }
                        }
                        if heading(content) != before {
                            parts.push(Part::SectionTitle(dir).key());
                        }
                    }
                    (file, problems)
                }
                Edit::Dataset(key) => {
                    let file = format!("content/{key}.yaml");
                    if let Some(parts) = changed_parts.as_mut() {
                        parts.extend([Part::Dataset(key).key(), Part::Article(key).key()]);
                    }
                    // Resolving reads only a dataset's id (its address), or that it failed
                    // to load, and whether it names a next update (the calendar's pages).
                    let resolved_from = |c: &Content| {
                        (c.datasets.get(key)).map(|d| (d.id.clone(), d.next_update.is_some()))
                    };
                    let resolved_from_before = resolved_from(content);
                    let problems = content::reload_dataset(root, content, key, &load_options);
                    if resolved_from(content) != resolved_from_before
                        || resolved_from_before.is_none()
                        || (loaded.resolution.as_ref()).is_none_or(|r| r.has_problems_in(&file))
                    {
                        resolved_before = resolved_before.or(loaded.resolution.take());
                    }
                    changed_datasets.insert(key.rsplit('/').next().unwrap_or(key).to_string());
                    (file, problems)
                }
                Edit::Home => {
                    resolved_before = resolved_before.or(loaded.resolution.take());
                    // Its title is in every page's breadcrumbs.
                    changed_parts = None;
                    let problems = content::reload_home(root, content);
                    ("content/_index.yaml".to_string(), problems)
                }
            };
            let Some(problems) = problems else {
                return self.build_all();
            };
            let file = PathBuf::from(file);
            loaded.load_problems.retain(|d| d.file != file);
            loaded.load_problems.extend(problems);
        }
        let articles_only = edits.iter().all(|e| matches!(e, Edit::Translation(..)));
        let edited_articles = edited.iter().map(|(dir, _)| dir.clone()).collect();
        let reuse = render::Reuse {
            articles_only,
            edited_articles,
            unchanged,
            previous: std::mem::take(&mut loaded.bodies),
            edited,
            fronts_edited,
            resolved_before,
            changed_datasets,
            changed_parts,
        };
        self.finish(loaded, Some(reuse), started)
            .map(|summary| Rebuilt {
                summary,
                incremental: true,
            })
    }

    /// Whether the files at `changed` leave the site as it is (an editor's
    /// scratch files, made and removed), so nothing need be built or reloaded.
    pub fn is_unchanged_by(&self, changed: &[PathBuf]) -> bool {
        self.loaded.is_some() && self.edits(changed).is_some_and(|e| e.is_empty())
    }

    /// The files of content `changed` names, or `None` if anything else changed.
    fn edits(&self, changed: &[PathBuf]) -> Option<BTreeSet<Edit>> {
        let loaded = self.loaded.as_ref()?;
        let content_dir = self.options.site.join("content");
        let mut edits = BTreeSet::new();
        for path in changed {
            if !path.exists() && !was_read(&loaded.content, &self.options.site, path) {
                // Editors make and remove scratch files beside the one they save (vim's `4913`).
                continue;
            }
            let relative = path.strip_prefix(&content_dir).ok()?;
            if path_is_hidden(relative) {
                return None;
            }
            let name = relative.file_name()?.to_str()?;
            let dir = relative.parent()?.to_str()?.replace('\\', "/");
            let edit = if let Some(code) = name.strip_suffix(".md") {
                let lang = Lang::from_code(code).filter(|l| loaded.config.languages.contains(l))?;
                (!dir.is_empty()).then_some(Edit::Translation(dir, lang))?
            } else if name == "_section.yaml" && !dir.is_empty() {
                Edit::Section(dir)
            } else if name == "_index.yaml" && dir.is_empty() {
                Edit::Home
            } else {
                let id = name
                    .strip_suffix(".yaml")
                    .filter(|id| !id.starts_with('_'))?;
                match dir.is_empty() {
                    true => Edit::Dataset(id.to_string()),
                    false => Edit::Dataset(format!("{dir}/{id}")),
                }
            };
            edits.insert(edit);
        }
        Some(edits)
    }

    /// Resolves and renders `loaded`, writes what changed over the served files, and keeps it all.
    fn finish(
        &mut self,
        mut loaded: Loaded,
        reuse: Option<render::Reuse>,
        started: Instant,
    ) -> Result<BuildSummary, Vec<Diagnostic>> {
        let resolving = loaded.resolution.is_none();
        let whole = reuse.is_none();
        let served_addresses_current = !loaded.resolved_since_written;
        let mut report = Diagnostics::default();
        report.extend(loaded.load_problems.iter().cloned());
        let (site, bodies) = steps::resolve_and_render(
            loaded.config,
            loaded.content,
            loaded.resolution.take(),
            Some(&loaded.theme),
            &loaded.config_text,
            reuse,
            &mut report,
        );
        if self.preview {
            report = previewed(report, &site);
        }
        let outcome = if report.has_errors() {
            loaded.resolved_since_written |= resolving;
            Err(report.sorted())
        } else {
            loaded.resolved_since_written = false;
            let since = loaded.written.take();
            // Served files are shared with requests in flight: write over a copy.
            let memory = match since {
                Some(_) => Memory::from_files(Files::clone(&self.files)),
                None => Memory::default(),
            };
            // Resolved again or not, the served files' pages are where they were.
            let same_addresses = served_addresses_current && (!resolving || site.pages_as_before());
            let mode = match since {
                Some(before) => Mode::AfterEdit {
                    before: Box::new(before),
                    same_addresses,
                    resolved_from_before: served_addresses_current && resolving,
                },
                None => Mode::Full,
            };
            let written = steps::write_pages(
                &site,
                &loaded.theme,
                &bodies,
                report,
                &memory,
                mode,
                started,
            );
            written.map(|(summary, written)| {
                for file in &written.gone {
                    memory.remove(file);
                }
                let before = std::mem::replace(&mut self.files, Arc::new(memory.into_files()));
                crate::output::free_later(before);
                if self.preview {
                    self.placeholder_pages = Arc::new(placeholder_pages(&site));
                }
                loaded.written = Some(written);
                summary
            })
        };
        let (config, content, resolution) = site.into_parts();
        loaded.config = config;
        loaded.content = content;
        loaded.resolution = Some(resolution);
        loaded.bodies = bodies;
        if whole {
            // Part of the first build, not of the first edit that moves a page.
            loaded.bodies.index_links();
        }
        self.loaded = Some(loaded);
        crate::output::free_held();
        outcome
    }
}

/// `report` with every error inside an article's placeholder a warning: the
/// placeholder itself, and what its template text holds (a broken example link).
fn previewed(report: Diagnostics, site: &Site) -> Diagnostics {
    let texts: BTreeMap<&Path, &str> = (site.content.articles.values())
        .flat_map(|article| article.translations.values())
        .filter(|t| t.has_placeholders())
        .map(|t| (Path::new(&t.file), t.text.as_str()))
        .collect();
    let mut kept = Diagnostics::default();
    for finding in report {
        let inside = finding.is_error()
            && (finding.location)
                .zip(texts.get(finding.file.as_path()))
                .is_some_and(|(at, text)| content::placeholder::covers(text, at));
        kept.push(if inside {
            finding.into_warning()
        } else {
            finding
        });
    }
    kept
}

/// The page file of every translation that holds placeholders.
fn placeholder_pages(site: &Site) -> PlaceholderPages {
    site.translations()
        .filter(|(_, t, _)| t.has_placeholders())
        .map(|(_, t, path)| (format!("{path}index.html"), t.lang))
        .collect()
}

/// The front matter of a published translation: all that resolving reads of it.
fn front_matter<'c>(content: &'c Content, dir: &str, lang: Lang) -> Option<&'c str> {
    let translation = content.articles.get(dir)?.translations.get(&lang)?;
    translation.text.get(..translation.body_start)
}

/// Whether the site's last load read the file at `path` (other than a translation).
fn was_read(content: &Content, root: &Path, path: &Path) -> bool {
    let Ok(relative) = path.strip_prefix(root) else {
        return true;
    };
    let relative = relative.to_string_lossy().replace('\\', "/");
    let is_source = |asset: &content::Asset| asset.source == path;
    relative == crate::config::FILE
        || relative == crate::addresses::FILE
        || relative.ends_with(".md")
        || relative.starts_with("themes/")
        || relative == "content/_index.yaml"
        || relative.ends_with("/_section.yaml")
        || content.datasets.values().any(|d| d.file == relative)
        || (content.failed.iter()).any(|key| relative == format!("content/{key}.yaml"))
        || content.static_files.iter().any(is_source)
        || (content.articles.values())
            .chain(content.emptied.values())
            .any(|a| a.assets.iter().any(is_source))
}

/// Editors' swap and backup files live beside articles; they are never content.
fn path_is_hidden(relative: &Path) -> bool {
    relative
        .components()
        .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
}
