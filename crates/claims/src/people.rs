//! People with roles.
//!
//! Four patterns, tried in this order over the tokens of a sentence:
//!
//! 1. `<Org>'s <role>, <Name>` — "Washington's Senior Advisor for Caucasus Negotiations, Louis
//!    Bono" (organisation "Washington");
//! 2. `<role>, <Name>` — "the spokesperson for the cabinet, Nazeli Baghdasaryan";
//! 3. `<Name>, the <role>` / `<Name>, <Org>'s <role>` — "Nazeli Baghdasaryan, the spokesperson
//!    for the Armenian cabinet";
//! 4. `<Title> <Name>` — "Prime Minister Nikol Pashinyan", "Azerbaijan's President Ilham Aliyev".
//!
//! A role must contain a role word (minister, envoy, representative, spokesperson, …) and no
//! verb; a name is two to four capitalised words (initials and particles allowed; one word after
//! a title), none of them a function word, month or organisation word. Patterns 1 and 2 win over
//! 3, so that in "A's role, X, B's role, Y" each role goes with the name after it. Persons found
//! by patterns 1 and 2 that follow each other separated only by commas and "and" form an
//! enumeration, which the claim grammar splits into one claim per person.

use crate::lexicon::{Kw, class};
use crate::tokens::{Kind, Tok, flag};

/// A person found in a sentence, as token ranges (end exclusive).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PersonHit {
    pub start: usize,
    pub end: usize,
    pub name: (usize, usize),
    pub role: Option<(usize, usize)>,
    pub org: Option<(usize, usize)>,
    /// The role with its organisation.
    pub role_span: Option<(usize, usize)>,
    /// Found by a comma pattern (1 or 2): may be an element of an enumeration.
    pub listed: bool,
}

/// The longest role, in tokens.
const MAX_ROLE: usize = 14;

fn name_word(t: &Tok) -> bool {
    t.kind == Kind::Word
        && t.has(flag::CAP)
        && !(t.has(flag::ALLCAPS) && t.end - t.start > 1)
        && !t.has(flag::DIGIT)
        && !t.is(class::FUNC
            | class::ORG
            | class::MONTH
            | class::WEEKDAY
            | class::ROLE
            | class::DISCOURSE)
}

/// A person's name starting at `i` (before `end`): its end, when it has at least `min_words`
/// words.
fn name_at(toks: &[Tok], i: usize, end: usize, min_words: usize) -> Option<usize> {
    let mut k = i;
    let mut words = 0;
    while k < end && words < 4 {
        let t = &toks[k];
        if name_word(t) {
            // An initial: "L." (one capital and a full stop).
            if t.end - t.start == 1 && k + 1 < end && toks[k + 1].is_punct('.') {
                if words == 0 {
                    // A name does not start with an initial here ("L. Bono" is rare in news and
                    // ambiguous with a sentence end).
                    return None;
                }
                k += 2;
                continue;
            }
            words += 1;
            k += 1;
        } else if words > 0 && t.is(class::PARTICLE) && k + 1 < end && name_word(&toks[k + 1]) {
            k += 1;
        } else {
            break;
        }
    }
    // The name must end here: a following capitalised word means it is longer than four.
    if words < min_words || (k < end && toks[k].is_cap_word() && name_word(&toks[k])) {
        return None;
    }
    Some(k)
}

fn is_verb(t: &Tok) -> bool {
    t.is(class::AUX | class::PAST | class::SPEECH)
}

/// Whether `toks[a..b]` is a role: a role word, no verb, not too long.
fn is_role(toks: &[Tok], a: usize, b: usize) -> bool {
    a < b
        && b - a <= MAX_ROLE
        && toks[a..b].iter().any(|t| t.is(class::ROLE))
        && !toks[a..b]
            .iter()
            .any(|t| is_verb(t) || t.is_punct(',') || t.is_punct(';'))
}

/// A capitalised run ending just before `end` (at most four words, not before `floor`).
fn cap_run_before(toks: &[Tok], floor: usize, end: usize) -> Option<(usize, usize)> {
    let mut s = end;
    while s > floor && end - s < 4 && toks[s - 1].is_cap_word() && !toks[s - 1].is(class::FUNC) {
        s -= 1;
    }
    (s < end).then_some((s, end))
}

/// A token range, end exclusive.
type Range = (usize, usize);

/// The role in `toks[seg..c]` before a name: with a possessive organisation, or after the last
/// verb or conjunction. Returns (person start, role, org).
fn role_before(toks: &[Tok], seg: usize, c: usize) -> Option<(usize, Range, Option<Range>)> {
    // The last possessive followed by a role word.
    let last_role = (seg..c).rev().find(|&k| toks[k].is(class::ROLE))?;
    let poss = (seg..last_role).rev().find(|&k| toks[k].kind == Kind::Poss);
    if let Some(p) = poss {
        let role = (p + 1, c);
        if !is_role(toks, role.0, role.1) {
            return None;
        }
        return match cap_run_before(toks, seg, p) {
            Some(org) => Some((org.0, role, Some(org))),
            None => Some((p.saturating_sub(1).max(seg), role, None)),
        };
    }
    let first_role = (seg..c)
        .find(|&k| toks[k].is(class::ROLE))
        .unwrap_or(last_role);
    let mut r = seg;
    for (k, t) in toks.iter().enumerate().take(first_role).skip(seg) {
        if is_verb(t) || matches!(t.kw(), Kw::And | Kw::Or | Kw::By | Kw::As) || t.is(class::PREP) {
            r = k + 1;
        }
    }
    while r < c && toks[r].is(class::DET) {
        r += 1;
    }
    is_role(toks, r, c).then_some((r, (r, c), None))
}

/// Finds the people with roles in `toks[a..b]`.
pub(crate) fn find(toks: &[Tok], a: usize, b: usize) -> Vec<PersonHit> {
    let mut out: Vec<PersonHit> = Vec::new();
    let b = b.min(toks.len());
    // Every pattern needs a role word: most sentences have none.
    if a >= b || !toks[a..b].iter().any(|t| t.is(class::ROLE)) {
        return out;
    }
    let mut used = vec![false; b.saturating_sub(a)];
    let free = |used: &[bool], s: usize, e: usize| (s..e).all(|k| !used[k - a]);
    let mark = |used: &mut [bool], s: usize, e: usize| (s..e).for_each(|k| used[k - a] = true);

    let commas: Vec<usize> = (a..b).filter(|&k| toks[k].is_punct(',')).collect();

    // 1 and 2: "<role>, <Name>".
    let mut seg = a;
    for &c in &commas {
        if let Some(ne) = name_at(toks, c + 1, b, 2) {
            let closes = ne >= b
                || toks[ne].is_punct(',')
                || toks[ne].is_punct(';')
                || toks[ne].is_punct(')')
                || toks[ne].is_punct('.')
                || matches!(toks[ne].kw(), Kw::And | Kw::Or)
                || is_verb(&toks[ne]);
            if closes {
                let seg_start = if toks[seg].kw() == Kw::And && seg < c {
                    seg + 1
                } else {
                    seg
                };
                if let Some((start, role, org)) = role_before(toks, seg_start, c)
                    && free(&used, start, ne)
                {
                    mark(&mut used, start, ne);
                    out.push(PersonHit {
                        start,
                        end: ne,
                        name: (c + 1, ne),
                        role: Some(role),
                        org,
                        role_span: Some((org.map_or(role.0, |o| o.0), role.1)),
                        listed: true,
                    });
                }
            }
        }
        seg = c + 1;
    }

    // 3: "<Name>, the <role>".
    for (n, &c) in commas.iter().enumerate() {
        let next_comma = commas.get(n + 1).copied().unwrap_or(b);
        // The name ending at the comma.
        let mut ns = c;
        while ns > a
            && c - ns < 6
            && (toks[ns - 1].is_cap_word()
                || toks[ns - 1].is_punct('.')
                || toks[ns - 1].is(class::PARTICLE))
        {
            ns -= 1;
        }
        let Some(ns) = (ns..c).find(|&s| name_at(toks, s, c, 2) == Some(c)) else {
            continue;
        };
        if ns > a && toks[ns - 1].is(class::DET) {
            continue;
        }
        let mut rs = c + 1;
        let mut org = None;
        if rs < next_comma && toks[rs].is(class::DET) {
            rs += 1;
        } else if let Some(p) = (rs..next_comma.min(rs + 5)).find(|&k| toks[k].kind == Kind::Poss) {
            match cap_run_before(toks, rs, p) {
                Some(o) if o.0 == rs => {
                    org = Some(o);
                    rs = p + 1;
                }
                _ => continue,
            }
        } else {
            continue;
        }
        let mut re = next_comma;
        while re > rs && matches!(toks[re - 1].kind, Kind::Punct(_)) {
            re -= 1;
        }
        if !is_role(toks, rs, re) || !free(&used, ns, re) {
            continue;
        }
        mark(&mut used, ns, re);
        out.push(PersonHit {
            start: ns,
            end: re,
            name: (ns, c),
            role: Some((rs, re)),
            org,
            role_span: Some((org.map_or(rs, |o| o.0), re)),
            listed: false,
        });
    }

    // 4: "<Title> <Name>".
    for k in a..b {
        let t = &toks[k];
        if !(t.is(class::ROLE) && t.is_cap_word()) || k + 1 >= b || toks[k + 1].is(class::ROLE) {
            continue;
        }
        let Some(ne) = name_at(toks, k + 1, b, 1) else {
            continue;
        };
        // The title: capitalised words before the role word, or after a possessive.
        let mut rs = k;
        while rs > a
            && k - rs < 4
            && toks[rs - 1].is_cap_word()
            && toks[rs - 1].kind == Kind::Word
            && !toks[rs - 1].is(class::FUNC)
        {
            rs -= 1;
        }
        let mut org = None;
        if rs > a && toks[rs - 1].kind == Kind::Poss {
            org = cap_run_before(toks, a, rs - 1);
        } else if rs < k
            && !toks[rs].is(class::ROLE)
            && name_word(&toks[rs])
            && toks[rs].has(flag::ALLCAPS)
        {
            // "US Secretary of State": an acronym organisation.
            org = Some((rs, rs + 1));
            rs += 1;
        }
        let start = org.map_or(rs, |o| o.0);
        if !free(&used, start, ne) {
            continue;
        }
        mark(&mut used, start, ne);
        out.push(PersonHit {
            start,
            end: ne,
            name: (k + 1, ne),
            role: Some((rs, k + 1)),
            org,
            role_span: Some((start, k + 1)),
            listed: false,
        });
    }
    out.sort_by_key(|p| p.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn people(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
        let mut toks = Vec::new();
        tokenize(text, 0, text.len(), &mut toks);
        let s = |r: (usize, usize)| text[toks[r.0].start..toks[r.1 - 1].end].to_string();
        find(&toks, 0, toks.len())
            .into_iter()
            .map(|p| (s(p.name), p.role.map(s), p.org.map(s)))
            .collect()
    }

    fn p(name: &str, role: &str, org: Option<&str>) -> (String, Option<String>, Option<String>) {
        (name.into(), Some(role.into()), org.map(String::from))
    }

    #[test]
    fn enumeration_of_roles() {
        let got = people(
            "The attending representatives were Washington's Senior Advisor for Caucasus Negotiations, Louis Bono, EU's designated special representative for the South Caucasus, Toivo Klaar, and Russia's special envoy on relations between Armenia and Azerbaijan, Igor Khovaev.",
        );
        assert_eq!(
            got,
            [
                p(
                    "Louis Bono",
                    "Senior Advisor for Caucasus Negotiations",
                    Some("Washington")
                ),
                p(
                    "Toivo Klaar",
                    "designated special representative for the South Caucasus",
                    Some("EU")
                ),
                p(
                    "Igor Khovaev",
                    "special envoy on relations between Armenia and Azerbaijan",
                    Some("Russia")
                ),
            ]
        );
    }

    #[test]
    fn name_then_role() {
        let got = people(
            "according to information provided by Nazeli Baghdasaryan, the spokesperson for the Armenian cabinet.",
        );
        assert_eq!(
            got,
            [p(
                "Nazeli Baghdasaryan",
                "spokesperson for the Armenian cabinet",
                None
            )]
        );
    }

    #[test]
    fn titles() {
        assert_eq!(
            people("Prime Minister Nikol Pashinyan said"),
            [p("Nikol Pashinyan", "Prime Minister", None)]
        );
        assert_eq!(
            people("Azerbaijan's President Ilham Aliyev said"),
            [p("Ilham Aliyev", "President", Some("Azerbaijan"))]
        );
        assert_eq!(
            people("the spokesman, John Kirby, said"),
            [p("John Kirby", "spokesman", None)]
        );
    }

    #[test]
    fn not_people() {
        assert!(
            people("officials from the United States, the European Union, and Russia met")
                .is_empty()
        );
        assert!(people("Louis Bono met Toivo Klaar.").is_empty());
    }
}
