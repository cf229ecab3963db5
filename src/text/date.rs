//! Dates as editors write them (`2019-11-13`, optionally with a Swedish
//! wall-clock time), and as pages and feeds print them.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use serde::Deserialize;
use serde::de::{self, Deserializer};

use crate::messages::{Message, Phrase};

/// A publishing date, `YYYY-MM-DD`, optionally with a Swedish wall-clock
/// time (`2019-11-13 10:00`). Ordered by day, then time; no time sorts first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Date(pub NaiveDate, pub Option<NaiveTime>);

/// A calendar day written `YYYY-MM-DD`, where a time of day would mean
/// nothing (`expires` takes effect by day; a dataset's `updated`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Day(pub NaiveDate);

impl Date {
    /// The offset from UTC in Stockholm at this date's wall-clock time (midnight without a time).
    fn offset(self) -> Offset {
        stockholm_offset(self.0.and_time(self.1.unwrap_or(NaiveTime::MIN)))
    }

    /// For `<time datetime>`: `2019-11-13`, or `2019-11-13T10:00+01:00` with a time.
    pub(crate) fn html(self) -> String {
        match self.1 {
            None => iso_day(self.0),
            Some(time) => format!("{}T{}{}", self.0, clock(time, false), self.offset()),
        }
    }

    /// RFC 3339 for feeds, always with a time and an offset: `2019-11-13T10:00:00+01:00`.
    pub(crate) fn rfc3339(self) -> String {
        let time = self.1.unwrap_or(NaiveTime::MIN);
        format!("{}T{}{}", self.0, clock(time, true), self.offset())
    }

    /// The moment in UTC, to compare dates written in summer and winter time.
    pub(crate) fn utc(self) -> NaiveDateTime {
        let local = self.0.and_time(self.1.unwrap_or(NaiveTime::MIN));
        local - chrono::TimeDelta::seconds(i64::from(self.offset().seconds()))
    }
}

impl Date {
    /// As an editor writes it in front matter: `2019-11-13`, or `2019-11-13 10:00`.
    pub(crate) fn as_written(self) -> String {
        match self.1 {
            Some(time) => format!("{} {}", self.0, clock(time, false)),
            None => self.0.to_string(),
        }
    }
}

/// `2019-11-13`, as chrono writes a day, without its formatting machinery:
/// a listing page has twenty dates, and chrono's `Display` cost a tenth of
/// what making the whole list item did.
fn iso_day(day: NaiveDate) -> String {
    let (year, month, date) = (day.year(), day.month(), day.day());
    if !(0..=9999).contains(&year) {
        // chrono writes a sign and more digits; no page is dated there.
        return day.to_string();
    }
    let digits = |n: u32, width: usize, out: &mut String| {
        let mut divisor = 10u32.pow(width as u32 - 1);
        while divisor > 0 {
            out.push(char::from(b'0' + (n / divisor % 10) as u8));
            divisor /= 10;
        }
    };
    let mut text = String::with_capacity(10);
    digits(year.unsigned_abs(), 4, &mut text);
    text.push('-');
    digits(month, 2, &mut text);
    text.push('-');
    digits(date, 2, &mut text);
    text
}

/// `10:00`, with seconds when asked for or when there are any.
fn clock(time: NaiveTime, seconds: bool) -> String {
    if seconds || time.second() != 0 {
        time.format("%H:%M:%S").to_string()
    } else {
        time.format("%H:%M").to_string()
    }
}

/// Stockholm's offset from UTC: +01:00 (CET) or +02:00 (CEST).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Offset {
    hours: u8,
}

impl Offset {
    pub(crate) fn seconds(self) -> i32 {
        i32::from(self.hours) * 3600
    }
}

impl std::fmt::Display for Offset {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "+{:02}:00", self.hours)
    }
}

/// The UTC offset of wall-clock time `local` in Stockholm.
///
/// The EU rule in force since 1996, written out rather than taken from a
/// timezone-database crate: one zone, one rule, a few lines we can test, and
/// no data files that change under us. Summer time (+02:00) runs from the
/// last Sunday of March, 01:00 UTC (02:00 local) to the last Sunday of
/// October, 01:00 UTC (03:00 summer time). Earlier years get the same rule,
/// which is wrong for some of them but gives every date an answer. The hour
/// that does not exist in March and the hour that happens twice in October
/// both read as summer time.
pub(crate) fn stockholm_offset(local: NaiveDateTime) -> Offset {
    let year = local.year();
    let (Some(start), Some(end)) = (last_sunday(year, 3), last_sunday(year, 10)) else {
        return Offset { hours: 1 };
    };
    let summer_from = start.and_time(NaiveTime::MIN) + chrono::TimeDelta::hours(2);
    let summer_until = end.and_time(NaiveTime::MIN) + chrono::TimeDelta::hours(3);
    if local >= summer_from && local < summer_until {
        Offset { hours: 2 }
    } else {
        Offset { hours: 1 }
    }
}

/// The last Sunday of `month`, for months with 31 days.
fn last_sunday(year: i32, month: u32) -> Option<NaiveDate> {
    let last = NaiveDate::from_ymd_opt(year, month, 31)?;
    let back = last.weekday().num_days_from_sunday();
    last.checked_sub_days(chrono::Days::new(u64::from(back)))
}

/// The forms a publishing date may take, for messages.
pub(crate) const DATE_FORMS: &str = "YYYY-MM-DD, or with a time YYYY-MM-DD HH:MM";

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // A visitor, so that serde_yaml places the error at the value itself.
        struct DateVisitor;
        impl de::Visitor<'_> for DateVisitor {
            type Value = Date;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                write!(f, "a date written {DATE_FORMS}")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Date, E> {
                parse_date_time(text)
                    .map(|(day, time)| Date(day, time))
                    .ok_or_else(|| {
                        E::custom(format!("invalid date `{text}`, expected {DATE_FORMS}"))
                    })
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Date, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Date, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Date, E> {
                self.visit_str(&v.to_string())
            }
        }
        deserializer.deserialize_str(DateVisitor)
    }
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DayVisitor;
        impl de::Visitor<'_> for DayVisitor {
            type Value = Day;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a date written YYYY-MM-DD")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Day, E> {
                parse_date(text)
                    .map(Day)
                    .ok_or_else(|| E::custom(format!("invalid date `{text}`, expected YYYY-MM-DD")))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Day, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Day, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Day, E> {
                self.visit_str(&v.to_string())
            }
        }
        deserializer.deserialize_str(DayVisitor)
    }
}

/// A date in the one form torget reads: `2019-11-13`.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    if text.len() != 10 {
        return None;
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// Why a date written in the right form (`2019-02-30`) names no day of the
/// calendar, in words, so the editor need not work it out from "invalid".
pub(crate) fn calendar_problem(text: &str) -> Option<Message> {
    let day = text.trim().get(..10)?;
    let bytes = day.as_bytes();
    if bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| {
        let part = day.get(range)?;
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse::<u32>().ok())
            .flatten()
    };
    let (year, month, day_of_month) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let year = i32::try_from(year).ok()?;
    if !(1..=12).contains(&month) {
        let swapped = (1..=12)
            .contains(&day_of_month)
            .then(|| NaiveDate::from_ymd_opt(year, day_of_month, month))
            .flatten();
        return Some(match swapped {
            Some(date) => Phrase::NoMonthSwapped
                .with("month", month.to_string())
                .with("month_name", MONTHS[date.month0() as usize])
                .with("date", date.to_string()),
            None => Phrase::NoMonth.with("month", month.to_string()),
        });
    }
    let last = (28..=31)
        .rev()
        .find_map(|d| NaiveDate::from_ymd_opt(year, month, d))?;
    let month_name = MONTHS[month as usize - 1];
    if day_of_month == 0 || day_of_month > last.day() {
        return Some(
            Phrase::DaysInMonth
                .with("month", month_name)
                .with("year", year.to_string())
                .with("days", last.day().to_string()),
        );
    }
    None
}

/// Month names in the reader's language, for hints.
const MONTHS: [Phrase; 12] = [
    Phrase::January,
    Phrase::February,
    Phrase::March,
    Phrase::April,
    Phrase::May,
    Phrase::June,
    Phrase::July,
    Phrase::August,
    Phrase::September,
    Phrase::October,
    Phrase::November,
    Phrase::December,
];

/// A date with an optional time: `2019-11-13`, `2019-11-13 10:00`,
/// `2019-11-13T10:00`, or either of those with seconds (`10:00:30`).
pub(crate) fn parse_date_time(text: &str) -> Option<(NaiveDate, Option<NaiveTime>)> {
    let text = text.trim();
    let (day, time) = match text.get(..10) {
        Some(day) if text.len() > 10 => {
            let rest = &text[10..];
            let time = rest.strip_prefix(' ').or_else(|| rest.strip_prefix('T'))?;
            (day, Some(time))
        }
        _ => (text, None),
    };
    let day = parse_date(day)?;
    let Some(time) = time else {
        return Some((day, None));
    };
    // Two-digit fields only, so that `9:00` or `10:0` are caught rather than guessed at.
    let form = match time.len() {
        5 => "%H:%M",
        8 => "%H:%M:%S",
        _ => return None,
    };
    let parsed = NaiveTime::parse_from_str(time, form).ok()?;
    // chrono reads `23:59:60` as a leap second; no editor means that.
    (parsed.nanosecond() == 0).then_some((day, Some(parsed)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_written_as_chrono_writes_them() {
        let mut day = NaiveDate::from_ymd_opt(-3, 12, 25).unwrap();
        let last = NaiveDate::from_ymd_opt(10_002, 1, 3).unwrap();
        let mut seen = 0;
        while day <= last {
            assert_eq!(iso_day(day), day.to_string());
            day = day + chrono::Days::new(13);
            seen += 1;
        }
        assert!(seen > 280_000, "{seen} days");
    }

    #[test]
    fn impossible_days_are_explained() {
        let problem = |text: &str| {
            calendar_problem(text)
                .map(|m| m.text(crate::messages::Language::English))
                .unwrap_or_default()
        };
        assert_eq!(problem("2019-02-30"), "February 2019 has 28 days");
        assert_eq!(problem("2020-02-30 10:00"), "February 2020 has 29 days");
        assert_eq!(problem("2019-04-31"), "April 2019 has 30 days");
        assert_eq!(problem("2019-04-00"), "April 2019 has 30 days");
        assert_eq!(
            problem("2019-13-01"),
            "there is no month 13: dates are written year-month-day; if you mean 13 January, write 2019-01-13"
        );
        assert_eq!(
            problem("2019-13-25"),
            "there is no month 13: dates are written YYYY-MM-DD, year-month-day"
        );
        let in_swedish = |text: &str| {
            calendar_problem(text)
                .map(|m| m.text(crate::messages::Language::Swedish))
                .unwrap_or_default()
        };
        assert_eq!(in_swedish("2019-02-30"), "februari 2019 har 28 dagar");
        assert_eq!(
            in_swedish("2019-13-01"),
            "det finns ingen månad 13: datum skrivs år-månad-dag; menar du den 13 januari, skriv 2019-01-13"
        );
        for fine_or_other in ["2019-02-28", "13/11/2019", "2019-1-3", "", "2019-02-3x"] {
            assert_eq!(calendar_problem(fine_or_other), None, "{fine_or_other}");
        }
    }

    #[test]
    fn dates_must_be_real_and_in_one_form() {
        assert!(parse_date("2019-02-29").is_none());
        assert!(parse_date("2019-1-3").is_none());
        assert!(parse_date("2020-02-29").is_some());
    }

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn stockholm_switches_to_summer_time_on_the_last_sunday_of_march() {
        // 2019-03-31 and 2024-03-31 are the last Sundays of March.
        for year in [2019, 2024] {
            let offset =
                |time: &str| stockholm_offset(at(&format!("{year}-03-{time}"))).to_string();
            assert_eq!(offset("30 12:00"), "+01:00");
            assert_eq!(offset("31 01:59"), "+01:00");
            assert_eq!(offset("31 03:00"), "+02:00");
            assert_eq!(offset("31 12:00"), "+02:00");
        }
        // In 2019 the 24th is a Sunday too, but not the last one.
        assert_eq!(
            stockholm_offset(at("2019-03-24 12:00")).to_string(),
            "+01:00"
        );
    }

    #[test]
    fn stockholm_switches_back_on_the_last_sunday_of_october() {
        // 2019-10-27 and 2024-10-27 are the last Sundays of October.
        for year in [2019, 2024] {
            let offset =
                |time: &str| stockholm_offset(at(&format!("{year}-10-{time}"))).to_string();
            assert_eq!(offset("26 23:00"), "+02:00");
            assert_eq!(offset("27 01:59"), "+02:00");
            // 02:xx happens twice; we take the first, still in summer time.
            assert_eq!(offset("27 02:30"), "+02:00");
            assert_eq!(offset("27 03:00"), "+01:00");
            assert_eq!(offset("28 12:00"), "+01:00");
        }
        assert_eq!(stockholm_offset(at("2019-07-01 12:00")).seconds(), 7200);
        assert_eq!(stockholm_offset(at("2019-01-01 00:00")).seconds(), 3600);
        // Before 1996 the same rule still gives an answer.
        assert_eq!(
            stockholm_offset(at("1990-07-01 12:00")).to_string(),
            "+02:00"
        );
    }

    #[test]
    fn dates_take_an_optional_time_in_three_forms() {
        let day = NaiveDate::from_ymd_opt(2019, 11, 13).unwrap();
        let ten = NaiveTime::from_hms_opt(10, 0, 0);
        assert_eq!(parse_date_time("2019-11-13"), Some((day, None)));
        assert_eq!(parse_date_time("2019-11-13 10:00"), Some((day, ten)));
        assert_eq!(parse_date_time("2019-11-13T10:00"), Some((day, ten)));
        assert_eq!(
            parse_date_time("2019-11-13 10:00:30"),
            Some((day, NaiveTime::from_hms_opt(10, 0, 30)))
        );
        for bad in [
            "2019-11-13 25:00",
            "2019-11-13 10:60",
            "2019-11-13 9:00",
            "2019-11-13 10",
            "2019-11-13 23:59:60",
            "2019-11-13x10:00",
            "2019-11-13 10:00+01:00",
            "2019-02-29 10:00",
        ] {
            assert_eq!(parse_date_time(bad), None, "{bad}");
        }
    }

    #[test]
    fn dates_print_for_html_and_feeds_with_the_swedish_offset() {
        let date = |text: &str| {
            let (day, time) = parse_date_time(text).unwrap();
            Date(day, time)
        };
        assert_eq!(date("2019-11-13").html(), "2019-11-13");
        assert_eq!(date("2019-11-13 10:00").html(), "2019-11-13T10:00+01:00");
        assert_eq!(
            date("2019-06-13 10:00:30").html(),
            "2019-06-13T10:00:30+02:00"
        );
        assert_eq!(date("2019-11-13").rfc3339(), "2019-11-13T00:00:00+01:00");
        assert_eq!(
            date("2019-06-13 10:00").rfc3339(),
            "2019-06-13T10:00:00+02:00"
        );
        assert_eq!(date("2019-06-13 10:00").utc(), at("2019-06-13 08:00"));
        assert!(date("2019-11-13 09:00") < date("2019-11-13 10:00"));
        assert!(date("2019-11-13") < date("2019-11-13 00:01"));
        assert!(date("2019-11-13 23:00") < date("2019-11-14"));
    }
}
