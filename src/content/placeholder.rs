//! Placeholders: `«…»` text that `torget new` writes for editors to replace.
//!
//! Anything that would be published with a placeholder left in it is an
//! error, so template text never reaches readers. Only `serve` previews a
//! draft that still holds them (`LiveSite::preview`).

use std::ops::Range;

use crate::diagnostics::{Diagnostic, Location};
use crate::messages::{Phrase, Rule};

/// An error for every `«…»` left in `text`.
pub(crate) fn placeholders(file: &str, text: &str) -> Vec<Diagnostic> {
    spans(text)
        .into_iter()
        .map(|span| {
            Diagnostic::error(
                file,
                Rule::PlaceholderLeft.with("placeholder", &text[span.clone()]),
            )
            .at_offset(text, span.start)
            .with_hint(Phrase::PlaceholderLeftHint)
        })
        .collect()
}

/// Whether `location` in `text` lies in a placeholder: template text that
/// `serve` previews, so what is found in it is the template's, not the editor's.
pub(crate) fn covers(text: &str, location: Location) -> bool {
    spans(text).into_iter().any(|span| {
        Location::of_offset(text, span.start) <= location
            && location < Location::of_offset(text, span.end)
    })
}

/// Whether `text` holds a placeholder.
pub(crate) fn any(text: &str) -> bool {
    text.contains('«') && !spans(text).is_empty()
}

/// The byte range of every `«…»` in `text`, each on one line.
pub(crate) fn spans(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        // Comments explain the placeholders; only real content counts.
        let content = line.trim_start();
        if !content.starts_with('#') || content.starts_with("##") {
            let mut from = 0;
            while let Some(start) = line[from..].find('«') {
                let start = from + start;
                let Some(len) = line[start..].find('»') else {
                    break;
                };
                let end = start + len + '»'.len_utf8();
                found.push(offset + start..offset + end);
                from = end;
            }
        }
        offset += line.len();
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_found_and_located_but_not_in_comments() {
        let text = "# title: «exempel»\ntitle: «Skriv rubriken här»\n\n## «Mellanrubrik»\n";
        let found = placeholders("a.md", text);
        let lines: Vec<String> = found.iter().map(ToString::to_string).collect();
        assert_eq!(
            lines,
            [
                "a.md:2:8: the placeholder `«Skriv rubriken här»` is still here",
                "a.md:4:4: the placeholder `«Mellanrubrik»` is still here"
            ]
        );
        assert!(placeholders("a.md", "Citat: «ett» ord").len() == 1);
        assert!(placeholders("a.md", "Inga platshållare.").is_empty());
    }

    #[test]
    fn a_location_is_covered_from_the_opening_to_the_closing_mark() {
        let text = "title: Rubrik\n«Länka [så](@/x).» Sedan.\n";
        let at = |line, column| Location { line, column };
        assert!(covers(text, at(2, 1)));
        assert!(covers(text, at(2, 8)));
        assert!(covers(text, at(2, 18)));
        assert!(!covers(text, at(2, 19)));
        assert!(!covers(text, at(1, 1)));
        assert!(!covers("# «kommentar»\n", at(1, 3)));
    }
}
