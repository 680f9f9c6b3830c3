//! clio-ls: Clio's language server (LSP over stdio) and its command line.

#![deny(clippy::print_stdout)]

mod cli;
mod config;
mod exit;
mod framing;
mod lsp;
mod position;
mod workspace;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "clio-ls", version, about = "Clio: a history teacher reading over the shoulder of a student writing on \"Did Leninism lead to Stalinism?\"", long_about = None)]
struct Args {
    /// Speak LSP over stdin/stdout (the default when no command is given).
    // Accepted for the editors that pass it; stdio is the only transport, so nothing reads it.
    #[arg(long = "stdio")]
    _stdio: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Print a fact-base entry as its hover card (Markdown).
    Lookup {
        /// A name, alias or id: "Kirov", "N.E.P.", "kirov-murder".
        name: Vec<String>,
    },
    /// Check essays (files or whole folders of .md, .tex, .txt) and print the findings.
    Check {
        paths: Vec<std::path::PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: cli::OutputFormat,
        /// Extra knowledge packs (files or folders) to load.
        #[arg(long = "knowledge")]
        knowledge: Vec<std::path::PathBuf>,
        /// Include counterargument hints.
        #[arg(long)]
        counterarguments: bool,
    },
    /// Work with the fact base.
    Kb {
        #[command(subcommand)]
        command: KbCommand,
    },
}

#[derive(Subcommand)]
enum KbCommand {
    /// Validate packs (the embedded base when no path is given); exit 1 on errors.
    Check { paths: Vec<std::path::PathBuf> },
    /// List names, dates and figures in essays that the fact base does not hold yet.
    Extract { essays: Vec<std::path::PathBuf> },
    /// Print what the embedded fact base holds.
    Stats,
}

fn main() {
    let args = Args::parse();
    let code = match args.command {
        None => {
            serve();
            0
        }
        Some(Command::Lookup { name }) => cli::lookup(&name.join(" ")),
        Some(Command::Check { paths, format, knowledge, counterarguments }) => {
            cli::check(&paths, format, &knowledge, counterarguments)
        }
        Some(Command::Kb { command: KbCommand::Check { paths } }) => cli::kb_check(&paths),
        Some(Command::Kb { command: KbCommand::Extract { essays } }) => cli::kb_extract(&essays),
        Some(Command::Kb { command: KbCommand::Stats }) => cli::kb_stats(),
    };
    std::process::exit(code);
}

fn serve() {
    std::panic::set_hook(Box::new(|info| eprintln!("[clio] panic: {info}")));
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("tokio runtime");
    rt.block_on(async {
        let (service, socket) = tower_lsp::LspService::new(lsp::Backend::new);
        let service = exit::ExitOnExit::new(service);
        let (stdin, stdout) = framing::guard(tokio::io::stdin(), tokio::io::stdout());
        tower_lsp::Server::new(stdin, stdout, socket).serve(service).await;
    });
}
