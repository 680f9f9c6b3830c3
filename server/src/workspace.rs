//! The IO edge for knowledge packs and ignore lists: walking folders, reading packs from the
//! settings' paths and the workspace's `.clio/` folders, reading `.clio/ignore.txt` and
//! planning the edit that adds a word to it (the client applies it; nothing here writes).
//!
//! Nothing found on disk is trusted: packs are walked with `files.rs` without following a link
//! out of the folder named (loops end, FIFOs and devices are never opened), and files over
//! [`MAX_FILE`] bytes are refused with a message before they are read.

use std::fs;
use std::path::{Path, PathBuf};

use knowledge::{KnowledgeBase, LoadError, Pack};

use crate::files::{self, Links};

/// The largest pack or ignore list read (16 MiB; the whole embedded base is under 2 MiB).
pub const MAX_FILE: u64 = 16 << 20;
/// The longest word an ignore list takes, in characters.
pub const MAX_WORD: usize = 64;

/// A pack or an ignore list: at most [`MAX_FILE`] bytes of UTF-8 text.
pub fn read_text(path: &Path) -> Result<String, String> {
    files::read_text(path, MAX_FILE)
}

fn load_error(file: &Path, message: String) -> LoadError {
    LoadError { file: file.display().to_string(), line: 0, column: 0, message }
}

/// Reads packs from paths; unreadable paths, and whatever a walk passed over, become load
/// errors, not failures.
pub fn read_packs(paths: &[PathBuf]) -> (Vec<Pack>, Vec<LoadError>) {
    let mut packs = Vec::new();
    let mut errors = Vec::new();
    let is_toml = |p: &Path| p.extension().is_some_and(|x| x == "toml");
    for root in paths {
        let mut found = files::walk(std::slice::from_ref(root), &is_toml, Links::Inside);
        // Packs load in name order, whatever folder they sit in.
        found.files.sort();
        errors.extend(found.problems.into_iter().map(|(p, why)| load_error(&p, why)));
        for f in found.files {
            match read_text(&f) {
                Ok(text) => packs.push(Pack { name: f.display().to_string(), text }),
                Err(why) => errors.push(load_error(&f, why)),
            }
        }
    }
    (packs, errors)
}

/// The embedded base plus extra packs (settings paths, then each root's `.clio/`).
pub fn load_knowledge(extra: &[PathBuf], roots: &[PathBuf]) -> (KnowledgeBase, Vec<LoadError>) {
    let mut paths: Vec<PathBuf> = extra.to_vec();
    for r in roots {
        let d = r.join(".clio");
        if d.is_dir() {
            paths.push(d);
        }
    }
    let (extra_packs, mut errors) = read_packs(&paths);
    let (kb, errs) = KnowledgeBase::embedded_with(extra_packs);
    errors.extend(errs);
    (kb, errors)
}

pub fn ignore_file(root: &Path) -> PathBuf {
    root.join(".clio").join("ignore.txt")
}

/// Whether `word` may go into an ignore list: one line, at most [`MAX_WORD`] characters, no
/// control or direction characters, not a comment.
pub fn check_word(word: &str) -> Result<(), String> {
    let shown: String = word.chars().take(MAX_WORD).filter(|c| !c.is_control()).collect();
    if word.trim().is_empty() {
        return Err("an empty word".into());
    }
    if word.chars().count() > MAX_WORD {
        return Err(format!("“{shown}…” is longer than {MAX_WORD} characters"));
    }
    if word.chars().any(|c| c.is_control() || crate::sanitize::is_direction_mark(c)) {
        return Err(format!("“{shown}” holds a line break or another control character"));
    }
    if word.trim_start().starts_with('#') {
        return Err(format!("“{shown}” would read as a comment"));
    }
    Ok(())
}

/// The words of an ignore list, and what was wrong with it.
#[derive(Debug, Default, PartialEq)]
pub struct IgnoreList {
    pub words: Vec<String>,
    pub problems: Vec<String>,
}

impl IgnoreList {
    /// Words one a line; `#` starts a comment line; a line that is not a word is reported.
    pub fn parse(text: &str) -> IgnoreList {
        let mut list = IgnoreList::default();
        for (i, line) in text.lines().enumerate() {
            let word = line.trim();
            if word.is_empty() || word.starts_with('#') {
                continue;
            }
            match check_word(word) {
                Ok(()) => list.words.push(word.to_string()),
                Err(why) => list.problems.push(format!(".clio/ignore.txt line {}: {why}", i + 1)),
            }
        }
        list
    }

    /// The ignore list of `root` as on disk; none when there is no file.
    pub fn read(root: &Path) -> IgnoreList {
        match ignore_text(root) {
            Ok(Some(text)) => IgnoreList::parse(&text),
            Ok(None) => IgnoreList::default(),
            Err(why) => IgnoreList { words: Vec::new(), problems: vec![why] },
        }
    }
}

/// The text of `root`'s ignore list: `None` when there is none; an error when it is a link out
/// of the workspace, not a regular file, too large or not UTF-8.
fn ignore_text(root: &Path) -> Result<Option<String>, String> {
    let file = ignore_file(root);
    let shown = || file.display().to_string();
    for p in [root.join(".clio"), file.clone()] {
        if fs::symlink_metadata(&p).is_err() {
            return Ok(None);
        }
        let inside = match (fs::canonicalize(root), fs::canonicalize(&p)) {
            (Ok(r), Ok(real)) => real.starts_with(r),
            _ => false,
        };
        if !inside {
            return Err(format!("{} leads outside the workspace; not used", p.display()));
        }
    }
    read_text(&file).map(Some).map_err(|why| format!("{}: {why}; not used", shown()))
}

/// How to add a word to an ignore list, for the client to apply.
#[derive(Debug, PartialEq)]
pub enum IgnoreEdit {
    /// The word is listed already.
    Listed,
    /// Create the file with `text`.
    Create { file: PathBuf, text: String },
    /// Insert `text` at the end of the file, after its last line `last_line` (line `line`).
    Append { file: PathBuf, line: u32, last_line: String, text: String },
}

const IGNORE_HEADER: &str = "# Words Clio never reports as misspelled names, one a line.\n";

/// Plans adding `word` (checked with [`check_word`]) to `root`'s ignore list, whose current
/// text is `open` when the editor has it open, else read from disk.
pub fn plan_ignore_edit(root: &Path, word: &str, open: Option<&str>) -> Result<IgnoreEdit, String> {
    check_word(word)?;
    let file = ignore_file(root);
    let text = match open {
        Some(t) => Some(t.to_string()),
        None => ignore_text(root)?,
    };
    let Some(text) = text else {
        return Ok(IgnoreEdit::Create { file, text: format!("{IGNORE_HEADER}{word}\n") });
    };
    if IgnoreList::parse(&text).words.iter().any(|w| w.eq_ignore_ascii_case(word)) {
        return Ok(IgnoreEdit::Listed);
    }
    let breaks = text.matches('\n').count();
    let last_line = text.rsplit('\n').next().unwrap_or("").to_string();
    let text = if last_line.is_empty() { format!("{word}\n") } else { format!("\n{word}\n") };
    Ok(IgnoreEdit::Append { file, line: breaks as u32, last_line, text })
}

#[cfg(test)]
mod tests;
