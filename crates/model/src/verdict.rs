use serde::{Deserialize, Serialize};

use crate::{PartialDate, Span};

/// What factcheck says of one claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Supported,
    Contradicted,
    Unverifiable,
}

impl Verdict {
    pub fn as_str(&self) -> &'static str {
        match self {
            Verdict::Supported => "supported",
            Verdict::Contradicted => "contradicted",
            Verdict::Unverifiable => "unverifiable",
        }
    }
}

impl std::fmt::Display for Verdict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Another place that a verdict points at: the other span of a draft that contradicts itself, or
/// the anchor of a relative date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Related {
    pub span: Span,
    pub message: String,
}

/// One claim of a draft with its verdict. The first fields are the JSON contract of
/// `factcheck check --format json`; the later ones are additions that renderers use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckedClaim {
    pub text: String,
    pub span: Span,
    pub verdict: Verdict,
    /// Ids of the reference facts the verdict rests on (empty for built-in checks).
    pub facts: Vec<String>,
    /// What the reference says, in words (`2023-09-19`, `over 100,000: 100,625 as of 2023-10-03`).
    pub expected: Option<String>,
    /// What the draft says, in words.
    pub found: Option<String>,
    /// Source URLs of the facts.
    pub sources: Vec<String>,
    /// One line a person can read.
    pub message: String,
    /// Index of the claim's sentence in the document.
    pub sentence: usize,
    /// The check that decided the verdict (`event-date`, `office-role`, `CAL001`, …), if any.
    pub check: Option<String>,
    /// The part of the claim the verdict is about (a date, a number, a role), for underlining.
    pub focus: Option<Span>,
    /// The attribution the draft gives for the claim ("Politico said …"), if any.
    pub attribution: Option<String>,
    /// Other spans of the draft that the verdict rests on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
}

/// How bad a [`Diagnostic`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Warning,
    Error,
}

/// Something about a file that is not a verdict: it could not be read, it is not UTF-8, its front
/// matter has no valid date. An `error` makes the run exit with code 2; a `warning` does not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub level: Level,
    pub message: String,
    /// Where in the file, when there is a place (1-based line and column in characters).
    pub line: Option<usize>,
    pub column: Option<usize>,
}

/// The checked claims of one input file, in span order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileReport {
    pub path: String,
    /// The document date claims were resolved against, if any.
    pub date: Option<PartialDate>,
    pub claims: Vec<CheckedClaim>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diagnostics: Vec<Diagnostic>,
    /// The text of the file, for renderers that quote it. Not part of the JSON.
    #[serde(skip)]
    pub source: String,
}

impl FileReport {
    /// The report of a file that could not be checked: no claims, one diagnostic.
    pub fn failed(path: String, diagnostic: Diagnostic) -> FileReport {
        FileReport {
            path,
            date: None,
            claims: Vec::new(),
            diagnostics: vec![diagnostic],
            source: String::new(),
        }
    }

    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(|d| d.level == Level::Error)
    }
}

/// Counts over a whole run.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub files: usize,
    pub claims: usize,
    pub supported: usize,
    pub contradicted: usize,
    pub unverifiable: usize,
    /// Files that could not be checked (input errors).
    pub errors: usize,
}

/// Everything a run found, files sorted by path and claims by span.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    pub files: Vec<FileReport>,
    pub summary: Summary,
}

impl Report {
    /// Builds a report, sorting files by path and claims by span, and counting the summary.
    pub fn new(mut files: Vec<FileReport>) -> Self {
        files.sort_by(|a, b| a.path.cmp(&b.path));
        let mut summary = Summary {
            files: files.len(),
            ..Summary::default()
        };
        for file in &mut files {
            file.claims.sort_by_key(|c| (c.span.start, c.span.end));
            summary.errors += usize::from(file.has_errors());
            for claim in &file.claims {
                summary.claims += 1;
                match claim.verdict {
                    Verdict::Supported => summary.supported += 1,
                    Verdict::Contradicted => summary.contradicted += 1,
                    Verdict::Unverifiable => summary.unverifiable += 1,
                }
            }
        }
        Report { files, summary }
    }
}
