//! `jsonl`: one JSON object per checked claim and line, for streaming tools (`jq -c`, log
//! pipelines).
//!
//! Each line is the claim object of the `json` contract with a leading `"path"` field naming its
//! file. Claims come in report order (files by path, claims by span). There is no summary line
//! and file diagnostics are not written: a file that could not be checked has no claims, and the
//! exit code (2) says so.
//!
//! Written by the claim writer of `jsonw`, compact: byte for byte what serde_json writes for
//! `{path, ..claim}`. The `{"path":"…"` prefix is escaped once per file.

use std::io;

use factcheck_model::Report;

use crate::jsonw::{self, Compact, Writer};

pub fn render(report: &Report, out: &mut dyn io::Write) -> io::Result<()> {
    let mut w = Writer::new(Compact, out);
    let mut prefix = Vec::new();
    for file in &report.files {
        prefix.clear();
        prefix.extend_from_slice(b"{\"path\":");
        jsonw::string(&mut prefix, &file.path);
        for claim in &file.claims {
            w.raw(&prefix);
            w.claim_fields(claim, false);
            w.raw(b"}\n");
            w.drain()?;
        }
    }
    w.finish()
}
