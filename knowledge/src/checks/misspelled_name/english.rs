//! Whether a capitalised word is an English word the dictionary knows (British spellings and
//! plurals allowed): such a word is never called a misspelled name.

use std::cell::RefCell;

use rustc_hash::FxHashMap;

use crate::base::is_common_word;

/// An English word as the dictionary knows it, allowing British spellings and inflections.
/// (The answers are kept per thread: the same capitalised words come back in every essay, and
/// each costs several searches of the dictionary, whose words lie all over memory.)
pub(super) fn is_english(word: &str) -> bool {
    thread_local! {
        static KNOWN: RefCell<FxHashMap<Box<str>, bool>> = RefCell::default();
    }
    /// Answers kept at most: then the table starts again.
    const KEEP: usize = 4096;
    if let Some(yes) = KNOWN.with_borrow(|k| k.get(word).copied()) {
        return yes;
    }
    let yes = is_english_uncached(word);
    KNOWN.with_borrow_mut(|k| {
        if k.len() >= KEEP {
            k.clear();
        }
        k.insert(word.into(), yes);
    });
    yes
}

fn is_english_uncached(word: &str) -> bool {
    if is_common_word(word) {
        return true;
    }
    let w = word.to_lowercase();
    let mut forms: Vec<String> = Vec::new();
    for (from, to) in [
        ("our", "or"),
        ("isation", "ization"),
        ("ise", "ize"),
        ("ised", "ized"),
        ("ising", "izing"),
        ("yse", "yze"),
        ("tre", "ter"),
        ("ogue", "og"),
        ("lled", "led"),
        ("lling", "ling"),
        ("ence", "ense"),
        ("ae", "e"),
        ("oe", "e"),
    ] {
        if w.contains(from) {
            forms.push(w.replacen(from, to, 1));
        }
    }
    let mut more = Vec::new();
    for f in std::iter::once(&w).chain(forms.iter()) {
        if let Some(s) = f.strip_suffix("ies") {
            more.push(format!("{s}y"));
        }
        if let Some(s) = f.strip_suffix("es") {
            more.push(s.to_string());
        }
        if let Some(s) = f.strip_suffix('s') {
            more.push(s.to_string());
        }
    }
    forms.extend(more);
    forms.iter().any(|f| is_common_word(f))
}
