//! The embedded fact base against its own rules and against the five source essays: it loads
//! without errors, every locator occurs verbatim in its essay, and data and code agree.

mod common;

use common::{essay_files, essays_dir};
use knowledge::base::{Kind, Stance};
use knowledge::KnowledgeBase;

#[test]
fn embedded_base_loads_without_errors() {
    let (kb, errors) = KnowledgeBase::embedded();
    let shown: Vec<String> = errors.iter().take(30).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{} error(s):\n{}", errors.len(), shown.join("\n"));
    assert!(kb.entries.iter().filter(|e| e.kind == Kind::Person).count() >= 50);
}

#[test]
fn every_locator_occurs_in_its_essay() {
    let Some(dir) = essays_dir() else { return };
    let (kb, _) = KnowledgeBase::embedded();
    let text = |id: &str| -> String {
        let e = kb.essay(id).unwrap_or_else(|| panic!("unknown essay {id}"));
        std::fs::read_to_string(dir.join(&e.file)).unwrap_or_else(|err| panic!("{}: {err}", e.file))
    };
    let mut missing = Vec::new();
    let mut checked = 0;
    let mut check = |owner: &str, essay: &str, at: &str| {
        checked += 1;
        if !text(essay).contains(at) {
            missing.push(format!("{owner}: essay {essay} has no “{at}”"));
        }
    };
    for e in &kb.entries {
        for s in &e.sources {
            check(&e.id, &s.essay, &s.at);
        }
        for v in &e.variants {
            check(&e.id, &v.essay, &v.at);
        }
    }
    for f in &kb.figures {
        for v in &f.values {
            if let (Some(essay), Some(at)) = (&v.essay, &v.at) {
                check(&f.id, essay, at);
            }
        }
    }
    for a in &kb.arguments {
        for s in &a.sources {
            check(&a.id, &s.essay, &s.at);
        }
    }
    assert!(
        missing.is_empty(),
        "{} of {checked} locators not found:\n{}",
        missing.len(),
        missing.join("\n")
    );
    eprintln!("{checked} locators verified");
}

#[test]
fn every_entry_is_documented() {
    let (kb, _) = KnowledgeBase::embedded();
    for e in &kb.entries {
        assert!(!e.summary.is_empty(), "{} has no summary", e.id);
        assert!(e.has_provenance(), "{} has neither sources nor a record", e.id);
    }
    for a in &kb.arguments {
        assert!(!a.counters.is_empty(), "argument {} has no counters", a.id);
        assert!(!a.cues.is_empty(), "argument {} has no cues", a.id);
        assert!(
            !a.gist.is_empty() && !a.question.is_empty(),
            "argument {} has no gist or question",
            a.id
        );
    }
}

/// The map of the debate: both sides argue every sub-question, the sides hold about as many
/// arguments each, and each side has one general thesis.
#[test]
fn every_question_has_both_sides() {
    let (kb, _) = KnowledgeBase::embedded();
    let mut questions: std::collections::BTreeMap<&str, [usize; 2]> = Default::default();
    for a in &kb.arguments {
        questions.entry(a.question.as_str()).or_default()[a.stance as usize] += 1;
    }
    let one_sided: Vec<&str> =
        questions.iter().filter(|(_, n)| n.contains(&0)).map(|(q, _)| *q).collect();
    assert!(one_sided.is_empty(), "questions argued by one side only: {one_sided:?}");
    let sides = questions.values().fold([0, 0], |t, n| [t[0] + n[0], t[1] + n[1]]);
    assert!(sides[0].abs_diff(sides[1]) * 10 <= sides[0] + sides[1], "unbalanced: {sides:?}");
    assert!(kb.arguments.len() >= 90, "{} arguments", kb.arguments.len());
    for stance in [Stance::Continuity, Stance::Rupture] {
        let theses = kb.arguments.iter().filter(|a| a.thesis && a.stance == stance).count();
        assert_eq!(theses, 1, "{} theses of {}", theses, stance.label());
    }
}

#[test]
fn summaries_copy_no_sentence_from_the_essays() {
    let Some(files) = essay_files() else { return };
    let (kb, _) = KnowledgeBase::embedded();
    let essays: Vec<String> = files
        .iter()
        .map(|f| {
            std::fs::read_to_string(f)
                .unwrap()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        })
        .collect();
    // Any run of ten words from our text found in an essay is copying.
    let mut texts: Vec<(String, &str)> =
        kb.entries.iter().map(|e| (e.id.clone(), e.summary.as_str())).collect();
    texts.extend(kb.arguments.iter().map(|a| (a.id.clone(), a.claim.as_str())));
    texts.extend(kb.arguments.iter().map(|a| (a.id.clone(), a.evidence_text.as_str())));
    let mut copied = Vec::new();
    for (id, t) in texts {
        let words: Vec<String> = t.split_whitespace().map(|w| w.to_lowercase()).collect();
        for win in words.windows(10) {
            let run = win.join(" ");
            if essays.iter().any(|e| e.contains(&run)) {
                copied.push(format!("{id}: “{run}”"));
                break;
            }
        }
    }
    assert!(copied.is_empty(), "copied from the essays:\n{}", copied.join("\n"));
}
