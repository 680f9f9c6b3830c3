//! The cache never changes an answer: after any edit, analysing with the warm cache (paragraphs
//! and sentences reused) gives exactly what a cold analysis of the new text gives, and a
//! one-sentence edit re-checks one sentence.

use knowledge::{analyze, Analysis, Cache, Config, Format, Prepared};
use proptest::prelude::*;

fn kb() -> &'static Prepared {
    static KB: std::sync::OnceLock<Prepared> = std::sync::OnceLock::new();
    KB.get_or_init(Prepared::embedded)
}

fn summary(a: &Analysis) -> String {
    format!("{:?}\n{:?}\n{:?}\n{:?}", a.findings, a.claims, a.mentions, a.balance)
}

fn sentence() -> impl Strategy<Value = String> {
    let s = vec![
        "Kirov was murdered in 1931.",
        "Kirov was murdered in 1934.",
        "In 1935 Lenin praised the Stakhanovites.",
        "Trotsky's exile began in 1929.",
        "The Cheka shot 8,389 people in 1918-19.",
        "Stalin was born in 1879.",
        "Lenin's terror made Stalin's terror inevitable.",
        "The NEP was a temporary retreat.",
        "Zinovyev and Kamanev lost.",
        "“Kirov was murdered in 1931,” Pravda wrote.",
        "It was “a retreat.",
        " Stalin rose.”",
        "Bukharin",
        "1937-38",
    ];
    prop::sample::select(s).prop_map(str::to_string)
}

fn essay() -> impl Strategy<Value = Vec<Vec<String>>> {
    prop::collection::vec(prop::collection::vec(sentence(), 1..5), 1..5)
}

fn render(paras: &[Vec<String>]) -> String {
    paras.iter().map(|p| p.join(" ")).collect::<Vec<_>>().join("\n\n")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 120, ..ProptestConfig::default() })]
    #[test]
    fn warm_cache_equals_cold_analysis(mut paras in essay(), edits in prop::collection::vec((0usize..20, 0usize..20, sentence()), 1..6)) {
        let config = Config::default();
        let mut cache = Cache::default();
        for format in [Format::Markdown, Format::Plain] {
            analyze(kb(), &render(&paras), format, &config, &mut cache);
            for (p, s, new) in &edits {
                let p = p % paras.len();
                let s = s % (paras[p].len() + 1);
                if s == paras[p].len() { paras[p].push(new.clone()) } else { paras[p][s] = new.clone() }
                let text = render(&paras);
                let warm = analyze(kb(), &text, format, &config, &mut cache);
                let cold = analyze(kb(), &text, format, &config, &mut Cache::default());
                prop_assert_eq!(summary(&warm), summary(&cold), "after editing into {:?}", text);
            }
        }
    }
}

#[test]
fn one_sentence_edit_rechecks_one_sentence() {
    let config = Config::default();
    let mut cache = Cache::default();
    let before = "Kirov was murdered in 1934. The NEP was a temporary retreat. Stalin was born in 1878.\n\nTrotsky was exiled in 1929.";
    let after = "Kirov was murdered in 1931. The NEP was a temporary retreat. Stalin was born in 1878.\n\nTrotsky was exiled in 1929.";
    analyze(kb(), before, Format::Plain, &config, &mut cache);
    let (h, m, sh, sm) = (cache.hits, cache.misses, cache.sentence_hits, cache.sentence_misses);
    let a = analyze(kb(), after, Format::Plain, &config, &mut cache);
    assert_eq!((cache.hits - h, cache.misses - m), (1, 1), "one paragraph reused, one re-checked");
    assert_eq!(
        (cache.sentence_hits - sh, cache.sentence_misses - sm),
        (2, 1),
        "in it, one sentence re-checked"
    );
    assert!(a.findings.iter().any(|f| f.message.contains("1 December 1934")), "{:?}", a.findings);
}
