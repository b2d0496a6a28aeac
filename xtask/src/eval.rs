//! `cargo xtask eval`: sentence accuracy of the grammar's splitter on the suites in
//! `testdata/sbd/` (see its README for provenance and licences).
//!
//! Each suite is a JSONL file of cases `{"id", "text", "sentences": [...], "compare": "strip"}`.
//! The text is parsed as plain text by `factcheck_claims::parse`; a case passes when its
//! sentences, each with runs of whitespace collapsed to one space and trimmed, equal the expected
//! ones. Per suite it prints the cases passed and, over all cases, the sentences reproduced
//! exactly (a sentence counts when the splitter returns a sentence with the same start and end
//! in the normalised text: precision, recall, F1), then each failing case.
//!
//! `--check` fails when a suite passes fewer cases than its floor ([`SUITES`]): `cargo xtask ci`
//! runs it so.

use std::collections::BTreeSet;
use std::path::Path;

use anyhow::{Context, Result, bail};
use factcheck_claims::{Format, Options, parse};
use serde_json::Value;

/// A suite: file under `testdata/sbd/`, title, whether the grammar was tuned on it (held-out
/// suites are reported apart), and the fewest cases that must pass (the figure achieved when
/// the floor was set; `docs/accuracy.md`).
struct Suite {
    file: &'static str,
    title: &'static str,
    tuned: bool,
    floor: usize,
}

const SUITES: &[Suite] = &[
    Suite {
        file: "pysbd_golden.jsonl",
        title: "pySBD golden rules",
        tuned: true,
        floor: 48,
    },
    Suite {
        file: "segtok.jsonl",
        title: "segtok segmenter tests",
        tuned: true,
        floor: 7,
    },
    Suite {
        file: "syntok.jsonl",
        title: "syntok segmenter tests",
        tuned: true,
        floor: 35,
    },
    Suite {
        file: "heldout.jsonl",
        title: "held-out news sentences (not tuned on)",
        tuned: false,
        floor: 37,
    },
];

struct Case {
    id: String,
    text: String,
    sentences: Vec<String>,
}

fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The (start, end) of each sentence in the sentences joined by one space.
fn spans(sentences: &[String]) -> BTreeSet<(usize, usize)> {
    let mut at = 0;
    let mut out = BTreeSet::new();
    for s in sentences {
        out.insert((at, at + s.len()));
        at += s.len() + 1;
    }
    out
}

fn load(path: &Path) -> Result<Vec<Case>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut cases = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: not JSON", path.display(), n + 1))?;
        let compare = v["compare"].as_str().unwrap_or("strip");
        if compare != "strip" {
            bail!("{}:{}: unknown compare {compare:?}", path.display(), n + 1);
        }
        let sentences = v["sentences"]
            .as_array()
            .with_context(|| format!("{}:{}: no sentences", path.display(), n + 1))?
            .iter()
            .map(|s| s.as_str().map(normalise))
            .collect::<Option<Vec<_>>>()
            .with_context(|| format!("{}:{}: a sentence is not a string", path.display(), n + 1))?;
        cases.push(Case {
            id: v["id"].as_str().unwrap_or("?").to_string(),
            text: v["text"].as_str().unwrap_or("").to_string(),
            sentences,
        });
    }
    Ok(cases)
}

pub fn run(root: &Path, args: &[String]) -> Result<()> {
    let check = args.iter().any(|a| a == "--check");
    let quiet = args.iter().any(|a| a == "--quiet");
    let options = Options {
        format: Format::Plain,
        ..Options::default()
    };
    let dir = root.join("testdata").join("sbd");
    let mut below = Vec::new();
    for tuned in [true, false] {
        println!(
            "{}",
            if tuned {
                "== suites the splitter was developed against"
            } else {
                "== held out (written here, never tuned on)"
            }
        );
        for suite in SUITES.iter().filter(|s| s.tuned == tuned) {
            let cases = load(&dir.join(suite.file))?;
            let (mut passed, mut gold, mut got_n, mut hit) = (0, 0, 0, 0);
            let mut failures = Vec::new();
            for case in &cases {
                let doc = parse(&case.text, &options);
                let got: Vec<String> = doc
                    .sentences
                    .iter()
                    .map(|s| normalise(&s.text))
                    .filter(|s| !s.is_empty())
                    .collect();
                let (g, e) = (spans(&got), spans(&case.sentences));
                gold += e.len();
                got_n += g.len();
                hit += g.intersection(&e).count();
                if got == case.sentences {
                    passed += 1;
                } else {
                    failures.push((case, got));
                }
            }
            let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
            let (p, r) = (pct(hit, got_n), pct(hit, gold));
            let f1 = if p + r > 0.0 {
                2.0 * p * r / (p + r)
            } else {
                0.0
            };
            println!(
                "{}: {passed}/{} cases ({:.1} %); sentences P {p:.1} % R {r:.1} % F1 {f1:.1} % ({hit} of {gold})",
                suite.title,
                cases.len(),
                pct(passed, cases.len()),
            );
            if !quiet {
                for (case, got) in &failures {
                    println!("  FAIL {}", case.id);
                    println!("    expected {:?}", case.sentences);
                    println!("    got      {got:?}");
                }
            }
            if passed < suite.floor {
                below.push(format!(
                    "{}: {passed} cases pass, floor {}",
                    suite.title, suite.floor
                ));
            }
        }
    }
    if check && !below.is_empty() {
        bail!("sentence accuracy below its floor: {}", below.join("; "));
    }
    Ok(())
}
