//! Tables in the text: a caption (the heading the table stands under, else the
//! page title) and column headers marked as such, since Markdown has no syntax for either.

use pulldown_cmark::{Alignment, Event, Tag, TagEnd};

use crate::text::escape_attribute as escape;

/// Tracks the latest heading so a table can be captioned by it, and where in
/// a table the text is, to mark its cells.
pub(crate) struct Tables {
    /// The caption as HTML: escaped text, with the language of its parts.
    caption: String,
    /// The heading being read: its text, its HTML, and its `lang`/`dir` attributes.
    heading: Option<(String, String, String)>,
    alignments: Vec<Alignment>,
    in_head: bool,
    cell: usize,
}

impl Tables {
    pub(crate) fn new(title: &str) -> Self {
        Tables {
            caption: escape(title.trim()),
            heading: None,
            alignments: Vec::new(),
            in_head: false,
            cell: 0,
        }
    }

    /// The event, or what replaces it, and at most one event after it.
    pub(crate) fn rewrite<'a>(&mut self, event: Event<'a>) -> (Event<'a>, Option<Event<'a>>) {
        match &event {
            Event::Start(Tag::Heading { attrs, .. }) => {
                // The heading's language (`## Kontakt {lang=sv}`) is the caption's.
                let language: String = (attrs.iter())
                    .filter(|(name, _)| matches!(name.as_ref(), "lang" | "dir"))
                    .filter_map(|(name, value)| {
                        let value = value.as_deref()?;
                        Some(format!(" {name}=\"{}\"", escape(value)))
                    })
                    .collect();
                self.heading = Some((String::new(), String::new(), language));
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((text, html, _)) = self.heading.as_mut() {
                    text.push_str(t);
                    html.push_str(&escape(t));
                }
            }
            // A phrase's language (`## Om [Brå]{lang=sv}`) stays marked in the caption.
            Event::InlineHtml(tag) if tag.starts_with("<span ") || tag.as_ref() == "</span>" => {
                if let Some((_, html, _)) = self.heading.as_mut() {
                    html.push_str(tag);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((_, html, language)) = self
                    .heading
                    .take()
                    .filter(|(text, _, _)| !text.trim().is_empty())
                {
                    self.caption = if language.is_empty() {
                        html.trim().to_string()
                    } else {
                        format!("<span{language}>{}</span>", html.trim())
                    };
                }
            }
            Event::Start(Tag::Table(alignments)) => {
                self.alignments.clone_from(alignments);
                let caption = format!("<caption>{}</caption>", self.caption);
                return (event, Some(Event::Html(caption.into())));
            }
            Event::Start(Tag::TableHead) => {
                self.in_head = true;
                self.cell = 0;
            }
            Event::End(TagEnd::TableHead) => self.in_head = false,
            Event::Start(Tag::TableRow) => self.cell = 0,
            // Header cells are column headers, and alignment is a class: the
            // Content-Security-Policy allows no inline styles. The writer still
            // closes the cell, as it knows whether it is in the head.
            Event::Start(Tag::TableCell) => {
                let align = match self.alignments.get(self.cell) {
                    Some(Alignment::Left) => " class=\"align-left\"",
                    Some(Alignment::Center) => " class=\"align-center\"",
                    Some(Alignment::Right) => " class=\"align-right\"",
                    _ => "",
                };
                self.cell += 1;
                let tag = if self.in_head {
                    format!("<th scope=\"col\"{align}>")
                } else {
                    format!("<td{align}>")
                };
                return (Event::Html(tag.into()), None);
            }
            _ => {}
        }
        (event, None)
    }
}

/// Marks header cells in the editor's own HTML tables as column headers,
/// and turns inline alignment into classes, as Markdown tables' cells are.
pub(crate) fn scope_column_headers(html: &str) -> String {
    const HEADER: &str = "<th";
    const ALIGN: &str = " style=\"text-align: ";
    // One pass over the page, since most bodies hold no table at all. Each
    // pattern is searched for again only once passed.
    let find = |from: usize, pattern: &str| html[from..].find(pattern).map(|i| from + i);
    let mut out = String::with_capacity(html.len() + 64);
    let mut pos = 0;
    let mut next_header = find(0, HEADER);
    let mut next_align = find(0, ALIGN);
    loop {
        let at = match (next_header, next_align) {
            (None, None) => break,
            (Some(h), Some(a)) => h.min(a),
            (Some(h), None) => h,
            (None, Some(a)) => a,
        };
        out.push_str(&html[pos..at]);
        let here = &html[at..];
        if next_header == Some(at) {
            let used = if here.starts_with("<th>") {
                out.push_str("<th scope=\"col\">");
                4
            } else if here.starts_with("<th style=") {
                out.push_str("<th scope=\"col\"");
                HEADER.len()
            } else {
                out.push_str(HEADER);
                HEADER.len()
            };
            pos = at + used;
            next_header = find(pos, HEADER);
        } else {
            let after = &here[ALIGN.len()..];
            let align = ["left", "center", "right"]
                .into_iter()
                .find(|a| after.strip_prefix(a).is_some_and(|r| r.starts_with('"')));
            let used = match align {
                Some(align) => {
                    out.push_str(" class=\"align-");
                    out.push_str(align);
                    out.push('"');
                    ALIGN.len() + align.len() + 1
                }
                None => {
                    out.push_str(ALIGN);
                    ALIGN.len()
                }
            };
            pos = at + used;
            next_align = find(pos, ALIGN);
        }
    }
    out.push_str(&html[pos..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::{Options, Parser, html};

    #[test]
    fn tables_are_captioned_by_their_heading_and_headers_scoped() {
        let markdown =
            "Intro.\n\n| A | B |\n|---|--:|\n| 1 | 2 |\n\n## Möten\n\n| C |\n|---|\n| 3 |\n";
        let mut tables = Tables::new("Sidans titel");
        let mut out = String::new();
        html::push_html(
            &mut out,
            Parser::new_ext(markdown, Options::ENABLE_TABLES).flat_map(|e| {
                let (event, after) = tables.rewrite(e);
                std::iter::once(event).chain(after)
            }),
        );
        assert!(
            out.contains("<table><caption>Sidans titel</caption>"),
            "{out}"
        );
        assert!(out.contains("<table><caption>Möten</caption>"), "{out}");
        assert!(out.contains("<th scope=\"col\">A</th>"), "{out}");
        assert!(
            out.contains("<th scope=\"col\" class=\"align-right\">B</th>"),
            "{out}"
        );
        assert!(out.contains("<td class=\"align-right\">2</td>"), "{out}");
        assert!(!out.contains("style="), "{out}");
    }

    #[test]
    fn the_editors_own_table_headers_are_scoped_and_aligned_by_class() {
        let html = "<table><thead><tr><th>A</th><th style=\"text-align: center\">B</th></tr></thead>\
                    <tbody><tr><td style=\"text-align: right\">1</td><td style=\"text-align: up\">2</td></tr></tbody></table>";
        assert_eq!(
            scope_column_headers(html),
            "<table><thead><tr><th scope=\"col\">A</th><th scope=\"col\" class=\"align-center\">B</th></tr></thead>\
             <tbody><tr><td class=\"align-right\">1</td><td style=\"text-align: up\">2</td></tr></tbody></table>"
        );
        assert_eq!(scope_column_headers("<p>no table</p>"), "<p>no table</p>");
    }
}
