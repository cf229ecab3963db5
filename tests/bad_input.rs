//! The catalogue of bad input under `tests/fixtures/bad/`: each case is the
//! `_base` site with the case's files laid over it and an `expected.txt`
//! whose every line must appear in the report. Each must fail with exit 1,
//! without a panic, leaving the previous output exactly as it was.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test tool may stop at its own set-up's failure

mod common;

use std::fs;
use std::path::Path;

use common::*;

fn site_for(case: &str, dir: &Path) {
    copy_dir(&fixture("bad/_base"), dir);
    copy_dir(&fixture(&format!("bad/{case}")), dir);
    fs::remove_file(dir.join("expected.txt")).unwrap();
}

fn check(case: &str) {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    site_for(case, &site);
    let out = tmp.path().join("public");
    fs::create_dir_all(out.join("old")).unwrap();
    fs::write(out.join("index.html"), "previous build").unwrap();
    fs::write(out.join("old/page.html"), "previous page").unwrap();
    let before = tree(&out);

    let result = build(&site, &out, &[]);
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert_eq!(
        result.status.code(),
        Some(1),
        "{case}: exit code; stderr:\n{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{case}: panic:\n{stderr}");
    let expected = fs::read_to_string(fixture(&format!("bad/{case}/expected.txt"))).unwrap();
    for line in expected.lines().filter(|l| !l.trim().is_empty()) {
        assert!(
            stderr.contains(line),
            "{case}: expected\n  {line}\nin the report:\n{stderr}"
        );
    }
    // The offending line is shown under a located error, with a caret.
    if expected.lines().next().is_some_and(|l| {
        l.split(':')
            .nth(1)
            .is_some_and(|n| n.parse::<usize>().is_ok())
    }) {
        assert!(stderr.contains('^'), "{case}: no caret in\n{stderr}");
    }
    assert_eq!(tree(&out), before, "{case}: the previous output changed");
    let beside: Vec<_> = fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        beside.len(),
        2,
        "{case}: something was left beside the output: {beside:?}"
    );
}

macro_rules! bad_input {
    ($($name:ident => $case:literal,)*) => {
        $(#[test] fn $name() { check($case); })*

        #[test]
        fn every_case_in_the_catalogue_has_a_test() {
            let listed = [$($case),*];
            for entry in fs::read_dir(fixture("bad")).unwrap() {
                let name = entry.unwrap().file_name().to_string_lossy().into_owned();
                if name != "_base" {
                    assert!(listed.contains(&name.as_str()), "tests/fixtures/bad/{name} has no test");
                }
            }
        }
    };
}

bad_input! {
    malformed_front_matter => "malformed-front-matter",
    unknown_key => "unknown-key",
    wrong_type => "wrong-type",
    bad_date => "bad-date",
    bad_time => "bad-time",
    duplicate_slug => "duplicate-slug",
    given_slug_already_in_use => "duplicate-given-slug",
    link_to_a_missing_page => "missing-page-link",
    link_to_a_missing_anchor => "missing-anchor",
    escaping_slug => "escaping-slug",
    non_utf8_file => "non-utf8",
    no_front_matter => "no-front-matter",
    section_without_a_title_in_every_language => "section-title-missing",
    translation_in_a_language_the_site_lacks => "unknown-language",
    missing_image => "missing-image",
    several_errors_are_reported_together_in_order => "several-errors",
    misspelt_key_in_site_yaml => "bad-site-yaml",
    dated_article_without_a_date => "dated-without-date",
    broken_theme_template => "template-error",
    dataset_with_a_non_numeric_value => "dataset-non-numeric",
    dataset_with_mixed_period_kinds => "dataset-mixed-periods",
    dataset_with_a_duplicate_period => "dataset-duplicate-period",
    dataset_label_without_a_translation => "dataset-missing-label",
    trend_block_naming_an_unknown_dataset => "unknown-trend",
    empty_file => "empty-file",
    paths_that_try_to_leave_the_article => "escaping-path",
    a_dataset_that_fails_is_reported_once_not_in_each_article_showing_it => "knock-on-dataset",
    a_section_that_fails_is_reported_once_not_in_each_link_to_it => "knock-on-section",
    tab_used_for_indentation => "yaml-tab-indent",
    no_break_space_after_a_key => "yaml-nbsp-after-key",
    zero_width_space_after_a_value => "yaml-zero-width-space",
    typographic_quotes_around_text_with_a_colon => "yaml-typographic-quotes",
    closing_typographic_quotes_in_a_flow_mapping => "yaml-closing-quotes",
    a_day_the_month_does_not_have => "date-february-30",
    a_month_the_year_does_not_have => "date-month-13",
    dash_as_a_missing_dataset_value => "dataset-dash-value",
    dataset_value_that_reads_as_decimals_or_thousands => "dataset-ambiguous-thousands",
    dataset_flagged_value_in_braces_that_reads_two_ways => "dataset-ambiguous-thousands-flagged",
    dataset_flagged_value_on_its_own_line_that_reads_two_ways => "dataset-ambiguous-thousands-block",
    dataset_number_written_with_a_space => "dataset-number-with-space",
    an_alias_that_leaves_the_site_or_holds_a_query => "alias-outside-the-site",
    a_merge_conflict_left_in_the_record_of_addresses => "addresses-merge-conflict",
    accessibility_statement_with_an_unknown_criterion => "accessibility-criterion",
    accessibility_statement_with_an_unknown_status => "accessibility-status",
    accessibility_statement_with_a_date_not_in_the_calendar => "accessibility-date",
    accessibility_statement_facts_without_a_page => "accessibility-no-page",
    a_language_of_parts_torget_does_not_know => "lang-code-unknown",
    accessibility_statement_facts_left_empty => "accessibility-empty-facts",
    accessibility_statement_naming_a_section => "accessibility-statement-on-a-section",
    open_data_settings_that_are_not_addresses_or_lack_a_language => "open-data-settings",
    open_data_dataset_without_a_description => "open-data-dataset-without-description",
    trend_block_with_an_unknown_option => "trend-option",
}

#[test]
fn the_base_of_the_catalogue_builds() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let result = build(&fixture("bad/_base"), &out, &[]);
    assert_success(&result);
}

#[test]
fn an_output_folder_that_would_replace_the_site_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("bad/_base"), &site);
    let before = tree(&site);
    for out in [site.clone(), site.join("content"), tmp.path().to_path_buf()] {
        let result = build(&site, &out, &[]);
        let stderr = String::from_utf8_lossy(&result.stderr);
        assert_eq!(result.status.code(), Some(1), "{stderr}");
        assert!(
            stderr.contains("the output folder would replace the site's own files"),
            "{stderr}"
        );
    }
    assert_eq!(tree(&site), before);
}

#[test]
fn a_missing_site_folder_says_where_it_looked() {
    let tmp = tempfile::tempdir().unwrap();
    let result = build(&tmp.path().join("nowhere"), &tmp.path().join("out"), &[]);
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert_eq!(result.status.code(), Some(1));
    assert!(
        stderr.contains("site.yaml: error: no site.yaml in"),
        "{stderr}"
    );
}

#[cfg(unix)]
fn check_symlink(link: &str, target: &Path, expected: &str) {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("bad/_base"), &site);
    std::os::unix::fs::symlink(target, site.join(link)).unwrap();
    let out = tmp.path().join("public");
    fs::create_dir_all(&out).unwrap();
    fs::write(out.join("index.html"), "previous build").unwrap();
    let result = build(&site, &out, &[]);
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert_eq!(result.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(expected),
        "expected {expected}\nin\n{stderr}"
    );
    assert_eq!(
        fs::read_to_string(out.join("index.html")).unwrap(),
        "previous build"
    );
}

#[cfg(unix)]
#[test]
fn a_symlink_pointing_outside_the_site_is_not_followed() {
    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("secret.txt"), "secret").unwrap();
    check_symlink(
        "content/nyheter/ok/secret.txt",
        &outside.path().join("secret.txt"),
        "content/nyheter/ok/secret.txt: error: this symbolic link points outside the site folder, so it is not followed",
    );
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_reported() {
    check_symlink(
        "content/nyheter/ok/loop",
        Path::new(".."),
        "content/nyheter/ok/loop: error: this symbolic link points back to a folder that contains it (a loop)",
    );
}

#[cfg(unix)]
#[test]
fn a_file_that_is_gone_when_read_is_reported() {
    // A link to nothing is what a file deleted between listing and reading looks like.
    check_symlink(
        "content/nyheter/ok/borta.md",
        Path::new("/nonexistent/torget-test"),
        "content/nyheter/ok/borta.md: error: this file is gone: it was removed while the site was read, or it is a link to nothing",
    );
}

#[cfg(unix)]
#[test]
fn a_symlink_inside_the_site_is_followed() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("bad/_base"), &site);
    fs::create_dir_all(site.join("shared")).unwrap();
    fs::write(site.join("shared/karta.txt"), "karta").unwrap();
    std::os::unix::fs::symlink(
        site.join("shared/karta.txt"),
        site.join("content/nyheter/ok/karta.txt"),
    )
    .unwrap();
    let out = tmp.path().join("public");
    let result = build(&site, &out, &[]);
    assert_success(&result);
    assert_eq!(
        fs::read_to_string(out.join("nyheter/en-fungerande-nyhet/karta.txt")).unwrap(),
        "karta"
    );
}

/// Builds the `_base` site after `change` has been made to a copy of it, over
/// a previous output holding `index.html` = "previous build".
fn build_changed(change: impl FnOnce(&Path)) -> (std::process::Output, tempfile::TempDir) {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("bad/_base"), &site);
    change(&site);
    let out = tmp.path().join("public");
    fs::create_dir_all(&out).unwrap();
    fs::write(out.join("index.html"), "previous build").unwrap();
    let result = build(&site, &out, &[]);
    (result, tmp)
}

#[test]
fn a_byte_order_mark_is_read_past() {
    let (result, tmp) = build_changed(|site| {
        let file = site.join("content/nyheter/ok/sv.md");
        let text = fs::read_to_string(&file).unwrap();
        fs::write(&file, format!("\u{feff}{text}")).unwrap();
    });
    assert_success(&result);
    let page = html(
        &tmp.path().join("public"),
        "nyheter/en-fungerande-nyhet/index.html",
    );
    assert_eq!(texts(&page, "h1"), ["En fungerande nyhet"]);
}

#[test]
fn a_huge_markdown_file_builds_without_trouble() {
    let (result, tmp) = build_changed(|site| {
        let folder = site.join("content/nyheter/stor");
        fs::create_dir_all(&folder).unwrap();
        let paragraph =
            "Ett stycke text om kommunens arbete, upprepat för att bli stort. ".repeat(20);
        let mut text = String::from("---\ntitle: En mycket stor fil\ndate: 2020-01-01\n---\n");
        while text.len() < 50 * 1024 * 1024 {
            text.push_str(&paragraph);
            text.push_str("\n\n");
        }
        fs::write(folder.join("sv.md"), text).unwrap();
    });
    assert_success(&result);
    let size = fs::metadata(
        tmp.path()
            .join("public/nyheter/en-mycket-stor-fil/index.html"),
    )
    .unwrap()
    .len();
    assert!(size > 50 * 1024 * 1024, "the whole text is published");
}

#[test]
fn deeply_nested_folders_are_reported_not_crashed_on() {
    let (result, tmp) = build_changed(|site| {
        let mut folder = site.join("content");
        for level in 0..60 {
            folder = folder.join(format!("niva-{level}"));
        }
        fs::create_dir_all(&folder).unwrap();
        fs::write(folder.join("sv.md"), "---\ntitle: Djupt\n---\nText.\n").unwrap();
    });
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert_eq!(result.status.code(), Some(1), "{stderr}");
    assert!(!stderr.contains("panicked"));
    assert!(
        stderr.contains(
            "error: the folder `content/niva-0` holds articles but has no `_section.yaml`"
        ),
        "{stderr}"
    );
    assert_eq!(
        fs::read_to_string(tmp.path().join("public/index.html")).unwrap(),
        "previous build"
    );
}

#[test]
fn an_output_folder_that_cannot_be_written_is_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    // A file where the output folder's parent should be: nothing can be created there.
    let blocker = tmp.path().join("blocker");
    fs::write(&blocker, "a file").unwrap();
    let result = build(&fixture("bad/_base"), &blocker.join("public"), &[]);
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert_eq!(result.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("cannot create the output folder beside it"),
        "{stderr}"
    );
    assert_eq!(fs::read_to_string(&blocker).unwrap(), "a file");
}
