//! Every output format of `clio-ls check`, validated: the text (source line, carets, fixes,
//! summary, colour), JSON (each diagnostic an LSP `Diagnostic`, ranges and fixes that point
//! at the right text, read with positions computed here), SARIF (the structure the 2.1.0
//! schema requires, checked by hand: the schema's own file is not ours to vendor; the browser
//! suite validates against the schema itself) and GitHub workflow commands.

use clio_e2e::cli::{clio, Folder};
use clio_e2e::{apply_workspace_edit, byte_range, json, Enc, Value};
use expect_test::expect;
use tower_lsp::lsp_types::{Diagnostic, TextEdit};

const ESSAY: &str = "# “Kirov”\n\nKirov was murdered in 1931, and Stallin’s men were blamed.\n\n\
                     The NEP began in 1925.\n";

fn folder() -> Folder {
    let dir = Folder::new("formats");
    dir.write("essay.md", ESSAY);
    dir
}

#[test]
fn text_shows_each_finding_with_its_line_carets_fix_and_a_summary() {
    let dir = folder();
    let r = clio(&dir.0, &["check", "essay.md"]);
    assert_eq!(r.code, 1);
    let out = r.stdout.split("Checked 1 file in").next().unwrap_or("").to_string();
    expect![[r#"
        essay.md:3:23: warning[dubious-date]: Sergei Kirov was murdered on 1 December 1934 (fact base; essays 000, 002), not 1931.
          |
        3 | Kirov was murdered in 1931, and Stallin’s men were blamed.
          |                       ^^^^
          |
          = help: replace with “1934”

        essay.md:3:33: warning[misspelled-name]: “Stallin” looks like a misspelling of Stalin (Joseph Stalin)
          |
        3 | Kirov was murdered in 1931, and Stallin’s men were blamed.
          |                                 ^^^^^^^
          |
          = help: replace with “Stalin”

        essay.md:5:18: warning[dubious-date]: The New Economic Policy began in March 1921 (fact base; essays 000, 001, 002, 003, 004), not 1925.
          |
        5 | The NEP began in 1925.
          |                  ^^^^
          |
          = help: replace with “1921”

    "#]]
    .assert_eq(&out);
    let summary = r.stdout.lines().filter(|l| !l.starts_with("Checked")).rev().take(2);
    let summary: Vec<&str> = summary.collect();
    assert_eq!(
        summary,
        ["  by code:     dubious-date 2 · misspelled-name 1", "  by severity: 3 warnings"]
    );
    assert!(r.stdout.ends_with('\n'));
    assert!(!r.stdout.contains('\u{1b}'), "no colour off a terminal");
    let coloured = clio(&dir.0, &["check", "--color", "always", "essay.md"]);
    assert!(coloured.stdout.contains("\u{1b}[1;33mwarning"), "{}", coloured.stdout);
    let quiet = clio(&dir.0, &["check", "--quiet", "essay.md"]);
    assert!(!quiet.stdout.contains("Checked"), "{}", quiet.stdout);
    assert_eq!(quiet.code, 1);
}

#[test]
fn json_holds_lsp_diagnostics_and_fixes_as_text_edits_per_file() {
    let dir = folder();
    let r = clio(&dir.0, &["check", "--format", "json", "essay.md"]);
    assert_eq!(r.code, 1, "{r:?}");
    let v = r.json();
    assert_eq!(v["positionEncoding"], "utf-16");
    let file = &v["files"][0];
    assert_eq!(file["path"], "essay.md");
    let uri = file["uri"].as_str().expect("a uri");
    assert!(uri.starts_with("file:///") && uri.ends_with("/essay.md"), "{uri}");
    let diags = file["diagnostics"].as_array().expect("diagnostics");
    let mut seen = Vec::new();
    for d in diags {
        let typed: Diagnostic = serde_json::from_value(d.clone()).expect("an LSP Diagnostic");
        assert_eq!(typed.source.as_deref(), Some("clio"));
        let r = byte_range(ESSAY, &d["range"], Enc::Utf16).expect("a range in the text");
        seen.push(format!("{} {}", clio_e2e::code(d), &ESSAY[r]));
    }
    assert_eq!(seen, ["dubious-date 1931", "misspelled-name Stallin", "dubious-date 1925"]);
    let mut fixed = ESSAY.to_string();
    // Apply the preferred fix of each diagnostic, last first so that ranges hold.
    let fixes = file["fixes"].as_array().expect("fixes");
    for f in fixes.iter().rev().filter(|f| f["isPreferred"] == true) {
        let edits: Vec<TextEdit> = serde_json::from_value(f["edits"].clone()).expect("TextEdits");
        assert_eq!(edits.len(), 1);
        let edit = json!({ "changes": { uri: f["edits"] } });
        fixed = apply_workspace_edit(&fixed, uri, &edit, Enc::Utf16);
        assert!(f["diagnostic"].as_u64().is_some_and(|i| (i as usize) < diags.len()));
    }
    assert_eq!(
        fixed,
        "# “Kirov”\n\nKirov was murdered in 1934, and Stalin’s men were blamed.\n\n\
         The NEP began in 1921.\n"
    );
    assert_eq!(v["summary"]["findings"], 3);
    assert_eq!(v["summary"]["byCode"]["dubious-date"], 2);
    assert_eq!(v["errors"], json!([]));
}

/// The parts of SARIF 2.1.0 a result needs, as its schema requires them; panics on the first
/// that is missing or of the wrong kind.
fn assert_sarif(v: &Value) {
    assert_eq!(v["version"], "2.1.0");
    assert!(v["$schema"].as_str().is_some_and(|s| s.contains("sarif-2.1.0")));
    let runs = v["runs"].as_array().expect("runs is an array");
    assert_eq!(runs.len(), 1);
    let run = &runs[0];
    let driver = &run["tool"]["driver"];
    assert!(driver["name"].is_string(), "tool.driver.name is required");
    let rules = driver["rules"].as_array().expect("rules");
    for r in rules {
        assert!(r["id"].is_string(), "rule id: {r}");
    }
    assert!(matches!(run["columnKind"].as_str(), Some("utf16CodeUnits" | "unicodeCodePoints")));
    for result in run["results"].as_array().expect("results is an array") {
        assert!(result["message"]["text"].is_string(), "message.text: {result}");
        let rule = result["ruleId"].as_str().expect("ruleId");
        let index = result["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[index]["id"], rule, "ruleIndex points at its rule");
        assert!(matches!(result["level"].as_str(), Some("none" | "note" | "warning" | "error")));
        for loc in result["locations"].as_array().expect("locations") {
            let phys = &loc["physicalLocation"];
            assert!(phys["artifactLocation"]["uri"].is_string(), "{loc}");
            assert_region(&phys["region"]);
        }
        for fix in result["fixes"].as_array().into_iter().flatten() {
            assert!(fix["description"]["text"].is_string());
            let changes = fix["artifactChanges"].as_array().expect("artifactChanges");
            assert!(!changes.is_empty(), "artifactChanges has at least one item");
            for ch in changes {
                assert!(ch["artifactLocation"]["uri"].is_string());
                let reps = ch["replacements"].as_array().expect("replacements");
                assert!(!reps.is_empty());
                for rep in reps {
                    assert_region(&rep["deletedRegion"]);
                    assert!(rep["insertedContent"]["text"].is_string());
                }
            }
        }
    }
    for inv in run["invocations"].as_array().expect("invocations") {
        assert!(inv["executionSuccessful"].is_boolean(), "executionSuccessful is required");
        for n in inv["toolExecutionNotifications"].as_array().into_iter().flatten() {
            assert!(n["message"]["text"].is_string());
        }
    }
}

fn assert_region(r: &Value) {
    let n = |k: &str| r[k].as_u64().unwrap_or_else(|| panic!("{k} in {r}"));
    assert!(n("startLine") >= 1 && n("startColumn") >= 1 && n("endColumn") >= 1, "{r}");
    assert!(n("endLine") >= n("startLine"), "{r}");
}

/// The text a 1-based line/column region covers, columns in characters.
fn region_text(text: &str, r: &Value) -> String {
    let line = |n: u64| text.split('\n').nth(n as usize - 1).unwrap_or("").to_string();
    assert_eq!(r["startLine"], r["endLine"]);
    let l: Vec<char> = line(r["startLine"].as_u64().unwrap_or(1)).chars().collect();
    let (a, b) = (
        r["startColumn"].as_u64().unwrap_or(1) as usize,
        r["endColumn"].as_u64().unwrap_or(1) as usize,
    );
    l[a - 1..b - 1].iter().collect()
}

#[test]
fn sarif_has_what_the_2_1_0_schema_requires_and_regions_that_point_right() {
    let dir = folder();
    let r = clio(&dir.0, &["check", "--format", "sarif", "essay.md", "gone.md"]);
    assert_eq!(r.code, 2, "{r:?}");
    let v = r.json();
    assert_sarif(&v);
    let run = &v["runs"][0];
    let results = run["results"].as_array().expect("results");
    let found: Vec<String> = results
        .iter()
        .map(|x| {
            let loc = &x["locations"][0]["physicalLocation"];
            format!(
                "{} {} {} {:?}",
                x["ruleId"].as_str().unwrap_or(""),
                x["level"].as_str().unwrap_or(""),
                loc["artifactLocation"]["uri"].as_str().unwrap_or(""),
                region_text(ESSAY, &loc["region"])
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            "dubious-date warning essay.md \"1931\"",
            "misspelled-name warning essay.md \"Stallin\"",
            "dubious-date warning essay.md \"1925\""
        ]
    );
    let fix = &results[0]["fixes"][0]["artifactChanges"][0]["replacements"][0];
    assert_eq!(fix["insertedContent"]["text"], "1934");
    assert_eq!(region_text(ESSAY, &fix["deletedRegion"]), "1931");
    let inv = &run["invocations"][0];
    assert_eq!(inv["executionSuccessful"], false);
    assert_eq!(inv["toolExecutionNotifications"][0]["message"]["text"], "no such file or folder");
    assert_eq!(
        run["originalUriBaseIds"]["%SRCROOT%"]["uri"].as_str().map(|u| u.ends_with('/')),
        Some(true)
    );
}

#[test]
fn github_annotations_are_one_workflow_command_per_finding() {
    let dir = folder();
    dir.write("odd, name%.md", "Kirov was murdered in 1931.\n");
    let r = clio(&dir.0, &["check", "--format", "github", "essay.md", "odd, name%.md", "gone.md"]);
    assert_eq!(r.code, 2);
    expect![[r#"
        ::warning file=essay.md,line=3,col=23,endLine=3,endColumn=27,title=clio dubious-date::Sergei Kirov was murdered on 1 December 1934 (fact base; essays 000, 002), not 1931.
        ::warning file=essay.md,line=3,col=33,endLine=3,endColumn=40,title=clio misspelled-name::“Stallin” looks like a misspelling of Stalin (Joseph Stalin)
        ::warning file=essay.md,line=5,col=18,endLine=5,endColumn=22,title=clio dubious-date::The New Economic Policy began in March 1921 (fact base; essays 000, 001, 002, 003, 004), not 1925.
        ::warning file=odd%2C name%25.md,line=1,col=23,endLine=1,endColumn=27,title=clio dubious-date::Sergei Kirov was murdered on 1 December 1934 (fact base; essays 000, 002), not 1931.
        ::error file=gone.md,title=clio::no such file or folder
    "#]]
    .assert_eq(&r.stdout);
    assert!(r.stderr.contains("Checked 2 files"), "the summary goes to stderr: {}", r.stderr);
}
