//! A hand-written JSON writer for the `json` and `jsonl` renderers.
//!
//! It writes the same bytes as serde_json's derived form of the verdict model (compact for
//! `jsonl`, pretty with two-space indents for `json`), several times faster: output goes into a
//! `Vec<u8>` that is handed to the caller's writer in large chunks, strings are escaped by copying
//! unescaped runs in bulk, and numbers are written without `fmt`. serde_json remains the
//! reference: property tests (here and in `tests/json_writer.rs`) compare the two on arbitrary
//! text. Their generators build every field, so a field added to the model must be added to
//! them, and then fails the comparison until it is written here too.
//!
//! Escaping is serde_json's: `"` and `\` are backslash-escaped, control characters below 0x20 are
//! written as `\b \t \n \f \r` or `\u00XX` (lowercase hex), and nothing else is escaped (not `/`,
//! not DEL, not non-ASCII).

use std::io;

use factcheck_model::{
    Assertion, CheckedClaim, Diagnostic, FileReport, Level, Related, Report, Span, Summary,
};

/// Buffered output is handed to the sink once it grows past this many bytes.
const CHUNK: usize = 64 * 1024;

/// `ESCAPE[b]` is 0 when byte `b` is written as is, else the letter after the backslash (`u` for
/// `\u00XX`).
static ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b'u';
        b += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0a] = b'n';
    table[0x0c] = b'f';
    table[0x0d] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

/// Whether any of the 8 bytes of `word` is escaped: below 0x20, `"` or `\`. Exact (each test
/// is the classic "has a zero byte" / "has a byte less than n" bit trick, which never misses
/// and never reports a byte that is not there).
#[inline]
fn any_escaped(word: u64) -> bool {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    let zero_byte = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let control = word.wrapping_sub(ONES * 0x20) & !word & HIGH;
    let quote = zero_byte(word ^ (ONES * u64::from(b'"')));
    let backslash = zero_byte(word ^ (ONES * u64::from(b'\\')));
    control | quote | backslash != 0
}

/// Appends `s` as a JSON string, quotes included. Runs without escapes are found 8 bytes at a
/// time and copied whole.
pub(crate) fn string(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(word) = bytes.get(i..i + 8) {
            let word = u64::from_ne_bytes(word.try_into().expect("8 bytes"));
            if !any_escaped(word) {
                i += 8;
                continue;
            }
        }
        // Some byte of the next 8 (or of the tail) is escaped: look at each.
        for (j, &b) in bytes.iter().enumerate().take(i + 8).skip(i) {
            let escape = ESCAPE[usize::from(b)];
            if escape == 0 {
                continue;
            }
            out.extend_from_slice(&bytes[run..j]);
            run = j + 1;
            if escape == b'u' {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(&[
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX[usize::from(b >> 4)],
                    HEX[usize::from(b & 0xf)],
                ]);
            } else {
                out.extend_from_slice(&[b'\\', escape]);
            }
        }
        i += 8;
    }
    out.extend_from_slice(&bytes[run..]);
    out.push(b'"');
}

/// Appends `n` in decimal, two digits at a time.
pub(crate) fn uint(out: &mut Vec<u8>, mut n: usize) {
    const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
        2021222324252627282930313233343536373839\
        4041424344454647484950515253545556575859\
        6061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899";
    // Most numbers of a report (lines, columns, sentences) have one or two digits.
    if n < 10 {
        out.push(b'0' + n as u8);
        return;
    }
    if n < 100 {
        out.extend_from_slice(&PAIRS[n * 2..n * 2 + 2]);
        return;
    }
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    while n >= 100 {
        let pair = (n % 100) * 2;
        n /= 100;
        i -= 2;
        buf[i..i + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
    }
    if n >= 10 {
        i -= 2;
        buf[i..i + 2].copy_from_slice(&PAIRS[n * 2..n * 2 + 2]);
    } else {
        i -= 1;
        buf[i] = b'0' + n as u8;
    }
    out.extend_from_slice(&buf[i..]);
}

/// An object key, written out for each layout at compile time (see `key!`) so that a key is
/// one copy. Keys need no escaping.
#[derive(Clone, Copy)]
pub(crate) struct Key {
    /// `,"name":`; the comma is left out before a first member.
    compact: &'static [u8],
    /// `"name": `.
    pretty: &'static [u8],
}

/// The [`Key`] of a field name.
macro_rules! key {
    ($name:literal) => {
        Key {
            compact: concat!(",\"", $name, "\":").as_bytes(),
            pretty: concat!("\"", $name, "\": ").as_bytes(),
        }
    };
}

/// Where separators, line breaks and indentation go: serde_json's compact or pretty formatter.
pub(crate) trait Layout {
    /// Writes `{` or `[` and enters it.
    fn open(&mut self, out: &mut Vec<u8>, bracket: u8);
    /// Before a member of the current object or array: a comma unless `first`, and (pretty) a
    /// line break and indentation.
    fn member(&self, out: &mut Vec<u8>, first: bool);
    /// Before a member of the current object: the separator, the key and the colon.
    fn key(&self, out: &mut Vec<u8>, first: bool, key: Key);
    /// Leaves the current object or array and writes `bracket`; `empty` when it had no member.
    fn close(&mut self, out: &mut Vec<u8>, bracket: u8, empty: bool);
}

/// serde_json's `to_writer`: no whitespace.
pub(crate) struct Compact;

impl Layout for Compact {
    #[inline]
    fn open(&mut self, out: &mut Vec<u8>, bracket: u8) {
        out.push(bracket);
    }

    #[inline]
    fn member(&self, out: &mut Vec<u8>, first: bool) {
        if !first {
            out.push(b',');
        }
    }

    #[inline]
    fn key(&self, out: &mut Vec<u8>, first: bool, key: Key) {
        out.extend_from_slice(if first {
            &key.compact[1..]
        } else {
            key.compact
        });
    }

    #[inline]
    fn close(&mut self, out: &mut Vec<u8>, bracket: u8, _empty: bool) {
        out.push(bracket);
    }
}

/// serde_json's `to_writer_pretty`: one member a line, two spaces a level, `[]` and `{}` when
/// empty, `": "` after keys.
#[derive(Default)]
pub(crate) struct Pretty {
    depth: usize,
}

impl Pretty {
    fn newline(&self, out: &mut Vec<u8>) {
        const SPACES: &[u8; 33] = b"\n                                ";
        let width = 2 * self.depth;
        if width < SPACES.len() {
            out.extend_from_slice(&SPACES[..=width]);
        } else {
            out.push(b'\n');
            out.resize(out.len() + width, b' ');
        }
    }
}

impl Layout for Pretty {
    #[inline]
    fn open(&mut self, out: &mut Vec<u8>, bracket: u8) {
        self.depth += 1;
        out.push(bracket);
    }

    #[inline]
    fn member(&self, out: &mut Vec<u8>, first: bool) {
        if !first {
            out.push(b',');
        }
        self.newline(out);
    }

    #[inline]
    fn key(&self, out: &mut Vec<u8>, first: bool, key: Key) {
        self.member(out, first);
        out.extend_from_slice(key.pretty);
    }

    #[inline]
    fn close(&mut self, out: &mut Vec<u8>, bracket: u8, empty: bool) {
        self.depth -= 1;
        if !empty {
            self.newline(out);
        }
        out.push(bracket);
    }
}

/// A JSON document being written: a buffer, its layout, and the sink the buffer drains into.
pub(crate) struct Writer<'a, L> {
    out: Vec<u8>,
    layout: L,
    sink: &'a mut dyn io::Write,
}

impl<'a, L: Layout> Writer<'a, L> {
    pub(crate) fn new(layout: L, sink: &'a mut dyn io::Write) -> Self {
        Writer {
            out: Vec::with_capacity(CHUNK + CHUNK / 4),
            layout,
            sink,
        }
    }

    /// Hands the buffer to the sink when it is full enough; call between values.
    pub(crate) fn drain(&mut self) -> io::Result<()> {
        if self.out.len() >= CHUNK {
            self.sink.write_all(&self.out)?;
            self.out.clear();
        }
        Ok(())
    }

    /// Writes whatever is buffered to the sink.
    pub(crate) fn finish(mut self) -> io::Result<()> {
        self.sink.write_all(&self.out)?;
        self.out.clear();
        Ok(())
    }

    pub(crate) fn raw(&mut self, bytes: &[u8]) {
        self.out.extend_from_slice(bytes);
    }

    fn open(&mut self, bracket: u8) {
        self.layout.open(&mut self.out, bracket);
    }

    fn close(&mut self, bracket: u8, empty: bool) {
        self.layout.close(&mut self.out, bracket, empty);
    }

    #[inline]
    fn key(&mut self, first: bool, key: Key) {
        self.layout.key(&mut self.out, first, key);
    }

    fn str_field(&mut self, first: bool, key: Key, value: &str) {
        self.key(first, key);
        string(&mut self.out, value);
    }

    fn opt_str_field(&mut self, key: Key, value: Option<&str>) {
        self.key(false, key);
        match value {
            Some(v) => string(&mut self.out, v),
            None => self.out.extend_from_slice(b"null"),
        }
    }

    fn uint_field(&mut self, first: bool, key: Key, value: usize) {
        self.key(first, key);
        uint(&mut self.out, value);
    }

    fn strs_field(&mut self, key: Key, values: &[String]) {
        self.key(false, key);
        self.open(b'[');
        for (i, v) in values.iter().enumerate() {
            self.layout.member(&mut self.out, i == 0);
            string(&mut self.out, v);
        }
        self.close(b']', values.is_empty());
    }

    fn span(&mut self, span: &Span) {
        self.open(b'{');
        self.uint_field(true, key!("start"), span.start);
        self.uint_field(false, key!("end"), span.end);
        self.uint_field(false, key!("line"), span.line);
        self.uint_field(false, key!("column"), span.column);
        self.close(b'}', false);
    }

    /// The fields of a claim object, without its braces, as the model's serde form has them
    /// (`related` only when there is one). `first` is false when a field (`path`) precedes them.
    pub(crate) fn claim_fields(&mut self, claim: &CheckedClaim, first: bool) {
        self.out.reserve(
            256 + claim.text.len()
                + claim.message.len()
                + claim
                    .facts
                    .iter()
                    .chain(&claim.sources)
                    .map(|s| s.len() + 4)
                    .sum::<usize>(),
        );
        self.str_field(first, key!("text"), &claim.text);
        self.key(false, key!("span"));
        self.span(&claim.span);
        self.str_field(false, key!("verdict"), claim.verdict.as_str());
        self.strs_field(key!("facts"), &claim.facts);
        self.opt_str_field(key!("expected"), claim.expected.as_deref());
        self.opt_str_field(key!("found"), claim.found.as_deref());
        self.strs_field(key!("sources"), &claim.sources);
        self.str_field(false, key!("message"), &claim.message);
        self.uint_field(false, key!("sentence"), claim.sentence);
        self.opt_str_field(key!("check"), claim.check.as_deref());
        self.key(false, key!("focus"));
        match &claim.focus {
            Some(span) => self.span(span),
            None => self.out.extend_from_slice(b"null"),
        }
        self.opt_str_field(key!("attribution"), claim.attribution.as_deref());
        self.related(&claim.related);
        self.key(false, key!("partly_checked"));
        self.out.extend_from_slice(if claim.partly_checked {
            b"true"
        } else {
            b"false"
        });
        self.key(false, key!("assertions"));
        self.open(b'[');
        for (i, a) in claim.assertions.iter().enumerate() {
            self.layout.member(&mut self.out, i == 0);
            self.assertion(a);
        }
        self.close(b']', claim.assertions.is_empty());
        if claim.baselined {
            self.key(false, key!("baselined"));
            self.out.extend_from_slice(b"true");
        }
    }

    /// A `related` array, when there is one (as serde skips an empty one).
    fn related(&mut self, related: &[Related]) {
        if related.is_empty() {
            return;
        }
        self.key(false, key!("related"));
        self.open(b'[');
        for (i, related) in related.iter().enumerate() {
            self.layout.member(&mut self.out, i == 0);
            self.open(b'{');
            self.key(true, key!("span"));
            self.span(&related.span);
            self.str_field(false, key!("message"), &related.message);
            self.close(b'}', false);
        }
        self.close(b']', false);
    }

    /// An assertion object, fields in the model's serde order.
    fn assertion(&mut self, a: &Assertion) {
        self.open(b'{');
        self.str_field(true, key!("kind"), a.kind.as_str());
        self.str_field(false, key!("text"), &a.text);
        self.key(false, key!("span"));
        self.span(&a.span);
        self.str_field(false, key!("verdict"), a.verdict.as_str());
        self.opt_str_field(key!("check"), a.check.as_deref());
        self.strs_field(key!("facts"), &a.facts);
        self.opt_str_field(key!("expected"), a.expected.as_deref());
        self.opt_str_field(key!("found"), a.found.as_deref());
        self.strs_field(key!("sources"), &a.sources);
        self.str_field(false, key!("message"), &a.message);
        self.related(&a.related);
        if let Some(suppressed) = &a.suppressed {
            self.key(false, key!("suppressed"));
            self.open(b'{');
            self.str_field(true, key!("reason"), &suppressed.reason);
            self.close(b'}', false);
        }
        if a.baselined {
            self.key(false, key!("baselined"));
            self.out.extend_from_slice(b"true");
        }
        self.close(b'}', false);
    }

    /// A claim object.
    pub(crate) fn claim(&mut self, claim: &CheckedClaim) {
        self.open(b'{');
        self.claim_fields(claim, true);
        self.close(b'}', false);
    }

    fn diagnostic(&mut self, diagnostic: &Diagnostic) {
        self.open(b'{');
        let level = match diagnostic.level {
            Level::Warning => "warning",
            Level::Error => "error",
        };
        self.str_field(true, key!("level"), level);
        self.str_field(false, key!("message"), &diagnostic.message);
        for (key, value) in [
            (key!("line"), diagnostic.line),
            (key!("column"), diagnostic.column),
        ] {
            match value {
                Some(n) => self.uint_field(false, key, n),
                None => {
                    self.key(false, key);
                    self.out.extend_from_slice(b"null");
                }
            }
        }
        self.close(b'}', false);
    }

    /// A file object: `path`, `date`, `claims` and, when there are any, `diagnostics`.
    fn file(&mut self, file: &FileReport) -> io::Result<()> {
        self.open(b'{');
        self.str_field(true, key!("path"), &file.path);
        self.key(false, key!("date"));
        match &file.date {
            // A date prints as digits and `-` only: nothing to escape.
            Some(date) => {
                use std::io::Write as _;
                self.out.push(b'"');
                write!(self.out, "{date}")?;
                self.out.push(b'"');
            }
            None => self.out.extend_from_slice(b"null"),
        }
        self.key(false, key!("claims"));
        self.open(b'[');
        for (i, claim) in file.claims.iter().enumerate() {
            self.layout.member(&mut self.out, i == 0);
            self.claim(claim);
            self.drain()?;
        }
        self.close(b']', file.claims.is_empty());
        if !file.diagnostics.is_empty() {
            self.key(false, key!("diagnostics"));
            self.open(b'[');
            for (i, diagnostic) in file.diagnostics.iter().enumerate() {
                self.layout.member(&mut self.out, i == 0);
                self.diagnostic(diagnostic);
            }
            self.close(b']', false);
        }
        self.close(b'}', false);
        Ok(())
    }

    fn summary(&mut self, summary: &Summary) {
        self.open(b'{');
        self.uint_field(true, key!("files"), summary.files);
        self.uint_field(false, key!("claims"), summary.claims);
        self.uint_field(false, key!("supported"), summary.supported);
        self.uint_field(false, key!("contradicted"), summary.contradicted);
        self.uint_field(false, key!("unverifiable"), summary.unverifiable);
        self.uint_field(false, key!("partly_checked"), summary.partly_checked);
        self.uint_field(false, key!("errors"), summary.errors);
        self.close(b'}', false);
    }

    /// The whole report object: `{"files":[…],"summary":{…}}`.
    pub(crate) fn report(&mut self, report: &Report) -> io::Result<()> {
        self.open(b'{');
        self.key(true, key!("files"));
        self.open(b'[');
        for (i, file) in report.files.iter().enumerate() {
            self.layout.member(&mut self.out, i == 0);
            self.file(file)?;
            self.drain()?;
        }
        self.close(b']', report.files.is_empty());
        self.key(false, key!("summary"));
        self.summary(&report.summary);
        self.close(b'}', false);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn escaped(s: &str) -> String {
        let mut out = Vec::new();
        string(&mut out, s);
        String::from_utf8(out).expect("UTF-8 in, UTF-8 out")
    }

    #[test]
    fn escapes_like_serde_json() {
        let all_ascii: String = (0u8..=0x7f).map(char::from).collect();
        for s in [
            "",
            "plain",
            "\"quoted\" \\ back/slash",
            "line\nbreak\r\n\ttab\u{8}\u{c}\u{0}\u{1f}\u{7f}",
            "“non-ASCII” é 🇹🇷 \u{2028}",
            &all_ascii,
        ] {
            assert_eq!(escaped(s), serde_json::to_string(s).unwrap(), "{s:?}");
        }
    }

    /// Every escaped byte at every offset of the 8-byte words and of the tail, among bytes whose
    /// low 7 bits are those of an escaped one (`¢` is C2 A2, `Ü` is C3 9C).
    #[test]
    fn escapes_at_every_offset_like_serde_json() {
        for fill in ["a", "¢", "Ü", "\u{7f}"] {
            for len in 0..20 {
                for at in 0..=len {
                    for c in ['"', '\\', '\n', '\u{0}', '\u{1f}', ' '] {
                        let mut s = fill.repeat(len);
                        let at = s.char_indices().nth(at).map_or(s.len(), |(i, _)| i);
                        s.insert(at, c);
                        assert_eq!(escaped(&s), serde_json::to_string(&s).unwrap(), "{s:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn writes_integers_like_serde_json() {
        for n in [
            0,
            1,
            9,
            10,
            99,
            100,
            101,
            999,
            1000,
            123_456_789,
            usize::MAX,
        ] {
            let mut out = Vec::new();
            uint(&mut out, n);
            assert_eq!(out, serde_json::to_vec(&n).unwrap());
        }
    }

    proptest! {
        #[test]
        fn any_string_escapes_like_serde_json(s in any::<String>()) {
            prop_assert_eq!(escaped(&s), serde_json::to_string(&s).unwrap());
        }

        #[test]
        fn control_heavy_strings_escape_like_serde_json(
            s in "[\\x00-\\x20\"\\\\/a-z\\x7f\u{80}-\u{ff}é“”¢Ü\u{2028}😀]{0,64}"
        ) {
            prop_assert_eq!(escaped(&s), serde_json::to_string(&s).unwrap());
        }

        #[test]
        fn any_integer_writes_like_serde_json(n in any::<usize>()) {
            let mut out = Vec::new();
            uint(&mut out, n);
            prop_assert_eq!(out, serde_json::to_vec(&n).unwrap());
        }
    }
}
