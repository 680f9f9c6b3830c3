//! Which facts of a clause a date speaks of: each fact belongs to the nearest date of its
//! clause, and only if that date is close to it or frames the clause ("In 1934, ..."); a date
//! before a coordinating word belongs to the verb before it.

use std::ops::Range;

use super::facts::Fact;
use crate::checks::grammar::cues::SentenceCues;
use crate::checks::grammar::names::SentenceName;
use crate::checks::grammar::words::{is_be, is_framing, is_have, is_modal};
use crate::checks::grammar::SentenceCtx;
use crate::dates::{DateExpr, Relation};

/// Tokens between a date and an anchor (0 when they overlap); a comma between counts extra, and
/// a date after the anchor wins a tie.
fn distance(ctx: &SentenceCtx, d: &Range<usize>, a: &Range<usize>) -> usize {
    let (gap, comma) = if d.end <= a.start {
        (a.start - d.end, (d.end..a.start).any(|i| ctx.sentence.word(i) == ","))
    } else if d.start >= a.end {
        let from = past_relative_aside(ctx, a.end, d.start);
        (d.start - from, (from..d.start).any(|i| ctx.sentence.word(i) == ","))
    } else {
        (0, false)
    };
    let before = d.end <= a.start;
    gap * 4 + if comma { 8 } else { 0 } + usize::from(before)
}

/// Where the words after an anchor resume once a relative clause between commas is skipped:
/// "Stakhanov's shift, in which he cut 102 tonnes, took place on 31 August 1935", "the third
/// stroke, which robbed him of speech, on 10 March 1923". `from` when no such aside opens there.
fn past_relative_aside(ctx: &SentenceCtx, from: usize, to: usize) -> usize {
    let s = &ctx.sentence;
    let word = |i: usize| if i < to { s.word(i) } else { "" };
    let relative = |w: &str| matches!(w, "which" | "who" | "whom" | "whose");
    let opens = word(from) == ","
        && (relative(word(from + 1))
            || (crate::checks::grammar::words::is_preposition(word(from + 1))
                && relative(word(from + 2))));
    if !opens {
        return from;
    }
    (from + 1..to).rfind(|&i| s.word(i) == ",").map_or(from, |comma| comma + 1)
}

/// A date at the head of its clause ("In 1934, ...", "By early 1939 ...") frames all of it.
fn framing(ctx: &SentenceCtx, clause: &Range<usize>, d: &DateExpr) -> bool {
    (clause.start..d.toks.start).all(|i| {
        // "..., and in 1920 he suffered two strokes": the link to the clause before; "It was
        // only in 1925 that ...": a cleft's head.
        (i == clause.start && matches!(ctx.sentence.word(i), "and" | "but" | "yet" | "then"))
            || (ctx.sentence.word(clause.start) == "it"
                && i < clause.start + 2
                && matches!(ctx.sentence.word(clause.start + 1), "was" | "is"))
            || (ctx.sentence.word(clause.start) == "it"
                && matches!(ctx.sentence.word(i), "only" | "not" | "until" | "just"))
            || is_framing(ctx.sentence.word(i))
            || ctx.sentence.word(i) == ","
            || ctx.dates.iter().any(|x| x.toks.contains(&i))
    })
}

/// A date that ends a fronted clause of time ("As he left the factory on 30 August 1918, Lenin
/// was shot"; "When Kirov was murdered in December 1934, ..."): what it dates happened at the
/// time of the main clause.
fn fronted_when(ctx: &SentenceCtx, clause: &Range<usize>, d: &DateExpr) -> bool {
    let s = &ctx.sentence;
    // "Upon returning to Petrograd in May 1922, Lenin suffered ...": "upon" or "on" and a
    // gerund say the same time.
    let gerund = clause.start + 1 < clause.end && s.word(clause.start + 1).ends_with("ing");
    (matches!(s.word(clause.start), "as" | "when" | "while")
        || (matches!(s.word(clause.start), "upon" | "on") && gerund))
        && d.toks.end < clause.end
        && s.word(d.toks.end) == ","
        && !(clause.start..d.toks.start).any(|i| s.word(i) == ",")
}

/// The facts the date `dates[di]` of a clause speaks of, with how it dates them ("by then
/// Kirov had been murdered" only says "no later than").
pub(super) fn facts_of_date<'f, 'k>(
    ctx: &SentenceCtx,
    cues: &SentenceCues,
    clause: &Range<usize>,
    names: &[SentenceName],
    dates: &[&DateExpr],
    di: usize,
    facts: &'f [Fact<'k>],
) -> Vec<(&'f Fact<'k>, Relation)> {
    let relation_of = dates[di];
    // A date in a list ("in August 1936, January 1937 and March 1938") stands where the list
    // stands: each of its dates is said of what the list's date nearest the fact is said of.
    let head = list_head(ctx, dates, di);
    let in_list = |dj: usize| list_head(ctx, dates, dj) == head;
    facts
        .iter()
        .filter_map(|f| {
            let a = f.cue_toks.clone().unwrap_or_else(|| f.anchor.clone());
            let di = (0..dates.len())
                .filter(|&dj| in_list(dj))
                .min_by_key(|&dj| (distance(ctx, &dates[dj].toks, &a), dj))
                .unwrap_or(di);
            let d = dates[di];
            if d.toks.end <= a.start && set_apart(ctx, d.toks.end..a.start, a.start) {
                return None;
            }
            let role_held = f.kind == super::facts::FactKind::RoleHeld;
            let placed = Placement { ctx, clause, anchor: &a, role_held, entry: f.entry };
            if placed.cut_off(d) {
                return None;
            }
            let dist = distance(ctx, &d.toks, &a);
            let nearest = dates.iter().enumerate().all(|(dj, o)| {
                dj == di
                    || in_list(dj)
                    || placed.cut_off(o)
                    || distance(ctx, &o.toks, &a) > dist
                    || (distance(ctx, &o.toks, &a) == dist && dj > di)
            });
            if !nearest || !placed.close_or_framing(cues, names, d) {
                return None;
            }
            // "The Seventeenth Congress, the so-called 'Congress of Victors', opened in 1932":
            // a quoted name the sentence also gives plainly is the writer's own claim.
            let named_plainly = || {
                names.iter().any(|n| {
                    n.entry == f.entry && !n.pronoun && ctx.quotation_of(n.toks.start).is_none()
                })
            };
            let date_quote = ctx.quotation_of(ctx.year_token(d));
            let anchor_quote = match ctx.quotes_only(&f.anchor) {
                true => None,
                false => ctx.quotation_of(f.anchor.start),
            };
            if anchor_quote != date_quote && !(date_quote.is_none() && named_plainly()) {
                return None;
            }
            // "In 1935 Kirov had been murdered": the murder came no later than 1935.
            let after = d.toks.start >= a.end;
            let relation = if f.pluperfect && !after && relation_of.relation == Relation::In {
                Relation::ByEnd
            } else {
                relation_of.relation
            };
            Some((f, relation))
        })
        .collect()
}

/// Do the words between a date and a fact's anchor after it put the date before or after the
/// fact ("In 1869, the year before Lenin's birth", "In 1936, two years after Kirov's murder",
/// "By 1926, after Lenin's death")? Then the date is not the fact's own. "before" or "after"
/// must follow a length of time or lead straight to the anchor: in "In 1930, after years of
/// civil war, Lenin introduced the NEP" the date is still the NEP's.
fn set_apart(ctx: &SentenceCtx, between: Range<usize>, anchor: usize) -> bool {
    let s = &ctx.sentence;
    between.clone().any(|i| {
        if !matches!(s.word(i), "before" | "after") {
            return false;
        }
        let span = i > between.start
            && matches!(
                s.word(i - 1),
                "year"
                    | "years"
                    | "month"
                    | "months"
                    | "week"
                    | "weeks"
                    | "day"
                    | "days"
                    | "decade"
                    | "decades"
                    | "shortly"
                    | "soon"
                    | "just"
                    | "long"
                    | "immediately"
            );
        span || anchor <= i + 3
    })
}

/// The first date of the list `dates[di]` ends: dates joined by commas and "and" alone, each
/// perhaps after its own "in" or "on".
fn list_head(ctx: &SentenceCtx, dates: &[&DateExpr], di: usize) -> usize {
    let mut head = di;
    while head > 0 {
        let (prev, this) = (dates[head - 1], dates[head]);
        let between = prev.toks.end..this.toks.start;
        let joined = !between.is_empty()
            && between.clone().all(|i| matches!(ctx.sentence.word(i), "," | "and" | "in" | "on"))
            && between.clone().any(|i| matches!(ctx.sentence.word(i), "," | "and"));
        if !joined {
            break;
        }
        head -= 1;
    }
    head
}

/// Where a fact's anchor (its cue, else its name) stands in its clause.
struct Placement<'c, 'a> {
    ctx: &'c SentenceCtx<'a>,
    clause: &'c Range<usize>,
    anchor: &'c Range<usize>,
    /// The fact is a post held, read from a title beside a name without a cue.
    role_held: bool,
    /// The entry the fact is about.
    entry: crate::base::EntryId,
}

impl Placement<'_, '_> {
    /// "took power in October 1917 and set up the Cheka that December": a date before a
    /// coordinating word belongs to the verb before it, not to the cue after it (unless it
    /// heads the clause).
    fn cut_off(&self, o: &DateExpr) -> bool {
        let a = self.anchor;
        o.toks.end <= a.start
            && !framing(self.ctx, self.clause, o)
            && (o.toks.end..a.start).any(|i| {
                matches!(
                    self.ctx.sentence.word(i),
                    "and" | "but" | "then" | "before" | "after" | "while" | "whereas"
                )
            })
    }

    /// Is the date close to the anchor, or does it frame the clause? "In 1956 Khrushchev blamed
    /// Stalin for Kirov's death": a date that reaches the fact only by framing the clause
    /// belongs to the clause's own verb when another acts first.
    fn close_or_framing(&self, cues: &SentenceCues, names: &[SentenceName], d: &DateExpr) -> bool {
        let (ctx, a) = (self.ctx, self.anchor);
        let after = d.toks.start >= a.end;
        // A relative clause between the anchor and the date is skipped: what follows it goes on
        // from the anchor.
        let resumed = if after { past_relative_aside(ctx, a.end, d.toks.start) } else { a.end };
        let a = &(a.start..resumed);
        let close = if after {
            self.close_after(cues, names, d, a)
        } else {
            (a.start.saturating_sub(d.toks.end) <= 2 && !ends_an_aside(ctx, self.clause, d, a))
                || restated_as_the_time_of(ctx, d, a)
        };
        // A post written beside a name ("Chubar, a member of the Politburo, was shot in 1939")
        // is not what a date after the clause's own verb dates.
        if after
            && self.role_held
            && (a.end..d.toks.start).any(|i| cues.is_verb(ctx.sentence.word(i)))
        {
            return false;
        }
        let frames = !after && (framing(ctx, self.clause, d) || fronted_when(ctx, self.clause, d));
        if !(close || frames) {
            return false;
        }
        close || !self.acts_first(cues, names, d, a)
    }

    /// Is a date after the anchor `a` close to it: near, at the end of a chain of place and
    /// time phrases, or after a participle or a clause that describes what the anchor names?
    fn close_after(
        &self,
        cues: &SentenceCues,
        names: &[SentenceName],
        d: &DateExpr,
        a: &Range<usize>,
    ) -> bool {
        let ctx = self.ctx;
        let gap = d.toks.start - a.end;
        // A date may come at the end of a chain of place and time phrases ("born in Simbirsk,
        // on the Volga, in April 1880") that no verb interrupts. "took place" and "occurred"
        // only say that what the anchor names happened then.
        let happened = |i: usize| {
            let w = ctx.sentence.word(i);
            let next = ctx.sentence.toks.get(i + 1).map(|_| ctx.sentence.word(i + 1));
            matches!(w, "occurred" | "happened")
                || (w == "took" && next == Some("place"))
                || (w == "place" && i > 0 && ctx.sentence.word(i - 1) == "took")
        };
        let chained = gap <= 14
            && (a.end..d.toks.start).all(|i| {
                let w = ctx.sentence.word(i);
                (!cues.is_verb(w) || names.iter().any(|n| n.toks.contains(&i)) || happened(i))
                    && !matches!(w, "and" | "but" | "while" | "which" | "who" | "after" | "before")
            });
        // "Dzerzhinsky, the founder of the Cheka, went abroad in 1925": a verb after the comma
        // that closes an aside is the sentence's own, and the date is its.
        let is_verb_at = |i: usize| {
            cues.is_verb(ctx.sentence.word(i)) && !names.iter().any(|n| n.toks.contains(&i))
        };
        // An aside that renames the subject ("the Seventeenth Congress, the 'Congress of
        // Victors', opened") leaves the verb the fact's own.
        let opened = (self.clause.start..a.start).rfind(|&i| ctx.sentence.word(i) == ",");
        let aside =
            opened.is_some_and(|c| !names.iter().any(|n| n.entry == self.entry && n.toks.end <= c));
        let new_predicate = aside
            && (a.end..d.toks.start)
                .any(|i| ctx.sentence.word(i) == "," && (i + 1..d.toks.start).any(is_verb_at));
        // "Stalin's fiftieth birthday, celebrated with great adulation in December 1929": a
        // participle after the event's name dates it.
        let participle = || {
            names.iter().any(|n| {
                n.entry == self.entry
                    && !n.pronoun
                    && super::tied::written_extent(ctx, n).end == a.end
                    && super::tied::participle_attached(ctx, n, d)
            })
        };
        (gap <= 6
            || chained
            || described(ctx, cues, a.end..d.toks.start)
            || participle()
            || contact_clause(ctx, cues, names, a.end..d.toks.start))
            && !new_predicate
    }

    /// Does another verb act between a date before the anchor `a` and it ("In 1956 Khrushchev
    /// blamed Stalin for Kirov's death")? Then a date that only frames the clause is that verb's.
    fn acts_first(
        &self,
        cues: &SentenceCues,
        names: &[SentenceName],
        d: &DateExpr,
        a: &Range<usize>,
    ) -> bool {
        let ctx = self.ctx;
        // "1927 saw the start of the Great Terror": the date is the verb's subject.
        let witnessed = |i: usize, w: &str| {
            i == d.toks.end && matches!(w, "saw" | "witnessed" | "sees" | "witnesses")
        };
        // "riots forced Nicholas II to abdicate": the causing and the act are one occasion.
        let causes_anchor = |i: usize, w: &str| {
            ctx.kb.vocab.causes.iter().any(|c| c == w)
                && a.start >= i + 3
                && ctx.sentence.word(a.start - 1) == "to"
                && (i + 1..a.start - 1).all(|j| names.iter().any(|n| n.toks.contains(&j)))
        };
        (d.toks.end..a.start).any(|i| {
            let w = ctx.sentence.word(i);
            // ("first" starts the verb phrase "first met", but alone it is an ordinal.)
            let ordinal = matches!(w, "first" | "second" | "third" | "last" | "final");
            let light = is_modal(w) || is_have(w) || is_be(w) || witnessed(i, w) || ordinal;
            cues.is_verb(w)
                && !light
                && !causes_anchor(i, w)
                && !ctx.kb.vocab.undergoes.iter().any(|u| u == w)
                && !names.iter().any(|n| n.toks.contains(&i))
        })
    }
}

/// Do the tokens between a name and a date describe the name with a participle that the date
/// dates: "The Treaty of Brest-Litovsk was a separate peace treaty signed on 3 March 1918"? A
/// form of "be", a short verbless noun phrase, one past participle, and a preposition.
fn described(ctx: &SentenceCtx, cues: &SentenceCues, between: Range<usize>) -> bool {
    let s = &ctx.sentence;
    let words: Vec<&str> = between.map(|i| s.word(i)).collect();
    let [be, phrase @ .., participle, prep] = &words[..] else { return false };
    is_be(be)
        && (1..=5).contains(&phrase.len())
        && matches!(phrase[0], "a" | "an" | "the")
        && phrase.iter().all(|w| !cues.is_verb(w) && !matches!(*w, "," | "that" | "which" | "who"))
        && crate::checks::grammar::words::is_past_form(participle)
        && matches!(*prep, "on" | "in" | "at" | "during")
}

/// Is the anchor the object of a relative clause without "that" whose verb the date dates: "the
/// lectures he gave at the Sverdlov University in April 1924", "the speech Khrushchev made in
/// February 1956"? A subject (a personal pronoun or a person's name), a verb in the past, then
/// only places, names and their prepositions.
fn contact_clause(
    ctx: &SentenceCtx,
    cues: &SentenceCues,
    names: &[SentenceName],
    between: Range<usize>,
) -> bool {
    let s = &ctx.sentence;
    if between.len() < 3 || between.len() > 10 {
        return false;
    }
    let subject = names.iter().find(|n| {
        n.toks.start == between.start
            && !n.possessive
            && ctx.kb.entries[n.entry].kind == crate::base::Kind::Person
    });
    let verb = match subject {
        Some(n) => n.toks.end,
        None if matches!(s.word(between.start), "he" | "she" | "they" | "we") => between.start + 1,
        None => return false,
    };
    verb < between.end
        && (crate::checks::grammar::words::is_past_form(s.word(verb)) || cues.is_verb(s.word(verb)))
        && (verb + 1..between.end).all(|i| {
            names.iter().any(|n| n.toks.contains(&i))
                || matches!(s.word(i), "in" | "on" | "at" | "of" | "to" | "the" | "a" | "during")
        })
}

/// Is the date restated as the time of what the anchor names, in an apposition: "born in 1936,
/// the year that Bukharin was executed", "on 1 December 1934, the day when Kirov was shot"?
/// Then the apposition says the two happened at once.
fn restated_as_the_time_of(ctx: &SentenceCtx, d: &DateExpr, a: &Range<usize>) -> bool {
    let s = &ctx.sentence;
    let words: Vec<&str> = (d.toks.end..a.start).map(|i| s.word(i)).collect();
    let [",", "the", rest @ ..] = &words[..] else { return false };
    let rest = match rest {
        ["same", unit, rest @ ..] | [unit, rest @ ..]
            if matches!(*unit, "year" | "month" | "day" | "week") =>
        {
            rest
        }
        _ => return false,
    };
    let rest = match rest {
        ["that" | "when", rest @ ..] | ["in" | "on", "which", rest @ ..] => rest,
        _ => return false,
    };
    rest.len() <= 5 && !rest.iter().any(|w| matches!(*w, "," | ";" | "and" | "but"))
}

/// Does the date end a phrase of its own that a comma closes before the anchor: "The Kronstadt
/// rising, caused by hunger in 1920, was crushed" (the date is the participle's)? A phrase of
/// nothing but the date ("Lenin, in 1921, introduced the NEP") dates the verb after it.
fn ends_an_aside(ctx: &SentenceCtx, clause: &Range<usize>, d: &DateExpr, a: &Range<usize>) -> bool {
    let s = &ctx.sentence;
    if !(d.toks.end..a.start).any(|i| s.word(i) == ",") {
        return false;
    }
    let from =
        (clause.start..d.toks.start).rfind(|&i| s.word(i) == ",").map_or(clause.start, |c| c + 1);
    // Words only: a footnote mark ("[18] On 25 May 1922, Lenin ...") is no phrase.
    (from..d.toks.start).any(|i| {
        let w = s.word(i);
        w.chars().any(char::is_alphabetic)
            && !(is_framing(w)
                || crate::checks::grammar::words::is_preposition(w)
                || ctx.dates.iter().any(|x| x.toks.contains(&i)))
    })
}
