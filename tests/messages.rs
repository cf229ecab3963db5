//! torget speaks the editor's language: Swedish when their locale is Swedish
//! (`LC_ALL`, `LC_MESSAGES`, `LANG`), English otherwise, and as `--messages`
//! says whatever the locale. `check --format json` names each finding's rule
//! by a stable English id. The fixture `new-editor` holds four mistakes a new
//! editor makes in their first week, one per article.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test tool may stop at its own set-up's failure

mod common;

use common::*;

/// `torget` with the locale variables set as given (and only those).
fn torget_in(locale: &[(&str, &str)]) -> assert_cmd::Command {
    let mut command = torget();
    for (name, value) in locale {
        command.env(name, value);
    }
    command
}

fn build_new_editor(locale: &[(&str, &str)], extra: &[&str]) -> (i32, String) {
    let tmp = tempfile::tempdir().unwrap();
    let output = torget_in(locale)
        .args(["build", "--now", NOW, "--site"])
        .arg(fixture("new-editor"))
        .arg("--out")
        .arg(tmp.path().join("public"))
        .args(extra)
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// The headline of every finding: `file:line:column: kind: message`.
fn headlines(report: &str) -> Vec<&str> {
    report
        .lines()
        .filter(|l| l.starts_with("content/") || l.starts_with("site.yaml"))
        .collect()
}

const SWEDISH: [&str; 4] = [
    "content/nyheter/bild/sv.md:5:1: fel: ett tabbtecken används för indrag; YAML tillåter bara mellanslag där",
    "content/nyheter/hamnen/sv.md:5:12: fel: trasig länk: det finns ingen sida `@/nyheter/hamn-bygget`",
    "content/nyheter/motet/sv.md:3:7: fel: i `date`: felaktigt datum `2026-02-30`",
    "content/nyheter/oppet-hus/sv.md:4:1: fel: okänd nyckel `författare`",
];

const ENGLISH: [&str; 4] = [
    "content/nyheter/bild/sv.md:5:1: error: a tab is used for indentation; YAML allows only spaces there",
    "content/nyheter/hamnen/sv.md:5:12: error: broken link: there is no page `@/nyheter/hamn-bygget`",
    "content/nyheter/motet/sv.md:3:7: error: in `date`: invalid date `2026-02-30`",
    "content/nyheter/oppet-hus/sv.md:4:1: error: unknown key `författare`",
];

#[test]
fn a_swedish_locale_gives_one_located_swedish_message_per_mistake() {
    let (code, report) = build_new_editor(&[("LANG", "sv_SE.UTF-8")], &[]);
    assert_eq!(code, 1, "{report}");
    assert_eq!(headlines(&report), SWEDISH, "{report}");
    for hint in [
        "= tips: byt tabbtecknet mot mellanslag: två mellanslag för varje nivå av indrag",
        "= tips: efter `@/` skriver du artikelns mapp under content/",
        "= tips: februari 2026 har 28 dagar",
        "= tips: de nycklar som går att använda här är `title`, `slug`, `date`",
    ] {
        assert!(report.contains(hint), "{hint}\nnot in\n{report}");
    }
    assert!(
        report.contains(
            "Bygget misslyckades: 4 fel i 4 filer; den förra versionen av webbplatsen är orörd."
        ),
        "{report}"
    );
    assert!(!report.contains("error"), "English in\n{report}");
}

#[test]
fn messages_en_overrides_a_swedish_locale() {
    let (code, report) = build_new_editor(&[("LANG", "sv_SE.UTF-8")], &["--messages", "en"]);
    assert_eq!(code, 1, "{report}");
    assert_eq!(headlines(&report), ENGLISH, "{report}");
    assert!(
        report.contains("= help: February 2026 has 28 days"),
        "{report}"
    );
    assert!(
        report.contains(
            "Build failed with 4 errors in 4 files; the previous output was left as it was."
        ),
        "{report}"
    );
}

#[test]
fn messages_sv_overrides_an_english_locale_and_lc_all_overrides_lang() {
    let (_, report) = build_new_editor(&[("LANG", "C")], &["--messages", "sv"]);
    assert_eq!(headlines(&report), SWEDISH, "{report}");
    // LC_ALL wins over LANG, and LC_MESSAGES over LANG.
    let (_, report) = build_new_editor(&[("LANG", "sv_SE.UTF-8"), ("LC_ALL", "en_GB.UTF-8")], &[]);
    assert_eq!(headlines(&report), ENGLISH, "{report}");
    let (_, report) = build_new_editor(&[("LANG", "C"), ("LC_MESSAGES", "sv_FI.UTF-8")], &[]);
    assert_eq!(headlines(&report), SWEDISH, "{report}");
}

#[test]
fn an_unknown_messages_language_is_refused() {
    let output = torget()
        .args(["build", "--messages", "fi", "--site"])
        .arg(fixture("new-editor"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("write sv or en"), "{stderr}");
}

#[test]
fn check_json_names_each_rule_by_a_stable_english_id_in_any_language() {
    let output = torget_in(&[("LANG", "sv_SE.UTF-8")])
        .args(["check", "--format", "json", "--now", NOW, "--site"])
        .arg(fixture("new-editor"))
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    let errors: Vec<(String, String, String)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] == "error")
        .map(|f| {
            (
                f["file"].as_str().unwrap().to_string(),
                f["rule"].as_str().unwrap_or("").to_string(),
                f["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        errors,
        [
            (
                "content/nyheter/bild/sv.md",
                "yaml-tab",
                "ett tabbtecken används för indrag; YAML tillåter bara mellanslag där"
            ),
            (
                "content/nyheter/hamnen/sv.md",
                "link-missing-page",
                "trasig länk: det finns ingen sida `@/nyheter/hamn-bygget`"
            ),
            (
                "content/nyheter/motet/sv.md",
                "yaml-invalid-date",
                "i `date`: felaktigt datum `2026-02-30`"
            ),
            (
                "content/nyheter/oppet-hus/sv.md",
                "yaml-unknown-key",
                "okänd nyckel `författare`"
            ),
        ]
        .map(|(file, rule, message)| (
            file.to_string(),
            rule.to_string(),
            message.to_string()
        ))
    );
}

#[test]
fn the_readme_lists_every_rule_id() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let missing: Vec<&str> = torget::messages::Rule::ALL
        .iter()
        .map(|rule| rule.id())
        .filter(|id| !readme.contains(&format!("| `{id}` |")))
        .collect();
    assert_eq!(
        missing,
        Vec::<&str>::new(),
        "add them to the table under `check --format json`"
    );
}

#[test]
fn check_and_new_speak_swedish_too() {
    let output = torget_in(&[("LANG", "sv_SE.UTF-8")])
        .args(["check", "--now", NOW, "--site"])
        .arg(fixture("check"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    for line in [
        "content/nyheter/rubriker/sv.md:2:1: varning: det finns ingen översättning till engelska",
        "content/nyheter/rubriker/sv.md:9:1: varning: en rubrik på nivå 4 kommer efter nivå 2 och hoppar över en nivå",
        "content/nyheter/bilder/sv.md:6:20: varning: bilden `karta.png` saknar alternativtext",
        "Läsbarhet (LIX: under 30 mycket lätt, 30–40 lätt, 40–50 medelsvår, 50–60 svår, över 60 mycket svår)",
        " 89.9  mycket svår    content/nyheter/svar/sv.md (13 ord, 1 mening)  <- över gränsen",
        "site.yaml:1:1: varning: webbplatsen har ingen tillgänglighetsredogörelse",
        "0 fel, 17 varningar.",
    ] {
        assert!(stdout.contains(line), "{line}\nnot in\n{stdout}");
    }

    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(&fixture("basic"), &site);
    let new = |locale: &[(&str, &str)]| {
        torget_in(locale)
            .args([
                "new",
                "article",
                "nyheter/nytt-mote",
                "--now",
                NOW,
                "--site",
            ])
            .arg(&site)
            .output()
            .unwrap()
    };
    let created = new(&[("LANG", "sv_SE.UTF-8")]);
    assert_success(&created);
    let said = String::from_utf8_lossy(&created.stdout);
    assert!(
        said.contains("Artikeln är ett utkast tills du skriver `draft: false`."),
        "{said}"
    );
    let refused = new(&[("LC_ALL", "sv_SE.UTF-8")]);
    assert_eq!(refused.status.code(), Some(1));
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(
        said.contains("content/nyheter/nytt-mote/sv.md: fel: filen finns redan; torget new skriver aldrig över en fil"),
        "{said}"
    );
    assert!(
        said.contains("Ingenting skapades: 1 fel i 1 fil; ingen fil ändrades."),
        "{said}"
    );
}

#[test]
fn serve_outside_a_site_folder_says_so_in_swedish() {
    let tmp = tempfile::tempdir().unwrap();
    let output = torget_in(&[("LANG", "sv_SE.UTF-8")])
        .args(["serve", "--port", "0", "--site"])
        .arg(tmp.path())
        .timeout(std::time::Duration::from_secs(30))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(
        said.contains("site.yaml: fel: det finns ingen site.yaml i "),
        "{said}"
    );
    assert!(
        said.contains("= tips: kör torget i webbplatsens mapp, eller ange mappen med --site MAPP"),
        "{said}"
    );
    assert!(
        said.contains("Förhandsvisningen kunde inte starta: 1 fel i 1 fil; ingenting ändrades."),
        "{said}"
    );
}

#[test]
fn help_is_in_the_editors_language() {
    for (command, swedish, english) in [
        (
            None,
            "Bygger en tvåspråkig webbplats",
            "Builds a bilingual public-information website",
        ),
        (
            Some("build"),
            "Ta med utkast och artiklar",
            "Include drafts and articles",
        ),
        (
            Some("serve"),
            "Porten att lyssna på",
            "The port to listen on",
        ),
        (Some("check"), "`text` för människor", "`text` for people"),
        (Some("new"), "Vad som ska skapas", "What to create"),
        (
            Some("import"),
            "Filen som ska importeras",
            "The file to import",
        ),
    ] {
        for (locale, expected) in [("sv_SE.UTF-8", swedish), ("C", english)] {
            let output = torget_in(&[("LANG", locale)])
                .args(command)
                .arg("--help")
                .output()
                .unwrap();
            assert!(output.status.success());
            let help = String::from_utf8_lossy(&output.stdout);
            assert!(help.contains(expected), "{expected}\nnot in\n{help}");
        }
    }
    let output = torget_in(&[("LANG", "C")])
        .args(["new", "--messages", "sv", "--help"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&output.stdout).contains("Vad som ska skapas"));
}

/// Every case of the bad-input catalogue, built in Swedish, says `fel` and
/// `tips` where English says `error` and `help`, and ends with the Swedish summary.
#[test]
fn every_bad_input_case_is_reported_in_swedish() {
    let bad = fixture("bad");
    let mut cases: Vec<_> = std::fs::read_dir(&bad)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name != "_base")
        .collect();
    cases.sort();
    for case in cases {
        let tmp = tempfile::tempdir().unwrap();
        let site = tmp.path().join("site");
        copy_dir(&bad.join("_base"), &site);
        copy_dir(&bad.join(&case), &site);
        let (code, report) = {
            let output = torget_in(&[("LANG", "sv_SE.UTF-8")])
                .args(["build", "--now", NOW, "--site"])
                .arg(&site)
                .arg("--out")
                .arg(tmp.path().join("public"))
                .output()
                .unwrap();
            (
                output.status.code(),
                String::from_utf8_lossy(&output.stderr).into_owned(),
            )
        };
        assert_eq!(code, Some(1), "{case}: {report}");
        assert!(
            !report.contains(": error: "),
            "{case}: English in\n{report}"
        );
        assert!(!report.contains("= help: "), "{case}: English in\n{report}");
        assert!(report.contains(": fel: "), "{case}: {report}");
        assert!(report.contains("Bygget misslyckades: "), "{case}: {report}");
    }
}
