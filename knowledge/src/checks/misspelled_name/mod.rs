//! `misspelled-name` (Warning): a word that is almost, but not quite, a name the fact base knows
//! ("Trotksy", "Zinoniev", "Krondstadt", "Bukarin"). A wrong name breaks hover, the other checks
//! and, in an exam, the marker's patience.
//!
//! Two ways in:
//! - a known misspelling recorded in the data (`misspellings`, found by the name index as a
//!   mention with `misspelling == true`) is flagged directly;
//! - any other capitalised word that is not a mention, not an English word (the dictionary in
//!   `words.txt`, British spellings and plurals included) and not on the student's ignore list is
//!   compared with `strsim::osa_distance` (edit distance with transpositions) and
//!   `strsim::jaro_winkler` against every word of every name and alias in the base (built once per
//!   base), under thresholds that grow with the word's length: none under four letters; one edit
//!   up to six letters, and only a slip-like one (a swap, a doubled or dropped letter, a vowel, a
//!   similar-sounding letter: Kirof, Stallin, not Lewin for Lenin); two edits from seven letters,
//!   three from twelve, if the words still read alike.
//!
//! Precision first: ordinary words never fire (check/Cheka, stain/Stalin, linen/Lenin, Mark/Marx,
//! Berlin/Beria, run/Kun are all dictionary words), accepted transliterations are aliases and so
//! mentions (Trotskii, Kaganovitch), a `y` between vowels is a transliteration too (Nikolaevich),
//! a word with a known name's transliteration skeleton is a variant (Antonovschina, Politbiuro;
//! `text::translit`),
//! the first letter must agree, and derived forms of a name (Leninist, Zinovievite, Kameneva,
//! Tomskaya, Molotovsk, Kronstadters) are not misspellings.
//!
//! The world is open: a word that is a real name (`text::real_names`, 164,000 given names,
//! patronymics and surnames from public registries: Feldman, Junge, Mikhailov) belongs to
//! somebody the base may not know. It is called a slip only when its paragraph ties it to the
//! known person: another word of that person's name beside it ("Andrei Zhadnov"), or a mention
//! of someone who shares an event with them ("Zinoviev and Kamenov"). The fix replaces the word with the canonical
//! spelling; `Finding::word` lets the editor add the word to the ignore list.

mod context;
mod english;
pub(crate) mod likeness;

use super::check::{Check, SentenceOut};
use super::grammar::SentenceCtx;
use crate::base::{is_ordinary_word, EntryId, KnowledgeBase};
use crate::finding::{Code, CodeSpec, Finding, Fix, Severity};
use crate::text::distance::{osa, osa_within};
use crate::text::real_names::is_real_name;
use crate::text::sentences::TokKind;
use crate::text::translit::skeleton;
use context::{
    after_another_given_name, beside_an_unknown_name, followed_by_a_name_with, given_as_a_name,
    offered_beside, tied,
};
use english::is_english;
use rustc_hash::FxHashMap;

pub const MISSPELLED_NAME: CodeSpec = CodeSpec {
    code: Code::MisspelledName,
    name: "misspelled-name",
    setting: "misspelledName",
    severity: Severity::Warning,
    description: "Flag misspelled names of people, places and bodies.",
};

pub(crate) const CHECK: Check<NameWords> = Check {
    codes: &[MISSPELLED_NAME],
    runs_when_off: false,
    prepare: build,
    sentence: Some(check),
    document: None,
};

/// One word of a known name: "Trotsky", "Kronstadt", "Bronstein".
#[derive(Debug)]
struct NameWord {
    lower: String,
    /// As the data writes it: what the fix puts in.
    written: String,
    entry: EntryId,
    /// 0 for a word of the entry's name, 1 for an alias, 2 for the full name: the fix prefers the
    /// name's own spelling ("Zinoviev", not the alias "Zinovyev").
    rank: u8,
    chars: usize,
    first: char,
    /// The word ends its spelling or is all of it (a surname, a one-word name): not a given name
    /// or patronymic, which alone name nobody ("Alexei", "Yakovlevna").
    last: bool,
}

/// The candidate words of one knowledge base, built once and kept while that base lives
/// (the check's tables, kept in `Prepared`), shortest first.
#[derive(Debug)]
pub(crate) struct NameWords {
    words: Vec<NameWord>,
    /// Per first letter, the places in `words` of the words that start with it (ascending, so
    /// shortest first as well): a near miss must agree on its first letter.
    by_first: FxHashMap<char, Vec<usize>>,
    /// Per entry, the entries tied to it (sorted): sharing an event as its actors, or as the
    /// event and an actor.
    links: Vec<Vec<EntryId>>,
}

fn name_words(spelling: &str) -> impl Iterator<Item = &str> {
    spelling.split_whitespace().flat_map(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        let parts: Vec<&str> = if w.contains('-') {
            std::iter::once(w).chain(w.split('-')).collect()
        } else {
            vec![w]
        };
        parts
    })
}

pub(crate) fn build(kb: &KnowledgeBase) -> NameWords {
    let mut words: Vec<NameWord> = Vec::new();
    // Per word, its place in `words` and whether it is only part of its entry's spelling: a word
    // that is a whole name ("Kronstadt" the place) beats a word of a longer one ("Kronstadt
    // Revolutionary Committee"); otherwise the first entry keeps it.
    let mut seen: std::collections::HashMap<String, (usize, bool)> =
        std::collections::HashMap::new();
    for (id, e) in kb.entries.iter().enumerate() {
        let spellings = std::iter::once((e.name.as_str(), 0))
            .chain(e.aliases.iter().map(|a| (a.as_str(), 1)))
            .chain(e.full_name.as_deref().map(|f| (f, 2)));
        for (s, rank) in spellings {
            let last_word = s.split_whitespace().last().unwrap_or("");
            for w in name_words(s) {
                let chars = w.chars().count();
                if chars < 4
                    || !w.chars().all(|c| c.is_alphabetic() || c == '-')
                    || w.chars().all(|c| !c.is_lowercase())
                {
                    continue;
                }
                // Names that are also ordinary words ("Service", "Conquest", "Great") are not
                // spellings to suggest; everyday names in the dictionary ("Bukharin") are.
                if is_ordinary_word(w) {
                    continue;
                }
                let lower = w.to_lowercase();
                let partial = s != w;
                let last = last_word.trim_matches(|c: char| !c.is_alphanumeric()).ends_with(w);
                let first = lower.chars().next().unwrap_or(' ');
                let word = NameWord {
                    lower: lower.clone(),
                    written: w.to_string(),
                    entry: id,
                    rank,
                    chars,
                    first,
                    last,
                };
                match seen.get(&lower) {
                    Some(&(at, true)) if !partial => {
                        words[at] = word;
                        seen.insert(lower, (at, false));
                    }
                    Some(_) => {}
                    None => {
                        seen.insert(lower, (words.len(), partial));
                        words.push(word);
                    }
                }
            }
        }
    }
    words.sort_by_key(|c| c.chars);
    let mut by_first: FxHashMap<char, Vec<usize>> = FxHashMap::default();
    for (k, w) in words.iter().enumerate() {
        by_first.entry(w.first).or_default().push(k);
    }
    NameWords { words, by_first, links: links(kb) }
}

/// Which entries each entry is tied to: for an event, its actors, each of them tied to the event
/// and to one another. (`related` is looser: a historian is related to the people he wrote on,
/// so "Junge" beside Stalin is no slip for Alex de Jonge.)
fn links(kb: &KnowledgeBase) -> Vec<Vec<EntryId>> {
    let mut links: Vec<Vec<EntryId>> = vec![Vec::new(); kb.entries.len()];
    let mut tie = |a: EntryId, b: EntryId| {
        if a != b && a < links.len() && b < links.len() {
            links[a].push(b);
            links[b].push(a);
        }
    };
    for (id, e) in kb.entries.iter().enumerate() {
        for (k, &a) in e.actors.iter().enumerate() {
            tie(id, a);
            for &b in &e.actors[k + 1..] {
                tie(a, b);
            }
        }
    }
    for l in &mut links {
        l.sort_unstable();
        l.dedup();
    }
    links
}

/// Suffixes that derive a word from a name: Leninist, Stalinism, Zinovievite, Bukharinites,
/// Kronstadters.
const DERIVED: &[&str] = &[
    "ists", "ist", "isms", "ism", "ites", "ite", "ians", "ian", "ics", "ic", "esque", "ski",
    "skaya", "ers", "er", "a", "s",
];

fn strip_derived(w: &str) -> &str {
    for suf in DERIVED {
        if let Some(stem) = w.strip_suffix(suf) {
            if stem.chars().count() >= 4 {
                return stem;
            }
        }
    }
    w
}

/// Endings that make a new word from a name: feminine and place-name forms (Kameneva, Tomskaya,
/// Yagodina, Stalino, Molotovsk, and the villages, streets and prisons named "-ka" after a
/// family: Sukhanovka, Petrovka) and followers and doctrines (Leninist, Zinovievite).
const ENDINGS: &[&str] = &[
    "a", "ya", "aya", "ia", "aia", "ina", "ova", "eva", "o", "sk", "ka", "ists", "ist", "isms",
    "ism", "ites", "ite", "ians", "ian", "ics", "ic", "esque",
];

/// Is `w` a derived form of the name `c` (or both derived from one stem)?
fn derived(w: &str, c: &str) -> bool {
    let p = w.bytes().zip(c.bytes()).take_while(|(a, b)| a == b).count();
    // `c`, or `c` without its last letter, followed by an ending: Tomsky -> Tomskaya.
    if p >= 4 && p + 1 >= c.len() && p < w.len() && ENDINGS.contains(&&w[p..]) {
        return true;
    }
    // A surname's stem without its adjective ending, then an ending: Petrovsky -> Petrovka.
    let stem = ["sky", "ski", "skii", "skiy"].iter().find_map(|x| c.strip_suffix(x));
    if stem.is_some_and(|st| {
        st.len() >= 4
            && w.len() > st.len()
            && w.starts_with(st)
            && ENDINGS.contains(&&w[st.len()..])
    }) {
        return true;
    }
    let (sw, sc) = (strip_derived(w), strip_derived(c));
    (w.starts_with(c) && DERIVED.contains(&&w[c.len()..]))
        || (c.starts_with(w) && DERIVED.contains(&&c[w.len()..]))
        || (sw == sc && sw.len() < w.len().max(c.len()))
}

/// Does the one edit between `a` and `b` only put in or leave out a `y` between vowels, as
/// transliterations do (Nikolaev / Nikolayev, Allilueva / Alliluyeva)?
fn transliteration(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    if long.len() != short.len() + 1 {
        return false;
    }
    let l = long.as_bytes();
    let p = short.bytes().zip(long.bytes()).take_while(|(x, y)| x == y).count();
    let vowel = |c: u8| b"aeiou".contains(&c);
    l[p] == b'y'
        && short.as_bytes()[p..] == l[p + 1..]
        && p > 0
        && vowel(l[p - 1])
        && l.get(p + 1).is_some_and(|c| vowel(*c))
}

/// The largest edit distance accepted for a word of `n` characters.
fn max_distance(n: usize) -> usize {
    match n {
        0..=3 => 0,
        4..=6 => 1,
        7..=11 => 2,
        _ => 3,
    }
}

/// The best near miss among the candidates: (distance, similarity, candidate).
fn nearest<'c>(name_words: &'c NameWords, lower: &str) -> Vec<(usize, f64, &'c NameWord)> {
    let n = lower.chars().count();
    let first = lower.chars().next().unwrap_or(' ');
    let max = max_distance(n);
    if max == 0 {
        return Vec::new();
    }
    let Some(same_first) = name_words.by_first.get(&first) else { return Vec::new() };
    let words = &name_words.words;
    let lo = same_first.partition_point(|&k| words[k].chars + max < n);
    let mut found: Vec<(usize, f64, &NameWord)> = Vec::new();
    for c in same_first[lo..].iter().map(|&k| &words[k]) {
        if c.chars > n + max {
            break;
        }
        if c.lower == lower {
            // The word is itself a part of a known name ("Vladimir", "Ilyich"): not a misspelling.
            return Vec::new();
        }
        let Some(d) = osa_within(lower, &c.lower, max.min(c.chars / 3)) else { continue };
        if d == 0 {
            continue;
        }
        let jw = strsim::jaro_winkler(lower, &c.lower);
        // Two edits in a word of seven to eight letters only when the word still reads alike.
        let ok = match d {
            1 => jw >= 0.85 && (n >= 7 || plausible_edit(lower, &c.lower)),
            2 => jw >= if n <= 8 { 0.88 } else { 0.85 },
            _ => jw >= 0.9,
        };
        if !ok {
            continue;
        }
        // A derived form or a transliteration of any name near it is not a misspelling at all.
        if derived(lower, &c.lower)
            || (d == 1 && transliteration(lower, &c.lower))
            || skeleton(lower) == skeleton(&c.lower)
        {
            return Vec::new();
        }
        found.push((d, jw, c));
    }
    found.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
    if let Some(&(d, _, _)) = found.first() {
        found.retain(|x| x.0 == d);
    }
    // One suggestion per entry, in the spelling its name uses when that is among the near misses.
    let mut out: Vec<(usize, f64, &NameWord)> = Vec::new();
    for x in found {
        match out.iter_mut().find(|y| y.2.entry == x.2.entry) {
            Some(y) if x.2.rank < y.2.rank => *y = x,
            Some(_) => {}
            None => out.push(x),
        }
    }
    out
}

/// Letters a student may swap for one another when spelling a name by ear.
fn similar(a: char, b: char) -> bool {
    const GROUPS: &[&str] = &["aeiouy", "vfw", "kcqg", "sz", "td", "bp", "jy", "ij", "mn"];
    GROUPS.iter().any(|g| g.contains(a) && g.contains(b))
}

/// One edit that looks like a slip rather than another name: a transposition, a doubled or
/// dropped letter, a vowel, `h` or `y` put in or left out, or a letter swapped for a similar
/// one (Kirof, Lenen, Stallin; not Lewin for Lenin).
fn plausible_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    let p = short.iter().zip(long.iter()).take_while(|(x, y)| x == y).count();
    if short.len() == long.len() {
        if p + 1 < short.len()
            && short[p] == long[p + 1]
            && short[p + 1] == long[p]
            && short[p + 2..] == long[p + 2..]
        {
            return true;
        }
        return short[p + 1..] == long[p + 1..] && similar(short[p], long[p]);
    }
    // One letter more in `long` at `p`.
    let extra = long[p];
    let doubled = (p > 0 && long[p - 1] == extra) || long.get(p + 1) == Some(&extra);
    // "ck" for "k" (Radeck, Checka).
    let ck = (extra == 'c' && long.get(p + 1) == Some(&'k'))
        || (extra == 'k' && p > 0 && long[p - 1] == 'c');
    short[p..] == long[p + 1..] && (doubled || ck || "aeiouyh".contains(extra))
}

fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .or_else(|| w.strip_suffix('\''))
        .or_else(|| w.strip_suffix('’'))
        .unwrap_or(w)
}

fn ignored(ctx: &SentenceCtx, w: &str) -> bool {
    !ctx.config.ignore_words.is_empty() && ctx.config.ignore_words.contains(&w.to_lowercase())
}

fn finding(
    kb: &KnowledgeBase,
    range: std::ops::Range<usize>,
    written: &str,
    fixes: &[(&str, EntryId)],
) -> Finding {
    let (canon, entry) = fixes[0];
    let e = &kb.entries[entry];
    let who = if e.name == canon { String::new() } else { format!(" ({})", e.name) };
    let mut msg = format!("“{written}” looks like a misspelling of {canon}{who}");
    if fixes.len() > 1 {
        let others: Vec<&str> = fixes[1..].iter().map(|x| x.0).collect();
        msg.push_str(&format!(" (or {})", others.join(", ")));
    }
    let mut f = MISSPELLED_NAME.finding(range.clone(), msg);
    f.fixes = fixes
        .iter()
        .map(|(c, _)| Fix {
            title: format!("Change to “{c}”").into(),
            range: range.clone(),
            replacement: c.to_string().into(),
        })
        .collect();
    f.word = Some(written.to_string().into());
    f
}

/// The spelling of `entry` closest to a known misspelling of it: "Krondstadt" -> "Kronstadt". The
/// entry's own name wins over a nearer alias unless the alias is much nearer ("Tchakov" ->
/// "Tkachev", not the variant "Tkachov").
fn closest_spelling<'k>(kb: &'k KnowledgeBase, entry: EntryId, written: &str) -> &'k str {
    let e = &kb.entries[entry];
    let lower = written.to_lowercase();
    let words = written.split_whitespace().count();
    let spellings = std::iter::once((e.name.as_str(), 0))
        .chain(e.aliases.iter().map(|a| (a.as_str(), 1)))
        .chain(e.full_name.as_deref().map(|f| (f, 1)));
    let mut best: Option<(usize, &str)> = None;
    for (s, penalty) in spellings {
        let forms: Vec<&str> = if words == 1 { name_words(s).collect() } else { vec![s] };
        for f in forms {
            let d = osa(&lower, &f.to_lowercase()) + penalty;
            if best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, f));
            }
        }
    }
    best.map_or(e.name.as_str(), |b| b.1)
}

fn check(ctx: &SentenceCtx, name_words: &NameWords, out: &mut SentenceOut) {
    let kb = ctx.kb;
    let text = ctx.text();
    // Known misspellings, found by the name index.
    for m in ctx.mentions.iter().filter(|m| m.misspelling) {
        let whole = &ctx.block[m.range.clone()];
        let written = if m.possessive { strip_possessive(whole) } else { whole };
        let canon = closest_spelling(kb, m.entry, written);
        // In "Krondstadt rebellion" the word to ignore is "Krondstadt".
        let odd: Vec<&str> = written
            .split_whitespace()
            .filter(|w| !canon.split_whitespace().any(|c| c.eq_ignore_ascii_case(w)))
            .collect();
        if ignored(ctx, written) || odd.iter().any(|w| ignored(ctx, w)) {
            continue;
        }
        let mut f =
            finding(kb, m.range.start..m.range.start + written.len(), written, &[(canon, m.entry)]);
        if odd.len() == 1 {
            f.word = Some(odd[0].to_string().into());
        }
        out.findings.push(f);
    }
    // Near misses among the other capitalised words.
    for (i, tok) in ctx.sentence.toks.iter().enumerate() {
        // Most words open with an ASCII byte that is no capital: left by that byte alone.
        let first = text.as_bytes()[tok.range.start];
        if tok.kind != TokKind::Word || (first.is_ascii() && !first.is_ascii_uppercase()) {
            continue;
        }
        let raw = &text[tok.range.clone()];
        if !raw.starts_with(|c: char| c.is_uppercase()) {
            continue;
        }
        let mut offset = 0;
        for part in raw.split('-') {
            let start = tok.range.start + offset;
            offset += part.len() + 1;
            let word = strip_possessive(part);
            if word.chars().count() < 4
                || !word.starts_with(|c: char| c.is_uppercase())
                || !word.chars().all(char::is_alphabetic)
            {
                continue;
            }
            // Acronyms and shouting: not names to correct.
            if word.chars().filter(|c| c.is_uppercase()).count() > 1 {
                continue;
            }
            let abs = ctx.abs(&(start..start + word.len()));
            if ctx.mentions.iter().any(|m| m.range.start < abs.end && abs.start < m.range.end) {
                continue;
            }
            if is_english(word) || ignored(ctx, word) || given_as_a_name(ctx, i) {
                continue;
            }
            let lower = word.to_lowercase();
            // A capital inside a sentence makes the word a proper name: it is no slip of a
            // common noun the data writes in lower case ("Kustanai", a town, is not "kustari",
            // craftsmen). At the head of a sentence the capital says nothing.
            let opens = !ctx.sentence.toks[..i].iter().any(|t| t.kind == TokKind::Word);
            let near: Vec<(&str, EntryId)> = nearest(name_words, &lower)
                .into_iter()
                .filter(|(_, _, c)| opens || c.written.chars().any(char::is_uppercase))
                // A given name or patronymic names someone only beside more of their name, and
                // then it is theirs ("Alexsei Grigoryevich Stakhanov" is Stakhanov, not Rykov).
                .filter_map(|(_, _, c)| match c.last {
                    true => Some((c.written.as_str(), c.entry)),
                    false => {
                        followed_by_a_name_with(ctx, i, &c.written).map(|e| (c.written.as_str(), e))
                    }
                })
                .collect();
            let near: Vec<(&str, EntryId)> = near
                .into_iter()
                .filter(|&(_, e)| !after_another_given_name(ctx, name_words, i, e))
                .collect();
            if near.is_empty() || beside_an_unknown_name(ctx, name_words, i) {
                continue;
            }
            // A real name (Feldman, Junge, Mikhailov) is somebody the base may not know: a
            // misspelling only of a person the sentence ties it to.
            let near: Vec<(&str, EntryId)> = if is_real_name(word) {
                near.into_iter().filter(|&(_, e)| tied(ctx, name_words, i, e)).collect()
            } else {
                near
            };
            if near.is_empty() || offered_beside(ctx, i, &near) {
                continue;
            }
            let mut fixes: Vec<(&str, EntryId)> = Vec::new();
            for &(written, entry) in near.iter().take(3) {
                if !fixes.iter().any(|f| f.0 == written) {
                    fixes.push((written, entry));
                }
            }
            out.findings.push(finding(kb, abs, word, &fixes));
        }
    }
}

#[cfg(test)]
mod tests;
