//! Tables kept as a few flat arrays, so that `prebuilt` stores each array as one run of bytes
//! and reads it back with one copy: no allocation per string, no hashing on reading.
//! - `Blob`: bytes postcard writes whole, read back borrowed (`&[u8]`) and copied once;
//! - `Strings`: many strings in one buffer, by number;
//! - `StrMap`: strings to small values, an open-addressing hash table over a `Strings`;
//! - `checksum`: for checking stored bytes before they are read in place.

use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize, Serializer};

/// Bytes stored as one run (postcard: a length, then the bytes), read back as `&[u8]`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Blob(pub Vec<u8>);

impl Serialize for Blob {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(&self.0)
    }
}

/// `u32`s as a blob, little endian.
pub fn u32s_to_blob(values: impl ExactSizeIterator<Item = u32>) -> Blob {
    let mut out = Vec::with_capacity(values.len() * 4);
    for v in values {
        out.extend_from_slice(&v.to_le_bytes());
    }
    Blob(out)
}

/// The `u32`s of a blob `u32s_to_blob` wrote (a trailing partial value is dropped).
pub fn blob_to_u32s(blob: &[u8]) -> Vec<u32> {
    blob.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect()
}

/// The little-endian `u32` at byte `i` of `bytes`.
pub fn u32_at(bytes: &[u8], i: usize) -> u32 {
    u32::from_le_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]])
}

/// A checksum of stored bytes, to catch corruption (not forgery): four lanes of eight bytes at
/// a time, so that tens of megabytes take a few milliseconds. Each step is one-to-one in its
/// lane, so a change to any one eight-byte word always changes the sum.
pub fn checksum(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mix = |h: u64, w: u64| (h ^ w).wrapping_mul(K).rotate_left(29);
    let mut lanes = [1u64, 2, 3, 4];
    let mut chunks = bytes.chunks_exact(32);
    for c in &mut chunks {
        for (lane, w) in lanes.iter_mut().zip(c.chunks_exact(8)) {
            *lane = mix(*lane, u64::from_le_bytes(w.try_into().unwrap_or([0; 8])));
        }
    }
    let tail = chunks.remainder().iter().fold(bytes.len() as u64, |h, &b| mix(h, u64::from(b)));
    lanes.into_iter().fold(tail, mix)
}

/// Many strings in one buffer: string `i` is `text[ends[i - 1]..ends[i]]`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Strings {
    text: String,
    ends: Vec<u32>,
}

impl Strings {
    pub fn push(&mut self, s: &str) {
        self.text.push_str(s);
        self.ends.push(self.text.len() as u32);
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// String `i` (empty past the end).
    pub fn get(&self, i: usize) -> &str {
        let start = match i {
            0 => 0,
            _ => self.ends.get(i - 1).copied().unwrap_or(0) as usize,
        };
        let end = self.ends.get(i).copied().unwrap_or(0) as usize;
        self.text.get(start..end).unwrap_or("")
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }
}

#[derive(Serialize)]
struct StringsBytes {
    text: Blob,
    ends: Blob,
}

/// What `StringsBytes` reads back as: its bytes borrowed from the input, copied once into
/// the arrays they become.
#[derive(Deserialize)]
struct StringsBorrowed<'a> {
    text: &'a [u8],
    ends: &'a [u8],
}

impl Serialize for Strings {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        StringsBytes {
            text: Blob(self.text.as_bytes().to_vec()),
            ends: u32s_to_blob(self.ends.iter().copied()),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Strings {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Strings, D::Error> {
        let b = StringsBorrowed::deserialize(d)?;
        let text = std::str::from_utf8(b.text).map_err(de::Error::custom)?.to_string();
        let ends = blob_to_u32s(b.ends);
        // Every end must lie on a character boundary, in order, for `get` to hold.
        let mut last = 0;
        for &e in &ends {
            if e < last || !text.is_char_boundary(e as usize) {
                return Err(de::Error::custom("string ends out of order"));
            }
            last = e;
        }
        Ok(Strings { text, ends })
    }
}

/// A value a `StrMap` holds, as the `u32` it is stored as.
pub trait Packed: Copy {
    fn pack(self) -> u32;
    fn unpack(v: u32) -> Self;
}

impl Packed for usize {
    fn pack(self) -> u32 {
        self as u32
    }
    fn unpack(v: u32) -> usize {
        v as usize
    }
}

/// Strings to values: the keys in a `Strings`, their values beside them, and a table of
/// `slots` (a power of two, at most half full) holding key number + 1, or 0 for none.
#[derive(Clone, Debug)]
pub struct StrMap<V> {
    keys: Strings,
    values: Vec<V>,
    slots: Vec<u32>,
}

impl<V> Default for StrMap<V> {
    fn default() -> StrMap<V> {
        StrMap { keys: Strings::default(), values: Vec::new(), slots: Vec::new() }
    }
}

/// FNV-1a: the same on every machine, so that the table `build.rs` stores holds wherever it
/// is read.
fn hash(s: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in s.as_bytes() {
        h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    h
}

impl<V: Packed> StrMap<V> {
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    pub fn clear(&mut self) {
        *self = StrMap::default();
    }

    /// The slot holding `key`, or the empty slot where it would go.
    fn slot(&self, key: &str) -> usize {
        let mask = self.slots.len() - 1;
        let mut i = hash(key) as usize & mask;
        loop {
            match self.slots[i] {
                0 => return i,
                k if self.keys.get(k as usize - 1) == key => return i,
                _ => i = (i + 1) & mask,
            }
        }
    }

    pub fn get(&self, key: &str) -> Option<&V> {
        if self.slots.is_empty() {
            return None;
        }
        match self.slots[self.slot(key)] {
            0 => None,
            k => self.values.get(k as usize - 1),
        }
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Sets `key` to `value` (replacing its value, if any).
    pub fn insert(&mut self, key: &str, value: V) {
        self.put(key, value, true);
    }

    /// Sets `key` to `value` unless it has one already.
    pub fn insert_first(&mut self, key: &str, value: V) {
        self.put(key, value, false);
    }

    fn put(&mut self, key: &str, value: V, replace: bool) {
        if (self.keys.len() + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let i = self.slot(key);
        match self.slots[i] {
            0 => {
                self.keys.push(key);
                self.values.push(value);
                self.slots[i] = self.keys.len() as u32;
            }
            k if replace => self.values[k as usize - 1] = value,
            _ => {}
        }
    }

    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(16);
        self.slots = vec![0; size];
        for k in 0..self.keys.len() {
            let i = self.slot(self.keys.get(k));
            self.slots[i] = k as u32 + 1;
        }
    }

    /// Keys and values, in the order they were first inserted.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &V)> + '_ {
        self.keys.iter().zip(&self.values)
    }
}

#[derive(Serialize)]
struct StrMapBytes {
    keys: Strings,
    values: Blob,
    slots: Blob,
}

#[derive(Deserialize)]
struct StrMapBorrowed<'a> {
    keys: Strings,
    values: &'a [u8],
    slots: &'a [u8],
}

impl<V: Packed> Serialize for StrMap<V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        StrMapBytes {
            keys: self.keys.clone(),
            values: u32s_to_blob(self.values.iter().map(|v| v.pack())),
            slots: u32s_to_blob(self.slots.iter().copied()),
        }
        .serialize(s)
    }
}

impl<'de, V: Packed> Deserialize<'de> for StrMap<V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<StrMap<V>, D::Error> {
        let b = StrMapBorrowed::deserialize(d)?;
        let values: Vec<V> = blob_to_u32s(b.values).into_iter().map(V::unpack).collect();
        let slots = blob_to_u32s(b.slots);
        let n = b.keys.len();
        // A table that could send `slot` round for ever, or past its keys, is no table.
        let holds = values.len() == n
            && (slots.is_empty() && n == 0 || slots.len().is_power_of_two() && slots.len() > 2 * n)
            && slots.iter().all(|&k| k as usize <= n);
        if !holds {
            return Err(de::Error::custom("a malformed table"));
        }
        Ok(StrMap { keys: b.keys, values, slots })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_map_stored_and_read_back_answers_as_before() {
        let mut m: StrMap<usize> = StrMap::default();
        for i in 0..1000 {
            m.insert_first(&format!("key {i}"), i);
        }
        m.insert_first("key 7", 70);
        m.insert("key 8", 80);
        m.insert("", 5);
        let back: StrMap<usize> =
            postcard::from_bytes(&postcard::to_allocvec(&m).unwrap()).unwrap();
        for map in [&m, &back] {
            assert_eq!(map.len(), 1001);
            assert_eq!(
                (map.get("key 7"), map.get("key 8"), map.get("")),
                (Some(&7), Some(&80), Some(&5))
            );
            assert_eq!(map.get("key 999"), Some(&999));
            assert!(!map.contains_key("key 1000") && !map.contains_key("key"));
        }
        assert!(StrMap::<usize>::default().get("x").is_none());
        let strings: Vec<&str> = back.keys.iter().take(2).collect();
        assert_eq!(strings, ["key 0", "key 1"]);
    }
}
