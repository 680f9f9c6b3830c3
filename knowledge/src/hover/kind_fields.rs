//! The fields only places and documents have, on their cards: where a place lies and the names
//! it has borne; who wrote a document, when, and when it was published (with the other
//! calendar's date where the base gives one). What happened at a place is in the card's key
//! events.

use crate::base::date::When;
use crate::base::model::Entry;
use crate::base::KnowledgeBase;

/// A place's containing place and its names over time, as a list.
pub(super) fn place(md: &mut String, kb: &KnowledgeBase, e: &Entry) {
    if !e.is_place() {
        return;
    }
    let mut lines = Vec::new();
    if let Some(within) = e.place {
        lines.push(format!("**In:** {}", kb.entries[within].name));
    }
    if !e.names.is_empty() {
        let names: Vec<String> = e
            .names
            .iter()
            .map(|n| match (n.from, n.to) {
                (Some(f), Some(t)) => format!("{} ({} – {})", n.name, f, t),
                (Some(f), None) => format!("{} (from {f})", n.name),
                (None, Some(t)) => format!("{} (until {t})", n.name),
                (None, None) => n.name.clone(),
            })
            .collect();
        lines.push(format!("**Names:** {}", names.join("; ")));
    }
    list(md, &lines);
}

/// A document's authors, when it was written and when published.
pub(super) fn document(md: &mut String, kb: &KnowledgeBase, e: &Entry) {
    if !e.is_document() {
        return;
    }
    let mut lines = Vec::new();
    let mut authors: Vec<&str> = e.authors.iter().map(|&a| kb.entries[a].name.as_str()).collect();
    if let Some(a) = e.author.as_deref().filter(|a| !a.trim().is_empty()) {
        authors.push(a);
    }
    if !authors.is_empty() {
        let label = if authors.len() == 1 { "Author" } else { "Authors" };
        lines.push(format!("**{label}:** {}", authors.join(", ")));
    }
    let written = match (e.start, e.end) {
        (Some(s), Some(t)) => Some(format!(
            "{} – {}",
            dated(e, &["written", "from"], s),
            dated(e, &["written_to", "to"], t)
        )),
        (Some(s), None) => Some(dated(e, &["written", "from"], s)),
        (None, Some(t)) => Some(format!("until {}", dated(e, &["written_to", "to"], t))),
        (None, None) => None,
    };
    if let Some(w) = written {
        lines.push(format!("**Written:** {w}"));
    }
    if let Some(p) = e.published {
        lines.push(format!("**Published:** {}", dated(e, &["published"], p)));
    }
    list(md, &lines);
}

/// A date with the other calendar's date the entry gives for that field: "4 April 1917 (17 April
/// 1917 New Style)".
fn dated(e: &Entry, fields: &[&str], when: When) -> String {
    let other = e.other_style.iter().find(|(f, _)| fields.contains(&f.as_str()));
    match other {
        Some((_, d)) if d.span().lo > when.from.span().lo => format!("{when} ({d} New Style)"),
        Some((_, d)) if d.span().lo < when.from.span().lo => format!("{when} ({d} Old Style)"),
        _ => when.to_string(),
    }
}

fn list(md: &mut String, lines: &[String]) {
    if lines.is_empty() {
        return;
    }
    md.push('\n');
    for l in lines {
        md.push_str(&format!("- {l}\n"));
    }
}

#[cfg(test)]
mod tests {
    use expect_test::expect;

    use crate::checks::testing::kb;

    /// The card of the entry a name finds.
    fn card(name: &str) -> String {
        kb().find(name).map(|id| super::super::card(kb(), id)).unwrap_or_default()
    }

    #[test]
    fn a_place_card_shows_where_it_lies_its_names_and_what_happened_there() {
        expect![[r#"
            ### Tsaritsyn
            *place · city*

            The lower Volga city where in 1918 Stalin, sent to gather grain, took charge of its defence with Voroshilov and clashed with Trotsky over the use of former tsarist officers. Renamed Stalingrad in April 1925, it was the scene of the battle of 1942-43 that turned the war, and was renamed Volgograd in November 1961.

            - **In:** Russia
            - **Names:** Tsaritsyn (until 10 April 1925); Stalingrad (10 April 1925 – 10 November 1961); Volgograd (from 10 November 1961)

            **Key events**
            - 6 June 1918 — Stalin's mission to Tsaritsyn
            - July 1918 — Battle of Tsaritsyn
            - 17 July 1942 — Battle of Stalingrad

            **Related:** Joseph Stalin, Kliment Voroshilov, Leon Trotsky, Russian Civil War, Volga, Second World War

            **Record:** Stephen Kotkin, Stalin: Paradoxes of Power, 1878-1928 (2014); Antony Beevor, Stalingrad (1998); decree of the Presidium of the Central Executive Committee of the USSR, 10 April 1925
        "#]].assert_eq(&card("Tsaritsyn"));
    }

    #[test]
    fn a_document_card_shows_its_author_and_both_calendars_dates() {
        expect![[r#"
            ### April Theses
            *document · theses* · written 4 April 1917

            The Tasks of the Proletariat in the Present Revolution

            The ten theses Lenin read out the day after his return from Switzerland and published in Pravda three days later. He demanded no support for the Provisional Government, an end to the war, the transfer of all power to the soviets, and the confiscation of the landed estates; at first even most Bolsheviks thought them too extreme.

            - **Author:** Vladimir Lenin
            - **Written:** 4 April 1917 (17 April 1917 New Style)
            - **Published:** 7 April 1917 (20 April 1917 New Style)

            **Related:** Vladimir Lenin, Provisional Government, Soviets, All Power to the Soviets, Peace, Land and Bread, Dual power, Pravda, Finland Station

            **Record:** V. I. Lenin, The Tasks of the Proletariat in the Present Revolution, Pravda, 7 April 1917, in Collected Works; Alexander Rabinowitch, Prelude to Revolution (1968)
        "#]].assert_eq(&card("April Theses"));
    }
}
