//! The data compiled into the binary, all prepared by `build.rs` from `data/`: the default base
//! prebuilt from the packs (`base::prebuilt`: what start-up reads), the packs' TOML compressed
//! against it (decoded only by `kb` commands and when a teacher's packs are loaded on top), and
//! the dictionary and the list of real names, front-coded. Bytes and text only: it uses no
//! other module.

use std::sync::OnceLock;

use ruzstd::decoding::{Dictionary, FrameDecoder};

/// The base `build.rs` loaded from the default packs, with its load errors.
pub(crate) const PREBUILT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/base.bin"));

/// The default packs in the order they load, `(file name, length in bytes)`: their TOML, one
/// after another, is `PACKS_ZST` decoded.
const PACK_LENGTHS: &[(&str, usize)] = include!(concat!(env!("OUT_DIR"), "/packs.rs"));

/// The packs' TOML as one zstd frame whose dictionary is `PACKS_DICT_HEAD` followed by
/// `PREBUILT`: most of the packs' text is already in the prebuilt base, so it costs the package
/// almost nothing a second time (a third of what deflate alone makes of it).
const PACKS_ZST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/packs.zst"));

/// The dictionary's header (its id and entropy tables), without its content (`PREBUILT`).
const PACKS_DICT_HEAD: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/packs.dict"));

/// The default packs, in the order they load: `(file name, TOML)`, decoded anew at each call
/// (a few milliseconds; the caller parses them, which costs far more), so that nothing is kept
/// once they are loaded. Empty if the bytes do not decode (a test holds them to the files).
pub(crate) fn packs() -> Vec<(&'static str, String)> {
    let size = PACK_LENGTHS.iter().map(|(_, n)| n).sum();
    let dict = [PACKS_DICT_HEAD, PREBUILT].concat();
    let Some(text) = zstd_decoded(PACKS_ZST, &dict, size) else {
        return Vec::new();
    };
    let mut at = 0;
    let mut packs = Vec::with_capacity(PACK_LENGTHS.len());
    for &(name, len) in PACK_LENGTHS {
        let Some(toml) = text.get(at..at + len).and_then(|b| std::str::from_utf8(b).ok()) else {
            return Vec::new();
        };
        packs.push((name, toml.to_string()));
        at += len;
    }
    packs
}

/// One zstd frame of `size` bytes decoded with a dictionary in zstd's format, or `None` if the
/// bytes are no such frame.
fn zstd_decoded(frame: &[u8], dict: &[u8], size: usize) -> Option<Vec<u8>> {
    let mut decoder = FrameDecoder::new();
    decoder.add_dict(Dictionary::decode_dict(dict).ok()?).ok()?;
    let mut out = Vec::with_capacity(size);
    decoder.decode_all_to_vec(frame, &mut out).ok()?;
    (out.len() == size).then_some(out)
}

// Kept as they are (the package's deflate takes them to 140 KB and 300 KB): zstd would make them
// 47 KB smaller, but ruzstd needs 68 M instructions to decode them, where front-decoding takes
// 29 M, and the check of an essay needs both.
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

    /// The packs' TOML read back from the binary is the files' text, byte for byte (the data
    /// tests load it, so they test the files).
    #[test]
    fn the_packs_read_back_as_their_files() {
        let packs = packs();
        assert_eq!(packs.len(), PACK_LENGTHS.len());
        for (name, toml) in packs {
            let path = format!("{}/data/{name}", env!("CARGO_MANIFEST_DIR"));
            let file = std::fs::read_to_string(&path).expect("a pack of data/");
            assert!(toml == file, "{name} reads back other than {path}");
        }
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
