//! The claim grammar of factcheck.
//!
//! [`parse`] turns a draft (plain text or Markdown, with optional YAML front matter) into
//! sentences and atomic claims, each with exact spans into the original bytes and typed mentions
//! (dates, quantities, durations, people with roles, names). Text is never an error: whatever the
//! input, the result is claims plus diagnostics, and nothing panics.
//!
//! This crate knows nothing of reference facts: it says what a draft asserts, not whether it is
//! true.

mod types;

pub use types::*;

/// Splits `text` into sentences and claims. See the crate docs.
pub fn parse(text: &str, options: &Options) -> Document {
    let _ = (text, options);
    todo!("the grammar")
}
