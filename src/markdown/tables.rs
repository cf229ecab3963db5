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
    let mut html = html
        .replace("<th>", "<th scope=\"col\">")
        .replace("<th style=", "<th scope=\"col\" style=");
    for align in ["left", "center", "right"] {
        html = html.replace(
            &format!(" style=\"text-align: {align}\""),
            &format!(" class=\"align-{align}\""),
        );
    }
    html
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
