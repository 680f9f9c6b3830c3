//! The IO edge for knowledge and ignore lists: loading extra packs from settings paths and
//! the workspace's `.clio/` folder, and reading/writing `.clio/ignore.txt`.

use std::path::{Path, PathBuf};

use knowledge::{KnowledgeBase, LoadError, Pack};

/// Every file under `path` (or `path` itself if it is a file) whose extension `wanted`
/// accepts, sorted for a stable order. Hidden folders, `node_modules` and `target` are skipped.
pub fn files_under(path: &Path, wanted: &dyn Fn(&str) -> bool) -> Vec<PathBuf> {
    if path.is_file() {
        return vec![path.to_path_buf()];
    }
    let mut out = Vec::new();
    if let Ok(rd) = std::fs::read_dir(path) {
        for e in rd.flatten() {
            let p = e.path();
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if name.starts_with('.') || name == "node_modules" || name == "target" {
                continue;
            }
            if p.is_dir() {
                out.extend(files_under(&p, wanted));
            } else if p.extension().and_then(|x| x.to_str()).is_some_and(wanted) {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// Every `*.toml` under `path` (or `path` itself if it is a file).
pub fn pack_files(path: &Path) -> Vec<PathBuf> {
    files_under(path, &|x| x == "toml")
}

/// Reads packs from paths; unreadable paths become load errors, not failures.
pub fn read_packs(paths: &[PathBuf]) -> (Vec<Pack>, Vec<LoadError>) {
    let mut packs = Vec::new();
    let mut errors = Vec::new();
    for root in paths {
        if !root.exists() {
            errors.push(LoadError {
                file: root.display().to_string(),
                line: 0,
                column: 0,
                message: "no such file or folder".into(),
            });
            continue;
        }
        for f in pack_files(root) {
            match std::fs::read_to_string(&f) {
                Ok(text) => packs.push(Pack { name: f.display().to_string(), text }),
                Err(e) => errors.push(LoadError {
                    file: f.display().to_string(),
                    line: 0,
                    column: 0,
                    message: e.to_string(),
                }),
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

/// Words in `.clio/ignore.txt` (one a line, `#` comments).
pub fn read_ignore(root: &Path) -> Vec<String> {
    std::fs::read_to_string(ignore_file(root))
        .map(|t| {
            t.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(String::from)
                .collect()
        })
        .unwrap_or_default()
}

/// Appends a word to `.clio/ignore.txt`, creating it with a header if needed.
pub fn add_ignore(root: &Path, word: &str) -> std::io::Result<PathBuf> {
    let f = ignore_file(root);
    std::fs::create_dir_all(f.parent().unwrap_or(root))?;
    let mut text = std::fs::read_to_string(&f).unwrap_or_else(|_| {
        "# Words Clio never reports as misspelled names, one a line.\n".to_string()
    });
    if text.lines().any(|l| l.trim().eq_ignore_ascii_case(word)) {
        return Ok(f);
    }
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(word);
    text.push('\n');
    std::fs::write(&f, text)?;
    Ok(f)
}
