//! The essay's outline (`textDocument/documentSymbol`) as an editor's Outline view shows it:
//! the headings nested by level, and under each the paragraphs of its section, each named by
//! the side of the debate it argues and its themes.

use clio_e2e::*;
use expect_test::{expect, Expect};

/// The symbols as an indented list, "name [kind; detail] «first words of the selection»".
fn drawn(symbols: &Value, text: &str, enc: Enc, depth: usize, out: &mut String) {
    for s in symbols.as_array().into_iter().flatten() {
        let kind = match s["kind"].as_u64() {
            Some(3) => "namespace".to_string(),
            Some(15) => "string".to_string(),
            other => format!("{other:?}"),
        };
        let selection = byte_range(text, &s["selectionRange"], enc).expect("a selection");
        let range = byte_range(text, &s["range"], enc).expect("a range");
        assert!(range.start <= selection.start && selection.end <= range.end, "{s}");
        let words: Vec<&str> = text[selection].split_whitespace().take(3).collect();
        out.push_str(&format!(
            "{}{} [{kind}; {}] «{}»\n",
            "  ".repeat(depth),
            s["name"].as_str().unwrap_or("?"),
            s["detail"].as_str().unwrap_or("-"),
            words.join(" ")
        ));
        drawn(&s["children"], text, enc, depth + 1, out);
    }
}

fn outline_of(s: &Server, doc: &Doc) -> String {
    let r = s.call("textDocument/documentSymbol", json!({ "textDocument": { "uri": doc.uri } }));
    let mut out = String::new();
    drawn(&r, &doc.text, s.enc(), 0, &mut out);
    out
}

fn check(name: &str, language: &str, text: &str, expected: Expect) {
    let s = Server::start_default();
    let doc = s.open(name, language, text);
    s.wait_diagnostics(&doc.uri, 1);
    expected.assert_eq(&outline_of(&s, &doc));
    s.shutdown();
}

#[test]
fn a_markdown_essay_outlines_its_sections_and_the_sides_they_argue() {
    check(
        "essay.md",
        "markdown",
        "# Did Leninism lead to Stalinism?\n\nHistorians have argued over this question — fiercely, and in print — for a century.\n\n## The terror\n\nLenin's terror made Stalin's terror inevitable.\n\n## A betrayal\n\nStalin betrayed Lenin's revolution.\n",
        expect![[r#"
            Did Leninism lead to Stalinism? [namespace; heading 1] «Did Leninism lead»
              Historians have argued over this question — fiercely, and in… [string; no claim] «Historians have argued»
              The terror [namespace; heading 2] «The terror»
                continuity · terror: Lenin's terror made Stalin's terror inevitable. [string; 1 for continuity, 0 for rupture] «Lenin's terror made»
              A betrayal [namespace; heading 2] «A betrayal»
                rupture · internationalism: Stalin betrayed Lenin's revolution. [string; 0 for continuity, 1 for rupture] «Stalin betrayed Lenin's»
        "#]],
    );
}

#[test]
fn a_latex_essay_outlines_its_sections() {
    check(
        "essay.tex",
        "latex",
        "\\documentclass{article}\n\\begin{document}\n\\section{Terror}\nLenin's terror made Stalin's terror inevitable.\n\n\\subsection*{Scale}\nStalin's terror differed from Lenin's in scale: the Great Terror killed far more people than the Red Terror.\n\\end{document}\n",
        expect![[r#"
            Terror [namespace; heading 3] «Terror»
              continuity · terror: Lenin's terror made Stalin's terror inevitable. [string; 1 for continuity, 0 for rupture] «Lenin's terror made»
              Scale [namespace; heading 4] «Scale»
                rupture · terror: Stalin's terror differed from Lenin's in scale: the Great Te… [string; 0 for continuity, 1 for rupture] «Stalin's terror differed»
        "#]],
    );
}

#[test]
fn the_outline_follows_the_edits() {
    let caps = json!({
        "general": { "positionEncodings": ["utf-8"] },
        "textDocument": { "documentSymbol": { "hierarchicalDocumentSymbolSupport": true } }
    });
    let s = Server::start(Value::Null, caps);
    let mut doc = s.open("essay.md", "markdown", "## Terror\n\nTrotsky was exiled.\n");
    s.wait_diagnostics(&doc.uri, 1);
    expect![[r#"
        Terror [namespace; heading 2] «Terror»
          Trotsky was exiled. [string; no claim] «Trotsky was exiled.»
    "#]]
    .assert_eq(&outline_of(&s, &doc));
    s.replace_all(
        &mut doc,
        "## Terror\n\nTrotsky was exiled.\n\n## Betrayal\n\nStalin betrayed Lenin's revolution.\n",
    );
    s.wait_diagnostics(&doc.uri, 2);
    expect![[r#"
        Terror [namespace; heading 2] «Terror»
          Trotsky was exiled. [string; no claim] «Trotsky was exiled.»
        Betrayal [namespace; heading 2] «Betrayal»
          rupture · internationalism: Stalin betrayed Lenin's revolution. [string; 0 for continuity, 1 for rupture] «Stalin betrayed Lenin's»
    "#]]
    .assert_eq(&outline_of(&s, &doc));
    s.shutdown();
}

#[test]
fn an_empty_essay_has_an_empty_outline() {
    check("empty.txt", "plaintext", "", expect![""]);
}

#[test]
fn a_client_without_nested_symbols_gets_them_flat_each_under_its_heading() {
    let s = Server::start(Value::Null, json!({}));
    let text = "# Terror\n\nLenin's terror made Stalin's terror inevitable.\n\n## Scale\n\nTrotsky was exiled.\n";
    let doc = s.open("essay.md", "markdown", text);
    s.wait_diagnostics(&doc.uri, 1);
    let r = s.call("textDocument/documentSymbol", json!({ "textDocument": { "uri": doc.uri } }));
    let listed: Vec<String> = r
        .as_array()
        .into_iter()
        .flatten()
        .map(|x| {
            let at = byte_range(text, &x["location"]["range"], s.enc()).expect("a range");
            let first = text[at].split_whitespace().next().unwrap_or("").to_string();
            format!(
                "{} < {} «{first}»",
                x["name"].as_str().unwrap_or("?"),
                x["containerName"].as_str().unwrap_or("-")
            )
        })
        .collect();
    expect![[r#"
        [
            "Terror < - «Terror»",
            "continuity · terror: Lenin's terror made Stalin's terror inevitable. < Terror «Lenin's»",
            "Scale < Terror «Scale»",
            "Trotsky was exiled. < Scale «Trotsky»",
        ]
    "#]]
    .assert_debug_eq(&listed);
    s.shutdown();
}
