//! One index from every spelling of every name to its entry, matched leftmost-longest.
//!
//! Each alias is expanded into its spelling variants (hyphen/space, curly apostrophes, dotted
//! acronyms) and all go into one byte trie; plural and possessive endings ('s, ’s, s') are
//! absorbed after a match, so that "Lenin Levy" beats "Lenin" and a whole paragraph is scanned
//! in one pass. Matching is ASCII-case-insensitive, except for aliases that are ordinary English
//! words ("Service", "Conquest"): those must keep their capital.
//!
//! The matches are exactly those of a leftmost-longest Aho-Corasick scan (which this index
//! used to run, and which a test still compares it with), found far more cheaply: a name must
//! start a word, so the trie is tried at word starts only, and the rare match starting inside a
//! word that could run past its end (and so hide a name) is looked for at word ends.

use std::ops::Range;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::text::sentences::char_at;

use super::flat::{Blob, StrMap, Strings};
use super::model::{Entry, EntryId};
use super::trie::Trie;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
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

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct NameIndex {
    /// The lower-cased patterns, by pattern number.
    trie: Trie,
    /// Some pattern starts with a character that cannot be in a word: every position must be
    /// tried (no embedded name does; kept so that any data stays correct).
    try_everywhere: bool,
    patterns: Strings,
    #[serde(with = "packed_info")]
    info: Vec<PatternInfo>,
    /// Lower-cased canonical spellings (name and aliases) to entries, for lookups by name.
    pub by_name: StrMap<EntryId>,
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

/// The length of the character at byte `i` of `text` if it is a word character, else 0.
#[inline(always)]
fn word_char_len(text: &str, i: usize) -> usize {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        usize::from(ASCII_WORD[b as usize])
    } else {
        let (c, cl) = char_at(text, i);
        if c.is_alphanumeric() {
            cl
        } else {
            0
        }
    }
}

/// ASCII letters and digits, by byte (no byte of a non-ASCII character is one).
static ASCII_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 128 {
        t[i] = (i as u8).is_ascii_alphanumeric();
        i += 1;
    }
    t
};

/// Whether byte `s` starts a word: a character boundary not preceded by a word character
/// (an ASCII byte before it answers without decoding).
#[inline]
fn is_word_start(text: &str, s: usize) -> bool {
    let hay = text.as_bytes();
    if !text.is_char_boundary(s) {
        return false;
    }
    match s.checked_sub(1).map(|p| hay[p]) {
        None => true,
        Some(p) if p < 0x80 => !ASCII_WORD[p as usize],
        Some(_) => !text[..s].chars().next_back().is_some_and(is_word_char),
    }
}

/// The spellings of one alias that go into the automaton: as written, hyphen/space variants,
/// curly apostrophes, dotted acronyms (NEP -> N.E.P.). Possessives and plurals are not listed:
/// `find_all` absorbs those endings after a match, which keeps the automaton small.
pub fn variants(alias: &str) -> Vec<String> {
    // Most aliases have no variant: each test below looks before it allocates.
    let mut out = vec![alias.to_string()];
    if alias.contains('-') {
        out.push(alias.replace('-', " "));
        if !alias.contains(' ') {
            out.push(alias.replace('-', ""));
        }
    }
    // Year ranges are written with a hyphen or an en dash: "famine of 1921-22", "1921–22".
    for (from, to) in [('-', '–'), ('–', '-')] {
        if let Some(dashed) = digit_dash(alias, from, to) {
            out.push(dashed);
        }
    }
    if alias.contains('\'') {
        out.push(alias.replace('\'', "’"));
    }
    // A plural possessive often loses its apostrophe: "Workers Opposition".
    if alias.contains("s' ") || alias.contains("s’ ") {
        out.push(alias.replace("s' ", "s ").replace("s’ ", "s "));
    }
    // Small numbers in names are also written in figures: "5-Year Plan", "First 5 Year Plan".
    if let Some(figures) = number_words_as_figures(alias) {
        out.push(figures.replace('-', " "));
        out.push(figures);
    }
    if let Some(compact) = compact_initials(alias) {
        out.push(compact);
    }
    if (2..=6).contains(&alias.len()) && alias.bytes().all(|b| b.is_ascii_uppercase()) {
        let dotted: String = alias.chars().flat_map(|c| [c, '.']).collect();
        out.push(dotted.clone());
        out.push(dotted.trim_end_matches('.').to_string());
    }
    out
}

/// "V. I. Lenin" -> "V.I. Lenin": initials are also written without the space between them;
/// `None` when the alias has no two initials in a row.
fn compact_initials(alias: &str) -> Option<String> {
    let b = alias.as_bytes();
    // An initial: a capital letter standing alone before a full stop.
    let initial = |i: usize| {
        i + 1 < b.len()
            && b[i].is_ascii_uppercase()
            && b[i + 1] == b'.'
            && (i == 0 || b[i - 1] == b' ')
    };
    let mut out = String::with_capacity(alias.len());
    let mut joined = false;
    let mut i = 0;
    while i < b.len() {
        if initial(i) && i + 3 < b.len() && b[i + 2] == b' ' && initial(i + 3) {
            out.push_str(&alias[i..i + 2]);
            i += 3;
            joined = true;
            continue;
        }
        let c = alias[i..].chars().next()?;
        out.push(c);
        i += c.len_utf8();
    }
    joined.then_some(out)
}

/// The alias with each `from` dash between two digits made a `to` dash, if it has one.
fn digit_dash(alias: &str, from: char, to: char) -> Option<String> {
    let between_digits = |i: usize, c: char| {
        alias[..i].ends_with(|d: char| d.is_ascii_digit())
            && alias[i + c.len_utf8()..].starts_with(|d: char| d.is_ascii_digit())
    };
    let dashes: Vec<usize> =
        alias.match_indices(from).map(|(i, _)| i).filter(|&i| between_digits(i, from)).collect();
    if dashes.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(alias.len() + 2);
    let mut last = 0;
    for i in dashes {
        out.push_str(&alias[last..i]);
        out.push(to);
        last = i + from.len_utf8();
    }
    out.push_str(&alias[last..]);
    Some(out)
}

/// "Five-Year Plan" -> "5-Year Plan": the number words two to twelve, as whole words (not the
/// second half of a compound number, "Forty-Six"); `None` when there is none.
fn number_words_as_figures(alias: &str) -> Option<String> {
    const WORDS: [&str; 11] = [
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    ];
    let number = |word: &str| WORDS.iter().position(|w| w.eq_ignore_ascii_case(word));
    let mut out: Option<String> = None;
    let mut last = 0;
    let mut start = None;
    for (i, c) in alias.char_indices().chain(std::iter::once((alias.len(), ' '))) {
        match (c.is_alphabetic() && i < alias.len(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                start = None;
                let compound = alias[..s].ends_with('-');
                if let Some(n) = number(&alias[s..i]).filter(|_| !compound) {
                    let o = out.get_or_insert_with(|| String::with_capacity(alias.len()));
                    o.push_str(&alias[last..s]);
                    o.push_str(&(n + 2).to_string());
                    last = i;
                }
            }
            _ => {}
        }
    }
    let mut out = out?;
    out.push_str(&alias[last..]);
    Some(out)
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
            if after.starts_with(p) && !after[p.len()..].starts_with(|c: char| c.is_alphanumeric())
            {
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
        Names {
            name: e.name.clone(),
            full_name: e.full_name.clone(),
            aliases: e.aliases.clone(),
            misspellings: e.misspellings.clone(),
        }
    }
}

impl NameIndex {
    /// Builds the index; `on_clash(entry, alias, other)` reports an alias two entries claim.
    /// `is_ordinary_word` says whether a single word is ordinary (lower-case) English.
    pub fn build<'e>(
        entries: impl IntoIterator<Item = &'e Entry>,
        is_ordinary_word: &dyn Fn(&str) -> bool,
        on_clash: &mut dyn FnMut(EntryId, &str, EntryId),
    ) -> NameIndex {
        let names: Vec<Names> = entries.into_iter().map(Names::of).collect();
        NameIndex::build_from(&names, is_ordinary_word, on_clash)
    }

    /// As `build`, from each entry's spellings (`names[i]` is entry `i`).
    pub fn build_from(
        entries: &[Names],
        is_ordinary_word: &dyn Fn(&str) -> bool,
        on_clash: &mut dyn FnMut(EntryId, &str, EntryId),
    ) -> NameIndex {
        // Patterns are stored ASCII-lower-cased and matched against an ASCII-lower-cased copy of
        // the text (same byte offsets): cheaper to build than a case-insensitive automaton.
        let mut patterns: Vec<String> = Vec::new();
        let mut originals: Vec<String> = Vec::new();
        let mut info: Vec<PatternInfo> = Vec::new();
        let mut seen: FxHashMap<String, usize> = FxHashMap::default();
        let mut by_name = StrMap::default();
        let mut claimed: FxHashMap<String, EntryId> = FxHashMap::default();
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
                    by_name.insert_first(&key, id);
                }
                let single_word = !s.contains(' ') && !s.contains('-');
                // A capitalised alias that is also an ordinary word ("Service", "Testament") keeps its
                // capital; one the data writes in lower case ("kulak", "gulag") is a common noun.
                let written_lower = s.starts_with(|c: char| c.is_lowercase());
                let all_caps = s.chars().all(|c| !c.is_lowercase());
                let case_sensitive =
                    single_word && !written_lower && (all_caps || is_ordinary_word(&key));
                for form in variants(s) {
                    // A title that opens with a quotation mark ("'Left-Wing' Communism") is
                    // matched from its first letter, a word start after the text's own mark:
                    // names are then tried at word starts only, never at every byte.
                    let opening = |c: char| matches!(c, '\'' | '"' | '‘' | '’' | '“' | '«');
                    let form = match form.trim_start_matches(opening) {
                        "" => continue,
                        rest if rest.len() == form.len() => form,
                        rest => rest.to_string(),
                    };
                    let fkey = form.to_ascii_lowercase();
                    if let Some(&pi) = seen.get(&fkey) {
                        // The same form from two aliases of one entry: the more permissive one wins.
                        // Across entries the first claim wins (raw aliases were checked above).
                        if info[pi].entry == id && !case_sensitive {
                            info[pi].case_sensitive = false;
                        }
                        continue;
                    }
                    seen.insert(fkey.clone(), patterns.len());
                    let may_pluralise =
                        form.chars().any(char::is_lowercase) && !form.ends_with('.');
                    patterns.push(fkey);
                    originals.push(form);
                    info.push(PatternInfo {
                        entry: id,
                        misspelling,
                        possessive: false,
                        case_sensitive,
                        may_pluralise,
                    });
                }
            }
        }
        let trie = Trie::build(patterns.iter().enumerate().map(|(i, p)| (p.as_bytes(), i as u32)));
        let try_everywhere = patterns.iter().any(|p| !p.starts_with(char::is_alphanumeric));
        let mut patterns = Strings::default();
        for p in &originals {
            patterns.push(p);
        }
        NameIndex { trie, try_everywhere, patterns, info, by_name }
    }

    /// The matches that start a word, as `(start, end, pattern)`: at each word start not
    /// inside an earlier match, the longest pattern there. A match inside a word is never a
    /// name, so it hides nothing ("children. Lenin" holds "n. lenin" inside "children", and
    /// "Lenin" is still found).
    fn word_start_matches(&self, text: &str) -> Vec<(usize, usize, u32)> {
        let hay = text.as_bytes();
        let n = hay.len();
        let mut out = Vec::with_capacity(n / 48 + 1);
        if self.patterns.is_empty() {
            return out;
        }
        if self.try_everywhere {
            let mut s = 0;
            while s < n {
                // Only a word start can hold a name: the trie is walked nowhere else.
                match is_word_start(text, s).then(|| self.trie.longest_at(hay, s)).flatten() {
                    Some((e, pi)) => {
                        out.push((s, e, pi));
                        s = e;
                    }
                    None => s += 1,
                }
            }
            return out;
        }
        // The scan's position: no match may start before it.
        let mut pos = 0;
        let mut i = 0;
        while i < n {
            let cl = word_char_len(text, i);
            if cl == 0 {
                i += char_at(text, i).1;
                continue;
            }
            // A run of word characters [a, e), ASCII ones in a tight loop.
            let a = i;
            let mut e = i + cl;
            while e < n {
                e += hay[e..].iter().take_while(|&&b| ASCII_WORD[b as usize]).count();
                if e >= n {
                    break;
                }
                let cl = if hay[e] < 0x80 { 0 } else { word_char_len(text, e) };
                if cl == 0 {
                    break;
                }
                e += cl;
            }
            i = e;
            if e <= pos {
                continue;
            }
            if a >= pos {
                if let Some((end, pi)) = self.trie.longest_at(hay, a) {
                    out.push((a, end, pi));
                    pos = end;
                }
            }
        }
        out
    }

    /// Every name in `text`, left to right, whole words only.
    pub fn find_all(&self, text: &str) -> Vec<Mention> {
        // Room for a name every 48 bytes, so that a paragraph's list is seldom grown.
        let mut out = Vec::with_capacity(text.len() / 48 + 1);
        for (s, mut e, pi) in self.word_start_matches(text) {
            let pi = pi as usize;
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
                let pat = self.patterns.get(pi);
                if text[s..].chars().next() != pat.chars().next() {
                    continue;
                }
            }
            // A trailing apostrophe pattern ("Lenins'") should not swallow a closing quote.
            out.push(Mention {
                range: s..e,
                entry: info.entry,
                misspelling: info.misspelling,
                possessive,
            });
        }
        out
    }

    /// Every number the index holds refers inside it or to one of `entries` entries: an index
    /// read back is used without further checks.
    pub(crate) fn holds(&self, entries: usize) -> bool {
        self.info.len() == self.patterns.len()
            && self.trie.max_id().is_none_or(|id| (id as usize) < self.info.len())
            && self.info.iter().all(|i| i.entry < entries)
            && self.by_name.iter().all(|(_, &e)| e < entries)
    }

    pub fn pattern_count(&self) -> usize {
        self.patterns.len()
    }
}

/// `PatternInfo`s stored as one blob, five bytes each: the entry (`u32`, little endian) and
/// a byte of flags.
mod packed_info {
    use super::{Blob, PatternInfo};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(info: &[PatternInfo], s: S) -> Result<S::Ok, S::Error> {
        let mut out = Vec::with_capacity(info.len() * 5);
        for i in info {
            out.extend_from_slice(&(i.entry as u32).to_le_bytes());
            let flags = [i.misspelling, i.possessive, i.case_sensitive, i.may_pluralise];
            out.push(flags.iter().enumerate().map(|(k, &f)| u8::from(f) << k).sum());
        }
        Blob(out).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<PatternInfo>, D::Error> {
        let blob = <&[u8]>::deserialize(d)?;
        let info = blob.chunks_exact(5).map(|c| {
            let flag = |k: u8| c[4] & (1 << k) != 0;
            PatternInfo {
                entry: u32::from_le_bytes([c[0], c[1], c[2], c[3]]) as usize,
                misspelling: flag(0),
                possessive: flag(1),
                case_sensitive: flag(2),
                may_pluralise: flag(3),
            }
        });
        Ok(info.collect())
    }
}

#[cfg(test)]
#[path = "index_tests.rs"]
mod tests;
