//! `report` on a terminal: one line per essay (findings by code, the argument balance, dated
//! claims by verdict), then the class's most common slips.

use std::fmt::Write;

use knowledge::timeline::Verdict;
use knowledge::Code;

use super::Report;
use crate::cli::checked::code_index;
use crate::cli::format::{clean, shorten};

/// Short column heads for the codes, in `Code::ALL` order.
const HEADS: [&str; Code::ALL.len()] =
    ["date", "figure", "contested", "anachr.", "name", "counter", "unchecked"];

pub fn text(r: &Report) -> String {
    let mut out = String::new();
    let width = r.essays.iter().map(|e| e.path.display().to_string().chars().count()).max();
    let width = width.unwrap_or(5).clamp(5, 40);
    let _ = write!(out, "{:<width$}", "essay");
    for h in HEADS {
        let _ = write!(out, " {h:>9}");
    }
    let _ = writeln!(out, " {:>9} {:>7} {:>13}", "continuity", "rupture", "dates ✓/✗/?");
    for e in &r.essays {
        let name = e.path.display().to_string();
        let _ = write!(out, "{:<width$}", clean(&shorten(&name, width)));
        for code in Code::ALL {
            let _ = write!(out, " {:>9}", e.counts.by_code[code_index(code)]);
        }
        let n = |v: Verdict| e.timeline.claims.iter().filter(|c| c.verdict == v).count();
        let dates =
            format!("{}/{}/{}", n(Verdict::Matches), n(Verdict::Contradicts), n(Verdict::Unknown));
        let _ = writeln!(out, " {:>10} {:>7} {dates:>13}", e.continuity, e.rupture);
    }
    let shared: Vec<&super::Slip> = r.slips.iter().filter(|s| s.essays.len() > 1).collect();
    if !shared.is_empty() {
        let _ = writeln!(out, "\nMost common slips:");
        for s in shared.iter().take(10) {
            let _ = writeln!(
                out,
                "  {} of {} essays [{}]: {}",
                s.essays.len(),
                r.essays.len(),
                s.code.as_str(),
                clean(&shorten(&s.message, 160))
            );
        }
    }
    let single = r.slips.len() - shared.len();
    if single > 0 {
        let _ =
            writeln!(out, "{single} other slip(s) in one essay each (--format json lists them)");
    }
    out
}
