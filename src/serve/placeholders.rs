//! A draft's `«placeholders»` as `serve` shows them: marked wherever they
//! appear, with a notice at the top of the draft's own page.
//!
//! Only served pages change; `build` refuses placeholders and never gets here.

use crate::i18n::Lang;

/// Where the preview's stylesheet is served; a file, not inline, so the
/// pages' Content-Security-Policy allows it.
pub(super) const STYLESHEET_PATH: &str = "/__torget/preview.css";

/// How marked placeholders and the notice look, whatever the theme.
pub(super) const STYLESHEET: &str = "mark.placeholder{background:#fff1a8;color:#1a1a1a;outline:2px dashed #8a6d00;outline-offset:1px}\n\
.torget-placeholder-notice{background:#fff1a8;color:#1a1a1a;border:2px dashed #8a6d00;padding:.75rem 1rem;margin:1rem 0}\n";

/// Elements whose text is not markup: a `<mark>` there would show as text.
const RAW_TEXT: [&str; 4] = ["script", "style", "title", "textarea"];

/// `html` with every `«…»` in its text wrapped in `<mark class="placeholder">`,
/// the preview's stylesheet linked, and, when `notice` gives the page's
/// language, a notice at the top of its `<main>`.
pub(super) fn mark(html: &str, notice: Option<Lang>) -> String {
    let mut out = String::with_capacity(html.len() + 512);
    let mut rest = html;
    // Inside a placeholder: it may span a link (`«Läs [mer](@/x).»`).
    let mut open = false;
    while !rest.is_empty() {
        if rest.starts_with("<!--") {
            let end = rest.find("-->").map_or(rest.len(), |i| i + 3);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
        } else if rest.starts_with('<') {
            let end = tag_end(rest);
            let tag = &rest[..end];
            rest = &rest[end..];
            if tag.eq_ignore_ascii_case("</head>") {
                out.push_str(&format!(
                    "<link rel=\"stylesheet\" href=\"{STYLESHEET_PATH}\">\n"
                ));
            }
            out.push_str(tag);
            if let Some(name) = RAW_TEXT.iter().find(|name| opens(tag, name)) {
                let end = find_ignoring_case(rest, &format!("</{name}")).unwrap_or(rest.len());
                out.push_str(&rest[..end]);
                rest = &rest[end..];
            }
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            let (text, after) = rest.split_at(end);
            mark_text(text, after, &mut open, &mut out);
            rest = after;
        }
    }
    match notice {
        Some(lang) => with_notice(out, lang),
        None => out,
    }
}

/// Copies `text` (between tags) to `out`, marking what lies between `«` and `»`.
fn mark_text(text: &str, after: &str, open: &mut bool, out: &mut String) {
    let mut from = 0;
    while from < text.len() {
        if *open {
            // Without its `»` here, the placeholder goes on after the next tag.
            let end = match text[from..].find('»') {
                Some(i) => {
                    *open = false;
                    from + i + '»'.len_utf8()
                }
                None => text.len(),
            };
            out.push_str("<mark class=\"placeholder\">");
            out.push_str(&text[from..end]);
            out.push_str("</mark>");
            from = end;
        } else {
            let Some(at) = text[from..].find('«').map(|i| from + i) else {
                out.push_str(&text[from..]);
                return;
            };
            out.push_str(&text[from..at]);
            from = at;
            // A `«` that no `»` closes, before the next `«`, is only a character.
            let closed = |s: &str| s.find(['«', '»']).map(|i| s[i..].starts_with('»'));
            let tail = &text[at + '«'.len_utf8()..];
            *open = closed(tail).or_else(|| closed(after)).unwrap_or(false);
            if !*open {
                out.push('«');
                from += '«'.len_utf8();
            }
        }
    }
}

/// The length of the tag at the start of `html`, through its `>`; quoted attribute values may hold `>`.
fn tag_end(html: &str) -> usize {
    let mut quote = None;
    for (i, c) in html.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return i + 1,
            _ => {}
        }
    }
    html.len()
}

/// Whether `tag` opens the element `name`.
fn opens(tag: &str, name: &str) -> bool {
    tag.get(1..=name.len())
        .is_some_and(|n| n.eq_ignore_ascii_case(name))
        && tag[1 + name.len()..].starts_with(['>', ' ', '\t', '\n', '/'])
}

/// Where `needle` (ASCII) first starts in `haystack`, ignoring ASCII case, without copying either.
fn find_ignoring_case(haystack: &str, needle: &str) -> Option<usize> {
    let needle = needle.as_bytes();
    if needle.is_empty() {
        return Some(0);
    }
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|window| window.eq_ignore_ascii_case(needle))
}

/// `html` with the draft notice first in `<main>`, or in `<body>` when the theme has no `<main>`.
fn with_notice(mut html: String, lang: Lang) -> String {
    // A note to the editor, who reads Swedish or English (the default).
    let text = if lang == Lang::SV {
        "<strong>Utkast:</strong> ersätt texten mellan « och » innan du publicerar."
    } else {
        "<strong>Draft:</strong> replace the text between « and » before you publish."
    };
    let notice = format!("\n<p class=\"torget-placeholder-notice\" role=\"note\">{text}</p>\n");
    let start = ["main", "body"].iter().find_map(|name| {
        let at = find_ignoring_case(&html, &format!("<{name}"))?;
        opens(&html[at..], name).then_some(at)
    });
    if let Some(at) = start {
        let end = at + tag_end(&html[at..]);
        html.insert_str(end, &notice);
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_in_text_are_marked_but_not_in_tags_or_titles() {
        let html = "<html><head><title>«Rubrik» – Sajt</title><meta content=\"«Ingress»\"></head>\n<body><main><h1>«Rubrik»</h1><p>«Läs <a href=\"x\">mer</a>.» Sedan « ensam.</p></main></body></html>";
        let marked = mark(html, None);
        assert_eq!(
            marked,
            "<html><head><title>«Rubrik» – Sajt</title><meta content=\"«Ingress»\"><link rel=\"stylesheet\" href=\"/__torget/preview.css\">\n</head>\n<body><main><h1><mark class=\"placeholder\">«Rubrik»</mark></h1><p><mark class=\"placeholder\">«Läs </mark><a href=\"x\"><mark class=\"placeholder\">mer</mark></a><mark class=\"placeholder\">.»</mark> Sedan « ensam.</p></main></body></html>"
        );
    }

    #[test]
    fn the_notice_opens_main_in_the_pages_language() {
        let sv = mark(
            "<body class=\"a\"><main id=\"main\"><h1>«Rubrik»</h1></main></body>",
            Some(Lang::SV),
        );
        assert!(
            sv.starts_with("<body class=\"a\"><main id=\"main\">\n<p class=\"torget-placeholder-notice\" role=\"note\"><strong>Utkast:</strong> ersätt texten mellan « och » innan du publicerar.</p>\n<h1><mark"),
            "{sv}"
        );
        let en = mark(
            "<body><mainly></mainly><p>«Text»</p></body>",
            Some(Lang::EN),
        );
        assert!(
            en.starts_with("<body>\n<p class=\"torget-placeholder-notice\" role=\"note\"><strong>Draft:</strong> replace the text between « and » before you publish.</p>"),
            "{en}"
        );
    }
}
