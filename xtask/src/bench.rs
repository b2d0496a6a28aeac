//! `cargo xtask bench`: not written yet (issue 5).

use std::path::Path;

use anyhow::{Result, bail};

pub fn run(_root: &Path, _args: &[String]) -> Result<()> {
    bail!("cargo xtask bench is not implemented yet (issue 5)")
}
