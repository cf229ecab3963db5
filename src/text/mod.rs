//! The leaf of the crate: text helpers every step uses (escaping, addresses).
//!
//! Nothing here knows about sites, pages or Markdown; every other module may
//! use it, and it uses none of them.

mod address;
pub(crate) mod arabic;
pub mod date;
pub(crate) mod slug;

pub(crate) use address::relative_url;

/// `"` `&` `<` `>` `'` escaped for an HTML or XML attribute value or text.
pub(crate) fn escape_attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    push_escaped_attribute(&mut out, text);
    out
}

/// [`escape_attribute`], written at the end of `out`: for files made of
/// many escaped pieces (a sitemap's tens of thousands of URLs), with no
/// string made for each.
pub(crate) fn push_escaped_attribute(out: &mut String, text: &str) {
    // Writing to a String cannot fail.
    let _ = pulldown_cmark_escape::escape_html(out, text);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_are_escaped_for_attributes() {
        assert_eq!(
            escape_attribute(r#"<a href="x" title='y'>&</a> åäö"#),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt; åäö"
        );
    }
}
