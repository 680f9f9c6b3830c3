//! An essay's dated claims as plain data, for a timeline: every date the essay writes, where
//! it falls, and whether it agrees with the fact base; and the side each paragraph argues.
//!
//! Built from an [`Analysis`] (nothing is checked twice):
//! - a date that `dubious-date` flagged **contradicts** the record; the record's date comes
//!   from the finding's quick fix (or, failing that, its message), and its message goes along;
//! - a date the check left alone **matches** when, in the same sentence, a name stands whose
//!   recorded dates include one that the written date covers (an event's or period's span; a
//!   person's birth, death, posts and what happened to them; a body's founding or end; a
//!   document's writing or publication). The nearest such name wins;
//! - any other date is **unknown**: the base says nothing about it that the sentence ties to.
//!
//! Only dates in the sentence's "in 1934" sense can match: "by 1939" or "after 1924" only
//! bound a time, so they stay unknown unless the check flagged them. Dates inside a
//! `clio-disable` region for `dubious-date` are left out, as the check leaves them.

use std::ops::Range;

use crate::analysis::Analysis;
use crate::base::date::{DaySpan, When};
use crate::base::{Entry, Kind, KnowledgeBase, Stance};
use crate::dates::{self, DateExpr, Relation};
use crate::finding::{Code, Finding};
use crate::outline;
use crate::text::sentences::{self, Sentence};

/// How a written date stands against the fact base.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Matches,
    Contradicts,
    Unknown,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Matches => "matches",
            Verdict::Contradicts => "contradicts",
            Verdict::Unknown => "unknown",
        }
    }
}

/// What the fact base records for the thing a date is tied to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    /// The days the record's date covers.
    pub span: DaySpan,
    /// The record in words: "Vladimir Lenin died 21 January 1924", or the corrected date.
    pub label: String,
}

/// One date as the essay writes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatedClaim {
    /// The date as written (byte range in the document).
    pub range: Range<usize>,
    /// The sentence it is in.
    pub sentence: Range<usize>,
    /// Index into [`Timeline::paragraphs`] of the paragraph it is in.
    pub paragraph: usize,
    /// The days the written date covers.
    pub written: DaySpan,
    pub verdict: Verdict,
    pub record: Option<Record>,
    /// For a contradiction, the finding's message.
    pub note: Option<String>,
}

/// A paragraph (a block of prose: paragraph, heading, list item) and the claims it makes on
/// each side of the debate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    pub range: Range<usize>,
    pub continuity: usize,
    pub rupture: usize,
}

impl Paragraph {
    /// The side the paragraph argues: the one it makes more claims for, if any.
    pub fn side(&self) -> Option<Stance> {
        match self.continuity.cmp(&self.rupture) {
            std::cmp::Ordering::Greater => Some(Stance::Continuity),
            std::cmp::Ordering::Less => Some(Stance::Rupture),
            std::cmp::Ordering::Equal => None,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Timeline {
    /// In document order.
    pub claims: Vec<DatedClaim>,
    pub paragraphs: Vec<Paragraph>,
}

/// The timeline of an analysed essay.
pub fn timeline(kb: &KnowledgeBase, analysis: &Analysis) -> Timeline {
    let prose = &analysis.prose;
    let paragraphs: Vec<Paragraph> = prose
        .blocks
        .iter()
        .zip(outline::argued(kb, analysis))
        .map(|(b, a)| Paragraph { range: b.clone(), continuity: a.continuity, rupture: a.rupture })
        .collect();
    let flagged: Vec<&Finding> =
        analysis.findings.iter().filter(|f| f.code == Code::DubiousDate).collect();
    let mut claims = Vec::new();
    for (paragraph, block) in prose.blocks.iter().enumerate() {
        for range in sentences::split(&prose.masked, block.clone()) {
            let s = Sentence::new(&prose.masked, range.clone());
            for d in dates::find(&s) {
                let abs = range.start + d.range.start..range.start + d.range.end;
                if prose.is_disabled(&abs, Code::DubiousDate.as_str()) {
                    continue;
                }
                let claim = judge(kb, analysis, &flagged, &d, abs, range.clone(), paragraph);
                claims.push(claim);
            }
        }
    }
    Timeline { claims, paragraphs }
}

fn judge(
    kb: &KnowledgeBase,
    analysis: &Analysis,
    flagged: &[&Finding],
    d: &DateExpr,
    range: Range<usize>,
    sentence: Range<usize>,
    paragraph: usize,
) -> DatedClaim {
    let written = written_span(d);
    let mut claim = DatedClaim {
        range: range.clone(),
        sentence: sentence.clone(),
        paragraph,
        written,
        verdict: Verdict::Unknown,
        record: None,
        note: None,
    };
    if let Some(f) = flagged.iter().find(|f| f.range.start < range.end && range.start < f.range.end)
    {
        claim.verdict = Verdict::Contradicts;
        claim.record = corrected(f, &written);
        claim.note = Some(f.message.to_string());
        return claim;
    }
    if d.relation != Relation::In {
        return claim;
    }
    let first = analysis.mentions.partition_point(|m| m.range.end <= sentence.start);
    let nearest = analysis.mentions[first..]
        .iter()
        .take_while(|m| m.range.start < sentence.end)
        .filter_map(|m| {
            let record = agreeing_record(&kb.entries[m.entry], &written)?;
            let distance = if m.range.end <= range.start {
                range.start - m.range.end
            } else {
                m.range.start.saturating_sub(range.end)
            };
            Some((distance, record))
        })
        .min_by_key(|(distance, _)| *distance);
    if let Some((_, record)) = nearest {
        claim.verdict = Verdict::Matches;
        claim.record = Some(record);
    }
    claim
}

/// The days a written date covers, a year wider either side when it is approximate.
fn written_span(d: &DateExpr) -> DaySpan {
    if d.approx {
        DaySpan::new(d.span.lo - 366, d.span.hi + 366)
    } else {
        d.span
    }
}

/// The record's date behind a `dubious-date` finding: its first quick fix's date, or else
/// the first date in its message that differs from the one written.
fn corrected(f: &Finding, written: &DaySpan) -> Option<Record> {
    if let Some(fix) = f.fixes.first() {
        if let Some(span) = first_date(&fix.replacement, None) {
            return Some(Record { span, label: fix.replacement.trim().to_string() });
        }
    }
    let span = first_date(&f.message, Some(written))?;
    Some(Record { span, label: f.message.to_string() })
}

/// The first date in `text` that does not overlap `unlike`.
fn first_date(text: &str, unlike: Option<&DaySpan>) -> Option<DaySpan> {
    let s = Sentence::new(text, 0..text.len());
    dates::find(&s)
        .into_iter()
        .map(|d| written_span(&d))
        .find(|span| unlike.is_none_or(|u| !u.overlaps(span)))
}

/// The narrowest of the entry's recorded dates that `written` covers, in words.
fn agreeing_record(e: &Entry, written: &DaySpan) -> Option<Record> {
    recorded_dates(e)
        .into_iter()
        .filter(|(_, when)| when.span().overlaps(written))
        .min_by_key(|(_, when)| when.span().hi - when.span().lo)
        .map(|(what, when)| Record { span: when.span(), label: format!("{what} {when}") })
}

/// The dates the base records for an entry, each with what happened then ("Vladimir Lenin
/// died"). Places are left out: their dates are of names, not of events.
fn recorded_dates(e: &Entry) -> Vec<(String, When)> {
    let name = e.full_name.as_deref().unwrap_or(&e.name);
    let mut out = Vec::new();
    let mut push = |what: String, when: Option<When>| {
        if let Some(w) = when {
            out.push((what, w));
        }
    };
    match e.kind {
        Kind::Person => {
            push(format!("{name} was born"), e.start);
            push(format!("{name} died"), e.end);
            for h in &e.happenings {
                push(format!("{name}: {}", h.kind), Some(h.when));
            }
            for r in &e.roles {
                push(format!("{name} became {}", r.title), r.from);
                push(format!("{name} ceased to be {}", r.title), r.to);
            }
        }
        Kind::Body => {
            push(format!("{name} was founded"), e.start);
            push(format!("{name} ended"), e.end);
        }
        Kind::Place => {}
        _ if e.is_place() => {}
        _ if e.is_document() => {
            push(format!("{name} was written"), e.start);
            push(format!("{name} was published"), e.published);
        }
        Kind::Event | Kind::Term | Kind::Document => {
            let span = match (e.start, e.end) {
                (Some(s), Some(t)) => Some(When { from: s.from, to: Some(t.to.unwrap_or(t.from)) }),
                (Some(s), None) => Some(s),
                _ => None,
            };
            push(format!("{name},"), span);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyze, Cache, Config, Format};
    use expect_test::{expect, Expect};

    /// Each dated claim as "written → verdict (record)", one a line, then each paragraph's side.
    fn check(text: &str, expected: Expect) {
        let kb = crate::Prepared::embedded();
        let a = analyze(&kb, text, Format::Markdown, &Config::default(), &mut Cache::default());
        let t = timeline(&kb, &a);
        let mut out = String::new();
        for c in &t.claims {
            let record = c.record.as_ref().map(|r| format!(" ({})", r.label)).unwrap_or_default();
            out.push_str(&format!(
                "¶{} {} → {}{record}\n",
                c.paragraph + 1,
                &text[c.range.clone()],
                c.verdict.as_str()
            ));
        }
        for (i, p) in t.paragraphs.iter().enumerate() {
            let side = p.side().map_or("neither", |s| s.label());
            out.push_str(&format!("¶{}: {side}\n", i + 1));
        }
        expected.assert_eq(&out);
    }

    #[test]
    fn a_flagged_date_contradicts_with_the_record_beside_it() {
        check(
            "Kirov was murdered in 1936, and Lenin died in January 1924.\n",
            expect![[r#"
                ¶1 1936 → contradicts (1934)
                ¶1 January 1924 → matches (Vladimir Ilyich Lenin died 21 January 1924)
                ¶1: neither
            "#]],
        );
    }

    #[test]
    fn a_date_no_name_is_tied_to_stays_unknown() {
        check(
            "In 1911 the harvest was poor.\n\nBy 1939 Stalin was supreme.\n",
            expect![[r#"
                ¶1 1911 → unknown
                ¶2 1939 → unknown
                ¶1: neither
                ¶2: neither
            "#]],
        );
    }

    #[test]
    fn paragraphs_take_the_side_of_their_claims() {
        check(
            "Lenin's terror made Stalin's terror inevitable.\n\nStalin broke with Lenin's NEP in 1928 and abandoned collective leadership.\n",
            expect![[r#"
                ¶2 1928 → matches (New Economic Policy, March 1921–c. 1928)
                ¶1: continuity
                ¶2: rupture
            "#]],
        );
    }

    #[test]
    fn a_name_beside_a_date_matches_only_when_one_of_its_dates_is_that_date() {
        check(
            "Bukharin wrote a pamphlet in 1915, and Zinoviev was shot in 1936. \
             Stalin, in 1911, read Marx; Lenin was in Zurich in 1916.\n",
            expect![[r#"
                ¶1 1915 → unknown
                ¶1 1936 → matches (Grigory Yevseyevich Zinoviev died 25 August 1936)
                ¶1 1911 → matches (Joseph Vissarionovich Stalin: escape September 1911)
                ¶1 1916 → matches (Joseph Vissarionovich Stalin: exile July 1913–March 1917)
                ¶1: neither
            "#]],
        );
    }

    #[test]
    fn ranges_and_full_dates_are_placed_at_their_precision() {
        check(
            "The civil war of 1918-21 was won. Kirov was shot on 1 December 1934. \
             The NEP began in 1925.\n",
            expect![[r#"
                ¶1 1918-21 → matches (Russian Civil War, c. 1918–c. 1921)
                ¶1 1 December 1934 → matches (Sergei Mironovich Kirov died 1 December 1934)
                ¶1 1925 → contradicts (1921)
                ¶1: neither
            "#]],
        );
    }
}
