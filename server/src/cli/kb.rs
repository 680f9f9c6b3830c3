//! `clio-ls kb check|extract|stats`: validating packs, listing what essays mention that the
//! base lacks (files or folders, walked as `check` walks them), and the base's size.

use std::path::{Path, PathBuf};

use knowledge::{Format, KnowledgeBase};

use super::format::clean;
use super::{inputs, print_out};
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
    let mut out = String::new();
    for e in &errors {
        out.push_str(&format!("{}\n", clean(&e.to_string())));
    }
    if errors.is_empty() {
        out.push_str(&format!("ok: {}\n", kb.stats()));
    } else {
        out.push_str(&format!("{} error(s); {}\n", errors.len(), kb.stats()));
    }
    print_out(&out);
    i32::from(!errors.is_empty())
}

pub fn stats() -> i32 {
    let (kb, errors) = KnowledgeBase::embedded();
    let mut out = format!("clio-ls {} knowledge: {}\n", env!("CARGO_PKG_VERSION"), kb.stats());
    if !errors.is_empty() {
        out.push_str(&format!("{} error(s) in the embedded packs\n", errors.len()));
    }
    print_out(&out);
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
        let mut lines = String::new();
        for c in knowledge::extract::unreviewed(&kb, &text, Format::from_path(&p.to_string_lossy()))
        {
            n += 1;
            let (path, text, sentence) = (p.display(), clean(&c.text), clean(&c.sentence));
            lines.push_str(&format!("{path}\t{}\t{text}\t{sentence}\n", c.kind));
        }
        if !print_out(&lines) {
            break;
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
