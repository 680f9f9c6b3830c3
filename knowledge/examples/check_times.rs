//! Where the time of a full check goes: each check alone over the benchmark essay, and the
//! analysis with every check off (prose extraction, sentences, names). A profiling aid for
//! BENCHMARKS.md; `cargo run --release -p knowledge --example check_times`.

use std::time::Instant;

use knowledge::{analyze, Cache, Code, Config, Format, Prepared};

#[path = "../benches/support/essay.rs"]
mod essay;

fn time(kb: &Prepared, text: &str, config: &Config) -> f64 {
    let n = 30;
    let mut best = f64::MAX;
    for _ in 0..n {
        let t = Instant::now();
        std::hint::black_box(analyze(kb, text, Format::Markdown, config, &mut Cache::default()));
        best = best.min(t.elapsed().as_secs_f64() * 1e3);
    }
    best
}

fn main() {
    let kb = Prepared::embedded();
    let text = essay::essay();
    if std::env::var_os("CLIO_ONE").is_some() {
        // One cold full check (the checks' tables built first, as the server does), for an
        // instruction-counting profiler (callgrind).
        kb.prepare_all();
        std::hint::black_box(analyze(
            &kb,
            &text,
            Format::Markdown,
            &Config::default(),
            &mut Cache::default(),
        ));
        return;
    }
    recheck_parts(&kb, &text);
    if std::env::var_os("CLIO_FULL_ONLY").is_some() {
        for _ in 0..10 {
            time(&kb, &text, &Config::default());
        }
        return;
    }
    if std::env::var_os("CLIO_RECHECK_ONLY").is_some() {
        for _ in 0..20 {
            recheck_parts(&kb, &text);
        }
        return;
    }
    let none = Config { disabled: Code::ALL.iter().copied().collect(), ..Config::default() };
    let base = time(&kb, &text, &none);
    println!("{:<18} {:>8.3} ms", "no checks", base);
    for code in Code::ALL {
        let mut c = none.clone();
        c.disabled.remove(&code);
        println!(
            "{:<18} {:>8.3} ms (+{:.3})",
            code.as_str(),
            time(&kb, &text, &c),
            time(&kb, &text, &c) - base
        );
    }
    println!("{:<18} {:>8.3} ms", "all checks", time(&kb, &text, &Config::default()));
}

/// The parts of one edit's re-check: extracting the prose of the whole document, and the whole
/// re-check with a warm cache (`CLIO_ONE=1` runs one cold full check, `CLIO_RECHECK_ONLY=1` loops on it and `CLIO_FULL_ONLY=1` on full checks, for a profiler).
fn recheck_parts(kb: &Prepared, text: &str) {
    let config = Config::default();
    let mut cache = Cache::default();
    analyze(kb, text, Format::Markdown, &config, &mut cache);
    let mid = text.len() / 2;
    let cut = mid + text[mid..].find(" Kirov").unwrap_or(0);
    let edited = format!("{} Kirow{}", &text[..cut], &text[cut + 6..]);
    let n = 200;
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(knowledge::text::prose(&edited, Format::Markdown));
    }
    println!("{:<18} {:>8.3} ms", "prose (markdown)", t.elapsed().as_secs_f64() * 1e3 / n as f64);
    let t = Instant::now();
    for i in 0..n {
        let doc = if i % 2 == 0 { &edited } else { text };
        std::hint::black_box(analyze(kb, doc, Format::Markdown, &config, &mut cache));
    }
    println!("{:<18} {:>8.3} ms", "one-edit recheck", t.elapsed().as_secs_f64() * 1e3 / n as f64);
}
