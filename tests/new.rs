//! `torget new`: files that are refused while they hold placeholders and build once filled.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test tool may stop at its own set-up's failure

mod common;

use std::fs;
use std::path::Path;

use common::*;

fn site() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("basic"), &site);
    (tmp, site)
}

fn new(site: &Path, args: &[&str]) -> std::process::Output {
    torget()
        .arg("new")
        .args(args)
        .args(["--now", NOW])
        .arg("--site")
        .arg(site)
        .output()
        .unwrap()
}

/// Replaces every `«…»` with the text the test chooses for it.
fn fill(path: &Path, replacements: &[(&str, &str)]) {
    let mut text = fs::read_to_string(path).unwrap();
    for (placeholder, value) in replacements {
        text = text.replace(placeholder, value);
    }
    assert!(
        !text.contains('«')
            || text
                .lines()
                .all(|l| !l.contains('«') || l.trim_start().starts_with('#')),
        "unfilled: {text}"
    );
    fs::write(path, text).unwrap();
}

#[test]
fn a_new_article_is_a_draft_with_placeholders_until_filled() {
    let (tmp, site) = site();
    let result = new(&site, &["article", "nyheter/nytt-mote"]);
    assert_success(&result);
    let file = site.join("content/nyheter/nytt-mote/sv.md");
    let text = fs::read_to_string(&file).unwrap();
    assert!(
        text.contains("# Rubriken"),
        "comments are in Swedish: {text}"
    );
    let out = tmp.path().join("public");

    // A draft: the normal build leaves it out, and succeeds.
    assert_success(&build(&site, &out, &[]));
    // Asked to publish drafts, the placeholders stop the build.
    let drafts = build(&site, &out, &["--drafts"]);
    let stderr = String::from_utf8_lossy(&drafts.stderr);
    assert_eq!(drafts.status.code(), Some(1));
    assert!(stderr.contains("content/nyheter/nytt-mote/sv.md:3:8: error: the placeholder `«Skriv rubriken här»` is still here"), "{stderr}");

    fill(
        &file,
        &[
            ("«Skriv rubriken här»", "Nytt möte"),
            ("draft: true", "draft: false"),
            (
                "«Skriv första stycket här. Det blir ingress om du inte skriver en summary.»",
                "Första stycket.",
            ),
            ("«Mellanrubrik»", "Bakgrund"),
            (
                "«Brödtext. Länka till andra sidor så här: [Om Sluta skjut](@/om-sluta-skjut).»",
                "Se [oss](@/om).",
            ),
        ],
    );
    let result = build(&site, &out, &[]);
    assert_success(&result);
    let page = html(&out, "nyheter/nytt-mote/index.html");
    assert_eq!(texts(&page, "h1"), ["Nytt möte"]);
    assert_eq!(attrs(&page, ".body a", "href"), ["../../om-oss/"]);
}

#[test]
fn an_english_translation_can_be_added_beside_and_nothing_is_overwritten() {
    let (_tmp, site) = site();
    assert!(
        new(&site, &["article", "nyheter/nytt-mote"])
            .status
            .success()
    );
    let english = new(&site, &["article", "nyheter/nytt-mote", "--lang", "en"]);
    assert_success(&english);
    assert!(
        fs::read_to_string(site.join("content/nyheter/nytt-mote/en.md"))
            .unwrap()
            .contains("# The headline")
    );

    let file = site.join("content/nyheter/nytt-mote/sv.md");
    fs::write(&file, "edited").unwrap();
    let again = new(&site, &["article", "nyheter/nytt-mote"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&again.stderr)
            .contains("content/nyheter/nytt-mote/sv.md: error: the file already exists")
    );
    assert_eq!(fs::read_to_string(&file).unwrap(), "edited");
}

#[test]
fn a_new_article_needs_an_existing_section_and_a_plain_name() {
    let (_tmp, site) = site();
    for (target, message) in [
        ("saknas/nytt", "there is no section `saknas`"),
        ("nytt", "name the section and the new article"),
        ("nyheter/Nytt Möte", "the name cannot be used"),
        ("../nyheter/x", "there is no section `../nyheter`"),
    ] {
        let result = new(&site, &["article", target]);
        assert_eq!(result.status.code(), Some(1), "{target}");
        let stderr = String::from_utf8_lossy(&result.stderr);
        assert!(stderr.contains(message), "{target}: {stderr}");
    }
    assert!(!site.join("nyheter").exists());
}

#[test]
fn a_new_dataset_goes_to_the_statistics_section_and_builds_once_filled() {
    let (tmp, site) = site();
    let result = new(&site, &["dataset", "besok"]);
    assert_success(&result);
    let file = site.join("content/statistik/besok.yaml");
    let out = tmp.path().join("public");
    let refused = build(&site, &out, &[]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains(
        "content/statistik/besok.yaml:4:14: error: the placeholder `«Rubrik»` is still here"
    ));

    fill(
        &file,
        &[
            ("«Rubrik»", "Besök"),
            ("«Title»", "Visits"),
            ("«Beskrivning»", "Besök per år."),
            ("«Description»", "Visits per year."),
            ("«enhet»", "besök"),
            ("«unit»", "visits"),
            ("«Källans namn»", "Testkällan"),
            ("«Name of the source»", "The test source"),
            ("«https://adress-till-källan»", "https://example.org/besok"),
            ("«nyckel»", "besok"),
            ("«Etikett»", "Besök"),
            ("«Label»", "Visits"),
            ("«2024»: «0»", "2023: 10\n      2024: 12"),
        ],
    );
    let result = build(&site, &out, &[]);
    assert_success(&result);
    let page = html(&out, "statistik/besok/index.html");
    assert_eq!(texts(&page, "caption"), ["Besök, 2023–2024 (besök)"]);
}
