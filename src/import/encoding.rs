//! A file's bytes as text: UTF-8, else Windows-1252, as Excel on Windows
//! saves CSV unless told otherwise.
//!
//! Windows-1252 is Latin-1 (whose å, ä and ö are the same bytes) but for
//! 0x80–0x9F, where Latin-1 has control characters and Windows-1252 has
//! `€`, dashes, curly quotes and `…`; five of those bytes are no character
//! at all and are refused where they are.

use crate::diagnostics::Diagnostic;
use crate::messages::{Phrase, Rule};

/// Windows-1252's characters for the bytes 0x80 to 0x9F; `None` where it has none.
const HIGH: [Option<char>; 32] = [
    Some('\u{20ac}'), // 0x80 €
    None,             // 0x81
    Some('\u{201a}'), // 0x82 ‚
    Some('\u{0192}'), // 0x83 ƒ
    Some('\u{201e}'), // 0x84 „
    Some('\u{2026}'), // 0x85 …
    Some('\u{2020}'), // 0x86 †
    Some('\u{2021}'), // 0x87 ‡
    Some('\u{02c6}'), // 0x88 ˆ
    Some('\u{2030}'), // 0x89 ‰
    Some('\u{0160}'), // 0x8A Š
    Some('\u{2039}'), // 0x8B ‹
    Some('\u{0152}'), // 0x8C Œ
    None,             // 0x8D
    Some('\u{017d}'), // 0x8E Ž
    None,             // 0x8F
    None,             // 0x90
    Some('\u{2018}'), // 0x91 ‘
    Some('\u{2019}'), // 0x92 ’
    Some('\u{201c}'), // 0x93 “
    Some('\u{201d}'), // 0x94 ”
    Some('\u{2022}'), // 0x95 •
    Some('\u{2013}'), // 0x96 –
    Some('\u{2014}'), // 0x97 —
    Some('\u{02dc}'), // 0x98 ˜
    Some('\u{2122}'), // 0x99 ™
    Some('\u{0161}'), // 0x9A š
    Some('\u{203a}'), // 0x9B ›
    Some('\u{0153}'), // 0x9C œ
    None,             // 0x9D
    Some('\u{017e}'), // 0x9E ž
    Some('\u{0178}'), // 0x9F Ÿ
];

/// The character Windows-1252 has for `byte`, if any.
fn windows_1252(byte: u8) -> Option<char> {
    match byte {
        0x80..=0x9f => HIGH[usize::from(byte - 0x80)],
        _ => Some(char::from(byte)),
    }
}

/// The text of `bytes`, and whether it was read as Windows-1252 (not UTF-8).
/// A byte Windows-1252 has no character for is an error at its place.
pub(super) fn decode(file: &str, bytes: Vec<u8>) -> Result<(String, bool), Vec<Diagnostic>> {
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => return Ok((text, false)),
        Err(e) => e.into_bytes(),
    };
    let mut text = String::with_capacity(bytes.len());
    // Where each undefined byte is in the text, and which byte it is.
    let mut undefined = Vec::new();
    for &byte in &bytes {
        match windows_1252(byte) {
            Some(c) => text.push(c),
            None => {
                undefined.push((text.len(), byte));
                text.push('\u{fffd}');
            }
        }
    }
    if undefined.is_empty() {
        return Ok((text, true));
    }
    Err(undefined
        .into_iter()
        .map(|(offset, byte)| {
            Diagnostic::error(
                file,
                Rule::ImportUndefinedByte.with("byte", format!("0x{byte:02X}")),
            )
            .at_offset(&text, offset)
            .with_hint(Phrase::ImportUndefinedByteHint)
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_has_its_own_characters_where_latin_1_has_controls() {
        let (text, fallback) =
            decode("f", b"\x96 \x97 \x93x\x94 \x80 \x85 \xe5\xe4\xf6".to_vec()).unwrap_or_default();
        assert!(fallback);
        assert_eq!(text, "– — “x” € … åäö");
        assert_eq!(HIGH.iter().filter(|c| c.is_some()).count(), 27);
        assert_eq!(
            decode("f", "åäö –".as_bytes().to_vec()).unwrap_or_default(),
            ("åäö –".to_string(), false)
        );
        for byte in [0x81, 0x8d, 0x8f, 0x90, 0x9d] {
            let errors = decode("f", vec![b'a', b'\n', b'b', byte])
                .err()
                .unwrap_or_default();
            assert_eq!(errors.len(), 1, "{byte:x}");
            let at = errors[0].location.as_ref().map(|l| (l.line, l.column));
            assert_eq!(at, Some((2, 2)), "{byte:x}");
        }
    }
}
