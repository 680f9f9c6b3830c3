//! The prose of a LaTeX document, found with a small scanner: text and the arguments of
//! prose commands (`\section{}`, `\emph{}`, `\footnote{}`) are kept; command names, the
//! arguments of non-prose commands (`\cite{}`, `\label{}`, `\url{}`), math, verbatim
//! environments and `%` comments are blanked. `% clio-disable` comments switch checks off.
//! Where the scan reaches the line after an empty one with nothing open (no group, math,
//! environment or quotation running on, nothing it looked at lying further on), reading
//! starts afresh (`Part::fresh`): an edit is then read again from the fresh point before it.

use super::{blocks_by_blank_lines, directive, Masker, Part};

/// Commands whose braced arguments are not prose.
const NON_PROSE: &[&str] = &[
    "cite",
    "citep",
    "citet",
    "parencite",
    "textcite",
    "autocite",
    "footcite",
    "nocite",
    "ref",
    "eqref",
    "pageref",
    "autoref",
    "cref",
    "Cref",
    "label",
    "url",
    "href",
    "begin",
    "end",
    "usepackage",
    "documentclass",
    "input",
    "include",
    "includegraphics",
    "bibliography",
    "bibliographystyle",
    "addbibresource",
    "newcommand",
    "renewcommand",
    "providecommand",
    "newenvironment",
    "setlength",
    "setcounter",
    "addtocounter",
    "vspace",
    "hspace",
    "color",
    "textcolor",
    "pagestyle",
    "thispagestyle",
    "geometry",
    "hypersetup",
    "graphicspath",
    "definecolor",
    "DeclareMathOperator",
    "def",
    "let",
    "newtheorem",
    "lstinline",
    "verb",
    "path",
];

/// Environments whose body is not prose.
const NON_PROSE_ENVS: &[&str] = &[
    "equation",
    "equation*",
    "align",
    "align*",
    "gather",
    "gather*",
    "multline",
    "multline*",
    "math",
    "displaymath",
    "verbatim",
    "Verbatim",
    "lstlisting",
    "minted",
    "tikzpicture",
    "comment",
    "eqnarray",
    "eqnarray*",
    "alltt",
    "filecontents",
];

/// Environments that set a quotation apart: read as quotation marks are.
const QUOTE_ENVS: &[&str] = &["quote", "quotation", "displayquote"];

/// Commands that start a new block (a heading, a list item).
const BLOCK_COMMANDS: &[&str] = &[
    "section",
    "subsection",
    "subsubsection",
    "chapter",
    "paragraph",
    "subparagraph",
    "part",
    "item",
    "title",
    "author",
    "date",
    "caption",
    "begin",
    "end",
    "maketitle",
    "footnote",
    "par",
];

pub(super) fn read(text: &str) -> Part {
    let b = text.as_bytes();
    let mut scan = Scan {
        m: Masker::new(text),
        groups: Groups::default(),
        breaks: Vec::new(),
        quotes: Quotes::default(),
        reach: 0,
    };
    scan.m.keep(0..text.len());
    let mut dirs = Vec::new();
    let mut fresh = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\n' => {
                // The line after an empty one, reached with nothing open and nothing looked at
                // beyond it: what comes before reads the same whatever follows, and the reverse.
                let next = i + 2;
                if b.get(i + 1) == Some(&b'\n')
                    && next < b.len()
                    && scan.reach <= next
                    && scan.quotes.depth == 0
                {
                    fresh.push(next);
                }
                i += 1;
            }
            b'%' => {
                let end = text[i..].find('\n').map_or(b.len(), |e| i + e);
                if let Some((kind, codes)) = directive(&text[i + 1..end]) {
                    dirs.push((i, end, kind, codes));
                }
                scan.m.blank(i..end);
                i = end;
            }
            b'\\' => i = mask_command(text, &mut scan, i),
            b'$' => {
                let double = i + 1 < b.len() && b[i + 1] == b'$';
                let open = if double { 2 } else { 1 };
                let delim = if double { "$$" } else { "$" };
                let end = text[i + open..].find(delim).map_or(b.len(), |e| i + open + e + open);
                scan.m.blank(i..end);
                i = end;
            }
            b'{' | b'}' | b'~' | b'&' | b'^' | b'_' => {
                scan.m.blank(i..i + 1);
                i += 1;
            }
            _ => i += 1,
        }
    }
    let Scan { m, mut breaks, quotes, .. } = scan;
    let masked = m.finish();
    breaks.extend(super::list_item_starts(&masked));
    let blocks = blocks_by_blank_lines(&masked, &breaks);
    let quoted = quotes.done;
    Part { masked, blocks, dirs, quoted, fresh, has_references: false, headings: Vec::new() }
}

/// What the scanner builds as it goes: the masked text, where blocks break, the quotation
/// environments; and the groups' ends, found once.
struct Scan<'a> {
    m: Masker<'a>,
    groups: Groups,
    breaks: Vec<usize>,
    quotes: Quotes,
    /// The furthest offset the reading so far depends on, besides where the scan jumped to (a
    /// heading's group may end far beyond it; an environment's name is looked for ahead).
    reach: usize,
}

/// Quotation environments, outermost only: how deep the scan is in them, and where.
#[derive(Default)]
struct Quotes {
    depth: usize,
    start: usize,
    done: Vec<std::ops::Range<usize>>,
}

impl Quotes {
    fn begin(&mut self, at: usize) {
        if self.depth == 0 {
            self.start = at;
        }
        self.depth += 1;
    }

    fn end(&mut self, at: usize) {
        if self.depth == 1 {
            self.done.push(self.start..at);
        }
        self.depth = self.depth.saturating_sub(1);
    }
}

/// Blanks the command, control symbol or display math that starts with the backslash at
/// `start`, with the arguments that are not prose; notes where it starts or ends a block.
/// Returns where the text goes on.
fn mask_command(text: &str, scan: &mut Scan, start: usize) -> usize {
    let b = text.as_bytes();
    let i = start + 1;
    if i >= b.len() {
        scan.m.blank(start..i);
        return i;
    }
    if b[i].is_ascii_alphabetic() {
        return mask_named_command(text, scan, start);
    }
    if b[i] == b'[' || b[i] == b'(' {
        let close = if b[i] == b'[' { "\\]" } else { "\\)" };
        let end = text[i..].find(close).map_or(b.len(), |e| i + e + 2);
        scan.m.blank(start..end);
        return end;
    }
    // \% \& \$ \\ and friends: a symbol, not prose worth checking; keep letters around.
    let len = text[i..].chars().next().map_or(1, char::len_utf8);
    scan.m.blank(start..i + len);
    i + len
}

/// A command with a name (`\section`, `\cite`, `\begin{equation}`): blanked, with its
/// arguments when they are not prose and the whole environment when it is not.
fn mask_named_command(text: &str, scan: &mut Scan, start: usize) -> usize {
    let b = text.as_bytes();
    let mut i = start + 1;
    while i < b.len() && b[i].is_ascii_alphabetic() {
        i += 1;
    }
    let name = &text[start + 1..i];
    if i < b.len() && b[i] == b'*' {
        i += 1;
    }
    scan.m.blank(start..i);
    if BLOCK_COMMANDS.contains(&name) {
        scan.breaks.push(start);
        // A heading's argument is a block of its own.
        let j = skip_spaces(b, i);
        if j < b.len() && b[j] == b'{' && name != "begin" && name != "end" {
            let end = scan.groups.end(b, j);
            scan.breaks.push(end);
            scan.reach = scan.reach.max(end);
        }
    }
    if name == "begin" || name == "end" {
        let (name_found, looked_to) = braced(text, i);
        scan.reach = scan.reach.max(looked_to);
        if let Some((env, after)) = name_found {
            if name == "begin" && NON_PROSE_ENVS.contains(&env) {
                let close = format!("\\end{{{env}}}");
                let end = text[after..].find(&close).map_or(b.len(), |e| after + e + close.len());
                scan.m.blank(start..end);
                scan.breaks.push(end);
                return end;
            }
            if QUOTE_ENVS.contains(&env) {
                if name == "begin" {
                    scan.quotes.begin(start);
                } else {
                    scan.quotes.end(after);
                }
            }
        }
    }
    if NON_PROSE.contains(&name) {
        // Blank every following [opt] and {arg} group.
        loop {
            let j = skip_spaces(b, i);
            if j < b.len() && (b[j] == b'{' || b[j] == b'[') {
                let end = scan.groups.end(b, j);
                scan.m.blank(i..end);
                i = end;
            } else {
                break;
            }
        }
    } else {
        // Optional arguments of prose commands are not prose either.
        let j = skip_spaces(b, i);
        if j < b.len() && b[j] == b'[' {
            let end = scan.groups.end(b, j);
            scan.m.blank(i..end);
            i = end;
        }
    }
    i
}

fn skip_spaces(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
        i += 1;
    }
    i
}

/// Where each `{` and `[` group of the text ends, found in one pass on first use: a scan from
/// each opening to its end would cost the rest of the text for every group left open.
#[derive(Default)]
struct Groups {
    /// Per opening offset (sorted), the end (exclusive) of its group; unclosed ones end the text.
    ends: Option<Vec<(usize, usize)>>,
}

impl Groups {
    /// End (exclusive) of the group opening at `open` (`{` or `[`), respecting nesting and
    /// escapes.
    fn end(&mut self, b: &[u8], open: usize) -> usize {
        let ends = self.ends.get_or_insert_with(|| group_ends(b));
        match ends.binary_search_by_key(&open, |e| e.0) {
            Ok(k) => ends[k].1,
            // Not an opening the scan from the start sees (one after an odd backslash).
            Err(_) => matching(b, open),
        }
    }
}

/// Every group's opening and end, braces and brackets each nested on their own (a `]` never
/// closes a `{`), a backslash escaping the byte after it: what a scan from each opening finds.
fn group_ends(b: &[u8]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut braces: Vec<usize> = Vec::new();
    let mut brackets: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\\' => {
                i += 2;
                continue;
            }
            b'{' => braces.push(out.len()),
            b'[' => brackets.push(out.len()),
            b'}' => {
                if let Some(k) = braces.pop() {
                    out[k].1 = i + 1;
                }
            }
            b']' => {
                if let Some(k) = brackets.pop() {
                    out[k].1 = i + 1;
                }
            }
            _ => {}
        }
        if matches!(b[i], b'{' | b'[') {
            out.push((i, b.len()));
        }
        i += 1;
    }
    out
}

/// End (exclusive) of the group opening at `open` (`{` or `[`), respecting nesting and escapes.
fn matching(b: &[u8], open: usize) -> usize {
    let (o, c) = if b[open] == b'{' { (b'{', b'}') } else { (b'[', b']') };
    let mut depth = 0;
    let mut i = open;
    while i < b.len() {
        if b[i] == b'\\' {
            i += 2;
            continue;
        }
        if b[i] == o {
            depth += 1;
        } else if b[i] == c {
            depth -= 1;
            if depth == 0 {
                return i + 1;
            }
        }
        i += 1;
    }
    b.len()
}

/// `{name}` at `i`: the name and the offset after the closing brace, and how far the text was
/// looked at to find them. Names are short: a brace not closed within `LONGEST_NAME` bytes
/// opens no name (so that a thousand `\begin{` left open do not each scan the rest of the text).
fn braced(text: &str, i: usize) -> (Option<(&str, usize)>, usize) {
    const LONGEST_NAME: usize = 64;
    let Some(rest) = text.get(i..) else { return (None, text.len()) };
    let rest_trim = rest.trim_start();
    let off = i + rest.len() - rest_trim.len();
    if !rest_trim.starts_with('{') {
        return (None, off + 1);
    }
    let window = &rest_trim.as_bytes()[..rest_trim.len().min(LONGEST_NAME + 2)];
    let Some(close) = window.iter().position(|&x| x == b'}') else {
        return (None, off + LONGEST_NAME + 2);
    };
    (Some((&rest_trim[1..close], off + close + 1)), off + close + 1)
}

#[cfg(test)]
mod tests {
    use crate::text::{prose, Format};

    fn show(text: &str) -> String {
        let p = prose(text, Format::Latex);
        p.blocks
            .iter()
            .map(|b| {
                format!(
                    "[{}]",
                    p.masked[b.clone()].split_whitespace().collect::<Vec<_>>().join(" ")
                )
            })
            .collect()
    }

    #[test]
    fn keeps_prose_arguments_drops_commands_and_math() {
        let t = "\\section{Kirov in 1934}\nAs \\textcite{service2004} says, \\emph{Stalin} won $x^{1931}$ in \\cite[p.~3]{kirov1931}.\n% Kirov 1931 in a comment\n\\begin{equation}1931\\end{equation}\n\\url{http://kirov.org/1931} ends.\n";
        expect_test::expect!["[Kirov in 1934][As says, Stalin won in .][ends.]"]
            .assert_eq(&show(t));
    }

    /// The blocks, those in a quotation environment marked `>`.
    fn quoted(text: &str) -> String {
        let p = prose(text, Format::Latex);
        let quoted = p.quoted_blocks();
        p.blocks
            .iter()
            .zip(quoted)
            .map(|(b, q)| {
                let words = p.masked[b.clone()].split_whitespace().collect::<Vec<_>>().join(" ");
                format!("[{}{words}]", if q { ">" } else { "" })
            })
            .collect()
    }

    #[test]
    fn quotation_environments_are_quotations_and_nothing_else_is() {
        let t = "Kirov died in 1934.\n\\begin{quote}\nKirov died in 1931.\n\n\\begin{quotation}Inner.\\end{quotation} Still quoted.\n\\end{quote}\nAfter.\n\\begin{displayquote}Shown.\\end{displayquote}\n\\begin{itemize}\n\\item Listed in 1931.\n\\end{itemize}\n\\begin{quote\n";
        expect_test::expect!["[Kirov died in 1934.][>Kirov died in 1931.][>Inner. Still quoted.][After.][>Shown.][Listed in 1931.]"]
            .assert_eq(&quoted(t));
    }

    #[test]
    fn disable_comments() {
        let t = "Kirov 1931.\n% clio-disable\nKirov 1931.\n% clio-enable\nKirov 1931.\n";
        let p = prose(t, Format::Latex);
        let starts: Vec<usize> = t.match_indices("Kirov").map(|(i, _)| i).collect();
        let dis: Vec<bool> =
            starts.iter().map(|&s| p.is_disabled(&(s..s + 5), "dubious-date")).collect();
        assert_eq!(dis, vec![false, true, false]);
    }
}
