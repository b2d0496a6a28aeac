//! Atomic claims: how one sentence is cut into propositions.
//!
//! 1. **Attribution** is separated from the content. Leading: "According to X, …", "X said
//!    (on Wednesday) that …", "X said: …". Trailing, after a comma: ", according to …",
//!    ", <source> said/added/reported …" (a short noun phrase, then a verb of saying),
//!    ", said <source>". The attribution becomes a claim of its own ([`ClaimKind::Attribution`]),
//!    and every statement of the sentence points at it. Its source is the name after "by"/"to"
//!    in an "according to" phrase, or the noun phrase before (or after) the verb of saying.
//! 2. **Coordinated clauses** are split at ", and", ", but", ", yet" and ";" when what follows
//!    has its own subject and finite verb ("X happened, and Y was announced") and what precedes
//!    has a verb too; a list of noun phrases ("the United States, the European Union, and
//!    Russia to discuss …") is not split.
//! 3. **Enumerations of people with roles** (see [`crate::people`]) give one claim per person:
//!    the first claim keeps what comes before the first person, each later one starts at its
//!    person's role.
//!
//! A leading sentence adverb ("However,") and a final full stop are not part of a claim. A
//! question is not a claim.

use crate::lexicon::{Kw, class};
use crate::people::PersonHit;
use crate::tokens::{Kind, Tok, flag};
use crate::types::ClaimKind;

/// A claim as a token range (end exclusive) of its sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Segment {
    pub a: usize,
    pub b: usize,
    pub kind: ClaimKind,
    /// For an attribution: the token range of its source.
    pub source: Option<(usize, usize)>,
    /// For a statement: the index (in the returned list) of its attribution.
    pub attribution: Option<usize>,
}

/// The longest noun phrase taken for a source before a verb of saying.
const MAX_SOURCE: usize = 6;
/// The longest appositive between a source and its verb ("X, the head of the mission, said").
const MAX_APPOSITIVE: usize = 10;

pub(crate) fn is_finite_verb(toks: &[Tok], k: usize) -> bool {
    let t = &toks[k];
    if t.is(class::AUX | class::PAST | class::SPEECH) {
        return true;
    }
    // A past tense in "-ed" ("launched", "happened"), unless it is an adjective after a
    // determiner or a preposition ("the armed forces").
    let after_det = k > 0 && (toks[k - 1].is(class::DET) || toks[k - 1].is(class::PREP));
    t.has(flag::ED) && t.lex.class == 0 && !after_det
}

fn starts_np(t: &Tok) -> bool {
    t.is(class::DET | class::PRON) || t.is_cap_word() || t.kind == Kind::Number
}

/// Whether `toks[j..b]` starts with a subject followed closely by its finite verb.
fn subject_verb(toks: &[Tok], j: usize, b: usize) -> bool {
    if j >= b || !starts_np(&toks[j]) {
        return false;
    }
    let mut k = j + 1;
    while k < b && k <= j + 6 {
        let t = &toks[k];
        if is_finite_verb(toks, k) {
            return true;
        }
        if t.is(class::ADVERB) && !t.is(class::PREP) {
            k += 1;
            continue;
        }
        if matches!(t.kind, Kind::Punct(_))
            || t.is(class::CONJ)
            || (t.is(class::PREP) && t.kw() != Kw::Of)
            || t.kw() == Kw::To
        {
            return false;
        }
        k += 1;
    }
    false
}

/// A noun phrase that can be a source: `toks[s..e]`, short, no verb or comma.
fn source_np(toks: &[Tok], s: usize, e: usize) -> bool {
    s < e
        && e - s <= MAX_SOURCE
        && starts_np(&toks[s])
        && toks[s..e].iter().all(|t| {
            matches!(t.kind, Kind::Word | Kind::Poss | Kind::Punct('.'))
                && !t.is(class::AUX | class::PAST | class::SPEECH | class::CONJ)
        })
}

/// The source in an "according to …" phrase at `toks[s..e]` (after "to").
fn according_source(toks: &[Tok], s: usize, e: usize) -> Option<(usize, usize)> {
    let by = (s..e).find(|&k| matches!(toks[k].kw(), Kw::By | Kw::From));
    let s = by.map_or(s, |k| k + 1);
    noun_phrase_at(toks, s, e)
}

/// A noun phrase at `s`: a capitalised run, or a determiner and words up to a preposition, verb
/// or comma.
fn noun_phrase_at(toks: &[Tok], s: usize, e: usize) -> Option<(usize, usize)> {
    if s >= e {
        return None;
    }
    let mut k = s;
    if toks[s].is_cap_word() && !toks[s].is(class::DET) {
        while k < e && (toks[k].is_cap_word() || (k > s && toks[k].is(class::PARTICLE))) {
            k += 1;
        }
    } else {
        while k < e
            && k - s < MAX_SOURCE
            && matches!(toks[k].kind, Kind::Word | Kind::Poss)
            && !(k > s
                && (toks[k].is(class::PREP | class::AUX | class::SPEECH | class::PAST)
                    || toks[k].kw() == Kw::Citing))
        {
            k += 1;
        }
    }
    (k > s).then_some((s, k))
}

struct Attr {
    /// The attribution's tokens.
    a: usize,
    b: usize,
    source: Option<(usize, usize)>,
    /// The content left.
    content: (usize, usize),
}

/// "According to X, …", "X said (…) that …", "X said: …".
fn leading(toks: &[Tok], a: usize, b: usize) -> Option<Attr> {
    if b - a < 4 {
        return None;
    }
    if toks[a].kw() == Kw::According && toks[a + 1].kw() == Kw::To {
        let mut c = (a + 2..b).find(|&k| toks[k].is_punct(','))?;
        // An appositive with a role: "According to X, the spokesperson for Y, …".
        if c + 1 < b
            && toks[c + 1].is(class::DET)
            && let Some(c2) = (c + 1..b).find(|&k| toks[k].is_punct(','))
            && toks[c + 1..c2].iter().any(|t| t.is(class::ROLE))
        {
            c = c2;
        }
        let first_comma = (a + 2..c).find(|&k| toks[k].is_punct(',')).unwrap_or(c);
        return Some(Attr {
            a,
            b: c,
            source: according_source(toks, a + 2, first_comma),
            content: (c + 1, b),
        });
    }
    // The source: a short noun phrase, possibly with an appositive between commas ("Dr. Jonas
    // E. Smith, the head of the mission, said …").
    let v = (a + 1..(a + MAX_SOURCE + MAX_APPOSITIVE + 3).min(b))
        .find(|&k| toks[k].is(class::SPEECH))?;
    let source_end = if source_np(toks, a, v) {
        v
    } else {
        let c1 = (a + 1..v).find(|&k| toks[k].is_punct(','))?;
        let appositive_ok = toks[v - 1].is_punct(',')
            && c1 + 1 < v - 1
            && v - 1 - c1 <= MAX_APPOSITIVE
            && !toks[c1 + 1..v - 1]
                .iter()
                .any(|t| is_verb_like(t) || t.is_punct(','));
        if !(appositive_ok && source_np(toks, a, c1)) {
            return None;
        }
        c1
    };
    let source = Some((a, source_end));
    if v + 1 < b && toks[v + 1].is_punct(':') {
        return Some(Attr {
            a,
            b: v + 1,
            source,
            content: (v + 2, b),
        });
    }
    let that = (v + 1..(v + 15).min(b)).find(|&k| toks[k].kw() == Kw::That);
    if let Some(that) = that
        && b - that >= 3
        && !(v + 1..that).any(|k| is_finite_verb(toks, k) && !toks[k].has(flag::ED))
    {
        return Some(Attr {
            a,
            b: that,
            source,
            content: (that + 1, b),
        });
    }
    // "X said the operation lasted …": the content is a clause of its own right after the verb.
    if subject_verb(toks, v + 1, b) && b - v > 3 {
        return Some(Attr {
            a,
            b: v + 1,
            source,
            content: (v + 1, b),
        });
    }
    None
}

fn is_verb_like(t: &Tok) -> bool {
    t.is(class::AUX | class::PAST | class::SPEECH)
}

/// Skips closing quotation marks (", said X" after a quotation: `leave," said X`).
fn skip_closing_quotes(toks: &[Tok], mut k: usize, b: usize) -> usize {
    while k < b && matches!(toks[k].kind, Kind::Punct('"' | '”' | '’' | '\'')) {
        k += 1;
    }
    k
}

/// ", according to …", ", <source> said …", ", said <source>".
fn trailing(toks: &[Tok], a: usize, b: usize) -> Option<Attr> {
    for c in a + 2..b {
        if !toks[c].is_punct(',') || c + 1 >= b {
            continue;
        }
        if !has_word(toks, a, c) {
            continue;
        }
        let s = skip_closing_quotes(toks, c + 1, b);
        if s >= b {
            continue;
        }
        if toks[s].kw() == Kw::According && s + 1 < b && toks[s + 1].kw() == Kw::To {
            let end = (s + 2..b).find(|&k| toks[k].is_punct(',')).unwrap_or(b);
            return Some(Attr {
                a: s,
                b,
                source: according_source(toks, s + 2, end),
                content: (a, c),
            });
        }
        if let Some(v) = (s + 1..(s + MAX_SOURCE + 1).min(b)).find(|&k| toks[k].is(class::SPEECH))
            && source_np(toks, s, v)
        {
            return Some(Attr {
                a: s,
                b,
                source: Some((s, v)),
                content: (a, c),
            });
        }
        // ", said Politico." / ", said the report." / ", said Anna Keller, a nurse.": the
        // source ends the sentence or is followed by a comma.
        if toks[s].is(class::SPEECH)
            && s + 1 < b
            && starts_np(&toks[s + 1])
            && let Some(np) = noun_phrase_at(toks, s + 1, b)
            && (np.1 >= b || toks[np.1].is_punct(','))
        {
            return Some(Attr {
                a: s,
                b,
                source: Some(np),
                content: (a, c),
            });
        }
    }
    None
}

/// Whether `toks[a..b]` has at least two words (stops at the second).
fn has_word(toks: &[Tok], a: usize, b: usize) -> bool {
    toks[a..b].iter().filter(|t| t.is_word()).take(2).count() >= 2
}

/// Splits coordinated clauses of `toks[a..b]`.
fn coordination(toks: &[Tok], a: usize, b: usize, out: &mut Vec<(usize, usize)>) {
    let mut start = a;
    let mut k = a;
    // Whether the clause since `start` has a finite verb, scanned lazily up to `scanned`.
    let mut verb = false;
    let mut scanned = a;
    while k < b {
        let t = &toks[k];
        let split_at = if t.is_punct(';') {
            Some(k + 1)
        } else if t.is_punct(',') && k + 1 < b && matches!(toks[k + 1].kw(), Kw::And | Kw::But) {
            Some(k + 2)
        } else if t.is_punct(',')
            && k + 1 < b
            && toks[k + 1].is(class::CONJ)
            && toks[k + 1].kw() == Kw::None
        {
            // ", yet", ", so"
            Some(k + 2)
        } else {
            None
        };
        if let Some(j) = split_at {
            while !verb && scanned < k {
                verb = is_finite_verb(toks, scanned);
                scanned += 1;
            }
            if verb && subject_verb(toks, j, b) {
                out.push((start, k));
                start = j;
                k = j;
                verb = false;
                scanned = j;
                continue;
            }
        }
        k += 1;
    }
    out.push((start, b));
}

/// Splits enumerations of people in `toks[a..b]`.
fn enumeration(
    toks: &[Tok],
    a: usize,
    b: usize,
    people: &[PersonHit],
    out: &mut Vec<(usize, usize)>,
) {
    let first = people.partition_point(|p| p.start < a);
    let listed: Vec<&PersonHit> = people[first..]
        .iter()
        .take_while(|p| p.start < b)
        .filter(|p| p.listed && p.end <= b)
        .collect();
    let separated = |p: &PersonHit, q: &PersonHit| {
        p.end <= q.start
            && toks[p.end..q.start]
                .iter()
                .all(|t| t.is_punct(',') || matches!(t.kw(), Kw::And | Kw::Or))
    };
    let mut start = a;
    for w in listed.windows(2) {
        if separated(w[0], w[1]) {
            out.push((start, w[0].end));
            start = w[1].start;
        }
    }
    out.push((start, b));
}

/// Trims punctuation and conjunctions from the ends of a segment, and a quotation mark at
/// either end whose partner is outside the segment.
fn trim(toks: &[Tok], mut a: usize, mut b: usize) -> (usize, usize) {
    let is_quote = |t: &Tok| matches!(t.kind, Kind::Punct('"' | '“' | '”'));
    loop {
        let before = (a, b);
        while a < b
            && (matches!(toks[a].kind, Kind::Punct(',' | ';' | ':' | '—' | '–' | '-'))
                || matches!(toks[a].kw(), Kw::And | Kw::But))
        {
            a += 1;
        }
        while b > a
            && matches!(
                toks[b - 1].kind,
                Kind::Punct(',' | ';' | ':' | '—' | '–' | '-')
            )
        {
            b -= 1;
        }
        if a < b && is_quote(&toks[a]) && !toks[a + 1..b].iter().any(is_quote) {
            a += 1;
        }
        if b > a && is_quote(&toks[b - 1]) && !toks[a..b - 1].iter().any(is_quote) {
            b -= 1;
        }
        if (a, b) == before {
            return (a, b);
        }
    }
}

/// Buffers reused from sentence to sentence.
#[derive(Default)]
pub(crate) struct Scratch {
    clauses: Vec<(usize, usize)>,
    parts: Vec<(usize, usize)>,
}

/// Cuts a sentence (tokens `a..b`, final punctuation already removed) into claims, written to
/// `out` (cleared first).
pub(crate) fn segment(
    toks: &[Tok],
    a: usize,
    b: usize,
    people: &[PersonHit],
    scratch: &mut Scratch,
    out: &mut Vec<Segment>,
) {
    out.clear();
    if a >= b {
        return;
    }
    let attr = leading(toks, a, b).or_else(|| trailing(toks, a, b));
    let (ca, cb) = attr.as_ref().map_or((a, b), |t| t.content);
    let Scratch { clauses, parts } = scratch;
    clauses.clear();
    parts.clear();
    coordination(toks, ca, cb, clauses);
    for &(s, e) in clauses.iter() {
        enumeration(toks, s, e, people, parts);
    }
    for &(s, e) in parts.iter() {
        let (s, e) = trim(toks, s, e);
        if toks[s..e].iter().any(Tok::is_word) {
            out.push(Segment {
                a: s,
                b: e,
                kind: ClaimKind::Statement,
                source: None,
                attribution: None,
            });
        }
    }
    if let Some(t) = attr {
        let (s, e) = trim(toks, t.a, t.b);
        if s < e {
            out.push(Segment {
                a: s,
                b: e,
                kind: ClaimKind::Attribution,
                source: t.source,
                attribution: None,
            });
        }
    }
    out.sort_by_key(|s| s.a);
    if let Some(ai) = out.iter().position(|s| s.kind == ClaimKind::Attribution) {
        for s in out.iter_mut().filter(|s| s.kind == ClaimKind::Statement) {
            s.attribution = Some(ai);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::people;
    use crate::tokens::tokenize;

    fn claims(text: &str) -> Vec<(String, ClaimKind, Option<String>)> {
        let mut toks = Vec::new();
        tokenize(text, 0, text.len(), &mut toks);
        let mut b = toks.len();
        if toks[b - 1].is_punct('.') {
            b -= 1;
        }
        let ppl = people::find(&toks, 0, b);
        let s = |r: (usize, usize)| text[toks[r.0].start..toks[r.1 - 1].end].to_string();
        let mut out = Vec::new();
        segment(&toks, 0, b, &ppl, &mut Scratch::default(), &mut out);
        out.into_iter()
            .map(|g| (s((g.a, g.b)), g.kind, g.source.map(s)))
            .collect()
    }

    use ClaimKind::*;

    #[test]
    fn trailing_attribution() {
        let got = claims(
            "A secret meeting was held in Turkey between officials from the United States, the European Union, and Russia just two days before Baku launched its operation, Politico said in a report published on Wednesday citing officials informed on the matter.",
        );
        assert_eq!(got.len(), 2);
        assert_eq!(
            got[0].0,
            "A secret meeting was held in Turkey between officials from the United States, the European Union, and Russia just two days before Baku launched its operation"
        );
        assert_eq!(got[1], ("Politico said in a report published on Wednesday citing officials informed on the matter".into(), Attribution, Some("Politico".into())));
        let got = claims("The officials met in Istanbul on September 17, the report added.");
        assert_eq!(
            got[1],
            (
                "the report added".into(),
                Attribution,
                Some("the report".into())
            )
        );
        let got = claims(
            "Over 100,000 residents have moved to Armenia since September 24, according to information provided by Nazeli Baghdasaryan, the spokesperson for the Armenian cabinet.",
        );
        assert_eq!(got[1].2.as_deref(), Some("Nazeli Baghdasaryan"));
        assert_eq!(
            got[1].0,
            "according to information provided by Nazeli Baghdasaryan, the spokesperson for the Armenian cabinet"
        );
    }

    #[test]
    fn leading_attribution() {
        let got = claims("According to the ministry, 5,000 people fled.");
        assert_eq!(
            got[0],
            (
                "According to the ministry".into(),
                Attribution,
                Some("the ministry".into())
            )
        );
        assert_eq!(got[1].0, "5,000 people fled");
        let got = claims("Politico said on Wednesday that the officials met in Istanbul.");
        assert_eq!(
            got[0],
            (
                "Politico said on Wednesday".into(),
                Attribution,
                Some("Politico".into())
            )
        );
        assert_eq!(got[1].0, "the officials met in Istanbul");
    }

    #[test]
    fn attribution_around_quotes_and_appositives() {
        let got =
            claims("\"We are not going to leave,\" said Anna Keller, a nurse in Stepanakert.");
        assert_eq!(got[0].0, "We are not going to leave");
        assert_eq!(
            got[1],
            (
                "said Anna Keller, a nurse in Stepanakert".into(),
                Attribution,
                Some("Anna Keller".into())
            )
        );
        let got = claims(
            "Dr. Jonas E. Smith, the head of the mission, said 2,500 patients were moved in three days.",
        );
        assert_eq!(
            got[0],
            (
                "Dr. Jonas E. Smith, the head of the mission, said".into(),
                Attribution,
                Some("Dr. Jonas E. Smith".into())
            )
        );
        assert_eq!(got[1].0, "2,500 patients were moved in three days");
        let got = claims("The president said nothing.");
        assert_eq!(got.len(), 1);
        // One attribution a sentence: the leading one wins.
        let got = claims("The envoy, Louis Bono, said the talks would resume, the report added.");
        assert_eq!(got[0].0, "The envoy, Louis Bono, said");
        assert_eq!(got[1].0, "the talks would resume, the report added");
    }

    #[test]
    fn coordinated_clauses() {
        let got = claims(
            "The ceasefire was signed in November, and the troops were withdrawn a week later.",
        );
        assert_eq!(
            got.iter().map(|g| g.0.as_str()).collect::<Vec<_>>(),
            [
                "The ceasefire was signed in November",
                "the troops were withdrawn a week later"
            ]
        );
        let got = claims("They agreed to disarm and relinquish all their weaponry, and to leave.");
        assert_eq!(got.len(), 1);
    }

    #[test]
    fn enumerations() {
        let got = claims(
            "The attending representatives were Washington's Senior Advisor for Caucasus Negotiations, Louis Bono, EU's designated special representative for the South Caucasus, Toivo Klaar, and Russia's special envoy on relations between Armenia and Azerbaijan, Igor Khovaev.",
        );
        assert_eq!(
            got.iter().map(|g| g.0.as_str()).collect::<Vec<_>>(),
            [
                "The attending representatives were Washington's Senior Advisor for Caucasus Negotiations, Louis Bono",
                "EU's designated special representative for the South Caucasus, Toivo Klaar",
                "Russia's special envoy on relations between Armenia and Azerbaijan, Igor Khovaev"
            ]
        );
    }
}
