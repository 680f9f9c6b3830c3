//! Each file's project: the nearest `clio.toml` and `.clio/` folder in or above its folder,
//! read into the same `Settings` and `Rules` the server uses (a `clio.toml` holds the keys of
//! the `clio.*` settings), with the command line's flags on top, and the fact base those
//! settings load. Projects are found and loaded once, before any file is checked.
//!
//! Packs are found with the server's walk (`files.rs`: every folder once, no link out of the
//! folder named, FIFOs and devices reported, not opened) and size-capped, so a `.clio/a -> .` link, a FIFO named
//! `pipe.toml` or an `ignore.txt` linked to `/dev/zero` is an error, never a hang.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use knowledge::{Code, KnowledgeBase, Prepared};
use serde_json::Value;

use super::args::SettingsArgs;
use crate::config::{Level, Rules, Settings};
use crate::files::{self, Links};
use crate::workspace;

/// The settings one group of files is checked with.
pub struct Project {
    pub kb: Prepared,
    pub rules: Rules,
}

/// Where a file's settings come from: the nearest `clio.toml`, the nearest folder holding a
/// `.clio/` folder.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Origin {
    toml: Option<PathBuf>,
    root: Option<PathBuf>,
}

/// The projects of a run, each loaded once.
pub struct Projects {
    by_dir: HashMap<PathBuf, Arc<Project>>,
    by_origin: HashMap<Origin, Arc<Project>>,
    /// Messages about settings or packs that were wrong (the run exits 2).
    pub errors: Vec<String>,
    flags: SettingsArgs,
    /// Whether this run reads the essays' argument balance (the report does, `check` does not).
    balance: bool,
}

impl Projects {
    /// `balance`: whether the run reads each essay's argument balance. Without it the
    /// counterargument claims are not computed unless that check is on, which saves about a
    /// quarter of an essay's analysis; the findings are the same.
    pub fn new(flags: &SettingsArgs, balance: bool) -> Projects {
        Projects {
            by_dir: HashMap::new(),
            by_origin: HashMap::new(),
            errors: Vec::new(),
            flags: flags.clone(),
            balance,
        }
    }

    /// The project of a file (loading it the first time it is asked for).
    pub fn of(&mut self, file: &Path) -> Arc<Project> {
        let dir = std::path::absolute(file)
            .ok()
            .and_then(|p| p.parent().map(Path::to_path_buf))
            .unwrap_or_else(|| PathBuf::from("."));
        if let Some(p) = self.by_dir.get(&dir) {
            return p.clone();
        }
        let origin = find_origin(&dir);
        let project = match self.by_origin.get(&origin) {
            Some(p) => p.clone(),
            None => {
                let p = Arc::new(self.load(&origin));
                self.by_origin.insert(origin, p.clone());
                p
            }
        };
        self.by_dir.insert(dir, project.clone());
        project
    }

    fn load(&mut self, origin: &Origin) -> Project {
        let (settings, mut packs) = self.settings(origin);
        packs.extend(origin.root.iter().map(|r| r.join(".clio")));
        let files = self.pack_files(&packs);
        let (kb, load_errors) = if files.is_empty() {
            KnowledgeBase::embedded()
        } else {
            // Walked once here to know whether there are any packs at all, and handed over one
            // file at a time so that each walk problem is said once.
            workspace::load_knowledge(&files, &[])
        };
        self.errors.extend(load_errors.iter().map(|e| e.to_string()));
        let mut words = Vec::new();
        if let Some(root) = &origin.root {
            let list = workspace::ignore_file(root);
            match std::fs::metadata(&list) {
                Ok(m) if m.is_file() && m.len() <= workspace::MAX_FILE => {
                    let list = workspace::IgnoreList::read(root);
                    self.errors.extend(list.problems);
                    words = list.words;
                }
                Ok(_) => self.errors.push(format!(
                    "{}: not a regular file of at most {} MB; not read",
                    list.display(),
                    workspace::MAX_FILE / 1_000_000
                )),
                Err(_) => {}
            }
        }
        let mut rules = Rules::new(&settings, &words);
        rules.config.without_balance = !self.balance;
        Project { kb: Prepared::new(kb), rules }
    }

    /// Every pack file under `paths` (files or folders), each once, walked as the server walks
    /// packs (no link out of the folder named); what cannot be read is an error.
    fn pack_files(&mut self, paths: &[PathBuf]) -> Vec<PathBuf> {
        let is_toml = |p: &Path| p.extension().is_some_and(|x| x == "toml");
        let found = files::walk(paths, &is_toml, Links::Inside);
        for (path, why) in &found.problems {
            self.errors.push(format!("{}: {why}", path.display()));
        }
        found.files
    }

    /// The project's settings with the flags applied, and the packs to load with the base.
    fn settings(&mut self, origin: &Origin) -> (Settings, Vec<PathBuf>) {
        let mut settings = Settings::default();
        let mut counter_on = false;
        let mut packs = Vec::new();
        if let Some(file) = &origin.toml {
            let shown = file.display();
            match std::fs::read_to_string(file) {
                Ok(text) => {
                    let (s, errors) = Settings::from_toml(&text);
                    self.errors.extend(errors.into_iter().map(|e| format!("{shown}: {e}")));
                    counter_on = turned_on(&text, Code::Counterargument);
                    let base = file.parent().unwrap_or(Path::new("."));
                    packs.extend(s.knowledge_paths.iter().map(|p| base.join(p)));
                    settings = s;
                }
                Err(e) => self.errors.push(format!("{shown}: cannot read: {e}")),
            }
        }
        let f = &self.flags;
        // Counterargument hints are suggestions, not faults: on the command line they are
        // shown only when asked for.
        let wanted = f.counterarguments || counter_on || f.enable.contains(&Code::Counterargument);
        settings.checks.insert(Code::Counterargument, wanted);
        for c in &f.disable {
            settings.checks.insert(*c, false);
        }
        for c in &f.enable {
            settings.checks.insert(*c, true);
            if settings.severity.get(c) == Some(&Level::Off) {
                settings.severity.remove(c);
            }
        }
        for (c, l) in &f.severity {
            settings.severity.insert(*c, *l);
        }
        packs.extend(f.knowledge.iter().cloned());
        (settings, packs)
    }
}

/// Does the `clio.toml` text switch `code`'s check on explicitly (`[checks] counterargument =
/// true`, flat or under `[clio]`)?
fn turned_on(text: &str, code: Code) -> bool {
    let Ok(table) = toml::from_str::<toml::Table>(text) else { return false };
    let Ok(v) = serde_json::to_value(table) else { return false };
    let v = v.get("clio").unwrap_or(&v);
    let key = code.setting();
    let nested = v.get("checks").and_then(|c| c.get(key));
    let flat = v.get(format!("checks.{key}"));
    matches!(nested.or(flat), Some(Value::Bool(true)))
}

/// The nearest `clio.toml` and `.clio/` in or above `dir` (an absolute folder).
fn find_origin(dir: &Path) -> Origin {
    let mut origin = Origin { toml: None, root: None };
    for d in dir.ancestors() {
        if origin.toml.is_none() && d.join("clio.toml").is_file() {
            origin.toml = Some(d.join("clio.toml"));
        }
        if origin.root.is_none() && d.join(".clio").is_dir() {
            origin.root = Some(d.to_path_buf());
        }
        if origin.toml.is_some() && origin.root.is_some() {
            break;
        }
    }
    origin
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counterarguments_are_on_only_when_a_toml_says_so() {
        assert!(turned_on("[checks]\ncounterargument = true\n", Code::Counterargument));
        assert!(turned_on("[clio.checks]\ncounterargument = true\n", Code::Counterargument));
        assert!(turned_on("\"checks.counterargument\" = true\n", Code::Counterargument));
        assert!(!turned_on("[checks]\ncounterargument = false\n", Code::Counterargument));
        assert!(!turned_on("[checks]\nanachronism = true\n", Code::Counterargument));
        assert!(!turned_on("not toml [", Code::Counterargument));
    }

    #[test]
    fn the_nearest_toml_and_clio_folder_are_found_apart() {
        let tmp = std::env::temp_dir().join(format!("clio-origin-{}", std::process::id()));
        let deep = tmp.join("class/a/b");
        std::fs::create_dir_all(&deep).expect("folders");
        std::fs::create_dir_all(tmp.join("class/.clio")).expect(".clio");
        std::fs::write(tmp.join("class/a/clio.toml"), "").expect("toml");
        let o = find_origin(&deep);
        assert_eq!(o.toml, Some(tmp.join("class/a/clio.toml")));
        assert_eq!(o.root, Some(tmp.join("class")));
        std::fs::remove_dir_all(&tmp).expect("clean up");
    }
}
