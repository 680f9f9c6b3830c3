//! Every conversion from the analysis's plain data (byte ranges, findings, fixes, severities,
//! cards, completions) to LSP types. Byte offsets become positions here and nowhere else.

use std::collections::HashMap;

use knowledge::base::Kind;
use knowledge::complete::Completion;
use knowledge::{Code, Finding, Fix, Severity};
use ropey::Rope;
use serde_json::json;
use tower_lsp::lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeLens, Command, CompletionItem,
    CompletionItemKind, CompletionTextEdit, Diagnostic, DiagnosticRelatedInformation,
    DiagnosticSeverity, Hover, HoverContents, Location, MarkupContent, MarkupKind, NumberOrString,
    Position, Range, TextEdit, Url, WorkspaceEdit,
};

use super::handlers::commands::{CMD_ADD_TO_IGNORE, CMD_SHOW_BALANCE};
use crate::position::{self, Encoding};

pub fn range(rope: &Rope, bytes: std::ops::Range<usize>, enc: Encoding) -> Range {
    position::range(rope, bytes, enc)
}

pub fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Information => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}

/// A finding as a diagnostic, published with `published` (the setting's or its own severity).
pub fn diagnostic(
    rope: &Rope,
    enc: Encoding,
    uri: &Url,
    f: &Finding,
    published: Severity,
) -> Diagnostic {
    let related: Vec<DiagnosticRelatedInformation> = f
        .related
        .iter()
        .map(|r| DiagnosticRelatedInformation {
            location: Location {
                uri: uri.clone(),
                range: range(rope, r.range.clone().unwrap_or(f.range.clone()), enc),
            },
            message: r.message.clone(),
        })
        .collect();
    Diagnostic {
        range: range(rope, f.range.clone(), enc),
        severity: Some(severity(published)),
        code: Some(NumberOrString::String(f.code.as_str().into())),
        source: Some("clio".into()),
        message: f.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        data: f.word.as_ref().map(|w| json!({ "word": w })),
        ..Default::default()
    }
}

/// The quick fixes for a finding published as `diag`: each replacement (the first preferred,
/// except for counterarguments, which offer wordings rather than corrections), then "add to
/// the ignore list" for a word.
pub fn quick_fixes(
    rope: &Rope,
    enc: Encoding,
    uri: &Url,
    f: &Finding,
    diag: &Diagnostic,
) -> Vec<CodeActionOrCommand> {
    let mut out: Vec<CodeActionOrCommand> = f
        .fixes
        .iter()
        .enumerate()
        .map(|(i, fix)| {
            let preferred = i == 0 && f.code != Code::Counterargument;
            replacement(rope, enc, uri, fix, diag, preferred)
        })
        .collect();
    if let Some(word) = &f.word {
        out.push(CodeActionOrCommand::CodeAction(CodeAction {
            title: format!("Add “{word}” to Clio's ignore list (.clio/ignore.txt)"),
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![diag.clone()]),
            command: Some(Command {
                title: "Add to ignore list".into(),
                command: CMD_ADD_TO_IGNORE.into(),
                arguments: Some(vec![json!(word), json!(uri.as_str())]),
            }),
            ..Default::default()
        }));
    }
    out
}

fn replacement(
    rope: &Rope,
    enc: Encoding,
    uri: &Url,
    fix: &Fix,
    diag: &Diagnostic,
    preferred: bool,
) -> CodeActionOrCommand {
    let edit =
        TextEdit { range: range(rope, fix.range.clone(), enc), new_text: fix.replacement.clone() };
    CodeActionOrCommand::CodeAction(CodeAction {
        title: fix.title.clone(),
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diag.clone()]),
        edit: Some(WorkspaceEdit {
            changes: Some(HashMap::from([(uri.clone(), vec![edit])])),
            ..Default::default()
        }),
        is_preferred: Some(preferred),
        ..Default::default()
    })
}

pub fn hover(rope: &Rope, enc: Encoding, h: knowledge::hover::Hover) -> Hover {
    Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: h.markdown,
        }),
        range: Some(range(rope, h.range, enc)),
    }
}

/// A completion that replaces the word being typed (`typed`) with the canonical spelling.
pub fn completion(c: Completion, typed: Range) -> CompletionItem {
    CompletionItem {
        label: c.label.clone(),
        detail: Some(c.detail),
        kind: Some(match c.kind {
            Kind::Person => CompletionItemKind::CONSTANT,
            Kind::Body => CompletionItemKind::MODULE,
            Kind::Term => CompletionItemKind::TEXT,
            Kind::Event => CompletionItemKind::EVENT,
            Kind::Place => CompletionItemKind::VALUE,
            Kind::Document => CompletionItemKind::FILE,
        }),
        text_edit: Some(CompletionTextEdit::Edit(TextEdit { range: typed, new_text: c.label })),
        ..Default::default()
    }
}

/// The balance lens at the top of the document; it runs the show-balance command.
pub fn balance_lens(title: String, uri: &Url) -> CodeLens {
    CodeLens {
        range: Range::new(Position::new(0, 0), Position::new(0, 0)),
        command: Some(Command {
            title,
            command: CMD_SHOW_BALANCE.into(),
            arguments: Some(vec![json!(uri.as_str())]),
        }),
        data: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::expect;

    /// Each action as "title [preferred] -> new text or command", one a line.
    fn listed(actions: &[CodeActionOrCommand]) -> String {
        let mut out = String::new();
        for a in actions {
            let CodeActionOrCommand::CodeAction(a) = a else { panic!("a bare command: {a:?}") };
            let preferred = if a.is_preferred == Some(true) { " [preferred]" } else { "" };
            let target = match (&a.edit, &a.command) {
                (Some(e), _) => {
                    let edits: Vec<&TextEdit> =
                        e.changes.iter().flat_map(|c| c.values()).flatten().collect();
                    edits.iter().map(|t| format!("{:?}", t.new_text)).collect::<Vec<_>>().join(", ")
                }
                (None, Some(c)) => c.command.clone(),
                (None, None) => "nothing".into(),
            };
            out.push_str(&format!("{}{preferred} -> {target}\n", a.title));
        }
        out
    }

    fn fixes_for(text: &str, f: &Finding) -> String {
        let rope = Rope::from_str(text);
        let uri = Url::parse("file:///essay.md").expect("a file URI");
        let diag = diagnostic(&rope, Encoding::Utf16, &uri, f, f.severity);
        listed(&quick_fixes(&rope, Encoding::Utf16, &uri, f, &diag))
    }

    fn fix(title: &str, range: std::ops::Range<usize>, replacement: &str) -> Fix {
        Fix { title: title.into(), range, replacement: replacement.into() }
    }

    #[test]
    fn a_finding_becomes_a_diagnostic_in_utf16_columns_with_its_published_severity() {
        let text = "“Kirov” — and Stallin.";
        let rope = Rope::from_str(text);
        let uri = Url::parse("file:///essay.md").expect("a file URI");
        let name = text.find("Stallin").expect("the name");
        let mut f = Finding::new(Code::MisspelledName, name..name + 7, "Stalin?".into());
        f.word = Some("Stallin".into());
        f.related = vec![knowledge::Related { message: "Joseph Stalin".into(), range: None }];
        let d = diagnostic(&rope, Encoding::Utf16, &uri, &f, Severity::Error);
        let json = serde_json::to_string(&d).expect("serialisable");
        expect![[r#"{"range":{"start":{"line":0,"character":14},"end":{"line":0,"character":21}},"severity":1,"code":"misspelled-name","source":"clio","message":"Stalin?","relatedInformation":[{"location":{"uri":"file:///essay.md","range":{"start":{"line":0,"character":14},"end":{"line":0,"character":21}}},"message":"Joseph Stalin"}],"data":{"word":"Stallin"}}"#]]
        .assert_eq(&json);
    }

    #[test]
    fn the_first_correction_is_preferred() {
        let text = "Kirov was shot in 1931.";
        let mut f = Finding::new(Code::DubiousDate, 18..22, "Kirov was shot in 1934".into());
        f.fixes = vec![fix("Change to 1934", 18..22, "1934"), fix("Hedge", 18..22, "c. 1931")];
        expect![[r#"
            Change to 1934 [preferred] -> "1934"
            Hedge -> "c. 1931"
        "#]]
        .assert_eq(&fixes_for(text, &f));
    }

    #[test]
    fn a_counterargument_offers_wordings_none_preferred() {
        let text = "Lenin's terror made Stalin's terror inevitable.";
        let mut f = Finding::new(Code::Counterargument, 0..47, "One-sided".into());
        f.fixes = vec![fix("Concede the difference in scale", 47..47, " Yet ...")];
        expect![[r#"
            Concede the difference in scale -> " Yet ..."
        "#]]
        .assert_eq(&fixes_for(text, &f));
    }

    #[test]
    fn a_name_can_be_corrected_or_ignored() {
        let text = "Stallin outlived his rivals.";
        let mut f = Finding::new(Code::MisspelledName, 0..7, "Did you mean Stalin?".into());
        f.fixes = vec![fix("Change to Stalin", 0..7, "Stalin")];
        f.word = Some("Stallin".into());
        expect![[r#"
            Change to Stalin [preferred] -> "Stalin"
            Add “Stallin” to Clio's ignore list (.clio/ignore.txt) -> clio.addToIgnore
        "#]]
        .assert_eq(&fixes_for(text, &f));
    }
}
