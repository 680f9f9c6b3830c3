//! Diagnostics carried over from a document's previous check. After a keystroke nearly every
//! finding is the one before, where it was: before the edit, or after it on a line the edit
//! left whole. Such a finding's diagnostic (and its encoding, see [`Published`]) is the
//! previous one; only the others are converted, so a keystroke costs its paragraph's findings,
//! not the document's.
//!
//! A diagnostic depends on the finding (its ranges, code, message, severity, related
//! information), the settings (the published severity) and the position encoding. A
//! position depends on the text from the start of its line, and on how many lines come
//! before. So a finding is carried over when, with its ranges moved by the edit's length, it
//! equals one found before under the same settings and encoding, and every offset it has is
//! either in the unchanged text before the edit or on a line that starts in the unchanged text
//! after it and keeps its number.

use std::ops::Range;
use std::sync::Arc;

use knowledge::{Finding, Text};
use rustc_hash::FxHashMap as HashMap;
use tower_lsp::lsp_types::Diagnostic;

use crate::position::LineIndex;

/// A finding's diagnostic and its JSON, made once and shared by the checks that carry it over.
pub struct Published {
    pub diagnostic: Diagnostic,
    pub json: Box<[u8]>,
}

impl Published {
    pub fn new(diagnostic: Diagnostic) -> Published {
        // Plain data with string keys: serialising it cannot fail.
        let json = serde_json::to_vec(&diagnostic).unwrap_or_default().into_boxed_slice();
        Published { diagnostic, json }
    }
}

/// What the previous check of the document published, to carry over from.
pub struct Before<'a> {
    /// The previous text's length in bytes.
    pub len: usize,
    pub lines: &'a LineIndex,
    pub findings: &'a [Finding],
    pub published: &'a [Arc<Published>],
}

/// Finds, for the findings of `text`, the previous check's diagnostics that still hold.
pub struct Carry<'a> {
    before: Before<'a>,
    text: &'a str,
    lines: &'a LineIndex,
    /// The unchanged text: `..prefix` at the start, the last `suffix` bytes at the end.
    prefix: usize,
    suffix: usize,
    /// The previous findings by code and (old) range.
    by_range: HashMap<(knowledge::Code, usize, usize), usize>,
}

impl<'a> Carry<'a> {
    /// `(prefix, suffix)`: how many bytes at the start and at the end of the text are the
    /// previous text's (never overlapping).
    pub fn new(
        before: Before<'a>,
        text: &'a str,
        lines: &'a LineIndex,
        (prefix, suffix): (usize, usize),
    ) -> Carry<'a> {
        let by_range = before
            .findings
            .iter()
            .enumerate()
            .map(|(i, f)| ((f.code, f.range.start, f.range.end), i))
            .collect();
        Carry { before, text, lines, prefix, suffix, by_range }
    }

    /// The previous diagnostic of `f`, when it holds unchanged.
    pub fn carried(&self, f: &Finding) -> Option<Arc<Published>> {
        let old_range = self.old_range(&f.range)?;
        let i = *self.by_range.get(&(f.code, old_range.start, old_range.end))?;
        let old = &self.before.findings[i];
        let same = same_moved(old, f, |r| self.old_range(r))
            && self.offsets(f).all(|o| self.position_kept(o));
        same.then(|| self.before.published[i].clone())
    }

    /// Every offset the finding's diagnostic has a position for.
    fn offsets<'f>(&self, f: &'f Finding) -> impl Iterator<Item = usize> + 'f {
        let related = f.related.iter().filter_map(|r| r.range.as_ref());
        std::iter::once(&f.range).chain(related).flat_map(|r| [r.start, r.end])
    }

    /// Where an offset of the new text was in the old one, if in the unchanged text (an offset
    /// before the edit has its byte unchanged too: whether a `\r` before it ends a line
    /// depends on that byte).
    fn old_offset(&self, o: usize) -> Option<usize> {
        let tail = self.text.len() - self.suffix;
        if o < self.prefix {
            Some(o)
        } else if o >= tail {
            Some(o - tail + self.before.len - self.suffix)
        } else {
            None
        }
    }

    fn old_range(&self, r: &Range<usize>) -> Option<Range<usize>> {
        let start = self.old_offset(r.start)?;
        let end = self.old_offset(r.end)?;
        // Both ends on one side of the edit: a range around it changed length.
        (end >= start && end - start == r.end - r.start).then_some(start..end)
    }

    /// Whether `o` has the position it had: before the edit, or on a line that starts after it
    /// (a line start depends on the byte before it too) with as many lines before it.
    fn position_kept(&self, o: usize) -> bool {
        if o < self.prefix {
            return true;
        }
        let Some(old) = self.old_offset(o) else { return false };
        let line = self.lines.line_of(o);
        self.lines.line_start(line) > self.text.len() - self.suffix
            && self.before.lines.line_of(old) == line
    }
}

/// Whether two texts are the same: a finding carried through the analysis's cache shares its
/// texts with the one before, so the pointers are compared first (`Arc<str>`'s own `==` always
/// compares the bytes: std shortcuts by pointer only for sized types).
fn same_text(a: &Text, b: &Text) -> bool {
    Arc::ptr_eq(a, b) || a == b
}

/// Whether `new` is `old` with its ranges moved (`old_range` maps a new range to the old one).
fn same_moved(
    old: &Finding,
    new: &Finding,
    old_range: impl Fn(&Range<usize>) -> Option<Range<usize>>,
) -> bool {
    let moved = |r: &Range<usize>, was: &Range<usize>| old_range(r).as_ref() == Some(was);
    old.code == new.code
        && old.severity == new.severity
        && same_text(&old.message, &new.message)
        && old.quoted == new.quoted
        && old.word.as_deref() == new.word.as_deref()
        && moved(&new.range, &old.range)
        && old.fixes.len() == new.fixes.len()
        && old.fixes.iter().zip(&new.fixes).all(|(a, b)| {
            same_text(&a.title, &b.title)
                && same_text(&a.replacement, &b.replacement)
                && moved(&b.range, &a.range)
        })
        && old.related.len() == new.related.len()
        && old.related.iter().zip(&new.related).all(|(a, b)| {
            same_text(&a.message, &b.message)
                && match (&a.range, &b.range) {
                    (Some(was), Some(r)) => moved(r, was),
                    (None, None) => true,
                    _ => false,
                }
        })
}

#[cfg(test)]
mod tests {
    use std::ops::Range;
    use std::sync::{Arc, OnceLock};

    use knowledge::{Cache, Format};
    use proptest::prelude::*;
    use ropey::Rope;
    use tower_lsp::lsp_types::Url;

    use super::super::analysis::{check, Checked, Snapshot};
    use super::super::base::Base;
    use super::super::mirror::{ByteEdit, Mirror};
    use crate::config::Rules;
    use crate::position::Encoding;

    fn base() -> Arc<Base> {
        static BASE: OnceLock<Arc<Base>> = OnceLock::new();
        BASE.get_or_init(|| Arc::new(Base::embedded())).clone()
    }

    fn checked(
        (rope, generation, mirror): (&Rope, u64, &mut Mirror),
        rules: &Arc<Rules>,
        enc: Encoding,
        cache: &mut Cache,
        previous: Option<&Checked>,
    ) -> Checked {
        let rope = rope.clone();
        let snapshot = Snapshot { version: 1, generation, rope, format: Format::Markdown };
        let uri = Url::parse("file:///essay.md").expect("a file URI");
        check(snapshot, mirror, &base(), rules, enc, &uri, cache, previous)
    }

    /// The text after `edits` (each a byte range of the text as it then is, and its new text)
    /// checked after `before` (carrying over), and checked afresh: the diagnostics and their
    /// encodings must be the same. Returns how many were carried over.
    fn same_as_fresh(before: &str, edits: &[(Range<usize>, &str)], enc: Encoding) -> usize {
        let rules = Arc::new(Rules::default());
        let mut cache = Cache::default();
        let rope = Rope::from_str(before);
        let mut mirror = Mirror::new(&rope);
        let first = checked((&rope, 1, &mut mirror), &rules, enc, &mut cache, None);
        let mut after = before.to_string();
        for (range, put) in edits {
            after.replace_range(range.clone(), put);
        }
        let edits = edits
            .iter()
            .map(|(range, put)| ByteEdit { range: range.clone(), text: put.to_string() });
        let rope = Rope::from_str(&after);
        let mut mirror = Mirror::updated(Some(mirror), edits.collect(), &rope);
        let again = checked((&rope, 2, &mut mirror), &rules, enc, &mut cache, Some(&first));
        let mut fresh_mirror = Mirror::new(&rope);
        let fresh =
            checked((&rope, 2, &mut fresh_mirror), &rules, enc, &mut Cache::default(), None);
        let diagnostics = |c: &Checked| c.findings().map(|(_, d)| d.clone()).collect::<Vec<_>>();
        assert_eq!(diagnostics(&again), diagnostics(&fresh), "{after:?}");
        let encoded = |c: &Checked| c.encoded().map(<[u8]>::to_vec).collect::<Vec<_>>();
        assert_eq!(encoded(&again), encoded(&fresh));
        let was: Vec<*const _> = first.findings().map(|(_, d)| d as *const _).collect();
        again.findings().filter(|(_, d)| was.contains(&(*d as *const _))).count()
    }

    const ESSAY: &str = "Kirov was shot in 1931.\n\n“Stalin” — rose. Kirov was shot in 1931.\n\nKirov was shot in 1931 — by Nikolaev.\n";

    #[test]
    fn a_keystroke_carries_over_the_diagnostics_of_other_lines() {
        let at = ESSAY.find("rose.").expect("the word") + 4;
        assert_eq!(same_as_fresh(ESSAY, &[(at..at, " fast")], Encoding::Utf16), 2);
        // A line break before the last paragraph moves its line: converted again.
        assert_eq!(same_as_fresh(ESSAY, &[(at + 1..at + 1, "\n")], Encoding::Utf16), 1);
        assert_eq!(same_as_fresh(ESSAY, &[], Encoding::Utf8), 3);
        // Typed and taken back: still an edit there.
        let undone = [(at..at, "x"), (at..at + 1, "")];
        assert_eq!(same_as_fresh(ESSAY, &undone, Encoding::Utf8), 2);
    }

    fn piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "Kirov was shot in 1931.",
            " Stallin rose.",
            " Lenin died in 1924.",
            "“Trotsky” — ",
            "é",
            "🙂",
            " ",
            "\n",
            "\n\n",
            "\r\n",
            "\r",
            "Zinoviev ",
            "1917",
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]
        #[test]
        fn carried_over_diagnostics_are_those_of_a_fresh_check(
            pieces in prop::collection::vec(piece(), 0..24),
            edits in prop::collection::vec((0usize..400, 0usize..30, piece()), 0..3),
            utf8 in any::<bool>(),
        ) {
            let before = pieces.concat();
            let mut text = before.clone();
            let mut ranges = Vec::new();
            for (at, cut, put) in edits {
                let bounds: Vec<usize> =
                    text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
                let start = bounds[at % bounds.len()];
                let end = bounds[(at % bounds.len() + cut).min(bounds.len() - 1)];
                text.replace_range(start..end, put);
                ranges.push((start..end, put));
            }
            let enc = if utf8 { Encoding::Utf8 } else { Encoding::Utf16 };
            same_as_fresh(&before, &ranges, enc);
        }
    }
}
