//! Status letters of official statistics (the UK Government Statistical Service's shorthand) on a value.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, SeqAccess, Visitor};

/// One status a value can carry, written as a letter in square brackets after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// `d`: the value covers only part of the period.
    PartPeriod,
    /// `p`: the publisher calls it provisional (preliminary).
    Provisional,
    /// `r`: revised since first published.
    Revised,
    /// `x`: not available.
    NotAvailable,
    /// `c`: confidential, withheld.
    Confidential,
    /// `z`: not applicable.
    NotApplicable,
    /// `b`: a break in the series: not comparable with the periods before.
    Break,
}

impl Status {
    /// Every status, in the order they are shown and explained.
    pub const ALL: [Status; 7] = [
        Status::PartPeriod,
        Status::Provisional,
        Status::Revised,
        Status::NotAvailable,
        Status::Confidential,
        Status::NotApplicable,
        Status::Break,
    ];

    /// The letter editors write and readers see: `d`, `p`, `r`, `x`, `c`, `z`, `b`.
    pub fn letter(self) -> char {
        match self {
            Status::PartPeriod => 'd',
            Status::Provisional => 'p',
            Status::Revised => 'r',
            Status::NotAvailable => 'x',
            Status::Confidential => 'c',
            Status::NotApplicable => 'z',
            Status::Break => 'b',
        }
    }

    /// The status written as `letter`, if it is one.
    pub fn from_letter(letter: &str) -> Option<Status> {
        Status::ALL
            .into_iter()
            .find(|s| letter.len() == 1 && letter.starts_with(s.letter()))
    }

    /// The key of its explanation in the theme's interface strings (`stats_status_d`).
    pub(crate) fn string_key(self) -> String {
        format!("stats_status_{}", self.letter())
    }

    /// Whether a value with this status has no figure (`x`, `c`, `z`).
    pub fn withholds_value(self) -> bool {
        matches!(
            self,
            Status::NotAvailable | Status::Confidential | Status::NotApplicable
        )
    }
}

/// The statuses of one value, a small set kept in [`Status::ALL`]'s order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Statuses(u8);

impl Statuses {
    /// No status: a final figure for the whole period.
    pub const NONE: Statuses = Statuses(0);

    /// Whether `status` is among these.
    pub fn has(self, status: Status) -> bool {
        self.0 & (1 << status as u8) != 0
    }

    /// These and `status`.
    pub fn with(self, status: Status) -> Statuses {
        Statuses(self.0 | (1 << status as u8))
    }

    /// Whether there is none.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Each status, in the order they are explained.
    pub fn iter(self) -> impl Iterator<Item = Status> {
        Status::ALL.into_iter().filter(move |s| self.has(*s))
    }

    /// All of these and of `other`.
    pub fn union(self, other: Statuses) -> Statuses {
        Statuses(self.0 | other.0)
    }

    /// The letters as a reader sees them after a value: `[d] [p]`, or "" for none.
    pub fn marks(self) -> String {
        self.iter()
            .map(|s| format!("[{}]", s.letter()))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The letters without brackets, as in downloads: `dp`.
    pub fn letters(self) -> String {
        self.iter().map(Status::letter).collect()
    }
}

impl FromIterator<Status> for Statuses {
    fn from_iter<I: IntoIterator<Item = Status>>(iter: I) -> Self {
        iter.into_iter().fold(Statuses::NONE, Statuses::with)
    }
}

impl<'de> Deserialize<'de> for Statuses {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct StatusesVisitor;
        impl<'de> Visitor<'de> for StatusesVisitor {
            type Value = Statuses;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of status letters, e.g. `[d, p]`")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Statuses, E> {
                // `status: p` and `status: dp` both read as a list of letters.
                let mut statuses = Statuses::NONE;
                for letter in text.split(|c: char| c == ',' || c.is_whitespace()) {
                    for c in letter.chars() {
                        statuses = statuses.with(parse_letter(&c.to_string())?);
                    }
                }
                Ok(statuses)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Statuses, A::Error> {
                let mut statuses = Statuses::NONE;
                while let Some(letter) = seq.next_element::<String>()? {
                    let status = parse_letter(letter.trim())?;
                    if statuses.has(status) {
                        return Err(de::Error::custom(format!(
                            "the status `{letter}` is given twice; write each letter once"
                        )));
                    }
                    statuses = statuses.with(status);
                }
                Ok(statuses)
            }
        }
        deserializer.deserialize_any(StatusesVisitor)
    }
}

fn parse_letter<E: de::Error>(letter: &str) -> Result<Status, E> {
    let lower = letter.to_lowercase();
    Status::from_letter(&lower).ok_or_else(|| {
        E::custom(format!(
            "`{letter}` is not a status; use d (part of the period), p (provisional), r (revised), x (not available), c (confidential), z (not applicable) or b (break in the series)"
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_keep_their_order_and_read_either_way() {
        let listed: Statuses = serde_yaml::from_str("[p, d]").unwrap();
        let written: Statuses = serde_yaml::from_str("pd").unwrap();
        assert_eq!(listed, written);
        assert_eq!(listed.marks(), "[d] [p]");
        assert_eq!(listed.letters(), "dp");
        assert!(listed.has(Status::PartPeriod) && !listed.has(Status::Revised));
        for status in Status::ALL {
            assert_eq!(
                Status::from_letter(&status.letter().to_string()),
                Some(status)
            );
        }
    }

    #[test]
    fn an_unknown_or_repeated_letter_is_refused() {
        let unknown = serde_yaml::from_str::<Statuses>("[q]").unwrap_err();
        assert!(
            unknown.to_string().contains("`q` is not a status"),
            "{unknown}"
        );
        let twice = serde_yaml::from_str::<Statuses>("[p, p]").unwrap_err();
        assert!(twice.to_string().contains("given twice"), "{twice}");
    }
}
