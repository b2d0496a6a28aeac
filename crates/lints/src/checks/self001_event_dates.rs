//! # SELF001 `event-dates`: one event given two different dates
//!
//! ## What it checks
//! Two places in one draft that date the same event differently. An event is recognised only in
//! a narrow form: a definite subject ("the offensive", "Azerbaijan's army", "Baku"), a verb for
//! something that happens once (began, started, broke out, erupted, ended, concluded, launched,
//! was signed, was founded, took place, was held, died, was elected, took office, resigned,
//! invaded) and its object, then "on" or "in" and an absolute date ("the offensive began on
//! September 19"), or the date first ("On September 19, the offensive began"). Two such places
//! are the same event when subject, verb and object are the same words (after dropping "the",
//! "its" and the like); their dates disagree when they cannot denote the same day ("September
//! 2023" and "September 19, 2023" agree). Repeatable verbs such as "met" or "announced",
//! indefinite subjects ("a meeting") and relative dates are never compared. The later place is
//! reported, with the earlier one as the related location.
//!
//! ## Why
//! Whatever the true date is, a draft that gives two cannot be right twice; the reader cannot
//! tell which one to believe.
//!
//! ## Example
//! ```text
//! The offensive began on September 19. … Two days later, when the offensive began on
//! September 21, the talks had failed.
//! ```
//! The draft dates "the offensive began" September 19 and September 21.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use factcheck_model::Related;

use super::lower_first;
use crate::Finding;
use crate::ctx::{Ctx, DateAt, Segment};
use crate::text::Kind;
use factcheck_model::calendar::month_name;

pub const CODE: &str = "SELF001";

/// The longest clause (in tokens) read around a date.
const MAX_CLAUSE: usize = 16;

/// One-word verbs of events that happen once, with their canonical form.
const ONCE_VERBS: &[(&str, &str)] = &[
    ("began", "begin"),
    ("begun", "begin"),
    ("begins", "begin"),
    ("started", "begin"),
    ("starts", "begin"),
    ("erupted", "begin"),
    ("ended", "end"),
    ("ends", "end"),
    ("concluded", "end"),
    ("finished", "end"),
    ("launched", "launch"),
    ("launches", "launch"),
    ("signed", "sign"),
    ("founded", "found"),
    ("died", "die"),
    ("born", "be born"),
    ("elected", "elect"),
    ("resigned", "resign"),
    ("invaded", "invade"),
    ("occurred", "take place"),
    ("happened", "take place"),
];

const PASSIVE_AUX: &[&str] = &["was", "were", "had", "has", "have", "is", "are", "been"];
const DETERMINERS: &[&str] = &["the", "its", "their", "his", "her", "this", "our", "that"];
const INDEFINITE: &[&str] = &[
    "a", "an", "another", "some", "one", "two", "several", "many",
];
const BOUNDARY_WORDS: &[&str] = &[
    "and", "but", "which", "that", "who", "when", "after", "before", "while", "as", "because",
    "so", "although", "though", "where", "since", "until", "then", "said", "says", "if",
];
const RELATIVE_WORDS: &[&str] = &["which", "that", "who"];
const PREPOSITIONS: &[&str] = &[
    "in", "on", "at", "to", "from", "with", "for", "by", "near", "between", "against", "after",
    "before", "during", "over", "into", "across", "along", "around", "amid", "under",
];

/// The first place each event is dated; later places are compared with it.
pub type Seen = HashMap<String, First>;

/// The first place an event is dated. What a finding shows of it is written out only when a
/// later place contradicts it, from its segment: the one being checked, or one that
/// [`Ctx::segments`] keeps (it has a date).
pub struct First {
    date: DateAt,
    /// Its segment's index in [`Ctx::segments`].
    segment: usize,
    words: Words,
}

/// Where the event's words are written in a segment: the subject and the verb phrase (local
/// byte ranges).
#[derive(Clone, Copy)]
struct Words {
    subject: (usize, usize),
    verb: (usize, usize),
}

impl Words {
    /// As written: "the offensive began", "Azerbaijan's army launched the offensive".
    fn show(&self, seg: &Segment<'_>) -> String {
        let mut words = lower_first(&seg.text[self.subject.0..self.subject.1]);
        words.push(' ');
        words.push_str(&seg.text[self.verb.0..self.verb.1]);
        words
    }
}

pub fn run(ctx: &Ctx<'_>, seg: &Segment<'_>, seen: &mut Seen, out: &mut Vec<Finding>) {
    for date in &seg.dates {
        if date.since {
            continue;
        }
        let Some((key, words)) = event_key(seg, date) else {
            continue;
        };
        match seen.entry(key) {
            Entry::Occupied(earlier) => {
                let earlier = earlier.get();
                if !conflict(&earlier.date, date) {
                    continue;
                }
                // The earlier place is in this segment, or in a kept one.
                let e_seg = if earlier.segment == ctx.next_kept() {
                    seg
                } else if let Some(kept) = ctx.segments.get(earlier.segment) {
                    kept
                } else {
                    continue;
                };
                let (e, h) = (show(e_seg, &earlier.date), show(seg, date));
                let words = words.show(seg);
                out.extend(ctx.finding(
                    seg,
                    CODE,
                    (date.start, date.end),
                    format!("the draft dates \"{words}\" both {e} and {h}"),
                    Some(format!("{e} (as the draft says earlier)")),
                    Some(h),
                    vec![Related {
                        span: e_seg.span(earlier.date.start, earlier.date.end),
                        message: format!("\"{}\" is dated {e} here", earlier.words.show(e_seg)),
                    }],
                ));
            }
            Entry::Vacant(place) => {
                place.insert(First {
                    date: *date,
                    segment: ctx.next_kept(),
                    words,
                });
            }
        }
    }
}

fn show(seg: &Segment<'_>, d: &DateAt) -> String {
    match d.resolved {
        Some(p) => p.to_string(),
        None => match d.raw.day {
            Some(day) => format!("{} {day}", month_name(d.raw.month)),
            None => seg.text[d.start..d.end].to_string(),
        },
    }
}

/// Whether two dates of one event cannot denote the same day.
fn conflict(a: &DateAt, b: &DateAt) -> bool {
    match (a.resolved, b.resolved) {
        (Some(x), Some(y)) => !x.overlaps(&y),
        _ => {
            // Year-less and unresolved: compare what is written.
            let (am, bm) = (month_of(a), month_of(b));
            if am != bm {
                return am.is_some() && bm.is_some();
            }
            matches!((a.raw.day, b.raw.day), (Some(x), Some(y)) if x != y)
        }
    }
}

fn month_of(d: &DateAt) -> Option<i8> {
    if d.raw.year_only {
        None
    } else {
        Some(d.raw.month)
    }
}

fn is_boundary(seg: &Segment<'_>, k: usize) -> bool {
    let Some(t) = seg.tok(k) else { return true };
    match t.kind {
        Kind::Punct => !t.is_punct('-') && !t.is_punct('\'') && !t.is_punct('’'),
        Kind::Word => t.is_any(BOUNDARY_WORDS),
        Kind::Num => false,
    }
}

/// The verb at token `k`: its canonical form and last token.
fn verb_at(seg: &Segment<'_>, k: usize) -> Option<(&'static str, usize)> {
    let t = seg.tok(k)?;
    // Every verb read here is a word of four to nine letters.
    if t.kind != Kind::Word || !(4..=9).contains(&t.text.len()) {
        return None;
    }
    let next_is = |w: &str| seg.tok(k + 1).is_some_and(|n| n.is(w));
    if t.is("broke") && next_is("out") {
        return Some(("begin", k + 1));
    }
    if t.is("took") && next_is("place") {
        return Some(("take place", k + 1));
    }
    if t.is("took") && next_is("office") {
        return Some(("take office", k + 1));
    }
    if t.is("held") && k > 0 && seg.tok(k - 1).is_some_and(|p| p.is_any(&["was", "were"])) {
        return Some(("take place", k));
    }
    ONCE_VERBS
        .iter()
        .find(|(w, _)| t.text.eq_ignore_ascii_case(w))
        .map(|&(_, c)| (c, k))
}

/// The words of a noun phrase as written, determiners dropped: how many, and the last three.
#[derive(Default)]
struct Phrase<'s> {
    len: usize,
    last: [&'s str; 3],
}

impl<'s> Phrase<'s> {
    fn push(&mut self, word: &'s str) {
        self.last.rotate_left(1);
        self.last[2] = word;
        self.len += 1;
    }

    fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The last three words (all of them when there are no more).
    fn words(&self) -> &[&'s str] {
        &self.last[3 - self.len.min(3)..]
    }

    /// The words in lower case, one space between them, after `key`.
    fn push_lower(&self, key: &mut String) {
        for (i, w) in self.words().iter().enumerate() {
            if i > 0 {
                key.push(' ');
            }
            if w.is_ascii() {
                key.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
            } else {
                key.push_str(&w.to_lowercase());
            }
        }
    }
}

/// The words of a noun phrase, determiners dropped; `None` if it holds a number or starts
/// indefinite. Also says whether it is definite.
fn phrase_words<'s>(seg: &Segment<'s>, from: usize, to: usize) -> Option<(Phrase<'s>, bool)> {
    let mut words = Phrase::default();
    let mut definite = false;
    for k in from..to {
        let t = &seg.toks[k];
        match t.kind {
            Kind::Num => return None,
            Kind::Punct => {
                if (t.is_punct('\'') || t.is_punct('’'))
                    && seg.tok(k + 1).is_some_and(|s| s.is("s"))
                {
                    definite = true;
                }
            }
            Kind::Word => {
                if words.is_empty() && t.is_any(INDEFINITE) {
                    return None;
                }
                if t.is_any(DETERMINERS) {
                    definite = true;
                    continue;
                }
                if t.is_capitalised() && k > 0 {
                    definite = true;
                }
                words.push(t.text);
            }
        }
    }
    Some((words, definite))
}

/// The event phrase a date is attached to, as a key and as words to show.
fn event_key(seg: &Segment<'_>, date: &DateAt) -> Option<(String, Words)> {
    let head = date.weekday.map_or(date.raw.first, |(w, _)| w);
    let prep = head.checked_sub(1)?;
    if !seg.tok(prep).is_some_and(|t| t.is("on") || t.is("in")) {
        return None;
    }
    // The clause before the date.
    let mut cs = prep;
    while cs > 0 && !is_boundary(seg, cs - 1) {
        if prep - cs >= MAX_CLAUSE {
            return None;
        }
        cs -= 1;
    }
    let verb = (cs..prep).find_map(|k| verb_at(seg, k).map(|(c, last)| (k, c, last)));
    let (subject_end, canon, verb_last, object_end, boundary) = match verb {
        Some((k, c, last)) => (k, c, last, prep, cs.checked_sub(1)),
        None if cs == prep && (cs == 0 || seg.tok(cs - 1).is_some_and(|t| t.is_punct(','))) => {
            // "On September 19, the offensive began": the clause after the date.
            if !seg.tok(date.raw.last + 1).is_some_and(|t| t.is_punct(',')) {
                return None;
            }
            let rs = date.raw.last + 2;
            let mut re = rs;
            while re < seg.toks.len() && !is_boundary(seg, re) && re - rs < MAX_CLAUSE {
                re += 1;
            }
            let (k, c, last) =
                (rs..re).find_map(|k| verb_at(seg, k).map(|(c, last)| (k, c, last)))?;
            let obj_end = (last + 1..re)
                .find(|&m| seg.toks[m].is_any(PREPOSITIONS))
                .unwrap_or(re);
            return key_from(seg, rs, k, c, last, obj_end, None);
        }
        None => return None,
    };
    key_from(seg, cs, subject_end, canon, verb_last, object_end, boundary)
}

/// Builds the key from subject tokens `cs..verb` (less a passive auxiliary), the verb, and the
/// object tokens after it up to a preposition or `object_end`.
fn key_from(
    seg: &Segment<'_>,
    cs: usize,
    verb: usize,
    canon: &str,
    verb_last: usize,
    object_end: usize,
    boundary: Option<usize>,
) -> Option<(String, Words)> {
    let mut subject_end = verb;
    while subject_end > cs
        && seg
            .tok(subject_end - 1)
            .is_some_and(|t| t.is_any(PASSIVE_AUX))
    {
        subject_end -= 1;
    }
    let (mut subject, mut definite) = phrase_words(seg, cs, subject_end)?;
    let mut shown = (cs, subject_end);
    if subject.is_empty() {
        // "the war, which began on …": the noun phrase before the relative pronoun.
        let b = boundary?;
        if !seg.tok(b).is_some_and(|t| t.is_any(RELATIVE_WORDS)) {
            return None;
        }
        let mut end = b;
        if end > 0 && seg.tok(end - 1).is_some_and(|t| t.is_punct(',')) {
            end -= 1;
        }
        let mut start = end;
        while start > 0 && end - start < 6 && !is_boundary(seg, start - 1) {
            start -= 1;
            if seg.toks[start].is_any(DETERMINERS) {
                break;
            }
        }
        (subject, definite) = phrase_words(seg, start, end)?;
        shown = (start, end);
    }
    if subject.is_empty() || !definite {
        return None;
    }
    // The key uses the subject's last three words.
    let mut obj_end = object_end;
    if let Some(p) = (verb_last + 1..object_end).find(|&m| seg.toks[m].is_any(PREPOSITIONS)) {
        obj_end = p;
    }
    let (object, _) = phrase_words(seg, verb_last + 1, obj_end)?;
    if object.len > 3 {
        return None;
    }
    let mut key = String::with_capacity(48);
    subject.push_lower(&mut key);
    key.push('|');
    key.push_str(canon);
    key.push('|');
    object.push_lower(&mut key);
    let last = if object.is_empty() {
        verb_last
    } else {
        obj_end - 1
    };
    let words = Words {
        subject: (seg.toks[shown.0].start, seg.toks[shown.1 - 1].end),
        verb: (seg.toks[verb].start, seg.toks[last].end),
    };
    Some((key, words))
}
