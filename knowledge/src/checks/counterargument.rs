//! (being written) Counterarguments: recognise claims from the debate and offer the other side.

use std::ops::Range;

use super::SentenceCtx;
use crate::analysis::Finding;
use crate::base::KnowledgeBase;

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
}

impl Claim {
    pub fn shifted(&self, by: usize, block: Range<usize>) -> Claim {
        Claim { range: self.range.start + by..self.range.end + by, block, ..self.clone() }
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

pub fn claims(_ctx: &SentenceCtx) -> Vec<Claim> {
    Vec::new()
}

pub fn document(_kb: &KnowledgeBase, _claims: &[Claim], _text: &str) -> (Vec<Finding>, Balance) {
    (Vec::new(), Balance::default())
}
