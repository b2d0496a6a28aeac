//! Small hand-written scanners over one sentence's text: tokens, numbers and dates. The words
//! they know (month and weekday names, number words, units, qualifiers) are the grammar's
//! lexicon, through `factcheck_claims::text`.
//!
//! Everything here is a single forward pass with bounded look-ahead, so it runs in time linear in
//! the text; nothing backtracks. Offsets are byte offsets into the scanned text.

use factcheck_claims::text::{PieceClass, Token};
use factcheck_model::Weekday;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A run of letters.
    Word,
    /// A run of digits with internal `,` or `.` between digits (`100,000`, `3.5`).
    Num,
    /// Any other single character that is not white space.
    Punct,
}

#[derive(Debug, Clone, Copy)]
pub struct Tok<'a> {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    /// Whether white space separates this token from the previous one.
    pub space_before: bool,
}

impl Tok<'_> {
    /// Case-insensitive comparison with an ASCII word.
    pub fn is(&self, word: &str) -> bool {
        self.kind == Kind::Word && self.text.eq_ignore_ascii_case(word)
    }

    pub fn is_any(&self, words: &[&str]) -> bool {
        self.kind == Kind::Word && words.iter().any(|w| self.text.eq_ignore_ascii_case(w))
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.text.starts_with(c)
    }

    /// A word that starts with a capital letter.
    pub fn is_capitalised(&self) -> bool {
        self.kind == Kind::Word
            && match self.text.as_bytes().first() {
                Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
                _ => self.text.chars().next().is_some_and(char::is_uppercase),
            }
    }

    pub fn is_lowercase_word(&self) -> bool {
        self.kind == Kind::Word
            && match self.text.as_bytes().first() {
                Some(b) if b.is_ascii() => b.is_ascii_lowercase(),
                _ => self.text.chars().next().is_some_and(char::is_lowercase),
            }
    }

    /// Digits only, no separators.
    pub fn is_plain_digits(&self) -> bool {
        self.kind == Kind::Num && self.text.bytes().all(|b| b.is_ascii_digit())
    }
}

/// Splits `text` into words, numbers and punctuation: the grammar's tokenizer, then
/// [`tokens_into`].
#[cfg(test)]
pub fn tokenize(text: &str) -> Vec<Tok<'_>> {
    let mut grammar = Vec::new();
    factcheck_claims::text::tokenize(text, 0, text.len(), &mut grammar);
    let mut toks = Vec::new();
    tokens_into(text, 0, &grammar, &mut toks);
    toks
}

/// The tokens the checks read in `text` (the slice of the input at byte `base`), from the
/// grammar's `tokens` of it, into `toks` (cleared first), offsets into `text`: a run of letters
/// is a word; a run of digits, with a `,` or `.` between two digits, a number; any other
/// character is punctuation. The cut is the grammar's ([`factcheck_claims::text::pieces`]):
/// the checks never cut the text themselves.
pub fn tokens_into<'a>(text: &'a str, base: usize, tokens: &[Token], toks: &mut Vec<Tok<'a>>) {
    toks.clear();
    for p in factcheck_claims::text::pieces(text, base, tokens) {
        let (start, end) = (p.start - base, p.end - base);
        let kind = match p.class {
            PieceClass::Letters => Kind::Word,
            PieceClass::Digits => {
                // "100,000", "3.5": digits, a separator, digits, with nothing between.
                if let [.., num, sep] = toks.as_slice()
                    && num.kind == Kind::Num
                    && (sep.is_punct(',') || sep.is_punct('.'))
                    && num.end == sep.start
                    && sep.end == start
                {
                    let from = num.start;
                    toks.pop();
                    if let Some(num) = toks.last_mut() {
                        num.end = end;
                        num.text = &text[from..end];
                    }
                    continue;
                }
                Kind::Num
            }
            PieceClass::Numeral => {
                // Numerals of other scripts are punctuation here, one character each.
                for (i, c) in text[start..end].char_indices() {
                    let to = start + i + c.len_utf8();
                    toks.push(Tok {
                        kind: Kind::Punct,
                        start: start + i,
                        end: to,
                        text: &text[start + i..to],
                        space_before: p.space_before && i == 0,
                    });
                }
                continue;
            }
            PieceClass::Mark(_) => Kind::Punct,
        };
        toks.push(Tok {
            kind,
            start,
            end,
            text: &text[start..end],
            space_before: p.space_before,
        });
    }
}

/// The value of a number word from "zero" to "ninety" written as one word ("six", "forty"):
/// the grammar's lexicon ([`factcheck_claims::text::number_word`]).
pub fn word_number(word: &str) -> Option<u32> {
    // Most words fail on their length or first letter, before the lexicon is probed.
    let first = word.as_bytes().first().map_or(0, u8::to_ascii_lowercase);
    if !(3..=9).contains(&word.len())
        || !matches!(first, b'z' | b'o' | b't' | b'f' | b's' | b'e' | b'n')
    {
        return None;
    }
    factcheck_claims::text::number_word(word)
}

/// A number written in the text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number {
    pub value: f64,
    /// First and last token (inclusive) of the number with its multiplier and percent sign.
    pub first: usize,
    pub last: usize,
    /// Digits after the decimal point as written.
    pub decimals: u32,
    /// Followed by `%`, "percent" or "per cent".
    pub percent: bool,
    /// Followed by "percentage point(s)" or "points".
    pub points: bool,
    /// Written as a word ("six").
    pub word: bool,
    /// Four plain digits with no multiplier that the grammar reads as a bare year
    /// ([`factcheck_claims::text::is_bare_year`]: 1800 to 2200): most likely a year.
    pub year_like: bool,
    /// The number was written with a multiplier word ("million").
    pub multiplied: bool,
    /// The multiplier (1 when none).
    pub scale: f64,
}

/// Reads the number that starts at token `i`, if one does (digits or a number word, an optional
/// currency sign before, an optional multiplier and percent sign after).
pub fn number_at(toks: &[Tok<'_>], i: usize) -> Option<Number> {
    let first = i;
    let mut j = i;
    let tok = toks.get(j)?;
    if tok.kind == Kind::Punct && matches!(tok.text, "$" | "€" | "£") {
        let next = toks.get(j + 1)?;
        if next.kind != Kind::Num || next.space_before {
            return None;
        }
        j += 1;
    } else if tok.kind == Kind::Punct {
        return None;
    }
    let tok = toks.get(j)?;
    let (mut value, decimals, word) = match tok.kind {
        Kind::Num => {
            let cleaned = if tok.text.contains(',') {
                std::borrow::Cow::Owned(tok.text.replace(',', ""))
            } else {
                std::borrow::Cow::Borrowed(tok.text)
            };
            let value: f64 = cleaned.parse().ok()?;
            let decimals = cleaned
                .split_once('.')
                .map_or(0, |(_, d)| u32::try_from(d.len()).unwrap_or(u32::MAX));
            (value, decimals, false)
        }
        Kind::Word => {
            let tens = word_number(tok.text)?;
            let mut v = tens;
            // "twenty-one"
            if tens >= 20
                && tens % 10 == 0
                && toks
                    .get(j + 1)
                    .is_some_and(|t| t.is_punct('-') && !t.space_before)
                && let Some(ones) = toks.get(j + 2).filter(|t| !t.space_before)
                && let Some(o) = word_number(ones.text).filter(|&o| (1..10).contains(&o))
            {
                v += o;
                j += 2;
            }
            (f64::from(v), 0, true)
        }
        Kind::Punct => return None,
    };
    if i > 0 && !toks[i].space_before {
        // Not the tail of something longer such as "2023-09-17", "1-2", "A4" or "forty-two".
        let prev = &toks[i - 1];
        if prev.kind != Kind::Punct || matches!(prev.text, "-" | "/" | "." | ":") {
            return None;
        }
    }
    let year_like = tok.is_plain_digits()
        && tok.text.len() == 4
        && factcheck_claims::text::is_bare_year(value)
        && toks[first].kind == Kind::Num;
    let mut multiplied = false;
    let mut scale = 1.0;
    if let Some(next) = toks.get(j + 1) {
        // The grammar's multipliers: "million", "hundred", "dozen", and "bn", "k", "m" written
        // onto the digits.
        let factor = (next.kind == Kind::Word)
            .then(|| factcheck_claims::text::multiplier(next.text, !next.space_before))
            .flatten();
        if let Some(f) = factor {
            value *= f;
            scale = f;
            multiplied = true;
            j += 1;
        }
    }
    let mut percent = false;
    let mut points = false;
    if let Some(next) = toks.get(j + 1) {
        if next.is_punct('%') {
            percent = true;
            j += 1;
        } else if next.is("percent") {
            percent = true;
            j += 1;
            if toks
                .get(j + 1)
                .is_some_and(|t| t.is("points") || t.is("point"))
            {
                points = true;
                j += 1;
            }
        } else if next.is("per") && toks.get(j + 2).is_some_and(|t| t.is("cent")) {
            percent = true;
            j += 2;
        } else if next.is("percentage")
            && toks
                .get(j + 2)
                .is_some_and(|t| t.is("points") || t.is("point"))
        {
            points = true;
            j += 2;
        } else if next.is("points") || next.is("point") {
            points = true;
            j += 1;
        }
        if percent
            && !points
            && toks
                .get(j + 1)
                .is_some_and(|t| t.is("points") || t.is("point"))
        {
            points = true;
            j += 1;
        }
    }
    Some(Number {
        value,
        first,
        last: j,
        decimals,
        percent: percent && !points,
        points,
        word,
        year_like: year_like && !multiplied && !percent && !points,
        multiplied,
        scale,
    })
}

/// The month a capitalised word names ("September", "Sept", "Sep"), 1-based, and whether it is
/// abbreviated: the grammar's lexicon ([`factcheck_claims::text::month_of`]).
pub fn month_of(tok: &Tok<'_>) -> Option<(i8, bool)> {
    // Most words fail on their length or first two letters (and a capital letter that is not
    // ASCII names no month), before the lexicon is probed.
    let b = tok.text.as_bytes();
    let (first, second) = match b {
        [f, s, ..] => (*f, s.to_ascii_lowercase()),
        _ => return None,
    };
    if tok.kind != Kind::Word
        || b.len() > 9
        || !matches!(first, b'J' | b'F' | b'M' | b'A' | b'S' | b'O' | b'N' | b'D')
        || !matches!(second, b'a' | b'e' | b'p' | b'u' | b'c' | b'o')
    {
        return None;
    }
    factcheck_claims::text::month_of(tok.text)
}

/// The weekday a capitalised word written in full names ("Friday"): the grammar's lexicon
/// ([`factcheck_claims::text::weekday_of`]).
pub fn weekday_of(tok: &Tok<'_>) -> Option<Weekday> {
    let b = tok.text.as_bytes();
    let (first, second) = match b {
        [f, s, ..] => (*f, s.to_ascii_lowercase()),
        _ => return None,
    };
    if tok.kind != Kind::Word
        || !(6..=9).contains(&b.len())
        || !matches!(first, b'M' | b'T' | b'W' | b'F' | b'S')
        || !matches!(second, b'o' | b'u' | b'e' | b'h' | b'r' | b'a')
    {
        return None;
    }
    factcheck_claims::text::weekday_of(tok.text)
}

/// A calendar date as written, possibly impossible ("February 30") and possibly without a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawDate {
    /// First and last token (inclusive).
    pub first: usize,
    pub last: usize,
    pub year: Option<i16>,
    pub month: i8,
    pub day: Option<i8>,
    /// Set when the grammar's year precision mention gave only a year.
    pub year_only: bool,
}

/// Words after which a number is not the day of a preceding month name ("in September 31 people
/// died"): a lower-case word that does not start a clause or a phrase of time or place.
fn continues_as_count(tok: Option<&Tok<'_>>) -> bool {
    const OK: &[&str] = &[
        "and",
        "or",
        "to",
        "until",
        "till",
        "through",
        "at",
        "in",
        "on",
        "when",
        "after",
        "before",
        "while",
        "as",
        "the",
        "with",
        "for",
        "from",
        "which",
        "that",
        "where",
        "but",
        "amid",
        "during",
        "was",
        "were",
        "is",
        "will",
        "would",
        "had",
        "has",
        "have",
        "a",
        "an",
        "this",
        "by",
        "following",
        "last",
        "next",
        "between",
        "against",
        "so",
        "then",
        "than",
        "of",
        "it",
        "they",
        "he",
        "she",
        "we",
        "i",
        "its",
        "their",
        "his",
        "her",
        "our",
        "also",
        "just",
        "only",
        "alone",
        "itself",
    ];
    tok.is_some_and(|t| t.is_lowercase_word() && !t.is_any(OK))
}

fn is_ordinal_suffix(tok: Option<&Tok<'_>>) -> bool {
    tok.is_some_and(|t| !t.space_before && t.is_any(&["st", "nd", "rd", "th"]))
}

fn day_value(tok: &Tok<'_>) -> Option<i8> {
    if !tok.is_plain_digits() || tok.text.len() > 2 {
        return None;
    }
    let v: i8 = tok.text.parse().ok()?;
    (1..=31).contains(&v).then_some(v)
}

fn year_value(tok: Option<&Tok<'_>>) -> Option<i16> {
    let tok = tok?;
    if !tok.is_plain_digits() || tok.text.len() != 4 {
        return None;
    }
    let v: i16 = tok.text.parse().ok()?;
    (1000..=2999).contains(&v).then_some(v)
}

fn two_digits(tok: Option<&Tok<'_>>) -> Option<i8> {
    let tok = tok?;
    if !tok.is_plain_digits() || tok.text.len() != 2 || tok.space_before {
        return None;
    }
    tok.text.parse().ok()
}

/// Prepositions after which a lone month name ("in September") is a date.
const MONTH_PREPOSITIONS: &[&str] = &[
    "in", "since", "by", "until", "till", "during", "of", "early", "late", "mid", "from", "to",
    "through", "last", "next", "this", "before", "after",
];

/// Finds the dates written in `toks`: "September 17", "Sept. 17, 2023", "17 September 2023",
/// "17th of September", "2023-09-17", "November 2020" and "in September". Impossible days
/// ("February 30") are returned too; a number above 31 is never a day.
pub fn find_dates(toks: &[Tok<'_>]) -> Vec<RawDate> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // A date starts with a year or a day (digits), or a month name (a word).
        let found = match toks[i].kind {
            Kind::Num => iso_at(toks, i).or_else(|| day_first_at(toks, i)),
            Kind::Word => month_first_at(toks, i),
            Kind::Punct => None,
        };
        if let Some(d) = found {
            i = d.last + 1;
            out.push(d);
        } else {
            i += 1;
        }
    }
    out
}

fn iso_at(toks: &[Tok<'_>], i: usize) -> Option<RawDate> {
    let year = year_value(toks.get(i))?;
    if i > 0 && !toks[i].space_before && !toks[i - 1].is_punct('(') && !toks[i - 1].is_punct('"') {
        return None;
    }
    let dash = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.is_punct('-') && !t.space_before)
    };
    if !dash(i + 1) || !dash(i + 3) {
        return None;
    }
    let month = two_digits(toks.get(i + 2))?;
    let day = two_digits(toks.get(i + 4))?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    // Not part of a longer code such as 2023-09-17-01 or 2023-09-170.
    if toks
        .get(i + 5)
        .is_some_and(|t| !t.space_before && (t.is_punct('-') || t.kind != Kind::Punct))
    {
        return None;
    }
    Some(RawDate {
        first: i,
        last: i + 4,
        year: Some(year),
        month,
        day: Some(day),
        year_only: false,
    })
}

fn month_first_at(toks: &[Tok<'_>], i: usize) -> Option<RawDate> {
    let (month, short) = month_of(toks.get(i)?)?;
    let mut j = i + 1;
    if short
        && toks
            .get(j)
            .is_some_and(|t| t.is_punct('.') && !t.space_before)
    {
        j += 1;
    }
    let lone = || {
        let prev = i.checked_sub(1).and_then(|p| toks.get(p));
        let mid_prev = i.checked_sub(2).and_then(|p| toks.get(p));
        // "in September", "since mid-September", "early September"
        let ok = prev.is_some_and(|p| p.is_any(MONTH_PREPOSITIONS))
            || prev.is_some_and(|p| p.is_punct('-') && !p.space_before)
                && mid_prev.is_some_and(|p| p.is("mid"));
        ok.then_some(RawDate {
            first: i,
            last: i,
            year: None,
            month,
            day: None,
            year_only: false,
        })
    };
    let Some(tok) = toks.get(j) else {
        return lone();
    };
    if let Some(day) = day_value(tok) {
        let mut k = j + 1;
        if is_ordinal_suffix(toks.get(k)) {
            k += 1;
        }
        // ", 2023" or " 2023"
        let (year_at, has_comma) = if toks.get(k).is_some_and(|t| t.is_punct(',')) {
            (k + 1, true)
        } else {
            (k, false)
        };
        if let Some(year) = year_value(toks.get(year_at))
            && !continues_as_count(toks.get(year_at + 1))
            && !toks
                .get(year_at + 1)
                .is_some_and(|t| !t.space_before && t.kind != Kind::Punct)
            && (has_comma || toks.get(year_at).is_some_and(|t| t.space_before))
        {
            return Some(RawDate {
                first: i,
                last: year_at,
                year: Some(year),
                month,
                day: Some(day),
                year_only: false,
            });
        }
        if continues_as_count(toks.get(k)) {
            return lone();
        }
        // "September 17-19": a range; its first day is still a date.
        return Some(RawDate {
            first: i,
            last: k - 1,
            year: None,
            month,
            day: Some(day),
            year_only: false,
        });
    }
    if let Some(year) = year_value(Some(tok))
        && !continues_as_count(toks.get(j + 1))
    {
        return Some(RawDate {
            first: i,
            last: j,
            year: Some(year),
            month,
            day: None,
            year_only: false,
        });
    }
    lone()
}

fn day_first_at(toks: &[Tok<'_>], i: usize) -> Option<RawDate> {
    let day = day_value(toks.get(i)?)?;
    if i > 0 {
        let prev = &toks[i - 1];
        if !toks[i].space_before && !prev.is_punct('(') {
            return None;
        }
        if matches!(prev.text, "$" | "€" | "£" | "-" | "/" | ".") {
            return None;
        }
    }
    let mut j = i + 1;
    if is_ordinal_suffix(toks.get(j)) {
        j += 1;
    }
    if toks.get(j).is_some_and(|t| t.is("of")) {
        j += 1;
    }
    let (month, short) = month_of(toks.get(j)?)?;
    let mut last = j;
    if short
        && toks
            .get(j + 1)
            .is_some_and(|t| t.is_punct('.') && !t.space_before)
    {
        last += 1;
    }
    let year_at = if toks.get(last + 1).is_some_and(|t| t.is_punct(',')) {
        last + 2
    } else {
        last + 1
    };
    let mut year = None;
    if let Some(y) = year_value(toks.get(year_at))
        && !continues_as_count(toks.get(year_at + 1))
        && !toks
            .get(year_at + 1)
            .is_some_and(|t| !t.space_before && t.kind != Kind::Punct)
    {
        year = Some(y);
        last = year_at;
    }
    Some(RawDate {
        first: i,
        last,
        year,
        month,
        day: Some(day),
        year_only: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str) -> Vec<(Option<i16>, i8, Option<i8>, String)> {
        let toks = tokenize(text);
        find_dates(&toks)
            .into_iter()
            .map(|d| {
                (
                    d.year,
                    d.month,
                    d.day,
                    text[toks[d.first].start..toks[d.last].end].to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn tokens_keep_numbers_whole() {
        let toks = tokenize("Over 100,000 fled; 3.5% rose. U.S.");
        let texts: Vec<&str> = toks.iter().map(|t| t.text).collect();
        assert_eq!(
            texts,
            [
                "Over", "100,000", "fled", ";", "3.5", "%", "rose", ".", "U", ".", "S", "."
            ]
        );
        assert!(toks[1].space_before && !toks[5].space_before);
    }

    #[test]
    fn tokens_of_text_beyond_ascii() {
        // Letters beyond ASCII stay in their word; Unicode white space separates tokens.
        let toks = tokenize("Ünïcode\u{a0}café\u{2009}—\x0Bvt 3.5 ½");
        let texts: Vec<&str> = toks.iter().map(|t| t.text).collect();
        assert_eq!(texts, ["Ünïcode", "café", "—", "vt", "3.5", "½"]);
        let kinds: Vec<Kind> = toks.iter().map(|t| t.kind).collect();
        assert_eq!(
            kinds,
            [
                Kind::Word,
                Kind::Word,
                Kind::Punct,
                Kind::Word,
                Kind::Num,
                Kind::Punct
            ]
        );
        assert!(toks.iter().all(|t| t.space_before));
        // The quick filters let every month and weekday name through to the lexicon.
        for m in [
            "January",
            "Jan",
            "February",
            "Feb",
            "March",
            "Mar",
            "April",
            "Apr",
            "May",
            "June",
            "Jun",
            "July",
            "Jul",
            "August",
            "Aug",
            "September",
            "Sept",
            "Sep",
            "October",
            "Oct",
            "November",
            "Nov",
            "December",
            "Dec",
        ] {
            for w in [m.to_string(), m.to_ascii_uppercase()] {
                let t = tokenize(&w)[0];
                assert_eq!(month_of(&t), factcheck_claims::text::month_of(&w), "{w}");
                assert!(month_of(&t).is_some(), "{w}");
            }
        }
        for d in [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ] {
            for w in [d.to_string(), d.to_ascii_uppercase()] {
                assert!(weekday_of(&tokenize(&w)[0]).is_some(), "{w}");
            }
        }
        assert_eq!(month_of(&tokenize("Sept")[0]), Some((9, true)));
        assert_eq!(month_of(&tokenize("MAY")[0]), Some((5, false)));
        assert_eq!(month_of(&tokenize("may")[0]), None);
        assert_eq!(weekday_of(&tokenize("Friday")[0]), Some(Weekday::Friday));
        assert_eq!(word_number("Ninety"), Some(90));
        assert_eq!(word_number("nine-ty"), None);
    }

    #[test]
    fn finds_dates_in_each_form() {
        assert_eq!(
            dates("On Friday, September 20, 2023, they met")[0],
            (Some(2023), 9, Some(20), "September 20, 2023".into())
        );
        assert_eq!(
            dates("met on 17 September 2023.")[0],
            (Some(2023), 9, Some(17), "17 September 2023".into())
        );
        assert_eq!(
            dates("the 17th of Sept. last")[0],
            (None, 9, Some(17), "17th of Sept.".into())
        );
        assert_eq!(
            dates("on 2023-02-29 at")[0],
            (Some(2023), 2, Some(29), "2023-02-29".into())
        );
        assert_eq!(
            dates("brokered in November 2020, ending")[0],
            (Some(2020), 11, None, "November 2020".into())
        );
        assert_eq!(
            dates("on February 30 the")[0],
            (None, 2, Some(30), "February 30".into())
        );
        assert_eq!(
            dates("since September 24, according")[0],
            (None, 9, Some(24), "September 24".into())
        );
        assert_eq!(
            dates("in September")[0],
            (None, 9, None, "September".into())
        );
    }

    #[test]
    fn counts_after_a_month_are_not_days() {
        assert_eq!(
            dates("In September 31 soldiers died"),
            vec![(None, 9, None, "September".into())]
        );
        assert!(dates("September 45").is_empty());
        assert_eq!(dates("on May 5 they").len(), 1);
        assert!(dates("They may come").is_empty());
        assert!(dates("version 2023-09-17-01").is_empty());
        // "September 17, 2,000 people": the grouped number is no year.
        assert_eq!(dates("on September 17, 2,000 people")[0].0, None);
    }

    #[test]
    fn numbers_with_words_multipliers_and_percent() {
        let toks =
            tokenize("a 20% increase, $1.2bn, forty-two, 3.5 per cent, 10 percentage points");
        let n = number_at(&toks, 1).unwrap();
        assert!(n.percent && n.value == 20.0 && n.decimals == 0);
        let i = toks.iter().position(|t| t.text == "$").unwrap();
        let n = number_at(&toks, i).unwrap();
        assert_eq!(n.value, 1.2e9);
        let i = toks.iter().position(|t| t.text == "forty").unwrap();
        let n = number_at(&toks, i).unwrap();
        assert_eq!((n.value, n.word), (42.0, true));
        let i = toks.iter().position(|t| t.text == "3.5").unwrap();
        let n = number_at(&toks, i).unwrap();
        assert!(n.percent && n.decimals == 1);
        let i = toks.iter().position(|t| t.text == "10").unwrap();
        let n = number_at(&toks, i).unwrap();
        assert!(n.points && !n.percent);
        assert!(number_at(&tokenize("in 2023 they"), 1).unwrap().year_like);
    }
}
