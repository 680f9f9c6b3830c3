//! Comparing a date the student wrote with one the base gives: at the precision written
//! (ranges, decades, seasons, "c."), as a bound ("by 1939", "after 1924") or a span, allowing
//! for the Old Style calendar before the change.

use crate::base::date::{day_number, DaySpan};
use crate::text::dates::{DateExpr, Relation};

/// Dates before the calendar change (14 February 1918) may be written in either style: allow
/// 13 days either way.
pub(crate) fn old_style_slack(span: DaySpan) -> DaySpan {
    let change = day_number(1918, 2, 14);
    let mut s = span;
    if s.lo < change {
        s.lo -= 13;
    }
    if s.hi < change + 13 {
        s.hi += 13;
    }
    s
}

/// Is something that happened within `fact` consistent with the date as the student wrote it?
pub(crate) fn consistent(fact: DaySpan, d: &DateExpr, relation: Relation) -> bool {
    let mut f = old_style_slack(fact);
    if d.approx {
        f = DaySpan::new(f.lo.saturating_sub(366), f.hi.saturating_add(366));
    }
    match relation {
        Relation::In => f.overlaps(&d.span),
        Relation::ByEnd => f.lo <= d.span.hi,
        Relation::After => f.hi >= d.span.lo,
    }
}
