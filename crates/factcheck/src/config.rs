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
        Ok(Config { dir: cwd, ..Config::default() })
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
