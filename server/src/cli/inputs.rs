//! Which files a run checks, and reading them: the paths given are walked for essays (`.md`,
//! `.markdown`, `.tex`, `.txt`) with every folder visited once (a link back to a folder
//! already walked, such as `self -> .`, is skipped, so loops end), every file checked once
//! however many links reach it, and hidden folders, `node_modules` and `target` left out.
//!
//! Whatever cannot be checked is an [`InputError`] with its reason (a missing path, a folder
//! or file that cannot be read, a FIFO or device, a binary file, text that is not UTF-8, a
//! file too large to be an essay): the run reports them all after the readable files and
//! exits 2. This is the command line's own walk: the server's (`workspace::walk`)
//! follows other rules for packs.

use std::collections::HashSet;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

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

fn skipped_folder(name: &str) -> bool {
    name.starts_with('.') || name == "node_modules" || name == "target"
}

/// Walks `paths` (the current folder when empty). A file named on the command line is
/// checked whatever its extension; in folders, only essays are.
pub fn collect(paths: &[PathBuf]) -> Inputs {
    let here = [PathBuf::from(".")];
    collect_matching(if paths.is_empty() { &here[..] } else { paths }, is_essay)
}

/// Walks `paths` for the files `wanted` accepts (any file named directly), by the same rules.
pub fn collect_matching(paths: &[PathBuf], wanted: fn(&Path) -> bool) -> Inputs {
    let mut walk = Walk {
        out: Inputs::default(),
        seen_dirs: HashSet::new(),
        seen_files: HashSet::new(),
        wanted,
    };
    for p in paths {
        walk.root(p);
    }
    walk.out
}

struct Walk {
    wanted: fn(&Path) -> bool,
    out: Inputs,
    /// Canonical paths of the folders walked and the files taken.
    seen_dirs: HashSet<PathBuf>,
    seen_files: HashSet<PathBuf>,
}

impl Walk {
    fn error(&mut self, path: &Path, reason: impl Into<String>) {
        self.out.errors.push(InputError { path: path.to_path_buf(), reason: reason.into() });
    }

    fn root(&mut self, p: &Path) {
        if let Err(e) = fs::symlink_metadata(p) {
            let reason = match e.kind() {
                std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
                _ => e.to_string(),
            };
            return self.error(p, reason);
        }
        match fs::metadata(p) {
            Err(e) => self.error(p, format!("a link to nothing readable ({e})")),
            Ok(m) if m.is_dir() => self.folder(p),
            Ok(m) if m.is_file() => self.file(p),
            Ok(_) => self.error(p, "not a regular file (a FIFO, socket or device)"),
        }
    }

    fn file(&mut self, p: &Path) {
        let key = fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
        if self.seen_files.insert(key) {
            self.out.files.push(p.to_path_buf());
        }
    }

    /// Walks a folder depth first, children in name order, without recursion (a deep tree
    /// cannot exhaust the stack).
    fn folder(&mut self, top: &Path) {
        let mut stack = vec![top.to_path_buf()];
        while let Some(dir) = stack.pop() {
            let key = fs::canonicalize(&dir).unwrap_or_else(|_| dir.clone());
            if !self.seen_dirs.insert(key) {
                self.out.revisited.push(dir);
                continue;
            }
            let entries = match fs::read_dir(&dir) {
                Ok(rd) => rd,
                Err(e) => {
                    self.error(&dir, format!("cannot read the folder: {e}"));
                    continue;
                }
            };
            let mut entries: Vec<fs::DirEntry> = entries.flatten().collect();
            entries.sort_by_key(|e| e.file_name());
            let mut subfolders = Vec::new();
            for e in entries {
                // Under ".", paths read "essays/a.md" rather than "./essays/a.md".
                let path =
                    if dir == Path::new(".") { PathBuf::from(e.file_name()) } else { e.path() };
                if skipped_folder(&e.file_name().to_string_lossy()) {
                    continue;
                }
                let Ok(ft) = e.file_type() else { continue };
                // A link is judged by what it leads to.
                let (is_dir, is_file) = if ft.is_symlink() {
                    match fs::metadata(&path) {
                        Ok(m) => (m.is_dir(), m.is_file()),
                        Err(_) if (self.wanted)(&path) => {
                            self.error(&path, "a link to nothing readable");
                            continue;
                        }
                        Err(_) => continue,
                    }
                } else {
                    (ft.is_dir(), ft.is_file())
                };
                if is_dir {
                    subfolders.push(path);
                } else if (self.wanted)(&path) {
                    if is_file {
                        self.file(&path);
                    } else {
                        self.error(&path, "not a regular file (a FIFO, socket or device)");
                    }
                }
            }
            stack.extend(subfolders.into_iter().rev());
        }
    }
}

/// Reads an essay as UTF-8 text, or says why it cannot be checked.
pub fn read(path: &Path) -> Result<String, String> {
    let meta = fs::metadata(path).map_err(|e| e.to_string())?;
    if !meta.is_file() {
        return Err("not a regular file (a FIFO, socket or device)".into());
    }
    if meta.len() > MAX_BYTES {
        return Err(format!(
            "too large to be an essay ({} MB; the limit is {} MB)",
            meta.len() / 1_000_000,
            MAX_BYTES / 1_000_000
        ));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    fs::File::open(path)
        .and_then(|f| f.take(MAX_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| e.to_string())?;
    decode(bytes)
}

/// The bytes as text: a NUL byte means a binary file; invalid UTF-8 is located for the user.
pub fn decode(bytes: Vec<u8>) -> Result<String, String> {
    if let Some(at) = bytes.iter().position(|b| *b == 0) {
        let (line, col) = line_col(&bytes, at);
        return Err(format!("a binary file, not text (a NUL byte at line {line}, column {col})"));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let (line, col) = line_col(bytes, at);
        format!(
            "not UTF-8 text: byte 0x{:02X} at line {line}, column {col} (Latin-1 or Windows-1252? \
             save the file as UTF-8)",
            bytes[at]
        )
    })
}

/// 1-based line and column (in characters of the valid text before it) of a byte offset.
fn line_col(bytes: &[u8], at: usize) -> (usize, usize) {
    let before = &bytes[..at];
    let line_start = before.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let col = String::from_utf8_lossy(&before[line_start..]).chars().count() + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_that_is_not_utf8_is_located() {
        assert_eq!(decode(b"Kirov\n".to_vec()), Ok("Kirov\n".to_string()));
        let latin1 = b"Kirov was shot.\nCaf\xe9 Lenin".to_vec();
        assert_eq!(
            decode(latin1).unwrap_err(),
            "not UTF-8 text: byte 0xE9 at line 2, column 4 (Latin-1 or Windows-1252? save the \
             file as UTF-8)"
        );
        let binary = b"\x89PNG\r\n\x1a\n\0\0".to_vec();
        assert_eq!(
            decode(binary).unwrap_err(),
            "a binary file, not text (a NUL byte at line 3, column 1)"
        );
    }

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
