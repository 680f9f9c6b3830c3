//! The command line: `lookup`, `check` over folders, and the `kb` tools. Output goes to stdout
//! here (this is not the protocol path), so printing is allowed in this module only.
#![allow(clippy::print_stdout)]

use std::path::{Path, PathBuf};

use knowledge::{analyze, Cache, Code, Config, Format, KnowledgeBase, Prepared, Severity};

use crate::workspace;

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum OutputFormat {
    Text,
    Json,
}

pub fn lookup(name: &str) -> i32 {
    let (kb, _) = KnowledgeBase::embedded();
    match knowledge::hover::lookup(&kb, name) {
        Some(md) => {
            println!("{md}");
            0
        }
        None => {
            eprintln!("clio-ls: nothing in the fact base is called “{name}”");
            let near =
                knowledge::complete::candidates(&kb, &name.chars().take(3).collect::<String>());
            if !near.is_empty() {
                eprintln!(
                    "did you mean: {}",
                    near.iter().take(5).map(|c| c.label.as_str()).collect::<Vec<_>>().join(", ")
                );
            }
            1
        }
    }
}

fn essay_files(path: &Path) -> Vec<PathBuf> {
    crate::workspace::files_under(path, &|x| matches!(x, "md" | "markdown" | "tex" | "txt"))
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

pub fn check(paths: &[PathBuf], format: OutputFormat, knowledge: &[PathBuf], counter: bool) -> i32 {
    let (kb, errors) = workspace::load_knowledge(knowledge, &[]);
    for e in &errors {
        eprintln!("{e}");
    }
    let kb = Prepared::new(kb);
    let mut config = Config::default();
    if !counter {
        config.disabled.insert(Code::Counterargument);
    }
    let paths: Vec<PathBuf> =
        if paths.is_empty() { vec![PathBuf::from(".")] } else { paths.to_vec() };
    let files: Vec<PathBuf> = paths.iter().flat_map(|p| essay_files(p)).collect();
    let mut warnings = 0;
    let mut json_out = Vec::new();
    for f in &files {
        let Ok(text) = std::fs::read_to_string(f) else {
            eprintln!("{}: cannot read", f.display());
            continue;
        };
        let a = analyze(
            &kb,
            &text,
            Format::from_path(&f.to_string_lossy()),
            &config,
            &mut Cache::default(),
        );
        for x in &a.findings {
            let (line, col) = line_col(&text, x.range.start);
            if matches!(x.severity, Severity::Warning | Severity::Error) {
                warnings += 1;
            }
            match format {
                OutputFormat::Text => {
                    let sev = match x.severity {
                        Severity::Error => "error",
                        Severity::Warning => "warning",
                        Severity::Information => "info",
                        Severity::Hint => "hint",
                    };
                    println!("{}:{line}:{col}: {sev}[{}]: {} «{}»", f.display(), x.code.as_str(), x.message, &text[x.range.clone()]);
                }
                OutputFormat::Json => json_out.push(serde_json::json!({
                    "file": f.display().to_string(), "line": line, "column": col, "code": x.code.as_str(),
                    "severity": format!("{:?}", x.severity).to_lowercase(), "message": x.message, "text": &text[x.range.clone()],
                    "fixes": x.fixes.iter().map(|fx| fx.replacement.clone()).collect::<Vec<_>>(),
                })),
            }
        }
    }
    if let OutputFormat::Json = format {
        println!("{}", serde_json::to_string_pretty(&json_out).unwrap_or_default());
    } else {
        eprintln!("{} file(s) checked, {warnings} warning(s)", files.len());
    }
    i32::from(warnings > 0)
}

pub fn kb_check(paths: &[PathBuf]) -> i32 {
    let (kb, errors) = if paths.is_empty() {
        KnowledgeBase::embedded()
    } else {
        let (packs, mut errors) = workspace::read_packs(paths);
        // Validate the packs against the embedded base so cross-references resolve.
        let mut all = KnowledgeBase::embedded_packs();
        let names: Vec<String> = packs.iter().map(|p| p.name.clone()).collect();
        // A folder that *is* the default data (knowledge/data) replaces the embedded copy.
        all.retain(|p| {
            !names
                .iter()
                .any(|n| Path::new(n).file_name().and_then(|x| x.to_str()) == Some(p.name.as_str()))
        });
        all.extend(packs);
        let (kb, errs) = KnowledgeBase::load(&all);
        errors.extend(errs);
        (kb, errors)
    };
    for e in &errors {
        println!("{e}");
    }
    if errors.is_empty() {
        println!("ok: {}", kb.stats());
        0
    } else {
        println!("{} error(s); {}", errors.len(), kb.stats());
        1
    }
}

pub fn kb_stats() -> i32 {
    let (kb, errors) = KnowledgeBase::embedded();
    println!("clio-ls {} knowledge: {}", env!("CARGO_PKG_VERSION"), kb.stats());
    if !errors.is_empty() {
        println!("{} error(s) in the embedded packs", errors.len());
    }
    0
}

pub fn kb_extract(essays: &[PathBuf]) -> i32 {
    let (kb, _) = KnowledgeBase::embedded();
    let mut n = 0;
    for p in essays {
        let Ok(text) = std::fs::read_to_string(p) else {
            eprintln!("{}: cannot read", p.display());
            return 2;
        };
        for c in knowledge::extract::unreviewed(&kb, &text, Format::from_path(&p.to_string_lossy()))
        {
            n += 1;
            println!("{}\t{}\t{}\t{}", p.display(), c.kind, c.text, c.sentence);
        }
    }
    eprintln!("{n} candidate(s) neither in the fact base nor in its reviewed ignore list");
    0
}
