//! A place called, in a dated clause, by a name it did not yet bear: "Stalin organised the
//! defence of Stalingrad in 1918" (the city was Tsaritsyn until April 1925). The renamings of
//! the period (Petrograd, Leningrad, Stalingrad, Stalino, Sverdlovsk...) are part of its
//! chronology, and a name put before its time shows the chronology confused.
//!
//! Only a name the place bore for a time is judged: not its first name, and not the name it
//! bears today, which writers use for any period by convention ("Lenin was born in Simbirsk,
//! now Ulyanovsk"). The date must be the place's own, right after it ("Stalingrad in 1918",
//! "Stalingrad (1918)"), or frame the clause in which the place follows a preposition ("In 1918
//! Stalin held Stalingrad against the Whites"). Nothing is said when the sentence gives another
//! name of the place ("Tsaritsyn, later Stalingrad") or speaks of renaming, of later or of
//! present names (the vocabulary's `renaming` words), or when the name is quoted.

use std::ops::Range;

use super::ANACHRONISM;
use crate::base::date::Date;
use crate::base::{Entry, Mention};
use crate::checks::grammar::words::is_preposition;
use crate::checks::grammar::SentenceCtx;
use crate::checks::wording::{on, provenance_of};
use crate::dates::{DateExpr, Relation};
use crate::finding::{Finding, Fix};
use crate::text::sentences::TokKind;

/// The finding for a place named in `clause` by a name that came into use after the date.
pub(super) fn misnamed(ctx: &SentenceCtx, clause: &Range<usize>, d: &DateExpr) -> Option<Finding> {
    if d.relation != Relation::In {
        return None;
    }
    let kb = ctx.kb;
    let mut places = ctx.mentions.iter().filter(|m| kb.entries[m.entry].is_place()).peekable();
    places.peek()?;
    for m in places {
        let e = &kb.entries[m.entry];
        let toks = ctx.mention_toks(m);
        if toks.start < clause.start || toks.end > clause.end {
            continue;
        }
        let used = surface(ctx, m);
        let Some(first) = first_use(e, &used) else { continue };
        let widen = if d.approx { 366 } else { 0 };
        if d.span.hi + widen >= first.span().lo
            || another_name_given(ctx, m, &used)
            || ctx.quotation_of(toks.start).is_some()
            || !dates_the_place(ctx, clause, d, &toks)
        {
            continue;
        }
        // Last, being the dearest test: speaking of renaming anywhere silences the sentence.
        if ctx.sentence.has_phrase(&kb.vocab.renaming) {
            return None;
        }
        return Some(finding(ctx, e, m, &used, first, d));
    }
    None
}

/// The mention's text without a possessive ending.
fn surface(ctx: &SentenceCtx, m: &Mention) -> String {
    let t = &ctx.block[m.range.clone()];
    t.trim_end_matches("'s").trim_end_matches("’s").to_string()
}

/// When the name came into use, if it is a name the place bore only for a time: not its first
/// name (some period of the name has no start) and not a name it bears today (every period of
/// the name has an end).
fn first_use(e: &Entry, used: &str) -> Option<Date> {
    let periods: Vec<_> = e.names.iter().filter(|n| n.name.eq_ignore_ascii_case(used)).collect();
    if periods.is_empty() || periods.iter().any(|p| p.from.is_none() || p.to.is_none()) {
        return None;
    }
    periods.iter().filter_map(|p| p.from.map(|w| w.from)).min_by_key(|f| f.span().lo)
}

/// Does the sentence also call the place by another name ("Tsaritsyn, later Stalingrad")?
fn another_name_given(ctx: &SentenceCtx, m: &Mention, used: &str) -> bool {
    ctx.mentions.iter().any(|o| o.entry == m.entry && !surface(ctx, o).eq_ignore_ascii_case(used))
}

/// Is the date the place's: right after it ("Stalingrad in 1918", "Stalingrad (1918)"), or
/// framing the clause ("In 1918 ...") in which the place stands after a preposition and ends
/// its phrase ("the defence of Stalingrad", not "the Stalingrad tractor works")?
fn dates_the_place(
    ctx: &SentenceCtx,
    clause: &Range<usize>,
    d: &DateExpr,
    place: &Range<usize>,
) -> bool {
    let s = &ctx.sentence;
    let between = place.end..d.toks.start;
    if d.toks.start >= place.end && between.len() <= 1 {
        return between.clone().all(|i| matches!(s.word(i), "in" | "during" | "," | "("));
    }
    let framing = |i: usize| {
        matches!(s.word(i), "in" | "during" | "early" | "late" | "mid" | "the" | "," | "on")
            || d.toks.contains(&i)
    };
    let frames = d.toks.end <= place.start && (clause.start..d.toks.end).all(framing);
    let after_preposition = place.start > clause.start && is_preposition(s.word(place.start - 1));
    let ends_phrase = place.end >= clause.end
        || s.toks[place.end].kind == TokKind::Punct
        || is_preposition(s.word(place.end))
        || matches!(s.word(place.end), "and" | "or" | "but" | "where" | "which" | "when");
    frames && after_preposition && ends_phrase
}

fn finding(
    ctx: &SentenceCtx,
    e: &Entry,
    m: &Mention,
    used: &str,
    first: Date,
    d: &DateExpr,
) -> Finding {
    let written = &ctx.text()[d.range.clone()];
    let then = e.names.iter().find(|n| {
        n.from.is_none_or(|f| f.span().lo <= d.span.lo)
            && n.to.is_none_or(|t| d.span.hi < t.span().lo)
    });
    let then_text = then.map(|n| format!("; in {written} it was {}", n.name)).unwrap_or_default();
    let message = format!(
        "The name {used} was given {} {}, so it does not fit {written}{then_text}.",
        on(&first),
        provenance_of(&[e]),
    );
    let mut f = ANACHRONISM.finding(m.range.clone(), message);
    f.entry = Some(m.entry);
    if let Some(n) = then {
        f.fixes.push(Fix {
            title: format!("Replace with {}", n.name).into(),
            range: m.range.clone(),
            replacement: n.name.clone().into(),
        });
    }
    f
}
