//! One sentence, pre-digested for the checks: its tokens, the names, dates and numbers in it,
//! and what several checks read from it (clauses, names, the cue phrases in it, whether it is a
//! question or a counterfactual), worked out once, on first use.

use std::cell::OnceCell;
use std::ops::Range;

use super::cues::{CuePhrases, SentenceCues};
use super::names::{names_in, SentenceName};
use super::{clauses, hypothetical};
use crate::base::EntryId;
use crate::base::{KnowledgeBase, Mention};
use crate::config::Config;
use crate::dates::{self, DateExpr};
use crate::text::numbers::{self, NumberExpr};
use crate::text::sentences::Sentence;

pub struct SentenceCtx<'a> {
    pub kb: &'a KnowledgeBase,
    /// The base's cue phrases, prepared once per base.
    pub(crate) cue_phrases: &'a CuePhrases,
    pub config: &'a Config,
    /// The block's masked text (original case); sentence and mention ranges index into it.
    pub block: &'a str,
    /// The sentence; `sentence.range` is block-relative, token ranges are sentence-relative.
    pub sentence: Sentence,
    /// Names in this sentence, block-relative ranges, left to right.
    pub mentions: Vec<Mention>,
    /// Names in the whole block (its paragraph), in the same form.
    pub block_mentions: &'a [Mention],
    /// Dates in this sentence (sentence-relative ranges).
    pub dates: Vec<DateExpr>,
    /// Numbers in this sentence (sentence-relative ranges), years excluded.
    pub numbers: Vec<NumberExpr>,
    /// Quotations in the block (block-relative).
    pub quotes: &'a [Range<usize>],
    /// The one person the sentences before this one in its paragraph speak of, if they speak of
    /// exactly one: whom a "he" or "she" here refers to.
    pub antecedent: Option<EntryId>,
    /// The one event the sentences before this one in its paragraph name, if one: what "the
    /// revolt" or "the treaty" here refers to.
    pub event_antecedent: Option<EntryId>,
    /// The one body, event, document or term the sentence before this one names: what "It was
    /// created ..." here refers to.
    pub thing_antecedent: Option<EntryId>,
    clauses: OnceCell<Vec<Range<usize>>>,
    date_clauses: OnceCell<Vec<Range<usize>>>,
    names: OnceCell<Vec<SentenceName>>,
    cues: OnceCell<SentenceCues<'a>>,
    hypothetical: OnceCell<bool>,
}

impl<'a> SentenceCtx<'a> {
    pub(crate) fn new(
        kb: &'a KnowledgeBase,
        cue_phrases: &'a CuePhrases,
        block: &'a str,
        range: Range<usize>,
        block_mentions: &'a [Mention],
        quotes: &'a [Range<usize>],
        config: &'a Config,
    ) -> Self {
        let sentence = Sentence::new(block, range.clone());
        // The block's mentions are in document order: skip to the sentence's.
        let first = block_mentions.partition_point(|m| m.range.start < range.start);
        let mentions = block_mentions[first..]
            .iter()
            .take_while(|m| m.range.start < range.end)
            .filter(|m| m.range.end <= range.end)
            .cloned()
            .collect();
        let dates = dates::find(&sentence);
        let numbers = numbers::find(&sentence);
        SentenceCtx {
            kb,
            cue_phrases,
            config,
            block,
            sentence,
            mentions,
            block_mentions,
            dates,
            numbers,
            quotes,
            antecedent: None,
            event_antecedent: None,
            thing_antecedent: None,
            clauses: OnceCell::new(),
            date_clauses: OnceCell::new(),
            names: OnceCell::new(),
            cues: OnceCell::new(),
            hypothetical: OnceCell::new(),
        }
    }

    /// The sentence's clauses (token ranges; `grammar::clauses::split`).
    pub(crate) fn clauses(&self) -> &[Range<usize>] {
        self.clauses.get_or_init(|| clauses::split(&self.sentence))
    }

    /// The clauses with a bracketed date kept with its clause, as the date checks read them.
    pub(crate) fn date_clauses(&self) -> &[Range<usize>] {
        self.date_clauses.get_or_init(|| {
            let joined =
                clauses::with_bare_dates_joined(self.clauses(), &self.sentence, &self.dates);
            let headed = clauses::with_heading_dates_joined(&joined, &self.sentence, &self.dates);
            let headed = clauses::with_clefts_joined(&headed, &self.sentence);
            let is_verb = |w: &str| self.cue_phrases.is_verb(w);
            let headed = clauses::with_dash_asides_joined(&headed, &self.sentence, is_verb);
            let ended = clauses::with_relative_clauses_ended(&headed, &self.sentence, is_verb);
            clauses::with_dated_asides_joined(&ended, &self.sentence, &self.dates)
        })
    }

    /// The names in the sentence as the grammar reads them.
    pub(crate) fn names(&self) -> &[SentenceName] {
        self.names.get_or_init(|| names_in(self))
    }

    /// Where the base's cue phrases occur in the sentence.
    pub(crate) fn cues(&self) -> &SentenceCues<'a> {
        self.cues.get_or_init(|| SentenceCues::find(self))
    }

    /// Is the sentence a question or a counterfactual?
    pub(crate) fn hypothetical(&self) -> bool {
        *self.hypothetical.get_or_init(|| hypothetical(self))
    }

    /// The sentence text in its original case.
    pub fn text(&self) -> &'a str {
        &self.block[self.sentence.range.clone()]
    }

    /// Sentence-relative range to block-relative.
    pub fn abs(&self, r: &Range<usize>) -> Range<usize> {
        r.start + self.sentence.range.start..r.end + self.sentence.range.start
    }

    /// Block-relative range to sentence-relative.
    pub fn rel(&self, r: &Range<usize>) -> Range<usize> {
        r.start - self.sentence.range.start..r.end - self.sentence.range.start
    }

    /// Token indices `[first, end)` covered by a mention.
    pub fn mention_toks(&self, m: &Mention) -> Range<usize> {
        let r = self.rel(&m.range);
        // A name may start inside a token ("Zinovievite" in "Trotskyite-Zinovievite"): its
        // first token is the one that holds it, not the next.
        let first = self.sentence.toks.partition_point(|t| t.range.end <= r.start);
        let end = self.sentence.toks.partition_point(|t| t.range.start < r.end);
        first..end.max(first + 1).min(self.sentence.toks.len())
    }

    /// Token index of a date's year.
    pub(crate) fn year_token(&self, d: &DateExpr) -> usize {
        d.toks
            .clone()
            .find(|&i| self.sentence.toks[i].range.start == d.year_range.start)
            .unwrap_or(d.toks.start)
    }

    /// Which quotation of the block token `i` is in, if any.
    pub(crate) fn quotation_of(&self, i: usize) -> Option<usize> {
        let r = self.abs(&self.sentence.toks[i].range);
        self.quotes.iter().position(|q| q.start <= r.start && r.end <= q.end)
    }

    /// Is the quotation around tokens `toks` only those tokens: a title or a label in quotation
    /// marks ("the 'law of spikelets'", "'Dizzy with Success'"), not someone's words?
    pub(crate) fn quotes_only(&self, toks: &Range<usize>) -> bool {
        let Some(q) = self.quotation_of(toks.start) else { return false };
        let q = &self.quotes[q];
        let inner = self.abs(
            &(self.sentence.toks[toks.start].range.start
                ..self.sentence.toks[toks.end - 1].range.end),
        );
        let outside = |r: Range<usize>| {
            self.block.get(r).is_some_and(|t| t.chars().all(|c| !c.is_alphanumeric()))
        };
        q.start <= inner.start
            && inner.end <= q.end
            && outside(q.start..inner.start)
            && outside(inner.end..q.end)
    }

    /// Is the sentence-relative range inside a quotation?
    pub fn quoted(&self, rel: &Range<usize>) -> bool {
        let a = self.abs(rel);
        self.quotes.iter().any(|q| q.start <= a.start && a.end <= q.end)
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::grammar::cues::CuePhrases;
    use crate::checks::grammar::SentenceCtx;
    use crate::checks::testing::kb;
    use crate::config::Config;

    /// A name that starts inside a hyphenated word ("Zinovievite" in "Trotskyite-Zinovievite")
    /// is on that word, not on the word after it.
    #[test]
    fn a_name_inside_a_hyphenated_word_is_on_that_word() {
        let text = "It was the Trotskyite-Zinovievite Terrorist Bureau in 1936.";
        let (kb, config) = (kb(), Config::default());
        let mentions = kb.index.find_all(text);
        let phrases = CuePhrases::build(kb);
        let ctx = SentenceCtx::new(kb, &phrases, text, 0..text.len(), &mentions, &[], &config);
        let words: Vec<String> = ctx
            .mentions
            .iter()
            .map(|m| {
                let toks = ctx.mention_toks(m);
                toks.map(|i| ctx.sentence.word(i).to_string()).collect::<Vec<_>>().join(" ")
            })
            .collect();
        assert!(!words.is_empty());
        assert!(words.iter().all(|w| w == "trotskyite-zinovievite"), "{words:?}");
    }
}
