//! # CAL002 `impossible-date`: a date that is not a day of the calendar
//!
//! ## What it checks
//! Dates written with a day the month does not have: "February 30", "September 31",
//! "31 April", "2023-02-29" (2023 is no leap year). A 29 February with a year must fall in a leap
//! year (2024-02-29 is fine); one without a year is left alone, since some year has it. A number
//! above 31 after a month name is never read as a day, and neither is a number followed by a
//! noun ("In September 31 soldiers died").
//!
//! ## Why
//! An impossible date is a typo or a wrong conversion, and a reader cannot tell which day was
//! meant. The grammar cannot turn such text into a date at all, so without this check the claim
//! would merely go unverified.
//!
//! ## Example
//! ```text
//! The ceasefire was signed on February 30, 2023.
//! ```
//! February has 28 days in 2023.

use crate::Finding;
use crate::calendar::{days_in_month, is_leap};
use crate::ctx::{Ctx, Segment};
use factcheck_model::calendar::month_name;

pub const CODE: &str = "CAL002";

pub fn run(ctx: &Ctx<'_>, seg: &Segment<'_>, out: &mut Vec<Finding>) {
    {
        for d in &seg.dates {
            let Some(day) = d.raw.day else { continue };
            let month = d.raw.month;
            let max = days_in_month(d.raw.year, month);
            if day <= max {
                continue;
            }
            let name = month_name(month);
            let (expected, why) = match d.raw.year {
                Some(y) if month == 2 && day == 29 => (
                    format!("February has 28 days in {y}"),
                    format!(": {y} is not a leap year"),
                ),
                Some(y) => (format!("{name} has {max} days in {y}"), String::new()),
                None if month == 2 => ("February has at most 29 days".to_string(), String::new()),
                None => (format!("{name} has {max} days"), String::new()),
            };
            debug_assert!(
                d.raw
                    .year
                    .is_none_or(|y| month != 2 || day != 29 || !is_leap(y))
            );
            let found = seg.text[d.start..d.end].to_string();
            out.extend(ctx.finding(
                seg,
                CODE,
                (d.start, d.end),
                format!("{found} is not a day of the calendar{why}"),
                Some(expected),
                Some(found.clone()),
                Vec::new(),
            ));
        }
    }
}
