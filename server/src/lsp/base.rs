//! The fact base the server checks against: the embedded one at start, then the embedded one
//! with the settings' and the workspace's packs after each reload. Whatever the checks derive
//! from a base is prepared on a thread of its own, off the request path.

use std::path::PathBuf;
use std::sync::{Arc, RwLock};

use knowledge::{KnowledgeBase, Prepared};

use super::guard::guard;
use crate::workspace;

/// The base as the server holds it, shared by every document checked against it.
pub type Base = Prepared;

pub struct BaseStore {
    current: RwLock<Arc<Base>>,
}

impl BaseStore {
    pub fn embedded() -> BaseStore {
        let (kb, errors) = KnowledgeBase::embedded();
        for e in &errors {
            log!("embedded knowledge: {e}");
        }
        BaseStore { current: RwLock::new(prepared(kb)) }
    }

    pub fn current(&self) -> Arc<Base> {
        self.current.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Loads the embedded packs with those under `extra` and each root's `.clio/`, makes the
    /// result current and returns the load errors.
    pub fn reload(&self, extra: &[PathBuf], roots: &[PathBuf]) -> Vec<String> {
        let (kb, errors) = workspace::load_knowledge(extra, roots);
        log!("knowledge: {}", kb.stats());
        *self.current.write().unwrap_or_else(|e| e.into_inner()) = prepared(kb);
        errors.iter().map(|e| e.to_string()).collect()
    }
}

/// Shares `kb` and builds the checks' derived tables in the background, so that the first
/// check after start-up or a reload does not pay for them (whichever comes first builds them;
/// the other waits on the same `OnceLock`).
fn prepared(kb: KnowledgeBase) -> Arc<Base> {
    let kb = Arc::new(Prepared::new(kb));
    let for_thread = kb.clone();
    let spawned = std::thread::Builder::new()
        .name("clio-prepare".into())
        .spawn(move || guard("prepare", || for_thread.prepare_all()));
    if let Err(e) = spawned {
        log!("could not prepare the checks in the background: {e}");
    }
    kb
}
