//! Is a name tied to a date without a cue? It is the clause's subject ("the Great Terror
//! reached its height in 1929") or the date is attached to it ("the Great Terror of 1937-38",
//! "Kirov's murder in 1934", "1921 saw the Kronstadt mutiny").

use std::ops::Range;

use crate::base::{Entry, Kind};
use crate::checks::grammar::cues::SentenceCues;
use crate::checks::grammar::names::{is_name_token, SentenceName};
use crate::checks::grammar::words::{is_adverb, is_be, is_determiner, is_framing, is_past_form};
use crate::checks::grammar::SentenceCtx;
use crate::dates::DateExpr;
use crate::text::numbers::is_number_word;

/// The name's tokens as written: with the quotation marks around it, when it is quoted whole
/// ("the 'sealed train' in April 1917"), and for an event, with the body it belongs to or the
/// place it happened in ("the 20th Congress of the Communist Party of the Soviet Union on 25
/// February 1956"). Neither is a gap between the name and its date or verb.
pub(super) fn written_extent(ctx: &SentenceCtx, n: &SentenceName) -> Range<usize> {
    let s = &ctx.sentence;
    let opens = |w: &str| matches!(w, "'" | "\"" | "‘" | "“");
    let closes = |w: &str| matches!(w, "'" | "\"" | "’" | "”");
    let (start, mut end) = (n.toks.start, n.toks.end);
    if start > 0 && end < s.toks.len() && opens(s.word(start - 1)) && closes(s.word(end)) {
        return start - 1..end + 1;
    }
    if ctx.kb.entries[n.entry].kind == Kind::Event && !n.pronoun {
        while end < s.toks.len() && s.word(end) == "of" {
            let mut k = end + 1;
            if k < s.toks.len() && s.word(k) == "the" {
                k += 1;
            }
            let body = ctx.names().iter().find(|m| {
                let e = &ctx.kb.entries[m.entry];
                m.toks.start == k && !m.possessive && (e.kind == Kind::Body || e.is_place())
            });
            // "the Tenth Congress of the party, which was renamed in 1925": a relative clause
            // after the body is the body's.
            let relative = |m: &&SentenceName| {
                let mut j = m.toks.end;
                if j < s.toks.len() && s.word(j) == "," {
                    j += 1;
                }
                j < s.toks.len() && matches!(s.word(j), "which" | "who" | "whose" | "that")
            };
            match body {
                Some(m) if !relative(&m) => end = m.toks.end,
                _ => break,
            }
        }
    }
    start..end
}

/// The clause's subject: a name with nothing but a framing date, determiners and adverbs before
/// it in the clause, followed by a verb that is not a passive.
pub(super) fn is_subject(
    ctx: &SentenceCtx,
    cues: &SentenceCues,
    clause: &Range<usize>,
    n: &SentenceName,
    names: &[SentenceName],
) -> bool {
    let s = &ctx.sentence;
    let toks = written_extent(ctx, n);
    for i in clause.start..toks.start {
        let w = s.word(i);
        let in_date = ctx.dates.iter().any(|d| d.toks.contains(&i));
        // "The three Moscow trials took place ...": a count before the name is part of it.
        let count = is_number_word(w);
        if !(in_date || is_framing(w) || is_determiner(w) || w == "," || is_adverb(w) || count) {
            return false;
        }
        if is_name_token(names, i) {
            return false;
        }
    }
    if n.possessive {
        return false;
    }
    // The verb.
    let mut j = toks.end;
    while j < clause.end && (is_adverb(s.word(j)) && s.word(j) != "in") {
        j += 1;
    }
    if j >= clause.end {
        return false;
    }
    let w = s.word(j);
    if is_be(w) {
        // An event's passive says it happened ("the treaty was signed") unless its verb tells
        // what was done with it afterwards ("the speech was printed"); a period's says what was
        // later done to it ("the Terror was denounced").
        let participle = (j + 1 < clause.end).then(|| s.word(j + 1));
        let later = participle.is_some_and(|p| later_act(ctx, n.entry, p));
        return (ctx.kb.entries[n.entry].kind == Kind::Event && !later)
            || !participle.is_some_and(is_past_form);
    }
    cues.is_verb(w)
}

/// Does the verb tell what was done with the entry afterwards (vocab `later_acts`)? Not when it
/// is one of the entry's own cues: a birthday's celebration is the birthday.
fn later_act(ctx: &SentenceCtx, entry: crate::base::EntryId, w: &str) -> bool {
    ctx.kb.vocab.later_acts.iter().any(|v| v == w)
        && !ctx.kb.entries[entry].cues.iter().any(|c| c == w)
}

/// Term kinds whose dates are a span the term lasted (checked even without a cue).
pub(super) fn period_kind(e: &Entry) -> bool {
    e.kind == Kind::Event
        || e.is_document()
        || (e.kind == Kind::Term
            && matches!(e.subkind.as_str(), "policy" | "period" | "other" | "office"))
}

/// A participle that says when the named thing happened or appeared: "the treaty, signed in
/// 1918", "'Dizzy with Success', printed in Pravda in March 1930" (a place may stand between).
pub(super) fn participle_attached(ctx: &SentenceCtx, n: &SentenceName, d: &DateExpr) -> bool {
    let s = &ctx.sentence;
    let toks = written_extent(ctx, n);
    if d.toks.start < toks.end {
        return false;
    }
    let gap = toks.end..d.toks.start;
    if gap.is_empty() || gap.len() > 10 {
        return false;
    }
    let words: Vec<&str> = gap.clone().map(|i| s.word(i)).collect();
    let p = usize::from(words[0] == "," || words[0] == "'" || words[0] == "’");
    let p = p + usize::from(p < words.len() && words[p] == ",");
    // "the congress to be held in April 1923": the participle after "to be".
    let p = p + 2 * usize::from(p + 1 < words.len() && words[p] == "to" && words[p + 1] == "be");
    if p >= words.len() || !is_past_form(words[p]) {
        return false;
    }
    // "the speech, printed in the West in June 1956": what was done with it afterwards.
    if ctx.kb.entries[n.entry].kind == Kind::Event && later_act(ctx, n.entry, words[p]) {
        return false;
    }
    let placed = |i: usize| {
        ctx.names().iter().any(|m| m.toks.contains(&i))
            || matches!(s.word(i), "in" | "on" | "at" | "of" | "during" | "the" | "by")
    };
    // "celebrated with unprecedented adulation in Pravda": a manner phrase of a few plain words.
    let mut manner = 0;
    (gap.start + p + 1..gap.end).all(|i| {
        let w = s.word(i);
        if matches!(w, "with" | "amid" | "amidst") && manner == 0 {
            manner = 1;
            return true;
        }
        if placed(i) {
            return true;
        }
        let plain = s.toks[i].kind == crate::text::sentences::TokKind::Word
            && !crate::checks::grammar::words::is_preposition(w)
            && !matches!(w, "and" | "or" | "but" | "which" | "who" | "that");
        manner += 1;
        plain && (2..=4).contains(&manner)
    })
}

/// Twenty years, in days.
const LONG_AFTER: i32 = 20 * 365;

/// Is the name attached to the date: "the Great Terror of 1937-38", "Kirov's murder in 1934",
/// "the 1921 famine", "(1870-1924)"?
pub(super) fn attached(ctx: &SentenceCtx, n: &SentenceName, d: &DateExpr) -> bool {
    let s = &ctx.sentence;
    // A date decades after the thing ended is another thing of the same name: a book ("The
    // Great Terror (1968)"), an anniversary, a film.
    if ctx.kb.entries[n.entry].span().is_some_and(|span| d.span.lo > span.hi + LONG_AFTER) {
        return false;
    }
    let link = |w: &str| {
        matches!(
            w,
            "in" | "of" | "on" | "during" | "(" | "," | "from" | "between" | "at" | "c." | "c"
        )
    };
    let toks = written_extent(ctx, n);
    if d.toks.start >= toks.end {
        let gap = toks.end..d.toks.start;
        if ctx.kb.entries[n.entry].kind == Kind::Event && participle_attached(ctx, n, d) {
            return true;
        }
        // "the Great Terror of 1937-38", "the Kronstadt mutiny (March 1921)"; "in" only for an
        // event ("Kirov's murder in 1934"): "defended the NEP in 1925" dates the defending.
        let event = ctx.kb.entries[n.entry].kind == Kind::Event;
        // "the Great Terror of the early 1930s": an article before a decade is no gap.
        let articles = gap.clone().filter(|&i| i > gap.start && s.word(i) == "the").count();
        gap.len() <= 2 + articles
            && gap.clone().all(|i| {
                (link(s.word(i)) || (i > gap.start && s.word(i) == "the"))
                    && (event
                        || !matches!(s.word(i), "in" | "on" | "during" | "at" | "from" | "between"))
            })
    } else if d.toks.end <= toks.start {
        let gap = d.toks.end..toks.start;
        // A time as the subject of a verb of witnessing: "1921 saw the Kronstadt mutiny", "the
        // winter of 1920-21 witnessed the Kronstadt rising" (the date heads its sentence).
        let witnessed = ctx.kb.entries[n.entry].kind == Kind::Event
            && !gap.is_empty()
            && matches!(s.word(gap.start), "saw" | "witnessed" | "sees" | "witnesses")
            && (gap.start + 1..gap.end).all(|i| is_determiner(s.word(i)))
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
        // A heading: "1923: the Tenth Congress", "1917 – the October Revolution".
        let heading = d.toks.start == 0
            && !gap.is_empty()
            && matches!(s.word(gap.start), ":" | "–" | "—" | "-")
            && (gap.start + 1..gap.end).all(|i| is_determiner(s.word(i)));
        witnessed
            || heading
            || gap.is_empty()
            || (gap.len() == 1 && matches!(s.word(gap.start), "'s" | "’s"))
    } else {
        false
    }
}

/// Is the name the last of a list of ordinals ("the first and second", "First, Second, and
/// (truncated) Third Five-Year Plans"): an ordinal, then only commas, "and", "or" and a
/// bracketed aside, up to the name?
pub(super) fn after_other_ordinals(ctx: &SentenceCtx, n: &SentenceName) -> bool {
    let s = &ctx.sentence;
    let mut i = n.toks.start;
    // A bracketed aside just before the name: "and (truncated) Third".
    if i > 0 && s.word(i - 1) == ")" {
        match (i.saturating_sub(6)..i - 1).rev().find(|&j| s.word(j) == "(") {
            Some(open) => i = open,
            None => return false,
        }
    }
    if i == 0 || !matches!(s.word(i - 1), "and" | "or" | "," | "&") {
        return false;
    }
    let is_ordinal = |w: &str| {
        ORDINAL_WORDS.contains(&w)
            || (w.len() > 2
                && w.as_bytes()[0].is_ascii_digit()
                && ["st", "nd", "rd", "th"].iter().any(|x| w.ends_with(x)))
    };
    let joiner = |w: &str| matches!(w, "and" | "or" | "," | "&");
    let mut j = i;
    while j > 0 && joiner(s.word(j - 1)) {
        j -= 1;
        if j > 0 && is_ordinal(s.word(j - 1)) {
            return true;
        }
    }
    false
}

const ORDINAL_WORDS: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
];
