//! A dated message states the record of the entry its finding came from, worded from the data
//! (issue 11, item 2): over the five source essays and every passage of both public case sets,
//! each dubious-date and anachronism finding names its entry, and every year its statement gives
//! is a year the base records for that entry (its own dates, its posts and happenings, its
//! variants, or an event it is a subject or actor of). A message that gave the student's verb
//! another event's date, or another person's record, fails here.

mod common;

use std::collections::BTreeSet;
use std::path::PathBuf;

use knowledge::{analyze, Cache, Code, Config, Format, KnowledgeBase, Prepared};

/// Every year the base records for the entry, and for the events it is a subject or actor of.
fn years_of(kb: &KnowledgeBase, id: usize) -> BTreeSet<String> {
    let mut text = String::new();
    let e = &kb.entries[id];
    // The entry's dated fields only: its summary's prose is no record of a date.
    text.push_str(&format!(
        "{:?} {:?} {:?} {:?} {:?} {:?} {:?}",
        e.start, e.end, e.roles, e.happenings, e.variants, e.published, e.names
    ));
    for other in &kb.entries {
        if other.subjects.contains(&id) || other.actors.contains(&id) || other.series == Some(id) {
            text.push_str(&format!("{:?} {:?} {:?}", other.start, other.end, other.variants));
        }
    }
    // Every four-digit year the dated fields print.
    let mut years = BTreeSet::new();
    for w in text.split(|c: char| !c.is_ascii_digit()) {
        if w.len() == 4 && (w.starts_with("18") || w.starts_with("19") || w.starts_with("20")) {
            years.insert(w.to_string());
        }
    }
    years
}

/// The statement a message makes, before its provenance in brackets.
fn statement(message: &str) -> &str {
    let end = message.find(" (fact base").or_else(|| message.find(" (")).unwrap_or(message.len());
    &message[..end]
}

fn texts() -> Vec<String> {
    let mut out = Vec::new();
    for f in common::essay_files().unwrap_or_default() {
        out.push(std::fs::read_to_string(f).unwrap());
    }
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let eval = here.ancestors().map(|a| a.join("shared/eval")).find(|d| d.is_dir());
    for file in ["dev_cases.py", "dev_real_cases.py"] {
        let Some(src) = eval.as_ref().and_then(|d| std::fs::read_to_string(d.join(file)).ok())
        else {
            continue;
        };
        // Every string literal long enough to be a passage.
        for piece in src.split(['"', '\'']).filter(|p| p.len() > 60 && p.contains(' ')) {
            out.push(piece.replace("\\n", "\n"));
        }
    }
    out
}

#[test]
fn every_dated_message_states_its_own_entry() {
    let kb = Prepared::embedded();
    let base = kb.base();
    let config = Config::default();
    let mut checked = 0;
    for text in texts() {
        let a = analyze(&kb, &text, Format::Plain, &config, &mut Cache::default());
        for f in
            a.findings.iter().filter(|f| matches!(f.code, Code::DubiousDate | Code::Anachronism))
        {
            let id = f.entry.expect("a dated finding names the entry its message states");
            let e = &base.entries[id];
            let said = statement(&f.message);
            let over_time = e.names.iter().map(|n| &n.name);
            let named = std::iter::once(&e.name)
                .chain(&e.aliases)
                .chain(over_time)
                .any(|n| said.contains(n.as_str()))
                || said.to_lowercase().contains(&e.name.to_lowercase());
            assert!(named, "{:?} does not name {} ({})", f.message, e.name, e.id);
            let years = years_of(base, id);
            for w in said.split(|c: char| !c.is_ascii_digit()).filter(|w| w.len() == 4) {
                assert!(
                    years.contains(w),
                    "{:?} gives {w}, which {} does not record",
                    f.message,
                    e.id
                );
            }
            checked += 1;
        }
    }
    if common::essays_dir().is_some() {
        assert!(checked > 50, "only {checked} dated findings were checked");
    }
}
