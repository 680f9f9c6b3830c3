//! What a check reports: a finding with its code, severity, quick fixes and related notes, in
//! byte ranges. A leaf: the checks and the runner both import it, and it imports nothing of
//! theirs. Each code's name, setting and default severity are declared by the check that
//! reports it (`CodeSpec`, in the check's descriptor); `checks` looks them up by code.

use std::ops::Range;
use std::sync::Arc;

/// A finding's text (its message, a fix's title and replacement, a related note): shared, not
/// copied, when a keystroke moves every finding of a long document into its new analysis.
pub type Text = Arc<str>;

/// The diagnostic codes editors, the CLI and the evaluation rely on. The order is the order of
/// findings that start at the same place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Code {
    DubiousDate,
    DubiousFigure,
    ContestedFigure,
    Anachronism,
    MisspelledName,
    Counterargument,
    NotChecked,
}

impl Code {
    /// Every code; a test holds it equal to the codes the registered checks declare.
    pub const ALL: [Code; 7] = [
        Code::DubiousDate,
        Code::DubiousFigure,
        Code::ContestedFigure,
        Code::Anachronism,
        Code::MisspelledName,
        Code::Counterargument,
        Code::NotChecked,
    ];
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Severity {
    Error,
    Warning,
    Information,
    Hint,
}

/// One code as its check declares it: what editors, settings and the CLI call it.
#[derive(Debug)]
pub struct CodeSpec {
    pub code: Code,
    /// The diagnostic code: "dubious-date".
    pub name: &'static str,
    /// The camel-case key of its `clio.checks.*` and `clio.severity.*` settings: "dubiousDate".
    pub setting: &'static str,
    /// The severity a finding has unless the check or the runner says otherwise (a quotation
    /// lowers a warning to information).
    pub severity: Severity,
    /// What it flags, in one paragraph: the editors' setting descriptions repeat it.
    pub description: &'static str,
}

impl CodeSpec {
    /// A finding of this code, at its default severity.
    pub fn finding(&self, range: Range<usize>, message: impl Into<Text>) -> Finding {
        Finding {
            range,
            code: self.code,
            severity: self.severity,
            message: message.into(),
            fixes: Vec::new(),
            related: Vec::new(),
            quoted: false,
            word: None,
            entry: None,
        }
    }
}

/// A replacement the student can apply.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub title: Text,
    pub range: Range<usize>,
    pub replacement: Text,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Related {
    pub message: Text,
    pub range: Option<Range<usize>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub range: Range<usize>,
    pub code: Code,
    pub severity: Severity,
    pub message: Text,
    pub fixes: Vec<Fix>,
    pub related: Vec<Related>,
    /// The flagged text is inside a quotation: attributed to someone else.
    pub quoted: bool,
    /// For misspelled names: the word as written (for "add to ignore list").
    pub word: Option<Text>,
    /// The base entry (an index into `KnowledgeBase::entries`) whose record the message states:
    /// what a test holds every dated message to.
    pub entry: Option<usize>,
}

impl Finding {
    /// The finding with every range moved from an origin at `from` to one at `to` (ranges are
    /// never before `from`).
    pub(crate) fn rebased(&self, from: usize, to: usize) -> Finding {
        let moved = |r: &Range<usize>| r.start - from + to..r.end - from + to;
        let mut f = self.clone();
        f.range = moved(&f.range);
        for x in &mut f.fixes {
            x.range = moved(&x.range);
        }
        for r in &mut f.related {
            r.range = r.range.as_ref().map(moved);
        }
        f
    }
}
