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
