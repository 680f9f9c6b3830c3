//! Clauses: the one splitter every check reads a sentence's clauses from, and two views of its
//! result that some checks need (a bracketed date kept with its clause; a list written as one
//! "sentence" cut into its items).

use std::ops::Range;

use crate::dates::DateExpr;
use crate::text::sentences::{Sentence, TokKind};

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
    // The closing bracket of a calendar gloss ("25 October (7 November) 1917"): the date is
    // one, so its brackets cut nothing.
    let mut gloss_close = None;
    for i in 0..n {
        let w = s.word(i);
        // Every mark that cuts is a punctuation token: a word is read only after a comma.
        let punct = s.toks[i].kind == TokKind::Punct;
        if punct && w == "(" && gloss_close.is_none() {
            gloss_close = crate::dates::date_gloss_end(s, i);
        }
        if gloss_close.is_some_and(|close| i <= close) {
            continue;
        }
        gloss_close = None;
        let dash_in_word =
            w == "–" && i > 0 && i + 1 < n && s.toks[i - 1].range.end == s.toks[i].range.start;
        let cut_here = punct && matches!(w, ";" | ":" | "—" | "(" | ")" | "–") && !dash_in_word;
        let cut_before = !punct
            && i > 0
            && s.toks[i - 1].kind == TokKind::Punct
            && s.word(i - 1) == ","
            && opens_clause_after_comma(w);
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
        // A sentence that opens with its date ("In 1930, after years of civil war, Lenin
        // introduced ...") dates the clause after it.
        if let [first, second] = &out[..] {
            if first.start == 0 && only_date_clause(first, s, dates) {
                let joined = first.start..second.end;
                out = Vec::from([joined]);
            }
        }
    }
    out
}

/// A cleft sentence ("It was only in 1925 that the Soviet Union was created", "It was not until
/// 1929 that ...") is one clause: its date dates what the "that" clause says.
pub(crate) fn with_clefts_joined(clauses: &[Range<usize>], s: &Sentence) -> Vec<Range<usize>> {
    joined_to_previous(clauses, |prev, c| s.word(c.start) == "that" && is_cleft_head(prev, s))
}

/// The clauses with each one that `joins` says belongs to the (joined) clause before it merged
/// into that clause.
fn joined_to_previous(
    clauses: &[Range<usize>],
    joins: impl Fn(&Range<usize>, &Range<usize>) -> bool,
) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for c in clauses.iter().cloned() {
        match out.last_mut() {
            Some(prev) if joins(prev, &c) => prev.end = c.end,
            _ => out.push(c),
        }
    }
    out
}

/// "It was only in 1925", "it is in 1929", "It was not until 1929": the head of a cleft.
pub(crate) fn is_cleft_head(c: &Range<usize>, s: &Sentence) -> bool {
    c.len() >= 3
        && s.word(c.start) == "it"
        && matches!(s.word(c.start + 1), "was" | "is")
        && (c.start + 2..c.end).all(|i| {
            let w = s.word(i);
            matches!(
                w,
                "only" | "not" | "until" | "till" | "just" | "also" | "in" | "on" | "by" | "after"
            ) || w.chars().any(|ch| ch.is_ascii_digit())
                || crate::dates::month_number(w).is_some()
                || matches!(
                    w,
                    "early"
                        | "late"
                        | "mid"
                        | "spring"
                        | "summer"
                        | "autumn"
                        | "winter"
                        | "the"
                        | "of"
                )
        })
}

fn only_date_clause(c: &Range<usize>, s: &Sentence, dates: &[DateExpr]) -> bool {
    c.clone().any(|i| dates.iter().any(|d| d.toks.contains(&i)))
        && c.clone().all(|i| {
            dates.iter().any(|d| d.toks.contains(&i))
                || matches!(s.word(i), "c" | "c." | "in" | "," | "." | "ca" | "circa" | "by")
        })
}

/// The clauses with a relative clause ended where its sentence's verb comes back: "Lenin, who
/// had suffered his first stroke in May 1922, died at Gorki" cuts before "died", so that the date
/// after it is the main clause's, not the relative clause's.
pub(crate) fn with_relative_clauses_ended(
    clauses: &[Range<usize>],
    s: &Sentence,
    is_verb: impl Fn(&str) -> bool,
) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for c in clauses.iter().cloned() {
        let mut start = c.start;
        if matches!(s.word(c.start), "who" | "which") {
            for i in c.start + 2..c.end {
                if s.word(i - 1) == "," && is_verb(s.word(i)) && start == c.start {
                    out.push(start..i - 1);
                    start = i;
                }
            }
        }
        out.push(start..c.end);
    }
    out
}

/// The clauses with an aside between dashes joined to the subject before it and the verb after
/// it: in "the Gulag itself – the OGPU's Main Administration of Camps – was set up in 1930" the
/// dashes enclose a second name for the subject, and the sentence's verb comes after them.
pub(crate) fn with_dash_asides_joined(
    clauses: &[Range<usize>],
    s: &Sentence,
    is_verb: impl Fn(&str) -> bool,
) -> Vec<Range<usize>> {
    let dash_after = |c: &Range<usize>| c.end < s.toks.len() && matches!(s.word(c.end), "–" | "—");
    let verbless = |c: &Range<usize>| !c.clone().any(|i| is_verb(s.word(i)));
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut k = 0;
    while k < clauses.len() {
        let c = clauses[k].clone();
        if let [_, aside, rest, ..] = &clauses[k..] {
            let joined = dash_after(&c)
                && dash_after(aside)
                && s.word(c.end) == s.word(aside.end)
                && aside.start == c.end + 1
                && rest.start == aside.end + 1
                && verbless(&c)
                && verbless(aside)
                && is_verb(s.word(rest.start));
            if joined {
                out.push(c.start..rest.end);
                k += 3;
                continue;
            }
        }
        out.push(c);
        k += 1;
    }
    out
}

/// A heading that opens with a date and a colon or dash ("1923: the Tenth Congress",
/// "1917–18 – the Bolsheviks close the Assembly") dates what follows: the date's clause is
/// joined to the next.
pub(crate) fn with_heading_dates_joined(
    clauses: &[Range<usize>],
    s: &Sentence,
    dates: &[DateExpr],
) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = clauses.to_vec();
    if out.len() >= 2 {
        let first = out[0].clone();
        let only_date = first.clone().all(|i| dates.iter().any(|d| d.toks.contains(&i)));
        let mark = first.end < s.toks.len() && matches!(s.word(first.end), ":" | "–" | "—" | "-");
        if only_date && mark && first.start == 0 {
            let second = out.remove(1);
            out[0] = first.start..second.end;
        }
    }
    out
}

/// The clauses with a relative clause between commas joined to the clause it hangs on when a
/// bare date closes it: in "Lenin suffered the third stroke, which robbed him of speech, on 10
/// March 1923" the date after the aside's closing comma belongs to the main clause.
pub(crate) fn with_dated_asides_joined(
    clauses: &[Range<usize>],
    s: &Sentence,
    dates: &[DateExpr],
) -> Vec<Range<usize>> {
    joined_to_previous(clauses, |prev, c| {
        let relative = matches!(s.word(c.start), "which" | "who");
        let closed_by_date = (c.start..c.end).rfind(|&i| s.word(i) == ",").is_some_and(|comma| {
            let rest = comma + 1..c.end;
            let prep = rest.start < rest.end && matches!(s.word(rest.start), "on" | "in" | "at");
            let dated = |i: usize| dates.iter().any(|d| d.toks.contains(&i));
            prep && rest.clone().skip(1).any(dated)
                && rest.clone().skip(1).all(|i| dated(i) || matches!(s.word(i), "." | "!"))
        });
        relative && closed_by_date && prev.end + 1 == c.start
    })
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
