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
//!   "example.com");
//! - ellipses: three dots ("...", ". . .") continue the sentence; four end it when a capital
//!   follows; "word. . . . Next" ends after the word's own full stop;
//! - a lower-case next word continues the sentence ("Co. at noon", "'This is great.' she said");
//! - a digit next continues after an abbreviation that takes a number ("p. 55", "No. 5",
//!   "Sept. 17") and ends the sentence otherwise;
//! - a capital next continues after a title ("Dr. Smith", "Mt. Fuji") and after an initial of a
//!   name ("Jonas E. Smith"); after other abbreviations ("U.S.", "Inc.", "a.m.") it ends the
//!   sentence only when the next word usually starts one ("U.S. How" but "U.S. Government");
//!   after any other word it ends the sentence.
//!
//! Closing quotes and brackets after the full stop stay with the sentence. A numbered list written
//! on one line ("1. The first item 2. The second item") is split before each next marker, and a
//! list marker at the start of a sentence never ends it.
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

use crate::lexicon::{self, class};

/// The longest sentence the splitter produces, in bytes.
pub(crate) const MAX_SENTENCE: usize = 16 * 1024;
/// How far back the word before a full stop is read.
const WORD_LOOKBACK: usize = 64;

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

/// A list marker: an optional bullet, then `1.`, `1.)`, `1)` or `a.`, then a space.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Marker {
    /// The number (or letter as 1 = a) and its style (0 `.`, 1 `.)`, 2 `)`).
    n: u32,
    letter: bool,
    style: u8,
}

fn bullet(i: &str) -> IResult<&str, &str> {
    alt((tag("•"), tag("⁃"), tag("◦"), tag("▪"), tag("‣"))).parse(i)
}

/// Parses a list marker at the start of `i`; returns the rest (after the marker and spaces) and
/// the numbered marker, if any (a bare bullet has none).
fn list_marker(i: &str) -> Option<(&str, Option<Marker>)> {
    let spaces = |i| take_while_m_n(1, 4, |c: char| c == ' ' || c == '\t').parse(i);
    let parsed: IResult<&str, _> = (
        opt(bullet),
        space0,
        opt((
            alt((
                take_while_m_n(1, 3, |c: char| c.is_ascii_digit()),
                take_while_m_n(1, 1, |c: char| c.is_ascii_lowercase()),
            )),
            alt((tag(".)"), tag("."), tag(")"))),
            spaces,
        )),
    )
        .parse(i);
    let Ok((rest, (b, _, numbered))) = parsed else {
        return None;
    };
    let Some((num, style, _)) = numbered else {
        return b.map(|_| (rest, None));
    };
    let letter = !num.as_bytes()[0].is_ascii_digit();
    let n = if letter {
        u32::from(num.as_bytes()[0] - b'a') + 1
    } else {
        num.parse().unwrap_or(0)
    };
    let style = match style {
        "." => 0,
        ".)" => 1,
        _ => 2,
    };
    // A lower-case letter is a marker only before a capitalised item ("a. The first item").
    if letter && !rest.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    Some((rest, Some(Marker { n, letter, style })))
}

/// Whether `i` starts with the marker after `m` (optionally after a bullet).
fn is_next_marker(i: &str, m: Marker) -> bool {
    match list_marker(i) {
        Some((_, Some(next))) => {
            next.letter == m.letter && next.style == m.style && next.n == m.n + 1
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
            if rest
                .as_bytes()
                .first()
                .is_some_and(|c| c.is_ascii_alphanumeric() || *c == 0xE2)
                && is_next_marker(rest, m)
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
            return Step::Continue(e.max(i + 1));
        }
        if nc.is_lowercase() || matches!(nc, ',' | ';' | ':' | '%') {
            return Step::Continue(e);
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
        if is_soft_abbreviation(w) {
            return if self.starts_sentence(lpos) {
                Step::Boundary { end: e, resume: e }
            } else {
                Step::Continue(e)
            };
        }
        Step::Boundary { end: e, resume: e }
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

    /// Whether the word at `pos` usually starts a sentence ("How", "The", "It", "He").
    fn starts_sentence(&self, pos: usize) -> bool {
        let b = self.text.as_bytes();
        let mut k = pos;
        while k < self.end && k - pos < 20 && b[k].is_ascii_alphabetic() {
            k += 1;
        }
        lexicon::lookup(&b[pos..k]).is(class::STARTER)
    }
}

/// Titles before a name: never end a sentence before a capital or a number.
fn is_title(w: &str) -> bool {
    let w = w.trim_start_matches(['(', '"', '\'', '“', '‘']);
    matches!(
        w,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "Prof"
            | "Gen"
            | "St"
            | "Mt"
            | "Ft"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Lt"
            | "Col"
            | "Sgt"
            | "Capt"
            | "Cmdr"
            | "Adm"
            | "Rev"
            | "Hon"
            | "Pres"
            | "Messrs"
            | "Mme"
            | "Mlle"
            | "Maj"
            | "Brig"
            | "Supt"
            | "Insp"
            | "Fr"
            | "Sr"
            | "Jr"
            | "Mx"
            | "Cpl"
            | "Pvt"
            | "Amb"
            | "Atty"
            | "Rt"
            | "Sens"
            | "Reps"
            | "Govs"
    )
}

/// Abbreviations that take a number: "p. 55", "No. 5", "Sept. 17", "N°. 1026".
fn takes_number(w: &str) -> bool {
    lexicon::with_lower(w, |l| {
        matches!(
            l,
            b"p" | b"pp"
                | b"no"
                | b"nos"
                | b"nr"
                | b"vol"
                | b"vols"
                | b"fig"
                | b"figs"
                | b"art"
                | b"sec"
                | b"ch"
                | b"chap"
                | b"para"
                | b"approx"
                | b"ca"
                | b"c"
                | b"v"
                | b"vs"
                | b"op"
                | b"ed"
                | b"jan"
                | b"feb"
                | b"mar"
                | b"apr"
                | b"jun"
                | b"jul"
                | b"aug"
                | b"sep"
                | b"sept"
                | b"oct"
                | b"nov"
                | b"dec"
                | b"tel"
                | b"ext"
                | b"est"
                | b"rt"
                | b"rs"
                | b"ref"
                | b"pt"
                | b"pts"
                | b"col"
                | b"ex"
        ) || l == "n°".as_bytes()
    })
    .unwrap_or(false)
}

/// Abbreviations that may end a sentence: "U.S.", "Inc.", "Co.", "etc.", "a.m.".
fn is_soft_abbreviation(w: &str) -> bool {
    // Dotted acronyms: single letters separated by full stops ("U.S", "E.U", "a.m", "e.g").
    let mut letters = 0;
    let mut dotted = true;
    for (k, part) in w.split('.').enumerate() {
        let mut cs = part.chars();
        match (cs.next(), cs.next()) {
            (Some(c), None) if c.is_alphabetic() => letters += 1,
            _ => {
                dotted = false;
                let _ = k;
                break;
            }
        }
    }
    if dotted && letters >= 2 {
        return true;
    }
    lexicon::with_lower(w, |l| {
        matches!(
            l,
            b"inc"
                | b"co"
                | b"corp"
                | b"ltd"
                | b"llc"
                | b"plc"
                | b"jr"
                | b"sr"
                | b"etc"
                | b"vs"
                | b"al"
                | b"approx"
                | b"dept"
                | b"est"
                | b"govt"
                | b"intl"
                | b"assn"
                | b"bros"
                | b"jan"
                | b"feb"
                | b"mar"
                | b"apr"
                | b"jun"
                | b"jul"
                | b"aug"
                | b"sep"
                | b"sept"
                | b"oct"
                | b"nov"
                | b"dec"
                | b"mon"
                | b"tue"
                | b"tues"
                | b"wed"
                | b"thu"
                | b"thurs"
                | b"fri"
                | b"sat"
                | b"sun"
                | b"no"
                | b"ave"
                | b"blvd"
                | b"rd"
                | b"st"
                | b"mt"
                | b"ft"
                | b"mins"
                | b"min"
                | b"hrs"
                | b"sq"
                | b"km"
                | b"kg"
                | b"lb"
                | b"oz"
                | b"univ"
                | b"cf"
                | b"ibid"
                | b"viz"
                | b"eg"
                | b"ie"
        )
    })
    .unwrap_or(false)
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
    fn teasers() {
        assert!(is_teaser("Read more: x"));
        assert!(is_teaser("READ MORE : x"));
        assert!(is_teaser("Related articles: x"));
        assert!(!is_teaser("Reading: x"));
        assert!(!is_teaser("Read the report: x"));
    }
}
