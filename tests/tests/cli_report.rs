//! `clio-ls report` and `clio-ls kb extract` end to end: the report's data (JSON) for a small
//! class whose slips, balance and dated claims are known; the HTML file it writes; what it does
//! with bad input; and `kb extract` walking a folder as `check` does.

use clio_e2e::cli::{clio, Folder};
use clio_e2e::Value;

fn class() -> Folder {
    let dir = Folder::new("report");
    dir.write("class/ann.md", "# Terror\n\nKirov was murdered in 1936, and Lenin died in January 1924.\n\nLenin's terror made Stalin's terror inevitable.\n");
    dir.write("class/ben.md", "Kirov was murdered in 1936. In 1911 the harvest was poor.\n");
    dir.write("class/cat.txt", "Stallin outlived his rivals.\n");
    dir
}

fn claims(essay: &Value) -> Vec<String> {
    essay["timeline"]["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .map(|c| {
            let record =
                c["record"]["label"].as_str().map(|l| format!(" ({l})")).unwrap_or_default();
            format!(
                "{} {}{record}",
                c["written"].as_str().unwrap_or(""),
                c["verdict"].as_str().unwrap_or("")
            )
        })
        .collect()
}

#[test]
fn the_report_data_holds_findings_balance_timelines_and_shared_slips() {
    let dir = class();
    let r = clio(&dir.0, &["report", "--format", "json", "class"]);
    assert_eq!(r.code, 0, "findings do not fail a report: {r:?}");
    let v = r.json();
    let essays = v["essays"].as_array().expect("essays");
    let paths: Vec<&str> = essays.iter().map(|e| e["path"].as_str().unwrap_or("")).collect();
    assert_eq!(paths, ["class/ann.md", "class/ben.md", "class/cat.txt"]);
    assert_eq!(essays[0]["byCode"]["dubious-date"], 1);
    assert_eq!(essays[2]["byCode"]["misspelled-name"], 1);
    assert_eq!(essays[0]["balance"]["continuity"], 1);
    assert_eq!(
        claims(&essays[0]),
        [
            "1936 contradicts (1934)",
            "January 1924 matches (Vladimir Ilyich Lenin died 21 January 1924)"
        ]
    );
    assert_eq!(claims(&essays[1]), ["1936 contradicts (1934)", "1911 unknown"]);
    let record = &essays[0]["timeline"]["claims"][0]["record"]["dates"];
    assert_eq!(
        (record["from"].as_str(), record["to"].as_str()),
        (Some("1934-01-01"), Some("1934-12-31"))
    );
    let sides: Vec<&Value> = essays[0]["timeline"]["paragraphs"]
        .as_array()
        .expect("paragraphs")
        .iter()
        .map(|p| &p["side"])
        .collect();
    assert_eq!(sides, [&Value::Null, &Value::Null, &Value::from("continuity")]);
    let slip = &v["slips"][0];
    assert_eq!(slip["code"], "dubious-date");
    assert_eq!(slip["essays"], serde_json::json!(["class/ann.md", "class/ben.md"]));
    assert!(slip["message"].as_str().is_some_and(|m| m.contains("not 1936")), "{slip}");
}

#[test]
fn the_html_report_is_one_file_that_fetches_nothing() {
    let dir = class();
    let r = clio(&dir.0, &["report", "class", "--html", "out/report.html", "--title", "Form <4B>"]);
    assert_eq!(r.code, 2, "the folder for the file does not exist: {r:?}");
    assert!(r.stderr.contains("cannot write out/report.html"), "{}", r.stderr);
    std::fs::create_dir_all(dir.path("out")).expect("out/");
    let r = clio(&dir.0, &["report", "class", "--html", "out/report.html", "--title", "Form <4B>"]);
    assert_eq!(r.code, 0, "{r:?}");
    assert!(
        r.stdout.contains("Most common slips:\n  2 of 3 essays [dubious-date]"),
        "{}",
        r.stdout
    );
    let html = std::fs::read_to_string(dir.path("out/report.html")).expect("the report");
    assert!(html.starts_with("<!doctype html>"));
    assert!(html.contains("<title>Form &lt;4B&gt;</title>"), "the title is escaped");
    assert!(html.contains("default-src 'none'"), "a policy that forbids every fetch");
    for fetch in ["<script", "<link", "src=\"http", "href=\"http", "url("] {
        assert!(!html.contains(fetch), "{fetch} in the report");
    }
    assert_eq!(html.matches("<svg class=\"timeline\"").count(), 3);
    assert_eq!(html.matches("<tr><td><a href=\"#essay-").count(), 3);
}

#[test]
fn a_report_names_what_it_could_not_read_and_exits_2() {
    let dir = class();
    dir.write("class/bad.txt", b"Kirov \xe9tait l\xe0.\n");
    let r = clio(&dir.0, &["report", "--format", "json", "class", "gone"]);
    assert_eq!(r.code, 2, "{r:?}");
    let v = r.json();
    assert_eq!(v["essays"].as_array().map(Vec::len), Some(3));
    let errors: Vec<&str> = v["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| e["path"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(errors, ["gone", "class/bad.txt"]);
    assert!(r.stderr.contains("class/bad.txt: not UTF-8 text"), "{}", r.stderr);
}

#[test]
fn kb_extract_takes_folders_and_reports_what_it_cannot_read() {
    let dir = Folder::new("extract");
    dir.write("essays/a.md", "Comrade Zebulonov was shot in 1937.\n");
    dir.write("essays/deeper/b.md", "Kirov was murdered in 1934.\n");
    let r = clio(&dir.0, &["kb", "extract", "essays"]);
    assert_eq!(r.code, 0, "{r:?}");
    assert!(r.stdout.contains("essays/a.md\t"), "{}", r.stdout);
    assert!(r.stdout.contains("Zebulonov"), "{}", r.stdout);
    let r = clio(&dir.0, &["kb", "extract", "essays", "missing.md"]);
    assert_eq!(r.code, 2, "{r:?}");
    assert!(r.stderr.contains("missing.md: no such file or folder"), "{}", r.stderr);
}
