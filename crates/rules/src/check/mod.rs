//! The checker: a verdict for every claim of a parsed draft.
//!
//! Two parallel passes over the claims (rayon, results collected in claim order):
//! 1. scan each claim's text once with the alias index and note its *subject event* (the event
//!    its date speaks of), which "one day later" in a later claim counts from;
//! 2. attach each mention to a fact its clause names ([`attachable`]), compare, and make one
//!    assertion per mention.
//!
//! Every mention that makes an assertion gets one, compared or not, and the claim's verdict comes
//! from its assertions. The built-in checks are not run here: the engine crate adds them.
//! Semantics: `docs/checking.md`.

mod count;
mod dates;
mod office;

pub(crate) use office::{label as label_of, tenure as tenure_of};

use factcheck_claims::{Anchor, Claim, ClaimKind, DateMention, Document, Mention, MentionValue};
use factcheck_model::{Assertion, AssertionKind, CheckedClaim, Date, Related, Span, Verdict};
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

impl Outcome {
    /// The assertion this comparison decides.
    pub fn into_assertion(self, ctx: &Ctx, kind: AssertionKind, text: &str) -> Assertion {
        Assertion {
            kind,
            text: text.trim().to_string(),
            span: self.focus,
            verdict: match self.status {
                Status::Holds => Verdict::Supported,
                Status::Fails => Verdict::Contradicted,
                Status::Unknown => Verdict::Unverifiable,
            },
            check: Some(self.check.to_string()),
            facts: self
                .facts
                .iter()
                .map(|&f| ctx.fact(f).id().to_string())
                .collect(),
            expected: self.expected,
            found: self.found,
            sources: self.sources,
            message: self.message,
            related: self.related,
            suppressed: None,
            baselined: false,
        }
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

fn scan_claim(base: &FactBase, doc: &Document, ci: usize) -> Scan {
    let claim = &doc.claims[ci];
    let hits = base
        .index
        .hits_in(&claim.text, claim.span.start, &doc.claim_tokens(ci));
    let dated = claim.mentions.iter().find_map(|m| match &m.value {
        MentionValue::Date(d) => own_event(base, &hits, m, d).map(|h| h.fact),
        _ => None,
    });
    let subject = dated.or_else(|| hits.iter().find(|h| is_event_hit(base, h)).map(|h| h.fact));
    Scan { hits, subject }
}

/// The fewest claims a thread takes at a time.
const CLAIMS_PER_JOB: usize = 64;

/// Checks every claim of a parsed draft against the facts, in parallel: one [`CheckedClaim`]
/// per claim of `doc.claims`, in the same order (so a caller can add the built-in checks'
/// assertions by claim index), identical on any number of threads. Each claim's verdict is
/// decided from its assertions ([`CheckedClaim::decide`]).
pub fn check_claims(base: &FactBase, doc: &Document, source: &str) -> Vec<CheckedClaim> {
    // Claims go to threads in runs of at least `CLAIMS_PER_JOB`: a draft is split across
    // threads when it is long, while the many short drafts of an archive (already spread
    // across threads by file) are not cut into jobs of a few claims each.
    let scans: Vec<Scan> = doc
        .claims
        .par_iter()
        .enumerate()
        .with_min_len(CLAIMS_PER_JOB)
        .map(|(ci, _)| scan_claim(base, doc, ci))
        .collect();
    let ctx = Ctx {
        base,
        doc,
        source,
        scans: &scans,
    };
    (0..doc.claims.len())
        .into_par_iter()
        .with_min_len(CLAIMS_PER_JOB)
        .map(|i| check_claim(&ctx, i))
        .collect()
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

/// The mention's clause in its claim (`None`: the main clause).
fn clause(claim: &Claim, span: (usize, usize)) -> Option<usize> {
    claim.clause_of(span.0, span.1)
}

/// The hits of the facts a mention can speak to, in the order attachment prefers them: only
/// hits in the mention's own clause; first the nearest before the mention (or overlapping it),
/// then the nearest after it. Hits with the same span (a phrase two facts share) stay together.
///
/// Two limits keep a date from a fact it does not speak of: a hit inside the anchor of a
/// relative date ("two days before ‹the offensive began›") belongs to that relation, and a date
/// that a verb before it governs ("the envoys had met on September 17") never takes a hit
/// after it.
fn attachable<'h>(
    claim: &Claim,
    hits: &'h [Hit],
    m: &Mention,
    keep: impl Fn(&Hit) -> bool,
) -> Vec<&'h Hit> {
    let own = clause(claim, range(m.span));
    let anchors: Vec<Span> = claim
        .mentions
        .iter()
        .filter_map(|o| match &o.value {
            MentionValue::Date(d) => match d.relative.as_ref().map(|r| &r.anchor) {
                Some(Anchor::Event { span, .. }) => Some(*span),
                _ => None,
            },
            _ => None,
        })
        .collect();
    let after_verb = matches!(&m.value, MentionValue::Date(d) if d.after_verb);
    let mut v: Vec<&Hit> = hits
        .iter()
        .filter(|h| {
            keep(h)
                && clause(claim, (h.start, h.end)) == own
                && !anchors.iter().any(|s| inside(h, *s))
                && !(after_verb && h.start >= m.span.end)
        })
        .collect();
    v.sort_by_key(|h| {
        let after = h.start >= m.span.end;
        (
            after,
            distance((h.start, h.end), range(m.span)),
            h.start,
            h.fact,
        )
    });
    v
}

/// What a date or a number is compared with.
#[derive(Debug, Clone, Copy)]
enum Pair {
    /// Nothing it can speak to in its clause.
    None,
    Hit(Hit),
    /// Two facts share the phrase that governs the mention.
    Competing(u32, u32),
    /// Its fact is compared with another mention of the claim, nearer to it (index).
    Taken(u32, usize),
}

/// What each date and number of a claim is compared with: the fact its clause attaches it to
/// ([`attachable`]), one date (of one aspect) and one number a fact, the nearest mention
/// keeping it; a mention that loses its fact tries the next one it can speak to.
fn pairing(ctx: &Ctx, claim: &Claim, hits: &[Hit]) -> Vec<Pair> {
    let base = ctx.base;
    // (candidates, group: 0 date of aspect, 1 number)
    let candidates: Vec<(Vec<&Hit>, u8)> = claim
        .mentions
        .iter()
        .map(|m| match &m.value {
            MentionValue::Date(d) if is_absolute(d) && !is_weekday_of_a_date(claim, m, d) => (
                attachable(claim, hits, m, |h| dates::can_date(base, d, h)),
                d.aspect as u8,
            ),
            MentionValue::Quantity(q) if count::is_a_number(claim, m, q) => (
                attachable(claim, hits, m, |h| {
                    is_count_hit(base, h)
                        && base
                            .fact(h.fact)
                            .count()
                            .is_some_and(|c| count::fits(c, m, q))
                }),
                16,
            ),
            _ => (Vec::new(), 0),
        })
        .collect();
    let mut taken: Vec<Option<(u32, usize)>> = vec![None; candidates.len()];
    let mut out = vec![Pair::None; candidates.len()];
    // Mentions claim their first choice, nearest first; a loser moves on to its next.
    let mut next = vec![0usize; candidates.len()];
    loop {
        let mut changed = false;
        for k in 0..candidates.len() {
            if !matches!(out[k], Pair::None) {
                continue;
            }
            let (cands, group) = &candidates[k];
            let Some(&h) = cands.get(next[k]) else {
                continue;
            };
            // Another fact with the very same phrase: the mention cannot tell which.
            if let Some(o) = cands
                .iter()
                .find(|o| o.start == h.start && o.end == h.end && o.fact != h.fact)
            {
                out[k] = Pair::Competing(h.fact, o.fact);
                changed = true;
                continue;
            }
            let dist = distance((h.start, h.end), range(claim.mentions[k].span));
            let rival = (0..candidates.len()).find(|&j| {
                j != k
                    && candidates[j].1 == *group
                    && matches!(out[j], Pair::Hit(o) if o.fact == h.fact)
            });
            match rival {
                Some(j) => {
                    let Pair::Hit(o) = out[j] else { unreachable!() };
                    let jd = distance((o.start, o.end), range(claim.mentions[j].span));
                    if dist < jd {
                        out[j] = Pair::None;
                        next[j] += 1;
                        taken[j] = Some((h.fact, k));
                        out[k] = Pair::Hit(*h);
                    } else {
                        next[k] += 1;
                        taken[k] = Some((h.fact, j));
                    }
                }
                None => out[k] = Pair::Hit(*h),
            }
            changed = true;
        }
        if !changed {
            break;
        }
    }
    for (k, p) in out.iter_mut().enumerate() {
        if let (Pair::None, Some((f, j))) = (*p, taken[k]) {
            *p = Pair::Taken(f, j);
        }
    }
    out
}

/// What kind of assertion a mention makes, if any (the table in `docs/checking.md`).
fn assertion_kind(claim: &Claim, m: &Mention) -> Option<AssertionKind> {
    match &m.value {
        MentionValue::Date(d) => {
            if is_weekday_of_a_date(claim, m, d) {
                // Part of the date it is written with; the calendar check decides it.
                None
            } else if is_absolute(d) {
                Some(AssertionKind::Date)
            } else {
                Some(AssertionKind::Relation)
            }
        }
        MentionValue::Duration(du) => {
            if dates::is_relation_length(claim, m) {
                None
            } else if du.elapsed.is_some() {
                Some(AssertionKind::Elapsed)
            } else {
                Some(AssertionKind::Duration)
            }
        }
        MentionValue::Quantity(q) => {
            if !count::is_a_number(claim, m, q) {
                None
            } else if count::share_kind(m, q).is_some() {
                Some(AssertionKind::Share)
            } else {
                Some(AssertionKind::Count)
            }
        }
        MentionValue::Person(p) => p
            .role
            .as_deref()
            .is_some_and(|r| !r.trim().is_empty())
            .then_some(AssertionKind::Role),
        MentionValue::Name(_) => None,
    }
}

fn check_claim(ctx: &Ctx, i: usize) -> CheckedClaim {
    let claim = &ctx.doc.claims[i];
    let hits = &ctx.scans[i].hits;
    let paired = pairing(ctx, claim, hits);
    let mut out = CheckedClaim::new(
        claim.text.clone(),
        claim.span,
        claim.sentence,
        claim.attribution.as_ref().map(|a| a.text.clone()),
    );
    for (k, (m, pair)) in claim
        .mentions
        .iter()
        .zip(paired.iter().copied())
        .enumerate()
    {
        let Some(kind) = assertion_kind(claim, m) else {
            continue;
        };
        if kind == AssertionKind::Date && is_count_reference(claim, &paired, k) {
            continue;
        }
        let hit = match pair {
            Pair::Hit(h) => Some(h),
            _ => None,
        };
        let outcome = match &m.value {
            MentionValue::Date(d) => dates::check_date(ctx, i, m, d, hit),
            MentionValue::Duration(du) if du.elapsed.is_some() => {
                dates::check_elapsed(ctx, i, m, du)
            }
            MentionValue::Duration(du) => dates::check_duration(ctx, i, m, du),
            MentionValue::Quantity(q) => hit.and_then(|h| count::check_quantity(ctx, i, m, q, h)),
            MentionValue::Person(p) => office::check_person(ctx, i, m, p),
            MentionValue::Name(_) => None,
        };
        let assertion = match outcome {
            Some(o) => o.into_assertion(ctx, kind, &m.text),
            None => unchecked(ctx, claim, hits, k, kind, pair),
        };
        out.assertions.push(assertion);
    }
    out.decide();
    if out.assertions.is_empty() {
        out.message = nothing_to_compare(ctx, hits);
    }
    out
}

/// Whether date `k`, attached to no event, is the time a count of its clause is read at ("about
/// 12,000 people were evacuated in 2021"): then it is part of the count's assertion, which
/// reads the count as of that date, not a date of its own.
fn is_count_reference(claim: &Claim, paired: &[Pair], k: usize) -> bool {
    let m = &claim.mentions[k];
    let own = clause(claim, range(m.span));
    !matches!(paired[k], Pair::Hit(_))
        && matches!(&m.value, MentionValue::Date(d) if d.relative.is_none() && !d.since)
        && claim.mentions.iter().zip(paired).any(|(o, p)| {
            matches!(o.value, MentionValue::Quantity(_))
                && matches!(p, Pair::Hit(_))
                && clause(claim, range(o.span)) == own
        })
}

/// Why a mention that makes an assertion could not be compared.
fn unchecked(
    ctx: &Ctx,
    claim: &Claim,
    hits: &[Hit],
    k: usize,
    kind: AssertionKind,
    pair: Pair,
) -> Assertion {
    let m = &claim.mentions[k];
    let text = m.text.trim();
    let names = |fs: &[u32]| {
        fs.iter()
            .map(|&f| format!("`{}`", ctx.fact(f).id()))
            .collect::<Vec<_>>()
            .join(" and ")
    };
    let reason = match pair {
        Pair::Competing(a, b) => format!(
            "`{text}` could speak of {} (they share the words it is attached to): the rules cannot tell which",
            names(&[a, b])
        ),
        Pair::Taken(f, j) => format!(
            "{} is compared with `{}`, which is nearer to it; no other fact this claim names speaks to `{text}`",
            ctx.fact(f).name(),
            claim.mentions[j].text.trim()
        ),
        Pair::None | Pair::Hit(_) => {
            let elsewhere = |keep: &dyn Fn(&Hit) -> bool| {
                let own = clause(claim, range(m.span));
                hits.iter()
                    .find(|h| keep(h) && clause(claim, (h.start, h.end)) != own)
                    .map(|h| h.fact)
            };
            match kind {
                AssertionKind::Date => match elsewhere(&|h| is_event_hit(ctx.base, h)) {
                    Some(f) => format!(
                        "`{text}` stands in another clause than {} and no rule knows what it dates",
                        ctx.fact(f).name()
                    ),
                    None => format!("no rule knows the event that `{text}` dates"),
                },
                AssertionKind::Count => match elsewhere(&|h| is_count_hit(ctx.base, h)) {
                    Some(f) => format!(
                        "`{text}` stands in another clause than {} and no rule counts what it counts",
                        ctx.fact(f).name()
                    ),
                    None => format!("no rule counts `{text}`"),
                },
                AssertionKind::Share => format!("no rule states the share `{text}`"),
                AssertionKind::Duration => format!("no rule knows the event that lasted `{text}`"),
                AssertionKind::Elapsed => {
                    format!("no rule dates the event that `{text}` counts from")
                }
                AssertionKind::Relation => format!("no rule knows the events `{text}` relates"),
                AssertionKind::Role => format!("no rule knows the role `{text}`"),
                _ => format!("nothing checks `{text}`"),
            }
        }
    };
    Assertion::unchecked(kind, &m.text, m.span, reason)
}

/// The message of a claim with no assertion: what facts it names, if any.
fn nothing_to_compare(ctx: &Ctx, hits: &[Hit]) -> String {
    let mut known: Vec<u32> = Vec::new();
    for h in hits {
        if !known.contains(&h.fact) {
            known.push(h.fact);
        }
    }
    if known.is_empty() {
        "no rule speaks to this claim".into()
    } else {
        format!(
            "the rules know {}, but the claim states no date, number, duration or role to compare",
            known
                .iter()
                .map(|&f| format!("`{}`", ctx.fact(f).id()))
                .collect::<Vec<_>>()
                .join(", ")
        )
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
