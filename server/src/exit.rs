//! The end of a session, as the protocol wants it: the process exits with code 0 only after a
//! `shutdown` that was answered without error, 1 otherwise (an `exit` without `shutdown`, a
//! `shutdown` refused before `initialize`, or stdin closed first); the answer to `shutdown` is
//! written before the process ends. `shutdown`/`exit` sent with `"params": null` are accepted.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::Notify;
use tower_lsp::jsonrpc::Request;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shutdown {
    NotAsked,
    /// Asked; the answer is not written yet.
    Asked,
    /// Answered; `ok` when the answer was not an error.
    Answered {
        ok: bool,
    },
}

pub struct Lifecycle {
    shutdown: Mutex<Shutdown>,
    answered: Notify,
    /// Told when the answer to `initialize` has been handed to the writer.
    initialize: Arc<Notify>,
}

impl Default for Lifecycle {
    fn default() -> Self {
        Lifecycle {
            shutdown: Mutex::new(Shutdown::NotAsked),
            answered: Notify::new(),
            initialize: Arc::new(Notify::new()),
        }
    }
}

impl Lifecycle {
    /// Resolves once the answer to the `initialize` being handled is written (take it before
    /// handing the request on, so that the answer cannot be missed).
    pub fn initialize_answered(&self) -> impl std::future::Future<Output = ()> + Send + 'static {
        let mut notified = Box::pin(self.initialize.clone().notified_owned());
        notified.as_mut().enable();
        notified
    }

    pub fn initialized(&self) {
        self.initialize.notify_waiters();
    }

    fn get(&self) -> Shutdown {
        *self.shutdown.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn set(&self, s: Shutdown) {
        *self.shutdown.lock().unwrap_or_else(|e| e.into_inner()) = s;
    }

    pub fn shutdown_asked(&self) {
        self.set(Shutdown::Asked);
    }

    /// The answer to `shutdown` has been handed to the writer.
    pub fn shutdown_answered(&self, ok: bool) {
        self.set(Shutdown::Answered { ok });
        self.answered.notify_waiters();
    }

    /// The exit code for an `exit` (or the end of input) now: 0 only after a successful
    /// `shutdown`. A `shutdown` still being answered is waited for (at most `wait`), so that
    /// its answer is written first.
    pub async fn exit_code(&self, wait: Duration) -> i32 {
        if self.get() == Shutdown::Asked {
            let answered = self.answered.notified();
            tokio::pin!(answered);
            answered.as_mut().enable();
            if self.get() == Shutdown::Asked && tokio::time::timeout(wait, answered).await.is_err()
            {
                eprintln!("[clio] the answer to shutdown was not ready in time");
            }
        }
        match self.get() {
            Shutdown::Answered { ok: true } | Shutdown::Asked => 0,
            Shutdown::NotAsked | Shutdown::Answered { ok: false } => 1,
        }
    }
}

/// `shutdown` and `exit` take no parameters; some clients send `"params": null`, which
/// tower-lsp would refuse. Any other request is returned as it is.
pub fn normalize(req: Request) -> Request {
    if !matches!(req.method(), "shutdown" | "exit") || !req.params().is_some_and(|p| p.is_null()) {
        return req;
    }
    let (method, id, _) = req.into_parts();
    let b = Request::build(method);
    match id {
        Some(id) => b.id(id).finish(),
        None => b.finish(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(l: &Lifecycle) -> i32 {
        let rt = tokio::runtime::Builder::new_current_thread().enable_time().build().unwrap();
        rt.block_on(l.exit_code(Duration::from_millis(1)))
    }

    #[test]
    fn only_a_successful_shutdown_earns_code_0() {
        let l = Lifecycle::default();
        assert_eq!(code(&l), 1, "exit without shutdown");
        l.shutdown_asked();
        l.shutdown_answered(false);
        assert_eq!(code(&l), 1, "a shutdown refused before initialize");
        l.shutdown_asked();
        l.shutdown_answered(true);
        assert_eq!(code(&l), 0);
    }
}
