//! `rules test`: every fact's examples through the whole pipeline.

use std::path::PathBuf;

use factcheck_claims::{Format, Options};
use factcheck_model::{CheckedClaim, Date, Verdict};
use rayon::prelude::*;

use factcheck_rules::FactBase;

use crate::check_document;

/// One example of a fact and the verdict it got.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleResult {
    pub fact_id: String,
    /// The rule file and the line of the example in it.
    pub path: PathBuf,
    pub line: usize,
    pub text: String,
    pub date: Date,
    pub expected: Verdict,
    pub got: Verdict,
    /// Why it got that verdict (the deciding claims' messages).
    pub message: String,
}

impl ExampleResult {
    pub fn passed(&self) -> bool {
        self.expected == self.got
    }
}

/// The verdict of an example for its fact: over the assertions that rest on that fact,
/// contradicted if any is, else supported if any is, else unverifiable. An assertion that does
/// not reach the fact does not count, so an example proves that the fact matches the wording
/// (another part of the sentence that no rule speaks to does not make it fail).
pub(crate) fn verdict_for(fact_id: &str, claims: &[CheckedClaim]) -> (Verdict, String) {
    let reached: Vec<(&CheckedClaim, &factcheck_model::Assertion)> = claims
        .iter()
        .flat_map(|c| c.assertions.iter().map(move |a| (c, a)))
        .filter(|(_, a)| a.facts.iter().any(|f| f == fact_id))
        .collect();
    if reached.is_empty() {
        let why: Vec<&str> = claims.iter().map(|c| c.message.as_str()).collect();
        let why = if why.is_empty() {
            "the grammar found no claim".to_string()
        } else {
            why.join(" | ")
        };
        return (
            Verdict::Unverifiable,
            format!("no claim reached `{fact_id}`: {why}"),
        );
    }
    // A built-in check's contradiction on a claim that reached the fact counts too.
    let builtin: Vec<&str> = claims
        .iter()
        .filter(|c| reached.iter().any(|(r, _)| std::ptr::eq(*r, *c)))
        .flat_map(|c| c.assertions_with(Verdict::Contradicted))
        .filter(|a| a.facts.is_empty())
        .map(|a| a.message.as_str())
        .collect();
    if !builtin.is_empty() {
        return (Verdict::Contradicted, builtin.join(" | "));
    }
    for v in [Verdict::Contradicted, Verdict::Supported] {
        let with: Vec<&str> = reached
            .iter()
            .filter(|(_, a)| a.verdict == v)
            .map(|(_, a)| a.message.as_str())
            .collect();
        if !with.is_empty() {
            return (v, with.join(" | "));
        }
    }
    let why: Vec<&str> = reached.iter().map(|(_, a)| a.message.as_str()).collect();
    (Verdict::Unverifiable, why.join(" | "))
}

/// Runs every example of every fact (in parallel; results in file order).
pub fn run_examples(base: &FactBase) -> Vec<ExampleResult> {
    base.example_cases()
        .par_iter()
        .map(|ex| {
            let options = Options {
                format: Format::Plain,
                date: Some(ex.date),
            };
            let doc = factcheck_claims::parse(ex.text, &options);
            let report = check_document(base, &doc, &ex.path.to_string_lossy(), ex.text);
            let (got, message) = verdict_for(ex.fact_id, &report.claims);
            ExampleResult {
                fact_id: ex.fact_id.to_string(),
                path: ex.path.to_path_buf(),
                line: ex.line,
                text: ex.text.to_string(),
                date: ex.date,
                expected: ex.expected,
                got,
                message,
            }
        })
        .collect()
}
