//! Settings by all three routes (`initializationOptions`, pushed with
//! `workspace/didChangeConfiguration`, pulled with `workspace/configuration`), watched files
//! under `.clio/`, and reloading the fact base with the workspace's packs.

use serde_json::Value;
use tower_lsp::lsp_types::{
    ConfigurationItem, DidChangeConfigurationParams, DidChangeWatchedFilesParams, MessageType,
};

use crate::config::Settings;
use crate::lsp::session::Session;
use crate::lsp::to_proto;

/// Pack errors shown as messages; the rest only counted, since each message interrupts.
const SHOWN_PACK_ERRORS: usize = 5;

pub async fn did_change_configuration(session: &Session, params: DidChangeConfigurationParams) {
    let has_clio = params.settings.get("clio").is_some() || params.settings.get("checks").is_some();
    if has_clio {
        apply_settings(session, &params.settings).await;
    } else {
        spawn_pull(session);
    }
}

pub async fn did_change_watched_files(session: &Session, params: DidChangeWatchedFilesParams) {
    let packs = params.changes.iter().any(|c| c.uri.path().ends_with(".toml"));
    let ignore_list = params.changes.iter().any(|c| c.uri.path().ends_with("/.clio/ignore.txt"));
    if packs {
        reload_knowledge(session).await;
    }
    session.reread_ignore_lists(ignore_list).await;
    session.recheck_all();
}

/// Makes the settings in `value` current and shows each bad value once; returns whether the
/// knowledge paths changed.
pub async fn take_settings(session: &Session, value: &Value) -> bool {
    let (settings, errors) = Settings::from_json(value);
    let (reload, fresh) = {
        let mut st = session.state();
        (st.set_settings(settings), st.first_time(errors))
    };
    for e in fresh {
        log!("settings: {e}");
        session
            .client
            .show_message(MessageType::WARNING, to_proto::shown(&format!("Clio: {e}")))
            .await;
    }
    reload
}

/// Applies settings pushed or pulled after start-up, and checks open documents again.
async fn apply_settings(session: &Session, value: &Value) {
    if take_settings(session, value).await {
        reload_knowledge(session).await;
    }
    session.reread_ignore_lists(false).await;
    session.recheck_all();
}

pub async fn reload_knowledge(session: &Session) {
    let errors = session.reload_base().await;
    let fresh = session.state().first_time(errors);
    for e in fresh.iter().take(SHOWN_PACK_ERRORS) {
        log!("knowledge pack error: {e}");
        let msg = to_proto::shown(&format!("Clio knowledge pack: {e}"));
        session.client.show_message(MessageType::ERROR, msg).await;
    }
    if fresh.len() > SHOWN_PACK_ERRORS {
        let more = fresh.len() - SHOWN_PACK_ERRORS;
        let msg = format!("Clio: {more} more knowledge pack errors (see the log)");
        session.client.log_message(MessageType::ERROR, msg).await;
    }
}

/// Asks the client for settings in a task of its own: the handler returns at once, so a
/// client slow to answer (or gone) never holds up shutdown.
pub fn spawn_pull(session: &Session) -> tokio::task::JoinHandle<()> {
    let session = session.clone();
    tokio::spawn(async move { pull_configuration(&session).await })
}

/// Asks the client for its settings and applies them (nothing when it does not answer).
async fn pull_configuration(session: &Session) {
    if !session.state().pull_config {
        return;
    }
    let items = vec![ConfigurationItem { scope_uri: None, section: Some("clio".into()) }];
    match session.client.configuration(items).await {
        Ok(values) => {
            if let Some(v) = values.into_iter().next().filter(|v| !v.is_null()) {
                apply_settings(session, &v).await;
            }
        }
        Err(e) => log!("workspace/configuration failed: {e}"),
    }
}
