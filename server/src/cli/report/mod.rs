//! `clio-ls report PATH...`: a class report for a teacher. Every essay is checked (on every
//! core, with its project's settings) and reduced to what the report shows: its findings by
//! code, its argument balance, its slips, and its timeline of dated claims. Then the class's
//! most common slips are counted, and the report is written as HTML (`--html FILE`, one
//! self-contained file), JSON or a text table.
//!
//! - `html.rs`: the HTML page; `json.rs`: the same data as JSON; `table.rs`: the text table.

mod html;
mod json;
mod table;

use std::collections::HashMap;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::Instant;

use knowledge::timeline::{self, Timeline};
use knowledge::{Code, Severity};

use super::args::{ReportArgs, ReportFormat};
use super::check::{plan, Job};
use super::checked::{self, Counts};
use super::format::{self, RunEnd};
use super::inputs::InputError;
use super::parallel;
use super::project::Projects;

/// The codes whose findings are slips of fact (the others are estimates and hints).
const SLIPS: [Code; 4] =
    [Code::DubiousDate, Code::DubiousFigure, Code::Anachronism, Code::MisspelledName];

/// A finding as the report lists it.
pub struct Line {
    pub line: usize,
    pub column: usize,
    pub code: Code,
    pub severity: Severity,
    pub message: String,
    pub written: String,
}

/// One essay, reduced to what the report shows.
pub struct Essay {
    pub path: PathBuf,
    pub words: usize,
    pub counts: Counts,
    pub continuity: usize,
    pub rupture: usize,
    /// The strongest counterpoints the essay does not address, in words.
    pub unaddressed: Vec<String>,
    pub findings: Vec<Line>,
    /// Slips of fact, each once: (code, message).
    pub slips: Vec<(Code, String)>,
    pub timeline: Timeline,
    /// The timeline drawn (`crate::timeline::svg`).
    pub svg: String,
    /// Each dated claim's text as written and sentence, index for index with the timeline's.
    pub claim_text: Vec<(String, String)>,
}

/// A slip several essays share.
pub struct Slip {
    pub code: Code,
    pub message: String,
    /// Indices into `Report::essays`.
    pub essays: Vec<usize>,
}

pub struct Report {
    pub title: String,
    pub essays: Vec<Essay>,
    pub slips: Vec<Slip>,
    pub counts: Counts,
    pub errors: Vec<InputError>,
    pub setup_errors: Vec<String>,
}

fn reduce(job: &Job) -> Result<Essay, InputError> {
    let c = checked::check(&job.path, &job.project)
        .map_err(|reason| InputError { path: job.path.clone(), reason })?;
    let kb = &job.project.kb;
    let t = timeline::timeline(kb, &c.analysis);
    let svg = crate::timeline::svg(&t, &c.text);
    let mut slips: Vec<(Code, String)> = Vec::new();
    let mut findings = Vec::new();
    for (f, s) in c.analysis.findings.iter().zip(&c.severity) {
        let pos = c.lines().pos(f.range.start);
        let written = c.text.get(f.range.clone()).unwrap_or("");
        findings.push(Line {
            line: pos.line,
            column: pos.column,
            code: f.code,
            severity: *s,
            message: f.message.to_string(),
            written: format::shorten(written, 120).into_owned(),
        });
        let slip = (f.code, f.message.to_string());
        if SLIPS.contains(&f.code) && !f.quoted && !slips.contains(&slip) {
            slips.push(slip);
        }
    }
    let sentence = |r: &std::ops::Range<usize>| {
        let s = c.text.get(r.clone()).unwrap_or("");
        format::shorten(&s.split_whitespace().collect::<Vec<_>>().join(" "), 300).into_owned()
    };
    let claim_text = t
        .claims
        .iter()
        .map(|d| (c.text.get(d.range.clone()).unwrap_or("").to_string(), sentence(&d.sentence)))
        .collect();
    let balance = &c.analysis.balance;
    Ok(Essay {
        path: job.path.clone(),
        words: c.text.split_whitespace().count(),
        counts: Counts::of(&c),
        continuity: balance.continuity,
        rupture: balance.rupture,
        unaddressed: balance
            .unaddressed
            .iter()
            .take(3)
            .filter_map(|i| kb.arguments.get(*i).map(|a| a.claim.trim().to_string()))
            .collect(),
        findings,
        slips,
        timeline: t,
        svg,
        claim_text,
    })
}

/// The slips of the class, most widespread first (ties by code, then wording).
fn class_slips(essays: &[Essay]) -> Vec<Slip> {
    let mut by_key: HashMap<(Code, &str), Vec<usize>> = HashMap::new();
    for (i, e) in essays.iter().enumerate() {
        for (code, message) in &e.slips {
            by_key.entry((*code, message)).or_default().push(i);
        }
    }
    let mut slips: Vec<Slip> = by_key
        .into_iter()
        .map(|((code, message), essays)| Slip { code, message: message.to_string(), essays })
        .collect();
    slips.sort_by(|a, b| {
        b.essays
            .len()
            .cmp(&a.essays.len())
            .then(a.code.cmp(&b.code))
            .then(a.message.cmp(&b.message))
    });
    slips
}

pub fn run(args: &ReportArgs) -> i32 {
    let start = Instant::now();
    let mut projects = Projects::new(&args.settings, true);
    let (jobs, mut errors) = plan(&args.paths, &mut projects);
    let mut essays = Vec::with_capacity(jobs.len());
    let pb = parallel::progress(jobs.len(), args.quiet);
    parallel::ordered(&jobs, &pb, reduce, |r| {
        match r {
            Ok(e) => essays.push(e),
            Err(e) => errors.push(e),
        }
        true
    });
    let mut counts = Counts::default();
    for e in &essays {
        counts.add(&e.counts);
    }
    let report = Report {
        title: args.title.clone().unwrap_or_else(|| "Class report".to_string()),
        slips: class_slips(&essays),
        essays,
        counts,
        errors,
        setup_errors: projects.errors,
    };
    let mut wrote = true;
    if let Some(path) = &args.html {
        if let Err(e) = std::fs::write(path, html::page(&report)) {
            eprintln!("clio-ls: cannot write {}: {e}", path.display());
            wrote = false;
        }
    }
    let out = match args.format {
        ReportFormat::Json => json::document(&report),
        ReportFormat::Text => table::text(&report),
    };
    wrote &= super::print_out(&out);
    let end = RunEnd {
        counts: &report.counts,
        errors: &report.errors,
        setup_errors: &report.setup_errors,
        elapsed: start.elapsed(),
    };
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    eprint!("{}", format::summary::errors(&end, color));
    if !wrote || !report.errors.is_empty() || !report.setup_errors.is_empty() {
        2
    } else {
        0
    }
}
