//! `torget check` on fixture sites that trigger each finding.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test tool may stop at its own set-up's failure

mod common;

use std::path::Path;

use common::*;

fn check(site: &Path, extra: &[&str]) -> std::process::Output {
    torget()
        .args(["check", "--now", NOW, "--site"])
        .arg(site)
        .args(extra)
        .output()
        .unwrap()
}

#[test]
fn every_kind_of_finding_is_reported_with_its_location_and_warnings_exit_0() {
    let result = check(&fixture("check"), &[]);
    let stdout = String::from_utf8_lossy(&result.stdout);
    assert_eq!(result.status.code(), Some(0), "{stdout}");
    for expected in [
        "content/nyheter/bilder/sv.md:4:1: warning: the lead image has a file name as its alt text",
        "content/nyheter/bilder/sv.md:6:20: warning: the image `karta.png` has no alt text",
        "content/nyheter/bilder/sv.md:8:22: warning: the image `karta.png` has a file name as its alt text",
        "content/nyheter/inaktuell/en.md:2:1: warning: this translation may be stale: the Swedish text was updated on 2024-03-01, after this one",
        "content/nyheter/rubriker/sv.md:2:1: warning: there is no English translation",
        "content/nyheter/rubriker/sv.md:9:1: warning: a level-4 heading follows level 2, skipping a level",
        "content/nyheter/svar/sv.md:5:1: warning: hard to read: LIX 90 (very difficult) is above the site's limit of 45",
        "content/statistik/gammal.yaml:3:1: warning: the source has no `url`, so readers cannot check the figures",
        "content/statistik/gammal.yaml:4:1: warning: the figures were last updated 2519 days ago (2020-01-01), more than 365",
        "content/nyheter/_section.yaml:1:1: warning: this section has no description in Swedish and English, so its listing pages get a generic one made from the title",
        "content/statistik/_section.yaml:1:1: warning: this section has no description in Swedish and English",
        "site.yaml:1:1: warning: the home page has no description in Swedish and English",
        // Neither `accessibility_statement` nor `accessibility:`: the law requires a statement.
        "site.yaml:1:1: warning: the site has no accessibility statement, which lag (2018:1937) requires of a public body's website",
        "help: write the statement's page (e.g. content/tillganglighet/sv.md and en.md)",
        "0 errors, 17 warnings.",
    ] {
        assert!(stdout.contains(expected), "missing: {expected}\n{stdout}");
    }
    // Grouped by file: each file's name stands once on a line of its own.
    assert_eq!(
        stdout
            .lines()
            .filter(|l| *l == "content/nyheter/bilder/sv.md")
            .count(),
        1,
        "{stdout}"
    );
    // The good image and the fresh, full translation raise nothing.
    assert!(!stdout.contains("inaktuell/sv.md:"), "{stdout}");
    assert!(stdout.contains(" 89.9  very difficult content/nyheter/svar/sv.md (13 words, 1 sentence)  <- above the limit"), "{stdout}");
}

#[test]
fn json_output_lists_findings_and_readability_for_tools() {
    let result = check(&fixture("check"), &["--format", "json"]);
    assert_eq!(result.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&result.stdout).expect("valid JSON");
    assert_eq!(report["errors"], 0);
    assert_eq!(report["warnings"], 17);
    let findings = report["findings"].as_array().unwrap();
    let heading = findings
        .iter()
        .find(|f| {
            f["message"]
                .as_str()
                .unwrap()
                .starts_with("a level-4 heading")
        })
        .unwrap();
    assert_eq!(heading["file"], "content/nyheter/rubriker/sv.md");
    assert_eq!(
        (heading["line"].as_u64(), heading["column"].as_u64()),
        (Some(9), Some(1))
    );
    assert_eq!(heading["severity"], "warning");
    let readability = report["readability"].as_array().unwrap();
    assert_eq!(readability.len(), 6);
    let hard = readability
        .iter()
        .find(|r| r["file"] == "content/nyheter/svar/sv.md")
        .unwrap();
    assert_eq!(hard["over_threshold"], true);
    assert_eq!(hard["words"], 13);
    assert_eq!(hard["lang"], "sv");
    // One decimal, as the text report shows it.
    for page in readability {
        let lix = page["lix"].as_f64().unwrap();
        assert_eq!(
            format!("{lix}"),
            format!("{:.1}", lix).trim_end_matches(".0"),
            "{page}"
        );
    }
}

#[test]
fn build_errors_fail_the_check_with_exit_1() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("bad/_base"), &site);
    copy_dir(&fixture("bad/missing-anchor"), &site);
    let result = check(&site, &["--format", "json"]);
    assert_eq!(result.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&result.stdout).expect("valid JSON");
    assert_eq!(report["errors"], 1);
    let error = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["severity"] == "error")
        .unwrap();
    assert_eq!(
        (error["file"].as_str(), error["line"].as_u64()),
        (Some("content/nyheter/fel/sv.md"), Some(5))
    );
    assert!(!site.join("public").exists(), "check wrote output");
}

#[test]
fn the_bundled_site_passes_its_own_check() {
    let result = check(Path::new(env!("CARGO_MANIFEST_DIR")), &[]);
    let stdout = String::from_utf8_lossy(&result.stdout);
    assert_eq!(result.status.code(), Some(0), "{stdout}");
    // Three facts of the accessibility statement only the city can supply
    // (README, "The accessibility statement"); nothing else.
    for expected in [
        "site.yaml:26:1: warning: the accessibility statement does not say how soon readers get an answer",
        "site.yaml:26:1: warning: the statement gives no feedback channel of its own (`feedback:` under `accessibility:`): the contact's address https://malmo.se/ is shown instead",
        "0 errors, 2 warnings.",
    ] {
        assert!(stdout.contains(expected), "missing: {expected}\n{stdout}");
    }
}

#[test]
fn drafts_scheduled_and_expired_articles_are_listed() {
    let result = check(&fixture("basic"), &[]);
    let stdout = String::from_utf8_lossy(&result.stdout);
    assert_eq!(result.status.code(), Some(0), "{stdout}");
    for expected in [
        "content/nyheter/d-utkast/sv.md:4:1: warning: not published in this build: it is a draft",
        "content/nyheter/e-framtida/sv.md:3:1: warning: not published in this build: it is dated in the future",
        "content/nyheter/f-utgangen/sv.md:4:1: warning: not published in this build: it has expired",
    ] {
        assert!(stdout.contains(expected), "missing: {expected}\n{stdout}");
    }
}

#[test]
fn descriptions_left_to_the_generic_sentence_are_reported_where_they_belong() {
    // The home page has a Swedish description only; nothing else has one,
    // and one page has no words of its own to describe it.
    let (_tmp, site) = fixture_with(
        "basic",
        &[
            (
                "content/_index.yaml",
                "title: { sv: Välkommen, en: Welcome }\ndescription: { sv: Om kommunen. }\n",
            ),
            (
                "content/nyheter/g-bara-rubrik/sv.md",
                "---\ntitle: Bara en rubrik\ndate: 2020-04-01\n---\n## Mellanrubrik\n",
            ),
        ],
    );
    let config = std::fs::read_to_string(site.join("site.yaml")).unwrap();
    let config: String = config
        .lines()
        .filter(|l| !l.starts_with("description:"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(site.join("site.yaml"), config).unwrap();

    let result = check(&site, &[]);
    let stdout = String::from_utf8_lossy(&result.stdout);
    assert_eq!(result.status.code(), Some(0), "{stdout}");
    for expected in [
        "content/_index.yaml:2:1: warning: the home page has no description in English, so search engines and link previews get a generic one",
        "help: add `description: { en: … }` to content/_index.yaml",
        "content/nyheter/_section.yaml:1:1: warning: this section has no description in Swedish and English, so its listing pages get a generic one made from the title",
        "help: add `description: { sv: …, en: … }` here, or one for the whole site to site.yaml",
        "content/statistik/_section.yaml:1:1: warning: this section has no description in Swedish and English",
        "content/nyheter/g-bara-rubrik/sv.md:2:1: warning: this page has no summary, no opening paragraph and no section or site description to fall back on",
        "help: add `summary: …` with a sentence about the page",
    ] {
        assert!(stdout.contains(expected), "missing: {expected}\n{stdout}");
    }
    // Pages with a summary or an opening paragraph have a description of their own.
    assert!(!stdout.contains("nyheter/a-forsta/sv.md:"), "{stdout}");
    assert_eq!(stdout.matches("generic").count(), 4, "{stdout}");

    // With a site-wide description nothing falls back to the generic sentence.
    let result = check(&fixture("basic"), &[]);
    let stdout = String::from_utf8_lossy(&result.stdout);
    assert!(!stdout.contains("description"), "{stdout}");
}

#[test]
fn a_translation_that_fails_to_load_is_reported_once_not_as_missing() {
    let (_tmp, site) = fixture_with(
        "basic",
        &[(
            "content/nyheter/a-forsta/en.md",
            "---\ntitel: Broken\n---\nText.\n",
        )],
    );
    let result = check(&site, &[]);
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&result.stdout),
        String::from_utf8_lossy(&result.stderr)
    );
    assert_eq!(result.status.code(), Some(1), "{all}");
    assert!(
        all.contains("content/nyheter/a-forsta/en.md:2:1: error: unknown key `titel`"),
        "{all}"
    );
    assert!(
        !all.lines().any(
            |l| l.trim_start().starts_with("content/nyheter/a-forsta/sv.md")
                && l.contains("there is no English translation")
        ),
        "{all}"
    );
    // Nor does a link to it from another English page fall back to the
    // Swedish page and report its anchor missing there.
    assert!(
        !all.contains("has no heading or anchor `#background`"),
        "{all}"
    );
    assert!(all.contains("1 error, "), "{all}");
}
