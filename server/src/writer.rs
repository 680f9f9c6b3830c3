//! The one writer of stdout: a thread of its own that writes every outgoing message whole, in
//! the order queued. Answers, the server's own requests and diagnostics all come through its
//! [`Outbox`]. It is an OS thread, not a task: an analysis worker hands it a document's
//! diagnostics directly, so they are written as soon as this thread runs, without waiting for a
//! runtime to schedule a task first (on a busy machine each such hand-over can cost
//! milliseconds), and a blocking write to a full pipe holds up nothing else.
//!
//! Of several diagnostics messages for one document queued meanwhile, only the last word is
//! written (a client that reads slowly is not sent a backlog of outdated lists): a document's
//! messages are queued under the state lock in the order they happened, so the last one queued
//! is the newest.

use std::io::{BufWriter, Write};
use std::sync::mpsc::{channel, Receiver, Sender, TryRecvError};

use crate::timing;

enum Out {
    Message(Vec<u8>),
    /// A document's diagnostics (`version` is `None` for the empty list a closed document gets).
    Diagnostics {
        uri: String,
        version: Option<i32>,
        body: Vec<u8>,
    },
    Exit(i32),
}

impl Out {
    /// Whether `self`, queued after `earlier`, makes `earlier` pointless to write.
    fn replaces(&self, earlier: &Out) -> bool {
        match (self, earlier) {
            (
                Out::Diagnostics { uri, version, .. },
                Out::Diagnostics { uri: was, version: before, .. },
            ) => {
                uri == was
                    && match (version, before) {
                        (Some(v), Some(b)) => v >= b,
                        _ => true,
                    }
            }
            _ => false,
        }
    }
}

/// Where messages are queued for the writer.
#[derive(Clone)]
pub struct Outbox(Sender<Out>);

/// The writer's end of the [`Outbox`].
pub struct Outgoing(Receiver<Out>);

/// A new outbox and the writer's end of it.
pub fn outbox() -> (Outbox, Outgoing) {
    let (tx, rx) = channel();
    (Outbox(tx), Outgoing(rx))
}

impl Outbox {
    /// Queues one encoded JSON-RPC message; false when the writer has stopped.
    pub fn send(&self, body: Vec<u8>) -> bool {
        self.0.send(Out::Message(body)).is_ok()
    }

    /// Queues a document's encoded diagnostics; false when the writer has stopped.
    pub fn send_diagnostics(&self, uri: &str, version: Option<i32>, body: Vec<u8>) -> bool {
        self.0.send(Out::Diagnostics { uri: uri.to_string(), version, body }).is_ok()
    }

    /// Tells the writer to flush and end with `code`; false when it has stopped already.
    pub fn exit(&self, code: i32) -> bool {
        self.0.send(Out::Exit(code)).is_ok()
    }
}

impl Outgoing {
    /// Writes to `output` until told to exit (returns the code) or until every outbox is gone
    /// or the output fails (returns `None`). Flushes whenever nothing more is queued.
    pub fn write_to(self, output: impl Write) -> Option<i32> {
        let mut output = BufWriter::with_capacity(64 << 10, output);
        let mut batch: Vec<Out> = Vec::new();
        loop {
            // Wait for one message, then take everything else already queued.
            batch.push(self.0.recv().ok()?);
            loop {
                match self.0.try_recv() {
                    Ok(out) => batch.push(out),
                    Err(TryRecvError::Empty) => break,
                    Err(TryRecvError::Disconnected) => break,
                }
            }
            let outdated = outdated(&batch);
            for (out, outdated) in batch.drain(..).zip(outdated) {
                let body = match out {
                    Out::Exit(code) => {
                        if let Err(e) = output.flush() {
                            log(&format!("stdout: {e}"));
                        }
                        return Some(code);
                    }
                    _ if outdated => continue,
                    Out::Message(body) | Out::Diagnostics { body, .. } => body,
                };
                write_one(&mut output, &body).ok()?;
            }
            if let Err(e) = output.flush() {
                log(&format!("stdout: {e}"));
                return None;
            }
        }
    }
}

/// For each queued message, whether it is left out: a document's diagnostics that a later
/// message replaces, or that do not replace the ones queued before them (an older version).
fn outdated(batch: &[Out]) -> Vec<bool> {
    let mut outdated = vec![false; batch.len()];
    // Per document, the message that stands so far.
    let mut standing: Vec<(&str, usize)> = Vec::new();
    for (i, out) in batch.iter().enumerate() {
        let Out::Diagnostics { uri, .. } = out else { continue };
        match standing.iter_mut().find(|(u, _)| u == uri) {
            Some((_, j)) if out.replaces(&batch[*j]) => {
                outdated[*j] = true;
                *j = i;
            }
            Some(_) => outdated[i] = true,
            None => standing.push((uri, i)),
        }
    }
    outdated
}

/// Writes one framed message (the header, then the body straight from where it is).
fn write_one(output: &mut impl Write, body: &[u8]) -> std::io::Result<()> {
    let start = std::time::Instant::now();
    let header = crate::framing::header(body.len());
    let written = output.write_all(header.as_bytes()).and_then(|()| output.write_all(body));
    if let Err(e) = &written {
        log(&format!("stdout: {e}"));
    }
    if body.len() > 64 << 10 {
        timing::log(|| format!("{} bytes written {:.3} ms", body.len(), timing::ms(start)));
    }
    written
}

fn log(msg: &str) {
    eprintln!("[clio] {msg}");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(queue: impl FnOnce(&Outbox)) -> String {
        let (outbox, outgoing) = outbox();
        queue(&outbox);
        let mut out = Vec::new();
        assert_eq!(outgoing.write_to(&mut out), Some(3));
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn messages_are_framed_in_order_and_only_a_documents_last_diagnostics_are_written() {
        let out = written(|o| {
            o.send(b"{\"id\":1}".to_vec());
            o.send_diagnostics("file:///a.md", Some(1), b"a1".to_vec());
            o.send_diagnostics("file:///b.md", Some(4), b"b4".to_vec());
            o.send_diagnostics("file:///a.md", Some(2), b"a2".to_vec());
            o.send(b"{\"id\":2}".to_vec());
            // A closed document's empty list replaces what was queued for it.
            o.send_diagnostics("file:///b.md", None, b"b-".to_vec());
            o.exit(3);
        });
        let framed = |b: &str| format!("Content-Length: {}\r\n\r\n{b}", b.len());
        let expected: String =
            ["{\"id\":1}", "a2", "{\"id\":2}", "b-"].iter().map(|b| framed(b)).collect();
        assert_eq!(out, expected);
    }

    #[test]
    fn an_older_version_queued_after_a_newer_one_does_not_replace_it() {
        let out = written(|o| {
            o.send_diagnostics("file:///a.md", Some(5), b"a5".to_vec());
            o.send_diagnostics("file:///a.md", Some(4), b"a4".to_vec());
            o.exit(3);
        });
        assert_eq!(out, "Content-Length: 2\r\n\r\na5");
    }
}
