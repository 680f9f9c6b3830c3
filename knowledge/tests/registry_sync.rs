//! The editors and the READMEs list exactly the codes the registered checks declare, with the
//! same setting keys and descriptions: a check cannot be half-registered. Adding a check means
//! adding its blocks here too (the failure says which).

use std::path::{Path, PathBuf};

use knowledge::{Code, CodeSpec};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read(path: &str) -> String {
    std::fs::read_to_string(repo().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The declared codes in the order editors list them (`Code::ALL`).
fn specs() -> Vec<&'static CodeSpec> {
    Code::ALL.iter().map(|c| c.spec()).collect()
}

fn settings() -> Vec<String> {
    specs().iter().map(|s| s.setting.to_string()).collect()
}

#[test]
fn vscode_declares_a_switch_and_a_severity_per_code() {
    let json: serde_json::Value =
        serde_json::from_str(&read("editors/vscode/package.json")).expect("package.json parses");
    let props = json["contributes"]["configuration"]["properties"]
        .as_object()
        .expect("contributes.configuration.properties");
    // (The JSON object's keys come sorted: compare as sets.)
    let listed = |prefix: &str| -> Vec<String> {
        props.keys().filter_map(|k| k.strip_prefix(prefix)).map(str::to_string).collect()
    };
    let mut declared = settings();
    declared.sort();
    assert_eq!(listed("clio.checks."), declared, "clio.checks.* in package.json");
    assert_eq!(listed("clio.severity."), declared, "clio.severity.* in package.json");
    for s in specs() {
        let switch = &props[&format!("clio.checks.{}", s.setting)];
        assert_eq!(switch["type"], "boolean", "{}", s.setting);
        assert_eq!(switch["default"], true, "{}", s.setting);
        assert_eq!(switch["description"], s.description, "clio.checks.{}", s.setting);
        let severity = &props[&format!("clio.severity.{}", s.setting)];
        let text = severity["markdownDescription"].as_str().unwrap_or("");
        assert!(text.contains(&format!("`{}`", s.name)), "clio.severity.{}: {text}", s.setting);
    }
}

#[test]
fn neovim_config_switches_every_code_on() {
    let lua = read("editors/nvim/lsp/clio.lua");
    let block = lua
        .split_once("checks = {")
        .and_then(|(_, rest)| rest.split_once('}'))
        .map(|(inside, _)| inside)
        .expect("a `checks = { ... }` table in clio.lua");
    let keys: Vec<String> = block
        .lines()
        .filter_map(|l| l.trim().strip_suffix("= true,"))
        .map(|k| k.trim().to_string())
        .collect();
    assert_eq!(keys, settings(), "checks in editors/nvim/lsp/clio.lua");
}

/// The keys a README lists in `prefix{a,b,...}` or as `` `.a`, `.b` `` after `first`.
fn listed_after(text: &str, start: &str, end: char) -> Vec<String> {
    let (_, rest) = text.split_once(start).unwrap_or_else(|| panic!("no {start:?}"));
    let inside = rest.split(end).next().unwrap_or("");
    inside
        .split(',')
        .map(|k| k.trim().trim_matches('`').trim_start_matches('.').to_string())
        .filter(|k| !k.is_empty())
        .collect()
}

#[test]
fn readmes_list_every_setting() {
    let settings = settings();
    let first = &settings[0];
    let readme = read("README.md");
    let mut root = vec![first.clone()];
    root.extend(listed_after(&readme, &format!("`clio.checks.{first}`,"), '|'));
    assert_eq!(root, settings, "the settings table of README.md");
    let nvim = read("editors/nvim/README.md");
    assert_eq!(listed_after(&nvim, "checks.{", '}'), settings, "editors/nvim/README.md");
    let vscode = read("editors/vscode/README.md");
    let rows: Vec<String> = vscode
        .lines()
        .filter_map(|l| l.strip_prefix("| `clio.checks."))
        .filter_map(|l| l.split('`').next())
        .map(str::to_string)
        .collect();
    assert_eq!(rows, settings, "the settings table of editors/vscode/README.md");
}
