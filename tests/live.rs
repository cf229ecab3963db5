//! `serve`'s rebuilds after an edit: only what the edit touches is rendered,
//! and the result is byte for byte what a fresh build makes.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test tool may stop at its own set-up's failure

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use torget::BuildOptions;
use torget::live::LiveSite;

fn options(site: &Path, drafts: bool) -> BuildOptions {
    BuildOptions {
        site: fs::canonicalize(site).unwrap(),
        out: None,
        drafts,
        base_url: Some("http://127.0.0.1:8000/".to_string()),
        today: NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
        for_disk: false,
    }
}

/// The live site's files must be exactly those of a fresh build of the same folder.
fn assert_same_as_fresh(live: &LiveSite, options: &BuildOptions, step: &str) {
    let (memory, _) = torget::build_in_memory(options)
        .unwrap_or_else(|e| panic!("{step}: a fresh build failed: {e:?}"));
    let fresh = memory.into_files();
    let current = live.files();
    let missing: Vec<&String> = fresh.keys().filter(|k| !current.contains_key(*k)).collect();
    let extra: Vec<&String> = current.keys().filter(|k| !fresh.contains_key(*k)).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "{step}: files missing {missing:?}, left over {extra:?}"
    );
    for (path, bytes) in &fresh {
        assert!(
            current[path] == *bytes,
            "{step}: {path} differs from a fresh build:\n--- live\n{}\n--- fresh\n{}",
            String::from_utf8_lossy(&current[path]),
            String::from_utf8_lossy(bytes)
        );
    }
}

/// One edit: a file written (or removed, with `None`), and what the rebuild may do.
struct Edit {
    what: &'static str,
    file: &'static str,
    text: Option<&'static str>,
    /// Only the edited file is read again (no full load).
    incremental: bool,
    /// At most this many pages are rendered again.
    at_most: usize,
    /// The edit breaks the site: the rebuild reports it and changes no file.
    breaks: bool,
}

fn apply(site: &Path, edit: &Edit) -> PathBuf {
    let path = fs::canonicalize(site).unwrap().join(edit.file);
    match edit.text {
        Some(text) => {
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(&path, text).unwrap();
        }
        None => fs::remove_file(&path).unwrap(),
    }
    path
}

fn run_edits(drafts: bool, edits: &[Edit]) {
    let (_tmp, site) = common::fixture_with("basic", &[]);
    let options = options(&site, drafts);
    let mut live = LiveSite::new(options.clone());
    let first = live.build_all().expect("the fixture builds");
    assert!(!first.incremental);
    let pages: usize = first.summary.pages.values().sum();
    assert_eq!(
        first.summary.rendered, pages,
        "a full build renders every page"
    );
    assert_same_as_fresh(&live, &options, "first build");
    for edit in edits {
        let path = apply(&site, edit);
        if edit.breaks {
            let before = live.files().clone();
            let errors = live.rebuild(&[path]).expect_err(edit.what);
            assert!(!errors.is_empty());
            assert!(live.files() == &before, "{}: files changed", edit.what);
            continue;
        }
        let rebuilt = live
            .rebuild(&[path])
            .unwrap_or_else(|e| panic!("{}: the rebuild failed: {e:?}", edit.what));
        assert_eq!(rebuilt.incremental, edit.incremental, "{}", edit.what);
        assert!(
            rebuilt.summary.rendered <= edit.at_most,
            "{}: rendered {} pages, expected at most {}",
            edit.what,
            rebuilt.summary.rendered,
            edit.at_most
        );
        assert_same_as_fresh(&live, &options, edit.what);
    }
}

const FIRST_SV: &str = "content/nyheter/a-forsta/sv.md";

#[test]
fn a_typo_fixed_far_down_an_article_renders_only_that_page() {
    let text = fs::read_to_string(common::fixture("basic").join(FIRST_SV)).unwrap();
    let fixed: &'static str = Box::leak(format!("{text}\nEn mening till.\n").into_boxed_str());
    run_edits(
        false,
        &[Edit {
            what: "a sentence added at the end",
            file: FIRST_SV,
            text: Some(fixed),
            incremental: true,
            at_most: 1,
            breaks: false,
        }],
    );
}

#[test]
fn every_kind_of_article_edit_gives_what_a_fresh_build_gives() {
    let edits = [
        Edit {
            what: "a new title (and so a new address), first paragraph and date",
            file: FIRST_SV,
            text: Some(
                "---\ntitle: En ny rubrik\ndate: 2020-04-01\ntags: [test, nytt ämne]\n---\nEtt nytt första stycke om [oss](@/om#kontakt).\n\n## Bakgrund\n\nText.\n\n## Bakgrund\n\nIgen.\n",
            ),
            incremental: true,
            at_most: 40,
            breaks: false,
        },
        Edit {
            what: "the menu's page gets a new title and heading, breaking an anchor",
            file: "content/om/sv.md",
            text: Some(
                "---\ntitle: Om oss\nslug: om-oss\n---\nOm oss.\n\n## Kontakta oss\n\nRing oss.\n",
            ),
            incremental: true,
            at_most: usize::MAX,
            breaks: true,
        },
        Edit {
            what: "the anchor mended",
            file: FIRST_SV,
            text: Some(
                "---\ntitle: En ny rubrik\ndate: 2020-04-01\ntags: [test, nytt ämne]\n---\nEtt nytt första stycke om [oss](@/om#kontakta-oss).\n\n## Bakgrund\n\nText.\n\n## Bakgrund\n\nIgen.\n",
            ),
            incremental: true,
            at_most: 40,
            breaks: false,
        },
        Edit {
            what: "a translation removed",
            file: "content/nyheter/c-tredje/en.md",
            text: None,
            incremental: true,
            at_most: 40,
            breaks: false,
        },
        Edit {
            what: "a translation added",
            file: "content/nyheter/b-andra/en.md",
            text: Some(
                "---\ntitle: Second news item\ndate: 2020-02-01\ntags: [test]\n---\nNow in English too, beside [the first](@/nyheter/a-forsta).\n",
            ),
            incremental: true,
            at_most: 60,
            breaks: false,
        },
        Edit {
            what: "an article expires",
            file: "content/nyheter/b-andra/sv.md",
            text: Some(
                "---\ntitle: Andra nyheten\ndate: 2020-02-01\nexpires: 2021-01-01\n---\nUtgången.\n",
            ),
            incremental: true,
            at_most: 60,
            breaks: false,
        },
        Edit {
            what: "a topic's last article drops it",
            file: "content/nyheter/b-andra/en.md",
            text: Some("---\ntitle: Second news item\ndate: 2020-02-01\n---\nNo topics now.\n"),
            incremental: true,
            at_most: 60,
            breaks: false,
        },
        Edit {
            what: "the section's settings change (a full load)",
            file: "content/nyheter/_section.yaml",
            text: Some(
                "title: { sv: Nyheter, en: News }\nslug: { en: news }\nsort: title\npage_size: 1\n",
            ),
            incremental: false,
            at_most: usize::MAX,
            breaks: false,
        },
        Edit {
            what: "an edit after the full load",
            file: "content/nyheter/c-tredje/sv.md",
            text: Some(
                "---\ntitle: Tredje nyheten\nslug: tredje\ndate: 2020-03-01\n---\nKortare nu, utan bild.\n",
            ),
            incremental: true,
            at_most: 40,
            breaks: false,
        },
    ];
    run_edits(false, &edits);
}

#[test]
fn drafts_shown_in_the_preview_follow_their_edits() {
    let edits = [
        Edit {
            what: "a draft's title changes",
            file: "content/nyheter/d-utkast/sv.md",
            text: Some(
                "---\ntitle: Ett bättre utkast\ndate: 2020-01-05\ndraft: true\ntags: [test]\n---\nSnart klart.\n",
            ),
            incremental: true,
            at_most: 40,
            breaks: false,
        },
        Edit {
            what: "a new article folder (a full load)",
            file: "content/nyheter/g-ny/sv.md",
            text: Some("---\ntitle: En helt ny nyhet\ndate: 2020-05-01\n---\nNy.\n"),
            incremental: false,
            at_most: usize::MAX,
            breaks: false,
        },
    ];
    run_edits(true, &edits);
}

#[test]
fn an_edit_with_an_error_keeps_the_last_good_files_until_it_is_mended() {
    let (_tmp, site) = common::fixture_with("basic", &[]);
    let options = options(&site, false);
    let mut live = LiveSite::new(options.clone());
    live.build_all().expect("the fixture builds");
    let before = live.files().clone();
    let broken = Edit {
        what: "front matter that does not parse",
        file: FIRST_SV,
        text: Some("---\ntitle: [oavslutad\n---\nText.\n"),
        incremental: true,
        at_most: 0,
        breaks: true,
    };
    let errors = live
        .rebuild(&[apply(&site, &broken)])
        .expect_err("a broken file is an error");
    assert!(
        errors
            .iter()
            .any(|d| d.file == Path::new(FIRST_SV) && d.location.is_some()),
        "the error names the file and line: {errors:?}"
    );
    assert!(
        live.files() == &before,
        "the files of the last good build stay"
    );
    let mended = Edit {
        what: "mended",
        file: FIRST_SV,
        text: Some(
            "---\ntitle: Första nyheten\ndate: 2020-01-01\n---\nLagad.\n\n## Bakgrund\n\n## Bakgrund\n",
        ),
        incremental: true,
        at_most: 40,
        breaks: false,
    };
    let rebuilt = live.rebuild(&[apply(&site, &mended)]).expect("mended");
    assert!(rebuilt.incremental);
    assert_same_as_fresh(&live, &options, "after mending");
}

#[test]
fn scratch_files_an_editor_makes_and_removes_change_nothing() {
    let (_tmp, site) = common::fixture_with("basic", &[]);
    let options = options(&site, false);
    let mut live = LiveSite::new(options.clone());
    live.build_all().expect("the fixture builds");
    // vim tests that it may write a folder with a file `4913`, then removes it.
    let scratch = options.site.join("content/nyheter/a-forsta/4913");
    assert!(live.is_unchanged_by(std::slice::from_ref(&scratch)));
    let rebuilt = live.rebuild(&[scratch]).expect("nothing to rebuild");
    assert!(rebuilt.incremental);
    assert_eq!(rebuilt.summary.rendered, 0);
    // A file the site did read, now gone, is a change: the whole site is read again.
    fs::remove_file(options.site.join("content/nyheter/c-tredje/bild.png")).unwrap();
    assert!(!live.is_unchanged_by(&[options.site.join("content/nyheter/c-tredje/bild.png")]));
    fs::write(
        options.site.join("content/nyheter/c-tredje/sv.md"),
        "---\ntitle: Tredje nyheten\nslug: tredje\ndate: 2020-03-01\n---\nUtan bild.\n",
    )
    .unwrap();
    let rebuilt = live
        .rebuild(&[
            options.site.join("content/nyheter/c-tredje/bild.png"),
            options.site.join("content/nyheter/c-tredje/sv.md"),
        ])
        .expect("the site builds without the image");
    assert!(!rebuilt.incremental);
    assert_same_as_fresh(&live, &options, "an image removed");
}
