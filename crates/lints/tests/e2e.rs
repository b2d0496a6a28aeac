//! The checks through the real grammar: the seeds, and the examples of each check.

use std::path::PathBuf;

use factcheck_claims::{Document, Options, parse};
use factcheck_lints::{Finding, check};
use factcheck_model::Date;

fn seeds_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

fn options(date: Option<&str>) -> Options {
    Options {
        date: date.map(|d| d.parse::<Date>().expect("date")),
        ..Options::default()
    }
}

fn run(text: &str, date: Option<&str>) -> (Document, Vec<Finding>) {
    let doc = parse(text, &options(date));
    let findings = check(&doc);
    (doc, findings)
}

/// One line per finding, with the focus and related text, for assertions and snapshots.
fn render(text: &str, doc: &Document, findings: &[Finding]) -> String {
    let mut out = String::new();
    for f in findings {
        out.push_str(&format!(
            "{} {}:{} [{}] {}\n  claim: {}\n  expected: {}\n  found: {}\n",
            f.code,
            f.focus.line,
            f.focus.column,
            &text[f.focus.range()],
            f.message,
            doc.claims[f.claim].text,
            f.expected.as_deref().unwrap_or("-"),
            f.found.as_deref().unwrap_or("-"),
        ));
        for r in &f.related {
            out.push_str(&format!(
                "  related {}:{} [{}] {}\n",
                r.span.line,
                r.span.column,
                &text[r.span.range()],
                r.message
            ));
        }
    }
    out
}

fn codes(text: &str, date: Option<&str>) -> Vec<&'static str> {
    run(text, date).1.into_iter().map(|f| f.code).collect()
}

fn read(name: &str) -> String {
    std::fs::read_to_string(seeds_dir().join(name)).expect("seed")
}

#[test]
fn the_seed_has_no_findings() {
    let text = read("000_414de2cf1f6c4a3e.txt");
    let (doc, findings) = run(&text, Some("2023-10-05"));
    assert!(findings.is_empty(), "{}", render(&text, &doc, &findings));
    // Also without a document date, and read as Markdown.
    let (doc, findings) = run(&text, None);
    assert!(findings.is_empty(), "{}", render(&text, &doc, &findings));
}

#[test]
fn true_seeds_have_no_findings() {
    // The seed article, lint_true.md, and any draft whose name says it is true.
    let mut checked = 0;
    for entry in std::fs::read_dir(seeds_dir()).expect("seeds/") {
        let path = entry.expect("entry").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        let is_draft = name.ends_with(".md") || name.ends_with(".txt");
        let is_true = name.starts_with("000_") || name.contains("true");
        if !is_draft || !is_true || name.eq_ignore_ascii_case("README.md") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("seed");
        let date = if name.starts_with("000_") {
            Some("2023-10-05")
        } else {
            None
        };
        let (doc, findings) = run(&text, date);
        assert!(
            findings.is_empty(),
            "{name}:\n{}",
            render(&text, &doc, &findings)
        );
        checked += 1;
    }
    assert!(checked >= 2, "the seed and lint_true.md at least");
}

#[test]
fn lint_false_has_one_finding_per_case() {
    let text = read("lint_false.md");
    let (doc, findings) = run(&text, None);
    assert_eq!(
        doc.date.map(|d| d.to_string()).as_deref(),
        Some("2023-10-05")
    );
    let got: Vec<&str> = findings.iter().map(|f| f.code).collect();
    let mut sorted = got.clone();
    sorted.sort_unstable();
    assert_eq!(
        sorted,
        [
            "ARI001", "ARI002", "ARI003", "CAL001", "CAL002", "CAL003", "CAL003", "CAL003",
            "SELF001", "SELF002"
        ],
        "{}",
        render(&text, &doc, &findings)
    );
    insta::assert_snapshot!("lint_false", render(&text, &doc, &findings));
}

#[test]
fn the_issue_examples_through_the_grammar() {
    let doc = Some("2023-10-05");
    assert_eq!(
        codes("On Friday, September 20, 2023, the officials met.", doc),
        ["CAL001"]
    );
    assert_eq!(
        codes("Wednesday's meeting on 17 September was secret.", doc),
        ["CAL001"]
    );
    assert_eq!(
        codes("The ceasefire was signed on February 30.", doc),
        ["CAL002"]
    );
    assert_eq!(
        codes("The ceasefire was signed on September 31.", doc),
        ["CAL002"]
    );
    assert_eq!(codes("It happened on 2023-02-29.", doc), ["CAL002"]);
    assert!(codes("It happened on 2024-02-29.", doc).is_empty());
    assert_eq!(
        codes(
            "The officials met on September 17, three days before the offensive began on September 19.",
            doc
        ),
        ["CAL003"]
    );
    assert_eq!(
        codes(
            "The war, which began on 27 September and ended on 10 November, lasted three months.",
            doc
        ),
        ["CAL003"]
    );
    assert_eq!(
        codes(
            "The offensive began on September 30. One day later, on October 2, it ended.",
            doc
        ),
        ["CAL003"]
    );
    assert!(
        codes(
            "The offensive began on September 30. One day later, on October 1, it ended.",
            doc
        )
        .is_empty()
    );
    assert!(
        codes(
            "The talks ended on December 31, 2022. One day later, on January 1, the truce began.",
            doc
        )
        .is_empty()
    );
    // The grammar's year mentions count too.
    assert_eq!(
        codes("The war began in 2020. Later, the war began in 2021.", doc),
        ["SELF001"]
    );
    assert!(
        codes(
            "The war began in 2020. The war began on 27 September 2020.",
            doc
        )
        .is_empty()
    );
    assert_eq!(
        codes("Arrivals rose from 40 to 50, a 20% increase.", doc),
        ["ARI001"]
    );
    assert!(codes("Arrivals rose from 40 to 50, a 25% increase.", doc).is_empty());
    assert_eq!(
        codes("The number of checkpoints doubled from 40 to 90.", doc),
        ["ARI002"]
    );
    assert_eq!(
        codes("Of the 100 victims, 60 were men and 50 women.", doc),
        ["ARI003"]
    );
    assert!(codes("Of the 100 victims, 60 were men and 40 women.", doc).is_empty());
}

#[test]
fn markdown_markup_and_crlf_keep_spans_right() {
    let text = "---\r\ndate: 2023-10-05\r\n---\r\n\r\n# Talks\r\n\r\nOn **Friday**, September 20, 2023, the *officials* met.\r\n\r\n- Of the [100 victims](https://example.org/a-60-50), 60 were men and 50 women.\r\n";
    let (doc, findings) = run(text, None);
    let shown = render(text, &doc, &findings);
    let got: Vec<(&str, &str, usize, usize)> = findings
        .iter()
        .map(|f| (f.code, &text[f.focus.range()], f.focus.line, f.focus.column))
        .collect();
    assert_eq!(
        got,
        [
            ("CAL001", "Friday**, September 20, 2023", 7, 6),
            ("ARI003", "60 were men and 50 women", 9, 54),
        ],
        "{shown}"
    );
    assert_eq!(
        findings[0].found.as_deref(),
        Some("Friday, September 20, 2023")
    );
    assert_eq!(findings[1].related[0].message, "the total: 100 victims");
}

#[test]
fn plain_text_without_a_document_date() {
    // No year and no document date: the weekday check stays silent, the others still work.
    assert!(codes("On Friday, September 20, the officials met.", None).is_empty());
    assert_eq!(
        codes("On Friday, September 20, 2023, the officials met.", None),
        ["CAL001"]
    );
    assert_eq!(
        codes(
            "They met on September 17, three days before the vote on September 19.",
            None
        ),
        ["CAL003"]
    );
}

#[test]
fn tricky_true_text_stays_silent() {
    let text = "---
date: 2023-10-05
---

# Week in review

In September 31 soldiers were wounded, the ministry said on Monday.
The committee met on September 17. The committee met again on October 3.
A meeting took place on September 18, and a meeting took place on September 25.
From 2019 to 2023, prices rose 20%, and turnout rose from 40 to 50 in the 20% of districts that voted.
Of the 100 victims, 60 were men aged 20 to 40.
Of the 100 victims, 60 were women and 50 were Armenians.
One of the 100 victims, 60 years old, was a doctor.
The offensive began on September 19, two days after the envoys met on September 17.
Talks began on September 17. Talks began on October 3.
The talks, which began on 1 March and ended on 3 March, followed a three-year freeze.
The war of 2020 began on 27 September 2020; the war began in September 2020, as historians note.
Over 100,000 residents have moved to Armenia. By October 3, 100,625 residents had moved to Armenia.
About 120,000 people lived in the region before the exodus.
The number doubled to 90, then fell from 90 to 80, an 11% drop.
Some 40,000 people fled in 2020, a third of them children.
The ceasefire held on Wednesday, September 20, and the following day, on September 21, talks began.
On Thursday, February 29, 2024, the report was published.
The offensive lasted one day, from September 19 to September 20.
The blockade, which began on 12 December 2022, lasted nine months.
";
    let (doc, findings) = run(text, None);
    assert!(findings.is_empty(), "{}", render(text, &doc, &findings));
}
