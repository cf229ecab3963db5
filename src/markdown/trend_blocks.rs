//! ```` ```trend <id> ```` blocks: a dataset's chart and table in an article, linking to its page.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, Tag, TagEnd};

use crate::dataset;
use crate::i18n::{InterfaceStrings, Lang};
use crate::messages::{Message, Phrase, Rule};
use crate::site::{Site, suggestions};
use crate::text::escape_attribute;

type Problem = (Range<usize>, Message, Option<Message>);

/// What a trend block needs to know about the page it is on.
pub(crate) struct TrendContext<'s> {
    pub(crate) site: &'s Site,
    pub(crate) strings: &'s InterfaceStrings,
    pub(crate) lang: Lang,
    pub(crate) page_path: &'s str,
}

/// Replaces every `trend` block with the dataset's chart and table; the ids
/// of the datasets asked for go into `embedded`, found or not, and the
/// content paths of those found, whose addresses the blocks link to.
pub(crate) fn with_trends<'a, 'p, I>(
    events: I,
    context: &'p TrendContext<'p>,
    problems: &'p mut Vec<Problem>,
    embedded: &'p mut Vec<String>,
) -> impl Iterator<Item = (Event<'a>, Range<usize>)> + 'p
where
    I: Iterator<Item = (Event<'a>, Range<usize>)> + 'p,
    'a: 'p,
{
    let mut events = events;
    let mut count = 0;
    std::iter::from_fn(move || {
        let (event, range) = events.next()?;
        let (id, options) = match &event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                let mut words = info.split_whitespace();
                match (words.next(), words.next()) {
                    (Some("trend"), id) => (
                        Some(id.unwrap_or("").to_string()),
                        words.map(str::to_string).collect::<Vec<_>>(),
                    ),
                    _ => (None, Vec::new()),
                }
            }
            _ => (None, Vec::new()),
        };
        let Some(id) = id else {
            return Some((event, range));
        };
        // `chart=bar`, `chart=line` or `chart=none` after the id draws the chart so here.
        let mut chart = None;
        for option in &options {
            match option.strip_prefix("chart=").and_then(chart_kind) {
                Some(kind) => chart = Some(kind),
                None => problems.push((
                    range.clone(),
                    Rule::TrendOption.with("option", option),
                    Some(Phrase::TrendOptionHint.into()),
                )),
            }
        }
        // The block's own text (if any) is a fallback for plain Markdown previews.
        for (inner, _) in events.by_ref() {
            if matches!(inner, Event::End(TagEnd::CodeBlock)) {
                break;
            }
        }
        count += 1;
        embedded.push(id.clone());
        let html = match context.site.dataset_by_id(&id) {
            Some((key, dataset)) => {
                embedded.push(key.to_string());
                let href = context
                    .site
                    .dataset_path(key, context.lang)
                    .map(|p| context.site.link(context.page_path, p))
                    .unwrap_or_default();
                let figure = dataset::figure_with_chart(
                    dataset,
                    chart.unwrap_or(dataset.chart),
                    context.lang,
                    context.strings,
                    &format!("{id}-{count}"),
                );
                format!(
                    "<div class=\"trend-embed\">\n<p class=\"trend-title\">{}</p>\n{}{}<p class=\"more\"><a href=\"{}\">{}: {}</a></p>\n</div>\n",
                    escape_attribute(dataset.title.text(context.lang)),
                    figure.chart,
                    figure.table,
                    escape_attribute(&href),
                    escape_attribute(context.strings.text("stats_see_dataset")),
                    escape_attribute(dataset.title.text(context.lang)),
                )
            }
            // The dataset's own file failed to load and says why.
            None if context.site.content.dataset_failed(&id) => String::new(),
            None => {
                let hint = if id.is_empty() {
                    Phrase::TrendNoIdHint.into()
                } else {
                    match suggestions(context.site, &id) {
                        Some(s) => {
                            Phrase::DidYouMean.with("suggestion", s.rsplit('/').next().unwrap_or(s))
                        }
                        None => Phrase::TrendIdHint.into(),
                    }
                };
                problems.push((
                    range.clone(),
                    Rule::TrendUnknownDataset.with("id", &id),
                    Some(hint),
                ));
                String::new()
            }
        };
        Some((Event::Html(html.into()), range))
    })
}

/// The chart a block's `chart=` option names.
fn chart_kind(word: &str) -> Option<dataset::ChartKind> {
    match word {
        "bar" => Some(dataset::ChartKind::Bar),
        "line" => Some(dataset::ChartKind::Line),
        "none" => Some(dataset::ChartKind::None),
        _ => None,
    }
}
