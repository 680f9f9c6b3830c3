//! The numbers of a sentence that may state a figure, read as written: the interval of true
//! values the wording allows (hedges, rounding, ranges), the measure (a count, years, tonnes,
//! per cent, a ratio), and "X of the Y" parts and wholes. Years, dates, page and order numbers,
//! footnote marks, ordinals and ages never count.

use std::ops::Range;

use crate::base::{FigureValue, Kind};
use crate::checks::grammar::SentenceCtx;
use crate::dates::month_number;
use crate::text::numbers::NumberExpr;
use crate::text::sentences::TokKind;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Measure {
    Count,
    Percent,
    Ratio,
    Years,
    Times,
    Tonnes,
    /// Some other measure ("hours", "roubles", "km"): never compared with a count.
    Other,
}

pub(super) fn measure_word(w: &str) -> Option<Measure> {
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

pub(super) fn unit_measure(unit: &str) -> Measure {
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

/// Words before a number that are not hedges but show it is not a quantity: "p. 45", "Order No.
/// 00447", "Article 58", "aged 45".
pub(super) const NOT_QUANTITY_BEFORE: &[&str] = &[
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

/// Nouns that fit any count of people.
pub(super) fn is_people(w: &str) -> bool {
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

/// Nouns that fit any count of people.

#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Hedge {
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

pub(super) fn hedge_before(ctx: &SentenceCtx, start: usize) -> Hedge {
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
pub(super) struct StatedNumber<'n> {
    pub(super) expr: &'n NumberExpr,
    /// The interval of true values the student's wording allows.
    pub(super) lo: f64,
    pub(super) hi: f64,
    pub(super) measure: Measure,
    /// The whole in "X of the Y": it owns only its own noun.
    pub(super) whole: bool,
    pub(super) clause: usize,
    /// "Bukharin, Rykov and 18 others": the people named beside the number, who may count too.
    pub(super) named: Vec<usize>,
    /// For the part in "X of the Y": the token after the whole.
    pub(super) whole_end: Option<usize>,
    /// "from X (in 1934) to Y (in 1953)": for Y, the index of X, whose cues Y shares.
    pub(super) from_pair: Option<usize>,
    /// "1,000,000 workers from 58 factories": a number in a phrase that modifies an earlier
    /// count's noun (the phrase's first token); what follows is said of that count, not of
    /// this one.
    pub(super) modifier: Option<usize>,
}

/// A number as written: digits ("681,692", "681 692", "1996"), a scale ("2.9 million"), words.
pub(super) fn interval(ctx: &SentenceCtx, n: &NumberExpr) -> (f64, f64) {
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

pub(super) fn value_interval(x: &FigureValue) -> (f64, f64) {
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
pub(super) fn numbers<'n>(ctx: &'n SentenceCtx, clauses: &[Range<usize>]) -> Vec<StatedNumber<'n>> {
    let s = &ctx.sentence;
    let text = ctx.text();
    let mut out: Vec<StatedNumber> = Vec::new();
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
        // "June 9": a day after its month is a date, not a count.
        let day_after_month =
            month_number(before).is_some() && n.value <= 31.0 && n.value.fract() == 0.0;
        if (before == "[" && after == "]")
            || day_after_month
            || month_number(after).is_some()
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
                    && ctx.kb.entries[m.entry].kind == Kind::Person
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
        out.push(StatedNumber {
            expr: n,
            lo,
            hi,
            measure,
            whole,
            clause,
            named,
            whole_end: None,
            from_pair: None,
            modifier: None,
        });
    }
    link_neighbours(ctx, &mut out);
    out
}

/// What each number is to the one before it: the whole of "X of the Y", the end of "from X to
/// Y", or a number in a phrase about X's noun.
fn link_neighbours(ctx: &SentenceCtx, out: &mut [StatedNumber]) {
    for k in 1..out.len() {
        if out[k].whole && out[k - 1].expr.of.is_some() {
            out[k - 1].whole_end = Some(out[k].expr.toks.end);
        }
        if out[k].clause == out[k - 1].clause && !out[k].whole && !out[k - 1].whole {
            let (prev, this) = (&out[k - 1].expr.toks, &out[k].expr.toks);
            if out[k].measure == out[k - 1].measure && from_to(ctx, prev, this) {
                out[k].from_pair = Some(k - 1);
            }
            out[k].modifier = modifies(ctx, prev, this);
        }
    }
}

/// Are `a` and `b` the ends of "from A to B", with at most a date or a parenthesis between A
/// and "to" ("from 510,307 (in 1934) to 1,727,970 (in 1953)")?
fn from_to(ctx: &SentenceCtx, a: &Range<usize>, b: &Range<usize>) -> bool {
    let s = &ctx.sentence;
    if a.start == 0 || s.word(a.start - 1) != "from" || b.start == 0 || s.word(b.start - 1) != "to"
    {
        return false;
    }
    let gap = a.end..b.start - 1;
    gap.len() <= 6
        && gap.clone().all(|i| {
            s.toks[i].kind != TokKind::Word
                || matches!(s.word(i), "in" | "by" | "at")
                || ctx.dates.iter().any(|d| d.toks.contains(&i))
        })
}

/// Is `b` inside a phrase that modifies the noun of the count `a` ("1,000,000 workers from 58
/// factories", "900,000 workers from about fifty factories")? One or two words after `a`, then
/// a preposition: its token, where the phrase starts.
fn modifies(ctx: &SentenceCtx, a: &Range<usize>, b: &Range<usize>) -> Option<usize> {
    let s = &ctx.sentence;
    let mut p = b.start.checked_sub(1)?;
    if p > a.end && matches!(s.word(p), "about" | "some" | "around" | "nearly" | "almost" | "over")
    {
        p -= 1;
    }
    let noun = a.end..p;
    ((1..=2).contains(&noun.len())
        && noun.clone().all(|i| s.toks[i].kind == TokKind::Word)
        && matches!(s.word(p), "from" | "in" | "at" | "across" | "among"))
    .then_some(p)
}
