//! clio-ls entry point.
fn main() {}
