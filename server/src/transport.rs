//! The server's loop over stdin and stdout, in place of tower-lsp's `Server`: tower-lsp's
//! reader stops for good at the first message it cannot decode, which left the server alive
//! but deaf. Here frames come from [`crate::framing::Decoder`] (which resynchronises after garbage),
//! every message is checked to be JSON-RPC before tower-lsp's service sees it, and answers,
//! the server's own requests and notifications go out through one writer, in order.
//!
//! - A bad frame or a value that is not a JSON-RPC message is logged and answered with an
//!   error (-32700 or -32600) carrying the request id when one is known; reading goes on.
//! - A request whose method starts with `$/` is answered with MethodNotFound.
//! - `exit` (or the end of input) ends the process through the writer, after the answer to a
//!   pending `shutdown`, with the code [`Lifecycle::exit_code`] gives.
//!
//! Requests are handed to the service in the order they arrive and driven on one task, as
//! tower-lsp does, so that a notification's handler runs before any later message's. Writing
//! is [`crate::writer`]'s thread.

use std::sync::Arc;
use std::time::Duration;

use futures::channel::mpsc as fmpsc;
use futures::future::BoxFuture;
use futures::{FutureExt, SinkExt, StreamExt};
use serde_json::Value;
use tokio::io::{AsyncRead, AsyncReadExt};
use tower_lsp::jsonrpc::{Error, Id, Request, Response};
use tower_lsp::{ClientSocket, LanguageServer, Loopback, LspService};
use tower_service::Service;

use crate::exit::{self, Lifecycle};
use crate::framing::{Decoder, Event};
use crate::timing;
use crate::writer::{Outbox, Outgoing};

/// Requests handled at once (tower-lsp's default is 4; a request waiting for its document's
/// analysis should not hold up the others).
const CONCURRENCY: usize = 16;
/// How long the client may pause before bytes being skipped are reported.
const IDLE: Duration = Duration::from_millis(50);
/// How long messages after `initialize` wait for its answer.
const INITIALIZE_WAIT: Duration = Duration::from_secs(30);
/// How long `exit` waits for the answer to `shutdown`.
const SHUTDOWN_WAIT: Duration = Duration::from_secs(5);

/// A request's answer, and which request it answers.
type Pending = BoxFuture<'static, (Option<Response>, Kind)>;

/// The requests whose answers the loop waits for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Initialize,
    Shutdown,
    Other,
}

/// Serves `service` over `input`/`output` until `exit` or the end of input; returns the
/// process's exit code. What the service sends through `outbox` is written with the rest.
pub async fn serve<I, S>(
    input: I,
    output: Box<dyn std::io::Write + Send>,
    service: LspService<S>,
    socket: ClientSocket,
    (outbox, outgoing): (Outbox, Outgoing),
) -> i32
where
    I: AsyncRead + Unpin,
    S: LanguageServer,
{
    let out = outbox;
    let writer = std::thread::Builder::new()
        .name("clio-writer".into())
        .spawn(move || outgoing.write_to(output));
    let writer = match writer {
        Ok(w) => w,
        Err(e) => {
            log(&format!("could not start the writer: {e}"));
            return 1;
        }
    };
    let lifecycle = Arc::new(Lifecycle::default());
    let (client_requests, client_responses) = socket.split();
    tokio::spawn(forward_client_requests(client_requests, out.clone()));
    let (pending, pending_rx) = fmpsc::channel::<Pending>(100);
    tokio::spawn(answer_requests(pending_rx, out.clone(), lifecycle.clone()));
    let mut reader = Reader {
        service,
        out: out.clone(),
        pending,
        client_responses,
        lifecycle: lifecycle.clone(),
    };
    let code = reader.run(input).await;
    if !out.exit(code) {
        log("the writer had stopped before the end");
    }
    match tokio::task::spawn_blocking(move || writer.join()).await {
        Ok(Ok(Some(code))) => code,
        _ => code,
    }
}

struct Reader<S: LanguageServer> {
    service: LspService<S>,
    out: Outbox,
    pending: fmpsc::Sender<Pending>,
    client_responses: <ClientSocket as Loopback>::ResponseSink,
    lifecycle: Arc<Lifecycle>,
}

impl<S: LanguageServer> Reader<S> {
    /// Reads until `exit` or the end of input; returns the exit code.
    async fn run<I: AsyncRead + Unpin>(&mut self, mut input: I) -> i32 {
        let mut decoder = Decoder::default();
        let mut chunk = vec![0u8; 64 << 10];
        let mut eof = false;
        loop {
            while let Some(event) = decoder.next(eof) {
                if let Some(code) = self.event(event).await {
                    return code;
                }
            }
            if eof {
                break;
            }
            let read = match tokio::time::timeout(IDLE, input.read(&mut chunk)).await {
                Ok(read) => read,
                Err(_) => {
                    if let Some(event) = decoder.idle() {
                        if let Some(code) = self.event(event).await {
                            return code;
                        }
                    }
                    input.read(&mut chunk).await
                }
            };
            match read {
                Ok(0) => eof = true,
                Ok(n) => {
                    timing::log(|| format!("{n} bytes read"));
                    decoder.feed(&chunk[..n])
                }
                Err(e) => {
                    log(&format!("stdin: {e}"));
                    eof = true;
                }
            }
        }
        let code = self.lifecycle.exit_code(SHUTDOWN_WAIT).await;
        log(&format!("end of input; exit ({code})"));
        code
    }

    /// Handles one decoded event; `Some(code)` when the process should end.
    async fn event(&mut self, event: Event) -> Option<i32> {
        match event {
            Event::Bad { reason, id } => {
                log(&format!("skipped bytes that are not a message: {reason}"));
                self.reply_error(id_of(id.as_ref()), Error::parse_error());
                None
            }
            Event::Message(value) => match classify(value) {
                Incoming::Request(req) => self.request(req).await,
                Incoming::Response(res) => {
                    if self.client_responses.send(res).await.is_err() {
                        log("an answer from the client arrived after the server stopped");
                    }
                    None
                }
                Incoming::Invalid { id, why } => {
                    log(&format!("not a JSON-RPC message: {why}"));
                    self.reply_error(id, Error { message: why.into(), ..Error::invalid_request() });
                    None
                }
            },
        }
    }

    async fn request(&mut self, req: Request) -> Option<i32> {
        let req = exit::normalize(req);
        let method = req.method().to_string();
        if method == "exit" {
            let code = self.lifecycle.exit_code(SHUTDOWN_WAIT).await;
            log(&format!("exit ({code})"));
            return Some(code);
        }
        if method.starts_with("$/") {
            if let Some(id) = req.id().cloned() {
                self.reply_error(id, Error::method_not_found());
                return None;
            }
        }
        let kind = match method.as_str() {
            "initialize" => Kind::Initialize,
            "shutdown" => Kind::Shutdown,
            _ => Kind::Other,
        };
        if kind == Kind::Shutdown {
            self.lifecycle.shutdown_asked();
        }
        // Messages a client sends without waiting for the answer to `initialize` (an editor
        // started on a file writes `initialized` and `didOpen` at once) would reach tower-lsp
        // before it counts as initialized, and be dropped: they wait for that answer.
        let initialized = (kind == Kind::Initialize).then(|| self.lifecycle.initialize_answered());
        if let Err(e) = futures::future::poll_fn(|cx| self.service.poll_ready(cx)).await {
            log(&format!("the service stopped: {e}"));
            return Some(self.lifecycle.exit_code(SHUTDOWN_WAIT).await);
        }
        let answer = self.service.call(req);
        let fut: Pending = async move { (answer.await.unwrap_or(None), kind) }.boxed();
        if self.pending.send(fut).await.is_err() {
            log("requests can no longer be answered");
            return Some(1);
        }
        if let Some(answered) = initialized {
            if tokio::time::timeout(INITIALIZE_WAIT, answered).await.is_err() {
                log("initialize is taking long; reading on");
            }
        }
        None
    }

    fn reply_error(&self, id: Id, error: Error) {
        send(&self.out, &Response::from_error(id, error));
    }
}

enum Incoming {
    Request(Request),
    Response(Response),
    Invalid { id: Id, why: String },
}

/// What a decoded JSON value is: a request or notification, an answer from the client, or
/// neither (with the id to answer when it has a usable one).
fn classify(v: Value) -> Incoming {
    let Some(obj) = v.as_object() else {
        let kind = match &v {
            Value::Array(_) => "an array (batches are not part of LSP)",
            _ => "not an object",
        };
        return Incoming::Invalid { id: Id::Null, why: format!("the message is {kind}") };
    };
    let id = id_of(obj.get("id"));
    if obj.get("jsonrpc").and_then(Value::as_str) != Some("2.0") {
        return Incoming::Invalid { id, why: "the message lacks \"jsonrpc\": \"2.0\"".into() };
    }
    let is_response = !obj.contains_key("method")
        && obj.contains_key("id")
        && (obj.contains_key("result") || obj.contains_key("error"));
    if is_response {
        return match serde_json::from_value::<Response>(v) {
            Ok(r) => Incoming::Response(r),
            Err(e) => Incoming::Invalid { id, why: format!("a malformed response: {e}") },
        };
    }
    if !obj.get("method").is_some_and(Value::is_string) {
        return Incoming::Invalid { id, why: "the message has no method".into() };
    }
    match serde_json::from_value::<Request>(v) {
        Ok(r) => Incoming::Request(r),
        Err(e) => Incoming::Invalid { id, why: format!("a malformed request: {e}") },
    }
}

/// A request id as JSON-RPC allows it (a number or a string), else `null`.
fn id_of(v: Option<&Value>) -> Id {
    match v {
        Some(Value::Number(n)) => n.as_i64().map_or(Id::Null, Id::Number),
        Some(Value::String(s)) => Id::String(s.clone()),
        _ => Id::Null,
    }
}

/// Drives the requests' handlers, in arrival order, at most [`CONCURRENCY`] at a time, and
/// hands their answers to the writer.
async fn answer_requests(
    pending: fmpsc::Receiver<Pending>,
    out: Outbox,
    lifecycle: Arc<Lifecycle>,
) {
    let mut answers = pending.buffer_unordered(CONCURRENCY);
    while let Some((answer, kind)) = answers.next().await {
        let ok = answer.as_ref().is_some_and(Response::is_ok);
        if let Some(answer) = answer {
            send(&out, &answer);
        }
        match kind {
            Kind::Initialize => lifecycle.initialized(),
            Kind::Shutdown => lifecycle.shutdown_answered(ok),
            Kind::Other => {}
        }
    }
}

/// The server's requests and notifications to the client, to the writer.
async fn forward_client_requests(
    mut requests: <ClientSocket as Loopback>::RequestStream,
    out: Outbox,
) {
    while let Some(req) = requests.next().await {
        if !send(&out, &req) {
            return;
        }
    }
}

fn send<T: serde::Serialize>(out: &Outbox, msg: &T) -> bool {
    let start = std::time::Instant::now();
    match serde_json::to_vec(msg) {
        Ok(body) => {
            if body.len() > 64 << 10 {
                timing::log(|| format!("{} bytes encoded {:.3} ms", body.len(), timing::ms(start)));
            }
            out.send(body)
        }
        Err(e) => {
            log(&format!("could not encode a message: {e}"));
            true
        }
    }
}

fn log(msg: &str) {
    eprintln!("[clio] {msg}");
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn kind(v: Value) -> String {
        match classify(v) {
            Incoming::Request(r) => format!("request {}", r.method()),
            Incoming::Response(r) => format!("response {}", r.id()),
            Incoming::Invalid { id, why } => format!("invalid (id {id}): {why}"),
        }
    }

    #[test]
    fn values_that_are_not_messages_are_told_apart() {
        assert_eq!(kind(json!({})), "invalid (id null): the message lacks \"jsonrpc\": \"2.0\"");
        assert_eq!(
            kind(json!([])),
            "invalid (id null): the message is an array (batches are not part of LSP)"
        );
        assert_eq!(kind(json!(42)), "invalid (id null): the message is not an object");
        assert_eq!(
            kind(json!({"jsonrpc": "2.0", "id": 4})),
            "invalid (id 4): the message has no method"
        );
        assert_eq!(
            kind(json!({"jsonrpc": "2.0", "id": 4, "method": 5})),
            "invalid (id 4): the message has no method"
        );
        assert_eq!(kind(json!({"jsonrpc": "2.0", "id": "a", "method": "x"})), "request x");
        assert_eq!(kind(json!({"jsonrpc": "2.0", "id": 3, "result": null})), "response 3");
    }
}
