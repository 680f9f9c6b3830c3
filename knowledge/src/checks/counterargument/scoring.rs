//! Reading a sentence against the arguments: its words as stems (`Piece`), the cues found in
//! it (`Hit`), its negations, and each argument's BM25 score over some of its tokens.

use std::cell::RefCell;
use std::ops::Range;

use super::index::{ArgumentCue, CuePattern, Index, ANY_NEXT};
use super::markers::{KnownTokens, List, WordInfo};
use super::{BORROWED, K1};
use crate::base::KnowledgeBase;
use crate::checks::grammar::SentenceCtx;
use crate::text::sentences::{has_prefix, possessive_base, Sentence, TokKind};

/// Words a phrase cue may skip between two of its words.
pub(super) fn filler(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "their"
            | "its"
            | "this"
            | "that"
            | "these"
            | "those"
            | "all"
            | "any"
            | "so"
            | "very"
            | "much"
    ) || (w.len() > 4 && w.ends_with("ly") && w != "only")
}

/// A word of the sentence (hyphenated words give one piece per part).
pub(super) struct Piece<'a> {
    pub(super) raw: &'a str,
    /// Stem id (`NO_STEM` for a word no cue or claim has).
    pub(super) stem: u32,
    pub(super) tok: usize,
    /// Punctuation (other than a hyphen) comes between this piece and the one before.
    pub(super) gap_before: bool,
}

pub(super) fn pieces<'a>(ix: &Index, s: &'a Sentence, tw: &KnownTokens) -> Vec<Piece<'a>> {
    let mut out = Vec::with_capacity(s.toks.len());
    let mut buf = Vec::new();
    let mut last_word_tok: Option<usize> = None;
    for (i, t) in s.toks.iter().enumerate() {
        if t.kind == TokKind::Punct {
            continue;
        }
        let w = &s.lower[t.range.clone()];
        let gap = last_word_tok.is_some_and(|l| l + 1 != i);
        let mut piece = |sub: &'a str, first: bool, known: Option<&WordInfo>| {
            let raw = possessive_base(sub);
            let stem = match known {
                Some(e) => e.stem,
                None => ix.stem_id(raw, &mut buf),
            };
            out.push(Piece { raw, stem, tok: i, gap_before: first && gap });
        };
        if w.bytes().any(|b| b == b'-') {
            for (k, sub) in w.split('-').filter(|x| !x.is_empty()).enumerate() {
                piece(sub, k == 0, None);
            }
        } else if !w.is_empty() {
            // The whole word is the piece: the vocabulary's lookup of the word (or of its base,
            // when it has a possessive) has its stem, if the word is known.
            let t = &tw.toks[i];
            piece(w, true, if t.possessive { t.info[1] } else { t.info[0] });
        }
        last_word_tok = Some(i);
    }
    out
}

pub(super) fn part_matches(p: &CuePattern, piece: &Piece) -> bool {
    match p {
        CuePattern::Stem(id) => *id == piece.stem,
        CuePattern::Prefix(x) => has_prefix(piece.raw, x),
    }
}

/// Does the phrase match at piece `i`? Returns the piece index after it.
pub(super) fn phrase_at(parts: &[CuePattern], ps: &[Piece], i: usize) -> Option<usize> {
    if !part_matches(&parts[0], &ps[i]) {
        return None;
    }
    let mut j = i + 1;
    for p in &parts[1..] {
        if j < ps.len() && !ps[j].gap_before && part_matches(p, &ps[j]) {
            j += 1;
        } else if j + 1 < ps.len()
            && !ps[j].gap_before
            && !ps[j + 1].gap_before
            && filler(ps[j].raw)
            && part_matches(p, &ps[j + 1])
        {
            j += 2;
        } else {
            return None;
        }
    }
    Some(j)
}

#[derive(Clone, Debug)]
pub(super) struct Hit {
    pub(super) cue: usize,
    /// Piece range.
    pub(super) pieces: Range<usize>,
    /// Token range.
    pub(super) toks: Range<usize>,
}

pub(super) fn find_hits(ix: &Index, ps: &[Piece]) -> Vec<Hit> {
    let mut hits = Vec::new();
    for i in 0..ps.len() {
        let firsts = ix.by_first.get(ps[i].stem as usize).map_or(&[][..], Vec::as_slice);
        // (A second word is matched at the next piece or, after a filler, the one after it.)
        let next_is = |stem: u32| (i + 1..ps.len().min(i + 3)).any(|k| ps[k].stem == stem);
        let started = firsts.iter().filter(|&&(_, next)| next == ANY_NEXT || next_is(next));
        for ci in started.map(|&(ci, _)| ci).chain(ix.by_prefix.iter().copied()) {
            if let Some(end) = phrase_at(&ix.cues[ci].parts, ps, i) {
                hits.push(Hit { cue: ci, pieces: i..end, toks: ps[i].tok..ps[end - 1].tok + 1 });
            }
        }
    }
    hits
}

/// A negation in the sentence, as a token range, and whether it closes the clause ("is a myth").
pub(super) struct Negator {
    pub(super) toks: Range<usize>,
    pub(super) post: bool,
}

pub(super) const POST_NEGATORS: &[&str] =
    &["myth", "wrong", "false", "mistaken", "untrue", "misleading"];

pub(super) fn negators(ctx: &SentenceCtx, ix: &Index, tw: &KnownTokens) -> Vec<Negator> {
    let s = &ctx.sentence;
    let n = s.toks.len();
    let mut out: Vec<Negator> = Vec::new();
    let mut i = 0;
    while i < n {
        let w = s.word(i);
        // (The neighbours are looked at only after one of the words that may open an intensifier.)
        let next = || if i + 1 < n { s.word(i + 1) } else { "" };
        let prev = || if i > 0 { s.word(i - 1) } else { "" };
        // Intensifiers that look like negations.
        let fake = (matches!(w, "not" | "n't") && matches!(next(), "only" | "just" | "least"))
            || (w.ends_with("n't") && matches!(next(), "only" | "just"))
            || (w == "no"
                && matches!(
                    next(),
                    "doubt" | "wonder" | "coincidence" | "accident" | "less" | "surprise"
                ))
            || (w == "little" && matches!(prev(), "a" | "very"))
            || (w == "nothing" && next() == "but")
            || (w == "without" && next() == "doubt");
        if fake {
            i += 2;
            continue;
        }
        let mut best = ix.lists.at(List::Negations, s, tw, i);
        if best.is_none() && tw.toks[i].nt {
            best = Some(i + 1);
        }
        if let Some(end) = best {
            out.push(Negator { toks: i..end, post: POST_NEGATORS.contains(&w) });
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

/// An argument's score over some tokens of the sentence.
#[derive(Clone, Debug)]
pub(super) struct Scored {
    pub(super) argument: usize,
    pub(super) score: f32,
    /// Distinct cues matched that are neither names (topics) nor common to many arguments.
    pub(super) predicates: usize,
    pub(super) specific: bool,
    /// Its own cues matched that name its topic ("the Cheka").
    pub(super) topics: usize,
}

/// Space `SentenceData::score` reuses from one argument, and one sentence, to the next (one per
/// thread). Hits are by their index in `SentenceData::hits`.
#[derive(Default)]
pub(super) struct Scratch {
    /// The hits inside the range scored.
    inside: Vec<usize>,
    /// The arguments to score.
    args: Vec<usize>,
    /// The pieces in the range that are some claim's words.
    claim_pieces: Vec<usize>,
    per_argument: ArgumentScratch,
}

/// The part of `Scratch` one argument's score uses.
#[derive(Default)]
struct ArgumentScratch {
    /// The hits that count for the argument, with their weight.
    counted: Vec<(usize, f32)>,
    /// Of those, the heaviest that do not overlap.
    taken: Vec<(usize, f32)>,
    /// Per cue taken: the cue, times matched, weight.
    tf: Vec<(usize, usize, f32)>,
    /// Claim-word stems already scored.
    seen: Vec<u32>,
}

pub(super) struct SentenceData<'a> {
    pub(super) ps: Vec<Piece<'a>>,
    pub(super) hits: Vec<Hit>,
    pub(super) negs: Vec<Negator>,
    pub(super) clauses: &'a [Range<usize>],
}

impl<'a> SentenceData<'a> {
    pub(super) fn new(
        ctx: &'a SentenceCtx,
        ix: &Index,
        tw: &KnownTokens,
        ps: Vec<Piece<'a>>,
        hits: Vec<Hit>,
    ) -> SentenceData<'a> {
        SentenceData { ps, hits, negs: negators(ctx, ix, tw), clauses: ctx.clauses() }
    }

    pub(super) fn clause_of(&self, t: usize) -> usize {
        self.clauses.iter().position(|c| c.contains(&t)).unwrap_or(0)
    }

    /// Scores every argument on the hits inside `range` (tokens); best first. With `arguable`,
    /// only the arguments that have one of their own predicate cues (not weak) there: the others
    /// have no `predicates` and are never `accept`ed, and leaving them out keeps the order of
    /// the rest.
    pub(super) fn score(
        &self,
        kb: &KnowledgeBase,
        ix: &Index,
        range: &Range<usize>,
        arguable: bool,
    ) -> Vec<Scored> {
        thread_local! {
            static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
        }
        SCRATCH.with_borrow_mut(|scratch| self.score_in(kb, ix, range, arguable, scratch))
    }

    pub(super) fn score_in(
        &self,
        kb: &KnowledgeBase,
        ix: &Index,
        range: &Range<usize>,
        arguable: bool,
        scratch: &mut Scratch,
    ) -> Vec<Scored> {
        let Scratch { inside, args, claim_pieces, per_argument } = scratch;
        inside.clear();
        inside.extend((0..self.hits.len()).filter(|&hi| {
            range.start <= self.hits[hi].toks.start && self.hits[hi].toks.end <= range.end
        }));
        args.clear();
        let counts = |c: &ArgumentCue| !arguable || (c.predicate && !c.weak);
        args.extend(
            inside
                .iter()
                .map(|&hi| &ix.cues[self.hits[hi].cue])
                .filter(|c| counts(c))
                .flat_map(|c| c.args.iter().copied()),
        );
        args.sort_unstable();
        args.dedup();
        claim_pieces.clear();
        claim_pieces.extend(
            self.ps
                .iter()
                .enumerate()
                .filter(|(_, p)| !ix.claim_words(p.stem).is_empty() && range.contains(&p.tok))
                .map(|(pi, _)| pi),
        );
        let mut out: Vec<Scored> = args
            .iter()
            .map(|&a| self.score_argument(kb, ix, a, inside, claim_pieces, per_argument))
            .collect();
        out.sort_by(|x, y| y.score.total_cmp(&x.score).then(x.argument.cmp(&y.argument)));
        out
    }

    /// One argument's score on the hits `inside` (and the claim words among `claim_pieces`).
    fn score_argument(
        &self,
        kb: &KnowledgeBase,
        ix: &Index,
        a: usize,
        inside: &[usize],
        claim_pieces: &[usize],
        work: &mut ArgumentScratch,
    ) -> Scored {
        self.take_hits(kb, ix, a, inside, work);
        let ArgumentScratch { taken, tf, seen, .. } = work;
        let own_cue = |c: usize| ix.cues[c].args.binary_search(&a).is_ok();
        let norm = ix.norm[a];
        let mut score: f32 = tf
            .iter()
            .map(|&(_, n, w)| {
                let n = n as f32;
                w * n * (K1 + 1.0) / (n + K1 * norm)
            })
            .sum();
        // Content words of the claim the cues did not cover.
        seen.clear();
        for &pi in claim_pieces {
            let p = &self.ps[pi];
            if taken.iter().any(|&(hi, _)| self.hits[hi].pieces.contains(&pi))
                || seen.contains(&p.stem)
            {
                continue;
            }
            // (Each argument once, ascending.)
            let ws = ix.claim_words(p.stem);
            if let Ok(k) = ws.binary_search_by_key(&a, |x| x.0) {
                score += ws[k].1;
                seen.push(p.stem);
            }
        }
        // The distinct cues that are not weak, and among them the argument's own predicates.
        let cues = || tf.iter().filter(|x| !ix.cues[x.0].weak);
        let predicates = || cues().filter(|x| ix.cues[x.0].predicate && own_cue(x.0));
        Scored {
            argument: a,
            score,
            topics: cues().filter(|x| ix.cues[x.0].topic && own_cue(x.0)).count(),
            predicates: predicates().count(),
            specific: taken
                .iter()
                .any(|&(hi, _)| ix.cues[self.hits[hi].cue].specific && own_cue(self.hits[hi].cue)),
        }
    }

    /// The hits that count for argument `a`: its own cues, and at half weight the predicates of
    /// other arguments of the same side ("led directly to" lends itself to "democratic
    /// centralism"); the longest and heaviest that do not overlap are taken, and counted per cue.
    fn take_hits(
        &self,
        kb: &KnowledgeBase,
        ix: &Index,
        a: usize,
        inside: &[usize],
        work: &mut ArgumentScratch,
    ) {
        let ArgumentScratch { counted, taken, tf, .. } = work;
        let stance = kb.arguments[a].stance;
        counted.clear();
        for &hi in inside {
            let c = &ix.cues[self.hits[hi].cue];
            if c.args.binary_search(&a).is_ok() {
                counted.push((hi, c.weight));
            } else if c.predicate && c.stance == Some(stance) {
                counted.push((hi, c.weight * BORROWED));
            }
        }
        counted.sort_by(|x, y| {
            y.1.total_cmp(&x.1).then(self.hits[x.0].pieces.start.cmp(&self.hits[y.0].pieces.start))
        });
        taken.clear();
        for &(hi, w) in counted.iter() {
            let h = &self.hits[hi];
            if !taken.iter().any(|&(t, _)| {
                self.hits[t].pieces.start < h.pieces.end && h.pieces.start < self.hits[t].pieces.end
            }) {
                taken.push((hi, w));
            }
        }
        tf.clear();
        for &(hi, w) in taken.iter() {
            let cue = self.hits[hi].cue;
            match tf.iter_mut().find(|x| x.0 == cue) {
                Some(x) => x.1 += 1,
                None => tf.push((cue, 1, w)),
            }
        }
    }
}
