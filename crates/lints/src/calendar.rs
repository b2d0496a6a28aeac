//! Calendar arithmetic shared by the checks: resolving a year-less date, day counts, and the
//! rounding rule for durations.

use factcheck_claims::Unit;
use factcheck_model::{Date, PartialDate};

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

pub fn is_leap(year: i16) -> bool {
    let y = i32::from(year);
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

/// The day `month`/`day` of the latest year that puts it on or before `doc` (the grammar's rule
/// for a date written without a year). A 29 February goes back to the latest leap year.
pub fn latest_not_after(month: i8, day: i8, doc: Date) -> Option<Date> {
    let mut year = doc.year();
    if (month, day) > (doc.month(), doc.day()) {
        year = year.checked_sub(1)?;
    }
    for _ in 0..8 {
        if let Ok(d) = Date::new(year, month, day) {
            return Some(d);
        }
        year = year.checked_sub(1)?;
    }
    None
}

/// The month `month` of the latest year that puts it on or before `doc`.
pub fn latest_month_not_after(month: i8, doc: Date) -> Option<PartialDate> {
    let year = if month <= doc.month() {
        doc.year()
    } else {
        doc.year().checked_sub(1)?
    };
    PartialDate::month(year, month)
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

/// The unit a word names ("days", "week").
pub fn unit_of(word: &str) -> Option<Unit> {
    const UNITS: [(&str, Unit); 8] = [
        ("day", Unit::Day),
        ("days", Unit::Day),
        ("week", Unit::Week),
        ("weeks", Unit::Week),
        ("month", Unit::Month),
        ("months", Unit::Month),
        ("year", Unit::Year),
        ("years", Unit::Year),
    ];
    UNITS
        .iter()
        .find(|(w, _)| word.eq_ignore_ascii_case(w))
        .map(|&(_, u)| u)
}

/// How a stated amount is qualified ("more than three months").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// No qualifier, or "about", "some", "roughly": the amount itself.
    Near,
    /// "more than", "over", "at least": at least the amount.
    AtLeast,
    /// "nearly", "almost": a little less than the amount.
    Nearly,
    /// "less than", "under", "up to": at most the amount.
    AtMost,
}

/// The rounding rule for "N units": `days` holds for N units when `days / unit length` is within
/// half a unit of N (so it rounds to N). A length in days must be exact; `inclusive` also accepts
/// one day more (a span counted with both ends, "27 September to 10 November, 45 days").
pub fn amount_holds(days: i64, amount: f64, unit: Unit, bound: Bound, inclusive: bool) -> bool {
    let len = unit.mean_days();
    #[allow(clippy::cast_precision_loss)]
    let x = days as f64 / len;
    let tol = if unit == Unit::Day { 0.0 } else { 0.5 };
    let near = |x: f64| (x - amount).abs() <= tol + 1e-9;
    let extra = if inclusive && unit == Unit::Day {
        1.0
    } else {
        0.0
    };
    match bound {
        Bound::Near => near(x) || (inclusive && near(x + extra)),
        Bound::AtLeast => x + extra >= amount - tol - 1e-9,
        Bound::AtMost => x <= amount + tol + 1e-9,
        Bound::Nearly => x <= amount + tol + 1e-9 && x + extra >= amount - 1.0 - tol - 1e-9,
    }
}

/// A date as the draft could have meant it: ISO when the year is known, else "September 17".
pub fn show(date: Date, year_known: bool) -> String {
    if year_known {
        format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
    } else {
        format!(
            "{} {}",
            factcheck_model::calendar::month_name(date.month()),
            date.day()
        )
    }
}

/// "2 days", "1 day", "about 1.4 months".
pub fn show_length(days: i64, unit: Unit) -> String {
    let days_text = format!("{days} {}", Unit::Day.name(days.abs() != 1));
    if unit == Unit::Day {
        return days_text;
    }
    #[allow(clippy::cast_precision_loss)]
    let x = days as f64 / unit.mean_days();
    format!("{days_text}, about {x:.1} {}", unit.name(true))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn day_numbers_count_days() {
        assert_eq!(day_number(date(1970, 1, 1)), 0);
        assert_eq!(
            day_number(date(2023, 9, 19)) - day_number(date(2023, 9, 17)),
            2
        );
        assert_eq!(
            day_number(date(2020, 11, 10)) - day_number(date(2020, 9, 27)),
            44
        );
        assert_eq!(
            day_number(date(2024, 3, 1)) - day_number(date(2024, 2, 28)),
            2
        );
        assert_eq!(
            day_number(date(2023, 3, 1)) - day_number(date(2023, 2, 28)),
            1
        );
        assert_eq!(
            day_number(date(2024, 1, 1)) - day_number(date(2023, 12, 31)),
            1
        );
    }

    #[test]
    fn year_less_dates_take_the_latest_year_not_after_the_document() {
        let doc = date(2023, 10, 5);
        assert_eq!(latest_not_after(9, 17, doc), Some(date(2023, 9, 17)));
        assert_eq!(latest_not_after(10, 5, doc), Some(date(2023, 10, 5)));
        assert_eq!(latest_not_after(12, 1, doc), Some(date(2022, 12, 1)));
        assert_eq!(latest_not_after(2, 29, doc), Some(date(2020, 2, 29)));
        assert_eq!(latest_not_after(2, 30, doc), None);
        assert_eq!(nearest_to(1, 1, date(2023, 12, 31)), Some(date(2024, 1, 1)));
        assert_eq!(
            nearest_to(12, 31, date(2024, 1, 2)),
            Some(date(2023, 12, 31))
        );
    }

    #[test]
    fn the_rounding_rule() {
        // 44 days: six weeks (6.29), one month (1.45), not two or three months.
        assert!(amount_holds(44, 6.0, Unit::Week, Bound::Near, false));
        assert!(!amount_holds(44, 3.0, Unit::Month, Bound::Near, false));
        assert!(amount_holds(44, 1.0, Unit::Month, Bound::Near, false));
        assert!(!amount_holds(44, 2.0, Unit::Month, Bound::Near, false));
        assert!(amount_holds(44, 44.0, Unit::Day, Bound::Near, true));
        assert!(amount_holds(44, 45.0, Unit::Day, Bound::Near, true));
        assert!(!amount_holds(44, 45.0, Unit::Day, Bound::Near, false));
        assert!(amount_holds(44, 1.0, Unit::Month, Bound::AtLeast, false));
        assert!(!amount_holds(44, 3.0, Unit::Month, Bound::AtLeast, false));
        assert!(!amount_holds(2, 3.0, Unit::Day, Bound::Near, false));
        assert!(amount_holds(280, 9.0, Unit::Month, Bound::Near, false));
    }
}
