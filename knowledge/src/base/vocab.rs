//! The words the checks read (`[vocab]` tables in packs): cues for births, deaths and
//! foundings, negations, hedges, the words that mark a reference as posthumous, the words of
//! the debate itself, and the calendar change.
//!
//! They are data so that a teacher can teach Clio a new way of saying "was founded"
//! without a code change.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::date::{Date, Day};

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Vocab {
    /// A person's birth: "born", "birth".
    pub born: Vec<String>,
    /// A person's death: "died", "death", "killed", "murdered", "executed"...
    pub died: Vec<String>,
    /// A body coming into being: "founded", "set up", "created".
    pub founded: Vec<String>,
    /// A body ending: "abolished", "dissolved", "replaced".
    pub dissolved: Vec<String>,
    /// A policy, period or document starting: "introduced", "launched", "began".
    pub began: Vec<String>,
    /// Words among `began` that make a thing public rather than start it ("announced",
    /// "proclaimed"): an announcement may come at any time while the thing lasts, so a date
    /// anywhere in its span fits.
    pub announced: Vec<String>,
    /// A policy or period ending: "ended", "abandoned".
    pub ended: Vec<String>,
    /// Taking up a post: "appointed", "became", "elected".
    pub appointed: Vec<String>,
    /// Words that reverse a clause: "not", "never".
    pub negations: Vec<String>,
    /// Words that attribute or soften a claim without cancelling it: "arguably", "some historians".
    pub hedges: Vec<String>,
    /// Nouns that, after a person's name, make the mention a reference rather than an act:
    /// "Lenin's legacy", "in Lenin's name".
    pub posthumous: Vec<String>,
    /// Irregular past-tense and common verbs that show a person acting ("wrote", "led").
    pub verbs: Vec<String>,
    /// Words before a name that make it the object, not the agent ("of", "against").
    pub non_agent_before: Vec<String>,
    /// Verbs of leading ("led", "commanded"): the leader acts whenever those led act.
    pub leads: Vec<String>,
    /// Words by which a sentence speaks of a place's renaming or of its later or present name
    /// ("renamed", "later", "now"): an earlier date beside a later name is then no slip.
    pub renaming: Vec<String>,
    /// Words that mark a sentence as describing the essay itself ("I will", "this essay").
    pub meta_markers: Vec<String>,
    /// The sides the debate compares, each as the ids of the entries that stand for it
    /// (`["lenin", "leninism"]`, `["stalin", "stalinism"]`): a sentence that names every side
    /// sets them beside each other. A pack that lists sides replaces these.
    pub debate_sides: Vec<Vec<String>>,
    /// Words every argument of the debate uses: never the content words of one claim.
    pub debate_words: Vec<String>,
    /// Words of post titles too common to tell one post from another ("party", "committee").
    pub generic_title_words: Vec<String>,
    /// The calendar change: dates before it may be written in either style.
    pub old_style: Option<OldStyle>,
    /// What can happen to a person, by happening type (`HAPPENING_TYPES`): the words that say
    /// it ("arrested", "sent into exile", "shot"). A word may say several types ("shot": an
    /// attempt, an execution, a suicide); a date is judged only when the base records every
    /// instance of each of them for that person.
    pub happenings: BTreeMap<String, Vec<String>>,
    /// Verbs too common to name an event on their own with one of its actors ("returned",
    /// "arrived", "met"): the clause must also name the event's place or another of its actors.
    pub generic_event_cues: Vec<String>,
    /// Verbs that, with a named event as their object, say it happened then ("crushed",
    /// "signed", "held"): "In 1920 Tukhachevsky crushed the Kronstadt rising" dates the rising.
    pub enacting: Vec<String>,
    /// Verbs by which a person undergoes what a noun after them names ("suffered a stroke",
    /// "survived an assassination attempt").
    pub undergoes: Vec<String>,
    /// Verbs that make someone do what the infinitive after them says, at once ("riots forced
    /// Nicholas II to abdicate"): a date that frames the causing dates the act.
    pub causes: Vec<String>,
    /// Verbs that, said of an event in the passive, tell what was done with it afterwards ("the
    /// Secret Speech was printed in the West", "the revolt was remembered"): they date
    /// themselves, not the event.
    pub later_acts: Vec<String>,
    /// Happening types that befall a person at most once (an execution, a suicide): their lists
    /// are complete without a promise in the data.
    pub once: Vec<String>,
    /// Nouns for a person by their tie to another ("brother", "wife", "secretary"): "his wife"
    /// brings in someone new, whom a "she" or "he" after it may stand for.
    pub relations: Vec<String>,
    /// How a document of a kind comes to be dated, by its kind ("treaty" = "signed", "order" =
    /// "issued"): the words a message states its date with. Other kinds were "written".
    pub document_acts: BTreeMap<String, String>,
    /// The words by which a claim shows which side of the debate it argues (`[vocab.stance]`).
    pub stance: StanceVocab,
}

/// The words the counterargument check reads a claim's side from. Every list is phrases
/// (whole words, `*` any ending, `...` up to three words).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct StanceVocab {
    /// Phrases that argue continuity whatever the topic ("laid the foundations", "no accident").
    pub continuity: Vec<String>,
    /// Words that argue continuity when the sentence names both sides ("continued", "inherited").
    pub continuity_links: Vec<String>,
    /// Phrases that argue rupture whatever the topic ("broke with", "far beyond").
    pub rupture: Vec<String>,
    /// Words that argue rupture when the sentence names both sides ("betray", "abandoned").
    pub rupture_links: Vec<String>,
    /// Comparisons that argue continuity when the sentence names Lenin and Stalin ("like").
    pub likeness: Vec<String>,
    /// Comparisons that argue rupture when the sentence names Lenin and Stalin ("unlike").
    pub contrast: Vec<String>,
    /// Causal links with the cause before them ("led to", "made ... possible").
    pub causes_before: Vec<String>,
    /// Causal links with the cause after them ("grew out of", "product of").
    pub causes_after: Vec<String>,
    /// Judgements that, said of Lenin, argue continuity ("ruthless", "dictator").
    pub harsh: Vec<String>,
    /// Judgements that, said of Lenin, argue rupture ("pragmatist", "tolerated").
    pub mild: Vec<String>,
    /// Words that open a conceded clause ("although", "while").
    pub concessions: Vec<String>,
    /// Words that open the main clause after a conceded one ("but", "however").
    pub adversatives: Vec<String>,
    /// Words that make a conceded clause count for nothing ("may have", "to some extent").
    pub concession_hedges: Vec<String>,
    /// Words after which the rest of a clause is not asserted ("whether", "presented himself as").
    pub unasserted: Vec<String>,
    /// Negations the stance reading adds to `negations` ("hard to argue", "rather than").
    pub negations: Vec<String>,
    /// Verbs and phrases that attribute a claim to someone ("argues", "according to").
    pub attributions: Vec<String>,
    /// Words that, opening a sentence, point back to the one before ("this", "it").
    pub anaphors: Vec<String>,
    /// Words that stand for Lenin's side in a link ("revolution", "Bolshevism").
    pub lenin_words: Vec<String>,
}

impl StanceVocab {
    pub fn extend(&mut self, other: StanceVocab) {
        macro_rules! ext {
            ($($f:ident),*) => { $( for w in other.$f { let w = w.to_lowercase(); if !self.$f.contains(&w) { self.$f.push(w); } } )* };
        }
        ext!(
            continuity,
            continuity_links,
            rupture,
            rupture_links,
            likeness,
            contrast,
            causes_before,
            causes_after,
            harsh,
            mild,
            concessions,
            adversatives,
            concession_hedges,
            unasserted,
            negations,
            attributions,
            anaphors,
            lenin_words
        );
    }
}

/// A calendar change: before `until`, dates were written in the old style, `days` days behind
/// the new one.
#[derive(Clone, Copy, Debug, Deserialize)]
#[serde(try_from = "RawOldStyle")]
pub struct OldStyle {
    /// The first day of the new style.
    pub until: Date,
    /// That day's number (`date::day_number`), worked out once.
    pub until_day: Day,
    /// How far the old style was behind.
    pub days: i32,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOldStyle {
    until: String,
    days: i32,
}

/// Written back in the form it is read from (`until` as YYYY-MM-DD), so that a stored base
/// reads its calendar change through the same checks.
impl Serialize for OldStyle {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let d = self.until;
        let approx = if d.approx { "~" } else { "" };
        let (month, day) = (d.month.unwrap_or(1), d.day.unwrap_or(1));
        let until = format!("{approx}{:04}-{month:02}-{day:02}", d.year);
        RawOldStyle { until, days: self.days }.serialize(s)
    }
}

impl TryFrom<RawOldStyle> for OldStyle {
    type Error = String;
    fn try_from(raw: RawOldStyle) -> Result<OldStyle, String> {
        let until = Date::parse(&raw.until).map_err(|e| format!("old_style.until: {e}"))?;
        if until.day.is_none() {
            return Err(format!("old_style.until: `{}` needs a day (YYYY-MM-DD)", raw.until));
        }
        Ok(OldStyle { until, until_day: until.span().lo, days: raw.days })
    }
}

impl Vocab {
    /// The verb a document of kind `kind` is dated by: "signed", "issued", else "written".
    pub fn document_act(&self, kind: &str) -> &str {
        self.document_acts.get(kind).map_or("written", String::as_str)
    }

    pub fn extend(&mut self, other: Vocab) {
        macro_rules! ext {
            ($($f:ident),*) => { $( for w in other.$f { let w = w.to_lowercase(); if !self.$f.contains(&w) { self.$f.push(w); } } )* };
        }
        ext!(
            born,
            died,
            founded,
            dissolved,
            began,
            announced,
            ended,
            appointed,
            negations,
            hedges,
            posthumous,
            verbs,
            non_agent_before,
            leads,
            renaming,
            meta_markers,
            debate_words,
            generic_title_words,
            generic_event_cues,
            enacting,
            undergoes,
            causes,
            later_acts,
            relations
        );
        if !other.debate_sides.is_empty() {
            self.debate_sides = other
                .debate_sides
                .into_iter()
                .map(|side| side.into_iter().map(|id| id.to_lowercase()).collect())
                .collect();
        }
        if other.old_style.is_some() {
            self.old_style = other.old_style;
        }
        for (kind, words) in other.happenings {
            let list = self.happenings.entry(kind).or_default();
            for w in words {
                let w = w.to_lowercase();
                if !list.contains(&w) {
                    list.push(w);
                }
            }
        }
        for (kind, act) in other.document_acts {
            self.document_acts.insert(kind.to_lowercase(), act.to_lowercase());
        }
        for t in other.once {
            if !self.once.contains(&t) {
                self.once.push(t);
            }
        }
        self.stance.extend(other.stance);
    }
}
