//! The 48 golden rules of sentence boundary disambiguation (pySBD / pragmatic_segmenter).
//! All 48 must pass (`cargo xtask eval` reports them with the other suites); the test prints
//! every failure.

use factcheck_claims::{Format, Options, parse};
use serde_json::Value;

const GOLDEN: &str = include_str!("../../../testdata/sbd/pysbd_golden.jsonl");

#[test]
fn golden_rules() {
    let options = Options {
        format: Format::Plain,
        ..Options::default()
    };
    let mut passed = 0;
    let mut failed = Vec::new();
    let mut total = 0;
    for line in GOLDEN.lines().filter(|l| !l.trim().is_empty()) {
        let case: Value = serde_json::from_str(line).expect("each line is a JSON object");
        total += 1;
        let text = case["text"].as_str().expect("text");
        let expected: Vec<&str> = case["sentences"]
            .as_array()
            .expect("sentences")
            .iter()
            .map(|s| s.as_str().expect("a sentence").trim())
            .collect();
        assert_eq!(
            case["compare"], "strip",
            "only the strip comparison is used"
        );
        let doc = parse(text, &options);
        let got: Vec<&str> = doc.sentences.iter().map(|s| s.text.trim()).collect();
        if got == expected {
            passed += 1;
        } else {
            failed.push(format!(
                "{} {}\n    expected {expected:?}\n    got      {got:?}",
                case["id"], case["name"]
            ));
        }
    }
    println!("golden rules: {passed}/{total} pass");
    for f in &failed {
        println!("FAIL {f}");
    }
    assert_eq!(total, 48);
    assert!(
        passed >= 48,
        "{passed}/{total} golden rules pass; failures:\n{}",
        failed.join("\n")
    );
}
