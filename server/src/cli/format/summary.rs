//! The end of a run in words: how many files, findings by severity and by code, the time
//! taken, and every path that could not be checked with the reason.

use knowledge::Code;

use super::{clean, RunEnd};
use crate::cli::checked::{severity_name, SEVERITIES};

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The totals, ending with a newline.
pub fn text(end: &RunEnd, color: bool) -> String {
    let bold = |s: String| if color { format!("\x1b[1m{s}\x1b[0m") } else { s };
    let c = end.counts;
    let mut out = String::new();
    let found = if c.findings() == 0 {
        "no findings".to_string()
    } else {
        format!(
            "{} in {}",
            plural(c.findings(), "finding", "findings"),
            plural(c.files_with_findings, "file", "files")
        )
    };
    out.push_str(&bold(format!(
        "Checked {} in {:.2} s: {found}.",
        plural(c.files, "file", "files"),
        end.elapsed.as_secs_f64()
    )));
    out.push('\n');
    if c.findings() > 0 {
        let by_severity: Vec<String> = SEVERITIES
            .iter()
            .zip(c.by_severity)
            .filter(|(_, n)| *n > 0)
            .map(|(s, n)| match severity_name(*s) {
                "information" => format!("{n} information"),
                name => plural(n, name, &format!("{name}s")),
            })
            .collect();
        out.push_str(&format!("  by severity: {}\n", by_severity.join(" · ")));
        let mut by_code: Vec<(Code, usize)> =
            Code::ALL.iter().copied().zip(c.by_code).filter(|(_, n)| *n > 0).collect();
        by_code.sort_by_key(|(code, n)| (std::cmp::Reverse(*n), *code));
        let by_code: Vec<String> =
            by_code.iter().map(|(code, n)| format!("{} {n}", code.as_str())).collect();
        out.push_str(&format!("  by code:     {}\n", by_code.join(" · ")));
    }
    out
}

/// Every path that could not be checked and every wrong setting, with the reason; empty
/// when there are none.
pub fn errors(end: &RunEnd, color: bool) -> String {
    let red = |s: &str| if color { format!("\x1b[1;31m{s}\x1b[0m") } else { s.to_string() };
    let mut out = String::new();
    let failed = end.errors.len() + end.setup_errors.len();
    if failed > 0 {
        out.push_str(&format!(
            "{} not be checked as asked:\n",
            plural(failed, "thing could", "things could")
        ));
        for e in end.setup_errors {
            out.push_str(&format!("  {}: {}\n", red("error"), clean(e)));
        }
        for e in end.errors {
            out.push_str(&format!(
                "  {}: {}: {}\n",
                red("error"),
                clean(&e.path.display().to_string()),
                clean(&e.reason)
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::checked::Counts;
    use crate::cli::inputs::InputError;
    use expect_test::expect;
    use std::time::Duration;

    #[test]
    fn totals_by_severity_and_code_then_what_failed() {
        let counts = Counts {
            files: 3,
            files_with_findings: 2,
            by_code: [4, 0, 1, 0, 4, 0, 0],
            by_severity: [0, 8, 1, 0],
        };
        let failed = [InputError { path: "gone.md".into(), reason: "no such file".into() }];
        let end = RunEnd {
            counts: &counts,
            errors: &failed,
            setup_errors: &[],
            elapsed: Duration::from_millis(1234),
        };
        expect![[r#"
            Checked 3 files in 1.23 s: 9 findings in 2 files.
              by severity: 8 warnings · 1 information
              by code:     dubious-date 4 · misspelled-name 4 · contested-figure 1
            1 thing could not be checked as asked:
              error: gone.md: no such file
        "#]]
        .assert_eq(&(text(&end, false) + &errors(&end, false)));
        let none = Counts { files: 1, ..Counts::default() };
        let end = RunEnd { counts: &none, errors: &[], setup_errors: &[], elapsed: end.elapsed };
        assert_eq!(text(&end, false), "Checked 1 file in 1.23 s: no findings.\n");
        assert_eq!(errors(&end, false), "");
    }
}
