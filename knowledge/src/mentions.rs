//! The names a text mentions: the name index's matches, less a surname that names another
//! member of a known person's family. "David Leontyevich Bronstein (1847-1922)" is Trotsky's
//! father, and "Yakov Dzhugashvili" Stalin's son: a given name or patronymic that none of the
//! known person's names has, written right before the surname, says the surname is someone
//! else's. The base does not know everyone, so such a surname is nobody it knows (no card, no
//! dates checked against Trotsky's).

use crate::base::{Entry, Kind, KnowledgeBase, Mention};
use crate::text::distance::osa_within;
use crate::text::real_names::is_real_name;
use crate::text::translit::same_name;

/// Every mention of a known name in `text`, without surnames that name a relative.
pub fn find(kb: &KnowledgeBase, text: &str) -> Vec<Mention> {
    let mut mentions = kb.index.find_all(text);
    mentions.retain(|m| !names_a_relative(kb, text, m));
    mentions
}

/// Is the mention `m` a known person's surname alone, after a given name or patronymic that is
/// not theirs ("Anna Lvovna Bronstein", "Vasily Stalin")? A title or an English word before it
/// ("Comrade Stalin", "General Secretary Stalin") is no given name.
fn names_a_relative(kb: &KnowledgeBase, text: &str, m: &Mention) -> bool {
    let e = &kb.entries[m.entry];
    let written = &text[m.range.clone()];
    if e.kind != Kind::Person || written.contains(char::is_whitespace) {
        return false;
    }
    let Some(lead) = text[..m.range.start].strip_suffix(' ') else { return false };
    let from = lead
        .rfind(|c: char| !c.is_alphabetic())
        .map_or(0, |i| i + lead[i..].chars().next().map_or(1, char::len_utf8));
    let word = &lead[from..];
    if word.chars().count() < 3
        || !word.starts_with(char::is_uppercase)
        || word.chars().skip(1).any(char::is_uppercase)
        || crate::base::is_common_word(word)
    {
        return false;
    }
    (is_real_name(word) || is_patronymic(word)) && !own_name_word(e, word)
}

/// "Leontyevich", "Lvovna", "Ilyich": a father's name as Russians write it.
fn is_patronymic(word: &str) -> bool {
    let lower = word.to_lowercase();
    ["ovich", "evich", "ich", "ovna", "evna", "ichna", "ovitch", "evitch"]
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
mod tests {
    use super::*;
    use crate::checks::testing::kb;

    fn named(text: &str) -> Vec<String> {
        let kb = kb();
        find(kb, text)
            .iter()
            .map(|m| format!("{} = {}", &text[m.range.clone()], kb.entries[m.entry].id))
            .collect()
    }

    #[test]
    fn a_surname_after_a_given_name_that_is_not_theirs_names_a_relative() {
        let text =
            "Trotsky was born to David Leontyevich Bronstein (1847-1922) and Anna Lvovna Bronstein.";
        assert_eq!(named(text), ["Trotsky = trotsky"]);
        assert_eq!(named("His son Vasily Stalin drank."), ["Vasily Stalin = vasily-stalin"]);
        assert_eq!(named("His brother Dmitry Ulyanov was a doctor."), Vec::<String>::new());
        // A slip in the person's own patronymic is no other person.
        assert_eq!(named("Alexei Gregoryevich Stakhanov"), ["Stakhanov = stakhanov"]);
    }

    #[test]
    fn the_persons_own_names_titles_and_words_keep_the_mention() {
        for (text, surname) in [
            ("Lev Davidovich Bronstein was born in 1879.", "Bronstein"),
            ("Comrade Stalin spoke.", "Stalin"),
            ("General Secretary Stalin spoke.", "Stalin"),
            ("Then Stalin spoke.", "Stalin"),
            ("In 1924 Stalin spoke.", "Stalin"),
            ("Iosif Stalin spoke.", "Stalin"),
            ("Sergey Kirov spoke.", "Kirov"),
            ("Grigori Zinoviev spoke.", "Zinoviev"),
            ("Nikolay Bukharin spoke.", "Bukharin"),
            ("Lavrenty Beria spoke.", "Beria"),
            ("Marshal Tukhachevsky spoke.", "Tukhachevsky"),
        ] {
            assert!(named(text).iter().any(|n| n.contains(surname)), "{text}: {:?}", named(text));
        }
    }
}
