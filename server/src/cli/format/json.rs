//! `--format json`: one JSON document. Per file, its diagnostics exactly as the server
//! publishes them (LSP `Diagnostic`s, made by the server's own `to_proto`, ranges in UTF-16
//! code units as LSP's default encoding) and its fixes as LSP `TextEdit`s, each pointing at
//! its diagnostic by index; then the paths that could not be checked and the totals.
//!
//! ```json
//! { "positionEncoding": "utf-16",
//!   "files": [ { "path": "essay.md", "uri": "file:///…/essay.md",
//!                "diagnostics": [ { "range": …, "severity": 2, "code": "dubious-date", … } ],
//!                "fixes": [ { "diagnostic": 0, "title": "…", "isPreferred": true,
//!                             "edits": [ { "range": …, "newText": "1934" } ] } ] } ],
//!   "errors": [ { "path": "gone.md", "message": "no such file or folder" } ],
//!   "summary": { "files": 1, "findings": 1, "byCode": {…}, "bySeverity": {…} } }
//! ```

use std::path::Path;

use knowledge::Code;
use serde_json::{json, Map, Value};
use tower_lsp::lsp_types::{TextEdit, Url};

use super::{Render, RunEnd};
use crate::cli::checked::{severity_name, Checked, SEVERITIES};
use crate::lsp::to_proto;
use crate::position::{Encoding, LineIndex};

pub struct Json;

/// A quick fix as its text edits, pointing at its diagnostic by index.
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct FileFix {
    diagnostic: usize,
    title: String,
    is_preferred: bool,
    edits: Vec<TextEdit>,
}

/// The file's `file://` URI (from its absolute path), or its path as written.
pub fn file_uri(path: &Path) -> String {
    std::path::absolute(path)
        .ok()
        .and_then(|p| Url::from_file_path(p).ok())
        .map_or_else(|| path.display().to_string(), |u| u.to_string())
}

/// A fix's edit as `to_proto::fix_edit` makes it, placed with the line index the diagnostics
/// use (the same positions as the rope's, without a walk down the rope for each end).
fn fix_edit(text: &str, index: &LineIndex, fix: &knowledge::Fix) -> TextEdit {
    TextEdit {
        range: index.range(text, fix.range.clone(), Encoding::Utf16),
        new_text: to_proto::shown(&fix.replacement),
    }
}

/// Appends `value` to a list being written, one item a line.
fn item(list: &mut String, value: &impl serde::Serialize) {
    list.push_str(if list.ends_with('[') || list.is_empty() { "\n    " } else { ",\n    " });
    list.push_str(&serde_json::to_string(value).unwrap_or_default());
}

/// Ends a list opened with `[`: `]` right after it when empty, else on a line of its own.
fn close(list: &mut String) {
    list.push_str(if list.ends_with('[') { "]" } else { "\n  ]" });
}

impl Render for Json {
    fn head(&self) -> String {
        "{\n\"positionEncoding\": \"utf-16\",\n\"files\": [\n".to_string()
    }

    /// Written item by item (one diagnostic or fix a line), never as one `Value` tree: a
    /// file with many findings costs its text, not a tree of them.
    fn file(&self, c: &Checked) -> String {
        let uri_text = file_uri(c.path);
        let uri = Url::parse(&uri_text).unwrap_or_else(|_| Url::parse("file:///").expect("a URI"));
        let index = LineIndex::new(&c.text);
        let mut out = format!(
            "{{\n  \"path\": {},\n  \"uri\": {},\n  \"diagnostics\": [",
            json!(c.path.display().to_string()),
            json!(uri_text)
        );
        let mut fixes = String::new();
        for (i, (f, s)) in c.analysis.findings.iter().zip(&c.severity).enumerate() {
            let d = to_proto::diagnostic(&c.text, &index, Encoding::Utf16, &uri, f, *s);
            // The edits of the quick fixes (`to_proto::quick_fixes`), made without the code
            // actions around them (each would copy the diagnostic); its command to add a word
            // to the ignore list is no edit and is not written.
            for (k, fix) in f.fixes.iter().enumerate() {
                let fix = FileFix {
                    diagnostic: i,
                    title: to_proto::shown(&fix.title),
                    is_preferred: to_proto::preferred(f, k),
                    edits: vec![fix_edit(&c.text, &index, fix)],
                };
                item(&mut fixes, &fix);
            }
            item(&mut out, &d);
        }
        close(&mut out);
        out.push_str(",\n  \"fixes\": [");
        out.push_str(&fixes);
        close(&mut out);
        out.push_str("\n}");
        out
    }

    fn separator(&self) -> &'static str {
        ",\n"
    }

    fn tail(&self, end: &RunEnd) -> String {
        let errors: Vec<Value> = end
            .errors
            .iter()
            .map(|e| json!({"path": e.path.display().to_string(), "message": e.reason}))
            .chain(end.setup_errors.iter().map(|m| json!({"message": m})))
            .collect();
        let c = end.counts;
        let by_code: Map<String, Value> =
            Code::ALL.iter().zip(c.by_code).map(|(k, n)| (k.as_str().into(), json!(n))).collect();
        let by_severity: Map<String, Value> = SEVERITIES
            .iter()
            .zip(c.by_severity)
            .map(|(s, n)| (severity_name(*s).into(), json!(n)))
            .collect();
        let summary = json!({
            "files": c.files,
            "filesWithFindings": c.files_with_findings,
            "findings": c.findings(),
            "byCode": by_code,
            "bySeverity": by_severity,
            "errors": errors.len(),
        });
        format!(
            "\n],\n\"errors\": {},\n\"summary\": {}\n}}\n",
            serde_json::to_string_pretty(&errors).unwrap_or_default(),
            serde_json::to_string_pretty(&summary).unwrap_or_default()
        )
    }
}
