//! Markdown to HTML: the pulldown-cmark event pipeline.
//!
//! Each feature is one adapter over the event stream — heading ids,
//! `@/` link rewriting, footnotes, Swedish quotation marks — and one writer
//! at the end. Problems found on the way (a link to a missing page, a bad
//! heading id) are collected with their byte offset in the file; anchors in
//! other pages are returned for checking once every page is rendered.

mod destinations;
mod headings;
mod images;
mod links;
mod parts;
mod raw_html;
mod source;
mod tables;
mod trend_blocks;

use std::collections::BTreeSet;
use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd, html};

use crate::content::{Article, Translation};
use crate::diagnostics::Diagnostic;
use crate::i18n::{InterfaceStrings, Lang};
use crate::messages::Message;
use crate::site::Site;

pub(crate) use images::size_of as image_size;
pub(crate) use links::{AnchorCheck, dataset_anchors};

/// One article translation rendered to HTML, with what the rest of the build needs to know of it.
#[derive(Debug, Default)]
pub(crate) struct Rendered {
    pub(crate) html: String,
    /// Ids of the headings (and footnotes), for anchor checks.
    pub(crate) ids: BTreeSet<String>,
    /// Anchors in other pages this one links to.
    pub(crate) anchor_checks: Vec<AnchorCheck>,
    /// Plain text of the first paragraph, for descriptions and listings.
    pub(crate) first_paragraph: String,
    /// The start of the body as plain text, for the search index.
    pub(crate) text: String,
    /// The summary shown in listings and feeds: the editor's, else the first
    /// paragraph, shortened (filled in by `render::bodies`, once per page).
    pub(crate) summary: String,
    /// The published date as the page's language writes it.
    pub(crate) date_text: Option<String>,
    /// The page's entry in the search index (JSON), and the title and address it is sorted by.
    pub(crate) search_entry: String,
    pub(crate) search_order: (String, String),
    pub(crate) diagnostics: Vec<Diagnostic>,
    /// The content paths its `@/` links name: the page stays valid while none of them moves.
    pub(crate) linked: Vec<String>,
    /// The ids of the datasets its `trend` blocks show (or ask for, if
    /// missing), and the content paths of those it shows and links to.
    pub(crate) embedded: Vec<String>,
    /// Unique to this rendering, so pages built from it can tell it changed.
    pub(crate) version: u64,
    /// Like `version`, but of the search entry and order alone: kept from
    /// the rendering before when they are as they were (after an edit to a
    /// date, or text the index does not hold), so the search page and index
    /// are not made again.
    pub(crate) search_version: u64,
}

impl Rendered {
    /// Whether the body has findings to report or anchors in other pages to check.
    pub(crate) fn is_noted(&self) -> bool {
        !self.diagnostics.is_empty() || !self.anchor_checks.is_empty()
    }

    /// Whether this rendering of article `key` in `lang` must be made again
    /// now that the pages in `moved` have new addresses (or came or went)
    /// on `site` and the datasets with ids in `changed` hold something new.
    pub(crate) fn depends_on(
        &self,
        (site, key, lang): (&Site, &str, Lang),
        moved: &crate::site::Moved<'_>,
        changed: &std::collections::BTreeSet<String>,
    ) -> bool {
        // Messages name other pages (suggestions), so a page with any is made again.
        // Its own links are relative to its address in its language.
        !self.diagnostics.is_empty()
            || moved.page_in(key, lang)
            || self.linked.iter().any(|k| moved.link_from(site, k, lang))
            || (self.embedded.iter()).any(|e| changed.contains(e) || moved.link_from(site, e, lang))
    }
}

/// Hands out rendering versions.
static NEXT_VERSION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// How much plain text of a body is kept for the search index.
const PLAIN_TEXT: usize = 2500;

/// The Markdown dialect torget's editors write, wherever they write Markdown
/// (article bodies, the home page's introduction) and wherever torget reads it back (`check`).
pub(crate) fn dialect() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// The events of `markdown` as torget reads it for its text (`check`'s
/// readability): in the dialect, with `{lang=…}` taken out of the text.
pub(crate) fn text_events(markdown: &str) -> Vec<Event<'_>> {
    let mut parts = parts::Parts::new(markdown, "", "");
    let events = Parser::new_ext(markdown, dialect()).into_offset_iter();
    parts::with_parts(events, &mut parts)
        .map(|(event, _)| event)
        .collect()
}

/// Renders one translation of `article`, which will live at `page_path`.
pub(crate) fn render(
    site: &Site,
    strings: &InterfaceStrings,
    article: &Article,
    translation: &Translation,
    page_path: &str,
) -> Rendered {
    let text = &translation.text;
    let body_start = translation.body_start;
    let source = source::Source::mend(&text[body_start..]);
    let body: &str = &source.text;
    let mut problems: Vec<(Range<usize>, Message, Option<Message>)> = Vec::new();
    let mut ids = BTreeSet::new();
    let mut anchor_checks = Vec::new();
    let mut first_paragraph = FirstParagraph::default();
    let mut plain_text = String::new();
    let mut html_out = String::with_capacity(body.len() * 3 / 2);

    let trend_context = trend_blocks::TrendContext {
        site,
        strings,
        lang: translation.lang,
        page_path,
    };
    let mut trend_problems = Vec::new();
    let mut raw_html = raw_html::RawHtml::new(&site.config.iframe_hosts);
    let mut destinations = destinations::Destinations::default();
    let mut parts = parts::Parts::new(body, translation.lang.code(), &site.config.base_url);
    let linked;
    let mut embedded = Vec::new();
    let link_warnings;
    {
        // Editors' raw HTML is cleaned first, before any HTML of our own is added.
        let events = Parser::new_ext(body, dialect())
            .into_offset_iter()
            .filter_map(|(event, range)| raw_html.rewrite(event, range))
            .filter_map(|(event, range)| destinations.rewrite(event, range));
        let events = parts::with_parts(events, &mut parts);
        let events =
            trend_blocks::with_trends(events, &trend_context, &mut trend_problems, &mut embedded);
        let events = headings::with_ids(events, &mut ids, &mut problems);
        let mut linker = links::Linker {
            site,
            article,
            lang: translation.lang,
            page_path,
            anchor_checks: &mut anchor_checks,
            linked: Vec::new(),
            problems: Vec::new(),
            warnings: Vec::new(),
        };
        let events = events.map(|(event, range)| {
            let event = linker.rewrite(event, range.clone());
            (event, range)
        });
        // With a lead image above the text, every image in the text is below the top.
        let eager = usize::from(translation.front.image.is_none());
        let mut images = images::Images::new(article, eager);
        let events = events.filter_map(|(event, range)| images.rewrite(event).map(|e| (e, range)));
        let mut tables = tables::Tables::new(&translation.front.title);
        let events = events.flat_map(|(event, range)| {
            let (event, after) = tables.rewrite(event);
            std::iter::once((event, range.clone())).chain(after.map(|e| (e, range)))
        });
        let mut footnotes = Footnotes::new(strings);
        let events = events
            .map(|(event, range)| (footnotes.rewrite(event), range))
            .map(|(event, range)| (quotation_marks(event, translation.lang), range))
            .inspect(|(event, _)| {
                first_paragraph.observe(event);
                if let Event::Text(t) | Event::Code(t) = event
                    && plain_text.len() < PLAIN_TEXT
                {
                    plain_text.push_str(t);
                    plain_text.push(' ');
                }
            });
        html::push_html(&mut html_out, events.map(|(event, _)| event));
        problems.append(&mut linker.problems);
        link_warnings = std::mem::take(&mut linker.warnings);
        linked = std::mem::take(&mut linker.linked);
        problems.append(&mut trend_problems);
        problems.append(&mut parts.problems);
        ids.extend(footnotes.ids());
    }

    // `offset` is in the editor's text; what the parser found is mapped back first.
    let located = |offset: usize, diagnostic: Diagnostic, hint: Option<Message>| {
        diagnostic
            .at_offset(text, body_start + offset)
            .with_hint_if(hint)
    };
    let mut diagnostics: Vec<Diagnostic> = (problems.into_iter())
        .map(|(range, message, hint)| {
            let offset = source.original(range.start);
            located(offset, Diagnostic::error(&translation.file, message), hint)
        })
        .collect();
    let warnings = (raw_html.warnings.into_iter())
        .chain(destinations.warnings)
        .chain(parts.warnings)
        .chain(link_warnings);
    diagnostics.extend(warnings.map(|(range, message, hint)| {
        let offset = source.original(range.start);
        located(
            offset,
            Diagnostic::warning(&translation.file, message),
            hint,
        )
    }));
    // Mended before parsing: these ranges are already the editor's.
    diagnostics.extend(source.warnings.iter().map(|(range, message, hint)| {
        let warning = Diagnostic::warning(&translation.file, message.clone());
        located(range.start, warning, hint.clone())
    }));
    Rendered {
        html: if raw_html.seen {
            tables::scope_column_headers(&html_out)
        } else {
            html_out
        },
        ids,
        anchor_checks: anchor_checks
            .into_iter()
            .map(|mut c| {
                c.offset = body_start + source.original(c.offset);
                c
            })
            .collect(),
        first_paragraph: first_paragraph.text.trim().to_string(),
        text: plain_text,
        summary: String::new(),
        date_text: None,
        search_entry: String::new(),
        search_order: Default::default(),
        diagnostics,
        linked,
        embedded,
        version: NEXT_VERSION.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        search_version: NEXT_VERSION.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
    }
}

/// Markdown an editor set in YAML (the home page's introduction), as HTML.
#[derive(Debug, Default)]
pub(crate) struct Fragment {
    pub(crate) html: String,
    /// What was taken out, with its byte range in the Markdown, and a hint.
    pub(crate) warnings: Vec<(Range<usize>, Message, Option<Message>)>,
    /// What is wrong (a language code torget does not know), with its byte range and a hint.
    pub(crate) errors: Vec<(Range<usize>, Message, Option<Message>)>,
}

/// Renders Markdown from YAML in the same dialect, through the same raw-HTML
/// cleaner and address check, as article bodies; it has no `@/` links or
/// headings of its own to resolve.
pub(crate) fn fragment(markdown: &str, lang: Lang, iframe_hosts: &[String]) -> Fragment {
    let source = source::Source::mend(markdown);
    let mut raw_html = raw_html::RawHtml::new(iframe_hosts);
    let mut destinations = destinations::Destinations::default();
    let mut parts = parts::Parts::new(&source.text, lang.code(), "");
    let mut html_out = String::with_capacity(markdown.len() * 3 / 2);
    {
        let events = Parser::new_ext(&source.text, dialect())
            .into_offset_iter()
            .filter_map(|(event, range)| raw_html.rewrite(event, range))
            .filter_map(|(event, range)| destinations.rewrite(event, range));
        let events =
            parts::with_parts(events, &mut parts).map(|(event, _)| quotation_marks(event, lang));
        html::push_html(&mut html_out, events);
    }
    let mut warnings = source.warnings;
    warnings.extend(raw_html.warnings.into_iter().chain(destinations.warnings));
    warnings.extend(parts.warnings);
    Fragment {
        html: html_out,
        warnings,
        errors: parts.problems,
    }
}

/// Swedish and Finnish quote both ends with ”, where smart punctuation would open with “.
fn quotation_marks(event: Event<'_>, lang: Lang) -> Event<'_> {
    match event {
        Event::Text(text) if lang.locale().closing_quotes_only && text.contains(['“', '‘']) => {
            Event::Text(text.replace('“', "”").replace('‘', "’").into())
        }
        event => event,
    }
}

/// Collects the plain text of the first paragraph.
#[derive(Default)]
struct FirstParagraph {
    text: String,
    depth: usize,
    done: bool,
}

impl FirstParagraph {
    fn observe(&mut self, event: &Event<'_>) {
        if self.done {
            return;
        }
        match event {
            Event::Start(Tag::Paragraph) => self.depth += 1,
            Event::End(TagEnd::Paragraph) if self.depth > 0 => {
                self.depth -= 1;
                self.done = !self.text.trim().is_empty();
            }
            Event::Text(t) | Event::Code(t) if self.depth > 0 => self.text.push_str(t),
            Event::SoftBreak | Event::HardBreak if self.depth > 0 => self.text.push(' '),
            _ => {}
        }
    }
}

/// Numbers footnotes in order of first reference and links them both ways.
///
/// A link whose text is a number alone says nothing to a screen reader
/// listing a page's links (WCAG 2.4.4): both links carry words, hidden from
/// the eye, before the number ("Fotnot 1", "Tillbaka till texten vid fotnot 1").
#[derive(Default)]
struct Footnotes {
    /// The hidden words before a reference's number, escaped.
    reference: String,
    /// The hidden words before the number of a note's link back, escaped.
    back: String,
    numbers: Vec<String>,
    /// How many times each footnote has been referenced so far, so each reference gets its own id.
    references: Vec<usize>,
}

impl Footnotes {
    fn new(strings: &InterfaceStrings) -> Self {
        Footnotes {
            reference: crate::text::escape_attribute(strings.text("footnote_reference")),
            back: crate::text::escape_attribute(strings.text("footnote_back")),
            ..Footnotes::default()
        }
    }

    fn number(&mut self, name: &str) -> usize {
        match self.numbers.iter().position(|n| n == name) {
            Some(i) => i + 1,
            None => {
                self.numbers.push(name.to_string());
                self.references.push(0);
                self.numbers.len()
            }
        }
    }

    fn rewrite<'a>(&mut self, event: Event<'a>) -> Event<'a> {
        match event {
            Event::FootnoteReference(name) => {
                let n = self.number(&name);
                let seen = &mut self.references[n - 1];
                *seen += 1;
                // The first reference is the one the note links back to.
                let id = if *seen == 1 {
                    format!("fnref-{n}")
                } else {
                    format!("fnref-{n}-{seen}")
                };
                Event::InlineHtml(
                    format!(
                        "<sup class=\"footnote-ref\"><a href=\"#fn-{n}\" id=\"{id}\"><span class=\"visually-hidden\">{} </span>{n}</a></sup>",
                        self.reference
                    )
                    .into(),
                )
            }
            Event::Start(Tag::FootnoteDefinition(name)) => {
                let n = self.number(&name);
                Event::Html(
                    format!("<div class=\"footnote\" id=\"fn-{n}\"><span class=\"footnote-label\"><a href=\"#fnref-{n}\"><span class=\"visually-hidden\">{} </span>{n}</a></span>", self.back).into(),
                )
            }
            Event::End(TagEnd::FootnoteDefinition) => Event::Html("</div>\n".into()),
            event => event,
        }
    }

    fn ids(&self) -> impl Iterator<Item = String> + '_ {
        self.references.iter().enumerate().flat_map(|(i, count)| {
            let n = i + 1;
            let references = (2..=*count).map(move |k| format!("fnref-{n}-{k}"));
            [format!("fn-{n}"), format!("fnref-{n}")]
                .into_iter()
                .chain(references)
        })
    }
}
