//! The byte trie the name index matches with: patterns (or any byte strings) to ids, walked
//! from a word start. Chains of nodes with one child and no string ending in them are one node
//! holding the chain's bytes (a name's tail is one comparison of bytes, not a node a byte).
//! `prebuilt` stores it as the arrays it is walked in (each one run of bytes, the tables
//! without their empty slots) and reads them back with one pass each: nothing is rebuilt.

use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize, Serializer};

use super::flat::{u32_at, Blob};

/// A byte trie: patterns (or any byte strings) to ids. A node with more than two children (the
/// root, the first letters: 728 of the names' 7,160 nodes) has a table by byte; the others keep
/// their one or two children in the node itself, so that a step is a load and a comparison or
/// two, then the node's run of bytes. Tables cost a kilobyte each, so a very large base (tens
/// of thousands of names) gives them to its `MAX_TABLES` shallowest such nodes and keeps the
/// children of the rest in a list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Trie {
    nodes: Vec<Node>,
    /// Tables of 256 children (0: none; the root is never a child), each from a multiple of 256.
    tables: Vec<u32>,
    /// The children of the nodes with more than two and no table, by byte, node after node.
    lists: Vec<(u8, u32)>,
    /// The nodes' runs of bytes, one after another.
    runs: Vec<u8>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Node {
    /// Where the node's table starts (or, with `LIST` set, its list, `kids[0]` children long),
    /// or `NONE` if its children are in `bytes` and `kids`.
    table: u32,
    /// Up to two children by byte; an unused slot has child 0.
    kids: [u32; 2],
    /// The id of the string ending here, or `NONE`.
    id: u32,
    /// The bytes that must follow the byte that led here before the node's id and children
    /// (`runs[run..run + run_len]`).
    run: u32,
    bytes: [u8; 2],
    run_len: u16,
}

const NONE: u32 = u32::MAX;
/// Marks a node's `table` as the start of a list in `Trie::lists`.
const LIST: u32 = 1 << 31;
/// At most this many tables (4 MiB).
const MAX_TABLES: usize = 4096;

impl Trie {
    pub(super) fn build<'a>(strings: impl Iterator<Item = (&'a [u8], u32)>) -> Trie {
        Trie::build_capped(strings, MAX_TABLES)
    }

    /// As `build`, with at most `max_tables` tables.
    fn build_capped<'a>(strings: impl Iterator<Item = (&'a [u8], u32)>, max_tables: usize) -> Trie {
        // The strings in byte order: each shares with the one before it a path of the trie as
        // long as their common prefix, so nodes are made along one path, with no map from
        // (node, byte) to child (a hash map of edges cost a cache miss a byte at 100,000 names).
        // A stable sort keeps the first of two equal strings first: its id is the one kept.
        let mut strings: Vec<(&[u8], u32)> = strings.collect();
        strings.sort_by(|a, b| a.0.cmp(b.0));
        let mut ids = vec![NONE];
        // Node `n`'s parent and the byte from it (the root's is unused).
        let mut parent = vec![(0u32, 0u8)];
        // The nodes along the last string's path: `path[d]` is at depth `d`.
        let mut path: Vec<u32> = vec![0];
        let mut last: &[u8] = &[];
        for (bytes, id) in strings {
            let common = bytes.iter().zip(last).take_while(|(x, y)| x == y).count();
            path.truncate(common + 1);
            for &b in &bytes[common..] {
                let node = ids.len() as u32;
                ids.push(NONE);
                parent.push((path[path.len() - 1], b));
                path.push(node);
            }
            let node = path[bytes.len()] as usize;
            if ids[node] == NONE {
                ids[node] = id;
            }
            last = bytes;
        }
        // Each node's children, in byte order (a node's children are made in byte order, and
        // walking the nodes in id order keeps it), gathered by counting.
        let mut first_child = vec![0u32; ids.len() + 1];
        for &(node, _) in &parent[1..] {
            first_child[node as usize + 1] += 1;
        }
        for i in 1..first_child.len() {
            first_child[i] += first_child[i - 1];
        }
        let mut fill = first_child.clone();
        let mut children = vec![(0u8, 0u32); ids.len().saturating_sub(1)];
        for (child, &(node, b)) in parent.iter().enumerate().skip(1) {
            let slot = &mut fill[node as usize];
            children[*slot as usize] = (b, child as u32);
            *slot += 1;
        }
        let tabled = tabled_nodes(&parent, &first_child, max_tables);
        let mut t = Trie::default();
        t.nodes.reserve(ids.len());
        for (n, id) in ids.into_iter().enumerate() {
            let k = &children[first_child[n] as usize..first_child[n + 1] as usize];
            let mut node = Node { table: NONE, id, ..Node::default() };
            if k.len() > 2 && !tabled[n] {
                node.table = LIST | t.lists.len() as u32;
                node.kids[0] = k.len() as u32;
                t.lists.extend_from_slice(k);
            } else if tabled[n] {
                let first = t.tables.len();
                t.tables.resize(first + 256, 0);
                for &(b, child) in k {
                    t.tables[first + b as usize] = child;
                }
                node.table = first as u32;
            } else {
                for (slot, &(b, child)) in k.iter().enumerate() {
                    node.bytes[slot] = b;
                    node.kids[slot] = child;
                }
            }
            t.nodes.push(node);
        }
        t.compressed()
    }

    /// The same trie with each chain of nodes that have one child and no id folded into the
    /// node it starts from (its bytes a run); nodes renumbered depth first, so that a node's
    /// first child usually follows it.
    fn compressed(&self) -> Trie {
        if self.nodes.is_empty() {
            return Trie::default();
        }
        let mut out = Trie { nodes: vec![Node::default()], ..Trie::default() };
        // (old node reached by a byte, its new number)
        let mut todo: Vec<(u32, u32)> = vec![(0, 0)];
        while let Some((old, new)) = todo.pop() {
            let mut end = &self.nodes[old as usize];
            let run = out.runs.len();
            let one_child = |n: &Node| n.table == NONE && n.id == NONE && n.kids[1] == 0;
            while old != 0 && one_child(end) && end.kids[0] != 0 && out.runs.len() - run < 0xffff {
                out.runs.push(end.bytes[0]);
                end = &self.nodes[end.kids[0] as usize];
            }
            let mut node = Node {
                table: NONE,
                id: end.id,
                run: run as u32,
                run_len: (out.runs.len() - run) as u16,
                ..Node::default()
            };
            let mut adopt = |child: u32| {
                let n = out.nodes.len() as u32;
                out.nodes.push(Node::default());
                todo.push((child, n));
                n
            };
            if end.table == NONE {
                node.bytes = end.bytes;
                for slot in 0..2 {
                    if end.kids[slot] != 0 {
                        node.kids[slot] = adopt(end.kids[slot]);
                    }
                }
            } else if end.table & LIST != 0 {
                let start = (end.table & !LIST) as usize;
                let kids = &self.lists[start..start + end.kids[0] as usize];
                let listed: Vec<(u8, u32)> = kids.iter().map(|&(b, c)| (b, adopt(c))).collect();
                node.table = LIST | out.lists.len() as u32;
                node.kids[0] = listed.len() as u32;
                out.lists.extend(listed);
            } else {
                let table = &self.tables[end.table as usize..end.table as usize + 256];
                let mapped: Vec<u32> =
                    table.iter().map(|&c| if c == 0 { 0 } else { adopt(c) }).collect();
                node.table = out.tables.len() as u32;
                out.tables.extend(mapped);
            }
            out.nodes[new as usize] = node;
        }
        out
    }

    /// The child of `node` by byte `b`, or 0 (the root is never a child).
    #[inline(always)]
    fn child(&self, node: u32, b: u8) -> u32 {
        let n = &self.nodes[node as usize];
        if n.table != NONE {
            if n.table & LIST != 0 {
                return self.listed_child(n, b);
            }
            return self.tables.get(n.table as usize | b as usize).copied().unwrap_or(0);
        }
        if n.bytes[0] == b {
            n.kids[0]
        } else if n.bytes[1] == b {
            n.kids[1]
        } else {
            0
        }
    }

    #[cold]
    fn listed_child(&self, n: &Node, b: u8) -> u32 {
        let start = (n.table & !LIST) as usize;
        let list = self.lists.get(start..start + n.kids[0] as usize).unwrap_or(&[]);
        list.iter().find(|e| e.0 == b).map_or(0, |e| e.1)
    }

    /// The longest string starting at `s` (bytes ASCII-lower-cased): its end and id.
    #[inline]
    pub(super) fn longest_at(&self, hay: &[u8], s: usize) -> Option<(usize, u32)> {
        if self.nodes.is_empty() {
            return None;
        }
        let hay = hay.get(s..).unwrap_or_default();
        let mut best = None;
        // The next byte to read: the walk is at `node` with `k` bytes read.
        let mut k = 0;
        let mut node = 0;
        while let Some(&b) = hay.get(k) {
            node = self.child(node, b.to_ascii_lowercase());
            if node == 0 {
                break;
            }
            k += 1;
            let n = &self.nodes[node as usize];
            if n.run_len > 0 {
                let (from, len) = (n.run as usize, n.run_len as usize);
                let (Some(run), Some(text)) =
                    (self.runs.get(from..from + len), hay.get(k..k + len))
                else {
                    break;
                };
                if !run.iter().zip(text).all(|(r, t)| *r == t.to_ascii_lowercase()) {
                    break;
                }
                k += len;
            }
            if n.id != NONE {
                best = Some((s + k, n.id));
            }
        }
        best
    }
}

/// Which nodes get a table: the root always (so that a byte no string starts with costs one
/// load), and the nodes with more than two children, the shallowest of them while the tables
/// number fewer than `max_tables`.
/// `parent[n]` is node `n`'s parent (nodes are numbered after their parents); node `n`'s
/// children are `first_child[n]..first_child[n + 1]`.
fn tabled_nodes(parent: &[(u32, u8)], first_child: &[u32], max_tables: usize) -> Vec<bool> {
    let kids = |n: usize| (first_child[n + 1] - first_child[n]) as usize;
    let mut many: Vec<usize> = (1..parent.len()).filter(|&n| kids(n) > 2).collect();
    if many.len() >= max_tables {
        let mut depth = vec![0u32; parent.len()];
        for n in 1..parent.len() {
            depth[n] = depth[parent[n].0 as usize] + 1;
        }
        many.sort_by_key(|&n| (depth[n], n));
        many.truncate(max_tables.saturating_sub(1));
    }
    let mut tabled = vec![false; parent.len()];
    tabled[0] = true;
    for n in many {
        tabled[n] = true;
    }
    tabled
}

/// A node as stored: `table`, the two children, `id`, `run`, the two bytes, `run_len` (24
/// bytes, little endian).
const NODE_BYTES: usize = 24;

/// The trie's arrays, each one blob; each table as its children only: how many (2 bytes),
/// then each child's byte and number (5 bytes).
#[derive(Serialize)]
struct TrieBytes {
    nodes: Blob,
    tables: Blob,
    lists: Blob,
    runs: Blob,
}

/// `TrieBytes` read back, borrowed from the input.
#[derive(Deserialize)]
struct TrieBorrowed<'a> {
    nodes: &'a [u8],
    tables: &'a [u8],
    lists: &'a [u8],
    runs: &'a [u8],
}

impl Serialize for Trie {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut nodes = Vec::with_capacity(self.nodes.len() * NODE_BYTES);
        for n in &self.nodes {
            for v in [n.table, n.kids[0], n.kids[1], n.id, n.run] {
                nodes.extend_from_slice(&v.to_le_bytes());
            }
            nodes.extend_from_slice(&n.bytes);
            nodes.extend_from_slice(&n.run_len.to_le_bytes());
        }
        let mut tables = Vec::new();
        for table in self.tables.chunks(256) {
            let kids = || table.iter().enumerate().filter(|(_, &c)| c != 0);
            tables.extend_from_slice(&(kids().count() as u16).to_le_bytes());
            for (b, &child) in kids() {
                tables.push(b as u8);
                tables.extend_from_slice(&child.to_le_bytes());
            }
        }
        let mut lists = Vec::with_capacity(self.lists.len() * 5);
        for &(b, child) in &self.lists {
            lists.push(b);
            lists.extend_from_slice(&child.to_le_bytes());
        }
        TrieBytes {
            nodes: Blob(nodes),
            tables: Blob(tables),
            lists: Blob(lists),
            runs: Blob(self.runs.clone()),
        }
        .serialize(s)
    }
}

/// The tables `TrieBytes` holds without their empty slots, each 256 children again; `None`
/// if the bytes are cut short.
fn tables_from(mut bytes: &[u8]) -> Option<Vec<u32>> {
    let mut tables = Vec::new();
    while let [lo, hi, rest @ ..] = bytes {
        let n = u16::from_le_bytes([*lo, *hi]) as usize;
        let first = tables.len();
        tables.resize(first + 256, 0);
        for c in rest.get(..n * 5)?.chunks_exact(5) {
            tables[first + c[0] as usize] = u32_at(c, 1);
        }
        bytes = &rest[n * 5..];
    }
    Some(tables)
}

impl<'de> Deserialize<'de> for Trie {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Trie, D::Error> {
        let b = TrieBorrowed::deserialize(d)?;
        let nodes = b.nodes.chunks_exact(NODE_BYTES).map(|c| Node {
            table: u32_at(c, 0),
            kids: [u32_at(c, 4), u32_at(c, 8)],
            id: u32_at(c, 12),
            run: u32_at(c, 16),
            bytes: [c[20], c[21]],
            run_len: u16::from_le_bytes([c[22], c[23]]),
        });
        let malformed = || de::Error::custom("a malformed trie");
        let trie = Trie {
            nodes: nodes.collect(),
            tables: tables_from(b.tables).ok_or_else(malformed)?,
            lists: b.lists.chunks_exact(5).map(|c| (c[0], u32_at(c, 1))).collect(),
            runs: b.runs.to_vec(),
        };
        if !trie.holds() {
            return Err(malformed());
        }
        Ok(trie)
    }
}

impl Trie {
    /// Every child, table and list the nodes name lies inside the arrays, so that a walk over
    /// a trie read back never indexes out of bounds.
    fn holds(&self) -> bool {
        let n = self.nodes.len() as u32;
        let run_ok = |node: &Node| node.run as usize + node.run_len as usize <= self.runs.len();
        let node_ok = |node: &Node| match node.table {
            NONE => node.kids.iter().all(|&k| k < n),
            t if t & LIST != 0 => {
                let start = (t & !LIST) as usize;
                start + node.kids[0] as usize <= self.lists.len()
            }
            t => (t as usize).is_multiple_of(256) && t as usize + 256 <= self.tables.len(),
        };
        self.nodes.iter().all(|node| node_ok(node) && run_ok(node))
            && self.tables.iter().all(|&k| k < n)
            && self.lists.iter().all(|&(_, k)| k < n)
    }

    /// The largest id a string ends with, if any.
    pub(super) fn max_id(&self) -> Option<u32> {
        self.nodes.iter().map(|n| n.id).filter(|&id| id != NONE).max()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_trie_with_its_children_in_lists_finds_what_one_with_tables_finds() {
        let (kb, _) = crate::base::KnowledgeBase::embedded();
        let names: Vec<String> = kb.entries.iter().map(|e| e.name.to_ascii_lowercase()).collect();
        let strings = || names.iter().enumerate().map(|(i, n)| (n.as_bytes(), i as u32));
        let (tables, lists) = (Trie::build(strings()), Trie::build_capped(strings(), 1));
        assert!(tables.lists.is_empty() && !lists.lists.is_empty());
        assert_eq!(lists.tables.len(), 256, "only the root has a table");
        let text: String = names.iter().map(|n| format!("{n}s, {n}x and ")).collect();
        let found = |t: &Trie| {
            (0..text.len()).filter_map(|s| t.longest_at(text.as_bytes(), s)).collect::<Vec<_>>()
        };
        assert_eq!(found(&tables), found(&lists));
        assert!(!found(&lists).is_empty());
    }

    #[test]
    fn a_stored_trie_reads_back_as_it_was() {
        let (kb, _) = crate::base::KnowledgeBase::embedded();
        let names: Vec<String> = kb.entries.iter().map(|e| e.name.to_ascii_lowercase()).collect();
        let strings = || names.iter().enumerate().map(|(i, n)| (n.as_bytes(), i as u32));
        for trie in [Trie::build(strings()), Trie::build_capped(strings(), 1)] {
            let bytes = postcard::to_allocvec(&trie).unwrap();
            assert_eq!(postcard::from_bytes::<Trie>(&bytes).ok().as_ref(), Some(&trie));
            let mut broken = trie.clone();
            let inline = broken.nodes.iter().position(|n| n.table == NONE && n.kids[0] != 0);
            broken.nodes[inline.unwrap()].kids[0] = broken.nodes.len() as u32;
            let bytes = postcard::to_allocvec(&broken).unwrap();
            assert!(postcard::from_bytes::<Trie>(&bytes).is_err());
        }
    }

    /// The longest of `names` that the text at `s` starts with (ASCII case aside), the first
    /// of equal ones: what a walk of the trie must find, run by run.
    #[test]
    fn the_walk_finds_the_longest_name_at_each_byte() {
        let (kb, _) = crate::base::KnowledgeBase::embedded();
        let mut names: Vec<String> =
            kb.entries.iter().map(|e| e.name.to_ascii_lowercase()).collect();
        names.extend(["a", "ab", "abc", "abcdef", "b"].map(String::from));
        let trie = Trie::build(names.iter().enumerate().map(|(i, n)| (n.as_bytes(), i as u32)));
        assert!(trie.runs.len() > trie.nodes.len(), "chains are folded into runs");
        let text: String = names
            .iter()
            .map(|n| format!("{n}s, {} and {n}", n[..n.len() / 2].to_uppercase()))
            .collect();
        let text = format!("{text} abcde abcdefg ab");
        let lower = text.to_ascii_lowercase();
        for s in 0..text.len() {
            let reference = names
                .iter()
                .enumerate()
                .filter(|(_, n)| lower.as_bytes()[s..].starts_with(n.as_bytes()))
                .max_by_key(|(i, n)| (n.len(), std::cmp::Reverse(*i)))
                .map(|(i, n)| (s + n.len(), i as u32));
            assert_eq!(trie.longest_at(text.as_bytes(), s), reference, "at {s}");
        }
    }
}
