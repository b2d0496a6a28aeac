//! The engine: one draft through both kinds of checks, merged into one report.
//!
//! The rules crate compares a draft's assertions with reference facts and knows nothing of the
//! built-in checks; the lints crate runs the built-in checks and knows nothing of facts. This
//! crate runs both over one parsed draft, adds the built-in checks' findings to their claims as
//! assertions of their own, decides each claim's verdict from its assertions, sorts, and turns
//! the grammar's diagnostics into the report's. It is the one in-memory API that the CLI,
//! `rules test` ([`run_examples`]) and any other front end use:
//!
//! ```
//! use factcheck_engine::{check, Format};
//! let base = factcheck_rules::FactBase::empty();
//! let date = "2023-10-05".parse().ok();
//! let file = check("The war began on a Sunday.", date, Format::Plain, &base);
//! assert_eq!(file.path, "-");
//! ```

mod examples;

pub use examples::{ExampleResult, run_examples};
pub use factcheck_claims::Format;

use factcheck_claims::{Document, Options};
use factcheck_model::{
    Assertion, AssertionKind, CheckedClaim, Date, Diagnostic, FileReport, Level, PartialDate,
    Verdict,
};
use factcheck_rules::FactBase;

/// Checks one draft held in memory: parsed with `format` and the document date `date` (which
/// wins over front matter, as `--date` does), under the path `-`.
pub fn check(text: &str, date: Option<Date>, format: Format, base: &FactBase) -> FileReport {
    let doc = factcheck_claims::parse(text, &Options { format, date });
    check_document(base, &doc, "-", text)
}

/// Checks a parsed draft: the facts' assertions and the built-in checks' findings, merged; the
/// claims in span order, identical on any number of threads. The grammar's diagnostics become
/// warnings of the report.
pub fn check_document(base: &FactBase, doc: &Document, path: &str, source: &str) -> FileReport {
    let mut claims = factcheck_rules::check_claims(base, doc, source);
    for finding in factcheck_lints::check(doc) {
        if let Some(claim) = claims.get_mut(finding.claim) {
            add_finding(claim, finding);
        }
    }
    let diagnostics = doc
        .diagnostics
        .iter()
        .map(|d| Diagnostic {
            level: Level::Warning,
            message: d.message.clone(),
            line: Some(d.span.line),
            column: Some(d.span.column),
        })
        .collect();
    let mut order: Vec<usize> = (0..claims.len()).collect();
    order.sort_by_key(|&i| (doc.claims[i].span.start, doc.claims[i].span.end, i));
    let mut slots: Vec<Option<CheckedClaim>> = claims.into_iter().map(Some).collect();
    let claims = order.into_iter().filter_map(|i| slots[i].take()).collect();
    FileReport {
        path: path.to_string(),
        date: doc.date.map(PartialDate::from),
        claims,
        diagnostics,
        source: source.to_string(),
    }
}

/// The kind of assertion a built-in check makes: the registry's.
fn kind_of(code: &str) -> AssertionKind {
    factcheck_model::checks::info(code).map_or(AssertionKind::Consistency, |c| c.kind)
}

/// A built-in check's finding is a contradicted assertion of its claim. The assertion it
/// covers (the same words, which no fact could check) gives way to it; the claim's verdict is
/// decided again.
fn add_finding(claim: &mut CheckedClaim, f: factcheck_lints::Finding) {
    let text = claim
        .text
        .get(f.focus.start.saturating_sub(claim.span.start)..)
        .and_then(|rest| rest.get(..f.focus.end.saturating_sub(f.focus.start)))
        .unwrap_or("")
        .to_string();
    claim.assertions.retain(|a| {
        !(a.verdict == Verdict::Unverifiable
            && a.span.start == f.focus.start
            && a.span.end == f.focus.end)
    });
    claim.assertions.push(Assertion {
        kind: kind_of(f.code),
        text,
        span: f.focus,
        verdict: Verdict::Contradicted,
        check: Some(f.code.to_string()),
        facts: Vec::new(),
        expected: f.expected,
        found: f.found,
        sources: Vec::new(),
        message: f.message,
        related: f.related,
        suppressed: None,
        baselined: false,
    });
    claim.decide();
}
