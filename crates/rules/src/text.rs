//! Text normalisation shared by the index and the checker.

use std::hash::Hasher;

use factcheck_claims::text::{PieceClass, Token};

/// Whether `c` is a quotation mark: quotation marks are dropped before matching
/// (`"anti-terrorist" operation` matches the cue `anti-terrorist operation`).
fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»' | '‹' | '›')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ')
}

/// A phrase of a rule as the index sees it: quotation marks dropped, typographic apostrophes
/// made `'`, an apostrophe that is not between two letters (a quote) dropped, every run of white
/// space one space, none at either end. Case is kept.
pub(crate) fn normalize(src: &str) -> String {
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
    let mut text = String::with_capacity(src.len());
    let mut prev: Option<char> = None;
    let mut chars = src.chars().peekable();
    let mut pending_space = false;
    while let Some(c) = chars.next() {
        if is_quote(c) {
            continue;
        }
        if c.is_whitespace() {
            pending_space = !text.is_empty();
            prev = Some(' ');
            continue;
        }
        let out = if is_apostrophe(c) {
            let inside = prev.is_some_and(char::is_alphanumeric)
                && chars.peek().is_some_and(|n| n.is_alphanumeric());
            if !inside {
                continue;
            }
            '\''
        } else {
            c
        };
        if std::mem::take(&mut pending_space) {
            text.push(' ');
        }
        text.push(out);
        prev = Some(out);
    }
    text
}

/// Whether nothing is left of `src` once normalised (only spaces, quotes, apostrophes).
pub(crate) fn is_blank(src: &str) -> bool {
    src.chars()
        .all(|c| c.is_whitespace() || is_quote(c) || is_apostrophe(c))
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    /// A run of letters and digits.
    Word,
    /// An apostrophe between two letters or digits (`Baku’s`), spelt `'` whatever its glyph.
    Apostrophe,
    /// Any other character that is not white space or a quotation mark.
    Punct,
}

/// A token of a text for the alias index, in the text's byte offsets.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    /// Hash of the token's bytes, ASCII lower-cased (an apostrophe hashes as `'`).
    pub hash: u64,
    pub kind: TokKind,
    /// No white space between this token and the one before (quotation marks in between do not
    /// count). Meaningless on the first token.
    pub glued: bool,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Cuts `text` into the tokens of the alias index, appended to `out`: the grammar's tokenizer
/// ([`factcheck_claims::text::tokenize`]), then [`index_tokens`].
pub(crate) fn tokens(text: &str, out: &mut Vec<Tok>) {
    TOKENS.with_borrow_mut(|toks| {
        toks.clear();
        factcheck_claims::text::tokenize(text, 0, text.len(), toks);
        index_tokens(text, 0, toks, out);
    });
}

thread_local! {
    static TOKENS: std::cell::RefCell<Vec<Token>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The tokens of the alias index in `text` (the slice of the input at byte `base`), from the
/// grammar's `tokens` of it, appended to `out` with offsets into `text`: runs of letters and
/// digits, apostrophes between two of them, and single punctuation characters; quotation marks
/// dropped. The same cut applied to a [`normalize`]d phrase and to the text the phrase appears in
/// gives the same hashes and glue, so a phrase matches where its normalised text would (white
/// space runs, quotation marks, apostrophes and ASCII case aside).
pub(crate) fn index_tokens(text: &str, base: usize, tokens: &[Token], out: &mut Vec<Tok>) {
    let first = out.len();
    {
        // White space since the last token.
        let mut space = false;
        for p in factcheck_claims::text::pieces(text, base, tokens) {
            space |= p.space_before;
            let (start, end) = (p.start - base, p.end - base);
            let glued = !space && out.len() > first;
            let last_word_end = out
                .last()
                .filter(|t| out.len() > first && t.kind == TokKind::Word)
                .map(|t| t.end);
            let kind = match p.class {
                PieceClass::Letters | PieceClass::Digits | PieceClass::Numeral => {
                    if let Some(t) = out.last_mut().filter(|_| last_word_end == Some(start)) {
                        // The next run of one word ("COVID19"): the same token.
                        t.end = end;
                        continue;
                    }
                    TokKind::Word
                }
                PieceClass::Mark(c) if is_quote(c) => continue,
                PieceClass::Mark(c) if is_apostrophe(c) => {
                    let after_word = glued && last_word_end == Some(start);
                    let before_word = text[end..].chars().next().is_some_and(is_word_char);
                    if !(after_word && before_word) {
                        continue;
                    }
                    TokKind::Apostrophe
                }
                PieceClass::Mark(_) => TokKind::Punct,
            };
            out.push(Tok {
                start,
                end,
                hash: 0,
                kind,
                glued,
            });
            space = false;
        }
    }
    for t in &mut out[first..] {
        t.hash = match t.kind {
            TokKind::Apostrophe => hash_lower(b"'"),
            _ => hash_lower(&text.as_bytes()[t.start..t.end]),
        };
    }
}

/// The hash of a token's bytes, ASCII lower-cased: rustc's Fx hash, eight bytes at a time.
fn hash_lower(bytes: &[u8]) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h.write_u64(lower8(u64::from_le_bytes(w)));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        h.write_u64(lower8(u64::from_le_bytes(w)));
    }
    h.write_usize(bytes.len());
    h.finish()
}

/// Eight bytes with the ASCII upper-case letters among them made lower case.
fn lower8(w: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let seven = w & (0x7f * ONES);
    // The high bit of a byte is set where it is at least `A`, and where it is above `Z`.
    let from_a = seven.wrapping_add(0x3f * ONES);
    let past_z = seven.wrapping_add(0x25 * ONES);
    let upper = from_a & !past_z & !w & (0x80 * ONES);
    w | (upper >> 2)
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

/// One decimal at most: `6.285…` → `6.3`, `6.0` → `6` (the calendar's rounding for messages).
pub(crate) fn format_amount(v: f64) -> String {
    factcheck_model::calendar::show_amount(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(src: &str) -> Vec<(String, TokKind, bool)> {
        let mut toks = Vec::new();
        tokens(src, &mut toks);
        toks.iter()
            .map(|t| (src[t.start..t.end].to_string(), t.kind, t.glued))
            .collect()
    }

    #[test]
    fn tokens_drop_quotes_and_mark_glue() {
        use TokKind::*;
        let w = |s: &str, g| (s.to_string(), Word, g);
        assert_eq!(
            words("an \u{201c}anti-terrorist\u{201d}  operation, Baku\u{2019}s 'attack'"),
            vec![
                w("an", false),
                w("anti", false),
                ("-".into(), Punct, true),
                w("terrorist", true),
                w("operation", false),
                (",".into(), Punct, true),
                w("Baku", false),
                ("\u{2019}".into(), Apostrophe, true),
                w("s", true),
                w("attack", false),
            ]
        );
        assert_eq!(
            words("Nagorno-Karabakh\u{2019}s  Ünal"),
            vec![
                w("Nagorno", false),
                ("-".into(), Punct, true),
                w("Karabakh", true),
                ("\u{2019}".into(), Apostrophe, true),
                w("s", true),
                w("Ünal", false),
            ]
        );
    }

    #[test]
    fn a_phrase_and_its_text_hash_alike() {
        let hashes = |s: &str| {
            let mut toks = Vec::new();
            tokens(s, &mut toks);
            // Glue before the first token means nothing.
            toks.iter()
                .enumerate()
                .map(|(i, t)| (t.hash, i > 0 && t.glued))
                .collect::<Vec<_>>()
        };
        let phrase = normalize("Washington\u{2019}s \"Senior Advisor\"");
        assert_eq!(phrase, "Washington's Senior Advisor");
        assert_eq!(hashes(&phrase), hashes("WASHINGTON’S\n  “senior advisor”"));
        assert_ne!(hashes(&phrase), hashes("Washington s Senior Advisor"));
    }

    #[test]
    fn the_fast_path_agrees() {
        for p in ["met in Istanbul", "Baku's attack", "U.S.", "it's", "x-y"] {
            let mut slow = String::from(" ");
            slow.push_str(p);
            assert_eq!(normalize(p), normalize(&slow), "{p:?}");
        }
        assert_eq!(normalize(" a  b "), "a b");
        assert_eq!(normalize("\"x\""), "x");
        assert_eq!(normalize("'quoted'"), "quoted");
        for p in ["", "  ", "\u{201c}\u{201d}", "' '"] {
            assert!(is_blank(p) && normalize(p).is_empty(), "{p:?}");
        }
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
