//! What the check builds from a base, once: each figure's cues as stems (with what kind of
//! evidence each is), the words of its name and unit, and every cue under its first word.

use std::borrow::Cow;
use std::collections::HashMap;

use rustc_hash::FxHashMap;

use super::identity::{is_plan, ordinal};
use super::numbers::{unit_measure, Measure};
use crate::base::{Figure, KnowledgeBase};
use crate::checks::grammar::SentenceCtx;
use crate::text::sentences::TokKind;
use crate::text::stem::stem;
use crate::text::stopwords::is_function_word;

/// Cue stems that name who is counted in too general a way to pick out one figure by themselves.
pub(super) const GENERIC_CUES: &[&str] =
    &["member", "members", "people", "person", "persons", "men", "women", "other", "others"];

/// Units that name a group of people: a cue that only repeats them ("members") is weak.
pub(super) const POPULATIONS: &[&str] = &["members", "delegates", "people", "persons"];

/// A cue phrase as stems.
pub(super) struct FigureCue {
    pub(super) words: Vec<String>,
    /// The cue only names who is counted ("members", "delegates"): weak evidence.
    pub(super) weak: bool,
    /// Ends in `*`: the last word matches any word starting so.
    pub(super) wild: bool,
    /// A phrase of several words that only this figure uses ("officer corps", "party cards"):
    /// enough by itself to name the figure.
    pub(super) phrase: bool,
    /// Names what happened (executed, deaths, arrests, production) rather than who is counted
    /// (commanders, members, marshals).
    pub(super) event: bool,
}

/// A cue word that names an event or an act rather than a group of people.
pub(super) fn is_event_word(w: &str) -> bool {
    ["ed", "ing", "tion", "tions", "sion", "sions", "ment", "ments"].iter().any(|s| w.ends_with(s))
        || matches!(
            w,
            "shot"
                | "hung"
                | "hang"
                | "withdrawn"
                | "sent"
                | "cut"
                | "hewn"
                | "death"
                | "deaths"
                | "arrest"
                | "arrests"
                | "toll"
                | "output"
                | "production"
                | "sentences"
                | "lasted"
                | "doubled"
                | "killings"
                | "shootings"
                | "strike"
                | "strikes"
                | "struck"
        )
}

/// A figure prepared once per knowledge base for matching.
pub(super) struct PreparedFigure {
    pub(super) measure: Measure,
    /// Some cue names an event: a number is tied to the figure by one of those, not by the
    /// group's name alone ("13 of 15 army commanders" is not a count of survivors).
    pub(super) has_event: bool,
    pub(super) cues: Vec<FigureCue>,
    /// Every cue is weak: a count of a population, not of an event.
    pub(super) population: bool,
    /// Stems of the words of the name, count and unit (for nouns after the number).
    pub(super) vocab: Vec<String>,
    /// A plan, quota or target rather than an outcome (`identity::is_plan`).
    pub(super) plan: bool,
    /// Stems of the words of the name that are not cues and that no other figure's name uses
    /// ("third" in "Defendants at the third Moscow trial").
    pub(super) name_words: Vec<String>,
    /// The ordinals of the name ("third"), which an ordinal of the number's clause must match.
    pub(super) ordinals: Vec<&'static str>,
}

pub(super) fn prepare_figure(f: &Figure) -> PreparedFigure {
    let unit = stem(&f.unit);
    let mut cues = Vec::new();
    for c in &f.cues {
        let c = c.to_lowercase();
        let wild = c.ends_with('*');
        let parts: Vec<&str> = c.trim_end_matches('*').split_whitespace().collect();
        // A wild last word is a prefix ("assassinat*"); the others are stemmed like the text.
        let words: Vec<String> = parts
            .iter()
            .enumerate()
            .map(
                |(k, w)| {
                    if wild && k + 1 == parts.len() {
                        w.to_string()
                    } else {
                        stem(w).to_string()
                    }
                },
            )
            .collect();
        if words.is_empty() {
            continue;
        }
        let unit_like = POPULATIONS.contains(&f.unit.as_str())
            && (words[0].starts_with(&unit) || unit.starts_with(words[0].as_str()));
        let weak = words.len() == 1 && (unit_like || GENERIC_CUES.contains(&words[0].as_str()));
        let event = c.trim_end_matches('*').split_whitespace().any(is_event_word);
        cues.push(FigureCue { words, weak, wild, phrase: false, event });
    }
    let population = cues.iter().all(|c| c.weak);
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|x| x.len() >= 3)
            .map(|x| stem(&x.to_ascii_lowercase()).to_string())
            .collect()
    };
    let mut vocab = words(&f.name);
    vocab.extend(words(&f.counts));
    vocab.extend(words(&f.unit));
    vocab.extend(cues.iter().filter(|c| c.words.len() == 1).map(|c| c.words[0].clone()));
    let name_words = f
        .name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| {
            w.len() >= 4
                && w.chars().all(char::is_alphabetic)
                && !is_function_word(w.to_ascii_lowercase().as_str())
        })
        .map(|w| stem(&w.to_ascii_lowercase()).to_string())
        .filter(|st| !cues.iter().any(|c| c.words.iter().any(|x| x == st)))
        .collect();
    let has_event = cues.iter().any(|c| c.event);
    PreparedFigure {
        plan: is_plan(f),
        measure: unit_measure(&f.unit),
        has_event,
        cues,
        population,
        vocab,
        name_words,
        ordinals: f.name.split_whitespace().filter_map(ordinal).collect(),
    }
}

/// The prepared figures of one knowledge base, kept while that base lives.
pub(crate) struct FigureTables {
    pub(super) figs: Vec<PreparedFigure>,
    /// The first word of every cue (not wild) to its (figure, cue) indices.
    pub(super) by_first: FxHashMap<String, Vec<(usize, usize)>>,
    /// Cues ending in `*`.
    pub(super) wild: Vec<(usize, usize)>,
}

impl FigureTables {
    pub(super) fn build(kb: &KnowledgeBase) -> FigureTables {
        let mut figs: Vec<PreparedFigure> = kb.figures.iter().map(prepare_figure).collect();
        let mut uses: HashMap<Vec<String>, usize> = Default::default();
        for f in &figs {
            for c in &f.cues {
                *uses.entry(c.words.clone()).or_default() += 1;
            }
        }
        // How many figures' names use each word (cue or not).
        let mut named: HashMap<String, usize> = Default::default();
        for f in &kb.figures {
            let mut seen: Vec<String> = Vec::new();
            for w in f.name.split(|c: char| !c.is_alphanumeric()).filter(|w| w.len() >= 4) {
                let st = stem(&w.to_ascii_lowercase()).to_string();
                if !seen.contains(&st) {
                    *named.entry(st.clone()).or_default() += 1;
                    seen.push(st);
                }
            }
        }
        for f in &mut figs {
            for c in &mut f.cues {
                c.phrase = c.words.len() >= 2 && !c.wild && uses[&c.words] == 1;
            }
            // Only a word no other figure's name uses tells the figures apart ("third", not "purge").
            f.name_words.retain(|w| named.get(w).is_some_and(|n| *n == 1));
        }
        let mut by_first: FxHashMap<String, Vec<(usize, usize)>> = Default::default();
        let mut wild = Vec::new();
        for (fi, f) in figs.iter().enumerate() {
            for (ci, c) in f.cues.iter().enumerate() {
                if c.wild && c.words.len() == 1 {
                    wild.push((fi, ci));
                } else {
                    by_first.entry(c.words[0].clone()).or_default().push((fi, ci));
                }
            }
        }
        FigureTables { figs, by_first, wild }
    }
}

/// Where a cue occurs in the sentence (token range) and what kind of cue it is.
#[derive(Clone, Copy)]
pub(super) struct CueOccurrence {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) weak: bool,
    pub(super) phrase: bool,
    pub(super) event: bool,
}

/// Does the cue phrase start at token `i`?
pub(super) fn cue_at(
    ctx: &SentenceCtx,
    stems: &[Cow<str>],
    i: usize,
    cue: &FigureCue,
) -> Option<usize> {
    let wild = cue.wild;
    let cue = &cue.words;
    let s = &ctx.sentence;
    let matches = |j: usize, k: usize| -> bool {
        if j >= stems.len() || s.toks[j].kind != TokKind::Word {
            return false;
        }
        if wild && k + 1 == cue.len() {
            s.word(j).starts_with(cue[k].as_str())
        } else {
            stems[j] == cue[k].as_str()
        }
    };
    // One word of content may stand inside a phrase ("new worker members" for "new
    // members", "special labour settlers" for "special settlers"), never a function word.
    let mut gap = 0;
    for k in 0..cue.len() {
        let j = i + k + gap;
        if matches(j, k) {
            continue;
        }
        let inserted = k > 0
            && gap == 0
            && j < stems.len()
            && s.toks[j].kind == TokKind::Word
            && s.word(j).chars().all(char::is_alphabetic)
            && !is_function_word(s.word(j));
        if !inserted || !matches(j + 1, k) {
            return None;
        }
        gap = 1;
    }
    Some(i + cue.len() + gap)
}
