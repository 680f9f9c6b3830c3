//! Writing the `clio-disable` comments that [`regions`](super::regions) reads, for the quick
//! fixes "don't check this line for CODE" and "don't check this file for CODE": where the
//! comment goes and how it is written in the document's own syntax (`<!-- … -->` in Markdown,
//! `% …` in LaTeX, a line of its own in plain text).
//!
//! A line's comment goes on the line before it. Inside a paragraph that runs over several
//! lines, Markdown and LaTeX take it at the end of the line before, so that the paragraph stays
//! one (a Markdown comment on a line of its own would split the paragraph in two, and either
//! would split it for the analysis); at a paragraph's first line, and always in plain text, it
//! takes a line of its own, indented as the line it speaks for. A file's comment goes first
//! (after Markdown's front matter), or joins the `clio-disable` comment already there.

use std::ops::Range;

use super::{directive, Format, Prose};

/// What the comment switches off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The line of the finding.
    Line,
    /// The whole document.
    File,
}

/// Replace `range` of the document with `text` (an insertion when the range is empty).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub range: Range<usize>,
    pub text: String,
}

/// The edit that switches `code` off for the line holding byte `at`, or for the whole text.
pub fn disable_comment(
    text: &str,
    prose: &Prose,
    format: Format,
    at: usize,
    code: &str,
    scope: Scope,
) -> Edit {
    match scope {
        Scope::Line => line_comment(text, prose, format, at.min(text.len()), code),
        Scope::File => file_comment(text, format, code),
    }
}

/// `directive` and its codes as a comment of `format`.
fn comment(format: Format, directive: &str, codes: &str) -> String {
    match format {
        Format::Markdown => format!("<!-- {directive} {codes} -->"),
        Format::Latex => format!("% {directive} {codes}"),
        Format::Plain => format!("{directive} {codes}"),
    }
}

fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind('\n').map_or(0, |i| i + 1)
}

fn line_comment(text: &str, prose: &Prose, format: Format, at: usize, code: &str) -> Edit {
    let start = line_start(text, at);
    let directive = comment(format, "clio-disable-next-line", code);
    let i = prose.blocks.partition_point(|b| b.end < at);
    let mid_paragraph = prose.blocks.get(i).is_some_and(|b| b.start < start && at <= b.end);
    if mid_paragraph && format != Format::Plain {
        let end = start - 1 - usize::from(text[..start - 1].ends_with('\r'));
        let before = &text[line_start(text, end)..end];
        // In LaTeX a comment already on that line would swallow this one.
        if format == Format::Markdown || !has_comment(before) {
            return Edit { range: end..end, text: format!(" {directive}") };
        }
    }
    let line = &text[start..];
    let indent_len = line.len()
        - line
            .trim_start_matches(|c: char| {
                c == ' ' || c == '\t' || (c == '>' && format == Format::Markdown)
            })
            .len();
    let eol = if line.split('\n').next().unwrap_or("").ends_with('\r') { "\r\n" } else { "\n" };
    Edit { range: start..start, text: format!("{}{directive}{eol}", &line[..indent_len]) }
}

/// Whether a LaTeX line holds a `%` comment (one not escaped as `\%`).
fn has_comment(line: &str) -> bool {
    let b = line.as_bytes();
    (0..b.len())
        .any(|i| b[i] == b'%' && b[..i].iter().rev().take_while(|c| **c == b'\\').count() % 2 == 0)
}

fn file_comment(text: &str, format: Format, code: &str) -> Edit {
    let at = if format == Format::Markdown { after_front_matter(text) } else { 0 };
    let first = &text[at..];
    let line = first.split('\n').next().unwrap_or("");
    let eol = if line.ends_with('\r') { "\r\n" } else { "\n" };
    let line = line.trim_end_matches('\r');
    if let Some(codes) = file_directive_codes(line, format) {
        let mut codes = codes;
        codes.push(code.to_string());
        let joined = codes.join(" ");
        return Edit { range: at..at + line.len(), text: comment(format, "clio-disable", &joined) };
    }
    Edit { range: at..at, text: format!("{}{eol}", comment(format, "clio-disable", code)) }
}

/// The codes of a `clio-disable CODES` comment making up the whole `line`; `None` for any other
/// line, and for a `clio-disable` of every code (which leaves nothing to add).
fn file_directive_codes(line: &str, format: Format) -> Option<Vec<String>> {
    let inner = match format {
        Format::Markdown => line.trim().strip_prefix("<!--")?.strip_suffix("-->")?,
        Format::Latex => line.trim().strip_prefix('%')?,
        Format::Plain => line,
    };
    match directive(inner)? {
        ("clio-disable", codes) if !codes.is_empty() => Some(codes),
        _ => None,
    }
}

/// Where Markdown's YAML front matter ends (0 when there is none).
fn after_front_matter(text: &str) -> usize {
    let first = text.split('\n').next().unwrap_or("");
    if first.trim_end() != "---" {
        return 0;
    }
    let mut pos = first.len() + 1;
    for line in text.get(pos..).unwrap_or("").split_inclusive('\n') {
        pos += line.len();
        if matches!(line.trim_end(), "---" | "...") {
            return pos.min(text.len());
        }
    }
    0
}

#[cfg(test)]
mod tests {
    use expect_test::{expect, Expect};

    use super::*;
    use crate::text::prose;

    /// The text after the fix for the first "1931", and whether that date is then disabled.
    fn fixed(text: &str, format: Format, scope: Scope) -> String {
        let at = text.find("1931").expect("a 1931");
        let edit = disable_comment(text, &prose(text, format), format, at, "dubious-date", scope);
        let mut out = text.to_string();
        out.replace_range(edit.range.clone(), &edit.text);
        let after = prose(&out, format);
        let now = out.find("1931").expect("still there");
        let off = after.is_disabled(&(now..now + 4), "dubious-date");
        let other = after.is_disabled(&(now..now + 4), "misspelled-name");
        let blocks = after.blocks.len() == prose(text, format).blocks.len();
        let out = out.replace('\r', "\\r");
        format!("{out}---\ndisabled: {off}, other codes: {other}, same blocks: {blocks}\n")
    }

    fn check(text: &str, format: Format, scope: Scope, expected: Expect) {
        expected.assert_eq(&fixed(text, format, scope));
    }

    #[test]
    fn a_line_of_its_own_before_a_paragraphs_first_line() {
        let t = "# Kirov\n\nKirov was murdered in 1931.\n";
        check(
            t,
            Format::Markdown,
            Scope::Line,
            expect![[r#"
            # Kirov

            <!-- clio-disable-next-line dubious-date -->
            Kirov was murdered in 1931.
            ---
            disabled: true, other codes: false, same blocks: true
        "#]],
        );
        check(
            "Kirov was murdered in 1931.\n",
            Format::Latex,
            Scope::Line,
            expect![[r#"
            % clio-disable-next-line dubious-date
            Kirov was murdered in 1931.
            ---
            disabled: true, other codes: false, same blocks: true
        "#]],
        );
        check(
            "Intro.\n\n  Kirov was murdered in 1931.\r\n",
            Format::Plain,
            Scope::Line,
            expect![[r#"
                Intro.

                  clio-disable-next-line dubious-date\r
                  Kirov was murdered in 1931.\r
                ---
                disabled: true, other codes: false, same blocks: true
            "#]],
        );
        check(
            "> Kirov was murdered in 1931.\n",
            Format::Markdown,
            Scope::Line,
            expect![[r#"
            > <!-- clio-disable-next-line dubious-date -->
            > Kirov was murdered in 1931.
            ---
            disabled: true, other codes: false, same blocks: true
        "#]],
        );
    }

    #[test]
    fn inside_a_paragraph_the_comment_ends_the_line_before() {
        let t = "Kirov, the party boss of Leningrad,\nwas murdered in 1931.\n";
        check(
            t,
            Format::Markdown,
            Scope::Line,
            expect![[r#"
            Kirov, the party boss of Leningrad, <!-- clio-disable-next-line dubious-date -->
            was murdered in 1931.
            ---
            disabled: true, other codes: false, same blocks: true
        "#]],
        );
        check(
            t,
            Format::Latex,
            Scope::Line,
            expect![[r#"
            Kirov, the party boss of Leningrad, % clio-disable-next-line dubious-date
            was murdered in 1931.
            ---
            disabled: true, other codes: false, same blocks: true
        "#]],
        );
        // A LaTeX line with a comment already takes no second one; plain text has no other way.
        check(
            "Kirov, % the boss\nwas murdered in 1931.\n",
            Format::Latex,
            Scope::Line,
            expect![[r#"
                Kirov, % the boss
                % clio-disable-next-line dubious-date
                was murdered in 1931.
                ---
                disabled: true, other codes: false, same blocks: false
            "#]],
        );
        check(
            t,
            Format::Plain,
            Scope::Line,
            expect![[r#"
            Kirov, the party boss of Leningrad,
            clio-disable-next-line dubious-date
            was murdered in 1931.
            ---
            disabled: true, other codes: false, same blocks: false
        "#]],
        );
    }

    #[test]
    fn a_files_comment_goes_first_after_front_matter_or_joins_the_one_there() {
        check(
            "Kirov was murdered in 1931.\n",
            Format::Latex,
            Scope::File,
            expect![[r#"
            % clio-disable dubious-date
            Kirov was murdered in 1931.
            ---
            disabled: true, other codes: false, same blocks: true
        "#]],
        );
        let front = "---\ntitle: Kirov\n---\nKirov was murdered in 1931.\n";
        check(
            front,
            Format::Markdown,
            Scope::File,
            expect![[r#"
            ---
            title: Kirov
            ---
            <!-- clio-disable dubious-date -->
            Kirov was murdered in 1931.
            ---
            disabled: true, other codes: false, same blocks: true
        "#]],
        );
        let there = "<!-- clio-disable anachronism -->\nKirov was murdered in 1931.\n";
        check(
            there,
            Format::Markdown,
            Scope::File,
            expect![[r#"
            <!-- clio-disable anachronism dubious-date -->
            Kirov was murdered in 1931.
            ---
            disabled: true, other codes: false, same blocks: true
        "#]],
        );
        check(
            "clio-disable anachronism\nKirov was murdered in 1931.\n",
            Format::Plain,
            Scope::File,
            expect![[r#"
                clio-disable anachronism dubious-date
                Kirov was murdered in 1931.
                ---
                disabled: true, other codes: false, same blocks: true
            "#]],
        );
    }

    #[test]
    fn a_files_comment_and_a_pair_around_a_passage_both_stand() {
        let t = "<!-- clio-disable dubious-date -->\nA 1931.\n\n<!-- clio-disable -->\nB 1931.\n<!-- clio-enable -->\n\nC 1931.\n\n<!-- clio-disable anachronism misspelled-name -->\nD 1931.\n<!-- clio-enable anachronism -->\nE 1931.\n";
        let p = prose(t, Format::Markdown);
        let off = |line: &str, code: &str| {
            let at = t.find(line).expect("the line");
            p.is_disabled(&(at..at + 1), code)
        };
        let dates: Vec<bool> = ["A", "B", "C"].iter().map(|l| off(l, "dubious-date")).collect();
        assert_eq!(dates, [true, true, true], "the passage's enable ends only the passage");
        assert!(off("B", "anachronism") && !off("C", "anachronism"));
        assert!(!off("A", "anachronism"), "the file's region is of one code");
        assert!(off("D", "anachronism") && off("D", "misspelled-name"));
        assert!(!off("E", "anachronism") && off("E", "misspelled-name"));
    }
}
