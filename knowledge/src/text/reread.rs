//! Reading a document again after an edit: only the stretch the edit touched is read, between
//! two places where reading starts afresh (`Part::fresh`); the prose before and after it is
//! the last reading's, moved. A keystroke in a long document then costs its paragraph, not the
//! document (a Markdown parse of 900 KB alone takes milliseconds).
//!
//! What makes it exact:
//! - a fresh point is a line after an empty line where the reader had nothing open (Markdown:
//!   a top-level paragraph opening with a letter, found in the parser's own events; plain text:
//!   any line after an empty one; LaTeX: a line after an empty one that the scanner reaches
//!   with no group, math, environment or quotation running on and nothing it looked at lying
//!   beyond it). What comes before such a line is read the same whatever follows it, and the
//!   line itself is read the same whatever came before;
//! - the stretch read again starts at the last fresh point before the first changed byte and
//!   ends at the first one whose empty line lies after the last changed byte. An edit can open
//!   something the empty line does not close (a code fence, an HTML block, a LaTeX group or
//!   `$`): in Markdown and LaTeX the stretch is read up to and including the end fresh point's
//!   line, which must still start afresh there; if not, the rest of the document is read;
//! - Markdown link reference and footnote definitions reach over the whole document: where the
//!   text may hold one ("]:"), it is read whole, as is a document read for the first time.
//!
//! A caller that tracks its edits (the server's mirror) says how much of the text is unchanged
//! ([`Reader::read_edited`]): the texts are then not compared, and no copy is kept.

use std::ops::Range;
use std::sync::Arc;

use super::{read_part, regions, Format, Part, Prose};

/// The last reading of a document, to read its next version.
#[derive(Debug, Default)]
pub struct Reader {
    last: Option<Last>,
    /// The prose of the reading before the last, to make the next one's in (see [`Spare`]).
    spare: Option<Spare>,
}

/// The masked text of the reading before the last, and the splice that makes it the last's:
/// `at` replaced by the last's `with`. Once nothing else holds it (the analysis that showed it
/// is gone), the next reading's prose is made in it by two splices, where a fresh string cost
/// a copy of the whole document into new memory at every keystroke.
#[derive(Debug)]
struct Spare {
    masked: Arc<String>,
    at: Range<usize>,
    with: Range<usize>,
}

#[derive(Debug)]
struct Last {
    /// The text read, for the next reading to compare with (its buffer reused from one reading
    /// to the next); `None` when the caller tracks its edits ([`Reader::read_edited`]), which
    /// then costs no copy of the text.
    text: Option<String>,
    /// The text's length.
    len: usize,
    /// The name the caller gave the text ([`Reader::read_edited`]).
    stamp: Option<u64>,
    format: Format,
    /// Its prose, shared with the `Prose` handed out.
    masked: Arc<String>,
    /// The rest of the reading (`part.masked` is left empty).
    part: Part,
}

/// What a caller that tracks a document's edits knows of its text against the one it last
/// had read: the first `prefix` and the last `suffix` bytes are that text's (never overlapping;
/// maybe fewer than the texts have in common, never more).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unchanged {
    /// The stamp the text last read was given.
    pub since: u64,
    pub prefix: usize,
    pub suffix: usize,
}

/// A reading, and for each of its blocks the index of the same block (same text, moved) in
/// the reading before, if it was not read again.
pub struct Reading {
    pub prose: Prose,
    pub kept: Vec<Option<usize>>,
}

impl Reader {
    /// The prose of `text`, reading again only what changed since the last call (found by
    /// comparing the two texts).
    pub fn read(&mut self, text: &str, format: Format) -> Reading {
        self.read_with(text, format, None)
    }

    /// The prose of `text`, named `stamp`, for a caller that knows what changed since the
    /// last reading (`edit`): the texts are not compared, and no copy of this one is kept. An
    /// `edit` made against another reading than the last (its stamp differs) is ignored: the
    /// text is then read whole, unless the last reading kept its text to compare with.
    pub fn read_edited(
        &mut self,
        text: &str,
        format: Format,
        stamp: u64,
        edit: Option<Unchanged>,
    ) -> Reading {
        self.read_with(text, format, Some((stamp, edit)))
    }

    fn read_with(
        &mut self,
        text: &str,
        format: Format,
        tracked: Option<(u64, Option<Unchanged>)>,
    ) -> Reading {
        let again = match &self.last {
            Some(last) if last.format == format && !last.part.has_references => {
                let edit = tracked.and_then(|(_, e)| e).filter(|e| {
                    Some(e.since) == last.stamp && e.prefix + e.suffix <= last.len.min(text.len())
                });
                let ends = match (edit, &last.text) {
                    (Some(e), _) => Some((e.prefix, e.suffix)),
                    (None, Some(old)) => Some(common_ends(old.as_bytes(), text.as_bytes())),
                    (None, None) => None,
                };
                let spare = self.spare.take();
                ends.and_then(|ends| reread(last, text, format, ends, spare))
            }
            _ => None,
        };
        let (mut part, kept, splice) = again.unwrap_or_else(|| {
            let part = read_part(text, format);
            let kept = vec![None; part.blocks.len()];
            (part, kept, None)
        });
        let masked = Arc::new(std::mem::take(&mut part.masked));
        let prose = Prose {
            masked: masked.clone(),
            blocks: part.blocks.clone(),
            disabled: regions(text, part.dirs.clone()),
            quoted: part.quoted.clone(),
            sections: part.headings.clone(),
        };
        let (last_text, last_masked) = match self.last.take() {
            Some(l) => (l.text, Some(l.masked)),
            None => (None, None),
        };
        self.spare = last_masked.zip(splice).map(|(masked, (at, with))| Spare { masked, at, with });
        let kept_text = tracked.is_none().then(|| {
            let mut buffer = last_text.unwrap_or_default();
            buffer.clear();
            buffer.push_str(text);
            buffer
        });
        let stamp = tracked.map(|(stamp, _)| stamp);
        self.last = Some(Last { text: kept_text, len: text.len(), stamp, format, masked, part });
        Reading { prose, kept }
    }

    /// Forgets the last reading.
    pub fn clear(&mut self) {
        self.last = None;
        self.spare = None;
    }
}

/// The stretch of `text` to read again (if reading it and moving the rest is exact), read;
/// `(prefix, suffix)`: how many bytes at its start and end are the last text's.
fn reread(
    last: &Last,
    text: &str,
    format: Format,
    (prefix, suffix): (usize, usize),
    spare: Option<Spare>,
) -> Option<Stitched> {
    let old_len = last.len;
    let fresh = &last.part.fresh;
    // The stretch starts at the last fresh point before the first changed byte (or at 0)...
    let a = fresh[..fresh.partition_point(|&r| r < prefix)].last().copied().unwrap_or(0);
    // ... and ends at the first whose empty line is unchanged, after the last changed byte.
    let old_end = old_len - suffix;
    let end = fresh.get(fresh.partition_point(|&r| r < old_end + 2)).copied();
    let shift = |r: usize| r + text.len() - old_len;
    let region = match end {
        Some(r_old) => {
            let b = shift(r_old);
            read_stretch(text, a, b, format).map(|part| (part, b, r_old))
        }
        None => None,
    };
    let (region, b, r_old) =
        region.unwrap_or_else(|| (read_part(&text[a..], format), text.len(), old_len));
    if region.has_references {
        return None;
    }
    let masked = spliced(&last.masked, spare, a..r_old, &region.masked[..b - a]);
    let (part, kept) = stitch(masked, &last.part, region, a, b, r_old);
    Some((part, kept, Some((a..r_old, a..b))))
}

/// A reading made by moving the last: its part, the blocks kept, and the splice of the last's
/// masked text that gave its own (the range replaced, and the range of the new text it took).
type Stitched = (Part, Vec<Option<usize>>, Option<(Range<usize>, Range<usize>)>);

/// The last reading's masked text `old` with `at` replaced by `piece`: made in `spare` when
/// nothing else holds it (brought to `old` first), else copied.
fn spliced(old: &Arc<String>, spare: Option<Spare>, at: Range<usize>, piece: &str) -> String {
    if let Some(mut spare) = spare {
        if let Some(buffer) = Arc::get_mut(&mut spare.masked) {
            buffer.replace_range(spare.at, &old[spare.with]);
            debug_assert!(buffer == &**old, "the spare splice gives the last reading's text");
            buffer.replace_range(at, piece);
            return std::mem::take(buffer);
        }
    }
    let mut masked = String::with_capacity(old.len() - at.len() + piece.len());
    masked.push_str(&old[..at.start]);
    masked.push_str(piece);
    masked.push_str(&old[at.end..]);
    masked
}

/// Reads `text[a..b]`, checking for Markdown and LaTeX that `b` still starts afresh.
fn read_stretch(text: &str, a: usize, b: usize, format: Format) -> Option<Part> {
    if format == Format::Plain {
        return Some(read_part(&text[a..b], format));
    }
    // The line at `b` goes with it (at least its first byte): the reader must start afresh there.
    let line_end = text[b..].find('\n').map_or(text.len(), |e| b + e).max(text.len().min(b + 1));
    let part = read_part(&text[a..line_end], format);
    part.fresh.binary_search(&(b - a)).is_ok().then_some(part)
}

/// The new reading (its masked text made already): the old one before `a`, the stretch read
/// again (`region`, of the text from `a`, kept up to `b`), the old one from `r_old` moved to `b`.
fn stitch(
    masked: String,
    old: &Part,
    region: Part,
    a: usize,
    b: usize,
    r_old: usize,
) -> (Part, Vec<Option<usize>>) {
    let moved = |r: &Range<usize>| r.start + b - r_old..r.end + b - r_old;
    let here = |r: &Range<usize>| r.start < b - a;
    let before = old.blocks.partition_point(|r| r.start < a);
    let after = old.blocks.partition_point(|r| r.start < r_old);
    let mut blocks = old.blocks[..before].to_vec();
    let mut kept: Vec<Option<usize>> = (0..before).map(Some).collect();
    for r in region.blocks.iter().filter(|r| here(r)) {
        blocks.push(r.start + a..r.end + a);
        kept.push(None);
    }
    blocks.extend(old.blocks[after..].iter().map(moved));
    kept.extend((after..old.blocks.len()).map(Some));
    let mut dirs: Vec<_> = old.dirs.iter().filter(|d| d.0 < a).cloned().collect();
    dirs.extend(region.dirs.iter().filter(|d| d.0 < b - a).map(|d| {
        let mut d = d.clone();
        d.0 += a;
        d.1 += a;
        d
    }));
    dirs.extend(old.dirs.iter().filter(|d| d.0 >= r_old).map(|d| {
        let mut d = d.clone();
        d.0 = d.0 + b - r_old;
        d.1 = d.1 + b - r_old;
        d
    }));
    let mut quoted: Vec<_> = old.quoted.iter().filter(|q| q.start < a).cloned().collect();
    quoted.extend(region.quoted.iter().filter(|q| here(q)).map(|q| q.start + a..q.end + a));
    quoted.extend(old.quoted.iter().filter(|q| q.start >= r_old).map(moved));
    let mut fresh: Vec<usize> = old.fresh.iter().copied().filter(|&r| r <= a).collect();
    fresh.extend(region.fresh.iter().filter(|&&r| r > 0 && r < b - a).map(|r| r + a));
    fresh.extend(old.fresh.iter().filter(|&&r| r >= r_old).map(|r| r + b - r_old));
    let mut headings: Vec<usize> = old.headings.iter().copied().filter(|&h| h < a).collect();
    headings.extend(region.headings.iter().filter(|&&h| h < b - a).map(|h| h + a));
    headings.extend(old.headings.iter().filter(|&&h| h >= r_old).map(|h| h + b - r_old));
    let part = Part { masked, blocks, dirs, quoted, fresh, has_references: false, headings };
    (part, kept)
}

/// The lengths of the longest common prefix and suffix of `a` and `b` (not overlapping in
/// either), compared a chunk at a time.
pub fn common_ends(a: &[u8], b: &[u8]) -> (usize, usize) {
    const CHUNK: usize = 256;
    let most = a.len().min(b.len());
    let mut p = 0;
    while p + CHUNK <= most && a[p..p + CHUNK] == b[p..p + CHUNK] {
        p += CHUNK;
    }
    while p < most && a[p] == b[p] {
        p += 1;
    }
    let most = most - p;
    let mut s = 0;
    while s + CHUNK <= most
        && a[a.len() - s - CHUNK..a.len() - s] == b[b.len() - s - CHUNK..b.len() - s]
    {
        s += CHUNK;
    }
    while s < most && a[a.len() - s - 1] == b[b.len() - s - 1] {
        s += 1;
    }
    (p, s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::prose;

    /// Reads `before`, then `after` with the same reader; the result must be what a fresh
    /// reading of `after` gives. Returns how many blocks were kept from the first reading.
    fn same_as_fresh(before: &str, after: &str, format: Format) -> usize {
        let mut reader = Reader::default();
        reader.read(before, format);
        let again = reader.read(after, format);
        let fresh = prose(after, format);
        assert_eq!(*again.prose.masked, *fresh.masked, "masked text");
        assert_eq!(again.prose.blocks, fresh.blocks, "blocks");
        assert_eq!(again.prose.disabled, fresh.disabled, "disabled regions");
        assert_eq!(again.prose.quoted, fresh.quoted, "quotations");
        assert_eq!(again.prose.sections, fresh.sections, "sections");
        assert_eq!(again.kept.len(), fresh.blocks.len());
        again.kept.iter().flatten().count()
    }

    /// Reads `before` and `after` in turn, several times, each reading dropped before the next
    /// (so the reader makes each one's prose in the spare buffer): each must be a fresh one.
    fn back_and_forth(before: &str, after: &str, format: Format) {
        let mut reader = Reader::default();
        reader.read(before, format);
        for text in [after, before, after, before, after] {
            let again = reader.read(text, format);
            assert_eq!(*again.prose.masked, *prose(text, format).masked, "masked text");
            assert_eq!(again.prose.blocks, prose(text, format).blocks, "blocks");
            assert_eq!(again.prose.sections, prose(text, format).sections, "sections");
        }
    }

    #[test]
    fn readings_made_in_the_spare_buffer_are_fresh_ones() {
        let after = ESSAY.replace("rose.", "rose quickly.");
        back_and_forth(ESSAY, &after, Format::Markdown);
        back_and_forth(ESSAY, &ESSAY.replace("Last paragraph", "Last\n\nparagraph"), Format::Plain);
        back_and_forth(LATEX, &LATEX.replace("rose $x$", "rose quickly $x$"), Format::Latex);
    }

    /// As `same_as_fresh`, for a reader told what changed (`read_edited`): the texts' common
    /// ends less `shave` bytes each (a caller may know less than the texts have in common). A
    /// stale stamp is ignored, and the text read whole.
    fn same_as_fresh_edited(before: &str, after: &str, format: Format, shave: usize) {
        let (prefix, suffix) = common_ends(before.as_bytes(), after.as_bytes());
        let (prefix, suffix) = (prefix.saturating_sub(shave), suffix.saturating_sub(shave / 2));
        let fresh = prose(after, format);
        for since in [7, 6] {
            let mut reader = Reader::default();
            reader.read_edited(before, format, 7, None);
            let edit = Unchanged { since, prefix, suffix };
            let again = reader.read_edited(after, format, 8, Some(edit));
            assert_eq!(*again.prose.masked, *fresh.masked, "masked text");
            assert_eq!(again.prose.blocks, fresh.blocks, "blocks");
            assert_eq!(again.prose.disabled, fresh.disabled, "disabled regions");
            assert_eq!(again.prose.quoted, fresh.quoted, "quotations");
            assert!(reader.last.as_ref().is_some_and(|l| l.text.is_none()), "no copy kept");
        }
    }

    #[test]
    fn a_reader_told_what_changed_reads_as_one_that_compares() {
        let after = ESSAY.replace("rose.", "rose quickly.");
        for shave in [0, 1, 5, 30, 1000] {
            same_as_fresh_edited(ESSAY, &after, Format::Markdown, shave);
            same_as_fresh_edited(&after, ESSAY, Format::Markdown, shave);
            same_as_fresh_edited(LATEX, &after, Format::Latex, shave);
        }
        // Told against a stale reading, with no copy kept: read whole.
        let mut reader = Reader::default();
        reader.read_edited(ESSAY, Format::Markdown, 1, None);
        let edit = Unchanged { since: 0, prefix: ESSAY.len(), suffix: 0 };
        let again = reader.read_edited(&after, Format::Markdown, 2, Some(edit));
        assert!(again.kept.iter().all(Option::is_none));
        assert_eq!(*again.prose.masked, *prose(&after, Format::Markdown).masked);
    }

    const ESSAY: &str = "# Lenin\n\nKirov was shot in 1934.\n\nStalin rose. See <https://x.org/1931>.\n\n- a list\n- of items\n\n> Trotsky wrote\n> this.\n\nThe NEP was a retreat.\n\n<!-- clio-disable -->\n\nKirov 1931.\n\n<!-- clio-enable -->\n\nLast paragraph here.\n";

    #[test]
    fn an_edit_in_a_paragraph_rereads_that_paragraph() {
        let after = ESSAY.replace("rose.", "rose quickly.");
        // From the edited paragraph to the next that opens a line with a letter (the list and
        // the quotation between are read again); the other five blocks are kept.
        assert_eq!(same_as_fresh(ESSAY, &after, Format::Markdown), 5);
    }

    #[test]
    fn an_edit_that_opens_a_code_fence_rereads_to_the_end() {
        let after = ESSAY.replace("Stalin rose.", "```\nStalin rose.");
        same_as_fresh(ESSAY, &after, Format::Markdown);
    }

    #[test]
    fn edits_to_lists_quotes_directives_and_the_ends() {
        for (from, to) in [
            ("- of items", "  indented"),
            ("The NEP", "    The NEP"),
            ("\n\nThe NEP", "\nThe NEP"),
            ("> this.", "> this.\n>"),
            ("clio-enable", "clio-enabled"),
            ("# Lenin", "---\ntitle: x\n---\n# Lenin"),
            ("here.\n", "here. [a]: b\n"),
            ("Kirov was", "[Kirov]: <x>\n\nKirov was"),
            ("Last paragraph", "Last\n\nparagraph"),
        ] {
            let after = ESSAY.replacen(from, to, 1);
            same_as_fresh(ESSAY, &after, Format::Markdown);
            same_as_fresh(&after, ESSAY, Format::Markdown);
            same_as_fresh(ESSAY, &after, Format::Plain);
            same_as_fresh(ESSAY, &after, Format::Latex);
        }
    }

    const LATEX: &str = "\\section{Lenin}\n\nKirov was shot in 1934 \\cite{k}.\n\nStalin rose $x$ fast.\n\n\\begin{quote}\nTrotsky wrote\n\nthis.\n\\end{quote}\n\nThe NEP was a retreat.\n\n% clio-disable\n\nKirov 1931.\n\n% clio-enable\n\nLast paragraph here.\n";

    #[test]
    fn a_latex_edit_rereads_from_the_fresh_point_before_it() {
        let after = LATEX.replace("rose $x$", "rose quickly $x$");
        // The other seven blocks are kept; the quotation's two are not fresh points inside it.
        assert_eq!(same_as_fresh(LATEX, &after, Format::Latex), 7);
    }

    #[test]
    fn latex_edits_that_open_or_close_what_runs_on() {
        for (from, to) in [
            ("rose $x$", "rose $x"),
            ("rose $x$", "rose \\emph{x"),
            ("rose $x$", "rose \\cite{x"),
            ("rose $x$", "rose \\section{x"),
            ("rose $x$", "rose \\begin{equation}"),
            ("rose $x$", "rose \\["),
            ("rose $x$", "rose \\begin{quote}"),
            ("\\end{quote}", "\\end{quot}"),
            ("\\begin{quote}", "\\begin{"),
            ("1934 \\cite{k}", "1934 \\cite{k"),
            ("% clio-enable", "clio-enable"),
            ("\n\nThe NEP", "\nThe NEP"),
            ("Last paragraph", "Last\n\nparagraph"),
        ] {
            let after = LATEX.replacen(from, to, 1);
            same_as_fresh(LATEX, &after, Format::Latex);
            same_as_fresh(&after, LATEX, Format::Latex);
        }
    }

    fn markdown_piece() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let pieces = vec![
            "Kirov",
            " was",
            " shot",
            " in 1934.",
            "\n",
            "\n\n",
            "- ",
            "> ",
            "    ",
            "```",
            "~~~",
            "<!--",
            "-->",
            "<!-- clio-disable -->",
            "<!-- clio-enable -->",
            "# ",
            "| a | b |",
            "|---|---|",
            "===",
            "[x]",
            "]:",
            "*",
            "_",
            "`",
            "$",
            "<div>",
            "</div>",
            "1. ",
            "http://x.org",
            "“",
            "”",
            "\\",
            "[^1]",
            "é",
        ];
        prop::collection::vec(prop::sample::select(pieces), 0..30).prop_map(|v| v.concat())
    }

    fn latex_piece() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let pieces = vec![
            "Kirov",
            " was shot",
            " in 1934.",
            "\n",
            "\n\n",
            "{",
            "}",
            "[",
            "]",
            "$",
            "$$",
            "\\",
            "\\\\",
            "\\[",
            "\\]",
            "\\(",
            "\\)",
            "\\emph{",
            "\\cite{",
            "\\cite[p. 3]{",
            "\\section{",
            "\\section*{",
            "\\item ",
            "\\begin{",
            "\\end{",
            "quote}",
            "equation}",
            "\\begin{quote}",
            "\\end{quote}",
            "\\begin{verbatim}",
            "\\end{verbatim}",
            "\\begin{itemize}",
            "%",
            "% clio-disable",
            "% clio-enable",
            "% clio-disable-next-line",
            "- ",
            "  ",
            "http://x.org",
            "“",
            "é",
            "\\begin{aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        ];
        prop::collection::vec(prop::sample::select(pieces), 0..30).prop_map(|v| v.concat())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 4000, ..Default::default() })]
        #[test]
        fn rereading_latex_after_any_edit_equals_a_fresh_reading(
            head in latex_piece(), old in latex_piece(), new in latex_piece(), tail in latex_piece(),
        ) {
            let before = format!("{head}\n\nIntro.\n\n{old}\n\nMiddle.\n\n{tail}");
            let after = format!("{head}\n\nIntro.\n\n{new}\n\nMiddle.\n\n{tail}");
            same_as_fresh(&before, &after, Format::Latex);
        }

        #[test]
        fn any_splice_of_any_latex(
            words in proptest::collection::vec(latex_piece(), 1..12),
            at in 0usize..12, cut in 0usize..4, put in latex_piece(),
        ) {
            let before = words.join("\n\nSo ");
            let mut changed = words.clone();
            let at = at.min(changed.len());
            let cut = cut.min(changed.len() - at);
            changed.splice(at..at + cut, [put]);
            let after = changed.join("\n\nSo ");
            same_as_fresh(&before, &after, Format::Latex);
            same_as_fresh(&after, &before, Format::Latex);
            same_as_fresh_edited(&before, &after, Format::Latex, at * 3);
            back_and_forth(&before, &after, Format::Latex);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 8000, ..Default::default() })]
        #[test]
        fn rereading_after_any_edit_equals_a_fresh_reading(
            head in markdown_piece(), old in markdown_piece(), new in markdown_piece(),
            tail in markdown_piece(), plain in proptest::bool::ANY,
        ) {
            let format = if plain { Format::Plain } else { Format::Markdown };
            let before = format!("{head}\n\nIntro.\n\n{old}\n\nMiddle.\n\n{tail}");
            let after = format!("{head}\n\nIntro.\n\n{new}\n\nMiddle.\n\n{tail}");
            same_as_fresh(&before, &after, format);
        }

        #[test]
        fn any_splice_of_any_text(
            words in proptest::collection::vec(markdown_piece(), 1..12),
            at in 0usize..12, cut in 0usize..4, put in markdown_piece(), plain in proptest::bool::ANY,
        ) {
            let format = if plain { Format::Plain } else { Format::Markdown };
            let before = words.join("\n\nSo ");
            let mut changed = words.clone();
            let at = at.min(changed.len());
            let cut = cut.min(changed.len() - at);
            changed.splice(at..at + cut, [put]);
            let after = changed.join("\n\nSo ");
            same_as_fresh(&before, &after, format);
            same_as_fresh(&after, &before, format);
            same_as_fresh_edited(&before, &after, format, at * 3);
            back_and_forth(&before, &after, format);
        }
    }
}
