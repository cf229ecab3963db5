//! Where a dataset's figures come from and how they are kept: sources by id, contact, revisions, measure, frequency.

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;
use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize};

use crate::i18n::Localized;
use crate::text::date::{Day, parse_date};

/// Who publishes figures, and where.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Source {
    pub(crate) name: Localized<String>,
    #[serde(default)]
    pub(crate) url: Option<String>,
    /// When the source published the figures, as precisely as it is known.
    #[serde(default)]
    pub(crate) date: Option<Published>,
}

/// A dataset's `source:`: the id of one of its `sources`, or a source written out.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub(crate) enum SourceRef {
    Id(String),
    Written(Source),
}

/// A day, a month or a year: how precisely a source's date is known (`2024-06-20`, `2024-06`, `2024`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Published {
    Day(NaiveDate),
    Month(i32, u32),
    Year(i32),
}

impl Published {
    fn parse(text: &str) -> Option<Published> {
        if let Some(day) = parse_date(text) {
            return Some(Published::Day(day));
        }
        let digits = |t: &str, n: usize| t.len() == n && t.bytes().all(|b| b.is_ascii_digit());
        match text.split_once('-') {
            Some((year, month)) if digits(year, 4) && digits(month, 2) => {
                let month: u32 = month.parse().ok()?;
                (1..=12).contains(&month).then_some(())?;
                Some(Published::Month(year.parse().ok()?, month))
            }
            None if digits(text, 4) => text.parse().ok().map(Published::Year),
            _ => None,
        }
    }
}

impl fmt::Display for Published {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Published::Day(day) => write!(f, "{}", day.format("%Y-%m-%d")),
            Published::Month(year, month) => write!(f, "{year}-{month:02}"),
            Published::Year(year) => write!(f, "{year}"),
        }
    }
}

impl Serialize for Published {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Published {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PublishedVisitor;
        impl de::Visitor<'_> for PublishedVisitor {
            type Value = Published;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date: 2024-06-20, or 2024-06 or 2024 when the day is not known")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Published, E> {
                Published::parse(text).ok_or_else(|| {
                    E::custom(format!(
                        "invalid date `{text}`; write YYYY-MM-DD, or YYYY-MM or YYYY when the day is not known"
                    ))
                })
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Published, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Published, E> {
                self.visit_str(&v.to_string())
            }
        }
        deserializer.deserialize_any(PublishedVisitor)
    }
}

/// A dataset's sources by id, as cited by its values.
pub(crate) type Sources = BTreeMap<String, Source>;

/// Who answers questions about a dataset.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Contact {
    pub(crate) name: Localized<String>,
    #[serde(default)]
    pub(crate) email: Option<String>,
    #[serde(default)]
    pub(crate) url: Option<String>,
}

/// One change to figures already published, newest first in a dataset.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Revision {
    pub(crate) date: Day,
    pub(crate) note: Localized<String>,
}

/// What a dataset's figures count, which decides how change is described.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Measure {
    /// Events or people in each period.
    #[default]
    Count,
    /// A running total: each value includes all before it.
    Cumulative,
    /// A count per some base, such as per 100,000 inhabitants.
    Rate,
    /// A part of a whole, such as a percentage.
    Share,
}

/// How often a dataset is updated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Frequency {
    Yearly,
    Quarterly,
    Monthly,
    Irregular,
}

/// How a dataset is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChartKind {
    Line,
    Bar,
    /// No chart: the table alone.
    None,
}

impl ChartKind {
    /// The chart a measure gets when the dataset names none: bars for counts, lines for rates and shares.
    pub fn default_for(measure: Measure) -> ChartKind {
        match measure {
            Measure::Count | Measure::Cumulative => ChartKind::Bar,
            Measure::Rate | Measure::Share => ChartKind::Line,
        }
    }
}

/// A series derived as a rate: another series of this dataset divided by a base dataset's values.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Per {
    /// The id of the dataset whose values are the base (the population, say).
    pub(crate) dataset: String,
    /// The base series' key, when that dataset has more than one.
    #[serde(default)]
    pub(crate) series: Option<String>,
    /// Per how many of the base (100000 for "per 100,000 inhabitants").
    pub(crate) scale: f64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_source_date_may_be_a_day_a_month_or_a_year() {
        for (text, shown) in [
            ("2024-06-20", "2024-06-20"),
            ("2024-06", "2024-06"),
            ("2024", "2024"),
        ] {
            let date: Published = serde_yaml::from_str(text).unwrap();
            assert_eq!(date.to_string(), shown);
        }
        for wrong in ["2024-13", "24-06", "June 2024", "2024-06-31"] {
            let err = serde_yaml::from_str::<Published>(wrong).unwrap_err();
            assert!(err.to_string().contains("invalid date"), "{wrong}: {err}");
        }
    }
}
