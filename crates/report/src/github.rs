//! `github`: GitHub Actions workflow commands, which GitHub turns into inline annotations of a
//! pull request's files.
//!
//! ```text
//! ::error file=drafts/a.md,line=6,col=36,endLine=6,endColumn=47,title=…::message%0Aexpected: …
//! ```
//!
//! One `::error` per contradicted claim, located at the part of the claim the verdict is about;
//! with `verbose`, one `::notice` per unverifiable claim. File diagnostics become `::error` or
//! `::warning` commands. Lines and columns are 1-based, columns count characters; `endColumn` is
//! the column of the last character (inclusive) and, as GitHub requires, `col` and `endColumn`
//! are only given when the annotation starts and ends on one line.
//!
//! Escaping follows the runner's rules: in the message `%`, `\r` and `\n` become `%25`, `%0D`
//! and `%0A`; in property values `:` and `,` also become `%3A` and `%2C`.

use std::io;

use factcheck_model::{CheckedClaim, FileReport, Level, Report, Verdict};

use crate::Options;
use crate::text::{self, Locator};

pub fn render(report: &Report, options: &Options, out: &mut dyn io::Write) -> io::Result<()> {
    for file in &report.files {
        let locator = Locator::new(file);
        for diagnostic in &file.diagnostics {
            let command = match diagnostic.level {
                Level::Error => "error",
                Level::Warning => "warning",
            };
            let mut props = vec![("file", file.path.clone())];
            if let Some(line) = diagnostic.line {
                props.push(("line", line.max(1).to_string()));
                if let Some(column) = diagnostic.column {
                    props.push(("col", column.max(1).to_string()));
                }
            }
            props.push(("title", "factcheck: input".to_string()));
            write_command(out, command, &props, &diagnostic.message)?;
        }
        for claim in &file.claims {
            let (command, title) = match claim.verdict {
                Verdict::Contradicted => ("error", "contradicted"),
                Verdict::Unverifiable if options.verbose => ("notice", "unverifiable"),
                _ => continue,
            };
            let title = match &claim.check {
                Some(check) => format!("factcheck: {title} ({check})"),
                None => format!("factcheck: {title}"),
            };
            let mut props = location(file, &locator, claim);
            props.push(("title", title));
            write_command(out, command, &props, &text::explanation(claim).join("\n"))?;
        }
    }
    Ok(())
}

/// `file`, `line`, `col`, `endLine`, `endColumn` of the part of a claim its verdict is about.
fn location(
    file: &FileReport,
    locator: &Locator<'_>,
    claim: &CheckedClaim,
) -> Vec<(&'static str, String)> {
    let span = text::focus(claim);
    let start = locator.position(&span);
    let mut props = vec![
        ("file", file.path.clone()),
        ("line", start.line.to_string()),
    ];
    match locator.last_char(&span) {
        Some((end_line, end_column)) if end_line == start.line => {
            props.push(("col", start.column.to_string()));
            props.push(("endLine", end_line.to_string()));
            props.push(("endColumn", end_column.to_string()));
        }
        Some((end_line, _)) => props.push(("endLine", end_line.to_string())),
        None => props.push(("col", start.column.to_string())),
    }
    props
}

fn write_command(
    out: &mut dyn io::Write,
    command: &str,
    props: &[(&str, String)],
    message: &str,
) -> io::Result<()> {
    write!(out, "::{command}")?;
    for (i, (key, value)) in props.iter().enumerate() {
        let sep = if i == 0 { ' ' } else { ',' };
        write!(out, "{sep}{key}={}", escape_property(value))?;
    }
    writeln!(out, "::{}", escape_data(message))
}

/// Escapes a workflow command's message: `%` → `%25`, `\r` → `%0D`, `\n` → `%0A`.
pub fn escape_data(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes a workflow command's property value: as [`escape_data`], and `:` → `%3A`,
/// `,` → `%2C`.
pub fn escape_property(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            ':' => out.push_str("%3A"),
            ',' => out.push_str("%2C"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_escapes_percent_and_line_breaks_only() {
        assert_eq!(
            escape_data("100% sure\r\nnext: a, b"),
            "100%25 sure%0D%0Anext: a, b"
        );
        assert_eq!(escape_data("%0A"), "%250A");
        assert_eq!(escape_data("plain 😀 text"), "plain 😀 text");
    }

    #[test]
    fn properties_also_escape_colon_and_comma() {
        assert_eq!(escape_property("factcheck: a, b"), "factcheck%3A a%2C b");
        assert_eq!(
            escape_property("C:\\drafts\\50%,x.md"),
            "C%3A\\drafts\\50%25%2Cx.md"
        );
        assert_eq!(escape_property("a\nb\rc"), "a%0Ab%0Dc");
    }

    #[test]
    fn a_command_cannot_be_ended_early_by_its_text() {
        let mut out = Vec::new();
        let props = [
            ("file", "a::b,c.md".to_string()),
            ("title", "x,y=z".to_string()),
        ];
        write_command(&mut out, "error", &props, "line one\n::error::injected").unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "::error file=a%3A%3Ab%2Cc.md,title=x%2Cy=z::line one%0A::error::injected\n"
        );
    }
}
