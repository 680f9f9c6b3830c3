//! `clio-ls check PATH...`: every essay under the paths checked on every core with its
//! project's settings, its findings written in the chosen format in the order the files were
//! found, then a summary. Exit code: 2 when a path could not be checked or a setting or pack
//! is wrong (after every readable file has been checked and written), else 1 when a finding
//! reached `--fail-on`, else 0.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use super::args::{CheckArgs, FailOn, OutputFormat};
use super::checked::{self, Counts};
use super::format::{self, Render, RunEnd};
use super::inputs::{self, InputError};
use super::parallel;
use super::project::{Project, Projects};

/// One file of a run and the settings it is checked with.
pub struct Job {
    pub path: PathBuf,
    pub project: Arc<Project>,
}

/// Walks the paths and finds each file's project; settings and walk problems are reported
/// on stderr as they are found.
pub fn plan(paths: &[PathBuf], projects: &mut Projects) -> (Vec<Job>, Vec<InputError>) {
    let found = inputs::collect(paths);
    for dir in &found.revisited {
        eprintln!("clio-ls: {}: already walked (a link back to a folder); skipped", dir.display());
    }
    let jobs = found
        .files
        .into_iter()
        .map(|path| {
            let project = projects.of(&path);
            Job { path, project }
        })
        .collect();
    (jobs, found.errors)
}

/// What a worker hands back for one file.
enum Outcome {
    Checked { output: String, counts: Counts, failing: bool },
    Failed(InputError),
}

pub fn run(args: &CheckArgs) -> i32 {
    let start = Instant::now();
    let mut projects = Projects::new(&args.settings, false);
    let (jobs, mut errors) = plan(&args.paths, &mut projects);
    let stdout = std::io::stdout();
    let color = args.color.enabled(stdout.is_terminal());
    let render: Box<dyn Render> = match args.format {
        OutputFormat::Text => Box::new(format::human::Human::new(color)),
        OutputFormat::Json => Box::new(format::json::Json),
        OutputFormat::Sarif => Box::new(format::sarif::Sarif),
        OutputFormat::Github => Box::new(format::github::Github),
    };
    let fail_on = args.fail_on;
    let work = |job: &Job| match checked::check(&job.path, &job.project) {
        Ok(c) => Outcome::Checked {
            output: render.file(&c),
            counts: Counts::of(&c),
            failing: c.severity.iter().any(|s| fail_on.fails(*s)),
        },
        Err(reason) => Outcome::Failed(InputError { path: job.path.clone(), reason }),
    };
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut ok = out.write_all(render.head().as_bytes()).is_ok();
    let mut counts = Counts::default();
    let mut failing = false;
    let mut wrote_before = false;
    let pb = parallel::progress(jobs.len(), args.quiet);
    // Flush each file at once while a bar is drawn, so findings and bar take turns.
    let flush_each = !pb.is_hidden();
    parallel::ordered(&jobs, &pb, work, |outcome| {
        match outcome {
            Outcome::Checked { output, counts: n, failing: f } => {
                counts.add(&n);
                failing |= f;
                if !output.is_empty() {
                    let sep = if wrote_before { render.separator() } else { "" };
                    wrote_before = true;
                    ok = pb.suspend(|| {
                        out.write_all(sep.as_bytes())
                            .and_then(|_| out.write_all(output.as_bytes()))
                            .and_then(|_| if flush_each { out.flush() } else { Ok(()) })
                            .is_ok()
                    });
                }
            }
            Outcome::Failed(e) => errors.push(e),
        }
        ok
    });
    let end = RunEnd {
        counts: &counts,
        errors: &errors,
        setup_errors: &projects.errors,
        elapsed: start.elapsed(),
    };
    let text_format = args.format == OutputFormat::Text;
    let tail = if text_format && args.quiet { String::new() } else { render.tail(&end) };
    ok = ok && out.write_all(tail.as_bytes()).and_then(|_| out.flush()).is_ok();
    drop(out);
    let err_color = args.color.enabled(std::io::stderr().is_terminal());
    if !text_format && !args.quiet {
        eprint!("{}", format::summary::text(&end, err_color));
    }
    eprint!("{}", format::summary::errors(&end, err_color));
    exit_code(ok, !errors.is_empty() || !projects.errors.is_empty(), failing, fail_on)
}

fn exit_code(wrote: bool, io_errors: bool, failing: bool, fail_on: FailOn) -> i32 {
    if io_errors || !wrote {
        2
    } else if failing && fail_on != FailOn::Never {
        1
    } else {
        0
    }
}
