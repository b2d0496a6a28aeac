//! `factcheck snapshot`: snapshot tests of drafts for a newsroom's CI, without writing Rust.
//!
//! Each draft gets one snapshot, `SNAPSHOTS/<path of the draft>.fcsnap` (`SNAPSHOTS` is
//! `.factcheck/snapshots` beside `factcheck.toml`, or its `snapshots` key; paths are relative to
//! the config file's directory). A snapshot lists every claim and assertion with its verdict,
//! check, facts, expected and found values, found by its text and an occurrence index, never by a
//! line number: adding a paragraph changes the snapshot only by that paragraph's claims.
//!
//! A run compares each draft's snapshot with what the draft and the rules give now. A difference
//! (or a draft with no snapshot yet) is written beside the snapshot as `.fcsnap.new`, printed as
//! a unified diff, and makes the run exit 1; the verdicts themselves do not set the exit code.
//! Snapshots of drafts that no longer exist and `.new` files left from earlier runs are reported
//! and exit 1 too. `--update` accepts every difference. Errors (rules, unreadable drafts,
//! unreadable suppressions) exit 2, and never write a snapshot. `factcheck snapshot review`
//! walks the `.new` files at a terminal prompt.

use std::collections::BTreeSet;
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use factcheck_model::{Assertion, CheckedClaim, FileReport, Level, Verdict};
use rayon::prelude::*;

use crate::accept::{Accept, draft_key};
use crate::cli::{FailOn, SnapshotArgs, SnapshotCommand};
use crate::commands::{ERROR, FAILED, OK};
use crate::config::Config;
use crate::inputs::{self, Filters, Loaded};

/// The extension of snapshot files.
pub const EXTENSION: &str = "fcsnap";
/// The extension added to a snapshot that differs, until it is reviewed.
pub const PENDING: &str = "fcsnap.new";

pub fn run(args: SnapshotArgs) -> Result<i32> {
    match args.command {
        Some(SnapshotCommand::Review { config }) => review(config.as_deref()),
        None => snapshot(args),
    }
}

/// What a draft gave: its snapshot text, or the errors that kept it from having one.
enum Outcome {
    Text(String),
    Failed(Vec<String>),
}

fn snapshot(args: SnapshotArgs) -> Result<i32> {
    let config = Config::find(args.config.as_deref())?;
    let rules_dir = config.rules_dir(args.rules.as_deref());
    let Some(base) = crate::commands::load_rules(&rules_dir, None) else {
        return Ok(ERROR);
    };
    let dir = config.snapshot_dir();
    let filters = Filters::new(&config.include, &config.exclude)?.skipping(&dir);
    let paths = if args.paths.is_empty() {
        vec![config.dir.clone()]
    } else {
        args.paths.clone()
    };
    let (inputs, collect_errors) = inputs::collect(&paths, &filters);
    let mut errors = false;
    for e in &collect_errors {
        eprintln!("error: {}: {}", e.name, e.message);
        errors = true;
    }
    let accept = Accept::none(&config, FailOn::Never);
    let mut drafts: Vec<(String, Outcome)> = inputs
        .par_iter()
        .filter_map(|input| {
            if input.path().is_none() {
                let why = ": standard input has no path to keep a snapshot under".to_string();
                return Some((input.name.clone(), Outcome::Failed(vec![why])));
            }
            let key = draft_key(input, &config);
            if config.relative(input.path()?).is_none() {
                let why = format!(
                    ": outside {}: snapshots are kept by the path of a draft relative to the directory of factcheck.toml",
                    config.dir.display()
                );
                return Some((key, Outcome::Failed(vec![why])));
            }
            let outcome = match input.read(args.lossy) {
                Loaded::Skipped(warning) => {
                    eprintln!("warning: {warning}");
                    return None;
                }
                Loaded::Failed(d) => Outcome::Failed(vec![diagnostic(&d)]),
                Loaded::Text { text, warnings } => {
                    let mut report = crate::accept::check_text(
                        &base, input, &text, args.date, &config, &accept,
                    );
                    report.diagnostics.splice(0..0, warnings);
                    let failed: Vec<String> = report
                        .diagnostics
                        .iter()
                        .filter(|d| d.level == Level::Error)
                        .map(diagnostic)
                        .collect();
                    if failed.is_empty() {
                        Outcome::Text(render(&report, &key))
                    } else {
                        Outcome::Failed(failed)
                    }
                }
            };
            Some((key, outcome))
        })
        .collect();
    drafts.sort_by(|a, b| a.0.cmp(&b.0));

    let out = std::io::stdout();
    let mut out = out.lock();
    let (mut same, mut differ, mut new, mut updated) = (0, 0, 0, 0);
    let mut touched: BTreeSet<PathBuf> = BTreeSet::new();
    for (key, outcome) in &drafts {
        let text = match outcome {
            Outcome::Text(text) => text,
            Outcome::Failed(messages) => {
                for m in messages {
                    eprintln!("error: {key}{m}");
                }
                errors = true;
                continue;
            }
        };
        let snap = snapshot_path(&dir, key);
        let pending = pending_path(&snap);
        touched.insert(pending.clone());
        let old = match std::fs::read_to_string(&snap) {
            Ok(old) => Some(old),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => {
                eprintln!(
                    "error: cannot read snapshot {}: {}",
                    snap.display(),
                    inputs::io_message(&e)
                );
                errors = true;
                continue;
            }
        };
        if old.as_deref() == Some(text.as_str()) {
            same += 1;
            remove_if_there(&pending)?;
            continue;
        }
        if args.update {
            write(&snap, text)?;
            remove_if_there(&pending)?;
            writeln!(out, "updated {}", shown(&snap, &config))?;
            updated += 1;
            continue;
        }
        write(&pending, text)?;
        match &old {
            Some(_) => {
                differ += 1;
                writeln!(
                    out,
                    "snapshot of {key} differs; the new one is {}",
                    shown(&pending, &config)
                )?;
            }
            None => {
                new += 1;
                writeln!(
                    out,
                    "no snapshot of {key} yet; the new one is {}",
                    shown(&pending, &config)
                )?;
            }
        }
        out.write_all(diff(old.as_deref().unwrap_or(""), text, &snap, &config).as_bytes())?;
        writeln!(out)?;
    }

    // Snapshots of drafts that are gone, and `.new` files no draft of this run wrote.
    let (snaps, pendings) = files(&dir)?;
    let mut orphans = 0;
    for snap in &snaps {
        let Some(key) = key_of(&dir, snap, EXTENSION) else {
            continue;
        };
        if config.dir.join(&key).exists() {
            continue;
        }
        if args.update {
            std::fs::remove_file(snap)
                .with_context(|| format!("cannot remove {}", snap.display()))?;
            remove_if_there(&pending_path(snap))?;
            writeln!(
                out,
                "removed {} (the draft {key} no longer exists)",
                shown(snap, &config)
            )?;
        } else {
            eprintln!(
                "orphan: {}: the draft {key} no longer exists (`factcheck snapshot --update` removes the snapshot)",
                shown(snap, &config)
            );
            orphans += 1;
        }
    }
    let mut left = 0;
    for p in &pendings {
        if touched.contains(p) || !p.exists() {
            continue;
        }
        eprintln!(
            "pending: {} is left from an earlier run (`factcheck snapshot review` accepts or rejects it)",
            shown(p, &config)
        );
        left += 1;
    }

    let checked = same + differ + new + updated;
    let mut line = format!(
        "factcheck snapshot: {checked} draft(s): {same} unchanged, {differ} changed, {new} new"
    );
    if args.update {
        line.push_str(&format!(", {updated} updated"));
    }
    if orphans + left > 0 {
        line.push_str(&format!(
            "; {}, {} from earlier runs",
            factcheck_model::count(orphans as u64, "orphaned snapshot", "orphaned snapshots"),
            factcheck_model::count(left as u64, "pending .new file", "pending .new files")
        ));
    }
    eprintln!("{line}");
    if differ + new > 0 && !args.update {
        eprintln!("review them with `factcheck snapshot review`, or accept all with --update");
    }
    Ok(if errors {
        ERROR
    } else if differ + new + orphans + left > 0 {
        FAILED
    } else {
        OK
    })
}

/// `:line:column: message` or `: message` after a draft's name.
fn diagnostic(d: &factcheck_model::Diagnostic) -> String {
    match (d.line, d.column) {
        (Some(l), Some(c)) => format!(":{l}:{c}: {}", d.message),
        _ => format!(": {}", d.message),
    }
}

fn snapshot_path(dir: &Path, key: &str) -> PathBuf {
    dir.join(format!("{key}.{EXTENSION}"))
}

fn pending_path(snap: &Path) -> PathBuf {
    let mut s = snap.as_os_str().to_os_string();
    s.push(".new");
    PathBuf::from(s)
}

/// A path as shown in messages: relative to the config file's directory when it is under it.
fn shown(path: &Path, config: &Config) -> String {
    match config.relative(path) {
        Some(p) => p.display().to_string(),
        None => path.display().to_string(),
    }
}

fn remove_if_there(path: &Path) -> Result<()> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e).with_context(|| format!("cannot remove {}", path.display())),
    }
}

/// Writes a snapshot file (atomically), creating its directory.
fn write(path: &Path, text: &str) -> Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
    }
    crate::output::write(Some(path), |out| out.write_all(text.as_bytes()))
}

/// The snapshots and the pending `.new` files under the snapshot directory, sorted.
fn files(dir: &Path) -> Result<(Vec<PathBuf>, Vec<PathBuf>)> {
    let (mut snaps, mut pendings) = (Vec::new(), Vec::new());
    if !dir.is_dir() {
        return Ok((snaps, pendings));
    }
    let walk = ignore::WalkBuilder::new(dir)
        .standard_filters(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .build();
    for entry in walk {
        let entry = entry.with_context(|| format!("cannot read {}", dir.display()))?;
        if !entry.file_type().is_some_and(|t| t.is_file()) {
            continue;
        }
        let name = entry.file_name().to_string_lossy();
        if name.ends_with(&format!(".{PENDING}")) {
            pendings.push(entry.into_path());
        } else if name.ends_with(&format!(".{EXTENSION}")) {
            snaps.push(entry.into_path());
        }
    }
    Ok((snaps, pendings))
}

/// The draft key of a snapshot or pending file.
fn key_of(dir: &Path, path: &Path, extension: &str) -> Option<String> {
    let rel = path.strip_prefix(dir).ok()?;
    let rel: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let joined = rel.join("/");
    joined
        .strip_suffix(&format!(".{extension}"))
        .map(str::to_string)
}

/// A unified diff (the `similar` crate), `a/` the snapshot and `b/` the new one.
fn diff(old: &str, new: &str, snap: &Path, config: &Config) -> String {
    let name = shown(snap, config);
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{name}"), &format!("b/{name}.new"))
        .to_string()
}

/// The snapshot text of a draft's report.
pub fn render(report: &FileReport, key: &str) -> String {
    let mut s = String::new();
    s.push_str(&format!("# factcheck snapshot of {}\n", one_line(key)));
    s.push_str(
        "# Every claim and assertion with its verdict, found by its text (and its occurrence when the\n# same text comes again), not by its line. `factcheck snapshot --update` rewrites this file.\n",
    );
    match &report.date {
        Some(d) => s.push_str(&format!("date: {d}\n")),
        None => s.push_str("date: none\n"),
    }
    for d in &report.diagnostics {
        let level = match d.level {
            Level::Error => "error",
            Level::Warning => "warning",
        };
        s.push_str(&format!("{level}: {}\n", one_line(&d.message)));
    }
    let mut seen: Vec<(String, usize)> = Vec::new();
    for claim in &report.claims {
        let text = one_line(&claim.text);
        let n = match seen.iter_mut().find(|(t, _)| *t == text) {
            Some((_, n)) => {
                *n += 1;
                *n
            }
            None => {
                seen.push((text.clone(), 1));
                1
            }
        };
        s.push('\n');
        claim_block(&mut s, claim, &text, n);
    }
    s
}

fn claim_block(s: &mut String, claim: &CheckedClaim, text: &str, occurrence: usize) {
    s.push_str(&format!("claim {}", quote(text)));
    if occurrence > 1 {
        s.push_str(&format!(" (occurrence {occurrence})"));
    }
    s.push('\n');
    let mut verdict = claim.verdict.to_string();
    if claim.partly_checked {
        verdict.push_str(" (partly checked)");
    }
    field(s, 2, "verdict", Some(&verdict));
    if let Some(a) = &claim.attribution {
        field(s, 2, "attribution", Some(a));
    }
    if claim.assertions.is_empty() {
        field(s, 2, "message", Some(&claim.message));
    }
    let mut seen: Vec<(String, usize)> = Vec::new();
    for a in &claim.assertions {
        let words = one_line(&a.text);
        let key = format!("{} {words}", a.kind);
        let n = match seen.iter_mut().find(|(t, _)| *t == key) {
            Some((_, n)) => {
                *n += 1;
                *n
            }
            None => {
                seen.push((key, 1));
                1
            }
        };
        assertion_block(s, a, &words, n);
    }
}

fn assertion_block(s: &mut String, a: &Assertion, words: &str, occurrence: usize) {
    s.push_str(&format!("  assertion {} {}", a.kind, quote(words)));
    if occurrence > 1 {
        s.push_str(&format!(" (occurrence {occurrence})"));
    }
    s.push('\n');
    field(s, 4, "verdict", Some(a.verdict.as_str()));
    field(s, 4, "check", a.check.as_deref());
    if !a.facts.is_empty() {
        field(s, 4, "facts", Some(&a.facts.join(", ")));
    }
    field(s, 4, "expected", a.expected.as_deref());
    field(s, 4, "found", a.found.as_deref());
    if a.verdict != Verdict::Supported || a.check.is_none() {
        field(s, 4, "message", Some(&a.message));
    }
    if let Some(sup) = &a.suppressed {
        field(s, 4, "suppressed", Some(&sup.reason));
    }
}

fn field(s: &mut String, indent: usize, name: &str, value: Option<&str>) {
    if let Some(v) = value {
        let v = one_line(v);
        if !v.is_empty() {
            s.push_str(&format!("{:indent$}{name}: {v}\n", ""));
        }
    }
}

/// White space and control characters folded to single spaces.
fn one_line(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `"text"` with `"` and `\` escaped.
fn quote(text: &str) -> String {
    let mut q = String::with_capacity(text.len() + 2);
    q.push('"');
    for c in text.chars() {
        if c == '"' || c == '\\' {
            q.push('\\');
        }
        q.push(c);
    }
    q.push('"');
    q
}

/// `factcheck snapshot review`: each pending `.new` file, its diff, and a prompt.
fn review(config: Option<&Path>) -> Result<i32> {
    let config = Config::find(config)?;
    if !std::io::stdin().is_terminal() {
        eprintln!(
            "error: `factcheck snapshot review` asks at a terminal; without one, accept every pending snapshot with `factcheck snapshot --update`"
        );
        return Ok(ERROR);
    }
    let dir = config.snapshot_dir();
    let (_, pendings) = files(&dir)?;
    if pendings.is_empty() {
        eprintln!(
            "factcheck snapshot review: no pending snapshots in {}",
            shown(&dir, &config)
        );
        return Ok(OK);
    }
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    let out = std::io::stdout();
    let mut out = out.lock();
    let (mut accepted, mut rejected, mut skipped) = (0, 0, 0);
    let total = pendings.len();
    'files: for (i, pending) in pendings.iter().enumerate() {
        let snap = pending.with_extension("");
        let key = key_of(&dir, pending, PENDING).unwrap_or_else(|| shown(pending, &config));
        let new = std::fs::read_to_string(pending)
            .with_context(|| format!("cannot read {}", pending.display()))?;
        let old = std::fs::read_to_string(&snap).ok();
        let what = if old.is_some() { "changed" } else { "new" };
        writeln!(out, "── {key} ({what}; {} of {total}) ──", i + 1)?;
        out.write_all(diff(old.as_deref().unwrap_or(""), &new, &snap, &config).as_bytes())?;
        loop {
            write!(out, "accept (a), reject (r), skip (s), quit (q)? ")?;
            out.flush()?;
            let answer = match lines.next() {
                Some(line) => line.context("cannot read the answer")?,
                None => {
                    writeln!(out)?;
                    skipped += total - i;
                    break 'files;
                }
            };
            match answer.trim().to_ascii_lowercase().as_str() {
                "a" | "accept" => {
                    std::fs::rename(pending, &snap).with_context(|| {
                        format!("cannot move {} to {}", pending.display(), snap.display())
                    })?;
                    writeln!(out, "accepted: {}", shown(&snap, &config))?;
                    accepted += 1;
                }
                "r" | "reject" => {
                    remove_if_there(pending)?;
                    writeln!(out, "rejected: removed {}", shown(pending, &config))?;
                    rejected += 1;
                }
                "s" | "skip" => {
                    writeln!(out, "skipped: {} stays", shown(pending, &config))?;
                    skipped += 1;
                }
                "q" | "quit" => {
                    skipped += total - i;
                    break 'files;
                }
                _ => continue,
            }
            writeln!(out)?;
            break;
        }
    }
    writeln!(
        out,
        "factcheck snapshot review: {accepted} accepted, {rejected} rejected, {skipped} skipped"
    )?;
    Ok(OK)
}
