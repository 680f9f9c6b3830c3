//! `not-checked` (Information): where Clio left part of an essay unchecked, so that silence is
//! never mistaken for approval. Analysis has a budget, so that no text can freeze the editor:
//! - a sentence beyond `MAX_BYTES` or with more than `MAX_MARKS` names and numbers (three to
//!   four times the longest sentences of real essays) is cut at its clause marks (`,` `;` `:`
//!   dashes, brackets) into pieces within the budget, each checked as a sentence; a piece still
//!   beyond it (one clause of hundreds of dates, a list of years without a space) is handed to
//!   no check, and this note says so over it;
//! - a document reports at most `MAX_FINDINGS` findings; one note where the rest begin says
//!   how many were left out.
//!
//! The checks' cost grows faster than a sentence's length (every date against every name in its
//! clause); within the budget a sentence costs at most a fraction of a millisecond, so a
//! document's cost is linear in its length whatever is in it. Names found in an unchecked
//! piece keep their hover cards: only the checks skip it.

use std::ops::Range;

use super::check::{no_tables, Check};
use crate::base::Mention;
use crate::finding::{Code, CodeSpec, Finding, Severity};

pub const NOT_CHECKED: CodeSpec = CodeSpec {
    code: Code::NotChecked,
    name: "not-checked",
    setting: "notChecked",
    severity: Severity::Information,
    description: "Say where Clio left text unchecked: a sentence too long to check, or findings beyond the first 1,000 of a document.",
};

/// The code only: the runner reports it (the budget is applied there, around every check).
pub(crate) const CHECK: Check<()> = Check {
    codes: &[NOT_CHECKED],
    runs_when_off: false,
    prepare: no_tables,
    sentence: None,
    document: None,
};

/// The longest sentence (in bytes) handed to the checks whole.
pub const MAX_BYTES: usize = 1_000;
/// The most names and numbers a sentence handed to the checks may hold.
pub const MAX_MARKS: usize = 24;
/// The most findings a document reports (one note more says how many were left out).
pub const MAX_FINDINGS: usize = 1_000;

/// A stretch of a sentence the checks see as one sentence, or that they skip.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Piece {
    pub range: Range<usize>,
    pub checked: bool,
}

/// The size of a stretch of text, as the budget counts it.
#[derive(Clone, Copy, Default)]
struct Size {
    bytes: usize,
    marks: usize,
}

impl Size {
    fn of(body: &str, range: &Range<usize>, mentions: &[Mention]) -> Size {
        let first = mentions.partition_point(|m| m.range.start < range.start);
        let names = mentions[first..].iter().take_while(|m| m.range.start < range.end).count();
        Size { bytes: range.len(), marks: names + numbers_in(&body.as_bytes()[range.clone()]) }
    }

    /// Is the stretch within the budget, told without counting its numbers where it can be
    /// (nearly always): every number has a digit, and counting digits is a vector loop.
    fn whole_within(body: &str, range: &Range<usize>, mentions: &[Mention]) -> bool {
        if range.len() > MAX_BYTES {
            return false;
        }
        let first = mentions.partition_point(|m| m.range.start < range.start);
        let names = mentions[first..].iter().take_while(|m| m.range.start < range.end).count();
        let digits = body.as_bytes()[range.clone()].iter().filter(|b| b.is_ascii_digit()).count();
        names + digits <= MAX_MARKS || Size::of(body, range, mentions).within()
    }

    fn within(self) -> bool {
        self.bytes <= MAX_BYTES && self.marks <= MAX_MARKS
    }

    fn plus(self, other: Size) -> Size {
        Size { bytes: self.bytes + other.bytes, marks: self.marks + other.marks }
    }
}

/// Numbers written in `bytes`: each run of digits not continuing a word or a number ("681,692"
/// and "2.9" count once, "1917-1918" twice).
fn numbers_in(bytes: &[u8]) -> usize {
    let mut n = 0;
    let mut prev = b' ';
    for &b in bytes {
        if b.is_ascii_digit() && !(prev.is_ascii_alphanumeric() || prev == b',' || prev == b'.') {
            n += 1;
        }
        prev = b;
    }
    n
}

/// The sentence at `range` of `body` as the checks will see it: whole when it is within the
/// budget, else cut at clause marks into pieces within it, with the pieces still beyond it
/// marked unchecked. `mentions` are the block's, in order.
pub(crate) fn pieces(body: &str, range: Range<usize>, mentions: &[Mention]) -> Vec<Piece> {
    if Size::whole_within(body, &range, mentions) {
        return vec![Piece { range, checked: true }];
    }
    let mut out = Vec::new();
    // Clauses are gathered into the current piece while it stays within the budget.
    let mut start = range.start;
    let mut size = Size::default();
    for clause in clauses(body, range.clone()) {
        let this = Size::of(body, &clause, mentions);
        if !size.plus(this).within() && clause.start > start {
            push_trimmed(&mut out, body, start..clause.start, true);
            start = clause.start;
            size = Size::default();
        }
        if !this.within() {
            push_trimmed(&mut out, body, clause.clone(), false);
            start = clause.end;
            continue;
        }
        size = size.plus(this);
    }
    push_trimmed(&mut out, body, start..range.end, true);
    out
}

/// `range` cut after each clause mark (`,` `;` `:` `)` and dashes) and before each `(`.
fn clauses(body: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let b = body.as_bytes();
    let mut out = Vec::new();
    let mut start = range.start;
    let mut i = range.start;
    while i < range.end {
        let cut = match b[i] {
            b',' | b';' | b':' | b')' => Some(i + 1),
            b'(' => Some(i),
            // – and — (U+2013, U+2014: E2 80 93 / E2 80 94).
            0xE2 if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x93 | 0x94)) => {
                Some(i + 3)
            }
            _ => None,
        };
        if let Some(c) = cut.filter(|&c| c > start && c <= range.end) {
            out.push(start..c);
            start = c;
        }
        i += 1;
    }
    if start < range.end {
        out.push(start..range.end);
    }
    out
}

fn push_trimmed(out: &mut Vec<Piece>, body: &str, r: Range<usize>, checked: bool) {
    let piece = &body[r.clone()];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if r.start + lead < r.end - trail {
        out.push(Piece { range: r.start + lead..r.end - trail, checked });
    }
}

/// The note over a piece the checks skipped (block-relative range).
pub(crate) fn unchecked(body: &str, range: Range<usize>, mentions: &[Mention]) -> Finding {
    let size = Size::of(body, &range, mentions);
    let why = if size.marks > MAX_MARKS {
        format!("{} names and numbers", size.marks)
    } else {
        format!("{} characters without a break", body[range.clone()].chars().count())
    };
    NOT_CHECKED.finding(
        range,
        format!(
            "Not checked: this sentence is too long to check ({why}). Split it into shorter \
             sentences to have its dates, names and figures checked."
        ),
    )
}

/// Keeps the first `MAX_FINDINGS` findings (in document order) and, if any were left out and
/// `note` is on, one note where the first of them was.
pub(crate) fn cap(findings: &mut Vec<Finding>, note: bool) {
    if findings.len() <= MAX_FINDINGS {
        return;
    }
    let left_out = findings.len() - MAX_FINDINGS;
    let at = findings[MAX_FINDINGS].range.clone();
    findings.truncate(MAX_FINDINGS);
    if note {
        findings.push(NOT_CHECKED.finding(
            at,
            format!(
                "Not shown: this document has more findings than the {MAX_FINDINGS} shown; \
                 {left_out} more from here on were left out."
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pieces of `text` (one sentence), unchecked ones in brackets; names are found as
    /// the analysis finds them.
    fn show(text: &str) -> String {
        let mentions = crate::checks::testing::kb().index.find_all(text);
        pieces(text, 0..text.len(), &mentions)
            .iter()
            .map(|p| {
                if p.checked {
                    format!("<{}>", &text[p.range.clone()])
                } else {
                    format!("[{}]", &text[p.range.clone()])
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn a_sentence_within_the_budget_is_whole() {
        let t = "Zinoviev and Kamenev were shot in August 1936 after the first Moscow show trial; Pyatakov and Radek followed in 1937.";
        assert_eq!(show(t), format!("<{t}>"));
    }

    #[test]
    fn the_longest_sentences_students_write_are_whole() {
        for t in [
            "Between the October Revolution of 1917 and Lenin's death in January 1924, the Bolsheviks founded the Cheka, dissolved the Constituent Assembly, fought a civil war against the Whites, requisitioned grain under War Communism, crushed the Kronstadt sailors in March 1921, banned factions at the Tenth Party Congress and then retreated into the NEP, so that by the time Stalin became General Secretary in 1922 the one-party state he would inherit was already in place.",
            "Collectivisation, launched in 1929 and largely complete by 1934, cost between five and seven million lives in the famine of 1932-33, while the purges of 1936-38 saw Zinoviev, Kamenev, Bukharin, Rykov, Tukhachevsky and some 681,692 others shot, figures which dwarf the 8,389 executions the Cheka recorded in 1918-19 and which historians such as Conquest, Service and Fitzpatrick read very differently.",
            "If Trotsky, rather than Stalin, had won the struggle that followed 1924 (and Lenin's Testament of December 1922 and January 1923 suggests he feared Stalin's rudeness more than Trotsky's arrogance), it is far from clear that the Soviet Union would have avoided forced industrialisation, since Trotsky himself had argued for it against Bukharin and the Right in 1926-27.",
        ] {
            assert!(t.len() > 300);
            assert_eq!(show(t), format!("<{t}>"));
        }
    }

    #[test]
    fn a_long_sentence_is_cut_at_clause_marks_into_pieces_within_the_budget() {
        let t = "Kirov was shot in 1934, ".repeat(30);
        let p = pieces(&t, 0..t.len(), &[]);
        assert!(p.len() > 1 && p.iter().all(|p| p.checked), "{p:?}");
        for piece in &p {
            assert!(Size::of(&t, &piece.range, &[]).within());
            assert!(t[piece.range.clone()].ends_with("1934,"), "cut at a comma");
        }
    }

    #[test]
    fn a_clause_beyond_the_budget_is_left_unchecked() {
        let t = format!("In short, {}and so on.", "1917 ".repeat(30));
        expect_test::expect![[r#"<In short,> [1917 1917 1917 1917 1917 1917 1917 1917 1917 1917 1917 1917 1917 1917 1917 1917 1917 1917 1917 1917 1917 1917 1917 1917 1917 1917 1917 1917 1917 1917 and so on.]"#]].assert_eq(&show(&t));
    }

    #[test]
    fn findings_beyond_the_cap_are_left_out_with_one_note_where_they_begin() {
        let many = |n: usize| -> Vec<Finding> {
            (0..n)
                .map(|i| Finding::new(Code::DubiousDate, i * 10..i * 10 + 4, "x".into()))
                .collect()
        };
        let mut at_cap = many(MAX_FINDINGS);
        cap(&mut at_cap, true);
        assert_eq!(at_cap.len(), MAX_FINDINGS, "no note at the cap");
        let mut over = many(MAX_FINDINGS + 500);
        cap(&mut over, true);
        assert_eq!(over.len(), MAX_FINDINGS + 1);
        let note = over.last().unwrap();
        assert_eq!((note.code, note.severity), (Code::NotChecked, Severity::Information));
        assert_eq!(note.range, MAX_FINDINGS * 10..MAX_FINDINGS * 10 + 4);
        expect_test::expect!["Not shown: this document has more findings than the 1000 shown; 500 more from here on were left out."]
            .assert_eq(&note.message);
        let mut quiet = many(MAX_FINDINGS + 500);
        cap(&mut quiet, false);
        assert_eq!(quiet.len(), MAX_FINDINGS, "the note switched off");
    }

    #[test]
    fn numbers_count_once_however_written() {
        assert_eq!(numbers_in(b"681,692 and 2.9 in 1917-1918, not x1917"), 4);
    }

    #[test]
    fn a_long_clause_without_marks_is_unchecked_whole() {
        let t = "Kirov was shot in 1936 ".repeat(200);
        let t = t.trim_end();
        let p = pieces(t, 0..t.len(), &[]);
        assert_eq!(p, vec![Piece { range: 0..t.len(), checked: false }]);
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn sentence() -> impl Strategy<Value = String> {
        let words = vec![
            "Kirov ",
            "Stalin ",
            "was ",
            "shot ",
            "in ",
            "1936 ",
            "1917-1918",
            "681,692 ",
            ", ",
            "; ",
            ": ",
            " – ",
            "(",
            ") ",
            "and ",
            "Zinoviev ",
            "x",
            "é",
            " ",
        ];
        prop::collection::vec(prop::sample::select(words), 0..900).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..Default::default() })]
        /// Whatever the sentence, the checks only ever see pieces within the budget, in order,
        /// and every word of it lies in a piece (checked or noted as unchecked).
        #[test]
        fn every_checked_piece_is_within_the_budget(t in sentence()) {
            let mentions = crate::checks::testing::kb().index.find_all(&t);
            let p = pieces(&t, 0..t.len(), &mentions);
            let mut covered = 0;
            for piece in &p {
                prop_assert!(piece.range.start >= covered, "{p:?}");
                prop_assert!(t[covered..piece.range.start].trim().is_empty(), "{p:?}");
                if piece.checked {
                    prop_assert!(Size::of(&t, &piece.range, &mentions).within(), "{piece:?}");
                }
                covered = piece.range.end;
            }
            prop_assert!(t[covered..].trim().is_empty());
        }
    }
}
