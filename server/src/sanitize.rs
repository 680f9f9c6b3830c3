//! Text from packs (a teacher's, or one found in a cloned repository) reaches the student's
//! editor and terminal: control characters (NUL, ESC and the terminal sequences it starts)
//! and the characters that reverse or isolate the direction of text (which can make a card
//! read other than it is) are taken out before it is shown.

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
}
