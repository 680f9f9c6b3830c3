//! `textDocument/hover`: the card for the name, year or figure under the cursor.

use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::{Hover, HoverParams};

use crate::lsp::guard::answer;
use crate::lsp::session::Session;
use crate::lsp::to_proto;

pub async fn hover(session: &Session, params: HoverParams) -> Result<Option<Hover>> {
    let p = params.text_document_position_params;
    let Some(checked) = session.current(&p.text_document.uri).await else { return Ok(None) };
    answer("hover", || {
        let offset = checked.offset(p.position);
        checked.hover(offset).map(|h| to_proto::hover(&checked.rope, checked.encoding, h))
    })
}
