//! Pronouns that stand for a name, so that a fact stated of "he" is read as stated of the person:
//! a relative pronoun at the head of a clause ("Lenin, who had suffered his first stroke in May
//! 1922, died ..."), the clause that follows a relative clause, and "he", "she", "his", "they",
//! "their" when one person (or, for "they", a few) can be meant and no other: the people named
//! earlier in the sentence, else the one person the sentences before spoke of.

use std::ops::Range;

use super::names::{is_name_token, SentenceName};
use super::words::{is_determiner, is_framing, is_past_form};
use super::SentenceCtx;
use crate::base::{EntryId, Kind};

/// The sentence's names, with a name for every pronoun that stands for one.
pub(crate) fn with_pronouns(ctx: &SentenceCtx, clauses: &[Range<usize>]) -> Vec<SentenceName> {
    let mut names = ctx.names().to_vec();
    relative(ctx, clauses, &mut names);
    shared_subject(ctx, clauses, &mut names);
    fronted_participle(ctx, &mut names);
    personal(ctx, &mut names);
    possessed(ctx, &mut names);
    names
}

/// "Lenin's April Theses, presented soon after his arrival at the Finland Station": "his" and
/// the words after it are the name "Lenin's arrival at the Finland Station", when "his" can
/// only mean Lenin (the one person named before it in the sentence, else the one person the
/// sentences before spoke of).
fn possessed(ctx: &SentenceCtx, names: &mut Vec<SentenceName>) {
    let s = &ctx.sentence;
    let mut added = Vec::new();
    for i in 0..s.toks.len() {
        if !matches!(s.word(i), "his" | "her") || is_name_token(names, i + 1) {
            continue;
        }
        let before = people_before(ctx, names, i);
        let person = match before.as_slice() {
            [one] => *one,
            [] => match ctx.antecedent {
                Some(p) => p,
                None => continue,
            },
            _ => continue,
        };
        let Some(list) = ctx.cue_phrases.possessed.get(&person) else { continue };
        let fits = |words: &[String]| {
            i + words.len() < s.toks.len()
                && words.iter().enumerate().all(|(k, w)| s.word(i + 1 + k) == w.as_str())
        };
        let longest = list.iter().filter(|(w, _)| fits(w)).max_by_key(|(w, _)| w.len());
        if let Some((words, entry)) = longest {
            let toks = i..i + 1 + words.len();
            let range = ctx.abs(&(s.toks[i].range.start..s.toks[toks.end - 1].range.end));
            added.push(SentenceName {
                entry: *entry,
                toks,
                possessive: false,
                pronoun: false,
                range,
            });
        }
    }
    if !added.is_empty() {
        names.extend(added);
        names.sort_by_key(|n| (n.toks.start, n.toks.end));
    }
}

/// "Trotsky was struck with an ice axe ... and died the next day": a verb right after "and"
/// has the sentence's subject, when that is a person named at its head and no relative clause
/// ("who", "which") has opened another subject between.
fn shared_subject(ctx: &SentenceCtx, clauses: &[Range<usize>], names: &mut Vec<SentenceName>) {
    let s = &ctx.sentence;
    let Some(first) = clauses.first() else { return };
    let Some(subject) = names.iter().find(|n| !n.pronoun).cloned() else { return };
    let at_head = (first.start..subject.toks.start).all(|i| {
        let w = s.word(i);
        is_determiner(w) || ctx.dates.iter().any(|d| d.toks.contains(&i)) || is_framing(w)
    });
    // "His father, Vissarion Dzhugashvili, ... took to drink, and died": the name renames the
    // noun phrase at the head.
    let renames_head = {
        let before = first.start..subject.toks.start;
        (2..=5).contains(&before.len())
            && s.word(subject.toks.start - 1) == ","
            && subject.toks.end < s.toks.len()
            && s.word(subject.toks.end) == ","
            && before.clone().take(before.len() - 1).all(|i| {
                let w = s.word(i);
                w.chars().all(char::is_alphabetic) && !is_past_form(w) && !ctx.cues().is_verb(w)
            })
    };
    let person = ctx.kb.entries[subject.entry].kind == Kind::Person;
    if !(at_head || renames_head) || !person || subject.possessive || subject.toks.end > first.end {
        return;
    }
    for and in subject.toks.end..s.toks.len().saturating_sub(1) {
        let w = s.word(and);
        if matches!(w, "who" | "whom" | "whose" | "which" | "that" | ";" | ":") {
            return;
        }
        if w != "and" {
            continue;
        }
        let verb = and + 1;
        let next = s.word(verb);
        let is_verb = is_past_form(next) || ctx.cues().is_verb(next);
        if !is_verb || names.iter().any(|n| n.toks.contains(&verb)) {
            continue;
        }
        names.push(stand_in(&subject, verb, false));
    }
}

/// "Deported from the Soviet Union in February 1929, Trotsky settled in Turkey": a participle
/// opening the sentence is said of the person who opens the main clause.
fn fronted_participle(ctx: &SentenceCtx, names: &mut Vec<SentenceName>) {
    let s = &ctx.sentence;
    if s.toks.is_empty() || !is_past_form(s.word(0)) || is_name_token(names, 0) {
        return;
    }
    let Some(comma) = (1..s.toks.len()).find(|&i| s.word(i) == ",") else { return };
    let mut at = comma + 1;
    while at < s.toks.len() && is_determiner(s.word(at)) {
        at += 1;
    }
    let Some(subject) = names.iter().find(|n| n.toks.start == at && !n.pronoun).cloned() else {
        return;
    };
    if ctx.kb.entries[subject.entry].kind == Kind::Person && !subject.possessive {
        names.push(stand_in(&subject, 0, false));
    }
}

fn stand_in(of: &SentenceName, at: usize, possessive: bool) -> SentenceName {
    SentenceName {
        entry: of.entry,
        toks: at..at + 1,
        possessive,
        pronoun: true,
        range: of.range.clone(),
    }
}

/// "which" / "who" / "that" at the head of a clause stands for the last name of the clause
/// before; a clause after a relative clause that starts with a verb ("Lenin, who had ..., died
/// at Gorki") has the same name as its subject.
fn relative(ctx: &SentenceCtx, clauses: &[Range<usize>], names: &mut Vec<SentenceName>) {
    let s = &ctx.sentence;
    for (k, c) in clauses.iter().enumerate().skip(1) {
        if !matches!(s.word(c.start), "which" | "who" | "that") {
            continue;
        }
        let prev = &clauses[k - 1];
        let Some(a) =
            names.iter().rfind(|n| prev.start <= n.toks.start && n.toks.end <= prev.end).cloned()
        else {
            continue;
        };
        // "Lenin suffered the third stroke, which ...": the relative stands for the words right
        // before it, here a stroke the base does not name, not for a name further back.
        // "Bela Kun, the leader of the Hungarian revolution, who was shot": "who" is a person,
        // and an aside that renames them may stand between.
        let who = s.word(c.start) == "who";
        let person = ctx.kb.entries[a.entry].kind == Kind::Person;
        let adjacent = ends_before_relative(ctx, &a, c.start);
        if !(adjacent || who && person) {
            continue;
        }
        names.push(stand_in(&a, c.start, false));
        if let Some(next) = clauses.get(k + 1) {
            let verb = s.word(next.start);
            if is_past_form(verb) || ctx.cues().is_verb(verb) {
                names.push(stand_in(&a, next.start, false));
            }
        }
    }
}

/// Does the name end right before the relative pronoun at `rel`, with nothing but punctuation
/// and a date between ("the Kronstadt mutiny (March 1921), which", "Trotsky in 1929, who")?
fn ends_before_relative(ctx: &SentenceCtx, a: &SentenceName, rel: usize) -> bool {
    let s = &ctx.sentence;
    let in_date = |i: usize| ctx.dates.iter().any(|d| d.toks.contains(&i));
    let starts_date = |i: usize| ctx.dates.iter().any(|d| d.toks.start == i);
    (a.toks.end..rel).all(|i| {
        in_date(i)
            || matches!(s.word(i), "," | "(" | ")" | "'" | "’" | "\"" | "”")
            || (matches!(s.word(i), "in" | "of" | "on" | "from") && starts_date(i + 1))
    })
}

/// The people named in the sentence before token `i`, distinct, in order.
fn people_before(ctx: &SentenceCtx, names: &[SentenceName], i: usize) -> Vec<EntryId> {
    let mut out: Vec<EntryId> = Vec::new();
    for n in names.iter().filter(|n| !n.pronoun && n.toks.end <= i) {
        if ctx.kb.entries[n.entry].kind == Kind::Person && !out.contains(&n.entry) {
            out.push(n.entry);
        }
    }
    out
}

/// The last group of people named together before token `i` ("Zinoviev and Kamenev", "Yagoda,
/// Bukharin and Rykov"): what "they" stands for.
fn last_group(ctx: &SentenceCtx, names: &[SentenceName], i: usize) -> Vec<EntryId> {
    let s = &ctx.sentence;
    let people: Vec<&SentenceName> = names
        .iter()
        .filter(|n| !n.pronoun && n.toks.end <= i && ctx.kb.entries[n.entry].kind == Kind::Person)
        .collect();
    let mut group: Vec<EntryId> = Vec::new();
    let mut next_start = None;
    for n in people.iter().rev() {
        let joined = next_start.is_none_or(|start: usize| {
            (n.toks.end..start).all(|k| matches!(s.word(k), "," | "and" | "the" | "both"))
        });
        if !joined {
            break;
        }
        if !group.contains(&n.entry) {
            group.push(n.entry);
        }
        next_start = Some(n.toks.start);
    }
    group.reverse();
    group
}

/// Does a possessive pronoun at `i` own the words a cue says ("his first stroke", "their
/// arrest")? Anything else it owns ("his brother") is not the person.
fn owns_a_cue(ctx: &SentenceCtx, i: usize) -> bool {
    let s = &ctx.sentence;
    let mut j = i + 1;
    while j < s.toks.len() && j <= i + 3 {
        if ctx.cues().starts_a_cue(j) {
            return true;
        }
        if !matches!(
            s.word(j),
            "first" | "second" | "third" | "last" | "final" | "own" | "early" | "sudden" | "fatal"
        ) {
            return false;
        }
        j += 1;
    }
    false
}

fn personal(ctx: &SentenceCtx, names: &mut Vec<SentenceName>) {
    let s = &ctx.sentence;
    let mut added = Vec::new();
    for i in 0..s.toks.len() {
        let (plural, possessive) = match s.word(i) {
            "he" | "she" => (false, false),
            "his" => (false, true),
            "they" => (true, false),
            "their" => (true, true),
            _ => continue,
        };
        if possessive && !owns_a_cue(ctx, i) {
            continue;
        }
        let meant: Vec<EntryId> = if plural {
            let group = last_group(ctx, names, i);
            if (2..=4).contains(&group.len()) {
                group
            } else {
                Vec::new()
            }
        } else {
            let before = people_before(ctx, names, i);
            match before.len() {
                1 => before,
                0 => ctx.antecedent.into_iter().collect(),
                _ => Vec::new(),
            }
        };
        for e in meant {
            let of = names.iter().find(|n| n.entry == e).cloned().unwrap_or(SentenceName {
                entry: e,
                toks: i..i + 1,
                possessive,
                pronoun: true,
                range: s.range.start..s.range.start,
            });
            added.push(stand_in(&of, i, possessive));
        }
    }
    names.extend(added);
    names.sort_by_key(|n| (n.toks.start, n.toks.end));
}
