//! `factcheck.toml`: found by walking up from the working directory; flags win over it.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::Deserialize;

use crate::cli::FailOn;

pub const FILE_NAME: &str = "factcheck.toml";

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// Directory of rule files, relative to the config file.
    pub rules: Option<PathBuf>,
    pub fail_on: Option<FailOn>,
    /// Default output format of `check`.
    pub format: Option<String>,
    /// Globs a walked file must match (all files when empty).
    #[serde(default)]
    pub include: Vec<String>,
    /// Globs of walked files to leave out.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// Directory of `factcheck snapshot`'s snapshots, relative to this file
    /// [default: `.factcheck/snapshots`]. Draft walks never enter it.
    pub snapshots: Option<PathBuf>,
    /// Document dates of drafts that carry none (no front matter): a glob, relative to this
    /// file, and a date (`"seeds/plain-article.txt" = "2023-10-05"`). Front matter and `--date`
    /// win over it.
    #[serde(default)]
    pub dates: std::collections::BTreeMap<String, String>,
    /// The compiled `dates` table.
    #[serde(skip)]
    pub date_globs: Vec<(globset::GlobMatcher, factcheck_model::Date)>,
    /// Where the config file is (set after loading).
    #[serde(skip)]
    pub dir: PathBuf,
    /// The config file read, if any.
    #[serde(skip)]
    pub path: Option<PathBuf>,
}

impl Config {
    /// The config named on the command line, or the nearest `factcheck.toml` from the working
    /// directory up, or the defaults.
    pub fn find(explicit: Option<&Path>) -> Result<Config> {
        if let Some(path) = explicit {
            return Config::read(path);
        }
        let cwd = std::env::current_dir().context("cannot read the working directory")?;
        for dir in cwd.ancestors() {
            let candidate = dir.join(FILE_NAME);
            if candidate.is_file() {
                return Config::read(&candidate);
            }
        }
        Ok(Config {
            dir: cwd,
            ..Config::default()
        })
    }

    fn read(path: &Path) -> Result<Config> {
        let text = read_bounded(path)
            .with_context(|| format!("cannot read config file {}", path.display()))?;
        Config::from_text(&text, path)
    }

    /// A config from its text; `path` is where it was read (errors name it, and relative
    /// paths in it are relative to its directory).
    pub fn from_text(text: &str, path: &Path) -> Result<Config> {
        let text = text.to_string();
        let mut config: Config = toml::from_str(&text).map_err(|e| {
            let place = e
                .span()
                .map(|s| {
                    let idx = factcheck_model::LineIndex::new(&text);
                    let (line, col) = idx.line_col(s.start);
                    format!(":{line}:{col}")
                })
                .unwrap_or_default();
            anyhow::anyhow!("{}{place}: {}", path.display(), e.message())
        })?;
        // `--config factcheck.toml` has the empty parent: the working directory (`normalize`
        // reads the empty path as `.`).
        config.dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        config.path = Some(path.to_path_buf());
        for (glob, date) in &config.dates {
            let parsed: factcheck_model::PartialDate = date
                .parse()
                .map_err(|e| anyhow::anyhow!("{}: [dates] `{glob}`: {e}", path.display()))?;
            let day = parsed.as_day().ok_or_else(|| {
                anyhow::anyhow!(
                    "{}: [dates] `{glob}`: `{date}` is not a full day",
                    path.display()
                )
            })?;
            let matcher = globset::Glob::new(glob)
                .map_err(|e| anyhow::anyhow!("{}: [dates] bad glob `{glob}`: {e}", path.display()))?
                .compile_matcher();
            config.date_globs.push((matcher, day));
        }
        Ok(config)
    }

    /// The rules directory: the flag, else the config's (relative to the config file), else
    /// `./rules`.
    pub fn rules_dir(&self, flag: Option<&Path>) -> PathBuf {
        match (flag, &self.rules) {
            (Some(dir), _) => dir.to_path_buf(),
            (None, Some(dir)) => self.dir.join(dir),
            (None, None) => PathBuf::from("rules"),
        }
    }
}

impl Config {
    /// The snapshot directory: the config's `snapshots`, else `.factcheck/snapshots`, relative
    /// to the config file's directory.
    pub fn snapshot_dir(&self) -> PathBuf {
        let dir = self
            .snapshots
            .clone()
            .unwrap_or_else(|| PathBuf::from(".factcheck/snapshots"));
        self.dir.join(dir)
    }

    /// The configured document date of a draft, if a `[dates]` glob matches its path.
    pub fn date_for(&self, path: &Path) -> Option<factcheck_model::Date> {
        let relative = self.relative(path)?;
        self.date_globs
            .iter()
            .find(|(m, _)| m.is_match(&relative))
            .map(|(_, d)| *d)
    }

    /// A draft's path relative to the config file's directory, `.` and `..` resolved
    /// (`drafts/../seeds/a.txt` is `seeds/a.txt`).
    pub fn relative(&self, path: &Path) -> Option<PathBuf> {
        let absolute = normalize(path);
        absolute
            .strip_prefix(normalize(&self.dir))
            .ok()
            .map(Path::to_path_buf)
    }

    /// The `[dates]` globs that match none of `paths` (the drafts of a run), for a warning: a
    /// glob that matches nothing usually means a path written wrong, and the relative dates of
    /// the drafts it was meant for are then all unverifiable.
    /// Warns about each `[dates]` glob that matches no file at all under the config file's
    /// directory: a path written wrong, and the relative dates of the drafts it was meant for
    /// would all be unverifiable without a word.
    pub fn warn_unmatched_dates(&self) {
        let Some(path) = &self.path else { return };
        for glob in self.unmatched_dates() {
            eprintln!(
                "warning: {}: [dates] `{glob}` matches no file: drafts it was meant for get no document date from it",
                path.display()
            );
        }
    }

    /// The `[dates]` globs that match no file. Only the directory a glob's literal prefix names
    /// is walked (`seeds/` for `seeds/*.txt`), at most [`MAX_DATES_WALK`] entries per glob
    /// (past that the glob counts as matching).
    pub fn unmatched_dates(&self) -> Vec<&str> {
        let base = normalize(&self.dir);
        self.dates
            .keys()
            .zip(&self.date_globs)
            .filter(|(glob, (matcher, _))| {
                let literal: PathBuf = Path::new(glob.as_str())
                    .components()
                    .take_while(|c| {
                        !c.as_os_str()
                            .to_string_lossy()
                            .contains(['*', '?', '[', '{', '\\'])
                    })
                    .collect();
                let start = base.join(&literal);
                if literal.as_os_str() == glob.as_str() {
                    return !start.exists();
                }
                let walk = ignore::WalkBuilder::new(&start)
                    .standard_filters(false)
                    .build()
                    .take(MAX_DATES_WALK);
                let mut seen = 0;
                for entry in walk.flatten() {
                    seen += 1;
                    if let Ok(rel) = entry.path().strip_prefix(&base)
                        && matcher.is_match(rel)
                    {
                        return false;
                    }
                }
                seen < MAX_DATES_WALK
            })
            .map(|(glob, _)| glob.as_str())
            .collect()
    }
}

/// How many directory entries [`Config::unmatched_dates`] looks at per glob.
pub const MAX_DATES_WALK: usize = 100_000;

/// The absolute form of `path` with `.` and `..` resolved lexically (symbolic links are not
/// followed: a `[dates]` glob is about the path as written, relative to the config file).
pub fn normalize(path: &Path) -> PathBuf {
    use std::path::Component;
    let path = if path.as_os_str().is_empty() {
        Path::new(".")
    } else {
        path
    };
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for c in absolute.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// A config file is at most this long (1 MiB): read like a rule file, only as much as that.
pub const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// Reads a config file: a regular file only (a FIFO would block, `/dev/zero` never ends), at
/// most [`MAX_CONFIG_BYTES`].
fn read_bounded(path: &Path) -> Result<String> {
    use std::io::Read;
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        anyhow::bail!("not a regular file");
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(MAX_CONFIG_BYTES + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_CONFIG_BYTES {
        anyhow::bail!("over the limit of {MAX_CONFIG_BYTES} bytes");
    }
    String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "not UTF-8 (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}
