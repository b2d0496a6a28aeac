//! Built-in checks that need no rule file.
//!
//! The calendar and arithmetic are facts everywhere, and a draft that contradicts itself is wrong
//! whatever the truth: [`check`] finds such errors in a parsed draft, with no reference facts.
//! Each check lives in its own module under `checks/`, whose doc comment (*What it checks*,
//! *Why*, *Example*) is also its entry in `docs/checks.md`; [`CHECKS`] lists them.
//!
//! The checks read the grammar's mentions where they serve (dates it resolved, relative dates
//! anchored on the previous claim) and otherwise scan the sentence's own text with small
//! hand-written matchers (weekday words, impossible days such as "February 30", "from 40 to 50",
//! "doubled"). They are conservative: each fires only on a pattern it reads unambiguously, so a
//! true draft stays free of findings.

mod calendar;
mod checks;
mod ctx;
mod text;

use factcheck_claims::Document;
use factcheck_model::{Related, Span};

/// A contradiction a built-in check found in a draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Index of the claim in [`Document::claims`].
    pub claim: usize,
    /// The check's code, such as `CAL001`.
    pub code: &'static str,
    /// One line a person can read.
    pub message: String,
    /// What the calendar or the arithmetic says.
    pub expected: Option<String>,
    /// What the draft says.
    pub found: Option<String>,
    /// The part of the claim that is wrong.
    pub focus: Span,
    /// Other places of the draft the finding rests on.
    pub related: Vec<Related>,
}

/// One built-in check, for listings (SARIF rules, docs): the registry lives in
/// [`factcheck_model::checks`], with the checks that compare with facts.
pub use factcheck_model::checks::CheckInfo;

/// Every built-in check, in code order.
pub const CHECKS: &[CheckInfo] = factcheck_model::checks::BUILTIN_CHECKS;

/// The entry of [`CHECKS`] for a code.
pub fn check_info(code: &str) -> Option<&'static CheckInfo> {
    CHECKS.iter().find(|c| c.code == code)
}

/// Runs every built-in check over a parsed draft. Findings are sorted by claim, then focus.
pub fn check(doc: &Document) -> Vec<Finding> {
    let mut ctx = ctx::Ctx::new(doc);
    let mut state = checks::State::default();
    let mut out = Vec::new();
    let mut segs = Vec::new();
    for si in 0..doc.sentences.len() {
        ctx.segments_of_sentence(si, &mut segs);
        for seg in segs.drain(..) {
            checks::run_all(&ctx, &seg, &mut state, &mut out);
            ctx.keep(seg);
        }
    }
    out.sort_by(|a, b| {
        (a.claim, a.focus.start, a.focus.end, a.code).cmp(&(
            b.claim,
            b.focus.start,
            b.focus.end,
            b.code,
        ))
    });
    out.dedup_by(|a, b| a.claim == b.claim && a.code == b.code && a.focus == b.focus);
    out
}

#[cfg(test)]
mod tests;
