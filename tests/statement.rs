//! The accessibility statement from `accessibility:` in site.yaml: the page in
//! each language holds every part DIGG requires, every page links to it, and
//! `check` warns about facts that are missing or out of date.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test tool may stop at its own set-up's failure

mod common;

use std::path::Path;

use common::*;

fn built(site: &Path) -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    assert_success(&build(site, &out, &[]));
    (tmp, out)
}

fn check(site: &Path, now: &str) -> String {
    let result = torget()
        .args(["check", "--now", now, "--site"])
        .arg(site)
        .output()
        .unwrap();
    assert_eq!(result.status.code(), Some(0));
    String::from_utf8(result.stdout).unwrap()
}

/// The lines of a check report that are findings, without their indent.
fn findings(report: &str) -> Vec<&str> {
    report
        .lines()
        .map(str::trim)
        .filter(|l| l.contains(": warning: ") || l.contains(": error: "))
        .collect()
}

#[test]
fn the_statement_page_holds_every_part_digg_requires_in_each_language() {
    let (_tmp, out) = built(&fixture("statement"));
    let sv = html(&out, "tillganglighetsredogorelse/index.html");
    let body = texts(&sv, ".statement").join(" ");
    for part in [
        // Who is behind which service.
        "Testkommunen står bakom webbplatsen Testtjänsten.",
        // The status in DIGG's words.
        "Testtjänsten är delvis förenlig med lagen om tillgänglighet till digital offentlig service",
        // Each known problem, its criteria and when it will be fixed.
        "Grå text i sidfoten har för låg kontrast.",
        "Krav i WCAG 2.1 som inte uppfylls: 1.4.3 Contrast (Minimum) (nivå AA); 3.1.2 Language of Parts (nivå AA). Planerad åtgärd senast 31 mars 2027.",
        "1.1.1 Non-text Content (nivå A). Planerad åtgärd senast 30 juni 2027.",
        // Disproportionate burden and content outside the law.
        "Filmerna från 2019 textas inte",
        "Inspelade direktsändningar före 2020.",
        // Feedback, response time, DIGG, method and dates.
        "E-post: tillganglighet@example.org",
        "Vi svarar normalt inom två arbetsdagar.",
        "kontakta Digg och påtala det",
        "Självskattning med axe och tangentbord.",
        "Den senaste bedömningen gjordes den 15 oktober 2026.",
        "Redogörelsen uppdaterades senast den 1 november 2026.",
    ] {
        assert!(body.contains(part), "missing: {part}\nin: {body}");
    }
    assert_eq!(
        attrs(&sv, ".statement a[href^='mailto:']", "href"),
        ["mailto:tillganglighet@example.org"]
    );
    assert_eq!(
        attrs(&sv, ".statement a[hreflang='sv']", "href"),
        ["https://www.digg.se/tdosanmalan"]
    );
    assert_eq!(
        attrs(&sv, ".statement time", "datetime"),
        ["2027-03-31", "2027-06-30", "2026-10-15", "2026-11-01"]
    );
    // WCAG's names are English: marked so on a Swedish page (WCAG 3.1.2).
    assert_eq!(
        texts(&sv, ".statement span[lang='en']"),
        [
            "Contrast (Minimum)",
            "Language of Parts",
            "Non-text Content"
        ]
    );
    // The page's own text follows the statement, under its own heading.
    assert_eq!(
        texts(&sv, "article h2"),
        [
            "Hur tillgänglig är webbplatsen?",
            "Innehåll som inte är tillgängligt",
            "Rapportera brister i webbplatsens tillgänglighet",
            "Tillsyn",
            "Hur vi testat webbplatsen",
            "Mer om tillgängligheten",
        ]
    );
    assert_eq!(texts(&sv, "h1"), ["Tillgänglighetsredogörelse"]);

    let en = html(&out, "en/accessibility-statement/index.html");
    let body = texts(&en, ".statement").join(" ");
    for part in [
        "The Test Municipality is responsible for the website The Test Service.",
        "The Test Service is partially compliant with the Act on accessibility to digital public services",
        "WCAG 2.1 success criteria not met: 1.4.3 Contrast (Minimum) (level AA); 3.1.2 Language of Parts (level AA). To be fixed by 31 March 2027.",
        "The films from 2019 are not captioned",
        "We normally reply within two working days.",
        "contact Digg and tell them",
        "The latest assessment was made on 15 October 2026.",
        "This statement was last updated on 1 November 2026.",
    ] {
        assert!(body.contains(part), "missing: {part}\nin: {body}");
    }
    // On an English page the English names need no marking.
    assert!(texts(&en, ".statement [lang]").is_empty());
    assert_eq!(
        texts(&en, "article h2").last().map(String::as_str),
        Some("More about accessibility")
    );
}

#[test]
fn every_page_links_to_the_statement_in_its_language() {
    let (_tmp, out) = built(&fixture("statement"));
    for (page, href) in [
        ("index.html", "tillganglighetsredogorelse/"),
        ("om-tjansten/index.html", "../tillganglighetsredogorelse/"),
        ("tillganglighetsredogorelse/index.html", "./"),
        ("en/index.html", "accessibility-statement/"),
        (
            "en/about-the-service/index.html",
            "../accessibility-statement/",
        ),
    ] {
        let document = html(&out, page);
        assert_eq!(
            attrs(&document, ".site-footer a", "href")
                .into_iter()
                .filter(|h| h.contains("tillganglighet")
                    || h.contains("accessibility")
                    || h == "./")
                .collect::<Vec<_>>(),
            [href],
            "{page}"
        );
    }
    // Only the statement page shows the statement.
    assert!(texts(&html(&out, "om-tjansten/index.html"), ".statement").is_empty());
}

#[test]
fn a_full_statement_checked_in_its_year_raises_nothing() {
    let report = check(&fixture("statement"), "2026-11-24");
    assert!(findings(&report).is_empty(), "{report}");
    // A year to the day is still in time.
    let report = check(&fixture("statement"), "2027-03-31");
    assert!(findings(&report).is_empty(), "{report}");
}

#[test]
fn check_warns_when_the_statement_is_over_a_year_old_and_fix_dates_have_passed() {
    let report = check(&fixture("statement"), "2027-11-02");
    assert_eq!(
        findings(&report),
        [
            "site.yaml:20:7: warning: the planned fix date 2027-03-31 of a known problem (1.4.3, 3.1.2) has passed",
            "site.yaml:24:7: warning: the planned fix date 2027-06-30 of a known problem (1.1.1) has passed",
            "site.yaml:35:3: warning: the accessibility statement is dated 2026-11-01, 366 days ago: it must be reviewed at least once a year",
        ],
        "{report}"
    );
    // The day before, only the fix dates have passed.
    let report = check(&fixture("statement"), "2027-11-01");
    assert_eq!(findings(&report).len(), 2, "{report}");
}

#[test]
fn check_names_each_missing_fact_at_its_place() {
    let report = check(&fixture("statement-missing"), NOW);
    assert_eq!(
        findings(&report),
        [
            "site.yaml:7:1: warning: the accessibility statement does not say who is responsible for the service",
            "site.yaml:7:1: warning: the accessibility statement does not say which content is outside the law",
            "site.yaml:7:1: warning: the accessibility statement does not say how compliance was assessed",
            "site.yaml:7:1: warning: the accessibility statement does not say when compliance was assessed",
            "site.yaml:7:1: warning: the accessibility statement does not say where readers report problems",
            "site.yaml:7:1: warning: the accessibility statement does not say how soon readers get an answer",
            "site.yaml:7:1: warning: the accessibility statement does not say the statement's date",
            "site.yaml:10:5: warning: the accessibility statement does not say when a known problem will be fixed",
        ],
        "{report}"
    );
    assert!(report.contains("help: add `response_time:` under `accessibility:`"));
    // The page still builds, saying what is known and nothing made up.
    let (_tmp, out) = built(&fixture("statement-missing"));
    let page = html(&out, "tillganglighetsredogorelse/index.html");
    let body = texts(&page, ".statement").join(" ");
    assert!(body.contains("Testkommunen är delvis förenlig"), "{body}");
    assert!(!body.contains("Vi svarar normalt"), "{body}");
    assert!(!body.contains("Den senaste bedömningen"), "{body}");
    assert!(attrs(&page, ".statement .feedback a", "href").is_empty());
}

#[test]
fn check_warns_when_the_status_contradicts_the_problems_and_when_no_facts_are_given() {
    let site_yaml = std::fs::read_to_string(fixture("statement").join("site.yaml")).unwrap();
    let (_tmp, site) = fixture_with(
        "statement",
        &[(
            "site.yaml",
            &site_yaml.replace("status: partial", "status: full"),
        )],
    );
    let report = check(&site, NOW);
    assert_eq!(
        findings(&report),
        ["site.yaml:14:3: warning: the status is `full` but 2 known problems are listed"],
        "{report}"
    );

    let without: String = site_yaml
        .lines()
        .take_while(|l| !l.starts_with("accessibility:"))
        .map(|l| format!("{l}\n"))
        .collect();
    let (_tmp, site) = fixture_with("statement", &[("site.yaml", &without)]);
    let report = check(&site, NOW);
    assert_eq!(
        findings(&report),
        [
            "site.yaml:9:1: warning: the accessibility statement does not say any of its facts (`accessibility:` in site.yaml)"
        ],
        "{report}"
    );
    // Without facts the page is the editor's Markdown alone.
    let (_tmp2, out) = built(&site);
    assert!(
        texts(
            &html(&out, "tillganglighetsredogorelse/index.html"),
            ".statement"
        )
        .is_empty()
    );
}

#[test]
fn the_statement_is_said_in_swedish_to_a_swedish_editor() {
    let result = torget()
        .args(["--messages", "sv", "check", "--now", "2027-11-02", "--site"])
        .arg(fixture("statement"))
        .output()
        .unwrap();
    let report = String::from_utf8(result.stdout).unwrap();
    assert!(
        report.contains("site.yaml:35:3: varning: tillgänglighetsredogörelsen är daterad 2026-11-01, för 366 dagar sedan"),
        "{report}"
    );
}

#[test]
fn the_bundled_statement_names_the_service_its_status_and_diggs_form() {
    let (_tmp, out) = built(Path::new(env!("CARGO_MANIFEST_DIR")));
    let sv = html(&out, "tillganglighetsredogorelse/index.html");
    let body = texts(&sv, ".statement").join(" ");
    for part in [
        "Malmö stad står bakom webbplatsen Sluta skjut – Malmö stad.",
        // The one failure the audit found (footnote links named by a
        // number alone, WCAG 2.4.4) is fixed in the renderer.
        "Sluta skjut – Malmö stad är helt förenlig",
        "Den senaste bedömningen gjordes den 30 november 2026.",
    ] {
        assert!(body.contains(part), "missing: {part}\nin: {body}");
    }
    assert!(!body.contains("den här webbplatsen står"), "{body}");
    assert_eq!(
        attrs(
            &sv,
            ".statement a[href='https://www.digg.se/tdosanmalan']",
            "hreflang"
        ),
        ["sv"]
    );
    // The city's feedback channel is not known: the page shows the contact
    // site.yaml gives (nothing made up), and `check` says that is not enough.
    assert_eq!(
        attrs(&sv, ".statement .feedback a", "href"),
        ["https://malmo.se/"]
    );
    let report = check(Path::new(env!("CARGO_MANIFEST_DIR")), NOW);
    assert!(
        report.contains("warning: the statement gives no feedback channel of its own (`feedback:` under `accessibility:`): the contact's address https://malmo.se/ is shown instead"),
        "{report}"
    );
    // The English about page marks its Swedish link texts (WCAG 3.1.2).
    let about = html(&out, "en/about-sluta-skjut/index.html");
    let swedish = texts(&about, ".body a > span[lang='sv']");
    assert!(swedish.len() >= 12, "{swedish:?}");
    assert!(swedish.contains(&"Antal anmälda brott 1996–2018".to_string()));
}

#[test]
fn a_criterion_written_twice_is_listed_once() {
    let site_yaml = std::fs::read_to_string(fixture("statement").join("site.yaml")).unwrap();
    let (_tmp, site) = fixture_with(
        "statement",
        &[(
            "site.yaml",
            &site_yaml.replace(
                "criteria: [1.4.3, 3.1.2]",
                "criteria: [1.4.3, 3.1.2, 1.4.3]",
            ),
        )],
    );
    let (_tmp2, out) = built(&site);
    let body = texts(
        &html(&out, "tillganglighetsredogorelse/index.html"),
        ".statement",
    )
    .join(" ");
    assert!(
        body.contains("som inte uppfylls: 1.4.3 Contrast (Minimum) (nivå AA); 3.1.2 Language of Parts (nivå AA). Planerad"),
        "{body}"
    );
}

#[test]
fn the_statement_says_it_is_digg_s_regulations_that_refer_to_the_standard() {
    let (_tmp, out) = built(&fixture("statement"));
    let sv = texts(
        &html(&out, "tillganglighetsredogorelse/index.html"),
        ".statement",
    )
    .join(" ");
    assert!(
        sv.contains("Diggs föreskrifter om tillgänglighet till digital offentlig service (MDFFS 2019:2) hänvisar till standarden EN 301 549"),
        "{sv}"
    );
    assert!(!sv.contains("Lagen hänvisar"), "{sv}");
    let en = texts(
        &html(&out, "en/accessibility-statement/index.html"),
        ".statement",
    )
    .join(" ");
    assert!(
        en.contains("DIGG's regulations on accessibility to digital public services (MDFFS 2019:2) refer to the standard EN 301 549"),
        "{en}"
    );
}

#[test]
fn check_warns_when_the_page_s_updated_and_the_statement_s_date_differ() {
    let page =
        std::fs::read_to_string(fixture("statement").join("content/tillganglighet/sv.md")).unwrap();
    let front_end = page[3..].find("---").unwrap() + 3;
    let dated = |day: &str| {
        format!(
            "{}updated: {day}\n{}",
            &page[..front_end],
            &page[front_end..]
        )
    };
    let (_tmp, site) = fixture_with(
        "statement",
        &[("content/tillganglighet/sv.md", &dated("2026-11-20"))],
    );
    let report = check(&site, "2026-11-24");
    // (The English page, not updated, is said to be stale: another finding.)
    let found: Vec<&str> = (findings(&report).into_iter())
        .filter(|f| f.contains("statement page"))
        .collect();
    assert_eq!(found.len(), 1, "{report}");
    assert!(
        found[0].ends_with("warning: the statement page says it was updated 2026-11-20, but the statement's date (`date:` under `accessibility:`) is 2026-11-01: the page shows both"),
        "{report}"
    );
    assert!(
        found[0].starts_with("content/tillganglighet/sv.md:"),
        "{report}"
    );
    // The same day is no finding.
    let (_tmp, site) = fixture_with(
        "statement",
        &[("content/tillganglighet/sv.md", &dated("2026-11-01"))],
    );
    let report = check(&site, "2026-11-24");
    assert!(!report.contains("statement page"), "{report}");
}
