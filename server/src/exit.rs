//! A thin layer in front of tower-lsp's service for the lifecycle corner cases it leaves open:
//! `exit` ends the process at once (code 0 after `shutdown`, 1 without, as the protocol says)
//! even while stdin stays open, and `shutdown`/`exit` sent with `"params": null` are accepted.

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};

use tower_lsp::jsonrpc::{Request, Response};
use tower_lsp::ExitedError;
use tower_service::Service;

pub struct ExitOnExit<S> {
    inner: S,
    shutdown_seen: Arc<AtomicBool>,
}

impl<S> ExitOnExit<S> {
    pub fn new(inner: S) -> Self {
        ExitOnExit { inner, shutdown_seen: Arc::new(AtomicBool::new(false)) }
    }
}

impl<S> Service<Request> for ExitOnExit<S>
where
    S: Service<Request, Response = Option<Response>, Error = ExitedError>,
    S::Future: Send + 'static,
{
    type Response = Option<Response>;
    type Error = ExitedError;
    type Future = Pin<Box<dyn Future<Output = Result<Option<Response>, ExitedError>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: Request) -> Self::Future {
        let method = req.method().to_string();
        let req = if matches!(method.as_str(), "shutdown" | "exit")
            && req.params().is_some_and(|p| p.is_null())
        {
            let (m, id, _) = req.into_parts();
            let b = Request::build(m);
            match id {
                Some(id) => b.id(id).finish(),
                None => b.finish(),
            }
        } else {
            req
        };
        match method.as_str() {
            "shutdown" => self.shutdown_seen.store(true, Ordering::SeqCst),
            "exit" => {
                let code = if self.shutdown_seen.load(Ordering::SeqCst) { 0 } else { 1 };
                eprintln!("[clio] exit ({code})");
                std::process::exit(code);
            }
            _ => {}
        }
        Box::pin(self.inner.call(req))
    }
}
