//! No renderer panics or lets a draft's control characters through, whatever the spans.

use factcheck_model::{
    CheckedClaim, Diagnostic, FileReport, Level, LineIndex, Related, Report, Span, Verdict,
};
use factcheck_report::{Format, Options, render_to_string};

/// Tabs, an escape sequence, a zero-width joiner sequence, combining marks, right-to-left text,
/// CRLF and a bare CR, an empty line, and no final line break.
const TRICKY: &str = "a\tb \u{1b}[31mred\u{1b}[0m 👩‍👩‍👧 e\u{301}\r\n\r\nשלום x\ry\n\nend";

fn claim(span: Span, focus: Option<Span>, related: Vec<Related>, verdict: Verdict) -> CheckedClaim {
    CheckedClaim {
        text: "a claim | with, odd: text %0A\n\u{1b}[2J".to_string(),
        span,
        verdict,
        facts: vec!["fact, one".to_string()],
        expected: Some("x\ny".to_string()),
        found: Some("\u{1b}[31mz".to_string()),
        sources: vec!["https://example.org/a b|c".to_string()],
        message: "message: with % and \r\n".to_string(),
        sentence: 0,
        check: Some("check:1".to_string()),
        focus,
        attribution: None,
        related: related.clone(),
        partly_checked: false,
        // A part at the focus (or the claim) with the same tricky text: every renderer
        // quotes assertions too.
        assertions: vec![factcheck_model::Assertion {
            kind: factcheck_model::AssertionKind::Date,
            text: "odd: text %0A\n\u{1b}[2J".to_string(),
            span: focus.unwrap_or(span),
            verdict,
            check: Some("check:1".to_string()),
            facts: vec!["fact, one".to_string()],
            expected: Some("x\ny".to_string()),
            found: Some("\u{1b}[31mz".to_string()),
            sources: vec!["https://example.org/a b|c".to_string()],
            message: "part: with % and \r\n".to_string(),
            related,
            suppressed: None,
            baselined: false,
        }],
        baselined: false,
    }
}

#[test]
fn every_span_of_a_tricky_source_renders_in_every_format() {
    let index = LineIndex::new(TRICKY);
    let boundaries: Vec<usize> = (0..=TRICKY.len())
        .filter(|&i| TRICKY.is_char_boundary(i))
        .collect();
    let whole = index.span(0, TRICKY.len());
    let mut files = Vec::new();
    for (n, &start) in boundaries.iter().enumerate() {
        for &end in &boundaries[n..] {
            let focus = index.span(start, end);
            let related = vec![Related {
                span: index.span(end, TRICKY.len()),
                message: "r".into(),
            }];
            files.push(FileReport {
                path: format!("f{start:03}-{end:03}.md"),
                date: None,
                claims: vec![
                    claim(whole, Some(focus), related, Verdict::Contradicted),
                    claim(focus, None, vec![], Verdict::Unverifiable),
                ],
                diagnostics: vec![Diagnostic {
                    level: Level::Warning,
                    message: "w".into(),
                    line: Some(focus.line),
                    column: Some(focus.column + 3),
                }],
                source: TRICKY.to_string(),
            });
        }
    }
    let report = Report::new(files);
    let options = Options {
        verbose: true,
        ..Options::default()
    };
    for format in Format::ALL {
        let out = render_to_string(&report, format, &options);
        assert!(!out.is_empty());
        if format != Format::Json
            && format != Format::Jsonl
            && format != Format::ClaimReview
            && format != Format::Sarif
        {
            // JSON escapes control characters itself; the text formats must drop them.
            assert!(!out.contains('\u{1b}'), "{format} lets an escape through");
        }
        if format == Format::Github {
            assert!(
                out.lines().all(|l| l.starts_with("::")),
                "a github command spans lines"
            );
        }
    }
}

fn find(needle: &str) -> Span {
    let start = TRICKY.find(needle).expect("in the source");
    LineIndex::new(TRICKY).span(start, start + needle.len())
}

/// Wide and combining characters stay aligned, escapes and tabs are neutralised, and a focus over
/// several lines (across `\r\n` and a bare `\r`) is drawn as a multi-line span.
#[test]
fn tricky_source_in_the_human_report() {
    let index = LineIndex::new(TRICKY);
    let related = vec![Related {
        span: find("שלום"),
        message: "right to left".into(),
    }];
    let multi = index.span(TRICKY.find("red").unwrap(), TRICKY.find(" x").unwrap());
    let file = FileReport {
        path: "tricky.md".into(),
        date: None,
        claims: vec![
            claim(
                index.span(0, TRICKY.len()),
                Some(find("👩‍👩‍👧 e\u{301}")),
                related,
                Verdict::Contradicted,
            ),
            claim(multi, None, vec![], Verdict::Contradicted),
        ],
        diagnostics: vec![],
        source: TRICKY.to_string(),
    };
    let out = render_to_string(&Report::new(vec![file]), Format::Human, &Options::default());
    insta::assert_snapshot!(out);
}

/// An empty draft with empty spans at its start, and spans at the very end of a draft.
#[test]
fn empty_sources_and_spans_at_the_end() {
    let empty = Span {
        start: 0,
        end: 0,
        line: 1,
        column: 1,
    };
    let end = LineIndex::new(TRICKY).span(TRICKY.len(), TRICKY.len());
    let files = vec![
        FileReport {
            path: "empty.md".into(),
            date: None,
            claims: vec![claim(empty, Some(empty), vec![], Verdict::Contradicted)],
            diagnostics: vec![Diagnostic {
                level: Level::Error,
                message: "empty".into(),
                line: Some(1),
                column: Some(1),
            }],
            source: String::new(),
        },
        FileReport {
            path: "end.md".into(),
            date: None,
            claims: vec![claim(end, Some(end), vec![], Verdict::Contradicted)],
            diagnostics: vec![],
            source: TRICKY.to_string(),
        },
    ];
    let report = Report::new(files);
    for format in Format::ALL {
        assert!(!render_to_string(&report, format, &Options::default()).is_empty());
    }
    let human = render_to_string(&report, Format::Human, &Options::default());
    assert!(human.contains(" --> end.md:5:4"), "{human}");
}
