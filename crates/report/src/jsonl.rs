//! `jsonl`: one JSON object per checked claim and line, for streaming tools (`jq -c`, log
//! pipelines).
//!
//! Each line is the claim object of the `json` contract with a leading `"path"` field naming its
//! file. Claims come in report order (files by path, claims by span). There is no summary line
//! and file diagnostics are not written: a file that could not be checked has no claims, and the
//! exit code (2) says so.

use std::io;

use factcheck_model::{CheckedClaim, Report};
use serde::Serialize;

#[derive(Serialize)]
struct Line<'a> {
    path: &'a str,
    #[serde(flatten)]
    claim: &'a CheckedClaim,
}

pub fn render(report: &Report, out: &mut dyn io::Write) -> io::Result<()> {
    for file in &report.files {
        for claim in &file.claims {
            serde_json::to_writer(
                &mut *out,
                &Line {
                    path: &file.path,
                    claim,
                },
            )?;
            out.write_all(b"\n")?;
        }
    }
    Ok(())
}
