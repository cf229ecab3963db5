//! Languages as data: the four-language fixture (sv, en, fi, ar) gets every
//! page kind in every language, with each language's `lang`, `dir`, dates,
//! numbers, slugs, search folding and language switch; a site adds a fifth
//! language with a `locale:` block.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test tool may stop at its own set-up's failure

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::*;

fn built() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    assert_success(&build(&fixture("languages"), &out, &[]));
    (tmp, out)
}

/// The `<html>` element's `lang` and `dir` of a page.
fn html_lang_dir(out: &Path, page: &str) -> (String, Option<String>) {
    let document = html(out, page);
    let lang = attrs(&document, "html", "lang").pop().unwrap_or_default();
    let dir = attrs(&document, "html", "dir").pop();
    (lang, dir)
}

#[test]
fn every_language_gets_every_page_kind() {
    let (_tmp, out) = built();
    // (prefix, section, topics, search, statistics, statement)
    let languages = [
        ("", "nyheter", "amnen", "sok", "statistik", "tillganglighet"),
        (
            "en/",
            "news",
            "topics",
            "search",
            "statistics",
            "accessibility",
        ),
        (
            "fi/",
            "uutiset",
            "aiheet",
            "haku",
            "tilastot",
            "saavutettavuus",
        ),
        (
            "ar/",
            "akhbar",
            "mawadi",
            "bahth",
            "ihsaat",
            "imkaniyat-al-wusul",
        ),
    ];
    for (prefix, section, topics, search, statistics, statement) in languages {
        for page in [
            "index.html".to_string(),
            "404.html".to_string(),
            "atom.xml".to_string(),
            format!("{section}/index.html"),
            format!("{topics}/index.html"),
            format!("{search}/index.html"),
            format!("{search}/index.js"),
            format!("{statistics}/index.html"),
            format!("{statistics}/testserie/index.html"),
            format!("{statement}/index.html"),
        ] {
            let path = format!("{prefix}{page}");
            assert!(out.join(&path).is_file(), "{path} is missing");
        }
    }
    // The statement is the generated one, in the page's language.
    let fi = read(&out, "fi/saavutettavuus/index.html");
    assert!(fi.contains("Kuinka saavutettava sivusto on?"), "{fi}");
    let ar = read(&out, "ar/imkaniyat-al-wusul/index.html");
    assert!(ar.contains("ما مدى إمكانية الوصول إلى الموقع؟"));
}

#[test]
fn html_carries_the_language_and_right_to_left_direction() {
    let (_tmp, out) = built();
    assert_eq!(html_lang_dir(&out, "index.html"), ("sv".into(), None));
    assert_eq!(html_lang_dir(&out, "en/index.html"), ("en".into(), None));
    assert_eq!(
        html_lang_dir(&out, "fi/uutiset/index.html"),
        ("fi".into(), None)
    );
    for page in [
        "ar/index.html",
        "ar/404.html",
        "ar/akhbar/index.html",
        "ar/ihsaat/testserie/index.html",
        "ar/bahth/index.html",
        "ar/mawadi/index.html",
    ] {
        assert_eq!(
            html_lang_dir(&out, page),
            ("ar".into(), Some("rtl".into())),
            "{page}"
        );
    }
    let document = html(&out, "ar/index.html");
    assert_eq!(
        attrs(&document, "meta[property='og:locale']", "content"),
        ["ar_AR"]
    );
}

#[test]
fn dates_and_numbers_are_written_as_each_language_writes_them() {
    let (_tmp, out) = built();
    let dates = [
        ("nyheter/index.html", "13 november 2019"),
        ("en/news/index.html", "13 November 2019"),
        ("fi/uutiset/index.html", "13. marraskuuta 2019"),
        ("fi/uutiset/index.html", "1. toukokuuta 2020"),
        ("ar/akhbar/index.html", "13 نوفمبر 2019"),
        ("ar/akhbar/index.html", "1 مايو 2020"),
    ];
    for (page, date) in dates {
        assert!(
            texts(&html(&out, page), "time").contains(&date.to_string()),
            "{page} has no {date}"
        );
    }
    let numbers = [
        ("statistik/testserie/index.html", "1\u{a0}234,5"),
        ("en/statistics/testserie/index.html", "1,234.5"),
        ("fi/tilastot/testserie/index.html", "1\u{a0}234,5"),
        // Western digits on Arabic pages, as Swedish authorities write them.
        ("ar/ihsaat/testserie/index.html", "1,234.5"),
    ];
    for (page, number) in numbers {
        let text = read(&out, page);
        assert!(
            text.contains(&format!("<td class=\"num\">{number}<")),
            "{page}: no cell {number}"
        );
    }
    // Quarters and the trend block in an article, in Finnish and Arabic.
    let fi = read(&out, "fi/tilastot/testserie/index.html");
    assert!(fi.contains("1.\u{a0}nelj. 2019"), "{fi}");
    let ar = read(&out, "ar/akhbar/alajtma-alawl/index.html");
    assert!(ar.contains("الربع\u{a0}1 2019"));
    assert!(!ar.chars().any(|c| ('\u{660}'..='\u{669}').contains(&c)));
    // A left-to-right mark keeps a sign before its digits in Arabic; captions use the Arabic comma.
    assert!(ar.contains(">\u{200e}+23.5<"), "{ar}");
    assert!(ar.contains(">\u{200e}\u{2212}134.5<"));
    assert!(ar.contains("سلسلة اختبار وهمية، البلدية التجريبية، "));
    assert!(fi.contains(">+23,5<"));
}

#[test]
fn the_language_switch_lists_every_language_in_its_own_name() {
    let (_tmp, out) = built();
    // The second meeting has no English translation.
    let sv = html(&out, "nyheter/andra-motet/index.html");
    let switch = "nav.language-switch a[lang]";
    assert_eq!(texts(&sv, switch), ["English", "Suomi", "العربية"]);
    assert_eq!(attrs(&sv, switch, "lang"), ["en", "fi", "ar"]);
    assert_eq!(attrs(&sv, switch, "hreflang"), ["en", "fi", "ar"]);
    assert_eq!(
        attrs(&sv, switch, "href"),
        [
            "../../en/news/",
            "../../fi/uutiset/toinen-kokous/",
            "../../ar/akhbar/al-ijtima-al-thani/"
        ]
    );
    // Only the Arabic name, written the other way, carries its own `dir`.
    assert_eq!(attrs(&sv, switch, "dir"), ["rtl"]);
    assert_eq!(
        texts(&sv, "nav.language-switch .switch-note"),
        ["(sidan finns inte på engelska)"]
    );
    let ar = html(&out, "ar/akhbar/al-ijtima-al-thani/index.html");
    assert_eq!(texts(&ar, switch), ["Svenska", "English", "Suomi"]);
    assert_eq!(attrs(&ar, switch, "dir"), ["ltr", "ltr", "ltr"]);
    assert_eq!(
        texts(&ar, "nav.language-switch .switch-note"),
        ["(هذه الصفحة غير متوفرة باللغة الإنجليزية)"]
    );
    let fi = html(&out, "fi/uutiset/toinen-kokous/index.html");
    assert_eq!(
        texts(&fi, "nav.language-switch .switch-note"),
        ["(sivua ei ole englanniksi)"]
    );
    // The third meeting is in Swedish and English only: Finnish leads to its section.
    let en = html(&out, "en/news/third-meeting/index.html");
    assert_eq!(
        attrs(&en, switch, "href"),
        [
            "../../../nyheter/tredje-motet/",
            "../../../fi/uutiset/",
            "../../../ar/akhbar/"
        ]
    );
    // Every switch link leads to a page that exists.
    assert_eq!(broken_internal_links(&out, "/"), Vec::<String>::new());
}

#[test]
fn hreflang_and_the_sitemap_cover_every_language() {
    let (_tmp, out) = built();
    let page = html(&out, "fi/uutiset/ensimmainen-kokous/index.html");
    assert_eq!(
        attrs(&page, "link[rel=alternate][hreflang]", "hreflang"),
        ["sv", "en", "fi", "ar"]
    );
    let sitemap = read(&out, "sitemap.xml");
    for url in [
        "https://example.org/ar/akhbar/alajtma-alawl/",
        "https://example.org/fi/uutiset/ensimmainen-kokous/",
        "https://example.org/en/news/first-meeting/",
        "https://example.org/nyheter/forsta-motet/",
    ] {
        assert!(sitemap.contains(&format!("<loc>{url}</loc>")), "{url}");
    }
    assert!(sitemap.contains(
        "<xhtml:link rel=\"alternate\" hreflang=\"ar\" href=\"https://example.org/ar/akhbar/al-ijtima-al-thani/\"/>"
    ));
}

#[test]
fn slugs_from_arabic_titles_are_readable_ascii_or_given() {
    let (_tmp, out) = built();
    // Transliterated from "الاجتماع الأول" and "عن الموقع"; given by `slug:`.
    for page in [
        "ar/akhbar/alajtma-alawl/index.html",
        "ar/n-almwq/index.html",
        "ar/akhbar/al-ijtima-al-thani/index.html",
        "fi/tietoa-sivustosta/index.html",
    ] {
        assert!(out.join(page).is_file(), "{page}");
    }
    for path in tree(&out).keys() {
        assert!(path.is_ascii(), "{path}");
    }
}

#[test]
fn the_arabic_search_index_is_folded_without_diacritics_and_with_one_alef() {
    let (_tmp, out) = built();
    let index = read(&out, "ar/bahth/index.js");
    let words: Vec<&str> = index
        .split("\"w\":\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    // "مَدْرَسَةٌ أَمِينَةٌ" in the text, "الأول" in the title.
    assert!(words.iter().any(|w| w.contains("مدرسة امينة")), "{words:?}");
    assert!(words.iter().any(|w| w.contains("الاجتماع الاول")));
    assert!(
        words
            .iter()
            .all(|w| !w.contains('\u{64e}') && !w.contains('أ'))
    );
    // Titles keep what the editor wrote.
    assert!(index.contains("\"t\":\"الاجتماع الأول\""));
    let fi = read(&out, "fi/haku/index.js");
    assert!(fi.contains("ensimmainen kokous"), "{fi}");
}

#[test]
fn a_malformed_language_code_is_an_error_at_its_place() {
    let (_tmp, site) = fixture_with(
        "languages",
        &[(
            "site.yaml",
            &fs::read_to_string(fixture("languages").join("site.yaml"))
                .unwrap()
                .replace(
                    "languages: [sv, en, fi, ar]",
                    "languages: [sv, en, Suomi, ar]",
                ),
        )],
    );
    let tmp = tempfile::tempdir().unwrap();
    let result = build(&site, &tmp.path().join("out"), &[]);
    assert!(!result.status.success());
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        stderr.contains("site.yaml:10:") && stderr.contains("`Suomi` is not a language code"),
        "{stderr}"
    );
    assert!(stderr.contains("BCP 47"), "{stderr}");
}

/// A two-language site in Swedish and German, German added by the site.
fn german_site(strings: &str) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    let files = [
        (
            "site.yaml",
            "name: { sv: Test, de: Test }\nbase_url: https://example.org/\nlanguages: [sv, de]\ndefault_language: sv\n",
        ),
        ("content/_index.yaml", "title: { sv: Hej, de: Hallo }\n"),
        (
            "content/nyheter/_section.yaml",
            "title: { sv: Nyheter, de: Nachrichten }\nslug: { de: nachrichten }\nsort: date\n",
        ),
        (
            "content/nyheter/mote/sv.md",
            "---\ntitle: Mötet\ndate: 2019-03-13\n---\nText.\n",
        ),
        (
            "content/nyheter/mote/de.md",
            "---\ntitle: Die Sitzung\ndate: 2019-03-13\n---\nText.\n",
        ),
        ("themes/default/i18n/de.yaml", strings),
    ];
    for (path, text) in files {
        let file = site.join(path);
        fs::create_dir_all(file.parent().unwrap()).unwrap();
        fs::write(file, text).unwrap();
    }
    (tmp, site)
}

const GERMAN_LOCALE: &str = "locale:
  name: Deutsch
  months: [Januar, Februar, März, April, Mai, Juni, Juli, August, September, Oktober, November, Dezember]
  date: \"{day}. {month} {year}\"
  decimal: \",\"
  group: \".\"
  words: { page: seite, topics: themen, search: suche, languages: sprachen, table: tabelle, chart: diagramm, downloads: herunterladen }
  names: { sv: Schwedisch }
";

fn english_strings() -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/i18n/en.yaml"))
        .unwrap()
}

#[test]
fn a_site_adds_a_fifth_language_with_a_locale_block() {
    let strings = format!("{GERMAN_LOCALE}{}", english_strings());
    let (tmp, site) = german_site(&strings);
    let out = tmp.path().join("out");
    assert_success(&build(&site, &out, &[]));
    assert_eq!(
        html_lang_dir(&out, "de/nachrichten/die-sitzung/index.html"),
        ("de".into(), None)
    );
    assert!(out.join("de/suche/index.html").is_file());
    let listing = html(&out, "de/nachrichten/index.html");
    assert!(texts(&listing, "time").contains(&"13. März 2019".to_string()));
    let sv = html(&out, "index.html");
    assert_eq!(texts(&sv, "nav.language-switch a"), ["Deutsch"]);
}

#[test]
fn a_fifth_language_without_a_locale_block_or_a_key_is_an_error_naming_the_file() {
    let (tmp, site) = german_site(&english_strings());
    let result = build(&site, &tmp.path().join("out"), &[]);
    assert!(!result.status.success());
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        stderr.contains("themes/default/i18n/de.yaml")
            && stderr.contains("no locale data for `de`"),
        "{stderr}"
    );

    let without_skip_link: String = english_strings()
        .lines()
        .filter(|l| !l.starts_with("skip_link:"))
        .map(|l| format!("{l}\n"))
        .collect();
    let (tmp, site) = german_site(&format!("{GERMAN_LOCALE}{without_skip_link}"));
    let result = build(&site, &tmp.path().join("out"), &[]);
    assert!(!result.status.success());
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        stderr.contains("themes/default/i18n/de.yaml")
            && stderr.contains("interface string `skip_link` is missing"),
        "{stderr}"
    );
}

fn check(site: &Path, format: &[&str]) -> String {
    let result = torget()
        .args(["check", "--now", NOW, "--site"])
        .arg(site)
        .args(format)
        .output()
        .unwrap();
    assert_eq!(result.status.code(), Some(0), "{result:?}");
    String::from_utf8(result.stdout).unwrap()
}

#[test]
fn check_warns_only_about_required_languages_and_lists_the_rest() {
    // required_languages: [sv, en]. The second meeting lacks English (a
    // warning); the third lacks Finnish and Arabic (information).
    let report = check(&fixture("languages"), &[]);
    let warnings: Vec<&str> = report
        .lines()
        .filter(|l| l.contains(": warning: "))
        .collect();
    assert_eq!(
        warnings,
        ["  content/nyheter/andra-motet/sv.md:2:1: warning: there is no English translation"],
        "{report}"
    );
    assert!(
        report.contains("Not translated (in languages required_languages leaves out; not warnings)\n  content/nyheter/tredje-motet: fi, ar\n"),
        "{report}"
    );
    assert!(report.contains("0 errors, 1 warning."), "{report}");
    // LIX is measured for Swedish and English pages only.
    assert!(report.contains("content/om/en.md ("), "{report}");
    assert!(!report.contains("content/om/fi.md") && !report.contains("content/om/ar.md"));

    let json: serde_json::Value =
        serde_json::from_str(&check(&fixture("languages"), &["--format", "json"])).unwrap();
    assert_eq!(json["warnings"], 1);
    assert_eq!(
        json["untranslated"],
        serde_json::json!([{ "folder": "content/nyheter/tredje-motet", "languages": ["fi", "ar"] }])
    );
}

#[test]
fn without_required_languages_every_language_is_required() {
    let text = fs::read_to_string(fixture("languages").join("site.yaml")).unwrap();
    let (_tmp, site) = fixture_with(
        "languages",
        &[(
            "site.yaml",
            &text
                .lines()
                .filter(|l| !l.starts_with("required_languages:"))
                .map(|l| format!("{l}\n"))
                .collect::<String>(),
        )],
    );
    let report = check(&site, &[]);
    for missing in ["English", "Finnish", "Arabic"] {
        assert!(
            report.contains(&format!("warning: there is no {missing} translation")),
            "{report}"
        );
    }
    assert!(!report.contains("Not translated"), "{report}");
    assert!(report.contains("0 errors, 3 warnings."), "{report}");

    let (_tmp, site) = fixture_with(
        "languages",
        &[(
            "site.yaml",
            &text.replace(
                "required_languages: [sv, en]",
                "required_languages: [sv, de]",
            ),
        )],
    );
    let result = torget()
        .args(["check", "--now", NOW, "--site"])
        .arg(&site)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        stderr.contains("`de` is required but not one of the site's `languages`"),
        "{stderr}"
    );
}

#[test]
fn an_other_languages_page_shows_what_exists_in_each_language() {
    let (_tmp, out) = built();
    for (page, link) in [
        ("index.html", "andra-sprak/"),
        ("en/index.html", "other-languages/"),
        ("fi/index.html", "muut-kielet/"),
        ("ar/index.html", "lughat-ukhra/"),
    ] {
        let document = html(&out, page);
        let hrefs = attrs(&document, "nav.language-switch a", "href");
        assert_eq!(hrefs.last().map(String::as_str), Some(link), "{page}");
    }
    let fi = html(&out, "fi/muut-kielet/index.html");
    assert_eq!(texts(&fi, "h1"), ["Muut kielet"]);
    assert_eq!(
        texts(&fi, "section.other-language h2"),
        ["Svenska", "English", "العربية"]
    );
    assert_eq!(
        attrs(&fi, "section.other-language", "lang"),
        ["sv", "en", "ar"]
    );
    assert_eq!(attrs(&fi, "section.other-language", "dir"), ["rtl"]);
    // Titles as each language sorts them; the third meeting has no Arabic translation.
    assert_eq!(
        texts(&fi, "section[lang=ar] li a"),
        [
            "الاجتماع الأول",
            "الاجتماع الثاني",
            "إمكانية الوصول إلى اختبار اللغات",
            "سلسلة اختبار وهمية",
            "عن الموقع"
        ]
    );
    assert!(texts(&fi, "section[lang=en] li a").contains(&"The third meeting".to_string()));
    assert!(!texts(&fi, "section[lang=en] li a").contains(&"Second meeting".to_string()));
    let ar = html(&out, "ar/lughat-ukhra/index.html");
    assert_eq!(
        attrs(&ar, "section.other-language", "dir"),
        ["ltr", "ltr", "ltr"]
    );

    // A site in two languages has no such page: its language switch says it all.
    let tmp = tempfile::tempdir().unwrap();
    let two = tmp.path().join("out");
    assert_success(&build(&fixture("basic"), &two, &[]));
    assert!(!two.join("andra-sprak").exists());
    assert!(!read(&two, "index.html").contains("Andra språk"));
}
