//! Images in the text: width and height from the file, so nothing shifts while a page loads, and lazy loading below the top.

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use crate::content::Article;
use crate::text::escape_attribute as escape;

/// Writes every image as one `<img>` with its size and loading hint.
pub(crate) struct Images<'s> {
    pub(crate) article: &'s Article,
    /// Images before this many on the page load at once; later ones lazily.
    pub(crate) eager: usize,
    pub(crate) seen: usize,
    /// The image being read: its `src`, title and alt text so far.
    current: Option<(String, String, String)>,
}

impl<'s> Images<'s> {
    pub(crate) fn new(article: &'s Article, eager: usize) -> Self {
        Images {
            article,
            eager,
            seen: 0,
            current: None,
        }
    }

    /// `None` while inside an image: its events become part of the one `<img>`.
    pub(crate) fn rewrite<'a>(&mut self, event: Event<'a>) -> Option<Event<'a>> {
        match event {
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) => {
                self.current = Some((dest_url.to_string(), title.to_string(), String::new()));
                None
            }
            Event::End(TagEnd::Image) => {
                let (src, title, alt) = self.current.take()?;
                self.seen += 1;
                // Written as pulldown-cmark writes link addresses: a file name's spaces become %20.
                let mut address = String::with_capacity(src.len());
                let _ = pulldown_cmark_escape::escape_href(&mut address, &src);
                let mut html = format!("<img src=\"{address}\" alt=\"{}\"", escape(&alt));
                if !title.is_empty() {
                    html.push_str(&format!(" title=\"{}\"", escape(&title)));
                }
                if let Some((width, height)) = size_of(self.article, &src) {
                    html.push_str(&format!(" width=\"{width}\" height=\"{height}\""));
                }
                if self.seen > self.eager {
                    html.push_str(" loading=\"lazy\"");
                }
                html.push_str(" decoding=\"async\">");
                Some(Event::InlineHtml(CowStr::from(html)))
            }
            Event::Text(text) | Event::Code(text) if self.current.is_some() => {
                if let Some((_, _, alt)) = self.current.as_mut() {
                    alt.push_str(&text);
                }
                None
            }
            _ if self.current.is_some() => None,
            event => Some(event),
        }
    }
}

/// The pixel size of an image beside the article, if it is one torget can read.
pub(crate) fn size_of(article: &Article, src: &str) -> Option<(usize, usize)> {
    let name = src
        .split(['#', '?'])
        .next()
        .unwrap_or(src)
        .replace("%20", " ");
    let asset = article.assets.iter().find(|a| a.relative == name)?;
    imagesize::size(&asset.source)
        .ok()
        .map(|size| (size.width, size.height))
}
