//! Tuning aids: how one sentence scores against each argument, and which cues are taken as
//! names (`examples/explain.rs` prints them).

use super::index::{CuePattern, Index};
use super::scoring::{find_hits, pieces, SentenceData};
use super::stance;
use crate::base::KnowledgeBase;
use crate::checks::grammar::cues::CuePhrases;
use crate::checks::grammar::SentenceCtx;

/// How a sentence reads (for tuning and tests): its stance items and side, its cue hits, the
/// top arguments, and the claim it makes.
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
    let r = stance::read(&ctx, ix, &tw, &d);
    let words = |t: &std::ops::Range<usize>| {
        &sentence[s.toks[t.start].range.start..s.toks[t.end - 1].range.end]
    };
    let mut out = format!(
        "stance={:?} sums=[{:.2}, {:.2}] shape={:?} author={:?} anaphoric={} negs={:?}\n",
        r.stance.map(|x| x.label()),
        r.sums[0],
        r.sums[1],
        r.shape.map(|x| x.label()),
        r.author.map(|a| kb.entries[a].id.as_str()),
        r.anaphoric,
        d.negs.iter().map(|n| words(&n.toks)).collect::<Vec<_>>()
    );
    let named = |xs: &[usize]| xs.iter().map(|&a| kb.arguments[a].id.as_str()).collect::<Vec<_>>();
    out.push_str(&format!("  denied={:?} conceded={:?}\n", named(&r.denied), named(&r.conceded)));
    for it in &r.items {
        out.push_str(&format!(
            "  item {:?} {:?} {} w={:.2}\n",
            words(&it.toks),
            it.kind,
            it.stance.label(),
            it.weight
        ));
    }
    for h in &d.hits {
        let c = &ix.cues[h.cue];
        out.push_str(&format!(
            "  hit {:?}{}{} w={:.2} idf={:.2} args={:?}\n",
            words(&h.toks),
            if c.topic { " (topic)" } else { "" },
            if c.predicate { " (predicate)" } else { "" },
            c.weight,
            c.idf,
            c.args.iter().map(|&a| kb.arguments[a].id.as_str()).collect::<Vec<_>>()
        ));
    }
    for sc in d.score(kb, ix, &(0..s.toks.len()), false).iter().take(4) {
        out.push_str(&format!(
            "  {} ({}) {:.2} predicates={} specific={} topics={}\n",
            kb.arguments[sc.argument].id,
            kb.arguments[sc.argument].stance.label(),
            sc.score,
            sc.predicates,
            sc.specific,
            sc.topics,
        ));
    }
    for c in super::claims(&ctx, ix) {
        out.push_str(&format!(
            "  claim {:?} {} -> {:?}\n",
            c.stance.map(|x| x.label()),
            c.argument.map_or("-", |a| kb.arguments[a].id.as_str()),
            c.counterpoints.iter().map(|&x| kb.arguments[x].id.as_str()).collect::<Vec<_>>()
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
