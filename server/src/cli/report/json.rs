//! `report --format json`: the report's data as one JSON document — per essay its findings by
//! code, balance, findings, and timeline (each dated claim with its verdict and the record's
//! date, each paragraph's side); the class's slips; what could not be read. Days are also
//! given as ISO dates (`"1934-12-01"`) so that a reader needs no calendar code.

use knowledge::Code;
use serde_json::{json, Map, Value};

use super::{Essay, Report};
use crate::cli::checked::{severity_name, Counts};
use crate::timeline::iso_span as span;

fn by_code(c: &Counts) -> Value {
    let m: Map<String, Value> =
        Code::ALL.iter().zip(c.by_code).map(|(k, n)| (k.as_str().to_string(), json!(n))).collect();
    Value::Object(m)
}

fn essay(e: &Essay) -> Value {
    let claims: Vec<Value> = e
        .timeline
        .claims
        .iter()
        .zip(&e.claim_text)
        .map(|(c, (written, sentence))| {
            json!({
                "written": written,
                "range": [c.range.start, c.range.end],
                "dates": span(&c.written),
                "verdict": c.verdict.as_str(),
                "record": c.record.as_ref().map(|r| json!({ "label": r.label, "dates": span(&r.span) })),
                "note": c.note,
                "paragraph": c.paragraph,
                "sentence": sentence,
            })
        })
        .collect();
    let paragraphs: Vec<Value> = e
        .timeline
        .paragraphs
        .iter()
        .map(|p| {
            json!({
                "range": [p.range.start, p.range.end],
                "continuity": p.continuity,
                "rupture": p.rupture,
                "side": p.side().map(|s| s.label()),
            })
        })
        .collect();
    let findings: Vec<Value> = e
        .findings
        .iter()
        .map(|f| {
            json!({
                "line": f.line, "column": f.column, "code": f.code.as_str(),
                "severity": severity_name(f.severity), "message": f.message, "written": f.written,
            })
        })
        .collect();
    json!({
        "path": e.path.display().to_string(),
        "words": e.words,
        "byCode": by_code(&e.counts),
        "balance": { "continuity": e.continuity, "rupture": e.rupture, "unaddressed": e.unaddressed },
        "findings": findings,
        "timeline": { "claims": claims, "paragraphs": paragraphs },
    })
}

pub fn document(r: &Report) -> String {
    let slips: Vec<Value> = r
        .slips
        .iter()
        .map(|s| {
            let paths: Vec<String> =
                s.essays.iter().map(|i| r.essays[*i].path.display().to_string()).collect();
            json!({ "code": s.code.as_str(), "message": s.message, "essays": paths })
        })
        .collect();
    let errors: Vec<Value> = r
        .errors
        .iter()
        .map(|e| json!({ "path": e.path.display().to_string(), "message": e.reason }))
        .chain(r.setup_errors.iter().map(|m| json!({ "message": m })))
        .collect();
    let doc = json!({
        "title": r.title,
        "essays": r.essays.iter().map(essay).collect::<Vec<_>>(),
        "slips": slips,
        "byCode": by_code(&r.counts),
        "errors": errors,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}
