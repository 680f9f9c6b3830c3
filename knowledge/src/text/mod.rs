//! From a document to the prose in it: what is prose (not code, URLs, LaTeX commands or math),
//! where its blocks and sentences are, and which regions the student has switched Clio off in.
//!
//! Every format becomes a *masked* copy of the document of exactly the same byte length, in
//! which everything that is not prose is blanked to spaces (newlines kept). Analysis then works
//! on the masked text with byte offsets that are already offsets into the original.

pub mod disable;
pub(crate) mod distance;
mod latex;
mod markdown;
pub mod numbers;
pub mod real_names;
pub mod reread;
pub mod sentences;
pub mod stem;
pub(crate) mod stopwords;
pub mod translit;

use std::ops::Range;
use std::sync::Arc;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Markdown,
    Latex,
    Plain,
}

impl Format {
    /// From an LSP language id (`markdown`, `latex`, `tex`, `plaintext`, `text`).
    pub fn from_language_id(id: &str) -> Format {
        match id {
            "markdown" | "md" | "quarto" | "rmd" => Format::Markdown,
            "latex" | "tex" | "plaintex" | "context" => Format::Latex,
            _ => Format::Plain,
        }
    }

    /// From a file name's extension; unknown extensions are plain text.
    pub fn from_path(path: &str) -> Format {
        let ext = path.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" | "mdx" | "qmd" | "rmd" => Format::Markdown,
            "tex" | "latex" | "ltx" => Format::Latex,
            _ => Format::Plain,
        }
    }
}

/// A region where the student switched checks off; `codes` empty means every check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Disabled {
    pub range: Range<usize>,
    pub codes: Vec<String>,
}

#[derive(Clone, Debug, Default)]
pub struct Prose {
    /// Same length as the document; non-prose bytes are spaces, newlines kept. Shared with the
    /// reader that re-reads the document after an edit.
    pub masked: Arc<String>,
    /// Paragraph-like blocks (paragraphs, headings, list items, table cells): sentences never cross them.
    pub blocks: Vec<Range<usize>>,
    pub disabled: Vec<Disabled>,
    /// Attributed quotations set apart from the text (Markdown `>` blockquotes, LaTeX `quote`,
    /// `quotation` and `displayquote`), outermost only, in order: read as quotation marks are.
    pub quoted: Vec<Range<usize>>,
    /// Where the document's sections start: the lines that open with a heading (in order).
    pub sections: Vec<usize>,
}

impl Prose {
    pub fn is_disabled(&self, range: &Range<usize>, code: &str) -> bool {
        self.disabled.iter().any(|d| Self::covers(d, range, code))
    }

    fn covers(d: &Disabled, range: &Range<usize>, code: &str) -> bool {
        d.range.start <= range.start
            && range.start < d.range.end
            && (d.codes.is_empty() || d.codes.iter().any(|c| c == code))
    }

    /// Drops the findings (sorted by start) in regions switched off for their code, in one
    /// sweep. `clio-disable` regions never overlap each other, and next-line ones overlap only
    /// when equal (two directives on one line), which are merged: at most two regions are open
    /// at any offset.
    pub fn drop_disabled(&self, findings: &mut Vec<crate::finding::Finding>) {
        if self.disabled.is_empty() {
            return;
        }
        let mut sorted: Vec<&Disabled> = self.disabled.iter().collect();
        sorted.sort_by_key(|d| (d.range.start, d.range.end));
        let mut regions: Vec<Disabled> = Vec::new();
        for d in sorted {
            match regions.last_mut() {
                Some(last) if last.range == d.range => {
                    if d.codes.is_empty() || last.codes.is_empty() {
                        last.codes.clear();
                    } else {
                        last.codes.extend(d.codes.iter().cloned());
                    }
                }
                _ => regions.push(d.clone()),
            }
        }
        for r in &mut regions {
            r.codes.sort_unstable();
            r.codes.dedup();
        }
        let mut next = 0;
        let mut open: Vec<&Disabled> = Vec::new();
        findings.retain(|f| {
            while next < regions.len() && regions[next].range.start <= f.range.start {
                open.push(&regions[next]);
                next += 1;
            }
            open.retain(|d| f.range.start < d.range.end);
            let code = f.code.as_str();
            !open.iter().any(|d| {
                d.codes.is_empty() || d.codes.binary_search_by(|c| c.as_str().cmp(code)).is_ok()
            })
        });
    }

    /// For each block, whether it lies in a blockquote.
    pub fn quoted_blocks(&self) -> Vec<bool> {
        let mut q = self.quoted.iter().peekable();
        self.blocks
            .iter()
            .map(|b| {
                while q.peek().is_some_and(|r| r.end <= b.start) {
                    q.next();
                }
                q.peek().is_some_and(|r| r.start <= b.start && b.end <= r.end)
            })
            .collect()
    }
}

/// The prose of a whole document.
pub fn prose(text: &str, format: Format) -> Prose {
    read_part(text, format).into_prose(text)
}

/// A `clio-disable` directive: where it is, its kind and the codes it names.
pub(crate) type Directive = (usize, usize, &'static str, Vec<String>);

/// A document, or a stretch of one, read into prose: what `Prose` is made of before the
/// disabled regions (which need the whole document) are worked out.
#[derive(Clone, Debug, Default)]
pub(crate) struct Part {
    pub masked: String,
    /// Blocks with prose in them.
    pub blocks: Vec<Range<usize>>,
    pub dirs: Vec<Directive>,
    pub quoted: Vec<Range<usize>>,
    /// Offsets where reading starts afresh: nothing before one changes how what follows it is
    /// read, nor what follows it how what comes before is read. Sorted.
    pub fresh: Vec<usize>,
    /// Markdown link reference or footnote definitions may be present ("]:"): they reach over
    /// the whole document.
    pub has_references: bool,
    /// The starts of the lines that open with a heading (`heading_lines`).
    pub headings: Vec<usize>,
}

impl Part {
    pub fn into_prose(self, text: &str) -> Prose {
        let Part { masked, blocks, dirs, quoted, headings, .. } = self;
        let disabled = regions(text, dirs);
        Prose { masked: Arc::new(masked), blocks, disabled, quoted, sections: headings }
    }
}

/// Reads `text` (a document, or a stretch of one starting afresh) in `format`.
pub(crate) fn read_part(text: &str, format: Format) -> Part {
    let mut p = match format {
        Format::Markdown => markdown::read(text),
        Format::Latex => latex::read(text),
        Format::Plain => plain(text),
    };
    mask_urls(&mut p.masked);
    p.blocks
        .retain(|b| p.masked[b.clone()].bytes().any(|c| c.is_ascii_alphanumeric() || c >= 0x80));
    p.headings = heading_lines(text, &p.blocks);
    p
}

/// The starts of the lines that open with a heading mark (a Markdown `#` run and a space, a
/// LaTeX sectioning command), looked for where the blocks start, since a heading is a block of
/// its own (one with no words starts none). Found as a stretch is read, while its text is at
/// hand: a keystroke's document pass reads them from the prose, and a look at every block
/// start of a long document, long since out of the processor's cache, cost it more than the
/// whole check of the edited paragraph.
pub(crate) fn heading_lines(text: &str, blocks: &[Range<usize>]) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    // Where the last block ended: a block that starts on that block's line was looked at.
    let mut floor = 0;
    for b in blocks {
        let start = b.start.min(text.len());
        if start < floor {
            continue;
        }
        let line = match bytes[floor..start].iter().rposition(|&c| c == b'\n') {
            Some(i) => floor + i + 1,
            None if floor == 0 => 0,
            None => {
                floor = b.end;
                continue;
            }
        };
        floor = b.end.max(start);
        let t = text[line..].trim_start_matches(|c: char| c.is_whitespace() && c != '\n');
        let latex = ["\\section", "\\subsection", "\\chapter", "\\subsubsection"]
            .iter()
            .any(|c| t.starts_with(c));
        let markdown = t.starts_with('#') && t.trim_start_matches('#').starts_with(' ');
        if (markdown || latex) && out.last() != Some(&line) {
            out.push(line);
        }
    }
    out
}

/// Buffer of masked bytes; `keep` copies a range of the original into it.
pub(crate) struct Masker<'a> {
    pub text: &'a str,
    pub out: Vec<u8>,
}

impl<'a> Masker<'a> {
    pub fn new(text: &'a str) -> Self {
        let out = text.bytes().map(|b| if b == b'\n' { b'\n' } else { b' ' }).collect();
        Masker { text, out }
    }
    pub fn keep(&mut self, r: Range<usize>) {
        let r = r.start.min(self.text.len())..r.end.min(self.text.len());
        self.out[r.clone()].copy_from_slice(&self.text.as_bytes()[r]);
    }
    pub fn blank(&mut self, r: Range<usize>) {
        for i in r.start.min(self.out.len())..r.end.min(self.out.len()) {
            if self.out[i] != b'\n' {
                self.out[i] = b' ';
            }
        }
    }
    pub fn finish(self) -> String {
        // Whole UTF-8 sequences are copied or blanked byte by byte, so this cannot fail; if a
        // range ever split a character, fall back to blanking non-ASCII bytes rather than panic.
        String::from_utf8(self.out).unwrap_or_else(|e| {
            e.into_bytes().into_iter().map(|b| if b < 0x80 { b as char } else { ' ' }).collect()
        })
    }
}

/// Splits on blank lines (lines with only spaces after masking).
pub(crate) fn blocks_by_blank_lines(masked: &str, breaks: &[usize]) -> Vec<Range<usize>> {
    let mut blocks = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut pos = 0;
    let mut breaks = breaks.to_vec();
    breaks.sort_unstable();
    let mut bi = 0;
    for line in masked.split_inclusive('\n') {
        let lstart = pos;
        pos += line.len();
        while bi < breaks.len() && breaks[bi] <= lstart {
            if let Some(s) = start.take() {
                blocks.push(s..end);
            }
            bi += 1;
        }
        if line.trim().is_empty() {
            if let Some(s) = start.take() {
                blocks.push(s..end);
            }
        } else {
            if start.is_none() {
                start = Some(lstart + (line.len() - line.trim_start().len()));
            }
            end = lstart + line.trim_end().len();
        }
    }
    if let Some(s) = start {
        blocks.push(s..end);
    }
    blocks
}

/// Parses a `clio-disable` / `clio-enable` / `clio-disable-next-line` directive in a comment.
pub(crate) fn directive(comment: &str) -> Option<(&'static str, Vec<String>)> {
    let c = comment.trim();
    for kind in ["clio-disable-next-line", "clio-disable", "clio-enable"] {
        if let Some(rest) = c.strip_prefix(kind) {
            if rest.starts_with(|ch: char| ch.is_alphanumeric() || ch == '-') {
                continue;
            }
            let codes = rest
                .split([',', ' '])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect();
            return Some((kind, codes));
        }
    }
    None
}

/// Turns directives (at byte offsets, in order) into disabled regions. Open regions nest: a
/// `clio-enable` ends the latest one still open, and a `clio-enable CODES` takes those codes
/// out of the latest one that names them (the rest stay off). So a file's `clio-disable CODE`
/// at the top and a pair around a passage further down both stand.
pub(crate) fn regions(text: &str, directives: Vec<Directive>) -> Vec<Disabled> {
    let mut out = Vec::new();
    // Open regions: where each starts and its codes, oldest first.
    let mut open: Vec<(usize, Vec<String>)> = Vec::new();
    for (start, end, kind, codes) in directives {
        match kind {
            "clio-disable" => open.push((end, codes)),
            "clio-enable" => enable(&mut open, &mut out, start, end, &codes),
            _ => {
                // Next line: from the end of the directive's line to the end of the following line.
                let end = if text[..end].ends_with('\n') { end - 1 } else { end };
                let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i + 1);
                let next_end = text[line_end.min(text.len())..]
                    .find('\n')
                    .map_or(text.len(), |i| line_end + i);
                out.push(Disabled { range: line_end.min(text.len())..next_end, codes });
            }
        }
    }
    out.extend(open.into_iter().map(|(s, codes)| Disabled { range: s..text.len(), codes }));
    out
}

/// A `clio-enable` (of `codes`, or of all) between `start` and `end`.
fn enable(
    open: &mut Vec<(usize, Vec<String>)>,
    out: &mut Vec<Disabled>,
    start: usize,
    end: usize,
    codes: &[String],
) {
    let names = |r: &(usize, Vec<String>)| {
        codes.is_empty() || r.1.is_empty() || r.1.iter().any(|c| codes.contains(c))
    };
    let Some(i) = open.iter().rposition(names) else { return };
    let (s, had) = open.remove(i);
    let left: Vec<String> = had.iter().filter(|c| !codes.contains(c)).cloned().collect();
    if !codes.is_empty() && !left.is_empty() {
        open.insert(i, (end, left));
    }
    out.push(Disabled { range: s..start, codes: had });
}

fn plain(text: &str) -> Part {
    let mut dirs = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let t =
            line.trim().trim_start_matches(['#', '/', '%', '[', '(']).trim_end_matches([']', ')']);
        if let Some((kind, codes)) = directive(t) {
            dirs.push((pos, pos + line.len(), kind, codes));
        }
        pos += line.len();
    }
    let mut m = Masker::new(text);
    m.keep(0..text.len());
    let mut masked = m.finish();
    // Directive lines are not prose.
    let mut bytes = std::mem::take(&mut masked).into_bytes();
    for (s, e, _, _) in &dirs {
        for b in &mut bytes[*s..*e] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    }
    let masked = String::from_utf8(bytes).unwrap_or_default();
    let blocks = blocks_by_blank_lines(&masked, &list_item_starts(&masked));
    // Plain text is read line by line: every line after an empty one starts afresh.
    let fresh = memchr_pairs(text.as_bytes());
    let quoted = Vec::new();
    Part { masked, blocks, dirs, quoted, fresh, has_references: false, headings: Vec::new() }
}

/// The offsets just after each "\n\n" of `b` (before its end).
fn memchr_pairs(b: &[u8]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(k) = find_any3(b, i, b'\n', b'\n', b'\n') {
        if b.get(k + 1) == Some(&b'\n') && k + 2 < b.len() {
            out.push(k + 2);
        }
        i = k + 1;
    }
    out
}

/// Offsets of lines that start a list item or a heading ("- ", "* ", "• ", "1. ", "# "):
/// in plain text and LaTeX these begin a block of their own, as they do in Markdown.
pub(crate) fn list_item_starts(masked: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut pos = 0;
    for line in masked.split_inclusive('\n') {
        let t = line.trim_start();
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        let numbered = digits > 0
            && digits < 4
            && t[digits..].starts_with(['.', ')'])
            && t[digits + 1..].starts_with(' ');
        if t.starts_with("- ")
            || t.starts_with("* ")
            || t.starts_with("• ")
            || t.starts_with("+ ")
            || t.starts_with("# ")
            || t.starts_with("## ")
            || numbered
        {
            out.push(pos);
        }
        pos += line.len();
    }
    out
}

/// The first offset at or after `from` where `hay` holds one of three bytes. The scanners look
/// for rare bytes (stops, quotes, the letters URLs start with) in long runs of others: memchr's
/// vector search tests 16 or 32 bytes a step.
pub(crate) fn find_any3(hay: &[u8], from: usize, a: u8, b: u8, c: u8) -> Option<usize> {
    memchr::memchr3(a, b, c, hay.get(from..)?).map(|k| from + k)
}

/// Blanks bare URLs and e-mail-like tokens, which are never prose.
fn mask_urls(masked: &mut String) {
    let mut ranges = Vec::new();
    let b = masked.as_bytes();
    // Every URL form starts with 'h', 'w' or 'f' (ASCII): only those bytes are looked at, so a
    // long document is scanned at memchr speed rather than a prefix test per character.
    let mut i = 0;
    while let Some(k) = find_any3(b, i, b'h', b'w', b'f') {
        i = k;
        let rest = &b[i..];
        // The byte found picks the one or two forms to test (most are the 'h' of "the").
        // (A second byte is compared first: most hits are "the", "was", "of".)
        let second = rest.get(1).copied();
        let is_url = match rest[0] {
            b'h' => {
                second == Some(b't')
                    && (rest.starts_with(b"http://") || rest.starts_with(b"https://"))
            }
            b'w' => second == Some(b'w') && rest.starts_with(b"www."),
            _ => second == Some(b't') && rest.starts_with(b"ftp://"),
        };
        if is_url && (i == 0 || !b[i - 1].is_ascii_alphanumeric()) {
            let end = masked[i..]
                .find(|c: char| c.is_whitespace() || c == '>' || c == '"' || c == ')')
                .map_or(b.len(), |e| i + e);
            ranges.push(i..end);
            i = end;
        } else {
            i += 1;
        }
    }
    if ranges.is_empty() {
        return;
    }
    let mut bytes = std::mem::take(masked).into_bytes();
    for r in ranges {
        for x in &mut bytes[r] {
            *x = b' ';
        }
    }
    *masked = String::from_utf8(bytes).unwrap_or_default();
}

#[cfg(test)]
mod tests_sections;

#[cfg(test)]
mod tests {
    use super::*;

    fn show(text: &str, f: Format) -> String {
        prose(text, f).masked.to_string()
    }

    proptest::proptest! {
        #[test]
        fn find_any3_finds_the_first(hay in proptest::collection::vec(proptest::sample::select(vec![b'a', b'h', b'.', 0x80, 0xE2, 0, 0xFF, 0x01]), 0..40), from in 0usize..40) {
            let from = from.min(hay.len());
            let simple = hay[from..].iter().position(|&x| x == b'h' || x == b'.' || x == 0xE2).map(|k| from + k);
            proptest::prop_assert_eq!(find_any3(&hay, from, b'h', b'.', 0xE2), simple);
        }
    }

    #[test]
    fn plain_masks_urls_only() {
        assert_eq!(show("See https://x.org/a now", Format::Plain), "See                 now");
    }

    #[test]
    fn plain_directives() {
        let t = "a 1931\nclio-disable-next-line\nKirov 1931\nb 1931\n";
        let p = prose(t, Format::Plain);
        let kirov = t.find("Kirov").unwrap();
        assert!(p.is_disabled(&(kirov..kirov + 5), "dubious-date"));
        assert!(!p.is_disabled(&(t.find("b 1931").unwrap()..t.len()), "dubious-date"));
    }
}
