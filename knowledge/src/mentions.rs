//! The names a text mentions: the name index's matches, less a known person's surname written
//! right after a given name or patronymic that is none of that person's own. "David Leontyevich
//! Bronstein (1847-1922)" is Trotsky's father and "Alexander Ulyanov" Lenin's brother: the base
//! does not know everyone, so such a surname is nobody it knows (no card, no dates or figures
//! checked against the famous namesake).
//!
//! The word before the surname counts as a given name only when it surely is one, never because
//! a list of real names happens to hold it (it holds surnames too): a patronymic's shape
//! (-ovich, -evna), or a real name that is exactly the given name of somebody the base knows
//! (David, Nadezhda, Yekaterina), and in either case no slip or cut-off piece of a name the base
//! knows. "Kamnev Zinoviev" (Kamenev misspelled) and "Kirov Zinoviev" (two surnames) keep both
//! names.

use crate::base::{is_ordinary_word, Entry, Kind, KnowledgeBase, Mention};
use crate::checks::misspelled_name::likeness::{likeness, Likeness};
use crate::checks::misspelled_name::NameWords;
use crate::prepared::Prepared;
use crate::text::distance::osa_within;
use crate::text::real_names::is_real_name;
use crate::text::translit::same_name;

/// Every mention of a known name in `text`, without surnames that name a relative.
pub fn find(kb: &Prepared, text: &str) -> Vec<Mention> {
    let mut mentions = kb.index.find_all(text);
    drop_relatives(kb, text, &mut mentions, || words_of(kb));
    mentions
}

/// The name words of a prepared base: the tables misspelled-name built (or builds now).
fn words_of(kb: &Prepared) -> &NameWords {
    let at = crate::checks::CHECKS
        .iter()
        .position(|c| c.codes().iter().any(|s| s.code == crate::finding::Code::MisspelledName))
        .expect("misspelled-name is registered");
    kb.tables(at).downcast_ref().expect("misspelled-name's tables are its name words")
}

/// The same, for a base that is not prepared (tools: `kb extract`, the explain aids).
pub fn find_in(kb: &KnowledgeBase, text: &str) -> Vec<Mention> {
    let mut mentions = kb.index.find_all(text);
    let words = std::cell::OnceCell::new();
    drop_relatives(kb, text, &mut mentions, || {
        words.get_or_init(|| crate::checks::misspelled_name::build(kb))
    });
    mentions
}

fn drop_relatives<'w>(
    kb: &KnowledgeBase,
    text: &str,
    mentions: &mut Vec<Mention>,
    words: impl Fn() -> &'w NameWords,
) {
    let mut drop = Vec::new();
    for (k, m) in mentions.iter().enumerate() {
        let Some((at, word)) = word_before(kb, text, m) else { continue };
        // A word the index reads as a name or term of its own ("Kirov Zinoviev", "Tsar
        // Nicholas") is no given name of somebody else.
        if mentions[..k].iter().any(|p| p.range.end > at) {
            continue;
        }
        if !own_name_word(&kb.entries[m.entry], word) && given_name(kb, words(), word) {
            drop.push(k);
        }
    }
    for k in drop.into_iter().rev() {
        mentions.remove(k);
    }
}

/// The word written right before `m` when `m` is a known person's one-word name (a surname
/// alone) and that word could be a given name: capitalised, in letters only, one space before
/// the surname, no ordinary English word ("Then Stalin", "Comrade Stalin", "General Secretary
/// Stalin"; names such as "David" are in the dictionary too, capitalised).
fn word_before<'t>(kb: &KnowledgeBase, text: &'t str, m: &Mention) -> Option<(usize, &'t str)> {
    let e = &kb.entries[m.entry];
    if e.kind != Kind::Person
        || m.misspelling
        || text[m.range.clone()].contains(char::is_whitespace)
    {
        return None;
    }
    let lead = text[..m.range.start].strip_suffix(' ')?;
    let from = lead.rfind(|c: char| !c.is_alphabetic()).map_or(0, |i| i + 1);
    // `rfind` gives a byte index of a one-byte character: anything not alphabetic that ends a
    // word here is ASCII or a multi-byte mark; step over it whole.
    let from = (from..=lead.len()).find(|&i| lead.is_char_boundary(i))?;
    let word = &lead[from..];
    let ok = word.chars().count() >= 3
        && word.starts_with(|c: char| c.is_ascii_uppercase())
        && word.chars().skip(1).all(|c| c.is_alphabetic() && c.is_lowercase())
        && !is_ordinary_word(word);
    ok.then_some((from, word))
}

/// Is `word` surely a given name or patronymic: a patronymic's shape, or a real name that is
/// exactly (in some transliteration) the given name of a person the base knows? A real name
/// alone is not enough: the list holds surnames too, and a word run together from pieces of
/// names may be one ("Kukin Kamenev"). Words for peoples ("the Russian Kerensky") are no given
/// names, though some are listed as names.
fn given_name(kb: &KnowledgeBase, words: &NameWords, word: &str) -> bool {
    let lower = word.to_lowercase();
    match likeness(kb, words, &lower) {
        Likeness::Near => false,
        _ if is_patronymic(&lower) => true,
        // The list holds English spellings: a word in other letters is not read from it.
        Likeness::Exact { last: false, entry } => {
            kb.entries[entry].kind == Kind::Person
                && word.is_ascii()
                && is_real_name(word)
                && !is_demonym(&lower)
        }
        _ => false,
    }
}

/// "Georgian", "Polish", "Japanese": a word for a people or a land's language, by its ending.
fn is_demonym(lower: &str) -> bool {
    ["ian", "ean", "ish", "ese", "ic"].iter().any(|end| lower.ends_with(end))
}

/// "Leontyevich", "Lvovna", "Alexandrovna": a father's name as Russians write it.
fn is_patronymic(lower: &str) -> bool {
    ["ovich", "evich", "ovitch", "evitch", "ovna", "evna", "ichna"]
        .iter()
        .any(|end| lower.len() >= end.len() + 2 && lower.ends_with(end))
}

/// Is `word` one of the words of `e`'s names, as written, transliterated otherwise or with a
/// slip of the pen ("Alexei Gregoryevich Stakhanov" is still Stakhanov, his patronymic
/// misspelled)?
fn own_name_word(e: &Entry, word: &str) -> bool {
    let lower = word.to_lowercase();
    let slips = if lower.chars().count() >= 6 { 2 } else { 1 };
    std::iter::once(&e.name)
        .chain(&e.aliases)
        .chain(e.full_name.as_ref())
        .flat_map(|n| n.split_whitespace())
        .any(|w| {
            w.eq_ignore_ascii_case(word)
                || same_name(w, word)
                || osa_within(&w.to_lowercase(), &lower, slips).is_some()
        })
}

#[cfg(test)]
mod tests;
