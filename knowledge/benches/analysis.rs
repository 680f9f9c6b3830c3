//! Speed of the things that run on every keystroke or at start-up: loading and indexing the
//! default fact base, a full check of a 3,000-word essay, one edit's re-check (warm cache),
//! a hover lookup. Results are recorded in BENCHMARKS.md.

use knowledge::{analyze, Cache, Config, Format, KnowledgeBase};

fn main() {
    divan::main();
}

/// A paragraph in our own words, with the kinds of sentences students write (dates, figures,
/// names, claims). `n` varies it so that every paragraph of the essay is distinct.
fn paragraph(n: usize) -> String {
    format!(
        "Paragraph {n}. Lenin founded the Cheka in December 1917, and in the civil war of 1918-21 it shot \
many thousands of people. Kirov was murdered on 1 December 1934, and Stalin used the murder to \
launch the purges. Trotsky, Zinoviev and Kamenev lost the struggle for power one after another. \
Official figures record 681,692 executions in 1937-38, far more than the 8,389 the Cheka shot in \
1918 and early 1919. Some historians argue that Lenin's terror made Stalin's terror inevitable, \
but Lenin's Testament warned that Stalin was too rude to be General Secretary. The NEP was a \
temporary retreat, not a surrender of socialism, and Bukharin defended it until 1928. In 1929 \
Stalin abandoned it for collectivisation and the first Five-Year Plan, which began in 1928. \
The kulaks were deported in their hundreds of thousands, and the famine of 1932-33 followed. \
By 1939 most of Lenin's Politburo had been destroyed in the show trials. Khrushchev denounced \
Stalin in 1956. Whether this was continuity or rupture remains the question of this essay.\n\n"
    )
}

fn essay() -> String {
    let mut s = String::from("# Did Leninism lead to Stalinism?\n\n");
    let mut n = 0;
    while s.split_whitespace().count() < 3000 {
        s.push_str(&paragraph(n));
        n += 1;
    }
    s
}

fn kb() -> &'static KnowledgeBase {
    static KB: std::sync::OnceLock<KnowledgeBase> = std::sync::OnceLock::new();
    KB.get_or_init(|| KnowledgeBase::embedded().0)
}

#[divan::bench]
fn load_and_index_default_base() -> KnowledgeBase {
    KnowledgeBase::embedded().0
}

#[divan::bench]
fn full_check_3000_words(b: divan::Bencher) {
    let kb = kb();
    let text = essay();
    let config = Config::default();
    b.bench(|| analyze(kb, divan::black_box(&text), Format::Markdown, &config, &mut Cache::default()));
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
