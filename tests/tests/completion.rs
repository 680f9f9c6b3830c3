//! Completion: known names and terms for the word being typed (three letters or more),
//! spelled canonically, with a one-line detail; nothing for ordinary words.

use clio_e2e::*;

fn labels(items: &[Value]) -> Vec<String> {
    items.iter().map(|i| i["label"].as_str().unwrap_or_default().to_string()).collect()
}

/// Opens `text` (the cursor is at `|`, which is removed) and completes there.
fn complete(
    s: &Server,
    name: &str,
    lang: &str,
    text_with_cursor: &str,
) -> (Doc, usize, Vec<Value>) {
    let at = text_with_cursor.find('|').expect("a | marks the cursor");
    let text = text_with_cursor.replacen('|', "", 1);
    let doc = s.open(name, lang, &text);
    let items = s.complete_at(&doc, at);
    (doc, at, items)
}

#[test]
fn a_prefix_completes_to_the_canonical_spelling() {
    let s = Server::start_default();
    let (doc, at, items) = complete(&s, "zino.md", "markdown", "In 1926 Zino| joined Trotsky.\n");
    let names = labels(&items);
    assert!(names.contains(&"Zinoviev".to_string()), "{names:?}");
    let item = items.iter().find(|i| i["label"] == "Zinoviev").unwrap();
    // The edit replaces exactly the typed prefix.
    let edit = &item["textEdit"];
    if !edit.is_null() {
        assert_eq!(edit["newText"], "Zinoviev");
        let r = byte_range(&doc.text, edit.get("range").unwrap_or(&edit["replace"]), s.enc())
            .expect("a valid range");
        assert_eq!(&doc.text[r.clone()], "Zino", "{item}");
        assert_eq!(r.end, at);
    }
    let detail = item["detail"].as_str().expect("a detail");
    assert!(!detail.is_empty() && !detail.contains('\n'), "one line: {detail:?}");
    assert!(detail.contains("Zinoviev"), "{detail:?}");
    s.shutdown();
}

#[test]
fn a_lower_case_prefix_still_gets_the_capitalised_name() {
    let s = Server::start_default();
    let (_, _, items) = complete(&s, "kiro.md", "markdown", "then kiro|\n");
    assert!(labels(&items).contains(&"Kirov".to_string()), "{:?}", labels(&items));
    let (_, _, items) = complete(&s, "buk.md", "markdown", "Buk|");
    assert!(labels(&items).contains(&"Bukharin".to_string()), "{:?}", labels(&items));
    s.shutdown();
}

#[test]
fn nothing_for_ordinary_words_or_short_prefixes() {
    let s = Server::start_default();
    let mut offered = Vec::new();
    for (i, typed) in [
        "the", "and", "went", "The", "And", "said", "was", "were", "with", "after", "from", "then",
        "against", "Zi", "Ki", "a", "19",
    ]
    .iter()
    .enumerate()
    {
        let (_, _, items) =
            complete(&s, &format!("ordinary{i}.md"), "markdown", &format!("Then {typed}|\n"));
        if !items.is_empty() {
            offered.push(format!("{typed:?} -> {:?}", labels(&items)));
        }
    }
    assert!(
        offered.is_empty(),
        "nothing for ordinary words or short prefixes, but:\n{}",
        offered.join("\n")
    );
    // At the start of a line, after a space, at the end of the document: nothing typed.
    let (_, _, items) = complete(&s, "blank.md", "markdown", "Kirov was shot. |\n");
    assert!(items.is_empty(), "{:?}", labels(&items));
    s.shutdown();
}

#[test]
fn nothing_inside_code() {
    let s = Server::start_default();
    let (_, _, items) = complete(&s, "code.md", "markdown", "Prose.\n\n```\nZino|\n```\n");
    assert!(items.is_empty(), "{:?}", labels(&items));
    let (_, _, items) = complete(&s, "math.tex", "latex", "Text $x + Zino|$ more.\n");
    assert!(items.is_empty(), "{:?}", labels(&items));
    s.shutdown();
}

#[test]
fn completion_after_non_ascii_text_has_a_correct_range() {
    for offer in ["utf-16", "utf-8"] {
        let s = Server::start(Value::Null, json!({ "general": { "positionEncodings": [offer] } }));
        let (doc, at, items) = complete(&s, "nonascii.md", "markdown", "Лев — “🙂 Kame| ’s\n");
        let item = items
            .iter()
            .find(|i| i["label"] == "Kamenev")
            .unwrap_or_else(|| panic!("{offer}: {:?}", labels(&items)));
        let edit = &item["textEdit"];
        assert!(edit.is_object(), "{item}");
        let r = byte_range(&doc.text, &edit["range"], s.enc())
            .unwrap_or_else(|| panic!("{offer}: invalid range in {item}"));
        assert_eq!(r, at - 4..at, "{offer}: the range covers {:?}", &doc.text[r.clone()]);
        s.shutdown();
    }
}

#[test]
fn completion_follows_edits() {
    let s = Server::start_default();
    let mut doc = s.open("typing.md", "markdown", "Stalin defeated \n");
    // Type "Buk" one letter at a time, as an editor sends it.
    let mut at = doc.find("\n").start;
    for ch in ["B", "u", "k"] {
        s.edit(&mut doc, &[(at..at, ch)]);
        at += 1;
    }
    let items = s.complete_at(&doc, at);
    assert!(labels(&items).contains(&"Bukharin".to_string()), "{:?}", labels(&items));
    s.shutdown();
}
