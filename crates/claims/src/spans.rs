//! Line and column numbers of spans.
//!
//! The grammar finds spans as byte offsets; a [`Cursor`] turns them into lines and columns as
//! they are made, counting line feeds (with `memchr`) and characters over the distance it moves.
//! Sentences, claims and mentions are made nearly in text order (a claim's spans lie in its
//! sentence), so the total movement is a small multiple of the text's length, and a draft whose
//! one line is 50 MB long costs the same as one with many lines. The result is exactly what
//! [`factcheck_model::LineIndex::line_col`] gives (1-based lines, columns in characters, `\r\n`
//! one break), without its per-lookup scan from the start of the line.

use factcheck_model::Span;

/// A span with byte offsets only; `line` and `column` are filled in by a [`Cursor`].
pub(crate) fn raw(start: usize, end: usize) -> Span {
    Span {
        start,
        end,
        line: 0,
        column: 0,
    }
}

/// A position in the text with its line and column. Moving it costs the distance moved, and
/// the grammar's spans come nearly in text order, so filling all of them is linear.
pub(crate) struct Cursor<'a> {
    text: &'a str,
    pos: usize,
    line: usize,
    col: usize,
}

impl<'a> Cursor<'a> {
    /// A cursor at the start of `text` (the original input).
    pub fn new(text: &'a str) -> Self {
        Cursor {
            text,
            pos: 0,
            line: 1,
            col: 1,
        }
    }

    /// Fills the line and column of `span` from its start.
    pub fn fill(&mut self, span: &mut Span) {
        let (line, column) = self.at(span.start);
        span.line = line;
        span.column = column;
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn at(&mut self, offset: usize) -> (usize, usize) {
        let b = self.text.as_bytes();
        let o = floor_char_boundary(self.text, offset);
        if o >= self.pos && o - self.pos <= 64 {
            // The common case: the next span starts a few bytes on. Eight bytes at a time while
            // there is no line feed, then byte by byte.
            const ONES: u64 = 0x0101_0101_0101_0101;
            let chunk = &b[self.pos..o];
            let mut k = 0;
            while k + 8 <= chunk.len() {
                let x = u64::from_le_bytes(chunk[k..k + 8].try_into().unwrap_or([0; 8]));
                let nl = x ^ (ONES * u64::from(b'\n'));
                if nl.wrapping_sub(ONES) & !nl & (ONES * 0x80) != 0 {
                    break;
                }
                // Continuation bytes: bit 7 set, bit 6 clear.
                let continuation = x & !(x << 1) & (ONES * 0x80);
                self.col += 8 - continuation.count_ones() as usize;
                k += 8;
            }
            for &c in &chunk[k..] {
                if c == b'\n' {
                    self.line += 1;
                    self.col = 1;
                } else if c & 0xC0 != 0x80 {
                    self.col += 1;
                }
            }
        } else if o >= self.pos {
            let chunk = &b[self.pos..o];
            match memchr::memrchr(b'\n', chunk) {
                Some(last) => {
                    self.line += memchr::memchr_iter(b'\n', chunk).count();
                    self.col = 1 + count_chars(&chunk[last + 1..]);
                }
                None => self.col += count_chars(chunk),
            }
        } else {
            let chunk = &b[o..self.pos];
            if memchr::memchr(b'\n', chunk).is_none() {
                self.col -= count_chars(chunk);
            } else {
                // Back across a line break: count from the start of the line.
                self.line -= memchr::memchr_iter(b'\n', chunk).count();
                let line_start = memchr::memrchr(b'\n', &b[..o]).map_or(0, |k| k + 1);
                self.col = 1 + count_chars(&b[line_start..o]);
            }
        }
        self.pos = o;
        (self.line, self.col)
    }
}

#[cfg(test)]
fn line_cols(text: &str, offsets: &[usize]) -> Vec<(usize, usize)> {
    let mut cursor = Cursor::new(text);
    offsets.iter().map(|&o| cursor.at(o)).collect()
}

fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&c| (c & 0xC0) != 0x80).count()
}

fn floor_char_boundary(text: &str, mut o: usize) -> usize {
    o = o.min(text.len());
    while !text.is_char_boundary(o) {
        o -= 1;
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;
    use factcheck_model::LineIndex;

    #[test]
    fn agrees_with_line_index() {
        let text = "ab\r\nçé x\nz\u{1F600}y\n\nlast";
        let idx = LineIndex::new(text);
        let offsets: Vec<usize> = (0..=text.len())
            .filter(|&o| text.is_char_boundary(o))
            .collect();
        let got = line_cols(text, &offsets);
        for (o, lc) in offsets.iter().zip(got) {
            assert_eq!(idx.line_col(*o), lc, "offset {o}");
        }
        // In any order, forwards and backwards.
        let mut shuffled = offsets.clone();
        shuffled.reverse();
        shuffled.extend(offsets.iter().step_by(3));
        let got = line_cols(text, &shuffled);
        for (o, lc) in shuffled.iter().zip(got) {
            assert_eq!(idx.line_col(*o), lc, "offset {o}");
        }
    }
}
