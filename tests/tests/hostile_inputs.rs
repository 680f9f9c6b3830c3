//! Inputs at the sizes and shapes that once froze the server: one sentence of a few KB, text
//! after curly quotes. Whatever one document costs to analyse, requests on the others are
//! answered meanwhile (the timeouts here only detect hangs; nothing is timed).

use clio_e2e::*;

/// One 5.8 KB sentence of dates and names: the shape whose cost grew with the fourth power of
/// its length.
fn long_sentence() -> String {
    "Kirov was shot in 1936 ".repeat(250)
}

#[test]
fn other_documents_are_answered_while_a_long_sentence_is_analysed() {
    let s = Server::start_default();
    let hostile = s.open("hostile.md", "markdown", &long_sentence());
    // A second one, so that a server checking them one after the other holds the hover up for
    // the two analyses together.
    s.open("hostile-too.md", "markdown", &long_sentence());
    let doc = s.open("essay.md", "markdown", "Trotsky was exiled in 1929 by Zinov");
    assert_eq!(hover_title(&s.hover_on(&doc, "Trotsky")).as_deref(), Some("### Leon Trotsky"));
    let items = s.complete_at(&doc, doc.text.len());
    assert!(!items.is_empty(), "completion answers too");
    // The long document is still there to be edited; the server stays responsive.
    let mut hostile = hostile;
    s.edit(&mut hostile, &[(0..0, "Lenin. ")]);
    assert_eq!(hover_title(&s.hover_on(&doc, "Trotsky")).as_deref(), Some("### Leon Trotsky"));
    s.shutdown();
}

#[test]
fn completion_after_curly_quotes_and_dashes_completes_the_word() {
    let s = Server::start_default();
    // Over 64 bytes of curly quotes and dashes before the word typed.
    let text = "“Lenin’s heirs” — “the Old Bolsheviks” — lost to Stalin’s men: Zinov";
    let doc = s.open("quotes.md", "markdown", text);
    s.wait_diagnostics(&doc.uri, 1);
    let items = s.complete_at(&doc, text.len());
    let labels: Vec<&str> = items.iter().filter_map(|i| i["label"].as_str()).collect();
    assert!(labels.contains(&"Zinoviev"), "{labels:?}");
    let edit = &items[0]["textEdit"];
    assert_eq!(byte_range(&doc.text, &edit["range"], s.enc()), Some(doc.find("Zinov")));
    s.shutdown();
}

// The inputs below once froze the analysis itself: they stay linear through the sentence
// budget, direction marks ending sentences, dates and numbers read once, LaTeX groups matched
// in one pass and a cap on findings per document.

/// Opens `text` and waits for its first diagnostics (the timeout detects a hang).
fn opened_and_checked(name: &str, language: &str, text: &str) -> Vec<Value> {
    let s = Server::start_default();
    let doc = s.open(name, language, text);
    let d = s.wait_diagnostics(&doc.uri, 1);
    s.shutdown();
    d
}

#[test]
fn the_long_sentence_is_checked() {
    // One clause of 250 dates and names is beyond the budget: a note says it was not checked.
    let d = opened_and_checked("long.md", "markdown", &long_sentence());
    let codes: Vec<&str> = d.iter().filter_map(|x| x["code"].as_str()).collect();
    assert_eq!(codes, ["not-checked"]);
    assert_eq!(d[0]["severity"], 3, "information");
    // Cut by commas into clauses, the same words are checked, each clause on its own.
    let clauses = "Kirov was shot in 1936, ".repeat(250);
    let d = opened_and_checked("clauses.md", "markdown", &clauses);
    assert_eq!(d.len(), 250, "one dubious date per clause");
    assert!(d.iter().all(|x| x["code"] == "dubious-date"));
}

#[test]
fn a_period_before_a_direction_mark_ends_the_sentence() {
    let text = "Kirov was shot in 1936.\u{202c} ".repeat(9_000);
    assert!(text.len() > 226_000);
    // Each sentence is checked: a dubious date each, up to the cap.
    let d = opened_and_checked("marks.md", "markdown", &text);
    assert_eq!(d.len(), 1_001);
    assert!(d[..1_000].iter().all(|x| x["code"] == "dubious-date"));
}

#[test]
fn a_long_list_of_years_opens() {
    // A Markdown list of 150,000 years: every item a block. Each block once scanned all the
    // block breaks, a cost that grew with the square of the items (a minute at this size).
    let mut text: String = (0..150_000).map(|i| format!("- {}\n", 1900 + i % 100)).collect();
    text.push_str("- Kirov was shot in 1931.\n");
    let d = opened_and_checked("years.md", "markdown", &text);
    // Read to its last item: the date there is flagged, and nothing else is.
    let codes: Vec<&str> = d.iter().filter_map(|x| x["code"].as_str()).collect();
    assert_eq!(codes, ["dubious-date"]);
    assert_eq!(d[0]["range"]["start"]["line"], 150_000);
}

#[test]
fn unclosed_latex_commands_open() {
    // Each unclosed group once cost a scan to the end of the text: half a minute at these sizes.
    opened_and_checked("emph.tex", "latex", &"\\emph{Kirov ".repeat(200_000));
    opened_and_checked("section.tex", "latex", &"\\section{".repeat(80_000));
}

#[test]
fn a_long_paragraph_of_dates_and_numbers_opens() {
    let words: Vec<String> =
        (0..110_000).map(|i| format!("{} {}", 1900 + i % 100, i * 37 % 100_000)).collect();
    let text = words.join(" ");
    assert!(text.len() > 1_000_000);
    opened_and_checked("dates.md", "markdown", &text);
}

#[test]
fn an_essay_repeating_one_claim_opens() {
    // Every claim was once compared with every other to see whether the essay answers it.
    let text = "Lenin's terror made Stalin's terror inevitable.\n\n".repeat(100_000);
    let d = opened_and_checked("claims.md", "markdown", &text);
    assert!(d.len() <= 1_001, "{} diagnostics", d.len());
}

#[test]
fn findings_are_capped_with_one_note() {
    let d = opened_and_checked("many.md", "markdown", &"Kirov was shot in 1931. ".repeat(100_000));
    assert!(d.len() <= 1_001, "{} diagnostics", d.len());
    assert!(
        d.iter().any(|x| x["severity"] == 3),
        "one Information diagnostic says the rest were left out"
    );
}
