//! Inline suppressions: `<!-- factcheck-ignore: CHECK-ID [FACT-ID] reason -->` on a line of its
//! own before a paragraph accepts one finding of that paragraph.
//!
//! The grammar drops comments (Markdown HTML comments are not prose), so the directives are found
//! here, by a scan of their own over the draft's lines, before the draft is parsed:
//!
//! - A directive is a line that, trimmed, is `<!-- factcheck-ignore: … -->`: the same line in
//!   Markdown (an HTML comment, which the grammar masks) and in plain text (where this module
//!   blanks it to spaces before parsing, so that it is never read as prose; offsets do not move).
//!   Lines inside a fenced code block and in front matter are not directives.
//! - `CHECK-ID` is a check of the registry (`event-date`, `CAL001`, …) or `unverifiable` (an
//!   assertion nothing could compare). The second word is a `FACT-ID` when it is the id of a fact
//!   in the loaded rules; the rest is the reason, which is required.
//! - Its paragraph is the first run of non-blank lines after it (directives stacked above one
//!   paragraph share it). The directive accepts the first finding (a contradicted or
//!   unverifiable assertion not accepted already) of a claim that starts in that paragraph whose
//!   check is `CHECK-ID` and, when given, whose facts include `FACT-ID`.
//! - A directive that cannot be read (no reason, an unknown check) is an error of the file (exit
//!   2, the file is still checked and reported); one that accepts nothing is a warning (stale).

use std::borrow::Cow;

use factcheck_claims::Format;
use factcheck_model::{Diagnostic, FileReport, Level, Suppressed, Verdict};
use factcheck_rules::FactBase;

const PREFIX: &str = "factcheck-ignore";

/// The check id of assertions that no check decided.
pub const UNVERIFIABLE: &str = "unverifiable";

/// One directive that was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    pub check: String,
    pub fact: Option<String>,
    pub reason: String,
    pub line: usize,
    pub column: usize,
    /// Byte range of the paragraph it speaks of.
    pub scope: std::ops::Range<usize>,
}

/// What the scan of a draft found.
#[derive(Debug, Default)]
pub struct Scan {
    pub directives: Vec<Directive>,
    /// Directives that could not be read (errors).
    pub diagnostics: Vec<Diagnostic>,
    /// Byte ranges of the directive lines (blanked in plain text).
    lines: Vec<std::ops::Range<usize>>,
}

impl Scan {
    /// The text the grammar should read: plain text with the directive lines blanked, else the
    /// draft as it is.
    pub fn text<'a>(&self, text: &'a str, format: Format) -> Cow<'a, str> {
        if self.lines.is_empty() || format != Format::Plain {
            return Cow::Borrowed(text);
        }
        let mut bytes = text.as_bytes().to_vec();
        for r in &self.lines {
            bytes[r.clone()].fill(b' ');
        }
        // Whole lines (without their line breaks) became spaces: still UTF-8.
        Cow::Owned(String::from_utf8(bytes).unwrap_or_else(|_| text.to_string()))
    }
}

/// Finds the directives of a draft. `base` tells a fact id from the first word of a reason.
pub fn scan(text: &str, base: &FactBase) -> Scan {
    let mut scan = Scan::default();
    if !text.contains(PREFIX) {
        return scan;
    }
    let lines = lines(text);
    let mut fence: Option<&str> = None;
    let mut front = text.starts_with("---");
    for (i, &(start, end)) in lines.iter().enumerate() {
        let line = &text[start..end];
        let trimmed = line.trim();
        if front {
            if i > 0 && (trimmed == "---" || trimmed == "...") {
                front = false;
            }
            continue;
        }
        if let Some(f) = fence {
            if trimmed.starts_with(f) {
                fence = None;
            }
            continue;
        }
        if trimmed.starts_with("```") {
            fence = Some("```");
            continue;
        }
        if trimmed.starts_with("~~~") {
            fence = Some("~~~");
            continue;
        }
        let Some(inner) = directive_body(trimmed) else {
            continue;
        };
        let lead = line.len() - line.trim_start().len();
        let line_no = i + 1;
        let column = line[..lead].chars().count() + 1;
        scan.lines.push(start..end);
        match parse(inner, base) {
            Ok((check, fact, reason)) => scan.directives.push(Directive {
                check,
                fact,
                reason,
                line: line_no,
                column,
                scope: paragraph_after(text, &lines, i),
            }),
            Err(message) => scan.diagnostics.push(Diagnostic {
                level: Level::Error,
                message,
                line: Some(line_no),
                column: Some(column),
            }),
        }
    }
    scan
}

/// `(start, end)` of each line, without its line break (`\n` or `\r\n`).
fn lines(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut pos = 0;
    while pos <= text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |k| pos + k);
        let content_end = if end > pos && text.as_bytes()[end - 1] == b'\r' {
            end - 1
        } else {
            end
        };
        out.push((pos, content_end));
        if end == text.len() {
            break;
        }
        pos = end + 1;
    }
    out
}

/// What follows `factcheck-ignore` in a directive line, if the line is one.
fn directive_body(trimmed: &str) -> Option<&str> {
    let inner = trimmed.strip_prefix("<!--")?.strip_suffix("-->")?.trim();
    inner.strip_prefix(PREFIX)
}

fn parse(rest: &str, base: &FactBase) -> Result<(String, Option<String>, String), String> {
    const FORM: &str = "`<!-- factcheck-ignore: CHECK-ID [FACT-ID] reason -->`";
    let Some(rest) = rest.strip_prefix(':') else {
        return Err(format!(
            "cannot read this suppression: expected {FORM} (a colon after `factcheck-ignore`)"
        ));
    };
    let mut words = rest.split_whitespace();
    let Some(check) = words.next() else {
        return Err(format!("a suppression names the check it accepts: {FORM}"));
    };
    if check != UNVERIFIABLE && factcheck_model::checks::info(check).is_none() {
        let known: Vec<&str> = factcheck_model::checks::all()
            .map(|c| c.code)
            .chain([UNVERIFIABLE])
            .collect();
        return Err(format!(
            "unknown check `{check}` in a suppression; one of: {}",
            known.join(", ")
        ));
    }
    let rest: Vec<&str> = words.collect();
    let (fact, reason) = match rest.first() {
        Some(word) if base.ids().any(|id| id == *word) => {
            (Some((*word).to_string()), rest[1..].join(" "))
        }
        _ => (None, rest.join(" ")),
    };
    if reason.is_empty() {
        return Err(format!(
            "a suppression needs a reason (why the finding is accepted): {FORM}"
        ));
    }
    Ok((check.to_string(), fact, reason))
}

/// The first run of non-blank lines after line `i` that are not directives themselves.
fn paragraph_after(text: &str, lines: &[(usize, usize)], i: usize) -> std::ops::Range<usize> {
    let mut j = i + 1;
    while j < lines.len() {
        let t = text[lines[j].0..lines[j].1].trim();
        if !t.is_empty() && directive_body(t).is_none() {
            break;
        }
        j += 1;
    }
    let Some(&(start, _)) = lines.get(j) else {
        return text.len()..text.len();
    };
    let mut end = lines[j].1;
    for &(s, e) in &lines[j + 1..] {
        if text[s..e].trim().is_empty() {
            break;
        }
        end = e;
    }
    start..end
}

/// Marks the findings the directives accept, and warns about each directive that accepts none.
pub fn apply(report: &mut FileReport, scan: Scan) {
    report.diagnostics.extend(scan.diagnostics);
    for d in scan.directives {
        let matches = |a: &factcheck_model::Assertion| {
            a.verdict != Verdict::Supported
                && a.suppressed.is_none()
                && match a.check.as_deref() {
                    Some(check) => check == d.check,
                    None => d.check == UNVERIFIABLE,
                }
                && d.fact.as_ref().is_none_or(|f| a.facts.contains(f))
        };
        let found = report
            .claims
            .iter_mut()
            .filter(|c| d.scope.contains(&c.span.start))
            .flat_map(|c| c.assertions.iter_mut())
            .find(|a| matches(a));
        match found {
            Some(a) => {
                a.suppressed = Some(Suppressed {
                    reason: d.reason.clone(),
                })
            }
            None => {
                let what = match &d.fact {
                    Some(f) => format!("`{}` of `{f}`", d.check),
                    None => format!("`{}`", d.check),
                };
                report.diagnostics.push(Diagnostic {
                    level: Level::Warning,
                    message: format!(
                        "stale suppression: no finding of {what} in the paragraph after it; remove it"
                    ),
                    line: Some(d.line),
                    column: Some(d.column),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_directives_and_their_paragraphs() {
        let text = "Intro.\n\n<!-- factcheck-ignore: event-date the wire copy says so -->\nThe summit was on May 6.\nStill the same paragraph.\n\nNext one.\n";
        let scan = scan(text, &FactBase::empty());
        assert!(scan.diagnostics.is_empty());
        let d = &scan.directives[0];
        assert_eq!((d.check.as_str(), d.fact.as_deref()), ("event-date", None));
        assert_eq!(d.reason, "the wire copy says so");
        assert_eq!((d.line, d.column), (3, 1));
        assert_eq!(
            &text[d.scope.clone()],
            "The summit was on May 6.\nStill the same paragraph."
        );
        let blanked = scan.text(text, Format::Plain);
        assert_eq!(blanked.len(), text.len());
        assert!(!blanked.contains("factcheck-ignore"));
        assert_eq!(scan.text(text, Format::Markdown), text);
    }

    #[test]
    fn refuses_directives_without_a_reason_or_with_an_unknown_check() {
        let text = "<!-- factcheck-ignore: event-date -->\nA.\n\n  <!-- factcheck-ignore: evnt-date why -->\nB.\n\n<!-- factcheck-ignore event-date why -->\nC.\n";
        let scan = scan(text, &FactBase::empty());
        assert!(scan.directives.is_empty());
        let got: Vec<(Option<usize>, Option<usize>, bool)> = scan
            .diagnostics
            .iter()
            .map(|d| (d.line, d.column, d.level == Level::Error))
            .collect();
        assert_eq!(
            got,
            [
                (Some(1), Some(1), true),
                (Some(4), Some(3), true),
                (Some(7), Some(1), true)
            ]
        );
        assert!(scan.diagnostics[0].message.contains("needs a reason"));
        assert!(
            scan.diagnostics[1]
                .message
                .contains("unknown check `evnt-date`")
        );
    }

    #[test]
    fn fenced_code_and_inline_comments_are_no_directives() {
        let text = "```\n<!-- factcheck-ignore: CAL001 x -->\n```\n\nText <!-- factcheck-ignore: CAL001 x --> more.\n";
        let scan = scan(text, &FactBase::empty());
        assert!(scan.directives.is_empty() && scan.diagnostics.is_empty());
    }
}
