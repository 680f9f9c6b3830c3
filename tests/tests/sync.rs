//! Text sync and positions: after any sequence of incremental edits the server's text equals
//! the editor's, in UTF-16 and in UTF-8, with em dashes, curly quotes, accented names,
//! Cyrillic, emoji and CRLF line ends about.
//!
//! The server's text is observed through hover: every known name the editor's copy holds as
//! a separate word must get its card, with a hover range that is exactly where the editor has
//! it. A lost, doubled or misplaced character anywhere before a name moves its range.

use clio_e2e::*;

/// Names whose cards the checks look for, with the card's title.
const NAMES: &[(&str, &str)] = &[
    ("Kirov", "### Sergei Kirov"),
    ("Zinoviev", "### Grigory Zinoviev"),
    ("Bukharin", "### Nikolai Bukharin"),
    ("Kamenev", "### Lev Kamenev"),
    ("Béla Kun", "### Béla Kun"),
    ("Dzierżyński", "### Felix Dzerzhinsky"),
];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '_')
}

/// Every occurrence of a name in `text` that stands as a word of its own (so that no longer
/// name or possessive can claim it), with its title.
fn standalone_names(text: &str) -> Vec<(std::ops::Range<usize>, &'static str)> {
    let mut out = Vec::new();
    for &(name, title) in NAMES {
        for (i, _) in text.match_indices(name) {
            let before = text[..i].chars().next_back();
            let after = text[i + name.len()..].chars().next();
            if before.is_some_and(is_word_char) || after.is_some_and(is_word_char) {
                continue;
            }
            out.push((i..i + name.len(), title));
        }
    }
    out.sort_by_key(|(r, _)| r.start);
    out
}

/// Hovers over every standalone name and checks card and range; returns how many it checked.
fn check_text(s: &Server, doc: &Doc, context: &str) -> usize {
    let names = standalone_names(&doc.text);
    for (r, title) in &names {
        let mut mid = r.start + (r.end - r.start) / 2;
        while !doc.text.is_char_boundary(mid) {
            mid -= 1;
        }
        let h = s.hover_at(doc, mid);
        let got = hover_title(&h);
        assert_eq!(
            got.as_deref(),
            Some(*title),
            "{context}: hover over {:?} at bytes {r:?} of the editor's text\n{:?}",
            &doc.text[r.clone()],
            doc.text
        );
        let range = s.hover_range(doc, &h);
        assert_eq!(
            range,
            *r,
            "{context}: the hover range covers {:?}, the editor has {:?} there\n{:?}",
            &doc.text[range.clone()],
            &doc.text[r.clone()],
            doc.text
        );
    }
    names.len()
}

/// Appends " Kamenev" to every line (one didChange with a change per line), checks every
/// name, then takes the probes out again. A probe at the end of each line makes any
/// difference in that line's length, or in the number of lines, visible.
fn check_with_line_probes(s: &Server, doc: &mut Doc, context: &str) -> usize {
    const PROBE: &str = " Kamenev";
    let ends = line_ends(&doc.text);
    // Last line first, so that each change's offsets are those of the text it applies to.
    let inserts: Vec<(std::ops::Range<usize>, &str)> =
        ends.iter().rev().map(|&e| (e..e, PROBE)).collect();
    s.edit(doc, &inserts);
    let n = check_text(s, doc, &format!("{context} (with line probes)"));
    let probed = line_ends(&doc.text);
    let removals: Vec<(std::ops::Range<usize>, &str)> =
        probed.iter().rev().map(|&e| (e - PROBE.len()..e, "")).collect();
    s.edit(doc, &removals);
    n
}

/// Where each line's content ends (before its \n or \r\n).
fn line_ends(text: &str) -> Vec<usize> {
    let mut ends: Vec<usize> = text
        .match_indices('\n')
        .map(|(i, _)| if i > 0 && text.as_bytes()[i - 1] == b'\r' { i - 1 } else { i })
        .collect();
    ends.push(text.len());
    ends
}

/// A small deterministic generator (no dependency, same sequence everywhere).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// A random char boundary of `text`.
fn boundary(rng: &mut Lcg, text: &str) -> usize {
    let n = text.chars().count();
    let k = rng.below(n + 1);
    text.char_indices().nth(k).map_or(text.len(), |(i, _)| i)
}

const PIECES: &[&str] = &[
    "—",
    "“",
    "”",
    "’",
    "é",
    "Зиновьев",
    "🙂",
    "👩‍🎓",
    "ß",
    " ",
    " ",
    "\n",
    ", ",
    "; ",
    "1934",
    " and ",
    "Ж",
    "\t",
    " Kirov ",
    " Zinoviev ",
    " Bukharin ",
    " Kamenev ",
    " Béla Kun ",
    " Dzierżyński ",
    "\nKirov\n",
    "“Kamenev” ",
    "— Bukharin — ",
];

const START: &str = "Kirov — the “boss” of Leningrad — was shot in 1934.\n\
Zinoviev’s rival Bukharin wrote; Kamenev agreed. 🙂 Зиновьев 👩‍🎓\n\
\n\
Béla Kun met Dzierżyński; Kirov said nothing.\n";

fn random_edits(enc_offer: &str, seed: u64) {
    let s = Server::start(Value::Null, json!({ "general": { "positionEncodings": [enc_offer] } }));
    let mut doc = s.open("random.txt", "plaintext", START);
    let mut rng = Lcg(seed);
    let mut checked = check_text(&s, &doc, "after didOpen");
    for step in 1..=240 {
        let changes = 1 + rng.below(3);
        let mut edits: Vec<(std::ops::Range<usize>, String)> = Vec::new();
        // Work out each edit against the text as the previous one leaves it.
        let mut text = doc.text.clone();
        for _ in 0..changes {
            let a = boundary(&mut rng, &text);
            let op = if text.len() > 2500 { 1 } else { rng.below(4) };
            let (r, new) = match op {
                // Insert.
                0 | 3 => (a..a, PIECES[rng.below(PIECES.len())].to_string()),
                // Delete up to 12 characters, or replace them.
                _ => {
                    let len: usize =
                        text[a..].chars().take(1 + rng.below(12)).map(char::len_utf8).sum();
                    let new = if op == 2 {
                        PIECES[rng.below(PIECES.len())].to_string()
                    } else {
                        String::new()
                    };
                    (a..a + len, new)
                }
            };
            text.replace_range(r.clone(), &new);
            edits.push((r, new));
        }
        if step % 60 == 30 {
            // Now and then an editor sends the whole text instead.
            s.replace_all(&mut doc, &text);
        } else {
            let edits: Vec<(std::ops::Range<usize>, &str)> =
                edits.iter().map(|(r, t)| (r.clone(), t.as_str())).collect();
            s.edit(&mut doc, &edits);
        }
        assert_eq!(doc.text, text);
        if step % 40 == 0 {
            checked +=
                check_with_line_probes(&s, &mut doc, &format!("{enc_offer}, after edit {step}"));
        }
    }
    // A last edit at the very end of the document.
    let end = doc.text.len();
    s.edit(&mut doc, &[(end..end, "\n— Kamenev")]);
    checked += check_with_line_probes(&s, &mut doc, &format!("{enc_offer}, at the end"));
    assert!(checked > 40, "the edits kept too few names to check ({checked})");
    // The newest version is the one diagnosed.
    s.wait_diagnostics(&doc.uri, doc.version);
    s.shutdown();
}

#[test]
fn random_incremental_edits_utf16() {
    random_edits("utf-16", 0x5eed_0001);
}

#[test]
fn random_incremental_edits_utf8() {
    random_edits("utf-8", 0x5eed_0002);
}

#[test]
fn random_incremental_edits_another_seed() {
    random_edits("utf-16", 0xdead_beef);
}

const LINE: &str =
    "Lenin — “Trotsky’s” Зиновьев 🙂 Kirov went to Leningrad in 1926, said Béla Kun.\n";

#[test]
fn hover_range_columns_count_utf16_code_units() {
    let s = Server::start(Value::Null, json!({ "general": { "positionEncodings": ["utf-16"] } }));
    let doc = s.open("cols.md", "markdown", LINE);
    let k = LINE.find("Kirov").unwrap();
    let col = LINE[..k].encode_utf16().count() as u64;
    assert_eq!(col, 32);
    let h = s.hover_pos(&doc.uri, 0, col + 2).expect("hover");
    assert_eq!(hover_title(&h).as_deref(), Some("### Sergei Kirov"));
    assert_eq!(
        h["range"],
        json!({ "start": { "line": 0, "character": col }, "end": { "line": 0, "character": col + 5 } })
    );
    // Béla Kun: the é is one unit.
    let b = LINE.find("Béla").unwrap();
    let bcol = LINE[..b].encode_utf16().count() as u64;
    let h = s.hover_pos(&doc.uri, 0, bcol + 1).expect("hover");
    assert_eq!(
        h["range"],
        json!({ "start": { "line": 0, "character": bcol }, "end": { "line": 0, "character": bcol + 8 } })
    );
    // The UTF-8 column of Kirov lies well past it in UTF-16 ("went to"): no Kirov card there.
    let h = s.hover_pos(&doc.uri, 0, k as u64 + 2).expect("hover");
    assert_ne!(hover_title(&h).as_deref(), Some("### Sergei Kirov"), "{h}");
    s.shutdown();
}

#[test]
fn hover_range_columns_count_utf8_bytes() {
    let s = Server::start(
        Value::Null,
        json!({ "general": { "positionEncodings": ["utf-8", "utf-16"] } }),
    );
    assert_eq!(s.enc(), Enc::Utf8);
    let doc = s.open("cols.md", "markdown", LINE);
    let k = LINE.find("Kirov").unwrap() as u64;
    assert_eq!(k, 50);
    let h = s.hover_pos(&doc.uri, 0, k + 2).expect("hover");
    assert_eq!(hover_title(&h).as_deref(), Some("### Sergei Kirov"));
    assert_eq!(
        h["range"],
        json!({ "start": { "line": 0, "character": k }, "end": { "line": 0, "character": k + 5 } })
    );
    let b = LINE.find("Béla").unwrap() as u64;
    let h = s.hover_pos(&doc.uri, 0, b + 1).expect("hover");
    assert_eq!(
        h["range"],
        json!({ "start": { "line": 0, "character": b }, "end": { "line": 0, "character": b + 9 } })
    );
    // The UTF-16 column of Kirov (32) is inside "Зиновьев" in bytes: no Kirov card there.
    let h = s.hover_pos(&doc.uri, 0, 32 + 2).expect("hover");
    assert_ne!(hover_title(&h).as_deref(), Some("### Sergei Kirov"), "{h}");
    s.shutdown();
}

#[test]
fn edits_right_after_non_ascii_text() {
    for offer in ["utf-16", "utf-8"] {
        let s = Server::start(Value::Null, json!({ "general": { "positionEncodings": [offer] } }));
        let mut doc = s.open("edits.md", "markdown", LINE);
        // Insert right after the emoji, after the closing quote, and after the em dash.
        let after_emoji = doc.find("🙂").end;
        s.edit(&mut doc, &[(after_emoji..after_emoji, " Bukharin,")]);
        let after_quote = doc.find("”").end;
        s.edit(&mut doc, &[(after_quote..after_quote, " Kamenev")]);
        let dash = doc.find("—");
        s.edit(&mut doc, &[(dash.clone(), "— Zinoviev —")]);
        // Replace Cyrillic by Latin, and delete an emoji-wide range.
        let cyr = doc.find("Зиновьев");
        s.edit(&mut doc, &[(cyr, "Dzierżyński")]);
        let emoji = doc.find("🙂");
        s.edit(&mut doc, &[(emoji, "")]);
        assert_eq!(doc.text, "Lenin — Zinoviev — “Trotsky’s” Kamenev Dzierżyński  Bukharin, Kirov went to Leningrad in 1926, said Béla Kun.\n");
        let n = check_text(&s, &doc, offer);
        assert_eq!(n, 6, "{:?}", standalone_names(&doc.text));
        s.shutdown();
    }
}

#[test]
fn several_changes_in_one_notification_apply_in_order() {
    let s = Server::start_default();
    let mut doc = s.open("multi.md", "markdown", "Kirov and Zinoviev.\n");
    // Each change's range refers to the text the change before it left.
    let end = doc.text.len() + "Kamenev, ".len() + 1;
    s.edit(&mut doc, &[(0..0, "Kamenev, "), (0..7, "Bukharin"), (end..end, "\nThen Kirov.")]);
    assert_eq!(doc.text, "Bukharin, Kirov and Zinoviev.\n\nThen Kirov.");
    assert_eq!(check_text(&s, &doc, "multi"), 4);
    s.shutdown();
}

#[test]
fn crlf_line_ends() {
    let s = Server::start_default();
    let mut doc = s.open("crlf.md", "markdown", "Kirov — “one”\r\nZinoviev\r\n\r\nBukharin 🙂\r\n");
    assert_eq!(check_text(&s, &doc, "crlf open"), 3);
    // Type at the end of the first line (just before its \r\n), then break a line in two.
    let eol = doc.find("\r\n").start;
    s.edit(&mut doc, &[(eol..eol, ", Kamenev")]);
    let z = doc.find("Zinoviev").end;
    s.edit(&mut doc, &[(z..z, "\r\nKirov")]);
    // Join two lines by deleting a whole line break.
    let brk = find_nth(&doc.text, "\r\n", 2);
    s.edit(&mut doc, &[(brk, " ")]);
    assert_eq!(doc.text, "Kirov — “one”, Kamenev\r\nZinoviev\r\nKirov \r\nBukharin 🙂\r\n");
    assert_eq!(check_text(&s, &doc, "crlf edits"), 5);
    s.shutdown();
}

#[test]
fn unicode_line_separators_are_not_line_breaks() {
    // SERVER BUG (reported): LSP lines end only at \n, \r\n and \r. ropey's default features
    // also break lines at U+2028, U+2029, U+0085, VT and FF, so after one of these (pasted from
    // a word processor) every position on the line is misread.
    let s = Server::start_default();
    let text = "Lenin\u{2028}spoke; Kirov\u{85}listened\u{0C}to Bukharin.\nZinoviev\n";
    let doc = s.open("separators.txt", "plaintext", text);
    assert_eq!(check_text(&s, &doc, "unicode separators"), 3);
    s.shutdown();
}

#[test]
fn hover_at_a_position_inside_a_surrogate_pair_does_not_fail() {
    let s = Server::start_default();
    let doc = s.open("emoji.md", "markdown", "🙂Kirov\n");
    // Column 1 is between the two halves of the emoji.
    let h = s.hover_pos(&doc.uri, 0, 1).expect("hover inside a surrogate pair");
    if !h.is_null() {
        s.hover_range(&doc, &h);
    }
    let h = s.hover_pos(&doc.uri, 0, 3).expect("hover");
    assert_eq!(
        h["range"],
        json!({ "start": { "line": 0, "character": 2 }, "end": { "line": 0, "character": 7 } })
    );
    s.shutdown();
}
