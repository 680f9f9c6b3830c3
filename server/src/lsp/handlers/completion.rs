//! `textDocument/completion`: the canonical spelling of a name from the word being typed.

use ropey::Rope;
use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::{CompletionList, CompletionParams, CompletionResponse};

use crate::lsp::guard::answer;
use crate::lsp::session::Session;
use crate::lsp::to_proto;

pub fn completion(
    session: &Session,
    params: CompletionParams,
) -> Result<Option<CompletionResponse>> {
    let p = params.text_document_position;
    let Some(checked) = session.checked(&p.text_document.uri) else { return Ok(None) };
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

/// The word that ends at `offset` (letters, digits, hyphens, apostrophes), with its start.
fn word_before(rope: &Rope, offset: usize) -> (usize, String) {
    let start = offset.saturating_sub(64);
    let s = rope.byte_slice(rope.byte_to_char(start).min(rope.len_chars())..).to_string();
    let head = &s[..(offset - rope.char_to_byte(rope.byte_to_char(start))).min(s.len())];
    let w: String = head
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '\'' || *c == '’')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    (offset - w.len(), w)
}
