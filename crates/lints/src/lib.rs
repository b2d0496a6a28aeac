//! Built-in checks that need no rule file.

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

/// Runs every built-in check over a parsed draft. Findings are sorted by claim, then focus.
pub fn check(doc: &Document) -> Vec<Finding> {
    let _ = doc;
    Vec::new()
}
