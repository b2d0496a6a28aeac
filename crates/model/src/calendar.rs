//! The calendar: names of months and weekdays for messages, and the one place for calendar
//! arithmetic (day counts, the year of a date written without one, the rounding rule of stated
//! lengths of time).

use jiff::civil::{Date, Weekday};
use serde::Serialize;

use crate::PartialDate;

/// "Monday" … "Sunday".
pub fn weekday_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}

/// "January" … "December" for 1..=12; `"?"` otherwise.
pub fn month_name(month: i8) -> &'static str {
    const NAMES: [&str; 12] = [
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
    usize::try_from(month - 1)
        .ok()
        .and_then(|i| NAMES.get(i))
        .copied()
        .unwrap_or("?")
}

/// A unit of time as a draft writes it ("days", "six-week").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    Day,
    Week,
    Month,
    Year,
}

impl Unit {
    /// The unit's mean length in days, for comparing durations: a week is 7 days, a month
    /// 365.25 / 12 = 30.44 days, a year 365.25 days.
    pub fn mean_days(self) -> f64 {
        match self {
            Unit::Day => 1.0,
            Unit::Week => 7.0,
            Unit::Month => 365.25 / 12.0,
            Unit::Year => 365.25,
        }
    }

    /// "day" or "days", "week" or "weeks", ….
    pub fn name(self, plural: bool) -> &'static str {
        match (self, plural) {
            (Unit::Day, false) => "day",
            (Unit::Day, true) => "days",
            (Unit::Week, false) => "week",
            (Unit::Week, true) => "weeks",
            (Unit::Month, false) => "month",
            (Unit::Month, true) => "months",
            (Unit::Year, false) => "year",
            (Unit::Year, true) => "years",
        }
    }
}

/// Days from `a` to `b`: `b − a`, negative when `b` is earlier. 2020-09-27 to 2020-11-10 is 44
/// (the start is not counted, the end is); the same day is 0.
pub fn days_between(a: Date, b: Date) -> i64 {
    day_number(b) - day_number(a)
}

/// Days since 1970-01-01 (proleptic Gregorian), for differences between dates.
pub fn day_number(date: Date) -> i64 {
    let (y, m, d) = (
        i64::from(date.year()),
        i64::from(date.month()),
        i64::from(date.day()),
    );
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

pub fn is_leap(year: i16) -> bool {
    let y = i32::from(year);
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

/// Days in `month` of `year`, or the most a month can have in any year when the year is unknown.
pub fn days_in_month(year: Option<i16>, month: i8) -> i8 {
    match month {
        2 => match year {
            Some(y) if is_leap(y) => 29,
            Some(_) => 28,
            None => 29,
        },
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The year rule for a date written without a year ("September 17", "December"): the latest
/// such day (or month, when `day` is `None`) that is not after the document date `doc`.
/// "December 3" in a draft of 2023-10-05 is 2022-12-03; "October 5" is 2023-10-05. A 29 February
/// goes back to the latest leap year (at most eight years back); a day the month never has
/// ("February 30") has no such date.
pub fn latest_not_after(month: i8, day: Option<i8>, doc: Date) -> Option<PartialDate> {
    let after = match day {
        Some(d) => (month, d) > (doc.month(), doc.day()),
        None => month > doc.month(),
    };
    let mut year = if after {
        doc.year().checked_sub(1)?
    } else {
        doc.year()
    };
    let Some(d) = day else {
        return PartialDate::month(year, month);
    };
    if !(1..=12).contains(&month) || d < 1 || d > days_in_month(None, month) {
        return None;
    }
    // Only a 29 February can fail in a year; the next leap year back is at most eight away.
    for _ in 0..9 {
        if d <= days_in_month(Some(year), month) {
            return PartialDate::ymd(year, month, d).ok();
        }
        year = year.checked_sub(1)?;
    }
    None
}

/// The day `month`/`day` in the year that puts it nearest to `target` (a year-less date read in
/// the context of a dated one: "December 31 … one day later, on January 1").
pub fn nearest_to(month: i8, day: i8, target: Date) -> Option<Date> {
    let t = day_number(target);
    let mut best: Option<(i64, Date)> = None;
    for dy in -1..=1i16 {
        let Some(year) = target.year().checked_add(dy) else {
            continue;
        };
        let Ok(d) = Date::new(year, month, day) else {
            continue;
        };
        let dist = (day_number(d) - t).abs();
        if best.is_none_or(|(b, _)| dist < b) {
            best = Some((dist, d));
        }
    }
    best.map(|(_, d)| d)
}

/// How a stated length of time is qualified ("more than three months"). The grammar's
/// quantity qualifiers map onto it (`factcheck_claims::Qualifier::bound`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// No qualifier, "exactly", or "about", "some", "roughly": the amount itself.
    Near,
    /// "more than", "over", "at least": at least the amount.
    AtLeast,
    /// "nearly", "almost": a little less than the amount.
    Nearly,
    /// "less than", "under", "up to": at most the amount.
    AtMost,
}

/// How the days of an interval may be counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayCount {
    /// `end − start` only ([`days_between`]).
    Exclusive,
    /// `end − start`, or one more for a draft that counts both ends (27 September to
    /// 10 November is 44 days, and "45 days" holds too).
    EitherEnd,
}

/// Whether an interval of `days` days (from [`days_between`]) is "`bound` `amount` `unit`".
/// The rule, used by the built-in interval check (CAL003) and meant for the rules checker's
/// duration check:
///
/// - the length in the unit is `x = days / unit.mean_days()` (a week 7 days, a month 30.44, a
///   year 365.25);
/// - the tolerance is half a unit (`x` rounds to the amount, a half rounding either way), and
///   none for days: an amount of days must be exact;
/// - with [`DayCount::EitherEnd`] the interval may also count one day more (`days + 1`), for
///   amounts in days only;
/// - [`Bound::Near`]: `|x − amount| ≤ tol` (44 days is six weeks, 6.3; one month, 1.4; not two
///   months, 1.4 being 0.6 away);
/// - [`Bound::AtLeast`]: `x ≥ amount` (with either end counted, `x + 1` for days): a bound is
///   not a rounded amount, so "more than two months" is contradicted by 44 days (1.4) and "more
///   than three months" holds for 98 days (3.2);
/// - [`Bound::AtMost`]: `x ≤ amount` ("less than two months" holds for 44 days, "less than
///   three months" is contradicted by 98 days);
/// - [`Bound::Nearly`]: at most the amount, and less than one unit short of it:
///   `amount − 1 − tol ≤ x ≤ amount`.
///
/// Comparisons allow 1e-9 for floating-point error.
pub fn duration_matches(days: i64, amount: f64, unit: Unit, bound: Bound, count: DayCount) -> bool {
    #[allow(clippy::cast_precision_loss)]
    let x = days as f64 / unit.mean_days();
    let tol = if unit == Unit::Day { 0.0 } else { 0.5 };
    let near = |x: f64| (x - amount).abs() <= tol + 1e-9;
    let both_ends = count == DayCount::EitherEnd && unit == Unit::Day;
    let extra = if both_ends { 1.0 } else { 0.0 };
    match bound {
        Bound::Near => near(x) || (both_ends && near(x + extra)),
        Bound::AtLeast => x + extra >= amount - 1e-9,
        Bound::AtMost => x <= amount + 1e-9,
        Bound::Nearly => x <= amount + 1e-9 && x + extra >= amount - 1.0 - tol - 1e-9,
    }
}

/// `days` in `unit` with one decimal at most, for messages: 44 days is "6.3" weeks, 42 "6".
pub fn show_in_unit(days: i64, unit: Unit) -> String {
    #[allow(clippy::cast_precision_loss)]
    show_amount(days as f64 / unit.mean_days())
}

/// An amount of time with one decimal at most: `6.285…` → `6.3`, `6.0` → `6`.
pub fn show_amount(x: f64) -> String {
    let s = format!("{x:.1}");
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn day_counts() {
        assert_eq!(day_number(date(1970, 1, 1)), 0);
        assert_eq!(days_between(date(2023, 9, 17), date(2023, 9, 19)), 2);
        assert_eq!(days_between(date(2023, 9, 19), date(2023, 9, 17)), -2);
        assert_eq!(days_between(date(2020, 9, 27), date(2020, 11, 10)), 44);
        assert_eq!(days_between(date(2024, 2, 28), date(2024, 3, 1)), 2);
        assert_eq!(days_between(date(2023, 2, 28), date(2023, 3, 1)), 1);
        assert_eq!(days_between(date(2023, 12, 31), date(2024, 1, 1)), 1);
        // Agrees with jiff over four centuries.
        let start = date(1900, 1, 1);
        let mut d = start;
        for _ in 0..(400 * 365 / 13) {
            let jiff_days = i64::from(start.until(d).unwrap().get_days());
            assert_eq!(days_between(start, d), jiff_days, "{d}");
            d = d.checked_add(jiff::Span::new().days(13)).unwrap();
        }
    }

    #[test]
    fn the_year_rule() {
        let doc = date(2023, 10, 5);
        let day = |m, d| latest_not_after(m, Some(d), doc).map(|p| p.to_string());
        assert_eq!(day(9, 17).as_deref(), Some("2023-09-17"));
        assert_eq!(day(10, 5).as_deref(), Some("2023-10-05"));
        assert_eq!(day(10, 6).as_deref(), Some("2022-10-06"));
        assert_eq!(day(12, 1).as_deref(), Some("2022-12-01"));
        assert_eq!(day(2, 29).as_deref(), Some("2020-02-29"));
        assert_eq!(day(2, 30), None);
        let month = |m| latest_not_after(m, None, doc).map(|p| p.to_string());
        assert_eq!(month(10).as_deref(), Some("2023-10"));
        assert_eq!(month(11).as_deref(), Some("2022-11"));
        // 1897..1903 have no 29 February.
        assert_eq!(
            latest_not_after(2, Some(29), date(1904, 1, 1)).map(|p| p.to_string()),
            Some("1896-02-29".into())
        );
        assert_eq!(nearest_to(1, 1, date(2023, 12, 31)), Some(date(2024, 1, 1)));
        assert_eq!(
            nearest_to(12, 31, date(2024, 1, 2)),
            Some(date(2023, 12, 31))
        );
    }

    #[test]
    fn the_year_rule_is_the_latest_candidate_not_after_the_document_date() {
        // Against the rule's definition: try years back from the document date's.
        let brute = |month: i8, day: Option<i8>, doc: Date| {
            (0..12).find_map(|back| {
                let y = doc.year().checked_sub(back)?;
                let candidate = match day {
                    Some(d) => PartialDate::ymd(y, month, d).ok()?,
                    None => PartialDate::month(y, month)?,
                };
                (candidate.first() <= doc).then_some(candidate)
            })
        };
        let mut doc = date(1895, 1, 1);
        while doc < date(1910, 1, 1) {
            for month in 1..=12 {
                assert_eq!(latest_not_after(month, None, doc), brute(month, None, doc));
                for day in [1, 15, 28, 29, 30, 31, 32] {
                    let got = latest_not_after(month, Some(day), doc);
                    assert_eq!(got, brute(month, Some(day), doc), "{month}-{day} {doc}");
                }
            }
            doc = doc.checked_add(jiff::Span::new().days(11)).unwrap();
        }
    }

    #[test]
    fn the_rounding_rule() {
        use Bound::*;
        use DayCount::*;
        let m = duration_matches;
        // 44 days: six weeks (6.29), one month (1.45), not two or three months.
        assert!(m(44, 6.0, Unit::Week, Near, Exclusive));
        assert!(!m(44, 7.0, Unit::Week, Near, Exclusive));
        assert!(!m(44, 3.0, Unit::Month, Near, Exclusive));
        assert!(m(44, 1.0, Unit::Month, Near, Exclusive));
        assert!(m(44, 1.5, Unit::Month, Near, Exclusive));
        assert!(!m(44, 2.0, Unit::Month, Near, Exclusive));
        assert!(m(44, 44.0, Unit::Day, Near, EitherEnd));
        assert!(m(44, 45.0, Unit::Day, Near, EitherEnd));
        assert!(!m(44, 45.0, Unit::Day, Near, Exclusive));
        assert!(!m(44, 43.0, Unit::Day, Near, EitherEnd));
        assert!(m(44, 1.0, Unit::Month, AtLeast, Exclusive));
        assert!(!m(44, 3.0, Unit::Month, AtLeast, Exclusive));
        assert!(m(44, 40.0, Unit::Day, AtLeast, Exclusive));
        assert!(m(44, 2.0, Unit::Month, AtMost, Exclusive));
        assert!(!m(44, 40.0, Unit::Day, AtMost, Exclusive));
        assert!(m(44, 2.0, Unit::Month, Nearly, Exclusive));
        assert!(!m(44, 4.0, Unit::Month, Nearly, Exclusive));
        assert!(!m(2, 3.0, Unit::Day, Near, Exclusive));
        assert!(m(280, 9.0, Unit::Month, Near, Exclusive));
        assert!(m(98, 99.0, Unit::Day, Near, EitherEnd));
        assert_eq!(show_in_unit(44, Unit::Week), "6.3");
        assert_eq!(show_in_unit(42, Unit::Week), "6");
    }
}
