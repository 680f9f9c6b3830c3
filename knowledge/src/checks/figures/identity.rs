//! Whether a sentence pins down the very quantity a figure counts, beyond its topic: a figure
//! names what is counted, of whom, when and in what unit, and a number that shares only the
//! topic ("executions", "the Great Terror") may count something else. These rules only ever
//! silence a dubious-figure finding; they never make one.
//!
//! - a tally over several years (convictions 1921-53) is pinned only by a date covering most
//!   of its period, or by a named subject whose own span is that period ("the Great Terror"
//!   for 1937-38) or that is one occasion defining the group counted (the 1934 Congress whose
//!   delegates were later arrested): "750,000 were sentenced" alone may count any period;
//! - an ordinal in the number's clause that the figure's name contradicts ("the second trial"
//!   for defendants at the third) rules the figure out;
//! - a plan is not an outcome: a quota or target ("to be shot", "targets", "should be
//!   arrested") and a count of what happened are different quantities, so a number is judged
//!   only against figures of its own kind;
//! - a share or count of one body is not another's: when the figure belongs to a body (the SRs'
//!   share of the vote), the body named last before the number in its clause must be one of
//!   the figure's ("the Bolsheviks got 23.9% of votes and the SRs about 40%");
//! - "all eight", "these eight" after an earlier count in the sentence restates a
//!   group already counted (and maybe its leader with it); it is not a new count, and "plus
//!   4-5 million", "a further 6 million" after one adds a part to it;
//! - a plan word after the number's statement ("went on strike on 14 February and the Duma
//!   demanded ...") does not make the number a plan's;
//! - days written without a year ("On 19 September") place figures of a month or less.

use std::ops::Range;

use super::numbers::{Measure, StatedNumber};
use crate::base::date::{civil, day_number, days_in_month, DaySpan};
use crate::base::{Entry, Figure, Kind};
use crate::checks::grammar::SentenceCtx;
use crate::dates::month_number;
use crate::text::sentences::TokKind;

/// Periods longer than this (in days) are tallies that need their period stated.
const TALLY_DAYS: i64 = 400;

/// The share of `a` that `b` covers.
fn covered(a: &DaySpan, b: &DaySpan) -> f64 {
    let inter = (a.hi.min(b.hi) - a.lo.max(b.lo) + 1) as f64;
    (inter / (a.hi - a.lo + 1) as f64).max(0.0)
}

/// The days an entry lasted, from its start to its end.
pub(super) fn entry_span(e: &Entry) -> Option<DaySpan> {
    let start = e.start.as_ref()?.span();
    Some(match &e.end {
        Some(end) => start.hull(&end.span()),
        None => start,
    })
}

/// Is the figure's period pinned: short, or covered by the sentence's date (`part`, the share
/// of the period the date covers), or the span of a subject the sentence names, or not in
/// question (a part of a stated whole, a length of time)?
pub(super) fn period_pinned(
    ctx: &SentenceCtx,
    f: &Figure,
    n: &StatedNumber,
    date_part: Option<f64>,
) -> bool {
    let Some(fs) = f.when.as_ref().map(|w| w.span()) else { return true };
    // A part of a stated whole ("89 of the 139 members") counts a closed group, and a length in
    // years measures the period itself.
    if (fs.hi - fs.lo) as i64 <= TALLY_DAYS
        || date_part.is_some_and(|p| p >= 0.5)
        || n.whole_end.is_some()
        || n.measure == Measure::Years
    {
        return true;
    }
    // A subject that is the period ("the Great Terror" for 1937-38), or a single occasion
    // that defines the group counted ("the delegates to the 1934 Congress" later arrested).
    // (An institution's lifetime is no period: "the Gulag" does not date a count.)
    ctx.mentions.iter().any(|m| {
        let e = &ctx.kb.entries[m.entry];
        f.subjects.contains(&m.entry)
            && (e.kind == Kind::Event || e.subkind == "period")
            && entry_span(e).is_some_and(|s| {
                (covered(&fs, &s) >= 0.5 && covered(&s, &fs) >= 0.5)
                    || (s.hi - s.lo) as i64 <= TALLY_DAYS
            })
    })
}

const ORDINALS: &[&str] = &[
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
];

pub(super) fn ordinal(w: &str) -> Option<&'static str> {
    // (Every ordinal is lower-case ASCII: compared without a lower-cased copy of the word.)
    ORDINALS.iter().copied().find(|o| o.eq_ignore_ascii_case(w))
}

/// Does the clause give an ordinal the figure's name contradicts ("the second Moscow trial"
/// against "Defendants at the third Moscow trial")? `named` holds the ordinals of the figure's
/// name (`PreparedFigure::ordinals`).
pub(super) fn other_ordinal(ctx: &SentenceCtx, clause: &Range<usize>, named: &[&str]) -> bool {
    if named.is_empty() {
        return false;
    }
    let s = &ctx.sentence;
    let mut said = false;
    for i in clause.clone().filter(|&i| i < s.toks.len() && s.toks[i].kind == TokKind::Word) {
        if let Some(o) = ordinal(s.word(i)) {
            if named.contains(&o) {
                return false;
            }
            said = true;
        }
    }
    said
}

/// Is the number at `start` a restatement ("all eight", "these eight") of a group an earlier
/// number in the sentence already counted?
pub(super) fn restates_a_group(ctx: &SentenceCtx, start: usize) -> bool {
    let s = &ctx.sentence;
    // (The sentence's words are lower case already.)
    let before = start.checked_sub(1).map(|i| s.word(i));
    matches!(before, Some("all" | "these" | "those" | "both"))
        && ctx.numbers.iter().any(|n| n.toks.end < start)
}

/// Is the number at `start` added to an earlier count of the sentence ("14 million passed
/// through the camps ..., plus 4-5 million through the colonies", "a further 6 to 7 million")?
/// It counts a part, not the whole the figure holds.
pub(super) fn adds_to_a_count(ctx: &SentenceCtx, start: usize) -> bool {
    let s = &ctx.sentence;
    let before = start.checked_sub(1).map(|i| s.word(i));
    matches!(before, Some("plus" | "further" | "another" | "additional"))
        && ctx.numbers.iter().any(|n| n.toks.end < start)
}

/// Where does the sentence first speak of a plan, order or target rather than of what happened
/// ("should be arrested", "a quota of", "to be shot", "the targets set", "ordered them to
/// hang")? Only lower-case words count: the Five-Year Plan's name says nothing of the mood.
pub(super) fn speaks_of_a_plan(ctx: &SentenceCtx) -> Option<usize> {
    let s = &ctx.sentence;
    let n = s.toks.len();
    (0..n).filter(|&i| s.toks[i].kind == TokKind::Word).find(|&i| {
        let w = s.word(i);
        matches!(
            w,
            "should"
                | "must"
                | "quota"
                | "quotas"
                | "target"
                | "targets"
                | "planned"
                | "aimed"
                | "allotted"
                | "ordered"
                | "orders"
                | "demanded"
                | "demands"
                | "limit"
                | "limits"
        ) || (w == "to" && i + 1 < n && s.word(i + 1) == "be")
            || (matches!(w, "was" | "were") && i + 1 < n && s.word(i + 1) == "to")
    })
}

/// Is the figure a plan, quota or target rather than an outcome (by its name)?
pub(super) fn is_plan(f: &Figure) -> bool {
    let name = f.name.to_lowercase();
    name.contains(" to be ")
        || name
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| matches!(w, "quota" | "quotas" | "target" | "targets" | "limit" | "limits"))
}

/// Does the number (token `start` of clause `clause`) speak of another body than the figure's:
/// the body named last before it in its clause is none of the figure's subjects, which include
/// a body?
pub(super) fn another_body(
    ctx: &SentenceCtx,
    clause: &Range<usize>,
    start: usize,
    f: &Figure,
) -> bool {
    let kb = ctx.kb;
    let is_body = |e: usize| kb.entries[e].kind == Kind::Body;
    if !f.subjects.iter().any(|&e| is_body(e)) {
        return false;
    }
    let toks = &ctx.sentence.toks;
    let (Some(from), Some(to)) = (toks.get(clause.start), toks.get(start)) else { return false };
    let (from, to) = (ctx.abs(&from.range).start, ctx.abs(&to.range).start);
    let last_body = ctx
        .mentions
        .iter()
        .rfind(|m| m.range.start >= from && m.range.end <= to && is_body(m.entry));
    last_body.is_some_and(|m| !f.subjects.contains(&m.entry))
}

/// The days written without a year ("On 19 September", "June 9"): (month, day, first token).
/// Read only when the sentence has no full date.
pub(super) fn day_months(ctx: &SentenceCtx) -> Vec<(u8, u8, usize)> {
    let s = &ctx.sentence;
    let n = s.toks.len();
    let day = |i: usize| -> Option<u8> {
        if i >= n || s.toks[i].kind != TokKind::Number {
            return None;
        }
        s.word(i).parse::<u8>().ok().filter(|d| (1..=31).contains(d))
    };
    let mut out = Vec::new();
    // A month is looked up only beside a day: most words are neither.
    for i in 0..n.saturating_sub(1) {
        if let Some(d) = day(i) {
            if let Some(m) = month_number(s.word(i + 1)) {
                out.push((m, d, i));
                continue;
            }
        }
        if let Some(d) = day(i + 1) {
            // "May" is also a verb: only a capitalised month comes before its day.
            let capitalised =
                ctx.text()[s.toks[i].range.clone()].starts_with(|c: char| c.is_uppercase());
            if let Some(m) = month_number(s.word(i)).filter(|_| capitalised) {
                out.push((m, d, i));
            }
        }
    }
    out
}

/// How days written without a year place a figure of one month or less: `Some(Some(token))`
/// when one falls in its period (in the figure's year), `None` when they all fall outside it
/// (Stakhanov's record of 19 September is not that of 31 August), `Some(None)` otherwise.
pub(super) fn day_month_fit(days: &[(u8, u8, usize)], f: &Figure) -> Option<Option<usize>> {
    let Some(fs) = f.when.as_ref().map(|w| w.span()) else { return Some(None) };
    if days.is_empty() || fs.hi - fs.lo > 31 {
        return Some(None);
    }
    let (year, _, _) = civil(fs.lo);
    let inside = |&(m, d, _): &(u8, u8, usize)| {
        d <= days_in_month(year, m) && (fs.lo..=fs.hi).contains(&day_number(year, m, d))
    };
    days.iter().find(|x| inside(x)).map(|&(_, _, tok)| Some(tok))
}
