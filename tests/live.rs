//! `serve`'s rebuilds after an edit: only what the edit touches is rendered,
//! and the result is byte for byte what a fresh build makes.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test tool may stop at its own set-up's failure

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use torget::BuildOptions;
use torget::live::LiveSite;
use torget::output::Files;

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
    if let Some(difference) = difference(live.files(), &memory.into_files()) {
        panic!("{step}: {difference}");
    }
}

/// How the live files differ from a fresh build's: the files missing or
/// left over, else the first file that differs, with the first lines that do.
fn difference(current: &Files, fresh: &Files) -> Option<String> {
    let missing: Vec<&String> = fresh.keys().filter(|k| !current.contains_key(*k)).collect();
    let extra: Vec<&String> = current.keys().filter(|k| !fresh.contains_key(*k)).collect();
    if !missing.is_empty() || !extra.is_empty() {
        return Some(format!("files missing {missing:?}, left over {extra:?}"));
    }
    let differing: Vec<&String> = fresh.keys().filter(|k| current[*k] != fresh[*k]).collect();
    let first = differing.first()?;
    Some(format!(
        "{first} differs from a fresh build ({} file(s) differ: {differing:?})\n{}",
        differing.len(),
        first_difference(&current[*first], &fresh[*first])
    ))
}

/// The first line where `live` and `fresh` part, cut to the part that differs, after the start of the line before it.
fn first_difference(live: &[u8], fresh: &[u8]) -> String {
    let (live, fresh) = (
        String::from_utf8_lossy(live),
        String::from_utf8_lossy(fresh),
    );
    let (live_lines, fresh_lines): (Vec<&str>, Vec<&str>) =
        (live.lines().collect(), fresh.lines().collect());
    let line = (0..live_lines.len().max(fresh_lines.len()))
        .find(|&i| live_lines.get(i) != fresh_lines.get(i))
        .unwrap_or(0);
    let (a, b) = (
        live_lines.get(line).copied().unwrap_or("(end of file)"),
        fresh_lines.get(line).copied().unwrap_or("(end of file)"),
    );
    // Long lines (a minified page) are cut around the first character that differs.
    let column = a
        .chars()
        .zip(b.chars())
        .position(|(x, y)| x != y)
        .unwrap_or_else(|| a.chars().count().min(b.chars().count()));
    let cut = |text: &str| -> String {
        let start = column.saturating_sub(80);
        let mut part: String = text.chars().skip(start).take(160).collect();
        if start > 0 {
            part.insert(0, '…');
        }
        part
    };
    let before = line
        .checked_sub(1)
        .and_then(|i| fresh_lines.get(i))
        .map(|l| l.chars().take(120).collect::<String>())
        .unwrap_or_default();
    format!(
        "  line {}:\n    before: {before}\n    live:   {}\n    fresh:  {}",
        line + 1,
        cut(a),
        cut(b)
    )
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
