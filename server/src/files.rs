//! Finding and reading files on disk, for the command line's essays and for packs and ignore
//! lists alike: the one folder walk and the one text reader.
//!
//! Nothing found on disk is trusted. A walk enters every folder once (a link back to a folder
//! already walked, such as `self -> .`, ends there), takes every file once however many links
//! reach it, never opens a FIFO, socket or device, skips hidden folders, `node_modules`,
//! `target` and `/proc`, `/sys`, `/dev`, goes at most [`MAX_DEPTH`] folders deep and stops
//! after [`MAX_ENTRIES`] entries. Packs are walked without following links out of the folder
//! named ([`Links::Inside`]); essays named on the command line are followed where their links
//! lead. A file is read only up to a size given by the caller, and must be UTF-8 text.

use std::collections::HashSet;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The most folder entries one walk looks at.
pub const MAX_ENTRIES: usize = 100_000;
/// The deepest folder one walk enters.
pub const MAX_DEPTH: usize = 32;
const PSEUDO: [&str; 3] = ["/proc", "/sys", "/dev"];

/// Which links a walk follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Links {
    /// Only those that stay inside the folder named (a link out is passed over, and said).
    Inside,
    /// Wherever they lead.
    Anywhere,
}

/// What a walk found: the files, in the order found (each folder's files in name order, then
/// its subfolders), what it could not take and why, and the folders reached a second time.
#[derive(Debug, Default)]
pub struct Found {
    pub files: Vec<PathBuf>,
    pub problems: Vec<(PathBuf, String)>,
    pub revisited: Vec<PathBuf>,
}

/// Walks `roots` for the files `wanted` accepts; a file named as a root is taken whatever its
/// name. What cannot be walked or read is said only for what the walk would have wanted.
pub fn walk(roots: &[PathBuf], wanted: &dyn Fn(&Path) -> bool, links: Links) -> Found {
    let mut w = Walker {
        wanted,
        links,
        found: Found::default(),
        dirs: HashSet::new(),
        files: HashSet::new(),
        entries: 0,
    };
    for root in roots {
        w.root(root);
    }
    w.found
}

struct Walker<'a> {
    wanted: &'a dyn Fn(&Path) -> bool,
    links: Links,
    found: Found,
    /// Canonical paths of the folders walked and the files taken.
    dirs: HashSet<PathBuf>,
    files: HashSet<PathBuf>,
    entries: usize,
}

fn skipped_folder(name: &str) -> bool {
    name.starts_with('.') || name == "node_modules" || name == "target"
}

const SPECIAL: &str = "not a regular file (a FIFO, socket or device)";

impl Walker<'_> {
    fn problem(&mut self, path: &Path, why: impl Into<String>) {
        self.found.problems.push((path.to_path_buf(), why.into()));
    }

    fn root(&mut self, p: &Path) {
        if let Err(e) = fs::symlink_metadata(p) {
            let why = match e.kind() {
                std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
                _ => e.to_string(),
            };
            return self.problem(p, why);
        }
        match fs::metadata(p) {
            Err(e) => self.problem(p, format!("a link to nothing readable ({e})")),
            Ok(m) if m.is_dir() => self.folder(p),
            Ok(m) if m.is_file() => self.take(p, fs::canonicalize(p).unwrap_or_else(|_| p.into())),
            Ok(_) => self.problem(p, SPECIAL),
        }
    }

    fn take(&mut self, p: &Path, real: PathBuf) {
        if self.files.insert(real) {
            self.found.files.push(p.to_path_buf());
        }
    }

    /// Walks a folder depth first without recursion (a deep tree cannot exhaust the stack).
    fn folder(&mut self, top: &Path) {
        let Ok(root) = fs::canonicalize(top) else {
            return self.problem(top, "cannot be read");
        };
        let mut stack = vec![(top.to_path_buf(), root.clone(), 0usize)];
        while let Some((dir, real, depth)) = stack.pop() {
            if !self.dirs.insert(real) {
                self.found.revisited.push(dir);
                continue;
            }
            let mut entries: Vec<fs::DirEntry> = match fs::read_dir(&dir) {
                Ok(rd) => rd.flatten().collect(),
                Err(e) => {
                    self.problem(&dir, format!("cannot read the folder: {e}"));
                    continue;
                }
            };
            entries.sort_by_key(|e| e.file_name());
            let mut subfolders = Vec::new();
            for e in entries {
                self.entries += 1;
                if self.entries > MAX_ENTRIES {
                    return self.problem(top, format!("stopped after {MAX_ENTRIES} entries"));
                }
                if skipped_folder(&e.file_name().to_string_lossy()) {
                    continue;
                }
                // Under ".", paths read "essays/a.md" rather than "./essays/a.md".
                let p = if dir == Path::new(".") { PathBuf::from(e.file_name()) } else { e.path() };
                let of_interest = (self.wanted)(&p);
                let Ok(real) = fs::canonicalize(&p) else {
                    if of_interest {
                        self.problem(&p, "a link to nothing readable");
                    }
                    continue;
                };
                if PSEUDO.iter().any(|x| real.starts_with(x)) && !root.starts_with(&real) {
                    continue;
                }
                let meta = match fs::metadata(&real) {
                    Ok(m) => m,
                    Err(e) => {
                        if of_interest {
                            self.problem(&p, format!("cannot be read: {e}"));
                        }
                        continue;
                    }
                };
                if self.links == Links::Inside && !real.starts_with(&root) {
                    if of_interest || meta.is_dir() {
                        self.problem(&p, "a link to outside the folder");
                    }
                    continue;
                }
                if meta.is_dir() {
                    if depth >= MAX_DEPTH {
                        self.problem(&p, format!("deeper than {MAX_DEPTH} folders"));
                    } else {
                        subfolders.push((p, real, depth + 1));
                    }
                } else if of_interest && meta.is_file() {
                    self.take(&p, real);
                } else if of_interest {
                    self.problem(&p, SPECIAL);
                }
            }
            stack.extend(subfolders.into_iter().rev());
        }
    }
}

/// The text of a regular file of at most `limit` bytes, or why it cannot be had: a FIFO or a
/// device is refused before it is opened, no more than the limit is ever read, and a binary
/// file or one that is not UTF-8 is located for the user.
pub fn read_text(path: &Path, limit: u64) -> Result<String, String> {
    let meta = fs::metadata(path).map_err(|e| e.to_string())?;
    if !meta.is_file() {
        return Err("not a regular file (a folder, FIFO, socket or device)".into());
    }
    let too_big = |n: u64| format!("{n} bytes, over the {} MiB limit", limit >> 20);
    if meta.len() > limit {
        return Err(too_big(meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    fs::File::open(path)
        .and_then(|f| f.take(limit + 1).read_to_end(&mut bytes))
        .map_err(|e| e.to_string())?;
    if bytes.len() as u64 > limit {
        return Err(too_big(bytes.len() as u64));
    }
    decode(bytes)
}

/// The bytes as text: a NUL byte means a binary file; invalid UTF-8 is located for the user.
pub fn decode(bytes: Vec<u8>) -> Result<String, String> {
    if let Some(at) = memchr::memchr(0, &bytes) {
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
pub(crate) mod tests;
