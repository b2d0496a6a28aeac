//! The `factcheck.toml` loader on arbitrary text (the binary's own `config.rs`, compiled in
//! here with the `cli.rs` it needs): never panics, and every error names the config file.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

#[allow(dead_code)]
#[path = "../../crates/factcheck/src/cli.rs"]
mod cli;
#[allow(dead_code)]
#[path = "../../crates/factcheck/src/config.rs"]
mod config;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let path = Path::new("dir/factcheck.toml");
    match config::Config::from_text(&text, path) {
        Ok(c) => {
            assert_eq!(c.date_globs.len(), c.dates.len());
            let _ = c.unmatched_dates();
            let _ = c.rules_dir(None);
        }
        Err(e) => {
            let shown = format!("{e:#}");
            assert!(shown.starts_with("dir/factcheck.toml"), "{shown}");
        }
    }
});
