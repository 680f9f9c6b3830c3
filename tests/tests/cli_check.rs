//! `clio-ls check` end to end, the real binary on real folders: exit codes and `--fail-on`,
//! bad input (a missing path, an unreadable, binary or Latin-1 file, a FIFO, a directory
//! loop), and a project's settings (`.clio/` packs and ignore list, `clio.toml`, flags).

use clio_e2e::cli::{clio, Folder};
use clio_e2e::Value;

const SLIP: &str = "Kirov was murdered in 1931.\n";
const CLEAN: &str = "Lenin died in January 1924.\n";

/// The codes reported per file, from `--format json`: "path: code code".
fn codes(v: &Value) -> Vec<String> {
    v["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|f| {
            let codes: Vec<&str> = f["diagnostics"]
                .as_array()
                .expect("diagnostics")
                .iter()
                .map(|d| d["code"].as_str().unwrap_or("?"))
                .collect();
            format!("{}: {}", f["path"].as_str().unwrap_or("?"), codes.join(" "))
        })
        .collect()
}

#[test]
fn the_exit_code_says_whether_anything_reached_fail_on() {
    let dir = Folder::new("exit");
    dir.write("clean.md", CLEAN);
    dir.write("slip.md", SLIP);
    let run = |args: &[&str]| clio(&dir.0, args).code;
    assert_eq!(run(&["check", "clean.md"]), 0);
    assert_eq!(run(&["check", "slip.md"]), 1, "a warning fails by default");
    assert_eq!(run(&["check", "."]), 1);
    assert_eq!(run(&["check", "--fail-on", "error", "slip.md"]), 0);
    assert_eq!(run(&["check", "--fail-on", "never", "slip.md"]), 0);
    assert_eq!(
        run(&["check", "--fail-on", "error", "--severity", "dubious-date=error", "slip.md"]),
        1
    );
    assert_eq!(run(&["check", "--severity", "dubious-date=hint", "slip.md"]), 0);
    assert_eq!(
        run(&["check", "--fail-on", "hint", "--severity", "dubious-date=hint", "slip.md"]),
        1
    );
    assert_eq!(run(&["check", "--disable", "dubious-date", "slip.md"]), 0);
    // Usage errors.
    assert_eq!(run(&["check", "--disable", "no-such-check", "slip.md"]), 2);
    assert_eq!(run(&["check", "--severity", "dubious-date=loud", "slip.md"]), 2);
    assert_eq!(run(&["check", "--fail-on", "sometimes", "slip.md"]), 2);
}

#[test]
fn no_path_means_the_current_folder() {
    let dir = Folder::new("cwd");
    dir.write("essays/slip.md", SLIP);
    let r = clio(&dir.0, &["check", "--format", "json"]);
    assert_eq!(r.code, 1, "{r:?}");
    assert_eq!(codes(&r.json()), ["essays/slip.md: dubious-date"]);
}

#[test]
fn a_missing_path_is_an_error_reported_after_the_readable_files() {
    let dir = Folder::new("missing");
    dir.write("slip.md", SLIP);
    let r = clio(&dir.0, &["check", "gone.md", "slip.md", "nowhere/"]);
    assert_eq!(r.code, 2, "{r:?}");
    assert!(r.stdout.contains("slip.md:1:23: warning[dubious-date]"), "{r:?}");
    assert!(r.stderr.contains("gone.md: no such file or folder"), "{r:?}");
    assert!(r.stderr.contains("nowhere/: no such file or folder"), "{r:?}");
    let r = clio(&dir.0, &["check", "--format", "json", "gone.md", "slip.md"]);
    assert_eq!(r.code, 2);
    let v = r.json();
    assert_eq!(codes(&v), ["slip.md: dubious-date"]);
    assert_eq!(v["errors"][0]["path"], "gone.md");
    assert_eq!(v["errors"][0]["message"], "no such file or folder");
}

#[test]
fn binary_latin1_and_unreadable_files_are_errors_the_others_are_checked() {
    let dir = Folder::new("bad");
    dir.write("a-slip.md", SLIP);
    dir.write("b-binary.md", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    dir.write("c-latin1.txt", b"Kirov \xe9tait assassin\xe9 en 1934.\n");
    dir.write("d-clean.md", CLEAN);
    std::os::unix::fs::symlink(dir.path("nothing-here.md"), dir.path("e-dangling.md"))
        .expect("a dangling link");
    let fifo = dir.path("f-pipe.md");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    let has_fifo = made.is_ok_and(|s| s.success());
    let r = clio(&dir.0, &["check", "--format", "json", "."]);
    assert_eq!(r.code, 2, "{r:?}");
    let v = r.json();
    assert_eq!(codes(&v), ["a-slip.md: dubious-date", "d-clean.md: "]);
    let errors: Vec<String> = v["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| {
            format!("{}: {}", e["path"].as_str().unwrap_or(""), e["message"].as_str().unwrap_or(""))
        })
        .collect();
    let mut expected = vec![
        "b-binary.md: a binary file, not text (a NUL byte at line 3, column 1)".to_string(),
        "c-latin1.txt: not UTF-8 text: byte 0xE9 at line 1, column 7 (Latin-1 or \
         Windows-1252? save the file as UTF-8)"
            .to_string(),
        "e-dangling.md: a link to nothing readable".to_string(),
    ];
    if has_fifo {
        expected.push("f-pipe.md: not a regular file (a FIFO, socket or device)".to_string());
    }
    expected.sort();
    let mut errors = errors;
    errors.sort();
    assert_eq!(errors, expected);
    // The same reasons reach a person on stderr.
    let r = clio(&dir.0, &["check", "."]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("b-binary.md: a binary file"), "{}", r.stderr);
    assert!(r.stdout.contains("Checked 2 files"), "{}", r.stdout);
}

#[test]
fn a_file_that_cannot_be_opened_is_an_error() {
    use std::os::unix::fs::PermissionsExt;
    let dir = Folder::new("perm");
    let locked = dir.write("locked.md", SLIP);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    let r = clio(&dir.0, &["check", "locked.md"]);
    if std::fs::read(&locked).is_ok() {
        // Root reads a file whatever its mode: the check then simply runs.
        assert_eq!(r.code, 1, "{r:?}");
        return;
    }
    assert_eq!(r.code, 2, "{r:?}");
    assert!(r.stderr.contains("locked.md: Permission denied"), "{r:?}");
}

#[test]
fn a_directory_loop_is_walked_once_and_ends() {
    let dir = Folder::new("loop");
    dir.write("essays/slip.md", SLIP);
    std::os::unix::fs::symlink(".", dir.path("essays/self")).expect("self -> .");
    std::os::unix::fs::symlink("..", dir.path("essays/up")).expect("up -> ..");
    std::os::unix::fs::symlink(".", dir.path("a")).expect("a -> .");
    std::os::unix::fs::symlink(".", dir.path("b")).expect("b -> .");
    std::os::unix::fs::symlink("essays/slip.md", dir.path("same.md")).expect("a file link");
    let r = clio(&dir.0, &["check", "--format", "json", "."]);
    assert_eq!(r.code, 1, "{r:?}");
    // Once, by whichever path is found first (a folder's files come before its subfolders).
    assert_eq!(codes(&r.json()), ["same.md: dubious-date"]);
    assert!(r.stderr.contains("a link back to a folder"), "{}", r.stderr);
    let r = clio(&dir.0, &["check", "--format", "json", "essays"]);
    assert_eq!(codes(&r.json()), ["essays/slip.md: dubious-date"]);
}

const PACK: &str = r#"
[[person]]
id = "pupkov-test"
name = "Ivan Pupkov"
aliases = ["Pupkov"]
born = "1890"
died = "1936-05-01"
summary = "A commissar made up for a test."
record = "a test fixture"
"#;

#[test]
fn a_folders_clio_packs_and_ignore_list_apply_to_the_files_below_it() {
    let dir = Folder::new("dotclio");
    let essay = "Pupkov died in 1931. Stallin outlived his rivals.\n";
    dir.write("class/essays/a.md", essay);
    dir.write("other/b.md", essay);
    dir.write("class/.clio/people.toml", PACK);
    dir.write("class/.clio/ignore.txt", "# ours\nStallin\n");
    let r = clio(&dir.0, &["check", "--format", "json", "class", "other"]);
    assert_eq!(r.code, 1, "{r:?}");
    assert_eq!(
        codes(&r.json()),
        ["class/essays/a.md: dubious-date", "other/b.md: misspelled-name"],
        "the pack dates Pupkov and the list ignores Stallin only under class/"
    );
    // A broken pack is reported and the run exits 2; the rest of the base still checks.
    dir.write("class/.clio/broken.toml", "[[person]\n");
    let r = clio(&dir.0, &["check", "class"]);
    assert_eq!(r.code, 2, "{r:?}");
    assert!(r.stderr.contains("broken.toml"), "{}", r.stderr);
    assert!(r.stdout.contains("warning[dubious-date]"), "{}", r.stdout);
}

#[test]
fn a_clio_toml_sets_what_the_server_settings_set_and_flags_come_last() {
    let dir = Folder::new("toml");
    let essay = "Kirov was murdered in 1931. Stallin outlived his rivals.\n";
    dir.write("class/essays/a.md", essay);
    dir.write("packs/people.toml", PACK);
    dir.write("class/essays/b.md", "Pupkov died in 1931.\n");
    dir.write(
        "class/clio.toml",
        "ignoreWords = []\n[checks]\nmisspelledName = false\n[severity]\n\"dubious-date\" = \"error\"\n\
         [knowledge]\npaths = [\"../packs\"]\n",
    );
    let r = clio(&dir.0, &["check", "--format", "json", "class"]);
    let v = r.json();
    assert_eq!(codes(&v), ["class/essays/a.md: dubious-date", "class/essays/b.md: dubious-date"]);
    assert_eq!(v["files"][0]["diagnostics"][0]["severity"], 1, "error, as clio.toml says");
    let r = clio(
        &dir.0,
        &[
            "check",
            "--format",
            "json",
            "--enable",
            "misspelled-name",
            "--severity",
            "dubious-date=information",
            "class/essays/a.md",
        ],
    );
    let v = r.json();
    assert_eq!(codes(&v), ["class/essays/a.md: dubious-date misspelled-name"]);
    assert_eq!(v["files"][0]["diagnostics"][0]["severity"], 3);
    assert_eq!(r.code, 1, "the name is a warning");
    // A wrong value is reported with its file, and the run exits 2.
    dir.write("class/clio.toml", "[checks]\nmisspelledName = \"no\"\n");
    let r = clio(&dir.0, &["check", "class/essays/a.md"]);
    assert_eq!(r.code, 2, "{r:?}");
    assert!(
        r.stderr.contains("clio.toml: clio.checks.misspelledName should be true or false"),
        "{}",
        r.stderr
    );
}

#[test]
fn counterarguments_are_asked_for() {
    let dir = Folder::new("counter");
    dir.write("a.md", "Lenin's terror made Stalin's terror inevitable.\n");
    let with = |args: &[&str]| {
        let mut all = vec!["check", "--format", "json"];
        all.extend_from_slice(args);
        all.push("a.md");
        codes(&clio(&dir.0, &all).json())
    };
    assert_eq!(with(&[]), ["a.md: "]);
    assert_eq!(with(&["--counterarguments"]), ["a.md: counterargument"]);
    assert_eq!(with(&["--enable", "counterargument"]), ["a.md: counterargument"]);
    dir.write("clio.toml", "[checks]\ncounterargument = true\n");
    assert_eq!(with(&[]), ["a.md: counterargument"]);
    assert_eq!(with(&["--disable", "counterargument"]), ["a.md: "]);
}

#[test]
fn escape_sequences_from_a_pack_never_reach_the_terminal() {
    let dir = Folder::new("escape");
    dir.write("a.md", "Pupkov died in 1931.\n");
    dir.write(".clio/people.toml", PACK.replace("Ivan Pupkov", "Ivan \\u001b[2J\\u202EPupkov"));
    for format in ["text", "github"] {
        let r = clio(&dir.0, &["check", "--format", format, "a.md"]);
        assert_eq!(r.code, 1, "{r:?}");
        assert!(r.stdout.contains("Ivan ?[2J\u{FFFD}Pupkov"), "{format}: {}", r.stdout);
        assert!(!r.stdout.contains('\u{1b}') && !r.stdout.contains('\u{202E}'), "{format}");
    }
}

#[test]
fn a_hostile_clio_folder_neither_hangs_nor_stops_the_check() {
    let dir = Folder::new("hostile");
    dir.write("a.md", "Pupkov died in 1931. Stallin outlived his rivals.\n");
    dir.write(".clio/people.toml", PACK);
    // Links back to the folder (git keeps them), a FIFO pack and an ignore list that never ends.
    std::os::unix::fs::symlink(".", dir.path(".clio/a")).expect("a -> .");
    std::os::unix::fs::symlink(".", dir.path(".clio/b")).expect("b -> .");
    let fifo = std::process::Command::new("mkfifo").arg(dir.path(".clio/pipe.toml")).status();
    std::os::unix::fs::symlink("/dev/zero", dir.path(".clio/ignore.txt")).expect("-> /dev/zero");
    let r = clio(&dir.0, &["check", "--format", "json", "a.md"]);
    assert_eq!(r.code, 2, "{r:?}");
    assert_eq!(codes(&r.json()), ["a.md: dubious-date misspelled-name"], "the pack loaded once");
    assert!(r.stderr.contains("ignore.txt: not a regular file"), "{}", r.stderr);
    assert!(!r.stderr.contains("people.toml"), "no second load, no duplicate ids: {}", r.stderr);
    if fifo.is_ok_and(|s| s.success()) {
        assert!(r.stderr.contains("pipe.toml: not a regular file"), "{}", r.stderr);
    }
}
