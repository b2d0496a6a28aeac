//! `json`: the JSON contract of `factcheck check --format json`, pretty-printed.
//!
//! `{"files":[{"path","date","claims":[{"text","span","verdict","facts","expected","found",
//! "sources","message",…}],"diagnostics"?}],"summary":{…}}`: the serde form of
//! [`factcheck_model::Report`], unchanged, followed by a newline.

use std::io;

use factcheck_model::Report;

pub fn render(report: &Report, out: &mut dyn io::Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report)?;
    out.write_all(b"\n")
}
