//! Where the server's time goes, logged to stderr when `CLIO_TIMING` is set: for measuring by
//! hand (BENCHMARKS.md), never asserted on. Switched off, it costs a look at a flag.

use std::sync::OnceLock;
use std::time::Instant;

/// Whether `CLIO_TIMING` is set (read once).
pub fn on() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("CLIO_TIMING").is_some())
}

/// Milliseconds since `t`.
pub fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1e3
}

/// When the process started timing (the first look at the clock).
fn epoch() -> Instant {
    static EPOCH: OnceLock<Instant> = OnceLock::new();
    *EPOCH.get_or_init(|| {
        let now = Instant::now();
        // Where 0 is on the system's monotonic clock (Python's `time.monotonic()`), so that a
        // client's own times can be put beside the server's.
        #[cfg(target_os = "linux")]
        {
            let t = rustix::time::clock_gettime(rustix::time::ClockId::Monotonic);
            eprintln!("[clio] time: 0 is {}.{:09} s on the monotonic clock", t.tv_sec, t.tv_nsec);
        }
        now
    })
}

/// Logs `what` to stderr when timing is on, stamped with the milliseconds since the first
/// timed step, so that steps on different threads can be put in order.
pub fn log(what: impl FnOnce() -> String) {
    if on() {
        let at = epoch().elapsed().as_secs_f64() * 1e3;
        eprintln!("[clio] time: @{at:.3} {}", what());
    }
}
