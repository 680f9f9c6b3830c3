//! The fact base: loading packs, validating them, and the indexes the analysis reads.

mod arguments;
mod consistency;
pub mod date;
pub mod index;
pub mod load;
pub mod model;
pub mod names;
mod raw;
mod resolve;
pub mod vocab;

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

pub use index::{Mention, NameIndex};
pub use load::{LoadError, Pack};
pub use model::*;
pub use vocab::Vocab;

/// The default packs, embedded in the binary so that Clio works with no set-up.
pub const EMBEDDED: &[(&str, &str)] = &[
    ("sources.toml", include_str!("../../data/sources.toml")),
    ("vocab.toml", include_str!("../../data/vocab.toml")),
    ("people.toml", include_str!("../../data/people.toml")),
    ("people-more.toml", include_str!("../../data/people-more.toml")),
    ("bodies.toml", include_str!("../../data/bodies.toml")),
    ("terms.toml", include_str!("../../data/terms.toml")),
    ("places.toml", include_str!("../../data/places.toml")),
    ("documents.toml", include_str!("../../data/documents.toml")),
    ("series.toml", include_str!("../../data/series.toml")),
    ("events.toml", include_str!("../../data/events.toml")),
    ("figures.toml", include_str!("../../data/figures.toml")),
    ("arguments.toml", include_str!("../../data/arguments.toml")),
];

/// The same packs as JSON, written by `build.rs`: what `embedded()` reads, several times faster
/// than the TOML.
const EMBEDDED_JSON: &[(&str, &str)] = &[
    ("sources.toml", include_str!(concat!(env!("OUT_DIR"), "/sources.json"))),
    ("vocab.toml", include_str!(concat!(env!("OUT_DIR"), "/vocab.json"))),
    ("people.toml", include_str!(concat!(env!("OUT_DIR"), "/people.json"))),
    ("people-more.toml", include_str!(concat!(env!("OUT_DIR"), "/people-more.json"))),
    ("bodies.toml", include_str!(concat!(env!("OUT_DIR"), "/bodies.json"))),
    ("terms.toml", include_str!(concat!(env!("OUT_DIR"), "/terms.json"))),
    ("places.toml", include_str!(concat!(env!("OUT_DIR"), "/places.json"))),
    ("documents.toml", include_str!(concat!(env!("OUT_DIR"), "/documents.json"))),
    ("series.toml", include_str!(concat!(env!("OUT_DIR"), "/series.json"))),
    ("events.toml", include_str!(concat!(env!("OUT_DIR"), "/events.json"))),
    ("figures.toml", include_str!(concat!(env!("OUT_DIR"), "/figures.json"))),
    ("arguments.toml", include_str!(concat!(env!("OUT_DIR"), "/arguments.json"))),
];

const WORDS: &str = include_str!("../../data/words.txt");

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
        let words: Vec<&'static str> =
            WORDS.lines().filter(|l| !l.starts_with('#') && !l.is_empty()).collect();
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
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ref {
    Entry(EntryId),
    Figure(usize),
    Argument(usize),
}

#[derive(Debug, Default)]
pub struct KnowledgeBase {
    pub essays: Vec<Essay>,
    pub entries: Vec<Entry>,
    pub figures: Vec<Figure>,
    pub arguments: Vec<Argument>,
    pub vocab: Vocab,
    pub index: NameIndex,
    pub ids: FxHashMap<String, Ref>,
}

impl KnowledgeBase {
    pub fn empty() -> KnowledgeBase {
        KnowledgeBase::default()
    }

    pub fn embedded_packs() -> Vec<Pack> {
        EMBEDDED.iter().map(|(n, t)| Pack { name: n.to_string(), text: t.to_string() }).collect()
    }

    /// The default fact base, read from the JSON form of its packs (falling back to the TOML,
    /// with exact error locations, if that fails). Its errors are bugs in the data, caught by
    /// tests.
    pub fn embedded() -> (KnowledgeBase, Vec<LoadError>) {
        KnowledgeBase::load_prepared(&KnowledgeBase::embedded_packs(), EMBEDDED_JSON)
    }

    /// The default fact base with more packs on top (a teacher's `.clio/` folder): the default
    /// packs read from their JSON form, the others from TOML. The base and its errors are
    /// those `load` gives for the same packs.
    pub fn embedded_with(extra: Vec<Pack>) -> (KnowledgeBase, Vec<LoadError>) {
        let mut packs = KnowledgeBase::embedded_packs();
        packs.extend(extra);
        KnowledgeBase::load_prepared(&packs, EMBEDDED_JSON)
    }

    /// Builds the indexes once every entry is in.
    /// The id table over entries, figures and arguments (the loader builds the name index).
    pub(crate) fn finish(&mut self) {
        self.ids.clear();
        for (i, e) in self.entries.iter().enumerate() {
            self.ids.insert(e.id.clone(), Ref::Entry(i));
        }
        for (i, f) in self.figures.iter().enumerate() {
            self.ids.insert(f.id.clone(), Ref::Figure(i));
        }
        for (i, a) in self.arguments.iter().enumerate() {
            self.ids.insert(a.id.clone(), Ref::Argument(i));
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

    #[test]
    fn the_json_packs_are_the_embedded_packs() {
        let toml: Vec<&str> = EMBEDDED.iter().map(|p| p.0).collect();
        let json: Vec<&str> = EMBEDDED_JSON.iter().map(|p| p.0).collect();
        assert_eq!(
            toml, json,
            "build.rs's PACKS, EMBEDDED and EMBEDDED_JSON must list the same packs"
        );
        assert!(
            EMBEDDED_JSON.iter().all(|p| p.1 != "null"),
            "a pack failed to convert at build time"
        );
    }

    /// A teacher's pack on top of the default packs: it adds an entry, links to the base's
    /// entries, and an alias on an entry of its own; read with the default packs' JSON it
    /// gives what reading every pack's TOML gives, and a mistake in it is reported with its
    /// line as `load` reports it.
    #[test]
    fn a_pack_on_top_of_the_json_packs_loads_as_from_toml() {
        let pack = |text: &str| Pack { name: ".clio/class.toml".into(), text: text.into() };
        let good = pack(
            "[[person]]\nid = \"ivanova\"\nname = \"Maria Ivanova\"\naliases = [\"Masha Ivanova\"]\n\
             born = \"1900\"\nsummary = \"A made-up teacher's example.\"\nrelated = [\"lenin\"]\n",
        );
        let bad =
            pack("[[person]]\nid = \"ivanova\"\nname = \"Maria Ivanova\"\nborn = \"1900-13\"\n");
        for extra in [good, bad] {
            let (a, ea) = KnowledgeBase::embedded_with(vec![extra.clone()]);
            let mut all = KnowledgeBase::embedded_packs();
            all.push(extra);
            let (b, eb) = KnowledgeBase::load(&all);
            assert_eq!(ea, eb);
            assert_eq!(format!("{:?}", a.entries), format!("{:?}", b.entries));
            assert_eq!(a.index.pattern_count(), b.index.pattern_count());
        }
        let (kb, errors) = KnowledgeBase::embedded_with(vec![pack(
            "[[person]]\nid = \"ivanova\"\nname = \"Maria Ivanova\"\nborn = \"1900-13\"\n",
        )]);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!((errors[0].file.as_str(), errors[0].line), (".clio/class.toml", 4));
        assert!(kb.find("Maria Ivanova").is_some() && kb.find("Lenin").is_some());
        let (kb, errors) = KnowledgeBase::embedded_with(vec![]);
        assert!(errors.is_empty() && kb.find("Masha Ivanova").is_none());
    }

    #[test]
    fn reading_the_json_gives_the_same_base_as_reading_the_toml() {
        let (a, ea) = KnowledgeBase::embedded();
        let (b, eb) = KnowledgeBase::load(&KnowledgeBase::embedded_packs());
        assert!(ea.is_empty() && eb.is_empty(), "{ea:?} {eb:?}");
        let dump = |k: &KnowledgeBase| {
            format!(
                "{:?}\n{:?}\n{:?}\n{:?}\n{:?}",
                k.essays, k.entries, k.figures, k.arguments, k.vocab
            )
        };
        assert!(dump(&a) == dump(&b), "the JSON and TOML readings differ");
        assert_eq!(a.index.pattern_count(), b.index.pattern_count());
        // The index, built from the raw spellings on another core, finds the same names.
        let text: String = b
            .entries
            .iter()
            .flat_map(|e| std::iter::once(&e.name).chain(&e.aliases).chain(&e.misspellings))
            .map(|n| format!("{n}'s and {n}. "))
            .collect();
        assert_eq!(
            format!("{:?}", a.index.find_all(&text)),
            format!("{:?}", b.index.find_all(&text))
        );
    }
}
