//! The document's results gathered from its blocks' cached ones: every finding, name and claim
//! moved to its place in the document, and the document passes run over the claims. On a
//! keystroke in a long document this, not the edited paragraph, is most of the work.

use std::ops::Range;
use std::sync::Arc;

use rustc_hash::FxHashMap as HashMap;

use super::{Analysis, BlockResult, Cache, STALE};
use crate::base::Mention;
use crate::claim::{Balance, Claim};
use crate::finding::Finding;

/// The document's results, block by block, from the blocks analysed now (`fresh`) and the
/// cache, which keeps them, with the findings and balance of the document passes run over the
/// claims (`document`); once edits have added `STALE` blocks to the cache, it is brought back
/// to exactly the blocks and sentences of this document.
pub(super) fn gather(
    blocks: &[Range<usize>],
    keys: &[u64],
    fresh: impl Iterator<Item = (u64, Arc<BlockResult>)>,
    cache: &mut Cache,
    document: impl FnOnce(&[Claim]) -> (Vec<Finding>, Balance) + Send,
) -> Analysis {
    let warm = !cache.blocks.is_empty();
    for (key, r) in fresh {
        cache.added += usize::from(warm);
        cache.sentences.extend(r.sentences.iter().cloned());
        cache.blocks.insert(key, r);
    }
    let results: Vec<&BlockResult> = keys.iter().map(|key| &*cache.blocks[key]).collect();
    // On a keystroke in a long document every list is rebuilt whole: the findings and names on
    // one core while the claims are gathered and the document passes run over them on another.
    let ((mut findings, mentions), (claims, (more, balance))) = rayon::join(
        || (moved_findings(blocks, &results), moved_mentions(blocks, &results)),
        || {
            let claims = moved_claims(blocks, &results);
            let passes = document(&claims);
            (claims, passes)
        },
    );
    findings.extend(more);
    drop(results);
    if cache.added > STALE {
        let live: HashMap<u64, Arc<BlockResult>> =
            keys.iter().map(|key| (*key, cache.blocks[key].clone())).collect();
        cache.sentences = live.values().flat_map(|r| r.sentences.iter().cloned()).collect();
        cache.blocks = live;
        cache.added = 0;
    }
    Analysis { findings, mentions, claims, balance, ..Analysis::default() }
}

/// Every block's findings with absolute ranges. The lists are sized once: growing them by
/// doubling copied each several times.
fn moved_findings(blocks: &[Range<usize>], results: &[&BlockResult]) -> Vec<Finding> {
    let mut out = Vec::with_capacity(results.iter().map(|r| r.findings.len()).sum());
    for (block, result) in blocks.iter().zip(results) {
        out.extend(result.findings.iter().map(|f| f.rebased(0, block.start)));
    }
    out
}

fn moved_mentions(blocks: &[Range<usize>], results: &[&BlockResult]) -> Vec<Mention> {
    let mut out = Vec::with_capacity(results.iter().map(|r| r.mentions.len()).sum());
    for (block, result) in blocks.iter().zip(results) {
        let base = block.start;
        out.extend(
            (result.mentions.iter())
                .map(|m| Mention { range: m.range.start + base..m.range.end + base, ..m.clone() }),
        );
    }
    out
}

fn moved_claims(blocks: &[Range<usize>], results: &[&BlockResult]) -> Vec<Claim> {
    let mut out = Vec::with_capacity(results.iter().map(|r| r.claims.len()).sum());
    for (block, result) in blocks.iter().zip(results) {
        out.extend(result.claims.iter().map(|c| c.shifted(block.start, block.clone())));
    }
    out
}
