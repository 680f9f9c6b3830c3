//! `initialize` (the client's capabilities in, Clio's out) and `initialized` (the workspace's
//! packs and ignore lists, file watching, the first settings pull).

use std::path::PathBuf;
use std::time::Duration;

use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::*;

use super::commands::{CMD_ADD_TO_IGNORE, CMD_LOOKUP, CMD_SHOW_BALANCE, CMD_TIMELINE};
use super::configuration;
use crate::lsp::session::Session;
use crate::position::Encoding;

pub async fn initialize(session: &Session, params: InitializeParams) -> Result<InitializeResult> {
    let utf8 = params
        .capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref())
        .is_some_and(|encs| encs.contains(&PositionEncodingKind::UTF8));
    let workspace = params.capabilities.workspace.as_ref();
    {
        let mut st = session.state();
        st.encoding = if utf8 { Encoding::Utf8 } else { Encoding::Utf16 };
        st.roots = roots_of(&params);
        st.pull_config = workspace.and_then(|w| w.configuration).unwrap_or(false);
        st.watch_files = workspace
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|d| d.dynamic_registration)
            .unwrap_or(false);
        let edits = workspace.and_then(|w| w.workspace_edit.as_ref());
        st.create_files = edits.is_some_and(|e| {
            e.document_changes == Some(true)
                && e.resource_operations
                    .as_ref()
                    .is_some_and(|ops| ops.contains(&ResourceOperationKind::Create))
        });
        st.balance_view = params
            .capabilities
            .experimental
            .as_ref()
            .and_then(|x| x.get("clioBalanceView"))
            .and_then(|v| v.as_bool())
            .unwrap_or(false);
        st.nested_symbols = params
            .capabilities
            .text_document
            .as_ref()
            .and_then(|t| t.document_symbol.as_ref())
            .and_then(|d| d.hierarchical_document_symbol_support)
            .unwrap_or(false);
        // Documents opened before the workspace's packs and settings are read wait for them.
        st.hold_analyses();
    }
    if let Some(options) = &params.initialization_options {
        // Packs named here are loaded by `initialized`, with the workspace's own.
        configuration::take_settings(session, options).await;
    }
    Ok(InitializeResult {
        server_info: Some(ServerInfo {
            name: "clio-ls".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        }),
        capabilities: capabilities(utf8),
    })
}

fn capabilities(utf8: bool) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(if utf8 {
            PositionEncodingKind::UTF8
        } else {
            PositionEncodingKind::UTF16
        }),
        text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
            open_close: Some(true),
            change: Some(TextDocumentSyncKind::INCREMENTAL),
            save: Some(TextDocumentSyncSaveOptions::Supported(false)),
            ..Default::default()
        })),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: None,
            resolve_provider: Some(false),
            ..Default::default()
        }),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..Default::default()
        })),
        code_lens_provider: Some(CodeLensOptions { resolve_provider: Some(false) }),
        document_symbol_provider: Some(OneOf::Right(DocumentSymbolOptions {
            label: Some("Clio: the essay's argument".into()),
            work_done_progress_options: Default::default(),
        })),
        execute_command_provider: Some(ExecuteCommandOptions {
            commands: vec![
                CMD_ADD_TO_IGNORE.into(),
                CMD_LOOKUP.into(),
                CMD_SHOW_BALANCE.into(),
                CMD_TIMELINE.into(),
            ],
            ..Default::default()
        }),
        ..Default::default()
    }
}

/// The workspace folders, else the (deprecated) root URI.
fn roots_of(params: &InitializeParams) -> Vec<PathBuf> {
    let mut roots: Vec<PathBuf> = params
        .workspace_folders
        .iter()
        .flatten()
        .filter_map(|f| f.uri.to_file_path().ok())
        .collect();
    #[allow(deprecated)]
    if roots.is_empty() {
        roots.extend(params.root_uri.as_ref().and_then(|u| u.to_file_path().ok()));
    }
    roots
}

/// How long the start-up waits for the client's settings before analysing anyway.
const SETTINGS_WAIT: Duration = Duration::from_secs(2);

/// Reads the workspace (packs, ignore lists, the client's settings) in a task of its own, so
/// that the handler returns at once; documents opened meanwhile are analysed once it is done,
/// with the workspace's packs and the client's settings.
pub async fn initialized(session: &Session) {
    let session = session.clone();
    tokio::spawn(async move {
        read_workspace(&session).await;
        // The pull runs on in its own task: an answer that comes late still applies.
        let pull = configuration::spawn_pull(&session);
        if tokio::time::timeout(SETTINGS_WAIT, pull).await.is_err() {
            log!("the client has not sent its settings yet; checking without them");
        }
        session.set_ready();
    });
}

async fn read_workspace(session: &Session) {
    let (paths, roots) = {
        let st = session.state();
        (!st.knowledge_paths().is_empty(), st.roots.clone())
    };
    let has_clio =
        tokio::task::spawn_blocking(move || roots.iter().any(|r| r.join(".clio").is_dir()));
    if paths || has_clio.await.unwrap_or(false) {
        configuration::reload_knowledge(session).await;
    }
    session.reread_ignore_lists(false).await;
    let ready = format!("clio-ls {} ready: {}", env!("CARGO_PKG_VERSION"), session.base().stats());
    session.client.log_message(MessageType::INFO, ready).await;
    if session.state().watch_files {
        // A client slow to answer the registration must not hold up the first analyses.
        let session = session.clone();
        tokio::spawn(async move { watch_clio_folders(&session).await });
    }
}

/// Asks the client to report changes under `.clio/`: a teacher's pack or the ignore list
/// edited in the workspace applies at once.
async fn watch_clio_folders(session: &Session) {
    let options = DidChangeWatchedFilesRegistrationOptions {
        watchers: vec![FileSystemWatcher {
            glob_pattern: GlobPattern::String("**/.clio/**".into()),
            kind: None,
        }],
    };
    let registration = Registration {
        id: "clio-watch".into(),
        method: "workspace/didChangeWatchedFiles".into(),
        register_options: serde_json::to_value(options).ok(),
    };
    if let Err(e) = session.client.register_capability(vec![registration]).await {
        log!("could not watch .clio/: {e}");
    }
}
