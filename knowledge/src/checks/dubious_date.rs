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

use rustc_hash::{FxHashMap, FxHashSet};

use super::SentenceCtx;
use crate::analysis::{Code, Finding, Fix, Severity};
use crate::base::date::{day_number, Date, DaySpan, When, MONTHS};
use crate::base::{Entry, EntryId, Kind, KnowledgeBase, Role};
use crate::text::dates::{month_number, DateExpr, Relation};
use crate::text::sentences::TokKind;

// ---------------------------------------------------------------------------------------------
// Grammar helpers, shared with the anachronism check
// ---------------------------------------------------------------------------------------------

// The word lists are `matches!` patterns (a switch on length, then a compare or two) rather
// than slices to scan: they are asked about nearly every word of every dated sentence.

pub(crate) fn is_be(w: &str) -> bool {
    matches!(
        w,
        "was"
            | "were"
            | "is"
            | "are"
            | "been"
            | "be"
            | "being"
            | "am"
            | "get"
            | "got"
            | "gets"
            | "getting"
    )
}

fn is_have(w: &str) -> bool {
    matches!(w, "had" | "has" | "have" | "having")
}

pub(crate) fn is_modal(w: &str) -> bool {
    matches!(
        w,
        "would"
            | "could"
            | "should"
            | "might"
            | "will"
            | "may"
            | "must"
            | "shall"
            | "can"
            | "did"
            | "does"
            | "do"
    )
}

fn is_det(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "its"
            | "their"
            | "this"
            | "these"
            | "those"
            | "new"
            | "first"
            | "second"
            | "third"
            | "whole"
            | "entire"
            | "own"
            | "newly"
            | "so-called"
            | "infamous"
            | "famous"
            | "brutal"
            | "bloody"
    )
}

fn is_adverb_word(w: &str) -> bool {
    matches!(
        w,
        "then"
            | "later"
            | "soon"
            | "also"
            | "first"
            | "finally"
            | "eventually"
            | "already"
            | "still"
            | "again"
            | "once"
            | "only"
            | "even"
            | "subsequently"
            | "duly"
            | "thus"
            | "therefore"
            | "himself"
            | "itself"
            | "themselves"
            | "all"
            | "both"
            | "quickly"
            | "promptly"
            | "secretly"
            | "officially"
            | "formally"
            | "allegedly"
            | "apparently"
            | "supposedly"
            | "reportedly"
            | "famously"
            | "in"
            | "turn"
    )
}

/// Words after a verb that show it has no object: the name before it is what the verb is about.
fn no_object_after(w: &str) -> bool {
    matches!(
        w,
        "in" | "on"
            | "at"
            | "during"
            | "by"
            | "after"
            | "before"
            | "until"
            | "till"
            | "from"
            | "with"
            | "for"
            | "to"
            | "against"
            | "into"
            | "under"
            | "over"
            | "as"
            | "while"
            | "when"
            | "and"
            | "aged"
            | "amid"
            | "following"
            | "despite"
            | "because"
            | "through"
            | "throughout"
            | "within"
            | "near"
            | "outside"
            | "inside"
            | "upon"
            | "since"
            | "around"
            | "about"
            | "out"
            | "shortly"
            | "soon"
            | "only"
            | "suddenly"
            | "early"
            | "late"
            | "later"
            | "that"
            | "which"
            | "but"
            | "or"
            | "there"
            | "here"
            | "abroad"
            | "again"
            | "too"
            | "also"
            | "then"
            | "himself"
            | "itself"
            | "themselves"
            | "briefly"
            | "mid"
            | "barely"
    )
}

/// Words that put a name under a preposition or make it an object rather than the one acting.
fn preposition(w: &str) -> bool {
    matches!(
        w,
        "of" | "to"
            | "about"
            | "against"
            | "after"
            | "under"
            | "for"
            | "with"
            | "from"
            | "toward"
            | "towards"
            | "like"
            | "than"
            | "unlike"
            | "by"
            | "on"
            | "upon"
            | "as"
            | "into"
            | "since"
            | "before"
            | "beyond"
            | "in"
            | "at"
            | "during"
            | "between"
            | "among"
            | "over"
            | "without"
            | "despite"
            | "behind"
            | "through"
            | "via"
            | "per"
            | "amid"
            | "around"
            | "whom"
            | "versus"
            | "vs"
    )
}

/// Words that may stand before a clause-framing date: "In 1934,", "By early 1939", "After the 1920s".
fn is_framing(w: &str) -> bool {
    matches!(
        w,
        "in" | "by"
            | "after"
            | "before"
            | "during"
            | "since"
            | "until"
            | "till"
            | "from"
            | "between"
            | "around"
            | "about"
            | "c"
            | "c."
            | "circa"
            | "early"
            | "late"
            | "mid"
            | "the"
            | "of"
            | "throughout"
            | "spring"
            | "summer"
            | "autumn"
            | "fall"
            | "winter"
            | "then"
            | "and"
            | "but"
            | "so"
            | "yet"
            | "however"
            | "later"
            | "also"
            | "only"
            | "even"
            | "already"
            | "still"
            | "year"
            | "years"
            | "on"
            | "at"
            | "end"
            | "start"
            | "beginning"
            | "middle"
            | "ca"
    )
}

pub(crate) fn is_prep(w: &str) -> bool {
    preposition(w)
}

fn is_adverb(w: &str) -> bool {
    is_adverb_word(w)
        || (w.len() > 4
            && w.ends_with("ly")
            && !matches!(
                w,
                "italy" | "family" | "july" | "rally" | "ally" | "supply" | "assembly" | "early"
            ))
}

/// A word that reads as a noun naming an act ("death", "introduction", "founding").
pub(crate) fn nounish(w: &str) -> bool {
    const NOUNS: &[&str] = &[
        "death",
        "birth",
        "murder",
        "launch",
        "start",
        "end",
        "outbreak",
        "founding",
        "beginning",
        "rise",
        "fall",
        "demise",
        "execution",
        "abolition",
        "dissolution",
        "adoption",
        "creation",
        "introduction",
        "appointment",
        "election",
        "formation",
        "establishment",
        "foundation",
        "assassination",
        "inauguration",
        "removal",
        "dismissal",
        "expulsion",
        "exile",
        "arrest",
        "trial",
        "suicide",
        "funeral",
        "resignation",
        "deportation",
        "return",
        "signing",
        "collapse",
        "defeat",
        "stroke",
        "strokes",
        "illness",
        "recantation",
        "capitulation",
        "readmission",
        "liquidation",
        "abandonment",
        "takeover",
        "seizure",
        "coup",
        "famine",
        "purge",
        "revolt",
        "rising",
        "uprising",
        "mutiny",
        "rebellion",
        "insurrection",
        "abdication",
        "treaty",
        "speech",
        "congress",
        "killing",
        "invasion",
        "occupation",
        "annexation",
        "closure",
        "attempt",
    ];
    NOUNS.contains(&w)
        || (w.len() > 5 && (w.ends_with("tion") || w.ends_with("sion") || w.ends_with("ment")))
}

/// The past participle / regular past of a verb, as far as a cheap test can tell.
pub(crate) fn past_form(w: &str) -> bool {
    const IRREGULAR: &[&str] = &[
        "shot",
        "born",
        "begun",
        "written",
        "drafted",
        "made",
        "set",
        "put",
        "held",
        "kept",
        "built",
        "taken",
        "given",
        "sent",
        "won",
        "lost",
        "led",
        "brought",
        "thrown",
        "overthrown",
        "beaten",
        "struck",
        "known",
        "seen",
        "done",
        "chosen",
        "forbidden",
        "hidden",
        "bound",
        "stolen",
        "split",
        "shut",
        "cut",
        "spoken",
        "told",
        "sold",
        "left",
        "found",
        "become",
        "broken",
        "driven",
        "forgotten",
        "hung",
        "slain",
        "undertaken",
        "overseen",
        "sought",
        "buried",
        "paid",
    ];
    const NOT_PAST: &[&str] = &[
        "red", "hundred", "sacred", "wicked", "naked", "bed", "need", "seed", "speed", "creed",
        "indeed", "proceed", "succeed", "exceed", "feed", "greed", "deed", "shed", "bled", "fled",
        "led",
    ];
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
            let possessive = m.possessive
                || (last < ctx.s.toks.len()
                    && (ctx.s.word(last).ends_with("'s") || ctx.s.word(last).ends_with("’s")));
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
            ctx.dates.iter().any(|d| d.toks.contains(&i))
                || matches!(ctx.s.word(i), "c" | "c." | "in" | "," | "." | "ca" | "circa")
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
    d.toks
        .clone()
        .find(|&i| ctx.s.toks[i].range.start == d.year_range.start)
        .unwrap_or(d.toks.start)
}

/// The vocabulary lists a check may ask for (in the order `Lexicon::build` numbers them).
#[derive(Clone, Copy)]
pub(crate) enum Cue {
    Born = 0,
    Died,
    Founded,
    Dissolved,
    Began,
    Ended,
    Appointed,
    Negation,
}

/// Do a phrase's words (lower case, `*` a suffix wildcard), or its words after the first, stand
/// from token `i`? Returns the end. The last word may be a possessive ("Lenin's death").
fn words_end(ctx: &SentenceCtx, i: usize, parts: &[Box<str>]) -> Option<usize> {
    let s = &ctx.s;
    let mut j = i;
    for (k, p) in parts.iter().enumerate() {
        if j >= s.toks.len() {
            return None;
        }
        let w = s.word(j);
        let last = k + 1 == parts.len();
        let ok = if let Some(stem) = p.strip_suffix('*') {
            w.starts_with(stem) && s.toks[j].kind == TokKind::Word
        } else if last && &**p == "n't" {
            w.ends_with("n't") || w.ends_with("n’t")
        } else {
            w == &**p || (last && crate::text::sentences::possessive_base(w) == &**p)
        };
        if !ok {
            return None;
        }
        j += 1;
    }
    Some(j)
}

/// A phrase under its first word: the list it belongs to, and the words after the first.
type Rest = (u32, Box<[Box<str>]>);
/// A phrase no word can be looked up by: its list, its first word's stem (`None` for "n't"), its
/// words.
type OpenPhrase = (u32, Option<Box<str>>, Box<[Box<str>]>);

/// The base's cue phrases (the vocabulary's lists and events' own `cues`), prepared once per
/// base (`checks::Tables`): each phrase under its first word, so that a sentence is read in one
/// pass over its words, whatever the number of phrases.
pub(crate) struct Lexicon {
    /// A phrase's first word to the phrases starting with it: (list, the words after it).
    by_first: FxHashMap<String, Vec<Rest>>,
    /// Per first byte, the lengths (bit `len`, 63 for longer) of the words `by_first` holds:
    /// most words of a sentence are ruled out before hashing.
    heads: Box<[u64; 256]>,
    /// Phrases whose first word is a stem (`*`) or "n't", which no word can be looked up by:
    /// (list, the first word's stem or `None` for "n't", words), tried at every word.
    open: Vec<OpenPhrase>,
    /// The vocabulary's `verbs`, `posthumous` and `non_agent_before` (for the anachronism check).
    pub(crate) verbs: FxHashSet<String>,
    pub(crate) posthumous: FxHashSet<String>,
    pub(crate) non_agent_before: FxHashSet<String>,
    /// First words of the lists whose phrases are verbs (`began`, `ended`, `founded`,
    /// `dissolved`, `died`, `appointed`): verbs unless they read as nouns.
    cue_heads: FxHashSet<String>,
    /// Per entry, per role: the title's words (`title_words`).
    titles: Vec<Vec<Title>>,
    /// Per entry: the words of its name and aliases (`title_words`), for offices.
    name_words: Vec<Vec<String>>,
    /// Per entry: its name and aliases in lower case, for events with cues and actors.
    lower_names: Vec<Vec<String>>,
    /// Per entry: the events with cues it is an actor of, in order.
    acts_in: Vec<Vec<EntryId>>,
}

/// A role's title, prepared for `find_title`.
struct Title {
    /// Its words (`title_words`).
    words: Vec<String>,
    /// The first four bytes of its first word other than "the" (none: no such word), which
    /// some word of a clause must start with (ignoring ASCII case) for the title to be there.
    prefix: Option<Box<[u8]>>,
}

impl Title {
    fn new(title: &str) -> Title {
        let prefix =
            title.split_whitespace().find(|w| !w.eq_ignore_ascii_case("the")).map(|first| {
                let first = first.trim_matches(|c: char| !c.is_alphanumeric());
                Box::from(&first.as_bytes()[..first.len().min(4)])
            });
        Title { words: title_words(title), prefix }
    }
}

/// The list id of an event's own cues (after the vocabulary's `Cue` lists).
fn event_list(id: EntryId) -> u32 {
    8 + id as u32
}

/// An event whose actors and cues name it ("Nikolaev shot Kirov").
fn cued_event(e: &Entry) -> bool {
    e.kind == Kind::Event && !e.cues.is_empty() && !e.actors.is_empty()
}

impl Lexicon {
    pub(crate) fn build(kb: &KnowledgeBase) -> Lexicon {
        let v = &kb.vocab;
        let mut lx = Lexicon {
            by_first: FxHashMap::default(),
            heads: Box::new([0; 256]),
            open: Vec::new(),
            verbs: v.verbs.iter().cloned().collect(),
            posthumous: v.posthumous.iter().cloned().collect(),
            non_agent_before: v.non_agent_before.iter().cloned().collect(),
            cue_heads: FxHashSet::default(),
            titles: kb
                .entries
                .iter()
                .map(|e| e.roles.iter().map(|r| Title::new(&r.title)).collect())
                .collect(),
            name_words: kb
                .entries
                .iter()
                .map(|e| {
                    e.aliases
                        .iter()
                        .chain(std::iter::once(&e.name))
                        .flat_map(|a| title_words(a))
                        .collect()
                })
                .collect(),
            lower_names: kb
                .entries
                .iter()
                .map(|e| {
                    if cued_event(e) {
                        std::iter::once(&e.name)
                            .chain(e.aliases.iter())
                            .map(|a| a.to_lowercase())
                            .collect()
                    } else {
                        Vec::new()
                    }
                })
                .collect(),
            acts_in: vec![Vec::new(); kb.entries.len()],
        };
        let lists = [
            &v.born,
            &v.died,
            &v.founded,
            &v.dissolved,
            &v.began,
            &v.ended,
            &v.appointed,
            &v.negations,
        ];
        for (k, list) in lists.iter().enumerate() {
            for p in list.iter() {
                lx.add(k as u32, p);
            }
        }
        for (id, e) in kb.entries.iter().enumerate() {
            if cued_event(e) {
                for p in &e.cues {
                    lx.add(event_list(id), p);
                }
                for &a in &e.actors {
                    if a < kb.entries.len() && !lx.acts_in[a].contains(&id) {
                        lx.acts_in[a].push(id);
                    }
                }
            }
        }
        for list in [&v.began, &v.ended, &v.founded, &v.dissolved, &v.died, &v.appointed] {
            for p in list.iter() {
                lx.cue_heads.insert(p.split(' ').next().unwrap_or("").to_string());
            }
        }
        lx
    }

    /// The phrases starting with the word `w`, if any.
    fn starting(&self, w: &str) -> Option<&[Rest]> {
        let b = *w.as_bytes().first()?;
        if self.heads[usize::from(b)] & (1 << w.len().min(63)) == 0 {
            return None;
        }
        self.by_first.get(w).map(Vec::as_slice)
    }

    fn add(&mut self, list: u32, p: &str) {
        // A phrase starting with a space matches nowhere (its first word is empty).
        let first = p.split(' ').next().unwrap_or("");
        let words: Vec<Box<str>> = p.split(' ').filter(|w| !w.is_empty()).map(Box::from).collect();
        if let Some(stem) = first.strip_suffix('*') {
            self.open.push((list, Some(stem.into()), words.into()));
        } else if first == "n't" {
            self.open.push((list, None, words.into()));
        } else if !first.is_empty() {
            self.heads[usize::from(first.as_bytes()[0])] |= 1 << first.len().min(63);
            self.by_first.entry(first.to_string()).or_default().push((list, words[1..].into()));
        }
    }
}

/// The sentence's vocabulary, looked up once per sentence (and shared by the checks through
/// `SentenceCtx::lex`): where the cue phrases of each list occur, where negations stand, which
/// words read as verbs.
pub(crate) struct Lex<'a> {
    lexicon: &'a Lexicon,
    /// Every occurrence's list, sorted; `ranges` holds the occurrences in the same order (by
    /// start within a list, the longest phrase at each start).
    keys: Vec<u32>,
    ranges: Vec<Range<usize>>,
}

impl<'a> Lex<'a> {
    pub(crate) fn new(ctx: &SentenceCtx<'a>) -> Lex<'a> {
        let lexicon = &ctx.tables().dates;
        let s = &ctx.s;
        let mut hits: Vec<(u32, usize, usize)> = Vec::new();
        for i in 0..s.toks.len() {
            let w = s.word(i);
            if let Some(ps) = lexicon.starting(w) {
                for (k, rest) in ps {
                    if let Some(e) = words_end(ctx, i + 1, rest) {
                        hits.push((*k, i, e));
                    }
                }
            }
            // A possessive ("Lenin's") matches a one-word phrase by its base (a possessive ends
            // in "s" or an apostrophe, whose last byte in "’" is 0x99).
            let b = if matches!(w.as_bytes().last(), Some(b's' | b'\'' | 0x99)) {
                crate::text::sentences::possessive_base(w)
            } else {
                w
            };
            if b.len() != w.len() {
                if let Some(ps) = lexicon.starting(b) {
                    hits.extend(
                        ps.iter().filter(|(_, rest)| rest.is_empty()).map(|(k, _)| (*k, i, i + 1)),
                    );
                }
            }
            for (k, stem, words) in &lexicon.open {
                let head = match stem {
                    Some(stem) => w.starts_with(&**stem),
                    None => w.ends_with("n't") || w.ends_with("n’t"),
                };
                if head {
                    if let Some(e) = words_end(ctx, i, words) {
                        hits.push((*k, i, e));
                    }
                }
            }
        }
        // Longest first at each start, one per start.
        hits.sort_unstable_by_key(|&(k, start, end)| (k, start, std::cmp::Reverse(end)));
        hits.dedup_by(|b, a| a.0 == b.0 && a.1 == b.1);
        Lex {
            lexicon,
            keys: hits.iter().map(|h| h.0).collect(),
            ranges: hits.into_iter().map(|h| h.1..h.2).collect(),
        }
    }

    fn list(&self, k: u32) -> &[Range<usize>] {
        let lo = self.keys.partition_point(|&x| x < k);
        let hi = lo + self.keys[lo..].partition_point(|&x| x == k);
        &self.ranges[lo..hi]
    }

    /// Where a list's phrases occur in the sentence.
    pub(crate) fn cues(&self, which: Cue) -> &[Range<usize>] {
        self.list(which as u32)
    }

    /// Where an event's own cues (`cues` in the data) occur in the sentence (for events with
    /// actors).
    pub(crate) fn entry_cues(&self, id: EntryId) -> &[Range<usize>] {
        self.list(event_list(id))
    }

    /// A verb form: an auxiliary, a regular past, or a verb of the vocabulary.
    pub(crate) fn is_verb(&self, w: &str) -> bool {
        if is_modal(w) || is_have(w) || is_be(w) || (past_form(w) && w != "born") {
            return true;
        }
        self.lexicon.verbs.contains(w) || (self.lexicon.cue_heads.contains(w) && !nounish(w))
    }
}

/// Does the clause hold a negation (or a question or condition) that makes its dates unsafe to judge?
/// Only words before `upto` (the end of the date) count: "Lenin died in 1926, leaving no
/// successor" is not negated.
pub(crate) fn guarded(ctx: &SentenceCtx, lx: &Lex, clause: &Range<usize>, upto: usize) -> bool {
    let end = upto.min(clause.end);
    for i in clause.start..end {
        if matches!(ctx.s.word(i), "if" | "unless" | "whether" | "suppose" | "imagine") {
            return true;
        }
    }
    // "little" and "without" are too common in ordinary descriptions to cancel a clause.
    lx.cues(Cue::Negation).iter().any(|r| {
        clause.start <= r.start
            && r.start < end
            && r.end <= clause.end
            && !matches!(ctx.s.word(r.start), "little" | "without")
    })
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
        if matches!(
            w,
            "if" | "unless"
                | "whether"
                | "suppose"
                | "supposing"
                | "imagine"
                | "hypothetically"
                | "counterfactual"
        ) {
            return true;
        }
        if matches!(w, "would" | "could" | "might" | "should")
            && i + 1 < n
            && matches!(ctx.s.word(i + 1), "have" | "not")
        {
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
pub(crate) fn bind(
    ctx: &SentenceCtx,
    lx: &Lex,
    names: &[Name],
    cue: &Range<usize>,
    n: &Name,
) -> Option<Bind> {
    bind_with(ctx, lx, names, cue, n, false)
}

/// `loose`: an event's actor may sit in an "of" phrase ("the sailors of Kronstadt rose") and be
/// the subject of a light verb before a noun cue ("Lenin suffered a stroke").
pub(crate) fn bind_with(
    ctx: &SentenceCtx,
    lx: &Lex,
    names: &[Name],
    cue: &Range<usize>,
    n: &Name,
    loose: bool,
) -> Option<Bind> {
    let s = &ctx.s;
    let cue_word = s.word(cue.start);
    let cue_last = s.word(cue.end - 1);
    let noun = cue.len() == 1 && nounish(cue_word);
    // A cue that is also a preposition ("over") only counts as "X was over".
    let prep_cue = cue.len() == 1 && is_prep(cue_word);
    if prep_cue && (n.toks.end > cue.start || !(n.toks.end..cue.start).any(|i| is_be(s.word(i)))) {
        return None;
    }
    if n.toks.start >= cue.end {
        // The name follows the cue: an object ("set up the Cheka"), "the death of Lenin", or
        // the agent of a passive ("murdered by Nikolaev").
        let gap = cue.end..n.toks.start;
        if gap.len() > 7 {
            return None;
        }
        if !gap.is_empty()
            && s.word(gap.start) == "by"
            && gap.len() <= 3
            && (gap.start + 1..gap.end).all(|i| is_det(s.word(i)))
        {
            return Some(Bind::Agent);
        }
        // Determiners, "of" after a noun, and other objects joined by "and" / "with" ("replaced
        // War Communism with the NEP", "set up the Cheka and the Red Army").
        let mut after_name = false;
        for (k, i) in gap.clone().enumerate() {
            let w = s.word(i);
            if is_name_tok(names, i) {
                after_name = true;
            } else if is_det(w) || (w == "of" && k == 0 && noun) {
            } else if after_name && matches!(w, "with" | "and" | "," | "by") {
                after_name = false;
            } else {
                return None;
            }
        }
        return Some(Bind::Patient);
    }
    if n.toks.end > cue.start {
        return None;
    }
    // The name comes first.
    let gap = n.toks.end..cue.start;
    if noun {
        // "Lenin suffered his first stroke": a verb, determiners and one adjective.
        if loose
            && !n.possessive
            && (2..=4).contains(&gap.len())
            && lx.is_verb(s.word(gap.start))
            && !is_be(s.word(gap.start))
        {
            let rest = gap.start + 1..gap.end;
            if rest.clone().filter(|&i| !is_det(s.word(i))).count() <= 1
                && rest.clone().all(|i| {
                    s.toks[i].kind == TokKind::Word && !is_name_tok(names, i) && !is_prep(s.word(i))
                })
            {
                return Some(Bind::Patient);
            }
        }
        if n.possessive
            && gap.len() <= 2
            && gap.clone().all(|i| {
                s.toks[i].kind == TokKind::Word && !past_form(s.word(i)) && !is_name_tok(names, i)
            })
        {
            return Some(Bind::Patient);
        }
        if !n.possessive && gap.is_empty() {
            return Some(Bind::Patient);
        }
        return None;
    }
    // Coordinated verbs share the subject: "Trotsky was exiled in 1929 and murdered in 1940".
    let mut gap = gap;
    if gap.len() >= 3 && s.word(gap.end - 1) == "and" {
        let first_verb = gap.clone().find(|&i| past_form(s.word(i)) && !is_name_tok(names, i));
        if let Some(v) = first_verb {
            let seg = v..gap.end - 1;
            let plain = seg.clone().all(|i| {
                !is_name_tok(names, i)
                    && !matches!(
                        s.word(i),
                        "that" | "which" | "who" | "when" | "while" | "because" | "but" | ";"
                    )
            });
            if seg.len() <= 10 && plain {
                gap = gap.start..v;
            }
        }
    }
    if n.possessive || gap.len() > 7 {
        return None;
    }
    // A name under a preposition is not a subject: "leader of the Trade Unions and Uglanov was
    // replaced".
    let mut k = n.toks.start;
    while k > 0 && is_det(s.word(k - 1)) {
        k -= 1;
    }
    if k > 0
        && is_prep(s.word(k - 1))
        && !n.virtual_
        && !matches!(s.word(k - 1), "after" | "before" | "since" | "until" | "till" | "as")
        && !(loose && s.word(k - 1) == "of")
    {
        return None;
    }
    // An appositive between the name and the verb: "The Cheka, Lenin's secret police, was created".
    if s.word(gap.start) == "," {
        if let Some(close) = (gap.start + 1..gap.end).find(|&i| s.word(i) == ",") {
            if close - gap.start <= 7
                && !(gap.start + 1..close).any(|i| lx.is_verb(s.word(i)) && !is_name_tok(names, i))
            {
                gap = close + 1..gap.end;
            }
        }
    }
    let mut has_be = false;
    let mut has_have = false;
    let mut modifier_used = false;
    let mut verb_used = false;
    for (k, i) in gap.clone().enumerate() {
        let w = s.word(i);
        if is_name_tok(names, i) {
            // Coordinated names: "Zinoviev and Kamenev were shot".
            if k == 0 {
                return None;
            }
            continue;
        }
        if is_be(w) {
            has_be = true;
        } else if is_have(w) {
            has_have = true;
        } else if w == "and" || w == "," || w == "&" {
            if k + 1 < gap.len()
                && !is_name_tok(names, i + 1)
                && !is_be(s.word(i + 1))
                && !is_adverb(s.word(i + 1))
            {
                return None;
            }
        } else if is_adverb(w) || w == "to" || w == "not" || w == "later" {
        } else if loose && !verb_used && lx.is_verb(w) && !is_modal(w) {
            // An event's place as the cue: "Trotsky was exiled to Alma-Ata".
            verb_used = true;
        } else if verb_used && matches!(w, "from" | "in" | "into" | "at" | "the") {
        } else if k == 0
            && !modifier_used
            && s.toks[i].kind == TokKind::Word
            && !past_form(w)
            && !is_modal(w)
            && !is_prep(w)
            && !nounish(w)
        {
            // A noun the name modifies: "the Kronstadt sailors rose".
            modifier_used = true;
        } else {
            return None;
        }
    }
    let _ = has_have;
    if has_be || verb_used {
        return Some(Bind::Patient);
    }
    // Active or intransitive: with no object after the cue, the name is what the verb is about.
    let next = cue.end;
    // "began to purge", "started purging": the name does something else.
    if next < s.toks.len()
        && ((s.word(next) == "to"
            && next + 1 < s.toks.len()
            && !is_name_tok(names, next + 1)
            && !is_det(s.word(next + 1))
            && !starts_date(ctx, next + 1)
            && s.toks[next + 1].kind == TokKind::Word)
            || (s.word(next).len() > 4 && s.word(next).ends_with("ing")))
    {
        return Some(Bind::Agent);
    }
    if next >= s.toks.len()
        || s.toks[next].kind == TokKind::Punct
        || no_object_after(s.word(next))
        || starts_date(ctx, next)
    {
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
            match (f.day, t.day) {
                (Some(day), Some(_))
                    if f.year == t.year
                        && f.month.is_some()
                        && f.month == t.month
                        && !f.approx
                        && !t.approx =>
                {
                    format!("from {day} to {t}")
                }
                _ => format!("from {f} to {t}"),
            }
        }
        _ => on(&w.from),
    }
}

/// "(fact base; essays 002, 004)": where the base's date comes from, for a fact one or more
/// entries state (a death and the event of the murder).
pub(crate) fn provenance_of(entries: &[&Entry]) -> String {
    let mut essays: Vec<&str> = entries.iter().flat_map(|e| e.essays()).collect();
    essays.sort();
    essays.dedup();
    let record = entries.iter().find_map(|e| e.record.as_ref());
    match (essays.len(), record) {
        (0, Some(r)) => format!("(fact base: {})", r.trim().trim_end_matches('.')),
        (0, None) => "(fact base)".to_string(),
        (1, _) => format!("(fact base; essay {})", essays[0]),
        _ => format!("(fact base; essays {})", essays.join(", ")),
    }
}

/// The entry's name as the subject of a sentence: "the Cheka", "the Great Terror", "War
/// Communism", "the murder of Kirov", "Lenin's Testament", "Vladimir Lenin".
pub(crate) fn subject_name(e: &Entry) -> String {
    let n = &e.name;
    let words: Vec<&str> = n.split_whitespace().collect();
    let first = words.first().copied().unwrap_or("").to_lowercase();
    let last = words.last().copied().unwrap_or("").to_lowercase();
    if e.kind == Kind::Person || first.ends_with("'s") || first.ends_with("’s") || first == "the"
    {
        return n.clone();
    }
    // "Death of Lenin" -> "the death of Lenin".
    if words.len() >= 3
        && matches!(words[1], "of" | "on" | "from" | "to" | "against")
        && nounish(&first)
        && !matches!(
            first.as_str(),
            "treaty" | "congress" | "famine" | "speech" | "purge" | "trial"
        )
    {
        return format!("the {first}{}", &n[words[0].len()..]);
    }
    // Names of doctrines and processes take no article ("War Communism", "Collectivisation",
    // "Socialism in One Country"); bodies, policies, periods and events do.
    let mass = |w: &str| w.ends_with("ism") || w.ends_with("isation") || w.ends_with("ization");
    if e.kind != Kind::Body && (mass(&first) || mass(&last)) {
        return n.clone();
    }
    format!("the {n}")
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
    /// The cue word that states it ("murdered"), for the message.
    cue: Option<String>,
    /// Its tokens: dates are tied to the cue rather than to the whole phrase.
    cue_toks: Option<Range<usize>>,
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
/// `title` is the role's, prepared (`Lexicon::titles`).
fn find_title(
    ctx: &SentenceCtx,
    clause: &Range<usize>,
    role: &Role,
    title: &Title,
    names: &[Name],
) -> Option<Range<usize>> {
    // Quick rejection: the title's first word (or its first four letters) must be in the
    // clause, or the office it belongs to must be named there.
    let prefix: &[u8] = title.prefix.as_deref()?;
    let words = &title.words;
    let literal_possible = clause.clone().any(|i| {
        ctx.s.word(i).as_bytes().get(..prefix.len()).is_some_and(|p| p.eq_ignore_ascii_case(prefix))
    });
    let office_named = role.office.is_some_and(|o| {
        names
            .iter()
            .any(|n| n.entry == o && clause.start <= n.toks.start && n.toks.end <= clause.end)
    });
    if !literal_possible && !office_named {
        return None;
    }
    if words.is_empty() {
        return None;
    }
    // Literally: "General Secretary", "Commissar for War", "head of the NKVD".
    'start: for i in clause.clone() {
        let mut j = i;
        for w in words {
            while j < clause.end && ctx.s.word(j) == "the" && w != "the" {
                j += 1;
            }
            if j >= clause.end {
                continue 'start;
            }
            let tw = crate::text::sentences::possessive_base(ctx.s.word(j));
            if tw != w && !(w.len() > 4 && tw.len() > 4 && same_start(tw, w)) {
                continue 'start;
            }
            j += 1;
        }
        return Some(i..j);
    }
    // Loosely: the office is named in the clause together with the title's head word
    // ("appointed to head the NKVD", "a member of the Politburo").
    let office = role.office?;
    let on = names
        .iter()
        .find(|n| n.entry == office && clause.start <= n.toks.start && n.toks.end <= clause.end)?;
    let office_words = &ctx.tables().dates.name_words[office];
    let keys: Vec<&String> = words
        .iter()
        .filter(|w| {
            !office_words.contains(w)
                && w.len() > 3
                && !matches!(
                    w.as_str(),
                    "people's" | "party" | "central" | "committee" | "soviet" | "union"
                )
        })
        .collect();
    let key = keys.first()?;
    let k = clause.clone().find(|&i| {
        let w = crate::text::sentences::possessive_base(ctx.s.word(i));
        same_start(w, key)
    })?;
    Some(hull(&(k..k + 1), &on.toks))
}

/// Whether two words share their first four bytes (byte-wise, so never a slice inside a
/// multi-byte character: "Жукк" and "Жуков" compare safely).
fn same_start(a: &str, b: &str) -> bool {
    a.len() >= 4 && b.len() >= 4 && a.as_bytes()[..4] == b.as_bytes()[..4]
}

/// The clause's subject: a name with nothing but a framing date, determiners and adverbs before
/// it in the clause, followed by a verb that is not a passive.
fn is_subject(
    ctx: &SentenceCtx,
    lx: &Lex,
    clause: &Range<usize>,
    n: &Name,
    names: &[Name],
) -> bool {
    let s = &ctx.s;
    for i in clause.start..n.toks.start {
        let w = s.word(i);
        let in_date = ctx.dates.iter().any(|d| d.toks.contains(&i));
        if !(in_date || is_framing(w) || is_det(w) || w == "," || is_adverb(w)) {
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
    if is_be(w) {
        // An event's passive says it happened ("the treaty was signed"); a period's says what was
        // later done to it ("the Terror was denounced").
        return ctx.kb.entries[n.entry].kind == Kind::Event
            || !(j + 1 < clause.end && past_form(s.word(j + 1)));
    }
    lx.is_verb(w)
}

/// Term kinds whose dates are a span the term lasted (checked even without a cue).
fn period_kind(e: &Entry) -> bool {
    e.kind == Kind::Event
        || (e.kind == Kind::Term
            && matches!(e.subkind.as_str(), "policy" | "period" | "other" | "office" | "document"))
}

/// Is the name attached to the date: "the Great Terror of 1937-38", "Kirov's murder in 1934",
/// "the 1921 famine", "(1870-1924)"?
fn attached(ctx: &SentenceCtx, n: &Name, d: &DateExpr) -> bool {
    let s = &ctx.s;
    let link = |w: &str| {
        matches!(
            w,
            "in" | "of" | "on" | "during" | "(" | "," | "from" | "between" | "at" | "c." | "c"
        )
    };
    if d.toks.start >= n.toks.end {
        let gap = n.toks.end..d.toks.start;
        // An event with a participle saying it happened: "the treaty, signed in 1918".
        if ctx.kb.entries[n.entry].kind == Kind::Event && (1..=3).contains(&gap.len()) {
            let words: Vec<&str> = gap.clone().map(|i| s.word(i)).collect();
            let p = if words[0] == "," { 1 } else { 0 };
            if p < words.len() && past_form(words[p]) && words[p + 1..].iter().all(|w| link(w)) {
                return true;
            }
        }
        // "the Great Terror of 1937-38", "the Kronstadt mutiny (March 1921)"; "in" only for an
        // event ("Kirov's murder in 1934"): "defended the NEP in 1925" dates the defending.
        let event = ctx.kb.entries[n.entry].kind == Kind::Event;
        gap.len() <= 2
            && gap.clone().all(|i| {
                link(s.word(i))
                    && (event
                        || !matches!(s.word(i), "in" | "on" | "during" | "at" | "from" | "between"))
            })
    } else if d.toks.end <= n.toks.start {
        let gap = d.toks.end..n.toks.start;
        // A time as the subject of a verb of witnessing: "1921 saw the Kronstadt mutiny", "the
        // winter of 1920-21 witnessed the Kronstadt rising" (the date heads its sentence).
        let witnessed = ctx.kb.entries[n.entry].kind == Kind::Event
            && !gap.is_empty()
            && matches!(s.word(gap.start), "saw" | "witnessed" | "sees" | "witnesses")
            && (gap.start + 1..gap.end).all(|i| is_det(s.word(i)))
            && (0..d.toks.start).all(|i| {
                matches!(
                    s.word(i),
                    "the"
                        | "in"
                        | "of"
                        | "early"
                        | "late"
                        | "mid"
                        | "spring"
                        | "summer"
                        | "autumn"
                        | "fall"
                        | "winter"
                        | "year"
                )
            });
        witnessed || gap.is_empty() || (gap.len() == 1 && matches!(s.word(gap.start), "'s" | "’s"))
    } else {
        false
    }
}

fn facts<'k>(
    ctx: &SentenceCtx<'k>,
    lx: &Lex,
    clause: &Range<usize>,
    names: &[Name],
    dates: &[&DateExpr],
) -> Vec<Fact<'k>> {
    let kb: &'k KnowledgeBase = ctx.kb;
    let mut out: Vec<Fact<'k>> = Vec::new();
    let inside = |r: &Range<usize>| clause.start <= r.start && r.end <= clause.end;
    let in_clause: Vec<&Name> = names.iter().filter(|n| inside(&n.toks)).collect();
    if in_clause.is_empty() {
        return out;
    }
    // Only the lists the clause's kinds of names can use are looked up.
    let has_kind = |k: Kind| in_clause.iter().any(|n| kb.entries[n.entry].kind == k);
    let (people, others) = (
        has_kind(Kind::Person),
        has_kind(Kind::Body) || has_kind(Kind::Term) || has_kind(Kind::Event),
    );
    let cues = |want: bool, which: Cue| -> Vec<Range<usize>> {
        if !want {
            return Vec::new();
        }
        lx.cues(which).iter().filter(|r| inside(r)).cloned().collect()
    };
    let born = cues(people, Cue::Born);
    let died = cues(people || has_kind(Kind::Event), Cue::Died);
    let mut begin = cues(others, Cue::Began);
    begin.extend(cues(others, Cue::Founded));
    let mut end = cues(others, Cue::Ended);
    end.extend(cues(others, Cue::Dissolved));
    // Verbs of succession are read by position, not by list: "X replaced Y", "Y was replaced by
    // X", "replaced Y with X", "Y became X", "Y was renamed X".
    let succession = |w: &str| {
        w.starts_with("replac")
            || w.starts_with("renam")
            || w.starts_with("supersed")
            || w == "became"
            || w == "succeeded"
    };
    begin.retain(|c| !succession(ctx.s.word(c.start)));
    end.retain(|c| !succession(ctx.s.word(c.start)));
    let succ_cues: Vec<Range<usize>> =
        clause.clone().filter(|&i| succession(ctx.s.word(i))).map(|i| i..i + 1).collect();
    let mut founded = cues(others, Cue::Founded);
    let mut dissolved = cues(others, Cue::Dissolved);
    founded.retain(|c| !succession(ctx.s.word(c.start)));
    dissolved.retain(|c| !succession(ctx.s.word(c.start)));
    let appointed = cues(people, Cue::Appointed);
    let pluperfect = |c: &Range<usize>| {
        c.start >= 1
            && (ctx.s.word(c.start - 1) == "had"
                || (c.start >= 2
                    && ctx.s.word(c.start - 2) == "had"
                    && matches!(ctx.s.word(c.start - 1), "been" | "already")))
    };

    let push = |out: &mut Vec<Fact<'k>>,
                entry: EntryId,
                what: What,
                when: When,
                span: DaySpan,
                role: Option<&'k Role>,
                anchor: Range<usize>,
                cue: Option<&Range<usize>>| {
        let plu = cue.is_some_and(&pluperfect);
        let cue_toks = cue.cloned();
        let cue = cue.map(|c| (c.clone()).map(|i| ctx.s.word(i)).collect::<Vec<_>>().join(" "));
        out.push(Fact { entry, what, when, span, role, anchor, pluperfect: plu, cue, cue_toks });
    };

    for n in &in_clause {
        let e: &'k Entry = &kb.entries[n.entry];
        let bound = |list: &[Range<usize>]| -> Vec<(Range<usize>, Bind)> {
            list.iter().filter_map(|c| bind(ctx, lx, names, c, n).map(|b| (c.clone(), b))).collect()
        };
        match e.kind {
            Kind::Person => {
                if let Some(b) = e.start {
                    for (c, k) in bound(&born) {
                        if k == Bind::Patient {
                            push(
                                &mut out,
                                n.entry,
                                What::Born,
                                b,
                                b.span(),
                                None,
                                hull(&c, &n.toks),
                                Some(&c),
                            );
                        }
                    }
                }
                if let Some(dd) = e.end {
                    for (c, k) in bound(&died) {
                        if k == Bind::Patient {
                            push(
                                &mut out,
                                n.entry,
                                What::Died,
                                dd,
                                dd.span(),
                                None,
                                hull(&c, &n.toks),
                                Some(&c),
                            );
                        }
                    }
                }
                // Posts.
                if !n.virtual_ {
                    let holder_end = e.end.map(|w| w.span());
                    for (r, t) in e.roles.iter().zip(&ctx.tables().dates.titles[n.entry]) {
                        let Some(from) = r.from else { continue };
                        let Some(title) = find_title(ctx, clause, r, t, names) else { continue };
                        let anchor = hull(&title, &n.toks);
                        let cue = appointed.iter().find(|c| {
                            bind(ctx, lx, names, c, n).is_some()
                                && c.end <= title.start
                                && title.start - c.end <= 3
                        });
                        // The title must be the name's: next to it ("Yagoda, head of the NKVD",
                        // "Stalin was appointed General Secretary", "removed as Commissar for War").
                        let gap = if title.start >= n.toks.end {
                            title.start - n.toks.end
                        } else {
                            n.toks.start.saturating_sub(title.end)
                        };
                        if (gap > 4 && cue.is_none())
                            || (n.possessive && cue.is_none())
                            || (title.start < n.toks.end && cue.is_none() && gap > 1)
                        {
                            continue;
                        }
                        match cue {
                            Some(c) => push(
                                &mut out,
                                n.entry,
                                What::RoleStart,
                                from,
                                from.span(),
                                Some(r),
                                hull(&anchor, c),
                                Some(c),
                            ),
                            None => {
                                let Some(span) = r.span(holder_end) else { continue };
                                let to = r.to.or(e.end).map(|w| w.to.unwrap_or(w.from));
                                let when = When { from: from.from, to };
                                push(
                                    &mut out,
                                    n.entry,
                                    What::RoleHeld,
                                    when,
                                    span,
                                    Some(r),
                                    anchor,
                                    None,
                                );
                            }
                        }
                    }
                }
            }
            Kind::Body | Kind::Term | Kind::Event | Kind::Place | Kind::Document => {
                let (f_cues, d_cues) =
                    if e.kind == Kind::Body { (&founded, &dissolved) } else { (&begin, &end) };
                let mut f_list = bound(f_cues);
                let mut d_list = bound(d_cues);
                for c in &succ_cues {
                    let w = ctx.s.word(c.start);
                    if w == "became" {
                        // "the Cheka became the GPU", not "Zhdanov became Central Committee Secretary".
                        let subject = names
                            .iter()
                            .rfind(|o| o.toks.end <= c.start && clause.start <= o.toks.start);
                        if e.kind != Kind::Body
                            || !subject.is_some_and(|o| {
                                kb.entries[o.entry].kind == Kind::Body
                                    && bind(ctx, lx, names, c, o).is_some()
                            })
                        {
                            continue;
                        }
                    }
                    let became = w == "became" || w.starts_with("renam");
                    let new = if n.toks.start >= c.end {
                        let gap = c.end..n.toks.start;
                        bind(ctx, lx, names, c, n).map(|_| {
                            became || gap.clone().any(|i| matches!(ctx.s.word(i), "with" | "by"))
                        })
                    } else {
                        match bind(ctx, lx, names, c, n) {
                            Some(Bind::Agent) => Some(!became),
                            Some(Bind::Patient) => Some(false),
                            None => None,
                        }
                    };
                    match new {
                        Some(true) => f_list.push((c.clone(), Bind::Patient)),
                        Some(false) => d_list.push((c.clone(), Bind::Patient)),
                        None => {}
                    }
                }
                let (start_what, end_what) = if e.kind == Kind::Body {
                    (What::Founded, What::Dissolved)
                } else {
                    (What::Began, What::Ended)
                };
                if e.kind != Kind::Event {
                    if let Some(st) = e.start {
                        for (c, k) in &f_list {
                            if *k == Bind::Patient {
                                let when = When::at(st.from);
                                // A document is written over its whole span ("written in 1923" fits
                                // a Testament of December 1922 - January 1923).
                                // Likewise a thing announced or proclaimed: at any time while it lasted.
                                let announced = c.clone().any(|i| {
                                    ctx.kb.vocab.announced.iter().any(|a| a == ctx.s.word(i))
                                });
                                let span = match e.end {
                                    Some(en) if e.subkind == "document" || announced => {
                                        st.span().hull(&en.span())
                                    }
                                    _ => st.from.span(),
                                };
                                push(
                                    &mut out,
                                    n.entry,
                                    start_what,
                                    when,
                                    span,
                                    None,
                                    hull(c, &n.toks),
                                    Some(c),
                                );
                            }
                        }
                    }
                    if let Some(en) = e.end {
                        for (c, k) in &d_list {
                            if *k == Bind::Patient {
                                let d = en.to.unwrap_or(en.from);
                                push(
                                    &mut out,
                                    n.entry,
                                    end_what,
                                    When::at(d),
                                    d.span(),
                                    None,
                                    hull(c, &n.toks),
                                    Some(c),
                                );
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
                        let cued = e.kind == Kind::Event
                            && (!f_list.is_empty()
                                || !d_list.is_empty()
                                || !bound(&died).is_empty());
                        let tied = cued
                            || is_subject(ctx, lx, clause, n, names)
                            || dates.iter().any(|d| attached(ctx, n, d));
                        if tied && !n.virtual_ {
                            push(&mut out, n.entry, what, w, span, None, n.toks.clone(), None);
                        }
                    }
                }
            }
        }
    }

    // A name that a cue speaks of ("appointed General Secretary in 1927", "introduced the NEP
    // in 1924") is not also read as the bare period it names.
    let cued: Vec<Range<usize>> = out
        .iter()
        .filter(|f| !matches!(f.what, What::Period | What::Event))
        .map(|f| f.anchor.clone())
        .collect();
    out.retain(|f| {
        f.what != What::Period
            || !cued.iter().any(|a| a.start <= f.anchor.start && f.anchor.end <= a.end)
    });

    // Events named by an actor and a cue. Such a match is weaker than a name: a clause that also
    // speaks of a place or proper name the event does not involve ("Stalin returned to
    // Tsaritsyn") is about some other occasion.
    // Only the events one of the clause's names acts in, in the base's order.
    let acts_in = &ctx.tables().dates.acts_in;
    let mut events: Vec<EntryId> =
        in_clause.iter().flat_map(|n| acts_in[n.entry].iter().copied()).collect();
    events.sort_unstable();
    events.dedup();
    if events.is_empty() {
        return out;
    }
    let text = ctx.text();
    // Worked out for the first event with a cue in the clause (it asks the dictionary).
    let mut unknown_proper: Option<Vec<usize>> = None;
    let find_unknown_proper = || -> Vec<usize> {
        clause
            .clone()
            .filter(|&i| {
                let t = &ctx.s.toks[i];
                i > 0
                    && t.kind == TokKind::Word
                    && text[t.range.clone()].starts_with(|c: char| c.is_uppercase())
                    && !is_name_tok(names, i)
                    && month_number(ctx.s.word(i)).is_none()
                    && !matches!(ctx.s.word(i - 1), "." | "\"" | "“" | ":" | "‘")
                    && !crate::base::is_ordinary_word(ctx.s.word(i))
                    && ctx.s.word(i) != "i"
            })
            .collect()
    };
    for ei in events {
        let e = &kb.entries[ei];
        if !lx.entry_cues(ei).iter().any(&inside) {
            continue;
        }
        let event_cues: Vec<Range<usize>> =
            lx.entry_cues(ei).iter().filter(|c| inside(c)).cloned().collect();
        if unknown_proper
            .get_or_insert_with(&find_unknown_proper)
            .iter()
            .any(|&i| !event_cues.iter().any(|c| c.contains(&i)))
        {
            continue;
        }
        let actors: Vec<&&Name> =
            in_clause.iter().filter(|n| e.actors.contains(&n.entry)).collect();
        // A body or place the event does not involve, as where or whence: "expelled from the
        // Politburo" is not the expulsion from the party; "returned to Moscow" not the return to
        // Petrograd.
        let event_names = &ctx.tables().dates.lower_names[ei];
        let elsewhere = in_clause.iter().any(|n| {
            let o = &kb.entries[n.entry];
            let place_like = o.kind == Kind::Body || (o.kind == Kind::Term && o.subkind == "place");
            let mut k = n.toks.start;
            while k > 0 && ctx.s.word(k - 1) == "the" {
                k -= 1;
            }
            place_like
                && !n.virtual_
                && !e.actors.contains(&n.entry)
                && !e.related.contains(&n.entry)
                && k > 0
                && matches!(ctx.s.word(k - 1), "to" | "in" | "at" | "into" | "from")
                && {
                    let written =
                        crate::text::sentences::possessive_base(&ctx.s.lower[ctx.rel(&n.range)]);
                    !event_names.iter().any(|a| a.contains(written))
                }
        });
        if elsewhere {
            continue;
        }
        let Some(w) = when_of(e) else { continue };
        let span = e.span().unwrap_or(w.span());
        for c in event_cues {
            for a in &actors {
                if a.toks.start <= c.start && c.end <= a.toks.end {
                    continue;
                }
                // "Yagoda was replaced by Yezhov": the actor after "by" did the replacing; the
                // event is about him only if its other actor is the one it was done to.
                let by_agent = a.toks.start > c.start
                    && a.toks.start > 0
                    && ctx.s.word(a.toks.start - 1) == "by";
                if by_agent && !actors.iter().any(|o| o.toks.end <= c.start) {
                    continue;
                }
                let ok = match bind_with(ctx, lx, names, &c, a, true) {
                    Some(Bind::Patient) => true,
                    // The actor does it to someone: only if that someone is another of the
                    // event's actors ("Nikolaev murdered Kirov", "Khrushchev denounced Stalin"),
                    // not "Stalin exiled the kulaks" nor "Yezhov replaced Yagoda" (not his fall).
                    Some(Bind::Agent) => {
                        // ...or the thing done is the event itself, as its names call it: "the
                        // Bolsheviks seized power" (the Bolshevik seizure of power).
                        let mut k = c.end;
                        while k < clause.end && is_det(ctx.s.word(k)) {
                            k += 1;
                        }
                        let names_event = k < clause.end
                            && ctx.s.toks[k].kind == TokKind::Word
                            && ctx.s.word(k).len() > 3
                            && !is_name_tok(names, k)
                            && event_names.iter().any(|a| a.split(' ').any(|w| w == ctx.s.word(k)));
                        names_event
                            || a.toks.start > c.start
                            || names
                                .iter()
                                .filter(|o| {
                                    !o.virtual_
                                        && o.toks.start >= c.end
                                        && o.toks.start <= c.end + 3
                                })
                                .min_by_key(|o| o.toks.start)
                                .is_some_and(|o| {
                                    (c.end..o.toks.start).all(|i| is_det(ctx.s.word(i)))
                                        && e.actors.contains(&o.entry)
                                })
                    }
                    None => false,
                };
                if ok {
                    push(&mut out, ei, What::Event, w, span, None, hull(&c, &a.toks), Some(&c));
                }
            }
        }
    }
    out
}

/// Tokens between a date and an anchor (0 when they overlap); a comma between counts extra, and
/// a date after the anchor wins a tie.
fn distance(ctx: &SentenceCtx, d: &Range<usize>, a: &Range<usize>) -> usize {
    let (gap, comma) = if d.end <= a.start {
        (a.start - d.end, (d.end..a.start).any(|i| ctx.s.word(i) == ","))
    } else if d.start >= a.end {
        (d.start - a.end, (a.end..d.start).any(|i| ctx.s.word(i) == ","))
    } else {
        (0, false)
    };
    let before = d.end <= a.start;
    gap * 4 + if comma { 8 } else { 0 } + usize::from(before)
}

/// A date at the head of its clause ("In 1934, ...", "By early 1939 ...") frames all of it.
fn framing(ctx: &SentenceCtx, clause: &Range<usize>, d: &DateExpr) -> bool {
    (clause.start..d.toks.start).all(|i| {
        is_framing(ctx.s.word(i))
            || ctx.s.word(i) == ","
            || ctx.dates.iter().any(|x| x.toks.contains(&i))
    })
}

/// The words the fact base gives for a fact's date, for "sources disagree".
fn variant_fields(what: What) -> &'static [&'static str] {
    match what {
        What::Event => &["date", "from", "to"],
        What::Born => &["born"],
        What::Died => &["died"],
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
        What::Died => match f.cue.as_deref() {
            Some(c) if past_form(c) && c != "died" => format!("{who} was {c} {}", on(&f.when.from)),
            _ => format!("{who} died {}", on(&f.when.from)),
        },
        What::RoleStart => {
            format!("{who} became {} {}", f.role.map_or("", |r| r.title.as_str()), on(&f.when.from))
        }
        What::RoleHeld => {
            format!("{who} was {} {}", f.role.map_or("", |r| r.title.as_str()), during(&f.when))
        }
        What::Founded => format!("{who} was founded {}", on(&f.when.from)),
        What::Dissolved => {
            let succ = e
                .successor
                .map(|s| format!(", succeeded by {}", subject_name(&kb.entries[s])))
                .unwrap_or_default();
            format!("{who} was dissolved {}{succ}", on(&f.when.from))
        }
        What::Began if e.kind == Kind::Term && e.subkind == "document" => match (e.start, e.end) {
            (Some(a), Some(b)) => format!(
                "{who} was written {}",
                during(&When { from: a.from, to: Some(b.to.unwrap_or(b.from)) })
            ),
            _ => format!("{who} was written {}", on(&f.when.from)),
        },
        What::Began if e.kind == Kind::Term && e.subkind == "office" => {
            format!("{who} was created {}", on(&f.when.from))
        }
        What::Began => format!("{who} began {}", on(&f.when.from)),
        What::Ended => format!("{who} ended {}", on(&f.when.from)),
        What::Period => match (e.start, e.end) {
            (Some(_), Some(_)) => format!("{who} lasted {}", during(&f.when)),
            (Some(s), None) => {
                format!("{who} dates from {}", s.from).replace("from c. ", "from around ")
            }
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
        What::Period | What::Event | What::RoleHeld => (from.year, to.year),
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
        let dash = if year_text.contains(" to ") {
            " to "
        } else if year_text.contains('–') {
            "–"
        } else {
            "-"
        };
        let long = year_text
            .split(|c: char| !c.is_ascii_digit())
            .filter(|p| !p.is_empty())
            .nth(1)
            .is_some_and(|p| p.len() == 4);
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

/// "Lenin (1870-1930)": years in brackets right after a person's name must lie within the life
/// (they may also be a tenure, "Stalin (1924-53)"). Returns the token ranges of the brackets
/// read, so that their years are not judged again.
fn lifespans(ctx: &SentenceCtx, names: &[Name], out: &mut Vec<Finding>) -> Vec<Range<usize>> {
    let s = &ctx.s;
    let n_toks = s.toks.len();
    let year = |i: usize| -> Option<i32> {
        let w = s.word(i);
        (s.toks[i].kind == TokKind::Number && w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
            .then(|| w.parse().ok())
            .flatten()
    };
    let mut seen = Vec::new();
    for n in names
        .iter()
        .filter(|n| !n.virtual_ && !n.possessive && ctx.kb.entries[n.entry].kind == Kind::Person)
    {
        let i = n.toks.end;
        if i + 4 >= n_toks
            || s.word(i) != "("
            || !matches!(s.word(i + 2), "-" | "–" | "—")
            || s.word(i + 4) != ")"
        {
            continue;
        }
        let Some(y0) = year(i + 1) else { continue };
        let w2 = s.word(i + 3);
        let y1 = match w2.len() {
            4 => year(i + 3),
            2 if w2.bytes().all(|b| b.is_ascii_digit()) => {
                let y = y0 / 100 * 100 + w2.parse::<i32>().unwrap_or(0);
                Some(if y < y0 { y + 100 } else { y })
            }
            _ => None,
        };
        let Some(y1) = y1 else { continue };
        if y1 < y0 {
            continue;
        }
        seen.push(i + 1..i + 4);
        let e = &ctx.kb.entries[n.entry];
        let (Some(born), Some(died)) = (e.start, e.end) else { continue };
        let life = born.span().hull(&died.span());
        let (lo, hi) = (day_number(y0, 1, 1), day_number(y1, 12, 31));
        if life.lo <= hi
            && lo <= life.hi
            && life.lo <= day_number(y0, 12, 31)
            && day_number(y1, 1, 1) <= life.hi
        {
            continue;
        }
        let r = s.toks[i + 1].range.start..s.toks[i + 3].range.end;
        let written = &ctx.text()[r.clone()];
        let w = When { from: born.from, to: Some(died.from) };
        let dash = s.word(i + 2);
        let fixed = format!(
            "{}{dash}{}",
            born.from.year,
            if w2.len() == 2 && born.from.year / 100 == died.from.year / 100 {
                format!("{:02}", died.from.year % 100)
            } else {
                died.from.year.to_string()
            }
        );
        let mut f = Finding::new(
            Code::DubiousDate,
            ctx.abs(&r),
            format!("{} lived {} {}, not {written}.", e.name, during(&w), provenance_of(&[e])),
        );
        f.fixes.push(Fix {
            title: format!("Replace with {fixed}"),
            range: ctx.abs(&r),
            replacement: fixed,
        });
        out.push(f);
    }
    seen
}

pub fn check(ctx: &SentenceCtx, out: &mut Vec<Finding>) {
    if ctx.dates.is_empty() || ctx.mentions.is_empty() || ctx.hypothetical() {
        return;
    }
    let kb = ctx.kb;
    let lx = ctx.lex();
    let mut names = ctx.names().to_vec();
    let clauses = ctx.date_clauses();
    // "which" / "who" at the head of a clause stands for the last name of the clause before.
    for (k, c) in clauses.iter().enumerate().skip(1) {
        if matches!(ctx.s.word(c.start), "which" | "who" | "that") {
            let prev = &clauses[k - 1];
            if let Some(a) = names
                .iter()
                .rfind(|n| prev.start <= n.toks.start && n.toks.end <= prev.end)
                .cloned()
            {
                names.push(Name {
                    entry: a.entry,
                    toks: c.start..c.start + 1,
                    possessive: false,
                    virtual_: true,
                    range: a.range.clone(),
                });
            }
        }
    }
    let quote_of = |i: usize| -> Option<usize> {
        let r = ctx.abs(&ctx.s.toks[i].range);
        ctx.quotes.iter().position(|q| q.start <= r.start && r.end <= q.end)
    };
    let lifespans = lifespans(ctx, &names, out);

    for (ci, clause) in clauses.iter().enumerate() {
        let dates: Vec<&DateExpr> = ctx
            .dates
            .iter()
            .filter(|d| {
                clause_index(clauses, year_tok(ctx, d)) == Some(ci)
                    && !lifespans.iter().any(|l| l.start <= d.toks.start && d.toks.end <= l.end)
            })
            .collect();
        if dates.is_empty() {
            continue;
        }
        let facts = facts(ctx, lx, clause, &names, &dates);
        if facts.is_empty() {
            continue;
        }
        for (di, d) in dates.iter().enumerate() {
            if guarded(ctx, lx, clause, d.toks.end) {
                continue;
            }
            // The facts this date speaks of: those whose nearest date it is, close or framing.
            let mine: Vec<(&Fact, Relation)> = facts
                .iter()
                .filter_map(|f| {
                    let a = f.cue_toks.clone().unwrap_or_else(|| f.anchor.clone());
                    // "took power in October 1917 and set up the Cheka that December": a date
                    // before a coordinating word belongs to the verb before it, not to the cue
                    // after it (unless it heads the clause).
                    let cut_off = |o: &DateExpr| {
                        o.toks.end <= a.start
                            && !framing(ctx, clause, o)
                            && (o.toks.end..a.start).any(|i| {
                                matches!(
                                    ctx.s.word(i),
                                    "and"
                                        | "but"
                                        | "then"
                                        | "before"
                                        | "after"
                                        | "while"
                                        | "whereas"
                                )
                            })
                    };
                    if cut_off(d) {
                        return None;
                    }
                    let dist = distance(ctx, &d.toks, &a);
                    let nearest = dates.iter().enumerate().all(|(dj, o)| {
                        dj == di
                            || cut_off(o)
                            || distance(ctx, &o.toks, &a) > dist
                            || (distance(ctx, &o.toks, &a) == dist && dj > di)
                    });
                    if !nearest {
                        return None;
                    }
                    let after = d.toks.start >= a.end;
                    let gap = if after {
                        d.toks.start - a.end
                    } else {
                        a.start.saturating_sub(d.toks.end)
                    };
                    let close = if after { gap <= 6 } else { gap <= 2 };
                    let frames = !after && framing(ctx, clause, d);
                    if !(close || frames) {
                        return None;
                    }
                    // "In 1956 Khrushchev blamed Stalin for Kirov's death": a date that reaches
                    // the fact only by framing the clause belongs to the clause's own verb when
                    // another acts first.
                    let acts_first = (d.toks.end..a.start).any(|i| {
                        let w = ctx.s.word(i);
                        lx.is_verb(w)
                            && !is_modal(w)
                            && !is_have(w)
                            && !is_be(w)
                            && !names.iter().any(|n| n.toks.contains(&i))
                    });
                    if !close && acts_first {
                        return None;
                    }

                    if quote_of(f.anchor.start) != quote_of(year_tok(ctx, d)) {
                        return None;
                    }
                    // "In 1935 Kirov had been murdered": the murder came no later than 1935.
                    let rel = if f.pluperfect && !after && d.relation == Relation::In {
                        Relation::ByEnd
                    } else {
                        d.relation
                    };
                    Some((f, rel))
                })
                .collect();
            if mine.is_empty() {
                continue;
            }
            if mine.iter().any(|(f, rel)| consistent(f.span, d, *rel)) {
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
                    .min_by_key(|(f, _)| {
                        let gap = f.span.gap(&d.span);
                        let prio = match f.what {
                            What::Born | What::Died => 0,
                            What::RoleStart
                            | What::Founded
                            | What::Dissolved
                            | What::Began
                            | What::Ended => 1,
                            What::Event => 2,
                            What::Period | What::RoleHeld => 3,
                        };
                        (gap / 365, prio, gap)
                    })
                    .unwrap(),
            };
            let e = &kb.entries[f.entry];
            let mut stating: Vec<&Entry> = vec![e];
            for (o, _) in &mine {
                let oe = &kb.entries[o.entry];
                if o.when.span().overlaps(&f.when.span()) && !stating.iter().any(|x| x.id == oe.id)
                {
                    stating.push(oe);
                }
            }
            // Quoted mid-message: "not the winter of 1925-26", even where it opened the sentence.
            let raw = &ctx.text()[d.range.clone()];
            let written = raw
                .strip_prefix("The ")
                .map_or_else(|| raw.to_string(), |rest| format!("the {rest}"));
            let stated = statement(kb, f);
            let (message, severity) = match variant {
                Some((_, v)) => {
                    let note = if v.note.is_empty() {
                        String::new()
                    } else {
                        format!(": {}", v.note.trim_end_matches('.'))
                    };
                    (
                        format!(
                            "Sources disagree: {stated} {}, but essay {} gives {} as you do{note}.",
                            provenance_of(&stating),
                            v.essay,
                            v.value
                        ),
                        Severity::Information,
                    )
                }
                None => (
                    format!("{stated} {}, not {written}.", provenance_of(&stating)),
                    Severity::Warning,
                ),
            };
            let mut finding = Finding::new(Code::DubiousDate, ctx.abs(&d.range), message);
            finding.severity = severity;
            if let Some((r, text)) = replacement(ctx, d, f) {
                if ctx.text()[r.clone()] != text {
                    finding.fixes.push(Fix {
                        title: format!("Replace with {text}"),
                        range: ctx.abs(&r),
                        replacement: text,
                    });
                }
            }
            out.push(finding);
        }
    }
}

#[cfg(test)]
mod tests {
    use expect_test::{expect, Expect};

    use crate::analysis::{analyze_block, Code, Config, Severity};
    use crate::checks::testing::{kb, marked};

    /// The text with each dubious date marked `[..]` (`[?..]` when sources disagree), and the
    /// messages with their fixes.
    fn render(text: &str) -> (String, String) {
        marked(text, &Config::default(), |f| match (f.code, f.severity) {
            (Code::DubiousDate, Severity::Information) => Some(("[?", "]")),
            (Code::DubiousDate, _) => Some(("[", "]")),
            _ => None,
        })
    }

    /// `fixture` marks the dates expected to be flagged: `[1931]`, or `[?1879]` when the date is
    /// an essay's recorded variant. The messages and fixes are compared with `expect`.
    fn check(fixture: &str, expect: Expect) {
        let text = fixture.replace("[?", "").replace(['[', ']'], "");
        let (marked, notes) = render(&text);
        assert_eq!(marked, fixture, "flagged spans differ");
        expect.assert_eq(&notes);
    }

    /// Texts that must draw no dubious-date finding.
    fn clean(texts: &[&str]) {
        for t in texts {
            assert_eq!(render(t).0, *t, "false alarm");
        }
    }

    #[test]
    #[ignore]
    fn debug_file() {
        let text = std::fs::read_to_string("/tmp/clio_sents.txt").unwrap();
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let res = analyze_block(kb(), line, &Config::default());
            let fs: Vec<String> = res
                .findings
                .iter()
                .filter(|f| matches!(f.code, Code::DubiousDate | Code::Anachronism))
                .map(|f| {
                    format!("  {} «{}» {}", f.code.as_str(), &line[f.range.clone()], f.message)
                })
                .collect();
            println!("{}{}", if fs.is_empty() { "   " } else { "!! " }, line);
            for f in fs {
                println!("{f}");
            }
        }
    }

    #[test]
    #[ignore]
    fn debug_timing() {
        use crate::checks::{anachronism, SentenceCtx};
        use crate::text::sentences;
        let para = "Lenin founded the Cheka in December 1917, and in the civil war of 1918-21 it shot many thousands of people. Kirov was murdered on 1 December 1934, and Stalin used the murder to launch the purges. Trotsky, Zinoviev and Kamenev lost the struggle for power one after another. Official figures record 681,692 executions in 1937-38, far more than the 8,389 the Cheka shot in 1918 and early 1919. Some historians argue that Lenin's terror made Stalin's terror inevitable, but Lenin's Testament warned that Stalin was too rude to be General Secretary. The NEP was a temporary retreat, not a surrender of socialism, and Bukharin defended it until 1928. In 1929 Stalin abandoned it for collectivisation and the first Five-Year Plan, which began in 1928. The kulaks were deported in their hundreds of thousands, and the famine of 1932-33 followed. By 1939 most of Lenin's Politburo had been destroyed in the show trials. Khrushchev denounced Stalin in 1956.";
        let kb = kb();
        let config = Config::default();
        let mentions = kb.index.find_all(para);
        let quotes = sentences::quotations(para, 0..para.len());
        let ctxs: Vec<SentenceCtx> = sentences::split(para, 0..para.len())
            .into_iter()
            .map(|r| SentenceCtx::new(kb, para, r, &mentions, &quotes, &config))
            .collect();
        let n: u32 = std::env::var("CLIO_N").ok().and_then(|x| x.parse().ok()).unwrap_or(2000);
        for (name, f) in [
            ("dubious_date", super::check as fn(&SentenceCtx, &mut Vec<crate::analysis::Finding>)),
            ("anachronism", anachronism::check),
        ] {
            let t = std::time::Instant::now();
            let mut out = Vec::new();
            for _ in 0..n {
                for c in &ctxs {
                    f(c, &mut out);
                }
                out.clear();
            }
            println!("{name}: {:?} per 10-sentence paragraph", t.elapsed() / n);
        }
    }

    #[test]
    fn dev_set_errors() {
        check("Stalin's opponent Kirov was murdered in [1931].", expect!["Sergei Kirov was murdered on 1 December 1934 (fact base; essays 000, 002), not 1931. -> 1934"]);
        check("The Bolsheviks set up the Cheka in [1921] to fight counter-revolution.", expect!["The Cheka was founded on 20 December 1917 (fact base; essays 000, 002, 004), not 1921. -> 1917"]);
        check("Lenin replaced War Communism with the NEP in [1924].", expect!["War Communism ended in March 1921 (fact base; essays 000, 001, 002, 003, 004), not 1924. -> 1921"]);
        check("The Kronstadt mutiny broke out in [1923].", expect!["The Kronstadt mutiny lasted from 1 to 18 March 1921 (fact base; essays 000, 001, 004), not 1923. -> 1921"]);
        check("After Lenin's death in [1929] the struggle for power began.", expect!["The death of Lenin took place on 21 January 1924 (fact base; essays 000, 001, 002), not 1929. -> 1924"]);
        check("Stalin's first Five-Year Plan started in [1921].", expect!["The First Five-Year Plan began on 1 October 1928 (fact base; essays 001, 002, 003), not 1921. -> 1928"]);
        check("Trotsky was killed with an ice axe in [1953].", expect!["Leon Trotsky was killed on 21 August 1940 (fact base; essays 000, 001, 002, 003, 004), not 1953. -> 1940"]);
        check("The Great Terror reached its height in [1929].", expect!["The Great Terror lasted from 1936 to 1938 (fact base; essays 001, 002, 003, 004), not 1929. -> 1936–38"]);
        check("The Treaty of Brest-Litovsk was signed in [1922].", expect!["The Treaty of Brest-Litovsk took place on 3 March 1918 (fact base; essay 000), not 1922. -> 1918"]);
        check("Stalin was appointed General Secretary in [1927].", expect!["Joseph Stalin became General Secretary on 3 April 1922 (fact base; essays 000, 001, 002, 003, 004), not 1927. -> 1922"]);
    }

    #[test]
    fn dev_set_correct_dates() {
        clean(&[
            "Kirov was murdered in 1934.",
            "The Cheka was founded in 1917.",
            "The NEP replaced War Communism in 1921.",
            "The Kronstadt mutiny broke out in March 1921.",
            "After Lenin's death in 1924 the struggle for power began.",
            "Trotsky was killed in 1940.",
            "The Great Terror reached its height in 1937.",
            "Stalin was appointed General Secretary in 1922.",
            "In 1926 Trotsky joined Zinoviev and Kamenev in the United Opposition.",
            "The show trials of 1936-38 destroyed the Old Bolsheviks.",
            "Lenin founded the Cheka in December 1917. The civil war lasted from 1918 to 1921, and in March 1921 \
             the Kronstadt sailors rose against the party. That year the NEP was introduced and factions were banned.",
            "Stalin became General Secretary in 1922. Lenin died in January 1924. The first Five-Year Plan began \
             in 1928, Kirov was murdered on 1 December 1934, and the Great Terror of 1937-38 followed.",
        ]);
    }

    #[test]
    fn lives_posts_bodies_and_policies() {
        check("Stalin was born in Georgia in [1882].", expect!["Joseph Stalin was born on 18 December 1878 (fact base; essays 000, 001, 002, 003, 004), not 1882. -> 1878"]);
        check("Lenin died in [1922].", expect!["Vladimir Lenin died on 21 January 1924 (fact base; essays 000, 001, 002, 003, 004), not 1922. -> 1924"]);
        check("Zinoviev and Kamenev were executed in [1938].", expect!["Grigory Zinoviev was executed on 25 August 1936 (fact base; essays 000, 002, 003, 004), not 1938. -> 1936"]);
        check("Yezhov was appointed head of the NKVD in [1934].", expect!["Nikolai Yezhov became head of the NKVD on 26 September 1936 (fact base; essay 002), not 1934. -> 1936"]);
        check("Stalin was made General Secretary of the party in [1924].", expect!["Joseph Stalin became General Secretary on 3 April 1922 (fact base; essays 000, 001, 002, 003, 004), not 1924. -> 1922"]);
        check("The Cheka, Lenin's secret police, was created in [1919].", expect!["The Cheka was founded on 20 December 1917 (fact base; essays 000, 002, 004), not 1919. -> 1917"]);
        check("The Cheka was replaced by the GPU in [1925].", expect!["The Cheka was dissolved on 6 February 1922, succeeded by the GPU (fact base; essays 000, 002, 004), not 1925. -> 1922"]);
        check("The Comintern was dissolved in [1939].", expect!["The Comintern was dissolved on 15 May 1943 (fact base; essays 001, 002), not 1939. -> 1943"]);
        check(
            "War Communism was abandoned in [1924].",
            expect![
                "War Communism ended in March 1921 (fact base; essays 000, 004), not 1924. -> 1921"
            ],
        );
        check("Collectivisation was launched in [1925].", expect!["Collectivisation began around 1929 (fact base; essays 000, 001, 002, 003, 004), not 1925. -> 1929"]);
        check("Lenin's Testament was written in [1920].", expect!["Lenin's Testament was written from 23 December 1922 to 4 January 1923 (fact base; essays 000, 002, 003, 004), not 1920. -> 1922"]);
        check("In [1927] the Great Terror began.", expect!["The Great Terror began in 1936 (fact base; essays 001, 002, 003, 004), not 1927. -> 1936"]);
    }

    #[test]
    fn announced_outside_the_span() {
        check("The Doctors' Plot was announced in [1949].", expect!["The Doctors' Plot began in November 1952 (fact base; essay 002), not 1949. -> 1952"]);
    }

    #[test]
    fn events_by_name_or_by_actor_and_cue() {
        check("Kirov's assassination in [1936] gave Stalin a pretext.", expect!["The murder of Kirov took place on 1 December 1934 (fact base; essays 000, 002), not 1936. -> 1934"]);
        check("Nikolaev shot Kirov in [1933].", expect!["Sergei Kirov was shot on 1 December 1934 (fact base; essays 000, 002), not 1933. -> 1934"]);
        check("The sailors of Kronstadt rose in revolt in [1920].", expect!["The Kronstadt mutiny lasted from 1 to 18 March 1921 (fact base; essays 000, 001, 004), not 1920. -> 1921"]);
        check("Trotsky was exiled to Alma-Ata in [1925].", expect!["Trotsky's exile to Alma-Ata took place on 17 January 1928 (fact base; essay 002), not 1925. -> 1928"]);
        check("Trotsky was deported from the USSR in [1927].", expect!["Trotsky's deportation from the USSR took place in February 1929 (fact base; essays 000, 001, 002), not 1927. -> 1929"]);
        check("The Treaty of Brest-Litovsk, signed in [1919], gave away Ukraine.", expect!["The Treaty of Brest-Litovsk took place on 3 March 1918 (fact base; essay 000), not 1919. -> 1918"]);
        check("Khrushchev denounced Stalin in the Secret Speech of [1953].", expect!["The Secret Speech took place on 25 February 1956 (fact base: Khrushchev's report 'On the Cult of Personality and Its Consequences', 25 February 1956), not 1953. -> 1956"]);
        check("The famine of 1921-22 killed millions, and the Kronstadt mutiny broke out in [1925].", expect!["The Kronstadt mutiny lasted from 1 to 18 March 1921 (fact base; essays 000, 001, 004), not 1925. -> 1921"]);
        check("The Kronstadt rebellion of [1923] shocked the Bolsheviks.", expect!["The Kronstadt mutiny lasted from 1 to 18 March 1921 (fact base; essays 000, 001, 004), not 1923. -> 1921"]);
    }

    #[test]
    fn internal_exile_and_deportation() {
        check("Trotsky was deported from the Soviet Union in [1925].", expect!["Trotsky's deportation from the USSR took place in February 1929 (fact base; essays 000, 001, 002), not 1925. -> 1929"]);
        clean(&[
            "Trotsky was exiled within the Soviet Union in 1928.",
            "Trotsky was exiled in 1929.",
            "Trotsky was exiled from the Soviet Union in 1929.",
            "Trotsky was expelled from the party in 1927 and deported from the Soviet Union in 1929.",
            "Trotsky was expelled from the party in 1927 and from the Soviet Union in 1929.",
        ]);
    }

    #[test]
    fn a_time_that_saw_an_event() {
        check("[1936] saw the murder of Kirov.", expect!["The murder of Kirov took place on 1 December 1934 (fact base; essays 000, 002), not 1936. -> 1934"]);
        check("[The winter of 1925-26] saw the Kronstadt mutiny.", expect!["The Kronstadt mutiny lasted from 1 to 18 March 1921 (fact base; essays 000, 001, 004), not the winter of 1925-26. -> 1921"]);
        clean(&[
            "1934 saw the murder of Kirov.",
            "The winter of 1920-21 saw the Kronstadt rising.",
            "Lenin saw the Kronstadt rising in 1921 as a warning.",
            "In 1925 Stalin saw the Kronstadt rising as a warning.",
            "1929 saw the start of collectivisation.",
        ]);
    }

    #[test]
    fn an_actor_doing_what_names_the_event() {
        check("The Bolsheviks seized power in [October 1915].", expect!["The October Revolution lasted from 24 to 26 October 1917 (fact base; essays 000, 001, 002, 004), not October 1915. -> October 1917"]);
        check("In [1915] the Bolsheviks seized power.", expect!["The October Revolution lasted from 24 to 26 October 1917 (fact base; essays 000, 001, 002, 004), not 1915. -> 1917"]);
        clean(&[
            "The Bolsheviks seized power in October 1917.",
            "The Bolsheviks seized power in November 1917.",
            "Stalin seized power in 1929.",
            "The Bolsheviks seized grain from the peasants in 1920.",
            "The Bolsheviks seized the Winter Palace in 1917.",
            "Stalin exiled the kulaks in 1930.",
        ]);
    }

    #[test]
    fn dates_as_students_write_them() {
        check("Kirov was murdered on [1 December 1933].", expect!["Sergei Kirov was murdered on 1 December 1934 (fact base; essays 000, 002), not 1 December 1933. -> 1 December 1934"]);
        check("Kirov was murdered on [December 1, 1935].", expect!["Sergei Kirov was murdered on 1 December 1934 (fact base; essays 000, 002), not December 1, 1935. -> December 1, 1934"]);
        check("Stalin died in [March 1954].", expect!["Joseph Stalin died on 5 March 1953 (fact base; essays 000, 001, 002, 003, 004), not March 1954. -> March 1953"]);
        check("In [the winter of 1925-26] Kirov was murdered.", expect!["Sergei Kirov was murdered on 1 December 1934 (fact base; essays 000, 002), not the winter of 1925-26. -> 1934"]);
        check("In [late 1936] Kirov was murdered.", expect!["Sergei Kirov was murdered on 1 December 1934 (fact base; essays 000, 002), not late 1936. -> 1934"]);
        check("Lenin died in [the spring of 1925].", expect!["Vladimir Lenin died on 21 January 1924 (fact base; essays 000, 001, 002, 003, 004), not the spring of 1925. -> 1924"]);
        check("In [the 1930s] Lenin introduced the NEP.", expect!["The New Economic Policy began in March 1921 (fact base; essays 000, 001, 002, 003, 004), not the 1930s. -> 1920s"]);
        check("The Great Terror of [1930-32] destroyed the party.", expect!["The Great Terror lasted from 1936 to 1938 (fact base; essays 001, 002, 003, 004), not 1930-32. -> 1936-38"]);
        check("By [1920] Stalin had already become General Secretary.", expect!["Joseph Stalin became General Secretary on 3 April 1922 (fact base; essays 000, 001, 002, 003, 004), not 1920. -> 1922"]);
        check("After [1930] the NEP was introduced.", expect!["The New Economic Policy began in March 1921 (fact base; essays 000, 001, 002, 003, 004), not 1930. -> 1921"]);
        check("Lenin ([1870-1930]) led the Bolsheviks.", expect!["Vladimir Lenin lived from 22 April 1870 to 21 January 1924 (fact base; essays 000, 001, 002, 003, 004), not 1870-1930. -> 1870-1924"]);
        check("Stalin ([1878-1960]) ruled the Soviet Union.", expect!["Joseph Stalin lived from 18 December 1878 to 5 March 1953 (fact base; essays 000, 001, 002, 003, 004), not 1878-1960. -> 1878-1953"]);
        clean(&[
            "Kirov was murdered on 1 December 1934.",
            "Kirov was murdered on December 1, 1934.",
            "Kirov was murdered in the winter of 1934-35.",
            "In early 1924 Lenin died.",
            "In the late 1930s the Great Terror raged.",
            "By 1939 the Great Terror had ended.",
            "By 1937 the Great Terror was at its height.",
            "After 1917 the Cheka was founded.",
            "c. 1929 collectivisation began.",
            "In the 1920s Stalin became General Secretary.",
            "Between 1936 and 1938 the Great Terror claimed hundreds of thousands of lives.",
            "Stalin (1878-1953) ruled the Soviet Union.",
            "Stalin (1924-53) ruled the Soviet Union.",
            "Lenin (1870-1924) led the Bolsheviks.",
            // Old Style and New Style both fit a date before February 1918.
            "The October Revolution of 7 November 1917 brought the Bolsheviks to power.",
            "The Bolsheviks seized power on 25 October 1917.",
        ]);
    }

    #[test]
    fn variants_recorded_from_the_essays_say_sources_disagree() {
        check("Stalin was born in [?1879].", expect!["Sources disagree: Joseph Stalin was born on 18 December 1878 (fact base; essays 000, 001, 002, 003, 004), but essay 002 gives 1879 as you do: 1879 (21 December) is the date Stalin later gave officially; the Gori parish register records his birth on 18 December 1878. -> 1878"]);
        check("Lenin introduced the NEP in [?1918].", expect!["Sources disagree: The New Economic Policy began in March 1921 (fact base; essays 000, 001, 002, 003, 004), but essay 004 gives 1918 as you do: NEP did not exist in 1918; it was introduced in March 1921, so a 1918 remark cannot have been about it. -> 1921"]);
        check("Bela Kun was shot in [?1936].", expect!["Sources disagree: Béla Kun was shot on 29 August 1938 (fact base; essay 002), but essay 002 gives 1936 as you do: Kun was arrested in June 1937 and shot on 29 August 1938. -> 1938"]);
    }

    #[test]
    fn several_names_and_dates_in_one_sentence() {
        check(
            "Trotsky was exiled in [1935] and murdered in [1945].",
            expect![[r#"
            Trotsky's deportation from the USSR took place in February 1929 (fact base; essays 000, 001, 002), not 1935. -> 1929
            Leon Trotsky was murdered on 21 August 1940 (fact base; essays 000, 001, 002, 003, 004), not 1945. -> 1940"#]],
        );
        // The second date, after "and", is tied to the second verb even with a place between.
        check("Trotsky was deported in 1929 and killed in Mexico in [1944].", expect!["Leon Trotsky was killed on 21 August 1940 (fact base; essays 000, 001, 002, 003, 004), not 1944. -> 1940"]);
        check("Trotsky was expelled from the party in [1925] and deported in 1929.", expect!["The expulsion of Trotsky from the party took place in November 1927 (fact base; essays 001, 002), not 1925. -> 1927"]);
        clean(&[
            "Lenin died in January 1924 and Stalin in March 1953.",
            "Kirov was murdered in 1934, three years before the army purge of 1937.",
            "Trotsky, expelled in 1927, was deported in 1929.",
            "Trotsky, expelled from the party in 1927, was deported in 1929 and killed in 1940.",
            "In 1929 Trotsky was deported; in 1940 he was murdered in Mexico.",
            "The NEP, introduced in 1921, was abandoned in 1928.",
            "Stalin became General Secretary in 1922 and launched the first Five-Year Plan in 1928.",
            "The Cheka was founded in December 1917 and renamed the GPU in 1922.",
            "The Cheka, set up in 1917, became the GPU in 1922.",
            "The Great Terror of 1936-38 followed Kirov's murder in 1934.",
            "After Kirov was murdered in 1934, the terror began in 1936.",
            "Kirov was murdered in 1934; the Great Terror began two years later.",
            "The Kronstadt sailors had supported the Bolsheviks in 1917 but rebelled in 1921.",
            "Trotsky was expelled from the Politburo in 1926 and from the party in 1927.",
            "Bukharin, executed in 1938, had been the party's leading theorist in the 1920s.",
            "Lenin, who had founded the Cheka in 1917, died in 1924.",
            "The Great Terror, which began in 1936, killed 681,692 people by 1938.",
            "Beria replaced Yezhov as head of the NKVD in 1938.",
        ]);
    }

    #[test]
    fn dates_that_belong_to_something_else() {
        clean(&[
            // A framing date belongs to the verb that acts first.
            "In 1956 Khrushchev blamed Stalin for Kirov's death.",
            "In 1961 Khrushchev had Stalin's body removed from the mausoleum.",
            // The actor after "by" did it ("replaced by Yezhov" is not Yezhov's fall).
            "Yagoda was replaced by Yezhov in September 1936.",
            "Yezhov replaced Yagoda in September 1936.",
            // A plot or policy may be announced at any time while it lasts.
            "The Doctors' Plot was announced in January 1953.",
            // A date before "and" belongs to the verb before it.
            "The Bolsheviks took power in October 1917 and set up the Cheka that December.",
            "Lenin fell ill in 1922 and died in January 1924.",
            "Trotsky was deported in 1929 and killed in Mexico in 1940.",
            // The date is when the act happened, not when the thing named began.
            "In 1936 Stalin used Kirov's murder as a pretext.",
            "In 1956 Khrushchev denounced the Great Terror.",
            "In 1926 Trotsky wrote about the NEP.",
            "Bukharin defended the NEP in 1925.",
            "In 1956 Lenin's Testament was published.",
            "Trotsky lost his post as Commissar for War in 1925.",
            // A cue that is not about the name.
            "In 1937 Stalin shot thousands of officers.",
            "The Politburo created a commission in 1937.",
            "In 1937 the Politburo began to purge the regions.",
            "Stalin exiled the kulaks in 1930.",
            "Stalin's mother died in 1937.",
            "Lenin's brother was executed in 1887.",
            "In 1934 Andrei Zhdanov became Central Committee Secretary and Leningrad party chief.",
            "By 1929 Tomsky was removed as leader of the Trade Unions and Uglanov was replaced as Moscow Party leader.",
            // Documents are written over their span and read long after.
            "Lenin's Testament was written in 1923.",
            "Lenin's Testament, written in 1922-23, warned against Stalin.",
            "Stalin was General Secretary from 1922 until 1952.",
            "The NEP lasted until 1928.",
            "By 1939 collectivisation was complete.",
            // Another occasion than the event the base knows.
            "In 1918 Stalin returned to Tsaritsyn.",
            "In 1918 Stalin returned to Moscow.",
            "In 1937 Trotsky wrote from exile that Stalin had betrayed the revolution.",
        ]);
    }

    #[test]
    fn negations_conditions_questions_and_quotations() {
        clean(&[
            "Kirov was not murdered in 1931 but in 1934.",
            "If Lenin had died in 1920, Trotsky might have succeeded him.",
            "Was Kirov murdered in 1931?",
            "Trotsky claimed that \"Stalin murdered Kirov in 1934\".",
            "Stalin called 1929 \"the year of the great turn\".",
        ]);
        check("Lenin died in [1926], leaving no clear successor.", expect!["Vladimir Lenin died on 21 January 1924 (fact base; essays 000, 001, 002, 003, 004), not 1926. -> 1924"]);
    }

    #[test]
    fn quoted_errors_are_information() {
        let (marked, notes) = render("Pravda wrote that \"Kirov was murdered in 1931\".");
        assert_eq!(marked, "Pravda wrote that \"Kirov was murdered in [?1931]\".");
        assert!(notes.contains("inside a quotation"), "{notes}");
    }
}
