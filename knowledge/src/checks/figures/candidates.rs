//! Which figures a number may state, and how well each fits: a cue of the figure that the
//! number owns, its subject named or a date within its period, a noun after the number that
//! fits. Each candidate gets a score; `decide` compares the number with the best.

use std::borrow::Cow;
use std::ops::Range;

use super::identity::{
    another_body, day_month_fit, day_months, other_ordinal, period_pinned, speaks_of_a_plan,
};
use super::numbers::{is_people, measure_word, value_interval, Measure, StatedNumber};
use super::tables::{cue_at, CueOccurrence, FigureTables, PreparedFigure};
use crate::base::date::DaySpan;
use crate::base::{EntryId, Figure, FigureValue};
use crate::checks::grammar::clauses::clause_index;
use crate::checks::grammar::words::{is_framing, is_past_form};
use crate::checks::grammar::SentenceCtx;
use crate::dates::Relation;
use crate::text::sentences::TokKind;
use crate::text::stem::stem_lower;
use crate::text::stopwords::is_function_word;

/// How a candidate figure fits a number.
pub(super) struct Candidate<'k> {
    pub fig: &'k Figure,
    pub score: i32,
    /// One of its subjects, a word of its name or a phrase of its own is in the sentence.
    pub subject: bool,
    /// The share of the figure's period the sentence's date covers (1.0 with no date): below
    /// one, the student may be counting part of it.
    pub part: f64,
    /// The share of the sentence's date that falls in the figure's period: below one, the student
    /// may be counting more than it.
    pub whole: f64,
    /// The first token of the date that placed the figure, if any.
    pub date_tok: Option<usize>,
    /// People named beside "N others" who count in this figure.
    pub extra: f64,
    /// The sentence pins the figure's period down (`identity::period_pinned`): without it, the
    /// number may count another period.
    pub pinned: bool,
}

/// Does a value of the figure fall in the interval?
pub(super) fn fits(lo: f64, hi: f64, x: &FigureValue) -> bool {
    let (a, b) = value_interval(x);
    lo <= b && a <= hi
}

/// A sentence with numbers, read once for all its numbers and all figures: its words as stems,
/// the tokens no cue may use, and every cue occurrence of every figure.
pub(super) struct NumberSentence<'c, 'k> {
    ctx: &'c SentenceCtx<'k>,
    tables: &'c FigureTables,
    clauses: &'c [Range<usize>],
    nums: &'c [StatedNumber<'c>],
    /// The stems of the sentence's words (of numbers and punctuation, none: cues are words).
    stems: Vec<Cow<'c, str>>,
    /// Tokens no cue may use: inside a number, or the measure word right after one.
    blocked: Vec<bool>,
    /// The entries the sentence names.
    subjects: Vec<EntryId>,
    /// The first word by which the sentence speaks of a plan or order
    /// (`identity::speaks_of_a_plan`), read once.
    plan: Option<usize>,
    /// Per figure, where its cues occur (one occurrence per starting word, the longest cue).
    occurrences: Vec<Vec<CueOccurrence>>,
    /// The figures with an occurrence, in the base's order: the only ones a number may state
    /// (a sentence names a few of the base's figures, not all of them).
    cued: Vec<usize>,
    /// Days written without a year (`identity::day_months`), when the sentence has no date.
    day_months: Vec<(u8, u8, usize)>,
}

/// What the cues a number owns say for one figure.
#[derive(Default)]
struct CueEvidence {
    strong: usize,
    weak: usize,
    /// A cue right after the number.
    adjacent: bool,
    /// Some cue is close to the number (within four words), or follows its whole.
    near: bool,
    /// A phrase of the figure's own within six words.
    phrase_near: bool,
    /// A cue that names what happened.
    event: bool,
    /// A cue verb coordinated with another act that is none of the figure's cues: "arrested
    /// and exiled six times" counts the two together, not the arrests.
    joined: bool,
}

/// How a date of the sentence places a figure: the shares of the figure's period and of the
/// date that overlap, and the date's first token.
struct DateFit {
    part: f64,
    whole: f64,
    date_tok: usize,
    /// A day written without its year ("On 9 January"): it tells apart figures the sentence
    /// already ties the number to, but does not tie it to one by itself (an anniversary has
    /// the same day).
    yearless: bool,
}

impl<'c, 'k> NumberSentence<'c, 'k> {
    pub(super) fn read(
        ctx: &'c SentenceCtx<'k>,
        tables: &'c FigureTables,
        clauses: &'c [Range<usize>],
        nums: &'c [StatedNumber<'c>],
    ) -> NumberSentence<'c, 'k> {
        let s = &ctx.sentence;
        let ntok = s.toks.len();
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
        let mut buf = Vec::new();
        let mut sentence = NumberSentence {
            ctx,
            tables,
            clauses,
            nums,
            stems: (0..ntok)
                .map(|i| match s.toks[i].kind {
                    TokKind::Word => stem_lower(s.word(i), &mut buf),
                    _ => Cow::Borrowed(""),
                })
                .collect(),
            blocked,
            subjects: ctx.mentions.iter().map(|m| m.entry).collect(),
            plan: speaks_of_a_plan(ctx),
            occurrences: vec![Vec::new(); tables.figs.len()],
            cued: Vec::new(),
            day_months: if ctx.dates.is_empty() { day_months(ctx) } else { Vec::new() },
        };
        sentence.find_cues();
        sentence.cued =
            (0..tables.figs.len()).filter(|&fi| !sentence.occurrences[fi].is_empty()).collect();
        sentence
    }

    /// Every cue occurrence of every figure, found once.
    fn find_cues(&mut self) {
        let tables = self.tables;
        for (i, tok) in self.ctx.sentence.toks.iter().enumerate() {
            if tok.kind != TokKind::Word {
                continue;
            }
            if let Some(list) = tables.by_first.get(self.stems[i].as_ref()) {
                for &(fi, ci) in list {
                    self.add_cue(fi, ci, i);
                }
            }
            for &(fi, ci) in &tables.wild {
                self.add_cue(fi, ci, i);
            }
        }
    }

    fn add_cue(&mut self, fi: usize, ci: usize, i: usize) {
        let cue = &self.tables.figs[fi].cues[ci];
        let Some(end) = cue_at(self.ctx, &self.stems, i, cue) else { return };
        if self.blocked[i..end].iter().any(|b| *b) {
            return;
        }
        // One occurrence per starting word, the longest cue ("officer corps" over "officer").
        let o =
            CueOccurrence { start: i, end, weak: cue.weak, phrase: cue.phrase, event: cue.event };
        match self.occurrences[fi].iter_mut().find(|o| o.start == i) {
            Some(x) if x.end < end => *x = o,
            Some(_) => {}
            None => self.occurrences[fi].push(o),
        }
    }

    /// Owner of a cue occurrence: the nearest number in its clause, a number before the cue
    /// first ("13 of 15 army commanders and 50 of 57 corps commanders"); a whole only owns its
    /// noun.
    fn owner(&self, a: usize, b: usize, weak: bool) -> Option<usize> {
        let s = &self.ctx.sentence;
        let c = clause_index(self.clauses, a).unwrap_or(0);
        let mut best: Option<(f64, usize)> = None;
        for (k, n) in self.nums.iter().enumerate() {
            // A number inside a phrase about another count's noun owns no cue beyond its own
            // noun ("1,000,000 workers from 58 factories went on strike").
            if n.clause != c || (n.modifier.is_some() && !(weak && a == n.expr.toks.end)) {
                continue;
            }
            // In "18 of the 139 members ... were shot" the whole is part of the number's own
            // phrase: what happened to them is as near as it is to the whole (the noun that
            // names who is counted stays the whole's).
            let own_end = n.whole_end.filter(|&w| !weak && w <= a).unwrap_or(n.expr.toks.end);
            let d = if a >= n.expr.toks.end {
                (a - own_end) as f64
            } else if b <= n.expr.toks.start {
                (n.expr.toks.start - b) as f64 + 3.0
            } else {
                continue;
            };
            // A whole owns only the noun right after it ("the 1,966 delegates", "139 Central
            // Committee members").
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
    }

    /// Is the number a plan's: the plan word comes before it in its clause or soon after it
    /// ("75,950 were to be shot"), not in a later statement ("... went on strike on 14 February
    /// 1917 and the Duma demanded")?
    fn is_plan(&self, n: &StatedNumber, clause: &Range<usize>) -> bool {
        self.plan.is_some_and(|p| p < clause.end && p <= n.expr.toks.end + 8)
    }

    /// The figures the `k`th number may state, in the base's order.
    pub(super) fn candidates(&self, k: usize) -> Vec<Candidate<'k>> {
        self.cued.iter().filter_map(|&fi| self.candidate(k, fi)).collect()
    }

    fn candidate(&self, k: usize, fi: usize) -> Option<Candidate<'k>> {
        let (n, fig) = (&self.nums[k], &self.tables.figs[fi]);
        let f: &'k Figure = &self.ctx.kb.figures[fi];
        if f.values.is_empty() || self.occurrences[fi].is_empty() {
            return None;
        }
        if !measure_fits(n, fig, f) {
            return None;
        }
        let cues = self.cue_evidence(k, fi);
        let cued = if n.whole {
            fig.population && cues.weak > 0
        } else {
            cues.strong > 0 || (fig.population && cues.weak > 0)
        };
        if !cued || cues.joined {
            return None;
        }
        let date = self.date_fit(n, f)?;
        let clause = &self.clauses[n.clause];
        if other_ordinal(self.ctx, clause, &fig.ordinals)
            || fig.plan != self.is_plan(n, clause)
            || another_body(self.ctx, clause, n.expr.toks.start, f)
        {
            return None;
        }
        let subject = f.subjects.iter().any(|s| self.subjects.contains(s));
        let dated = date.as_ref().is_some_and(|d| !d.yearless);
        if !subject && !dated && !cues.phrase_near {
            return None;
        }
        // Without a subject or a phrase of its own, the date and a cue must be specific: the cue
        // near the number and the date within the figure's period, or a word of the figure's
        // name in the sentence.
        let named = self.name_word(fig);
        let whole = date.as_ref().map_or(1.0, |d| d.whole);
        if !subject && !cues.phrase_near && !(cues.near && (whole >= 0.9 || named)) {
            return None;
        }
        // Unless the sentence names the figure's subject, it must say what happened to those
        // counted, when the figure says it.
        if fig.has_event && !cues.event && !subject && !named {
            return None;
        }
        if n.measure == Measure::Count && !self.noun_fits(n.expr.toks.end, fig) {
            return None;
        }
        if n.measure == Measure::Percent && !self.share_of_fits(n.expr.toks.end, fig) {
            return None;
        }
        // The sentence names the figure itself, not only its cue and period.
        let identified = subject || named || cues.phrase_near;
        let date_score =
            date.as_ref().map_or(0, |d| 1 + (2.0 * d.part.min(d.whole)).round() as i32);
        let score = 2 * cues.strong as i32
            + cues.weak as i32
            + if cues.adjacent { 2 } else { 0 }
            + if subject { 2 } else { 0 }
            // A word of the figure's own name ("Holodomor") tells it from figures sharing its
            // subject.
            + if (identified && !subject) || (subject && named) { 1 } else { 0 }
            + date_score;
        // "Bukharin, Rykov and 18 others" were 20 defendants; "Tukhachevsky and seven others"
        // are the seven tried with him.
        let extra = n.named.iter().filter(|e| !f.subjects.contains(e)).count() as f64;
        // A phrase only this figure uses names its quantity outright ("the officer corps").
        let pinned =
            cues.phrase_near || period_pinned(self.ctx, f, n, date.as_ref().map(|d| d.part));
        Some(Candidate {
            pinned,
            fig: f,
            score,
            subject: identified,
            part: date.as_ref().map_or(1.0, |d| d.part),
            whole,
            date_tok: date.map(|d| d.date_tok),
            extra,
        })
    }

    /// The cues of figure `fi` that the `k`th number owns, and how close they are.
    fn cue_evidence(&self, k: usize, fi: usize) -> CueEvidence {
        let (n, fig) = (&self.nums[k], &self.tables.figs[fi]);
        let mut ev = CueEvidence {
            near: n.whole_end.is_some_and(|e| {
                fig.cues.iter().any(|c| cue_at(self.ctx, &self.stems, e, c).is_some())
            }),
            ..CueEvidence::default()
        };
        for o in &self.occurrences[fi] {
            // "from X to Y": Y shares the cues X owns, as near as they are to X.
            let owner = self.owner(o.start, o.end, o.weak);
            let at = match owner {
                Some(j) if j == k => n,
                Some(j) if n.from_pair == Some(j) => &self.nums[j],
                _ => continue,
            };
            if o.weak {
                ev.weak += 1;
            } else {
                ev.strong += 1;
            }
            let end = at.expr.toks.end;
            ev.adjacent |= o.start == end || o.start == end + 1;
            let dist = if o.start >= end {
                // A phrase about the count's noun ("workers from 58 factories") does not stand
                // between it and what it did.
                let modifiers: usize = self
                    .nums
                    .iter()
                    .filter_map(|m| m.modifier.map(|p| p..m.expr.toks.end + 1))
                    .filter(|phrase| phrase.start >= end && phrase.end <= o.start)
                    .map(|phrase| phrase.len())
                    .sum();
                (o.start - end).saturating_sub(modifiers)
            } else {
                at.expr.toks.start.saturating_sub(o.end)
            };
            ev.near |= dist <= 4;
            ev.phrase_near |= o.phrase && dist <= 6;
            ev.event |= o.event;
            ev.joined |= self.joined_to_another_act(fi, o.start, o.end);
        }
        ev
    }

    /// Is the cue at `start..end`, a verb in the past, joined by "and" or "or" to another verb
    /// in the past that is none of figure `fi`'s cues ("arrested and exiled", "deported or
    /// shot")?
    fn joined_to_another_act(&self, fi: usize, start: usize, end: usize) -> bool {
        let ctx = self.ctx;
        let s = &ctx.sentence;
        let past = |i: usize| is_past_form(s.word(i));
        if !(start..end).any(past) {
            return false;
        }
        let other_act = |i: usize| {
            i < s.toks.len()
                && past(i)
                && !self.tables.figs[fi]
                    .cues
                    .iter()
                    .any(|c| cue_at(ctx, &self.stems, i, c).is_some())
        };
        let linked = |i: usize| matches!(s.word(i), "and" | "or");
        (start >= 2 && linked(start - 1) && other_act(start - 2))
            || (end + 1 < s.toks.len() && linked(end) && other_act(end + 1))
    }

    /// Period: any date in the number's clause (else the sentence) within the figure's; the
    /// nearest wins. `None` when a date rules the figure out, `Some(None)` with no date.
    fn date_fit(&self, n: &StatedNumber, f: &Figure) -> Option<Option<DateFit>> {
        let ctx = self.ctx;
        if ctx.dates.is_empty() {
            let fit = day_month_fit(&self.day_months, f)?;
            return Some(fit.map(|date_tok| DateFit {
                part: 1.0,
                whole: 1.0,
                date_tok,
                yearless: true,
            }));
        }
        // The dates in the number's clause, or all of them when it has none (walked, not
        // collected: this runs for every figure a number may state).
        let clause = &self.clauses[n.clause];
        let any_in_clause = ctx.dates.iter().any(|d| clause.contains(&d.toks.start));
        let dates =
            || ctx.dates.iter().filter(move |d| !any_in_clause || clause.contains(&d.toks.start));
        // A date written right after the number is the number's own ("from 70 million in 1929
        // to 38 million in 1933"): it alone places it.
        let toks = &ctx.sentence.toks;
        let end = n.expr.toks.end;
        let own = dates().find(|d| {
            d.toks.start >= end
                && d.toks.start <= end + 3
                && (end..d.toks.start)
                    .all(|i| toks[i].kind == TokKind::Word || ctx.sentence.word(i) == "(")
        });
        let fs = f.when?.span();
        // A date heading the number's clause ("By 1936 the Gulag held 5,000,000 prisoners, a
        // number ... until Stalin died in 1953") sets its time: a later date that fits another
        // figure speaks of something else.
        let heads = |d: &crate::dates::DateExpr| {
            d.toks.end <= n.expr.toks.start
                && (clause.start..d.toks.start).all(|i| is_framing(ctx.sentence.word(i)))
        };
        let mut best: Option<(usize, DateFit)> = None;
        for d in dates().filter(|d| own.is_none_or(|o| std::ptr::eq(o, *d))) {
            let mut sp = d.span;
            if d.approx {
                sp = DaySpan::new(sp.lo - 366, sp.hi + 366);
            }
            if !fits_relation(d, &sp, &fs) {
                // A heading date that rules the figure out rules it out for the whole clause.
                if heads(d) {
                    return None;
                }
                continue;
            }
            let (part, whole) = match d.relation {
                Relation::In => {
                    let inter = (sp.hi.min(fs.hi) - sp.lo.max(fs.lo) + 1) as f64;
                    (inter / (fs.hi - fs.lo + 1) as f64, inter / (sp.hi - sp.lo + 1) as f64)
                }
                // "By September 1937": a total reached then covers only the part of a
                // longer period that had passed.
                Relation::ByEnd if fs.hi > sp.hi + 31 => {
                    ((sp.hi - fs.lo + 1) as f64 / (fs.hi - fs.lo + 1) as f64, 1.0)
                }
                Relation::ByEnd | Relation::After => (1.0, 1.0),
            };
            let dist = d.toks.start.abs_diff(n.expr.toks.start);
            if best.as_ref().is_none_or(|(bd, _)| dist < *bd) {
                let date_tok = d.toks.start;
                best = Some((dist, DateFit { part, whole, date_tok, yearless: false }));
            }
        }
        best.map(|(_, fit)| Some(fit))
    }

    /// Does the sentence use a distinctive word of the figure's name ("Congress" for "Delegates
    /// of the 1934 Congress arrested"), other than its cues?
    fn name_word(&self, fig: &PreparedFigure) -> bool {
        fig.name_words
            .iter()
            .any(|w| (0..self.stems.len()).any(|i| !self.blocked[i] && self.stems[i] == w.as_str()))
    }

    /// Does the noun after a count fit the figure? "681,692 executions", "8,389 people", "1
    /// million party members" do; "40 generals" does not fit executions in general.
    /// Does "per cent of the X" share out an X that fits the figure? "30 percent of the delegates"
    /// is no share of the vote.
    fn share_of_fits(&self, at: usize, fig: &PreparedFigure) -> bool {
        let s = &self.ctx.sentence;
        let word = |i: usize| i < s.toks.len() && s.toks[i].kind == TokKind::Word;
        if !word(at) || s.word(at) != "of" {
            return true;
        }
        // The noun phrase after "of": up to four words ("of the old empire's population").
        let phrase: Vec<usize> = (at + 1..at + 5)
            .take_while(|&i| word(i))
            .filter(|&i| !is_function_word(s.word(i)))
            .collect();
        phrase.is_empty()
            || phrase.iter().any(|&i| {
                is_people(s.word(i)) || fig.vocab.iter().any(|v| self.stems[i] == v.as_str())
            })
    }

    fn noun_fits(&self, at: usize, fig: &PreparedFigure) -> bool {
        let s = &self.ctx.sentence;
        let word =
            |i: usize| (i < s.toks.len() && s.toks[i].kind == TokKind::Word).then(|| s.word(i));
        let Some(w1) = word(at) else { return true };
        if is_function_word(w1) {
            return true;
        }
        let known = |i: usize| {
            is_people(s.word(i)) || fig.vocab.iter().any(|v| self.stems[i] == v.as_str())
        };
        known(at) || word(at + 1).is_some() && known(at + 1)
    }
}

/// Is the number in the figure's measure? A count of times fits a count whose cue is "times"
/// ("arrested eight times").
fn measure_fits(n: &StatedNumber, fig: &PreparedFigure, f: &Figure) -> bool {
    fig.measure == n.measure
        || (n.measure == Measure::Times
            && fig.measure == Measure::Count
            && f.cues.iter().any(|c| c == "times"))
}

/// Does the date leave the figure's period possible? "by 1939": a total reached then, so the
/// period must end within a year before; "after 1924": it must start then or soon after.
fn fits_relation(d: &crate::dates::DateExpr, sp: &DaySpan, fs: &DaySpan) -> bool {
    match d.relation {
        Relation::ByEnd => !(fs.lo > sp.hi || fs.hi < sp.lo - 366),
        Relation::After => !(fs.hi < sp.lo || fs.lo > sp.hi + 366),
        Relation::In => sp.overlaps(fs),
    }
}
