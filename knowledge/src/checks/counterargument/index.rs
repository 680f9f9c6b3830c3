//! What the check builds from a base, once: the arguments' cues as stems with their weights
//! (BM25 inverse document frequency over the arguments), the claims' content words, the phrase
//! lists, which side each entry stands on, and each argument written out as a counterpoint.

use std::collections::{HashMap, HashSet};

use rustc_hash::FxHashMap;

use super::document::{citation, full_source, gist, however, HintLines};
use super::markers::{List, MarkerLists, WordInfo};
use super::sides::Sides;
use super::{B, CLAIM_WORD, PHRASE_BOOST, PREDICATE_IDF, SPECIFIC_DF};
use crate::base::{KnowledgeBase, Stance, Vocab};
use crate::text::sentences::{possessive_base, tokenize, TokKind};
use crate::text::stem::{stem, stem_ascii, stem_uncached};
use crate::text::stopwords::{is_function_word, FUNCTION_WORDS};

/// Stems of everyday verbs and words that do not make a phrase specific ("led to", "had to").
/// The names of the debate's sides do not either (`Index::side_stems`).
pub(super) const LIGHT: &[&str] = &[
    "led", "lead", "had", "hav", "mak", "mad", "set", "put", "carri", "carry", "get", "got", "go",
    "went", "com", "came", "tak", "took", "giv", "gav", "given", "use", "us", "far", "much",
    "never", "did", "just", "whol", "own", "new", "old", "member", "peopl",
];

/// One word of a cue: a stem, or a prefix for a cue word written with a trailing `*`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(super) enum CueWord {
    Stem(String),
    Prefix(String),
}

/// A `CueWord` as matched against a sentence: a stem by its id in `Index::stem_ids`.
#[derive(Clone, Debug)]
pub(super) enum CuePattern {
    Stem(u32),
    Prefix(String),
}

pub(super) fn cue_parts(cue: &str) -> Vec<CueWord> {
    let mut out = Vec::new();
    for piece in cue.split_whitespace() {
        if let Some(p) = piece.strip_suffix('*') {
            out.push(CueWord::Prefix(p.to_lowercase()));
            continue;
        }
        for t in tokenize(piece) {
            if t.kind == TokKind::Punct {
                continue;
            }
            let w = &piece[t.range];
            for sub in w.split('-').filter(|x| !x.is_empty()) {
                out.push(CueWord::Stem(stem(sub)));
            }
        }
    }
    out
}

pub(super) struct ArgumentCue {
    /// Its words, stems by their id in `Index::stem_ids`.
    pub(super) parts: Vec<CuePattern>,
    /// Arguments listing this cue, ascending.
    pub(super) args: Vec<usize>,
    /// BM25 inverse document frequency times the phrase boost.
    pub(super) weight: f32,
    pub(super) idf: f32,
    pub(super) specific: bool,
    /// Shows what a sentence argues: not a name, not common to many arguments, not only function
    /// words ("Lenin never").
    pub(super) predicate: bool,
    /// The side of every argument that lists it, if they agree.
    pub(super) stance: Option<Stance>,
    /// Only function words and names ("Lenin did not"): half weight, not a distinct cue.
    pub(super) weak: bool,
    /// The cue is just a name of something in the fact base ("Cheka", "Five-Year Plan"): it
    /// shows what a sentence is about, not what it argues.
    pub(super) topic: bool,
}

pub(crate) struct Index {
    pub(super) cues: Vec<ArgumentCue>,
    /// The stems of the cues and of the claims' content words, numbered: a sentence word whose
    /// stem is not here matches no cue and no claim word, and the others compare as numbers.
    pub(super) stem_ids: FxHashMap<Box<[u8]>, u32>,
    /// Cues by their first stem (by stem id), each with the stem its second word has
    /// (`ANY_NEXT` for a cue of one word or with a prefix second): most cues that start at a
    /// word are ruled out by the two words after it, without reading the cue.
    pub(super) by_first: Vec<Vec<(usize, u32)>>,
    /// Cues whose first word is a prefix pattern.
    pub(super) by_prefix: Vec<usize>,
    /// BM25 length normalisation per argument.
    pub(super) norm: Vec<f32>,
    /// Content stems of each argument's `claim` (by stem id): the arguments, ascending, with the
    /// word's weight.
    pub(super) claim_words: Vec<Vec<(usize, f32)>>,
    /// Which side each entry, day and name stands on.
    pub(super) sides: Sides,
    /// The vocabulary's phrase lists: meta markers, hedges, negations, `[vocab.stance]`.
    pub(super) lists: MarkerLists,
    /// Each argument as a counterpoint reads (formatted once, since every re-check of a document
    /// states them again): its one-line gist and its full source ("Service, Bullock; essays
    /// 000, 002") ...
    pub(super) gists: Vec<String>,
    pub(super) sources: Vec<String>,
    /// ... and its quick-fix sentences: "However, ... (historians). Evidence." and "Evidence
    /// (full source).".
    pub(super) however: Vec<String>,
    pub(super) citation: Vec<String>,
    /// ... and the lines of its hint: "Counterpoint (side, theme): gist", its own related
    /// lines (claim, evidence, source), and the line it adds as another's alternative.
    pub(super) hints: Vec<HintLines>,
}

/// Is the stem a side's own name ("lenin", "stalin")? Like the everyday words of `LIGHT`, it
/// does not make a phrase specific.
fn is_side_name(kb: &KnowledgeBase, stem_: &str) -> bool {
    kb.vocab.debate_sides.iter().flatten().any(|id| stem(id) == stem_)
}

/// Is the (lower-case) cue wholly a name in the fact base, in some capitalisation?
pub(super) fn is_name(kb: &KnowledgeBase, cue: &str) -> bool {
    let title: String = cue
        .split(' ')
        .map(|w| {
            let mut cs = w.chars();
            cs.next().map(|c| c.to_uppercase().chain(cs).collect::<String>()).unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ");
    [cue.to_string(), title, cue.to_uppercase()]
        .iter()
        .any(|v| kb.index.find_all(v).iter().any(|m| m.range == (0..v.len())))
}

pub(super) fn idf(n: usize, df: usize) -> f32 {
    let (n, df) = (n as f32, df as f32);
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

impl Index {
    pub(super) fn build(kb: &KnowledgeBase) -> Index {
        let n = kb.arguments.len();
        let distinct = DistinctCues::collect(kb);
        let stemmed = argument_stems(kb);
        let docs = ArgumentDocs::new(&stemmed);
        let mut stem_ids: FxHashMap<Box<[u8]>, u32> = FxHashMap::default();
        let mut cues = Vec::new();
        let mut by_first: Vec<Vec<(usize, u32)>> = Vec::new();
        let mut by_prefix = Vec::new();
        let DistinctCues { mut by_parts, order, topics, per_argument } = distinct;
        for parts in order {
            let args = by_parts.remove(&parts).unwrap_or_default();
            let topic = topics.contains(&parts);
            let cue = ArgumentCue::weigh(kb, &docs, &mut stem_ids, &parts, args, topic);
            match cue.parts[0] {
                CuePattern::Stem(id) => {
                    let id = id as usize;
                    if by_first.len() <= id {
                        by_first.resize_with(id + 1, Vec::new);
                    }
                    let next = match cue.parts.get(1) {
                        Some(CuePattern::Stem(next)) => *next,
                        _ => ANY_NEXT,
                    };
                    by_first[id].push((cues.len(), next));
                }
                CuePattern::Prefix(_) => by_prefix.push(cues.len()),
            }
            cues.push(cue);
        }
        let avg = (per_argument.iter().sum::<usize>() as f32 / n.max(1) as f32).max(1.0);
        let norm = per_argument.iter().map(|&c| 1.0 - B + B * c as f32 / avg).collect();
        let mut claim_words = claim_words(kb, &mut stem_ids);
        // Every known stem has its (maybe empty) entries.
        by_first.resize_with(stem_ids.len(), Vec::new);
        claim_words.resize_with(stem_ids.len(), Vec::new);
        let v = &kb.vocab;
        let negations: Vec<String> =
            v.negations.iter().chain(&v.stance.negations).cloned().collect();
        let mut lists = MarkerLists::new(list_sources(v, &negations));
        add_argument_words(kb, &mut lists, &stem_ids);
        lists.finish();
        Index {
            cues,
            stem_ids,
            by_first,
            by_prefix,
            norm,
            claim_words,
            sides: Sides::build(kb),
            lists,
            gists: kb.arguments.iter().map(gist).collect(),
            sources: kb.arguments.iter().map(|a| full_source(kb, a)).collect(),
            however: kb.arguments.iter().map(|a| however(kb, a)).collect(),
            citation: kb.arguments.iter().map(|a| citation(kb, a)).collect(),
            hints: Vec::new(),
        }
        .with_hint_lines(kb)
    }
}

/// The vocabulary's lists in the order of `List` (the stance reading's negations join the
/// vocabulary's).
fn list_sources<'a>(v: &'a Vocab, negations: &'a [String]) -> [&'a [String]; List::COUNT] {
    let st = &v.stance;
    [
        &v.meta_markers,
        &v.hedges,
        negations,
        &st.continuity,
        &st.continuity_links,
        &st.rupture,
        &st.rupture_links,
        &st.likeness,
        &st.contrast,
        &st.causes_before,
        &st.causes_after,
        &st.harsh,
        &st.mild,
        &st.concessions,
        &st.adversatives,
        &st.concession_hedges,
        &st.unasserted,
        &st.attributions,
        &st.anaphors,
        &st.lenin_words,
    ]
}

/// The arguments' cues, each once (as stems), in the order first listed, with the arguments
/// that list each.
struct DistinctCues {
    by_parts: HashMap<Vec<CueWord>, Vec<usize>>,
    order: Vec<Vec<CueWord>>,
    /// Cues that are only a name in the fact base.
    topics: HashSet<Vec<CueWord>>,
    /// How many distinct cues each argument lists.
    per_argument: Vec<usize>,
}

impl DistinctCues {
    fn collect(kb: &KnowledgeBase) -> DistinctCues {
        let mut out = DistinctCues {
            by_parts: HashMap::new(),
            order: Vec::new(),
            topics: HashSet::new(),
            per_argument: vec![0; kb.arguments.len()],
        };
        for (ai, a) in kb.arguments.iter().enumerate() {
            for c in &a.cues {
                let parts = cue_parts(c);
                if parts.is_empty() {
                    continue;
                }
                if is_name(kb, c) {
                    out.topics.insert(parts.clone());
                }
                let order = &mut out.order;
                let e = out.by_parts.entry(parts.clone()).or_insert_with(|| {
                    order.push(parts);
                    Vec::new()
                });
                if !e.contains(&ai) {
                    e.push(ai);
                    out.per_argument[ai] += 1;
                }
            }
        }
        out
    }
}

/// Each argument as a document for document frequencies: its claim and evidence, stemmed, and
/// where each stem stands in them, so that a cue is looked for only where its first word is
/// (the cues times the documents would cost milliseconds at start-up).
struct ArgumentDocs<'d> {
    docs: &'d [Vec<Vec<String>>],
    /// A stem's places: argument, segment (claim or evidence), word.
    postings: HashMap<&'d str, Vec<(usize, usize, usize)>>,
}

/// Each argument's claim and evidence as stems.
fn argument_stems(kb: &KnowledgeBase) -> Vec<Vec<Vec<String>>> {
    kb.arguments
        .iter()
        .map(|a| [&a.claim, &a.evidence_text].iter().map(|t| text_stems(t)).collect())
        .collect()
}

impl<'d> ArgumentDocs<'d> {
    fn new(docs: &'d [Vec<Vec<String>>]) -> ArgumentDocs<'d> {
        let mut postings: HashMap<&str, Vec<(usize, usize, usize)>> = HashMap::new();
        for (ai, doc) in docs.iter().enumerate() {
            for (si, seg) in doc.iter().enumerate() {
                for (k, w) in seg.iter().enumerate() {
                    postings.entry(w.as_str()).or_default().push((ai, si, k));
                }
            }
        }
        ArgumentDocs { docs, postings }
    }

    /// How many arguments list the cue or use its words in their claim or evidence.
    fn frequency(&self, parts: &[CueWord], args: &[usize]) -> usize {
        let n = self.docs.len();
        let words = parts.len();
        let mut in_doc = vec![false; n];
        match &parts[0] {
            CueWord::Stem(first) => {
                for &(ai, si, k) in self.postings.get(first.as_str()).into_iter().flatten() {
                    let seg = &self.docs[ai][si];
                    in_doc[ai] = in_doc[ai]
                        || (k + words <= seg.len() && contains_phrase(&seg[k..k + words], parts));
                }
            }
            CueWord::Prefix(_) => {
                for (ai, hit) in in_doc.iter_mut().enumerate() {
                    *hit = self.docs[ai].iter().any(|seg| contains_phrase(seg, parts));
                }
            }
        }
        (0..n).filter(|&ai| args.contains(&ai) || in_doc[ai]).count()
    }
}

impl ArgumentCue {
    /// A cue's weight and standing: BM25 idf boosted for phrases, and whether it is specific, a
    /// predicate, a topic or weak.
    fn weigh(
        kb: &KnowledgeBase,
        docs: &ArgumentDocs,
        stem_ids: &mut FxHashMap<Box<[u8]>, u32>,
        parts: &[CueWord],
        args: Vec<usize>,
        topic: bool,
    ) -> ArgumentCue {
        let df = docs.frequency(parts, &args);
        let cue_idf = idf(kb.arguments.len(), df);
        let mut weight = cue_idf * (1.0 + PHRASE_BOOST * (parts.len() as f32 - 1.0));
        // Two content words at least: "temporary retreat", not "led to" or "party members".
        let content = parts
            .iter()
            .filter(|p| match p {
                CueWord::Stem(s) => {
                    s.len() > 2
                        && !FUNCTION_WORDS.contains(&s.as_str())
                        && !LIGHT.contains(&s.as_str())
                        && !is_side_name(kb, s)
                }
                CueWord::Prefix(_) => true,
            })
            .count();
        let specific = content >= 2 && df <= SPECIFIC_DF && !topic;
        // Only function words and names ("Lenin did not"): a weak hint at most.
        let weak = content == 0 && !topic;
        if weak {
            weight *= 0.5;
        }
        let ids: Vec<CuePattern> = parts
            .iter()
            .map(|p| match p {
                CueWord::Stem(s) => CuePattern::Stem(intern(stem_ids, s)),
                CueWord::Prefix(x) => CuePattern::Prefix(x.clone()),
            })
            .collect();
        let predicate = !topic && cue_idf >= PREDICATE_IDF && content >= 1;
        let stance = Some(kb.arguments[args[0]].stance)
            .filter(|s| args.iter().all(|&a| kb.arguments[a].stance == *s));
        ArgumentCue {
            parts: ids,
            args,
            weight,
            idf: cue_idf,
            specific,
            predicate,
            stance,
            topic,
            weak,
        }
    }
}

/// Content stems of each argument's `claim` (numbered in `stem_ids`): per stem id, the
/// arguments, ascending, with the word's weight.
fn claim_words(
    kb: &KnowledgeBase,
    stem_ids: &mut FxHashMap<Box<[u8]>, u32>,
) -> Vec<Vec<(usize, f32)>> {
    let mut claim_df: Vec<Vec<usize>> = Vec::new();
    for (ai, a) in kb.arguments.iter().enumerate() {
        for t in tokenize(&a.claim) {
            if t.kind != TokKind::Word {
                continue;
            }
            for sub in a.claim[t.range.clone()].split('-') {
                let low = possessive_base(&sub.to_lowercase()).to_string();
                if low.len() < 3 || is_function_word(&low) || kb.vocab.debate_words.contains(&low) {
                    continue;
                }
                let id = intern(stem_ids, &stem(&low)) as usize;
                if claim_df.len() <= id {
                    claim_df.resize_with(id + 1, Vec::new);
                }
                let e = &mut claim_df[id];
                if !e.contains(&ai) {
                    e.push(ai);
                }
            }
        }
    }
    let n = kb.arguments.len();
    claim_df
        .into_iter()
        .map(|v| {
            let w = CLAIM_WORD * idf(n, v.len());
            v.into_iter().map(|a| (a, w)).collect()
        })
        .collect()
}

/// The words of the arguments' texts join the vocabulary's words (starting no phrase): essays
/// use them, and a sentence's word then has its stem from the lookup that
/// `MarkerLists::tok_words` makes anyway.
fn add_argument_words(
    kb: &KnowledgeBase,
    lists: &mut MarkerLists,
    stem_ids: &FxHashMap<Box<[u8]>, u32>,
) {
    let words = &mut lists.words;
    let texts =
        kb.arguments.iter().flat_map(|a| [&a.claim, &a.evidence_text].into_iter().chain(&a.cues));
    for t in texts.map(|t| t.to_ascii_lowercase()) {
        for tok in tokenize(&t) {
            for sub in t[tok.range].split('-').filter(|x| !x.is_empty()) {
                let id = words.len() as u32;
                words.entry(possessive_base(sub).into()).or_insert_with(|| WordInfo::new(id));
            }
        }
    }
    let mut buf = Vec::new();
    for (w, e) in words.iter_mut() {
        e.stem = stem_id(stem_ids, w, &mut buf);
    }
}

/// The id of a stem, numbering it if new.
pub(super) fn intern(ids: &mut FxHashMap<Box<[u8]>, u32>, stem: &str) -> u32 {
    let next = ids.len() as u32;
    *ids.entry(stem.as_bytes().into()).or_insert(next)
}

/// A text's words as stems, hyphenated words split.
pub(super) fn text_stems(t: &str) -> Vec<String> {
    let mut out = Vec::new();
    for tok in tokenize(t) {
        if tok.kind == TokKind::Punct {
            continue;
        }
        for sub in t[tok.range].split('-').filter(|x| !x.is_empty()) {
            out.push(stem(sub));
        }
    }
    out
}

pub(super) fn contains_phrase(seg: &[String], parts: &[CueWord]) -> bool {
    seg.windows(parts.len()).any(|w| {
        w.iter().zip(parts).all(|(x, p)| match p {
            CueWord::Stem(s) => x == s,
            CueWord::Prefix(pre) => x.starts_with(pre.as_str()),
        })
    })
}

// ---------------------------------------------------------------------------------------------
// Sentence side.

/// A sentence word's stem id when its stem is no cue's and no claim's.
pub(super) const NO_STEM: u32 = u32::MAX;

/// In `Index::by_first`: any next word may continue the cue.
pub(super) const ANY_NEXT: u32 = u32::MAX;

/// The id in `ids` of the stem of a sentence word (lower case, possessive removed), or
/// `NO_STEM`. `buf` is scratch space.
pub(super) fn stem_id(ids: &FxHashMap<Box<[u8]>, u32>, raw: &str, buf: &mut Vec<u8>) -> u32 {
    let id = if raw.is_ascii() {
        stem_ascii(raw.as_bytes(), buf);
        ids.get(&buf[..])
    } else {
        ids.get(stem_uncached(raw).as_bytes())
    };
    id.copied().unwrap_or(NO_STEM)
}

impl Index {
    /// The id of the stem of a sentence word (lower case, possessive removed), or `NO_STEM`.
    /// `buf` is scratch space, kept across the words of a sentence.
    pub(super) fn stem_id(&self, raw: &str, buf: &mut Vec<u8>) -> u32 {
        stem_id(&self.stem_ids, raw, buf)
    }

    /// The arguments whose claim has the stem, with the word's weight.
    pub(super) fn claim_words(&self, stem: u32) -> &[(usize, f32)] {
        self.claim_words.get(stem as usize).map_or(&[], Vec::as_slice)
    }
}
