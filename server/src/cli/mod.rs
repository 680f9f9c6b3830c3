//! The command line: `check` (essays against the fact base, in several output formats),
//! `report` (a class report with each essay's timeline), `lookup` and the `kb` tools. Output
//! goes to stdout here (this is not the protocol path), written through [`print_out`] and
//! `check`'s writer, which end quietly when the reader goes away.
//!
//! - `args.rs`: the subcommands and flags; `inputs.rs`: which files a run checks, and reading
//!   them; `project.rs`: each file's settings (`clio.toml`, `.clio/`, flags);
//! - `checked.rs`: one file checked, and the counts; `parallel.rs`: files on every core,
//!   results in order; `lines.rs`: lines and columns;
//! - `check.rs`, `format/`: the `check` command and its output formats;
//! - `report/`: the `report` command; `lookup.rs`, `kb.rs`: the others.

pub mod args;
mod check;
mod checked;
mod format;
mod inputs;
mod kb;
mod lines;
mod lookup;
mod parallel;
mod project;
mod report;

use std::io::Write;

use args::{Command, KbCommand};

/// Writes `text` to stdout. A closed pipe (`clio-ls ... | head`) ends the output quietly rather
/// than in a panic; returns whether everything was written.
pub fn print_out(text: &str) -> bool {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes()).and_then(|_| out.flush()).is_ok()
}

/// Runs a command and returns the process's exit code.
pub fn run(command: Command) -> i32 {
    match command {
        Command::Lookup { name } => lookup::run(&name.join(" ")),
        Command::Check(args) => check::run(&args),
        Command::Report(args) => report::run(&args),
        Command::Kb { command: KbCommand::Check { paths } } => kb::check(&paths),
        Command::Kb { command: KbCommand::Extract { essays } } => kb::extract(&essays),
        Command::Kb { command: KbCommand::Stats } => kb::stats(),
    }
}
