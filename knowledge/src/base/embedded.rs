//! The default fact base as the binary carries it (`crate::data`): read back from its prebuilt
//! form at start-up, or loaded from the packs' TOML with a teacher's packs on top.

use super::{prebuilt, KnowledgeBase, LoadError, Pack};
use crate::data::PREBUILT;

impl KnowledgeBase {
    /// The default packs' TOML, decoded from the binary at each call: for `kb` commands and
    /// teacher's packs, never for start-up (which reads the prebuilt base).
    pub fn embedded_packs() -> Vec<Pack> {
        let packs = crate::data::packs();
        packs.into_iter().map(|(name, text)| Pack { name: name.to_string(), text }).collect()
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
