//! Clauses inside a claim, and what governs a date in its clause.
//!
//! A date, number or role attaches to what a fact is about only within one clause (see
//! `docs/checking.md`, *Attachment*): "Sir John Roe, who died in 2008, reached the summit" puts
//! 2008 in the relative clause "who died in 2008", apart from the main clause's "reached the
//! summit". This module finds those subordinate clauses and, for a date, the verb of beginning
//! or ending that governs it in its clause.

use crate::claims::is_finite_verb;
use crate::lexicon::{self, Kw, class};
use crate::tokens::{Kind, Tok};
use crate::types::Aspect;

fn lower_is(text: &str, t: &Tok, f: impl FnOnce(&[u8]) -> bool) -> bool {
    t.kind == Kind::Word
        && text
            .get(t.start..t.end)
            .and_then(|w| lexicon::with_lower(w, f))
            .unwrap_or(false)
}

fn is_break(t: &Tok) -> bool {
    matches!(t.kind, Kind::Punct(',' | ';' | ':' | '—' | '–' | '(' | ')'))
}

/// The subordinate clauses of the claim `toks[a..b]`, as token ranges in order:
/// - a relative or temporal clause opened by "who", "which", "when", … (or "that" right before
///   a verb: "talks that began in 2012"). It ends at the next
///   comma, dash or parenthesis, or, when it has no such end, just before the second finite
///   verb after its opener ("the climber who died in 2008 reached the summit": the clause is
///   "who died in 2008");
/// - a parenthesis "( … )".
pub(crate) fn subordinate(text: &str, toks: &[Tok], a: usize, b: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut k = a;
    while k < b {
        let t = &toks[k];
        if t.is_punct('(') {
            let end = (k + 1..b)
                .find(|&j| toks[j].is_punct(')'))
                .map_or(b, |j| j + 1);
            out.push((k, end));
            k = end;
            continue;
        }
        // Every opener starts with "w" or "t": one byte rejects all other words.
        let first = text.as_bytes().get(t.start).map_or(0, |c| c | 0x20);
        if t.kind != Kind::Word || (first != b'w' && first != b't') {
            k += 1;
            continue;
        }
        // "who" after a word or a comma; never the claim's first word ("When the war began").
        // "that" only as a relative pronoun, right before its verb ("talks that began").
        let relative_that =
            k + 1 < b && lower_is(text, t, |w| w == b"that") && is_finite_verb(toks, k + 1);
        if k > a && (relative_that || lower_is(text, t, lexicon::opens_clause)) {
            let mut verbs = 0;
            let mut end = b;
            for j in k + 1..b {
                if is_break(&toks[j]) {
                    end = j;
                    break;
                }
                if is_finite_verb(toks, j) && toks[j].kw() != Kw::Since {
                    verbs += 1;
                    if verbs == 2 {
                        end = j;
                        break;
                    }
                }
            }
            if end > k + 1 {
                out.push((k, end));
            }
            k = end.max(k + 1);
            continue;
        }
        k += 1;
    }
    out
}

/// The aspect of a date starting at token `i` of the claim `toks[a..b]`: a verb or noun of
/// beginning or ending among the few words before it in its clause ("began on March 21", "the
/// launch on Tuesday", "ended one day later"), or right after it ("on March 21 the visit
/// began" is not read: only the words before).
pub(crate) fn aspect(text: &str, toks: &[Tok], a: usize, i: usize) -> Aspect {
    for j in (a..i).rev().take(6) {
        let t = &toks[j];
        // "began on Thursday, March 21": the comma after a weekday is part of the date.
        if is_break(t) && !(t.is_punct(',') && j > a && toks[j - 1].is(class::WEEKDAY)) {
            break;
        }
        if t.kind == Kind::Word
            && let Some(asp) = text
                .get(t.start..t.end)
                .and_then(|w| lexicon::with_lower(w, lexicon::aspect_word))
                .flatten()
        {
            return asp;
        }
    }
    Aspect::Point
}

/// Whether the duration at tokens `i..e` of the claim `toks[a..b]` is an elapsed time, and from
/// what: "90 years since ‹event›" counts from the event (its tokens up to the clause's end);
/// "for the past 10 years", "over the last five months" end at the reference date.
pub(crate) fn elapsed(
    _text: &str,
    toks: &[Tok],
    a: usize,
    b: usize,
    i: usize,
    e: usize,
) -> Option<Elapsed> {
    if e < b && toks[e].kw() == Kw::Since {
        let mut end = e + 1;
        while end < b && !is_break(&toks[end]) {
            end += 1;
        }
        if end > e + 1 {
            return Some(Elapsed::Since(e + 1, end));
        }
        return None;
    }
    // "for the past", "over the last", "in the past" right before the amount.
    if i >= a + 3
        && matches!(toks[i - 1].kw(), Kw::Past | Kw::Last)
        && toks[i - 2].is(class::DET)
        && toks[i - 3].is(class::PREP)
    {
        return Some(Elapsed::Past);
    }
    None
}

/// Token-level [`crate::types::Elapsed`].
pub(crate) enum Elapsed {
    Since(usize, usize),
    Past,
}

/// Whether a finite verb stands among the words before token `i` in its clause (back to the
/// claim's start `a` or a comma, semicolon, dash or parenthesis). A verb of saying does not
/// count: "Azerbaijan announced last month the launching of an operation" reports the launch,
/// which the date may still date.
pub(crate) fn verb_before(toks: &[Tok], a: usize, i: usize) -> bool {
    (a..i)
        .rev()
        .take_while(|&j| !is_break(&toks[j]))
        .any(|j| is_finite_verb(toks, j) && !toks[j].is(class::SPEECH))
}
