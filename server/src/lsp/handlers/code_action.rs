//! `textDocument/codeAction`: the quick fixes of the findings over the requested range, built
//! from the diagnostics the client was sent.

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
        let actions = checked
            .findings()
            .filter(|(f, _)| f.range.start <= want.end && want.start <= f.range.end)
            .flat_map(|(f, diag)| {
                to_proto::quick_fixes(&checked.rope, checked.encoding, &uri, f, diag)
            })
            .collect();
        Some(actions)
    })
}
