//! Addresses that last: the redirects a site keeps, from `aliases:` in front
//! matter and from the record of published addresses (`crate::addresses`).
//!
//! Resolving reads the record as it was loaded and works out, from it and
//! the pages the site has now:
//! - the record as this build leaves it: every page's current address added,
//!   and the lines of a page whose folder moved (the old folder gone, one new
//!   folder of the same name) following it;
//! - a redirect at every recorded address whose page is still on the site but
//!   now lives elsewhere, to its newest address (so a chain of moves leads
//!   straight there); where the page's language version went, to the page in
//!   another language;
//! - the addresses that went away: their page is on the site no more;
//! - a redirect at every alias, which must be an address on the site that no
//!   page and no other alias has.
//!
//! A redirect never takes the address of a real page.

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::FxHashSet;

use super::{Site, page_word};
use crate::addresses::{self, Entry, Record};
use crate::diagnostics::Diagnostic;
use crate::i18n::Lang;
use crate::messages::{Phrase, Rule};
use crate::yaml;

/// Why an address redirects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Origin {
    /// An alias in the front matter of this file.
    Alias { file: String },
    /// The address is in the record: the page was published there before.
    Record,
}

/// A redirect page at an old address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Redirect {
    /// The language of the page that was at the address.
    pub(crate) lang: Lang,
    /// The content path of the page it leads to.
    pub(crate) page: String,
    /// The language of the page it leads to: `lang`, or another where that version went.
    pub(crate) target_lang: Lang,
    pub(crate) origin: Origin,
}

/// A recorded address whose page is no longer on the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Gone {
    /// The site path (`nyheter/gammal/`).
    pub(crate) path: String,
    pub(crate) lang: String,
    pub(crate) page: String,
    /// Its line in the record.
    pub(crate) line: usize,
}

/// What becomes of one recorded address.
enum Decision {
    /// A redirect there, to the page's address now.
    Redirect(Redirect),
    /// Its page is on the site no more.
    Gone(Gone),
    /// Nothing, with something to say about it.
    Problem(Diagnostic),
    /// Nothing: it is its page's own address still, or its page failed to load.
    Nothing,
}

/// What resolving made of aliases and the record.
#[derive(Debug, Default, Clone)]
pub(crate) struct Addresses {
    /// Redirect pages by site path.
    pub(crate) redirects: BTreeMap<String, Redirect>,
    /// Recorded pages whose folder moved: old content path to new.
    pub(crate) moved_folders: BTreeMap<String, String>,
    pub(crate) gone: Vec<Gone>,
}

/// Every page that has an address of its own, with it: (content path, language, site path).
fn pages(site: &Site) -> Vec<(&str, Lang, &str)> {
    let r = &site.resolved;
    let mut pages = Vec::new();
    for paths in [&r.section_paths, &r.dataset_paths] {
        for (key, paths) in paths {
            for (lang, path) in paths {
                pages.push((key.as_str(), *lang, path.as_str()));
            }
        }
    }
    for (key, paths) in &r.article_paths {
        for (lang, path) in paths.iter() {
            pages.push((&**key, *lang, path.as_str()));
        }
    }
    pages
}

/// The addresses of the site's pages: each page's own, and the folders
/// torget writes pages under (a listing's later pages, the topic pages, the
/// search page); and every file the build writes or copies, where a redirect
/// (a folder with an `index.html`) cannot be.
struct Taken<'s> {
    exact: FxHashSet<&'s str>,
    folders: Vec<String>,
    files: FxHashSet<String>,
}

impl<'s> Taken<'s> {
    fn of(site: &'s Site, pages: &[(&'s str, Lang, &'s str)]) -> Self {
        let mut exact: FxHashSet<&str> = pages.iter().map(|(_, _, path)| *path).collect();
        exact.extend(site.resolved.home_paths.values().map(String::as_str));
        let listings = (site.resolved.section_paths.values())
            .flat_map(|paths| paths.iter())
            .map(|(lang, p)| format!("{p}{}/", page_word(*lang)));
        let generated = site.config.languages.iter().flat_map(|&lang| {
            [Some(site.search_path(lang)), site.topics_path(lang)]
                .into_iter()
                .flatten()
        });
        Taken {
            exact,
            folders: listings.chain(generated).collect(),
            files: written_files(site),
        }
    }

    /// The file the build writes or copies that a redirect at `path` would
    /// clash with: the file itself (`style.css/`), a file where the redirect
    /// needs a folder (`dokument/info.txt/x/`), or its `index.html`.
    fn file_at(&self, path: &str) -> Option<String> {
        let index = format!("{path}index.html");
        let sitemap = |name: &str| {
            (name.strip_prefix("sitemap-"))
                .and_then(|n| n.strip_suffix(".xml"))
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        };
        (path.match_indices('/').map(|(i, _)| &path[..i]))
            .find(|folder| self.files.contains(*folder) || sitemap(folder))
            .map(str::to_string)
            .or_else(|| self.files.contains(&index).then_some(index))
    }

    /// Whether a page of the site is at `path`, or torget may write one there.
    fn contains(&self, path: &str) -> bool {
        self.exact.contains(path) || self.folders.iter().any(|f| path.starts_with(f.as_str()))
    }
}

/// Every file the build writes or copies besides the pages: the feeds, 404
/// pages and search scripts of each language, the sitemap and `robots.txt`,
/// the default theme's files, the site's static files, the files beside its
/// articles and the datasets' downloads.
fn written_files(site: &Site) -> FxHashSet<String> {
    let mut files: FxHashSet<String> = ["sitemap.xml", "robots.txt"]
        .into_iter()
        .map(str::to_string)
        .collect();
    for &lang in &site.config.languages {
        let home = site.home_path(lang);
        files.insert(format!("{home}atom.xml"));
        files.insert(format!("{home}404.html"));
        files.insert(format!("{}index.js", site.search_path(lang)));
    }
    files.extend(addresses::THEME_FILES.iter().map(|f| f.to_string()));
    if site.config.open_data.is_some() {
        files.insert(crate::config::open_data::CATALOGUE.to_string());
    }
    let content = &site.content;
    files.extend(content.static_files.iter().map(|f| f.relative.clone()));
    for (key, article) in &content.articles {
        let Some(paths) = site.resolved.article_paths.get(key.as_str()) else {
            continue;
        };
        for path in paths.values() {
            (article.assets.iter()).for_each(|a| {
                files.insert(format!("{path}{}", a.relative));
            });
        }
    }
    for (key, dataset) in &content.datasets {
        if let Some(path) = site.dataset_path(key, site.config.default_language) {
            files.insert(format!("{path}{}.csv", dataset.id));
            files.insert(format!("{path}{}.json", dataset.id));
        }
    }
    files
}

/// Works out the redirects, the record and the addresses that went away;
/// with the errors of aliases and a warning for every page that moved.
pub(super) fn plan(site: &Site) -> (Addresses, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let content = &site.content;
    let pages = pages(site);
    let taken = Taken::of(site, &pages);
    let record = &content.record;
    let moved_folders = moved_folders(site, &pages);

    // Each recorded address is decided on its own: tens of thousands on a
    // large site, so in parallel, then gathered in the record's order.
    use rayon::prelude::*;
    let decide = |(path, entry): (&String, &Entry)| -> Decision {
        let page = (moved_folders.get(&entry.page))
            .unwrap_or(&entry.page)
            .as_str();
        let lang = Lang::from_code(&entry.lang).filter(|l| site.config.languages.contains(l));
        // Most addresses are still their pages': asked of the page first, a
        // lookup, before the sets of every address (`taken`), which such an
        // address is in anyway.
        let its_own = match lang {
            Some(lang) if page.is_empty() => site.resolved.home_paths.get(&lang) == Some(path),
            Some(lang) => site.page_path_unrecorded(page, lang) == Some(path.as_str()),
            None => false,
        };
        if its_own {
            return Decision::Nothing;
        }
        // A page's own address is the page's, whatever file may clash with it.
        let is_taken = taken.contains(path);
        if !is_taken && let Some(file) = taken.file_at(path) {
            let error = Diagnostic::error(
                addresses::FILE,
                Rule::AddressIsFile
                    .with("address", format!("/{path}"))
                    .with("file", format!("/{file}")),
            );
            let error = match (&record.source, entry.line) {
                (Some(text), line) if line > 0 => {
                    error.at(text, crate::diagnostics::Location { line, column: 1 })
                }
                _ => error,
            };
            return Decision::Problem(error.with_hint(Phrase::AddressIsFileLineHint));
        }
        if is_taken {
            // Another page now has the address: the page that left it, if it
            // is still on the site, gets no redirect there, so say so at it.
            let still_here = (site.config.languages.iter())
                .any(|l| site.page_path_unrecorded(page, *l).is_some());
            if !still_here {
                return Decision::Nothing;
            }
            let owner = match site.page_at(path) {
                Some((owner, _, _)) => format!("@/{owner}").into(),
                None => crate::messages::Message::from(Phrase::GeneratedPage),
            };
            let message = Rule::AddressTakenOver
                .with("old", format!("/{path}"))
                .with("owner", owner);
            let made = lang.and_then(|lang| site.where_address_is_made(page, lang));
            let warning = match made {
                Some((file, text, location)) => {
                    Diagnostic::warning(file, message).at(text, location)
                }
                None => Diagnostic::warning(format!("content/{page}"), message),
            };
            return Decision::Problem(warning.with_hint(Phrase::AddressTakenOverHint));
        }
        let target = lang.and_then(|lang| {
            let others = site.config.languages.iter().copied().filter(|l| *l != lang);
            std::iter::once(lang)
                .chain(others)
                .find(|l| site.page_path_unrecorded(page, *l).is_some())
                .map(|target| (lang, target))
        });
        match target {
            Some((lang, target_lang)) => Decision::Redirect(Redirect {
                lang,
                page: page.to_string(),
                target_lang,
                origin: Origin::Record,
            }),
            // A page that failed to load has its own errors; it is not gone.
            None if content.failed_to_load(page) => Decision::Nothing,
            None => Decision::Gone(Gone {
                path: path.clone(),
                lang: entry.lang.clone(),
                page: page.to_string(),
                line: entry.line,
            }),
        }
    };
    let decisions: Vec<Decision> = record.entries.par_iter().map(decide).collect();
    let mut redirects = BTreeMap::new();
    let mut gone = Vec::new();
    for (path, decision) in record.entries.keys().zip(decisions) {
        match decision {
            Decision::Problem(problem) => problems.push(problem),
            Decision::Redirect(redirect) => {
                redirects.insert(path.clone(), redirect);
            }
            Decision::Gone(address) => gone.push(address),
            Decision::Nothing => {}
        }
    }

    // The build says where a page moved, at the file that moved it.
    let mut moved_from: BTreeMap<(&str, Lang), Vec<String>> = BTreeMap::new();
    for (old, r) in &redirects {
        if r.lang == r.target_lang {
            let from = moved_from.entry((r.page.as_str(), r.lang)).or_default();
            from.push(format!("/{old}"));
        }
    }
    // A page that moved is at an address new to the record. Resolving runs
    // after every edit under `serve`, and the record of a large site is
    // long: asked of the few pages with a redirect, not of every page. (The
    // record as a build leaves it is made only when a build writes it,
    // [`updated_record`].)
    for ((key, lang), old) in &moved_from {
        let Some(path) = site.page_path_unrecorded(key, *lang) else {
            continue;
        };
        let arrived = record.entries.get(path).is_none_or(|e| {
            e.lang != lang.code() || moved_folders.get(&e.page).unwrap_or(&e.page) != key
        });
        if !arrived {
            continue;
        }
        let (key, lang) = (*key, *lang);
        let message = Rule::AddressMoved
            .with("old", old.join(", "))
            .with("new", format!("/{path}"));
        let warning = match site.where_address_is_made(key, lang) {
            Some((file, text, location)) => Diagnostic::warning(file, message).at(text, location),
            None => Diagnostic::warning(format!("content/{key}"), message),
        };
        problems.push(warning.with_hint(Phrase::AddressMovedHint));
    }

    // Aliases: checked, then kept as redirects, before what the record says.
    let mut aliases: BTreeMap<String, String> = BTreeMap::new();
    for (key, article) in &content.articles {
        for (lang, translation) in &article.translations {
            if translation.front.aliases.is_empty()
                || site.page_path_unrecorded(key, *lang).is_none()
            {
                continue;
            }
            let text = &translation.text;
            let listed_at = yaml::key_location(text, 0, "aliases");
            // Each alias is found after the one before it, so the same
            // address written twice points at each place it is written.
            let mut cursor = text
                .get(..translation.body_start)
                .and_then(|front| front.find("\naliases:"))
                .map_or(0, |at| at + "\naliases:".len());
            for alias in &translation.front.aliases {
                let rest = text.get(cursor..translation.body_start).unwrap_or("");
                let found = match alias.as_str() {
                    // An empty alias is written as quotes.
                    "" => (rest.find("\"\"").or_else(|| rest.find("''"))).map(|at| (at, 2)),
                    alias => rest.find(alias).map(|at| (at, alias.len())),
                };
                let location = match found {
                    Some((at, len)) => {
                        let location = crate::diagnostics::Location::of_offset(text, cursor + at);
                        cursor += at + len;
                        location
                    }
                    None => listed_at,
                };
                let error = |message: crate::messages::Message, hint: Phrase| {
                    Diagnostic::error(&translation.file, message)
                        .at(text, location)
                        .with_hint(hint)
                };
                if let Some(problem) = addresses::address_problem(alias) {
                    problems.push(error(
                        Rule::AliasInvalid
                            .with("alias", alias.as_str())
                            .with("problem", problem),
                        Phrase::AliasHint,
                    ));
                    continue;
                }
                let path = addresses::site_path(alias);
                if taken.contains(&path) {
                    let owner = match site.page_at(&path) {
                        Some((owner, _, _)) => format!("@/{owner}").into(),
                        None => crate::messages::Message::from(Phrase::GeneratedPage),
                    };
                    problems.push(error(
                        Rule::AliasIsPage
                            .with("alias", format!("/{path}"))
                            .with("owner", owner),
                        Phrase::AliasIsPageHint,
                    ));
                    continue;
                }
                // An old address of another page that is still on the site
                // stays that page's: citations of it must not open this one.
                if let Some(kept) =
                    (redirects.get(&path)).filter(|r| r.origin == Origin::Record && r.page != *key)
                {
                    problems.push(error(
                        Rule::AliasIsRedirect
                            .with("alias", format!("/{path}"))
                            .with("owner", format!("@/{}", kept.page)),
                        Phrase::AliasIsRedirectHint,
                    ));
                    continue;
                }
                if let Some(file) = taken.file_at(&path) {
                    problems.push(error(
                        Rule::AliasIsFile
                            .with("alias", format!("/{path}"))
                            .with("file", format!("/{file}")),
                        Phrase::AliasIsFileHint,
                    ));
                    continue;
                }
                if aliases.get(&path) == Some(&translation.file) {
                    problems.push(error(
                        Rule::AliasRepeated.with("alias", format!("/{path}")),
                        Phrase::AliasRepeatedHint,
                    ));
                    continue;
                }
                if let Some(other) = aliases.get(&path) {
                    problems.push(error(
                        Rule::AliasTwice
                            .with("alias", format!("/{path}"))
                            .with("other", other.as_str()),
                        Phrase::AliasTwiceHint,
                    ));
                    continue;
                }
                aliases.insert(path.clone(), translation.file.clone());
                redirects.insert(
                    path,
                    Redirect {
                        lang: *lang,
                        page: key.clone(),
                        target_lang: *lang,
                        origin: Origin::Alias {
                            file: translation.file.clone(),
                        },
                    },
                );
            }
        }
    }
    // An address an alias took over is not gone.
    gone.retain(|g| !redirects.contains_key(&g.path));
    (
        Addresses {
            redirects,
            moved_folders,
            gone,
        },
        problems,
    )
}

/// Recorded pages whose folder went, each to the one new folder of the same
/// name, if there is exactly one.
fn moved_folders(site: &Site, pages: &[(&str, Lang, &str)]) -> BTreeMap<String, String> {
    let content = &site.content;
    // Most recorded pages are articles: asked of the hashed map of their
    // addresses, which has an entry for every article, with a page or not.
    let known = |key: &str| {
        site.resolved.article_paths.contains_key(key)
            || content.sections.contains_key(key)
            || content.datasets.contains_key(key)
            || content.unpublished.contains_key(key)
            || content.emptied.contains_key(key)
            || content.failed_to_load(key)
    };
    let leaf = |key: &str| key.rsplit('/').next().unwrap_or(key).to_string();
    // Each page once: a page has an entry per language and per address it had.
    let mut referenced: FxHashSet<&str> = FxHashSet::default();
    let mut went: BTreeSet<&str> = BTreeSet::new();
    for entry in content.record.entries.values() {
        let page = entry.page.as_str();
        if referenced.insert(page) && !known(page) {
            went.insert(page);
        }
    }
    if went.is_empty() {
        return BTreeMap::new();
    }
    let mut new_by_leaf: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    for (key, _, _) in pages {
        if !referenced.contains(key) {
            new_by_leaf.entry(leaf(key)).or_default().insert(key);
        }
    }
    went.into_iter()
        .filter_map(|page| {
            let candidates = new_by_leaf.get(&leaf(page))?;
            let new = candidates.first().filter(|_| candidates.len() == 1)?;
            Some((page.to_string(), new.to_string()))
        })
        .collect()
}

/// The record as a build leaves it: the lines of a page whose folder moved
/// follow it, and every page's address now is added.
pub(super) fn updated_record(site: &Site) -> Record {
    let mut record = site.content.record.clone();
    let moved = &site.resolved.addresses.moved_folders;
    for entry in record.entries.values_mut() {
        if let Some(new) = moved.get(&entry.page) {
            entry.page = new.clone();
        }
    }
    let mut pages = pages(site);
    pages.sort_unstable();
    for (key, lang, path) in pages {
        let recorded = record.entries.get(path);
        if recorded.is_none_or(|e| e.page != key || e.lang != lang.code()) {
            record.entries.insert(
                path.to_string(),
                Entry {
                    lang: lang.code().to_string(),
                    page: key.to_string(),
                    line: 0,
                },
            );
        }
    }
    record
}
