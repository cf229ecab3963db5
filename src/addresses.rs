//! The record of published addresses: `addresses.txt` in the site folder.
//!
//! Every address torget has published for a page (an article, a page
//! outside any section, a section, a dataset) is one line of the record:
//! the address from the site's root, the page's language and the page's
//! content folder (`/nyheter/ny-call-in/ sv nyheter/2019-11-13-ny-call-in`).
//! Lines are sorted by address, so two builds of the same site write the
//! same file and a change shows as a small diff under version control.
//!
//! `build` adds the addresses it published and writes the file when it
//! changed ([`Record::text`]); lines are never removed by torget. The site
//! step ([`crate::site`]) reads the record to keep a redirect at every
//! recorded address whose page now lives elsewhere.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::Path;

use crate::diagnostics::{Diagnostic, Location};
use crate::i18n::Lang;
use crate::messages::{Phrase, Rule};

/// The record's file name, in the site folder beside `site.yaml`.
pub(crate) const FILE: &str = "addresses.txt";

/// The default theme's static files, which every build writes at the site's
/// root, so no redirect can be there (a unit test of `render::theme` keeps
/// this list equal to the theme's).
pub(crate) const THEME_FILES: [&str; 3] = ["favicon.svg", "search.js", "style.css"];

/// The comment at the top of the record, written by torget.
const HEADER: &str = "\
# Addresses this site has published, kept by torget: commit this file with the content.
# torget adds a line for every new address when it builds, and keeps a redirect at an
# address whose page moved. Remove a line only to let that address go for good.
# address  language  page (content folder)
";

/// One recorded address: the page it belonged to when last published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    /// The language code of the page at the address (`sv`, `en`).
    pub(crate) lang: String,
    /// The page's content folder, as `@/` links name it (`nyheter/2019-11-13-ny-call-in`).
    pub(crate) page: String,
    /// The line of the record it was read from; 0 for an address added by this build.
    pub(crate) line: usize,
}

/// The record as read from the site folder, and as this build leaves it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Record {
    /// Recorded addresses by site path without the leading `/` (`nyheter/ny-call-in/`).
    pub(crate) entries: BTreeMap<String, Entry>,
    /// The file's text as read, for locating findings; `None` when there was no file.
    pub(crate) source: Option<String>,
}

impl Record {
    /// Reads the record of the site at `root`; no file is an empty record.
    pub(crate) fn read(root: &Path) -> (Record, Vec<Diagnostic>) {
        let path = root.join(FILE);
        match fs::read(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => Record::parse(&text),
                Err(e) => {
                    // Located at the line of the first byte that is not UTF-8.
                    let valid = e.utf8_error().valid_up_to();
                    let bytes = e.into_bytes();
                    let line = 1 + bytes[..valid].iter().filter(|b| **b == b'\n').count();
                    let text = String::from_utf8_lossy(&bytes).into_owned();
                    let error = Diagnostic::error(FILE, Rule::FileNotUtf8)
                        .at(&text, Location { line, column: 1 })
                        .with_hint(Phrase::FileNotUtf8Hint);
                    (Record::default(), vec![error])
                }
            },
            Err(e) if e.kind() == io::ErrorKind::NotFound => (Record::default(), Vec::new()),
            Err(e) => (
                Record::default(),
                vec![Diagnostic::error(
                    FILE,
                    Rule::CannotRead.with("error", e.to_string()),
                )],
            ),
        }
    }

    /// The record in `text`, with an error for every line that is not `address language folder`.
    pub(crate) fn parse(text: &str) -> (Record, Vec<Diagnostic>) {
        let mut entries: BTreeMap<String, Entry> = BTreeMap::new();
        let mut errors = Vec::new();
        // A byte-order mark some editors put first is not part of the first line.
        let body = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut next = text.len() - body.len();
        for (index, whole) in body.split_inclusive('\n').enumerate() {
            let start = next;
            next += whole.len();
            let line = whole.trim_end_matches(['\n', '\r']);
            let number = index + 1;
            let at = Location {
                line: number,
                column: 1,
            };
            let trimmed = line.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            if ["<<<<<<<", "=======", ">>>>>>>", "|||||||"]
                .iter()
                .any(|marker| trimmed.starts_with(marker))
            {
                errors.push(
                    Diagnostic::error(FILE, Rule::AddressesConflict)
                        .at(text, at)
                        .with_hint(Phrase::AddressesConflictHint),
                );
                continue;
            }
            // Fields are apart by any run of spaces (columns may be lined up);
            // the folder, last, may hold spaces of its own.
            let word = |text: &'_ str| -> (String, String) {
                let text = text.trim_start();
                let (first, rest) = text.split_once(char::is_whitespace).unwrap_or((text, ""));
                (first.to_string(), rest.trim().to_string())
            };
            let (address, rest) = word(trimmed);
            let (lang, page) = word(&rest);
            let (address, lang, page) = (address.as_str(), lang.as_str(), page.as_str());
            let problem = address_problem(address).or_else(|| {
                (lang.is_empty() || page.is_empty()).then_some(Phrase::AddressesLineParts)
            });
            if let Some(problem) = problem {
                errors.push(
                    Diagnostic::error(FILE, Rule::AddressesLine.with("problem", problem))
                        .at(text, at)
                        .with_hint(Phrase::AddressesLineHint),
                );
                continue;
            }
            if Lang::parse(lang).is_none() {
                // The language stands after the address, where the editor wrote it.
                let after = line.find(address).map_or(0, |i| i + address.len());
                let column = after + line[after..].find(lang).unwrap_or(0);
                let codes = (Lang::BUILT_IN.iter())
                    .map(|l| format!("`{}`", l.code()))
                    .collect::<Vec<_>>()
                    .join(", ");
                errors.push(
                    Diagnostic::error(FILE, Rule::AddressesLanguage.with("code", lang))
                        .at(text, Location::of_offset(text, start + column))
                        .with_hint(Phrase::AddressesLanguageHint.with("codes", codes)),
                );
                continue;
            }
            let entry = Entry {
                lang: lang.to_string(),
                page: page.trim_matches('/').to_string(),
                line: number,
            };
            let path = site_path(address);
            match entries.get(&path) {
                // Both sides of a merge may add the same line.
                Some(first) if first.lang == entry.lang && first.page == entry.page => {}
                Some(first) => errors.push(
                    Diagnostic::error(
                        FILE,
                        Rule::AddressesTwice
                            .with("address", format!("/{path}"))
                            .with("line", first.line.to_string()),
                    )
                    .at(text, at)
                    .with_hint(Phrase::AddressesTwiceHint),
                ),
                None => {
                    entries.insert(path, entry);
                }
            }
        }
        (
            Record {
                entries,
                source: Some(text.to_string()),
            },
            errors,
        )
    }

    /// The record as a file's text: a header, then one line per address, sorted.
    pub(crate) fn text(&self) -> String {
        let mut text = String::from(HEADER);
        for (path, entry) in &self.entries {
            text.push_str(&format!("/{path} {} {}\n", entry.lang, entry.page));
        }
        text
    }

    /// The text to write when it differs from the file as read, else `None`.
    pub(crate) fn changed_text(&self) -> Option<String> {
        let text = self.text();
        (self.source.as_deref() != Some(text.as_str())).then_some(text)
    }
}

/// Writes `text` as the record of the site at `root`, whole or not at all.
pub(crate) fn write(root: &Path, text: &str) -> io::Result<()> {
    let target = root.join(FILE);
    let temporary = root.join(format!(".{FILE}.torget-{}", std::process::id()));
    fs::write(&temporary, text)?;
    fs::rename(&temporary, &target).inspect_err(|_| {
        let _ = fs::remove_file(&temporary);
    })
}

/// What is wrong with `address` as an address on the site, if anything: it
/// must start at the site's root (`/`), and hold no `..`, `?`, `#`, spaces,
/// backslashes, empty folder names or folder names too long for a file system.
pub(crate) fn address_problem(address: &str) -> Option<Phrase> {
    if !address.starts_with('/') {
        return Some(Phrase::AddressNotFromRoot);
    }
    if address.contains(['?', '#']) {
        return Some(Phrase::AddressQuery);
    }
    if address.contains(|c: char| c.is_whitespace() || c.is_control() || c == '\\') {
        return Some(Phrase::AddressCharacters);
    }
    let inner = address.trim_start_matches('/').trim_end_matches('/');
    if inner.is_empty() {
        return None;
    }
    if address.starts_with("//") || inner.split('/').any(|s| s.is_empty()) {
        return Some(Phrase::AddressEmptyFolder);
    }
    if inner.split('/').any(|s| s == "." || s == "..") {
        return Some(Phrase::AddressDots);
    }
    // A folder's name is a file name on disk, which file systems limit to 255 bytes.
    if inner.split('/').any(|s| s.len() > MAX_SEGMENT) {
        return Some(Phrase::AddressSegmentTooLong);
    }
    None
}

/// The longest folder name in an address, in bytes.
const MAX_SEGMENT: usize = 255;

/// The site path of a valid address: no leading `/`, a trailing `/` (`/gamla/adressen` → `gamla/adressen/`).
pub(crate) fn site_path(address: &str) -> String {
    let inner = address.trim_matches('/');
    if inner.is_empty() {
        String::new()
    } else {
        format!("{inner}/")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_reads_back_as_it_was_written() {
        let (record, errors) = Record::parse(
            "# comment\n/nyheter/b/ sv nyheter/b\n/en/news/b/ en nyheter/b\n\n/a/ sv mapp med mellanrum\n",
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(record.entries["nyheter/b/"].page, "nyheter/b");
        assert_eq!(record.entries["a/"].page, "mapp med mellanrum");
        let text = record.text();
        assert!(text.ends_with(
            "/a/ sv mapp med mellanrum\n/en/news/b/ en nyheter/b\n/nyheter/b/ sv nyheter/b\n"
        ));
        let (again, _) = Record::parse(&text);
        assert_eq!(again.changed_text(), None);
        assert_eq!(again.entries, {
            let mut e = record.entries.clone();
            for (entry, line) in e.values_mut().zip([5, 6, 7]) {
                entry.line = line;
            }
            e
        });
    }

    #[test]
    fn bad_lines_and_merge_conflicts_are_located() {
        let (_, errors) = Record::parse(
            "/ok/ sv ok\nnyheter/a/ sv a\n/b/ sv\n<<<<<<< HEAD\n/ok/ en other\n/ok/ sv ok\n",
        );
        let lines: Vec<usize> = errors.iter().map(|e| e.location.unwrap().line).collect();
        assert_eq!(lines, [2, 3, 4, 5]);
    }

    #[test]
    fn a_byte_order_mark_is_not_part_of_the_first_line_and_language_codes_are_well_formed() {
        let (record, errors) = Record::parse("\u{feff}/a/ sv a\r\n/b/ SV b\r\n/å/  x1 c\n");
        assert_eq!(record.entries.len(), 1, "{errors:?}");
        assert_eq!(record.entries["a/"].page, "a");
        let at: Vec<(usize, usize)> = (errors.iter())
            .map(|e| e.location.map(|l| (l.line, l.column)).unwrap())
            .collect();
        assert_eq!(at, [(2, 5), (3, 6)]);
        assert!(
            errors[0]
                .to_string()
                .contains("`SV` is not a language code")
        );
    }

    #[test]
    fn a_record_that_is_not_utf8_is_located_at_its_first_bad_line() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(FILE), b"/a/ sv a\n/b/ sv b\n/\xe5/ sv c\n").unwrap();
        let (_, errors) = Record::read(dir.path());
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].location.map(|l| l.line), Some(3));
        assert!(errors[0].to_string().contains("not UTF-8"), "{}", errors[0]);
    }

    #[test]
    fn addresses_must_stay_on_the_site() {
        for good in ["/", "/gamla/adressen/", "/gamla/adressen", "/år/sida.html"] {
            assert_eq!(address_problem(good), None, "{good}");
        }
        for bad in [
            "gamla/", "/a/../b/", "/a?b=1", "/a#x", "/a b/", "//host/x", "/a//b/", "/a\\b/", "/./",
        ] {
            assert!(address_problem(bad).is_some(), "{bad}");
        }
        assert_eq!(address_problem(&format!("/{}/", "å".repeat(127))), None);
        assert_eq!(
            address_problem(&format!("/a/{}/", "å".repeat(128))),
            Some(Phrase::AddressSegmentTooLong)
        );
        assert_eq!(site_path("/gamla/adressen"), "gamla/adressen/");
        assert_eq!(site_path("/"), "");
    }
}
