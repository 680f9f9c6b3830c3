//! Tuning aids for the checks, over the embedded fact base (plus `--pack DIR`, every `*.toml` in
//! it, first):
//!
//! ```sh
//! cargo run -p knowledge --example explain -- sentence "Lenin's terror made Stalin's inevitable."
//! cargo run -p knowledge --example explain -- lines FILE     # each line alone: findings, claims, hints
//! cargo run -p knowledge --example explain -- claims FILE... # every claim of each document
//! cargo run -p knowledge --example explain -- topics         # the cues taken as names
//! cargo run -p knowledge --example explain -- dates TEXT...   # the date check's trace
//! ```

use std::process::ExitCode;

use knowledge::checks::counterargument::{explain, topic_cues};
use knowledge::{analyze, Analysis, Cache, Code, Config, Format, KnowledgeBase, Pack, Prepared};

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut packs = KnowledgeBase::embedded_packs();
    if let Some(i) = args.iter().position(|a| a == "--pack") {
        let Some(dir) = args.get(i + 1).cloned() else { return usage() };
        args.drain(i..i + 2);
        for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "toml") {
                let text = std::fs::read_to_string(&p).unwrap_or_default();
                packs.push(Pack { name: p.display().to_string(), text });
            }
        }
    }
    let (kb, errors) = KnowledgeBase::load(&packs);
    for e in &errors {
        eprintln!("{e}");
    }
    let kb = Prepared::new(kb);
    match args.first().map(String::as_str) {
        Some("sentence") => {
            for s in &args[1..] {
                println!("{s}\n{}", explain(&kb, s));
            }
        }
        Some("lines") if args.len() == 2 => {
            let text = std::fs::read_to_string(&args[1]).unwrap_or_default();
            for line in text.lines().filter(|l| !l.trim().is_empty()) {
                println!("{line}");
                print_findings(&kb, line, &check(&kb, line));
            }
        }
        Some("claims") if args.len() >= 2 => {
            for path in &args[1..] {
                let text = std::fs::read_to_string(path).unwrap_or_default();
                print_claims(&kb, path, &text, &check(&kb, &text));
            }
        }
        Some("topics") => println!("{}", topic_cues(&kb).join("\n")),
        Some("dates") => {
            for s in &args[1..] {
                println!("{s}\n{}", knowledge::checks::dubious_date::explain(&kb, s));
            }
        }
        _ => return usage(),
    }
    ExitCode::SUCCESS
}

fn usage() -> ExitCode {
    eprintln!(
        "usage: explain [--pack DIR] (sentence TEXT... | lines FILE | claims FILE... | topics | dates TEXT...)"
    );
    ExitCode::FAILURE
}

fn check(kb: &Prepared, text: &str) -> Analysis {
    analyze(kb, text, Format::Plain, &Config::default(), &mut Cache::default())
}

/// A claim as "side:argument->first counterpoint" ("?" and "-" for a half claim).
fn claim_line(kb: &KnowledgeBase, c: &knowledge::claim::Claim) -> String {
    let id = |x: usize| kb.arguments[x].id.as_str();
    format!(
        "{}:{}->{}",
        c.stance.map_or("?", |s| s.label()),
        c.argument.map_or("-", id),
        c.counterpoints.first().map_or("-", |&x| id(x))
    )
}

/// One line's findings, then its claims and the hints shown (message and related information).
fn print_findings(kb: &KnowledgeBase, text: &str, a: &Analysis) {
    for f in a.findings.iter().filter(|f| f.code != Code::Counterargument) {
        println!("    {} «{}» {}", f.code.as_str(), &text[f.range.clone()], f.message);
    }
    let claims: Vec<String> = a.claims.iter().map(|c| claim_line(kb, c)).collect();
    let hints: Vec<String> = a
        .findings
        .iter()
        .filter(|f| f.code == Code::Counterargument)
        .map(|f| {
            let related: Vec<&str> = f.related.iter().map(|r| &*r.message).collect();
            format!("{} {}", f.message, related.join(" "))
        })
        .collect();
    if !claims.is_empty() {
        println!("    claims: {}", claims.join(" "));
        println!("    hints: {}", hints.join(" | "));
    }
}

/// Every claim of a document: line, claim, score, hinted or not.
fn print_claims(kb: &KnowledgeBase, path: &str, text: &str, a: &Analysis) {
    for c in &a.claims {
        let hinted =
            a.findings.iter().any(|f| f.code == Code::Counterargument && f.range == c.range);
        let line = text[..c.range.start].matches('\n').count() + 1;
        println!(
            "{path}:{line} {} {:.1} {} «{}»",
            claim_line(kb, c),
            c.score,
            if hinted { "HINT" } else { "-" },
            &text[c.range.clone()]
        );
    }
}
