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

/// Text safe to print on a terminal: control characters (but tab and line breaks) become
/// `?` and direction overrides and isolates become U+FFFD, byte for byte the same length, so
/// that byte ranges into the text still hold. Pack text and essays reach the terminal only
/// through here.
pub fn clean(s: &str) -> Cow<'_, str> {
    if !s.chars().any(unsafe_char) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !unsafe_char(c) {
            out.push(c);
        } else if c.len_utf8() == 3 {
            out.push('\u{FFFD}');
        } else {
            out.extend(std::iter::repeat_n('?', c.len_utf8()));
        }
    }
    Cow::Owned(out)
}

fn unsafe_char(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

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
    fn terminal_text_keeps_its_length_without_escapes_or_overrides() {
        let s = "Kirov\u{1b}[31m shot\u{202E}1934\u{85}.";
        let c = clean(s);
        assert_eq!(c.len(), s.len());
        assert_eq!(c, "Kirov?[31m shot\u{FFFD}1934??.");
        assert!(matches!(clean("Lenin’s “NEP”\tok\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn long_text_is_cut_on_a_character() {
        assert_eq!(shorten("Trotsky", 3), "Tro…");
        assert_eq!(shorten("Троцкий", 3), "Тро…");
        assert_eq!(shorten("Lenin", 5), "Lenin");
    }
}
