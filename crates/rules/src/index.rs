//! The alias index: every name, alias, cue and role title of every fact, indexed once when the
//! rules load, as a hash table of word sequences.
//!
//! Text and phrases are cut into the same tokens ([`crate::text::index_tokens`]): the grammar's
//! tokens (a claim's are kept in the parsed document, a phrase is cut by the same tokenizer when
//! the rules load) cut into runs of letters and digits and single punctuation characters, with
//! whether white space came before each.
//! Quotation marks are dropped, typographic apostrophes unified, ASCII case folded. The table
//! holds the hash of every phrase and of every proper prefix of one (in tokens), so a scan
//! looks up one entry per token until no phrase continues, and each token is looked at by at
//! most as many starts as the longest phrase has tokens.
//!
//! Matching is leftmost-longest on word boundaries: from the first token on, the longest phrase
//! that starts there and ends on a word boundary is taken, and the scan goes on after it. A
//! longer phrase that is not on a word boundary never hides a shorter one that is. A match is
//! confirmed against the phrase itself, so a hash collision can never make one.
//!
//! Why not an automaton: over 280,000 phrases, an Aho-Corasick automaton (the `aho-corasick`
//! crate's noncontiguous NFA, the fastest of its kinds to build) took about 0.6 s to build,
//! single-threaded, and scanned at about 15 MB/s, one cache miss per byte; the word table is
//! built in parallel in a fraction of that and costs about one lookup per token
//! (`docs/performance.md`).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use rayon::prelude::*;

use crate::base::{Body, Fact};
use factcheck_claims::text::Token;

use crate::text::{Tok, TokKind, index_tokens, normalize, tokens};

/// What kind of phrase of a fact matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Term {
    /// The `name` of an event or a count.
    Name,
    /// An `aliases` entry of an event.
    Alias,
    /// A `cues` entry of an event or a count.
    Cue,
    /// The `person` or one of the `aliases` of an office.
    Person,
    /// The title or a title alias of role `n` of an office.
    Role(u16),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Entry {
    pub fact: u32,
    pub term: Term,
}

/// One match of the index in a text, in the original text's byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    pub start: usize,
    pub end: usize,
    pub fact: u32,
    pub term: Term,
}

/// A phrase or a proper prefix of one.
#[derive(Debug, Clone, Copy)]
struct Node {
    /// The phrase that ends here, if any (`u32::MAX`: none).
    pattern: u32,
    /// Whether some phrase is longer than this prefix.
    longer: bool,
}

const NO_PATTERN: u32 = u32::MAX;

pub(crate) struct Index {
    /// Hash of a token sequence → node.
    table: HashMap<u64, Node, BuildHasherDefault<Passthrough>>,
    /// A bit for the hash of each phrase's first token: most tokens of a text start no phrase,
    /// and this small set (it stays in cache) turns them away before the large table is
    /// touched.
    starts: Bitset,
    /// The most tokens of any phrase.
    longest: usize,
    /// The normalised phrase of each pattern, case kept (for lint messages).
    patterns: Vec<String>,
    /// The same, ASCII lower-cased: what a match is confirmed against.
    keys: Vec<String>,
    /// Entries of pattern `p`: `entries[offsets[p]..offsets[p + 1]]`.
    offsets: Vec<u32>,
    entries: Vec<Entry>,
}

/// The index could not be built (far beyond any realistic rule set).
#[derive(Debug, thiserror::Error)]
#[error("cannot build the alias index: {0}")]
pub(crate) struct IndexError(String);

/// Every phrase of a fact that the index matches, with its kind.
pub(crate) fn terms(fact: &Fact) -> Vec<(&str, Term)> {
    let mut out = Vec::new();
    match &fact.body {
        Body::Event(e) => {
            out.push((e.name.as_str(), Term::Name));
            out.extend(e.aliases.iter().map(|a| (a.as_str(), Term::Alias)));
            out.extend(e.cues.iter().map(|c| (c.as_str(), Term::Cue)));
        }
        Body::Office(o) => {
            out.push((o.person.as_str(), Term::Person));
            out.extend(o.aliases.iter().map(|a| (a.as_str(), Term::Person)));
            for (r, role) in o.roles.iter().enumerate() {
                let r = Term::Role(u16::try_from(r).unwrap_or(u16::MAX));
                out.push((role.title.as_str(), r));
                out.extend(role.aliases.iter().map(|a| (a.as_str(), r)));
            }
        }
        Body::Count(c) => {
            out.push((c.name.as_str(), Term::Name));
            out.extend(c.cues.iter().map(|q| (q.as_str(), Term::Cue)));
        }
    }
    out
}

/// The keys of the table are hashes already: they are used as they are.
#[derive(Default, Clone, Copy)]
struct Passthrough(u64);

impl Hasher for Passthrough {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A set of hashes with false positives: one bit per hash, by its top bits.
struct Bitset {
    words: Vec<u64>,
    shift: u32,
}

impl Bitset {
    /// About 16 bits per element, at least 2^12 bits.
    fn with_capacity(n: usize) -> Bitset {
        let bits = (n.max(1) * 16).next_power_of_two().max(1 << 12);
        Bitset {
            words: vec![0; bits / 64],
            shift: 64 - bits.trailing_zeros(),
        }
    }

    fn slot(&self, h: u64) -> (usize, u64) {
        let bit = (h >> self.shift) as usize;
        (bit / 64, 1 << (bit % 64))
    }

    fn insert(&mut self, h: u64) {
        let (w, b) = self.slot(h);
        self.words[w] |= b;
    }

    fn may_contain(&self, h: u64) -> bool {
        let (w, b) = self.slot(h);
        self.words[w] & b != 0
    }
}

/// The hash of a one-token sequence.
fn first(tok: &Tok) -> u64 {
    mix(0x243f_6a88_85a3_08d3, tok.hash)
}

/// The hash of a sequence one token longer; whether white space comes before the token counts.
fn extend(h: u64, tok: &Tok) -> u64 {
    mix(h ^ u64::from(tok.glued), tok.hash)
}

fn mix(h: u64, x: u64) -> u64 {
    // One round of a multiply-xorshift mixer (as in wyhash / splitmix64).
    let v = (h.rotate_left(23) ^ x).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    v ^ (v >> 29)
}

/// An order of terms, to sort entries deterministically.
fn term_rank(t: Term) -> u32 {
    match t {
        Term::Name => 0,
        Term::Alias => 1,
        Term::Cue => 2,
        Term::Person => 3,
        Term::Role(r) => 4 + u32::from(r),
    }
}

/// Drops a leading article: a name such as "the blockade" must not win over a longer cue that
/// starts one word later ("the ceasefire agreement was brokered").
pub(crate) fn strip_article(text: String) -> String {
    for article in ["the ", "a ", "an "] {
        if text.len() > article.len()
            && text.is_char_boundary(article.len())
            && text[..article.len()].eq_ignore_ascii_case(article)
        {
            return text[article.len()..].to_string();
        }
    }
    text
}

/// Whether the tokens `i..=j` of `text` spell `key` (normalised, lower case).
fn spells(text: &str, toks: &[Tok], i: usize, j: usize, key: &str) -> bool {
    let mut rest = key.as_bytes();
    for (k, t) in toks[i..=j].iter().enumerate() {
        if k > 0 && !t.glued {
            let Some(r) = rest.strip_prefix(b" ") else {
                return false;
            };
            rest = r;
        }
        let word: &[u8] = match t.kind {
            TokKind::Apostrophe => b"'",
            _ => &text.as_bytes()[t.start..t.end],
        };
        if rest.len() < word.len() || !rest[..word.len()].eq_ignore_ascii_case(word) {
            return false;
        }
        rest = &rest[word.len()..];
    }
    rest.is_empty()
}

impl Index {
    pub fn build(facts: &[Fact]) -> Result<Index, IndexError> {
        // The hash of a lower-cased phrase → its pattern id (a collision moves on to the next
        // hash, so every distinct phrase gets its own id).
        let mut ids: HashMap<u64, u32, BuildHasherDefault<Passthrough>> = HashMap::default();
        let mut patterns: Vec<String> = Vec::new();
        // The lower-cased phrase of each pattern.
        let mut keys: Vec<String> = Vec::new();
        let mut pairs: Vec<(u32, Entry)> = Vec::new();
        // Normalising and hashing are per fact and run in parallel; deduplicating is one pass.
        let phrases: Vec<Vec<(String, String, u64, Term)>> = facts
            .par_iter()
            .map(|fact| {
                terms(fact)
                    .into_iter()
                    .map(|(phrase, term)| (strip_article(normalize(phrase)), term))
                    .filter(|(text, _)| !text.is_empty())
                    .map(|(text, term)| {
                        let key = text.to_ascii_lowercase();
                        // rustc's Fx hash: phrases of trusted rule files need no DoS-resistant
                        // hashing, and SipHash was a visible share of building the index.
                        let mut h = rustc_hash::FxHasher::default();
                        h.write(key.as_bytes());
                        (text, key, h.finish(), term)
                    })
                    .collect()
            })
            .collect();
        pairs.reserve(phrases.iter().map(Vec::len).sum());
        for (f, list) in phrases.into_iter().enumerate() {
            let fact_no = u32::try_from(f).map_err(|_| IndexError("too many facts".into()))?;
            for (text, key, mut h, term) in list {
                let p = loop {
                    match ids.entry(h) {
                        std::collections::hash_map::Entry::Occupied(e) => {
                            if keys[*e.get() as usize] == key {
                                break *e.get();
                            }
                            h = mix(h, 1);
                        }
                        std::collections::hash_map::Entry::Vacant(e) => {
                            let next = u32::try_from(patterns.len())
                                .ok()
                                .filter(|&n| n != NO_PATTERN)
                                .ok_or_else(|| IndexError("too many phrases".into()))?;
                            e.insert(next);
                            patterns.push(text);
                            keys.push(key);
                            break next;
                        }
                    }
                };
                pairs.push((
                    p,
                    Entry {
                        fact: fact_no,
                        term,
                    },
                ));
            }
        }
        pairs.sort_unstable_by_key(|&(p, e)| (p, e.fact, term_rank(e.term)));
        pairs.dedup();
        let mut offsets = Vec::with_capacity(patterns.len() + 1);
        let mut entries = Vec::with_capacity(pairs.len());
        let mut at = 0usize;
        for p in 0..patterns.len() as u32 {
            offsets.push(entries.len() as u32);
            while at < pairs.len() && pairs[at].0 == p {
                entries.push(pairs[at].1);
                at += 1;
            }
        }
        offsets.push(entries.len() as u32);

        // The hashes of every prefix of every phrase, computed in parallel.
        let prefixes: Vec<Vec<u64>> = keys
            .par_iter()
            .map(|key| {
                let mut toks = Vec::new();
                tokens(key, &mut toks);
                let mut h = 0;
                toks.iter()
                    .enumerate()
                    .map(|(k, t)| {
                        h = if k == 0 { first(t) } else { extend(h, t) };
                        h
                    })
                    .collect()
            })
            .collect();
        let total: usize = prefixes.iter().map(Vec::len).sum();
        let mut table: HashMap<u64, Node, BuildHasherDefault<Passthrough>> =
            HashMap::with_capacity_and_hasher(total, Default::default());
        let mut longest = 0;
        let mut starts = Bitset::with_capacity(prefixes.len());
        for (p, hashes) in prefixes.iter().enumerate() {
            longest = longest.max(hashes.len());
            if let Some(&h) = hashes.first() {
                starts.insert(h);
            }
            for (k, &h) in hashes.iter().enumerate() {
                let node = table.entry(h).or_insert(Node {
                    pattern: NO_PATTERN,
                    longer: false,
                });
                if k + 1 == hashes.len() {
                    // Two phrases with one hash: the first keeps it (the other cannot match;
                    // with 64-bit hashes this needs billions of phrases to be likely).
                    if node.pattern == NO_PATTERN {
                        node.pattern = p as u32;
                    }
                } else {
                    node.longer = true;
                }
            }
        }
        Ok(Index {
            table,
            starts,
            longest,
            patterns,
            keys,
            offsets,
            entries,
        })
    }

    pub fn entries(&self, pattern: usize) -> &[Entry] {
        let s = self.offsets[pattern] as usize;
        let e = self.offsets[pattern + 1] as usize;
        &self.entries[s..e]
    }

    pub fn patterns(&self) -> &[String] {
        &self.patterns
    }

    /// Appends every match in `text` to `out`, offsets shifted by `base`: leftmost-longest, on
    /// word boundaries.
    pub fn scan(&self, text: &str, base: usize, out: &mut Vec<Hit>) {
        if self.table.is_empty() {
            return;
        }
        TOKENS.with_borrow_mut(|toks| {
            toks.clear();
            tokens(text, toks);
            self.scan_tokens(text, toks, base, out);
        });
    }

    fn scan_tokens(&self, text: &str, toks: &[Tok], base: usize, out: &mut Vec<Hit>) {
        let n = toks.len();
        // A match may not start right after, or end right before, a glued letter or digit.
        let starts_ok = |i: usize| !(i > 0 && toks[i].glued && toks[i - 1].kind == TokKind::Word);
        let ends_ok =
            |j: usize| !(j + 1 < n && toks[j + 1].glued && toks[j + 1].kind == TokKind::Word);
        let mut i = 0;
        while i < n {
            if !starts_ok(i) {
                i += 1;
                continue;
            }
            let mut h = first(&toks[i]);
            if !self.starts.may_contain(h) {
                i += 1;
                continue;
            }
            let mut best: Option<(usize, u32)> = None;
            let mut j = i;
            while let Some(node) = self.table.get(&h) {
                if node.pattern != NO_PATTERN
                    && ends_ok(j)
                    && spells(text, toks, i, j, &self.keys[node.pattern as usize])
                {
                    best = Some((j, node.pattern));
                }
                if !node.longer || j + 1 >= n || j + 1 - i >= self.longest {
                    break;
                }
                j += 1;
                h = extend(h, &toks[j]);
            }
            let Some((j, p)) = best else {
                i += 1;
                continue;
            };
            for entry in self.entries(p as usize) {
                out.push(Hit {
                    start: base + toks[i].start,
                    end: base + toks[j].end,
                    fact: entry.fact,
                    term: entry.term,
                });
            }
            i = j + 1;
        }
    }

    /// The matches in `text`, offsets shifted by `base`.
    pub fn hits(&self, text: &str, base: usize) -> Vec<Hit> {
        let mut out = Vec::new();
        self.scan(text, base, &mut out);
        out
    }

    /// The matches in `text`, the slice of the input at byte `base` whose grammar tokens
    /// (offsets into the input) are among `tokens`: [`Index::hits`] without cutting the text
    /// again. Offsets are the input's.
    pub fn hits_in(&self, text: &str, base: usize, tokens: &[Token]) -> Vec<Hit> {
        let mut out = Vec::new();
        if self.table.is_empty() {
            return out;
        }
        TOKENS.with_borrow_mut(|toks| {
            toks.clear();
            index_tokens(text, base, tokens, toks);
            self.scan_tokens(text, toks, base, &mut out);
        });
        out
    }
}

thread_local! {
    /// The tokens of the text being scanned, reused from one scan to the next.
    static TOKENS: std::cell::RefCell<Vec<Tok>> = const { std::cell::RefCell::new(Vec::new()) };
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    const RULES: &str = "\
events:
  - id: a
    name: the Istanbul talks
    date: 2023-09-17
  - id: b
    name: Istanbul talks ended
    cues: [\"Talks in Turkey\"]
    date: 2023-09-18
";

    fn hits(text: &str) -> Vec<(String, String)> {
        let base = crate::load_sources(vec![(PathBuf::from("r.yaml"), RULES.into())]).unwrap();
        base.index
            .hits(text, 0)
            .into_iter()
            .map(|h| {
                (
                    text[h.start..h.end].to_string(),
                    base.fact(h.fact).id().to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn leftmost_longest_on_word_boundaries() {
        assert_eq!(
            hits("After the Istanbul talks ended, ..."),
            vec![("Istanbul talks ended".into(), "b".into())]
        );
        // The longer phrase is not on a word boundary: the shorter one still matches.
        assert_eq!(
            hits("the Istanbul talks endedly"),
            vec![("Istanbul talks".into(), "a".into())]
        );
        assert_eq!(
            hits("ISTANBUL TALKS, then \u{201c}talks in\n Turkey\u{201d}."),
            vec![
                ("ISTANBUL TALKS".into(), "a".into()),
                ("talks in\n Turkey".into(), "b".into()),
            ]
        );
        assert!(hits("Istanbultalks").is_empty());
    }
}

/// The index against a reference that works on characters: normalise the text (keeping a map
/// back to the original offsets), find every occurrence of every phrase, keep those on word
/// boundaries, then the leftmost-longest ones. Quotation marks are generated only next to white
/// space: a quote glued between two letters (`foo"bar`) is the one place the two differ (the
/// reference joins the letters, the index does not).
#[cfg(test)]
mod reference {
    use proptest::prelude::*;

    use super::*;

    fn is_quote(c: char) -> bool {
        matches!(c, '"' | '“' | '”' | '„' | '«' | '»' | '‹' | '›')
    }

    fn is_apostrophe(c: char) -> bool {
        matches!(c, '\'' | '’' | '‘' | 'ʼ')
    }

    /// Normalised, ASCII-lower-cased text, and for each of its bytes the original character's
    /// range.
    fn normalized(src: &str) -> (String, Vec<(usize, usize)>) {
        let mut text = String::new();
        let mut map = Vec::new();
        let mut prev: Option<char> = None;
        let mut pending: Option<(usize, usize)> = None;
        let mut chars = src.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if is_quote(c) {
                continue;
            }
            if c.is_whitespace() {
                if !text.is_empty() && pending.is_none() {
                    pending = Some((i, i + c.len_utf8()));
                }
                prev = Some(' ');
                continue;
            }
            let out = if is_apostrophe(c) {
                let inside = prev.is_some_and(char::is_alphanumeric)
                    && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
                if !inside {
                    continue;
                }
                '\''
            } else {
                c.to_ascii_lowercase()
            };
            if let Some(range) = pending.take() {
                text.push(' ');
                map.push(range);
            }
            text.push(out);
            map.extend(std::iter::repeat_n((i, i + c.len_utf8()), out.len_utf8()));
            prev = Some(out);
        }
        (text, map)
    }

    fn reference(keys: &[String], src: &str) -> Vec<(usize, usize, usize)> {
        let (text, map) = normalized(src);
        let boundary = |s: usize, e: usize| {
            !text[..s]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
                && !text[e..].chars().next().is_some_and(char::is_alphanumeric)
        };
        let mut found: Vec<(usize, usize, usize)> = Vec::new();
        for (p, key) in keys.iter().enumerate() {
            let mut from = 0;
            while let Some(at) = text[from..].find(key.as_str()) {
                let s = from + at;
                if boundary(s, s + key.len()) {
                    found.push((s, s + key.len(), p));
                }
                from = s + text[s..].chars().next().map_or(1, char::len_utf8);
            }
        }
        found.sort_by_key(|&(s, e, p)| (s, std::cmp::Reverse(e), p));
        let mut next = 0;
        let mut out = Vec::new();
        for (s, e, p) in found {
            if s >= next {
                next = e;
                out.push((map[s].0, map[e - 1].1, p));
            }
        }
        out
    }

    const WORDS: &[&str] = &[
        "talks", "in", "Turkey", "Ist", "Istanbul", "the", "Baku", "s", "U", "S", "envoy",
        "Karabakh", "Nagorno", "Ünal", "über", "2023", "17", "a",
    ];
    const GLUE: &[&str] = &[
        " ",
        " ",
        " ",
        "  ",
        "\n",
        "\t",
        "-",
        ".",
        ",",
        "'",
        "’",
        " \u{201c}",
        "\u{201d} ",
        " \"",
        "\" ",
        ": ",
        "/",
    ];

    fn text(parts: &[(usize, usize)]) -> String {
        let mut s = String::new();
        for &(w, g) in parts {
            s.push_str(WORDS[w % WORDS.len()]);
            s.push_str(GLUE[g % GLUE.len()]);
        }
        s
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]
        #[test]
        fn the_index_finds_what_the_reference_finds(
            phrases in proptest::collection::vec(proptest::collection::vec((0usize..64, 0usize..64), 1..4), 1..12),
            body in proptest::collection::vec((0usize..64, 0usize..64), 0..40),
        ) {
            // Phrases: a few words joined by the same glue as the text, trimmed.
            let mut keys: Vec<String> = Vec::new();
            let mut yaml = String::from("events:\n");
            for (n, parts) in phrases.iter().enumerate() {
                let phrase = text(parts);
                let key = strip_article(normalize(phrase.trim())).to_ascii_lowercase();
                // A phrase of only articles is a load error (validate.rs).
                let articles = key.split(' ').all(|w| matches!(w, "the" | "a" | "an"));
                if key.is_empty() || articles || keys.contains(&key) {
                    continue;
                }
                let quoted = serde_json::to_string(phrase.trim()).unwrap();
                yaml.push_str(&format!("  - {{ id: e{n}, name: {quoted}, date: 2023 }}\n"));
                keys.push(key);
            }
            let base = crate::load_sources(vec![(std::path::PathBuf::from("r.yaml"), yaml)]).unwrap();
            let src = text(&body);
            let got: Vec<(usize, usize, String)> = base
                .index
                .hits(&src, 0)
                .into_iter()
                .map(|h| (h.start, h.end, base.fact(h.fact).name().to_string()))
                .collect();
            let want: Vec<(usize, usize, String)> = reference(&keys, &src)
                .into_iter()
                .map(|(s, e, p)| {
                    let name = base.facts.iter().find(|f| {
                        strip_article(normalize(f.name())).eq_ignore_ascii_case(&keys[p])
                    });
                    (s, e, name.map(|f| f.name().to_string()).unwrap_or_default())
                })
                .collect();
            prop_assert_eq!(got, want, "text {:?}, phrases {:?}", src, keys);
        }
    }
}
