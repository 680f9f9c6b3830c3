//! A trace of the dubious-date check on one sentence, for tuning it (`examples/explain.rs dates`):
//! the clauses, the names in them, the dates, the facts each clause states and the facts each
//! date is compared with.

use super::facts::facts;
use super::nearest::facts_of_date;
use super::DateTables;
use crate::base::KnowledgeBase;
use crate::checks::grammar::clauses::clause_index;
use crate::checks::grammar::cues::CuePhrases;
use crate::checks::grammar::pronouns::with_pronouns;
use crate::checks::grammar::SentenceCtx;
use crate::config::Config;
use crate::dates::DateExpr;

pub fn explain(kb: &KnowledgeBase, sentence: &str) -> String {
    let config = Config::default();
    let mentions = kb.index.find_all(sentence);
    let phrases = CuePhrases::build(kb);
    let tables = DateTables::build(kb);
    let quotes = crate::text::sentences::quotations(sentence, 0..sentence.len());
    let ctx =
        SentenceCtx::new(kb, &phrases, sentence, 0..sentence.len(), &mentions, &quotes, &config);
    let cues = ctx.cues();
    let clauses = ctx.date_clauses();
    let names = with_pronouns(&ctx, clauses);
    let word = |r: &std::ops::Range<usize>| {
        let s = &ctx.sentence;
        if r.is_empty() || r.end > s.toks.len() {
            return String::new();
        }
        sentence[s.toks[r.start].range.start..s.toks[r.end - 1].range.end].to_string()
    };
    let mut out = format!(
        "hypothetical={} happenings={:?}\n",
        ctx.hypothetical(),
        cues.happenings(|_| true)
            .iter()
            .map(|(k, r)| format!("{k}:{}", word(r)))
            .collect::<Vec<_>>()
    );
    for n in &names {
        out.push_str(&format!(
            "  name {:?} {}{}\n",
            word(&n.toks),
            kb.entries[n.entry].id,
            if n.pronoun { " (pronoun)" } else { "" }
        ));
    }
    for (ci, clause) in clauses.iter().enumerate() {
        out.push_str(&format!("clause {ci}: «{}»\n", word(clause)));
        let dates: Vec<&DateExpr> = ctx
            .dates
            .iter()
            .filter(|d| clause_index(clauses, ctx.year_token(d)) == Some(ci))
            .collect();
        let fs = facts(&ctx, cues, &tables, clause, &names, &dates);
        for f in &fs {
            out.push_str(&format!(
                "  fact {:?} {} {} anchor «{}»\n",
                f.kind,
                kb.entries[f.entry].id,
                f.when,
                word(f.cue_toks.as_ref().unwrap_or(&f.anchor))
            ));
        }
        for (di, d) in dates.iter().enumerate() {
            let mine = facts_of_date(&ctx, cues, clause, &names, &dates, di, &fs);
            out.push_str(&format!(
                "  date «{}» -> {:?}\n",
                &sentence[d.range.clone()],
                mine.iter()
                    .map(|(f, _)| format!("{}:{}", kb.entries[f.entry].id, f.when))
                    .collect::<Vec<_>>()
            ));
        }
    }
    out
}
