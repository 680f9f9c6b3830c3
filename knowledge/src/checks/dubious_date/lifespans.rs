//! "Lenin (1870-1930)": years in brackets right after a person's name are a life (or a tenure,
//! "Stalin (1924-53)"), which must lie within the base's.

use std::ops::Range;

use super::DUBIOUS_DATE;
use crate::base::date::{day_number, When};
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
    let n_toks = s.toks.len();
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
        let i = n.toks.end;
        if i + 4 >= n_toks
            || s.word(i) != "("
            || !matches!(s.word(i + 2), "-" | "–" | "—")
            || s.word(i + 4) != ")"
        {
            continue;
        }
        let Some(y0) = year(i + 1) else { continue };
        let w2 = s.word(i + 3);
        let y1 = match w2.len() {
            4 => year(i + 3),
            2 if w2.bytes().all(|b| b.is_ascii_digit()) => {
                let y = y0 / 100 * 100 + w2.parse::<i32>().unwrap_or(0);
                Some(if y < y0 { y + 100 } else { y })
            }
            _ => None,
        };
        let Some(y1) = y1 else { continue };
        if y1 < y0 {
            continue;
        }
        seen.push(i + 1..i + 4);
        let e = &ctx.kb.entries[n.entry];
        let (Some(born), Some(died)) = (e.start, e.end) else { continue };
        let life = born.span().hull(&died.span());
        let (lo, hi) = (day_number(y0, 1, 1), day_number(y1, 12, 31));
        if life.lo <= hi
            && lo <= life.hi
            && life.lo <= day_number(y0, 12, 31)
            && day_number(y1, 1, 1) <= life.hi
        {
            continue;
        }
        let r = s.toks[i + 1].range.start..s.toks[i + 3].range.end;
        let written = &ctx.text()[r.clone()];
        let w = When { from: born.from, to: Some(died.from) };
        let dash = s.word(i + 2);
        let fixed = format!(
            "{}{dash}{}",
            born.from.year,
            if w2.len() == 2 && born.from.year / 100 == died.from.year / 100 {
                format!("{:02}", died.from.year % 100)
            } else {
                died.from.year.to_string()
            }
        );
        let mut f = DUBIOUS_DATE.finding(
            ctx.abs(&r),
            format!("{} lived {} {}, not {written}.", e.name, during(&w), provenance_of(&[e])),
        );
        f.entry = Some(n.entry);
        f.fixes.push(Fix {
            title: format!("Replace with {fixed}"),
            range: ctx.abs(&r),
            replacement: fixed,
        });
        out.push(f);
    }
    seen
}
