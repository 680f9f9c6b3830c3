//! An open document: its live text, version and format, the analysis cache that makes a
//! re-check cost only the sentences an edit touched, and its latest check.

use std::sync::Arc;

use knowledge::{Cache, Format};
use ropey::Rope;
use tower_lsp::lsp_types::{TextDocumentContentChangeEvent, TextDocumentItem, Url};

use super::analysis::{self, Checked, Snapshot};
use super::base::Base;
use crate::config::Rules;
use crate::position::{self, Encoding};

pub struct Document {
    rope: Rope,
    version: i32,
    format: Format,
    cache: Cache,
    /// The latest check, of this text or (once checks run apart from edits) an older one.
    checked: Option<Arc<Checked>>,
}

impl Document {
    /// The document as the client opened it; the language id decides the format, else the
    /// file's extension.
    pub fn open(item: TextDocumentItem) -> Document {
        let format = match item.language_id.as_str() {
            "" => Format::from_path(item.uri.path()),
            id => Format::from_language_id(id),
        };
        Document {
            rope: Rope::from_str(&item.text),
            version: item.version,
            format,
            cache: Cache::default(),
            checked: None,
        }
    }

    /// Applies the client's changes in order: ranged ones in place, a change without a range
    /// as the whole new text. Positions are clamped, never a panic.
    pub fn apply_changes(&mut self, changes: Vec<TextDocumentContentChangeEvent>, enc: Encoding) {
        for change in changes {
            match change.range {
                Some(r) => {
                    let bytes = position::byte_range(&self.rope, r, enc);
                    let start = self.rope.byte_to_char(bytes.start);
                    let end = self.rope.byte_to_char(bytes.end);
                    self.rope.remove(start..end);
                    self.rope.insert(start, &change.text);
                }
                None => self.rope = Rope::from_str(&change.text),
            }
        }
    }

    pub fn set_version(&mut self, version: i32) {
        self.version = version;
    }

    /// The text as it is now, for an analysis.
    pub fn snapshot(&self) -> Snapshot {
        Snapshot { version: self.version, rope: self.rope.clone(), format: self.format }
    }

    /// Checks the text as it is now and keeps the result as the latest check.
    pub fn check(
        &mut self,
        base: &Arc<Base>,
        rules: &Rules,
        enc: Encoding,
        uri: &Url,
    ) -> Arc<Checked> {
        let checked =
            Arc::new(analysis::check(self.snapshot(), base, rules, enc, uri, &mut self.cache));
        self.checked = Some(checked.clone());
        checked
    }

    /// Forgets cached results, so that the next check analyses everything again (after the
    /// base changed: the cache is keyed by text and settings, not by base).
    pub fn forget_cache(&mut self) {
        self.cache.clear();
    }

    pub fn checked(&self) -> Option<Arc<Checked>> {
        self.checked.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::position::properties::essay_text;
    use proptest::prelude::*;
    use tower_lsp::lsp_types::Range;

    fn opened(text: &str) -> Document {
        let uri = Url::parse("file:///essay.md").expect("a file URI");
        Document::open(TextDocumentItem::new(uri, "markdown".into(), 1, text.into()))
    }

    fn change(range: Option<Range>, text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent { range, range_length: None, text: text.into() }
    }

    #[test]
    fn changes_apply_in_order_and_a_change_without_a_range_replaces_the_text() {
        let mut doc = opened("Kirov was shot in 1931.\n");
        let year = position::range(&doc.rope, 18..22, Encoding::Utf16);
        let whole = change(None, "Trotsky was exiled in 1929.\n");
        let exiled = position::range(&Rope::from_str(&whole.text), 12..18, Encoding::Utf16);
        let edits = vec![change(Some(year), "1934"), whole, change(Some(exiled), "deported")];
        doc.apply_changes(edits, Encoding::Utf16);
        assert_eq!(doc.rope.to_string(), "Trotsky was deported in 1929.\n");
    }

    proptest! {
        #[test]
        fn incremental_edits_keep_the_text_equal_to_the_editors(
            text in essay_text(),
            edits in prop::collection::vec((0usize..400, 0usize..10, essay_text()), 1..8),
        ) {
            let mut doc = opened(&text);
            let mut expected = text.clone();
            for (at, len, insert) in edits {
                let b: Vec<usize> = expected.char_indices().map(|(i, _)| i).chain(std::iter::once(expected.len())).collect();
                // Editors never address the middle of a CRLF pair: step past it.
                let snap = |x: usize| if x > 0 && expected.as_bytes()[x - 1] == b'\r' && expected.as_bytes().get(x) == Some(&b'\n') { x + 1 } else { x };
                let s = snap(b[at % b.len()]);
                let e = snap(b[(at % b.len() + len).min(b.len() - 1)]).max(s);
                // The editor sends the edit as an LSP range in UTF-16.
                let range = position::range(&doc.rope, s..e, Encoding::Utf16);
                doc.apply_changes(vec![change(Some(range), &insert)], Encoding::Utf16);
                expected.replace_range(s..e, &insert);
            }
            prop_assert_eq!(doc.rope.to_string(), expected);
        }
    }
}
