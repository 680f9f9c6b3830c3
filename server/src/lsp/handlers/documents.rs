//! Text synchronisation: `didOpen`, `didChange`, `didClose`. Opening and changing are plain
//! functions, not `async`: the edit is applied and the document checked before the handler
//! can reach an `.await`.

use tower_lsp::lsp_types::{
    DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams,
};

use crate::lsp::document::Document;
use crate::lsp::guard::guard;
use crate::lsp::session::Session;

pub fn did_open(session: &Session, params: DidOpenTextDocumentParams) {
    let base = session.base();
    let uri = params.text_document.uri.clone();
    let mut st = session.state();
    st.docs.insert(uri.clone(), Document::open(params.text_document));
    session.check(&base, &mut st, &uri);
}

pub fn did_change(session: &Session, params: DidChangeTextDocumentParams) {
    let base = session.base();
    let uri = params.text_document.uri;
    let mut st = session.state();
    let enc = st.encoding;
    let Some(doc) = st.docs.get_mut(&uri) else {
        log!("didChange for an unknown document {uri}");
        return;
    };
    if guard("didChange", || doc.apply_changes(params.content_changes, enc)).is_none() {
        log!("could not apply an edit to {uri}");
    }
    doc.set_version(params.text_document.version);
    session.check(&base, &mut st, &uri);
}

pub async fn did_close(session: &Session, params: DidCloseTextDocumentParams) {
    let uri = params.text_document.uri;
    session.state().docs.remove(&uri);
    session.client.publish_diagnostics(uri, Vec::new(), None).await;
}
