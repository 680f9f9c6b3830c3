//! Shared by the tests that read the five source essays: where they are, or a visible skip. In
//! CI (the `CI` environment variable set) a missing `../shared/essays` fails the test instead:
//! a test that skips there proves nothing.

use std::path::PathBuf;

/// The folder of the source essays, beside the project; `None` (with a message) in a clone that
/// does not have it.
pub fn essays_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/essays");
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "../shared/essays is not beside the project ({}), and CI is set",
        dir.display()
    );
    eprintln!("SKIPPED: ../shared/essays is not beside the project");
    None
}

/// The essay files, sorted.
pub fn essay_files() -> Option<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(essays_dir()?).ok()?.flatten().map(|e| e.path()).collect();
    files.sort();
    Some(files)
}
