//! # SELF002 `count-values`: one count given two different values as of the same date
//!
//! ## What it checks
//! Two places in one draft that give the same count different values that cannot both hold. A
//! count is recognised in a narrow form: a number in digits with its qualifier, the counted noun (one to four
//! words) and a verb, with an auxiliary ("100,000 residents have moved to Armenia") or in the past
//! tense ("80,000 residents fled"), plus the verb's preposition and its object. Two counts are the
//! same when noun, verb and preposition phrase are the same words; they are as of the same date
//! when each sentence has the same single absolute date ("by September 30", "on October 1"), or
//! neither has any (a "since" date opens an interval and does not count). Their values conflict
//! when the ranges they allow do not overlap: "over N" is above N, "nearly N" within 10% below
//! it, "about N" within 10%, "up to N" at most N, and a bare number holds at its stated precision
//! (a round number such as 100,000 within 10%). The later place is reported, with the earlier one
//! as the related location.
//!
//! ## Why
//! A count can change over time, but not between two sentences about the same moment: one of
//! the two figures is wrong, or the draft mixes up two dates.
//!
//! ## Example
//! ```text
//! Over 100,000 residents have moved to Armenia. … Officials said about 80,000 residents have
//! moved to Armenia.
//! ```
//! "Over 100,000" and "about 80,000" cannot both be true as of the same date.

use std::collections::HashMap;

use factcheck_model::{PartialDate, Related, Span};

use super::{bound_before, lower_first, value_at};
use crate::Finding;
use crate::calendar::Bound;
use crate::ctx::{Ctx, Segment};
use crate::text::Kind;

pub const CODE: &str = "SELF002";

const AUX: &[&str] = &[
    "have", "has", "had", "were", "was", "are", "is", "been", "be", "will", "would",
];
const IRREGULAR: &[&str] = &[
    "fled", "left", "died", "came", "went", "fought", "arrived", "crossed", "returned", "remain",
    "remained",
];
const STOP: &[&str] = &[
    "of", "in", "on", "at", "to", "from", "with", "for", "by", "and", "or", "but", "as", "than",
    "who", "which", "that", "the", "a", "an", "since", "per", "each", "more", "less", "out",
];
const PREPOSITIONS: &[&str] = &["to", "from", "into", "in", "for", "across", "at"];

/// The as-of date of a sentence: none written, one, or too many to tell.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum AsOf {
    Undated,
    Date(Option<PartialDate>, i8, Option<i8>),
    Unclear,
}

/// A count written in a segment.
struct Count {
    key: String,
    /// The counted noun and verb as written ("residents have moved to Armenia").
    what: String,
    lo: f64,
    hi: f64,
    text: String,
    as_of: AsOf,
    start: usize,
    end: usize,
}

/// The first place each count is given as of each date: its range, text and span.
pub type Seen = HashMap<(String, AsOf), (f64, f64, String, Span)>;

pub fn run(ctx: &Ctx<'_>, seg: &Segment<'_>, seen: &mut Seen, out: &mut Vec<Finding>) {
    // Counts are read when written in digits.
    let as_of = as_of(seg);
    if as_of == AsOf::Unclear || !seg.cues.digits {
        return;
    }
    for k in 0..seg.toks.len() {
        if seg.toks[k].kind != Kind::Num && !seg.toks[k].is_punct('$') {
            continue;
        }
        let Some(here) = count_at(seg, k, &as_of) else {
            continue;
        };
        let key = (here.key, here.as_of);
        if let Some((lo, hi, text, span)) = seen.get(&key) {
            if *hi < here.lo || here.hi < *lo {
                out.extend(ctx.finding(
                    seg,
                    CODE,
                    (here.start, here.end),
                    format!(
                        "the draft gives this count as {} earlier and {} here, as of the same date",
                        lower_first(text),
                        lower_first(&here.text)
                    ),
                    Some(format!("{text} (as the draft says earlier)")),
                    Some(here.text.clone()),
                    vec![Related {
                        span: *span,
                        message: format!(
                            "the same count ({}) is {} here",
                            here.what,
                            lower_first(text)
                        ),
                    }],
                ));
            }
            continue;
        }
        let span = seg.span(here.start, here.end);
        seen.insert(key, (here.lo, here.hi, here.text, span));
    }
}

fn as_of(seg: &Segment<'_>) -> AsOf {
    let dates: Vec<_> = seg.dates.iter().filter(|d| !d.since).collect();
    match dates.as_slice() {
        [] => AsOf::Undated,
        [d] => AsOf::Date(d.resolved, d.raw.month, d.raw.day),
        _ => AsOf::Unclear,
    }
}

fn count_at(seg: &Segment<'_>, k: usize, as_of: &AsOf) -> Option<Count> {
    let n = value_at(seg, k)?;
    if n.percent
        || n.points
        || k > 0
            && seg
                .tok(k - 1)
                .is_some_and(|t| t.is_any(&["from", "to", "between", "of", "and", "or"]))
    {
        return None;
    }
    // The counted noun: up to four words (hyphenated ones such as "Nagorno-Karabakh" count once).
    let mut j = n.last + 1;
    let noun_start = j;
    let mut words = 0;
    while words < 4 {
        let Some(t) = seg.tok(j) else { break };
        if t.kind != Kind::Word || t.is_any(AUX) || t.is_any(STOP) || t.is_any(IRREGULAR) {
            break;
        }
        if t.is_lowercase_word() && t.text.ends_with("ed") {
            break;
        }
        while seg
            .tok(j + 1)
            .is_some_and(|h| h.is_punct('-') && !h.space_before)
            && seg
                .tok(j + 2)
                .is_some_and(|w| w.kind == Kind::Word && !w.space_before)
        {
            j += 2;
        }
        words += 1;
        j += 1;
    }
    if words == 0 {
        return None;
    }
    let noun_end = j;
    let mut aux = 0;
    while aux < 3 && seg.tok(j).is_some_and(|t| t.is_any(AUX)) {
        j += 1;
        aux += 1;
    }
    let verb = seg.tok(j).filter(|t| t.is_lowercase_word())?;
    if aux == 0 && !(verb.text.ends_with("ed") || verb.is_any(IRREGULAR)) {
        return None;
    }
    let mut key = String::new();
    for t in &seg.toks[noun_start..noun_end] {
        if t.space_before && !key.is_empty() {
            key.push(' ');
        }
        key.push_str(&t.text.to_lowercase());
    }
    key.push('|');
    key.push_str(&verb.text.to_lowercase());
    let mut what_end = j;
    if let Some(p) = seg.tok(j + 1).filter(|t| t.is_any(PREPOSITIONS))
        && let Some(o) = seg.tok(j + 2).filter(|t| t.kind == Kind::Word)
    {
        key.push('|');
        key.push_str(&p.text.to_lowercase());
        key.push(' ');
        key.push_str(&o.text.to_lowercase());
        what_end = j + 2;
    }
    let what = seg.text[seg.toks[n.last + 1].start..seg.toks[what_end].end].to_string();
    let (bound, first, qualified) = bound_before(seg, k);
    let v = n.value;
    let tol = precision(seg, &n);
    let (lo, hi) = match (bound, qualified) {
        (Bound::Near, false) => (v - tol, v + tol),
        (Bound::Near, true) => ((v - tol).min(0.9 * v), (v + tol).max(1.1 * v)),
        (Bound::AtLeast, _) => (v, f64::INFINITY),
        (Bound::Nearly, _) => (0.9 * v, v),
        (Bound::AtMost, _) => (0.0, v),
    };
    let (start, end) = seg.range(first, n.last);
    Some(Count {
        key,
        what,
        lo,
        hi,
        text: seg.text[start..end].to_string(),
        as_of: as_of.clone(),
        start,
        end,
    })
}

/// Half a unit of the last written digit, and at most 10% for round numbers ("100,000").
fn precision(seg: &Segment<'_>, n: &crate::text::Number) -> f64 {
    if n.decimals > 0 {
        return 0.5 * 10f64.powi(-i32::try_from(n.decimals).unwrap_or(6)) * n.scale;
    }
    let digits: String = seg.toks[n.first..=n.last]
        .iter()
        .filter(|t| t.kind == Kind::Num)
        .flat_map(|t| t.text.chars())
        .filter(char::is_ascii_digit)
        .collect();
    let zeros = digits.len() - digits.trim_end_matches('0').len();
    if zeros == 0 || n.word {
        return 0.5 * n.scale;
    }
    let step = 0.5 * 10f64.powi(i32::try_from(zeros).unwrap_or(6)) * n.scale;
    step.min(0.1 * n.value)
}
