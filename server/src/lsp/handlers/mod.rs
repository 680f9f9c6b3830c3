//! The request and notification handlers, one file per group. Each takes the [`Session`]
//! and the request's parameters; the routing in `lsp/mod.rs` only dispatches to them.
//!
//! [`Session`]: super::session::Session

pub mod code_action;
pub mod code_lens;
pub mod commands;
pub mod completion;
pub mod configuration;
pub mod documents;
pub mod hover;
pub mod lifecycle;
pub mod symbols;
