//! The prose of a Markdown document, found with pulldown-cmark: text of paragraphs, headings,
//! list items, quotations and tables; never code, HTML, autolinks, link targets or math.

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use super::{blocks_by_blank_lines, directive, Directive, Masker, Part};

/// Reads a Markdown text: a whole document, or a stretch of one that starts where the parser
/// starts afresh (`Part::fresh`).
pub(super) fn read(text: &str) -> Part {
    let mut m = Masker::new(text);
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_FOOTNOTES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    opts.insert(Options::ENABLE_MATH);
    opts.insert(Options::ENABLE_YAML_STYLE_METADATA_BLOCKS);
    let mut walk = Walk::default();
    for (ev, range) in Parser::new_ext(text, opts).into_offset_iter() {
        match ev {
            Event::Start(tag) => walk.start(text, &tag, range),
            Event::End(tag) => walk.end(tag, range),
            Event::Text(_) if walk.in_prose() => m.keep(range),
            Event::Html(html) | Event::InlineHtml(html) => walk.html(&html, range),
            _ => {}
        }
    }
    let masked = m.finish();
    let Walk { mut breaks, dirs, quoted, fresh, .. } = walk;
    // Blocks: blank-line separated runs, cut again wherever Markdown starts or ends a block.
    breaks.sort_unstable();
    breaks.dedup();
    let mut blocks = Vec::new();
    for b in blocks_by_blank_lines(&masked, &breaks) {
        split_at(&masked, b, &breaks, &mut blocks);
    }
    let has_references = text.contains("]:");
    Part { masked, blocks, dirs, quoted, fresh, has_references, headings: Vec::new() }
}

/// What the walk over the parser's events gathers, and what it is inside.
#[derive(Default)]
struct Walk {
    /// Where Markdown starts or ends a block.
    breaks: Vec<usize>,
    dirs: Vec<Directive>,
    /// Blockquotes, outermost only.
    quoted: Vec<Range<usize>>,
    fresh: Vec<usize>,
    in_code: usize,
    in_autolink: usize,
    in_meta: usize,
    in_quote: usize,
    /// How many blocks and inlines are open: a paragraph that opens with none open, on a line
    /// of its own after an empty line, starts where nothing before it can reach.
    open: usize,
}

impl Walk {
    /// Is text met now prose (not code, an autolink or metadata)?
    fn in_prose(&self) -> bool {
        self.in_code == 0 && self.in_autolink == 0 && self.in_meta == 0
    }

    fn start(&mut self, text: &str, tag: &Tag, range: Range<usize>) {
        if self.open == 0 && matches!(tag, Tag::Paragraph) && starts_afresh(text, range.start) {
            self.fresh.push(range.start);
        }
        self.open += 1;
        match tag {
            Tag::BlockQuote(_) => {
                if self.in_quote == 0 {
                    self.quoted.push(range.clone());
                }
                self.in_quote += 1;
            }
            Tag::CodeBlock(_) => self.in_code += 1,
            Tag::MetadataBlock(_) => self.in_meta += 1,
            Tag::Link { link_type: LinkType::Autolink | LinkType::Email, .. } => {
                self.in_autolink += 1
            }
            _ => {}
        }
        if matches!(
            tag,
            Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::Item
                | Tag::TableCell
                | Tag::BlockQuote(_)
                | Tag::CodeBlock(_)
                | Tag::FootnoteDefinition(_)
        ) {
            self.breaks.push(range.start);
        }
    }

    fn end(&mut self, tag: TagEnd, range: Range<usize>) {
        self.open = self.open.saturating_sub(1);
        match tag {
            TagEnd::BlockQuote(_) => self.in_quote = self.in_quote.saturating_sub(1),
            TagEnd::CodeBlock => self.in_code = self.in_code.saturating_sub(1),
            TagEnd::MetadataBlock(_) => self.in_meta = self.in_meta.saturating_sub(1),
            TagEnd::Link if self.in_autolink > 0 => self.in_autolink -= 1,
            _ => {}
        }
        if matches!(
            tag,
            TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
        ) {
            self.breaks.push(range.end);
        }
    }

    /// An HTML comment may be a `clio-disable` directive.
    fn html(&mut self, html: &str, range: Range<usize>) {
        let s = html.trim();
        if let Some(inner) = s.strip_prefix("<!--").and_then(|r| r.trim_end().strip_suffix("-->")) {
            if let Some((kind, codes)) = directive(inner) {
                self.dirs.push((range.start, range.end, kind, codes));
            }
        }
    }
}

/// Does the line at `at` open with a letter after an empty line? Such a line, read by a parser
/// with nothing open, is read the same whatever came before it.
fn starts_afresh(text: &str, at: usize) -> bool {
    at >= 2
        && text.as_bytes()[..at].ends_with(b"\n\n")
        && text.as_bytes().get(at).is_some_and(u8::is_ascii_alphabetic)
}

/// Cuts block `b` at the breaks inside it (`breaks` sorted, without repeats) into `out`.
fn split_at(masked: &str, b: Range<usize>, breaks: &[usize], out: &mut Vec<Range<usize>>) {
    let first = breaks.partition_point(|&x| x <= b.start);
    let inside = breaks[first..].iter().copied().take_while(|&x| x < b.end);
    let mut s = b.start;
    for c in inside.chain(std::iter::once(b.end)) {
        let piece = &masked[s..c];
        let lead = piece.len() - piece.trim_start().len();
        let trail = piece.len() - piece.trim_end().len();
        if s + lead < c - trail {
            out.push(s + lead..c - trail);
        }
        s = c;
    }
}

#[cfg(test)]
mod tests {
    use crate::text::{prose, Format};

    fn show(text: &str) -> String {
        let p = prose(text, Format::Markdown);
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
    fn keeps_prose_drops_code_and_links() {
        let t = "# Kirov in 1934\n\nSee `Kirov 1931` and [Lenin](https://en.org/Lenin_1931) or <https://x.org/1931>.\n\n```\nStalin 1931\n```\n\n> Trotsky wrote\n\n- item *one*\n- Zinoviev $x=1931$\n";
        expect_test::expect![
            "[Kirov in 1934][See and Lenin or .][Trotsky wrote][item one][Zinoviev]"
        ]
        .assert_eq(&show(t));
    }

    /// The blocks, those in a blockquote marked `>`.
    fn quoted(text: &str) -> String {
        let p = prose(text, Format::Markdown);
        let quoted = p.quoted_blocks();
        p.blocks
            .iter()
            .zip(quoted)
            .map(|(b, q)| format!("{}{} ", if q { ">" } else { "" }, p.masked[b.clone()].trim()))
            .collect()
    }

    #[test]
    fn blockquotes_are_quotations_and_nothing_else_is() {
        let t = "Kirov died in 1934.\n\n> Kirov died in 1931.\n> So it was.\n\nA > B in 1931.\n\n> > Nested.\n> Outer.\n\n- > In a list.\n\nEnd.\n\n    > code\n";
        expect_test::expect!["Kirov died in 1934. >Kirov died in 1931. >So it was. A > B in 1931. >Nested. >Outer. >In a list. End. "]
            .assert_eq(&quoted(t));
    }

    #[test]
    fn disable_comments() {
        let t = "Kirov 1931.\n\n<!-- clio-disable -->\nKirov 1931.\n<!-- clio-enable -->\n\nKirov 1931.\n<!-- clio-disable-next-line dubious-date -->\nKirov 1931.\n";
        let p = prose(t, Format::Markdown);
        let starts: Vec<usize> = t.match_indices("Kirov").map(|(i, _)| i).collect();
        let dis: Vec<bool> =
            starts.iter().map(|&s| p.is_disabled(&(s..s + 5), "dubious-date")).collect();
        assert_eq!(dis, vec![false, true, false, true]);
        assert!(!p.is_disabled(&(starts[3]..starts[3] + 5), "misspelled-name"));
    }
}
