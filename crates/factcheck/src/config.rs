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
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read config file {}", path.display()))?;
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
        config.dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
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
    /// The configured document date of a draft, if a `[dates]` glob matches its path.
    pub fn date_for(&self, path: &Path) -> Option<factcheck_model::Date> {
        let absolute = std::path::absolute(path).ok()?;
        let base = std::path::absolute(&self.dir).ok()?;
        let relative = absolute.strip_prefix(&base).ok()?;
        self.date_globs
            .iter()
            .find(|(m, _)| m.is_match(relative))
            .map(|(_, d)| *d)
    }
}
