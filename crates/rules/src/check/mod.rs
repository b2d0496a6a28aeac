//! The checker: a verdict for every claim of a parsed draft.
//!
//! Two parallel passes over the claims (rayon, results collected in claim order):
//! 1. scan each claim's text once with the alias index and note its *subject event* (the event
//!    its date speaks of), which "one day later" in a later claim counts from;
//! 2. pair each mention with the nearest candidate fact of the kind it can speak to, compare,
//!    and combine the comparisons into the claim's verdict.
//!
//! Then the built-in checks (`factcheck-lints`) are merged in. Semantics: `docs/checking.md`.

mod count;
mod dates;
mod office;

pub(crate) use office::{label as label_of, tenure as tenure_of};

use factcheck_claims::{Anchor, Claim, ClaimKind, DateMention, Document, Mention, MentionValue};
use factcheck_model::{
    CheckedClaim, Date, Diagnostic, FileReport, Level, PartialDate, Related, Span, Verdict,
};
use rayon::prelude::*;

use crate::base::{Body, Fact, FactBase};
use crate::index::{Hit, Term};

/// The result of one comparison of a mention with a fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Status {
    Holds,
    Fails,
    /// The mention speaks to a fact, but the comparison cannot be made (and says why).
    Unknown,
}

#[derive(Debug, Clone)]
pub(crate) struct Outcome {
    pub status: Status,
    pub check: &'static str,
    pub facts: Vec<u32>,
    pub expected: Option<String>,
    pub found: Option<String>,
    pub sources: Vec<String>,
    pub message: String,
    pub focus: Span,
    pub related: Vec<Related>,
}

impl Outcome {
    pub fn new(status: Status, check: &'static str, focus: Span, message: String) -> Self {
        Outcome {
            status,
            check,
            facts: Vec::new(),
            expected: None,
            found: None,
            sources: Vec::new(),
            message,
            focus,
            related: Vec::new(),
        }
    }

    /// Adds a fact the comparison rests on, with its sources.
    pub fn fact(mut self, base: &FactBase, f: u32) -> Self {
        if !self.facts.contains(&f) {
            self.facts.push(f);
        }
        for s in base.fact(f).sources() {
            push_unique(&mut self.sources, s);
        }
        self
    }

    pub fn expected(mut self, s: impl Into<String>) -> Self {
        self.expected = Some(s.into());
        self
    }

    pub fn found(mut self, s: impl Into<String>) -> Self {
        self.found = Some(s.into());
        self
    }

    pub fn sources<'a>(mut self, urls: impl IntoIterator<Item = &'a String>) -> Self {
        for u in urls {
            push_unique(&mut self.sources, u);
        }
        self
    }
}

fn push_unique(v: &mut Vec<String>, s: &str) {
    if !v.iter().any(|x| x == s) {
        v.push(s.to_string());
    }
}

/// What pass 1 learnt about a claim.
pub(crate) struct Scan {
    pub hits: Vec<Hit>,
    /// The event the claim is about, for a later "one day later".
    pub subject: Option<u32>,
}

/// Everything a comparison may look at.
pub(crate) struct Ctx<'a> {
    pub base: &'a FactBase,
    pub doc: &'a Document,
    pub source: &'a str,
    pub scans: &'a [Scan],
}

impl Ctx<'_> {
    pub fn fact(&self, f: u32) -> &Fact {
        self.base.fact(f)
    }

    pub fn date(&self) -> Option<Date> {
        self.doc.date
    }

    /// The text of a span of the draft, if the span is valid.
    pub fn text_at(&self, span: Span) -> Option<&str> {
        self.source.get(span.range())
    }
}

/// Byte distance between two ranges (0 when they overlap or touch).
pub(crate) fn distance(a: (usize, usize), b: (usize, usize)) -> usize {
    if a.1 <= b.0 {
        b.0 - a.1
    } else {
        a.0.saturating_sub(b.1)
    }
}

fn range(s: Span) -> (usize, usize) {
    (s.start, s.end)
}

/// The hit nearest to `span` that `keep` accepts (ties: the earlier one).
pub(crate) fn nearest(
    hits: &[Hit],
    span: Span,
    mut keep: impl FnMut(&Hit) -> bool,
) -> Option<&Hit> {
    hits.iter()
        .filter(|h| keep(h))
        .min_by_key(|h| (distance((h.start, h.end), range(span)), h.start))
}

pub(crate) fn is_event_hit(base: &FactBase, h: &Hit) -> bool {
    matches!(h.term, Term::Name | Term::Alias | Term::Cue)
        && matches!(base.fact(h.fact).body, Body::Event(_))
}

pub(crate) fn is_count_hit(base: &FactBase, h: &Hit) -> bool {
    matches!(h.term, Term::Name | Term::Cue) && matches!(base.fact(h.fact).body, Body::Count(_))
}

/// The event a relative date counts from when it names it ("two days before Baku launched its
/// military operation"): the first event the anchor text matches.
pub(crate) fn anchor_event(base: &FactBase, text: &str, span: Span) -> Option<Hit> {
    base.index
        .hits(text, span.start)
        .into_iter()
        .find(|h| is_event_hit(base, h))
}

/// Whether the hit lies inside the span.
pub(crate) fn inside(h: &Hit, span: Span) -> bool {
    h.start >= span.start && h.end <= span.end
}

/// The event a dated mention speaks of: the nearest event hit, leaving out the anchor of a
/// relative date (its span and its fact).
pub(crate) fn own_event<'h>(
    base: &FactBase,
    hits: &'h [Hit],
    m: &Mention,
    d: &DateMention,
) -> Option<&'h Hit> {
    let (anchor_span, anchor_fact) = match d.relative.as_ref().map(|r| &r.anchor) {
        Some(Anchor::Event { text, span }) => {
            (Some(*span), anchor_event(base, text, *span).map(|h| h.fact))
        }
        _ => (None, None),
    };
    nearest(hits, m.span, |h| {
        is_event_hit(base, h)
            && anchor_span.is_none_or(|s| !inside(h, s))
            && anchor_fact != Some(h.fact)
    })
}

fn scan_claim(base: &FactBase, claim: &Claim) -> Scan {
    let hits = base.index.hits(&claim.text, claim.span.start);
    let dated = claim.mentions.iter().find_map(|m| match &m.value {
        MentionValue::Date(d) => own_event(base, &hits, m, d).map(|h| h.fact),
        _ => None,
    });
    let subject = dated.or_else(|| hits.iter().find(|h| is_event_hit(base, h)).map(|h| h.fact));
    Scan { hits, subject }
}

/// The fewest claims a thread takes at a time.
const CLAIMS_PER_JOB: usize = 64;

/// Checks every claim of a parsed draft against the facts, in parallel; the claims come out in
/// the document's (span) order, identical on any number of threads. The grammar's diagnostics
/// become warnings of the report.
pub fn check_document(base: &FactBase, doc: &Document, path: &str, source: &str) -> FileReport {
    // Claims go to threads in runs of at least `CLAIMS_PER_JOB`: a draft is split across
    // threads when it is long, while the many short drafts of an archive (already spread
    // across threads by file) are not cut into jobs of a few claims each.
    let scans: Vec<Scan> = doc
        .claims
        .par_iter()
        .with_min_len(CLAIMS_PER_JOB)
        .map(|c| scan_claim(base, c))
        .collect();
    let ctx = Ctx {
        base,
        doc,
        source,
        scans: &scans,
    };
    let mut claims: Vec<CheckedClaim> = (0..doc.claims.len())
        .into_par_iter()
        .with_min_len(CLAIMS_PER_JOB)
        .map(|i| check_claim(&ctx, i))
        .collect();
    for finding in factcheck_lints::check(doc) {
        if let Some(claim) = claims.get_mut(finding.claim) {
            merge_finding(claim, finding);
        }
    }
    let diagnostics = doc
        .diagnostics
        .iter()
        .map(|d| Diagnostic {
            level: Level::Warning,
            message: d.message.clone(),
            line: Some(d.span.line),
            column: Some(d.span.column),
        })
        .collect();
    let mut order: Vec<usize> = (0..claims.len()).collect();
    order.sort_by_key(|&i| (doc.claims[i].span.start, doc.claims[i].span.end, i));
    let mut slots: Vec<Option<CheckedClaim>> = claims.into_iter().map(Some).collect();
    let claims = order.into_iter().filter_map(|i| slots[i].take()).collect();
    FileReport {
        path: path.to_string(),
        date: doc.date.map(PartialDate::from),
        claims,
        diagnostics,
        source: source.to_string(),
    }
}

/// Whether a date is compared on its own (absolute, or resolved against the document date),
/// rather than as a relation between two events.
fn is_absolute(d: &DateMention) -> bool {
    matches!(
        d.relative.as_ref().map(|r| &r.anchor),
        None | Some(Anchor::Document { .. })
    )
}

/// "on Sunday, September 17, 2023": a weekday written next to a full date is that date's
/// weekday, not a date of its own (whether the two agree is the calendar check's business).
pub(crate) fn is_weekday_of_a_date(claim: &Claim, m: &Mention, d: &DateMention) -> bool {
    let is_weekday = d
        .relative
        .as_ref()
        .is_some_and(|r| r.offset.weekday.is_some());
    is_weekday
        && claim.mentions.iter().any(|o| {
            let MentionValue::Date(od) = &o.value else {
                return false;
            };
            let full = od.relative.is_none() && od.date.is_some_and(|x| crate::format::is_day(&x));
            full && distance((o.span.start, o.span.end), (m.span.start, m.span.end)) <= 3
        })
}

/// What each date and number of a claim is compared with: the nearest hit of a fact it can
/// speak to, and each fact with only the mention nearest to it (one date and one number a
/// fact), so that "met in Istanbul on September 17, two days before the offensive began on
/// September 19" compares the meeting with September 17 only.
fn pairing(ctx: &Ctx, claim: &Claim, hits: &[Hit]) -> Vec<Option<Hit>> {
    let base = ctx.base;
    // (hit, distance, is a date)
    let candidates: Vec<Option<(Hit, usize, bool)>> = claim
        .mentions
        .iter()
        .map(|m| {
            let (hit, is_date) = match &m.value {
                MentionValue::Date(d) if is_absolute(d) && !is_weekday_of_a_date(claim, m, d) => {
                    (nearest(hits, m.span, |h| dates::can_date(base, d, h)), true)
                }
                MentionValue::Quantity(q) if count::is_a_count(claim, m, q) => {
                    (nearest(hits, m.span, |h| is_count_hit(base, h)), false)
                }
                _ => (None, false),
            };
            hit.map(|h| (*h, distance((h.start, h.end), range(m.span)), is_date))
        })
        .collect();
    candidates
        .iter()
        .enumerate()
        .map(|(k, c)| {
            let (hit, dist, is_date) = (*c)?;
            let beaten = candidates.iter().enumerate().any(|(j, o)| {
                o.is_some_and(|(h, d, od)| {
                    j != k
                        && h.fact == hit.fact
                        && od == is_date
                        && (d < dist || (d == dist && j < k))
                })
            });
            (!beaten).then_some(hit)
        })
        .collect()
}

fn check_claim(ctx: &Ctx, i: usize) -> CheckedClaim {
    let claim = &ctx.doc.claims[i];
    let hits = &ctx.scans[i].hits;
    let paired = pairing(ctx, claim, hits);
    let mut outcomes: Vec<Outcome> = Vec::new();
    for (m, pair) in claim.mentions.iter().zip(paired) {
        let outcome = match &m.value {
            MentionValue::Date(d) => dates::check_date(ctx, i, m, d, pair),
            MentionValue::Duration(du) => dates::check_duration(ctx, i, m, du),
            MentionValue::Quantity(q) => pair.and_then(|h| count::check_quantity(ctx, m, q, h)),
            MentionValue::Person(p) => office::check_person(ctx, m, p),
            MentionValue::Name(_) => None,
        };
        outcomes.extend(outcome);
    }
    combine(ctx, claim, hits, outcomes)
}

fn ids(ctx: &Ctx, facts: &[u32]) -> Vec<String> {
    facts
        .iter()
        .map(|&f| ctx.fact(f).id().to_string())
        .collect()
}

fn join<'a>(parts: impl Iterator<Item = &'a str>) -> Option<String> {
    let v: Vec<&str> = parts.collect();
    (!v.is_empty()).then(|| v.join("; "))
}

/// A claim is contradicted if any comparison fails, supported if at least one holds and none
/// fails, unverifiable otherwise.
fn combine(ctx: &Ctx, claim: &Claim, hits: &[Hit], outcomes: Vec<Outcome>) -> CheckedClaim {
    let failed: Vec<&Outcome> = outcomes
        .iter()
        .filter(|o| o.status == Status::Fails)
        .collect();
    let held: Vec<&Outcome> = outcomes
        .iter()
        .filter(|o| o.status == Status::Holds)
        .collect();
    let unknown: Vec<&Outcome> = outcomes
        .iter()
        .filter(|o| o.status == Status::Unknown)
        .collect();
    let mut out = CheckedClaim {
        text: claim.text.clone(),
        span: claim.span,
        verdict: Verdict::Unverifiable,
        facts: Vec::new(),
        expected: None,
        found: None,
        sources: Vec::new(),
        message: String::new(),
        sentence: claim.sentence,
        check: None,
        focus: None,
        attribution: claim.attribution.as_ref().map(|a| a.text.clone()),
        related: Vec::new(),
    };
    let (verdict, group) = if !failed.is_empty() {
        (Verdict::Contradicted, failed)
    } else if !held.is_empty() {
        (Verdict::Supported, held)
    } else if !unknown.is_empty() {
        (Verdict::Unverifiable, unknown)
    } else {
        let mut known: Vec<u32> = Vec::new();
        for h in hits {
            if !known.contains(&h.fact) {
                known.push(h.fact);
            }
        }
        out.message = if known.is_empty() {
            "no rule speaks to this claim".into()
        } else {
            format!(
                "the rules know {}, but the claim states no date, number, duration or role to compare",
                ids(ctx, &known)
                    .iter()
                    .map(|s| format!("`{s}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        return out;
    };
    out.verdict = verdict;
    let mut facts: Vec<u32> = Vec::new();
    for o in &group {
        for &f in &o.facts {
            if !facts.contains(&f) {
                facts.push(f);
            }
        }
        for s in &o.sources {
            push_unique(&mut out.sources, s);
        }
        out.related.extend(o.related.iter().cloned());
    }
    out.facts = ids(ctx, &facts);
    out.expected = join(group.iter().filter_map(|o| o.expected.as_deref()));
    out.found = join(group.iter().filter_map(|o| o.found.as_deref()));
    out.message = join(group.iter().map(|o| o.message.as_str())).unwrap_or_default();
    out.check = Some(group[0].check.to_string());
    out.focus = Some(group[0].focus);
    out
}

/// A built-in check's finding makes its claim contradicted, unless a fact already does: then the
/// finding is added to the message and its related spans kept.
fn merge_finding(claim: &mut CheckedClaim, f: factcheck_lints::Finding) {
    if claim.verdict == Verdict::Contradicted {
        claim.message = format!(
            "{} Also {}: {}",
            end_sentence(&claim.message),
            f.code,
            f.message
        );
        claim.related.extend(f.related);
        return;
    }
    let before = std::mem::take(&mut claim.message);
    let had = claim.verdict == Verdict::Supported;
    claim.verdict = Verdict::Contradicted;
    claim.check = Some(f.code.to_string());
    claim.message = if had {
        format!(
            "{} (the reference facts support the rest: {before})",
            f.message
        )
    } else {
        f.message
    };
    claim.expected = f.expected;
    claim.found = f.found;
    claim.focus = Some(f.focus);
    claim.related = f.related;
    claim.facts.clear();
    claim.sources.clear();
}

fn end_sentence(s: &str) -> String {
    if s.ends_with('.') {
        s.to_string()
    } else {
        format!("{s}.")
    }
}

/// The statement claims before claim `i`, nearest first.
pub(crate) fn previous_statements<'a>(
    doc: &'a Document,
    i: usize,
) -> impl Iterator<Item = (usize, &'a Claim)> + 'a {
    doc.claims[..i]
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, c)| c.kind == ClaimKind::Statement)
}

#[cfg(test)]
mod tests;
