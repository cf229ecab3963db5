//! The bundled Malmö site in the repository root: the seed article word for word, in both languages.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test tool may stop at its own set-up's failure

mod common;

use std::path::Path;

use common::*;

fn built() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let result = build(Path::new(env!("CARGO_MANIFEST_DIR")), &out, &[]);
    assert_success(&result);
    (tmp, out)
}

const SV: &str = "nyheter/nytt-mote-med-kriminella-i-sluta-skjut/index.html";
const EN: &str = "en/news/new-meeting-with-criminals-in-sluta-skjut/index.html";

#[test]
fn the_seed_article_is_published_word_for_word_in_swedish() {
    let (_tmp, out) = built();
    let seed_path = fixture("seed/sluta-skjut-ny-call-in.sv.txt");
    let seed = std::fs::read_to_string(&seed_path)
        .unwrap_or_else(|e| panic!("the seed article is read from {}: {e}", seed_path.display()));
    let page = html(&out, SV);
    let mut lines = seed.lines().map(str::trim).filter(|l| !l.is_empty());
    let title = lines.next().unwrap();
    assert_eq!(texts(&page, "h1"), [title]);
    let rendered: Vec<String> = texts(&page, ".body p, .body h2");
    for line in lines.filter(|l| *l != title) {
        assert!(
            rendered.iter().any(|r| r == line),
            "not found word for word: {line}\nin {rendered:#?}"
        );
    }
    assert_eq!(attrs(&page, ".dates time", "datetime"), ["2019-11-13"]);
    assert_eq!(texts(&page, ".dates time"), ["13 november 2019"]);
}

#[test]
fn the_seed_article_and_its_translation_link_to_each_other() {
    let (_tmp, out) = built();
    let sv = html(&out, SV);
    let en = html(&out, EN);
    assert_eq!(attrs(&sv, "html", "lang"), ["sv"]);
    assert_eq!(attrs(&en, "html", "lang"), ["en"]);
    let alternates = [
        "https://example.org/sluta-skjut/nyheter/nytt-mote-med-kriminella-i-sluta-skjut/",
        "https://example.org/sluta-skjut/en/news/new-meeting-with-criminals-in-sluta-skjut/",
    ];
    assert_eq!(
        attrs(&sv, "link[rel=alternate][hreflang]", "href"),
        alternates
    );
    assert_eq!(
        attrs(&en, "link[rel=alternate][hreflang]", "href"),
        alternates
    );
    assert_eq!(
        attrs(&sv, "link[rel=alternate][hreflang]", "hreflang"),
        ["sv", "en"]
    );
    assert_eq!(
        attrs(&sv, "nav.language-switch a", "href"),
        ["../../en/news/new-meeting-with-criminals-in-sluta-skjut/"]
    );
    assert_eq!(
        attrs(&en, "nav.language-switch a", "href"),
        ["../../../nyheter/nytt-mote-med-kriminella-i-sluta-skjut/"]
    );
    assert_eq!(texts(&en, ".dates time"), ["13 November 2019"]);
    // The closing "Läs mer" line links to the about page in each language.
    assert_eq!(
        attrs(&sv, ".body > p > a", "href"),
        ["../../om-sluta-skjut/"]
    );
    assert_eq!(
        attrs(&en, ".body > p > a", "href"),
        ["../../about-sluta-skjut/"]
    );
}

#[test]
fn every_page_of_the_bundled_site_has_its_translation_and_working_links() {
    let (_tmp, out) = built();
    assert_eq!(
        broken_internal_links(&out, "/sluta-skjut/"),
        Vec::<String>::new()
    );
    for page in [
        "index.html",
        "om-sluta-skjut/index.html",
        "tillganglighetsredogorelse/index.html",
        "nyheter/index.html",
    ] {
        let document = html(&out, page);
        assert_eq!(
            attrs(&document, "link[rel=alternate][hreflang]", "hreflang"),
            ["sv", "en"],
            "{page}"
        );
        assert!(
            attrs(&document, "footer a", "href")
                .iter()
                .any(|h| h.ends_with("tillganglighetsredogorelse/") || h == "./"),
            "{page}"
        );
    }
}

#[test]
fn the_about_page_cites_its_sources() {
    let (_tmp, out) = built();
    for page in [
        "om-sluta-skjut/index.html",
        "en/about-sluta-skjut/index.html",
    ] {
        let document = html(&out, page);
        let external: Vec<String> = attrs(&document, ".body a", "href")
            .into_iter()
            .filter(|h| h.starts_with("https://"))
            .collect();
        for host in [
            "https://polisen.se/",
            "https://bra.se/",
            "https://www.kriminalvarden.se/",
            "https://malmo.se/",
        ] {
            assert!(
                external.iter().any(|h| h.starts_with(host)),
                "{page} cites nothing from {host}"
            );
        }
        assert!(
            !texts(&document, ".footnote").is_empty(),
            "{page} has no footnotes"
        );
    }
}

#[test]
fn the_seed_article_shows_the_deaths_trend_in_both_languages() {
    let (_tmp, out) = built();
    for (page, caption, link) in [
        (
            SV,
            "Döda i skjutningar i Malmö, 2016–2024 (personer)",
            "../../statistik/dodsskjutningar-malmo/",
        ),
        (
            EN,
            "People killed in shootings in Malmö, 2016–2024 (people)",
            "../../statistics/dodsskjutningar-malmo/",
        ),
    ] {
        let document = html(&out, page);
        assert_eq!(
            texts(&document, ".trend-embed caption"),
            [caption],
            "{page}"
        );
        assert_eq!(
            attrs(&document, ".trend-embed svg", "role"),
            ["img"],
            "{page}"
        );
        assert_eq!(
            attrs(&document, ".trend-embed .more a", "href"),
            [link],
            "{page}"
        );
    }
    // 2019's "5 so far" is never shown as the year's figure: the table has the final 7.
    let sv = html(&out, SV);
    let rows = texts(&sv, ".trend-embed tbody tr");
    assert!(
        rows.iter().any(|r| r.starts_with("20197\u{2212}5")),
        "{rows:?}"
    );
    assert!(!rows.iter().any(|r| r.starts_with("20195")), "{rows:?}");
}

#[test]
fn statistics_pages_and_downloads_exist_for_every_dataset() {
    let (_tmp, out) = built();
    for id in [
        "dodsskjutningar-malmo",
        "skjutningar-malmo",
        "skadade-skjutningar-malmo",
        "sprangningar-malmo",
        "call-ins-sluta-skjut",
    ] {
        for page in [
            format!("statistik/{id}/index.html"),
            format!("en/statistics/{id}/index.html"),
        ] {
            let document = html(&out, &page);
            assert_eq!(texts(&document, "caption").len(), 1, "{page}");
            assert!(
                !attrs(&document, ".table-source a", "href").is_empty(),
                "{page} names no source URL"
            );
        }
        let csv = read(&out, &format!("statistik/{id}/{id}.csv"));
        assert!(csv.starts_with("period,"), "{id}.csv");
        let json = read(&out, &format!("statistik/{id}/{id}.json"));
        assert!(json.contains(&format!("\"id\": \"{id}\"")), "{id}.json");
    }
    let index = html(&out, "statistik/index.html");
    assert_eq!(texts(&index, ".datasets .listing-title").len(), 5);
}

#[test]
fn search_finds_the_seed_article_from_call_in_in_both_languages() {
    let (_tmp, out) = built();
    for (folder, title) in [
        ("sok/", "Nytt möte med kriminella i Sluta skjut"),
        ("en/search/", "New meeting with criminals in Sluta skjut"),
    ] {
        let script = read(&out, &format!("{folder}index.js"));
        let json = script
            .trim_start_matches("window.torgetSearchIndex=")
            .trim_end()
            .trim_end_matches(';');
        let index: Vec<serde_json::Value> = serde_json::from_str(json).unwrap();
        // The script's matching: every query word starts a word of the entry.
        let query = ["call", "in"];
        let hits: Vec<&str> = index
            .iter()
            .filter(|e| {
                let words: Vec<&str> = e["w"].as_str().unwrap_or("").split(' ').collect();
                query.iter().all(|q| words.iter().any(|w| w.starts_with(q)))
            })
            .filter_map(|e| e["t"].as_str())
            .collect();
        assert!(hits.contains(&title), "{folder}: {hits:?}");
    }
}

/// The figure a bundled dataset publishes for a year, as the reference file gives it.
#[derive(Debug, PartialEq)]
struct Figure {
    year: i64,
    value: Option<f64>,
    partial: bool,
    preliminary: bool,
}

/// Whether a reference value carries `flag`.
fn flagged(value: &serde_yaml::Value, flag: &str) -> bool {
    value["flags"]
        .as_sequence()
        .is_some_and(|f| f.iter().any(|f| f.as_str() == Some(flag)))
}

/// Whether a bundled value has the status `letter`, or the older flag meaning it.
fn has_status(value: &serde_yaml::Value, letter: &str, older: &str) -> bool {
    value[older].as_bool().unwrap_or(false)
        || value["status"]
            .as_sequence()
            .is_some_and(|s| s.iter().any(|s| s.as_str() == Some(letter)))
}

#[test]
fn every_published_figure_is_the_reference_figure_with_its_flags() {
    let reference: serde_yaml::Value =
        serde_yaml::from_str(&read(&fixture("reference"), "sluta-skjut-figures.yaml")).unwrap();
    let series = reference["series"].as_sequence().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut checked = 0;
    for entry in std::fs::read_dir(root.join("content/statistik")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        // "# Figures: …, series malmo_shootings." names the reference series.
        let Some(id) = text
            .lines()
            .next()
            .and_then(|l| l.split(", series ").nth(1))
            .map(|rest| rest.split([' ', '.']).next().unwrap())
        else {
            continue;
        };
        let reference_series = series
            .iter()
            .find(|s| s["id"].as_str() == Some(id))
            .unwrap_or_else(|| panic!("{}: no reference series {id}", path.display()));
        let expected: Vec<Figure> = reference_series["values"]
            .as_sequence()
            .unwrap()
            .iter()
            .filter(|v| {
                // Figures the reference says not to publish are left out.
                !v["flags"]
                    .as_sequence()
                    .is_some_and(|f| f.iter().any(|f| f.as_str() == Some("unverified")))
            })
            .map(|v| Figure {
                year: v["year"].as_i64().unwrap(),
                value: v["value"].as_f64(),
                partial: flagged(v, "partial_year"),
                preliminary: flagged(v, "preliminary"),
            })
            .collect();
        let dataset: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
        for (year, value) in dataset["series"][0]["values"].as_mapping().unwrap() {
            let year = year.as_i64().unwrap();
            let published = Figure {
                year,
                value: value.as_f64().or_else(|| value["value"].as_f64()),
                partial: has_status(value, "d", "partial"),
                preliminary: has_status(value, "p", "preliminary"),
            };
            if published.value.is_none() {
                continue;
            }
            assert!(
                expected.contains(&published),
                "{}: {published:?} is not in the reference series {id}: {expected:?}",
                path.display()
            );
            checked += 1;
        }
    }
    // Shootings, deaths, injured and explosions, 2016 on.
    assert!(checked >= 25, "only {checked} figures were checked");
}

#[test]
fn every_cited_source_and_other_figure_is_in_the_reference() {
    let reference_text = read(&fixture("reference"), "sluta-skjut-figures.yaml");
    let reference: serde_yaml::Value = serde_yaml::from_str(&reference_text).unwrap();
    let sources = reference["sources"].as_mapping().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (mut cited, mut others) = (0, 0);
    for entry in std::fs::read_dir(root.join("content/statistik")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "yaml") {
            continue;
        }
        let dataset: serde_yaml::Value =
            serde_yaml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for (id, source) in dataset["sources"].as_mapping().into_iter().flatten() {
            // A source with an address is one of the reference's, dated as it is.
            let Some(url) = source["url"].as_str() else {
                let date = source["date"].as_str().unwrap();
                assert!(
                    reference_text.contains(date),
                    "{}: {id:?} has neither an address nor a date the reference gives",
                    path.display()
                );
                continue;
            };
            let known = sources
                .values()
                .find(|s| s["url"].as_str() == Some(url))
                .unwrap_or_else(|| panic!("{}: {url} is not a reference source", path.display()));
            if let Some(date) = source["date"].as_str() {
                let reference_date = known["date"].as_str().unwrap_or_default();
                assert!(
                    reference_date.starts_with(date),
                    "{}: {id:?} is dated {date}, the reference says {reference_date}",
                    path.display()
                );
            }
            cited += 1;
        }
        for (year, value) in dataset["series"][0]["values"]
            .as_mapping()
            .into_iter()
            .flatten()
        {
            for other in value["others"].as_sequence().into_iter().flatten() {
                // The reference names each other figure in that year's note.
                let figure = other["value"].as_f64().unwrap().to_string();
                let year = year.as_i64().unwrap();
                let line = reference_text
                    .lines()
                    .find(|l| {
                        l.contains(&format!(
                            "{{year: {year}, value: {}",
                            value["value"].as_i64().unwrap()
                        ))
                    })
                    .unwrap_or_else(|| panic!("{}: no reference line for {year}", path.display()));
                assert!(
                    line.contains(&format!(" {figure}")) || line.contains(&format!(": {figure}")),
                    "{}: {year}'s other figure {figure} is not in the reference: {line}",
                    path.display()
                );
                others += 1;
            }
        }
    }
    assert!(
        cited >= 10 && others >= 7,
        "{cited} sources, {others} other figures"
    );
}
