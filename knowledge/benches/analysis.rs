//! Speed of the things that run on every keystroke or at start-up: loading and indexing the
//! default fact base, a full check of a 3,000-word essay, one edit's re-check (warm cache),
//! a hover lookup. Results are recorded in BENCHMARKS.md.

use knowledge::{analyze, Cache, Config, Format, KnowledgeBase, Prepared};

/// The server's allocator (`clio-ls` runs the analysis on mimalloc), so that the figures are
/// the server's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

#[path = "support/essay.rs"]
mod essay;
use essay::essay;

fn kb() -> &'static Prepared {
    static KB: std::sync::OnceLock<Prepared> = std::sync::OnceLock::new();
    KB.get_or_init(Prepared::embedded)
}

#[divan::bench]
fn load_and_index_default_base() -> KnowledgeBase {
    KnowledgeBase::embedded().0
}

/// The checks' derived tables (counterargument cues and document frequencies, prepared
/// figures), which the server builds on a background thread right after loading.
#[divan::bench(sample_count = 30)]
fn prepare_check_tables(b: divan::Bencher) {
    b.with_inputs(Prepared::embedded).bench_local_values(|kb| {
        kb.prepare_all();
        kb
    });
}

#[divan::bench]
fn full_check_3000_words(b: divan::Bencher) {
    let kb = kb();
    let text = essay();
    let config = Config::default();
    b.bench(|| {
        analyze(kb, divan::black_box(&text), Format::Markdown, &config, &mut Cache::default())
    });
}

/// The five source essays (14,640 words of real prose, beside the project in `../shared/essays`;
/// nothing is measured where they are absent), each checked cold: the benchmark essay repeats
/// its sentences, this one does not.
#[divan::bench(sample_count = 30)]
fn full_check_five_source_essays(b: divan::Bencher) {
    let kb = kb();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/essays");
    let mut texts: Vec<String> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .collect();
    texts.sort();
    let config = Config::default();
    b.bench(|| {
        for t in &texts {
            divan::black_box(analyze(
                kb,
                divan::black_box(t),
                Format::Plain,
                &config,
                &mut Cache::default(),
            ));
        }
    });
}

#[divan::bench]
fn recheck_after_one_edit(b: divan::Bencher) {
    let kb = kb();
    let text = essay();
    let config = Config::default();
    let mut cache = Cache::default();
    analyze(kb, &text, Format::Markdown, &config, &mut cache);
    // Alternate between two versions of one paragraph, as a student typing does.
    let at = text.find("Paragraph 5.").unwrap() + "Paragraph 5. Lenin".len();
    let edited = [format!("{}s{}", &text[..at], &text[at..]), text.clone()];
    let mut i = 0;
    b.bench_local(|| {
        i += 1;
        analyze(kb, divan::black_box(&edited[i % 2]), Format::Markdown, &config, &mut cache)
    });
}

#[divan::bench]
fn hover_lookup(b: divan::Bencher) {
    let kb = kb();
    let text = essay();
    let a = analyze(kb, &text, Format::Markdown, &Config::default(), &mut Cache::default());
    let at = text.find("Kirov").unwrap() + 2;
    b.bench(|| knowledge::hover::at(kb, &a, divan::black_box(at)));
}

/// Hover over a number two figures hold ("102": Stakhanov's tonnes and the votes against
/// Stalin), in a paragraph of the essay's length: its sentence decides between them.
#[divan::bench]
fn hover_shared_figure(b: divan::Bencher) {
    let kb = kb();
    let text = essay()
        .replace("8,389", "8,389. Stakhanov, they said, cut 102 tonnes of coal in one shift, and");
    let a = analyze(kb, &text, Format::Markdown, &Config::default(), &mut Cache::default());
    let at = text.find("102 tonnes").unwrap();
    assert!(knowledge::hover::at(kb, &a, at).is_some_and(|h| h.markdown.contains("Stakhanov")));
    b.bench(|| knowledge::hover::at(kb, &a, divan::black_box(at)));
}
