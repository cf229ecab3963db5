//! Fingerprints of pages, so a rebuild after an edit renders only pages whose template input changed.
//!
//! A page's fingerprint is a hash of all its template receives
//! ([`TemplateInput`]), taken from the very view it is rendered from: what a
//! page shows cannot change without its fingerprint changing, and a page kind
//! or a view field added later is covered without a word here. Only an
//! article's body is taken by the version of its rendering, not by its HTML
//! (see [`super::views::BodyHtml`]). The theme and the interface strings a template reads
//! change only with a full load, after which every page is rendered anyway.
//! `tests/live.rs` checks that rebuilds from fingerprints give the same bytes
//! as a fresh build, after random sequences of edits.

use std::hash::{DefaultHasher, Hash, Hasher};

use super::views::{KindView, TemplateInput};

/// What page `input` is made from, as one number; `None` if it could not be taken.
pub(crate) fn of(input: &mut TemplateInput<'_>) -> Option<u64> {
    let mut hasher = DefaultHasher::new();
    (input.template, input.lang).hash(&mut hasher);
    // The body by its version: hashing every body's HTML after each edit would
    // read the whole site's text.
    let body = match &mut input.kind {
        KindView::Article { article } => {
            article.body.version.hash(&mut hasher);
            Some(std::mem::take(&mut article.body.html))
        }
        _ => None,
    };
    let mut writer = HashWriter(&mut hasher);
    // Writing into a hasher cannot fail, and views are plain data that always
    // serialise; were it to fail, the page would only be rendered again.
    let written = serde_json::to_writer(&mut writer, &input.page)
        .and_then(|()| serde_json::to_writer(&mut writer, &input.kind));
    if let (KindView::Article { article }, Some(body)) = (&mut input.kind, body) {
        article.body.html = body;
    }
    written.ok().map(|()| hasher.finish())
}

/// Feeds serialised bytes into a hasher instead of a buffer.
struct HashWriter<'h>(&'h mut DefaultHasher);

impl std::io::Write for HashWriter<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.write(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
