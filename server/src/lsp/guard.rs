//! Catching a panic per request: one bad request is logged and answered with an error, and
//! the server goes on.

use std::panic::{catch_unwind, AssertUnwindSafe};

use tower_lsp::jsonrpc::{Error, Result};

/// Runs `f`, turning a panic into a logged `None`.
pub fn guard<T>(what: &str, f: impl FnOnce() -> T) -> Option<T> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(v) => Some(v),
        Err(e) => {
            let msg = e
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| e.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            log!("internal error in {what}: {msg}");
            None
        }
    }
}

/// Runs a request's work under [`guard`]; a panic becomes an internal error for the client.
pub fn answer<T>(what: &str, f: impl FnOnce() -> T) -> Result<T> {
    guard(what, f).ok_or_else(Error::internal_error)
}
