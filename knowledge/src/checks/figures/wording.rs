//! The figure checks' wording: who gives a value, the values a figure has, and the base's
//! value written the way the student wrote the number (the quick fix).

use crate::base::{format_number, Figure, FigureValue};
use crate::checks::grammar::SentenceCtx;
use crate::finding::Related;
use crate::text::numbers::NumberExpr;
use crate::text::sentences::TokKind;

use super::numbers::{unit_measure, Measure};

/// Who gives a value: "Robert Conquest", "NKVD records ...; essay 002".
pub(super) fn who(ctx: &SentenceCtx, x: &FigureValue) -> String {
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

pub(super) fn describe(f: &Figure, x: &FigureValue) -> String {
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
pub(super) fn value_list(ctx: &SentenceCtx, f: &Figure) -> String {
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    // An essay's recorded mistake is not a figure the base holds for true.
    for x in f.values.iter().filter(|x| !x.mistake) {
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

pub(super) fn period(f: &Figure) -> String {
    f.when.map_or(String::new(), |w| format!(" ({w})"))
}

/// `value` written the way the student wrote `n`: "1,108", "1 108", "2 million", "three", "1 in 18".
pub(super) fn written_like(ctx: &SentenceCtx, n: &NumberExpr, x: &FigureValue) -> String {
    let text = &ctx.text()[n.range.clone()];
    if n.ratio {
        let den = (1.0 / x.low.max(1e-9)).round();
        let num = &text[..text.find(|c: char| c.is_whitespace()).unwrap_or(text.len())];
        return format!("{num} in {}", den as u64);
    }
    let style = NumberStyle::of(ctx, n);
    let suffix = if n.percent {
        let lower = text.to_ascii_lowercase();
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
    if x.low == x.high {
        format!("{}{suffix}", style.write(x.low))
    } else {
        format!("{} to {}{suffix}", style.write(x.low), style.write(x.high))
    }
}

/// How the student wrote a number: digits or words, with a scale word ("2.9 million"), with
/// which thousands separator, capitalised.
struct NumberStyle {
    /// "billion", "million" or "thousand", and its value.
    scale: Option<(&'static str, f64)>,
    digits: bool,
    /// `None`: no separator ("1996"); else ",", a space, a thin or non-breaking space.
    separator: Option<&'static str>,
    capitalised: bool,
}

impl NumberStyle {
    fn of(ctx: &SentenceCtx, n: &NumberExpr) -> NumberStyle {
        let text = &ctx.text()[n.range.clone()];
        let lower = text.to_ascii_lowercase();
        let scale = [("billion", 1e9), ("million", 1e6), ("thousand", 1e3)]
            .into_iter()
            .find(|(w, _)| lower.split_whitespace().any(|t| t == *w));
        let toks = &ctx.sentence.toks;
        let digits = toks[n.toks.start].kind == TokKind::Number;
        let first = &text[..toks[n.toks.start].range.end - n.range.start];
        let separator = if first.contains(',') {
            Some(",")
        } else if text.contains('\u{202f}') {
            Some("\u{202f}")
        } else if text.contains('\u{a0}') {
            Some("\u{a0}")
        } else if digits && n.toks.len() > 1 && toks[n.toks.start + 1].kind == TokKind::Number {
            Some(" ")
        } else if digits && first.len() >= 4 {
            None
        } else {
            Some(",")
        };
        let capitalised = text.starts_with(|c: char| c.is_uppercase());
        NumberStyle { scale, digits, separator, capitalised }
    }

    /// A value written in this style.
    fn write(&self, v: f64) -> String {
        if let Some((w, s)) = self.scale {
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
        if !self.digits && v.fract() == 0.0 && v <= 20.0 {
            let w = NUMBER_WORDS[v as usize];
            return if self.capitalised {
                format!("{}{}", w[..1].to_uppercase(), &w[1..])
            } else {
                w.to_string()
            };
        }
        let s = format_number(v);
        match self.separator {
            Some(",") => s,
            Some(other) => s.replace(',', other),
            None => s.replace(',', ""),
        }
    }
}

const NUMBER_WORDS: [&str; 21] = [
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

/// The value a fix should suggest: the closest one with a source other than an essay alone.
pub(super) fn best_value<'f>(f: &'f Figure, v: f64) -> &'f FigureValue {
    let dist = |x: &FigureValue| {
        let mid = (x.low + x.high) / 2.0;
        (mid.max(1e-9) / v.max(1e-9)).ln().abs()
    };
    let sourced = f.values.iter().filter(|x| !x.source.is_empty() && !x.mistake);
    let pick = |it: &mut dyn Iterator<Item = &'f FigureValue>| {
        it.min_by(|a, b| dist(a).total_cmp(&dist(b)))
    };
    let true_values = f.values.iter().filter(|x| !x.mistake);
    pick(&mut sourced.into_iter())
        .or_else(|| pick(&mut true_values.into_iter()))
        .unwrap_or(&f.values[0])
}

pub(super) fn related(ctx: &SentenceCtx, f: &Figure) -> Vec<Related> {
    let counts = Related { message: format!("{}: {}", f.name, f.counts).into(), range: None };
    std::iter::once(counts)
        .chain(f.values.iter().map(|x| {
            let mut m = format!("{}: {}", who(ctx, x), describe(f, x));
            if !x.note.is_empty() {
                m.push_str(&format!(" ({})", x.note));
            }
            Related { message: m.into(), range: None }
        }))
        .collect()
}
