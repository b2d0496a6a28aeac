use std::fmt;
use std::str::FromStr;

use jiff::civil::Date;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// How much of a date a text (or a fact) states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A calendar date known to a precision: `2023`, `2023-09` or `2023-09-17`.
///
/// Serialises as that ISO string. A partial date stands for every day it covers: `2020-11` holds
/// for 2020-11-10 (see [`PartialDate::contains`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    year: i16,
    month: Option<i8>,
    day: Option<i8>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("`{0}` is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")]
    Syntax(String),
    #[error("`{text}` is not a day of the calendar: {reason}")]
    Impossible { text: String, reason: String },
}

impl PartialDate {
    pub fn day(date: Date) -> Self {
        PartialDate {
            year: date.year(),
            month: Some(date.month()),
            day: Some(date.day()),
        }
    }

    /// A month of a year; `None` when the month is not 1..=12 or the year is out of range.
    pub fn month(year: i16, month: i8) -> Option<Self> {
        Date::new(year, month, 1).ok()?;
        Some(PartialDate {
            year,
            month: Some(month),
            day: None,
        })
    }

    /// A whole year; `None` when out of the supported range (-9999..=9999).
    pub fn year(year: i16) -> Option<Self> {
        Date::new(year, 1, 1).ok()?;
        Some(PartialDate {
            year,
            month: None,
            day: None,
        })
    }

    /// A day from its parts, checked against the calendar (no 30 February).
    pub fn ymd(year: i16, month: i8, day: i8) -> Result<Self, DateError> {
        Date::new(year, month, day)
            .map(Self::day)
            .map_err(|e| DateError::Impossible {
                text: format!("{year:04}-{month:02}-{day:02}"),
                reason: e.to_string(),
            })
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    pub fn year_number(&self) -> i16 {
        self.year
    }

    pub fn month_number(&self) -> Option<i8> {
        self.month
    }

    pub fn day_number(&self) -> Option<i8> {
        self.day
    }

    /// The first day this date covers.
    pub fn first(&self) -> Date {
        Date::new(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
            .expect("a PartialDate is always valid")
    }

    /// The last day this date covers.
    pub fn last(&self) -> Date {
        match (self.month, self.day) {
            (Some(m), Some(d)) => Date::new(self.year, m, d).expect("valid"),
            (Some(m), None) => Date::new(self.year, m, 1).expect("valid").last_of_month(),
            _ => Date::new(self.year, 12, 31).expect("valid"),
        }
    }

    /// The exact day, when the precision is [`Precision::Day`].
    pub fn as_day(&self) -> Option<Date> {
        (self.precision() == Precision::Day).then(|| self.first())
    }

    /// Whether the day `date` lies within this (possibly partial) date.
    pub fn contains(&self, date: Date) -> bool {
        self.first() <= date && date <= self.last()
    }

    /// Whether two partial dates can denote the same day (their ranges overlap).
    pub fn overlaps(&self, other: &PartialDate) -> bool {
        self.first() <= other.last() && other.first() <= self.last()
    }

    /// This date cut down to a coarser precision (never finer than it is).
    pub fn truncate(&self, precision: Precision) -> PartialDate {
        match precision.min(self.precision()) {
            Precision::Day => *self,
            Precision::Month => PartialDate { day: None, ..*self },
            Precision::Year => PartialDate {
                month: None,
                day: None,
                ..*self
            },
        }
    }
}

impl From<Date> for PartialDate {
    fn from(date: Date) -> Self {
        PartialDate::day(date)
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // ISO 8601 writes a year before 0 with its sign and four digits (`-0001`, not `-001`).
        if self.year < 0 {
            write!(f, "-{:04}", -i32::from(self.year))?;
        } else {
            write!(f, "{:04}", self.year)?;
        }
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl FromStr for PartialDate {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let syntax = || DateError::Syntax(s.to_string());
        let parts: Vec<&str> = s.split('-').collect();
        let num = |p: &str, len: usize| -> Result<i32, DateError> {
            if p.len() != len || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(syntax());
            }
            p.parse().map_err(|_| syntax())
        };
        let impossible = |reason: &str| DateError::Impossible {
            text: s.to_string(),
            reason: reason.to_string(),
        };
        match parts.as_slice() {
            [y] => {
                let y = num(y, 4)?;
                PartialDate::year(y as i16).ok_or_else(|| impossible("year out of range"))
            }
            [y, m] => {
                let (y, m) = (num(y, 4)?, num(m, 2)?);
                PartialDate::month(y as i16, m as i8)
                    .ok_or_else(|| impossible("there is no such month"))
            }
            [y, m, d] => {
                let (y, m, d) = (num(y, 4)?, num(m, 2)?, num(d, 2)?);
                if m > 12 || d > 31 {
                    return Err(impossible("there is no such month or day"));
                }
                PartialDate::ymd(y as i16, m as i8, d as i8)
            }
            _ => Err(syntax()),
        }
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_each_precision() {
        for s in ["2023", "2023-09", "2023-09-17", "2024-02-29"] {
            let d: PartialDate = s.parse().unwrap();
            assert_eq!(d.to_string(), s);
        }
        assert_eq!(
            "2020-11".parse::<PartialDate>().unwrap().precision(),
            Precision::Month
        );
    }

    #[test]
    fn rejects_impossible_days() {
        assert!(matches!(
            "2023-02-30".parse::<PartialDate>(),
            Err(DateError::Impossible { .. })
        ));
        assert!(matches!(
            "2023-02-29".parse::<PartialDate>(),
            Err(DateError::Impossible { .. })
        ));
        assert!(matches!(
            "2023-13".parse::<PartialDate>(),
            Err(DateError::Impossible { .. })
        ));
        assert!(matches!(
            "23-01-01".parse::<PartialDate>(),
            Err(DateError::Syntax(_))
        ));
        assert!(matches!(
            "2023/01/01".parse::<PartialDate>(),
            Err(DateError::Syntax(_))
        ));
    }

    #[test]
    fn partial_dates_contain_their_days() {
        let nov: PartialDate = "2020-11".parse().unwrap();
        assert!(nov.contains(jiff::civil::date(2020, 11, 10)));
        assert!(!nov.contains(jiff::civil::date(2020, 12, 1)));
        assert_eq!(nov.last(), jiff::civil::date(2020, 11, 30));
        let feb: PartialDate = "2024-02".parse().unwrap();
        assert_eq!(feb.last(), jiff::civil::date(2024, 2, 29));
    }
}
