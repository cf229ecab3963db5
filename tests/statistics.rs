//! Statistics as official statistics publish them (DESIGN.md "Statistics,
//! second edition"): statuses in brackets after values and explained under
//! the table, sources and other figures named and linked, running totals
//! without increase wording, how a dataset is kept on its page, revisions in
//! the feed, the statistics calendar, and `check` on a passed `next_update`.
//! The fixture `tests/fixtures/statistics` holds made-up figures only.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test tool may stop at its own set-up's failure

mod common;

use std::path::{Path, PathBuf};

use common::*;
use scraper::{Html, Selector};

fn built() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    assert_success(&build(&fixture("statistics"), &out, &[]));
    (tmp, out)
}

/// The cells of each body row of the first trend table in `document`, whitespace collapsed.
fn rows(document: &Html) -> Vec<Vec<String>> {
    let row = Selector::parse(".trend-table tbody tr").unwrap();
    let cell = Selector::parse("th, td").unwrap();
    document
        .select(&row)
        .map(|r| {
            r.select(&cell)
                .map(|c| {
                    let text: String = c.text().collect();
                    text.split_whitespace().collect::<Vec<_>>().join(" ")
                })
                .collect()
        })
        .collect()
}

fn row<'a>(rows: &'a [Vec<String>], period: &str) -> &'a [String] {
    rows.iter()
        .find(|r| r[0] == period)
        .unwrap_or_else(|| panic!("no row {period} in {rows:?}"))
}

/// The inner HTML of the notes under the table whose text contains `text`.
fn note_html(document: &Html, text: &str) -> String {
    let selector = Selector::parse(".table-notes li").unwrap();
    document
        .select(&selector)
        .find(|li| li.text().collect::<String>().contains(text))
        .map(|li| li.inner_html())
        .unwrap_or_else(|| panic!("no note with {text:?}"))
}

#[test]
fn statuses_follow_their_values_in_brackets_and_only_those_shown_are_explained() {
    let (_tmp, out) = built();
    let sv = html(&out, "statistik/skjutningar/index.html");
    let table = rows(&sv);
    assert_eq!(row(&table, "2024")[1], "8 [d] [p]");
    assert_eq!(row(&table, "2023")[1], "40 [r]");
    assert_eq!(row(&table, "2018")[1], "45 [b]");
    // A figure that is not available reads as its status alone.
    assert_eq!(row(&table, "2020")[1], "[x]");
    assert_eq!(row(&table, "2017")[1], "50");
    let explained: Vec<String> = texts(&sv, ".table-notes li .status");
    assert_eq!(explained, ["[d]", "[p]", "[r]", "[x]", "[b]"]);
    let notes = texts(&sv, ".table-notes li");
    for explanation in [
        "[d] Delår: värdet gäller bara en del av perioden.",
        "[p] Preliminär uppgift som kan komma att ändras.",
        "[r] Reviderad: uppgiften har ändrats sedan den först publicerades.",
        "[x] Uppgift saknas: siffran finns inte tillgänglig.",
        "[b] Brott i serien: värdet kan inte jämföras med perioderna före.",
    ] {
        assert!(notes.iter().any(|n| n == explanation), "{notes:?}");
    }
    let en = html(&out, "en/statistics/skjutningar/index.html");
    assert_eq!(row(&rows(&en), "2024")[1], "8 [d] [p]");
    assert!(
        texts(&en, ".table-notes li")
            .iter()
            .any(|n| n == "[r] Revised: the figure has changed since it was first published."),
    );
    // Only the statuses a table shows are explained: one for the running total, none for the population.
    let call_in = html(&out, "statistik/call-in/index.html");
    assert_eq!(texts(&call_in, ".table-notes li .status"), ["[d]"]);
    let population = html(&out, "statistik/befolkning/index.html");
    assert!(texts(&population, ".table-notes li .status").is_empty());
}

#[test]
fn the_change_column_says_why_there_is_none_across_a_break() {
    let (_tmp, out) = built();
    let sv = rows(&html(&out, "statistik/skjutningar/index.html"));
    let broken = row(&sv, "2018");
    assert_eq!(broken[4], "ingen jämförelse: brott i serien", "{broken:?}");
    assert!(!broken[2].contains('+') && !broken[2].contains('−'));
    // The year after the break compares with it.
    assert_eq!(row(&sv, "2019")[2], "−1");
    let en = rows(&html(&out, "en/statistics/skjutningar/index.html"));
    assert_eq!(row(&en, "2018")[4], "no comparison: break in the series");
}

#[test]
fn a_value_names_and_links_its_source_and_the_figures_others_published() {
    let (_tmp, out) = built();
    let sv = html(&out, "statistik/skjutningar/index.html");
    let notes = texts(&sv, ".table-notes li");
    assert!(
        notes.iter().any(|n| n
            == "2016: 61 (Testby kommun, 2017). Andra publicerade uppgifter: 59 (Testtidningen)."),
        "{notes:?}"
    );
    let note = note_html(&sv, "2016: 61");
    assert!(
        note.contains("<a href=\"https://example.org/kommunen\">Testby kommun</a>"),
        "{note}"
    );
    assert!(
        note.contains("<a href=\"https://example.org/tidningen\">Testtidningen</a>"),
        "{note}"
    );
    // Values from the dataset's own source get no note of their own.
    assert!(!notes.iter().any(|n| n.starts_with("2017:")), "{notes:?}");
    // The main source, linked and dated in the page's language.
    assert_eq!(
        texts(&sv, ".table-source"),
        ["Källa: Polisen, 20 juni 2024. Uppgifterna sammanställdes den 20 juni 2024."]
    );
    assert_eq!(
        attrs(&sv, ".table-source a", "href"),
        ["https://example.org/polisen"]
    );
    let en = html(&out, "en/statistics/skjutningar/index.html");
    assert!(
        texts(&en, ".table-notes li").iter().any(|n| n
            == "2016: 61 (Testby Municipality, 2017). Other published figures: 59 (The Test Gazette)."),
    );
    assert_eq!(
        texts(&en, ".table-source"),
        ["Source: The Police, 20 June 2024. Figures compiled on 20 June 2024."]
    );
}

#[test]
fn a_derived_rate_cites_the_sources_of_both_datasets() {
    let (_tmp, out) = built();
    let sv = html(&out, "statistik/skjutningar-per-invanare/index.html");
    assert_eq!(
        texts(&sv, ".table-source"),
        [
            "Källor: Polisen; Statistikbyrån, feb 2024 (Befolkning i Testby). Uppgifterna sammanställdes den 20 juni 2024."
        ]
    );
    assert_eq!(
        attrs(&sv, ".table-source a", "href"),
        ["https://example.org/polisen", "https://example.org/scb"]
    );
    let en = html(&out, "en/statistics/skjutningar-per-invanare/index.html");
    assert!(texts(&en, ".table-source")[0].starts_with(
        "Sources: The Police; The Statistics Bureau, Feb 2024 (Population of Testby)."
    ));
}

#[test]
fn a_running_total_is_never_an_increase_and_shows_its_latest_known_value() {
    let (_tmp, out) = built();
    for (page, header, words) in [
        (
            "statistik/call-in/index.html",
            ["År", "Möten sammanlagt (möten)", "Förändring"],
            ["ökning", "minskning", "%"],
        ),
        (
            "en/statistics/call-in/index.html",
            ["Year", "Meetings in all (meetings)", "Change"],
            ["increase", "decrease", "%"],
        ),
    ] {
        let document = html(&out, page);
        assert_eq!(texts(&document, ".trend-table thead th"), header);
        let table = texts(&document, ".trend").join(" ");
        for word in words {
            assert!(!table.contains(word), "{page}: {word} in {table}");
        }
        // What each period added is still shown, as a number.
        assert_eq!(row(&rows(&document), "2020")[2], "+1");
    }
    let notes = texts(
        &html(&out, "statistik/call-in/index.html"),
        ".table-notes li",
    );
    assert!(
        notes
            .iter()
            .any(|n| n == "Värdena är löpande summor: varje värde räknar med alla före det."),
        "{notes:?}"
    );
    // Listings give the latest known total, from part of a year, with no trend;
    // the value's note (a sentence, often) stays with the table.
    let latest = |page: &str| -> Vec<String> { texts(&html(&out, page), ".latest") };
    assert!(
        latest("statistik/index.html")
            .contains(&"Totalt hittills: 6 [d] (2024, del av året)".into())
    );
    assert!(latest("index.html").contains(&"Totalt hittills: 6 [d] (2024, del av året)".into()));
    assert!(
        latest("en/statistics/index.html")
            .contains(&"Total so far: 6 [d] (2024, part of the year)".into())
    );
    // A count still gives its latest full value and which way it went, with its status.
    assert!(
        latest("statistik/index.html")
            .contains(&"Senaste värde: 40 [r] (2023), ökning jämfört med 2022 (försämring)".into())
    );
    // A `trend` block shows the running total as its page does.
    let article = html(&out, "om-statistiken/index.html");
    let block = texts(&article, ".trend-embed .trend").join(" ");
    assert!(block.contains("6 [d]"), "{block}");
    assert!(!block.contains("ökning") && !block.contains('%'), "{block}");
}

#[test]
fn a_part_year_total_without_a_note_says_it_is_part_of_the_year() {
    let text = std::fs::read_to_string(fixture("statistics/content/statistik/call-in.yaml"))
        .unwrap()
        .replace(
            "{ value: 6, status: [d], note: { sv: t.o.m. juni, en: by June } }",
            "{ value: 6, status: [d] }",
        );
    let (_tmp, site) = fixture_with("statistics", &[("content/statistik/call-in.yaml", &text)]);
    let out = site.parent().unwrap().join("public");
    assert_success(&build(&site, &out, &[]));
    let sv = texts(&html(&out, "statistik/index.html"), ".latest");
    assert!(
        sv.contains(&"Totalt hittills: 6 [d] (2024, del av året)".into()),
        "{sv:?}"
    );
    let en = texts(&html(&out, "en/statistics/index.html"), ".latest");
    assert!(
        en.contains(&"Total so far: 6 [d] (2024, part of the year)".into()),
        "{en:?}"
    );
}

#[test]
fn the_dataset_page_says_how_the_figures_are_kept() {
    let (_tmp, out) = built();
    let sv = html(&out, "statistik/skjutningar/index.html");
    assert_eq!(texts(&sv, ".dataset-about h2"), ["Om statistiken"]);
    assert_eq!(
        attrs(&sv, ".dataset-about", "aria-labelledby"),
        ["dataset-about"]
    );
    assert_eq!(
        texts(&sv, ".dataset-about dt"),
        ["Uppdateras", "Nästa uppdatering", "Kontakt"]
    );
    let facts = texts(&sv, ".dataset-about dd");
    assert_eq!(facts[0], "en gång om året");
    assert_eq!(facts[1], "31 mars 2027 (Statistikkalender)");
    assert_eq!(
        facts[2],
        "Statistikenheten statistik@example.org https://example.org/statistik-kontakt"
    );
    assert_eq!(
        attrs(&sv, ".dataset-about dd time", "datetime"),
        ["2027-03-31"]
    );
    let links = attrs(&sv, ".dataset-about dd a", "href");
    assert_eq!(
        links,
        [
            "../kalender/",
            "mailto:statistik@example.org",
            "https://example.org/statistik-kontakt"
        ]
    );
    // Revisions, newest first, each with its date.
    assert_eq!(
        texts(&sv, ".dataset-about h3"),
        ["Ändringar i publicerade siffror"]
    );
    assert_eq!(
        texts(&sv, ".revisions li"),
        [
            "20 juni 2024: 2023 reviderat från 39 till 40.",
            "15 januari 2024: Äldre ändring."
        ]
    );
    assert_eq!(
        attrs(&sv, ".revisions time", "datetime"),
        ["2024-06-20", "2024-01-15"]
    );
    let en = html(&out, "en/statistics/skjutningar/index.html");
    assert_eq!(
        texts(&en, ".dataset-about dt"),
        ["Updated", "Next update", "Contact"]
    );
    assert_eq!(
        texts(&en, ".dataset-about dd")[1],
        "31 March 2027 (Statistics calendar)"
    );
    assert_eq!(
        texts(&en, ".revisions li")[0],
        "20 June 2024: 2023 revised from 39 to 40."
    );
    // Without a contact of its own, a dataset names the site's.
    let call_in = html(&out, "en/statistics/call-in/index.html");
    assert_eq!(
        texts(&call_in, ".dataset-about dd")[1],
        "The test municipality's contact centre kontakt@example.org https://example.org/kontakt"
    );
    assert!(texts(&call_in, ".revisions li").is_empty());
}

fn feed_entries(out: &Path, file: &str) -> Vec<(String, String, String, String)> {
    let text = read(out, file);
    let document = roxmltree::Document::parse(&text).unwrap();
    let child = |node: roxmltree::Node<'_, '_>, name: &str| -> String {
        node.children()
            .find(|c| c.has_tag_name(name))
            .map(|c| {
                if name == "link" {
                    c.attribute("href").unwrap_or_default().to_string()
                } else {
                    c.text().unwrap_or_default().to_string()
                }
            })
            .unwrap_or_default()
    };
    document
        .descendants()
        .filter(|n| n.has_tag_name("entry"))
        .map(|e| {
            (
                child(e, "title"),
                child(e, "link"),
                child(e, "id"),
                child(e, "updated"),
            )
        })
        .collect()
}

#[test]
fn a_datasets_newest_revision_is_an_entry_of_the_feed_in_each_language() {
    let (_tmp, out) = built();
    assert_eq!(
        feed_entries(&out, "atom.xml"),
        [(
            "Ändrad statistik: Skjutningar i Testby".to_string(),
            "https://example.org/statistik/skjutningar/".to_string(),
            "https://example.org/statistik/skjutningar/#revision-2024-06-20".to_string(),
            "2024-06-20T00:00:00+02:00".to_string(),
        )]
    );
    let en = feed_entries(&out, "en/atom.xml");
    assert_eq!(en.len(), 1);
    assert_eq!(en[0].0, "Revised statistics: Shootings in Testby");
    assert_eq!(en[0].1, "https://example.org/en/statistics/skjutningar/");
    assert!(read(&out, "en/atom.xml").contains("<summary>2023 revised from 39 to 40.</summary>"));
    // The feed's own date is the revision's.
    assert!(
        read(&out, "atom.xml").contains("<updated>2024-06-20T00:00:00+02:00</updated>\n<author>")
    );
}

#[test]
fn the_calendar_lists_upcoming_and_overdue_updates_in_each_language() {
    let (_tmp, out) = built();
    let sv = html(&out, "statistik/kalender/index.html");
    assert_eq!(texts(&sv, "h1"), ["Statistikkalender"]);
    assert_eq!(
        texts(&sv, "section.calendar h2"),
        ["Kommande uppdateringar", "Försenade uppdateringar"]
    );
    let lists = texts(&sv, "section.calendar li");
    assert_eq!(
        lists,
        [
            "31 mars 2027: Skjutningar i Testby",
            "30 juni 2026: Call in-möten i Testby"
        ]
    );
    assert_eq!(
        attrs(&sv, "section.calendar li a", "href"),
        ["../skjutningar/", "../call-in/"]
    );
    assert_eq!(
        attrs(&sv, "section.calendar time", "datetime"),
        ["2027-03-31", "2026-06-30"]
    );
    assert_eq!(
        attrs(&sv, "link[rel=alternate][hreflang=en]", "href"),
        ["https://example.org/en/statistics/calendar/"]
    );
    let en = html(&out, "en/statistics/calendar/index.html");
    assert_eq!(texts(&en, "h1"), ["Statistics calendar"]);
    assert_eq!(
        texts(&en, "section.calendar li"),
        [
            "31 March 2027: Shootings in Testby",
            "30 June 2026: Call-in meetings in Testby"
        ]
    );
    // In the statistics section's breadcrumbs.
    assert_eq!(
        texts(&en, ".breadcrumbs a"),
        ["Welcome", "Statistics", "Statistics calendar"]
    );
    // Linked from the statistics section's listing, and in the sitemap.
    assert_eq!(
        attrs(
            &html(&out, "statistik/index.html"),
            ".calendar-link a",
            "href"
        ),
        ["kalender/"]
    );
    assert_eq!(
        attrs(
            &html(&out, "en/statistics/index.html"),
            ".calendar-link a",
            "href"
        ),
        ["calendar/"]
    );
    let sitemap = read(&out, "sitemap.xml");
    assert!(sitemap.contains("<loc>https://example.org/statistik/kalender/</loc>"));
    assert!(sitemap.contains("<loc>https://example.org/en/statistics/calendar/</loc>"));
    assert!(broken_internal_links(&out, "/").is_empty());
}

#[test]
fn a_calendar_built_later_lists_every_passed_date_as_overdue() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let output = torget()
        .args(["build", "--now", "2027-04-01", "--site"])
        .arg(fixture("statistics"))
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert_success(&output);
    let sv = html(&out, "statistik/kalender/index.html");
    assert_eq!(
        texts(&sv, "section.calendar h2"),
        ["Kommande uppdateringar", "Försenade uppdateringar"]
    );
    assert_eq!(
        texts(&sv, "section.calendar:not(.calendar-overdue) p"),
        ["Inga uppdateringar är planerade just nu."]
    );
    assert_eq!(
        texts(&sv, ".calendar-overdue li"),
        [
            "30 juni 2026: Call in-möten i Testby",
            "31 mars 2027: Skjutningar i Testby"
        ]
    );
}

#[test]
fn without_a_next_update_there_is_no_calendar() {
    let (_tmp, site) = fixture_with("charts", &[]);
    let out = site.parent().unwrap().join("public");
    assert_success(&build(&site, &out, &[]));
    assert!(!out.join("statistik/kalender").exists());
    assert!(texts(&html(&out, "statistik/index.html"), ".calendar-link").is_empty());
}

fn check(now: &str, messages: &str) -> Vec<String> {
    let result = torget()
        .args(["check", "--messages", messages, "--now", now, "--site"])
        .arg(fixture("statistics"))
        .output()
        .unwrap();
    assert_eq!(
        result.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    let report = String::from_utf8(result.stdout).unwrap();
    let mut lines: Vec<String> = report.lines().map(str::to_string).collect();
    // The hint is the line after its finding.
    lines.retain(|l| {
        l.contains("next update") || l.contains("nästa uppdatering") || l.contains("next_update")
    });
    lines
}

#[test]
fn check_warns_once_the_next_update_has_passed() {
    // Before either date: nothing to say.
    assert!(check("2026-06-29", "en").is_empty());
    // After the call-in figures were due: a warning at their `next_update` line, with a hint.
    let after = check("2026-11-24", "en");
    assert!(
        after.iter().any(|l| l.contains(
            "content/statistik/call-in.yaml:4:1: warning: the next update was due on 2026-06-30, which has passed"
        )),
        "{after:#?}"
    );
    assert!(
        after
            .iter()
            .any(|l| l.contains("set `next_update:`") && l.contains("move `next_update:`")),
        "{after:#?}"
    );
    assert!(
        !after.iter().any(|l| l.contains("skjutningar.yaml")),
        "{after:#?}"
    );
    // After both dates, both; in Swedish too.
    let later = check("2027-04-01", "sv");
    assert!(
        later.iter().any(|l| l.contains(
            "content/statistik/skjutningar.yaml:6:1: varning: nästa uppdatering skulle ha kommit 2027-03-31, och det datumet har passerat"
        )),
        "{later:#?}"
    );
    assert!(
        later
            .iter()
            .any(|l| l.contains("content/statistik/call-in.yaml:4:1")),
        "{later:#?}"
    );
}

/// The files `serve` holds must be those of a fresh build, byte for byte.
fn assert_same_as_fresh(live: &torget::live::LiveSite, options: &torget::BuildOptions, step: &str) {
    let (memory, _) = torget::build_in_memory(options)
        .unwrap_or_else(|e| panic!("{step}: a fresh build failed: {e:?}"));
    let fresh = memory.into_files();
    let current = live.files();
    let names = |files: &torget::output::Files| files.keys().cloned().collect::<Vec<_>>();
    assert_eq!(names(current), names(&fresh), "{step}: other files");
    for (name, bytes) in fresh.iter() {
        assert!(
            current[name] == *bytes,
            "{step}: {name} differs from a fresh build:\n{}",
            String::from_utf8_lossy(&current[name])
        );
    }
}

#[test]
fn serve_keeps_the_calendar_the_feed_and_the_listings_right_after_each_save() {
    let (_tmp, site) = fixture_with("statistics", &[]);
    let options = torget::BuildOptions {
        site: std::fs::canonicalize(&site).unwrap(),
        out: None,
        drafts: false,
        base_url: Some("http://127.0.0.1:8000/".to_string()),
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
        for_disk: false,
    };
    let mut live = torget::live::LiveSite::new(options.clone());
    live.build_all().expect("the fixture builds");
    assert_same_as_fresh(&live, &options, "first build");
    let population = "content/statistik/befolkning.yaml";
    let call_in = "content/statistik/call-in.yaml";
    let shootings = "content/statistik/skjutningar.yaml";
    let read_fixture = |file: &str| std::fs::read_to_string(site.join(file)).unwrap();
    let edits: Vec<(&str, &str, String)> = vec![
        (
            "a dataset gets a next update: the calendar lists it",
            population,
            read_fixture(population).replace("updated:", "next_update: 2027-02-21\nupdated:"),
        ),
        (
            "a running total gets a new part-year value",
            call_in,
            read_fixture(call_in).replace("2024: { value: 6", "2024: { value: 7"),
        ),
        (
            "a dataset gets a new revision: the feed has it",
            shootings,
            read_fixture(shootings).replace(
                "revisions:\n",
                "revisions:\n  - { date: 2024-09-01, note: { sv: Ny ändring., en: A new change. } }\n",
            ),
        ),
        (
            "the next update moves: the calendar's order changes",
            shootings,
            read_fixture(shootings).replace("next_update: 2027-03-31", "next_update: 2026-12-01"),
        ),
        (
            "a new dataset with a next update",
            "content/statistik/ny.yaml",
            "title: { sv: Ny, en: New }\nunit: { sv: st, en: pcs }\nsource: { name: { sv: K, en: S } }\n\
             updated: 2024-01-01\nnext_update: 2027-01-10\nseries:\n  - key: a\n    label: { sv: A, en: A }\n    \
             values:\n      2023: 3\n"
                .to_string(),
        ),
        (
            "the section moves: the calendar moves with it",
            "content/statistik/_section.yaml",
            "title: { sv: Statistik, en: Figures }\nslug: { sv: siffror }\nsort: title\n".to_string(),
        ),
    ];
    for (what, file, text) in &edits {
        let path = std::fs::canonicalize(&site).unwrap().join(file);
        std::fs::write(&path, text).unwrap();
        live.rebuild(&[path])
            .unwrap_or_else(|e| panic!("{what}: the rebuild failed: {e:?}"));
        assert_same_as_fresh(&live, &options, what);
    }
    // Every next update gone: so is the calendar, and the link to it.
    for file in [population, call_in, shootings, "content/statistik/ny.yaml"] {
        let text = std::fs::read_to_string(site.join(file)).unwrap();
        let without: String = text
            .lines()
            .filter(|l| !l.starts_with("next_update:"))
            .map(|l| format!("{l}\n"))
            .collect();
        let path = std::fs::canonicalize(&site).unwrap().join(file);
        std::fs::write(&path, without).unwrap();
        live.rebuild(&[path]).expect("rebuilt");
        assert_same_as_fresh(&live, &options, &format!("{file} without its next update"));
    }
    assert!(!live.files().keys().any(|f| f.contains("kalender")));
}

#[test]
fn the_calendar_speaks_every_language_of_the_site() {
    let text = std::fs::read_to_string(fixture("languages/content/statistik/testserie.yaml"))
        .unwrap()
        .replace(
            "updated: 2019-11-13\n",
            "updated: 2019-11-13\nnext_update: 2027-01-15\n",
        );
    let (_tmp, site) = fixture_with("languages", &[("content/statistik/testserie.yaml", &text)]);
    let out = site.parent().unwrap().join("public");
    assert_success(&build(&site, &out, &[]));
    for (page, lang, heading, date) in [
        (
            "statistik/kalender/index.html",
            "sv",
            "Statistikkalender",
            "15 januari 2027",
        ),
        (
            "en/statistics/calendar/index.html",
            "en",
            "Statistics calendar",
            "15 January 2027",
        ),
        (
            "fi/tilastot/kalenteri/index.html",
            "fi",
            "Tilastokalenteri",
            "15. tammikuuta 2027",
        ),
        ("ar/ihsaat/taqwim/index.html", "ar", "تقويم الإحصاءات", ""),
    ] {
        let document = html(&out, page);
        assert_eq!(attrs(&document, "html", "lang"), [lang], "{page}");
        assert_eq!(texts(&document, "h1"), [heading], "{page}");
        let entry = texts(&document, "section.calendar li");
        assert_eq!(entry.len(), 1, "{page}");
        assert!(entry[0].starts_with(date), "{page}: {entry:?}");
        // Every language version names the others.
        let mut alternates = attrs(&document, "link[rel=alternate][hreflang]", "hreflang");
        alternates.sort();
        assert_eq!(alternates, ["ar", "en", "fi", "sv"], "{page}");
    }
    assert_eq!(
        attrs(&html(&out, "ar/ihsaat/taqwim/index.html"), "html", "dir"),
        ["rtl"]
    );
}

#[test]
fn a_derived_rate_keeps_its_decimals_and_unit_to_itself() {
    let (_tmp, out) = built();
    let sv = html(&out, "statistik/skjutningar-per-invanare/index.html");
    let rows = rows(&sv);
    // The count keeps the whole numbers it was written with; the rate has one decimal.
    assert_eq!(row(&rows, "2022")[1], "35");
    assert_eq!(row(&rows, "2023")[1..3], ["36", "+1"]);
    assert_eq!(row(&rows, "2023")[5], "10,0");
    let headers = texts(&sv, ".trend-table thead th");
    assert_eq!(headers[1], "Skjutningar");
    assert_eq!(headers[5], "Per 100 000 invånare");
    let dir = out.join("statistik/skjutningar-per-invanare");
    let stat: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("skjutningar-per-invanare.jsonstat.json")).unwrap(),
    )
    .unwrap();
    let units = &stat["dimension"]["series"]["category"]["unit"];
    assert_eq!(units["skjutningar"]["decimals"], 0);
    assert_eq!(units["skjutningar"]["label"], "skjutningar");
    assert_eq!(units["per-100000"]["decimals"], 1);
    assert_eq!(units["per-100000"]["label"], "Per 100 000 invånare");
    let csvw: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("skjutningar-per-invanare.csv-metadata.json")).unwrap(),
    )
    .unwrap();
    let columns = csvw["tableSchema"]["columns"].as_array().unwrap();
    let unit_of = |name: &str| {
        columns.iter().find(|c| c["name"] == name).unwrap()["schema:unitText"][0]["@value"].clone()
    };
    assert_eq!(unit_of("skjutningar"), "skjutningar");
    assert_eq!(unit_of("per%2D100000"), "Per 100 000 invånare");
}

#[test]
fn check_warns_of_a_revision_dated_in_the_future() {
    let report = |now: &str, messages: &str| {
        let result = torget()
            .args(["check", "--messages", messages, "--now", now, "--site"])
            .arg(fixture("statistics"))
            .output()
            .unwrap();
        String::from_utf8(result.stdout).unwrap()
    };
    // Between the two revisions: the later one is not yet made.
    let between = report("2024-03-01", "en");
    assert!(
        between.contains(
            "content/statistik/skjutningar.yaml:13:13: warning: a revision dated in the future: 2024-06-20"
        ),
        "{between}"
    );
    assert!(!between.contains("future: 2024-01-15"), "{between}");
    let sv = report("2024-03-01", "sv");
    assert!(
        sv.contains("en revidering daterad i framtiden: 2024-06-20"),
        "{sv}"
    );
    assert!(!report("2026-11-24", "en").contains("revision dated in the future"));
}
