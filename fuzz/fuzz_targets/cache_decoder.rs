//! The parse cache's decoder on arbitrary entries: a rule file is loaded through a cache whose
//! every entry is the fuzz input, so whatever is on disk in the cache directory reaches
//! `decode` and then validation, ids and the index. Never panics; every error names the file.
//!
//! The first byte chooses how the entry is framed: as it is (the checksum must then match by
//! chance: this fuzzes the framing), or behind a correct checksum (this fuzzes the JSON
//! payload, which is what a hand-edited entry or a bug in `encode` would give), framed with
//! `factcheck_rules::cache_checksum`, the loader's own.

#![no_main]

use std::path::PathBuf;

use libfuzzer_sys::fuzz_target;

/// A rule file that loads, so a failed decode falls back to a real parse.
const RULES: &str = "events:\n  - id: a\n    name: talks in Lorvia\n    date: 2023-09-17\n    cues: [Lorvia talks]\noffices:\n  - id: b\n    person: Ada Quell\n    roles:\n      - title: Minister of Trade\n        from: 2019\n        to: 2020-12-31\ncounts:\n  - id: c\n    name: arrivals in Lorvia\n    unit: people\n    tolerance: 0.1\n    series:\n      - as_of: 2021-05-01\n        value: 100\n";

use factcheck_rules::cache_checksum as checksum;

struct Entry(Vec<u8>);

impl factcheck_rules::ParseCache for Entry {
    fn get(&self, _key: &str) -> Option<Vec<u8>> {
        Some(self.0.clone())
    }
    fn put(&self, _key: &str, _bytes: &[u8]) {}
    fn min_bytes(&self) -> usize {
        0
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&frame, payload)) = data.split_first() else {
        return;
    };
    let entry = if frame & 1 == 0 {
        payload.to_vec()
    } else {
        let mut e = checksum(payload).into_bytes();
        e.push(b'\n');
        e.extend_from_slice(payload);
        e
    };
    let path = PathBuf::from("rules/r.yaml");
    let files = vec![(path.clone(), RULES.to_string())];
    match factcheck_rules::load_sources_cached(files, &Entry(entry)) {
        Ok(base) => assert_eq!(base.ids().count(), base.len()),
        Err(e) => {
            assert!(!e.errors.is_empty(), "an error with no errors");
            for err in &e.errors {
                assert_eq!(err.path, path, "{err}: unknown file");
            }
        }
    }
});
