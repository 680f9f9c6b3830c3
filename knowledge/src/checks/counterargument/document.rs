//! The document pass: for each claim, the strongest counterpoint the paragraph has not shown
//! yet (unless the essay answers the claim elsewhere), with quick fixes; and the balance of the
//! essay's argument.

use std::collections::{HashMap, HashSet};

use super::index::Index;
use super::COUNTERARGUMENT;
use crate::base::{Argument, KnowledgeBase, Stance};
use crate::checks::wording::lower_first;
use crate::claim::{opposite, Balance, Claim};
use crate::finding::{Finding, Fix, Related};

/// The counterpoints to a claim, strongest first: for an assertion, the argument's `counters`
/// then the other side's arguments on the same theme; for a negated claim, the argument itself,
/// then the rest of its side on the theme.
pub(super) fn counterpoints(kb: &KnowledgeBase, c: &Claim) -> Vec<usize> {
    let a = &kb.arguments[c.argument];
    let mut out: Vec<usize> = Vec::new();
    let want = opposite(c.stance(kb));
    if c.negated {
        out.push(c.argument);
    } else {
        out.extend(a.counters.iter().copied().filter(|&x| kb.arguments[x].stance == want));
    }
    for (i, b) in kb.arguments.iter().enumerate() {
        if b.stance == want && b.theme == a.theme && !out.contains(&i) {
            out.push(i);
        }
    }
    // Arguments that answer the argument from elsewhere (listed as its counters on other themes).
    if !c.negated {
        for &x in &a.counters {
            if !out.contains(&x) {
                out.push(x);
            }
        }
    }
    out
}

/// Short source for an argument: historians' surnames, or the essays that make it.
pub(super) fn short_source(kb: &KnowledgeBase, a: &Argument) -> String {
    let names: Vec<String> = a.historians.iter().map(|&h| surname(&kb.entries[h].name)).collect();
    if !names.is_empty() {
        return names.join(", ");
    }
    essays(a).join(", ")
}

pub(super) fn surname(name: &str) -> String {
    name.split_whitespace().last().unwrap_or(name).to_string()
}

pub(super) fn essays(a: &Argument) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for s in &a.sources {
        let e = format!("essay {}", s.essay);
        if !out.contains(&e) {
            out.push(e);
        }
    }
    out
}

/// Full source: "Service; essay 002", "Service, Bullock; essays 000, 002".
pub(super) fn full_source(kb: &KnowledgeBase, a: &Argument) -> String {
    let names: Vec<String> = a.historians.iter().map(|&h| surname(&kb.entries[h].name)).collect();
    let mut parts = Vec::new();
    if !names.is_empty() {
        parts.push(names.join(", "));
    }
    let es = essays(a);
    match es.len() {
        0 => {}
        1 => parts.push(es[0].clone()),
        _ => parts.push(format!(
            "essays {}",
            es.iter().map(|e| e.trim_start_matches("essay ")).collect::<Vec<_>>().join(", ")
        )),
    }
    if parts.is_empty() {
        "fact base".to_string()
    } else {
        parts.join("; ")
    }
}

pub(super) fn sentence_body(s: &str) -> &str {
    s.trim().trim_end_matches(['.', ' '])
}

pub(super) fn point(kb: &KnowledgeBase, a: &Argument) -> String {
    let mut m = a.claim.trim().to_string();
    if !a.evidence_text.is_empty() {
        m.push(' ');
        m.push_str(a.evidence_text.trim());
    }
    format!("{m} ({})", full_source(kb, a))
}

pub(super) fn document(
    kb: &KnowledgeBase,
    ix: &Index,
    claims: &[Claim],
    text: &str,
) -> (Vec<Finding>, Balance) {
    let mut findings = Vec::new();
    let mut balance = Balance::default();
    if kb.arguments.is_empty() {
        return (findings, balance);
    }
    // How many claims take each position (an argument, negated or not): the pass looks
    // positions up instead of comparing every claim with every other, so it is linear.
    let mut positions: HashMap<(usize, bool), usize> = HashMap::new();
    for c in claims {
        *positions.entry((c.argument, c.negated)).or_default() += 1;
    }
    // Is the position asserted by some claim other than `c`?
    let made = |arg: usize, negated: bool, c: &Claim| {
        let n = positions.get(&(arg, negated)).copied().unwrap_or(0);
        n > usize::from((c.argument, c.negated) == (arg, negated))
    };
    // A claim's counterpoints depend on its position only.
    let mut counterpoints_of: HashMap<(usize, bool), Vec<usize>> = HashMap::new();

    let mut shown: HashSet<(usize, usize)> = HashSet::new();
    let mut open: HashMap<usize, f32> = HashMap::new();
    let mut points: HashSet<(usize, bool)> = HashSet::new();
    for c in claims {
        if c.argument >= kb.arguments.len() {
            continue;
        }
        if points.insert((c.argument, c.negated)) {
            match c.stance(kb) {
                Stance::Continuity => balance.continuity += 1,
                Stance::Rupture => balance.rupture += 1,
            }
        }
        let cands =
            counterpoints_of.entry((c.argument, c.negated)).or_insert_with(|| counterpoints(kb, c));
        // The essay answers this claim elsewhere: it makes one of the strongest counterpoints, or
        // asserts the opposite of the claim.
        let answered =
            made(c.argument, !c.negated, c) || cands.iter().take(3).any(|&x| made(x, false, c));
        if answered {
            continue;
        }
        for (rank, &x) in cands.iter().take(3).enumerate() {
            *open.entry(x).or_default() += 1.0 / (rank as f32 + 1.0);
        }
        let fresh: Vec<usize> =
            cands.iter().copied().filter(|&x| !shown.contains(&(c.block.start, x))).collect();
        let Some(&best) = fresh.first() else { continue };
        shown.insert((c.block.start, best));
        findings.push(hint(ix, c, &fresh, text));
    }
    // Strong opposing points not yet made, strongest first.
    let mut open: Vec<(usize, f32)> =
        open.into_iter().filter(|&(x, _)| !positions.contains_key(&(x, false))).collect();
    open.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    balance.unaddressed = open.into_iter().map(|(x, _)| x).collect();
    (findings, balance)
}

/// The hint on claim `c`: the first of `fresh` (counterpoints not yet shown in its paragraph),
/// two more as related information, and the quick fixes that add it after the sentence.
fn hint(ix: &Index, c: &Claim, fresh: &[usize], text: &str) -> Finding {
    let best = fresh[0];
    let mut f =
        COUNTERARGUMENT.finding(c.range.clone(), format!("Counterpoint: {}", ix.points[best]));
    for &alt in fresh.iter().skip(1).take(2) {
        f.related.push(Related {
            message: format!("Another counterpoint: {}", ix.points[alt]),
            range: None,
        });
    }
    let at = c.sentence.end.max(c.range.end).min(text.len());
    let ends = text[..at].trim_end_matches(['"', '”', '’', '\'', ')']).ends_with(['.', '!', '?']);
    let lead = if ends { " " } else { ". " };
    f.fixes.push(Fix {
        title: "Add counterargument".into(),
        range: at..at,
        replacement: format!("{lead}{}", ix.however[best]),
    });
    f.fixes.push(Fix {
        title: "Insert citation".into(),
        range: at..at,
        replacement: format!("{lead}{}", ix.citation[best]),
    });
    f
}

/// The quick fix's counterargument sentence: "However, ... (source)."
pub(super) fn however(kb: &KnowledgeBase, a: &Argument) -> String {
    let src = short_source(kb, a);
    let cite = if src.is_empty() { String::new() } else { format!(" ({src})") };
    format!("However, {}{cite}.", lower_first(sentence_body(&a.claim)))
}

/// The quick fix's citation: "Evidence (full source)."
pub(super) fn citation(kb: &KnowledgeBase, a: &Argument) -> String {
    let evidence = if a.evidence_text.is_empty() { &a.claim } else { &a.evidence_text };
    format!("{} ({}).", sentence_body(evidence), full_source(kb, a))
}
