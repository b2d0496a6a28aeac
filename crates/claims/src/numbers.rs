//! Quantities ("over 100,000 Nagorno-Karabakh residents", "1.2 million", "a dozen", "$1.2bn",
//! "40%") and durations ("six-week conflict", "44-day war", "for 20 years", "44 days of
//! fighting").
//!
//! A quantity is an optional qualifier (over, more than, at least, nearly, almost, about, around,
//! up to, fewer than, exactly, and their synonyms), an optional currency sign, a number (digits
//! with separators and a multiplier suffix, or number words), an optional percent sign, and the
//! counted noun phrase that follows: up to four words, ending at the first plural noun, a function
//! word or a verb. Number words count only when a noun follows ("six people", not "one of"), and
//! not after "the" ("the two countries" refers back). A number followed by a unit of time is a
//! duration, not a quantity; a year in a date is a date (dates are parsed first).

use nom::branch::alt;
use nom::combinator::{map, opt};
use nom::{Input, Parser};

use crate::lexicon::{self, Kw, class, qual};
use crate::tokens::{Kind, PResult, Tok, Toks, cls, flag, kw, punct, tok};
use crate::types::{Measure, Qualifier, Unit};

/// The longest run of digits read as a number (longer ones are identifiers, not counts).
const MAX_DIGITS: usize = 40;

/// A parsed number: its value and whether it was written in words.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Number {
    value: f64,
    words: bool,
}

/// A quantity found at a position: tokens consumed, the value, and the noun's token range.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct QuantityHit {
    pub len: usize,
    pub number: f64,
    pub qualifier: Qualifier,
    /// Token range (relative to the start) of the counted noun phrase.
    pub noun: Option<(usize, usize)>,
    /// A noun implied by a sign: "percent", "USD", "EUR", "GBP".
    pub implied_noun: Option<&'static str>,
    /// What the number measures: a currency sign or word, a percentage.
    pub measure: Option<Measure>,
}

/// A duration found at a position.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DurationHit {
    pub len: usize,
    pub amount: f64,
    pub unit: Unit,
    pub noun: Option<(usize, usize)>,
}

pub(crate) fn multiplier(exp: u32, kw: Kw) -> f64 {
    if kw == Kw::Dozen {
        12.0
    } else {
        10f64.powi(exp as i32)
    }
}

/// "1.2bn", "5m", "10k", "3.5mn": digits and a multiplier suffix in one token.
fn suffixed(s: &str) -> Option<f64> {
    let num_len = s.find(|c: char| c.is_ascii_alphabetic())?;
    let (num, suffix) = s.split_at(num_len);
    let value = plain_number(num)?;
    Some(value * multiplier_suffix(suffix)?)
}

/// The factor of a multiplier written onto its digits: "k", "m", "mn", "mln", "million", "bn",
/// "b", "billion", "tn", "trillion" (any ASCII case).
pub(crate) fn multiplier_suffix(suffix: &str) -> Option<f64> {
    lexicon::with_lower(suffix, |l| match l {
        b"k" => Some(1e3),
        b"m" | b"mn" | b"mln" | b"million" => Some(1e6),
        b"bn" | b"b" | b"billion" => Some(1e9),
        b"tn" | b"trillion" => Some(1e12),
        _ => None,
    })?
}

/// Digits with `,` grouping and a `.` decimal: "100,000", "3.5".
fn plain_number(s: &str) -> Option<f64> {
    if s.is_empty() || s.len() > MAX_DIGITS || !s.as_bytes()[0].is_ascii_digit() {
        return None;
    }
    // The digits and the decimal point without the grouping commas, in a stack buffer.
    let mut clean = [0u8; MAX_DIGITS];
    let mut n = 0;
    let mut dots = 0;
    for &c in s.as_bytes() {
        match c {
            b'0'..=b'9' => {}
            b',' => continue,
            b'.' => dots += 1,
            _ => return None,
        }
        clean[n] = c;
        n += 1;
    }
    if dots > 1 {
        return None;
    }
    std::str::from_utf8(&clean[..n]).ok()?.parse().ok()
}

/// The value of a number word, or of a hyphenated compound of them ("twenty-five").
fn word_value(s: &str) -> Option<f64> {
    let mut total = 0.0;
    for part in s.split('-') {
        let e = lexicon::lookup(part.as_bytes());
        if !e.is(class::NUMWORD) {
            return None;
        }
        total += e.val as f64;
    }
    Some(total)
}

/// A number in digits: "100,000", "1.2", "1.2bn", "1.2 million", "100 thousand".
fn digit_number<'a>(i: Toks<'a>) -> PResult<'a, Number> {
    let text = i.text;
    let (rest, t) = tok(|t| t.has(flag::DIGIT) && matches!(t.kind, Kind::Number | Kind::Word))(i)?;
    let s = text.get(t.start..t.end).unwrap_or("");
    let value = match t.kind {
        Kind::Number => plain_number(s),
        _ => suffixed(s),
    };
    let Some(value) = value else {
        return Err(nom::Err::Error(()));
    };
    let (rest, mult) = opt(cls(class::MULT)).parse(rest)?;
    let value = mult.map_or(value, |m| value * multiplier(m.lex.val, m.kw()));
    Ok((
        rest,
        Number {
            value,
            words: false,
        },
    ))
}

/// A number in words: "six", "twenty-five", "two hundred", "three million", "a dozen",
/// "a thousand".
fn word_number<'a>(i: Toks<'a>) -> PResult<'a, Number> {
    let text = i.text;
    let (mut rest, first) = alt((
        map(alt((kw(Kw::A), kw(Kw::An))), |_| None),
        map(tok(|t| t.kind == Kind::Word && !t.has(flag::DIGIT)), Some),
    ))
    .parse(i)?;
    let mut total = 0.0;
    let mut current = match first {
        None => {
            // "a dozen", "a hundred": the multiplier must follow.
            if !rest.toks.first().is_some_and(|t| t.is(class::MULT)) {
                return Err(nom::Err::Error(()));
            }
            1.0
        }
        Some(t) if !t.has(flag::HYPHEN) => {
            if !t.is(class::NUMWORD) {
                return Err(nom::Err::Error(()));
            }
            t.lex.val as f64
        }
        Some(t) => match word_value(text.get(t.start..t.end).unwrap_or("")) {
            Some(v) => v,
            None => return Err(nom::Err::Error(())),
        },
    };
    while let Some(t) = rest.toks.first() {
        if t.is(class::MULT) {
            let m = multiplier(t.lex.val, t.kw());
            if m >= 1000.0 {
                total += current * m;
                current = 0.0;
            } else {
                current *= m;
            }
        } else if t.is(class::NUMWORD)
            && current < 100.0
            && total == 0.0
            && current % 10.0 == 0.0
            && t.lex.val < 10
        {
            // "twenty five" written without a hyphen.
            current += t.lex.val as f64;
        } else {
            break;
        }
        rest = rest.take_from(1);
    }
    Ok((
        rest,
        Number {
            value: total + current,
            words: true,
        },
    ))
}

fn qualifier<'a>(i: Toks<'a>) -> PResult<'a, Qualifier> {
    let code = |c: u32| match c {
        qual::OVER => Qualifier::Over,
        qual::NEARLY => Qualifier::Nearly,
        qual::ALMOST => Qualifier::Almost,
        qual::ABOUT => Qualifier::About,
        qual::AROUND => Qualifier::Around,
        qual::EXACTLY => Qualifier::Exactly,
        qual::FEWER => Qualifier::FewerThan,
        _ => Qualifier::None,
    };
    alt((
        map((kw(Kw::More), kw(Kw::Than)), |_| Qualifier::MoreThan),
        map((alt((kw(Kw::Fewer), kw(Kw::Less))), kw(Kw::Than)), |_| {
            Qualifier::FewerThan
        }),
        map((kw(Kw::At), kw(Kw::Least)), |_| Qualifier::AtLeast),
        map((kw(Kw::Up), kw(Kw::To)), |_| Qualifier::UpTo),
        map((kw(Kw::At), kw(Kw::Most)), |_| Qualifier::UpTo),
        map((kw(Kw::No), kw(Kw::More), kw(Kw::Than)), |_| {
            Qualifier::UpTo
        }),
        map((kw(Kw::As), kw(Kw::Many), kw(Kw::As)), |_| Qualifier::UpTo),
        map((kw(Kw::An), kw(Kw::Estimated)), |_| Qualifier::About),
        map(
            (alt((kw(Kw::Just), kw(Kw::Well))), cls(class::QUAL)),
            move |(_, t)| code(t.lex.val),
        ),
        map(cls(class::QUAL), move |t| code(t.lex.val)),
    ))
    .parse(i)
}

fn currency<'a>(i: Toks<'a>) -> PResult<'a, &'static str> {
    alt((
        map(punct('$'), |_| "USD"),
        map(punct('€'), |_| "EUR"),
        map(punct('£'), |_| "GBP"),
    ))
    .parse(i)
}

fn percent<'a>(i: Toks<'a>) -> PResult<'a, &'static str> {
    alt((
        map(punct('%'), |_| "percent"),
        map(kw(Kw::Percent), |_| "percent"),
        map((kw(Kw::Per), kw(Kw::Cent)), |_| "percent"),
    ))
    .parse(i)
}

/// Whether a word looks like a plural noun ("residents", "Armenians").
fn plural_looking(s: &str) -> bool {
    s.len() > 3
        && s.ends_with('s')
        && !s.ends_with("ss")
        && !s.ends_with("us")
        && !s.ends_with("is")
}

fn ends_like_verb(s: &str) -> bool {
    s.len() > 4 && (s.ends_with("ed") || s.ends_with("ing"))
}

/// The counted noun phrase at the start of `toks`: its length in tokens.
fn noun_phrase(toks: Toks<'_>) -> usize {
    let mut n = 0;
    for t in toks.toks.iter().take(4) {
        let s = toks.str(t);
        let ok = t.kind == Kind::Word
            && !t.has(flag::DIGIT)
            && !t.is(class::NOT_A_NOUN | class::UNIT | class::MONTH | class::WEEKDAY | class::MULT);
        if !ok || (n > 0 && t.has(flag::LOWER) && ends_like_verb(s)) {
            break;
        }
        n += 1;
        if plural_looking(s) && t.has(flag::LOWER | flag::CAP) && !t.has(flag::ALLCAPS) {
            break;
        }
    }
    n
}

/// A quantity at the start of `toks`; `prev` is the token before it.
pub(crate) fn quantity_at(toks: Toks<'_>, prev: Option<&Tok>) -> Option<QuantityHit> {
    let first = toks.toks.first()?;
    let gate = first.has(flag::DIGIT)
        || first.is(class::QUAL | class::NUMWORD)
        || first.has(flag::HYPHEN)
        || matches!(
            first.kw(),
            Kw::More
                | Kw::Fewer
                | Kw::Less
                | Kw::At
                | Kw::Up
                | Kw::No
                | Kw::As
                | Kw::An
                | Kw::A
                | Kw::Just
                | Kw::Well
        )
        || matches!(first.kind, Kind::Punct('$' | '€' | '£'));
    if !gate {
        return None;
    }
    let len = toks.toks.len();
    let (rest, q) = opt(qualifier).parse(toks).ok()?;
    let (rest, cur) = opt(currency).parse(rest).ok()?;
    let number_start = len - rest.toks.len();
    let (rest, number) = alt((digit_number, word_number)).parse(rest).ok()?;
    let number_tok = &toks.toks[number_start];
    let (rest, pct) = opt(percent).parse(rest).ok()?;
    let next = rest.toks.first();
    // A time ("5 a.m.", "10:30"), an ordinal ("5th") or a unit of time is not a count.
    if next.is_some_and(|t| t.kw() == Kw::AmPm || t.is(class::UNIT)) && pct.is_none() {
        return None;
    }
    let s = toks.str(number_tok);
    if number_tok.kind == Kind::Word && number_tok.has(flag::DIGIT) && suffixed(s).is_none() {
        return None;
    }
    let q = q.unwrap_or(Qualifier::None);
    let implied = pct.or(cur);
    let noun_start = len - rest.toks.len();
    let noun_len = if implied.is_some() {
        0
    } else {
        noun_phrase(rest)
    };
    if number.words {
        // Number words need a noun, and a qualifier or no determiner before them.
        let prev_det = prev.is_some_and(|p| p.is(class::DET) || p.kw() == Kw::The);
        let one_of = toks.toks[number_start].lex.val == 1 && next.is_some_and(|t| t.kw() == Kw::Of);
        if (noun_len == 0 && implied.is_none()) || (prev_det && q == Qualifier::None) || one_of {
            return None;
        }
    } else if q == Qualifier::None && implied.is_none() {
        // Digits after a name are part of it ("Boeing 737", "Resolution 2334").
        if prev.is_some_and(|p| p.is_cap_word() && p.lex.class == 0) {
            return None;
        }
    }
    let noun = (noun_len > 0).then_some((noun_start, noun_start + noun_len));
    let end = noun_start + noun_len;
    let noun_toks = &toks.toks[noun_start..end];
    let measure = if pct.is_some() {
        Some(Measure::Percent)
    } else if cur.is_some() {
        // The sign is the token right before the number.
        let sign = &toks.toks[number_start.saturating_sub(1)];
        Some(Measure::Currency(toks.str(sign).to_string()))
    } else {
        match noun_toks {
            [w, p, ..]
                if toks.str(w).eq_ignore_ascii_case("percentage")
                    && toks.str(p).to_ascii_lowercase().starts_with("point") =>
            {
                Some(Measure::Points)
            }
            [w, ..] if w.is(class::CURRENCY) => Some(Measure::Currency(toks.str(w).to_string())),
            _ => None,
        }
    };
    Some(QuantityHit {
        len: end,
        number: number.value,
        qualifier: q,
        noun,
        implied_noun: implied,
        measure,
    })
}

/// A duration at the start of `toks`: "six-week conflict", "44-day war", "20 years",
/// "44 days of fighting".
pub(crate) fn duration_at(toks: Toks<'_>) -> Option<DurationHit> {
    let first = toks.toks.first()?;
    let len = toks.toks.len();
    if first.kind == Kind::Word && first.has(flag::HYPHEN) {
        let s = toks.str(first);
        let s = match s.rsplit_once('-') {
            Some((rest, long)) if long.eq_ignore_ascii_case("long") => rest,
            _ => s,
        };
        let (number, unit_part) = s.rsplit_once('-')?;
        let u = lexicon::lookup(unit_part.as_bytes());
        if !u.is(class::UNIT) || u.is(class::PLURAL) || number.is_empty() {
            return None;
        }
        let amount = plain_number(number).or_else(|| word_value(number))?;
        let rest = toks.take_from(1);
        let n = noun_after(rest);
        let noun = (n > 0).then_some((1, 1 + n));
        return Some(DurationHit {
            len: 1 + n,
            amount,
            unit: lexicon::unit(u.val),
            noun,
        });
    }
    // "20 years", "six weeks", "44 days of fighting".
    let (rest, number) = alt((digit_number, word_number)).parse(toks).ok()?;
    let (rest, u) = cls(class::UNIT)(rest).ok()?;
    if !u.is(class::PLURAL) && number.value != 1.0 {
        return None;
    }
    if rest.toks.first().is_some_and(|t| {
        matches!(
            t.kw(),
            Kw::Before | Kw::After | Kw::Later | Kw::Earlier | Kw::Ago | Kw::Prior | Kw::Old
        )
    }) {
        return None;
    }
    let unit_end = len - rest.toks.len();
    let (noun, end) = match kw(Kw::Of)(rest) {
        Ok((after_of, _)) => {
            let n = noun_after(after_of);
            if n > 0 {
                (Some((unit_end + 1, unit_end + 1 + n)), unit_end + 1 + n)
            } else {
                (None, unit_end)
            }
        }
        Err(_) => (None, unit_end),
    };
    Some(DurationHit {
        len: end,
        amount: number.value,
        unit: lexicon::unit(u.lex.val),
        noun,
    })
}

/// "a year", "an hour"-like durations with an article for a count ("nearly a year"): only after
/// a qualifier, which the caller checks (a bare "a year" is too often no length: "once a year").
pub(crate) fn article_duration_at(toks: Toks<'_>) -> Option<DurationHit> {
    let (rest, _) = alt((kw(Kw::A), kw(Kw::An))).parse(toks).ok()?;
    let (rest, u) = cls(class::UNIT)(rest).ok()?;
    if u.is(class::PLURAL)
        || rest.toks.first().is_some_and(|t| {
            matches!(
                t.kw(),
                Kw::Before | Kw::After | Kw::Later | Kw::Earlier | Kw::Ago | Kw::Prior | Kw::Old
            )
        })
    {
        return None;
    }
    Some(DurationHit {
        len: 2,
        amount: 1.0,
        unit: lexicon::unit(u.lex.val),
        noun: None,
    })
}

/// The qualifier that ends right before token `i` and starts at or after token `a` ("less than"
/// in "lasted less than two months", "nearly" in "nearly a year"), read by the quantities'
/// qualifier grammar; [`Qualifier::None`] when there is none.
pub(crate) fn qualifier_before(toks: &[Tok], text: &str, a: usize, i: usize) -> Qualifier {
    qualifier_ending(Toks::new(&toks[a.min(i)..i], text)).map_or(Qualifier::None, |(q, _)| q)
}

/// Whether a word can end a qualifier of [`qualifier`]: a qualifier word ("over", "nearly") or
/// the last word of "more than", "at least", "at most", "up to", "as many as", "an estimated".
pub(crate) fn may_end_qualifier(e: lexicon::Entry) -> bool {
    e.is(class::QUAL)
        || matches!(
            e.kw,
            Kw::Than | Kw::Least | Kw::Most | Kw::To | Kw::As | Kw::Estimated
        )
}

/// The qualifier that `toks` start with and how many tokens it takes.
pub(crate) fn qualifier_starting(toks: Toks<'_>) -> Option<(Qualifier, usize)> {
    let n = toks.toks.len();
    let (rest, q) = qualifier(toks).ok()?;
    Some((q, n - rest.toks.len()))
}

/// The qualifier that `toks` end with (at most its last three tokens) and how many tokens it
/// takes; the longest wins ("just over" over "over").
pub(crate) fn qualifier_ending(toks: Toks<'_>) -> Option<(Qualifier, usize)> {
    let n = toks.toks.len();
    if !may_end_qualifier(toks.toks.last()?.lex) {
        return None;
    }
    (1..=3.min(n)).rev().find_map(|len| {
        let (rest, q) = qualifier(toks.take_from(n - len)).ok()?;
        rest.toks.is_empty().then_some((q, len))
    })
}

/// The noun after a duration: lower-case content words, at most three.
fn noun_after(toks: Toks<'_>) -> usize {
    toks.toks
        .iter()
        .take(3)
        .take_while(|t| t.is_lower_word() && !t.has(flag::DIGIT) && !t.is(class::NOT_A_NOUN))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn q(text: &str) -> Option<(String, f64, Qualifier, Option<String>)> {
        let mut toks = Vec::new();
        tokenize(text, 0, text.len(), &mut toks);
        let h = quantity_at(Toks::new(&toks, text), None)?;
        let noun = h
            .noun
            .map(|(s, e)| text[toks[s].start..toks[e - 1].end].to_string())
            .or(h.implied_noun.map(String::from));
        Some((
            text[toks[0].start..toks[h.len - 1].end].to_string(),
            h.number,
            h.qualifier,
            noun,
        ))
    }

    #[test]
    fn quantities() {
        assert_eq!(
            q("Over 100,000 Nagorno-Karabakh residents have moved"),
            Some((
                "Over 100,000 Nagorno-Karabakh residents".into(),
                100_000.0,
                Qualifier::Over,
                Some("Nagorno-Karabakh residents".into())
            ))
        );
        assert_eq!(q("1.2 million people").map(|x| x.1), Some(1_200_000.0));
        assert_eq!(
            q("six people were").map(|x| (x.1, x.3)),
            Some((6.0, Some("people".into())))
        );
        assert_eq!(q("a dozen soldiers").map(|x| x.1), Some(12.0));
        assert_eq!(
            q("$1.2bn in aid").map(|x| (x.1, x.3)),
            Some((1.2e9, Some("USD".into())))
        );
        assert_eq!(
            q("40% of").map(|x| (x.1, x.3)),
            Some((40.0, Some("percent".into())))
        );
        assert_eq!(
            q("more than 5,000 troops").map(|x| x.2),
            Some(Qualifier::MoreThan)
        );
        assert_eq!(
            q("at least 200 people").map(|x| x.2),
            Some(Qualifier::AtLeast)
        );
        assert_eq!(q("up to 30 buses").map(|x| x.2), Some(Qualifier::UpTo));
        assert_eq!(
            q("fewer than 10 cases").map(|x| x.2),
            Some(Qualifier::FewerThan)
        );
        assert_eq!(
            q("nearly 120,000 people").map(|x| x.2),
            Some(Qualifier::Nearly)
        );
        assert_eq!(
            q("two hundred thousand people").map(|x| x.1),
            Some(200_000.0)
        );
        assert_eq!(q("twenty-five people").map(|x| x.1), Some(25.0));
    }

    #[test]
    fn not_quantities() {
        assert_eq!(q("one of the"), None);
        assert_eq!(q("over the region"), None);
        assert_eq!(q("about the matter"), None);
        assert_eq!(q("5 a.m. Mr."), None);
        assert_eq!(q("six weeks"), None);
        assert_eq!(q("5th street"), None);
        let long = "9".repeat(10_000);
        assert_eq!(q(&long), None);
    }

    fn d(text: &str) -> Option<(String, f64, Unit, Option<String>)> {
        let mut toks = Vec::new();
        tokenize(text, 0, text.len(), &mut toks);
        let h = duration_at(Toks::new(&toks, text))?;
        let noun = h
            .noun
            .map(|(s, e)| text[toks[s].start..toks[e - 1].end].to_string());
        Some((
            text[toks[0].start..toks[h.len - 1].end].to_string(),
            h.amount,
            h.unit,
            noun,
        ))
    }

    #[test]
    fn durations() {
        assert_eq!(
            d("six-week conflict between"),
            Some((
                "six-week conflict".into(),
                6.0,
                Unit::Week,
                Some("conflict".into())
            ))
        );
        assert_eq!(
            d("44-day war in"),
            Some(("44-day war".into(), 44.0, Unit::Day, Some("war".into())))
        );
        assert_eq!(
            d("nine-month blockade of"),
            Some((
                "nine-month blockade".into(),
                9.0,
                Unit::Month,
                Some("blockade".into())
            ))
        );
        assert_eq!(
            d("20 years."),
            Some(("20 years".into(), 20.0, Unit::Year, None))
        );
        assert_eq!(
            d("44 days of fighting"),
            Some((
                "44 days of fighting".into(),
                44.0,
                Unit::Day,
                Some("fighting".into())
            ))
        );
        assert_eq!(d("one day later"), None);
        assert_eq!(d("two-year-old boy"), None);
    }
}
