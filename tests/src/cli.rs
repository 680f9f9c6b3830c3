//! Helpers for the command line's end-to-end tests: a throwaway folder of essays, and the real
//! binary run in it (no colour, no terminal), returning its exit code and both streams.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::binary;

/// A fresh folder under the system temp dir, removed when dropped.
pub struct Folder(pub PathBuf);

impl Folder {
    pub fn new(tag: &str) -> Folder {
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let p = std::env::temp_dir().join(format!("clio-cli-{tag}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).expect("create a temp dir");
        Folder(p)
    }

    /// Writes `bytes` to `name` (a path relative to the folder), making its parents.
    pub fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let p = self.0.join(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("create the parent folders");
        }
        std::fs::write(&p, bytes).expect("write a test file");
        p
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// What a run of the binary gave.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!("stdout is not JSON ({e}):\n{}\n{}", self.stdout, self.stderr)
        })
    }
}

/// Runs `clio-ls ARGS` in `dir` with NO_COLOR set and stdin closed.
pub fn clio(dir: &Path, args: &[&str]) -> Run {
    let out = Command::new(binary())
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .expect("run clio-ls");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}
