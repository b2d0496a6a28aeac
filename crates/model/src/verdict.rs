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

/// What an assertion says: the kind of thing a fact or a built-in check could compare.
/// The table of which mentions become which kind is in `docs/checking.md`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AssertionKind {
    /// The date of an event ("on September 17", "last month").
    Date,
    /// A relation between two events ("two days before the offensive", "one day later").
    Relation,
    /// How long something lasted ("the 44-day war").
    Duration,
    /// The time from an event to the time the sentence speaks of ("in the 90 years since …",
    /// "for the past ten years").
    Elapsed,
    /// A person's role ("Jan Smit, the president of the central bank").
    Role,
    /// A number of something ("over 100,000 residents").
    Count,
    /// A percentage or share ("about 5 percent of the bloc's output").
    Share,
    /// A calendar fact the built-in checks decide (a weekday, an impossible date, an interval).
    Calendar,
    /// Arithmetic the built-in checks decide (a percentage change, a multiple, parts of a total).
    Arithmetic,
    /// The draft against itself (one event, two dates).
    Consistency,
}

impl AssertionKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            AssertionKind::Date => "date",
            AssertionKind::Relation => "relation",
            AssertionKind::Duration => "duration",
            AssertionKind::Elapsed => "elapsed",
            AssertionKind::Role => "role",
            AssertionKind::Count => "count",
            AssertionKind::Share => "share",
            AssertionKind::Calendar => "calendar",
            AssertionKind::Arithmetic => "arithmetic",
            AssertionKind::Consistency => "consistency",
        }
    }
}

impl std::fmt::Display for AssertionKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One atomic thing a claim says, with its own verdict and evidence: the one evidence type of
/// factcheck. The checker makes one for every mention a fact or a built-in check could compare
/// (a mention that nothing speaks to is an assertion too: unverifiable, with the reason), and
/// the built-in checks add theirs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assertion {
    pub kind: AssertionKind,
    /// The words of the draft the assertion is about ("September 17", "the president").
    pub text: String,
    pub span: Span,
    pub verdict: Verdict,
    /// The check that decided (an id of [`crate::checks`]), `None` when nothing could compare.
    pub check: Option<String>,
    /// Ids of the reference facts the verdict rests on (empty for built-in checks).
    pub facts: Vec<String>,
    /// What the reference (or the calendar, the arithmetic) says, in words.
    pub expected: Option<String>,
    /// What the draft says, in words.
    pub found: Option<String>,
    /// Source URLs of the facts.
    pub sources: Vec<String>,
    /// One line a person can read: what was compared with what, or why nothing could be.
    pub message: String,
    /// Other spans of the draft the verdict rests on (an anchor event, the other date).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
    /// Accepted by an inline `factcheck-ignore` suppression before its paragraph, with the
    /// reason written there. The verdict stays; the finding no longer fails a run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suppressed: Option<Suppressed>,
    /// Accepted in the baseline given with `--baseline`. The verdict stays; the finding no
    /// longer fails a run.
    #[serde(default, skip_serializing_if = "is_false")]
    pub baselined: bool,
}

/// Why a finding was suppressed inline: the reason its `factcheck-ignore` directive gives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suppressed {
    pub reason: String,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Assertion {
    /// Whether a newsroom accepted this finding (suppressed inline or in the baseline).
    pub fn accepted(&self) -> bool {
        self.baselined || self.suppressed.is_some()
    }

    /// An assertion nothing could decide: unverifiable, with the reason.
    pub fn unchecked(kind: AssertionKind, text: &str, span: Span, reason: String) -> Self {
        Assertion {
            kind,
            text: text.trim().to_string(),
            span,
            verdict: Verdict::Unverifiable,
            check: None,
            facts: Vec::new(),
            expected: None,
            found: None,
            sources: Vec::new(),
            message: reason,
            related: Vec::new(),
            suppressed: None,
            baselined: false,
        }
    }
}

/// One claim of a draft with its verdict. The first fields are the JSON contract of
/// `factcheck check --format json`; the later ones are additions that renderers use.
///
/// The verdict comes from the assertions ([`CheckedClaim::decide`]): contradicted if any is,
/// supported only if every one is, unverifiable otherwise; `partly_checked` when some are
/// supported, none contradicted and some unverifiable. The claim-level `facts`, `expected`,
/// `found`, `sources`, `check`, `message`, `focus` and `related` are those of the assertions
/// that decide: the contradicted ones, the unverifiable ones, or all when supported.
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
    /// Unverifiable, but some of its assertions are supported and none is contradicted.
    #[serde(default)]
    pub partly_checked: bool,
    /// Every atomic assertion of the claim, in span order.
    #[serde(default)]
    pub assertions: Vec<Assertion>,
    /// A claim without assertions whose unverifiable verdict is in the baseline given with
    /// `--baseline` (an assertion carries its own mark).
    #[serde(default, skip_serializing_if = "is_false")]
    pub baselined: bool,
}

impl CheckedClaim {
    /// A claim with no verdict yet (unverifiable, no assertions).
    pub fn new(text: String, span: Span, sentence: usize, attribution: Option<String>) -> Self {
        CheckedClaim {
            text,
            span,
            verdict: Verdict::Unverifiable,
            facts: Vec::new(),
            expected: None,
            found: None,
            sources: Vec::new(),
            message: String::new(),
            sentence,
            check: None,
            focus: None,
            attribution,
            related: Vec::new(),
            partly_checked: false,
            assertions: Vec::new(),
            baselined: false,
        }
    }

    /// Sorts the assertions by span and sets the verdict and the claim-level fields from them.
    /// A claim with no assertion keeps its message (why nothing could be compared) and is
    /// unverifiable.
    pub fn decide(&mut self) {
        self.assertions
            .sort_by_key(|a| (a.span.start, a.span.end, a.kind));
        let any = |v: Verdict| self.assertions.iter().any(|a| a.verdict == v);
        let (verdict, group): (Verdict, Vec<&Assertion>) = if any(Verdict::Contradicted) {
            let g = self
                .assertions
                .iter()
                .filter(|a| a.verdict == Verdict::Contradicted);
            (Verdict::Contradicted, g.collect())
        } else if any(Verdict::Unverifiable) {
            let g = self
                .assertions
                .iter()
                .filter(|a| a.verdict == Verdict::Unverifiable);
            (Verdict::Unverifiable, g.collect())
        } else if !self.assertions.is_empty() {
            (Verdict::Supported, self.assertions.iter().collect())
        } else {
            self.verdict = Verdict::Unverifiable;
            self.partly_checked = false;
            return;
        };
        self.partly_checked = verdict == Verdict::Unverifiable && any(Verdict::Supported);
        self.verdict = verdict;
        let (mut facts, mut sources, mut related) = (Vec::new(), Vec::new(), Vec::new());
        for a in &group {
            for f in &a.facts {
                push_unique(&mut facts, f);
            }
            for s in &a.sources {
                push_unique(&mut sources, s);
            }
            related.extend(a.related.iter().cloned());
        }
        // Each distinct value once, in order: two parts that say the same words (a fact and a
        // built-in check on "three days before") show them once.
        let join = |f: &dyn Fn(&Assertion) -> Option<&str>| {
            let mut v: Vec<&str> = Vec::new();
            for x in group.iter().filter_map(|a| f(a)) {
                if !v.contains(&x) {
                    v.push(x);
                }
            }
            (!v.is_empty()).then(|| v.join("; "))
        };
        self.expected = join(&|a| a.expected.as_deref());
        self.found = join(&|a| a.found.as_deref());
        self.message = join(&|a| Some(a.message.as_str())).unwrap_or_default();
        self.check = group.iter().find_map(|a| a.check.clone());
        self.focus = Some(group[0].span);
        self.facts = facts;
        self.sources = sources;
        self.related = related;
    }

    /// The assertions with a given verdict.
    pub fn assertions_with(&self, verdict: Verdict) -> impl Iterator<Item = &Assertion> {
        self.assertions.iter().filter(move |a| a.verdict == verdict)
    }
}

fn push_unique(v: &mut Vec<String>, s: &str) {
    if !v.iter().any(|x| x == s) {
        v.push(s.to_string());
    }
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
    /// Unverifiable claims with supported parts and none contradicted (counted in
    /// `unverifiable` too).
    #[serde(default)]
    pub partly_checked: usize,
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
                summary.partly_checked += usize::from(claim.partly_checked);
            }
        }
        Report { files, summary }
    }
}
