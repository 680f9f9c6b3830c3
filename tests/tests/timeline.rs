//! The essay's timeline over the protocol (`workspace/executeCommand` `clio.timeline`), as an
//! editor's timeline view and Neovim's quickfix list read it: every dated claim where it is
//! written, its verdict against the record and the record's date, each paragraph's side, and
//! the same timeline drawn as the class report draws it, each mark naming its point.

use clio_e2e::*;
use expect_test::{expect, Expect};

fn timeline_of(s: &Server, uri: &str) -> Value {
    s.call("workspace/executeCommand", json!({ "command": "clio.timeline", "arguments": [uri] }))
}

/// Each point as "«the text at its range» in «its sentence's first words» → label [verdict;
/// written dates; record's dates] ¶paragraph", then each paragraph's side and first words.
fn listed(t: &Value, text: &str, enc: Enc) -> String {
    let mut out = String::new();
    for p in t["points"].as_array().into_iter().flatten() {
        let at = byte_range(text, &p["range"], enc).expect("a range");
        let sentence = byte_range(text, &p["sentence"], enc).expect("a sentence range");
        assert!(sentence.start <= at.start && at.end <= sentence.end, "{p}");
        assert_eq!(p["written"].as_str(), Some(&text[at.clone()]), "{p}");
        let first: Vec<&str> = text[sentence].split_whitespace().take(2).collect();
        let dates = |d: &Value| {
            format!("{}..{}", d["from"].as_str().unwrap_or("?"), d["to"].as_str().unwrap_or("?"))
        };
        let record =
            if p["record"].is_null() { "-".to_string() } else { dates(&p["record"]["dates"]) };
        out.push_str(&format!(
            "«{}» in «{}» → {} [{}; {}; {record}] ¶{}\n",
            &text[at],
            first.join(" "),
            p["label"].as_str().unwrap_or("?"),
            p["verdict"].as_str().unwrap_or("?"),
            dates(&p["dates"]),
            p["paragraph"].as_u64().map_or(0, |n| n + 1),
        ));
    }
    for (i, p) in t["paragraphs"].as_array().into_iter().flatten().enumerate() {
        let at = byte_range(text, &p["range"], enc).expect("a paragraph range");
        let first: Vec<&str> = text[at].split_whitespace().take(2).collect();
        out.push_str(&format!(
            "¶{}: {} ({} for continuity, {} for rupture) «{}»\n",
            i + 1,
            p["side"].as_str().unwrap_or("neither"),
            p["continuity"],
            p["rupture"],
            first.join(" ")
        ));
    }
    out
}

/// The drawing holds one mark per point, its `data-point` the point's id and its class the
/// point's verdict, and one row per paragraph.
fn assert_drawn(t: &Value) {
    let svg = t["svg"].as_str().expect("an svg");
    assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"), "{svg}");
    let points = t["points"].as_array().cloned().unwrap_or_default();
    assert_eq!(svg.matches(r#"<g class="claim "#).count(), points.len(), "{svg}");
    for p in &points {
        let mark = format!(
            r#"<g class="claim {}" data-point="{}""#,
            p["verdict"].as_str().unwrap_or("?"),
            p["id"].as_str().unwrap_or("?")
        );
        assert_eq!(svg.matches(&mark).count(), 1, "{mark} in {svg}");
    }
    let paragraphs = t["paragraphs"].as_array().map_or(0, Vec::len);
    assert_eq!(svg.matches(r#"<g class="paragraph""#).count(), paragraphs, "{svg}");
}

/// The timeline of `text` opened as `name` by a client with `caps`, listed; and the encoding
/// the server chose.
fn listing(caps: Value, name: &str, language: &str, text: &str) -> (String, Enc) {
    let s = Server::start(Value::Null, caps);
    let doc = s.open(name, language, text);
    s.wait_diagnostics(&doc.uri, 1);
    let t = timeline_of(&s, &doc.uri);
    assert_eq!(t["version"], 1, "{t}");
    assert_drawn(&t);
    let (out, enc) = (listed(&t, text, s.enc()), s.enc());
    s.shutdown();
    (out, enc)
}

fn check(name: &str, language: &str, text: &str, expected: Expect) {
    expected.assert_eq(&listing(default_capabilities(), name, language, text).0);
}

const ESSAY: &str = "# Did Leninism lead to Stalinism?\n\nLenin's terror made Stalin's terror inevitable. Kirov was murdered in 1936.\n\nStalin broke with Lenin's NEP in 1928 and abandoned collective leadership. In 1911 the harvest was poor, and Lenin died in January 1924.\n";

#[test]
fn the_server_offers_the_timeline_command() {
    let s = Server::start_default();
    let commands = &s.init_result["capabilities"]["executeCommandProvider"]["commands"];
    assert!(commands.as_array().is_some_and(|c| c.contains(&json!("clio.timeline"))), "{commands}");
    s.shutdown();
}

#[test]
fn each_dated_claim_with_its_verdict_the_record_and_each_paragraphs_side() {
    check(
        "essay.md",
        "markdown",
        ESSAY,
        expect![[r#"
            «1936» in «Kirov was» → “1936” contradicts the record: 1934 [contradicts; 1936-01-01..1936-12-31; 1934-01-01..1934-12-31] ¶2
            «1928» in «Stalin broke» → “1928” matches the record: New Economic Policy, March 1921–c. 1928 [matches; 1928-01-01..1928-12-31; 1921-03-01..1930-01-01] ¶3
            «1911» in «In 1911» → “1911” is not in the record [unknown; 1911-01-01..1911-12-31; -] ¶3
            «January 1924» in «In 1911» → “January 1924” matches the record: Vladimir Ilyich Lenin died 21 January 1924 [matches; 1924-01-01..1924-01-31; 1924-01-21..1924-01-21] ¶3
            ¶1: neither (0 for continuity, 0 for rupture) «Did Leninism»
            ¶2: continuity (1 for continuity, 0 for rupture) «Lenin's terror»
            ¶3: rupture (0 for continuity, 1 for rupture) «Stalin broke»
        "#]],
    );
}

#[test]
fn ranges_are_in_the_negotiated_encoding() {
    // Wide characters before the dates: UTF-8 and UTF-16 columns differ on this line.
    let text = "Ленин — “Kirov was murdered in 1936.” 🙂 Zinoviev was shot in 1936.\n";
    let caps = |enc: &str| json!({ "general": { "positionEncodings": [enc] } });
    let (utf8, enc8) = listing(caps("utf-8"), "essay.md", "markdown", text);
    let (utf16, enc16) = listing(caps("utf-16"), "essay.md", "markdown", text);
    assert_eq!((enc8, enc16), (Enc::Utf8, Enc::Utf16));
    assert_eq!(utf8, utf16);
    expect![[r#"
        «1936» in «Ленин —» → “1936” contradicts the record: 1934 [contradicts; 1936-01-01..1936-12-31; 1934-01-01..1934-12-31] ¶1
        «1936» in «Ленин —» → “1936” matches the record: Grigory Yevseyevich Zinoviev died 25 August 1936 [matches; 1936-01-01..1936-12-31; 1936-08-25..1936-08-25] ¶1
        ¶1: neither (0 for continuity, 0 for rupture) «Ленин —»
    "#]]
    .assert_eq(&utf8);
}

#[test]
fn a_latex_essay_has_its_timeline_too() {
    check(
        "essay.tex",
        "latex",
        "\\documentclass{article}\n\\begin{document}\n\\section{Kirov}\nKirov was murdered in 1936.\n\\end{document}\n",
        expect![[r#"
            «1936» in «Kirov was» → “1936” contradicts the record: 1934 [contradicts; 1936-01-01..1936-12-31; 1934-01-01..1934-12-31] ¶2
            ¶1: neither (0 for continuity, 0 for rupture) «Kirov»
            ¶2: neither (0 for continuity, 0 for rupture) «Kirov was»
        "#]],
    );
}

#[test]
fn the_timeline_follows_the_edits() {
    let s = Server::start_default();
    let mut doc = s.open("essay.md", "markdown", "Kirov was murdered in 1936.\n");
    s.wait_diagnostics(&doc.uri, 1);
    let before = timeline_of(&s, &doc.uri);
    expect![[r#"
        «1936» in «Kirov was» → “1936” contradicts the record: 1934 [contradicts; 1936-01-01..1936-12-31; 1934-01-01..1934-12-31] ¶1
        ¶1: neither (0 for continuity, 0 for rupture) «Kirov was»
    "#]]
    .assert_eq(&listed(&before, &doc.text, s.enc()));
    let at = doc.find("1936");
    s.edit(&mut doc, &[(at, "1934")]);
    // Asked at once: the answer waits for the analysis of the edited text.
    let after = timeline_of(&s, &doc.uri);
    assert_eq!(after["version"], 2, "{after}");
    assert_drawn(&after);
    expect![[r#"
        «1934» in «Kirov was» → “1934” matches the record: Sergei Mironovich Kirov died 1 December 1934 [matches; 1934-01-01..1934-12-31; 1934-12-01..1934-12-01] ¶1
        ¶1: neither (0 for continuity, 0 for rupture) «Kirov was»
    "#]]
    .assert_eq(&listed(&after, &doc.text, s.enc()));
    s.shutdown();
}

#[test]
fn an_essay_without_dates_has_an_empty_timeline_still_drawn() {
    let s = Server::start_default();
    let doc = s.open("essay.md", "markdown", "Trotsky was exiled.\n");
    s.wait_diagnostics(&doc.uri, 1);
    let t = timeline_of(&s, &doc.uri);
    assert_eq!(t["points"], json!([]), "{t}");
    assert_drawn(&t);
    s.shutdown();
}

#[test]
fn a_document_not_open_has_no_timeline_and_a_missing_uri_is_an_error() {
    let s = Server::start_default();
    assert!(timeline_of(&s, "file:///nowhere/essay.md").is_null());
    let err = s
        .request("workspace/executeCommand", json!({ "command": "clio.timeline", "arguments": [] }))
        .expect_err("no URI");
    assert_eq!(err["code"], -32602, "invalid params: {err}");
    let err = s
        .request(
            "workspace/executeCommand",
            json!({ "command": "clio.timeline", "arguments": ["not a uri"] }),
        )
        .expect_err("not a URI");
    assert_eq!(err["code"], -32602, "invalid params: {err}");
    s.shutdown();
}

#[test]
fn what_the_essay_writes_is_escaped_in_the_drawing() {
    let s = Server::start_default();
    let text = "A <script>alert(1)</script> essay: Kirov was murdered in 1936 & buried.\n";
    let doc = s.open("essay.txt", "plaintext", text);
    s.wait_diagnostics(&doc.uri, 1);
    let t = timeline_of(&s, &doc.uri);
    let svg = t["svg"].as_str().unwrap_or_default();
    assert!(!svg.contains("<script") && svg.contains("&lt;script&gt;"), "{svg}");
    assert_drawn(&t);
    s.shutdown();
}
