//! The rule loader on arbitrary bytes: never panics, and every error names its file and a line
//! and column. A 0x00 byte splits the input into up to three files (so duplicate ids across
//! files are reached too); each is decoded lossily.

#![no_main]

use std::path::PathBuf;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let files: Vec<(PathBuf, String)> = data
        .split(|&b| b == 0)
        .take(3)
        .enumerate()
        .map(|(i, part)| {
            (
                PathBuf::from(format!("rules/{i}.yaml")),
                String::from_utf8_lossy(part).into_owned(),
            )
        })
        .collect();
    let names: Vec<PathBuf> = files.iter().map(|f| f.0.clone()).collect();
    match factcheck_rules::load_sources(files) {
        Ok(base) => {
            assert_eq!(base.ids().count(), base.len());
        }
        Err(e) => {
            assert!(!e.errors.is_empty(), "an error with no errors");
            for err in &e.errors {
                assert!(names.contains(&err.path), "{err}: unknown file");
                assert!(
                    err.line.is_some() && err.column.is_some(),
                    "{err}: no line and column"
                );
            }
        }
    }
});
