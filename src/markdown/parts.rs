//! The language of parts (WCAG 3.1.2): a phrase in another language than
//! the page's carries `lang`.
//!
//! - `[Brå:s rapport]{lang=sv}` becomes `<span lang="sv">Brå:s rapport</span>`.
//! - `[Brå:s rapport](https://bra.se/…){lang=sv}` becomes
//!   `<a href="https://bra.se/…" hreflang="sv"><span lang="sv">Brå:s rapport</span></a>`:
//!   the span marks the link's text, `hreflang` the language of the page it
//!   leads to. A link within the site (`@/…`, `/om/`, a file) gets no
//!   `hreflang` from the editor: torget knows its language, and `links.rs`
//!   says so when it differs from the page's.
//! - A reference link (`[Brå]` with `[brå]: https://…` below) followed by
//!   `{lang=sv}` stays a link, marked as above: its brackets are its text.
//! - `## Om Brå {lang=sv}` (the braces after a space, as for `{#id}`) marks the
//!   whole heading; `## Om [Brå]{lang=sv}` only the phrase.
//! - A right-to-left phrase in a left-to-right page gets `dir="rtl"`, and a
//!   left-to-right phrase in a right-to-left page `dir="ltr"`.
//!
//! The language must be a BCP 47 code whose language torget knows (ISO 639-1,
//! and the ISO 639-3 codes of Sweden's minority and Malmö's larger languages);
//! anything else is an error and the phrase is shown as written. `{…}` that
//! is not `{lang=…}`, or follows no `[…]` or link, is left as text. Nothing of
//! what the editor writes in the braces reaches the HTML but the checked code.
//!
//! The adapter works on runs of inline events (a paragraph's, a heading's, a
//! table cell's …): pulldown-cmark leaves `[text]` that is not a link as the
//! text `[`, `text`, `]`, which is matched here over the run.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};

use crate::messages::{Message, Phrase, Rule};
use crate::text::escape_attribute;

type Problem = (Range<usize>, Message, Option<Message>);
type Located<'a> = (Event<'a>, Range<usize>);

/// ISO 639-1: every two-letter language code.
const TWO_LETTER: &str = "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu";

/// ISO 639-3 codes with no two-letter code that a Swedish municipality's
/// pages name: the national minority languages (Meänkieli, the Sami
/// languages, Romani), and languages Malmö publishes in (Sorani, Kurmanji,
/// Dari, Bosnian-Croatian-Serbian), with a few common others.
const THREE_LETTER: &str = "fit sma sme smj smn sms sju rom rmy rmf rmu rmo ckb kmr sdh prs hbs cmn yue fil ast gsw nds sgn swl rmn zxx und mul";

/// Three-letter codes editors write for languages that have a two-letter one, which BCP 47 asks for.
const LONGER_CODES: [(&str, &str); 24] = [
    ("swe", "sv"),
    ("eng", "en"),
    ("fin", "fi"),
    ("ara", "ar"),
    ("fas", "fa"),
    ("per", "fa"),
    ("deu", "de"),
    ("ger", "de"),
    ("fra", "fr"),
    ("fre", "fr"),
    ("spa", "es"),
    ("som", "so"),
    ("tur", "tr"),
    ("pol", "pl"),
    ("bos", "bs"),
    ("hrv", "hr"),
    ("srp", "sr"),
    ("kur", "ku"),
    ("tir", "ti"),
    ("rus", "ru"),
    ("ukr", "uk"),
    ("dan", "da"),
    ("nor", "no"),
    ("yid", "yi"),
];

/// Languages written right to left, unless a script subtag says otherwise.
const RIGHT_TO_LEFT: [&str; 11] = [
    "ar", "fa", "ur", "he", "yi", "ps", "sd", "ug", "dv", "ckb", "prs",
];

/// Scripts written right to left.
const RIGHT_TO_LEFT_SCRIPTS: [&str; 7] = ["Arab", "Hebr", "Thaa", "Syrc", "Nkoo", "Adlm", "Rohg"];

/// `code` as BCP 47 writes it (`sv`, `sr-Latn`, `sv-FI`), when it is well
/// formed and its language is one torget knows.
pub(crate) fn language_code(code: &str) -> Option<String> {
    let mut subtags = code.split(['-', '_']);
    let language = subtags.next()?.to_ascii_lowercase();
    let known = match language.len() {
        2 => TWO_LETTER.split(' ').any(|c| c == language),
        3 => THREE_LETTER.split(' ').any(|c| c == language),
        _ => false,
    };
    if !known {
        return None;
    }
    let mut canonical = language;
    // Script, then region, then variants, each at most once and in order.
    let mut stage = 0;
    for subtag in subtags {
        let alpha = subtag.bytes().all(|b| b.is_ascii_alphabetic());
        let alnum = subtag.bytes().all(|b| b.is_ascii_alphanumeric());
        let digits = subtag.bytes().all(|b| b.is_ascii_digit());
        let written = if stage < 1 && subtag.len() == 4 && alpha {
            stage = 1;
            let lower = subtag.to_ascii_lowercase();
            lower[..1].to_ascii_uppercase() + &lower[1..]
        } else if stage < 2 && ((subtag.len() == 2 && alpha) || (subtag.len() == 3 && digits)) {
            stage = 2;
            subtag.to_ascii_uppercase()
        } else if alnum
            && ((5..=8).contains(&subtag.len())
                || (subtag.len() == 4 && subtag.starts_with(|c: char| c.is_ascii_digit())))
        {
            stage = 3;
            subtag.to_ascii_lowercase()
        } else {
            return None;
        };
        canonical.push('-');
        canonical.push_str(&written);
    }
    Some(canonical)
}

/// Whether text in `code` (a BCP 47 code, such as a page's) runs right to left.
pub(crate) fn right_to_left(code: &str) -> bool {
    let mut subtags = code.split(['-', '_']);
    let language = subtags.next().unwrap_or("").to_ascii_lowercase();
    if let Some(script) =
        subtags.find(|s| s.len() == 4 && s.bytes().all(|b| b.is_ascii_alphabetic()))
    {
        return RIGHT_TO_LEFT_SCRIPTS
            .iter()
            .any(|s| s.eq_ignore_ascii_case(script));
    }
    RIGHT_TO_LEFT.contains(&language.as_str())
}

/// `{lang=…}` at the start of `text`: its length in bytes, and the checked
/// code or what was written. `None` when `text` does not start with braces
/// that set `lang`.
fn attribute(text: &str) -> Option<(usize, Result<String, String>)> {
    let inner = text.strip_prefix('{')?;
    let end = inner.find(['}', '\n', '{'])?;
    if !inner[end..].starts_with('}') {
        return None;
    }
    let value = inner[..end].trim().strip_prefix("lang")?.trim_start();
    let value = value.strip_prefix('=')?.trim();
    let quotes = ['"', '\'', '“', '”', '‘', '’'];
    let value = value.trim_start_matches(quotes).trim_end_matches(quotes);
    let checked = match language_code(value) {
        Some(code) if !value.contains(char::is_whitespace) => Ok(code),
        _ => Err(value.to_string()),
    };
    Some((1 + end + 1, checked))
}

/// The error for a code torget does not know, with the likely code as a hint.
fn unknown_code(written: &str) -> (Message, Message) {
    let lower = written.to_ascii_lowercase();
    let hint = match LONGER_CODES.iter().find(|(long, _)| *long == lower) {
        Some((_, short)) => Phrase::DidYouMean.with("suggestion", format!("{{lang={short}}}")),
        None => Phrase::LangCodeHint.into(),
    };
    (Rule::LangCodeInvalid.with("code", written), hint)
}

/// Marks the language of parts in one page's events (see the module's documentation).
pub(crate) struct Parts<'s> {
    /// The Markdown parsed, to tell `]{` from `]\{` and to find a heading's braces.
    source: &'s str,
    /// Whether the page runs right to left.
    page_rtl: bool,
    /// The start of the site's own absolute addresses: links there are not another site's.
    own: &'s str,
    pub(crate) problems: Vec<Problem>,
    pub(crate) warnings: Vec<Problem>,
}

impl<'s> Parts<'s> {
    /// For a page in `page_lang` (a BCP 47 code) whose Markdown is `source`.
    pub(crate) fn new(source: &'s str, page_lang: &str, own: &'s str) -> Self {
        Parts {
            source,
            page_rtl: right_to_left(page_lang),
            own,
            problems: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// ` lang="sv"`, with `dir` when the phrase runs the other way from the page.
    fn attributes(&self, code: &str) -> String {
        let dir = match (right_to_left(code), self.page_rtl) {
            (true, false) => " dir=\"rtl\"",
            (false, true) => " dir=\"ltr\"",
            _ => "",
        };
        format!(" lang=\"{}\"{dir}", escape_attribute(code))
    }

    fn span(&self, code: &str) -> Event<'static> {
        Event::InlineHtml(format!("<span{}>", self.attributes(code)).into())
    }

    /// Where in `range` of the source the braces after a bracket start.
    fn braces_at(&self, range: &Range<usize>, from: usize) -> Option<usize> {
        let text = self.source.get(range.start.max(from)..range.end)?;
        let at = text.find(['{'])?;
        Some(range.start.max(from) + at)
    }

    /// Whether `]` or `)` stands right before `{` somewhere in `range` of the
    /// source: braces the editor escaped (`\{`) are text.
    fn written_adjacent(&self, range: &Range<usize>) -> bool {
        // One character more at each end: a link's `)` before, a heading's `{` after.
        let mut start = range.start.saturating_sub(1);
        while !self.source.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = (range.end + 1).min(self.source.len());
        while !self.source.is_char_boundary(end) {
            end += 1;
        }
        let text = self.source.get(start..end).unwrap_or("");
        text.contains("]{") || text.contains("){")
    }

    /// Marks the phrases of one run of inline events.
    fn run<'a>(&mut self, run: Vec<Located<'a>>) -> Vec<Located<'a>> {
        if !run
            .iter()
            .any(|(e, _)| matches!(e, Event::Text(t) if t.contains('{')))
        {
            return run;
        }
        let run = merge_texts(run);
        let mut out: Vec<Located<'a>> = Vec::with_capacity(run.len() + 4);
        // Open `[` shown as text: their index in `out`, and the inline depth they are at.
        let mut opens: Vec<(usize, usize)> = Vec::new();
        let mut depth: usize = 0;
        let mut links: Vec<usize> = Vec::new();
        let mut images = 0;
        // The link that closed just before this event: its start and end in `out`.
        let mut closed: Option<(usize, usize)> = None;
        for (event, range) in run {
            match event {
                Event::Start(tag) if inline(&tag) => {
                    depth += 1;
                    match tag {
                        Tag::Link { .. } => links.push(out.len()),
                        Tag::Image { .. } => images += 1,
                        _ => {}
                    }
                    closed = None;
                    out.push((Event::Start(tag), range));
                }
                Event::End(end) if inline_end(end) => {
                    depth = depth.saturating_sub(1);
                    opens.retain(|(_, d)| *d <= depth);
                    closed = None;
                    match end {
                        TagEnd::Link => closed = links.pop().map(|start| (start, out.len())),
                        TagEnd::Image => images -= 1,
                        _ => {}
                    }
                    out.push((Event::End(end), range));
                }
                Event::Text(text) if images == 0 => {
                    let after_link = closed.take();
                    self.text(text, range, depth, after_link, &mut out, &mut opens);
                }
                event => {
                    closed = None;
                    out.push((event, range));
                }
            }
        }
        out
    }

    /// One text of a run: `[` opens a phrase, `]{lang=…}` closes it, and
    /// `{lang=…}` right after a link marks the link.
    fn text<'a>(
        &mut self,
        text: CowStr<'a>,
        range: Range<usize>,
        depth: usize,
        after_link: Option<(usize, usize)>,
        out: &mut Vec<Located<'a>>,
        opens: &mut Vec<(usize, usize)>,
    ) {
        let adjacent = self.written_adjacent(&range);
        let mut start = 0;
        let mut searched = range.start;
        let mut locate = |parts: &Self| {
            let at = parts.braces_at(&range, searched).unwrap_or(range.start);
            searched = at + 1;
            at..at + 1
        };
        if let Some((link_start, link_end)) = after_link
            && adjacent
            && let Some((length, checked)) = attribute(&text)
        {
            match checked {
                Ok(code) => {
                    let span = self.span(&code);
                    out.insert(
                        link_end,
                        (Event::InlineHtml("</span>".into()), range.clone()),
                    );
                    out.insert(link_start + 1, (span, range.clone()));
                    let (link, link_range) = &out[link_start];
                    if let Some(html) = self.hreflang(link, &code) {
                        out[link_start] = (Event::InlineHtml(html.into()), link_range.clone());
                    }
                    start = length;
                }
                Err(written) => {
                    let (message, hint) = unknown_code(&written);
                    self.problems.push((locate(self), message, Some(hint)));
                }
            }
        }
        let mut i = start;
        while let Some(offset) = text[i..].find(['[', ']']) {
            let at = i + offset;
            if text[at..].starts_with('[') {
                push_text(out, &text[start..at], &range);
                out.push((Event::Text("[".into()), range.clone()));
                opens.push((out.len() - 1, depth));
                start = at + 1;
                i = at + 1;
                continue;
            }
            i = at + 1;
            let Some(&(open, open_depth)) = opens.last() else {
                continue;
            };
            if open_depth != depth {
                continue;
            }
            opens.pop();
            let empty = open + 1 == out.len() && text[start..at].trim().is_empty();
            let Some((length, checked)) = attribute(&text[at + 1..]).filter(|_| adjacent) else {
                continue;
            };
            match checked {
                Ok(code) if !empty => {
                    push_text(out, &text[start..at], &range);
                    out[open].0 = self.span(&code);
                    out.push((Event::InlineHtml("</span>".into()), range.clone()));
                    start = at + 1 + length;
                    i = start;
                }
                Ok(_) => {}
                Err(written) => {
                    let (message, hint) = unknown_code(&written);
                    self.problems.push((locate(self), message, Some(hint)));
                }
            }
        }
        push_text(out, &text[start..], &range);
    }

    /// The opening of a link to another site, with `hreflang`; `None` for
    /// links within the site, whose language torget knows.
    fn hreflang(&self, link: &Event<'_>, code: &str) -> Option<String> {
        let Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            ..
        }) = link
        else {
            return None;
        };
        let external = (dest_url.starts_with("https://") || dest_url.starts_with("http://"))
            && (self.own.is_empty() || !dest_url.starts_with(self.own));
        if !external || matches!(link_type, LinkType::Email) {
            return None;
        }
        let title = if title.is_empty() {
            String::new()
        } else {
            format!(" title=\"{}\"", escape_attribute(title))
        };
        Some(format!(
            "<a href=\"{}\"{title} hreflang=\"{}\">",
            escape_attribute(dest_url),
            escape_attribute(code)
        ))
    }

    /// A heading's `{…}`: `lang` marks the heading, or the phrase its braces
    /// follow; any other attribute is taken out (only `{#id}`, `{.class}` and
    /// `{lang=…}` are torget's).
    fn heading<'a>(&mut self, start: Located<'a>, mut run: Vec<Located<'a>>) -> Vec<Located<'a>> {
        let (event, range) = start;
        let Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) = event
        else {
            let mut all = vec![(event, range)];
            all.extend(self.run(run));
            return all;
        };
        let mut kept = Vec::new();
        for (name, value) in attrs {
            if name.as_ref() != "lang" {
                self.warnings.push((
                    range.clone(),
                    Rule::HeadingAttributeRemoved.with("name", name.to_string()),
                    Some(Phrase::HeadingAttributeHint.into()),
                ));
                continue;
            }
            let value = value.map(|v| v.to_string()).unwrap_or_default();
            // `## Om [Brå]{lang=sv}`, `## Läs [Brå](https://bra.se/){lang=sv}`:
            // pulldown-cmark read the phrase's or link's braces as the heading's.
            let line = self.source.get(range.clone()).unwrap_or("");
            if let Some(brace) = line.rfind('{')
                && line[..brace].ends_with([']', ')'])
            {
                let at = range.start + brace;
                run.push((Event::Text(format!("{{lang={value}}}").into()), at..at + 1));
                continue;
            }
            match language_code(&value) {
                Some(code) => {
                    kept.push(("lang".into(), Some(escape_attribute(&code).into())));
                    let attributes = self.attributes(&code);
                    if let Some(dir) = attributes.split("dir=\"").nth(1) {
                        let dir = dir.trim_end_matches('"').to_string();
                        kept.push(("dir".into(), Some(dir.into())));
                    }
                }
                None => {
                    let (message, hint) = unknown_code(&value);
                    self.problems.push((range.clone(), message, Some(hint)));
                }
            }
        }
        let mut all = vec![(
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs: kept,
            }),
            range,
        )];
        all.extend(self.run(run));
        all
    }
}

/// Adds a piece of text to `out`, if it is not empty.
fn push_text<'a>(out: &mut Vec<Located<'a>>, text: &str, range: &Range<usize>) {
    if !text.is_empty() {
        out.push((Event::Text(text.to_string().into()), range.clone()));
    }
}

/// Adjacent texts as one (pulldown-cmark splits them at brackets and quotes).
fn merge_texts<'a>(run: Vec<Located<'a>>) -> Vec<Located<'a>> {
    let mut merged: Vec<Located<'a>> = Vec::with_capacity(run.len());
    for (event, range) in run {
        if let (Event::Text(next), Some((Event::Text(previous), previous_range))) =
            (&event, merged.last_mut())
        {
            *previous = format!("{previous}{next}").into();
            previous_range.end = previous_range.end.max(range.end);
            continue;
        }
        merged.push((event, range));
    }
    merged
}

/// Tags that live inside a paragraph, heading or cell.
fn inline(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

fn inline_end(end: TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

/// Whether `event` belongs to a run of inline content.
fn in_run(event: &Event<'_>) -> bool {
    match event {
        Event::Start(tag) => inline(tag),
        Event::End(end) => inline_end(*end),
        Event::Text(_)
        | Event::Code(_)
        | Event::InlineHtml(_)
        | Event::InlineMath(_)
        | Event::SoftBreak
        | Event::HardBreak
        | Event::FootnoteReference(_) => true,
        _ => false,
    }
}

/// Marks the language of parts in `events` (see the module's documentation).
pub(crate) fn with_parts<'a, 'p, I>(
    events: I,
    parts: &'p mut Parts<'_>,
) -> impl Iterator<Item = Located<'a>> + 'p
where
    I: Iterator<Item = Located<'a>> + 'p,
    'a: 'p,
{
    let mut events = events.peekable();
    let mut queue: std::collections::VecDeque<Located<'a>> = Default::default();
    std::iter::from_fn(move || {
        loop {
            if let Some(next) = queue.pop_front() {
                return Some(next);
            }
            let (event, range) = events.next()?;
            if let Event::Start(Tag::Heading { .. }) = event {
                let mut run = Vec::new();
                let mut end = None;
                for (inner, inner_range) in events.by_ref() {
                    if matches!(inner, Event::End(TagEnd::Heading(_))) {
                        end = Some((inner, inner_range));
                        break;
                    }
                    run.push((inner, inner_range));
                }
                queue.extend(parts.heading((event, range), run));
                queue.extend(end);
                continue;
            }
            if !in_run(&event) {
                return Some((event, range));
            }
            let mut run = vec![(event, range)];
            while let Some(next) = events.next_if(|(e, _)| in_run(e)) {
                run.push(next);
            }
            queue.extend(parts.run(run));
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::{Parser, html};

    fn render_in(markdown: &str, page: &str) -> (String, Vec<String>, Vec<String>) {
        let mut parts = Parts::new(markdown, page, "https://sajt.example/");
        let mut out = String::new();
        {
            let events = Parser::new_ext(markdown, crate::markdown::dialect()).into_offset_iter();
            let events = with_parts(events, &mut parts).map(|(e, _)| e);
            html::push_html(&mut out, events);
        }
        let words = |problems: Vec<Problem>| {
            problems
                .into_iter()
                .map(|(r, m, h)| {
                    let hint = h.map(|h| h.text(crate::messages::Language::English));
                    format!(
                        "{}..{}: {} ({})",
                        r.start,
                        r.end,
                        m.text(crate::messages::Language::English),
                        hint.unwrap_or_default()
                    )
                })
                .collect()
        };
        (out, words(parts.problems), words(parts.warnings))
    }

    fn render(markdown: &str) -> String {
        let (out, problems, warnings) = render_in(markdown, "en");
        assert!(
            problems.is_empty() && warnings.is_empty(),
            "{problems:?} {warnings:?}"
        );
        out
    }

    #[test]
    fn a_phrase_gets_its_language() {
        assert_eq!(
            render("Read [Brå:s *rapport*]{lang=sv} today.\n"),
            "<p>Read <span lang=\"sv\">Brå:s <em>rapport</em></span> today.</p>\n"
        );
    }

    #[test]
    fn a_link_to_another_site_gets_hreflang_and_its_text_the_language() {
        assert_eq!(
            render("See [Sluta skjut](https://bra.se/gvi \"Brå\"){lang=sv}.\n"),
            "<p>See <a href=\"https://bra.se/gvi\" title=\"Brå\" hreflang=\"sv\"><span lang=\"sv\">Sluta skjut</span></a>.</p>\n"
        );
    }

    #[test]
    fn a_link_within_the_site_gets_no_hreflang_from_the_editor() {
        for dest in ["@/om", "/om/", "https://sajt.example/om/", "rapport.pdf"] {
            let out = render(&format!("[Om]({dest}){{lang=sv}}\n"));
            assert!(!out.contains("hreflang"), "{dest}: {out}");
            assert!(
                out.contains("><span lang=\"sv\">Om</span></a>"),
                "{dest}: {out}"
            );
        }
    }

    #[test]
    fn a_reference_link_followed_by_a_language_stays_a_link() {
        assert_eq!(
            render("[Brå]{lang=sv} says so.\n\n[brå]: https://bra.se/\n"),
            "<p><a href=\"https://bra.se/\" hreflang=\"sv\"><span lang=\"sv\">Brå</span></a> says so.</p>\n"
        );
    }

    #[test]
    fn right_to_left_phrases_get_dir_and_so_do_left_to_right_ones_in_right_to_left_pages() {
        assert!(render("[مرحبا]{lang=ar}\n").contains("<span lang=\"ar\" dir=\"rtl\">"));
        assert!(render("[x]{lang=ku-Arab}\n").contains("<span lang=\"ku-Arab\" dir=\"rtl\">"));
        assert!(render("[x]{lang=sv}\n").contains("<span lang=\"sv\">"));
        let (out, _, _) = render_in("نص [Brå]{lang=sv}\n", "ar");
        assert!(
            out.contains("<span lang=\"sv\" dir=\"ltr\">Brå</span>"),
            "{out}"
        );
        let (out, _, _) = render_in("[نص]{lang=fa}\n", "ar");
        assert!(out.contains("<span lang=\"fa\">"), "{out}");
    }

    #[test]
    fn phrases_in_headings_lists_tables_and_footnotes() {
        let out = render(
            "## About [Brå]{lang=sv}\n\n## Read [Brå](https://bra.se/){lang=sv}\n\n## Sluta skjut {lang=sv}\n\n- [punkt]{lang=sv}\n\n| a |\n|---|\n| [cell]{lang=sv} |\n\nNote.[^1]\n\n[^1]: [fot]{lang=sv}.\n",
        );
        for wanted in [
            "<h2>About <span lang=\"sv\">Brå</span></h2>",
            "<h2>Read <a href=\"https://bra.se/\" hreflang=\"sv\"><span lang=\"sv\">Brå</span></a></h2>",
            "<h2 lang=\"sv\">Sluta skjut</h2>",
            "<li><span lang=\"sv\">punkt</span></li>",
            "<td><span lang=\"sv\">cell</span></td>",
            "<p><span lang=\"sv\">fot</span>.</p>",
        ] {
            assert!(out.contains(wanted), "{wanted} in {out}");
        }
        assert!(!out.contains("{lang"), "{out}");
    }

    #[test]
    fn codes_are_written_as_bcp_47_writes_them() {
        assert_eq!(language_code("SV").as_deref(), Some("sv"));
        assert_eq!(language_code("sv_fi").as_deref(), Some("sv-FI"));
        assert_eq!(language_code("sr-latn").as_deref(), Some("sr-Latn"));
        assert_eq!(language_code("fit").as_deref(), Some("fit"));
        assert_eq!(language_code("es-419").as_deref(), Some("es-419"));
        for bad in [
            "", "svenska", "xx", "sv-", "sv-FI-FI", "s v", "sv\"", "en-<b>",
        ] {
            assert_eq!(language_code(bad), None, "{bad}");
        }
        assert!(right_to_left("ar") && right_to_left("he-IL") && right_to_left("ckb"));
        assert!(!right_to_left("sv") && !right_to_left("az-Latn") && !right_to_left("fi"));
    }

    #[test]
    fn an_unknown_or_malformed_code_is_an_error_at_its_braces_and_the_text_stays() {
        let (out, problems, _) = render_in("Om [Brå]{lang=svenska} och [x]{lang=swe}.\n", "en");
        assert!(out.contains("[Brå]{lang=svenska}"), "{out}");
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].starts_with("9..10: "), "{problems:?}");
        assert!(problems[0].contains("`svenska`"), "{problems:?}");
        assert!(
            problems[1].contains("did you mean `{lang=sv}`?"),
            "{problems:?}"
        );
        let (_, problems, _) = render_in("[x](https://a.example/){lang=\"sv dir=rtl\"}\n", "en");
        assert_eq!(problems.len(), 1, "{problems:?}");
        let (_, problems, _) = render_in("## Rubrik {lang=xx}\n", "en");
        assert_eq!(problems.len(), 1, "{problems:?}");
    }

    #[test]
    fn braces_that_follow_nothing_or_set_something_else_stay_text() {
        for text in [
            "{lang=sv} at the start.",
            "Word {lang=sv}.",
            "[] {lang=sv} and []{lang=sv}",
            "[a]{.class} [b]{lang} [c]{lang=sv",
            "`[code]{lang=sv}` and [a]\\{lang=sv}",
            "[a *b]{lang=sv} c*",
            "![bild](b.png){lang=sv}",
            "{lang=sv}{lang=sv}]{lang=sv}[",
        ] {
            let out = render(&format!("{text}\n"));
            assert!(!out.contains("<span"), "{text}: {out}");
        }
    }

    #[test]
    fn nothing_written_in_the_braces_reaches_the_html() {
        let (out, problems, warnings) = render_in(
            "[a]{lang=\"sv\" onclick=\"alert(1)\"} [b]{lang=sv\"/onload=alert(2)//} [c](https://a.example/){lang=sv\"onmouseover=alert(3)}\n\n## Rubrik {lang=sv onclick=alert(4)}\n",
            "en",
        );
        let document = scraper::Html::parse_fragment(&out);
        for element in document
            .root_element()
            .descendants()
            .filter_map(scraper::ElementRef::wrap)
        {
            for (name, _) in element.value().attrs() {
                assert!(
                    ["href", "hreflang", "lang", "dir", "id"].contains(&name),
                    "{name} in {out}"
                );
            }
        }
        assert!(out.contains("<h2 lang=\"sv\">"), "{out}");
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert_eq!(warnings.len(), 1, "{warnings:?}");
    }

    #[test]
    fn any_mix_of_brackets_braces_and_markup_renders_with_every_span_closed() {
        let pieces = [
            "[",
            "]",
            "{",
            "}",
            "(",
            ")",
            "lang=",
            "sv",
            "ar",
            "xx",
            "å",
            "مرحبا",
            "*",
            "`",
            "\\",
            "\n",
            "\n\n",
            "## ",
            " ",
            "|",
            "---",
            "[^1]",
            "[^1]: ",
            "https://a.example/",
            "@/om",
            "!",
            "\"",
            "{lang=sv}",
            "]{lang=ar}",
            "){lang=fi}",
            "{#id lang=en}",
        ];
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..3000 {
            let mut markdown = String::new();
            for _ in 0..24 {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                markdown.push_str(pieces[(state % pieces.len() as u64) as usize]);
            }
            for page in ["en", "ar"] {
                let (out, _, _) = render_in(&markdown, page);
                // Every span opened is closed.
                assert_eq!(
                    out.matches("<span").count(),
                    out.matches("</span>").count(),
                    "{markdown:?}: {out}"
                );
            }
        }
    }

    #[test]
    fn text_without_braces_is_left_as_it_was() {
        let markdown = "Some [brackets] and a [link](https://a.example/) *here*.\n";
        let mut plain = String::new();
        html::push_html(
            &mut plain,
            Parser::new_ext(markdown, crate::markdown::dialect()),
        );
        assert_eq!(render(markdown), plain);
    }
}
