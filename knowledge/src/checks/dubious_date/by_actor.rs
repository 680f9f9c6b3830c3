//! Events named by one of their actors and a cue ("Nikolaev shot Kirov"), read for a clause by
//! `facts::ClauseReader`: weaker than a name, so a clause that also names a place or proper name
//! the event does not involve is about some other occasion.

use std::ops::Range;

use super::facts::{hull, when_of, ClauseReader, Fact, FactKind};
use super::happened::{complete, instances};
use super::DateTables;
use crate::base::{Entry, EntryId, Kind, KnowledgeBase};
use crate::checks::grammar::bind::{bind_loosely, Bind};
use crate::checks::grammar::names::{is_name_token, SentenceName};
use crate::checks::grammar::words::is_determiner;
use crate::dates::month_number;
use crate::text::sentences::{possessive_base, TokKind};

impl ClauseReader<'_, '_> {
    /// Drops the events named by an actor and a cue that the sentence may not mean
    /// (`event_among_others`), unless the clause names the event outright or a quantity pins it
    /// ("Stakhanov's shift, in which he cut 102 tonnes": the base records 102 tonnes for one of
    /// his records alone).
    pub(super) fn drop_events_among_others(&mut self, said: &[(&str, Range<usize>)]) {
        let (ctx, names) = (self.ctx, self.names);
        let named = |f: &Fact| {
            names.iter().any(|n| {
                n.entry == f.entry
                    && !n.pronoun
                    && f.anchor.start <= n.toks.start
                    && n.toks.end <= f.anchor.end
            })
        };
        let mut cued: Vec<EntryId> = (self.out.iter())
            .filter(|f| f.kind == FactKind::Event && f.cued)
            .map(|f| f.entry)
            .collect();
        cued.sort_unstable();
        cued.dedup();
        let pinned = if cued.is_empty() { None } else { super::pinned_by_quantity(ctx, &cued) };
        let tables = self.tables;
        self.out.retain(|f| {
            named(f) || Some(f.entry) == pinned || !event_among_others(ctx.kb, tables, said, f)
        });
    }

    /// Events named by an actor and a cue ("Nikolaev shot Kirov"), among those one of the
    /// clause's names acts in, in the base's order. Such a match is weaker than a name: a clause
    /// that also speaks of a place or proper name the event does not involve ("Stalin returned
    /// to Tsaritsyn") is about some other occasion.
    pub(super) fn events_by_actor(&mut self, in_clause: &[&SentenceName]) {
        let (ctx, kb, clause) = (self.ctx, self.ctx.kb, self.clause);
        let mut events: Vec<EntryId> =
            in_clause.iter().flat_map(|n| self.tables.acts_in[n.entry].iter().copied()).collect();
        events.sort_unstable();
        events.dedup();
        // Worked out for the first event with a cue in the clause (it asks the dictionary).
        let mut unknown_proper: Option<Vec<usize>> = None;
        let inside = |r: &Range<usize>| clause.start <= r.start && r.end <= clause.end;
        for ei in events {
            let e = &kb.entries[ei];
            if !self.cues.of_event(ei).iter().any(inside) {
                continue;
            }
            let event_cues: Vec<Range<usize>> =
                self.cues.of_event(ei).iter().filter(|c| inside(c)).cloned().collect();
            if unknown_proper
                .get_or_insert_with(|| self.unknown_proper_names())
                .iter()
                .any(|&i| !event_cues.iter().any(|c| c.contains(&i)))
            {
                continue;
            }
            let actors: Vec<&&SentenceName> =
                in_clause.iter().filter(|n| e.actors.contains(&n.entry)).collect();
            if self.elsewhere(e, ei, in_clause) {
                continue;
            }
            // A common verb names the event only with its place or another of its actors.
            let generic = |c: &Range<usize>| {
                kb.vocab.generic_event_cues.iter().any(|g| g == ctx.sentence.word(c.start))
            };
            let qualified = || {
                let involved: Vec<EntryId> = in_clause
                    .iter()
                    .map(|n| n.entry)
                    .filter(|x| Some(*x) == e.place || e.related.contains(x) || *x == ei)
                    .chain(in_clause.iter().map(|n| n.entry).filter(|x| e.actors.contains(x)))
                    .collect();
                let mut distinct = involved.clone();
                distinct.sort_unstable();
                distinct.dedup();
                distinct.len() >= 2
            };
            if event_cues.iter().all(generic) && !qualified() {
                continue;
            }
            let Some(w) = when_of(e) else { continue };
            let span = e.span().unwrap_or(w.span());
            for c in event_cues {
                for a in &actors {
                    if a.toks.start <= c.start && c.end <= a.toks.end {
                        continue;
                    }
                    // "Yagoda was replaced by Yezhov": the actor after "by" did the replacing;
                    // the event is about him only if its other actor is the one it was done to.
                    let by_agent = a.toks.start > c.start
                        && a.toks.start > 0
                        && ctx.sentence.word(a.toks.start - 1) == "by";
                    if by_agent && !actors.iter().any(|o| o.toks.end <= c.start) {
                        continue;
                    }
                    if self.actor_does_event(e, ei, &c, a) {
                        let anchor = hull(&c, &a.toks);
                        let f = self.fact(ei, FactKind::Event, w, span, anchor, Some(&c));
                        self.out.push(f);
                    }
                }
            }
        }
    }

    /// Capitalised words of the clause that are neither names the base knows nor English words.
    fn unknown_proper_names(&self) -> Vec<usize> {
        let (ctx, text) = (self.ctx, self.ctx.text());
        self.clause
            .clone()
            .filter(|&i| {
                let t = &ctx.sentence.toks[i];
                i > 0
                    && t.kind == TokKind::Word
                    && text[t.range.clone()].starts_with(|c: char| c.is_uppercase())
                    && !is_name_token(self.names, i)
                    && month_number(ctx.sentence.word(i)).is_none()
                    && !matches!(ctx.sentence.word(i - 1), "." | "\"" | "“" | ":" | "‘")
                    && !crate::base::is_ordinary_word(ctx.sentence.word(i))
                    && ctx.sentence.word(i) != "i"
            })
            .collect()
    }

    /// Does the clause name a body or place the event does not involve, as where or whence?
    /// "expelled from the Politburo" is not the expulsion from the party; "returned to Moscow"
    /// not the return to Petrograd.
    fn elsewhere(&self, e: &Entry, ei: EntryId, in_clause: &[&SentenceName]) -> bool {
        let (ctx, kb) = (self.ctx, self.ctx.kb);
        let event_names = &self.tables.lower_names[ei];
        in_clause.iter().any(|n| {
            let o = &kb.entries[n.entry];
            let place_like = o.kind == Kind::Body || o.is_place();
            let mut k = n.toks.start;
            while k > 0 && ctx.sentence.word(k - 1) == "the" {
                k -= 1;
            }
            place_like
                && !n.pronoun
                && !e.actors.contains(&n.entry)
                && !e.related.contains(&n.entry)
                // "at the Central Irmino mine": a place inside the event's own.
                && !e.place.is_some_and(|p| super::happened::lies_in(kb, n.entry, p))
                && k > 0
                && matches!(ctx.sentence.word(k - 1), "to" | "in" | "at" | "into" | "from")
                && {
                    let written = possessive_base(&ctx.sentence.lower[ctx.rel(&n.range)]);
                    !event_names.iter().any(|a| a.contains(written))
                }
        })
    }

    /// Does the cue say the actor took part in the event as the base has it?
    fn actor_does_event(&self, e: &Entry, ei: EntryId, c: &Range<usize>, a: &SentenceName) -> bool {
        let (ctx, names, clause) = (self.ctx, self.names, self.clause);
        match bind_loosely(ctx, self.cues, names, c, a) {
            Some(Bind::Patient) => true,
            // The actor does it to someone: only if that someone is another of the event's
            // actors ("Nikolaev murdered Kirov", "Khrushchev denounced Stalin"), not "Stalin
            // exiled the kulaks" nor "Yezhov replaced Yagoda" (not his fall)...
            Some(Bind::Agent) => {
                // ...or the thing done is the event itself, as its names call it: "the
                // Bolsheviks seized power" (the Bolshevik seizure of power).
                let event_names = &self.tables.lower_names[ei];
                let mut k = c.end;
                while k < clause.end && is_determiner(ctx.sentence.word(k)) {
                    k += 1;
                }
                let names_event = k < clause.end
                    && ctx.sentence.toks[k].kind == TokKind::Word
                    && ctx.sentence.word(k).len() > 3
                    && !is_name_token(names, k)
                    && event_names.iter().any(|a| a.split(' ').any(|w| w == ctx.sentence.word(k)));
                names_event
                    || a.toks.start > c.start
                    || names
                        .iter()
                        .filter(|o| {
                            !o.pronoun && o.toks.start >= c.end && o.toks.start <= c.end + 3
                        })
                        .min_by_key(|o| o.toks.start)
                        .is_some_and(|o| {
                            (c.end..o.toks.start).all(|i| is_determiner(ctx.sentence.word(i)))
                                && e.actors.contains(&o.entry)
                        })
            }
            None => false,
        }
    }
}

/// An event named by an actor and a cue that says something else happened ("Ryutin was
/// arrested" is not his platform), or that is one of several recorded happenings of its type for
/// the person it befell, whose list is not complete: the sentence may mean another.
fn event_among_others(
    kb: &KnowledgeBase,
    tables: &DateTables,
    said: &[(&str, Range<usize>)],
    f: &Fact,
) -> bool {
    let e = &kb.entries[f.entry];
    if f.kind != FactKind::Event || !f.cued {
        return false;
    }
    let t = e.event_type.as_deref();
    let cue = f.cue_toks.clone().unwrap_or_default();
    let says: Vec<&str> = said
        .iter()
        .filter(|(_, r)| r.start <= cue.start && cue.end <= r.end)
        .map(|x| x.0)
        .collect();
    // A cue that says what happened to a person is read by `happened`, which knows whether the
    // base records every instance; an event's own cue of another kind says something else.
    if !says.is_empty() {
        return true;
    }
    let Some(t) = t else { return false };
    e.subjects.iter().any(|&p| {
        let person = &kb.entries[p];
        person.kind == Kind::Person
            && !complete(kb, person, t)
            && instances(kb, tables, p, &[t]).iter().any(|i| i.event != Some(f.entry))
    })
}
