//! Which side a sentence argues. Its *stance items* — framing phrases, comparisons, causal links
//! and judgements of Lenin — each argue continuity or rupture; negation reverses an item, a
//! conceded clause counts for little, and the sides' sums decide. Topic words say what a
//! sentence is about, not which side it takes: a sentence without a stance item argues nothing,
//! and one whose items disagree is left alone — the check says nothing when unsure. (The
//! arguments' cues come in only to say which side a cause stands on.)
//!
//! The words are data (`[vocab.stance]` in `vocab.toml`); here is only how a claim is built:
//! which clause is the writer's own, what a negation reaches, who a judgement is about, which
//! side a cause stands on.

use std::ops::Range;

mod items;
mod reach;

use super::index::Index;
use super::markers::{KnownTokens, List};
use super::scoring::SentenceData;
use super::sides::Side;
use crate::base::{EntryId, Kind, Shape, Stance};
use crate::checks::grammar::SentenceCtx;
use crate::text::sentences::Sentence;

/// Weight of a conceded clause ("although X, Y"; "X, but Y"), unless it is hedged (then none).
const CONCEDED: f32 = 0.3;
/// In a cause, the weight of a thing that an argument's cue or its date puts on one side (the
/// sides themselves weigh 1).
const CUE_WORD: f32 = 0.5;
/// Words before a mention of Stalin's side that make it no effect of a cause: "the anniversary
/// of Stalin's death", "after Stalin's rise".
const TIME_OR_OF: &[&str] = &["of", "after", "before", "since", "during", "until", "about"];
/// How far (in tokens) from a link the two sides it links must be named.
const LINK_REACH: usize = 8;
/// A side wins with at least this much, and at least twice the other side.
const DECIDES: f32 = 1.0;

/// What kind of evidence an item is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum ItemKind {
    /// A framing phrase or a link (`continuity`, `rupture`, `*_links`).
    Frame,
    /// A comparison of Lenin and Stalin (`likeness`, `contrast`).
    Compare,
    /// A causal link whose cause decides the side.
    Cause,
    /// A judgement of Lenin (`harsh`, `mild`).
    Judgement,
}

/// One piece of evidence of the side a sentence argues.
#[derive(Clone, Debug)]
pub(super) struct Item {
    pub(super) toks: Range<usize>,
    pub(super) kind: ItemKind,
    pub(super) stance: Stance,
    /// Its weight after the clause it is in.
    pub(super) weight: f32,
    pub(super) shape: Option<Shape>,
}

/// What the sentence shows of its side.
#[derive(Debug, Default)]
pub(super) struct Reading {
    pub(super) items: Vec<Item>,
    /// The summed weights: continuity, rupture.
    pub(super) sums: [f32; 2],
    /// The side the sentence argues, when the items decide it.
    pub(super) stance: Option<Stance>,
    /// The shape of the claim (from its heaviest framing item).
    pub(super) shape: Option<Shape>,
    /// The person the sentence attributes its claim to ("Conquest argues ...").
    pub(super) author: Option<EntryId>,
    /// It opens with a word that points back ("This was no accident.").
    pub(super) anaphoric: bool,
    /// It names Lenin's side, Stalin's side.
    pub(super) names: [bool; 2],
    /// The arguments whose cues the sentence denies ("Lenin did not create a totalitarian
    /// state"): what the other side asserts.
    pub(super) denied: Vec<usize>,
    /// The arguments whose cues a conceded clause names ("To some extent the seeds of his system
    /// were sown in 1917-21, but ..."): the other side presses what the writer only grants.
    pub(super) conceded: Vec<usize>,
}

/// A mention of one side: its tokens, and whether it is an agent (not after "of", "to" ...).
#[derive(Clone, Debug)]
struct SideMention {
    toks: Range<usize>,
    side: Side,
    agent: bool,
    /// A person or an idea of that side (Lenin, Leninism), not only something of its time.
    proper: bool,
}

/// The sentence as the stance reading sees it.
struct Scene<'s, 'a> {
    ctx: &'s SentenceCtx<'a>,
    ix: &'s Index,
    tw: &'s KnownTokens<'s>,
    d: &'s SentenceData<'s>,
    /// Tokens whose words are not the writer's: quotations, names of several words, reported
    /// or asked clauses.
    ignored: Vec<bool>,
    sides: Vec<SideMention>,
    /// Where the writer's main clause starts: before it, a conceded clause.
    main_from: usize,
    /// The conceded clause is hedged ("may have", "to some extent"): it counts for nothing.
    hedged_concession: bool,
    /// The conceded clause is opened by "although", "while" ...: the writer only grants it.
    granted: bool,
    /// "While Lenin ..., Stalin ...": the opening word sets the sides against each other.
    contrast: Option<Range<usize>>,
    /// Wide negations ("It is a myth that ..."): they reverse everything after them.
    wide: Vec<Range<usize>>,
    /// It opens by pointing back ("This was no accident.", "This followed from ...").
    anaphoric: bool,
    /// Negations that are part of an argument's own wording ("without foreign capital"): they
    /// deny nothing.
    worded: Vec<Range<usize>>,
}

pub(super) fn read(ctx: &SentenceCtx, ix: &Index, tw: &KnownTokens, d: &SentenceData) -> Reading {
    let s = &ctx.sentence;
    let n = s.toks.len();
    let mut sc = Scene {
        ctx,
        ix,
        tw,
        d,
        ignored: vec![false; n],
        sides: side_mentions(ctx, ix),
        main_from: 0,
        hedged_concession: false,
        granted: false,
        contrast: None,
        wide: Vec::new(),
        anaphoric: n > 0 && ix.lists.at(List::Anaphors, s, tw, 0).is_some(),
        worded: Vec::new(),
    };
    sc.worded = d.hits.iter().filter_map(|h| sc.negation_worded_by_argument(h)).collect();
    sc.mark_ignored();
    sc.find_main_clause();
    sc.wide = sc.wide_negations();
    let mut r = Reading {
        names: [Side::Lenin, Side::Stalin]
            .map(|side| sc.sides.iter().any(|m| m.side == side && m.proper)),
        anaphoric: sc.anaphoric,
        ..Reading::default()
    };
    let lenin_words = ix.lists.find(List::LeninWords, s, tw);
    // (A sentence that points back speaks of the sides named before it: "This was no accident.";
    // one that names things of both men's times sets them side by side: "The show trials of the
    // 1930s had a precedent in the trial of 1922".)
    let both_times =
        [Side::Lenin, Side::Stalin].map(|side| sc.sides.iter().any(|m| m.side == side));
    if r.names[0] || r.names[1] || sc.anaphoric || (both_times[0] && both_times[1]) {
        sc.frames(&mut r.items, r.names, &lenin_words);
        sc.causes(&mut r.items);
        sc.judgements(&mut r.items);
    }
    r.author = sc.author();
    for h in &d.hits {
        if !sc.any_ignored(&h.toks) && sc.negated(&h.toks) {
            r.denied.extend(ix.cues[h.cue].args.iter().copied());
        }
    }
    r.denied.sort_unstable();
    r.denied.dedup();
    sc.weigh(&mut r);
    r.conceded = sc.conceded_arguments(&r);
    r
}

/// Can the sentence take a side at all? Its items (framing phrases, comparisons, causes,
/// judgements) are read only when it names a side, points back, or names things of both men's
/// times (as `read` decides); without items there is no side.
pub(super) fn may_take_a_side(ctx: &SentenceCtx, ix: &Index, named: bool, anaphoric: bool) -> bool {
    if named || anaphoric {
        return true;
    }
    let mut times = [false; 2];
    for m in &ctx.mentions {
        if let Some(side) = side_of(ix, m.entry).map(|x| x.0) {
            times[side as usize] = true;
        }
    }
    times[0] && times[1]
}

/// The side an entry stands on, and whether it is the side's own (not only of its time).
fn side_of(ix: &Index, entry: EntryId) -> Option<(Side, bool)> {
    match ix.sides.of_entry(entry) {
        Some(side) => Some((side, true)),
        None => ix.sides.era_of(entry).map(|side| (side, false)),
    }
}

/// The mentions of each side: the side entries themselves, and the things of each side's time
/// (from the base's dates). Only the first count as actors and as names of the sides.
fn side_mentions(ctx: &SentenceCtx, ix: &Index) -> Vec<SideMention> {
    let s = &ctx.sentence;
    let mut out = Vec::new();
    for m in &ctx.mentions {
        let Some((side, proper)) = side_of(ix, m.entry) else { continue };
        let toks = ctx.mention_toks(m);
        let agent = toks.start == 0 || !ix.sides.non_agent(s.word(toks.start - 1));
        out.push(SideMention { toks, side, agent, proper });
    }
    out
}

impl Scene<'_, '_> {
    pub(super) fn s(&self) -> &Sentence {
        &self.ctx.sentence
    }

    /// The person a claim is attributed to: "Conquest argues that ...", "according to Getty".
    fn author(&self) -> Option<EntryId> {
        let s = self.s();
        let kb = self.ctx.kb;
        let person = |m: &crate::base::Mention| {
            kb.entries[m.entry].kind == Kind::Person && self.ix.sides.of_entry(m.entry).is_none()
        };
        for toks in self.ix.lists.find(List::Attributions, s, self.tw) {
            let after = s.word(toks.start) == "according";
            let found = self.ctx.mentions.iter().filter(|m| person(m)).find(|m| {
                let t = self.ctx.mention_toks(m);
                if after {
                    t.start >= toks.end && t.start <= toks.end + 1
                } else {
                    t.end <= toks.start && toks.start - t.end <= 4
                }
            });
            if let Some(m) = found {
                return Some(m.entry);
            }
        }
        None
    }

    /// The arguments a conceded clause names, when the main clause argues for itself.
    fn conceded_arguments(&self, r: &Reading) -> Vec<usize> {
        let main_framed = r.items.iter().any(|it| it.toks.start >= self.main_from);
        if self.main_from == 0 || !main_framed {
            return Vec::new();
        }
        let mut out: Vec<usize> = (self.d.hits.iter())
            .filter(|h| h.toks.end <= self.main_from && !self.any_ignored(&h.toks))
            .filter(|h| !self.negated(&h.toks))
            .flat_map(|h| self.ix.cues[h.cue].args.iter().copied())
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Weighs the items by clause and decides the side. In a sentence that sets Lenin against
    /// Stalin ("While Lenin used terror against the regime's enemies, Stalin ..."), a harsh word
    /// about Lenin is one term of the contrast, not a judgement of its own.
    fn weigh(&self, r: &mut Reading) {
        let contrast =
            r.items.iter().any(|it| it.kind == ItemKind::Compare && it.stance == Stance::Rupture);
        if contrast {
            r.items
                .retain(|it| !(it.kind == ItemKind::Judgement && it.stance == Stance::Continuity));
        }
        let main_framed = r.items.iter().any(|it| it.toks.start >= self.main_from);
        // With nothing in the main clause, "X, but it contains much truth" keeps X; "Although
        // historians long believed X, opinions have changed" does not.
        let conceded = if !main_framed {
            if self.granted {
                0.0
            } else {
                1.0
            }
        } else if self.hedged_concession {
            0.0
        } else {
            CONCEDED
        };
        for it in &mut r.items {
            if it.toks.start < self.main_from {
                it.weight *= conceded;
            }
            r.sums[it.stance as usize] += it.weight;
        }
        let [c, rp] = r.sums;
        let (hi, lo) = (c.max(rp), c.min(rp));
        if hi >= DECIDES && lo <= 0.5 * hi {
            let stance = if c > rp { Stance::Continuity } else { Stance::Rupture };
            r.stance = Some(stance);
            r.shape = r
                .items
                .iter()
                .filter(|it| it.stance == stance && it.weight > 0.0)
                .max_by(|a, b| a.weight.total_cmp(&b.weight).then(b.toks.start.cmp(&a.toks.start)))
                .and_then(|it| it.shape);
        }
    }
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}
