//! Reference facts and the checker.
//!
//! Facts live in YAML rule files (the format is [`mod@format`], the guide `docs/rules.md`). [`load`]
//! reads and validates every file of a directory, all or nothing, and builds a [`FactBase`]: the
//! facts plus one alias index (of word sequences) over every name, alias, cue and role title.
//! [`check_claims`] breaks every claim of a parsed draft into its assertions and checks each
//! against the facts, claims in parallel (rayon), output in span order and byte-identical on any
//! thread count; the engine crate (`factcheck-engine`) adds the built-in checks. The semantics are documented in
//! `docs/checking.md`.
//!
//! The crate never prints and reads files only in [`load`] and [`lint`]. All YAML handling is in
//! one private module (`yaml.rs`), so that serde_yaml can be swapped for a maintained fork in one
//! change.

use std::fmt;
use std::path::{Path, PathBuf};

mod base;
mod cache;
mod check;
pub mod format;
mod index;
mod lint;
mod text;
mod validate;
mod yaml;

pub use base::{ExampleCase, FactBase, LoadTimings};
pub use cache::{ParseCache, checksum as cache_checksum};
pub use check::check_claims;

pub use lint::{Finding, lint, lint_sources};

/// Rule files larger than this are refused before they are parsed (32 MiB).
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// One problem with a rule file. Displays as `path:line:column: field `x`: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// The field path, such as `events[2].date`.
    pub field: Option<String>,
    pub message: String,
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        f.write_str(": ")?;
        if let Some(field) = &self.field {
            write!(f, "field `{field}`: ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for RuleError {}

/// The rules could not be loaded: every problem of every file, sorted by file and position.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", lines(.errors))]
pub struct LoadError {
    pub errors: Vec<RuleError>,
}

fn lines(errors: &[RuleError]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Reads every `*.yaml` / `*.yml` file under `dir` (recursively, sorted by path; hidden files
/// and directories skipped), validates all of them, and builds the fact base. Nothing is loaded
/// unless everything is valid.
pub fn load(dir: &Path) -> Result<FactBase, LoadError> {
    let files = base::read_dir(dir)?;
    load_sources(files)
}

/// [`load`], reading files parsed before from `cache` and storing the others there (see
/// [`ParseCache`]). The result, errors included, is the same as [`load`]'s.
pub fn load_cached(dir: &Path, cache: &dyn ParseCache) -> Result<FactBase, LoadError> {
    let files = base::read_dir(dir)?;
    load_sources_cached(files, cache)
}

/// [`load`] from memory: `(path, text)` pairs, in any order.
pub fn load_sources(files: Vec<(PathBuf, String)>) -> Result<FactBase, LoadError> {
    base::build(files, None)
}

/// [`load_cached`] from memory.
pub fn load_sources_cached(
    files: Vec<(PathBuf, String)>,
    cache: &dyn ParseCache,
) -> Result<FactBase, LoadError> {
    base::build(files, Some(cache))
}

/// [`load_sources`] (through `cache` if given), and how long each phase took (for benchmarks).
pub fn load_sources_timed(
    files: Vec<(PathBuf, String)>,
    cache: Option<&dyn ParseCache>,
) -> (Result<FactBase, LoadError>, LoadTimings) {
    base::build_timed(files, cache)
}

/// The JSON Schema (2020-12) of a rule file, pretty-printed with a trailing newline.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(format::RuleFile);
    let mut s = serde_json::to_string_pretty(&schema).unwrap_or_default();
    s.push('\n');
    s
}
