//! The alias index: one Aho-Corasick automaton over every name, alias, cue and role title of
//! every fact, built once when the rules load.
//!
//! Matching is leftmost-longest and ASCII case-insensitive over [`Normalized`] text (quotes
//! dropped, apostrophes unified, white space collapsed, ASCII lower-cased like the patterns); a
//! match counts only when it starts and ends on a word boundary, checked after matching and
//! before the leftmost-longest choice (see [`Index::scan`]). Identical phrases of several facts
//! share one pattern that lists all of them.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use aho_corasick::{AhoCorasick, MatchKind};
use rayon::prelude::*;

use crate::base::{Body, Fact};
use crate::text::Normalized;

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

pub(crate) struct Index {
    ac: Option<AhoCorasick>,
    /// The normalised phrase of each pattern (for lint messages).
    patterns: Vec<String>,
    /// Entries of pattern `p`: `entries[offsets[p]..offsets[p + 1]]`.
    offsets: Vec<u32>,
    entries: Vec<Entry>,
}

/// The automaton could not be built (far beyond any realistic rule set).
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

/// The Fx hash (as in rustc): phrases of trusted rule files need no DoS-resistant hashing, and
/// SipHash was a visible share of building the index.
#[derive(Default, Clone, Copy)]
struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let word = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
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

impl Index {
    pub fn build(facts: &[Fact]) -> Result<Index, IndexError> {
        // Lower-cased phrase → pattern id; the automaton matches lower-cased text.
        let mut ids: HashMap<String, u32, BuildHasherDefault<Fx>> = HashMap::default();
        let mut patterns: Vec<String> = Vec::new();
        let mut pairs: Vec<(u32, Entry)> = Vec::new();
        // Normalising is per fact and runs in parallel; deduplicating is one pass.
        let phrases: Vec<Vec<(String, Term)>> = facts
            .par_iter()
            .map(|fact| {
                terms(fact)
                    .into_iter()
                    .map(|(phrase, term)| (strip_article(Normalized::text_of(phrase)), term))
                    .filter(|(text, _)| !text.is_empty())
                    .collect()
            })
            .collect();
        for (f, list) in phrases.into_iter().enumerate() {
            let fact_no = u32::try_from(f).map_err(|_| IndexError("too many facts".into()))?;
            for (text, term) in list {
                let next = u32::try_from(patterns.len())
                    .map_err(|_| IndexError("too many phrases".into()))?;
                let p = match ids.entry(text.to_ascii_lowercase()) {
                    std::collections::hash_map::Entry::Occupied(e) => *e.get(),
                    std::collections::hash_map::Entry::Vacant(e) => {
                        e.insert(next);
                        patterns.push(text);
                        next
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
        let mut keys = vec![String::new(); patterns.len()];
        for (k, id) in ids {
            keys[id as usize] = k;
        }
        let ac = if keys.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    // The noncontiguous NFA builds several times faster than the contiguous
                    // one or a DFA over 100,000s of phrases; claims are short, so its slower
                    // search costs less than the build saves.
                    .kind(Some(aho_corasick::AhoCorasickKind::NoncontiguousNFA))
                    .build(&keys)
                    .map_err(|e| IndexError(e.to_string()))?,
            )
        };
        Ok(Index {
            ac,
            patterns,
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

    /// Appends every match in `text` to `out`, offsets shifted by `base`.
    ///
    /// The automaton reports every match, overlapping ones included; those not on word
    /// boundaries are dropped, and of the rest the leftmost-longest non-overlapping ones are
    /// kept. That is leftmost-longest matching, except that a longer match that is not on a word
    /// boundary never hides a shorter one that is.
    pub fn scan(&self, text: &str, base: usize, out: &mut Vec<Hit>) {
        let Some(ac) = &self.ac else { return };
        let norm = Normalized::new(text);
        let hay = norm.text.as_str();
        let mut found: Vec<(usize, usize, usize)> = ac
            .find_overlapping_iter(hay)
            .filter(|m| norm.on_word_boundary(m.start(), m.end()))
            .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
            .collect();
        found.sort_unstable_by_key(|&(s, e, p)| (s, std::cmp::Reverse(e), p));
        let mut next = 0;
        for (s, e, p) in found {
            if s < next {
                continue;
            }
            next = e;
            let (start, end) = norm.original(s, e);
            for entry in self.entries(p) {
                out.push(Hit {
                    start: base + start,
                    end: base + end,
                    fact: entry.fact,
                    term: entry.term,
                });
            }
        }
    }

    /// The matches in `text`, offsets shifted by `base`.
    pub fn hits(&self, text: &str, base: usize) -> Vec<Hit> {
        let mut out = Vec::new();
        self.scan(text, base, &mut out);
        out
    }
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
