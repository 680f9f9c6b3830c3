//! How the date checks write the base's facts in their messages: a date with its preposition
//! ("on 1 December 1934", "from 1936 to 1938"), where the base's date comes from ("fact base;
//! essays 000, 002"), an entry's name as the subject of a sentence ("the Cheka", "War
//! Communism").

use crate::base::date::{Date, When};
use crate::base::is_ordinary_word;
use crate::base::{Entry, Kind};
use crate::checks::grammar::words::names_an_act;
use crate::text::stopwords::is_function_word;

/// Human form of a fact-base date with its preposition: "on 1 December 1934", "in March 1921",
/// "around 1928".
pub(crate) fn on(d: &Date) -> String {
    if d.approx {
        let mut plain = *d;
        plain.approx = false;
        return format!("around {plain}");
    }
    match d.day {
        Some(_) => format!("on {d}"),
        None => format!("in {d}"),
    }
}

/// "from 8 to 16 March 1921", "from 1936 to 1938", or `on(..)` for a single date.
pub(crate) fn during(w: &When) -> String {
    match w.to {
        Some(t) if t != w.from => {
            let f = w.from;
            match (f.day, t.day) {
                (Some(day), Some(_))
                    if f.year == t.year
                        && f.month.is_some()
                        && f.month == t.month
                        && !f.approx
                        && !t.approx =>
                {
                    format!("from {day} to {t}")
                }
                _ => format!("from {f} to {t}"),
            }
        }
        _ => on(&w.from),
    }
}

/// "(fact base; essays 002, 004)": where the base's date comes from, for a fact one or more
/// entries state (a death and the event of the murder).
pub(crate) fn provenance_of(entries: &[&Entry]) -> String {
    let mut essays: Vec<&str> = entries.iter().flat_map(|e| e.essays()).collect();
    essays.sort();
    essays.dedup();
    let record = entries.iter().find_map(|e| e.record.as_ref());
    match (essays.len(), record) {
        (0, Some(r)) => format!("(fact base: {})", r.trim().trim_end_matches('.')),
        (0, None) => "(fact base)".to_string(),
        (1, _) => format!("(fact base; essay {})", essays[0]),
        _ => format!("(fact base; essays {})", essays.join(", ")),
    }
}

/// The entry's name as the subject of a sentence: "the Cheka", "the Great Terror", "War
/// Communism", "the murder of Kirov", "Lenin's Testament", "Vladimir Lenin".
pub(crate) fn subject_name(e: &Entry) -> String {
    let n = &e.name;
    let words: Vec<&str> = n.split_whitespace().collect();
    let first = words.first().copied().unwrap_or("").to_lowercase();
    let last = words.last().copied().unwrap_or("").to_lowercase();
    if e.kind == Kind::Person || first.ends_with("'s") || first.ends_with("’s") || first == "the"
    {
        return n.clone();
    }
    // "Death of Lenin" -> "the death of Lenin".
    if words.len() >= 3
        && matches!(words[1], "of" | "on" | "from" | "to" | "against")
        && names_an_act(&first)
        && !matches!(
            first.as_str(),
            "treaty" | "congress" | "famine" | "speech" | "purge" | "trial"
        )
    {
        return format!("the {first}{}", &n[words[0].len()..]);
    }
    // Titles of writings take none either ("Dizzy with Success", "What Is to Be Done?"), nor do
    // newspapers ("Pravda", "Iskra").
    let title = e.is_document() && matches!(e.subkind.as_str(), "article" | "book" | "pamphlet");
    if title || e.kind == Kind::Body && e.subkind == "newspaper" {
        return n.clone();
    }
    // Names of doctrines and processes take no article ("War Communism", "Collectivisation",
    // "Socialism in One Country"); bodies, policies, periods and events do.
    let mass = |w: &str| w.ends_with("ism") || w.ends_with("isation") || w.ends_with("ization");
    if e.kind != Kind::Body && (mass(&first) || mass(&last)) {
        return n.clone();
    }
    format!("the {n}")
}

/// The text with its first letter in upper case.
pub(crate) fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// "The scale ..." -> "the scale ..."; names keep their capital ("Stalin's", "War Communism").
pub(crate) fn lower_first(s: &str) -> String {
    let mut words = s.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty());
    // Only a text that starts with a word: "1934 Congress" or "“War” Communism" stays as it is.
    if !s.starts_with(char::is_alphabetic) {
        return s.to_string();
    }
    let first = words.next().unwrap_or("");
    let next_is_name = s[first.len()..].starts_with(' ')
        && words.next().is_some_and(|w| w.starts_with(char::is_uppercase));
    let function = is_function_word(&first.to_lowercase());
    if first.len() > 1
        && (function || !next_is_name)
        && first.chars().skip(1).all(|c| c.is_lowercase())
        && is_ordinary_word(&first.to_lowercase())
    {
        let mut cs = s.chars();
        let c = cs.next().unwrap();
        c.to_lowercase().chain(cs).collect()
    } else {
        s.to_string()
    }
}
