//! Hostile workspaces: special files, oversized and undecodable packs and ignore lists, and
//! words that would smuggle lines into an ignore list (the walk's own cases are in
//! `files/tests.rs`).

use super::*;

use std::fs;

use crate::files::tests::Dir;

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
    assert_eq!(shown, ["not a regular file (a FIFO, socket or device)"], "{errors:?}");
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
