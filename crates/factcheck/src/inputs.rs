//! Finding drafts (files, directories walked like ripgrep does, standard input) and reading them.
//!
//! Reading never stops the run: a file that cannot be read becomes an error diagnostic on its own
//! report, so one bad draft never hides the results of the others.

use std::io::Read as _;
use std::path::{Path, PathBuf};

use factcheck_claims::Format;
use factcheck_model::{Diagnostic, Level, LineIndex};
use globset::{Glob, GlobSet, GlobSetBuilder};

/// Extensions a directory walk picks up.
pub const EXTENSIONS: &[&str] = &["md", "markdown", "txt"];

/// How many leading bytes are searched for a NUL to call a walked file binary.
const BINARY_PROBE: usize = 8 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    Stdin,
    File {
        path: PathBuf,
        /// Met while walking a directory (binary files are then skipped, not failed).
        walked: bool,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Input {
    /// The name used in reports.
    pub name: String,
    pub source: Source,
}

/// A problem met while collecting inputs: a missing path, a walk error.
#[derive(Debug, Clone)]
pub struct CollectError {
    pub name: String,
    pub message: String,
}

/// Filters for walked files, from the config's include and exclude globs.
#[derive(Debug, Default)]
pub struct Filters {
    include: Option<GlobSet>,
    exclude: Option<GlobSet>,
    /// Directories a walk never enters (the snapshot directory), absolute and normalised.
    skip: Vec<PathBuf>,
}

impl Filters {
    pub fn new(include: &[String], exclude: &[String]) -> anyhow::Result<Filters> {
        fn build(globs: &[String]) -> anyhow::Result<Option<GlobSet>> {
            if globs.is_empty() {
                return Ok(None);
            }
            let mut set = GlobSetBuilder::new();
            for g in globs {
                set.add(
                    Glob::new(g).map_err(|e| anyhow::anyhow!("bad glob `{g}` in config: {e}"))?,
                );
            }
            Ok(Some(set.build()?))
        }
        Ok(Filters {
            include: build(include)?,
            exclude: build(exclude)?,
            skip: Vec::new(),
        })
    }

    /// A walk never enters `dir` (nor reads a draft in it).
    pub fn skipping(mut self, dir: &Path) -> Filters {
        self.skip.push(crate::config::normalize(dir));
        self
    }

    fn admits(&self, relative: &Path) -> bool {
        self.include.as_ref().is_none_or(|s| s.is_match(relative))
            && !self.exclude.as_ref().is_some_and(|s| s.is_match(relative))
    }
}

/// Expands the command line's paths into inputs, sorted by name and without duplicates.
pub fn collect(paths: &[PathBuf], filters: &Filters) -> (Vec<Input>, Vec<CollectError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input {
                name: "<stdin>".into(),
                source: Source::Stdin,
            });
            continue;
        }
        let name = display(path);
        match std::fs::metadata(path) {
            Err(e) => errors.push(CollectError {
                name,
                message: io_message(&e),
            }),
            Ok(meta) if meta.is_dir() => walk(path, filters, &mut inputs, &mut errors),
            Ok(_) => inputs.push(Input {
                name,
                source: Source::File {
                    path: path.clone(),
                    walked: false,
                },
            }),
        }
    }
    inputs.sort();
    inputs.dedup_by(|a, b| a.name == b.name);
    errors.sort_by(|a, b| a.name.cmp(&b.name));
    (inputs, errors)
}

fn walk(root: &Path, filters: &Filters, inputs: &mut Vec<Input>, errors: &mut Vec<CollectError>) {
    let walker = ignore::WalkBuilder::new(root)
        .hidden(true)
        .git_ignore(true)
        .require_git(false)
        .follow_links(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .filter_entry({
            let skip = filters.skip.clone();
            move |e| {
                skip.is_empty()
                    || !e.file_type().is_some_and(|t| t.is_dir())
                    || !skip.contains(&crate::config::normalize(e.path()))
            }
        })
        .build();
    for entry in walker {
        match entry {
            Err(e) => errors.push(CollectError {
                name: display(root),
                message: e.to_string(),
            }),
            Ok(entry) => {
                let path = entry.path();
                let is_file = entry.file_type().is_some_and(|t| t.is_file());
                let ext_ok = path
                    .extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)));
                let relative = path.strip_prefix(root).unwrap_or(path);
                if is_file && ext_ok && filters.admits(relative) {
                    inputs.push(Input {
                        name: display(path),
                        source: Source::File {
                            path: path.to_path_buf(),
                            walked: true,
                        },
                    });
                }
            }
        }
    }
}

/// What reading an input gave.
pub enum Loaded {
    Text {
        text: String,
        warnings: Vec<Diagnostic>,
    },
    /// A binary file met while walking: skipped, with this warning.
    Skipped(String),
    Failed(Diagnostic),
}

impl Input {
    /// How the grammar should read this input.
    pub fn format(&self) -> Format {
        match &self.source {
            Source::Stdin => Format::Auto,
            Source::File { path, .. } => match path.extension().and_then(|e| e.to_str()) {
                Some(e) if e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown") => {
                    Format::Markdown
                }
                Some(e) if e.eq_ignore_ascii_case("txt") => Format::Plain,
                _ => Format::Auto,
            },
        }
    }

    /// The file's path, unless it is standard input.
    pub fn path(&self) -> Option<&Path> {
        match &self.source {
            Source::Stdin => None,
            Source::File { path, .. } => Some(path),
        }
    }

    pub fn read(&self, lossy: bool) -> Loaded {
        let bytes = match &self.source {
            Source::Stdin => {
                let mut buf = Vec::new();
                std::io::stdin().lock().read_to_end(&mut buf).map(|_| buf)
            }
            Source::File { path, .. } => read_file(path),
        };
        let bytes = match bytes {
            Ok(b) => b,
            Err(e) => return Loaded::Failed(error(format!("cannot read: {}", io_message(&e)))),
        };
        let walked = matches!(self.source, Source::File { walked: true, .. });
        if walked && memchr_nul(&bytes[..bytes.len().min(BINARY_PROBE)]) {
            return Loaded::Skipped(format!("{}: skipped: binary file", self.name));
        }
        decode(bytes, lossy)
    }
}

/// UTF-8 text, or an error naming the first invalid byte (or, when `lossy`, the text with
/// replacement characters and a warning).
pub fn decode(bytes: Vec<u8>, lossy: bool) -> Loaded {
    match String::from_utf8(bytes) {
        Ok(text) => Loaded::Text {
            text,
            warnings: Vec::new(),
        },
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let valid = std::str::from_utf8(&bytes[..offset]).unwrap_or_default();
            let (line, column) = LineIndex::new(valid).line_col(offset);
            let what = format!(
                "not valid UTF-8: invalid byte 0x{:02x} at byte offset {offset}",
                bytes[offset]
            );
            if lossy {
                let text = String::from_utf8_lossy(&bytes).into_owned();
                let warning = Diagnostic {
                    level: Level::Warning,
                    message: format!("{what}; decoded lossily (--lossy)"),
                    line: Some(line),
                    column: Some(column),
                };
                Loaded::Text {
                    text,
                    warnings: vec![warning],
                }
            } else {
                Loaded::Failed(Diagnostic {
                    level: Level::Error,
                    message: format!(
                        "{what} (use --lossy to decode it with replacement characters)"
                    ),
                    line: Some(line),
                    column: Some(column),
                })
            }
        }
    }
}

/// Reads a draft; devices (which may never end, like `/dev/zero`) are refused. Pipes are read.
fn read_file(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::os::unix::fs::FileTypeExt;
    let kind = std::fs::metadata(path)?.file_type();
    if kind.is_char_device() || kind.is_block_device() {
        return Err(std::io::Error::other("a device, not a file"));
    }
    std::fs::read(path)
}

pub fn error(message: String) -> Diagnostic {
    Diagnostic {
        level: Level::Error,
        message,
        line: None,
        column: None,
    }
}

fn memchr_nul(bytes: &[u8]) -> bool {
    bytes.contains(&0)
}

/// The name of a path in reports: as given, without a leading `./`, with `/` separators.
fn display(path: &Path) -> String {
    let path = path
        .strip_prefix(".")
        .ok()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(path);
    let name = path.to_string_lossy();
    if cfg!(windows) {
        name.replace('\\', "/")
    } else {
        name.into_owned()
    }
}

/// An io error without Rust's `(os error N)` suffix.
pub fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
    }
}
