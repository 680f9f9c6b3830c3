//! The base's entries, by number. A base loaded from TOML holds them decoded; a prebuilt base
//! keeps each entry in its stored bytes and decodes it the first time it is read, so that
//! start-up costs nothing per entry (a base of 100,000 entries would otherwise spend most of its
//! start-up allocating strings the analysis may never read). Reading is the same either way:
//! `entries[i]`, `iter`, `len`.

use std::fmt;
use std::ops::{Index, Range};
use std::sync::OnceLock;

use super::flat::{checksum, u32_at};
use super::model::{Entry, Kind};

#[derive(Default)]
pub struct Entries(Held);

enum Held {
    Decoded(Vec<Entry>),
    Stored(Stored),
}

impl Default for Held {
    fn default() -> Held {
        Held::Decoded(Vec::new())
    }
}

/// Entries as `prebuilt` stores them: each one's postcard bytes, one after another in `bytes`;
/// entry `i` ends at the `i`th `u32` of `ends` (little endian). They are decoded `BLOCK` at a
/// time into `blocks`, so that neighbours lie together in memory, as in a vector (a pass over
/// every entry, as a hover makes, reads them no slower than it would a vector).
struct Stored {
    bytes: &'static [u8],
    ends: &'static [u8],
    len: usize,
    blocks: Box<[OnceLock<Box<[Entry]>>]>,
}

const BLOCK: usize = 32;

/// What `Entries::encode` gives: the entries' bytes, where each ends, and a checksum of both.
pub(super) struct Encoded {
    pub bytes: Vec<u8>,
    pub ends: Vec<u8>,
    pub sum: u64,
}

impl Entries {
    #[inline]
    pub fn len(&self) -> usize {
        match &self.0 {
            Held::Decoded(v) => v.len(),
            Held::Stored(s) => s.len,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn get(&self, i: usize) -> Option<&Entry> {
        match &self.0 {
            Held::Decoded(v) => v.get(i),
            Held::Stored(s) => (i < s.len).then(|| s.at(i)),
        }
    }

    #[inline]
    pub fn iter(&self) -> Iter<'_> {
        Iter { entries: self, at: 0..self.len(), run: [].iter() }
    }

    /// The bytes `stored` reads back.
    pub(super) fn encode(&self) -> Encoded {
        let (mut bytes, mut ends) = (Vec::new(), Vec::with_capacity(self.len() * 4));
        for e in self {
            bytes = postcard::to_extend(e, bytes).unwrap_or_default();
            ends.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
        }
        let sum = sum_of(&bytes, &ends);
        Encoded { bytes, ends, sum }
    }

    /// The entries `encode` wrote, read on first use; `None` unless the ends lie in order
    /// inside the bytes and both match the checksum (a stored base that is corrupt is not read).
    pub(super) fn stored(bytes: &'static [u8], ends: &'static [u8], sum: u64) -> Option<Entries> {
        if !ends.len().is_multiple_of(4) || checksum(bytes) ^ checksum(ends).rotate_left(1) != sum {
            return None;
        }
        let n = ends.len() / 4;
        let mut last = 0;
        for i in 0..n {
            let end = u32_at(ends, i * 4);
            if end < last {
                return None;
            }
            last = end;
        }
        if last as usize != bytes.len() {
            return None;
        }
        let blocks = (0..n.div_ceil(BLOCK)).map(|_| OnceLock::new()).collect();
        Some(Entries(Held::Stored(Stored { bytes, ends, len: n, blocks })))
    }
}

fn sum_of(bytes: &[u8], ends: &[u8]) -> u64 {
    checksum(bytes) ^ checksum(ends).rotate_left(1)
}

impl Stored {
    fn range(&self, i: usize) -> Range<usize> {
        let end = |i: usize| u32_at(self.ends, i * 4) as usize;
        (if i == 0 { 0 } else { end(i - 1) })..end(i)
    }

    /// Entry `i`, its block decoded if it is not yet (past the end: a panic, as a vector's).
    #[inline]
    fn at(&self, i: usize) -> &Entry {
        &self.block(i / BLOCK)[i % BLOCK]
    }

    #[inline]
    fn block(&self, b: usize) -> &[Entry] {
        self.blocks[b].get_or_init(|| self.decode(b))
    }

    /// The entries of a block decoded. The bytes were checked when the base was read, so this
    /// does not fail; were it to, an empty entry stands in rather than a panic.
    fn decode(&self, block: usize) -> Box<[Entry]> {
        let entries = block * BLOCK..(block * BLOCK + BLOCK).min(self.len);
        let bytes = |i| self.bytes.get(self.range(i)).unwrap_or_default();
        entries.map(|i| postcard::from_bytes(bytes(i)).unwrap_or_else(|_| blank())).collect()
    }
}

fn blank() -> Entry {
    Entry {
        id: String::new(),
        kind: Kind::Term,
        subkind: String::new(),
        name: String::new(),
        full_name: None,
        aliases: Vec::new(),
        misspellings: Vec::new(),
        start: None,
        end: None,
        roles: Vec::new(),
        successor: None,
        predecessor: None,
        actors: Vec::new(),
        cues: Vec::new(),
        summary: String::new(),
        related: Vec::new(),
        sources: Vec::new(),
        variants: Vec::new(),
        record: None,
        origin: String::new(),
        other_style: Vec::new(),
        death_by: None,
        happenings: Vec::new(),
        complete: Vec::new(),
        event_type: None,
        subjects: Vec::new(),
        place: None,
        series: None,
        number: None,
        member_names: Vec::new(),
        names: Vec::new(),
        authors: Vec::new(),
        author: None,
        published: None,
    }
}

impl From<Vec<Entry>> for Entries {
    fn from(v: Vec<Entry>) -> Entries {
        Entries(Held::Decoded(v))
    }
}

impl Index<usize> for Entries {
    type Output = Entry;
    #[inline]
    fn index(&self, i: usize) -> &Entry {
        match &self.0 {
            Held::Decoded(v) => &v[i],
            Held::Stored(s) => s.at(i),
        }
    }
}

impl fmt::Debug for Entries {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self).finish()
    }
}

/// The entries in order, each block decoded as it is reached; walked a run of neighbours at a
/// time (`run`), as fast as a vector's iterator.
#[derive(Clone)]
pub struct Iter<'a> {
    entries: &'a Entries,
    /// The entries not yet given, by number.
    at: Range<usize>,
    /// The first of them, neighbours in memory.
    run: std::slice::Iter<'a, Entry>,
}

impl<'a> Iter<'a> {
    /// `next` when the run is used up: the next run, and its first entry.
    #[cold]
    fn next_run(&mut self) -> Option<&'a Entry> {
        if self.at.is_empty() {
            return None;
        }
        self.run = Iter::run_from(self.entries, self.at.start, self.at.end).iter();
        self.at.start += 1;
        self.run.next()
    }

    /// The entries from `from` on, before `to`, that lie together in memory.
    fn run_from(entries: &'a Entries, from: usize, to: usize) -> &'a [Entry] {
        match &entries.0 {
            Held::Decoded(v) => &v[from..to],
            Held::Stored(s) => {
                let (block, first) = (s.block(from / BLOCK), from - from % BLOCK);
                &block[from - first..(to - first).min(block.len())]
            }
        }
    }
}

impl<'a> Iterator for Iter<'a> {
    type Item = &'a Entry;
    #[inline]
    fn next(&mut self) -> Option<&'a Entry> {
        if let Some(e) = self.run.next() {
            self.at.start += 1;
            return Some(e);
        }
        self.next_run()
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.at.size_hint()
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        let last = self.at.next_back()?;
        // The run holds the first entries left: the last may be among them.
        if last < self.at.start + self.run.len() {
            return self.run.next_back();
        }
        Some(&self.entries[last])
    }
}

impl ExactSizeIterator for Iter<'_> {}

impl<'a> IntoIterator for &'a Entries {
    type Item = &'a Entry;
    type IntoIter = Iter<'a>;
    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leaked(e: Encoded) -> (&'static [u8], &'static [u8], u64) {
        (Box::leak(e.bytes.into_boxed_slice()), Box::leak(e.ends.into_boxed_slice()), e.sum)
    }

    #[test]
    fn stored_entries_read_back_as_they_were_and_corrupt_ones_are_refused() {
        let (kb, _) =
            crate::base::KnowledgeBase::load(&crate::base::KnowledgeBase::embedded_packs());
        let (bytes, ends, sum) = leaked(kb.entries.encode());
        let back = Entries::stored(bytes, ends, sum).expect("what encode wrote reads back");
        assert_eq!(back.len(), kb.entries.len());
        assert_eq!(format!("{:?}", back.iter().rev().collect::<Vec<_>>()), {
            format!("{:?}", kb.entries.iter().rev().collect::<Vec<_>>())
        });
        assert_eq!(back.get(back.len()).map(|e| &e.id), None);
        let (mut a, mut b) = (back.iter(), kb.entries.iter());
        for k in 0.. {
            let (x, y) = match k % 3 {
                0 => (a.next_back(), b.next_back()),
                _ => (a.next(), b.next()),
            };
            assert_eq!((x.map(|e| &e.id), a.len()), (y.map(|e| &e.id), b.len()));
            if x.is_none() {
                break;
            }
        }
        assert!(Entries::stored(bytes, ends, sum ^ 1).is_none());
        assert!(Entries::stored(&bytes[1..], ends, sum).is_none());
        assert!(Entries::stored(bytes, &ends[..ends.len() - 4], sum).is_none());
        let mut flipped = bytes.to_vec();
        flipped[bytes.len() / 2] ^= 0x20;
        assert!(Entries::stored(Box::leak(flipped.into_boxed_slice()), ends, sum).is_none());
    }

    /// Should bytes that pass the checks not decode, the entry reads as blank: no panic.
    #[test]
    fn ends_out_of_order_are_refused_and_bytes_that_do_not_decode_read_blank() {
        let junk: &'static [u8] = &[0xff; 8];
        let ends = |e: &[u32]| -> &'static [u8] {
            Box::leak(
                e.iter().flat_map(|x| x.to_le_bytes()).collect::<Vec<u8>>().into_boxed_slice(),
            )
        };
        let (backwards, in_order) = (ends(&[6, 4, 8]), ends(&[4, 8]));
        assert!(Entries::stored(junk, backwards, sum_of(junk, backwards)).is_none());
        let read = Entries::stored(junk, in_order, sum_of(junk, in_order)).expect("ends in order");
        assert_eq!((read.len(), read[1].name.as_str(), read[0].kind), (2, "", Kind::Term));
    }
}
