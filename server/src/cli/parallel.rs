//! Checking many files on every core (rayon) while writing their results in the order the
//! files were given: workers take files roughly in order (`par_bridge`), and the calling
//! thread holds back a result until those before it are written, so only the few results
//! that finished early wait in memory. A progress bar counts finished files on a terminal.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

/// Fewer files than this finish before a progress bar would be worth drawing.
const PROGRESS_FROM: usize = 10;

/// A progress bar on stderr for `n` files, when stderr is a terminal and there are enough of
/// them; otherwise a hidden one.
pub fn progress(n: usize, quiet: bool) -> ProgressBar {
    if quiet || n < PROGRESS_FROM || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let pb = ProgressBar::with_draw_target(Some(n as u64), ProgressDrawTarget::stderr());
    let style =
        ProgressStyle::with_template("{bar:30} {pos}/{len} essays · {elapsed} · {eta} left")
            .unwrap_or_else(|_| ProgressStyle::default_bar());
    pb.set_style(style);
    pb
}

/// Runs `work` on each item on rayon's threads and gives the results to `emit` in item order,
/// on the calling thread. `emit` returns false to stop (the output was closed): items not yet
/// started are then skipped.
pub fn ordered<I, T>(
    items: &[I],
    pb: &ProgressBar,
    work: impl Fn(&I) -> T + Sync,
    mut emit: impl FnMut(T) -> bool,
) where
    I: Sync,
    T: Send,
{
    let stop = AtomicBool::new(false);
    std::thread::scope(|scope| {
        let (tx, rx) = mpsc::channel::<(usize, T)>();
        let (work, stop) = (&work, &stop);
        scope.spawn(move || {
            items.iter().enumerate().par_bridge().for_each_with(tx, |tx, (i, item)| {
                if !stop.load(Ordering::Relaxed) {
                    // The receiver only goes away once everything is received or it stopped.
                    let _ = tx.send((i, work(item)));
                }
            });
        });
        let mut next = 0;
        let mut waiting: BTreeMap<usize, T> = BTreeMap::new();
        for (i, result) in rx {
            pb.inc(1);
            waiting.insert(i, result);
            while let Some(r) = waiting.remove(&next) {
                next += 1;
                if !stop.load(Ordering::Relaxed) && !emit(r) {
                    stop.store(true, Ordering::Relaxed);
                }
            }
        }
    });
    pb.finish_and_clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_item_order_whichever_finishes_first() {
        let items: Vec<u64> = (0..200).collect();
        let mut seen = Vec::new();
        ordered(
            &items,
            &ProgressBar::hidden(),
            |i| {
                // Early items take longest, so that later ones finish first.
                std::thread::sleep(std::time::Duration::from_micros(200u64.saturating_sub(*i)));
                i * 2
            },
            |r| {
                seen.push(r);
                true
            },
        );
        assert_eq!(seen, items.iter().map(|i| i * 2).collect::<Vec<_>>());
    }

    #[test]
    fn a_closed_output_stops_the_run() {
        let items: Vec<u32> = (0..1000).collect();
        let mut emitted = 0;
        ordered(
            &items,
            &ProgressBar::hidden(),
            |i| *i,
            |_| {
                emitted += 1;
                emitted < 3
            },
        );
        assert_eq!(emitted, 3);
    }
}
