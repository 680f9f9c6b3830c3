//! Every conversion from the analysis's plain data (byte ranges, findings, fixes, severities,
//! cards, completions, the outline, the timeline, disable comments, the ignore list's edit) to
//! LSP types. Byte offsets become positions here and nowhere else, and text that may come from
//! a pack is [`shown`] safe here.

use std::collections::HashMap;

use knowledge::base::Kind;
use knowledge::complete::Completion;
use knowledge::outline::{Entry, Kind as EntryKind};
use knowledge::text::disable::{Edit, Scope};
use knowledge::timeline::Timeline;
use knowledge::{Code, Finding, Fix, Severity};
use ropey::Rope;
use serde_json::{json, Value};
use tower_lsp::lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeLens, Command, CompletionItem,
    CompletionItemKind, CompletionTextEdit, CreateFile, CreateFileOptions, Diagnostic,
    DiagnosticRelatedInformation, DiagnosticSeverity, DocumentChangeOperation, DocumentChanges,
    DocumentSymbol, Hover, HoverContents, Location, MarkupContent, MarkupKind, NumberOrString,
    OneOf, OptionalVersionedTextDocumentIdentifier, Position, Range, ResourceOp, SymbolInformation,
    SymbolKind, TextDocumentEdit, TextEdit, Url, WorkspaceEdit,
};

use super::handlers::commands::{CMD_ADD_TO_IGNORE, CMD_SHOW_BALANCE};
use crate::position::{self, Encoding, LineIndex};
use crate::sanitize;
use crate::timeline::{claim_line, iso_span};
use crate::workspace::IgnoreEdit;

/// Text for the client, without control or direction characters (packs are not trusted).
pub fn shown(text: &str) -> String {
    sanitize::clean(text).into_owned()
}

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
///
/// A note about the flagged text itself (a related note without a range of its own: a
/// counterpoint's evidence and source, a figure's sources) is a line of the message, as
/// rust-analyzer does with a compiler note that has no place of its own; `relatedInformation`
/// holds only notes about another place. A note pointing back at its own diagnostic shows as a
/// link to where the reader already is, Neovim (0.11) shows no related information at all, and
/// each such note would cost every message a location (the URI and a range again) and five
/// JSON objects for the client to parse: in a big essay, over a quarter of the message's bytes
/// and more than half of its objects.
///
/// It carries no `data`: a code action is answered from the server's own findings (the word
/// to ignore included), never from what the client sends back.
pub fn diagnostic(
    text: &str,
    lines: &LineIndex,
    enc: Encoding,
    uri: &Url,
    f: &Finding,
    published: Severity,
) -> Diagnostic {
    let mut message = shown(&f.message);
    let mut related = Vec::new();
    for r in &f.related {
        match &r.range {
            None => {
                message.push('\n');
                message.push_str(&sanitize::clean(&r.message));
            }
            Some(range) => related.push(DiagnosticRelatedInformation {
                location: Location {
                    uri: uri.clone(),
                    range: lines.range(text, range.clone(), enc),
                },
                message: shown(&r.message),
            }),
        }
    }
    Diagnostic {
        range: lines.range(text, f.range.clone(), enc),
        severity: Some(severity(published)),
        code: Some(NumberOrString::String(f.code.as_str().into())),
        source: Some("clio".into()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        ..Default::default()
    }
}

/// The `textDocument/publishDiagnostics` notification for `uri`, encoded: the diagnostics come
/// encoded each on its own (a document's diagnostics are kept encoded, see `reuse.rs`), so
/// publishing them copies bytes, with no `Value` tree in between.
pub fn publish_diagnostics<'a>(
    uri: &Url,
    diagnostics: impl IntoIterator<Item = &'a [u8], IntoIter: Clone>,
    version: Option<i32>,
) -> Vec<u8> {
    let diagnostics = diagnostics.into_iter();
    // Sized once: a big document's message is several hundred KB.
    let size: usize = diagnostics.clone().map(|d| d.len() + 1).sum();
    let mut out = Vec::with_capacity(size + uri.as_str().len() + 256);
    out.extend_from_slice(br#"{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","#);
    out.extend_from_slice(br#""params":{"uri":"#);
    out.extend_from_slice(json!(uri.as_str()).to_string().as_bytes());
    out.extend_from_slice(br#","diagnostics":["#);
    for (i, d) in diagnostics.into_iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(d);
    }
    out.push(b']');
    if let Some(v) = version {
        out.extend_from_slice(format!(r#","version":{v}"#).as_bytes());
    }
    out.extend_from_slice(b"}}");
    out
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
        .map(|(i, fix)| replacement(rope, enc, uri, fix, diag, preferred(f, i)))
        .collect();
    if let Some(word) = &f.word {
        out.push(CodeActionOrCommand::CodeAction(CodeAction {
            title: shown(&format!("Add “{word}” to Clio's ignore list (.clio/ignore.txt)")),
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![diag.clone()]),
            command: Some(Command {
                title: "Add to ignore list".into(),
                command: CMD_ADD_TO_IGNORE.into(),
                arguments: Some(vec![json!(&**word), json!(uri.as_str())]),
            }),
            ..Default::default()
        }));
    }
    out
}

/// Is the `i`th fix of `f` the one to prefer? The first, unless the finding is a counterargument
/// (whose fixes are suggestions, none better than another).
pub fn preferred(f: &Finding, i: usize) -> bool {
    i == 0 && f.code != Code::Counterargument
}

/// The text edit of a fix, as its quick fix (`quick_fixes`) makes it.
pub fn fix_edit(rope: &Rope, enc: Encoding, fix: &Fix) -> TextEdit {
    TextEdit { range: range(rope, fix.range.clone(), enc), new_text: shown(&fix.replacement) }
}

fn replacement(
    rope: &Rope,
    enc: Encoding,
    uri: &Url,
    fix: &Fix,
    diag: &Diagnostic,
    preferred: bool,
) -> CodeActionOrCommand {
    let edit = fix_edit(rope, enc, fix);
    CodeActionOrCommand::CodeAction(CodeAction {
        title: shown(&fix.title),
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

/// The quick fix that inserts a `clio-disable` comment for `f`'s code (`edit`, from the
/// analysis), for its line or for the whole document. Never preferred: a correction is.
pub fn disable_action(
    rope: &Rope,
    enc: Encoding,
    uri: &Url,
    f: &Finding,
    diag: &Diagnostic,
    scope: Scope,
    edit: Edit,
) -> CodeActionOrCommand {
    let what = match scope {
        Scope::Line => "line",
        Scope::File => "file",
    };
    let title = format!("Don't check this {what} for {}", f.code.as_str());
    let fix = Fix { title: title.into(), range: edit.range, replacement: edit.text.into() };
    replacement(rope, enc, uri, &fix, diag, false)
}

/// The outline as nested document symbols: a heading is a namespace holding its section; a
/// paragraph is a string named by the side and themes it argues, its claims counted in the
/// detail.
pub fn symbols(rope: &Rope, enc: Encoding, entries: &[Entry]) -> Vec<DocumentSymbol> {
    entries
        .iter()
        .map(|e| {
            let (kind, detail) = match &e.kind {
                EntryKind::Heading { level } => (SymbolKind::NAMESPACE, format!("heading {level}")),
                EntryKind::Paragraph { argues } => {
                    let (c, r) = (argues.continuity, argues.rupture);
                    let detail = match (c, r) {
                        (0, 0) => "no claim".to_string(),
                        _ => format!("{c} for continuity, {r} for rupture"),
                    };
                    (SymbolKind::STRING, detail)
                }
            };
            let children = symbols(rope, enc, &e.children);
            #[allow(deprecated)]
            DocumentSymbol {
                name: shown(if e.name.is_empty() { "…" } else { &e.name }),
                detail: Some(detail),
                kind,
                tags: None,
                deprecated: None,
                range: range(rope, e.range.clone(), enc),
                selection_range: range(rope, e.selection.clone(), enc),
                children: (!children.is_empty()).then_some(children),
            }
        })
        .collect()
}

/// Nested symbols as a flat list in document order, for a client that takes no other: each
/// names the heading it is under.
pub fn flat_symbols(uri: &Url, nested: Vec<DocumentSymbol>) -> Vec<SymbolInformation> {
    fn walk(
        uri: &Url,
        list: Vec<DocumentSymbol>,
        container: Option<&str>,
        out: &mut Vec<SymbolInformation>,
    ) {
        for s in list {
            #[allow(deprecated)]
            out.push(SymbolInformation {
                name: s.name.clone(),
                kind: s.kind,
                tags: None,
                deprecated: None,
                location: Location { uri: uri.clone(), range: s.range },
                container_name: container.map(str::to_string),
            });
            walk(uri, s.children.unwrap_or_default(), Some(&s.name), out);
        }
    }
    let mut out = Vec::new();
    walk(uri, nested, None, &mut out);
    out
}

pub fn hover(rope: &Rope, enc: Encoding, h: knowledge::hover::Hover) -> Hover {
    Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: shown(&h.markdown),
        }),
        range: Some(range(rope, h.range, enc)),
    }
}

/// A completion that replaces the word being typed (`typed`) with the canonical spelling.
pub fn completion(c: Completion, typed: Range) -> CompletionItem {
    let label = shown(&c.label);
    CompletionItem {
        label: label.clone(),
        detail: Some(shown(&c.detail)),
        kind: Some(match c.kind {
            Kind::Person => CompletionItemKind::CONSTANT,
            Kind::Body => CompletionItemKind::MODULE,
            Kind::Term => CompletionItemKind::TEXT,
            Kind::Event => CompletionItemKind::EVENT,
            Kind::Place => CompletionItemKind::VALUE,
            Kind::Document => CompletionItemKind::FILE,
        }),
        text_edit: Some(CompletionTextEdit::Edit(TextEdit { range: typed, new_text: label })),
        ..Default::default()
    }
}

/// The balance lens at the top of the document; it runs the show-balance command.
pub fn balance_lens(title: String, uri: &Url) -> CodeLens {
    CodeLens {
        range: Range::new(Position::new(0, 0), Position::new(0, 0)),
        command: Some(Command {
            title: shown(&title),
            command: CMD_SHOW_BALANCE.into(),
            arguments: Some(vec![json!(uri.as_str())]),
        }),
        data: None,
    }
}

/// The balance for a client's own view: the message, and the counts and open counterpoints it
/// sums up (their text from the base, made safe). Returns the message too, for the toast.
pub fn balance(
    message: String,
    (continuity, rupture, open): (usize, usize, Vec<(String, String, &'static str)>),
) -> (String, serde_json::Value) {
    let open: Vec<serde_json::Value> = open
        .iter()
        .map(|(claim, theme, side)| json!({ "claim": shown(claim), "theme": shown(theme), "side": side }))
        .collect();
    let value =
        json!({ "message": message, "continuity": continuity, "rupture": rupture, "open": open });
    (message, value)
}

/// The `clio.timeline` answer: the timeline `svg` as the class report draws it, and the same
/// data for a client's own list: each dated claim as a point (`id` is its mark's `data-point`;
/// its line of words; where the date and its sentence are; the written and recorded dates; the
/// verdict), and each paragraph with the side it argues. `text` is the document's text.
pub fn timeline(rope: &Rope, enc: Encoding, text: &str, t: &Timeline, svg: String) -> Value {
    let points: Vec<Value> = t
        .claims
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let written = text.get(c.range.clone()).unwrap_or("");
            json!({
                "id": i.to_string(),
                "label": shown(&claim_line(c, written)),
                "written": shown(written),
                "range": range(rope, c.range.clone(), enc),
                "sentence": range(rope, c.sentence.clone(), enc),
                "paragraph": c.paragraph,
                "dates": iso_span(&c.written),
                "verdict": c.verdict.as_str(),
                "record": c.record.as_ref().map(|r| json!({ "label": shown(&r.label), "dates": iso_span(&r.span) })),
                "note": c.note.as_deref().map(shown),
            })
        })
        .collect();
    let paragraphs: Vec<Value> = t
        .paragraphs
        .iter()
        .map(|p| {
            json!({
                "range": range(rope, p.range.clone(), enc),
                "side": p.side().map(|s| s.label()),
                "continuity": p.continuity,
                "rupture": p.rupture,
            })
        })
        .collect();
    json!({ "svg": svg, "points": points, "paragraphs": paragraphs })
}

/// The edit adding a word to an ignore list, as the client applies it: creating the file when
/// needed (only where the client can create files), else inserting at its end. `None` when
/// there is nothing to change.
pub fn ignore_edit(plan: &IgnoreEdit, enc: Encoding, create_files: bool) -> Option<WorkspaceEdit> {
    let (file, at, text, create) = match plan {
        IgnoreEdit::Listed => return None,
        IgnoreEdit::Create { file, text } => (file, Position::new(0, 0), text, true),
        IgnoreEdit::Append { file, line, last_line, text } => {
            let column = match enc {
                Encoding::Utf8 => last_line.len(),
                Encoding::Utf16 => last_line.encode_utf16().count(),
            };
            (file, Position::new(*line, column as u32), text, false)
        }
    };
    let uri = Url::from_file_path(file).ok()?;
    let insert = TextEdit { range: Range::new(at, at), new_text: text.clone() };
    if !create_files {
        return Some(WorkspaceEdit {
            changes: Some(HashMap::from([(uri, vec![insert])])),
            ..Default::default()
        });
    }
    let mut ops = Vec::new();
    if create {
        ops.push(DocumentChangeOperation::Op(ResourceOp::Create(CreateFile {
            uri: uri.clone(),
            options: Some(CreateFileOptions {
                overwrite: Some(false),
                ignore_if_exists: Some(true),
            }),
            annotation_id: None,
        })));
    }
    ops.push(DocumentChangeOperation::Edit(TextDocumentEdit {
        text_document: OptionalVersionedTextDocumentIdentifier { uri, version: None },
        edits: vec![OneOf::Left(insert)],
    }));
    Some(WorkspaceEdit {
        document_changes: Some(DocumentChanges::Operations(ops)),
        ..Default::default()
    })
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
        let diag = diagnostic(text, &LineIndex::new(text), Encoding::Utf16, &uri, f, f.severity);
        listed(&quick_fixes(&rope, Encoding::Utf16, &uri, f, &diag))
    }

    fn fix(title: &str, range: std::ops::Range<usize>, replacement: &str) -> Fix {
        Fix { title: title.into(), range, replacement: replacement.into() }
    }

    #[test]
    fn a_finding_becomes_a_diagnostic_in_utf16_columns_with_its_published_severity() {
        let text = "“Kirov” — and Stallin.";
        let uri = Url::parse("file:///essay.md").expect("a file URI");
        let name = text.find("Stallin").expect("the name");
        let mut f = Finding::new(Code::MisspelledName, name..name + 7, "Stalin?".into());
        f.word = Some("Stallin".into());
        f.related = vec![knowledge::Related { message: "Joseph Stalin".into(), range: None }];
        let d = diagnostic(text, &LineIndex::new(text), Encoding::Utf16, &uri, &f, Severity::Error);
        let json = serde_json::to_string(&d).expect("serialisable");
        expect![[r#"{"range":{"start":{"line":0,"character":14},"end":{"line":0,"character":21}},"severity":1,"code":"misspelled-name","source":"clio","message":"Stalin?\nJoseph Stalin"}"#]]
        .assert_eq(&json);
    }

    #[test]
    fn notes_about_the_flagged_text_are_lines_of_the_message_and_notes_elsewhere_are_related() {
        let text = "Kirov was shot in 1931.\n\nHe was shot in 1934.";
        let uri = Url::parse("file:///essay.md").expect("a file URI");
        let mut f = Finding::new(Code::DubiousDate, 18..22, "Kirov was shot in 1934".into());
        let later = text.rfind("1934").expect("the later year");
        f.related = vec![
            knowledge::Related { message: "Source: essay 000".into(), range: None },
            knowledge::Related { message: "As written here".into(), range: Some(later..later + 4) },
            knowledge::Related { message: "Evidence:\u{202E} the\u{0} record".into(), range: None },
        ];
        let d = diagnostic(text, &LineIndex::new(text), Encoding::Utf16, &uri, &f, f.severity);
        let json = serde_json::to_string_pretty(&(&d.message, &d.related_information))
            .expect("serialisable");
        expect![[r#"
            [
              "Kirov was shot in 1934\nSource: essay 000\nEvidence: the record",
              [
                {
                  "location": {
                    "uri": "file:///essay.md",
                    "range": {
                      "start": {
                        "line": 2,
                        "character": 15
                      },
                      "end": {
                        "line": 2,
                        "character": 19
                      }
                    }
                  },
                  "message": "As written here"
                }
              ]
            ]"#]]
        .assert_eq(&json);
    }

    #[test]
    fn diagnostics_are_published_as_tower_lsp_would_send_them() {
        use tower_lsp::lsp_types::PublishDiagnosticsParams;
        let text = "Kirov was shot in 1931.";
        let uri = Url::parse("file:///essay.md").expect("a file URI");
        let f = Finding::new(Code::DubiousDate, 18..22, "Kirov was shot in 1934".into());
        let d =
            vec![diagnostic(text, &LineIndex::new(text), Encoding::Utf16, &uri, &f, f.severity)];
        for (diagnostics, version) in [(d, Some(7)), (Vec::new(), None)] {
            let encoded: Vec<Vec<u8>> =
                diagnostics.iter().map(|d| serde_json::to_vec(d).expect("JSON")).collect();
            let body = publish_diagnostics(&uri, encoded.iter().map(|e| &e[..]), version);
            let sent: serde_json::Value = serde_json::from_slice(&body).expect("JSON");
            let params = PublishDiagnosticsParams::new(uri.clone(), diagnostics, version);
            let expected = json!({
                "jsonrpc": "2.0",
                "method": "textDocument/publishDiagnostics",
                "params": serde_json::to_value(params).expect("serialisable"),
            });
            assert_eq!(sent, expected);
        }
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

    #[test]
    fn a_finding_can_be_silenced_for_its_line_or_its_file_never_preferred() {
        use knowledge::text::{disable, prose, Format};
        let text = "---\ntitle: Kirov\n---\nKirov was murdered in 1931.\n";
        let at = text.find("1931").expect("the year");
        let f = Finding::new(Code::DubiousDate, at..at + 4, "Kirov was murdered in 1934".into());
        let rope = Rope::from_str(text);
        let uri = Url::parse("file:///essay.md").expect("a file URI");
        let diag = diagnostic(text, &LineIndex::new(text), Encoding::Utf16, &uri, &f, f.severity);
        let p = prose(text, Format::Markdown);
        let actions: Vec<CodeActionOrCommand> = [Scope::Line, Scope::File]
            .into_iter()
            .map(|scope| {
                let edit =
                    disable::disable_comment(text, &p, Format::Markdown, at, "dubious-date", scope);
                disable_action(&rope, Encoding::Utf16, &uri, &f, &diag, scope, edit)
            })
            .collect();
        expect![[r#"
            Don't check this line for dubious-date -> "<!-- clio-disable-next-line dubious-date -->\n"
            Don't check this file for dubious-date -> "<!-- clio-disable dubious-date -->\n"
        "#]]
        .assert_eq(&listed(&actions));
        // The file's comment goes after the front matter, the line's on the line before: both
        // at the start of line 3 (0-based), where the essay's text begins.
        for a in &actions {
            let CodeActionOrCommand::CodeAction(a) = a else { panic!("a bare command") };
            let edits = a.edit.as_ref().and_then(|e| e.changes.as_ref()).expect("an edit");
            let start = edits[&uri][0].range.start;
            assert_eq!((start.line, start.character), (3, 0), "{}", a.title);
        }
    }
}
