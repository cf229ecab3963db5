//! Placeholders: `«…»` text that `torget new` writes for editors to replace.
//!
//! Anything that would be published with a placeholder left in it is an
//! error, so template text never reaches readers.

use crate::diagnostics::Diagnostic;

/// An error for every `«…»` left in `text`.
pub(crate) fn placeholders(file: &str, text: &str) -> Vec<Diagnostic> {
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
                found.push(
                    Diagnostic::error(
                        file,
                        format!("the placeholder `{}` is still here", &line[start..end]),
                    )
                    .at_offset(text, offset + start)
                    .with_hint("replace it, with the `«` and `»`, by the real text"),
                );
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
}
