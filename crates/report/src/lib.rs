//! Renderers of the verdict model.
//!
//! One [`Report`] is rendered for each of the people and machines that read it, one module per
//! format:
//!
//! | format | module | for |
//! | --- | --- | --- |
//! | `human` | `human` | a person at a terminal: rustc-style diagnostics (annotate-snippets) |
//! | `json` | `json` | the JSON contract of `factcheck check --format json` |
//! | `jsonl` | `jsonl` | one claim object per line, with its `path` |
//! | `sarif` | `sarif` | SARIF 2.1.0 for GitHub code scanning and other SARIF viewers |
//! | `claimreview` | `claimreview` | schema.org `ClaimReview` JSON-LD |
//! | `github` | `github` | GitHub Actions workflow commands (inline PR annotations) |
//! | `markdown` | `markdown` | a summary for a pull-request comment |
//! | `gitlab` | `gitlab` | a GitLab Code Quality report (merge request widget) |
//!
//! Every renderer is deterministic: its output depends only on the report and the options (no
//! clock, no hash-map iteration order). No renderer panics on any text: spans that do not fit the
//! file's source are rendered without a quote rather than trusted.

use std::fmt;
use std::io;
use std::str::FromStr;

use factcheck_model::Report;

mod claimreview;
mod github;
mod gitlab;
mod human;
mod json;
mod jsonl;
mod jsonw;
mod markdown;
mod sarif;
mod text;

/// An output format of `factcheck check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Format {
    /// rustc-style diagnostics for a person at a terminal.
    #[default]
    Human,
    /// The JSON contract: `{"files":[…],"summary":{…}}`.
    Json,
    /// One claim object per line, each with its `path`.
    Jsonl,
    /// SARIF 2.1.0.
    Sarif,
    /// A JSON array of schema.org `ClaimReview` objects.
    ClaimReview,
    /// GitHub Actions workflow commands.
    Github,
    /// A Markdown summary for a pull-request comment.
    Markdown,
    /// A GitLab Code Quality report.
    Gitlab,
}

impl Format {
    /// Every format, in the order they are documented.
    pub const ALL: [Format; 8] = [
        Format::Human,
        Format::Json,
        Format::Jsonl,
        Format::Sarif,
        Format::ClaimReview,
        Format::Github,
        Format::Markdown,
        Format::Gitlab,
    ];

    /// The name used on the command line and in `factcheck.toml`.
    pub fn name(&self) -> &'static str {
        match self {
            Format::Human => "human",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Sarif => "sarif",
            Format::ClaimReview => "claimreview",
            Format::Github => "github",
            Format::Markdown => "markdown",
            Format::Gitlab => "gitlab",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A format name that is not one of [`Format::ALL`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownFormat(pub String);

impl fmt::Display for UnknownFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown format `{}`; one of: ", self.0)?;
        for (i, format) in Format::ALL.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(format.name())?;
        }
        Ok(())
    }
}

impl std::error::Error for UnknownFormat {}

impl FromStr for Format {
    type Err = UnknownFormat;

    /// Parses a format name, ignoring ASCII case.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Format::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| UnknownFormat(s.to_string()))
    }
}

/// What the caller decides for the renderers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Colour the human report with ANSI escapes. The CLI sets it only on a terminal and when
    /// `NO_COLOR` is not set; no other format is coloured.
    pub color: bool,
    /// List unverifiable claims (human, markdown) and annotate them (github).
    pub verbose: bool,
    /// `author.name` of ClaimReview objects; `factcheck` when `None`.
    pub author: Option<String>,
    /// `datePublished` of ClaimReview objects; the file's document date when `None`.
    pub date_published: Option<String>,
    /// The version of factcheck, for the SARIF tool driver.
    pub tool_version: String,
    /// The run was compared with a baseline (`--baseline`): SARIF results get a
    /// `baselineState` (`unchanged` when every finding of the claim is in the baseline, else
    /// `new`).
    pub baseline: bool,
}

/// Renders `report` in `format` to `out`.
///
/// The only errors are the writer's. Output is written in pieces; wrap `out` in a
/// [`std::io::BufWriter`] when it is unbuffered.
pub fn render(
    report: &Report,
    format: Format,
    options: &Options,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    match format {
        Format::Human => human::render(report, options, out),
        Format::Json => json::render(report, out),
        Format::Jsonl => jsonl::render(report, out),
        Format::Sarif => sarif::render(report, options, out),
        Format::ClaimReview => claimreview::render(report, options, out),
        Format::Github => github::render(report, options, out),
        Format::Markdown => markdown::render(report, options, out),
        Format::Gitlab => gitlab::render(report, options, out),
    }
}

/// Renders `report` to a string (see [`render`]).
pub fn render_to_string(report: &Report, format: Format, options: &Options) -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail, and every renderer writes UTF-8.
    let _ = render(report, format, options, &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_names_round_trip() {
        for format in Format::ALL {
            assert_eq!(format.to_string().parse::<Format>(), Ok(format));
        }
        assert_eq!("SARIF".parse::<Format>(), Ok(Format::Sarif));
        let err = "yaml".parse::<Format>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown format `yaml`; one of: human, json, jsonl, sarif, claimreview, github, markdown, gitlab"
        );
    }
}
