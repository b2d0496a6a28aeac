//! Dates, relations between events, and durations.

use factcheck_claims::{
    Anchor, Aspect, Claim, DateMention, Duration, Elapsed, Mention, MentionValue, Offset, Unit,
};
use factcheck_model::calendar::{Bound, DayCount, days_between, duration_matches, weekday_name};
use factcheck_model::{Date, PartialDate, Related, Span, Weekday};

use super::{
    Ctx, Outcome, Status, anchor_event, is_count_hit, is_event_hit, nearest, own_event,
    previous_statements,
};
use crate::base::{Body, FactBase};
use crate::format::is_day;
use crate::index::Hit;
use crate::text::format_amount;

/// "2 days before", "1 day after", "on the same day as".
fn describe_gap(days: i64) -> String {
    let n = days.unsigned_abs();
    let unit = if n == 1 { "day" } else { "days" };
    match days.signum() {
        0 => "on the same day as".into(),
        -1 => format!("{n} {unit} before"),
        _ => format!("{n} {unit} after"),
    }
}

fn found_date(m: &Mention, resolved: PartialDate) -> String {
    let r = resolved.to_string();
    if m.text.trim() == r {
        r
    } else {
        format!("{} ({r})", m.text.trim())
    }
}

/// Whether a date can be compared with the fact of this hit: any event; with "since", also a
/// count that has a `since` date.
pub(crate) fn can_date(base: &FactBase, d: &DateMention, h: &Hit) -> bool {
    is_event_hit(base, h)
        || (d.since
            && is_count_hit(base, h)
            && base.fact(h.fact).count().is_some_and(|c| c.since.is_some()))
}

/// `pair`: the hit the date is compared with, when it is absolute (see `pairing`).
pub(super) fn check_date(
    ctx: &Ctx,
    i: usize,
    m: &Mention,
    d: &DateMention,
    pair: Option<Hit>,
) -> Option<Outcome> {
    let hits = &ctx.scans[i].hits;
    match d.relative.as_ref().map(|r| (&r.anchor, r.offset)) {
        Some((Anchor::Unresolved { text }, _)) => Some(Outcome::new(
            Status::Unknown,
            "event-relation",
            m.span,
            format!(
                "`{}` counts from `{}`, which does not say which event it means",
                m.text.trim(),
                text.trim()
            ),
        )),
        Some((Anchor::Previous, offset)) => {
            // The nearest earlier statement that names an event or dates something.
            let anchor = previous_statements(ctx.doc, i).find_map(|(j, c)| {
                let dated = c
                    .mentions
                    .iter()
                    .any(|o| matches!(o.value, MentionValue::Date(_)));
                match ctx.scans[j].subject {
                    Some(f) => Some(Some((c, f))),
                    None if dated => Some(None),
                    None => None,
                }
            });
            let Some(Some((prev, anchor))) = anchor else {
                let why = if anchor.is_some() {
                    "the claim before it dates an event no rule knows"
                } else {
                    "no earlier claim names an event"
                };
                return Some(Outcome::new(
                    Status::Unknown,
                    "event-relation",
                    m.span,
                    format!(
                        "`{}` counts from the claim before, but {why}",
                        m.text.trim()
                    ),
                ));
            };
            let own = nearest(hits, m.span, |h| {
                is_event_hit(ctx.base, h) && h.fact != anchor
            });
            let related = Related {
                span: prev.span,
                message: format!("`{}` counts from the event of this claim", m.text.trim()),
            };
            relation(ctx, m, offset, own.map(|h| h.fact), anchor, related)
        }
        Some((Anchor::Event { text, span }, offset)) => {
            let Some(anchor) = anchor_event(ctx.base, text, *span) else {
                return Some(Outcome::new(
                    Status::Unknown,
                    "event-relation",
                    m.span,
                    format!(
                        "no rule knows the event `{}` that `{}` counts from",
                        text.trim(),
                        m.text.trim()
                    ),
                ));
            };
            let own = own_event(ctx.base, hits, m, d);
            let related = Related {
                span: *span,
                message: format!("`{}` counts from this event", m.text.trim()),
            };
            relation(ctx, m, offset, own.map(|h| h.fact), anchor.fact, related)
        }
        Some((Anchor::Document { .. }, offset)) => absolute(ctx, m, d, offset.weekday, pair?),
        None => absolute(ctx, m, d, None, pair?),
    }
}

/// A date (absolute, or resolved against the document date) against the nearest event, or the
/// start of the nearest count when the date opens a "since" interval.
fn absolute(
    ctx: &Ctx,
    m: &Mention,
    d: &DateMention,
    weekday: Option<Weekday>,
    hit: Hit,
) -> Option<Outcome> {
    let base = ctx.base;
    let fact = ctx.fact(hit.fact);
    let Some(resolved) = d.date else {
        return Some(match (weekday, fact.event().and_then(|e| e.point())) {
            (Some(w), Some(p)) if is_day(&p) => {
                let actual = p.first().weekday();
                let status = if actual == w {
                    Status::Holds
                } else {
                    Status::Fails
                };
                let message = if status == Status::Holds {
                    format!(
                        "{} was on {p}, a {}: `{}` holds",
                        fact.name(),
                        weekday_name(actual),
                        m.text.trim()
                    )
                } else {
                    format!(
                        "{} was on {p}, a {}, not a {} (`{}`)",
                        fact.name(),
                        weekday_name(actual),
                        weekday_name(w),
                        m.text.trim()
                    )
                };
                Outcome::new(status, "event-date", m.span, message)
                    .fact(base, hit.fact)
                    .expected(format!("{p} ({})", weekday_name(actual)))
                    .found(m.text.trim())
            }
            _ => Outcome::new(
                Status::Unknown,
                "event-date",
                m.span,
                format!("no document date to resolve `{}` against", m.text.trim()),
            )
            .fact(base, hit.fact),
        });
    };
    // What the fact says: a point (one day, or the start of a "since"), or an interval. A date
    // a verb of beginning or ending governs speaks of the start or the end.
    let (first, last, desc, point, check) = match &fact.body {
        Body::Event(e) if d.aspect == Aspect::Begin && e.date.is_none() && e.start.is_some() => {
            let s = e.start?.get();
            (
                s.first(),
                s.last(),
                format!("began {s}"),
                true,
                "event-date",
            )
        }
        Body::Event(e) if d.aspect == Aspect::End && e.date.is_none() && e.start.is_some() => {
            match e.end {
                Some(x) => {
                    let x = x.get();
                    (
                        x.first(),
                        x.last(),
                        format!("ended {x}"),
                        true,
                        "event-date",
                    )
                }
                None => {
                    return Some(
                        Outcome::new(
                            Status::Unknown,
                            "event-date",
                            m.span,
                            format!(
                                "the rules give {} no end (it began {})",
                                fact.name(),
                                e.start?.get()
                            ),
                        )
                        .fact(base, hit.fact),
                    );
                }
            }
        }
        Body::Event(e) => match (e.date, e.start, e.end) {
            (Some(p), _, _) => (
                p.get().first(),
                p.get().last(),
                p.get().to_string(),
                true,
                "event-date",
            ),
            (None, Some(s), _) if d.since => (
                s.get().first(),
                s.get().last(),
                format!("began {}", s.get()),
                true,
                "event-date",
            ),
            (None, Some(s), Some(e)) => (
                s.get().first(),
                e.get().last(),
                format!("{} to {}", s.get(), e.get()),
                false,
                "event-date",
            ),
            (None, Some(s), None) => (
                s.get().first(),
                Date::MAX,
                format!("since {}", s.get()),
                false,
                "event-date",
            ),
            (None, None, _) => return None,
        },
        Body::Count(c) => {
            let s = c.since?.get();
            (
                s.first(),
                s.last(),
                format!("counted since {s}"),
                true,
                "count-since",
            )
        }
        Body::Office(_) => return None,
    };
    let (cf, cl) = (resolved.first(), resolved.last());
    let disjoint = cl < first || last < cf;
    let status = if disjoint {
        Status::Fails
    } else if !point || (cf <= first && last <= cl) {
        Status::Holds
    } else {
        Status::Unknown
    };
    let found = found_date(m, resolved);
    let wd_note = |date: Date| {
        weekday
            .map(|_| format!(", a {}", weekday_name(date.weekday())))
            .unwrap_or_default()
    };
    let name = fact.name();
    let message = match status {
        Status::Holds => format!("{name}: {desc}; `{}` holds", found),
        Status::Fails => {
            let note = if point && first == last {
                wd_note(first)
            } else {
                String::new()
            };
            format!("{name}: {desc}{note}, not {found}")
        }
        Status::Unknown => format!(
            "the rules give {name} only as {desc}, less precisely than `{}`",
            m.text.trim()
        ),
    };
    Some(
        Outcome::new(status, check, m.span, message)
            .fact(base, hit.fact)
            .expected(desc)
            .found(found),
    )
}

/// Direction a vague relation states: -1 "before", +1 "after", `None` when it does not say.
fn direction(text: &str) -> Option<i64> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).collect();
    let has = |ws: &[&str]| words.iter().any(|w| ws.contains(w));
    if has(&["before", "earlier", "prior", "ago", "preceding"]) {
        Some(-1)
    } else if has(&["after", "later", "following", "afterwards"]) {
        Some(1)
    } else {
        None
    }
}

/// The claim's own event against the anchor event moved by the offset.
fn relation(
    ctx: &Ctx,
    m: &Mention,
    offset: Offset,
    own: Option<u32>,
    anchor: u32,
    related: Related,
) -> Option<Outcome> {
    let base = ctx.base;
    let anchor_fact = ctx.fact(anchor);
    let Some(own) = own else {
        return Some(
            Outcome::new(
                Status::Unknown,
                "event-relation",
                m.span,
                format!(
                    "no rule knows the event that `{}` dates (counting from {})",
                    m.text.trim(),
                    anchor_fact.name()
                ),
            )
            .fact(base, anchor),
        );
    };
    let own_fact = ctx.fact(own);
    let day = |f: u32| {
        ctx.fact(f)
            .event()
            .and_then(|e| e.point())
            .filter(is_day)
            .map(|p| p.first())
    };
    let (Some(od), Some(ad)) = (day(own), day(anchor)) else {
        return Some(
            Outcome::new(
                Status::Unknown,
                "event-relation",
                m.span,
                format!(
                    "the rules do not date both {} and {} to the day",
                    own_fact.name(),
                    anchor_fact.name()
                ),
            )
            .fact(base, own)
            .fact(base, anchor),
        );
    };
    let gap = days_between(ad, od);
    let value = gap as f64 / offset.unit.mean_days();
    let holds = match offset.amount {
        Some(a) if offset.unit == Unit::Day => gap == i64::from(a),
        Some(a) => (value - f64::from(a)).abs() <= 0.5,
        None => {
            let size = value.abs().round();
            let dir_ok = direction(&m.text).is_none_or(|s| gap.signum() == s);
            (2.0..=6.0).contains(&size) && dir_ok
        }
    };
    let mut describe = describe_gap(gap);
    if offset.unit != Unit::Day && gap != 0 {
        describe = format!(
            "{describe} ({} {})",
            format_amount(value.abs()),
            offset.unit.name(true)
        );
    }
    let expected = format!("{od}: {describe} {} ({ad})", anchor_fact.name());
    let message = if holds {
        format!(
            "{} ({od}) was {describe} {} ({ad}): `{}` holds",
            own_fact.name(),
            anchor_fact.name(),
            m.text.trim()
        )
    } else {
        format!(
            "{} ({od}) was {describe} {} ({ad}), not `{}`",
            own_fact.name(),
            anchor_fact.name(),
            m.text.trim()
        )
    };
    let mut out = Outcome::new(
        if holds { Status::Holds } else { Status::Fails },
        "event-relation",
        m.span,
        message,
    )
    .fact(base, own)
    .fact(base, anchor)
    .expected(expected)
    .found(m.text.trim());
    out.related.push(related);
    Some(out)
}

/// "one day later" is a relation, checked as a date: its reading as a duration is not a length.
pub(crate) fn is_relation_length(claim: &Claim, m: &Mention) -> bool {
    claim.mentions.iter().any(|o| {
        matches!(&o.value, MentionValue::Date(d) if d.relative.is_some())
            && o.span.start < m.span.end
            && m.span.start < o.span.end
    })
}

/// Whether a stated amount of `unit`s, with its qualifier, agrees with a true length given as a
/// range of days `[lo, hi]` (one value for an event dated to the day): the one rounding rule,
/// [`duration_matches`], at some length in the range, counting both ends allowed for days.
pub(crate) fn amount_holds(du: &Duration, lo: i64, hi: i64) -> bool {
    let bound = du.qualifier.bound();
    if lo == hi {
        return duration_matches(lo, du.amount, du.unit, bound, DayCount::EitherEnd);
    }
    // A range of lengths: the bound's extremes and, for a near amount, the stated length
    // itself when it falls inside the range.
    let stated = (du.amount * du.unit.mean_days()).round() as i64;
    [lo, hi, stated.clamp(lo, hi)]
        .into_iter()
        .any(|d| duration_matches(d, du.amount, du.unit, bound, DayCount::EitherEnd))
}

/// "more than ", "at most ", "nearly " or nothing: how a message restates a duration's bound.
fn bound_words(du: &Duration) -> &'static str {
    match du.qualifier.bound() {
        Bound::AtLeast => "at least ",
        Bound::AtMost => "at most ",
        Bound::Nearly => "nearly ",
        Bound::Near => "",
    }
}

/// A duration ("six-week conflict") against the nearest event in its clause that has a start.
pub(super) fn check_duration(ctx: &Ctx, i: usize, m: &Mention, du: &Duration) -> Option<Outcome> {
    let claim = &ctx.doc.claims[i];
    let base = ctx.base;
    let hits = &ctx.scans[i].hits;
    let own = claim.clause_of(m.span.start, m.span.end);
    let hit = nearest(hits, m.span, |h| {
        is_event_hit(base, h)
            && base.fact(h.fact).event().is_some_and(|e| e.start.is_some())
            && claim.clause_of(h.start, h.end) == own
    })?;
    let fact = ctx.fact(hit.fact);
    let e = fact.event()?;
    let unit = du.unit;
    let (Some(start), Some(end)) = (e.start.map(|s| s.get()), e.end.map(|s| s.get())) else {
        return Some(
            Outcome::new(
                Status::Unknown,
                "duration",
                m.span,
                format!(
                    "the rules give no end for {}: its length cannot be checked",
                    fact.name()
                ),
            )
            .fact(base, hit.fact),
        );
    };
    if !is_day(&start) || !is_day(&end) {
        return Some(
            Outcome::new(
                Status::Unknown,
                "duration",
                m.span,
                format!("the rules do not date {} to the day", fact.name()),
            )
            .fact(base, hit.fact),
        );
    }
    let days = days_between(start.first(), end.first());
    let value = days as f64 / unit.mean_days();
    let holds = amount_holds(du, days, days);
    let length = if unit == Unit::Day {
        factcheck_model::count(days.unsigned_abs(), "day", "days")
    } else {
        let amount = format_amount(value);
        format!(
            "{} ({amount} {})",
            factcheck_model::count(days.unsigned_abs(), "day", "days"),
            unit.name(amount != "1")
        )
    };
    let expected = format!("{length}: {start} to {end}");
    let message = if holds {
        format!("{} lasted {length}: `{}` holds", fact.name(), m.text.trim())
    } else {
        format!(
            "{} lasted {length}, not {}{} {} (`{}`)",
            fact.name(),
            bound_words(du),
            format_amount(du.amount),
            unit.name(du.amount != 1.0),
            m.text.trim()
        )
    };
    Some(
        Outcome::new(
            if holds { Status::Holds } else { Status::Fails },
            "duration",
            m.span,
            message,
        )
        .fact(base, hit.fact)
        .expected(expected)
        .found(m.text.trim()),
    )
}

/// The reference date of a claim: a resolved date of the mention's clause that no event of
/// the rules is dated by ("in 1922", "when she took office in 2011"), else the document date.
/// Returns the first and last day it may mean, and how to say it with its preposition
/// ("on 2023-10-05", "in 1922").
pub(crate) fn reference_date(ctx: &Ctx, i: usize, span: Span) -> Option<(Date, Date, String)> {
    let claim = &ctx.doc.claims[i];
    let own = claim.clause_of(span.start, span.end);
    let in_clause = claim.mentions.iter().find_map(|o| match &o.value {
        MentionValue::Date(d)
            if !d.since
                && d.relative.is_none()
                && claim.clause_of(o.span.start, o.span.end) == own =>
        {
            d.date
        }
        _ => None,
    });
    match in_clause {
        Some(p) if is_day(&p) => Some((p.first(), p.last(), format!("on {p}"))),
        Some(p) => Some((p.first(), p.last(), format!("in {p}"))),
        None => ctx.date().map(|d| (d, d, format!("on {d}"))),
    }
}

/// An elapsed time ("in the 90 years since ‹event›", "for the past ten years") from the event's
/// date (or start) to the reference date.
pub(super) fn check_elapsed(ctx: &Ctx, i: usize, m: &Mention, du: &Duration) -> Option<Outcome> {
    let base = ctx.base;
    let claim = &ctx.doc.claims[i];
    let text = m.text.trim();
    let hit = match du.elapsed.as_ref()? {
        Elapsed::Since { text, span } => anchor_event(base, text, *span),
        Elapsed::Past => {
            let own = claim.clause_of(m.span.start, m.span.end);
            nearest(&ctx.scans[i].hits, m.span, |h| {
                is_event_hit(base, h) && claim.clause_of(h.start, h.end) == own
            })
            .copied()
        }
    }?;
    let fact = ctx.fact(hit.fact);
    let e = fact.event()?;
    let from = e.date.or(e.start).map(|p| p.get())?;
    let Some((ref_first, ref_last, ref_desc)) = reference_date(ctx, i, m.span) else {
        return Some(
            Outcome::new(
                Status::Unknown,
                "elapsed",
                m.span,
                format!("no document date to count `{text}` up to"),
            )
            .fact(base, hit.fact),
        );
    };
    let lo = days_between(from.last(), ref_first);
    let hi = days_between(from.first(), ref_last);
    let unit = du.unit;
    let holds = amount_holds(du, lo, hi);
    let (l, h) = (lo as f64 / unit.mean_days(), hi as f64 / unit.mean_days());
    let span_desc = if (h - l).abs() < 0.05 {
        format!("{} {}", format_amount(l), unit.name(true))
    } else {
        format!(
            "{} to {} {}",
            format_amount(l.max(0.0)),
            format_amount(h),
            unit.name(true)
        )
    };
    let expected = format!("{span_desc}: from {from} to the time of the sentence ({ref_desc})");
    let message = if holds {
        format!(
            "{} was {from}, {span_desc} before the time of the sentence ({ref_desc}): `{text}` holds",
            fact.name()
        )
    } else {
        format!(
            "{} was {from}, {span_desc} before the time of the sentence ({ref_desc}), not {}{} {} (`{text}`)",
            fact.name(),
            bound_words(du),
            format_amount(du.amount),
            unit.name(du.amount != 1.0)
        )
    };
    Some(
        Outcome::new(
            if holds { Status::Holds } else { Status::Fails },
            "elapsed",
            m.span,
            message,
        )
        .fact(base, hit.fact)
        .expected(expected)
        .found(text),
    )
}
