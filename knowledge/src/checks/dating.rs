//! Comparing a date the student wrote with one the base gives: at the precision written
//! (ranges, decades, seasons, "c."), as a bound ("by 1939", "after 1924") or a span, allowing
//! for the Old Style calendar before the change.

use crate::base::date::DaySpan;
use crate::base::vocab::OldStyle;
use crate::dates::{DateExpr, Relation};

/// Dates before the calendar change (`[vocab] old_style`: 14 February 1918) may be written in
/// either style: allow the difference either way.
pub(crate) fn old_style_slack(span: DaySpan, calendar: Option<&OldStyle>) -> DaySpan {
    let Some(old) = calendar else { return span };
    let change = old.until_day;
    let mut s = span;
    if s.lo < change {
        s.lo -= old.days;
    }
    if s.hi < change + old.days {
        s.hi += old.days;
    }
    s
}

/// Is something that happened within `fact` consistent with the date as the student wrote it?
pub(crate) fn consistent(
    fact: DaySpan,
    d: &DateExpr,
    relation: Relation,
    calendar: Option<&OldStyle>,
) -> bool {
    let mut f = old_style_slack(fact, calendar);
    if d.approx {
        f = DaySpan::new(f.lo.saturating_sub(366), f.hi.saturating_add(366));
    }
    match relation {
        Relation::In => f.overlaps(&d.span),
        Relation::ByEnd => f.lo <= d.span.hi,
        Relation::After => f.hi >= d.span.lo,
    }
}

#[cfg(test)]
mod tests {
    use super::old_style_slack;
    use crate::base::date::{Date, DaySpan};
    use crate::base::vocab::OldStyle;

    #[test]
    fn dates_before_the_calendar_change_allow_either_style() {
        let until = Date::parse("1918-02-14").unwrap();
        let change = OldStyle { until, until_day: until.span().lo, days: 13 };
        let day = |s: &str| Date::parse(s).unwrap().span();
        let october = day("1917-10-25");
        let slack = old_style_slack(october, Some(&change));
        assert_eq!((slack.lo, slack.hi), (october.lo - 13, october.hi + 13));
        // After the change there is one style; without a change in the data, none to allow for.
        let march = day("1921-03-08");
        assert_eq!(old_style_slack(march, Some(&change)), march);
        assert_eq!(old_style_slack(october, None), october);
        assert_eq!(old_style_slack(DaySpan::new(1, 2), None), DaySpan::new(1, 2));
    }
}
