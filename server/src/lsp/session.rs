//! The server's state and the handle every handler works through.
//!
//! tower-lsp 0.20 interleaves handlers at every `.await`, so the state sits behind one mutex
//! that is taken, used and released between awaits, never held across one. An edit is applied
//! and its document checked under that lock before the handler first awaits; the result goes
//! to the publisher, which never lets an older result overwrite a newer one. Checking is
//! [`Session::check`] alone, so that moving analysis off the request path (a worker, with a
//! newer edit cancelling an older check of the same document) changes one function.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};

use tower_lsp::lsp_types::Url;
use tower_lsp::Client;

use super::analysis::Checked;
use super::base::{Base, BaseStore};
use super::document::Document;
use super::publish::Publisher;
use crate::config::{Rules, Settings};
use crate::position::Encoding;
use crate::workspace;

pub struct State {
    pub docs: HashMap<Url, Document>,
    settings: Settings,
    /// The settings as the checks use them, with the workspace's ignore lists.
    rules: Arc<Rules>,
    /// Words of the workspace's `.clio/ignore.txt` files, as last read.
    workspace_words: Vec<String>,
    pub roots: Vec<PathBuf>,
    pub encoding: Encoding,
    /// Messages already shown to the student, so that each is shown once.
    reported: HashSet<String>,
    /// The client answers `workspace/configuration`.
    pub pull_config: bool,
    /// The client lets the server watch files (`.clio/`).
    pub watch_files: bool,
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

    fn set_workspace_words(&mut self, words: Vec<String>) {
        self.workspace_words = words;
        self.decide_rules();
    }

    fn decide_rules(&mut self) {
        self.rules = Arc::new(Rules::new(&self.settings, &self.workspace_words));
    }

    /// Packs named in the settings, to load with the embedded base.
    pub fn knowledge_paths(&self) -> &[String] {
        &self.settings.knowledge_paths
    }

    /// Those of `messages` not shown before, now marked as shown.
    pub fn first_time(&mut self, messages: impl IntoIterator<Item = String>) -> Vec<String> {
        messages.into_iter().filter(|m| self.reported.insert(m.clone())).collect()
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
}

impl Session {
    pub fn new(client: Client) -> Session {
        let state = State {
            docs: HashMap::new(),
            settings: Settings::default(),
            rules: Arc::default(),
            workspace_words: Vec::new(),
            roots: Vec::new(),
            encoding: Encoding::Utf16,
            reported: HashSet::new(),
            pull_config: false,
            watch_files: false,
        };
        Session {
            publisher: Publisher::start(client.clone()),
            client,
            base: Arc::new(BaseStore::embedded()),
            state: Arc::new(Mutex::new(state)),
        }
    }

    pub fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn base(&self) -> Arc<Base> {
        self.base.current()
    }

    /// Reloads the base with the settings' packs and the workspace's; returns the errors.
    pub fn reload_base(&self) -> Vec<String> {
        let (paths, roots) = {
            let st = self.state();
            let paths: Vec<PathBuf> = st.knowledge_paths().iter().map(PathBuf::from).collect();
            (paths, st.roots.clone())
        };
        self.base.reload(&paths, &roots)
    }

    /// Checks the open document `uri` against `base` and queues its diagnostics.
    pub fn check(&self, base: &Arc<Base>, st: &mut State, uri: &Url) {
        let State { docs, rules, encoding, .. } = st;
        if let Some(doc) = docs.get_mut(uri) {
            let checked = doc.check(base, rules, *encoding, uri);
            self.publisher.queue(uri.clone(), checked);
        }
    }

    /// Checks every open document again from scratch (after the base or the rules changed).
    pub fn recheck_all(&self) {
        let base = self.base();
        let mut st = self.state();
        let uris: Vec<Url> = st.docs.keys().cloned().collect();
        for doc in st.docs.values_mut() {
            doc.forget_cache();
        }
        for uri in uris {
            self.check(&base, &mut st, &uri);
        }
    }

    /// Reads the workspace's ignore lists again and decides the rules with them.
    pub fn reread_ignore_lists(&self) {
        let roots = self.state().roots.clone();
        let words = roots.iter().flat_map(|r| workspace::read_ignore(r)).collect();
        self.state().set_workspace_words(words);
    }

    /// The latest check of an open document.
    pub fn checked(&self, uri: &Url) -> Option<Arc<Checked>> {
        self.state().docs.get(uri)?.checked()
    }
}
