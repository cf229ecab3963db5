//! Link and image addresses an editor may write: web, e-mail, telephone and
//! addresses within the site. Any other scheme (`javascript:`, `data:`,
//! `vbscript:` …) would let text run script, so such a link is taken out,
//! its text kept, and a warning says why.

use std::ops::Range;

use crate::messages::{Message, Phrase, Rule};
use pulldown_cmark::{Event, Tag, TagEnd};

/// Schemes a link or image may use; anything without a scheme is an address within the site.
const SCHEMES: [&str; 4] = ["https", "http", "mailto", "tel"];

/// The scheme of `dest` when it is not one an editor may use, as a browser reads it.
pub(crate) fn refused_scheme(dest: &str) -> Option<String> {
    // Browsers drop tabs and line breaks anywhere in an address and spaces
    // and control characters at its ends: "java\tscript:" is "javascript:".
    let cleaned: String = dest
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let end = cleaned.find([':', '/', '?', '#'])?;
    if !cleaned[end..].starts_with(':') {
        return None;
    }
    let scheme = cleaned[..end].to_ascii_lowercase();
    let is_scheme = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    // "@/page:2" and "a:b" with no valid scheme are paths, as browsers read them.
    (is_scheme && !SCHEMES.contains(&scheme.as_str())).then_some(scheme)
}

/// Drops links and images whose address has a refused scheme, keeping their text.
#[derive(Default)]
pub(crate) struct Destinations {
    /// Whether the link or image now open was dropped (they do not nest).
    dropping: Vec<bool>,
    pub(crate) warnings: Vec<(Range<usize>, Message, Option<Message>)>,
}

impl Destinations {
    pub(crate) fn rewrite<'a>(
        &mut self,
        event: Event<'a>,
        range: Range<usize>,
    ) -> Option<(Event<'a>, Range<usize>)> {
        match &event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                let refused = refused_scheme(dest_url);
                self.dropping.push(refused.is_some());
                if let Some(scheme) = refused {
                    self.warnings.push((
                        range,
                        Rule::LinkSchemeRemoved.with("scheme", scheme),
                        Some(Phrase::LinkSchemeHint.into()),
                    ));
                    return None;
                }
            }
            // The guard pops for every end, dropped or not.
            Event::End(TagEnd::Link | TagEnd::Image) if self.dropping.pop().unwrap_or(false) => {
                return None;
            }
            _ => {}
        }
        Some((event, range))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_schemes_are_refused_however_they_are_written() {
        for dest in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "\u{1}javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
        ] {
            assert!(refused_scheme(dest).is_some(), "{dest:?} was allowed");
        }
    }

    #[test]
    fn web_mail_phone_and_site_addresses_pass() {
        for dest in [
            "https://malmo.se/",
            "http://example.org",
            "mailto:info@malmo.se",
            "tel:+4640341000",
            "../om/",
            "#kanda-brister",
            "@/om-sluta-skjut",
            "bild.jpg",
            "sida?a=b:c",
            "mapp/a:b",
            "",
        ] {
            assert_eq!(refused_scheme(dest), None, "{dest:?} was refused");
        }
    }
}
