//! Which side of the debate a name, a thing and a day stand on: the entries that stand for the
//! two sides (`debate_sides`: Lenin and Leninism, Stalin and Stalinism), the things of each
//! side's time (by their dates: begun before or after the first side's death), and the words
//! that make a name no agent ("of Lenin", "after Lenin's death").

use rustc_hash::FxHashSet;

use crate::base::date::{day_number, DaySpan};
use crate::base::{EntryId, Kind, KnowledgeBase};

/// The two sides of the debate as actors and causes: Lenin (Leninism, his time) and Stalin.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Side {
    Lenin,
    Stalin,
}

pub(super) struct Sides {
    /// The entries that stand for each side.
    entries: [Vec<EntryId>; 2],
    /// Per entry, the side whose time it belongs to; people other than the sides have none.
    era: Vec<Option<Side>>,
    /// The days each side's time spans: Lenin's from 1900 to his death, Stalin's from then to
    /// his own.
    eras: [(i32, i32); 2],
    /// Words before a name that make it no agent ("of", "after", "against").
    non_agents: FxHashSet<Box<str>>,
}

impl Sides {
    pub(super) fn build(kb: &KnowledgeBase) -> Sides {
        let ids = |k: usize| -> Vec<EntryId> {
            kb.vocab
                .debate_sides
                .get(k)
                .into_iter()
                .flatten()
                .filter_map(|id| kb.find(id))
                .collect()
        };
        let entries =
            if kb.vocab.debate_sides.len() == 2 { [ids(0), ids(1)] } else { Default::default() };
        let eras = eras(kb, &entries);
        let era = kb
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| {
                if entries.iter().any(|side| side.contains(&i)) || e.kind == Kind::Person {
                    return None;
                }
                era_of_span(&eras, e.span()?)
            })
            .collect();
        // "under Lenin", "by Lenin": the one who rules or acts.
        let non_agents = kb
            .vocab
            .non_agent_before
            .iter()
            .filter(|w| !matches!(w.as_str(), "under" | "by"))
            .map(|w| w.as_str().into())
            .collect();
        Sides { entries, era, eras, non_agents }
    }

    /// The side an entry stands for (Lenin, Leninism; Stalin, Stalinism), if it is one.
    pub(super) fn of_entry(&self, e: EntryId) -> Option<Side> {
        if self.entries[0].contains(&e) {
            Some(Side::Lenin)
        } else if self.entries[1].contains(&e) {
            Some(Side::Stalin)
        } else {
            None
        }
    }

    /// The side whose time an entry belongs to.
    pub(super) fn era_of(&self, e: EntryId) -> Option<Side> {
        self.era.get(e).copied().flatten()
    }

    /// The side whose time a day falls in.
    pub(super) fn era_of_day(&self, day: i32) -> Option<Side> {
        era_of_day(&self.eras, day)
    }

    /// Does the word before a name make it no agent ("of Lenin", "after Lenin's death")?
    pub(super) fn non_agent(&self, w: &str) -> bool {
        self.non_agents.contains(w)
    }
}

/// The spans of the two sides' times, as days, from the dates of the side entries (none
/// without them).
fn eras(kb: &KnowledgeBase, entries: &[Vec<EntryId>; 2]) -> [(i32, i32); 2] {
    let death = |k: usize| entries[k].iter().find_map(|&i| kb.entries[i].span()).map(|sp| sp.hi);
    match (death(0), death(1)) {
        (Some(lenin), Some(stalin)) if lenin < stalin => {
            [(day_number(1900, 1, 1), lenin), (lenin, stalin)]
        }
        _ => [(0, 0), (0, 0)],
    }
}

/// The side whose time a thing belongs to: it began in that time, and lasted no longer than a
/// decade when it began in Lenin's ("the NEP", "the Cheka"; not "the USSR").
fn era_of_span(eras: &[(i32, i32); 2], span: DaySpan) -> Option<Side> {
    match era_of_day(eras, span.lo)? {
        Side::Lenin if span.hi - span.lo > DECADE => None,
        side => Some(side),
    }
}

/// About ten years, in days.
const DECADE: i32 = 3653;

fn era_of_day(eras: &[(i32, i32); 2], day: i32) -> Option<Side> {
    if (eras[0].0..eras[0].1).contains(&day) {
        Some(Side::Lenin)
    } else if (eras[1].0..eras[1].1).contains(&day) {
        Some(Side::Stalin)
    } else {
        None
    }
}
