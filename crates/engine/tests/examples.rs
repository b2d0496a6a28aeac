//! `rules test`: every example of the shipped rules gets the verdict it states.

use std::path::Path;

use factcheck_model::Verdict;

#[test]
fn every_shipped_example_passes() {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../rules"));
    let base = factcheck_rules::load(dir).unwrap_or_else(|e| panic!("{e}"));
    let results = factcheck_engine::run_examples(&base);
    let failed: Vec<String> = results
        .iter()
        .filter(|r| !r.passed())
        .map(|r| {
            format!(
                "{}:{} `{}` ({}) expected {}, got {}: {}",
                r.path.display(),
                r.line,
                r.fact_id,
                r.date,
                r.expected,
                r.got,
                r.message
            )
        })
        .collect();
    assert!(
        failed.is_empty(),
        "{} of {} examples failed:\n{}",
        failed.len(),
        results.len(),
        failed.join("\n")
    );
    // Every fact has at least one supported and one contradicted example.
    for id in base.ids() {
        let of = |v: Verdict| results.iter().any(|r| r.fact_id == id && r.expected == v);
        assert!(
            of(Verdict::Supported) && of(Verdict::Contradicted),
            "`{id}` needs a supported and a contradicted example"
        );
    }
}
