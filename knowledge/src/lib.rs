//! Knowledge crate (placeholder during setup).
