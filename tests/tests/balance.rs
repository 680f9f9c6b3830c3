//! The argument balance as a student meets it: a code lens over the essay's first line that
//! counts the points made for continuity and for rupture, and the `clio.showBalance` command
//! it runs, which names the strong counterpoints not yet addressed: as a message, and as data
//! for a client that draws the balance itself (and then shows no message).

use clio_e2e::*;
use expect_test::{expect, Expect};

/// The titles of the code lenses on `doc`, one a line ("-" for none).
fn lens_titles(s: &Server, doc: &Doc) -> String {
    let r = s.call("textDocument/codeLens", json!({ "textDocument": { "uri": doc.uri } }));
    let lenses = r.as_array().cloned().unwrap_or_default();
    if lenses.is_empty() {
        return "-".into();
    }
    lenses.iter().map(|l| l["command"]["title"].as_str().unwrap_or("?").to_string()).collect()
}

fn lens_of(text: &str, expected: Expect) {
    let s = Server::start_default();
    let doc = s.open("essay.md", "markdown", text);
    s.wait_diagnostics(&doc.uri, 1);
    expected.assert_eq(&lens_titles(&s, &doc));
    s.shutdown();
}

#[test]
fn a_one_sided_claim_leaves_counterpoints_open() {
    lens_of(
        "Stalinism was a break with Leninism, not its continuation.\n",
        expect!["Clio · argument balance: 0 continuity, 1 rupture (ideology 0–1) · 3 strong counterpoints not yet addressed"],
    );
}

#[test]
fn a_claim_leaves_its_strongest_counterpoints_open() {
    lens_of(
        "Stalin betrayed Lenin's revolution.\n",
        expect!["Clio · argument balance: 0 continuity, 1 rupture (internationalism 0–1) · 3 strong counterpoints not yet addressed"],
    );
}

#[test]
fn an_essay_that_answers_itself_has_every_counterpoint_addressed() {
    lens_of(
        "Lenin's terror made Stalin's terror inevitable.\n\nStalin's terror differed from Lenin's in scale: the Great Terror killed far more people than the Red Terror.\n",
        expect!["Clio · argument balance: 1 continuity, 1 rupture (terror 1–1) · every strong counterpoint addressed"],
    );
}

#[test]
fn no_lens_without_an_argument() {
    lens_of("Trotsky was exiled.\n", expect!["-"]);
}

#[test]
fn the_lens_command_shows_the_open_counterpoints() {
    let s = Server::start_default();
    let mut doc = s.open("essay.md", "markdown", "Trotsky was exiled.\n");
    s.wait_diagnostics(&doc.uri, 1);
    let uri = doc.uri.clone();
    let show = |s: &Server| {
        s.call(
            "workspace/executeCommand",
            json!({ "command": "clio.showBalance", "arguments": [uri] }),
        )
    };
    let r = show(&s);
    expect!["Your essay makes 0 point(s) for continuity and 0 for rupture."]
        .assert_eq(r["message"].as_str().unwrap_or_default());

    s.replace_all(&mut doc, "Stalin betrayed Lenin's revolution.\n");
    s.wait_diagnostics(&doc.uri, 2);
    let r = show(&s);
    let message = r["message"].as_str().unwrap_or_default();
    let (counts, open) = message.split_once(" Not yet addressed: ").expect("an open counterpoint");
    expect!["Your essay makes 0 point(s) for continuity and 1 for rupture. By theme: internationalism (0 continuity, 1 rupture)."].assert_eq(counts);
    assert_eq!(open.matches("Not yet addressed").count(), 2, "three counterpoints: {message}");
    // The editor shows the same message.
    let shown = s.wait_for("the message shown", |i| {
        i.show_messages.iter().find(|m| m["message"] == message).cloned()
    });
    assert_eq!(shown["type"], 3, "an information message: {shown}");
    s.shutdown();
}

#[test]
fn the_balance_of_an_unknown_document_is_nothing() {
    let s = Server::start_default();
    let r = s.call(
        "workspace/executeCommand",
        json!({ "command": "clio.showBalance", "arguments": ["file:///nowhere/essay.md"] }),
    );
    assert!(r.is_null(), "{r}");
    s.shutdown();
}

#[test]
fn a_client_with_its_own_balance_view_gets_the_points_as_data_and_no_message() {
    let caps = json!({ "experimental": { "clioBalanceView": true } });
    let s = Server::start(Value::Null, caps);
    let doc = s.open("essay.md", "markdown", "Stalin betrayed Lenin's revolution.\n");
    s.wait_diagnostics(&doc.uri, 1);
    let r = s.call(
        "workspace/executeCommand",
        json!({ "command": "clio.showBalance", "arguments": [doc.uri] }),
    );
    assert_eq!((r["continuity"].as_u64(), r["rupture"].as_u64()), (Some(0), Some(1)), "{r}");
    let open = r["open"].as_array().cloned().unwrap_or_default();
    assert!(!open.is_empty(), "open counterpoints: {r}");
    for point in &open {
        assert_eq!(point["side"], "continuity", "every counterpoint argues the other side: {r}");
        assert!(!point["theme"].as_str().unwrap_or("").is_empty(), "{r}");
    }
    let claim = open[open.len() - 1]["claim"].as_str().unwrap_or_default();
    assert!(r["message"].as_str().unwrap_or("").ends_with(claim), "the message names it: {r}");
    // No message: the server sends one before its answer (one writer, in order), so by now it
    // would have arrived, as it does without the capability (above).
    assert!(s.show_messages().is_empty(), "{:?}", s.show_messages());
    s.shutdown();
}
