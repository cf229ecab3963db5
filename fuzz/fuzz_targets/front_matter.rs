//! Any bytes as an article file: parsing front matter never panics, and every error is located.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(diagnostic) = torget::content::front_matter::parse("sv.md", text) {
        assert!(diagnostic.location.is_some(), "unlocated: {diagnostic}");
    }
});
