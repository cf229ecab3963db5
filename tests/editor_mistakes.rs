//! What editors really write that plain Markdown silently drops is read as
//! they meant, with a warning at its line that says how to write it.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test tool may stop at its own set-up's failure

mod common;

use std::fs;

use common::*;

const ARTICLE: &str = "content/nyheter/misstag/sv.md";

fn built(body: &str) -> (tempfile::TempDir, std::path::PathBuf, std::process::Output) {
    let (tmp, site) = fixture_with(
        "basic",
        &[(
            ARTICLE,
            &format!("---\ntitle: Misstag\ndate: 2020-03-01\n---\n{body}"),
        )],
    );
    fs::copy(
        fixture("basic/content/nyheter/c-tredje/bild.png"),
        site.join("content/nyheter/misstag/Bild 1.png"),
    )
    .unwrap();
    let out = tmp.path().join("public");
    let result = build(&site, &out, &[]);
    (tmp, out, result)
}

const PAGE: &str = "nyheter/misstag/index.html";

#[test]
fn a_heading_pasted_from_word_is_a_heading_with_a_warning_at_its_line() {
    let (_tmp, out, result) = built("Inledning.\n\n##\u{a0}Vad händer?\n\nText.\n");
    assert_success(&result);
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        stderr.contains(&format!(
            "{ARTICLE}:7:3: warning: the heading marker `##` is followed by a no-break space; torget read it as a heading"
        )),
        "{stderr}"
    );
    let page = html(&out, PAGE);
    assert_eq!(texts(&page, ".body h2"), ["Vad händer?"]);
    assert_eq!(attrs(&page, ".body h2", "id"), ["vad-hander"]);
}

#[test]
fn an_image_whose_file_name_has_a_space_is_shown_with_a_warning() {
    let (_tmp, out, result) = built(
        "Inledning.\n\n![Affisch för öppet hus](Bild 1.png)\n\nEn [länk till bilden](Bild 1.png) och [en saknad fil](Rapport 2023.pdf).\n",
    );
    let stderr = String::from_utf8_lossy(&result.stderr);
    // The missing file is still an error, at its own place in the line.
    assert_eq!(result.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "{ARTICLE}:7:26: warning: the file name `Bild 1.png` has spaces"
        )),
        "{stderr}"
    );
    assert!(stderr.contains("write `(<Bild 1.png>)`"), "{stderr}");
    let missing_at = format!("{ARTICLE}:9:");
    assert!(
        stderr.lines().any(|l| l.starts_with(&missing_at)
            && l.contains("error")
            && l.contains("Rapport 2023.pdf")),
        "{stderr}"
    );

    let (_tmp, out2, result) = built(
        "Inledning.\n\n![Affisch för öppet hus](Bild 1.png)\n\nEn [länk till bilden](Bild 1.png).\n",
    );
    assert_success(&result);
    let _ = out;
    let page = html(&out2, PAGE);
    assert_eq!(attrs(&page, ".body img", "alt"), ["Affisch för öppet hus"]);
    assert_eq!(attrs(&page, ".body img", "src"), ["Bild%201.png"]);
    assert_eq!(attrs(&page, ".body a", "href"), ["Bild%201.png"]);
    assert!(out2.join("nyheter/misstag/Bild 1.png").is_file());
}

#[test]
fn an_address_of_the_site_copied_from_the_browser_becomes_a_checked_relative_link() {
    let (tmp, out, result) = built(
        "Se [om oss](/sub/om-oss/) och [nyheterna](https://example.org/sub/nyheter/) och [in English](/sub/en/).\n",
    );
    assert_success(&result);
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        stderr.contains(&format!(
            "{ARTICLE}:5:4: warning: `/sub/om-oss/` is this site's own address: torget made it a relative link"
        )),
        "{stderr}"
    );
    assert!(stderr.contains("write `(@/om)`"), "{stderr}");
    let page = html(&out, PAGE);
    assert_eq!(
        attrs(&page, ".body a", "href"),
        ["../../om-oss/", "../", "../../en/"]
    );
    assert_eq!(attrs(&page, ".body a[hreflang]", "hreflang"), ["en"]);
    assert_eq!(broken_internal_links(&out, "/sub/"), Vec::<String>::new());

    // Opened from disk, the same links name index.html.
    let disk = tmp.path().join("disk");
    assert_success(&build(&tmp.path().join("site"), &disk, &["--for-disk"]));
    assert_eq!(
        attrs(&html(&disk, PAGE), ".body a", "href"),
        [
            "../../om-oss/index.html",
            "../index.html",
            "../../en/index.html"
        ]
    );

    // An address no page has is a broken link.
    let (_tmp, _out, result) = built("Se [borta](/sub/finns-inte/).\n");
    assert_eq!(result.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        stderr.contains(&format!(
            "{ARTICLE}:5:4: error: broken link: no page of this site has the address `/sub/finns-inte/`"
        )),
        "{stderr}"
    );

    // A misspelt address gets the page it was meant to be, written the `@/` way.
    let (_tmp, _out, result) = built("Se [oss](/sub/om-os/).\n");
    assert_eq!(result.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        stderr.contains("no page of this site has the address `/sub/om-os/`"),
        "{stderr}"
    );
    assert!(stderr.contains("help: did you mean `@/om`?"), "{stderr}");
}

#[test]
fn a_file_name_that_differs_in_case_or_spelling_gets_the_right_name_as_a_hint() {
    let (_tmp, _out, result) = built("![Karta](<Bild 1.PNG>)\n\n![Karta](<Bidl 1.png>)\n");
    assert_eq!(result.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        stderr.contains("help: the file is called `Bild 1.png`: write the name exactly"),
        "{stderr}"
    );
    assert!(
        stderr.contains("help: did you mean `Bild 1.png`?"),
        "{stderr}"
    );
}

#[test]
fn a_footnote_without_its_note_is_a_located_warning() {
    let (_tmp, _out, result) = built("Enligt polisen[^polisen] minskade våldet.\n");
    assert_success(&result);
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        stderr.contains(&format!(
            "{ARTICLE}:5:15: warning: the footnote `[^polisen]` has no note, so it is shown as text"
        )),
        "{stderr}"
    );
}
