//! An open document: its live text, version and format, the analysis cache that makes a
//! re-check cost only the sentences an edit touched, and where its analysis stands (running
//! on a worker, wanted again, its latest result for requests to wait on).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use knowledge::{Cache, Format};
use ropey::Rope;
use tokio::sync::watch;
use tower_lsp::lsp_types::{TextDocumentContentChangeEvent, TextDocumentItem};

use super::analysis::{Checked, Snapshot};
use super::base::Base;
use super::mirror::{ByteEdit, Mirror, Pending};
use crate::position::{self, Encoding};

pub struct Document {
    rope: Rope,
    version: i32,
    format: Format,
    /// Which opening of the URI this is (a document closed and opened again is another).
    pub opening: u64,
    /// Counts the edits, so that a result can be told from a newer one.
    generation: u64,
    /// `None` while a worker holds it.
    cache: Option<Cache>,
    /// The text as one string for the analysis, and the edits made since its text; `None`
    /// while a worker holds it (or before the first check).
    mirror: Option<Mirror>,
    edits: Pending,
    /// The base the cache's results were found with (its address).
    cache_base: usize,
    /// An analysis of this document is on a worker.
    pub running: bool,
    /// The text or the rules changed since the running analysis started (or before the
    /// server was ready): analyse again.
    pub wanted: bool,
    /// Set to tell the running analysis it is no longer wanted.
    cancel: Arc<AtomicBool>,
    /// The latest analysis, for requests to wait on.
    checked: watch::Sender<Option<Arc<Checked>>>,
    /// `.clio/ignore.txt` open in the editor: read as the ignore list, never analysed.
    pub is_ignore_list: bool,
}

/// What a worker needs to analyse a document, taken under the state lock.
pub struct Job {
    pub snapshot: Snapshot,
    pub cache: Cache,
    pub cancel: Arc<AtomicBool>,
    /// The latest analysis, whose diagnostics an edit may leave as they were.
    pub previous: Option<Arc<Checked>>,
    /// The document's text as one string (when there is one yet), and the edits to replay on
    /// it to bring it to the snapshot's text.
    pub mirror: Option<Mirror>,
    pub edits: Vec<ByteEdit>,
}

impl Document {
    /// The document as the client opened it; the language id decides the format, else the
    /// file's extension.
    pub fn open(item: TextDocumentItem, opening: u64) -> Document {
        let format = match item.language_id.as_str() {
            "" => Format::from_path(item.uri.path()),
            id => Format::from_language_id(id),
        };
        Document {
            is_ignore_list: item.uri.path().ends_with("/.clio/ignore.txt"),
            rope: Rope::from_str(&item.text),
            version: item.version,
            format,
            opening,
            generation: 0,
            cache: Some(Cache::default()),
            mirror: None,
            edits: Pending::default(),
            cache_base: 0,
            running: false,
            wanted: true,
            cancel: Arc::new(AtomicBool::new(false)),
            checked: watch::Sender::new(None),
        }
    }

    /// Applies the client's changes in order: ranged ones in place, a change without a range
    /// as the whole new text. Positions are clamped, never a panic.
    pub fn apply_changes(&mut self, changes: Vec<TextDocumentContentChangeEvent>, enc: Encoding) {
        // An ignore list is never analysed: nothing would replay its edits.
        let keep = !self.is_ignore_list;
        for change in changes {
            match change.range {
                Some(r) => {
                    let range = position::apply_edit(&mut self.rope, r, &change.text, enc);
                    if keep {
                        self.edits.push(ByteEdit { range, text: change.text });
                    }
                }
                None => {
                    self.rope = Rope::from_str(&change.text);
                    if keep {
                        self.edits.push_whole(change.text);
                    }
                }
            }
        }
        self.generation += 1;
    }

    pub fn set_version(&mut self, version: i32) {
        self.version = version;
    }

    pub fn text(&self) -> String {
        self.rope.to_string()
    }

    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Marks the document for analysis; a running analysis is told it is outdated.
    pub fn want_check(&mut self) {
        self.wanted = true;
        if self.running {
            self.cancel.store(true, Ordering::Relaxed);
        }
    }

    /// The job for a worker, when the document wants a check and none is running: the text as
    /// it is now and the cache (emptied when the base changed since it was filled).
    pub fn take_job(&mut self, base: &Arc<Base>) -> Option<Job> {
        if !self.wanted || self.running || self.is_ignore_list {
            return None;
        }
        let mut cache = self.cache.take().unwrap_or_default();
        let base_id = Arc::as_ptr(base) as usize;
        if self.cache_base != base_id {
            // The cache is keyed by text and settings, not by base.
            cache.clear();
            self.cache_base = base_id;
        }
        self.wanted = false;
        self.running = true;
        self.cancel = Arc::new(AtomicBool::new(false));
        let snapshot = Snapshot {
            version: self.version,
            generation: self.generation,
            rope: self.rope.clone(),
            format: self.format,
        };
        let previous = self.checked.borrow().clone();
        let (mirror, edits) = (self.mirror.take(), self.edits.take());
        Some(Job { snapshot, cache, cancel: self.cancel.clone(), previous, mirror, edits })
    }

    /// A worker is done: the cache and the mirror come back (the mirror with the job's text,
    /// `None` if it was lost) and the result (if any) becomes the latest. Returns whether the
    /// result is still current (no newer check is wanted).
    pub fn finish(
        &mut self,
        cache: Cache,
        mirror: Option<Mirror>,
        checked: Option<Arc<Checked>>,
    ) -> bool {
        self.cache = Some(cache);
        self.mirror = mirror;
        self.running = false;
        if let Some(c) = checked {
            self.checked.send_replace(Some(c));
        }
        !self.wanted
    }

    /// A receiver of this document's analyses, to wait for a current one.
    pub fn watch(&self) -> watch::Receiver<Option<Arc<Checked>>> {
        self.checked.subscribe()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lsp::mirror::Mirror;
    use crate::position::properties::essay_text;
    use proptest::prelude::*;
    use tower_lsp::lsp_types::{Range, Url};

    fn opened(text: &str) -> Document {
        let uri = Url::parse("file:///essay.md").expect("a file URI");
        Document::open(TextDocumentItem::new(uri, "markdown".into(), 1, text.into()), 1)
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

    #[test]
    fn one_analysis_at_a_time_and_an_edit_outdates_the_running_one() {
        let base = Arc::new(Base::embedded());
        let mut doc = opened("Kirov was shot in 1931.\n");
        let first = doc.take_job(&base).expect("a new document wants a check");
        assert!(doc.take_job(&base).is_none(), "one analysis at a time");
        let year = position::range(&doc.rope, 18..22, Encoding::Utf16);
        doc.apply_changes(vec![change(Some(year), "1934")], Encoding::Utf16);
        doc.want_check();
        assert!(first.cancel.load(Ordering::Relaxed), "the running analysis is told");
        assert!(!doc.finish(first.cache, None, None), "its result is outdated");
        let second = doc.take_job(&base).expect("the newest text next");
        assert_eq!(second.snapshot.generation, 1);
        assert_eq!(second.snapshot.rope.to_string(), "Kirov was shot in 1934.\n");
        assert!(doc.finish(second.cache, None, None), "nothing newer is wanted");
        assert!(doc.take_job(&base).is_none());
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

        #[test]
        fn each_job_brings_the_mirror_to_its_snapshots_text(
            text in essay_text(),
            steps in prop::collection::vec((0usize..400, 0usize..10, essay_text(), 0u8..6), 1..12),
        ) {
            static BASE: std::sync::OnceLock<Arc<Base>> = std::sync::OnceLock::new();
            let base = BASE.get_or_init(|| Arc::new(Base::embedded()));
            let mut doc = opened(&text);
            for (at, len, insert, what) in steps {
                match what {
                    // A worker takes the job and hands the mirror back.
                    0 | 1 => {
                        doc.want_check();
                        if let Some(job) = doc.take_job(base) {
                            let rope = job.snapshot.rope.clone();
                            let mirror = Mirror::updated(job.mirror, job.edits, &rope);
                            prop_assert_eq!(mirror.text(), rope.to_string());
                            doc.finish(job.cache, Some(mirror), None);
                        }
                    }
                    2 => doc.apply_changes(vec![change(None, &insert)], Encoding::Utf16),
                    _ => {
                        let len_now = doc.rope.len_bytes();
                        let s = doc.rope.byte_to_char((at % (len_now + 1)).min(len_now));
                        let (s, e) = (doc.rope.char_to_byte(s), doc.rope.char_to_byte((s + len).min(doc.rope.len_chars())));
                        let range = position::range(&doc.rope, s..e, Encoding::Utf8);
                        doc.apply_changes(vec![change(Some(range), &insert)], Encoding::Utf8);
                    }
                }
            }
            doc.want_check();
            let job = doc.take_job(base).expect("no job is running");
            let rope = job.snapshot.rope.clone();
            let mirror = Mirror::updated(job.mirror, job.edits, &rope);
            prop_assert_eq!(mirror.text(), rope.to_string());
        }
    }
}
