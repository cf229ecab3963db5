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
    // Writing to a String cannot fail.
    let _ = pulldown_cmark_escape::escape_html(&mut out, text);
    out
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
