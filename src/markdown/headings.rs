//! Heading ids: readable ASCII slugs of the heading text, unique per page; `{#id}` sets one.

use std::collections::BTreeSet;
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag, TagEnd};

use crate::messages::{Message, Phrase, Rule};
use crate::text::slug::ascii_slug;

type Problem = (Range<usize>, Message, Option<Message>);

/// Gives every heading an id, recording ids in `ids` and bad ones in `problems`.
pub(crate) fn with_ids<'a, 'p, I>(
    events: I,
    ids: &'p mut BTreeSet<String>,
    problems: &'p mut Vec<Problem>,
) -> impl Iterator<Item = (Event<'a>, Range<usize>)> + 'p
where
    I: Iterator<Item = (Event<'a>, Range<usize>)> + 'p,
    'a: 'p,
{
    let mut events = events.peekable();
    let mut queue: std::collections::VecDeque<(Event<'a>, Range<usize>)> = Default::default();
    std::iter::from_fn(move || {
        if let Some(next) = queue.pop_front() {
            return Some(next);
        }
        let (event, range) = events.next()?;
        let Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) = event
        else {
            return Some((event, range));
        };
        // Buffer the heading's content to read its text.
        let mut text = String::new();
        for (inner, inner_range) in events.by_ref() {
            let end = matches!(inner, Event::End(TagEnd::Heading(_)));
            if let Event::Text(t) | Event::Code(t) = &inner {
                text.push_str(t);
            }
            queue.push_back((inner, inner_range));
            if end {
                break;
            }
        }
        if level == HeadingLevel::H1 {
            problems.push((
                range.clone(),
                Rule::HeadingLevelOne.into(),
                Some(Phrase::HeadingLevelOneHint.into()),
            ));
        }
        let wanted = match id {
            Some(given) if valid_id(&given) => given.to_string(),
            Some(given) => {
                problems.push((
                    range.clone(),
                    Rule::HeadingIdInvalid.with("id", given.to_string()),
                    Some(Phrase::HeadingIdHint.into()),
                ));
                ascii_slug(&text)
            }
            None => ascii_slug(&text),
        };
        let id = unique(
            if wanted.is_empty() {
                "rubrik".to_string()
            } else {
                wanted
            },
            ids,
        );
        Some((
            Event::Start(Tag::Heading {
                level,
                id: Some(CowStr::from(id)),
                classes,
                attrs,
            }),
            range,
        ))
    })
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn unique(wanted: String, ids: &mut BTreeSet<String>) -> String {
    let mut id = wanted.clone();
    let mut n = 2;
    while ids.contains(&id) {
        id = format!("{wanted}-{n}");
        n += 1;
    }
    ids.insert(id.clone());
    id
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::{Options, Parser, html};

    fn render(markdown: &str) -> (String, Vec<String>) {
        let mut ids = BTreeSet::new();
        let mut problems = Vec::new();
        let mut out = String::new();
        {
            let parser =
                Parser::new_ext(markdown, Options::ENABLE_HEADING_ATTRIBUTES).into_offset_iter();
            html::push_html(
                &mut out,
                with_ids(parser, &mut ids, &mut problems).map(|(e, _)| e),
            );
        }
        (
            out,
            (problems.into_iter())
                .map(|p| p.1.text(crate::messages::Language::English))
                .collect(),
        )
    }

    #[test]
    fn ids_are_readable_ascii_and_unique() {
        let (html, problems) =
            render("## Kända brister\n\n## Kända brister\n\n### `kod` och *mer*\n");
        assert!(html.contains("<h2 id=\"kanda-brister\">"), "{html}");
        assert!(html.contains("<h2 id=\"kanda-brister-2\">"), "{html}");
        assert!(html.contains("<h3 id=\"kod-och-mer\">"), "{html}");
        assert!(problems.is_empty());
    }

    #[test]
    fn ids_are_readable_ascii_for_headings_in_any_script() {
        let (html, problems) = render("## Şehir planı\n\n## Мальмё\n\n## 日本語\n\n## 🎉 🎉\n");
        assert!(
            html.contains("<h2 id=\"sehir-plani\">Şehir planı</h2>"),
            "{html}"
        );
        assert!(html.contains("<h2 id=\"malmio\">"), "{html}");
        assert!(html.contains("<h2 id=\"ri-ben-yu\">"), "{html}");
        // Emoji are not words: a heading of them alone gets the fallback id.
        assert!(html.contains("<h2 id=\"rubrik\">"), "{html}");
        assert!(problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn an_id_can_be_set_and_is_checked() {
        let (html, _) = render("## Rubrik {#egen}\n");
        assert!(html.contains("<h2 id=\"egen\">"), "{html}");
        let (_, problems) = render("## Rubrik {#kända}\n");
        assert_eq!(problems.len(), 1, "{problems:?}");
    }

    #[test]
    fn headings_without_letters_still_get_an_id_and_h1_is_reported() {
        let (html, problems) = render("# …\n");
        assert!(html.contains("<h1 id=\"rubrik\">"), "{html}");
        assert_eq!(problems.len(), 1);
    }
}
