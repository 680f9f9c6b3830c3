//! `clio-ls kb check|extract|stats`: validating packs, listing what essays mention that the
//! base lacks (files or folders, walked as `check` walks them), and the base's size.

use std::path::{Path, PathBuf};

use knowledge::{Format, KnowledgeBase};

use super::format::clean;
use super::inputs;
use crate::workspace;

pub fn check(paths: &[PathBuf]) -> i32 {
    let (kb, errors) = if paths.is_empty() {
        KnowledgeBase::embedded()
    } else {
        let (packs, mut errors) = workspace::read_packs(paths);
        // Validate the packs against the embedded base so cross-references resolve.
        let mut all = KnowledgeBase::embedded_packs();
        let names: Vec<String> = packs.iter().map(|p| p.name.clone()).collect();
        // A folder that *is* the default data (knowledge/data) replaces the embedded copy.
        all.retain(|p| {
            !names
                .iter()
                .any(|n| Path::new(n).file_name().and_then(|x| x.to_str()) == Some(p.name.as_str()))
        });
        all.extend(packs);
        let (kb, errs) = KnowledgeBase::load(&all);
        errors.extend(errs);
        (kb, errors)
    };
    for e in &errors {
        println!("{}", clean(&e.to_string()));
    }
    if errors.is_empty() {
        println!("ok: {}", kb.stats());
        0
    } else {
        println!("{} error(s); {}", errors.len(), kb.stats());
        1
    }
}

pub fn stats() -> i32 {
    let (kb, errors) = KnowledgeBase::embedded();
    println!("clio-ls {} knowledge: {}", env!("CARGO_PKG_VERSION"), kb.stats());
    if !errors.is_empty() {
        println!("{} error(s) in the embedded packs", errors.len());
    }
    0
}

/// Exit 2 when a path could not be read (after every readable essay is listed).
pub fn extract(paths: &[PathBuf]) -> i32 {
    let (kb, _) = KnowledgeBase::embedded();
    let found = inputs::collect(paths);
    let mut errors = found.errors;
    let mut n = 0;
    for p in &found.files {
        let text = match inputs::read(p) {
            Ok(t) => t,
            Err(reason) => {
                errors.push(inputs::InputError { path: p.clone(), reason });
                continue;
            }
        };
        for c in knowledge::extract::unreviewed(&kb, &text, Format::from_path(&p.to_string_lossy()))
        {
            n += 1;
            println!("{}\t{}\t{}\t{}", p.display(), c.kind, clean(&c.text), clean(&c.sentence));
        }
    }
    eprintln!("{n} candidate(s) neither in the fact base nor in its reviewed ignore list");
    for e in &errors {
        eprintln!("clio-ls: {}: {}", e.path.display(), clean(&e.reason));
    }
    if errors.is_empty() {
        0
    } else {
        2
    }
}
