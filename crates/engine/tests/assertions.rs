//! The assertion suite (`tests/assertions/`): drafts on topics other than the seed's, with
//! their own rule files, holding injected errors of many kinds and true sentences that carry a
//! second, unrelated date or number.
//!
//! The promise under test: no sentence with a false or unchecked part is supported; every
//! injected error is contradicted, or at least an unverifiable assertion, never ✓; and no true
//! sentence is contradicted. Each row names the claim by a piece of its text.

use std::path::{Path, PathBuf};

use factcheck_claims::{Options, parse};
use factcheck_model::{CheckedClaim, FileReport, Report, Verdict};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/assertions")
}

fn check(draft: &str) -> FileReport {
    let base = factcheck_rules::load(&dir().join("rules")).unwrap_or_else(|e| panic!("{e}"));
    let path = format!("drafts/{draft}.md");
    let text = std::fs::read_to_string(dir().join(&path)).unwrap();
    let doc = parse(&text, &Options::default());
    factcheck_engine::check_document(&base, &doc, &path, &text)
}

/// What a sentence must get.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Want {
    /// A true sentence, every part checked.
    Supported,
    /// A true sentence with a part no rule speaks to: never contradicted, never ✓.
    Partly,
    /// A sentence nothing speaks to: unverifiable.
    Unchecked,
    /// An injected error, contradicted; the kind is for the table in the docs.
    Error(&'static str),
}

use Want::*;

const CASES: &[(&str, &str, Want)] = &[
    // An obituary, dated 2008-06-02.
    (
        "obituary",
        "who died in 2008, reached the summit",
        Unchecked,
    ), // a date of another verb
    ("obituary", "in 1953 and wrote about it in 1961", Partly),
    ("obituary", "summit in 1952", Error("date")),
    ("obituary", "summit in 1954, two years", Error("date")),
    ("obituary", "55 years since", Supported),
    ("obituary", "40 years since", Error("elapsed time")),
    ("obituary", "which began on February 21, 1968", Supported),
    ("obituary", "took 99 days", Supported), // counting both ends
    ("obituary", "took 98 days", Supported),
    ("obituary", "took 120 days", Error("duration")),
    ("obituary", "more than three months", Supported),
    ("obituary", "less than three months", Error("less than")),
    ("obituary", "on Friday, May 29, 1953", Supported),
    ("obituary", "on Sunday, May 29, 1953", Error("weekday")),
    (
        "obituary",
        "who reached the summit in 1954",
        Error("a date in a relative clause"),
    ),
    // A state visit, dated 2019-03-25: 20 to 22 March.
    ("visit", "visit began on March 20, 2019", Supported),
    ("visit", "visit ended on March 22", Supported),
    ("visit", "on March 21, Reyes met 40 students", Partly), // a day inside the visit
    ("visit", "began the state visit on March 20", Supported),
    (
        "visit",
        "visit began on March 21.",
        Error("a start inside a span"),
    ),
    ("visit", "visit ended on March 23", Error("end")),
    ("visit", "Wednesday, March 20, 2019, after a flight", Partly),
    (
        "visit",
        "Alma Reyes, arrived in 2015",
        Error("role at the wrong time"),
    ),
    (
        "visit",
        "In 2015, Norland's president",
        Error("historical tenure"),
    ),
    ("visit", "In 2017, Norland's president", Partly),
    (
        "visit",
        "In 2023, Norland's president",
        Error("role at the wrong time"),
    ),
    ("visit", "Hendrik Smit, joined her", Partly),
    // A bailout and a dock strike, dated 2013-06-10.
    (
        "bailout",
        "bailed out on March 25, 2013, after talks",
        Partly,
    ), // "began in 2012": the talks
    ("bailout", "about 5 percent of the bloc's output", Partly), // a percentage no rule states
    ("bailout", "bailed out on March 26, 2013", Error("date")),
    (
        "bailout",
        "Hendrik Smit, welcomed the deal",
        Error("role at the wrong time"),
    ),
    ("bailout", "In 2016, Kesteria's finance minister", Partly),
    (
        "bailout",
        "In 2014, Kesteria's finance minister",
        Error("historical tenure"),
    ),
    ("bailout", "of 1984 lasted less than two months", Supported),
    ("bailout", "lasted more than two months", Error("more than")),
    ("bailout", "lasted six weeks", Supported),
    ("bailout", "3,000 workers joined it", Unchecked),
    ("bailout", "lasted ten weeks", Error("duration")),
    ("bailout", "began on April 2, 1984", Supported),
    ("bailout", "began on April 9, 1984", Error("date")),
    // A flood, dated 2021-07-20.
    ("flood", "about 12,000 people were evacuated", Supported),
    (
        "flood",
        "about 20,000 people were evacuated",
        Error("count"),
    ),
    ("flood", "More than 15,000", Error("more than")),
    ("flood", "8 percent of its population", Partly),
    ("flood", "on Wednesday, July 14, 2021", Supported),
    ("flood", "on Tuesday, July 14, 2021", Error("weekday")),
    ("flood", "two days after a storm warning", Partly),
    ("flood", "struck on July 15", Error("date")),
    // A bailout in figures, dated 2013-06-10: currencies, a limit, percentages.
    ("budget", "a rescue loan of €10 billion.", Supported),
    ("budget", "10 billion euros", Supported),
    ("budget", "at $10 billion", Unchecked), // another currency: never compared
    ("budget", "of €12 billion", Error("count")),
    ("budget", "insured up to 100,000 euros", Supported),
    ("budget", "insured up to 150,000 euros", Error("limit")),
    ("budget", "reached 15.6 percent", Supported),
    ("budget", "reached 18 percent", Error("percentage")),
    ("budget", "about 16% in May", Supported), // read as of May: the value of May 31
    ("budget", "2 percentage points", Unchecked),
    ("budget", "with 25 conditions", Partly),
];

/// Every draft of the suite.
const DRAFTS: [&str; 5] = ["obituary", "visit", "bailout", "flood", "budget"];

fn find<'a>(file: &'a FileReport, needle: &str) -> &'a CheckedClaim {
    let found: Vec<&CheckedClaim> = file
        .claims
        .iter()
        .filter(|c| {
            c.text.contains(needle.trim_end_matches('.'))
                && (!needle.ends_with('.') || c.text.ends_with(needle.trim_end_matches('.')))
        })
        .collect();
    assert_eq!(
        found.len(),
        1,
        "{}: claims containing {needle:?}: {:#?}",
        file.path,
        file.claims.iter().map(|c| &c.text).collect::<Vec<_>>()
    );
    found[0]
}

#[test]
fn every_sentence_gets_what_it_should() {
    let mut wrong = Vec::new();
    for draft in DRAFTS {
        let file = check(draft);
        for &(d, needle, want) in CASES.iter().filter(|c| c.0 == draft) {
            let c = find(&file, needle);
            let ok = match want {
                Supported => c.verdict == Verdict::Supported,
                Partly => c.verdict == Verdict::Unverifiable && c.partly_checked,
                Unchecked => c.verdict == Verdict::Unverifiable,
                Error(_) => c.verdict == Verdict::Contradicted,
            };
            if !ok {
                wrong.push(format!(
                    "{d}: {needle:?}: want {want:?}, got {} (partly checked: {}): {}",
                    c.verdict, c.partly_checked, c.message
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_suite_has_enough_errors_of_enough_kinds() {
    let kinds: std::collections::BTreeSet<&str> = CASES
        .iter()
        .filter_map(|c| match c.2 {
            Error(k) => Some(k),
            _ => None,
        })
        .collect();
    let errors = CASES.iter().filter(|c| matches!(c.2, Error(_))).count();
    assert!(errors >= 20, "{errors} injected errors");
    assert!(kinds.len() >= 8, "{kinds:?}");
}

/// Nothing anywhere in the suite is supported with a part that is not: the invariant itself,
/// over every claim (not only the table's).
#[test]
fn no_supported_claim_has_an_unchecked_or_failing_part() {
    for draft in DRAFTS {
        let file = check(draft);
        for c in &file.claims {
            if c.verdict == Verdict::Supported {
                assert!(
                    !c.assertions.is_empty()
                        && c.assertions.iter().all(|a| a.verdict == Verdict::Supported),
                    "{}: {c:#?}",
                    file.path
                );
            }
        }
    }
}

#[test]
fn human_reports() {
    for draft in DRAFTS {
        let report = Report::new(vec![check(draft)]);
        let options = factcheck_report::Options {
            verbose: true,
            ..Default::default()
        };
        let text =
            factcheck_report::render_to_string(&report, factcheck_report::Format::Human, &options);
        insta::assert_snapshot!(format!("assertions_{draft}"), text);
    }
}
