//! Walking the site folder and reading every file into [`Content`].

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rayon::prelude::*;
use walkdir::WalkDir;

use super::{
    Article, Asset, Content, HeldBack, Home, Section, SectionMeta, Translation, front_matter,
    placeholder,
};
use crate::dataset::Dataset;
use crate::diagnostics::{Diagnostic, Location};
use crate::i18n::Lang;
use crate::messages::{Phrase, Rule};
use crate::yaml;

/// What decides which articles a build includes.
#[derive(Debug, Clone)]
pub(crate) struct LoadOptions {
    pub(crate) languages: Vec<Lang>,
    /// Include drafts and articles dated in the future.
    pub(crate) drafts: bool,
    /// The build date: articles after it are scheduled, those expiring on or before it are gone.
    pub(crate) today: NaiveDate,
}

/// Reads `content/` and `static/` of the site at `root`; every problem found is returned.
pub(crate) fn load(root: &Path, options: &LoadOptions) -> (Content, Vec<Diagnostic>) {
    let mut errors = Vec::new();
    let mut content = Content {
        today: options.today,
        ..Content::default()
    };
    let canonical_root = fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());

    let content_dir = root.join("content");
    let files = if content_dir.is_dir() {
        walk(&content_dir, root, &canonical_root, &mut errors)
    } else {
        errors.push(
            Diagnostic::error("content", Rule::NoContentFolder)
                .with_hint(Phrase::NoContentFolderHint),
        );
        Vec::new()
    };
    let static_dir = root.join("static");
    if static_dir.is_dir() {
        content.static_files = walk(&static_dir, root, &canonical_root, &mut errors)
            .into_iter()
            .map(|(relative, source)| Asset { source, relative })
            .collect();
    }

    let layout = Layout::of(&files, &options.languages, &mut errors);

    if let Some(source) = layout.home_file.as_ref() {
        match read_home(root, source) {
            Ok(home) => content.home = home,
            Err(e) => errors.push(e),
        }
    }

    for dir in &layout.sections {
        match read_section(root, dir, layout.section_of(dir), &mut errors) {
            Some(section) => {
                content.sections.insert(dir.clone(), section);
            }
            None => {
                content.failed.insert(dir.clone());
            }
        }
    }

    let parsed: Vec<Result<Translation, Diagnostic>> = layout
        .translations
        .par_iter()
        .map(|(dir, lang)| {
            let source = content_dir.join(dir).join(format!("{}.md", lang.code()));
            let file = display(root, &source);
            let text = read_text(&source, &file)?;
            let parsed = front_matter::parse(&file, &text)?;
            Ok(Translation::new(*lang, file, text, parsed))
        })
        .collect();

    let mut translations: BTreeMap<&str, BTreeMap<Lang, Translation>> = BTreeMap::new();
    let mut unpublished_reasons: BTreeMap<&str, Phrase> = BTreeMap::new();
    for ((dir, _), result) in layout.translations.iter().zip(parsed) {
        match result {
            Ok(translation) => match publication(&translation, options) {
                None => {
                    errors.extend(placeholder::placeholders(
                        &translation.file,
                        &translation.text,
                    ));
                    translations
                        .entry(dir.as_str())
                        .or_default()
                        .insert(translation.lang, translation);
                }
                Some(held) => {
                    unpublished_reasons.insert(dir.as_str(), held.reason);
                    content.held_back.push((translation.file.clone(), held));
                }
            },
            Err(e) => {
                content.failed.insert(dir.clone());
                errors.push(e);
            }
        }
    }

    for dir in &layout.articles {
        let section = layout.section_of(dir);
        match translations.remove(dir.as_str()) {
            Some(translations) => {
                let assets = layout
                    .assets
                    .get(dir)
                    .map(|files| {
                        files
                            .iter()
                            .map(|(relative, source)| Asset {
                                source: source.clone(),
                                relative: relative.clone(),
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                content.articles.insert(
                    dir.clone(),
                    Article {
                        path: dir.clone(),
                        section,
                        translations,
                        assets,
                    },
                );
            }
            None => {
                if let Some(reason) = unpublished_reasons.get(dir.as_str()) {
                    content.unpublished.insert(dir.clone(), *reason);
                }
            }
        }
    }
    let datasets: Vec<(String, Result<Dataset, Vec<Diagnostic>>)> = layout
        .datasets
        .par_iter()
        .map(|(key, source)| (key.clone(), read_dataset(root, key, source, options)))
        .collect();
    for (key, parsed) in datasets {
        match parsed {
            Ok(dataset) => {
                content.datasets.insert(key, dataset);
            }
            Err(e) => {
                content.failed.insert(key);
                errors.extend(e);
            }
        }
    }
    errors.extend(crate::dataset::derive_rates(
        &mut content.datasets,
        &content.failed,
    ));
    content.translation_files = layout.translations;
    let (record, record_errors) = crate::addresses::Record::read(root);
    content.record = record;
    errors.extend(record_errors);
    (content, errors)
}

/// Reads `content/<dir>/<lang>.md` again after it changed, appeared or
/// went, and patches `content` as loading the whole site would have.
///
/// Returns the file's problems, or `None` when the change reaches beyond
/// the file (a new article folder, or one left without translations), so
/// the whole site must be loaded again.
pub(crate) fn reload_translation(
    root: &Path,
    content: &mut Content,
    dir: &str,
    lang: Lang,
    options: &LoadOptions,
) -> Option<Vec<Diagnostic>> {
    if !options.languages.contains(&lang) {
        return None;
    }
    let source = root
        .join("content")
        .join(dir)
        .join(format!("{}.md", lang.code()));
    let file = display(root, &source);
    let exists = match fs::symlink_metadata(&source) {
        // Links are checked against the site folder by a full load.
        Ok(metadata) if metadata.file_type().is_symlink() => return None,
        Ok(metadata) => metadata.is_file(),
        Err(_) => false,
    };
    let known = content
        .translation_files
        .iter()
        .position(|(d, l)| d == dir && *l == lang);
    let siblings = content
        .translation_files
        .iter()
        .filter(|(d, l)| d == dir && *l != lang)
        .count();
    match (known, exists) {
        (None, false) => return Some(Vec::new()),
        (None, true) if siblings == 0 => return None,
        (Some(_), false) if siblings == 0 => return None,
        (None, true) => {
            // Folder entries are read in file-name order.
            let at = content
                .translation_files
                .iter()
                .position(|(d, l)| d.as_str() > dir || (d == dir && l.code() > lang.code()))
                .unwrap_or(content.translation_files.len());
            content
                .translation_files
                .insert(at, (dir.to_string(), lang));
        }
        (Some(at), false) => {
            content.translation_files.remove(at);
        }
        (Some(_), true) => {}
    }
    let mut article = content
        .articles
        .remove(dir)
        .or_else(|| content.emptied.remove(dir))?;
    article.translations.remove(&lang);
    content.held_back.retain(|(f, _)| *f != file);
    let mut problems = Vec::new();
    if exists {
        let parsed = read_text(&source, &file).and_then(|text| {
            let parsed = front_matter::parse(&file, &text)?;
            Ok(Translation::new(lang, file.clone(), text, parsed))
        });
        match parsed {
            Ok(translation) => match publication(&translation, options) {
                None => {
                    problems.extend(placeholder::placeholders(&file, &translation.text));
                    article.translations.insert(lang, translation);
                }
                Some(held) => {
                    content.held_back.push((file, held));
                    content.held_back.sort();
                }
            },
            Err(e) => problems.push(e),
        }
    }
    // Only this file was read again: it alone decides whether the folder failed.
    if problems.iter().any(Diagnostic::is_error) {
        content.failed.insert(dir.to_string());
    } else {
        content.failed.remove(dir);
    }
    content.unpublished.remove(dir);
    if article.translations.is_empty() {
        let prefix = format!("content/{dir}/");
        let reason = content
            .held_back
            .iter()
            .rev()
            .find(|(f, _)| {
                f.strip_prefix(&prefix)
                    .is_some_and(|name| !name.contains('/'))
            })
            .map(|(_, held)| held.reason);
        if let Some(reason) = reason {
            content.unpublished.insert(dir.to_string(), reason);
        }
        content.emptied.insert(dir.to_string(), article);
    } else {
        content.articles.insert(dir.to_string(), article);
    }
    Some(problems)
}

/// Reads `content/_index.yaml`, the home page's texts.
fn read_home(root: &Path, source: &Path) -> Result<Home, Diagnostic> {
    let file = display(root, source);
    let text = read_text(source, &file)?;
    let home = yaml::parse::<Home>(&file, &text)?;
    Ok(Home { file, text, ..home })
}

/// Reads `content/<dir>/_section.yaml`; its problems go into `errors`, and
/// `None` means the section failed to load.
fn read_section(
    root: &Path,
    dir: &str,
    parent: Option<String>,
    errors: &mut Vec<Diagnostic>,
) -> Option<Section> {
    let source = root.join("content").join(dir).join("_section.yaml");
    let file = display(root, &source);
    let parsed = read_text(&source, &file)
        .and_then(|text| Ok((yaml::parse::<SectionMeta>(&file, &text)?, text)));
    let (meta, text) = match parsed {
        Ok(parsed) => parsed,
        Err(e) => {
            errors.push(e);
            return None;
        }
    };
    if meta.page_size == 0 {
        errors.push(
            Diagnostic::error(&file, Rule::PageSizeZero)
                .at(&text, yaml::key_location(&text, 0, "page_size")),
        );
    }
    Some(Section {
        path: dir.to_string(),
        parent,
        file,
        text,
        meta,
    })
}

/// Reads the dataset with content path `key` from `source`.
fn read_dataset(
    root: &Path,
    key: &str,
    source: &Path,
    options: &LoadOptions,
) -> Result<Dataset, Vec<Diagnostic>> {
    let file = display(root, source);
    let id = key.rsplit('/').next().unwrap_or(key);
    let text = read_text(source, &file).map_err(|e| vec![e])?;
    let left = placeholder::placeholders(&file, &text);
    if left.is_empty() {
        Dataset::parse(&file, id, &text, &options.languages)
    } else {
        Err(left)
    }
}

/// Reads `content/_index.yaml` again after it changed, and patches `content`
/// as loading the whole site would have. Returns the file's problems, or
/// `None` when the file came or went, so the whole site must be loaded again.
pub(crate) fn reload_home(root: &Path, content: &mut Content) -> Option<Vec<Diagnostic>> {
    let source = root.join("content").join("_index.yaml");
    if content.home.file.is_empty() || !is_plain_file(&source) {
        return None;
    }
    let (home, problems) = match read_home(root, &source) {
        Ok(home) => (home, Vec::new()),
        Err(e) => (
            Home {
                file: content.home.file.clone(),
                ..Home::default()
            },
            vec![e],
        ),
    };
    content.home = home;
    Some(problems)
}

/// Reads `content/<dir>/_section.yaml` again after it changed, and patches
/// `content` as loading the whole site would have. Returns the file's
/// problems, or `None` when the section is new, went, or had failed to load
/// (its place among the others is then unknown), so the whole site must be loaded again.
pub(crate) fn reload_section(
    root: &Path,
    content: &mut Content,
    dir: &str,
) -> Option<Vec<Diagnostic>> {
    let parent = content.sections.get(dir)?.parent.clone();
    if !is_plain_file(&root.join("content").join(dir).join("_section.yaml")) {
        return None;
    }
    let mut problems = Vec::new();
    match read_section(root, dir, parent, &mut problems) {
        Some(section) => {
            content.sections.insert(dir.to_string(), section);
            content.failed.remove(dir);
        }
        None => {
            content.sections.remove(dir);
            content.failed.insert(dir.to_string());
        }
    }
    Some(problems)
}

/// Reads the dataset with content path `key` again after its file changed,
/// and patches `content` as loading the whole site would have. Returns the
/// file's problems, or `None` when the dataset is new or went, so the whole
/// site must be loaded again.
pub(crate) fn reload_dataset(
    root: &Path,
    content: &mut Content,
    key: &str,
    options: &LoadOptions,
) -> Option<Vec<Diagnostic>> {
    let source = root.join("content").join(format!("{key}.yaml"));
    let known = content.datasets.contains_key(key) || content.failed.contains(key);
    // A rate reads two datasets: the whole site is loaded again for it.
    let derives = |d: &Dataset| d.series.iter().any(|s| s.per.is_some());
    if !known || !is_plain_file(&source) || content.datasets.values().any(derives) {
        return None;
    }
    match read_dataset(root, key, &source, options) {
        Ok(dataset) if derives(&dataset) => None,
        Ok(dataset) => {
            content.datasets.insert(key.to_string(), dataset);
            content.failed.remove(key);
            Some(Vec::new())
        }
        Err(problems) => {
            content.datasets.remove(key);
            content.failed.insert(key.to_string());
            Some(problems)
        }
    }
}

/// Whether `path` is a file and not a link, which a full load checks against the site folder.
fn is_plain_file(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.is_file())
}

/// Why a translation is left out of this build, if it is.
fn publication(translation: &Translation, options: &LoadOptions) -> Option<HeldBack> {
    let front = &translation.front;
    let held = |reason, key| Some(HeldBack { reason, key });
    if front.expires.is_some_and(|d| d.0 <= options.today) {
        return held(Phrase::HeldExpired, "expires");
    }
    if options.drafts {
        return None;
    }
    if front.draft {
        return held(Phrase::HeldDraft, "draft");
    }
    if front.date.is_some_and(|d| d.0 > options.today) {
        return held(Phrase::HeldFuture, "date");
    }
    None
}

/// How the files under `content/` form sections, articles and datasets.
#[derive(Default)]
struct Layout {
    home_file: Option<PathBuf>,
    sections: BTreeSet<String>,
    articles: BTreeSet<String>,
    translations: Vec<(String, Lang)>,
    assets: BTreeMap<String, Vec<(String, PathBuf)>>,
    datasets: BTreeMap<String, PathBuf>,
}

impl Layout {
    fn of(files: &[(String, PathBuf)], languages: &[Lang], errors: &mut Vec<Diagnostic>) -> Layout {
        let mut layout = Layout::default();
        for (relative, _) in files {
            let (dir, name) = split(relative);
            if name == "_section.yaml" && !dir.is_empty() {
                layout.sections.insert(dir.to_string());
            }
            if language_file(name).is_some() {
                layout.articles.insert(dir.to_string());
            }
        }
        // An article inside another article's folder would be copied as a
        // file of the outer one and published twice; refuse it.
        let nested: Vec<String> = layout
            .articles
            .iter()
            .chain(&layout.sections)
            .filter(|dir| layout.article_containing(dir).is_some())
            .cloned()
            .collect();
        for dir in nested {
            let outer = layout.article_containing(&dir).unwrap_or_default();
            errors.push(
                Diagnostic::error(
                    format!("content/{dir}"),
                    Rule::FolderInsideArticle.with("outer", outer),
                )
                .with_hint(Phrase::FolderInsideArticleHint),
            );
            layout.articles.remove(&dir);
            layout.sections.remove(&dir);
        }
        for dir in layout.articles.intersection(&layout.sections) {
            errors.push(
                Diagnostic::error(
                    format!("content/{dir}/_section.yaml"),
                    Rule::SectionAndArticle,
                )
                .with_hint(Phrase::SectionAndArticleHint),
            );
        }

        for (relative, source) in files {
            let (dir, name) = split(relative);
            if let Some(article) = layout.article_containing_or_is(dir) {
                if dir == article
                    && let Some(code) = language_file(name)
                {
                    match Lang::from_code(code).filter(|l| languages.contains(l)) {
                        Some(lang) => layout.translations.push((dir.to_string(), lang)),
                        None => errors.push(
                            Diagnostic::error(
                                format!("content/{relative}"),
                                Rule::UnknownLanguageFile.with("code", code),
                            )
                            .with_hint(
                                Phrase::UnknownLanguageFileHint.with(
                                    "files",
                                    languages
                                        .iter()
                                        .map(|l| format!("{l}.md"))
                                        .collect::<Vec<_>>()
                                        .join(", "),
                                ),
                            ),
                        ),
                    }
                    continue;
                }
                let inside = relative[article.len()..].trim_start_matches('/');
                layout
                    .assets
                    .entry(article.to_string())
                    .or_default()
                    .push((inside.to_string(), source.clone()));
                continue;
            }
            if dir.is_empty() && name == "_index.yaml" {
                layout.home_file = Some(source.clone());
            } else if name == "_section.yaml" {
            } else if let Some(id) = name
                .strip_suffix(".yaml")
                .filter(|_| !name.starts_with('_'))
            {
                let key = if dir.is_empty() {
                    id.to_string()
                } else {
                    format!("{dir}/{id}")
                };
                layout.datasets.insert(key, source.clone());
            } else if name.ends_with(".md") {
                errors.push(
                    Diagnostic::error(format!("content/{relative}"), Rule::MarkdownOutsideArticle)
                        .with_hint(Phrase::MarkdownOutsideArticleHint.with(
                            "example",
                            format!(
                                "{}{}",
                                if dir.is_empty() {
                                    String::new()
                                } else {
                                    format!("{dir}/")
                                },
                                name.trim_end_matches(".md")
                            ),
                        )),
                );
            } else {
                errors.push(
                    Diagnostic::error(format!("content/{relative}"), Rule::StrayFile)
                        .with_hint(Phrase::StrayFileHint),
                );
            }
        }

        for dir in layout
            .articles
            .iter()
            .chain(&layout.sections)
            .chain(layout.datasets.keys())
        {
            let mut ancestor = dir.as_str();
            while let Some((parent, _)) = ancestor.rsplit_once('/') {
                if !layout.sections.contains(parent) {
                    errors.push(
                        Diagnostic::error(
                            format!("content/{parent}"),
                            Rule::SectionFileMissing.with("parent", parent),
                        )
                        .with_hint(Phrase::SectionFileMissingHint),
                    );
                }
                ancestor = parent;
            }
        }
        layout
    }

    fn section_of(&self, dir: &str) -> Option<String> {
        dir.rsplit_once('/')
            .map(|(parent, _)| parent.to_string())
            .filter(|parent| self.sections.contains(parent))
    }

    fn article_containing(&self, dir: &str) -> Option<&str> {
        let mut current = dir;
        while let Some((parent, _)) = current.rsplit_once('/') {
            if let Some(found) = self.articles.get(parent) {
                return Some(found);
            }
            current = parent;
        }
        None
    }

    fn article_containing_or_is(&self, dir: &str) -> Option<&str> {
        self.articles
            .get(dir)
            .map(String::as_str)
            .or_else(|| self.article_containing(dir))
    }
}

/// `sv` for `sv.md`: any two-letter Markdown file names a translation.
fn language_file(name: &str) -> Option<&str> {
    name.strip_suffix(".md")
        .filter(|code| code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase()))
}

fn split(relative: &str) -> (&str, &str) {
    relative.rsplit_once('/').unwrap_or(("", relative))
}

/// Every regular file under `dir`, as (path relative to `dir`, path on disk), sorted.
fn walk(
    dir: &Path,
    root: &Path,
    canonical_root: &Path,
    errors: &mut Vec<Diagnostic>,
) -> Vec<(String, PathBuf)> {
    let mut files = Vec::new();
    let mut walker = WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = walker.next() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                let path = error.path().map(|p| display(root, p)).unwrap_or_default();
                let message = if error.loop_ancestor().is_some() {
                    Rule::SymlinkLoop.into()
                } else {
                    match error.io_error().map(std::io::Error::kind) {
                        Some(std::io::ErrorKind::NotFound) => Rule::FileGone.into(),
                        Some(std::io::ErrorKind::PermissionDenied) => Rule::FileNotReadable.into(),
                        // The operating system's own words, in its language.
                        _ => Rule::CannotRead.with(
                            "error",
                            error
                                .io_error()
                                .map_or_else(|| error.to_string(), ToString::to_string),
                        ),
                    }
                };
                errors.push(Diagnostic::error(path, message));
                continue;
            }
        };
        let name = entry.file_name().to_string_lossy();
        // Hidden files (editor swap files, .DS_Store, .git) are never content.
        if entry.depth() > 0 && name.starts_with('.') {
            if entry.file_type().is_dir() {
                walker.skip_current_dir();
            }
            continue;
        }
        if entry.path_is_symlink() {
            let inside = fs::canonicalize(entry.path())
                .map(|target| target.starts_with(canonical_root))
                .unwrap_or(false);
            if !inside {
                errors.push(
                    Diagnostic::error(display(root, entry.path()), Rule::SymlinkOutside)
                        .with_hint(Phrase::SymlinkOutsideHint),
                );
                if entry.file_type().is_dir() {
                    walker.skip_current_dir();
                }
                continue;
            }
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let Ok(relative) = entry.path().strip_prefix(dir) else {
            continue;
        };
        let Some(relative) = relative.to_str() else {
            errors.push(
                Diagnostic::error(display(root, entry.path()), Rule::FileNameNotUtf8)
                    .with_hint(Phrase::FileNameNotUtf8Hint),
            );
            continue;
        };
        files.push((relative.replace('\\', "/"), entry.path().to_path_buf()));
    }
    files
}

/// `path` relative to the site folder, `/`-separated, for messages.
pub(crate) fn display(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// Reads a UTF-8 text file; a byte-order mark is dropped, other encodings are an error.
pub(crate) fn read_text(path: &Path, file: &str) -> Result<String, Diagnostic> {
    let bytes = fs::read(path)
        .map_err(|e| Diagnostic::error(file, Rule::CannotRead.with("error", e.to_string())))?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(error) => {
            let valid = String::from_utf8_lossy(&bytes[..error.valid_up_to()]).into_owned();
            let location = Location::of_offset(&valid, valid.len());
            let rest = String::from_utf8_lossy(&bytes[error.valid_up_to()..]);
            let line = format!(
                "{}{}",
                valid.rsplit('\n').next().unwrap_or(""),
                rest.lines().next().unwrap_or("")
            );
            let mut diagnostic =
                Diagnostic::error(file, Rule::FileNotUtf8).with_hint(Phrase::FileNotUtf8Hint);
            diagnostic.location = Some(location);
            diagnostic.source_line = Some(line.into());
            Err(diagnostic)
        }
    }
}
