//! The one task that sends diagnostics to the client. Handlers queue each document's latest
//! check; of everything queued meanwhile, only the newest version per document is sent, so a
//! stale result never overwrites a newer one.

use std::sync::Arc;

use tokio::sync::mpsc;
use tower_lsp::lsp_types::Url;
use tower_lsp::Client;

use super::analysis::Checked;

type Publish = (Url, Arc<Checked>);

#[derive(Clone)]
pub struct Publisher {
    queue: mpsc::UnboundedSender<Publish>,
}

impl Publisher {
    /// Starts the publishing task (on the current tokio runtime).
    pub fn start(client: Client) -> Publisher {
        let (queue, mut rx) = mpsc::unbounded_channel::<Publish>();
        tokio::spawn(async move {
            while let Some(first) = rx.recv().await {
                let mut latest: Vec<Publish> = vec![first];
                while let Ok(next) = rx.try_recv() {
                    match latest.iter_mut().find(|(uri, _)| *uri == next.0) {
                        Some(slot) if next.1.version >= slot.1.version => *slot = next,
                        Some(_) => {}
                        None => latest.push(next),
                    }
                }
                for (uri, checked) in latest {
                    let diagnostics = checked.diagnostics.clone();
                    client.publish_diagnostics(uri, diagnostics, Some(checked.version)).await;
                }
            }
        });
        Publisher { queue }
    }

    /// Queues a document's diagnostics for publishing.
    pub fn queue(&self, uri: Url, checked: Arc<Checked>) {
        if self.queue.send((uri, checked)).is_err() {
            log!("diagnostics dropped: the publisher has stopped");
        }
    }
}
