//! `kb extract`: names, dates and figures in an essay that the fact base does not hold yet,
//! each with its sentence — the tool that grows the base from new essays.
//!
//! A *name* is a run of capitalised words that no entry's spelling covers and that is not
//! an ordinary English word. A *date* is a date expression none of whose sentence's entries
//! (or their events, or a figure the sentence states) is dated to overlap it. A *figure* is a number of 100 or more (or a
//! percentage) that no figure in the base attests.

use std::collections::HashSet;

use crate::base::date::DaySpan;
use crate::base::{is_ordinary_word, EntryId, Kind, KnowledgeBase};
use crate::text::{dates, numbers, prose, sentences, Format};

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
    let mut out: Vec<Candidate> = Vec::new();
    let mut seen: HashSet<(&'static str, String)> = HashSet::new();
    let figure_values: Vec<(f64, f64)> =
        kb.figures.iter().flat_map(|f| f.values.iter().map(|v| (v.low, v.high))).collect();
    for block in &p.blocks {
        let body = &p.masked[block.clone()];
        let mentions = kb.index.find_all(body);
        for range in sentences::split(body, 0..body.len()) {
            let s = sentences::Sentence::new(body, range.clone());
            let sentence_text =
                body[range.clone()].split_whitespace().collect::<Vec<_>>().join(" ");
            let here: Vec<_> = mentions
                .iter()
                .filter(|m| m.range.start >= range.start && m.range.end <= range.end)
                .collect();
            let covered = |rel_start: usize| {
                here.iter().any(|m| {
                    m.range.start <= range.start + rel_start
                        && range.start + rel_start < m.range.end
                })
            };
            let mut push = |kind: &'static str, t: String, out: &mut Vec<Candidate>| {
                if seen.insert((kind, t.to_lowercase())) {
                    out.push(Candidate { kind, text: t, sentence: sentence_text.clone() });
                }
            };
            // Names: runs of capitalised words not covered by a mention.
            let orig = &body[range.clone()];
            let mut i = 0;
            while i < s.toks.len() {
                let t = &s.toks[i];
                let w = &orig[t.range.clone()];
                let cap = w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars().any(char::is_lowercase);
                if !cap || covered(t.range.start) {
                    i += 1;
                    continue;
                }
                let mut j = i + 1;
                while j < s.toks.len() {
                    let w2 = &orig[s.toks[j].range.clone()];
                    if w2.chars().next().is_some_and(char::is_uppercase)
                        && !covered(s.toks[j].range.start)
                        && s.toks[j].range.start == s.toks[j - 1].range.end + 1
                    {
                        j += 1;
                    } else {
                        break;
                    }
                }
                let words: Vec<&str> = (i..j).map(|k| &orig[s.toks[k].range.clone()]).collect();
                let base_words: Vec<String> = words
                    .iter()
                    .map(|w| sentences::possessive_base(&w.to_lowercase()).to_string())
                    .collect();
                let all_common = base_words
                    .iter()
                    .all(|w| is_ordinary_word(w) || NOT_NAMES.contains(&w.as_str()));
                if !all_common {
                    let name = words
                        .iter()
                        .map(|w| sentences::possessive_base(w))
                        .collect::<Vec<_>>()
                        .join(" ");
                    push("name", name, &mut out);
                }
                i = j;
            }
            // Dates. A date is also held when the sentence states a figure the base dates to it
            // ("681,692 executions during 1937-38").
            let numbers_here = numbers::find(&s);
            let mut entry_spans: Vec<DaySpan> =
                here.iter().flat_map(|m| spans_of(kb, m.entry)).collect();
            for f in &kb.figures {
                let stated = numbers_here.iter().any(|n| {
                    f.values.iter().any(|v| n.value >= v.low * 0.98 && n.value <= v.high * 1.02)
                });
                if stated {
                    entry_spans.extend(f.when.as_ref().map(|w| w.span()));
                }
            }
            for d in dates::find(&s) {
                let held = entry_spans.iter().any(|sp| sp.overlaps(&d.span))
                    || kb.entries.iter().any(|e| {
                        e.kind == Kind::Event
                            && e.span().is_some_and(|sp| sp.overlaps(&d.span))
                            && d.point
                            && here.iter().any(|m| {
                                m.entry
                                    == kb
                                        .entries
                                        .iter()
                                        .position(|x| std::ptr::eq(x, e))
                                        .unwrap_or(usize::MAX)
                            })
                    });
                if !held {
                    push("date", orig[d.range.clone()].to_string(), &mut out);
                }
            }
            // Figures.
            for n in numbers_here {
                if n.ratio || (n.value < 100.0 && !n.percent) || is_citation_page(orig, &n.range) {
                    continue;
                }
                let held = figure_values
                    .iter()
                    .any(|&(lo, hi)| n.value >= lo * 0.98 && n.value <= hi * 1.02);
                if !held {
                    push("figure", orig[n.range.clone()].to_string(), &mut out);
                }
            }
        }
    }
    out
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
