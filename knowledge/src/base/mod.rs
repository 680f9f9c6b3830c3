//! The fact base: loading packs, validating them, and the indexes the analysis reads.

mod arguments;
mod consistency;
pub mod date;
mod embedded;
pub mod entries;
pub mod flat;
pub mod index;
pub mod load;
pub mod model;
pub mod names;
pub mod prebuilt;
mod raw;
mod resolve;
mod trie;
pub mod vocab;

use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

pub use entries::Entries;
pub use flat::StrMap;
pub use index::{Mention, NameIndex};
pub use load::{LoadError, Pack};
pub use model::*;
pub use vocab::Vocab;

/// The dictionary (sorted case-insensitively), for telling names from ordinary words.
pub fn dictionary() -> &'static [&'static str] {
    &sorted_dictionary().words
}

/// The dictionary's words, and where the words of each two-letter start begin among them.
struct Dictionary {
    words: Vec<&'static str>,
    /// `starts[k]`: the first word whose `bucket` is `k` or more (`BUCKETS + 1` of them).
    starts: Vec<u32>,
}

/// Words are bucketed by their first two bytes, ASCII-lower-cased (a one-byte word has 0 for
/// its second): the buckets follow the case-insensitive order of the list.
const BUCKETS: usize = 1 << 16;

fn bucket(w: &str) -> usize {
    let b = w.as_bytes();
    let at = |i: usize| b.get(i).map_or(0, u8::to_ascii_lowercase) as usize;
    at(0) << 8 | at(1)
}

fn sorted_dictionary() -> &'static Dictionary {
    static D: OnceLock<Dictionary> = OnceLock::new();
    D.get_or_init(|| {
        let words: Vec<&'static str> = crate::data::words();
        // (One pass: a look-up searches one bucket, a few hundred words at most, instead of
        // 74,000 words whose strings lie all over the list.)
        let mut starts = vec![0u32; BUCKETS + 1];
        let mut k = 0;
        for (i, w) in words.iter().enumerate() {
            let b = bucket(w);
            while k <= b {
                starts[k] = i as u32;
                k += 1;
            }
        }
        for s in &mut starts[k..] {
            *s = words.len() as u32;
        }
        Dictionary { words, starts }
    })
}

fn cmp_ignore_case(a: &str, b: &str) -> std::cmp::Ordering {
    // A plain loop: these comparisons run on every keystroke (a binary search in the dictionary).
    let (a, b) = (a.as_bytes(), b.as_bytes());
    for (x, y) in a.iter().zip(b) {
        let (x, y) = (x.to_ascii_lowercase(), y.to_ascii_lowercase());
        if x != y {
            return x.cmp(&y);
        }
    }
    a.len().cmp(&b.len())
}

/// The dictionary's spellings of a word, any case. (A hash table would answer faster, but
/// building one for 74,000 words costs start-up several milliseconds; the sorted list is free.)
fn dictionary_forms(word: &str) -> &'static [&'static str] {
    let dict = sorted_dictionary();
    let k = bucket(word);
    let (from, to) = (dict.starts[k] as usize, dict.starts[k + 1] as usize);
    let d = &dict.words[from..to];
    let lo = d.partition_point(|w| cmp_ignore_case(w, word) == std::cmp::Ordering::Less);
    let n = d[lo..]
        .iter()
        .take_while(|w| cmp_ignore_case(w, word) == std::cmp::Ordering::Equal)
        .count();
    &d[lo..lo + n]
}

/// An ordinary English word (the dictionary has it in lower case): "service", "check", "linen".
pub fn is_ordinary_word(word: &str) -> bool {
    dictionary_forms(word).iter().any(|w| w.starts_with(|c: char| c.is_ascii_lowercase()))
}

/// In the dictionary at all, as an ordinary word or an everyday name ("Berlin", "Mark"):
/// never to be called a misspelled name.
pub fn is_common_word(word: &str) -> bool {
    !dictionary_forms(word).is_empty()
}

/// Which table an id names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Ref {
    Entry(EntryId),
    Figure(usize),
    Argument(usize),
}

impl flat::Packed for Ref {
    /// The table in the top two bits, the number in the rest.
    fn pack(self) -> u32 {
        match self {
            Ref::Entry(i) => i as u32,
            Ref::Figure(i) => 1 << 30 | i as u32,
            Ref::Argument(i) => 2 << 30 | i as u32,
        }
    }
    fn unpack(v: u32) -> Ref {
        let i = (v & ((1 << 30) - 1)) as usize;
        match v >> 30 {
            0 => Ref::Entry(i),
            1 => Ref::Figure(i),
            _ => Ref::Argument(i),
        }
    }
}

#[derive(Debug, Default)]
pub struct KnowledgeBase {
    pub essays: Vec<Essay>,
    pub entries: Entries,
    pub figures: Vec<Figure>,
    pub arguments: Vec<Argument>,
    pub vocab: Vocab,
    pub index: NameIndex,
    pub ids: StrMap<Ref>,
}

impl KnowledgeBase {
    pub fn empty() -> KnowledgeBase {
        KnowledgeBase::default()
    }

    /// Builds the indexes once every entry is in.
    /// The id table over entries, figures and arguments (the loader builds the name index).
    pub(crate) fn finish(&mut self) {
        self.ids.clear();
        for (i, e) in self.entries.iter().enumerate() {
            self.ids.insert(&e.id, Ref::Entry(i));
        }
        for (i, f) in self.figures.iter().enumerate() {
            self.ids.insert(&f.id, Ref::Figure(i));
        }
        for (i, a) in self.arguments.iter().enumerate() {
            self.ids.insert(&a.id, Ref::Argument(i));
        }
    }

    pub fn entry(&self, id: &str) -> Option<&Entry> {
        match self.ids.get(id) {
            Some(Ref::Entry(i)) => Some(&self.entries[*i]),
            _ => None,
        }
    }

    /// An entry by any of its names or ids, case-insensitively; possessives and plurals allowed.
    pub fn find(&self, name: &str) -> Option<EntryId> {
        let name = name.trim();
        if let Some(Ref::Entry(i)) = self.ids.get(name) {
            return Some(*i);
        }
        if let Some(&i) = self.index.by_name.get(&name.to_lowercase()) {
            return Some(i);
        }
        let m = self.index.find_all(name);
        match m.first() {
            Some(m) if m.range == (0..name.len()) => Some(m.entry),
            _ => None,
        }
    }

    pub fn essay(&self, id: &str) -> Option<&Essay> {
        self.essays.iter().find(|e| e.id == id)
    }

    /// A short citation for an essay id: `essay 002 (Stalin - the politics ...)`.
    pub fn cite(&self, essay: &str) -> String {
        match self.essay(essay) {
            Some(e) => format!("essay {} ({})", e.id, e.title),
            None => format!("essay {essay}"),
        }
    }

    /// Display name of a source that may be a person id (a historian) or free text.
    pub fn source_name(&self, source: &str) -> String {
        match self.entry(source) {
            Some(e) => e.name.clone(),
            None => source.to_string(),
        }
    }

    pub fn stats(&self) -> String {
        let count = |k: Kind| self.entries.iter().filter(|e| e.kind == k).count();
        format!(
            "{} people, {} bodies, {} terms, {} events, {} places, {} documents, {} figures, {} arguments, {} essays, {} name forms",
            count(Kind::Person), count(Kind::Body), count(Kind::Term), count(Kind::Event),
            count(Kind::Place), count(Kind::Document),
            self.figures.len(), self.arguments.len(), self.essays.len(), self.index.pattern_count()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The buckets of `dictionary_forms` hold only if the list is sorted as it searches it.
    #[test]
    fn the_dictionary_is_sorted_case_insensitively() {
        let d = dictionary();
        assert!(d.windows(2).all(|p| cmp_ignore_case(p[0], p[1]).is_le()));
        for w in ["Berlin", "berlin", "linen", "Stalin", "a", "I", "zzzz", "é", ""] {
            let all = d.iter().filter(|x| cmp_ignore_case(x, w).is_eq()).count();
            assert_eq!(dictionary_forms(w).len(), all, "{w}");
        }
    }
}
