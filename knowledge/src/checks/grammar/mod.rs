//! The sentence grammar the checks share: one sentence pre-digested (`SentenceCtx`, in
//! `sentence.rs`), word classes and verb forms (`words`), the one
//! clause splitter (`clauses`), the names in a sentence (`names`), the cue phrases found in it
//! (`cues`), how a cue binds to a name (`bind`), and here, the moods that make a sentence or a
//! clause unsafe to judge: questions, conditions, counterfactuals and negations.
//!
//! Grammar at the level of word order, cheap enough for every sentence of every keystroke.

pub(crate) mod bind;
pub(crate) mod clauses;
pub(crate) mod cues;
pub(crate) mod names;
pub(crate) mod pronouns;
mod sentence;
pub(crate) mod words;

use std::ops::Range;

use crate::text::sentences::TokKind;

use cues::{CueList, SentenceCues};
pub use sentence::SentenceCtx;

/// Does the clause hold a negation (or a question or condition) that makes its dates unsafe to judge?
/// Only words before `upto` (the end of the date) count: "Lenin died in 1926, leaving no
/// successor" is not negated.
pub(crate) fn guarded(
    ctx: &SentenceCtx,
    cues: &SentenceCues,
    clause: &Range<usize>,
    upto: usize,
) -> bool {
    let end = upto.min(clause.end);
    for i in clause.start..end {
        if matches!(ctx.sentence.word(i), "if" | "unless" | "whether" | "suppose" | "imagine") {
            return true;
        }
    }
    // "little" and "without" are too common in ordinary descriptions to cancel a clause.
    cues.of(CueList::Negation).iter().any(|r| {
        clause.start <= r.start
            && r.start < end
            && r.end <= clause.end
            && !matches!(ctx.sentence.word(r.start), "little" | "without")
            && !numero(ctx, r.start)
    })
}

/// Is token `i` the "No." of a number ("Order No. 00447", "Order No 227"), not a "no"?
fn numero(ctx: &SentenceCtx, i: usize) -> bool {
    let s = &ctx.sentence;
    let number_at = |k: usize| s.toks.get(k).is_some_and(|t| t.kind == TokKind::Number);
    s.word(i) == "no"
        && (number_at(i + 1)
            || s.toks.get(i + 1).is_some_and(|_| s.word(i + 1) == ".") && number_at(i + 2))
}

/// Sentence-level guards: questions and counterfactuals.
pub(crate) fn hypothetical(ctx: &SentenceCtx) -> bool {
    let t = ctx.text().trim_end();
    if t.ends_with('?') {
        return true;
    }
    let n = ctx.sentence.toks.len();
    for i in 0..n {
        let w = ctx.sentence.word(i);
        if is_condition(w) {
            return true;
        }
        if matches!(w, "would" | "could" | "might" | "should")
            && i + 1 < n
            && matches!(ctx.sentence.word(i + 1), "have" | "not")
            && reaches_a_date(ctx, i)
        {
            return true;
        }
    }
    false
}

/// Words that make what follows them a condition, not a statement.
pub(crate) fn is_condition(w: &str) -> bool {
    matches!(
        w,
        "if" | "unless"
            | "whether"
            | "suppose"
            | "supposing"
            | "imagine"
            | "hypothetically"
            | "counterfactual"
    )
}

/// Does the modal at token `at` govern a date of the sentence? It does when it stands before
/// one or in its clause; a modal in a later clause ("the trials took place in 1936 and 1937,
/// and the defendants confessed to crimes they could not have committed") leaves the dates
/// before it as plain statements.
fn reaches_a_date(ctx: &SentenceCtx, at: usize) -> bool {
    let clauses = ctx.date_clauses();
    let modal_clause = clauses::clause_index(clauses, at);
    ctx.dates.is_empty()
        || ctx.dates.iter().any(|d| {
            d.toks.end > at || clauses::clause_index(clauses, ctx.year_token(d)) == modal_clause
        })
}
