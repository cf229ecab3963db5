//! A dataset as readers see it on a page: its chart and its trend table.
//!
//! The one entry for dataset pages and `trend` blocks in articles alike, so a
//! new chart type or table column is made once and shows in both.

use super::{ChartKind, Dataset, chart, table};
use crate::i18n::{InterfaceStrings, Lang};

/// The chart and the table of a dataset, as HTML.
pub(crate) struct Figure {
    /// Empty for `chart: none`.
    pub(crate) chart: String,
    pub(crate) table: String,
}

/// The figure of `dataset` in `lang`, with the chart it asks for; `id` makes the chart's ids unique in its page.
pub(crate) fn figure(
    dataset: &Dataset,
    lang: Lang,
    strings: &InterfaceStrings,
    id: &str,
) -> Figure {
    figure_with_chart(dataset, dataset.chart, lang, strings, id)
}

/// The figure of `dataset` in `lang` with its chart drawn as `kind` (a `trend` block's `chart=bar`).
pub(crate) fn figure_with_chart(
    dataset: &Dataset,
    kind: ChartKind,
    lang: Lang,
    strings: &InterfaceStrings,
    id: &str,
) -> Figure {
    Figure {
        chart: chart::chart(dataset, kind, lang, strings, id),
        table: table::trend_table(dataset, lang, strings),
    }
}
