//! Test support shared by the checks' tests: the embedded fact base, and a text rendered with
//! its findings marked in place, which each check's `check()` helper compares with the fixture.

use std::sync::OnceLock;

use crate::analysis::analyze_block;
use crate::config::Config;
use crate::finding::Finding;
use crate::prepared::Prepared;

/// The default fact base, prepared, loaded once for all tests.
pub(crate) fn kb() -> &'static Prepared {
    static KB: OnceLock<Prepared> = OnceLock::new();
    KB.get_or_init(Prepared::embedded)
}
/// Analyses `text` as one block and returns it with each finding that `mark` picks wrapped in
/// the returned brackets (`("[?", "]")`, say), and one line per such finding:
/// `message -> fix | fix`.
pub(crate) fn marked(
    text: &str,
    config: &Config,
    mark: impl Fn(&Finding) -> Option<(&'static str, &'static str)>,
) -> (String, String) {
    let mut res = analyze_block(kb(), text, config);
    res.findings.sort_by_key(|f| f.range.start);
    let mut out = String::new();
    let mut last = 0;
    let mut notes = Vec::new();
    for f in &res.findings {
        let Some((open, close)) = mark(f) else { continue };
        out.push_str(&text[last..f.range.start]);
        out.push_str(&format!("{open}{}{close}", &text[f.range.clone()]));
        last = f.range.end;
        let fixes: Vec<&str> = f.fixes.iter().map(|x| &*x.replacement).collect();
        notes.push(format!("{} -> {}", f.message, fixes.join(" | ")));
    }
    out.push_str(&text[last..]);
    (out, notes.join("\n"))
}

/// The marked text followed by the notes, one string for an `expect!` snapshot.
pub(crate) fn marked_with_notes(
    text: &str,
    config: &Config,
    mark: impl Fn(&Finding) -> Option<(&'static str, &'static str)>,
) -> String {
    let (out, notes) = marked(text, config, mark);
    if notes.is_empty() {
        out
    } else {
        format!("{out}\n{notes}")
    }
}
