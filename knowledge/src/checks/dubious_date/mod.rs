//! `dubious-date` (Warning): a sentence ties something the fact base dates — an event, a
//! person's birth or death, a post someone held, a body's founding or dissolution, a policy's
//! or period's start, end or span — to a date that conflicts with the base. A wrong date
//! undermines the argument built on it, and students often misremember by a few years.
//!
//! How a date is tied to a fact, precision first:
//! - facts come from the names in the date's clause (`grammar::clauses`, with a parenthesised date
//!   kept with its clause and "which"/"who" standing for the name before it):
//!   - an event named by its name or an alias, or by one of its `actors` with one of its `cues`;
//!   - a person with a birth or death cue (vocab `born`/`died`) that is about that person
//!     ("Kirov was murdered", "Lenin's death", "the death of Lenin" — not "Stalin shot
//!     thousands"); a person with one of their roles' titles, with an `appointed` cue (the
//!     start of the post) or without (the time the post was held); "Lenin (1870-1924)";
//!   - a body with a founding or dissolution cue about it; a policy, period, document or office
//!     with a starting or ending cue;
//!   - a named event, policy or period without a cue when the date is attached to it ("the
//!     Great Terror of 1937-38", "Kirov's murder in 1934") or it is the clause's subject ("the
//!     Great Terror reached its height in 1929").
//! - each fact belongs to the nearest date of its clause, and only if that date is close to it
//!   or frames the clause ("In 1934, ..."); a pluperfect ("by then Kirov had been murdered")
//!   only says "no later than".
//! - the date is compared at the precision written: ranges, decades, seasons and "c." widen
//!   it; "by 1939" and "after 1924" only bound it; dates before February 1918 allow for the
//!   Old Style calendar. If the date fits ANY fact tied to it, nothing is said.
//! - negated, conditional and interrogative clauses are left alone.
//!
//! The message gives the base's date and the essays that cite the entry; when the date written
//! matches an essay's recorded variant, it says the sources disagree (Information). The quick
//! fix writes the base's date at the precision the student used.

mod by_actor;
mod explain;
mod facts;
pub(crate) mod happened;
mod lifespans;
mod nearest;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_asides;
#[cfg(test)]
mod tests_honorifics_and_lists;
#[cfg(test)]
mod tests_pronouns_and_documents;
#[cfg(test)]
mod tests_quoted_and_caused;
#[cfg(test)]
mod tests_returns_and_slips;
mod tied;
mod titles;
mod wording;

use crate::base::date::Date;
use crate::base::{Entry, EntryId, KnowledgeBase, Variant};
use crate::checks::check::{Check, SentenceOut};
use crate::checks::dating::consistent;
use crate::checks::grammar::clauses::clause_index;
use crate::checks::grammar::cues::cued_event;
use crate::checks::grammar::guarded;
use crate::checks::grammar::names::SentenceName;
use crate::checks::grammar::pronouns::with_pronouns;
use crate::checks::grammar::SentenceCtx;
use crate::checks::wording::provenance_of;
use crate::dates::{DateExpr, Relation};
use crate::finding::{Code, CodeSpec, Finding, Fix, Severity};
pub use explain::explain;
use facts::{facts, Fact, FactKind};
use lifespans::lifespans;
use nearest::facts_of_date;
use titles::{title_words, Title};
use wording::{happenings_statement, replacement, statement, variant_fields};

pub const DUBIOUS_DATE: CodeSpec = CodeSpec {
    code: Code::DubiousDate,
    name: "dubious-date",
    setting: "dubiousDate",
    severity: Severity::Warning,
    description: "Flag dates that disagree with the fact base (e.g. the wrong year for an event).",
};

pub(crate) const CHECK: Check<DateTables> = Check {
    codes: &[DUBIOUS_DATE],
    runs_when_off: false,
    prepare: DateTables::build,
    sentence: Some(check),
    document: None,
};

fn check(ctx: &SentenceCtx, tables: &DateTables, out: &mut SentenceOut) {
    if ctx.dates.is_empty()
        || ctx.mentions.is_empty()
            && ctx.event_antecedent.is_none()
            && ctx.thing_antecedent.is_none()
        || ctx.hypothetical()
    {
        return;
    }
    let cues = ctx.cues();
    let calendar = ctx.kb.vocab.old_style.as_ref();
    let clauses = ctx.date_clauses();
    let names = with_pronouns(ctx, clauses);
    let lifespans = lifespans(ctx, &names, &mut out.findings);
    for (ci, clause) in clauses.iter().enumerate() {
        let dates: Vec<&DateExpr> = ctx
            .dates
            .iter()
            .filter(|d| {
                clause_index(clauses, ctx.year_token(d)) == Some(ci)
                    && !lifespans.iter().any(|l| l.start <= d.toks.start && d.toks.end <= l.end)
                    && !in_a_name(ctx, &names, d)
            })
            .collect();
        if dates.is_empty() {
            continue;
        }
        let facts = facts(ctx, cues, tables, clause, &names, &dates);
        if facts.is_empty() {
            continue;
        }
        for (di, d) in dates.iter().enumerate() {
            if guarded(ctx, cues, clause, d.toks.end) {
                continue;
            }
            // The facts this date speaks of: those whose nearest date it is, close or framing.
            let mut mine = facts_of_date(ctx, cues, clause, &names, &dates, di, &facts);
            // "began with the murder of Kirov in 1936": a date attached to a named event is
            // that event's, whatever else the clause says began or ended then.
            if mine.iter().any(|(f, _)| dates_named_event(ctx, &names, d, f)) {
                mine.retain(|(f, _)| dates_named_event(ctx, &names, d, f));
            }
            narrow_by_quantity(ctx, &mut mine);
            let fits = |(f, rel): &(&Fact, Relation)| {
                consistent(f.span, d, *rel, calendar) && !only_possible(ctx, &names, d, f, &mine)
            };
            if mine.is_empty() || mine.iter().any(fits) {
                continue;
            }
            // What the message states is only what the date contradicts.
            let contradicted: Vec<(&Fact, Relation)> = mine
                .iter()
                .filter(|(f, rel)| !consistent(f.span, d, *rel, calendar))
                .copied()
                .collect();
            out.findings.push(report(ctx, d, &contradicted));
        }
    }
}

/// What the check builds from a base: the words of posts' titles and of names, and the events
/// each entry is an actor of.
pub(crate) struct DateTables {
    /// Per entry, per role: its title and the other ways it is written (`also`), prepared.
    titles: Vec<Vec<Vec<Title>>>,
    /// Per entry: the words of its name and aliases (`title_words`), for offices.
    name_words: Vec<Vec<String>>,
    /// Per entry: its name and aliases in lower case, for events with cues and actors.
    lower_names: Vec<Vec<String>>,
    /// Per entry: the events with cues it is an actor of, in order.
    acts_in: Vec<Vec<EntryId>>,
    /// Per person: the events with a type whose subjects they are (`happened`).
    subject_events: Vec<Vec<EntryId>>,
    /// Per event in a series: the series' members (itself included) with their names in lower
    /// case, to tell a generic name ("the Treaty of Brest-Litovsk") from a member's own.
    series_members: Vec<Vec<(EntryId, Vec<String>)>>,
    /// Per series whose members are all in the base (`complete = ["members"]`): the members.
    whole_series: Vec<Vec<EntryId>>,
}

impl DateTables {
    fn build(kb: &KnowledgeBase) -> DateTables {
        let mut acts_in = vec![Vec::new(); kb.entries.len()];
        for (id, e) in kb.entries.iter().enumerate() {
            if cued_event(e) {
                for &a in &e.actors {
                    if a < kb.entries.len() && !acts_in[a].contains(&id) {
                        acts_in[a].push(id);
                    }
                }
            }
        }
        DateTables {
            titles: kb
                .entries
                .iter()
                .map(|e| {
                    e.roles
                        .iter()
                        .map(|r| {
                            std::iter::once(&r.title)
                                .chain(&r.also)
                                .map(|t| Title::new(t))
                                .collect()
                        })
                        .collect()
                })
                .collect(),
            name_words: kb
                .entries
                .iter()
                .map(|e| {
                    e.aliases
                        .iter()
                        .chain(std::iter::once(&e.name))
                        .flat_map(|a| title_words(a))
                        .collect()
                })
                .collect(),
            lower_names: kb
                .entries
                .iter()
                .map(|e| {
                    if cued_event(e) {
                        std::iter::once(&e.name)
                            .chain(e.aliases.iter())
                            .map(|a| a.to_lowercase())
                            .collect()
                    } else {
                        Vec::new()
                    }
                })
                .collect(),
            acts_in,
            subject_events: happened::subject_events(kb),
            series_members: series_members(kb),
            whole_series: whole_series(kb),
        }
    }
}

/// Per entry in a series, every member of the series with its names in lower case.
fn series_members(kb: &KnowledgeBase) -> Vec<Vec<(EntryId, Vec<String>)>> {
    let mut out = vec![Vec::new(); kb.entries.len()];
    for (id, e) in kb.entries.iter().enumerate() {
        let Some(series) = e.series else { continue };
        let members: Vec<(EntryId, Vec<String>)> = kb
            .entries
            .iter()
            .enumerate()
            .filter(|(_, o)| o.series == Some(series))
            .map(|(m, o)| {
                let names = std::iter::once(&o.name).chain(&o.aliases);
                (m, names.map(|n| n.to_lowercase()).collect())
            })
            .collect();
        out[id] = members;
    }
    out
}

/// A person's life only says a date is possible for them. It cannot excuse the date of what
/// the same words say befell another person beside them: in "Yagoda, Bukharin and Rykov were
/// shot on 15 March 1937" the date is claimed of each, and Yagoda's record is enough.
/// Nor can it excuse the date of an event the sentence names with that date as its own: in
/// "Bukharin was arrested at the February–March plenum of 1935" the date is the plenum's.
fn only_possible(
    ctx: &SentenceCtx,
    names: &[SentenceName],
    d: &DateExpr,
    f: &Fact,
    mine: &[(&Fact, Relation)],
) -> bool {
    f.kind == FactKind::Lifetime
        && mine.iter().any(|(o, _)| {
            o.kind == FactKind::Happening && o.entry != f.entry && o.cue_toks == f.cue_toks
                || dates_named_event(ctx, names, d, o)
        })
}

/// Is the fact an event the sentence names with the date attached to the name ("the murder
/// of Kirov in 1936", "the February–March plenum of 1935")?
fn dates_named_event(ctx: &SentenceCtx, names: &[SentenceName], d: &DateExpr, f: &Fact) -> bool {
    f.kind == FactKind::Event
        && names.iter().any(|n| !n.pronoun && n.toks == f.anchor && tied::attached(ctx, n, d))
}

/// "Stakhanov's shift, in which he cut 102 tonnes, took place in 1937": of several events a date
/// may speak of, a quantity of the sentence that the base records for one of them alone (a
/// figure's value that is no mistake) says which is meant.
fn narrow_by_quantity(ctx: &SentenceCtx, mine: &mut Vec<(&Fact, Relation)>) {
    let mut events: Vec<EntryId> =
        mine.iter().filter(|(f, _)| f.kind == FactKind::Event).map(|(f, _)| f.entry).collect();
    events.sort_unstable();
    events.dedup();
    if events.len() < 2 {
        return;
    }
    if let Some(one) = pinned_by_quantity(ctx, &events) {
        mine.retain(|(f, _)| f.kind != FactKind::Event || f.entry == one);
    }
}

/// The one event of `events` that a quantity of the sentence belongs to: a figure about it alone
/// (among them) has a value, not an essay's mistake, that the sentence writes.
pub(super) fn pinned_by_quantity(ctx: &SentenceCtx, events: &[EntryId]) -> Option<EntryId> {
    if ctx.numbers.is_empty() {
        return None;
    }
    let mut picked: Vec<EntryId> = Vec::new();
    for fig in &ctx.kb.figures {
        let of: Vec<EntryId> =
            events.iter().copied().filter(|e| fig.subjects.contains(e)).collect();
        let [one] = of[..] else { continue };
        let stated = ctx.numbers.iter().any(|n| {
            fig.values.iter().any(|v| !v.mistake && v.low <= n.value && n.value <= v.high)
        });
        if stated && !picked.contains(&one) {
            picked.push(one);
        }
    }
    match picked[..] {
        [one] => Some(one),
        _ => None,
    }
}

/// Per series that promises every member (`complete = ["members"]`), its dated members.
fn whole_series(kb: &KnowledgeBase) -> Vec<Vec<EntryId>> {
    let mut out = vec![Vec::new(); kb.entries.len()];
    for (id, e) in kb.entries.iter().enumerate() {
        if let Some(series) = e.series {
            if kb.entries[series].completes("members") && e.start.is_some() {
                out[series].push(id);
            }
        }
    }
    out
}

/// A date inside a name is part of it ("the famine of 1921-22"), and so is a span of years
/// right after a book's name ("The Gulag Archipelago, 1918-1956"): neither is a claim.
fn in_a_name(ctx: &SentenceCtx, names: &[SentenceName], d: &DateExpr) -> bool {
    names.iter().any(|n| {
        let inside = n.toks.start <= d.toks.start && d.toks.end <= n.toks.end;
        // A book's title may end in the years it covers: "The Gulag Archipelago, 1918-1956".
        let after = d.toks.start == n.toks.end
            || (d.toks.start == n.toks.end + 1 && ctx.sentence.word(n.toks.end) == ",");
        let title = after && d.is_range && ctx.kb.entries[n.entry].is_document();
        !n.pronoun && (inside || title)
    })
}

/// The fact to report for a date no fact fits: the one an essay's recorded variant matches
/// (the sources disagree), else the one whose date is nearest the date written.
fn fact_to_report<'f, 'k>(
    kb: &'k KnowledgeBase,
    d: &DateExpr,
    mine: &[(&'f Fact<'k>, Relation)],
    names: impl Fn(EntryId) -> bool,
) -> (&'f Fact<'k>, Option<&'k Variant>) {
    for (f, rel) in mine {
        // A happening that is an event of its own carries that event's variants.
        let (e, kind): (&'k Entry, FactKind) = match f.happening.and_then(|h| h.event) {
            Some(ev) => (&kb.entries[ev], FactKind::Event),
            None => (&kb.entries[f.entry], f.kind),
        };
        for v in &e.variants {
            if !variant_fields(kind).contains(&v.field.as_str()) {
                continue;
            }
            if Date::parse(&v.value)
                .is_ok_and(|vd| consistent(vd.span(), d, *rel, kb.vocab.old_style.as_ref()))
            {
                return (f, Some(v));
            }
        }
    }
    let nearest = mine.iter().min_by_key(|(f, _)| {
        let gap = f.span.gap(&d.span);
        let prio = match f.kind {
            FactKind::Born | FactKind::Died => 0,
            FactKind::RoleStart
            | FactKind::RoleEnd
            | FactKind::Founded
            | FactKind::Dissolved
            | FactKind::Began
            | FactKind::Ended => 1,
            FactKind::Event => 2,
            FactKind::Period | FactKind::RoleHeld => 3,
            FactKind::Happening => 1,
            FactKind::Lifetime => 4,
        };
        (gap / 365, !wording::only_the_year_differs(d, f), prio, gap)
    });
    let nearest = nearest.expect("a date is reported only with facts").0;
    // A person's happening that is an event the sentence names itself ("the sealed train") is
    // stated as that event, from its own record and sources.
    let named = (nearest.happening.and_then(|h| h.event)).filter(|&ev| names(ev)).and_then(|ev| {
        mine.iter().map(|(o, _)| *o).find(|o| o.kind == FactKind::Event && o.entry == ev)
    });
    (named.unwrap_or(nearest), None)
}

/// The finding for a date no fact of `mine` fits: what the base says, where it says it, and
/// the base's date as the fix.
fn report(ctx: &SentenceCtx, d: &DateExpr, mine: &[(&Fact, Relation)]) -> Finding {
    let kb = ctx.kb;
    let names = |entry: EntryId| ctx.mentions.iter().any(|m| m.entry == entry);
    let (f, variant) = fact_to_report(kb, d, mine, names);
    let mut stating: Vec<&Entry> = vec![&kb.entries[f.entry]];
    // A happening stated alone that is an event of its own ("the murder of the Romanovs") is
    // stated from that event's entry, and its record comes first.
    let instances =
        mine.iter().filter(|(o, _)| o.kind == FactKind::Happening && o.entry == f.entry);
    if let (Some(ev), 1) = (f.happening.and_then(|h| h.event), instances.count()) {
        stating.insert(0, &kb.entries[ev]);
    }
    for (o, _) in mine {
        // The person's happening that is the stated event itself adds no record of its own.
        if o.happening.and_then(|h| h.event) == Some(f.entry) {
            continue;
        }
        let oe = &kb.entries[o.entry];
        if o.when.span().overlaps(&f.when.span()) && !stating.iter().any(|x| x.id == oe.id) {
            stating.push(oe);
        }
    }
    // Quoted mid-message: "not the winter of 1925-26", even where it opened the sentence.
    let raw = &ctx.text()[d.range.clone()];
    let written = match raw.strip_prefix("The ") {
        Some(rest) => format!("the {rest}"),
        // "of the early 1920s": the article stood before the decade.
        None if ["early ", "mid", "late "].iter().any(|p| raw.starts_with(p))
            && raw.ends_with('s') =>
        {
            format!("the {raw}")
        }
        None => raw.to_string(),
    };
    let stated = if f.kind == FactKind::Happening {
        // Every instance the date was compared with, not only the nearest.
        let same: Vec<&Fact> = mine
            .iter()
            .map(|(o, _)| *o)
            .filter(|o| o.kind == FactKind::Happening && o.entry == f.entry && o.anchor == f.anchor)
            .collect();
        happenings_statement(kb, &same)
    } else {
        statement(kb, f)
    };
    let mut finding = match variant {
        Some(v) if !v.disagreement => {
            // An essay's recorded mistake is no source: the student is told, and told that a
            // source they may have read makes it too.
            let note = v.note.trim_end_matches('.');
            let message = format!(
                "{stated} {}, not {written}. Essay {} makes the same mistake{}.",
                provenance_of(&stating),
                v.essay,
                if note.is_empty() { String::new() } else { format!(" ({note})") }
            );
            DUBIOUS_DATE.finding(ctx.abs(&d.range), message)
        }
        Some(v) => {
            let note = if v.note.is_empty() {
                String::new()
            } else {
                format!(": {}", v.note.trim_end_matches('.'))
            };
            let message = format!(
                "Sources disagree: {stated} {}, but essay {} gives {} as you do{note}.",
                provenance_of(&stating),
                v.essay,
                v.value
            );
            // The student follows a source: a note, not a warning.
            let mut finding = DUBIOUS_DATE.finding(ctx.abs(&d.range), message);
            finding.severity = Severity::Information;
            finding
        }
        None => DUBIOUS_DATE.finding(
            ctx.abs(&d.range),
            format!("{stated} {}, not {written}.", provenance_of(&stating)),
        ),
    };
    finding.entry = Some(f.entry);
    if let Some((r, text)) = replacement(ctx, d, f) {
        if ctx.text()[r.clone()] != text {
            finding.fixes.push(Fix {
                title: format!("Replace with {text}").into(),
                range: ctx.abs(&r),
                replacement: text.into(),
            });
        }
    }
    finding
}
