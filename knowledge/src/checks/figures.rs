//! `dubious-figure` (Warning) and `contested-figure` (Information): a number the student ties to
//! a quantity the fact base knows (`[[figure]]`: executions in the Terror, delegates to the 1934
//! Congress, Stakhanov's tonnes...) that no source supports, or that one source supports while
//! others disagree. Numbers carry an argument about the scale of the terror, so a wrong one
//! undermines it; a contested one should be cited.
//!
//! How a number is tied to a figure, with precision first (all of it general rules over the
//! figure's `unit`, `cues`, `subjects`, period and name; no figure is named in code):
//! - the number is read as written (`text::numbers`): hedges ("some", "over", "up to"), rounding
//!   ("2.9 million", "300,000"), ranges ("5 to 7 million"), parts ("three of the five"), ratios
//!   ("1 in 18"), percentages, "Bukharin, Rykov and 18 others". Years, dates, page and order
//!   numbers, footnote marks, ordinals and ages never count.
//! - its measure must fit the figure's unit: years, times, tonnes, per cent, ratio, or a count.
//! - a cue of the figure must be in the number's clause and belong to this number rather than to
//!   another one (the nearest number owns a cue, a number before the cue first; in "2,108 of the
//!   1,966 delegates ... were arrested" the whole, 1,966, owns only its noun, so "arrested" belongs
//!   to 2,108). Cues that only name who is counted ("members", "delegates") count only for
//!   figures with no other cues, and a figure whose cues name an event (executed, deaths) needs
//!   one of those unless its subject is named ("13 of 15 army commanders" is no count of survivors).
//! - the sentence must name one of the figure's subjects, use a multi-word cue no other figure
//!   has ("officer corps"), or carry a date within the figure's period with a cue close to the
//!   number; a date outside the period rules the figure out.
//! - a noun right after the number must fit the figure ("40 generals" is not a count of
//!   executions).
//!
//! A number that fits some attested value of some candidate figure is fine (contested when other
//! sources give different values). Only a number that conflicts with every value of every
//! candidate is dubious; the quick fix writes the best-supported value the way the student wrote
//! the number. A smaller number for part of a figure's period ("353,074 in 1937" of 1937-38) is
//! not a conflict, nor a larger one for a longer period when only the date tied it to the figure,
//! and a number wildly out of scale with the figure probably counts something else. A contested
//! match is not reported when the clause already says whose number it is ("according to",
//! "official records", a historian named).

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::grammar::clauses::cut_at_stops_and_bullets;
use super::wording::lower_first;
use super::{Check, SentenceCtx, SentenceOut};
use crate::base::date::DaySpan;
use crate::base::{format_number, Figure, FigureValue};
use crate::finding::{Code, CodeSpec, Finding, Fix, Related, Severity};
use crate::text::dates::Relation;
use crate::text::numbers::NumberExpr;
use crate::text::sentences::TokKind;
use crate::text::stopwords::is_function_word;

pub const DUBIOUS_FIGURE: CodeSpec = CodeSpec {
    code: Code::DubiousFigure,
    name: "dubious-figure",
    setting: "dubiousFigure",
    severity: Severity::Warning,
    description: "Flag numbers (deaths, members, output) that disagree with the fact base.",
};

pub const CONTESTED_FIGURE: CodeSpec = CodeSpec {
    code: Code::ContestedFigure,
    name: "contested-figure",
    setting: "contestedFigure",
    severity: Severity::Information,
    description: "Flag figures historians dispute, with the range of estimates.",
};

pub(crate) const CHECK: Check<Figures> = Check {
    codes: &[DUBIOUS_FIGURE, CONTESTED_FIGURE],
    runs_when_off: false,
    prepare: prepare_all,
    sentence: Some(check),
    document: None,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Measure {
    Count,
    Percent,
    Ratio,
    Years,
    Times,
    Tonnes,
    /// Some other measure ("hours", "roubles", "km"): never compared with a count.
    Other,
}

fn measure_word(w: &str) -> Option<Measure> {
    Some(match w {
        "years" | "year" => Measure::Years,
        "times" | "fold" => Measure::Times,
        "tonnes" | "tons" | "tonne" | "ton" => Measure::Tonnes,
        "percent" | "per" | "%" => Measure::Percent,
        "months" | "month" | "weeks" | "week" | "days" | "day" | "hours" | "hour" | "minutes"
        | "seconds" | "km" | "kilometres" | "kilometers" | "miles" | "roubles" | "rubles"
        | "dollars" | "pounds" | "hectares" | "acres" | "metres" | "meters" | "feet" | "pages"
        | "page" | "volumes" | "copies" | "th" | "st" | "nd" | "rd" => Measure::Other,
        _ => return None,
    })
}

fn unit_measure(unit: &str) -> Measure {
    match unit {
        "percent" | "per cent" | "%" => Measure::Percent,
        "fraction" | "ratio" | "share" => Measure::Ratio,
        u => match measure_word(u) {
            Some(Measure::Percent) => Measure::Percent,
            Some(m) => m,
            None => Measure::Count,
        },
    }
}

fn stem(w: &str) -> String {
    crate::text::stem::stem(w)
}

/// Words before a number that are not hedges but show it is not a quantity: "p. 45", "Order No.
/// 00447", "Article 58", "aged 45".
const NOT_QUANTITY_BEFORE: &[&str] = &[
    "p",
    "pp",
    "page",
    "pages",
    "no",
    "nos",
    "number",
    "article",
    "order",
    "chapter",
    "vol",
    "volume",
    "para",
    "paragraph",
    "section",
    "aged",
    "age",
    "#",
    "fig",
    "footnote",
    "note",
    "line",
    "item",
    "plate",
    "table",
    "appendix",
    "ch",
    "art",
];

/// Cue stems that name who is counted in too general a way to pick out one figure by themselves.
const GENERIC_CUES: &[&str] =
    &["member", "members", "people", "person", "persons", "men", "women", "other", "others"];

/// Units that name a group of people: a cue that only repeats them ("members") is weak.
const POPULATIONS: &[&str] = &["members", "delegates", "people", "persons"];

/// Nouns that fit any count of people.
fn is_people(w: &str) -> bool {
    matches!(
        w,
        "people"
            | "persons"
            | "person"
            | "men"
            | "women"
            | "individuals"
            | "victims"
            | "citizens"
            | "others"
            | "lives"
            | "souls"
            | "human"
            | "beings"
            | "more"
    )
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Hedge {
    Exact,
    Approx,
    /// "over", "more than", "at least"
    AtLeast,
    /// "up to", "as many as"
    UpTo,
    /// "nearly", "almost"
    Nearly,
    /// "under", "fewer than", "less than"
    Below,
}

fn hedge_before(ctx: &SentenceCtx, start: usize) -> Hedge {
    // "c. 700,000": look past the abbreviation's full stop.
    let start = if start >= 2
        && ctx.sentence.word(start - 1) == "."
        && matches!(ctx.sentence.word(start - 2), "c" | "ca" | "approx")
    {
        start - 1
    } else {
        start
    };
    let w = |k: usize| if start >= k { ctx.sentence.word(start - k) } else { "" };
    match (w(3), w(2), w(1)) {
        ("no", "more", "than") | (_, "up", "to") | (_, "many", "as") => Hedge::UpTo,
        (_, "more" | "greater", "than")
        | (_, "at", "least")
        | (_, "upwards" | "excess", "of")
        | (_, _, "over" | "above" | "exceeding") => Hedge::AtLeast,
        (_, "fewer" | "less", "than") | (_, _, "under" | "below") => Hedge::Below,
        (_, _, "nearly" | "almost") => Hedge::Nearly,
        (
            _,
            _,
            "some" | "about" | "around" | "approximately" | "roughly" | "c" | "ca" | "circa"
            | "perhaps" | "estimated" | "approx" | "~" | "possibly" | "maybe",
        ) => Hedge::Approx,
        _ => Hedge::Exact,
    }
}

/// A number in the sentence that may state a figure.
struct Num<'n> {
    expr: &'n NumberExpr,
    /// The interval of true values the student's wording allows.
    lo: f64,
    hi: f64,
    measure: Measure,
    /// The whole in "X of the Y": it owns only its own noun.
    whole: bool,
    clause: usize,
    /// "Bukharin, Rykov and 18 others": the people named beside the number, who may count too.
    named: Vec<usize>,
    /// For the part in "X of the Y": the token after the whole.
    whole_end: Option<usize>,
}

/// A number as written: digits ("681,692", "681 692", "1996"), a scale ("2.9 million"), words.
fn interval(ctx: &SentenceCtx, n: &NumberExpr) -> (f64, f64) {
    let text = ctx.text();
    let first = &text[ctx.sentence.toks[n.toks.start].range.clone()];
    let v = n.value;
    if n.ratio {
        return (v * 0.96, v * 1.04);
    }
    let (lo0, hi0) = (v, n.high.unwrap_or(v));
    // Rounding the student did: a scale word or trailing zeros.
    let digits = ctx.sentence.toks[n.toks.start].kind == TokKind::Number;
    let mut tol = (hi0 * 0.001).max(if v.fract() == 0.0 { 0.4 } else { 0.0 });
    if digits {
        // The digits written, without separators: how many trail as zeros.
        let written_digits = || first.bytes().filter(u8::is_ascii_digit);
        let decimals = first.split_once('.').map_or(0, |(_, d)| d.len());
        let scaled = n.approx && text[n.range.clone()].split_whitespace().count() > 1 && !n.percent;
        let trailing = written_digits().rev().take_while(|&b| b == b'0').count();
        if scaled {
            // "2.9 million": a unit of the last digit written (students cut 1,575,259 to "1.5
            // million" as often as they round it), at least a twentieth, at most a fifth.
            let scale = v / first.replace(',', "").parse::<f64>().unwrap_or(1.0).max(1e-9);
            let unit = scale * 10f64.powi(trailing as i32 - decimals as i32);
            tol = tol.max(unit.max(hi0 * 0.05).min(hi0 * 0.2));
        } else if v >= 1000.0 && trailing >= 2 && decimals == 0 {
            tol = tol.max(10f64.powi(trailing as i32).min(hi0 * 0.2));
        } else if decimals > 0 {
            tol = tol.max(0.5 * 10f64.powi(-(decimals as i32)));
        }
    } else if n.approx {
        // "a quarter of a million", "half a million"
        tol = tol.max(hi0 * 0.1);
    }
    if n.high.is_some() {
        tol = tol.max(hi0 * 0.05);
    }
    match hedge_before(ctx, n.toks.start) {
        Hedge::Exact => (lo0 - tol, hi0 + tol),
        Hedge::Approx => {
            let t = tol.max(hi0 * 0.12);
            (lo0 - t, hi0 + t)
        }
        Hedge::AtLeast => (lo0 - tol, hi0 * 2.5),
        Hedge::UpTo => (lo0 * 0.4, hi0 + tol),
        Hedge::Nearly => (lo0 * 0.8, hi0 + tol),
        Hedge::Below => (lo0 * 0.4, hi0 + tol),
    }
}

fn value_interval(x: &FigureValue) -> (f64, f64) {
    if x.approx {
        (x.low * 0.9, x.high * 1.1)
    } else {
        let t = (x.high.abs() * 0.001).max(if x.high.fract() == 0.0 && x.low.fract() == 0.0 {
            0.4
        } else {
            0.0
        });
        (x.low - t, x.high + t)
    }
}

/// The numbers worth comparing with figures, or none.
fn numbers<'n>(ctx: &'n SentenceCtx, clauses: &[Range<usize>]) -> Vec<Num<'n>> {
    let s = &ctx.sentence;
    let text = ctx.text();
    let mut out: Vec<Num> = Vec::new();
    for (k, n) in ctx.numbers.iter().enumerate() {
        if n.value <= 0.0
            || ctx.dates.iter().any(|d| d.range.start < n.range.end && n.range.start < d.range.end)
        {
            continue;
        }
        let (a, b) = (n.toks.start, n.toks.end);
        let written = &text[n.range.clone()];
        if ["one", "a", "an"].iter().any(|w| written.eq_ignore_ascii_case(w)) {
            continue;
        }
        let mut before = if a >= 1 { s.word(a - 1) } else { "" };
        if before == "." && a >= 2 {
            before = s.word(a - 2);
        }
        if NOT_QUANTITY_BEFORE.contains(&before)
            || (a >= 2 && s.word(a - 2) == "age" && before == "of")
        {
            continue;
        }
        let after = if b < s.toks.len() { s.word(b) } else { "" };
        let after2 = if b + 1 < s.toks.len() { s.word(b + 1) } else { "" };
        // Footnote markers "[3]", ordinals "17th", ages "45 years old", days "1 December".
        if (before == "[" && after == "]")
            || crate::text::dates::month_number(after).is_some()
            || (after2 == "old" && measure_word(after) == Some(Measure::Years))
            || after.ends_with("-old")
        {
            continue;
        }
        let measure = if n.ratio {
            Measure::Ratio
        } else if n.percent {
            Measure::Percent
        } else {
            measure_word(after).unwrap_or(Measure::Count)
        };
        let (lo, hi) = interval(ctx, n);
        let clause = clauses.iter().position(|c| c.contains(&a)).unwrap_or(0);
        let mut named: Vec<usize> = Vec::new();
        if matches!(after, "others" | "other") {
            for m in &ctx.mentions {
                let t = s.tok_at(ctx.rel(&m.range).start);
                if t < a
                    && clauses[clause].contains(&t)
                    && ctx.kb.entries[m.entry].kind == crate::base::Kind::Person
                    && !named.contains(&m.entry)
                {
                    named.push(m.entry);
                }
            }
        }
        // The whole in "X of the Y": the previous number's `of`, right before this one.
        let whole = k > 0 && {
            let p = &ctx.numbers[k - 1];
            p.of == Some(n.value) && !p.ratio && a <= p.toks.end + 3
        };
        out.push(Num { expr: n, lo, hi, measure, whole, clause, named, whole_end: None });
    }
    for k in 1..out.len() {
        if out[k].whole && out[k - 1].expr.of.is_some() {
            out[k - 1].whole_end = Some(out[k].expr.toks.end);
        }
    }
    out
}

/// A cue phrase as stems.
struct Cue {
    words: Vec<String>,
    /// The cue only names who is counted ("members", "delegates"): weak evidence.
    weak: bool,
    /// Ends in `*`: the last word matches any word starting so.
    wild: bool,
    /// A phrase of several words that only this figure uses ("officer corps", "party cards"):
    /// enough by itself to name the figure.
    phrase: bool,
    /// Names what happened (executed, deaths, arrests, production) rather than who is counted
    /// (commanders, members, marshals).
    event: bool,
}

/// A cue word that names an event or an act rather than a group of people.
fn is_event_word(w: &str) -> bool {
    ["ed", "ing", "tion", "tions", "sion", "sions", "ment", "ments"].iter().any(|s| w.ends_with(s))
        || matches!(
            w,
            "shot"
                | "hung"
                | "hang"
                | "withdrawn"
                | "sent"
                | "cut"
                | "hewn"
                | "death"
                | "deaths"
                | "arrest"
                | "arrests"
                | "toll"
                | "output"
                | "production"
                | "sentences"
                | "lasted"
                | "doubled"
                | "killings"
                | "shootings"
        )
}

/// A figure prepared once per knowledge base for matching.
struct Fig {
    measure: Measure,
    /// Some cue names an event: a number is tied to the figure by one of those, not by the
    /// group's name alone ("13 of 15 army commanders" is not a count of survivors).
    has_event: bool,
    cues: Vec<Cue>,
    /// Every cue is weak: a count of a population, not of an event.
    population: bool,
    /// Stems of the words of the name, count and unit (for nouns after the number).
    vocab: Vec<String>,
    /// Stems of the words of the name that are not cues and that no other figure's name uses
    /// ("third" in "Defendants at the third Moscow trial").
    name_words: Vec<String>,
}

fn prepare(f: &Figure) -> Fig {
    let unit = stem(&f.unit);
    let mut cues = Vec::new();
    for c in &f.cues {
        let c = c.to_lowercase();
        let wild = c.ends_with('*');
        let parts: Vec<&str> = c.trim_end_matches('*').split_whitespace().collect();
        // A wild last word is a prefix ("assassinat*"); the others are stemmed like the text.
        let words: Vec<String> = parts
            .iter()
            .enumerate()
            .map(
                |(k, w)| {
                    if wild && k + 1 == parts.len() {
                        w.to_string()
                    } else {
                        stem(w).to_string()
                    }
                },
            )
            .collect();
        if words.is_empty() {
            continue;
        }
        let unit_like = POPULATIONS.contains(&f.unit.as_str())
            && (words[0].starts_with(&unit) || unit.starts_with(words[0].as_str()));
        let weak = words.len() == 1 && (unit_like || GENERIC_CUES.contains(&words[0].as_str()));
        let event = c.trim_end_matches('*').split_whitespace().any(is_event_word);
        cues.push(Cue { words, weak, wild, phrase: false, event });
    }
    let population = cues.iter().all(|c| c.weak);
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|x| x.len() >= 3)
            .map(|x| stem(&x.to_ascii_lowercase()).to_string())
            .collect()
    };
    let mut vocab = words(&f.name);
    vocab.extend(words(&f.counts));
    vocab.extend(words(&f.unit));
    vocab.extend(cues.iter().filter(|c| c.words.len() == 1).map(|c| c.words[0].clone()));
    let name_words = f
        .name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| {
            w.len() >= 4
                && w.chars().all(char::is_alphabetic)
                && !is_function_word(w.to_ascii_lowercase().as_str())
        })
        .map(|w| stem(&w.to_ascii_lowercase()).to_string())
        .filter(|st| !cues.iter().any(|c| c.words.iter().any(|x| x == st)))
        .collect();
    let has_event = cues.iter().any(|c| c.event);
    Fig { measure: unit_measure(&f.unit), has_event, cues, population, vocab, name_words }
}

/// The prepared figures of one knowledge base, kept while that base lives.
pub(crate) struct Figures {
    figs: Vec<Fig>,
    /// The first word of every cue (not wild) to its (figure, cue) indices.
    by_first: FxHashMap<String, Vec<(usize, usize)>>,
    /// Cues ending in `*`.
    wild: Vec<(usize, usize)>,
}

pub(crate) fn prepare_all(kb: &crate::base::KnowledgeBase) -> Figures {
    let mut figs: Vec<Fig> = kb.figures.iter().map(prepare).collect();
    let mut uses: std::collections::HashMap<Vec<String>, usize> = Default::default();
    for f in &figs {
        for c in &f.cues {
            *uses.entry(c.words.clone()).or_default() += 1;
        }
    }
    // How many figures' names use each word (cue or not).
    let mut named: std::collections::HashMap<String, usize> = Default::default();
    for f in &kb.figures {
        let mut seen: Vec<String> = Vec::new();
        for w in f.name.split(|c: char| !c.is_alphanumeric()).filter(|w| w.len() >= 4) {
            let st = stem(&w.to_ascii_lowercase()).to_string();
            if !seen.contains(&st) {
                *named.entry(st.clone()).or_default() += 1;
                seen.push(st);
            }
        }
    }
    for f in &mut figs {
        for c in &mut f.cues {
            c.phrase = c.words.len() >= 2 && !c.wild && uses[&c.words] == 1;
        }
        // Only a word no other figure's name uses tells the figures apart ("third", not "purge").
        f.name_words.retain(|w| named.get(w).is_some_and(|n| *n == 1));
    }
    let mut by_first: FxHashMap<String, Vec<(usize, usize)>> = Default::default();
    let mut wild = Vec::new();
    for (fi, f) in figs.iter().enumerate() {
        for (ci, c) in f.cues.iter().enumerate() {
            if c.wild && c.words.len() == 1 {
                wild.push((fi, ci));
            } else {
                by_first.entry(c.words[0].clone()).or_default().push((fi, ci));
            }
        }
    }
    Figures { figs, by_first, wild }
}

/// Where a cue occurs in the sentence (token range) and what kind of cue it is.
#[derive(Clone, Copy)]
struct Occ {
    start: usize,
    end: usize,
    weak: bool,
    phrase: bool,
    event: bool,
}

/// Does the cue phrase start at token `i`?
fn cue_at(ctx: &SentenceCtx, stems: &[String], i: usize, cue: &Cue) -> Option<usize> {
    let wild = cue.wild;
    let cue = &cue.words;
    for (k, w) in cue.iter().enumerate() {
        let j = i + k;
        if j >= stems.len() || ctx.sentence.toks[j].kind != TokKind::Word {
            return None;
        }
        let ok = if wild && k + 1 == cue.len() {
            ctx.sentence.word(j).starts_with(w.as_str())
        } else {
            stems[j] == w.as_str()
        };
        if !ok {
            return None;
        }
    }
    Some(i + cue.len())
}

/// How a candidate figure fits a number.
struct Cand<'k> {
    fig: &'k Figure,
    score: i32,
    /// One of its subjects, a word of its name or a phrase of its own is in the sentence.
    subject: bool,
    /// The share of the figure's period the sentence's date covers (1.0 with no date): below
    /// one, the student may be counting part of it.
    part: f64,
    /// The share of the sentence's date that falls in the figure's period: below one, the student
    /// may be counting more than it.
    whole: f64,
    /// The first token of the date that placed the figure, if any.
    date_tok: Option<usize>,
    /// People named beside "N others" who count in this figure.
    extra: f64,
}

fn fits(lo: f64, hi: f64, x: &FigureValue) -> bool {
    let (a, b) = value_interval(x);
    lo <= b && a <= hi
}

/// Who gives a value: "Robert Conquest", "NKVD records ...; essay 002".
fn who(ctx: &SentenceCtx, x: &FigureValue) -> String {
    let mut parts = Vec::new();
    if !x.source.is_empty() {
        parts.push(ctx.kb.source_name(&x.source));
    }
    if let Some(e) = &x.essay {
        parts.push(format!("essay {e}"));
    }
    if parts.is_empty() {
        parts.push("unattributed".into());
    }
    parts.join("; ")
}

fn describe(f: &Figure, x: &FigureValue) -> String {
    if unit_measure(&f.unit) == Measure::Ratio && x.low == x.high && x.low > 0.0 && x.low < 1.0 {
        return format!("1 in {}", (1.0 / x.low).round());
    }
    let v = x.describe();
    if x.approx {
        format!("about {v}")
    } else {
        v
    }
}

/// "681,692 (NKVD records ...); about 1,000,000 (Robert Conquest; essay 002)", equal values merged.
fn value_list(ctx: &SentenceCtx, f: &Figure) -> String {
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for x in &f.values {
        let d = describe(f, x);
        let w = who(ctx, x);
        match groups.iter_mut().find(|g| g.0 == d) {
            Some(g) => {
                if !g.1.contains(&w) {
                    g.1.push(w)
                }
            }
            None => groups.push((d, vec![w])),
        }
    }
    groups.iter().map(|(d, w)| format!("{d} ({})", w.join("; "))).collect::<Vec<_>>().join("; ")
}

fn period(f: &Figure) -> String {
    f.when.map_or(String::new(), |w| format!(" ({w})"))
}

/// `value` written the way the student wrote `n`: "1,108", "1 108", "2 million", "three", "1 in 18".
fn written_like(ctx: &SentenceCtx, n: &NumberExpr, x: &FigureValue) -> String {
    let text = &ctx.text()[n.range.clone()];
    let lower = text.to_ascii_lowercase();
    if n.ratio {
        let den = (1.0 / x.low.max(1e-9)).round();
        let num = &text[..text.find(|c: char| c.is_whitespace()).unwrap_or(text.len())];
        return format!("{num} in {}", den as u64);
    }
    let suffix = if n.percent {
        if lower.ends_with("per cent") {
            " per cent"
        } else if lower.ends_with("percent") {
            " percent"
        } else {
            "%"
        }
    } else {
        ""
    };
    let scale = [("billion", 1e9), ("million", 1e6), ("thousand", 1e3)]
        .into_iter()
        .find(|(w, _)| lower.split_whitespace().any(|t| t == *w));
    let digits = ctx.sentence.toks[n.toks.start].kind == TokKind::Number;
    let first = &text[..ctx.sentence.toks[n.toks.start].range.end - n.range.start];
    let sep = if first.contains(',') {
        Some(",")
    } else if text.contains('\u{202f}') {
        Some("\u{202f}")
    } else if text.contains('\u{a0}') {
        Some("\u{a0}")
    } else if digits
        && n.toks.len() > 1
        && ctx.sentence.toks[n.toks.start + 1].kind == TokKind::Number
    {
        Some(" ")
    } else if digits && first.len() >= 4 {
        None
    } else {
        Some(",")
    };
    let one = |v: f64| -> String {
        if let Some((w, s)) = scale {
            if v >= s {
                let m = v / s;
                let m = if (m * 10.0).fract() == 0.0 {
                    format!("{}", (m * 10.0).round() / 10.0)
                } else {
                    format!("{:.2}", m).trim_end_matches('0').to_string()
                };
                return format!("{m} {w}");
            }
        }
        if !digits && v.fract() == 0.0 && v <= 20.0 {
            const WORDS: [&str; 21] = [
                "zero",
                "one",
                "two",
                "three",
                "four",
                "five",
                "six",
                "seven",
                "eight",
                "nine",
                "ten",
                "eleven",
                "twelve",
                "thirteen",
                "fourteen",
                "fifteen",
                "sixteen",
                "seventeen",
                "eighteen",
                "nineteen",
                "twenty",
            ];
            let w = WORDS[v as usize];
            return if text.starts_with(|c: char| c.is_uppercase()) {
                format!("{}{}", w[..1].to_uppercase(), &w[1..])
            } else {
                w.to_string()
            };
        }
        let s = format_number(v);
        match sep {
            Some(",") => s,
            Some(other) => s.replace(',', other),
            None => s.replace(',', ""),
        }
    };
    if x.low == x.high {
        format!("{}{suffix}", one(x.low))
    } else {
        format!("{} to {}{suffix}", one(x.low), one(x.high))
    }
}

/// The value a fix should suggest: the closest one with a source other than an essay alone.
fn best_value<'f>(f: &'f Figure, v: f64) -> &'f FigureValue {
    let dist = |x: &FigureValue| {
        let mid = (x.low + x.high) / 2.0;
        (mid.max(1e-9) / v.max(1e-9)).ln().abs()
    };
    let sourced = f.values.iter().filter(|x| !x.source.is_empty());
    let pick = |it: &mut dyn Iterator<Item = &'f FigureValue>| {
        it.min_by(|a, b| dist(a).total_cmp(&dist(b)))
    };
    pick(&mut sourced.into_iter()).or_else(|| pick(&mut f.values.iter())).unwrap_or(&f.values[0])
}

fn check(ctx: &SentenceCtx, prep: &Figures, out: &mut SentenceOut) {
    if ctx.numbers.is_empty() || ctx.kb.figures.is_empty() {
        return;
    }
    let clauses = cut_at_stops_and_bullets(ctx.clauses(), &ctx.sentence, ctx.text());
    let nums = numbers(ctx, &clauses);
    if nums.is_empty() {
        return;
    }
    let s = &ctx.sentence;
    let ntok = s.toks.len();
    let stems: Vec<String> = (0..ntok).map(|i| stem(s.word(i))).collect();
    // Tokens no cue may use: inside a number, or the measure word right after one.
    let mut blocked = vec![false; ntok];
    for n in &ctx.numbers {
        for b in blocked.iter_mut().take(n.toks.end.min(ntok)).skip(n.toks.start) {
            *b = true;
        }
        if n.toks.end < ntok
            && measure_word(s.word(n.toks.end)).is_some_and(|m| m != Measure::Other)
        {
            blocked[n.toks.end] = true;
        }
    }
    let clause_of_tok = |t: usize| clauses.iter().position(|c| c.contains(&t)).unwrap_or(0);
    let subjects: Vec<usize> = ctx.mentions.iter().map(|m| m.entry).collect();

    // Owner of a cue occurrence: the nearest number in its clause, a number before the cue first
    // ("13 of 15 army commanders and 50 of 57 corps commanders"); a whole only owns its noun.
    let owner = |a: usize, b: usize, weak: bool| -> Option<usize> {
        let c = clause_of_tok(a);
        let mut best: Option<(f64, usize)> = None;
        for (k, n) in nums.iter().enumerate() {
            if n.clause != c {
                continue;
            }
            let d = if a >= n.expr.toks.end {
                (a - n.expr.toks.end) as f64
            } else if b <= n.expr.toks.start {
                (n.expr.toks.start - b) as f64 + 3.0
            } else {
                continue;
            };
            // A whole owns only the noun right after it ("the 1,966 delegates", "139 Central Committee members").
            let e = n.expr.toks.end;
            if n.whole && !(weak && (a == e || (a == e + 1 && !is_function_word(s.word(e))))) {
                continue;
            }
            if d > 12.0 {
                continue;
            }
            if best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, k));
            }
        }
        best.map(|b| b.1)
    };

    // Every cue occurrence of every figure, found once: (start, end, weak) per figure.
    let mut occ: Vec<Vec<Occ>> = vec![Vec::new(); prep.figs.len()];
    let mut add = |fi: usize, ci: usize, i: usize| {
        let cue = &prep.figs[fi].cues[ci];
        if let Some(end) = cue_at(ctx, &stems, i, cue) {
            if !blocked[i..end].iter().any(|b| *b) {
                // One occurrence per starting word, the longest cue ("officer corps" over "officer").
                let o = Occ { start: i, end, weak: cue.weak, phrase: cue.phrase, event: cue.event };
                match occ[fi].iter_mut().find(|o| o.start == i) {
                    Some(x) if x.end < end => *x = o,
                    Some(_) => {}
                    None => occ[fi].push(o),
                }
            }
        }
    };
    for (i, tok) in s.toks.iter().enumerate() {
        if tok.kind != TokKind::Word {
            continue;
        }
        if let Some(list) = prep.by_first.get(&stems[i]) {
            for &(fi, ci) in list {
                add(fi, ci, i);
            }
        }
        for &(fi, ci) in &prep.wild {
            add(fi, ci, i);
        }
    }

    for (k, n) in nums.iter().enumerate() {
        let mut cands: Vec<Cand> = Vec::new();
        for (fi, fig) in prep.figs.iter().enumerate() {
            let f = &ctx.kb.figures[fi];
            if f.values.is_empty() || occ[fi].is_empty() {
                continue;
            }
            let compatible = fig.measure == n.measure
                || (n.measure == Measure::Times
                    && fig.measure == Measure::Count
                    && f.cues.iter().any(|c| c == "times"));
            if !compatible {
                continue;
            }
            // Cues this number owns.
            let mut strong = 0usize;
            let mut weak = 0usize;
            let mut adjacent = false;
            // Some cue is close to the number (within four words), or follows its whole.
            let mut near = false;
            let whole_next = n
                .whole_end
                .is_some_and(|e| fig.cues.iter().any(|c| cue_at(ctx, &stems, e, c).is_some()));
            let mut phrase_near = false;
            let mut event = false;
            for o in &occ[fi] {
                if owner(o.start, o.end, o.weak) != Some(k) {
                    continue;
                }
                if o.weak {
                    weak += 1;
                } else {
                    strong += 1;
                }
                let end = n.expr.toks.end;
                adjacent |= o.start == end || o.start == end + 1;
                let dist = if o.start >= end {
                    o.start - end
                } else {
                    n.expr.toks.start.saturating_sub(o.end)
                };
                near |= dist <= 4;
                phrase_near |= o.phrase && dist <= 6;
                event |= o.event;
            }
            let cued = if n.whole {
                fig.population && weak > 0
            } else {
                strong > 0 || (fig.population && weak > 0)
            };
            if !cued {
                continue;
            }
            // Period: any date in the number's clause (else the sentence) within it; the nearest wins.
            let clause = &clauses[n.clause];
            let in_clause: Vec<_> =
                ctx.dates.iter().filter(|d| clause.contains(&d.toks.start)).collect();
            let dates = if in_clause.is_empty() { ctx.dates.iter().collect() } else { in_clause };
            let mut part = 1.0;
            let mut whole = 1.0;
            let mut dated = false;
            let mut date_tok = None;
            if !dates.is_empty() {
                let Some(when) = f.when else { continue };
                let fs = when.span();
                let mut best: Option<(usize, f64, f64, usize)> = None;
                for d in &dates {
                    let mut sp = d.span;
                    if d.approx {
                        sp = DaySpan::new(sp.lo - 366, sp.hi + 366);
                    }
                    // "by 1939": a total reached then, so the period must end within a year before;
                    // "after 1924": the period must start then or soon after.
                    let (of_fig, of_date) = match d.relation {
                        Relation::In => {
                            if !sp.overlaps(&fs) {
                                continue;
                            }
                            let inter = (sp.hi.min(fs.hi) - sp.lo.max(fs.lo) + 1) as f64;
                            (inter / (fs.hi - fs.lo + 1) as f64, inter / (sp.hi - sp.lo + 1) as f64)
                        }
                        Relation::ByEnd => {
                            if fs.lo > sp.hi || fs.hi < sp.lo - 366 {
                                continue;
                            }
                            (1.0, 1.0)
                        }
                        Relation::After => {
                            if fs.hi < sp.lo || fs.lo > sp.hi + 366 {
                                continue;
                            }
                            (1.0, 1.0)
                        }
                    };
                    let dist = d.toks.start.abs_diff(n.expr.toks.start);
                    if best.is_none_or(|(bd, _, _, _)| dist < bd) {
                        best = Some((dist, of_fig, of_date, d.toks.start));
                    }
                }
                let Some((_, of_fig, of_date, t)) = best else { continue };
                part = of_fig;
                whole = of_date;
                dated = true;
                date_tok = Some(t);
            }
            let subject = f.subjects.iter().any(|s| subjects.contains(s));
            if !subject && !dated && !phrase_near {
                continue;
            }
            // Without a subject or a phrase of its own, the date and a cue must be specific: the cue
            // near the number and the date within the figure's period, or a word of the figure's
            // name in the sentence.
            let named = name_word(&stems, &blocked, fig);
            if !subject && !phrase_near && !((near || whole_next) && (whole >= 0.9 || named)) {
                continue;
            }
            // Unless the sentence names the figure's subject, it must say what happened to those
            // counted, when the figure says it.
            if fig.has_event && !event && !subject && !named {
                continue;
            }
            // The sentence names the figure itself, not only its cue and period.
            let identified = subject || named || phrase_near;
            if n.measure == Measure::Count && !noun_fits(ctx, &stems, n.expr.toks.end, fig) {
                continue;
            }
            let date_score = if dated { 1 + (2.0 * part.min(whole)).round() as i32 } else { 0 };
            let score = 2 * strong as i32
                + weak as i32
                + if adjacent { 2 } else { 0 }
                + if subject { 2 } else { 0 }
                + if identified && !subject { 1 } else { 0 }
                + date_score;
            // "Bukharin, Rykov and 18 others" were 20 defendants; "Tukhachevsky and seven others"
            // are the seven tried with him.
            let extra = n.named.iter().filter(|e| !f.subjects.contains(e)).count() as f64;
            cands.push(Cand { fig: f, score, subject: identified, part, whole, date_tok, extra });
        }
        if cands.is_empty() {
            continue;
        }
        cands.sort_by_key(|c| std::cmp::Reverse(c.score));
        decide(ctx, n, clauses[n.clause].clone(), &cands, &mut out.findings);
    }
}

/// Does the sentence use a distinctive word of the figure's name ("Congress" for "Delegates of
/// the 1934 Congress arrested"), other than its cues?
fn name_word(stems: &[String], blocked: &[bool], fig: &Fig) -> bool {
    fig.name_words.iter().any(|w| (0..stems.len()).any(|i| !blocked[i] && stems[i] == w.as_str()))
}

/// Does the noun after a count fit the figure? "681,692 executions", "8,389 people", "1 million
/// party members" do; "40 generals" does not fit executions in general.
fn noun_fits(ctx: &SentenceCtx, stems: &[String], at: usize, fig: &Fig) -> bool {
    let s = &ctx.sentence;
    let word = |i: usize| (i < s.toks.len() && s.toks[i].kind == TokKind::Word).then(|| s.word(i));
    let Some(w1) = word(at) else { return true };
    if is_function_word(w1) {
        return true;
    }
    let known = |i: usize| is_people(s.word(i)) || fig.vocab.iter().any(|v| *v == stems[i]);
    known(at) || word(at + 1).is_some() && known(at + 1)
}

fn decide(
    ctx: &SentenceCtx,
    n: &Num,
    clause: Range<usize>,
    cands: &[Cand],
    out: &mut Vec<Finding>,
) {
    let text = ctx.text();
    let fits = |c: &Cand, x: &FigureValue| {
        fits(n.lo, n.hi, x) || (c.extra > 0.0 && fits(n.lo + c.extra, n.hi + c.extra, x))
    };
    let written = |c: &Cand| {
        if c.extra > 0.0 {
            format!(
                "{} others ({} in all)",
                &text[n.expr.range.clone()],
                format_number(n.expr.value + c.extra)
            )
        } else {
            text[n.expr.range.clone()].to_string()
        }
    };
    // Fits every value of some figure: nothing to say.
    // (Values an essay alone gives do not count against a number the sources all support: 1,966
    // delegates is right even though one essay says 1,996.)
    let sourced = |x: &&FigureValue| !x.source.is_empty();
    if cands.iter().any(|c| {
        c.fig.values.iter().all(|x| fits(c, x)) || {
            let mut s = c.fig.values.iter().filter(sourced).peekable();
            s.peek().is_some() && s.all(|x| fits(c, x))
        }
    }) {
        return;
    }
    // Fits some value: sources disagree.
    if let Some(c) = cands.iter().find(|c| c.fig.values.iter().any(|x| fits(c, x))) {
        if attributed(ctx, clause) {
            return;
        }
        let f = c.fig;
        let agree: Vec<String> =
            f.values.iter().filter(|x| fits(c, x)).map(|x| who(ctx, x)).collect();
        let lo = f.values.iter().map(|x| x.low).fold(f64::MAX, f64::min);
        let hi = f.values.iter().map(|x| x.high).fold(f64::MIN, f64::max);
        let msg = format!(
            "Sources disagree on {}{}: from {} to {}: {}. Your {} matches {}; say whose figure you use.",
            lower_first(&f.name),
            period(f),
            format_number(lo),
            format_number(hi),
            value_list(ctx, f),
            written(c),
            agree.join(" and ")
        );
        let mut finding = CONTESTED_FIGURE.finding(ctx.abs(&n.expr.range), msg);
        finding.related = related(ctx, f);
        out.push(finding);
        return;
    }
    let v = (n.lo.max(0.0) + n.hi) / 2.0;
    // Far out of scale: probably a count of something else.
    let scale = |c: &Cand| {
        c.fig
            .values
            .iter()
            .map(|x| ((x.low + x.high) / 2.0 / v.max(1e-9)).ln().abs())
            .fold(f64::MAX, f64::min)
            .exp()
    };
    let limit = |c: &Cand| if c.subject && c.score >= 8 { 100.0 } else { 12.0 };
    let fair: Vec<&Cand> = cands.iter().filter(|c| scale(c) <= limit(c)).collect();
    let Some(top) = fair.iter().map(|c| c.score).max() else { return };
    let top: Vec<&&Cand> = fair.iter().filter(|c| c.score == top).collect();
    // A smaller number for part of a figure's period is a part, a larger one for a longer period
    // may include more: neither is a conflict.
    let below = |c: &Cand| c.fig.values.iter().all(|x| n.hi + c.extra < value_interval(x).0);
    let above = |c: &Cand| c.fig.values.iter().all(|x| n.lo > value_interval(x).1);
    // Only counts add up over time; a figure found through its subject is what the student means.
    // In "89 of the 139 members elected in 1934 were shot" the date belongs to the whole, not to
    // the shooting: it does not make 89 a part of the period.
    let dates_whole = |c: &Cand| n.whole_end.zip(c.date_tok).is_some_and(|(w, d)| d >= w);
    // "the 1933 purge", "the 1934 Congress": the date names the event, it does not pick a part of
    // its period.
    let names_event = |c: &Cand| {
        c.date_tok.is_some_and(|d| {
            let expr = ctx.dates.iter().find(|x| x.toks.start == d);
            let before = if d > 0 { ctx.sentence.word(d - 1) } else { "" };
            let after = expr.map_or(d + 1, |x| x.toks.end);
            matches!(before, "the" | "a" | "an" | "this" | "that" | "its" | "his" | "their")
                && after < ctx.sentence.toks.len()
                && ctx.sentence.toks[after].kind == TokKind::Word
        })
    };
    if n.measure == Measure::Count
        && top.iter().any(|c| {
            (c.part < 0.75 && below(c) && !dates_whole(c) && !names_event(c))
                || (!c.subject && c.whole < 0.75 && above(c))
        })
    {
        return;
    }
    let Some(c) = top.into_iter().min_by(|a, b| scale(a).total_cmp(&scale(b))) else { return };
    let f = c.fig;
    let best = best_value(f, v);
    let msg = format!(
        "{} does not match any figure the fact base has for {}{}: {}.",
        written(c),
        lower_first(&f.name),
        period(f),
        value_list(ctx, f)
    );
    let mut finding = DUBIOUS_FIGURE.finding(ctx.abs(&n.expr.range), msg);
    let shown = FigureValue { low: best.low - c.extra, high: best.high - c.extra, ..best.clone() };
    let replacement = written_like(ctx, n.expr, &shown);
    if replacement != text[n.expr.range.clone()] {
        finding.fixes.push(Fix {
            title: format!("Change to {replacement} ({})", who(ctx, best)),
            range: ctx.abs(&n.expr.range),
            replacement,
        });
    }
    finding.related = related(ctx, f);
    out.push(finding);
}

/// Words by which a sentence says whose number it gives.
fn is_attribution(w: &str) -> bool {
    matches!(
        w,
        "according"
            | "official"
            | "officially"
            | "record"
            | "records"
            | "recorded"
            | "archives"
            | "archival"
            | "archive"
            | "estimate"
            | "estimates"
            | "estimated"
            | "claim"
            | "claims"
            | "claimed"
            | "argue"
            | "argues"
            | "argued"
            | "suggest"
            | "suggests"
            | "suggested"
            | "calculate"
            | "calculates"
            | "calculated"
            | "count"
            | "counts"
            | "counted"
            | "figure"
            | "figures"
            | "statistics"
            | "data"
            | "report"
            | "reports"
            | "reported"
            | "say"
            | "says"
            | "said"
            | "write"
            | "writes"
            | "wrote"
            | "cite"
            | "cites"
            | "cited"
            | "believe"
            | "believes"
            | "state"
            | "states"
            | "stated"
            | "census"
            | "historian"
            | "historians"
            | "told"
            | "announced"
            | "admitted"
    )
}

/// Does the sentence say whose number it is ("according to Conquest", "official records")?
fn attributed(ctx: &SentenceCtx, clause: Range<usize>) -> bool {
    (0..ctx.sentence.toks.len()).any(|i| ctx.sentence.word(i) == "according")
        || clause.into_iter().any(|i| is_attribution(ctx.sentence.word(i)))
        || ctx.mentions.iter().any(|m| {
            ctx.kb.entries[m.entry].subkind == "historian"
                || ctx.kb.entries[m.entry].kind == crate::base::Kind::Person
                    && ctx
                        .kb
                        .figures
                        .iter()
                        .any(|f| f.values.iter().any(|x| x.source == ctx.kb.entries[m.entry].id))
        })
}

fn related(ctx: &SentenceCtx, f: &Figure) -> Vec<Related> {
    let counts = Related { message: format!("{}: {}", f.name, f.counts), range: None };
    std::iter::once(counts)
        .chain(f.values.iter().map(|x| {
            let mut m = format!("{}: {}", who(ctx, x), describe(f, x));
            if !x.note.is_empty() {
                m.push_str(&format!(" ({})", x.note));
            }
            Related { message: m, range: None }
        }))
        .collect()
}

#[cfg(test)]
mod tests {
    use expect_test::{expect, Expect};

    use crate::analysis::analyze_block;
    use crate::checks::testing::{kb, marked_with_notes};
    use crate::{Code, Config};

    fn render(text: &str) -> String {
        marked_with_notes(text, &Config::default(), |f| match f.code {
            Code::DubiousFigure => Some(("[!", "]")),
            Code::ContestedFigure => Some(("[?", "]")),
            _ => None,
        })
    }

    /// Marks dubious figures `[!..]` and contested ones `[?..]`, then lists messages and fixes.
    fn check(text: &str, expect: Expect) {
        expect.assert_eq(&render(text));
    }

    /// Texts that must draw no dubious-figure warning (a contested-figure note is allowed).
    fn clean(texts: &[&str]) {
        for t in texts {
            let res = analyze_block(kb(), t, &Config::default());
            let bad: Vec<&str> = res
                .findings
                .iter()
                .filter(|f| f.code == Code::DubiousFigure)
                .map(|f| f.message.as_str())
                .collect();
            assert!(bad.is_empty(), "false alarm on {t:?}: {bad:?}");
        }
    }

    /// Each text on its own, rendered as by `check`, one after another.
    fn check_each(texts: &[&str], expect: Expect) {
        expect.assert_eq(&texts.iter().map(|t| render(t)).collect::<Vec<_>>().join("\n\n"));
    }

    #[test]
    fn flags_figures_no_source_gives() {
        check(
            "Official figures record 68,169 executions in 1937-38.",
            expect![[r#"
            Official figures record [!68,169] executions in 1937-38.
            68,169 does not match any figure the fact base has for executions in the Great Terror (1937–1938): 681,692 (NKVD records opened in the 1990s (353,074 in 1937 and 328,618 in 1938); essay 002); about 1,000,000 (Robert Conquest; essay 002). -> 681,692"#]],
        );
        check(
            "Some 2,108 of the 1,966 delegates to the 1934 Congress were arrested.",
            expect![[r#"
            Some [!2,108] of the 1,966 delegates to the 1934 Congress were arrested.
            2,108 does not match any figure the fact base has for delegates of the 1934 Congress arrested (1934–1939): 1,108 (Khrushchev's Secret Speech (1956); essay 002). -> 1,108"#]],
        );
    }

    #[test]
    fn reads_numbers_as_written() {
        check_each(
            &[
                "Stakhanov cut 120 tonnes of coal in 1935.",
                "Stalin was arrested six times before 1914.",
                "In 1922 industrial production was at only 45% of pre-war levels.",
                "Lenin demanded the hanging of a thousand kulaks in 1918.",
                "The Lenin Levy brought half a million new members into the party in 1924.",
                "Party membership rose from 200,000 in 1922 to 600,000 in 1925.",
                "Khrushchev revealed that 89 of the 139 members of the Central Committee elected in 1934 were shot.",
                "The famine of 1932-33 killed around 17 million people.",
                "The NKVD arrested 15 million people in 1937-38.",
                "After only three years of the NEP, Stalin abandoned it in 1928.",
                "During the Great Terror 1 in 8 of the population were arrested.",
                "Four of the five marshals were shot in 1937-39.",
                "750 of 80 members of the Supreme Military Council were killed.",
                "Half of the officer corps, amounting to 350,000, were either imprisoned or killed.",
                "In a third show trial (1938) Bukharin and Rykov and 180 others were accused.",
                "Yezhov had 2,594,500 people arrested between August and November 1937.",
                "A further 57,200 were arrested in March 1938, of which 480,000 were shot.",
                "In 1937-38 about 1.5 million people were arrested and 68,000 were shot.",
                "In 1918 and early 1919 the Cheka shot 83,890 people.",
                "During the 1933 purge 85,430 party cards were withdrawn.",
                "Stakhanov's record of 102 tonnes was forty times the norm.",
                "Stalin received only 30 votes against him at the Seventeenth Congress in 1934.",
                "In 1936 twelve defendants, including Zinoviev and Kamenev, were shot after the first Moscow trial.",
            ],
            expect![[r#"
                Stakhanov cut [!120] tonnes of coal in 1935.
                120 does not match any figure the fact base has for Stakhanov's record output (31 August 1935): 102 (the record as officially announced, 31 August 1935); 12 (essay 002). -> 102

                Stalin was arrested [!six] times before 1914.
                six does not match any figure the fact base has for Stalin's arrests before 1914 (1902–1913): 8 (essay 002). -> eight

                In 1922 industrial production was at only [!45%] of pre-war levels.
                45% does not match any figure the fact base has for industrial output at the end of the civil war (1922): about 25 (essay 001). -> 25%

                Lenin demanded the hanging of [!a thousand] kulaks in 1918.
                a thousand does not match any figure the fact base has for Kulaks to be hanged under Lenin's order of August 1918 (August 1918): 100 (Lenin's telegram to the Penza Bolsheviks, 11 August 1918; essay 004). -> 100

                The Lenin Levy brought [!half a million] new members into the party in 1924.
                half a million does not match any figure the fact base has for recruits of the Lenin Levy (1924): about 250,000 (essay 001). -> 250,000

                Party membership rose from [!200,000] in 1922 to 600,000 in 1925.
                200,000 does not match any figure the fact base has for party membership in 1922 (1922): about 300,000 (essay 002). -> 300,000

                Khrushchev revealed that [!89] of the 139 members of the Central Committee elected in 1934 were shot.
                89 does not match any figure the fact base has for Central Committee of 1934 shot (1934–1939): 98 (Khrushchev's Secret Speech (1956)). -> 98

                The famine of 1932-33 killed around [!17 million] people.
                17 million does not match any figure the fact base has for deaths in the famine of 1932-33 (1932–1933): about 7,000,000 (Robert Conquest); 5,500,000–6,500,000 (R. W. Davies and S. G. Wheatcroft, The Years of Hunger (2004)). -> 7 million

                The NKVD arrested [!15 million] people in 1937-38.
                15 million does not match any figure the fact base has for arrests in the Great Terror (1937–1938): 1,575,259 (NKVD arrest statistics for 1937-38 (report of 1953, published in the 1990s)); 5,000,000–7,000,000 (essay 002). -> 1.58 million

                After only [!three] years of the NEP, Stalin abandoned it in 1928.
                three does not match any figure the fact base has for length of NEP (1921–1928): 7 (essay 004). -> seven

                During the Great Terror [!1 in 8] of the population were arrested.
                1 in 8 does not match any figure the fact base has for share of the population arrested in the Terror (1936–1939): 1 in 18 (essay 002). -> 1 in 18

                [!Four] of the five marshals were shot in 1937-39.
                Four does not match any figure the fact base has for marshals purged (1937–1939): 3 (Tukhachevsky (shot 1937), Blyukher (died under interrogation 1938), Yegorov (shot 1939); essay 002). -> Three

                [!750] of 80 members of the Supreme Military Council were killed.
                750 does not match any figure the fact base has for members of the Military Council killed (1937–1938): 75 (essay 002). -> 75

                Half of the officer corps, amounting to [!350,000], were either imprisoned or killed.
                350,000 does not match any figure the fact base has for officers purged in 1937-38 (1937–1938): about 35,000 (Robert Conquest; essay 002). -> 35,000

                In a third show trial (1938) Bukharin and Rykov and [!180] others were accused.
                180 others (182 in all) does not match any figure the fact base has for defendants at the third Moscow trial (March 1938): 21 (trial record); 20 (essay 002). -> 19

                Yezhov had [!2,594,500] people arrested between August and November 1937.
                2,594,500 does not match any figure the fact base has for arrests from August to November 1937 (August 1937–November 1937): 259,450 (essay 002). -> 259,450

                A further 57,200 were arrested in March 1938, of which [!480,000] were shot.
                480,000 does not match any figure the fact base has for extra quota of executions in early 1938 (January 1938–March 1938): 48,000 (essay 002). -> 48,000

                In 1937-38 about 1.5 million people were arrested and [!68,000] were shot.
                68,000 does not match any figure the fact base has for executions in the Great Terror (1937–1938): 681,692 (NKVD records opened in the 1990s (353,074 in 1937 and 328,618 in 1938); essay 002); about 1,000,000 (Robert Conquest; essay 002). -> 681,692

                In 1918 and early 1919 the Cheka shot [!83,890] people.
                83,890 does not match any figure the fact base has for Cheka executions, 1918-19 (1918–1919): 8,389 (Cheka official Martin Latsis's published count (1920); essay 000). -> 8,389

                During the 1933 purge [!85,430] party cards were withdrawn.
                85,430 does not match any figure the fact base has for expulsions in the party purge of 1933-34 (1933–1934): 854,300 (essay 002); about 1,000,000 (essay 002); about 1,200,000 (party statistics: about 3.2 million members and candidates in December 1932, about 2 million in January 1935). -> 1,200,000

                Stakhanov's record of 102 tonnes was [!forty] times the norm.
                forty does not match any figure the fact base has for Stakhanov's output as a multiple of the norm (31 August 1935): about 14.5 (102 tonnes against a norm of 7 tonnes). -> 14.5

                Stalin received only [!30] votes against him at the Seventeenth Congress in 1934.
                30 does not match any figure the fact base has for votes against Stalin at the Seventeenth Congress (February 1934): 3 (officially announced result); about 100–300 (later testimony of delegates and of members of the counting commission). -> 100 to 300

                In 1936 [!twelve] defendants, including Zinoviev and Kamenev, were shot after the first Moscow trial.
                twelve does not match any figure the fact base has for defendants at the first Moscow trial (August 1936): 16 (trial record). -> sixteen"#]],
        );
    }

    #[test]
    fn contested_figures_are_information() {
        check_each(
            &[
                "Stakhanov hewed 12 tons of coal in August 1935.",
                "Only 3 delegates voted against Stalin in 1934.",
                "By 1939 some 2 million prisoners were held in the Gulag.",
                "Of the 1996 delegates at the 1934 Party Congress, 1,108 were executed during 1934 - 37.",
                "In 1938 Bukharin and Rykov and 18 others were accused at the third show trial.",
            ],
            expect![[r#"
                Stakhanov hewed [?12] tons of coal in August 1935.
                Sources disagree on Stakhanov's record output (31 August 1935): from 12 to 102: 102 (the record as officially announced, 31 August 1935); 12 (essay 002). Your 12 matches essay 002; say whose figure you use. -> 

                Only [?3] delegates voted against Stalin in 1934.
                Sources disagree on votes against Stalin at the Seventeenth Congress (February 1934): from 3 to 300: 3 (officially announced result); about 100–300 (later testimony of delegates and of members of the counting commission). Your 3 matches officially announced result; say whose figure you use. -> 

                By 1939 some [?2 million] prisoners were held in the Gulag.
                Sources disagree on prisoners in the Gulag in 1939 (January 1939): from 2,000,000 to 6,000,000: about 2,000,000 (Gulag and prison records for 1 January 1939 (published by V. N. Zemskov and others)); about 2,900,000 (essay 002); about 6,000,000 (Alan Bullock; essay 000). Your 2 million matches Gulag and prison records for 1 January 1939 (published by V. N. Zemskov and others); say whose figure you use. -> 

                Of the [?1996] delegates at the 1934 Party Congress, 1,108 were executed during 1934 - 37.
                Sources disagree on delegates to the Seventeenth Congress (January 1934–February 1934): from 1,966 to 1,996: 1,966 (Khrushchev's Secret Speech (1956)); 1,996 (essay 002). Your 1996 matches essay 002; say whose figure you use. -> 

                In 1938 Bukharin and Rykov and [?18] others were accused at the third show trial.
                Sources disagree on defendants at the third Moscow trial (March 1938): from 20 to 21: 21 (trial record); 20 (essay 002). Your 18 others (20 in all) matches essay 002; say whose figure you use. -> "#]],
        );
    }

    /// Each figure code is switched on and off by its own setting (`clio.checks.dubiousFigure`
    /// once silenced contested figures too).
    #[test]
    fn each_code_has_its_own_switch() {
        let render_with = |text: &str, off: &[Code]| {
            let mut config = Config::default();
            config.disabled.extend(off.iter().copied());
            marked_with_notes(text, &config, |f| match f.code {
                Code::DubiousFigure => Some(("[!", "]")),
                Code::ContestedFigure => Some(("[?", "]")),
                _ => None,
            })
        };
        let contested = "Only 3 delegates voted against Stalin in 1934.";
        let dubious = "Stakhanov cut 120 tonnes of coal in 1935.";
        let runs = [
            render_with(contested, &[Code::DubiousFigure]),
            render_with(contested, &[Code::ContestedFigure]),
            render_with(dubious, &[Code::ContestedFigure]),
            render_with(dubious, &[Code::DubiousFigure]),
        ];
        expect![[r#"
            Only [?3] delegates voted against Stalin in 1934.
            Sources disagree on votes against Stalin at the Seventeenth Congress (February 1934): from 3 to 300: 3 (officially announced result); about 100–300 (later testimony of delegates and of members of the counting commission). Your 3 matches officially announced result; say whose figure you use. -> 

            Only 3 delegates voted against Stalin in 1934.

            Stakhanov cut [!120] tonnes of coal in 1935.
            120 does not match any figure the fact base has for Stakhanov's record output (31 August 1935): 102 (the record as officially announced, 31 August 1935); 12 (essay 002). -> 102

            Stakhanov cut 120 tonnes of coal in 1935."#]].assert_eq(&runs.join("\n\n"));
    }

    #[test]
    fn accepts_attested_figures() {
        clean(&[
            "Official figures record 681,692 executions in 1937-38.",
            "Official figures record 681 692 executions in 1937-38.",
            "In 1918 and early 1919 the Cheka shot 8,389 people.",
            "Some 1,108 of the 1,966 delegates to the 1934 Congress were arrested.",
            "Stakhanov cut 102 tonnes of coal in 1935.",
            "Prior to 1914 Stalin was arrested eight times.",
            "In 1922 industrial production was at only 25% of pre-war levels.",
            "It was stated that 28% of victims were to be shot under the Kulak Operation in 1937.",
            "During the Great Terror 1 in 18 of the population were arrested.",
            "Three of the five marshals were shot in 1937-39.",
            "Lenin demanded the hanging of a hundred kulaks in 1918.",
            "The Lenin Levy brought a quarter of a million new members into the party in 1924.",
            "Party membership rose from 300,000 in 1922 to 600,000 in 1925.",
            "Khrushchev revealed that 98 of the 139 members of the Central Committee elected in 1934 were shot.",
            "According to Conquest the famine of 1932-33 killed around 7 million people.",
            "The NKVD arrested 1,575,259 people in 1937-38.",
            "After only seven years of the NEP, Stalin abandoned it in 1928.",
            "In 1937 the NKVD shot 353,074 people.",
            "Over a thousand delegates to the Seventeenth Congress were later arrested.",
            "Official records show that some 680,000 people were shot in 1937-38.",
            "In the Great Terror, 1.5 million people were arrested.",
            "In 1937-38 about 1.5 million people were arrested and 680,000 were shot.",
            "By 1939 2.9 million prisoners were in labour camps, according to the study guide.",
            "Two and a half million prisoners were in the Gulag in 1939, according to the records.",
            "Stakhanov's record of 102 tonnes was fourteen times the norm.",
            "In 1936 sixteen defendants, including Zinoviev and Kamenev, were shot after the first Moscow trial.",
            "Conquest estimated about 1 million executions in the Great Terror of 1937-38.",
            "In January 1935 Zinoviev was sentenced to ten years.",
        ]);
    }

    #[test]
    fn ignores_numbers_that_are_not_figures() {
        clean(&[
            "In 1937 the NKVD shot 40 generals.",
            "The Politburo had 10 members in 1936.",
            "Lenin was 53 when he died in 1924.",
            "See p. 45 for the executions of 1937-38.",
            "Order No. 00447 of 1937 set quotas for executions.",
            "The 17th Congress met in 1934 with many delegates.",
            "Stalin was elected General Secretary in 1922 at the age of 43.",
            "In 1937 the NKVD shot two of the five marshals.",
            "The execution of 5/10 members of the politburo by 1939 was not what Lenin intended.",
            "In 1921 some 10,000 sailors rose at Kronstadt.",
            "The Red Army had 5 million soldiers by 1920.",
            "In 1936 Zinoviev, Kamenev and 14 others were tried.",
            "Lenin wrote 45 volumes; in 1918 the Cheka had 1,000 agents.",
            "At 11 o'clock on 1 December 1934 Kirov was shot.",
            "Stalin's purge removed 3 of the 5 marshals, 13 of 15 army commanders and 50 of 57 corps commanders.",
            "Yagoda was shot in 1938 with Bukharin, Rykov and 16 others.",
            "The 1930s saw 20 million deaths according to some historians.",
            "The Red Army grew to 5 million men during the civil war.",
            "The Bolsheviks had only 24,000 members in February 1917.",
            "Lenin died in 1924 at 53, and Stalin ruled for 29 years.",
            "Khrushchev's speech in 1956 lasted four hours and named 1,108 arrested delegates.",
            "The Politburo had seven members in 1924, and five of them were later killed.",
            "Tukhachevsky and seven other generals were shot in June 1937.",
            "In 1936 sixteen defendants, including Zinoviev and Kamenev, were shot.",
        ]);
    }
}
