//! The shared vocabulary of factcheck.
//!
//! This crate has no parser and no thread pool: it holds the types that the claim grammar
//! (`factcheck-claims`), the checker (`factcheck-rules`) and the renderers (`factcheck-report`)
//! exchange. Everything here is plain data with a stable serde form, because the JSON output is a
//! contract other tools read.

pub mod calendar;
pub mod checks;
mod date;
mod span;
mod verdict;

pub use date::{DateError, PartialDate, Precision};

/// `1 file`, `2 files`: a number and its noun, singular or plural, for every message of the
/// tools (the renderers, the CLI, the checker).
pub fn count(n: impl Into<u64>, one: &str, many: &str) -> String {
    let n = n.into();
    format!("{n} {}", if n == 1 { one } else { many })
}
pub use jiff::civil::{Date, Weekday};
pub use span::{LineIndex, Span};
pub use verdict::{
    Assertion, AssertionKind, CheckedClaim, Diagnostic, FileReport, Level, Related, Report,
    Summary, Suppressed, Verdict,
};
