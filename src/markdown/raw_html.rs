//! Raw HTML in Markdown, through an allow-list suited to editorial text.
//!
//! HTML blocks are cleaned with ammonia: no `<script>` or `<style>`, no event
//! attributes, no `javascript:` URLs, iframes only from the hosts site.yaml
//! lists. Inline tags pass only when they are plain text markup (`<abbr>`,
//! `<sub>` …); anything else is shown as text. What is removed is reported
//! as a warning at its line, so an editor knows why it is missing.

use std::ops::Range;

use crate::messages::{Message, Phrase, Rule};
use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

/// Inline tags that only mark up text, with the attributes they may carry.
const INLINE: [(&str, &[&str]); 20] = [
    ("abbr", &["title", "lang"]),
    ("b", &[]),
    ("br", &[]),
    ("cite", &[]),
    ("code", &[]),
    ("del", &[]),
    ("dfn", &[]),
    ("em", &[]),
    ("i", &["lang"]),
    ("ins", &[]),
    ("kbd", &[]),
    ("mark", &[]),
    ("q", &["lang"]),
    ("s", &[]),
    ("small", &[]),
    ("span", &["lang", "dir", "title"]),
    ("strong", &[]),
    ("sub", &[]),
    ("sup", &[]),
    ("time", &["datetime"]),
];

/// Cleans raw HTML events; warnings are collected with their byte ranges.
pub(crate) struct RawHtml {
    /// Made on the first HTML block: most pages have none.
    cleaner: Option<ammonia::Builder<'static>>,
    hosts: Vec<String>,
    /// Whether any HTML of the editor's came through (see [`super::tables::scope_column_headers`]).
    pub(crate) seen: bool,
    block: Option<(Range<usize>, String)>,
    /// Inline tags whose opening was shown as text, so their closing is too.
    refused: Vec<String>,
    pub(crate) warnings: Vec<(Range<usize>, Message, Option<Message>)>,
}

impl RawHtml {
    pub(crate) fn new(iframe_hosts: &[String]) -> Self {
        let hosts: Vec<String> = iframe_hosts
            .iter()
            .map(|h| h.to_ascii_lowercase())
            .collect();
        RawHtml {
            cleaner: None,
            hosts,
            seen: false,
            block: None,
            refused: Vec::new(),
            warnings: Vec::new(),
        }
    }

    fn cleaner(hosts: &[String]) -> ammonia::Builder<'static> {
        let mut cleaner = ammonia::Builder::default();
        let allowed = hosts.to_vec();
        cleaner
            .add_tags(["iframe"])
            .add_tag_attributes(
                "iframe",
                [
                    "src",
                    "title",
                    "width",
                    "height",
                    "allowfullscreen",
                    "loading",
                ],
            )
            .attribute_filter(move |element, attribute, value| {
                if element == "iframe" && attribute == "src" && !host_allowed(value, &allowed) {
                    return None;
                }
                Some(value.into())
            });
        cleaner
    }

    /// `None` while inside an HTML block: the block comes out whole, cleaned, at its end.
    pub(crate) fn rewrite<'a>(
        &mut self,
        event: Event<'a>,
        range: Range<usize>,
    ) -> Option<(Event<'a>, Range<usize>)> {
        match event {
            Event::Start(Tag::HtmlBlock) => {
                self.block = Some((range, String::new()));
                None
            }
            Event::Html(text) if self.block.is_some() => {
                if let Some((_, html)) = self.block.as_mut() {
                    html.push_str(&text);
                }
                None
            }
            Event::End(TagEnd::HtmlBlock) => {
                let (start, html) = self.block.take()?;
                self.seen = true;
                let hosts = &self.hosts;
                let cleaner = self.cleaner.get_or_insert_with(|| Self::cleaner(hosts));
                let clean = cleaner.clean(&html).to_string();
                for removed in removed(&html, &self.hosts) {
                    self.warnings.push((
                        start.clone(),
                        Rule::HtmlRemoved.with("removed", removed),
                        Some(Phrase::RawHtmlHint.into()),
                    ));
                }
                Some((Event::Html(CowStr::from(clean + "\n")), start))
            }
            Event::InlineHtml(tag) => {
                let name = tag_name(&tag);
                if let Some(name) = name.strip_prefix('/')
                    && let Some(at) = self.refused.iter().rposition(|r| r == name)
                {
                    self.refused.remove(at);
                    return Some((Event::Text(tag), range));
                }
                if inline_allowed(&tag) {
                    Some((Event::InlineHtml(tag), range))
                } else {
                    if !name.starts_with('/') {
                        self.refused.push(name);
                    }
                    self.warnings.push((
                        range.clone(),
                        Rule::HtmlTagNotAllowed.with("tag", tag.trim()),
                        Some(Phrase::RawHtmlHint.into()),
                    ));
                    Some((Event::Text(tag), range))
                }
            }
            event => Some((event, range)),
        }
    }
}

/// `b` for `<b onclick=…>`, `/b` for `</b>`.
fn tag_name(tag: &str) -> String {
    let inner = tag.trim().trim_start_matches('<');
    let (slash, inner) = match inner.strip_prefix('/') {
        Some(rest) => ("/", rest),
        None => ("", inner),
    };
    let name: String = inner
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    format!("{slash}{}", name.to_ascii_lowercase())
}

fn host_allowed(src: &str, hosts: &[String]) -> bool {
    let Some(rest) = src.trim().strip_prefix("https://") else {
        return false;
    };
    let host = rest
        .split(['/', '?', '#'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    hosts.contains(&host)
}

/// Whether one inline tag is plain text markup from the allow-list.
fn inline_allowed(tag: &str) -> bool {
    let inner = tag
        .trim()
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim_end_matches('/')
        .trim();
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(rest) => (true, rest.trim()),
        None => (false, inner),
    };
    let mut parts = inner.splitn(2, char::is_whitespace);
    let name = parts.next().unwrap_or("").to_ascii_lowercase();
    let Some((_, attributes)) = INLINE.iter().find(|(n, _)| *n == name) else {
        return false;
    };
    let rest = parts.next().unwrap_or("").trim();
    if closing {
        return rest.is_empty();
    }
    // Attributes as name="value" pairs, each on the tag's list, values without markup.
    let mut rest = rest;
    while !rest.is_empty() {
        let Some((attribute, after)) = rest.split_once('=') else {
            return false;
        };
        if !attributes.contains(&attribute.trim().to_ascii_lowercase().as_str()) {
            return false;
        }
        let after = after.trim_start();
        let Some(value) = after.strip_prefix('"') else {
            return false;
        };
        let Some(end) = value.find('"') else {
            return false;
        };
        if value[..end].contains(['<', '>']) {
            return false;
        }
        rest = value[end + 1..].trim_start();
    }
    true
}

/// What cleaning takes out of `html`, named for the editor.
fn removed(html: &str, hosts: &[String]) -> Vec<Message> {
    let lower = html.to_ascii_lowercase();
    let mut found = Vec::new();
    for tag in [
        "script", "style", "object", "embed", "form", "input", "button", "frame", "link", "meta",
        "base",
    ] {
        if lower.contains(&format!("<{tag}"))
            && !(tag == "frame" && !lower.contains("<frame ") && !lower.contains("<frame>"))
        {
            found.push(Phrase::ScriptTag.with("tag", tag));
        }
    }
    if contains_event_attribute(&lower) {
        found.push(Phrase::EventAttributes.into());
    }
    if lower.contains("javascript:") {
        found.push(Phrase::JavascriptAddresses.into());
    }
    let mut rest = lower.as_str();
    while let Some(at) = rest.find("<iframe") {
        rest = &rest[at + 7..];
        let tag = &rest[..rest.find('>').unwrap_or(rest.len())];
        let src = tag.split("src=").nth(1).map(|s| {
            s.trim_start_matches(['"', '\''])
                .split(['"', '\'', ' '])
                .next()
                .unwrap_or("")
        });
        if !src.is_some_and(|s| host_allowed(s, hosts)) {
            found.push(Phrase::IframeHost.into());
        }
    }
    found
}

fn contains_event_attribute(lower: &str) -> bool {
    lower.match_indices(" on").any(|(at, _)| {
        let name: String = lower[at + 3..]
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect();
        !name.is_empty() && lower[at + 3 + name.len()..].trim_start().starts_with('=')
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::{Options, Parser, html};

    fn render(markdown: &str, hosts: &[&str]) -> (String, Vec<String>) {
        let hosts: Vec<String> = hosts.iter().map(|h| h.to_string()).collect();
        let mut raw = RawHtml::new(&hosts);
        let mut out = String::new();
        {
            let events = Parser::new_ext(markdown, Options::empty()).into_offset_iter();
            let events: Vec<Event<'_>> = events
                .filter_map(|(e, r)| raw.rewrite(e, r))
                .map(|(e, _)| e)
                .collect();
            html::push_html(&mut out, events.into_iter());
        }
        (
            out,
            (raw.warnings.into_iter())
                .map(|w| w.1.text(crate::messages::Language::English))
                .collect(),
        )
    }

    #[test]
    fn scripts_events_and_javascript_urls_never_reach_the_output() {
        let (out, warnings) = render(
            "<div onclick=\"steal()\"><script>alert(1)</script><a href=\"javascript:alert(2)\">x</a><p>Kvar</p></div>\n",
            &[],
        );
        assert!(!out.to_lowercase().contains("<script"), "{out}");
        assert!(!out.contains("onclick"), "{out}");
        assert!(!out.contains("javascript:"), "{out}");
        assert!(out.contains("<p>Kvar</p>"), "{out}");
        assert_eq!(warnings.len(), 3, "{warnings:?}");
    }

    #[test]
    fn iframes_only_from_listed_hosts() {
        let block =
            "<iframe src=\"https://www.youtube-nocookie.com/embed/x\" title=\"Film\"></iframe>\n";
        let (allowed, warnings) = render(block, &["www.youtube-nocookie.com"]);
        assert!(
            allowed.contains("src=\"https://www.youtube-nocookie.com/embed/x\""),
            "{allowed}"
        );
        assert!(warnings.is_empty());
        let (refused, warnings) = render(
            &block.replace("www.youtube-nocookie.com", "evil.example"),
            &["www.youtube-nocookie.com"],
        );
        assert!(!refused.contains("evil.example"), "{refused}");
        assert_eq!(warnings.len(), 1);
    }

    #[test]
    fn inline_text_markup_passes_and_other_tags_become_text() {
        let (out, warnings) = render(
            "Vatten är H<sub>2</sub>O och <abbr title=\"Brottsförebyggande rådet\">Brå</abbr>.\n",
            &[],
        );
        assert!(out.contains("H<sub>2</sub>O"), "{out}");
        assert!(
            out.contains("<abbr title=\"Brottsförebyggande rådet\">Brå</abbr>"),
            "{out}"
        );
        assert!(warnings.is_empty());
        let (out, warnings) = render(
            "Klicka <span onmouseover=\"x()\">här</span> eller <img src=x onerror=alert(1)>.\n",
            &[],
        );
        assert!(out.contains("&lt;span onmouseover"), "{out}");
        assert!(out.contains("&lt;img src=x onerror"), "{out}");
        assert!(!out.contains("<img"), "{out}");
        assert!(
            out.contains("här&lt;/span&gt;"),
            "the closing tag of a refused one is text too: {out}"
        );
        assert_eq!(warnings.len(), 2, "{warnings:?}");
    }
}
