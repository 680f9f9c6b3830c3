//! Clio's knowledge: the fact base and the analysis of an essay's text against it.
//!
//! Text goes in, plain data with byte ranges comes out (findings, hover cards, completions).
//! This crate knows nothing of LSP, async or IO, so it can be tested and benchmarked without
//! a client and shared by the server and the command line.

pub mod analysis;
pub mod base;
pub mod checks;
pub mod claim;
pub mod complete;
pub mod config;
mod data;
pub mod dates;
pub mod extract;
pub mod finding;
pub mod hover;
pub mod mentions;
pub mod outline;
pub mod prepared;
pub mod text;
pub mod timeline;

pub use analysis::{analyze, Analysis, Cache};
pub use base::{KnowledgeBase, LoadError, Pack};
pub use config::Config;
pub use finding::{Code, CodeSpec, Finding, Fix, Related, Severity, Text};
pub use prepared::Prepared;
pub use text::Format;
