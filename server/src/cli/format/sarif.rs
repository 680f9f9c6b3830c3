//! `--format sarif`: a SARIF 2.1.0 log with one run, which code-scanning services read. Each
//! check is a rule; each finding a result with its region (1-based lines, columns in
//! characters: `columnKind` is `unicodeCodePoints`) and its quick fixes as SARIF fixes; paths
//! that could not be checked become error notifications of the run's invocation. Relative
//! paths stay relative to `%SRCROOT%` (the folder the command ran in).

use std::path::Path;

use knowledge::{Code, Finding, Severity};
use serde_json::{json, Value};

use super::json::file_uri;
use super::{slash_path, Render, RunEnd};
use crate::cli::checked::Checked;

pub struct Sarif;

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// What each check flags, for the rule list.
pub fn describe(code: Code) -> &'static str {
    match code {
        Code::DubiousDate => "A date that conflicts with the fact base's date for the same event",
        Code::DubiousFigure => "A figure far from what the sources record",
        Code::ContestedFigure => "A figure the sources dispute: say whose estimate it is",
        Code::Anachronism => "A name, title or term used before (or after) its time",
        Code::MisspelledName => "A name that looks like a misspelling of one in the fact base",
        Code::Counterargument => "A claim with a strong counterpoint the essay does not address",
        Code::NotChecked => {
            "Text left unchecked: a sentence too long to check, or findings over the cap"
        }
    }
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Information | Severity::Hint => "note",
    }
}

/// Percent-encodes what a URI reference may not hold, keeping `/`.
fn encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The artifact location of a path: relative to `%SRCROOT%`, or a `file://` URI.
pub fn location(path: &Path) -> Value {
    if path.is_absolute() {
        json!({ "uri": file_uri(path) })
    } else {
        json!({ "uri": encode(&slash_path(path)), "uriBaseId": "%SRCROOT%" })
    }
}

fn region(c: &Checked, r: &std::ops::Range<usize>) -> Value {
    let (a, b) = (c.lines().pos(r.start), c.lines().pos(r.end));
    json!({ "startLine": a.line, "startColumn": a.column, "endLine": b.line, "endColumn": b.column })
}

fn result(c: &Checked, f: &Finding, s: Severity) -> Value {
    let artifact = location(c.path);
    let fixes: Vec<Value> = f
        .fixes
        .iter()
        .map(|x| {
            json!({
                "description": { "text": &*x.title },
                "artifactChanges": [{
                    "artifactLocation": artifact,
                    "replacements": [{
                        "deletedRegion": region(c, &x.range),
                        "insertedContent": { "text": &*x.replacement },
                    }],
                }],
            })
        })
        .collect();
    let mut r = json!({
        "ruleId": f.code.as_str(),
        "ruleIndex": Code::ALL.iter().position(|x| *x == f.code).unwrap_or(0),
        "level": level(s),
        "message": { "text": &*f.message },
        "locations": [{
            "physicalLocation": { "artifactLocation": artifact, "region": region(c, &f.range) },
        }],
    });
    if !fixes.is_empty() {
        r["fixes"] = Value::Array(fixes);
    }
    r
}

impl Render for Sarif {
    fn head(&self) -> String {
        let rules: Vec<Value> = Code::ALL
            .iter()
            .map(|c| {
                json!({
                    "id": c.as_str(),
                    "name": c.setting(),
                    "shortDescription": { "text": describe(*c) },
                    "defaultConfiguration": { "level": level(c.default_severity()) },
                })
            })
            .collect();
        let driver = json!({
            "name": "clio-ls",
            "version": env!("CARGO_PKG_VERSION"),
            "rules": rules,
        });
        let root = std::env::current_dir()
            .ok()
            .and_then(|d| tower_lsp::lsp_types::Url::from_directory_path(d).ok())
            .map_or_else(|| "file:///".to_string(), |u| u.to_string());
        format!(
            "{{\n\"$schema\": \"{SCHEMA}\",\n\"version\": \"2.1.0\",\n\"runs\": [{{\n\
             \"tool\": {{ \"driver\": {} }},\n\"columnKind\": \"unicodeCodePoints\",\n\
             \"originalUriBaseIds\": {{ \"%SRCROOT%\": {{ \"uri\": {} }} }},\n\"results\": [\n",
            serde_json::to_string(&driver).unwrap_or_default(),
            json!(root)
        )
    }

    fn file(&self, c: &Checked) -> String {
        let results: Vec<String> = c
            .analysis
            .findings
            .iter()
            .zip(&c.severity)
            .map(|(f, s)| serde_json::to_string(&result(c, f, *s)).unwrap_or_default())
            .collect();
        results.join(",\n")
    }

    fn separator(&self) -> &'static str {
        ",\n"
    }

    fn tail(&self, end: &RunEnd) -> String {
        let notifications: Vec<Value> = end
            .errors
            .iter()
            .map(|e| {
                json!({
                    "level": "error",
                    "message": { "text": e.reason },
                    "locations": [{ "physicalLocation": { "artifactLocation": location(&e.path) } }],
                })
            })
            .chain(
                end.setup_errors
                    .iter()
                    .map(|m| json!({ "level": "error", "message": { "text": m } })),
            )
            .collect();
        let invocation = json!({
            "executionSuccessful": notifications.is_empty(),
            "toolExecutionNotifications": notifications,
        });
        format!(
            "\n],\n\"invocations\": [{}]\n}}]\n}}\n",
            serde_json::to_string(&invocation).unwrap_or_default()
        )
    }
}
