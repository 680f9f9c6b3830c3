//! The light stemmer every check uses: lower case, no possessive, -ize as -ise, one common ending
//! removed, so "continued", "continuity" and "continuation" are one term.

use std::borrow::Cow;

use rustc_hash::FxHashMap;

use crate::text::sentences::possessive_base;

/// Light stemmer: lower case, no possessive, -ize as -ise, one common ending removed.
/// "Continued", "continuity", "continuation" -> "continu"; "purges", "purged" -> "purg".
pub fn stem(word: &str) -> String {
    // Essays repeat their words: remember each word's stem (per thread, bounded).
    thread_local! {
        static MEMO: std::cell::RefCell<FxHashMap<String, String>> = std::cell::RefCell::new(FxHashMap::default());
    }
    if let Some(s) = MEMO.with(|m| m.borrow().get(word).cloned()) {
        return s;
    }
    let s = stem_uncached(word);
    MEMO.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() >= 50_000 {
            m.clear();
        }
        m.insert(word.to_string(), s.clone());
    });
    s
}

pub(crate) fn stem_uncached(word: &str) -> String {
    if word.is_ascii() {
        let mut buf = Vec::new();
        stem_ascii(word.to_ascii_lowercase().as_bytes(), &mut buf);
        return String::from_utf8(buf).expect("an ASCII stem");
    }
    let w = word.to_lowercase();
    let w = possessive_base(&w);
    let w = if w.contains("iz") { w.replace("iz", "is") } else { w.to_string() };
    if w.len() <= 3 || !w.is_ascii() {
        return w;
    }
    // Lower-casing made it ASCII (the Kelvin sign is a "k").
    let mut buf = w.into_bytes();
    strip_ending(&mut buf);
    String::from_utf8(buf).expect("an ASCII stem")
}

/// `stem` of a word written in lower case, borrowed from the word when it is a prefix of it
/// (nearly always: only "-ies", "-ied", "-isation" and "-iz-" make a stem that is not), so
/// that stemming a sentence allocates nothing. `buf` is scratch space.
pub(crate) fn stem_lower<'w>(word: &'w str, buf: &mut Vec<u8>) -> Cow<'w, str> {
    if !word.is_ascii() || word.bytes().any(|b| b.is_ascii_uppercase()) {
        return Cow::Owned(stem_uncached(word));
    }
    stem_ascii(word.as_bytes(), buf);
    if word.as_bytes().starts_with(buf) {
        Cow::Borrowed(&word[..buf.len()])
    } else {
        Cow::Owned(String::from_utf8(buf.clone()).expect("an ASCII stem"))
    }
}

/// `stem` of a lower-case ASCII word, written into `out` without allocating (once `out` has
/// grown): the words of every sentence are stemmed, so this is the hot path.
pub(crate) fn stem_ascii(word: &[u8], out: &mut Vec<u8>) {
    out.clear();
    out.extend_from_slice(word);
    // The possessive ("’s" is not ASCII).
    if out.ends_with(b"'s") {
        out.truncate(out.len() - 2);
    } else if out.ends_with(b"'") {
        out.truncate(out.len() - 1);
    }
    // -ize as -ise ("iz" never overlaps itself).
    let mut i = 0;
    while i + 1 < out.len() {
        if out[i] == b'i' && out[i + 1] == b'z' {
            out[i + 1] = b's';
            i += 2;
        } else {
            i += 1;
        }
    }
    if out.len() > 3 {
        strip_ending(out);
    }
}

/// Removes one common ending from a lower-case ASCII word of four letters or more.
fn strip_ending(w: &mut Vec<u8>) {
    // Endings that would make another word: "faction" is not "fact".
    let keep: Option<&[u8]> = match &w[..] {
        b"faction" | b"factions" | b"factional" => Some(b"faction"),
        b"nation" | b"nations" => Some(b"nation"),
        b"action" | b"actions" => Some(b"action"),
        _ => None,
    };
    if let Some(v) = keep {
        w.clear();
        w.extend_from_slice(v);
        return;
    }
    if w.len() > 4 && (w.ends_with(b"ies") || w.ends_with(b"ied")) {
        w.truncate(w.len() - 3);
        w.push(b'y');
        return;
    }
    // The endings, longest first within each group, with the shortest stem each may leave;
    // grouped by last letter, since only those ending as the word does can match.
    const S: &[(&[u8], usize)] = &[
        (b"isations", 4),
        (b"ations", 3),
        (b"abilities", 3),
        (b"ities", 3),
        (b"ings", 3),
        (b"ions", 3),
        (b"ments", 4),
        (b"ness", 4),
        (b"es", 3),
        (b"s", 3),
    ];
    const N: &[(&[u8], usize)] = &[(b"isation", 4), (b"ation", 3), (b"ion", 3)];
    const Y: &[(&[u8], usize)] =
        &[(b"ability", 3), (b"ity", 3), (b"ably", 3), (b"edly", 3), (b"ly", 4)];
    const E: &[(&[u8], usize)] = &[(b"able", 3), (b"e", 3)];
    let endings: &[(&[u8], usize)] = match w[w.len() - 1] {
        b's' => S,
        b'n' => N,
        b'y' => Y,
        b'e' => E,
        b'g' => &[(b"ing", 3)],
        b't' => &[(b"ment", 4)],
        b'd' => &[(b"ed", 3)],
        b'l' => &[(b"al", 4)],
        _ => &[],
    };
    for &(suf, min) in endings {
        if !w.ends_with(suf) {
            continue;
        }
        let base = w.len() - suf.len();
        if base < min {
            continue;
        }
        if suf == b"s" && matches!(w[base - 1], b's' | b'u' | b'i') {
            continue;
        }
        w.truncate(base);
        if suf.starts_with(b"isation") {
            w.extend_from_slice(b"is");
        }
        return;
    }
}

#[cfg(test)]
mod tests {
    use expect_test::expect;

    use super::*;

    /// A plain stemmer (allocating, one step after another): the reference the allocation-free
    /// one is held to.
    fn stem_reference(word: &str) -> String {
        let w = word.to_lowercase();
        let w = possessive_base(&w);
        let mut w = if w.contains("iz") { w.replace("iz", "is") } else { w.to_string() };
        if w.len() <= 3 || !w.is_ascii() {
            return w;
        }
        for (k, v) in [
            ("faction", "faction"),
            ("factions", "faction"),
            ("factional", "faction"),
            ("nation", "nation"),
            ("nations", "nation"),
            ("action", "action"),
            ("actions", "action"),
        ] {
            if w == k {
                return v.to_string();
            }
        }
        for (suf, rep) in [("ies", "y"), ("ied", "y")] {
            if w.len() > 4 && w.ends_with(suf) {
                w.truncate(w.len() - suf.len());
                w.push_str(rep);
                return w;
            }
        }
        const SUFFIXES: &[(&str, usize)] = &[
            ("isations", 4),
            ("isation", 4),
            ("ations", 3),
            ("ation", 3),
            ("abilities", 3),
            ("ability", 3),
            ("ities", 3),
            ("ity", 3),
            ("ings", 3),
            ("ing", 3),
            ("ions", 3),
            ("ion", 3),
            ("ably", 3),
            ("able", 3),
            ("ments", 4),
            ("ment", 4),
            ("ness", 4),
            ("edly", 3),
            ("ed", 3),
            ("es", 3),
            ("al", 4),
            ("ly", 4),
            ("s", 3),
            ("e", 3),
        ];
        for &(suf, min) in SUFFIXES {
            if let Some(base) = w.strip_suffix(suf) {
                if base.len() < min {
                    continue;
                }
                if suf == "s" && (base.ends_with('s') || base.ends_with('u') || base.ends_with('i'))
                {
                    continue;
                }
                let mut b = base.to_string();
                if suf == "isations" || suf == "isation" {
                    b.push_str("is");
                }
                return b;
            }
        }
        w
    }

    proptest::proptest! {
        /// Words made of endings, "iz", possessives and odd letters stem as the reference does.
        #[test]
        fn stems_as_before(parts in proptest::collection::vec(proptest::sample::select(vec![
            "a", "e", "i", "s", "u", "y", "z", "iz", "IZ", "t", "ion", "ation", "isation", "ability", "ities", "ies", "ied", "ing", "ment", "ness", "edly",
            "ed", "es", "al", "ly", "able", "'s", "’s", "'", "’", "fact", "n", "act", "K", "\u{212a}", "Ж", "é", "-",
        ]), 0..6)) {
            let w: String = parts.concat();
            proptest::prop_assert_eq!(stem(&w), stem_reference(&w));
            let mut buf = Vec::new();
            proptest::prop_assert_eq!(stem_lower(&w, &mut buf), stem_reference(&w));
            let lower = w.to_lowercase();
            proptest::prop_assert_eq!(stem_lower(&lower, &mut buf), stem_reference(&w));
            let mut buf = Vec::new();
            if w.is_ascii() {
                stem_ascii(w.to_ascii_lowercase().as_bytes(), &mut buf);
                proptest::prop_assert_eq!(String::from_utf8(buf).unwrap(), stem_reference(&w));
            }
        }
    }

    #[test]
    fn stems() {
        let words = [
            "continued",
            "continuity",
            "continuation",
            "continues",
            "purges",
            "purged",
            "collectivization",
            "collectivised",
            "Lenin's",
            "Stalin’s",
            "inevitably",
            "inevitability",
            "betrayal",
            "factions",
            "policies",
        ];
        let stems: Vec<String> = words.iter().map(|w| stem(w)).collect();
        expect!["continu continu continu continu purg purg collectivis collectivis lenin stalin inevit inevit betray faction policy"].assert_eq(&stems.join(" "));
    }
}
