//! `textDocument/codeAction`: the quick fixes of the findings over the requested range, built
//! from the diagnostics the client was sent, then for each finding's check "Don't check this
//! line for CODE" and "Don't check this file for CODE" (each offered once).

use std::collections::HashSet;

use knowledge::text::disable::Scope;
use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::{CodeActionParams, CodeActionResponse};

use crate::lsp::guard::answer;
use crate::lsp::session::Session;
use crate::lsp::to_proto;

pub async fn code_action(
    session: &Session,
    params: CodeActionParams,
) -> Result<Option<CodeActionResponse>> {
    let uri = params.text_document.uri;
    let Some(checked) = session.current(&uri).await else { return Ok(None) };
    answer("codeAction", || {
        let want = checked.byte_range(params.range);
        let over: Vec<_> = checked
            .findings()
            .filter(|(f, _)| f.range.start <= want.end && want.start <= f.range.end)
            .collect();
        let (rope, enc) = (&checked.rope, checked.encoding);
        let mut actions: CodeActionResponse = over
            .iter()
            .flat_map(|(f, diag)| to_proto::quick_fixes(rope, enc, &uri, f, diag))
            .collect();
        let text = if over.is_empty() { String::new() } else { rope.to_string() };
        // The same comment is offered once, for the first finding it silences.
        let mut offered = HashSet::new();
        for (f, diag) in &over {
            for scope in [Scope::Line, Scope::File] {
                let edit = checked.disable_edit(&text, f, scope);
                if offered.insert((f.code, edit.range.start, scope == Scope::File)) {
                    actions.push(to_proto::disable_action(rope, enc, &uri, f, diag, scope, edit));
                }
            }
        }
        Some(actions)
    })
}
