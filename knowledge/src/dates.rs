//! Dates as students write them: "1934", "1 December 1934", "December 1, 1934", "March 1921",
//! "1918-21", "1936–38", "from 1918 to 1921", "the 1930s", "late 1929", "the winter of 1922-23",
//! with the relation the sentence puts them in ("by 1939", "after 1924", "before 1917"), read
//! into day spans of the fact base's calendar. Above both `text` (tokens) and `base` (days).

use std::ops::Range;

use crate::base::date::{day_number, days_in_month, DaySpan};
use crate::text::sentences::{Sentence, TokKind};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relation {
    /// "in 1934", "1934", "during 1934": the thing happened within the span.
    In,
    /// "by 1939", "until 1939", "before 1939": the thing happened no later than the span.
    ByEnd,
    /// "after 1924", "since 1924": the thing happened no earlier than the span.
    After,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateExpr {
    /// Sentence-relative byte range of the whole expression (what a quick fix replaces).
    pub range: Range<usize>,
    /// Sentence-relative range of the year digits a fix would normally replace.
    pub year_range: Range<usize>,
    pub span: DaySpan,
    pub relation: Relation,
    /// Written as a single year, month or day (not a range, decade or season).
    pub point: bool,
    /// A range of years ("1918-21"): the sentence speaks of something lasting.
    pub is_range: bool,
    /// Preceded by "c.", "about", "around": allow a year either side.
    pub approx: bool,
    /// Index of the first and one-past-last token of the expression.
    pub toks: Range<usize>,
}

pub fn month_number(w: &str) -> Option<u8> {
    const M: [&str; 12] =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let w = w.trim_end_matches('.');
    if w.len() < 3 {
        return None;
    }
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    for (i, f) in full.iter().enumerate() {
        if w == *f || (w.len() <= 4 && w == M[i]) || (w == "sept" && i == 8) {
            return Some(i as u8 + 1);
        }
    }
    None
}

/// Words that, right after a four-digit number, show it counts something rather than naming a year.
const COUNT_NOUNS: &[&str] = &[
    "people",
    "persons",
    "delegates",
    "members",
    "tonnes",
    "tons",
    "executions",
    "victims",
    "deaths",
    "arrests",
    "men",
    "women",
    "peasants",
    "workers",
    "kulaks",
    "prisoners",
    "soldiers",
    "officers",
    "roubles",
    "rubles",
    "km",
    "kilometres",
    "miles",
    "copies",
    "votes",
    "pages",
    "troops",
    "sailors",
    "cases",
    "families",
    "households",
];

fn year_of(s: &Sentence, i: usize) -> Option<i32> {
    let t = s.toks.get(i)?;
    if t.kind != TokKind::Number {
        return None;
    }
    let w = s.word(i);
    if w.len() != 4 || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = w.parse().ok()?;
    if !(1700..=2099).contains(&y) {
        return None;
    }
    if let Some(next) = s.toks.get(i + 1) {
        if next.kind == TokKind::Word && COUNT_NOUNS.contains(&s.word(i + 1)) {
            return None;
        }
    }
    Some(y)
}

fn two_digit_end(s: &Sentence, i: usize, start_year: i32) -> Option<i32> {
    let w = s.word(i);
    if s.toks[i].kind != TokKind::Number || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y = match w.len() {
        2 => {
            let century = start_year / 100 * 100;
            let y = century + w.parse::<i32>().ok()?;
            if y < start_year {
                y + 100
            } else {
                y
            }
        }
        4 => w.parse().ok()?,
        _ => return None,
    };
    (y > start_year && y - start_year <= 60).then_some(y)
}

fn is_dash(w: &str) -> bool {
    matches!(w, "-" | "–" | "—" | "/")
}

pub fn find(s: &Sentence) -> Vec<DateExpr> {
    let mut out: Vec<DateExpr> = Vec::new();
    let n = s.toks.len();
    let mut i = 0;
    while i < n {
        // Every date is written from a number token or a word starting with a digit ("1930s"):
        // other tokens (most of them) leave here.
        let t = &s.toks[i];
        if t.kind == TokKind::Punct
            || t.kind == TokKind::Word && !s.lower.as_bytes()[t.range.start].is_ascii_digit()
        {
            i += 1;
            continue;
        }
        if let Some((date, next)) = decade(s, i) {
            out.push(date);
            i = next;
            continue;
        }
        let Some(y) = year_of(s, i) else {
            i += 1;
            continue;
        };
        if let Some((date, next)) = year_range(s, i, y) {
            out.push(date);
            i = next;
            continue;
        }
        out.push(dated_year(s, i, y));
        i += 1;
    }
    out
}

/// A decade at token `i`: "1930s", "the 1930s", "the mid-1930s", "the 1920's", and the token
/// after it.
fn decade(s: &Sentence, i: usize) -> Option<(DateExpr, usize)> {
    let n = s.toks.len();
    let w = s.word(i);
    if w.len() == 5
        && w.ends_with('s')
        && w[..4].bytes().all(|b| b.is_ascii_digit())
        && w[..4].ends_with('0')
    {
        let y: i32 = w[..4].parse().unwrap_or(0);
        if (1700..=2090).contains(&y) {
            let (lo, hi, first) = qualifier(s, i, y, y + 9);
            return Some((make(s, first, i + 1, i, DaySpan::years(lo, hi), false, false), i + 1));
        }
    }
    // "the 1920's", "1920’s": a decade written with an apostrophe.
    if i + 2 < n
        && w.len() == 4
        && w.ends_with('0')
        && w.bytes().all(|b| b.is_ascii_digit())
        && matches!(s.word(i + 1), "'" | "’")
        && s.word(i + 2) == "s"
        && s.toks[i + 1].range.start == s.toks[i].range.end
    {
        let y: i32 = w.parse().unwrap_or(0);
        if (1700..=2090).contains(&y) {
            let (lo, hi, first) = qualifier(s, i, y, y + 9);
            return Some((make(s, first, i + 3, i, DaySpan::years(lo, hi), false, false), i + 3));
        }
    }
    None
}

/// A range of years from the year `y` at token `i`: "1918-21", "1936–38", "1918-1921",
/// "1922/23", spaced ("1923 - 25", but not a dash that opens an aside: "1934 - the year"),
/// "from 1918 to 1921", "between 1918 and 1921", "1918 to 1921"; and the token after it.
fn year_range(s: &Sentence, i: usize, y: i32) -> Option<(DateExpr, usize)> {
    let n = s.toks.len();
    if i + 2 < n && is_dash(s.word(i + 1)) && s.toks[i + 2].kind == TokKind::Number {
        if let Some(y2) = two_digit_end(s, i + 2, y) {
            let (lo, hi, first) = season(s, i, y, y2);
            return Some((make(s, first, i + 3, i, DaySpan::new(lo, hi), false, true), i + 3));
        }
    }
    if i + 2 < n && matches!(s.word(i + 1), "to" | "and" | "until" | "till") {
        if let Some(y2) = year_of(s, i + 2) {
            let opener = i > 0 && matches!(s.word(i - 1), "from" | "between");
            if y2 > y && (opener || s.word(i + 1) == "to") {
                let first = if opener { i - 1 } else { i };
                return Some((make(s, first, i + 3, i, DaySpan::years(y, y2), false, true), i + 3));
            }
        }
    }
    None
}

/// The year `y` at token `i` with what stands before it: a month and day ("1 December 1934",
/// "December 1, 1934", "1st of December 1934"), a month ("December 1934"), a season or a
/// qualifier ("the winter of 1922", "late 1929"), or nothing.
fn dated_year(s: &Sentence, i: usize, y: i32) -> DateExpr {
    let (first, span) = month_and_day(s, i, y).unwrap_or((i, DaySpan::years(y, y)));
    if first == i {
        let (lo, hi, f) = season(s, i, y, y);
        if f != i {
            return make(s, f, i + 1, i, DaySpan::new(lo, hi), false, false);
        }
    }
    make(s, first, i + 1, i, span, true, false)
}

/// The month, and the day if written, before the year at token `i`: the first token and the
/// span.
fn month_and_day(s: &Sentence, year: usize, y: i32) -> Option<(usize, DaySpan)> {
    let day = |m: u8, d: u8| {
        (d <= days_in_month(y, m)).then(|| DaySpan::new(day_number(y, m, d), day_number(y, m, d)))
    };
    if year == 0 {
        return None;
    }
    // A date given in both calendars ("25 October (7 November) 1917", "3 (16) April 1917") is
    // read from the first: the words before the gloss stand where the year's neighbours would.
    let i = gloss_before(s, year).unwrap_or(year);
    if i == 0 {
        return None;
    }
    // "Dec. 1934": an abbreviated month and its full stop.
    if i >= 2 && s.word(i - 1) == "." && s.toks[i - 1].range.start == s.toks[i - 2].range.end {
        if let Some(m) = month_number(s.word(i - 2)).filter(|_| s.word(i - 2).len() <= 4) {
            let month = DaySpan::new(day_number(y, m, 1), day_number(y, m, days_in_month(y, m)));
            return Some((i - 2, month));
        }
    }
    // "April-May 1937": two months joined in one word, the span from the first to the second.
    if let Some((m0, m)) = s
        .word(i - 1)
        .split_once('-')
        .and_then(|(a, b)| Some((month_number(a)?, month_number(b)?)).filter(|(m0, m)| m0 < m))
    {
        return Some((
            i - 1,
            DaySpan::new(day_number(y, m0, 1), day_number(y, m, days_in_month(y, m))),
        ));
    }
    if let Some(m) = month_number(s.word(i - 1)) {
        let month_tok = i - 1;
        let i = gloss_before(s, month_tok).map_or(i, |open| open + 1);
        // "November and December 1917": two months of one year.
        if i >= 3 && matches!(s.word(i - 2), "and" | "or" | "to" | "–" | "-") {
            if let Some(m0) = month_number(s.word(i - 3)).filter(|&m0| m0 < m) {
                let span =
                    DaySpan::new(day_number(y, m0, 1), day_number(y, m, days_in_month(y, m)));
                return Some((i - 3, span));
            }
        }
        let month = DaySpan::new(day_number(y, m, 1), day_number(y, m, days_in_month(y, m)));
        if i >= 2 {
            if let Some(d) = day_of(s.word(i - 2)) {
                // "the night of 16–17 July 1918": the days from the first.
                if let Some(d0) = first_day_of_range(s, i - 2).filter(|&d0| d0 < d) {
                    if let (Some(a), Some(b)) = (day(m, d0), day(m, d)) {
                        return Some((i - 4, DaySpan::new(a.lo, b.hi)));
                    }
                }
                // "1 December 1934" (a day too large for the month: the month alone).
                return Some(day(m, d).map_or((month_tok, month), |span| (i - 2, span)));
            }
            if s.word(i - 2) == "of" && i >= 3 {
                if let Some(span) = day_of(s.word(i - 3)).and_then(|d| day(m, d)) {
                    return Some((i - 3, span));
                }
            }
        }
        return Some((month_tok, month));
    }
    // "Jan., 1928": an abbreviated month, its full stop and a comma.
    if i >= 3 && s.word(i - 1) == "," && s.word(i - 2) == "." {
        let (m, first) = month_before(s, i - 2)?;
        return Some((
            first,
            DaySpan::new(day_number(y, m, 1), day_number(y, m, days_in_month(y, m))),
        ));
    }
    // "December 1, 1934", "December 1 1934", "Aug. 20, 1940", "March 8–16, 1921".
    let d_tok = if s.word(i - 1) == "," { i.checked_sub(2)? } else { i - 1 };
    let d = day_of(s.word(d_tok))?;
    let d0 = first_day_of_range(s, d_tok).filter(|&d0| d0 < d);
    let (m, first) =
        month_before(s, if d0.is_some() { d_tok.checked_sub(3)? } else { d_tok.checked_sub(1)? })?;
    let (a, b) = (day(m, d0.unwrap_or(d))?, day(m, d)?);
    Some((first, DaySpan::new(a.lo, b.hi)))
}

/// The month written at token `k`, in full or cut short with its full stop ("Aug."): the
/// month and its first token.
fn month_before(s: &Sentence, k: usize) -> Option<(u8, usize)> {
    if s.word(k) == "." && k >= 1 && s.toks[k].range.start == s.toks[k - 1].range.end {
        let w = s.word(k - 1);
        return month_number(w).filter(|_| w.len() <= 4).map(|m| (m, k - 1));
    }
    month_number(s.word(k)).map(|m| (m, k))
}

/// The index of the "(" or "[" of a calendar gloss that ends just before token `k`: "(7
/// November)", "(16)", "[O.S. 25 October]", "(N.S.)". None when the token before `k` closes
/// nothing of the kind.
fn gloss_before(s: &Sentence, k: usize) -> Option<usize> {
    let close = k.checked_sub(1)?;
    if !matches!(s.word(close), ")" | "]") {
        return None;
    }
    let open = (close.saturating_sub(12)..close).rev().find(|&j| matches!(s.word(j), "(" | "["))?;
    (date_gloss_end(s, open) == Some(close)).then_some(open)
}

/// Where a calendar gloss opened at token `open` closes: the bracket holds only days, months
/// and style marks ("O.S.", "New Style"), and it stands inside a date (a day or month before
/// it, a month or year after it, or a year before it).
pub(crate) fn date_gloss_end(s: &Sentence, open: usize) -> Option<usize> {
    let closer = match s.word(open) {
        "(" => ")",
        "[" => "]",
        _ => return None,
    };
    let close = (open + 1..s.toks.len().min(open + 13)).find(|&j| s.word(j) == closer)?;
    let inside = open + 1..close;
    let dated_word = |j: usize| day_of(s.word(j)).is_some() || month_number(s.word(j)).is_some();
    let style_word = |j: usize| {
        matches!(
            s.word(j),
            "o" | "n" | "s" | "." | "," | "-" | "–" | "os" | "ns" | "old" | "new" | "style"
        )
    };
    if inside.is_empty() || !inside.clone().all(|j| dated_word(j) || style_word(j)) {
        return None;
    }
    let year_at = |j: usize| s.toks.get(j).is_some_and(|_| year_of(s, j).is_some());
    let before_is_date = open >= 1 && (dated_word(open - 1) || year_at(open - 1));
    let after_is_date = close + 1 < s.toks.len()
        && (month_number(s.word(close + 1)).is_some() || year_at(close + 1));
    let styled_only = inside.clone().all(style_word);
    (before_is_date && (after_is_date || styled_only) || styled_only && after_is_date)
        .then_some(close)
}

/// The first day of a range of days whose last day is token `last`: "16–17", "30-31".
fn first_day_of_range(s: &Sentence, last: usize) -> Option<u8> {
    let dash = last.checked_sub(1)?;
    let first = dash.checked_sub(1)?;
    let joined = s.toks[first].range.end == s.toks[dash].range.start
        && s.toks[dash].range.end == s.toks[last].range.start;
    (joined && matches!(s.word(dash), "-" | "–")).then(|| day_of(s.word(first)))?
}

fn day_of(w: &str) -> Option<u8> {
    // A day starts with a digit whatever its ending ("1st", "12th"): words leave here.
    if !w.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    // As `trim_end_matches` of "st", "nd", "rd" and "th" in turn, on bytes.
    let mut d = w.as_bytes();
    for suffix in [b"st", b"nd", b"rd", b"th"] {
        while let Some(rest) = d.strip_suffix(suffix) {
            d = rest;
        }
    }
    if d.is_empty() || d.len() > 2 || !d.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let d = d.iter().fold(0, |n, b| n * 10 + (b - b'0'));
    (1..=31).contains(&d).then_some(d)
}

/// "early/late/mid" before a decade: narrows it.
fn qualifier(s: &Sentence, i: usize, lo: i32, hi: i32) -> (i32, i32, usize) {
    let mut first = i;
    if i >= 1 && s.word(i - 1) == "the" {
        first = i - 1;
    }
    let q = if first >= 1 { s.word(first - 1) } else { "" };
    let q = if q.is_empty() && i >= 1 { s.word(i - 1) } else { q };
    match q.trim_end_matches('-') {
        "early" => (lo, lo + 4, first.saturating_sub(1)),
        "late" => (lo + 5, hi, first.saturating_sub(1)),
        "mid" => (lo + 3, lo + 7, first.saturating_sub(1)),
        _ => (lo, hi, first),
    }
}

/// Seasons and parts of a year before a year or year range: "late 1929", "the winter of 1922-23".
fn season(s: &Sentence, i: usize, y: i32, y2: i32) -> (i32, i32, usize) {
    let whole = (day_number(y, 1, 1), day_number(y2, 12, 31), i);
    if i == 0 {
        return whole;
    }
    let mut k = i - 1;
    if s.word(k) == "of" && k >= 1 {
        k -= 1;
    }
    let w = s.word(k).trim_end_matches('-');
    let first = if k >= 1 && s.word(k - 1) == "the" { k - 1 } else { k };
    match w {
        "early" => (day_number(y, 1, 1), day_number(y, 6, 30), first),
        "late" => (day_number(y2, 7, 1), day_number(y2, 12, 31), first),
        "mid" => (day_number(y, 4, 1), day_number(y2, 9, 30), first),
        "spring" => (day_number(y, 3, 1), day_number(y, 5, 31), first),
        "summer" => (day_number(y, 6, 1), day_number(y, 8, 31), first),
        "autumn" | "fall" => (day_number(y, 9, 1), day_number(y, 11, 30), first),
        // A Russian winter runs from November into March: "the winter of 1920-21" takes in the
        // Kronstadt rising of March 1921.
        "winter" if y2 > y => (day_number(y, 11, 1), day_number(y2, 3, 31), first),
        "winter" => (day_number(y - 1, 12, 1), day_number(y, 12, 31), first),
        _ => whole,
    }
}

fn make(
    s: &Sentence,
    first: usize,
    end: usize,
    year_tok: usize,
    span: DaySpan,
    point: bool,
    is_range: bool,
) -> DateExpr {
    let before = if first >= 1 { s.word(first - 1) } else { "" };
    let before2 = if first >= 2 { s.word(first - 2) } else { "" };
    let relation = match before {
        "by" | "until" | "till" | "before" | "prior" => Relation::ByEnd,
        "after" | "since" => Relation::After,
        "to" if before2 == "prior" || before2 == "up" => Relation::ByEnd,
        "from" if !is_range => Relation::After,
        _ => Relation::In,
    };
    let approx =
        matches!(before, "c" | "c." | "circa" | "about" | "around" | "approximately" | "roughly")
            || (before == "." && before2 == "c");
    let range = s.toks[first].range.start..s.toks[end - 1].range.end;
    let year_range = s.toks[year_tok].range.start..s.toks[end - 1].range.end;
    DateExpr { range, year_range, span, relation, point, is_range, approx, toks: first..end }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::date::civil;

    fn show(text: &str) -> String {
        let s = Sentence::new(text, 0..text.len());
        find(&s)
            .iter()
            .map(|d| {
                let (a, b) = (civil(d.span.lo), civil(d.span.hi));
                format!(
                    "[{}] {:?} {}-{:02}-{:02}..{}-{:02}-{:02}",
                    &text[d.range.clone()],
                    d.relation,
                    a.0,
                    a.1,
                    a.2,
                    b.0,
                    b.1,
                    b.2
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn reads_student_dates() {
        expect_test::expect![[r#"
            [1 December 1934] In 1934-12-01..1934-12-01
            [December 1, 1934] In 1934-12-01..1934-12-01
            [March 1921] In 1921-03-01..1921-03-31
            [1918-21] In 1918-01-01..1921-12-31
            [1936–38] In 1936-01-01..1938-12-31
            [from 1918 to 1921] In 1918-01-01..1921-12-31
            [the 1930s] In 1930-01-01..1939-12-31
            [late 1929] In 1929-07-01..1929-12-31
            [the winter of 1922-23] In 1922-11-01..1923-03-31
            [1939] ByEnd 1939-01-01..1939-12-31
            [1924] After 1924-01-01..1924-12-31"#]]
        .assert_eq(&show("On 1 December 1934, December 1, 1934, March 1921, 1918-21, 1936–38, from 1918 to 1921, the 1930s, late 1929, the winter of 1922-23, by 1939, after 1924."));
    }

    #[test]
    fn two_months_of_one_year() {
        expect_test::expect![[r#"
            [April-May 1937] In 1937-04-01..1937-05-31
            [March–April 1921] In 1921-03-01..1921-04-30
            [November and December 1917] In 1917-11-01..1917-12-31
            [1936] In 1936-01-01..1936-12-31"#]]
        .assert_eq(&show("In April-May 1937, in March–April 1921, in November and December 1917, and in May-April 1936."));
    }

    #[test]
    fn abbreviated_months_and_ranges_of_days_before_a_comma() {
        expect_test::expect![[r#"
            [Jan., 1928] In 1928-01-01..1928-01-31
            [Aug. 20, 1940] In 1940-08-20..1940-08-20
            [March 8–16, 1921] In 1921-03-08..1921-03-16
            [December 1 1934] In 1934-12-01..1934-12-01
            [1917] In 1917-01-01..1917-12-31"#]]
        .assert_eq(&show("In Jan., 1928, on Aug. 20, 1940, during March 8–16, 1921, on December 1 1934 and in Moscow., 1917."));
    }

    #[test]
    fn dates_in_both_calendars_read_as_one() {
        expect_test::expect![[r#"
            [25 October (7 November) 1917] In 1917-10-25..1917-10-25
            [3 (16) April 1917] In 1917-04-03..1917-04-03
            [7 November [O.S. 25 October] 1917] In 1917-11-07..1917-11-07
            [March (N.S.) 1921] In 1921-03-01..1921-03-31
            [16–17 July 1918] In 1918-07-16..1918-07-17
            [18–19 January [O.S. 5–6 January] 1918] In 1918-01-18..1918-01-19"#]]
        .assert_eq(&show("On 25 October (7 November) 1917, on 3 (16) April 1917, on 7 November [O.S. 25 October] 1917, in March (N.S.) 1921, on the night of 16–17 July 1918, on 18–19 January [O.S. 5–6 January] 1918."));
        // Brackets that are not a gloss leave the year alone.
        expect_test::expect![[r#"
            [1917] In 1917-01-01..1917-12-31
            [1921] In 1921-01-01..1921-12-31"#]]
        .assert_eq(&show("Lenin (then in Zurich) 1917 and the party (5 members) 1921."));
    }

    #[test]
    fn counts_are_not_years() {
        assert_eq!(show("Some 1966 delegates and 2,108 of them"), "");
        assert_eq!(show("page 12 and 300,000 members"), "");
    }

    #[test]
    fn days_as_the_string_version_read_them() {
        fn reference(w: &str) -> Option<u8> {
            let d = w
                .trim_end_matches("st")
                .trim_end_matches("nd")
                .trim_end_matches("rd")
                .trim_end_matches("th");
            if d.is_empty() || d.len() > 2 || !d.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let d: u8 = d.parse().ok()?;
            (1..=31).contains(&d).then_some(d)
        }
        for w in [
            "1", "1st", "2nd", "3rd", "4th", "31st", "32nd", "00", "0", "12thst", "1stst", "1stnd",
            "123", "th", "st", "9x", "09", "1ndst", "ab", "",
        ] {
            assert_eq!(day_of(w), reference(w), "{w}");
        }
    }
}
