//! The IO edge for knowledge packs and ignore lists: walking folders, reading packs from the
//! settings' paths and the workspace's `.clio/` folders, reading `.clio/ignore.txt` and
//! planning the edit that adds a word to it (the client applies it; nothing here writes).
//!
//! Nothing found on disk is trusted: walks never follow a link out of the folder walked, never
//! enter a folder twice (a link to `.` or a parent ends there), skip FIFOs, sockets and
//! devices, skip `/proc`, `/sys` and `/dev`, and stop after [`MAX_ENTRIES`] entries; files
//! over [`MAX_FILE`] bytes are refused with a message before they are read.

use std::collections::HashSet;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use knowledge::{KnowledgeBase, LoadError, Pack};

/// The largest pack or ignore list read (16 MiB; the whole embedded base is under 2 MiB).
pub const MAX_FILE: u64 = 16 << 20;
/// The most folder entries one walk looks at.
pub const MAX_ENTRIES: usize = 100_000;
/// The deepest folder one walk enters.
const MAX_DEPTH: usize = 32;
/// The longest word an ignore list takes, in characters.
pub const MAX_WORD: usize = 64;
const PSEUDO: [&str; 3] = ["/proc", "/sys", "/dev"];

/// What a walk found: the files, and what it passed over and why.
#[derive(Debug, Default)]
pub struct Walk {
    pub files: Vec<PathBuf>,
    pub skipped: Vec<(PathBuf, String)>,
}

/// Every file under `path` (or `path` itself if it is a file) whose extension `wanted`
/// accepts, sorted for a stable order, with what was passed over (links out of the folder,
/// loops, special files, unreadable folders, the entry limit) and why. Hidden folders,
/// `node_modules` and `target` are skipped.
pub fn walk(path: &Path, wanted: &dyn Fn(&str) -> bool) -> Walk {
    let mut w = Walk::default();
    let root = match fs::canonicalize(path) {
        Ok(r) => r,
        Err(e) => {
            w.skipped.push((path.to_path_buf(), format!("cannot be read: {e}")));
            return w;
        }
    };
    match fs::metadata(&root) {
        Ok(m) if m.is_file() => w.files.push(path.to_path_buf()),
        Ok(m) if m.is_dir() => walk_dir(path, &root, wanted, &mut w),
        Ok(_) => w.skipped.push((path.to_path_buf(), "not a regular file or folder".into())),
        Err(e) => w.skipped.push((path.to_path_buf(), format!("cannot be read: {e}"))),
    }
    w.files.sort();
    w
}

fn walk_dir(path: &Path, root: &Path, wanted: &dyn Fn(&str) -> bool, w: &mut Walk) {
    let mut seen_dirs: HashSet<PathBuf> = HashSet::from([root.to_path_buf()]);
    let mut seen_files: HashSet<PathBuf> = HashSet::new();
    let mut stack = vec![(path.to_path_buf(), 0usize)];
    let mut entries = 0usize;
    while let Some((dir, depth)) = stack.pop() {
        let rd = match fs::read_dir(&dir) {
            Ok(rd) => rd,
            Err(e) => {
                w.skipped.push((dir, format!("cannot be read: {e}")));
                continue;
            }
        };
        for e in rd.flatten() {
            entries += 1;
            if entries > MAX_ENTRIES {
                w.skipped
                    .push((path.to_path_buf(), format!("stopped after {MAX_ENTRIES} entries")));
                return;
            }
            let p = e.path();
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if name.starts_with('.') || name == "node_modules" || name == "target" {
                continue;
            }
            // What is passed over is told only when the walk would have wanted it.
            let of_interest = p.extension().and_then(|x| x.to_str()).is_some_and(wanted)
                || fs::metadata(&p).is_ok_and(|m| m.is_dir());
            let Ok(real) = fs::canonicalize(&p) else {
                if of_interest {
                    w.skipped.push((p, "a broken link or an unreadable entry".into()));
                }
                continue;
            };
            if !real.starts_with(root) {
                if of_interest {
                    w.skipped.push((p, "a link to outside the folder".into()));
                }
                continue;
            }
            if PSEUDO.iter().any(|x| real.starts_with(x)) && !root.starts_with(&real) {
                continue;
            }
            match fs::metadata(&real) {
                Ok(m) if m.is_dir() => {
                    if depth >= MAX_DEPTH {
                        w.skipped.push((p, format!("deeper than {MAX_DEPTH} folders")));
                    } else if seen_dirs.insert(real) {
                        stack.push((p, depth + 1));
                    }
                }
                Ok(m) if m.is_file() => {
                    let ext = p.extension().and_then(|x| x.to_str());
                    if ext.is_some_and(wanted) && seen_files.insert(real) {
                        w.files.push(p);
                    }
                }
                Ok(_) if of_interest => {
                    w.skipped.push((p, "not a regular file (a pipe, socket or device)".into()))
                }
                Ok(_) => {}
                Err(e) => w.skipped.push((p, format!("cannot be read: {e}"))),
            }
        }
    }
}

/// The text of a regular file of at most [`MAX_FILE`] bytes, or why it cannot be had. A FIFO
/// or a device is refused before it is opened, and no more than the limit is ever read.
pub fn read_text(path: &Path) -> Result<String, String> {
    let meta = fs::metadata(path).map_err(|e| e.to_string())?;
    if !meta.is_file() {
        return Err("not a regular file (a folder, pipe, socket or device)".into());
    }
    let too_big = |n: u64| format!("{n} bytes, over the {} MiB limit", MAX_FILE >> 20);
    if meta.len() > MAX_FILE {
        return Err(too_big(meta.len()));
    }
    let mut bytes = Vec::new();
    let file = fs::File::open(path).map_err(|e| e.to_string())?;
    file.take(MAX_FILE + 1).read_to_end(&mut bytes).map_err(|e| e.to_string())?;
    if bytes.len() as u64 > MAX_FILE {
        return Err(too_big(bytes.len() as u64));
    }
    String::from_utf8(bytes)
        .map_err(|e| format!("not UTF-8 text (byte {})", e.utf8_error().valid_up_to()))
}

fn load_error(file: &Path, message: String) -> LoadError {
    LoadError { file: file.display().to_string(), line: 0, column: 0, message }
}

/// Reads packs from paths; unreadable paths, and whatever a walk passed over, become load
/// errors, not failures.
pub fn read_packs(paths: &[PathBuf]) -> (Vec<Pack>, Vec<LoadError>) {
    let mut packs = Vec::new();
    let mut errors = Vec::new();
    for root in paths {
        if fs::symlink_metadata(root).is_err() {
            errors.push(load_error(root, "no such file or folder".into()));
            continue;
        }
        let w = walk(root, &|x| x == "toml");
        errors.extend(w.skipped.into_iter().map(|(p, why)| load_error(&p, why)));
        for f in w.files {
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
    let mut packs = KnowledgeBase::embedded_packs();
    packs.extend(extra_packs);
    let (kb, errs) = KnowledgeBase::load(&packs);
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
