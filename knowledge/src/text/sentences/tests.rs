//! Sentence splitting, tokens and quotations on the text students write, and the byte
//! scanners held equal to their first, character-by-character implementations.

use super::*;

fn sentences(t: &str) -> Vec<&str> {
    split(t, 0..t.len()).into_iter().map(|r| &t[r]).collect()
}

#[test]
fn an_abbreviated_month_before_a_year_ends_no_sentence() {
    let t = "Kirov was murdered in Dec. 1934; in Jan. 1937 they were sentenced. Then Sept. came.";
    let parts: Vec<&str> = split(t, 0..t.len()).into_iter().map(|r| &t[r]).collect();
    assert_eq!(
        parts,
        ["Kirov was murdered in Dec. 1934; in Jan. 1937 they were sentenced.", "Then Sept. came."]
    );
}

#[test]
fn citation_marks_after_a_stop_stay_with_their_sentence() {
    let t = "Kirov was shot in 1934.[1][12] Then the terror began.";
    let parts: Vec<&str> = split(t, 0..t.len()).into_iter().map(|r| &t[r]).collect();
    assert_eq!(parts, ["Kirov was shot in 1934.[1][12]", "Then the terror began."]);
}

#[test]
fn splits_sentences_but_not_abbreviations() {
    expect_test::expect![[r#"["Lenin died in 1924.", "J. Stalin won c. 1929 and the N.E.P. ended.", "Why?", "\"Because.\"", "Done"]"#]]
        .assert_eq(&format!("{:?}", sentences("Lenin died in 1924. J. Stalin won c. 1929 and the N.E.P. ended. Why? \"Because.\" Done")));
}

#[test]
fn hidden_marks_and_closing_quotes_after_a_stop_end_the_sentence() {
    let t = "Kirov was shot in 1934.\u{202c} Stalin rose.\u{200f}\u{200b}Trotsky fled.\u{feff} «Lenin died.» Then \u{2066}Zinoviev\u{2069} fell.";
    expect_test::expect![[r#"["Kirov was shot in 1934.\u{202c}", "Stalin rose.\u{200f}", "Trotsky fled.\u{feff}", "«Lenin died.»", "Then \u{2066}Zinoviev\u{2069} fell."]"#]]
        .assert_eq(&format!("{:?}", sentences(t)));
}

#[test]
fn hidden_marks_neither_end_a_sentence_nor_hide_an_abbreviation() {
    // A mark inside a sentence, a stop with no space after it, and an abbreviation or initial
    // followed by a mark: one sentence each.
    for t in [
        "Kirov\u{202c} was shot in 1934.",
        "It was 1934.\u{202c}Stalin rose.",
        "It was c.\u{200e} 1934 when J.\u{202c} Stalin rose.",
        "The N.E.P.\u{2069} ended in 1928.",
    ] {
        assert_eq!(sentences(t), [t], "{t:?}");
    }
}

#[test]
fn tokens_keep_possessives_hyphens_and_numbers() {
    let t = "Lenin’s Five-Year 681,692 2.9 kulaks' 1936–38 don't";
    let toks: Vec<&str> = tokenize(t).into_iter().map(|x| &t[x.range]).collect();
    expect_test::expect![[
        r#"["Lenin’s", "Five-Year", "681,692", "2.9", "kulaks'", "1936", "–", "38", "don't"]"#
    ]]
    .assert_eq(&format!("{toks:?}"));
}

#[test]
fn quotations_skip_apostrophes() {
    let t = "Lenin’s view: “Stalin is too rude” and 'man of steel' but the kulaks' land.";
    let q: Vec<&str> = quotations(t, 0..t.len()).into_iter().map(|r| &t[r]).collect();
    expect_test::expect![[r#"["“Stalin is too rude”", "'man of steel'"]"#]]
        .assert_eq(&format!("{q:?}"));
}

/// The first, character-vector implementations: the byte scanners must agree with them.
mod reference {
    use super::super::*;

    pub fn tokenize_ref(text: &str) -> Vec<Tok> {
        let mut toks = Vec::new();
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut i = 0;
        while i < chars.len() {
            let (s, c) = chars[i];
            if c.is_whitespace() {
                i += 1;
                continue;
            }
            if c.is_alphanumeric() {
                let mut j = i + 1;
                let mut digits_only = c.is_ascii_digit();
                while j < chars.len() {
                    let (_, d) = chars[j];
                    if d.is_alphanumeric() {
                        digits_only &= d.is_ascii_digit();
                        j += 1;
                        continue;
                    }
                    let next = chars.get(j + 1).map(|x| x.1);
                    let prev = chars[j - 1].1;
                    let join = match d {
                        '\'' | '’' => next.is_some_and(|n| n.is_alphabetic()) && !digits_only,
                        '-' => {
                            next.is_some_and(char::is_alphanumeric)
                                && !(digits_only && next.is_some_and(|n| n.is_ascii_digit()))
                        }
                        '.' | ',' => {
                            digits_only
                                && prev.is_ascii_digit()
                                && next.is_some_and(|n| n.is_ascii_digit())
                        }
                        _ => false,
                    };
                    if join {
                        j += 1;
                    } else {
                        break;
                    }
                }
                // Trailing possessive apostrophe: "kulaks'".
                if j < chars.len()
                    && is_apostrophe(chars[j].1)
                    && chars[j - 1].1 == 's'
                    && !chars.get(j + 1).is_some_and(|x| x.1.is_alphanumeric())
                {
                    j += 1;
                }
                let e = chars.get(j).map_or(text.len(), |x| x.0);
                let word = &text[s..e];
                let kind = if word.bytes().all(|b| b.is_ascii_digit() || b == b',' || b == b'.') {
                    TokKind::Number
                } else {
                    TokKind::Word
                };
                toks.push(Tok { range: s..e, kind });
                i = j;
            } else {
                let e = s + c.len_utf8();
                toks.push(Tok { range: s..e, kind: TokKind::Punct });
                i += 1;
            }
        }
        toks
    }

    pub fn split_ref(masked: &str, block: Range<usize>) -> Vec<Range<usize>> {
        let text = &masked[block.clone()];
        let mut out = Vec::new();
        let mut start = 0;
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut i = 0;
        while i < chars.len() {
            let (p, c) = chars[i];
            if matches!(c, '.' | '!' | '?') {
                let mut j = i + 1;
                while j < chars.len()
                    && (matches!(
                        chars[j].1,
                        '.' | '!' | '?' | '"' | '”' | '’' | '\'' | ')' | ']' | '»' | '›'
                    ) || invisible(chars[j].1))
                {
                    j += 1;
                }
                while j < chars.len() && chars[j].1 == '[' {
                    let close = (j + 1..chars.len()).find(|&x| chars[x].1 == ']');
                    match close {
                        Some(c)
                            if c - j <= 6
                                && (j + 1..c).all(|x| chars[x].1.is_ascii_alphanumeric()) =>
                        {
                            j = c + 1
                        }
                        _ => break,
                    }
                }
                let end = chars.get(j).map_or(text.len(), |x| x.0);
                let mut k = j;
                let mut spaced = false;
                while k < chars.len()
                    && (chars[k].1.is_whitespace()
                        || chars[k].1 == '\u{200b}'
                        || invisible(chars[k].1))
                {
                    spaced |= chars[k].1.is_whitespace() || chars[k].1 == '\u{200b}';
                    k += 1;
                }
                let at_end = k >= chars.len();
                let next_ok = at_end
                    || (spaced && {
                        let n = chars[k].1;
                        n.is_uppercase()
                            || n.is_ascii_digit()
                            || matches!(n, '"' | '“' | '‘' | '\'' | '(' | '[' | '«' | '‹')
                    });
                let is_abbrev = c == '.' && {
                    let before = &text[start..p];
                    let word = before
                        .rsplit(|ch: char| ch.is_whitespace() || ch == '(')
                        .next()
                        .unwrap_or("");
                    let w = word.to_ascii_lowercase();
                    let single_initial =
                        word.chars().count() == 1 && word.chars().all(|ch| ch.is_uppercase());
                    let dotted = word.contains('.')
                        && word.chars().filter(|ch| ch.is_alphabetic()).count() <= 4
                        && !word.ends_with(|ch: char| ch.is_lowercase() && word.len() > 4);
                    word.len() <= 64
                        && (ABBREVIATIONS.contains(&w.as_str())
                            || single_initial
                            || (dotted
                                && !at_end
                                && word.chars().all(|ch| ch.is_uppercase() || ch == '.')))
                };
                if next_ok && !is_abbrev {
                    push_trimmed(&mut out, text, start, end, block.start);
                    start = end;
                    i = j;
                    continue;
                }
            }
            i += 1;
        }
        push_trimmed(&mut out, text, start, text.len(), block.start);
        out
    }

    pub fn quotations_ref(masked: &str, block: Range<usize>) -> Vec<Range<usize>> {
        let text = &masked[block.clone()];
        let mut out = Vec::new();
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut open_double: Option<usize> = None;
        let mut open_single: Option<usize> = None;
        for (i, &(p, c)) in chars.iter().enumerate() {
            let prev = if i == 0 { None } else { Some(chars[i - 1].1) };
            let next = chars.get(i + 1).map(|x| x.1);
            let word_before = prev.is_some_and(char::is_alphanumeric);
            let word_after = next.is_some_and(char::is_alphanumeric);
            match c {
                '“' => open_double = open_double.or(Some(p)),
                '”' => {
                    if let Some(s) = open_double.take() {
                        out.push(block.start + s..block.start + p + c.len_utf8());
                    }
                }
                '"' => match open_double {
                    None if !word_before => open_double = Some(p),
                    Some(s) => {
                        out.push(block.start + s..block.start + p + 1);
                        open_double = None;
                    }
                    None => {}
                },
                '‘' => open_single = open_single.or(Some(p)),
                '\'' | '’' => {
                    if !word_before && word_after && c == '\'' && open_single.is_none() {
                        open_single = Some(p);
                    } else if !word_after {
                        if let Some(s) = open_single.take() {
                            // "kulaks'" is a possessive, not the end of a quote, unless one is open.
                            out.push(block.start + s..block.start + p + c.len_utf8());
                        }
                    }
                }
                _ => {}
            }
        }
        out.sort_by_key(|r| r.start);
        out
    }
}

/// Text made of the pieces the scanners treat specially, in any order.
fn tricky_text() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let pieces = vec![
        "a", "S", "s", "Lenin", "kulaks", "J", "N", "E", "P", "c", "e.g", "Mr", "approx", "1934",
        "12", "3", "0", "é", "Ж", "ß", "Ⅻ", "²", "٣", " ", "  ", "\n", "\t", "\u{a0}", "\u{202f}",
        "\u{2009}", "\u{202c}", "\u{200b}", "\u{200e}", "\u{feff}", "«", "»", "‹", "›", "N.E.P.",
        ".", "!", "?", ",", "-", "–", "—", "'", "’", "‘", "“", "”", "\"", "(", ")", "[", "]", "/",
        ":", "…", "%",
    ];
    prop::collection::vec(prop::sample::select(pieces), 0..40).prop_map(|v| v.concat())
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 4000, ..Default::default() })]
    #[test]
    fn byte_scanners_equal_the_reference(t in tricky_text()) {
        proptest::prop_assert_eq!(tokenize(&t), reference::tokenize_ref(&t));
        proptest::prop_assert_eq!(split(&t, 0..t.len()), reference::split_ref(&t, 0..t.len()));
        proptest::prop_assert_eq!(quotations(&t, 0..t.len()), reference::quotations_ref(&t, 0..t.len()));
        let padded = format!("x {t} y");
        proptest::prop_assert_eq!(split(&padded, 2..2 + t.len()), reference::split_ref(&padded, 2..2 + t.len()));
        proptest::prop_assert_eq!(quotations(&padded, 2..2 + t.len()), reference::quotations_ref(&padded, 2..2 + t.len()));
    }
}
