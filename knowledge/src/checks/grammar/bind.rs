//! How a cue relates to a name near it: is the cue about the name ("Kirov was murdered",
//! "Lenin's death", "set up the Cheka"), or does the name do the act to something else ("Stalin
//! shot thousands")? Objects follow verbs, passives and intransitives follow their subject,
//! possessives and "of" attach to nouns.

use std::ops::Range;

use super::cues::SentenceCues;
use super::names::{is_name_token, SentenceName};
use super::words::{
    is_adverb, is_be, is_determiner, is_have, is_modal, is_past_form, is_preposition, names_an_act,
    shows_no_object,
};
use super::SentenceCtx;
use crate::text::sentences::TokKind;

/// How a cue relates to a name near it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Bind {
    /// The cue is about the name: "Kirov was murdered", "Lenin's death", "set up the Cheka",
    /// "the NEP began".
    Patient,
    /// The name does the act to something else: "Stalin shot thousands", "murdered by Nikolaev".
    Agent,
}

/// Does a date start at token `i`?
fn starts_date(ctx: &SentenceCtx, i: usize) -> bool {
    ctx.dates.iter().any(|d| d.toks.start == i)
}

/// Is the cue at `cue` about the name `n`?
pub(crate) fn bind(
    ctx: &SentenceCtx,
    cues: &SentenceCues,
    names: &[SentenceName],
    cue: &Range<usize>,
    n: &SentenceName,
) -> Option<Bind> {
    bind_with(ctx, cues, names, cue, n, false)
}

/// `bind`, loosely: an event's actor may sit in an "of" phrase ("the sailors of Kronstadt
/// rose") and be the subject of a light verb before a noun cue ("Lenin suffered a stroke").
pub(crate) fn bind_loosely(
    ctx: &SentenceCtx,
    cues: &SentenceCues,
    names: &[SentenceName],
    cue: &Range<usize>,
    n: &SentenceName,
) -> Option<Bind> {
    bind_with(ctx, cues, names, cue, n, true)
}

fn bind_with(
    ctx: &SentenceCtx,
    cues: &SentenceCues,
    names: &[SentenceName],
    cue: &Range<usize>,
    n: &SentenceName,
    loose: bool,
) -> Option<Bind> {
    let s = &ctx.sentence;
    let cue_word = s.word(cue.start);
    let noun = cue.len() == 1 && names_an_act(cue_word);
    // A cue that is also a preposition ("over") only counts as "X was over".
    let prep_cue = cue.len() == 1 && is_preposition(cue_word);
    if prep_cue && (n.toks.end > cue.start || !(n.toks.end..cue.start).any(|i| is_be(s.word(i)))) {
        return None;
    }
    // A participle opening the sentence, said of the subject after it ("Deported from the
    // USSR in 1929, Trotsky ..."): what it says befell that subject.
    if n.pronoun && n.toks.start == cue.start && cue.start == 0 && !noun {
        return is_past_form(s.word(0)).then_some(Bind::Patient);
    }
    if n.pronoun && n.toks.start == cue.start && cue.start > 0 && !noun {
        // The subject a relative clause left standing before its verb ("Lenin, who had ...,
        // died"): read as if it stood right before the verb.
        let before = SentenceName { toks: cue.start - 1..cue.start, ..n.clone() };
        return name_before_verb(ctx, cues, names, cue, &before, loose);
    }
    if n.toks.start >= cue.end {
        return name_after_cue(ctx, names, cue, n, noun);
    }
    if n.toks.end > cue.start {
        return None;
    }
    if noun {
        return name_before_noun(ctx, cues, names, cue, n, loose);
    }
    name_before_verb(ctx, cues, names, cue, n, loose)
}

/// The name follows the cue: an object ("set up the Cheka"), "the death of Lenin", or the agent
/// of a passive ("murdered by Nikolaev").
fn name_after_cue(
    ctx: &SentenceCtx,
    names: &[SentenceName],
    cue: &Range<usize>,
    n: &SentenceName,
    noun: bool,
) -> Option<Bind> {
    let s = &ctx.sentence;
    let gap = cue.end..n.toks.start;
    if gap.len() > 7 {
        return None;
    }
    if !gap.is_empty()
        && s.word(gap.start) == "by"
        && gap.len() <= 3
        && (gap.start + 1..gap.end).all(|i| is_determiner(s.word(i)))
    {
        return Some(Bind::Agent);
    }
    if renamed_object(ctx, names, &gap, n) {
        return Some(Bind::Patient);
    }
    // Determiners, "of" after a noun, and other objects joined by "and" / "with" ("replaced
    // War Communism with the NEP", "set up the Cheka and the Red Army").
    let mut after_name = false;
    for (k, i) in gap.clone().enumerate() {
        let w = s.word(i);
        if is_name_token(names, i) {
            after_name = true;
        } else if is_determiner(w) || (w == "of" && k == 0 && noun) {
        } else if after_name && matches!(w, "with" | "and" | "," | "by") {
            after_name = false;
        } else {
            return None;
        }
    }
    Some(Bind::Patient)
}

/// "founded an illegal newspaper, Iskra": an object of a few plain words, then the name after a
/// comma that renames it, with no verb of its own after it.
fn renamed_object(
    ctx: &SentenceCtx,
    names: &[SentenceName],
    gap: &Range<usize>,
    n: &SentenceName,
) -> bool {
    let s = &ctx.sentence;
    let cues = ctx.cues();
    let plain = |i: usize| {
        let w = s.word(i);
        s.toks[i].kind == TokKind::Word
            && !is_name_token(names, i)
            && !cues.is_verb(w)
            && !is_past_form(w)
            && !is_preposition(w)
            && !matches!(w, "and" | "or" | "but" | "which" | "who" | "that")
    };
    let next_is_verb = s.toks.get(n.toks.end).is_some_and(|_| {
        let w = s.word(n.toks.end);
        cues.is_verb(w) || is_past_form(w)
    });
    (3..=5).contains(&gap.len())
        && matches!(s.word(gap.start), "a" | "an" | "the")
        && s.word(gap.end - 1) == ","
        && (gap.start + 1..gap.end - 1).all(plain)
        && !n.possessive
        && !next_is_verb
}

/// The name comes first and the cue is a noun: "Lenin's death", "Kirov murder", and, loosely,
/// "Lenin suffered his first stroke" (a verb, determiners and one adjective).
fn name_before_noun(
    ctx: &SentenceCtx,
    cues: &SentenceCues,
    names: &[SentenceName],
    cue: &Range<usize>,
    n: &SentenceName,
    loose: bool,
) -> Option<Bind> {
    let s = &ctx.sentence;
    let gap = n.toks.end..cue.start;
    if loose
        && !n.possessive
        && (2..=4).contains(&gap.len())
        && cues.is_verb(s.word(gap.start))
        && !is_be(s.word(gap.start))
    {
        let rest = gap.start + 1..gap.end;
        if rest.clone().filter(|&i| !is_determiner(s.word(i))).count() <= 1
            && rest.clone().all(|i| {
                s.toks[i].kind == TokKind::Word
                    && !is_name_token(names, i)
                    && !is_preposition(s.word(i))
            })
        {
            return Some(Bind::Patient);
        }
    }
    if n.possessive
        && gap.len() <= 2
        && gap.clone().all(|i| {
            s.toks[i].kind == TokKind::Word && !is_past_form(s.word(i)) && !is_name_token(names, i)
        })
    {
        return Some(Bind::Patient);
    }
    if !n.possessive && gap.is_empty() {
        return Some(Bind::Patient);
    }
    None
}

/// The name comes first and the cue is a verb: the name is its subject if nothing but
/// auxiliaries, adverbs and the like stand between; then a passive ("Kirov was murdered") or an
/// intransitive ("the NEP began in 1921") is about the name, an active verb with an object is
/// not ("Stalin shot thousands").
fn name_before_verb(
    ctx: &SentenceCtx,
    cues: &SentenceCues,
    names: &[SentenceName],
    cue: &Range<usize>,
    n: &SentenceName,
    loose: bool,
) -> Option<Bind> {
    let gap = subject_gap(ctx, cues, names, cue, n, loose)?;
    if adjective_before_noun(ctx, n, &gap) {
        return None;
    }
    let passive_or_verb_used = subject_to_verb(ctx, cues, names, &gap, loose)?;
    if passive_or_verb_used {
        return Some(Bind::Patient);
    }
    Some(if takes_no_object(ctx, names, cue) { Bind::Patient } else { Bind::Agent })
}

/// "a Marxist newspaper founded in 1900": a doctrine's adjective ("Marxist", "Leninist") before
/// a noun says what kind the noun is; the verb after them is the noun's, not the doctrine's.
fn adjective_before_noun(ctx: &SentenceCtx, n: &SentenceName, gap: &Range<usize>) -> bool {
    let s = &ctx.sentence;
    if n.pronoun || gap.is_empty() || s.toks[gap.start].kind != TokKind::Word {
        return false;
    }
    let next = s.word(gap.start);
    let written = ctx.block.get(n.range.clone()).unwrap_or("").to_lowercase();
    let doctrine = ctx.kb.entries[n.entry].name.to_lowercase().ends_with("ism");
    let adjective = ["ist", "ists", "ite", "ites"].iter().any(|e| written.ends_with(e));
    doctrine && adjective && !(is_be(next) || is_have(next) || is_modal(next) || is_adverb(next))
}

/// The tokens between a subject and its verb cue, with coordinated verbs and an appositive
/// skipped; `None` when the name cannot be the subject.
fn subject_gap(
    ctx: &SentenceCtx,
    cues: &SentenceCues,
    names: &[SentenceName],
    cue: &Range<usize>,
    n: &SentenceName,
    loose: bool,
) -> Option<Range<usize>> {
    let s = &ctx.sentence;
    let mut gap = n.toks.end..cue.start;
    // Coordinated verbs share the subject: "Trotsky was exiled in 1929 and murdered in 1940".
    if gap.len() >= 3 && s.word(gap.end - 1) == "and" {
        let first_verb = gap.clone().find(|&i| is_past_form(s.word(i)) && !is_name_token(names, i));
        if let Some(v) = first_verb {
            let seg = v..gap.end - 1;
            let plain = seg.clone().all(|i| {
                !is_name_token(names, i)
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
    if n.possessive || gap.len() > 16 {
        return None;
    }
    // A name under a preposition is not a subject: "leader of the Trade Unions and Uglanov was
    // replaced".
    let mut k = n.toks.start;
    while k > 0 && is_determiner(s.word(k - 1)) {
        k -= 1;
    }
    if k > 0
        && is_preposition(s.word(k - 1))
        && !n.pronoun
        && !matches!(s.word(k - 1), "after" | "before" | "since" | "until" | "till" | "as")
        && !(loose && s.word(k - 1) == "of")
    {
        return None;
    }
    // Companions coordinated with the name: "Nicholas II, his wife, their five children and
    // three servants were shot" says it of each.
    if !n.pronoun && matches!(s.word(gap.start), "," | "and") {
        if let Some(verb_zone) = companions_end(ctx, cues, names, &gap) {
            gap = verb_zone..gap.end;
        }
    }
    // "the Gulag itself": the name stands for itself.
    if matches!(s.word(gap.start), "itself" | "himself" | "herself" | "themselves") {
        gap.start += 1;
    }
    // An aside between the name and the verb: "The Cheka, Lenin's secret police, was created",
    // "the Gulag – the Main Administration of Camps – was set up".
    let mark = s.toks.get(gap.start).map(|_| s.word(gap.start));
    if let Some(mark @ ("," | "–" | "—")) = mark {
        if let Some(close) = (gap.start + 1..gap.end).find(|&i| s.word(i) == mark) {
            if close - gap.start <= 16 && aside(ctx, cues, names, gap.start + 1..close) {
                gap = close + 1..gap.end;
            }
        }
    }
    // The members a body is "of": "The United Opposition of Trotsky, Zinoviev and Kamenev was
    // formed".
    if s.word(gap.start) == "of" && !n.pronoun {
        let members = (gap.start + 1..gap.end)
            .find(|&i| {
                !(is_name_token(names, i)
                    || matches!(s.word(i), "," | "and")
                    || is_determiner(s.word(i)))
            })
            .unwrap_or(gap.end);
        if members > gap.start + 1 && is_name_token(names, members - 1) {
            gap = members..gap.end;
        }
    }
    if gap.len() > 7 {
        return None;
    }
    Some(gap)
}

/// Where a list of companions after a subject ends: conjuncts joined by commas and "and", each
/// a name or a short phrase opened by a possessive or a number ("his wife", "their five
/// children", "three servants") with no verb in it. `None` when the gap is not such a list.
fn companions_end(
    ctx: &SentenceCtx,
    cues: &SentenceCues,
    names: &[SentenceName],
    gap: &Range<usize>,
) -> Option<usize> {
    let s = &ctx.sentence;
    let mut i = gap.start;
    let mut seen = false;
    while i < gap.end && matches!(s.word(i), "," | "and") {
        while i < gap.end && matches!(s.word(i), "," | "and") {
            i += 1;
        }
        let opener = s.word(i);
        let companion = is_name_token(names, i)
            || matches!(opener, "his" | "her" | "their")
            || crate::text::numbers::is_number_word(opener)
            || s.toks.get(i).is_some_and(|t| t.kind == TokKind::Number);
        if !companion {
            return None;
        }
        let start = i;
        while i < gap.end && !matches!(s.word(i), "," | "and") {
            let w = s.word(i);
            let verbal = !is_name_token(names, i)
                && (cues.is_verb(w)
                    || is_be(w)
                    || is_have(w)
                    // "-en" is no verb here: "their five children".
                    || is_past_form(w) && w.ends_with("ed")
                    || w.ends_with("ing"));
            if verbal || matches!(w, "who" | "which" | "that" | "whose") || i - start >= 4 {
                return (i > start).then_some(i);
            }
            i += 1;
        }
        seen = true;
    }
    (seen && i < gap.end).then_some(i)
}

/// Do the tokens between two commas after a subject read as an aside about it, with no verb
/// of the sentence's own: a phrase about the subject ("Lenin's secret police", "Stalin's old
/// comrade and People's Commissar for Heavy Industry"), a relative clause ("who had ..."), a
/// phrase with one ("a former anarchist who had spent years in prison") or a participle
/// ("led by Alexander Antonov")?
fn aside(
    ctx: &SentenceCtx,
    cues: &SentenceCues,
    names: &[SentenceName],
    inner: Range<usize>,
) -> bool {
    let s = &ctx.sentence;
    if inner.is_empty() {
        return false;
    }
    // "Stalin, Trotsky, and Zinoviev": a list of names, not an aside.
    if inner.clone().all(|i| is_name_token(names, i) || matches!(s.word(i), "and" | "&")) {
        return false;
    }
    let first = s.word(inner.start);
    if matches!(first, "who" | "whose" | "whom" | "which") {
        return true;
    }
    if is_past_form(first) && inner.len() > 1 && is_preposition(s.word(inner.start + 1)) {
        return true;
    }
    let verb_at = |i: usize| cues.is_verb(s.word(i)) && !is_name_token(names, i);
    let relative = inner.clone().find(|&i| matches!(s.word(i), "who" | "whose" | "whom" | "which"));
    let own = inner.start..relative.unwrap_or(inner.end);
    !own.clone().any(verb_at)
}

/// Do the words between a subject and its verb cue read as auxiliaries, adverbs and the like?
/// `Some(true)` when they make the cue a passive ("was") or the cue is an event's place after
/// its verb ("Trotsky was exiled to Alma-Ata", loosely); `None` when they cannot stand there.
fn subject_to_verb(
    ctx: &SentenceCtx,
    cues: &SentenceCues,
    names: &[SentenceName],
    gap: &Range<usize>,
    loose: bool,
) -> Option<bool> {
    let s = &ctx.sentence;
    let mut has_be = false;
    let mut modifier_used = false;
    let mut verb_used = false;
    for (k, i) in gap.clone().enumerate() {
        let w = s.word(i);
        if is_name_token(names, i) {
            // Coordinated names: "Zinoviev and Kamenev were shot".
            if k == 0 {
                return None;
            }
            continue;
        }
        if is_be(w) {
            has_be = true;
        } else if is_have(w) {
        } else if w == "and" || w == "," || w == "&" {
            if k + 1 < gap.len()
                && !is_name_token(names, i + 1)
                && !is_be(s.word(i + 1))
                && !is_adverb(s.word(i + 1))
            {
                return None;
            }
        } else if is_adverb(w) || w == "to" || w == "not" || w == "later" {
        } else if loose && !verb_used && cues.is_verb(w) && !is_modal(w) {
            verb_used = true;
        } else if verb_used && matches!(w, "from" | "in" | "into" | "at" | "the") {
        } else if k == 0
            && !modifier_used
            && s.toks[i].kind == TokKind::Word
            && !is_past_form(w)
            && !is_modal(w)
            && !is_preposition(w)
            && !names_an_act(w)
        {
            // A noun the name modifies: "the Kronstadt sailors rose".
            modifier_used = true;
        } else {
            return None;
        }
    }
    Some(has_be || verb_used)
}

/// Active or intransitive: with no object after the cue, the name is what the verb is about.
/// "began to purge", "started purging": the name does something else.
fn takes_no_object(ctx: &SentenceCtx, names: &[SentenceName], cue: &Range<usize>) -> bool {
    let s = &ctx.sentence;
    let next = cue.end;
    if next < s.toks.len()
        && ((s.word(next) == "to"
            && next + 1 < s.toks.len()
            && !is_name_token(names, next + 1)
            && !is_determiner(s.word(next + 1))
            && !starts_date(ctx, next + 1)
            && s.toks[next + 1].kind == TokKind::Word)
            || (s.word(next).len() > 4 && s.word(next).ends_with("ing")))
    {
        return false;
    }
    next >= s.toks.len()
        || s.toks[next].kind == TokKind::Punct
        || shows_no_object(s.word(next))
        || starts_date(ctx, next)
}
