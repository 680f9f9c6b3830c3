//! The class report as one self-contained HTML page: inline style, inline SVG, no script, and a
//! content security policy that forbids every fetch, so the file works offline and sends
//! nothing anywhere. Sections: the table of essays (findings by code, argument balance, dated
//! claims by verdict), the class's most common slips, then each essay with its timeline, its
//! unaddressed counterpoints and its findings. Every piece of essay or pack text is escaped.

use std::fmt::Write;

use knowledge::timeline::Verdict;
use knowledge::Code;

use super::{Essay, Report};
use crate::cli::checked::{code_index, severity_name};
use crate::timeline::{escape, COLOR_CONTRADICTS, COLOR_MATCHES, COLOR_UNKNOWN};
use crate::timeline::{TINT_CONTINUITY, TINT_RUPTURE};

const STYLE: &str = r#"
body { font: 14px/1.45 system-ui, sans-serif; color: #111827; margin: 0 auto; max-width: 1040px; padding: 24px; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid #e5e7eb; }
h3 { font-size: 15px; margin: 0 0 6px; } .meta { color: #6b7280; margin: 0; }
table.essays { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
table.essays th, table.essays td { border-bottom: 1px solid #e5e7eb; padding: 4px 6px; text-align: right; }
table.essays th:first-child, table.essays td:first-child { text-align: left; }
table.essays th { font-size: 11px; color: #374151; background: #f9fafb; }
table.essays td { white-space: nowrap; }
td.zero { color: #d1d5db; } td.some { font-weight: 600; }
.bal { display: inline-flex; width: 80px; height: 10px; border: 1px solid #d1d5db; vertical-align: middle; margin-left: 6px; }
.bal .c { background: BLUE; } .bal .r { background: AMBER; }
ol.slips li { margin: 4px 0; } .count { font-weight: 600; } .code { font: 12px ui-monospace, monospace; background: #f3f4f6; padding: 1px 4px; border-radius: 3px; }
article.essay { border: 1px solid #e5e7eb; border-radius: 6px; padding: 12px; margin: 14px 0; }
.timeline-box { overflow-x: auto; } .verdicts span { margin-right: 12px; }
.dot { display: inline-block; width: 9px; height: 9px; border-radius: 50%; margin-right: 4px; }
ul.findings { font-size: 13px; padding-left: 18px; } .errors li { color: #b91c1c; }
"#;

fn esc(s: &str) -> String {
    escape(s)
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn verdicts(e: &Essay) -> [usize; 3] {
    let n = |v: Verdict| e.timeline.claims.iter().filter(|c| c.verdict == v).count();
    [n(Verdict::Matches), n(Verdict::Contradicts), n(Verdict::Unknown)]
}

fn balance_bar(e: &Essay) -> String {
    let total = (e.continuity + e.rupture).max(1) as f64;
    format!(
        r#"{} / {}<span class="bal" title="{} continuity, {} rupture"><span class="c" style="width:{:.0}%"></span><span class="r" style="width:{:.0}%"></span></span>"#,
        e.continuity,
        e.rupture,
        e.continuity,
        e.rupture,
        e.continuity as f64 / total * 100.0,
        e.rupture as f64 / total * 100.0
    )
}

fn table(r: &Report, out: &mut String) {
    out.push_str(r#"<section id="essays"><h2>Essays</h2><table class="essays"><thead><tr><th>Essay</th><th>Words</th>"#);
    for c in Code::ALL {
        let _ = write!(out, "<th>{}</th>", c.as_str());
    }
    out.push_str(
        "<th>Balance (continuity / rupture)</th><th>Dates ✓ / ✗ / ?</th></tr></thead><tbody>\n",
    );
    for (i, e) in r.essays.iter().enumerate() {
        let _ = write!(
            out,
            r##"<tr><td><a href="#essay-{}">{}</a></td><td>{}</td>"##,
            i + 1,
            esc(&e.path.display().to_string()),
            e.words
        );
        for c in Code::ALL {
            let n = e.counts.by_code[code_index(c)];
            let class = if n == 0 { "zero" } else { "some" };
            let _ = write!(out, r#"<td class="{class}">{n}</td>"#);
        }
        let [m, x, u] = verdicts(e);
        let _ = writeln!(out, "<td>{}</td><td>{m} / {x} / {u}</td></tr>", balance_bar(e));
    }
    out.push_str("</tbody></table></section>\n");
}

fn slip_item(r: &Report, s: &super::Slip) -> String {
    let names: Vec<String> = s
        .essays
        .iter()
        .map(|i| {
            let path = esc(&r.essays[*i].path.display().to_string());
            format!(r##"<a href="#essay-{}">{path}</a>"##, i + 1)
        })
        .collect();
    format!(
        r#"<li><span class="count">{} of {}</span> <span class="code">{}</span> {} <small>({})</small></li>"#,
        s.essays.len(),
        plural(r.essays.len(), "essay", "essays"),
        s.code.as_str(),
        esc(&s.message),
        names.join(", ")
    )
}

/// The slips two essays or more share, most widespread first; the others folded away.
fn slips(r: &Report, out: &mut String) {
    out.push_str(r#"<section id="slips"><h2>The class's most common slips</h2>"#);
    let (shared, single): (Vec<&super::Slip>, Vec<&super::Slip>) =
        r.slips.iter().partition(|s| s.essays.len() > 1);
    if shared.is_empty() {
        out.push_str("<p>No slip of fact is shared by two essays or more.</p>");
    } else {
        out.push_str(r#"<ol class="slips">"#);
        for s in shared.iter().take(20) {
            out.push_str(&slip_item(r, s));
            out.push('\n');
        }
        out.push_str("</ol>");
    }
    if !single.is_empty() {
        let _ = write!(
            out,
            r#"<details><summary>{} found in one essay each</summary><ul class="single">"#,
            plural(single.len(), "slip", "slips")
        );
        for s in &single {
            out.push_str(&slip_item(r, s));
        }
        out.push_str("</ul></details>");
    }
    out.push_str("</section>\n");
}

fn essay(i: usize, e: &Essay, out: &mut String) {
    let [m, x, u] = verdicts(e);
    let _ = write!(
        out,
        r#"<article class="essay" id="essay-{}"><h3>{}</h3><p class="meta">{} words · {} · argues {} for continuity, {} for rupture</p>"#,
        i + 1,
        esc(&e.path.display().to_string()),
        e.words,
        plural(e.counts.findings(), "finding", "findings"),
        plural(e.continuity, "point", "points"),
        e.rupture
    );
    let _ = write!(
        out,
        r#"<p class="verdicts"><span><i class="dot" style="background:{COLOR_MATCHES}"></i>{} the record</span><span><i class="dot" style="background:{COLOR_CONTRADICTS}"></i>{} it</span><span><i class="dot" style="background:{COLOR_UNKNOWN}"></i>{u} not in the record</span></p><div class="timeline-box">{}</div>"#,
        plural(m, "dated claim matches", "dated claims match"),
        plural(x, "contradicts", "contradict"),
        e.svg
    );
    if !e.unaddressed.is_empty() {
        out.push_str("<p>Strong counterpoints not yet addressed:</p><ul>");
        for a in &e.unaddressed {
            let _ = write!(out, "<li>{}</li>", esc(a));
        }
        out.push_str("</ul>");
    }
    if !e.findings.is_empty() {
        let _ = write!(
            out,
            r#"<details><summary>Findings ({})</summary><ul class="findings">"#,
            e.findings.len()
        );
        for f in &e.findings {
            let _ = write!(
                out,
                r#"<li>{}:{} <span class="code">{}</span> {} — “{}”: {}</li>"#,
                f.line,
                f.column,
                f.code.as_str(),
                severity_name(f.severity),
                esc(&f.written),
                esc(&f.message)
            );
        }
        out.push_str("</ul></details>");
    }
    out.push_str("</article>\n");
}

pub fn page(r: &Report) -> String {
    let mut out = String::with_capacity(64 * 1024 + r.essays.len() * 16 * 1024);
    let style = STYLE.replace("BLUE", TINT_CONTINUITY).replace("AMBER", TINT_RUPTURE);
    let _ = write!(
        out,
        r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{}</title><style>{style}</style></head><body>
<header><h1>{}</h1><p class="meta">{} · {} · clio-ls {}</p></header>
"#,
        esc(&r.title),
        esc(&r.title),
        plural(r.essays.len(), "essay", "essays"),
        plural(r.counts.findings(), "finding", "findings"),
        env!("CARGO_PKG_VERSION")
    );
    table(r, &mut out);
    slips(r, &mut out);
    out.push_str(r#"<section id="timelines"><h2>Each essay's dated claims, 1898–1956</h2>"#);
    for (i, e) in r.essays.iter().enumerate() {
        essay(i, e, &mut out);
    }
    out.push_str("</section>\n");
    if !r.errors.is_empty() || !r.setup_errors.is_empty() {
        out.push_str(r#"<section id="errors"><h2>Not checked</h2><ul class="errors">"#);
        for e in &r.errors {
            let _ =
                write!(out, "<li>{}: {}</li>", esc(&e.path.display().to_string()), esc(&e.reason));
        }
        for m in &r.setup_errors {
            let _ = write!(out, "<li>{}</li>", esc(m));
        }
        out.push_str("</ul></section>\n");
    }
    out.push_str("</body></html>\n");
    out
}
