//! Workspaces a student might clone or be handed: `.clio/` folders with link loops, links
//! out of the workspace, FIFOs and devices, packs whose text carries control characters, and
//! ignore lists that are links or not UTF-8. The server must start, read what it safely can,
//! never hang, and never write anywhere itself.

use std::path::{Path, PathBuf};

use clio_e2e::*;

/// A fresh folder under the system temp dir (removed when dropped), with a `.clio/` in it.
struct Workspace(PathBuf);

impl Workspace {
    fn new(tag: &str) -> Workspace {
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let p = std::env::temp_dir().join(format!("clio-e2e-ws-{tag}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(p.join(".clio")).expect("create a temp dir");
        Workspace(p)
    }
    fn uri(&self, name: &str) -> String {
        format!("file://{}/{name}", self.0.display())
    }
    fn write(&self, rel: &str, text: &[u8]) -> PathBuf {
        let p = self.0.join(rel);
        std::fs::write(&p, text).expect("write");
        p
    }
    fn link(&self, target: &Path, rel: &str) {
        std::os::unix::fs::symlink(target, self.0.join(rel)).expect("symlink");
    }
}

impl Drop for Workspace {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A server started on `ws` as its workspace folder, with `options` and a client that applies
/// edits on disk.
fn start_in(ws: &Workspace, options: Value) -> Server {
    let s = Server::spawn();
    s.apply_edits(true);
    let mut caps = default_capabilities();
    caps["workspace"]["configuration"] = json!(false);
    caps["workspace"]["applyEdit"] = json!(true);
    caps["workspace"]["workspaceEdit"] =
        json!({ "documentChanges": true, "resourceOperations": ["create"] });
    let mut params = json!({
        "processId": std::process::id(),
        "rootUri": ws.uri(""),
        "workspaceFolders": [{ "uri": ws.uri(""), "name": "essays" }],
        "capabilities": caps,
    });
    if !options.is_null() {
        params["initializationOptions"] = options;
    }
    s.call("initialize", params);
    s.notify("initialized", json!({}));
    s
}

/// Opens an essay misspelling Stalin as "Stallin" (listed in the workspace's ignore list) and
/// returns its first diagnostics: the ignore list was read only if none is a misspelled name.
fn stallin_diagnostics(s: &Server, ws: &Workspace) -> Vec<Value> {
    let uri = ws.uri("essay.md");
    let text = "Stallin outlived all his rivals.\n";
    s.notify("textDocument/didOpen", json!({ "textDocument": { "uri": uri, "languageId": "markdown", "version": 1, "text": text } }));
    s.wait_diagnostics(&uri, 1)
}

#[test]
fn link_loops_in_clio_end_instead_of_walking_forever() {
    let ws = Workspace::new("loops");
    ws.write(".clio/ignore.txt", b"Stallin\n");
    ws.link(Path::new("."), ".clio/a");
    ws.link(Path::new("."), ".clio/b");
    let s = start_in(&ws, Value::Null);
    let d = stallin_diagnostics(&s, &ws);
    assert!(with_code(&d, "misspelled-name").is_empty(), "{}", summarize(&d));
    s.shutdown();
}

#[test]
fn a_fifo_named_like_a_pack_is_never_opened() {
    let ws = Workspace::new("fifo");
    ws.write(".clio/ignore.txt", b"Stallin\n");
    let made = std::process::Command::new("mkfifo").arg(ws.0.join(".clio/pipe.toml")).status();
    assert!(made.expect("mkfifo").success());
    let s = start_in(&ws, Value::Null);
    let d = stallin_diagnostics(&s, &ws);
    assert!(with_code(&d, "misspelled-name").is_empty(), "{}", summarize(&d));
    s.shutdown();
}

#[test]
fn knowledge_paths_at_the_root_of_the_disk_end() {
    let ws = Workspace::new("slash");
    ws.write(".clio/ignore.txt", b"Stallin\n");
    let s = start_in(&ws, json!({ "clio": { "knowledge": { "paths": ["/"] } } }));
    let d = stallin_diagnostics(&s, &ws);
    assert!(with_code(&d, "misspelled-name").is_empty(), "{}", summarize(&d));
    s.shutdown();
}

#[test]
fn an_ignore_list_linked_to_a_device_is_refused_with_a_message() {
    // (Not run against older servers: they read /dev/zero until memory runs out.)
    let ws = Workspace::new("devzero");
    ws.link(Path::new("/dev/zero"), ".clio/ignore.txt");
    let s = start_in(&ws, Value::Null);
    let d = stallin_diagnostics(&s, &ws);
    assert_eq!(with_code(&d, "misspelled-name").len(), 1, "{}", summarize(&d));
    let shown = s.wait_for("a message about the ignore list", |i| {
        i.show_messages
            .iter()
            .find(|m| m["message"].as_str().is_some_and(|t| t.contains("ignore.txt")))
            .cloned()
    });
    assert!(shown["message"].as_str().unwrap_or("").contains("outside the workspace"), "{shown}");
    s.shutdown();
}

/// Runs "Add to ignore list" for `word` on the essay `essay` of the workspace.
fn add_to_ignore(s: &Server, word: &str, essay: &str) -> Result<Value, Value> {
    s.request(
        "workspace/executeCommand",
        json!({ "command": "clio.addToIgnore", "arguments": [word, essay] }),
    )
}

#[test]
fn adding_to_an_ignore_list_linked_outside_leaves_the_target_alone() {
    let outside = Workspace::new("victim");
    let victim = outside.write("notes.txt", b"precious notes\n");
    let ws = Workspace::new("link-out");
    ws.link(&victim, ".clio/ignore.txt");
    let s = start_in(&ws, Value::Null);
    stallin_diagnostics(&s, &ws);
    let r = add_to_ignore(&s, "Stallin", &ws.uri("essay.md"));
    assert!(r.is_err(), "refused: {r:?}");
    assert_eq!(std::fs::read_to_string(&victim).expect("still there"), "precious notes\n");
    s.shutdown();
}

#[test]
fn an_ignore_list_that_is_not_utf8_is_not_replaced() {
    let ws = Workspace::new("latin1");
    let list = ws.write(".clio/ignore.txt", b"Trotskii\nJos\xe9\n");
    let s = start_in(&ws, Value::Null);
    stallin_diagnostics(&s, &ws);
    let r = add_to_ignore(&s, "Stallin", &ws.uri("essay.md"));
    assert!(r.is_err(), "refused: {r:?}");
    assert_eq!(std::fs::read(&list).expect("still there"), b"Trotskii\nJos\xe9\n");
    s.shutdown();
}

#[test]
fn a_word_with_line_breaks_is_refused() {
    let ws = Workspace::new("lines");
    let s = start_in(&ws, Value::Null);
    let d = stallin_diagnostics(&s, &ws);
    let r = add_to_ignore(&s, "evil\nsecond-line\n# fake\nKirov", &ws.uri("essay.md"));
    assert_eq!(r.expect_err("refused")["code"], -32602);
    assert!(!ws.0.join(".clio/ignore.txt").exists(), "nothing written");
    assert_eq!(with_code(&d, "misspelled-name").len(), 1);
    s.shutdown();
}

#[test]
fn without_a_workspace_folder_no_clio_folder_is_created_anywhere() {
    let target = Workspace::new("crafted");
    let s = Server::start_default();
    let essay = format!("file://{}/sub/essay.md", target.0.display());
    let r = add_to_ignore(&s, "Stallin", &essay);
    assert!(r.is_ok(), "ignored for the session: {r:?}");
    assert!(!target.0.join("sub/.clio").exists(), "no .clio/ created where the URI points");
    s.shutdown();
}

#[test]
fn pack_text_reaches_hover_cards_without_control_or_direction_characters() {
    let ws = Workspace::new("pack");
    let pack = r#"[[person]]
id = "zzyzx-testovich"
name = "Zzyzx Testovich"
aliases = ["Testovich"]
misspellings = []
group = "historian"
born = "1901-01-01"
roles = [{ title = "historian" }]
summary = "A made-up historian with \u0000 a NUL, \u001b[31m an escape and \u202e an override."
related = []
sources = []
record = "test"
variants = []
"#;
    ws.write(".clio/people.toml", pack.as_bytes());
    let s = start_in(&ws, Value::Null);
    let uri = ws.uri("essay.md");
    let text = "Testovich wrote about the purges.\n";
    s.notify("textDocument/didOpen", json!({ "textDocument": { "uri": uri, "languageId": "markdown", "version": 1, "text": text } }));
    s.wait_diagnostics(&uri, 1);
    let doc = Doc { uri, language_id: "markdown".into(), text: text.into(), version: 1 };
    let card = hover_text(&s.hover_on(&doc, "Testovich")).expect("a card for the pack's person");
    assert!(card.contains("made-up historian"), "{card}");
    assert!(!card.contains(['\u{0}', '\u{1b}', '\u{202e}']), "{card:?}");
    s.shutdown();
}

#[test]
fn a_device_given_as_a_pack_is_an_error_not_ok() {
    let (status, out, _) = run_cli(&["kb", "check", "/dev/zero"]);
    assert_eq!(status.code(), Some(1), "{out}");
    assert!(out.contains("/dev/zero") && out.contains("not a regular file"), "{out}");
}
