//! Any text as an article's Markdown, in a small site with pages to link to:
//! rendering, link resolution and the whole build never panic, and never let
//! script into the output.
#![no_main]

use libfuzzer_sys::fuzz_target;

const SITE: &str = "name: { sv: S, en: S }\nbase_url: https://example.org/\nlanguages: [sv, en]\ndefault_language: sv\n";

fuzz_target!(|data: &[u8]| {
    let Ok(body) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(dir) = tempfile::tempdir() else { return };
    let root = dir.path();
    let write = |path: &str, text: &str| {
        let full = root.join(path);
        let _ = std::fs::create_dir_all(full.parent().unwrap_or(root));
        let _ = std::fs::write(full, text);
    };
    write("site.yaml", SITE);
    write(
        "content/nyheter/_section.yaml",
        "title: { sv: Nyheter, en: News }\n",
    );
    write(
        "content/nyheter/annan/sv.md",
        "---\ntitle: Annan\ndate: 2020-01-01\n---\n## Rubrik\n",
    );
    write(
        "content/nyheter/annan/en.md",
        "---\ntitle: Other\ndate: 2020-01-01\n---\n## Heading\n",
    );
    write(
        "content/nyheter/fuzz/sv.md",
        &format!("---\ntitle: Fuzz\ndate: 2020-01-02\n---\n{body}"),
    );
    let options = torget::BuildOptions {
        site: root.to_path_buf(),
        out: None,
        drafts: false,
        base_url: None,
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default(),
        for_disk: false,
    };
    if let Ok((memory, _)) = torget::build_in_memory(&options) {
        for (path, bytes) in memory.into_files() {
            if path.ends_with(".html") {
                let page = String::from_utf8_lossy(&bytes).to_ascii_lowercase();
                assert!(!page.contains("<script>"), "{path}: an inline script");
                assert!(!page.contains("javascript:"), "{path}: a javascript: URL");
            }
        }
    }
});
