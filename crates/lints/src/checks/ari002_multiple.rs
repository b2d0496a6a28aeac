//! # ARI002 `multiple`: doubled, tripled or halved against the two numbers given
//!
//! ## What it checks
//! "Doubled", "tripled" (or "trebled"), "quadrupled" and "halved" followed within a few words by
//! the two numbers of the change ("doubled from 40 to 90", "halved to 40 from 90"). The ratio of
//! the numbers must be the verb's factor within ±10%; "more than doubled" needs at least 95% of
//! the factor, "nearly doubled" between 75% and 105% of it.
//!
//! ## Why
//! The verb and the numbers are two statements of one fact in the same sentence; when they
//! disagree, one is wrong, whatever the reference says.
//!
//! ## Example
//! ```text
//! The number of checkpoints doubled from 40 to 90.
//! ```
//! From 40 to 90 is ×2.25, not ×2.

use factcheck_model::Related;

use super::{bound_before, from_to_at, has_break, show_number};
use crate::Finding;
use crate::calendar::Bound;
use crate::ctx::{Ctx, Segment};

pub const CODE: &str = "ARI002";

/// How many tokens may separate the verb from "from".
const WINDOW: usize = 6;

fn factor(word: &str) -> Option<(f64, &'static str)> {
    const WORDS: [(&str, f64, &str); 15] = [
        ("doubled", 2.0, "×2"),
        ("doubles", 2.0, "×2"),
        ("doubling", 2.0, "×2"),
        ("tripled", 3.0, "×3"),
        ("triples", 3.0, "×3"),
        ("tripling", 3.0, "×3"),
        ("trebled", 3.0, "×3"),
        ("trebles", 3.0, "×3"),
        ("trebling", 3.0, "×3"),
        ("quadrupled", 4.0, "×4"),
        ("quadruples", 4.0, "×4"),
        ("quadrupling", 4.0, "×4"),
        ("halved", 0.5, "×0.5"),
        ("halves", 0.5, "×0.5"),
        ("halving", 0.5, "×0.5"),
    ];
    let first = word.as_bytes().first().map_or(0, u8::to_ascii_lowercase);
    if word.len() < 6 || word.len() > 10 || !matches!(first, b'd' | b't' | b'q' | b'h') {
        return None;
    }
    WORDS
        .iter()
        .find(|(w, _, _)| word.eq_ignore_ascii_case(w))
        .map(|&(_, f, t)| (f, t))
}

pub fn run(ctx: &Ctx<'_>, seg: &Segment<'_>, out: &mut Vec<Finding>) {
    // The numbers come as "from 40 to 90" or "to 40 from 90".
    if !seg.cues.from_to {
        return;
    }
    {
        for (k, tok) in seg.toks.iter().enumerate() {
            let Some((f, f_text)) = factor(tok.text) else {
                continue;
            };
            let Some(pair) = (k + 1..=k + WINDOW).find_map(|j| {
                let p = from_to_at(seg, j)?;
                (!has_break(seg, k, j) && !(k + 1..j).any(|m| seg.toks[m].is_punct(',')))
                    .then_some(p)
            }) else {
                continue;
            };
            let (a, b) = pair.values();
            if a <= 0.0 || b < 0.0 || pair.a.percent != pair.b.percent {
                continue;
            }
            let r = b / a;
            let (bound, first, _) = bound_before(seg, k);
            // For halving, "more than halved" means a smaller ratio: compare the inverse.
            let (r_cmp, f_cmp) = if f < 1.0 {
                (1.0 / r.max(1e-12), 1.0 / f)
            } else {
                (r, f)
            };
            let holds = match bound {
                Bound::Near => (r_cmp / f_cmp - 1.0).abs() <= 0.10 + 1e-9,
                Bound::AtLeast => r_cmp >= f_cmp * 0.95 - 1e-9,
                Bound::AtMost => r_cmp <= f_cmp * 1.05 + 1e-9,
                Bound::Nearly => r_cmp <= f_cmp * 1.05 + 1e-9 && r_cmp >= f_cmp * 0.75 - 1e-9,
            };
            if holds {
                continue;
            }
            let (fa, fb) = seg.range(first, k);
            let found = seg.text[fa..fb].to_string();
            let (ra, rb) = seg.range(pair.first, pair.last);
            let numbers = seg.text[ra..rb].to_string();
            let ratio = show_number((r * 100.0).round() / 100.0);
            out.extend(ctx.finding(
                seg,
                CODE,
                (fa, fb),
                format!("{numbers} is ×{ratio}, not {f_text} ({found})"),
                Some(format!("×{ratio} ({numbers})")),
                Some(found),
                vec![Related {
                    span: seg.span(ra, rb),
                    message: format!("the draft's own numbers: {numbers}"),
                }],
            ));
        }
    }
}
