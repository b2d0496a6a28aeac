//! Command-line arguments (clap derive).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Checks the facts in news drafts against reference facts in YAML rule files.
#[derive(Debug, Parser)]
#[command(name = "factcheck", version, about, long_about = None, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check drafts: every claim supported, contradicted or unverifiable.
    Check(CheckArgs),
    /// Split drafts into sentences.
    Sentences(TextArgs),
    /// Split drafts into atomic claims with typed mentions.
    Claims(TextArgs),
    /// Work on rule files.
    #[command(subcommand)]
    Rules(RulesCommand),
    /// Snapshot tests: compare each draft's verdicts with its snapshot (exit 1 on a difference).
    Snapshot(SnapshotArgs),
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct SnapshotArgs {
    #[command(subcommand)]
    pub command: Option<SnapshotCommand>,
    /// Drafts or directories to snapshot [default: the directory of factcheck.toml]
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Accept every difference: write the snapshots, remove pending `.new` files and the
    /// snapshots of drafts that no longer exist.
    #[arg(long)]
    pub update: bool,
    /// Directory of rule files [default: rules, or `rules` in factcheck.toml]
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
    /// Document date (YYYY-MM-DD) for relative dates; overrides each draft's front matter.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<factcheck_model::Date>,
    /// Read this config file instead of looking for factcheck.toml.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Decode drafts that are not valid UTF-8 lossily (with a warning) instead of failing them.
    #[arg(long)]
    pub lossy: bool,
}

#[derive(Debug, Subcommand)]
pub enum SnapshotCommand {
    /// Review pending `.new` snapshots one by one: accept, reject or skip (needs a terminal).
    Review {
        /// Read this config file instead of looking for factcheck.toml.
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
    },
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or directories to check (directories: .md, .markdown and .txt files, .gitignore
    /// respected, hidden files skipped); `-` reads standard input.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,
    /// Directory of rule files [default: rules, or `rules` in factcheck.toml]
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
    /// Document date (YYYY-MM-DD) for relative dates; overrides each draft's front matter.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<factcheck_model::Date>,
    /// Output format [default: human, or `format` in factcheck.toml]
    #[arg(long, short = 'f', value_name = "FORMAT", value_parser = parse_format)]
    pub format: Option<factcheck_report::Format>,
    /// What makes the exit code 1 [default: contradicted, or `fail-on` in factcheck.toml]
    #[arg(long, value_enum, value_name = "WHAT")]
    pub fail_on: Option<FailOn>,
    /// List unverifiable claims too (human, github formats).
    #[arg(long, short = 'v')]
    pub verbose: bool,
    /// When to colour the human report.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
    /// Write the report to FILE (atomically: a temporary file renamed into place).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Read this config file instead of looking for factcheck.toml.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Decode drafts that are not valid UTF-8 lossily (with a warning) instead of failing them.
    #[arg(long)]
    pub lossy: bool,
    /// Author of the review (claimreview format).
    #[arg(long, value_name = "NAME")]
    pub author: Option<String>,
    /// Never show a progress bar.
    #[arg(long)]
    pub no_progress: bool,
    /// Parse every rule file, without the parse cache (`$FACTCHECK_CACHE_DIR`, else
    /// `~/.cache/factcheck`; only rule files of 64 KiB or more are cached).
    #[arg(long)]
    pub no_cache: bool,
    /// Accept the findings recorded in this baseline file: only new ones count for --fail-on
    /// and are shown (docs/ci.md).
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Write every finding of this run (contradicted ones; unverifiable ones too under
    /// `--fail-on unverifiable`) to FILE as the new baseline.
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// Show accepted findings too (baselined and suppressed) in the formats for people.
    #[arg(long)]
    pub show_baselined: bool,
    /// Check only the drafts changed since the git revision REV (`git diff REV...HEAD`, changes
    /// not committed yet, untracked files); every draft when a rule file or factcheck.toml
    /// changed.
    #[arg(long, value_name = "REV")]
    pub changed_since: Option<String>,
}

#[derive(Debug, Args)]
pub struct TextArgs {
    /// A file, or `-` for standard input.
    #[arg(value_name = "PATH")]
    pub path: PathBuf,
    /// Document date (YYYY-MM-DD) for relative dates; overrides the front matter.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<factcheck_model::Date>,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = TextFormat::Human)]
    pub format: TextFormat,
    /// Decode input that is not valid UTF-8 lossily (with a warning).
    #[arg(long)]
    pub lossy: bool,
}

#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// Load every rule file and report errors and suspicious facts (exit 1 on findings).
    Lint {
        /// Directory of rule files [default: the config's, else rules]
        #[arg(value_name = "DIR")]
        dir: Option<PathBuf>,
        /// The same, as `check` takes it
        #[arg(long = "rules", value_name = "DIR", conflicts_with = "dir")]
        rules: Option<PathBuf>,
    },
    /// Run every fact's examples through the whole pipeline (exit 1 when one comes out otherwise).
    Test {
        /// Directory of rule files [default: the config's, else rules]
        #[arg(value_name = "DIR")]
        dir: Option<PathBuf>,
        /// The same, as `check` takes it
        #[arg(long = "rules", value_name = "DIR", conflicts_with = "dir")]
        rules: Option<PathBuf>,
    },
    /// Print the JSON Schema of rule files.
    Schema,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    /// Exit 1 when a claim is contradicted.
    Contradicted,
    /// Exit 1 when a claim is contradicted or unverifiable.
    Unverifiable,
    /// Never exit 1 (input and rule errors still exit 2).
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TextFormat {
    Human,
    Json,
}

fn parse_date(s: &str) -> Result<factcheck_model::Date, String> {
    let date: factcheck_model::PartialDate = s.parse().map_err(|e| format!("{e}"))?;
    date.as_day()
        .ok_or_else(|| format!("`{s}` is not a full date: expected YYYY-MM-DD"))
}

fn parse_format(s: &str) -> Result<factcheck_report::Format, String> {
    s.parse().map_err(|_| {
        let names: Vec<String> = factcheck_report::Format::ALL
            .iter()
            .map(|f| f.to_string())
            .collect();
        format!("unknown format `{s}`; one of: {}", names.join(", "))
    })
}
