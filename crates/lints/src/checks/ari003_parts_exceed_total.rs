//! # ARI003 `parts-exceed-total`: parts that add up to more than the stated total
//!
//! ## What it checks
//! A clause that states a total ("Of the 100 victims,", "Among the 12 ministers,", "Out of 40
//! villages,") followed by a list of parts, each a number with a few words ("60 were men and 50
//! women", "30 were killed, 12 wounded and 5 missing"). The parts must not add up to more than
//! the total. It reads only plain lists: a part with a vague qualifier ("about 60"), a percentage,
//! another number inside it, or a capitalised word makes it stay silent, since such parts may
//! overlap. A total qualified by "more than", "about" and the like is not checked either.
//!
//! ## Why
//! Parts that exceed their whole are impossible in any world; one of the numbers is a typo or
//! comes from another count.
//!
//! ## Example
//! ```text
//! Of the 100 victims, 60 were men and 50 women.
//! ```
//! 60 + 50 = 110, more than the 100 in all.

use factcheck_model::Related;

use super::{show_number, value_at};
use crate::Finding;
use crate::ctx::{Ctx, Segment};
use crate::text::Kind;
use factcheck_claims::Qualifier;
use factcheck_model::calendar::Bound;

pub const CODE: &str = "ARI003";

/// The longest list read.
const MAX_PARTS: usize = 32;
const DETERMINERS: &[&str] = &["the", "those", "these", "all", "its", "their"];
const AUX: &[&str] = &[
    "were", "was", "are", "is", "had", "have", "has", "been", "be",
];
const CLAUSE_OPENERS: &[&str] = &["and", "but", "while"];

/// A part of the list: its value and token range.
struct Part {
    value: f64,
    first: usize,
    last: usize,
}

pub fn run(ctx: &Ctx<'_>, seg: &Segment<'_>, out: &mut Vec<Finding>) {
    {
        for k in 0..seg.toks.len() {
            if let Some((total, t_first, t_last, parts)) = total_and_parts(seg, k) {
                report(ctx, seg, total, t_first, t_last, &parts, out);
            }
        }
    }
}

/// "Of the 100 victims, 60 were men and 50 women" with "Of" at token `k`.
fn total_and_parts(seg: &Segment<'_>, k: usize) -> Option<(f64, usize, usize, Vec<Part>)> {
    let tok = seg.tok(k)?;
    // "of", "among", "amongst", "out of": most tokens fail on their first letter.
    let first = tok
        .text
        .as_bytes()
        .first()
        .map_or(0, u8::to_ascii_lowercase);
    if tok.kind != Kind::Word || !matches!(first, b'o' | b'a') {
        return None;
    }
    let mut j = if tok.is("of") || tok.is("among") || tok.is("amongst") {
        k + 1
    } else if tok.is("out") && seg.tok(k + 1).is_some_and(|t| t.is("of")) {
        k + 2
    } else {
        return None;
    };
    let opens_clause = k == 0
        || seg.tok(k - 1).is_some_and(|p| {
            p.is_punct(',')
                || p.is_punct(';')
                || p.is_punct(':')
                || p.is_punct('(')
                || p.is_any(CLAUSE_OPENERS)
        });
    if !opens_clause {
        return None;
    }
    if seg.tok(j).is_some_and(|t| t.is_any(DETERMINERS)) {
        j += 1;
    }
    // A qualified total ("Of the more than 100 victims") bounds nothing.
    if let Some((q, _)) = qualifier_at(seg, j)
        && q != Qualifier::Exactly
    {
        return None;
    }
    let total = value_at(seg, j)?;
    if total.percent || total.points || total.word && total.value < 2.0 {
        return None;
    }
    // The counted noun: one to four words, then a comma.
    let mut m = total.last + 1;
    let noun_start = m;
    while m < noun_start + 4
        && seg
            .tok(m)
            .is_some_and(|t| t.kind == Kind::Word || t.is_punct('-'))
    {
        m += 1;
    }
    if m == noun_start || !seg.tok(m).is_some_and(|t| t.is_punct(',')) {
        return None;
    }
    let parts = parts_from(seg, m + 1)?;
    Some((total.value, j, m - 1, parts))
}

/// The grammar's qualifier at token `i` ("more than", "about") and its length in tokens.
fn qualifier_at(seg: &Segment<'_>, i: usize) -> Option<(Qualifier, usize)> {
    let mut words = [""; 3];
    let mut n = 0;
    while n < 3 && seg.tok(i + n).is_some_and(|t| t.kind == Kind::Word) {
        words[n] = seg.toks[i + n].text;
        n += 1;
    }
    factcheck_claims::text::qualifier_starting(&words[..n])
}

/// Reads the list of parts starting at token `i`; `None` if it is not a plain list.
fn parts_from(seg: &Segment<'_>, mut i: usize) -> Option<Vec<Part>> {
    let mut parts = Vec::new();
    while parts.len() < MAX_PARTS {
        // "at least 60", "more than 60" still add up to at least 60; vague parts and parts
        // bounded from above do not.
        let n_at = match qualifier_at(seg, i) {
            Some((q, len)) if matches!(q.bound(), Bound::AtLeast) || q == Qualifier::Exactly => {
                i + len
            }
            Some(_) => return None,
            None if seg.tok(i).is_some_and(|t| t.is_any(&["only", "just"])) => i + 1,
            None => i,
        };
        let n = value_at(seg, n_at)?;
        if n.percent || n.points {
            return None;
        }
        let mut j = n.last + 1;
        let mut aux = 0;
        while aux < 2 && seg.tok(j).is_some_and(|t| t.is_any(AUX)) {
            j += 1;
            aux += 1;
        }
        let mut words = 0;
        while words < 3
            && seg
                .tok(j)
                .is_some_and(|t| t.kind == Kind::Word && !t.is("and"))
        {
            if !seg.toks[j].is_lowercase_word() {
                return None;
            }
            j += 1;
            words += 1;
        }
        if words == 0 {
            return None;
        }
        parts.push(Part {
            value: n.value,
            first: i,
            last: j - 1,
        });
        match seg.tok(j) {
            None => break,
            Some(t) if t.is_punct('.') || t.is_punct(';') || t.is_punct(')') => break,
            Some(t) if t.is("and") => i = j + 1,
            Some(t) if t.is_punct(',') => {
                i = if seg.tok(j + 1).is_some_and(|u| u.is("and")) {
                    j + 2
                } else {
                    j + 1
                };
            }
            Some(_) => return None,
        }
    }
    (parts.len() >= 2).then_some(parts)
}

fn report(
    ctx: &Ctx<'_>,
    seg: &Segment<'_>,
    total: f64,
    t_first: usize,
    t_last: usize,
    parts: &[Part],
    out: &mut Vec<Finding>,
) {
    let sum: f64 = parts.iter().map(|p| p.value).sum();
    if sum <= total + 1e-9 {
        return;
    }
    let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
        return;
    };
    let terms: Vec<String> = parts.iter().map(|p| show_number(p.value)).collect();
    let found = format!("{} = {}", terms.join(" + "), show_number(sum));
    let (fa, fb) = seg.range(first.first, last.last);
    let (ta, tb) = seg.range(t_first, t_last);
    let total_text = &seg.text[ta..tb];
    out.extend(ctx.finding(
        seg,
        CODE,
        (fa, fb),
        format!(
            "the parts add up to {}, more than the {} in all",
            show_number(sum),
            show_number(total)
        ),
        Some(format!("at most {} in all", show_number(total))),
        Some(found),
        vec![Related {
            span: seg.span(ta, tb),
            message: format!("the total: {total_text}"),
        }],
    ));
}
