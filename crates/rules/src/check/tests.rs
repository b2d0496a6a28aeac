use factcheck_model::{CheckedClaim, LineIndex, Related, Verdict};

use super::merge_finding;

fn claim(verdict: Verdict, message: &str) -> CheckedClaim {
    let span = LineIndex::new("The war lasted three months.").span(0, 28);
    CheckedClaim {
        text: "The war lasted three months.".into(),
        span,
        verdict,
        facts: vec!["war".into()],
        expected: Some("44 days".into()),
        found: Some("three months".into()),
        sources: vec!["https://example.org".into()],
        message: message.into(),
        sentence: 0,
        check: Some("duration".into()),
        focus: Some(span),
        attribution: None,
        related: Vec::new(),
    }
}

fn finding() -> factcheck_lints::Finding {
    let idx = LineIndex::new("The war lasted three months.");
    factcheck_lints::Finding {
        claim: 0,
        code: "CAL003",
        message: "the draft's own dates give 44 days, not three months".into(),
        expected: Some("44 days".into()),
        found: Some("three months".into()),
        focus: idx.span(15, 27),
        related: vec![Related {
            span: idx.span(0, 7),
            message: "dated here".into(),
        }],
    }
}

#[test]
fn a_finding_contradicts_a_claim_the_facts_do_not() {
    let mut c = claim(Verdict::Unverifiable, "no rule speaks to this claim");
    merge_finding(&mut c, finding());
    assert_eq!(c.verdict, Verdict::Contradicted);
    assert_eq!(c.check.as_deref(), Some("CAL003"));
    assert_eq!(
        c.message,
        "the draft's own dates give 44 days, not three months"
    );
    assert!(c.facts.is_empty() && c.sources.is_empty());
    assert_eq!(c.focus.map(|f| f.start), Some(15));
    assert_eq!(c.related.len(), 1);

    let mut c = claim(Verdict::Supported, "the war lasted 44 days");
    merge_finding(&mut c, finding());
    assert_eq!(c.verdict, Verdict::Contradicted);
    assert!(
        c.message
            .ends_with("(the reference facts support the rest: the war lasted 44 days)"),
        "{}",
        c.message
    );
}

#[test]
fn a_fact_contradiction_keeps_its_verdict_and_gains_the_finding() {
    let mut c = claim(
        Verdict::Contradicted,
        "the war lasted 44 days, not three months",
    );
    merge_finding(&mut c, finding());
    assert_eq!(c.verdict, Verdict::Contradicted);
    assert_eq!(c.check.as_deref(), Some("duration"));
    assert_eq!(c.facts, vec!["war"]);
    assert_eq!(
        c.message,
        "the war lasted 44 days, not three months. Also CAL003: the draft's own dates give 44 days, not three months"
    );
    assert_eq!(c.related.len(), 1);
}
