//! Date mentions: absolute ("September 17", "17 September 2023", "Sept. 17", "2023-09-17",
//! "November 2020", "2020") and relative ("last month", "since last year", "on Wednesday",
//! "yesterday", "one day later", "the following day", "two days before ‹event›", "days before").
//!
//! The grammar is nom over tokens (see [`crate::tokens::Toks`]). Resolution, with jiff:
//!
//! - A day or month written without a year takes the year of the document date, choosing the
//!   latest such date that is not after the document date ("December 3" in a draft of
//!   2023-10-05 is 2022-12-03). Without a document date it stays unresolved (`date: None`) but
//!   keeps its precision.
//! - "on Wednesday" (or a bare "Wednesday") is the latest Wednesday on or before the document
//!   date; "last Wednesday" the latest strictly before; "next Wednesday" the first after.
//! - "last month", "last year", "yesterday", "two weeks ago" count back from the document date
//!   ("two weeks ago" resolves to the day; "last week" and "this week" stay unresolved, a week
//!   being no day, month or year).
//! - "one day later", "the following day", "two days earlier" count from the event of the
//!   previous claim ([`Anchor::Previous`]) and are resolved only when that claim has exactly one
//!   day-precision date.
//! - "two days before ‹event›" counts from the event named after it ([`Anchor::Event`]) and is
//!   resolved only when the draft dates that event within the same claim.
//! - When the anchor is a demonstrative ("Following this declaration, … the following day") it
//!   is [`Anchor::Unresolved`].
//! - "since" before a date sets `since`: the date opens an interval lasting until now.

use factcheck_model::{Date, PartialDate, Precision, Weekday};
use jiff::ToSpan;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while_m_n};
use nom::combinator::{map, map_res, opt};
use nom::{Input, Parser};

use crate::lexicon::{self, Kw, class};
use crate::tokens::{Kind, PResult, Tok, Toks, cls, flag, kw, punct, tok};
use crate::types::{Anchor, Aspect, DateMention, Offset, Relative, Unit};

/// An absolute date as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Written {
    pub year: Option<i16>,
    pub month: Option<i8>,
    pub day: Option<i8>,
}

/// What a relative expression counts from, before resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RelAnchor {
    Document,
    /// The previous claim, or the event named after the expression when `event` is set.
    Previous,
    /// The event named in the tokens after the expression.
    Event,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Rel {
    /// A calendar period named from the anchor ("this week", "last month"), not an offset.
    pub period: bool,
    pub amount: Option<i32>,
    pub unit: Unit,
    pub weekday: Option<Weekday>,
    pub anchor: RelAnchor,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateExpr {
    Absolute(Written),
    Relative(Rel),
}

pub(crate) fn weekday_of(n: u32) -> Weekday {
    match n {
        0 => Weekday::Monday,
        1 => Weekday::Tuesday,
        2 => Weekday::Wednesday,
        3 => Weekday::Thursday,
        4 => Weekday::Friday,
        5 => Weekday::Saturday,
        _ => Weekday::Sunday,
    }
}

/// A capitalised month name ("September", "Sept", "Sep"), optionally followed by a full stop.
fn month<'a>(i: Toks<'a>) -> PResult<'a, i8> {
    let (i, t) = tok(|t| t.is(class::MONTH) && t.has(flag::CAP))(i)?;
    let (i, _) = opt(punct('.')).parse(i)?;
    Ok((i, t.lex.val as i8))
}

/// A month written in full ("Sept" and "Jan" alone are too often something else).
fn full_month<'a>(i: Toks<'a>) -> PResult<'a, i8> {
    let (i, t) = tok(|t| t.is(class::MONTH) && t.has(flag::CAP) && full_length(t))(i)?;
    Ok((i, t.lex.val as i8))
}

fn full_length(t: &Tok) -> bool {
    full_month_length(t.lex.val as i8, t.end - t.start)
}

/// Whether a month name of `len` bytes is written in full ("May", "June", "March").
pub(crate) fn full_month_length(month: i8, len: usize) -> bool {
    len >= 5 || (month == 5 && len == 3) || (matches!(month, 6 | 7) && len == 4)
}

/// A weekday written in full ("Sun" and "Wed" alone are too often something else).
fn weekday<'a>(i: Toks<'a>) -> PResult<'a, Weekday> {
    let (i, t) = tok(|t| t.is(class::WEEKDAY) && t.has(flag::CAP) && t.end - t.start >= 6)(i)?;
    Ok((i, weekday_of(t.lex.val)))
}

/// Digits of a token as a number, if the token is only (at most `max_len`) ASCII digits.
fn digits_value(s: &str, max_len: usize) -> Option<u32> {
    (!s.is_empty() && s.len() <= max_len && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// A day of the month: "17", "17th", "1st".
fn day<'a>(i: Toks<'a>) -> PResult<'a, i8> {
    let text = i.text;
    let (rest, t) = tok(|t| t.has(flag::DIGIT))(i)?;
    let s = text.get(t.start..t.end).unwrap_or("");
    let num = s.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &s[num.len()..];
    let suffix_ok =
        lexicon::with_lower(suffix, |l| matches!(l, b"" | b"st" | b"nd" | b"rd" | b"th"))
            .unwrap_or(false);
    match digits_value(num, 2) {
        Some(d @ 1..=31) if suffix_ok => Ok((rest, d as i8)),
        _ => Err(nom::Err::Error(())),
    }
}

/// A year: four digits from 1000 to 2999.
fn year<'a>(i: Toks<'a>) -> PResult<'a, i16> {
    let text = i.text;
    let (rest, t) = tok(|t| t.kind == Kind::Number)(i)?;
    match digits_value(text.get(t.start..t.end).unwrap_or(""), 4) {
        Some(y @ 1000..=2999) if t.end - t.start == 4 => Ok((rest, y as i16)),
        _ => Err(nom::Err::Error(())),
    }
}

/// The year of a date that names one outside the calendar ("March 3, 10000"): the mention keeps
/// its place and gets no date (never the document's year).
const NO_CALENDAR_YEAR: i16 = i16::MAX;

/// A year written after a day or a month ("September 17, 3023"): four digits from 1000 to 2999
/// as [`year`]; other four-digit years (0000 to 9999) and longer numbers only when no word
/// follows, since "September 17, 5000 troops" counts troops. A number from 10000 up is
/// [`NO_CALENDAR_YEAR`].
fn date_year<'a>(i: Toks<'a>) -> PResult<'a, i16> {
    if let Ok(found) = year(i) {
        return Ok(found);
    }
    let text = i.text;
    let (rest, t) = tok(|t| t.kind == Kind::Number)(i)?;
    let s = text.get(t.start..t.end).unwrap_or("");
    let word_follows = rest.toks.first().is_some_and(|n| n.kind == Kind::Word);
    if word_follows || s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(nom::Err::Error(()));
    }
    match digits_value(s, 4) {
        Some(y) if s.len() == 4 => Ok((rest, y as i16)),
        _ if s.len() > 4 => Ok((rest, NO_CALENDAR_YEAR)),
        _ => Err(nom::Err::Error(())),
    }
}

/// An optional leading weekday: "Wednesday, " before an absolute date.
fn weekday_prefix<'a>(i: Toks<'a>) -> PResult<'a, Option<Weekday>> {
    opt(map((weekday, opt(punct(','))), |(w, _)| w)).parse(i)
}

/// `YYYY-MM-DD` or `YYYY-MM` inside one token.
fn iso(s: &str) -> Option<Written> {
    let num = |n| {
        map_res(
            take_while_m_n(n, n, |c: char| c.is_ascii_digit()),
            str::parse::<i16>,
        )
    };
    let parsed: nom::IResult<&str, _, ()> =
        (num(4), tag("-"), num(2), opt((tag("-"), num(2)))).parse(s);
    match parsed {
        Ok(("", (y, _, m, d))) if (1..=12).contains(&m) => Some(Written {
            year: Some(y),
            month: Some(m as i8),
            day: d.map(|(_, d)| d as i8),
        }),
        _ => None,
    }
}

fn iso_date<'a>(i: Toks<'a>) -> PResult<'a, Written> {
    let text = i.text;
    let (rest, t) = tok(|t| t.kind == Kind::Word && t.has(flag::DIGIT) && t.has(flag::HYPHEN))(i)?;
    match iso(text.get(t.start..t.end).unwrap_or("")) {
        Some(w) => Ok((rest, w)),
        None => Err(nom::Err::Error(())),
    }
}

/// ", 2023" or " 2023" after a day.
fn year_suffix<'a>(i: Toks<'a>) -> PResult<'a, Option<i16>> {
    opt(map((opt(punct(',')), date_year), |(_, y)| y)).parse(i)
}

/// "September 17", "Sept. 17, 2023", "Wednesday, October 4".
fn month_day<'a>(i: Toks<'a>) -> PResult<'a, Written> {
    map((weekday_prefix, month, day, year_suffix), |(_, m, d, y)| {
        Written {
            year: y,
            month: Some(m),
            day: Some(d),
        }
    })
    .parse(i)
}

/// "17 September 2023", "17 Sept".
fn day_month<'a>(i: Toks<'a>) -> PResult<'a, Written> {
    map(
        (weekday_prefix, day, month, opt(date_year)),
        |(_, d, m, y)| Written {
            year: y,
            month: Some(m),
            day: Some(d),
        },
    )
    .parse(i)
}

/// "November 2020", "Nov. 2020".
fn month_year<'a>(i: Toks<'a>) -> PResult<'a, Written> {
    map((month, opt(punct(',')), date_year), |(m, _, y)| Written {
        year: Some(y),
        month: Some(m),
        day: None,
    })
    .parse(i)
}

/// An absolute date with a day or a year (a bare month or year needs context; see
/// [`parse_at`]).
fn absolute<'a>(i: Toks<'a>) -> PResult<'a, Written> {
    alt((iso_date, month_day, day_month, month_year)).parse(i)
}

/// A count before a unit: "two", "2", "a", "one"; `None` for "several", "a few", "few", "some".
fn count<'a>(i: Toks<'a>) -> PResult<'a, Option<i32>> {
    let text = i.text;
    alt((
        map((kw(Kw::A), kw(Kw::Few)), |_| None),
        map(alt((kw(Kw::Several), kw(Kw::Few), kw(Kw::Some))), |_| None),
        map(alt((kw(Kw::A), kw(Kw::An))), |_| Some(1)),
        map(cls(class::NUMWORD), |t| Some(t.lex.val as i32)),
        map(
            tok(move |t: &Tok| {
                t.kind == Kind::Number
                    && digits_value(text.get(t.start..t.end).unwrap_or(""), 4).is_some()
            }),
            move |t| digits_value(text.get(t.start..t.end).unwrap_or(""), 4).map(|v| v as i32),
        ),
    ))
    .parse(i)
}

fn unit<'a>(i: Toks<'a>) -> PResult<'a, (Unit, bool)> {
    map(cls(class::UNIT), |t| {
        (lexicon::unit(t.lex.val), t.is(class::PLURAL))
    })
    .parse(i)
}

/// Whether a token can start the event named after "before"/"after".
fn starts_event(t: Option<&Tok>) -> bool {
    t.is_some_and(|t| {
        t.is_word()
            && !t.is(class::CONJ)
            && !matches!(t.kw(), Kw::That | Kw::Later | Kw::Earlier | Kw::Ago)
    })
}

/// "two days before", "days after", "a day later", "one week earlier", "two years ago",
/// "three days prior to".
fn counted<'a>(i: Toks<'a>) -> PResult<'a, Rel> {
    let (i, n) = opt(count).parse(i)?;
    let (i, (u, plural)) = unit(i)?;
    let amount = n.flatten();
    // Without a count only a vague plural reads as relative ("days before").
    if n.is_none() && !plural {
        return Err(nom::Err::Error(()));
    }
    let (i, (dir, anchor)) = alt((
        map(kw(Kw::Before), |_| (-1, RelAnchor::Event)),
        map((kw(Kw::Prior), kw(Kw::To)), |_| (-1, RelAnchor::Event)),
        map(kw(Kw::After), |_| (1, RelAnchor::Event)),
        map(kw(Kw::Later), |_| (1, RelAnchor::Previous)),
        map(kw(Kw::Earlier), |_| (-1, RelAnchor::Previous)),
        map(kw(Kw::Ago), |_| (-1, RelAnchor::Document)),
    ))
    .parse(i)?;
    let anchor = match anchor {
        RelAnchor::Event if !starts_event(i.toks.first()) => RelAnchor::Previous,
        a => a,
    };
    Ok((
        i,
        Rel {
            period: false,
            amount: amount.map(|a| a * dir),
            unit: u,
            weekday: None,
            anchor,
        },
    ))
}

/// "the following day", "the next day", "the previous week", "the day before", "the day after
/// ‹event›", "the same day".
fn the_unit<'a>(i: Toks<'a>) -> PResult<'a, Rel> {
    let (i, _) = kw(Kw::The)(i)?;
    alt((
        map(
            (
                alt((
                    map(alt((kw(Kw::Following), kw(Kw::Next))), |_| 1),
                    map(alt((kw(Kw::Previous), kw(Kw::Preceding))), |_| -1),
                    map(kw(Kw::Same), |_| 0),
                )),
                unit,
            ),
            |(dir, (u, _))| Rel {
                period: false,
                amount: Some(dir),
                unit: u,
                weekday: None,
                anchor: RelAnchor::Previous,
            },
        ),
        |i| {
            let (i, (u, plural)) = unit(i)?;
            if plural {
                return Err(nom::Err::Error(()));
            }
            let (i, dir) =
                alt((map(kw(Kw::Before), |_| -1), map(kw(Kw::After), |_| 1))).parse(i)?;
            let anchor = if starts_event(i.toks.first()) {
                RelAnchor::Event
            } else {
                RelAnchor::Previous
            };
            Ok((
                i,
                Rel {
                    period: false,
                    amount: Some(dir),
                    unit: u,
                    weekday: None,
                    anchor,
                },
            ))
        },
    ))
    .parse(i)
}

/// "last month", "next year", "this week".
fn deictic<'a>(i: Toks<'a>) -> PResult<'a, Rel> {
    map(
        (
            alt((
                map(kw(Kw::Last), |_| -1),
                map(kw(Kw::Next), |_| 1),
                map(kw(Kw::This), |_| 0),
            )),
            unit,
        ),
        |(dir, (u, _))| Rel {
            period: true,
            amount: Some(dir),
            unit: u,
            weekday: None,
            anchor: RelAnchor::Document,
        },
    )
    .parse(i)
    .and_then(|(rest, r)| {
        // "last months" is not a date.
        if i.toks.get(1).is_some_and(|t| t.is(class::PLURAL)) {
            Err(nom::Err::Error(()))
        } else {
            Ok((rest, r))
        }
    })
}

/// "yesterday", "today", "tomorrow".
fn day_word<'a>(i: Toks<'a>) -> PResult<'a, Rel> {
    alt((
        map(kw(Kw::Yesterday), |_| -1),
        map(kw(Kw::Today), |_| 0),
        map(kw(Kw::Tomorrow), |_| 1),
    ))
    .parse(i)
    .map(|(rest, n)| {
        (
            rest,
            Rel {
                period: false,
                amount: Some(n),
                unit: Unit::Day,
                weekday: None,
                anchor: RelAnchor::Document,
            },
        )
    })
}

/// "on Wednesday", "last Wednesday", "next Friday", "Wednesday".
fn weekday_expr<'a>(i: Toks<'a>) -> PResult<'a, Rel> {
    let (i, dir) = opt(alt((
        map(kw(Kw::On), |_| 0),
        map(kw(Kw::Last), |_| -1),
        map(kw(Kw::Next), |_| 1),
        map(kw(Kw::This), |_| 0),
    )))
    .parse(i)?;
    let (i, w) = weekday(i)?;
    Ok((
        i,
        Rel {
            period: false,
            amount: Some(dir.unwrap_or(0)),
            unit: Unit::Day,
            weekday: Some(w),
            anchor: RelAnchor::Document,
        },
    ))
}

fn relative<'a>(i: Toks<'a>) -> PResult<'a, Rel> {
    alt((weekday_expr, deictic, day_word, the_unit, counted)).parse(i)
}

/// A date expression at the start of `toks` (`prev` is the token before it, for context).
/// Returns the number of tokens it spans (including a leading "since") and whether it is
/// a "since" date.
pub(crate) fn parse_at(toks: Toks<'_>, prev: Option<&Tok>) -> Option<(usize, DateExpr, bool)> {
    let first = toks.toks.first()?;
    // Cheap gate: only some tokens can start a date.
    let gate = first.is(class::MONTH | class::WEEKDAY | class::NUMWORD | class::UNIT)
        || first.has(flag::DIGIT)
        || matches!(
            first.kw(),
            Kw::Since
                | Kw::On
                | Kw::Last
                | Kw::Next
                | Kw::This
                | Kw::Yesterday
                | Kw::Today
                | Kw::Tomorrow
                | Kw::The
                | Kw::A
                | Kw::An
                | Kw::Several
                | Kw::Few
                | Kw::Some
        );
    if !gate {
        return None;
    }
    let (since, body, prev) = match first.kw() {
        Kw::Since => (true, toks.take_from(1), Some(first)),
        _ => (false, toks, prev),
    };
    let len = toks.toks.len();
    let consumed = |rest: Toks<'_>| len - rest.toks.len();
    if let Ok((rest, w)) = absolute(body) {
        return Some((consumed(rest), DateExpr::Absolute(w), since));
    }
    if let Ok((rest, r)) = relative(body) {
        return Some((consumed(rest), DateExpr::Relative(r), since));
    }
    // A bare month after a preposition: "in September", "since March".
    let after_prep = prev.is_some_and(|p| {
        matches!(
            p.kw(),
            Kw::In
                | Kw::Since
                | Kw::Until
                | Kw::During
                | Kw::By
                | Kw::From
                | Kw::Early
                | Kw::Late
                | Kw::Mid
                | Kw::Of
                | Kw::Before
                | Kw::After
        )
    });
    if after_prep && let Ok((rest, m)) = full_month(body) {
        return Some((
            consumed(rest),
            DateExpr::Absolute(Written {
                year: None,
                month: Some(m),
                day: None,
            }),
            since,
        ));
    }
    // A bare year, unless it counts something ("over 2000 people" has a qualifier).
    let counting = prev.is_some_and(|p| {
        p.is(class::QUAL) || matches!(p.kw(), Kw::Than | Kw::To | Kw::Least) || p.is_punct('$')
    });
    if !counting && let Ok((rest, y)) = year(body) {
        let next = rest.toks.first();
        let counts = next.is_some_and(|t| {
            t.is_punct('%') || t.is(class::MULT | class::UNIT) || t.kw() == Kw::Percent
        });
        if !counts && crate::text::is_bare_year(f64::from(y)) {
            return Some((
                consumed(rest),
                DateExpr::Absolute(Written {
                    year: Some(y),
                    month: None,
                    day: None,
                }),
                since,
            ));
        }
    }
    None
}

/// The precision of a written date.
fn written_precision(w: &Written) -> Precision {
    match (w.month, w.day) {
        (Some(_), Some(_)) => Precision::Day,
        (Some(_), None) => Precision::Month,
        _ => Precision::Year,
    }
}

/// Resolves a written date: with its own year, or the latest one not after the document date.
pub(crate) fn resolve_written(w: &Written, doc: Option<Date>) -> Option<PartialDate> {
    match (w.year, w.month, w.day) {
        (Some(y), Some(m), Some(d)) => PartialDate::ymd(y, m, d).ok(),
        (Some(y), Some(m), None) => PartialDate::month(y, m),
        (Some(y), None, _) => PartialDate::year(y),
        // The latest such date not after the document date (the calendar's year rule).
        (None, Some(m), day) => factcheck_model::calendar::latest_not_after(m, day, doc?),
        (None, None, _) => None,
    }
}

fn precision_of(unit: Unit) -> Precision {
    match unit {
        Unit::Day | Unit::Week => Precision::Day,
        Unit::Month => Precision::Month,
        Unit::Year => Precision::Year,
    }
}

/// Adds `amount` units to a day and cuts the result to the unit's precision.
fn shift(base: Date, amount: i32, unit: Unit) -> Option<PartialDate> {
    let date = match unit {
        Unit::Day => base.checked_add(amount.days()).ok()?,
        Unit::Week => base.checked_add(amount.weeks()).ok()?,
        Unit::Month => base.first_of_month().checked_add(amount.months()).ok()?,
        Unit::Year => base.first_of_month().checked_add(amount.years()).ok()?,
    };
    Some(PartialDate::day(date).truncate(precision_of(unit)))
}

/// The weekday `w` relative to `base`: 0 = latest on or before, -1 = latest before, +1 = first
/// after.
fn weekday_from(base: Date, w: Weekday, dir: i32) -> Option<Date> {
    match dir {
        0 if base.weekday() == w => Some(base),
        0 | -1 => base.nth_weekday(-1, w).ok(),
        _ => base.nth_weekday(1, w).ok(),
    }
}

/// Resolves a relative expression against its base day (document date, previous claim's day or
/// the event's day).
pub(crate) fn resolve_relative(rel: &Rel, base: Option<PartialDate>) -> Option<PartialDate> {
    // Dates are years 0 to 9999: "yesterday" of 0000-01-01 is no date (not -0001-12-31).
    resolve_relative_any(rel, base).filter(|d| (0..=9999).contains(&d.first().year()))
}

fn resolve_relative_any(rel: &Rel, base: Option<PartialDate>) -> Option<PartialDate> {
    let amount = rel.amount?;
    let base = base?;
    if let Some(w) = rel.weekday {
        return weekday_from(base.as_day()?, w, amount).map(PartialDate::day);
    }
    match rel.unit {
        // "this week", "last week": a week is no day, month or year.
        Unit::Week if rel.period => None,
        // A month or a year counts from a base of at least that precision.
        Unit::Month if base.precision() >= Precision::Month => {
            shift(base.first(), amount, Unit::Month)
        }
        Unit::Year => shift(base.first(), amount, Unit::Year),
        Unit::Day | Unit::Week => shift(base.as_day()?, amount, rel.unit),
        Unit::Month => None,
    }
}

/// Builds the mention value of a date expression.
pub(crate) fn mention(
    expr: &DateExpr,
    since: bool,
    doc: Option<Date>,
    anchor: Anchor,
    base: Option<PartialDate>,
) -> DateMention {
    match expr {
        DateExpr::Absolute(w) => DateMention {
            date: resolve_written(w, doc),
            precision: written_precision(w),
            since,
            relative: None,
            aspect: Aspect::Point,
            after_verb: false,
        },
        DateExpr::Relative(rel) => {
            let precision = if rel.weekday.is_some() {
                Precision::Day
            } else {
                precision_of(rel.unit)
            };
            let date = match anchor {
                Anchor::Unresolved { .. } => None,
                _ => resolve_relative(rel, base),
            };
            // A week-based date has no precision of its own: keep the day only for whole days.
            DateMention {
                date,
                precision,
                since,
                relative: Some(Relative {
                    offset: Offset {
                        amount: rel.amount,
                        unit: rel.unit,
                        weekday: rel.weekday,
                    },
                    anchor,
                }),
                aspect: Aspect::Point,
                after_verb: false,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn at(text: &str) -> Option<(String, DateExpr, bool)> {
        let mut toks = Vec::new();
        tokenize(text, 0, text.len(), &mut toks);
        let (n, e, since) = parse_at(Toks::new(&toks, text), None)?;
        Some((text[toks[0].start..toks[n - 1].end].to_string(), e, since))
    }

    fn doc() -> Option<Date> {
        Some(jiff::civil::date(2023, 10, 5))
    }

    fn abs(text: &str) -> (String, Option<String>) {
        let (s, e, _) = at(text).expect(text);
        let DateExpr::Absolute(w) = e else {
            panic!("{text}: {e:?}")
        };
        (s, resolve_written(&w, doc()).map(|d| d.to_string()))
    }

    #[test]
    fn absolute_dates() {
        assert_eq!(
            abs("September 17 in"),
            ("September 17".into(), Some("2023-09-17".into()))
        );
        assert_eq!(
            abs("17 September 2023."),
            ("17 September 2023".into(), Some("2023-09-17".into()))
        );
        assert_eq!(
            abs("Sept. 17, 2021"),
            ("Sept. 17, 2021".into(), Some("2021-09-17".into()))
        );
        assert_eq!(
            abs("2023-09-17"),
            ("2023-09-17".into(), Some("2023-09-17".into()))
        );
        assert_eq!(
            abs("November 2020,"),
            ("November 2020".into(), Some("2020-11".into()))
        );
        assert_eq!(abs("2020 and"), ("2020".into(), Some("2020".into())));
        assert_eq!(
            abs("Wednesday, October 4"),
            ("Wednesday, October 4".into(), Some("2023-10-04".into()))
        );
        assert_eq!(
            abs("17th September"),
            ("17th September".into(), Some("2023-09-17".into()))
        );
    }

    #[test]
    fn a_date_without_year_is_the_latest_not_after_the_document_date() {
        assert_eq!(abs("December 3").1.as_deref(), Some("2022-12-03"));
        assert_eq!(abs("October 5").1.as_deref(), Some("2023-10-05"));
        assert_eq!(abs("October 6").1.as_deref(), Some("2022-10-06"));
        assert_eq!(abs("February 29").1.as_deref(), Some("2020-02-29"));
        let w = Written {
            year: None,
            month: Some(9),
            day: Some(17),
        };
        assert_eq!(resolve_written(&w, None), None);
    }

    #[test]
    fn impossible_days_are_not_resolved() {
        assert_eq!(abs("February 30, 2023").1, None);
    }

    fn rel(text: &str) -> (String, Rel, bool) {
        let (s, e, since) = at(text).expect(text);
        let DateExpr::Relative(r) = e else {
            panic!("{text}: {e:?}")
        };
        (s, r, since)
    }

    #[test]
    fn relative_dates() {
        let (s, r, since) = rel("since last year, the");
        assert_eq!(
            (s.as_str(), r.amount, r.unit, since),
            ("since last year", Some(-1), Unit::Year, true)
        );
        let (s, r, _) = rel("on Wednesday citing");
        assert_eq!(
            (s.as_str(), r.weekday),
            ("on Wednesday", Some(Weekday::Wednesday))
        );
        let (s, r, _) = rel("two days before Baku launched");
        assert_eq!(
            (s.as_str(), r.amount, r.anchor),
            ("two days before", Some(-2), RelAnchor::Event)
        );
        let (s, r, _) = rel("days before Baku's attack");
        assert_eq!(
            (s.as_str(), r.amount, r.anchor),
            ("days before", None, RelAnchor::Event)
        );
        let (s, r, _) = rel("one day later with");
        assert_eq!(
            (s.as_str(), r.amount, r.anchor),
            ("one day later", Some(1), RelAnchor::Previous)
        );
        let (s, r, _) = rel("a day later");
        assert_eq!((s.as_str(), r.amount), ("a day later", Some(1)));
        let (s, r, _) = rel("the following day.");
        assert_eq!(
            (s.as_str(), r.amount, r.anchor),
            ("the following day", Some(1), RelAnchor::Previous)
        );
        let (s, r, _) = rel("two weeks ago");
        assert_eq!(
            (s.as_str(), r.amount, r.unit, r.anchor),
            ("two weeks ago", Some(-2), Unit::Week, RelAnchor::Document)
        );
        let (_, r, _) = rel("yesterday");
        assert_eq!(r.amount, Some(-1));
        let (_, r, _) = rel("the day before, the");
        assert_eq!(r.anchor, RelAnchor::Previous);
        assert!(at("the day").is_none());
        assert!(at("last months").is_none());
        assert!(at("six days").is_none());
    }

    #[test]
    fn resolution() {
        let d = doc().map(PartialDate::day);
        let r = |text: &str| resolve_relative(&rel(text).1, d).map(|d| d.to_string());
        assert_eq!(r("on Wednesday").as_deref(), Some("2023-10-04"));
        assert_eq!(r("on Thursday").as_deref(), Some("2023-10-05"));
        assert_eq!(r("last Thursday").as_deref(), Some("2023-09-28"));
        assert_eq!(r("last month").as_deref(), Some("2023-09"));
        assert_eq!(r("last year").as_deref(), Some("2022"));
        assert_eq!(r("yesterday").as_deref(), Some("2023-10-04"));
        assert_eq!(r("two weeks ago").as_deref(), Some("2023-09-21"));
        assert_eq!(r("last week"), None);
        assert_eq!(r("this year").as_deref(), Some("2023"));
        let month: PartialDate = "2023-09".parse().unwrap();
        assert_eq!(resolve_relative(&rel("one day later").1, Some(month)), None);
    }

    #[test]
    fn years_that_count_are_not_dates() {
        let text = "over 2000 people";
        let mut toks = Vec::new();
        tokenize(text, 0, text.len(), &mut toks);
        assert!(parse_at(Toks::new(&toks[1..], text), Some(&toks[0])).is_none());
        assert!(at("2000 percent").is_none());
    }
}
