//! What an essay argues, as the counterargument check reads it: the claims from the debate its
//! sentences make, and the balance of its argument (with how editors show it). Part of what an
//! analysis reports, beside the findings.

use std::ops::Range;

use crate::base::{KnowledgeBase, Stance};

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

pub(crate) fn opposite(s: Stance) -> Stance {
    match s {
        Stance::Continuity => Stance::Rupture,
        Stance::Rupture => Stance::Continuity,
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

impl Balance {
    /// The code lens over an essay: "Clio · argument balance: 2 continuity, 1 rupture · 3
    /// strong counterpoints not yet addressed". None for an essay that argues nothing.
    pub fn lens_title(&self) -> Option<String> {
        if self.continuity + self.rupture == 0 && self.unaddressed.is_empty() {
            return None;
        }
        let open = match self.unaddressed.len() {
            0 => " · every strong counterpoint addressed".to_string(),
            1 => " · 1 strong counterpoint not yet addressed".to_string(),
            n => format!(" · {n} strong counterpoints not yet addressed"),
        };
        Some(format!(
            "Clio · argument balance: {} continuity, {} rupture{open}",
            self.continuity, self.rupture
        ))
    }

    /// The message the balance command shows: the points on each side and the claims of the
    /// three strongest opposing points not yet addressed.
    pub fn summary(&self, kb: &KnowledgeBase) -> String {
        let mut msg = format!(
            "Your essay makes {} point(s) for continuity and {} for rupture.",
            self.continuity, self.rupture
        );
        for &i in self.unaddressed.iter().take(3) {
            if let Some(a) = kb.arguments.get(i) {
                msg.push_str(&format!(" Not yet addressed: {}", a.claim));
            }
        }
        msg
    }
}

#[cfg(test)]
mod tests {
    use expect_test::expect;

    use super::Balance;
    use crate::checks::testing::kb;

    #[test]
    fn an_essay_that_argues_nothing_has_no_lens() {
        assert_eq!(Balance::default().lens_title(), None);
    }

    #[test]
    fn lens_counts_the_points_and_what_is_open() {
        let titles: Vec<Option<String>> = [
            Balance { continuity: 2, rupture: 1, unaddressed: vec![] },
            Balance { continuity: 1, rupture: 0, unaddressed: vec![4] },
            Balance { continuity: 0, rupture: 0, unaddressed: vec![4, 7, 9] },
        ]
        .iter()
        .map(Balance::lens_title)
        .collect();
        expect![[r#"
            [
                Some(
                    "Clio · argument balance: 2 continuity, 1 rupture · every strong counterpoint addressed",
                ),
                Some(
                    "Clio · argument balance: 1 continuity, 0 rupture · 1 strong counterpoint not yet addressed",
                ),
                Some(
                    "Clio · argument balance: 0 continuity, 0 rupture · 3 strong counterpoints not yet addressed",
                ),
            ]
        "#]]
        .assert_debug_eq(&titles);
    }

    #[test]
    fn summary_names_the_three_strongest_open_points() {
        let kb = kb();
        let b = Balance { continuity: 1, rupture: 2, unaddressed: vec![0, 1, 2, 3] };
        let msg = b.summary(kb);
        assert!(msg.starts_with("Your essay makes 1 point(s) for continuity and 2 for rupture."));
        assert_eq!(msg.matches(" Not yet addressed: ").count(), 3, "{msg}");
        assert!(msg.contains(&kb.arguments[2].claim) && !msg.contains(&kb.arguments[3].claim));
    }
}
