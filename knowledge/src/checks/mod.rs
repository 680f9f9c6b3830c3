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
pub mod budget;
pub mod check;
pub mod counterargument;
pub(crate) mod dating;
pub mod dubious_date;
pub mod figures;
pub(crate) mod grammar;
pub mod misspelled_name;
#[cfg(test)]
pub(crate) mod testing;
pub(crate) mod wording;

pub use check::{Check, DocumentCtx, DocumentOut, Registered, SentenceOut, Tables};
pub use grammar::SentenceCtx;

use std::ops::Range;

use crate::finding::{Code, CodeSpec, Finding, Severity};

/// Every check, in the order they run on a sentence (a later check sees the findings of an
/// earlier one: anachronism leaves alone a date dubious-date flagged). One line each.
pub static CHECKS: &[&dyn Registered] = &[
    &dubious_date::CHECK,
    &anachronism::CHECK,
    &figures::CHECK,
    &misspelled_name::CHECK,
    &counterargument::CHECK,
    &budget::CHECK,
];

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

impl Finding {
    /// A finding of `code` at its default severity (what its check declares).
    pub fn new(code: Code, range: Range<usize>, message: String) -> Finding {
        code.spec().finding(range, message)
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
