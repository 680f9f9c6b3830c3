//! How diagnostics reach the client. An analysis worker encodes its result's notification
//! itself, straight from the diagnostics' stored JSON and before taking the state lock; under
//! the lock, if the result is still current, the message is queued for writing, and once the
//! lock is let go the worker writes it itself (when no other thread is writing). A
//! closed document's empty list is handed over under the lock too, so a document's messages
//! reach the writer in the order they happened and a stale result never follows a newer one
//! or a close. Of several messages for one document still queued, the writer sends only the
//! last word ([`crate::writer`]).

use std::time::Instant;

use tower_lsp::lsp_types::Url;

use super::analysis::Checked;
use super::to_proto;
use crate::timing;
use crate::writer::Outbox;

/// A document's diagnostics notification, encoded and ready to send.
pub struct Encoded {
    uri: Url,
    version: i32,
    body: Vec<u8>,
}

/// Encodes the notification of `checked`'s diagnostics (off the lock: the body is the size
/// of every message put together).
pub fn encode(uri: &Url, checked: &Checked) -> Encoded {
    let start = Instant::now();
    let body = to_proto::publish_diagnostics(uri, checked.encoded(), Some(checked.version));
    timing::log(|| format!("diagnostics encoded {:.3} ms", timing::ms(start)));
    Encoded { uri: uri.clone(), version: checked.version, body }
}

#[derive(Clone)]
pub struct Publisher {
    outbox: Outbox,
}

impl Publisher {
    pub fn new(outbox: Outbox) -> Publisher {
        Publisher { outbox }
    }

    /// Queues a document's encoded diagnostics (call under the state lock, then
    /// [`Publisher::write_now`] once it is let go).
    pub fn send(&self, encoded: Encoded) {
        let Encoded { uri, version, body } = encoded;
        if !self.outbox.send_diagnostics(uri.as_str(), Some(version), body, true) {
            log!("diagnostics dropped: the writer has stopped");
        }
    }

    /// Writes what was queued on this thread (an analysis worker), unless the writer's thread
    /// is writing already (it then writes it next).
    pub fn write_now(&self) {
        self.outbox.write_now();
    }

    /// Sends the empty list for a closed document (call under the state lock).
    pub fn clear(&self, uri: &Url) {
        let body = to_proto::publish_diagnostics(uri, [], None);
        if !self.outbox.send_diagnostics(uri.as_str(), None, body, false) {
            log!("diagnostics dropped: the writer has stopped");
        }
    }
}
