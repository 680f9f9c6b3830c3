//! Runs the checks over a document, block by block, caching each block's result by its text
//! so that an edit re-checks only the paragraphs it touched.

use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet, FxHasher};

use crate::base::{EntryId, Kind, KnowledgeBase, Mention};
use crate::checks::budget;
use crate::checks::check::{DocumentCtx, DocumentOut, SentenceOut};
use crate::checks::grammar::SentenceCtx;
use crate::checks::{Registered, Tables, CHECKS};
use crate::claim::{Balance, Claim};
use crate::config::Config;
use crate::finding::{Code, Finding, Severity};
use crate::prepared::Prepared;
use crate::text::reread::Reader;
pub use crate::text::reread::Unchanged;
use crate::text::{sentences, Format, Prose};

mod gather;
use gather::gather;

/// One block's results, with ranges relative to the block start.
#[derive(Debug, Default)]
pub struct BlockResult {
    pub findings: Vec<Finding>,
    pub mentions: Vec<Mention>,
    pub claims: Vec<Claim>,
    /// The block's sentences by key, so that their results outlive the block's (an edit to a
    /// paragraph re-checks only the sentence it touched).
    sentences: Vec<(u64, Arc<SentenceResult>)>,
}

/// One sentence's findings and claims, with ranges relative to the sentence start.
#[derive(Debug, Default)]
struct SentenceResult {
    findings: Vec<Finding>,
    claims: Vec<Claim>,
}

/// Results keyed by the masked text (and the config), at two levels: unchanged paragraphs are
/// never re-checked, and in a changed paragraph only the changed sentences are. Entries not
/// used by the latest analysis are dropped once edits have added `STALE` blocks.
#[derive(Debug, Default)]
pub struct Cache {
    blocks: HashMap<u64, Arc<BlockResult>>,
    sentences: HashMap<u64, Arc<SentenceResult>>,
    config: u64,
    /// The last reading of the document, so that an edit re-reads only its stretch.
    reader: Reader,
    /// The last reading's block keys, block for block.
    keys: Vec<u64>,
    /// Blocks put in `blocks` since it last held only the document's: results no longer used
    /// are dropped when these pass `STALE`, not at every edit (which rebuilt both maps whole).
    added: usize,
    pub hits: usize,
    pub misses: usize,
    /// Sentences checked again / taken from the cache inside changed blocks.
    pub sentence_hits: usize,
    pub sentence_misses: usize,
}

impl Cache {
    pub fn clear(&mut self) {
        self.blocks.clear();
        self.sentences.clear();
        self.keys.clear();
        self.added = 0;
    }
}

/// How many blocks an edit may add to the cache before the results no longer used are dropped:
/// a keystroke adds one, so the maps are rebuilt once in this many keystrokes.
const STALE: usize = 128;

/// Everything the server needs about a document after a check.
#[derive(Debug, Default)]
pub struct Analysis {
    pub findings: Vec<Finding>,
    /// Every name found, in document order (absolute ranges): hover looks up here.
    pub mentions: Vec<Mention>,
    pub claims: Vec<Claim>,
    pub balance: Balance,
    pub prose: Prose,
}

impl Analysis {
    /// The mention covering `offset`, by binary search.
    pub fn mention_at(&self, offset: usize) -> Option<&Mention> {
        let i = self.mentions.partition_point(|m| m.range.end < offset);
        self.mentions[i..]
            .iter()
            .take_while(|m| m.range.start <= offset)
            .find(|m| m.range.start <= offset && offset <= m.range.end)
    }
}

/// A block's key: its masked text, whether it is an attributed quotation (a blockquote), and
/// the config. The keys need only tell texts apart, not resist an attacker (SipHash's keys were
/// fixed anyway): Fx's 64-bit byte hash does that at a fraction of SipHash's cost.
fn block_key(masked: &str, quoted: bool, cfg: u64) -> u64 {
    let mut h = FxHasher::default();
    masked.hash(&mut h);
    quoted.hash(&mut h);
    cfg.hash(&mut h);
    h.finish()
}

/// Checks a whole document. With a warm cache only changed blocks are analysed again (found by
/// comparing the text with the one analysed last).
pub fn analyze(
    kb: &Prepared,
    text: &str,
    format: Format,
    config: &Config,
    cache: &mut Cache,
) -> Analysis {
    analyze_with(kb, text, format, config, cache, None)
}

/// As [`analyze`], for a caller that tracks its document's edits (the server): `stamp` names
/// this text, and `edit` says how much of it is the text last analysed with `cache` (stamped
/// `edit.since`), so the texts are not compared and no copy of the text is kept.
pub fn analyze_edited(
    kb: &Prepared,
    text: &str,
    format: Format,
    config: &Config,
    cache: &mut Cache,
    (stamp, edit): (u64, Option<Unchanged>),
) -> Analysis {
    analyze_with(kb, text, format, config, cache, Some((stamp, edit)))
}

fn analyze_with(
    kb: &Prepared,
    text: &str,
    format: Format,
    config: &Config,
    cache: &mut Cache,
    tracked: Option<(u64, Option<Unchanged>)>,
) -> Analysis {
    let cfg = config.fingerprint();
    if cache.config != cfg {
        cache.clear();
        cache.config = cfg;
    }
    let reading = match tracked {
        Some((stamp, edit)) => cache.reader.read_edited(text, format, stamp, edit),
        None => cache.reader.read(text, format),
    };
    let prose = reading.prose;
    // Which blocks must be analysed: those neither cached nor repeated earlier in the document.
    // A block the reading kept from the last one keeps its key.
    let quoted = prose.quoted_blocks();
    let keys: Vec<u64> = (prose.blocks.iter().zip(&quoted).zip(&reading.kept))
        .map(|((b, q), kept)| match kept.and_then(|j| cache.keys.get(j)) {
            Some(&key) => key,
            None => block_key(&prose.masked[b.clone()], *q, cfg),
        })
        .collect();
    let mut todo: Vec<usize> = Vec::new();
    let mut planned: HashSet<u64> = HashSet::default();
    for (i, key) in keys.iter().enumerate() {
        if !cache.blocks.contains_key(key) && planned.insert(*key) {
            todo.push(i);
        }
    }
    // A keystroke changes one block, analysed on this thread; opening a document (or a change of
    // settings) analyses them all, shared out over the cores.
    let run = Run::new(kb, config);
    let analyse_one = |i: &usize| {
        let mut sentences = Sentences { prev: &cache.sentences, cfg, hits: 0, misses: 0 };
        let body = &prose.masked[prose.blocks[*i].clone()];
        let r = block_with(&run, body, quoted[*i], &mut sentences);
        (keys[*i], Arc::new(r), sentences.hits, sentences.misses)
    };
    let done: Vec<(u64, Arc<BlockResult>, usize, usize)> = if todo.len() > 1 {
        todo.par_iter().map(analyse_one).collect()
    } else {
        todo.iter().map(analyse_one).collect()
    };
    for (_, _, hits, misses) in &done {
        cache.misses += 1;
        cache.sentence_hits += hits;
        cache.sentence_misses += misses;
    }
    cache.hits += keys.len() - todo.len();
    let fresh = done.into_iter().map(|(key, r, _, _)| (key, r));
    let document = |claims: &[Claim]| {
        run_document_passes(kb, config, claims, (text, &prose.sections), DocumentOut::default())
    };
    let mut out = gather(&prose.blocks, &keys, fresh, cache, document);
    cache.keys = keys;
    out.findings.sort_by_key(|f| (f.range.start, f.code));
    prose.drop_disabled(&mut out.findings);
    budget::cap(&mut out.findings, config.enabled(Code::NotChecked));
    out.prose = prose;
    out
}

/// How many times a check has panicked on a sentence and been skipped, in this process. Tests
/// assert it stays zero: catching a bug must not hide it.
pub static CAUGHT_PANICS: AtomicUsize = AtomicUsize::new(0);

/// Analyses one block of masked prose; ranges in the result are relative to the block.
pub fn analyze_block(kb: &Prepared, body: &str, config: &Config) -> BlockResult {
    let none = HashMap::default();
    let cfg = config.fingerprint();
    let mut sentences = Sentences { prev: &none, cfg, hits: 0, misses: 0 };
    block_with(&Run::new(kb, config), body, false, &mut sentences)
}

/// What the checks of one analysis run with: the prepared base, the settings, and the checks
/// that run under them with their tables (decided once an analysis, not once a sentence).
struct Run<'a> {
    kb: &'a Prepared,
    config: &'a Config,
    checks: Vec<(&'static dyn Registered, &'a Tables)>,
}

impl<'a> Run<'a> {
    fn new(kb: &'a Prepared, config: &'a Config) -> Run<'a> {
        let checks = CHECKS
            .iter()
            .enumerate()
            .filter(|(_, c)| c.runs(config))
            .map(|(i, c)| (*c, kb.tables(i)))
            .collect();
        Run { kb, config, checks }
    }
}

/// The previous analysis's sentence results, to reuse where a sentence is unchanged.
struct Sentences<'c> {
    prev: &'c HashMap<u64, Arc<SentenceResult>>,
    cfg: u64,
    hits: usize,
    misses: usize,
}

/// A sentence's key: its masked text and the quotations over it (clipped to it, since a
/// quotation may run across sentences), with the config. Checks see nothing else of the block.
fn sentence_key(
    body: &str,
    range: &Range<usize>,
    quotes: &[Range<usize>],
    antecedent: Antecedents,
    cfg: u64,
) -> u64 {
    let mut h = FxHasher::default();
    body[range.clone()].hash(&mut h);
    antecedent.hash(&mut h);
    for q in quotes {
        (q.start.max(range.start) - range.start, q.end.min(range.end) - range.start).hash(&mut h);
    }
    cfg.hash(&mut h);
    h.finish()
}

/// The quotations over each sentence of a block in turn, in the block's order. Quotations of
/// one kind never overlap, so at most two from before a sentence reach into it: the sweep
/// costs the number of sentences plus the number of quotations.
struct QuotesOver {
    quotes: Vec<Range<usize>>,
    next: usize,
    over: Vec<Range<usize>>,
}

impl QuotesOver {
    fn new(quotes: Vec<Range<usize>>) -> QuotesOver {
        QuotesOver { quotes, next: 0, over: Vec::new() }
    }

    /// The quotations overlapping `range`; ranges must come in order.
    fn at(&mut self, range: &Range<usize>) -> &[Range<usize>] {
        while self.next < self.quotes.len() && self.quotes[self.next].start < range.end {
            self.over.push(self.quotes[self.next].clone());
            self.next += 1;
        }
        self.over.retain(|q| q.end > range.start);
        &self.over
    }
}

fn block_with(run: &Run, body: &str, quoted: bool, cached: &mut Sentences) -> BlockResult {
    let mut res =
        BlockResult { mentions: crate::mentions::find(run.kb, body), ..Default::default() };
    // A blockquote is one quotation over the whole block, before those inside it.
    let mut quotes = Vec::new();
    if quoted {
        quotes.push(0..body.len());
    }
    quotes.extend(sentences::quotations(body, 0..body.len()));
    let mut over = QuotesOver::new(quotes);
    // Sentences repeated in the block are checked once.
    let mut here: HashMap<u64, Arc<SentenceResult>> = HashMap::default();
    let mut antecedent = Antecedents::default();
    for sentence in sentences::split(body, 0..body.len()) {
        let whole = sentence.clone();
        for piece in budget::pieces(body, sentence, &res.mentions) {
            let range = piece.range;
            if !piece.checked {
                if run.config.enabled(Code::NotChecked) {
                    res.findings.push(budget::unchecked(body, range, &res.mentions));
                }
                continue;
            }
            let quotes = over.at(&range);
            let key = sentence_key(body, &range, quotes, antecedent, cached.cfg);
            let one = if let Some(r) = here.get(&key) {
                r.clone()
            } else {
                let r = match cached.prev.get(&key) {
                    Some(r) => {
                        cached.hits += 1;
                        r.clone()
                    }
                    None => {
                        cached.misses += 1;
                        let at = SentenceAt { body, range: range.clone(), antecedent };
                        Arc::new(check_sentence(run, &at, &res.mentions, quotes))
                    }
                };
                here.insert(key, r.clone());
                res.sentences.push((key, r.clone()));
                r
            };
            res.findings.extend(one.findings.iter().map(|f| f.rebased(0, range.start)));
            res.claims.extend(one.claims.iter().map(|c| c.rebased(0, range.start)));
        }
        let (event, thing) = next_things(run.kb, body, &res.mentions, &whole, antecedent.event);
        antecedent = Antecedents {
            person: next_antecedent(run.kb, body, &res.mentions, &whole, antecedent.person),
            event,
            thing,
        };
    }
    res
}

/// One sentence of a block, with whom its pronouns can refer to.
struct SentenceAt<'b> {
    body: &'b str,
    range: Range<usize>,
    antecedent: Antecedents,
}

/// What the sentences before one in its paragraph speak of: the person a "he" can mean, the
/// event "the revolt" can mean, the thing "it" can mean.
#[derive(Clone, Copy, Default, Hash)]
struct Antecedents {
    person: Option<EntryId>,
    event: Option<EntryId>,
    thing: Option<EntryId>,
}

/// What "the treaty" or "the revolt" can mean: events, and documents (a treaty or decree named
/// beside an event leaves "the treaty" open).
const EVENTS: &[Kind] = &[Kind::Event, Kind::Document];
/// What "it" can mean: no person, and no place (a place is renamed, not created).
const THINGS: &[Kind] = &[Kind::Event, Kind::Document, Kind::Body, Kind::Term];

/// What "the treaty" or "the revolt", and "it", in the next sentence refer to: the one thing
/// of `EVENTS` this sentence names (if it names none, `event_before`), and the one thing of
/// `THINGS` it names ("it" reaches back one sentence only). Two of a kind leave that one open,
/// and a capitalised word the base does not know may name another ("the Treaty of Rapallo"):
/// then nothing.
fn next_things(
    kb: &KnowledgeBase,
    body: &str,
    mentions: &[Mention],
    range: &Range<usize>,
    event_before: Option<EntryId>,
) -> (Option<EntryId>, Option<EntryId>) {
    let first = mentions.partition_point(|m| m.range.start < range.start);
    let end = first + mentions[first..].partition_point(|m| m.range.start < range.end);
    let in_sentence = &mentions[first..end];
    // The one entry of the kinds named: `Err` when there are two.
    let one = |kinds: &[Kind]| {
        let mut named = in_sentence.iter().filter(|m| kinds.contains(&kb.entries[m.entry].kind));
        let e = named.next().map(|m| m.entry);
        if named.any(|o| Some(o.entry) != e) {
            Err(())
        } else {
            Ok(e)
        }
    };
    let event = one(EVENTS).map(|e| e.or(event_before)).unwrap_or(None);
    let thing = one(THINGS).unwrap_or(None);
    if event.is_none() && thing.is_none() {
        return (None, None);
    }
    let unknown = body[range.clone()].split_whitespace().skip(1).any(|w| {
        let bare = w.trim_matches(|c: char| !c.is_alphabetic());
        if !bare.starts_with(char::is_uppercase) {
            return false;
        }
        // Where the word starts in the body: the words are slices of it.
        let start = bare.as_ptr() as usize - body.as_ptr() as usize;
        !in_sentence.iter().any(|m| m.range.start <= start && start < m.range.end)
            && !crate::base::is_common_word(bare)
    });
    if unknown {
        return (None, None);
    }
    (event, thing)
}

/// The words before a person that make them no subject ("after Kirov", "by Lenin").
const PREPOSITIONS: [&str; 12] = [
    "of", "after", "before", "to", "by", "with", "from", "for", "under", "against", "than", "like",
];

/// Whom a "he" in the next sentence refers to: the one person this sentence names, as its
/// subject (not "after Kirov's death", not after a capitalised word the base does not know,
/// which may be another person); if it names nobody, the one the sentences before it spoke of.
fn next_antecedent(
    kb: &KnowledgeBase,
    body: &str,
    mentions: &[Mention],
    range: &Range<usize>,
    before: Option<EntryId>,
) -> Option<EntryId> {
    let first = mentions.partition_point(|m| m.range.start < range.start);
    let in_sentence = || mentions[first..].iter().take_while(|m| m.range.start < range.end);
    let mut people = in_sentence().filter(|m| kb.entries[m.entry].kind == Kind::Person);
    if brings_in_a_relation(kb, &body[range.clone()]) {
        return None;
    }
    let Some(p) = people.next() else {
        // Nobody to carry on: no need to look for the capitalised words that would stop it.
        before?;
        let capitalised = body[range.clone()].split_whitespace().skip(1).any(|w| {
            w.starts_with(char::is_uppercase)
                && !crate::base::is_common_word(w.trim_matches(|c: char| !c.is_alphabetic()))
        });
        return if capitalised { None } else { before };
    };
    if people.any(|q| q.entry != p.entry) || p.possessive {
        return None;
    }
    let lead = &body[range.start..p.range.start];
    let preposition = lead.split_whitespace().last().is_some_and(|w| {
        if w.is_ascii() {
            PREPOSITIONS.iter().any(|p| w.eq_ignore_ascii_case(p))
        } else {
            PREPOSITIONS.contains(&w.to_lowercase().as_str())
        }
    });
    if preposition {
        return None;
    }
    (!unknown_name_in(body, range, &mentions[first..])).then_some(p.entry)
}

/// Does the sentence speak of someone by their tie to another ("his wife", "her brother
/// Alexander"): a new person, whom the next sentence's "she" or "he" may mean?
fn brings_in_a_relation(kb: &KnowledgeBase, sentence: &str) -> bool {
    let mut words =
        sentence.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphabetic()));
    let mut before = words.next().unwrap_or("");
    words.any(|w| {
        let owner = ["his", "her", "their"].iter().any(|p| before.eq_ignore_ascii_case(p));
        before = w;
        let one = w.strip_suffix('s').unwrap_or(w);
        owner
            && kb
                .vocab
                .relations
                .iter()
                .any(|r| w.eq_ignore_ascii_case(r) || one.eq_ignore_ascii_case(r))
    })
}

/// Does the sentence hold, after its first word, a capitalised word that is no name the base
/// knows and no common word: someone else a "he" may stand for ("Stalin talked with Sholokhov.
/// He died in 1984." does not say that Stalin did)?
fn unknown_name_in(body: &str, range: &Range<usize>, mentions: &[Mention]) -> bool {
    let sentence = &body[range.clone()];
    // Mentions are in document order and never overlap: the one that may hold `at` is the
    // last to start at or before it (a binary search, so a sentence of thousands of names
    // costs no more than a scan of its words).
    let named = |at: usize| {
        let k = mentions.partition_point(|m| m.range.start <= at);
        k > 0 && at < mentions[k - 1].range.end
    };
    let mut words = sentence.split_whitespace();
    words.next();
    words.any(|w| {
        let at = range.start + (w.as_ptr() as usize - sentence.as_ptr() as usize);
        let bare = w.trim_matches(|c: char| !c.is_alphabetic());
        bare.starts_with(char::is_uppercase)
            && !named(at + w.find(bare).unwrap_or(0))
            && !crate::base::is_common_word(bare)
    })
}

/// Every check on one sentence; ranges in the result are relative to the sentence start.
fn check_sentence(
    run: &Run,
    at: &SentenceAt,
    mentions: &[Mention],
    quotes: &[Range<usize>],
) -> SentenceResult {
    let (kb, config) = (run.kb, run.config);
    let (body, range) = (at.body, at.range.clone());
    let start = range.start;
    let mut ctx = SentenceCtx::new(kb, kb.cue_phrases(), body, range, mentions, quotes, config);
    ctx.antecedent = at.antecedent.person;
    ctx.event_antecedent = at.antecedent.event;
    ctx.thing_antecedent = at.antecedent.thing;
    let mut found = SentenceOut::default();
    for &(check, tables) in &run.checks {
        // A bug in one check on one sentence must cost only that check's findings there: the
        // mentions (hover), the other checks and the rest of the document stay. The default
        // panic hook still reports it on stderr. Later checks see earlier findings
        // (anachronism leaves a date dubious-date flagged), so they share `found`; a panic
        // drops only what this one added.
        let before = (found.findings.len(), found.claims.len());
        if catch_unwind(AssertUnwindSafe(|| check.sentence(&ctx, tables, &mut found))).is_err() {
            found.findings.truncate(before.0);
            found.claims.truncate(before.1);
            CAUGHT_PANICS.fetch_add(1, Ordering::Relaxed);
        }
        keep_enabled(config, &mut found.findings, before.0);
    }
    let mut out = SentenceResult::default();
    for mut f in found.findings {
        // A sentence check reports inside its sentence (the cache stores sentence-relative
        // ranges); anything else would be a bug, dropped rather than misplaced.
        if f.range.start < start
            || f.fixes.iter().any(|x| x.range.start < start)
            || f.related.iter().any(|r| r.range.as_ref().is_some_and(|x| x.start < start))
        {
            debug_assert!(false, "a check reported outside its sentence: {f:?}");
            continue;
        }
        if quotes.iter().any(|q| q.start <= f.range.start && f.range.end <= q.end) {
            f.quoted = true;
            if matches!(f.severity, Severity::Warning | Severity::Error) {
                f.severity = Severity::Information;
                f.message =
                    format!("{} (inside a quotation: attributed to its author)", f.message).into();
            }
        }
        out.findings.push(f.rebased(start, 0));
    }
    out.claims.extend(found.claims.iter().map(|c| c.rebased(start, 0)));
    out
}

/// The document passes (the counterargument check's counterpoints and balance), over the whole
/// text and every claim in it.
fn run_document_passes(
    kb: &Prepared,
    config: &Config,
    claims: &[Claim],
    (text, sections): (&str, &[usize]),
    mut out: DocumentOut,
) -> (Vec<Finding>, Balance) {
    let ctx = DocumentCtx { kb, claims, text, sections };
    for (i, check) in CHECKS.iter().enumerate() {
        if check.runs(config) {
            let before = out.findings.len();
            check.document(&ctx, kb.tables(i), &mut out);
            keep_enabled(config, &mut out.findings, before);
        }
    }
    (out.findings, out.balance)
}

/// Drops the findings (from `from` on) whose code the student switched off. On and off are
/// decided here, per code, for every pass.
fn keep_enabled(config: &Config, findings: &mut Vec<Finding>, from: usize) {
    if findings[from..].iter().any(|f| !config.enabled(f.code)) {
        let kept: Vec<Finding> =
            findings.drain(from..).filter(|f| config.enabled(f.code)).collect();
        findings.extend(kept);
    }
}
