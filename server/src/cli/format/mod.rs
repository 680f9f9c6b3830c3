//! The output formats of `check`: each renders one checked file to a string on a worker
//! thread, and the document's head and tail on the calling thread, so that a format that is
//! one document (JSON, SARIF) is still written file by file as the files are checked.
//!
//! - `human.rs`: findings with their source line and carets (annotate-snippets), then
//!   `summary.rs`'s totals;
//! - `json.rs`: per file, LSP diagnostics and fixes as text edits;
//! - `sarif.rs`: SARIF 2.1.0; `github.rs`: GitHub Actions workflow annotations.

pub mod github;
pub mod human;
pub mod json;
pub mod sarif;
pub mod summary;

use std::borrow::Cow;
use std::path::Path;
use std::time::Duration;

use super::checked::{Checked, Counts};
use super::inputs::InputError;

/// What a run ended with, for a format's tail.
pub struct RunEnd<'a> {
    pub counts: &'a Counts,
    /// Paths that could not be checked.
    pub errors: &'a [InputError],
    /// Settings or packs that were wrong.
    pub setup_errors: &'a [String],
    pub elapsed: Duration,
}

pub trait Render: Sync {
    fn head(&self) -> String {
        String::new()
    }
    /// One checked file; called on worker threads.
    fn file(&self, c: &Checked) -> String;
    /// What goes between the outputs of two files that both wrote something.
    fn separator(&self) -> &'static str {
        ""
    }
    fn tail(&self, _end: &RunEnd) -> String {
        String::new()
    }
}

/// Pack text and essays reach the terminal only through here (`sanitize::for_terminal`).
pub use crate::sanitize::for_terminal as clean;

/// A path as the user named it, with `/` between its parts (the form SARIF and GitHub want).
pub fn slash_path(p: &Path) -> String {
    let s = p.to_string_lossy();
    let s = s.strip_prefix("./").unwrap_or(&s);
    if std::path::MAIN_SEPARATOR == '/' {
        s.to_string()
    } else {
        s.replace(std::path::MAIN_SEPARATOR, "/")
    }
}

/// At most `max` characters of `s`, with "…" when cut.
pub fn shorten(s: &str, max: usize) -> Cow<'_, str> {
    match s.char_indices().nth(max) {
        Some((at, _)) => Cow::Owned(format!("{}…", &s[..at])),
        None => Cow::Borrowed(s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_is_cut_on_a_character() {
        assert_eq!(shorten("Trotsky", 3), "Tro…");
        assert_eq!(shorten("Троцкий", 3), "Тро…");
        assert_eq!(shorten("Lenin", 5), "Lenin");
    }
}
