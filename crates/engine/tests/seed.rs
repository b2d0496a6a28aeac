//! The seed article with the shipped rules, through the real grammar: every statement the
//! reference facts list as correct is supported, each official's role is supported, and nothing
//! is contradicted.

use std::path::Path;

use factcheck_claims::{Options, parse};
use factcheck_model::{CheckedClaim, FileReport, Verdict};

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn seed() -> FileReport {
    let base = factcheck_rules::load(&root().join("rules")).unwrap_or_else(|e| panic!("{e}"));
    let path = "seeds/000_414de2cf1f6c4a3e.txt";
    let text = std::fs::read_to_string(root().join(path)).unwrap();
    // The seed has no dateline: its date (2023-10-05) comes from factcheck.toml in the CLI.
    let options = Options {
        date: Some("2023-10-05".parse().unwrap()),
        ..Options::default()
    };
    let doc = parse(&text, &options);
    factcheck_engine::check_document(&base, &doc, path, &text)
}

/// The claim whose text contains `needle`.
fn claim<'a>(r: &'a FileReport, needle: &str) -> &'a CheckedClaim {
    let found: Vec<&CheckedClaim> = r
        .claims
        .iter()
        .filter(|c| c.text.contains(needle))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "claims containing {needle:?}: {:#?}",
        r.claims.iter().map(|c| &c.text).collect::<Vec<_>>()
    );
    found[0]
}

#[track_caller]
fn supported(r: &FileReport, needle: &str, check: &str, fact: &str) {
    let c = claim(r, needle);
    assert_eq!(c.verdict, Verdict::Supported, "{needle:?}: {}", c.message);
    assert!(
        c.facts.iter().any(|f| f == fact),
        "{needle:?} rests on {:?}",
        c.facts
    );
    assert_eq!(c.check.as_deref(), Some(check), "{needle:?}");
    assert!(!c.sources.is_empty(), "{needle:?} has sources");
}

#[test]
fn nothing_in_the_seed_is_contradicted() {
    let r = seed();
    for c in &r.claims {
        assert_ne!(
            c.verdict,
            Verdict::Contradicted,
            "{:?}: {}",
            c.text,
            c.message
        );
    }
    assert_eq!(r.date.map(|d| d.to_string()).as_deref(), Some("2023-10-05"));
}

#[test]
fn the_statements_correct_as_written_are_supported() {
    let r = seed();
    // "Wednesday"
    supported(
        &r,
        "Politico said in a report published on Wednesday",
        "event-date",
        "politico-report-2023-10-04",
    );
    // "two days before"
    supported(
        &r,
        "just two days before Baku launched",
        "event-relation",
        "karabakh-operation-2023-09-19",
    );
    // the headline's "days before"
    supported(
        &r,
        "days before Baku's attack",
        "event-relation",
        "istanbul-meeting-2023-09-17",
    );
    // "September 17" and "since last year"
    let c = claim(&r, "since last year");
    supported(
        &r,
        "since last year",
        "event-date",
        "lachin-blockade-2022-12-12",
    );
    assert!(c.facts.iter().any(|f| f == "istanbul-meeting-2023-09-17"));
    assert!(
        c.found
            .as_deref()
            .unwrap_or("")
            .contains("since last year (2022)"),
        "{:?}",
        c.found
    );
    // "last month"
    supported(
        &r,
        "announced last month",
        "event-date",
        "karabakh-operation-2023-09-19",
    );
    // "one day later"
    let c = claim(&r, "one day later");
    supported(
        &r,
        "one day later",
        "event-relation",
        "karabakh-ceasefire-2023-09-20",
    );
    assert_eq!(c.check.as_deref(), Some("event-relation"));
    // "November 2020" and "six-week"
    let c = claim(&r, "six-week conflict");
    supported(
        &r,
        "six-week conflict",
        "event-date",
        "karabakh-ceasefire-2020-11-10",
    );
    assert!(c.facts.iter().any(|f| f == "karabakh-war-2020"));
    assert!(
        c.expected
            .as_deref()
            .unwrap_or("")
            .contains("44 days (6.3 weeks)"),
        "{:?}",
        c.expected
    );
    // "over 100,000 since September 24"
    let c = claim(&r, "Over 100,000");
    supported(&r, "Over 100,000", "count", "karabakh-arrivals-2023");
    assert!(
        c.expected
            .as_deref()
            .unwrap_or("")
            .contains("100,625 people as of 2023-10-03"),
        "{:?}",
        c.expected
    );
    assert!(
        c.sources
            .iter()
            .any(|s| s == "https://archive.armlife.am/ru/news/275692.html")
    );
}

#[test]
fn each_official_role_is_supported() {
    let r = seed();
    for (name, fact) in [
        ("Louis Bono", "louis-bono"),
        ("Toivo Klaar", "toivo-klaar"),
        ("Igor Khovaev", "igor-khovaev"),
    ] {
        let c = claim(&r, name);
        assert_eq!(c.verdict, Verdict::Supported, "{name}: {}", c.message);
        assert_eq!(c.check.as_deref(), Some("office-role"));
        assert_eq!(c.facts, vec![fact]);
    }
}

#[test]
fn the_loose_role_and_the_unresolved_anchor_are_unverifiable() {
    let r = seed();
    let c = claim(&r, "spokesperson for the Armenian cabinet");
    assert_eq!(c.verdict, Verdict::Unverifiable, "{}", c.message);
    assert_eq!(c.check.as_deref(), Some("office-role"));
    assert!(
        c.message.contains(
            "no role of Nazeli Baghdasaryan worded `spokesperson for the Armenian cabinet`"
        ),
        "{}",
        c.message
    );
    let c = claim(&r, "Following this declaration");
    assert_eq!(c.verdict, Verdict::Unverifiable, "{}", c.message);
    assert!(
        c.message.contains("`this declaration`")
            || c.message.contains("`Following this declaration`"),
        "{}",
        c.message
    );
}
