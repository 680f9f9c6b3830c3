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
