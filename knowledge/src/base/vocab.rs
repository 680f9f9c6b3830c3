//! The words the checks read (`[vocab]` tables in packs): cues for births, deaths and
//! foundings, negations, hedges, and the words that mark a reference as posthumous.
//!
//! They are data so that a teacher can teach Clio a new way of saying "was founded"
//! without a code change.

use serde::Deserialize;

#[derive(Clone, Debug, Default, Deserialize)]
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
    /// Words in a sentence that mark an argument rather than a description ("inevitable", "proves").
    pub claim_markers: Vec<String>,
    /// Words that mark a sentence as describing the essay itself ("I will", "this essay").
    pub meta_markers: Vec<String>,
}

impl Vocab {
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
            claim_markers,
            meta_markers
        );
    }
}
