//! The fact base as the analysis sees it: entries, figures and arguments, resolved and validated.

use super::date::{Date, DaySpan, When};
use serde::{Deserialize, Serialize};

/// Index of an entry in `KnowledgeBase::entries`.
pub type EntryId = usize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Kind {
    Person,
    Body,
    Term,
    Event,
    Place,
    Document,
}

impl Kind {
    pub fn label(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Body => "body",
            Kind::Term => "term",
            Kind::Event => "event",
            Kind::Place => "place",
            Kind::Document => "document",
        }
    }
}

/// Where an essay mentions something: the essay id and a phrase found verbatim in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub essay: String,
    pub at: String,
}

/// An essay's value that differs from the record: a mistake, or a genuine disagreement between
/// records or historians (only the second makes Clio say "sources disagree").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Variant {
    pub field: String,
    pub value: String,
    pub disagreement: bool,
    pub essay: String,
    pub at: String,
    pub note: String,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Role {
    pub title: String,
    /// Other ways prose writes the title ("head of the Leningrad party organisation").
    pub also: Vec<String>,
    pub office: Option<EntryId>,
    pub from: Option<When>,
    pub to: Option<When>,
}

impl Role {
    /// The days the post was held; open ends run to the holder's death or stay open.
    pub fn span(&self, holder_end: Option<DaySpan>) -> Option<DaySpan> {
        let lo = self.from?.span().lo;
        let hi = match (self.to, holder_end) {
            (Some(t), _) => t.span().hi,
            (None, Some(end)) => end.hi,
            (None, None) => i32::MAX / 2,
        };
        Some(DaySpan::new(lo, hi))
    }
}

/// A name a place had for a time ("Stalingrad", 1925–1961).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DatedName {
    pub name: String,
    pub from: Option<When>,
    pub to: Option<When>,
}

/// Something that happened to a person, recorded on the person (an arrest, an exile, an
/// attempt on their life). `kind` is one of `HAPPENING_TYPES`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Happening {
    pub kind: String,
    pub when: When,
    pub place: Option<EntryId>,
    /// The body it concerns (the party someone was expelled from).
    pub of: Option<EntryId>,
    pub note: String,
}

/// The kinds of happening and event the base records (`type` in the data). A person's
/// `complete` list and an event's `type` use them; the checks map cue words to them through
/// the vocabulary.
pub const HAPPENING_TYPES: &[&str] = &[
    "arrest",
    "exile",
    "deportation",
    "escape",
    "expulsion",
    "readmission",
    "removal",
    "resignation",
    "appointment",
    "election",
    "trial",
    "sentence",
    "execution",
    "assassination",
    "attempt",
    "wound",
    "stroke",
    "illness",
    "suicide",
    "death",
    "birth",
    "imprisonment",
    "release",
    "return",
    "emigration",
    "flight",
    "marriage",
    "rehabilitation",
    "renaming",
    "founding",
    "dissolution",
    "congress",
    "conference",
    "plenum",
    "meeting",
    "treaty",
    "decree",
    "law",
    "order",
    "speech",
    "publication",
    "uprising",
    "mutiny",
    "strike",
    "demonstration",
    "battle",
    "war",
    "invasion",
    "famine",
    "purge",
    "campaign",
    "revolution",
    "coup",
    "record",
    "other",
];

/// A person, body, term, event, place or document.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Entry {
    pub id: String,
    pub kind: Kind,
    /// For terms: policy, idea, period, document, office, place, group, other. For people: their group.
    pub subkind: String,
    pub name: String,
    pub full_name: Option<String>,
    pub aliases: Vec<String>,
    pub misspellings: Vec<String>,
    /// Person: born; body: founded; term: from; event: date or from.
    pub start: Option<When>,
    /// Person: died; body: dissolved; term: to; event: to.
    pub end: Option<When>,
    pub roles: Vec<Role>,
    pub successor: Option<EntryId>,
    pub predecessor: Option<EntryId>,
    pub actors: Vec<EntryId>,
    /// Lower-case cue words; a trailing `*` matches any word starting so.
    pub cues: Vec<String>,
    pub summary: String,
    pub related: Vec<EntryId>,
    pub sources: Vec<Source>,
    pub variants: Vec<Variant>,
    pub record: Option<String>,
    /// The pack file the entry came from (`people.toml`, or a path).
    pub origin: String,
    /// The same dates in the other calendar (field name → date): New Style for an event dated
    /// Old Style, Old Style for a person's birth.
    pub other_style: Vec<(String, Date)>,
    /// Person: how they died (`execution`, `assassination`, `suicide`, `illness`, ...).
    pub death_by: Option<String>,
    /// Person: what happened to them, dated.
    pub happenings: Vec<Happening>,
    /// Person: the happening types (and `post` for roles) the base records every instance of;
    /// a series: `members` when every member is in the base.
    pub complete: Vec<String>,
    /// Event: what kind of happening it is (one of `HAPPENING_TYPES`).
    pub event_type: Option<String>,
    /// Event: those it happened to (the arrested, the tried, the shot).
    pub subjects: Vec<EntryId>,
    /// Event: where it happened; place: the place it lies in.
    pub place: Option<EntryId>,
    /// Event: the entry naming its group of same-name events, and its number in it.
    pub series: Option<EntryId>,
    pub number: Option<u32>,
    /// Series: patterns for its members' names (`{ordinal} Party Congress`).
    pub member_names: Vec<String>,
    /// Place: its names over time.
    pub names: Vec<DatedName>,
    /// Document: its authors with entries, and in words when they have none.
    pub authors: Vec<EntryId>,
    pub author: Option<String>,
    /// Document: when it was published (`start` is when it was written).
    pub published: Option<When>,
}

impl Entry {
    /// A place, whether loaded as a `[[place]]` or an older `[[term]]` of kind `place`.
    pub fn is_place(&self) -> bool {
        self.kind == Kind::Place || (self.kind == Kind::Term && self.subkind == "place")
    }

    /// A document, whether loaded as a `[[document]]` or an older `[[term]]` of kind `document`.
    pub fn is_document(&self) -> bool {
        self.kind == Kind::Document || (self.kind == Kind::Term && self.subkind == "document")
    }

    /// Where the entry's facts come from: an essay that mentions it, or a `record` (the embedded
    /// base requires one of them for every entry; a teacher's pack may leave them out).
    pub fn has_provenance(&self) -> bool {
        !self.sources.is_empty() || self.record.as_deref().is_some_and(|r| !r.trim().is_empty())
    }

    /// The base records every instance of this happening type for this person (`complete`).
    pub fn completes(&self, kind: &str) -> bool {
        self.complete.iter().any(|c| c == kind)
    }

    /// The whole time the entry covers: a life, an existence, a period, an event.
    pub fn span(&self) -> Option<DaySpan> {
        match (self.start, self.end) {
            (Some(s), Some(e)) => Some(s.span().hull(&e.span())),
            (Some(s), None) if self.kind == Kind::Event => Some(s.span()),
            (Some(s), None) => Some(DaySpan::new(s.span().lo, i32::MAX / 2)),
            (None, Some(e)) => Some(DaySpan::new(i32::MIN / 2, e.span().hi)),
            (None, None) => None,
        }
    }

    /// Essay ids that mention this entry, in order, without repeats.
    pub fn essays(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for s in &self.sources {
            if !out.contains(&s.essay.as_str()) {
                out.push(&s.essay);
            }
        }
        out.sort();
        out
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct FigureValue {
    pub low: f64,
    pub high: f64,
    pub approx: bool,
    /// An essay's value that is wrong by the record: never a source to follow.
    pub mistake: bool,
    pub source: String,
    pub essay: Option<String>,
    pub at: Option<String>,
    pub note: String,
}

impl FigureValue {
    pub fn describe(&self) -> String {
        if self.low == self.high {
            format_number(self.low)
        } else {
            format!("{}–{}", format_number(self.low), format_number(self.high))
        }
    }
}

/// A quantity the essays state, with every attested value.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Figure {
    pub id: String,
    pub name: String,
    pub counts: String,
    pub unit: String,
    pub when: Option<When>,
    /// Where the quantity was measured, when it is about one place.
    pub place: Option<EntryId>,
    pub subjects: Vec<EntryId>,
    pub cues: Vec<String>,
    pub values: Vec<FigureValue>,
    pub summary: String,
    pub related: Vec<EntryId>,
    pub origin: String,
}

impl Figure {
    /// Sources disagree when their values do not all overlap (an essay's recorded mistake is
    /// not a source).
    pub fn contested(&self) -> bool {
        let sources = || self.values.iter().filter(|v| !v.mistake);
        let lo = sources().map(|v| v.low).fold(f64::MIN, f64::max);
        let hi = sources().map(|v| v.high).fold(f64::MAX, f64::min);
        sources().count() > 1 && lo > hi * 1.02
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Stance {
    Continuity,
    Rupture,
}

impl Stance {
    pub fn label(self) -> &'static str {
        match self {
            Stance::Continuity => "continuity",
            Stance::Rupture => "rupture",
        }
    }
    pub fn opposite(self) -> Stance {
        match self {
            Stance::Continuity => Stance::Rupture,
            Stance::Rupture => Stance::Continuity,
        }
    }
}

/// What kind of position a claim takes: which counterpoint answers it best depends on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Shape {
    /// "Stalin continued Lenin's terror."
    Continuity,
    /// "The ban on factions led to Stalin's dictatorship."
    Causation,
    /// "Stalinism was inevitable."
    Inevitability,
    /// "Lenin, like Stalin, ..." / "Unlike Lenin, Stalin ..."
    Comparison,
    /// "Stalin betrayed (broke with) Lenin's revolution."
    Betrayal,
    /// "Stalin's paranoia explains the terror."
    Explanation,
    /// "Lenin was a pragmatist." / "Lenin was ruthless."
    Evaluation,
    /// "Had Lenin lived, ..."
    Counterfactual,
}

impl Shape {
    pub const NAMES: [&'static str; 8] = [
        "continuity",
        "causation",
        "inevitability",
        "comparison",
        "betrayal",
        "explanation",
        "evaluation",
        "counterfactual",
    ];
    const ALL: [Shape; 8] = [
        Shape::Continuity,
        Shape::Causation,
        Shape::Inevitability,
        Shape::Comparison,
        Shape::Betrayal,
        Shape::Explanation,
        Shape::Evaluation,
        Shape::Counterfactual,
    ];

    pub fn parse(s: &str) -> Option<Shape> {
        Shape::NAMES.iter().position(|n| *n == s).map(|i| Shape::ALL[i])
    }

    pub fn label(self) -> &'static str {
        Shape::NAMES[Shape::ALL.iter().position(|x| *x == self).expect("every shape is listed")]
    }
}

/// A line of argument in the debate.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Argument {
    pub id: String,
    pub stance: Stance,
    pub theme: String,
    /// The sub-question, `theme.key` ("terror.scale"); empty when the data gives none.
    pub question: String,
    /// The claim in one line, for a diagnostic; empty when the data gives none.
    pub gist: String,
    /// The shapes of claim this argument answers best.
    pub answers: Vec<Shape>,
    /// The side's general thesis: the argument a claim makes when it says only which side it
    /// takes ("Stalinism contained nothing new").
    pub thesis: bool,
    pub claim: String,
    pub cues: Vec<String>,
    pub evidence: Vec<EntryId>,
    pub evidence_figures: Vec<usize>,
    pub evidence_text: String,
    pub historians: Vec<EntryId>,
    pub sources: Vec<Source>,
    /// Indices into `KnowledgeBase::arguments`, strongest first.
    pub counters: Vec<usize>,
    pub origin: String,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Essay {
    pub id: String,
    pub file: String,
    pub title: String,
    pub kind: String,
}

/// `681692.0` -> `681,692`; `2900000.0` -> `2,900,000`; `14.5` -> `14.5`.
pub fn format_number(x: f64) -> String {
    if x.fract() != 0.0 {
        return format!("{x}");
    }
    let digits = format!("{}", x.abs() as u64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if x < 0.0 {
        out.insert(0, '-');
    }
    out
}
