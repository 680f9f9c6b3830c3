//! Tuning aids: how one sentence scores against each argument, and which cues are taken as
//! names (`examples/explain.rs` prints them).

use super::index::{CuePattern, Index};
use super::scoring::{find_hits, pieces, signals, SentenceData};
use crate::base::KnowledgeBase;
use crate::checks::grammar::cues::CuePhrases;
use crate::checks::grammar::SentenceCtx;

/// How a sentence scores against each argument (for tuning and tests): hits, the top arguments
/// and whether the sentence argues at all.
/// Builds its own tables each time: a tuning aid, not a path the analysis takes.
pub fn explain(kb: &KnowledgeBase, sentence: &str) -> String {
    let config = crate::config::Config::default();
    let mentions = kb.index.find_all(sentence);
    let cue_phrases = CuePhrases::build(kb);
    let ctx =
        SentenceCtx::new(kb, &cue_phrases, sentence, 0..sentence.len(), &mentions, &[], &config);
    let ix = &Index::build(kb);
    let tw = ix.lists.tok_words(&ctx.sentence);
    let ps = pieces(ix, &ctx.sentence, &tw);
    let hits = find_hits(ix, &ps);
    let s = &ctx.sentence;
    let d = SentenceData::new(&ctx, ix, &tw, ps, hits);
    let mut out = format!(
        "signals={:?} negs={:?}\n",
        signals(&ctx, ix, &tw),
        d.negs.iter().map(|n| n.toks.clone()).collect::<Vec<_>>()
    );
    for h in &d.hits {
        let c = &ix.cues[h.cue];
        out.push_str(&format!(
            "  hit {:?}{}{} w={:.2} idf={:.2} args={:?}\n",
            &sentence[s.toks[h.toks.start].range.start..s.toks[h.toks.end - 1].range.end],
            if c.topic { " (topic)" } else { "" },
            if c.predicate { " (predicate)" } else { "" },
            c.weight,
            c.idf,
            c.args.iter().map(|&a| kb.arguments[a].id.as_str()).collect::<Vec<_>>()
        ));
    }
    for sc in d.score(kb, ix, &(0..s.toks.len()), false).iter().take(4) {
        out.push_str(&format!(
            "  {} {:.2} distinct={} predicates={} specific={} heaviest={:.2} negated={}\n",
            kb.arguments[sc.argument].id,
            sc.score,
            sc.distinct,
            sc.predicates,
            sc.specific,
            sc.heaviest,
            sc.negated
        ));
    }
    out
}

/// The cues taken as names of things in the fact base ("cheka", "five-year plan"), as stems:
/// they say what a sentence is about, not what it argues.
pub fn topic_cues(kb: &KnowledgeBase) -> Vec<String> {
    let ix = Index::build(kb);
    let mut names = vec![String::new(); ix.stem_ids.len()];
    for (k, &id) in &ix.stem_ids {
        names[id as usize] = String::from_utf8_lossy(k).into_owned();
    }
    ix.cues
        .iter()
        .filter(|c| c.topic)
        .map(|c| {
            let words: Vec<String> = c
                .parts
                .iter()
                .map(|p| match p {
                    CuePattern::Stem(id) => names[*id as usize].clone(),
                    CuePattern::Prefix(x) => format!("{x}*"),
                })
                .collect();
            words.join(" ")
        })
        .collect()
}
