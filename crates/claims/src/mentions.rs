//! The typed mentions of one claim, in span order.
//!
//! One left-to-right pass over the claim's tokens tries, at each token, a date (see
//! [`crate::dates`]), then a duration, then a quantity (see [`crate::numbers`]); what matches is
//! consumed, so "one day later" is a relative date and never also a duration, and the year of
//! "November 2020" is never a quantity. People with roles come from [`crate::people`]. Names are
//! the remaining runs of capitalised words ("Nagorno-Karabakh", "United States", "International
//! Court of Justice"), possessive `'s` removed; a capital that only marks the start of a sentence
//! is not a name: a sentence-initial function word is dropped, and a lone sentence-initial word
//! is a name only if the draft also capitalises it elsewhere mid-sentence (decided by the caller
//! once the whole draft is read; see [`Pending`]).

use factcheck_model::{Date, PartialDate, Precision};

use crate::clauses;
use crate::dates::{self, DateExpr, Rel, RelAnchor};
use crate::lexicon::{Kw, class};
use crate::numbers;
use crate::people::PersonHit;
use crate::spans::raw;
use crate::tokens::{Kind, Tok, Toks, flag};
use crate::types::{
    Anchor, Duration, Elapsed, Mention, MentionValue, Name, Person, Qualifier, Quantity,
};

/// A lone sentence-initial capitalised word, a name only if the draft capitalises it elsewhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Pending {
    pub claim: usize,
    pub start: usize,
    pub end: usize,
}

/// What the mention grammar needs to know about the claim's surroundings.
pub(crate) struct Cx<'a> {
    /// The text the grammar reads (masked for Markdown).
    pub text: &'a str,
    pub toks: &'a [Tok],
    pub people: &'a [PersonHit],
    pub doc: Option<Date>,
    /// The single day-precision date of the previous statement claim, if it has one.
    pub prev_day: Option<PartialDate>,
    /// Index of the first word of the sentence (after an opening quote).
    pub initial: usize,
}

impl Cx<'_> {
    fn bytes(&self, a: usize, b: usize) -> (usize, usize) {
        (self.toks[a].start, self.toks[b - 1].end)
    }

    fn slice(&self, a: usize, b: usize) -> String {
        let (s, e) = self.bytes(a, b);
        self.text.get(s..e).unwrap_or("").to_string()
    }

    fn mention(&self, a: usize, b: usize, value: MentionValue) -> Mention {
        let (s, e) = self.bytes(a, b);
        Mention {
            text: self.text.get(s..e).unwrap_or("").to_string(),
            span: raw(s, e),
            value,
        }
    }
}

/// The mentions of the claim `toks[a..b]`, sorted; lone sentence-initial words go to `pending`.
pub(crate) fn extract(
    cx: &Cx<'_>,
    a: usize,
    b: usize,
    claim: usize,
    pending: &mut Vec<Pending>,
    scratch: &mut Scratch,
) -> Vec<Mention> {
    let Scratch {
        covered,
        mentions: out,
    } = scratch;
    out.clear();
    let toks = cx.toks;
    // Tokens that no name may use (a buffer reused across claims).
    covered.clear();
    covered.resize(b - a, false);

    let first = cx.people.partition_point(|p| p.start < a);
    for p in cx.people[first..]
        .iter()
        .take_while(|p| p.start < b)
        .filter(|p| p.end <= b)
    {
        let s = |r: (usize, usize)| cx.slice(r.0, r.1);
        let person = Person {
            name: s(p.name),
            role: p.role.map(s),
            organisation: p.org.map(s),
            role_span: p.role_span.map(|(x, y)| {
                let (bs, be) = cx.bytes(x, y);
                raw(bs, be)
            }),
        };
        out.push(cx.mention(p.start, p.end, MentionValue::Person(person)));
        covered[p.start - a..p.end - a]
            .iter_mut()
            .for_each(|c| *c = true);
    }

    // The demonstrative anchor of the claim, looked for only when a date needs it.
    let mut demo: Option<Option<(usize, String)>> = None;
    let mut i = a;
    while i < b {
        if !may_start(&toks[i], toks[..b].get(i + 1)) {
            i += 1;
            continue;
        }
        let view = Toks::new(&toks[i..b], cx.text);
        let prev = (i > a).then(|| &toks[i - 1]);
        if let Some((n, expr, since)) = dates::parse_at(view, prev) {
            let needs_anchor = matches!(
                expr,
                DateExpr::Relative(Rel {
                    anchor: RelAnchor::Previous,
                    ..
                })
            );
            let demo = if needs_anchor {
                demo.get_or_insert_with(|| demonstrative(cx, a, b))
                    .as_ref()
                    .filter(|(k, _)| *k < i)
                    .map(|(_, t)| t.as_str())
            } else {
                None
            };
            let mut value = date_value(cx, b, i + n, &expr, since, demo);
            value.aspect = clauses::aspect(cx.text, toks, a, i);
            value.after_verb = clauses::verb_before(toks, a, i);
            out.push(cx.mention(i, i + n, MentionValue::Date(value)));
            covered[i - a..i + n - a].iter_mut().for_each(|c| *c = true);
            i += n;
            continue;
        }
        let duration = numbers::duration_at(view).map(|d| (d, None)).or_else(|| {
            // "nearly a year": an article counts only after a qualifier.
            let q = numbers::qualifier_before(toks, cx.text, a, i);
            (q != Qualifier::None)
                .then(|| numbers::article_duration_at(view))
                .flatten()
                .map(|d| (d, Some(q)))
        });
        if let Some((d, qualifier)) = duration {
            let noun = d.noun.map(|(s, e)| cx.slice(i + s, i + e));
            let elapsed = clauses::elapsed(cx.text, toks, a, b, i, i + d.len).map(|e| match e {
                clauses::Elapsed::Since(x, y) => {
                    let (s, e) = cx.bytes(x, y);
                    Elapsed::Since {
                        text: cx.slice(x, y),
                        span: raw(s, e),
                    }
                }
                clauses::Elapsed::Past => Elapsed::Past,
            });
            let qualifier =
                qualifier.unwrap_or_else(|| numbers::qualifier_before(toks, cx.text, a, i));
            let value = Duration {
                amount: d.amount,
                unit: d.unit,
                qualifier,
                noun,
                elapsed,
            };
            out.push(cx.mention(i, i + d.len, MentionValue::Duration(value)));
            covered[i - a..i + d.len - a]
                .iter_mut()
                .for_each(|c| *c = true);
            i += d.len;
            continue;
        }
        if let Some(q) = numbers::quantity_at(view, prev) {
            let noun = q
                .noun
                .map(|(s, e)| cx.slice(i + s, i + e))
                .or(q.implied_noun.map(String::from));
            let value = Quantity {
                number: q.number,
                qualifier: q.qualifier,
                noun,
                measure: q.measure,
            };
            out.push(cx.mention(i, i + q.len, MentionValue::Quantity(value)));
            // The counted noun may still hold a name ("Nagorno-Karabakh residents").
            let noun_start = q.noun.map_or(q.len, |(s, _)| s);
            covered[i - a..i + noun_start - a]
                .iter_mut()
                .for_each(|c| *c = true);
            i += q.len;
            continue;
        }
        i += 1;
    }

    names(cx, a, b, claim, covered, out, pending);
    resolve_events(out);
    out.sort_by_key(|m| (m.span.start, m.span.end));
    // One allocation of the exact size for the claim; the scratch buffer keeps its capacity.
    let mut mentions = Vec::with_capacity(out.len());
    mentions.append(out);
    mentions
}

/// Buffers reused from claim to claim.
#[derive(Default)]
pub(crate) struct Scratch {
    covered: Vec<bool>,
    mentions: Vec<Mention>,
}

/// Whether a date, duration or quantity can start at this token, given the next one (a cheap
/// filter before the parsers: function words such as "the", "a", "on" only start a mention
/// before certain words).
#[inline]
fn may_start(t: &Tok, next: Option<&Tok>) -> bool {
    let next_is = |class: u32| next.is_some_and(|n| n.lex.class & class != 0);
    let next_kw = |kws: &[Kw]| next.is_some_and(|n| kws.contains(&n.lex.kw));
    match t.kind {
        Kind::Number => true,
        Kind::Word => {
            if t.has(flag::DIGIT | flag::HYPHEN)
                || t.lex.class
                    & (class::MONTH | class::WEEKDAY | class::NUMWORD | class::UNIT | class::QUAL)
                    != 0
            {
                return true;
            }
            match t.lex.kw {
                Kw::None => false,
                Kw::Since | Kw::Yesterday | Kw::Today | Kw::Tomorrow => true,
                Kw::The => {
                    next_is(class::UNIT)
                        || next_kw(&[
                            Kw::Following,
                            Kw::Next,
                            Kw::Previous,
                            Kw::Preceding,
                            Kw::Same,
                        ])
                }
                Kw::A | Kw::An => {
                    next_is(class::UNIT | class::MULT) || next_kw(&[Kw::Few, Kw::Estimated])
                }
                Kw::On | Kw::Last | Kw::Next | Kw::This => next_is(class::WEEKDAY | class::UNIT),
                Kw::Several | Kw::Few | Kw::Some => next_is(class::UNIT),
                Kw::More | Kw::Fewer | Kw::Less => next_kw(&[Kw::Than]),
                Kw::At => next_kw(&[Kw::Least, Kw::Most]),
                Kw::Up => next_kw(&[Kw::To]),
                Kw::No => next_kw(&[Kw::More]),
                Kw::As => next_kw(&[Kw::Many]),
                Kw::Just | Kw::Well => next_is(class::QUAL),
                _ => false,
            }
        }
        Kind::Punct(c) => matches!(c, '$' | '€' | '£'),
        Kind::Poss => false,
    }
}

/// The first demonstrative anchor of the claim `a..b`: "Following this declaration" → (its
/// position, "this declaration").
fn demonstrative(cx: &Cx<'_>, a: usize, i: usize) -> Option<(usize, String)> {
    let toks = cx.toks;
    (a..i).find_map(|k| {
        let lead = matches!(
            toks[k].kw(),
            Kw::Following | Kw::After | Kw::Before | Kw::Since
        );
        if !lead || k + 1 >= i || !toks[k + 1].is(class::DEMONST) {
            return None;
        }
        let mut e = k + 2;
        while e < i
            && e < k + 5
            && toks[e].kind == Kind::Word
            && !toks[e].is(class::STOP | class::PREP)
        {
            e += 1;
        }
        Some((k, cx.slice(k + 1, e)))
    })
}

fn date_value(
    cx: &Cx<'_>,
    b: usize,
    e: usize,
    expr: &DateExpr,
    since: bool,
    demonstrative: Option<&str>,
) -> crate::types::DateMention {
    let doc_day = cx.doc.map(PartialDate::day);
    let (anchor, base) = match expr {
        DateExpr::Absolute(_) => (Anchor::Document { date: cx.doc }, None),
        DateExpr::Relative(Rel {
            anchor: RelAnchor::Document,
            ..
        }) => (Anchor::Document { date: cx.doc }, doc_day),
        DateExpr::Relative(Rel {
            anchor: RelAnchor::Previous,
            ..
        }) => match demonstrative {
            Some(text) => (
                Anchor::Unresolved {
                    text: text.to_string(),
                },
                None,
            ),
            None => (Anchor::Previous, cx.prev_day),
        },
        DateExpr::Relative(Rel {
            anchor: RelAnchor::Event,
            ..
        }) => {
            let toks = cx.toks;
            let mut end = e;
            while end < b
                && !matches!(
                    toks[end].kind,
                    Kind::Punct(',' | ';' | ':' | '(' | ')' | '—' | '–')
                )
            {
                end += 1;
            }
            if end == e {
                (Anchor::Previous, cx.prev_day)
            } else if toks[e].is(class::DEMONST) {
                (
                    Anchor::Unresolved {
                        text: cx.slice(e, end),
                    },
                    None,
                )
            } else {
                let (s, x) = cx.bytes(e, end);
                (
                    Anchor::Event {
                        text: cx.slice(e, end),
                        span: raw(s, x),
                    },
                    None,
                )
            }
        }
    };
    dates::mention(expr, since, cx.doc, anchor, base)
}

/// Resolves "two days before ‹event›" when the event's own text holds a day date.
fn resolve_events(out: &mut [Mention]) {
    let has_event = out.iter().any(|m| {
        matches!(&m.value, MentionValue::Date(d) if d.date.is_none() && d.relative.as_ref().is_some_and(|r| matches!(r.anchor, Anchor::Event { .. })))
    });
    if !has_event {
        return;
    }
    // Sorted by start (mentions are found left to right).
    let days: Vec<(usize, usize, PartialDate)> = out
        .iter()
        .filter_map(|m| match &m.value {
            MentionValue::Date(d) if d.relative.is_none() && d.precision == Precision::Day => {
                d.date.map(|date| (m.span.start, m.span.end, date))
            }
            _ => None,
        })
        .collect();
    for m in out.iter_mut() {
        let MentionValue::Date(d) = &mut m.value else {
            continue;
        };
        let Some(rel) = &d.relative else { continue };
        let Anchor::Event { span, .. } = &rel.anchor else {
            continue;
        };
        if d.date.is_some() {
            continue;
        }
        let from = days.partition_point(|(s, _, _)| *s < span.start);
        let to = days.partition_point(|(s, _, _)| *s < span.end);
        let inside: Vec<PartialDate> = days[from..to]
            .iter()
            .filter(|(_, e, _)| *e <= span.end)
            .map(|x| x.2)
            .take(2)
            .collect();
        if let [base] = inside.as_slice() {
            let r = Rel {
                period: false,
                amount: rel.offset.amount,
                unit: rel.offset.unit,
                weekday: rel.offset.weekday,
                anchor: RelAnchor::Event,
            };
            d.date = dates::resolve_relative(&r, Some(*base));
        }
    }
}

fn is_opener(t: &Tok) -> bool {
    matches!(t.kind, Kind::Punct('"' | '“' | '‘' | '\'' | '(' | '['))
}

/// Whether a token may be part of a name.
#[inline]
fn name_token(cx: &Cx<'_>, t: &Tok) -> bool {
    if !t.is_cap_word() || t.is(class::MONTH | class::WEEKDAY) {
        return false;
    }
    // "Armenian-populated", "Soviet-era" are adjectives, not names.
    if t.has(flag::HYPHEN) {
        let s = cx.text.get(t.start..t.end).unwrap_or("");
        if let Some(k) = s.find('-')
            && s[k + 1..].chars().next().is_some_and(char::is_lowercase)
        {
            return false;
        }
    }
    true
}

/// Whether token `k` is at the start of the sentence or of a quotation.
fn is_initial(cx: &Cx<'_>, k: usize) -> bool {
    k == cx.initial || (k > 0 && (is_opener(&cx.toks[k - 1]) || cx.toks[k - 1].is_punct(':')))
}

fn names(
    cx: &Cx<'_>,
    a: usize,
    b: usize,
    claim: usize,
    covered: &[bool],
    out: &mut Vec<Mention>,
    pending: &mut Vec<Pending>,
) {
    let toks = cx.toks;
    let free = |k: usize| !covered[k - a];
    let mut k = a;
    while k < b {
        if !toks[k].is_cap_word() || !free(k) || !name_token(cx, &toks[k]) {
            k += 1;
            continue;
        }
        let mut s = k;
        let mut e = k + 1;
        loop {
            if e < b && free(e) && name_token(cx, &toks[e]) {
                e += 1;
            } else if e + 1 < b
                && (toks[e].kw() == Kw::Of || toks[e].is(class::PARTICLE))
                && free(e + 1)
                && name_token(cx, &toks[e + 1])
            {
                e += 2;
            } else {
                break;
            }
        }
        let next = e;
        if is_initial(cx, s) {
            let first = &toks[s];
            let acronym = first.has(flag::ALLCAPS) && first.end - first.start > 1;
            if !acronym && (first.is(class::FUNC | class::DISCOURSE) || first.lex.kw != Kw::None) {
                s += 1;
                // Skip a connector left at the front ("The Hague" keeps "Hague").
                while s < e && !name_token(cx, &toks[s]) {
                    s += 1;
                }
            } else if e - s == 1 && !first.has(flag::ALLCAPS) && !first.has(flag::HYPHEN) {
                pending.push(Pending {
                    claim,
                    start: first.start,
                    end: first.end,
                });
                k = next;
                continue;
            }
        }
        if s < e {
            let name = cx.slice(s, e);
            out.push(cx.mention(s, e, MentionValue::Name(Name { name })));
        }
        k = next;
    }
}

#[cfg(test)]
mod tests {
    use crate::{MentionValue, Options, parse};

    fn names(text: &str) -> Vec<String> {
        let doc = parse(text, &Options::default());
        doc.claims
            .iter()
            .flat_map(|c| &c.mentions)
            .filter_map(|m| match &m.value {
                MentionValue::Name(n) => Some(n.name.clone()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn names_are_capitalised_runs() {
        assert_eq!(
            names(
                "Officials from the United States met the International Court of Justice in The Hague."
            ),
            [
                "United States",
                "International Court of Justice",
                "The Hague"
            ]
        );
        assert_eq!(
            names("Baku's attack came after the Nagorno-Karabakh talks."),
            ["Nagorno-Karabakh"]
        );
        assert_eq!(
            names("The talks in Baku failed. Baku's attack followed."),
            ["Baku", "Baku"]
        );
        assert_eq!(
            names("They reached the Armenian-populated area in May."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_sentence_initial_capital_is_not_a_name_by_itself() {
        assert_eq!(
            names("Parties met. However, talks failed."),
            Vec::<String>::new()
        );
        assert_eq!(names("US officials met. EU envoys left."), ["US", "EU"]);
        assert_eq!(
            names("Following the talks, Azerbaijan attacked."),
            ["Azerbaijan"]
        );
    }

    #[test]
    fn durations_are_not_also_relative_dates_or_quantities() {
        let doc = parse(
            "The operation ended one day later, after a 44-day war and 3 weeks of talks.",
            &Options::default(),
        );
        let kinds: Vec<(&str, &str)> = doc
            .claims
            .iter()
            .flat_map(|c| &c.mentions)
            .map(|m| {
                let kind = match m.value {
                    MentionValue::Date(_) => "date",
                    MentionValue::Duration(_) => "duration",
                    MentionValue::Quantity(_) => "quantity",
                    MentionValue::Person(_) => "person",
                    MentionValue::Name(_) => "name",
                };
                (m.text.as_str(), kind)
            })
            .collect();
        assert_eq!(
            kinds,
            [
                ("one day later", "date"),
                ("44-day war", "duration"),
                ("3 weeks of talks", "duration")
            ]
        );
    }
}
