//! The fact base as the analysis sees it: entries, figures and arguments, resolved and validated.

use super::date::{DaySpan, When};

/// Index of an entry in `KnowledgeBase::entries`.
pub type EntryId = usize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Person,
    Body,
    Term,
    Event,
}

impl Kind {
    pub fn label(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Body => "body",
            Kind::Term => "term",
            Kind::Event => "event",
        }
    }
}

/// Where an essay mentions something: the essay id and a phrase found verbatim in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    pub essay: String,
    pub at: String,
}

/// An essay's value that differs from the record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Variant {
    pub field: String,
    pub value: String,
    pub essay: String,
    pub at: String,
    pub note: String,
}

#[derive(Clone, Debug)]
pub struct Role {
    pub title: String,
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

/// A person, body, term or event.
#[derive(Clone, Debug)]
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
}

impl Entry {
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

#[derive(Clone, Debug)]
pub struct FigureValue {
    pub low: f64,
    pub high: f64,
    pub approx: bool,
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
#[derive(Clone, Debug)]
pub struct Figure {
    pub id: String,
    pub name: String,
    pub counts: String,
    pub unit: String,
    pub when: Option<When>,
    pub subjects: Vec<EntryId>,
    pub cues: Vec<String>,
    pub values: Vec<FigureValue>,
    pub summary: String,
    pub related: Vec<EntryId>,
    pub origin: String,
}

impl Figure {
    /// Sources disagree when their values do not all overlap.
    pub fn contested(&self) -> bool {
        let lo = self.values.iter().map(|v| v.low).fold(f64::MIN, f64::max);
        let hi = self.values.iter().map(|v| v.high).fold(f64::MAX, f64::min);
        self.values.len() > 1 && lo > hi * 1.02
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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

/// A line of argument in the debate.
#[derive(Clone, Debug)]
pub struct Argument {
    pub id: String,
    pub stance: Stance,
    pub theme: String,
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

#[derive(Clone, Debug)]
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
