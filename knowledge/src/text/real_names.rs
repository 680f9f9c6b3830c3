//! Real given names, patronymics and surnames from public registries (`data/names/`): a word
//! on this list is somebody's name, so the fact base not knowing it is no sign of a misspelling.

use std::sync::OnceLock;

use super::translit::skeleton;

/// The list's skeletons, sorted. Built on first use only: most essays never ask.
fn names() -> &'static [&'static str] {
    static N: OnceLock<Vec<&'static str>> = OnceLock::new();
    N.get_or_init(crate::data::real_names)
}

/// The form a name is listed under: its skeleton, folded again until it no longer changes (one
/// folding can make a new cluster, as "jie" -> "ie" -> "e").
pub fn name_key(word: &str) -> String {
    let mut key = skeleton(word);
    for _ in 0..3 {
        let again = skeleton(&key);
        if again == key {
            break;
        }
        key = again;
    }
    key
}

fn listed(form: &str) -> bool {
    names().binary_search(&form).is_ok()
}

/// Is the word listed as a real name, however short ("Lev", "Ivan", "Pyotr")? `is_real_name`
/// leaves short ones out, since a short slip is too often somebody's name; this is for a word
/// already read as a name by its place, as a given name before a surname is.
pub fn is_listed_name(word: &str) -> bool {
    listed(&name_key(word))
}

/// Is the word a real name in some English spelling, or the feminine form of one ("Petrova",
/// "Ulianova", "Mikhailovskaya")?
pub fn is_real_name(word: &str) -> bool {
    let sk = name_key(word);
    if sk.chars().count() < 4 {
        return false;
    }
    if listed(&sk) {
        return true;
    }
    let masculine = [("skaia", "ski"), ("kaia", "ki"), ("aia", "i"), ("a", "")];
    masculine.iter().any(|(fem, masc)| {
        sk.strip_suffix(fem).is_some_and(|stem| stem.len() >= 4 && listed(&format!("{stem}{masc}")))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_sorted_unique_skeletons() {
        let n = names();
        assert!(n.len() > 100_000, "the list holds {} names", n.len());
        assert!(n.windows(2).all(|w| w[0] < w[1]), "sorted and unique");
        // Lines are skeletons: a change to `skeleton` that the list does not follow fails here
        // (rebuild the list as data/names/README.md says).
        let drifted: Vec<&&str> = n.iter().filter(|w| name_key(w) != **w).take(5).collect();
        assert!(drifted.is_empty(), "lines that are no key: {drifted:?}");
    }

    #[test]
    fn real_names_in_their_spellings() {
        for w in [
            "Feldman",
            "Junge",
            "Ulbricht",
            "Mikhailov",
            "Mikhaylov",
            "Yakovlev",
            "Jakovlev",
            "Petrova",
            "Ulianova",
            "Nadezhda",
        ] {
            assert!(is_real_name(w), "{w}");
        }
    }

    #[test]
    fn slips_are_not_names() {
        for w in ["Trotksy", "Stallin", "Bukarin", "Tukachevsky", "Dzerzhinksy", "Kronstat"] {
            assert!(!is_real_name(w), "{w}");
        }
    }
}
