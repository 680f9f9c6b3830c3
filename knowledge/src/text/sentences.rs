//! Sentences, words and quotations in a block of (masked) prose.
//!
//! A sentence keeps its byte range in the document, an ASCII-lower-cased copy of its text
//! (same byte offsets, so cue words can be compared without allocating per word) and its
//! tokens as ranges into that copy.

use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Number,
    Punct,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tok {
    /// Relative to the sentence start.
    pub range: Range<usize>,
    pub kind: TokKind,
}

#[derive(Clone, Debug)]
pub struct Sentence {
    /// Absolute range in the document.
    pub range: Range<usize>,
    /// The sentence text, ASCII-lower-cased.
    pub lower: String,
    pub toks: Vec<Tok>,
}

impl Sentence {
    pub fn new(masked: &str, range: Range<usize>) -> Sentence {
        let text = &masked[range.clone()];
        Sentence { range, lower: text.to_ascii_lowercase(), toks: tokenize(text) }
    }
    pub fn word(&self, i: usize) -> &str {
        &self.lower[self.toks[i].range.clone()]
    }
    /// Index of the first token starting at or after `rel` (a sentence-relative offset).
    pub fn tok_at(&self, rel: usize) -> usize {
        self.toks.partition_point(|t| t.range.start < rel)
    }
    /// Index of the token containing `rel`, if any.
    pub fn tok_containing(&self, rel: usize) -> Option<usize> {
        self.toks.iter().position(|t| t.range.start <= rel && rel < t.range.end)
    }
    /// Does the phrase (lower-case words, `*` suffix wildcard on the last) start at token `i`?
    pub fn phrase_at(&self, i: usize, phrase: &str) -> Option<usize> {
        let mut j = i;
        let mut parts = phrase.split_whitespace().peekable();
        while let Some(p) = parts.next() {
            // Skip punctuation inside a phrase only for apostrophe-split forms like "n't".
            if j >= self.toks.len() {
                return None;
            }
            let last = parts.peek().is_none();
            let w = self.word(j);
            let ok = if let Some(stem) = p.strip_suffix('*') {
                w.starts_with(stem) && self.toks[j].kind == TokKind::Word
            } else if last && p == "n't" {
                w.ends_with("n't") || w.ends_with("n’t")
            } else {
                w == p || (last && possessive_base(w) == p)
            };
            if !ok {
                return None;
            }
            j += 1;
        }
        Some(j)
    }
    /// Token indices where any of the phrases occurs, with the index after the phrase.
    pub fn find_phrases<'a>(
        &'a self,
        phrases: &'a [String],
    ) -> impl Iterator<Item = (usize, usize, &'a str)> + 'a {
        (0..self.toks.len()).flat_map(move |i| {
            phrases.iter().filter_map(move |p| self.phrase_at(i, p).map(|end| (i, end, p.as_str())))
        })
    }
    pub fn has_phrase(&self, phrases: &[String]) -> bool {
        self.find_phrases(phrases).next().is_some()
    }
}

/// "lenin's" -> "lenin"; "kulaks'" -> "kulaks".
pub fn possessive_base(w: &str) -> &str {
    // Every possessive ends in `s`, `'` or the last byte of `’`: other words leave here.
    if !matches!(w.as_bytes().last(), Some(b's' | b'\'' | 0x99)) {
        return w;
    }
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .or_else(|| w.strip_suffix('\''))
        .or_else(|| w.strip_suffix('’'))
        .unwrap_or(w)
}

/// `word.starts_with(prefix)`, its first bytes compared before any call to `memcmp`: most
/// words of a sentence differ from a cue's prefix at once.
#[inline]
pub(crate) fn has_prefix(word: &str, prefix: &str) -> bool {
    match prefix.as_bytes().first() {
        Some(b) => word.as_bytes().first() == Some(b) && word.starts_with(prefix),
        None => true,
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// The character at byte `i` of `text` and its length in bytes (ASCII without decoding).
#[inline]
pub(crate) fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        (b as char, 1)
    } else {
        let c = text[i..].chars().next().unwrap_or('\u{fffd}');
        (c, c.len_utf8())
    }
}

/// The character ending at byte `i` of `text` (the one before offset `i`), if any.
#[inline]
fn char_before(text: &str, i: usize) -> Option<char> {
    match text.as_bytes()[..i].last() {
        None => None,
        Some(&b) if b < 0x80 => Some(b as char),
        Some(_) => text[..i].chars().next_back(),
    }
}

#[inline]
fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

/// Classes of the bytes, so that the scanners test a byte with one load (a byte of a
/// non-ASCII character is in no class: those are decoded).
const ALNUM: u8 = 1;
const SPACE: u8 = 4;
static ASCII: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        if b.is_ascii_alphanumeric() {
            t[i] |= ALNUM;
        }
        // `char::is_whitespace` on ASCII: tab to carriage return, and space.
        if matches!(b, b'\t'..=b'\r' | b' ') {
            t[i] |= SPACE;
        }
        i += 1;
    }
    t
};

/// Words (with inner apostrophes and hyphens, "Five-Year", "Lenin’s"), numbers ("681,692",
/// "2.9") and single punctuation characters, as sentence-relative byte ranges. The scan works
/// on bytes and decodes a character only where a byte is not ASCII.
pub fn tokenize(text: &str) -> Vec<Tok> {
    let bytes = text.as_bytes();
    let len = bytes.len();
    let mut toks = Vec::with_capacity(len / 5 + 1);
    let mut i = 0;
    while i < len {
        let b = bytes[i];
        let c = if b < 0x80 {
            let class = ASCII[b as usize];
            if class & SPACE != 0 {
                i += 1;
                continue;
            }
            if class & ALNUM == 0 {
                toks.push(Tok { range: i..i + 1, kind: TokKind::Punct });
                i += 1;
                continue;
            }
            b as char
        } else {
            let (c, cl) = char_at(text, i);
            if c.is_whitespace() {
                i += cl;
                continue;
            }
            if !c.is_alphanumeric() {
                toks.push(Tok { range: i..i + cl, kind: TokKind::Punct });
                i += cl;
                continue;
            }
            c
        };
        let (j, digits_only) = word_end(text, i, c);
        // Only ASCII digits, with `.` or `,` joined between digits, make a number.
        let kind = if digits_only { TokKind::Number } else { TokKind::Word };
        toks.push(Tok { range: i..j, kind });
        i = j;
    }
    toks
}

/// The end of the word or number that starts at `i` with the character `c`, and whether it is
/// ASCII digits only (a `.` or `,` between digits joins them: "681,692", "2.9"). Apostrophes
/// and hyphens join letters ("don't", "Five-Year"); a trailing apostrophe after an "s" is a
/// possessive ("kulaks'").
#[inline]
fn word_end(text: &str, i: usize, c: char) -> (usize, bool) {
    let bytes = text.as_bytes();
    let len = bytes.len();
    let mut j = i + c.len_utf8();
    // All the word's characters so far are ASCII digits (a `.`/`,` may then join): a number.
    let mut digits_only = c.is_ascii_digit();
    while j < len {
        // A stretch of ASCII letters and digits (most of a word) in a tight loop.
        let run = j;
        j += bytes[j..].iter().take_while(|&&b| ASCII[b as usize] & ALNUM != 0).count();
        if j > run {
            digits_only = digits_only && bytes[run..j].iter().all(u8::is_ascii_digit);
            continue;
        }
        let b = bytes[j];
        let (d, dl) = if b < 0x80 {
            if !matches!(b, b'\'' | b'-' | b'.' | b',') {
                break;
            }
            (b as char, 1)
        } else {
            let (d, dl) = char_at(text, j);
            if d.is_alphanumeric() {
                digits_only = false;
                j += dl;
                continue;
            }
            if d != '’' {
                break;
            }
            (d, dl)
        };
        let next = if j + dl < len { Some(char_at(text, j + dl).0) } else { None };
        let join = match d {
            '\'' | '’' => next.is_some_and(char::is_alphabetic) && !digits_only,
            '-' => {
                next.is_some_and(is_alnum)
                    && !(digits_only && next.is_some_and(|n| n.is_ascii_digit()))
            }
            // The character before is an ASCII digit exactly when its last byte is one.
            _ => {
                digits_only
                    && bytes[j - 1].is_ascii_digit()
                    && next.is_some_and(|n| n.is_ascii_digit())
            }
        };
        if !join {
            break;
        }
        j += dl;
    }
    // Trailing possessive apostrophe: "kulaks'".
    if j < len && bytes[j - 1] == b's' {
        let (d, dl) = char_at(text, j);
        if is_apostrophe(d) && !(j + dl < len && is_alnum(char_at(text, j + dl).0)) {
            j += dl;
        }
    }
    (j, digits_only)
}

const ABBREVIATIONS: &[&str] = &[
    "c", "ca", "cf", "e.g", "i.e", "mr", "mrs", "dr", "st", "vs", "vol", "no", "p", "pp", "ed",
    "eds", "fig", "jr", "sr", "gen", "col", "lt", "capt", "prof", "approx",
];

/// Characters that take no room and carry no letter: direction marks and embeddings, joiners,
/// the byte-order mark (the zero-width space is a space). A sentence's end looks through them
/// ("1936.\u{202c} Kirov").
pub(crate) fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200c}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{061c}'
            | '\u{feff}'
    )
}

/// Space between sentences: whitespace, and the zero-width space that stands for it.
fn spacing(c: char) -> bool {
    c.is_whitespace() || c == '\u{200b}'
}

/// What may follow a stop inside its sentence: more stops, closing quotes and brackets, and
/// invisible characters.
fn closes(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '"' | '\'' | ')' | ']' | '”' | '’' | '»' | '›') || invisible(c)
}

/// Where a stop's run of closers ends, from `from`; then where the next visible character is,
/// the character, and whether a space came before it.
fn after_stop(text: &str, from: usize) -> (usize, usize, Option<char>, bool) {
    let b = text.as_bytes();
    let mut j = from;
    while j < b.len() {
        match b[j] {
            b'.' | b'!' | b'?' | b'"' | b'\'' | b')' | b']' => j += 1,
            x if x < 0x80 => break,
            _ => {
                let (c, cl) = char_at(text, j);
                if !closes(c) {
                    break;
                }
                j += cl;
            }
        }
    }
    // Citation marks after the stop belong to the sentence: "in 1938.[1][2] It ...". A mark is
    // short, so only a few bytes are looked at.
    while b.get(j) == Some(&b'[') {
        let window = &b[j..b.len().min(j + 8)];
        match window.iter().position(|&c| c == b']') {
            Some(c) if c <= 6 && window[1..c].iter().all(u8::is_ascii_alphanumeric) => j += c + 1,
            _ => break,
        }
    }
    let mut k = j;
    let mut spaced = false;
    while k < b.len() {
        let (c, cl) = char_at(text, k);
        if spacing(c) {
            spaced = true;
        } else if !invisible(c) {
            return (j, k, Some(c), spaced);
        }
        k += cl;
    }
    (j, k, None, spaced)
}

/// Splits a block into sentences at `.`, `!`, `?` followed by space and a capital, a digit,
/// a quote or the end, but not after abbreviations and initials ("c.", "J. Stalin", "N.E.P.").
/// Closing quotes and invisible characters after the stop stay with its sentence.
pub fn split(masked: &str, block: Range<usize>) -> Vec<Range<usize>> {
    let text = &masked[block.clone()];
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    // A run of stops and closers is read once: a stop inside the last run shares its end.
    let mut run = (0, None, false);
    // The stops are ASCII, so only their bytes need looking at (UTF-8 never reuses them).
    let mut i = 0;
    while let Some(p) = super::find_any3(b, i, b'.', b'!', b'?') {
        if p >= run.0 {
            let (j, _, next, spaced) = after_stop(text, p + 1);
            run = (j, next, spaced);
        }
        let (end, next, spaced) = run;
        let next_ok = match next {
            None => true,
            Some(n) => {
                spaced
                    && (n.is_uppercase()
                        || n.is_ascii_digit()
                        || matches!(n, '"' | '“' | '‘' | '\'' | '(' | '[' | '«' | '‹'))
            }
        };
        let month_abbreviation = b[p] == b'.'
            && next.is_some_and(|n| n.is_ascii_digit())
            && is_month_abbreviation(&text[start..p]);
        if next_ok
            && !month_abbreviation
            && !(b[p] == b'.' && is_abbreviation(&text[start..p], next.is_none()))
        {
            push_trimmed(&mut out, text, start, end, block.start);
            start = end;
            i = end;
        } else {
            i = p + 1;
        }
    }
    push_trimmed(&mut out, text, start, text.len(), block.start);
    out
}

/// Does the text before a full stop end in an abbreviated month ("Dec. 1934", "Sept. 1917")?
fn is_month_abbreviation(before: &str) -> bool {
    const MONTHS: [&str; 12] =
        ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"];
    let word = before.rsplit(|ch: char| ch.is_whitespace() || ch == '(').next().unwrap_or("");
    MONTHS.iter().any(|m| word.eq_ignore_ascii_case(m))
}
/// No abbreviation or initial is longer than this; a longer "word" before a stop is none.
const LONGEST_ABBREVIATION: usize = 64;

/// Does the text before a full stop end in an abbreviation or initial, so that the stop does
/// not end the sentence? Only the last `LONGEST_ABBREVIATION` bytes are looked at, so that a
/// long run of stops costs each of them the same.
fn is_abbreviation(before: &str, at_end: bool) -> bool {
    let mut from = before.len().saturating_sub(LONGEST_ABBREVIATION + 4);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    let tail = &before[from..];
    let word = match tail.rfind(|ch: char| ch.is_whitespace() || ch == '(') {
        Some(at) => &tail[at + char_at(tail, at).1..],
        None if from == 0 => tail,
        None => return false,
    };
    if word.len() > LONGEST_ABBREVIATION {
        return false;
    }
    let single_initial = word.chars().count() == 1 && word.chars().all(|ch| ch.is_uppercase());
    let dotted = word.contains('.')
        && word.chars().filter(|ch| ch.is_alphabetic()).count() <= 4
        && !word.ends_with(|ch: char| ch.is_lowercase() && word.len() > 4);
    ABBREVIATIONS.iter().any(|a| word.eq_ignore_ascii_case(a))
        || single_initial
        || (dotted && !at_end && word.chars().all(|ch| ch.is_uppercase() || ch == '.'))
}

fn push_trimmed(out: &mut Vec<Range<usize>>, text: &str, s: usize, e: usize, base: usize) {
    let piece = &text[s..e];
    let lead = piece.len() - piece.trim_start_matches(spacing).len();
    let trail = piece.len() - piece.trim_end().len();
    if s + lead < e - trail {
        out.push(base + s + lead..base + e - trail);
    }
}

/// Quoted stretches of a block (absolute ranges, quotes included): “…”, "…", ‘…’ and '…'.
/// An apostrophe inside a word ("Lenin’s") is not a quote.
pub fn quotations(masked: &str, block: Range<usize>) -> Vec<Range<usize>> {
    let text = &masked[block.clone()];
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut open_double: Option<usize> = None;
    let mut open_single: Option<usize> = None;
    let word_before = |p: usize| char_before(text, p).is_some_and(is_alnum);
    let word_after = |e: usize| e < b.len() && is_alnum(char_at(text, e).0);
    // Every quote mark is `"`, `'` or starts with the byte 0xE2 (U+2018 to U+201D): only those
    // bytes are looked at.
    let mut i = 0;
    while let Some(p) = super::find_any3(b, i, b'"', b'\'', 0xE2) {
        i = p + 1;
        let c = match b[p] {
            b'"' => '"',
            b'\'' => '\'',
            _ => {
                let (c, cl) = char_at(text, p);
                i = p + cl;
                c
            }
        };
        let e = i;
        match c {
            '“' => open_double = open_double.or(Some(p)),
            '”' => {
                if let Some(s) = open_double.take() {
                    out.push(block.start + s..block.start + e);
                }
            }
            '"' => match open_double {
                None if !word_before(p) => open_double = Some(p),
                Some(s) => {
                    out.push(block.start + s..block.start + e);
                    open_double = None;
                }
                None => {}
            },
            '‘' => open_single = open_single.or(Some(p)),
            '\'' | '’' => {
                let after = word_after(e);
                if c == '\'' && after && open_single.is_none() && !word_before(p) {
                    open_single = Some(p);
                } else if !after {
                    if let Some(s) = open_single.take() {
                        // "kulaks'" is a possessive, not the end of a quote, unless one is open.
                        out.push(block.start + s..block.start + e);
                    }
                }
            }
            _ => {}
        }
    }
    out.sort_by_key(|r| r.start);
    out
}

#[cfg(test)]
mod tests;
