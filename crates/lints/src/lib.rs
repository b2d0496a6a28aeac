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

/// One built-in check, for listings (SARIF rules, docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckInfo {
    /// `CAL001`.
    pub code: &'static str,
    /// A short kebab-case name: `weekday-date`.
    pub name: &'static str,
    /// One sentence: what the check reports.
    pub summary: &'static str,
}

/// Every built-in check, in code order.
pub const CHECKS: &[CheckInfo] = &[
    CheckInfo {
        code: "CAL001",
        name: "weekday-date",
        summary: "A weekday written with a date is not that date's weekday.",
    },
    CheckInfo {
        code: "CAL002",
        name: "impossible-date",
        summary: "A date that is not a day of the calendar, such as February 30.",
    },
    CheckInfo {
        code: "CAL003",
        name: "interval",
        summary: "An interval or duration that the draft's own dates contradict.",
    },
    CheckInfo {
        code: "ARI001",
        name: "percent-change",
        summary: "A percentage change that does not match the two numbers it describes.",
    },
    CheckInfo {
        code: "ARI002",
        name: "multiple",
        summary: "Doubled, tripled, quadrupled or halved, against the two numbers given.",
    },
    CheckInfo {
        code: "ARI003",
        name: "parts-exceed-total",
        summary: "Parts that add up to more than the total stated in the same sentence.",
    },
    CheckInfo {
        code: "SELF001",
        name: "event-dates",
        summary: "One event given two different dates in one draft.",
    },
    CheckInfo {
        code: "SELF002",
        name: "count-values",
        summary: "One count given two different values as of the same date in one draft.",
    },
];

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
