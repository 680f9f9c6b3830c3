//! Text from packs (a teacher's, or one found in a cloned repository) and from essays reaches
//! the student's editor and terminal: control characters (NUL, ESC and the terminal sequences
//! it starts) and the characters that reverse or isolate the direction of text (which can make
//! a card read other than it is) are taken out before it is shown ([`clean`], for the editor),
//! or replaced byte for byte ([`for_terminal`], for the command line, whose byte ranges into
//! the text must still hold).

use std::borrow::Cow;

/// The bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069).
pub fn is_direction_mark(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether `c` is taken out of shown text: a control character other than a line break or
/// a tab, or a direction mark.
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || is_direction_mark(c)
}

/// `text` without its unsafe characters (borrowed when it has none, as nearly always).
pub fn clean(text: &str) -> Cow<'_, str> {
    if text.chars().any(is_unsafe) {
        Cow::Owned(text.chars().filter(|c| !is_unsafe(*c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// Text safe to print on a terminal: unsafe characters (but a carriage return, which ends a
/// line of a CRLF file) become `?` a byte, and a direction mark (three bytes) becomes U+FFFD,
/// so the text keeps its length and byte ranges into it still hold.
pub fn for_terminal(s: &str) -> Cow<'_, str> {
    let replaced = |c: char| is_unsafe(c) && c != '\r';
    if !s.chars().any(replaced) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !replaced(c) {
            out.push(c);
        } else if c.len_utf8() == 3 {
            out.push('\u{FFFD}');
        } else {
            out.extend(std::iter::repeat_n('?', c.len_utf8()));
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_and_direction_characters_are_taken_out() {
        assert_eq!(
            clean("Kirov\u{0}\u{1b}[31m \u{202e}1934\u{2066}\n\tok\r"),
            "Kirov[31m 1934\n\tok"
        );
        assert!(matches!(clean("“Stalin’s” — 1934\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn terminal_text_keeps_its_length_without_escapes_or_overrides() {
        let s = "Kirov\u{1b}[31m shot\u{202E}1934\u{85}.\r\n";
        let c = for_terminal(s);
        assert_eq!(c.len(), s.len());
        assert_eq!(c, "Kirov?[31m shot\u{FFFD}1934??.\r\n");
        assert!(matches!(for_terminal("Lenin’s “NEP”\tok\n"), Cow::Borrowed(_)));
    }
}
