//! Clauses: the one splitter every check reads a sentence's clauses from, and two views of its
//! result that some checks need (a bracketed date kept with its clause; a list written as one
//! "sentence" cut into its items).

use std::ops::Range;

use crate::dates::DateExpr;
use crate::text::sentences::Sentence;

/// Words that, after a comma, open a new clause.
fn opens_clause_after_comma(w: &str) -> bool {
    matches!(
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
    )
}

/// A sentence's clauses as token ranges: split at `;`, `:`, `—`, `–` (not a dash inside a word
/// such as "1918–21"), parentheses, and before ", but", ", while", ", which", ", and" and the
/// like.
pub(crate) fn split(s: &Sentence) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let n = s.toks.len();
    for i in 0..n {
        let w = s.word(i);
        let dash_in_word =
            w == "–" && i > 0 && i + 1 < n && s.toks[i - 1].range.end == s.toks[i].range.start;
        let cut_here = matches!(w, ";" | ":" | "—" | "(" | ")" | "–") && !dash_in_word;
        let cut_before = i > 0 && s.word(i - 1) == "," && opens_clause_after_comma(w);
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

/// The clauses with one that holds nothing but a date ("(March 1921)", ", c. 1929,") joined to
/// the clause before it: the date belongs there.
pub(crate) fn with_bare_dates_joined(
    clauses: &[Range<usize>],
    s: &Sentence,
    dates: &[DateExpr],
) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for c in clauses.iter().cloned() {
        let only_date = c.clone().all(|i| {
            dates.iter().any(|d| d.toks.contains(&i))
                || matches!(s.word(i), "c" | "c." | "in" | "," | "." | "ca" | "circa")
        });
        match out.last_mut() {
            Some(prev) if only_date => prev.end = c.end,
            _ => out.push(c),
        }
    }
    out
}

/// The clauses also cut at a full stop and where a line starts a list item: a plain-text list
/// can reach a check as one "sentence". Never empty.
pub(crate) fn cut_at_stops_and_bullets(
    clauses: &[Range<usize>],
    s: &Sentence,
    text: &str,
) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for c in clauses.iter().cloned() {
        let mut start = c.start;
        for i in c.clone() {
            let w = s.word(i);
            let bullet = matches!(w, "-" | "*" | "•" | "–")
                && i > 0
                && text[s.toks[i - 1].range.end..s.toks[i].range.start].contains('\n');
            let stop = matches!(w, "." | "!" | "?")
                && !(i + 1 < s.toks.len() && s.toks[i + 1].range.start == s.toks[i].range.end);
            if bullet || stop {
                if start < i {
                    out.push(start..i);
                }
                start = i + 1;
            }
        }
        if start < c.end {
            out.push(start..c.end);
        }
    }
    if out.is_empty() {
        out.push(0..s.toks.len());
    }
    out
}

/// The index of the clause holding token `t`.
pub(crate) fn clause_index(clauses: &[Range<usize>], t: usize) -> Option<usize> {
    clauses.iter().position(|c| c.contains(&t))
}
