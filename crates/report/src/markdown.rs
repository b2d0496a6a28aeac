//! `markdown`: a summary for a pull-request comment (GitHub-flavoured Markdown).
//!
//! A heading that says whether anything is contradicted, the run's counts, a table of the
//! contradicted claims (where, the claim, what the draft says, what the reference says, the
//! sources as links), the file diagnostics, then the supported claims in a collapsed
//! `<details>` table, and with `verbose` the unverifiable ones in another.
//!
//! Text from drafts and rule files is escaped: backslash escapes for Markdown punctuation (`|`
//! included, so a cell never splits), `&` as `&amp;`, and `@` and `#` so that a draft can neither
//! mention a user nor link an issue. Line breaks become spaces.

use std::io;

use factcheck_model::{CheckedClaim, FileReport, Level, Report, Verdict};

use crate::Options;
use crate::text::{self, Locator};

/// How many characters of a claim a table cell quotes.
const CLAIM_CHARS: usize = 120;

pub fn render(report: &Report, options: &Options, out: &mut dyn io::Write) -> io::Result<()> {
    let summary = &report.summary;
    let heading = match (summary.contradicted, summary.errors) {
        (0, 0) => "✅ factcheck: no contradicted claims".to_string(),
        (0, _) => {
            "⚠️ factcheck: no contradicted claims, but some files could not be checked".to_string()
        }
        (n, _) => format!(
            "❌ factcheck: {}",
            text::count(n, "contradicted claim", "contradicted claims")
        ),
    };
    writeln!(out, "## {heading}\n")?;
    writeln!(out, "{}\n", text::summary(summary))?;

    let rows = |verdict: Verdict| -> Vec<(&FileReport, &CheckedClaim, String)> {
        report
            .files
            .iter()
            .flat_map(|file| {
                let locator = Locator::new(file);
                file.claims
                    .iter()
                    .filter(move |c| c.verdict == verdict)
                    .map(move |claim| {
                        // Contradictions point at the wrong part; other claims at their start.
                        let span = if verdict == Verdict::Contradicted {
                            text::focus(claim)
                        } else {
                            claim.span
                        };
                        let pos = locator.position(&span);
                        (
                            file,
                            claim,
                            format!("{}:{}:{}", file.path, pos.line, pos.column),
                        )
                    })
            })
            .collect()
    };

    let contradicted = rows(Verdict::Contradicted);
    if !contradicted.is_empty() {
        writeln!(out, "### Contradicted claims\n")?;
        writeln!(
            out,
            "| Where | Claim | The draft says | The reference says | Source |"
        )?;
        writeln!(out, "| --- | --- | --- | --- | --- |")?;
        for (_, claim, place) in &contradicted {
            writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                escape(place),
                escape(&text::shorten(&claim.text, CLAIM_CHARS)),
                claim.found.as_deref().map_or("—".to_string(), escape),
                claim.expected.as_deref().map_or("—".to_string(), escape),
                sources(claim),
            )?;
        }
        writeln!(out)?;
    }

    let diagnostics: Vec<_> = report
        .files
        .iter()
        .flat_map(|f| f.diagnostics.iter().map(move |d| (f, d)))
        .collect();
    if !diagnostics.is_empty() {
        writeln!(out, "### Files with problems\n")?;
        for (file, diagnostic) in diagnostics {
            let level = match diagnostic.level {
                Level::Error => "error",
                Level::Warning => "warning",
            };
            let place = match (diagnostic.line, diagnostic.column) {
                (Some(line), Some(column)) => format!("{}:{line}:{column}", file.path),
                (Some(line), None) => format!("{}:{line}", file.path),
                _ => file.path.clone(),
            };
            writeln!(
                out,
                "- **{level}** {}: {}",
                escape(&place),
                escape(&diagnostic.message)
            )?;
        }
        writeln!(out)?;
    }

    let supported = rows(Verdict::Supported);
    if !supported.is_empty() {
        let title = text::count(supported.len(), "supported claim", "supported claims");
        details(
            out,
            &title,
            &["Where", "Claim", "Facts"],
            supported.iter().map(|(_, c, place)| {
                vec![
                    escape(place),
                    escape(&text::shorten(&c.text, CLAIM_CHARS)),
                    escape(&c.facts.join(", ")),
                ]
            }),
        )?;
    }
    let unverifiable = rows(Verdict::Unverifiable);
    if options.verbose && !unverifiable.is_empty() {
        let title = text::count(
            unverifiable.len(),
            "unverifiable claim",
            "unverifiable claims",
        );
        details(
            out,
            &title,
            &["Where", "Claim", "Why"],
            unverifiable.iter().map(|(_, c, place)| {
                vec![
                    escape(place),
                    escape(&text::shorten(&c.text, CLAIM_CHARS)),
                    escape(&c.message),
                ]
            }),
        )?;
    }
    Ok(())
}

/// A collapsed table.
fn details(
    out: &mut dyn io::Write,
    title: &str,
    header: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
) -> io::Result<()> {
    writeln!(out, "<details>\n<summary>{title}</summary>\n")?;
    writeln!(out, "| {} |", header.join(" | "))?;
    writeln!(out, "|{}", " --- |".repeat(header.len()))?;
    for row in rows {
        writeln!(out, "| {} |", row.join(" | "))?;
    }
    writeln!(out, "\n</details>\n")
}

/// The sources of a claim as links named by their host; the check's name when it has none.
fn sources(claim: &CheckedClaim) -> String {
    if claim.sources.is_empty() {
        return match &claim.check {
            Some(check) => format!("built-in check {}", escape(check)),
            None => "—".to_string(),
        };
    }
    let links: Vec<String> = claim.sources.iter().map(|s| link(s)).collect();
    links.join(" ")
}

/// `[host](<url>)` for an http(s) URL, the escaped text otherwise.
fn link(source: &str) -> String {
    let source = source.trim();
    let rest = source
        .strip_prefix("https://")
        .or_else(|| source.strip_prefix("http://"));
    let Some(rest) = rest else {
        return escape(source);
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let host = if host.is_empty() { source } else { host };
    let mut target = String::with_capacity(source.len());
    for c in source.chars() {
        match c {
            ' ' => target.push_str("%20"),
            '<' => target.push_str("%3C"),
            '>' => target.push_str("%3E"),
            '|' => target.push_str("%7C"),
            c if c.is_control() => {}
            c => target.push(c),
        }
    }
    format!("[{}](<{target}>)", escape(host))
}

/// Text for a table cell or a list item: one line, Markdown punctuation backslash-escaped.
pub fn escape(text: &str) -> String {
    let line = text::one_line(text);
    let mut out = String::with_capacity(line.len());
    for c in line.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '@' | '#' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_never_split_or_break() {
        assert_eq!(escape("a | b\nc"), "a \\| b c");
        assert_eq!(
            escape("AT&T <b> *x* @user #12"),
            "AT&amp;T \\<b\\> \\*x\\* \\@user \\#12"
        );
    }

    #[test]
    fn links_are_named_by_host() {
        assert_eq!(
            link("https://tass.com/politics/1684419"),
            "[tass.com](<https://tass.com/politics/1684419>)"
        );
        assert_eq!(
            link("https://x.org/a b|c"),
            "[x.org](<https://x.org/a%20b%7Cc>)"
        );
        assert_eq!(link("US State Department"), "US State Department");
    }
}
