//! stdin and stdout as the protocol uses them. stdout is taken unbuffered (the writer frames
//! and buffers whole messages itself), and both pipes are widened: Linux gives a pipe 64 KB, a
//! big document's diagnostics are several hundred KB a message, so the writer waited for the
//! client to read each 64 KB before writing on and the client read the message in as many
//! pieces. With room for a whole message it is written at once and read in one piece.
//! Elsewhere (or when stdio is not a pipe, or the system allows less) the pipes stay as they
//! were.

/// The capacity asked for: Linux's default `pipe-max-size`, which any user may ask for.
#[cfg(target_os = "linux")]
const WIDE: usize = 1 << 20;

/// Widens stdin's and stdout's pipes when they are pipes; logs nothing when they are not.
pub fn widen_stdio() {
    #[cfg(target_os = "linux")]
    {
        widen(std::io::stdin(), "stdin");
        widen(std::io::stdout(), "stdout");
    }
}

#[cfg(target_os = "linux")]
fn widen(fd: impl std::os::fd::AsFd, name: &str) {
    use rustix::pipe::{fcntl_getpipe_size, fcntl_setpipe_size};
    // Not a pipe (a file, a terminal, a socket): nothing to widen.
    let Ok(now) = fcntl_getpipe_size(&fd) else { return };
    if now >= WIDE {
        return;
    }
    if let Err(e) = fcntl_setpipe_size(&fd, WIDE) {
        crate::timing::log(|| format!("{name}'s pipe stays at {now} bytes ({e})"));
    }
}

/// stdout for the writer: the file itself where it can be had, so that a message is not copied
/// through std's line buffer first.
pub fn raw_stdout() -> Box<dyn std::io::Write + Send> {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        if let Ok(fd) = std::io::stdout().as_fd().try_clone_to_owned() {
            return Box::new(std::fs::File::from(fd));
        }
    }
    Box::new(std::io::stdout())
}
