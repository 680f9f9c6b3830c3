//! Completion: known names and terms for the word being typed, spelled canonically.

use crate::base::model::{Entry, Kind};
use crate::base::KnowledgeBase;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Completion {
    pub label: String,
    pub detail: String,
    pub kind: Kind,
    pub id: String,
}

/// The short form a student writes: a person's surname alias ("Stalin"), else the name.
pub fn short_name(e: &Entry) -> &str {
    if e.kind == Kind::Person {
        if let Some(a) =
            e.aliases.iter().find(|a| e.name.ends_with(a.as_str()) && a.len() < e.name.len())
        {
            return a;
        }
    }
    &e.name
}

pub fn detail(e: &Entry) -> String {
    let dates = match (e.start, e.end) {
        (Some(s), Some(t)) => format!(" ({}–{})", s.from.year, t.from.year),
        (Some(s), None) => format!(" ({})", s.from.year),
        (None, Some(t)) => format!(" (–{})", t.from.year),
        _ => String::new(),
    };
    let first = e.summary.split(". ").next().unwrap_or("").trim_end_matches('.');
    let first = if first.chars().count() > 80 {
        format!("{}…", first.chars().take(79).collect::<String>())
    } else {
        first.to_string()
    };
    format!("{}{dates} — {first}", e.name)
}

/// Candidates for a typed prefix of three letters or more.
pub fn candidates(kb: &KnowledgeBase, prefix: &str) -> Vec<Completion> {
    let p = prefix.trim();
    if p.chars().count() < 3 || !p.chars().next().is_some_and(char::is_alphabetic) {
        return Vec::new();
    }
    let lower = p.to_lowercase();
    // An ordinary word typed in full ("the", "and", "party") is prose, not a name being typed.
    if crate::base::is_ordinary_word(&lower) && !kb.index.by_name.contains_key(&lower) {
        return Vec::new();
    }
    let capitalised = p.chars().next().is_some_and(char::is_uppercase);
    let mut out: Vec<Completion> = Vec::new();
    for e in &kb.entries {
        let forms = std::iter::once(&e.name).chain(e.aliases.iter());
        let mut hit = false;
        for a in forms {
            let al = a.to_lowercase();
            // Ordinary-word aliases ("Service") complete only when the student types the capital.
            if al.starts_with(&lower)
                && (capitalised || !crate::base::is_ordinary_word(&al) || al.contains(' '))
            {
                hit = true;
                break;
            }
        }
        if !hit {
            continue;
        }
        let short = short_name(e).to_string();
        for label in [short.clone(), e.name.clone()] {
            if label.to_lowercase().starts_with(&lower) || label == short {
                if !out.iter().any(|c| c.label == label) {
                    out.push(Completion {
                        label,
                        detail: detail(e),
                        kind: e.kind,
                        id: e.id.clone(),
                    });
                }
                break;
            }
        }
    }
    out.sort_by(|a, b| a.label.len().cmp(&b.label.len()).then(a.label.cmp(&b.label)));
    out.truncate(50);
    out
}
