//! Posts in a clause: where a role's title is written ("General Secretary", "Commissar for
//! War", "head of the NKVD"), literally or loosely ("appointed to head the NKVD").

use std::ops::Range;

use super::facts::hull;
use super::DateTables;
use crate::base::Role;
use crate::checks::grammar::names::SentenceName;
use crate::checks::grammar::SentenceCtx;
use crate::text::sentences::{possessive_base, tokenize};

/// A role's title, prepared for `find_title`.
pub(super) struct Title {
    /// Its words (`title_words`).
    words: Vec<String>,
    /// The first four bytes of its first word other than "the" (none: no such word), ASCII
    /// lower-cased, which some word of a clause must start with (ignoring ASCII case: the
    /// sentence's words are ASCII lower-cased) for the title to be there.
    prefix: Option<Box<[u8]>>,
}

impl Title {
    pub(super) fn new(title: &str) -> Title {
        let prefix =
            title.split_whitespace().find(|w| !w.eq_ignore_ascii_case("the")).map(|first| {
                let first = first.trim_matches(|c: char| !c.is_alphanumeric());
                Box::from(first.as_bytes()[..first.len().min(4)].to_ascii_lowercase())
            });
        Title { words: title_words(title), prefix }
    }
}

/// A title's words, lower-case, without leading articles.
pub(super) fn title_words(t: &str) -> Vec<String> {
    tokenize(t)
        .iter()
        .map(|tok| t[tok.range.clone()].to_lowercase())
        .filter(|w| w != "the")
        .collect()
}

/// The first bytes of a clause's words (ASCII lower-cased, as the sentence's are), as a set:
/// a person's many titles are mostly ruled out by their first byte, without a walk over the
/// clause for each.
pub(super) struct FirstBytes([u64; 4]);

impl FirstBytes {
    pub(super) fn of(ctx: &SentenceCtx, clause: &Range<usize>) -> FirstBytes {
        let lower = ctx.sentence.lower.as_bytes();
        let mut set = [0u64; 4];
        for i in clause.clone() {
            if let Some(&b) = lower[ctx.sentence.toks[i].range.clone()].first() {
                set[usize::from(b >> 6)] |= 1 << (b & 63);
            }
        }
        FirstBytes(set)
    }

    fn has(&self, b: u8) -> bool {
        self.0[usize::from(b >> 6)] & (1 << (b & 63)) != 0
    }
}

/// Token range where the role's title is written in the clause, if it is.
/// `title` is the role's, prepared (`DateTables::titles`).
pub(super) fn find_title(
    ctx: &SentenceCtx,
    tables: &DateTables,
    clause: &Range<usize>,
    role: &Role,
    title: &Title,
    names: &[SentenceName],
    heads: &FirstBytes,
) -> Option<Range<usize>> {
    // Quick rejection: the title's first word (or its first four letters) must be in the
    // clause, or the office it belongs to must be named there.
    let prefix: &[u8] = title.prefix.as_deref()?;
    let words = &title.words;
    let lower = ctx.sentence.lower.as_bytes();
    let literal_possible = prefix.first().is_none_or(|&b| heads.has(b))
        && clause.clone().any(|i| {
            let w = &lower[ctx.sentence.toks[i].range.clone()];
            prefix.first().is_none_or(|b| w.first() == Some(b)) && w.starts_with(prefix)
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
            while j < clause.end && ctx.sentence.word(j) == "the" && w != "the" {
                j += 1;
            }
            if j >= clause.end {
                continue 'start;
            }
            let tw = possessive_base(ctx.sentence.word(j));
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
    let office_words = &tables.name_words[office];
    let keys: Vec<&String> = words
        .iter()
        .filter(|w| {
            !office_words.contains(w)
                && w.len() > 3
                && !ctx.kb.vocab.generic_title_words.contains(w)
        })
        .collect();
    let key = keys.first()?;
    // The head word beside the office ("head of the NKVD", "the Politburo's members"), not
    // anywhere in the clause.
    let near = on.toks.start.saturating_sub(4)..(on.toks.end + 4).min(clause.end);
    // A word of the office's own name is no head word ("Commissar" in "Council of People's
    // Commissars" is not "People's Commissar for Posts").
    let k = near.clone().filter(|i| clause.contains(i) && !on.toks.contains(i)).find(|&i| {
        let w = possessive_base(ctx.sentence.word(i));
        same_start(w, key)
    })?;
    Some(hull(&(k..k + 1), &on.toks))
}

/// Whether two words share their first four bytes (byte-wise, so never a slice inside a
/// multi-byte character: "Жукк" and "Жуков" compare safely).
fn same_start(a: &str, b: &str) -> bool {
    a.len() >= 4 && b.len() >= 4 && a.as_bytes()[..4] == b.as_bytes()[..4]
}
