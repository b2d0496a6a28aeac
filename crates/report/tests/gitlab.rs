//! The `gitlab` output validates against the GitLab Code Quality schema in `data/` (see
//! `data/README.md`), and its fingerprints are unique and survive moved lines.

mod fixture;

use factcheck_model::Report;
use factcheck_report::{Format, Options, render_to_string};
use serde_json::Value;

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(include_str!("data/gitlab-code-quality.schema.json"))
        .expect("the schema is JSON");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("a valid schema")
}

fn gitlab(report: &Report, options: &Options) -> Value {
    serde_json::from_str(&render_to_string(report, Format::Gitlab, options))
        .expect("the report is JSON")
}

fn errors(v: &jsonschema::Validator, report: &Value) -> Vec<String> {
    v.iter_errors(report)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect()
}

#[test]
fn the_fixture_report_validates() {
    let v = validator();
    for verbose in [false, true] {
        let options = Options {
            verbose,
            ..Options::default()
        };
        let report = gitlab(&fixture::report(), &options);
        assert_eq!(errors(&v, &report), Vec::<String>::new());
        let issues = report.as_array().expect("an array");
        assert!(!issues.is_empty());
        // Unique fingerprints: GitLab shows one issue per fingerprint.
        let mut prints: Vec<&str> = issues
            .iter()
            .map(|i| i["fingerprint"].as_str().expect("a string"))
            .collect();
        let n = prints.len();
        prints.sort_unstable();
        prints.dedup();
        assert_eq!(prints.len(), n);
        // Without verbose, contradicted claims only; with it, unverifiable ones too.
        let severities: Vec<&str> = issues
            .iter()
            .map(|i| i["severity"].as_str().expect("a string"))
            .collect();
        assert!(severities.contains(&"major"));
        assert_eq!(severities.contains(&"info"), verbose);
    }
    let empty = gitlab(&Report::new(vec![]), &Options::default());
    assert_eq!(empty, Value::Array(vec![]));
    assert_eq!(errors(&v, &empty), Vec::<String>::new());
}

#[test]
fn the_schema_refuses_what_gitlab_does_not_read() {
    let v = validator();
    let bad: Value = serde_json::json!([
        { "description": "x", "check_name": "c", "fingerprint": "f", "severity": "error",
          "location": { "path": "a.md", "lines": { "begin": 1 } } },
        { "description": "x", "check_name": "c", "fingerprint": "f", "severity": "major",
          "location": { "path": "a.md" } },
        { "check_name": "c", "fingerprint": "f", "severity": "major",
          "location": { "path": "a.md", "lines": { "begin": 0 } } }
    ]);
    assert!(errors(&v, &bad).len() >= 4, "{:?}", errors(&v, &bad));
}

#[test]
fn fingerprints_do_not_depend_on_lines() {
    let report = fixture::report();
    let mut moved = report.clone();
    for file in &mut moved.files {
        for claim in &mut file.claims {
            claim.span.line += 7;
            if let Some(f) = &mut claim.focus {
                f.line += 7;
            }
        }
    }
    let options = Options::default();
    let prints = |r: &Report| -> Vec<String> {
        gitlab(r, &options)
            .as_array()
            .expect("an array")
            .iter()
            .filter(|i| i["check_name"] != "factcheck/input")
            .map(|i| i["fingerprint"].as_str().expect("a string").to_string())
            .collect()
    };
    assert_eq!(prints(&report), prints(&moved));
}
