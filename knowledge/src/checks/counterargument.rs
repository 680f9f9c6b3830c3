//! Counterarguments: recognise when a sentence (or a clause of it) asserts a claim from the debate
//! "Did Leninism lead to Stalinism?" and offer the strongest point the other side makes.
//!
//! Matching is lexical. Every `[[argument]]` entry lists `cues`, words and short phrases by which
//! a student's sentence shows that it makes the argument's claim. Cues and sentence words are
//! reduced to light stems (lower case, no possessive, no plural / -ed / -ing / -ion ... endings,
//! -ize spelt -ise), so "continued", "continuity" and "continuation" are one term; synonyms are
//! simply further cues. A cue is matched as a phrase (one filler word such as "the" or an adverb
//! may sit between its words). Each argument is scored like BM25 with the cues as query terms:
//! a cue's weight is its inverse document frequency over the arguments (each argument's cues,
//! claim and evidence text make one document, so "terror", which most of them use, weighs
//! little), saturated by how often it occurs, scaled by the argument's cue-list length and
//! boosted for multi-word cues; the content words of the argument's own `claim` add a little, and
//! so, at half weight, do predicate cues of other arguments on the same side ("led directly to"
//! lends weight to "democratic centralism"). Cues that are only a name in the fact base ("Cheka",
//! "NEP") say what a sentence is about, not what it argues; cues made of function words and
//! names only ("Lenin did not") count half.
//!
//! A sentence is taken to make a claim only when it also shows that it argues, and no meta
//! marker says it speaks of the essay itself ("In the next paragraph I turn to ...", unless it
//! goes on "... argue that"); questions make no claim. The best argument needs one predicate cue
//! (neither a name nor common to most arguments) and then either a claim marker or hedge from the
//! vocabulary ("inevitable", "led to", "proves", "betrayed", "some historians argue") with two
//! cues, one specific phrase or one rare heavy cue; or a sentence that sets Lenin (Leninism)
//! beside Stalin (Stalinism) with a marker, or with strong cues and no date. Markers made only of
//! function words ("was the", "not", "more than") need stronger cues. Words inside quotations do
//! not count as the student's markers. Descriptive sentences ("The Cheka was founded in 1917",
//! "The Kronstadt sailors rebelled in March 1921") draw nothing.
//!
//! Negation: a negation word ("not", "never", "by no means", "rather than"...) reverses the cue
//! hits after it up to the next comma; "a myth", "wrong" reverse the clause they close; an even
//! number of negations cancels out ("not without"); "not only", "no doubt" do not negate. A
//! negated claim asserts the opposite of the argument ("Stalin did not simply continue Lenin's
//! terror"), so its counterpoint is the argument itself. Hedged claims are still claims.
//!
//! `document` then offers, for each claim, the strongest counterpoint (the argument's `counters`,
//! strongest first, then other arguments of the opposite side on the same theme) that the
//! paragraph has not shown yet, naming its source, with up to two alternatives as related
//! information and quick fixes that insert a counterargument sentence or a citation. A claim whose
//! counterpoint the essay already makes elsewhere (or whose opposite it asserts) draws nothing.
//! The balance counts the points on each side and lists strong opposing points not yet addressed.
//!
//! The per-knowledge-base tables (stemmed cues, weights) are built once and cached, keyed by the
//! fact base's address and a fingerprint of its arguments and vocabulary. Every sentence is read,
//! so the tables make that cheap: stems are numbers, and one lookup per token tells which
//! vocabulary phrases may start there and, for the words the fact base itself uses, their stem.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};

use super::{Check, DocumentCtx, DocumentOut, SentenceCtx, SentenceOut};
use crate::base::{Argument, KnowledgeBase, Stance};
use crate::finding::{Code, CodeSpec, Finding, Fix, Related, Severity};
use crate::text::sentences::{possessive_base, tokenize, Sentence, TokKind};

pub const COUNTERARGUMENT: CodeSpec = CodeSpec {
    code: Code::Counterargument,
    name: "counterargument",
    setting: "counterargument",
    severity: Severity::Hint,
    description: "Suggest counterarguments to claims the essay makes, and show the argument-balance code lens.",
};

/// The claims are found whatever the setting: the argument balance counts them.
pub(crate) const CHECK: Check<Index> = Check {
    codes: &[COUNTERARGUMENT],
    runs_when_off: true,
    prepare: Index::build,
    sentence: Some(sentence_pass),
    document: Some(document_pass),
};

fn sentence_pass(ctx: &SentenceCtx, ix: &Index, out: &mut SentenceOut) {
    out.claims.extend(claims(ctx, ix));
}

fn document_pass(ctx: &DocumentCtx, ix: &Index, out: &mut DocumentOut) {
    let (findings, balance) = document(ctx.kb, ix, ctx.claims, ctx.text);
    out.findings.extend(findings);
    out.balance = balance;
}

/// A sentence (or clause) that makes a claim from the debate.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    /// The claim's range (block-relative inside a block result; absolute in an `Analysis`).
    pub range: Range<usize>,
    /// The paragraph (block) it is in, absolute; used to say each counterpoint once a paragraph.
    pub block: Range<usize>,
    /// Index into `KnowledgeBase::arguments` of the argument the sentence makes.
    pub argument: usize,
    /// True when the sentence asserts the opposite of the argument ("did not simply continue").
    pub negated: bool,
    pub score: f32,
    /// The whole sentence the claim is in (same coordinates as `range`): a counterargument is
    /// inserted after it.
    pub sentence: Range<usize>,
}

impl Claim {
    /// The claim with its ranges moved from an origin at `from` to one at `to`.
    pub(crate) fn rebased(&self, from: usize, to: usize) -> Claim {
        Claim {
            range: self.range.start - from + to..self.range.end - from + to,
            sentence: self.sentence.start - from + to..self.sentence.end - from + to,
            ..self.clone()
        }
    }

    pub fn shifted(&self, by: usize, block: Range<usize>) -> Claim {
        Claim {
            range: self.range.start + by..self.range.end + by,
            sentence: self.sentence.start + by..self.sentence.end + by,
            block,
            ..self.clone()
        }
    }

    /// The side the sentence takes: the argument's stance, reversed when negated.
    pub fn stance(&self, kb: &KnowledgeBase) -> Stance {
        let s = kb.arguments[self.argument].stance;
        if self.negated {
            opposite(s)
        } else {
            s
        }
    }
}

/// How many points the essay makes on each side, and strong opposing points not yet addressed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Balance {
    pub continuity: usize,
    pub rupture: usize,
    /// Argument indices the essay has not addressed yet, strongest first.
    pub unaddressed: Vec<usize>,
}

fn opposite(s: Stance) -> Stance {
    match s {
        Stance::Continuity => Stance::Rupture,
        Stance::Rupture => Stance::Continuity,
    }
}

// ---------------------------------------------------------------------------------------------
// Tuning. Scores are BM25 sums; a typical specific cue weighs 2-3.5, a cue shared by half the
// arguments well under 1.

/// BM25 term-frequency saturation.
const K1: f32 = 1.2;
/// BM25 length normalisation (over the number of cues an argument lists).
const B: f32 = 0.4;
/// Extra weight per additional word of a phrase cue.
const PHRASE_BOOST: f32 = 0.5;
/// Weight of a content word of the argument's `claim` that no cue covers, relative to its idf.
const CLAIM_WORD: f32 = 0.3;
/// Minimum score of the best argument.
const MIN_SCORE: f32 = 3.0;
/// A single phrase cue suffices when at most this many arguments share it.
const SPECIFIC_DF: usize = 2;
/// The ids of the entries that stand for the two sides the debate compares.
const SIDES: [&[&str]; 2] = [&["lenin", "leninism"], &["stalin", "stalinism"]];

/// Weight of a predicate borrowed from another argument of the same side.
const BORROWED: f32 = 0.5;
/// Minimum score when the sentence sets Lenin beside Stalin.
const MIN_SCORE_BOTH: f32 = 2.0;
/// A single cue this heavy (a rare phrase) is enough with a claim marker.
const HEAVY_CUE: f32 = 4.0;
/// A claim needs one cue that is neither a name nor a word most arguments use ("terror"): idf at
/// least this (about one argument in seven).
const PREDICATE_IDF: f32 = 2.0;

// ---------------------------------------------------------------------------------------------
// Stems.

/// Light stemmer: lower case, no possessive, -ize as -ise, one common ending removed.
/// "Continued", "continuity", "continuation" -> "continu"; "purges", "purged" -> "purg".
pub fn stem(word: &str) -> String {
    // Essays repeat their words: remember each word's stem (per thread, bounded).
    thread_local! {
        static MEMO: std::cell::RefCell<FxHashMap<String, String>> = std::cell::RefCell::new(FxHashMap::default());
    }
    if let Some(s) = MEMO.with(|m| m.borrow().get(word).cloned()) {
        return s;
    }
    let s = stem_uncached(word);
    MEMO.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() >= 50_000 {
            m.clear();
        }
        m.insert(word.to_string(), s.clone());
    });
    s
}

fn stem_uncached(word: &str) -> String {
    if word.is_ascii() {
        let mut buf = Vec::new();
        stem_ascii(word.to_ascii_lowercase().as_bytes(), &mut buf);
        return String::from_utf8(buf).expect("an ASCII stem");
    }
    let w = word.to_lowercase();
    let w = possessive_base(&w);
    let w = if w.contains("iz") { w.replace("iz", "is") } else { w.to_string() };
    if w.len() <= 3 || !w.is_ascii() {
        return w;
    }
    // Lower-casing made it ASCII (the Kelvin sign is a "k").
    let mut buf = w.into_bytes();
    strip_ending(&mut buf);
    String::from_utf8(buf).expect("an ASCII stem")
}

/// `stem` of a lower-case ASCII word, written into `out` without allocating (once `out` has
/// grown): the words of every sentence are stemmed, so this is the hot path.
fn stem_ascii(word: &[u8], out: &mut Vec<u8>) {
    out.clear();
    out.extend_from_slice(word);
    // The possessive ("’s" is not ASCII).
    if out.ends_with(b"'s") {
        out.truncate(out.len() - 2);
    } else if out.ends_with(b"'") {
        out.truncate(out.len() - 1);
    }
    // -ize as -ise ("iz" never overlaps itself).
    let mut i = 0;
    while i + 1 < out.len() {
        if out[i] == b'i' && out[i + 1] == b'z' {
            out[i + 1] = b's';
            i += 2;
        } else {
            i += 1;
        }
    }
    if out.len() > 3 {
        strip_ending(out);
    }
}

/// Removes one common ending from a lower-case ASCII word of four letters or more.
fn strip_ending(w: &mut Vec<u8>) {
    // Endings that would make another word: "faction" is not "fact".
    let keep: Option<&[u8]> = match &w[..] {
        b"faction" | b"factions" | b"factional" => Some(b"faction"),
        b"nation" | b"nations" => Some(b"nation"),
        b"action" | b"actions" => Some(b"action"),
        _ => None,
    };
    if let Some(v) = keep {
        w.clear();
        w.extend_from_slice(v);
        return;
    }
    if w.len() > 4 && (w.ends_with(b"ies") || w.ends_with(b"ied")) {
        w.truncate(w.len() - 3);
        w.push(b'y');
        return;
    }
    // The endings, longest first within each group, with the shortest stem each may leave;
    // grouped by last letter, since only those ending as the word does can match.
    const S: &[(&[u8], usize)] = &[
        (b"isations", 4),
        (b"ations", 3),
        (b"abilities", 3),
        (b"ities", 3),
        (b"ings", 3),
        (b"ions", 3),
        (b"ments", 4),
        (b"ness", 4),
        (b"es", 3),
        (b"s", 3),
    ];
    const N: &[(&[u8], usize)] = &[(b"isation", 4), (b"ation", 3), (b"ion", 3)];
    const Y: &[(&[u8], usize)] =
        &[(b"ability", 3), (b"ity", 3), (b"ably", 3), (b"edly", 3), (b"ly", 4)];
    const E: &[(&[u8], usize)] = &[(b"able", 3), (b"e", 3)];
    let endings: &[(&[u8], usize)] = match w[w.len() - 1] {
        b's' => S,
        b'n' => N,
        b'y' => Y,
        b'e' => E,
        b'g' => &[(b"ing", 3)],
        b't' => &[(b"ment", 4)],
        b'd' => &[(b"ed", 3)],
        b'l' => &[(b"al", 4)],
        _ => &[],
    };
    for &(suf, min) in endings {
        if !w.ends_with(suf) {
            continue;
        }
        let base = w.len() - suf.len();
        if base < min {
            continue;
        }
        if suf == b"s" && matches!(w[base - 1], b's' | b'u' | b'i') {
            continue;
        }
        w.truncate(base);
        if suf.starts_with(b"isation") {
            w.extend_from_slice(b"is");
        }
        return;
    }
}

/// Words a phrase cue may skip between two of its words.
fn filler(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "their"
            | "its"
            | "this"
            | "that"
            | "these"
            | "those"
            | "all"
            | "any"
            | "so"
            | "very"
            | "much"
    ) || (w.len() > 4 && w.ends_with("ly") && w != "only")
}

/// Function words: never content.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "by", "to", "for", "from",
    "with", "as", "into", "than", "that", "this", "these", "those", "it", "its", "he", "his",
    "him", "she", "her", "they", "their", "them", "we", "our", "i", "my", "you", "was", "were",
    "is", "are", "be", "been", "being", "had", "has", "have", "did", "do", "does", "not", "no",
    "so", "which", "who", "whom", "whose", "what", "when", "while", "after", "before", "under",
    "over", "only", "also", "even", "more", "most", "much", "many", "some", "such", "one", "two",
    "would", "could", "should", "might", "may", "will", "can", "there", "then", "own", "all",
    "any", "very", "same", "other", "between", "against", "up", "out", "about", "both", "each",
    "if", "how",
];

/// Words every argument of the debate uses: not content words of one claim.
const DEBATE_WORDS: &[&str] = &[
    "lenin",
    "stalin",
    "leninism",
    "stalinism",
    "soviet",
    "bolshevik",
    "bolsheviks",
    "party",
    "regime",
    "state",
    "system",
    "made",
    "make",
    "later",
];

fn is_stopword(w: &str) -> bool {
    FUNCTION_WORDS.contains(&w) || DEBATE_WORDS.contains(&w)
}

/// Stems of everyday verbs and words that do not make a phrase specific ("led to", "had to").
const LIGHT: &[&str] = &[
    "led", "lead", "had", "hav", "mak", "mad", "set", "put", "carri", "carry", "get", "got", "go",
    "went", "com", "came", "tak", "took", "giv", "gav", "given", "use", "us", "far", "much",
    "never", "did", "just", "whol", "own", "new", "old", "member", "peopl", "lenin", "stalin",
];

/// One word of a cue: a stem, or a prefix for a cue word written with a trailing `*`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Part {
    Stem(String),
    Prefix(String),
}

/// A `Part` as matched against a sentence: a stem by its id in `Index::stem_ids`.
#[derive(Clone, Debug)]
enum Pat {
    Stem(u32),
    Prefix(String),
}

fn cue_parts(cue: &str) -> Vec<Part> {
    let mut out = Vec::new();
    for piece in cue.split_whitespace() {
        if let Some(p) = piece.strip_suffix('*') {
            out.push(Part::Prefix(p.to_lowercase()));
            continue;
        }
        for t in tokenize(piece) {
            if t.kind == TokKind::Punct {
                continue;
            }
            let w = &piece[t.range];
            for sub in w.split('-').filter(|x| !x.is_empty()) {
                out.push(Part::Stem(stem(sub)));
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Per-knowledge-base tables.

/// One word of a vocabulary phrase, read once (`Phrases::match_from` matches it).
enum VWord {
    /// `...`: up to three words.
    Gap,
    /// `word*`: a word that starts so.
    Prefix(String),
    /// "n't" as the last word: a word that ends so ("didn't").
    Nt,
    /// The word (by its id in `Lists::words`); as the last word of the phrase, also with a
    /// possessive ("Lenin's").
    Exact { word: u32, last: bool },
}

/// A vocabulary list, split into words once, matched like `Sentence::phrase_at` (whole words,
/// `*` suffix wildcard, a possessive allowed on the last word, "n't" as a word ending).
#[derive(Default)]
struct Phrases {
    list: Vec<Vec<VWord>>,
    /// For each phrase, its second word when the first is a word and the second a whole word
    /// (id, last): a token after the first word that is not it rules the phrase out at once.
    second: Vec<Option<(u32, bool)>>,
    /// Phrases whose first word is a wildcard, and "n't": tried wherever their first word
    /// matches. The others are found through `Lists::words` by their first word.
    other: Vec<usize>,
}

impl Phrases {
    /// Does token `j` (`t` is what the vocabulary knows of it) match the phrase word? A gap
    /// matches anything here.
    fn word_ok(s: &Sentence, t: &TokWord, j: usize, p: &VWord) -> bool {
        match p {
            VWord::Gap => true,
            VWord::Prefix(x) => {
                s.toks[j].kind == TokKind::Word && s.word(j).starts_with(x.as_str())
            }
            VWord::Nt => t.nt,
            // Every word of the vocabulary has its id: the same id is the same word.
            VWord::Exact { word, last } => t.ids[0] == *word || (*last && t.ids[1] == *word),
        }
    }

    /// Matches `parts` from token `j`: the token index after the longest match. A part `...`
    /// skips up to three words ("made ... possible" covers "made Stalin's dictatorship
    /// possible"), never punctuation.
    fn match_from(s: &Sentence, tw: &TokWords, mut j: usize, parts: &[VWord]) -> Option<usize> {
        for (k, p) in parts.iter().enumerate() {
            if let VWord::Gap = p {
                let rest = &parts[k + 1..];
                return (0..=3)
                    .take_while(|&g| {
                        g == 0 || (j + g <= s.toks.len() && s.toks[j + g - 1].kind == TokKind::Word)
                    })
                    .filter_map(|g| Self::match_from(s, tw, j + g, rest))
                    .max();
            }
            if j >= s.toks.len() || !Self::word_ok(s, &tw.toks[j], j, p) {
                return None;
            }
            j += 1;
        }
        Some(j)
    }
}

/// The vocabulary lists a sentence is read against, indices into `Lists::lists`.
const META: usize = 0;
const HEDGES: usize = 1;
const MARKERS: usize = 2;
const NEGATIONS: usize = 3;

/// What the vocabulary knows of a word: any word of its phrases, the function words and the
/// words of the arguments' texts.
struct WordInfo {
    id: u32,
    /// The phrases of several words of each list that may start at the word (by their first
    /// word).
    starts: [Vec<u32>; 4],
    /// Bit `k` set: the word alone is a phrase of list `k` (a token matches it also with a
    /// possessive).
    single: u8,
    /// Bit `k` set: the word may start a phrase of list `k` (`single`, or `starts[k]` not
    /// empty).
    lists: u8,
    /// It is one of `FUNCTION_WORDS`.
    function: bool,
    /// The word's stem id as a piece of a sentence (`Index::stem_ids`, `NO_STEM`).
    stem: u32,
}

impl WordInfo {
    fn new(id: u32) -> WordInfo {
        WordInfo {
            id,
            starts: Default::default(),
            single: 0,
            lists: 0,
            function: false,
            stem: NO_STEM,
        }
    }
}

/// The meta markers, hedges, claim markers and negations, with one table from a word to the
/// phrases of every list that it may start: most words of a sentence start none, and cost one
/// lookup for all four lists.
#[derive(Default)]
struct Lists {
    lists: [Phrases; 4],
    words: FxHashMap<Box<str>, WordInfo>,
    /// The lists that have "n't" alone as a phrase (in `Phrases::other`), as bits.
    nt_lists: u8,
    /// The other phrases of `Phrases::other` (a wildcard first): list and phrase.
    prefixed: Vec<(usize, usize)>,
}

/// A token's `WordInfo::id` when the vocabulary does not have the word.
const NO_WORD: u32 = u32::MAX;

/// What the vocabulary knows of a token of a sentence.
struct TokWord<'a> {
    /// Of the word, and of its possessive base when that differs ("lenin's" -> "lenin").
    info: [Option<&'a WordInfo>; 2],
    /// Their ids, `NO_WORD` when unknown.
    ids: [u32; 2],
    /// The word ends in "n't".
    nt: bool,
    /// The word has a possessive ending ("lenin's").
    possessive: bool,
    /// Bit `k` set: a phrase of list `k` may start at the token.
    may: u8,
}

struct TokWords<'a> {
    toks: Vec<TokWord<'a>>,
    /// The lists with a phrase that may start somewhere in the sentence, as bits.
    may: u8,
}

impl Lists {
    fn new(srcs: [&[String]; 4]) -> Lists {
        let mut out = Lists::default();
        fn word(words: &mut FxHashMap<Box<str>, WordInfo>, w: &str) -> u32 {
            let id = words.len() as u32;
            words.entry(w.into()).or_insert_with(|| WordInfo::new(id)).id
        }
        for (k, src) in srcs.into_iter().enumerate() {
            for p in src {
                let words: Vec<&str> = p.split_whitespace().collect();
                let Some(&first) = words.first() else { continue };
                let n = words.len();
                let i = out.lists[k].list.len();
                if first.ends_with('*') || (n == 1 && first == "n't") {
                    out.lists[k].other.push(i);
                } else {
                    word(&mut out.words, first);
                    let e = out.words.get_mut(first).expect("just added");
                    if n == 1 && first != "..." {
                        e.single |= 1 << k;
                    } else {
                        e.starts[k].push(i as u32);
                    }
                    e.lists |= 1 << k;
                }
                let parts: Vec<VWord> = words
                    .iter()
                    .enumerate()
                    .map(|(j, &p)| {
                        let last = j + 1 == n;
                        if p == "..." {
                            VWord::Gap
                        } else if let Some(x) = p.strip_suffix('*') {
                            VWord::Prefix(x.to_string())
                        } else if last && p == "n't" {
                            VWord::Nt
                        } else {
                            VWord::Exact { word: word(&mut out.words, p), last }
                        }
                    })
                    .collect();
                let second = match parts[..] {
                    [VWord::Exact { .. }, VWord::Exact { word, last }, ..] => Some((word, last)),
                    _ => None,
                };
                out.lists[k].second.push(second);
                out.lists[k].list.push(parts);
            }
        }
        for w in FUNCTION_WORDS {
            word(&mut out.words, w);
            out.words.get_mut(*w).expect("just added").function = true;
        }
        for (k, l) in out.lists.iter().enumerate() {
            for &p in &l.other {
                match l.list[p][0] {
                    VWord::Nt => out.nt_lists |= 1 << k,
                    _ => out.prefixed.push((k, p)),
                }
            }
        }
        out
    }

    fn tok_words<'a>(&'a self, s: &Sentence) -> TokWords<'a> {
        let toks: Vec<TokWord> = (0..s.toks.len())
            .map(|i| {
                let w = s.word(i);
                // Every possessive ending ends so: most words need no second look.
                let base = if matches!(w.as_bytes().last(), Some(b's' | b'\'' | 0x99)) {
                    possessive_base(w)
                } else {
                    w
                };
                let info = [
                    self.words.get(w),
                    if base.len() != w.len() { self.words.get(base) } else { None },
                ];
                let ids = info.map(|e| e.map_or(NO_WORD, |e| e.id));
                let may = info.iter().flatten().fold(0, |m, e| m | e.lists);
                let nt = w.ends_with("n't") || w.ends_with("n’t");
                let mut t = TokWord {
                    info,
                    ids,
                    nt,
                    possessive: base.len() != w.len(),
                    may: if nt { may | self.nt_lists } else { may },
                };
                for &(k, p) in &self.prefixed {
                    if Phrases::word_ok(s, &t, i, &self.lists[k].list[p][0]) {
                        t.may |= 1 << k;
                    }
                }
                t
            })
            .collect();
        let may = toks.iter().fold(0, |m, t| m | t.may);
        TokWords { toks, may }
    }

    /// The longest phrase of list `k` starting at token `i`: the token index after it.
    #[inline(always)]
    fn at(&self, k: usize, s: &Sentence, tw: &TokWords, i: usize) -> Option<usize> {
        if tw.toks[i].may & (1 << k) == 0 {
            return None;
        }
        self.longest(k, s, tw, i)
    }

    fn longest(&self, k: usize, s: &Sentence, tw: &TokWords, i: usize) -> Option<usize> {
        let l = &self.lists[k];
        let t = &tw.toks[i];
        // A single word is matched by the lookup that found it (of the word or of its base).
        let single = t.info.iter().flatten().any(|e| e.single & (1 << k) != 0)
            || (t.nt && self.nt_lists & (1 << k) != 0);
        let mut best = single.then_some(i + 1);
        let next = tw.toks.get(i + 1);
        for e in t.info.iter().flatten() {
            for &p in &e.starts[k] {
                let p = p as usize;
                if let Some((id, last)) = l.second[p] {
                    if !next.is_some_and(|n| n.ids[0] == id || (last && n.ids[1] == id)) {
                        continue;
                    }
                }
                best = best.max(Phrases::match_from(s, tw, i, &l.list[p]));
            }
        }
        for &(lk, p) in &self.prefixed {
            if lk == k {
                best = best.max(Phrases::match_from(s, tw, i, &l.list[p]));
            }
        }
        best
    }

    fn any(&self, k: usize, s: &Sentence, tw: &TokWords) -> bool {
        tw.may & (1 << k) != 0 && (0..s.toks.len()).any(|i| self.at(k, s, tw, i).is_some())
    }

    fn is_function_word(tw: &TokWords, i: usize) -> bool {
        tw.toks[i].info[0].is_some_and(|e| e.function)
    }
}

struct Cue {
    /// Its words, stems by their id in `Index::stem_ids`.
    parts: Vec<Pat>,
    /// Arguments listing this cue, ascending.
    args: Vec<usize>,
    /// BM25 inverse document frequency times the phrase boost.
    weight: f32,
    idf: f32,
    specific: bool,
    /// Shows what a sentence argues: not a name, not common to many arguments, not only function
    /// words ("Lenin never").
    predicate: bool,
    /// The side of every argument that lists it, if they agree.
    stance: Option<Stance>,
    /// Only function words and names ("Lenin did not"): half weight, not a distinct cue.
    weak: bool,
    /// The cue is just a name of something in the fact base ("Cheka", "Five-Year Plan"): it
    /// shows what a sentence is about, not what it argues.
    topic: bool,
}

pub(crate) struct Index {
    cues: Vec<Cue>,
    /// The stems of the cues and of the claims' content words, numbered: a sentence word whose
    /// stem is not here matches no cue and no claim word, and the others compare as numbers.
    stem_ids: FxHashMap<Box<[u8]>, u32>,
    /// Cues by their first stem (by stem id).
    by_first: Vec<Vec<usize>>,
    /// Cues whose first word is a prefix pattern.
    by_prefix: Vec<usize>,
    /// BM25 length normalisation per argument.
    norm: Vec<f32>,
    /// Content stems of each argument's `claim` (by stem id): the arguments, ascending, with the
    /// word's weight.
    claim_words: Vec<Vec<(usize, f32)>>,
    /// Entries that stand for each side of the debate: Lenin / Leninism and Stalin / Stalinism.
    sides: [Vec<usize>; 2],
    /// Meta markers, hedges, claim markers and negations.
    lists: Lists,
    /// Each argument as a counterpoint reads: claim, evidence and source (formatted once, since
    /// every re-check of a document states them again).
    points: Vec<String>,
    /// Each argument's quick-fix sentences: "However, ... (source)." and "Evidence (full source).".
    however: Vec<String>,
    citation: Vec<String>,
}

/// Is the (lower-case) cue wholly a name in the fact base, in some capitalisation?
fn is_name(kb: &KnowledgeBase, cue: &str) -> bool {
    let title: String = cue
        .split(' ')
        .map(|w| {
            let mut cs = w.chars();
            cs.next().map(|c| c.to_uppercase().chain(cs).collect::<String>()).unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ");
    [cue.to_string(), title, cue.to_uppercase()]
        .iter()
        .any(|v| kb.index.find_all(v).iter().any(|m| m.range == (0..v.len())))
}

fn idf(n: usize, df: usize) -> f32 {
    let (n, df) = (n as f32, df as f32);
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

impl Index {
    fn build(kb: &KnowledgeBase) -> Index {
        let n = kb.arguments.len();
        let mut by_parts: HashMap<Vec<Part>, Vec<usize>> = HashMap::new();
        let mut order: Vec<Vec<Part>> = Vec::new();
        let mut topics: HashSet<Vec<Part>> = HashSet::new();
        let mut ncues = vec![0usize; n];
        for (ai, a) in kb.arguments.iter().enumerate() {
            for c in &a.cues {
                let parts = cue_parts(c);
                if parts.is_empty() {
                    continue;
                }
                if is_name(kb, c) {
                    topics.insert(parts.clone());
                }
                let e = by_parts.entry(parts.clone()).or_insert_with(|| {
                    order.push(parts);
                    Vec::new()
                });
                if !e.contains(&ai) {
                    e.push(ai);
                    ncues[ai] += 1;
                }
            }
        }
        // Each argument as a document for document frequencies: its claim and evidence, stemmed.
        let docs: Vec<Vec<Vec<String>>> = kb
            .arguments
            .iter()
            .map(|a| [&a.claim, &a.evidence_text].iter().map(|t| text_stems(t)).collect())
            .collect();
        // Where each stem stands in those documents, so that a cue is looked for only where its
        // first word is (the cues times the documents would cost milliseconds at start-up).
        let mut postings: HashMap<&str, Vec<(usize, usize, usize)>> = HashMap::new();
        for (ai, doc) in docs.iter().enumerate() {
            for (si, seg) in doc.iter().enumerate() {
                for (k, w) in seg.iter().enumerate() {
                    postings.entry(w.as_str()).or_default().push((ai, si, k));
                }
            }
        }
        let mut cues = Vec::new();
        let mut stem_ids: FxHashMap<Box<[u8]>, u32> = FxHashMap::default();
        let mut by_first: Vec<Vec<usize>> = Vec::new();
        let mut by_prefix = Vec::new();
        for parts in order {
            let args = by_parts.remove(&parts).unwrap_or_default();
            let words = parts.len();
            let mut in_doc = vec![false; n];
            match &parts[0] {
                Part::Stem(first) => {
                    for &(ai, si, k) in postings.get(first.as_str()).into_iter().flatten() {
                        let seg = &docs[ai][si];
                        in_doc[ai] = in_doc[ai]
                            || (k + words <= seg.len()
                                && contains_phrase(&seg[k..k + words], &parts));
                    }
                }
                Part::Prefix(_) => {
                    for (ai, hit) in in_doc.iter_mut().enumerate() {
                        *hit = docs[ai].iter().any(|seg| contains_phrase(seg, &parts));
                    }
                }
            }
            let df = (0..n).filter(|&ai| args.contains(&ai) || in_doc[ai]).count();
            let cue_idf = idf(n, df);
            let mut weight = cue_idf * (1.0 + PHRASE_BOOST * (words as f32 - 1.0));
            let topic = topics.contains(&parts);
            // Two content words at least: "temporary retreat", not "led to" or "party members".
            let content = parts
                .iter()
                .filter(|p| match p {
                    Part::Stem(s) => {
                        s.len() > 2
                            && !FUNCTION_WORDS.contains(&s.as_str())
                            && !LIGHT.contains(&s.as_str())
                    }
                    Part::Prefix(_) => true,
                })
                .count();
            let specific = content >= 2 && df <= SPECIFIC_DF && !topic;
            // Only function words and names ("Lenin did not"): a weak hint at most.
            let weak = content == 0 && !topic;
            if weak {
                weight *= 0.5;
            }
            let ci = cues.len();
            let ids: Vec<Pat> = parts
                .iter()
                .map(|p| match p {
                    Part::Stem(s) => Pat::Stem(intern(&mut stem_ids, s)),
                    Part::Prefix(x) => Pat::Prefix(x.clone()),
                })
                .collect();
            match ids[0] {
                Pat::Stem(id) => {
                    let id = id as usize;
                    if by_first.len() <= id {
                        by_first.resize_with(id + 1, Vec::new);
                    }
                    by_first[id].push(ci);
                }
                Pat::Prefix(_) => by_prefix.push(ci),
            }
            let predicate = !topic && cue_idf >= PREDICATE_IDF && content >= 1;
            let stance = Some(kb.arguments[args[0]].stance)
                .filter(|s| args.iter().all(|&a| kb.arguments[a].stance == *s));
            cues.push(Cue {
                parts: ids,
                args,
                weight,
                idf: cue_idf,
                specific,
                predicate,
                stance,
                topic,
                weak,
            });
        }
        let avg = (ncues.iter().sum::<usize>() as f32 / n.max(1) as f32).max(1.0);
        let norm = ncues.iter().map(|&c| 1.0 - B + B * c as f32 / avg).collect();

        let mut claim_df: Vec<Vec<usize>> = Vec::new();
        for (ai, a) in kb.arguments.iter().enumerate() {
            for t in tokenize(&a.claim) {
                if t.kind != TokKind::Word {
                    continue;
                }
                for sub in a.claim[t.range.clone()].split('-') {
                    let low = possessive_base(&sub.to_lowercase()).to_string();
                    if low.len() < 3 || is_stopword(&low) {
                        continue;
                    }
                    let id = intern(&mut stem_ids, &stem(&low)) as usize;
                    if claim_df.len() <= id {
                        claim_df.resize_with(id + 1, Vec::new);
                    }
                    let e = &mut claim_df[id];
                    if !e.contains(&ai) {
                        e.push(ai);
                    }
                }
            }
        }
        let mut claim_words: Vec<Vec<(usize, f32)>> = claim_df
            .into_iter()
            .map(|v| {
                let w = CLAIM_WORD * idf(n, v.len());
                v.into_iter().map(|a| (a, w)).collect()
            })
            .collect();
        // Every known stem has its (maybe empty) entries.
        by_first.resize_with(stem_ids.len(), Vec::new);
        claim_words.resize_with(stem_ids.len(), Vec::new);
        let v = &kb.vocab;
        let mut ix = Index {
            cues,
            stem_ids,
            by_first,
            by_prefix,
            norm,
            claim_words,
            sides: SIDES.map(|ids| ids.iter().filter_map(|id| kb.find(id)).collect()),
            lists: Lists::new([&v.meta_markers, &v.hedges, &v.claim_markers, &v.negations]),
            points: kb.arguments.iter().map(|a| point(kb, a)).collect(),
            however: kb
                .arguments
                .iter()
                .map(|ca| {
                    let src = short_source(kb, ca);
                    let cite = if src.is_empty() { String::new() } else { format!(" ({src})") };
                    format!("However, {}{cite}.", lower_first(sentence_body(&ca.claim)))
                })
                .collect(),
            citation: kb
                .arguments
                .iter()
                .map(|ca| {
                    let evidence =
                        if ca.evidence_text.is_empty() { &ca.claim } else { &ca.evidence_text };
                    format!("{} ({}).", sentence_body(evidence), full_source(kb, ca))
                })
                .collect(),
        };
        // The words of the arguments' texts join the vocabulary's words (starting no phrase):
        // essays use them, and a sentence's word then has its stem from the lookup that
        // `Lists::tok_words` makes anyway.
        let words = &mut ix.lists.words;
        let texts = kb
            .arguments
            .iter()
            .flat_map(|a| [&a.claim, &a.evidence_text].into_iter().chain(&a.cues));
        for t in texts.map(|t| t.to_ascii_lowercase()) {
            for tok in tokenize(&t) {
                for sub in t[tok.range].split('-').filter(|x| !x.is_empty()) {
                    let id = words.len() as u32;
                    words.entry(possessive_base(sub).into()).or_insert_with(|| WordInfo::new(id));
                }
            }
        }
        let mut buf = Vec::new();
        for (w, e) in words.iter_mut() {
            e.stem = stem_id(&ix.stem_ids, w, &mut buf);
        }
        ix
    }
}

/// The id of a stem, numbering it if new.
fn intern(ids: &mut FxHashMap<Box<[u8]>, u32>, stem: &str) -> u32 {
    let next = ids.len() as u32;
    *ids.entry(stem.as_bytes().into()).or_insert(next)
}

/// A text's words as stems, hyphenated words split.
fn text_stems(t: &str) -> Vec<String> {
    let mut out = Vec::new();
    for tok in tokenize(t) {
        if tok.kind == TokKind::Punct {
            continue;
        }
        for sub in t[tok.range].split('-').filter(|x| !x.is_empty()) {
            out.push(stem(sub));
        }
    }
    out
}

fn contains_phrase(seg: &[String], parts: &[Part]) -> bool {
    seg.windows(parts.len()).any(|w| {
        w.iter().zip(parts).all(|(x, p)| match p {
            Part::Stem(s) => x == s,
            Part::Prefix(pre) => x.starts_with(pre.as_str()),
        })
    })
}

// ---------------------------------------------------------------------------------------------
// Sentence side.

/// A sentence word's stem id when its stem is no cue's and no claim's.
const NO_STEM: u32 = u32::MAX;

/// The id in `ids` of the stem of a sentence word (lower case, possessive removed), or
/// `NO_STEM`. `buf` is scratch space.
fn stem_id(ids: &FxHashMap<Box<[u8]>, u32>, raw: &str, buf: &mut Vec<u8>) -> u32 {
    let id = if raw.is_ascii() {
        stem_ascii(raw.as_bytes(), buf);
        ids.get(&buf[..])
    } else {
        ids.get(stem_uncached(raw).as_bytes())
    };
    id.copied().unwrap_or(NO_STEM)
}

impl Index {
    /// The id of the stem of a sentence word (lower case, possessive removed), or `NO_STEM`.
    /// `buf` is scratch space, kept across the words of a sentence.
    fn stem_id(&self, raw: &str, buf: &mut Vec<u8>) -> u32 {
        stem_id(&self.stem_ids, raw, buf)
    }

    /// The arguments whose claim has the stem, with the word's weight.
    fn claim_words(&self, stem: u32) -> &[(usize, f32)] {
        self.claim_words.get(stem as usize).map_or(&[], Vec::as_slice)
    }
}

/// A word of the sentence (hyphenated words give one piece per part).
struct Piece<'a> {
    raw: &'a str,
    /// Stem id (`NO_STEM` for a word no cue or claim has).
    stem: u32,
    tok: usize,
    /// Punctuation (other than a hyphen) comes between this piece and the one before.
    gap_before: bool,
}

fn pieces<'a>(ix: &Index, s: &'a Sentence, tw: &TokWords) -> Vec<Piece<'a>> {
    let mut out = Vec::with_capacity(s.toks.len());
    let mut buf = Vec::new();
    let mut last_word_tok: Option<usize> = None;
    for (i, t) in s.toks.iter().enumerate() {
        if t.kind == TokKind::Punct {
            continue;
        }
        let w = &s.lower[t.range.clone()];
        let gap = last_word_tok.is_some_and(|l| l + 1 != i);
        let mut piece = |sub: &'a str, first: bool, known: Option<&WordInfo>| {
            let raw = possessive_base(sub);
            let stem = match known {
                Some(e) => e.stem,
                None => ix.stem_id(raw, &mut buf),
            };
            out.push(Piece { raw, stem, tok: i, gap_before: first && gap });
        };
        if w.bytes().any(|b| b == b'-') {
            for (k, sub) in w.split('-').filter(|x| !x.is_empty()).enumerate() {
                piece(sub, k == 0, None);
            }
        } else if !w.is_empty() {
            // The whole word is the piece: the vocabulary's lookup of the word (or of its base,
            // when it has a possessive) has its stem, if the word is known.
            let t = &tw.toks[i];
            piece(w, true, if t.possessive { t.info[1] } else { t.info[0] });
        }
        last_word_tok = Some(i);
    }
    out
}

fn part_matches(p: &Pat, piece: &Piece) -> bool {
    match p {
        Pat::Stem(id) => *id == piece.stem,
        Pat::Prefix(x) => piece.raw.starts_with(x.as_str()),
    }
}

/// Does the phrase match at piece `i`? Returns the piece index after it.
fn phrase_at(parts: &[Pat], ps: &[Piece], i: usize) -> Option<usize> {
    if !part_matches(&parts[0], &ps[i]) {
        return None;
    }
    let mut j = i + 1;
    for p in &parts[1..] {
        if j < ps.len() && !ps[j].gap_before && part_matches(p, &ps[j]) {
            j += 1;
        } else if j + 1 < ps.len()
            && !ps[j].gap_before
            && !ps[j + 1].gap_before
            && filler(ps[j].raw)
            && part_matches(p, &ps[j + 1])
        {
            j += 2;
        } else {
            return None;
        }
    }
    Some(j)
}

#[derive(Clone, Debug)]
struct Hit {
    cue: usize,
    /// Piece range.
    pieces: Range<usize>,
    /// Token range.
    toks: Range<usize>,
}

fn find_hits(ix: &Index, ps: &[Piece]) -> Vec<Hit> {
    let mut hits = Vec::new();
    for i in 0..ps.len() {
        let firsts = ix.by_first.get(ps[i].stem as usize).map_or(&[][..], Vec::as_slice);
        for &ci in firsts.iter().chain(&ix.by_prefix) {
            if let Some(end) = phrase_at(&ix.cues[ci].parts, ps, i) {
                hits.push(Hit { cue: ci, pieces: i..end, toks: ps[i].tok..ps[end - 1].tok + 1 });
            }
        }
    }
    hits
}

/// A negation in the sentence, as a token range, and whether it closes the clause ("is a myth").
struct Negator {
    toks: Range<usize>,
    post: bool,
}

const POST_NEGATORS: &[&str] = &["myth", "wrong", "false", "mistaken", "untrue", "misleading"];

fn negators(ctx: &SentenceCtx, ix: &Index, tw: &TokWords) -> Vec<Negator> {
    let s = &ctx.sentence;
    let n = s.toks.len();
    let mut out: Vec<Negator> = Vec::new();
    let mut i = 0;
    while i < n {
        let w = s.word(i);
        // (The neighbours are looked at only after one of the words that may open an intensifier.)
        let next = || if i + 1 < n { s.word(i + 1) } else { "" };
        let prev = || if i > 0 { s.word(i - 1) } else { "" };
        // Intensifiers that look like negations.
        let fake = (matches!(w, "not" | "n't") && matches!(next(), "only" | "just" | "least"))
            || (w.ends_with("n't") && matches!(next(), "only" | "just"))
            || (w == "no"
                && matches!(
                    next(),
                    "doubt" | "wonder" | "coincidence" | "accident" | "less" | "surprise"
                ))
            || (w == "little" && matches!(prev(), "a" | "very"))
            || (w == "nothing" && next() == "but")
            || (w == "without" && next() == "doubt");
        if fake {
            i += 2;
            continue;
        }
        let mut best = ix.lists.at(NEGATIONS, s, tw, i);
        if best.is_none() && tw.toks[i].nt {
            best = Some(i + 1);
        }
        if let Some(end) = best {
            out.push(Negator { toks: i..end, post: POST_NEGATORS.contains(&w) });
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

/// An argument's score over some tokens of the sentence.
#[derive(Clone, Debug)]
struct Scored {
    argument: usize,
    score: f32,
    /// Distinct cues matched.
    distinct: usize,
    /// Distinct cues matched that are neither names (topics) nor common to many arguments.
    predicates: usize,
    specific: bool,
    /// Weight of the heaviest predicate cue matched.
    heaviest: f32,
    negated: bool,
}

/// Space `SentenceData::score` reuses from one argument, and one sentence, to the next (one per
/// thread). Hits are by their index in `SentenceData::hits`.
#[derive(Default)]
struct Scratch {
    inside: Vec<usize>,
    args: Vec<usize>,
    claim_pieces: Vec<usize>,
    hs: Vec<(usize, f32)>,
    taken: Vec<(usize, f32)>,
    /// Cue, times matched, weight.
    tf: Vec<(usize, usize, f32)>,
    seen: Vec<u32>,
    own: Vec<Range<usize>>,
}

struct SentenceData<'a> {
    ps: Vec<Piece<'a>>,
    hits: Vec<Hit>,
    negs: Vec<Negator>,
    /// Token index of each comma/semicolon etc. (negation scopes stop there).
    commas: Vec<usize>,
    clauses: &'a [Range<usize>],
}

impl SentenceData<'_> {
    fn clause_of(&self, t: usize) -> usize {
        self.clauses.iter().position(|c| c.contains(&t)).unwrap_or(0)
    }

    /// Is the token range reversed by the negations around it (ignoring negations inside `own`)?
    fn negated_at(&self, toks: &Range<usize>, own: &[Range<usize>]) -> bool {
        let c = self.clause_of(toks.start);
        let mut flips = 0;
        for n in &self.negs {
            if own.iter().any(|o| o.start <= n.toks.start && n.toks.end <= o.end)
                || self.clause_of(n.toks.start) != c
            {
                continue;
            }
            let before = n.toks.end <= toks.start
                && !self.commas.iter().any(|&k| n.toks.end <= k && k < toks.start);
            let after = n.post && n.toks.start >= toks.end;
            if before || after {
                flips += 1;
            }
        }
        flips % 2 == 1
    }

    /// Scores every argument on the hits inside `range` (tokens); best first. With `arguable`,
    /// only the arguments that have one of their own predicate cues (not weak) there: the others
    /// have no `predicates` and are never `accept`ed, and leaving them out keeps the order of
    /// the rest.
    fn score(
        &self,
        kb: &KnowledgeBase,
        ix: &Index,
        range: &Range<usize>,
        arguable: bool,
    ) -> Vec<Scored> {
        thread_local! {
            static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
        }
        SCRATCH.with_borrow_mut(|scratch| self.score_in(kb, ix, range, arguable, scratch))
    }

    fn score_in(
        &self,
        kb: &KnowledgeBase,
        ix: &Index,
        range: &Range<usize>,
        arguable: bool,
        scratch: &mut Scratch,
    ) -> Vec<Scored> {
        let Scratch { inside, args, claim_pieces, hs, taken, tf, seen, own } = scratch;
        inside.clear();
        inside.extend((0..self.hits.len()).filter(|&hi| {
            range.start <= self.hits[hi].toks.start && self.hits[hi].toks.end <= range.end
        }));
        args.clear();
        let counts = |c: &Cue| !arguable || (c.predicate && !c.weak);
        args.extend(
            inside
                .iter()
                .map(|&hi| &ix.cues[self.hits[hi].cue])
                .filter(|c| counts(c))
                .flat_map(|c| c.args.iter().copied()),
        );
        args.sort_unstable();
        args.dedup();
        // The pieces in range that are some claim's words.
        claim_pieces.clear();
        claim_pieces.extend(
            self.ps
                .iter()
                .enumerate()
                .filter(|(_, p)| !ix.claim_words(p.stem).is_empty() && range.contains(&p.tok))
                .map(|(pi, _)| pi),
        );
        let mut out = Vec::with_capacity(args.len());
        for &a in args.iter() {
            let stance = kb.arguments[a].stance;
            // The argument's own cues, and at half weight the predicates of other arguments of the
            // same side ("led directly to" lends itself to "democratic centralism").
            hs.clear();
            for &hi in inside.iter() {
                let c = &ix.cues[self.hits[hi].cue];
                if c.args.binary_search(&a).is_ok() {
                    hs.push((hi, c.weight));
                } else if c.predicate && c.stance == Some(stance) {
                    hs.push((hi, c.weight * BORROWED));
                }
            }
            // Longest / heaviest non-overlapping hits.
            hs.sort_by(|x, y| {
                y.1.total_cmp(&x.1)
                    .then(self.hits[x.0].pieces.start.cmp(&self.hits[y.0].pieces.start))
            });
            taken.clear();
            for &(hi, w) in hs.iter() {
                let h = &self.hits[hi];
                if !taken.iter().any(|&(t, _)| {
                    self.hits[t].pieces.start < h.pieces.end
                        && h.pieces.start < self.hits[t].pieces.end
                }) {
                    taken.push((hi, w));
                }
            }
            tf.clear();
            for &(hi, w) in taken.iter() {
                let cue = self.hits[hi].cue;
                match tf.iter_mut().find(|x| x.0 == cue) {
                    Some(x) => x.1 += 1,
                    None => tf.push((cue, 1, w)),
                }
            }
            let own_cue = |c: usize| ix.cues[c].args.binary_search(&a).is_ok();
            let norm = ix.norm[a];
            let mut score: f32 = tf
                .iter()
                .map(|&(_, n, w)| {
                    let n = n as f32;
                    w * n * (K1 + 1.0) / (n + K1 * norm)
                })
                .sum();
            // Content words of the claim the cues did not cover.
            seen.clear();
            for &pi in claim_pieces.iter() {
                let p = &self.ps[pi];
                if taken.iter().any(|&(hi, _)| self.hits[hi].pieces.contains(&pi))
                    || seen.contains(&p.stem)
                {
                    continue;
                }
                // (Each argument once, ascending.)
                let ws = ix.claim_words(p.stem);
                if let Ok(k) = ws.binary_search_by_key(&a, |x| x.0) {
                    score += ws[k].1;
                    seen.push(p.stem);
                }
            }
            own.clear();
            own.extend(taken.iter().map(|&(hi, _)| self.hits[hi].toks.clone()));
            let (mut neg_w, mut pos_w) = (0.0f32, 0.0f32);
            for &(hi, w) in taken.iter() {
                if self.negated_at(&self.hits[hi].toks, own) {
                    neg_w += w;
                } else {
                    pos_w += w;
                }
            }
            // The distinct cues that are not weak, and among them the argument's own predicates.
            let cues = || tf.iter().filter(|x| !ix.cues[x.0].weak);
            let predicates = || cues().filter(|x| ix.cues[x.0].predicate && own_cue(x.0));
            out.push(Scored {
                argument: a,
                score,
                distinct: cues().count(),
                predicates: predicates().count(),
                heaviest: predicates().map(|x| x.2).fold(0.0, f32::max),
                specific: taken.iter().any(|&(hi, _)| {
                    ix.cues[self.hits[hi].cue].specific && own_cue(self.hits[hi].cue)
                }),
                negated: neg_w > pos_w,
            });
        }
        out.sort_by(|x, y| y.score.total_cmp(&x.score).then(x.argument.cmp(&y.argument)));
        out
    }
}

/// What else the sentence (or clause) shows besides its cues.
#[derive(Clone, Copy, Debug)]
struct Context {
    /// A claim marker or hedge.
    signal: bool,
    /// Only markers made of function words ("was the", "not", "more than"): they argue only with
    /// strong cues.
    weak_signal: bool,
    /// It names both sides of the debate (Lenin or Leninism, and Stalin or Stalinism).
    both_sides: bool,
    /// It gives a date: narration more likely than argument.
    dated: bool,
}

/// Is the best argument's evidence enough? Always one cue that is neither a name nor common, and
/// a minimum score; then either a claim marker with two cues (or one specific or heavy cue), or
/// a sentence that sets Lenin beside Stalin with a marker or two cues.
fn accept(s: &Scored, c: Context) -> bool {
    if s.predicates == 0 {
        return false;
    }
    let strong = s.distinct >= 2 || s.specific || s.heaviest >= HEAVY_CUE;
    if c.weak_signal && !c.both_sides {
        return (s.predicates >= 2 || s.specific || s.heaviest >= HEAVY_CUE)
            && s.score >= 2.0 * MIN_SCORE;
    }
    (c.signal && strong && s.score >= MIN_SCORE)
        || (c.both_sides && (c.signal || (strong && !c.dated)) && s.score >= MIN_SCORE_BOTH)
}

/// Where the sentence shows that it argues: claim markers and hedges (token indices).
/// Words inside a quotation are someone else's and do not count. The flag tells markers made of
/// function words only ("was the", "not").
fn signals(ctx: &SentenceCtx, ix: &Index, tw: &TokWords) -> Vec<(usize, bool)> {
    let s = &ctx.sentence;
    let mut v: Vec<(usize, bool)> = Vec::new();
    if tw.may & (1 << HEDGES | 1 << MARKERS) == 0 {
        return v;
    }
    for i in 0..s.toks.len() {
        if tw.toks[i].may & (1 << HEDGES | 1 << MARKERS) == 0 {
            continue;
        }
        // The quotations are looked at only where there is a signal (most words are none).
        let hedge = ix.lists.at(HEDGES, s, tw, i).is_some();
        let marker = if hedge { None } else { ix.lists.at(MARKERS, s, tw, i) };
        if (!hedge && marker.is_none()) || ctx.quoted(&s.toks[i].range) {
            continue;
        }
        match marker {
            None => v.push((i, false)),
            Some(end) => {
                let weak =
                    (i..end).all(|k| Lists::is_function_word(tw, k) || s.word(k).ends_with("n't"));
                v.push((i, weak));
            }
        }
    }
    v
}

/// Does a sentence that speaks of the essay itself ("In this essay I will ...") still state a
/// thesis ("... argue that ...")?
fn thesis(s: &Sentence) -> bool {
    (1..s.toks.len()).any(|i| {
        s.word(i) == "that"
            && matches!(
                s.word(i - 1),
                "argue" | "show" | "prove" | "demonstrate" | "contend" | "maintain" | "suggest"
            )
    })
}

/// How a sentence scores against each argument (for tuning and tests): hits, the top arguments
/// and whether the sentence argues at all.
/// Builds its own tables each time: a tuning aid, not a path the analysis takes.
pub fn explain(kb: &KnowledgeBase, sentence: &str) -> String {
    let config = crate::config::Config::default();
    let mentions = kb.index.find_all(sentence);
    let cue_phrases = super::grammar::cues::CuePhrases::build(kb);
    let ctx =
        SentenceCtx::new(kb, &cue_phrases, sentence, 0..sentence.len(), &mentions, &[], &config);
    let ix = &Index::build(kb);
    let tw = ix.lists.tok_words(&ctx.sentence);
    let ps = pieces(ix, &ctx.sentence, &tw);
    let hits = find_hits(ix, &ps);
    let s = &ctx.sentence;
    let commas = (0..s.toks.len())
        .filter(|&i| {
            s.toks[i].kind == TokKind::Punct
                && matches!(s.word(i), "," | ";" | ":" | "—" | "–" | "(" | ")")
        })
        .collect();
    let d =
        SentenceData { ps, hits, negs: negators(&ctx, ix, &tw), commas, clauses: ctx.clauses() };
    let mut out = format!(
        "signals={:?} negs={:?}\n",
        signals(&ctx, ix, &tw),
        d.negs.iter().map(|n| n.toks.clone()).collect::<Vec<_>>()
    );
    for h in &d.hits {
        let c = &ix.cues[h.cue];
        out.push_str(&format!(
            "  hit {:?}{}{} w={:.2} idf={:.2} args={:?}\n",
            &sentence[s.toks[h.toks.start].range.start..s.toks[h.toks.end - 1].range.end],
            if c.topic { " (topic)" } else { "" },
            if c.predicate { " (predicate)" } else { "" },
            c.weight,
            c.idf,
            c.args.iter().map(|&a| kb.arguments[a].id.as_str()).collect::<Vec<_>>()
        ));
    }
    for sc in d.score(kb, ix, &(0..s.toks.len()), false).iter().take(4) {
        out.push_str(&format!(
            "  {} {:.2} distinct={} predicates={} specific={} heaviest={:.2} negated={}\n",
            kb.arguments[sc.argument].id,
            sc.score,
            sc.distinct,
            sc.predicates,
            sc.specific,
            sc.heaviest,
            sc.negated
        ));
    }
    out
}

pub(crate) fn claims(ctx: &SentenceCtx, ix: &Index) -> Vec<Claim> {
    let kb = ctx.kb;
    if kb.arguments.is_empty() || ctx.sentence.toks.len() < 3 {
        return Vec::new();
    }
    let text = ctx
        .text()
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '”' | '’' | '\'' | ')'));
    if text.ends_with('?') {
        return Vec::new();
    }
    let s = &ctx.sentence;
    let tw = ix.lists.tok_words(s);
    if ix.lists.any(META, s, &tw) && !thesis(s) {
        return Vec::new();
    }
    // A sentence argues only with a marker or a hedge, or by setting Lenin beside Stalin: that
    // is cheaper to see than the cues, so it is looked at first.
    let signals = signals(ctx, ix, &tw);
    // Token ranges of mentions of each side.
    let sides: [Vec<Range<usize>>; 2] = [0, 1].map(|k| {
        ctx.mentions
            .iter()
            .filter(|m| ix.sides[k].contains(&m.entry))
            .map(|m| ctx.mention_toks(m))
            .collect()
    });
    let context = |r: &Range<usize>| Context {
        signal: signals.iter().any(|(t, _)| r.contains(t)),
        weak_signal: signals.iter().any(|(t, _)| r.contains(t))
            && signals.iter().all(|(t, weak)| *weak || !r.contains(t)),
        both_sides: sides.iter().all(|v| v.iter().any(|m| r.contains(&m.start))),
        dated: !ctx.dates.is_empty(),
    };
    let all = 0..s.toks.len();
    let whole = context(&all);
    if !whole.signal && !whole.both_sides {
        return Vec::new();
    }
    let ps = pieces(ix, s, &tw);
    let hits = find_hits(ix, &ps);
    if hits.is_empty() {
        return Vec::new();
    }
    let commas = (0..s.toks.len())
        .filter(|&i| {
            s.toks[i].kind == TokKind::Punct
                && matches!(s.word(i), "," | ";" | ":" | "—" | "–" | "(" | ")")
        })
        .collect();
    let d = SentenceData { ps, hits, negs: negators(ctx, ix, &tw), commas, clauses: ctx.clauses() };
    let claim = |sc: &Scored, toks: &Range<usize>| {
        let a = s.toks[toks.start].range.start;
        let b = s.toks[toks.end - 1].range.end;
        Claim {
            range: ctx.abs(&(a..b)),
            block: 0..0,
            argument: sc.argument,
            negated: sc.negated,
            score: sc.score,
            sentence: s.range.clone(),
        }
    };
    // Clauses that argue different claims of their own ("Lenin built the Cheka, but Stalin's
    // terror was far greater") give one claim each.
    if d.clauses.len() > 1 {
        let per_clause: Vec<(Range<usize>, Scored)> = d
            .clauses
            .iter()
            .filter(|c| signals.iter().any(|(t, _)| c.contains(t)))
            .filter_map(|c| {
                d.score(kb, ix, c, true)
                    .into_iter()
                    .find(|sc| accept(sc, context(c)))
                    .map(|sc| (c.clone(), sc))
            })
            .collect();
        let distinct: FxHashSet<(usize, bool)> =
            per_clause.iter().map(|(_, sc)| (sc.argument, sc.negated)).collect();
        if per_clause.len() > 1 && distinct.len() > 1 {
            return per_clause
                .iter()
                .map(|(c, sc)| claim(sc, &trim_clause(s, c.clone())))
                .collect();
        }
    }
    match d.score(kb, ix, &all, true).into_iter().find(|sc| accept(sc, whole)) {
        Some(sc) => vec![claim(&sc, &trim_clause(s, all))],
        None => Vec::new(),
    }
}

/// Drops punctuation at either end of a token range (keeps a final full stop out of the range).
fn trim_clause(s: &Sentence, mut r: Range<usize>) -> Range<usize> {
    while r.end > r.start + 1
        && s.toks[r.end - 1].kind == TokKind::Punct
        && s.word(r.end - 1) != ")"
    {
        r.end -= 1;
    }
    while r.start + 1 < r.end && s.toks[r.start].kind == TokKind::Punct && s.word(r.start) != "(" {
        r.start += 1;
    }
    r
}

// ---------------------------------------------------------------------------------------------
// Document side.

/// The counterpoints to a claim, strongest first: for an assertion, the argument's `counters`
/// then the other side's arguments on the same theme; for a negated claim, the argument itself,
/// then the rest of its side on the theme.
fn counterpoints(kb: &KnowledgeBase, c: &Claim) -> Vec<usize> {
    let a = &kb.arguments[c.argument];
    let mut out: Vec<usize> = Vec::new();
    let want = opposite(c.stance(kb));
    if c.negated {
        out.push(c.argument);
    } else {
        out.extend(a.counters.iter().copied().filter(|&x| kb.arguments[x].stance == want));
    }
    for (i, b) in kb.arguments.iter().enumerate() {
        if b.stance == want && b.theme == a.theme && !out.contains(&i) {
            out.push(i);
        }
    }
    // Arguments that answer the argument from elsewhere (listed as its counters on other themes).
    if !c.negated {
        for &x in &a.counters {
            if !out.contains(&x) {
                out.push(x);
            }
        }
    }
    out
}

/// Short source for an argument: historians' surnames, or the essays that make it.
fn short_source(kb: &KnowledgeBase, a: &Argument) -> String {
    let names: Vec<String> = a.historians.iter().map(|&h| surname(&kb.entries[h].name)).collect();
    if !names.is_empty() {
        return names.join(", ");
    }
    essays(a).join(", ")
}

fn surname(name: &str) -> String {
    name.split_whitespace().last().unwrap_or(name).to_string()
}

fn essays(a: &Argument) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for s in &a.sources {
        let e = format!("essay {}", s.essay);
        if !out.contains(&e) {
            out.push(e);
        }
    }
    out
}

/// Full source: "Service; essay 002", "Service, Bullock; essays 000, 002".
fn full_source(kb: &KnowledgeBase, a: &Argument) -> String {
    let names: Vec<String> = a.historians.iter().map(|&h| surname(&kb.entries[h].name)).collect();
    let mut parts = Vec::new();
    if !names.is_empty() {
        parts.push(names.join(", "));
    }
    let es = essays(a);
    match es.len() {
        0 => {}
        1 => parts.push(es[0].clone()),
        _ => parts.push(format!(
            "essays {}",
            es.iter().map(|e| e.trim_start_matches("essay ")).collect::<Vec<_>>().join(", ")
        )),
    }
    if parts.is_empty() {
        "fact base".to_string()
    } else {
        parts.join("; ")
    }
}

fn sentence_body(s: &str) -> &str {
    s.trim().trim_end_matches(['.', ' '])
}

/// "The scale ..." -> "the scale ..."; names keep their capital ("Stalin's", "War Communism").
fn lower_first(s: &str) -> String {
    let mut words = s.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty());
    let first = words.next().unwrap_or("");
    let next_is_name = s[first.len()..].starts_with(' ')
        && words.next().is_some_and(|w| w.starts_with(char::is_uppercase));
    let function = FUNCTION_WORDS.contains(&first.to_lowercase().as_str());
    if first.len() > 1
        && (function || !next_is_name)
        && first.chars().skip(1).all(|c| c.is_lowercase())
        && crate::base::is_ordinary_word(&first.to_lowercase())
    {
        let mut cs = s.chars();
        let c = cs.next().unwrap();
        c.to_lowercase().chain(cs).collect()
    } else {
        s.to_string()
    }
}

fn point(kb: &KnowledgeBase, a: &Argument) -> String {
    let mut m = a.claim.trim().to_string();
    if !a.evidence_text.is_empty() {
        m.push(' ');
        m.push_str(a.evidence_text.trim());
    }
    format!("{m} ({})", full_source(kb, a))
}

fn document(
    kb: &KnowledgeBase,
    ix: &Index,
    claims: &[Claim],
    text: &str,
) -> (Vec<Finding>, Balance) {
    let mut findings = Vec::new();
    let mut balance = Balance::default();
    if kb.arguments.is_empty() {
        return (findings, balance);
    }
    let positions: Vec<(usize, bool)> = claims.iter().map(|c| (c.argument, c.negated)).collect();
    // Is the position asserted by some claim other than `skip`?
    let made = |arg: usize, negated: bool, skip: usize| {
        positions.iter().enumerate().any(|(j, &p)| j != skip && p == (arg, negated))
    };

    let mut shown: HashSet<(usize, usize)> = HashSet::new();
    let mut open: HashMap<usize, f32> = HashMap::new();
    let mut points: HashSet<(usize, bool)> = HashSet::new();
    for (i, c) in claims.iter().enumerate() {
        if c.argument >= kb.arguments.len() {
            continue;
        }
        if points.insert((c.argument, c.negated)) {
            match c.stance(kb) {
                Stance::Continuity => balance.continuity += 1,
                Stance::Rupture => balance.rupture += 1,
            }
        }
        let cands = counterpoints(kb, c);
        // The essay answers this claim elsewhere: it makes one of the strongest counterpoints, or
        // asserts the opposite of the claim.
        let answered =
            made(c.argument, !c.negated, i) || cands.iter().take(3).any(|&x| made(x, false, i));
        if answered {
            continue;
        }
        for (rank, &x) in cands.iter().take(3).enumerate() {
            *open.entry(x).or_default() += 1.0 / (rank as f32 + 1.0);
        }
        let fresh: Vec<usize> =
            cands.iter().copied().filter(|&x| !shown.contains(&(c.block.start, x))).collect();
        let Some(&best) = fresh.first() else { continue };
        shown.insert((c.block.start, best));
        let mut f =
            COUNTERARGUMENT.finding(c.range.clone(), format!("Counterpoint: {}", ix.points[best]));
        for &alt in fresh.iter().skip(1).take(2) {
            f.related.push(Related {
                message: format!("Another counterpoint: {}", ix.points[alt]),
                range: None,
            });
        }
        let at = c.sentence.end.max(c.range.end).min(text.len());
        let ends =
            text[..at].trim_end_matches(['"', '”', '’', '\'', ')']).ends_with(['.', '!', '?']);
        let lead = if ends { " " } else { ". " };
        f.fixes.push(Fix {
            title: "Add counterargument".into(),
            range: at..at,
            replacement: format!("{lead}{}", ix.however[best]),
        });
        f.fixes.push(Fix {
            title: "Insert citation".into(),
            range: at..at,
            replacement: format!("{lead}{}", ix.citation[best]),
        });
        findings.push(f);
    }
    // Strong opposing points not yet made, strongest first.
    let mut open: Vec<(usize, f32)> =
        open.into_iter().filter(|&(x, _)| !positions.contains(&(x, false))).collect();
    open.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    balance.unaddressed = open.into_iter().map(|(x, _)| x).collect();
    (findings, balance)
}

#[cfg(test)]
mod tests {
    use expect_test::{expect, Expect};

    use super::*;
    use crate::analysis::{analyze, Cache};
    use crate::checks::testing::kb;
    use crate::config::Config;
    use crate::text::Format;

    /// The document with each hinted claim in `[..]`, then per claim the argument it makes (`!`
    /// when negated) and, when hinted, the counterpoint ids (shown first, then alternatives), the
    /// fixes' text, and last the balance.
    fn render(text: &str) -> String {
        let kb = kb();
        let a = analyze(kb, text, Format::Plain, &Config::default(), &mut Cache::default());
        let hints: Vec<&Finding> =
            a.findings.iter().filter(|f| f.code == Code::Counterargument).collect();
        let mut out = String::new();
        let mut last = 0;
        for f in &hints {
            out.push_str(&text[last..f.range.start]);
            out.push_str(&format!("[{}]", &text[f.range.clone()]));
            last = f.range.end;
        }
        out.push_str(&text[last..]);
        out = out.trim_end().to_string();
        for c in &a.claims {
            let arg = &kb.arguments[c.argument];
            out.push_str(&format!(
                "\n* «{}» {}{} ({})",
                &text[c.range.clone()],
                if c.negated { "!" } else { "" },
                arg.id,
                c.stance(kb).label()
            ));
            if let Some(f) = hints.iter().find(|f| f.range == c.range) {
                let id_of = |m: &str| {
                    kb.arguments
                        .iter()
                        .find(|x| m.contains(&x.claim))
                        .map_or("?".to_string(), |x| x.id.clone())
                };
                let alts: Vec<String> = f.related.iter().map(|r| id_of(&r.message)).collect();
                out.push_str(&format!(" -> {} [{}]", id_of(&f.message), alts.join(", ")));
            } else {
                out.push_str(" -> answered");
            }
        }
        let b = &a.balance;
        let open: Vec<&str> = b.unaddressed.iter().map(|&i| kb.arguments[i].id.as_str()).collect();
        out.push_str(&format!(
            "\nbalance: {} continuity, {} rupture; open: {}",
            b.continuity,
            b.rupture,
            open.join(", ")
        ));
        out
    }

    fn check(text: &str, expect: Expect) {
        expect.assert_eq(&render(text));
    }

    /// Each text must draw no claim at all.
    fn neutral(texts: &[&str]) {
        for t in texts {
            let a = analyze(kb(), t, Format::Plain, &Config::default(), &mut Cache::default());
            let found: Vec<&str> =
                a.claims.iter().map(|c| kb().arguments[c.argument].id.as_str()).collect();
            assert!(found.is_empty(), "{t:?} taken as a claim of {found:?}");
        }
    }

    #[test]
    fn asserted_claims_draw_the_other_side() {
        check(
            "Lenin's terror made Stalin's terror inevitable.",
            expect![[r#"
            [Lenin's terror made Stalin's terror inevitable].
            * «Lenin's terror made Stalin's terror inevitable» terror-continuity (continuity) -> terror-scale-rupture [terror-party-rupture, terror-motive-rupture]
            balance: 1 continuity, 0 rupture; open: terror-scale-rupture, terror-party-rupture, terror-motive-rupture"#]],
        );
        check(
            "Stalin was the loyal disciple Lenin wanted as his successor.",
            expect![[r#"
            [Stalin was the loyal disciple Lenin wanted as his successor].
            * «Stalin was the loyal disciple Lenin wanted as his successor» disciple-continuity (continuity) -> testament-warning [image-fabricated-rupture, georgian-affair-rupture]
            balance: 1 continuity, 0 rupture; open: testament-warning, image-fabricated-rupture, georgian-affair-rupture"#]],
        );
        check(
            "The NEP proves Lenin had given up on socialism.",
            expect![[r#"
            [The NEP proves Lenin had given up on socialism].
            * «The NEP proves Lenin had given up on socialism» nep-capitalist-rupture (rupture) -> nep-retreat-continuity [industrialisation-necessity-continuity, war-communism-precedent]
            balance: 0 continuity, 1 rupture; open: nep-retreat-continuity, industrialisation-necessity-continuity, war-communism-precedent"#]],
        );
    }

    #[test]
    fn message_names_the_source_and_fixes_insert_after_the_sentence() {
        let text = "Lenin's terror made Stalin's terror inevitable. Next.";
        let a = analyze(kb(), text, Format::Plain, &Config::default(), &mut Cache::default());
        let f = a.findings.iter().find(|f| f.code == Code::Counterargument).expect("a hint");
        let mut out = format!("{}\n", f.message);
        for r in &f.related {
            out.push_str(&format!("related: {}\n", r.message));
        }
        for x in &f.fixes {
            out.push_str(&format!("{} @{:?}: {}\n", x.title, x.range, x.replacement));
        }
        expect![[r#"
            Counterpoint: Stalin's terror differed from Lenin's in scale and in kind: repression during a civil war never approached the millions arrested, shot or sent to the Gulag in peacetime in 1937-38, so Lenin's terror cannot simply be said to have produced Stalin's. The Cheka's own count for 1918 and early 1919 was 8,389 executions, whereas NKVD records show 681,692 people shot and about 1.5 million arrested in 1937-38 alone, with some two million held in camps and prisons by 1939. (Service, Bullock; essays 000, 002, 004)
            related: Another counterpoint: Lenin kept terror for the regime's enemies outside the party and never had his comrades killed, whereas Stalin turned the terror on the Bolshevik party itself and destroyed most of its leaders and congress delegates. Of the 1,966 delegates to the Seventeenth Party Congress of 1934, 1,108 were arrested and 98 of the 139 Central Committee members it elected were shot, mostly in 1937-38, whereas under Lenin party quarrels ended in debate or demotion, not execution. (Medvedev; essays 004, 003, 002)
            related: Another counterpoint: Lenin and Stalin used force for different ends: for Lenin terror and dictatorship were means to build socialism, whereas for Stalin socialism became a means to personal power. Kopelev, once a committed communist, contrasted Lenin, for whom the state, the dictatorship and the terror were only tools for reaching socialism, with Stalin, for whom socialism was a tool for gaining and keeping power. (Kopelev; essay 004)
            Add counterargument @47..47:  However, Stalin's terror differed from Lenin's in scale and in kind: repression during a civil war never approached the millions arrested, shot or sent to the Gulag in peacetime in 1937-38, so Lenin's terror cannot simply be said to have produced Stalin's (Service, Bullock).
            Insert citation @47..47:  The Cheka's own count for 1918 and early 1919 was 8,389 executions, whereas NKVD records show 681,692 people shot and about 1.5 million arrested in 1937-38 alone, with some two million held in camps and prisons by 1939 (Service, Bullock; essays 000, 002, 004).
        "#]].assert_eq(&out);
    }

    #[test]
    fn negation_reverses_the_claim() {
        check(
            "Stalin continued Lenin's terror.",
            expect![[r#"
            [Stalin continued Lenin's terror].
            * «Stalin continued Lenin's terror» terror-continuity (continuity) -> terror-scale-rupture [terror-party-rupture, terror-motive-rupture]
            balance: 1 continuity, 0 rupture; open: terror-scale-rupture, terror-party-rupture, terror-motive-rupture"#]],
        );
        check(
            "Stalin did not simply continue Lenin's terror.",
            expect![[r#"
            [Stalin did not simply continue Lenin's terror].
            * «Stalin did not simply continue Lenin's terror» !terror-continuity (rupture) -> terror-continuity [lenin-ruthlessness-continuity, kronstadt-continuity]
            balance: 0 continuity, 1 rupture; open: terror-continuity, lenin-ruthlessness-continuity, kronstadt-continuity"#]],
        );
        check(
            "Stalinism was by no means the inevitable outcome of Leninism.",
            expect![[r#"
            [Stalinism was by no means the inevitable outcome of Leninism].
            * «Stalinism was by no means the inevitable outcome of Leninism» !stalinism-inevitable-continuity (rupture) -> stalinism-inevitable-continuity [revolutionary-pattern-continuity, party-complicity-continuity]
            balance: 0 continuity, 1 rupture; open: stalinism-inevitable-continuity, revolutionary-pattern-continuity, party-complicity-continuity"#]],
        );
        check(
            "Stalin was never Lenin's loyal disciple.",
            expect![[r#"
            [Stalin was never Lenin's loyal disciple].
            * «Stalin was never Lenin's loyal disciple» !disciple-continuity (rupture) -> disciple-continuity [lenin-promoted-stalin, cult-continuity]
            balance: 0 continuity, 1 rupture; open: disciple-continuity, lenin-promoted-stalin, cult-continuity"#]],
        );
        check(
            "It is a myth that Stalin continued Lenin's terror.",
            expect![[r#"
            [It is a myth that Stalin continued Lenin's terror].
            * «It is a myth that Stalin continued Lenin's terror» !terror-continuity (rupture) -> terror-continuity [lenin-ruthlessness-continuity, kronstadt-continuity]
            balance: 0 continuity, 1 rupture; open: terror-continuity, lenin-ruthlessness-continuity, kronstadt-continuity"#]],
        );
        // Intensifiers are not negations.
        check(
            "There is no doubt that Stalin continued Lenin's terror.",
            expect![[r#"
            [There is no doubt that Stalin continued Lenin's terror].
            * «There is no doubt that Stalin continued Lenin's terror» terror-continuity (continuity) -> terror-scale-rupture [terror-party-rupture, terror-motive-rupture]
            balance: 1 continuity, 0 rupture; open: terror-scale-rupture, terror-party-rupture, terror-motive-rupture"#]],
        );
        check(
            "Lenin's terror not only paved the way for Stalin's but made it inevitable.",
            expect![[r#"
            [Lenin's terror not only paved the way for Stalin's but made it inevitable].
            * «Lenin's terror not only paved the way for Stalin's but made it inevitable» terror-continuity (continuity) -> terror-scale-rupture [terror-party-rupture, terror-motive-rupture]
            balance: 1 continuity, 0 rupture; open: terror-scale-rupture, terror-party-rupture, terror-motive-rupture"#]],
        );
    }

    #[test]
    fn hedged_claims_are_claims() {
        check(
            "Some historians argue that Lenin's terror made Stalin's terror inevitable.",
            expect![[r#"
            [Some historians argue that Lenin's terror made Stalin's terror inevitable].
            * «Some historians argue that Lenin's terror made Stalin's terror inevitable» terror-continuity (continuity) -> terror-scale-rupture [terror-party-rupture, terror-motive-rupture]
            balance: 1 continuity, 0 rupture; open: terror-scale-rupture, terror-party-rupture, terror-motive-rupture"#]],
        );
        check(
            "Arguably the NEP was only a temporary retreat on the way to socialism.",
            expect![[r#"
            [Arguably the NEP was only a temporary retreat on the way to socialism].
            * «Arguably the NEP was only a temporary retreat on the way to socialism» nep-retreat-continuity (continuity) -> nep-abandoned-rupture [bukharin-alternative-rupture, collectivisation-scale-rupture]
            balance: 1 continuity, 0 rupture; open: nep-abandoned-rupture, bukharin-alternative-rupture, collectivisation-scale-rupture"#]],
        );
    }

    #[test]
    fn a_claim_split_over_two_lines() {
        check("Lenin's Cheka laid the foundations\nfor Stalin's terror, which\nwas therefore inevitable.", expect![[r#"
            [Lenin's Cheka laid the foundations
            for Stalin's terror, which
            was therefore inevitable].
            * «Lenin's Cheka laid the foundations
            for Stalin's terror, which
            was therefore inevitable» terror-continuity (continuity) -> terror-scale-rupture [terror-party-rupture, terror-motive-rupture]
            balance: 1 continuity, 0 rupture; open: terror-scale-rupture, terror-party-rupture, terror-motive-rupture"#]]);
    }

    #[test]
    fn an_answered_claim_draws_no_hint() {
        check(
            "Lenin's terror made Stalin's terror inevitable.\n\nYet Stalin's terror was on a far greater scale than Lenin's: the Cheka shot 8,389 people in 1918-19, the NKVD 681,692 in 1937-38.",
            expect![[r#"
                Lenin's terror made Stalin's terror inevitable.

                Yet Stalin's terror was on a far greater scale than Lenin's: the Cheka shot 8,389 people in 1918-19, the NKVD 681,692 in 1937-38.
                * «Lenin's terror made Stalin's terror inevitable» terror-continuity (continuity) -> answered
                * «Yet Stalin's terror was on a far greater scale than Lenin's: the Cheka shot 8,389 people in 1918-19, the NKVD 681,692 in 1937-38» terror-scale-rupture (rupture) -> answered
                balance: 1 continuity, 1 rupture; open: "#]],
        );
    }

    #[test]
    fn one_counterpoint_once_a_paragraph() {
        check(
            "Lenin's terror made Stalin's terror inevitable. Lenin's Cheka therefore led directly to the Great Terror. The Red Terror proves that Stalin merely continued Lenin's methods.",
            expect![[r#"
                [Lenin's terror made Stalin's terror inevitable]. [Lenin's Cheka therefore led directly to the Great Terror]. [The Red Terror proves that Stalin merely continued Lenin's methods].
                * «Lenin's terror made Stalin's terror inevitable» terror-continuity (continuity) -> terror-scale-rupture [terror-party-rupture, terror-motive-rupture]
                * «Lenin's Cheka therefore led directly to the Great Terror» stalinism-inevitable-continuity (continuity) -> circumstances-rupture [testament-warning, personality-rupture]
                * «The Red Terror proves that Stalin merely continued Lenin's methods» terror-continuity (continuity) -> terror-party-rupture [terror-motive-rupture, testament-warning]
                balance: 2 continuity, 0 rupture; open: terror-scale-rupture, terror-party-rupture, circumstances-rupture, terror-motive-rupture, testament-warning"#]],
        );
    }

    #[test]
    fn neutral_sentences_draw_nothing() {
        neutral(&[
            "In the next paragraph I turn to the economy.",
            "Lenin was born in Simbirsk.",
            "I will first consider the political system.",
            "The Volga is the longest river in Europe.",
            "The Cheka was founded in December 1917.",
            "The NEP was introduced in 1921.",
            "Stalin became General Secretary in 1922.",
            "Did Leninism lead to Stalinism?",
            "This essay will consider whether Stalin continued Lenin's terror.",
            "Stalin's mother wanted him to become a priest.",
        ]);
    }

    /// `...` in a marker skips up to three words; a marker that names the cause still argues.
    #[test]
    fn markers_with_gaps_and_causes() {
        check(
            "The ban on factions in 1921 made Stalin's dictatorship possible.",
            expect![[r#"
            [The ban on factions in 1921 made Stalin's dictatorship possible].
            * «The ban on factions in 1921 made Stalin's dictatorship possible» one-party-state-continuity (continuity) -> emergency-measures-rupture [personal-dictatorship-rupture, party-debate-rupture]
            balance: 1 continuity, 0 rupture; open: emergency-measures-rupture, personal-dictatorship-rupture, party-debate-rupture"#]],
        );
        check(
            "Stalinism was the product of Stalin's own paranoid personality.",
            expect![[r#"
            [Stalinism was the product of Stalin's own paranoid personality].
            * «Stalinism was the product of Stalin's own paranoid personality» personality-rupture (rupture) -> party-complicity-continuity [stalinism-inevitable-continuity, revolutionary-pattern-continuity]
            balance: 0 continuity, 1 rupture; open: party-complicity-continuity, stalinism-inevitable-continuity, revolutionary-pattern-continuity"#]],
        );
    }

    /// Odd text (Cyrillic, emoji, curly quotes, CRLF, lone punctuation) never makes the check panic.
    #[test]
    fn survives_odd_text() {
        let kb = kb();
        let config = Config::default();
        let text = "Ki”, Kamenev\r\nЖKiro“1 Kamenev — Lenin’s terror; Stalin’s 👩\u{200d}🎓 terror was not inevitable?! (\n\n) ’ « » …\nStalin didn’t betray Lenin’s legacy";
        let mut all = Vec::new();
        let quotes = crate::text::sentences::quotations(text, 0..text.len());
        let mentions = kb.index.find_all(text);
        let ix = Index::build(kb);
        for r in crate::text::sentences::split(text, 0..text.len()) {
            let ctx = SentenceCtx::new(kb, kb.cue_phrases(), text, r, &mentions, &quotes, &config);
            all.extend(claims(&ctx, &ix).into_iter().map(|c| Claim { block: 0..text.len(), ..c }));
        }
        let (found, _) = document(kb, &ix, &all, text);
        for f in found {
            for x in f.fixes {
                assert!(text.is_char_boundary(x.range.start));
            }
        }
    }

    #[test]
    fn counterargument_sentence_keeps_names_capitalised() {
        assert_eq!(lower_first("The NEP was a retreat."), "the NEP was a retreat.");
        assert_eq!(lower_first("War Communism was the model."), "War Communism was the model.");
        assert_eq!(lower_first("Stalin's terror differed."), "Stalin's terror differed.");
        assert_eq!(
            lower_first("It was Lenin who raised Stalin."),
            "it was Lenin who raised Stalin."
        );
    }

    /// The stemmer as first written (allocating, one step after another), to check the
    /// allocation-free one against.
    fn stem_reference(word: &str) -> String {
        let w = word.to_lowercase();
        let w = possessive_base(&w);
        let mut w = if w.contains("iz") { w.replace("iz", "is") } else { w.to_string() };
        if w.len() <= 3 || !w.is_ascii() {
            return w;
        }
        for (k, v) in [
            ("faction", "faction"),
            ("factions", "faction"),
            ("factional", "faction"),
            ("nation", "nation"),
            ("nations", "nation"),
            ("action", "action"),
            ("actions", "action"),
        ] {
            if w == k {
                return v.to_string();
            }
        }
        for (suf, rep) in [("ies", "y"), ("ied", "y")] {
            if w.len() > 4 && w.ends_with(suf) {
                w.truncate(w.len() - suf.len());
                w.push_str(rep);
                return w;
            }
        }
        const SUFFIXES: &[(&str, usize)] = &[
            ("isations", 4),
            ("isation", 4),
            ("ations", 3),
            ("ation", 3),
            ("abilities", 3),
            ("ability", 3),
            ("ities", 3),
            ("ity", 3),
            ("ings", 3),
            ("ing", 3),
            ("ions", 3),
            ("ion", 3),
            ("ably", 3),
            ("able", 3),
            ("ments", 4),
            ("ment", 4),
            ("ness", 4),
            ("edly", 3),
            ("ed", 3),
            ("es", 3),
            ("al", 4),
            ("ly", 4),
            ("s", 3),
            ("e", 3),
        ];
        for &(suf, min) in SUFFIXES {
            if let Some(base) = w.strip_suffix(suf) {
                if base.len() < min {
                    continue;
                }
                if suf == "s" && (base.ends_with('s') || base.ends_with('u') || base.ends_with('i'))
                {
                    continue;
                }
                let mut b = base.to_string();
                if suf == "isations" || suf == "isation" {
                    b.push_str("is");
                }
                return b;
            }
        }
        w
    }

    proptest::proptest! {
        /// Words made of endings, "iz", possessives and odd letters stem as they always did.
        #[test]
        fn stems_as_before(parts in proptest::collection::vec(proptest::sample::select(vec![
            "a", "e", "i", "s", "u", "y", "z", "iz", "IZ", "t", "ion", "ation", "isation", "ability", "ities", "ies", "ied", "ing", "ment", "ness", "edly",
            "ed", "es", "al", "ly", "able", "'s", "’s", "'", "’", "fact", "n", "act", "K", "\u{212a}", "Ж", "é", "-",
        ]), 0..6)) {
            let w: String = parts.concat();
            proptest::prop_assert_eq!(stem(&w), stem_reference(&w));
            let mut buf = Vec::new();
            if w.is_ascii() {
                stem_ascii(w.to_ascii_lowercase().as_bytes(), &mut buf);
                proptest::prop_assert_eq!(String::from_utf8(buf).unwrap(), stem_reference(&w));
            }
        }
    }

    /// A sentence word's stem id is its stem's, whether the vocabulary table has the word or not.
    #[test]
    fn piece_stems_are_the_stems() {
        let kb = kb();
        let ix = Index::build(kb);
        let mut texts: Vec<String> =
            kb.arguments.iter().flat_map(|a| [a.claim.clone(), a.evidence_text.clone()]).collect();
        texts.push("Lenin's Cheka laid the foundations; Stalin’s purges, the NEP-era and KÉLVIN's factions didn't continue Leninism's terror-state (collectivization).".into());
        let mut buf = Vec::new();
        for text in texts {
            let s = Sentence::new(&text, 0..text.len());
            let tw = ix.lists.tok_words(&s);
            for p in pieces(&ix, &s, &tw) {
                assert_eq!(p.stem, ix.stem_id(p.raw, &mut buf), "{}", p.raw);
            }
        }
    }

    #[test]
    fn stems() {
        let words = [
            "continued",
            "continuity",
            "continuation",
            "continues",
            "purges",
            "purged",
            "collectivization",
            "collectivised",
            "Lenin's",
            "Stalin’s",
            "inevitably",
            "inevitability",
            "betrayal",
            "factions",
            "policies",
        ];
        let stems: Vec<String> = words.iter().map(|w| stem(w)).collect();
        expect!["continu continu continu continu purg purg collectivis collectivis lenin stalin inevit inevit betray faction policy"].assert_eq(&stems.join(" "));
    }
}
