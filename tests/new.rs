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
            ("«kalla»", "testkallan"),
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

const SWEDISH: &str = "---
title: Nytt möte
slug: nytt-mote
date: 2020-03-01 10:30
tags: [sluta skjut, call-in]
image: { src: bild.png, alt: En röd fyrkant }
weight: 3
---
Första stycket.

## Bakgrund

Text.

### Detaljer

Mer text.
";

#[test]
fn an_english_translation_copies_date_tags_image_and_headings_and_builds_linked() {
    let (tmp, site) = site();
    let folder = site.join("content/nyheter/nytt-mote");
    fs::create_dir_all(&folder).unwrap();
    fs::write(folder.join("sv.md"), SWEDISH).unwrap();
    fs::copy(
        site.join("content/nyheter/c-tredje/bild.png"),
        folder.join("bild.png"),
    )
    .unwrap();

    let result = new(&site, &["article", "nyheter/nytt-mote", "--lang", "en"]);
    assert_success(&result);
    let file = folder.join("en.md");
    let text = fs::read_to_string(&file).unwrap();
    for expected in [
        "\n# In Swedish: Nytt möte\ntitle: «Write the headline here»\n",
        "\ndate: 2020-03-01 10:30\n",
        "\ntags: [\"sluta skjut\",\"call-in\"]\n",
        "\n  src: \"bild.png\"\n  # In Swedish: En röd fyrkant\n  alt: «Describe the picture in English»\n",
        "\nweight: 3\n",
        "\n---\n«Translate the first paragraph here.»\n\n## «Translate the heading: Bakgrund»\n\n«Translate the text under this heading.»\n\n### «Translate the heading: Detaljer»\n\n«Translate the text under this heading.»\n",
    ] {
        assert!(text.contains(expected), "lacks {expected:?}:\n{text}");
    }
    // The Swedish file is left as it was.
    assert_eq!(fs::read_to_string(folder.join("sv.md")).unwrap(), SWEDISH);

    let out = tmp.path().join("public");
    let refused = build(&site, &out, &["--drafts"]);
    assert_eq!(refused.status.code(), Some(1));

    fill(
        &file,
        &[
            ("«Write the headline here»", "New meeting"),
            ("draft: true", "draft: false"),
            ("«Describe the picture in English»", "A red square"),
            ("«Translate the first paragraph here.»", "First paragraph."),
            ("«Translate the heading: Bakgrund»", "Background"),
            ("«Translate the heading: Detaljer»", "Details"),
            ("«Translate the text under this heading.»", "Text."),
        ],
    );
    let result = build(&site, &out, &[]);
    assert_success(&result);
    let sv = html(&out, "nyheter/nytt-mote/index.html");
    let en = html(&out, "en/news/new-meeting/index.html");
    for page in [&sv, &en] {
        assert_eq!(
            attrs(page, "link[rel=alternate][hreflang]", "href"),
            [
                "https://example.org/sub/nyheter/nytt-mote/",
                "https://example.org/sub/en/news/new-meeting/"
            ]
        );
    }
    assert_eq!(texts(&en, ".body h2"), ["Background"]);
    assert_eq!(texts(&en, ".body h3"), ["Details"]);
    assert_eq!(
        attrs(&en, "meta[property='og:image']", "content"),
        ["https://example.org/sub/en/news/new-meeting/bild.png"]
    );
    assert_eq!(
        attrs(&en, ".dates time", "datetime"),
        attrs(&sv, ".dates time", "datetime")
    );
    assert_eq!(
        attrs(&sv, ".dates time", "datetime"),
        ["2020-03-01T10:30+01:00"]
    );
}

#[test]
fn a_translation_is_not_made_from_a_file_that_does_not_parse() {
    let (_tmp, site) = site();
    let folder = site.join("content/nyheter/trasig");
    fs::create_dir_all(&folder).unwrap();
    fs::write(
        folder.join("sv.md"),
        "---\ntitle: Trasig\ndate: 2020-13-01\n---\nText.\n",
    )
    .unwrap();
    let result = new(&site, &["article", "nyheter/trasig", "--lang", "en"]);
    assert_eq!(result.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        stderr.contains("content/nyheter/trasig/sv.md:3:7: error: cannot copy from this translation: in `date`: invalid date `2020-13-01`"),
        "{stderr}"
    );
    assert!(stderr.contains("= help: "), "{stderr}");
    assert!(!folder.join("en.md").exists());
}

#[test]
fn a_new_page_stands_outside_sections_and_builds_at_its_name() {
    let (tmp, site) = site();
    let result = new(&site, &["page", "kontakt"]);
    assert_success(&result);
    let file = site.join("content/kontakt/sv.md");
    let text = fs::read_to_string(&file).unwrap();
    assert!(text.contains("\nslug: kontakt\n"), "{text}");
    assert!(text.contains("# Rubriken"), "{text}");

    fill(
        &file,
        &[
            ("«Skriv rubriken här»", "Kontakta oss"),
            ("draft: true", "draft: false"),
            (
                "«Skriv första stycket här. Det blir ingress om du inte skriver en summary.»",
                "Ring oss.",
            ),
            ("«Mellanrubrik»", "Telefon"),
            (
                "«Brödtext. Länka till andra sidor så här: [Nyheter](@/nyheter).»",
                "Se [nyheterna](@/nyheter).",
            ),
        ],
    );
    let out = tmp.path().join("public");
    assert_success(&build(&site, &out, &[]));
    let page = html(&out, "kontakt/index.html");
    assert_eq!(texts(&page, "h1"), ["Kontakta oss"]);

    let again = new(&site, &["page", "kontakt"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
}

#[test]
fn a_page_is_refused_inside_a_section_with_what_to_write_instead() {
    let (_tmp, site) = site();
    for (target, message, hint) in [
        (
            "nyheter/kontakt",
            "content/nyheter: error: `nyheter` is a section; a page stands on its own, outside sections",
            "= help: for an article in the section: `torget new article nyheter/kontakt`",
        ),
        (
            "nyheter",
            "content/nyheter/_section.yaml: error: `nyheter` is a section, so it cannot also be a page",
            "= help: choose another name",
        ),
        (
            "Kontakt oss",
            "the name cannot be used",
            "= help: e.g. `torget new page om-oss`",
        ),
    ] {
        let result = new(&site, &["page", target]);
        assert_eq!(result.status.code(), Some(1), "{target}");
        let stderr = String::from_utf8_lossy(&result.stderr);
        assert!(stderr.contains(message), "{target}: {stderr}");
        assert!(stderr.contains(hint), "{target}: {stderr}");
    }
    assert!(!site.join("content/nyheter/kontakt").exists());
    assert!(!site.join("content/nyheter/sv.md").exists());
}

#[test]
fn a_dataset_is_refused_in_a_section_of_articles_with_where_datasets_go() {
    let (_tmp, site) = site();
    let before = files(&site);
    let result = new(&site, &["dataset", "nyheter/besok"]);
    assert_eq!(result.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        stderr.contains("content/nyheter: error: `nyheter` holds articles, not datasets"),
        "{stderr}"
    );
    assert!(
        stderr.contains("= help: datasets go in a statistics section (`statistik`): `torget new dataset statistik/besok`, or just `torget new dataset besok`"),
        "{stderr}"
    );
    assert_eq!(files(&site), before, "nothing is written");
}

/// Every file under `dir`, relative.
fn files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut found: Vec<_> = walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .map(|e| e.path().strip_prefix(dir).unwrap().to_path_buf())
        .collect();
    found.sort();
    found
}

#[test]
fn a_dataset_is_refused_in_an_empty_section_that_lists_articles_by_date() {
    let (_tmp, site) = fixture_with(
        "basic",
        &[(
            "content/aktuellt/_section.yaml",
            "title: { sv: Aktuellt, en: Current }\nsort: date\n",
        )],
    );
    let result = new(&site, &["dataset", "aktuellt/besok"]);
    assert_eq!(result.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        stderr.contains("content/aktuellt/_section.yaml:2:1: error: `aktuellt` lists articles by date (`sort: date`), not datasets"),
        "{stderr}"
    );
    assert!(
        stderr.contains("= help: datasets go in a statistics section (`statistik`): `torget new dataset statistik/besok`"),
        "{stderr}"
    );
    assert!(!site.join("content/aktuellt/besok.yaml").exists());
}

#[test]
fn a_translation_in_a_language_the_site_does_not_publish_in_is_refused() {
    let (_tmp, site) = site();
    let result = new(&site, &["article", "nyheter/nytt-mote", "--lang", "de"]);
    assert_eq!(result.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        stderr.contains("`de` is not one of the site's languages"),
        "{stderr}"
    );
    assert!(stderr.contains("sv.md, en.md"), "{stderr}");
    assert!(!site.join("content/nyheter/nytt-mote").exists());
}
