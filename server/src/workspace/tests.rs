//! Hostile workspaces: link loops, links out, special files, oversized and undecodable files,
//! and words that would smuggle lines into an ignore list.

use super::*;

/// A fresh folder under the system temp dir, removed when dropped.
struct Dir(PathBuf);

impl Dir {
    fn new(tag: &str) -> Dir {
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let p = std::env::temp_dir().join(format!("clio-ws-{tag}-{}-{n}", std::process::id()));
        if p.exists() {
            fs::remove_dir_all(&p).expect("clear the temp dir");
        }
        fs::create_dir_all(p.join(".clio")).expect("create the temp dir");
        Dir(p)
    }
    fn write(&self, rel: &str, text: &str) -> PathBuf {
        let p = self.0.join(rel);
        fs::write(&p, text).expect("write");
        p
    }
    fn link(&self, target: &Path, rel: &str) {
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

fn names(w: &Walk) -> Vec<String> {
    w.files.iter().map(|f| f.file_name().unwrap().to_string_lossy().into_owned()).collect()
}

#[test]
fn links_to_the_folder_itself_end_the_walk_instead_of_looping() {
    let d = Dir::new("loop");
    d.write(".clio/pack.toml", "");
    d.link(&d.0.join(".clio"), ".clio/a");
    d.link(Path::new("."), ".clio/b");
    d.link(Path::new(".."), ".clio/c");
    let w = walk(&d.0.join(".clio"), &|x| x == "toml");
    assert_eq!(names(&w), ["pack.toml"], "{w:?}");
}

#[test]
fn links_out_of_the_folder_are_not_followed() {
    let outside = Dir::new("outside");
    outside.write("secret.toml", "");
    let d = Dir::new("links-out");
    d.link(&outside.0.join("secret.toml"), ".clio/secret.toml");
    d.link(&outside.0, ".clio/elsewhere");
    let w = walk(&d.0.join(".clio"), &|x| x == "toml");
    assert!(w.files.is_empty(), "{w:?}");
    assert_eq!(w.skipped.len(), 2, "{w:?}");
    assert!(w.skipped.iter().all(|(_, why)| why.contains("outside")), "{w:?}");
}

#[test]
fn the_same_file_twice_is_read_once() {
    let d = Dir::new("twice");
    d.write(".clio/pack.toml", "");
    d.link(Path::new("pack.toml"), ".clio/again.toml");
    assert_eq!(walk(&d.0.join(".clio"), &|x| x == "toml").files.len(), 1);
}

#[test]
fn a_fifo_or_a_device_is_never_opened() {
    let d = Dir::new("fifo");
    let fifo = d.0.join(".clio/pipe.toml");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    d.link(Path::new("/dev/zero"), ".clio/ignore.txt");
    let (packs, errors) = read_packs(&[d.0.join(".clio")]);
    assert!(packs.is_empty());
    let shown: Vec<String> = errors.iter().map(|e| e.message.clone()).collect();
    assert_eq!(shown, ["not a regular file (a pipe, socket or device)"], "{errors:?}");
    assert!(read_text(&fifo).is_err());
    assert!(read_text(Path::new("/dev/zero")).unwrap_err().contains("not a regular file"));
    let list = IgnoreList::read(&d.0);
    assert!(list.words.is_empty() && list.problems.len() == 1, "{list:?}");
    let (_, errors) = read_packs(&[PathBuf::from("/dev/zero")]);
    assert_eq!(errors.len(), 1, "kb check /dev/zero is an error: {errors:?}");
}

#[test]
fn an_oversized_file_is_refused_with_a_message() {
    let d = Dir::new("big");
    let big = d.0.join(".clio/big.toml");
    let f = fs::File::create(&big).expect("create");
    f.set_len(MAX_FILE + 1).expect("a sparse file");
    let (packs, errors) = read_packs(&[d.0.join(".clio")]);
    assert!(packs.is_empty());
    assert!(errors[0].message.contains("over the 16 MiB limit"), "{errors:?}");
}

#[test]
fn pseudo_filesystems_are_not_walked() {
    let w = walk(Path::new("/"), &|x| x == "toml");
    assert!(w.files.iter().all(|f| !f.starts_with("/proc") && !f.starts_with("/sys")), "{w:?}");
}

#[test]
fn words_that_are_not_one_plain_line_are_refused() {
    for bad in ["evil\nsecond-line\n# fake\nKirov", "", "  ", "# note", "a\u{1b}[2J", "x\u{202e}y"]
    {
        assert!(check_word(bad).is_err(), "{bad:?}");
    }
    assert!(check_word(&"x".repeat(MAX_WORD + 1)).is_err());
    for good in ["Stallin", "Zinov’ev", "Ulyanov-Lenin", "Бухарин"] {
        assert_eq!(check_word(good), Ok(()), "{good:?}");
    }
    let list = IgnoreList::parse("# header\nStallin\n\u{1b}[31mKirov\n");
    assert_eq!(list.words, ["Stallin"]);
    assert_eq!(list.problems.len(), 1, "{list:?}");
}

#[test]
fn the_ignore_edit_creates_appends_or_does_nothing() {
    let d = Dir::new("plan");
    let file = ignore_file(&d.0);
    assert_eq!(
        plan_ignore_edit(&d.0, "Stallin", None),
        Ok(IgnoreEdit::Create { file: file.clone(), text: format!("{IGNORE_HEADER}Stallin\n") })
    );
    d.write(".clio/ignore.txt", "# mine\nTrotskii");
    assert_eq!(
        plan_ignore_edit(&d.0, "Stallin", None),
        Ok(IgnoreEdit::Append {
            file: file.clone(),
            line: 1,
            last_line: "Trotskii".into(),
            text: "\nStallin\n".into()
        })
    );
    assert_eq!(plan_ignore_edit(&d.0, "trotskii", None), Ok(IgnoreEdit::Listed));
    // The editor's text wins over the file's.
    assert_eq!(
        plan_ignore_edit(&d.0, "Stallin", Some("A\nB\n")),
        Ok(IgnoreEdit::Append {
            file,
            line: 2,
            last_line: String::new(),
            text: "Stallin\n".into()
        })
    );
    assert!(plan_ignore_edit(&d.0, "a\nb", None).is_err());
}

#[test]
fn an_ignore_list_that_leads_out_or_is_not_text_is_left_alone() {
    let outside = Dir::new("victim");
    let victim = outside.write("notes.txt", "precious\n");
    let d = Dir::new("link-out");
    d.link(&victim, ".clio/ignore.txt");
    assert!(plan_ignore_edit(&d.0, "Stallin", None).unwrap_err().contains("outside"));
    assert_eq!(fs::read_to_string(&victim).expect("still there"), "precious\n");
    let latin = Dir::new("latin1");
    fs::write(latin.0.join(".clio/ignore.txt"), b"Stallin\nJos\xe9\n").expect("write");
    assert!(plan_ignore_edit(&latin.0, "Kirov", None).unwrap_err().contains("not UTF-8"));
    assert_eq!(IgnoreList::read(&latin.0).problems.len(), 1);
}
