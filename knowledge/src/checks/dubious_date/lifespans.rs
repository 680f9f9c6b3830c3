//! "Lenin (1870-1930)": years in brackets right after a person's name are a life (or a tenure,
//! "Stalin (1924-53)"), which must lie within the base's.

use std::ops::Range;

use super::DUBIOUS_DATE;
use crate::base::date::{civil, day_number, When};
use crate::base::Kind;
use crate::checks::grammar::names::SentenceName;
use crate::checks::grammar::SentenceCtx;
use crate::checks::wording::{during, provenance_of};
use crate::finding::{Finding, Fix};
use crate::text::sentences::TokKind;

/// "Lenin (1870-1930)": years in brackets right after a person's name must lie within the life
/// (they may also be a tenure, "Stalin (1924-53)"). Returns the token ranges of the brackets
/// read, so that their years are not judged again.
pub(super) fn lifespans(
    ctx: &SentenceCtx,
    names: &[SentenceName],
    out: &mut Vec<Finding>,
) -> Vec<Range<usize>> {
    let s = &ctx.sentence;
    let year = |i: usize| -> Option<i32> {
        let w = s.word(i);
        (s.toks[i].kind == TokKind::Number && w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
            .then(|| w.parse().ok())
            .flatten()
    };
    let mut seen = Vec::new();
    for n in names
        .iter()
        .filter(|n| !n.pronoun && !n.possessive && ctx.kb.entries[n.entry].kind == Kind::Person)
    {
        let Some(b) = bracket(ctx, n.toks.end, &year) else { continue };
        seen.push(b.toks.clone());
        let e = &ctx.kb.entries[n.entry];
        let (Some(born), Some(died)) = (e.start, e.end) else { continue };
        let life = born.span().hull(&died.span());
        let (y0, y1) = (b.y0, b.y1);
        let (lo, hi) = (day_number(y0, 1, 1), day_number(y1, 12, 31));
        if life.lo <= hi
            && lo <= life.hi
            && life.lo <= day_number(y0, 12, 31)
            && day_number(y1, 1, 1) <= life.hi
        {
            continue;
        }
        let r = s.toks[b.toks.start].range.start..s.toks[b.toks.end - 1].range.end;
        let written = &ctx.text()[r.clone()];
        let w = When { from: born.from, to: Some(died.from) };
        let mut f = DUBIOUS_DATE.finding(
            ctx.abs(&r),
            format!("{} lived {} {}, not {written}.", e.name, during(&w), provenance_of(&[e])),
        );
        f.entry = Some(n.entry);
        // Years are put back as years; days and months written are left to the student (a fix
        // never puts in a day the writer did not give in that form).
        if let Some(dash) = b.dash {
            let fixed = format!(
                "{}{dash}{}",
                born.from.year,
                if b.short_end && born.from.year / 100 == died.from.year / 100 {
                    format!("{:02}", died.from.year % 100)
                } else {
                    died.from.year.to_string()
                }
            );
            f.fixes.push(Fix {
                title: format!("Replace with {fixed}").into(),
                range: ctx.abs(&r),
                replacement: fixed.into(),
            });
        }
        out.push(f);
    }
    seen
}

/// The years a bracket after a name gives: "(1870-1924)", "(1879–53)", or two full dates
/// "(1 May 1895 - 4 February 1940)", "(September 23, 1883 – August 25, 1936)" (a comma may
/// part the name from the bracket).
struct Bracket<'s> {
    y0: i32,
    y1: i32,
    /// The tokens inside the brackets.
    toks: Range<usize>,
    /// The dash between two bare years (none between full dates: no fix is offered).
    dash: Option<&'s str>,
    /// The second year written with two digits ("1879–53").
    short_end: bool,
}

fn bracket<'s>(
    ctx: &'s SentenceCtx,
    end: usize,
    year: &dyn Fn(usize) -> Option<i32>,
) -> Option<Bracket<'s>> {
    let s = &ctx.sentence;
    let n_toks = s.toks.len();
    let dash = |i: usize| matches!(s.word(i), "-" | "–" | "—");
    if end + 4 < n_toks && s.word(end) == "(" && dash(end + 2) && s.word(end + 4) == ")" {
        let y0 = year(end + 1)?;
        let w2 = s.word(end + 3);
        let y1 = match w2.len() {
            4 => year(end + 3),
            2 if w2.bytes().all(|b| b.is_ascii_digit()) => {
                let y = y0 / 100 * 100 + w2.parse::<i32>().unwrap_or(0);
                Some(if y < y0 { y + 100 } else { y })
            }
            _ => None,
        }?;
        return (y1 >= y0).then(|| Bracket {
            y0,
            y1,
            toks: end + 1..end + 4,
            dash: Some(s.word(end + 2)),
            short_end: w2.len() == 2,
        });
    }
    // Two dates with a day or month each, the one right after the other across a dash.
    let open = if end < n_toks && s.word(end) == "," { end + 1 } else { end };
    if open >= n_toks || s.word(open) != "(" {
        return None;
    }
    let first = ctx.dates.iter().find(|d| d.toks.start == open + 1 && !d.is_range)?;
    let second = ctx.dates.iter().find(|d| d.toks.start == first.toks.end + 1 && !d.is_range)?;
    let month_or_day = |d: &crate::dates::DateExpr| d.toks.len() > 1;
    if !dash(first.toks.end)
        || second.toks.end >= n_toks
        || s.word(second.toks.end) != ")"
        || !month_or_day(first)
        || !month_or_day(second)
    {
        return None;
    }
    let (y0, y1) = (civil(first.span.lo).0, civil(second.span.hi).0);
    (y1 >= y0).then_some(Bracket {
        y0,
        y1,
        toks: first.toks.start..second.toks.end,
        dash: None,
        short_end: false,
    })
}
