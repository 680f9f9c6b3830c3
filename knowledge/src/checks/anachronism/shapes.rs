//! Sentence shapes in which a dated act still belongs to its agent although the agent and the
//! date are further apart than "In 1935 Lenin praised": an aside between the agent and its verb,
//! a "when" clause that dates the main clause, a verb of leading whose followers act at the date;
//! and which conditions make a date imagined rather than stated.

use std::ops::Range;

use super::{is_participle_modifier, is_subordinate, outside, tied};
use crate::base::Kind;
use crate::checks::grammar::names::SentenceName;
use crate::checks::grammar::words::{is_be, is_have, is_modal, is_past_form};
use crate::checks::grammar::{is_condition, SentenceCtx};
use crate::dates::DateExpr;
use crate::text::sentences::TokKind;

/// Is the date asked or imagined rather than stated? A question or a counterfactual ("would
/// have") anywhere, or a condition or modal negation ("if", "could not") before the date or in
/// its own phrase. One in a later phrase, after a comma that follows the date, is about
/// something else: "In 1936 Dzerzhinsky interrogated them, promising them their lives if they
/// confessed"; "In 1938 Ordzhonikidze defended his managers, though he could not save Pyatakov".
pub(super) fn imagined(ctx: &SentenceCtx, d: &DateExpr) -> bool {
    if !ctx.hypothetical() {
        return false;
    }
    if ctx.text().trim_end().ends_with('?') {
        return true;
    }
    let s = &ctx.sentence;
    let n = s.toks.len();
    let phrase_end = (d.toks.end..n)
        .find(|&i| matches!(s.word(i), "," | ";" | ":" | "—" | "–" | "("))
        .unwrap_or(n);
    (0..n).any(|i| {
        let w = s.word(i);
        let next = if i + 1 < n { s.word(i + 1) } else { "" };
        let modal = matches!(w, "would" | "could" | "might" | "should");
        (modal && next == "have")
            || (i < phrase_end && ((modal && next == "not") || is_condition(w)))
    })
}

/// The date's clause (`clauses[ci]`), reaching back over a relative clause to the subject it
/// interrupts when the clause opens with that subject's verb: "Kirov, who had run the Leningrad
/// party since 1926, signed the order in May 1937" reads "Kirov ... signed ... in May 1937".
/// Also returns the interruption (comma to comma), whose names act for themselves only.
pub(super) fn with_subject(
    ctx: &SentenceCtx,
    clauses: &[Range<usize>],
    ci: usize,
) -> (Range<usize>, Option<Range<usize>>) {
    let c = clauses[ci].clone();
    let s = &ctx.sentence;
    let reach = || -> Option<(Range<usize>, Range<usize>)> {
        let rel = clauses.get(ci.checked_sub(1)?)?;
        let subject = clauses.get(ci.checked_sub(2)?)?;
        let comma = |i: usize| i < s.toks.len() && s.word(i) == ",";
        let shaped = s.word(rel.start) == "who"
            && rel.start == subject.end + 1
            && comma(subject.end)
            && c.start == rel.end + 1
            && comma(rel.end)
            && ctx.cue_phrases.is_verb(s.word(c.start));
        let named = ctx.names().iter().any(|n| !n.pronoun && n.toks.end == subject.end);
        (shaped && named).then_some((subject.start..c.end, subject.end..c.start))
    };
    match reach() {
        Some((clause, aside)) => (clause, Some(aside)),
        None => (c, None),
    }
}

/// After a name, an aside between commas that its verb follows: a relative clause ("Kirov, who
/// had run the Leningrad party since 1926, signed") or an appositive without a verb ("Martov, the
/// Menshevik leader, protested"). `open` is the first comma; returns the closing one.
pub(super) fn aside_end(ctx: &SentenceCtx, open: usize, end: usize) -> Option<usize> {
    let s = &ctx.sentence;
    let close = (open + 2..end.min(open + 16)).find(|&i| s.word(i) == ",")?;
    let first = s.word(open + 1);
    if first == "who" {
        return Some(close);
    }
    let plain = (open + 1..close).all(|i| {
        let w = s.word(i);
        s.toks[i].kind == TokKind::Word
            && !is_be(w)
            && !is_past_form(w)
            && !ctx.cue_phrases.is_verb(w)
    });
    (matches!(first, "the" | "a" | "an") && plain).then_some(close)
}

/// The agent of a main clause that a "when" clause dates: in "Kamenev voted for the constitution
/// when the Congress adopted it in December 1936" the date is the Congress's act, and Kamenev
/// voted at that time. `nearest` is the agent nearest the date, which must open the "when"
/// clause and own the date; the main agent's verb must run to "when" with only its object
/// between, and the main clause must carry no date of its own.
pub(super) fn acting_when<'c>(
    ctx: &SentenceCtx,
    clause: &Range<usize>,
    agents: &[(&'c SentenceName, usize)],
    nearest: (&SentenceName, usize),
    d: &DateExpr,
) -> Option<&'c SentenceName> {
    let s = &ctx.sentence;
    let mut w = nearest.0.toks.start;
    while w > clause.start && matches!(s.word(w - 1), "the" | "a" | "an") {
        w -= 1;
    }
    if w <= clause.start || s.word(w - 1) != "when" {
        return None;
    }
    let when = w - 1;
    let (names, cues) = (ctx.names(), ctx.cues());
    if d.toks.start < nearest.1 || !tied(ctx, cues, names, clause, d, nearest.0, nearest.1) {
        return None;
    }
    let &(m, vb) = agents.iter().filter(|a| a.1 < when).max_by_key(|a| a.1)?;
    outside(ctx.kb, m.entry, d)?;
    let dated = |i: usize| ctx.dates.iter().any(|x| x.toks.contains(&i));
    let object_only = (vb + 1..when).all(|i| {
        let w = s.word(i);
        let verb = is_be(w) || is_have(w) || (is_past_form(w) && !is_participle_modifier(ctx, i));
        !(is_subordinate(w) || verb || dated(i))
    });
    let undated_before = (clause.start..when).all(|i| !dated(i));
    (object_only && undated_before).then_some(m)
}

/// At token `i` after an agent's verb of leading (`vb`, one of the vocabulary's `leads`): "that"
/// or "which" opening a relative clause whose verb is what those led did, at the date that
/// follows ("Tukhachevsky led the counter-offensive that drove the Germans back from Moscow in
/// December 1941": leading lasts while the led act). Returns the relative clause's verb. No
/// person may be named between it and the date (then the act is theirs).
pub(super) fn followers_act(
    ctx: &SentenceCtx,
    names: &[SentenceName],
    vb: usize,
    i: usize,
    date: usize,
) -> Option<usize> {
    let s = &ctx.sentence;
    if !matches!(s.word(i), "that" | "which") || i <= vb + 1 || i + 1 >= date {
        return None;
    }
    let leads = ctx.kb.vocab.leads.iter().any(|w| w == s.word(vb));
    let v = s.word(i + 1);
    let acts = is_past_form(v)
        || (ctx.cue_phrases.verbs.contains(v) && !is_be(v) && !is_have(v) && !is_modal(v));
    // "that crossed into Poland much later, in 1939": the act came after the leading.
    let later = (i + 2..date).any(|k| {
        matches!(
            s.word(k),
            "later" | "afterwards" | "subsequently" | "eventually" | "after" | "since"
        )
    });
    let person_between = names.iter().any(|n| {
        !n.pronoun
            && i < n.toks.start
            && n.toks.start < date
            && ctx.kb.entries[n.entry].kind == Kind::Person
    });
    (leads && acts && !later && !person_between).then_some(i + 1)
}
