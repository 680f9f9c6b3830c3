//! Lines and columns of one checked file, for every output format. The file's rope is built
//! in one pass over the text; each position is then a look-up in it (logarithmic in the
//! file's size), never a rescan from the start, so a large file with many findings costs a
//! pass, not a pass per finding.

use std::ops::Range;

use ropey::Rope;

pub struct Lines {
    pub rope: Rope,
}

/// A 1-based line and column; columns count characters (Unicode scalar values).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

/// Longest stretch of a line shown either side of a finding.
const CONTEXT_BYTES: usize = 200;

impl Lines {
    pub fn new(text: &str) -> Lines {
        Lines { rope: Rope::from_str(text) }
    }

    /// The character index of a byte offset.
    /// Inside a character, that character (ropey rounds down).
    fn char_at(&self, offset: usize) -> usize {
        self.rope.byte_to_char(offset.min(self.rope.len_bytes()))
    }

    pub fn pos(&self, offset: usize) -> Pos {
        let c = self.char_at(offset);
        let line = self.rope.char_to_line(c);
        Pos { line: line + 1, column: c - self.rope.line_to_char(line) + 1 }
    }

    /// The byte range of the 0-based line `line`, without its line break.
    fn line_bytes(&self, text: &str, line: usize) -> Range<usize> {
        let start = self.rope.line_to_byte(line);
        let end = if line + 1 < self.rope.len_lines() {
            self.rope.line_to_byte(line + 1)
        } else {
            self.rope.len_bytes()
        };
        let body = text[start..end].trim_end_matches(['\n', '\r']);
        start..start + body.len()
    }

    /// The source to show around `span`: the lines it covers, cut to at most
    /// `CONTEXT_BYTES` either side of it (at character boundaries). Returns the snippet's
    /// byte range in the text and its first line (1-based).
    pub fn excerpt(&self, text: &str, span: &Range<usize>) -> (Range<usize>, usize) {
        let first = self.pos(span.start).line - 1;
        let last = self.pos(span.end.max(span.start)).line - 1;
        let mut start = self.line_bytes(text, first).start;
        let mut end = self.line_bytes(text, last).end.max(span.end.min(text.len()));
        if span.start - start > CONTEXT_BYTES {
            start = floor_boundary(text, span.start - CONTEXT_BYTES);
        }
        if end - span.end.min(end) > CONTEXT_BYTES {
            end = floor_boundary(text, span.end + CONTEXT_BYTES);
        }
        (start..end, first + 1)
    }
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_and_lines_any_break() {
        let text = "“Kirov” was shot.\r\nIn 1931 — no.\rLast";
        let l = Lines::new(text);
        assert_eq!(l.pos(0), Pos { line: 1, column: 1 });
        assert_eq!(l.pos(text.find("was").unwrap()), Pos { line: 1, column: 9 });
        assert_eq!(l.pos(text.find("1931").unwrap()), Pos { line: 2, column: 4 });
        assert_eq!(l.pos(text.find("no").unwrap()), Pos { line: 2, column: 11 });
        assert_eq!(l.pos(text.find("Last").unwrap()), Pos { line: 3, column: 1 });
        assert_eq!(l.pos(text.len()), Pos { line: 3, column: 5 });
        // Inside a character: that character.
        assert_eq!(l.pos(1), Pos { line: 1, column: 1 });
    }

    #[test]
    fn an_excerpt_is_the_lines_of_the_span_cut_on_long_lines() {
        let text = "One.\nKirov was shot in 1931.\nThree.";
        let l = Lines::new(text);
        let at = text.find("1931").unwrap();
        let (r, line) = l.excerpt(text, &(at..at + 4));
        assert_eq!((&text[r], line), ("Kirov was shot in 1931.", 2));
        let long = format!("{}Kirov 1931 {}", "é".repeat(300), "x".repeat(500));
        let l = Lines::new(&long);
        let at = long.find("1931").unwrap();
        let (r, line) = l.excerpt(&long, &(at..at + 4));
        assert_eq!(line, 1);
        assert!(r.start > 0 && r.end < long.len(), "{r:?}");
        assert!(long[r].contains("Kirov 1931"));
    }
}
