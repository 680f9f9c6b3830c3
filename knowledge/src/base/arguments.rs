//! The `[[argument]]` tables resolved: stance, theme and sub-question, the claim shapes they
//! answer, their evidence and historians, and their counters, which must argue the other side.

use rustc_hash::FxHashMap;
use std::ops::Range;

use super::load::{FileCtx, LoadError, Pack, Pending};
use super::model::*;
use super::raw::RawArgument;
use super::resolve::{At, Refs};
use super::KnowledgeBase;

/// The arguments of every pack, checked.
pub(super) fn resolve(
    kb: &mut KnowledgeBase,
    ctxs: &[FileCtx],
    packs: &[Pack],
    refs: &Refs,
    arguments: Vec<Pending<RawArgument>>,
    errors: &mut Vec<LoadError>,
) {
    let figure_pos: FxHashMap<String, usize> =
        kb.figures.iter().enumerate().map(|(i, f)| (f.id.clone(), i)).collect();
    let mut pending_counters = Vec::new();
    for p in arguments {
        let at = At { ctx: &ctxs[p.file], span: &p.span };
        let r = p.raw;
        let stance = match r.stance.as_str() {
            "continuity" => Stance::Continuity,
            "rupture" => Stance::Rupture,
            other => {
                let message = format!("stance `{other}` must be `continuity` or `rupture`");
                errors.push(at.error(&format!("\"{other}\""), message));
                continue;
            }
        };
        let mut evidence = Vec::new();
        let mut evidence_figures = Vec::new();
        for e in &r.evidence {
            if let Some(&i) = refs.entries.get(e) {
                evidence.push(i);
            } else if let Some(&i) = figure_pos.get(e) {
                evidence_figures.push(i);
            } else {
                let message = format!("evidence: no entry or figure has the id `{e}`");
                errors.push(at.error(&format!("\"{e}\""), message));
            }
        }
        let (theme, question) = theme_and_question(&at, &r.theme, &r.question, errors);
        pending_counters.push((kb.arguments.len(), p.file, p.span.clone(), r.counters.clone()));
        kb.arguments.push(Argument {
            id: r.id.clone(),
            stance,
            theme,
            question,
            gist: r.gist.trim().to_string(),
            answers: shapes(&at, &r.answers, errors),
            thesis: r.thesis,
            claim: r.claim.trim().to_string(),
            cues: r.cues.iter().map(|c| c.to_lowercase()).collect(),
            evidence,
            evidence_figures,
            evidence_text: r.evidence_text.trim().to_string(),
            historians: refs.entries(&at, "historians", &r.historians, errors),
            sources: refs.sources(&at, &r.sources, errors),
            counters: Vec::new(),
            origin: packs[p.file].name.clone(),
        });
    }
    resolve_counters(kb, ctxs, pending_counters, errors);
}

/// An argument's theme and sub-question: the question is `theme.key`, and gives the theme
/// when none is written.
fn theme_and_question(
    at: &At,
    theme: &str,
    question: &str,
    errors: &mut Vec<LoadError>,
) -> (String, String) {
    let question = question.trim().to_string();
    match question.split_once('.') {
        Some((prefix, _)) if theme.is_empty() => (prefix.to_string(), question),
        Some((prefix, _)) if prefix != theme => {
            let message = format!("question `{question}` must start with its theme `{theme}.`");
            errors.push(at.error(&format!("\"{question}\""), message));
            (theme.to_string(), question)
        }
        _ => (theme.to_string(), question),
    }
}

/// The claim shapes an argument answers (`answers`), each a known shape.
fn shapes(at: &At, names: &[String], errors: &mut Vec<LoadError>) -> Vec<Shape> {
    let mut out = Vec::new();
    for name in names {
        match Shape::parse(name) {
            Some(shape) => out.push(shape),
            None => {
                let message =
                    format!("answers: `{name}` is not a claim shape ({})", Shape::NAMES.join(", "));
                errors.push(at.error(&format!("\"{name}\""), message));
            }
        }
    }
    out
}

/// The `counters` of each argument, by id: another argument, and of the other side (a
/// counterpoint never argues the claim's own side).
fn resolve_counters(
    kb: &mut KnowledgeBase,
    ctxs: &[FileCtx],
    pending: Vec<(usize, usize, Range<usize>, Vec<String>)>,
    errors: &mut Vec<LoadError>,
) {
    let arg_pos: FxHashMap<String, usize> =
        kb.arguments.iter().enumerate().map(|(i, a)| (a.id.clone(), i)).collect();
    for (ai, fi, span, counters) in pending {
        let at = At { ctx: &ctxs[fi], span: &span };
        for c in counters {
            let stance = kb.arguments[ai].stance;
            match arg_pos.get(&c) {
                Some(&j) if j == ai => errors.push(at.error(
                    &format!("\"{c}\""),
                    format!("counters: argument `{c}` cannot counter itself"),
                )),
                Some(&j) if kb.arguments[j].stance == stance => errors.push(at.error(
                    &format!("\"{c}\""),
                    format!(
                        "counters: `{c}` argues {} too; a counter argues the other side",
                        stance.label()
                    ),
                )),
                Some(&j) => kb.arguments[ai].counters.push(j),
                None => {
                    errors.push(at.error(
                        &format!("\"{c}\""),
                        format!("counters: no argument has the id `{c}`"),
                    ))
                }
            }
        }
    }
}
