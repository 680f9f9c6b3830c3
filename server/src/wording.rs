//! Wording that belongs with the fact base rather than the protocol: the look-up card for a
//! name, year or figure id, and the argument balance as a code lens title and as a message.
//! Kept here, in one place each, until `knowledge` offers them; the callers (CLI, lens,
//! commands) then switch to those functions and this file goes.

use knowledge::checks::counterargument::Balance;
use knowledge::KnowledgeBase;

/// The card for an entry's name, alias or id, a year, or a figure's id.
pub fn lookup_markdown(kb: &KnowledgeBase, name: &str) -> Option<String> {
    if let Some(id) = kb.find(name) {
        return Some(knowledge::hover::card(kb, id));
    }
    if let Ok(y) = name.trim().parse::<i32>() {
        return knowledge::hover::year_card(kb, y);
    }
    kb.figures.iter().find(|f| f.id == name.trim()).map(|f| knowledge::hover::figure_card(kb, f))
}

/// The balance in one line, or `None` for an essay that argues nothing yet.
pub fn balance_title(b: &Balance) -> Option<String> {
    if b.continuity + b.rupture == 0 && b.unaddressed.is_empty() {
        return None;
    }
    let open = if b.unaddressed.is_empty() {
        " · every strong counterpoint addressed".to_string()
    } else {
        let n = b.unaddressed.len();
        format!(" · {n} strong counterpoint{} not yet addressed", if n == 1 { "" } else { "s" })
    };
    Some(format!(
        "Clio · argument balance: {} continuity, {} rupture{open}",
        b.continuity, b.rupture
    ))
}

/// The balance as a sentence, naming up to three strong counterpoints not yet addressed.
pub fn balance_message(kb: &KnowledgeBase, b: &Balance) -> String {
    let mut msg = format!(
        "Your essay makes {} point(s) for continuity and {} for rupture.",
        b.continuity, b.rupture
    );
    for &i in b.unaddressed.iter().take(3) {
        msg.push_str(&format!(" Not yet addressed: {}", kb.arguments[i].claim));
    }
    msg
}
