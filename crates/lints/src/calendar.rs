//! Calendar helpers of the checks. The arithmetic (day counts, the year rule for a date
//! written without one, the rounding rule of durations) is `factcheck_model::calendar`'s; this
//! module only re-exports it and says dates and lengths the way the checks' messages do.

use factcheck_claims::Unit;
use factcheck_model::Date;
pub use factcheck_model::calendar::{
    Bound, DayCount, days_between, days_in_month, duration_matches, is_leap, nearest_to,
};

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
