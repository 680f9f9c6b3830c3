//! Shared by the tests that read the five source essays: where they are, or a visible skip.

use std::path::PathBuf;

/// The essay files in `../shared/essays`, sorted; `None` (with a message) in a clone that
/// does not have that folder beside it.
pub fn essay_files() -> Option<Vec<PathBuf>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/essays");
    if !dir.is_dir() {
        eprintln!("SKIPPED: ../shared/essays is not beside the project");
        return None;
    }
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(&dir).ok()?.flatten().map(|e| e.path()).collect();
    files.sort();
    Some(files)
}
