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
    ctx.mentions
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
        .collect()
}

/// Is token `i` part of a name (not a pronoun standing for one)?
pub(crate) fn is_name_token(names: &[SentenceName], i: usize) -> bool {
    names.iter().any(|n| !n.pronoun && n.toks.contains(&i))
}
