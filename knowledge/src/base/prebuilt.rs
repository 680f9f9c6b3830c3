//! The fact base stored whole, as `build.rs` writes it for the default packs: the entries,
//! figures, arguments, vocabulary, name index and id table, with the load's errors, in
//! postcard's compact binary form. The entries are read in place (`Entries`: each decoded on
//! first use), after a checksum of their bytes; the other records are decoded; the name index
//! (its trie, patterns and tables) and the id table are flat arrays, each read back with one
//! copy: no TOML, no id resolving, no spelling variants, no trie built. The records and the
//! lookups are read on two cores.
//!
//! The TOML stays the one source: `build.rs` loads it with this crate's own loader at build
//! time (and again whenever a pack, a word list or this module's code changes), and a test
//! holds the stored base equal to the base `load` gives for the same packs.

use serde::{Deserialize, Serialize};

use super::flat::Blob;
use super::{
    Argument, Entries, Essay, Figure, KnowledgeBase, LoadError, NameIndex, Ref, StrMap, Vocab,
};

/// The entries' bytes as `Entries::encode` gives them, and the records but the entries, by
/// reference, in the order `Records` reads them.
#[derive(Serialize)]
struct RecordsRef<'a> {
    entries: Blob,
    ends: Blob,
    sum: u64,
    essays: &'a [Essay],
    figures: &'a [Figure],
    arguments: &'a [Argument],
    vocab: &'a Vocab,
    errors: &'a [LoadError],
}

#[derive(Deserialize)]
struct Records<'a> {
    entries: &'a [u8],
    ends: &'a [u8],
    sum: u64,
    essays: Vec<Essay>,
    figures: Vec<Figure>,
    arguments: Vec<Argument>,
    vocab: Vocab,
    errors: Vec<LoadError>,
}

/// What the other core reads: the ways in by name and by id.
#[derive(Serialize)]
struct LookupsRef<'a> {
    index: &'a NameIndex,
    ids: &'a StrMap<Ref>,
}

#[derive(Deserialize)]
struct Lookups {
    index: NameIndex,
    ids: StrMap<Ref>,
}

/// The base and its load errors as bytes for `restore`, in two parts, each after its length (4
/// bytes, little endian): the entries and the other records; then the lookups. The two are read
/// on two cores.
pub fn store(kb: &KnowledgeBase, errors: &[LoadError]) -> Vec<u8> {
    let entries = kb.entries.encode();
    let records = RecordsRef {
        entries: Blob(entries.bytes),
        ends: Blob(entries.ends),
        sum: entries.sum,
        essays: &kb.essays,
        figures: &kb.figures,
        arguments: &kb.arguments,
        vocab: &kb.vocab,
        errors,
    };
    let lookups = LookupsRef { index: &kb.index, ids: &kb.ids };
    let (Ok(first), Ok(lookups)) =
        (postcard::to_allocvec(&records), postcard::to_allocvec(&lookups))
    else {
        return Vec::new();
    };
    let (Ok(a), Ok(b)) = (u32::try_from(first.len()), u32::try_from(lookups.len())) else {
        return Vec::new();
    };
    [&a.to_le_bytes()[..], &first, &b.to_le_bytes()[..], &lookups].concat()
}

/// The base `store` was given, or `None` if the bytes are not a stored base (empty, cut short
/// or corrupt). The entries stay in `bytes`, read as they are needed; the two parts are read on
/// two threads.
pub fn restore(bytes: &'static [u8]) -> Option<(KnowledgeBase, Vec<LoadError>)> {
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
        let first = postcard::from_bytes::<Records>(first).ok().and_then(|r| {
            let entries = Entries::stored(r.entries, r.ends, r.sum)?;
            Some((entries, r))
        });
        (first, lookups.join().ok().flatten())
    });
    let ((entries, r), l) = (first?, lookups?);
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
