//! Hostile folders: link loops, links out, special files, the same file by two paths, oversized
//! and undecodable files.

use std::fs;
use std::path::{Path, PathBuf};

use super::*;

/// A fresh folder under the system temp dir, removed when dropped.
pub(crate) struct Dir(pub PathBuf);

impl Dir {
    pub(crate) fn new(tag: &str) -> Dir {
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let p = std::env::temp_dir().join(format!("clio-ws-{tag}-{}-{n}", std::process::id()));
        if p.exists() {
            fs::remove_dir_all(&p).expect("clear the temp dir");
        }
        fs::create_dir_all(p.join(".clio")).expect("create the temp dir");
        Dir(p)
    }
    pub(crate) fn write(&self, rel: &str, text: &str) -> PathBuf {
        let p = self.0.join(rel);
        fs::write(&p, text).expect("write");
        p
    }
    pub(crate) fn link(&self, target: &Path, rel: &str) {
        std::os::unix::fs::symlink(target, self.0.join(rel)).expect("symlink");
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        if let Err(e) = fs::remove_dir_all(&self.0) {
            eprintln!("could not remove {}: {e}", self.0.display());
        }
    }
}

fn names(found: &Found) -> Vec<String> {
    found.files.iter().map(|f| f.file_name().unwrap().to_string_lossy().into_owned()).collect()
}

fn toml(p: &Path) -> bool {
    p.extension().is_some_and(|x| x == "toml")
}

fn packs_in(dir: PathBuf) -> Found {
    walk(&[dir], &toml, Links::Inside)
}

#[test]
fn links_to_the_folder_itself_end_the_walk_instead_of_looping() {
    let d = Dir::new("loop");
    d.write(".clio/pack.toml", "");
    d.link(&d.0.join(".clio"), ".clio/a");
    d.link(Path::new("."), ".clio/b");
    d.link(Path::new(".."), ".clio/c");
    let found = packs_in(d.0.join(".clio"));
    assert_eq!(names(&found), ["pack.toml"], "{found:?}");
    assert_eq!(found.revisited.len(), 2, "a and b lead back: {found:?}");
}

#[test]
fn links_out_of_the_folder_are_followed_only_where_asked() {
    let outside = Dir::new("outside");
    outside.write("secret.toml", "");
    let d = Dir::new("links-out");
    d.link(&outside.0.join("secret.toml"), ".clio/secret.toml");
    d.link(&outside.0, ".clio/elsewhere");
    let found = packs_in(d.0.join(".clio"));
    assert!(found.files.is_empty(), "{found:?}");
    assert_eq!(found.problems.len(), 2, "{found:?}");
    assert!(found.problems.iter().all(|(_, why)| why.contains("outside")), "{found:?}");
    // Essays named on the command line are followed where they lead, each file once.
    let found = walk(&[d.0.join(".clio")], &toml, Links::Anywhere);
    assert_eq!(names(&found), ["secret.toml"], "{found:?}");
}

#[test]
fn the_same_file_twice_is_taken_once_even_from_two_roots() {
    let d = Dir::new("twice");
    d.write(".clio/pack.toml", "");
    d.link(Path::new("pack.toml"), ".clio/again.toml");
    let clio = d.0.join(".clio");
    let found = walk(&[clio.clone(), clio.join("pack.toml"), d.0.clone()], &toml, Links::Inside);
    assert_eq!(names(&found), ["again.toml"], "{found:?}");
}

#[test]
fn a_fifo_is_said_and_never_opened() {
    let d = Dir::new("fifo");
    let made = std::process::Command::new("mkfifo").arg(d.0.join(".clio/pipe.toml")).status();
    assert!(made.expect("mkfifo").success());
    let found = packs_in(d.0.join(".clio"));
    let said: Vec<&str> = found.problems.iter().map(|(_, why)| why.as_str()).collect();
    assert_eq!(said, ["not a regular file (a FIFO, socket or device)"], "{found:?}");
    assert!(read_text(&d.0.join(".clio/pipe.toml"), 100).is_err());
    assert!(read_text(Path::new("/dev/zero"), 100).unwrap_err().contains("not a regular file"));
}

#[test]
fn a_missing_root_or_a_link_to_nothing_is_said() {
    let d = Dir::new("missing");
    d.link(&d.0.join("nothing"), "dangling.toml");
    let found = walk(&[d.0.join("gone"), d.0.join("dangling.toml")], &toml, Links::Inside);
    let said: Vec<&str> = found.problems.iter().map(|(_, why)| why.as_str()).collect();
    assert_eq!(said.len(), 2);
    assert_eq!(said[0], "no such file or folder");
    assert!(said[1].starts_with("a link to nothing readable"), "{said:?}");
}

#[test]
fn pseudo_filesystems_are_not_walked() {
    let found = walk(&[PathBuf::from("/")], &toml, Links::Inside);
    let inside = |f: &PathBuf| ["/proc", "/sys", "/dev"].iter().any(|x| f.starts_with(x));
    assert!(!found.files.iter().any(inside), "{found:?}");
}

#[test]
fn a_file_over_the_limit_is_refused_before_it_is_read() {
    let d = Dir::new("big");
    let big = d.0.join("big.toml");
    fs::File::create(&big).expect("create").set_len(17 << 20).expect("a sparse file");
    assert_eq!(read_text(&big, 16 << 20).unwrap_err(), "17825792 bytes, over the 16 MiB limit");
}

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
