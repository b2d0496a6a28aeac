//! Rendering a synthetic report of 20,000 claims as `json` and `jsonl`.
//!
//! The report is built here, not read from disk: 200 files of 100 claims, a mix of supported,
//! contradicted and unverifiable verdicts with facts, sources, messages and related spans, and
//! texts with quotes, backslashes, newlines, tabs and non-ASCII. Throughput is in bytes of output.
//! The `serde` group renders the same report through serde_json's derived form (what the
//! renderers did before the hand-written writer) as a baseline. Run with
//! `cargo bench -p factcheck-report`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use factcheck_model::{
    CheckedClaim, Diagnostic, FileReport, Level, PartialDate, Related, Report, Span, Verdict,
};
use factcheck_report::{Format, Options, render};
use serde::Serialize;

const FILES: usize = 200;
const CLAIMS_PER_FILE: usize = 100;

const TEXTS: &[&str] = &[
    "The officials met in Istanbul on September 18 in an effort to convince Baku to lift the blockade",
    "Azerbaijan launched its “anti-terrorist” operation on September 19, three days after the talks",
    "Over 100,000 Nagorno-Karabakh residents have moved to Armenia since September 24",
    "The attending representatives were Washington's Senior Advisor, Louis Bono, and Igor Khovaev",
    "He said \"we will not leave\" and the crowd cheered\nfor a long time",
    "Residents said",
    "the streets were quiet in the evening, and shops closed early",
    "Le ministre a déclaré que la frontière resterait fermée jusqu'à nouvel ordre 🇫🇷",
    "The path C:\\drafts\\report was\tcited in the appendix",
    "Officials in Zürich and São Paulo confirmed the figures on Tuesday",
];
const MESSAGES: &[&str] = &[
    "the envoys met in Istanbul on 2023-09-17, not on 2023-09-18",
    "September 19 matches the reference",
    "over 100,000: 100,625 as of 2023-10-03",
    "no rule speaks to this claim",
    "2023-02-30 is not a day of the calendar: February 2023 has 28 days",
];

fn span(start: usize, len: usize, line: usize) -> Span {
    Span {
        start,
        end: start + len,
        line,
        column: 1 + start % 80,
    }
}

fn claim(f: usize, i: usize) -> CheckedClaim {
    let n = f * CLAIMS_PER_FILE + i;
    let text = TEXTS[n % TEXTS.len()].to_string();
    let start = i * 120;
    let s = span(start, text.len(), 1 + i * 2);
    let verdict = match n % 10 {
        0..=4 => Verdict::Unverifiable,
        5..=7 => Verdict::Supported,
        _ => Verdict::Contradicted,
    };
    let mut c = CheckedClaim {
        text,
        span: s,
        verdict,
        facts: vec![],
        expected: None,
        found: None,
        sources: vec![],
        message: MESSAGES[3].to_string(),
        sentence: i / 2,
        check: None,
        focus: None,
        attribution: n.is_multiple_of(3).then(|| "Residents said".to_string()),
        related: vec![],
        partly_checked: false,
        assertions: vec![],
        baselined: false,
    };
    if verdict != Verdict::Unverifiable {
        c.facts = (0..1 + n % 2)
            .map(|k| format!("event-{}-{k}", n % 997))
            .collect();
        c.expected = Some(format!("2023-09-{:02}", 1 + n % 28));
        c.found = Some(format!("2023-09-{:02}", 1 + (n + 1) % 28));
        c.sources = (0..1 + n % 3)
            .map(|k| {
                format!(
                    "https://example.org/news/{}/{k}?ref=factcheck&lang=en",
                    n % 5003
                )
            })
            .collect();
        c.message = MESSAGES[n % MESSAGES.len()].to_string();
        c.check = Some(
            if n.is_multiple_of(4) {
                "CAL001"
            } else {
                "event-date"
            }
            .to_string(),
        );
        c.focus = Some(span(start + 10, 12, s.line));
        // One assertion with the claim's evidence, as the engine makes it.
        c.assertions.push(factcheck_model::Assertion {
            kind: factcheck_model::AssertionKind::Date,
            text: c.text.chars().skip(10).take(12).collect(),
            span: span(start + 10, 12, s.line),
            verdict,
            check: c.check.clone(),
            facts: c.facts.clone(),
            expected: c.expected.clone(),
            found: c.found.clone(),
            sources: c.sources.clone(),
            message: c.message.clone(),
            related: vec![],
            suppressed: None,
            baselined: false,
        });
    }
    if verdict == Verdict::Contradicted && n.is_multiple_of(2) {
        c.related = vec![Related {
            span: span(start + 400, 20, s.line + 3),
            message: "the earlier date given in the draft".to_string(),
        }];
    }
    c
}

fn report() -> Report {
    let files = (0..FILES)
        .map(|f| FileReport {
            path: format!("archive/2023/{:02}/article-{f:06}.md", 1 + f % 12),
            date: PartialDate::ymd(2023, 1 + (f % 12) as i8, 1 + (f % 28) as i8).ok(),
            claims: (0..CLAIMS_PER_FILE).map(|i| claim(f, i)).collect(),
            diagnostics: if f.is_multiple_of(50) {
                vec![Diagnostic {
                    level: Level::Warning,
                    message: "front matter has no `date`".to_string(),
                    line: Some(1),
                    column: None,
                }]
            } else {
                vec![]
            },
            source: String::new(),
        })
        .collect();
    Report::new(files)
}

/// The `jsonl` line through serde (the old renderer): the claim flattened after `path`.
#[derive(Serialize)]
struct Line<'a> {
    path: &'a str,
    #[serde(flatten)]
    claim: &'a CheckedClaim,
}

fn serde_jsonl(report: &Report, out: &mut Vec<u8>) {
    for file in &report.files {
        for claim in &file.claims {
            let line = Line {
                path: &file.path,
                claim,
            };
            serde_json::to_writer(&mut *out, &line).expect("write to a Vec");
            out.push(b'\n');
        }
    }
}

fn serde_json_pretty(report: &Report, out: &mut Vec<u8>) {
    serde_json::to_writer_pretty(&mut *out, report).expect("write to a Vec");
    out.push(b'\n');
}

fn bench(c: &mut Criterion) {
    let report = report();
    let options = Options::default();
    for (format, baseline) in [
        (Format::Jsonl, serde_jsonl as fn(&Report, &mut Vec<u8>)),
        (Format::Json, serde_json_pretty),
    ] {
        let mut out = Vec::new();
        render(&report, format, &options, &mut out).expect("write to a Vec");
        let mut reference = Vec::new();
        baseline(&report, &mut reference);
        assert!(
            out == reference,
            "{format} differs from serde_json's output"
        );
        println!(
            "{format}: {} claims, {:.1} MB of output",
            report.summary.claims,
            out.len() as f64 / 1e6
        );

        let mut g = c.benchmark_group(format.name());
        g.throughput(Throughput::Bytes(out.len() as u64))
            .measurement_time(Duration::from_secs(8));
        // `out` is reused so that the figures are those of rendering, not of growing a Vec.
        g.bench_function("render", |b| {
            b.iter(|| {
                out.clear();
                render(black_box(&report), format, &options, &mut out).expect("write to a Vec");
                out.len()
            })
        });
        g.bench_function("serde", |b| {
            b.iter(|| {
                out.clear();
                baseline(black_box(&report), &mut out);
                out.len()
            })
        });
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
