//! The one way out to stdout: every outgoing message is queued in an [`Outbox`] and written
//! whole, in the order queued, by whichever thread holds the output. Answers, the server's own
//! requests and closed documents' empty lists are written by the writer's own thread. An
//! analysis worker writes its document's diagnostics itself, right after queuing them, when no
//! other thread is writing: on a busy machine each hand-over from one thread to another can wait
//! for the scheduler's next tick (4 ms here), so the diagnostics of a keystroke leave with no
//! hand-over at all. A worker never waits for another thread's write; only a client that
//! stops reading while a worker writes (the pipe holds 1 MB) holds that worker up.
//!
//! Of several diagnostics messages for one document queued meanwhile, only the last word is
//! written (a client that reads slowly is not sent a backlog of outdated lists): a document's
//! messages are queued under the state lock in the order they happened, so the last one queued
//! is the newest.

use std::io::{BufWriter, IoSlice, Write};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};

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

type Output = BufWriter<Box<dyn Write + Send>>;

struct Shared {
    queue: Mutex<Queue>,
    /// Something was queued for the writer's thread, or writing ended.
    ready: Condvar,
    /// stdout, held by whichever thread is writing; `None` before the writer starts and after
    /// it ends.
    output: Mutex<Option<Output>>,
}

#[derive(Default)]
struct Queue {
    items: Vec<Out>,
    /// Writing ended: with the exit code asked for, or `None` when the output failed.
    ended: Option<Option<i32>>,
}

/// Where messages are queued for the writer.
#[derive(Clone)]
pub struct Outbox(Arc<Shared>);

/// The writer's end of the [`Outbox`].
pub struct Outgoing(Arc<Shared>);

/// A new outbox and the writer's end of it.
pub fn outbox() -> (Outbox, Outgoing) {
    let shared = Arc::new(Shared {
        queue: Mutex::new(Queue::default()),
        ready: Condvar::new(),
        output: Mutex::new(None),
    });
    (Outbox(shared.clone()), Outgoing(shared))
}

fn locked<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Outbox {
    /// Queues one encoded JSON-RPC message for the writer's thread; false when writing has
    /// ended.
    pub fn send(&self, body: Vec<u8>) -> bool {
        self.queue(Out::Message(body), true)
    }

    /// Queues a document's encoded diagnostics; false when writing has ended. With `now`, the
    /// caller writes them itself with [`Outbox::write_now`] (after letting go of the state
    /// lock); else the writer's thread does.
    pub fn send_diagnostics(
        &self,
        uri: &str,
        version: Option<i32>,
        body: Vec<u8>,
        now: bool,
    ) -> bool {
        self.queue(Out::Diagnostics { uri: uri.to_string(), version, body }, !now)
    }

    /// Tells the writer to flush and end with `code`; false when writing has ended already.
    pub fn exit(&self, code: i32) -> bool {
        self.queue(Out::Exit(code), true)
    }

    fn queue(&self, out: Out, wake: bool) -> bool {
        let mut q = locked(&self.0.queue);
        if q.ended.is_some() {
            return false;
        }
        q.items.push(out);
        if wake {
            self.0.ready.notify_one();
        }
        true
    }

    /// Writes what is queued on this thread, unless another thread is writing (the writer's
    /// thread is then told, and writes it after what it is writing): an analysis worker writes
    /// its own diagnostics, without waiting for another thread to be scheduled, and never
    /// waits for another's write.
    pub fn write_now(&self) {
        match self.0.output.try_lock() {
            Ok(mut output) => self.0.write_queued(&mut output),
            Err(_) => {
                let _q = locked(&self.0.queue);
                self.0.ready.notify_one();
            }
        }
    }
}

impl Shared {
    /// Writes everything queued, in order, until nothing is left (with the output held).
    fn write_queued(&self, output: &mut Option<Output>) {
        let Some(out) = output.as_mut() else { return };
        loop {
            let batch = std::mem::take(&mut locked(&self.queue).items);
            if batch.is_empty() {
                return;
            }
            if let Some(ended) = write_batch(out, batch) {
                *output = None;
                locked(&self.queue).ended = Some(ended);
                self.ready.notify_all();
                return;
            }
        }
    }
}

impl Outgoing {
    /// Writes to `output` until told to exit (returns the code) or until the output fails
    /// (returns `None`). Flushes whenever nothing more is queued.
    pub fn write_to(self, output: Box<dyn Write + Send>) -> Option<i32> {
        *locked(&self.0.output) = Some(BufWriter::with_capacity(64 << 10, output));
        loop {
            {
                let mut q = locked(&self.0.queue);
                while q.items.is_empty() && q.ended.is_none() {
                    q = self.0.ready.wait(q).unwrap_or_else(|e| e.into_inner());
                }
                if let Some(ended) = q.ended {
                    return ended;
                }
            }
            self.0.write_queued(&mut locked(&self.0.output));
        }
    }
}

/// Writes a batch taken from the queue, leaving out outdated diagnostics, and flushes;
/// `Some` when writing has ended (an exit, with its code, or a failed write).
fn write_batch(output: &mut Output, batch: Vec<Out>) -> Option<Option<i32>> {
    let outdated = outdated(&batch);
    for (out, outdated) in batch.into_iter().zip(outdated) {
        let body = match out {
            Out::Exit(code) => {
                if let Err(e) = output.flush() {
                    log(&format!("stdout: {e}"));
                }
                return Some(Some(code));
            }
            _ if outdated => continue,
            Out::Message(body) | Out::Diagnostics { body, .. } => body,
        };
        if write_one(output, &body).is_err() {
            return Some(None);
        }
    }
    if let Err(e) = output.flush() {
        log(&format!("stdout: {e}"));
        return Some(None);
    }
    None
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

/// Writes one framed message: the header and the body together, the body straight from where
/// it is (a big message goes out in one system call, so the client is not woken for its header
/// alone).
fn write_one(output: &mut impl Write, body: &[u8]) -> std::io::Result<()> {
    let start = std::time::Instant::now();
    let header = crate::framing::header(body.len());
    let written = write_all_vectored(output, [IoSlice::new(header.as_bytes()), IoSlice::new(body)]);
    if let Err(e) = &written {
        log(&format!("stdout: {e}"));
    }
    if body.len() > 64 << 10 {
        timing::log(|| format!("{} bytes written {:.3} ms", body.len(), timing::ms(start)));
    }
    written
}

fn write_all_vectored(output: &mut impl Write, mut bufs: [IoSlice; 2]) -> std::io::Result<()> {
    let mut bufs = &mut bufs[..];
    while !bufs.is_empty() {
        match output.write_vectored(bufs) {
            Ok(0) => return Err(std::io::ErrorKind::WriteZero.into()),
            Ok(n) => IoSlice::advance_slices(&mut bufs, n),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
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
        let sink = Sink::default();
        assert_eq!(outgoing.write_to(Box::new(sink.clone())), Some(3));
        sink.text()
    }

    /// An output that can be read back.
    #[derive(Clone, Default)]
    struct Sink(Arc<Mutex<Vec<u8>>>);

    impl Sink {
        fn text(&self) -> String {
            String::from_utf8(locked(&self.0).clone()).expect("UTF-8")
        }
    }

    impl Write for Sink {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            locked(&self.0).extend_from_slice(buf);
            Ok(buf.len())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn diagnostics_written_now_come_out_in_order_with_the_writers_messages() {
        let (outbox, outgoing) = outbox();
        let sink = Sink::default();
        let output = sink.clone();
        let writer = std::thread::spawn(move || outgoing.write_to(Box::new(output)));
        outbox.send(b"{}".to_vec());
        outbox.send_diagnostics("file:///a.md", Some(1), b"a1".to_vec(), true);
        outbox.write_now();
        outbox.send(b"[]".to_vec());
        outbox.exit(0);
        assert_eq!(writer.join().expect("the writer's thread"), Some(0));
        let framed = |b: &str| format!("Content-Length: {}\r\n\r\n{b}", b.len());
        assert_eq!(sink.text(), ["{}", "a1", "[]"].map(framed).concat());
        assert!(!outbox.send(b"{}".to_vec()), "nothing is queued after the exit");
    }

    #[test]
    fn messages_are_framed_in_order_and_only_a_documents_last_diagnostics_are_written() {
        let out = written(|o| {
            o.send(b"{\"id\":1}".to_vec());
            o.send_diagnostics("file:///a.md", Some(1), b"a1".to_vec(), false);
            o.send_diagnostics("file:///b.md", Some(4), b"b4".to_vec(), false);
            o.send_diagnostics("file:///a.md", Some(2), b"a2".to_vec(), false);
            o.send(b"{\"id\":2}".to_vec());
            // A closed document's empty list replaces what was queued for it.
            o.send_diagnostics("file:///b.md", None, b"b-".to_vec(), false);
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
            o.send_diagnostics("file:///a.md", Some(5), b"a5".to_vec(), false);
            o.send_diagnostics("file:///a.md", Some(4), b"a4".to_vec(), false);
            o.exit(3);
        });
        assert_eq!(out, "Content-Length: 2\r\n\r\na5");
    }
}
