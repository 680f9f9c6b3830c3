//! The names found in a sentence, as the grammar reads them: in token indices, possessive or
//! not, and standing for themselves or for a relative pronoun that refers back to them.

use std::ops::Range;

use super::SentenceCtx;
use crate::base::EntryId;

/// A name found in the sentence, in token indices. A `pronoun` stands for the name: a relative
/// pronoun ("which", "who") whose antecedent it is.
#[derive(Clone, Debug)]
pub(crate) struct SentenceName {
    pub entry: EntryId,
    pub toks: Range<usize>,
    pub possessive: bool,
    pub pronoun: bool,
    /// Block-relative range (for quick fixes).
    pub range: Range<usize>,
}

pub(crate) fn names_in(ctx: &SentenceCtx) -> Vec<SentenceName> {
    let mut names: Vec<SentenceName> = ctx
        .mentions
        .iter()
        .map(|m| {
            let toks = ctx.mention_toks(m);
            let last = toks.end.saturating_sub(1);
            let possessive = m.possessive
                || (last < ctx.sentence.toks.len()
                    && (ctx.sentence.word(last).ends_with("'s")
                        || ctx.sentence.word(last).ends_with("’s")));
            SentenceName {
                entry: m.entry,
                toks,
                possessive,
                pronoun: false,
                range: m.range.clone(),
            }
        })
        .collect();
    let back = ctx.event_antecedent.and_then(|e| described_event(ctx, &names, e));
    let it = ctx.thing_antecedent.and_then(|e| it_stands_for(ctx, e));
    if back.is_some() || it.is_some() {
        names.extend(back.into_iter().chain(it));
        names.sort_by_key(|n| (n.toks.start, n.toks.end));
    }
    names
}

/// "The Cheka was Lenin's political police. It was created on 20 December 1917": a sentence
/// that opens with "It" and a passive (or "had been") speaks of the one thing the sentence
/// before named.
fn it_stands_for(ctx: &SentenceCtx, e: EntryId) -> Option<SentenceName> {
    let s = &ctx.sentence;
    let word = |i: usize| s.toks.get(i).map(|_| s.word(i));
    if word(0) != Some("it") {
        return None;
    }
    // "It was created", "It had been founded", "It was officially created".
    let mut at = match (word(1), word(2)) {
        (Some("was" | "is"), _) => 2,
        (Some("had"), Some("been")) => 3,
        _ => return None,
    };
    if word(at).is_some_and(super::words::is_adverb) {
        at += 1;
    }
    if !word(at).is_some_and(super::words::is_past_form) {
        return None;
    }
    let r = &s.toks[0].range;
    Some(SentenceName {
        entry: e,
        toks: 0..1,
        possessive: false,
        pronoun: false,
        range: s.range.start + r.start..s.range.start + r.end,
    })
}

/// "The Kronstadt rising broke out in March 1921. The revolt began ...": a subject "the" +
/// noun, at the head of its sentence, that is the head noun of a name of the one short event
/// the sentences before named ("rising", "revolt", "treaty", "congress", "murder") stands for
/// it. Events that lasted long ("the terror", "the war") are not read back so: the noun may
/// mean another of their kind.
fn described_event(ctx: &SentenceCtx, names: &[SentenceName], e: EntryId) -> Option<SentenceName> {
    const SHORT: i32 = 62;
    let entry = &ctx.kb.entries[e];
    if entry.span().is_none_or(|span| span.hi - span.lo > SHORT) {
        return None;
    }
    let s = &ctx.sentence;
    let article = (0..s.toks.len()).find(|&i| {
        let w = s.word(i);
        let framing = w != "the" && super::words::is_framing(w);
        !(w == "," || ctx.dates.iter().any(|d| d.toks.contains(&i)) || framing) || w == "the"
    })?;
    let head = article + 1;
    let next = s.toks.get(head + 1).map(|_| s.word(head + 1));
    if s.word(article) != "the"
        || head >= s.toks.len()
        || is_name_token(names, head)
        || matches!(next, Some("of" | "in" | "at" | "against" | "'s" | "’s"))
    {
        return None;
    }
    let noun = s.word(head);
    let heads_it = std::iter::once(&entry.name).chain(&entry.aliases).any(|a| {
        let words: Vec<String> = a.split_whitespace().map(str::to_lowercase).collect();
        let at = words.iter().position(|w| w == "of").filter(|&k| k > 0);
        let head_word = at.map_or(words.last(), |k| words.get(k - 1));
        head_word.is_some_and(|h| h.len() >= 4 && h == noun)
    });
    heads_it.then(|| {
        let r = &s.toks[head].range;
        SentenceName {
            entry: e,
            toks: head..head + 1,
            possessive: false,
            pronoun: false,
            range: s.range.start + r.start..s.range.start + r.end,
        }
    })
}

/// Is token `i` part of a name (not a pronoun standing for one)?
pub(crate) fn is_name_token(names: &[SentenceName], i: usize) -> bool {
    names.iter().any(|n| !n.pronoun && n.toks.contains(&i))
}
