//! The threads documents are analysed on, off the request path (ruff_server's shape): a
//! handler applies its edit under the state lock, takes a snapshot and hands it here; hover,
//! completion and every other request keep being answered while analyses run. Jobs run in the
//! order given; a panic in one costs only that job. Each worker has a rayon pool of its own
//! for the blocks an analysis shares out, so that a huge document's blocks never queue up
//! another document's analysis behind them in one global pool.

use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::{Arc, Mutex};

use super::guard::guard;

type Job = Box<dyn FnOnce() + Send>;

pub struct Workers {
    queue: Mutex<Sender<Job>>,
}

impl Workers {
    /// Starts `n` worker threads (at least one).
    pub fn start(n: usize) -> Workers {
        let (queue, jobs) = channel::<Job>();
        let jobs = Arc::new(Mutex::new(jobs));
        let cores = std::thread::available_parallelism().map_or(2, |c| c.get());
        for i in 0..n.max(1) {
            let jobs = jobs.clone();
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(cores)
                .thread_name(move |t| format!("clio-blocks-{i}-{t}"))
                .build();
            let spawned = std::thread::Builder::new().name(format!("clio-analysis-{i}")).spawn(
                move || match pool {
                    Ok(pool) => pool.install(|| work(&jobs)),
                    Err(e) => {
                        log!("no thread pool for analysis {i} ({e}); blocks share the global one");
                        work(&jobs)
                    }
                },
            );
            if let Err(e) = spawned {
                log!("could not start an analysis thread: {e}");
            }
        }
        Workers { queue: Mutex::new(queue) }
    }

    /// Runs `job` on a worker thread.
    pub fn run(&self, job: impl FnOnce() + Send + 'static) {
        let queue = self.queue.lock().unwrap_or_else(|e| e.into_inner());
        if queue.send(Box::new(job)).is_err() {
            log!("no analysis thread is left to run a job");
        }
    }
}

fn work(jobs: &Mutex<Receiver<Job>>) {
    loop {
        let job = {
            let jobs = jobs.lock().unwrap_or_else(|e| e.into_inner());
            jobs.recv()
        };
        match job {
            Ok(job) => {
                // A panic is logged by the guard; the thread takes the next job.
                if guard("analysis job", job).is_none() {
                    log!("an analysis job failed");
                }
            }
            Err(_) => return,
        }
    }
}
