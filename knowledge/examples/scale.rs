//! What hostile and very long documents cost: opens one shape of text, then re-checks it after
//! a one-byte edit in its middle (averaged over `REPS` edits). A profiling aid for
//! BENCHMARKS.md: `cargo run --release -p knowledge --example scale -- SHAPE N`, SHAPE one of
//! the names in `shape` (a repeat count N), or any text to repeat N times (`\n` for newlines).
//! `KEYED=1` re-checks as the server does, telling the analysis which ends are unchanged
//! (`analyze_edited`) instead of letting it compare the texts.

use std::time::Instant;

use knowledge::analysis::{analyze_edited, Unchanged};
use knowledge::{analyze, Cache, Config, Format, Prepared};

/// The text of a shape repeated `n` times, and its format.
fn shape(name: &str, n: usize) -> (String, Format) {
    match name {
        "sentence" => ("Kirov was shot in 1936 ".repeat(n), Format::Markdown),
        "comma" => ("Kirov was shot in 1936, ".repeat(n), Format::Markdown),
        "marks" => ("Kirov was shot in 1936.\u{202c} ".repeat(n), Format::Markdown),
        "years" => {
            let years: Vec<String> = (0..n).map(|i| (1900 + i % 100).to_string()).collect();
            (years.join("-"), Format::Markdown)
        }
        "emph" => ("\\emph{Kirov ".repeat(n), Format::Latex),
        "section" => ("\\section{".repeat(n), Format::Latex),
        "many" => ("Kirov was shot in 1931. ".repeat(n), Format::Markdown),
        "paras" => ("Kirov was shot in 1931.\n\n".repeat(n), Format::Markdown),
        "essays" => (essays(n), Format::Markdown),
        "essays-latex" => (essays(n), Format::Latex),
        "essays-plain" => (essays(n), Format::Plain),
        other => (other.replace("\\n", "\n").repeat(n), Format::Markdown),
    }
}

/// The five source essays, one after the other, `n` times.
fn essays(n: usize) -> String {
    let dir = "/work/shared/essays";
    let mut files: Vec<_> =
        std::fs::read_dir(dir).expect("the essays folder").flatten().map(|e| e.path()).collect();
    files.sort();
    let mut out = String::new();
    for _ in 0..n {
        for f in &files {
            out.push_str(&std::fs::read_to_string(f).expect("an essay"));
            out.push_str("\n\n");
        }
    }
    out
}

fn main() {
    let kb = Prepared::embedded();
    kb.prepare_all();
    let args: Vec<String> = std::env::args().collect();
    let name = args.get(1).map_or("sentence", String::as_str);
    let n: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(100);
    let reps: u32 = std::env::var("REPS").ok().and_then(|s| s.parse().ok()).unwrap_or(1).max(1);
    let (text, format) = shape(name, n);
    let config = Config::default();
    let mut cache = Cache::default();
    let keyed = std::env::var_os("KEYED").is_some();
    let t = Instant::now();
    let opened = if keyed {
        analyze_edited(&kb, &text, format, &config, &mut cache, (0, None))
    } else {
        analyze(&kb, &text, format, &config, &mut cache)
    };
    let open = t.elapsed();
    let mut mid = text.len() / 2;
    while !text.is_char_boundary(mid) {
        mid -= 1;
    }
    let edited = format!("{}x{}", &text[..mid], &text[mid..]);
    let t = Instant::now();
    let mut last = opened.findings.len();
    for k in 0..reps {
        let version = if k % 2 == 0 { &edited } else { &text };
        last = if keyed {
            // The edit inserts or removes the one byte at `mid`: both ends around it are kept.
            let suffix = text.len() - mid;
            let edit = Unchanged { since: u64::from(k), prefix: mid, suffix };
            analyze_edited(
                &kb,
                version,
                format,
                &config,
                &mut cache,
                (u64::from(k) + 1, Some(edit)),
            )
        } else {
            analyze(&kb, version, format, &config, &mut cache)
        }
        .findings
        .len();
    }
    let edit = t.elapsed() / reps;
    println!(
        "{name} n={n} bytes={} open={open:?} edit={edit:?} findings={} after-edit={last}",
        text.len(),
        opened.findings.len()
    );
}
