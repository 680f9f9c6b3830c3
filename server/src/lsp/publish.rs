//! The one task that sends diagnostics to the client. Results and the empty list a closed
//! document gets are queued here in the order they happened (always under the state lock);
//! of everything queued meanwhile only the last word per document is sent, so a stale result
//! never overwrites a newer one and a closed document stays clear. The notification is encoded
//! here, straight from the result's diagnostics, and handed to the transport's writer.

use std::sync::Arc;
use std::time::Instant;

use tokio::sync::mpsc;
use tower_lsp::lsp_types::Url;

use super::analysis::Checked;
use super::to_proto;
use crate::timing;
use crate::transport::Outbox;

enum Publish {
    Diagnostics(Url, Arc<Checked>),
    /// The document was closed: no diagnostics.
    Clear(Url),
}

impl Publish {
    fn uri(&self) -> &Url {
        match self {
            Publish::Diagnostics(uri, _) | Publish::Clear(uri) => uri,
        }
    }

    /// Whether `self`, queued after `earlier` for the same document, replaces it.
    fn replaces(&self, earlier: &Publish) -> bool {
        match (self, earlier) {
            (Publish::Diagnostics(_, new), Publish::Diagnostics(_, old)) => {
                new.version >= old.version
            }
            _ => true,
        }
    }
}

#[derive(Clone)]
pub struct Publisher {
    queue: mpsc::UnboundedSender<Publish>,
}

impl Publisher {
    /// Starts the publishing task (on the current tokio runtime), writing to `outbox`.
    pub fn start(outbox: Outbox) -> Publisher {
        let (queue, mut rx) = mpsc::unbounded_channel::<Publish>();
        tokio::spawn(async move {
            while let Some(first) = rx.recv().await {
                let mut latest: Vec<Publish> = vec![first];
                while let Ok(next) = rx.try_recv() {
                    match latest.iter_mut().find(|p| p.uri() == next.uri()) {
                        Some(slot) if next.replaces(slot) => *slot = next,
                        Some(_) => {}
                        None => latest.push(next),
                    }
                }
                for p in latest {
                    let start = Instant::now();
                    let body = match &p {
                        Publish::Diagnostics(uri, checked) => to_proto::publish_diagnostics(
                            uri,
                            checked.encoded(),
                            Some(checked.version),
                        ),
                        Publish::Clear(uri) => to_proto::publish_diagnostics(uri, [], None),
                    };
                    timing::log(|| format!("diagnostics encoded {:.3} ms", timing::ms(start)));
                    if !outbox.send(body) {
                        log!("diagnostics dropped: the writer has stopped");
                        return;
                    }
                }
            }
        });
        Publisher { queue }
    }

    /// Queues a document's diagnostics for publishing.
    pub fn queue(&self, uri: Url, checked: Arc<Checked>) {
        self.send(Publish::Diagnostics(uri, checked));
    }

    /// Queues the empty list for a closed document.
    pub fn clear(&self, uri: Url) {
        self.send(Publish::Clear(uri));
    }

    fn send(&self, p: Publish) {
        if self.queue.send(p).is_err() {
            log!("diagnostics dropped: the publisher has stopped");
        }
    }
}
