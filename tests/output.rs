//! Output findings from validators and a trial: page titles, favicon, dates,
//! phone numbers, units and shareable search, each checked on a built site.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test tool may stop at its own set-up's failure

mod common;

use common::*;

#[test]
fn every_page_of_a_listing_has_its_own_title() {
    // 21 English articles on one topic: two pages of news and of the topic.
    let articles: Vec<(String, String)> = (1..=21)
        .map(|n| {
            (
                format!("content/nyheter/extra-{n:02}/en.md"),
                format!("---\ntitle: Extra {n}\ndate: 2021-01-{n:02}\ntags: [many]\n---\nText.\n"),
            )
        })
        .collect();
    let files: Vec<(&str, &str)> = articles
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let (tmp, site) = fixture_with("basic", &files);
    let out = tmp.path().join("out");
    assert_success(&build(&site, &out, &[]));

    let titles = |page: &str| {
        let document = html(&out, page);
        (
            texts(&document, "title"),
            attrs(&document, "meta[property='og:title']", "content"),
        )
    };
    assert_eq!(
        titles("nyheter/index.html"),
        (
            vec!["Nyheter | Testkommunen".into()],
            vec!["Nyheter".into()]
        )
    );
    assert_eq!(
        titles("nyheter/sida/2/index.html"),
        (
            vec!["Nyheter – sida 2 av 2 | Testkommunen".into()],
            vec!["Nyheter – sida 2 av 2".into()]
        )
    );
    assert_eq!(
        titles("en/news/index.html"),
        (vec!["News | Test Municipality".into()], vec!["News".into()])
    );
    assert_eq!(
        titles("en/news/page/3/index.html"),
        (
            vec!["News – page 3 of 12 | Test Municipality".into()],
            vec!["News – page 3 of 12".into()]
        )
    );
    assert_eq!(
        titles("en/topics/many/index.html"),
        (vec!["many | Test Municipality".into()], vec!["many".into()])
    );
    assert_eq!(
        titles("en/topics/many/page/2/index.html"),
        (
            vec!["many – page 2 of 2 | Test Municipality".into()],
            vec!["many – page 2 of 2".into()]
        )
    );
    // The headline stays as it was.
    assert_eq!(
        texts(&html(&out, "en/news/page/3/index.html"), "h1"),
        ["News page 3 of 12"]
    );
}

#[test]
fn the_dates_of_an_article_read_apart() {
    let (tmp, site) = fixture_with(
        "basic",
        &[(
            "content/nyheter/g-bara-datum/sv.md",
            "---\ntitle: Bara datum\ndate: 2020-04-01\n---\nText.\n",
        )],
    );
    let out = tmp.path().join("out");
    assert_success(&build(&site, &out, &[]));
    let dates = |page: &str| {
        let document = html(&out, page);
        let selector = scraper::Selector::parse(".dates").unwrap();
        // The text as reader mode and copying give it: nothing added between elements.
        (document.select(&selector))
            .map(|e| e.text().collect::<String>())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        dates("nyheter/forsta-nyheten/index.html"),
        ["Publicerad 1 januari 2020 · Senast uppdaterad 15 januari 2020"]
    );
    assert_eq!(
        dates("en/news/first/index.html"),
        ["Published 1 January 2020 · Last updated 15 January 2020"]
    );
    // One date alone has no separator.
    assert_eq!(
        dates("nyheter/bara-datum/index.html"),
        ["Publicerad 1 april 2020"]
    );
}

#[test]
fn the_phone_number_does_not_wrap() {
    let (tmp, site) = fixture_with("basic", &[]);
    let out = tmp.path().join("out");
    assert_success(&build(&site, &out, &[]));
    for page in ["index.html", "en/news/first/index.html", "404.html"] {
        let document = html(&out, page);
        let selector = scraper::Selector::parse(".site-footer a[href^='tel:']").unwrap();
        let links: Vec<_> = document.select(&selector).collect();
        assert_eq!(links.len(), 1, "{page}");
        // site.yaml writes "+46 40 00 00 00": shown with no-break spaces, dialled without.
        assert_eq!(
            links[0].text().collect::<String>(),
            "+46\u{a0}40\u{a0}00\u{a0}00\u{a0}00",
            "{page}"
        );
        assert_eq!(links[0].value().attr("href"), Some("tel:+4640000000"));
        assert_eq!(links[0].value().attr("class"), Some("phone"));
    }
    assert!(read(&out, "style.css").contains(".site-footer .phone { white-space: nowrap; }"));
}

#[test]
fn the_bundled_shootings_table_does_not_repeat_its_unit() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    assert_success(&build(root, &out, &[]));
    let headers = |page: &str| {
        let document = html(&out, page);
        texts(&document, ".trend-table thead th")
            .into_iter()
            .nth(1)
            .unwrap()
    };
    // unit "skjutningar" and label "Skjutningar": said once.
    assert_eq!(
        headers("statistik/skjutningar-malmo/index.html"),
        "Skjutningar"
    );
    assert_eq!(
        headers("en/statistics/skjutningar-malmo/index.html"),
        "Shootings"
    );
    // A unit that differs from the label stays.
    assert_eq!(
        headers("statistik/dodsskjutningar-malmo/index.html"),
        "Döda (personer)"
    );
}

#[test]
fn every_page_links_the_theme_favicon_which_a_site_can_replace() {
    let (tmp, site) = fixture_with("basic", &[]);
    let out = tmp.path().join("out");
    assert_success(&build(&site, &out, &[]));
    let theme_icon = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/static/favicon.svg"),
    )
    .unwrap();
    assert!(theme_icon.starts_with("<svg"));
    assert_eq!(read(&out, "favicon.svg"), theme_icon);
    for (page, href) in [
        ("index.html", "./favicon.svg"),
        ("nyheter/sida/2/index.html", "../../../favicon.svg"),
        ("en/news/first/index.html", "../../../favicon.svg"),
        ("sok/index.html", "../favicon.svg"),
        // Shown at any address, so linked from the site's root path.
        ("404.html", "/sub/favicon.svg"),
        ("en/404.html", "/sub/favicon.svg"),
    ] {
        let document = html(&out, page);
        assert_eq!(attrs(&document, "link[rel=icon]", "href"), [href], "{page}");
        assert_eq!(
            attrs(&document, "link[rel=icon]", "type"),
            ["image/svg+xml"],
            "{page}"
        );
        // The page's own policy lets it load an image from its own site.
        let csp = attrs(
            &document,
            "meta[http-equiv=Content-Security-Policy]",
            "content",
        );
        assert!(csp[0].contains("img-src 'self'"), "{page}: {csp:?}");
    }

    // A site's own static/favicon.svg is published instead of the theme's.
    let own = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"><rect width=\"1\" height=\"1\" fill=\"#c00\"/></svg>\n";
    let (tmp, site) = fixture_with("basic", &[("static/favicon.svg", own)]);
    let out = tmp.path().join("out");
    let result = build(&site, &out, &[]);
    assert_success(&result);
    assert_eq!(read(&out, "favicon.svg"), own);
    assert_eq!(
        attrs(&html(&out, "index.html"), "link[rel=icon]", "href"),
        ["./favicon.svg"]
    );

    // A page, though, is never replaced by a file.
    let (tmp, site) = fixture_with("basic", &[("static/nyheter/index.html", "<p>x</p>")]);
    let result = build(&site, &tmp.path().join("out"), &[]);
    assert!(!result.status.success());
    assert!(
        String::from_utf8_lossy(&result.stderr)
            .contains("the file `nyheter/index.html` would replace a page of the same name")
    );
}
