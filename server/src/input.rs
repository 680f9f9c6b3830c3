//! Where the server's messages are read from. On Linux the reader reads stdin itself, with
//! plain system calls on the thread that decodes and dispatches the messages: a keystroke's
//! edit is then applied by the thread the client's write woke, instead of waking a blocking
//! thread (tokio reads stdin on one) that wakes the reader, each wake-up waiting for the
//! scheduler on a busy machine. Elsewhere tokio's stdin is read as before.
//!
//! Blocking in the reader is sound because nothing else runs on its thread: the reader is the
//! future `Runtime::block_on` drives on the main thread, and every task runs on the runtime's
//! workers.

use std::future::Future;
use std::io;
use std::time::Duration;

/// A source of bytes.
pub trait Input {
    /// Reads into `buf`: `Some(0)` at the end of input, `None` when nothing came within
    /// `wait` (when one is given).
    fn read(
        &mut self,
        buf: &mut [u8],
        wait: Option<Duration>,
    ) -> impl Future<Output = io::Result<Option<usize>>>;
}

/// Any tokio reader, a timer standing for the wait (stdin on other systems than Linux).
#[cfg_attr(target_os = "linux", allow(dead_code))]
pub struct Async<I>(pub I);

impl<I: tokio::io::AsyncRead + Unpin> Input for Async<I> {
    async fn read(&mut self, buf: &mut [u8], wait: Option<Duration>) -> io::Result<Option<usize>> {
        use tokio::io::AsyncReadExt;
        match wait {
            Some(wait) => match tokio::time::timeout(wait, self.0.read(buf)).await {
                Ok(read) => read.map(Some),
                Err(_) => Ok(None),
            },
            None => self.0.read(buf).await.map(Some),
        }
    }
}

/// stdin, read with system calls on the calling thread (see the module's note).
#[cfg(target_os = "linux")]
pub struct Stdin;

#[cfg(target_os = "linux")]
impl Input for Stdin {
    async fn read(&mut self, buf: &mut [u8], wait: Option<Duration>) -> io::Result<Option<usize>> {
        use rustix::event::{poll, PollFd, PollFlags, Timespec};
        use rustix::io::Errno;
        let stdin = std::io::stdin();
        if let Some(wait) = wait {
            let timeout = Timespec::try_from(wait).ok();
            let mut fds = [PollFd::new(&stdin, PollFlags::IN)];
            loop {
                match poll(&mut fds, timeout.as_ref()) {
                    Ok(0) => return Ok(None),
                    Ok(_) => break,
                    Err(Errno::INTR) => continue,
                    Err(e) => return Err(e.into()),
                }
            }
        }
        loop {
            match rustix::io::read(&stdin, &mut *buf) {
                Ok(n) => return Ok(Some(n)),
                Err(Errno::INTR) => continue,
                Err(e) => return Err(e.into()),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_reader_reports_its_bytes_and_the_end_of_input() {
        let message = b"Content-Length: 2\r\n\r\n{}";
        let mut input = Async(&message[..]);
        let mut buf = [0u8; 64];
        let wait = Some(Duration::from_millis(50));
        assert_eq!(input.read(&mut buf, wait).await.expect("read"), Some(message.len()));
        assert_eq!(input.read(&mut buf, None).await.expect("read"), Some(0));
    }

    #[tokio::test]
    async fn a_pause_longer_than_the_wait_is_reported() {
        let (mut client, server) = tokio::io::duplex(64);
        let mut input = Async(server);
        let mut buf = [0u8; 64];
        let wait = Some(Duration::from_millis(20));
        assert_eq!(input.read(&mut buf, wait).await.expect("read"), None);
        tokio::io::AsyncWriteExt::write_all(&mut client, b"x").await.expect("write");
        assert_eq!(input.read(&mut buf, wait).await.expect("read"), Some(1));
    }
}
