//! Tables in the text: a caption (the heading the table stands under, else the
//! page title) and column headers marked as such, since Markdown has no syntax for either.

use pulldown_cmark::{Event, Tag, TagEnd};

use super::escape_attribute as escape;

/// Tracks the latest heading so a table can be captioned by it.
pub struct Tables {
    caption: String,
    heading: Option<String>,
}

impl Tables {
    pub fn new(title: &str) -> Self {
        Tables {
            caption: title.to_string(),
            heading: None,
        }
    }

    pub fn rewrite<'a>(&mut self, event: Event<'a>) -> Vec<Event<'a>> {
        match &event {
            Event::Start(Tag::Heading { .. }) => self.heading = Some(String::new()),
            Event::Text(t) | Event::Code(t) => {
                if let Some(heading) = self.heading.as_mut() {
                    heading.push_str(t);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some(heading) = self.heading.take().filter(|h| !h.trim().is_empty()) {
                    self.caption = heading;
                }
            }
            Event::Start(Tag::Table(_)) => {
                let caption = format!("<caption>{}</caption>", escape(self.caption.trim()));
                return vec![event, Event::Html(caption.into())];
            }
            _ => {}
        }
        vec![event]
    }
}

/// Marks the header cells Markdown tables produce as column headers, and
/// turns their alignment into classes: the Content-Security-Policy allows no
/// inline styles.
pub fn scope_column_headers(html: &str) -> String {
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
            Parser::new_ext(markdown, Options::ENABLE_TABLES).flat_map(|e| tables.rewrite(e)),
        );
        let out = scope_column_headers(&out);
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
    }
}
