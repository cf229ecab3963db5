//! The theme: templates, CSS and interface strings, built in and overridable file by file.

use std::collections::BTreeMap;
use std::path::Path;

use tera::Tera;
use walkdir::WalkDir;

use crate::diagnostics::Diagnostic;
use crate::i18n::strings::{missing_builtin_keys, missing_keys};
use crate::i18n::{InterfaceStrings, Lang, locale};
use crate::messages::{Phrase, Rule};

/// The default theme's files, compiled into the binary so any site builds without a `themes/` folder.
const BUILT_IN: &[(&str, &str)] = &[
    (
        "templates/base.html",
        include_str!("../../themes/default/templates/base.html"),
    ),
    (
        "templates/home.html",
        include_str!("../../themes/default/templates/home.html"),
    ),
    (
        "templates/section.html",
        include_str!("../../themes/default/templates/section.html"),
    ),
    (
        "templates/redirect.html",
        include_str!("../../themes/default/templates/redirect.html"),
    ),
    (
        "templates/article.html",
        include_str!("../../themes/default/templates/article.html"),
    ),
    (
        "templates/listing.html",
        include_str!("../../themes/default/templates/listing.html"),
    ),
    (
        "templates/dataset.html",
        include_str!("../../themes/default/templates/dataset.html"),
    ),
    (
        "templates/datasets.html",
        include_str!("../../themes/default/templates/datasets.html"),
    ),
    (
        "templates/dataset_about.html",
        include_str!("../../themes/default/templates/dataset_about.html"),
    ),
    (
        "templates/calendar.html",
        include_str!("../../themes/default/templates/calendar.html"),
    ),
    (
        "templates/atom.xml",
        include_str!("../../themes/default/templates/atom.xml"),
    ),
    (
        "templates/404.html",
        include_str!("../../themes/default/templates/404.html"),
    ),
    (
        "templates/pagination.html",
        include_str!("../../themes/default/templates/pagination.html"),
    ),
    (
        "templates/tags.html",
        include_str!("../../themes/default/templates/tags.html"),
    ),
    (
        "templates/tag.html",
        include_str!("../../themes/default/templates/tag.html"),
    ),
    (
        "templates/statement.html",
        include_str!("../../themes/default/templates/statement.html"),
    ),
    (
        "templates/search.html",
        include_str!("../../themes/default/templates/search.html"),
    ),
    (
        "templates/languages.html",
        include_str!("../../themes/default/templates/languages.html"),
    ),
    (
        "templates/dcat.rdf.xml",
        include_str!("../../themes/default/templates/dcat.rdf.xml"),
    ),
    (
        "static/favicon.svg",
        include_str!("../../themes/default/static/favicon.svg"),
    ),
    (
        "static/search.js",
        include_str!("../../themes/default/static/search.js"),
    ),
    (
        "static/style.css",
        include_str!("../../themes/default/static/style.css"),
    ),
    (
        "i18n/sv.yaml",
        include_str!("../../themes/default/i18n/sv.yaml"),
    ),
    (
        "i18n/en.yaml",
        include_str!("../../themes/default/i18n/en.yaml"),
    ),
    (
        "i18n/fi.yaml",
        include_str!("../../themes/default/i18n/fi.yaml"),
    ),
    (
        "i18n/ar.yaml",
        include_str!("../../themes/default/i18n/ar.yaml"),
    ),
];

/// Where a site's own theme files live, relative to the site folder.
const OVERRIDES: &str = "themes/default";

/// A loaded theme: compiled templates, strings per language and static files.
pub(crate) struct Theme {
    /// The templates once per language, each with that language's interface
    /// strings as `t` in its global context, so no page copies them.
    teras: BTreeMap<Lang, Tera>,
    pub(crate) strings: BTreeMap<Lang, InterfaceStrings>,
    /// Files copied to the output root (`style.css`, `favicon.svg`), by path;
    /// a file of the same name in the site's `static/` replaces one.
    pub(crate) static_files: BTreeMap<String, Vec<u8>>,
    /// Where each template came from (built in or the site's override), for messages.
    pub(crate) template_origins: BTreeMap<String, String>,
}

/// One theme file and where it came from, for messages.
struct ThemeFile {
    origin: String,
    text: Vec<u8>,
}

impl Theme {
    /// The built-in theme with the site's `themes/default/` files laid over it.
    pub(crate) fn load(site_root: &Path, languages: &[Lang]) -> Result<Theme, Vec<Diagnostic>> {
        let mut errors = Vec::new();
        let mut files: BTreeMap<String, ThemeFile> = BUILT_IN
            .iter()
            .map(|(path, text)| {
                (
                    path.to_string(),
                    ThemeFile {
                        origin: format!("(built-in theme) {path}"),
                        text: text.as_bytes().to_vec(),
                    },
                )
            })
            .collect();
        let override_dir = site_root.join(OVERRIDES);
        if override_dir.is_dir() {
            for entry in WalkDir::new(&override_dir)
                .sort_by_file_name()
                .into_iter()
                .flatten()
            {
                if !entry.file_type().is_file() {
                    continue;
                }
                let Ok(relative) = entry.path().strip_prefix(&override_dir) else {
                    continue;
                };
                let relative = relative.to_string_lossy().replace('\\', "/");
                if relative.split('/').any(|part| part.starts_with('.')) {
                    continue;
                }
                let origin = format!("{OVERRIDES}/{relative}");
                match std::fs::read(entry.path()) {
                    Ok(text) => {
                        files.insert(relative, ThemeFile { origin, text });
                    }
                    Err(e) => errors.push(Diagnostic::error(
                        origin,
                        Rule::CannotRead.with("error", e.to_string()),
                    )),
                }
            }
        }

        let built_in_keys = built_in_strings();
        let mut tera = Tera::new();
        let mut templates = Vec::new();
        let mut strings = BTreeMap::new();
        let mut static_files = BTreeMap::new();
        let mut template_origins = BTreeMap::new();
        for (path, file) in files {
            if let Some(name) = path.strip_prefix("templates/") {
                template_origins.insert(name.to_string(), file.origin.clone());
                match String::from_utf8(file.text) {
                    Ok(text) => templates.push((name.to_string(), text)),
                    Err(_) => {
                        errors.push(Diagnostic::error(&file.origin, Rule::ThemeTemplateNotUtf8))
                    }
                }
            } else if let Some(code) = path
                .strip_prefix("i18n/")
                .and_then(|p| p.strip_suffix(".yaml"))
            {
                let Some(lang) = Lang::from_code(code).filter(|l| languages.contains(l)) else {
                    continue;
                };
                let text = match String::from_utf8(file.text) {
                    Ok(text) => text,
                    Err(_) => {
                        errors.push(Diagnostic::error(&file.origin, Rule::FileNotUtf8));
                        continue;
                    }
                };
                match InterfaceStrings::parse_with_locale(&file.origin, &text) {
                    Ok((s, block)) => {
                        errors.extend(missing_builtin_keys(&built_in_keys, &file.origin, &s));
                        // A built-in language keeps its pack; any other needs the block.
                        match block {
                            _ if Lang::BUILT_IN.contains(&lang) => {}
                            Some(block) => locale::install(lang, &block),
                            None => errors.push(
                                Diagnostic::error(
                                    &file.origin,
                                    Rule::LocaleBlockMissing.with("lang", lang.code()),
                                )
                                .with_hint(Phrase::LocaleBlockHint),
                            ),
                        }
                        strings.insert(lang, (file.origin, s));
                    }
                    Err(e) => errors.push(e),
                }
            } else if let Some(name) = path.strip_prefix("static/") {
                static_files.insert(name.to_string(), file.text);
            }
        }
        for lang in languages {
            if !strings.contains_key(lang) {
                errors.push(
                    Diagnostic::error(
                        format!("{OVERRIDES}/i18n/{}.yaml", lang.code()),
                        Rule::ThemeNoStrings,
                    )
                    .with_hint(Phrase::ThemeNoStringsHint),
                );
            }
        }
        errors.extend(missing_keys(&strings));
        if let Err(e) = tera.add_raw_templates(templates) {
            errors.push(Diagnostic::error(
                OVERRIDES,
                Rule::ThemeTemplateError.with("error", tera_message(&e)),
            ));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let strings: BTreeMap<Lang, InterfaceStrings> =
            strings.into_iter().map(|(l, (_, s))| (l, s)).collect();
        let teras = strings
            .iter()
            .map(|(lang, translation)| {
                let mut tera = tera.clone();
                tera.global_context().insert("t", translation);
                (*lang, tera)
            })
            .collect();
        Ok(Theme {
            teras,
            strings,
            static_files,
            template_origins,
        })
    }
}

/// Every interface string the built-in templates use, with its Swedish text:
/// an overriding i18n file must have each of them.
fn built_in_strings() -> InterfaceStrings {
    let (path, text) = BUILT_IN
        .iter()
        .find(|(path, _)| *path == "i18n/sv.yaml")
        .copied()
        .unwrap_or(("i18n/sv.yaml", ""));
    // The built-in file is tested to parse; an empty set only skips the check.
    InterfaceStrings::parse(path, text).unwrap_or_default()
}

impl Theme {
    /// The templates with `lang`'s interface strings.
    pub(crate) fn tera(&self, lang: Lang) -> &Tera {
        // Every site language has strings (checked at load), so the first is only a fallback.
        self.teras
            .get(&lang)
            .or_else(|| self.teras.values().next())
            .unwrap_or(&EMPTY_TERA)
    }
}

static EMPTY_TERA: std::sync::LazyLock<Tera> = std::sync::LazyLock::new(Tera::new);

/// A Tera error with its causes, which hold the template, line and column.
pub(crate) fn tera_message(error: &tera::Error) -> String {
    let mut message = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        message.push_str("\n  ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_addresses_module_knows_every_static_file_of_the_theme() {
        let names: Vec<&str> = (BUILT_IN.iter())
            .filter_map(|(path, _)| path.strip_prefix("static/"))
            .collect();
        assert_eq!(names, crate::addresses::THEME_FILES);
    }

    #[test]
    fn every_file_of_the_default_theme_is_built_in() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(OVERRIDES);
        let on_disk: Vec<String> = WalkDir::new(&dir)
            .sort_by_file_name()
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                e.path()
                    .strip_prefix(&dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect();
        let mut built_in: Vec<String> = BUILT_IN.iter().map(|(p, _)| p.to_string()).collect();
        built_in.sort();
        assert_eq!(built_in, on_disk);
        for (path, text) in BUILT_IN {
            assert_eq!(
                std::fs::read_to_string(dir.join(path)).unwrap(),
                *text,
                "{path}"
            );
        }
    }
}
