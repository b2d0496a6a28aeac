//! Where the rules' parse cache lives: one file per parsed rule file in a cache directory
//! (`factcheck_rules::ParseCache`; what is cached and when is explained there).
//!
//! The directory is `$FACTCHECK_CACHE_DIR`, else `$XDG_CACHE_HOME/factcheck`, else
//! `$HOME/.cache/factcheck`; `--no-cache` turns the cache off. Entries are written to a
//! temporary file and renamed into place, so a reader never sees half an entry, and a cache that
//! cannot be read or written only makes the load slower: it is never an error.

use std::path::{Path, PathBuf};

pub struct DirCache {
    dir: PathBuf,
}

impl DirCache {
    /// The cache directory from the environment, if there is one.
    pub fn from_env() -> Option<DirCache> {
        let var = |name: &str| {
            std::env::var_os(name)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        };
        let dir = var("FACTCHECK_CACHE_DIR")
            .or_else(|| var("XDG_CACHE_HOME").map(|d| d.join("factcheck")))
            .or_else(|| var("HOME").map(|d| d.join(".cache").join("factcheck")))?;
        Some(DirCache { dir })
    }

    fn path(&self, key: &str) -> PathBuf {
        self.dir.join(format!("rules-{key}.json"))
    }
}

impl factcheck_rules::ParseCache for DirCache {
    fn get(&self, key: &str) -> Option<Vec<u8>> {
        std::fs::read(self.path(key)).ok()
    }

    fn put(&self, key: &str, bytes: &[u8]) {
        let _ = write_atomically(&self.dir, &self.path(key), bytes);
    }
}

fn write_atomically(dir: &Path, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    std::io::Write::write_all(&mut tmp, bytes)?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
