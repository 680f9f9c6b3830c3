//! Tests of the name index: spelling variants, and matching held equal to Aho-Corasick over tricky and real text.

use super::*;

#[test]
fn variants_and_endings() {
    assert!(variants("NEP").contains(&"N.E.P.".to_string()));
    assert!(variants("Five-Year Plan").contains(&"Five Year Plan".to_string()));
    assert!(variants("First Five-Year Plan").contains(&"First 5-Year Plan".to_string()));
    assert!(variants("First Five-Year Plan").contains(&"First 5 Year Plan".to_string()));
    assert!(variants("Workers' Opposition").contains(&"Workers Opposition".to_string()));
    assert!(variants("famine of 1921-22").contains(&"famine of 1921–22".to_string()));
    assert!(variants("famine of 1921–22").contains(&"famine of 1921-22".to_string()));
    assert!(variants("V. I. Lenin").contains(&"V.I. Lenin".to_string()));
    assert_eq!(compact_initials("M. N. Ryutin").as_deref(), Some("M.N. Ryutin"));
    assert_eq!(compact_initials("J. V. S. Name").as_deref(), Some("J.V.S. Name"));
    assert_eq!(compact_initials("N. Lenin"), None);
    assert_eq!(compact_initials("Aleksei G. Stakhanov"), None);
    assert_eq!(number_words_as_figures("Platform of the Forty-Six"), None);
    assert_eq!(number_words_as_figures("Five-Year Plan").as_deref(), Some("5-Year Plan"));
    assert_eq!(number_words_as_figures("Group of Ten").as_deref(), Some("Group of 10"));
    assert_eq!(digit_dash("1921-22 and 1932-3", '-', '–').as_deref(), Some("1921–22 and 1932–3"));
    assert_eq!(digit_dash("Brest-Litovsk", '-', '–'), None);
    assert!(variants("OGPU").contains(&"O.G.P.U".to_string()));
    assert_eq!(ending("'s rule", false, true), (2, true));
    assert_eq!(ending("’s rule", false, true), (4, true));
    assert_eq!(ending("s were", false, true), (1, false));
    assert_eq!(ending("s' land", false, true), (2, true));
    assert_eq!(ending("' land", true, true), (1, true));
    assert_eq!(ending("ist view", false, true), (0, false));
}

/// `find_all` over an anchored leftmost-longest Aho-Corasick automaton of the same patterns,
/// tried at every word start past the last match: the reference the word-start scan must
/// agree with.
fn find_all_reference(
    index: &NameIndex,
    ac: &aho_corasick::AhoCorasick,
    text: &str,
) -> Vec<Mention> {
    let mut out = Vec::new();
    let lower = text.to_ascii_lowercase();
    let mut pos = 0;
    for (s, _) in text.char_indices() {
        if s < pos || text[..s].chars().next_back().is_some_and(char::is_alphanumeric) {
            continue;
        }
        let input =
            aho_corasick::Input::new(&lower).range(s..).anchored(aho_corasick::Anchored::Yes);
        let Some(m) = ac.find(input) else { continue };
        let mut e = m.end();
        pos = e;
        let pi = m.pattern().as_usize();
        let info = index.info[pi];
        let ends_s = text[..e].ends_with(['s', 'S']);
        let (extra, possessive) = ending(&text[e..], ends_s, info.may_pluralise);
        e += extra;
        if text[e..].chars().next().is_some_and(char::is_alphanumeric) {
            continue;
        }
        if info.case_sensitive && text[s..].chars().next() != index.patterns.get(pi).chars().next()
        {
            continue;
        }
        out.push(Mention {
            range: s..e,
            entry: info.entry,
            misspelling: info.misspelling,
            possessive,
        });
    }
    out
}

fn automaton(index: &NameIndex) -> aho_corasick::AhoCorasick {
    let lower: Vec<String> = index.patterns.iter().map(|p| p.to_ascii_lowercase()).collect();
    aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .start_kind(aho_corasick::StartKind::Anchored)
        .build(&lower)
        .unwrap()
}

/// Names whose spellings overlap inside words and across word ends, where a match inside a
/// word must not hide one at a word start.
fn tricky_index(extra: &[&str]) -> NameIndex {
    let names = [
        "Lenin",
        "Lenin Levy",
        "Civil War",
        "XCI",
        "Ci",
        "NEP",
        "Five-Year Plan",
        "Lenin's Testament",
        "Stalin",
        "O'Brien",
        "Öbi Wan",
        "Kun",
        "RCP(b)",
        "A B",
        "AB",
        "B C",
        "bc d",
        "Service",
        "kulak",
        "Wan",
        "in",
        "n c",
        "é-x",
    ];
    let entries: Vec<Names> = names
        .iter()
        .chain(extra)
        .map(|n| Names { name: n.to_string(), ..Names::default() })
        .collect();
    NameIndex::build_from(&entries, &|w| w == "service", &mut |_, _, _| {})
}

fn tricky_text() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let pieces = vec![
        "lenin",
        "Lenin",
        "le",
        "nin",
        "levy",
        "civil",
        "war",
        "x",
        "xc",
        "ci",
        "i",
        "nep",
        "n",
        "e",
        "p",
        ".",
        "five",
        "year",
        "plan",
        "-",
        "'",
        "’",
        "s",
        "es",
        "testament",
        "o",
        "brien",
        "Öbi",
        "ö",
        "bi",
        "wan",
        "kun",
        "rcp",
        "(",
        "b",
        ")",
        "a",
        "c",
        "d",
        "bc",
        "Service",
        "service",
        "kulak",
        "in",
        "é",
        "Ж",
        " ",
        " ",
        " ",
        "  ",
        "\n",
        ",",
        "1",
        "civil war",
        "lenin levy",
        "Five-Year Plan",
        "five year plan",
        "n.e.p.",
        "N.E.P",
        "Lenin's Testament",
        "lenin’s testament",
        "rcp(b)",
        "a b",
        "b c",
        "bc d",
        "n c",
        "o'brien",
        "öbi wan",
        "é-x",
    ];
    prop::collection::vec(prop::sample::select(pieces), 0..30).prop_map(|v| v.concat())
}

/// A test index with extra names, beside its reference automaton, built once per test.
type Pair = (NameIndex, aho_corasick::AhoCorasick);
fn pair(extra: &[&str]) -> Pair {
    let index = tricky_index(extra);
    let ac = automaton(&index);
    (index, ac)
}

fn agrees((index, ac): &Pair, t: &str) -> Result<(), proptest::test_runner::TestCaseError> {
    proptest::prop_assert_eq!(index.find_all(t), find_all_reference(index, ac, t));
    Ok(())
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 3000, ..Default::default() })]
    #[test]
    fn word_start_scan_equals_aho_corasick(t in tricky_text()) {
        static P: std::sync::OnceLock<Pair> = std::sync::OnceLock::new();
        agrees(P.get_or_init(|| pair(&[])), &t)?;
    }

    #[test]
    fn names_starting_with_punctuation_are_still_found(t in tricky_text()) {
        static P: std::sync::OnceLock<Pair> = std::sync::OnceLock::new();
        let p = P.get_or_init(|| pair(&["'s", "-year", ". n"]));
        proptest::prop_assert!(p.0.try_everywhere);
        agrees(p, &t)?;
    }
}

#[test]
fn a_match_inside_a_word_hides_no_name() {
    // "n c" starts inside "brien" and runs past its end, over the start of "civil war": it
    // is no name, and "civil war" is still found (as "Lenin" is after "children. ", where
    // "n. Lenin" starts inside the word).
    let index = tricky_index(&[]);
    let ac = automaton(&index);
    for t in
        ["brien civil war-", "brien civil war", "O'Brien civil war", "xci civil war", "axcivil war"]
    {
        assert_eq!(index.find_all(t), find_all_reference(&index, &ac, t), "{t}");
    }
    let found = index.find_all("brien civil war");
    assert_eq!(found.iter().map(|m| (m.range.start, m.range.end)).collect::<Vec<_>>(), [(6, 15)]);
    let index = tricky_index(&["N. Lenin"]);
    let found = index.find_all("by their children. Lenin tried");
    assert_eq!(found.iter().map(|m| (m.range.start, m.range.end)).collect::<Vec<_>>(), [(19, 24)]);
}

#[test]
fn embedded_names_as_aho_corasick_finds_them() {
    let (kb, _) = crate::base::KnowledgeBase::embedded();
    let ac = automaton(&kb.index);
    let mut text: String = kb
        .entries
        .iter()
        .flat_map(|e| std::iter::once(&e.name).chain(&e.aliases).chain(&e.misspellings))
        .map(|n| format!("{n}'s and {n}. x{n} {n}s, ({n})-"))
        .collect();
    text.push_str(include_str!("../../benches/support/essay.rs"));
    let found = kb.index.find_all(&text);
    let expected = find_all_reference(&kb.index, &ac, &text);
    assert!(found.len() > 1000);
    if let Some(k) = (0..found.len().max(expected.len())).find(|&k| found.get(k) != expected.get(k))
    {
        panic!(
            "mention {k} differs: {:?} but Aho-Corasick finds {:?}",
            found.get(k),
            expected.get(k)
        );
    }
}

#[test]
fn a_title_in_quotation_marks_is_found_from_its_first_letter() {
    // The embedded base has such a title ("'Left-Wing' Communism"): it must not make the
    // finder try every byte.
    let (kb, _) = crate::base::KnowledgeBase::embedded();
    let odd: Vec<&str> =
        kb.index.patterns.iter().filter(|p| !p.starts_with(char::is_alphanumeric)).collect();
    assert!(!kb.index.try_everywhere, "patterns that open with no letter: {odd:?}");
    let index = tricky_index(&["'Left-Wing' Communism", "“Dizzy with Success”"]);
    assert!(!index.try_everywhere);
    let text = "Lenin's 'Left-Wing' Communism and Stalin's “Dizzy with Success” were read";
    let found: Vec<&str> = index.find_all(text).iter().map(|m| &text[m.range.clone()]).collect();
    assert_eq!(found, ["Lenin's", "Left-Wing' Communism", "Stalin's", "Dizzy with Success”"]);
}
