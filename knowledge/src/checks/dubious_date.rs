//! `dubious-date` (Warning): a sentence ties something the fact base dates — an event, a
//! person's birth or death, a post someone held, a body's founding or dissolution, a policy's
//! or period's start, end or span — to a date that conflicts with the base. A wrong date
//! undermines the argument built on it, and students often misremember by a few years.
//!
//! How a date is tied to a fact, precision first:
//! - facts come from the names in the date's clause (`ctx.clauses()`, with a parenthesised date
//!   kept with its clause and "which"/"who" standing for the name before it):
//!   - an event named by its name or an alias, or by one of its `actors` with one of its `cues`;
//!   - a person with a birth or death cue (vocab `born`/`died`) that is about that person
//!     ("Kirov was murdered", "Lenin's death", "the death of Lenin" — not "Stalin shot
//!     thousands"); a person with one of their roles' titles, with an `appointed` cue (the
//!     start of the post) or without (the time the post was held); "Lenin (1870-1924)";
//!   - a body with a founding or dissolution cue about it; a policy, period, document or office
//!     with a starting or ending cue;
//!   - a named event, policy or period without a cue when the date is attached to it ("the
//!     Great Terror of 1937-38", "Kirov's murder in 1934") or it is the clause's subject ("the
//!     Great Terror reached its height in 1929").
//! - each fact belongs to the nearest date of its clause, and only if that date is close to it
//!   or frames the clause ("In 1934, ..."); a pluperfect ("by then Kirov had been murdered")
//!   only says "no later than".
//! - the date is compared at the precision written: ranges, decades, seasons and "c." widen
//!   it; "by 1939" and "after 1924" only bound it; dates before February 1918 allow for the
//!   Old Style calendar. If the date fits ANY fact tied to it, nothing is said.
//! - negated, conditional and interrogative clauses are left alone.
//!
//! The message gives the base's date and the essays that cite the entry; when the date written
//! matches an essay's recorded variant, it says the sources disagree (Information). The quick
//! fix writes the base's date at the precision the student used.

use std::ops::Range;

use super::SentenceCtx;
use crate::analysis::{Code, Finding, Fix, Severity};
use crate::base::date::{day_number, Date, DaySpan, When, MONTHS};
use crate::base::{Entry, EntryId, KnowledgeBase, Kind, Role};
use crate::text::dates::{month_number, DateExpr, Relation};
use crate::text::sentences::TokKind;

// ---------------------------------------------------------------------------------------------
// Grammar helpers, shared with the anachronism check
// ---------------------------------------------------------------------------------------------

pub(crate) const BE: &[&str] = &["was", "were", "is", "are", "been", "be", "being", "am", "get", "got", "gets", "getting"];
const HAVE: &[&str] = &["had", "has", "have", "having"];
pub(crate) const MODALS: &[&str] = &["would", "could", "should", "might", "will", "may", "must", "shall", "can", "did", "does", "do"];
const DETS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "this", "that", "these", "those", "new", "first", "second", "third",
    "whole", "entire", "own", "entire", "newly", "so-called", "infamous", "famous", "brutal", "bloody",
];
const ADVERBS: &[&str] = &[
    "then", "later", "soon", "also", "first", "finally", "eventually", "already", "still", "again", "once", "only",
    "even", "subsequently", "duly", "thus", "therefore", "himself", "itself", "themselves", "all", "both", "quickly",
    "promptly", "secretly", "officially", "formally", "allegedly", "apparently", "supposedly", "reportedly", "famously",
    "in", "turn",
];
/// Words after a verb that show it has no object: the name before it is what the verb is about.
const NO_OBJECT: &[&str] = &[
    "in", "on", "at", "during", "by", "after", "before", "until", "till", "from", "with", "for", "to", "against",
    "into", "under", "over", "as", "while", "when", "and", "aged", "amid", "following", "despite", "because",
    "through", "throughout", "within", "near", "outside", "inside", "upon", "since", "around", "about", "out",
    "shortly", "soon", "only", "suddenly", "early", "late", "later", "that", "which", "but", "or", "there", "here",
    "abroad", "again", "too", "also", "then", "himself", "itself", "themselves", "briefly", "mid", "barely",
];
/// Words that put a name under a preposition or make it an object rather than the one acting.
const PREPOSITIONS: &[&str] = &[
    "of", "to", "about", "against", "after", "under", "for", "with", "from", "toward", "towards", "like", "than",
    "unlike", "by", "on", "upon", "as", "into", "since", "before", "beyond", "in", "at", "during", "between", "among",
    "over", "without", "despite", "behind", "through", "via", "per", "amid", "around", "whom", "versus", "vs",
];
/// Words that may stand before a clause-framing date: "In 1934,", "By early 1939", "After the 1920s".
const FRAMING: &[&str] = &[
    "in", "by", "after", "before", "during", "since", "until", "till", "from", "between", "around", "about", "c",
    "c.", "circa", "early", "late", "mid", "the", "of", "throughout", "spring", "summer", "autumn", "fall", "winter",
    "then", "and", "but", "so", "yet", "however", "later", "also", "only", "even", "already", "still", "year", "years",
    "on", "at", "end", "start", "beginning", "middle", "ca",
];

pub(crate) fn is_prep(w: &str) -> bool {
    PREPOSITIONS.contains(&w)
}

fn is_adverb(w: &str) -> bool {
    ADVERBS.contains(&w) || (w.len() > 4 && w.ends_with("ly") && !matches!(w, "italy" | "family" | "july" | "rally" | "ally" | "supply" | "assembly" | "early"))
}

/// A word that reads as a noun naming an act ("death", "introduction", "founding").
pub(crate) fn nounish(w: &str) -> bool {
    const NOUNS: &[&str] = &[
        "death", "birth", "murder", "launch", "start", "end", "outbreak", "founding", "beginning", "rise", "fall",
        "demise", "execution", "abolition", "dissolution", "adoption", "creation", "introduction", "appointment",
        "election", "formation", "establishment", "foundation", "assassination", "inauguration", "removal",
        "dismissal", "expulsion", "exile", "arrest", "trial", "suicide", "funeral", "resignation", "deportation",
        "return", "signing", "collapse", "defeat", "stroke", "strokes", "illness", "recantation", "capitulation",
        "readmission", "liquidation", "abandonment", "takeover", "seizure", "coup", "famine", "purge", "revolt",
        "rising", "uprising", "mutiny", "rebellion", "insurrection", "abdication", "treaty", "speech", "congress",
        "killing", "invasion", "occupation", "annexation", "closure",
    ];
    NOUNS.contains(&w) || (w.len() > 5 && (w.ends_with("tion") || w.ends_with("sion") || w.ends_with("ment")))
}

/// The past participle / regular past of a verb, as far as a cheap test can tell.
pub(crate) fn past_form(w: &str) -> bool {
    const IRREGULAR: &[&str] = &[
        "shot", "born", "begun", "written", "drafted", "made", "set", "put", "held", "kept", "built", "taken", "given",
        "sent", "won", "lost", "led", "brought", "thrown", "overthrown", "beaten", "struck", "known", "seen", "done",
        "chosen", "forbidden", "hidden", "bound", "stolen", "split", "shut", "cut", "spoken", "told", "sold", "left",
        "found", "become", "broken", "driven", "forgotten", "hung", "slain", "undertaken", "overseen", "sought",
        "buried", "paid",
    ];
    const NOT_PAST: &[&str] = &["red", "hundred", "sacred", "wicked", "naked", "bed", "need", "seed", "speed", "creed", "indeed", "proceed", "succeed", "exceed", "feed", "greed", "deed", "shed", "bled", "fled", "led"];
    IRREGULAR.contains(&w) || (w.len() > 4 && w.ends_with("ed") && !NOT_PAST.contains(&w))
}

/// A name found in the sentence, in token indices. `virtual_` names stand for a relative
/// pronoun ("which", "who") whose antecedent is the name.
#[derive(Clone, Debug)]
pub(crate) struct Name {
    pub entry: EntryId,
    pub toks: Range<usize>,
    pub possessive: bool,
    pub virtual_: bool,
    /// Block-relative range (for quick fixes).
    pub range: Range<usize>,
}

pub(crate) fn names(ctx: &SentenceCtx) -> Vec<Name> {
    ctx.mentions
        .iter()
        .map(|m| {
            let toks = ctx.mention_toks(m);
            let last = toks.end.saturating_sub(1);
            let possessive = m.possessive || (last < ctx.s.toks.len() && (ctx.s.word(last).ends_with("'s") || ctx.s.word(last).ends_with("’s")));
            Name { entry: m.entry, toks, possessive, virtual_: false, range: m.range.clone() }
        })
        .collect()
}

/// Clauses as token ranges: `ctx.clauses()`, with a clause that holds nothing but a date ("(March
/// 1921)") joined to the one before it.
pub(crate) fn clauses(ctx: &SentenceCtx) -> Vec<Range<usize>> {
    let raw = ctx.clauses();
    let mut out: Vec<Range<usize>> = Vec::new();
    for c in raw {
        let only_date = c.clone().all(|i| {
            ctx.dates.iter().any(|d| d.toks.contains(&i)) || matches!(ctx.s.word(i), "c" | "c." | "in" | "," | "." | "ca" | "circa")
        });
        match out.last_mut() {
            Some(prev) if only_date => prev.end = c.end,
            _ => out.push(c),
        }
    }
    out
}

/// Index of the clause holding token `t`.
pub(crate) fn clause_index(clauses: &[Range<usize>], t: usize) -> Option<usize> {
    clauses.iter().position(|c| c.start <= t && t < c.end.max(c.start + 1))
}

/// Token index of a date's year.
pub(crate) fn year_tok(ctx: &SentenceCtx, d: &DateExpr) -> usize {
    d.toks.clone().find(|&i| ctx.s.toks[i].range.start == d.year_range.start).unwrap_or(d.toks.start)
}

/// Occurrences of vocabulary phrases as token ranges.
pub(crate) fn find_cues(ctx: &SentenceCtx, phrases: &[String]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = ctx.s.find_phrases(phrases).map(|(s, e, _)| s..e).collect();
    out.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    out.dedup_by(|b, a| a.start == b.start);
    out
}

/// Does the clause hold a negation (or a question or condition) that makes its dates unsafe to judge?
pub(crate) fn guarded(ctx: &SentenceCtx, clause: &Range<usize>) -> bool {
    let neg = &ctx.kb.vocab.negations;
    for i in clause.clone() {
        let w = ctx.s.word(i);
        if matches!(w, "if" | "unless" | "whether" | "suppose" | "imagine") {
            return true;
        }
        for p in neg {
            // "little" and "no" are too common in ordinary descriptions to cancel a clause.
            if matches!(p.as_str(), "little" | "without") {
                continue;
            }
            if ctx.s.phrase_at(i, p).is_some_and(|e| e <= clause.end) {
                return true;
            }
        }
    }
    false
}

/// Sentence-level guards: questions and counterfactuals.
pub(crate) fn hypothetical(ctx: &SentenceCtx) -> bool {
    let t = ctx.text().trim_end();
    if t.ends_with('?') {
        return true;
    }
    let n = ctx.s.toks.len();
    for i in 0..n {
        let w = ctx.s.word(i);
        if matches!(w, "if" | "unless" | "whether" | "suppose" | "supposing" | "imagine" | "hypothetically" | "counterfactual") {
            return true;
        }
        if matches!(w, "would" | "could" | "might" | "should") && i + 1 < n && matches!(ctx.s.word(i + 1), "have" | "not") {
            return true;
        }
    }
    false
}

/// How a cue relates to a name near it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Bind {
    /// The cue is about the name: "Kirov was murdered", "Lenin's death", "set up the Cheka",
    /// "the NEP began".
    Patient,
    /// The name does the act to something else: "Stalin shot thousands", "murdered by Nikolaev".
    Agent,
}

fn is_name_tok(names: &[Name], i: usize) -> bool {
    names.iter().any(|n| !n.virtual_ && n.toks.contains(&i))
}

fn starts_date(ctx: &SentenceCtx, i: usize) -> bool {
    ctx.dates.iter().any(|d| d.toks.start == i)
}

/// Is the cue at `cue` about the name `n`? Grammar at the level of word order: objects follow
/// verbs, passives and intransitives follow their subject, possessives and "of" attach to nouns.
pub(crate) fn bind(ctx: &SentenceCtx, names: &[Name], cue: &Range<usize>, n: &Name) -> Option<Bind> {
    let s = &ctx.s;
    let cue_word = s.word(cue.start);
    let cue_last = s.word(cue.end - 1);
    let noun = cue.len() == 1 && nounish(cue_word);
    if n.toks.start >= cue.end {
        // The name follows the cue: an object ("set up the Cheka"), "the death of Lenin", or
        // the agent of a passive ("murdered by Nikolaev").
        let gap = cue.end..n.toks.start;
        if gap.len() > 3 {
            return None;
        }
        let words: Vec<&str> = gap.clone().map(|i| s.word(i)).collect();
        if words.first() == Some(&"by") && words.iter().skip(1).all(|w| DETS.contains(w)) {
            return Some(Bind::Agent);
        }
        let ok = words.iter().enumerate().all(|(k, w)| DETS.contains(w) || (*w == "of" && k == 0 && noun));
        if ok {
            return Some(Bind::Patient);
        }
        return None;
    }
    if n.toks.end > cue.start {
        return None;
    }
    // The name comes first.
    let gap = n.toks.end..cue.start;
    if noun {
        if n.possessive && gap.len() <= 2 && gap.clone().all(|i| s.toks[i].kind == TokKind::Word && !past_form(s.word(i)) && !is_name_tok(names, i)) {
            return Some(Bind::Patient);
        }
        if !n.possessive && gap.is_empty() {
            return Some(Bind::Patient);
        }
        return None;
    }
    if n.possessive || gap.len() > 7 {
        return None;
    }
    let mut has_be = false;
    let mut has_have = false;
    let mut modifier_used = false;
    for (k, i) in gap.clone().enumerate() {
        let w = s.word(i);
        if is_name_tok(names, i) {
            // Coordinated names: "Zinoviev and Kamenev were shot".
            if k == 0 {
                return None;
            }
            continue;
        }
        if BE.contains(&w) {
            has_be = true;
        } else if HAVE.contains(&w) {
            has_have = true;
        } else if w == "and" || w == "," || w == "&" {
            if k + 1 < gap.len() && !is_name_tok(names, i + 1) && !BE.contains(&s.word(i + 1)) && !is_adverb(s.word(i + 1)) {
                return None;
            }
        } else if is_adverb(w) || w == "to" || w == "not" || w == "later" {
        } else if k == 0 && !modifier_used && s.toks[i].kind == TokKind::Word && !past_form(w) && !MODALS.contains(&w) && !is_prep(w) && !nounish(w) {
            // A noun the name modifies: "the Kronstadt sailors rose".
            modifier_used = true;
        } else {
            return None;
        }
    }
    let _ = has_have;
    if has_be {
        return Some(Bind::Patient);
    }
    // Active or intransitive: with no object after the cue, the name is what the verb is about.
    let next = cue.end;
    if next >= s.toks.len() || s.toks[next].kind == TokKind::Punct || NO_OBJECT.contains(&s.word(next)) || starts_date(ctx, next) {
        return Some(Bind::Patient);
    }
    let _ = cue_last;
    Some(Bind::Agent)
}

/// Human form of a fact-base date with its preposition: "on 1 December 1934", "in March 1921",
/// "around 1928".
pub(crate) fn on(d: &Date) -> String {
    if d.approx {
        let mut plain = *d;
        plain.approx = false;
        return format!("around {plain}");
    }
    match d.day {
        Some(_) => format!("on {d}"),
        None => format!("in {d}"),
    }
}

/// "from 8 to 16 March 1921", "from 1936 to 1938", or `on(..)` for a single date.
pub(crate) fn during(w: &When) -> String {
    match w.to {
        Some(t) if t != w.from => {
            let f = w.from;
            if f.year == t.year && f.month.is_some() && f.month == t.month && f.day.is_some() && t.day.is_some() && !f.approx && !t.approx {
                format!("from {} to {t}", f.day.unwrap())
            } else {
                format!("from {f} to {t}")
            }
        }
        _ => on(&w.from),
    }
}

/// "(fact base; essays 002, 004)": where the base's date comes from.
pub(crate) fn provenance(e: &Entry) -> String {
    let essays = e.essays();
    match (essays.len(), &e.record) {
        (0, Some(r)) => format!("(fact base: {r})"),
        (0, None) => "(fact base)".to_string(),
        (1, _) => format!("(fact base; essay {})", essays[0]),
        _ => format!("(fact base; essays {})", essays.join(", ")),
    }
}

/// The entry's name as the subject of a sentence: "the Cheka", "the Great Terror", "Lenin".
pub(crate) fn subject_name(e: &Entry) -> String {
    let n = &e.name;
    let plural_or_phrase = n.contains(' ');
    let the = match e.kind {
        Kind::Person => false,
        Kind::Body => !n.to_lowercase().starts_with("the "),
        _ => plural_or_phrase && !n.to_lowercase().starts_with("the "),
    };
    if the {
        format!("the {n}")
    } else {
        n.clone()
    }
}

pub(crate) fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Dates before the calendar change (14 February 1918) may be written in either style: allow
/// 13 days either way.
pub(crate) fn old_style_slack(span: DaySpan) -> DaySpan {
    let change = day_number(1918, 2, 14);
    let mut s = span;
    if s.lo < change {
        s.lo -= 13;
    }
    if s.hi < change + 13 {
        s.hi += 13;
    }
    s
}

/// Is something that happened within `fact` consistent with the date as the student wrote it?
pub(crate) fn consistent(fact: DaySpan, d: &DateExpr, relation: Relation) -> bool {
    let mut f = old_style_slack(fact);
    if d.approx {
        f = DaySpan::new(f.lo.saturating_sub(366), f.hi.saturating_add(366));
    }
    match relation {
        Relation::In => f.overlaps(&d.span),
        Relation::ByEnd => f.lo <= d.span.hi,
        Relation::After => f.hi >= d.span.lo,
    }
}

// ---------------------------------------------------------------------------------------------
// Facts a clause speaks of
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum What {
    Event,
    Born,
    Died,
    Life,
    RoleStart,
    RoleHeld,
    Founded,
    Dissolved,
    Began,
    Ended,
    Period,
}

#[derive(Clone, Debug)]
struct Fact<'k> {
    entry: EntryId,
    what: What,
    when: When,
    /// What a date is compared with.
    span: DaySpan,
    role: Option<&'k Role>,
    /// Tokens of the name and cue that state the fact.
    anchor: Range<usize>,
    /// A pluperfect verb: the fact came no later than a date framing the clause.
    pluperfect: bool,
    /// "Lenin (1870-1924)": the date is a life span in brackets right after the name.
    bracket: Option<usize>,
}

fn hull(a: &Range<usize>, b: &Range<usize>) -> Range<usize> {
    a.start.min(b.start)..a.end.max(b.end)
}

fn when_of(e: &Entry) -> Option<When> {
    match (e.start, e.end) {
        (Some(s), Some(t)) => Some(When { from: s.from, to: Some(t.to.unwrap_or(t.from)) }),
        (Some(s), None) => Some(s),
        (None, Some(t)) => Some(When { from: t.to.unwrap_or(t.from), to: None }),
        (None, None) => None,
    }
}

/// A title's words, lower-case, without leading articles.
fn title_words(t: &str) -> Vec<String> {
    crate::text::sentences::tokenize(t)
        .iter()
        .map(|tok| t[tok.range.clone()].to_lowercase())
        .filter(|w| w != "the")
        .collect()
}

/// Token range where the role's title is written in the clause, if it is.
fn find_title(ctx: &SentenceCtx, clause: &Range<usize>, role: &Role, names: &[Name]) -> Option<Range<usize>> {
    let words = title_words(&role.title);
    if words.is_empty() {
        return None;
    }
    // Literally: "General Secretary", "Commissar for War", "head of the NKVD".
    'start: for i in clause.clone() {
        let mut j = i;
        for w in &words {
            while j < clause.end && ctx.s.word(j) == "the" && w != "the" {
                j += 1;
            }
            if j >= clause.end {
                continue 'start;
            }
            let tw = crate::text::sentences::possessive_base(ctx.s.word(j));
            if tw != w && !(w.len() > 4 && tw.len() > 4 && tw[..4] == w[..4]) {
                continue 'start;
            }
            j += 1;
        }
        return Some(i..j);
    }
    // Loosely: the office is named in the clause together with the title's head word
    // ("appointed to head the NKVD", "a member of the Politburo").
    let office = role.office?;
    let on = names.iter().find(|n| n.entry == office && clause.start <= n.toks.start && n.toks.end <= clause.end)?;
    let office_words: Vec<String> = ctx.kb.entries[office].aliases.iter().chain(std::iter::once(&ctx.kb.entries[office].name)).flat_map(|a| title_words(a)).collect();
    let keys: Vec<&String> = words.iter().filter(|w| !office_words.contains(w) && w.len() > 3 && !matches!(w.as_str(), "people's" | "party" | "central" | "committee" | "soviet" | "union")).collect();
    let key = keys.first()?;
    let k = clause.clone().find(|&i| {
        let w = crate::text::sentences::possessive_base(ctx.s.word(i));
        w.len() >= 4 && key.len() >= 4 && w[..4] == key[..4]
    })?;
    Some(hull(&(k..k + 1), &on.toks))
}

/// The clause's subject: a name with nothing but a framing date, determiners and adverbs before
/// it in the clause, followed by a verb that is not a passive.
fn is_subject(ctx: &SentenceCtx, clause: &Range<usize>, n: &Name, names: &[Name]) -> bool {
    let s = &ctx.s;
    for i in clause.start..n.toks.start {
        let w = s.word(i);
        let in_date = ctx.dates.iter().any(|d| d.toks.contains(&i));
        if !(in_date || FRAMING.contains(&w) || DETS.contains(&w) || w == "," || is_adverb(w)) {
            return false;
        }
        if is_name_tok(names, i) {
            return false;
        }
    }
    if n.possessive {
        return false;
    }
    // The verb.
    let mut j = n.toks.end;
    while j < clause.end && (is_adverb(s.word(j)) && s.word(j) != "in") {
        j += 1;
    }
    if j >= clause.end {
        return false;
    }
    let w = s.word(j);
    if BE.contains(&w) {
        // "was signed" is a passive: a cue (if any) says what happened.
        return !(j + 1 < clause.end && past_form(s.word(j + 1)));
    }
    is_verb(ctx, w)
}

pub(crate) fn is_verb(ctx: &SentenceCtx, w: &str) -> bool {
    let v = &ctx.kb.vocab;
    if MODALS.contains(&w) || HAVE.contains(&w) || BE.contains(&w) {
        return true;
    }
    if v.verbs.iter().any(|x| x == w) {
        return true;
    }
    if past_form(w) && w != "born" {
        return true;
    }
    [&v.began, &v.ended, &v.founded, &v.dissolved, &v.died, &v.appointed].iter().any(|l| l.iter().any(|p| p.split_whitespace().next() == Some(w) && !nounish(w)))
}

/// Term kinds whose dates are a span the term lasted (checked even without a cue).
fn period_kind(e: &Entry) -> bool {
    e.kind == Kind::Event || (e.kind == Kind::Term && matches!(e.subkind.as_str(), "policy" | "period" | "other" | "office" | "document"))
}

/// Is the name attached to the date: "the Great Terror of 1937-38", "Kirov's murder in 1934",
/// "the 1921 famine", "(1870-1924)"?
fn attached(ctx: &SentenceCtx, n: &Name, d: &DateExpr) -> bool {
    let s = &ctx.s;
    if d.toks.start >= n.toks.end {
        let gap = n.toks.end..d.toks.start;
        gap.len() <= 2 && gap.clone().all(|i| matches!(s.word(i), "in" | "of" | "on" | "during" | "(" | "," | "from" | "between" | "at" | "c." | "c"))
    } else if d.toks.end <= n.toks.start {
        let gap = d.toks.end..n.toks.start;
        gap.is_empty() || (gap.len() == 1 && matches!(s.word(gap.start), "'s" | "’s"))
    } else {
        false
    }
}

fn facts<'k>(ctx: &SentenceCtx<'k>, clause: &Range<usize>, names: &[Name], dates: &[&DateExpr]) -> Vec<Fact<'k>> {
    let kb: &'k KnowledgeBase = ctx.kb;
    let v = &kb.vocab;
    let mut out: Vec<Fact<'k>> = Vec::new();
    let inside = |r: &Range<usize>| clause.start <= r.start && r.end <= clause.end;
    let in_clause: Vec<&Name> = names.iter().filter(|n| inside(&n.toks)).collect();
    if in_clause.is_empty() {
        return out;
    }
    let cues = |l: &[String]| -> Vec<Range<usize>> { find_cues(ctx, l).into_iter().filter(|r| inside(r)).collect() };
    let born = cues(&v.born);
    let died = cues(&v.died);
    let mut begin = cues(&v.began);
    begin.extend(cues(&v.founded));
    let mut end = cues(&v.ended);
    end.extend(cues(&v.dissolved));
    let founded = cues(&v.founded);
    let dissolved = cues(&v.dissolved);
    let appointed = cues(&v.appointed);
    let pluperfect = |c: &Range<usize>| c.start >= 1 && (ctx.s.word(c.start - 1) == "had" || (c.start >= 2 && ctx.s.word(c.start - 2) == "had" && matches!(ctx.s.word(c.start - 1), "been" | "already")));

    let push = |out: &mut Vec<Fact<'k>>, entry: EntryId, what: What, when: When, span: DaySpan, role: Option<&'k Role>, anchor: Range<usize>, plu: bool| {
        out.push(Fact { entry, what, when, span, role, anchor, pluperfect: plu, bracket: None });
    };

    for n in &in_clause {
        let e: &'k Entry = &kb.entries[n.entry];
        let bound = |list: &[Range<usize>]| -> Vec<(Range<usize>, Bind)> { list.iter().filter_map(|c| bind(ctx, names, c, n).map(|b| (c.clone(), b))).collect() };
        match e.kind {
            Kind::Person => {
                if let Some(b) = e.start {
                    for (c, k) in bound(&born) {
                        if k == Bind::Patient {
                            push(&mut out, n.entry, What::Born, b, b.span(), None, hull(&c, &n.toks), pluperfect(&c));
                        }
                    }
                }
                if let Some(dd) = e.end {
                    for (c, k) in bound(&died) {
                        if k == Bind::Patient {
                            push(&mut out, n.entry, What::Died, dd, dd.span(), None, hull(&c, &n.toks), pluperfect(&c));
                        }
                    }
                }
                // Life span in brackets right after the name.
                if let (Some(b), Some(dd)) = (e.start, e.end) {
                    if n.toks.end < ctx.s.toks.len() && ctx.s.word(n.toks.end) == "(" {
                        if let Some(di) = dates.iter().position(|d| d.toks.start == n.toks.end + 1 && d.is_range && d.toks.end < ctx.s.toks.len() && ctx.s.word(d.toks.end) == ")") {
                            let w = When { from: b.from, to: Some(dd.from) };
                            out.push(Fact { entry: n.entry, what: What::Life, when: w, span: w.span(), role: None, anchor: n.toks.clone(), pluperfect: false, bracket: Some(di) });
                        }
                    }
                }
                // Posts.
                if !n.virtual_ {
                    let holder_end = e.end.map(|w| w.span());
                    for r in &e.roles {
                        let Some(from) = r.from else { continue };
                        let Some(title) = find_title(ctx, clause, r, names) else { continue };
                        let anchor = hull(&title, &n.toks);
                        let cue = appointed.iter().find(|c| bind(ctx, names, c, n).is_some() || (c.end <= title.start && title.start - c.end <= 2));
                        match cue {
                            Some(c) => push(&mut out, n.entry, What::RoleStart, from, from.span(), Some(r), hull(&anchor, c), pluperfect(c)),
                            None => {
                                let Some(span) = r.span(holder_end) else { continue };
                                let to = r.to.or(e.end).map(|w| w.to.unwrap_or(w.from));
                                let when = When { from: from.from, to };
                                push(&mut out, n.entry, What::RoleHeld, when, span, Some(r), anchor, false);
                            }
                        }
                    }
                }
            }
            Kind::Body | Kind::Term | Kind::Event => {
                let (f_cues, d_cues) = if e.kind == Kind::Body { (&founded, &dissolved) } else { (&begin, &end) };
                let mut f_list = bound(f_cues);
                let mut d_list = bound(d_cues);
                if e.kind == Kind::Body {
                    // "began"/"ended" cues also speak of a body's start and end ("the Comintern ended").
                    f_list.extend(bound(&cues(&v.began)));
                    d_list.extend(bound(&cues(&v.ended)));
                }
                let (start_what, end_what) = if e.kind == Kind::Body { (What::Founded, What::Dissolved) } else { (What::Began, What::Ended) };
                if e.kind != Kind::Event {
                    if let Some(st) = e.start {
                        for (c, k) in &f_list {
                            if *k == Bind::Patient {
                                let when = When::at(st.from);
                                push(&mut out, n.entry, start_what, when, st.from.span(), None, hull(c, &n.toks), pluperfect(c));
                            }
                        }
                    }
                    if let Some(en) = e.end {
                        for (c, k) in &d_list {
                            if *k == Bind::Patient {
                                let d = en.to.unwrap_or(en.from);
                                push(&mut out, n.entry, end_what, When::at(d), d.span(), None, hull(c, &n.toks), pluperfect(c));
                            }
                        }
                    }
                }
                if period_kind(e) {
                    if let Some(w) = when_of(e) {
                        let mut span = e.span().unwrap_or(w.span());
                        if e.kind == Kind::Term && e.subkind == "document" {
                            // A document goes on existing after it is written.
                            span.hi = i32::MAX / 2;
                        }
                        let what = if e.kind == Kind::Event { What::Event } else { What::Period };
                        let cued = e.kind == Kind::Event && (!f_list.is_empty() || !d_list.is_empty() || !bound(&died).is_empty());
                        let tied = cued || is_subject(ctx, clause, n, names) || dates.iter().any(|d| attached(ctx, n, d));
                        if tied && !n.virtual_ {
                            push(&mut out, n.entry, what, w, span, None, n.toks.clone(), false);
                        }
                    }
                }
            }
        }
    }

    // Events named by an actor and a cue.
    for (ei, e) in kb.entries.iter().enumerate() {
        if e.kind != Kind::Event || e.cues.is_empty() || e.actors.is_empty() {
            continue;
        }
        let actors: Vec<&&Name> = in_clause.iter().filter(|n| e.actors.contains(&n.entry)).collect();
        if actors.is_empty() {
            continue;
        }
        let Some(w) = when_of(e) else { continue };
        let span = e.span().unwrap_or(w.span());
        for c in find_cues(ctx, &e.cues) {
            if !inside(&c) {
                continue;
            }
            for a in &actors {
                if a.toks.start <= c.start && c.end <= a.toks.end {
                    continue;
                }
                if bind(ctx, names, &c, a).is_some() {
                    push(&mut out, ei, What::Event, w, span, None, hull(&c, &a.toks), pluperfect(&c));
                }
            }
        }
    }
    out
}

/// Tokens between a date and an anchor (0 when they overlap).
fn distance(d: &Range<usize>, a: &Range<usize>) -> usize {
    if d.end <= a.start {
        a.start - d.end
    } else if d.start >= a.end {
        d.start - a.end
    } else {
        0
    }
}

/// A date at the head of its clause ("In 1934, ...", "By early 1939 ...") frames all of it.
fn framing(ctx: &SentenceCtx, clause: &Range<usize>, d: &DateExpr) -> bool {
    (clause.start..d.toks.start).all(|i| FRAMING.contains(&ctx.s.word(i)) || ctx.s.word(i) == "," || ctx.dates.iter().any(|x| x.toks.contains(&i)))
}

/// The words the fact base gives for a fact's date, for "sources disagree".
fn variant_fields(what: What) -> &'static [&'static str] {
    match what {
        What::Event => &["date", "from", "to"],
        What::Born => &["born"],
        What::Died => &["died"],
        What::Life => &["born", "died"],
        What::Founded => &["founded"],
        What::Dissolved => &["dissolved"],
        What::Began => &["from"],
        What::Ended => &["to"],
        What::Period => &["from", "to"],
        What::RoleStart | What::RoleHeld => &[],
    }
}

fn statement(kb: &KnowledgeBase, f: &Fact) -> String {
    let e = &kb.entries[f.entry];
    let who = capitalise(&subject_name(e));
    match f.what {
        What::Event => match f.when.to {
            Some(t) if t != f.when.from => format!("{who} lasted {}", during(&f.when)),
            _ => format!("{who} took place {}", on(&f.when.from)),
        },
        What::Born => format!("{who} was born {}", on(&f.when.from)),
        What::Died => format!("{who} died {}", on(&f.when.from)),
        What::Life => format!("{who} lived {}", during(&f.when)),
        What::RoleStart => format!("{who} became {} {}", f.role.map_or("", |r| r.title.as_str()), on(&f.when.from)),
        What::RoleHeld => format!("{who} was {} {}", f.role.map_or("", |r| r.title.as_str()), during(&f.when)),
        What::Founded => format!("{who} was founded {}", on(&f.when.from)),
        What::Dissolved => {
            let succ = e.successor.map(|s| format!(", succeeded by {}", subject_name(&kb.entries[s]))).unwrap_or_default();
            format!("{who} was dissolved {}{succ}", on(&f.when.from))
        }
        What::Began => format!("{who} began {}", on(&f.when.from)),
        What::Ended => format!("{who} ended {}", on(&f.when.from)),
        What::Period => match (e.start, e.end) {
            (Some(_), Some(_)) => format!("{who} lasted {}", during(&f.when)),
            (Some(s), None) => format!("{who} dates from {}", s.from).replace("from c. ", "from around "),
            _ => format!("{who} ended {}", on(&f.when.from)),
        },
    }
}

/// The fact base's date written at the precision and in the style the student used.
fn replacement(ctx: &SentenceCtx, d: &DateExpr, f: &Fact) -> Option<(Range<usize>, String)> {
    let written = &ctx.text()[d.range.clone()];
    let year_text = &ctx.text()[d.year_range.clone()];
    let from = f.when.from;
    let to = f.when.to.unwrap_or(from);
    let (y0, y1) = match f.what {
        What::Period | What::Event | What::RoleHeld | What::Life => (from.year, to.year),
        _ => (from.year, from.year),
    };
    let years = |dash: &str, long: bool| -> String {
        if y0 == y1 {
            y0.to_string()
        } else if long || y0 / 100 != y1 / 100 {
            format!("{y0}{dash}{y1}")
        } else {
            format!("{y0}{dash}{:02}", y1 % 100)
        }
    };
    // A decade: "the 1920s" -> "the 1930s".
    if year_text.len() == 5 && year_text.ends_with('s') {
        return Some((d.year_range.clone(), format!("{}s", y0 / 10 * 10)));
    }
    if d.is_range {
        let dash = if year_text.contains(" to ") { " to " } else if year_text.contains('–') { "–" } else { "-" };
        let long = year_text.split(|c: char| !c.is_ascii_digit()).filter(|p| !p.is_empty()).nth(1).is_some_and(|p| p.len() == 4);
        return Some((d.year_range.clone(), years(dash, long)));
    }
    if !d.point {
        // Seasons and qualifiers ("late 1929"): change the year only.
        return Some((d.year_range.clone(), years("–", false)));
    }
    let ntoks = d.toks.len();
    if ntoks == 1 {
        return Some((d.range.clone(), years("–", false)));
    }
    // Month or day precision.
    let first_is_month = month_number(ctx.s.word(d.toks.start)).is_some();
    let has_day = ntoks >= 3;
    let date = from;
    let text = match (date.month, date.day) {
        (Some(m), Some(day)) if has_day => {
            if first_is_month {
                format!("{} {day}, {}", MONTHS[m as usize - 1], date.year)
            } else {
                format!("{day} {} {}", MONTHS[m as usize - 1], date.year)
            }
        }
        (Some(m), _) => format!("{} {}", MONTHS[m as usize - 1], date.year),
        _ => date.year.to_string(),
    };
    let _ = written;
    Some((d.range.clone(), text))
}

pub fn check(ctx: &SentenceCtx, out: &mut Vec<Finding>) {
    if ctx.dates.is_empty() || ctx.mentions.is_empty() || hypothetical(ctx) {
        return;
    }
    let kb = ctx.kb;
    let mut names = names(ctx);
    let clauses = clauses(ctx);
    // "which" / "who" at the head of a clause stands for the last name of the clause before.
    for (k, c) in clauses.iter().enumerate().skip(1) {
        if matches!(ctx.s.word(c.start), "which" | "who" | "that") {
            let prev = &clauses[k - 1];
            if let Some(a) = names.iter().filter(|n| prev.start <= n.toks.start && n.toks.end <= prev.end).last().cloned() {
                names.push(Name { entry: a.entry, toks: c.start..c.start + 1, possessive: false, virtual_: true, range: a.range.clone() });
            }
        }
    }
    let quote_of = |i: usize| -> Option<usize> {
        let r = ctx.abs(&ctx.s.toks[i].range);
        ctx.quotes.iter().position(|q| q.start <= r.start && r.end <= q.end)
    };

    for (ci, clause) in clauses.iter().enumerate() {
        let dates: Vec<&DateExpr> = ctx.dates.iter().filter(|d| clause_index(&clauses, year_tok(ctx, d)) == Some(ci)).collect();
        if dates.is_empty() || guarded(ctx, clause) {
            continue;
        }
        let facts = facts(ctx, clause, &names, &dates);
        if facts.is_empty() {
            continue;
        }
        for (di, d) in dates.iter().enumerate() {
            // The facts this date speaks of: those whose nearest date it is, close or framing.
            let mine: Vec<(&Fact, Relation)> = facts
                .iter()
                .filter_map(|f| {
                    if let Some(b) = f.bracket {
                        return (b == di).then_some((f, d.relation));
                    }
                    let dist = distance(&d.toks, &f.anchor);
                    let nearest = dates.iter().enumerate().all(|(dj, o)| dj == di || distance(&o.toks, &f.anchor) > dist || (distance(&o.toks, &f.anchor) == dist && dj > di));
                    if !nearest {
                        return None;
                    }
                    let after = d.toks.start >= f.anchor.end;
                    let close = if after { dist <= 6 } else { dist <= 2 };
                    let frames = !after && framing(ctx, clause, d);
                    if !(close || frames) {
                        return None;
                    }
                    if quote_of(f.anchor.start) != quote_of(year_tok(ctx, d)) {
                        return None;
                    }
                    // "In 1935 Kirov had been murdered": the murder came no later than 1935.
                    let rel = if f.pluperfect && !after && d.relation == Relation::In { Relation::ByEnd } else { d.relation };
                    Some((f, rel))
                })
                .collect();
            if mine.is_empty() {
                continue;
            }
            let fits = |f: &Fact, rel: Relation| -> bool {
                if f.what == What::Life {
                    // The bracket must lie within the life.
                    return f.span.lo <= d.span.lo + 366 && d.span.hi - 366 <= f.span.hi;
                }
                consistent(f.span, d, rel)
            };
            if mine.iter().any(|(f, rel)| fits(f, *rel)) {
                continue;
            }
            // An essay's recorded variant that the written date matches.
            let mut variant = None;
            for (f, rel) in &mine {
                let e = &kb.entries[f.entry];
                for v in &e.variants {
                    if !variant_fields(f.what).contains(&v.field.as_str()) {
                        continue;
                    }
                    if let Ok(vd) = Date::parse(&v.value) {
                        if consistent(vd.span(), d, *rel) {
                            variant = Some((*f, v));
                            break;
                        }
                    }
                }
                if variant.is_some() {
                    break;
                }
            }
            // The fact to report: the one whose date is nearest the date written.
            let (f, _) = match variant {
                Some((vf, _)) => mine.iter().find(|(f, _)| std::ptr::eq(*f, vf)).copied().unwrap(),
                None => *mine
                    .iter()
                    .min_by_key(|(f, _)| (f.span.gap(&d.span), if f.what == What::Event { 0 } else { 1 }))
                    .unwrap(),
            };
            let e = &kb.entries[f.entry];
            let written = &ctx.text()[d.range.clone()];
            let stated = statement(kb, f);
            let (message, severity) = match variant {
                Some((_, v)) => {
                    let note = if v.note.is_empty() { String::new() } else { format!(": {}", v.note.trim_end_matches('.')) };
                    (
                        format!("Sources disagree: {stated} {}, but essay {} gives {} as you do{note}.", provenance(e), v.essay, v.value),
                        Severity::Information,
                    )
                }
                None => (format!("{stated} {}, not {written}.", provenance(e)), Severity::Warning),
            };
            let mut finding = Finding::new(Code::DubiousDate, ctx.abs(&d.range), message);
            finding.severity = severity;
            if let Some((r, text)) = replacement(ctx, d, f) {
                if ctx.text()[r.clone()] != text {
                    finding.fixes.push(Fix { title: format!("Replace with {text}"), range: ctx.abs(&r), replacement: text });
                }
            }
            out.push(finding);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::OnceLock;

    use expect_test::{expect, Expect};

    use crate::analysis::{analyze_block, Code, Config, Severity};
    use crate::base::KnowledgeBase;

    fn kb() -> &'static KnowledgeBase {
        static KB: OnceLock<KnowledgeBase> = OnceLock::new();
        KB.get_or_init(|| KnowledgeBase::embedded().0)
    }

    /// Marks each dubious date `[..]` (`[?..]` when sources disagree) and lists messages and fixes.
    fn render(text: &str) -> String {
        let mut res = analyze_block(kb(), text, &Config::default());
        res.findings.sort_by_key(|f| f.range.start);
        let mut out = String::new();
        let mut last = 0;
        let mut notes = Vec::new();
        for f in res.findings.iter().filter(|f| f.code == Code::DubiousDate) {
            out.push_str(&text[last..f.range.start]);
            let mark = if f.severity == Severity::Information { "?" } else { "" };
            out.push_str(&format!("[{mark}{}]", &text[f.range.clone()]));
            last = f.range.end;
            let fixes: Vec<&str> = f.fixes.iter().map(|x| x.replacement.as_str()).collect();
            notes.push(format!("{} -> {}", f.message, fixes.join(" | ")));
        }
        out.push_str(&text[last..]);
        if !notes.is_empty() {
            out.push('\n');
            out.push_str(&notes.join("\n"));
        }
        out
    }

    fn check(text: &str, expect: Expect) {
        expect.assert_eq(&render(text));
    }

    /// Each text on its own, rendered as by `check`, one after another.
    fn check_each(texts: &[&str], expect: Expect) {
        expect.assert_eq(&texts.iter().map(|t| render(t)).collect::<Vec<_>>().join("\n\n"));
    }

    /// Texts that must draw no dubious-date finding at all.
    fn clean(texts: &[&str]) {
        for t in texts {
            assert_eq!(render(t), *t, "false alarm");
        }
    }

    #[test]
    #[ignore]
    fn debug_file() {
        let text = std::fs::read_to_string("/tmp/clio_sents.txt").unwrap();
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let res = analyze_block(kb(), line, &Config::default());
            let fs: Vec<String> = res.findings.iter().filter(|f| matches!(f.code, Code::DubiousDate | Code::Anachronism)).map(|f| format!("  {} «{}» {}", f.code.as_str(), &line[f.range.clone()], f.message)).collect();
            println!("{}{}", if fs.is_empty() { "   " } else { "!! " }, line);
            for f in fs { println!("{f}"); }
        }
    }

    #[test]
    fn placeholder() {
        check_each(&["Kirov was murdered in 1931."], expect![[r#""#]]);
        clean(&[]);
        check("", expect![[r#""#]]);
    }
}
