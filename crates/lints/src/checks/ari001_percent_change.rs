//! # ARI001 `percent-change`: a percentage change that does not match its own numbers
//!
//! ## What it checks
//! A sentence that gives both ends of a change ("from 40 to 50", "to 50 from 40") and the change
//! as a percentage near them ("a 20% increase", "up 20 percent", "by 20 per cent"). The change is
//! `(to − from) / from`; "percentage points" compare the plain difference of two percentages.
//! The stated rounding is allowed: a whole percent holds within ±0.5, one written with one decimal
//! place within ±0.05, and so on. "More than", "nearly", "less than" and "about" (±10% of the
//! figure) move the bound accordingly. A stated direction ("increase", "fell") must match the
//! numbers too. The percentage must stand in the same clause as the pair (no "and", "while",
//! "but" or `;` between them); a share ("20% of the districts") is no change. A sentence with
//! more than one such pair, or more than one percentage near it, is left alone.
//!
//! ## Why
//! The three numbers are the draft's own: one of them is wrong whatever the facts, and readers
//! who redo the sum stop trusting the rest.
//!
//! ## Example
//! ```text
//! Arrivals rose from 40 to 50, a 20% increase.
//! ```
//! From 40 to 50 is a 25% increase.

use factcheck_model::Related;

use super::{
    FromTo, article, bound_before, from_tos, has_break, lower_first, show_number, value_at,
};
use crate::Finding;
use crate::calendar::Bound;
use crate::ctx::{Ctx, Segment};

pub const CODE: &str = "ARI001";

/// How many tokens may separate the percentage from its pair of numbers.
const WINDOW: usize = 12;

const UP: &[&str] = &[
    "increase",
    "increases",
    "rise",
    "rises",
    "jump",
    "gain",
    "growth",
    "hike",
    "surge",
    "climb",
    "up",
    "higher",
    "more",
    "rose",
    "increased",
    "grew",
    "climbed",
    "jumped",
    "soared",
    "surged",
    "gained",
];
const DOWN: &[&str] = &[
    "decrease",
    "decreases",
    "drop",
    "fall",
    "falls",
    "decline",
    "cut",
    "reduction",
    "plunge",
    "down",
    "lower",
    "less",
    "loss",
    "slump",
    "fell",
    "dropped",
    "declined",
    "decreased",
    "shrank",
    "slid",
    "plunged",
    "slumped",
    "lost",
];

pub fn run(ctx: &Ctx<'_>, seg: &Segment<'_>, out: &mut Vec<Finding>) {
    if !seg.cues.from_to {
        return;
    }
    let pairs = from_tos(seg);
    let [pair] = pairs.as_slice() else { return };
    let window =
        pair.first.saturating_sub(WINDOW + 4)..(pair.last + WINDOW + 1).min(seg.toks.len());
    let percents: Vec<(usize, usize, f64, u32, bool)> = window
        .filter_map(|k| {
            let n = value_at(seg, k)?;
            if !(n.percent || n.points) || (pair.first..=pair.last).contains(&k) {
                return None;
            }
            // "20% of the districts" is a share, not a change.
            if seg.tok(n.last + 1).is_some_and(|t| t.is("of")) {
                return None;
            }
            let near = n.last < pair.first
                && pair.first - n.last <= WINDOW
                && same_clause(seg, n.last, pair.first)
                || k > pair.last && k - pair.last <= WINDOW && same_clause(seg, pair.last, k);
            near.then_some((k, n.last, n.value, n.decimals, n.points))
        })
        .collect();
    let [(k, last, p, decimals, points)] = percents.as_slice() else {
        return;
    };
    check_one(ctx, seg, pair, *k, *last, *p, *decimals, *points, out);
}

/// Whether tokens `from..to` hold no clause break: no `;`, no "and", "but", "while".
fn same_clause(seg: &Segment<'_>, from: usize, to: usize) -> bool {
    !has_break(seg, from, to)
        && !(from..to).any(|m| {
            seg.toks[m].is_any(&["and", "but", "while", "whereas", "although", "though", "as"])
        })
}

/// +1, -1 or 0 for a direction word at token `k`.
fn direction(seg: &Segment<'_>, k: usize) -> i32 {
    match seg.tok(k) {
        Some(t) if t.is_any(UP) => 1,
        Some(t) if t.is_any(DOWN) => -1,
        _ => 0,
    }
}

#[allow(clippy::too_many_arguments)]
fn check_one(
    ctx: &Ctx<'_>,
    seg: &Segment<'_>,
    pair: &FromTo,
    k: usize,
    last: usize,
    p: f64,
    decimals: u32,
    points: bool,
    out: &mut Vec<Finding>,
) {
    let (a, b) = pair.values();
    let actual = if points {
        if !(pair.a.percent && pair.b.percent) {
            return;
        }
        b - a
    } else {
        if a <= 0.0 || pair.a.percent != pair.b.percent {
            return;
        }
        (b - a) / a * 100.0
    };
    // The stated direction: a word right after the percentage ("increase"), right before it
    // ("up 20%", "rose 20%"), or the verb before "from".
    let mut focus_last = last;
    let mut stated = direction(seg, last + 1);
    if stated != 0 {
        focus_last = last + 1;
    }
    let (bound, first, qualified) = bound_before(seg, k);
    if stated == 0 {
        let before = if seg.tok(first.wrapping_sub(1)).is_some_and(|t| t.is("by")) {
            first.wrapping_sub(2)
        } else {
            first.wrapping_sub(1)
        };
        stated = direction(seg, before);
    }
    if stated == 0 {
        for back in 1..=3 {
            if let Some(i) = pair.first.checked_sub(back) {
                let d = direction(seg, i);
                if d != 0 {
                    stated = d;
                    break;
                }
            }
        }
    }
    let magnitude = actual.abs();
    let tol = 0.5 * 10f64.powi(-i32::try_from(decimals).unwrap_or(6)) + 1e-9;
    let fits = match (bound, qualified) {
        (Bound::Near, true) => (magnitude - p).abs() <= tol.max(0.1 * p),
        (Bound::Near, false) => (magnitude - p).abs() <= tol,
        (Bound::AtLeast, _) => magnitude >= p - tol,
        (Bound::AtMost, _) => magnitude <= p + tol,
        (Bound::Nearly, _) => magnitude <= p + tol && magnitude >= 0.8 * p - tol,
    };
    let sign = if actual > 0.0 {
        1
    } else if actual < 0.0 {
        -1
    } else {
        0
    };
    let direction_ok = stated == 0 || sign == 0 || stated == sign;
    if fits && direction_ok {
        return;
    }
    let unit = if points { " percentage points" } else { "%" };
    let shown = show_number((magnitude * 10.0).round() / 10.0);
    let word = match sign {
        1 => {
            if points {
                " rise"
            } else {
                " increase"
            }
        }
        -1 => {
            if points {
                " fall"
            } else {
                " decrease"
            }
        }
        _ => " change",
    };
    let (fa, fb) = seg.range(first, focus_last);
    let found = seg.text[fa..fb].to_string();
    let (ra, rb) = seg.range(pair.first, pair.last);
    let numbers = seg.text[ra..rb].to_string();
    let a = article(&shown);
    let expected = format!("{a} {shown}{unit}{word} ({numbers})");
    let (pa, pb) = seg.range(first, last);
    let stated = lower_first(&seg.text[pa..pb]);
    out.extend(ctx.finding(
        seg,
        CODE,
        (fa, fb),
        format!("{numbers} is {a} {shown}{unit}{word}, not {stated}"),
        Some(expected),
        Some(found),
        vec![Related {
            span: seg.span(ra, rb),
            message: format!("the draft's own numbers: {numbers}"),
        }],
    ));
}
