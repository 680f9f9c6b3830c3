//! Findings for people, in the manner of rustc and ruff: `path:line:col: severity[code]:
//! message`, then the source line with carets under the span (annotate-snippets), each fix as
//! `help: replace with …`, and other counterpoints as notes. Colour only when asked for
//! (`--color`, or a terminal without NO_COLOR); the summary comes from `summary.rs`.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use knowledge::{Finding, Fix, Severity};

use super::{clean, shorten, summary, Render, RunEnd};
use crate::cli::checked::Checked;

pub struct Human {
    pub color: bool,
    renderer: Renderer,
}

impl Human {
    pub fn new(color: bool) -> Human {
        let renderer = if color { Renderer::styled() } else { Renderer::plain() };
        Human { color, renderer }
    }

    fn paint(&self, text: &str, ansi: &str) -> String {
        if self.color {
            format!("\x1b[{ansi}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    fn finding(&self, c: &Checked, f: &Finding, severity: Severity) -> String {
        let pos = c.lines().pos(f.range.start);
        let (word, ansi, level) = match severity {
            Severity::Error => ("error", "1;31", Level::ERROR),
            Severity::Warning => ("warning", "1;33", Level::WARNING),
            Severity::Information => ("info", "1;34", Level::INFO),
            Severity::Hint => ("hint", "1;36", Level::NOTE),
        };
        let mut out = format!(
            "{}:{}:{}: {}{}: {}\n",
            self.paint(&clean(&c.path.display().to_string()), "1"),
            pos.line,
            pos.column,
            self.paint(word, ansi),
            self.paint(&format!("[{}]", f.code.as_str()), ansi),
            self.paint(&clean(&f.message), "1"),
        );
        let (excerpt, first_line) = c.lines().excerpt(&c.text, &f.range);
        let source = clean(&c.text[excerpt.clone()]);
        let span = f.range.start - excerpt.start..f.range.end.min(excerpt.end) - excerpt.start;
        let snippet = Snippet::source(source.as_ref())
            .line_start(first_line)
            .annotation(AnnotationKind::Primary.span(span));
        let helps: Vec<String> = f.fixes.iter().take(3).map(|x| help(&c.text, x)).collect();
        let notes: Vec<String> =
            f.related.iter().take(2).map(|r| clean(&shorten(&r.message, 200)).into()).collect();
        let mut group = Group::with_level(level).element(snippet);
        for h in &helps {
            group = group.element(Level::HELP.message(h.as_str()));
        }
        for n in &notes {
            group = group.element(Level::NOTE.message(n.as_str()));
        }
        out.push_str(&self.renderer.render(&[group]));
        out.push_str("\n\n");
        out
    }
}

/// A fix in words: what it replaces the span with, or what it inserts.
fn help(text: &str, fix: &Fix) -> String {
    let new = clean(&shorten(fix.replacement.trim(), 120)).into_owned();
    if fix.range.is_empty() {
        format!("insert “{new}”")
    } else if new.is_empty() {
        let old = text.get(fix.range.clone()).unwrap_or("");
        format!("delete “{}”", clean(&shorten(old, 60)))
    } else {
        format!("replace with “{new}”")
    }
}

impl Render for Human {
    fn file(&self, c: &Checked) -> String {
        let mut out = String::new();
        for (f, s) in c.analysis.findings.iter().zip(&c.severity) {
            out.push_str(&self.finding(c, f, *s));
        }
        out
    }

    fn tail(&self, end: &RunEnd) -> String {
        summary::text(end, self.color)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::checked;
    use crate::cli::project::Project;
    use crate::config::{Rules, Settings};
    use expect_test::expect;

    fn rendered(text: &str, color: bool) -> String {
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let dir = std::env::temp_dir().join(format!("clio-human-{}-{n}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a folder");
        let path = dir.join("essay.md");
        std::fs::write(&path, text).expect("the essay");
        let kb = knowledge::Prepared::embedded();
        let project = Project { kb, rules: Rules::new(&Settings::default(), &[]) };
        let c = checked::check(&path, &project).expect("checked");
        let out = Human::new(color).file(&c);
        std::fs::remove_dir_all(&dir).expect("clean up");
        out.replace(&dir.display().to_string(), "DIR")
    }

    #[test]
    fn a_finding_shows_its_line_carets_and_fix() {
        let text =
            "# Kirov\n\nIn the end Kirov was murdered in 1931, and Stallin’s men were blamed.\n";
        expect![[r#"
            DIR/essay.md:3:34: warning[dubious-date]: Sergei Kirov was assassinated on 1 December 1934 (fact base; essays 000, 002), not 1931.
              |
            3 | In the end Kirov was murdered in 1931, and Stallin’s men were blamed.
              |                                  ^^^^
              |
              = help: replace with “1934”

            DIR/essay.md:3:44: warning[misspelled-name]: “Stallin” looks like a misspelling of Stalin (Joseph Stalin)
              |
            3 | In the end Kirov was murdered in 1931, and Stallin’s men were blamed.
              |                                            ^^^^^^^
              |
              = help: replace with “Stalin”

        "#]]
        .assert_eq(&rendered(text, false));
    }

    #[test]
    fn colour_is_escape_codes_around_the_parts() {
        let out = rendered("Kirov was murdered in 1931.\n", true);
        assert!(out.contains("\u{1b}[1;33mwarning\u{1b}[0m"), "{out}");
        assert!(rendered("Kirov was murdered in 1931.\n", false).find('\u{1b}').is_none());
    }
}
