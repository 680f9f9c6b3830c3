//! One sentence, pre-digested for the checks: its tokens, the names, dates and numbers in it,
//! and what several checks read from it (clauses, the cue phrases in it), worked out once.

use std::cell::OnceCell;
use std::ops::Range;

use super::dubious_date;
use crate::base::{KnowledgeBase, Mention};
use crate::config::Config;
use crate::text::dates::{self, DateExpr};
use crate::text::numbers::{self, NumberExpr};
use crate::text::sentences::Sentence;

/// One sentence, pre-digested for the checks.
pub struct SentenceCtx<'a> {
    pub kb: &'a KnowledgeBase,
    /// The base's cue phrases, prepared once per base.
    lexicon: &'a dubious_date::Lexicon,
    pub config: &'a Config,
    /// The block's masked text (original case); sentence and mention ranges index into it.
    pub block: &'a str,
    /// The sentence; `sentence.range` is block-relative, token ranges are sentence-relative.
    pub sentence: Sentence,
    /// Names in this sentence, block-relative ranges, left to right.
    pub mentions: Vec<Mention>,
    /// Dates in this sentence (sentence-relative ranges).
    pub dates: Vec<DateExpr>,
    /// Numbers in this sentence (sentence-relative ranges), years excluded.
    pub numbers: Vec<NumberExpr>,
    /// Quotations in the block (block-relative).
    pub quotes: &'a [Range<usize>],
    /// What several checks read from the sentence, worked out once on first use.
    clauses: OnceCell<Vec<Range<usize>>>,
    date_clauses: OnceCell<Vec<Range<usize>>>,
    names: OnceCell<Vec<dubious_date::Name>>,
    lex: OnceCell<dubious_date::Lex<'a>>,
    hypothetical: OnceCell<bool>,
}

impl<'a> SentenceCtx<'a> {
    pub(crate) fn new(
        kb: &'a KnowledgeBase,
        lexicon: &'a dubious_date::Lexicon,
        block: &'a str,
        range: Range<usize>,
        mentions: &[Mention],
        quotes: &'a [Range<usize>],
        config: &'a Config,
    ) -> Self {
        let sentence = Sentence::new(block, range.clone());
        // The block's mentions are in document order: skip to the sentence's.
        let first = mentions.partition_point(|m| m.range.start < range.start);
        let mentions = mentions[first..]
            .iter()
            .take_while(|m| m.range.start < range.end)
            .filter(|m| m.range.end <= range.end)
            .cloned()
            .collect();
        let dates = dates::find(&sentence);
        let numbers = numbers::find(&sentence);
        SentenceCtx {
            kb,
            config,
            lexicon,
            block,
            sentence,
            mentions,
            dates,
            numbers,
            quotes,
            clauses: OnceCell::new(),
            date_clauses: OnceCell::new(),
            names: OnceCell::new(),
            lex: OnceCell::new(),
            hypothetical: OnceCell::new(),
        }
    }

    /// The base's cue phrases and word lists, prepared once per base.
    pub(crate) fn lexicon(&self) -> &'a dubious_date::Lexicon {
        self.lexicon
    }

    /// The names in the sentence as the date checks read them (`dubious_date::names`).
    pub(crate) fn names(&self) -> &[dubious_date::Name] {
        self.names.get_or_init(|| dubious_date::names(self))
    }

    /// Clauses as the date checks read them (`dubious_date::clauses`).
    pub(crate) fn date_clauses(&self) -> &[Range<usize>] {
        self.date_clauses.get_or_init(|| dubious_date::clauses(self))
    }

    /// Where the base's cue phrases occur in the sentence (`dubious_date::Lex`).
    pub(crate) fn lex(&self) -> &dubious_date::Lex<'a> {
        self.lex.get_or_init(|| dubious_date::Lex::new(self))
    }

    /// Is the sentence a question or a counterfactual (`dubious_date::hypothetical`)?
    pub(crate) fn hypothetical(&self) -> bool {
        *self.hypothetical.get_or_init(|| dubious_date::hypothetical(self))
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
        let first = self.sentence.tok_at(r.start);
        let end = self.sentence.toks.partition_point(|t| t.range.start < r.end);
        first..end.max(first + 1).min(self.sentence.toks.len())
    }

    /// Clause boundaries as token index ranges: split at `;`, `:`, `—`, parentheses, and at
    /// ", but", ", while", ", whereas", ", and" followed by a new subject, "which", "when".
    pub fn clauses(&self) -> Vec<Range<usize>> {
        self.clause_ranges().to_vec()
    }

    /// `clauses()`, worked out once per sentence.
    pub fn clause_ranges(&self) -> &[Range<usize>] {
        self.clauses.get_or_init(|| self.find_clauses())
    }

    fn find_clauses(&self) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut start = 0;
        let n = self.sentence.toks.len();
        for i in 0..n {
            let w = self.sentence.word(i);
            let cut_here = matches!(w, ";" | ":" | "—" | "(" | ")" | "–")
                && !(w == "–"
                    && i > 0
                    && i + 1 < n
                    && self.sentence.toks[i - 1].range.end == self.sentence.toks[i].range.start);
            let cut_before = i > 0
                && self.sentence.word(i - 1) == ","
                && matches!(
                    w,
                    "but"
                        | "while"
                        | "whereas"
                        | "although"
                        | "though"
                        | "yet"
                        | "which"
                        | "who"
                        | "when"
                        | "whilst"
                        | "and"
                        | "before"
                        | "after"
                );
            if cut_here {
                if start < i {
                    out.push(start..i);
                }
                start = i + 1;
            } else if cut_before && start < i - 1 {
                out.push(start..i - 1);
                start = i;
            }
        }
        if start < n {
            out.push(start..n);
        }
        out
    }

    /// The clause (token range) containing token `t`.
    pub fn clause_of(&self, t: usize) -> Range<usize> {
        self.clause_ranges()
            .iter()
            .find(|c| c.contains(&t))
            .cloned()
            .unwrap_or(0..self.sentence.toks.len())
    }

    /// Is the sentence-relative range inside a quotation?
    pub fn quoted(&self, rel: &Range<usize>) -> bool {
        let a = self.abs(rel);
        self.quotes.iter().any(|q| q.start <= a.start && a.end <= q.end)
    }
}
