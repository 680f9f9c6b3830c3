//! The transport under abuse: stray bytes, lying or missing headers, values that are not
//! JSON-RPC, `$/` requests, the lifecycle's corner cases (exit codes, a shutdown answer
//! written before the end, the start-up race, closing right after a change). After each, the
//! server must still answer: deafness is what these tests catch.

use clio_e2e::*;

/// The server answers a hover on an open document (it is not deaf).
fn still_answers(s: &Server, doc: &Doc, what: &str) {
    let h = s.hover_on(doc, "Trotsky");
    assert_eq!(hover_title(&h).as_deref(), Some("### Leon Trotsky"), "after {what}");
}

fn started() -> (Server, Doc) {
    let s = Server::start_default();
    let doc = s.open("essay.md", "markdown", "Trotsky was exiled.");
    (s, doc)
}

const HOVER_77: &str = r#"{"jsonrpc":"2.0","id":77,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///x.md"},"position":{"line":0,"character":0}}}"#;

#[test]
fn stray_bytes_before_a_frame_are_skipped() {
    let (s, doc) = started();
    let mut bytes = b"abc".to_vec();
    bytes.extend(framed(&serde_json::from_str(HOVER_77).unwrap()));
    s.write_raw(&bytes);
    let r = s.wait_for("the hover after stray bytes", |i| i.responses_take(77));
    assert_eq!(r, Ok(Value::Null), "the framed request after the bytes is answered");
    still_answers(&s, &doc, "stray bytes");
    s.shutdown();
}

#[test]
fn bad_lengths_get_a_parse_error_with_their_id_and_the_server_reads_on() {
    let (s, doc) = started();
    for (n, header) in [
        "Content-Length: abc",
        "Content-Length: -5",
        "Content-Length: 1099511627776",
        "Content-Length: 18446744073709551615",
        "Content-Type: application/vscode-jsonrpc",
    ]
    .into_iter()
    .enumerate()
    {
        let id = 100 + n as i64;
        let body = HOVER_77.replace("77", &id.to_string());
        s.write_raw(format!("{header}\r\n\r\n{body}").as_bytes());
        let e = s.wait_for(&format!("the error for {header:?}"), |i| i.responses_take(id));
        assert_eq!(e.expect_err("an error")["code"], -32700, "{header}");
        still_answers(&s, &doc, header);
    }
    s.shutdown();
}

#[test]
fn a_length_a_few_bytes_off_loses_nothing() {
    let (s, doc) = started();
    for (n, delta) in [-3i64, 3].into_iter().enumerate() {
        let id = 200 + n as i64;
        let body = HOVER_77.replace("77", &id.to_string());
        let len = body.len() as i64 + delta;
        s.write_raw(format!("Content-Length: {len}\r\n\r\n{body}").as_bytes());
        // The next message completes a body that was announced too long.
        still_answers(&s, &doc, &format!("a length off by {delta}"));
        let r = s.wait_for("the request with the wrong length", |i| i.responses_take(id));
        assert_eq!(r, Ok(Value::Null), "off by {delta}");
    }
    s.shutdown();
}

#[test]
fn a_non_utf8_header_byte_is_not_the_end_of_input() {
    let (s, doc) = started();
    s.write_raw(b"Content-Length: 5\xff\xfe\r\n\r\n");
    still_answers(&s, &doc, "a non-UTF-8 header");
    s.shutdown();
}

#[test]
fn an_endless_header_line_is_dropped_not_kept() {
    let (s, doc) = started();
    // A megabyte with no line end, then a frame right after it: the server skips the bytes
    // (without keeping them) and reads the frame.
    let mut bytes = vec![b'x'; 1 << 20];
    bytes.extend(framed(&serde_json::from_str(HOVER_77).unwrap()));
    s.write_raw(&bytes);
    let r = s.wait_for("the hover after the endless line", |i| i.responses_take(77));
    assert_eq!(r, Ok(Value::Null));
    still_answers(&s, &doc, "a 1 MiB header line");
    s.shutdown();
}

#[test]
fn values_that_are_not_json_rpc_are_answered_and_the_server_reads_on() {
    let (s, doc) = started();
    for v in [json!({}), json!([]), json!(42), json!({"jsonrpc": "2.0", "id": 300})] {
        s.send_raw(&v);
        still_answers(&s, &doc, &v.to_string());
    }
    let e = s.wait_for("the answer to id 300", |i| i.responses_take(300));
    assert_eq!(e.expect_err("an error")["code"], -32600);
    let errors = s.inbox().unmatched_errors.len();
    assert_eq!(errors, 3, "{{}}, [] and 42 each get an invalid-request error");
    s.shutdown();
}

#[test]
fn dollar_requests_are_answered_method_not_found() {
    let (s, doc) = started();
    let e = s.request("$/clio/unknown", json!({})).expect_err("an error");
    assert_eq!(e["code"], -32601, "{e}");
    still_answers(&s, &doc, "a $/ request");
    s.shutdown();
}

#[test]
fn shutdown_and_exit_in_one_write_answer_shutdown_first() {
    let mut s = Server::start_default();
    let mut bytes = framed(&json!({ "jsonrpc": "2.0", "id": 900, "method": "shutdown" }));
    bytes.extend(framed(&json!({ "jsonrpc": "2.0", "method": "exit" })));
    s.write_raw(&bytes);
    let status = s.wait_exit();
    assert_eq!(s.inbox().responses_take(900), Some(Ok(Value::Null)), "the shutdown answer");
    assert_eq!(status.code(), Some(0));
}

#[test]
fn a_shutdown_refused_before_initialize_does_not_earn_code_0() {
    let mut s = Server::spawn();
    let r = s.request("shutdown", Value::Null);
    assert!(r.is_err(), "shutdown before initialize is refused: {r:?}");
    s.notify("exit", Value::Null);
    assert_eq!(s.wait_exit().code(), Some(1));
}

#[test]
fn closing_stdin_without_shutdown_is_not_code_0() {
    let mut s = Server::start_default();
    s.sync();
    s.close_stdin();
    assert_eq!(s.wait_exit().code(), Some(1));
}

#[test]
fn a_document_opened_with_initialized_in_one_write_is_checked() {
    // An editor started on a file sends `initialized` and `didOpen` together, right after the
    // answer to `initialize`.
    for round in 0..3 {
        let s = Server::spawn();
        let init =
            json!({ "processId": null, "rootUri": null, "capabilities": default_capabilities() });
        s.call("initialize", init);
        let text = "Kirov was murdered in 1931.\n";
        let u = uri(&format!("startup-{round}.md"));
        let mut bytes = framed(&json!({ "jsonrpc": "2.0", "method": "initialized", "params": {} }));
        bytes.extend(framed(&json!({ "jsonrpc": "2.0", "method": "textDocument/didOpen", "params": { "textDocument": { "uri": u, "languageId": "markdown", "version": 1, "text": text } } })));
        s.write_raw(&bytes);
        let d = s.wait_diagnostics(&u, 1);
        assert!(!with_code(&d, "dubious-date").is_empty(), "round {round}: {}", summarize(&d));
        s.shutdown();
    }
}

#[test]
fn a_document_opened_without_waiting_for_the_initialize_answer_is_checked() {
    // A client that writes `initialize`, `initialized` and `didOpen` at once: the two
    // notifications must not reach the server before it counts as initialized.
    for round in 0..3 {
        let s = Server::spawn();
        let text = "Kirov was murdered in 1931.\n";
        let u = uri(&format!("pipelined-{round}.md"));
        let init =
            json!({ "processId": null, "rootUri": null, "capabilities": default_capabilities() });
        let mut bytes = framed(
            &json!({ "jsonrpc": "2.0", "id": 1000, "method": "initialize", "params": init }),
        );
        bytes.extend(framed(&json!({ "jsonrpc": "2.0", "method": "initialized", "params": {} })));
        bytes.extend(framed(&json!({ "jsonrpc": "2.0", "method": "textDocument/didOpen", "params": { "textDocument": { "uri": u, "languageId": "markdown", "version": 1, "text": text } } })));
        s.write_raw(&bytes);
        let d = s.wait_diagnostics(&u, 1);
        assert!(!with_code(&d, "dubious-date").is_empty(), "round {round}: {}", summarize(&d));
        s.shutdown();
    }
}

#[test]
fn closing_right_after_a_change_leaves_the_document_clear() {
    let s = Server::start_default();
    for round in 0..20 {
        let mut doc = s.open(&format!("close-{round}.md"), "markdown", "Kirov was shot in 1931.\n");
        let year = doc.find("1931");
        s.edit(&mut doc, &[(year, "1932")]);
        s.close(&doc);
        s.sync();
        // Whatever was queued before the close, the last word is the empty list.
        s.wait_for("the empty list after the close", |i| {
            i.diagnostics.iter().any(|p| p.uri == doc.uri && p.version.is_none()).then_some(())
        });
        s.sync();
        s.sync();
        let latest = s.inbox().latest(&doc.uri).cloned().expect("published");
        assert!(latest.diagnostics.is_empty(), "round {round}: {latest:?}");
    }
    s.shutdown();
}
