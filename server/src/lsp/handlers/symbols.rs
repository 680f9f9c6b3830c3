//! `textDocument/documentSymbol`: the essay's outline, its headings and under each the
//! paragraphs of its section, each named by the side of the debate it argues and its themes,
//! so that an editor's outline view and symbol pickers show the essay's argument map. A client
//! that does not take nested symbols gets them flat, each naming the heading it is under.

use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::{DocumentSymbolParams, DocumentSymbolResponse};

use crate::lsp::guard::answer;
use crate::lsp::session::Session;
use crate::lsp::to_proto;

pub async fn document_symbol(
    session: &Session,
    params: DocumentSymbolParams,
) -> Result<Option<DocumentSymbolResponse>> {
    let uri = params.text_document.uri;
    let nested = session.state().nested_symbols;
    let Some(checked) = session.current(&uri).await else { return Ok(None) };
    answer("documentSymbol", || {
        let symbols = to_proto::symbols(&checked.rope, checked.encoding, &checked.outline());
        Some(if nested {
            DocumentSymbolResponse::Nested(symbols)
        } else {
            DocumentSymbolResponse::Flat(to_proto::flat_symbols(&uri, symbols))
        })
    })
}
