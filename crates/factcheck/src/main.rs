//! The `factcheck` command line.
//!
//! Everything here is glue: arguments and the config file, finding and reading inputs, calling the
//! grammar, the checker and the renderers, and turning the outcome into an exit code (0 nothing
//! fails, 1 a claim fails, 2 usage, input or rule errors).

mod accept;
mod baseline;
mod cache;
mod changed;
mod cli;
mod commands;
mod config;
mod inputs;
mod output;
mod snapshot;
mod suppress;
mod text;

use std::process::ExitCode;

use clap::Parser;

/// mimalloc instead of the system allocator: a check allocates many small strings per claim
/// across threads, and glibc malloc (its free-list upkeep, `malloc_consolidate`) was about a
/// quarter of the CPU time of an archive run (`docs/performance.md`).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // clap prints help and version to stdout with success, errors to stderr.
            let code = if err.use_stderr() { 2 } else { 0 };
            // Help that cannot be written (`--help > /dev/full`) is a failure; a reader that
            // stops early (`--help | head`) is not.
            return match err.print() {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    eprintln!("error: cannot write to standard output: {e}");
                    ExitCode::from(2)
                }
                _ => ExitCode::from(code),
            };
        }
    };
    match commands::run(cli) {
        Ok(code) => ExitCode::from(code as u8),
        Err(err) => {
            if output::is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("error: {err:#}");
            ExitCode::from(2)
        }
    }
}
