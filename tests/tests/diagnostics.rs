//! Diagnostics as an editor receives them: published with the document's version, never
//! stale, with quick fixes that repair the text, silenced by `clio-disable` comments and
//! absent from code, URLs and math.
//!
//! Each test has a positive control so that finding nothing cannot pass.

use clio_e2e::*;

fn has(diags: &[Value], c: &str) -> bool {
    !with_code(diags, c).is_empty()
}

/// The byte ranges of the diagnostics with code `c`, in the editor's text.
fn ranges_of(s: &Server, doc: &Doc, diags: &[Value], c: &str) -> Vec<std::ops::Range<usize>> {
    with_code(diags, c)
        .iter()
        .map(|d| {
            byte_range(&doc.text, &d["range"], s.enc())
                .unwrap_or_else(|| panic!("a diagnostic range outside the text: {d}"))
        })
        .collect()
}

#[test]
fn every_open_document_gets_versioned_diagnostics() {
    // Independent of the checks: a publication (maybe empty) for every version, and an empty
    // one on close.
    let s = Server::start_default();
    let mut doc = s.open("essay.md", "markdown", "Kirov was shot in 1934.\n");
    s.wait_diagnostics(&doc.uri, 1);
    let end = doc.text.len();
    s.edit(&mut doc, &[(end..end, "Zinoviev fell.\n")]);
    s.wait_diagnostics(&doc.uri, 2);
    for p in s.published(&doc.uri) {
        for d in &p.diagnostics {
            assert_eq!(d["source"], "clio", "{d}");
            assert!(d["message"].as_str().is_some_and(|m| !m.is_empty()), "{d}");
        }
    }
    let n = s.publication_count(&doc.uri);
    s.close(&doc);
    let p = s.wait_new_publication(&doc.uri, n);
    assert!(p.diagnostics.is_empty(), "closing clears: {}", summarize(&p.diagnostics));
    s.shutdown();
}

#[test]
fn rapid_edits_never_publish_a_stale_version() {
    // Independent of the checks: whatever is found, versions only go up and the last version
    // sent is the last one published.
    let s = Server::start_default();
    let mut doc = s.open("rapid.md", "markdown", "Kirov was murdered in 1931.\n");
    for i in 0..80 {
        // Alternate between growing the document and rewriting its first sentence.
        if i % 3 == 0 {
            s.edit(&mut doc, &[(0..0, "Zinoviev wrote. ")]);
        } else {
            let r = doc.find("19");
            s.edit(&mut doc, &[(r.start..r.start + 4, if i % 2 == 0 { "1934" } else { "1931" })]);
        }
    }
    let last = doc.version;
    s.wait_diagnostics(&doc.uri, last);
    s.sync();
    let published = s.published(&doc.uri);
    let versions: Vec<i64> = published.iter().map(|p| p.version.expect("a version")).collect();
    assert!(versions.windows(2).all(|w| w[0] <= w[1]), "versions never go back: {versions:?}");
    assert_eq!(versions.last(), Some(&last), "{versions:?}");
    // Whatever was found lies inside the final text.
    for d in &published.last().unwrap().diagnostics {
        assert!(byte_range(&doc.text, &d["range"], s.enc()).is_some(), "{d}");
    }
    s.shutdown();
}

#[test]
fn rapid_edits_end_with_the_final_texts_findings() {
    let s = Server::start_default();
    let mut doc = s.open("rapid.md", "markdown", "Kirov was murdered in 1934.\n");
    for i in 0..60 {
        // Earlier versions put a wrong date at other places; only the last one counts.
        let year = if i % 2 == 0 { "1931" } else { "1934" };
        s.replace_all(
            &mut doc,
            &format!("{}Kirov was murdered in {year}.\n", "Zinoviev wrote. ".repeat(i % 7)),
        );
    }
    let last = "Zinoviev wrote. Zinoviev wrote. \n\nKirov was murdered in 1931.\n";
    s.replace_all(&mut doc, last);
    let d = s.wait_diagnostics(&doc.uri, doc.version);
    assert_eq!(
        ranges_of(&s, &doc, &d, "dubious-date"),
        vec![doc.find("1931")],
        "{}",
        summarize(&d)
    );
    s.shutdown();
}

#[test]
fn a_dubious_date_has_a_quick_fix() {
    let s = Server::start_default();
    let mut doc = s.open("kirov.md", "markdown", "Kirov was murdered in 1931.\n");
    let d = s.wait_diagnostics(&doc.uri, 1);
    let dates = with_code(&d, "dubious-date");
    assert_eq!(dates.len(), 1, "{}", summarize(&d));
    let diag = dates[0].clone();
    let r = byte_range(&doc.text, &diag["range"], s.enc()).expect("range");
    assert!(
        doc.text[r.clone()].contains("1931"),
        "the diagnostic covers the year: {:?}",
        &doc.text[r.clone()]
    );
    assert!(
        diag["message"].as_str().unwrap_or_default().contains("1934"),
        "the message gives the record: {diag}"
    );
    assert_eq!(diag["severity"], 2, "a warning by default: {diag}");

    let actions = s.code_actions(&doc, r.clone(), std::slice::from_ref(&diag));
    let fix = actions
        .iter()
        .find(|a| a["kind"] == "quickfix" && a["edit"].is_object())
        .unwrap_or_else(|| panic!("a quick fix with an edit among {actions:#?}"));
    let fixed = apply_workspace_edit(&doc.text, &doc.uri, &fix["edit"], s.enc());
    assert!(fixed.contains("1934") && !fixed.contains("1931"), "{fixed:?}");
    assert!(fixed.starts_with("Kirov was murdered"), "{fixed:?}");

    // The editor applies it; the finding goes away.
    s.replace_all(&mut doc, &fixed);
    let d = s.wait_diagnostics(&doc.uri, 2);
    assert!(!has(&d, "dubious-date"), "{}", summarize(&d));
    s.shutdown();
}

#[test]
fn code_actions_only_for_the_requested_range() {
    // A fix is offered over the year, none elsewhere.
    let s = Server::start_default();
    let doc =
        s.open("kirov.md", "markdown", "Kirov was murdered in 1931.\n\nTrotsky was exiled.\n");
    let d = s.wait_diagnostics(&doc.uri, 1);
    assert!(has(&d, "dubious-date"), "{}", summarize(&d));
    let over = s.code_actions(&doc, doc.find("1931"), &d);
    assert!(!over.is_empty());
    let elsewhere = s.code_actions(&doc, doc.find("exiled"), &[]);
    assert!(elsewhere.is_empty(), "{elsewhere:#?}");
    s.shutdown();
}

#[test]
fn positions_of_findings_after_non_ascii_text() {
    let line = "Лев — “🙂” Béla Kun’s friend Kirov was murdered in 1931.\n";
    for offer in ["utf-16", "utf-8"] {
        let s = Server::start(Value::Null, json!({ "general": { "positionEncodings": [offer] } }));
        let doc = s.open("cols.md", "markdown", line);
        let d = s.wait_diagnostics(&doc.uri, 1);
        let dates = with_code(&d, "dubious-date");
        assert_eq!(dates.len(), 1, "{offer}: {}", summarize(&d));
        let y = line.find("1931").unwrap();
        let col = if offer == "utf-16" { line[..y].encode_utf16().count() } else { y };
        assert_eq!(dates[0]["range"]["start"]["line"], 0);
        let start = dates[0]["range"]["start"]["character"].as_u64().unwrap() as usize;
        let end = dates[0]["range"]["end"]["character"].as_u64().unwrap() as usize;
        assert!(
            start <= col && col + 4 <= end,
            "{offer}: the range {start}..{end} holds the year at {col}"
        );
        s.shutdown();
    }
}

#[test]
fn no_findings_in_code_urls_or_math() {
    let md = "Kirov was murdered in 1931.\n\n```\nKirov was murdered in 1931.\n```\n\n`Kirov was murdered in 1931`\n\nhttps://example.org/Kirov-was-murdered-in-1931\n";
    let s = Server::start_default();
    let doc = s.open("code.md", "markdown", md);
    let d = s.wait_diagnostics(&doc.uri, 1);
    assert_eq!(
        ranges_of(&s, &doc, &d, "dubious-date").len(),
        1,
        "only the prose sentence:\n{}",
        summarize(&d)
    );
    assert!(ranges_of(&s, &doc, &d, "dubious-date")[0].start < doc.find("```").start);

    let tex = "Kirov was murdered in 1931.\n\n$Kirov 1931$\n\n\\begin{verbatim}\nKirov was murdered in 1931.\n\\end{verbatim}\n";
    let doc = s.open("math.tex", "latex", tex);
    let d = s.wait_diagnostics(&doc.uri, 1);
    assert_eq!(
        ranges_of(&s, &doc, &d, "dubious-date").len(),
        1,
        "only the prose sentence:\n{}",
        summarize(&d)
    );
    s.shutdown();
}

#[test]
fn no_misspelled_names_in_code_urls_or_math() {
    let md = "Stallin won.\n\n```\nStallin won.\n```\n\n`Stallin` and https://example.org/Stallin and [a link](https://example.org/Bukhrin).\n";
    let s = Server::start_default();
    let doc = s.open("code-names.md", "markdown", md);
    let d = s.wait_diagnostics(&doc.uri, 1);
    assert_eq!(
        ranges_of(&s, &doc, &d, "misspelled-name"),
        vec![doc.find("Stallin")],
        "{}",
        summarize(&d)
    );
    let tex = "Stallin won. $Stallin$ \\Stallin{} \\cite{Bukhrin} \\url{https://example.org/Stallin}\n\\begin{verbatim}\nStallin\n\\end{verbatim}\n";
    let doc = s.open("code-names.tex", "latex", tex);
    let d = s.wait_diagnostics(&doc.uri, 1);
    assert_eq!(
        ranges_of(&s, &doc, &d, "misspelled-name"),
        vec![doc.find("Stallin")],
        "{}",
        summarize(&d)
    );
    s.shutdown();
}

#[test]
fn clio_disable_comments_silence_findings() {
    let md = "Kirov was murdered in 1931.\n\n\
<!-- clio-disable -->\nKirov was murdered in 1931.\n<!-- clio-enable -->\n\n\
<!-- clio-disable-next-line -->\nKirov was murdered in 1931.\n\n\
<!-- clio-disable-next-line dubious-date -->\nStallin said Kirov was murdered in 1931.\n\n\
Kirov was murdered in 1931 at the end.\n";
    let s = Server::start_default();
    let doc = s.open("disable.md", "markdown", md);
    let d = s.wait_diagnostics(&doc.uri, 1);
    let dates = ranges_of(&s, &doc, &d, "dubious-date");
    assert_eq!(dates.len(), 2, "the first and the last sentence only:\n{}", summarize(&d));
    assert_eq!(dates[0], find_nth(&doc.text, "1931", 0));
    assert_eq!(dates[1], find_nth(&doc.text, "1931", 4));
    // A code list silences only those codes.
    assert_eq!(
        ranges_of(&s, &doc, &d, "misspelled-name"),
        vec![doc.find("Stallin")],
        "{}",
        summarize(&d)
    );

    let tex = "Kirov was murdered in 1931.\n% clio-disable\nKirov was murdered in 1931.\n% clio-enable\n% clio-disable-next-line\nKirov was murdered in 1931.\nKirov was murdered in 1931 again.\n";
    let doc = s.open("disable.tex", "latex", tex);
    let d = s.wait_diagnostics(&doc.uri, 1);
    let dates = ranges_of(&s, &doc, &d, "dubious-date");
    assert_eq!(
        dates,
        vec![find_nth(&doc.text, "1931", 0), find_nth(&doc.text, "1931", 3)],
        "{}",
        summarize(&d)
    );
    s.shutdown();
}

#[test]
fn clio_disable_comments_silence_misspelled_names() {
    let md = "Stallin won.\n\n<!-- clio-disable -->\nStallin won.\n<!-- clio-enable -->\n\n<!-- clio-disable-next-line -->\nStallin won.\n\n<!-- clio-disable-next-line dubious-date -->\nStallin won.\n\nStallin won at last.\n";
    let s = Server::start_default();
    let doc = s.open("disable-names.md", "markdown", md);
    let d = s.wait_diagnostics(&doc.uri, 1);
    let names = ranges_of(&s, &doc, &d, "misspelled-name");
    assert_eq!(
        names,
        vec![find_nth(md, "Stallin", 0), find_nth(md, "Stallin", 3), find_nth(md, "Stallin", 4)],
        "{}",
        summarize(&d)
    );

    let tex = "Stallin won.\n% clio-disable\nStallin won.\n% clio-enable\n% clio-disable-next-line\nStallin won.\nStallin won again.\n";
    let doc = s.open("disable-names.tex", "latex", tex);
    let d = s.wait_diagnostics(&doc.uri, 1);
    let names = ranges_of(&s, &doc, &d, "misspelled-name");
    assert_eq!(
        names,
        vec![find_nth(tex, "Stallin", 0), find_nth(tex, "Stallin", 3)],
        "{}",
        summarize(&d)
    );
    s.shutdown();
}

/// A fresh folder under the system temp dir (removed when dropped).
struct TempDir(std::path::PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let p = std::env::temp_dir().join(format!("clio-e2e-{tag}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).expect("create a temp dir");
        TempDir(p)
    }
    fn uri(&self, name: &str) -> String {
        format!("file://{}/{name}", self.0.display())
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn a_misspelled_name_can_be_fixed_or_ignored() {
    let dir = TempDir::new("ignore");
    let s = Server::spawn();
    let mut caps = default_capabilities();
    caps["workspace"]["configuration"] = json!(false);
    caps["workspace"]["applyEdit"] = json!(true);
    caps["workspace"]["workspaceEdit"] =
        json!({ "documentChanges": true, "resourceOperations": ["create"] });
    s.apply_edits(true);
    // Workspace folders are what an editor sends; initialize() sends rootUri null.
    let params = json!({
        "processId": std::process::id(),
        "rootUri": dir.uri(""),
        "workspaceFolders": [{ "uri": dir.uri(""), "name": "essays" }],
        "capabilities": caps,
    });
    s.call("initialize", params);
    s.notify("initialized", json!({}));
    let text = "Stallin outlived all his rivals.\n";
    let uri = dir.uri("essay.md");
    s.notify("textDocument/didOpen", json!({ "textDocument": { "uri": uri, "languageId": "markdown", "version": 1, "text": text } }));
    let doc =
        Doc { uri: uri.clone(), language_id: "markdown".into(), text: text.into(), version: 1 };
    let d = s.wait_diagnostics(&uri, 1);
    let names = with_code(&d, "misspelled-name");
    assert_eq!(names.len(), 1, "{}", summarize(&d));
    assert_eq!(byte_range(&doc.text, &names[0]["range"], Enc::Utf16), Some(doc.find("Stallin")));

    let actions = s.code_actions(&doc, doc.find("Stallin"), &d);
    let fix =
        actions.iter().find(|a| a["edit"].is_object()).unwrap_or_else(|| panic!("{actions:#?}"));
    assert_eq!(
        apply_workspace_edit(&doc.text, &uri, &fix["edit"], Enc::Utf16),
        "Stalin outlived all his rivals.\n"
    );
    let ignore = actions
        .iter()
        .find(|a| a["command"]["command"] == "clio.addToIgnore")
        .unwrap_or_else(|| panic!("{actions:#?}"));

    let n = s.publication_count(&uri);
    let cmd = &ignore["command"];
    let r = s.call(
        "workspace/executeCommand",
        json!({ "command": cmd["command"], "arguments": cmd["arguments"] }),
    );
    let file = dir.0.join(".clio").join("ignore.txt");
    assert!(r.to_string().contains("ignore.txt"), "{r}");
    // The server does not write the list: it asks the editor to apply an edit (undoable).
    let asked = s.inbox().server_requests.iter().any(|(m, _)| m == "workspace/applyEdit");
    assert!(asked, "the word is added by an edit the client applies");
    let listed = std::fs::read_to_string(&file).expect("the editor created the ignore list");
    assert!(listed.lines().any(|l| l.trim() == "Stallin"), "{listed}");
    let p = s.wait_new_publication(&uri, n);
    assert!(!has(&p.diagnostics, "misspelled-name"), "ignored now: {}", summarize(&p.diagnostics));
    s.shutdown();
}
