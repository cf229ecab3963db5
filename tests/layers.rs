//! The modules of `src/` use only the modules below them (ARCHITECTURE.md,
//! "Who owns what"), so a change low down never has to know about what is
//! built on it, and a newcomer can read the code from the leaf up.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test tool may stop at its own set-up's failure

use std::collections::BTreeSet;
use std::path::Path;

/// From the leaf up: each module may use those before it, never those after.
const LAYERS: [&str; 20] = [
    "messages",
    "text",
    "diagnostics",
    "yaml",
    "i18n",
    "accessibility",
    "config",
    "dataset",
    "addresses",
    "content",
    "site",
    "markdown",
    "output",
    "render",
    "steps",
    "check",
    "scaffold",
    "import",
    "live",
    "serve",
];

/// Every `crate::…` path in `code`, by its first segment; `crate::{a, b::c}` gives `a` and `b`.
fn crate_paths(code: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let inner = &group[..group.find('}').unwrap_or(group.len())];
            for path in inner.split(',') {
                let first = path.trim().split("::").next().unwrap_or("");
                if !first.is_empty() {
                    found.insert(first.to_string());
                }
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            found.insert(name);
        }
    }
    found
}

/// The module a source file belongs to: `src/render/views.rs` → `render`.
fn module_of(path: &Path, src: &Path) -> Option<String> {
    let relative = path.strip_prefix(src).ok()?;
    let first = relative.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (name != "lib" && name != "main").then(|| name.to_string())
}

#[test]
fn no_module_uses_one_above_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut wrong = Vec::new();
    let mut modules = BTreeSet::new();
    for entry in walkdir::WalkDir::new(&src).sort_by_file_name() {
        let entry = entry.unwrap();
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let Some(module) = module_of(path, &src) else {
            continue;
        };
        modules.insert(module.clone());
        let Some(level) = LAYERS.iter().position(|l| *l == module) else {
            wrong.push(format!(
                "{}: module `{module}` has no place in LAYERS",
                path.display()
            ));
            continue;
        };
        let text = std::fs::read_to_string(path).unwrap();
        // Comments may name any module (doc links); only code uses one.
        let code: String = text
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        for used in crate_paths(&code) {
            if used == module {
                continue;
            }
            match LAYERS.iter().position(|l| *l == used) {
                Some(used_level) if used_level < level => {}
                Some(_) => wrong.push(format!(
                    "{}: `{module}` uses `{used}`, which is above it",
                    path.display()
                )),
                // lib.rs is the entry point above every module; nothing reaches up into it.
                None => wrong.push(format!(
                    "{}: `{module}` uses `crate::{used}` from lib.rs",
                    path.display()
                )),
            }
        }
    }
    assert_eq!(wrong, Vec::<String>::new());
    // Every layer names a module that exists, so the list stays true.
    let listed: BTreeSet<String> = LAYERS.iter().map(|l| l.to_string()).collect();
    assert_eq!(listed, modules);
}

#[test]
fn the_path_reader_finds_grouped_and_single_paths() {
    let code = "use crate::{BuildOptions, text::escape, yaml};\nlet x = crate::site::link(a);";
    assert_eq!(
        crate_paths(code),
        ["BuildOptions", "site", "text", "yaml"]
            .into_iter()
            .map(String::from)
            .collect()
    );
}
