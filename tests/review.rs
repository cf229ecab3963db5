//! Ownership and review: `owner`, `reviewed` and `review_by` in front matter,
//! `owners:` and `review_after_days` in site.yaml, "Granskad …" on the page,
//! overdue pages by owner in `check` (and `check --overdue`), and `new`
//! filling in the default owner.
//!
//! The fixture `review` is checked as of 2026-11-24 (`NOW`), with reviews due
//! 180 days after `reviewed`:
//! - `om/sv.md` (trygghet), reviewed 2026-01-10: due 2026-07-09;
//! - `om/en.md` (trygghet), reviewed 2026-10-01: not due;
//! - `kontakt/sv.md` (webb), reviewed 2024-01-01, `review_by` 2026-11-24: due today;
//! - `nyheter/a-mote/sv.md` (no owner), reviewed 2025-12-01: due 2026-05-30;
//! - `nyheter/b-ny/sv.md` (webb), `review_by` 2026-12-31: not due;
//! - `nyheter/c-aldrig/sv.md` (trygghet): never reviewed;
//! - `nyheter/d-utkast/sv.md`: a draft reviewed in 2020, not published, so not checked.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test tool may stop at its own set-up's failure

mod common;

use std::fs;
use std::path::Path;

use common::*;

fn check(site: &Path, extra: &[&str]) -> std::process::Output {
    torget()
        .args(["check", "--site"])
        .arg(site)
        .args(extra)
        .output()
        .unwrap()
}

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn json(output: &std::process::Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).expect("valid JSON")
}

#[test]
fn check_lists_the_pages_due_by_owner_with_the_day_they_were_due() {
    let result = check(&fixture("review"), &["--now", NOW]);
    let out = stdout(&result);
    assert_eq!(result.status.code(), Some(0), "{out}");
    for expected in [
        "content/om/sv.md:4:1: warning: this page was due for review on 2026-07-09",
        "content/nyheter/a-mote/sv.md:4:1: warning: this page was due for review on 2026-05-30",
        // `review_by` decides, though it is later than 180 days after `reviewed`; due on the day itself.
        "content/kontakt/sv.md:6:1: warning: this page was due for review on 2026-11-24",
        "help: read the page through and correct what is out of date, then write the date of your review in `reviewed`, e.g. `reviewed: 2026-11-24`, and a new date in `review_by`, or remove it",
    ] {
        assert!(out.contains(expected), "missing: {expected}\n{out}");
    }
    let grouped = out
        .split("Due for review, by owner")
        .nth(1)
        .unwrap_or_else(|| panic!("no grouped list:\n{out}"));
    let expected = " (a page is due 180 days after `reviewed`, or on its `review_by`)
  The safety team (trygghet) · trygghet@example.org · 040-00 00 00 · https://example.org/trygghet/
    due 2026-07-09  content/om/sv.md (reviewed 2026-01-10)
  The web desk (webb)
    due 2026-11-24  content/kontakt/sv.md (reviewed 2024-01-01)
  No owner
    due 2026-05-30  content/nyheter/a-mote/sv.md (reviewed 2025-12-01)

Never reviewed (no `reviewed` or `review_by`, so not counted as due): 1 page
    content/nyheter/c-aldrig/sv.md (trygghet)
";
    assert!(grouped.starts_with(expected), "{grouped}");
    // Pages not yet due, and a draft that is not published, are not listed.
    for absent in ["om/en.md", "b-ny", "d-utkast"] {
        assert!(!grouped.contains(absent), "{absent} listed:\n{out}");
    }
    assert_eq!(out.matches("due for review on").count(), 3, "{out}");
    // Other findings are still there.
    assert!(out.contains("there is no English translation"), "{out}");
}

#[test]
fn check_says_it_in_swedish_too() {
    let result = check(&fixture("review"), &["--now", NOW, "--messages", "sv"]);
    let out = stdout(&result);
    for expected in [
        "content/om/sv.md:4:1: varning: sidan skulle ha granskats senast 2026-07-09",
        "Dags att granska, per ansvarig",
        "  Trygghetsteamet (trygghet) · trygghet@example.org",
        "  Ingen ansvarig",
        "    senast 2026-05-30  content/nyheter/a-mote/sv.md (granskad 2025-12-01)",
        "Aldrig granskade (saknar `reviewed` och `review_by`, så de räknas inte som försenade): 1 sida",
    ] {
        assert!(out.contains(expected), "missing: {expected}\n{out}");
    }
}

#[test]
fn json_gives_the_groups_and_stable_rule_ids() {
    let result = check(&fixture("review"), &["--now", NOW, "--format", "json"]);
    assert_eq!(result.status.code(), Some(0));
    let report = json(&result);
    let overdue: Vec<&serde_json::Value> = (report["findings"].as_array().unwrap().iter())
        .filter(|f| f["rule"] == "review-overdue")
        .collect();
    assert_eq!(overdue.len(), 3, "{report:#}");
    assert_eq!(overdue[0]["file"], "content/kontakt/sv.md");
    assert_eq!(
        (overdue[0]["line"].as_u64(), overdue[0]["severity"].as_str()),
        (Some(6), Some("warning"))
    );
    let reviews = &report["reviews"];
    assert_eq!(reviews["review_after_days"], 180);
    let groups = reviews["due"].as_array().unwrap();
    let owners: Vec<&serde_json::Value> = groups.iter().map(|g| &g["owner"]).collect();
    assert_eq!(
        owners,
        [
            &serde_json::json!("trygghet"),
            &serde_json::json!("webb"),
            &serde_json::Value::Null
        ]
    );
    let safety = &groups[0];
    assert_eq!(safety["contact"]["name"]["sv"], "Trygghetsteamet");
    assert_eq!(safety["contact"]["email"], "trygghet@example.org");
    let page = &safety["pages"][0];
    assert_eq!(page["file"], "content/om/sv.md");
    assert_eq!(page["lang"], "sv");
    assert_eq!(page["title"], "Om kommunen");
    assert_eq!(page["reviewed"], "2026-01-10");
    assert_eq!(page["review_by"], serde_json::Value::Null);
    assert_eq!(page["due"], "2026-07-09");
    assert_eq!(page["days_overdue"], 138);
    assert_eq!(groups[1]["pages"][0]["days_overdue"], 0);
    assert_eq!(groups[2]["contact"], serde_json::Value::Null);
    let never: Vec<&str> = (reviews["never_reviewed"].as_array().unwrap().iter())
        .map(|p| p["file"].as_str().unwrap())
        .collect();
    assert_eq!(never, ["content/nyheter/c-aldrig/sv.md"]);
}

#[test]
fn overdue_shows_only_the_pages_due_and_errors() {
    let result = check(&fixture("review"), &["--now", NOW, "--overdue"]);
    let out = stdout(&result);
    assert_eq!(result.status.code(), Some(0), "{out}");
    assert!(out.contains("The safety team (trygghet)"), "{out}");
    assert!(out.contains("0 errors, 3 warnings."), "{out}");
    for absent in ["there is no English translation", "Readability", "draft"] {
        assert!(!out.contains(absent), "{absent} shown:\n{out}");
    }

    let report = json(&check(
        &fixture("review"),
        &["--now", NOW, "--overdue", "--format", "json"],
    ));
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 3);
    assert!(findings.iter().all(|f| f["rule"] == "review-overdue"));
    assert_eq!(report["readability"], serde_json::json!([]));
    assert_eq!(report["reviews"]["due"].as_array().unwrap().len(), 3);

    // An error still fails the check, and is shown.
    let (_tmp, site) = fixture_with(
        "review",
        &[(
            "content/nyheter/b-ny/sv.md",
            "---\ntitle: Ny nyhet\ndate: 2026-11-01\nowner: web\n---\nText.\n",
        )],
    );
    let result = check(&site, &["--now", NOW, "--overdue"]);
    let all = format!(
        "{}{}",
        stdout(&result),
        String::from_utf8_lossy(&result.stderr)
    );
    assert_eq!(result.status.code(), Some(1), "{all}");
    assert!(all.contains("unknown owner `web`"), "{all}");
}

#[test]
fn the_check_date_decides_what_is_due() {
    // Half a year earlier only the January news item was due (on 2026-05-30).
    let report = json(&check(
        &fixture("review"),
        &["--now", "2026-06-01", "--overdue", "--format", "json"],
    ));
    let groups = report["reviews"]["due"].as_array().unwrap();
    assert_eq!(groups.len(), 1, "{report:#}");
    assert_eq!(groups[0]["owner"], serde_json::Value::Null);
    assert_eq!(groups[0]["pages"][0]["days_overdue"], 2);
    // Two years on, every page with a date is due, the English one too.
    let report = json(&check(
        &fixture("review"),
        &["--now", "2028-11-24", "--overdue", "--format", "json"],
    ));
    assert_eq!(
        report["findings"].as_array().unwrap().len(),
        5,
        "{report:#}"
    );
}

#[test]
fn a_site_that_records_no_reviews_gets_no_review_noise() {
    for site in [
        fixture("basic"),
        Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf(),
    ] {
        let result = check(&site, &["--now", NOW]);
        let out = stdout(&result);
        for absent in ["Due for review", "Never reviewed", "due for review on"] {
            assert!(!out.contains(absent), "{absent}:\n{out}");
        }
        let report = json(&check(&site, &["--now", NOW, "--format", "json"]));
        assert_eq!(report["reviews"]["due"], serde_json::json!([]));
        assert_eq!(report["reviews"]["never_reviewed"], serde_json::json!([]));
        assert_eq!(report["reviews"]["review_after_days"], 365);
    }
}

#[test]
fn the_page_shows_when_it_was_reviewed_and_who_answers_for_it() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    assert_success(&build(&fixture("review"), &out, &[]));

    let page = html(&out, "om-kommunen/index.html");
    assert_eq!(
        texts(&page, ".dates"),
        ["Granskad 10 januari 2026 · Sidansvarig: Trygghetsteamet"]
    );
    assert_eq!(attrs(&page, ".dates time", "datetime"), ["2026-01-10"]);
    assert_eq!(
        attrs(&page, ".dates a", "href"),
        ["https://example.org/trygghet/"]
    );

    let page = html(&out, "en/about-the-municipality/index.html");
    assert_eq!(
        texts(&page, ".dates"),
        ["Reviewed 1 October 2026 · Page owner: The safety team"]
    );

    // Beside the other dates; an owner without a web address is not a link.
    let page = html(&out, "kontakta-oss/index.html");
    assert_eq!(
        texts(&page, ".dates"),
        ["Senast uppdaterad 1 mars 2026 · Granskad 1 januari 2024 · Sidansvarig: Webbredaktionen"]
    );
    assert_eq!(attrs(&page, ".dates a", "href"), Vec::<String>::new());
    let page = html(&out, "nyheter/mote-i-januari/index.html");
    assert_eq!(
        texts(&page, ".dates"),
        ["Publicerad 5 januari 2026 · Granskad 1 december 2025"]
    );

    // Not reviewed: no "Granskad"; `review_by` alone is not shown to readers.
    let page = read(&out, "nyheter/ny-nyhet/index.html");
    assert!(!page.contains("Granskad"), "{page}");
    assert!(page.contains("Sidansvarig: Webbredaktionen"), "{page}");
}

#[test]
fn without_owners_in_site_yaml_any_owner_is_allowed_and_not_named() {
    let (tmp, site) = fixture_with(
        "basic",
        &[(
            "content/om/sv.md",
            "---\ntitle: Om kommunen\nslug: om-oss\nowner: vem-som-helst\nreviewed: 2026-02-03\n---\nOm oss.\n\n## Kontakt\n",
        )],
    );
    let out = tmp.path().join("public");
    assert_success(&build(&site, &out, &[]));
    let page = html(&out, "om-oss/index.html");
    assert_eq!(texts(&page, ".dates"), ["Granskad 3 februari 2026"]);
}

/// The build's report for `site`: it must fail.
fn failed_build(site: &Path) -> String {
    let tmp = tempfile::tempdir().unwrap();
    let result = build(site, &tmp.path().join("public"), &[]);
    let stderr = String::from_utf8_lossy(&result.stderr).into_owned();
    assert_eq!(result.status.code(), Some(1), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
}

#[test]
fn bad_review_keys_in_front_matter_are_located_errors() {
    let (_tmp, site) = fixture_with(
        "review",
        &[
            (
                "content/om/sv.md",
                "---\ntitle: Om kommunen\nowner: tryghet\nreviewed: 2026-01-10\nreview_by: 2025-06-01\n---\nText.\n",
            ),
            (
                "content/om/en.md",
                "---\ntitle: About\nowner: safety\nreviewed: 2026-02-30\n---\nText.\n",
            ),
            (
                "content/kontakt/sv.md",
                "---\ntitle: Kontakt\nowner: nobody\n---\nText.\n",
            ),
            (
                "content/nyheter/b-ny/sv.md",
                "---\ntitle: Ny\ndate: 2026-11-01\nreview_by: snart\n---\nText.\n",
            ),
        ],
    );
    let stderr = failed_build(&site);
    for expected in [
        "content/om/sv.md:3:8: error: unknown owner `tryghet`: it is not under `owners:` in site.yaml",
        "help: did you mean `trygghet`?",
        "content/om/sv.md:5:12: error: `review_by` (2025-06-01) is before `reviewed` (2026-01-10)",
        "content/om/en.md:4:11: error: in `reviewed`: invalid date `2026-02-30`",
        "content/kontakt/sv.md:3:8: error: unknown owner `nobody`",
        "help: the owners in site.yaml are `trygghet`, `webb`; write one of them, or add `nobody` under `owners:`",
        "content/nyheter/b-ny/sv.md:4:12: error: in `review_by`: invalid date `snart`",
    ] {
        assert!(stderr.contains(expected), "missing: {expected}\n{stderr}");
    }
    // In Swedish as well.
    let tmp = tempfile::tempdir().unwrap();
    let result = build(&site, &tmp.path().join("public"), &["--messages", "sv"]);
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        stderr.contains("content/om/sv.md:3:8: fel: okänd ansvarig `tryghet`"),
        "{stderr}"
    );
    assert!(stderr.contains("tips: menade du `trygghet`?"), "{stderr}");
}

#[test]
fn bad_owners_in_site_yaml_are_located_errors() {
    let config = fs::read_to_string(fixture("review/site.yaml")).unwrap();
    let bad = config
        .replace("review_after_days: 180", "review_after_days: 0")
        .replace(
            "    email: trygghet@example.org",
            "    e-mail: trygghet@example.org",
        );
    let (_tmp, site) = fixture_with("review", &[("site.yaml", &bad)]);
    let stderr = failed_build(&site);
    assert!(
        stderr.contains("site.yaml:11:5: error: in `owners.trygghet`: unknown key `e-mail`"),
        "{stderr}"
    );
    assert!(stderr.contains("help: did you mean `email`?"), "{stderr}");

    let bad = config
        .replace("review_after_days: 180", "review_after_days: -1")
        .replace(
            "    url: https://example.org/trygghet/",
            "    url: example.org/trygghet\n    default: true",
        )
        .replace(
            "name: { sv: Webbredaktionen, en: The web desk }",
            "name: { sv: Webbredaktionen }",
        );
    let (_tmp, site) = fixture_with("review", &[("site.yaml", &bad)]);
    let stderr = failed_build(&site);
    for expected in [
        "site.yaml:7:20: error: `review_after_days` must be at least 1, not -1",
        "site.yaml:13:5: error: the owner `trygghet`'s address `example.org/trygghet` is not a web address",
        "site.yaml:16:5: error: the owner `webb` has no English name",
        "site.yaml:17:5: error: the owner `webb` is marked `default: true`, and so is `trygghet`",
    ] {
        assert!(stderr.contains(expected), "missing: {expected}\n{stderr}");
    }

    let bad = config.replace("review_after_days: 180", "review_after_days: [180]");
    let (_tmp, site) = fixture_with("review", &[("site.yaml", &bad)]);
    let stderr = failed_build(&site);
    assert!(
        stderr
            .contains("site.yaml:7:20: error: in `review_after_days`: wrong type: found sequence"),
        "{stderr}"
    );
}

fn new(site: &Path, args: &[&str]) -> String {
    let result = torget()
        .arg("new")
        .args(args)
        .args(["--now", NOW, "--site"])
        .arg(site)
        .output()
        .unwrap();
    assert_success(&result);
    let created = stdout(&result);
    let path = created
        .lines()
        .find_map(|l| l.strip_prefix("Created "))
        .unwrap_or_else(|| panic!("{created}"));
    fs::read_to_string(path).unwrap()
}

#[test]
fn new_fills_in_the_default_owner_and_explains_the_review_keys() {
    // Two owners, one marked `default: true`.
    let (_tmp, site) = fixture_with("review", &[]);
    let text = new(&site, &["article", "nyheter/nytt"]);
    assert!(text.contains("\nowner: webb\n"), "{text}");
    assert!(
        text.contains("\nreviewed:\n") && text.contains("\nreview_by:\n"),
        "{text}"
    );
    assert!(text.contains("# Granskad (valfritt)"), "{text}");
    assert!(
        text.contains("review_after_days i site.yaml (365 om inget anges)"),
        "{text}"
    );
    // The translation takes the owner of the page it translates, explained in English.
    let sv = site.join("content/nyheter/nytt/sv.md");
    fs::write(&sv, text.replace("owner: webb", "owner: trygghet")).unwrap();
    let english = new(&site, &["article", "nyheter/nytt", "--lang", "en"]);
    assert!(english.contains("\nowner: trygghet\n"), "{english}");
    assert!(english.contains("# Reviewed (optional)"), "{english}");
    let page = new(&site, &["page", "ny-sida", "--lang", "en"]);
    assert!(page.contains("\nowner: webb\n"), "{page}");

    // One owner is the default without being marked.
    let config = fs::read_to_string(fixture("review/site.yaml")).unwrap();
    let one: String = config.split("  webb:").next().unwrap().to_string();
    let (_tmp, site) = fixture_with("review", &[("site.yaml", &one)]);
    assert!(new(&site, &["page", "ny-sida"]).contains("\nowner: trygghet\n"));

    // Two owners and none marked, or no owners at all: the key is left empty.
    let unmarked = config.replace("    default: true\n", "");
    let (_tmp, site) = fixture_with("review", &[("site.yaml", &unmarked)]);
    assert!(new(&site, &["article", "nyheter/nytt"]).contains("\nowner:\n"));
    let (_tmp, site) = fixture_with("basic", &[]);
    assert!(new(&site, &["article", "nyheter/nytt"]).contains("\nowner:\n"));
}

#[test]
fn a_new_article_with_the_default_owner_builds_once_filled() {
    let (tmp, site) = fixture_with("review", &[]);
    let text = new(&site, &["article", "nyheter/nytt"]);
    let filled = text
        .replace("«Skriv rubriken här»", "Nytt")
        .replace("draft: true", "draft: false")
        .lines()
        .filter(|l| !l.contains('«') || l.starts_with("# "))
        .collect::<Vec<_>>()
        .join("\n")
        .replace("reviewed:\n", "reviewed: 2026-11-24\n");
    fs::write(site.join("content/nyheter/nytt/sv.md"), filled).unwrap();
    let out = tmp.path().join("public");
    assert_success(&build(&site, &out, &[]));
    let page = html(&out, "nyheter/nytt/index.html");
    assert_eq!(
        texts(&page, ".dates"),
        ["Publicerad 24 november 2026 · Granskad 24 november 2026 · Sidansvarig: Webbredaktionen"]
    );
}

/// `serve` after edits to the review keys gives exactly what a fresh build gives.
#[test]
fn serve_shows_review_edits_as_a_fresh_build_does() {
    use torget::BuildOptions;
    use torget::live::LiveSite;

    let (_tmp, site) = fixture_with("review", &[]);
    let options = BuildOptions {
        site: fs::canonicalize(&site).unwrap(),
        out: None,
        drafts: false,
        base_url: Some("http://127.0.0.1:8000/".to_string()),
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
        for_disk: false,
    };
    let same_as_fresh = |live: &LiveSite, step: &str| {
        let (fresh, _) = torget::build_in_memory(&options)
            .unwrap_or_else(|e| panic!("{step}: a fresh build failed: {e:?}"));
        let fresh = fresh.into_files();
        let differing: Vec<&std::sync::Arc<str>> = (fresh.keys().chain(live.files().keys()))
            .filter(|k| fresh.get(*k) != live.files().get(*k))
            .collect();
        assert!(differing.is_empty(), "{step}: {differing:?} differ");
    };
    let mut live = LiveSite::new(options.clone());
    live.build_all().expect("the fixture builds");
    same_as_fresh(&live, "first build");

    let om = "content/om/sv.md";
    let page = |owner: &str, review: &str| {
        format!("---\ntitle: Om kommunen\n{owner}{review}---\nOm kommunen och hur den arbetar.\n")
    };
    let steps = [
        (
            om,
            page("owner: trygghet\n", "reviewed: 2026-11-20\n"),
            "reviewed again",
            true,
        ),
        (
            om,
            page("owner: webb\n", "reviewed: 2026-11-20\n"),
            "another owner",
            true,
        ),
        (om, page("", "reviewed: 2026-11-20\n"), "no owner", true),
        (om, page("owner: webbb\n", ""), "an unknown owner", false),
        (
            om,
            page("owner: webb\n", ""),
            "the owner mended, not reviewed",
            true,
        ),
        (
            om,
            page("", "reviewed: 2026-11-20\nreview_by: 2026-01-01\n"),
            "review_by before reviewed",
            false,
        ),
        (
            om,
            page("owner: trygghet\n", "reviewed: 2026-01-10\n"),
            "as it was",
            true,
        ),
    ];
    for (file, text, step, builds) in &steps {
        let path = options.site.join(file);
        fs::write(&path, text).unwrap();
        let rebuilt = live.rebuild(&[path]);
        assert_eq!(rebuilt.is_ok(), *builds, "{step}: {rebuilt:?}");
        if *builds {
            same_as_fresh(&live, step);
        }
    }
    // A new name for an owner in site.yaml reaches the pages that name it.
    let config = fs::read_to_string(site.join("site.yaml")).unwrap();
    let path = options.site.join("site.yaml");
    fs::write(&path, config.replace("Trygghetsteamet", "Trygghetsgruppen")).unwrap();
    live.rebuild(&[path]).expect("renamed");
    same_as_fresh(&live, "the owner renamed");
    assert!(
        String::from_utf8_lossy(&live.files()["om-kommunen/index.html"])
            .contains("Trygghetsgruppen")
    );
}

#[test]
fn a_review_dated_after_the_day_of_the_check_is_a_warning() {
    let (_tmp, site) = fixture_with("review", &[]);
    let file = site.join("content/om/sv.md");
    let text = fs::read_to_string(&file).unwrap();
    fs::write(
        &file,
        text.replace("reviewed: 2026-01-10", "reviewed: 2030-01-10"),
    )
    .unwrap();
    let result = check(&site, &["--now", NOW]);
    let out = stdout(&result);
    assert_eq!(result.status.code(), Some(0), "{out}");
    for expected in [
        "content/om/sv.md:4:11: warning: `reviewed` is 2030-01-10, after today (2026-11-24): the page says it was reviewed on a day that has not come",
        "help: write the day you read the page through, e.g. `reviewed: 2026-11-24`",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in:\n{out}");
    }
    // A review on the day of the check is in time.
    fs::write(
        &file,
        text.replace("reviewed: 2026-01-10", "reviewed: 2026-11-24"),
    )
    .unwrap();
    let out = stdout(&check(&site, &["--now", NOW]));
    assert!(!out.contains("after today"), "{out}");
}
