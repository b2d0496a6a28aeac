//! `check --changed-since REV`: only the drafts a change touches, found with the git binary.
//!
//! A draft is checked when it changed: in a commit since the merge base of REV and HEAD (`git
//! diff REV...HEAD`, what a pull request changes), in the working tree or the index and not
//! committed yet (`git diff HEAD`), or untracked and not ignored (`git ls-files --others
//! --exclude-standard`). When anything under the rules directory or the config file changed,
//! every draft is checked: a fact can change the verdict of any draft that mentions one of its
//! phrases, and checking all of them is the choice that is correct without knowing which
//! (docs/ci.md). Outside a git repository (or without git) every draft is checked, with a
//! warning; a REV the clone does not have is an error that names the fix.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::config::Config;
use crate::inputs::Input;

/// The inputs to check of `inputs` (all drafts the paths name), or an error message.
pub fn select(
    rev: &str,
    inputs: Vec<Input>,
    rules: &Path,
    config: &Config,
) -> Result<Vec<Input>, String> {
    let Some(top) = toplevel() else {
        eprintln!(
            "warning: --changed-since {rev}: not inside a git repository (or git is not installed): checking every draft"
        );
        return Ok(inputs);
    };
    let verify = git(
        &top,
        &["rev-parse", "--verify", "--quiet", "--end-of-options"],
    )
    .arg(format!("{rev}^{{commit}}"))
    .output()
    .map_err(|e| format!("--changed-since: cannot run git: {e}"))?;
    if !verify.status.success() {
        return Err(format!(
            "--changed-since {rev}: this clone has no revision `{rev}`. A shallow clone lacks the history: fetch it (actions/checkout: `fetch-depth: 0`; GitLab CI: `GIT_DEPTH: 0`), or `git fetch origin {rev}`"
        ));
    }
    let mut changed: Vec<PathBuf> = Vec::new();
    let range = format!("{rev}...HEAD");
    for args in [
        &[
            "diff",
            "--name-only",
            "-z",
            "--no-renames",
            "--end-of-options",
            &range,
        ][..],
        &["diff", "--name-only", "-z", "--no-renames", "HEAD", "--"][..],
        &["ls-files", "--others", "--exclude-standard", "-z"][..],
    ] {
        let out = git(&top, args)
            .output()
            .map_err(|e| format!("--changed-since: cannot run git: {e}"))?;
        if !out.status.success() {
            return Err(format!(
                "--changed-since {rev}: `git {}` failed: {}. In a shallow clone, fetch the history (actions/checkout: `fetch-depth: 0`; GitLab CI: `GIT_DEPTH: 0`)",
                args.join(" "),
                String::from_utf8_lossy(&out.stderr).trim()
            ));
        }
        changed.extend(
            out.stdout
                .split(|b| *b == 0)
                .filter(|p| !p.is_empty())
                .map(|p| top.join(String::from_utf8_lossy(p).as_ref())),
        );
    }
    changed.sort();
    changed.dedup();

    let rules = std::fs::canonicalize(rules).unwrap_or_else(|_| crate::config::normalize(rules));
    let config_file = config
        .path
        .as_ref()
        .and_then(|p| std::fs::canonicalize(p).ok());
    let rule_change = changed
        .iter()
        .find(|p| p.starts_with(&rules) || Some(p.as_path()) == config_file.as_deref());
    if let Some(p) = rule_change {
        let shown = p.strip_prefix(&top).unwrap_or(p);
        eprintln!(
            "factcheck: --changed-since {rev}: {} changed: checking all {} drafts",
            shown.display(),
            inputs.len()
        );
        return Ok(inputs);
    }
    let changed: HashSet<PathBuf> = changed.into_iter().collect();
    let total = inputs.len();
    let selected: Vec<Input> = inputs
        .into_iter()
        .filter(|i| match i.path() {
            None => true,
            Some(p) => std::fs::canonicalize(p).is_ok_and(|p| changed.contains(&p)),
        })
        .collect();
    eprintln!(
        "factcheck: --changed-since {rev}: {} of {total} drafts changed; no rule file changed",
        selected.len()
    );
    Ok(selected)
}

fn git(top: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new("git");
    cmd.arg("-C").arg(top).args(args);
    cmd
}

/// The top directory of the git work tree around the working directory (canonical).
fn toplevel() -> Option<PathBuf> {
    let out = Command::new("git")
        .args(["rev-parse", "--show-toplevel"])
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let top = String::from_utf8(out.stdout).ok()?;
    std::fs::canonicalize(top.trim_end_matches(['\n', '\r'])).ok()
}
