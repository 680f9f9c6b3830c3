//! `anachronism` (Warning): someone acting after their death or before their birth, or a body
//! acting before it was founded or after it was dissolved, in a dated sentence ("In 1935 Lenin
//! praised the Stakhanovite movement": Lenin died in January 1924). Putting a dead leader in
//! the wrong decade is the clearest sign that a student has the chronology of the succession
//! wrong, and the argument about continuity depends on that chronology.
//!
//! Precision first. Only an *agent* counts: a person or body named as the subject of an active
//! verb in the date's clause ("Lenin praised", "Kirov supported", "the Cheka arrested"). These
//! are references, not acts, and draw nothing:
//! - possessives and names followed by a noun ("Lenin's legacy in 1930", "Lenin's Politburo");
//! - objects and names after prepositions or words such as "denounced", "invoked", "that"
//!   ("in 1956 Khrushchev denounced Stalin", "in Lenin's name");
//! - passives, states and perfects ("Lenin was embalmed", "Lenin was too ill", "Lenin had
//!   warned": a pluperfect looks back from the date);
//! - questions, conditionals and counterfactuals ("had Lenin lived until 1930..."), negations.
//!
//! The date must frame the clause ("In 1935 Lenin ...") or follow the agent's verb with no other
//! verb or subordinate clause in between, and the agent must be the name nearest the date. Three
//! shapes reach further, each in `shapes.rs`: an aside between the agent and its verb ("Martov,
//! the Menshevik leader, protested ... in 1928"; "Kirov, who had run the Leningrad party since
//! 1926, signed ... in May 1937"), a verb of leading whose followers act at the date ("led the
//! counter-offensive that drove the Germans back in December 1941"), and a "when" clause that
//! dates the main one ("voted for the constitution when the Congress adopted it in December
//! 1936"). A condition or a modal negation in a later phrase ("..., promising them their lives if
//! they confessed") does not make the date's own clause imagined.
//!
//! A place under a name it did not yet bear is an anachronism too (`place_names.rs`): "the
//! defence of Stalingrad in 1918" (Tsaritsyn until 1925).
//! Deaths, births, foundings and dissolutions themselves are dated by the dubious-date check:
//! a clause with such a cue, or a date it already flagged, is left to it.

mod place_names;
mod shapes;

use std::ops::Range;

use super::check::{no_tables, Check, SentenceOut};
use super::dating::old_style_slack;
use super::grammar::clauses::clause_index;
use super::grammar::cues::{CueList, SentenceCues};
use super::grammar::guarded;
use super::grammar::names::SentenceName;
use super::grammar::words::{is_be, is_modal, is_past_form, is_preposition};
use super::grammar::SentenceCtx;
use super::wording::{capitalise, on, provenance_of, subject_name};
use crate::base::date::DaySpan;
use crate::base::{Entry, EntryId, Kind, KnowledgeBase};
use crate::dates::{DateExpr, Relation};
use crate::finding::{Code, CodeSpec, Finding, Fix, Severity};
use crate::text::sentences::TokKind;

pub const ANACHRONISM: CodeSpec = CodeSpec {
    code: Code::Anachronism,
    name: "anachronism",
    setting: "anachronism",
    severity: Severity::Warning,
    description:
        "Flag people, bodies or terms placed in a year before they existed or after they ceased to.",
};

pub(crate) const CHECK: Check<()> = Check {
    codes: &[ANACHRONISM],
    runs_when_off: false,
    prepare: no_tables,
    sentence: Some(check),
    document: None,
};

/// Words before a name that make it anything but the one acting (besides the vocabulary's
/// `non_agent_before` and prepositions): it starts a reported or relative clause.
fn not_subject_after(w: &str) -> bool {
    matches!(
        w,
        "that" | "which" | "whom" | "whose" | "what" | "how" | "why" | "whether" | "than" | "if"
    )
}

/// Verbs of state or of lasting influence, which the dead can do: "Lenin remained a hero",
/// "Lenin inspired the purges".
fn is_stative(w: &str) -> bool {
    matches!(
        w,
        "remained"
            | "remains"
            | "seemed"
            | "seems"
            | "appeared"
            | "appears"
            | "stayed"
            | "loomed"
            | "looms"
            | "haunted"
            | "haunts"
            | "inspired"
            | "inspires"
            | "influenced"
            | "influences"
            | "shaped"
            | "shapes"
            | "dominated"
            | "dominates"
            | "overshadowed"
            | "symbolised"
            | "symbolized"
            | "symbolises"
            | "symbolizes"
            | "embodied"
            | "embodies"
            | "represented"
            | "represents"
            | "endured"
            | "lived"
            | "lives"
            | "continued"
            | "continues"
            | "legitimised"
            | "legitimized"
            | "justified"
    )
}

/// Subordinating words: after one, a date may belong to another verb.
fn is_subordinate(w: &str) -> bool {
    matches!(
        w,
        "that"
            | "which"
            | "who"
            | "whom"
            | "when"
            | "while"
            | "because"
            | "although"
            | "though"
            | "until"
            | "till"
            | "whereas"
            | "where"
            | "if"
            | "unless"
            | "so"
            | "but"
            | "and"
            | "whilst"
            | "once"
            | "as"
    )
}

/// Is the name the subject of an active verb? Returns the verb's token index.
fn agent_verb(
    ctx: &SentenceCtx,
    names: &[SentenceName],
    n: &SentenceName,
    clause: &Range<usize>,
) -> Option<usize> {
    if n.pronoun || n.possessive || !may_be_subject(ctx, names, n, clause) {
        return None;
    }
    let s = &ctx.sentence;
    let j = verb_after(ctx, names, n, clause);
    if j >= clause.end || s.toks[j].kind != TokKind::Word {
        return None;
    }
    let v = ctx.cue_phrases;
    let w = s.word(j);
    if v.posthumous.contains(w) {
        return None;
    }
    if is_be(w) {
        // "was writing" acts; "was embalmed" (passive) and "was too ill" (a state) do not.
        let next = if j + 1 < clause.end { s.word(j + 1) } else { "" };
        return (next.len() > 4 && next.ends_with("ing")).then_some(j);
    }
    if matches!(w, "had" | "has" | "have" | "having") || is_modal(w) || is_stative(w) {
        return None;
    }
    let listed = v.verbs.contains(w);
    ((listed || is_past_form(w)) && w != "born" && w != "dead").then_some(j)
}

/// Does nothing before the name (or the list of names it ends) make it an object, a
/// possessive's noun or the start of a reported clause?
fn may_be_subject(
    ctx: &SentenceCtx,
    names: &[SentenceName],
    n: &SentenceName,
    clause: &Range<usize>,
) -> bool {
    let s = &ctx.sentence;
    // Walk back over a list of names ("Lenin and Trotsky", "Zinoviev, Kamenev and Trotsky").
    let mut head = n.toks.start;
    while head >= clause.start + 2 && matches!(s.word(head - 1), "and" | "," | "&") {
        let Some(prev) = names.iter().find(|o| !o.pronoun && o.toks.end == head - 1) else {
            break;
        };
        head = prev.toks.start;
    }
    let mut k = head;
    while k > clause.start && matches!(s.word(k - 1), "the" | "a" | "an" | "comrade" | "old") {
        k -= 1;
    }
    if k == 0 {
        return true;
    }
    let before = s.word(k - 1);
    !(is_preposition(before)
        || ctx.cue_phrases.non_agent_before.contains(before)
        || not_subject_after(before)
        || before.ends_with("'s")
        || before.ends_with("’s"))
}

/// The token after the name, further names of a list and adverbs: where its verb should be.
fn verb_after(
    ctx: &SentenceCtx,
    names: &[SentenceName],
    n: &SentenceName,
    clause: &Range<usize>,
) -> usize {
    let s = &ctx.sentence;
    let mut j = n.toks.end;
    while j < clause.end {
        let w = s.word(j);
        if matches!(w, "and" | "," | "&") {
            if let Some(next) = names.iter().find(|o| !o.pronoun && o.toks.start == j + 1) {
                j = next.toks.end;
                continue;
            }
        }
        if w == "," && j == n.toks.end {
            if let Some(close) = shapes::aside_end(ctx, j, clause.end) {
                j = close + 1;
                continue;
            }
        }
        if matches!(
            w,
            "personally"
                | "himself"
                | "herself"
                | "itself"
                | "themselves"
                | "also"
                | "then"
                | "later"
                | "soon"
                | "first"
                | "openly"
                | "publicly"
                | "secretly"
                | "famously"
                | "repeatedly"
        ) || (w.len() > 4 && w.ends_with("ly") && s.toks[j].kind == TokKind::Word)
        {
            j += 1;
            continue;
        }
        break;
    }
    j
}

/// The body that existed at `span`, following successors (or predecessors) from `start`.
fn body_at(kb: &KnowledgeBase, start: EntryId, span: &DaySpan, forward: bool) -> Option<EntryId> {
    let mut cur = start;
    for _ in 0..8 {
        let e = &kb.entries[cur];
        let next = if forward { e.successor } else { e.predecessor }?;
        let ne = &kb.entries[next];
        if ne.span().is_some_and(|s| s.lo <= span.lo && span.hi <= s.hi) {
            return Some(next);
        }
        cur = next;
    }
    None
}

fn check(ctx: &SentenceCtx, _: &(), out: &mut SentenceOut) {
    if ctx.dates.is_empty() || ctx.mentions.is_empty() {
        return;
    }
    let clauses = ctx.date_clauses();
    for d in &ctx.dates {
        let Some(ci) = clause_index(clauses, ctx.year_token(d)) else { continue };
        if shapes::imagined(ctx, d) {
            continue;
        }
        let (clause, aside) = shapes::with_subject(ctx, clauses, ci);
        if guarded(ctx, ctx.cues(), &clause, d.toks.end) || dates_an_event(ctx, d) {
            continue;
        }
        let abs = ctx.abs(&d.range);
        if out.findings.iter().any(|f| f.range.start < abs.end && abs.start < f.range.end) {
            continue;
        }
        if let Some(f) = place_names::misnamed(ctx, &clauses[ci], d) {
            out.findings.push(f);
            continue;
        }
        let Some(n) = acting_outside_its_time(ctx, &clause, aside, d) else { continue };
        let Some(after_end) = outside(ctx.kb, n.entry, d) else { continue };
        out.findings.push(finding(ctx, n, d, after_end));
    }
}

/// Does the date complete an event's name ("after the February Revolution of 1917")? Then it
/// dates that event, not what the sentence's agent did.
fn dates_an_event(ctx: &SentenceCtx, d: &DateExpr) -> bool {
    let abs = ctx.abs(&d.range);
    let is_event = |e: EntryId| ctx.kb.entries[e].kind == Kind::Event;
    // Inside the name itself ("the February Revolution of 1917" as the base spells it).
    if ctx
        .mentions
        .iter()
        .any(|m| m.range.start <= abs.start && abs.end <= m.range.end && is_event(m.entry))
    {
        return true;
    }
    let Some(before) = d.toks.start.checked_sub(2) else { return false };
    let toks = &ctx.sentence.toks;
    if ctx.sentence.word(before + 1) != "of" {
        return false;
    }
    let end = ctx.abs(&toks[before].range).end;
    ctx.mentions.iter().any(|m| m.range.end == end && is_event(m.entry))
}

/// The agent of the date's clause that the date belongs to, when the date lies outside its
/// life or existence; none when a cue of birth, death, founding or dissolution is there (that
/// is the dubious-date check's business).
fn acting_outside_its_time<'c>(
    ctx: &'c SentenceCtx,
    clause: &Range<usize>,
    aside: Option<Range<usize>>,
    d: &DateExpr,
) -> Option<&'c SentenceName> {
    let (kb, names, cues) = (ctx.kb, ctx.names(), ctx.cues());
    let in_aside = |n: &SentenceName| aside.as_ref().is_some_and(|a| a.contains(&n.toks.start));
    // Agents in the clause, with their verbs.
    let agents: Vec<(&SentenceName, usize)> = names
        .iter()
        .filter(|n| clause.start <= n.toks.start && n.toks.end <= clause.end && !in_aside(n))
        .filter(|n| matches!(kb.entries[n.entry].kind, Kind::Person | Kind::Body))
        // "a Right Bolshevik, Ryutin, published": a body's name after "a" is one member.
        .filter(|n| {
            let member =
                n.toks.start > 0 && matches!(ctx.sentence.word(n.toks.start - 1), "a" | "an");
            !(member && kb.entries[n.entry].kind == Kind::Body)
        })
        .filter_map(|n| agent_verb(ctx, names, n, clause).map(|vb| (n, vb)))
        .collect();
    // The agent nearest the date; it must be tied to it.
    let dist = |(n, vb): &(&SentenceName, usize)| -> usize {
        let a = n.toks.start.min(*vb)..n.toks.end.max(*vb + 1);
        if d.toks.end <= a.start {
            a.start - d.toks.end
        } else {
            d.toks.start.saturating_sub(a.end)
        }
    };
    let nearest = agents.iter().map(&dist).min()?;
    let near: Vec<&(&SentenceName, usize)> = agents.iter().filter(|a| dist(a) == nearest).collect();
    // Equally near agents of different verbs: which one the date belongs to is unclear.
    // Names sharing a verb ("Lenin and Trotsky opposed") each act.
    if near.iter().any(|a| a.1 != near[0].1) {
        return None;
    }
    let n = match near.iter().find(|a| outside(kb, a.0.entry, d).is_some()) {
        Some(&&(n, vb)) if tied(ctx, cues, names, clause, d, n, vb) => n,
        Some(_) => return None,
        // The nearest agent may act in a "when" clause that dates the main one.
        None => shapes::acting_when(ctx, clause, &agents, *near[0], d)?,
    };
    if ctx.quotation_of(n.toks.start) != ctx.quotation_of(ctx.year_token(d)) {
        return None;
    }
    let lists = if kb.entries[n.entry].kind == Kind::Person {
        [CueList::Died, CueList::Born]
    } else {
        [CueList::Founded, CueList::Dissolved]
    };
    let dated_by_cue = lists
        .iter()
        .any(|l| cues.of(*l).iter().any(|c| clause.start <= c.start && c.end <= clause.end));
    (!dated_by_cue).then_some(n)
}

/// The finding for a name acting at a date outside its time: after its end (`after_end`) or
/// before its start. For a body, the fix names the body that existed then.
fn finding(ctx: &SentenceCtx, n: &SentenceName, d: &DateExpr, after_end: bool) -> Finding {
    let kb = ctx.kb;
    let e: &Entry = &kb.entries[n.entry];
    let written = &ctx.text()[d.range.clone()];
    let who = capitalise(&subject_name(e));
    let provenance = provenance_of(&[e]);
    let mut then = None;
    let message = match (e.kind, after_end, e.start, e.end) {
        (Kind::Person, true, _, Some(died)) => format!(
            "{who} died {} {provenance}, so cannot have acted in {written}. If you mean a later use of the name, the legacy or the followers, say so.",
            on(&died.from),
        ),
        (Kind::Person, false, Some(born), _) => format!(
            "{who} was born {} {provenance}, so cannot have acted in {written}.",
            on(&born.from),
        ),
        (_, true, _, Some(end)) => {
            then = body_at(kb, n.entry, &d.span, true);
            format!(
                "{who} was dissolved {} {provenance}, so cannot have acted in {written}{}.",
                on(&end.to.unwrap_or(end.from)),
                then.map(|t| format!("; by then it was {}", subject_name(&kb.entries[t])))
                    .unwrap_or_default()
            )
        }
        (_, _, Some(start), _) => {
            then = body_at(kb, n.entry, &d.span, false);
            format!(
                "{who} was founded {} {provenance}, so cannot have acted in {written}{}.",
                on(&start.from),
                then.map(|t| format!("; at that time it was {}", subject_name(&kb.entries[t])))
                    .unwrap_or_default()
            )
        }
        // `outside` answers only where the base gives the end or the start it compared with.
        _ => String::new(),
    };
    let mut f = ANACHRONISM.finding(ctx.abs(&d.range), message);
    f.entry = Some(n.entry);
    if let Some(t) = then {
        let name = kb.entries[t].name.clone();
        f.fixes.push(Fix {
            title: format!("Replace with {name}").into(),
            range: n.range.clone(),
            replacement: name.into(),
        });
    }
    f
}

/// Is the date outside the entry's life or existence? `Some(true)` after its end, `Some(false)`
/// before its start, `None` within (or when the base does not say).
fn outside(kb: &KnowledgeBase, entry: EntryId, d: &DateExpr) -> Option<bool> {
    let e = &kb.entries[entry];
    let calendar = kb.vocab.old_style.as_ref();
    let widen = |s: DaySpan| if d.approx { DaySpan::new(s.lo - 366, s.hi + 366) } else { s };
    if let Some(end) = e.end {
        let hi = old_style_slack(widen(end.span()), calendar).hi;
        if matches!(d.relation, Relation::In | Relation::After) && d.span.lo > hi {
            return Some(true);
        }
    }
    if let Some(start) = e.start {
        let lo = old_style_slack(widen(start.span()), calendar).lo;
        if matches!(d.relation, Relation::In | Relation::ByEnd) && d.span.hi < lo {
            return Some(false);
        }
    }
    None
}

/// Does the date belong to this agent's act? It frames the clause before the name ("In 1935
/// Lenin praised"), or follows the verb with no other verb, name or subordinate clause between
/// ("Kirov supported the purge of the army in 1937").
fn tied(
    ctx: &SentenceCtx,
    cues: &SentenceCues,
    names: &[SentenceName],
    clause: &Range<usize>,
    d: &DateExpr,
    n: &SentenceName,
    vb: usize,
) -> bool {
    let s = &ctx.sentence;
    let plain = |i: usize| -> bool {
        let w = s.word(i);
        matches!(
            w,
            "in" | "by"
                | "after"
                | "before"
                | "during"
                | "since"
                | "from"
                | "the"
                | "of"
                | "early"
                | "late"
                | "mid"
                | "on"
                | "around"
                | "about"
                | "c"
                | "c."
                | ","
                | "then"
                | "however"
                | "also"
                | "already"
                | "still"
                | "even"
                | "only"
                | "comrade"
                | "a"
                | "an"
        ) || ctx.dates.iter().any(|x| x.toks.contains(&i))
    };
    if d.toks.end <= n.toks.start {
        // Before the name: only framing words between (and before) them.
        return (d.toks.end..n.toks.start).all(plain) && (clause.start..d.toks.start).all(plain);
    }
    if d.toks.start <= vb {
        // Between the name and its verb: "Lenin in 1935 praised".
        return d.toks.start >= n.toks.end;
    }
    // After the verb.
    let relation_word = d.toks.start.checked_sub(1);
    let mut followers_verb = None;
    for i in vb + 1..d.toks.start {
        if Some(i) == relation_word || Some(i) == followers_verb {
            continue;
        }
        let w = s.word(i);
        if followers_verb.is_none() {
            if let Some(v) = shapes::followers_act(ctx, names, vb, i, d.toks.start) {
                followers_verb = Some(v);
                continue;
            }
        }
        if is_subordinate(w)
            || (names.iter().any(|o| {
                !o.pronoun
                    && o.toks.contains(&i)
                    && matches!(ctx.kb.entries[o.entry].kind, Kind::Person | Kind::Body)
            }) && cues.is_verb(s.word(o_end(names, i).min(clause.end - 1))))
        {
            return false;
        }
        if is_be(w)
            || matches!(w, "had" | "has" | "have")
            || (is_past_form(w) && !is_participle_modifier(ctx, i))
        {
            return false;
        }
        if ctx.dates.iter().any(|x| x.toks.contains(&i)) {
            return false;
        }
    }
    true
}

/// Token after the name covering token `i`.
fn o_end(names: &[SentenceName], i: usize) -> usize {
    names.iter().find(|o| o.toks.contains(&i)).map_or(i + 1, |o| o.toks.end)
}

/// A participle used as an adjective before a noun ("the so-called planned economy"): not a
/// second verb.
fn is_participle_modifier(ctx: &SentenceCtx, i: usize) -> bool {
    i >= 1
        && matches!(ctx.sentence.word(i - 1), "the" | "a" | "an" | "his" | "its" | "their" | "her")
}

#[cfg(test)]
mod tests;
