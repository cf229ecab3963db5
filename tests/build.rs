//! Building the `basic` fixture site with the real binary: output tree, pages and links.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test tool may stop at its own set-up's failure

mod common;

use std::fs;
use std::path::Path;

use common::*;

fn built() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let result = build(&fixture("basic"), &out, &[]);
    assert_success(&result);
    (tmp, out)
}

#[test]
fn writes_both_languages_pagination_assets_and_static_files() {
    let (_tmp, out) = built();
    let files: Vec<String> = tree(&out).into_keys().collect();
    assert_eq!(
        files,
        [
            "404.html",
            "amnen/index.html",
            "amnen/test/index.html",
            "atom.xml",
            "dokument/info.txt",
            "en/404.html",
            "en/about/index.html",
            "en/atom.xml",
            "en/index.html",
            "en/news/first/index.html",
            "en/news/index.html",
            "en/news/third/bild.png",
            "en/news/third/index.html",
            "en/only-in-english/index.html",
            "en/search/index.html",
            "en/search/index.js",
            "en/statistics/anmalningar/index.html",
            "en/statistics/index.html",
            "favicon.svg",
            "index.html",
            "nyheter/andra-nyheten-finns-bara-pa-svenska/index.html",
            "nyheter/forsta-nyheten/index.html",
            "nyheter/index.html",
            "nyheter/sida/2/index.html",
            "nyheter/tredje/bild.png",
            "nyheter/tredje/index.html",
            "om-oss/index.html",
            "robots.txt",
            "search.js",
            "sitemap.xml",
            "sok/index.html",
            "sok/index.js",
            "statistik/anmalningar/anmalningar.csv",
            "statistik/anmalningar/anmalningar.csv-metadata.json",
            "statistik/anmalningar/anmalningar.json",
            "statistik/anmalningar/anmalningar.jsonstat.json",
            "statistik/anmalningar/index.html",
            "statistik/index.html",
            "style.css",
        ]
    );
}

#[test]
fn article_pages_carry_language_alternates_canonical_and_dates() {
    let (_tmp, out) = built();
    let sv = html(&out, "nyheter/forsta-nyheten/index.html");
    assert_eq!(attrs(&sv, "html", "lang"), ["sv"]);
    assert_eq!(texts(&sv, "title"), ["Första nyheten | Testkommunen"]);
    assert_eq!(
        attrs(&sv, "link[rel=canonical]", "href"),
        ["https://example.org/sub/nyheter/forsta-nyheten/"]
    );
    assert_eq!(
        attrs(&sv, "link[rel=alternate][hreflang]", "hreflang"),
        ["sv", "en"]
    );
    assert_eq!(
        attrs(&sv, "link[rel=alternate][hreflang]", "href"),
        [
            "https://example.org/sub/nyheter/forsta-nyheten/",
            "https://example.org/sub/en/news/first/"
        ]
    );
    assert_eq!(
        attrs(&sv, "meta[name=description]", "content"),
        ["Det här är ”första” nyheten, om oss."]
    );
    assert_eq!(texts(&sv, "h1"), ["Första nyheten"]);
    assert_eq!(
        texts(&sv, ".dates span:not(.separator)"),
        [
            "Publicerad 1 januari 2020",
            "Senast uppdaterad 15 januari 2020"
        ]
    );
    assert_eq!(
        attrs(&sv, ".dates time", "datetime"),
        ["2020-01-01", "2020-01-15"]
    );

    let switch = "nav.language-switch a";
    assert_eq!(attrs(&sv, switch, "href"), ["../../en/news/first/"]);
    assert_eq!(attrs(&sv, switch, "lang"), ["en"]);
    assert_eq!(attrs(&sv, switch, "hreflang"), ["en"]);
    assert_eq!(texts(&sv, switch), ["English"]);
    assert_eq!(attrs(&sv, "nav.language-switch", "aria-label"), ["Språk"]);

    let en = html(&out, "en/news/first/index.html");
    assert_eq!(attrs(&en, "html", "lang"), ["en"]);
    assert_eq!(
        texts(&en, ".dates span:not(.separator)"),
        ["Published 1 January 2020", "Last updated 15 January 2020"]
    );
    assert_eq!(texts(&en, "nav.language-switch a"), ["Svenska"]);
    assert_eq!(attrs(&en, "nav.language-switch a", "lang"), ["sv"]);
    assert_eq!(
        attrs(&en, "nav.language-switch a", "href"),
        ["../../../nyheter/forsta-nyheten/"]
    );
}

#[test]
fn a_missing_translation_switches_to_the_other_languages_section() {
    let (_tmp, out) = built();
    let page = html(
        &out,
        "nyheter/andra-nyheten-finns-bara-pa-svenska/index.html",
    );
    assert_eq!(
        attrs(&page, "link[rel=alternate][hreflang]", "hreflang"),
        ["sv"]
    );
    assert_eq!(
        attrs(&page, "nav.language-switch a", "href"),
        ["../../en/news/"]
    );
    assert_eq!(
        texts(&page, ".switch-note"),
        ["(sidan finns inte på engelska)"]
    );
    // The editor's summary is the description; the English listing leaves it out.
    assert_eq!(
        attrs(&page, "meta[name=description]", "content"),
        ["En sammanfattning skriven av redaktören."]
    );
    let news = html(&out, "en/news/index.html");
    assert_eq!(
        texts(&news, ".listing-title"),
        ["Third news item", "First news item"]
    );
    // A page outside any section falls back to the other language's home.
    let only_en = html(&out, "en/only-in-english/index.html");
    assert_eq!(attrs(&only_en, "nav.language-switch a", "href"), ["../../"]);
}

#[test]
fn sections_are_paginated_newest_first_and_leave_out_drafts_and_future_articles() {
    let (_tmp, out) = built();
    let first = html(&out, "nyheter/index.html");
    assert_eq!(
        texts(&first, ".listing-title"),
        ["Tredje nyheten", "Andra nyheten finns bara på svenska"]
    );
    assert_eq!(
        attrs(&first, "nav.pagination a[rel=next]", "href"),
        ["sida/2/"]
    );
    assert_eq!(
        attrs(&first, "nav.pagination a[aria-current=page]", "href"),
        ["./"]
    );
    let second = html(&out, "nyheter/sida/2/index.html");
    assert_eq!(texts(&second, ".listing-title"), ["Första nyheten"]);
    assert_eq!(
        attrs(&second, "nav.pagination a[rel=prev]", "href"),
        ["../../"]
    );
    assert_eq!(texts(&second, "h1"), ["Nyheter sida 2 av 2"]);
    let all = fs::read_to_string(out.join("nyheter/index.html")).unwrap()
        + &fs::read_to_string(out.join("nyheter/sida/2/index.html")).unwrap();
    assert!(!all.contains("Ett utkast"));
    assert!(!all.contains("En utgången nyhet"));
    assert!(!out.join("nyheter/en-utgangen-nyhet").exists());
    assert!(!all.contains("En framtida nyhet"));
    assert!(
        html(&out, "en/news/index.html")
            .select(&scraper::Selector::parse("nav.pagination").unwrap())
            .next()
            .is_none()
    );
}

#[test]
fn drafts_and_future_articles_are_built_with_drafts() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let result = build(&fixture("basic"), &out, &["--drafts"]);
    assert_success(&result);
    assert!(out.join("nyheter/ett-utkast/index.html").is_file());
    assert!(out.join("nyheter/en-framtida-nyhet/index.html").is_file());
    // Expired stays expired, drafts or not.
    assert!(!out.join("nyheter/en-utgangen-nyhet").exists());
    assert!(out.join("nyheter/sida/3/index.html").is_file());
}

#[test]
fn at_links_become_relative_urls_in_the_readers_language() {
    let (_tmp, out) = built();
    let third = html(&out, "nyheter/tredje/index.html");
    assert_eq!(
        attrs(&third, ".body > p a", "href"),
        [
            "../forsta-nyheten/#bakgrund-2",
            "../../",
            "bild.png",
            "../../statistik/anmalningar/#tabell"
        ]
    );
    let third_en = html(&out, "en/news/third/index.html");
    assert_eq!(
        attrs(&third_en, ".body a", "href"),
        ["../first/#background"]
    );
    // Falling back to the only translation says which language it is in.
    let second = html(
        &out,
        "nyheter/andra-nyheten-finns-bara-pa-svenska/index.html",
    );
    assert_eq!(
        attrs(&second, ".body a[hreflang]", "href"),
        ["../../en/only-in-english/"]
    );
    assert_eq!(attrs(&second, ".body a[hreflang]", "hreflang"), ["en"]);
}

#[test]
fn headings_get_unique_readable_ids_and_footnotes_link_both_ways() {
    let (_tmp, out) = built();
    let first = html(&out, "nyheter/forsta-nyheten/index.html");
    assert_eq!(attrs(&first, ".body h2", "id"), ["bakgrund", "bakgrund-2"]);
    assert_eq!(attrs(&first, ".footnote-ref a", "href"), ["#fn-1", "#fn-1"]);
    assert_eq!(
        attrs(&first, ".footnote-ref a", "id"),
        ["fnref-1", "fnref-1-2"]
    );
    assert_eq!(attrs(&first, ".footnote", "id"), ["fn-1"]);
    assert_eq!(attrs(&first, ".footnote a", "href"), ["#fnref-1"]);
}

#[test]
fn every_page_has_one_h1_a_title_description_skip_link_and_footer() {
    let (_tmp, out) = built();
    for (path, _) in tree(&out).into_iter().filter(|(p, _)| p.ends_with(".html")) {
        let page = html(&out, &path);
        assert_eq!(texts(&page, "h1").len(), 1, "{path}");
        assert!(!texts(&page, "title")[0].is_empty(), "{path}");
        assert!(
            !attrs(&page, "meta[name=description]", "content")[0].is_empty(),
            "{path}"
        );
        assert_eq!(
            attrs(&page, "body > a.skip-link", "href"),
            ["#main"],
            "{path}"
        );
        assert_eq!(attrs(&page, "main", "id"), ["main"], "{path}");
        let canonical = usize::from(!path.ends_with("404.html"));
        assert_eq!(
            attrs(&page, "link[rel=canonical]", "href").len(),
            canonical,
            "{path}"
        );
        let statement = attrs(&page, "footer a", "href");
        assert!(
            statement.iter().any(|h| h.ends_with("om-oss/")
                || h.ends_with("about/")
                || (h == "./" && (path.starts_with("om-oss") || path.starts_with("en/about")))),
            "{path}: {statement:?}"
        );
    }
}

/// The `basic` fixture with every written description taken out, and a page
/// with nothing but a heading, so no text at all is there to describe it.
fn without_descriptions() -> (tempfile::TempDir, std::path::PathBuf) {
    let (tmp, site) = fixture_with(
        "basic",
        &[(
            "content/nyheter/g-bara-rubrik/sv.md",
            "---\ntitle: Bara en rubrik\ndate: 2020-04-01\n---\n## Mellanrubrik\n",
        )],
    );
    for file in ["site.yaml", "content/statistik/anmalningar.yaml"] {
        let text = fs::read_to_string(site.join(file)).unwrap();
        assert!(text.contains("\ndescription:"), "{file}");
        let kept: String = text
            .lines()
            .filter(|l| !l.starts_with("description:"))
            .map(|l| format!("{l}\n"))
            .collect();
        fs::write(site.join(file), kept).unwrap();
    }
    (tmp, site)
}

#[test]
fn without_any_written_description_no_page_has_an_empty_one() {
    let (tmp, site) = without_descriptions();
    let out = tmp.path().join("public");
    assert_success(&build(&site, &out, &[]));
    let pages: Vec<String> = tree(&out)
        .into_keys()
        .filter(|p| p.ends_with(".html"))
        .collect();
    // Every kind of page is among them.
    for kind in [
        "index.html",
        "nyheter/index.html",
        "nyheter/sida/2/index.html",
        "nyheter/bara-en-rubrik/index.html",
        "amnen/index.html",
        "amnen/test/index.html",
        "sok/index.html",
        "statistik/index.html",
        "statistik/anmalningar/index.html",
        "404.html",
        "en/index.html",
    ] {
        assert!(pages.iter().any(|p| p == kind), "{kind}: {pages:?}");
    }
    for path in &pages {
        let page = html(&out, path);
        let description = attrs(&page, "meta[name=description]", "content");
        let og = attrs(&page, "meta[property='og:description']", "content");
        assert_eq!(description.len(), 1, "{path}");
        assert!(!description[0].trim().is_empty(), "{path}");
        assert_eq!(og, description, "{path}");
    }
    let description = |path: &str| attrs(&html(&out, path), "meta[name=description]", "content");
    assert_eq!(
        description("nyheter/sida/2/index.html"),
        ["Nyheter på webbplatsen Testkommunen."]
    );
    assert_eq!(
        description("en/news/index.html"),
        ["News on the Test Municipality website."]
    );
    assert_eq!(
        description("nyheter/bara-en-rubrik/index.html"),
        ["Bara en rubrik på webbplatsen Testkommunen."]
    );
    assert_eq!(
        description("amnen/index.html"),
        ["Ämnen på webbplatsen Testkommunen."]
    );
    // A page with text of its own still uses it.
    assert_eq!(
        description("nyheter/forsta-nyheten/index.html"),
        ["Det här är ”första” nyheten, om oss."]
    );
}

#[test]
fn a_section_without_a_description_takes_the_sites() {
    let (_tmp, out) = built();
    assert_eq!(
        attrs(
            &html(&out, "nyheter/index.html"),
            "meta[name=description]",
            "content"
        ),
        ["En webbplats för tester."]
    );
}

#[test]
fn every_internal_link_resolves_to_a_file() {
    let (_tmp, out) = built();
    assert_eq!(broken_internal_links(&out, "/sub/"), Vec::<String>::new());
}

#[test]
fn two_builds_give_identical_bytes() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    assert_success(&build(&fixture("basic"), &a, &[]));
    assert_success(&build(&fixture("basic"), &b, &[]));
    assert_eq!(tree(&a), tree(&b));
}

#[test]
fn a_rebuild_replaces_the_previous_output_and_leaves_nothing_beside_it() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    fs::create_dir_all(&out).unwrap();
    fs::write(out.join("stale.html"), "old").unwrap();
    assert_success(&build(&fixture("basic"), &out, &[]));
    assert!(!out.join("stale.html").exists());
    let beside: Vec<_> = fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(beside, [std::ffi::OsString::from("public")]);
}

#[test]
fn base_url_can_be_overridden_for_a_staging_build() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    assert!(
        build(
            &fixture("basic"),
            &out,
            &["--base-url", "https://staging.example.org/x/"]
        )
        .status
        .success()
    );
    let home = html(&out, "index.html");
    assert_eq!(
        attrs(&home, "link[rel=canonical]", "href"),
        ["https://staging.example.org/x/"]
    );
}

#[test]
fn the_home_page_lists_sections_and_renders_the_intro() {
    let (_tmp, out) = built();
    let home = html(&out, "index.html");
    assert_eq!(texts(&home, "h1"), ["Välkommen"]);
    assert_eq!(texts(&home, ".intro em"), ["startsidan"]);
    assert_eq!(texts(&home, ".home-section h2"), ["Nyheter", "Statistik"]);
    assert_eq!(
        texts(&home, ".home-section .listing-title"),
        [
            "Tredje nyheten",
            "Andra nyheten finns bara på svenska",
            "Första nyheten",
            "Anmälningar per kvartal"
        ]
    );
    assert_eq!(
        attrs(&home, "nav.main-menu a", "href"),
        ["nyheter/", "om-oss/"]
    );
}

#[test]
fn article_html_snapshot() {
    let (_tmp, out) = built();
    let page = read(&out, "nyheter/forsta-nyheten/index.html");
    insta::assert_snapshot!(page);
}

#[test]
fn a_site_without_a_themes_folder_uses_the_built_in_theme_and_overrides_replace_single_files() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("basic"), &site);
    assert!(!site.join("themes").exists());
    fs::create_dir_all(site.join("themes/default/i18n")).unwrap();
    let strings = include_str!("../themes/default/i18n/sv.yaml")
        .replace("Hoppa till innehållet", "Till innehållet");
    fs::write(site.join("themes/default/i18n/sv.yaml"), strings).unwrap();
    let out = tmp.path().join("public");
    let result = build(&site, &out, &[]);
    assert_success(&result);
    assert_eq!(
        texts(&html(&out, "index.html"), ".skip-link"),
        ["Till innehållet"]
    );
    assert_eq!(
        texts(&html(&out, "en/index.html"), ".skip-link"),
        ["Skip to content"]
    );
    assert!(Path::new(&out.join("style.css")).is_file());
}

#[test]
fn an_overriding_strings_file_that_lacks_a_key_the_theme_uses_is_an_error_naming_it() {
    // An older copy of the theme's strings, without a key added since.
    let strings: String = include_str!("../themes/default/i18n/en.yaml")
        .lines()
        .filter(|l| !l.starts_with("skip_link:"))
        .map(|l| format!("{l}\n"))
        .collect();
    let (tmp, site) = fixture_with("basic", &[("themes/default/i18n/en.yaml", &strings)]);
    let out = tmp.path().join("public");
    let result = build(&site, &out, &[]);
    assert_eq!(result.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        stderr.contains(
            "themes/default/i18n/en.yaml: error: interface string `skip_link` is missing"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("add `skip_link: …`"), "{stderr}");
}

/// The cells of each body row of the first table matching `selector`, row header first.
fn table_rows(document: &scraper::Html, selector: &str) -> Vec<Vec<String>> {
    let row = scraper::Selector::parse(&format!("{selector} tbody tr")).unwrap();
    let cell = scraper::Selector::parse("th, td").unwrap();
    document
        .select(&row)
        .map(|r| {
            r.select(&cell)
                .map(|c| c.text().collect::<String>())
                .collect()
        })
        .collect()
}

#[test]
fn a_quarterly_dataset_with_a_gap_and_a_partial_final_period_renders_correctly() {
    let (_tmp, out) = built();
    let page = html(&out, "statistik/anmalningar/index.html");
    assert_eq!(
        texts(&page, "caption"),
        ["Anmälningar per kvartal, Testkommunen, kv. 1 2023–kv. 2 2024 (anmälningar)"]
    );
    assert_eq!(
        attrs(&page, "thead th", "scope"),
        ["col", "col", "col", "col", "col"]
    );
    assert_eq!(attrs(&page, "tbody th", "scope"), ["row"; 6]);
    let rows = table_rows(&page, ".trend-table");
    let nbsp = |s: &str| s.replace(' ', "\u{a0}");
    assert_eq!(
        rows[0][..2],
        ["kv.\u{a0}1 2023".to_string(), nbsp("1 200,0")]
    );
    assert_eq!(
        rows[1][1..],
        [
            nbsp("1 500,5"),
            "+300,5".to_string(),
            nbsp("+25,0 %"),
            "ökning (försämring)".to_string()
        ]
    );
    assert_eq!(rows[2][1], "–", "a missing value");
    assert_eq!(
        rows[3][2], "–ingen jämförelse",
        "no change from a missing value"
    );
    assert_eq!(
        rows[4][1..4],
        [
            "40,0".to_string(),
            "+40,0".to_string(),
            "ej tillämpligt".to_string()
        ],
        "no percent from zero"
    );
    assert_eq!(rows[5][1], nbsp("10,0 [d] [p]"));
    assert_eq!(
        rows[5][2], "–ingen jämförelse",
        "no change to a part-year value"
    );
    let notes = texts(&page, ".table-notes li");
    assert!(
        notes.iter().any(|n| n.starts_with("[d] Delår")),
        "{notes:?}"
    );
    assert!(
        notes.iter().any(|n| n.starts_with("[p] Preliminär")),
        "{notes:?}"
    );
    assert!(notes.iter().any(|n| n == "– Uppgift saknas."), "{notes:?}");
    assert!(notes.iter().any(|n| n.contains("från noll")), "{notes:?}");
    assert!(
        notes.iter().any(|n| n == "kv. 2 2024: t.o.m. april"),
        "{notes:?}"
    );
    assert_eq!(
        attrs(&page, ".table-source a", "href"),
        ["https://example.org/kalla"]
    );
    assert_eq!(
        texts(&page, ".table-source"),
        ["Källa: Testkällan. Uppgifterna sammanställdes den 2 maj 2024."]
    );
    assert_eq!(attrs(&page, "svg.chart", "role"), ["img"]);
    assert_eq!(
        attrs(&page, ".downloads a", "href"),
        [
            "anmalningar.csv",
            "anmalningar.csv-metadata.json",
            "anmalningar.jsonstat.json",
            "anmalningar.json"
        ]
    );

    let english = html(&out, "en/statistics/anmalningar/index.html");
    let rows = table_rows(&english, ".trend-table");
    assert_eq!(rows[0][..2], ["Q1 2023".to_string(), "1,200.0".to_string()]);
    assert_eq!(
        rows[1][3..],
        ["+25.0%".to_string(), "increase (worsening)".to_string()]
    );
    assert_eq!(
        attrs(&english, ".downloads a", "href"),
        [
            "../../../statistik/anmalningar/anmalningar.csv",
            "../../../statistik/anmalningar/anmalningar.csv-metadata.json",
            "../../../statistik/anmalningar/anmalningar.jsonstat.json",
            "../../../statistik/anmalningar/anmalningar.json"
        ]
    );

    let csv = read(&out, "statistik/anmalningar/anmalningar.csv");
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "period,anmalningar,anmalningar_status,anmalningar_partial,anmalningar_preliminary,anmalningar_note_sv,anmalningar_note_en"
    );
    assert_eq!(lines[2], "2023-Q2,1500.5,,false,false,,");
    assert_eq!(lines[3], "2023-Q3,,,false,false,,");
    assert_eq!(lines[6], "2024-Q2,10,dp,true,true,t.o.m. april,to April");
}

#[test]
fn the_statistics_section_lists_datasets_with_their_latest_full_value() {
    let (_tmp, out) = built();
    let index = html(&out, "statistik/index.html");
    assert_eq!(
        texts(&index, ".datasets .listing-title"),
        ["Anmälningar per kvartal"]
    );
    assert_eq!(
        texts(&index, ".datasets .latest"),
        ["Senaste värde: 40,0 (kv. 1 2024), ökning jämfört med kv. 4 2023 (försämring)"]
    );
    let embed = html(&out, "nyheter/tredje/index.html");
    assert_eq!(
        texts(&embed, ".trend-embed .trend-title"),
        ["Anmälningar per kvartal"]
    );
    assert_eq!(texts(&embed, ".trend-embed caption").len(), 1);
}

#[test]
fn feeds_are_atom_with_absolute_urls_newest_first() {
    let (_tmp, out) = built();
    let sv = read(&out, "atom.xml");
    let feed = roxmltree::Document::parse(&sv).expect("well-formed XML");
    let root = feed.root_element();
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2005/Atom")
    );
    assert_eq!(root.tag_name().name(), "feed");
    let child = |node: roxmltree::Node<'_, '_>, name: &str| {
        node.children()
            .find(|c| c.tag_name().name() == name)
            .and_then(|c| c.text())
            .map(str::to_string)
    };
    assert_eq!(
        child(root, "id").as_deref(),
        Some("https://example.org/sub/")
    );
    assert_eq!(
        child(root, "updated").as_deref(),
        Some("2020-03-01T00:00:00+01:00")
    );
    let entries: Vec<_> = root
        .children()
        .filter(|c| c.tag_name().name() == "entry")
        .collect();
    let titles: Vec<String> = entries.iter().filter_map(|e| child(*e, "title")).collect();
    assert_eq!(
        titles,
        [
            "Tredje nyheten",
            "Andra nyheten finns bara på svenska",
            "Första nyheten"
        ]
    );
    let first = entries[2];
    assert_eq!(
        child(first, "id").as_deref(),
        Some("https://example.org/sub/nyheter/forsta-nyheten/")
    );
    assert_eq!(
        child(first, "updated").as_deref(),
        Some("2020-01-15T00:00:00+01:00")
    );
    assert_eq!(
        child(first, "published").as_deref(),
        Some("2020-01-01T00:00:00+01:00")
    );
    assert!(child(entries[1], "summary").unwrap().contains("redaktören"));
    assert!(root.children().any(|c| c.tag_name().name() == "author"));

    let en = read(&out, "en/atom.xml");
    let feed = roxmltree::Document::parse(&en).unwrap();
    let titles: Vec<&str> = feed
        .descendants()
        .filter(|n| {
            n.tag_name().name() == "title"
                && n.parent().is_some_and(|p| p.tag_name().name() == "entry")
        })
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(titles, ["Third news item", "First news item"]);
    // Every page links its language's feed.
    assert_eq!(
        attrs(
            &html(&out, "en/news/index.html"),
            "link[type='application/atom+xml']",
            "href"
        ),
        ["../atom.xml"]
    );
    assert_eq!(
        attrs(
            &html(&out, "index.html"),
            "link[type='application/atom+xml']",
            "href"
        ),
        ["atom.xml"]
    );
}

#[test]
fn the_sitemap_lists_every_page_with_its_translations() {
    let (_tmp, out) = built();
    let xml = read(&out, "sitemap.xml");
    let sitemap = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let urls: Vec<roxmltree::Node<'_, '_>> = sitemap
        .root_element()
        .children()
        .filter(|n| n.tag_name().name() == "url")
        .collect();
    let pages = tree(&out)
        .into_keys()
        .filter(|p| p.ends_with("index.html"))
        .count();
    assert_eq!(urls.len(), pages);
    let loc = |n: &roxmltree::Node<'_, '_>| {
        n.children()
            .find(|c| c.tag_name().name() == "loc")
            .and_then(|c| c.text())
            .unwrap_or("")
            .to_string()
    };
    let first = urls
        .iter()
        .find(|u| loc(u) == "https://example.org/sub/nyheter/forsta-nyheten/")
        .expect("the article is listed");
    let alternates: Vec<(String, String)> = first
        .children()
        .filter(|c| {
            c.tag_name().name() == "link"
                && c.tag_name().namespace() == Some("http://www.w3.org/1999/xhtml")
        })
        .map(|c| {
            (
                c.attribute("hreflang").unwrap_or("").to_string(),
                c.attribute("href").unwrap_or("").to_string(),
            )
        })
        .collect();
    assert_eq!(
        alternates,
        [
            (
                "sv".to_string(),
                "https://example.org/sub/nyheter/forsta-nyheten/".to_string()
            ),
            (
                "en".to_string(),
                "https://example.org/sub/en/news/first/".to_string()
            ),
            (
                "x-default".to_string(),
                "https://example.org/sub/nyheter/forsta-nyheten/".to_string()
            ),
        ]
    );
    // A page without a translation lists no alternates.
    let only = urls
        .iter()
        .find(|u| loc(u).ends_with("/andra-nyheten-finns-bara-pa-svenska/"))
        .unwrap();
    assert_eq!(
        only.children()
            .filter(|c| c.tag_name().name() == "link")
            .count(),
        0
    );
    assert_eq!(
        read(&out, "robots.txt"),
        "User-agent: *\nAllow: /\n\nSitemap: https://example.org/sub/sitemap.xml\n"
    );
}

#[test]
fn the_404_pages_link_absolutely_from_the_sites_root_path() {
    let (_tmp, out) = built();
    let sv = html(&out, "404.html");
    assert_eq!(attrs(&sv, "html", "lang"), ["sv"]);
    assert_eq!(texts(&sv, "h1"), ["Sidan finns inte"]);
    assert_eq!(attrs(&sv, "meta[name=robots]", "content"), ["noindex"]);
    assert_eq!(
        attrs(&sv, "main a[hreflang=en]", "href"),
        ["/sub/en/404.html"]
    );
    assert_eq!(
        attrs(&sv, "link[rel=stylesheet]", "href"),
        ["/sub/style.css"]
    );
    let en = html(&out, "en/404.html");
    assert_eq!(texts(&en, "h1"), ["Page not found"]);
    assert_eq!(attrs(&en, "main a", "href")[0], "/sub/en/");
}

#[test]
fn topics_have_pages_per_language_and_articles_link_to_them() {
    let (_tmp, out) = built();
    let article = html(&out, "nyheter/forsta-nyheten/index.html");
    assert_eq!(texts(&article, ".tags a"), ["test"]);
    assert_eq!(attrs(&article, ".tags a", "href"), ["../../amnen/test/"]);
    let topic = html(&out, "amnen/test/index.html");
    assert_eq!(texts(&topic, "h1"), ["test"]);
    assert_eq!(texts(&topic, ".listing-title"), ["Första nyheten"]);
    assert_eq!(
        attrs(&topic, "link[rel=alternate][hreflang]", "hreflang"),
        ["sv"]
    );
    // English has no topics: the switch leads to the English home page.
    assert_eq!(
        attrs(&topic, "nav.language-switch a", "href"),
        ["../../en/"]
    );
    let index = html(&out, "amnen/index.html");
    assert_eq!(texts(&index, ".topics li"), ["test (1)"]);
}

#[test]
fn images_carry_their_size_load_lazily_below_the_top_and_feed_social_previews() {
    let (_tmp, out) = built();
    let page = html(&out, "nyheter/tredje/index.html");
    assert_eq!(attrs(&page, ".lead-image img", "width"), ["30"]);
    assert_eq!(attrs(&page, ".lead-image img", "height"), ["20"]);
    assert!(
        attrs(&page, ".lead-image img", "loading").is_empty(),
        "the lead image loads at once"
    );
    assert_eq!(
        attrs(&page, ".body img", "alt"),
        ["En röd fyrkant i texten"]
    );
    assert_eq!(attrs(&page, ".body img", "width"), ["30"]);
    assert_eq!(attrs(&page, ".body img", "loading"), ["lazy"]);
    assert_eq!(attrs(&page, ".body img", "title"), ["Röd"]);
    assert_eq!(
        attrs(&page, "meta[property='og:type']", "content"),
        ["article"]
    );
    assert_eq!(
        attrs(&page, "meta[property='og:title']", "content"),
        ["Tredje nyheten"]
    );
    assert_eq!(
        attrs(&page, "meta[property='og:image']", "content"),
        ["https://example.org/sub/nyheter/tredje/bild.png"]
    );
    assert_eq!(
        attrs(&page, "meta[property='og:locale']", "content"),
        ["sv_SE"]
    );
    let home = html(&out, "en/index.html");
    assert_eq!(
        attrs(&home, "meta[property='og:type']", "content"),
        ["website"]
    );
    assert_eq!(
        attrs(&home, "meta[property='og:url']", "content"),
        ["https://example.org/sub/en/"]
    );
}

/// The search index of a built site, as written into `<folder>index.js`.
fn search_index(out: &std::path::Path, folder: &str) -> Vec<serde_json::Value> {
    let script = read(out, &format!("{folder}index.js"));
    let json = script
        .strip_prefix("window.torgetSearchIndex=")
        .and_then(|s| s.trim_end().strip_suffix(';'))
        .expect("index.js assigns the index");
    serde_json::from_str::<Vec<serde_json::Value>>(json).expect("the index is JSON")
}

#[test]
fn the_search_index_holds_each_languages_pages_with_folded_words() {
    let (_tmp, out) = built();
    let sv = search_index(&out, "sok/");
    let titles: Vec<&str> = sv.iter().filter_map(|e| e["t"].as_str()).collect();
    assert_eq!(
        titles,
        [
            "Andra nyheten finns bara på svenska",
            "Anmälningar per kvartal",
            "Första nyheten",
            "Om kommunen",
            "Tredje nyheten"
        ]
    );
    let first = sv.iter().find(|e| e["t"] == "Första nyheten").unwrap();
    assert_eq!(first["u"], "../nyheter/forsta-nyheten/");
    let words = first["w"].as_str().unwrap();
    assert!(
        words.split(' ').any(|w| w == "forsta"),
        "å ä ö folded: {words}"
    );
    assert!(
        words.split(' ').any(|w| w == "bakgrund"),
        "headings and text: {words}"
    );
    let en = search_index(&out, "en/search/");
    assert!(
        en.iter()
            .all(|e| e["u"].as_str().unwrap().starts_with("../"))
    );
    assert!(en.iter().any(|e| e["t"] == "Only in English"));
    assert!(!en.iter().any(|e| e["t"] == "Första nyheten"));
    // Without JavaScript the search page lists every page, and the header form leads to it.
    let page = html(&out, "sok/index.html");
    assert_eq!(texts(&page, ".search-all a").len(), 5);
    assert_eq!(
        attrs(
            &html(&out, "nyheter/index.html"),
            "form.site-search",
            "action"
        ),
        ["../sok/"]
    );
}

#[test]
fn a_build_for_disk_links_index_files_that_all_exist() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let result = build(&fixture("basic"), &out, &["--for-disk"]);
    assert_success(&result);
    assert_eq!(broken_internal_links(&out, "/sub/"), Vec::<String>::new());
    for (path, _) in tree(&out)
        .into_iter()
        .filter(|(p, _)| p.ends_with("index.html"))
    {
        let page = html(&out, &path);
        for href in attrs(&page, "a[href]", "href") {
            let internal =
                !href.contains(':') && !href.starts_with('#') && !href.starts_with("/sub/");
            assert!(
                !internal || !href.split('#').next().unwrap_or("").ends_with('/'),
                "{path}: {href} names a folder"
            );
        }
    }
    let article = html(&out, "nyheter/tredje/index.html");
    assert_eq!(
        attrs(&article, ".body > p a", "href")[0],
        "../forsta-nyheten/index.html#bakgrund-2"
    );
}

#[test]
fn same_day_articles_carry_their_swedish_times_into_feed_pages_and_order() {
    // 2020-04-01 is in summer time (+02:00). By title and by folder the
    // morning article comes first, so only the times put the afternoon one on top.
    let (tmp, site) = fixture_with(
        "basic",
        &[
            (
                "content/nyheter/b-eftermiddag/sv.md",
                "---\ntitle: Sena nyheten\ndate: 2020-04-01 15:30\n---\nSkrivet på eftermiddagen.\n",
            ),
            (
                "content/nyheter/a-morgon/sv.md",
                "---\ntitle: Morgonens nyhet\ndate: 2020-04-01T09:05\nupdated: 2020-04-01 09:45:30\n---\nSkrivet på morgonen.\n",
            ),
        ],
    );
    let out = tmp.path().join("public");
    assert_success(&build(&site, &out, &[]));

    let xml = read(&out, "atom.xml");
    let feed = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let entry_values = |name: &str| -> Vec<(String, String)> {
        feed.root_element()
            .children()
            .filter(|c| c.tag_name().name() == "entry")
            .map(|entry| {
                let text = |tag: &str| {
                    entry
                        .children()
                        .find(|c| c.tag_name().name() == tag)
                        .and_then(|c| c.text())
                        .unwrap_or_default()
                        .to_string()
                };
                (text("title"), text(name))
            })
            .collect()
    };
    let updated = entry_values("updated");
    assert_eq!(
        updated[..3],
        [
            (
                "Sena nyheten".to_string(),
                "2020-04-01T15:30:00+02:00".to_string()
            ),
            (
                "Morgonens nyhet".to_string(),
                "2020-04-01T09:45:30+02:00".to_string()
            ),
            (
                "Tredje nyheten".to_string(),
                "2020-03-01T00:00:00+01:00".to_string()
            ),
        ]
    );
    assert_eq!(entry_values("published")[1].1, "2020-04-01T09:05:00+02:00");
    let feed_updated = feed
        .root_element()
        .children()
        .find(|c| c.tag_name().name() == "updated")
        .and_then(|c| c.text());
    assert_eq!(feed_updated, Some("2020-04-01T15:30:00+02:00"));

    let page = html(&out, "nyheter/morgonens-nyhet/index.html");
    assert_eq!(
        attrs(&page, ".dates time", "datetime"),
        ["2020-04-01T09:05+02:00", "2020-04-01T09:45:30+02:00"]
    );
    // The reader still sees the day only.
    assert_eq!(texts(&page, ".dates time")[0], "1 april 2020");

    // The section shows two articles a page.
    let listing = html(&out, "nyheter/index.html");
    assert_eq!(
        attrs(&listing, "time", "datetime"),
        ["2020-04-01T15:30+02:00", "2020-04-01T09:05+02:00"]
    );
}

#[test]
fn an_article_is_published_from_its_day_whatever_its_time() {
    // The build's `--now` is a day; a time later that day does not hold the article back.
    let (tmp, site) = fixture_with(
        "basic",
        &[
            (
                "content/nyheter/g-i-kvall/sv.md",
                &format!("---\ntitle: I kväll\ndate: {NOW} 23:59\n---\nSent.\n"),
            ),
            (
                "content/nyheter/h-i-morgon/sv.md",
                "---\ntitle: I morgon\ndate: 2026-11-25 00:00\n---\nTidigt.\n",
            ),
        ],
    );
    let out = tmp.path().join("public");
    assert_success(&build(&site, &out, &[]));
    assert!(out.join("nyheter/i-kvall/index.html").is_file());
    assert!(!out.join("nyheter/i-morgon").exists());
}

#[test]
fn two_articles_with_the_same_title_get_distinct_addresses_and_a_warning() {
    let (tmp, site) = fixture_with(
        "basic",
        &[(
            "content/nyheter/g-samma-rubrik/sv.md",
            "---\ntitle: Första nyheten\ndate: 2020-04-01\n---\nSamma rubrik som en äldre nyhet.\n",
        )],
    );
    let out = tmp.path().join("public");
    let result = build(&site, &out, &[]);
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(result.status.success(), "{stderr}");
    assert!(out.join("nyheter/forsta-nyheten/index.html").is_file());
    assert!(out.join("nyheter/forsta-nyheten-2/index.html").is_file());
    assert!(
        stderr.contains("content/nyheter/g-samma-rubrik/sv.md:2:1: warning: another page has the same title, so this one is at /nyheter/forsta-nyheten-2/"),
        "{stderr}"
    );
}

#[test]
fn titles_headings_and_topics_in_any_script_get_readable_ascii_addresses() {
    let (tmp, site) = fixture_with(
        "basic",
        &[
            (
                "content/nyheter/g-ayse/sv.md",
                "---\ntitle: Ayşe Yılmaz berättar\ndate: 2020-05-01\ntags: [Şehir planı]\n---\nSe [planen](#sehir-plani).\n\n## Şehir planı\n\nText.\n",
            ),
            (
                "content/nyheter/g-ayse/en.md",
                "---\ntitle: Ayşe Yılmaz on Мальмё\ndate: 2020-05-01\n---\nText.\n",
            ),
        ],
    );
    let out = tmp.path().join("public");
    let result = build(&site, &out, &[]);
    assert_success(&result);
    let stderr = String::from_utf8_lossy(&result.stderr);
    // The in-page link is checked against the heading ids: no warning means it resolved.
    assert!(!stderr.contains("g-ayse"), "{stderr}");

    let news = html(&out, "nyheter/index.html");
    assert_eq!(
        attrs(&news, ".listing-title a", "href")[0],
        "ayse-yilmaz-berattar/"
    );
    let article = html(&out, "nyheter/ayse-yilmaz-berattar/index.html");
    assert_eq!(texts(&article, "h1"), ["Ayşe Yılmaz berättar"]);
    assert_eq!(attrs(&article, ".body h2", "id"), ["sehir-plani"]);
    assert_eq!(attrs(&article, ".body a", "href"), ["#sehir-plani"]);
    assert_eq!(
        attrs(&article, ".tags a", "href"),
        ["../../amnen/sehir-plani/"]
    );
    assert_eq!(
        texts(&html(&out, "amnen/sehir-plani/index.html"), "h1"),
        ["Şehir planı"]
    );
    assert_eq!(
        attrs(&article, "link[rel=alternate][hreflang=en]", "href"),
        ["https://example.org/sub/en/news/ayse-yilmaz-on-malmio/"]
    );
    assert!(
        out.join("en/news/ayse-yilmaz-on-malmio/index.html")
            .is_file()
    );
}

#[test]
fn hostile_raw_html_never_reaches_the_output_and_is_reported() {
    let (tmp, site) = fixture_with(
        "basic",
        &[(
            "content/nyheter/h-html/sv.md",
            "---\ntitle: Rå HTML\ndate: 2020-05-01\n---\nText med <abbr title=\"Malmö stad\">MS</abbr> och <b onclick=\"x()\">fet</b>.\n\n<div><script>alert(1)</script><a href=\"javascript:alert(2)\" onmouseover=\"y()\">länk</a></div>\n\n<iframe src=\"https://evil.example/\"></iframe>\n",
        )],
    );
    let out = tmp.path().join("public");
    let result = build(&site, &out, &[]);
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(result.status.success(), "{stderr}");
    // As a browser reads it: no element with an event attribute, a
    // javascript: address, an inline script or an iframe from elsewhere.
    let everything = scraper::Selector::parse("*").unwrap();
    for (path, _) in tree(&out).into_iter().filter(|(p, _)| p.ends_with(".html")) {
        let document = html(&out, &path);
        for element in document.select(&everything) {
            let tag = element.value().name();
            for (name, value) in element.value().attrs() {
                assert!(!name.starts_with("on"), "{path}: <{tag} {name}>");
                assert!(
                    !value.trim().to_lowercase().starts_with("javascript:"),
                    "{path}: <{tag} {name}={value}>"
                );
            }
            if tag == "script" {
                assert!(
                    element.value().attr("src").is_some(),
                    "{path}: an inline script"
                );
            }
            if tag == "iframe" {
                assert!(
                    element.value().attr("src").is_none(),
                    "{path}: an iframe from elsewhere"
                );
            }
        }
    }
    let page = html(&out, "nyheter/ra-html/index.html");
    assert_eq!(texts(&page, ".body abbr"), ["MS"]);
    for expected in [
        "content/nyheter/h-html/sv.md:5:49: warning: the HTML tag `<b onclick=\"x()\">` is not allowed here, so it is shown as text",
        "content/nyheter/h-html/sv.md:7:1: warning: removed from the HTML: `<script>`",
        "content/nyheter/h-html/sv.md:7:1: warning: removed from the HTML: `javascript:` addresses",
        "content/nyheter/h-html/sv.md:9:1: warning: removed from the HTML: an iframe from a host not listed under `iframe_hosts` in site.yaml",
    ] {
        assert!(stderr.contains(expected), "missing: {expected}\n{stderr}");
    }
}

#[test]
fn the_same_bytes_with_one_thread_or_many_and_no_paths_of_the_build_machine() {
    let tmp = tempfile::tempdir().unwrap();
    let (one, many) = (tmp.path().join("one"), tmp.path().join("many"));
    let single = torget()
        .env("RAYON_NUM_THREADS", "1")
        .args(["build", "--now", NOW, "--site"])
        .arg(fixture("basic"))
        .arg("--out")
        .arg(&one)
        .output()
        .unwrap();
    assert_success(&single);
    assert_success(&build(&fixture("basic"), &many, &[]));
    assert_eq!(tree(&one), tree(&many));
    let site = fixture("basic");
    let machine_paths = [
        site.to_string_lossy().into_owned(),
        tmp.path().to_string_lossy().into_owned(),
        env!("CARGO_MANIFEST_DIR").to_string(),
    ];
    for (path, bytes) in tree(&many) {
        let text = String::from_utf8_lossy(&bytes);
        for machine in &machine_paths {
            assert!(!text.contains(machine.as_str()), "{path} names {machine}");
        }
    }
}

#[test]
fn every_page_has_a_content_security_policy_without_inline_code() {
    let (_tmp, out) = built();
    let everything = scraper::Selector::parse("*").unwrap();
    for (path, _) in tree(&out).into_iter().filter(|(p, _)| p.ends_with(".html")) {
        let page = html(&out, &path);
        let policy = attrs(&page, "meta[http-equiv=Content-Security-Policy]", "content");
        assert_eq!(policy.len(), 1, "{path}");
        assert!(
            policy[0].contains("script-src 'self'") && policy[0].contains("style-src 'self'"),
            "{path}"
        );
        assert!(!policy[0].contains("unsafe-inline"), "{path}");
        for element in page.select(&everything) {
            assert!(
                element.value().attr("style").is_none(),
                "{path}: a style attribute on <{}>",
                element.value().name()
            );
            if element.value().name() == "script" {
                assert!(
                    element.value().attr("src").is_some(),
                    "{path}: an inline script"
                );
            }
        }
    }
}

#[test]
fn topic_pages_are_paginated() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("bad/_base"), &site);
    for n in 1..=23 {
        let folder = site.join(format!("content/nyheter/n{n:02}"));
        fs::create_dir_all(&folder).unwrap();
        fs::write(
            folder.join("sv.md"),
            format!(
                "---\ntitle: Nyhet {n}\ndate: 2020-01-{n:02}\ntags: [gemensam]\n---\nText {n}.\n"
            ),
        )
        .unwrap();
    }
    let out = tmp.path().join("public");
    let result = build(&site, &out, &[]);
    assert_success(&result);
    let first = html(&out, "amnen/gemensam/index.html");
    assert_eq!(texts(&first, ".listing-title").len(), 20);
    assert_eq!(texts(&first, ".listing-title")[0], "Nyhet 23");
    assert_eq!(
        attrs(&first, "nav.pagination a[rel=next]", "href"),
        ["sida/2/"]
    );
    let second = html(&out, "amnen/gemensam/sida/2/index.html");
    assert_eq!(
        texts(&second, ".listing-title"),
        ["Nyhet 3", "Nyhet 2", "Nyhet 1"]
    );
    assert_eq!(texts(&second, "h1"), ["gemensam sida 2 av 2"]);
    assert_eq!(
        attrs(&second, "link[rel=alternate][hreflang]", "hreflang"),
        ["sv"]
    );
}

#[test]
fn a_feed_shows_the_twenty_newest_by_date_then_address() {
    // Three articles a day, so that the oldest day shown is shown in part.
    let articles: Vec<(String, String)> = (0..24)
        .map(|n| {
            let text = format!(
                "---\ntitle: Nytt {n:02}\ndate: 2026-01-{:02}\n---\nText {n}.\n",
                1 + n / 3
            );
            (format!("content/nyheter/n-{n:02}/sv.md"), text)
        })
        .collect();
    let files: Vec<(&str, &str)> = (articles.iter())
        .map(|(path, text)| (path.as_str(), text.as_str()))
        .collect();
    let (tmp, site) = fixture_with("basic", &files);
    let out = tmp.path().join("public");
    assert_success(&build(&site, &out, &[]));
    let feed = read(&out, "atom.xml");
    let feed = roxmltree::Document::parse(&feed).unwrap();
    let titles: Vec<&str> = (feed.descendants())
        .filter(|n| {
            n.tag_name().name() == "title"
                && n.parent().is_some_and(|p| p.tag_name().name() == "entry")
        })
        .filter_map(|n| n.text())
        .collect();
    // Newest day first; within a day, by address (`nytt-21` before `nytt-22`).
    let expected: Vec<String> = (0..24)
        .rev()
        .collect::<Vec<_>>()
        .chunks(3)
        .flat_map(|day| day.iter().rev().map(|n| format!("Nytt {n:02}")))
        .take(20)
        .collect();
    assert_eq!(titles, expected);
}
