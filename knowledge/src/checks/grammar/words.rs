//! Word classes the sentence grammar reads: forms of "be" and "have", modals, determiners,
//! adverbs, prepositions, nouns that name an act, past forms. General English, not history:
//! the words a check must learn about the period are data (`[vocab]`).
//!
//! The lists are `matches!` patterns (a switch on length, then a compare or two) rather than
//! slices to scan: they are asked about nearly every word of every dated sentence.

/// A form of "be" (or of "get" as a passive auxiliary).
pub(crate) fn is_be(w: &str) -> bool {
    matches!(
        w,
        "was"
            | "were"
            | "is"
            | "are"
            | "been"
            | "be"
            | "being"
            | "am"
            | "get"
            | "got"
            | "gets"
            | "getting"
    )
}

/// A form of "have".
pub(crate) fn is_have(w: &str) -> bool {
    matches!(w, "had" | "has" | "have" | "having")
}

/// A modal or a form of "do" before a verb.
pub(crate) fn is_modal(w: &str) -> bool {
    matches!(
        w,
        "would"
            | "could"
            | "should"
            | "might"
            | "will"
            | "may"
            | "must"
            | "shall"
            | "can"
            | "did"
            | "does"
            | "do"
    )
}

/// Words that may stand between a verb and its object or before a name: articles, possessive
/// pronouns, and a few adjectives ("the new", "the infamous").
pub(crate) fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "its"
            | "their"
            | "this"
            | "these"
            | "those"
            | "new"
            | "first"
            | "second"
            | "third"
            | "whole"
            | "entire"
            | "own"
            | "newly"
            | "so-called"
            | "infamous"
            | "famous"
            | "brutal"
            | "bloody"
    )
}

/// Adverbs that do not end in "-ly" (and some that do), which may sit between a name and its verb.
fn is_listed_adverb(w: &str) -> bool {
    matches!(
        w,
        "then"
            | "later"
            | "soon"
            | "also"
            | "first"
            | "finally"
            | "eventually"
            | "already"
            | "still"
            | "again"
            | "once"
            | "only"
            | "even"
            | "subsequently"
            | "duly"
            | "thus"
            | "therefore"
            | "himself"
            | "itself"
            | "themselves"
            | "all"
            | "both"
            | "quickly"
            | "promptly"
            | "secretly"
            | "officially"
            | "formally"
            | "allegedly"
            | "apparently"
            | "supposedly"
            | "reportedly"
            | "famously"
            | "in"
            | "turn"
    )
}

/// An adverb: listed, or a word in "-ly" that is not a noun or a month.
pub(crate) fn is_adverb(w: &str) -> bool {
    is_listed_adverb(w)
        || (w.len() > 4
            && w.ends_with("ly")
            && !matches!(
                w,
                "italy" | "family" | "july" | "rally" | "ally" | "supply" | "assembly" | "early"
            ))
}

/// Words after a verb that show it has no object: the name before it is what the verb is about.
pub(crate) fn shows_no_object(w: &str) -> bool {
    matches!(
        w,
        "in" | "on"
            | "at"
            | "during"
            | "by"
            | "after"
            | "before"
            | "until"
            | "till"
            | "from"
            | "with"
            | "for"
            | "to"
            | "against"
            | "into"
            | "under"
            | "over"
            | "as"
            | "while"
            | "when"
            | "and"
            | "aged"
            | "amid"
            | "following"
            | "despite"
            | "because"
            | "through"
            | "throughout"
            | "within"
            | "near"
            | "outside"
            | "inside"
            | "upon"
            | "since"
            | "around"
            | "about"
            | "out"
            | "shortly"
            | "soon"
            | "only"
            | "suddenly"
            | "early"
            | "late"
            | "later"
            | "that"
            | "which"
            | "but"
            | "or"
            | "there"
            | "here"
            | "abroad"
            | "again"
            | "too"
            | "also"
            | "then"
            | "himself"
            | "itself"
            | "themselves"
            | "briefly"
            | "mid"
            | "barely"
    )
}

/// Words that put a name under a preposition or make it an object rather than the one acting.
pub(crate) fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "of" | "to"
            | "about"
            | "against"
            | "after"
            | "under"
            | "for"
            | "with"
            | "from"
            | "toward"
            | "towards"
            | "like"
            | "than"
            | "unlike"
            | "by"
            | "on"
            | "upon"
            | "as"
            | "into"
            | "since"
            | "before"
            | "beyond"
            | "in"
            | "at"
            | "during"
            | "between"
            | "among"
            | "over"
            | "without"
            | "despite"
            | "behind"
            | "through"
            | "via"
            | "per"
            | "amid"
            | "around"
            | "whom"
            | "versus"
            | "vs"
    )
}

/// Words that may stand before a clause-framing date: "In 1934,", "By early 1939", "After the 1920s".
pub(crate) fn is_framing(w: &str) -> bool {
    matches!(
        w,
        "in" | "by"
            | "after"
            | "before"
            | "during"
            | "since"
            | "until"
            | "till"
            | "from"
            | "between"
            | "around"
            | "about"
            | "c"
            | "c."
            | "circa"
            | "early"
            | "late"
            | "mid"
            | "the"
            | "of"
            | "throughout"
            | "spring"
            | "summer"
            | "autumn"
            | "fall"
            | "winter"
            | "then"
            | "and"
            | "but"
            | "so"
            | "yet"
            | "however"
            | "later"
            | "also"
            | "only"
            | "even"
            | "already"
            | "still"
            | "year"
            | "years"
            | "on"
            | "at"
            | "end"
            | "start"
            | "beginning"
            | "middle"
            | "ca"
            // "On the night of 16–17 July 1918", "in the early hours of 26 October".
            | "night"
            | "morning"
            | "evening"
            | "afternoon"
            | "hours"
    )
}

/// A word that reads as a noun naming an act ("death", "introduction", "founding").
pub(crate) fn names_an_act(w: &str) -> bool {
    const NOUNS: &[&str] = &[
        "death",
        "birth",
        "murder",
        "launch",
        "start",
        "end",
        "outbreak",
        "founding",
        "beginning",
        "rise",
        "fall",
        "demise",
        "execution",
        "abolition",
        "dissolution",
        "adoption",
        "creation",
        "introduction",
        "appointment",
        "election",
        "formation",
        "establishment",
        "foundation",
        "founder",
        "founders",
        "opening",
        "assassination",
        "inauguration",
        "removal",
        "dismissal",
        "expulsion",
        "exile",
        "arrest",
        "trial",
        "suicide",
        "funeral",
        "resignation",
        "deportation",
        "return",
        "signing",
        "collapse",
        "defeat",
        "stroke",
        "strokes",
        "record",
        "shift",
        "lectures",
        "illness",
        "recantation",
        "capitulation",
        "readmission",
        "liquidation",
        "abandonment",
        "takeover",
        "seizure",
        "coup",
        "famine",
        "purge",
        "revolt",
        "rising",
        "uprising",
        "mutiny",
        "rebellion",
        "insurrection",
        "abdication",
        "treaty",
        "speech",
        "congress",
        "killing",
        "invasion",
        "occupation",
        "annexation",
        "closure",
        "attempt",
    ];
    NOUNS.contains(&w)
        || (w.len() > 5 && (w.ends_with("tion") || w.ends_with("sion") || w.ends_with("ment")))
}

/// The past participle / regular past of a verb, as far as a cheap test can tell.
pub(crate) fn is_past_form(w: &str) -> bool {
    irregular_past(w) || (w.len() > 4 && w.ends_with("ed") && !ed_not_past(w))
}

/// The past forms listed, irregular most of them. (Matched by `match` rather than searched for
/// in a list: this runs on many words of every dated sentence.)
fn irregular_past(w: &str) -> bool {
    matches!(
        w,
        "shot"
            | "born"
            | "begun"
            | "written"
            | "drafted"
            | "made"
            | "set"
            | "put"
            | "held"
            | "kept"
            | "built"
            | "taken"
            | "given"
            | "sent"
            | "won"
            | "lost"
            | "led"
            | "brought"
            | "thrown"
            | "overthrown"
            | "beaten"
            | "struck"
            | "known"
            | "seen"
            | "done"
            | "chosen"
            | "forbidden"
            | "hidden"
            | "bound"
            | "stolen"
            | "split"
            | "shut"
            | "cut"
            | "spoken"
            | "told"
            | "sold"
            | "left"
            | "found"
            | "become"
            | "broken"
            | "driven"
            | "forgotten"
            | "hung"
            | "slain"
            | "undertaken"
            | "overseen"
            | "sought"
            | "buried"
            | "paid"
    )
}

/// Words in "-ed" that are no past form.
fn ed_not_past(w: &str) -> bool {
    matches!(
        w,
        "red"
            | "hundred"
            | "sacred"
            | "wicked"
            | "naked"
            | "bed"
            | "need"
            | "seed"
            | "speed"
            | "creed"
            | "indeed"
            | "proceed"
            | "succeed"
            | "exceed"
            | "feed"
            | "greed"
            | "deed"
            | "shed"
            | "bled"
            | "fled"
            | "led"
    )
}
