//! The parse cache: rule files already parsed, kept between runs and keyed by their content.
//!
//! YAML parsing is most of the time a load takes (serde_yaml reads about 20 MB/s per core), and
//! a fact base rarely changes between two runs. A file whose exact text was parsed before is
//! read back from the cache (as JSON, several times faster) instead; every other step of a load
//! (validation, duplicate ids, the index) runs as without a cache, so a cached load gives the
//! same fact base, and the same errors, as an uncached one.
//!
//! The key of a file is a 128-bit hash of its text, of this crate's version and of the JSON
//! Schema of the rule format, so an edited file, a new release or a changed format never reads
//! an old entry. Only files that parse are stored. An entry that cannot be read back (truncated,
//! corrupted, or written by another format) counts as a miss: the file is parsed again and the
//! entry rewritten.
//!
//! This crate never touches the cache's storage: the caller gives a [`ParseCache`] (the CLI keeps
//! one file per entry in a cache directory).

use std::hash::{Hash, Hasher};
use std::sync::OnceLock;

use crate::format::RuleFile;

/// Where parsed rule files are kept between runs. `get` and `put` may be called from several
/// threads at once; a failed `put` is not an error (the next load parses again).
pub trait ParseCache: Sync {
    /// The bytes stored under `key`, if any.
    fn get(&self, key: &str) -> Option<Vec<u8>>;
    /// Stores `bytes` under `key`.
    fn put(&self, key: &str, bytes: &[u8]);
    /// Files shorter than this are parsed without the cache: they parse in about the time it
    /// takes to read an entry back (64 KiB of YAML: about 3 ms).
    fn min_bytes(&self) -> usize {
        64 * 1024
    }
}

/// What besides the text decides how a file parses: the crate version and the rule format.
fn fingerprint() -> &'static str {
    static FINGERPRINT: OnceLock<String> = OnceLock::new();
    FINGERPRINT.get_or_init(|| format!("{}\n{}", env!("CARGO_PKG_VERSION"), crate::json_schema()))
}

/// The cache key of a rule file's text: 32 hex digits.
pub(crate) fn key(text: &str) -> String {
    let half = |seed: u64| {
        let mut h = std::hash::DefaultHasher::new();
        seed.hash(&mut h);
        fingerprint().hash(&mut h);
        text.hash(&mut h);
        h.finish()
    };
    format!("{:016x}{:016x}", half(1), half(2))
}

/// An entry: a checksum of the payload (32 hex digits and a newline), then the payload (the
/// parsed file as JSON). The checksum catches an entry truncated or corrupted on disk; it is
/// no protection against someone who can write the cache (they can write a matching one): the
/// caller keeps the cache where only its user can write (see the binary's `cache.rs`).
pub(crate) fn encode(file: &RuleFile) -> Option<Vec<u8>> {
    let payload = serde_json::to_vec(file).ok()?;
    let mut out = checksum(&payload).into_bytes();
    out.push(b'\n');
    out.extend_from_slice(&payload);
    Some(out)
}

/// The file an entry holds; `None` when the checksum does not match or the payload does not
/// read back.
pub(crate) fn decode(bytes: &[u8]) -> Option<RuleFile> {
    let (sum, payload) = bytes.split_at_checked(33)?;
    if sum[32] != b'\n' || sum[..32] != *checksum(payload).as_bytes() {
        return None;
    }
    serde_json::from_slice(payload).ok()
}

/// The checksum that frames a cache entry's payload (32 hex digits): public for the fuzz target
/// that feeds the decoder well-framed payloads, so the framing is written once.
pub fn checksum(payload: &[u8]) -> String {
    let half = |seed: u64| {
        let mut h = std::hash::DefaultHasher::new();
        seed.hash(&mut h);
        payload.hash(&mut h);
        h.finish()
    };
    format!("{:016x}{:016x}", half(3), half(4))
}

/// Parses `text` through the cache: an entry that reads back is used, anything else is parsed
/// and, if it parses, stored.
pub(crate) fn parse<E>(
    cache: Option<&dyn ParseCache>,
    text: &str,
    parse: impl FnOnce(&str) -> Result<RuleFile, E>,
) -> Result<RuleFile, E> {
    let Some(cache) = cache.filter(|c| text.len() >= c.min_bytes()) else {
        return parse(text);
    };
    let key = key(text);
    if let Some(file) = cache.get(&key).as_deref().and_then(decode) {
        return Ok(file);
    }
    let file = parse(text)?;
    if let Some(bytes) = encode(&file) {
        cache.put(&key, &bytes);
    }
    Ok(file)
}

#[cfg(test)]
pub(crate) mod tests {
    use std::collections::BTreeMap;
    use std::path::PathBuf;
    use std::sync::Mutex;

    use super::*;

    /// A cache in memory, counting reads that hit.
    #[derive(Default)]
    pub(crate) struct Memory {
        pub entries: Mutex<BTreeMap<String, Vec<u8>>>,
        pub hits: Mutex<usize>,
    }

    impl ParseCache for Memory {
        fn get(&self, key: &str) -> Option<Vec<u8>> {
            let got = self.entries.lock().unwrap().get(key).cloned();
            if got.is_some() {
                *self.hits.lock().unwrap() += 1;
            }
            got
        }
        fn put(&self, key: &str, bytes: &[u8]) {
            self.entries
                .lock()
                .unwrap()
                .insert(key.to_string(), bytes.to_vec());
        }
        fn min_bytes(&self) -> usize {
            0
        }
    }

    fn shipped() -> Vec<(PathBuf, String)> {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../rules");
        crate::base::read_dir(&dir).unwrap()
    }

    /// Everything a fact base says, as text (`Fact` holds the parsed rule-file types).
    fn dump(base: &crate::FactBase) -> String {
        format!("{:#?}", base.facts)
    }

    #[test]
    fn a_cached_load_is_the_same_load() {
        let cache = Memory::default();
        let cold = crate::load_sources_cached(shipped(), &cache).unwrap();
        assert_eq!(*cache.hits.lock().unwrap(), 0);
        assert_eq!(cache.entries.lock().unwrap().len(), shipped().len());
        let warm = crate::load_sources_cached(shipped(), &cache).unwrap();
        assert_eq!(*cache.hits.lock().unwrap(), shipped().len());
        let plain = crate::load_sources(shipped()).unwrap();
        assert_eq!(dump(&cold), dump(&plain));
        assert_eq!(dump(&warm), dump(&plain));
    }

    /// Floats as YAML writes them: Rust's shortest round-trip form ("0.43150878218787675").
    fn float() -> impl proptest::strategy::Strategy<Value = f64> {
        use proptest::prelude::*;
        prop_oneof![
            (0u64..1_000_000_000).prop_map(|n| n as f64),
            proptest::num::f64::POSITIVE | proptest::num::f64::ZERO,
            (0.0f64..1.0),
        ]
    }

    /// A random rule file: events, offices and counts with odd strings, 17-digit floats,
    /// tolerances in and out of range (so some files fail validation), aliases and anchors.
    fn rule_file() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let word = "[a-zA-Z\u{e9}\u{65e5}'][a-zA-Z0-9 \u{e9}\u{65e5}.,'-]{0,12}";
        let quoted = move || word.prop_map(|w| serde_json::to_string(&w).unwrap());
        let event = (
            quoted(),
            proptest::collection::vec(quoted(), 0..3),
            1u8..=28,
            1u8..=12,
        )
            .prop_map(|(name, cues, d, m)| (name, cues, d, m));
        let count = (
            quoted(),
            proptest::collection::vec(float(), 1..4),
            proptest::option::of(0.0f64..1.5),
        );
        (
            proptest::collection::vec(event, 0..6),
            proptest::collection::vec(count, 0..4),
            any::<bool>(),
        )
            .prop_map(|(events, counts, alias)| {
                let mut out = String::from("events:\n");
                for (i, (name, cues, d, m)) in events.iter().enumerate() {
                    out.push_str(&format!(
                        "  - id: e{i}\n    name: {name}\n    date: 2020-{m:02}-{d:02}\n    cues: [{}]\n",
                        cues.join(", ")
                    ));
                    if alias && i == 0 {
                        out.push_str("    source: &s https://example.org/a\n");
                    } else if alias {
                        out.push_str("    source: *s\n");
                    }
                }
                out.push_str("counts:\n");
                for (i, (name, values, tolerance)) in counts.iter().enumerate() {
                    out.push_str(&format!("  - id: c{i}\n    name: {name}\n    unit: people\n"));
                    if let Some(t) = tolerance {
                        out.push_str(&format!("    tolerance: {t:?}\n"));
                    }
                    out.push_str("    series:\n");
                    for (k, v) in values.iter().enumerate() {
                        out.push_str(&format!("      - {{as_of: 2021-01-{:02}, value: {v:?}}}\n", k + 1));
                    }
                }
                out
            })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]
        /// The documented invariant: the cache never changes a load's result. Random rule
        /// files loaded cold (parsed, then stored) and warm (read back) give the same fact base,
        /// or the same errors.
        #[test]
        fn cold_and_warm_loads_are_identical(text in rule_file()) {
            let files = vec![(PathBuf::from("r.yaml"), text)];
            let cache = Memory::default();
            let plain = crate::load_sources(files.clone());
            let cold = crate::load_sources_cached(files.clone(), &cache);
            let warm = crate::load_sources_cached(files, &cache);
            match (&plain, &cold, &warm) {
                (Ok(p), Ok(c), Ok(w)) => {
                    proptest::prop_assert_eq!(dump(p), dump(c));
                    proptest::prop_assert_eq!(dump(p), dump(w));
                }
                (Err(p), Err(c), Err(w)) => {
                    proptest::prop_assert_eq!(p, c);
                    proptest::prop_assert_eq!(p, w);
                }
                _ => proptest::prop_assert!(false, "plain {:?}, cold {:?}, warm {:?}", plain.as_ref().err(), cold.as_ref().err(), warm.as_ref().err()),
            }
        }
    }

    #[test]
    fn a_hand_edited_entry_fails_its_checksum() {
        let cache = Memory::default();
        crate::load_sources_cached(shipped(), &cache).unwrap();
        for bytes in cache.entries.lock().unwrap().values_mut() {
            let text = String::from_utf8(bytes.clone()).unwrap();
            let edited = text.replacen("2023", "2024", 1);
            assert_ne!(text, edited);
            assert!(decode(edited.as_bytes()).is_none());
            *bytes = edited.into_bytes();
        }
        let base = crate::load_sources_cached(shipped(), &cache).unwrap();
        assert_eq!(dump(&base), dump(&crate::load_sources(shipped()).unwrap()));
    }

    #[test]
    fn small_files_skip_the_default_cache() {
        struct Refuse;
        impl ParseCache for Refuse {
            fn get(&self, _: &str) -> Option<Vec<u8>> {
                panic!("a small file was looked up")
            }
            fn put(&self, _: &str, _: &[u8]) {
                panic!("a small file was stored")
            }
        }
        // The shipped rules are a few KB per file.
        crate::load_sources_cached(shipped(), &Refuse).unwrap();
    }

    #[test]
    fn an_entry_that_does_not_read_back_is_a_miss() {
        let cache = Memory::default();
        crate::load_sources_cached(shipped(), &cache).unwrap();
        for bytes in cache.entries.lock().unwrap().values_mut() {
            bytes.truncate(bytes.len() / 2);
        }
        let base = crate::load_sources_cached(shipped(), &cache).unwrap();
        assert_eq!(dump(&base), dump(&crate::load_sources(shipped()).unwrap()));
        // The broken entries were rewritten.
        assert!(
            cache
                .entries
                .lock()
                .unwrap()
                .values()
                .all(|b| decode(b).is_some())
        );
    }

    #[test]
    fn an_edited_file_has_another_key_and_errors_are_never_cached() {
        let good = "events:\n  - id: a\n    name: talks\n    date: 2023-09-17\n";
        let edited = good.replace("17", "18");
        assert_ne!(key(good), key(&edited));
        assert_eq!(key(good), key(good));
        let cache = Memory::default();
        let bad = vec![(PathBuf::from("r.yaml"), "events: [1".to_string())];
        let err = crate::load_sources_cached(bad.clone(), &cache).unwrap_err();
        assert!(cache.entries.lock().unwrap().is_empty());
        assert_eq!(err, crate::load_sources(bad).unwrap_err());
        // A file that parses but does not validate is cached, and still fails the same way.
        let invalid = vec![(
            PathBuf::from("r.yaml"),
            "events:\n  - { id: a, name: talks, date: 2023-09-17 }\n  - { id: a, name: walks, date: 2023 }\n"
                .to_string(),
        )];
        let once = crate::load_sources_cached(invalid.clone(), &cache).unwrap_err();
        assert_eq!(cache.entries.lock().unwrap().len(), 1);
        let twice = crate::load_sources_cached(invalid.clone(), &cache).unwrap_err();
        assert_eq!(*cache.hits.lock().unwrap(), 1);
        assert_eq!(once, crate::load_sources(invalid).unwrap_err());
        assert_eq!(once, twice);
    }
}
