//! The checks and their registry. Each check is one descriptor (`Check`) in its own file or
//! folder, whose header says what it flags and why, with its tests (many of them false-positive
//! cases) beside it. Registering a check is one line in `CHECKS`.
//!
//! A descriptor declares the codes the check reports (each with its setting key, default
//! severity and description), what it builds once per fact base (`prepare`: cue tables, word
//! lists), its sentence pass and its optional document pass. The runner (`analysis`) runs a
//! check when one of its codes is on (or always, for a check whose other output is wanted
//! whatever the settings) and keeps only the findings whose code is on: on/off is decided per
//! code, there and nowhere else.
//!
//! A sentence pass sees one sentence at a time through `SentenceCtx`: its tokens, the names,
//! dates and numbers found in it, and the fact base. It pushes findings with block-relative
//! ranges.

pub mod anachronism;
pub mod counterargument;
pub(crate) mod dating;
pub mod dubious_date;
pub mod figures;
pub(crate) mod grammar;
pub mod misspelled_name;
mod sentence;
#[cfg(test)]
pub(crate) mod testing;
pub(crate) mod wording;

use std::any::Any;

pub use sentence::SentenceCtx;

use crate::base::KnowledgeBase;
use crate::config::Config;
use crate::finding::{Code, CodeSpec, Finding, Severity};
use counterargument::{Balance, Claim};

/// Every check, in the order they run on a sentence (a later check sees the findings of an
/// earlier one: anachronism leaves alone a date dubious-date flagged). One line each.
pub static CHECKS: &[&dyn Registered] = &[
    &dubious_date::CHECK,
    &anachronism::CHECK,
    &figures::CHECK,
    &misspelled_name::CHECK,
    &counterargument::CHECK,
];

/// A check: its codes and its passes. `T` is what it builds from a fact base, once.
pub struct Check<T: 'static> {
    pub codes: &'static [CodeSpec],
    /// Run even when all its codes are off, for what it yields besides findings (the
    /// counterargument check's claims feed the argument balance).
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
        self.runs_when_off || self.codes.iter().any(|c| config.enabled(c.code))
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

/// Every code the registered checks declare, in registry order.
pub fn code_specs() -> impl Iterator<Item = &'static CodeSpec> {
    CHECKS.iter().flat_map(|c| c.codes().iter())
}

/// A code's name, setting and severity are what its check declares.
impl Code {
    /// The declaration of this code. Every code has one: a test holds `Code::ALL` equal to the
    /// codes the registry declares.
    pub fn spec(self) -> &'static CodeSpec {
        code_specs().find(|s| s.code == self).expect("every code is declared by a check")
    }

    pub fn as_str(self) -> &'static str {
        self.spec().name
    }

    /// The camel-case key of the `clio.checks.*` setting.
    pub fn setting(self) -> &'static str {
        self.spec().setting
    }

    pub fn default_severity(self) -> Severity {
        self.spec().severity
    }

    pub fn description(self) -> &'static str {
        self.spec().description
    }

    /// A code by its name ("dubious-date") or its setting key ("dubiousDate").
    pub fn parse(s: &str) -> Option<Code> {
        code_specs().find(|c| c.name == s || c.setting == s).map(|c| c.code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_declared_once_in_order() {
        let declared: Vec<Code> = code_specs().map(|s| s.code).collect();
        let mut sorted = declared.clone();
        sorted.sort();
        assert_eq!(sorted, Code::ALL, "each code of `Code::ALL` is declared by exactly one check");
    }

    #[test]
    fn names_and_settings_are_unique_and_round_trip() {
        for c in Code::ALL {
            assert_eq!(Code::parse(c.as_str()), Some(c));
            assert_eq!(Code::parse(c.setting()), Some(c));
            assert!(!c.description().is_empty());
        }
    }
}
