//! The document's text as one string, for the analysis (which reads a `&str`), kept up to date
//! by replaying the client's edits on it instead of copying the whole text out of the rope for
//! every check: a keystroke in a 1 MB document then costs moving the bytes after it, not
//! gathering a megabyte from the rope's chunks into fresh memory. Its line index follows the
//! same edits, and it knows which ends of the text are unchanged since the last check made
//! from it, so that the check's diagnostics can be carried over without comparing the texts.
//!
//! The mirror travels with the document's analysis job to the worker and back (like the
//! analysis cache); the edits made meanwhile wait in the document ([`Pending`]) until the next
//! job takes them.

use knowledge::analysis::Unchanged;
use ropey::Rope;

use crate::position::LineIndex;

/// One edit in bytes: `range` of the text as it was then, replaced by `text` (a range that
/// ends past the text ends with it).
pub struct ByteEdit {
    pub range: std::ops::Range<usize>,
    pub text: String,
}

/// The edits made to a document since its mirror's text, in order.
#[derive(Default)]
pub struct Pending {
    edits: Vec<ByteEdit>,
}

impl Pending {
    pub fn push(&mut self, edit: ByteEdit) {
        self.edits.push(edit);
    }

    /// Records a new text in place of the whole one: the edits before it are pointless.
    pub fn push_whole(&mut self, text: String) {
        self.edits.clear();
        self.edits.push(ByteEdit { range: 0..usize::MAX, text });
    }

    pub fn take(&mut self) -> Vec<ByteEdit> {
        std::mem::take(&mut self.edits)
    }
}

pub struct Mirror {
    text: String,
    lines: LineIndex,
    /// The generation of the last check made from this text, and which ends of the text are
    /// still that check's (`None`: nothing changed since).
    checked: Option<(u64, Option<Ends>)>,
}

/// The first `prefix` and the last `suffix` bytes of a text are those of an earlier one.
#[derive(Clone, Copy)]
struct Ends {
    prefix: usize,
    suffix: usize,
}

impl Mirror {
    /// The rope's text, copied whole (a document's first check, or after a failure).
    pub fn new(rope: &Rope) -> Mirror {
        let text = String::from(rope);
        let lines = LineIndex::new(&text);
        Mirror { text, lines, checked: None }
    }

    /// The mirror brought to the rope's text: `edits` (those made since its text) replayed on
    /// it, or, when there is no mirror, a new one.
    pub fn updated(mirror: Option<Mirror>, edits: Vec<ByteEdit>, rope: &Rope) -> Mirror {
        let Some(mut mirror) = mirror else { return Mirror::new(rope) };
        for edit in edits {
            mirror.apply(edit);
        }
        debug_assert!(*rope == mirror.text, "the mirror's text differs from the rope's");
        mirror
    }

    fn apply(&mut self, ByteEdit { range, text }: ByteEdit) {
        let len = self.text.len();
        let (start, end) = (range.start, range.end.min(len));
        self.text.replace_range(start..end, &text);
        self.lines.edit(&self.text, start, end, text.len());
        if let Some((_, ends)) = &mut self.checked {
            let was = ends.unwrap_or(Ends { prefix: len, suffix: len });
            *ends = Some(Ends { prefix: was.prefix.min(start), suffix: was.suffix.min(len - end) });
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn lines(&self) -> &LineIndex {
        &self.lines
    }

    /// Of the text checked at `generation` (`before_len` bytes long) and this one, how many
    /// bytes at the start and at the end are the same, when known: the check was the last one
    /// made from this mirror. Never more than the texts have in common; maybe less (an edit
    /// undone by the next still counts as changed).
    pub fn unchanged_since(&self, generation: u64, before_len: usize) -> Option<(usize, usize)> {
        match self.checked {
            Some((g, ends)) if g == generation => Some(match ends {
                Some(Ends { prefix, suffix }) => (prefix, suffix),
                None => (before_len.min(self.text.len()), 0),
            }),
            _ => None,
        }
    }

    /// What is known of the text against the last check made from this mirror, for the
    /// analysis to read again only the edits' stretch: that check's generation and the
    /// unchanged ends since.
    pub fn since_checked(&self) -> Option<Unchanged> {
        let (since, ends) = self.checked?;
        let Ends { prefix, suffix } = ends.unwrap_or(Ends { prefix: self.text.len(), suffix: 0 });
        Some(Unchanged { since, prefix, suffix })
    }

    /// A check was made from the text as it is now, at `generation`.
    pub fn checked(&mut self, generation: u64) {
        self.checked = Some((generation, None));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec!["Kirov ", "é", "🙂", "\n", "\r\n", "\r", "1934", ""])
    }

    proptest! {
        #[test]
        fn replayed_edits_give_the_ropes_text_and_true_unchanged_ends(
            start in prop::collection::vec(piece(), 0..20),
            edits in prop::collection::vec((0usize..200, 0usize..8, piece()), 0..6),
            whole in prop::option::of((0usize..6, prop::collection::vec(piece(), 0..6))),
        ) {
            let start = start.concat();
            let mut rope = Rope::from_str(&start);
            let mut mirror = Mirror::new(&rope);
            mirror.checked(7);
            let mut pending = Pending::default();
            for (i, (at, cut, put)) in edits.into_iter().enumerate() {
                if let Some((_, new)) = whole.as_ref().filter(|(w, _)| *w == i) {
                    rope = Rope::from_str(&new.concat());
                    pending.push_whole(new.concat());
                }
                let text = rope.to_string();
                let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
                let s = bounds[at % bounds.len()];
                let e = bounds[(at % bounds.len() + cut).min(bounds.len() - 1)];
                let (cs, ce) = (rope.byte_to_char(s), rope.byte_to_char(e));
                rope.remove(cs..ce);
                rope.insert(cs, put);
                pending.push(ByteEdit { range: s..e, text: put.into() });
            }
            let mirror = Mirror::updated(Some(mirror), pending.take(), &rope);
            let text = rope.to_string();
            prop_assert_eq!(mirror.text(), text.as_str());
            prop_assert_eq!(mirror.lines(), &LineIndex::new(&text));
            let (prefix, suffix) = mirror.unchanged_since(7, start.len()).expect("known");
            prop_assert!(prefix + suffix <= start.len().min(text.len()));
            prop_assert_eq!(&start.as_bytes()[..prefix], &text.as_bytes()[..prefix]);
            prop_assert_eq!(&start.as_bytes()[start.len() - suffix..], &text.as_bytes()[text.len() - suffix..]);
            prop_assert!(mirror.unchanged_since(6, start.len()).is_none());
            let since = mirror.since_checked().expect("checked at 7");
            prop_assert_eq!((since.since, since.prefix, since.suffix), (7, prefix, suffix));
        }
    }
}
