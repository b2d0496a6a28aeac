//! Where the rules' parse cache lives: one file per parsed rule file in a cache directory
//! (`factcheck_rules::ParseCache`; what is cached and when is explained there).
//!
//! The directory is `$FACTCHECK_CACHE_DIR`, else `$XDG_CACHE_HOME/factcheck`, else
//! `$HOME/.cache/factcheck`; `--no-cache` turns the cache off. Entries are written to a
//! temporary file and renamed into place, so a reader never sees half an entry, and a cache that
//! cannot be read or written only makes the load slower: it is never an error.
//!
//! Trust model (as ssh treats `~/.ssh`): an entry decides what facts a run checks against, so
//! only the user running factcheck may be able to write the directory. It is created 0700; an
//! existing one that is not a directory, is owned by another user, or is writable by its group
//! or by others is not used at all (one warning, then the run goes on without a cache). Each
//! entry carries a checksum of its payload, which catches truncation and corruption, not an
//! attacker: anyone who can write the directory can write a matching checksum, which is why the
//! directory itself must be private. Entries are read only if they are regular files (no link,
//! FIFO or device is opened) and at most [`MAX_ENTRY_BYTES`] long.

use std::path::{Path, PathBuf};

/// No entry is read past this size (128 MiB: four times the largest rule file).
pub const MAX_ENTRY_BYTES: u64 = 4 * factcheck_rules::MAX_FILE_BYTES;

pub struct DirCache {
    dir: PathBuf,
}

impl DirCache {
    /// The cache directory from the environment, if there is one and it can be trusted (a
    /// warning on standard error when it cannot).
    pub fn from_env() -> Option<DirCache> {
        let var = |name: &str| {
            std::env::var_os(name)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        };
        let dir = var("FACTCHECK_CACHE_DIR")
            .or_else(|| var("XDG_CACHE_HOME").map(|d| d.join("factcheck")))
            .or_else(|| var("HOME").map(|d| d.join(".cache").join("factcheck")))?;
        if let Err(why) = trusted(&dir) {
            eprintln!(
                "warning: the cache directory {} {why}: not used (run without a cache)",
                dir.display()
            );
            return None;
        }
        Some(DirCache { dir })
    }

    fn path(&self, key: &str) -> PathBuf {
        self.dir.join(format!("rules-{key}.json"))
    }
}

/// Whether only this user can write `dir` (a directory not there yet is created 0700 when the
/// first entry is stored).
pub fn trusted(dir: &Path) -> Result<(), String> {
    use std::os::unix::fs::MetadataExt;
    let meta = match std::fs::metadata(dir) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        // Unreadable: every read misses, which is harmless.
        Err(_) => return Ok(()),
    };
    if !meta.is_dir() {
        return Err("is not a directory".into());
    }
    // SAFETY: geteuid has no preconditions and cannot fail.
    let me = unsafe { libc::geteuid() };
    if meta.uid() != me {
        return Err(format!(
            "is owned by another user (uid {}, not {me})",
            meta.uid()
        ));
    }
    if meta.mode() & 0o022 != 0 {
        return Err(format!(
            "is writable by its group or by others (mode {:o}): `chmod go-w` it",
            meta.mode() & 0o7777
        ));
    }
    Ok(())
}

impl factcheck_rules::ParseCache for DirCache {
    fn get(&self, key: &str) -> Option<Vec<u8>> {
        read_entry(&self.path(key)).ok()
    }

    fn put(&self, key: &str, bytes: &[u8]) {
        let _ = write_atomically(&self.dir, &self.path(key), bytes);
    }
}

/// Reads an entry: a regular file (not followed if it is a link; a FIFO is opened without
/// waiting for a writer, then refused), at most [`MAX_ENTRY_BYTES`].
fn read_entry(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    use std::os::unix::fs::OpenOptionsExt;
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() || meta.len() > MAX_ENTRY_BYTES {
        return Err(std::io::Error::other("not a cache entry"));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_ENTRY_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_ENTRY_BYTES {
        return Err(std::io::Error::other("not a cache entry"));
    }
    Ok(bytes)
}

fn write_atomically(dir: &Path, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    std::io::Write::write_all(&mut tmp, bytes)?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
