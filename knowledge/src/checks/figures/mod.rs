//! `dubious-figure` (Warning) and `contested-figure` (Information): a number the student ties to
//! a quantity the fact base knows (`[[figure]]`: executions in the Terror, delegates to the 1934
//! Congress, Stakhanov's tonnes...) that no source supports, or that one source supports while
//! others disagree. Numbers carry an argument about the scale of the terror, so a wrong one
//! undermines it; a contested one should be cited.
//!
//! How a number is tied to a figure, with precision first (all of it general rules over the
//! figure's `unit`, `cues`, `subjects`, period and name; no figure is named in code):
//! - the number is read as written (`text::numbers`): hedges ("some", "over", "up to"), rounding
//!   ("2.9 million", "300,000"), ranges ("5 to 7 million"), parts ("three of the five"), ratios
//!   ("1 in 18"), percentages, "Bukharin, Rykov and 18 others". Years, dates, page and order
//!   numbers, footnote marks, ordinals and ages never count.
//! - its measure must fit the figure's unit: years, times, tonnes, per cent, ratio, or a count.
//! - a cue of the figure must be in the number's clause and belong to this number rather than to
//!   another one (the nearest number owns a cue, a number before the cue first; in "2,108 of the
//!   1,966 delegates ... were arrested" the whole, 1,966, owns only its noun, so "arrested" belongs
//!   to 2,108). A number in a phrase about another count's noun ("1,000,000 workers from 58
//!   factories went on strike") owns no cue beyond its own noun, and in "from X (in 1934) to Y
//!   (in 1953)" Y shares the cues X owns. Cues that only name who is counted ("members", "delegates") count only for
//!   figures with no other cues, and a figure whose cues name an event (executed, deaths) needs
//!   one of those unless its subject is named ("13 of 15 army commanders" is no count of survivors).
//! - the sentence must name one of the figure's subjects, use a multi-word cue no other figure
//!   has ("officer corps"), or carry a date within the figure's period with a cue close to the
//!   number; a date outside the period rules the figure out. A day without its year ("On 19
//!   September") places a figure of a month or less, or rules it out.
//! - a noun right after the number must fit the figure ("40 generals" is not a count of
//!   executions).
//!
//! A number that fits some attested value of some candidate figure is fine (contested when other
//! sources give different values). Only a number that conflicts with every value of every
//! candidate is dubious; the quick fix writes the best-supported value the way the student wrote
//! the number. A smaller number for part of a figure's period ("353,074 in 1937" of 1937-38) is
//! not a conflict, nor a larger one for a longer period when only the date tied it to the figure,
//! and a number wildly out of scale with the figure probably counts something else. A contested
//! match is not reported when the clause already says whose number it is ("according to",
//! "official records", a historian named).

mod candidates;
mod decide;
mod identity;
#[cfg(test)]
mod identity_tests;
mod numbers;
#[cfg(test)]
mod shapes_tests;
mod tables;
#[cfg(test)]
mod tests;
mod wording;

use super::check::{Check, SentenceOut};
use super::grammar::clauses::cut_at_stops_and_bullets;
use super::grammar::SentenceCtx;
use crate::finding::{Code, CodeSpec, Severity};
use candidates::NumberSentence;
use decide::decide;
use numbers::numbers;
pub(crate) use tables::FigureTables;

pub const DUBIOUS_FIGURE: CodeSpec = CodeSpec {
    code: Code::DubiousFigure,
    name: "dubious-figure",
    setting: "dubiousFigure",
    severity: Severity::Warning,
    description: "Flag numbers (deaths, members, output) that disagree with the fact base.",
};

pub const CONTESTED_FIGURE: CodeSpec = CodeSpec {
    code: Code::ContestedFigure,
    name: "contested-figure",
    setting: "contestedFigure",
    severity: Severity::Information,
    description: "Flag figures historians dispute, with the range of estimates.",
};

pub(crate) const CHECK: Check<FigureTables> = Check {
    codes: &[DUBIOUS_FIGURE, CONTESTED_FIGURE],
    runs_when_off: false,
    prepare: FigureTables::build,
    sentence: Some(check),
    document: None,
};

fn check(ctx: &SentenceCtx, tables: &FigureTables, out: &mut SentenceOut) {
    if ctx.numbers.is_empty() || ctx.kb.figures.is_empty() {
        return;
    }
    let clauses = cut_at_stops_and_bullets(ctx.clauses(), &ctx.sentence, ctx.text());
    let nums = numbers(ctx, &clauses);
    if nums.is_empty() {
        return;
    }
    let sentence = NumberSentence::read(ctx, tables, &clauses, &nums);
    for (k, n) in nums.iter().enumerate() {
        let mut candidates = sentence.candidates(k);
        if candidates.is_empty() {
            continue;
        }
        candidates.sort_by_key(|c| std::cmp::Reverse(c.score));
        decide(ctx, n, clauses[n.clause].clone(), &candidates, &mut out.findings);
    }
}
