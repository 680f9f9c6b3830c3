//! clio-ls: Clio's language server (LSP over stdio) and its command line.

#![deny(clippy::print_stdout)]

mod cli;
mod config;
mod exit;
mod files;
mod framing;
mod lsp;
mod pipes;
mod position;
mod sanitize;
mod timeline;
mod timing;
mod transport;
mod workspace;
mod writer;

use clap::Parser;

#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(name = "clio-ls", version, about = "Clio: a history teacher reading over the shoulder of a student writing on \"Did Leninism lead to Stalinism?\"", long_about = None)]
struct Args {
    /// Speak LSP over stdin/stdout (the default when no command is given).
    // Accepted for the editors that pass it; stdio is the only transport, so nothing reads it.
    #[arg(long = "stdio")]
    _stdio: bool,
    #[command(subcommand)]
    command: Option<cli::args::Command>,
}

fn main() {
    let args = Args::parse();
    let code = match args.command {
        None => serve(),
        Some(command) => cli::run(command),
    };
    std::process::exit(code);
}

/// Serves LSP over stdin/stdout; returns the exit code (0 only after a `shutdown`).
fn serve() -> i32 {
    std::panic::set_hook(Box::new(|info| eprintln!("[clio] panic: {info}")));
    pipes::widen_stdio();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("tokio runtime");
    rt.block_on(async {
        let (outbox, outgoing) = writer::outbox();
        let to_writer = outbox.clone();
        let (service, socket) =
            tower_lsp::LspService::new(|client| lsp::Backend::new(client, to_writer));
        let (stdin, stdout) = (tokio::io::stdin(), pipes::raw_stdout());
        transport::serve(stdin, stdout, service, socket, (outbox, outgoing)).await
    })
}
