//! `anachronism`: someone acting after their death or before their birth, or a body acting
//! before it existed or after it was dissolved, in a dated sentence ("In 1935 Lenin praised the
//! Stakhanovite movement": Lenin died in January 1924).
//!
//! Only an *agent* counts: a name that is the subject of a verb ("Lenin praised", "Kirov
//! supported"). Possessives ("Lenin's legacy in 1930"), objects ("Khrushchev denounced
//! Stalin"), names after prepositions ("in Lenin's name", "the purge of Kirov's circle") and
//! names followed by a word of memory ("Lenin's body", "Lenin's Politburo") are references, not
//! acts, and draw nothing. Deaths and births themselves are the dubious-date check's business.

use crate::analysis::{Code, Finding};
use crate::base::date::DaySpan;
use crate::base::model::Kind;
use crate::text::dates::Relation;
use crate::text::sentences::TokKind;

use super::SentenceCtx;

/// Is the token a finite verb form showing the name acts: a regular past tense, or one of the
/// vocabulary's verbs ("wrote", "led")? A short adverb may stand between ("personally approved").
fn acts(ctx: &SentenceCtx, after: usize, clause_end: usize) -> bool {
    let verbs = &ctx.kb.vocab.verbs;
    let mut i = after;
    let mut skipped = 0;
    while i < clause_end && skipped <= 1 {
        let t = &ctx.s.toks[i];
        if t.kind != TokKind::Word {
            return false;
        }
        let w = ctx.s.word(i);
        // Auxiliaries: "was", "had" — only an act if an active participle follows
        // ("had ordered"), not a passive or a state ("was too ill", "had been destroyed").
        if matches!(w, "was" | "were" | "is" | "had" | "has" | "would" | "could" | "did") {
            let next = if i + 1 < clause_end { ctx.s.word(i + 1) } else { "" };
            return w.starts_with('h') && next.ends_with("ed") && next != "been" || matches!(w, "would" | "could" | "did") && !next.is_empty() && next != "not" && next != "never" && next != "have";
        }
        if (w.len() > 4 && w.ends_with("ed")) || verbs.iter().any(|v| v == w) {
            return true;
        }
        if w.ends_with("ly") && w.len() > 3 {
            i += 1;
            skipped += 1;
            continue;
        }
        return false;
    }
    false
}

pub fn check(ctx: &SentenceCtx, out: &mut Vec<Finding>) {
    if ctx.dates.is_empty() || ctx.mentions.is_empty() {
        return;
    }
    let v = &ctx.kb.vocab;
    let clauses = ctx.clauses();
    let mut flagged: Vec<usize> = Vec::new();
    for m in &ctx.mentions {
        let e = &ctx.kb.entries[m.entry];
        if !matches!(e.kind, Kind::Person | Kind::Body) || m.possessive {
            continue;
        }
        let Some(life) = e.span() else { continue };
        let toks = ctx.mention_toks(m);
        let Some(clause) = clauses.iter().find(|c| c.contains(&toks.start)).cloned() else { continue };
        // Not after a preposition or a verb that makes it the object.
        if toks.start > clause.start {
            let before = ctx.s.word(toks.start - 1);
            let before2 = if toks.start >= 2 { ctx.s.word(toks.start - 2) } else { "" };
            let skip_the = before == "the" && toks.start >= 2;
            let b = if skip_the { before2 } else { before };
            if v.non_agent_before.iter().any(|x| x == b) {
                continue;
            }
        }
        // A word of memory right after the name ("Lenin Mausoleum", "Lenin cult") is a reference.
        if toks.end < clause.end && v.posthumous.iter().any(|x| x == ctx.s.word(toks.end)) {
            continue;
        }
        if !acts(ctx, toks.end, clause.end) {
            continue;
        }
        // The clause's dates, or the sentence's opening date ("In 1935 Lenin ...", "In 1937, Kirov ...").
        let in_clause: Vec<usize> = ctx.dates.iter().enumerate().filter(|(_, d)| clause.contains(&d.toks.start)).map(|(i, _)| i).collect();
        let dates = if in_clause.is_empty() {
            ctx.dates.iter().enumerate().filter(|(_, d)| d.toks.start <= 2).map(|(i, _)| i).collect()
        } else {
            in_clause
        };
        // Births and deaths in the clause are dated by the dubious-date check instead.
        let lifecycle = ctx.s.find_phrases(&v.died).chain(ctx.s.find_phrases(&v.born)).chain(ctx.s.find_phrases(&v.founded)).chain(ctx.s.find_phrases(&v.dissolved)).any(|(i, _, _)| clause.contains(&i));
        if lifecycle {
            continue;
        }
        for di in dates {
            let d = &ctx.dates[di];
            if flagged.contains(&di) || d.approx || d.relation == Relation::ByEnd {
                continue;
            }
            // Bodies change names and remits; allow a year's slack either side.
            let slack = if e.kind == Kind::Body { 366 } else { 0 };
            let alive = DaySpan { lo: life.lo - slack, hi: life.hi + slack };
            let after_end = d.span.lo > alive.hi;
            let before_start = d.span.hi < alive.lo && d.relation != Relation::After;
            if !after_end && !before_start {
                continue;
            }
            let written = &ctx.text()[d.range.clone()];
            let on = |w: Option<crate::base::date::When>| w.map_or(String::new(), |x| if x.from.day.is_some() { format!("on {x}") } else { format!("in {x}") });
            let msg = match (e.kind, after_end) {
                (Kind::Person, true) => format!("{} died {} ({}), so cannot act in {written}. If you mean his legacy, his followers or his name being invoked, say so.", e.name, on(e.end), essays(ctx, m.entry)),
                (Kind::Person, false) => format!("{} was born {} ({}), so cannot act in {written}.", e.name, on(e.start), essays(ctx, m.entry)),
                (_, true) => format!("The {} ceased to exist {} ({}), so cannot act in {written}{}.", e.name, on(e.end), essays(ctx, m.entry), e.successor.map_or(String::new(), |s| format!("; its successor was the {}", ctx.kb.entries[s].name))),
                (_, false) => format!("The {} was only founded {} ({}), so cannot act in {written}{}.", e.name, on(e.start), essays(ctx, m.entry), e.predecessor.map_or(String::new(), |p| format!("; before that it was the {}", ctx.kb.entries[p].name))),
            };
            flagged.push(di);
            out.push(Finding::new(Code::Anachronism, ctx.abs(&d.range), msg));
        }
    }
}

fn essays(ctx: &SentenceCtx, id: usize) -> String {
    let e = &ctx.kb.entries[id];
    let list = e.essays();
    if list.is_empty() {
        e.record.clone().unwrap_or_else(|| "the historical record".into())
    } else {
        format!("fact base; essays {}", list.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use crate::{analyze, Cache, Code, Config, Format, KnowledgeBase};

    fn kb() -> &'static KnowledgeBase {
        static KB: std::sync::OnceLock<KnowledgeBase> = std::sync::OnceLock::new();
        KB.get_or_init(|| KnowledgeBase::embedded().0)
    }

    /// `[...]` marks the spans expected to be flagged as anachronisms.
    fn check(fixture: &str) -> String {
        let text = fixture.replace(['[', ']'], "");
        let mut expected = Vec::new();
        let mut shift = 0;
        for (i, c) in fixture.char_indices() {
            match c {
                '[' => { expected.push(i - shift); shift += 1; }
                ']' => shift += 1,
                _ => {}
            }
        }
        let a = analyze(kb(), &text, Format::Plain, &Config::default(), &mut Cache::default());
        let found: Vec<_> = a.findings.iter().filter(|f| f.code == Code::Anachronism).collect();
        let starts: Vec<usize> = found.iter().map(|f| f.range.start).collect();
        assert_eq!(starts, expected, "{fixture}\n{found:#?}");
        found.iter().map(|f| format!("«{}» {}", &text[f.range.clone()], f.message)).collect::<Vec<_>>().join("\n")
    }

    #[test]
    fn the_dead_do_not_act() {
        expect_test::expect!["«1935» Vladimir Lenin died on 21 January 1924 (fact base; essays 000, 001, 002, 003, 004), so cannot act in 1935. If you mean his legacy, his followers or his name being invoked, say so."]
            .assert_eq(&check("In [1935] Lenin praised the Stakhanovite movement."));
        check("Kirov supported the purge of the army in [1937].");
        check("In [1930], Lenin personally approved the first Five-Year Plan.");
    }

    #[test]
    fn references_to_the_dead_are_not_acts() {
        for ok in [
            "In 1937 Stalin's NKVD claimed to act in Lenin's name.",
            "In 1923 Lenin was too ill to attend the Twelfth Congress.",
            "Lenin's legacy in 1930 was contested.",
            "In 1956 Khrushchev denounced Stalin.",
            "By 1939 Lenin's Politburo had been destroyed.",
            "In 1930 the cult of Lenin was everywhere.",
            "In 1937 Trotsky wrote from exile that Stalin had betrayed the revolution.",
            "In 1936 the trial of Zinoviev and Kamenev opened.",
            "After 1924 Stalin invoked Lenin at every turn.",
            "In 1938 Bukharin was shot.",
            "Kirov was murdered in 1934 and Stalin purged the army in 1937.",
        ] {
            check(ok);
        }
    }
}
