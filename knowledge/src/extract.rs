//! `kb extract`: names, dates and figures in an essay that the fact base does not hold yet,
//! each with its sentence — the tool that grows the base from new essays.
//!
//! A *name* is a run of capitalised words that no entry's spelling covers and that is not
//! an ordinary English word. A *date* is a date expression none of whose sentence's entries
//! (or their events, or a figure the sentence states) is dated to overlap it. A *figure* is a number of 100 or more (or a
//! percentage) that no figure in the base attests.

use std::collections::HashSet;

use crate::base::date::DaySpan;
use crate::base::{is_ordinary_word, EntryId, Kind, KnowledgeBase, Mention};
use crate::dates;
use crate::text::numbers::NumberExpr;
use crate::text::{numbers, prose, sentences, Format};

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Candidate {
    /// `name`, `date` or `figure`.
    pub kind: &'static str,
    pub text: String,
    pub sentence: String,
}

const NOT_NAMES: &[&str] = &[
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
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "i",
    "source",
    "sources",
];

/// Every date the base ties to an entry or to the events it takes part in.
fn spans_of(kb: &KnowledgeBase, id: EntryId) -> Vec<DaySpan> {
    let e = &kb.entries[id];
    let mut out = Vec::new();
    out.extend(e.start.map(|d| d.span()));
    out.extend(e.end.map(|d| d.span()));
    out.extend(e.span());
    for r in &e.roles {
        out.extend(r.from.map(|d| d.span()));
        out.extend(r.to.map(|d| d.span()));
    }
    for v in &e.variants {
        if let Ok(d) = crate::base::date::Date::parse(v.value.trim()) {
            out.push(d.span());
        }
    }
    for (j, x) in kb.entries.iter().enumerate() {
        if x.kind == Kind::Event
            && (x.actors.contains(&id) || x.related.contains(&id) || e.related.contains(&j))
        {
            out.extend(x.span());
        }
    }
    out
}

pub fn candidates(kb: &KnowledgeBase, text: &str, format: Format) -> Vec<Candidate> {
    let p = prose(text, format);
    let mut found = Found::default();
    let figure_values: Vec<(f64, f64)> =
        kb.figures.iter().flat_map(|f| f.values.iter().map(|v| (v.low, v.high))).collect();
    for block in &p.blocks {
        let body = &p.masked[block.clone()];
        let mentions = crate::mentions::find_in(kb, body);
        for range in sentences::split(body, 0..body.len()) {
            let here: Vec<&Mention> = mentions
                .iter()
                .filter(|m| m.range.start >= range.start && m.range.end <= range.end)
                .collect();
            let sentence = EssaySentence {
                s: sentences::Sentence::new(body, range.clone()),
                text: &body[range.clone()],
                start: range.start,
                here,
            };
            found.sentence = sentence.text.split_whitespace().collect::<Vec<_>>().join(" ");
            sentence.names(&mut found);
            let numbers_here = numbers::find(&sentence.s);
            sentence.dates(kb, &numbers_here, &mut found);
            sentence.figures(&figure_values, numbers_here, &mut found);
        }
    }
    found.out
}

/// The candidates found so far, each once (by kind and lower-cased text), and the sentence
/// being read.
#[derive(Default)]
struct Found {
    out: Vec<Candidate>,
    seen: HashSet<(&'static str, String)>,
    sentence: String,
}

impl Found {
    fn push(&mut self, kind: &'static str, text: String) {
        if self.seen.insert((kind, text.to_lowercase())) {
            self.out.push(Candidate { kind, text, sentence: self.sentence.clone() });
        }
    }
}

/// One sentence of the essay, with the names the base knows in it.
struct EssaySentence<'a> {
    s: sentences::Sentence,
    /// The sentence's text (original case).
    text: &'a str,
    /// Where it starts in its block.
    start: usize,
    here: Vec<&'a Mention>,
}

impl EssaySentence<'_> {
    /// Is the sentence-relative offset inside a known name?
    fn covered(&self, rel_start: usize) -> bool {
        let at = self.start + rel_start;
        self.here.iter().any(|m| m.range.start <= at && at < m.range.end)
    }

    /// Names: runs of capitalised words not covered by a mention, not all ordinary words.
    fn names(&self, found: &mut Found) {
        let (s, orig) = (&self.s, self.text);
        let mut i = 0;
        while i < s.toks.len() {
            let t = &s.toks[i];
            let w = &orig[t.range.clone()];
            let cap = w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().any(char::is_lowercase);
            if !cap || self.covered(t.range.start) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < s.toks.len() {
                let w2 = &orig[s.toks[j].range.clone()];
                if w2.chars().next().is_some_and(char::is_uppercase)
                    && !self.covered(s.toks[j].range.start)
                    && s.toks[j].range.start == s.toks[j - 1].range.end + 1
                {
                    j += 1;
                } else {
                    break;
                }
            }
            let words: Vec<&str> = (i..j).map(|k| &orig[s.toks[k].range.clone()]).collect();
            let all_common = words.iter().all(|w| {
                let base = sentences::possessive_base(&w.to_lowercase()).to_string();
                is_ordinary_word(&base) || NOT_NAMES.contains(&base.as_str())
            });
            if !all_common {
                let name = words
                    .iter()
                    .map(|w| sentences::possessive_base(w))
                    .collect::<Vec<_>>()
                    .join(" ");
                found.push("name", name);
            }
            i = j;
        }
    }

    /// Dates none of the sentence's entries (or their events) is dated to overlap. A date is
    /// also held when the sentence states a figure the base dates to it ("681,692 executions
    /// during 1937-38").
    fn dates(&self, kb: &KnowledgeBase, numbers_here: &[NumberExpr], found: &mut Found) {
        let mut entry_spans: Vec<DaySpan> =
            self.here.iter().flat_map(|m| spans_of(kb, m.entry)).collect();
        for f in &kb.figures {
            let stated = numbers_here.iter().any(|n| {
                f.values.iter().any(|v| n.value >= v.low * 0.98 && n.value <= v.high * 1.02)
            });
            if stated {
                entry_spans.extend(f.when.as_ref().map(|w| w.span()));
            }
        }
        for d in dates::find(&self.s) {
            let held = entry_spans.iter().any(|sp| sp.overlaps(&d.span))
                || kb.entries.iter().enumerate().any(|(ei, e)| {
                    e.kind == Kind::Event
                        && e.span().is_some_and(|sp| sp.overlaps(&d.span))
                        && d.point
                        && self.here.iter().any(|m| m.entry == ei)
                });
            if !held {
                found.push("date", self.text[d.range.clone()].to_string());
            }
        }
    }

    /// Numbers of 100 or more (or percentages) no figure of the base attests.
    fn figures(
        &self,
        figure_values: &[(f64, f64)],
        numbers_here: Vec<NumberExpr>,
        found: &mut Found,
    ) {
        for n in numbers_here {
            if n.ratio || (n.value < 100.0 && !n.percent) || is_citation_page(self.text, &n.range) {
                continue;
            }
            let held =
                figure_values.iter().any(|&(lo, hi)| n.value >= lo * 0.98 && n.value <= hi * 1.02);
            if !held {
                found.push("figure", self.text[n.range.clone()].to_string());
            }
        }
    }
}

/// A page number in a parenthetical citation: "(Ulam 452)", "(Cohen, 311)".
fn is_citation_page(sentence: &str, r: &std::ops::Range<usize>) -> bool {
    let before = sentence[..r.start].trim_end().trim_end_matches(',');
    let after = sentence[r.end..].trim_start();
    let author = before.rsplit(|c: char| c.is_whitespace() || c == '(').next().unwrap_or("");
    let opened = before.rfind('(').is_some_and(|i| !before[i..].contains(')'));
    opened && after.starts_with(')') && author.chars().next().is_some_and(char::is_uppercase)
}

/// A candidate deliberately left out of the base, with the reason (`data/extract-ignore.toml`).
#[derive(Clone, Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reviewed {
    pub kind: String,
    pub text: String,
    pub reason: String,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ReviewedFile {
    #[serde(default)]
    ignore: Vec<Reviewed>,
}

const REVIEWED: &str = include_str!("../data/extract-ignore.toml");

/// The reviewed ignore list. A parse error is a bug in the data, caught by the extract test.
pub fn reviewed() -> Result<Vec<Reviewed>, String> {
    toml::from_str::<ReviewedFile>(REVIEWED).map(|f| f.ignore).map_err(|e| e.to_string())
}

/// Candidates not yet reviewed: what a teacher still has to add to the base or to the list.
pub fn unreviewed(kb: &KnowledgeBase, text: &str, format: Format) -> Vec<Candidate> {
    let list = reviewed().unwrap_or_default();
    candidates(kb, text, format)
        .into_iter()
        .filter(|c| !list.iter().any(|r| r.kind == c.kind && r.text.eq_ignore_ascii_case(&c.text)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<String> {
        let (kb, _) = KnowledgeBase::embedded();
        candidates(&kb, text, Format::Plain)
            .into_iter()
            .map(|c| format!("{} {}", c.kind, c.text))
            .collect()
    }

    #[test]
    fn page_numbers_in_citations_are_not_figures() {
        assert_eq!(
            kinds("Trotsky thought Stalin easily controlled (Ulam 554)."),
            Vec::<String>::new()
        );
        assert_eq!(kinds("Bukharin backed the NEP (Cohen, 311)."), Vec::<String>::new());
        // Outside a citation the same number is a candidate.
        assert_eq!(kinds("Some 554 officers were arrested."), vec!["figure 554"]);
        assert_eq!(
            kinds("The purge took 7,340 officers (a fifth of the corps)."),
            vec!["figure 7,340"]
        );
    }

    #[test]
    fn a_date_is_held_by_a_figure_the_sentence_states() {
        assert_eq!(
            kinds("Official records count 681,692 executions during 1937-38."),
            Vec::<String>::new()
        );
        assert_eq!(
            kinds("Some 3,000 kulaks were shot during 1905."),
            vec!["date 1905", "figure 3,000"]
        );
    }
}
