//! The `json` and `jsonl` renderers write by hand what serde_json writes for the verdict model:
//! checked here on arbitrary reports (text with quotes, backslashes, control characters and
//! non-ASCII in every string field; any numbers; optional fields and lists empty or not), so that
//! the hand writer can never drift from the model's serde form.

mod fixture;

use factcheck_model::{
    Assertion, AssertionKind, CheckedClaim, Diagnostic, FileReport, Level, PartialDate, Related,
    Report, Span, Suppressed, Verdict,
};
use factcheck_report::{Format, Options, render};
use proptest::collection::vec;
use proptest::prelude::*;
use serde::Serialize;

/// The `jsonl` line as serde writes it: the claim flattened after `path`.
#[derive(Serialize)]
struct Line<'a> {
    path: &'a str,
    #[serde(flatten)]
    claim: &'a CheckedClaim,
}

fn serde_jsonl(report: &Report) -> Vec<u8> {
    let mut out = Vec::new();
    for file in &report.files {
        for claim in &file.claims {
            let line = Line {
                path: &file.path,
                claim,
            };
            serde_json::to_writer(&mut out, &line).unwrap();
            out.push(b'\n');
        }
    }
    out
}

fn serde_json_pretty(report: &Report) -> Vec<u8> {
    let mut out = serde_json::to_vec_pretty(report).unwrap();
    out.push(b'\n');
    out
}

fn rendered(report: &Report, format: Format) -> Vec<u8> {
    let mut out = Vec::new();
    render(report, format, &Options::default(), &mut out).unwrap();
    out
}

/// Asserts both formats against serde, showing the first difference as text.
fn assert_same_as_serde(report: &Report) {
    for (format, expected) in [
        (Format::Jsonl, serde_jsonl(report)),
        (Format::Json, serde_json_pretty(report)),
    ] {
        let got = rendered(report, format);
        assert_eq!(
            String::from_utf8_lossy(&got),
            String::from_utf8_lossy(&expected),
            "{format}"
        );
        assert!(got == expected, "{format}: bytes differ");
    }
}

/// Any text, weighted towards what JSON escapes.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[\\x00-\\x20\"\\\\/a-z\\x7f\u{80}-\u{ff}é“”¢Ü\u{2028}😀]{0,24}",
        "[a-zA-Z ,.]{0,40}",
    ]
}

fn number() -> impl Strategy<Value = usize> {
    prop_oneof![0usize..200, any::<usize>()]
}

fn span() -> impl Strategy<Value = Span> {
    (number(), number(), number(), number()).prop_map(|(start, end, line, column)| Span {
        start,
        end,
        line,
        column,
    })
}

fn verdict() -> impl Strategy<Value = Verdict> {
    prop_oneof![
        Just(Verdict::Supported),
        Just(Verdict::Contradicted),
        Just(Verdict::Unverifiable),
    ]
}

fn assertion() -> impl Strategy<Value = Assertion> {
    (
        (0usize..10, text(), span(), verdict()),
        (
            proptest::option::of(text()),
            vec(text(), 0..3),
            proptest::option::of(text()),
        ),
        (proptest::option::of(text()), vec(text(), 0..2), text()),
        vec((span(), text()), 0..2),
        (proptest::option::of(text()), any::<bool>()),
    )
        .prop_map(
            |(
                (k, text, span, verdict),
                (check, facts, expected),
                (found, sources, message),
                related,
                (suppressed, baselined),
            )| {
                use AssertionKind::*;
                let kind = [
                    Date,
                    Relation,
                    Duration,
                    Elapsed,
                    Role,
                    Count,
                    Share,
                    Calendar,
                    Arithmetic,
                    Consistency,
                ][k];
                Assertion {
                    kind,
                    text,
                    span,
                    verdict,
                    check,
                    facts,
                    expected,
                    found,
                    sources,
                    message,
                    related: related
                        .into_iter()
                        .map(|(span, message)| Related { span, message })
                        .collect(),
                    suppressed: suppressed.map(|reason| Suppressed { reason }),
                    baselined,
                }
            },
        )
}

fn claim() -> impl Strategy<Value = CheckedClaim> {
    (
        (text(), span(), verdict(), vec(text(), 0..3)),
        (
            proptest::option::of(text()),
            proptest::option::of(text()),
            vec(text(), 0..3),
        ),
        (text(), number(), proptest::option::of(text())),
        (
            proptest::option::of(span()),
            proptest::option::of(text()),
            vec((span(), text()), 0..3),
        ),
        (any::<bool>(), vec(assertion(), 0..3), any::<bool>()),
    )
        .prop_map(
            |(
                (text, span, verdict, facts),
                (expected, found, sources),
                (message, sentence, check),
                (focus, attribution, related),
                (partly_checked, assertions, baselined),
            )| CheckedClaim {
                text,
                span,
                verdict,
                facts,
                expected,
                found,
                sources,
                message,
                sentence,
                check,
                focus,
                attribution,
                related: related
                    .into_iter()
                    .map(|(span, message)| Related { span, message })
                    .collect(),
                partly_checked,
                assertions,
                baselined,
            },
        )
}

fn date() -> impl Strategy<Value = Option<PartialDate>> {
    (-9999i16..=9999, 0i8..=12, 0i8..=28).prop_map(|(y, m, d)| match (m, d) {
        (0, _) => PartialDate::year(y),
        (m, 0) => PartialDate::month(y, m),
        (m, d) => PartialDate::ymd(y, m, d).ok(),
    })
}

fn diagnostic() -> impl Strategy<Value = Diagnostic> {
    (
        prop_oneof![Just(Level::Warning), Just(Level::Error)],
        text(),
        proptest::option::of(number()),
        proptest::option::of(number()),
    )
        .prop_map(|(level, message, line, column)| Diagnostic {
            level,
            message,
            line,
            column,
        })
}

fn file() -> impl Strategy<Value = FileReport> {
    (
        text(),
        prop_oneof![Just(None), date()],
        vec(claim(), 0..4),
        vec(diagnostic(), 0..3),
    )
        .prop_map(|(path, date, claims, diagnostics)| FileReport {
            path,
            date,
            claims,
            diagnostics,
            source: String::new(),
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn json_and_jsonl_are_what_serde_json_writes(files in vec(file(), 0..4)) {
        assert_same_as_serde(&Report::new(files));
    }
}

#[test]
fn the_fixture_is_what_serde_json_writes() {
    assert_same_as_serde(&fixture::report());
}

#[test]
fn an_empty_report_is_what_serde_json_writes() {
    assert_same_as_serde(&Report::default());
    assert_same_as_serde(&Report::new(vec![FileReport::failed(
        "missing.md".to_string(),
        Diagnostic {
            level: Level::Error,
            message: "cannot read".to_string(),
            line: None,
            column: None,
        },
    )]));
}

/// Large reports are written in chunks; the chunks join up to serde's bytes.
#[test]
fn a_report_larger_than_a_chunk_is_what_serde_json_writes() {
    let file = fixture::report().files.remove(0);
    let files = (0..300)
        .map(|i| FileReport {
            path: format!("{i:03}/{}", file.path),
            ..file.clone()
        })
        .collect();
    let report = Report::new(files);
    assert!(rendered(&report, Format::Jsonl).len() > 200 * 1024);
    assert_same_as_serde(&report);
}
