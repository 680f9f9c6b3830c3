//! What an essay argues, as the counterargument check reads it: the claims from the debate its
//! sentences make, and the balance of its argument (with how editors show it). Part of what an
//! analysis reports, beside the findings.

use std::ops::Range;

use crate::base::{EntryId, KnowledgeBase, Shape, Stance};

/// A sentence that makes a claim from the debate, or half of one that spans two sentences.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    /// The claim's range (block-relative inside a block result; absolute in an `Analysis`).
    pub range: Range<usize>,
    /// The paragraph (block) it is in, absolute.
    pub block: Range<usize>,
    /// The whole sentence the claim is in (same coordinates as `range`): a counterargument is
    /// inserted after it.
    pub sentence: Range<usize>,
    /// The side the sentence argues; `None` for a sentence that gives only content (the first
    /// half of a claim over two sentences).
    pub stance: Option<Stance>,
    /// Index into `KnowledgeBase::arguments` of the argument the sentence makes (of its
    /// stance); `None` for a sentence that shows a side but says nothing of its own ("This was
    /// no accident.").
    pub argument: Option<usize>,
    /// For a sentence of content only: its best argument on each side (continuity, rupture).
    pub content: [Option<usize>; 2],
    /// The counterpoints, best first; every one argues the opposite of `stance`.
    pub counterpoints: Counterpoints,
    pub shape: Option<Shape>,
    /// The person the sentence attributes the claim to ("Pipes argues ...").
    pub author: Option<EntryId>,
    /// It opens by pointing back ("This", "That").
    pub anaphoric: bool,
    /// The argument's score on the sentence.
    pub score: f32,
}

/// How many counterpoints a claim keeps (the first is shown, the next are alternatives).
pub const COUNTERPOINTS: usize = 5;

/// A claim's counterpoints (indices into `KnowledgeBase::arguments`), best first, at most
/// [`COUNTERPOINTS`], kept inline: a keystroke in a long essay copies every claim of the
/// document into its new analysis, and a list on the heap made each copy an allocation.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub struct Counterpoints {
    ids: [usize; COUNTERPOINTS],
    len: u8,
}

impl std::ops::Deref for Counterpoints {
    type Target = [usize];
    fn deref(&self) -> &[usize] {
        &self.ids[..usize::from(self.len)]
    }
}

/// The first [`COUNTERPOINTS`] of a ranking; the rest are left out.
impl FromIterator<usize> for Counterpoints {
    fn from_iter<I: IntoIterator<Item = usize>>(ranked: I) -> Counterpoints {
        let mut out = Counterpoints::default();
        for (slot, x) in out.ids.iter_mut().zip(ranked) {
            *slot = x;
            out.len += 1;
        }
        out
    }
}

impl<'a> IntoIterator for &'a Counterpoints {
    type Item = &'a usize;
    type IntoIter = std::slice::Iter<'a, usize>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl std::fmt::Debug for Counterpoints {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
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

    /// A whole claim: a side and an argument (not half of one).
    pub fn is_whole(&self) -> bool {
        self.stance.is_some() && self.argument.is_some()
    }
}

/// How many points the essay makes on each side, per theme, and strong opposing points not yet
/// addressed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Balance {
    pub continuity: usize,
    pub rupture: usize,
    /// Per theme, in the order the essay first argues them: the points on each side.
    pub themes: Vec<ThemeBalance>,
    /// Argument indices the essay has not addressed yet, strongest first.
    pub unaddressed: Vec<usize>,
}

/// The points an essay makes on one theme.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ThemeBalance {
    pub theme: String,
    pub continuity: usize,
    pub rupture: usize,
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
            "Clio · argument balance: {} continuity, {} rupture{}{open}",
            self.continuity,
            self.rupture,
            self.themes_line(3)
        ))
    }

    /// The first `n` themes as " (terror 2–1, economy 0–1, +2 more)", or nothing.
    fn themes_line(&self, n: usize) -> String {
        if self.themes.is_empty() {
            return String::new();
        }
        let mut parts: Vec<String> = self
            .themes
            .iter()
            .take(n)
            .map(|t| format!("{} {}–{}", t.theme, t.continuity, t.rupture))
            .collect();
        if self.themes.len() > n {
            parts.push(format!("+{} more", self.themes.len() - n));
        }
        format!(" ({})", parts.join(", "))
    }

    /// The message the balance command shows: the points on each side and the claims of the
    /// three strongest opposing points not yet addressed.
    pub fn summary(&self, kb: &KnowledgeBase) -> String {
        let mut msg = format!(
            "Your essay makes {} point(s) for continuity and {} for rupture.",
            self.continuity, self.rupture
        );
        if !self.themes.is_empty() {
            let themes: Vec<String> = self
                .themes
                .iter()
                .map(|t| {
                    format!("{} ({} continuity, {} rupture)", t.theme, t.continuity, t.rupture)
                })
                .collect();
            msg.push_str(&format!(" By theme: {}.", themes.join("; ")));
        }
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

    use super::{Balance, Counterpoints, ThemeBalance, COUNTERPOINTS};
    use crate::checks::testing::kb;

    #[test]
    fn counterpoints_keep_the_best_in_order_and_leave_the_rest_out() {
        let none: Counterpoints = std::iter::empty().collect();
        assert!(none.is_empty());
        let few: Counterpoints = [7, 3, 9].into_iter().collect();
        assert_eq!(&few[..], &[7, 3, 9]);
        let many: Counterpoints = (10..30).collect();
        assert_eq!(many.len(), COUNTERPOINTS);
        assert_eq!(&many[..], &[10, 11, 12, 13, 14]);
        assert_eq!(format!("{few:?}"), "[7, 3, 9]");
        // Two lists are equal when their counterpoints are, whatever was left out.
        assert_eq!(many, (10..15).collect::<Counterpoints>());
    }

    #[test]
    fn an_essay_that_argues_nothing_has_no_lens() {
        assert_eq!(Balance::default().lens_title(), None);
    }

    #[test]
    fn lens_counts_the_points_and_what_is_open() {
        let titles: Vec<Option<String>> = [
            Balance { continuity: 2, rupture: 1, ..Balance::default() },
            Balance { continuity: 1, rupture: 0, unaddressed: vec![4], ..Balance::default() },
            Balance { continuity: 0, rupture: 0, unaddressed: vec![4, 7, 9], ..Balance::default() },
            Balance {
                continuity: 3,
                rupture: 2,
                themes: ["terror 2 1", "economy 0 1", "party 1 0", "ideology 0 0"]
                    .iter()
                    .map(|t| {
                        let w: Vec<&str> = t.split(' ').collect();
                        ThemeBalance {
                            theme: w[0].into(),
                            continuity: w[1].parse().unwrap(),
                            rupture: w[2].parse().unwrap(),
                        }
                    })
                    .collect(),
                unaddressed: vec![1],
            },
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
                Some(
                    "Clio · argument balance: 3 continuity, 2 rupture (terror 2–1, economy 0–1, party 1–0, +1 more) · 1 strong counterpoint not yet addressed",
                ),
            ]
        "#]]
        .assert_debug_eq(&titles);
    }

    #[test]
    fn summary_names_the_three_strongest_open_points() {
        let kb = kb();
        let b = Balance {
            continuity: 1,
            rupture: 2,
            unaddressed: vec![0, 1, 2, 3],
            ..Balance::default()
        };
        let msg = b.summary(kb);
        assert!(msg.starts_with("Your essay makes 1 point(s) for continuity and 2 for rupture."));
        assert_eq!(msg.matches(" Not yet addressed: ").count(), 3, "{msg}");
        assert!(msg.contains(&kb.arguments[2].claim) && !msg.contains(&kb.arguments[3].claim));
    }
}
