//! `kb extract` over the five source essays: every candidate name, date and figure is either
//! in the fact base or in the reviewed ignore list (`data/extract-ignore.toml`) with a reason.

mod common;

use knowledge::extract::{reviewed, unreviewed};
use knowledge::{Format, KnowledgeBase};

#[test]
fn reviewed_list_is_well_formed() {
    let list = reviewed().expect("extract-ignore.toml parses");
    for r in &list {
        assert!(matches!(r.kind.as_str(), "name" | "date" | "figure"), "bad kind {:?}", r.kind);
        assert!(r.reason.trim().len() >= 8, "{} needs a reason", r.text);
    }
}

#[test]
fn every_candidate_in_the_essays_is_in_the_base_or_reviewed() {
    let Some(files) = common::essay_files() else { return };
    let (kb, _) = KnowledgeBase::embedded();
    let mut left = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        for c in unreviewed(&kb, &text, Format::Plain) {
            left.push(format!(
                "{}\t{}\t{}\t{}",
                f.file_name().unwrap().to_string_lossy(),
                c.kind,
                c.text,
                c.sentence
            ));
        }
    }
    assert!(left.is_empty(), "{} unreviewed candidate(s):\n{}", left.len(), left.join("\n"));
}
