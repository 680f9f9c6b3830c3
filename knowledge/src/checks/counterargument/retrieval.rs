//! Which counterpoints answer a claim, best first. Only arguments of the side opposite to the
//! claim's are candidates, so a counterpoint never argues the student's own side; among them the
//! claim argument's own `counters` (ranked by hand in the data) come first, then the arguments
//! on the same sub-question, then on the same theme, each helped by the words it shares with
//! the sentence, by being what the sentence denies ("Lenin did not create a totalitarian
//! state" is answered by those who say he did) or only grants in a conceded clause ("the seeds
//! may be found in 1917-21, but ..." is pressed on those seeds), and by answering the claim's
//! shape. An argument made by the claim's own author does not answer that author.

use crate::base::{EntryId, KnowledgeBase, Shape, Stance};
use crate::claim::Counterpoints;

/// How many counterpoints a claim keeps (the first is shown, the next two are alternatives).
pub(super) const KEEP: usize = crate::claim::COUNTERPOINTS;

/// What the ranking knows of a claim.
pub(super) struct Ask<'a> {
    /// The argument the claim makes.
    pub(super) argument: usize,
    /// The side it argues.
    pub(super) stance: Stance,
    pub(super) shape: Option<Shape>,
    pub(super) author: Option<EntryId>,
    /// Each argument's score on the sentence's words (any side), from the sentence pass.
    pub(super) overlap: &'a [(usize, f32)],
    /// Arguments whose cues the sentence denies: the other side asserts them.
    pub(super) denied: &'a [usize],
    /// Arguments whose cues a conceded clause names: the other side presses them.
    pub(super) conceded: &'a [usize],
}

/// Weights of the ranking: a hand-ranked counter first, then the same question, the same theme;
/// the sentence's words and the claim's shape decide among them.
const COUNTER: f32 = 5.0;
const COUNTER_RANK: f32 = 0.4;
const QUESTION: f32 = 1.5;
const THEME: f32 = 0.5;
const SHAPE: f32 = 1.0;
const WORDS: f32 = 3.0;
const DENIED: f32 = 4.0;
const CONCEDED: f32 = 3.0;
/// An overlap score (BM25) this high counts fully.
const WORDS_FULL: f32 = 4.0;
/// A candidate on another question and theme needs this much of the sentence's words.
const WORDS_ALONE: f32 = 3.0;

pub(super) fn rank(kb: &KnowledgeBase, ask: &Ask) -> Counterpoints {
    let Some(a) = kb.arguments.get(ask.argument) else { return Counterpoints::default() };
    let want = ask.stance.opposite();
    let overlap = |x: usize| ask.overlap.iter().find(|o| o.0 == x).map_or(0.0, |o| o.1);
    let mut scored: Vec<(usize, f32)> = kb
        .arguments
        .iter()
        .enumerate()
        .filter(|(_, b)| b.stance == want)
        .filter(|(_, b)| ask.author.is_none_or(|au| !b.historians.contains(&au)))
        .filter_map(|(x, b)| {
            let counter = a.counters.iter().position(|&c| c == x);
            let question = !a.question.is_empty() && b.question == a.question;
            let theme = b.theme == a.theme;
            let words = overlap(x);
            let denied = ask.denied.contains(&x);
            let conceded = ask.conceded.contains(&x);
            if counter.is_none()
                && !question
                && !theme
                && !denied
                && !conceded
                && words < WORDS_ALONE
            {
                return None;
            }
            let mut score = 0.0;
            if let Some(r) = counter {
                score += COUNTER - COUNTER_RANK * r as f32;
            }
            if question {
                score += QUESTION;
            }
            if theme {
                score += THEME;
            }
            if ask.shape.is_some_and(|sh| b.answers.contains(&sh)) {
                score += SHAPE;
            }
            score += WORDS * (words / WORDS_FULL).min(1.0);
            if denied {
                score += DENIED;
            }
            if conceded {
                score += CONCEDED;
            }
            Some((x, score))
        })
        .collect();
    scored.sort_by(|p, q| q.1.total_cmp(&p.1).then(p.0.cmp(&q.0)));
    scored.into_iter().take(KEEP).map(|(x, _)| x).collect()
}
