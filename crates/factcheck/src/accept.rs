//! Accepted findings: what inline suppressions and a baseline change in a run.
//!
//! A finding that is accepted keeps its verdict (a ✓ is still a promise, and an accepted
//! contradiction is still a contradiction); it no longer counts for `--fail-on`, and the
//! formats for people (human, github, markdown, gitlab, claimreview) leave it out unless asked:
//! suppressed ones are shown with `--verbose`, every accepted one with `--show-baselined`. The
//! formats for machines (json, jsonl, sarif) keep every finding and mark it.

use std::path::PathBuf;

use factcheck_model::{CheckedClaim, FileReport, Report, Verdict};
use factcheck_rules::FactBase;

use crate::baseline::{Baseline, Recorder};
use crate::cli::FailOn;
use crate::config::Config;
use crate::inputs::Input;

/// What a run accepts and records, shared read-only by the threads that check.
#[derive(Debug)]
pub struct Accept {
    pub baseline: Option<Baseline>,
    pub recorder: Option<Recorder>,
    /// Where `--write-baseline` writes the recorder's findings.
    pub write_path: Option<PathBuf>,
    pub fail_on: FailOn,
    /// The directory of `factcheck.toml`: drafts are keyed by their path relative to it.
    pub root: PathBuf,
}

impl Accept {
    /// Nothing accepted but inline suppressions, nothing recorded.
    pub fn none(config: &Config, fail_on: FailOn) -> Accept {
        Accept {
            baseline: None,
            recorder: None,
            write_path: None,
            fail_on,
            root: config.dir.clone(),
        }
    }
}

/// The key of a draft in baselines and snapshots: its path relative to the directory of
/// `factcheck.toml` with `/` separators, else its name in reports.
pub fn draft_key(input: &Input, config: &Config) -> String {
    input
        .path()
        .and_then(|p| config.relative(p))
        .map(|p| {
            p.components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/")
        })
        .unwrap_or_else(|| input.name.clone())
}

/// Checks one draft's text: its suppression directives read (and, in plain text, blanked
/// before parsing), the engine run, the directives and the baseline applied, the findings
/// recorded for `--write-baseline`.
pub fn check_text(
    base: &FactBase,
    input: &Input,
    text: &str,
    date: Option<factcheck_model::Date>,
    config: &Config,
    accept: &Accept,
) -> FileReport {
    let scan = crate::suppress::scan(text, base);
    let read = scan.text(text, input.format());
    let doc = crate::commands::parse(&read, input, date, config);
    // The directive lines hold no claim: the report quotes the draft as it is.
    let mut report = factcheck_engine::check_document(base, &doc, &input.name, text);
    crate::suppress::apply(&mut report, scan);
    let key = draft_key(input, config);
    if let Some(baseline) = &accept.baseline {
        baseline.apply(&mut report, &key);
    }
    if let Some(recorder) = &accept.recorder {
        recorder.record(&report, &key, accept.fail_on == FailOn::Unverifiable);
    }
    report
}

/// Whether a format is read by people, who are shown only the findings not accepted (the
/// others are read by machines, which get every finding, marked).
pub fn for_people(format: factcheck_report::Format) -> bool {
    use factcheck_report::Format;
    !matches!(format, Format::Json | Format::Jsonl | Format::Sarif)
}

/// Whether a claim fails the run under `fail_on`, leaving accepted findings out.
pub fn fails(claim: &CheckedClaim, fail_on: FailOn) -> bool {
    let open = |v: Verdict| {
        claim
            .assertions
            .iter()
            .any(|a| a.verdict == v && !a.accepted())
    };
    match fail_on {
        FailOn::Never => false,
        FailOn::Contradicted => {
            claim.verdict == Verdict::Contradicted && open(Verdict::Contradicted)
        }
        FailOn::Unverifiable => {
            claim.verdict != Verdict::Supported
                && (open(Verdict::Contradicted)
                    || open(Verdict::Unverifiable)
                    || (claim.assertions.is_empty() && !claim.baselined))
        }
    }
}

/// How a claim's findings were accepted, when all of them were (its contradicted assertions,
/// or its unverifiable ones when none is contradicted).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum How {
    /// Every one by an inline suppression.
    Suppressed,
    /// Some in the baseline.
    Baselined,
}

fn accepted(claim: &CheckedClaim) -> Option<How> {
    if claim.verdict == Verdict::Supported {
        return None;
    }
    let findings: Vec<_> = claim.assertions_with(claim.verdict).collect();
    if findings.is_empty() {
        return claim.baselined.then_some(How::Baselined);
    }
    if !findings.iter().all(|a| a.accepted()) {
        return None;
    }
    Some(if findings.iter().all(|a| a.suppressed.is_some()) {
        How::Suppressed
    } else {
        How::Baselined
    })
}

/// Leaves out of a report for people the claims whose findings were all accepted: suppressed
/// ones unless `verbose`, baselined ones unless `show_baselined` (which shows every one). The
/// summary keeps counting them. Returns how many were left out (suppressed, baselined).
pub fn hide(report: &mut Report, verbose: bool, show_baselined: bool) -> (usize, usize) {
    let (mut suppressed, mut baselined) = (0, 0);
    if show_baselined {
        return (0, 0);
    }
    for file in &mut report.files {
        file.claims.retain(|c| match accepted(c) {
            Some(How::Suppressed) if !verbose => {
                suppressed += 1;
                false
            }
            Some(How::Baselined) => {
                baselined += 1;
                false
            }
            _ => true,
        });
    }
    (suppressed, baselined)
}

/// One line on standard error about the accepted claims a report for people leaves out.
pub fn note_hidden((suppressed, baselined): (usize, usize)) {
    if suppressed + baselined == 0 {
        return;
    }
    let mut parts = Vec::new();
    if suppressed > 0 {
        parts.push(format!(
            "{suppressed} suppressed inline (--verbose shows them)"
        ));
    }
    if baselined > 0 {
        parts.push(format!("{baselined} in the baseline"));
    }
    eprintln!(
        "factcheck: {} claim(s) with accepted findings not shown: {}; --show-baselined shows all",
        suppressed + baselined,
        parts.join(", ")
    );
}
