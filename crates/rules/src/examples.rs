//! `rules test`: every fact's examples through the whole pipeline.

use std::path::PathBuf;

use factcheck_claims::{Format, Options};
use factcheck_model::{CheckedClaim, Date, Verdict};
use rayon::prelude::*;

use crate::base::FactBase;
use crate::check::check_document;

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

/// The verdict of an example for its fact: over the claims whose verdict rests on that fact,
/// contradicted if any is, else supported if any is, else unverifiable. A claim that does not
/// reach the fact does not count, so an example proves that the fact matches the wording.
pub(crate) fn verdict_for(fact_id: &str, claims: &[CheckedClaim]) -> (Verdict, String) {
    let reached: Vec<&CheckedClaim> = claims
        .iter()
        .filter(|c| c.facts.iter().any(|f| f == fact_id))
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
    for v in [Verdict::Contradicted, Verdict::Supported] {
        let with: Vec<&str> = reached
            .iter()
            .filter(|c| c.verdict == v)
            .map(|c| c.message.as_str())
            .collect();
        if !with.is_empty() {
            return (v, with.join(" | "));
        }
    }
    let why: Vec<&str> = reached.iter().map(|c| c.message.as_str()).collect();
    (Verdict::Unverifiable, why.join(" | "))
}

/// Runs every example of every fact (in parallel; results in file order).
pub fn run_examples(base: &FactBase) -> Vec<ExampleResult> {
    let jobs: Vec<(usize, usize)> = base
        .facts
        .iter()
        .enumerate()
        .flat_map(|(f, fact)| (0..fact.examples().len()).map(move |j| (f, j)))
        .collect();
    jobs.par_iter()
        .map(|&(f, j)| {
            let fact = &base.facts[f];
            let ex = &fact.examples()[j];
            let date = ex.date.get().first();
            let options = Options {
                format: Format::Plain,
                date: Some(date),
            };
            let doc = factcheck_claims::parse(&ex.text, &options);
            let path = base.path_of(fact);
            let report = check_document(base, &doc, &path.to_string_lossy(), &ex.text);
            let (got, message) = verdict_for(fact.id(), &report.claims);
            ExampleResult {
                fact_id: fact.id().to_string(),
                path: path.to_path_buf(),
                line: base.example_line(fact, j),
                text: ex.text.clone(),
                date,
                expected: ex.verdict.into(),
                got,
                message,
            }
        })
        .collect()
}
