//! Sequences of edits through the server's position math (`position.rs`, the code
//! `Document::apply_changes` runs), in UTF-16 and UTF-8, checked against a plain model: any
//! position is clamped the same way (past a line's end to its end, past the last line to the
//! text's end, inside a character to its start), the texts stay equal, every offset the
//! server turns into a position comes back to itself, and the line index the diagnostics are
//! placed with agrees with the rope.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ropey::Rope;
use tower_lsp::lsp_types::{Position, Range};

#[path = "../../server/src/position.rs"]
#[allow(dead_code)]
mod position;

use position::Encoding;

/// Pieces of text the edits are made of: ASCII, line breaks of all kinds, accents, curly
/// quotes, Cyrillic, an emoji (a surrogate pair in UTF-16).
const PIECES: [&str; 12] =
    ["a", "Kirov ", "\n", "\r\n", "\r", "é", "“", "’", "Зи", "🙂", " ", "1934"];

fn text_of(bytes: &[u8]) -> String {
    bytes.iter().map(|b| PIECES[*b as usize % PIECES.len()]).collect()
}

/// Where each line starts (a line ends at `\n`, `\r\n` or `\r`).
fn line_starts(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let mut starts = vec![0];
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
            i += 1;
        }
        if b[i] == b'\n' || b[i] == b'\r' {
            starts.push(i + 1);
        }
        i += 1;
    }
    starts
}

/// The model's offset of a position, clamped.
fn model_offset(text: &str, p: Position, enc: Encoding) -> usize {
    let starts = line_starts(text);
    let Some(&start) = starts.get(p.line as usize) else { return text.len() };
    let end = starts.get(p.line as usize + 1).map_or(text.len(), |&n| n);
    let line = text[start..end].trim_end_matches(['\r', '\n']);
    let mut units = 0usize;
    for (i, c) in line.char_indices() {
        let w = match enc {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
        };
        if units + w > p.character as usize {
            return start + i;
        }
        units += w;
    }
    start + line.len()
}

fuzz_target!(|data: &[u8]| {
    let Some((&head, rest)) = data.split_first() else { return };
    let enc = if head % 2 == 0 { Encoding::Utf16 } else { Encoding::Utf8 };
    let (start, edits) = rest.split_at(rest.len().min(24));
    let mut model = text_of(start);
    let mut rope = Rope::from_str(&model);
    // Each edit: two positions (line, character) and up to three pieces to insert.
    for e in edits.chunks(7) {
        if e.len() < 7 {
            break;
        }
        let a = Position::new(e[0] as u32 % 12, e[1] as u32 % 40);
        let b = Position::new(e[2] as u32 % 12, e[3] as u32 % 40);
        let insert = text_of(&e[4..4 + (e[6] as usize % 4).min(3)]);
        let (x, y) = (model_offset(&model, a, enc), model_offset(&model, b, enc));
        // An editor never addresses the inside of a CRLF pair; the model steps past it.
        let snap = |o: usize| {
            let bytes = model.as_bytes();
            if o > 0 && bytes[o - 1] == b'\r' && bytes.get(o) == Some(&b'\n') {
                o + 1
            } else {
                o
            }
        };
        let (x, y) = (snap(x), snap(y));
        let range =
            Range::new(position::position(&rope, x, enc), position::position(&rope, y, enc));
        assert_eq!(position::offset(&rope, range.start, enc), x, "round trip of {x} in {model:?}");
        assert_eq!(
            position::offset(&rope, a, enc),
            model_offset(&model, a, enc),
            "{a:?} in {model:?}"
        );
        position::apply_edit(&mut rope, range, &insert, enc);
        model.replace_range(x.min(y)..x.max(y), &insert);
        assert_eq!(rope.to_string(), model);
        // The line index diagnostics are converted with places every offset as the rope does.
        let lines = position::LineIndex::new(&model);
        for o in [x, y, e[5] as usize % (model.len() + 1), model.len()] {
            assert_eq!(
                lines.position(&model, o, enc),
                position::position(&rope, o, enc),
                "offset {o} in {model:?}"
            );
        }
    }
});
