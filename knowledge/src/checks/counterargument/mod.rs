//! Counterarguments: when a sentence takes a position on "Did Leninism lead to Stalinism?",
//! offer the strongest point the *other* side makes against exactly that position. A history
//! essay is mostly narration, and a hint on narration, or one that argues the student's own
//! side, teaches nothing: the check prefers silence.
//!
//! A sentence makes a claim when it shows a side (`stance.rs`): a framing phrase ("laid the
//! foundations", "broke with"), a comparison of Lenin and Stalin, a causal link whose cause is
//! Lenin's or something else, or a judgement of Lenin ("ruthless", "a pragmatist"), with
//! negation, conceded clauses and hedges read; the arguments' cues add a little. Topic words
//! alone ("Kronstadt", "the Cheka") make no claim, nor do questions, sentences about the essay
//! itself ("In the next paragraph I ...", unless they go on "... argue that"), titles, or
//! words in quotations and names ("The Revolution Betrayed").
//!
//! Then what it says (`scoring.rs`): every argument is scored on the sentence's words like
//! BM25 with its cues as query terms (stems, so "continued", "continuity" and "continuation"
//! are one term; a cue's weight is its rarity over the arguments), and the claim's argument is
//! the best one *of the claim's own side*; a sentence whose words fit only the other side's
//! argument makes the claim that argument's counters make. Its counterpoints (`retrieval.rs`)
//! are of the opposite side by construction: the argument's hand-ranked `counters`, then its
//! sub-question and theme, helped by the sentence's words and the claim's shape.
//!
//! "This was no accident." — a sentence that opens by pointing back and shows a side but no
//! content of its own borrows the content of the sentence before it: the sentence pass reports
//! both halves (partial claims) and the document pass (`document.rs`) joins them.
//!
//! The document pass shows each claim's best counterpoint that its section has not shown yet
//! (one line: "Counterpoint (rupture, terror): ..."; the evidence, historians and alternatives
//! as related information; quick fixes that insert the counterargument or its citation), unless
//! the essay already answers the claim; and counts the essay's points per side and theme.
//!
//! Rooms: the tables (`index.rs`), the vocabulary's phrase lists (`markers.rs`), which side a
//! name, thing or day stands on (`sides.rs`), the cues and argument scores of a sentence
//! (`scoring.rs`), its side (`stance.rs`), the counterpoints (`retrieval.rs`), the document pass
//! and its wording (`document.rs`), tuning aids (`explain.rs`); here, the descriptor and the
//! sentence pass.

mod document;
mod explain;
mod index;
mod markers;
mod retrieval;
mod scoring;
mod sides;
mod stance;
#[cfg(test)]
mod tests;

use std::ops::Range;

use super::check::{Check, DocumentCtx, DocumentOut, SentenceOut};
use super::grammar::SentenceCtx;
use crate::base::{KnowledgeBase, Stance};
pub use crate::claim::{Balance, Claim, ThemeBalance};
use crate::finding::{Code, CodeSpec, Severity};
use crate::text::sentences::{Sentence, TokKind};
use document::document;
pub use explain::{explain, topic_cues};
pub(crate) use index::Index;
use markers::List;
use scoring::{find_hits, pieces, Scored, SentenceData};
use stance::{ItemKind, Reading};

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
    let (findings, balance) = document(ctx.kb, ix, ctx.claims, (ctx.text, ctx.sections));
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
/// A single phrase cue suffices when at most this many arguments share it.
pub(super) const SPECIFIC_DF: usize = 2;
/// Weight of a predicate borrowed from another argument of the same side.
pub(super) const BORROWED: f32 = 0.5;
/// A cue is a predicate (it shows what a sentence argues, not only its topic) when at most about
/// one argument in seven uses it: idf at least this.
pub(super) const PREDICATE_IDF: f32 = 2.0;
/// An argument says what the sentence says when it scores this much on it ...
const CONTENT: f32 = 2.0;
/// ... with one of its own predicate cues, or this much with only its topic's names.
const CONTENT_TOPIC: f32 = 4.0;
/// What an argument gains, as the claim's argument, when its cues carry the sentence's
/// judgements.
const CARRIES: f32 = 4.0;
/// A line without a full stop and shorter than this is a title.
const TITLE_WORDS: usize = 12;

/// The claim a sentence makes, if any (or half of one over two sentences).
pub(crate) fn claims(ctx: &SentenceCtx, ix: &Index) -> Vec<Claim> {
    let kb = ctx.kb;
    let s = &ctx.sentence;
    if kb.arguments.is_empty() || s.toks.len() < 3 || asks(ctx) || title(ctx) {
        return Vec::new();
    }
    let named = ctx.mentions.iter().any(|m| ix.sides.of_entry(m.entry).is_some());
    // A sentence that cannot take a side, even should it point back, has nothing to read: left
    // before its words are looked up (most sentences; the tests below would all leave it).
    let may_point_back = ix.lists.tok_word(s, 0).may & List::Anaphors.bit() != 0;
    if !may_point_back && !stance::may_take_a_side(ctx, ix, named, false) {
        return Vec::new();
    }
    let tw = ix.lists.tok_words(s);
    if ix.lists.any(List::Meta, s, &tw) && !thesis(s) {
        return Vec::new();
    }
    let points_back = ix.lists.at(List::Anaphors, s, &tw, 0).is_some();
    // (Without a side, only a sentence that names one has content to keep.)
    if !stance::may_take_a_side(ctx, ix, named, points_back) {
        return Vec::new();
    }
    let ps = pieces(ix, s, &tw);
    let hits = find_hits(ix, &ps);
    if hits.is_empty() && !named && !points_back {
        return Vec::new();
    }
    let d = SentenceData::new(ctx, ix, &tw, ps, hits);
    let reading = stance::read(ctx, ix, &tw, &d);
    let scores = d.score(kb, ix, &(0..s.toks.len()), false);
    let claim = Claim {
        range: ctx.abs(&bytes(s, trim_clause(s, 0..s.toks.len()))),
        block: 0..0,
        sentence: s.range.clone(),
        stance: reading.stance,
        argument: None,
        content: [None, None],
        counterpoints: Default::default(),
        shape: reading.shape,
        author: reading.author,
        anaphoric: reading.anaphoric,
        score: 0.0,
    };
    let claim = match reading.stance {
        None if named => content_only(kb, &scores, claim),
        None => None,
        Some(stance) => whole(kb, ix, &d, &reading, &scores, stance, claim),
    };
    claim.into_iter().collect()
}

/// Does an argument say what the sentence says?
fn says(sc: &Scored) -> bool {
    sc.score >= CONTENT
        && (sc.predicates > 0 || sc.specific || (sc.topics > 0 && sc.score >= CONTENT_TOPIC))
}

/// A sentence with content but no side: kept as the first half of a claim that a next sentence
/// ("This was no accident.") may complete.
fn content_only(kb: &KnowledgeBase, scores: &[Scored], mut claim: Claim) -> Option<Claim> {
    for st in [Stance::Continuity, Stance::Rupture] {
        claim.content[st as usize] = scores
            .iter()
            .find(|sc| kb.arguments[sc.argument].stance == st && says(sc))
            .map(|sc| sc.argument);
    }
    claim.content.iter().any(Option::is_some).then_some(claim)
}

/// A sentence with a side: its argument and counterpoints (or, without content, the second
/// half of a claim over two sentences when it points back).
fn whole(
    kb: &KnowledgeBase,
    ix: &Index,
    d: &SentenceData,
    reading: &Reading,
    scores: &[Scored],
    stance: Stance,
    mut claim: Claim,
) -> Option<Claim> {
    let Some((argument, score)) = claim_argument(kb, ix, d, reading, scores, stance) else {
        return reading.anaphoric.then_some(claim);
    };
    claim.argument = Some(argument);
    claim.score = score;
    let overlap: Vec<(usize, f32)> = scores.iter().map(|sc| (sc.argument, sc.score)).collect();
    claim.counterpoints = retrieval::rank(
        kb,
        &retrieval::Ask {
            argument,
            stance,
            shape: reading.shape,
            author: reading.author,
            overlap: &overlap,
            denied: &reading.denied,
            conceded: &reading.conceded,
        },
    );
    Some(claim)
}

/// The argument a claim of side `stance` makes, with its score: the best of its own side, first
/// among those whose cues carry its judgements ("a party of debate"); else, when its words fit
/// an argument of the other side, that argument's strongest counter on its side; else the
/// argument of its side whose topic or words it names ("Collectivisation was Stalin's own
/// policy"); and a claim that only sets the two sides against each other makes its side's
/// general thesis.
fn claim_argument(
    kb: &KnowledgeBase,
    ix: &Index,
    d: &SentenceData,
    reading: &Reading,
    scores: &[Scored],
    stance: Stance,
) -> Option<(usize, f32)> {
    let carries = |a: usize| {
        d.hits.iter().any(|h| {
            let cue = &ix.cues[h.cue];
            cue.args.binary_search(&a).is_ok()
                && !cue.weak
                && reading.items.iter().any(|it| {
                    it.kind == ItemKind::Judgement
                        && it.toks.start < h.toks.end
                        && h.toks.start < it.toks.end
                })
        })
    };
    let side = |sc: &&Scored| kb.arguments[sc.argument].stance == stance;
    let carried = |sc: &Scored| sc.score + if carries(sc.argument) { CARRIES } else { 0.0 };
    let own = scores
        .iter()
        .filter(|sc| side(sc) && says(sc))
        .max_by(|x, y| carried(x).total_cmp(&carried(y)).then(y.argument.cmp(&x.argument)));
    if let Some(sc) = own {
        return Some((sc.argument, sc.score));
    }
    // (An argument of the other side counts only for words that are not the sentence's framing:
    // "not new departures" is no claim about the NEP's end. A judgement's words are its topic:
    // "no open debate" is about the party's debates.)
    let other = scores
        .iter()
        .find(|sc| !side(sc) && says(sc) && !only_framing(d, ix, reading, sc.argument));
    if let Some(sc) = other {
        let counter =
            kb.arguments[sc.argument].counters.iter().find(|&&c| kb.arguments[c].stance == stance);
        return counter.map(|&c| (c, sc.score));
    }
    // (Scores are sorted: the best of its side whose topic, or failing that whose words, it
    // names: "Lenin's terror made Stalin's terror inevitable" is about terror.)
    let named = |topic: bool| {
        scores.iter().find(|sc| {
            side(sc)
                && sc.score >= CONTENT
                && (sc.topics > 0 || !topic)
                && !only_framing(d, ix, reading, sc.argument)
        })
    };
    if let Some(sc) = named(true).or_else(|| named(false)) {
        return Some((sc.argument, sc.score));
    }
    let thesis = kb.arguments.iter().position(|a| a.thesis && a.stance == stance);
    thesis.filter(|_| reading.names[0] && reading.names[1]).map(|a| (a, 0.0))
}

/// Are all of an argument's cues in the sentence (if any) inside its framing items?
fn only_framing(d: &SentenceData, ix: &Index, reading: &Reading, a: usize) -> bool {
    d.hits
        .iter()
        .filter(|h| ix.cues[h.cue].args.binary_search(&a).is_ok() && !ix.cues[h.cue].weak)
        .all(|h| {
            reading.items.iter().any(|it| {
                it.kind != ItemKind::Judgement
                    && it.toks.start < h.toks.end
                    && h.toks.start < it.toks.end
            })
        })
}

/// Is the sentence a question?
fn asks(ctx: &SentenceCtx) -> bool {
    ctx.text()
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '”' | '’' | '\'' | ')'))
        .ends_with('?')
}

/// A line without a final full stop and shorter than a sentence usually is: a heading or a
/// title.
fn title(ctx: &SentenceCtx) -> bool {
    let t = ctx.text().trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '”' | '’' | '\'' | ')' | ']')
    });
    let words = ctx.sentence.toks.iter().filter(|t| t.kind == TokKind::Word).count();
    !t.ends_with(['.', '!', '?', ':', ';']) && words < TITLE_WORDS
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

/// The bytes a token range covers (sentence-relative).
fn bytes(s: &Sentence, toks: Range<usize>) -> Range<usize> {
    s.toks[toks.start].range.start..s.toks[toks.end - 1].range.end
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
