//! `human`: rustc-style diagnostics for a person at a terminal.
//!
//! For each file, in this order:
//! 1. its diagnostics (`error: …` / `warning: …`, quoting the line when there is one);
//! 2. one `error[<check>]: <message>` per contradicted claim, quoting the claim's line(s) with
//!    the wrong part underlined and labelled with what the draft says, the related spans as
//!    secondary labels, and `= expected: …`, `= fact: …`, `= source: …` notes;
//!    Under a claim with more than one assertion, a `= part: …` note per assertion;
//! 3. the supported claims as a compact list, `✓ path:line:col  text  [fact ids]`, and the
//!    partly checked ones (`◐`: some parts hold, the others are unchecked) with a line per part;
//! 4. the number of unverifiable claims, or with `verbose` a list `? path:line:col  text  message`
//!    (and with `verbose`, a line per part under every listed claim that has several).
//!
//! A closing line sums up the run. Colour (ANSI escapes) only when `Options::color`.

use std::borrow::Cow;
use std::io;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use factcheck_model::{
    CheckedClaim, Diagnostic, FileReport, Level as DiagnosticLevel, Report, Span, Verdict,
};

use crate::Options;
use crate::text::{self, Locator, span_fits};

/// How many characters of a claim the compact lists quote.
const QUOTE_CHARS: usize = 72;

/// ANSI styles for the lines this module writes itself (annotate-snippets styles its own).
#[derive(Clone, Copy)]
struct Paint {
    color: bool,
}

impl Paint {
    fn paint<'a>(&self, code: &str, text: &'a str) -> Cow<'a, str> {
        if self.color {
            Cow::Owned(format!("\x1b[{code}m{text}\x1b[0m"))
        } else {
            Cow::Borrowed(text)
        }
    }
    fn green<'a>(&self, text: &'a str) -> Cow<'a, str> {
        self.paint("32", text)
    }
    fn yellow<'a>(&self, text: &'a str) -> Cow<'a, str> {
        self.paint("33", text)
    }
    fn dim<'a>(&self, text: &'a str) -> Cow<'a, str> {
        self.paint("2", text)
    }
    fn bold<'a>(&self, text: &'a str) -> Cow<'a, str> {
        self.paint("1", text)
    }
}

pub fn render(report: &Report, options: &Options, out: &mut dyn io::Write) -> io::Result<()> {
    let renderer = if options.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let paint = Paint {
        color: options.color,
    };
    for file in &report.files {
        render_file(file, &renderer, paint, options.verbose, out)?;
    }
    let summary = format!("factcheck: {}", text::summary(&report.summary));
    writeln!(out, "{}", paint.bold(&summary))
}

fn render_file(
    file: &FileReport,
    renderer: &Renderer,
    paint: Paint,
    verbose: bool,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    let locator = Locator::new(file);
    for diagnostic in &file.diagnostics {
        let group = diagnostic_group(file, &locator, diagnostic);
        writeln!(out, "{}\n", renderer.render(&[group]))?;
    }
    for claim in file
        .claims
        .iter()
        .filter(|c| c.verdict == Verdict::Contradicted)
    {
        let groups = contradiction_groups(file, &locator, claim);
        writeln!(out, "{}\n", renderer.render(&groups))?;
    }

    let supported: Vec<&CheckedClaim> = file
        .claims
        .iter()
        .filter(|c| c.verdict == Verdict::Supported)
        .collect();
    let partly: Vec<&CheckedClaim> = file.claims.iter().filter(|c| c.partly_checked).collect();
    let unverifiable: Vec<&CheckedClaim> = file
        .claims
        .iter()
        .filter(|c| c.verdict == Verdict::Unverifiable && !c.partly_checked)
        .collect();
    // Supported claims, partly checked ones (always: a part of them is unchecked), then with
    // `verbose` the unverifiable ones, each group in span order.
    let mut listed: Vec<&CheckedClaim> = supported.clone();
    listed.extend(partly.iter().copied());
    if verbose {
        listed.extend(unverifiable.iter().copied());
    }
    if listed.is_empty() && unverifiable.is_empty() {
        return Ok(());
    }
    let path = text::one_line(&file.path);
    let locations: Vec<String> = listed
        .iter()
        .map(|c| {
            let pos = locator.position(&c.span);
            format!("{path}:{}:{}", pos.line, pos.column)
        })
        .collect();
    let width = locations
        .iter()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0);
    for (claim, location) in listed.iter().zip(&locations) {
        let pad = " ".repeat(width - location.chars().count());
        let mark = text::mark(claim.verdict, claim.partly_checked);
        let mark = if claim.verdict == Verdict::Supported {
            paint.green(mark)
        } else {
            paint.yellow(mark)
        };
        let quote = text::shorten(&claim.text, QUOTE_CHARS);
        let tail = match claim.verdict {
            Verdict::Supported if !claim.facts.is_empty() => {
                format!("  [{}]", text::one_line(&claim.facts.join(", ")))
            }
            Verdict::Unverifiable if claim.partly_checked => {
                let checked = claim.assertions_with(Verdict::Supported).count();
                format!(
                    "  (partly checked: {checked} of {} parts hold, the others are unchecked)",
                    claim.assertions.len()
                )
            }
            Verdict::Unverifiable if !claim.message.is_empty() => {
                format!("  ({})", text::one_line(&claim.message))
            }
            _ => String::new(),
        };
        let tail = match text::accepted(claim) {
            Some(notes) => format!("{tail}  (accepted: {})", notes.join("; ")),
            None => tail,
        };
        writeln!(out, "{mark} {location}{pad}  {quote}{}", paint.dim(&tail))?;
        // The parts: under partly checked claims always, under the others with `verbose`
        // (a lone part says no more than the claim's own line).
        if claim.partly_checked || (verbose && claim.assertions.len() > 1) {
            for a in &claim.assertions {
                let line = format!("    {}", text::assertion_line(a));
                writeln!(out, "{}", paint.dim(&line))?;
            }
        }
    }
    if !verbose && !unverifiable.is_empty() {
        let note = format!(
            "  {} in {path} (--verbose lists them)",
            text::count(
                unverifiable.len(),
                "unverifiable claim",
                "unverifiable claims"
            )
        );
        writeln!(out, "{}", paint.dim(&note))?;
    }
    writeln!(out)
}

/// The longest excerpt quoted in a diagnostic.
const MAX_QUOTE_BYTES: usize = 4096;

/// The line range of `source` that holds every span (which must fit): its byte start, and its
/// byte end (before the last line's break).
fn excerpt(source: &str, spans: &[Span]) -> Option<(usize, usize)> {
    let start = spans.iter().map(|s| s.start).min()?;
    let end = spans.iter().map(|s| s.end).max()?;
    let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = source[end..].find('\n').map_or(source.len(), |i| end + i);
    // Keep a `\r\n` whole: the quote drops the `\r` of each line break.
    let line_end = if source[..line_end].ends_with('\r') && line_end > end {
        line_end - 1
    } else {
        line_end
    };
    Some((line_start, line_end))
}

/// A quote of `source` holding `spans`, with `\r` before line breaks removed (annotate-snippets
/// would show it), and a function that moves a file offset into the quote.
struct Quote {
    text: String,
    first_line: usize,
    /// File offsets of the removed `\r`s, ascending.
    removed: Vec<usize>,
    start: usize,
}

impl Quote {
    fn new(locator: &Locator<'_>, source: &str, spans: &[Span]) -> Option<Quote> {
        let (start, end) = excerpt(source, spans)?;
        // Lines this long are not quoted (the location and a `found` note stand instead): quoting
        // them for every claim on the line would make the report quadratic in its length.
        if end - start > MAX_QUOTE_BYTES {
            return None;
        }
        let first_line = locator.line_of(start);
        let raw = &source[start..end];
        let mut text = String::with_capacity(raw.len());
        let mut removed = Vec::new();
        let mut rest = raw;
        let mut offset = start;
        while let Some(i) = rest.find("\r\n") {
            text.push_str(&rest[..i]);
            removed.push(offset + i);
            text.push('\n');
            rest = &rest[i + 2..];
            offset += i + 2;
        }
        text.push_str(rest);
        Some(Quote {
            text,
            first_line,
            removed,
            start,
        })
    }

    fn offset(&self, file_offset: usize) -> usize {
        let removed = self.removed.partition_point(|&r| r < file_offset);
        file_offset - self.start - removed
    }

    fn range(&self, span: &Span) -> std::ops::Range<usize> {
        self.offset(span.start)..self.offset(span.end)
    }
}

fn contradiction_groups<'a>(
    file: &'a FileReport,
    locator: &Locator<'_>,
    claim: &'a CheckedClaim,
) -> Vec<Group<'a>> {
    let mut message = text::one_line(&claim.message);
    if message.is_empty() {
        message = "the draft contradicts a reference fact".to_string();
    }
    let mut title = Level::ERROR.primary_title(message);
    if let Some(check) = &claim.check {
        title = title.id(text::one_line(check));
    }

    let focus = text::focus(claim);
    let related: Vec<_> = claim
        .related
        .iter()
        .filter(|r| span_fits(&file.source, &r.span))
        .collect();
    let mut group;
    let quote = if span_fits(&file.source, &focus) {
        let mut spans = vec![focus];
        spans.extend(related.iter().map(|r| r.span));
        Quote::new(locator, &file.source, &spans)
    } else {
        None
    };
    match quote {
        Some(quote) => {
            let label = claim
                .found
                .as_ref()
                .map(|f| format!("the draft says {}", one(f)));
            let mut snippet = Snippet::source(quote.text.clone())
                .line_start(quote.first_line)
                .path(file.path.as_str())
                .annotation(
                    AnnotationKind::Primary
                        .span(quote.range(&focus))
                        .label(label),
                );
            for r in &related {
                snippet = snippet.annotation(
                    AnnotationKind::Context
                        .span(quote.range(&r.span))
                        .label(Some(text::one_line(&r.message))),
                );
            }
            group = title.element(snippet);
        }
        None => {
            group = title.element(origin(file, focus.line, focus.column));
            if let Some(found) = &claim.found {
                group = group.element(note("found", one(found)));
            }
        }
    }
    for r in claim
        .related
        .iter()
        .filter(|r| !span_fits(&file.source, &r.span))
    {
        let at = format!("{} ({}:{})", one(&r.message), r.span.line, r.span.column);
        group = group.element(note("related", at));
    }
    if let Some(expected) = &claim.expected {
        group = group.element(note("expected", one(expected)));
    }
    if !claim.facts.is_empty() {
        let name = if claim.facts.len() == 1 {
            "fact"
        } else {
            "facts"
        };
        group = group.element(note(name, one(&claim.facts.join(", "))));
    }
    for source in &claim.sources {
        group = group.element(note("source", one(source)));
    }
    if let Some(attribution) = &claim.attribution {
        group = group.element(note("attributed to", one(attribution)));
    }
    for accepted in text::accepted(claim).unwrap_or_default() {
        group = group.element(note("accepted", accepted));
    }
    // Every part of a claim with more than one, so the reader sees what else it says and
    // whether that holds.
    if claim.assertions.len() > 1 {
        for a in &claim.assertions {
            group = group.element(note("part", one(&text::assertion_line(a))));
        }
    }
    vec![group]
}

fn diagnostic_group<'a>(
    file: &'a FileReport,
    locator: &Locator<'_>,
    diagnostic: &'a Diagnostic,
) -> Group<'a> {
    let level = match diagnostic.level {
        DiagnosticLevel::Error => Level::ERROR,
        DiagnosticLevel::Warning => Level::WARNING,
    };
    let title = level.primary_title(text::one_line(&diagnostic.message));
    let Some(line) = diagnostic.line else {
        return title.element(Origin::path(file.path.as_str()));
    };
    let column = diagnostic.column.unwrap_or(1).max(1);
    let quoted = locator
        .line_start(line)
        .filter(|_| !file.source.is_empty())
        .map(|start| {
            let rest = &file.source[start..];
            let line_len = rest.find('\n').unwrap_or(rest.len());
            let line_text = rest[..line_len]
                .strip_suffix('\r')
                .unwrap_or(&rest[..line_len]);
            // The character at `column`, or the end of the line.
            let mut chars = line_text.char_indices().skip(column - 1);
            let (at, c) = match chars.next() {
                Some((at, c)) => (at, c.len_utf8()),
                None => (line_text.len(), 0),
            };
            (line_text, at..at + c)
        });
    match quoted {
        Some((line_text, range)) => title.element(
            Snippet::source(line_text)
                .line_start(line)
                .path(file.path.as_str())
                .annotation(AnnotationKind::Primary.span(range)),
        ),
        None => title.element(origin(file, line, column)),
    }
}

fn origin(file: &FileReport, line: usize, column: usize) -> Origin<'_> {
    Origin::path(file.path.as_str())
        .line(line.max(1))
        .char_column(column.max(1))
}

/// A `= name: text` note under a diagnostic.
fn note(name: &'static str, text: String) -> annotate_snippets::Message<'static> {
    Level::NOTE.with_name(Some(name)).message(text)
}

/// Untrusted text for a note (notes are not normalised by annotate-snippets): one line, no
/// control characters.
fn one(text: &str) -> String {
    annotate_snippets::normalize_untrusted_str(&text::one_line(text))
}
