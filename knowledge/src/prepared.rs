//! A fact base prepared for analysis: the base, plus what the checks build from it (cue phrases
//! by first word, verb lists, figure cues, the counterargument index), so that a sentence costs
//! look-ups, not scans of the base. The base itself knows nothing of the checks.
//!
//! Each table is built on first use and then kept: a base never changes after loading (a new
//! setting or pack loads a new one), so they never go stale. `prepare_all` builds them at once,
//! off the editing path (the server calls it on a thread of its own right after loading).

use std::ops::Deref;
use std::sync::OnceLock;

use crate::base::KnowledgeBase;
use crate::checks::grammar::cues::CuePhrases;
use crate::checks::{Tables, CHECKS};

pub struct Prepared {
    base: KnowledgeBase,
    /// The cue phrases and word lists the sentence grammar reads (shared by the date checks).
    cue_phrases: OnceLock<CuePhrases>,
    /// Per registered check (`CHECKS`, same order), what its `prepare` built.
    tables: Box<[OnceLock<Tables>]>,
}

impl Prepared {
    pub fn new(base: KnowledgeBase) -> Prepared {
        Prepared {
            base,
            cue_phrases: OnceLock::new(),
            tables: CHECKS.iter().map(|_| OnceLock::new()).collect(),
        }
    }

    /// The default fact base, prepared (its load errors are bugs in the data, caught by tests).
    pub fn embedded() -> Prepared {
        Prepared::new(KnowledgeBase::embedded().0)
    }

    pub fn base(&self) -> &KnowledgeBase {
        &self.base
    }

    /// Builds every table now rather than on first use.
    pub fn prepare_all(&self) {
        self.cue_phrases();
        for i in 0..CHECKS.len() {
            self.tables(i);
        }
    }

    pub(crate) fn cue_phrases(&self) -> &CuePhrases {
        self.cue_phrases.get_or_init(|| CuePhrases::build(&self.base))
    }

    /// What the check registered at `i` built from the base.
    pub(crate) fn tables(&self, i: usize) -> &Tables {
        self.tables[i].get_or_init(|| CHECKS[i].prepare(&self.base))
    }
}

impl Deref for Prepared {
    type Target = KnowledgeBase;
    fn deref(&self) -> &KnowledgeBase {
        &self.base
    }
}

impl From<KnowledgeBase> for Prepared {
    fn from(base: KnowledgeBase) -> Prepared {
        Prepared::new(base)
    }
}

impl std::fmt::Debug for Prepared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Prepared").field("base", &self.base).finish_non_exhaustive()
    }
}
