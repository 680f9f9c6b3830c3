//! The language server. This file only routes: tower-lsp calls [`Backend`], which hands each
//! request or notification to its handler in `handlers/` with the [`Session`].
//!
//! - `session.rs`: the state behind one lock, and the one place documents are checked;
//!   `document.rs`: an open document (edits applied to it, its latest check);
//!   `analysis.rs`: the doorway into `knowledge` and the checked snapshot requests read;
//!   `base.rs`: the fact base and its reloads; `publish.rs`: diagnostics to the client;
//!   `reuse.rs`: diagnostics an edit left as they were, carried over; `mirror.rs`: the text
//!   as one string for the analysis, edits replayed on it;
//!   `worker.rs`: the threads documents are analysed on.
//! - `to_proto.rs`: every conversion to LSP types; `guard.rs`: a panic per request is caught.

/// Logs to stderr (stdout is the protocol).
macro_rules! log {
    ($($t:tt)*) => { eprintln!("[clio] {}", format!($($t)*)) };
}

mod analysis;
mod base;
mod document;
mod guard;
mod handlers;
mod mirror;
mod publish;
mod reuse;
mod session;
pub(crate) mod to_proto;
mod worker;

use serde_json::Value;
use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::*;
use tower_lsp::{Client, LanguageServer};

use handlers::{
    code_action, code_lens, commands, completion, configuration, documents, hover, lifecycle,
    symbols,
};
use session::Session;

use crate::writer::Outbox;

pub struct Backend {
    session: Session,
}

impl Backend {
    /// `outbox` is where the session writes the diagnostics it encodes itself.
    pub fn new(client: Client, outbox: Outbox) -> Backend {
        Backend { session: Session::new(client, outbox) }
    }
}

#[tower_lsp::async_trait]
impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        lifecycle::initialize(&self.session, params).await
    }

    async fn initialized(&self, _: InitializedParams) {
        lifecycle::initialized(&self.session).await
    }

    async fn shutdown(&self) -> Result<()> {
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        documents::did_open(&self.session, params).await
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        documents::did_change(&self.session, params).await
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        documents::did_close(&self.session, params).await
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        configuration::did_change_configuration(&self.session, params).await
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        configuration::did_change_watched_files(&self.session, params).await
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        hover::hover(&self.session, params).await
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        completion::completion(&self.session, params).await
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        code_action::code_action(&self.session, params).await
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        symbols::document_symbol(&self.session, params).await
    }

    async fn code_lens(&self, params: CodeLensParams) -> Result<Option<Vec<CodeLens>>> {
        code_lens::code_lens(&self.session, params).await
    }

    async fn execute_command(&self, params: ExecuteCommandParams) -> Result<Option<Value>> {
        commands::execute_command(&self.session, params).await
    }
}
