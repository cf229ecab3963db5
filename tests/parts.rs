//! The language of parts (WCAG 3.1.2): `[text]{lang=sv}` and
//! `[text](url){lang=sv}` on the `parts` fixture, built by the real binary,
//! in body text, headings, lists, tables, footnotes and the home page's
//! introduction; summaries, feeds and the search index hold the text only.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test tool may stop at its own set-up's failure

mod common;

use std::path::PathBuf;

use common::*;

fn built() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let result = build(&fixture("parts"), &out, &[]);
    assert_success(&result);
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(!stderr.contains("warning"), "{stderr}");
    (tmp, out)
}

#[test]
fn phrases_carry_their_language_in_text_headings_lists_tables_and_footnotes() {
    let (_tmp, out) = built();
    let about = html(&out, "en/about/index.html");
    assert_eq!(
        texts(&about, ".body span[lang='sv']"),
        [
            "Brå:s rapport",
            "Sluta skjut",
            "our news",
            "Sluta skjut",
            "Polisen",
            "Kriminalvården",
            // The caption of the table under `## Kontakt {lang=sv}`.
            "Kontakt",
            "Sluta skjut",
            "Brå",
            "Uppföljning av Sluta skjut",
        ]
    );
    assert_eq!(texts(&about, ".body em"), ["rapport"]);
    assert_eq!(texts(&about, "h2 span[lang='sv']"), ["Sluta skjut"]);
    // `## Kontakt {lang=sv}` marks the whole heading, and the table's caption made from it.
    assert_eq!(texts(&about, "h2[lang='sv']"), ["Kontakt"]);
    assert_eq!(texts(&about, "caption span[lang='sv']"), ["Kontakt"]);
    assert_eq!(
        texts(&about, "li span[lang='sv']"),
        ["Polisen", "Kriminalvården"]
    );
    assert_eq!(texts(&about, "td span[lang='sv']"), ["Sluta skjut"]);
    assert_eq!(
        texts(&about, ".footnote span[lang='sv']"),
        ["Uppföljning av Sluta skjut"]
    );
    // Heading ids come from the text, not the braces.
    assert_eq!(attrs(&about, "h2", "id"), ["about-sluta-skjut", "kontakt"]);
    // Braces that follow nothing are the editor's text.
    let text = texts(&about, ".body").join(" ");
    assert!(
        text.contains("Braces that follow nothing stay: {lang=sv}."),
        "{text}"
    );
    assert_eq!(text.matches("{lang").count(), 1, "{text}");
}

#[test]
fn links_to_other_sites_say_their_language_and_links_within_the_site_do_not() {
    let (_tmp, out) = built();
    let about = html(&out, "en/about/index.html");
    assert_eq!(
        attrs(&about, ".body a[hreflang='sv']", "href"),
        [
            "https://bra.se/gvi",
            // `[Brå]{lang=sv}` with `[brå]: …` below stays a link.
            "https://bra.se/",
            "https://bra.se/uppfoljning",
        ]
    );
    // `[our news](@/nyheter/forsta){lang=sv}`: torget knows the page is English.
    assert_eq!(
        attrs(&about, ".body a[href='../news/first/']", "hreflang"),
        Vec::<String>::new()
    );
    assert_eq!(
        texts(&about, ".body a[href='../news/first/'] span[lang='sv']"),
        ["our news"]
    );
}

#[test]
fn right_to_left_phrases_in_left_to_right_pages_get_dir() {
    let (_tmp, out) = built();
    let about = html(&out, "en/about/index.html");
    assert_eq!(
        texts(&about, ".body span[lang='ar'][dir='rtl']"),
        ["مرحبا بكم"]
    );
    assert_eq!(
        attrs(&about, ".body span[lang='sv']", "dir"),
        Vec::<String>::new()
    );
    let news = html(&out, "en/news/first/index.html");
    assert_eq!(texts(&news, ".body span[dir='rtl']"), ["مرحبا"]);
}

#[test]
fn markdown_set_in_yaml_marks_its_phrases_too() {
    let (_tmp, out) = built();
    let sv = html(&out, "index.html");
    assert_eq!(
        texts(&sv, ".intro span[lang='en']"),
        ["Group Violence Intervention"]
    );
    let en = html(&out, "en/index.html");
    assert_eq!(texts(&en, ".intro span[lang='sv']"), ["Sluta skjut", "Brå"]);
    assert_eq!(
        attrs(&en, ".intro a[hreflang='sv']", "href"),
        ["https://bra.se/"]
    );
}

#[test]
fn summaries_feeds_and_the_search_index_hold_the_text_without_the_braces() {
    let (_tmp, out) = built();
    let summary = "The meeting is called kallelse in Swedish, and مرحبا in Arabic.";
    for file in ["en/news/index.html", "en/atom.xml", "en/search/index.js"] {
        let text = read(&out, file);
        assert!(text.contains(summary), "{file}: {text}");
        assert!(!text.contains("{lang"), "{file}: {text}");
    }
    let sv = read(&out, "sok/index.js");
    assert!(sv.contains("Mötet kallas call-in på engelska."), "{sv}");
    assert!(!sv.contains("{lang"), "{sv}");
    // The listing's description of the page is its first paragraph, as text.
    let page = html(&out, "en/about/index.html");
    assert_eq!(
        attrs(&page, "meta[name='description']", "content"),
        ["The report Brå:s rapport is in Swedish; read Sluta skjut or our news."]
    );
}

#[test]
fn a_language_torget_does_not_know_is_an_error_where_it_is_written() {
    let (tmp, site) = fixture_with(
        "parts",
        &[(
            "content/_index.yaml",
            "title: { sv: Välkommen, en: Welcome }\nintro:\n  sv: \"Om [Brå]{lang=sverige}.\"\n  en: Hello.\n",
        )],
    );
    let result = build(&site, &tmp.path().join("public"), &[]);
    assert_eq!(result.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        stderr.contains(
            "content/_index.yaml:3:3: error: `sverige` is not a language code torget knows"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("help: write the language as a BCP 47 code"),
        "{stderr}"
    );
}

#[test]
fn a_heading_attribute_other_than_its_id_class_or_language_is_taken_out() {
    let (tmp, site) = fixture_with(
        "parts",
        &[(
            "content/om/sv.md",
            "---\ntitle: Om kommunen\nslug: om\n---\nText.\n\n## Rubrik {#egen .klass onclick=alert(1) lang=en}\n",
        )],
    );
    let out = tmp.path().join("public");
    let result = build(&site, &out, &[]);
    assert_success(&result);
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        stderr.contains(
            "content/om/sv.md:7:1: warning: the heading attribute `onclick` was taken out"
        ),
        "{stderr}"
    );
    let page = read(&out, "om/index.html");
    assert!(
        page.contains("<h2 id=\"egen\" class=\"klass\" lang=\"en\">Rubrik</h2>"),
        "{page}"
    );
    assert!(!page.contains("onclick"), "{page}");
}
