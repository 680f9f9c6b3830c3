//! What happened to a person, read open-world: "Trotsky was expelled from the party in 1923",
//! "Lenin was shot in 1919", "Stalin was first exiled to Siberia in 1913".
//!
//! A person can be arrested, exiled, tried or shot at several times, so a date is judged only
//! when the base records every instance of what the sentence says happened: the person's
//! `complete` list promises it (or the type befalls anyone at most once, like an execution). A
//! word may say several things ("shot": an attempt, an execution, an assassination, a suicide),
//! and then every one of them must be complete. The instances are the person's `happenings`,
//! the events whose `subjects` they are, and their death when `death_by` says it was such a
//! happening. What the sentence adds narrows them: "first", "second", "last"; the body "from"
//! which someone was expelled; the place to or in which it happened. When they narrow to none,
//! nothing is said (the sentence may speak of an instance the base does not know how to place).

use std::ops::Range;

use super::facts::{hull, Fact, FactKind};
use super::DateTables;
use crate::base::date::When;
use crate::base::{Entry, EntryId, Kind, KnowledgeBase};
use crate::checks::grammar::bind::{bind, Bind};
use crate::checks::grammar::cues::SentenceCues;
use crate::checks::grammar::names::{is_name_token, SentenceName};
use crate::checks::grammar::words::{is_determiner, is_preposition};
use crate::checks::grammar::SentenceCtx;
use crate::text::numbers::is_number_word;

/// One recorded instance of a happening: its type, when, where, what body it concerned, and the
/// event entry that records it, if any.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Instance<'k> {
    pub kind: &'k str,
    pub when: When,
    pub place: Option<EntryId>,
    pub of: Option<EntryId>,
    pub event: Option<EntryId>,
}

/// Per person, the events with a `type` whose `subjects` they are (built once per base).
pub(super) fn subject_events(kb: &KnowledgeBase) -> Vec<Vec<EntryId>> {
    let mut out = vec![Vec::new(); kb.entries.len()];
    for (id, e) in kb.entries.iter().enumerate() {
        if e.kind == Kind::Event && e.event_type.is_some() {
            for &s in &e.subjects {
                if s < out.len() && !out[s].contains(&id) {
                    out[s].push(id);
                }
            }
        }
    }
    out
}

/// Every instance of the types `kinds` the base records for `person`, in date order.
pub(crate) fn instances<'k>(
    kb: &'k KnowledgeBase,
    tables: &DateTables,
    person: EntryId,
    kinds: &[&str],
) -> Vec<Instance<'k>> {
    let e: &'k Entry = &kb.entries[person];
    let mut out: Vec<Instance<'k>> = e
        .happenings
        .iter()
        .filter(|h| kinds.contains(&h.kind.as_str()))
        .map(|h| Instance { kind: &h.kind, when: h.when, place: h.place, of: h.of, event: None })
        .collect();
    for &ev in &tables.subject_events[person] {
        let x = &kb.entries[ev];
        let (Some(t), Some(start)) = (x.event_type.as_deref(), x.start) else { continue };
        if kinds.contains(&t) {
            let when = When { from: start.from, to: x.end.map(|w| w.from) };
            out.push(Instance { kind: t, when, place: x.place, of: None, event: Some(ev) });
        }
    }
    // A happening the person's list repeats from an event entry is that event; what the list
    // adds (the body it concerned, its place) stays with it.
    let repeats = |h: &Instance, ev: &Instance| {
        h.event.is_none() && h.kind == ev.kind && h.when.span().overlaps(&ev.when.span())
    };
    for at in 0..out.len() {
        if out[at].event.is_none() {
            continue;
        }
        let ev = out[at];
        if let Some(h) = out.iter().find(|h| repeats(h, &ev)).copied() {
            out[at].of = out[at].of.or(h.of);
            out[at].place = out[at].place.or(h.place);
        }
    }
    // An event that spans several of the list's own instances ("Lenin's strokes", May 1922 to
    // March 1923) groups them: the list's instances are each one, and "his third stroke" counts
    // them, so the group gives way to them.
    let grouped =
        |ev: &Instance| ev.event.is_some() && out.iter().filter(|h| repeats(h, ev)).count() >= 2;
    let groups: Vec<Instance> = out.iter().filter(|i| grouped(i)).copied().collect();
    out.retain(|i| !groups.iter().any(|g| g.event == i.event && i.event.is_some()));
    let events: Vec<Instance> = out.iter().filter(|i| i.event.is_some()).copied().collect();
    out.retain(|i| !events.iter().any(|ev| repeats(i, ev)));
    if let (Some(by), Some(died)) = (e.death_by.as_deref(), e.end) {
        if kinds.contains(&by) && !out.iter().any(|i| i.kind == by) {
            out.push(Instance { kind: by, when: died, place: None, of: None, event: None });
        }
    }
    out.sort_by_key(|i| i.when.span().lo);
    out
}

/// Does the base record every instance of `kind` for the person?
pub(crate) fn complete(kb: &KnowledgeBase, e: &Entry, kind: &str) -> bool {
    e.completes(kind)
        || (kb.vocab.once.iter().any(|o| o == kind)
            && (matches!(kind, "birth" | "death") || e.death_by.is_some()))
}

/// The words of the sentence that say what happened, grouped by place: each with every type it
/// can say ("shot": execution, assassination, attempt).
/// `happenings` is the sentence's (`SentenceCues::happenings` with `aimed`).
fn said<'a>(happenings: &[(&'a str, Range<usize>)]) -> Vec<(Range<usize>, Vec<&'a str>)> {
    let mut out: Vec<(Range<usize>, Vec<&str>)> = Vec::new();
    for (kind, r) in happenings {
        match out.iter_mut().find(|(x, _)| x == r) {
            Some((_, kinds)) => kinds.push(*kind),
            None => out.push((r.clone(), vec![*kind])),
        }
    }
    out
}

/// Does a phrase that ends in "at" ("shot at", "fired at") have a person after it? "shot at
/// Lenin", "fired at him" are attempts; "shot at Yekaterinburg", "shot at dawn" are not.
pub(super) fn aimed(ctx: &SentenceCtx, names: &[SentenceName], r: &Range<usize>) -> bool {
    let s = &ctx.sentence;
    if s.word(r.end - 1) != "at" {
        return true;
    }
    let next = r.end;
    matches!(s.toks.get(next).map(|_| s.word(next)), Some("him" | "her" | "them"))
        || names.iter().any(|n| {
            let start = if next < s.toks.len() && s.word(next) == "the" { next + 1 } else { next };
            n.toks.start == start && !n.pronoun && ctx.kb.entries[n.entry].kind == Kind::Person
        })
}

/// "first", "second", "last": which instance, counted in date order, and the word for it.
fn ordinal_before(ctx: &SentenceCtx, cue: &Range<usize>) -> Option<(isize, &'static str)> {
    let s = &ctx.sentence;
    let from = cue.start.saturating_sub(3);
    (from..cue.start).rev().find_map(|i| match s.word(i) {
        "first" => Some((0, "first")),
        "second" => Some((1, "second")),
        "third" => Some((2, "third")),
        "last" | "final" => Some((-1, "last")),
        _ => None,
    })
}

/// The names of the clause after the cue that say from what body or in what place.
fn qualifiers(
    ctx: &SentenceCtx,
    clause: &Range<usize>,
    cue: &Range<usize>,
    names: &[SentenceName],
) -> Vec<EntryId> {
    names
        .iter()
        .filter(|n| {
            !n.pronoun
                && n.toks.start >= cue.end
                && n.toks.end <= clause.end
                && n.toks.start <= cue.end + 6
                && (cue.end..n.toks.start).any(|i| {
                    matches!(ctx.sentence.word(i), "from" | "to" | "in" | "at" | "into" | "of")
                })
                // "deported in 1929 and killed in Mexico": the place belongs to the next verb.
                && !another_verb_between(ctx, cue.end..n.toks.start)
                && !(cue.end..n.toks.start).any(|i| ctx.sentence.word(i) == ",")
        })
        .map(|n| n.entry)
        .chain(places_before(ctx, clause, cue, names))
        .collect()
}

/// Does a link to another verb ("and", "then", "before") stand among the tokens?
fn another_verb_between(ctx: &SentenceCtx, toks: Range<usize>) -> bool {
    toks.into_iter()
        .any(|i| matches!(ctx.sentence.word(i), "and" | "but" | "then" | ";" | "before" | "after"))
}

/// Places named before the cue in its clause, right after "in" or "at", with no other verb's
/// link between ("As he left the factory in Moscow on 30 August 1918, Lenin was shot").
fn places_before(
    ctx: &SentenceCtx,
    clause: &Range<usize>,
    cue: &Range<usize>,
    names: &[SentenceName],
) -> Vec<EntryId> {
    names
        .iter()
        .filter(|n| {
            !n.pronoun
                && n.toks.start > clause.start
                && n.toks.end <= cue.start
                && cue.start - n.toks.end <= 12
                && ctx.kb.entries[n.entry].is_place()
                && matches!(ctx.sentence.word(n.toks.start - 1), "in" | "at")
                && !another_verb_between(ctx, n.toks.end..cue.start)
        })
        .map(|n| n.entry)
        .collect()
}

/// Is `place` the place `q`, or inside it?
pub(super) fn lies_in(kb: &KnowledgeBase, place: EntryId, q: EntryId) -> bool {
    let mut p = Some(place);
    for _ in 0..8 {
        match p {
            Some(x) if x == q => return true,
            Some(x) => p = kb.entries[x].place,
            None => return false,
        }
    }
    false
}

/// "Trotsky was deported to Alma-Ata in January 1928": the place is none of the instances' of
/// what the word says, but another of the person's happenings lies there (his exile): the
/// sentence names that one under another word, and is not judged.
fn elsewhere_under_another_word(
    kb: &KnowledgeBase,
    tables: &DateTables,
    person: EntryId,
    list: &[Instance],
    quals: &[EntryId],
) -> bool {
    let places: Vec<EntryId> =
        quals.iter().copied().filter(|&q| kb.entries[q].is_place()).collect();
    let in_place =
        |p: Option<EntryId>| p.is_some_and(|p| places.iter().any(|&q| lies_in(kb, p, q)));
    let others = kb.entries[person].happenings.iter().map(|h| (h.place, Some(h.when)));
    let events = tables.subject_events[person].iter().map(|&ev| {
        let x = &kb.entries[ev];
        (x.place, x.start.map(|s| When { from: s.from, to: x.end.map(|w| w.from) }))
    });
    // At the time of an instance it is that occasion's sequel ("deported to Turkey": his exile
    // there began with the deportation), not another occasion.
    let another_occasion = |(place, when): (Option<EntryId>, Option<When>)| {
        in_place(place)
            && when.is_some_and(|w| !list.iter().any(|i| i.when.span().overlaps(&w.span())))
    };
    !places.is_empty()
        && !list.iter().any(|i| in_place(i.place))
        && others.chain(events).any(another_occasion)
}

/// The instances the sentence's qualifiers leave: a body the person was expelled from, a place
/// (or a place inside it) where it happened. An instance the base does not place stays.
fn narrowed<'k>(
    kb: &KnowledgeBase,
    list: Vec<Instance<'k>>,
    quals: &[EntryId],
) -> Vec<Instance<'k>> {
    let bodies: Vec<EntryId> =
        quals.iter().copied().filter(|&q| kb.entries[q].kind == Kind::Body).collect();
    let places: Vec<EntryId> =
        quals.iter().copied().filter(|&q| kb.entries[q].is_place()).collect();
    let in_place =
        |i: &Instance| i.place.is_some_and(|p| places.iter().any(|&q| lies_in(kb, p, q)));
    // A journey's place may be either end ("deported from the USSR", "to Turkey") and the base
    // records one: a place narrows the list only when it is some instance's own.
    let by_place = list.iter().any(in_place);
    // A body no instance names is one the base does not know them to have left: say nothing.
    if !bodies.is_empty() && !list.iter().any(|i| i.of.is_some_and(|o| bodies.contains(&o))) {
        return Vec::new();
    }
    list.into_iter()
        .filter(|i| bodies.is_empty() || i.of.is_none_or(|o| bodies.contains(&o)))
        .filter(|i| !by_place || i.place.is_none() || in_place(i))
        .collect()
}

/// "Lenin suffered two strokes", "Lenin survived an assassination attempt": a verb of
/// undergoing (vocab `undergoes`) between the person and the noun that says what happened, with
/// only determiners, a count and one other word between.
fn underwent(
    ctx: &SentenceCtx,
    names: &[SentenceName],
    cue: &Range<usize>,
    n: &SentenceName,
) -> bool {
    let s = &ctx.sentence;
    if n.possessive || n.toks.end >= cue.start || cue.start - n.toks.end > 7 {
        return false;
    }
    let verb = n.toks.end;
    if !ctx.kb.vocab.undergoes.iter().any(|v| v == s.word(verb)) {
        return false;
    }
    let mut rest = verb + 1..cue.start;
    // "suffered the first of three strokes", "the last of his strokes": one of them.
    if let Some(of) = rest.clone().find(|&i| s.word(i) == "of") {
        let one = (rest.start..of).all(|i| {
            is_determiner(s.word(i)) || matches!(s.word(i), "first" | "second" | "third" | "last")
        });
        if one && of > rest.start {
            rest = of + 1..rest.end;
        }
    }
    let plain = |i: usize| is_determiner(s.word(i)) || is_number_word(s.word(i));
    rest.len() <= 3
        && rest.clone().filter(|&i| !plain(i)).count() <= 1
        && rest.clone().all(|i| !is_name_token(names, i) && !is_preposition(s.word(i)))
}

/// The person's life as a fact: what any happening of theirs must fall within.
fn lifetime_fact<'k>(e: &'k Entry, n: &SentenceName, cue: &Range<usize>) -> Option<Fact<'k>> {
    let (born, died) = (e.start?, e.end?);
    let when = When { from: born.from, to: Some(died.to.unwrap_or(died.from)) };
    let mut f = Fact::new(n.entry, FactKind::Lifetime, when, when.span(), hull(cue, &n.toks));
    f.cue_toks = Some(cue.clone());
    Some(f)
}

/// The happening facts a clause states about its people.
pub(super) fn happening_facts<'k>(
    ctx: &SentenceCtx<'k>,
    cues: &SentenceCues,
    tables: &DateTables,
    clause: &Range<usize>,
    names: &[SentenceName],
    happenings: &[(&str, Range<usize>)],
) -> Vec<Fact<'k>> {
    let kb: &'k KnowledgeBase = ctx.kb;
    let mut out = Vec::new();
    let words = said(happenings);
    // A word inside an event's name is that event ("the first show trial of Zinoviev").
    let in_an_event_name = |r: &Range<usize>| {
        names.iter().any(|n| {
            !n.pronoun
                && n.toks.start <= r.start
                && r.end <= n.toks.end
                && kb.entries[n.entry].kind == Kind::Event
        })
    };
    for (cue, kinds) in words
        .iter()
        .filter(|(r, _)| clause.start <= r.start && r.end <= clause.end && !in_an_event_name(r))
    {
        for n in names.iter().filter(|n| clause.start <= n.toks.start && n.toks.end <= clause.end) {
            let e: &'k Entry = &kb.entries[n.entry];
            let befell = bind(ctx, cues, names, cue, n) == Some(Bind::Patient)
                || underwent(ctx, names, cue, n);
            if e.kind != Kind::Person || !befell {
                continue;
            }
            if !kinds.iter().all(|k| complete(kb, e, k)) {
                // The base may not know every instance, but none can fall outside the person's
                // life: a date after their death (or before their birth) is still wrong.
                if let Some(f) = lifetime_fact(e, n, cue) {
                    out.push(f);
                }
                continue;
            }
            let quals = qualifiers(ctx, clause, cue, names);
            let all = instances(kb, tables, n.entry, kinds);
            if elsewhere_under_another_word(kb, tables, n.entry, &all, &quals) {
                continue;
            }
            let mut list = narrowed(kb, all, &quals);
            let rank = ordinal_before(ctx, cue);
            if let Some((k, _)) = rank {
                let pick = if k < 0 { list.len().checked_sub(1) } else { Some(k as usize) };
                list = pick.and_then(|p| list.get(p).copied()).into_iter().collect();
            }
            for i in list {
                let span = i.when.span();
                let mut f =
                    Fact::new(n.entry, FactKind::Happening, i.when, span, hull(cue, &n.toks));
                f.cue_toks = Some(cue.clone());
                f.happening = Some(i);
                f.rank = rank.map(|(_, word)| word);
                out.push(f);
            }
        }
    }
    out
}
