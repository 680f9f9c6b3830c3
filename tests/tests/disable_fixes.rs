//! The quick fixes that switch a check off where the student means what they wrote: "Don't
//! check this line for CODE" and "Don't check this file for CODE", each inserting a
//! `clio-disable` comment in the document's own syntax, after which the finding is gone and
//! the others stay.

use clio_e2e::*;
use expect_test::{expect, Expect};

/// The titles of the code actions over the first `dubious-date` finding.
fn actions_over_the_date(s: &Server, doc: &Doc, diags: &[Value]) -> Vec<Value> {
    let d = with_code(diags, "dubious-date")[0].clone();
    let r = s.call(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": doc.uri }, "range": d["range"], "context": { "diagnostics": [d] } }),
    );
    r.as_array().cloned().unwrap_or_default()
}

/// Opens `text`, takes the action titled `title` on its dubious date, and shows the text it
/// leaves and the codes found in it then.
fn disabled(name: &str, language: &str, text: &str, title: &str, expected: Expect) {
    let s = Server::start_default();
    let mut doc = s.open(name, language, text);
    let diags = s.wait_diagnostics(&doc.uri, 1);
    assert!(!with_code(&diags, "dubious-date").is_empty(), "a dubious date to begin with");
    let actions = actions_over_the_date(&s, &doc, &diags);
    let titles: Vec<&str> = actions.iter().filter_map(|a| a["title"].as_str()).collect();
    let action = actions
        .iter()
        .find(|a| a["title"] == title)
        .unwrap_or_else(|| panic!("no “{title}” among {titles:?}"));
    assert_eq!(action["kind"], "quickfix");
    assert_eq!(action["isPreferred"], false, "a correction is preferred, not silence");
    let fixed = apply_workspace_edit(&doc.text, &doc.uri, &action["edit"], s.enc());
    s.replace_all(&mut doc, &fixed);
    let after = s.wait_diagnostics(&doc.uri, 2);
    expected.assert_eq(&format!("{fixed}---\n{}", summarize(&after)));
    s.shutdown();
}

const ESSAY: &str = "In Leningrad, Kirov was murdered in 1931.\n\nStallin won.\n";

#[test]
fn the_fixes_come_after_the_corrections() {
    let s = Server::start_default();
    let doc = s.open("essay.md", "markdown", ESSAY);
    let diags = s.wait_diagnostics(&doc.uri, 1);
    let actions = actions_over_the_date(&s, &doc, &diags);
    let titles: Vec<&str> = actions.iter().filter_map(|a| a["title"].as_str()).collect();
    expect![[r#"
        [
            "Replace with 1934",
            "Don't check this line for dubious-date",
            "Don't check this file for dubious-date",
        ]
    "#]]
    .assert_debug_eq(&titles);
    s.shutdown();
}

#[test]
fn a_markdown_line_takes_an_html_comment() {
    disabled(
        "essay.md",
        "markdown",
        ESSAY,
        "Don't check this line for dubious-date",
        expect![[r#"
            <!-- clio-disable-next-line dubious-date -->
            In Leningrad, Kirov was murdered in 1931.

            Stallin won.
            ---
            misspelled-name 3:0-3:7 "“Stallin” looks like a misspelling of Stalin (Joseph Stalin)""#]],
    );
}

#[test]
fn a_markdown_file_takes_one_at_the_top() {
    disabled(
        "essay.md",
        "markdown",
        ESSAY,
        "Don't check this file for dubious-date",
        expect![[r#"
            <!-- clio-disable dubious-date -->
            In Leningrad, Kirov was murdered in 1931.

            Stallin won.
            ---
            misspelled-name 3:0-3:7 "“Stallin” looks like a misspelling of Stalin (Joseph Stalin)""#]],
    );
}

#[test]
fn inside_a_latex_paragraph_the_comment_ends_the_line_before() {
    disabled(
        "essay.tex",
        "latex",
        "In Leningrad, Kirov\nwas murdered in 1931.\n\nStallin won.\n",
        "Don't check this line for dubious-date",
        expect![[r#"
            In Leningrad, Kirov % clio-disable-next-line dubious-date
            was murdered in 1931.

            Stallin won.
            ---
            misspelled-name 3:0-3:7 "“Stallin” looks like a misspelling of Stalin (Joseph Stalin)""#]],
    );
}

#[test]
fn plain_text_takes_a_line_of_its_own() {
    disabled(
        "essay.txt",
        "plaintext",
        ESSAY,
        "Don't check this line for dubious-date",
        expect![[r#"
            clio-disable-next-line dubious-date
            In Leningrad, Kirov was murdered in 1931.

            Stallin won.
            ---
            misspelled-name 3:0-3:7 "“Stallin” looks like a misspelling of Stalin (Joseph Stalin)""#]],
    );
}

#[test]
fn a_file_comment_joins_the_one_already_there() {
    disabled(
        "essay.tex",
        "latex",
        &format!("% clio-disable anachronism\n{ESSAY}"),
        "Don't check this file for dubious-date",
        expect![[r#"
            % clio-disable anachronism dubious-date
            In Leningrad, Kirov was murdered in 1931.

            Stallin won.
            ---
            misspelled-name 3:0-3:7 "“Stallin” looks like a misspelling of Stalin (Joseph Stalin)""#]],
    );
}
