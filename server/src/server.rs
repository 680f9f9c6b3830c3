//! The language server: thin handlers over the document store and the `knowledge` crate.
//!
//! tower-lsp 0.20 interleaves handlers at every `.await`, so each handler does its work on the
//! document store synchronously (apply the edit, analyse, queue the diagnostics) before its
//! first `.await`, and never holds a lock across one. Diagnostics go through one publisher task
//! that drops any result older than a newer one queued for the same document.

use std::collections::{HashMap, HashSet};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, RwLock};

use knowledge::{analyze, Analysis, Cache, Code, Config, Finding, Format, KnowledgeBase, Severity};
use ropey::Rope;
use serde_json::{json, Value};
use tokio::sync::mpsc;
use tower_lsp::jsonrpc::{Error, Result};
use tower_lsp::lsp_types::*;
use tower_lsp::{Client, LanguageServer};

use crate::config::Settings;
use crate::position::{self, Encoding};
use crate::workspace;

pub const CMD_ADD_TO_IGNORE: &str = "clio.addToIgnore";
pub const CMD_LOOKUP: &str = "clio.lookup";
pub const CMD_SHOW_BALANCE: &str = "clio.showBalance";

struct Document {
    rope: Rope,
    version: i32,
    format: Format,
    cache: Cache,
    analysis: Arc<Analysis>,
}

struct State {
    docs: HashMap<Url, Document>,
    settings: Settings,
    config: Config,
    roots: Vec<PathBuf>,
    encoding: Encoding,
    /// Settings messages already shown, so each is shown once.
    reported: HashSet<String>,
    pull_config: bool,
    watch_files: bool,
}

type Publish = (Url, i32, Vec<Diagnostic>);

/// Everything a handler needs, cheap to clone so that work which waits on the client (asking
/// for settings) can run in its own task instead of holding up the handler.
#[derive(Clone)]
pub struct Core {
    client: Client,
    kb: Arc<RwLock<Arc<KnowledgeBase>>>,
    state: Arc<Mutex<State>>,
    queue: mpsc::UnboundedSender<Publish>,
}

pub struct Backend {
    core: Core,
}

impl std::ops::Deref for Backend {
    type Target = Core;
    fn deref(&self) -> &Core {
        &self.core
    }
}

macro_rules! log {
    ($($t:tt)*) => { eprintln!("[clio] {}", format!($($t)*)) };
}

/// Builds the checks' derived tables on a thread of their own, so that the first check after
/// start-up or a reload does not pay for them (whichever comes first builds them; the other
/// waits on the same `OnceLock`).
fn prepare_in_background(kb: &Arc<KnowledgeBase>) {
    let kb = kb.clone();
    let _ = std::thread::Builder::new().name("clio-prepare".into()).spawn(move || {
        let _ = guard("prepare", || knowledge::checks::prepare(&kb));
    });
}

/// Runs `f`, turning a panic into a logged `None` so that one bad request never kills the server.
fn guard<T>(what: &str, f: impl FnOnce() -> T) -> Option<T> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(v) => Some(v),
        Err(e) => {
            let msg = e
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| e.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            log!("internal error in {what}: {msg}");
            None
        }
    }
}

fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Information => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}

impl Backend {
    pub fn new(client: Client) -> Backend {
        Backend { core: Core::new(client) }
    }
}

impl Core {
    fn new(client: Client) -> Core {
        let (tx, mut rx) = mpsc::unbounded_channel::<Publish>();
        let publisher = client.clone();
        tokio::spawn(async move {
            while let Some(first) = rx.recv().await {
                // Coalesce: of everything queued, only the newest result per document is sent.
                let mut latest: Vec<Publish> = vec![first];
                while let Ok(next) = rx.try_recv() {
                    if let Some(slot) = latest.iter_mut().find(|p| p.0 == next.0) {
                        if next.1 >= slot.1 {
                            *slot = next;
                        }
                    } else {
                        latest.push(next);
                    }
                }
                for (uri, version, diags) in latest {
                    publisher.publish_diagnostics(uri, diags, Some(version)).await;
                }
            }
        });
        let (kb, errors) = KnowledgeBase::embedded();
        for e in &errors {
            log!("embedded knowledge: {e}");
        }
        let kb = Arc::new(kb);
        prepare_in_background(&kb);
        Core {
            client,
            kb: Arc::new(RwLock::new(kb)),
            state: Arc::new(Mutex::new(State {
                docs: HashMap::new(),
                settings: Settings::default(),
                config: Config::default(),
                roots: Vec::new(),
                encoding: Encoding::Utf16,
                reported: HashSet::new(),
                pull_config: false,
                watch_files: false,
            })),
            queue: tx,
        }
    }

    fn kb(&self) -> Arc<KnowledgeBase> {
        self.kb.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Analyses one document and queues its diagnostics. Called with the state locked.
    fn check(&self, kb: &KnowledgeBase, st: &mut State, uri: &Url) {
        let State { docs, config, settings, encoding, .. } = st;
        let Some(doc) = docs.get_mut(uri) else { return };
        let text = doc.rope.to_string();
        let format = doc.format;
        let cache = &mut doc.cache;
        let analysis =
            guard("analysis", || analyze(kb, &text, format, config, cache)).unwrap_or_default();
        let diags: Vec<Diagnostic> = analysis
            .findings
            .iter()
            .filter(|f| settings.enabled(f.code))
            .map(|f| to_diagnostic(&doc.rope, *encoding, uri, f, settings))
            .collect();
        doc.analysis = Arc::new(analysis);
        let _ = self.queue.send((uri.clone(), doc.version, diags));
    }

    fn recheck_all(&self) {
        let kb = self.kb();
        let mut st = self.state();
        let uris: Vec<Url> = st.docs.keys().cloned().collect();
        for d in st.docs.values_mut() {
            d.cache.clear();
        }
        for u in uris {
            self.check(&kb, &mut st, &u);
        }
    }

    /// Applies new settings (from any of the three routes) and re-checks open documents.
    async fn apply_settings(&self, value: &Value) {
        let (settings, errors) = Settings::from_json(value);
        let fresh: Vec<String> = {
            let mut st = self.state();
            errors.into_iter().filter(|e| st.reported.insert(e.clone())).collect()
        };
        for e in fresh {
            log!("settings: {e}");
            self.client.show_message(MessageType::WARNING, format!("Clio: {e}")).await;
        }
        let reload = {
            let mut st = self.state();
            let reload = st.settings.knowledge_paths != settings.knowledge_paths;
            st.settings = settings;
            reload
        };
        if reload {
            self.reload_knowledge().await;
        }
        self.refresh_config();
        self.recheck_all();
    }

    /// Recomputes the analysis config from settings and the workspace ignore files.
    fn refresh_config(&self) {
        let mut st = self.state();
        let mut words: HashSet<String> =
            st.settings.ignore_words.iter().map(|w| w.to_lowercase()).collect();
        for r in &st.roots {
            words.extend(workspace::read_ignore(r).into_iter().map(|w| w.to_lowercase()));
        }
        let disabled = Code::ALL.into_iter().filter(|c| !st.settings.enabled(*c)).collect();
        st.config = Config { disabled, ignore_words: words };
    }

    async fn reload_knowledge(&self) {
        let (paths, roots) = {
            let st = self.state();
            (
                st.settings.knowledge_paths.iter().map(PathBuf::from).collect::<Vec<_>>(),
                st.roots.clone(),
            )
        };
        let (kb, errors) = workspace::load_knowledge(&paths, &roots);
        log!("knowledge: {}", kb.stats());
        let kb = Arc::new(kb);
        prepare_in_background(&kb);
        *self.kb.write().unwrap_or_else(|e| e.into_inner()) = kb;
        let fresh: Vec<String> = {
            let mut st = self.state();
            errors.iter().map(|e| e.to_string()).filter(|e| st.reported.insert(e.clone())).collect()
        };
        for e in fresh.iter().take(5) {
            log!("knowledge pack error: {e}");
            self.client.show_message(MessageType::ERROR, format!("Clio knowledge pack: {e}")).await;
        }
        if fresh.len() > 5 {
            self.client
                .log_message(
                    MessageType::ERROR,
                    format!("Clio: {} more knowledge pack errors (see the log)", fresh.len() - 5),
                )
                .await;
        }
    }

    async fn pull_configuration(&self) {
        if !self.state().pull_config {
            return;
        }
        let items = vec![ConfigurationItem { scope_uri: None, section: Some("clio".into()) }];
        match self.client.configuration(items).await {
            Ok(values) => {
                if let Some(v) = values.into_iter().next() {
                    if !v.is_null() {
                        self.apply_settings(&v).await;
                    }
                }
            }
            Err(e) => log!("workspace/configuration failed: {e}"),
        }
    }

    /// Asks the client for settings in a task of its own: the handler returns at once, so a
    /// client slow to answer (or gone) never holds up shutdown.
    fn spawn_pull_configuration(&self) {
        let core = self.clone();
        tokio::spawn(async move { core.pull_configuration().await });
    }

    fn snapshot(&self, uri: &Url) -> Option<(Rope, Arc<Analysis>, Encoding)> {
        let st = self.state();
        let d = st.docs.get(uri)?;
        Some((d.rope.clone(), d.analysis.clone(), st.encoding))
    }
}

fn to_diagnostic(
    rope: &Rope,
    enc: Encoding,
    uri: &Url,
    f: &Finding,
    settings: &Settings,
) -> Diagnostic {
    let related: Vec<DiagnosticRelatedInformation> = f
        .related
        .iter()
        .map(|r| DiagnosticRelatedInformation {
            location: Location {
                uri: uri.clone(),
                range: position::range(rope, r.range.clone().unwrap_or(f.range.clone()), enc),
            },
            message: r.message.clone(),
        })
        .collect();
    Diagnostic {
        range: position::range(rope, f.range.clone(), enc),
        severity: Some(severity(settings.severity(f.code, f.severity))),
        code: Some(NumberOrString::String(f.code.as_str().into())),
        source: Some("clio".into()),
        message: f.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        data: f.word.as_ref().map(|w| json!({ "word": w })),
        ..Default::default()
    }
}

fn roots_of(params: &InitializeParams) -> Vec<PathBuf> {
    let mut roots = Vec::new();
    if let Some(folders) = &params.workspace_folders {
        for f in folders {
            if let Ok(p) = f.uri.to_file_path() {
                roots.push(p);
            }
        }
    }
    #[allow(deprecated)]
    if roots.is_empty() {
        if let Some(p) = params.root_uri.as_ref().and_then(|u| u.to_file_path().ok()) {
            roots.push(p);
        }
    }
    roots
}

fn word_before(rope: &Rope, offset: usize) -> (usize, String) {
    let start = offset.saturating_sub(64);
    let s = rope.byte_slice(rope.byte_to_char(start).min(rope.len_chars())..).to_string();
    let head = &s[..(offset - rope.char_to_byte(rope.byte_to_char(start))).min(s.len())];
    let w: String = head
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '\'' || *c == '’')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    (offset - w.len(), w)
}

#[tower_lsp::async_trait]
impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let utf8 = params
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_ref())
            .is_some_and(|encs| encs.contains(&PositionEncodingKind::UTF8));
        {
            let mut st = self.state();
            st.encoding = if utf8 { Encoding::Utf8 } else { Encoding::Utf16 };
            st.roots = roots_of(&params);
            st.pull_config = params
                .capabilities
                .workspace
                .as_ref()
                .and_then(|w| w.configuration)
                .unwrap_or(false);
            st.watch_files = params
                .capabilities
                .workspace
                .as_ref()
                .and_then(|w| w.did_change_watched_files.as_ref())
                .and_then(|d| d.dynamic_registration)
                .unwrap_or(false);
        }
        if let Some(opts) = &params.initialization_options {
            let (settings, errors) = Settings::from_json(opts);
            {
                let mut st = self.state();
                st.settings = settings;
                st.reported.extend(errors.iter().cloned());
            }
            for e in errors {
                log!("settings: {e}");
                self.client.show_message(MessageType::WARNING, format!("Clio: {e}")).await;
            }
        }
        Ok(InitializeResult {
            server_info: Some(ServerInfo {
                name: "clio-ls".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
            capabilities: ServerCapabilities {
                position_encoding: Some(if utf8 {
                    PositionEncodingKind::UTF8
                } else {
                    PositionEncodingKind::UTF16
                }),
                text_document_sync: Some(TextDocumentSyncCapability::Options(
                    TextDocumentSyncOptions {
                        open_close: Some(true),
                        change: Some(TextDocumentSyncKind::INCREMENTAL),
                        save: Some(TextDocumentSyncSaveOptions::Supported(false)),
                        ..Default::default()
                    },
                )),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                completion_provider: Some(CompletionOptions {
                    trigger_characters: None,
                    resolve_provider: Some(false),
                    ..Default::default()
                }),
                code_action_provider: Some(CodeActionProviderCapability::Options(
                    CodeActionOptions {
                        code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
                        ..Default::default()
                    },
                )),
                code_lens_provider: Some(CodeLensOptions { resolve_provider: Some(false) }),
                execute_command_provider: Some(ExecuteCommandOptions {
                    commands: vec![
                        CMD_ADD_TO_IGNORE.into(),
                        CMD_LOOKUP.into(),
                        CMD_SHOW_BALANCE.into(),
                    ],
                    ..Default::default()
                }),
                ..Default::default()
            },
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        let needs_reload = {
            let st = self.state();
            !st.settings.knowledge_paths.is_empty()
                || st.roots.iter().any(|r| r.join(".clio").is_dir())
        };
        if needs_reload {
            self.reload_knowledge().await;
        }
        self.refresh_config();
        let kb = self.kb();
        self.client
            .log_message(
                MessageType::INFO,
                format!("clio-ls {} ready: {}", env!("CARGO_PKG_VERSION"), kb.stats()),
            )
            .await;
        if self.state().watch_files {
            // A teacher's pack or the ignore list edited in the workspace applies at once.
            let opts = DidChangeWatchedFilesRegistrationOptions {
                watchers: vec![FileSystemWatcher {
                    glob_pattern: GlobPattern::String("**/.clio/**".into()),
                    kind: None,
                }],
            };
            let reg = Registration {
                id: "clio-watch".into(),
                method: "workspace/didChangeWatchedFiles".into(),
                register_options: serde_json::to_value(opts).ok(),
            };
            if let Err(e) = self.client.register_capability(vec![reg]).await {
                log!("could not watch .clio/: {e}");
            }
        }
        self.spawn_pull_configuration();
    }

    async fn shutdown(&self) -> Result<()> {
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let kb = self.kb();
        let d = params.text_document;
        let mut st = self.state();
        let format = match d.language_id.as_str() {
            "" => Format::from_path(d.uri.path()),
            id => Format::from_language_id(id),
        };
        st.docs.insert(
            d.uri.clone(),
            Document {
                rope: Rope::from_str(&d.text),
                version: d.version,
                format,
                cache: Cache::default(),
                analysis: Arc::default(),
            },
        );
        self.check(&kb, &mut st, &d.uri);
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let kb = self.kb();
        let uri = params.text_document.uri;
        let mut st = self.state();
        let enc = st.encoding;
        let Some(doc) = st.docs.get_mut(&uri) else {
            log!("didChange for an unknown document {uri}");
            return;
        };
        let ok = guard("didChange", || {
            for change in params.content_changes {
                match change.range {
                    Some(r) => {
                        let br = position::byte_range(&doc.rope, r, enc);
                        let (a, b) =
                            (doc.rope.byte_to_char(br.start), doc.rope.byte_to_char(br.end));
                        doc.rope.remove(a..b);
                        doc.rope.insert(a, &change.text);
                    }
                    None => doc.rope = Rope::from_str(&change.text),
                }
            }
        });
        if ok.is_none() {
            log!("could not apply an edit to {uri}");
        }
        doc.version = params.text_document.version;
        self.check(&kb, &mut st, &uri);
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        self.state().docs.remove(&uri);
        self.client.publish_diagnostics(uri, Vec::new(), None).await;
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        let has_clio =
            params.settings.get("clio").is_some() || params.settings.get("checks").is_some();
        if has_clio {
            self.apply_settings(&params.settings).await;
        } else {
            self.spawn_pull_configuration();
        }
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let packs = params.changes.iter().any(|c| c.uri.path().ends_with(".toml"));
        if packs {
            self.reload_knowledge().await;
        }
        self.refresh_config();
        self.recheck_all();
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let p = params.text_document_position_params;
        let Some((rope, analysis, enc)) = self.snapshot(&p.text_document.uri) else {
            return Ok(None);
        };
        let kb = self.kb();
        let h = guard("hover", || {
            let off = position::offset(&rope, p.position, enc);
            knowledge::hover::at(&kb, &analysis, off).map(|h| Hover {
                contents: HoverContents::Markup(MarkupContent {
                    kind: MarkupKind::Markdown,
                    value: h.markdown,
                }),
                range: Some(position::range(&rope, h.range, enc)),
            })
        });
        match h {
            Some(h) => Ok(h),
            None => Err(Error::internal_error()),
        }
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        let p = params.text_document_position;
        let Some((rope, analysis, enc)) = self.snapshot(&p.text_document.uri) else {
            return Ok(None);
        };
        let kb = self.kb();
        let items = guard("completion", || {
            let off = position::offset(&rope, p.position, enc);
            // Nothing inside code, URLs or math.
            if off > 0
                && analysis.prose.masked.as_bytes().get(off - 1) == Some(&b' ')
                && off <= rope.len_bytes()
                && rope.byte(off - 1) != b' '
            {
                return Vec::new();
            }
            let (start, word) = word_before(&rope, off);
            let range = position::range(&rope, start..off, enc);
            knowledge::complete::candidates(&kb, &word)
                .into_iter()
                .map(|c| CompletionItem {
                    label: c.label.clone(),
                    detail: Some(c.detail),
                    kind: Some(match c.kind {
                        knowledge::base::Kind::Person => CompletionItemKind::CONSTANT,
                        knowledge::base::Kind::Body => CompletionItemKind::MODULE,
                        knowledge::base::Kind::Term => CompletionItemKind::TEXT,
                        knowledge::base::Kind::Event => CompletionItemKind::EVENT,
                        knowledge::base::Kind::Place => CompletionItemKind::VALUE,
                        knowledge::base::Kind::Document => CompletionItemKind::FILE,
                    }),
                    text_edit: Some(CompletionTextEdit::Edit(TextEdit {
                        range,
                        new_text: c.label,
                    })),
                    ..Default::default()
                })
                .collect::<Vec<_>>()
        });
        match items {
            Some(v) if v.is_empty() => Ok(None),
            Some(v) => {
                Ok(Some(CompletionResponse::List(CompletionList { is_incomplete: true, items: v })))
            }
            None => Err(Error::internal_error()),
        }
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let uri = params.text_document.uri.clone();
        let Some((rope, analysis, enc)) = self.snapshot(&uri) else { return Ok(None) };
        let settings = self.state().settings.clone();
        let actions = guard("codeAction", || {
            let want = position::byte_range(&rope, params.range, enc);
            let mut out: Vec<CodeActionOrCommand> = Vec::new();
            for f in analysis.findings.iter().filter(|f| {
                settings.enabled(f.code) && f.range.start <= want.end && want.start <= f.range.end
            }) {
                let diag = to_diagnostic(&rope, enc, &uri, f, &settings);
                for (i, fix) in f.fixes.iter().enumerate() {
                    let edit = TextEdit {
                        range: position::range(&rope, fix.range.clone(), enc),
                        new_text: fix.replacement.clone(),
                    };
                    out.push(CodeActionOrCommand::CodeAction(CodeAction {
                        title: fix.title.clone(),
                        kind: Some(CodeActionKind::QUICKFIX),
                        diagnostics: Some(vec![diag.clone()]),
                        edit: Some(WorkspaceEdit {
                            changes: Some(HashMap::from([(uri.clone(), vec![edit])])),
                            ..Default::default()
                        }),
                        is_preferred: Some(i == 0 && f.code != Code::Counterargument),
                        ..Default::default()
                    }));
                }
                if let Some(word) = &f.word {
                    out.push(CodeActionOrCommand::CodeAction(CodeAction {
                        title: format!("Add “{word}” to Clio's ignore list (.clio/ignore.txt)"),
                        kind: Some(CodeActionKind::QUICKFIX),
                        diagnostics: Some(vec![diag.clone()]),
                        command: Some(Command {
                            title: "Add to ignore list".into(),
                            command: CMD_ADD_TO_IGNORE.into(),
                            arguments: Some(vec![json!(word), json!(uri.as_str())]),
                        }),
                        ..Default::default()
                    }));
                }
            }
            out
        });
        match actions {
            Some(v) => Ok(Some(v)),
            None => Err(Error::internal_error()),
        }
    }

    async fn code_lens(&self, params: CodeLensParams) -> Result<Option<Vec<CodeLens>>> {
        let Some((_, analysis, _)) = self.snapshot(&params.text_document.uri) else {
            return Ok(None);
        };
        let kb = self.kb();
        let lens = guard("codeLens", || {
            let b = &analysis.balance;
            if b.continuity + b.rupture == 0 && b.unaddressed.is_empty() {
                return None;
            }
            let open: Vec<&str> =
                b.unaddressed.iter().take(3).map(|&i| kb.arguments[i].id.as_str()).collect();
            let title = format!(
                "Clio · argument balance: {} continuity, {} rupture{}",
                b.continuity,
                b.rupture,
                if open.is_empty() {
                    " · every strong counterpoint addressed".to_string()
                } else {
                    format!(
                        " · {} strong counterpoint{} not yet addressed",
                        b.unaddressed.len(),
                        if b.unaddressed.len() == 1 { "" } else { "s" }
                    )
                }
            );
            Some(CodeLens {
                range: Range::new(Position::new(0, 0), Position::new(0, 0)),
                command: Some(Command {
                    title,
                    command: CMD_SHOW_BALANCE.into(),
                    arguments: Some(vec![json!(params.text_document.uri.as_str())]),
                }),
                data: None,
            })
        });
        match lens {
            Some(l) => Ok(Some(l.into_iter().collect())),
            None => Err(Error::internal_error()),
        }
    }

    async fn execute_command(&self, params: ExecuteCommandParams) -> Result<Option<Value>> {
        let arg = |i: usize| params.arguments.get(i).and_then(|v| v.as_str()).map(str::to_string);
        match params.command.as_str() {
            CMD_LOOKUP => {
                let Some(name) = arg(0) else {
                    return Err(Error::invalid_params("clio.lookup takes a name"));
                };
                let kb = self.kb();
                Ok(guard("lookup", || crate::cli::lookup_markdown(&kb, &name))
                    .flatten()
                    .map(|md| json!({ "markdown": md })))
            }
            CMD_ADD_TO_IGNORE => {
                let Some(word) = arg(0) else {
                    return Err(Error::invalid_params("clio.addToIgnore takes a word"));
                };
                let doc_dir = arg(1)
                    .and_then(|u| Url::parse(&u).ok())
                    .and_then(|u| u.to_file_path().ok())
                    .and_then(|p| p.parent().map(|x| x.to_path_buf()));
                let root = {
                    let st = self.state();
                    let by_doc = doc_dir
                        .as_ref()
                        .and_then(|d| st.roots.iter().find(|r| d.starts_with(r)).cloned());
                    by_doc.or_else(|| st.roots.first().cloned()).or(doc_dir)
                };
                let Some(root) = root else {
                    return Err(Error::invalid_params(
                        "no workspace folder to hold .clio/ignore.txt",
                    ));
                };
                match workspace::add_ignore(&root, &word) {
                    Ok(path) => {
                        log!("added {word} to {}", path.display());
                        {
                            let mut st = self.state();
                            if !st.roots.contains(&root) {
                                st.roots.push(root);
                            }
                        }
                        self.refresh_config();
                        self.recheck_all();
                        Ok(Some(json!({ "file": path.display().to_string() })))
                    }
                    Err(e) => Err(Error {
                        code: tower_lsp::jsonrpc::ErrorCode::InternalError,
                        message: format!("could not write the ignore list: {e}").into(),
                        data: None,
                    }),
                }
            }
            CMD_SHOW_BALANCE => {
                let uri = arg(0).and_then(|u| Url::parse(&u).ok());
                let Some((_, analysis, _)) = uri.as_ref().and_then(|u| self.snapshot(u)) else {
                    return Ok(None);
                };
                let kb = self.kb();
                let b = &analysis.balance;
                let mut msg = format!(
                    "Your essay makes {} point(s) for continuity and {} for rupture.",
                    b.continuity, b.rupture
                );
                for &i in b.unaddressed.iter().take(3) {
                    msg.push_str(&format!(" Not yet addressed: {}", kb.arguments[i].claim));
                }
                self.client.show_message(MessageType::INFO, msg.clone()).await;
                Ok(Some(json!({ "message": msg })))
            }
            other => Err(Error::invalid_params(format!("unknown command {other}"))),
        }
    }
}
