//! Which files a run checks, and reading them: the paths given are walked for essays (`.md`,
//! `.markdown`, `.tex`, `.txt`) with the one walk of `files.rs` (every folder once, so link
//! loops end; every file once however many links reach it; hidden folders, `node_modules` and
//! `target` left out; links followed where they lead, since the user named the paths).
//!
//! Whatever cannot be checked is an [`InputError`] with its reason (a missing path, a folder
//! or file that cannot be read, a FIFO or device, a binary file, text that is not UTF-8, a
//! file too large to be an essay): the run reports them all after the readable files and
//! exits 2.

use std::path::{Path, PathBuf};

use crate::files::{self, Links};

/// Larger files are not essays; reading one would cost the run its memory.
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError {
    pub path: PathBuf,
    pub reason: String,
}

/// The files to check, in the order found, and the paths that cannot be.
#[derive(Debug, Default)]
pub struct Inputs {
    pub files: Vec<PathBuf>,
    pub errors: Vec<InputError>,
    /// Folders reached a second time (a link back to a folder already walked, or a folder
    /// named twice), skipped.
    pub revisited: Vec<PathBuf>,
}

pub fn is_essay(path: &Path) -> bool {
    path.extension().and_then(|x| x.to_str()).is_some_and(|x| {
        matches!(x.to_ascii_lowercase().as_str(), "md" | "markdown" | "tex" | "txt")
    })
}

/// Walks `paths` (the current folder when empty). A file named on the command line is
/// checked whatever its extension; in folders, only essays are.
pub fn collect(paths: &[PathBuf]) -> Inputs {
    let here = [PathBuf::from(".")];
    let roots = if paths.is_empty() { &here[..] } else { paths };
    let found = files::walk(roots, &is_essay, Links::Anywhere);
    let errors =
        found.problems.into_iter().map(|(path, reason)| InputError { path, reason }).collect();
    Inputs { files: found.files, errors, revisited: found.revisited }
}

/// Reads an essay as UTF-8 text, or says why it cannot be checked.
pub fn read(path: &Path) -> Result<String, String> {
    files::read_text(path, MAX_BYTES)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn essays_are_known_by_their_extension() {
        for yes in ["a.md", "b.TEX", "c.txt", "d.markdown"] {
            assert!(is_essay(Path::new(yes)), "{yes}");
        }
        for no in ["a.rs", "b", "c.md.bak", ".md"] {
            assert!(!is_essay(Path::new(no)), "{no}");
        }
    }
}
