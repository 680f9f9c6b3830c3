//! Harness for end-to-end tests: spawns the real `clio-ls` binary and speaks JSON-RPC to it
//! over stdio, synchronously, the way an editor would.
//!
//! - [`binary`] builds `clio-ls` once per test process (`cargo build -q -p clio-ls`, so the
//!   binary is never older than the server's sources) unless `CLIO_LS` names a binary to use.
//! - [`Server`] owns one running server. A reader thread parses every message the server
//!   writes: it answers the server's own requests (`workspace/configuration` with a reply the
//!   test chooses, `window/workDoneProgress/create`, `client/registerCapability`, anything
//!   else with `null`), keeps every `textDocument/publishDiagnostics`, `window/showMessage`
//!   and `window/logMessage`, and checks that stdout holds nothing but framed JSON-RPC.
//!   Another thread keeps the server's stderr for failure messages.
//! - Every wait has a deadline ([`TIMEOUT`]); running out fails the test with what was awaited
//!   and the tail of the server's stderr, never a hang.
//! - [`Doc`] is the editor's copy of a document; [`Server::edit`] applies an edit to it and
//!   sends the same edit as an incremental `didChange`, so the test always knows the text the
//!   server should have. The position helpers ([`position`], [`offset`]) are written here
//!   independently of the server's own position module.

pub mod cli;

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, OnceLock};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

pub use serde_json::{json, Value};

/// How long any single wait may take before the test fails (generous: debug builds, a busy
/// machine, other builds holding the cargo lock). `CLIO_E2E_TIMEOUT` (seconds) overrides it.
pub const TIMEOUT: Duration = Duration::from_secs(20);

fn timeout() -> Duration {
    std::env::var("CLIO_E2E_TIMEOUT")
        .ok()
        .and_then(|s| s.parse().ok())
        .map(Duration::from_secs)
        .unwrap_or(TIMEOUT)
}

/// The workspace root (the parent of this crate).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("tests/ has a parent").to_path_buf()
}

/// The `clio-ls` binary under test: `$CLIO_LS` if set, else the workspace's build, brought up
/// to date once per test process with `cargo build -q -p clio-ls` (release when the tests
/// themselves are built without debug assertions).
pub fn binary() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        if let Some(p) = std::env::var_os("CLIO_LS").filter(|p| !p.is_empty()) {
            let p = PathBuf::from(p);
            assert!(p.is_file(), "CLIO_LS={} is not a file", p.display());
            return p;
        }
        build_server()
    })
}

fn build_server() -> PathBuf {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut cmd = Command::new(&cargo);
    cmd.current_dir(workspace_root()).args([
        "build",
        "-q",
        "-p",
        "clio-ls",
        "--bin",
        "clio-ls",
        "--message-format=json-render-diagnostics",
    ]);
    if !cfg!(debug_assertions) {
        cmd.arg("--release");
    }
    let out = cmd
        .stderr(Stdio::inherit())
        .output()
        .unwrap_or_else(|e| panic!("could not run {:?} to build clio-ls: {e}", cargo));
    assert!(
        out.status.success(),
        "`cargo build -p clio-ls` failed ({}); see the compiler output above",
        out.status
    );
    // Cargo reports where it put the executable; that honours CARGO_TARGET_DIR and profiles.
    let stdout = String::from_utf8_lossy(&out.stdout);
    for line in stdout.lines() {
        let Ok(msg) = serde_json::from_str::<Value>(line) else { continue };
        if msg["reason"] == "compiler-artifact" && msg["target"]["name"] == "clio-ls" {
            if let Some(exe) = msg["executable"].as_str() {
                return PathBuf::from(exe);
            }
        }
    }
    let profile = if cfg!(debug_assertions) { "debug" } else { "release" };
    let fallback = workspace_root()
        .join("target")
        .join(profile)
        .join(format!("clio-ls{}", std::env::consts::EXE_SUFFIX));
    assert!(
        fallback.is_file(),
        "cargo built clio-ls but did not say where, and {} does not exist",
        fallback.display()
    );
    fallback
}

/// Runs the binary with arguments (not as a server) and returns (exit status, stdout, stderr).
pub fn run_cli(args: &[&str]) -> (ExitStatus, String, String) {
    let out = Command::new(binary()).args(args).stdin(Stdio::null()).output().expect("run clio-ls");
    (
        out.status,
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

// ---------------------------------------------------------------------------------------------
// Positions, computed on the client's side.

/// The position encoding the server chose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Enc {
    Utf8,
    Utf16,
}

impl Enc {
    fn width(self, c: char) -> usize {
        match self {
            Enc::Utf8 => c.len_utf8(),
            Enc::Utf16 => c.len_utf16(),
        }
    }
}

/// Line starts of `text` (LSP lines end at `\n`, `\r\n` or `\r`).
fn line_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\n' => starts.push(i + 1),
            b'\r' if b.get(i + 1) == Some(&b'\n') => {
                starts.push(i + 2);
                i += 1;
            }
            b'\r' => starts.push(i + 1),
            _ => {}
        }
        i += 1;
    }
    starts
}

/// The LSP position (`{"line", "character"}`) of a byte offset (which must be a char boundary).
pub fn position(text: &str, offset: usize, enc: Enc) -> Value {
    assert!(text.is_char_boundary(offset), "offset {offset} is not a char boundary of the text");
    let starts = line_starts(text);
    let line = starts.partition_point(|&s| s <= offset) - 1;
    let col: usize = text[starts[line]..offset].chars().map(|c| enc.width(c)).sum();
    json!({ "line": line, "character": col })
}

/// The LSP range of a byte range.
pub fn range(text: &str, r: Range<usize>, enc: Enc) -> Value {
    json!({ "start": position(text, r.start, enc), "end": position(text, r.end, enc) })
}

/// The byte offset of an LSP position; `None` if the position is not exactly inside the text
/// (past a line's end, inside a character, past the last line).
pub fn offset(text: &str, pos: &Value, enc: Enc) -> Option<usize> {
    let line = pos["line"].as_u64()? as usize;
    let want = pos["character"].as_u64()? as usize;
    let starts = line_starts(text);
    let start = *starts.get(line)?;
    let end = starts.get(line + 1).map_or(text.len(), |&next| {
        let l = &text[start..next];
        next - (l.len() - l.trim_end_matches(['\n', '\r']).len())
    });
    let mut units = 0;
    for (i, c) in text[start..end].char_indices() {
        if units == want {
            return Some(start + i);
        }
        units += enc.width(c);
        if units > want {
            return None;
        }
    }
    (units == want).then_some(end)
}

/// The byte range of an LSP range (see [`offset`]).
pub fn byte_range(text: &str, r: &Value, enc: Enc) -> Option<Range<usize>> {
    Some(offset(text, &r["start"], enc)?..offset(text, &r["end"], enc)?)
}

/// The byte range of the `n`th (0-based) occurrence of `needle`; panics if there is none.
pub fn find_nth(text: &str, needle: &str, n: usize) -> Range<usize> {
    let start = text
        .match_indices(needle)
        .nth(n)
        .unwrap_or_else(|| panic!("{needle:?} occurs fewer than {} times in {text:?}", n + 1))
        .0;
    start..start + needle.len()
}

/// The byte range of the first occurrence of `needle`; panics if there is none.
pub fn find(text: &str, needle: &str) -> Range<usize> {
    find_nth(text, needle, 0)
}

/// A `file://` URI for a test document (nothing is written to disk).
pub fn uri(name: &str) -> String {
    format!("file:///clio-e2e/{name}")
}

// ---------------------------------------------------------------------------------------------
// Hover and diagnostics values.

/// The Markdown (or plain) text of a hover result; `None` for a `null` result.
pub fn hover_text(hover: &Value) -> Option<String> {
    if hover.is_null() {
        return None;
    }
    let c = &hover["contents"];
    let text = match c {
        Value::String(s) => s.clone(),
        Value::Array(items) => items
            .iter()
            .map(|i| {
                i.as_str()
                    .map(String::from)
                    .unwrap_or_else(|| i["value"].as_str().unwrap_or("").to_string())
            })
            .collect::<Vec<_>>()
            .join("\n"),
        other => other["value"].as_str().unwrap_or_default().to_string(),
    };
    Some(text)
}

/// The first line of a hover card ("### Sergei Kirov").
pub fn hover_title(hover: &Value) -> Option<String> {
    hover_text(hover).map(|t| t.lines().next().unwrap_or("").to_string())
}

/// The `code` of a diagnostic, as a string.
pub fn code(d: &Value) -> String {
    match &d["code"] {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// A one-line-per-diagnostic summary: `code [start..end] "message"` (byte ranges need the
/// text; this shows LSP positions as line:character).
pub fn summarize(diags: &[Value]) -> String {
    if diags.is_empty() {
        return "(none)".into();
    }
    diags
        .iter()
        .map(|d| {
            let r = &d["range"];
            format!(
                "{} {}:{}-{}:{} {:?}",
                code(d),
                r["start"]["line"],
                r["start"]["character"],
                r["end"]["line"],
                r["end"]["character"],
                d["message"].as_str().unwrap_or("")
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The diagnostics with `code`.
pub fn with_code<'a>(diags: &'a [Value], c: &str) -> Vec<&'a Value> {
    diags.iter().filter(|d| code(d) == c).collect()
}

/// Applies a `WorkspaceEdit` (`changes` or `documentChanges`) for `uri` to `text`.
pub fn apply_workspace_edit(text: &str, uri: &str, edit: &Value, enc: Enc) -> String {
    let mut edits: Vec<Value> = Vec::new();
    if let Some(list) = edit["changes"][uri].as_array() {
        edits.extend(list.iter().cloned());
    }
    if let Some(docs) = edit["documentChanges"].as_array() {
        for d in docs.iter().filter(|d| d["textDocument"]["uri"] == uri) {
            edits.extend(d["edits"].as_array().cloned().unwrap_or_default());
        }
    }
    // Text edits in one WorkspaceEdit refer to the original text and must not overlap:
    // apply them from the end.
    let mut ranged: Vec<(Range<usize>, String)> = edits
        .iter()
        .map(|e| {
            (
                byte_range(text, &e["range"], enc)
                    .unwrap_or_else(|| panic!("edit range outside the text: {e}")),
                e["newText"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    ranged.sort_by_key(|(r, _)| std::cmp::Reverse(r.start));
    let mut out = text.to_string();
    for (r, t) in ranged {
        out.replace_range(r, &t);
    }
    out
}

/// One `textDocument/publishDiagnostics` notification.
#[derive(Clone, Debug)]
pub struct Published {
    pub uri: String,
    pub version: Option<i64>,
    pub diagnostics: Vec<Value>,
}

// ---------------------------------------------------------------------------------------------
// The server.

/// Everything the reader thread has collected.
#[derive(Default)]
pub struct Inbox {
    responses: HashMap<i64, std::result::Result<Value, Value>>,
    /// Every publishDiagnostics, in arrival order.
    pub diagnostics: Vec<Published>,
    /// Params of every `window/showMessage`.
    pub show_messages: Vec<Value>,
    /// Params of every `window/logMessage`.
    pub log_messages: Vec<Value>,
    /// Every request the server sent to the client: (method, params).
    pub server_requests: Vec<(String, Value)>,
    /// Any other notification: (method, params).
    pub notifications: Vec<(String, Value)>,
    /// What `workspace/configuration` answers: item `section` "clio" gets `configuration["clio"]`.
    pub configuration: Value,
    /// When true, requests from the server are recorded but never answered (a client that
    /// hangs or dies mid-request).
    pub hold_replies: bool,
    /// When true, `workspace/applyEdit` is carried out on disk (file creation and text edits
    /// of `file://` documents) and answered as applied; otherwise refused.
    pub apply_edits: bool,
    /// The first bytes the server wrote to stdout.
    pub stdout_head: Vec<u8>,
    /// Error responses with `"id": null` (to messages the server could not parse).
    pub unmatched_errors: Vec<Value>,
    /// Anything on stdout that is not a framed JSON-RPC message.
    pub protocol_errors: Vec<String>,
    /// stdout reached end of file (the server exited or closed it).
    pub stdout_closed: bool,
    stderr: Vec<u8>,
}

impl Inbox {
    /// Takes the response to request `id` (sent with [`Server::send_raw`]), if it arrived.
    pub fn responses_take(&mut self, id: i64) -> Option<std::result::Result<Value, Value>> {
        self.responses.remove(&id)
    }

    /// The newest diagnostics published for `uri`.
    pub fn latest(&self, uri: &str) -> Option<&Published> {
        self.diagnostics.iter().rev().find(|p| p.uri == uri)
    }
}

struct Shared {
    stdin: Mutex<Option<ChildStdin>>,
    inbox: Mutex<Inbox>,
    cond: Condvar,
}

impl Shared {
    fn inbox(&self) -> MutexGuard<'_, Inbox> {
        self.inbox.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn send(&self, msg: &Value) -> std::io::Result<()> {
        let body = serde_json::to_vec(msg).expect("serialise");
        let mut guard = self.stdin.lock().unwrap_or_else(|e| e.into_inner());
        let Some(stdin) = guard.as_mut() else {
            return Err(std::io::Error::new(
                std::io::ErrorKind::BrokenPipe,
                "stdin already closed",
            ));
        };
        write!(stdin, "Content-Length: {}\r\n\r\n", body.len())?;
        stdin.write_all(&body)?;
        stdin.flush()
    }
}

/// A JSON-RPC message framed with its `Content-Length`, as bytes to write.
pub fn framed(msg: &Value) -> Vec<u8> {
    let body = serde_json::to_vec(msg).expect("serialise");
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend(body);
    out
}

/// The capabilities a plain modern client offers: UTF-16 only, pull configuration, markdown hover,
/// nested document symbols.
pub fn default_capabilities() -> Value {
    json!({
        "general": { "positionEncodings": ["utf-16"] },
        "workspace": { "configuration": true, "didChangeConfiguration": { "dynamicRegistration": true }, "workspaceFolders": true },
        "textDocument": {
            "synchronization": { "dynamicRegistration": false, "didSave": true },
            "hover": { "contentFormat": ["markdown", "plaintext"] },
            "completion": { "completionItem": { "snippetSupport": false } },
            "publishDiagnostics": { "versionSupport": true, "relatedInformation": true },
            "codeAction": { "codeActionLiteralSupport": { "codeActionKind": { "valueSet": ["quickfix"] } } },
            "documentSymbol": { "hierarchicalDocumentSymbolSupport": true }
        },
        "window": { "workDoneProgress": true, "showMessage": {} }
    })
}

/// A running `clio-ls`. Dropping it kills the process if [`Server::shutdown`] was not called.
pub struct Server {
    child: Child,
    shared: Arc<Shared>,
    next_id: std::sync::atomic::AtomicI64,
    threads: Vec<JoinHandle<()>>,
    /// The `initialize` result (null until [`Server::initialize`]).
    pub init_result: Value,
    enc: Enc,
}

impl Server {
    /// Spawns the server with no arguments and does nothing else (no `initialize`).
    pub fn spawn() -> Server {
        Server::spawn_with_args(&[])
    }

    /// Spawns the server with the given command-line arguments.
    pub fn spawn_with_args(args: &[&str]) -> Server {
        let mut child = Command::new(binary())
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .env("RUST_BACKTRACE", "1")
            .spawn()
            .unwrap_or_else(|e| panic!("could not start {}: {e}", binary().display()));
        let shared = Arc::new(Shared {
            stdin: Mutex::new(child.stdin.take()),
            inbox: Mutex::new(Inbox::default()),
            cond: Condvar::new(),
        });
        let stdout = child.stdout.take().expect("stdout");
        let stderr = child.stderr.take().expect("stderr");
        let s1 = shared.clone();
        let reader = std::thread::Builder::new()
            .name("clio-stdout".into())
            .spawn(move || read_stdout(stdout, &s1))
            .expect("thread");
        let s2 = shared.clone();
        let errs = std::thread::Builder::new()
            .name("clio-stderr".into())
            .spawn(move || {
                let mut stderr = stderr;
                let mut buf = [0u8; 4096];
                loop {
                    match stderr.read(&mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => s2.inbox().stderr.extend_from_slice(&buf[..n]),
                    }
                }
            })
            .expect("thread");
        Server {
            child,
            shared,
            next_id: std::sync::atomic::AtomicI64::new(1),
            threads: vec![reader, errs],
            init_result: Value::Null,
            enc: Enc::Utf16,
        }
    }

    /// Spawns, initializes (with `initializationOptions` and client `capabilities`; `null`
    /// options are left out) and sends `initialized`.
    pub fn start(init_options: Value, capabilities: Value) -> Server {
        let mut s = Server::spawn();
        s.initialize(init_options, capabilities);
        s
    }

    /// [`Server::start`] with no options and [`default_capabilities`].
    pub fn start_default() -> Server {
        Server::start(Value::Null, default_capabilities())
    }

    /// Sends `initialize` and `initialized`; remembers the result and the negotiated encoding.
    /// When the client offers `workspace/configuration`, returns only once the server's
    /// start-up pull has been answered.
    pub fn initialize(&mut self, init_options: Value, capabilities: Value) -> &Value {
        let mut params = json!({
            "processId": std::process::id(),
            "clientInfo": { "name": "clio-e2e", "version": "0" },
            "rootUri": null,
            "capabilities": capabilities,
        });
        if !init_options.is_null() {
            params["initializationOptions"] = init_options;
        }
        let result = self
            .request("initialize", params)
            .unwrap_or_else(|e| panic!("initialize failed: {e}\n{}", self.debug_tail()));
        self.enc = match result["capabilities"]["positionEncoding"].as_str() {
            Some("utf-8") => Enc::Utf8,
            _ => Enc::Utf16,
        };
        self.init_result = result;
        self.notify("initialized", json!({}));
        // A client that offers `workspace/configuration` is asked for its settings as the server
        // starts. Wait until that request has been answered, so that the test's next message
        // (even `shutdown`) comes after the answer. (Stopping while the server still awaits an
        // answer is tested on its own, in tests/protocol.rs.)
        if capabilities["workspace"]["configuration"] == true && !self.shared.inbox().hold_replies {
            self.wait_for("the server's start-up workspace/configuration request", |i| {
                i.server_requests.iter().any(|(m, _)| m == "workspace/configuration").then_some(())
            });
        }
        &self.init_result
    }

    /// The position encoding the server chose in `initialize` (UTF-16 before it).
    pub fn enc(&self) -> Enc {
        self.enc
    }

    /// Sets what the client answers to `workspace/configuration` (e.g. `{"clio": {...}}`).
    pub fn set_configuration(&self, v: Value) {
        self.shared.inbox().configuration = v;
    }

    /// Carries out the server's `workspace/applyEdit` on disk; see [`Inbox::apply_edits`].
    pub fn apply_edits(&self, apply: bool) {
        self.shared.inbox().apply_edits = apply;
    }

    /// Stops (or resumes) answering the server's requests; see [`Inbox::hold_replies`].
    pub fn hold_replies(&self, hold: bool) {
        self.shared.inbox().hold_replies = hold;
    }

    /// Sends a notification (`null` params are left out).
    pub fn notify(&self, method: &str, params: Value) {
        let mut msg = json!({ "jsonrpc": "2.0", "method": method });
        if !params.is_null() {
            msg["params"] = params;
        }
        if let Err(e) = self.shared.send(&msg) {
            panic!("could not send {method}: {e}\n{}", self.debug_tail());
        }
    }

    /// Sends a request and waits for its response: `Ok(result)` or `Err(error object)`;
    /// `null` params are left out.
    pub fn request(&self, method: &str, params: Value) -> std::result::Result<Value, Value> {
        let id = self.next_id.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        // `null` params are left out, as editors do for `shutdown` (JSON-RPC has no null params).
        let mut msg = json!({ "jsonrpc": "2.0", "id": id, "method": method });
        if !params.is_null() {
            msg["params"] = params;
        }
        if let Err(e) = self.shared.send(&msg) {
            panic!("could not send {method}: {e}\n{}", self.debug_tail());
        }
        self.wait_for(&format!("the response to {method} (id {id})"), |inbox| {
            inbox.responses.remove(&id)
        })
    }

    /// Sends a request that must succeed, and returns its result.
    pub fn call(&self, method: &str, params: Value) -> Value {
        match self.request(method, params.clone()) {
            Ok(v) => v,
            Err(e) => panic!("{method} {params} failed with {e}\n{}", self.debug_tail()),
        }
    }

    /// Waits until `f` returns `Some` (it is called with the inbox locked each time a message
    /// arrives), or fails the test after [`TIMEOUT`], or as soon as the server has exited.
    pub fn wait_for<T>(&self, what: &str, mut f: impl FnMut(&mut Inbox) -> Option<T>) -> T {
        let deadline = Instant::now() + timeout();
        let mut inbox = self.shared.inbox();
        loop {
            if let Some(v) = f(&mut inbox) {
                return v;
            }
            if inbox.stdout_closed {
                drop(inbox);
                panic!(
                    "the server closed stdout while the test waited for {what}\n{}",
                    self.debug_tail()
                );
            }
            let now = Instant::now();
            if now >= deadline {
                drop(inbox);
                panic!("timed out after {:?} waiting for {what}\n{}", timeout(), self.debug_tail());
            }
            inbox = self
                .shared
                .cond
                .wait_timeout(inbox, deadline - now)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
    }

    /// Locks and returns what the reader thread has collected so far.
    pub fn inbox(&self) -> MutexGuard<'_, Inbox> {
        self.shared.inbox()
    }

    /// Everything the server wrote to stderr so far.
    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.shared.inbox().stderr).into_owned()
    }

    /// The `window/showMessage` params received so far.
    pub fn show_messages(&self) -> Vec<Value> {
        self.shared.inbox().show_messages.clone()
    }

    /// The `window/logMessage` params received so far.
    pub fn log_messages(&self) -> Vec<Value> {
        self.shared.inbox().log_messages.clone()
    }

    /// Waits for diagnostics published for `uri` with exactly `version`, and returns them.
    /// (The server may skip intermediate versions, never the newest one.)
    pub fn wait_diagnostics(&self, uri: &str, version: i64) -> Vec<Value> {
        self.wait_for(&format!("diagnostics for {uri} version {version}"), |inbox| {
            inbox
                .diagnostics
                .iter()
                .rev()
                .find(|p| p.uri == uri && p.version == Some(version))
                .map(|p| p.diagnostics.clone())
        })
    }

    /// Waits until the newest diagnostics published for `uri` satisfy `pred` (described by
    /// `what` in the failure message), and returns them.
    pub fn wait_diagnostics_where(
        &self,
        uri: &str,
        what: &str,
        pred: impl Fn(&[Value]) -> bool,
    ) -> Vec<Value> {
        let deadline = Instant::now() + timeout();
        let mut inbox = self.shared.inbox();
        loop {
            if let Some(p) = inbox.latest(uri) {
                if pred(&p.diagnostics) {
                    return p.diagnostics.clone();
                }
            }
            let now = Instant::now();
            if now >= deadline || inbox.stdout_closed {
                let latest = inbox
                    .latest(uri)
                    .map(|p| format!("version {:?}: {}", p.version, summarize(&p.diagnostics)))
                    .unwrap_or_else(|| "nothing".into());
                drop(inbox);
                panic!("waited {:?} for diagnostics of {uri} where {what}; the newest are {latest}\n{}", timeout(), self.debug_tail());
            }
            inbox = self
                .shared
                .cond
                .wait_timeout(inbox, deadline - now)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
    }

    /// How many publications for `uri` have arrived so far.
    pub fn publication_count(&self, uri: &str) -> usize {
        self.shared.inbox().diagnostics.iter().filter(|p| p.uri == uri).count()
    }

    /// Waits for a publication for `uri` beyond the first `count` ones, and returns the newest.
    pub fn wait_new_publication(&self, uri: &str, count: usize) -> Published {
        self.wait_for(&format!("a new publishDiagnostics for {uri} (after {count})"), |inbox| {
            let all: Vec<&Published> = inbox.diagnostics.iter().filter(|p| p.uri == uri).collect();
            (all.len() > count).then(|| all[all.len() - 1].clone())
        })
    }

    /// Every publication for `uri` so far, oldest first.
    pub fn published(&self, uri: &str) -> Vec<Published> {
        self.shared.inbox().diagnostics.iter().filter(|p| p.uri == uri).cloned().collect()
    }

    /// A round trip: once a request sent now is answered, every notification the server sent
    /// before answering has been collected. (Used to show that something did *not* happen.)
    pub fn sync(&self) {
        // Unknown document: the server answers `null` without side effects.
        let _ = self.request("textDocument/hover", json!({ "textDocument": { "uri": uri("__sync__.md") }, "position": { "line": 0, "character": 0 } }));
    }

    // -- documents ------------------------------------------------------------------------

    /// `textDocument/didOpen` with version 1; returns the editor's copy.
    pub fn open(&self, name: &str, language_id: &str, text: &str) -> Doc {
        let doc =
            Doc { uri: uri(name), language_id: language_id.into(), text: text.into(), version: 1 };
        self.notify("textDocument/didOpen", json!({ "textDocument": { "uri": doc.uri, "languageId": doc.language_id, "version": doc.version, "text": doc.text } }));
        doc
    }

    /// Applies `edits` one after another to the editor's copy (each byte range refers to the
    /// text as left by the previous edit) and sends them as one incremental `didChange`.
    pub fn edit(&self, doc: &mut Doc, edits: &[(Range<usize>, &str)]) {
        let mut changes = Vec::new();
        for (r, new_text) in edits {
            assert!(r.start <= r.end && r.end <= doc.text.len(), "edit {r:?} outside the text");
            changes
                .push(json!({ "range": range(&doc.text, r.clone(), self.enc), "text": new_text }));
            doc.text.replace_range(r.clone(), new_text);
        }
        doc.version += 1;
        self.notify("textDocument/didChange", json!({ "textDocument": { "uri": doc.uri, "version": doc.version }, "contentChanges": changes }));
    }

    /// Replaces the whole text with a full-text `didChange` (no range).
    pub fn replace_all(&self, doc: &mut Doc, text: &str) {
        doc.text = text.into();
        doc.version += 1;
        self.notify("textDocument/didChange", json!({ "textDocument": { "uri": doc.uri, "version": doc.version }, "contentChanges": [{ "text": text }] }));
    }

    pub fn close(&self, doc: &Doc) {
        self.notify("textDocument/didClose", json!({ "textDocument": { "uri": doc.uri } }));
    }

    /// `textDocument/hover` at a raw position.
    pub fn hover_pos(
        &self,
        uri: &str,
        line: u64,
        character: u64,
    ) -> std::result::Result<Value, Value> {
        self.request("textDocument/hover", json!({ "textDocument": { "uri": uri }, "position": { "line": line, "character": character } }))
    }

    /// `textDocument/hover` at a byte offset of the editor's copy; must not fail.
    pub fn hover_at(&self, doc: &Doc, offset: usize) -> Value {
        self.call("textDocument/hover", json!({ "textDocument": { "uri": doc.uri }, "position": position(&doc.text, offset, self.enc) }))
    }

    /// Hover in the middle of the first occurrence of `needle`.
    pub fn hover_on(&self, doc: &Doc, needle: &str) -> Value {
        let r = find(&doc.text, needle);
        let mut mid = r.start + (r.end - r.start) / 2;
        while !doc.text.is_char_boundary(mid) {
            mid -= 1;
        }
        self.hover_at(doc, mid)
    }

    /// The byte range (in the editor's copy) a hover result covers; panics on a missing or
    /// invalid range.
    pub fn hover_range(&self, doc: &Doc, hover: &Value) -> Range<usize> {
        let r = &hover["range"];
        assert!(r.is_object(), "hover has no range: {hover}");
        byte_range(&doc.text, r, self.enc).unwrap_or_else(|| {
            panic!("hover range {r} is not a valid range of the text {:?}", doc.text)
        })
    }

    /// `textDocument/completion` at a byte offset; returns the items (empty for `null`).
    pub fn complete_at(&self, doc: &Doc, offset: usize) -> Vec<Value> {
        let res = self.call("textDocument/completion", json!({ "textDocument": { "uri": doc.uri }, "position": position(&doc.text, offset, self.enc) }));
        match res {
            Value::Null => Vec::new(),
            Value::Array(items) => items,
            other => other["items"].as_array().cloned().unwrap_or_default(),
        }
    }

    /// `textDocument/codeAction` over a byte range, with the given diagnostics as context.
    pub fn code_actions(&self, doc: &Doc, r: Range<usize>, diagnostics: &[Value]) -> Vec<Value> {
        let res = self.call(
            "textDocument/codeAction",
            json!({ "textDocument": { "uri": doc.uri }, "range": range(&doc.text, r, self.enc), "context": { "diagnostics": diagnostics } }),
        );
        res.as_array().cloned().unwrap_or_default()
    }

    // -- ending -----------------------------------------------------------------------------

    /// `shutdown` (must answer `null`), then `exit`, then closes stdin as editors do; waits for
    /// the process and asserts it exits with code 0. (That `exit` alone ends the process is
    /// tested on its own in `tests/protocol.rs`.)
    pub fn shutdown(mut self) {
        let r = self.request("shutdown", Value::Null);
        assert_eq!(r, Ok(Value::Null), "shutdown must answer null\n{}", self.debug_tail());
        self.notify("exit", Value::Null);
        self.close_stdin();
        let status = self.wait_exit();
        assert_eq!(
            status.code(),
            Some(0),
            "clio-ls must exit with code 0 after shutdown + exit, got {status}\n{}",
            self.debug_tail()
        );
    }

    /// Waits (up to the timeout) for the process to end, without touching stdin; kills it and
    /// fails the test if it does not.
    pub fn wait_exit(&mut self) -> ExitStatus {
        let deadline = Instant::now() + timeout();
        loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                self.close_stdin();
                for t in self.threads.drain(..) {
                    let _ = t.join();
                }
                return status;
            }
            if Instant::now() >= deadline {
                let _ = self.child.kill();
                let _ = self.child.wait();
                panic!("clio-ls did not exit within {:?}\n{}", timeout(), self.debug_tail());
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Sends a body exactly as given, framed with its Content-Length (for malformed messages).
    pub fn send_bytes(&self, body: &[u8]) {
        let mut guard = self.shared.stdin.lock().unwrap_or_else(|e| e.into_inner());
        let stdin = guard.as_mut().expect("stdin open");
        let r = write!(stdin, "Content-Length: {}\r\n\r\n", body.len())
            .and_then(|_| stdin.write_all(body))
            .and_then(|_| stdin.flush());
        drop(guard);
        if let Err(e) = r {
            panic!("could not send: {e}\n{}", self.debug_tail());
        }
    }

    /// Writes bytes to the server's stdin exactly as given, with no framing (for garbage,
    /// and for several messages in one write).
    pub fn write_raw(&self, bytes: &[u8]) {
        let mut guard = self.shared.stdin.lock().unwrap_or_else(|e| e.into_inner());
        let stdin = guard.as_mut().expect("stdin open");
        let r = stdin.write_all(bytes).and_then(|_| stdin.flush());
        drop(guard);
        if let Err(e) = r {
            panic!("could not write: {e}\n{}", self.debug_tail());
        }
    }

    /// Sends a message exactly as given (for unusual messages).
    pub fn send_raw(&self, msg: &Value) {
        if let Err(e) = self.shared.send(msg) {
            panic!("could not send {msg}: {e}\n{}", self.debug_tail());
        }
    }

    /// Closes the server's stdin (as an editor that crashed would).
    pub fn close_stdin(&self) {
        self.shared.stdin.lock().unwrap_or_else(|e| e.into_inner()).take();
    }

    /// A debugging aid for failure messages: recent stderr and what arrived.
    pub fn debug_tail(&self) -> String {
        let inbox = self.shared.inbox();
        let err = String::from_utf8_lossy(&inbox.stderr);
        let tail: String = {
            let lines: Vec<&str> = err.lines().collect();
            lines[lines.len().saturating_sub(40)..].join("\n")
        };
        format!(
            "--- server stderr (last 40 lines) ---\n{tail}\n--- {} publishDiagnostics, {} showMessage, {} logMessage, {} server requests; protocol errors: {:?}",
            inbox.diagnostics.len(),
            inbox.show_messages.len(),
            inbox.log_messages.len(),
            inbox.server_requests.len(),
            inbox.protocol_errors
        )
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// The editor's copy of an open document.
#[derive(Clone, Debug)]
pub struct Doc {
    pub uri: String,
    pub language_id: String,
    pub text: String,
    pub version: i64,
}

impl Doc {
    /// Byte range of the first occurrence of `needle` in the current text.
    pub fn find(&self, needle: &str) -> Range<usize> {
        find(&self.text, needle)
    }
}

// ---------------------------------------------------------------------------------------------
// The reader thread.

fn read_stdout(stdout: std::process::ChildStdout, shared: &Shared) {
    let mut r = BufReader::new(stdout);
    let mut first = true;
    loop {
        match read_message(&mut r, shared, first) {
            Ok(Some(msg)) => {
                first = false;
                dispatch(msg, shared);
            }
            Ok(None) => break,
            Err(e) => {
                shared.inbox().protocol_errors.push(e);
                // The stream is out of step; keep the rest of stdout for the report and stop.
                let mut rest = Vec::new();
                let _ = r.read_to_end(&mut rest);
                if !rest.is_empty() {
                    shared.inbox().protocol_errors.push(format!(
                        "then: {:?}",
                        String::from_utf8_lossy(&rest[..rest.len().min(200)])
                    ));
                }
                break;
            }
        }
        shared.cond.notify_all();
    }
    shared.inbox().stdout_closed = true;
    shared.cond.notify_all();
}

/// Reads one framed message; `Ok(None)` at a clean end of file.
fn read_message(
    r: &mut impl BufRead,
    shared: &Shared,
    first: bool,
) -> std::result::Result<Option<Value>, String> {
    let mut length: Option<usize> = None;
    let mut line = Vec::new();
    let mut any = false;
    loop {
        line.clear();
        let n = r.read_until(b'\n', &mut line).map_err(|e| format!("read error: {e}"))?;
        if first {
            let mut inbox = shared.inbox();
            if inbox.stdout_head.len() < 64 {
                let take = line.len().min(64 - inbox.stdout_head.len());
                inbox.stdout_head.extend_from_slice(&line[..take]);
            }
        }
        if n == 0 {
            return if any {
                Err("end of stdout inside a message header".into())
            } else {
                Ok(None)
            };
        }
        any = true;
        if line == b"\r\n" {
            break;
        }
        let text = String::from_utf8_lossy(&line);
        let Some(h) = text.strip_suffix("\r\n") else {
            return Err(format!("stdout line is not a CRLF-terminated header: {text:?}"));
        };
        let Some((name, value)) = h.split_once(": ") else {
            return Err(format!("stdout line is not a header: {h:?}"));
        };
        match name.to_ascii_lowercase().as_str() {
            "content-length" => {
                length = Some(
                    value.trim().parse().map_err(|_| format!("bad Content-Length {value:?}"))?,
                )
            }
            "content-type" => {}
            _ => return Err(format!("unknown header {h:?}")),
        }
    }
    let len = length.ok_or("a message without Content-Length")?;
    let mut body = vec![0u8; len];
    r.read_exact(&mut body).map_err(|e| format!("short message body: {e}"))?;
    serde_json::from_slice(&body).map(Some).map_err(|e| {
        format!("message body is not JSON ({e}): {:?}", String::from_utf8_lossy(&body))
    })
}

/// Carries out a `WorkspaceEdit` on disk, as an editor that saves at once would: `CreateFile`
/// operations, then each document's text edits (UTF-16 positions). Returns whether it could.
fn apply_edit_on_disk(edit: &Value) -> bool {
    let path_of =
        |uri: &Value| uri.as_str().and_then(|u| u.strip_prefix("file://")).map(PathBuf::from);
    let mut edits: Vec<(PathBuf, Vec<Value>)> = Vec::new();
    for op in edit["documentChanges"].as_array().into_iter().flatten() {
        if op["kind"] == "create" {
            let Some(p) = path_of(&op["uri"]) else { return false };
            if !p.exists() {
                let made = p.parent().map_or(Ok(()), std::fs::create_dir_all);
                if made.and_then(|_| std::fs::write(&p, "")).is_err() {
                    return false;
                }
            }
        } else if let Some(p) = path_of(&op["textDocument"]["uri"]) {
            edits.push((p, op["edits"].as_array().cloned().unwrap_or_default()));
        }
    }
    for (uri, list) in edit["changes"].as_object().into_iter().flatten() {
        let Some(p) = path_of(&json!(uri)) else { return false };
        edits.push((p, list.as_array().cloned().unwrap_or_default()));
    }
    for (p, list) in edits {
        let Ok(text) = std::fs::read_to_string(&p) else { return false };
        let uri = format!("file://{}", p.display());
        let changed = apply_workspace_edit(
            &text,
            &uri,
            &json!({ "changes": { uri.clone(): list } }),
            Enc::Utf16,
        );
        if std::fs::write(&p, changed).is_err() {
            return false;
        }
    }
    true
}

fn dispatch(msg: Value, shared: &Shared) {
    let method = msg.get("method").and_then(Value::as_str).map(String::from);
    let id = msg.get("id").cloned();
    match (method, id) {
        // A request from the server: answer it.
        (Some(method), Some(id)) => {
            let params = msg.get("params").cloned().unwrap_or(Value::Null);
            let (hold, result) = {
                let inbox = shared.inbox();
                let result = match method.as_str() {
                    "workspace/configuration" => {
                        let items = params["items"].as_array().cloned().unwrap_or_default();
                        Value::Array(
                            items
                                .iter()
                                .map(|item| match item["section"].as_str() {
                                    Some(section) => section
                                        .split('.')
                                        .fold(inbox.configuration.clone(), |v, k| {
                                            v.get(k).cloned().unwrap_or(Value::Null)
                                        }),
                                    None => inbox.configuration.clone(),
                                })
                                .collect(),
                        )
                    }
                    "workspace/applyEdit" if inbox.apply_edits => {
                        json!({ "applied": apply_edit_on_disk(&params["edit"]) })
                    }
                    "workspace/applyEdit" => json!({ "applied": false }),
                    // window/workDoneProgress/create, client/registerCapability,
                    // client/unregisterCapability, window/showMessageRequest, ...: null.
                    _ => Value::Null,
                };
                (inbox.hold_replies, result)
            };
            // Answer first, then record: a test that sees the request knows the answer is sent.
            if !hold {
                let _ = shared.send(&json!({ "jsonrpc": "2.0", "id": id, "result": result }));
            }
            shared.inbox().server_requests.push((method, params));
        }
        (Some(method), None) => {
            let params = msg.get("params").cloned().unwrap_or(Value::Null);
            let mut inbox = shared.inbox();
            match method.as_str() {
                "textDocument/publishDiagnostics" => {
                    let p = Published {
                        uri: params["uri"].as_str().unwrap_or_default().to_string(),
                        version: params["version"].as_i64(),
                        diagnostics: params["diagnostics"].as_array().cloned().unwrap_or_default(),
                    };
                    inbox.diagnostics.push(p);
                }
                "window/showMessage" => inbox.show_messages.push(params),
                "window/logMessage" => inbox.log_messages.push(params),
                _ => inbox.notifications.push((method, params)),
            }
        }
        (None, Some(id)) => {
            let Some(id) = id.as_i64() else {
                // `"id": null`: the server's answer to a message it could not parse.
                shared.inbox().unmatched_errors.push(msg);
                return;
            };
            let res = match msg.get("error") {
                Some(e) => Err(e.clone()),
                None => Ok(msg.get("result").cloned().unwrap_or(Value::Null)),
            };
            shared.inbox().responses.insert(id, res);
        }
        (None, None) => shared
            .inbox()
            .protocol_errors
            .push(format!("neither request, response nor notification: {msg}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_in_both_encodings() {
        let text = "a—“b”\r\nЗ🙂x\ny";
        let x = text.find('x').unwrap();
        assert_eq!(position(text, x, Enc::Utf16), json!({"line": 1, "character": 3}));
        assert_eq!(position(text, x, Enc::Utf8), json!({"line": 1, "character": 6}));
        assert_eq!(offset(text, &json!({"line": 1, "character": 3}), Enc::Utf16), Some(x));
        assert_eq!(
            offset(text, &json!({"line": 1, "character": 2}), Enc::Utf16),
            None,
            "inside a surrogate pair"
        );
        assert_eq!(
            offset(text, &json!({"line": 0, "character": 5}), Enc::Utf16),
            Some(text.find('\r').unwrap())
        );
        assert_eq!(offset(text, &json!({"line": 0, "character": 6}), Enc::Utf16), None);
        assert_eq!(offset(text, &json!({"line": 2, "character": 1}), Enc::Utf8), Some(text.len()));
        assert_eq!(offset(text, &json!({"line": 3, "character": 0}), Enc::Utf8), None);
    }
}
