//! What the writer asserts, and about whom: the words that are not theirs (quotations, names,
//! reported clauses), the clause that is their own (after "but", after the "although" clause),
//! how far a negation reaches, and who a judgement is said of.

use std::ops::Range;

use super::super::markers::List;
use super::super::sides::Side;
use super::Scene;
use crate::text::sentences::TokKind;

impl Scene<'_, '_> {
    /// Quotations, names ("The Revolution Betrayed", "Great Break": the base's capitalised names
    /// of several words, and capitalised words inside the sentence that are no name of one
    /// word; not concepts such as "totalitarian state") and what
    /// follows "whether", "presented himself as" in the same clause are not asserted.
    pub(super) fn mark_ignored(&mut self) {
        let s = &self.ctx.sentence;
        let first_word = s.toks.iter().position(|t| t.kind == TokKind::Word).unwrap_or(0);
        let mut one_word_name = vec![false; s.toks.len()];
        for m in &self.ctx.mentions {
            let t = self.ctx.mention_toks(m);
            let t = t.start.min(s.toks.len())..t.end.min(s.toks.len());
            let proper = self.ctx.block[m.range.clone()].starts_with(char::is_uppercase);
            if t.len() > 1 && proper {
                self.ignored[t].iter_mut().for_each(|x| *x = true);
            } else if let Some(x) = one_word_name.get_mut(t.start) {
                *x = true;
            }
        }
        for (i, (tok, name)) in s.toks.iter().zip(one_word_name).enumerate() {
            let capital = i > first_word
                && !name
                && self.ctx.block[self.ctx.abs(&tok.range)].starts_with(char::is_uppercase);
            if capital || self.ctx.quoted(&tok.range) {
                self.ignored[i] = true;
            }
        }
        for r in self.ix.lists.find(List::Unasserted, s, self.tw) {
            let end = self.d.clauses.iter().find(|c| c.contains(&r.start)).map_or(r.end, |c| c.end);
            self.ignored[r.start..end].iter_mut().for_each(|x| *x = true);
        }
    }

    /// The writer's own clause: after "but", "however", "yet" (everything before is conceded),
    /// or after the clause that "although", "though", "while" open at the start.
    pub(super) fn find_main_clause(&mut self) {
        let s = &self.ctx.sentence;
        let n = s.toks.len();
        let lists = &self.ix.lists;
        let mut main = 0;
        // ("But although X, Y", "Yet in spite of X, Y": the opening word only links to what
        // went before.)
        let open = usize::from(n > 1 && lists.at(List::Adversatives, s, self.tw, 0).is_some());
        if let Some(opener_end) = lists.at(List::Concessions, s, self.tw, open) {
            // "Although X, Y": the conceded clause runs to the first comma. "While Lenin ...,
            // Stalin ..." sets the two sides against each other instead: a contrast, not a
            // concession.
            // (The first comma after a verb: "Although for many years historians believed X,
            // opinions have changed".)
            let verb = |i: usize| {
                let w = s.word(i);
                IRREGULAR_VERBS.contains(&w) || (w.len() > 4 && w.ends_with("ed"))
            };
            // (After "despite", "in spite of" comes a noun, not a clause: to the first comma.)
            let preposition = matches!(s.word(opener_end - 1), "despite" | "of");
            let first_verb = if preposition {
                opener_end
            } else {
                (opener_end..n).find(|&i| verb(i)).unwrap_or(n)
            };
            if let Some(c) = (first_verb..n).find(|&i| matches!(s.word(i), "," | ";" | ":")) {
                // Each half's subject: a side named within its first words.
                let subject = |from: usize| {
                    self.sides
                        .iter()
                        .find(|m| m.proper && m.agent && (from..from + 4).contains(&m.toks.start))
                        .map(|m| m.side)
                };
                let (a, b) = (subject(opener_end), subject(c + 1));
                if matches!(s.word(open), "while" | "whilst" | "whereas")
                    && a.is_some()
                    && b.is_some()
                    && a != b
                {
                    self.contrast = Some(open..open + 1);
                } else {
                    main = c + 1;
                    self.granted = true;
                }
            }
        } else {
            // "X, but Y", "X; however, Y": everything before is conceded.
            for i in 1..n {
                if lists.at(List::Adversatives, s, self.tw, i).is_none() {
                    continue;
                }
                let prev = s.word(i - 1);
                // "nothing but", "all but", "not only ... but also" do not turn the sentence.
                if matches!(prev, "nothing" | "anything" | "all" | "everything" | "none")
                    || (i + 1 < n && s.word(i + 1) == "also")
                {
                    continue;
                }
                main = i;
                break;
            }
        }
        self.main_from = main.min(n);
        self.hedged_concession = (0..self.main_from).any(|i| {
            lists.at(List::ConcessionHedges, s, self.tw, i).is_some()
                || lists.at(List::Hedges, s, self.tw, i).is_some()
        });
    }

    /// "It is a myth that ...", "It is wrong to ...": a verdict that reverses what follows it.
    pub(super) fn wide_negations(&self) -> Vec<Range<usize>> {
        let s = self.s();
        self.d
            .negs
            .iter()
            .filter(|ng| ng.post && ng.toks.end < s.toks.len())
            .filter(|ng| matches!(s.word(ng.toks.end), "that" | "to"))
            .map(|ng| ng.toks.clone())
            .collect()
    }

    /// Is the item reversed by a negation (one inside the item is its own: "not inevitable")?
    /// A negation reaches forward to the next comma, "but" or "rather" in its clause ("not new
    /// departures but rather restatements"); a verdict ("is a myth") back over its clause.
    pub(super) fn negated(&self, toks: &Range<usize>) -> bool {
        let s = self.s();
        let stop = |i: usize| {
            matches!(s.word(i), "," | ";" | ":" | "—" | "–" | "(" | ")" | "rather")
                || self.ix.lists.at(List::Adversatives, s, self.tw, i).is_some()
        };
        let clause = self.d.clause_of(toks.start);
        let mut flips = self.wide.iter().filter(|w| w.end <= toks.start).count();
        for ng in &self.d.negs {
            let inside = toks.start <= ng.toks.start && ng.toks.end <= toks.end;
            let skip = inside || self.wide.contains(&ng.toks) || self.worded.contains(&ng.toks);
            if skip || self.d.clause_of(ng.toks.start) != clause {
                continue;
            }
            let before = ng.toks.end <= toks.start && !(ng.toks.end..toks.start).any(stop);
            let after =
                ng.post && ng.toks.start >= toks.end && !(toks.end..ng.toks.start).any(stop);
            if before || after {
                flips += 1;
            }
        }
        flips % 2 == 1
    }

    /// A negation right before a cue that the cue's own arguments write with it ("a country
    /// without foreign capital" for an argument about industrialising "without foreign
    /// capital"): the writer says what the argument says, not its opposite.
    pub(super) fn negation_worded_by_argument(
        &self,
        h: &super::super::scoring::Hit,
    ) -> Option<Range<usize>> {
        let s = self.s();
        let ng = self.d.negs.iter().find(|ng| ng.toks.end == h.toks.start && !ng.post)?;
        let words: Vec<&str> = (ng.toks.start..h.toks.end).map(|i| s.word(i)).collect();
        let phrase = words.join(" ");
        let worded = self.ix.cues[h.cue].args.iter().any(|&a| {
            let arg = &self.ctx.kb.arguments[a];
            arg.gist.to_lowercase().contains(&phrase) || arg.claim.to_lowercase().contains(&phrase)
        });
        worded.then(|| ng.toks.clone())
    }

    pub(super) fn any_ignored(&self, toks: &Range<usize>) -> bool {
        self.ignored[toks.clone()].iter().any(|&x| x)
    }

    /// Is a phrase not the writer's? Only its own words count: the gap of "made ... possible"
    /// may hold a name ("made the Great Terror possible").
    pub(super) fn phrase_ignored(&self, toks: &Range<usize>) -> bool {
        toks.end > toks.start && (self.ignored[toks.start] || self.ignored[toks.end - 1])
    }

    /// Who a word at `at..end` is said of: the nearest agent of its clause before it ("Lenin
    /// was ruthless", "Lenin's party was a party of debate"), "he" or "his" for the last side
    /// named, "under Lenin" or "by Lenin" after it; an object pronoun ("saw him as cruel")
    /// means someone else.
    pub(super) fn actor(&self, at: usize, end: usize) -> Option<Side> {
        let s = self.s();
        let clause =
            self.d.clauses.iter().find(|c| c.contains(&at)).cloned().unwrap_or(0..s.toks.len());
        for i in (clause.start..at).rev() {
            let after_under = i > 0 && matches!(s.word(i - 1), "under" | "by");
            match s.word(i) {
                "him" | "them" | "her" | "it" if !after_under => return None,
                "he" | "his" | "him" => {
                    return self.sides.iter().rfind(|m| m.proper && m.toks.end <= i).map(|m| m.side)
                }
                _ => {}
            }
            if let Some(m) = self.sides.iter().find(|m| m.proper && m.toks.contains(&i)) {
                if m.agent {
                    return Some(m.side);
                }
            }
        }
        // "under Lenin", "by Lenin" after the word, in its clause.
        for m in self
            .sides
            .iter()
            .filter(|m| m.proper && m.toks.start >= end && m.toks.start < clause.end)
        {
            if m.toks.start > 0 && matches!(s.word(m.toks.start - 1), "under" | "by") {
                return Some(m.side);
            }
        }
        // The subject of an earlier clause.
        self.sides
            .iter()
            .rfind(|m| m.proper && m.agent && m.toks.end <= clause.start)
            .map(|m| m.side)
    }
}

/// Verbs that show a clause has begun its predicate (besides regular "-ed" forms): the forms of
/// "be" and "have", and common irregular past tenses that are seldom nouns.
const IRREGULAR_VERBS: &[&str] = &[
    "is", "was", "were", "are", "had", "has", "have", "did", "does", "used", "led", "made", "said",
    "took", "gave", "saw", "knew", "held", "kept", "built", "began", "became", "won", "lost",
    "ran", "fought", "brought", "sought", "chose", "rose", "fell", "grew", "wrote", "meant",
];
