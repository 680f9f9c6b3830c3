//! `kb extract`: names, dates and figures in an essay that the fact base does not hold yet,
//! each with its sentence — the tool that grows the base from new essays.

use crate::base::KnowledgeBase;
use crate::text::Format;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// `name`, `date` or `figure`.
    pub kind: &'static str,
    pub text: String,
    pub sentence: String,
}

pub fn candidates(_kb: &KnowledgeBase, _text: &str, _format: Format) -> Vec<Candidate> {
    Vec::new()
}
