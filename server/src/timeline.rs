//! An essay's timeline as SVG, from `knowledge::timeline`'s plain data: a time axis from 1898
//! to 1956, one row per paragraph (tinted by the side it argues), and on it every dated claim
//! where it falls — green when it matches the record, red when it contradicts it (with the
//! record's date drawn beside it as a hollow diamond, joined by a dashed line), grey when the
//! record says nothing. Each mark carries a tooltip with the sentence and `data-point`, the
//! claim's index, for a viewer to map a click back to the essay. Self-contained (no script, no
//! external style), so the class report and an editor's webview (`clio.timeline`) both embed it.
//! Dates given as data are ISO days (`iso_span`), for readers with no calendar code.

use std::fmt::Write;

use knowledge::base::date::{civil, DaySpan};
use knowledge::base::Stance;
use knowledge::timeline::{DatedClaim, Timeline, Verdict};
use serde_json::{json, Value};

pub const FROM_YEAR: i32 = 1898;
pub const TO_YEAR: i32 = 1956;

const WIDTH: f64 = 960.0;
const LEFT: f64 = 48.0;
const RIGHT: f64 = 16.0;
const AXIS: f64 = 34.0;
const LANE: f64 = 12.0;
const LEGEND: f64 = 34.0;

pub const COLOR_MATCHES: &str = "#15803d";
pub const COLOR_CONTRADICTS: &str = "#dc2626";
pub const COLOR_UNKNOWN: &str = "#9ca3af";
pub const TINT_CONTINUITY: &str = "#dbeafe";
pub const TINT_RUPTURE: &str = "#fef3c7";
pub const TINT_BOTH: &str = "#ede9fe";

/// Escapes text for XML and drops what no document should show (control characters but
/// tab and newline, direction overrides).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' => out.push(' '),
            c if c.is_control() => {}
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {}
            c => out.push(c),
        }
    }
    out
}

/// A day as an ISO date, "1934-12-01".
pub fn iso(day: i32) -> String {
    let (y, m, d) = civil(day);
    format!("{y:04}-{m:02}-{d:02}")
}

/// A span of days as `{ "from": "1934-01-01", "to": "1934-12-31" }`.
pub fn iso_span(s: &DaySpan) -> Value {
    json!({ "from": iso(s.lo), "to": iso(s.hi) })
}

/// A day as a fractional year.
fn year_of(day: i32) -> f64 {
    let (y, m, d) = civil(day);
    y as f64 + ((m as f64 - 1.0) * 30.5 + d as f64 - 1.0) / 366.0
}

fn x_of(year: f64) -> f64 {
    let span = (TO_YEAR + 1 - FROM_YEAR) as f64;
    let clamped = year.clamp(FROM_YEAR as f64, (TO_YEAR + 1) as f64);
    LEFT + (clamped - FROM_YEAR as f64) / span * (WIDTH - LEFT - RIGHT)
}

/// The x extent of a span of days.
fn extent(s: &DaySpan) -> (f64, f64) {
    (x_of(year_of(s.lo)), x_of(year_of(s.hi) + 1.0 / 366.0))
}

fn excerpt(text: &str, r: &std::ops::Range<usize>, max: usize) -> String {
    let s = text.get(r.clone()).unwrap_or("").split_whitespace().collect::<Vec<_>>().join(" ");
    match s.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s,
    }
}

/// Lanes inside each paragraph's row, so that marks close in time do not cover each other.
fn lanes(t: &Timeline) -> (Vec<usize>, Vec<usize>) {
    let mut lane_of = vec![0; t.claims.len()];
    let mut lanes_in = vec![1; t.paragraphs.len()];
    let mut ends: Vec<Vec<f64>> = vec![Vec::new(); t.paragraphs.len()];
    let mut order: Vec<usize> = (0..t.claims.len()).collect();
    order.sort_by(|a, b| {
        extent(&t.claims[*a].written).0.total_cmp(&extent(&t.claims[*b].written).0)
    });
    for i in order {
        let c = &t.claims[i];
        let Some(row) = ends.get_mut(c.paragraph) else { continue };
        let (x0, x1) = extent(&c.written);
        let lane = row.iter().position(|end| *end + 4.0 < x0).unwrap_or(row.len());
        if lane == row.len() {
            row.push(0.0);
        }
        row[lane] = x1.max(x0 + 8.0);
        lane_of[i] = lane;
        lanes_in[c.paragraph] = lanes_in[c.paragraph].max(lane + 1);
    }
    (lane_of, lanes_in)
}

fn tint(p: &knowledge::timeline::Paragraph) -> Option<(&'static str, &'static str)> {
    match p.side() {
        Some(Stance::Continuity) => Some((TINT_CONTINUITY, "continuity")),
        Some(Stance::Rupture) => Some((TINT_RUPTURE, "rupture")),
        None if p.continuity > 0 => Some((TINT_BOTH, "both sides")),
        None => None,
    }
}

/// The timeline of an essay (`text` is the essay, for the tooltips) as an SVG element.
pub fn svg(t: &Timeline, text: &str) -> String {
    let (lane_of, lanes_in) = lanes(t);
    let mut row_top = Vec::with_capacity(t.paragraphs.len());
    let mut y = AXIS;
    for n in &lanes_in {
        row_top.push(y);
        y += *n as f64 * LANE + 4.0;
    }
    let height = y + LEGEND;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="timeline" xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height:.0}" viewBox="0 0 {WIDTH} {height:.0}" role="img" aria-label="Timeline of the essay's dated claims, {FROM_YEAR} to {TO_YEAR}" font-family="system-ui, sans-serif" font-size="11">"#
    );
    for (i, p) in t.paragraphs.iter().enumerate() {
        let h = lanes_in[i] as f64 * LANE + 2.0;
        let (fill, side) = tint(p).unwrap_or(("#ffffff", "no claim"));
        let _ = write!(
            s,
            r##"<g class="paragraph" data-side="{side}"><title>¶{} ({side}): {}</title><rect x="{LEFT}" y="{:.1}" width="{:.1}" height="{h:.1}" fill="{fill}"/><text x="{:.1}" y="{:.1}" text-anchor="end" fill="#4b5563">¶{}</text></g>"##,
            i + 1,
            escape(&excerpt(text, &p.range, 140)),
            row_top[i],
            WIDTH - LEFT - RIGHT,
            LEFT - 6.0,
            row_top[i] + LANE - 2.0,
            i + 1
        );
    }
    axis(&mut s, y);
    for (i, c) in t.claims.iter().enumerate() {
        let Some(top) = row_top.get(c.paragraph) else { continue };
        mark(&mut s, i, c, text, top + lane_of[i] as f64 * LANE + LANE / 2.0 + 1.0);
    }
    legend(&mut s, y + 12.0);
    s.push_str("</svg>");
    s
}

fn axis(s: &mut String, bottom: f64) {
    let _ = write!(s, r##"<g class="axis" stroke="#d1d5db">"##);
    for year in FROM_YEAR..=TO_YEAR + 1 {
        let x = x_of(year as f64);
        let decade = year % 10 == 0;
        let (y0, y1) = if decade { (AXIS - 8.0, bottom) } else { (AXIS - 4.0, AXIS) };
        let _ = write!(s, r#"<line x1="{x:.1}" y1="{y0:.1}" x2="{x:.1}" y2="{y1:.1}"/>"#);
        // The ends are labelled too, unless a decade's label stands close by.
        let end_label =
            (year == FROM_YEAR || year == TO_YEAR) && (year % 10).min(10 - year % 10) >= 4;
        if decade || end_label {
            let _ = write!(
                s,
                r##"<text x="{:.1}" y="{:.1}" text-anchor="middle" stroke="none" fill="#374151">{year}</text>"##,
                x_of(year as f64 + 0.5),
                AXIS - 12.0
            );
        }
    }
    s.push_str("</g>");
}

/// A dated claim in one line — the date as written, the verdict, the record's date — as the
/// marks' tooltips, an editor's list of points and Neovim's quickfix list all word it.
pub fn claim_line(c: &DatedClaim, written: &str) -> String {
    let written = written.split_whitespace().collect::<Vec<_>>().join(" ");
    match (c.verdict, &c.record) {
        (Verdict::Contradicts, Some(r)) => {
            format!("“{written}” contradicts the record: {}", r.label)
        }
        (Verdict::Contradicts, None) => format!("“{written}” contradicts the record"),
        (Verdict::Matches, Some(r)) => format!("“{written}” matches the record: {}", r.label),
        (Verdict::Matches, None) => format!("“{written}” matches the record"),
        (Verdict::Unknown, _) => format!("“{written}” is not in the record"),
    }
}

/// The `index`th claim's mark at height `cy`.
fn mark(s: &mut String, index: usize, c: &DatedClaim, text: &str, cy: f64) {
    let color = match c.verdict {
        Verdict::Matches => COLOR_MATCHES,
        Verdict::Contradicts => COLOR_CONTRADICTS,
        Verdict::Unknown => COLOR_UNKNOWN,
    };
    let written = text.get(c.range.clone()).unwrap_or("");
    let mut tip = claim_line(c, written);
    if let Some(n) = &c.note {
        let _ = write!(tip, "\n{n}");
    }
    let _ = write!(tip, "\n{}", excerpt(text, &c.sentence, 200));
    let _ = write!(
        s,
        r#"<g class="claim {}" data-point="{index}" data-written="{}"><title>{}</title>"#,
        c.verdict.as_str(),
        escape(written),
        escape(&tip).replace("  ", " ")
    );
    if let (Verdict::Contradicts, Some(r)) = (c.verdict, &c.record) {
        let (w0, w1) = extent(&c.written);
        let (r0, r1) = extent(&r.span);
        let rx = (r0 + r1) / 2.0;
        let _ = write!(
            s,
            r##"<line x1="{:.1}" y1="{cy:.1}" x2="{rx:.1}" y2="{cy:.1}" stroke="{color}" stroke-dasharray="3 2"/><path class="record" d="M{rx:.1} {:.1} l4 4 l-4 4 l-4 -4 z" fill="#ffffff" stroke="{color}" stroke-width="1.5"/>"##,
            (w0 + w1) / 2.0,
            cy - 4.0
        );
    }
    let (x0, x1) = extent(&c.written);
    if let (Verdict::Contradicts, Some(r)) = (c.verdict, &c.record) {
        // The slip in words beside it, so that the page tells it without a tooltip.
        let right = x1.max(extent(&r.span).1) + 6.0;
        let _ = write!(
            s,
            r#"<text x="{right:.1}" y="{:.1}" fill="{color}" font-size="10">{} → {}</text>"#,
            cy + 3.5,
            escape(written),
            escape(&r.label)
        );
    }
    // A span longer than a year is a bar; a year, month or day is a dot.
    if c.written.hi - c.written.lo > 370 {
        let _ = write!(
            s,
            r#"<rect x="{x0:.1}" y="{:.1}" width="{:.1}" height="7" rx="3.5" fill="{color}" fill-opacity="0.85"/>"#,
            cy - 3.5,
            x1 - x0
        );
    } else {
        let _ =
            write!(s, r#"<circle cx="{:.1}" cy="{cy:.1}" r="4" fill="{color}"/>"#, (x0 + x1) / 2.0);
    }
    s.push_str("</g>");
}

fn legend(s: &mut String, y: f64) {
    let items: [(&str, &str, bool); 6] = [
        (COLOR_MATCHES, "matches the record", false),
        (COLOR_CONTRADICTS, "contradicts it (◇ the record's date)", false),
        (COLOR_UNKNOWN, "not in the record", false),
        (TINT_CONTINUITY, "paragraph argues continuity", true),
        (TINT_RUPTURE, "paragraph argues rupture", true),
        (TINT_BOTH, "both sides", true),
    ];
    let mut x = LEFT;
    let _ = write!(s, r#"<g class="legend">"#);
    for (color, label, swatch) in items {
        if swatch {
            let _ = write!(
                s,
                r##"<rect x="{x:.1}" y="{:.1}" width="12" height="10" fill="{color}" stroke="#9ca3af"/>"##,
                y - 5.0
            );
        } else {
            let _ = write!(s, r#"<circle cx="{:.1}" cy="{y:.1}" r="4" fill="{color}"/>"#, x + 6.0);
        }
        let _ = write!(
            s,
            r##"<text x="{:.1}" y="{:.1}" fill="#374151">{}</text>"##,
            x + 16.0,
            y + 4.0,
            escape(label)
        );
        x += 16.0 + label.chars().count() as f64 * 5.6 + 14.0;
    }
    s.push_str("</g>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use knowledge::{analyze, Cache, Config, Format, Prepared};

    fn drawn(text: &str) -> String {
        let kb = Prepared::embedded();
        let a = analyze(&kb, text, Format::Markdown, &Config::default(), &mut Cache::default());
        svg(&knowledge::timeline::timeline(&kb, &a), text)
    }

    #[test]
    fn each_claim_is_drawn_with_its_verdict_and_the_record_beside_a_contradiction() {
        let out = drawn(
            "Kirov was murdered in 1936.\n\nLenin died in 1924, and in 1911 the harvest failed.\n",
        );
        assert_eq!(out.matches(r#"<g class="claim contradicts""#).count(), 1, "{out}");
        assert_eq!(out.matches(r#"<g class="claim matches""#).count(), 1, "{out}");
        assert_eq!(out.matches(r#"<g class="claim unknown""#).count(), 1, "{out}");
        assert_eq!(out.matches(r#"<path class="record""#).count(), 1, "{out}");
        assert_eq!(out.matches(r#"<g class="paragraph""#).count(), 2, "{out}");
        assert!(out.starts_with("<svg") && out.ends_with("</svg>"));
    }

    #[test]
    fn each_mark_names_its_claim_by_index_and_says_it_in_one_line() {
        let text = "Kirov was murdered in 1936.\n\nLenin died in January\n1924, and in 1911 the harvest failed.\n";
        let kb = Prepared::embedded();
        let a = analyze(&kb, text, Format::Markdown, &Config::default(), &mut Cache::default());
        let t = knowledge::timeline::timeline(&kb, &a);
        let lines: Vec<String> =
            t.claims.iter().map(|c| claim_line(c, &text[c.range.clone()])).collect();
        expect_test::expect![[r#"
            [
                "“1936” contradicts the record: 1934",
                "“January 1924” matches the record: Vladimir Ilyich Lenin died 21 January 1924",
                "“1911” is not in the record",
            ]
        "#]]
        .assert_debug_eq(&lines);
        let out = svg(&t, text);
        for (i, c) in t.claims.iter().enumerate() {
            let mark = format!(r#"<g class="claim {}" data-point="{i}""#, c.verdict.as_str());
            assert_eq!(out.matches(&mark).count(), 1, "{mark} in {out}");
            // The tooltip opens with the same line.
            assert!(out.contains(&format!("<title>{}", escape(&lines[i]))), "{out}");
        }
    }

    #[test]
    fn the_axis_runs_from_1898_to_1956_and_clamps_what_lies_outside() {
        assert_eq!(x_of(FROM_YEAR as f64), LEFT);
        assert_eq!(x_of((TO_YEAR + 1) as f64), WIDTH - RIGHT);
        assert_eq!(x_of(1870.0), LEFT);
        assert_eq!(x_of(1991.0), WIDTH - RIGHT);
        assert!(x_of(1917.5) > x_of(1917.0));
    }

    #[test]
    fn text_is_escaped_and_stripped_of_controls() {
        assert_eq!(
            escape("<b>“Kirov” & co</b>\u{1b}[2J\u{202E}"),
            "&lt;b&gt;“Kirov” &amp; co&lt;/b&gt;[2J"
        );
        let out = drawn("A <script>alert(1)</script> essay: Kirov was murdered in 1936.\n");
        assert!(!out.contains("<script>"), "{out}");
    }
}
