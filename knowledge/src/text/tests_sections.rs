//! Where a document's sections start (`Prose::sections`, found by `heading_lines` as each
//! stretch is read): the lines a line-by-line reading takes for headings.

use super::{prose, Format};

/// The plain reading: each line whose first non-blank text is a heading mark.
fn by_lines(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        let latex = ["\\section", "\\subsection", "\\chapter", "\\subsubsection"]
            .iter()
            .any(|c| t.starts_with(c));
        if (t.starts_with('#') && t.trim_start_matches('#').starts_with(' ')) || latex {
            out.push(at);
        }
        at += line.len();
    }
    out
}

/// The sections a document's own reading finds.
fn read(text: &str, format: Format) -> Vec<usize> {
    prose(text, format).sections
}

#[test]
fn headings_start_sections_as_a_line_by_line_reading_finds_them() {
    let markdown = [
        "# One\nLenin died.\n\n## Two\nStalin rose. #3 is no heading\n  ### Three\n",
        "Intro #tag\n\n#nospace\n\n# Kronstadt\n\nThe sailors rose.\n",
        " # Indented\n\n\u{a0}# Spaced\n\nx#\n",
        "",
        "no headings at all\n",
        "## a ## b\n##c\n\n| a | b |\n|---|---|\n| Lenin | Stalin |\n\n# Last\n",
        "# Kirov\r\nKirov was shot in 1934.\r\n\r\n## Terror\r\nThen came 1937.\r\n",
    ];
    for t in markdown {
        assert_eq!(read(t, Format::Markdown), by_lines(t), "{t:?}");
    }
    let latex = [
        "Intro.\n\\section{NEP}\nThe retreat of 1921.\n\n\\subsection*{War}\nText.\n",
        "\\chapter{Lenin}\nHe died in 1924.\n\n  \\section{Stalin}\nHe rose.\n",
        "text \\section{inline} is no heading line\n",
    ];
    for t in latex {
        assert_eq!(read(t, Format::Latex), by_lines(t), "{t:?}");
    }
}

#[test]
fn a_heading_with_no_words_starts_no_section() {
    // No block starts on it, so nothing in the document can belong to it alone.
    assert_eq!(read("Intro.\n\n#\n\n# \n\nText.\n", Format::Markdown), Vec::<usize>::new());
}
