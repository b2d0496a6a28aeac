//! Where output goes: standard output, or a file written atomically (a temporary file in the same
//! directory, renamed into place), so an interrupted run never leaves half a report.
//!
//! What `--output PATH` does with what is already at PATH (docs/reliability.md):
//! - nothing there: a new file, created with mode 0666 less the umask;
//! - a regular file: replaced atomically, keeping its mode (not its owner);
//! - a symbolic link: followed, and the real file it points to replaced (the link stays);
//! - a character device or a FIFO (`/dev/stdout`, `/dev/null`, a named pipe): written through,
//!   not replaced (and so not atomically);
//! - anything else (a directory, a block device, a socket, a link to nothing): refused.
//!
//! While a temporary file exists, SIGINT and SIGTERM remove it before the process dies of the
//! signal; the handlers are registered only for that time.

use std::io::{self, BufWriter, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use anyhow::{Context, Result, bail};

/// Writes through `f` to `path` (atomically) or to standard output. A closed standard output
/// (`factcheck … | head`) is not an error: what is left to write is dropped, and the caller
/// finishes its work and returns its exit code.
pub fn write(path: Option<&Path>, f: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<()> {
    let Some(path) = path else {
        let stdout = io::stdout();
        let mut out = BufWriter::new(PipeTolerant::new(stdout.lock()));
        f(&mut out)?;
        out.flush()?;
        return Ok(());
    };
    match std::fs::metadata(path) {
        Ok(meta) => {
            use std::os::unix::fs::FileTypeExt;
            let kind = meta.file_type();
            if kind.is_char_device() || kind.is_fifo() {
                let file = std::fs::OpenOptions::new()
                    .write(true)
                    .open(path)
                    .with_context(|| format!("cannot write {}", path.display()))?;
                let mut out = BufWriter::new(file);
                f(&mut out).with_context(|| format!("cannot write {}", path.display()))?;
                out.flush()
                    .with_context(|| format!("cannot write {}", path.display()))?;
                return Ok(());
            }
            if !kind.is_file() {
                let what = if kind.is_dir() {
                    "a directory"
                } else {
                    "not a regular file"
                };
                bail!("cannot write {}: it is {what}", path.display());
            }
            // Follow a link: the real file is replaced, the link stays.
            let real = std::fs::canonicalize(path)
                .with_context(|| format!("cannot write {}", path.display()))?;
            atomically(path, &real, Some(meta.permissions()), f)
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            if std::fs::symlink_metadata(path).is_ok() {
                bail!(
                    "cannot write {}: it is a link to a file that does not exist",
                    path.display()
                );
            }
            atomically(path, path, None, f)
        }
        Err(e) => Err(e).with_context(|| format!("cannot write {}", path.display())),
    }
}

/// Writes `target` through a temporary file beside it; `keep` is the mode of the file replaced.
fn atomically(
    shown: &Path,
    target: &Path,
    keep: Option<std::fs::Permissions>,
    f: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<()> {
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    // The handlers know the file's path before the file exists: a signal that arrives just
    // after it is created still removes it.
    let pending: Arc<Mutex<Option<PathBuf>>> = Arc::default();
    let _cleanup = RemoveOnSignal::register(Arc::clone(&pending));
    let mut tmp = tempfile::Builder::new()
        .prefix(".factcheck-")
        .make_in(dir, |path| {
            if let Ok(mut p) = pending.lock() {
                *p = Some(path.to_path_buf());
            }
            // A new file gets 0666 less the umask, like any file a shell redirection creates.
            std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o666)
                .open(path)
        })
        .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
    if let Some(mode) = keep {
        tmp.as_file()
            .set_permissions(mode)
            .with_context(|| format!("cannot write {}", shown.display()))?;
    }
    {
        let mut out = BufWriter::new(tmp.as_file_mut());
        f(&mut out).with_context(|| format!("cannot write {}", shown.display()))?;
        out.flush()
            .with_context(|| format!("cannot write {}", shown.display()))?;
    }
    // `PersistError` displays its io error: no context on top, or the cause shows twice.
    tmp.persist(target)
        .map_err(|e| anyhow::anyhow!("cannot write {}: {}", shown.display(), e.error))?;
    Ok(())
}

/// The path `--output` would write, with links and `..` resolved, also when the file does not
/// exist yet (its directory is resolved then): for the check that it is no input.
pub fn resolved(path: &Path) -> Option<PathBuf> {
    if let Ok(p) = std::fs::canonicalize(path) {
        return Some(p);
    }
    let name = path.file_name()?;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    Some(std::fs::canonicalize(dir).ok()?.join(name))
}

/// While alive, SIGINT and SIGTERM remove a temporary file, then end the process as the signal
/// would have. Dropping it unregisters the handlers, so a program that embeds factcheck keeps its
/// own shutdown handling the rest of the time.
struct RemoveOnSignal {
    handle: signal_hook::iterator::Handle,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl RemoveOnSignal {
    fn register(path: Arc<Mutex<Option<PathBuf>>>) -> Option<RemoveOnSignal> {
        use signal_hook::consts::{SIGINT, SIGTERM};
        let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM]).ok()?;
        let handle = signals.handle();
        let thread = std::thread::Builder::new()
            .name("factcheck-signals".into())
            .spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    if let Some(path) = path.lock().ok().and_then(|p| p.clone()) {
                        let _ = std::fs::remove_file(path);
                    }
                    let _ = signal_hook::low_level::emulate_default_handler(signal);
                    // The default action of both signals ends the process; if it did not
                    // (the signal is blocked), end it the way an interrupted shell command does.
                    std::process::exit(128 + signal);
                }
            })
            .ok()?;
        Some(RemoveOnSignal {
            handle,
            thread: Some(thread),
        })
    }
}

impl Drop for RemoveOnSignal {
    fn drop(&mut self) {
        self.handle.close();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Standard output that a closed pipe does not stop: after the first `BrokenPipe`, writes are
/// dropped. The run then ends as if the output had been read (`set -o pipefail` still sees its
/// exit code: 1 for a contradiction).
struct PipeTolerant<W> {
    inner: W,
    closed: bool,
}

impl<W: Write> PipeTolerant<W> {
    fn new(inner: W) -> Self {
        PipeTolerant {
            inner,
            closed: false,
        }
    }

    fn tolerate(&mut self, r: io::Result<()>) -> io::Result<()> {
        match r {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            other => other,
        }
    }
}

impl<W: Write> Write for PipeTolerant<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.closed {
            return Ok(buf.len());
        }
        match self.inner.write(buf) {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(buf.len())
            }
            other => other,
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let r = self.inner.flush();
        self.tolerate(r)
    }
}

/// Whether an error is a closed pipe (`factcheck … | head`): the run then ends quietly.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}
