//! Charts on the built pages: the kind a dataset asks for, a `trend` block's
//! own choice, `chart: none` as the table alone, and the summary as the
//! chart's accessible name (the browser suite measures the drawing itself).

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test tool may stop at its own set-up's failure

mod common;

use common::*;

#[test]
fn each_dataset_gets_the_chart_it_asks_for_and_a_trend_block_may_choose_another() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    assert_success(&build(&fixture("charts"), &out, &[]));
    // A count gets bars, a rate lines; the article's `chart=bar` draws the rate as bars.
    let counted = html(&out, "statistik/ar-5/index.html");
    assert_eq!(
        attrs(&counted, "svg[role=img]", "class"),
        ["chart chart-bar"]
    );
    let rate = html(&out, "en/statistics/tre-serier/index.html");
    assert_eq!(attrs(&rate, "svg[role=img]", "class"), ["chart chart-line"]);
    let article = html(&out, "en/articles/three-series-as-bars/index.html");
    assert_eq!(
        attrs(&article, "svg[role=img]", "class"),
        ["chart chart-bar"]
    );
    // Three series, each named beside its last value.
    assert_eq!(
        texts(&rate, "svg .direct-label"),
        ["Northern area", "Southern area", "Western area"]
    );
    // The summary names the latest value with its statuses.
    let summary = texts(&counted, "svg desc").concat();
    assert!(
        summary.contains("Senaste värde 379 (2024, preliminär uppgift)."),
        "{summary}"
    );
    assert_eq!(
        texts(&counted, ".chart-note"),
        ["Randiga staplar: 2024 [p]."]
    );
}

#[test]
fn chart_none_leaves_the_table_alone() {
    let text = std::fs::read_to_string(fixture("charts/content/statistik/ar-5.yaml"))
        .unwrap()
        .replace("better: lower\n", "better: lower\nchart: none\n");
    let (tmp, site) = fixture_with("charts", &[("content/statistik/ar-5.yaml", &text)]);
    let out = tmp.path().join("public");
    assert_success(&build(&site, &out, &[]));
    let page = html(&out, "statistik/ar-5/index.html");
    assert!(attrs(&page, "svg", "class").is_empty());
    assert!(
        attrs(&page, "#diagram", "id").is_empty(),
        "no chart heading"
    );
    assert_eq!(attrs(&page, "table", "class").len(), 1);
}

#[test]
fn a_link_to_the_chart_of_a_dataset_without_one_is_refused() {
    let text = std::fs::read_to_string(fixture("charts/content/statistik/ar-5.yaml"))
        .unwrap()
        .replace("better: lower\n", "better: lower\nchart: none\n");
    let article = "---\ntitle: Länkar\ndate: 2024-01-01\n---\n[Tabellen](@/statistik/ar-5#tabell) och [diagrammet](@/statistik/ar-5#diagram).\n";
    let (tmp, site) = fixture_with(
        "charts",
        &[
            ("content/statistik/ar-5.yaml", &text),
            ("content/artiklar/lankar/sv.md", article),
        ],
    );
    let built = build(&site, &tmp.path().join("public"), &[]);
    let said = String::from_utf8_lossy(&built.stderr);
    assert!(
        said.contains("content/artiklar/lankar/sv.md:5:")
            && said.contains("#diagram")
            && !said.contains("#tabell`:"),
        "{said}"
    );
}
