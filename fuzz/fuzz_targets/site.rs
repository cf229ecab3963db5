//! A whole small site made from the input: file names and contents chosen by
//! the fuzzer. A build never panics, and never writes outside its output.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(dir) = tempfile::tempdir() else { return };
    let root = dir.path().join("site");
    let _ = std::fs::create_dir_all(root.join("content"));
    // Files separated by "\n===\n", each "relative/path\ncontents".
    for (i, part) in text.split("\n===\n").take(12).enumerate() {
        let (name, contents) = part.split_once('\n').unwrap_or((part, ""));
        let name: String = name
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '_' | '-' | '.'))
            .take(60)
            .collect();
        let relative = if i == 0 {
            "site.yaml".to_string()
        } else {
            format!("content/{}", name.trim_start_matches('/').replace("..", ""))
        };
        let path = root.join(&relative);
        if !path.starts_with(&root) {
            continue;
        }
        let _ = std::fs::create_dir_all(path.parent().unwrap_or(&root));
        let _ = std::fs::write(&path, contents);
    }
    let out = dir.path().join("public");
    let options = torget::BuildOptions {
        site: root.clone(),
        out: Some(out.clone()),
        drafts: true,
        base_url: None,
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default(),
        for_disk: false,
    };
    let _ = torget::build(&options);
    // Nothing but the output folder (and the site) may exist beside it.
    if let Ok(entries) = std::fs::read_dir(dir.path()) {
        for entry in entries.flatten() {
            let name = entry.file_name();
            assert!(name == "site" || name == "public", "left behind: {name:?}");
        }
    }
});
