//! The draft as the checks see it: each sentence's text tokenised once (one sentence at a time,
//! into reused buffers, so memory stays proportional to the longest sentence plus the dates), its
//! dates found and resolved, the [`Cues`] that let checks skip it, and the way back from a byte
//! range to a claim and a [`Span`].

use factcheck_claims::{ClaimKind, Document, MentionValue, SentenceKind};
use factcheck_model::{Date, PartialDate, Precision, Related, Span, Weekday};

use crate::Finding;
use crate::text::{self, Kind, RawDate, Tok};
use factcheck_model::calendar;

/// A stretch of the draft whose text is the exact slice of the input at `base` (a sentence, or a
/// claim when the sentence's text is not), so local byte offsets map back to spans.
pub struct Segment<'a> {
    pub sentence: usize,
    pub text: &'a str,
    pub base: Span,
    pub toks: Vec<Tok<'a>>,
    pub dates: Vec<DateAt>,
    /// Whether each token belongs to a date.
    pub in_date: Vec<bool>,
    pub cues: Cues,
    /// `(offset, line, column)` every few KiB, so a span costs no more than that to compute.
    checkpoints: std::cell::OnceCell<Vec<(usize, usize, usize)>>,
}

/// What a segment holds, found in one pass over its tokens when it is built, so that a check
/// skips a segment its pattern cannot match. Each flag is a necessary condition of the checks
/// that test it: skipping never changes a finding. (The date checks test `dates` instead.)
#[derive(Debug, Default, Clone, Copy)]
pub struct Cues {
    /// A number written in digits.
    pub digits: bool,
    /// Both "from" and "to": the two ends of a change ("from 40 to 50", "to 50 from 40").
    pub from_to: bool,
}

impl Cues {
    fn of(toks: &[Tok<'_>]) -> Self {
        let mut cues = Cues::default();
        let (mut from, mut to) = (false, false);
        for t in toks {
            match t.kind {
                Kind::Num => cues.digits = true,
                Kind::Word => {
                    from |= t.is("from");
                    to |= t.is("to");
                }
                Kind::Punct => {}
            }
        }
        cues.from_to = from && to;
        cues
    }
}

/// A date written in a segment.
#[derive(Debug, Clone, Copy)]
pub struct DateAt {
    pub raw: RawDate,
    /// Local byte range.
    pub start: usize,
    pub end: usize,
    /// The date as the draft means it: its own year, else the year from the document date by the
    /// grammar's rule. `None` when impossible or when no year is known.
    pub resolved: Option<PartialDate>,
    /// The year is written ("September 17, 2023").
    pub explicit_year: bool,
    /// Preceded by "since": it opens an interval, it does not date an event.
    pub since: bool,
    /// A weekday word written right before it ("Friday, September 20"): its token and value.
    pub weekday: Option<(usize, Weekday)>,
}

impl DateAt {
    pub fn is_day(&self) -> bool {
        self.raw.day.is_some()
    }

    /// The day, when resolved to day precision.
    pub fn day(&self) -> Option<Date> {
        self.resolved.and_then(|d| d.as_day())
    }
}

pub struct Ctx<'a> {
    pub doc: &'a Document,
    /// The segments checked so far that have dates, without their tokens: what later ones may
    /// look back at (the checks that look back look for dates).
    pub segments: Vec<Segment<'a>>,
    /// Claim indices grouped by sentence: those of sentence `si` are
    /// `claim_list[claim_start[si]..claim_start[si + 1]]`, in document order.
    claim_list: Vec<usize>,
    claim_start: Vec<usize>,
    /// The kept segments of each sentence checked so far.
    segs_of: Vec<std::ops::Range<usize>>,
    /// Token and flag buffers of kept segments, for the next ones (no allocation per sentence).
    spare: Vec<(Vec<Tok<'a>>, Vec<bool>)>,
}

impl<'a> Ctx<'a> {
    pub fn new(doc: &'a Document) -> Self {
        // A counting sort of the claims by sentence.
        let n = doc.sentences.len();
        let mut claim_start = vec![0; n + 1];
        for c in &doc.claims {
            if c.sentence < n {
                claim_start[c.sentence + 1] += 1;
            }
        }
        for si in 0..n {
            claim_start[si + 1] += claim_start[si];
        }
        let mut next = claim_start.clone();
        let mut claim_list = vec![0; claim_start[n]];
        for (i, c) in doc.claims.iter().enumerate() {
            if c.sentence < n {
                claim_list[next[c.sentence]] = i;
                next[c.sentence] += 1;
            }
        }
        Ctx {
            doc,
            segments: Vec::new(),
            claim_list,
            claim_start,
            segs_of: Vec::new(),
            spare: Vec::new(),
        }
    }

    /// The segments of sentence `si` into `segs`, tokenised, with the grammar's dates merged in:
    /// the sentence itself when its text is the input's slice, else each such claim of it.
    pub fn segments_of_sentence(&mut self, si: usize, segs: &mut Vec<Segment<'a>>) {
        let doc = self.doc;
        let Some(s) = doc.sentences.get(si) else {
            return;
        };
        if s.kind == SentenceKind::Teaser {
            return;
        }
        let first = segs.len();
        if exact(&s.text, s.span) {
            let bufs = self.spare.pop().unwrap_or_default();
            let toks = doc.sentence_tokens(si);
            segs.push(Segment::new(si, &s.text, s.span, &toks, doc.date, bufs));
        } else {
            let (a, b) = (self.claim_start[si], self.claim_start[si + 1]);
            for k in a..b {
                let ci = self.claim_list[k];
                let c = &doc.claims[ci];
                if exact(&c.text, c.span) {
                    let bufs = self.spare.pop().unwrap_or_default();
                    let toks = doc.claim_tokens(ci);
                    segs.push(Segment::new(si, &c.text, c.span, &toks, doc.date, bufs));
                }
            }
        }
        for seg in &mut segs[first..] {
            self.merge_grammar_dates(seg);
        }
    }

    /// The index in [`Ctx::segments`] that a segment being checked will have once kept, if it
    /// has dates.
    pub fn next_kept(&self) -> usize {
        self.segments.len()
    }

    /// Keeps a checked segment for later look-back, without its tokens, if it has dates.
    pub fn keep(&mut self, mut seg: Segment<'a>) {
        let toks = std::mem::take(&mut seg.toks);
        let in_date = std::mem::take(&mut seg.in_date);
        self.spare.push((toks, in_date));
        if seg.dates.is_empty() {
            return;
        }
        let si = seg.sentence;
        while self.segs_of.len() <= si {
            let n = self.segments.len();
            self.segs_of.push(n..n);
        }
        self.segments.push(seg);
        self.segs_of[si].end = self.segments.len();
    }

    /// Adds the absolute dates the grammar found that the scanner did not (other forms, years).
    fn merge_grammar_dates(&self, seg: &mut Segment<'a>) {
        let mut added = Vec::new();
        let (lo, hi) = (seg.base.start, seg.base.end);
        for &ci in self.claims_of(seg.sentence) {
            let claim = &self.doc.claims[ci];
            if claim.span.end <= lo || claim.span.start >= hi {
                continue;
            }
            for m in &claim.mentions {
                let MentionValue::Date(dm) = &m.value else {
                    continue;
                };
                let (Some(date), None) = (dm.date, &dm.relative) else {
                    continue;
                };
                if m.span.start < lo || m.span.end > hi || m.span.end < m.span.start {
                    continue;
                }
                let (start, end) = (m.span.start - lo, m.span.end - lo);
                let after = seg.dates.partition_point(|d| d.end <= start);
                if seg.dates.get(after).is_some_and(|d| d.start < end) {
                    continue;
                }
                let first = seg.toks.partition_point(|t| t.start < start);
                let Some(last) = seg.toks.partition_point(|t| t.end <= end).checked_sub(1) else {
                    continue;
                };
                if last < first || last >= seg.toks.len() {
                    continue;
                }
                let raw = RawDate {
                    first,
                    last,
                    year: Some(date.year_number()),
                    month: date.month_number().unwrap_or(1),
                    day: date.day_number(),
                    year_only: date.precision() == Precision::Year,
                };
                added.push(DateAt {
                    raw,
                    start: seg.toks[first].start,
                    end: seg.toks[last].end,
                    resolved: Some(date),
                    // The grammar wrote the year down, from the text or the document date.
                    explicit_year: true,
                    since: dm.since,
                    weekday: None,
                });
                for f in &mut seg.in_date[first..=last] {
                    *f = true;
                }
            }
        }
        if !added.is_empty() {
            seg.dates.extend(added);
            seg.dates.sort_by_key(|d| d.start);
            seg.dates
                .dedup_by(|a, b| a.start < b.end && b.start < a.end);
        }
    }

    /// The claim a local byte range of `seg` belongs to: the statement that contains it, else any
    /// claim that contains it, else one that overlaps it, else the sentence's first statement.
    pub fn claim_at(&self, seg: &Segment<'_>, start: usize, end: usize) -> Option<usize> {
        let (a, b) = (seg.base.start + start, seg.base.start + end);
        let list = self.claims_of(seg.sentence);
        let claims = &self.doc.claims;
        // Claims are in span order: look at the few that start at or before `a`.
        let upto = list.partition_point(|&i| claims[i].span.start <= a);
        let near = &list[upto.saturating_sub(8)..upto];
        let contains = |&&i: &&usize| claims[i].span.start <= a && b <= claims[i].span.end;
        let statement = |&&i: &&usize| claims[i].kind == ClaimKind::Statement;
        let overlaps = |&&i: &&usize| claims[i].span.start < b && a < claims[i].span.end;
        let after = &list[upto..(upto + 4).min(list.len())];
        near.iter()
            .rev()
            .filter(contains)
            .find(statement)
            .or_else(|| near.iter().rev().find(contains))
            .or_else(|| {
                near.iter()
                    .rev()
                    .chain(after)
                    .filter(overlaps)
                    .find(statement)
            })
            .or_else(|| list.iter().take(64).find(statement))
            .or_else(|| list.first())
            .copied()
    }

    /// The claims of sentence `si`.
    pub fn claims_of(&self, si: usize) -> &[usize] {
        match (self.claim_start.get(si), self.claim_start.get(si + 1)) {
            (Some(&a), Some(&b)) => &self.claim_list[a..b],
            _ => &[],
        }
    }

    /// The dates written inside claim `ci`, with their segments.
    pub fn dates_in_claim(&self, ci: usize) -> Vec<(&Segment<'a>, &DateAt)> {
        let Some(claim) = self.doc.claims.get(ci) else {
            return Vec::new();
        };
        let Some(range) = self.segs_of.get(claim.sentence) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for seg in &self.segments[range.clone()] {
            let lo = claim.span.start.saturating_sub(seg.base.start);
            let from = seg.dates.partition_point(|d| d.start < lo);
            for d in &seg.dates[from..] {
                if seg.base.start + d.end > claim.span.end {
                    break;
                }
                out.push((seg, d));
                if out.len() > 8 {
                    return out;
                }
            }
        }
        out
    }

    /// A finding about local bytes `focus` of `seg`, attached to the claim there.
    #[allow(clippy::too_many_arguments)]
    pub fn finding(
        &self,
        seg: &Segment<'_>,
        code: &'static str,
        focus: (usize, usize),
        message: String,
        expected: Option<String>,
        found: Option<String>,
        related: Vec<Related>,
    ) -> Option<Finding> {
        let claim = self.claim_at(seg, focus.0, focus.1)?;
        Some(Finding {
            claim,
            code,
            message: tidy(&message),
            expected: expected.as_deref().map(tidy),
            found: found.as_deref().map(tidy),
            focus: seg.span(focus.0, focus.1),
            related: related
                .into_iter()
                .map(|r| Related {
                    message: tidy(&r.message),
                    ..r
                })
                .collect(),
        })
    }
}

/// Text quoted from the draft on one line: white space (and Markdown markup the grammar blanked
/// out) collapsed to one space, none before a comma or full stop.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() && !matches!(c, ',' | '.' | ';' | ':' | ')') {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    out
}

fn exact(text: &str, span: Span) -> bool {
    span.end >= span.start && text.len() == span.end - span.start
}

/// Bytes between two checkpoints of [`Segment::span`].
const CHECKPOINT_EVERY: usize = 4096;

/// Words that may stand between "since" and its date.
const SINCE_GAP: &[&str] = &["early", "late", "mid"];

impl<'a> Segment<'a> {
    /// Reads `text`'s grammar `tokens` into the (cleared) buffers `bufs` and finds its dates.
    fn new(
        sentence: usize,
        text: &'a str,
        base: Span,
        tokens: &[factcheck_claims::text::Token],
        doc: Option<Date>,
        bufs: (Vec<Tok<'a>>, Vec<bool>),
    ) -> Self {
        let (mut toks, mut in_date) = bufs;
        text::tokens_into(text, base.start, tokens, &mut toks);
        in_date.clear();
        in_date.resize(toks.len(), false);
        let cues = Cues::of(&toks);
        let dates = text::find_dates(&toks)
            .into_iter()
            .map(|raw| {
                for f in &mut in_date[raw.first..=raw.last] {
                    *f = true;
                }
                let resolved = resolve(&raw, doc);
                let prev = |k: usize| raw.first.checked_sub(k).and_then(|p| toks.get(p));
                let since = prev(1).is_some_and(|t| t.is("since"))
                    || prev(1).is_some_and(|t| t.is_any(SINCE_GAP) || t.is_punct('-'))
                        && (prev(2).is_some_and(|t| t.is("since"))
                            || prev(3).is_some_and(|t| t.is("since")));
                let weekday = if prev(1).is_some_and(|t| t.is_punct(',')) {
                    prev(2).and_then(|t| text::weekday_of(t).map(|w| (raw.first - 2, w)))
                } else {
                    prev(1).and_then(|t| text::weekday_of(t).map(|w| (raw.first - 1, w)))
                };
                DateAt {
                    raw,
                    start: toks[raw.first].start,
                    end: toks[raw.last].end,
                    resolved,
                    explicit_year: raw.year.is_some(),
                    since,
                    weekday,
                }
            })
            .collect();
        Segment {
            sentence,
            text,
            base,
            toks,
            dates,
            in_date,
            cues,
            checkpoints: std::cell::OnceCell::new(),
        }
    }

    /// Local byte range of tokens `first..=last`.
    pub fn range(&self, first: usize, last: usize) -> (usize, usize) {
        (self.toks[first].start, self.toks[last].end)
    }

    /// The text of tokens `first..=last`.
    pub fn slice(&self, first: usize, last: usize) -> &'a str {
        let (a, b) = self.range(first, last);
        &self.text[a..b]
    }

    pub fn tok(&self, i: usize) -> Option<&Tok<'a>> {
        self.toks.get(i)
    }

    /// The date that starts at token `i`, if any.
    pub fn date_starting_at(&self, i: usize) -> Option<&DateAt> {
        let k = self.dates.partition_point(|d| d.raw.first < i);
        self.dates.get(k).filter(|d| d.raw.first == i)
    }

    /// The span of local bytes `start..end`.
    pub fn span(&self, start: usize, end: usize) -> Span {
        let mut start = start.min(self.text.len());
        while !self.text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = end.clamp(start, self.text.len());
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let (mut line, mut column) = (self.base.line, self.base.column);
        let mut from = 0;
        // A short segment has no checkpoint but its start.
        if self.text.len() > CHECKPOINT_EVERY {
            let checkpoints = self.checkpoints.get_or_init(|| self.build_checkpoints());
            let k = checkpoints
                .partition_point(|c| c.0 <= start)
                .saturating_sub(1);
            if let Some(&(o, l, c)) = checkpoints.get(k) {
                (from, line, column) = (o, l, c);
            }
        }
        for ch in self.text[from..start].chars() {
            if ch == '\n' {
                line += 1;
                column = 1;
            } else {
                column += 1;
            }
        }
        Span {
            start: self.base.start + start,
            end: self.base.start + end,
            line,
            column,
        }
    }

    fn build_checkpoints(&self) -> Vec<(usize, usize, usize)> {
        const EVERY: usize = CHECKPOINT_EVERY;
        let mut out = vec![(0, self.base.line, self.base.column)];
        let (mut line, mut column) = (self.base.line, self.base.column);
        let mut next = EVERY;
        for (i, ch) in self.text.char_indices() {
            if i >= next {
                out.push((i, line, column));
                next = i + EVERY;
            }
            if ch == '\n' {
                line += 1;
                column = 1;
            } else {
                column += 1;
            }
        }
        out
    }

    /// Whether token `i` is a word (or number) rather than punctuation.
    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind != Kind::Punct)
    }
}

/// The date `raw` as the draft means it (see [`DateAt::resolved`]).
pub fn resolve(raw: &RawDate, doc: Option<Date>) -> Option<PartialDate> {
    match (raw.year, raw.day) {
        (Some(y), Some(d)) => PartialDate::ymd(y, raw.month, d).ok(),
        (Some(y), None) => PartialDate::month(y, raw.month),
        (None, day) => calendar::latest_not_after(raw.month, day, doc?),
    }
}
