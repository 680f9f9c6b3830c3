//! One index from every spelling of every name to its entry, matched leftmost-longest.
//!
//! Each alias is expanded into its inflected forms (possessives with straight or curly
//! apostrophes, plurals, hyphen/space variants, dotted acronyms) and all forms go into one
//! Aho-Corasick automaton, so that "Lenin Levy" beats "Lenin" and a whole paragraph is
//! scanned in one pass. Matching is ASCII-case-insensitive, except for aliases that are
//! ordinary English words ("Service", "Conquest"): those must keep their capital.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::HashMap;
use std::ops::Range;

use super::model::{Entry, EntryId};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PatternInfo {
    pub entry: EntryId,
    /// The form is a known misspelling: hover still recognises it, the spelling check flags it.
    pub misspelling: bool,
    /// The form ends in a possessive ('s, ’s, s').
    pub possessive: bool,
    /// Must match with exactly this capitalisation (first letter), because it is also a common word.
    pub case_sensitive: bool,
}

/// A name found in text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub range: Range<usize>,
    pub entry: EntryId,
    pub misspelling: bool,
    pub possessive: bool,
}

#[derive(Clone, Debug, Default)]
pub struct NameIndex {
    ac: Option<AhoCorasick>,
    patterns: Vec<String>,
    info: Vec<PatternInfo>,
    /// Lower-cased canonical spellings (name and aliases) to entries, for lookups by name.
    pub by_name: HashMap<String, EntryId>,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The forms a student may write for one alias.
pub fn inflections(alias: &str) -> Vec<(String, bool)> {
    let mut bases = vec![alias.to_string()];
    if alias.contains('-') {
        bases.push(alias.replace('-', " "));
        if !alias.contains(' ') {
            bases.push(alias.replace('-', ""));
        }
    } else if alias.contains(' ') && alias.split(' ').count() == 2 && alias.chars().all(|c| c.is_alphabetic() || c == ' ') {
        // "Five Year" -> "Five-Year" is covered from the hyphenated side; keep spaces as written.
    }
    if alias.contains('\'') {
        bases.push(alias.replace('\'', "’"));
    }
    // Acronyms: NEP -> N.E.P. and N.E.P
    let letters: Vec<char> = alias.chars().collect();
    if (2..=6).contains(&letters.len()) && letters.iter().all(|c| c.is_ascii_uppercase()) {
        let dotted: String = letters.iter().map(|c| format!("{c}.")).collect();
        bases.push(dotted.clone());
        bases.push(dotted.trim_end_matches('.').to_string());
    }
    let mut out = Vec::new();
    for b in bases {
        let last = b.chars().last().unwrap_or(' ');
        let ends_s = last == 's' || last == 'S';
        out.push((b.clone(), false));
        if last.is_alphabetic() || last == '.' {
            let stem = b.trim_end_matches('.');
            if ends_s {
                out.push((format!("{stem}'"), true));
                out.push((format!("{stem}’"), true));
            }
            out.push((format!("{stem}'s"), true));
            out.push((format!("{stem}’s"), true));
            if !b.ends_with('.') && letters.iter().any(|c| c.is_lowercase()) {
                let plural = if b.ends_with("sh") || b.ends_with("ch") || ends_s || b.ends_with('x') {
                    format!("{b}es")
                } else {
                    format!("{b}s")
                };
                out.push((plural.clone(), false));
                out.push((format!("{plural}'"), true));
                out.push((format!("{plural}’"), true));
            } else if !b.ends_with('.') {
                out.push((format!("{b}s"), false));
            }
        }
    }
    out
}

impl NameIndex {
    /// Builds the index; `on_clash(entry, alias, other)` reports an alias two entries claim.
    /// `is_ordinary_word` says whether a single word is ordinary (lower-case) English.
    pub fn build(entries: &[Entry], is_ordinary_word: &dyn Fn(&str) -> bool, on_clash: &mut dyn FnMut(EntryId, &str, EntryId)) -> NameIndex {
        let mut patterns: Vec<String> = Vec::new();
        let mut info: Vec<PatternInfo> = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut by_name = HashMap::new();
        let mut claimed: HashMap<String, EntryId> = HashMap::new();
        for (id, e) in entries.iter().enumerate() {
            let mut spellings: Vec<(&str, bool)> = vec![(&e.name, false)];
            spellings.extend(e.aliases.iter().map(|a| (a.as_str(), false)));
            if let Some(f) = &e.full_name {
                spellings.push((f, false));
            }
            spellings.extend(e.misspellings.iter().map(|a| (a.as_str(), true)));
            for (s, misspelling) in spellings {
                let s = s.trim();
                if s.is_empty() {
                    continue;
                }
                let key = s.to_lowercase();
                // A misspelling that is an ordinary word ("Stain") would fire on that word.
                if misspelling && is_ordinary_word(&key) {
                    continue;
                }
                match claimed.get(&key) {
                    Some(&other) if other != id => {
                        on_clash(id, s, other);
                        continue;
                    }
                    _ => {
                        claimed.insert(key.clone(), id);
                    }
                }
                if !misspelling {
                    by_name.entry(key.clone()).or_insert(id);
                }
                let single_word = !s.contains(' ') && !s.contains('-');
                // A capitalised alias that is also an ordinary word ("Service", "Testament") keeps its
                // capital; one the data writes in lower case ("kulak", "gulag") is a common noun.
                let written_lower = s.starts_with(|c: char| c.is_lowercase());
                let all_caps = s.chars().all(|c| !c.is_lowercase());
                let case_sensitive = single_word && !written_lower && (all_caps || is_ordinary_word(&key));
                for (form, possessive) in inflections(s) {
                    let fkey = form.to_lowercase();
                    if let Some(&pi) = seen.get(&fkey) {
                        // The same form from two aliases of one entry: the more permissive one wins.
                        // Across entries the first claim wins (raw aliases were checked above).
                        if info[pi].entry == id && !case_sensitive {
                            info[pi].case_sensitive = false;
                        }
                        continue;
                    }
                    seen.insert(fkey, patterns.len());
                    patterns.push(form);
                    info.push(PatternInfo { entry: id, misspelling, possessive, case_sensitive });
                }
            }
        }
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(&patterns)
            .ok();
        NameIndex { ac, patterns, info, by_name }
    }

    /// Every name in `text`, left to right, whole words only.
    pub fn find_all(&self, text: &str) -> Vec<Mention> {
        let mut out = Vec::new();
        let Some(ac) = &self.ac else { return out };
        for m in ac.find_iter(text) {
            let (s, e) = (m.start(), m.end());
            let before = text[..s].chars().next_back();
            let after = text[e..].chars().next();
            if before.is_some_and(is_word_char) || after.is_some_and(is_word_char) {
                continue;
            }
            // "N.E.P" must not be followed by a letter after the dot-less form either.
            let pi = m.pattern().as_usize();
            let info = self.info[pi];
            if info.case_sensitive {
                let pat = &self.patterns[pi];
                if text[s..].chars().next() != pat.chars().next() {
                    continue;
                }
            }
            // A trailing apostrophe pattern ("Lenins'") should not swallow a closing quote.
            out.push(Mention { range: s..e, entry: info.entry, misspelling: info.misspelling, possessive: info.possessive });
        }
        out
    }

    pub fn pattern_count(&self) -> usize {
        self.patterns.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflects_names() {
        let forms: Vec<String> = inflections("Trotsky").into_iter().map(|f| f.0).collect();
        assert!(forms.contains(&"Trotsky's".to_string()));
        assert!(forms.contains(&"Trotsky’s".to_string()));
        let forms: Vec<String> = inflections("NEP").into_iter().map(|f| f.0).collect();
        assert!(forms.contains(&"N.E.P.".to_string()));
        let forms: Vec<String> = inflections("Five-Year Plan").into_iter().map(|f| f.0).collect();
        assert!(forms.contains(&"Five Year Plans".to_string()));
        let forms: Vec<String> = inflections("kulak").into_iter().map(|f| f.0).collect();
        assert!(forms.contains(&"kulaks".to_string()));
    }
}
