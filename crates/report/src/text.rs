//! Helpers the renderers share: positions of spans in a file's source, one-line quotes, counts.

use factcheck_model::{Assertion, CheckedClaim, FileReport, LineIndex, Span, Summary, Verdict};

/// Where a span lies in its file: 1-based lines, 1-based columns counted in characters (Unicode
/// scalar values), `\r\n` one line break, as in [`Span`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
    /// Line and column of the first character after the span (exclusive end), when the span
    /// fits the file's source.
    pub end: Option<(usize, usize)>,
}

/// Whether `span` is a valid range of `source` (in bounds, on character boundaries). Spans come
/// from other crates; a renderer never slices with one it has not checked.
pub fn span_fits(source: &str, span: &Span) -> bool {
    span.start <= span.end
        && span.end <= source.len()
        && source.is_char_boundary(span.start)
        && source.is_char_boundary(span.end)
}

/// Computes positions of spans in one file, indexing its source once.
pub struct Locator<'a> {
    source: &'a str,
    index: LineIndex<'a>,
}

impl<'a> Locator<'a> {
    pub fn new(file: &'a FileReport) -> Self {
        Locator {
            source: &file.source,
            index: LineIndex::new(&file.source),
        }
    }

    /// The position of `span`: computed from the source when the span fits it, otherwise the
    /// span's own line and column without an end.
    pub fn position(&self, span: &Span) -> Position {
        if !span_fits(self.source, span) || self.source.is_empty() {
            return Position {
                line: span.line.max(1),
                column: span.column.max(1),
                end: None,
            };
        }
        let (line, column) = self.index.line_col(span.start);
        let end = self.index.line_col(span.end);
        Position {
            line,
            column,
            end: Some(end),
        }
    }

    /// The 1-based line of a byte offset (clamped to the source).
    pub fn line_of(&self, offset: usize) -> usize {
        self.index.line_col(offset).0
    }

    /// Byte offset where 1-based `line` starts, if the source has that line.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.index.line_start(line)
    }

    /// Line and column of the last character of `span` (an inclusive end), when the span fits
    /// the source and is not empty.
    pub fn last_char(&self, span: &Span) -> Option<(usize, usize)> {
        if !span_fits(self.source, span) || span.is_empty() {
            return None;
        }
        let last = self.source[span.start..span.end]
            .char_indices()
            .next_back()?
            .0;
        Some(self.index.line_col(span.start + last))
    }
}

/// The span a verdict is about: the claim's focus, or the whole claim.
/// The mark of a verdict in lists: `✓` supported, `✗` contradicted, `?` unverifiable, and `◐`
/// for a claim that is unverifiable but partly checked.
pub fn mark(verdict: Verdict, partly_checked: bool) -> &'static str {
    match (verdict, partly_checked) {
        (Verdict::Supported, _) => "✓",
        (Verdict::Contradicted, _) => "✗",
        (Verdict::Unverifiable, true) => "◐",
        (Verdict::Unverifiable, false) => "?",
    }
}

/// One line for an assertion: its mark, kind and words, then what was compared (or why it
/// could not be), and the facts it rests on.
pub fn assertion_line(a: &Assertion) -> String {
    let mut line = format!(
        "{} {} `{}`: {}",
        mark(a.verdict, false),
        a.kind,
        one_line(&a.text),
        one_line(&a.message)
    );
    if !a.facts.is_empty() {
        line.push_str(&format!("  [{}]", one_line(&a.facts.join(", "))));
    }
    if let Some(s) = &a.suppressed {
        line.push_str(&format!("  (suppressed: {})", one_line(&s.reason)));
    }
    if a.baselined {
        line.push_str("  (baselined)");
    }
    line
}

/// Why a claim's findings do not fail the run, when every one of them (its contradicted
/// assertions, or its unverifiable ones when none is contradicted) was accepted: `suppressed:
/// REASON` (each reason once) and/or `baselined`. `None` when a finding is not accepted.
pub fn accepted(claim: &CheckedClaim) -> Option<Vec<String>> {
    if claim.verdict == Verdict::Supported {
        return None;
    }
    let findings: Vec<&Assertion> = claim.assertions_with(claim.verdict).collect();
    if findings.is_empty() {
        return claim.baselined.then(|| vec!["baselined".to_string()]);
    }
    if !findings.iter().all(|a| a.accepted()) {
        return None;
    }
    let mut notes: Vec<String> = Vec::new();
    for a in &findings {
        let note = match &a.suppressed {
            Some(s) => format!("suppressed: {}", one_line(&s.reason)),
            None => "baselined".to_string(),
        };
        if !notes.contains(&note) {
            notes.push(note);
        }
    }
    Some(notes)
}

pub fn focus(claim: &CheckedClaim) -> Span {
    claim.focus.unwrap_or(claim.span)
}

/// `text` on one line: line breaks, tabs and other control characters become spaces and runs of
/// whitespace one space, so that a quote never breaks a line-oriented format or a terminal.
pub fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.trim().chars() {
        if c.is_whitespace() || c.is_control() {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

/// `text` on one line, cut to at most `max` characters with an ellipsis.
pub fn shorten(text: &str, max: usize) -> String {
    let line = one_line(text);
    if line.chars().count() <= max {
        return line;
    }
    let mut cut: String = line.chars().take(max.saturating_sub(1)).collect();
    let trimmed = cut.trim_end().len();
    cut.truncate(trimmed);
    cut.push('…');
    cut
}

/// What a verdict rests on, one item a line: the verdict's message (a default when empty), the
/// claim itself when unverifiable, what the reference says against what the draft says, the fact
/// ids and their sources.
pub fn explanation(claim: &CheckedClaim) -> Vec<String> {
    let mut lines = Vec::new();
    let message = one_line(&claim.message);
    lines.push(if !message.is_empty() {
        message
    } else if claim.verdict == Verdict::Contradicted {
        "the draft contradicts a reference fact".to_string()
    } else if claim.verdict == Verdict::Supported {
        "a reference fact supports this claim".to_string()
    } else {
        "no reference fact confirms or contradicts this claim".to_string()
    });
    if claim.verdict == Verdict::Unverifiable {
        lines.push(format!("claim: {}", shorten(&claim.text, 160)));
    }
    match (&claim.expected, &claim.found) {
        (Some(e), Some(f)) => {
            lines.push(format!("expected: {}; found: {}", one_line(e), one_line(f)))
        }
        (Some(e), None) => lines.push(format!("expected: {}", one_line(e))),
        (None, Some(f)) => lines.push(format!("found: {}", one_line(f))),
        (None, None) => {}
    }
    if !claim.facts.is_empty() {
        let name = if claim.facts.len() == 1 {
            "fact"
        } else {
            "facts"
        };
        lines.push(format!("{name}: {}", one_line(&claim.facts.join(", "))));
    }
    if !claim.sources.is_empty() {
        let name = if claim.sources.len() == 1 {
            "source"
        } else {
            "sources"
        };
        lines.push(format!("{name}: {}", one_line(&claim.sources.join(" "))));
    }
    lines
}

/// `1 file`, `2 files`.
pub fn count(n: usize, one: &str, many: &str) -> String {
    factcheck_model::count(n as u64, one, many)
}

/// `2 files, 25 claims: 12 supported, 1 contradicted, 12 unverifiable, 1 file with errors`.
pub fn summary(summary: &Summary) -> String {
    let mut line = format!(
        "{}, {}: {} supported, {} contradicted, {} unverifiable",
        count(summary.files, "file", "files"),
        count(summary.claims, "claim", "claims"),
        summary.supported,
        summary.contradicted,
        summary.unverifiable,
    );
    if summary.partly_checked > 0 {
        line.push_str(&format!(" ({} partly checked)", summary.partly_checked));
    }
    if summary.errors > 0 {
        line.push_str(", ");
        line.push_str(&count(
            summary.errors,
            "file with errors",
            "files with errors",
        ));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_collapses_breaks_and_controls() {
        assert_eq!(one_line("  a\r\n\tb \u{1b}[31mc  "), "a b [31mc");
        assert_eq!(one_line(""), "");
    }

    #[test]
    fn shorten_cuts_on_characters() {
        assert_eq!(shorten("abcdef", 6), "abcdef");
        assert_eq!(shorten("abc def", 5), "abc…");
        assert_eq!(shorten("😀😀😀😀", 3), "😀😀…");
    }

    #[test]
    fn positions_of_spans_that_do_not_fit_have_no_end() {
        let file = FileReport {
            path: "a.md".into(),
            date: None,
            claims: vec![],
            diagnostics: vec![],
            source: "é\r\nab".into(),
        };
        let loc = Locator::new(&file);
        let fits = Span {
            start: 4,
            end: 6,
            line: 2,
            column: 1,
        };
        assert_eq!(
            loc.position(&fits),
            Position {
                line: 2,
                column: 1,
                end: Some((2, 3))
            }
        );
        assert_eq!(loc.last_char(&fits), Some((2, 2)));
        let to_break = Span {
            start: 0,
            end: 4,
            line: 1,
            column: 1,
        };
        assert_eq!(loc.last_char(&to_break), Some((1, 3)));
        let inside_char = Span {
            start: 1,
            end: 2,
            line: 1,
            column: 2,
        };
        assert_eq!(loc.position(&inside_char).end, None);
        let past_end = Span {
            start: 4,
            end: 60,
            line: 2,
            column: 1,
        };
        assert_eq!(
            loc.position(&past_end),
            Position {
                line: 2,
                column: 1,
                end: None
            }
        );
    }
}
