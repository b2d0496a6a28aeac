//! Sentence boundaries inside one block of text.
//!
//! One forward pass over the block's bytes. Only `.`, `!`, `?`, `…`, bullets, line breaks (and,
//! inside a numbered list, spaces) are looked at; everything else is skipped by a table lookup.
//! At a candidate the decision reads a bounded neighbourhood: the word before a full stop (at most
//! [`WORD_LOOKBACK`] bytes), the dots of an ellipsis, closing quotes and brackets, and the first
//! character of the next word. So the pass is linear in the block whatever its content.
//!
//! The rules, in the order they apply at a full stop:
//! - a full stop followed directly by a letter or digit is inside a word ("3.5", "U.S.A",
//!   "example.com"), except a citation mark run into the text after a word: "disputed.[4]",
//!   "the region.7 8", "disputed.²" end the sentence after the mark when whitespace and a capital
//!   follow (digits only after a lower-case letter and not after a word that takes a number, so
//!   "3.5", "fig.3" and "No.5" stay);
//! - ellipses: three dots ("...", ". . .") continue the sentence; four end it when a capital
//!   follows; "word. . . . Next" ends after the word's own full stop;
//! - a lower-case next word continues the sentence ("Co. at noon", "'This is great.' she said");
//! - a parenthesis or bracket next that closes on the same line and is followed by a lower-case
//!   word or a comma sits inside the sentence ("Acme Holdings Ltd. (“Acme”) and …");
//! - a digit next continues after an abbreviation that takes a number ("p. 55", "No. 5",
//!   "Sept. 17") and ends the sentence otherwise;
//! - a capital next continues after a title ("Dr. Smith", "Mt. Fuji"), after an initial of a name
//!   ("Jonas E. Smith") and after "e.g.", "i.e.", "cf.", "vs.";
//! - after a clock time ("a.m.", "p.m.", "pm.") a capital continues when the time opens its
//!   clause (only prepositions, qualifiers and adverbs between the sentence start, a comma, a
//!   colon, a semicolon or a conjunction and the number: "At 5 a.m. Mr. Smith went …", ", and by
//!   11 p.m. Ms. Roe …") or is a weekday, month or time zone ("9 a.m. Thursday", "8 a.m. GMT");
//!   a time that closes its clause ends the sentence ("… closed at 8 p.m. Counting began …",
//!   "… left the bank at 6 P.M. Mr. Smith then …"). Letter case ("a.m." / "P.M.") never decides;
//! - after any other abbreviation — a dotted acronym ("U.S.", "E.U.", "B.C.") or one of the
//!   lexicon's ("Inc.", "etc.", "oz.", "Jan.") — a capital ends the sentence unless it continues a
//!   name: a role or organisation word, or one of the lexicon's words that follow an
//!   abbreviation ("U.S. Government", "U.S. Air Force", "U.N. Security Council", "Acme Inc.
//!   Chairman"), so "… ambassador to the U.S. Crowds gathered …", "… 300 B.C. Later rulers …" and
//!   "… weighed 12 oz. Staff …" end there. A title is not such a word ("… to the U.S. Mr. Biden
//!   said" ends after "U.S.");
//! - after any other word a capital ends the sentence.
//!
//! `!` and `?` (and runs of them with full stops: "!!!", "?!", "?!?!") end a sentence before
//! whitespace and anything but a lower-case letter ("Yahoo! in …" continues); an ellipsis "…" or
//! "..." ends it before a capital other than "I".
//!
//! A quotation holds its sentences: an end inside a quotation (`"` or `“`) opened in the current
//! sentence does not end it when the quotation closes within 400 bytes and before a blank line
//! (`She said: “We lost. We will be back.” Then …` is two sentences, the first with the whole
//! quotation; `“It is safe. It was inspected,” the mayor said.` is one). A quotation left open
//! does not hold.
//!
//! Closing quotes and brackets after the full stop stay with the sentence. A list marker at the
//! start of a sentence never ends it: bullets ("•", "* ", "- "), numbers ("1.", "1.)", "1)",
//! "(1)"), letters ("a.", "a)", "(a)", "(A)", before a capital) and roman numerals ("iv.",
//! "(iv)", "II.", before a capital; an upper-case letter with a full stop is an initial, "B.
//! Obama", unless it is a roman numeral of two or more letters or "I"). A list written on one
//! line ("1. The first item 2. The second item", "(i) … (ii) …") is split before each next
//! marker (the next number, letter or numeral in the same style); a list inside a sentence
//! ("three parts: a) …, b) …") is not split.
//!
//! The word lists (titles, abbreviations, the words that continue a name, time zones) are the
//! lexicon's (`lexicon::SBD_WORDS`); this module has none of its own.
//!
//! Line breaks inside a block are spaces, except that a line without final punctuation followed
//! by a line that starts like a sentence is a sentence of its own (a headline or standfirst), and
//! a related-link teaser line ("Read more: …") is always a sentence of its own. The headline rule
//! is off in hard-wrapped prose (a block where some line continues on the next in lower case), so
//! that "the United\nStates" stays one sentence. A sentence longer
//! than [`MAX_SENTENCE`] bytes (no punctuation at all) is cut at a space, which bounds the work
//! the claim grammar does per sentence.

use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case, take_while_m_n};
use nom::character::complete::{char as nchar, space0};
use nom::combinator::{opt, recognize};
use nom::{IResult, Parser};

use crate::lexicon::{self, Entry, Kw, class, sbd};

/// The longest sentence the splitter produces, in bytes.
pub(crate) const MAX_SENTENCE: usize = 16 * 1024;
/// How far back the word before a full stop is read.
const WORD_LOOKBACK: usize = 64;
/// How far ahead the closing mark of an open quotation is looked for.
const QUOTE_LOOKAHEAD: usize = 400;
/// How far ahead the closing bracket of a parenthesis after a full stop is looked for.
const PAREN_LOOKAHEAD: usize = 120;

/// A sentence found in a block: byte range (trimmed) and whether it is a teaser line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RawSentence {
    pub start: usize,
    pub end: usize,
    pub teaser: bool,
    /// Where the text after a leading list marker starts (== `start` without a marker).
    pub body: usize,
}

/// Byte classes: 0 = nothing to decide.
const fn class_table() -> [u8; 256] {
    let mut t = [0u8; 256];
    t[b'.' as usize] = 1;
    t[b'!' as usize] = 2;
    t[b'?' as usize] = 2;
    t[b'\n' as usize] = 3;
    t[0xE2] = 4; // …, •, ⁃
    t[b' ' as usize] = 5;
    t
}
static CLASS: [u8; 256] = class_table();

fn is_ws_byte(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | 0x0b | 0x0c)
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '}' | '»' | '›')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '«' | '‹')
}

/// Skips whitespace (any Unicode whitespace) from `i`, not beyond `end`.
fn skip_ws(text: &str, mut i: usize, end: usize) -> usize {
    let b = text.as_bytes();
    while i < end {
        if b[i] < 0x80 {
            if is_ws_byte(b[i]) {
                i += 1;
                continue;
            }
            break;
        }
        match char_at(text, i) {
            Some(c) if c.is_whitespace() => i += c.len_utf8(),
            _ => break,
        }
    }
    i
}

/// Skips whitespace other than a line feed (a line start is decided by the caller).
fn skip_inline_ws(text: &str, mut i: usize, end: usize) -> usize {
    let b = text.as_bytes();
    while i < end {
        if b[i] == b'\n' {
            break;
        }
        if b[i] < 0x80 {
            if is_ws_byte(b[i]) {
                i += 1;
                continue;
            }
            break;
        }
        match char_at(text, i) {
            Some(c) if c.is_whitespace() => i += c.len_utf8(),
            _ => break,
        }
    }
    i
}

/// Trims whitespace from the end of `start..end`.
fn trim_end(text: &str, start: usize, mut end: usize) -> usize {
    while end > start {
        match char_before(text, end) {
            Some(c) if c.is_whitespace() || c.is_control() => end -= c.len_utf8(),
            _ => break,
        }
    }
    end
}

/// A list marker: an optional bullet, then `1.`, `1.)`, `1)`, `(1)`, `a.`, `a)`, `(a)`, `iv.`,
/// `(iv)`, `II.` or `(A)`, then a space.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Marker {
    /// The number, or the letter as 1 = a.
    n: u32,
    /// The value as a roman numeral (0 when it is none).
    roman: u32,
    /// 0 digits, 1 lower-case, 2 upper-case.
    kind: u8,
    /// 0 `.`, 1 `.)`, 2 `)`, 3 `( )`.
    style: u8,
}

fn bullet(i: &str) -> IResult<&str, &str> {
    alt((
        tag("•"),
        tag("⁃"),
        tag("◦"),
        tag("▪"),
        tag("‣"),
        tag("* "),
        tag("- "),
    ))
    .parse(i)
}

/// The value of a roman numeral of `i`, `v` and `x` (either case, not mixed), up to 39.
fn roman(s: &str) -> u32 {
    let mut total = 0;
    let mut prev = 0;
    for c in s.chars().rev() {
        let v = match c.to_ascii_lowercase() {
            'i' => 1,
            'v' => 5,
            'x' => 10,
            _ => return 0,
        };
        if v < prev {
            total -= v;
        } else {
            total += v;
            prev = v;
        }
    }
    total
}

/// Parses a list marker at the start of `i`; returns the rest (after the marker and spaces) and
/// the numbered marker, if any (a bare bullet has none).
fn list_marker(i: &str) -> Option<(&str, Option<Marker>)> {
    let spaces = |i| take_while_m_n(1, 4, |c: char| c == ' ' || c == '\t').parse(i);
    let parsed: IResult<&str, _> = (
        opt(bullet),
        space0,
        opt((
            opt(nchar('(')),
            alt((
                take_while_m_n(1, 3, |c: char| c.is_ascii_digit()),
                take_while_m_n(2, 6, |c: char| matches!(c, 'i' | 'v' | 'x')),
                take_while_m_n(1, 6, |c: char| matches!(c, 'I' | 'V' | 'X')),
                take_while_m_n(1, 1, |c: char| c.is_ascii_alphabetic()),
            )),
            alt((tag(".)"), tag("."), tag(")"))),
            spaces,
        )),
    )
        .parse(i);
    let Ok((rest, (b, _, numbered))) = parsed else {
        return None;
    };
    let Some((paren, num, style, _)) = numbered else {
        return b.map(|_| (rest, None));
    };
    let first = num.as_bytes()[0];
    let kind = if first.is_ascii_digit() {
        0
    } else if first.is_ascii_lowercase() {
        1
    } else {
        2
    };
    let style = match (paren.is_some(), style) {
        (true, ")") => 3,
        (true, _) => return None,
        (false, ".") => 0,
        (false, ".)") => 1,
        (false, _) => 2,
    };
    let n = match kind {
        0 => num.parse().unwrap_or(0),
        _ if num.len() == 1 => u32::from(first.to_ascii_lowercase() - b'a') + 1,
        _ => 0,
    };
    let r = if kind == 0 { 0 } else { roman(num) };
    if kind != 0 {
        // A letter or numeral is a marker only before a capitalised item ("a. The first
        // item"), and an upper-case one with a full stop only as a roman numeral ("II. The"):
        // "B. Obama" is an initial.
        if !rest.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        if kind == 2 && style == 0 && !(r > 0 && (num.len() > 1 || num == "I")) {
            return None;
        }
        if num.len() > 1 && r == 0 {
            return None;
        }
    }
    Some((
        rest,
        Some(Marker {
            n,
            roman: r,
            kind,
            style,
        }),
    ))
}

/// Whether `i` starts with the marker after `m` (optionally after a bullet).
fn is_next_marker(i: &str, m: Marker) -> bool {
    match list_marker(i) {
        Some((_, Some(next))) => {
            next.kind == m.kind
                && next.style == m.style
                && ((m.n > 0 && next.n == m.n + 1) || (m.roman > 0 && next.roman == m.roman + 1))
        }
        _ => false,
    }
}

/// A related-link teaser at the start of a line: "Read more:", "See also:", "Related:", ….
pub(crate) fn is_teaser(line: &str) -> bool {
    // Cheap filter on the first four letters.
    let head = line.get(..4).and_then(|h| {
        lexicon::with_lower(h, |l| {
            matches!(
                l,
                b"read" | b"see " | b"also" | b"rela" | b"more" | b"watc" | b"list" | b"furt"
            )
        })
    });
    if head != Some(true) {
        return false;
    }
    let parsed: IResult<&str, _> = (
        alt((
            tag_no_case("read more"),
            tag_no_case("read also"),
            tag_no_case("also read"),
            tag_no_case("see also"),
            recognize((
                tag_no_case("related"),
                opt((
                    nchar(' '),
                    alt((
                        tag_no_case("articles"),
                        tag_no_case("article"),
                        tag_no_case("stories"),
                        tag_no_case("story"),
                        tag_no_case("news"),
                        tag_no_case("content"),
                    )),
                )),
            )),
            tag_no_case("more on this"),
            tag_no_case("more on"),
            tag_no_case("watch more"),
            tag_no_case("watch"),
            tag_no_case("listen"),
            tag_no_case("further reading"),
        )),
        space0,
        alt((tag(":"), tag("|"), tag("»"), tag("›"))),
    )
        .parse(line);
    parsed.is_ok()
}

/// The next position of a set of bytes, remembered between searches so that no byte is searched
/// twice (the scan position only moves forward).
#[derive(Default)]
struct Next {
    /// The first match at or after the last search start, or `lim` if there was none.
    pos: usize,
    /// Where the last search stopped.
    lim: usize,
}

impl Next {
    fn find(
        &mut self,
        b: &[u8],
        i: usize,
        lim: usize,
        search: impl Fn(&[u8]) -> Option<usize>,
    ) -> usize {
        if self.pos < i || (self.pos >= self.lim && self.lim < lim) {
            let from = if self.pos < i { i } else { self.lim.max(i) };
            self.pos = search(&b[from..lim]).map_or(lim, |k| from + k);
            self.lim = lim;
        }
        self.pos.min(lim)
    }
}

/// How a full stop or other terminal mark was decided.
enum Step {
    /// The sentence ends at `end`; scanning resumes at `resume`.
    Boundary { end: usize, resume: usize },
    /// No boundary; scanning resumes at `resume`.
    Continue(usize),
}

struct Splitter<'a> {
    text: &'a str,
    end: usize,
    out: &'a mut Vec<RawSentence>,
    /// Start of the current sentence (not yet trimmed).
    start: usize,
    body: usize,
    marker: Option<Marker>,
    /// The block is hard-wrapped prose (some line continues a sentence on the next line in
    /// lower case): then a line without final punctuation is not a headline.
    wrapped: bool,
    /// Quotation marks of the current sentence are counted up to here.
    q_scan: usize,
    /// The quotation open at `q_scan`, if any.
    q_open: Option<Quote>,
    /// Where the open quotation is known to close (0: not known).
    q_close: usize,
}

/// An open quotation: straight `"` or curly `“`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Quote {
    Straight,
    Curly,
}

/// Whether some line of `text[start..end]` ends without final punctuation and the next line
/// starts with a lower-case letter: the block is wrapped prose, not one line per paragraph.
fn is_wrapped(text: &str, start: usize, end: usize) -> bool {
    let b = text.as_bytes();
    memchr::memchr_iter(b'\n', &b[start..end]).any(|k| {
        let nl = start + k;
        let next = skip_inline_ws(text, nl + 1, end);
        let continues = char_at(text, next).is_some_and(char::is_lowercase) && next < end;
        let line_end = trim_end(text, start, nl);
        let open =
            char_before(text, line_end).is_some_and(|c| !matches!(c, '.' | '!' | '?' | '…' | ':'));
        continues && open
    })
}

/// Splits `text[start..end]` (one block) into sentences, appended to `out`.
pub(crate) fn split(text: &str, start: usize, end: usize, out: &mut Vec<RawSentence>) {
    let end = end.min(text.len());
    let mut sp = Splitter {
        text,
        end,
        out,
        start,
        body: start,
        marker: None,
        wrapped: is_wrapped(text, start, end),
        q_scan: start,
        q_open: None,
        q_close: 0,
    };
    sp.run(start);
}

impl Splitter<'_> {
    fn emit(&mut self, end: usize, teaser: bool) {
        let s = skip_ws(self.text, self.start, end);
        let e = trim_end(self.text, s, end);
        if e > s {
            let body = self.body.clamp(s, e);
            self.out.push(RawSentence {
                start: s,
                end: e,
                teaser,
                body,
            });
        }
        self.q_scan = end;
        self.q_open = None;
        self.q_close = 0;
    }

    /// Whether a sentence end at `at` lies inside a quotation opened in this sentence that closes
    /// within [`QUOTE_LOOKAHEAD`] bytes (and before a blank line): then the quotation's sentences
    /// stay one sentence with what frames them (`She said: “We lost. We will be back.”`). Quotation
    /// marks are counted once each, as the scan moves forward.
    fn in_quotation(&mut self, at: usize) -> bool {
        let b = self.text.as_bytes();
        let at = at.min(self.end);
        if self.q_scan < self.start {
            self.q_scan = self.start;
            self.q_open = None;
            self.q_close = 0;
        }
        let mut k = self.q_scan;
        while k < at {
            let Some(d) = memchr::memchr2(b'"', 0xE2, &b[k..at]) else {
                break;
            };
            let p = k + d;
            if b[p] == b'"' {
                self.q_open = match self.q_open {
                    Some(_) => None,
                    None => Some(Quote::Straight),
                };
                k = p + 1;
            } else {
                match char_at(self.text, p) {
                    Some('“') => self.q_open = Some(Quote::Curly),
                    Some('”') => self.q_open = None,
                    _ => {}
                }
                k = p + 1;
            }
        }
        self.q_scan = self.q_scan.max(at);
        let Some(q) = self.q_open else {
            self.q_close = 0;
            return false;
        };
        if self.q_close > at {
            return true;
        }
        let lim = (at + QUOTE_LOOKAHEAD).min(self.end);
        let hay = &b[at..lim];
        let close = match q {
            Quote::Straight => memchr::memchr(b'"', hay),
            Quote::Curly => memchr::memmem::find(hay, "”".as_bytes()),
        };
        let Some(c) = close else {
            return false;
        };
        if memchr::memmem::find(&hay[..c], b"\n\n").is_some() {
            return false;
        }
        self.q_close = at + c;
        true
    }

    /// Starts a sentence at `i` (after whitespace); returns where scanning resumes.
    fn begin(&mut self, i: usize) -> usize {
        let i = skip_inline_ws(self.text, i, self.end);
        self.start = i;
        self.body = i;
        let rest = self.text.get(i..self.end).unwrap_or("");
        match list_marker(rest) {
            Some((after, m)) => {
                let resume = self.end - after.len();
                self.body = resume;
                if m.is_some() {
                    self.marker = m;
                }
                resume
            }
            None => {
                self.marker = None;
                i
            }
        }
    }

    fn has_content(&self, upto: usize) -> bool {
        skip_ws(self.text, self.start, upto) < upto
    }

    fn run(&mut self, from: usize) {
        let b = self.text.as_bytes();
        let mut i = self.line_start(from, true);
        let mut terminal = Next::default();
        let mut line = Next::default();
        loop {
            let lim = self.end.min(self.start.saturating_add(MAX_SENTENCE));
            if self.marker.is_some() {
                // Inside a numbered list spaces matter too: look at every byte.
                while i < lim && CLASS[b[i] as usize] == 0 {
                    i += 1;
                }
            } else if i < lim {
                let t = terminal.find(b, i, lim, |s| memchr::memchr3(b'.', b'!', b'?', s));
                let l = line.find(b, i, lim, |s| memchr::memchr2(b'\n', 0xE2, s));
                i = t.min(l);
            }
            if i >= self.end {
                break;
            }
            if i >= lim {
                i = self.cut(lim);
                continue;
            }
            match CLASS[b[i] as usize] {
                1 => {
                    let step = self.period(i);
                    i = self.apply(step);
                }
                2 => {
                    let step = self.bang(i);
                    i = self.apply(step);
                }
                3 => i = self.line_start(i + 1, false),
                4 => i = self.e2(i),
                5 => i = self.space(i),
                _ => i += 1,
            }
        }
        self.emit(self.end, false);
    }

    fn apply(&mut self, step: Step) -> usize {
        match step {
            Step::Boundary { resume, .. } if self.in_quotation(resume) => resume,
            Step::Boundary { end, resume } => {
                self.emit(end, false);
                self.begin(resume)
            }
            Step::Continue(resume) => resume,
        }
    }

    /// Cuts an over-long sentence at the last space before `lim`.
    fn cut(&mut self, lim: usize) -> usize {
        let b = self.text.as_bytes();
        let floor = lim.saturating_sub(1024).max(self.start + 1);
        let mut at = lim;
        let mut k = lim;
        while k > floor {
            k -= 1;
            if is_ws_byte(b[k]) {
                at = k;
                break;
            }
        }
        while at > self.start && !self.text.is_char_boundary(at) {
            at -= 1;
        }
        if at <= self.start {
            // Cannot happen for lim > start, but never loop without progress.
            at = self.start + 1;
            while at < self.end && !self.text.is_char_boundary(at) {
                at += 1;
            }
        }
        self.emit(at, false);
        self.begin(at)
    }

    /// Handles the start of a line at `i` (after a `\n`, or the block start).
    fn line_start(&mut self, i: usize, first: bool) -> usize {
        let b = self.text.as_bytes();
        let mut c = i;
        while c < self.end && matches!(b[c], b' ' | b'\t' | b'\r') {
            c += 1;
        }
        if c >= self.end {
            return c;
        }
        if b[c] == b'\n' {
            // A blank line: a paragraph break.
            if !first && self.has_content(i) {
                self.emit(i, false);
                self.start = c;
                self.body = c;
                self.marker = None;
            }
            return c;
        }
        let line_end = memchr::memchr(b'\n', &b[c..self.end]).map_or(self.end, |k| c + k);
        if is_teaser(&self.text[c..line_end]) {
            if !first {
                self.emit(i, false);
            }
            self.start = c;
            self.body = c;
            self.emit(line_end, true);
            self.start = line_end;
            self.body = line_end;
            self.marker = None;
            return line_end;
        }
        if first || !self.has_content(i) {
            return self.begin(c);
        }
        if self.headline_break(i, c) {
            self.emit(i, false);
            return self.begin(c);
        }
        c
    }

    /// Whether the line ending just before `nl_end` (the byte after its `\n`) is a sentence of its
    /// own: it has no final punctuation and the next line (at `next`) starts like a sentence.
    fn headline_break(&self, nl_end: usize, next: usize) -> bool {
        if self.wrapped {
            return false;
        }
        let line_end = trim_end(self.text, self.start, nl_end);
        let Some(last) = char_before(self.text, line_end) else {
            return false;
        };
        if matches!(
            last,
            '.' | '!' | '?' | '…' | ',' | ';' | ':' | '-' | '–' | '—' | '(' | '/' | '&'
        ) {
            return false;
        }
        if is_closer(last) {
            let before = char_before(self.text, line_end - last.len_utf8());
            if matches!(before, Some('.' | '!' | '?' | '…' | ',')) {
                return false;
            }
        }
        let Some(nc) = char_at(self.text, next) else {
            return false;
        };
        if !(nc.is_uppercase()
            || nc.is_ascii_digit()
            || is_opener(nc)
            || matches!(nc, '•' | '-' | '*'))
        {
            return false;
        }
        // The last word of the line must not be a word that needs a continuation.
        let b = self.text.as_bytes();
        let mut ws = line_end;
        while ws > self.start && line_end - ws < WORD_LOOKBACK && !is_ws_byte(b[ws - 1]) {
            ws -= 1;
        }
        let word = lexicon::lookup(&b[ws..line_end]);
        !(word.is(class::PREP)
            || word.is(class::DET)
            || word.is(class::CONJ)
            || word.is(class::AUX))
    }

    /// A space: splits before the next marker of a numbered list.
    fn space(&mut self, i: usize) -> usize {
        if let Some(m) = self.marker {
            let rest = self.text.get(i + 1..self.end).unwrap_or("");
            if rest.as_bytes().first().is_some_and(|c| {
                c.is_ascii_alphanumeric() || matches!(*c, 0xE2 | b'(' | b'*' | b'-')
            }) && is_next_marker(rest, m)
                && self.has_content(i)
            {
                self.emit(i, false);
                return self.begin(i + 1);
            }
        }
        i + 1
    }

    /// A byte 0xE2: an ellipsis `…` or a bullet.
    fn e2(&mut self, i: usize) -> usize {
        let Some(c) = char_at(self.text, i) else {
            return i + 1;
        };
        match c {
            '…' => {
                let after = i + c.len_utf8();
                let step = self.after_ellipsis(after, true);
                self.apply(step)
            }
            '•' | '⁃' | '◦' | '▪' | '‣' => {
                let prev_ws = char_before(self.text, i).is_none_or(char::is_whitespace);
                if prev_ws && self.has_content(i) {
                    self.emit(i, false);
                    self.begin(i)
                } else {
                    i + c.len_utf8()
                }
            }
            _ => i + c.len_utf8(),
        }
    }

    /// Closing quotes and brackets from `i`; returns the position after them.
    fn closers(&self, mut i: usize) -> usize {
        while i < self.end {
            match char_at(self.text, i) {
                Some(c) if is_closer(c) => i += c.len_utf8(),
                _ => break,
            }
        }
        i
    }

    /// The first character of the next word after `e`, skipping whitespace and openers; and
    /// whether there was whitespace.
    fn next_char(&self, e: usize) -> (Option<char>, usize, bool) {
        let n = skip_ws(self.text, e, self.end);
        (char_at(self.text, n).filter(|_| n < self.end), n, n > e)
    }

    /// Whether the word at `n` is the pronoun "I".
    fn is_pronoun_i(&self, n: usize) -> bool {
        let b = self.text.as_bytes();
        n < self.end && b[n] == b'I' && (n + 1 >= self.end || !b[n + 1].is_ascii_alphanumeric())
    }

    /// `!` or `?` (and runs such as `?!`, `!!`).
    fn bang(&self, i: usize) -> Step {
        let b = self.text.as_bytes();
        let mut j = i;
        while j < self.end && matches!(b[j], b'!' | b'?' | b'.') {
            j += 1;
        }
        let e = self.closers(j);
        let (nc, _, ws) = self.next_char(e);
        match nc {
            None => Step::Boundary { end: e, resume: e },
            Some(c) if ws && !c.is_lowercase() => Step::Boundary { end: e, resume: e },
            _ => Step::Continue(e),
        }
    }

    /// After an ellipsis that ended at `after`: a boundary when a capital (not "I") follows.
    fn after_ellipsis(&self, after: usize, allow: bool) -> Step {
        let e = self.closers(after);
        let (nc, n, ws) = self.next_char(e);
        match nc {
            None => Step::Continue(e),
            Some(c) if allow && ws && c.is_uppercase() && !self.is_pronoun_i(n) => {
                Step::Boundary { end: e, resume: e }
            }
            _ => Step::Continue(e),
        }
    }

    /// A full stop at `i`.
    fn period(&self, i: usize) -> Step {
        let b = self.text.as_bytes();
        // The dots of an ellipsis, possibly spaced (". . .").
        let mut j = i;
        let mut dots = 0;
        let mut spaced = false;
        while j < self.end {
            if b[j] == b'.' {
                dots += 1;
                j += 1;
            } else if b[j] == b' ' && j + 1 < self.end && b[j + 1] == b'.' && dots >= 1 {
                spaced = true;
                j += 1;
            } else {
                break;
            }
        }
        let attached = i > self.start && !char_before(self.text, i).is_none_or(char::is_whitespace);
        if dots >= 3 {
            if attached && spaced {
                // "word. . . . Next": the word's own full stop ends the sentence.
                let e = self.closers(j);
                let (nc, _, ws) = self.next_char(e);
                return match nc {
                    Some(c) if ws && (c.is_uppercase() || c.is_ascii_digit()) => Step::Boundary {
                        end: i + 1,
                        resume: i + 1,
                    },
                    _ => Step::Continue(e),
                };
            }
            if dots >= 4 {
                let e = self.closers(j);
                let (nc, _, ws) = self.next_char(e);
                return match nc {
                    None => Step::Boundary { end: e, resume: e },
                    Some(c) if ws && (c.is_uppercase() || c.is_ascii_digit()) => {
                        Step::Boundary { end: e, resume: e }
                    }
                    _ => Step::Continue(e),
                };
            }
            return self.after_ellipsis(j, !spaced);
        }
        let e = self.closers(j);
        let (nc, n, ws) = self.next_char(e);
        let Some(nc) = nc else {
            return Step::Boundary { end: e, resume: e };
        };
        if !ws {
            if let Some(end) = self.citation(i, e) {
                return Step::Boundary { end, resume: end };
            }
            return Step::Continue(e.max(i + 1));
        }
        if nc.is_lowercase() || matches!(nc, ',' | ';' | ':' | '%') {
            return Step::Continue(e);
        }
        if matches!(nc, '(' | '[') {
            if self.parenthesis_continues(n) {
                return Step::Continue(e);
            }
            if self.bracketed_marker(n) {
                return Step::Boundary { end: e, resume: e };
            }
        }
        let word = self.word_before(i);
        if nc.is_ascii_digit() {
            return match word {
                Some(w) if takes_number(w) || is_title(w) => Step::Continue(e),
                _ => Step::Boundary { end: e, resume: e },
            };
        }
        // What decides is the first letter of the next word, after any opening quote.
        let (letter, lpos) = if is_opener(nc) {
            let after = n + nc.len_utf8();
            (
                char_at(self.text, after).filter(|_| after < self.end),
                after,
            )
        } else {
            (Some(nc), n)
        };
        let Some(letter) = letter else {
            return Step::Boundary { end: e, resume: e };
        };
        if letter.is_lowercase() {
            return Step::Continue(e);
        }
        if !letter.is_uppercase() {
            return Step::Boundary { end: e, resume: e };
        }
        let Some(w) = word else {
            return Step::Boundary { end: e, resume: e };
        };
        if is_title(w) {
            return Step::Continue(e);
        }
        if w.len() == 1 && w.as_bytes()[0].is_ascii_uppercase() {
            return if self.is_initial(i - 1, w) {
                Step::Continue(e)
            } else {
                Step::Boundary { end: e, resume: e }
            };
        }
        let cont = match abbreviation(w) {
            Abbr::None => false,
            Abbr::NeverFinal => true,
            Abbr::Time => {
                let next = self.word_at(lpos);
                next.is(class::WEEKDAY | class::MONTH)
                    || next.is_sbd(sbd::ZONE)
                    || self.time_opens_clause(i - w.len())
            }
            Abbr::MayEnd => continues_name(self.word_at(lpos)),
        };
        if cont {
            Step::Continue(e)
        } else {
            Step::Boundary { end: e, resume: e }
        }
    }

    /// A citation mark attached to the full stop at `i` (closers end at `e`): `[4]`, `[12][13]`,
    /// `7 8` (footnote numbers run into the text after a word: "the region.7 8") or superscript
    /// digits, followed by whitespace and a capital or the end of the block. Returns where the
    /// sentence ends (after the mark).
    fn citation(&self, i: usize, e: usize) -> Option<usize> {
        let b = self.text.as_bytes();
        let mut k = e;
        if b.get(k) == Some(&b'[') {
            while b.get(k) == Some(&b'[') {
                let mut m = k + 1;
                while m < self.end && m - k <= 4 && b[m].is_ascii_alphanumeric() {
                    m += 1;
                }
                if m == k + 1 || b.get(m) != Some(&b']') {
                    return None;
                }
                k = m + 1;
            }
        } else if b.get(k).is_some_and(u8::is_ascii_digit) {
            // Only after a word of letters (never a number: "3.5"), not one that takes a number
            // ("p.5", "No.5").
            let before = i.checked_sub(1).and_then(|p| b.get(p))?;
            if !before.is_ascii_lowercase() || self.word_before(i).is_none_or(takes_number) {
                return None;
            }
            loop {
                let mut m = k;
                while m < self.end && m - k < 3 && b[m].is_ascii_digit() {
                    m += 1;
                }
                if m == k || b.get(m).is_some_and(u8::is_ascii_alphanumeric) {
                    return None;
                }
                k = m;
                // Another footnote number after one space.
                if b.get(k) == Some(&b' ') && b.get(k + 1).is_some_and(u8::is_ascii_digit) {
                    k += 1;
                    continue;
                }
                break;
            }
        } else {
            while let Some(c) = char_at(self.text, k).filter(|_| k < self.end) {
                if !matches!(c, '¹' | '²' | '³' | '⁰' | '⁴'..='⁹') {
                    break;
                }
                k += c.len_utf8();
            }
            if k == e {
                return None;
            }
        }
        let (nc, _, ws) = self.next_char(k);
        match nc {
            None => Some(k),
            Some(c) if ws && (c.is_uppercase() || is_opener(c)) => Some(k),
            _ => None,
        }
    }

    /// Whether the parenthesis or bracket opening at `n` (after a full stop and a space) closes
    /// within [`PAREN_LOOKAHEAD`] bytes on the same line and is followed by a lower-case word or
    /// a comma: then it sits inside the sentence ("Acme Holdings Ltd. (“Acme”) and …").
    fn parenthesis_continues(&self, n: usize) -> bool {
        let b = self.text.as_bytes();
        let close = if b[n] == b'(' { b')' } else { b']' };
        let lim = (n + PAREN_LOOKAHEAD).min(self.end);
        let Some(c) = memchr::memchr2(close, b'\n', &b[n + 1..lim]).map(|d| n + 1 + d) else {
            return false;
        };
        if b[c] != close {
            return false;
        }
        let after = skip_inline_ws(self.text, c + 1, self.end);
        char_at(self.text, after)
            .filter(|_| after < self.end)
            .is_some_and(|c| c.is_lowercase() || matches!(c, ',' | ';'))
    }

    /// Whether a bracketed enumeration marker starts at `n`: `(1)`, `(a)`, `[z]`, `(vii)`, then a
    /// space and a capital.
    fn bracketed_marker(&self, n: usize) -> bool {
        let b = self.text.as_bytes();
        let close = if b[n] == b'(' { b')' } else { b']' };
        let mut k = n + 1;
        while k < self.end && k - n <= 4 && b[k].is_ascii_alphanumeric() {
            k += 1;
        }
        if k == n + 1 || b.get(k) != Some(&close) || b.get(k + 1) != Some(&b' ') {
            return false;
        }
        let word = &self.text[n + 1..k];
        let marker = word.bytes().all(|c| c.is_ascii_digit()) || word.len() == 1 || roman(word) > 0;
        marker && char_at(self.text, k + 2).is_some_and(char::is_uppercase)
    }

    /// The lexicon entry of the word (ASCII letters) at `pos`.
    fn word_at(&self, pos: usize) -> Entry {
        let b = self.text.as_bytes();
        let mut k = pos;
        while k < self.end && k - pos < 20 && b[k].is_ascii_alphabetic() {
            k += 1;
        }
        lexicon::lookup(&b[pos..k])
    }

    /// Whether the clock time whose "a.m." starts at `w` opens its clause: between the clause's
    /// start (the sentence start, a comma, semicolon, colon, opening bracket or a conjunction)
    /// and the number stand only prepositions, qualifiers and adverbs ("At 5 a.m.", ", and
    /// shortly after 9 p.m."). Then the capital after it is the clause's subject ("At 5 a.m. Mr.
    /// Smith went …"); a time at the end of a clause ("… left the bank at 6 P.M. Mr. Smith …")
    /// ends the sentence.
    fn time_opens_clause(&self, w: usize) -> bool {
        let b = self.text.as_bytes();
        let floor = self.start.max(w.saturating_sub(WORD_LOOKBACK));
        let mut k = w;
        while k > floor && b[k - 1] == b' ' {
            k -= 1;
        }
        // The number: digits with ':' or '.' ("5", "10:30", "9.15").
        let num_end = k;
        while k > floor && (b[k - 1].is_ascii_digit() || matches!(b[k - 1], b':' | b'.')) {
            k -= 1;
        }
        if k == num_end || !b[k].is_ascii_digit() {
            return false;
        }
        for _ in 0..4 {
            while k > floor && is_ws_byte(b[k - 1]) {
                k -= 1;
            }
            if k <= self.start {
                return true;
            }
            if matches!(b[k - 1], b',' | b';' | b':' | b'(' | b'"') {
                return true;
            }
            let end = k;
            while k > floor && b[k - 1].is_ascii_alphabetic() {
                k -= 1;
            }
            if k == end {
                return false;
            }
            let word = &b[k..end];
            let entry = lexicon::lookup(word);
            if entry.is(class::CONJ) || matches!(entry.kw, Kw::And | Kw::But | Kw::Or) {
                return true;
            }
            if !(entry.is(class::PREP | class::QUAL | class::ADVERB) || word.ends_with(b"ly")) {
                return false;
            }
        }
        false
    }

    /// The word just before the full stop at `i` (back to whitespace or an opener), if short.
    fn word_before(&self, i: usize) -> Option<&str> {
        let mut k = i;
        while k > self.start {
            let Some(c) = char_before(self.text, k) else {
                break;
            };
            if c.is_whitespace() || is_opener(c) && c != '\'' {
                break;
            }
            k -= c.len_utf8();
            if i - k > WORD_LOOKBACK {
                return None;
            }
        }
        (k < i).then(|| &self.text[k..i])
    }

    /// Whether the single capital `w` (ending before `at`, the byte before the full stop) is an
    /// initial: "Jonas E. Smith", "J. R. Tolkien", but not "you and I.".
    fn is_initial(&self, at: usize, w: &str) -> bool {
        let word_start = at + 1 - w.len();
        let mut k = word_start;
        // The word before it.
        while k > self.start && char_before(self.text, k).is_some_and(char::is_whitespace) {
            k -= char_before(self.text, k).map_or(1, char::len_utf8);
        }
        let prev_end = k;
        let mut s = prev_end;
        while s > self.start
            && prev_end - s < WORD_LOOKBACK
            && char_before(self.text, s).is_some_and(|c| !c.is_whitespace())
        {
            s -= char_before(self.text, s).map_or(1, char::len_utf8);
        }
        let prev = &self.text[s..prev_end];
        if prev.is_empty() {
            // Sentence-initial single capital: an initial unless it is "I".
            return w != "I";
        }
        if prev.ends_with('.') {
            return true;
        }
        let starts_upper = prev.chars().next().is_some_and(char::is_uppercase);
        starts_upper && !(w == "I" && lexicon::lookup(prev.as_bytes()).is(class::FUNC))
    }
}

/// A title before a name, written with a capital ("Dr", "Mt", "Sen"): never ends a sentence
/// before a capital or a number.
fn is_title(w: &str) -> bool {
    let w = w.trim_start_matches(['(', '"', '\'', '“', '‘']);
    w.starts_with(|c: char| c.is_ascii_uppercase())
        && lexicon::lookup(w.as_bytes()).is_sbd(sbd::TITLE)
}

/// Abbreviations that take a number: "p. 55", "No. 5", "Sept. 17", "N°. 1026".
fn takes_number(w: &str) -> bool {
    matches!(w, "N°" | "n°") || lexicon::lookup(w.as_bytes()).is_sbd(sbd::NUMBER)
}

/// What kind of abbreviation the word before a full stop is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Abbr {
    /// Not an abbreviation: a capital next starts a sentence.
    None,
    /// "e.g.", "i.e.", "cf.", "vs.": a capital next continues.
    NeverFinal,
    /// "a.m.", "p.m.": see [`Splitter::time_opens_clause`].
    Time,
    /// Dotted acronyms ("U.S.", "E.U.", "B.C.") and the lexicon's abbreviations ("Inc.", "etc.",
    /// "oz."): a capital next continues only when it continues a name ([`continues_name`]).
    MayEnd,
}

fn abbreviation(w: &str) -> Abbr {
    let entry = lexicon::lookup(w.as_bytes());
    if entry.is_sbd(sbd::NEVER_FINAL) {
        return Abbr::NeverFinal;
    }
    if entry.kw == Kw::AmPm {
        return Abbr::Time;
    }
    if entry.is_sbd(sbd::ABBR) || is_dotted(w) {
        return Abbr::MayEnd;
    }
    Abbr::None
}

/// A dotted acronym: single letters separated by full stops ("U.S", "E.U", "e.g").
fn is_dotted(w: &str) -> bool {
    let mut letters = 0;
    for part in w.split('.') {
        let mut cs = part.chars();
        match (cs.next(), cs.next()) {
            (Some(c), None) if c.is_alphabetic() => letters += 1,
            _ => return false,
        }
    }
    letters >= 2
}

/// Whether a capitalised word after an abbreviation continues a name: "U.S. Government", "U.N.
/// Security Council", "E.U. envoy", "Acme Inc. Chairman". A role or organisation word, or one
/// of the lexicon's [`sbd::CONTINUES`] words.
fn continues_name(next: Entry) -> bool {
    next.is(class::ROLE | class::ORG) || next.is_sbd(sbd::CONTINUES)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        split(text, 0, text.len(), &mut out);
        out.iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn abbreviations_and_numbers() {
        assert_eq!(
            sentences(
                "The U.S. Government met Dr. Smith at 5 p.m. on Sept. 17. It paid $1.2bn to 100,000 people. Prices rose 3.5 percent."
            ),
            [
                "The U.S. Government met Dr. Smith at 5 p.m. on Sept. 17.",
                "It paid $1.2bn to 100,000 people.",
                "Prices rose 3.5 percent."
            ]
        );
        assert_eq!(
            sentences("He works at Acme Inc. He left."),
            ["He works at Acme Inc.", "He left."]
        );
        assert_eq!(sentences("Read No. 5 now."), ["Read No. 5 now."]);
    }

    #[test]
    fn headline_lines_and_teasers() {
        let text = "US, Russia, EU held secret meeting in Turkey\nA meeting was held.\nRead more: Armenia files a lawsuit. Against Azerbaijan\nThe officials met in\nIstanbul on Sunday.";
        assert_eq!(
            sentences(text),
            [
                "US, Russia, EU held secret meeting in Turkey",
                "A meeting was held.",
                "Read more: Armenia files a lawsuit. Against Azerbaijan",
                "The officials met in\nIstanbul on Sunday."
            ]
        );
        let mut out = Vec::new();
        split(text, 0, text.len(), &mut out);
        assert_eq!(
            out.iter().map(|s| s.teaser).collect::<Vec<_>>(),
            [false, false, true, false]
        );
    }

    #[test]
    fn hard_wrapped_prose_is_not_cut_at_line_ends() {
        let text = "The officials from the United\nStates met in Istanbul, and\nthe talks lasted two days.\nMore talks followed.";
        assert_eq!(
            sentences(text),
            [
                "The officials from the United\nStates met in Istanbul, and\nthe talks lasted two days.",
                "More talks followed."
            ]
        );
    }

    #[test]
    fn crlf_lines() {
        assert_eq!(
            sentences("Headline here\r\nBody text.\r\n"),
            ["Headline here", "Body text."]
        );
    }

    #[test]
    fn blank_lines_break_paragraphs() {
        assert_eq!(
            sentences("one thing\n\ntwo things"),
            ["one thing", "two things"]
        );
    }

    #[test]
    fn long_sentences_are_cut_at_spaces() {
        let text = "word ".repeat(10_000);
        let out = sentences(&text);
        assert!(out.len() > 1);
        assert!(out.iter().all(|s| s.len() <= MAX_SENTENCE));
        let text = "é".repeat(20_000);
        let out = sentences(&text);
        assert_eq!(out.concat(), text);
    }

    #[test]
    fn an_abbreviation_ends_a_sentence_unless_a_name_continues() {
        assert_eq!(
            sentences("He was named ambassador to the U.S. Crowds gathered outside."),
            [
                "He was named ambassador to the U.S.",
                "Crowds gathered outside."
            ]
        );
        assert_eq!(
            sentences("The temple was built around 300 B.C. Later rulers enlarged it."),
            [
                "The temple was built around 300 B.C.",
                "Later rulers enlarged it."
            ]
        );
        assert_eq!(
            sentences("The parcel weighed 12 oz. Staff opened it."),
            ["The parcel weighed 12 oz.", "Staff opened it."]
        );
        assert_eq!(
            sentences("Shares of Acme Inc. Fell sharply. Acme Inc. Chairman Jo Roe resigned."),
            [
                "Shares of Acme Inc.",
                "Fell sharply.",
                "Acme Inc. Chairman Jo Roe resigned."
            ]
        );
        // Non-boundaries: a word that continues the name.
        for text in [
            "I work for the U.S. Government in Virginia.",
            "The U.S. Air Force was called in.",
            "The U.N. Security Council met.",
            "The E.U. High Representative spoke.",
            "A U.S. Navy ship and the U.K. House of Commons.",
            "The U.S. Department of State and the U.S. Ambassador agreed.",
            "Exports rose, e.g. Germany bought more.",
        ] {
            assert_eq!(sentences(text), [text], "{text}");
        }
    }

    #[test]
    fn a_clock_time_ends_a_sentence_unless_it_opens_its_clause() {
        assert_eq!(
            sentences("The polls closed at 8 p.m. Counting began at once."),
            ["The polls closed at 8 p.m.", "Counting began at once."]
        );
        assert_eq!(
            sentences("He left the bank at 6 P.M. Mr. Smith then went to the store."),
            [
                "He left the bank at 6 P.M.",
                "Mr. Smith then went to the store."
            ]
        );
        // Non-boundaries: the time opens its clause, or a day or zone follows.
        for text in [
            "At 5 a.m. Mr. Smith went to the bank.",
            "Shortly after 9 p.m. Police arrived.",
            "The vote was close, and by 11 p.m. Ms. Roe had conceded.",
            "The vote is set for 9 a.m. Thursday.",
            "Trading opens at 8 a.m. GMT on Monday.",
        ] {
            assert_eq!(sentences(text), [text], "{text}");
        }
    }

    #[test]
    fn citation_marks_stay_with_their_sentence() {
        assert_eq!(
            sentences("The figure was disputed.[4] Critics said so."),
            ["The figure was disputed.[4]", "Critics said so."]
        );
        assert_eq!(
            sentences("It was disputed.[4][12] Critics said so."),
            ["It was disputed.[4][12]", "Critics said so."]
        );
        assert_eq!(
            sentences("Rain fell across the region.7 8 Officials said so."),
            ["Rain fell across the region.7 8", "Officials said so."]
        );
        assert_eq!(
            sentences("It was disputed.² Critics said so."),
            ["It was disputed.²", "Critics said so."]
        );
        // Non-boundaries: decimals, versions, references that take a number, lower case next.
        for text in [
            "Prices rose 3.5 percent.",
            "See fig.3 Below the line.",
            "The site is example.com now.",
            "It was disputed.[4] by critics.",
            "It grew by 2.7 5 years ago.",
        ] {
            assert_eq!(sentences(text), [text], "{text}");
        }
    }

    #[test]
    fn repeated_and_mixed_end_marks() {
        assert_eq!(
            sentences("Unbelievable!!! The crowd roared."),
            ["Unbelievable!!!", "The crowd roared."]
        );
        assert_eq!(
            sentences("Really?! Nobody knew."),
            ["Really?!", "Nobody knew."]
        );
        assert_eq!(
            sentences("He paused... Then he spoke. She paused… Then she left."),
            [
                "He paused...",
                "Then he spoke.",
                "She paused…",
                "Then she left."
            ]
        );
        for text in [
            "She works at Yahoo! in the accounting department.",
            "He was ... well, not sure.",
            "I mean… I don't know.",
        ] {
            assert_eq!(sentences(text), [text], "{text}");
        }
    }

    #[test]
    fn lists() {
        assert_eq!(
            sentences("a) The first item b) The second item"),
            ["a) The first item", "b) The second item"]
        );
        assert_eq!(
            sentences("(iv) The fourth item. (v) The fifth item."),
            ["(iv) The fourth item.", "(v) The fifth item."]
        );
        assert_eq!(
            sentences("It ends here. (b) The next one. [c] The last."),
            ["It ends here.", "(b) The next one.", "[c] The last."]
        );
        assert_eq!(
            sentences("(i) The first (ii) The second (iii) The third"),
            ["(i) The first", "(ii) The second", "(iii) The third"]
        );
        assert_eq!(
            sentences("I. This goes first. II. And here thereafter."),
            ["I. This goes first.", "II. And here thereafter."]
        );
        assert_eq!(
            sentences("1. Polls open at seven. 2. Bring identification."),
            ["1. Polls open at seven.", "2. Bring identification."]
        );
        assert_eq!(
            sentences("* The strike ends.\n* Trains run again"),
            ["* The strike ends.", "* Trains run again"]
        );
        let mut out = Vec::new();
        let text = "(iv) The fourth item.";
        split(text, 0, text.len(), &mut out);
        assert_eq!(&text[out[0].body..out[0].end], "The fourth item.");
        // Non-boundaries: a list inside a sentence, an initial, a bracketed letter in prose.
        for text in [
            "The plan has parts: a) a tax, b) a fund and c) a rail line.",
            "B. Obama was the first black US president.",
            "It is item (a) of the list.",
            "He spoke to (A) First Bank staff.",
        ] {
            assert_eq!(sentences(text), [text], "{text}");
        }
    }

    #[test]
    fn a_quotation_holds_its_sentences() {
        assert_eq!(
            sentences("She said: “We did not lose. We were outspent.” Her rival disagreed."),
            [
                "She said: “We did not lose. We were outspent.”",
                "Her rival disagreed."
            ]
        );
        assert_eq!(
            sentences("\"The bridge is safe. It was inspected,\" the mayor said. Work resumed."),
            [
                "\"The bridge is safe. It was inspected,\" the mayor said.",
                "Work resumed."
            ]
        );
        assert_eq!(
            sentences("She turned to him, \"This is great.\" She held the book out."),
            [
                "She turned to him, \"This is great.\"",
                "She held the book out."
            ]
        );
        // A quotation that does not close nearby (or closes after a blank line) does not hold.
        let long = format!(
            "He said: “It is over. {}",
            "Then more words came. ".repeat(30)
        );
        assert!(sentences(&long).len() > 2);
        assert_eq!(
            sentences("He said: “It is over.\n\nWe won.” Then"),
            ["He said: “It is over.", "We won.”", "Then"]
        );
    }

    #[test]
    fn a_parenthesis_after_an_abbreviation_continues() {
        for text in [
            "The buyer is Acme Holdings Ltd. (“Acme”) and two funds.",
            "This is abcf. (123) in here.",
            "It went to Brightwater Corp. (BWC), a rival.",
        ] {
            assert_eq!(sentences(text), [text], "{text}");
        }
        assert_eq!(
            sentences("He works at Acme Ltd. (The firm was founded in 1990.)"),
            ["He works at Acme Ltd.", "(The firm was founded in 1990.)"]
        );
        assert_eq!(
            sentences("This is one. (Here is another.) And a third."),
            ["This is one.", "(Here is another.)", "And a third."]
        );
    }

    #[test]
    fn teasers() {
        assert!(is_teaser("Read more: x"));
        assert!(is_teaser("READ MORE : x"));
        assert!(is_teaser("Related articles: x"));
        assert!(!is_teaser("Reading: x"));
        assert!(!is_teaser("Read the report: x"));
    }
}
