//! The facts a clause speaks of: births and deaths, posts taken up or held, foundings and
//! dissolutions, the start, end or span of a policy, period or event, each with the tokens that
//! state it (the name and its cue), for the dates of the clause to be compared with.

use std::ops::Range;

use super::happened::{happening_facts, Instance};
use super::tied::{after_other_ordinals, attached, is_subject, participle_attached, period_kind};
use super::titles::{find_title, FirstBytes};
use super::DateTables;
use crate::base::date::{DaySpan, When};
use crate::base::{Entry, EntryId, Kind, KnowledgeBase, Role};
use crate::checks::grammar::bind::{bind, Bind};
use crate::checks::grammar::cues::{CueList, SentenceCues};
use crate::checks::grammar::names::SentenceName;
use crate::checks::grammar::words::is_determiner;
use crate::checks::grammar::SentenceCtx;
use crate::dates::DateExpr;
use crate::text::sentences::possessive_base;

/// What a fact says happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum FactKind {
    Event,
    Born,
    Died,
    RoleStart,
    RoleHeld,
    /// A post someone was replaced in ("replaced Yagoda at the head of the NKVD"): its end.
    RoleEnd,
    Founded,
    Dissolved,
    Began,
    Ended,
    Period,
    /// Something that happened to a person (`happened`): an arrest, an exile, an attempt.
    Happening,
    /// Something happened to a person whose instances the base does not all know: it must at
    /// least fall within their life.
    Lifetime,
}

#[derive(Clone, Debug)]
pub(super) struct Fact<'k> {
    pub entry: EntryId,
    pub kind: FactKind,
    pub when: When,
    /// What a date is compared with.
    pub span: DaySpan,
    pub role: Option<&'k Role>,
    /// Tokens of the name and cue that state the fact.
    pub anchor: Range<usize>,
    /// A pluperfect verb: the fact came no later than a date framing the clause.
    pub pluperfect: bool,
    /// Stated by a cue of its own ("murdered"), not by its name alone.
    pub cued: bool,
    /// Its tokens: dates are tied to the cue rather than to the whole phrase.
    pub cue_toks: Option<Range<usize>>,
    /// For a happening: which recorded instance.
    pub happening: Option<Instance<'k>>,
    /// For a happening picked by its rank ("first", "last"): that word, for the message.
    pub rank: Option<&'static str>,
}

impl Fact<'_> {
    pub(super) fn new(
        entry: EntryId,
        kind: FactKind,
        when: When,
        span: DaySpan,
        anchor: Range<usize>,
    ) -> Self {
        Fact {
            entry,
            kind,
            when,
            span,
            role: None,
            anchor,
            pluperfect: false,
            cued: false,
            cue_toks: None,
            happening: None,
            rank: None,
        }
    }
}

pub(super) fn hull(a: &Range<usize>, b: &Range<usize>) -> Range<usize> {
    a.start.min(b.start)..a.end.max(b.end)
}

/// An entry's dates as one span: from its start to its end.
pub(super) fn when_of(e: &Entry) -> Option<When> {
    match (e.start, e.end) {
        (Some(s), Some(t)) => Some(When { from: s.from, to: Some(t.to.unwrap_or(t.from)) }),
        (Some(s), None) => Some(s),
        (None, Some(t)) => Some(When { from: t.to.unwrap_or(t.from), to: None }),
        (None, None) => None,
    }
}

/// Verbs of succession are read by position, not by list: "X replaced Y", "Y was replaced by
/// X", "replaced Y with X", "Y became X", "Y was renamed X".
fn is_succession(w: &str) -> bool {
    w.starts_with("replac")
        || w.starts_with("renam")
        || w.starts_with("supersed")
        || w == "became"
        || w == "succeeded"
}

/// The cue phrases of a clause, by what they say (only the lists the clause's kinds of names can
/// use are looked up).
struct ClauseCues {
    born: Vec<Range<usize>>,
    died: Vec<Range<usize>>,
    /// Starts and foundings; ends and dissolutions (for terms and events).
    began: Vec<Range<usize>>,
    ended: Vec<Range<usize>>,
    /// Foundings and dissolutions alone (for bodies).
    founded: Vec<Range<usize>>,
    dissolved: Vec<Range<usize>>,
    appointed: Vec<Range<usize>>,
    /// Verbs of succession, one token each.
    succession: Vec<Range<usize>>,
}

impl ClauseCues {
    fn find(
        ctx: &SentenceCtx,
        cues: &SentenceCues,
        clause: &Range<usize>,
        kinds: &[Kind],
    ) -> ClauseCues {
        let has_kind = |k: Kind| kinds.contains(&k);
        let people = has_kind(Kind::Person);
        let others = [Kind::Body, Kind::Term, Kind::Event, Kind::Place, Kind::Document]
            .into_iter()
            .any(has_kind);
        let inside = |r: &Range<usize>| clause.start <= r.start && r.end <= clause.end;
        let list = |want: bool, which: CueList| -> Vec<Range<usize>> {
            if !want {
                return Vec::new();
            }
            cues.of(which).iter().filter(|r| inside(r)).cloned().collect()
        };
        let not_succession = |c: &Range<usize>| !is_succession(ctx.sentence.word(c.start));
        let mut began = list(others, CueList::Began);
        began.extend(list(others, CueList::Founded));
        let mut ended = list(others, CueList::Ended);
        ended.extend(list(others, CueList::Dissolved));
        began.retain(not_succession);
        ended.retain(not_succession);
        let mut founded = list(others, CueList::Founded);
        let mut dissolved = list(others, CueList::Dissolved);
        founded.retain(not_succession);
        dissolved.retain(not_succession);
        ClauseCues {
            born: list(people, CueList::Born),
            died: list(people || has_kind(Kind::Event), CueList::Died),
            began,
            ended,
            founded,
            dissolved,
            appointed: list(people, CueList::Appointed),
            succession: clause
                .clone()
                .filter(|&i| is_succession(ctx.sentence.word(i)))
                .map(|i| i..i + 1)
                .collect(),
        }
    }
}

/// One clause, read for the facts it states.
pub(super) struct ClauseReader<'c, 'k> {
    pub(super) ctx: &'c SentenceCtx<'k>,
    pub(super) cues: &'c SentenceCues<'k>,
    pub(super) tables: &'c DateTables,
    pub(super) clause: &'c Range<usize>,
    pub(super) names: &'c [SentenceName],
    found: ClauseCues,
    pub(super) out: Vec<Fact<'k>>,
}

/// The facts the names of a clause and their cues state, in the order the names come.
pub(super) fn facts<'k>(
    ctx: &SentenceCtx<'k>,
    cues: &SentenceCues<'k>,
    tables: &DateTables,
    clause: &Range<usize>,
    names: &[SentenceName],
    dates: &[&DateExpr],
) -> Vec<Fact<'k>> {
    let kb: &'k KnowledgeBase = ctx.kb;
    let in_clause: Vec<&SentenceName> =
        names.iter().filter(|n| clause.start <= n.toks.start && n.toks.end <= clause.end).collect();
    if in_clause.is_empty() {
        return Vec::new();
    }
    let kinds: Vec<Kind> = in_clause.iter().map(|n| kb.entries[n.entry].kind).collect();
    let found = ClauseCues::find(ctx, cues, clause, &kinds);
    let mut reader = ClauseReader { ctx, cues, tables, clause, names, found, out: Vec::new() };
    for n in &in_clause {
        let e: &'k Entry = &kb.entries[n.entry];
        // "the First, Second and Third Five-Year Plans (1928-32, 1933-37, 1938-41)": the name
        // found is the last of several members, and the dates are shared out among them.
        if e.number.is_some() && after_other_ordinals(ctx, n) {
            continue;
        }
        match e.kind {
            Kind::Person => reader.person(n, e),
            Kind::Body | Kind::Term | Kind::Event | Kind::Place | Kind::Document => {
                reader.thing(n, e, dates)
            }
        }
    }
    // A name that a cue speaks of ("appointed General Secretary in 1927", "introduced the NEP
    // in 1924") is not also read as the bare period it names.
    let cued: Vec<Range<usize>> = reader
        .out
        .iter()
        .filter(|f| !matches!(f.kind, FactKind::Period | FactKind::Event))
        .map(|f| f.anchor.clone())
        .collect();
    reader.out.retain(|f| {
        f.kind != FactKind::Period
            || !cued.iter().any(|a| a.start <= f.anchor.start && f.anchor.end <= a.end)
    });
    reader.events_by_actor(&in_clause);
    let said = cues.happenings(|r| super::happened::aimed(ctx, names, r));
    let happened = happening_facts(ctx, cues, tables, clause, names, &said);
    reader.drop_events_among_others(&said);
    reader.out.extend(happened);
    reader.out
}

impl<'k> ClauseReader<'_, 'k> {
    /// A fact stated by `anchor` (and its cue, if any).
    pub(super) fn fact(
        &self,
        entry: EntryId,
        kind: FactKind,
        when: When,
        span: DaySpan,
        anchor: Range<usize>,
        cue: Option<&Range<usize>>,
    ) -> Fact<'k> {
        let s = &self.ctx.sentence;
        let pluperfect = cue.is_some_and(|c| {
            c.start >= 1
                && (s.word(c.start - 1) == "had"
                    || (c.start >= 2
                        && s.word(c.start - 2) == "had"
                        && matches!(s.word(c.start - 1), "been" | "already")))
        });
        Fact {
            pluperfect,
            cued: cue.is_some(),
            cue_toks: cue.cloned(),
            ..Fact::new(entry, kind, when, span, anchor)
        }
    }

    /// The cues of `list` that bind to the name, with how.
    fn bound(&self, list: &[Range<usize>], n: &SentenceName) -> Vec<(Range<usize>, Bind)> {
        list.iter()
            .filter_map(|c| bind(self.ctx, self.cues, self.names, c, n).map(|b| (c.clone(), b)))
            .collect()
    }

    /// The cues of `list` that are about the name.
    fn about(&self, list: &[Range<usize>], n: &SentenceName) -> Vec<Range<usize>> {
        self.bound(list, n).into_iter().filter(|(_, b)| *b == Bind::Patient).map(|x| x.0).collect()
    }

    /// A person's birth, death and posts.
    fn person(&mut self, n: &SentenceName, e: &'k Entry) {
        if let Some(b) = e.start {
            for c in self.about(&self.found.born, n) {
                let f =
                    self.fact(n.entry, FactKind::Born, b, b.span(), hull(&c, &n.toks), Some(&c));
                self.out.push(f);
            }
        }
        if let Some(d) = e.end {
            for c in self.about(&self.found.died, n) {
                let f =
                    self.fact(n.entry, FactKind::Died, d, d.span(), hull(&c, &n.toks), Some(&c));
                self.out.push(f);
            }
        }
        self.posts(n, e);
    }

    /// Posts: a role's title written next to the name, with an `appointed` cue (the start of the
    /// post) or without (the time the post was held).
    fn posts(&mut self, n: &SentenceName, e: &'k Entry) {
        let holder_end = e.end.map(|w| w.span());
        let heads = FirstBytes::of(self.ctx, self.clause);
        for (r, written) in e.roles.iter().zip(&self.tables.titles[n.entry]) {
            let Some(from) = r.from else { continue };
            let Some(title) = written.iter().find_map(|t| {
                find_title(self.ctx, self.tables, self.clause, r, t, self.names, &heads)
            }) else {
                continue;
            };
            let anchor = hull(&title, &n.toks);
            let before_title = |c: &&Range<usize>| c.end <= title.start && title.start - c.end <= 3;
            // "Molotov replaced Rykov as chairman": the one who replaces takes the post up.
            let replacer = self.found.succession.iter().find(|c| {
                let w = self.ctx.sentence.word(c.start);
                c.start == n.toks.end && (w.starts_with("replac") || w == "succeeded")
            });
            let cue = self
                .found
                .appointed
                .iter()
                .find(|c| before_title(c) && bind(self.ctx, self.cues, self.names, c, n).is_some())
                .or(replacer.filter(before_title).filter(|_| !n.pronoun));
            // The title must be the name's: next to it ("Yagoda, head of the NKVD", "Stalin was
            // appointed General Secretary", "removed as Commissar for War").
            let gap = if title.start >= n.toks.end {
                title.start - n.toks.end
            } else {
                n.toks.start.saturating_sub(title.end)
            };
            // A "he" takes up a post only by the cue bound to it ("he became General
            // Secretary"); what a post's title beside a pronoun says otherwise is left alone.
            // A title written before the name as its honorific ("Marshal Tukhachevsky",
            // "General Secretary Stalin") is how the writer names the man, whatever the date
            // ("the trial of Marshal Tukhachevsky (June 1937)"): it states no time he held it.
            let honorific = title.start <= n.toks.start && title.end <= n.toks.end;
            if (n.pronoun && cue.is_none())
                || (gap > 4 && cue.is_none())
                || (n.possessive && cue.is_none())
                || (title.start < n.toks.end && cue.is_none() && gap > 1)
                || (honorific && cue.is_none())
            {
                continue;
            }
            // "replaced Yagoda at the head of the NKVD": the post's end, not its holding.
            let ousted = self.found.succession.iter().find(|c| {
                let w = self.ctx.sentence.word(c.start);
                c.end == n.toks.start
                    && (w.starts_with("replac") || w.starts_with("supersed") || w == "succeeded")
            });
            if let Some(c) = ousted.filter(|_| !n.pronoun) {
                let Some(to) = r.to else { continue };
                let when = When::at(to.to.unwrap_or(to.from));
                let anchor = hull(&anchor, c);
                let fact =
                    self.fact(n.entry, FactKind::RoleEnd, when, when.span(), anchor, Some(c));
                self.out.push(Fact { role: Some(r), ..fact });
                continue;
            }
            let fact = match cue {
                Some(c) => {
                    let anchor = hull(&anchor, c);
                    self.fact(n.entry, FactKind::RoleStart, from, from.span(), anchor, Some(c))
                }
                None => {
                    let Some(span) = r.span(holder_end) else { continue };
                    let to = r.to.or(e.end).map(|w| w.to.unwrap_or(w.from));
                    let when = When { from: from.from, to };
                    self.fact(n.entry, FactKind::RoleHeld, when, span, anchor, None)
                }
            };
            self.out.push(Fact { role: Some(r), ..fact });
        }
    }

    /// A body's founding and dissolution, a term's or event's start and end (succession verbs
    /// included), and the span a period or event lasted.
    fn thing(&mut self, n: &SentenceName, e: &'k Entry, dates: &[&DateExpr]) {
        let body = e.kind == Kind::Body;
        let (start_cues, end_cues) = if body {
            (&self.found.founded, &self.found.dissolved)
        } else {
            (&self.found.began, &self.found.ended)
        };
        let mut starts = self.bound(start_cues, n);
        let mut ends = self.bound(end_cues, n);
        // "the OGPU was folded into the NKVD": the name after "into" is where it went.
        let s = &self.ctx.sentence;
        ends.retain(|(c, _)| !(s.word(c.end - 1) == "into" && n.toks.start >= c.end));
        self.succession(n, e, &mut starts, &mut ends);
        // A point event has no start apart from itself; one that lasted has both ends.
        if e.kind != Kind::Event || e.end.is_some() {
            self.starts_and_ends(n, e, &starts, &ends);
        }
        self.whole_series(n, dates);
        if period_kind(e) {
            if when_of(e).is_none() {
                return;
            }
            let kind = if e.kind == Kind::Event { FactKind::Event } else { FactKind::Period };
            let cued = e.kind == Kind::Event
                && (!starts.is_empty()
                    || !ends.is_empty()
                    || !self.bound(&self.found.died, n).is_empty());
            let enacted = if e.kind == Kind::Event { self.enacting_verb(n) } else { None };
            let printed =
                e.is_document() && dates.iter().any(|d| participle_attached(self.ctx, n, d));
            let own_date = printed || dates.iter().any(|d| attached(self.ctx, n, d));
            let tied = cued
                || printed
                || enacted.is_some()
                || is_subject(self.ctx, self.cues, self.clause, n, self.names)
                || dates.iter().any(|d| attached(self.ctx, n, d));
            if tied && !n.pronoun {
                for member in self.same_name_events(n) {
                    let m = &self.ctx.kb.entries[member];
                    let Some(w) = when_of(m) else { continue };
                    let mut span = m.span().unwrap_or(w.span());
                    if m.is_document() && own_date {
                        // "the law of 7 August 1932", "printed in Pravda in March 1930": the
                        // day it was written or published, not its whole life since.
                        span = w.span();
                        if let Some(p) = m.published {
                            span = span.hull(&p.span());
                        }
                    } else if m.is_document() {
                        // A document goes on existing after it is written.
                        span.hi = i32::MAX / 2;
                    }
                    let anchor = super::tied::written_extent(self.ctx, n);
                    let f = self.fact(member, kind, w, span, anchor, enacted.as_ref());
                    self.out.push(f);
                }
            }
        }
    }

    /// A verb of the clause that makes the named event its object and says it happened
    /// (`enacting`: "crushed the Kronstadt rising", "signed the Treaty of Brest-Litovsk"), with
    /// at most two words of the name's phrase between.
    fn enacting_verb(&self, n: &SentenceName) -> Option<Range<usize>> {
        let s = &self.ctx.sentence;
        // Determiners, and the quotation marks of a quoted name ("made a 'Secret Speech'").
        let leads = |w: &str| is_determiner(w) || matches!(w, "'" | "\"" | "‘" | "“");
        let lead = (n.toks.start.saturating_sub(3)..n.toks.start)
            .find(|&i| (i..n.toks.start).all(|j| leads(s.word(j))))
            .unwrap_or(n.toks.start);
        self.ctx.kb.vocab.enacting.iter().find_map(|phrase| {
            let words: Vec<&str> = phrase.split(' ').collect();
            let start = lead.checked_sub(words.len())?;
            let fits = start >= self.clause.start
                && words.iter().enumerate().all(|(k, w)| s.word(start + k) == *w);
            fits.then_some(start..lead)
        })
    }

    /// A series the base knows every member of, as the subject of its clause or with a date
    /// attached ("the three Moscow trials took place in 1936, 1937 and 1938"): each date must
    /// be some member's.
    fn whole_series(&mut self, n: &SentenceName, dates: &[&DateExpr]) {
        let members = &self.tables.whole_series[n.entry];
        if members.is_empty() || n.pronoun {
            return;
        }
        let tied = is_subject(self.ctx, self.cues, self.clause, n, self.names)
            || dates.iter().any(|d| attached(self.ctx, n, d));
        if !tied {
            return;
        }
        for &member in members {
            let m = &self.ctx.kb.entries[member];
            let Some(w) = when_of(m) else { continue };
            let span = m.span().unwrap_or(w.span());
            let f = self.fact(member, FactKind::Event, w, span, n.toks.clone(), None);
            self.out.push(f);
        }
    }

    /// The events a name may mean: itself, or, when it is a name other members of its series
    /// share ("the Treaty of Brest-Litovsk" is also in "the Treaty of Brest-Litovsk with
    /// Ukraine"), every member of the series.
    fn same_name_events(&self, n: &SentenceName) -> Vec<EntryId> {
        let members = &self.tables.series_members[n.entry];
        if members.is_empty() {
            return vec![n.entry];
        }
        let written = possessive_base(&self.ctx.sentence.lower[self.ctx.rel(&n.range)]).to_string();
        let sharing =
            members.iter().filter(|(_, names)| names.iter().any(|x| x.contains(&written)));
        let sharing: Vec<EntryId> = sharing.map(|(m, _)| *m).collect();
        if sharing.len() > 1 {
            sharing
        } else {
            vec![n.entry]
        }
    }

    /// Verbs of succession as starts or ends: "the Cheka became the GPU", "X replaced Y".
    fn succession(
        &self,
        n: &SentenceName,
        e: &Entry,
        starts: &mut Vec<(Range<usize>, Bind)>,
        ends: &mut Vec<(Range<usize>, Bind)>,
    ) {
        let (ctx, kb) = (self.ctx, self.ctx.kb);
        for c in &self.found.succession {
            let w = ctx.sentence.word(c.start);
            if w == "became" {
                // "the Cheka became the GPU", not "Zhdanov became Central Committee Secretary".
                let subject = self
                    .names
                    .iter()
                    .rfind(|o| o.toks.end <= c.start && self.clause.start <= o.toks.start);
                if e.kind != Kind::Body
                    || !subject.is_some_and(|o| {
                        kb.entries[o.entry].kind == Kind::Body
                            && bind(ctx, self.cues, self.names, c, o).is_some()
                    })
                {
                    continue;
                }
            }
            let became = w == "became" || w.starts_with("renam");
            // A renaming ends one entry and starts another only when the clause names both:
            // "the party was renamed in 1925" is one of its several new names, not its end.
            let other = |o: &SentenceName| {
                o.entry != n.entry
                    && self.clause.start <= o.toks.start
                    && o.toks.end <= self.clause.end
                    && kb.entries[o.entry].kind == e.kind
            };
            if w.starts_with("renam") && !self.names.iter().any(other) {
                continue;
            }
            let new = if n.toks.start >= c.end {
                let gap = c.end..n.toks.start;
                bind(ctx, self.cues, self.names, c, n).map(|_| {
                    became || gap.clone().any(|i| matches!(ctx.sentence.word(i), "with" | "by"))
                })
            } else {
                match bind(ctx, self.cues, self.names, c, n) {
                    Some(Bind::Agent) => Some(!became),
                    Some(Bind::Patient) => Some(false),
                    None => None,
                }
            };
            match new {
                Some(true) => starts.push((c.clone(), Bind::Patient)),
                Some(false) => ends.push((c.clone(), Bind::Patient)),
                None => {}
            }
        }
    }

    /// The start and end a cue states of a body, policy, period or document.
    fn starts_and_ends(
        &mut self,
        n: &SentenceName,
        e: &Entry,
        starts: &[(Range<usize>, Bind)],
        ends: &[(Range<usize>, Bind)],
    ) {
        let (start_kind, end_kind) = if e.kind == Kind::Body {
            (FactKind::Founded, FactKind::Dissolved)
        } else {
            (FactKind::Began, FactKind::Ended)
        };
        if let Some(st) = e.start {
            for (c, _) in starts.iter().filter(|(_, b)| *b == Bind::Patient) {
                // A document is written over its whole span ("written in 1923" fits a Testament
                // of December 1922 - January 1923); likewise a thing announced or proclaimed, at
                // any time while it lasted.
                let announced = c.clone().any(|i| {
                    self.ctx.kb.vocab.announced.iter().any(|a| a == self.ctx.sentence.word(i))
                });
                let span = match e.end {
                    Some(en) if e.is_document() || announced => st.span().hull(&en.span()),
                    _ => st.from.span(),
                };
                let when = When::at(st.from);
                let f = self.fact(n.entry, start_kind, when, span, hull(c, &n.toks), Some(c));
                self.out.push(f);
            }
        }
        if let Some(en) = e.end {
            for (c, _) in ends.iter().filter(|(_, b)| *b == Bind::Patient) {
                let d = en.to.unwrap_or(en.from);
                let f =
                    self.fact(n.entry, end_kind, When::at(d), d.span(), hull(c, &n.toks), Some(c));
                self.out.push(f);
            }
        }
    }
}
