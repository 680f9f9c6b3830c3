//! Prepares the data compiled into the binary, so that start-up does almost no work:
//! - the default packs loaded once with this crate's own loader (`src/base`, compiled into this
//!   script), and the whole base (entries, name index, id table, errors) stored as
//!   `base::prebuilt` writes it: the server reads it back instead of parsing TOML;
//! - the packs' TOML, the one source, for `kb` commands and a teacher's packs loaded on top:
//!   compressed (zstd) with the prebuilt base as its dictionary, since the base holds most of
//!   its text already (`packs.zst`, the dictionary's header `packs.dict`, and `packs.rs`, the
//!   packs' names and lengths);
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

    pub(crate) const PREBUILT: &[u8] = &[];

    pub(crate) fn packs() -> Vec<(&'static str, String)> {
        Vec::new()
    }

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

/// The dictionary's id in its header and in the frame's (any but zero).
const DICT_ID: u32 = u32::from_be_bytes(*b"Clio");

/// The packs' TOML compressed with `base` (the prebuilt base) as the content of a zstd
/// dictionary, whose entropy tables are fitted to the TOML itself: the dictionary's header
/// (`src/data.rs` puts the base back behind it) and the frame.
fn packed(text: &[u8], base: &[u8]) -> (Vec<u8>, Vec<u8>) {
    use zstd::zstd_safe::{zstd_sys, CParameter};
    const LEVEL: i32 = 19;
    let samples: Vec<usize> = text.chunks(32 << 10).map(<[u8]>::len).collect();
    let mut dict = vec![0u8; base.len() + (64 << 10)];
    let params =
        zstd_sys::ZDICT_params_t { compressionLevel: LEVEL, notificationLevel: 0, dictID: DICT_ID };
    // SAFETY: every pointer and length is of a live buffer of that length; `samples` adds up to
    // `text.len()`.
    let len = unsafe {
        zstd_sys::ZDICT_finalizeDictionary(
            dict.as_mut_ptr().cast(),
            dict.len(),
            base.as_ptr().cast(),
            base.len(),
            text.as_ptr().cast(),
            samples.as_ptr(),
            samples.len() as u32,
            params,
        )
    };
    assert!(unsafe { zstd_sys::ZDICT_isError(len) } == 0, "zstd could not make the dictionary");
    dict.truncate(len);
    assert!(dict.ends_with(base), "the dictionary holds the whole base");
    let mut zstd = zstd::bulk::Compressor::with_dictionary(LEVEL, &dict).expect("a dictionary");
    // The window spans the dictionary and the text, so any of the base can be referred to.
    let window = (dict.len() + text.len()).next_power_of_two().trailing_zeros().max(20);
    for p in [CParameter::WindowLog(window), CParameter::ChecksumFlag(false)] {
        zstd.set_parameter(p).expect("a zstd parameter");
    }
    let frame = zstd.compress(text).expect("zstd compresses");
    dict.truncate(dict.len() - base.len());
    (dict, frame)
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
        let text = read(&format!("{dir}/data/{name}.toml"));
        list.push_str(&format!("    (\"{name}.toml\", {}),\n", text.len()));
        packs.push(base::Pack { name: format!("{name}.toml"), text });
    }
    list.push(']');
    let write = |file: &str, bytes: &[u8]| fs::write(out.join(file), bytes).expect("OUT_DIR");
    write("packs.rs", list.as_bytes());

    let (kb, errors) = base::KnowledgeBase::load(&packs);
    let prebuilt = base::prebuilt::store(&kb, &errors);
    let text: String = packs.iter().map(|p| p.text.as_str()).collect();
    let (dict, frame) = packed(text.as_bytes(), &prebuilt);
    write("packs.dict", &dict);
    write("packs.zst", &frame);
    write("base.bin", &prebuilt);

    for (file, coded) in [("data/words.txt", "words.fc"), ("data/names/real-names.txt", "names.fc")]
    {
        write(coded, &front_coded(&read(file)));
    }
}
