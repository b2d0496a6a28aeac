//! `gitlab`: a GitLab Code Quality report (a subset of the Code Climate analyzer format), which
//! GitLab shows in merge requests when a job declares it as `artifacts: reports: codequality`.
//!
//! A JSON array, one issue per contradicted claim (severity `major`), with `verbose` one per
//! unverifiable claim too (`info`), and one per file diagnostic (`critical` for an error: the
//! file was not checked; `minor` for a warning). Each issue has:
//!
//! - `check_name`: `factcheck/` and the claim's check (`factcheck/event-date`,
//!   `factcheck/CAL001`), `factcheck/unverifiable` when none decided, `factcheck/input` for a
//!   diagnostic;
//! - `description`: the verdict's explanation on one line (what the reference says, what the
//!   draft says, the facts), and `content.body` the same, one item a line, with the sources;
//! - `fingerprint`: 16 hex digits, FNV-1a 64 of the path, the check name, the claim's text (white
//!   space folded, ASCII case ignored) and the occurrence index of that triple in the file: the
//!   same finding keeps its fingerprint when lines move, so GitLab does not report it as new;
//! - `location`: the path as given in the report (run from the repository root, it is relative
//!   to it, as GitLab requires) and `lines.begin`, the line of the part of the claim the verdict
//!   is about.
//!
//! Spans' own lines are used, not the file's text: the renderer needs no source.

use std::collections::BTreeMap;
use std::io;

use factcheck_model::{Level, Report, Verdict};
use serde_json::{Value, json};

use crate::Options;
use crate::text;

pub fn render(report: &Report, options: &Options, out: &mut dyn io::Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &issues(report, options))?;
    out.write_all(b"\n")
}

/// The issues of a report, in report order.
pub fn issues(report: &Report, options: &Options) -> Value {
    let mut issues = Vec::new();
    for file in &report.files {
        let mut seen: BTreeMap<(String, String), usize> = BTreeMap::new();
        let mut fingerprint = |check: &str, text: &str| {
            let folded = text::one_line(text).to_ascii_lowercase();
            let n = seen.entry((check.to_string(), folded.clone())).or_insert(0);
            *n += 1;
            fnv(&[file.path.as_str(), check, &folded, &n.to_string()])
        };
        for d in &file.diagnostics {
            let (severity, level) = match d.level {
                Level::Error => ("critical", "error"),
                Level::Warning => ("minor", "warning"),
            };
            let check = "factcheck/input";
            let message = text::one_line(&d.message);
            let line = d.line.unwrap_or(1).max(1);
            let print = fingerprint(check, &format!("{level} {line} {message}"));
            issues.push(issue(
                check, &message, &message, &print, severity, &file.path, line,
            ));
        }
        for claim in &file.claims {
            let severity = match claim.verdict {
                Verdict::Contradicted => "major",
                Verdict::Unverifiable if options.verbose => "info",
                _ => continue,
            };
            let check = format!(
                "factcheck/{}",
                claim.check.as_deref().unwrap_or("unverifiable")
            );
            let lines = text::explanation(claim);
            let print = fingerprint(&check, &claim.text);
            issues.push(issue(
                &check,
                &lines.join("; "),
                &lines.join("\n\n"),
                &print,
                severity,
                &file.path,
                text::focus(claim).line.max(1),
            ));
        }
    }
    Value::Array(issues)
}

fn issue(
    check: &str,
    description: &str,
    body: &str,
    fingerprint: &str,
    severity: &str,
    path: &str,
    line: usize,
) -> Value {
    json!({
        "type": "issue",
        "check_name": check,
        "description": description,
        "content": { "body": body },
        "categories": ["Bug Risk"],
        "fingerprint": fingerprint,
        "severity": severity,
        "location": { "path": path, "lines": { "begin": line } },
    })
}

/// FNV-1a 64 of the parts, each followed by a 0 byte, as 16 hex digits: spelled out here so
/// that a fingerprint stays the same across releases of factcheck and its dependencies.
fn fnv(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain([0]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_fnv1a_of_the_parts() {
        // FNV-1a 64 of the empty input is the offset basis; of one 0 byte it is known too.
        assert_eq!(fnv(&[]), "cbf29ce484222325");
        assert_eq!(fnv(&[""]), "af63bd4c8601b7df");
        assert_ne!(fnv(&["a", "b"]), fnv(&["ab", ""]));
    }
}
