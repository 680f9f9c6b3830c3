//! The fact base stored whole, as `build.rs` writes it for the default packs: the resolved
//! entries, figures, arguments, vocabulary, name index and id table, with the load's errors,
//! in postcard's compact binary form. Reading it back allocates the records' strings and
//! arrays; the name index (its trie, patterns and tables) and the id table are flat arrays,
//! each read back with one copy: no TOML, no id resolving, no spelling variants, no trie built.
//! Half the entries are stored with the index, so that the two halves are read on two cores.
//!
//! The TOML stays the one source: `build.rs` loads it with this crate's own loader at build
//! time (and again whenever a pack, a word list or this module's code changes), and a test
//! holds the stored base equal to the base `load` gives for the same packs.

use serde::de::{DeserializeSeed, Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use super::{
    Argument, Entry, Essay, Figure, KnowledgeBase, LoadError, NameIndex, Ref, StrMap, Vocab,
};

/// The records but the entries, by reference, in the order `Records` reads them.
#[derive(Serialize)]
struct RecordsRef<'a> {
    essays: &'a [Essay],
    figures: &'a [Figure],
    arguments: &'a [Argument],
    vocab: &'a Vocab,
    errors: &'a [LoadError],
}

#[derive(Deserialize)]
struct Records {
    essays: Vec<Essay>,
    figures: Vec<Figure>,
    arguments: Vec<Argument>,
    vocab: Vocab,
    errors: Vec<LoadError>,
}

/// What the other core reads: the later half of the entries and the ways in by name and by id.
#[derive(Serialize)]
struct LookupsRef<'a> {
    later_entries: &'a [Entry],
    index: &'a NameIndex,
    ids: &'a StrMap<Ref>,
}

#[derive(Deserialize)]
struct Lookups {
    later_entries: Vec<Entry>,
    index: NameIndex,
    ids: StrMap<Ref>,
}

/// The base and its load errors as bytes for `restore`, in two parts, each after its length (4
/// bytes, little endian): the number of entries, the first half of them and the other records;
/// then the lookups, with the rest of the entries. The two are read on two cores.
pub fn store(kb: &KnowledgeBase, errors: &[LoadError]) -> Vec<u8> {
    let half = kb.entries.len() / 2;
    let records = RecordsRef {
        essays: &kb.essays,
        figures: &kb.figures,
        arguments: &kb.arguments,
        vocab: &kb.vocab,
        errors,
    };
    let lookups = LookupsRef { later_entries: &kb.entries[half..], index: &kb.index, ids: &kb.ids };
    let first = (kb.entries.len() as u32, &kb.entries[..half], records);
    let (Ok(first), Ok(lookups)) = (postcard::to_allocvec(&first), postcard::to_allocvec(&lookups))
    else {
        return Vec::new();
    };
    let (Ok(a), Ok(b)) = (u32::try_from(first.len()), u32::try_from(lookups.len())) else {
        return Vec::new();
    };
    [&a.to_le_bytes()[..], &first, &b.to_le_bytes()[..], &lookups].concat()
}

/// Pushes the elements of a sequence onto a vector made beforehand (with room for all the
/// entries, so that none is moved while the vector grows).
struct AppendTo<'v, T>(&'v mut Vec<T>);

impl<'de, T: Deserialize<'de>> DeserializeSeed<'de> for AppendTo<'_, T> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for AppendTo<'_, T> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a sequence")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(x) = seq.next_element()? {
            self.0.push(x);
        }
        Ok(())
    }
}

/// The first part `store` wrote: every entry it holds (in a vector with room for all) and the
/// other records.
fn first_part(bytes: &[u8]) -> Option<(Vec<Entry>, Records)> {
    let (total, rest) = postcard::take_from_bytes::<u32>(bytes).ok()?;
    // A stored entry takes dozens of bytes: no more room than the bytes could hold.
    let mut entries = Vec::with_capacity((total as usize).min(bytes.len() / 16));
    let mut de = postcard::Deserializer::from_bytes(rest);
    AppendTo(&mut entries).deserialize(&mut de).ok()?;
    let records = postcard::from_bytes(de.finalize().ok()?).ok()?;
    Some((entries, records))
}

/// The base `store` was given, or `None` if the bytes are not a stored base (empty or cut
/// short). The two parts are read on two threads.
pub fn restore(bytes: &[u8]) -> Option<(KnowledgeBase, Vec<LoadError>)> {
    let part = |at: usize| {
        let len = u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?) as usize;
        Some((bytes.get(at + 4..at + 4 + len)?, at + 4 + len))
    };
    let (first, next) = part(0)?;
    let (lookups, end) = part(next)?;
    if end != bytes.len() {
        return None;
    }
    let (first, lookups) = std::thread::scope(|scope| {
        let lookups = scope.spawn(|| postcard::from_bytes::<Lookups>(lookups).ok());
        let first = first_part(first);
        (first, lookups.join().ok().flatten())
    });
    let ((mut entries, r), l) = (first?, lookups?);
    entries.extend(l.later_entries);
    let (index, ids) = (l.index, l.ids);
    let refers = |x: &Ref| match *x {
        Ref::Entry(i) => i < entries.len(),
        Ref::Figure(i) => i < r.figures.len(),
        Ref::Argument(i) => i < r.arguments.len(),
    };
    if !index.holds(entries.len()) || !ids.iter().all(|(_, x)| refers(x)) {
        return None;
    }
    let kb = KnowledgeBase {
        essays: r.essays,
        entries,
        figures: r.figures,
        arguments: r.arguments,
        vocab: r.vocab,
        index,
        ids,
    };
    Some((kb, r.errors))
}
