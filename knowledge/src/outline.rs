//! An essay's outline, as plain data for an editor's document symbols: its headings, nested by
//! level, and under each the paragraphs of its section, each labelled with the side of the
//! debate it argues and the themes of its claims ("continuity · terror: Lenin's Cheka …"). So
//! the outline of an essay is the map of its argument.
//!
//! A paragraph's side is the one it makes more claims for (both sides when even); its themes
//! are the themes of the arguments it makes on that side, most claims first. Headings are read
//! from the source around each block of prose: `#` and underlined headings in Markdown,
//! `\part` to `\subparagraph` and `\title` in LaTeX, and in plain text a `#` line or a short
//! line without a full stop standing alone before more text.
//!
//! [`argued`] is also what the timeline tints its paragraphs by, and [`side_of`] is the one
//! place a claim's side and theme are read.

use std::ops::Range;

use crate::analysis::Analysis;
use crate::base::{KnowledgeBase, Stance};
use crate::claim::Claim;
use crate::text::Format;

/// What one paragraph argues: how many claims it makes on each side, and their themes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Argues {
    pub continuity: usize,
    pub rupture: usize,
    /// The themes of its claims on the side it argues (on both, when even), most claims first.
    pub themes: Vec<String>,
}

/// The side a paragraph argues.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Continuity,
    Rupture,
    Both,
}

impl Argues {
    pub fn side(&self) -> Option<Side> {
        match (self.continuity, self.rupture) {
            (0, 0) => None,
            (c, r) if c > r => Some(Side::Continuity),
            (c, r) if c < r => Some(Side::Rupture),
            _ => Some(Side::Both),
        }
    }

    /// "continuity · terror", "rupture · economy, party", "both sides · terror"; `None` for a
    /// paragraph that makes no claim.
    pub fn label(&self) -> Option<String> {
        let side = match self.side()? {
            Side::Continuity => "continuity",
            Side::Rupture => "rupture",
            Side::Both => "both sides",
        };
        let themes: Vec<&str> = self.themes.iter().take(2).map(String::as_str).collect();
        Some(if themes.is_empty() {
            side.to_string()
        } else {
            format!("{side} · {}", themes.join(", "))
        })
    }
}

/// The side a claim argues and the theme of its argument (`None` for a claim whose argument is
/// not in the base).
pub fn side_of<'k>(kb: &'k KnowledgeBase, c: &Claim) -> Option<(Stance, &'k str)> {
    // Only a whole claim (its side read and its argument found) argues.
    let stance = c.stance.filter(|_| c.is_whole())?;
    let argument = kb.arguments.get(c.argument?)?;
    Some((stance, argument.theme.as_str()))
}

/// What each block of the analysis argues, index for index with `analysis.prose.blocks`. A
/// claim belongs to the block its start is in.
pub fn argued(kb: &KnowledgeBase, analysis: &Analysis) -> Vec<Argues> {
    argued_in(kb, analysis, &analysis.prose.blocks)
}

/// What each of `ranges` (in order, not overlapping) argues.
fn argued_in(kb: &KnowledgeBase, analysis: &Analysis, ranges: &[Range<usize>]) -> Vec<Argues> {
    let mut claims: Vec<Vec<(Stance, &str)>> = vec![Vec::new(); ranges.len()];
    for c in &analysis.claims {
        let Some(side) = side_of(kb, c) else { continue };
        let i = ranges.partition_point(|b| b.end <= c.range.start);
        if ranges.get(i).is_some_and(|b| b.start <= c.range.start) {
            claims[i].push(side);
        }
    }
    claims.into_iter().map(|sides| tally(&sides)).collect()
}

fn tally(sides: &[(Stance, &str)]) -> Argues {
    let count = |s: Stance| sides.iter().filter(|(x, _)| *x == s).count();
    let mut a = Argues {
        continuity: count(Stance::Continuity),
        rupture: count(Stance::Rupture),
        themes: Vec::new(),
    };
    let wanted = match a.side() {
        Some(Side::Continuity) => Some(Stance::Continuity),
        Some(Side::Rupture) => Some(Stance::Rupture),
        _ => None,
    };
    // Themes by how many claims make them, then by where they first come.
    let mut themes: Vec<(&str, usize)> = Vec::new();
    for (stance, theme) in sides {
        if wanted.is_some_and(|w| w != *stance) {
            continue;
        }
        match themes.iter_mut().find(|(t, _)| t == theme) {
            Some((_, n)) => *n += 1,
            None => themes.push((theme, 1)),
        }
    }
    themes.sort_by_key(|t| std::cmp::Reverse(t.1));
    a.themes = themes.into_iter().map(|(t, _)| t.to_string()).collect();
    a
}

/// One entry of the outline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub kind: Kind,
    /// A heading's text; a paragraph's label and first words.
    pub name: String,
    /// A heading's whole section (up to the next heading at its level or above); a paragraph.
    pub range: Range<usize>,
    /// The heading or the paragraph itself.
    pub selection: Range<usize>,
    pub children: Vec<Entry>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Level 0 is the title; 1 the largest heading below it.
    Heading {
        level: u8,
    },
    Paragraph {
        argues: Argues,
    },
}

/// How many characters of a paragraph's opening its name shows.
const OPENING: usize = 60;

/// The outline of an analysed essay (`text` is the essay as the analysis read it).
pub fn outline(kb: &KnowledgeBase, analysis: &Analysis, text: &str, format: Format) -> Vec<Entry> {
    let prose = &analysis.prose;
    let pieces = pieces(text, &prose.blocks, format);
    let argues = argued_in(kb, analysis, &pieces);
    let mut flat = Vec::with_capacity(pieces.len());
    for (i, (block, argues)) in pieces.iter().zip(argues).enumerate() {
        let words = collapsed(&prose.masked[block.clone()]);
        let is_last = i + 1 == pieces.len();
        let entry = match heading_level(text, &words, block, format, is_last) {
            Some(level) => {
                let name = words.trim_start_matches('#').trim().to_string();
                Entry {
                    kind: Kind::Heading { level },
                    name,
                    range: block.clone(),
                    selection: block.clone(),
                    children: Vec::new(),
                }
            }
            None => {
                let opening = shortened(&words, OPENING);
                let name = match argues.label() {
                    Some(label) => format!("{label}: {opening}"),
                    None => opening,
                };
                Entry {
                    kind: Kind::Paragraph { argues },
                    name,
                    range: block.clone(),
                    selection: block.clone(),
                    children: Vec::new(),
                }
            }
        };
        flat.push(entry);
    }
    nest(flat)
}

/// The blocks as the outline reads them: a LaTeX heading's block that runs on past the
/// heading's closing brace (the scanner keeps `\\section[short]{…}` and the text after it
/// together) is cut there, the rest a paragraph of its own.
fn pieces(text: &str, blocks: &[Range<usize>], format: Format) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(blocks.len());
    for b in blocks {
        let line_start = text[..b.start].rfind('\n').map_or(0, |i| i + 1);
        let opens = text[line_start..b.start].trim_end().ends_with('{');
        let close = if format == Format::Latex && opens { closing_brace(text, b) } else { None };
        let rest = close
            .map(|c| c + 1 + (text[c + 1..b.end].len() - text[c + 1..b.end].trim_start().len()));
        match (close, rest) {
            (Some(c), Some(r)) if r < b.end => {
                out.push(b.start..c);
                out.push(r..b.end);
            }
            _ => out.push(b.clone()),
        }
    }
    out
}

/// The `}` inside `block` that closes the group open at its start (escaped braces skipped).
fn closing_brace(text: &str, block: &Range<usize>) -> Option<usize> {
    let mut depth = 0usize;
    let mut escaped = false;
    for (i, c) in text[block.clone()].char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '{' => depth += 1,
            '}' if depth == 0 => return Some(block.start + i),
            '}' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// Puts each entry under the nearest heading before it of a smaller level, and stretches each
/// heading's range over its section.
fn nest(flat: Vec<Entry>) -> Vec<Entry> {
    let mut top: Vec<Entry> = Vec::new();
    // Open headings, outermost first.
    let mut open: Vec<Entry> = Vec::new();
    let close = |open: &mut Vec<Entry>, top: &mut Vec<Entry>| {
        if let Some(mut done) = open.pop() {
            if let Some(last) = done.children.last() {
                done.range.end = done.range.end.max(last.range.end);
            }
            match open.last_mut() {
                Some(parent) => parent.children.push(done),
                None => top.push(done),
            }
        }
    };
    for e in flat {
        match e.kind {
            Kind::Heading { level } => {
                while open
                    .last()
                    .is_some_and(|h| matches!(h.kind, Kind::Heading { level: l } if l >= level))
                {
                    close(&mut open, &mut top);
                }
                open.push(e);
            }
            Kind::Paragraph { .. } => match open.last_mut() {
                Some(h) => h.children.push(e),
                None => top.push(e),
            },
        }
    }
    while !open.is_empty() {
        close(&mut open, &mut top);
    }
    top
}

/// The level of the heading `block` is, if it is one.
fn heading_level(
    text: &str,
    words: &str,
    block: &Range<usize>,
    format: Format,
    is_last: bool,
) -> Option<u8> {
    let one_line = !text.get(block.clone())?.contains('\n');
    let line_start = text[..block.start].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[line_start..block.start];
    match format {
        Format::Markdown => {
            let lead = before.trim_start_matches([' ', '>']);
            let hashes = lead.trim_end().len();
            if one_line
                && (1..=6).contains(&hashes)
                && lead.trim_end().bytes().all(|b| b == b'#')
                && lead.ends_with([' ', '\t'])
            {
                return Some(hashes as u8);
            }
            let after = text.get(block.end..)?;
            let next = after.strip_prefix("\r\n").or_else(|| after.strip_prefix('\n'))?;
            let underline = next.lines().next().unwrap_or("").trim();
            let plain = before.trim().is_empty();
            match underline.bytes().next() {
                Some(c @ (b'=' | b'-')) if plain && underline.bytes().all(|b| b == c) => {
                    Some(if c == b'=' { 1 } else { 2 })
                }
                _ => None,
            }
        }
        Format::Latex => {
            let open = before.trim_end().strip_suffix('{')?;
            let open = match open.strip_suffix(']') {
                Some(rest) => &rest[..rest.rfind('[')?],
                None => open,
            };
            let name = open.trim_end_matches('*').rsplit('\\').next()?;
            const LEVELS: [&str; 8] = [
                "title",
                "part",
                "chapter",
                "section",
                "subsection",
                "subsubsection",
                "paragraph",
                "subparagraph",
            ];
            LEVELS.iter().position(|l| *l == name).map(|l| l as u8)
        }
        Format::Plain => {
            let hashes = words.bytes().take_while(|b| *b == b'#').count();
            if one_line && (1..=6).contains(&hashes) && words[hashes..].starts_with(' ') {
                return Some(hashes as u8);
            }
            let short = words.split_whitespace().count() <= 12;
            let unfinished =
                !words.ends_with(['.', '!', '?', ':', ';', ',', '"', '”', '’', ')', '…']);
            let starts =
                words.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
            let listed = words.starts_with(['-', '*', '•', '+']) || numbered(words);
            (one_line && short && unfinished && starts && !listed && !is_last).then_some(1)
        }
    }
}

/// "1. ", "12) ": a numbered list item.
fn numbered(words: &str) -> bool {
    let digits = words.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && words[digits..].starts_with(['.', ')'])
}

/// The text with its runs of white space made one space.
fn collapsed(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// At most `max` characters, with "…" when cut.
fn shortened(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", s[..at].trim_end()),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use expect_test::{expect, Expect};

    use super::*;
    use crate::analysis::{analyze, Cache};
    use crate::checks::testing::kb;
    use crate::config::Config;

    /// The outline drawn as an indented list: "# level name" for a heading, "¶ name" for a
    /// paragraph, each with its text's first words when the range is not the selection.
    fn drawn(text: &str, format: Format) -> String {
        let a = analyze(kb(), text, format, &Config::default(), &mut Cache::default());
        let mut out = String::new();
        fn walk(entries: &[Entry], depth: usize, text: &str, out: &mut String) {
            for e in entries {
                let mark = match &e.kind {
                    Kind::Heading { level } => format!("#{level}"),
                    Kind::Paragraph { .. } => "¶".to_string(),
                };
                let span = if e.range == e.selection {
                    String::new()
                } else {
                    let end = text[..e.range.end].split_whitespace().last().unwrap_or("");
                    format!("  (to “{end}”)")
                };
                out.push_str(&format!("{}{mark} {}{span}\n", "  ".repeat(depth), e.name));
                walk(&e.children, depth + 1, text, out);
            }
        }
        walk(&outline(kb(), &a, text, format), 0, text, &mut out);
        out
    }

    fn check(text: &str, format: Format, expected: Expect) {
        expected.assert_eq(&drawn(text, format));
    }

    #[test]
    fn a_markdown_essay_is_its_sections_and_the_sides_its_paragraphs_argue() {
        check(
            "# Did Leninism lead to Stalinism?\n\n\
             Historians have argued over this question for a century.\n\n\
             ## The terror\n\n\
             Lenin's terror made Stalin's terror inevitable.\n\n\
             Stalin's terror differed from Lenin's in scale: the Great Terror killed far more people than the Red Terror.\n\n\
             ## A betrayal\n\n\
             Stalin betrayed Lenin's revolution.\n",
            Format::Markdown,
            expect![[r#"
                #1 Did Leninism lead to Stalinism?  (to “revolution.”)
                  ¶ Historians have argued over this question for a century.
                  #2 The terror  (to “Terror.”)
                    ¶ continuity · terror: Lenin's terror made Stalin's terror inevitable.
                    ¶ rupture · terror: Stalin's terror differed from Lenin's in scale: the Great Te…
                  #2 A betrayal  (to “revolution.”)
                    ¶ rupture · internationalism: Stalin betrayed Lenin's revolution.
            "#]],
        );
    }

    #[test]
    fn underlined_headings_and_paragraphs_before_any_heading() {
        check(
            "Trotsky was exiled in 1929.\n\nThe state\n=========\n\nLenin's terror made Stalin's terror inevitable.\n\nNotes\n-----\n\nKirov was shot.\n",
            Format::Markdown,
            expect![[r#"
                ¶ Trotsky was exiled in 1929.
                #1 The state  (to “shot.”)
                  ¶ continuity · terror: Lenin's terror made Stalin's terror inevitable.
                  #2 Notes  (to “shot.”)
                    ¶ Kirov was shot.
            "#]],
        );
    }

    #[test]
    fn latex_sections_nest_and_a_starred_or_titled_one_counts() {
        check(
            "\\title{Leninism and Stalinism}\n\\begin{document}\n\\section{Terror}\nLenin's terror made Stalin's terror inevitable.\n\n\\subsection*{Scale}\nStalin betrayed Lenin's revolution.\n\n\\section[Short]{The party}\nTrotsky was exiled.\n\\end{document}\n",
            Format::Latex,
            expect![[r#"
                #0 Leninism and Stalinism  (to “exiled.”)
                  #3 Terror  (to “revolution.”)
                    ¶ continuity · terror: Lenin's terror made Stalin's terror inevitable.
                    #4 Scale  (to “revolution.”)
                      ¶ rupture · internationalism: Stalin betrayed Lenin's revolution.
                  #3 The party  (to “exiled.”)
                    ¶ Trotsky was exiled.
            "#]],
        );
    }

    #[test]
    fn plain_text_headings_are_hash_lines_or_short_lines_standing_alone() {
        check(
            "# Leninism\n\nIntroduction\n\nLenin's terror made Stalin's terror inevitable.\n\nKirov was shot\n",
            Format::Plain,
            expect![[r#"
                #1 Leninism
                #1 Introduction  (to “shot”)
                  ¶ continuity · terror: Lenin's terror made Stalin's terror inevitable.
                  ¶ Kirov was shot
            "#]],
        );
    }

    #[test]
    fn what_is_not_a_heading() {
        // A list item, a sentence with its full stop, a Markdown paragraph over two lines, a
        // "#" in the middle of a line, and emphasis alone on a line.
        check(
            "- Lenin died\n\nStalin won.\n\nKirov was\nshot.\n\nIssue #3 of Pravda\n\n**Terror**\n",
            Format::Markdown,
            expect![[r#"
                ¶ Lenin died
                ¶ Stalin won.
                ¶ Kirov was shot.
                ¶ Issue #3 of Pravda
                ¶ Terror
            "#]],
        );
        check(
            "1. Lenin died\n\nStalin won.\n\nNotes on Kirov\n",
            Format::Plain,
            expect![[r#"
            ¶ 1. Lenin died
            ¶ Stalin won.
            ¶ Notes on Kirov
        "#]],
        );
    }

    #[test]
    fn a_paragraph_on_both_sides_is_labelled_so() {
        let kb = kb();
        let even = Argues { continuity: 1, rupture: 1, themes: vec!["terror".into()] };
        assert_eq!(even.label().as_deref(), Some("both sides · terror"));
        assert_eq!(Argues::default().label(), None);
        let themes = tally(&[
            (Stance::Rupture, "party"),
            (Stance::Continuity, "terror"),
            (Stance::Rupture, "economy"),
            (Stance::Rupture, "economy"),
        ]);
        assert_eq!(themes.label().as_deref(), Some("rupture · economy, party"));
        assert!(!kb.arguments.is_empty());
    }
}
