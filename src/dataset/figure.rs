//! A dataset as readers see it on a page: its chart and its trend table.
//!
//! The one entry for dataset pages and `trend` blocks in articles alike, so a
//! new chart type or table column is made once and shows in both.

use super::{Dataset, chart, table};
use crate::i18n::{InterfaceStrings, Lang};

/// The chart and the table of a dataset, as HTML.
pub(crate) struct Figure {
    pub(crate) chart: String,
    pub(crate) table: String,
}

/// The figure of `dataset` in `lang`; `id` makes the chart's ids unique in its page.
pub(crate) fn figure(
    dataset: &Dataset,
    lang: Lang,
    strings: &InterfaceStrings,
    id: &str,
) -> Figure {
    Figure {
        chart: chart::line_chart(dataset, lang, strings, id),
        table: table::trend_table(dataset, lang, strings),
    }
}
