//! `workspace/executeCommand`: look up a name, add a word to the workspace's ignore list, show
//! the argument balance, give the essay's timeline.

use serde_json::{json, Value};
use tower_lsp::jsonrpc::{Error, ErrorCode, Result};
use tower_lsp::lsp_types::{ExecuteCommandParams, MessageType, Url};

use crate::lsp::guard::{answer, guard};
use crate::lsp::session::Session;
use crate::lsp::to_proto;
use crate::workspace;

pub const CMD_ADD_TO_IGNORE: &str = "clio.addToIgnore";
pub const CMD_LOOKUP: &str = "clio.lookup";
pub const CMD_SHOW_BALANCE: &str = "clio.showBalance";
pub const CMD_TIMELINE: &str = "clio.timeline";

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
            add_to_ignore(session, &word, arg(1)).await.map(Some)
        }
        CMD_SHOW_BALANCE => show_balance(session, arg(0)).await,
        CMD_TIMELINE => {
            let uri = arg(0).and_then(|u| Url::parse(&u).ok()).ok_or_else(|| {
                Error::invalid_params("clio.timeline takes the URI of an open document")
            })?;
            timeline(session, &uri).await
        }
        other => Err(Error::invalid_params(format!("unknown command {other}"))),
    }
}

fn lookup(session: &Session, name: &str) -> Option<Value> {
    let base = session.base();
    guard("lookup", || knowledge::hover::lookup(&base, name))
        .flatten()
        .map(|md| json!({ "markdown": to_proto::shown(&md) }))
}

/// Adds `word` to the ignore list of the workspace folder holding the document `doc_uri`
/// (else the first folder) with an edit the client applies, so that it can be undone; with no
/// workspace folder, the word is ignored for this session only. Nothing is written here.
async fn add_to_ignore(session: &Session, word: &str, doc_uri: Option<String>) -> Result<Value> {
    workspace::check_word(word)
        .map_err(|why| Error::invalid_params(format!("not a word: {why}")))?;
    let doc_dir = doc_uri
        .and_then(|u| Url::parse(&u).ok())
        .and_then(|u| u.to_file_path().ok())
        .and_then(|p| p.parent().map(|x| x.to_path_buf()));
    let (root, open, enc, create_files) = {
        let st = session.state();
        let by_doc =
            doc_dir.as_ref().and_then(|d| st.roots.iter().find(|r| d.starts_with(r)).cloned());
        let root = by_doc.or_else(|| st.roots.first().cloned());
        let list = root.as_ref().and_then(|r| Url::from_file_path(workspace::ignore_file(r)).ok());
        let open = list.and_then(|u| st.docs.get(&u)).map(|d| d.text());
        (root, open, st.encoding, st.create_files)
    };
    let Some(root) = root else {
        session.ignore_now(word);
        session.recheck_all();
        let msg = format!("No workspace folder to keep .clio/ignore.txt in: “{word}” is ignored until the editor closes.");
        session.client.show_message(MessageType::INFO, msg.clone()).await;
        return Ok(json!({ "file": null, "message": msg }));
    };
    let owned = (root.clone(), word.to_string());
    let planned = tokio::task::spawn_blocking(move || {
        workspace::plan_ignore_edit(&owned.0, &owned.1, open.as_deref())
    })
    .await
    .map_err(|_| Error::internal_error())?;
    let plan =
        planned.map_err(|why| failed(format!("the ignore list cannot be changed: {why}")))?;
    let file = workspace::ignore_file(&root).display().to_string();
    if let Some(edit) = to_proto::ignore_edit(&plan, enc, create_files) {
        let applied = session.client.apply_edit(edit).await.map_err(|e| failed(e.to_string()))?;
        if !applied.applied {
            let why = applied.failure_reason.unwrap_or_default();
            return Err(failed(format!("the editor did not add the word: {why}")));
        }
    }
    log!("{word} added to {file}");
    session.ignore_now(word);
    session.recheck_all();
    Ok(json!({ "file": file }))
}

fn failed(message: String) -> Error {
    Error { code: ErrorCode::InternalError, message: message.into(), data: None }
}

/// The balance of the document `doc_uri`: shown as a message, unless the client draws it
/// itself, and answered as data (`{ message, continuity, rupture, open: [{ claim, theme, side }] }`).
async fn show_balance(session: &Session, doc_uri: Option<String>) -> Result<Option<Value>> {
    let uri = doc_uri.and_then(|u| Url::parse(&u).ok());
    let Some(uri) = uri else { return Ok(None) };
    let Some(checked) = session.current(&uri).await else { return Ok(None) };
    let answered = answer("showBalance", || {
        let message = to_proto::shown(&checked.balance_message());
        Some(to_proto::balance(message, checked.balance_points()))
    })?;
    let Some((message, value)) = answered else { return Ok(None) };
    let own_view = session.state().balance_view;
    if !own_view {
        session.client.show_message(MessageType::INFO, message).await;
    }
    Ok(Some(value))
}

/// The timeline of the document `uri` (`to_proto::timeline`), or null when it is not open (or
/// its analysis is not ready in time).
async fn timeline(session: &Session, uri: &Url) -> Result<Option<Value>> {
    let Some(checked) = session.current(uri).await else { return Ok(None) };
    answer("timeline", || {
        let text = checked.rope.to_string();
        let (t, svg) = checked.timeline(&text);
        let mut value = to_proto::timeline(&checked.rope, checked.encoding, &text, &t, svg);
        value["version"] = json!(checked.version);
        Some(value)
    })
}
