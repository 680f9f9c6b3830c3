//! What is compiled into the binary, all prepared by `build.rs` from `data/`: the default
//! packs' TOML (read by `kb` commands and when a teacher's packs are loaded on top), the
//! default base prebuilt from them (`base::prebuilt`: what start-up reads), and the dictionary
//! and the list of real names, front-coded.

use std::sync::OnceLock;

use crate::base::{prebuilt, KnowledgeBase, LoadError, Pack};

/// The default packs, in the order they load: `(file name, TOML)`.
const PACKS: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/packs.rs"));

/// The base `build.rs` loaded from `PACKS`, with its load errors.
const PREBUILT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/base.bin"));

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

impl KnowledgeBase {
    pub fn embedded_packs() -> Vec<Pack> {
        PACKS.iter().map(|(n, t)| Pack { name: n.to_string(), text: t.to_string() }).collect()
    }

    /// The default fact base, read from its prebuilt form (or, should that ever fail, loaded
    /// from the TOML). Its errors are bugs in the data, caught by tests.
    pub fn embedded() -> (KnowledgeBase, Vec<LoadError>) {
        prebuilt::restore(PREBUILT)
            .unwrap_or_else(|| KnowledgeBase::load(&KnowledgeBase::embedded_packs()))
    }

    /// The default fact base with more packs on top (a teacher's `.clio/` folder): every pack
    /// read from TOML, so that the packs merge and every error keeps its file, line and column.
    pub fn embedded_with(extra: Vec<Pack>) -> (KnowledgeBase, Vec<LoadError>) {
        if extra.is_empty() {
            return KnowledgeBase::embedded();
        }
        let mut packs = KnowledgeBase::embedded_packs();
        packs.extend(extra);
        KnowledgeBase::load(&packs)
    }
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
        // "é" is two bytes: "é" and "ê" share one, and 255 is the longest start kept.
        let long = "x".repeat(300);
        let coded = [
            &b"\x00abc\n\x02d\n\x00\xc3\xa9\n\x01\xaa\n"[..],
            &[0],
            long.as_bytes(),
            b"\n",
            &[255],
            &long.as_bytes()[255..],
            b"y\n",
        ]
        .concat();
        assert_eq!(front_decoded(&coded), format!("abc\nabd\né\nê\n{long}\n{long}y\n"));
    }

    #[test]
    fn the_prebuilt_base_is_the_base_the_toml_gives() {
        let (a, ea) = prebuilt::restore(PREBUILT).expect("build.rs stored a base");
        let (b, eb) = KnowledgeBase::load(&KnowledgeBase::embedded_packs());
        assert!(ea.is_empty() && eb.is_empty(), "{ea:?} {eb:?}");
        let dump = |k: &KnowledgeBase| {
            let mut by_name: Vec<_> = k.index.by_name.iter().collect();
            by_name.sort();
            let mut ids: Vec<_> = k.ids.iter().map(|(id, r)| format!("{id} {r:?}")).collect();
            ids.sort();
            format!(
                "{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{by_name:?}\n{ids:?}",
                k.essays, k.entries, k.figures, k.arguments, k.vocab
            )
        };
        assert!(dump(&a) == dump(&b), "the prebuilt and TOML bases differ");
        assert_eq!(a.index.pattern_count(), b.index.pattern_count());
        let text: String = b
            .entries
            .iter()
            .flat_map(|e| std::iter::once(&e.name).chain(&e.aliases).chain(&e.misspellings))
            .map(|n| format!("{n}'s and {n}. "))
            .collect();
        assert_eq!(
            format!("{:?}", a.index.find_all(&text)),
            format!("{:?}", b.index.find_all(&text))
        );
        assert!(prebuilt::restore(&PREBUILT[..PREBUILT.len() / 2]).is_none());
    }

    /// A teacher's pack on top of the default packs: it adds an entry, links to the base's
    /// entries, and an alias on an entry of its own; a mistake in it is reported with its line.
    #[test]
    fn a_pack_on_top_loads_with_the_default_packs() {
        let pack = |text: &str| Pack { name: ".clio/class.toml".into(), text: text.into() };
        let good = pack(
            "[[person]]\nid = \"ivanova\"\nname = \"Maria Ivanova\"\naliases = [\"Masha Ivanova\"]\n\
             born = \"1900\"\nsummary = \"A made-up teacher's example.\"\nrelated = [\"lenin\"]\n",
        );
        let (kb, errors) = KnowledgeBase::embedded_with(vec![good]);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(kb.find("Masha Ivanova"), kb.find("Maria Ivanova"));
        assert!(kb.find("Maria Ivanova").is_some() && kb.find("Lenin").is_some());
        let (kb, errors) = KnowledgeBase::embedded_with(vec![pack(
            "[[person]]\nid = \"ivanova\"\nname = \"Maria Ivanova\"\nborn = \"1900-13\"\n",
        )]);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!((errors[0].file.as_str(), errors[0].line), (".clio/class.toml", 4));
        assert!(kb.find("Maria Ivanova").is_some() && kb.find("Lenin").is_some());
        let (kb, errors) = KnowledgeBase::embedded_with(vec![]);
        assert!(errors.is_empty() && kb.find("Masha Ivanova").is_none());
    }
}
