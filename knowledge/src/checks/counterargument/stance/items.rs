//! The stance items a sentence holds: framing phrases, links and comparisons, causal links (by
//! the side their cause stands on), and judgements of Lenin.

use std::ops::Range;

use super::super::markers::List;
use super::super::sides::Side;
use super::{overlaps, Item, ItemKind, Scene, CUE_WORD, LINK_REACH, TIME_OR_OF};
use crate::base::{Shape, Stance};

impl Scene<'_, '_> {
    /// Framing phrases, links (when both sides are named) and comparisons (Lenin and Stalin).
    pub(super) fn frames(
        &self,
        items: &mut Vec<Item>,
        names: [bool; 2],
        lenin_words: &[Range<usize>],
    ) {
        let s = self.s();
        let lists = &self.ix.lists;
        // A link needs both sides near it: the men or their doctrines, or, in a sentence without
        // a date (a dated one narrates), things of their times ("Stalin's collectivisation
        // repeated War Communism"; not "In 1928 Stalin abandoned the NEP").
        let undated = self.ctx.dates.is_empty();
        let near = |toks: &Range<usize>, t: &Range<usize>| {
            t.start + LINK_REACH >= toks.start && t.start <= toks.end + LINK_REACH
        };
        let side_near = |side: Side, toks: &Range<usize>| {
            self.sides
                .iter()
                .any(|m| m.side == side && (m.proper || undated) && near(toks, &m.toks))
        };
        let both = |toks: &Range<usize>| {
            (side_near(Side::Lenin, toks) || lenin_words.iter().any(|w| near(toks, w)))
                && side_near(Side::Stalin, toks)
        };
        let kinds = [
            (List::Continuity, Stance::Continuity, true, ItemKind::Frame),
            (List::Rupture, Stance::Rupture, true, ItemKind::Frame),
            (List::ContinuityLinks, Stance::Continuity, true, ItemKind::Frame),
            (List::RuptureLinks, Stance::Rupture, true, ItemKind::Frame),
            (List::Likeness, Stance::Continuity, names[0] && names[1], ItemKind::Compare),
            (List::Contrast, Stance::Rupture, names[0] && names[1], ItemKind::Compare),
        ];
        if let Some(toks) = self.contrast.clone() {
            items.push(Item {
                toks,
                kind: ItemKind::Compare,
                stance: Stance::Rupture,
                weight: 1.0,
                shape: Some(Shape::Comparison),
            });
        }
        for (list, stance, allowed, kind) in kinds {
            if !allowed {
                continue;
            }
            let link = matches!(list, List::ContinuityLinks | List::RuptureLinks);
            for toks in lists.find(list, s, self.tw) {
                if link && !both(&toks) {
                    continue;
                }
                // "continued to serve" is narration's aspect, not a link between the two men.
                if s.word(toks.start).starts_with("continu")
                    && toks.end < s.toks.len()
                    && s.word(toks.end) == "to"
                {
                    continue;
                }
                if self.phrase_ignored(&toks) || items.iter().any(|it| overlaps(&it.toks, &toks)) {
                    continue;
                }
                let stance = if self.negated(&toks) { stance.opposite() } else { stance };
                let shape = if kind == ItemKind::Compare {
                    Some(Shape::Comparison)
                } else {
                    Some(frame_shape(
                        &s.lower[s.toks[toks.start].range.start..s.toks[toks.end - 1].range.end],
                        stance,
                    ))
                };
                items.push(Item { toks, kind, stance, weight: 1.0, shape });
            }
        }
    }

    /// Causal links: continuity when the cause is Lenin's (him, his time, a continuity
    /// argument's cue) and the effect Stalin's; rupture when the cause is something else.
    pub(super) fn causes(&self, items: &mut Vec<Item>) {
        let s = self.s();
        let n = s.toks.len();
        for (list, cause_before) in [(List::CausesBefore, true), (List::CausesAfter, false)] {
            for toks in self.ix.lists.find(list, s, self.tw) {
                if self.phrase_ignored(&toks) || items.iter().any(|it| overlaps(&it.toks, &toks)) {
                    continue;
                }
                // The cause: the link's side of it within its clause (and of the main-clause
                // boundary); the effect: a mention of Stalin's side anywhere else ("made Stalin's
                // dictatorship possible", "... that Stalinism was ...").
                let clause = self
                    .d
                    .clauses
                    .iter()
                    .find(|c| c.contains(&toks.start))
                    .cloned()
                    .unwrap_or(0..n);
                let (lo, hi) = if toks.start >= self.main_from {
                    (self.main_from, n)
                } else {
                    (0, self.main_from)
                };
                let (lo, hi) = (lo.max(clause.start), hi.min(clause.end));
                let cause = if cause_before { lo..toks.start } else { toks.end..hi };
                // (A date of Stalin's time is his side's when the sentence names him, or names
                // Lenin as the cause: "the terror of the 1930s grew out of Lenin's methods".)
                let stalin_named = self
                    .sides
                    .iter()
                    .any(|m| m.proper && (m.side == Side::Stalin || cause.contains(&m.toks.start)));
                let stalin_effect = self.sides.iter().any(|m| {
                    m.side == Side::Stalin
                        && !cause.contains(&m.toks.start)
                        && !(m.toks.start > 0 && TIME_OR_OF.contains(&s.word(m.toks.start - 1)))
                }) || (stalin_named
                    && self.ctx.dates.iter().any(|dt| {
                        !cause.contains(&dt.toks.start)
                            && self.ix.sides.era_of_day(dt.span.lo) == Some(Side::Stalin)
                    }));
                // ("This followed from the ban on factions": the effect is the sentence before.)
                let stalin_effect = stalin_effect || (self.anaphoric && !cause.contains(&0));
                if !stalin_effect {
                    continue;
                }
                let [c, r] = self.cause_sides(&cause);
                let stance = if c > r {
                    Stance::Continuity
                } else if r > c {
                    Stance::Rupture
                } else {
                    continue;
                };
                let shape = if stance == Stance::Continuity {
                    Shape::Causation
                } else {
                    Shape::Explanation
                };
                items.push(Item {
                    toks,
                    kind: ItemKind::Cause,
                    stance,
                    weight: 1.0,
                    shape: Some(shape),
                });
            }
        }
    }

    /// How strongly a cause stands on each side: continuity, rupture. Lenin and Stalin count
    /// fully; things the arguments' cues name stand where those arguments do ("the Cheka" with
    /// Lenin, "civil war" with the circumstances); other things by their time.
    pub(super) fn cause_sides(&self, cause: &Range<usize>) -> [f32; 2] {
        let mut sums = [0.0f32; 2];
        let mut vote = |stance: Stance, w: f32, toks: &Range<usize>| {
            let stance = if self.negated(toks) { stance.opposite() } else { stance };
            sums[stance as usize] += w;
        };
        let cued = |t: &Range<usize>| {
            self.d.hits.iter().any(|h| self.ix.cues[h.cue].stance.is_some() && overlaps(&h.toks, t))
        };
        // (Stalin's own side as a cause of Stalin's side argues nothing: "Stalin's
        // industrialisation led to a crisis" is narration. His paranoia is a cue.)
        for m in
            self.sides.iter().filter(|m| m.side == Side::Lenin && cause.contains(&m.toks.start))
        {
            if !m.proper && cued(&m.toks) {
                continue;
            }
            vote(Stance::Continuity, if m.proper { 1.0 } else { CUE_WORD }, &m.toks);
        }
        // (A cause that is Stalin's own doing, "Stalin's rapid industrialisation", argues only by
        // what it says of him (his paranoia) or of Lenin; not by his policies or his years.)
        let stalin_in_cause: Vec<&Range<usize>> = (self.sides.iter())
            .filter(|m| m.side == Side::Stalin && m.proper && cause.contains(&m.toks.start))
            .map(|m| &m.toks)
            .collect();
        let stalins_own = !stalin_in_cause.is_empty();
        // (What is said of him: the words just after his name, "Stalin's own paranoia".)
        let of_stalin = |t: &Range<usize>| {
            stalin_in_cause.iter().any(|m| t.start >= m.start && t.start <= m.end + 2)
        };
        for dt in &self.ctx.dates {
            if cause.contains(&dt.toks.start) && !stalins_own {
                if let Some(side) = self.ix.sides.era_of_day(dt.span.lo) {
                    let stance =
                        if side == Side::Lenin { Stance::Continuity } else { Stance::Rupture };
                    vote(stance, CUE_WORD, &dt.toks);
                }
            }
        }
        for h in &self.d.hits {
            let cue = &self.ix.cues[h.cue];
            if let (Some(stance), true) = (cue.stance, cause.contains(&h.toks.start)) {
                if stalins_own && (cue.topic || !of_stalin(&h.toks)) {
                    continue;
                }
                vote(stance, CUE_WORD, &h.toks);
            }
        }
        sums
    }

    /// Judgements: harsh or mild words said of Lenin (or a mild one denied of Stalin).
    pub(super) fn judgements(&self, items: &mut Vec<Item>) {
        let s = self.s();
        for (list, harsh) in [(List::Harsh, true), (List::Mild, false)] {
            for toks in self.ix.lists.find(list, s, self.tw) {
                if self.any_ignored(&toks) || items.iter().any(|it| overlaps(&it.toks, &toks)) {
                    continue;
                }
                // A word that is part of a name-like cue ("democratic centralism") is no judgement.
                if self.d.hits.iter().any(|h| {
                    self.ix.cues[h.cue].topic
                        && h.toks.len() > toks.len()
                        && overlaps(&h.toks, &toks)
                }) {
                    continue;
                }
                let negated = self.negated(&toks);
                let stance = match (self.actor(toks.start, toks.end), harsh, negated) {
                    (Some(Side::Lenin), true, false) | (Some(Side::Lenin), false, true) => {
                        Stance::Continuity
                    }
                    (Some(Side::Lenin), _, _) => Stance::Rupture,
                    // "in a way that Stalin never was" (a mild word denied of Stalin).
                    (Some(Side::Stalin), false, true) => Stance::Rupture,
                    _ => continue,
                };
                items.push(Item {
                    toks,
                    kind: ItemKind::Judgement,
                    stance,
                    weight: 1.0,
                    shape: Some(Shape::Evaluation),
                });
            }
        }
    }
}

/// The shape a framing phrase gives its claim.
fn frame_shape(phrase: &str, stance: Stance) -> Shape {
    let has = |ws: &[&str]| ws.iter().any(|w| phrase.contains(w));
    if has(&["inevitab", "preordained", "bound to", "inexorab"]) {
        Shape::Inevitability
    } else if has(&["would have", "would never"]) {
        Shape::Counterfactual
    } else if has(&[
        "seeds",
        "foundation",
        "groundwork",
        "paved",
        "germ",
        "embryo",
        "prefigur",
        "foreshadow",
        "anticipat",
        "handed",
        "gave stalin",
        "responsib",
        "must bear",
    ]) {
        Shape::Causation
    } else if has(&["own ", "alone", "solely", "personally", "single-hand"]) {
        Shape::Explanation
    } else if stance == Stance::Rupture
        && has(&[
            "betray",
            "break",
            "broke",
            "abandon",
            "depart",
            "negation",
            "moved",
            "turned",
            "revers",
            "repudiat",
            "counter",
            "perver",
            "distort",
            "illegitimate",
            "gravedigger",
            "odds",
            "enemies",
            "contrary",
        ])
    {
        Shape::Betrayal
    } else if stance == Stance::Rupture {
        Shape::Comparison
    } else {
        Shape::Continuity
    }
}
