//! The server's one doorway into `knowledge`'s analysis. A document's text is checked as a
//! [`Snapshot`] (the text and version at one moment) and the result, [`Checked`], keeps
//! everything later requests need about that moment together: the text, the base it was
//! checked against, the analysis and its findings as LSP diagnostics. Hover, completion, code
//! actions and the balance all read one `Checked`, so their answers agree with each other and
//! with the diagnostics the client was sent.

use std::sync::{Arc, OnceLock};
use std::time::Instant;

use knowledge::analysis::analyze_edited;
use knowledge::complete::Completion;
use knowledge::outline::Entry;
use knowledge::text::disable::{self, Edit, Scope};
use knowledge::timeline::Timeline;
use knowledge::{Analysis, Cache, Finding, Format};
use ropey::Rope;
use tower_lsp::lsp_types::{Diagnostic, Position, Range, Url};

use super::base::Base;
use super::guard::guard;
use super::mirror::Mirror;
use super::reuse::{Before, Carry, Published};
use super::to_proto;
use crate::config::Rules;
use crate::position::{self, Encoding, LineIndex};
use crate::timing;

/// A document's text at one version, as handed to the analysis.
pub struct Snapshot {
    pub version: i32,
    /// The document's edit count when the snapshot was taken.
    pub generation: u64,
    pub rope: Rope,
    pub format: Format,
}

/// A snapshot checked against a base.
pub struct Checked {
    pub version: i32,
    pub generation: u64,
    pub rope: Rope,
    pub encoding: Encoding,
    pub format: Format,
    base: Arc<Base>,
    analysis: Analysis,
    /// Where the text's lines start, and the settings: with the findings, what the next check
    /// needs to carry diagnostics over.
    lines: LineIndex,
    /// The text as one string, made from the rope for the requests that read it whole.
    text: OnceLock<String>,
    rules: Arc<Rules>,
    /// One per finding, in the same order: its diagnostic, and that encoded.
    published: Vec<Arc<Published>>,
}

/// Checks `snapshot`, whose text `mirror` holds as one string; `cache` holds the document's
/// earlier results, so that an edit re-checks only the sentences it touched, and `previous`
/// (the document's last check) the diagnostics the edit left as they were. A panic in the
/// analysis leaves a document without findings.
#[allow(clippy::too_many_arguments)]
pub fn check(
    snapshot: Snapshot,
    mirror: &mut Mirror,
    base: &Arc<Base>,
    rules: &Arc<Rules>,
    encoding: Encoding,
    uri: &Url,
    cache: &mut Cache,
    previous: Option<&Checked>,
) -> Checked {
    let Snapshot { version, generation, rope, format } = snapshot;
    let start = Instant::now();
    let text = mirror.text();
    // The mirror knows what changed since the text the cache last read: the analysis reads
    // again only that stretch, without comparing the texts.
    let edit = (generation, mirror.since_checked());
    let analysis =
        guard("analysis", || analyze_edited(base, text, format, &rules.config, cache, edit))
            .unwrap_or_default();
    let analysed = Instant::now();
    // Checks that are off report nothing: the analysis config is the one place that decides.
    debug_assert!(analysis.findings.iter().all(|f| rules.config.enabled(f.code)));
    let lines = mirror.lines();
    // Diagnostics depend on the settings and the encoding too: carried over only when those
    // are the same, and the mirror knows what changed since.
    let before = previous.filter(|p| Arc::ptr_eq(&p.rules, rules) && p.encoding == encoding);
    let carry = before.and_then(|p| {
        let ends = mirror.unchanged_since(p.generation, p.rope.len_bytes())?;
        Some(Carry::new(p.before(), text, lines, ends))
    });
    let mut carried = 0;
    let published = analysis
        .findings
        .iter()
        .map(|f| match carry.as_ref().and_then(|c| c.carried(f)) {
            Some(p) => {
                carried += 1;
                p
            }
            None => {
                let d = to_proto::diagnostic(text, lines, encoding, uri, f, rules.severity(f));
                Arc::new(Published::new(d))
            }
        })
        .collect();
    drop(carry);
    let lines = lines.clone();
    mirror.checked(generation);
    timing::log(|| {
        format!(
            "version {version}: analysis {:.3} ms, {} diagnostics ({carried} carried over) {:.3} ms",
            (analysed - start).as_secs_f64() * 1e3,
            analysis.findings.len(),
            timing::ms(analysed),
        )
    });
    Checked {
        version,
        generation,
        rope,
        encoding,
        format,
        base: base.clone(),
        analysis,
        lines,
        text: OnceLock::new(),
        rules: rules.clone(),
        published,
    }
}

impl Checked {
    /// The byte offset of a client position in this text.
    pub fn offset(&self, pos: Position) -> usize {
        position::offset(&self.rope, pos, self.encoding)
    }

    /// The byte range of a client range in this text.
    pub fn byte_range(&self, range: Range) -> std::ops::Range<usize> {
        position::byte_range(&self.rope, range, self.encoding)
    }

    /// Each finding with the diagnostic it was published as.
    pub fn findings(&self) -> impl Iterator<Item = (&Finding, &Diagnostic)> {
        self.analysis.findings.iter().zip(self.published.iter().map(|p| &p.diagnostic))
    }

    /// The diagnostics, each encoded as JSON, in order.
    pub fn encoded(&self) -> impl Iterator<Item = &[u8]> + Clone {
        self.published.iter().map(|p| &p.json[..])
    }

    /// What the next check carries diagnostics over from.
    fn before(&self) -> Before<'_> {
        Before {
            len: self.rope.len_bytes(),
            lines: &self.lines,
            findings: &self.analysis.findings,
            published: &self.published,
        }
    }

    pub fn hover(&self, offset: usize) -> Option<knowledge::hover::Hover> {
        knowledge::hover::at(&self.base, &self.analysis, offset)
    }

    /// Whether the character before `offset` was masked out of the prose (code, a URL, math).
    pub fn outside_prose_before(&self, offset: usize) -> bool {
        offset > 0
            && self.analysis.prose.masked.as_bytes().get(offset - 1) == Some(&b' ')
            && offset <= self.rope.len_bytes()
            && self.rope.byte(offset - 1) != b' '
    }

    pub fn completions(&self, prefix: &str) -> Vec<Completion> {
        knowledge::complete::candidates(&self.base, prefix)
    }

    pub fn balance_title(&self) -> Option<String> {
        self.analysis.balance.lens_title()
    }

    pub fn balance_message(&self) -> String {
        self.analysis.balance.summary(&self.base)
    }

    /// The balance as data for a client's own view: the points made on each side, and each
    /// strong counterpoint not yet addressed as (its claim, its theme, the side it argues).
    pub fn balance_points(&self) -> (usize, usize, Vec<(String, String, &'static str)>) {
        let b = &self.analysis.balance;
        let open = b
            .unaddressed
            .iter()
            .filter_map(|&i| self.base.arguments.get(i))
            .map(|a| (a.claim.clone(), a.theme.clone(), a.stance.label()))
            .collect();
        (b.continuity, b.rupture, open)
    }

    /// The essay's outline: its headings, and what each paragraph argues.
    pub fn outline(&self) -> Vec<Entry> {
        let text = self.text.get_or_init(|| String::from(&self.rope));
        knowledge::outline::outline(&self.base, &self.analysis, text, self.format)
    }

    /// The essay's dated claims against the record, and the timeline drawn from them as the
    /// class report draws it (`text` is this document's text, for the marks' tooltips).
    pub fn timeline(&self, text: &str) -> (Timeline, String) {
        let t = knowledge::timeline::timeline(&self.base, &self.analysis);
        let svg = crate::timeline::svg(&t, text);
        (t, svg)
    }

    /// The comment that switches `f`'s check off for its line or the document, in the
    /// document's own syntax (`text` is this document's text).
    pub fn disable_edit(&self, text: &str, f: &Finding, scope: Scope) -> Edit {
        let (prose, code) = (&self.analysis.prose, f.code.as_str());
        disable::disable_comment(text, prose, self.format, f.range.start, code, scope)
    }
}
