//! Prepares the data compiled into the binary, so that start-up does almost no work:
//! - the default packs loaded once with this crate's own loader (`src/base`, compiled into this
//!   script), and the whole base (entries, name index, id table, errors) stored as
//!   `base::prebuilt` writes it: the server reads it back instead of parsing TOML;
//! - the list of the packs (`packs.rs`, for `include_str!` in `src/data.rs`): the TOML stays
//!   the one source, read by `kb` commands and when a teacher's packs are loaded on top;
//! - the dictionary and the list of real names, front-coded (each line keeps only what it
//!   does not share with the line before), which makes the package smaller.
//!
//! Cargo runs it again whenever anything under `data/` or `src/base/` changes.

// The loader is compiled here for `load` and `prebuilt::store` only; the rest of it is used by
// the library, not by this script.
#![allow(dead_code, unused_imports)]

use std::{env, fs, path::Path};

#[path = "src/base/mod.rs"]
mod base;

/// The one text helper the name index borrows from `text::sentences` (for matching, which
/// this script never does).
mod text {
    pub mod sentences {
        pub(crate) fn char_at(text: &str, i: usize) -> (char, usize) {
            let c = text[i..].chars().next().unwrap_or('\u{fffd}');
            (c, c.len_utf8())
        }
    }
}

/// What `src/data.rs` gives the library: the dictionary read here from the plain file, and no
/// packs or prebuilt base (this script is what makes them).
mod data {
    use std::sync::OnceLock;

    pub(crate) const PACKS: &[(&str, &str)] = &[];
    pub(crate) const PREBUILT: &[u8] = &[];

    pub(crate) fn words() -> Vec<&'static str> {
        static TEXT: OnceLock<String> = OnceLock::new();
        let text = TEXT.get_or_init(|| super::read("data/words.txt"));
        super::listed_lines(text).collect()
    }
}

/// The packs in the order they load (later packs add to earlier ones): the one list of them, so
/// a new pack file is added here.
const PACKS: &[&str] = &[
    "sources",
    "vocab",
    "people",
    "people-more",
    "bodies",
    "terms",
    "places",
    "documents",
    "series",
    "events",
    "figures",
    "arguments",
];

fn read(path: &str) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A list file's entries: neither comments nor empty lines.
fn listed_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().filter(|l| !l.starts_with('#') && !l.is_empty())
}

/// Each line as one byte (how many leading bytes it shares with the line before, at most 255)
/// and the rest of it, then a newline: `data::front_decoded` reads it back.
fn front_coded(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    let mut prev: &[u8] = b"";
    for line in listed_lines(text) {
        let line = line.as_bytes();
        let shared = prev.iter().zip(line).take_while(|(a, b)| a == b).count().min(255);
        out.push(shared as u8);
        out.extend_from_slice(&line[shared..]);
        out.push(b'\n');
        prev = line;
    }
    out
}

fn main() {
    println!("cargo:rerun-if-changed=data");
    println!("cargo:rerun-if-changed=src/base");
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    let dir = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");

    let mut list = String::from("&[\n");
    let mut packs = Vec::new();
    for name in PACKS {
        let path = format!("{dir}/data/{name}.toml");
        list.push_str(&format!("    ({:?}, include_str!({path:?})),\n", format!("{name}.toml")));
        packs.push(base::Pack { name: format!("{name}.toml"), text: read(&path) });
    }
    list.push(']');
    fs::write(out.join("packs.rs"), list).expect("OUT_DIR is writable");

    let (kb, errors) = base::KnowledgeBase::load(&packs);
    fs::write(out.join("base.bin"), base::prebuilt::store(&kb, &errors))
        .expect("OUT_DIR is writable");

    for (file, coded) in [("data/words.txt", "words.fc"), ("data/names/real-names.txt", "names.fc")]
    {
        fs::write(out.join(coded), front_coded(&read(file))).expect("OUT_DIR is writable");
    }
}
