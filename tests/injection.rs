//! No text an editor writes can carry script: a copy of the bundled site with a
//! script payload planted in every text field an editor can write (site.yaml,
//! `_index.yaml`, `_section.yaml`, every dataset text, front matter and
//! bodies) builds, for a web host and for disk, into files a browser reads
//! without running any of it.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test tool may stop at its own set-up's failure

mod common;

use std::fs;
use std::path::Path;

use common::*;
use serde_yaml::Value;

/// Text that runs script wherever it is not escaped for where it lands.
const PAYLOAD: &str =
    r#" <script>alert(1)</script><img src=x onerror=alert(2)>"'><svg onload=alert(3)>&lt;b&gt;"#;

/// Markdown that runs script wherever it is not cleaned.
const MARKDOWN_PAYLOAD: &str = "\n\n<div onclick=\"alert(5)\"><script>alert(6)</script></div>\n\n[klick](javascript:alert(7)) [klick](JavaScript&#58;alert(8)) ![bild](javascript:alert(9)) <a href=\"javascript:alert(10)\">a</a>\n\n## Rubrik {onclick=alert(11) lang=sv}\n\n[ord](https://a.example/\"onmouseover=\"alert(12)\" \"t\\\"><script>alert(13)</script>\"){lang=sv} [ord](javascript:alert(14)){lang=sv} [ord]{lang=sv}\n";

/// Keys whose values are not text shown to readers: settings, addresses, keys.
const NOT_TEXT: [&str; 20] = [
    "slug",
    "base_url",
    "languages",
    "default_language",
    "menu",
    "accessibility_statement",
    "iframe_hosts",
    "url",
    "key",
    "sort",
    "better",
    "src",
    // The accessibility statement's choices: a word and WCAG criteria.
    "status",
    "criteria",
    // A dataset's choices, and the ids its values cite sources by.
    "measure",
    "frequency",
    "chart",
    "source",
    "dataset",
    // The open data publisher's kind, a word of the EU's vocabulary.
    "type",
];

/// Appends the payload to every string under `value`, except under `NOT_TEXT` keys and dates.
fn plant(value: &mut Value, markdown: bool) {
    match value {
        Value::String(text) if text.parse::<f64>().is_err() && !looks_like_a_date(text) => {
            text.push_str(PAYLOAD);
            if markdown {
                text.push_str(MARKDOWN_PAYLOAD);
            }
        }
        Value::Sequence(items) => items.iter_mut().for_each(|v| plant(v, markdown)),
        Value::Mapping(map) => {
            for (key, item) in map.iter_mut() {
                let key = key.as_str().unwrap_or("");
                if NOT_TEXT.contains(&key) {
                    continue;
                }
                plant(item, markdown || key == "intro");
            }
        }
        _ => {}
    }
}

fn looks_like_a_date(text: &str) -> bool {
    text.len() >= 7 && text.as_bytes()[4] == b'-' && text[..4].parse::<u32>().is_ok()
}

/// The bundled site, copied, with the payload in every text an editor writes.
fn poisoned_site() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    fs::create_dir_all(&site).unwrap();
    fs::copy(root.join("site.yaml"), site.join("site.yaml")).unwrap();
    copy_dir(&root.join("content"), &site.join("content"));

    let mut settings: Value =
        serde_yaml::from_str(&fs::read_to_string(site.join("site.yaml")).unwrap()).unwrap();
    plant(&mut settings, false);
    let contact = settings["contact"].as_mapping_mut().unwrap();
    contact.insert("email".into(), format!("info@malmo.se{PAYLOAD}").into());
    contact.insert("phone".into(), format!("040-34 10 00{PAYLOAD}").into());
    fs::write(
        site.join("site.yaml"),
        serde_yaml::to_string(&settings).unwrap(),
    )
    .unwrap();

    let mut planted = 0;
    for entry in walkdir::WalkDir::new(site.join("content")).sort_by_file_name() {
        let entry = entry.unwrap();
        let path = entry.path();
        let Some(extension) = path.extension().and_then(|e| e.to_str()) else {
            continue;
        };
        let text = fs::read_to_string(path).unwrap();
        match extension {
            "yaml" => {
                let mut value: Value = serde_yaml::from_str(&text).unwrap();
                plant(&mut value, false);
                fs::write(path, serde_yaml::to_string(&value).unwrap()).unwrap();
                planted += 1;
            }
            "md" => {
                let rest = text.strip_prefix("---\n").unwrap();
                let (front, body) = rest.split_once("\n---\n").unwrap();
                let mut front: Value = serde_yaml::from_str(front).unwrap();
                plant(&mut front, false);
                let map = front.as_mapping_mut().unwrap();
                map.insert(
                    "tags".into(),
                    Value::Sequence(vec![format!("ämne{PAYLOAD}").into()]),
                );
                let mut image = serde_yaml::Mapping::new();
                image.insert("src".into(), "bild.png".into());
                image.insert("alt".into(), format!("En bild{PAYLOAD}").into());
                map.insert("image".into(), Value::Mapping(image));
                fs::copy(
                    fixture("basic/content/nyheter/c-tredje/bild.png"),
                    path.with_file_name("bild.png"),
                )
                .unwrap();
                let front = serde_yaml::to_string(&front).unwrap();
                fs::write(
                    path,
                    format!("---\n{front}---\n{body}{PAYLOAD}{MARKDOWN_PAYLOAD}"),
                )
                .unwrap();
                planted += 1;
            }
            _ => {}
        }
    }
    assert!(planted >= 10, "the payload went into {planted} files");
    (tmp, site)
}

/// Everything in an HTML document that would run script.
fn script_in_html(html: &str) -> Vec<String> {
    let document = scraper::Html::parse_document(html);
    let mut found = Vec::new();
    for element in document
        .root_element()
        .descendants()
        .filter_map(scraper::ElementRef::wrap)
    {
        let name = element.value().name();
        if name == "script" && (element.attr("src").is_none() || element.text().next().is_some()) {
            found.push(format!("an inline script: {}", element.html()));
        }
        for (attribute, value) in element.value().attrs() {
            if attribute.to_ascii_lowercase().starts_with("on") {
                found.push(format!("an event attribute: {}", element.html()));
            }
            let value: String = value
                .chars()
                .filter(|c| !c.is_whitespace() && !c.is_control())
                .collect::<String>()
                .to_ascii_lowercase();
            if value.starts_with("javascript:") || value.starts_with("data:text/html") {
                found.push(format!("a script address: {}", element.html()));
            }
        }
    }
    found
}

/// Everything in an XML file (feed, sitemap) that would run script, HTML content of feed entries included.
fn script_in_xml(xml: &str) -> Vec<String> {
    let document = roxmltree::Document::parse(xml).expect("the XML parses");
    let mut found = Vec::new();
    for node in document.descendants().filter(|n| n.is_element()) {
        if node.attribute("type") == Some("html") {
            found.extend(script_in_html(node.text().unwrap_or("")));
        }
        if node.tag_name().name() == "script" {
            found.push("a script element".to_string());
        }
    }
    found
}

/// Checks every output file for script; the payload's text must be there, shown as text.
fn assert_no_script(out: &Path) {
    let files = tree(out);
    let mut found = Vec::new();
    let mut shown_as_text = 0;
    for (path, bytes) in &files {
        let Ok(text) = std::str::from_utf8(bytes) else {
            continue;
        };
        let problems = if path.ends_with(".html") {
            shown_as_text += usize::from(text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
            script_in_html(text)
        } else if path.ends_with(".xml") || path.ends_with(".rdf") {
            script_in_xml(text)
        } else if path.ends_with(".json") {
            serde_json::from_str::<serde_json::Value>(text)
                .err()
                .map(|e| format!("JSON that does not parse: {e}"))
                .into_iter()
                .collect()
        } else if path.ends_with(".js") {
            script_problems(path, text)
        } else if path.ends_with(".csv") {
            csv_problems(text)
        } else {
            Vec::new()
        };
        found.extend(problems.into_iter().map(|p| format!("{path}: {p}")));
    }
    assert_eq!(found, Vec::<String>::new());
    // The texts were published, escaped: the test planted what it meant to.
    assert!(
        shown_as_text >= 20,
        "the payload shows as text on only {shown_as_text} pages"
    );
}

/// A CSV file must read back as one table: every row as wide as the header,
/// the editors' texts (notes) whole in their cells.
fn csv_problems(text: &str) -> Vec<String> {
    let rows = csv_rows(text);
    let Some(width) = rows.first().map(Vec::len) else {
        return vec!["an empty CSV file".to_string()];
    };
    let mut problems: Vec<String> = rows
        .iter()
        .enumerate()
        .filter(|(_, row)| row.len() != width)
        .map(|(i, row)| format!("row {i} has {} fields, the header {width}", row.len()))
        .collect();
    let notes = rows.iter().flatten().filter(|cell| cell.ends_with(PAYLOAD));
    if text.contains("alert(1)") && notes.count() == 0 {
        problems.push("a planted note does not read back whole from its cell".to_string());
    }
    problems
}

/// RFC 4180 rows: fields split at commas outside quotes, `""` a quote inside them.
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            ('\r', false) => {}
            (c, _) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

/// A script file must parse as JavaScript; a search index is exactly one JSON value.
fn script_problems(path: &str, text: &str) -> Vec<String> {
    let mut problems = Vec::new();
    if let Some(json) = text.strip_prefix("window.torgetSearchIndex=") {
        let json = json.trim_end().trim_end_matches(';');
        if let Err(e) = serde_json::from_str::<serde_json::Value>(json) {
            problems.push(format!("the search index is not one JSON value: {e}"));
        }
    }
    // node is there wherever the whole test suite runs (the browser tests need it).
    match std::process::Command::new("node")
        .args(["--check", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
    {
        Ok(mut child) => {
            use std::io::Write;
            child
                .stdin
                .take()
                .unwrap()
                .write_all(text.as_bytes())
                .unwrap();
            let output = child.wait_with_output().unwrap();
            if !output.status.success() {
                problems.push(format!(
                    "JavaScript that does not parse: {}",
                    String::from_utf8_lossy(&output.stderr)
                ));
            }
        }
        Err(e) if std::env::var_os("CI").is_some() => {
            problems.push(format!("node is needed to check {path}: {e}"))
        }
        Err(_) => eprintln!("SKIPPED: node is not installed, so {path} was not parsed"),
    }
    problems
}

#[test]
fn a_script_payload_in_every_text_field_runs_nowhere_for_a_web_host_or_from_disk() {
    let (tmp, site) = poisoned_site();
    for (name, extra) in [("web", &[][..]), ("disk", &["--for-disk"][..])] {
        let out = tmp.path().join(name);
        let result = build(&site, &out, extra);
        assert_success(&result);
        let stderr = String::from_utf8_lossy(&result.stderr);
        // What the cleaner took out is said, at the file it came from.
        for expected in [
            "content/_index.yaml:",
            "warning: removed from the HTML: `<script>`",
            "warning: a link to a `javascript:` address was taken out",
            "warning: the heading attribute `onclick` was taken out",
        ] {
            assert!(
                stderr.contains(expected),
                "{name}: no `{expected}` in\n{stderr}"
            );
        }
        assert_no_script(&out);
        // The open data catalogue holds the planted names as text.
        let catalogue = read(&out, "dcat.rdf");
        assert!(
            catalogue.contains(
                "<foaf:name xml:lang=\"sv\">Malmö stad &lt;script&gt;alert(1)&lt;/script&gt;"
            ),
            "{name}: {catalogue}"
        );
        // The language of parts was built from the planted braces, their address escaped.
        let page = read(&out, "om-sluta-skjut/index.html");
        assert!(
            page.contains("&quot;alert(12)&quot;\" title=\"t&quot;&gt;&lt;script&gt;alert(13)&lt;/script&gt;\" hreflang=\"sv\"><span lang=\"sv\">ord</span></a>"),
            "{name}: {page}"
        );
    }
}

#[test]
fn the_home_introduction_goes_through_the_raw_html_cleaner() {
    let (tmp, site) = fixture_with(
        "basic",
        &[(
            "content/_index.yaml",
            "intro:\n  sv: |\n    Hej <b>fet</b> och <b onclick=\"x()\">klick</b>.\n\n    <div><script>alert(1)</script><p>Kvar</p></div>\n\n    [länk](javascript:alert(2))\n  en: Hello \"world\".\n",
        )],
    );
    let out = tmp.path().join("public");
    let result = build(&site, &out, &[]);
    assert_success(&result);
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        stderr.contains("content/_index.yaml:2:3: warning: removed from the HTML: `<script>`"),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "content/_index.yaml:2:3: warning: a link to a `javascript:` address was taken out"
        ),
        "{stderr}"
    );
    let home = read(&out, "index.html");
    assert_eq!(script_in_html(&home), Vec::<String>::new());
    let intro = texts(&html(&out, "index.html"), ".intro p");
    assert_eq!(
        intro,
        ["Hej fet och <b onclick=\"x()\">klick</b>.", "Kvar", "länk"]
    );
    // The same dialect as bodies: smart punctuation, in each language's own quotes.
    assert_eq!(
        texts(&html(&out, "en/index.html"), ".intro p"),
        ["Hello “world”."]
    );
}

#[test]
fn addresses_in_settings_and_datasets_must_be_web_addresses() {
    let settings = fs::read_to_string(fixture("basic/site.yaml")).unwrap();
    let (tmp, site) = fixture_with(
        "basic",
        &[(
            "site.yaml",
            &settings.replace(
                "  email: kontakt@example.org\n",
                "  email: kontakt@example.org\n  url: javascript:alert(1)\n",
            ),
        )],
    );
    let result = build(&site, &tmp.path().join("public"), &[]);
    assert_eq!(result.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        stderr.contains("site.yaml:")
            && stderr.contains(
                "error: the contact address `javascript:alert(1)` is not a web address (https://…)"
            ),
        "{stderr}"
    );
}
