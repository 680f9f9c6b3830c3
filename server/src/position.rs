//! All position math between LSP positions (line + UTF-16 or UTF-8 column) and byte offsets.
//!
//! Clients count columns in UTF-16 code units unless they offered UTF-8 in
//! `general.positionEncodings`; the analysis counts bytes. Out-of-range positions are
//! clamped to the nearest valid offset, never a panic.

use ropey::Rope;
use tower_lsp::lsp_types::{Position, Range};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
}

/// Byte offset of an LSP position in the rope, clamped into the document.
pub fn offset(rope: &Rope, pos: Position, enc: Encoding) -> usize {
    let lines = rope.len_lines();
    let line = pos.line as usize;
    if line >= lines {
        return rope.len_bytes();
    }
    let line_start = rope.line_to_byte(line);
    let slice = rope.line(line);
    // Columns stop at the line break: a position past the end of a line means its end.
    let mut content_len = slice.len_bytes();
    let mut chars_rev = slice.chars_at(slice.len_chars());
    while let Some(c) = chars_rev.prev() {
        if c == '\n' || c == '\r' {
            content_len -= 1;
        } else {
            break;
        }
    }
    let want = pos.character as usize;
    let mut units = 0;
    let mut bytes = 0;
    for c in slice.chars() {
        if bytes >= content_len {
            break;
        }
        let w = match enc {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
        };
        if units + w > want {
            break;
        }
        units += w;
        bytes += c.len_utf8();
    }
    line_start + bytes.min(content_len)
}

/// LSP position of a byte offset (clamped, and moved back to a character boundary).
pub fn position(rope: &Rope, offset: usize, enc: Encoding) -> Position {
    let mut offset = offset.min(rope.len_bytes());
    // Step back to a char boundary.
    while offset > 0
        && rope.try_byte_to_char(offset).map_or(true, |c| rope.char_to_byte(c) != offset)
    {
        offset -= 1;
    }
    let line = rope.byte_to_line(offset);
    let line_start = rope.line_to_byte(line);
    let col = match enc {
        Encoding::Utf8 => offset - line_start,
        Encoding::Utf16 => {
            let c0 = rope.byte_to_char(line_start);
            let c1 = rope.byte_to_char(offset);
            rope.char_to_utf16_cu(c1) - rope.char_to_utf16_cu(c0)
        }
    };
    Position::new(line as u32, col as u32)
}

pub fn range(rope: &Rope, r: std::ops::Range<usize>, enc: Encoding) -> Range {
    Range::new(position(rope, r.start, enc), position(rope, r.end, enc))
}

/// Where each line of a text starts, to turn many byte offsets into positions at once (a
/// document's diagnostics): a binary search for the line, then the line's bytes up to the
/// offset counted. Lines end as the rope's do (`\n`, `\r\n`, a lone `\r`); positions agree
/// with [`position`]'s. It holds no text: each call is given the text it was made from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(starts_after(text.as_bytes(), 0..text.len()));
        LineIndex { starts }
    }

    /// Follows an edit that replaced `old_end - start` bytes at `start` with `inserted` bytes
    /// (`text` is the text after it). A line start depends on the two bytes around it, so the
    /// starts before `start` are kept, those the inserted bytes can make are looked for again,
    /// and those after the replaced bytes are moved: a keystroke costs its line, not the text.
    pub fn edit(&mut self, text: &str, start: usize, old_end: usize, inserted: usize) {
        let end = start + inserted;
        let moved: Vec<usize> = self.starts[self.starts.partition_point(|&p| p <= old_end)..]
            .iter()
            .map(|&p| p - old_end + end)
            .collect();
        // The first line always starts at 0.
        self.starts.truncate(self.starts.partition_point(|&p| p < start.max(1)));
        self.starts.extend(starts_after(text.as_bytes(), start.max(1) - 1..end));
        self.starts.extend(moved);
    }

    /// The line an offset is on.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset) - 1
    }

    /// Where a line starts (the text's end past the last line).
    pub fn line_start(&self, line: usize) -> usize {
        self.starts.get(line).copied().unwrap_or(usize::MAX)
    }

    /// LSP position of a byte offset of `text` (clamped, and moved back to a character
    /// boundary).
    pub fn position(&self, text: &str, offset: usize, enc: Encoding) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_of(offset);
        let start = self.starts[line];
        let col = match enc {
            Encoding::Utf8 => offset - start,
            Encoding::Utf16 => utf16_len(&text.as_bytes()[start..offset]),
        };
        Position::new(line as u32, col as u32)
    }

    pub fn range(&self, text: &str, r: std::ops::Range<usize>, enc: Encoding) -> Range {
        Range::new(self.position(text, r.start, enc), self.position(text, r.end, enc))
    }
}

/// The line starts after the line breaks in `b[within]` (a start may be `b.len()`, when a
/// break ends the text), in order.
fn starts_after(b: &[u8], within: std::ops::Range<usize>) -> impl Iterator<Item = usize> + '_ {
    let from = within.start;
    memchr::memchr2_iter(b'\n', b'\r', &b[within]).map(move |i| i + from).filter_map(|i| {
        // A CRLF pair ends its line at the `\n`.
        (!(b[i] == b'\r' && b.get(i + 1) == Some(&b'\n'))).then_some(i + 1)
    })
}

/// UTF-16 code units in whole UTF-8 characters: one per character, two for a character of four
/// bytes (its first byte is 0xF0 or above). The common all-ASCII case is one fast test.
fn utf16_len(bytes: &[u8]) -> usize {
    if bytes.is_ascii() {
        return bytes.len();
    }
    let chars = bytes.iter().filter(|&&b| (b as i8) >= -0x40).count();
    chars + bytes.iter().filter(|&&b| b >= 0xF0).count()
}

/// Byte range of an LSP range (start and end clamped, in order).
pub fn byte_range(rope: &Rope, r: Range, enc: Encoding) -> std::ops::Range<usize> {
    let a = offset(rope, r.start, enc);
    let b = offset(rope, r.end, enc);
    a.min(b)..a.max(b)
}

/// Replaces the text an LSP range covers (clamped, in order) with `text`; returns the byte
/// range replaced.
pub fn apply_edit(rope: &mut Rope, r: Range, text: &str, enc: Encoding) -> std::ops::Range<usize> {
    let bytes = byte_range(rope, r, enc);
    let start = rope.byte_to_char(bytes.start);
    let end = rope.byte_to_char(bytes.end);
    rope.remove(start..end);
    rope.insert(start, text);
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_and_utf8_columns_after_non_ascii() {
        let text = "Lenin — “Trotsky’s” Зиновьев 🙂 Kirov\nnext";
        let rope = Rope::from_str(text);
        let k = text.find("Kirov").unwrap();
        let p16 = position(&rope, k, Encoding::Utf16);
        let p8 = position(&rope, k, Encoding::Utf8);
        let prefix = &text[..k];
        assert_eq!(p16.character as usize, prefix.encode_utf16().count());
        assert_eq!(p8.character as usize, prefix.len());
        assert_eq!(offset(&rope, p16, Encoding::Utf16), k);
        assert_eq!(offset(&rope, p8, Encoding::Utf8), k);
    }

    #[test]
    fn clamps_out_of_range() {
        let rope = Rope::from_str("ab\r\ncd");
        assert_eq!(offset(&rope, Position::new(0, 99), Encoding::Utf16), 2);
        assert_eq!(offset(&rope, Position::new(9, 0), Encoding::Utf16), 6);
        // Inside a surrogate pair: clamp to the character start.
        let rope = Rope::from_str("🙂x");
        assert_eq!(offset(&rope, Position::new(0, 1), Encoding::Utf16), 0);
        assert_eq!(position(&rope, 2, Encoding::Utf16), Position::new(0, 0));
        assert_eq!(position(&rope, 99, Encoding::Utf8), Position::new(0, 5));
    }
}

#[cfg(test)]
pub(crate) mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Text mixing ASCII, em dashes, curly quotes, accents, Cyrillic, emoji and CRLF/LF breaks.
    pub(crate) fn essay_text() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop::sample::select(vec![
                "a",
                "Kirov ",
                "—",
                "“",
                "”",
                "’",
                "é",
                "Зиновьев",
                "🙂",
                "\n",
                "\r\n",
                " ",
                "1934",
            ]),
            0..60,
        )
        .prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn the_line_index_places_every_offset_as_the_rope_does(
            text in essay_text(), lone_cr in 0usize..60, pick in 0usize..400,
        ) {
            // Some texts with a lone carriage return, which ends a line too.
            let mut text = text;
            if lone_cr < text.len() && text.is_char_boundary(lone_cr) {
                text.insert(lone_cr, '\r');
            }
            let rope = Rope::from_str(&text);
            let lines = LineIndex::new(&text);
            for off in [pick % (text.len() + 1), pick, text.len()] {
                for enc in [Encoding::Utf8, Encoding::Utf16] {
                    prop_assert_eq!(lines.position(&text, off, enc), position(&rope, off, enc), "at {}", off);
                }
            }
        }

        #[test]
        fn an_edited_line_index_is_the_index_of_the_edited_text(
            text in essay_text(), at in 0usize..400, cut in 0usize..12,
            put in prop::sample::select(vec!["", "x", "\r", "\n", "\r\n", "\n\r", "é\r", "\n🙂\n"]),
        ) {
            let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let start = bounds[at % bounds.len()];
            let end = bounds[(at % bounds.len() + cut).min(bounds.len() - 1)];
            let mut lines = LineIndex::new(&text);
            let mut edited = text.clone();
            edited.replace_range(start..end, put);
            lines.edit(&edited, start, end, put.len());
            prop_assert_eq!(lines.starts, LineIndex::new(&edited).starts);
        }

        #[test]
        fn offsets_round_trip_through_positions(text in essay_text(), pick in 0usize..400) {
            let rope = Rope::from_str(&text);
            let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).chain(std::iter::once(text.len())).collect();
            let off = boundaries[pick % boundaries.len()];
            // A position inside a CRLF pair is not addressable; skip the '\n' of "\r\n".
            prop_assume!(!(off > 0 && text.as_bytes()[off - 1] == b'\r' && text.as_bytes().get(off) == Some(&b'\n')));
            for enc in [Encoding::Utf8, Encoding::Utf16] {
                let p = position(&rope, off, enc);
                prop_assert_eq!(offset(&rope, p, enc), off);
            }
        }

        #[test]
        fn any_position_is_clamped_not_a_panic(text in essay_text(), line in 0u32..20, ch in 0u32..200) {
            let rope = Rope::from_str(&text);
            for enc in [Encoding::Utf8, Encoding::Utf16] {
                let off = offset(&rope, Position::new(line, ch), enc);
                prop_assert!(off <= text.len() && text.is_char_boundary(off));
            }
        }
    }
}
