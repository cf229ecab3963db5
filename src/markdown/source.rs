//! What editors write that plain Markdown would silently not read as they
//! meant, mended before parsing, each with a warning that says how to write
//! it so every Markdown tool reads it:
//!
//! - a heading marker followed by an unusual space (Word pastes `##` and a
//!   no-break space), which Markdown shows as the text `## Vad händer?`;
//! - a link or image to a file whose name has spaces (`![Affisch](Bild 1.JPG)`),
//!   which Markdown shows as the text `![Affisch](Bild 1.JPG)`.
//!
//! A footnote reference with no note is only warned about.
//!
//! Offsets into the mended text map back to the editor's with [`Source::original`].

use crate::messages::{Message, Phrase, Rule};
use std::borrow::Cow;
use std::ops::Range;

/// The Markdown to parse, and where it differs in length from the editor's.
pub(crate) struct Source<'a> {
    pub(crate) text: Cow<'a, str>,
    /// `(offset in the mended text, bytes added there)`, in order.
    inserted: Vec<(usize, usize)>,
    /// What was mended, at its range in the editor's text, with a hint.
    pub(crate) warnings: Vec<(Range<usize>, Message, Option<Message>)>,
}

/// Spaces Word and web pages put where a typed space belongs.
fn unusual_space(c: char) -> bool {
    matches!(
        c,
        '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
    )
}

impl<'a> Source<'a> {
    /// `markdown` with its headings and file addresses mended.
    pub(crate) fn mend(markdown: &'a str) -> Source<'a> {
        let mut source = Source {
            text: Cow::Borrowed(markdown),
            inserted: Vec::new(),
            warnings: Vec::new(),
        };
        if markdown.contains("[^") {
            source.footnotes_without_notes(markdown);
        }
        // Nearly every text needs nothing: look before copying.
        let maybe_heading = markdown.contains(unusual_space);
        let maybe_file = markdown.contains("](") && markdown.contains(' ');
        if !maybe_heading && !maybe_file {
            return source;
        }
        let mut mended = String::with_capacity(markdown.len() + 16);
        let mut offset = 0;
        for line in markdown.split_inclusive('\n') {
            let line = source.mend_heading(line, offset);
            source.mend_file_addresses(&line, offset, &mut mended);
            offset += line.len();
        }
        if mended != markdown {
            source.text = Cow::Owned(mended);
        }
        source
    }

    /// The line with an unusual space after a heading marker made ordinary, byte for byte as long.
    fn mend_heading<'l>(&mut self, line: &'l str, offset: usize) -> Cow<'l, str> {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let rest = &line[indent..];
        let hashes = rest.len() - rest.trim_start_matches('#').len();
        if indent > 3 || !(1..=6).contains(&hashes) {
            return Cow::Borrowed(line);
        }
        let Some(space) = rest[hashes..].chars().next().filter(|c| unusual_space(*c)) else {
            return Cow::Borrowed(line);
        };
        let at = indent + hashes;
        let name = if space == '\u{a0}' {
            Message::from(Phrase::ANoBreakSpace)
        } else {
            Phrase::AnUnusualSpace.with("code", format!("U+{:04X}", u32::from(space)))
        };
        let marker = &rest[..hashes];
        self.warnings.push((
            offset + at..offset + at + space.len_utf8(),
            Rule::HeadingMarkerSpace
                .with("marker", marker)
                .with("space", name),
            Some(Phrase::HeadingMarkerSpaceHint.with("marker", marker)),
        ));
        let mut mended = String::with_capacity(line.len());
        mended.push_str(&line[..at]);
        mended.push_str(&" ".repeat(space.len_utf8()));
        mended.push_str(&line[at + space.len_utf8()..]);
        Cow::Owned(mended)
    }

    /// Appends `line` to `out`, with `(file name.ext)` destinations written `(<file name.ext>)`.
    fn mend_file_addresses(&mut self, line: &str, offset: usize, out: &mut String) {
        let mut rest = line;
        let mut consumed = 0;
        while let Some(open) = rest.find("](") {
            let after = &rest[open + 2..];
            let Some(close) = after.find(')') else {
                break;
            };
            let destination = &after[..close];
            if looks_like_a_file_name_with_spaces(destination) {
                let start = consumed + open + 2;
                out.push_str(&rest[..open + 2]);
                out.push('<');
                out.push_str(destination);
                out.push('>');
                self.inserted.push((out.len() - destination.len() - 2, 1));
                self.inserted.push((out.len() - 1, 1));
                self.warnings.push((
                    offset + start..offset + start + destination.len(),
                    Rule::FileNameSpaces.with("name", destination),
                    Some(Phrase::FileNameSpacesHint.with("name", destination)),
                ));
                let used = open + 2 + close;
                consumed += used;
                rest = &rest[used..];
            } else {
                out.push_str(&rest[..open + 2]);
                consumed += open + 2;
                rest = &rest[open + 2..];
            }
        }
        out.push_str(rest);
    }

    /// Warns of footnote references (`[^kalla]`) with no note (`[^kalla]: …`)
    /// anywhere in the text: Markdown shows them as the bare text `[^kalla]`.
    fn footnotes_without_notes(&mut self, markdown: &str) {
        let mut defined = std::collections::BTreeSet::new();
        let mut used = Vec::new();
        let mut offset = 0;
        let mut fenced = false;
        for line in markdown.split_inclusive('\n') {
            let trimmed = line.trim_start();
            if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
                fenced = !fenced;
            }
            if !fenced && !line.starts_with("    ") {
                let mut from = 0;
                while let Some(at) = line[from..].find("[^") {
                    let start = from + at;
                    let Some(len) = line[start + 2..].find(']') else {
                        break;
                    };
                    let name = &line[start + 2..start + 2 + len];
                    let end = start + 2 + len + 1;
                    if !name.is_empty() && !name.contains(char::is_whitespace) {
                        if start == line.len() - trimmed.len() && line[end..].starts_with(':') {
                            defined.insert(name.to_string());
                        } else {
                            used.push((offset + start..offset + end, name.to_string()));
                        }
                    }
                    from = end;
                }
            }
            offset += line.len();
        }
        for (range, name) in used {
            if !defined.contains(&name) {
                self.warnings.push((
                    range,
                    Rule::FootnoteNoNote.with("name", &name),
                    Some(Phrase::FootnoteNoNoteHint.with("name", &name)),
                ));
            }
        }
    }

    /// The offset in the editor's text of `offset` in the mended text.
    pub(crate) fn original(&self, offset: usize) -> usize {
        let added: usize = self
            .inserted
            .iter()
            .take_while(|(at, _)| *at < offset)
            .map(|(_, n)| n)
            .sum();
        offset - added
    }
}

/// `Bild 1.JPG`, `dokument/Årsrapport 2023.pdf`: a relative file name with an
/// extension and a space, and nothing else a Markdown destination could be.
fn looks_like_a_file_name_with_spaces(destination: &str) -> bool {
    let destination = destination.trim();
    if !destination.contains(' ')
        || destination.starts_with('<')
        || destination.contains("://")
        || destination.contains(['"', '\'', '(', ')', '[', ']', '<', '>'])
    {
        return false;
    }
    let Some((_, extension)) = destination.rsplit_once('.') else {
        return false;
    };
    (2..=5).contains(&extension.len()) && extension.chars().all(|c| c.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_heading_marker_with_a_no_break_space_is_read_as_a_heading_and_warned_about() {
        let text = "Text\n\n##\u{a0}Vad händer?\n";
        let source = Source::mend(text);
        assert_eq!(source.text, "Text\n\n##  Vad händer?\n");
        assert_eq!(source.text.len(), text.len());
        assert_eq!(source.warnings.len(), 1);
        assert_eq!(source.warnings[0].0, 8..10);
        assert!(
            source.warnings[0]
                .1
                .text(crate::messages::Language::English)
                .contains("no-break space")
        );
        assert_eq!(source.original(12), 12);
    }

    #[test]
    fn file_names_with_spaces_are_read_as_files_and_offsets_map_back() {
        let text =
            "![Affisch för öppet hus](Bild 1.JPG) och [rapporten](Årsrapport 2023.pdf). Sist.";
        let source = Source::mend(text);
        assert_eq!(
            source.text,
            "![Affisch för öppet hus](<Bild 1.JPG>) och [rapporten](<Årsrapport 2023.pdf>). Sist."
        );
        assert_eq!(source.warnings.len(), 2);
        let first = &source.warnings[0].0;
        assert_eq!(&text[first.clone()], "Bild 1.JPG");
        let second = &source.warnings[1].0;
        assert_eq!(&text[second.clone()], "Årsrapport 2023.pdf");
        // "Sist" is where it was, four bytes later in the mended text.
        let mended_at = source.text.find("Sist").unwrap();
        assert_eq!(source.original(mended_at), text.find("Sist").unwrap());
    }

    #[test]
    fn a_footnote_without_its_note_is_warned_about_where_it_is_used() {
        let text = "Text[^kalla] och[^finns].\n\n```\n[^kod]\n```\n\n[^finns]: En not.\n";
        let source = Source::mend(text);
        assert_eq!(source.warnings.len(), 1, "{:?}", source.warnings);
        assert_eq!(&text[source.warnings[0].0.clone()], "[^kalla]");
        assert!(
            source.warnings[0]
                .1
                .text(crate::messages::Language::English)
                .contains("`[^kalla]` has no note")
        );
    }

    #[test]
    fn ordinary_text_and_addresses_are_left_alone() {
        for text in [
            "Vanlig text.\n## Rubrik\n",
            "[en länk](https://malmo.se/a b)",
            "[text](med mellanslag men inget filnamn)",
            "[text](<Bild 1.JPG>)",
            "![bild](bild.png)",
            "    ##\u{a0}kod\n",
            "Ett\u{a0}mellanslag i texten.",
        ] {
            let source = Source::mend(text);
            assert_eq!(source.text, text, "{text:?}");
            assert!(source.warnings.is_empty(), "{text:?}");
        }
    }
}
