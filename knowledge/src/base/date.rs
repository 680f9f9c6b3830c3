//! Calendar dates at the precision a source gives them, and the day intervals they cover.
//!
//! Every date in the fact base and every date a student writes becomes a `DaySpan`: an
//! inclusive interval of day numbers. Comparing two dates is then interval overlap, whatever
//! their precision ("1934" overlaps "1 December 1934"; "the 1930s" overlaps both).

use serde::{Deserialize, Serialize};
use std::fmt;

/// Days since 1970-01-01 (proleptic Gregorian); negative before.
pub type Day = i32;

/// A date as written in the fact base: year, optional month and day, and whether it is only approximate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Date {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
    /// `~` in the data: checks allow a year either side.
    pub approx: bool,
}

/// Inclusive interval of days.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DaySpan {
    pub lo: Day,
    pub hi: Day,
}

pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

pub fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Day number of a civil date (Howard Hinnant's algorithm).
pub fn day_number(y: i32, m: u8, d: u8) -> Day {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = m as i32;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// Civil date of a day number.
pub fn civil(z: Day) -> (i32, u8, u8) {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

impl Date {
    /// Parses `1934`, `1934-12`, `1934-12-01`, each optionally prefixed by `~`.
    pub fn parse(s: &str) -> Result<Date, String> {
        let (approx, body) = match s.strip_prefix('~') {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let parts: Vec<&str> = body.split('-').collect();
        let num = |p: &str, what: &str| -> Result<i32, String> {
            if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(format!("`{s}` is not a date: the {what} `{p}` is not a number (write YYYY, YYYY-MM or YYYY-MM-DD)"));
            }
            p.parse().map_err(|_| format!("`{s}`: bad {what}"))
        };
        if parts.is_empty() || parts.len() > 3 {
            return Err(format!("`{s}` is not a date (write YYYY, YYYY-MM or YYYY-MM-DD)"));
        }
        let year = num(parts[0], "year")?;
        if parts[0].len() != 4 {
            return Err(format!("`{s}`: the year must have four digits"));
        }
        let month = match parts.get(1) {
            Some(p) => {
                let m = num(p, "month")?;
                if !(1..=12).contains(&m) {
                    return Err(format!("`{s}`: there is no month {m}"));
                }
                Some(m as u8)
            }
            None => None,
        };
        let day = match parts.get(2) {
            Some(p) => {
                let d = num(p, "day")?;
                let m = month.unwrap_or(1);
                let max = days_in_month(year, m) as i32;
                if d < 1 || d > max {
                    return Err(format!(
                        "`{s}` is impossible: {} {year} has {max} days",
                        MONTHS[m as usize - 1]
                    ));
                }
                Some(d as u8)
            }
            None => None,
        };
        Ok(Date { year, month, day, approx })
    }

    /// The days this date covers at its precision (approximate dates widen by a year each side).
    pub fn span(&self) -> DaySpan {
        let (lo, hi) = match (self.month, self.day) {
            (Some(m), Some(d)) => {
                let n = day_number(self.year, m, d);
                (n, n)
            }
            (Some(m), None) => {
                (day_number(self.year, m, 1), day_number(self.year, m, days_in_month(self.year, m)))
            }
            _ => (day_number(self.year, 1, 1), day_number(self.year, 12, 31)),
        };
        if self.approx {
            DaySpan { lo: lo - 366, hi: hi + 366 }
        } else {
            DaySpan { lo, hi }
        }
    }
}

impl fmt::Display for Date {
    /// Human form: `1 December 1934`, `December 1934`, `1934`, with `c.` when approximate.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.approx {
            write!(f, "c. ")?;
        }
        match (self.month, self.day) {
            (Some(m), Some(d)) => write!(f, "{d} {} {}", MONTHS[m as usize - 1], self.year),
            (Some(m), None) => write!(f, "{} {}", MONTHS[m as usize - 1], self.year),
            _ => write!(f, "{}", self.year),
        }
    }
}

impl DaySpan {
    pub fn new(lo: Day, hi: Day) -> DaySpan {
        DaySpan { lo: lo.min(hi), hi: lo.max(hi) }
    }
    pub fn years(y0: i32, y1: i32) -> DaySpan {
        DaySpan::new(day_number(y0, 1, 1), day_number(y1, 12, 31))
    }
    pub fn overlaps(&self, other: &DaySpan) -> bool {
        self.lo <= other.hi && other.lo <= self.hi
    }
    pub fn hull(&self, other: &DaySpan) -> DaySpan {
        DaySpan { lo: self.lo.min(other.lo), hi: self.hi.max(other.hi) }
    }
    pub fn first_year(&self) -> i32 {
        civil(self.lo).0
    }
    pub fn last_year(&self) -> i32 {
        civil(self.hi).0
    }
    /// Distance in days between two spans (0 when they overlap).
    pub fn gap(&self, other: &DaySpan) -> i32 {
        if self.overlaps(other) {
            0
        } else if self.hi < other.lo {
            other.lo - self.hi
        } else {
            self.lo - other.hi
        }
    }
}

/// A date or a range of dates from the fact base, kept in its written form for messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct When {
    pub from: Date,
    pub to: Option<Date>,
}

impl When {
    pub fn at(d: Date) -> When {
        When { from: d, to: None }
    }
    pub fn span(&self) -> DaySpan {
        match self.to {
            Some(t) => self.from.span().hull(&t.span()),
            None => self.from.span(),
        }
    }
}

impl fmt::Display for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.to {
            Some(t) if t != self.from => write!(f, "{}–{}", self.from, t),
            _ => write!(f, "{}", self.from),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision() {
        assert_eq!(Date::parse("1934-12-01").unwrap().to_string(), "1 December 1934");
        assert_eq!(Date::parse("1934-12").unwrap().to_string(), "December 1934");
        assert_eq!(Date::parse("~1928").unwrap().to_string(), "c. 1928");
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!(Date::parse("1921-02-31").unwrap_err().contains("impossible"));
        assert!(Date::parse("1921-13").is_err());
        assert!(Date::parse("21").is_err());
        assert!(Date::parse("1921-2-x").is_err());
        assert!(Date::parse("1924-02-29").is_ok());
        assert!(Date::parse("1923-02-29").is_err());
    }

    #[test]
    fn day_numbers_round_trip() {
        for n in [-30000, -1, 0, 1, 12345, day_number(1934, 12, 1)] {
            let (y, m, d) = civil(n);
            assert_eq!(day_number(y, m, d), n);
        }
        assert_eq!(day_number(1970, 1, 1), 0);
    }

    #[test]
    fn spans_overlap_across_precisions() {
        let year = Date::parse("1934").unwrap().span();
        let day = Date::parse("1934-12-01").unwrap().span();
        assert!(year.overlaps(&day));
        assert!(!Date::parse("1931").unwrap().span().overlaps(&day));
        assert!(Date::parse("~1929")
            .unwrap()
            .span()
            .overlaps(&Date::parse("1928").unwrap().span()));
    }
}
