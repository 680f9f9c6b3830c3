//! Cue phrases: the vocabulary's lists (births, deaths, foundings, endings, appointments,
//! negations) and each event's own `cues`, prepared once per base (`CuePhrases`, kept in
//! `Prepared`) and found in a sentence in one pass over its words (`SentenceCues`, worked out
//! once per sentence and shared by the date checks).

use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};

use super::words::{is_be, is_have, is_modal, is_past_form, names_an_act};
use super::SentenceCtx;
use crate::base::{Entry, EntryId, Kind, KnowledgeBase};
use crate::text::sentences::{possessive_base, TokKind};

/// The vocabulary lists a check may ask for (in the order `CuePhrases::build` numbers them).
#[derive(Clone, Copy)]
pub(crate) enum CueList {
    Born = 0,
    Died,
    Founded,
    Dissolved,
    Began,
    Ended,
    Appointed,
    Negation,
}

/// The number of `CueList`s: the happening types' lists are numbered after them, and events'
/// own cues after those.
const VOCABULARY_LISTS: u32 = 8;

/// The list id of a happening type (its position in `CuePhrases::happening_types`).
fn happening_list(k: usize) -> u32 {
    VOCABULARY_LISTS + k as u32
}

/// An event whose actors and cues name it ("Nikolaev shot Kirov").
pub(crate) fn cued_event(e: &Entry) -> bool {
    e.kind == Kind::Event && !e.cues.is_empty() && !e.actors.is_empty()
}

/// A phrase under its first word: the list it belongs to, and the words after the first.
type PhraseTail = (u32, Box<[Box<str>]>);
/// A phrase no word can be looked up by: its list, its first word's stem (`None` for "n't"), its
/// words.
type OpenPhrase = (u32, Option<Box<str>>, Box<[Box<str>]>);

/// The base's cue phrases, each under its first word, so that a sentence is read in one pass
/// over its words, whatever the number of phrases; and the vocabulary's word sets.
pub(crate) struct CuePhrases {
    /// A phrase's first word to the phrases starting with it.
    by_first: FxHashMap<String, Vec<PhraseTail>>,
    /// Per first byte, the lengths (bit `len`, 63 for longer) of the words `by_first` holds:
    /// most words of a sentence are ruled out before hashing.
    heads: Box<[u64; 256]>,
    /// Phrases whose first word is a stem (`*`) or "n't", which no word can be looked up by,
    /// tried at every word.
    open: Vec<OpenPhrase>,
    /// The vocabulary's `verbs`, `posthumous` and `non_agent_before` (for the anachronism check).
    pub(crate) verbs: FxHashSet<String>,
    pub(crate) posthumous: FxHashSet<String>,
    pub(crate) non_agent_before: FxHashSet<String>,
    /// First words of the lists whose phrases are verbs (`began`, `ended`, `founded`,
    /// `dissolved`, `died`, `appointed`): verbs unless they read as nouns.
    cue_heads: FxHashSet<String>,
    /// The vocabulary's happening types, in the order their lists are numbered.
    pub(crate) happening_types: Vec<String>,
    /// Per person, the names of other entries written as that person's possessive and the words
    /// after it ("Lenin's arrival at the Finland Station": lenin -> "arrival at the finland
    /// station"), for "his arrival at the Finland Station" when "his" is Lenin.
    pub(crate) possessed: FxHashMap<EntryId, Vec<(Vec<String>, EntryId)>>,
}

impl CuePhrases {
    pub(crate) fn build(kb: &KnowledgeBase) -> CuePhrases {
        let v = &kb.vocab;
        let mut phrases = CuePhrases {
            by_first: FxHashMap::default(),
            heads: Box::new([0; 256]),
            open: Vec::new(),
            verbs: v.verbs.iter().cloned().collect(),
            posthumous: v.posthumous.iter().cloned().collect(),
            non_agent_before: v.non_agent_before.iter().cloned().collect(),
            cue_heads: FxHashSet::default(),
            happening_types: v.happenings.keys().cloned().collect(),
            possessed: possessed_names(kb),
        };
        let lists = [
            &v.born,
            &v.died,
            &v.founded,
            &v.dissolved,
            &v.began,
            &v.ended,
            &v.appointed,
            &v.negations,
        ];
        for (k, list) in lists.iter().enumerate() {
            for p in list.iter() {
                phrases.add(k as u32, p);
            }
        }
        for (k, words) in v.happenings.values().enumerate() {
            for p in words {
                phrases.add(happening_list(k), p);
            }
        }
        let first_event = happening_list(v.happenings.len());
        for (id, e) in kb.entries.iter().enumerate() {
            if cued_event(e) {
                for p in &e.cues {
                    phrases.add(first_event + id as u32, p);
                }
            }
        }
        for list in [&v.began, &v.ended, &v.founded, &v.dissolved, &v.died, &v.appointed] {
            for p in list.iter() {
                phrases.cue_heads.insert(p.split(' ').next().unwrap_or("").to_string());
            }
        }
        phrases
    }

    /// The phrases starting with the word `w`, if any.
    fn starting(&self, w: &str) -> Option<&[PhraseTail]> {
        let b = *w.as_bytes().first()?;
        if self.heads[usize::from(b)] & (1 << w.len().min(63)) == 0 {
            return None;
        }
        self.by_first.get(w).map(Vec::as_slice)
    }

    fn add(&mut self, list: u32, p: &str) {
        // A phrase starting with a space matches nowhere (its first word is empty).
        let first = p.split(' ').next().unwrap_or("");
        let words: Vec<Box<str>> = p.split(' ').filter(|w| !w.is_empty()).map(Box::from).collect();
        if let Some(stem) = first.strip_suffix('*') {
            self.open.push((list, Some(stem.into()), words.into()));
        } else if first == "n't" {
            self.open.push((list, None, words.into()));
        } else if !first.is_empty() {
            self.heads[usize::from(first.as_bytes()[0])] |= 1 << first.len().min(63);
            self.by_first.entry(first.to_string()).or_default().push((list, words[1..].into()));
        }
    }

    /// A verb form: an auxiliary, a regular past, or a verb of the vocabulary.
    pub(crate) fn is_verb(&self, w: &str) -> bool {
        if is_modal(w) || is_have(w) || is_be(w) || (is_past_form(w) && w != "born") {
            return true;
        }
        self.verbs.contains(w) || (self.cue_heads.contains(w) && !names_an_act(w))
    }
}

/// Do a phrase's words (lower case, `*` a suffix wildcard) stand from token `i`? Returns the
/// end. The last word may be a possessive ("Lenin's death").
fn words_end(ctx: &SentenceCtx, i: usize, parts: &[Box<str>]) -> Option<usize> {
    let s = &ctx.sentence;
    let mut j = i;
    for (k, p) in parts.iter().enumerate() {
        if j >= s.toks.len() {
            return None;
        }
        let w = s.word(j);
        let last = k + 1 == parts.len();
        let ok = if let Some(stem) = p.strip_suffix('*') {
            w.starts_with(stem) && s.toks[j].kind == TokKind::Word
        } else if last && &**p == "n't" {
            w.ends_with("n't") || w.ends_with("n’t")
        } else {
            w == &**p || (last && possessive_base(w) == &**p)
        };
        if !ok {
            return None;
        }
        j += 1;
    }
    Some(j)
}

/// Where the cue phrases of each list occur in one sentence.
pub(crate) struct SentenceCues<'a> {
    phrases: &'a CuePhrases,
    /// Every occurrence's list, sorted; `ranges` holds the occurrences in the same order (by
    /// start within a list, the longest phrase at each start).
    keys: Vec<u32>,
    ranges: Vec<Range<usize>>,
}

impl<'a> SentenceCues<'a> {
    pub(crate) fn find(ctx: &SentenceCtx<'a>) -> SentenceCues<'a> {
        let phrases = ctx.cue_phrases;
        let s = &ctx.sentence;
        let mut hits: Vec<(u32, usize, usize)> = Vec::new();
        for i in 0..s.toks.len() {
            let w = s.word(i);
            if let Some(ps) = phrases.starting(w) {
                for (k, rest) in ps {
                    if let Some(e) = words_end(ctx, i + 1, rest) {
                        hits.push((*k, i, e));
                    }
                }
            }
            // A possessive ("Lenin's") matches a one-word phrase by its base (a possessive ends
            // in "s" or an apostrophe, whose last byte in "’" is 0x99).
            let b = if matches!(w.as_bytes().last(), Some(b's' | b'\'' | 0x99)) {
                possessive_base(w)
            } else {
                w
            };
            if b.len() != w.len() {
                if let Some(ps) = phrases.starting(b) {
                    hits.extend(
                        ps.iter().filter(|(_, rest)| rest.is_empty()).map(|(k, _)| (*k, i, i + 1)),
                    );
                }
            }
            for (k, stem, words) in &phrases.open {
                let head = match stem {
                    Some(stem) => w.starts_with(&**stem),
                    None => w.ends_with("n't") || w.ends_with("n’t"),
                };
                if head {
                    if let Some(e) = words_end(ctx, i, words) {
                        hits.push((*k, i, e));
                    }
                }
            }
        }
        // Longest first at each start, one per start.
        hits.sort_unstable_by_key(|&(k, start, end)| (k, start, std::cmp::Reverse(end)));
        hits.dedup_by(|b, a| a.0 == b.0 && a.1 == b.1);
        SentenceCues {
            phrases,
            keys: hits.iter().map(|h| h.0).collect(),
            ranges: hits.into_iter().map(|h| h.1..h.2).collect(),
        }
    }

    fn list(&self, k: u32) -> &[Range<usize>] {
        let lo = self.keys.partition_point(|&x| x < k);
        let hi = lo + self.keys[lo..].partition_point(|&x| x == k);
        &self.ranges[lo..hi]
    }

    /// Where a list's phrases occur in the sentence.
    pub(crate) fn of(&self, which: CueList) -> &[Range<usize>] {
        self.list(which as u32)
    }

    /// Where an event's own cues (`cues` in the data) occur in the sentence (for events with
    /// actors).
    pub(crate) fn of_event(&self, id: EntryId) -> &[Range<usize>] {
        self.list(happening_list(self.phrases.happening_types.len()) + id as u32)
    }

    /// Where the words of each happening type occur: (type, range), the longest phrase at each
    /// place ("expelled from the Soviet Union" is a deportation, not also an expulsion).
    /// `aimed` says whether a phrase that ends in its target's preposition ("shot at") has a
    /// target after it: "shot at Yekaterinburg" is no attempt but "shot" in a place.
    pub(crate) fn happenings(
        &self,
        aimed: impl Fn(&Range<usize>) -> bool,
    ) -> Vec<(&'a str, Range<usize>)> {
        let mut out: Vec<(&'a str, Range<usize>)> = Vec::new();
        for (k, t) in self.phrases.happening_types.iter().enumerate() {
            for r in self.list(happening_list(k)) {
                if !aimed(r) {
                    continue;
                }
                out.push((t.as_str(), r.clone()));
            }
        }
        let longest: Vec<Range<usize>> = out.iter().map(|x| x.1.clone()).collect();
        out.retain(|(_, r)| {
            !longest.iter().any(|o| o.start <= r.start && r.end <= o.end && o.len() > r.len())
        });
        out
    }

    /// A verb form: an auxiliary, a regular past, or a verb of the vocabulary.
    pub(crate) fn is_verb(&self, w: &str) -> bool {
        self.phrases.is_verb(w)
    }

    /// Does a cue phrase of any list start at token `i`?
    pub(crate) fn starts_a_cue(&self, i: usize) -> bool {
        self.ranges.iter().any(|r| r.start == i)
    }
}

/// Every name of the form "<a person's name>'s <words>" (an alias of another entry), by that
/// person: the words, lower case, and the entry they name.
fn possessed_names(kb: &KnowledgeBase) -> FxHashMap<EntryId, Vec<(Vec<String>, EntryId)>> {
    let mut out: FxHashMap<EntryId, Vec<(Vec<String>, EntryId)>> = FxHashMap::default();
    for (id, e) in kb.entries.iter().enumerate() {
        for written in std::iter::once(&e.name).chain(e.aliases.iter()) {
            let lower = written.to_lowercase().replace('’', "'");
            let Some((owner, rest)) = lower.split_once("'s ") else { continue };
            let whole = kb.index.find_all(owner);
            let person = match whole.as_slice() {
                [m] if m.range == (0..owner.len()) => m.entry,
                _ => continue,
            };
            if person == id || kb.entries[person].kind != Kind::Person {
                continue;
            }
            let words: Vec<String> = rest.split_whitespace().map(str::to_string).collect();
            let list = out.entry(person).or_default();
            if !words.is_empty() && !list.iter().any(|(w, x)| *w == words && *x == id) {
                list.push((words, id));
            }
        }
    }
    out
}
