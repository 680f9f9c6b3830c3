//! The checks. Each lives in its own file whose header says what it flags and why, with its
//! tests (many of them false-positive cases) beside it. Registering a check is one line in
//! `SENTENCE_CHECKS`.
//!
//! A check sees one sentence at a time through `SentenceCtx`: its tokens, the names, dates and
//! numbers found in it, and the fact base. It pushes findings with block-relative ranges.

pub mod anachronism;
pub mod counterargument;
pub mod dubious_date;
pub mod figures;
pub mod misspelled_name;
#[cfg(test)]
mod testing;

use std::ops::Range;

use crate::analysis::{Code, Config, Finding};
use crate::base::{KnowledgeBase, Mention};
use crate::text::dates::{self, DateExpr};
use crate::text::numbers::{self, NumberExpr};
use crate::text::sentences::Sentence;

/// Builds the tables the checks derive from a base (they are otherwise built on first use),
/// so that a server can pay for them off the editing path, right after loading.
pub fn prepare(kb: &KnowledgeBase) {
    counterargument::prepare(kb);
    figures::prepare_base(kb);
}

pub type SentenceCheck = fn(&SentenceCtx, &mut Vec<Finding>);

/// Every per-sentence check, with the code it reports. One line each.
pub const SENTENCE_CHECKS: &[(Code, SentenceCheck)] = &[
    (Code::DubiousDate, dubious_date::check),
    (Code::Anachronism, anachronism::check),
    (Code::DubiousFigure, figures::check),
    (Code::MisspelledName, misspelled_name::check),
];

/// One sentence, pre-digested for the checks.
pub struct SentenceCtx<'a> {
    pub kb: &'a KnowledgeBase,
    pub config: &'a Config,
    /// The block's masked text (original case); sentence and mention ranges index into it.
    pub block: &'a str,
    /// The sentence; `s.range` is block-relative, token ranges are sentence-relative.
    pub s: Sentence,
    /// Names in this sentence, block-relative ranges, left to right.
    pub mentions: Vec<Mention>,
    /// Dates in this sentence (sentence-relative ranges).
    pub dates: Vec<DateExpr>,
    /// Numbers in this sentence (sentence-relative ranges), years excluded.
    pub numbers: Vec<NumberExpr>,
    /// Quotations in the block (block-relative).
    pub quotes: &'a [Range<usize>],
}

impl<'a> SentenceCtx<'a> {
    pub fn new(kb: &'a KnowledgeBase, block: &'a str, range: Range<usize>, mentions: &[Mention], quotes: &'a [Range<usize>], config: &'a Config) -> Self {
        let s = Sentence::new(block, range.clone());
        let mentions = mentions.iter().filter(|m| m.range.start >= range.start && m.range.end <= range.end).cloned().collect();
        let dates = dates::find(&s);
        let numbers = numbers::find(&s);
        SentenceCtx { kb, config, block, s, mentions, dates, numbers, quotes }
    }

    /// The sentence text in its original case.
    pub fn text(&self) -> &'a str {
        &self.block[self.s.range.clone()]
    }

    /// Sentence-relative range to block-relative.
    pub fn abs(&self, r: &Range<usize>) -> Range<usize> {
        r.start + self.s.range.start..r.end + self.s.range.start
    }

    /// Block-relative range to sentence-relative.
    pub fn rel(&self, r: &Range<usize>) -> Range<usize> {
        r.start - self.s.range.start..r.end - self.s.range.start
    }

    /// Token indices `[first, end)` covered by a mention.
    pub fn mention_toks(&self, m: &Mention) -> Range<usize> {
        let r = self.rel(&m.range);
        let first = self.s.tok_at(r.start);
        let end = self.s.toks.partition_point(|t| t.range.start < r.end);
        first..end.max(first + 1).min(self.s.toks.len())
    }

    /// Clause boundaries as token index ranges: split at `;`, `:`, `—`, parentheses, and at
    /// ", but", ", while", ", whereas", ", and" followed by a new subject, "which", "when".
    pub fn clauses(&self) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut start = 0;
        let n = self.s.toks.len();
        for i in 0..n {
            let w = self.s.word(i);
            let cut_here = matches!(w, ";" | ":" | "—" | "(" | ")" | "–")
                && !(w == "–" && i > 0 && i + 1 < n && self.s.toks[i - 1].range.end == self.s.toks[i].range.start);
            let cut_before = i > 0 && self.s.word(i - 1) == "," && matches!(w, "but" | "while" | "whereas" | "although" | "though" | "yet" | "which" | "who" | "when" | "whilst" | "and" | "before" | "after");
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
        self.clauses().into_iter().find(|c| c.contains(&t)).unwrap_or(0..self.s.toks.len())
    }

    /// Is the sentence-relative range inside a quotation?
    pub fn quoted(&self, rel: &Range<usize>) -> bool {
        let a = self.abs(rel);
        self.quotes.iter().any(|q| q.start <= a.start && a.end <= q.end)
    }
}
