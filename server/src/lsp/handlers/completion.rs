//! `textDocument/completion`: the canonical spelling of a name from the word being typed.

use ropey::Rope;
use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::{CompletionList, CompletionParams, CompletionResponse};

use crate::lsp::guard::answer;
use crate::lsp::session::Session;
use crate::lsp::to_proto;

pub async fn completion(
    session: &Session,
    params: CompletionParams,
) -> Result<Option<CompletionResponse>> {
    let p = params.text_document_position;
    let Some(checked) = session.current(&p.text_document.uri).await else { return Ok(None) };
    let items = answer("completion", || {
        let offset = checked.offset(p.position);
        // Nothing inside code, URLs or math.
        if checked.outside_prose_before(offset) {
            return Vec::new();
        }
        let (start, word) = word_before(&checked.rope, offset);
        let typed = to_proto::range(&checked.rope, start..offset, checked.encoding);
        checked.completions(&word).into_iter().map(|c| to_proto::completion(c, typed)).collect()
    })?;
    Ok((!items.is_empty())
        .then_some(CompletionResponse::List(CompletionList { is_incomplete: true, items })))
}

/// How far back the word being typed is looked for, in characters.
const WORD_WINDOW: usize = 64;

/// The word that ends at byte `offset` (letters, digits, hyphens, apostrophes), with its start
/// byte. Offsets are bytes, the rope's slices are indexed by characters: converted both ways.
fn word_before(rope: &Rope, offset: usize) -> (usize, String) {
    let offset = offset.min(rope.len_bytes());
    let end = rope.byte_to_char(offset);
    let window = rope.slice(end.saturating_sub(WORD_WINDOW)..end);
    let mut word: Vec<char> = window
        .chars_at(window.len_chars())
        .reversed()
        .take_while(|c| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’'))
        .collect();
    word.reverse();
    let word: String = word.into_iter().collect();
    (offset - word.len(), word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_before_the_cursor_after_curly_quotes_and_dashes() {
        // Over 64 bytes of text with curly quotes and dashes before the word, so that byte and
        // character counts differ well before the cursor.
        let text = "“Lenin’s heirs” — “the Old Bolsheviks” — lost to Stalin’s men; Zinov";
        assert!(text.len() > 64 && text.len() != text.chars().count());
        let rope = Rope::from_str(text);
        assert_eq!(word_before(&rope, text.len()), (text.len() - 5, "Zinov".to_string()));
        let at = text.find("Stalin’s").unwrap() + "Stalin’s".len();
        assert_eq!(word_before(&rope, at), (at - "Stalin’s".len(), "Stalin’s".to_string()));
        assert_eq!(word_before(&rope, 0), (0, String::new()));
    }
}
