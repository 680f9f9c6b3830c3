//! Where start-up time goes: the dictionary, parsing the packs, the whole load, the name index, and the
//! Aho-Corasick build under a few settings (best of 20 each). A profiling aid for
//! BENCHMARKS.md: `cargo run --release -p knowledge --example loadtime`.

use std::time::{Duration, Instant};

use aho_corasick::{AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use knowledge::KnowledgeBase;

fn best<T>(mut f: impl FnMut() -> T) -> Duration {
    (0..20)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn main() {
    let packs = KnowledgeBase::embedded_packs();
    // The dictionary and its hash table are built once per process, on the first look-up.
    let t = Instant::now();
    knowledge::base::is_ordinary_word("check");
    println!("dictionary (once)       {:?}", t.elapsed());
    println!(
        "toml parse (one thread) {:?}",
        best(|| packs.iter().filter(|p| toml::from_str::<toml::Value>(&p.text).is_ok()).count())
    );
    println!("full load from TOML     {:?}", best(|| KnowledgeBase::load(&packs)));
    println!("embedded (JSON)         {:?}", best(KnowledgeBase::embedded));
    let (kb, _) = KnowledgeBase::load(&packs);
    println!(
        "name index              {:?}",
        best(|| knowledge::base::NameIndex::build(
            &kb.entries,
            &|w| knowledge::base::is_ordinary_word(w),
            &mut |_, _, _| {}
        ))
    );
    let words: Vec<String> = kb
        .entries
        .iter()
        .flat_map(|e| {
            std::iter::once(e.name.to_lowercase()).chain(e.aliases.iter().map(|a| a.to_lowercase()))
        })
        .collect();
    println!(
        "dictionary lookups      {:?} ({} words)",
        best(|| words.iter().filter(|w| knowledge::base::is_ordinary_word(w)).count()),
        words.len()
    );
    let pats: Vec<String> = kb
        .entries
        .iter()
        .flat_map(|e| {
            std::iter::once(e.name.to_lowercase()).chain(e.aliases.iter().map(|a| a.to_lowercase()))
        })
        .collect();
    type Tweak = fn(&mut AhoCorasickBuilder) -> &mut AhoCorasickBuilder;
    let tweaks: [(&str, Tweak); 5] = [
        ("as used", |b| b),
        ("dense_depth(0)", |b| b.dense_depth(0)),
        ("prefilter(false)", |b| b.prefilter(false)),
        ("byte_classes(false)", |b| b.byte_classes(false)),
        ("contiguous NFA", |b| b.kind(Some(AhoCorasickKind::ContiguousNFA))),
    ];
    for (name, tweak) in tweaks {
        let d = best(|| {
            let mut b = AhoCorasickBuilder::new();
            b.match_kind(MatchKind::LeftmostLongest).kind(Some(AhoCorasickKind::NoncontiguousNFA));
            tweak(&mut b).build(&pats).is_ok()
        });
        println!("aho-corasick {name:<20} {d:?} ({} patterns)", pats.len());
    }
}
