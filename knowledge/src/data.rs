//! The data compiled into the binary, all prepared by `build.rs` from `data/`: the default
//! packs' TOML (read by `kb` commands and when a teacher's packs are loaded on top), the
//! default base prebuilt from them (`base::prebuilt`: what start-up reads), and the dictionary
//! and the list of real names, front-coded. Bytes and text only: it uses no other module.

use std::sync::OnceLock;

/// The default packs, in the order they load: `(file name, TOML)`.
pub(crate) const PACKS: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/packs.rs"));

/// The base `build.rs` loaded from `PACKS`, with its load errors.
pub(crate) const PREBUILT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/base.bin"));

const WORDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/words.fc"));
const REAL_NAMES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/names.fc"));

/// A front-coded list read back: each line is one byte (how many leading bytes it shares with
/// the line before) and the rest of it, then a newline. The lines come out joined by newlines.
pub(crate) fn front_decoded(coded: &[u8]) -> String {
    let mut out: Vec<u8> = Vec::with_capacity(coded.len() * 2);
    let mut prev = 0..0;
    let mut i = 0;
    while i < coded.len() {
        let shared = usize::from(coded[i]).min(prev.len());
        i += 1;
        let end = coded[i..].iter().position(|&b| b == b'\n').map_or(coded.len(), |p| i + p);
        let start = out.len();
        out.extend_from_within(prev.start..prev.start + shared);
        out.extend_from_slice(&coded[i..end]);
        prev = start..out.len();
        out.push(b'\n');
        i = end + 1;
    }
    String::from_utf8(out).unwrap_or_default()
}

fn lines_of(text: &'static OnceLock<String>, coded: &[u8]) -> Vec<&'static str> {
    text.get_or_init(|| front_decoded(coded)).lines().collect()
}

/// The dictionary's words, sorted case-insensitively.
pub(crate) fn words() -> Vec<&'static str> {
    static TEXT: OnceLock<String> = OnceLock::new();
    lines_of(&TEXT, WORDS)
}

/// The real names' skeletons, sorted.
pub(crate) fn real_names() -> Vec<&'static str> {
    static TEXT: OnceLock<String> = OnceLock::new();
    lines_of(&TEXT, REAL_NAMES)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listed(text: &str) -> Vec<&str> {
        text.lines().filter(|l| !l.starts_with('#') && !l.is_empty()).collect()
    }

    #[test]
    fn the_word_lists_read_back_as_their_files() {
        assert_eq!(words(), listed(include_str!("../data/words.txt")));
        assert_eq!(real_names(), listed(include_str!("../data/names/real-names.txt")));
    }

    #[test]
    fn front_coding_reads_back_shared_starts_and_multibyte_characters() {
        // "é" is two bytes: "é" and "ê" share one; 255 is the longest start kept; a shared
        // start of 10 bytes is written as a newline's byte, which is still read as a length.
        let long = "x".repeat(300);
        let coded = [
            &b"\x00abc\n\x02d\n\x00\xc3\xa9\n\x01\xaa\n"[..],
            &[0],
            long.as_bytes(),
            b"\n",
            &[255],
            &long.as_bytes()[255..],
            b"y\n\nz\n",
        ]
        .concat();
        let ten = &long[..10];
        assert_eq!(front_decoded(&coded), format!("abc\nabd\né\nê\n{long}\n{long}y\n{ten}z\n"));
    }
}
