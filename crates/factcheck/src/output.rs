//! Where output goes: standard output, or a file written atomically (a temporary file in the same
//! directory, renamed into place), so an interrupted run never leaves half a report.

use std::io::{self, BufWriter, Write};
use std::path::Path;

use anyhow::{Context, Result};

/// Writes through `f` to `path` (atomically) or to standard output.
pub fn write(path: Option<&Path>, f: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<()> {
    match path {
        None => {
            let stdout = io::stdout();
            let mut out = BufWriter::new(stdout.lock());
            f(&mut out)?;
            out.flush()?;
            Ok(())
        }
        Some(path) => {
            let dir = match path.parent() {
                Some(p) if !p.as_os_str().is_empty() => p,
                _ => Path::new("."),
            };
            let mut tmp = tempfile::Builder::new()
                .prefix(".factcheck-")
                .tempfile_in(dir)
                .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
            {
                let mut out = BufWriter::new(tmp.as_file_mut());
                f(&mut out).with_context(|| format!("cannot write {}", path.display()))?;
                out.flush()?;
            }
            tmp.persist(path)
                .map_err(|e| e.error)
                .with_context(|| format!("cannot write {}", path.display()))?;
            Ok(())
        }
    }
}

/// Whether an error is a closed pipe (`factcheck … | head`): the run then ends quietly.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}
