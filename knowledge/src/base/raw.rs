//! The packs' tables as written in TOML, before ids are resolved and values validated.
//! `knowledge/data/README.md` documents every field.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

/// One pack file: every table it may hold.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFile {
    #[serde(default)]
    pub essay: Vec<Spanned<toml::Value>>,
    #[serde(default)]
    pub person: Vec<Spanned<toml::Value>>,
    #[serde(default)]
    pub body: Vec<Spanned<toml::Value>>,
    #[serde(default)]
    pub term: Vec<Spanned<toml::Value>>,
    #[serde(default)]
    pub event: Vec<Spanned<toml::Value>>,
    #[serde(default)]
    pub place: Vec<Spanned<toml::Value>>,
    #[serde(default)]
    pub document: Vec<Spanned<toml::Value>>,
    #[serde(default)]
    pub figure: Vec<Spanned<toml::Value>>,
    #[serde(default)]
    pub argument: Vec<Spanned<toml::Value>>,
    pub vocab: Option<Spanned<toml::Value>>,
    /// `kb extract`'s list of candidates left out on purpose (`extract-ignore.toml`): read by
    /// that tool, not part of the base.
    #[serde(default, rename = "ignore")]
    pub _extract_ignore: serde::de::IgnoredAny,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawEssay {
    pub id: String,
    pub file: String,
    pub title: String,
    #[serde(default)]
    pub kind: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSource {
    pub essay: String,
    pub at: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawVariant {
    pub field: String,
    pub value: String,
    /// `mistake` (the essay is wrong) or `disagreement` (records or historians differ).
    pub kind: Option<String>,
    pub essay: String,
    pub at: String,
    #[serde(default)]
    pub note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRole {
    pub title: String,
    #[serde(default)]
    pub also: Vec<String>,
    pub office: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
}

/// A place's name for a time: `{ name = "Stalingrad", from = "1925-04-10", to = "1961-11-10" }`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawDatedName {
    pub name: String,
    pub from: Option<String>,
    pub to: Option<String>,
}

/// Something that happened to a person: `{ type = "arrest", date = "1902-04-05", place = "batumi" }`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawHappening {
    #[serde(rename = "type")]
    pub kind: String,
    pub date: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub place: Option<String>,
    /// The body it concerns (expelled from, readmitted to, removed from).
    pub of: Option<String>,
    #[serde(default)]
    pub note: String,
}

/// A person, body, term, event, place or document. Which fields belong to which kind is
/// checked when the entry is resolved (`resolve::misplaced_fields`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawEntry {
    pub id: String,
    pub name: String,
    pub full_name: Option<String>,
    pub kind: Option<String>,
    pub group: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub misspellings: Vec<String>,
    pub born: Option<String>,
    pub died: Option<String>,
    pub death_by: Option<String>,
    pub founded: Option<String>,
    pub dissolved: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub date: Option<String>,
    pub written: Option<String>,
    pub written_to: Option<String>,
    pub published: Option<String>,
    /// The same dates in the other calendar: `ns = { date = "1917-11-07" }` on an Old Style
    /// event, `os = { born = "1870-04-10" }` on a person.
    pub ns: Option<BTreeMap<String, String>>,
    pub os: Option<BTreeMap<String, String>>,
    #[serde(default)]
    pub roles: Vec<RawRole>,
    #[serde(default)]
    pub happenings: Vec<RawHappening>,
    #[serde(default)]
    pub complete: Vec<String>,
    pub successor: Option<String>,
    pub predecessor: Option<String>,
    #[serde(default)]
    pub actors: Vec<String>,
    #[serde(default)]
    pub subjects: Vec<String>,
    #[serde(rename = "type")]
    pub event_type: Option<String>,
    pub place: Option<String>,
    pub series: Option<String>,
    pub number: Option<u32>,
    #[serde(default)]
    pub member_names: Vec<String>,
    pub within: Option<String>,
    #[serde(default)]
    pub names: Vec<RawDatedName>,
    #[serde(default)]
    pub authors: Vec<String>,
    pub author: Option<String>,
    #[serde(default)]
    pub cues: Vec<String>,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub related: Vec<String>,
    #[serde(default)]
    pub sources: Vec<RawSource>,
    #[serde(default)]
    pub variants: Vec<RawVariant>,
    pub record: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawValue {
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    #[serde(default)]
    pub approx: bool,
    /// An essay's value that is wrong by the record (not a source to follow).
    #[serde(default)]
    pub mistake: bool,
    #[serde(default)]
    pub source: String,
    pub essay: Option<String>,
    pub at: Option<String>,
    #[serde(default)]
    pub note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFigure {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub counts: String,
    #[serde(default)]
    pub unit: String,
    pub from: Option<String>,
    pub to: Option<String>,
    pub place: Option<String>,
    #[serde(default)]
    pub subjects: Vec<String>,
    #[serde(default)]
    pub cues: Vec<String>,
    pub values: Vec<RawValue>,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub related: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawArgument {
    pub id: String,
    pub stance: String,
    #[serde(default)]
    pub theme: String,
    pub claim: String,
    #[serde(default)]
    pub cues: Vec<String>,
    #[serde(default)]
    pub evidence: Vec<String>,
    #[serde(default)]
    pub evidence_text: String,
    #[serde(default)]
    pub historians: Vec<String>,
    #[serde(default)]
    pub sources: Vec<RawSource>,
    #[serde(default)]
    pub counters: Vec<String>,
    #[serde(default)]
    pub question: String,
    #[serde(default)]
    pub gist: String,
    #[serde(default)]
    pub answers: Vec<String>,
    #[serde(default)]
    pub thesis: bool,
}
