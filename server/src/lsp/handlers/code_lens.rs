//! `textDocument/codeLens`: the essay's argument balance over its first line.

use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::{CodeLens, CodeLensParams};

use crate::lsp::guard::answer;
use crate::lsp::session::Session;
use crate::lsp::to_proto;

pub async fn code_lens(session: &Session, params: CodeLensParams) -> Result<Option<Vec<CodeLens>>> {
    let uri = params.text_document.uri;
    let Some(checked) = session.current(&uri).await else { return Ok(None) };
    let lens = answer("codeLens", || {
        checked.balance_title().map(|title| to_proto::balance_lens(title, &uri))
    })?;
    Ok(Some(lens.into_iter().collect()))
}
