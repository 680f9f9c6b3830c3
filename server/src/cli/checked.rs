//! One essay read and checked with its project's settings, as every output format reads it,
//! and the counts a run adds up from each.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::sync::OnceLock;

use knowledge::{analyze, Analysis, Cache, Code, Format, Severity};

use super::inputs;
use super::lines::Lines;
use super::project::Project;

pub struct Checked<'a> {
    pub path: &'a Path,
    pub text: String,
    pub analysis: Analysis,
    /// The severity each finding is published with (the project's `severity` settings
    /// applied), index for index with `analysis.findings`.
    pub severity: Vec<Severity>,
    /// Lines and columns, built on first use: the JSON output places its ranges with the
    /// server's `LineIndex` and never needs them.
    lines: OnceLock<Lines>,
}

impl Checked<'_> {
    /// The file's lines and columns (its rope, built once).
    pub fn lines(&self) -> &Lines {
        self.lines.get_or_init(|| Lines::new(&self.text))
    }
}

/// Reads and checks one essay, or says why it cannot be checked.
pub fn check<'a>(path: &'a Path, project: &Project) -> Result<Checked<'a>, String> {
    let text = inputs::read(path)?;
    let format = Format::from_path(&path.to_string_lossy());
    // A panic in a check is caught per sentence inside the analysis; anything else going
    // wrong costs this file, not the run.
    let analysis = catch_unwind(AssertUnwindSafe(|| {
        analyze(&project.kb, &text, format, &project.rules.config, &mut Cache::default())
    }))
    .map_err(|_| "an internal error stopped the check of this file (please report it)")?;
    let severity = analysis.findings.iter().map(|f| project.rules.severity(f)).collect();
    Ok(Checked { path, text, analysis, severity, lines: OnceLock::new() })
}

pub fn code_index(c: Code) -> usize {
    Code::ALL.iter().position(|x| *x == c).unwrap_or(0)
}

pub const SEVERITIES: [Severity; 4] =
    [Severity::Error, Severity::Warning, Severity::Information, Severity::Hint];

pub fn severity_index(s: Severity) -> usize {
    SEVERITIES.iter().position(|x| *x == s).unwrap_or(0)
}

pub fn severity_name(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Information => "information",
        Severity::Hint => "hint",
    }
}

/// What a run found, added up over its files.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub files: usize,
    pub files_with_findings: usize,
    pub by_code: [usize; Code::ALL.len()],
    pub by_severity: [usize; 4],
}

impl Counts {
    pub fn of(c: &Checked) -> Counts {
        let mut n = Counts { files: 1, ..Counts::default() };
        for (f, s) in c.analysis.findings.iter().zip(&c.severity) {
            n.by_code[code_index(f.code)] += 1;
            n.by_severity[severity_index(*s)] += 1;
        }
        n.files_with_findings = usize::from(!c.analysis.findings.is_empty());
        n
    }

    pub fn add(&mut self, other: &Counts) {
        self.files += other.files;
        self.files_with_findings += other.files_with_findings;
        for (a, b) in self.by_code.iter_mut().zip(other.by_code) {
            *a += b;
        }
        for (a, b) in self.by_severity.iter_mut().zip(other.by_severity) {
            *a += b;
        }
    }

    pub fn findings(&self) -> usize {
        self.by_severity.iter().sum()
    }
}
