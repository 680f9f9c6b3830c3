//! How a word stands to the words of the base's names, for the name reading of `mentions`: a
//! given name before a known surname says the surname is somebody else's only when the word is
//! truly a given name, not a slip or a cut-off piece of a name the base knows ("Kamnev
//! Zinoviev" is two names, one misspelled, not Zinoviev's relative Kamnev).

use super::NameWords;
use crate::base::{EntryId, Kind, KnowledgeBase};
use crate::text::distance::osa_within;
use crate::text::translit::skeleton;

/// What a capitalised word is among the base's name words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Likeness {
    /// Exactly a word of a known name; `last` when it ends that name (a surname), `entry` the
    /// entry the word is kept for (the first, or the one whose whole name it is).
    Exact { last: bool, entry: EntryId },
    /// Within a slip of a name word, or the beginning of a person's one ("Kamnev", "Zinovie",
    /// "Bukh").
    Near,
    /// Nothing like any name word.
    Unlike,
}

/// How `lower` (a lower-case word) stands to the name words of `words`.
pub(crate) fn likeness(kb: &KnowledgeBase, words: &NameWords, lower: &str) -> Likeness {
    let n = lower.chars().count();
    // A slip keeps most letters: one edit in a short word, two in a longer one.
    let bound = if n <= 6 { 1 } else { 2 };
    let mut near = false;
    let key = skeleton(lower);
    for w in &words.words {
        // Another transliteration of a name word is that word ("Yekaterina", "Ekaterina").
        if w.lower == lower || (w.chars.abs_diff(n) <= 2 && skeleton(&w.lower) == key) {
            return Likeness::Exact { last: w.last, entry: w.entry };
        }
        if near || w.chars + bound < n {
            continue;
        }
        // A place's name cut short is no slip ("Yekaterina" begins "Yekaterinburg").
        let cut = n >= 3
            && w.chars > n
            && w.lower.starts_with(lower)
            && kb.entries[w.entry].kind == Kind::Person;
        near = cut || (w.chars <= n + bound && osa_within(lower, &w.lower, bound).is_some());
    }
    if near {
        Likeness::Near
    } else {
        Likeness::Unlike
    }
}
