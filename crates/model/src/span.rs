use serde::{Deserialize, Serialize};

/// A region of the original input.
///
/// `start` and `end` are byte offsets into the original bytes (half open, always on character
/// boundaries); `line` and `column` are 1-based, and the column counts characters (Unicode scalar
/// values), not bytes, from the start of the line. A `\r\n` line ending counts as one line break.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
}

impl Span {
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The range of bytes this span covers.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

/// Turns byte offsets into 1-based line and character columns, in `O(log lines)` a lookup after
/// one `O(n)` pass over the text.
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    text: &'a str,
    /// Byte offset of the first byte of each line.
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr_newlines(text.as_bytes()).map(|i| i + 1));
        LineIndex { text, starts }
    }

    pub fn text(&self) -> &'a str {
        self.text
    }

    /// 1-based line and column (in characters) of a byte offset. Offsets that fall inside a
    /// character are moved back to its first byte; offsets past the end are clamped.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(self.text, offset);
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let column = self.text[self.starts[line]..offset].chars().count() + 1;
        (line + 1, column)
    }

    /// A span for the bytes `start..end`, each end moved onto a character boundary.
    pub fn span(&self, start: usize, end: usize) -> Span {
        let start = floor_char_boundary(self.text, start);
        let end = floor_char_boundary(self.text, end.max(start));
        let (line, column) = self.line_col(start);
        Span {
            start,
            end,
            line,
            column,
        }
    }

    /// Byte offset where 1-based `line` starts, if the text has that line.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line.checked_sub(1)?).copied()
    }
}

fn memchr_newlines(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bytes
        .iter()
        .enumerate()
        .filter_map(|(i, &b)| (b == b'\n').then_some(i))
}

fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_and_crlf_is_one_break() {
        let text = "ab\r\nçé x\nz";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(0), (1, 1));
        assert_eq!(idx.line_col(4), (2, 1));
        // "x" is after "çé " (two 2-byte chars and a space): byte 4 + 5 = 9.
        assert_eq!(&text[9..10], "x");
        assert_eq!(idx.line_col(9), (2, 4));
        assert_eq!(idx.line_col(text.len()), (3, 2));
        // inside a multibyte character: clamped back.
        assert_eq!(idx.line_col(5), (2, 1));
    }
}
