//! The vocabulary's phrase lists the check reads (meta markers, hedges, negations and the
//! stance lists of `[vocab.stance]`) as phrases, with one table from a word to the phrases of
//! every list it may start: most words of a sentence start none, and cost one look-up for all
//! the lists.

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::index::NO_STEM;
use crate::text::sentences::{has_prefix, possessive_base, Sentence, TokKind};
use crate::text::stopwords::FUNCTION_WORDS;

/// One word of a vocabulary phrase, read once (`Phrases::match_from` matches it).
pub(super) enum PhraseWord {
    /// `...`: up to three words.
    Gap,
    /// `word*`: a word that starts so.
    Prefix(String),
    /// "n't" as the last word: a word that ends so ("didn't").
    Nt,
    /// The word (by its id in `MarkerLists::words`); as the last word of the phrase, also with a
    /// possessive ("Lenin's").
    Exact { word: u32, last: bool },
}

/// A vocabulary list, split into words once, matched like `Sentence::phrase_at` (whole words,
/// `*` suffix wildcard, a possessive allowed on the last word, "n't" as a word ending).
#[derive(Default)]
pub(super) struct Phrases {
    pub(super) list: Vec<Vec<PhraseWord>>,
    /// For each phrase, its second word when the first is a word and the second a whole word
    /// (id, last): a token after the first word that is not it rules the phrase out at once.
    pub(super) second: Vec<Option<(u32, bool)>>,
    /// Phrases whose first word is a wildcard, and "n't": tried wherever their first word
    /// matches. The others are found through `MarkerLists::words` by their first word.
    pub(super) other: Vec<usize>,
}

impl Phrases {
    /// Does token `j` (`t` is what the vocabulary knows of it) match the phrase word? A gap
    /// matches anything here.
    pub(super) fn word_ok(s: &Sentence, t: &KnownToken, j: usize, p: &PhraseWord) -> bool {
        match p {
            PhraseWord::Gap => true,
            PhraseWord::Prefix(x) => s.toks[j].kind == TokKind::Word && has_prefix(s.word(j), x),
            PhraseWord::Nt => t.nt,
            // Every word of the vocabulary has its id: the same id is the same word.
            PhraseWord::Exact { word, last } => t.ids[0] == *word || (*last && t.ids[1] == *word),
        }
    }

    /// Matches `parts` from token `j`: the token index after the longest match. A part `...`
    /// skips up to three words ("made ... possible" covers "made Stalin's dictatorship
    /// possible"), never punctuation.
    pub(super) fn match_from(
        s: &Sentence,
        tw: &KnownTokens,
        mut j: usize,
        parts: &[PhraseWord],
    ) -> Option<usize> {
        for (k, p) in parts.iter().enumerate() {
            if let PhraseWord::Gap = p {
                let rest = &parts[k + 1..];
                return (0..=3)
                    .take_while(|&g| {
                        g == 0 || (j + g <= s.toks.len() && s.toks[j + g - 1].kind == TokKind::Word)
                    })
                    .filter_map(|g| Self::match_from(s, tw, j + g, rest))
                    .max();
            }
            if j >= s.toks.len() || !Self::word_ok(s, &tw.toks[j], j, p) {
                return None;
            }
            j += 1;
        }
        Some(j)
    }
}

/// The vocabulary lists a sentence is read against, indices into `MarkerLists::lists` (in the
/// order `MarkerLists::new` is given them; `List::ALL` names them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum List {
    Meta,
    Hedges,
    Negations,
    Continuity,
    ContinuityLinks,
    Rupture,
    RuptureLinks,
    Likeness,
    Contrast,
    CausesBefore,
    CausesAfter,
    Harsh,
    Mild,
    Concessions,
    Adversatives,
    ConcessionHedges,
    Unasserted,
    Attributions,
    Anaphors,
    LeninWords,
}

impl List {
    pub(super) const COUNT: usize = 20;

    pub(super) fn bit(self) -> u32 {
        1 << self as u32
    }
}

/// What the vocabulary knows of a word: any word of its phrases, the function words and the
/// words of the arguments' texts.
pub(super) struct WordInfo {
    pub(super) id: u32,
    /// The phrases of several words that may start at the word (by their first word): list and
    /// phrase index, by list.
    pub(super) starts: Vec<(u8, u32)>,
    /// Bit `k` set: the word alone is a phrase of list `k` (a token matches it also with a
    /// possessive).
    pub(super) single: u32,
    /// Bit `k` set: the word may start a phrase of list `k` (`single`, or `starts` has one).
    pub(super) lists: u32,
    /// The word's stem id as a piece of a sentence (`Index::stem_ids`, `NO_STEM`).
    pub(super) stem: u32,
}

impl WordInfo {
    pub(super) fn new(id: u32) -> WordInfo {
        WordInfo { id, starts: Default::default(), single: 0, lists: 0, stem: NO_STEM }
    }
}

/// The lists, with one table from a word to the phrases of every list that it may start: most
/// words of a sentence start none, and cost one lookup for all the lists.
#[derive(Default)]
pub(super) struct MarkerLists {
    pub(super) lists: Vec<Phrases>,
    /// The words while the index is built; `finish` moves them into `table`.
    pub(super) words: FxHashMap<Box<str>, WordInfo>,
    table: WordTable,
    /// The lists that have "n't" alone as a phrase (in `Phrases::other`), as bits.
    pub(super) nt_lists: u32,
    /// The other phrases of `Phrases::other` (a wildcard first): list and phrase.
    pub(super) prefixed: Vec<(usize, usize)>,
}

/// The words of `MarkerLists::words` once complete, for the look-ups of every token of every
/// sentence: a word of up to seven bytes (most words) is found by its bytes packed in a number,
/// with no string stored elsewhere in memory to compare.
#[derive(Default)]
struct WordTable {
    infos: Vec<WordInfo>,
    short: FxHashMap<u64, u32>,
    long: FxHashMap<Box<str>, u32>,
}

/// A word of up to seven bytes as a number: its bytes, then its length in the last byte.
fn packed(w: &str) -> Option<u64> {
    let b = w.as_bytes();
    if b.len() > 7 {
        return None;
    }
    let mut k = [0u8; 8];
    k[..b.len()].copy_from_slice(b);
    k[7] = b.len() as u8;
    Some(u64::from_le_bytes(k))
}

impl WordTable {
    fn get(&self, w: &str) -> Option<&WordInfo> {
        let at = match packed(w) {
            Some(k) => self.short.get(&k),
            None => self.long.get(w),
        };
        at.and_then(|&i| self.infos.get(i as usize))
    }
}

/// A token's `WordInfo::id` when the vocabulary does not have the word.
pub(super) const NO_WORD: u32 = u32::MAX;

/// What the vocabulary knows of a token of a sentence.
pub(super) struct KnownToken<'a> {
    /// Of the word, and of its possessive base when that differs ("lenin's" -> "lenin").
    pub(super) info: [Option<&'a WordInfo>; 2],
    /// Their ids, `NO_WORD` when unknown.
    pub(super) ids: [u32; 2],
    /// The word ends in "n't".
    pub(super) nt: bool,
    /// The word has a possessive ending ("lenin's").
    pub(super) possessive: bool,
    /// Bit `k` set: a phrase of list `k` may start at the token.
    pub(super) may: u32,
}

pub(super) struct KnownTokens<'a> {
    pub(super) toks: Vec<KnownToken<'a>>,
    /// The lists with a phrase that may start somewhere in the sentence, as bits.
    pub(super) may: u32,
}

impl MarkerLists {
    /// The lists in the order of `List::ALL`.
    pub(super) fn new(srcs: [&[String]; List::COUNT]) -> MarkerLists {
        let mut out = MarkerLists::default();
        out.lists.resize_with(List::COUNT, Phrases::default);
        fn word(words: &mut FxHashMap<Box<str>, WordInfo>, w: &str) -> u32 {
            let id = words.len() as u32;
            words.entry(w.into()).or_insert_with(|| WordInfo::new(id)).id
        }
        for (k, src) in srcs.into_iter().enumerate() {
            for p in src {
                let words: Vec<&str> = p.split_whitespace().collect();
                let Some(&first) = words.first() else { continue };
                let n = words.len();
                let i = out.lists[k].list.len();
                if first.ends_with('*') || (n == 1 && first == "n't") {
                    out.lists[k].other.push(i);
                } else {
                    word(&mut out.words, first);
                    let e = out.words.get_mut(first).expect("just added");
                    if n == 1 && first != "..." {
                        e.single |= 1 << k;
                    } else {
                        e.starts.push((k as u8, i as u32));
                    }
                    e.lists |= 1 << k;
                }
                let parts: Vec<PhraseWord> = words
                    .iter()
                    .enumerate()
                    .map(|(j, &p)| {
                        let last = j + 1 == n;
                        if p == "..." {
                            PhraseWord::Gap
                        } else if let Some(x) = p.strip_suffix('*') {
                            PhraseWord::Prefix(x.to_string())
                        } else if last && p == "n't" {
                            PhraseWord::Nt
                        } else {
                            PhraseWord::Exact { word: word(&mut out.words, p), last }
                        }
                    })
                    .collect();
                let second = match parts[..] {
                    [PhraseWord::Exact { .. }, PhraseWord::Exact { word, last }, ..] => {
                        Some((word, last))
                    }
                    _ => None,
                };
                out.lists[k].second.push(second);
                out.lists[k].list.push(parts);
            }
        }
        // Function words have their entry too: cues use them ("Lenin did not"), and a known
        // word's stem is found by the same look-up.
        for w in FUNCTION_WORDS {
            word(&mut out.words, w);
        }
        // A list's phrases from a word, together: `longest` reads only those of its list.
        for e in out.words.values_mut() {
            e.starts.sort_by_key(|&(k, _)| k);
        }
        for (k, l) in out.lists.iter().enumerate() {
            for &p in &l.other {
                match l.list[p][0] {
                    PhraseWord::Nt => out.nt_lists |= 1 << k,
                    _ => out.prefixed.push((k, p)),
                }
            }
        }
        out
    }

    /// Moves the words, now complete, into the table that sentences look them up in.
    pub(super) fn finish(&mut self) {
        let mut table = WordTable::default();
        for (w, info) in self.words.drain() {
            let i = table.infos.len() as u32;
            table.infos.push(info);
            match packed(&w) {
                Some(k) => table.short.insert(k, i),
                None => table.long.insert(w, i),
            };
        }
        self.table = table;
    }

    pub(super) fn tok_words<'a>(&'a self, s: &Sentence) -> KnownTokens<'a> {
        let toks: Vec<KnownToken> = (0..s.toks.len()).map(|i| self.tok_word(s, i)).collect();
        let may = toks.iter().fold(0, |m, t| m | t.may);
        KnownTokens { toks, may }
    }

    /// What the vocabulary knows of token `i` (it depends on that token alone): the `i`th of
    /// `tok_words`.
    #[inline]
    pub(super) fn tok_word<'a>(&'a self, s: &Sentence, i: usize) -> KnownToken<'a> {
        let w = s.word(i);
        // Every possessive ending ends so: most words need no second look.
        let base = if matches!(w.as_bytes().last(), Some(b's' | b'\'' | 0x99)) {
            possessive_base(w)
        } else {
            w
        };
        let info =
            [self.table.get(w), if base.len() != w.len() { self.table.get(base) } else { None }];
        let ids = info.map(|e| e.map_or(NO_WORD, |e| e.id));
        let may = info.iter().flatten().fold(0, |m, e| m | e.lists);
        let nt = w.ends_with("n't") || w.ends_with("n’t");
        let mut t = KnownToken {
            info,
            ids,
            nt,
            possessive: base.len() != w.len(),
            may: if nt { may | self.nt_lists } else { may },
        };
        for &(k, p) in &self.prefixed {
            // A list already possible here needs no second phrase to say so.
            if t.may & (1 << k) == 0 && Phrases::word_ok(s, &t, i, &self.lists[k].list[p][0]) {
                t.may |= 1 << k;
            }
        }
        t
    }

    /// The longest phrase of list `list` starting at token `i`: the token index after it.
    #[inline(always)]
    pub(super) fn at(&self, list: List, s: &Sentence, tw: &KnownTokens, i: usize) -> Option<usize> {
        if tw.toks[i].may & list.bit() == 0 {
            return None;
        }
        self.longest(list as usize, s, tw, i)
    }

    /// Every phrase of `list` in the sentence, left to right, longest first where they overlap:
    /// token ranges.
    pub(super) fn find(&self, list: List, s: &Sentence, tw: &KnownTokens) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        if tw.may & list.bit() == 0 {
            return out;
        }
        let mut i = 0;
        while i < s.toks.len() {
            match self.at(list, s, tw, i) {
                Some(end) => {
                    out.push(i..end);
                    i = end;
                }
                None => i += 1,
            }
        }
        out
    }

    fn longest(&self, k: usize, s: &Sentence, tw: &KnownTokens, i: usize) -> Option<usize> {
        let l = &self.lists[k];
        let t = &tw.toks[i];
        // A single word is matched by the lookup that found it (of the word or of its base).
        let single = t.info.iter().flatten().any(|e| e.single & (1 << k) != 0)
            || (t.nt && self.nt_lists & (1 << k) != 0);
        let mut best = single.then_some(i + 1);
        let next = tw.toks.get(i + 1);
        for e in t.info.iter().flatten() {
            let from = e.starts.partition_point(|&(pk, _)| (pk as usize) < k);
            for &(_, p) in e.starts[from..].iter().take_while(|&&(pk, _)| pk as usize == k) {
                let p = p as usize;
                if let Some((id, last)) = l.second[p] {
                    if !next.is_some_and(|n| n.ids[0] == id || (last && n.ids[1] == id)) {
                        continue;
                    }
                }
                best = best.max(Phrases::match_from(s, tw, i, &l.list[p]));
            }
        }
        for &(lk, p) in &self.prefixed {
            if lk == k {
                best = best.max(Phrases::match_from(s, tw, i, &l.list[p]));
            }
        }
        best
    }

    pub(super) fn any(&self, list: List, s: &Sentence, tw: &KnownTokens) -> bool {
        tw.may & list.bit() != 0 && (0..s.toks.len()).any(|i| self.at(list, s, tw, i).is_some())
    }
}
