//! The fact base stored whole, as `build.rs` writes it for the default packs: the resolved
//! entries, figures, arguments, vocabulary, name index and id table, with the load's errors,
//! in postcard's compact binary form. Reading it back allocates the base's strings and arrays
//! and builds the name index's trie from its patterns (cheaper than storing it): no TOML, no id
//! resolving, no spelling variants. The entries and the index are stored apart, so that the
//! two are read back on two cores.
//!
//! The TOML stays the one source: `build.rs` loads it with this crate's own loader at build
//! time (and again whenever a pack, a word list or this module's code changes), and a test
//! holds the stored base equal to the base `load` gives for the same packs.

use serde::{Deserialize, Serialize};

use super::{
    Argument, Entry, Essay, Figure, KnowledgeBase, LoadError, NameIndex, Ref, StrMap, Vocab,
};

/// What `store` writes first: the base's parts by reference, in the order `Records` reads them.
#[derive(Serialize)]
struct RecordsRef<'a> {
    essays: &'a [Essay],
    entries: &'a [Entry],
    figures: &'a [Figure],
    arguments: &'a [Argument],
    vocab: &'a Vocab,
    errors: &'a [LoadError],
}

#[derive(Deserialize)]
struct Records {
    essays: Vec<Essay>,
    entries: Vec<Entry>,
    figures: Vec<Figure>,
    arguments: Vec<Argument>,
    vocab: Vocab,
    errors: Vec<LoadError>,
}

/// What `store` writes second: the ways in by name and by id.
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

/// The base and its load errors as bytes for `restore`: the records' length (4 bytes, little
/// endian), the records, then the lookups.
pub fn store(kb: &KnowledgeBase, errors: &[LoadError]) -> Vec<u8> {
    let records = RecordsRef {
        essays: &kb.essays,
        entries: &kb.entries,
        figures: &kb.figures,
        arguments: &kb.arguments,
        vocab: &kb.vocab,
        errors,
    };
    let lookups = LookupsRef { index: &kb.index, ids: &kb.ids };
    let (Ok(records), Ok(lookups)) =
        (postcard::to_allocvec(&records), postcard::to_allocvec(&lookups))
    else {
        return Vec::new();
    };
    let Ok(len) = u32::try_from(records.len()) else {
        return Vec::new();
    };
    [&len.to_le_bytes()[..], &records, &lookups].concat()
}

/// The base `store` was given, or `None` if the bytes are not a stored base (empty or cut
/// short). The records are read on this thread, the lookups (and the trie) on another.
pub fn restore(bytes: &[u8]) -> Option<(KnowledgeBase, Vec<LoadError>)> {
    let len = u32::from_le_bytes(bytes.get(..4)?.try_into().ok()?) as usize;
    let records = bytes.get(4..4 + len)?;
    let lookups = bytes.get(4 + len..)?;
    let (records, lookups) = std::thread::scope(|scope| {
        let lookups = scope.spawn(|| {
            let l: Lookups = postcard::from_bytes(lookups).ok()?;
            Some((l.index, l.ids))
        });
        let records: Option<Records> = postcard::from_bytes(records).ok();
        (records, lookups.join().ok().flatten())
    });
    let (r, (index, ids)) = (records?, lookups?);
    let refers = |x: &Ref| match *x {
        Ref::Entry(i) => i < r.entries.len(),
        Ref::Figure(i) => i < r.figures.len(),
        Ref::Argument(i) => i < r.arguments.len(),
    };
    if !index.holds(r.entries.len()) || !ids.iter().all(|(_, x)| refers(x)) {
        return None;
    }
    let kb = KnowledgeBase {
        essays: r.essays,
        entries: r.entries,
        figures: r.figures,
        arguments: r.arguments,
        vocab: r.vocab,
        index,
        ids,
    };
    Some((kb, r.errors))
}
