//! `workspace/executeCommand`: look up a name, add a word to the workspace's ignore list, show
//! the argument balance.

use std::path::PathBuf;

use serde_json::{json, Value};
use tower_lsp::jsonrpc::{Error, ErrorCode, Result};
use tower_lsp::lsp_types::{ExecuteCommandParams, MessageType, Url};

use crate::lsp::guard::{answer, guard};
use crate::lsp::session::Session;
use crate::workspace;

pub const CMD_ADD_TO_IGNORE: &str = "clio.addToIgnore";
pub const CMD_LOOKUP: &str = "clio.lookup";
pub const CMD_SHOW_BALANCE: &str = "clio.showBalance";

pub async fn execute_command(
    session: &Session,
    params: ExecuteCommandParams,
) -> Result<Option<Value>> {
    let arg = |i: usize| params.arguments.get(i).and_then(|v| v.as_str()).map(str::to_string);
    match params.command.as_str() {
        CMD_LOOKUP => {
            let name = arg(0).ok_or_else(|| Error::invalid_params("clio.lookup takes a name"))?;
            Ok(lookup(session, &name))
        }
        CMD_ADD_TO_IGNORE => {
            let word =
                arg(0).ok_or_else(|| Error::invalid_params("clio.addToIgnore takes a word"))?;
            add_to_ignore(session, &word, arg(1)).map(Some)
        }
        CMD_SHOW_BALANCE => show_balance(session, arg(0)).await,
        other => Err(Error::invalid_params(format!("unknown command {other}"))),
    }
}

fn lookup(session: &Session, name: &str) -> Option<Value> {
    let base = session.base();
    guard("lookup", || knowledge::hover::lookup(&base, name))
        .flatten()
        .map(|md| json!({ "markdown": md }))
}

/// Adds `word` to the ignore list of the workspace folder holding the document `doc_uri`
/// (else the first folder, else the document's own folder), then checks again.
fn add_to_ignore(session: &Session, word: &str, doc_uri: Option<String>) -> Result<Value> {
    let doc_dir = doc_uri
        .and_then(|u| Url::parse(&u).ok())
        .and_then(|u| u.to_file_path().ok())
        .and_then(|p| p.parent().map(|x| x.to_path_buf()));
    let root = {
        let st = session.state();
        let by_doc =
            doc_dir.as_ref().and_then(|d| st.roots.iter().find(|r| d.starts_with(r)).cloned());
        by_doc.or_else(|| st.roots.first().cloned()).or(doc_dir)
    };
    let root: PathBuf =
        root.ok_or_else(|| Error::invalid_params("no workspace folder to hold .clio/ignore.txt"))?;
    let path = workspace::add_ignore(&root, word).map_err(|e| Error {
        code: ErrorCode::InternalError,
        message: format!("could not write the ignore list: {e}").into(),
        data: None,
    })?;
    log!("added {word} to {}", path.display());
    {
        let mut st = session.state();
        if !st.roots.contains(&root) {
            st.roots.push(root);
        }
    }
    session.reread_ignore_lists();
    session.recheck_all();
    Ok(json!({ "file": path.display().to_string() }))
}

async fn show_balance(session: &Session, doc_uri: Option<String>) -> Result<Option<Value>> {
    let uri = doc_uri.and_then(|u| Url::parse(&u).ok());
    let Some(checked) = uri.as_ref().and_then(|u| session.checked(u)) else { return Ok(None) };
    let msg = answer("showBalance", || checked.balance_message())?;
    session.client.show_message(MessageType::INFO, msg.clone()).await;
    Ok(Some(json!({ "message": msg })))
}
