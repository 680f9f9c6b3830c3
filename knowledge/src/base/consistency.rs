//! Checks across entries that no single field shows: dates that contradict a
//! related entry's (a post outside its holder's life, an event before the body acting in it
//! existed), Old/New Style pairs that are not 12 or 13 days apart, and a series with two
//! members of the same number. A wrong date in the base becomes a wrong warning on a correct
//! essay, so these are load errors.

use super::date::{day_number, Date, DaySpan};
use super::load::{FileCtx, LoadError, Pack};
use super::model::{Entry, Kind};
use super::KnowledgeBase;

/// Slack for comparing dates of different entries: sources disagree by days at the edges
/// (a post taken up on the day of a congress, a body founded the day the event began).
const SLACK_DAYS: i32 = 31;

pub(super) fn check(kb: &KnowledgeBase, packs: &[Pack], errors: &mut Vec<LoadError>) {
    for e in &kb.entries {
        let mut report = |message: String| errors.push(error_at_entry(packs, e, message));
        other_style(e, &mut report);
        within_life(e, &mut report);
        actors_exist(kb, e, &mut report);
        series_numbers(kb, e, &mut report);
    }
}

fn error_at_entry(packs: &[Pack], e: &Entry, message: String) -> LoadError {
    let pack = packs.iter().find(|p| p.name == e.origin);
    let ctx = FileCtx { name: &e.origin, text: pack.map_or("", |p| p.text.as_str()) };
    let at = ctx.text.find(&format!("\"{}\"", e.id)).unwrap_or(0);
    ctx.error_at(at, message)
}

/// Days the Julian calendar runs behind the Gregorian on a Julian date.
fn julian_lag(d: &Date) -> i32 {
    // 29 February 1900 exists only in the Julian calendar: from it on, 13 days.
    if (d.year, d.month.unwrap_or(1)) < (1900, 3) {
        12
    } else {
        13
    }
}

/// An `ns` date is 12 or 13 days after the Old Style one it renders; an `os` date as many
/// before. Only day-precise pairs can be compared.
fn other_style(e: &Entry, report: &mut impl FnMut(String)) {
    for (field, other) in &e.other_style {
        let Some(own) = own_date(e, field) else {
            report(format!("`{}`: other-style `{field}` given, but no `{field}`", e.id));
            continue;
        };
        let (Some(om), Some(od), Some(m), Some(d)) = (other.month, other.day, own.month, own.day)
        else {
            continue;
        };
        let diff = day_number(other.year, om, od) - day_number(own.year, m, d);
        // The entry's own date is Old Style when the other is later (ns), New Style when the
        // other is earlier (os).
        let old = if diff > 0 { &own } else { other };
        if diff.abs() != julian_lag(old) {
            report(format!(
                "`{}`: {field} {own} and its other-style date {other} are {} days apart; the calendars differ by {} days then",
                e.id,
                diff.abs(),
                julian_lag(old)
            ));
        }
    }
}

/// The entry's own date for a field name used in `ns`/`os`.
fn own_date(e: &Entry, field: &str) -> Option<Date> {
    match field {
        "born" | "founded" | "from" | "date" | "written" => e.start.map(|w| w.from),
        "died" | "dissolved" | "to" | "written_to" => e.end.map(|w| w.from),
        "published" => e.published.map(|w| w.from),
        _ => None,
    }
}

/// A person's posts and happenings fall within their life.
fn within_life(e: &Entry, report: &mut impl FnMut(String)) {
    if e.kind != Kind::Person {
        return;
    }
    let life = DaySpan::new(
        e.start.map_or(i32::MIN / 2, |w| w.span().lo - SLACK_DAYS),
        e.end.map_or(i32::MAX / 2, |w| w.span().hi + SLACK_DAYS),
    );
    for r in &e.roles {
        for w in [r.from, r.to].into_iter().flatten() {
            if !w.span().overlaps(&life) {
                report(format!(
                    "`{}`: the post `{}` is dated {w}, outside their life",
                    e.id, r.title
                ));
            }
        }
    }
    for h in &e.happenings {
        if !h.when.span().overlaps(&life) {
            report(format!("`{}`: the {} of {} falls outside their life", e.id, h.kind, h.when));
        }
    }
}

/// An event's bodies and places existed when it happened (a body it founded exists from that
/// day; a body the event dissolved existed until then).
fn actors_exist(kb: &KnowledgeBase, e: &Entry, report: &mut impl FnMut(String)) {
    if e.kind != Kind::Event {
        return;
    }
    let Some(when) = e.span() else { return };
    for &a in e.actors.iter().chain(&e.subjects) {
        let body = &kb.entries[a];
        if body.kind != Kind::Body {
            continue;
        }
        if let Some(founded) = body.start {
            if when.hi < founded.span().lo - SLACK_DAYS {
                report(format!(
                    "`{}` ({}) happens before `{}` was founded ({founded})",
                    e.id,
                    e.start.map_or(String::new(), |w| w.to_string()),
                    body.id
                ));
            }
        }
    }
}

/// Two members of one series never share a number.
fn series_numbers(kb: &KnowledgeBase, e: &Entry, report: &mut impl FnMut(String)) {
    let (Some(series), Some(n)) = (e.series, e.number) else { return };
    let first = kb.entries.iter().find(|o| o.series == Some(series) && o.number == Some(n));
    if let Some(first) = first.filter(|o| o.id != e.id) {
        report(format!(
            "`{}` and `{}` are both number {n} of `{}`",
            first.id, e.id, kb.entries[series].id
        ));
    }
}
