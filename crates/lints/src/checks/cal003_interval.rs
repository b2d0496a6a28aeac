//! # CAL003 `interval`: an interval or duration the draft's own dates contradict
//!
//! ## What it checks
//! Three forms, each only where the draft itself dates both ends:
//!
//! - **between two dated events**: a day date followed by "N days (weeks, months, years)
//!   before/after" an event the same sentence dates ("met on September 17, three days before the
//!   offensive began on September 19");
//! - **a duration**: a sentence that dates a start ("began on", "from") and an end ("ended on",
//!   "to") and says how long it "lasted" ("the war, which began on 27 September and ended on 10
//!   November, lasted three months"), or calls it a "six-week war, which began …";
//! - **"one day later"**: "N days later", "the following day", "the next day" (and the grammar's
//!   relative dates anchored on the previous claim) next to a day date of their own, where the
//!   anchor is the only day date earlier in the sentence or, failing that, the only day date of
//!   the previous claim ("… on September 30. One day later, on October 2, …").
//!
//! Lengths follow the rounding rule the rules checker uses: a stated length of N units holds when
//! the real length in days divided by the unit (1, 7, 30.44 or 365.25 days) lies within half a unit
//! of N, that is, when it rounds to N. Days must match exactly (a duration may also count both
//! ends: 27 September to 10 November is 44 days, and "45 days" is accepted too). "More than",
//! "nearly", "less than" move the bound accordingly; "about", "some" and other vague amounts of
//! days are left alone. A date without a year is read in the year nearest the other end; with no
//! year at all and no document date, the check fires only if both a common and a leap year fail.
//!
//! ## Why
//! When a draft dates both ends of an interval, the interval it states is arithmetic the reader
//! can redo, and a wrong one means one of the three numbers is wrong. The same span is shown with
//! both dates, so the editor sees which to fix.
//!
//! ## Example
//! ```text
//! The officials met on September 17, three days before the offensive began on September 19.
//! ```
//! September 17 is 2 days before September 19, not three.

use factcheck_claims::{Anchor, ClaimKind, MentionValue, Unit};
use factcheck_model::{Date, Related};

use super::{Amount, amount_at, bound_before, day_pairs, has_break, lower_first, years_known};
use crate::Finding;
use crate::calendar::{self, Bound, DayCount, days_between, duration_matches, show_length};
use crate::ctx::{Ctx, DateAt, Segment};

pub const CODE: &str = "CAL003";

/// How many tokens may separate "three days before" from the date of its event.
const EVENT_WINDOW: usize = 16;

pub fn run(ctx: &Ctx<'_>, seg: &Segment<'_>, out: &mut Vec<Finding>) {
    // Every form needs a date of the segment's own.
    if seg.dates.is_empty() {
        return;
    }
    if seg.dates.len() >= 2 {
        between(ctx, seg, out);
        duration(ctx, seg, out);
    }
    later(ctx, seg, out);
}

/// A word of a qualifier (the grammar's) or "only", which stand between a date or a verb and
/// the amount after it ("three days before", "lasted more than six weeks").
fn steps_over(t: &crate::text::Tok<'_>) -> bool {
    t.kind == crate::text::Kind::Word
        && (factcheck_claims::text::is_qualifier_word(t.text) || t.is("only"))
}

/// "N days before/after", "the day before/after" at token `k`: the amount, the sign (+1 after,
/// -1 before), the bound and the first and last token of the phrase.
fn relation_at(seg: &Segment<'_>, k: usize) -> Option<(Amount, i64, Bound, usize, usize)> {
    let (amount, first) = if seg.tok(k)?.is("the") && seg.tok(k + 1).is_some_and(|t| t.is("day")) {
        (
            Amount {
                value: 1.0,
                unit: Unit::Day,
                last: k + 1,
                compound: false,
            },
            k,
        )
    } else {
        let amount = amount_at(seg, k).filter(|a| !a.compound)?;
        (amount, k)
    };
    let (bound, qual_first, qualified) = bound_before(seg, first);
    if qualified && bound == Bound::Near {
        return None;
    }
    let r = amount.last + 1;
    let rel = seg.tok(r)?;
    let two = |a: &str, b: &str| rel.is(a) && seg.tok(r + 1).is_some_and(|t| t.is(b));
    let (sign, last) =
        if rel.is("before") || rel.is("ahead") && seg.tok(r + 1).is_some_and(|t| t.is("of")) {
            (-1, if rel.is("ahead") { r + 1 } else { r })
        } else if rel.is("after") {
            (1, r)
        } else if two("earlier", "than") || two("prior", "to") {
            (-1, r + 1)
        } else if two("later", "than") {
            (1, r + 1)
        } else {
            return None;
        };
    Some((amount, sign, bound, qual_first, last))
}

/// "met on September 17, three days before the offensive began on September 19".
fn between(ctx: &Ctx<'_>, seg: &Segment<'_>, out: &mut Vec<Finding>) {
    for (ai, a) in seg.dates.iter().enumerate() {
        if !a.is_day() {
            continue;
        }
        let mut k = a.raw.last + 1;
        while seg.tok(k).is_some_and(|t| {
            t.is_punct(',') || t.is_punct('—') || t.is_punct('–') || t.is_punct('(')
        }) {
            k += 1;
        }
        // The qualifier is read by `relation_at`; step over it here.
        for _ in 0..3 {
            if seg.tok(k).is_some_and(steps_over) {
                k += 1;
            }
        }
        let Some((amount, sign, bound, first, last)) = relation_at(seg, k) else {
            continue;
        };
        let Some(b) = seg.dates.get(ai + 1).filter(|b| {
            b.is_day()
                && b.raw.first > last
                && b.raw.first <= last + EVENT_WINDOW
                && !has_break(seg, last, b.raw.first)
        }) else {
            continue;
        };
        let pairs = day_pairs(a, b, ctx.doc.date);
        if pairs.is_empty() {
            continue;
        }
        // sign -1: a is N before b, so b - a = N.
        let holds = |&(x, y): &(Date, Date)| {
            let d = -sign * days_between(x, y);
            d > 0 && duration_matches(d, amount.value, amount.unit, bound, DayCount::Exclusive)
        };
        if pairs.iter().any(holds) {
            continue;
        }
        let (x, y) = pairs[0];
        let known = years_known(a, b, ctx.doc.date);
        let (xs, ys) = (calendar::show(x, known), calendar::show(y, known));
        let d = days_between(y, x);
        let actual = match d {
            0 => format!("the same day as {ys}"),
            d if d < 0 => format!("{} before {ys}", show_length(-d, amount.unit)),
            d => format!("{} after {ys}", show_length(d, amount.unit)),
        };
        let (fa, fb) = seg.range(first, last);
        let phrase = seg.text[fa..fb].to_string();
        out.extend(ctx.finding(
            seg,
            CODE,
            (fa, fb),
            format!("{xs} is {actual}, not {}", lower_first(&phrase)),
            Some(actual.clone()),
            Some(phrase),
            vec![
                Related {
                    span: seg.span(a.start, a.end),
                    message: format!("the draft dates this {xs}"),
                },
                Related {
                    span: seg.span(b.start, b.end),
                    message: format!("and the other event {ys}"),
                },
            ],
        ));
    }
}

const START_CUES: &[&str] = &[
    "began",
    "begun",
    "begin",
    "begins",
    "beginning",
    "started",
    "start",
    "starts",
    "starting",
    "erupted",
    "broke",
    "opened",
    "launched",
    "from",
];
const END_CUES: &[&str] = &[
    "ended",
    "end",
    "ends",
    "ending",
    "concluded",
    "finished",
    "closed",
    "stopped",
    "halted",
    "until",
    "till",
    "to",
    "through",
];
const CUE_FILLERS: &[&str] = &["on", "in", "at", "out", "the", "of"];

/// Whether a cue word from `cues` stands within a few tokens before date `d`, with only fillers
/// between.
fn cued(seg: &Segment<'_>, d: &DateAt, cues: &[&str]) -> bool {
    let mut k = d.raw.first;
    for _ in 0..4 {
        let Some(p) = k.checked_sub(1) else {
            return false;
        };
        let Some(t) = seg.tok(p) else { return false };
        if t.is_any(cues) {
            return true;
        }
        if !(t.is_any(CUE_FILLERS) || t.is_punct(',')) {
            return false;
        }
        k = p;
    }
    false
}

const LASTING: &[&str] = &["lasted", "lasting", "lasts", "spanned", "spanning", "took"];

/// The duration phrases of a segment that speak of the dated interval: "lasted three months",
/// "lasting more than six weeks", "the six-week war, which began …".
fn durations(seg: &Segment<'_>) -> Vec<(Amount, Bound, usize)> {
    let mut out = Vec::new();
    for (k, tok) in seg.toks.iter().enumerate() {
        let after_verb = if tok.is_any(LASTING) {
            Some(k + 1)
        } else if tok.is_any(&["went", "ran", "continued"])
            && seg.tok(k + 1).is_some_and(|t| t.is("on"))
        {
            Some(k + 2)
        } else if tok.is_any(&["ran", "continued"]) {
            Some(k + 1)
        } else {
            None
        };
        if let Some(mut m) = after_verb {
            if seg.tok(m).is_some_and(|t| t.is("for")) {
                m += 1;
            }
            if tok.is_any(&["ran", "continued", "went"])
                && !seg.tok(m - 1).is_some_and(|t| t.is("for"))
            {
                continue;
            }
            for _ in 0..3 {
                if seg.tok(m).is_some_and(steps_over) {
                    m += 1;
                }
            }
            if let Some(a) = amount_at(seg, m).filter(|a| !a.compound) {
                let (bound, first, _) = bound_before(seg, m);
                out.push((a, bound, first));
            }
            continue;
        }
        // "the six-week war, which began on …" / "the 44-day war from … to …"
        if let Some(a) = amount_at(seg, k).filter(|a| a.compound)
            && seg.is_word(a.last + 1)
            && seg.tok(a.last + 2).is_some_and(|t| {
                t.is_any(&["from", "which", "that"])
                    || (t.is_punct(',') || t.is_punct('('))
                        && seg
                            .tok(a.last + 3)
                            .is_some_and(|u| u.is_any(&["which", "that", "from"]))
            })
        {
            let (bound, first, _) = bound_before(seg, k);
            out.push((a, bound, first));
        }
    }
    out
}

/// "the war, which began on 27 September and ended on 10 November, lasted three months".
fn duration(ctx: &Ctx<'_>, seg: &Segment<'_>, out: &mut Vec<Finding>) {
    let starts: Vec<&DateAt> = seg
        .dates
        .iter()
        .filter(|d| d.is_day() && !d.since && cued(seg, d, START_CUES))
        .collect();
    let ends: Vec<&DateAt> = seg
        .dates
        .iter()
        .filter(|d| d.is_day() && cued(seg, d, END_CUES))
        .collect();
    let ([a], [b]) = (starts.as_slice(), ends.as_slice()) else {
        return;
    };
    if b.raw.first <= a.raw.first {
        return;
    }
    let found = durations(seg);
    let [(amount, bound, first)] = found.as_slice() else {
        return;
    };
    let pairs = day_pairs(a, b, ctx.doc.date);
    let lengths: Vec<i64> = pairs.iter().map(|&(x, y)| days_between(x, y)).collect();
    if lengths.is_empty() || lengths.iter().any(|&d| d <= 0) {
        return;
    }
    if lengths
        .iter()
        .any(|&d| duration_matches(d, amount.value, amount.unit, *bound, DayCount::EitherEnd))
    {
        return;
    }
    let (x, y) = pairs[0];
    let known = years_known(a, b, ctx.doc.date);
    let (xs, ys) = (calendar::show(x, known), calendar::show(y, known));
    let actual = show_length(lengths[0], amount.unit);
    let (fa, fb) = seg.range(*first, amount.last);
    let phrase = seg.text[fa..fb].to_string();
    out.extend(ctx.finding(
        seg,
        CODE,
        (fa, fb),
        format!(
            "from {xs} to {ys} is {actual}, not {}",
            lower_first(&phrase)
        ),
        Some(actual),
        Some(phrase.clone()),
        vec![
            Related {
                span: seg.span(a.start, a.end),
                message: format!("the draft dates the start {xs}"),
            },
            Related {
                span: seg.span(b.start, b.end),
                message: format!("and the end {ys}"),
            },
        ],
    ));
}

/// A phrase relative to the previous event: amount, sign and local token range.
struct Later {
    amount: Amount,
    sign: i64,
    first: usize,
    last: usize,
}

fn later_phrases(ctx: &Ctx<'_>, seg: &Segment<'_>) -> Vec<Later> {
    let mut out = Vec::new();
    // "N days later" needs the word; "the following day" does not.
    let later_word = seg.toks.iter().any(|t| t.is_any(&["later", "earlier"]));
    for k in 0..seg.toks.len() {
        let tok = &seg.toks[k];
        if tok.is("the")
            && seg
                .tok(k + 1)
                .is_some_and(|t| t.is_any(&["following", "next"]))
            && let Some(unit) = seg
                .tok(k + 2)
                .and_then(|t| factcheck_claims::text::unit_of(t.text))
                .filter(|_| seg.tok(k + 2).is_some_and(|t| !t.text.ends_with('s')))
        {
            let amount = Amount {
                value: 1.0,
                unit,
                last: k + 2,
                compound: false,
            };
            out.push(Later {
                amount,
                sign: 1,
                first: k,
                last: k + 2,
            });
            continue;
        }
        if !later_word {
            continue;
        }
        if let Some(amount) = amount_at(seg, k).filter(|a| !a.compound)
            && let Some(rel) = seg.tok(amount.last + 1)
            && rel.is_any(&["later", "earlier"])
            && !seg.tok(amount.last + 2).is_some_and(|t| t.is("than"))
        {
            let (bound, _, qualified) = bound_before(seg, k);
            if qualified || bound != Bound::Near {
                continue;
            }
            let sign = if rel.is("later") { 1 } else { -1 };
            out.push(Later {
                amount,
                sign,
                first: k,
                last: amount.last + 1,
            });
        }
    }
    // The grammar's relative dates anchored on the previous claim, where the scan saw none.
    let scanned = out.len();
    for &ci in ctx.claims_of(seg.sentence) {
        for m in &ctx.doc.claims[ci].mentions {
            let MentionValue::Date(dm) = &m.value else {
                continue;
            };
            let Some(rel) = &dm.relative else { continue };
            let (Anchor::Previous, Some(n)) = (&rel.anchor, rel.offset.amount) else {
                continue;
            };
            if n == 0 || m.span.start < seg.base.start || m.span.end > seg.base.end {
                continue;
            }
            let (s, e) = (m.span.start - seg.base.start, m.span.end - seg.base.start);
            let first = seg.toks.partition_point(|t| t.start < s);
            let Some(last) = seg.toks.partition_point(|t| t.end <= e).checked_sub(1) else {
                continue;
            };
            let k = out[..scanned].partition_point(|l| l.last < first);
            if last < first || out[..scanned].get(k).is_some_and(|l| l.first <= last) {
                continue;
            }
            let amount = Amount {
                value: f64::from(n.unsigned_abs()),
                unit: rel.offset.unit,
                last,
                compound: false,
            };
            out.push(Later {
                amount,
                sign: i64::from(n.signum()),
                first,
                last,
            });
        }
    }
    out
}

/// Tokens that may stand between "one day later" and its own date.
fn only_glue(seg: &Segment<'_>, from: usize, to: usize) -> bool {
    (from..to).all(|k| {
        seg.tok(k).is_some_and(|t| {
            t.is_punct(',')
                || t.is_punct('(')
                || t.is_punct('—')
                || t.is_punct('–')
                || t.is_any(&["on", "that", "is"])
        })
    })
}

/// "The offensive began on September 30. One day later, on October 2, it ended."
fn later(ctx: &Ctx<'_>, seg: &Segment<'_>, out: &mut Vec<Finding>) {
    let phrases = later_phrases(ctx, seg);
    if phrases.is_empty() {
        return;
    }
    // Dates that can anchor: not "since", not inside an attribution.
    let anchors: Vec<&DateAt> = seg
        .dates
        .iter()
        .filter(|d| !d.since && !in_attribution(ctx, seg, d))
        .collect();
    for l in phrases {
        // The phrase's own date: right after it ("one day later, on October 1") or right before
        // it ("On October 1, one day later").
        let k = seg.dates.partition_point(|d| d.raw.last < l.first);
        let after = seg.dates.get(k).filter(|d| {
            d.raw.first > l.last
                && d.raw.first <= l.last + 4
                && only_glue(seg, l.last + 1, d.raw.first)
        });
        let before = k
            .checked_sub(1)
            .and_then(|b| seg.dates.get(b))
            .filter(|d| d.raw.last + 3 >= l.first && only_glue(seg, d.raw.last + 1, l.first));
        let Some(own) = after.or(before).filter(|d| d.is_day() && !d.since) else {
            continue;
        };
        let (pa, pb) = seg.range(l.first, l.last);
        let Some(ci) = ctx.claim_at(seg, pa, pb) else {
            continue;
        };
        let limit = l.first.min(own.raw.first);
        let Some((anchor_seg, anchor)) = anchor_of(ctx, seg, &anchors, ci, limit, own) else {
            continue;
        };
        let pairs = day_pairs(own, anchor, ctx.doc.date);
        if pairs.is_empty() {
            continue;
        }
        let holds = |&(x, y): &(Date, Date)| {
            let d = l.sign * days_between(y, x);
            d > 0
                && duration_matches(
                    d,
                    l.amount.value,
                    l.amount.unit,
                    Bound::Near,
                    DayCount::Exclusive,
                )
        };
        if pairs.iter().any(holds) {
            continue;
        }
        let (x, y) = pairs[0];
        let known = years_known(own, anchor, ctx.doc.date);
        let (xs, ys) = (calendar::show(x, known), calendar::show(y, known));
        let d = days_between(y, x);
        let actual = match d {
            0 => format!("the same day as {ys}"),
            d if d < 0 => format!("{} before {ys}", show_length(-d, l.amount.unit)),
            d => format!("{} after {ys}", show_length(d, l.amount.unit)),
        };
        let phrase = seg.text[pa..pb].to_string();
        out.extend(ctx.finding(
            seg,
            CODE,
            (pa, pb),
            format!("{xs} is {actual}, not {}", lower_first(&phrase)),
            Some(actual),
            Some(phrase),
            vec![Related {
                span: anchor_seg.span(anchor.start, anchor.end),
                message: format!("the event it counts from is dated {ys} here"),
            }],
        ));
    }
}

fn in_attribution(ctx: &Ctx<'_>, seg: &Segment<'_>, d: &DateAt) -> bool {
    let claims = &ctx.doc.claims;
    let (a, b) = (seg.base.start + d.start, seg.base.start + d.end);
    let list = ctx.claims_of(seg.sentence);
    let upto = list.partition_point(|&c| claims[c].span.start <= a);
    list[upto.saturating_sub(4)..upto].iter().any(|&c| {
        claims[c].kind == ClaimKind::Attribution
            && claims[c].span.start <= a
            && b <= claims[c].span.end
    })
}

/// The anchor of a phrase of claim `ci`: the only possible anchor date earlier in the segment
/// (before token `before`), else the only day date of the previous statement claim.
fn anchor_of<'s>(
    ctx: &'s Ctx<'_>,
    seg: &'s Segment<'_>,
    anchors: &[&'s DateAt],
    ci: usize,
    before: usize,
    own: &DateAt,
) -> Option<(&'s Segment<'s>, &'s DateAt)> {
    let n = anchors.partition_point(|d| d.raw.last < before);
    let earlier: Vec<&DateAt> = anchors[n.saturating_sub(2)..n]
        .iter()
        .copied()
        .filter(|d| d.start != own.start)
        .collect();
    if n > 2 || (n == 2 && earlier.len() == 2) {
        return None;
    }
    if let Some(d) = earlier.first() {
        return d.is_day().then_some((seg, *d));
    }
    let claims = &ctx.doc.claims;
    let prev = (0..ci)
        .rev()
        .take(4)
        .find(|&p| claims[p].kind == ClaimKind::Statement)?;
    if claims[prev].sentence == seg.sentence && claims[prev].span.end > seg.base.start {
        // The previous claim is in this segment and has no date before the phrase.
        return None;
    }
    let dates: Vec<(&Segment<'_>, &DateAt)> = ctx
        .dates_in_claim(prev)
        .into_iter()
        .filter(|(_, d)| !d.since)
        .collect();
    match dates.as_slice() {
        [(s, d)] if d.is_day() => Some((*s, *d)),
        _ => None,
    }
}
