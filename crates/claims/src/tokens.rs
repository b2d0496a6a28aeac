//! Words, numbers and punctuation of one sentence, and the nom input that lets the claim and
//! mention grammars parse over them.
//!
//! The tokenizer makes one pass over the sentence. A word keeps its internal joiners ("U.S.A",
//! "3.5", "100,000", "Nagorno-Karabakh", "O'Brien", "10:30") but not a final full stop, and a
//! possessive `'s` is a token of its own so that "Washington's" gives the organisation
//! "Washington". Every token carries its byte range into the text and its lexicon entry.

use nom::{IResult, Input, Needed};

use crate::lexicon::{self, Entry, Kw};

/// Flags of a token.
pub(crate) mod flag {
    /// The first character is an upper-case letter.
    pub const CAP: u8 = 1;
    /// Every letter is upper case and there is at least one ("US", "ICJ", "U.S").
    pub const ALLCAPS: u8 = 2;
    /// Contains a digit.
    pub const DIGIT: u8 = 4;
    /// Contains a hyphen.
    pub const HYPHEN: u8 = 8;
    /// Contains an internal full stop ("U.S", "3.5").
    pub const DOTTED: u8 = 16;
    /// The first character is a lower-case letter.
    pub const LOWER: u8 = 32;
    /// A lower-case word of four or more bytes ending in "ed" (a possible past tense).
    pub const ED: u8 = 64;
    /// Holds a joiner of any kind (`-`, `.`, `,`, `:`, `'`, `_`, `@`, `/`, `&`): the token is
    /// more than one run of letters or digits.
    pub const JOINED: u8 = 128;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    /// Digits with `,` and `.` separators only ("100,000", "3.5", "2020").
    Number,
    /// A possessive `'s` or `’s`.
    Poss,
    Punct(char),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub flags: u8,
    pub lex: Entry,
}

impl Tok {
    pub fn has(&self, f: u8) -> bool {
        self.flags & f != 0
    }

    pub fn is(&self, class: u32) -> bool {
        self.lex.is(class)
    }

    pub fn kw(&self) -> Kw {
        self.lex.kw
    }

    pub fn is_word(&self) -> bool {
        matches!(self.kind, Kind::Word | Kind::Number)
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }

    /// A word that starts with a capital letter.
    pub fn is_cap_word(&self) -> bool {
        self.kind == Kind::Word && self.has(flag::CAP)
    }

    /// A word that starts with a lower-case letter.
    pub fn is_lower_word(&self) -> bool {
        self.kind == Kind::Word && self.has(flag::LOWER)
    }
}

fn is_joiner_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

fn is_alnum_at(text: &str, i: usize, end: usize) -> bool {
    i < end && char_at(text, i).is_some_and(char::is_alphanumeric)
}

/// A possessive `s` at `i`: `s` or `S` not followed by a letter or digit.
fn is_poss_s(text: &str, i: usize, end: usize) -> bool {
    let b = text.as_bytes();
    i < end && (b[i] == b's' || b[i] == b'S') && !is_alnum_at(text, i + 1, end)
}

thread_local! {
    /// A token buffer for [`crate::text::tokenize`], reused from one call to the next.
    pub(crate) static TOKS: std::cell::RefCell<Vec<Tok>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Tokenizes `text[start..end]` into `out` (cleared first).
pub(crate) fn tokenize(text: &str, start: usize, end: usize, out: &mut Vec<Tok>) {
    out.clear();
    let table = lexicon::table();
    let b = text.as_bytes();
    let end = end.min(text.len());
    let mut i = start;
    while i < end {
        let c0 = b[i];
        if c0 < 0x80 {
            if c0.is_ascii_alphanumeric() {
                i = word(table, text, i, end, out);
            } else if c0 <= b' ' || c0 == 0x7f {
                i += 1;
            } else if c0 == b'\'' && is_poss_s(text, i + 1, end) && adjacent_word(out, i) {
                push(out, i, i + 2, Kind::Poss, 0);
                i += 2;
            } else {
                push(out, i, i + 1, Kind::Punct(c0 as char), 0);
                i += 1;
            }
        } else {
            let Some(c) = char_at(text, i) else { break };
            let len = c.len_utf8();
            if c.is_alphanumeric() {
                i = word(table, text, i, end, out);
            } else if c.is_whitespace() || c.is_control() {
                i += len;
            } else if c == '’' && is_poss_s(text, i + len, end) && adjacent_word(out, i) {
                push(out, i, i + len + 1, Kind::Poss, 0);
                i += len + 1;
            } else {
                push(out, i, i + len, Kind::Punct(c), 0);
                i += len;
            }
        }
    }
}

fn adjacent_word(out: &[Tok], i: usize) -> bool {
    out.last().is_some_and(|t| t.end == i && t.is_word())
}

fn push(out: &mut Vec<Tok>, start: usize, end: usize, kind: Kind, flags: u8) {
    out.push(Tok {
        start,
        end,
        kind,
        flags,
        lex: Entry::NONE,
    });
}

const DIGIT_C: u8 = 1;
const UPPER: u8 = 2;
const LOWER_C: u8 = 4;

/// ASCII letters and digits (0 for everything else, including non-ASCII bytes).
const fn ascii_table() -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut c = 0;
    while c < 128 {
        let b = c as u8;
        t[c] = if b.is_ascii_digit() {
            DIGIT_C
        } else if b.is_ascii_uppercase() {
            UPPER
        } else if b.is_ascii_lowercase() {
            LOWER_C
        } else {
            0
        };
        c += 1;
    }
    t
}
static ASCII: [u8; 256] = ascii_table();

/// Reads one word from `i` (an alphanumeric character) and pushes it; returns its end.
#[inline(always)]
fn word(table: &lexicon::Table, text: &str, i: usize, end: usize, out: &mut Vec<Tok>) -> usize {
    let b = text.as_bytes();
    let mut j = i;
    let mut flags = 0u8;
    // The OR of the ASCII classes seen, and the same for other letters and digits.
    let mut acc = 0u8;
    let mut wide = 0u8;
    // Joiners that make the word not a plain number (hyphen, apostrophe, …).
    let mut joined_non_numeric = false;
    match ASCII[b[i] as usize] {
        UPPER => flags |= flag::CAP,
        LOWER_C => flags |= flag::LOWER,
        0 => {
            if let Some(c) = char_at(text, i) {
                if c.is_uppercase() {
                    flags |= flag::CAP;
                } else if c.is_lowercase() {
                    flags |= flag::LOWER;
                }
            }
        }
        _ => {}
    }
    loop {
        // A run of ASCII letters and digits (the hot loop: no bounds checks).
        let run = b.get(j..end).unwrap_or(&[]);
        let mut n = 0;
        for &byte in run {
            let c = ASCII[byte as usize];
            if c == 0 {
                break;
            }
            acc |= c;
            n += 1;
        }
        j += n;
        // Other letters and digits, if any.
        while j < end {
            let c = ASCII[b[j] as usize];
            if c != 0 {
                acc |= c;
                j += 1;
            } else if b[j] < 0x80 {
                break;
            } else {
                let Some(c) = char_at(text, j) else { break };
                if !c.is_alphanumeric() {
                    break;
                }
                wide |= if c.is_uppercase() {
                    UPPER
                } else if c.is_lowercase() {
                    LOWER_C
                } else if c.is_numeric() {
                    DIGIT_C
                } else {
                    // A letter without case (CJK, Arabic…).
                    LOWER_C | UPPER
                };
                j += c.len_utf8();
            }
        }
        if j >= end {
            break;
        }
        // A joiner followed by another run (most words end at a space: decide that fast).
        if !matches!(
            b[j],
            b'-' | b'.' | b',' | b':' | b'\'' | b'_' | b'@' | b'/' | b'&' | 0x80..
        ) {
            break;
        }
        let Some(c) = char_at(text, j) else { break };
        let len = c.len_utf8();
        let next_alnum = is_alnum_at(text, j + len, end);
        let letters_so_far = (acc | wide) & (UPPER | LOWER_C) != 0;
        let joined = match c {
            _ if is_joiner_dash(c) => {
                if next_alnum {
                    flags |= flag::HYPHEN;
                    joined_non_numeric = true;
                }
                next_alnum
            }
            '.' => {
                if next_alnum {
                    flags |= flag::DOTTED;
                }
                next_alnum
            }
            ',' => {
                // Digit grouping: exactly three digits, then no digit.
                !letters_so_far
                    && !joined_non_numeric
                    && j + 4 <= end
                    && b[j + 1..j + 4].iter().all(u8::is_ascii_digit)
                    && !(j + 4 < end && b[j + 4].is_ascii_digit())
            }
            ':' => {
                let ok =
                    j > i && b[j - 1].is_ascii_digit() && j + 1 < end && b[j + 1].is_ascii_digit();
                joined_non_numeric |= ok;
                ok
            }
            '\'' | '’' => {
                let ok = next_alnum && !is_poss_s(text, j + len, end);
                joined_non_numeric |= ok;
                ok
            }
            '_' | '@' | '/' | '&' => {
                joined_non_numeric |= next_alnum;
                next_alnum
            }
            _ => false,
        };
        if !joined {
            break;
        }
        flags |= flag::JOINED;
        j += len;
    }
    let all = acc | wide;
    if all & DIGIT_C != 0 {
        flags |= flag::DIGIT;
    }
    // Every letter upper case: some upper-case letter and no lower-case one.
    if all & UPPER != 0 && all & LOWER_C == 0 {
        flags |= flag::ALLCAPS;
    }
    if flags & flag::LOWER != 0 && j - i >= 4 && b[..j].ends_with(b"ed") {
        flags |= flag::ED;
    }
    let numeric = all == DIGIT_C && wide == 0 && !joined_non_numeric;
    let kind = if numeric { Kind::Number } else { Kind::Word };
    let lex = if kind == Kind::Word {
        lexicon::lookup_in(table, b, i, j)
    } else {
        Entry::NONE
    };
    out.push(Tok {
        start: i,
        end: j,
        kind,
        flags,
        lex,
    });
    j
}

/// The nom input of the claim and mention grammars: a run of tokens and the text they index.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Toks<'a> {
    pub toks: &'a [Tok],
    pub text: &'a str,
}

impl<'a> Toks<'a> {
    pub fn new(toks: &'a [Tok], text: &'a str) -> Self {
        Toks { toks, text }
    }

    pub fn str(&self, t: &Tok) -> &'a str {
        self.text.get(t.start..t.end).unwrap_or("")
    }
}

impl<'a> Input for Toks<'a> {
    type Item = &'a Tok;
    type Iter = std::slice::Iter<'a, Tok>;
    type IterIndices = std::iter::Enumerate<std::slice::Iter<'a, Tok>>;

    fn input_len(&self) -> usize {
        self.toks.len()
    }

    fn take(&self, index: usize) -> Self {
        Toks {
            toks: &self.toks[..index],
            text: self.text,
        }
    }

    fn take_from(&self, index: usize) -> Self {
        Toks {
            toks: &self.toks[index..],
            text: self.text,
        }
    }

    fn take_split(&self, index: usize) -> (Self, Self) {
        let (prefix, suffix) = self.toks.split_at(index);
        (
            Toks {
                toks: suffix,
                text: self.text,
            },
            Toks {
                toks: prefix,
                text: self.text,
            },
        )
    }

    fn position<P>(&self, predicate: P) -> Option<usize>
    where
        P: Fn(Self::Item) -> bool,
    {
        self.toks.iter().position(predicate)
    }

    fn iter_elements(&self) -> Self::Iter {
        self.toks.iter()
    }

    fn iter_indices(&self) -> Self::IterIndices {
        self.toks.iter().enumerate()
    }

    fn slice_index(&self, count: usize) -> Result<usize, Needed> {
        if self.toks.len() >= count {
            Ok(count)
        } else {
            Err(Needed::new(count - self.toks.len()))
        }
    }
}

/// A parser over tokens. The error type is `()`: the grammars only ever ask "does this match".
pub(crate) type PResult<'a, O> = IResult<Toks<'a>, O, ()>;

/// One token satisfying `pred`.
pub(crate) fn tok<'a>(pred: impl Fn(&Tok) -> bool) -> impl Fn(Toks<'a>) -> PResult<'a, &'a Tok> {
    move |i: Toks<'a>| match i.toks.first() {
        Some(t) if pred(t) => Ok((i.take_from(1), t)),
        _ => Err(nom::Err::Error(())),
    }
}

/// One token that is the keyword `k`.
pub(crate) fn kw<'a>(k: Kw) -> impl Fn(Toks<'a>) -> PResult<'a, &'a Tok> {
    tok(move |t| t.kind == Kind::Word && t.lex.kw == k)
}

/// One token in the lexicon class `c`.
pub(crate) fn cls<'a>(c: u32) -> impl Fn(Toks<'a>) -> PResult<'a, &'a Tok> {
    tok(move |t| t.kind == Kind::Word && t.lex.is(c))
}

/// One punctuation token `c`.
pub(crate) fn punct<'a>(c: char) -> impl Fn(Toks<'a>) -> PResult<'a, &'a Tok> {
    tok(move |t| t.kind == Kind::Punct(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokenize(text, 0, text.len(), &mut out);
        out.iter().map(|t| &text[t.start..t.end]).collect()
    }

    #[test]
    fn keeps_joined_words_and_splits_possessives() {
        assert_eq!(
            words("Washington's U.S. envoy paid $1.2bn to 100,000 Nagorno-Karabakh residents."),
            [
                "Washington",
                "'s",
                "U.S",
                ".",
                "envoy",
                "paid",
                "$",
                "1.2bn",
                "to",
                "100,000",
                "Nagorno-Karabakh",
                "residents",
                "."
            ]
        );
        assert_eq!(
            words("Baku’s O'Brien wasn't"),
            ["Baku", "’s", "O'Brien", "wasn't"]
        );
        assert_eq!(
            words("1,2 10:30 2023-09-17"),
            ["1", ",", "2", "10:30", "2023-09-17"]
        );
    }

    #[test]
    fn classifies_numbers_and_flags() {
        let text = "100,000 3.5 EU Éva élan 44-day";
        let mut out = Vec::new();
        tokenize(text, 0, text.len(), &mut out);
        assert_eq!(out[0].kind, Kind::Number);
        assert_eq!(out[1].kind, Kind::Number);
        assert!(out[2].has(flag::ALLCAPS) && out[2].has(flag::CAP));
        assert!(out[3].has(flag::CAP) && !out[3].has(flag::ALLCAPS));
        assert!(out[4].has(flag::LOWER));
        assert_eq!(out[5].kind, Kind::Word);
        assert!(out[5].has(flag::HYPHEN) && out[5].has(flag::DIGIT));
    }

    #[test]
    fn handles_odd_characters() {
        let text = "a\u{0}b \u{2028} 🙂 x\r\n’s";
        let mut out = Vec::new();
        tokenize(text, 0, text.len(), &mut out);
        for t in &out {
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        }
    }
}
