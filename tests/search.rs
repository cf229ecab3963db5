//! Search folds text in two places: the build writes each page's words into
//! the index (`SearchEntry::fold`), and the reader's browser folds the query
//! (`fold()` in the theme's `search.js`). A letter folded differently on the
//! two sides can never be found, so these tests run both on the same text.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test tool may stop at its own set-up's failure

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use common::*;
use torget::render::SearchEntry;

/// The blocks whose letters are written in ASCII on both sides: Latin-1
/// Supplement to IPA Extensions, Latin Extended Additional and Latin
/// Extended-C (where the lowercase of Ⱥ and Ⱦ lives).
const LATIN: [(u32, u32); 3] = [(0xC0, 0x2AF), (0x1E00, 0x1EFF), (0x2C60, 0x2C7F)];

/// The letters every one of which folds to ASCII letters or digits: Latin-1
/// Supplement, Latin Extended-A and -B, and Latin Extended Additional.
const ASCII: [(u32, u32); 2] = [(0xC0, 0x24F), (0x1E00, 0x1EFF)];

/// Letters there with no ASCII spelling (clicks, glottal stops, turned v):
/// kept as they are on both sides, like letters of other scripts.
const NO_ASCII: &str = "ǀǁǂǃɁɂɅ";

fn latin_letters() -> impl Iterator<Item = char> {
    chars_of(&LATIN)
}

fn chars_of(blocks: &[(u32, u32)]) -> impl Iterator<Item = char> + '_ {
    blocks
        .iter()
        .flat_map(|&(from, to)| from..=to)
        .filter_map(char::from_u32)
}

/// Words people search for: names of Malmö residents, places, and words in
/// other scripts (kept as lowercase letters, so a Cyrillic query finds Cyrillic text).
const SAMPLES: [(&str, &str); 24] = [
    ("Ayşe Yılmaz", "ayse yilmaz"),
    ("Đorđević", "dordevic"),
    ("Łódź", "lodz"),
    ("Göteborg", "goteborg"),
    ("Straße", "strasse"),
    ("GROSSE STRAẞE", "grosse strasse"),
    (
        "Nytt möte, nytt MÖTE: Call-in",
        "nytt mote nytt mote call in",
    ),
    ("Ka\u{308}nda brister", "kanda brister"),
    ("İstanbul ve Ağrı", "istanbul ve agri"),
    ("Zażółć gęślą jaźń", "zazolc gesla jazn"),
    ("Ćosić Čolić Šarić Žigić", "cosic colic saric zigic"),
    ("Kovács Győző Erdős Szűcs", "kovacs gyozo erdos szucs"),
    ("Țară Ștefan Ţepeş", "tara stefan tepes"),
    ("Nguyễn Thị Minh Khai", "nguyen thi minh khai"),
    ("Þórður Guðmundsson", "thordur gudmundsson"),
    ("Ærø og Østerbro", "aero og osterbro"),
    ("Heydər Əliyev", "heyder eliyev"),
    ("Москва и Мальмё", "москва и мальмё"),
    ("ΟΔΟΣ Αθηνάς", "οδοσ αθηνάσ"),
    ("مدينة الرياض", "مدينة الرياض"),
    ("日本語 東京", "日本語 東京"),
    ("한국어 안내", "한국어 안내"),
    ("Taxa 100 € ™ 2024© ½ ²", "taxa 100 2024 ½ ²"),
    ("Glass 🍦 i parken — ja/nej", "glass i parken ja nej"),
];

/// Text in other scripts and writing systems, each word compared as a whole.
const OTHER_SCRIPTS: [&str; 16] = [
    "Привет, Україна! Ёлка йод ЎЗБЕК Ґ Ї Є Ђ Љ Њ Ћ Џ",
    "Ελληνικά: ΆΈΉΊΌΎΏ ΪΫ ά έ ή ί ό ύ ώ ϊ ϋ ΐ ΰ ΣΟΦΟΣ ᾳ ἀ ῷ",
    "العربية مرحبا ٣٤٥ إأآ ة ى ی ک",
    "עברית שָׁלוֹם",
    "हिन्दी क़ ड़ मराठी",
    "বাংলা ਪੰਜਾਬੀ தமிழ்",
    "ภาษาไทย ລາວ",
    "ქართული ᲥᲐᲠᲗᲣᲚᲘ",
    "Հայերեն ՀԱՅ",
    "አማርኛ ትግርኛ",
    "中文 漢字 豈 更",
    "ひらがな カタカナ ｶﾀｶﾅ ＡＢＣ １２３",
    "조선말 가",
    "Ꭰ ꭰ ᏣᎳᎩ",
    "ᜊ ᥖ ꤰ 𐐀𐐨 𝐀𝐁",
    "ﬁ ﬀ ŉ ǅ ǈ ǋ ǲ Ꞵ ᵽ Ᵽ ꜳ",
];

/// The text of `fold()` (and what it uses) in search.js: between the
/// `BEGIN fold` and `END fold` comments, which say they are read here.
fn search_js_fold() -> String {
    let script = read(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        "themes/default/static/search.js",
    );
    let begin = script
        .find("// BEGIN fold")
        .expect("search.js marks the start of fold() with `// BEGIN fold`");
    let end = script[begin..]
        .find("// END fold")
        .expect("search.js marks the end of fold() with `// END fold`");
    script[begin..begin + end].to_string()
}

/// What search.js's `fold()` makes of each text, run in node; `None` if node
/// is not installed and this is not CI (in CI a missing node fails the test).
fn js_fold(texts: &[String]) -> Option<(Vec<String>, String)> {
    let tmp = tempfile::tempdir().unwrap();
    let source = tmp.path().join("fold.js");
    std::fs::write(&source, search_js_fold()).unwrap();
    let runner = tmp.path().join("run.js");
    std::fs::write(
        &runner,
        r#""use strict";
const fs = require("fs");
const fold = new Function('"use strict";\n' + fs.readFileSync(process.argv[2], "utf8") + "\nreturn fold;")();
const texts = JSON.parse(fs.readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify({ unicode: process.versions.unicode, folded: texts.map(fold) }));
"#,
    )
    .unwrap();
    let child = Command::new("node")
        .arg(&runner)
        .arg(&source)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(child) => child,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && std::env::var_os("CI").is_none() => {
            eprintln!(
                "\n*** SKIPPED: `node` is not installed, so search.js's fold() was NOT compared with the index's folding. Install node to run this test (CI requires it). ***\n"
            );
            return None;
        }
        Err(e) => panic!("cannot run node (required in CI): {e}"),
    };
    let input = serde_json::to_vec(texts).unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert!(
        output.status.success(),
        "node failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let result: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let folded = result["folded"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    Some((folded, result["unicode"].as_str().unwrap_or("").to_string()))
}

fn code_points(text: &str) -> String {
    text.chars()
        .map(|c| format!("U+{:04X}", u32::from(c)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every text whose folding differs between Rust and search.js, described.
fn disagreements(texts: &[String], js: &[String]) -> Vec<String> {
    texts
        .iter()
        .zip(js)
        .filter_map(|(text, js)| {
            let rust = SearchEntry::fold(text);
            (&rust != js).then(|| {
                format!(
                    "{text:?} ({}): index {rust:?}, search.js {js:?}",
                    code_points(text)
                )
            })
        })
        .collect()
}

fn assert_agree(texts: &[String], js: &[String]) {
    let differ = disagreements(texts, js);
    assert!(
        differ.is_empty(),
        "{} of {} texts fold differently in the index and in search.js:\n{}",
        differ.len(),
        texts.len(),
        differ
            .iter()
            .take(60)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn the_index_and_search_js_fold_every_latin_letter_and_other_scripts_alike() {
    let mut texts: Vec<String> = Vec::new();
    for c in latin_letters() {
        // Alone, inside a word and in a capitalised word: a letter must
        // neither split its word nor fold differently in any position.
        texts.push(c.to_string());
        texts.push(format!("x{c}y"));
        texts.push(format!("{c}{c}Z {c}"));
    }
    texts.extend(SAMPLES.iter().map(|(text, _)| text.to_string()));
    texts.extend(OTHER_SCRIPTS.iter().map(|text| text.to_string()));
    let Some((js, node_unicode)) = js_fold(&texts) else {
        return;
    };
    assert_agree(&texts, &js);

    // Where node knows the same Unicode version as Rust, every character agrees.
    let (major, minor, _) = char::UNICODE_VERSION;
    if node_unicode == format!("{major}.{minor}") {
        let every: Vec<String> = (0..=u32::from(char::MAX))
            .filter_map(char::from_u32)
            .map(|c| format!("x{c}y {c}"))
            .collect();
        let (js, _) = js_fold(&every).unwrap();
        assert_agree(&every, &js);
        eprintln!(
            "compared all {} characters (Unicode {node_unicode})",
            every.len()
        );
    } else {
        eprintln!(
            "node knows Unicode {node_unicode}, Rust {major}.{minor}: compared the Latin letters and samples only, not every character"
        );
    }
}

#[test]
fn names_and_words_fold_as_readers_type_them() {
    for (text, folded) in SAMPLES {
        assert_eq!(SearchEntry::fold(text), folded, "{text:?}");
    }
}

#[test]
fn every_latin_letter_is_written_in_ascii() {
    for c in chars_of(&ASCII) {
        let folded = SearchEntry::fold(&format!("x{c}y"));
        if !c.is_alphabetic() {
            // × and ÷ separate words.
            assert_eq!(folded, "x y", "{c:?} (U+{:04X})", u32::from(c));
        } else if NO_ASCII.contains(c) {
            assert_eq!(folded.chars().count(), 3, "{c:?} (U+{:04X})", u32::from(c));
        } else {
            assert!(
                folded.len() > 2
                    && folded.starts_with('x')
                    && folded.ends_with('y')
                    && folded
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()),
                "{c:?} (U+{:04X}) folds to {folded:?}",
                u32::from(c)
            );
        }
    }
}

#[test]
fn an_article_about_a_resident_is_found_by_her_name_typed_without_its_letters() {
    let (tmp, site) = fixture_with(
        "basic",
        &[(
            "content/nyheter/g-ayse/sv.md",
            "---\ntitle: Ayşe Yılmaz berättar\ndate: 2020-05-01\n---\nOm Şehir planı och Đorđević i Łódź.\n",
        )],
    );
    let out = tmp.path().join("public");
    assert_success(&build(&site, &out, &[]));
    let script = read(&out, "sok/index.js");
    let json = script
        .trim_start_matches("window.torgetSearchIndex=")
        .trim_end()
        .trim_end_matches(';');
    let index: Vec<serde_json::Value> = serde_json::from_str(json).unwrap();
    // The script's matching: every query word starts a word of the entry.
    let find = |query: &[&str]| -> Vec<String> {
        index
            .iter()
            .filter(|e| {
                let words: Vec<&str> = e["w"].as_str().unwrap_or("").split(' ').collect();
                query.iter().all(|q| words.iter().any(|w| w.starts_with(q)))
            })
            .filter_map(|e| e["t"].as_str().map(str::to_string))
            .collect()
    };
    let title = "Ayşe Yılmaz berättar";
    for query in [
        &["ayse", "yilmaz"][..],
        &["ayse"],
        &["yilmaz"],
        &["sehir", "plani"],
        &["dordevic", "lodz"],
    ] {
        assert_eq!(find(query), [title], "{query:?}");
    }
    let entry = index.iter().find(|e| e["t"] == title).unwrap();
    assert!(
        entry["w"]
            .as_str()
            .unwrap()
            .starts_with("ayse yilmaz berattar "),
        "{entry}"
    );
}
