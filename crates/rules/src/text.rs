//! Text normalisation shared by the index and the checker.

/// Text prepared for matching, with a map back to the original byte offsets.
///
/// Quotation marks are dropped (`"anti-terrorist" operation` matches the cue
/// `anti-terrorist operation`), typographic apostrophes become `'`, an apostrophe that is not
/// between two letters (a quote) is dropped, and every run of white space becomes one space.
/// ASCII letters are lower-cased (the index patterns are too, so matching is ASCII
/// case-insensitive); offsets do not move.
pub(crate) struct Normalized {
    pub text: String,
    /// For each normalised byte, the original range of the character it came from.
    starts: Vec<usize>,
    ends: Vec<usize>,
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»' | '‹' | '›')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ')
}

impl Normalized {
    pub fn new(src: &str) -> Self {
        Self::build(src, true)
    }

    /// Normalised text only (for patterns), no offset map, case kept.
    pub fn text_of(src: &str) -> String {
        // Most phrases are plain ASCII words with single spaces: nothing to change.
        let plain = src
            .bytes()
            .all(|b| b.is_ascii_graphic() && b != b'"' && b != b'\'' || b == b' ')
            && !src.starts_with(' ')
            && !src.ends_with(' ')
            && !src.contains("  ");
        if plain {
            return src.to_string();
        }
        Self::build(src, false).text
    }

    /// Whether nothing is left of `src` once normalised (only spaces, quotes, apostrophes).
    pub fn is_blank(src: &str) -> bool {
        src.chars()
            .all(|c| c.is_whitespace() || is_quote(c) || is_apostrophe(c))
    }

    /// `with_map`: lower-case ASCII and keep the offset map (text to scan); otherwise keep the
    /// case and no map (a phrase of a rule).
    fn build(src: &str, with_map: bool) -> Self {
        let cap = if with_map { src.len() } else { 0 };
        let mut n = Normalized {
            text: String::with_capacity(src.len()),
            starts: Vec::with_capacity(cap),
            ends: Vec::with_capacity(cap),
        };
        let mut prev: Option<char> = None;
        let mut chars = src.char_indices().peekable();
        let mut pending_space: Option<(usize, usize)> = None;
        while let Some((i, c)) = chars.next() {
            if is_quote(c) {
                continue;
            }
            if c.is_whitespace() {
                if !n.text.is_empty() && pending_space.is_none() {
                    pending_space = Some((i, i + c.len_utf8()));
                }
                prev = Some(' ');
                continue;
            }
            let out = if is_apostrophe(c) {
                let next = chars.peek().map(|&(_, n)| n);
                let inside = prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric);
                if !inside {
                    continue;
                }
                '\''
            } else if with_map {
                c.to_ascii_lowercase()
            } else {
                c
            };
            if let Some((s, e)) = pending_space.take() {
                n.push(' ', s, e, with_map);
            }
            n.push(out, i, i + c.len_utf8(), with_map);
            prev = Some(out);
        }
        n
    }

    fn push(&mut self, c: char, start: usize, end: usize, with_map: bool) {
        self.text.push(c);
        if with_map {
            for _ in 0..c.len_utf8() {
                self.starts.push(start);
                self.ends.push(end);
            }
        }
    }

    /// Original byte range of the normalised range `start..end` (non-empty).
    pub fn original(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.starts.get(start).copied().unwrap_or(0);
        let e = end
            .checked_sub(1)
            .and_then(|i| self.ends.get(i))
            .copied()
            .unwrap_or(s);
        (s, e.max(s))
    }

    /// Whether the match `start..end` begins and ends on a word boundary.
    pub fn on_word_boundary(&self, start: usize, end: usize) -> bool {
        let before = self.text[..start].chars().next_back();
        let after = self.text[end..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    }
}

/// Words that say nothing about which role is meant.
const ROLE_STOPWORDS: &[&str] = &["the", "a", "an", "designated", "its", "their", "his", "her"];

/// A role title or organisation reduced for comparison: lower case, possessive `'s` and
/// punctuation dropped (`U.S.` → `us`), articles and "designated" dropped, single spaces.
pub(crate) fn role_key(s: &str) -> String {
    let lower = s.to_lowercase().replace(['’', '‘', 'ʼ'], "'");
    let mut words: Vec<String> = Vec::new();
    for raw in lower.split(|c: char| c.is_whitespace() || c == ',' || c == ';' || c == '/') {
        let w = raw
            .strip_suffix("'s")
            .or_else(|| raw.strip_suffix("s'"))
            .unwrap_or(raw);
        let w: String = w
            .chars()
            .filter(|c| c.is_alphanumeric() || *c == '-')
            .collect();
        let w = w.trim_matches('-');
        if w.is_empty() || ROLE_STOPWORDS.contains(&w) {
            continue;
        }
        words.push(w.to_string());
    }
    words.join(" ")
}

/// `100625` → `100,625`; non-integers keep up to two decimals.
pub(crate) fn format_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        let digits = format!("{}", v.abs() as u64);
        let mut out = String::new();
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(ch);
        }
        if v < 0.0 { format!("-{out}") } else { out }
    } else {
        let s = format!("{v:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// One decimal at most: `6.285…` → `6.3`, `6.0` → `6`.
pub(crate) fn format_amount(v: f64) -> String {
    let s = format!("{v:.1}");
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_quotes_apostrophes_and_space() {
        let src = "an \u{201c}anti-terrorist\u{201d}  operation, Baku\u{2019}s 'attack'";
        let n = Normalized::new(src);
        assert_eq!(n.text, "an anti-terrorist operation, baku's attack");
        let at = n.text.find("anti-terrorist operation").unwrap();
        let (s, e) = n.original(at, at + "anti-terrorist operation".len());
        assert_eq!(&src[s..e], "anti-terrorist\u{201d}  operation");
        let at = n.text.find("attack").unwrap();
        let (s, e) = n.original(at, at + 6);
        assert_eq!(&src[s..e], "attack");
        let at = n.text.find("baku's").unwrap();
        let (s, e) = n.original(at, at + "baku's".len());
        assert_eq!(&src[s..e], "Baku\u{2019}s");
    }

    #[test]
    fn the_fast_path_agrees() {
        for p in [
            "met in Istanbul",
            "Baku's attack",
            " a  b ",
            "\"x\"",
            "U.S.",
            "it's",
            "'quoted'",
            "",
            "  ",
        ] {
            assert_eq!(
                Normalized::text_of(p),
                Normalized::build(p, false).text,
                "{p:?}"
            );
            assert_eq!(
                Normalized::is_blank(p),
                Normalized::text_of(p).is_empty(),
                "{p:?}"
            );
        }
    }

    #[test]
    fn word_boundaries() {
        let n = Normalized::new("Bonobo and Bono, Nagorno-Karabakh");
        assert!(!n.on_word_boundary(0, 4));
        assert!(n.on_word_boundary(11, 15));
        let k = n.text.find("karabakh").unwrap();
        assert!(n.on_word_boundary(k, k + 8));
    }

    #[test]
    fn role_keys() {
        assert_eq!(
            role_key("EU's designated special representative for the South Caucasus"),
            "eu special representative for south caucasus"
        );
        assert_eq!(role_key("U.S."), "us");
        assert_eq!(role_key("Washington\u{2019}s"), "washington");
    }

    #[test]
    fn numbers() {
        assert_eq!(format_number(100625.0), "100,625");
        assert_eq!(format_number(999.0), "999");
        assert_eq!(format_number(1000.0), "1,000");
        assert_eq!(format_number(0.05), "0.05");
        assert_eq!(format_amount(44.0 / 7.0), "6.3");
        assert_eq!(format_amount(6.0), "6");
    }
}
