//! One index from every spelling of every name to its entry, matched leftmost-longest.
//!
//! Each alias is expanded into its spelling variants (hyphen/space, curly apostrophes, dotted
//! acronyms) and all go into one Aho-Corasick automaton; plural and possessive endings
//! ('s, ’s, s') are absorbed after a match, so that "Lenin Levy" beats "Lenin" and a whole paragraph is
//! scanned in one pass. Matching is ASCII-case-insensitive, except for aliases that are
//! ordinary English words ("Service", "Conquest"): those must keep their capital.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
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
    /// Plural endings may follow ("kulaks", "Five-Year Plans"); not after acronyms.
    pub may_pluralise: bool,
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

/// The spellings of one alias that go into the automaton: as written, hyphen/space variants,
/// curly apostrophes, dotted acronyms (NEP -> N.E.P.). Possessives and plurals are not listed:
/// `find_all` absorbs those endings after a match, which keeps the automaton small.
pub fn variants(alias: &str) -> Vec<String> {
    let mut out = vec![alias.to_string()];
    if alias.contains('-') {
        out.push(alias.replace('-', " "));
        if !alias.contains(' ') {
            out.push(alias.replace('-', ""));
        }
    }
    if alias.contains('\'') {
        out.push(alias.replace('\'', "’"));
    }
    let letters: Vec<char> = alias.chars().collect();
    if (2..=6).contains(&letters.len()) && letters.iter().all(|c| c.is_ascii_uppercase()) {
        let dotted: String = letters.iter().map(|c| format!("{c}.")).collect();
        out.push(dotted.clone());
        out.push(dotted.trim_end_matches('.').to_string());
    }
    out
}

/// Inflected endings absorbed after a name: plurals, then possessives. Returns the length of
/// the ending at the start of `rest` and whether it is possessive.
fn ending(rest: &str, name_ends_in_s: bool, may_pluralise: bool) -> (usize, bool) {
    let mut len = 0;
    let mut possessive = false;
    if may_pluralise {
        for p in ["es", "s"] {
            if rest.starts_with(p) && !rest[p.len()..].starts_with(|c: char| c.is_alphanumeric()) {
                len = p.len();
                break;
            }
        }
    }
    let after = &rest[len..];
    let ends_s = if len > 0 { true } else { name_ends_in_s };
    for p in ["'s", "’s"] {
        if after.starts_with(p) && !after[p.len()..].starts_with(|c: char| c.is_alphanumeric()) {
            return (len + p.len(), true);
        }
    }
    if ends_s {
        for p in ["'", "’"] {
            if after.starts_with(p) && !after[p.len()..].starts_with(|c: char| c.is_alphanumeric()) {
                len += p.len();
                possessive = true;
                break;
            }
        }
    }
    (len, possessive)
}

/// Every spelling of one entry: all the index needs of it (so that the loader can build the
/// index on another core while it resolves the rest of the entry).
#[derive(Clone, Debug, Default)]
pub struct Names {
    pub name: String,
    pub full_name: Option<String>,
    pub aliases: Vec<String>,
    pub misspellings: Vec<String>,
}

impl Names {
    pub fn of(e: &Entry) -> Names {
        Names { name: e.name.clone(), full_name: e.full_name.clone(), aliases: e.aliases.clone(), misspellings: e.misspellings.clone() }
    }
}

impl NameIndex {
    /// Builds the index; `on_clash(entry, alias, other)` reports an alias two entries claim.
    /// `is_ordinary_word` says whether a single word is ordinary (lower-case) English.
    pub fn build(entries: &[Entry], is_ordinary_word: &dyn Fn(&str) -> bool, on_clash: &mut dyn FnMut(EntryId, &str, EntryId)) -> NameIndex {
        let names: Vec<Names> = entries.iter().map(Names::of).collect();
        NameIndex::build_from(&names, is_ordinary_word, on_clash)
    }

    /// As `build`, from each entry's spellings (`names[i]` is entry `i`).
    pub fn build_from(entries: &[Names], is_ordinary_word: &dyn Fn(&str) -> bool, on_clash: &mut dyn FnMut(EntryId, &str, EntryId)) -> NameIndex {
        // Patterns are stored ASCII-lower-cased and matched against an ASCII-lower-cased copy of
        // the text (same byte offsets): cheaper to build than a case-insensitive automaton.
        let mut patterns: Vec<String> = Vec::new();
        let mut originals: Vec<String> = Vec::new();
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
                for form in variants(s) {
                    let fkey = form.to_ascii_lowercase();
                    if let Some(&pi) = seen.get(&fkey) {
                        // The same form from two aliases of one entry: the more permissive one wins.
                        // Across entries the first claim wins (raw aliases were checked above).
                        if info[pi].entry == id && !case_sensitive {
                            info[pi].case_sensitive = false;
                        }
                        continue;
                    }
                    seen.insert(fkey, patterns.len());
                    let may_pluralise = form.chars().any(char::is_lowercase) && !form.ends_with('.');
                    patterns.push(form.to_ascii_lowercase());
                    originals.push(form);
                    info.push(PatternInfo { entry: id, misspelling, possessive: false, case_sensitive, may_pluralise });
                }
            }
        }
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            // An NFA builds in a fraction of a DFA's time and still scans a paragraph in
            // microseconds; start-up matters more than the last nanosecond here.
            .kind(Some(AhoCorasickKind::NoncontiguousNFA))
            .build(&patterns)
            .ok();
        NameIndex { ac, patterns: originals, info, by_name }
    }

    /// Every name in `text`, left to right, whole words only.
    pub fn find_all(&self, text: &str) -> Vec<Mention> {
        let mut out = Vec::new();
        let Some(ac) = &self.ac else { return out };
        let lower = text.to_ascii_lowercase();
        for m in ac.find_iter(&lower) {
            let (s, mut e) = (m.start(), m.end());
            let pi = m.pattern().as_usize();
            let info = self.info[pi];
            let before = text[..s].chars().next_back();
            if before.is_some_and(is_word_char) {
                continue;
            }
            let ends_s = text[..e].ends_with(['s', 'S']);
            let (extra, possessive) = ending(&text[e..], ends_s, info.may_pluralise);
            e += extra;
            let after = text[e..].chars().next();
            if after.is_some_and(is_word_char) {
                continue;
            }
            if info.case_sensitive {
                let pat = &self.patterns[pi];
                if text[s..].chars().next() != pat.chars().next() {
                    continue;
                }
            }
            // A trailing apostrophe pattern ("Lenins'") should not swallow a closing quote.
            out.push(Mention { range: s..e, entry: info.entry, misspelling: info.misspelling, possessive });
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
    fn variants_and_endings() {
        assert!(variants("NEP").contains(&"N.E.P.".to_string()));
        assert!(variants("Five-Year Plan").contains(&"Five Year Plan".to_string()));
        assert_eq!(ending("'s rule", false, true), (2, true));
        assert_eq!(ending("’s rule", false, true), (4, true));
        assert_eq!(ending("s were", false, true), (1, false));
        assert_eq!(ending("s' land", false, true), (2, true));
        assert_eq!(ending("' land", true, true), (1, true));
        assert_eq!(ending("ist view", false, true), (0, false));
    }
}
