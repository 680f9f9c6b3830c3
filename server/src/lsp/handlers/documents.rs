//! Text synchronisation: `didOpen`, `didChange`, `didClose`. The edit is applied under the
//! state lock before the handler's first `.await` (tower-lsp may run another handler at each);
//! the analysis then runs on a worker. An open `.clio/ignore.txt` is read
//! as the ignore list (the editor's text, undo included), not analysed.

use tower_lsp::lsp_types::{
    DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams,
};

use crate::lsp::guard::guard;
use crate::lsp::session::Session;

pub async fn did_open(session: &Session, params: DidOpenTextDocumentParams) {
    let ignore_list = params.text_document.uri.path().ends_with("/.clio/ignore.txt");
    session.open(params.text_document);
    if ignore_list {
        ignore_list_changed(session).await;
    }
}

pub async fn did_change(session: &Session, params: DidChangeTextDocumentParams) {
    let uri = params.text_document.uri;
    crate::timing::log(|| format!("version {}: handler starts", params.text_document.version));
    let ignore_list = {
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
        crate::timing::log(|| format!("version {}: edit applied", params.text_document.version));
        let ignore_list = doc.is_ignore_list;
        session.check(&mut st, &uri);
        ignore_list
    };
    if ignore_list {
        ignore_list_changed(session).await;
    }
}

pub async fn did_close(session: &Session, params: DidCloseTextDocumentParams) {
    let closed = session.close(&params.text_document.uri);
    if closed.is_some_and(|d| d.is_ignore_list) {
        ignore_list_changed(session).await;
    }
}

async fn ignore_list_changed(session: &Session) {
    session.reread_ignore_lists(true).await;
    session.recheck_all();
}
