//! `--format github`: GitHub Actions workflow commands, one a line, which the runner shows as
//! annotations on the files: `::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::
//! message`. Information and hints are notices. Values are escaped as the runner expects
//! (`%`, CR and LF everywhere; `:` and `,` in properties too); paths that could not be
//! checked are `::error` lines.

use knowledge::Severity;

use super::{clean, slash_path, Render, RunEnd};
use crate::cli::checked::Checked;

pub struct Github;

/// Escapes a command's message.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a command's property value.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

impl Render for Github {
    fn file(&self, c: &Checked) -> String {
        let file = escape_property(&clean(&slash_path(c.path)));
        let mut out = String::new();
        for (f, s) in c.analysis.findings.iter().zip(&c.severity) {
            let kind = match s {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Information | Severity::Hint => "notice",
            };
            let (a, b) = (c.lines().pos(f.range.start), c.lines().pos(f.range.end));
            out.push_str(&format!(
                "::{kind} file={file},line={},col={},endLine={},endColumn={},title={}::{}\n",
                a.line,
                a.column,
                b.line,
                b.column,
                escape_property(&format!("clio {}", f.code.as_str())),
                escape_data(&clean(&f.message)),
            ));
        }
        out
    }

    fn tail(&self, end: &RunEnd) -> String {
        let mut out = String::new();
        for e in end.errors {
            out.push_str(&format!(
                "::error file={},title=clio::{}\n",
                escape_property(&clean(&slash_path(&e.path))),
                escape_data(&clean(&e.reason))
            ));
        }
        for m in end.setup_errors {
            out.push_str(&format!("::error title=clio::{}\n", escape_data(&clean(m))));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_escaped_as_the_runner_reads_them() {
        assert_eq!(escape_data("50% of\r\nthem: a, b"), "50%25 of%0D%0Athem: a, b");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
