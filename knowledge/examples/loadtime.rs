//! Where start-up time goes: parsing the packs vs building the index.
fn main() {
    use std::time::Instant;
    let packs = knowledge::KnowledgeBase::embedded_packs();
    for _ in 0..3 {
        let t = Instant::now();
        for p in &packs { let _: toml::Value = toml::from_str(&p.text).unwrap(); }
        let parse = t.elapsed();
        let t = Instant::now();
        let (kb, _) = knowledge::KnowledgeBase::load(&packs);
        let load = t.elapsed();
        let t = Instant::now();
        let _ = knowledge::base::dictionary().len();
        let t = Instant::now();
        let mut n = 0;
        for e in &kb.entries { for a in std::iter::once(&e.name).chain(e.aliases.iter()) { n += knowledge::base::index::variants(a).len(); let _ = knowledge::base::is_ordinary_word(&a.to_lowercase()); } }
        eprintln!("inflections+dict {:?} {n}", t.elapsed());
        let pats: Vec<String> = kb.entries.iter().flat_map(|e| std::iter::once(e.name.to_lowercase()).chain(e.aliases.iter().map(|a| a.to_lowercase()))).collect();
        for kind in [aho_corasick::AhoCorasickKind::NoncontiguousNFA, aho_corasick::AhoCorasickKind::ContiguousNFA] {
            let t = Instant::now();
            let _ac = aho_corasick::AhoCorasickBuilder::new().match_kind(aho_corasick::MatchKind::LeftmostLongest).kind(Some(kind)).build(&pats).unwrap();
            eprintln!("ac {kind:?} {:?} {}", t.elapsed(), pats.len());
        }
        let t = Instant::now();
        let idx = knowledge::base::NameIndex::build(&kb.entries, &|w| knowledge::base::is_ordinary_word(w), &mut |_, _, _| {});
        eprintln!("index {:?} ({} patterns)", t.elapsed(), idx.pattern_count());
        eprintln!("toml parse {:?}; full load {:?}; dict {:?}; {}", parse, load, t.elapsed(), kb.stats());
    }
}
#[allow(dead_code)]
fn index_only() {}
