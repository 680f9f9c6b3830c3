//! Where start-up time goes: the dictionary, decoding the packs' TOML (never done at start-up:
//! only for `kb` commands and a teacher's packs), parsing the packs, the whole load from TOML, the
//! prebuilt base the server reads, the name index, and the Aho-Corasick build under a few
//! settings (best of 20 each); then the same for bases grown with generated entries (twice
//! today's size and 100,000 entries), read the way such a base would be shipped: stored by
//! `base::prebuilt` as `build.rs` stores the default packs, and read back. A profiling aid for
//! BENCHMARKS.md: `cargo run --release -p knowledge --example loadtime`.

use std::time::{Duration, Instant};

use aho_corasick::{AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use knowledge::base::prebuilt;
use knowledge::KnowledgeBase;

fn best<T>(f: impl FnMut() -> T) -> Duration {
    best_of(20, f)
}

fn main() {
    let packs = KnowledgeBase::embedded_packs();
    // The dictionary and its hash table are built once per process, on the first look-up.
    let t = Instant::now();
    knowledge::base::is_ordinary_word("check");
    println!("dictionary (once)       {:?}", t.elapsed());
    println!("packs' TOML decoded     {:?}", best(KnowledgeBase::embedded_packs));
    println!(
        "toml parse (one thread) {:?}",
        best(|| packs.iter().filter(|p| toml::from_str::<toml::Value>(&p.text).is_ok()).count())
    );
    println!("full load from TOML     {:?}", best(|| KnowledgeBase::load(&packs)));
    println!("embedded (prebuilt)     {:?}", best(KnowledgeBase::embedded));
    println!(
        "embedded, every entry read {:?}",
        best(|| KnowledgeBase::embedded().0.entries.iter().map(|e| e.name.len()).sum::<usize>())
    );
    let (kb, _) = KnowledgeBase::load(&packs);
    println!(
        "name index              {:?}",
        best(|| knowledge::base::NameIndex::build(
            kb.entries.iter(),
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
    aho_corasick_builds(&kb);
    grown_bases(&packs, kb.entries.len());
}

/// The real packs plus a generated pack, so that the base holds `2 × today` and 100,000
/// entries: the whole load from TOML (parse, resolve, name index), then the base stored as
/// `build.rs` stores the default one (not timed: that is build time) and read back, which is
/// what the server would do with such a base; and the name index alone.
fn grown_bases(packs: &[knowledge::Pack], today: usize) {
    for total in [2 * today, 100_000] {
        let mut grown = packs.to_vec();
        grown.push(knowledge::Pack {
            name: "generated.toml".into(),
            text: generated_pack(total.saturating_sub(today)),
        });
        let runs = if total > 10_000 { 3 } else { 20 };
        let (kb, errors) = KnowledgeBase::load(&grown);
        let load = best_of(runs, || KnowledgeBase::load(&grown));
        // Read in place, as the embedded base is: the bytes live as long as the process.
        let stored: &'static [u8] = Vec::leak(prebuilt::store(&kb, &errors));
        let restored = prebuilt::restore(stored).map(|(k, _)| k.entries.len());
        assert_eq!(restored, Some(kb.entries.len()), "the stored base reads back");
        let prebuilt = best_of(runs.max(10), || prebuilt::restore(stored));
        // The entries are decoded on first use: what reading every one of them once adds.
        let every_entry = best_of(runs, || {
            prebuilt::restore(stored)
                .map(|(k, _)| k.entries.iter().map(|e| e.name.len()).sum::<usize>())
        });
        let index = best_of(runs, || {
            knowledge::base::NameIndex::build(
                kb.entries.iter(),
                &|w| knowledge::base::is_ordinary_word(w),
                &mut |_, _, _| {},
            )
        });
        println!(
            "grown to {:>7} entries: prebuilt {prebuilt:?} ({:.1} MB stored), then every entry read {every_entry:?}; full load from TOML {load:?}; name index {index:?} (best of {runs}; {} load errors)",
            kb.entries.len(),
            stored.len() as f64 / 1e6,
            errors.len()
        );
    }
}

/// `n` made-up people, places and terms shaped like the real ones: a two-word name, three
/// aliases, dates, a summary, a record and links to their neighbours. Names are syllables
/// chosen by a fixed pseudo-random sequence, so every run builds the same pack.
fn generated_pack(n: usize) -> String {
    const SYLLABLES: [&str; 24] = [
        "ka", "vro", "mel", "dush", "tari", "po", "zen", "lyu", "gor", "bek", "ni", "sta", "vel",
        "ob", "chu", "ryn", "esh", "ima", "tol", "zak", "fe", "dra", "mik", "uls",
    ];
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state =
            state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as usize
    };
    let mut word = |parts: usize, i: usize| {
        let mut w: String = (0..parts).map(|_| SYLLABLES[next() % SYLLABLES.len()]).collect();
        w.push_str(SYLLABLES[i % SYLLABLES.len()]);
        w.push_str(&(i / SYLLABLES.len()).to_string());
        w[..1].to_uppercase() + &w[1..]
    };
    let mut out = String::with_capacity(n * 600);
    for i in 0..n {
        let (table, dates) = match i % 3 {
            0 => ("person", ("born", "died")),
            1 => ("place", ("from", "to")),
            _ => ("term", ("from", "to")),
        };
        let (given, family, other) = (word(1, i), word(2, i), word(2, i + 7));
        let year = 1850 + i % 100;
        let linked = (i + 1) % n;
        out.push_str(&format!(
            "[[{table}]]\nid = \"gen-{i}\"\nname = \"{given} {family}\"\n\
             aliases = [\"{family}\", \"{given} {other}\", \"{family} {other}\"]\n\
             {} = \"{year}-03-1{}\"\n{} = \"{}\"\n\
             summary = \"A generated entry for timing the load: {given} {family} of {other}.\"\n\
             related = [\"gen-{linked}\"]\nsources = []\nrecord = \"generated\"\n\n",
            dates.0,
            i % 10,
            dates.1,
            year + 40,
        ));
    }
    out
}

fn best_of<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// The Aho-Corasick automaton over every name and alias, under a few settings.
fn aho_corasick_builds(kb: &KnowledgeBase) {
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
