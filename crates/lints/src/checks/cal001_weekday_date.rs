//! # CAL001 `weekday-date`: weekday and date disagree
//!
//! ## What it checks
//! A weekday written together with a date: right before it ("Friday, September 20, 2023",
//! "Friday 20 September") or as a possessive that the date then pins down ("Wednesday's meeting
//! on 17 September"). The weekday must be the date's weekday. A date without a year takes the
//! year from the document date by the grammar's rule (the latest such date not after the document
//! date); with neither a year nor a document date the check stays silent.
//!
//! ## Why
//! A weekday and a date say the same thing twice, so when they disagree one of them is wrong, and
//! the calendar says which pair is impossible. Editors read past such slips; readers who put the
//! event in their diary do not.
//!
//! ## Example
//! ```text
//! On Friday, September 20, 2023, the officials met again.
//! ```
//! 2023-09-20 was a Wednesday, not a Friday.

use crate::Finding;
use crate::calendar;
use crate::ctx::{Ctx, DateAt, Segment};
use crate::text;
use factcheck_model::Weekday;
use factcheck_model::calendar::weekday_name;

pub const CODE: &str = "CAL001";

/// How many words may stand between "Wednesday's" and "on <date>".
const POSSESSIVE_WINDOW: usize = 5;

pub fn run(ctx: &Ctx<'_>, seg: &Segment<'_>, out: &mut Vec<Finding>) {
    // Both forms pair a weekday with a date of the segment.
    if seg.dates.is_empty() {
        return;
    }
    {
        for d in &seg.dates {
            if let Some((w_tok, weekday)) = d.weekday {
                check_pair(ctx, seg, w_tok, weekday, d, out);
            }
        }
        for (k, tok) in seg.toks.iter().enumerate() {
            let Some(weekday) = text::weekday_of(tok) else {
                continue;
            };
            if let Some(d) = possessive_date(seg, k) {
                check_pair(ctx, seg, k, weekday, d, out);
            }
        }
    }
}

/// "Wednesday's meeting on 17 September": the date the possessive weekday at `k` is tied to.
fn possessive_date<'s>(seg: &'s Segment<'_>, k: usize) -> Option<&'s DateAt> {
    let apostrophe = seg.tok(k + 1)?;
    let s = seg.tok(k + 2)?;
    if !(apostrophe.is_punct('\'') || apostrophe.is_punct('’'))
        || apostrophe.space_before
        || !s.is("s")
        || s.space_before
    {
        return None;
    }
    let mut m = k + 3;
    while m <= k + 3 + POSSESSIVE_WINDOW {
        let tok = seg.tok(m)?;
        if seg.in_date.get(m).copied().unwrap_or(true) || !seg.is_word(m) && !tok.is_punct('-') {
            return None;
        }
        if tok.is("on") {
            return seg.date_starting_at(m + 1);
        }
        m += 1;
    }
    None
}

fn check_pair(
    ctx: &Ctx<'_>,
    seg: &Segment<'_>,
    w_tok: usize,
    weekday: Weekday,
    d: &DateAt,
    out: &mut Vec<Finding>,
) {
    let Some(day) = d.day() else { return };
    let actual = day.weekday();
    if actual == weekday {
        return;
    }
    let date = calendar::show(day, true);
    let note = if d.explicit_year {
        ""
    } else {
        " (year from the document date)"
    };
    let (start, _) = seg.range(w_tok, w_tok);
    let (_, end) = seg.range(d.raw.last, d.raw.last);
    let found = if w_tok < d.raw.first {
        seg.text[start..end].to_string()
    } else {
        format!(
            "{} … {}",
            seg.slice(w_tok, w_tok),
            seg.slice(d.raw.first, d.raw.last)
        )
    };
    let related = if w_tok + 3 < d.raw.first {
        vec![factcheck_model::Related {
            span: seg.span(d.start, d.end),
            message: format!("the date this weekday belongs to: {date}"),
        }]
    } else {
        Vec::new()
    };
    let focus = if related.is_empty() {
        (start, end)
    } else {
        seg.range(w_tok, w_tok + 2)
    };
    out.extend(ctx.finding(
        seg,
        CODE,
        focus,
        format!(
            "{date}{note} is a {}, not a {}",
            weekday_name(actual),
            weekday_name(weekday)
        ),
        Some(format!("{}, {date}", weekday_name(actual))),
        Some(found),
        related,
    ));
}
