//! Settings under `clio.` through all three routes — `initializationOptions`,
//! `workspace/didChangeConfiguration` (pushed) and `workspace/configuration` (pulled): checks
//! on and off without a restart, severities, ignored words, and a wrong-typed setting reported
//! once while the rest still apply.
//!
//! Each test that turns a check off keeps a positive control (a finding that must be there), so
//! that it cannot pass by finding nothing at all.

use clio_e2e::*;

/// One dubious date (1931: Kirov was shot in 1934) and one misspelled name.
const ESSAY: &str = "Kirov was murdered in 1931.\n\nStallin outlived all his rivals.\n";

fn has(diags: &[Value], c: &str) -> bool {
    !with_code(diags, c).is_empty()
}

fn caps_without_pull() -> Value {
    let mut caps = default_capabilities();
    caps["workspace"]["configuration"] = json!(false);
    caps
}

#[test]
fn initialization_options_turn_a_check_off() {
    let s = Server::start(
        json!({ "clio": { "checks": { "dubiousDate": false } } }),
        caps_without_pull(),
    );
    let doc = s.open("essay.md", "markdown", ESSAY);
    let d = s.wait_diagnostics(&doc.uri, 1);
    assert!(!has(&d, "dubious-date"), "dubiousDate is off:\n{}", summarize(&d));
    assert!(has(&d, "misspelled-name"), "the other checks still run:\n{}", summarize(&d));
    s.shutdown();
}

#[test]
fn initialization_options_may_be_the_clio_object_itself() {
    let s = Server::start(json!({ "checks": { "misspelledName": false } }), caps_without_pull());
    let doc = s.open("essay.md", "markdown", ESSAY);
    let d = s.wait_diagnostics(&doc.uri, 1);
    assert!(!has(&d, "misspelled-name"), "misspelledName is off:\n{}", summarize(&d));
    assert!(has(&d, "dubious-date"), "{}", summarize(&d));
    s.shutdown();
}

#[test]
fn pushed_settings_recheck_open_documents_without_a_restart() {
    let s = Server::start(Value::Null, caps_without_pull());
    let doc = s.open("essay.md", "markdown", ESSAY);
    let d = s.wait_diagnostics(&doc.uri, 1);
    assert!(
        has(&d, "dubious-date") && has(&d, "misspelled-name"),
        "both checks on by default:\n{}",
        summarize(&d)
    );

    let n = s.publication_count(&doc.uri);
    s.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "clio": { "checks": { "dubiousDate": false } } } }),
    );
    let p = s.wait_new_publication(&doc.uri, n);
    assert_eq!(p.version, Some(1), "the same version, re-checked");
    assert!(!has(&p.diagnostics, "dubious-date"), "turned off:\n{}", summarize(&p.diagnostics));
    assert!(has(&p.diagnostics, "misspelled-name"), "{}", summarize(&p.diagnostics));

    // And back on.
    let n = s.publication_count(&doc.uri);
    s.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "clio": { "checks": { "dubiousDate": true } } } }),
    );
    let p = s.wait_new_publication(&doc.uri, n);
    assert!(has(&p.diagnostics, "dubious-date"), "turned on again:\n{}", summarize(&p.diagnostics));
    s.shutdown();
}

#[test]
fn pushed_settings_always_trigger_a_recheck() {
    // Independent of the checks: a settings change re-publishes every open document.
    let s = Server::start(Value::Null, caps_without_pull());
    let a = s.open("a.md", "markdown", ESSAY);
    let b = s.open("b.tex", "latex", ESSAY);
    s.wait_diagnostics(&a.uri, 1);
    s.wait_diagnostics(&b.uri, 1);
    let (na, nb) = (s.publication_count(&a.uri), s.publication_count(&b.uri));
    s.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "clio": { "checks": { "anachronism": false } } } }),
    );
    assert_eq!(s.wait_new_publication(&a.uri, na).version, Some(1));
    assert_eq!(s.wait_new_publication(&b.uri, nb).version, Some(1));
    s.shutdown();
}

#[test]
fn pulled_settings_apply_at_start_and_on_change() {
    let mut s = Server::spawn();
    s.set_configuration(json!({ "clio": { "checks": { "dubiousDate": false } } }));
    s.initialize(Value::Null, default_capabilities());
    s.wait_for("the workspace/configuration pull at start", |i| {
        i.server_requests.iter().any(|(m, _)| m == "workspace/configuration").then_some(())
    });
    let doc = s.open("essay.md", "markdown", ESSAY);
    // The pulled settings may land just after didOpen; wait for the re-check that applies them.
    s.wait_diagnostics_where(
        &doc.uri,
        "misspelled-name is reported and dubious-date is off",
        |d| has(d, "misspelled-name") && !has(d, "dubious-date"),
    );

    // The editor says "something changed" without the values: the server pulls them.
    s.set_configuration(json!({ "clio": { "checks": { "misspelledName": false } } }));
    let pulls =
        s.inbox().server_requests.iter().filter(|(m, _)| m == "workspace/configuration").count();
    s.notify("workspace/didChangeConfiguration", json!({ "settings": null }));
    let params = s.wait_for("a second workspace/configuration pull", |i| {
        i.server_requests
            .iter()
            .filter(|(m, _)| m == "workspace/configuration")
            .nth(pulls)
            .map(|(_, p)| p.clone())
    });
    assert!(
        params["items"]
            .as_array()
            .is_some_and(|items| items.iter().any(|i| i["section"] == "clio")),
        "asks for the clio section: {params}"
    );
    s.wait_diagnostics_where(&doc.uri, "dubious-date is back and misspelled-name is off", |d| {
        has(d, "dubious-date") && !has(d, "misspelled-name")
    });
    s.shutdown();
}

#[test]
fn the_pull_asks_for_the_clio_section() {
    // Independent of the checks.
    let s = Server::start_default();
    let params = s.wait_for("the workspace/configuration pull at start", |i| {
        i.server_requests
            .iter()
            .find(|(m, _)| m == "workspace/configuration")
            .map(|(_, p)| p.clone())
    });
    assert!(
        params["items"]
            .as_array()
            .is_some_and(|items| items.iter().any(|i| i["section"] == "clio")),
        "{params}"
    );
    // A client without the capability is never asked.
    let s2 = Server::start(Value::Null, caps_without_pull());
    s2.notify("workspace/didChangeConfiguration", json!({ "settings": null }));
    s2.sync();
    assert!(
        s2.inbox().server_requests.iter().all(|(m, _)| m != "workspace/configuration"),
        "{:?}",
        s2.inbox().server_requests
    );
    s2.shutdown();
    s.shutdown();
}

#[test]
fn a_wrong_typed_setting_is_reported_exactly_once() {
    // Independent of the checks.
    let bad = json!({ "clio": { "checks": { "dubiousDate": "yes", "misspelledName": false } } });
    let s = Server::start(bad.clone(), caps_without_pull());
    let doc = s.open("essay.md", "markdown", ESSAY);
    s.wait_diagnostics(&doc.uri, 1);
    s.sync();
    let shown = s.show_messages();
    assert_eq!(shown.len(), 1, "one window/showMessage: {shown:?}");
    let text = shown[0]["message"].as_str().unwrap_or_default();
    assert!(text.contains("dubiousDate"), "names the setting: {text:?}");
    assert!(
        matches!(shown[0]["type"].as_i64(), Some(1 | 2)),
        "an error or a warning: {}",
        shown[0]
    );

    // The same settings again (pushed): not shown again. The re-check is published after any
    // message the settings caused, so once it is here the message count is final.
    let n = s.publication_count(&doc.uri);
    s.notify("workspace/didChangeConfiguration", json!({ "settings": bad }));
    s.wait_new_publication(&doc.uri, n);
    s.sync();
    assert_eq!(s.show_messages().len(), 1, "{:?}", s.show_messages());

    // A different mistake is news.
    let n = s.publication_count(&doc.uri);
    s.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "clio": { "severity": { "dubious-date": 3 } } } }),
    );
    s.wait_new_publication(&doc.uri, n);
    s.sync();
    let shown = s.show_messages();
    assert_eq!(shown.len(), 2, "{shown:?}");
    assert!(
        shown[1]["message"].as_str().unwrap_or_default().contains("dubious-date"),
        "{}",
        shown[1]
    );
    s.shutdown();
}

#[test]
fn a_wrong_typed_setting_leaves_the_rest_in_force() {
    let s = Server::start(
        json!({ "clio": { "checks": { "dubiousDate": "yes", "misspelledName": false }, "ignoreWords": 7 } }),
        caps_without_pull(),
    );
    let doc = s.open("essay.md", "markdown", ESSAY);
    let d = s.wait_diagnostics(&doc.uri, 1);
    assert!(!has(&d, "misspelled-name"), "misspelledName: false applies:\n{}", summarize(&d));
    assert!(
        has(&d, "dubious-date"),
        "the bad value leaves dubiousDate at its default (on):\n{}",
        summarize(&d)
    );
    s.sync();
    assert_eq!(s.show_messages().len(), 2, "one message per bad value: {:?}", s.show_messages());
    s.shutdown();
}

#[test]
fn severity_can_be_raised_or_turned_off() {
    let s = Server::start(
        json!({ "clio": { "severity": { "dubious-date": "error", "misspelled-name": "hint" } } }),
        caps_without_pull(),
    );
    let doc = s.open("essay.md", "markdown", ESSAY);
    let d = s.wait_diagnostics(&doc.uri, 1);
    let dates = with_code(&d, "dubious-date");
    assert!(!dates.is_empty(), "{}", summarize(&d));
    assert!(dates.iter().all(|x| x["severity"] == 1), "error: {}", summarize(&d));
    let names = with_code(&d, "misspelled-name");
    assert!(
        !names.is_empty() && names.iter().all(|x| x["severity"] == 4),
        "hint: {}",
        summarize(&d)
    );

    let n = s.publication_count(&doc.uri);
    s.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "clio": { "severity": { "dubious-date": "off" } } } }),
    );
    let p = s.wait_new_publication(&doc.uri, n);
    assert!(!has(&p.diagnostics, "dubious-date"), "off: {}", summarize(&p.diagnostics));
    assert!(has(&p.diagnostics, "misspelled-name"), "{}", summarize(&p.diagnostics));
    s.shutdown();
}

#[test]
fn ignored_words_are_not_misspelled_names() {
    let text = "Stallin outlived all his rivals.\n\nBukhrin edited Pravda.\n";
    let s = Server::start(json!({ "clio": { "ignoreWords": ["Stallin"] } }), caps_without_pull());
    let doc = s.open("essay.md", "markdown", text);
    let d = s.wait_diagnostics(&doc.uri, 1);
    let names = with_code(&d, "misspelled-name");
    assert_eq!(names.len(), 1, "only Bukhrin:\n{}", summarize(&d));
    assert_eq!(byte_range(&doc.text, &names[0]["range"], s.enc()), Some(doc.find("Bukhrin")));
    s.shutdown();
}

#[test]
fn each_figure_code_has_its_own_switch() {
    // The official count of votes against Stalin in 1934 is contested; Stakhanov's 120 tonnes
    // match no source. `dubiousFigure` off once silenced contested figures too.
    let text = "Only 3 delegates voted against Stalin in 1934.\n\nStakhanov cut 120 tonnes of coal in 1935.\n";
    let s = Server::start(
        json!({ "clio": { "checks": { "dubiousFigure": false } } }),
        caps_without_pull(),
    );
    let doc = s.open("essay.md", "markdown", text);
    let d = s.wait_diagnostics(&doc.uri, 1);
    assert!(has(&d, "contested-figure"), "contestedFigure is on:\n{}", summarize(&d));
    assert!(!has(&d, "dubious-figure"), "dubiousFigure is off:\n{}", summarize(&d));

    let n = s.publication_count(&doc.uri);
    s.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "clio": { "checks": { "contestedFigure": false } } } }),
    );
    let p = s.wait_new_publication(&doc.uri, n);
    assert!(
        has(&p.diagnostics, "dubious-figure"),
        "dubiousFigure is on:\n{}",
        summarize(&p.diagnostics)
    );
    assert!(
        !has(&p.diagnostics, "contested-figure"),
        "contestedFigure is off:\n{}",
        summarize(&p.diagnostics)
    );
    s.shutdown();
}
