//! Baselines: the findings a newsroom has accepted, so that only new ones fail a run
//! (`check --baseline FILE`, `check --write-baseline FILE`).
//!
//! A finding is a contradicted or unverifiable assertion of a claim (or an unverifiable claim
//! with no assertion at all). Its key is the draft (its path relative to the directory of
//! `factcheck.toml`), the claim's text with white space folded, the assertion's words, its check
//! and its facts, and an occurrence index (1 for the first finding of the same key in the draft,
//! 2 for the second, …): nothing that moves when a paragraph is added above it. A renamed draft
//! loses its entries (they are reported stale, and its findings are new).
//!
//! The file is JSON, entries sorted by key, so that it is byte-identical across runs and thread
//! counts and a change to it reads as a diff:
//!
//! ```json
//! {
//!   "factcheck_baseline": 1,
//!   "findings": [
//!     { "draft": "drafts/a.md", "claim": "…", "assertion": "May 6, 2021", "check": "event-date",
//!       "facts": ["varenko-summit"], "occurrence": 1, "verdict": "contradicted" }
//!   ]
//! }
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::{Context, Result};
use factcheck_model::{FileReport, Verdict};
use serde::{Deserialize, Serialize};

/// The version of the baseline format this build reads and writes.
pub const VERSION: u32 = 1;

/// One accepted finding.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Entry {
    pub draft: String,
    /// The claim's text, white space folded.
    pub claim: String,
    /// The assertion's words; `null` for a claim with no assertion.
    pub assertion: Option<String>,
    /// The check that decided; `null` when nothing could compare.
    pub check: Option<String>,
    pub facts: Vec<String>,
    /// 1 for the first finding with this key in the draft, 2 for the next, …
    pub occurrence: usize,
    /// The verdict when the entry was written (for the reader; not part of the key).
    pub verdict: Verdict,
}

impl Entry {
    fn key(&self) -> (&str, &str, Option<&str>, Option<&str>, &[String], usize) {
        (
            &self.draft,
            &self.claim,
            self.assertion.as_deref(),
            self.check.as_deref(),
            &self.facts,
            self.occurrence,
        )
    }
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BaselineFile {
    factcheck_baseline: u32,
    findings: Vec<Entry>,
}

/// A finding's key within one draft, without its occurrence index: the claim's folded text,
/// the assertion's words, the check, the facts.
type Key = (String, Option<String>, Option<String>, Vec<String>);

/// Where a finding is in a file report: a claim, and its assertion (none for a claim without).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct At {
    pub claim: usize,
    pub assertion: Option<usize>,
}

/// Every finding of a report with its entry, in span order: contradicted and unverifiable
/// assertions (suppressed ones included: they count for the occurrence index, so that adding
/// a suppression does not move the others).
pub fn findings(file: &FileReport, draft: &str) -> Vec<(At, Entry, bool)> {
    let mut seen: BTreeMap<Key, usize> = BTreeMap::new();
    let mut out = Vec::new();
    for (ci, claim) in file.claims.iter().enumerate() {
        let text = fold(&claim.text);
        let mut push = |at: At,
                        assertion: Option<&str>,
                        check: Option<String>,
                        facts: &[String],
                        verdict,
                        suppressed| {
            let n = seen
                .entry((
                    text.clone(),
                    assertion.map(str::to_string),
                    check.clone(),
                    facts.to_vec(),
                ))
                .or_insert(0);
            *n += 1;
            let entry = Entry {
                draft: draft.to_string(),
                claim: text.clone(),
                assertion: assertion.map(str::to_string),
                check,
                facts: facts.to_vec(),
                occurrence: *n,
                verdict,
            };
            out.push((at, entry, suppressed));
        };
        if claim.assertions.is_empty() {
            if claim.verdict == Verdict::Unverifiable {
                let at = At {
                    claim: ci,
                    assertion: None,
                };
                push(at, None, None, &[], Verdict::Unverifiable, false);
            }
            continue;
        }
        for (ai, a) in claim.assertions.iter().enumerate() {
            if a.verdict == Verdict::Supported {
                continue;
            }
            let at = At {
                claim: ci,
                assertion: Some(ai),
            };
            let words = fold(&a.text);
            push(
                at,
                Some(&words),
                a.check.clone(),
                &a.facts,
                a.verdict,
                a.suppressed.is_some(),
            );
        }
    }
    out
}

/// White space folded to single spaces, trimmed.
pub fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A baseline read with `--baseline`, and what a run matched of it.
#[derive(Debug)]
pub struct Baseline {
    pub path: PathBuf,
    entries: Vec<Entry>,
    by_draft: BTreeMap<String, Vec<usize>>,
    state: Mutex<State>,
}

#[derive(Debug, Default)]
struct State {
    matched: BTreeSet<usize>,
    checked: BTreeSet<String>,
}

impl Baseline {
    /// Reads a baseline file; errors name the file, and the line and column of bad JSON.
    pub fn read(path: &Path) -> Result<Baseline> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            anyhow::anyhow!(
                "cannot read baseline {}: {} (write one with --write-baseline {})",
                path.display(),
                crate::inputs::io_message(&e),
                path.display()
            )
        })?;
        let file: BaselineFile = serde_json::from_str(&text).map_err(|e| {
            anyhow::anyhow!(
                "{}:{}:{}: not a factcheck baseline: {e}",
                path.display(),
                e.line(),
                e.column()
            )
        })?;
        if file.factcheck_baseline != VERSION {
            anyhow::bail!(
                "{}: baseline format {} is not the one this factcheck reads ({VERSION}); write it again with --write-baseline",
                path.display(),
                file.factcheck_baseline
            );
        }
        let mut by_draft: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, e) in file.findings.iter().enumerate() {
            by_draft.entry(e.draft.clone()).or_default().push(i);
        }
        Ok(Baseline {
            path: path.to_path_buf(),
            entries: file.findings,
            by_draft,
            state: Mutex::default(),
        })
    }

    /// Marks the findings of one checked draft that are in the baseline.
    pub fn apply(&self, file: &mut FileReport, draft: &str) {
        let candidates = self.by_draft.get(draft);
        let mut matched = Vec::new();
        for (at, entry, suppressed) in findings(file, draft) {
            if suppressed {
                continue;
            }
            let Some(i) = candidates.and_then(|c| {
                c.iter()
                    .copied()
                    .find(|&i| self.entries[i].key() == entry.key())
            }) else {
                continue;
            };
            matched.push(i);
            let claim = &mut file.claims[at.claim];
            match at.assertion {
                Some(a) => claim.assertions[a].baselined = true,
                None => claim.baselined = true,
            }
        }
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        state.matched.extend(matched);
        state.checked.insert(draft.to_string());
    }

    /// Entries no longer found: of drafts this run checked, or of drafts that no longer exist
    /// under `root` (the directory of `factcheck.toml`). Sorted.
    pub fn stale(&self, root: &Path) -> Vec<&Entry> {
        let state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let mut gone: BTreeMap<&str, bool> = BTreeMap::new();
        let mut out: Vec<&Entry> = self
            .entries
            .iter()
            .enumerate()
            .filter(|(i, e)| {
                !state.matched.contains(i)
                    && (state.checked.contains(&e.draft)
                        || *gone
                            .entry(e.draft.as_str())
                            .or_insert_with(|| !root.join(&e.draft).exists()))
            })
            .map(|(_, e)| e)
            .collect();
        out.sort();
        out
    }

    /// Warns about stale entries on standard error.
    pub fn report_stale(&self, root: &Path) {
        let stale = self.stale(root);
        if stale.is_empty() {
            return;
        }
        eprintln!(
            "warning: {}: {} no longer {}; `--write-baseline {}` drops {}:",
            self.path.display(),
            factcheck_model::count(
                stale.len() as u64,
                "baselined finding",
                "baselined findings"
            ),
            if stale.len() == 1 { "occurs" } else { "occur" },
            self.path.display(),
            if stale.len() == 1 { "it" } else { "them" }
        );
        for e in stale {
            eprintln!("  {}", describe(e));
        }
    }
}

/// One line for an entry: `draft: check `words` in "claim" (occurrence n)`.
pub fn describe(e: &Entry) -> String {
    let claim: String = if e.claim.chars().count() > 60 {
        let cut: String = e.claim.chars().take(59).collect();
        format!("{}…", cut.trim_end())
    } else {
        e.claim.clone()
    };
    let check = e.check.as_deref().unwrap_or(crate::suppress::UNVERIFIABLE);
    let mut line = match &e.assertion {
        Some(words) => format!("{}: {check} `{words}` in \"{claim}\"", e.draft),
        None => format!("{}: {check} \"{claim}\"", e.draft),
    };
    if !e.facts.is_empty() {
        line.push_str(&format!(" [{}]", e.facts.join(", ")));
    }
    if e.occurrence > 1 {
        line.push_str(&format!(" (occurrence {})", e.occurrence));
    }
    line
}

/// Collects the findings of a run for `--write-baseline`.
#[derive(Debug, Default)]
pub struct Recorder {
    entries: Mutex<Vec<Entry>>,
}

impl Recorder {
    /// Records the findings of one draft: contradicted ones, and unverifiable ones when
    /// `unverifiable` (`--fail-on unverifiable`). Suppressed findings are accepted already.
    pub fn record(&self, file: &FileReport, draft: &str, unverifiable: bool) {
        let found: Vec<Entry> = findings(file, draft)
            .into_iter()
            .filter(|(_, e, suppressed)| {
                !suppressed && (e.verdict == Verdict::Contradicted || unverifiable)
            })
            .map(|(_, e, _)| e)
            .collect();
        self.entries
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .extend(found);
    }

    /// Writes the baseline (atomically), entries sorted.
    pub fn write(self, path: &Path) -> Result<usize> {
        let mut entries = self.entries.into_inner().unwrap_or_else(|e| e.into_inner());
        entries.sort();
        let n = entries.len();
        let file = BaselineFile {
            factcheck_baseline: VERSION,
            findings: entries,
        };
        crate::output::write(Some(path), |out| {
            serde_json::to_writer_pretty(&mut *out, &file)?;
            writeln!(out)
        })
        .with_context(|| format!("cannot write baseline {}", path.display()))?;
        Ok(n)
    }
}
