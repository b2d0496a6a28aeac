//! The subcommands.

use std::io::IsTerminal;
use std::path::Path;

use anyhow::{Context, Result};
use factcheck_claims::{Document, Options};
use factcheck_model::{Diagnostic, FileReport, Report};
use factcheck_rules::FactBase;
use rayon::prelude::*;

use crate::cache::DirCache;
use crate::cli::{
    CheckArgs, Cli, ColorChoice, Command, FailOn, RulesCommand, TextArgs, TextFormat,
};
use crate::config::Config;
use crate::inputs::{self, Filters, Input, Loaded};
use crate::output;

/// Exit codes.
pub const OK: i32 = 0;
pub const FAILED: i32 = 1;
pub const ERROR: i32 = 2;

/// Inputs above this count get a progress bar (on a terminal).
const PROGRESS_THRESHOLD: usize = 20;

pub fn run(cli: Cli) -> Result<i32> {
    match cli.command {
        Command::Check(args) => check(args),
        Command::Sentences(args) => text(args, false),
        Command::Claims(args) => text(args, true),
        Command::Rules(cmd) => rules(cmd),
        Command::Snapshot(args) => crate::snapshot::run(args),
    }
}

fn check(args: CheckArgs) -> Result<i32> {
    let config = Config::find(args.config.as_deref())?;
    let format = match (args.format, &config.format) {
        (Some(f), _) => f,
        (None, Some(name)) => name.parse().map_err(|_| {
            anyhow::anyhow!(
                "{}: unknown format `{name}` in config",
                config_name(&config)
            )
        })?,
        (None, None) => factcheck_report::Format::Human,
    };
    let fail_on = args
        .fail_on
        .or(config.fail_on)
        .unwrap_or(FailOn::Contradicted);
    let rules_dir = config.rules_dir(args.rules.as_deref());
    let cache = (!args.no_cache).then(DirCache::from_env).flatten();
    let Some(base) = load_rules(&rules_dir, cache.as_ref()) else {
        return Ok(ERROR);
    };
    // The fact base lives until the process exits, which frees it at once: dropping 100,000
    // facts string by string took ~0.1 s at the end of every run.
    let base = std::mem::ManuallyDrop::new(base);
    if base.is_empty() {
        eprintln!(
            "warning: no facts in {}: only the built-in checks (calendar, arithmetic, the draft against itself) can decide a claim; every other assertion is unverifiable",
            rules_dir.display()
        );
    }

    let filters = Filters::new(&config.include, &config.exclude)?.skipping(&config.snapshot_dir());
    let (inputs, collect_errors) = inputs::collect(&args.paths, &filters);
    let inputs = match &args.changed_since {
        Some(rev) => match crate::changed::select(rev, inputs, &rules_dir, &config) {
            Ok(inputs) => inputs,
            Err(message) => {
                eprintln!("error: {message}");
                return Ok(ERROR);
            }
        },
        None => inputs,
    };
    let accept = match accept(&args, &config, fail_on) {
        Ok(accept) => accept,
        Err(err) => {
            eprintln!("error: {err:#}");
            return Ok(ERROR);
        }
    };
    if args.date.is_none() && !inputs.is_empty() {
        config.warn_unmatched_dates();
    }
    for (flag, path) in [
        ("--output", &args.output),
        ("--write-baseline", &args.write_baseline),
    ] {
        if let Some(out) = path
            && let Some(clash) = output_clash(out, &inputs, &rules_dir)
        {
            eprintln!(
                "error: {flag} {} would overwrite {clash}; factcheck never writes to drafts or rule files",
                out.display()
            );
            return Ok(ERROR);
        }
    }
    let collect_errors: Vec<FileReport> = collect_errors
        .into_iter()
        .map(|e| FileReport::failed(e.name, inputs::error(e.message)))
        .collect();
    let progress = progress_bar(inputs.len(), args.no_progress);

    if format == factcheck_report::Format::Jsonl {
        // JSONL has no summary and no file diagnostics: stream it, so that an archive never
        // sits in memory whole and rendering runs in parallel too.
        let mut outcome = Outcome::default();
        let options = factcheck_report::Options::default();
        let check_chunk = |chunk: &[Input]| -> std::io::Result<Vec<(Outcome, Vec<u8>)>> {
            chunk
                .par_iter()
                .filter_map(|input| {
                    let file = check_input(&base, input, &args, &config, &accept);
                    progress.inc(1);
                    let file = file?;
                    // JSONL is about eight times the size of its draft: one allocation, no
                    // copying as the buffer grows.
                    let mut buf = Vec::with_capacity(file.source.len().saturating_mul(8));
                    let outcome = Outcome::of(&file, fail_on);
                    let report = Report::new(vec![file]);
                    let rendered = factcheck_report::render(
                        &report,
                        factcheck_report::Format::Jsonl,
                        &options,
                        &mut buf,
                    );
                    Some(rendered.map(|()| (outcome, buf)))
                })
                .collect()
        };
        output::write(args.output.as_deref(), |out| {
            // While the pool checks one chunk, this thread writes the one before: the output
            // is written in input order, and at most two chunks are in memory.
            let mut ready: Vec<Vec<u8>> = Vec::new();
            std::thread::scope(|s| {
                for chunk in inputs.chunks(STREAM_CHUNK) {
                    let checking = s.spawn(|| check_chunk(chunk));
                    let written = ready.drain(..).try_for_each(|buf| out.write_all(&buf));
                    let rendered = checking
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
                    written?;
                    for (o, buf) in rendered {
                        outcome.merge(o);
                        ready.push(buf);
                    }
                }
                ready.iter().try_for_each(|buf| out.write_all(buf))
            })
        })?;
        progress.finish_and_clear();
        for file in &collect_errors {
            outcome.merge(Outcome::of(file, fail_on));
        }
        return finish(accept, outcome.code());
    }

    let mut files: Vec<FileReport> = inputs
        .par_iter()
        .filter_map(|input| {
            let report = check_input(&base, input, &args, &config, &accept);
            progress.inc(1);
            report
        })
        .collect();
    progress.finish_and_clear();
    files.extend(collect_errors);

    let mut report = Report::new(files);
    let code = exit_code(&report, fail_on);
    if crate::accept::for_people(format) {
        let hidden = crate::accept::hide(&mut report, args.verbose, args.show_baselined);
        crate::accept::note_hidden(hidden);
    }
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            args.output.is_none()
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let options = factcheck_report::Options {
        color,
        verbose: args.verbose,
        author: args.author.clone(),
        date_published: None,
        tool_version: env!("CARGO_PKG_VERSION").to_string(),
        baseline: accept.baseline.is_some(),
    };
    output::write(args.output.as_deref(), |out| {
        factcheck_report::render(&report, format, &options, out)
    })?;
    finish(accept, code)
}

/// The baseline and the recorder of a run (`--baseline`, `--write-baseline`).
fn accept(args: &CheckArgs, config: &Config, fail_on: FailOn) -> Result<crate::accept::Accept> {
    let mut accept = crate::accept::Accept::none(config, fail_on);
    if let Some(path) = &args.baseline {
        accept.baseline = Some(crate::baseline::Baseline::read(path)?);
    }
    if let Some(path) = &args.write_baseline {
        accept.recorder = Some(crate::baseline::Recorder::default());
        accept.write_path = Some(path.clone());
    }
    Ok(accept)
}

/// After the report: stale baseline entries reported, the new baseline written. A run that
/// writes a baseline accepts every finding: it exits 0 unless a file had an error.
fn finish(accept: crate::accept::Accept, code: i32) -> Result<i32> {
    if let Some(baseline) = &accept.baseline {
        baseline.report_stale(&accept.root);
    }
    if let Some(recorder) = accept.recorder {
        // `accept()` set a recorder only with --write-baseline.
        let path = accept
            .write_path
            .as_deref()
            .unwrap_or(Path::new("baseline.json"));
        let n = recorder.write(path)?;
        eprintln!(
            "factcheck: wrote {} to the baseline {}",
            factcheck_model::count(n as u64, "finding", "findings"),
            path.display()
        );
        return Ok(if code == ERROR { ERROR } else { OK });
    }
    Ok(code)
}

/// The input or rule file that `--output` would overwrite, if any.
fn output_clash(out: &Path, inputs: &[Input], rules_dir: &Path) -> Option<String> {
    // A file that does not exist yet is resolved through its directory: written under the
    // rules directory, it would break every later run.
    let out = output::resolved(out)?;
    if let Ok(rules) = std::fs::canonicalize(rules_dir)
        && out.starts_with(&rules)
    {
        return Some(format!(
            "a file in the rules directory {}",
            rules_dir.display()
        ));
    }
    inputs
        .iter()
        .filter_map(|i| Some((i, std::fs::canonicalize(i.path()?).ok()?)))
        .find(|(_, p)| *p == out)
        .map(|(i, _)| format!("the draft {}", i.name))
}

/// Files checked and rendered at a time when streaming JSONL.
const STREAM_CHUNK: usize = 256;

/// What decides the exit code.
#[derive(Debug, Default, Clone, Copy)]
struct Outcome {
    /// A file had an input error.
    errors: bool,
    /// A claim fails under `--fail-on`.
    failed: bool,
}

impl Outcome {
    fn of(file: &FileReport, fail_on: FailOn) -> Outcome {
        Outcome {
            errors: file.has_errors(),
            failed: file.claims.iter().any(|c| crate::accept::fails(c, fail_on)),
        }
    }

    fn merge(&mut self, other: Outcome) {
        self.errors |= other.errors;
        self.failed |= other.failed;
    }

    /// 2 when any file had an input error (it outranks a failing claim), else 1 when a claim
    /// fails, else 0.
    fn code(self) -> i32 {
        if self.errors {
            ERROR
        } else if self.failed {
            FAILED
        } else {
            OK
        }
    }
}

/// The exit code of a whole report.
pub fn exit_code(report: &Report, fail_on: FailOn) -> i32 {
    let mut outcome = Outcome::default();
    for file in &report.files {
        outcome.merge(Outcome::of(file, fail_on));
    }
    outcome.code()
}

fn check_input(
    base: &FactBase,
    input: &Input,
    args: &CheckArgs,
    config: &Config,
    accept: &crate::accept::Accept,
) -> Option<FileReport> {
    match input.read(args.lossy) {
        Loaded::Skipped(warning) => {
            eprintln!("warning: {warning}");
            None
        }
        Loaded::Failed(d) => Some(FileReport::failed(input.name.clone(), d)),
        Loaded::Text { text, warnings } => {
            let mut report =
                crate::accept::check_text(base, input, &text, args.date, config, accept);
            report.diagnostics.splice(0..0, warnings);
            Some(report)
        }
    }
}

/// Parses a draft. Its document date is `--date`, else its front matter's, else the config's
/// `[dates]` entry for its path.
pub(crate) fn parse(
    text: &str,
    input: &Input,
    date: Option<factcheck_model::Date>,
    config: &Config,
) -> Document {
    let options = Options {
        format: input.format(),
        date,
    };
    let default = input.path().and_then(|p| config.date_for(p));
    factcheck_claims::parse_with_default_date(text, &options, default)
}

pub(crate) fn load_rules(dir: &Path, cache: Option<&DirCache>) -> Option<FactBase> {
    let loaded = match cache {
        Some(cache) => factcheck_rules::load_cached(dir, cache),
        None => factcheck_rules::load(dir),
    };
    match loaded {
        Ok(base) => Some(base),
        Err(err) => {
            for e in &err.errors {
                eprintln!("error: {e}");
            }
            eprintln!(
                "factcheck: {}: {}; nothing was checked",
                dir.display(),
                factcheck_model::count(
                    err.errors.len() as u64,
                    "error in the rules",
                    "errors in the rules"
                )
            );
            None
        }
    }
}

fn progress_bar(len: usize, disabled: bool) -> indicatif::ProgressBar {
    if disabled || len < PROGRESS_THRESHOLD || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{spinner} checking {pos}/{len} files [{bar:30}] {elapsed}",
    ) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}

fn config_name(config: &Config) -> String {
    config
        .dir
        .join(crate::config::FILE_NAME)
        .display()
        .to_string()
}

/// `factcheck sentences` and `factcheck claims`.
fn text(args: TextArgs, claims: bool) -> Result<i32> {
    let (inputs, errors) = inputs::collect(std::slice::from_ref(&args.path), &Filters::default());
    if let Some(e) = errors.first() {
        eprintln!("error: {}: {}", e.name, e.message);
        return Ok(ERROR);
    }
    let Some(input) = inputs.first() else {
        eprintln!(
            "error: {}: no .md, .markdown or .txt file there",
            args.path.display()
        );
        return Ok(ERROR);
    };
    if inputs.len() > 1 {
        eprintln!(
            "error: {}: give one file, not a directory",
            args.path.display()
        );
        return Ok(ERROR);
    }
    let text = match input.read(args.lossy) {
        Loaded::Text { text, warnings } => {
            for w in warnings {
                eprintln!("warning: {}", diagnostic_line(&input.name, &w));
            }
            text
        }
        Loaded::Skipped(w) => {
            eprintln!("error: {w}");
            return Ok(ERROR);
        }
        Loaded::Failed(d) => {
            eprintln!("error: {}", diagnostic_line(&input.name, &d));
            return Ok(ERROR);
        }
    };
    let config = Config::find(None)?;
    let doc = parse(&text, input, args.date, &config);
    output::write(None, |out| match (args.format, claims) {
        (TextFormat::Json, false) => {
            #[derive(serde::Serialize)]
            struct Sentences<'a> {
                sentences: &'a [factcheck_claims::Sentence],
            }
            serde_json::to_writer_pretty(
                &mut *out,
                &Sentences {
                    sentences: &doc.sentences,
                },
            )?;
            writeln!(out)
        }
        (TextFormat::Json, true) => {
            #[derive(serde::Serialize)]
            struct Claims<'a> {
                date: Option<factcheck_model::Date>,
                claims: &'a [factcheck_claims::Claim],
                diagnostics: &'a [factcheck_claims::Diagnostic],
            }
            let claims = Claims {
                date: doc.date,
                claims: &doc.claims,
                diagnostics: &doc.diagnostics,
            };
            serde_json::to_writer_pretty(&mut *out, &claims)?;
            writeln!(out)
        }
        (TextFormat::Human, false) => crate::text::sentences(&input.name, &doc, out),
        (TextFormat::Human, true) => crate::text::claims(&input.name, &doc, out),
    })?;
    Ok(OK)
}

/// `path:line:column: message`, or `path: message` when the diagnostic has no place.
/// The rules directory of `rules lint` and `rules test`: the one given, else the config's, else
/// `rules`.
fn rules_dir_given(dir: Option<std::path::PathBuf>) -> std::path::PathBuf {
    dir.unwrap_or_else(|| {
        Config::find(None)
            .map(|c| c.rules_dir(None))
            .unwrap_or_else(|_| "rules".into())
    })
}

fn diagnostic_line(name: &str, d: &Diagnostic) -> String {
    match (d.line, d.column) {
        (Some(l), Some(c)) => format!("{name}:{l}:{c}: {}", d.message),
        _ => format!("{name}: {}", d.message),
    }
}

/// `factcheck rules …`.
fn rules(cmd: RulesCommand) -> Result<i32> {
    match cmd {
        RulesCommand::Schema => {
            output::write(None, |out| {
                out.write_all(factcheck_rules::json_schema().as_bytes())
            })?;
            Ok(OK)
        }
        RulesCommand::Lint { dir, rules } => {
            let dir = rules_dir_given(rules.or(dir));
            match factcheck_rules::lint(&dir) {
                Err(err) => {
                    for e in &err.errors {
                        eprintln!("error: {e}");
                    }
                    eprintln!(
                        "factcheck: {} in {}",
                        factcheck_model::count(err.errors.len() as u64, "error", "errors"),
                        dir.display()
                    );
                    Ok(ERROR)
                }
                Ok((base, findings)) => {
                    output::write(None, |out| {
                        for f in &findings {
                            writeln!(out, "{f}")?;
                        }
                        Ok(())
                    })?;
                    eprintln!(
                        "factcheck: {} in {}, {}",
                        factcheck_model::count(base.len() as u64, "fact", "facts"),
                        factcheck_model::count(base.files() as u64, "file", "files"),
                        factcheck_model::count(findings.len() as u64, "finding", "findings")
                    );
                    Ok(if findings.is_empty() { OK } else { FAILED })
                }
            }
        }
        RulesCommand::Test { dir, rules } => {
            let dir = rules_dir_given(rules.or(dir));
            let Some(base) = load_rules(&dir, None) else {
                return Ok(ERROR);
            };
            let results = factcheck_engine::run_examples(&base);
            let failures: Vec<_> = results.iter().filter(|r| r.expected != r.got).collect();
            output::write(None, |out| {
                for r in &failures {
                    writeln!(
                        out,
                        "{}:{}: fact `{}`: example {:?} (date {}) expected {}, got {}: {}",
                        r.path.display(),
                        r.line,
                        r.fact_id,
                        r.text,
                        r.date,
                        r.expected,
                        r.got,
                        r.message
                    )?;
                }
                Ok(())
            })
            .context("cannot write the results")?;
            eprintln!(
                "factcheck: {} examples: {} as expected, {} otherwise",
                results.len(),
                results.len() - failures.len(),
                failures.len()
            );
            Ok(if failures.is_empty() { OK } else { FAILED })
        }
    }
}
