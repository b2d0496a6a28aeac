//! Loading validates everything before anything is checked: each error names file, line,
//! column and field, and nothing is half-loaded.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use factcheck_rules::{LoadError, RuleError, load, load_sources};

fn one(name: &str, text: &str) -> Vec<(PathBuf, String)> {
    vec![(PathBuf::from(name), text.to_string())]
}

fn errors(files: Vec<(PathBuf, String)>) -> Vec<RuleError> {
    match load_sources(files) {
        Ok(base) => panic!("loaded {} facts, expected errors", base.len()),
        Err(LoadError { errors }) => errors,
    }
}

fn single(text: &str) -> RuleError {
    let mut errs = errors(one("r.yaml", text));
    assert_eq!(errs.len(), 1, "{errs:#?}");
    errs.remove(0)
}

fn at(e: &RuleError, line: usize, column: usize, field: &str) {
    assert_eq!(e.path, PathBuf::from("r.yaml"), "{e}");
    assert_eq!((e.line, e.column), (Some(line), Some(column)), "{e}");
    assert_eq!(e.field.as_deref(), Some(field), "{e}");
}

const GOOD_EVENT: &str = "\
events:
  - id: meeting
    name: the meeting
    cues: [met in Istanbul]
    date: 2023-09-17
    source: https://example.org/a
";

#[test]
fn a_valid_file_loads() {
    let base = load_sources(one("r.yaml", GOOD_EVENT)).unwrap();
    assert_eq!(base.len(), 1);
    assert_eq!(base.files(), 1);
    assert!(!base.is_empty());
}

#[test]
fn empty_and_comment_only_files_load_with_no_facts() {
    let base = load_sources(vec![
        (PathBuf::from("a.yaml"), String::new()),
        (PathBuf::from("b.yaml"), "# nothing yet\n".into()),
        (PathBuf::from("c.yaml"), "events: []\n".into()),
    ])
    .unwrap();
    assert_eq!((base.len(), base.files()), (0, 3));
}

#[test]
fn unknown_field() {
    let e = single(&GOOD_EVENT.replace("    date:", "    dat: 2023-09-18\n    date:"));
    at(&e, 5, 5, "events[0].dat");
    assert!(e.message.starts_with("unknown field `dat`"), "{e}");
}

#[test]
fn unknown_field_in_a_nested_role() {
    let text = "\
offices:
  - id: klaar
    person: Toivo Klaar
    roles:
      - title: Special Representative
        form: 2017-11-13
";
    let e = single(text);
    at(&e, 6, 9, "offices[0].roles[0].form");
}

#[test]
fn wrong_type() {
    let e = single(&GOOD_EVENT.replace("cues: [met in Istanbul]", "cues: {a: b}"));
    at(&e, 4, 11, "events[0].cues");
    assert!(e.message.contains("invalid type"), "{e}");
}

#[test]
fn missing_field() {
    let e = single(&GOOD_EVENT.replace("    name: the meeting\n", ""));
    assert_eq!(e.field.as_deref(), Some("events[0].name"), "{e}");
    assert_eq!(e.line, Some(2), "{e}");
    assert!(e.column.is_some());
    assert!(e.message.starts_with("missing field `name`"), "{e}");
}

#[test]
fn invalid_yaml() {
    let e = single(&GOOD_EVENT.replace("cues: [met in Istanbul]", "cues: [met in Istanbul"));
    assert_eq!(e.path, PathBuf::from("r.yaml"));
    assert!(e.line.is_some() && e.column.is_some(), "{e}");
    assert!(e.field.is_some(), "{e}");
}

#[test]
fn duplicate_keys() {
    let e = single(&GOOD_EVENT.replace(
        "    date: 2023-09-17\n",
        "    date: 2023-09-17\n    date: 2023-09-18\n",
    ));
    at(&e, 6, 5, "events[0].date");
    assert!(e.message.contains("duplicate"), "{e}");
}

#[test]
fn impossible_date() {
    let e = single(&GOOD_EVENT.replace("2023-09-17", "2023-02-30"));
    at(&e, 5, 11, "events[0].date");
    assert!(e.message.contains("2023-02-30"), "{e}");
}

#[test]
fn malformed_date() {
    let e = single(&GOOD_EVENT.replace("2023-09-17", "17/09/2023"));
    at(&e, 5, 11, "events[0].date");
}

#[test]
fn bad_source_url() {
    let e = single(&GOOD_EVENT.replace("https://example.org/a", "example.org/a"));
    at(&e, 6, 13, "events[0].source");
}

#[test]
fn from_after_to() {
    let text = "\
offices:
  - id: klaar
    person: Toivo Klaar
    roles:
      - title: Special Representative
        from: 2024-08-31
        to: 2017-11-13
";
    let e = single(text);
    at(&e, 7, 9, "offices[0].roles[0].to");
    assert!(e.message.contains("after"), "{e}");
}

#[test]
fn start_after_end() {
    let text = GOOD_EVENT.replace(
        "    date: 2023-09-17\n",
        "    start: 2020-11-10\n    end: 2020-09-27\n",
    );
    let e = single(&text);
    at(&e, 6, 5, "events[0].end");
}

#[test]
fn date_and_start_together() {
    let text = GOOD_EVENT.replace(
        "    date: 2023-09-17\n",
        "    date: 2023-09-17\n    start: 2023-09-17\n",
    );
    let e = single(&text);
    at(&e, 6, 5, "events[0].start");
}

#[test]
fn an_event_without_a_date() {
    let e = single(&GOOD_EVENT.replace("    date: 2023-09-17\n", ""));
    assert_eq!(e.field.as_deref(), Some("events[0].date"));
    assert_eq!((e.line, e.column), (Some(2), Some(5)), "{e}");
}

#[test]
fn semantic_errors_of_one_file_are_all_reported() {
    let text = "\
events:
  - id: bad id
    name: ''
    date: 2023-09-17
counts:
  - id: c
    name: arrivals
    unit: people
    tolerance: 5
    series: []
    examples:
      - text: Over 100,000 arrived.
        date: 2023-10
        verdict: supported
";
    let errs = errors(one("r.yaml", text));
    let fields: Vec<&str> = errs.iter().filter_map(|e| e.field.as_deref()).collect();
    assert_eq!(
        fields,
        vec![
            "events[0].id",
            "events[0].name",
            "counts[0].tolerance",
            "counts[0].series",
            "counts[0].examples[0].date"
        ],
        "{errs:#?}"
    );
    assert!(errs.iter().all(|e| e.line.is_some() && e.column.is_some()));
}

#[test]
fn duplicate_ids_across_files() {
    let errs = errors(vec![
        (PathBuf::from("b.yaml"), GOOD_EVENT.to_string()),
        (PathBuf::from("a.yaml"), format!("# first\n{GOOD_EVENT}")),
    ]);
    assert_eq!(errs.len(), 1, "{errs:#?}");
    let e = &errs[0];
    // Files load in path order: a.yaml is first, so b.yaml holds the duplicate.
    assert_eq!(e.path, PathBuf::from("b.yaml"));
    assert_eq!((e.line, e.column), (Some(2), Some(5)), "{e}");
    assert_eq!(e.field.as_deref(), Some("events[0].id"));
    assert!(e.message.contains("a.yaml:3:5"), "{e}");
}

#[test]
fn errors_of_every_file_are_reported_and_nothing_loads() {
    let errs = errors(vec![
        (
            PathBuf::from("good.yaml"),
            GOOD_EVENT.replace("meeting", "m2"),
        ),
        (
            PathBuf::from("x.yaml"),
            GOOD_EVENT.replace("2023-09-17", "2023-13-01"),
        ),
        (PathBuf::from("y.yaml"), "events: 3\n".into()),
    ]);
    let paths: Vec<_> = errs
        .iter()
        .map(|e| e.path.to_string_lossy().into_owned())
        .collect();
    assert_eq!(paths, vec!["x.yaml", "y.yaml"]);
}

#[test]
fn display_is_one_line_per_error() {
    let err = load_sources(vec![
        (
            PathBuf::from("x.yaml"),
            GOOD_EVENT.replace("2023-09-17", "2023-02-30"),
        ),
        (
            PathBuf::from("y.yaml"),
            GOOD_EVENT.replace("id: meeting", "id: m2\n    colour: red"),
        ),
    ])
    .unwrap_err();
    let text = err.to_string();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(
        lines[0].starts_with("x.yaml:5:11: field `events[0].date`: "),
        "{text}"
    );
    assert!(
        lines[1].starts_with("y.yaml:3:5: field `events[0].colour`: unknown field"),
        "{text}"
    );
}

#[test]
fn a_billion_laughs_is_refused_fast() {
    let mut text = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    for w in names.windows(2) {
        let refs = vec![format!("*{}", w[0]); 9].join(",");
        text.push_str(&format!("{}: &{} [{refs}]\n", w[1], w[1]));
    }
    // The bomb where a list of strings is expected, and at the top level.
    let nested = format!("events:\n  - id: x\n    name: x\n    date: 2023\n    cues: *i\n{text}");
    let start = Instant::now();
    for t in [text.clone(), nested] {
        let e = load_sources(one("bomb.yaml", &t)).unwrap_err();
        assert!(e.errors[0].line.is_some(), "{e}");
    }
    assert!(
        start.elapsed() < Duration::from_secs(1),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn alias_expansion_is_bounded_where_it_would_be_read() {
    // Aliases inside a list that is read: serde_yaml stops after 100 × the events it parsed.
    let mut text = String::from("events:\n  - &e\n    id: x\n    name: x\n    date: 2023\n");
    for _ in 0..200 {
        text.push_str("  - *e\n");
    }
    let start = Instant::now();
    let e = load_sources(one("r.yaml", &text)).unwrap_err();
    assert!(start.elapsed() < Duration::from_secs(1));
    // Two hundred copies of one id: duplicates, each reported.
    assert!(
        e.errors.iter().all(|e| e.message.contains("duplicate id")),
        "{e}"
    );
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    let start = Instant::now();
    for text in [
        format!("events: {}{}\n", "[".repeat(100_000), "]".repeat(100_000)),
        format!(
            "events:\n  - id: x\n    name: x\n    date: 2023\n    note: {}{}\n",
            "[".repeat(100_000),
            "]".repeat(100_000)
        ),
    ] {
        let e = load_sources(one("r.yaml", &text)).unwrap_err();
        assert!(e.errors[0].message.contains("nested deeper than 64"), "{e}");
        assert!(
            e.errors[0].line.is_some() && e.errors[0].column.is_some(),
            "{e}"
        );
    }
    assert!(
        start.elapsed() < Duration::from_secs(1),
        "{:?}",
        start.elapsed()
    );
    // Brackets inside quotes and comments do not count.
    let text = format!(
        "# {}\n{}",
        "[".repeat(100),
        GOOD_EVENT.replace("the meeting", &format!("'{}'", "[".repeat(100)))
    );
    load_sources(one("r.yaml", &text)).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn huge_files_are_refused_before_parsing() {
    let size = factcheck_rules::MAX_FILE_BYTES as usize + 1;
    let text = format!("# {}\n", "x".repeat(size));
    let start = Instant::now();
    let e = load_sources(one("big.yaml", &text)).unwrap_err();
    assert!(e.errors[0].message.contains("over the limit"), "{e}");
    assert!(start.elapsed() < Duration::from_secs(1));
}

#[test]
fn load_reads_a_directory_recursively_and_reports_unreadable_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::write(dir.path().join("sub/events.yml"), GOOD_EVENT).unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not a rule file").unwrap();
    std::fs::create_dir(dir.path().join(".hidden")).unwrap();
    std::fs::write(dir.path().join(".hidden/x.yaml"), "garbage: [").unwrap();
    let base = load(dir.path()).unwrap();
    assert_eq!((base.len(), base.files()), (1, 1));

    std::fs::write(dir.path().join("bad.yaml"), b"events: []\n# \xff\xfe\n").unwrap();
    let e = load(dir.path()).unwrap_err();
    assert_eq!(e.errors.len(), 1);
    assert!(e.errors[0].message.contains("UTF-8"), "{e}");
    assert_eq!(e.errors[0].line, Some(2));

    let missing = load(&dir.path().join("nope")).unwrap_err();
    assert!(
        missing.errors[0].message.contains("cannot read"),
        "{missing}"
    );
}

#[test]
fn fact_base_is_send_and_sync() {
    fn assert<T: Send + Sync>() {}
    assert::<factcheck_rules::FactBase>();
}

const MONEY: &str = "counts:\n  - id: loan\n    name: the loan\n    unit: euros\n    currency: {code: EUR, accepts: [\"€\", euros]}\n    series:\n      - as_of: 2013-03-25\n        value: 10\n";

#[test]
fn a_count_in_a_currency_loads_and_a_bad_code_or_two_measures_do_not() {
    assert!(factcheck_rules::load_sources(one("m.yaml", MONEY)).is_ok());
    let e = single(&MONEY.replace("code: EUR", "code: euro"));
    assert!(e.message.contains("not an ISO 4217 code"), "{e}");
    at(&e, 5, 5, "counts[0].currency.code");
    let e = single(&MONEY.replace(
        "    unit: euros\n",
        "    unit: euros\n    measure: percent\n",
    ));
    assert!(
        e.message.contains("a currency or a percentage, not both"),
        "{e}"
    );
    let e = single(&MONEY.replace("accepts: [\"€\", euros]", "accepts: [\" \"]"));
    assert!(e.message.contains("is empty"), "{e}");
    let e = single(&MONEY.replace("currency: {", "measure: money\n    currency: {"));
    assert!(e.message.contains("money"), "{e}");
}
