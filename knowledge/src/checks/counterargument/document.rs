//! The document pass: joins the claims that span two sentences, then for each claim shows the
//! best counterpoint its section has not shown yet (unless the essay answers the claim
//! elsewhere), in one line that fits an editor, with the evidence, the historians and the
//! alternatives as related information and quick fixes; and the balance of the essay's argument
//! by side and theme.

use rustc_hash::FxHashSet as HashSet;

use super::index::Index;
use super::retrieval;
use super::COUNTERARGUMENT;
use crate::base::{Argument, KnowledgeBase, Stance};
use crate::checks::wording::lower_first;
use crate::claim::{Balance, Claim, Counterpoints, ThemeBalance};
use crate::finding::{Finding, Fix, Related, Text};

/// The longest message: "Counterpoint (side, theme): gist".
pub(super) const MESSAGE_MAX: usize = 160;
/// How many of a claim's counterpoints count as its strong answers (for "answered" and the
/// balance's open points).
const STRONG: usize = 3;

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
    parts.join("; ")
}

pub(super) fn sentence_body(s: &str) -> &str {
    s.trim().trim_end_matches(['.', ' '])
}

/// An argument's claim in one line: its `gist`, or its claim cut at a word.
pub(super) fn gist(a: &Argument) -> String {
    if !a.gist.is_empty() {
        return a.gist.clone();
    }
    let claim = sentence_body(&a.claim);
    let budget = MESSAGE_MAX - "Counterpoint (continuity, internationalism): ".len();
    if claim.len() <= budget {
        return format!("{claim}.");
    }
    let cut = claim[..claim.floor_char_boundary(budget - 1)].rfind(' ').unwrap_or(budget - 1);
    format!("{}…", claim[..cut].trim_end_matches([',', ';', ':', ' ']))
}

/// The quick fix's sentence: "However, claim (historians). Evidence."
pub(super) fn however(kb: &KnowledgeBase, a: &Argument) -> String {
    let src = short_source(kb, a);
    let cite = if src.is_empty() { String::new() } else { format!(" ({src})") };
    let mut t = format!("However, {}{cite}.", lower_first(sentence_body(&a.claim)));
    if !a.evidence_text.is_empty() {
        t.push(' ');
        t.push_str(a.evidence_text.trim());
    }
    t
}

/// The quick fix's citation: "Evidence (full source)."
pub(super) fn citation(kb: &KnowledgeBase, a: &Argument) -> String {
    let evidence = if a.evidence_text.is_empty() { &a.claim } else { &a.evidence_text };
    match full_source(kb, a) {
        src if src.is_empty() => format!("{}.", sentence_body(evidence)),
        src => format!("{} ({src}).", sentence_body(evidence)),
    }
}

pub(super) fn document(
    kb: &KnowledgeBase,
    ix: &Index,
    claims: &[Claim],
    (text, sections): (&str, &[usize]),
) -> (Vec<Finding>, Balance) {
    let mut findings = Vec::new();
    let mut balance = Balance::default();
    if kb.arguments.is_empty() {
        return (findings, balance);
    }
    // This runs over every claim of the document on every keystroke: the tallies are tables by
    // argument, not hash maps, and a claim is looked at in place, not copied.
    let joined = joined_claims(kb, claims, text);
    let whole = whole_claims(claims, &joined);
    // The points the essay makes: argument and side.
    let mut made_count = vec![0usize; kb.arguments.len()];
    for a in whole.iter().filter_map(|c| c.argument) {
        made_count[a] += 1;
    }
    let section_of = |at: usize| sections.partition_point(|&s| s <= at);
    let mut shown: HashSet<(usize, usize)> = HashSet::default();
    let mut open = vec![0f32; kb.arguments.len()];
    let mut counted = vec![false; kb.arguments.len()];
    for c in whole {
        let (Some(stance), Some(argument)) = (c.stance, c.argument) else { continue };
        let Some(arg) = kb.arguments.get(argument) else { continue };
        if !std::mem::replace(&mut counted[argument], true) {
            count(&mut balance, &arg.theme, stance);
        }
        // The essay answers this claim elsewhere: it makes one of its strongest counterpoints.
        // Counted, not compared with every other claim, so the pass stays linear.
        let elsewhere = |x: usize| made_count[x] > usize::from(c.argument == Some(x));
        if c.counterpoints.iter().take(STRONG).any(|&x| elsewhere(x)) {
            continue;
        }
        for (rank, &x) in c.counterpoints.iter().take(STRONG).enumerate() {
            open[x] += 1.0 / (rank as f32 + 1.0);
        }
        let section = section_of(c.range.start);
        let fresh: Counterpoints =
            c.counterpoints.iter().copied().filter(|&x| !shown.contains(&(section, x))).collect();
        let Some(&best) = fresh.first() else { continue };
        shown.insert((section, best));
        findings.push(hint(kb, ix, c, best, &fresh[1..], text));
    }
    // Strong opposing points not yet made, strongest first.
    let mut open: Vec<(usize, f32)> = (open.into_iter().enumerate())
        .filter(|&(x, weight)| weight > 0.0 && made_count[x] == 0)
        .collect();
    open.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    balance.unaddressed = open.into_iter().map(|(x, _)| x).collect();
    (findings, balance)
}

/// The whole claims, in order: each claim of one sentence, and in place of a sentence that
/// shows a side but no content of its own, its join with the sentence before (`joined`, by
/// the index of the claim it stands for).
fn whole_claims<'c>(claims: &'c [Claim], joined: &'c [(usize, Claim)]) -> Vec<&'c Claim> {
    let mut joined = joined.iter().peekable();
    let mut out = Vec::with_capacity(claims.len());
    for (i, c) in claims.iter().enumerate() {
        if let Some((_, j)) = joined.next_if(|(at, _)| *at == i) {
            out.push(j);
        } else if c.is_whole() {
            out.push(c);
        }
    }
    out
}

/// The claims that join a sentence which shows a side but no content of its own ("This was
/// no accident.") to the content of the sentence just before it in the same paragraph, by the
/// index of the sentence's own claim: few, so only they are made anew.
fn joined_claims(kb: &KnowledgeBase, claims: &[Claim], text: &str) -> Vec<(usize, Claim)> {
    let mut out = Vec::new();
    for (i, c) in claims.iter().enumerate() {
        if c.is_whole() {
            continue;
        }
        let (Some(stance), None, true) = (c.stance, c.argument, c.anaphoric) else { continue };
        let Some(prev) = i.checked_sub(1).map(|j| &claims[j]) else { continue };
        let between = text.get(prev.sentence.end..c.sentence.start).unwrap_or(".");
        if prev.stance.is_some() || prev.block != c.block || between.contains(['.', '!', '?']) {
            continue;
        }
        let other = stance.opposite();
        let argument = prev.content[stance as usize].or_else(|| {
            let a = prev.content[other as usize]?;
            kb.arguments[a].counters.iter().copied().find(|&x| kb.arguments[x].stance == stance)
        });
        let Some(argument) = argument else { continue };
        let counterpoints = retrieval::rank(
            kb,
            &retrieval::Ask {
                argument,
                stance,
                shape: c.shape,
                author: c.author,
                overlap: &[],
                denied: &[],
                conceded: &[],
            },
        );
        let claim = Claim {
            range: prev.range.start..c.range.end,
            argument: Some(argument),
            counterpoints,
            ..c.clone()
        };
        out.push((i, claim));
    }
    out
}

fn count(b: &mut Balance, theme: &str, stance: Stance) {
    let at = match b.themes.iter().position(|t| t.theme == theme) {
        Some(k) => k,
        None => {
            b.themes.push(ThemeBalance { theme: theme.to_string(), ..ThemeBalance::default() });
            b.themes.len() - 1
        }
    };
    match stance {
        Stance::Continuity => {
            b.continuity += 1;
            b.themes[at].continuity += 1;
        }
        Stance::Rupture => {
            b.rupture += 1;
            b.themes[at].rupture += 1;
        }
    }
}

/// An argument's lines as a hint states them, formatted once per base (`Index::hints`): every
/// re-check of a long document states its counterpoints again.
#[derive(Debug, Default)]
pub(super) struct HintLines {
    /// "side, theme".
    label: String,
    /// "Counterpoint (side, theme): gist".
    message: Text,
    /// The argument's claim, "Evidence: ...", "Source: ...".
    own: Vec<Text>,
    /// "Also (side, theme): claim (source)", when it is another's alternative.
    also: Text,
}

impl Index {
    pub(super) fn with_hint_lines(mut self, kb: &KnowledgeBase) -> Index {
        self.hints = kb
            .arguments
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let label = format!("{}, {}", a.stance.label(), a.theme);
                let mut own: Vec<Text> = vec![a.claim.as_str().into()];
                if !a.evidence_text.is_empty() {
                    own.push(format!("Evidence: {}", a.evidence_text).into());
                }
                let src = &self.sources[i];
                if !src.is_empty() {
                    own.push(format!("Source: {src}").into());
                }
                let cite = if src.is_empty() { String::new() } else { format!(" ({src})") };
                HintLines {
                    message: format!("Counterpoint ({label}): {}", self.gists[i]).into(),
                    also: format!("Also ({label}): {}{cite}", a.claim).into(),
                    label,
                    own,
                }
            })
            .collect();
        self
    }
}

/// The hint for a claim: one line naming the counterpoint's side and theme; its evidence,
/// sources and the alternatives as related information; quick fixes that insert it.
fn hint(
    kb: &KnowledgeBase,
    ix: &Index,
    c: &Claim,
    best: usize,
    alternatives: &[usize],
    text: &str,
) -> Finding {
    let lines = &ix.hints[best];
    let mut message = lines.message.clone();
    if let Some(author) = c.author {
        let to = format!(
            "Counterpoint to {} ({}): {}",
            surname(&kb.entries[author].name),
            lines.label,
            ix.gists[best]
        );
        if to.len() <= MESSAGE_MAX {
            message = to.into();
        }
    }
    let mut f = COUNTERARGUMENT.finding(c.range.clone(), message);
    let also = alternatives.iter().take(2).map(|&alt| &ix.hints[alt].also);
    f.related = (lines.own.iter().chain(also))
        .map(|line| Related { message: line.clone(), range: None })
        .collect();
    let at = c.sentence.end.max(c.range.end).min(text.len());
    let ends = text[..at].trim_end_matches(['"', '”', '’', '\'', ')']).ends_with(['.', '!', '?']);
    let lead = if ends { " " } else { ". " };
    f.fixes.push(Fix {
        title: "Add counterargument".into(),
        range: at..at,
        replacement: format!("{lead}{}", ix.however[best]).into(),
    });
    f.fixes.push(Fix {
        title: "Insert citation".into(),
        range: at..at,
        replacement: format!("{lead}{}", ix.citation[best]).into(),
    });
    f
}
