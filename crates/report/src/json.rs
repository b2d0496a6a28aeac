//! `json`: the JSON contract of `factcheck check --format json`, pretty-printed.
//!
//! `{"files":[{"path","date","claims":[{"text","span","verdict","facts","expected","found",
//! "sources","message",…}],"diagnostics"?}],"summary":{…}}`: the serde form of
//! [`factcheck_model::Report`], unchanged, followed by a newline. Written by the hand-written
//! writer of `jsonw` (the same claim writer as `jsonl`), byte for byte what
//! `serde_json::to_writer_pretty` writes.

use std::io;

use factcheck_model::Report;

use crate::jsonw::{Pretty, Writer};

pub fn render(report: &Report, out: &mut dyn io::Write) -> io::Result<()> {
    let mut w = Writer::new(Pretty::default(), out);
    w.report(report)?;
    w.raw(b"\n");
    w.finish()
}
