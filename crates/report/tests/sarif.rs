//! The `sarif` output validates against the SARIF 2.1.0 JSON schema (see `data/README.md`).

mod fixture;

use factcheck_model::Report;
use factcheck_report::{Format, Options, render_to_string};
use serde_json::Value;

/// The pattern of `language` in the OASIS schema (twice: `run.language`, `toolComponent.language`)
/// has a stray `]`, a known defect of the published schema. ECMAScript reads a lone `]` as a
/// literal `]` (Annex B), but the meta-schema's strict `regex` format check in `jsonschema`
/// rejects the schema for it. The test escapes that one character in memory, which keeps the
/// pattern's meaning; the file under `data/` stays as published.
const STRAY_BRACKET: &str = r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#;
const ESCAPED_BRACKET: &str = r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}\\]?$""#;

fn schema() -> jsonschema::Validator {
    let text = include_str!("data/sarif-schema-2.1.0.json");
    assert_eq!(
        text.matches(STRAY_BRACKET).count(),
        2,
        "the schema file changed: review the fix"
    );
    let text = text.replace(STRAY_BRACKET, ESCAPED_BRACKET);
    let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("a valid schema")
}

fn errors(validator: &jsonschema::Validator, log: &Value) -> Vec<String> {
    validator
        .iter_errors(log)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect()
}

fn sarif(report: &Report, options: &Options) -> Value {
    serde_json::from_str(&render_to_string(report, Format::Sarif, options)).expect("SARIF is JSON")
}

#[test]
fn the_fixture_report_validates() {
    let validator = schema();
    for options in [
        Options::default(),
        Options {
            tool_version: "0.1.0".to_string(),
            verbose: true,
            ..Options::default()
        },
    ] {
        let log = sarif(&fixture::report(), &options);
        assert_eq!(errors(&validator, &log), Vec::<String>::new());
    }
    let empty = sarif(&Report::new(vec![]), &Options::default());
    assert_eq!(errors(&validator, &empty), Vec::<String>::new());
}

#[test]
fn the_validator_rejects_a_broken_log() {
    let validator = schema();
    let mut log = sarif(&fixture::report(), &Options::default());
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        Value::from(0);
    log["runs"][0]["results"][0]["level"] = Value::from("fatal");
    log["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] =
        Value::from("drafts/a draft.md");
    assert_eq!(
        errors(&validator, &log).len(),
        3,
        "{:?}",
        errors(&validator, &log)
    );
}

#[test]
fn results_rules_and_locations() {
    let log = sarif(
        &fixture::report(),
        &Options {
            tool_version: "0.1.0".into(),
            ..Options::default()
        },
    );
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "factcheck");
    assert_eq!(driver["version"], "0.1.0");
    let rules: Vec<&str> = driver["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["CAL003", "event-date", "unverifiable"]);

    let results = run["results"].as_array().unwrap();
    // 3 contradicted (error) and 2 unverifiable (note) claims; supported ones have no result.
    let levels: Vec<&str> = results
        .iter()
        .map(|r| r["level"].as_str().unwrap())
        .collect();
    assert_eq!(levels, ["note", "error", "error", "error", "note"]);
    for result in results {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(result["ruleId"], rules[index]);
    }

    // The Istanbul date: focus "September 18" after an emoji; columns count code points and the
    // end column is exclusive.
    let met = results
        .iter()
        .find(|r| r["message"]["text"].as_str().unwrap().contains("Istanbul"))
        .unwrap();
    let span = fixture::span(fixture::ISTANBUL, "September 18", 0);
    let region = &met["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startLine"], span.line);
    assert_eq!(region["startColumn"], span.column);
    assert_eq!(region["endLine"], span.line);
    assert_eq!(
        region["endColumn"],
        span.column + "September 18".chars().count()
    );
    assert_eq!(
        met["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "drafts/istanbul.md"
    );
    let text = met["message"]["text"].as_str().unwrap();
    assert!(
        text.contains("expected: 2023-09-17; found: 2023-09-18"),
        "{text}"
    );
    assert!(
        text.contains("https://armenpress.am/eng/news/1121245/"),
        "{text}"
    );

    // The interval: two related locations, one on an earlier line, then its one part.
    let interval = results.iter().find(|r| r["ruleId"] == "CAL003").unwrap();
    let related = interval["relatedLocations"].as_array().unwrap();
    assert_eq!(related.len(), 3);
    assert!(
        related[2]["message"]["text"]
            .as_str()
            .unwrap()
            .starts_with("✗ calendar `three days after the talks`"),
        "{related:?}"
    );
    assert!(interval["partialFingerprints"]["claimText/v1"].is_string());
    assert_eq!(
        related[0]["physicalLocation"]["region"]["startLine"],
        span.line
    );
    assert_eq!(related[0]["message"]["text"], "the talks are dated here");

    // The CRLF draft: lines count `\r\n` once.
    let ceasefire = results
        .iter()
        .find(|r| r["message"]["text"].as_str().unwrap().contains("2020-11"))
        .unwrap();
    let span = fixture::span(fixture::KARABAKH, "December 2020", 0);
    let region = &ceasefire["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64()),
        (Some(span.line as u64), Some(span.column as u64))
    );

    // The error diagnostic is a tool execution notification; the run did not fully succeed.
    let invocation = &run["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let notes = invocation["toolExecutionNotifications"].as_array().unwrap();
    assert_eq!(notes.len(), 2);
    assert_eq!(notes[0]["level"], "error");
}

/// Paths that are not plain URI references, spans that do not fit, an empty source: still valid.
#[test]
fn odd_paths_and_spans_still_validate() {
    let mut report = fixture::report();
    report.files[0].path = "drafts/a draft, é #1?.md".to_string();
    report.files[1].path = "C:\\drafts\\karabakh.txt".to_string();
    report.files[1].source.clear();
    report.files[0].claims[1].focus = Some(factcheck_model::Span {
        start: 9,
        end: 3,
        line: 0,
        column: 0,
    });
    let validator = schema();
    let options = Options {
        verbose: true,
        ..Options::default()
    };
    let log = sarif(&report, &options);
    assert_eq!(errors(&validator, &log), Vec::<String>::new());
    let uri = &log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
        ["uri"];
    assert_eq!(uri, "drafts/a%20draft,%20%C3%A9%20%231%3F.md");
}

/// Accepted findings: `baselineState` with a baseline, `suppressions` for inline ones; both
/// validate.
#[test]
fn accepted_findings_are_marked() {
    let mut report = fixture::report();
    let mut marked = 0;
    for file in &mut report.files {
        for claim in &mut file.claims {
            if claim.verdict != factcheck_model::Verdict::Contradicted {
                continue;
            }
            for a in &mut claim.assertions {
                if a.verdict == factcheck_model::Verdict::Contradicted {
                    if marked == 0 {
                        a.suppressed = Some(factcheck_model::Suppressed {
                            reason: "the wire copy is right".into(),
                        });
                    } else {
                        a.baselined = true;
                    }
                }
            }
            marked += 1;
        }
    }
    assert!(marked >= 2, "the fixture has two contradicted claims");
    let options = Options {
        baseline: true,
        ..Options::default()
    };
    let log = sarif(&report, &options);
    assert_eq!(errors(&schema(), &log), Vec::<String>::new());
    let results = log["runs"][0]["results"].as_array().expect("results");
    let states: Vec<&str> = results
        .iter()
        .map(|r| r["baselineState"].as_str().expect("a baseline state"))
        .collect();
    assert!(states.contains(&"unchanged") && states.contains(&"new"));
    let suppressed: Vec<&Value> = results
        .iter()
        .filter_map(|r| r.get("suppressions"))
        .collect();
    assert_eq!(suppressed.len(), 1);
    assert_eq!(suppressed[0][0]["kind"], "inSource");
    assert_eq!(suppressed[0][0]["justification"], "the wire copy is right");
    // Without a baseline, no result has a state.
    let log = sarif(&report, &Options::default());
    assert!(
        log["runs"][0]["results"]
            .as_array()
            .expect("results")
            .iter()
            .all(|r| r.get("baselineState").is_none())
    );
}
