//! Whether a number conflicts with its best candidate figures: it fits every value of some
//! candidate (nothing to say), some value (the sources disagree: contested-figure), or none
//! (dubious-figure, with the best-supported value as the fix), unless it is probably a part of
//! the figure, a larger period, or a count of something else.

use std::ops::Range;

use super::candidates::{fits, Candidate};
use super::identity::{adds_to_a_count, is_plan, restates_a_group};
use super::numbers::{unit_measure, value_interval, Measure, StatedNumber};
use super::wording::{best_value, period, related, value_list, who, written_like};
use super::{CONTESTED_FIGURE, DUBIOUS_FIGURE};
use crate::base::{format_number, FigureValue, Kind};
use crate::checks::grammar::SentenceCtx;
use crate::checks::wording::lower_first;
use crate::finding::{Finding, Fix};
use crate::text::sentences::TokKind;

pub(super) fn decide(
    ctx: &SentenceCtx,
    n: &StatedNumber,
    clause: Range<usize>,
    candidates: &[Candidate],
    out: &mut Vec<Finding>,
) {
    let number = Judged { ctx, n };
    // Fits every value of some figure: nothing to say.
    if candidates.iter().any(|c| number.fits_all(c)) {
        return;
    }
    // Fits only an essay's recorded mistake: wrong, and the essay that makes it is named.
    let true_fit = |c: &&Candidate| c.fig.values.iter().any(|x| !x.mistake && number.fits(c, x));
    let mistake_fit = |c: &&Candidate| c.fig.values.iter().any(|x| x.mistake && number.fits(c, x));
    if !candidates.iter().any(|c| true_fit(&c)) {
        if let Some(c) = candidates.iter().find(mistake_fit) {
            let essays: Vec<String> = c
                .fig
                .values
                .iter()
                .filter(|x| x.mistake && number.fits(c, x))
                .filter_map(|x| x.essay.as_ref().map(|e| e.to_string()))
                .collect();
            if let Some(mut f) = number.dubious(std::slice::from_ref(c)) {
                if !essays.is_empty() {
                    let many = if essays.len() > 1 { "Essays" } else { "Essay" };
                    f.message = format!(
                        "{} {many} {} makes the same mistake.",
                        f.message,
                        essays.join(" and ")
                    )
                    .into();
                }
                out.push(f);
            }
            return;
        }
    }
    // Fits some value: sources disagree, unless the clause says whose number it is.
    if let Some(c) = candidates.iter().find(true_fit) {
        if !attributed(ctx, clause) {
            out.push(number.contested(c));
        }
        return;
    }
    // A precise number that some other figure of the base holds exactly ("the official figure
    // of 681,692") is that statistic quoted, whatever the words around it suggest.
    if known_statistic(ctx, n) {
        return;
    }
    // A number the clause gives as someone's estimate is theirs ("he estimated 4 million
    // deaths"): the base does not hold every historian's figure, so it cannot call one wrong.
    if estimated_before(ctx, clause, n.expr.toks.start) {
        return;
    }
    out.extend(number.dubious(candidates));
}

/// Is the number written precisely (not rounded, four or more significant digits) and exactly a
/// value that some figure of the base, in the same measure, holds?
fn known_statistic(ctx: &SentenceCtx, n: &StatedNumber) -> bool {
    let v = n.expr.value;
    let digits = format!("{}", v.round() as i64).trim_end_matches('0').len();
    v.fract() == 0.0
        && digits >= 4
        && ctx.kb.figures.iter().any(|f| {
            unit_measure(&f.unit) == n.measure
                && f.values
                    .iter()
                    .any(|x| !x.mistake && x.low <= v && v <= x.high && x.low == x.high)
        })
}

/// Does a verb of estimating or claiming come before the number in its clause?
fn estimated_before(ctx: &SentenceCtx, clause: Range<usize>, at: usize) -> bool {
    (clause.start..at.min(clause.end)).any(|i| {
        matches!(
            ctx.sentence.word(i),
            "estimated"
                | "estimates"
                | "reckoned"
                | "reckons"
                | "claimed"
                | "claims"
                | "believed"
                | "believes"
                | "calculated"
                | "calculates"
        ) && i > clause.start
    })
}

/// A number being judged against its candidate figures.
struct Judged<'c, 'a> {
    ctx: &'c SentenceCtx<'a>,
    n: &'c StatedNumber<'c>,
}

impl Judged<'_, '_> {
    /// Does the value fit the number (or the number with the people named beside it)?
    fn fits(&self, c: &Candidate, x: &FigureValue) -> bool {
        let n = self.n;
        fits(n.lo, n.hi, x) || (c.extra > 0.0 && fits(n.lo + c.extra, n.hi + c.extra, x))
    }

    /// Does the number fit every value of the figure? Values an essay alone gives do not count
    /// against a number the sources all support: 1,966 delegates is right even though one essay
    /// says 1,996.
    fn fits_all(&self, c: &Candidate) -> bool {
        c.fig.values.iter().filter(|x| !x.mistake).all(|x| self.fits(c, x)) || {
            let mut sourced =
                c.fig.values.iter().filter(|x| !x.source.is_empty() && !x.mistake).peekable();
            sourced.peek().is_some() && sourced.all(|x| self.fits(c, x))
        }
    }

    /// The number as the student wrote it, with the people named beside it counted in.
    fn written(&self, c: &Candidate) -> String {
        let (n, text) = (self.n, self.ctx.text());
        if c.extra > 0.0 {
            format!(
                "{} others ({} in all)",
                &text[n.expr.range.clone()],
                format_number(n.expr.value + c.extra)
            )
        } else {
            text[n.expr.range.clone()].to_string()
        }
    }

    fn contested(&self, c: &Candidate) -> Finding {
        let (ctx, f) = (self.ctx, c.fig);
        let agree: Vec<String> = f
            .values
            .iter()
            .filter(|x| !x.mistake && self.fits(c, x))
            .map(|x| who(ctx, x))
            .collect();
        let values = || f.values.iter().filter(|x| !x.mistake);
        let lo = values().map(|x| x.low).fold(f64::MAX, f64::min);
        let hi = values().map(|x| x.high).fold(f64::MIN, f64::max);
        let msg = format!(
            "Sources disagree on {}{}: from {} to {}: {}. Your {} matches {}; say whose figure you use.",
            lower_first(&f.name),
            period(f),
            format_number(lo),
            format_number(hi),
            value_list(ctx, f),
            self.written(c),
            agree.join(" and ")
        );
        let mut finding = CONTESTED_FIGURE.finding(ctx.abs(&self.n.expr.range), msg);
        finding.related = related(ctx, f);
        finding
    }

    /// The middle of the number's interval.
    fn value(&self) -> f64 {
        (self.n.lo.max(0.0) + self.n.hi) / 2.0
    }

    /// How far out of scale the figure is: the ratio to its nearest value.
    fn scale(&self, c: &Candidate) -> f64 {
        let v = self.value();
        c.fig
            .values
            .iter()
            .map(|x| ((x.low + x.high) / 2.0 / v.max(1e-9)).ln().abs())
            .fold(f64::MAX, f64::min)
            .exp()
    }

    /// A number no value fits: dubious, against the best candidate in scale, unless it is
    /// probably a part of the figure or of a larger period.
    fn dubious(&self, candidates: &[Candidate]) -> Option<Finding> {
        let (ctx, n) = (self.ctx, self.n);
        // Far out of scale: probably a count of something else.
        let limit = |c: &Candidate| if c.subject && c.score >= 8 { 100.0 } else { 12.0 };
        let fair: Vec<&Candidate> =
            candidates.iter().filter(|c| self.scale(c) <= limit(c)).collect();
        let top = fair.iter().map(|c| c.score).max()?;
        let top: Vec<&&Candidate> = fair.iter().filter(|c| c.score == top).collect();
        if n.measure == Measure::Count && top.iter().any(|c| self.part_or_more(c)) {
            return None;
        }
        // Two quantities read the sentence equally well: which one it states is in doubt, and
        // a finding against the wrong one would state a falsehood.
        if top.len() > 1 && !top.iter().all(|c| std::ptr::eq(c.fig, top[0].fig)) {
            return None;
        }
        let c = top.into_iter().min_by(|a, b| self.scale(a).total_cmp(&self.scale(b)))?;
        // The quantity must be pinned down, not just its topic: a tally's period, and a new
        // count rather than a restated group.
        let start = n.expr.toks.start;
        if !c.pinned || restates_a_group(ctx, start) || adds_to_a_count(ctx, start) {
            return None;
        }
        let f = c.fig;
        let best = best_value(f, self.value());
        let msg = format!(
            "{} does not match any figure the fact base has for {}{}: {}.",
            self.written(c),
            lower_first(&f.name),
            period(f),
            value_list(ctx, f)
        );
        let mut finding = DUBIOUS_FIGURE.finding(ctx.abs(&n.expr.range), msg);
        let shown =
            FigureValue { low: best.low - c.extra, high: best.high - c.extra, ..best.clone() };
        let replacement = written_like(ctx, n.expr, &shown);
        if replacement != ctx.text()[n.expr.range.clone()] {
            finding.fixes.push(Fix {
                title: format!("Change to {replacement} ({})", who(ctx, best)).into(),
                range: ctx.abs(&n.expr.range),
                replacement: replacement.into(),
            });
        }
        finding.related = related(ctx, f);
        Some(finding)
    }

    /// A smaller number for part of a figure's period is a part, a larger one for a longer
    /// period may include more: neither is a conflict. Only counts add up over time; a figure
    /// found through its subject is what the student means.
    fn part_or_more(&self, c: &Candidate) -> bool {
        let (ctx, n) = (self.ctx, self.n);
        let below = c.fig.values.iter().all(|x| n.hi + c.extra < value_interval(x).0);
        let above = c.fig.values.iter().all(|x| n.lo > value_interval(x).1);
        // In "89 of the 139 members elected in 1934 were shot" the date belongs to the whole,
        // not to the shooting: it does not make 89 a part of the period.
        let dates_whole = n.whole_end.zip(c.date_tok).is_some_and(|(w, d)| d >= w);
        // "the 1933 purge", "the 1934 Congress": the date names the event, it does not pick a
        // part of its period.
        let names_event = c.date_tok.is_some_and(|d| {
            let expr = ctx.dates.iter().find(|x| x.toks.start == d);
            let before = if d > 0 { ctx.sentence.word(d - 1) } else { "" };
            let after = expr.map_or(d + 1, |x| x.toks.end);
            matches!(before, "the" | "a" | "an" | "this" | "that" | "its" | "his" | "their")
                && after < ctx.sentence.toks.len()
                && ctx.sentence.toks[after].kind == TokKind::Word
        });
        // A quota or target is set at once: a date picks no part of it.
        let plan = is_plan(c.fig);
        (c.part < 0.75 && below && !dates_whole && !names_event && !plan)
            || (!c.subject && c.whole < 0.75 && above)
    }
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
                || ctx.kb.entries[m.entry].kind == Kind::Person
                    && ctx
                        .kb
                        .figures
                        .iter()
                        .any(|f| f.values.iter().any(|x| x.source == ctx.kb.entries[m.entry].id))
        })
}
