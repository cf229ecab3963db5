//! A dataset's latest value as listings and summaries give it: the latest
//! full value of a count, rate or share, and the latest known value of a
//! running total, also from part of a period (`6 [d] (2024, del av året)`).

use super::{Measure, Observation, Period, PeriodKind, Series};
use crate::i18n::number::format_number;
use crate::i18n::{InterfaceStrings, Lang};

/// The period and value a listing gives for `series`: for a running total
/// the latest with a figure, part of a period or not; otherwise the latest
/// full one; failing both, the last period.
pub(crate) fn latest(series: &Series, measure: Measure) -> Option<(Period, &Observation)> {
    let cumulative = measure == Measure::Cumulative;
    let mut values = series.values.iter().rev();
    values
        .clone()
        .find(|(_, o)| o.value.is_some() && (cumulative || !o.partial()))
        .or_else(|| values.next())
        .map(|(p, o)| (*p, o))
}

/// `6 [d] (2024, del av året)`: the value with its statuses, and its period,
/// saying when it covers only part of it; the value's note, often a sentence,
/// stays with the table.
pub(crate) fn latest_text(
    period: Period,
    observation: &Observation,
    decimals: usize,
    lang: Lang,
    strings: &InterfaceStrings,
) -> String {
    let mut text = observation
        .value
        .map_or("–".to_string(), |v| format_number(v, decimals, lang));
    let marks = observation.status.marks().replace(' ', "\u{a0}");
    if !marks.is_empty() {
        text.push('\u{a0}');
        text.push_str(&marks);
    }
    let mut when = period.label(lang);
    if observation.partial() {
        let part = strings.text(match period.kind() {
            PeriodKind::Year => "stats_part_of_year",
            PeriodKind::Quarter => "stats_part_of_quarter",
            PeriodKind::Month => "stats_part_of_month",
        });
        when.push_str(&lang.locale().comma);
        when.push_str(part);
    }
    format!("{text} ({when})")
}
