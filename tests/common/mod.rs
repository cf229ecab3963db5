//! Helpers shared by the integration tests: running the binary, copying fixtures, reading output.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use scraper::{Html, Selector};

/// The build date the fixtures are written for.
pub const NOW: &str = "2026-11-24";

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The `torget` binary of this crate, speaking English whatever the machine's
/// locale: messages follow `LC_ALL`, `LC_MESSAGES` and `LANG`.
pub fn torget() -> Command {
    Command::from_std(torget_process())
}

/// The `torget` binary as a process to start and leave running (`serve`), in English like [`torget`].
pub fn torget_process() -> std::process::Command {
    let mut command = std::process::Command::new(assert_cmd::cargo::cargo_bin("torget"));
    command
        .env("NO_COLOR", "1")
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    command
}

/// Runs `torget build` on `site` into `out`, returning the finished command's output.
pub fn build(site: &Path, out: &Path, extra: &[&str]) -> std::process::Output {
    torget()
        .args(["build", "--now", NOW, "--site"])
        .arg(site)
        .arg("--out")
        .arg(out)
        .args(extra)
        .output()
        .expect("torget runs")
}

/// Fails the test, with what the command said on standard error, unless it succeeded.
pub fn assert_success(output: &std::process::Output) {
    assert!(
        output.status.success(),
        "the command failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// A copy of fixture `name` in a temporary folder, with `files` (path, text) added or replaced.
pub fn fixture_with(name: &str, files: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture(name), &site);
    for (path, text) in files {
        let file = site.join(path);
        fs::create_dir_all(file.parent().unwrap()).unwrap();
        fs::write(file, text).unwrap();
    }
    (tmp, site)
}

/// Copies a folder tree (fixtures are small).
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Every file under `dir` with its bytes, by `/`-separated relative path.
pub fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let relative = entry
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            files.insert(relative, fs::read(entry.path()).unwrap());
        }
    }
    files
}

pub fn read(dir: &Path, relative: &str) -> String {
    fs::read_to_string(dir.join(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"))
}

pub fn html(dir: &Path, relative: &str) -> Html {
    Html::parse_document(&read(dir, relative))
}

/// The values of `attribute` on elements matching `selector`.
pub fn attrs(document: &Html, selector: &str, attribute: &str) -> Vec<String> {
    let selector = Selector::parse(selector).unwrap();
    document
        .select(&selector)
        .filter_map(|e| e.value().attr(attribute).map(str::to_string))
        .collect()
}

/// The text of elements matching `selector`, whitespace collapsed.
pub fn texts(document: &Html, selector: &str) -> Vec<String> {
    let selector = Selector::parse(selector).unwrap();
    document
        .select(&selector)
        .map(|e| {
            e.text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// Every internal link, stylesheet and image in every page that does not reach a file
/// (or an `id` in it), as "page: href". Links starting with `root_path` (the
/// base URL's path, used by 404 pages) are resolved from the site root.
pub fn broken_internal_links(out: &Path, root_path: &str) -> Vec<String> {
    let mut broken = Vec::new();
    let pages: Vec<String> = tree(out)
        .into_keys()
        .filter(|p| p.ends_with(".html"))
        .collect();
    for page in &pages {
        let document = html(out, page);
        let base = Path::new(page).parent().unwrap_or(Path::new(""));
        let links = attrs(&document, "a[href]", "href")
            .into_iter()
            .chain(attrs(&document, "link[rel=stylesheet]", "href"))
            .chain(attrs(&document, "img[src]", "src"));
        for href in links {
            if href.contains("://") || href.starts_with("mailto:") || href.starts_with("tel:") {
                continue;
            }
            let (path, anchor) = match href.split_once('#') {
                Some((p, a)) => (p.to_string(), Some(a.to_string())),
                None => (href.clone(), None),
            };
            let mut target = if path.is_empty() {
                PathBuf::from(page)
            } else if let Some(from_root) = path.strip_prefix(root_path) {
                normalise(Path::new(from_root))
            } else if path.starts_with('/') {
                broken.push(format!(
                    "{page}: {href} (outside the site's root path {root_path})"
                ));
                continue;
            } else {
                normalise(&base.join(&path))
            };
            if path.ends_with('/')
                || path == "."
                || path.is_empty() && page.ends_with('/')
                || target.as_os_str().is_empty()
            {
                target = target.join("index.html");
            }
            let file = out.join(&target);
            if !file.is_file() {
                broken.push(format!("{page}: {href} (no file {})", target.display()));
                continue;
            }
            if let Some(anchor) = anchor {
                let ids = attrs(&html(out, &target.to_string_lossy()), "[id]", "id");
                if !ids.contains(&anchor) {
                    broken.push(format!("{page}: {href} (no id `{anchor}`)"));
                }
            }
        }
    }
    broken
}

fn normalise(path: &Path) -> PathBuf {
    let mut parts: Vec<&std::ffi::OsStr> = Vec::new();
    for component in path.components() {
        match component {
            std::path::Component::ParentDir => {
                assert!(
                    parts.pop().is_some(),
                    "link climbs above the site root: {}",
                    path.display()
                );
            }
            std::path::Component::Normal(p) => parts.push(p),
            _ => {}
        }
    }
    parts.iter().collect()
}
