//! `rules lint`: findings about rules that load but look wrong, each with file, line, column.

use std::path::PathBuf;

use factcheck_rules::{Finding, lint_sources};

fn lint(text: &str) -> Vec<Finding> {
    let (_, findings) = lint_sources(vec![(PathBuf::from("r.yaml"), text.to_string())])
        .unwrap_or_else(|e| panic!("{e}"));
    findings
}

#[test]
fn clean_rules_have_no_findings() {
    let text = "\
events:
  - id: a
    name: the meeting
    cues: [met in Istanbul]
    date: 2023-09-17
    source: https://example.org/a
";
    assert!(lint(text).is_empty());
}

#[test]
fn a_phrase_used_by_two_facts() {
    let text = "\
events:
  - id: a
    name: the meeting
    cues: [met in Istanbul]
    date: 2023-09-17
    source: https://example.org/a
  - id: b
    name: the talks
    cues: [talks, \"Met in  Istanbul\"]
    date: 2023-09-18
    source: https://example.org/b
";
    let f = lint(text);
    assert_eq!(f.len(), 1, "{f:#?}");
    // In a flow list the finding points at the list.
    assert_eq!((f[0].line, f[0].column, f[0].fact_id.as_str()), (9, 5, "b"));
    assert!(
        f[0].message.contains("also a phrase of `a`"),
        "{}",
        f[0].message
    );
    assert_eq!(f[0].to_string().split(": ").next(), Some("r.yaml:9:5"));
}

#[test]
fn role_titles_may_be_shared_but_tenures_must_not_overlap() {
    let text = "\
offices:
  - id: klaar
    person: Toivo Klaar
    source: https://example.org/k
    roles:
      - title: EU Special Representative
        from: 2017-11-13
        to: 2024-08-31
  - id: grono
    person: Magdalena Grono
    source: https://example.org/g
    roles:
      - title: EU special representative
        from: 2024-08-01
";
    let f = lint(text);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!((f[0].line, f[0].fact_id.as_str()), (13, "grono"));
    assert!(
        f[0].message.contains("overlaps `klaar`"),
        "{}",
        f[0].message
    );
    // Successive tenures, or a shared role, are fine.
    assert!(lint(&text.replace("2024-08-01", "2024-09-01")).is_empty());
    assert!(
        lint(&text.replace(
            "        from: 2024-08-01",
            "        from: 2024-08-01\n        shared: true"
        ))
        .is_empty()
    );
}

#[test]
fn a_fact_without_a_source() {
    let text = "\
counts:
  - id: c
    name: arrivals
    unit: people
    series:
      - as_of: 2023-09-29
        value: 1
";
    let f = lint(text);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!((f[0].line, f[0].column), (2, 5));
    assert!(f[0].message.contains("no source"));
    // A source on a value is a source.
    assert!(lint(&format!("{text}        source: https://example.org/v\n")).is_empty());
}

#[test]
fn a_count_series_out_of_order() {
    let text = "\
counts:
  - id: c
    name: arrivals
    unit: people
    source: https://example.org/c
    series:
      - as_of: 2023-10-03
        value: 100625
      - as_of: 2023-10-03
        value: 100700
      - as_of: 2023-09-29
        value: 97735
";
    let f = lint(text);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!((f[0].line, f[0].column), (11, 9));
    assert!(
        f[0].message
            .contains("as of 2023-09-29 comes after 2023-10-03"),
        "{}",
        f[0].message
    );
}

#[test]
fn lint_reports_load_errors_as_errors() {
    let e = lint_sources(vec![(PathBuf::from("r.yaml"), "events: [1]\n".into())]).unwrap_err();
    assert_eq!(e.errors.len(), 1);
}

fn messages(text: &str) -> Vec<String> {
    lint(text).into_iter().map(|f| f.message).collect()
}

#[test]
fn phrases_that_cannot_do_what_they_look_meant_to() {
    let text = "\
events:
  - id: repeal
    name: the repeal of the policy
    aliases: [\"don't ask, don't tell\", the policy repeal, The Policy Repeal]
    cues: [don't tell\", died, repealed the policy]
    date: 2010-12-22
    source: https://example.org/r
";
    let m = messages(text);
    assert!(
        m.iter()
            .any(|m| m.contains("`The Policy Repeal` is listed twice")),
        "{m:#?}"
    );
    assert!(
        m.iter()
            .any(|m| m.contains("`don't tell\"` looks like a piece of a list")),
        "{m:#?}"
    );
    assert!(
        m.iter()
            .any(|m| m.contains("the cue `died` is one common verb")),
        "{m:#?}"
    );
    // A phrase with a comma, quoted whole, and a cue of several words are fine.
    assert_eq!(m.len(), 3, "{m:#?}");
}

#[test]
fn a_one_word_title_needs_an_organisation() {
    let text = "\
offices:
  - id: doe
    person: Jane Doe
    source: https://example.org/d
    roles:
      - title: economist
        from: 2001
      - title: chief economist
        from: 2005
      - title: president
        organisation: the central bank
        from: 2010
";
    let m = messages(text);
    assert_eq!(m.len(), 1, "{m:#?}");
    assert!(
        m[0].contains("the one-word title `economist` has no organisation"),
        "{m:#?}"
    );
}

#[test]
fn a_phrase_another_fact_hides_in_an_example() {
    let text = "\
offices:
  - id: doe
    person: Dr. Jane Doe
    source: https://example.org/d
    roles:
      - title: chief economist
        organisation: the central bank
        from: 2001
events:
  - id: warning
    name: the Doe warning
    cues: [Jane Doe said]
    date: 2013-03-01
    source: https://example.org/w
    examples:
      - text: Dr. Jane Doe said on March 1, 2013 that the bank would fail.
        date: 2013-03-10
        verdict: supported
";
    let m = messages(text);
    assert!(
        m.iter()
            .any(|m| m.contains("`Jane Doe said` is taken by `Dr. Jane Doe` of `doe`")),
        "{m:#?}"
    );
}

#[test]
fn a_handover_on_one_day_is_no_overlap() {
    let text = "\
offices:
  - id: a
    person: Ann Able
    source: https://example.org/a
    roles:
      - title: mayor
        organisation: Tarn
        from: 2010-01-01
        to: 2015-06-01
  - id: b
    person: Ben Bold
    source: https://example.org/b
    roles:
      - title: mayor
        organisation: Tarn
        from: 2015-06-01
";
    assert!(lint(text).is_empty(), "{:#?}", lint(text));
    let overlap = text.replace("from: 2015-06-01", "from: 2015-05-31");
    assert!(messages(&overlap).iter().any(|m| m.contains("overlaps")));
}
