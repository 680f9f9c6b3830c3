//! What the student has switched off or told Clio to ignore. A leaf: the runner decides from it
//! which findings stand, and the misspelled-name check reads the ignore list.

use std::collections::hash_map::DefaultHasher;
use std::collections::HashSet;
use std::hash::{Hash, Hasher};

use crate::finding::Code;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Config {
    pub disabled: HashSet<Code>,
    /// Lower-cased words never reported as misspelled names.
    pub ignore_words: HashSet<String>,
    /// Nobody reads the essay's argument balance (the command line's `check`): passes that run
    /// with their codes off only to feed it (the counterargument check's claims) are skipped.
    pub without_balance: bool,
}

impl Config {
    pub fn enabled(&self, code: Code) -> bool {
        !self.disabled.contains(&code)
    }

    /// A hash of the settings, part of every cache key: results under other settings differ.
    pub(crate) fn fingerprint(&self) -> u64 {
        let mut h = DefaultHasher::new();
        let mut d: Vec<_> = self.disabled.iter().collect();
        d.sort();
        d.hash(&mut h);
        let mut w: Vec<_> = self.ignore_words.iter().collect();
        w.sort();
        w.hash(&mut h);
        self.without_balance.hash(&mut h);
        h.finish()
    }
}
