//! Counterarguments: recognise when a sentence (or a clause of it) asserts a claim from the debate
//! "Did Leninism lead to Stalinism?" and offer the strongest point the other side makes.
//!
//! Matching is lexical. Every `[[argument]]` entry lists `cues`, words and short phrases by which
//! a student's sentence shows that it makes the argument's claim. Cues and sentence words are
//! reduced to light stems (lower case, no possessive, no plural / -ed / -ing / -ion ... endings,
//! -ize spelt -ise), so "continued", "continuity" and "continuation" are one term; synonyms are
//! simply further cues. A cue is matched as a phrase (one filler word such as "the" or an adverb
//! may sit between its words). Each argument is scored like BM25 with the cues as query terms:
//! a cue's weight is its inverse document frequency over the arguments (each argument's cues,
//! claim and evidence text make one document, so "terror", which most of them use, weighs
//! little), saturated by how often it occurs, scaled by the argument's cue-list length and
//! boosted for multi-word cues; the content words of the argument's own `claim` add a little, and
//! so, at half weight, do predicate cues of other arguments on the same side ("led directly to"
//! lends weight to "democratic centralism"). Cues that are only a name in the fact base ("Cheka",
//! "NEP") say what a sentence is about, not what it argues; cues made of function words and
//! names only ("Lenin did not") count half.
//!
//! A sentence is taken to make a claim only when it also shows that it argues, and no meta
//! marker says it speaks of the essay itself ("In the next paragraph I turn to ...", unless it
//! goes on "... argue that"); questions make no claim. The best argument needs one predicate cue
//! (neither a name nor common to most arguments) and then either a claim marker or hedge from the
//! vocabulary ("inevitable", "led to", "proves", "betrayed", "some historians argue") with two
//! cues, one specific phrase or one rare heavy cue; or a sentence that sets Lenin (Leninism)
//! beside Stalin (Stalinism) with a marker, or with strong cues and no date. Markers made only of
//! function words ("was the", "not", "more than") need stronger cues. Words inside quotations do
//! not count as the student's markers. Descriptive sentences ("The Cheka was founded in 1917",
//! "The Kronstadt sailors rebelled in March 1921") draw nothing.
//!
//! Negation: a negation word ("not", "never", "by no means", "rather than"...) reverses the cue
//! hits after it up to the next comma; "a myth", "wrong" reverse the clause they close; an even
//! number of negations cancels out ("not without"); "not only", "no doubt" do not negate. A
//! negated claim asserts the opposite of the argument ("Stalin did not simply continue Lenin's
//! terror"), so its counterpoint is the argument itself. Hedged claims are still claims.
//!
//! `document` then offers, for each claim, the strongest counterpoint (the argument's `counters`,
//! strongest first, then other arguments of the opposite side on the same theme) that the
//! paragraph has not shown yet, naming its source, with up to two alternatives as related
//! information and quick fixes that insert a counterargument sentence or a citation. A claim whose
//! counterpoint the essay already makes elsewhere (or whose opposite it asserts) draws nothing.
//! The balance counts the points on each side and lists strong opposing points not yet addressed.
//!
//! The tables (stemmed cues, weights) are built once per base (`index.rs`, kept in `Prepared`).
//! Every sentence is read, so the tables make that cheap: stems are numbers, and one lookup per
//! token tells which vocabulary phrases may start there and, for the words the fact base itself
//! uses, their stem.
//!
//! Rooms: the tables (`index.rs`), the marker lists (`markers.rs`), reading and scoring a
//! sentence (`scoring.rs`), the document pass and its wording (`document.rs`), a tuning aid
//! (`explain.rs`); here, the descriptor and the sentence pass.

mod document;
mod explain;
mod index;
mod markers;
mod scoring;
#[cfg(test)]
mod tests;

use std::ops::Range;

use rustc_hash::FxHashSet;

use super::check::{Check, DocumentCtx, DocumentOut, SentenceOut};
use super::grammar::SentenceCtx;
use crate::base::KnowledgeBase;
pub use crate::claim::{Balance, Claim};
use crate::finding::{Code, CodeSpec, Severity};
use crate::text::sentences::{Sentence, TokKind};
use document::document;
pub use explain::{explain, topic_cues};
pub(crate) use index::Index;
use markers::KnownTokens;
use markers::META;
use scoring::{accept, find_hits, pieces, signals, Context, Scored, SentenceData};

pub const COUNTERARGUMENT: CodeSpec = CodeSpec {
    code: Code::Counterargument,
    name: "counterargument",
    setting: "counterargument",
    severity: Severity::Hint,
    description: "Suggest counterarguments to claims the essay makes, and show the argument-balance code lens.",
};

/// The claims are found whatever the setting: the argument balance counts them.
pub(crate) const CHECK: Check<Index> = Check {
    codes: &[COUNTERARGUMENT],
    runs_when_off: true,
    prepare: Index::build,
    sentence: Some(sentence_pass),
    document: Some(document_pass),
};

fn sentence_pass(ctx: &SentenceCtx, ix: &Index, out: &mut SentenceOut) {
    out.claims.extend(claims(ctx, ix));
}

fn document_pass(ctx: &DocumentCtx, ix: &Index, out: &mut DocumentOut) {
    let (findings, balance) = document(ctx.kb, ix, ctx.claims, ctx.text);
    out.findings.extend(findings);
    out.balance = balance;
}

/// BM25 term-frequency saturation.
pub(super) const K1: f32 = 1.2;
/// BM25 length normalisation (over the number of cues an argument lists).
pub(super) const B: f32 = 0.4;
/// Extra weight per additional word of a phrase cue.
pub(super) const PHRASE_BOOST: f32 = 0.5;
/// Weight of a content word of the argument's `claim` that no cue covers, relative to its idf.
pub(super) const CLAIM_WORD: f32 = 0.3;
/// Minimum score of the best argument.
pub(super) const MIN_SCORE: f32 = 3.0;
/// A single phrase cue suffices when at most this many arguments share it.
pub(super) const SPECIFIC_DF: usize = 2;

/// Weight of a predicate borrowed from another argument of the same side.
pub(super) const BORROWED: f32 = 0.5;
/// Minimum score when the sentence sets Lenin beside Stalin.
pub(super) const MIN_SCORE_BOTH: f32 = 2.0;
/// A single cue this heavy (a rare phrase) is enough with a claim marker.
pub(super) const HEAVY_CUE: f32 = 4.0;
/// A claim needs one cue that is neither a name nor a word most arguments use ("terror"): idf at
/// least this (about one argument in seven).
pub(super) const PREDICATE_IDF: f32 = 2.0;

pub(crate) fn claims(ctx: &SentenceCtx, ix: &Index) -> Vec<Claim> {
    let kb = ctx.kb;
    if kb.arguments.is_empty() || ctx.sentence.toks.len() < 3 {
        return Vec::new();
    }
    let text = ctx
        .text()
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '”' | '’' | '\'' | ')'));
    if text.ends_with('?') {
        return Vec::new();
    }
    let s = &ctx.sentence;
    let tw = ix.lists.tok_words(s);
    if ix.lists.any(META, s, &tw) && !thesis(s) {
        return Vec::new();
    }
    // A sentence argues only with a marker or a hedge, or by setting Lenin beside Stalin: that
    // is cheaper to see than the cues, so it is looked at first.
    let arguing = Arguing::read(ctx, ix, &tw);
    let all = 0..s.toks.len();
    let whole = arguing.context(&all);
    if !whole.signal && !whole.both_sides {
        return Vec::new();
    }
    let ps = pieces(ix, s, &tw);
    let hits = find_hits(ix, &ps);
    if hits.is_empty() {
        return Vec::new();
    }
    let d = SentenceData::new(ctx, ix, &tw, ps, hits);
    let claim = |sc: &Scored, toks: Range<usize>| {
        let toks = trim_clause(s, toks);
        let a = s.toks[toks.start].range.start;
        let b = s.toks[toks.end - 1].range.end;
        Claim {
            range: ctx.abs(&(a..b)),
            block: 0..0,
            argument: sc.argument,
            negated: sc.negated,
            score: sc.score,
            sentence: s.range.clone(),
        }
    };
    if let Some(per_clause) = claims_per_clause(kb, ix, &d, &arguing) {
        return per_clause.into_iter().map(|(c, sc)| claim(&sc, c)).collect();
    }
    match d.score(kb, ix, &all, true).into_iter().find(|sc| accept(sc, whole)) {
        Some(sc) => vec![claim(&sc, all)],
        None => Vec::new(),
    }
}

/// Clauses that argue different claims of their own ("Lenin built the Cheka, but Stalin's
/// terror was far greater") give one claim each: the clauses and their best arguments, when
/// there are two or more different ones.
fn claims_per_clause(
    kb: &KnowledgeBase,
    ix: &Index,
    d: &SentenceData,
    arguing: &Arguing,
) -> Option<Vec<(Range<usize>, Scored)>> {
    if d.clauses.len() <= 1 {
        return None;
    }
    let per_clause: Vec<(Range<usize>, Scored)> = d
        .clauses
        .iter()
        .filter(|c| arguing.signals.iter().any(|(t, _)| c.contains(t)))
        .filter_map(|c| {
            d.score(kb, ix, c, true)
                .into_iter()
                .find(|sc| accept(sc, arguing.context(c)))
                .map(|sc| (c.clone(), sc))
        })
        .collect();
    let distinct: FxHashSet<(usize, bool)> =
        per_clause.iter().map(|(_, sc)| (sc.argument, sc.negated)).collect();
    (per_clause.len() > 1 && distinct.len() > 1).then_some(per_clause)
}

/// What shows that a sentence argues, besides its cues: its markers and hedges, and the
/// mentions of each side of the debate.
struct Arguing {
    /// Token of each marker or hedge, and whether it is made of function words only.
    signals: Vec<(usize, bool)>,
    /// Token ranges of the mentions of each side.
    sides: Vec<Vec<Range<usize>>>,
    dated: bool,
}

impl Arguing {
    fn read(ctx: &SentenceCtx, ix: &Index, tw: &KnownTokens) -> Arguing {
        Arguing {
            signals: signals(ctx, ix, tw),
            sides: ix
                .sides
                .iter()
                .map(|side| {
                    ctx.mentions
                        .iter()
                        .filter(|m| side.contains(&m.entry))
                        .map(|m| ctx.mention_toks(m))
                        .collect()
                })
                .collect(),
            dated: !ctx.dates.is_empty(),
        }
    }

    /// What the tokens `r` show.
    fn context(&self, r: &Range<usize>) -> Context {
        let signals = &self.signals;
        Context {
            signal: signals.iter().any(|(t, _)| r.contains(t)),
            weak_signal: signals.iter().any(|(t, _)| r.contains(t))
                && signals.iter().all(|(t, weak)| *weak || !r.contains(t)),
            both_sides: !self.sides.is_empty()
                && self.sides.iter().all(|v| v.iter().any(|m| r.contains(&m.start))),
            dated: self.dated,
        }
    }
}

/// Drops punctuation at either end of a token range (keeps a final full stop out of the range).
fn trim_clause(s: &Sentence, mut r: Range<usize>) -> Range<usize> {
    while r.end > r.start + 1
        && s.toks[r.end - 1].kind == TokKind::Punct
        && s.word(r.end - 1) != ")"
    {
        r.end -= 1;
    }
    while r.start + 1 < r.end && s.toks[r.start].kind == TokKind::Punct && s.word(r.start) != "(" {
        r.start += 1;
    }
    r
}

/// Does a sentence that speaks of the essay itself ("In this essay I will ...") still state a
/// thesis ("... argue that ...")?
fn thesis(s: &Sentence) -> bool {
    (1..s.toks.len()).any(|i| {
        s.word(i) == "that"
            && matches!(
                s.word(i - 1),
                "argue" | "show" | "prove" | "demonstrate" | "contend" | "maintain" | "suggest"
            )
    })
}
