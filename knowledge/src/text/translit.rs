//! A transliteration skeleton for names: two spellings of one Russian, Georgian, Polish or
//! German name as English writers render it (Ulyanov / Ulianov, Zinovyev / Zinov'ev / Zinoviev,
//! Tukhachevsky / Tukhachevskii, Grigoryevich / Grigorievich, Alexei / Aleksei, Edward / Edvard,
//! Djugashvili / Dzhugashvili / Jughashvili, Bronstein / Bronshtein) share a skeleton, while a
//! slip of the pen (Trotksy, Kamenov, Lennin, Yezov) keeps its difference. A word whose skeleton
//! is a known name's is a variant, never a misspelling.
//!
//! Doubled letters are kept on purpose: "Lennin" and "Stallin" are slips, not transliterations.

/// Letters with diacritics as English renders them (Polish, Czech, German, French, Spanish).
fn plain(c: char) -> Option<&'static str> {
    Some(match c {
        'ą' | 'á' | 'à' | 'â' | 'ä' | 'ã' => "a",
        'ę' | 'é' | 'è' | 'ê' | 'ë' | 'ė' => "e",
        'í' | 'ì' | 'î' | 'ï' => "i",
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' => "o",
        'ú' | 'ù' | 'û' | 'ü' => "u",
        'ý' | 'ÿ' => "y",
        'ć' | 'ç' => "c",
        'č' => "ch",
        'ł' => "l",
        'ń' | 'ñ' => "n",
        'ś' => "s",
        'š' => "sh",
        'ź' => "z",
        'ż' | 'ž' => "zh",
        'ř' => "rzh",
        'ß' => "ss",
        _ => return None,
    })
}

/// Rewrites applied left to right, longest first: the spellings of one sound become one.
const REWRITES: &[(&str, &str)] = &[
    ("shch", "shch"),
    ("szcz", "shch"),
    ("tsch", "ch"),
    ("sch", "shch"),
    ("sht", "st"),
    ("dzh", "j"),
    ("zhd", "zd"),
    ("cz", "ch"),
    ("sz", "sh"),
    ("dj", "j"),
    ("gh", "g"),
    ("kh", "kh"),
    ("ks", "x"),
    ("ph", "f"),
    ("ou", "u"),
    ("tz", "ts"),
    ("ff", "v"),
    ("w", "v"),
    ("y", "i"),
    ("ch", "ch"),
    ("ck", "k"),
    ("c", "k"),
];

/// Vowel clusters that transliterations spell differently: `iy`, `ii`, `ij` for й or ий,
/// `ie`/`ye` (after the `y` → `i` rewrite) for е, `io`/`yo` for ё.
/// Last, `j` (German and Polish Jagoda, English Jughashvili, Russian dzh) folds into `i` too.
const VOWELS: &[(&str, &str)] =
    &[("ii", "i"), ("ij", "i"), ("ie", "e"), ("io", "e"), ("iu", "u"), ("j", "i")];

/// The skeleton of one word: lower case, diacritics and soft signs gone, transliteration
/// variants folded.
pub fn skeleton(word: &str) -> String {
    let mut lower: String = String::with_capacity(word.len());
    for c in word.chars() {
        if matches!(c, '\'' | '’' | 'ʹ' | 'ʼ' | '-') {
            continue;
        }
        for l in c.to_lowercase() {
            // Combining marks carry only diacritics: "İ" lower-cases to "i" and a dot above.
            if ('\u{300}'..='\u{36f}').contains(&l) {
                continue;
            }
            match plain(l) {
                Some(p) => lower.push_str(p),
                None => lower.push(l),
            }
        }
    }
    let folded = rewrite(&lower, REWRITES);
    let mut key = rewrite(&folded, VOWELS);
    // A final й after `e` is written `ei`, `ey` or left out: Alexei, Alexey, Alexi.
    if key.len() > 4 && key.ends_with("ei") {
        key.truncate(key.len() - 2);
        key.push('i');
    }
    key
}

fn rewrite(text: &str, rules: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    'next: while !rest.is_empty() {
        for (from, to) in rules {
            if let Some(after) = rest.strip_prefix(from) {
                out.push_str(to);
                rest = after;
                continue 'next;
            }
        }
        let c = rest.chars().next().unwrap_or(' ');
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Are two spellings the same name in different transliterations?
pub fn same_name(a: &str, b: &str) -> bool {
    skeleton(a) == skeleton(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliterations_share_a_skeleton() {
        for (a, b) in [
            ("Ulyanov", "Ulianov"),
            ("Zinovyev", "Zinoviev"),
            ("Zinov'ev", "Zinoviev"),
            ("Tukhachevsky", "Tukhachevskii"),
            ("Tukhachevsky", "Tukhachevskiy"),
            ("Grigoryevich", "Grigorievich"),
            ("Alexei", "Aleksei"),
            ("Feliks", "Felix"),
            ("Edward", "Edvard"),
            ("Djugashvili", "Dzhugashvili"),
            ("Jughashvili", "Dzhugashvili"),
            ("Bronstein", "Bronshtein"),
            ("Yezhov", "Ezhov"),
            ("Yagoda", "Jagoda"),
            ("Yagoda", "Iagoda"),
            ("Lavrenty", "Lavrentii"),
            ("Trotsky", "Trotskii"),
            ("Antonovshchina", "Antonovschina"),
            ("Joseph", "Josef"),
            ("Dzierżyński", "Dzierzhynski"),
            ("Nicolai", "Nikolai"),
            ("Politbiuro", "Politburo"),
            ("Lyubov", "Liubov"),
            ("Raspoutin", "Rasputin"),
            ("Nadiezda", "Nadezhda"),
            ("Alexi", "Alexei"),
            ("Alexey", "Alexei"),
            ("İstanbul", "Istanbul"),
            ("Ramón", "Ramon"),
        ] {
            assert_eq!(skeleton(a), skeleton(b), "{a} / {b}");
        }
    }

    #[test]
    fn slips_keep_their_difference() {
        for (slip, name) in [
            ("Trotksy", "Trotsky"),
            ("Kamenov", "Kamenev"),
            ("Lennin", "Lenin"),
            ("Stallin", "Stalin"),
            ("Yezov", "Yezhov"),
            ("Tuhachevsky", "Tukhachevsky"),
            ("Bukarin", "Bukharin"),
            ("Tukachevsky", "Tukhachevsky"),
            ("Kruschchev", "Khrushchev"),
            ("Krupskya", "Krupskaya"),
            ("Zinoveiv", "Zinoviev"),
            ("Deutcher", "Deutscher"),
            ("Dzugashvilli", "Dzhugashvili"),
            ("Kazakov", "Kazakh"),
            ("Khrushev", "Khrushchev"),
        ] {
            assert_ne!(skeleton(slip), skeleton(name), "{slip} / {name}");
        }
    }
}
