//! The dependency rule between the crate's modules (drawn in ARCHITECTURE.md), read from the
//! source: no module imports one that imports it back, and the lower layers never reach up.
//!
//! A unit is a top-level module (`base`, `text`, `analysis`, `finding`, ...), except that each
//! child of `checks` (a check, the grammar, the descriptor) is a unit of its own: a unit's files
//! may use each other. An edge is a path to another unit in code that is not a test.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).expect("src/ is readable").flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// A file's module path: `checks::dubious_date::facts` for `src/checks/dubious_date/facts.rs`.
fn module_of(file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src()).expect("under src/");
    let mut parts: Vec<String> =
        rel.iter().map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string()).collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts
}

/// The unit a module belongs to: its top-level module, or for `checks` its child.
fn unit_of(module: &[String]) -> String {
    match module {
        [] => "lib".into(),
        [checks, child, ..] if checks == "checks" => format!("checks::{child}"),
        [top, ..] => top.clone(),
    }
}

/// The code of a file that is not a test: without comments, `#[cfg(test)] mod x;` lines and
/// anything after `#[cfg(test)] mod tests {`.
fn code(file: &Path) -> String {
    let text = std::fs::read_to_string(file).expect("source is readable");
    let mut out = Vec::new();
    let mut lines = text.lines();
    while let Some(l) = lines.next() {
        if l.trim_start().starts_with("#[cfg(test)]") {
            match lines.next() {
                Some(next) if next.trim_end().ends_with(';') => continue,
                _ => break,
            }
        }
        if !l.trim_start().starts_with("//") {
            out.push(l);
        }
    }
    out.join("\n")
}

/// Every `crate::a::b` and `super::a::b` path in the code, brace groups expanded, as the module
/// path it names (the longest prefix that is a known module).
fn paths(code: &str, module: &[String], modules: &BTreeSet<Vec<String>>) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    // Paths from the crate root or a parent, and paths into a child module ("dubious_date::CHECK").
    let child = |name: &str| {
        let mut m = module.to_vec();
        m.push(name.to_string());
        modules.contains(&m)
    };
    let starts = code.match_indices("::").map(|(i, _)| {
        code[..i].rfind(|c: char| !(c.is_alphanumeric() || c == '_')).map_or(0, |j| j + 1)
    });
    for start in starts {
        let head = &code[start..];
        let first = head.split("::").next().unwrap_or("");
        if start > 0 && code[..start].ends_with("::") {
            continue;
        }
        if !(first == "crate" || first == "super" || child(first)) {
            continue;
        }
        let rest = &code[start..];
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':' || c == '{'))
            .unwrap_or(rest.len());
        let mut path = &rest[..end];
        let group = if path.ends_with('{') {
            let close = rest.find('}').unwrap_or(rest.len());
            path = path.trim_end_matches('{');
            rest[end..close].split(',').map(|s| s.trim().to_string()).collect()
        } else {
            vec![String::new()]
        };
        for member in group {
            let mut segs: Vec<String> = Vec::new();
            let mut base: Vec<String> = module.to_vec();
            for seg in path.split("::").chain(member.split("::")).filter(|s| !s.is_empty()) {
                match seg {
                    "crate" => base.clear(),
                    "super" => {
                        base.pop();
                    }
                    s => segs.push(s.to_string()),
                }
            }
            let mut full = base.clone();
            full.extend(segs);
            while !full.is_empty() && !modules.contains(&full) {
                full.pop();
            }
            out.push(full);
        }
    }
    out
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let files: Vec<PathBuf> = files
        .into_iter()
        .filter(|f| {
            !matches!(f.file_name().and_then(|n| n.to_str()), Some("tests.rs" | "testing.rs"))
        })
        .collect();
    let modules: BTreeSet<Vec<String>> = files.iter().map(|f| module_of(f)).collect();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in &files {
        let module = module_of(f);
        let from = unit_of(&module);
        let to_units = edges.entry(from.clone()).or_default();
        for p in paths(&code(f), &module, &modules) {
            let to = unit_of(&p);
            if to != from && !to.is_empty() {
                to_units.insert(to);
            }
        }
    }
    edges
}

/// A cycle through `start`, if any.
fn cycle_from(edges: &BTreeMap<String, BTreeSet<String>>, start: &str) -> Option<Vec<String>> {
    let mut stack = vec![(start.to_string(), vec![start.to_string()])];
    let mut seen = BTreeSet::new();
    while let Some((at, path)) = stack.pop() {
        for next in edges.get(&at).into_iter().flatten() {
            if next == start {
                let mut cycle = path.clone();
                cycle.push(start.to_string());
                return Some(cycle);
            }
            if seen.insert(next.clone()) {
                let mut p = path.clone();
                p.push(next.clone());
                stack.push((next.clone(), p));
            }
        }
    }
    None
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let edges = graph();
    let cycles: Vec<String> =
        edges.keys().filter_map(|u| cycle_from(&edges, u)).map(|c| c.join(" -> ")).collect();
    let drawn: Vec<String> = edges
        .iter()
        .map(|(u, ts)| format!("{u} -> {}", ts.iter().cloned().collect::<Vec<_>>().join(", ")))
        .collect();
    assert!(
        cycles.is_empty(),
        "import circles:\n{}\n\nthe graph:\n{}",
        cycles.join("\n"),
        drawn.join("\n")
    );
}

#[test]
fn lower_layers_never_reach_up() {
    let edges = graph();
    let reaches = |from: &str, to: &str| {
        edges
            .iter()
            .filter(|(u, _)| *u == from || u.starts_with(&format!("{from}::")))
            .flat_map(|(u, ts)| ts.iter().map(move |t| (u.clone(), t.clone())))
            .filter(|(_, t)| t == to || t.starts_with(&format!("{to}::")))
            .collect::<Vec<_>>()
    };
    // The leaves: what a finding is, and the settings.
    for leaf in ["finding", "config"] {
        let up: Vec<&String> =
            edges.get(leaf).into_iter().flatten().filter(|t| *t != "finding").collect();
        assert!(up.is_empty(), "{leaf} imports {up:?}");
    }
    // The fact base and the text know nothing of checks, analysis or their results.
    for low in ["base", "text", "finding", "config", "claim"] {
        for high in ["checks", "analysis", "prepared", "hover", "complete", "extract"] {
            assert_eq!(reaches(low, high), vec![], "{low} must not use {high}");
        }
    }
    // The checks never call the runner or hold the prepared base.
    for high in ["analysis", "prepared", "hover"] {
        assert_eq!(reaches("checks", high), vec![], "checks must not use {high}");
    }
}
