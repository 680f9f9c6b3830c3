//! What the words around a near miss say about it: a spelling offered beside the name it
//! would be corrected to, more of a known person's name beside it, or an unknown name it is
//! part of. `check` reads these before it calls a word a misspelling.

use super::english::is_english;
use super::{strip_possessive, NameWords};
use crate::base::{is_ordinary_word, EntryId, Kind};
use crate::checks::grammar::SentenceCtx;
use crate::text::real_names::{is_listed_name, name_key};

/// Is the word at token `i` a spelling the writer offers beside the very name it would correct
/// to: "in Yanovka or Yanivka", "Yanovka (Yanivka)", "Yanovka/Yanivka"? Then it is a variant on
/// purpose. ("Joseph Stalin or Iosef Vissarionovich" offers another name, not another spelling
/// of "Iosif".)
pub(super) fn offered_beside(ctx: &SentenceCtx, i: usize, near: &[(&str, EntryId)]) -> bool {
    let s = &ctx.sentence;
    let joins = |w: &str| matches!(w, "or" | "(" | ")" | "/" | "," | "also" | "aka");
    let offers = |w: &str| matches!(w, "or" | "(" | "/" | "also" | "aka");
    let spelled_as_fix = |m: &&crate::base::Mention| {
        let written = strip_possessive(&ctx.block[m.range.clone()]);
        near.iter().any(|n| n.1 == m.entry && n.0.eq_ignore_ascii_case(written))
    };
    ctx.mentions.iter().filter(spelled_as_fix).any(|m| {
        let t = ctx.mention_toks(m);
        let between = if t.end <= i {
            t.end..i
        } else if t.start > i {
            i + 1..t.start
        } else {
            return false;
        };
        between.len() <= 2
            && between.clone().all(|k| joins(s.word(k)))
            && between.clone().any(|k| offers(s.word(k)))
    })
}

/// Is the word at token `i` a name the writer gives ("called Volodya in the family", "known as
/// Koba", "nicknamed Soso")? A name given is the writer's to give, not a slip of another.
pub(super) fn given_as_a_name(ctx: &SentenceCtx, i: usize) -> bool {
    let s = &ctx.sentence;
    let before = |k: usize| i.checked_sub(k).map(|j| s.word(j));
    matches!(before(1), Some("called" | "named" | "nicknamed" | "dubbed" | "alias"))
        || (before(1) == Some("as") && matches!(before(2), Some("known" | "remembered")))
}

/// Does the sentence tie the word at token `i` to `entry`: another word of that entry's names
/// right before or after it ("Andrei Zhadnov", "Iosef Vissarionovich"), or a mention in its
/// paragraph of an entry tied to it ("Zinoviev and Kamenov")?
pub(super) fn tied(ctx: &SentenceCtx, name_words: &NameWords, i: usize, entry: EntryId) -> bool {
    let e = &ctx.kb.entries[entry];
    let toks = &ctx.sentence.toks;
    let of_the_name = |p: usize| {
        let w = strip_possessive(&ctx.text()[toks[p].range.clone()]);
        std::iter::once(&e.name)
            .chain(&e.aliases)
            .chain(e.full_name.as_ref())
            .any(|s| s.split_whitespace().any(|x| x.eq_ignore_ascii_case(w)))
    };
    let beside =
        i.checked_sub(1).is_some_and(of_the_name) || (i + 1 < toks.len() && of_the_name(i + 1));
    let links = &name_words.links[entry];
    beside
        || ctx
            .block_mentions
            .iter()
            .any(|m| m.entry != entry && links.binary_search(&m.entry).is_ok())
}

/// Who is named when token `i` is followed by more of the name of someone one of whose names
/// has the word `given`: a mention of them ("Alexsei Stakhanov") or another word of their names
/// ("Iosef Vissarionovich")?
pub(super) fn followed_by_a_name_with(ctx: &SentenceCtx, i: usize, given: &str) -> Option<EntryId> {
    let next = ctx.sentence.toks.get(i + 1)?;
    let next_word = strip_possessive(&ctx.text()[next.range.clone()]);
    let at = ctx.abs(&next.range).start;
    let has = |e: &crate::base::Entry, word: &str| {
        std::iter::once(&e.name)
            .chain(&e.aliases)
            .chain(e.full_name.as_ref())
            .any(|s| s.split_whitespace().any(|w| w.eq_ignore_ascii_case(word)))
    };
    let kb = ctx.kb;
    let mentioned = ctx
        .mentions
        .iter()
        .filter(|m| m.range.start == at)
        .map(|m| m.entry)
        .find(|&x| has(&kb.entries[x], given));
    mentioned.or_else(|| kb.entries.iter().position(|e| has(e, given) && has(e, next_word)))
}

/// Is token `i` written right after (only a space between) a given name that is none of the
/// person `entry`'s names, in any spelling: "Evgeny Dobrenko" beside Pavel Dybenko? A given name
/// says whose surname follows, so the two name someone else, whom the base may not know, and the
/// word is no slip for this person's name. ("Andrei Zhadnov" and "Leon Trotksy" keep their own
/// given names and are still read.)
pub(super) fn after_another_given_name(
    ctx: &SentenceCtx,
    name_words: &NameWords,
    i: usize,
    entry: EntryId,
) -> bool {
    let e = &ctx.kb.entries[entry];
    if e.kind != Kind::Person || i == 0 {
        return false;
    }
    let (s, text) = (&ctx.sentence, ctx.text());
    let (before, tok) = (&s.toks[i - 1], &s.toks[i]);
    let given = &text[before.range.clone()];
    let spaced = text[before.range.end..tok.range.start].chars().all(|c| c == ' ');
    if !spaced
        || before.kind != crate::text::sentences::TokKind::Word
        || given.chars().count() < 3
        || !given.starts_with(|c: char| c.is_uppercase())
        || given.chars().skip(1).any(char::is_uppercase)
        || is_ordinary_word(given)
        || !(is_listed_name(given) || known_name_word(name_words, &given.to_lowercase()))
    {
        return false;
    }
    let key = name_key(given);
    let own = std::iter::once(&e.name).chain(&e.aliases).chain(e.full_name.as_ref()).any(|n| {
        n.split_whitespace()
            .any(|w| name_key(w.trim_matches(|c: char| !c.is_alphanumeric())) == key)
    });
    !own
}

/// Is `lower` a word of a known name?
fn known_name_word(name_words: &NameWords, lower: &str) -> bool {
    let first = lower.chars().next().unwrap_or(' ');
    let same_first = name_words.by_first.get(&first).map_or(&[][..], Vec::as_slice);
    same_first.iter().any(|&k| name_words.words[k].lower == lower)
}

/// Is token `i` written next to (only a space between) another capitalised word that is no
/// name the base knows: not a mention, no English word and no word of a known name ("Avenida
/// Viena", "Konstantine Petrov")? Then the two are a name the base does not know, and the word
/// is no misspelling of one it does. ("Leon Trotksy" is still read: Leon is a known name's.)
pub(super) fn beside_an_unknown_name(ctx: &SentenceCtx, name_words: &NameWords, i: usize) -> bool {
    let s = &ctx.sentence;
    let text = ctx.text();
    let unknown = |j: usize| {
        let t = &s.toks[j];
        let w = &text[t.range.clone()];
        let abs = ctx.abs(&t.range);
        t.kind == crate::text::sentences::TokKind::Word
            && w.starts_with(|c: char| c.is_uppercase())
            && !ctx.mentions.iter().any(|m| m.range.start < abs.end && abs.start < m.range.end)
            && !is_english(strip_possessive(w))
            && !known_name_word(name_words, &w.to_lowercase())
    };
    let spaced = |a: usize, b: usize| {
        text[s.toks[a].range.end..s.toks[b].range.start].chars().all(|c| c == ' ')
    };
    (i > 0 && spaced(i - 1, i) && unknown(i - 1))
        || (i + 1 < s.toks.len() && spaced(i, i + 1) && unknown(i + 1))
}
