//! Periods of a dataset: a year (`2019`), a quarter (`2019-Q4`) or a month (`2019-11`).

use std::fmt;

use crate::i18n::Lang;
use crate::messages::Phrase;

/// One period a value is given for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Period {
    Year(i32),
    /// Year and quarter 1–4.
    Quarter(i32, u8),
    /// Year and month 1–12.
    Month(i32, u8),
}

/// Which kind of period a dataset uses; one kind per dataset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodKind {
    Year,
    Quarter,
    Month,
}

impl PeriodKind {
    /// The kind's plural name in the reader's language.
    pub(crate) fn name(self) -> Phrase {
        match self {
            PeriodKind::Year => Phrase::Years,
            PeriodKind::Quarter => Phrase::Quarters,
            PeriodKind::Month => Phrase::Months,
        }
    }

    pub(crate) fn english_name(self) -> &'static str {
        match self {
            PeriodKind::Year => "years",
            PeriodKind::Quarter => "quarters",
            PeriodKind::Month => "months",
        }
    }
}

/// A quarter as `lang` writes it without its year: `kv. 1`, `Q1`, `1. nelj.`.
pub(crate) fn quarter_label(q: u8, lang: Lang) -> String {
    lang.locale().quarter.replace("{q}", &q.to_string())
}

/// Years a dataset may hold: wide enough for any statistic, narrow enough to catch typos.
const YEARS: std::ops::RangeInclusive<i32> = 1800..=2200;

impl Period {
    /// Reads `2019`, `2019-Q4` or `2019-11`; the error says which forms are allowed.
    pub(crate) fn parse(text: &str) -> Result<Period, String> {
        let text = text.trim();
        let bad = || {
            format!(
                "`{text}` is not a period; write a year (2019), a quarter (2019-Q4) or a month (2019-11)"
            )
        };
        let year = |y: &str| -> Result<i32, String> {
            let year: i32 = y.parse().map_err(|_| bad())?;
            if y.len() == 4 && YEARS.contains(&year) {
                Ok(year)
            } else {
                Err(bad())
            }
        };
        match text.split_once('-') {
            None => Ok(Period::Year(year(text)?)),
            Some((y, rest)) => {
                let y = year(y)?;
                if let Some(q) = rest.strip_prefix('Q').or_else(|| rest.strip_prefix('q')) {
                    match q.parse::<u8>() {
                        Ok(q @ 1..=4) if q_text_is_one_digit(rest) => Ok(Period::Quarter(y, q)),
                        _ => Err(bad()),
                    }
                } else {
                    match rest.parse::<u8>() {
                        Ok(m @ 1..=12) if rest.len() == 2 => Ok(Period::Month(y, m)),
                        _ => Err(bad()),
                    }
                }
            }
        }
    }

    pub(crate) fn kind(self) -> PeriodKind {
        match self {
            Period::Year(_) => PeriodKind::Year,
            Period::Quarter(..) => PeriodKind::Quarter,
            Period::Month(..) => PeriodKind::Month,
        }
    }

    /// The period right after this one.
    pub(crate) fn next(self) -> Period {
        match self {
            Period::Year(y) => Period::Year(y + 1),
            Period::Quarter(y, 4) => Period::Quarter(y + 1, 1),
            Period::Quarter(y, q) => Period::Quarter(y, q + 1),
            Period::Month(y, 12) => Period::Month(y + 1, 1),
            Period::Month(y, m) => Period::Month(y, m + 1),
        }
    }

    /// The calendar year the period falls in.
    pub(crate) fn year(self) -> i32 {
        match self {
            Period::Year(y) | Period::Quarter(y, _) | Period::Month(y, _) => y,
        }
    }

    /// The month's short name as `lang` writes it (`maj`, `May`); `None` for years and quarters.
    pub(crate) fn month_name(self, lang: Lang) -> Option<&'static str> {
        let Period::Month(_, m) = self else {
            return None;
        };
        let names = &lang.locale().short_months;
        names
            .get(usize::from(m).checked_sub(1)?)
            .map(String::as_str)
    }

    /// How readers of `lang` see it: `2019`, `kv. 1 2023` / `Q1 2023`, `jan 2023` / `Jan 2023`.
    pub(crate) fn label(self, lang: Lang) -> String {
        match self {
            Period::Year(y) => y.to_string(),
            Period::Quarter(y, q) => format!("{} {y}", quarter_label(q, lang)),
            Period::Month(y, _) => format!("{} {y}", self.month_name(lang).unwrap_or_default()),
        }
    }
}

fn q_text_is_one_digit(rest: &str) -> bool {
    rest.len() == 2
}

/// The form used in files and downloads: `2019`, `2019-Q4`, `2019-11`.
impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Year(y) => write!(f, "{y}"),
            Period::Quarter(y, q) => write!(f, "{y}-Q{q}"),
            Period::Month(y, m) => write!(f, "{y}-{m:02}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_three_kinds() {
        assert_eq!(Period::parse("2019"), Ok(Period::Year(2019)));
        assert_eq!(Period::parse("2019-Q4"), Ok(Period::Quarter(2019, 4)));
        assert_eq!(Period::parse("2019-11"), Ok(Period::Month(2019, 11)));
        for bad in [
            "19",
            "2019-Q5",
            "2019-13",
            "2019-1",
            "2019-Q0",
            "år 2019",
            "",
            "2019-11-13",
            "99999",
        ] {
            assert!(Period::parse(bad).is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn periods_follow_each_other() {
        assert_eq!(Period::Year(2019).next(), Period::Year(2020));
        assert_eq!(Period::Quarter(2019, 4).next(), Period::Quarter(2020, 1));
        assert_eq!(Period::Month(2019, 12).next(), Period::Month(2020, 1));
        assert!(Period::Month(2019, 2) < Period::Month(2019, 10));
    }

    #[test]
    fn labels_read_as_each_language_writes_them() {
        assert_eq!(Period::Quarter(2023, 1).label(Lang::SV), "kv.\u{a0}1 2023");
        assert_eq!(Period::Quarter(2023, 1).label(Lang::EN), "Q1 2023");
        assert_eq!(Period::Month(2023, 1).label(Lang::SV), "jan 2023");
        assert_eq!(Period::Month(2023, 5).label(Lang::EN), "May 2023");
        assert_eq!(Period::Year(2019).label(Lang::SV), "2019");
        assert_eq!(Period::Month(2023, 3).to_string(), "2023-03");
        assert_eq!(Period::Quarter(2023, 3).to_string(), "2023-Q3");
    }
}
