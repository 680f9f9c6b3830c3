//! What a check is: a descriptor (`Check`) with its codes and passes, what its passes see
//! and report, and the type-erased face (`Registered`) the runner calls. The registry
//! (`checks::CHECKS`) lists one descriptor per check.

use std::any::Any;

use crate::base::KnowledgeBase;
use crate::checks::grammar::SentenceCtx;
use crate::claim::{Balance, Claim};
use crate::config::Config;
use crate::finding::{CodeSpec, Finding};

/// A check: its codes and its passes. `T` is what it builds from a fact base, once.
pub struct Check<T: 'static> {
    pub codes: &'static [CodeSpec],
    /// Run even when all its codes are off, for what it yields besides findings (the
    /// counterargument check's claims feed the argument balance), unless the settings say
    /// nobody reads the balance (`Config::without_balance`).
    pub runs_when_off: bool,
    /// Builds the check's tables from a fact base (kept in `Prepared`, built on first use).
    pub prepare: fn(&KnowledgeBase) -> T,
    pub sentence: Option<fn(&SentenceCtx, &T, &mut SentenceOut)>,
    pub document: Option<fn(&DocumentCtx, &T, &mut DocumentOut)>,
}

/// What a sentence pass reports: findings, and the claims from the debate the sentence makes.
#[derive(Debug, Default)]
pub struct SentenceOut {
    pub findings: Vec<Finding>,
    pub claims: Vec<Claim>,
}

/// The whole document, for a document pass: its text and every claim found in it (absolute
/// ranges).
pub struct DocumentCtx<'a> {
    pub kb: &'a KnowledgeBase,
    pub claims: &'a [Claim],
    pub text: &'a str,
    /// Where the document's sections start (the lines that open with a heading), in order.
    pub sections: &'a [usize],
}

/// What a document pass reports: findings, and the balance of the essay's argument.
#[derive(Debug, Default)]
pub struct DocumentOut {
    pub findings: Vec<Finding>,
    pub balance: Balance,
}

/// A check's tables, as the runner keeps them without knowing their type.
pub type Tables = Box<dyn Any + Send + Sync>;

/// A `Check` whatever its tables: what the runner calls.
pub trait Registered: Sync {
    fn codes(&self) -> &'static [CodeSpec];
    /// Should it run under these settings?
    fn runs(&self, config: &Config) -> bool;
    fn prepare(&self, kb: &KnowledgeBase) -> Tables;
    fn sentence(&self, ctx: &SentenceCtx, tables: &Tables, out: &mut SentenceOut);
    fn document(&self, ctx: &DocumentCtx, tables: &Tables, out: &mut DocumentOut);
}

impl<T: Send + Sync + 'static> Registered for Check<T> {
    fn codes(&self) -> &'static [CodeSpec] {
        self.codes
    }

    fn runs(&self, config: &Config) -> bool {
        (self.runs_when_off && !config.without_balance)
            || self.codes.iter().any(|c| config.enabled(c.code))
    }

    fn prepare(&self, kb: &KnowledgeBase) -> Tables {
        Box::new((self.prepare)(kb))
    }

    fn sentence(&self, ctx: &SentenceCtx, tables: &Tables, out: &mut SentenceOut) {
        if let Some(pass) = self.sentence {
            pass(ctx, own(tables), out);
        }
    }

    fn document(&self, ctx: &DocumentCtx, tables: &Tables, out: &mut DocumentOut) {
        if let Some(pass) = self.document {
            pass(ctx, own(tables), out);
        }
    }
}

/// A check's own tables: `Prepared` hands each check what its `prepare` built.
fn own<T: 'static>(tables: &Tables) -> &T {
    tables.downcast_ref::<T>().expect("a check is handed the tables it built")
}

/// No tables: for a check that builds nothing from the base.
pub fn no_tables(_: &KnowledgeBase) {}
