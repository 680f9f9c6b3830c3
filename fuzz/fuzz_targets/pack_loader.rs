//! The pack loader on any text, alone and beside the embedded packs: it never panics, and a
//! bad entry becomes errors with positions inside the text, never a lost base.
#![no_main]

use knowledge::{KnowledgeBase, Pack};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let pack = Pack { name: "fuzz.toml".into(), text: text.to_string() };
    let (_, errors) = KnowledgeBase::load(std::slice::from_ref(&pack));
    for e in &errors {
        if e.file == "fuzz.toml" && e.line > 0 {
            assert!(e.line as usize <= text.lines().count().max(1) + 1, "{e:?}");
        }
    }
    // Beside the embedded packs (cross-references resolve; the embedded entries stay).
    if data.len() < 2048 && text.contains("[[") {
        let mut packs = KnowledgeBase::embedded_packs();
        packs.push(pack);
        let (kb, _) = KnowledgeBase::load(&packs);
        assert!(kb.find("Kirov").is_some(), "the embedded base survives a bad pack");
    }
});
