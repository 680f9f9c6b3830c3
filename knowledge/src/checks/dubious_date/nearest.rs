//! Which facts of a clause a date speaks of: each fact belongs to the nearest date of its
//! clause, and only if that date is close to it or frames the clause ("In 1934, ..."); a date
//! before a coordinating word belongs to the verb before it.

use std::ops::Range;

use super::facts::Fact;
use crate::checks::grammar::cues::SentenceCues;
use crate::checks::grammar::names::SentenceName;
use crate::checks::grammar::words::{is_be, is_framing, is_have, is_modal};
use crate::checks::grammar::SentenceCtx;
use crate::dates::{DateExpr, Relation};

/// Tokens between a date and an anchor (0 when they overlap); a comma between counts extra, and
/// a date after the anchor wins a tie.
fn distance(ctx: &SentenceCtx, d: &Range<usize>, a: &Range<usize>) -> usize {
    let (gap, comma) = if d.end <= a.start {
        (a.start - d.end, (d.end..a.start).any(|i| ctx.sentence.word(i) == ","))
    } else if d.start >= a.end {
        (d.start - a.end, (a.end..d.start).any(|i| ctx.sentence.word(i) == ","))
    } else {
        (0, false)
    };
    let before = d.end <= a.start;
    gap * 4 + if comma { 8 } else { 0 } + usize::from(before)
}

/// A date at the head of its clause ("In 1934, ...", "By early 1939 ...") frames all of it.
fn framing(ctx: &SentenceCtx, clause: &Range<usize>, d: &DateExpr) -> bool {
    (clause.start..d.toks.start).all(|i| {
        is_framing(ctx.sentence.word(i))
            || ctx.sentence.word(i) == ","
            || ctx.dates.iter().any(|x| x.toks.contains(&i))
    })
}

/// The facts the date `dates[di]` of a clause speaks of, with how it dates them ("by then
/// Kirov had been murdered" only says "no later than").
pub(super) fn facts_of_date<'f, 'k>(
    ctx: &SentenceCtx,
    cues: &SentenceCues,
    clause: &Range<usize>,
    names: &[SentenceName],
    dates: &[&DateExpr],
    di: usize,
    facts: &'f [Fact<'k>],
) -> Vec<(&'f Fact<'k>, Relation)> {
    let d = dates[di];
    facts
        .iter()
        .filter_map(|f| {
            let a = f.cue_toks.clone().unwrap_or_else(|| f.anchor.clone());
            let placed = Placement { ctx, clause, anchor: &a };
            if placed.cut_off(d) {
                return None;
            }
            let dist = distance(ctx, &d.toks, &a);
            let nearest = dates.iter().enumerate().all(|(dj, o)| {
                dj == di
                    || placed.cut_off(o)
                    || distance(ctx, &o.toks, &a) > dist
                    || (distance(ctx, &o.toks, &a) == dist && dj > di)
            });
            if !nearest || !placed.close_or_framing(cues, names, d) {
                return None;
            }
            if ctx.quotation_of(f.anchor.start) != ctx.quotation_of(ctx.year_token(d)) {
                return None;
            }
            // "In 1935 Kirov had been murdered": the murder came no later than 1935.
            let after = d.toks.start >= a.end;
            let relation = if f.pluperfect && !after && d.relation == Relation::In {
                Relation::ByEnd
            } else {
                d.relation
            };
            Some((f, relation))
        })
        .collect()
}

/// Where a fact's anchor (its cue, else its name) stands in its clause.
struct Placement<'c, 'a> {
    ctx: &'c SentenceCtx<'a>,
    clause: &'c Range<usize>,
    anchor: &'c Range<usize>,
}

impl Placement<'_, '_> {
    /// "took power in October 1917 and set up the Cheka that December": a date before a
    /// coordinating word belongs to the verb before it, not to the cue after it (unless it
    /// heads the clause).
    fn cut_off(&self, o: &DateExpr) -> bool {
        let a = self.anchor;
        o.toks.end <= a.start
            && !framing(self.ctx, self.clause, o)
            && (o.toks.end..a.start).any(|i| {
                matches!(
                    self.ctx.sentence.word(i),
                    "and" | "but" | "then" | "before" | "after" | "while" | "whereas"
                )
            })
    }

    /// Is the date close to the anchor, or does it frame the clause? "In 1956 Khrushchev blamed
    /// Stalin for Kirov's death": a date that reaches the fact only by framing the clause
    /// belongs to the clause's own verb when another acts first.
    fn close_or_framing(&self, cues: &SentenceCues, names: &[SentenceName], d: &DateExpr) -> bool {
        let (ctx, a) = (self.ctx, self.anchor);
        let after = d.toks.start >= a.end;
        let gap = if after { d.toks.start - a.end } else { a.start.saturating_sub(d.toks.end) };
        let close = if after { gap <= 6 } else { gap <= 2 };
        let frames = !after && framing(ctx, self.clause, d);
        if !(close || frames) {
            return false;
        }
        let acts_first = (d.toks.end..a.start).any(|i| {
            let w = ctx.sentence.word(i);
            cues.is_verb(w)
                && !is_modal(w)
                && !is_have(w)
                && !is_be(w)
                && !names.iter().any(|n| n.toks.contains(&i))
        });
        close || !acts_first
    }
}
