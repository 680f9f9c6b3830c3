//! Reads TOML packs into a `KnowledgeBase`, reporting every mistake with file, line and column.
//!
//! Loading never fails as a whole: a file with a syntax error is skipped, an entry with an
//! error is skipped or loaded without the bad field, and everything else still loads. The
//! caller decides what to do with the errors (the server shows them, `kb check` exits 1).

use std::fmt;
use std::ops::Range;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::model::Kind;
use super::raw::{RawArgument, RawEntry, RawEssay, RawFigure, RawFile};
use super::resolve::resolve;
use super::KnowledgeBase;

/// One pack file's text and the name errors should carry (a path or `people.toml`).
#[derive(Clone, Debug)]
pub struct Pack {
    pub name: String,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoadError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: {}", self.file, self.line, self.column, self.message)
    }
}

/// Position bookkeeping for one file: byte offsets to line and column, and finding a key
/// or value inside an entry's text so that semantic errors point at the right line.
pub(super) struct FileCtx<'a> {
    pub(super) name: &'a str,
    pub(super) text: &'a str,
}

impl FileCtx<'_> {
    pub(super) fn error_at(&self, offset: usize, message: impl Into<String>) -> LoadError {
        let offset = offset.min(self.text.len());
        let before = &self.text[..offset];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        LoadError { file: self.name.to_string(), line, column, message: message.into() }
    }

    /// Error pointing at `needle` inside `span` (the entry's table), else at the table.
    pub(super) fn error_in(
        &self,
        span: &Range<usize>,
        needle: &str,
        message: impl Into<String>,
    ) -> LoadError {
        let hay = self.text.get(span.clone()).unwrap_or("");
        let at = if needle.is_empty() { None } else { hay.find(needle) };
        self.error_at(span.start + at.unwrap_or(0), message)
    }
}

/// An entry as read, before ids are resolved to indices.
pub(super) struct Pending<T> {
    pub(super) raw: T,
    pub(super) span: Range<usize>,
    pub(super) file: usize,
}

#[derive(Default)]
pub(super) struct Collected {
    pub(super) essays: Vec<Pending<RawEssay>>,
    pub(super) entries: Vec<(Kind, Pending<RawEntry>)>,
    pub(super) figures: Vec<Pending<RawFigure>>,
    pub(super) arguments: Vec<Pending<RawArgument>>,
    pub(super) vocab: Vec<(Pending<toml::Value>, usize)>,
}

/// An item's span: the parser may span only the `[[table]]` header, so extend it to the next
/// header.
fn item_span(ctx: &FileCtx, span: Range<usize>) -> Range<usize> {
    let start = span.start;
    let end = ctx.text[start + 1..].find("\n[").map_or(ctx.text.len(), |i| start + 1 + i);
    start..end.max(span.end)
}

fn read_items<T: for<'de> Deserialize<'de>>(
    ctx: &FileCtx,
    table: &str,
    items: Vec<Spanned<toml::Value>>,
    file: usize,
    errors: &mut Vec<LoadError>,
) -> Vec<Pending<T>> {
    let mut out = Vec::new();
    for item in items {
        let span = item_span(ctx, item.span());
        match T::deserialize(item.into_inner()) {
            Ok(raw) => out.push(Pending { raw, span, file }),
            Err(e) => {
                let msg = e.to_string();
                // serde names the offending field in backquotes; point at it when we can.
                let needle = msg.split('`').nth(1).map(|f| format!("{f} ")).unwrap_or_default();
                errors.push(ctx.error_in(
                    &span,
                    needle.trim_end(),
                    format!("in [[{table}]]: {}", msg.trim()),
                ));
            }
        }
    }
    out
}

/// Adds one pack parsed from TOML, each item with its span; a syntax error skips the pack.
fn collect_toml(
    col: &mut Collected,
    ctx: &FileCtx,
    fi: usize,
    raw: Result<RawFile, toml::de::Error>,
    errors: &mut Vec<LoadError>,
) {
    let raw: RawFile = match raw {
        Ok(r) => r,
        Err(e) => {
            let at = e.span().map_or(0, |s| s.start);
            errors.push(ctx.error_at(at, e.message().trim().to_string()));
            return;
        }
    };
    col.essays.extend(read_items(ctx, "essay", raw.essay, fi, errors));
    for (kind, table, items) in [
        (Kind::Person, "person", raw.person),
        (Kind::Body, "body", raw.body),
        (Kind::Term, "term", raw.term),
        (Kind::Event, "event", raw.event),
        (Kind::Place, "place", raw.place),
        (Kind::Document, "document", raw.document),
    ] {
        for p in read_items::<RawEntry>(ctx, table, items, fi, errors) {
            col.entries.push((kind, p));
        }
    }
    col.figures.extend(read_items(ctx, "figure", raw.figure, fi, errors));
    col.arguments.extend(read_items(ctx, "argument", raw.argument, fi, errors));
    if let Some(v) = raw.vocab {
        let span = v.span();
        col.vocab.push((Pending { raw: v.into_inner(), span, file: fi }, fi));
    }
}

impl KnowledgeBase {
    /// Merges packs in order (later packs add to earlier ones) and validates the result.
    pub fn load(packs: &[Pack]) -> (KnowledgeBase, Vec<LoadError>) {
        let mut errors = Vec::new();
        let mut col = Collected::default();
        // Parsing is most of the time a pack takes: parse the packs on all cores.
        let parsed: Vec<Result<RawFile, toml::de::Error>> = std::thread::scope(|scope| {
            let handles: Vec<_> = packs
                .iter()
                .map(|p| scope.spawn(move || toml::from_str::<RawFile>(&p.text)))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|_| Ok(RawFile::default())))
                .collect()
        });
        for ((fi, pack), raw) in packs.iter().enumerate().zip(parsed) {
            let ctx = FileCtx { name: &pack.name, text: &pack.text };
            collect_toml(&mut col, &ctx, fi, raw, &mut errors);
        }
        let kb = resolve(packs, col, &mut errors);
        (kb, errors)
    }
}
