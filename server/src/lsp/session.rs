//! The server's state and the handle every handler works through.
//!
//! tower-lsp 0.20 interleaves handlers at every `.await`, so the state sits behind one mutex
//! that is taken, used and released between awaits, never held across one, and never while a
//! document is analysed. An edit is applied under the lock before the handler first awaits;
//! the document is then analysed from a snapshot on a worker ([`Session::check`]), one
//! analysis per document at a time: an edit made meanwhile marks the running one outdated,
//! its result is dropped and the newest text analysed next. Results are published in the
//! order they are taken under the lock, so a stale result never overwrites a newer one.
//! Reading packs and ignore lists (file IO, parsing) runs on tokio's blocking threads.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use tower_lsp::lsp_types::{MessageType, TextDocumentItem, Url};
use tower_lsp::Client;

use super::analysis::{self, Checked};
use super::base::{Base, BaseStore};
use super::document::{Document, Job};
use super::guard::guard;
use super::mirror::Mirror;
use super::publish::{self, Publisher};
use super::worker::Workers;
use crate::config::{Rules, Settings};
use crate::position::Encoding;
use crate::workspace;
use crate::writer::Outbox;

/// How long a request on a document waits for the analysis of its current text.
const REQUEST_WAIT: Duration = Duration::from_secs(10);

pub struct State {
    pub docs: HashMap<Url, Document>,
    settings: Settings,
    /// The settings as the checks use them, with the workspace's ignore lists.
    rules: Arc<Rules>,
    /// Words of the workspace's `.clio/ignore.txt` files, as last read.
    workspace_words: Vec<String>,
    /// Words added with "Add to ignore list" (the client applied the edit), kept until the
    /// ignore list is read again after a change to it.
    pending_words: Vec<String>,
    pub roots: Vec<PathBuf>,
    pub encoding: Encoding,
    /// Messages already shown to the student, so that each is shown once.
    reported: HashSet<String>,
    /// The client answers `workspace/configuration`.
    pub pull_config: bool,
    /// The client lets the server watch files (`.clio/`).
    pub watch_files: bool,
    /// The client applies `documentChanges` with file creation in `workspace/applyEdit`.
    pub create_files: bool,
    /// The client shows the balance itself (`experimental.clioBalanceView`): `clio.showBalance`
    /// then answers without a message of its own.
    pub balance_view: bool,
    /// The client takes nested document symbols (else the outline goes flat, each entry naming
    /// the heading it is under).
    pub nested_symbols: bool,
    /// Analyses wait until the workspace's packs, ignore lists and settings are read.
    ready: bool,
    openings: u64,
}

impl State {
    /// Makes `settings` current and decides the rules from them; returns whether the
    /// knowledge paths changed (the base must then be reloaded).
    pub fn set_settings(&mut self, settings: Settings) -> bool {
        let reload = self.settings.knowledge_paths != settings.knowledge_paths;
        self.settings = settings;
        self.decide_rules();
        reload
    }

    fn decide_rules(&mut self) {
        let words: Vec<String> =
            self.workspace_words.iter().chain(&self.pending_words).cloned().collect();
        self.rules = Arc::new(Rules::new(&self.settings, &words));
    }

    /// Packs named in the settings, to load with the embedded base.
    pub fn knowledge_paths(&self) -> &[String] {
        &self.settings.knowledge_paths
    }

    /// Those of `messages` not shown before, now marked as shown.
    pub fn first_time(&mut self, messages: impl IntoIterator<Item = String>) -> Vec<String> {
        messages.into_iter().filter(|m| self.reported.insert(m.clone())).collect()
    }

    /// Holds analyses back until [`Session::set_ready`] (at start-up).
    pub fn hold_analyses(&mut self) {
        self.ready = false;
    }
}

/// Everything a handler needs; cheap to clone, so that work which waits on the client (asking
/// for settings) can run in a task of its own instead of holding up the handler.
#[derive(Clone)]
pub struct Session {
    pub client: Client,
    base: Arc<BaseStore>,
    state: Arc<Mutex<State>>,
    publisher: Publisher,
    workers: Arc<Workers>,
    /// One reload of the base at a time, so that the last one asked for is the one that stays.
    reloads: Arc<tokio::sync::Mutex<()>>,
}

impl Session {
    pub fn new(client: Client, outbox: Outbox) -> Session {
        let state = State {
            docs: HashMap::new(),
            settings: Settings::default(),
            rules: Arc::default(),
            workspace_words: Vec::new(),
            pending_words: Vec::new(),
            roots: Vec::new(),
            encoding: Encoding::Utf16,
            reported: HashSet::new(),
            pull_config: false,
            watch_files: false,
            create_files: false,
            balance_view: false,
            nested_symbols: true,
            ready: true,
            openings: 0,
        };
        let threads = std::thread::available_parallelism().map_or(2, |n| n.get()).max(4);
        Session {
            publisher: Publisher::new(outbox),
            client,
            base: Arc::new(BaseStore::embedded()),
            state: Arc::new(Mutex::new(state)),
            workers: Arc::new(Workers::start(threads)),
            reloads: Arc::new(tokio::sync::Mutex::new(())),
        }
    }

    pub fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn base(&self) -> Arc<Base> {
        self.base.current()
    }

    /// Opens (or opens again) a document and has it analysed.
    pub fn open(&self, item: TextDocumentItem) {
        let uri = item.uri.clone();
        let mut st = self.state();
        st.openings += 1;
        let doc = Document::open(item, st.openings);
        st.docs.insert(uri.clone(), doc);
        self.check(&mut st, &uri);
    }

    /// Closes a document: it is forgotten and its diagnostics cleared, after any result of it
    /// already queued.
    pub fn close(&self, uri: &Url) -> Option<Document> {
        let mut st = self.state();
        let doc = st.docs.remove(uri);
        self.publisher.clear(uri);
        doc
    }

    /// Has the open document `uri` analysed (now, or after the one running).
    pub fn check(&self, st: &mut State, uri: &Url) {
        if let Some(doc) = st.docs.get_mut(uri) {
            doc.want_check();
        }
        self.start(st, uri);
    }

    /// Hands the document's job to a worker if it wants a check and none is running.
    fn start(&self, st: &mut State, uri: &Url) {
        if !st.ready {
            return;
        }
        let base = self.base();
        let Some(doc) = st.docs.get_mut(uri) else { return };
        let Some(job) = doc.take_job(&base) else { return };
        let opening = doc.opening;
        let (rules, encoding) = (st.rules.clone(), st.encoding);
        let session = self.clone();
        let uri = uri.clone();
        self.workers.run(move || session.analyse(uri, opening, job, base, rules, encoding));
    }

    /// On a worker: analyses the job's snapshot, then files the result under the lock.
    fn analyse(
        &self,
        uri: Url,
        opening: u64,
        job: Job,
        base: Arc<Base>,
        rules: Arc<Rules>,
        enc: Encoding,
    ) {
        let Job { snapshot, mut cache, cancel, previous, mirror, edits } = job;
        crate::timing::log(|| format!("version {}: worker starts", snapshot.version));
        // The text is brought up to date even for an outdated job: the next one replays only
        // the edits made after this snapshot.
        let mut mirror = guard("the text", || Mirror::updated(mirror, edits, &snapshot.rope));
        crate::timing::log(|| format!("version {}: text up to date", snapshot.version));
        let outdated = cancel.load(std::sync::atomic::Ordering::Relaxed);
        let checked = match &mut mirror {
            Some(mirror) if !outdated => {
                let previous = previous.as_deref();
                let run = || {
                    analysis::check(
                        snapshot, mirror, &base, &rules, enc, &uri, &mut cache, previous,
                    )
                };
                let checked = guard("analysis", run).map(Arc::new);
                if checked.is_none() {
                    cache.clear();
                }
                checked
            }
            _ => None,
        };
        // Encoded before the lock is taken, unless a newer edit has already outdated it.
        let outdated = cancel.load(std::sync::atomic::Ordering::Relaxed);
        let encoded = checked.as_ref().filter(|_| !outdated).map(|c| publish::encode(&uri, c));
        let mut st = self.state();
        let Some(doc) = st.docs.get_mut(&uri).filter(|d| d.opening == opening) else { return };
        if doc.finish(cache, mirror, checked) {
            if let Some(encoded) = encoded {
                self.publisher.send(encoded);
                drop(st);
                self.publisher.write_now();
            }
        } else {
            self.start(&mut st, &uri);
        }
    }

    /// Checks every open document again from scratch (after the base or the rules changed).
    pub fn recheck_all(&self) {
        let mut st = self.state();
        let uris: Vec<Url> = st.docs.keys().cloned().collect();
        for uri in uris {
            self.check(&mut st, &uri);
        }
    }

    /// Lets analyses run (the start-up reading is done) and starts those waiting.
    pub fn set_ready(&self) {
        let mut st = self.state();
        st.ready = true;
        let uris: Vec<Url> = st.docs.keys().cloned().collect();
        for uri in uris {
            self.start(&mut st, &uri);
        }
    }

    /// Reloads the base with the settings' packs and the workspace's, on a blocking thread;
    /// returns the errors.
    pub async fn reload_base(&self) -> Vec<String> {
        let _one_at_a_time = self.reloads.lock().await;
        let (paths, roots) = {
            let st = self.state();
            let paths: Vec<PathBuf> = st.knowledge_paths().iter().map(PathBuf::from).collect();
            (paths, st.roots.clone())
        };
        let base = self.base.clone();
        match tokio::task::spawn_blocking(move || base.reload(&paths, &roots)).await {
            Ok(errors) => errors,
            Err(e) => {
                log!("reloading the knowledge failed: {e}");
                Vec::new()
            }
        }
    }

    /// Reads the workspace's ignore lists again (the editor's text of one that is open, else
    /// the file) and decides the rules with them. `changed`: an ignore list itself changed,
    /// so the words added meanwhile are now in it or were taken out again.
    pub async fn reread_ignore_lists(&self, changed: bool) {
        let (roots, open): (Vec<PathBuf>, HashMap<PathBuf, String>) = {
            let st = self.state();
            let open = st
                .docs
                .iter()
                .filter(|(_, d)| d.is_ignore_list)
                .filter_map(|(u, d)| Some((u.to_file_path().ok()?, d.text())))
                .collect();
            (st.roots.clone(), open)
        };
        let read = tokio::task::spawn_blocking(move || {
            let mut words = Vec::new();
            let mut problems = Vec::new();
            for root in &roots {
                let list = match open.get(&workspace::ignore_file(root)) {
                    Some(text) => workspace::IgnoreList::parse(text),
                    None => workspace::IgnoreList::read(root),
                };
                words.extend(list.words);
                problems.extend(list.problems);
            }
            (words, problems)
        })
        .await;
        let (words, problems) = read.unwrap_or_else(|e| {
            log!("reading the ignore lists failed: {e}");
            (Vec::new(), Vec::new())
        });
        let fresh = {
            let mut st = self.state();
            st.workspace_words = words;
            if changed {
                st.pending_words.clear();
            }
            st.decide_rules();
            st.first_time(problems)
        };
        for p in fresh {
            log!("{p}");
            let msg = super::to_proto::shown(&format!("Clio: {p}"));
            self.client.show_message(MessageType::WARNING, msg).await;
        }
    }

    /// Ignores `word` from now on (its edit to the ignore list was applied by the client).
    pub fn ignore_now(&self, word: &str) {
        let mut st = self.state();
        st.pending_words.push(word.to_string());
        st.decide_rules();
    }

    /// The analysis of the document's current text, waiting for it if it is being analysed
    /// (requests on other documents go on meanwhile). `None` for an unknown document, or when
    /// the analysis takes longer than a request should wait.
    pub async fn current(&self, uri: &Url) -> Option<Arc<Checked>> {
        let (mut rx, generation) = {
            let st = self.state();
            let doc = st.docs.get(uri).filter(|d| !d.is_ignore_list)?;
            (doc.watch(), doc.generation())
        };
        let current =
            |c: &Option<Arc<Checked>>| c.as_ref().is_some_and(|c| c.generation >= generation);
        let waited = tokio::time::timeout(REQUEST_WAIT, async {
            rx.wait_for(current).await.ok().and_then(|c| c.clone())
        })
        .await;
        waited.unwrap_or_else(|_| {
            log!("{uri}: a request gave up waiting for the analysis");
            None
        })
    }
}
