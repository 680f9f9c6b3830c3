//! The dubious-date check's wording: what the base says happened and when ("Sergei Kirov was
//! murdered on 1 December 1934"), and the base's date written the way the student wrote theirs
//! (the quick fix).

use std::ops::Range;

use super::facts::{Fact, FactKind};
use crate::base::date::{civil, day_number, days_in_month, Date, DaySpan, When, MONTHS};
use crate::base::{Kind, KnowledgeBase};
use crate::checks::grammar::SentenceCtx;
use crate::checks::wording::{capitalise, during, on, subject_name};
use crate::dates::{month_number, DateExpr};

/// The words the fact base gives for a fact's date, for "sources disagree".
pub(super) fn variant_fields(kind: FactKind) -> &'static [&'static str] {
    match kind {
        FactKind::Event => &["date", "from", "to"],
        FactKind::Born => &["born"],
        FactKind::Died => &["died"],
        FactKind::Founded => &["founded"],
        FactKind::Dissolved => &["dissolved"],
        FactKind::Began => &["from"],
        FactKind::Ended => &["to"],
        FactKind::Period => &["from", "to"],
        FactKind::RoleStart | FactKind::RoleHeld | FactKind::RoleEnd | FactKind::Happening => &[],
        FactKind::Lifetime => &["born", "died"],
    }
}

/// How a person died, as the base records it (`death_by`), never the student's verb.
fn died_as(e: &crate::base::Entry) -> &'static str {
    match e.death_by.as_deref() {
        Some("execution") => "was executed",
        Some("assassination") => "was assassinated",
        Some("suicide") => "took their own life",
        Some("killed") => "was killed",
        _ => "died",
    }
}

/// "30 August 1918", "from 1903 to 1904": a date without its leading preposition.
fn bare_date(w: &When) -> String {
    let d = during(w);
    d.strip_prefix("on ").or_else(|| d.strip_prefix("in ")).unwrap_or(&d).to_string()
}

/// "Leon Trotsky's expulsions are dated October 1927 (from the Central Committee) and the
/// expulsion of Trotsky from the party (November 1927)": every recorded instance the date was
/// compared with, worded from the data.
pub(super) fn happenings_statement(kb: &KnowledgeBase, facts: &[&Fact]) -> String {
    let Some(first) = facts.first() else { return String::new() };
    let who = subject_name(&kb.entries[first.entry]);
    if let (1, Some(ev)) = (facts.len(), first.happening.and_then(|h| h.event)) {
        // One instance that is an event of its own is worded as that event.
        let event = capitalise(&subject_name(&kb.entries[ev]));
        return match first.when.to {
            Some(t) if t != first.when.from => format!("{event} lasted {}", during(&first.when)),
            _ => format!("{event} took place {}", on(&first.when.from)),
        };
    }
    // In the order they happened, as a reader expects a list of dates.
    let mut instances: Vec<_> = facts.iter().filter_map(|f| f.happening.map(|h| (f, h))).collect();
    instances.sort_by_key(|(f, _)| f.when.from.span().lo);
    let items: Vec<String> = instances
        .into_iter()
        .map(|(f, h)| {
            if let Some(ev) = h.event {
                return format!("{} ({})", bare_date(&f.when), subject_name(&kb.entries[ev]));
            }
            let mut detail = Vec::new();
            if let Some(o) = h.of {
                detail.push(format!("from {}", subject_name(&kb.entries[o])));
            }
            if let Some(p) = h.place {
                detail.push(kb.entries[p].name.clone());
            }
            match detail.is_empty() {
                true => bare_date(&f.when),
                false => format!("{} ({})", bare_date(&f.when), detail.join(", ")),
            }
        })
        .collect();
    let kinds: Vec<&str> = facts.iter().filter_map(|f| f.happening.map(|h| h.kind)).collect();
    let same = kinds.iter().all(|k| *k == kinds[0]);
    let several = items.len() > 1;
    let head = match (same.then_some(kinds[0]), several) {
        (Some("attempt"), true) => format!("The attempts on {who}'s life"),
        (Some("attempt"), false) => format!("The attempt on {who}'s life"),
        (Some(k), true) => capitalise(&format!("{who}'s {k}s")),
        (Some(k), false) => match first.rank {
            Some(rank) => capitalise(&format!("{who}'s {rank} {k}")),
            None => capitalise(&format!("{who}'s {k}")),
        },
        (None, _) => capitalise(&format!("What the fact base records of {who} here")),
    };
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => {
            format!("{head} are dated {} and {last}", rest.join("; "))
        }
        _ => format!("{head} is dated {}", items.join("")),
    }
}

pub(super) fn statement(kb: &KnowledgeBase, f: &Fact) -> String {
    let e = &kb.entries[f.entry];
    let who = capitalise(&subject_name(e));
    match f.kind {
        FactKind::Event => match f.when.to {
            Some(t) if t != f.when.from => format!("{who} lasted {}", during(&f.when)),
            _ => format!("{who} took place {}", on(&f.when.from)),
        },
        FactKind::Born => format!("{who} was born {}", on(&f.when.from)),
        FactKind::Died => format!("{who} {} {}", died_as(e), on(&f.when.from)),
        FactKind::Happening => happenings_statement(kb, &[f]),
        FactKind::Lifetime => {
            let (b, d) = (f.when.from, f.when.to.unwrap_or(f.when.from));
            format!("{who} lived from {b} to {d}")
        }
        FactKind::RoleStart => {
            format!("{who} became {} {}", f.role.map_or("", |r| r.title.as_str()), on(&f.when.from))
        }
        FactKind::RoleHeld => {
            format!("{who} was {} {}", f.role.map_or("", |r| r.title.as_str()), during(&f.when))
        }
        FactKind::RoleEnd => {
            format!(
                "{who} ceased to be {} {}",
                f.role.map_or("", |r| r.title.as_str()),
                on(&f.when.from)
            )
        }
        FactKind::Founded => format!("{who} was founded {}", on(&f.when.from)),
        FactKind::Dissolved => {
            let succ = e
                .successor
                .map(|s| format!(", succeeded by {}", subject_name(&kb.entries[s])))
                .unwrap_or_default();
            format!("{who} was dissolved {}{succ}", on(&f.when.from))
        }
        FactKind::Began if e.is_document() => {
            let act = kb.vocab.document_act(&e.subkind);
            match (e.start, e.end) {
                (Some(a), Some(b)) => format!(
                    "{who} was {act} {}",
                    during(&When { from: a.from, to: Some(b.to.unwrap_or(b.from)) })
                ),
                _ => format!("{who} was {act} {}", on(&f.when.from)),
            }
        }
        FactKind::Began if e.kind == Kind::Term && e.subkind == "office" => {
            format!("{who} was created {}", on(&f.when.from))
        }
        FactKind::Began => format!("{who} began {}", on(&f.when.from)),
        FactKind::Ended => format!("{who} ended {}", on(&f.when.from)),
        FactKind::Period => match (e.start, e.end) {
            (Some(_), Some(_)) => format!("{who} lasted {}", during(&f.when)),
            (Some(s), None) => {
                format!("{who} dates from {}", s.from).replace("from c. ", "from around ")
            }
            _ => format!("{who} ended {}", on(&f.when.from)),
        },
    }
}

/// The fact base's date written at the precision and in the style the student used.
pub(super) fn replacement(
    ctx: &SentenceCtx,
    d: &DateExpr,
    f: &Fact,
) -> Option<(Range<usize>, String)> {
    // A happening after its person's death (or before their birth) is wrong, but their life
    // does not say when it was: no date to offer.
    if f.kind == FactKind::Lifetime {
        return None;
    }
    let year_text = &ctx.text()[d.year_range.clone()];
    let from = f.when.from;
    let (y0, y1) = fact_years(f);
    let years = |dash: &str, long: bool| -> String {
        if y0 == y1 {
            y0.to_string()
        } else if long || y0 / 100 != y1 / 100 {
            format!("{y0}{dash}{y1}")
        } else {
            format!("{y0}{dash}{:02}", y1 % 100)
        }
    };
    // A decade: "the 1920s" -> "the 1930s".
    if year_text.len() == 5 && year_text.ends_with('s') {
        return Some((d.year_range.clone(), format!("{}s", y0 / 10 * 10)));
    }
    if d.is_range {
        let dash = if year_text.contains(" to ") {
            " to "
        } else if year_text.contains('–') {
            "–"
        } else {
            "-"
        };
        let long = year_text
            .split(|c: char| !c.is_ascii_digit())
            .filter(|p| !p.is_empty())
            .nth(1)
            .is_some_and(|p| p.len() == 4);
        return Some((d.year_range.clone(), years(dash, long)));
    }
    if !d.point {
        // Seasons and qualifiers ("late 1929"): change the year only.
        return Some((d.year_range.clone(), years("–", false)));
    }
    let ntoks = d.toks.len();
    if ntoks == 1 {
        return Some((d.range.clone(), years("–", false)));
    }
    // A record less precise than the student's date has no month or day to offer, and keeping
    // the student's would state a date it does not hold ("1 December 1936" for a Terror the
    // record dates to 1936 only): no fix, the message gives the record.
    if date_less_precise(from, ntoks) {
        return None;
    }
    // Month or day precision: only the year is wrong when the student's month and day, in one
    // of the record's years, fall within the record ("April 1918" for a journey that ended on
    // 3 April 1917 becomes "April 1917").
    if let Some(year) = year_that_fits(d, f, y0, y1) {
        let text = ctx.text();
        let (r, y) = (&d.range, &d.year_range);
        let written = format!("{}{year}{}", &text[r.start..y.start], &text[y.end..r.end]);
        return Some((d.range.clone(), written));
    }
    let first_is_month = month_number(ctx.sentence.word(d.toks.start)).is_some();
    let has_day = ntoks >= 3;
    let date = from;
    let text = match (date.month, date.day) {
        (Some(m), Some(day)) if has_day => {
            if first_is_month {
                format!("{} {day}, {}", MONTHS[m as usize - 1], date.year)
            } else {
                format!("{day} {} {}", MONTHS[m as usize - 1], date.year)
            }
        }
        (Some(m), _) => format!("{} {}", MONTHS[m as usize - 1], date.year),
        _ => date.year.to_string(),
    };
    Some((d.range.clone(), text))
}

/// Does the record's date lack the month or the day a point date of `ntoks` tokens gives
/// ("December 1934", "1 December 1934")?
fn date_less_precise(record: Date, ntoks: usize) -> bool {
    (ntoks >= 2 && record.month.is_none()) || (ntoks >= 3 && record.day.is_none())
}

/// The year among the record's `y0..=y1` in which the student's month (and day) falls within
/// the span the date was compared with.
/// The years a fix may write for `f`: a period's, an event's or a post's first to last, else
/// the year it began.
fn fact_years(f: &Fact) -> (i32, i32) {
    let from = f.when.from;
    match f.kind {
        FactKind::Period | FactKind::Event | FactKind::RoleHeld => {
            (from.year, f.when.to.unwrap_or(from).year)
        }
        _ => (from.year, from.year),
    }
}

/// Whether only the year of `d` is wrong for `f`: its month and day, in one of the fact's
/// years, fall within the fact ("April 1918" for a return on 3 April 1917). Of several records
/// a date may be a slip for, this one is likelier than a nearer one in another month.
pub(super) fn only_the_year_differs(d: &DateExpr, f: &Fact) -> bool {
    let (y0, y1) = fact_years(f);
    d.point && d.toks.len() > 1 && year_that_fits(d, f, y0, y1).is_some()
}

fn year_that_fits(d: &DateExpr, f: &Fact, y0: i32, y1: i32) -> Option<i32> {
    let (y, m, day) = civil(d.span.lo);
    let whole_month = d.span.hi - d.span.lo > 0;
    (y0..=y1).filter(|&cand| cand != y).find(|&cand| {
        let lo = day_number(cand, m, if whole_month { 1 } else { day });
        let hi = if whole_month { day_number(cand, m, days_in_month(cand, m)) } else { lo };
        DaySpan::new(lo, hi).overlaps(&f.span)
    })
}
