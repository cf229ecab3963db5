//! Structure every page must have, checked without a browser: table captions
//! and scoped headers, image alt texts, one h1, heading levels in order, and
//! the language switch marked with its language.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test tool may stop at its own set-up's failure

mod common;

use std::path::Path;

use common::*;
use scraper::{ElementRef, Selector};

fn select<'a>(element: ElementRef<'a>, selector: &str) -> Vec<ElementRef<'a>> {
    element
        .select(&Selector::parse(selector).unwrap())
        .collect()
}

/// Every structural problem in the pages of `out`, as "page: problem".
fn problems(out: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for (path, _) in tree(out).into_iter().filter(|(p, _)| p.ends_with(".html")) {
        let document = html(out, &path);
        let root = document.root_element();
        for table in select(root, "table") {
            if select(table, "caption").is_empty() {
                found.push(format!("{path}: a table without a caption"));
            }
            for th in select(table, "th") {
                if th.value().attr("scope").is_none() {
                    found.push(format!(
                        "{path}: a table header without scope: {}",
                        th.text().collect::<String>()
                    ));
                }
            }
        }
        for img in select(root, "img") {
            if img.value().attr("alt").is_none_or(|a| a.trim().is_empty()) {
                found.push(format!("{path}: an image without alt text"));
            }
        }
        if select(root, "h1").len() != 1 {
            found.push(format!("{path}: {} h1 elements", select(root, "h1").len()));
        }
        let mut previous = 0;
        for heading in select(root, "main h1, main h2, main h3, main h4, main h5, main h6") {
            let level: usize = heading.value().name()[1..].parse().unwrap();
            if level > previous + 1 {
                found.push(format!(
                    "{path}: h{level} after h{previous}: {}",
                    heading.text().collect::<String>()
                ));
            }
            previous = level;
        }
        for link in select(root, "nav.language-switch a") {
            if link.value().attr("lang").is_none() || link.value().attr("hreflang").is_none() {
                found.push(format!(
                    "{path}: a language switch link without lang and hreflang"
                ));
            }
        }
        if select(root, "svg[role=img]")
            .iter()
            .any(|svg| select(*svg, "title").is_empty() || select(*svg, "desc").is_empty())
        {
            found.push(format!("{path}: a chart without title and desc"));
        }
    }
    found
}

#[test]
fn the_bundled_site_and_the_fixture_are_structurally_sound() {
    let tmp = tempfile::tempdir().unwrap();
    for (name, site) in [
        (
            "bundled",
            Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf(),
        ),
        ("basic", fixture("basic")),
        ("statistics", fixture("statistics")),
    ] {
        let out = tmp.path().join(name);
        let result = build(&site, &out, &[]);
        assert!(
            result.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&result.stderr)
        );
        assert_eq!(problems(&out), Vec::<String>::new(), "{name}");
    }
}

#[test]
fn the_checks_catch_what_they_look_for() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("bad.html"),
        "<html><body><main><h1>A</h1><h3>Skips</h3><h1>Two</h1><table><tr><th>x</th></tr></table><img src=a.png></main>\
         <nav class=language-switch><a href=x>English</a></nav></body></html>",
    )
    .unwrap();
    let found = problems(tmp.path());
    assert_eq!(found.len(), 6, "{found:#?}");
}

#[test]
fn redirect_pages_are_structurally_sound() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    common::copy_dir(&fixture("basic"), &site);
    // A page that moved (a redirect from the record), and an alias.
    let file = site.join("content/nyheter/a-forsta/sv.md");
    let text = std::fs::read_to_string(&file).unwrap().replace(
        "title: Första nyheten\n",
        "title: Flyttad nyhet\naliases: [/gammal/]\n",
    );
    std::fs::write(&file, text).unwrap();
    let out = tmp.path().join("out");
    let result = build(&site, &out, &[]);
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    assert!(out.join("nyheter/forsta-nyheten/index.html").is_file());
    assert!(out.join("gammal/index.html").is_file());
    assert_eq!(problems(&out), Vec::<String>::new());
}
