//! Hover cards: what Clio shows over a name, a year or a figure, as Markdown.
//!
//! Cards answer from the document's mention list (built when the document was checked) and
//! the fact base's tables: no re-analysis of the document.

use std::ops::Range;

use crate::analysis::Analysis;
use crate::base::date::DaySpan;
use crate::base::model::{Entry, EntryId, Kind};
use crate::base::KnowledgeBase;

mod figures;
mod kind_fields;

use figures::figure_at;
pub use figures::figure_card;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hover {
    pub range: Range<usize>,
    pub markdown: String,
}

fn life(e: &Entry) -> Option<String> {
    let (s, t) = (e.start.map(|d| d.to_string()), e.end.map(|d| d.to_string()));
    let (a, b) = match e.kind {
        Kind::Person => ("born", "died"),
        Kind::Body => ("founded", "dissolved"),
        Kind::Term | Kind::Place => ("from", "to"),
        Kind::Document => ("written", "written until"),
        Kind::Event => ("", ""),
    };
    match (s, t) {
        (Some(s), Some(t)) if e.kind == Kind::Event => Some(format!("{s} – {t}")),
        (Some(s), None) if e.kind == Kind::Event => Some(s),
        (Some(s), Some(t)) => Some(format!("{s} – {t}")),
        (Some(s), None) => Some(format!("{a} {s}")),
        (None, Some(t)) => Some(format!("{b} {t}")),
        (None, None) => None,
    }
}

fn kind_label(e: &Entry) -> String {
    match (e.kind, e.subkind.as_str()) {
        (Kind::Term, "") => "term".into(),
        (Kind::Term, k) => k.into(),
        (Kind::Person, "historian") => "historian".into(),
        (Kind::Place | Kind::Document, "") => e.kind.label().into(),
        (Kind::Place | Kind::Document, k) => format!("{} · {k}", e.kind.label()),
        (k, _) => k.label().into(),
    }
}

/// Events that involve the entry (as an actor or a related entry, or, for a place, as where
/// they happened), in date order.
pub fn key_events(kb: &KnowledgeBase, id: EntryId) -> Vec<EntryId> {
    let e = &kb.entries[id];
    let mut out: Vec<EntryId> = kb
        .entries
        .iter()
        .enumerate()
        .filter(|(j, x)| {
            x.kind == Kind::Event
                && (x.actors.contains(&id)
                    || x.related.contains(&id)
                    || e.related.contains(j)
                    || x.place == Some(id))
                && *j != id
        })
        .map(|(j, _)| j)
        .collect();
    out.sort_by_key(|&j| kb.entries[j].span().map_or(i32::MAX, |s| s.lo));
    out
}

/// The Markdown card for an entry.
pub fn card(kb: &KnowledgeBase, id: EntryId) -> String {
    let e = &kb.entries[id];
    let mut md = format!("### {}\n*{}*", e.name, kind_label(e));
    if let Some(l) = life(e) {
        md.push_str(&format!(" · {l}"));
    }
    md.push('\n');
    if let Some(full) = &e.full_name {
        if full != &e.name {
            md.push_str(&format!("\n{full}\n"));
        }
    }
    if !e.summary.is_empty() {
        md.push_str(&format!("\n{}\n", e.summary));
    }
    roles(&mut md, e);
    kind_fields::place(&mut md, kb, e);
    kind_fields::document(&mut md, kb, e);
    if let Some(s) = e.successor {
        md.push_str(&format!(
            "\nBecame the **{}**{}.\n",
            kb.entries[s].name,
            kb.entries[s].start.map_or(String::new(), |d| format!(" ({d})"))
        ));
    }
    if let Some(p) = e.predecessor {
        md.push_str(&format!("\nGrew out of the **{}**.\n", kb.entries[p].name));
    }
    let events = key_events(kb, id);
    if !events.is_empty() {
        md.push_str("\n**Key events**\n");
        for j in events.iter().take(8) {
            let x = &kb.entries[*j];
            md.push_str(&format!(
                "- {} — {}\n",
                x.start.map_or("undated".into(), |d| d.to_string()),
                x.name
            ));
        }
    }
    variants(&mut md, e);
    let related: Vec<&str> = e
        .related
        .iter()
        .filter(|j| !events.contains(j))
        .map(|&j| kb.entries[j].name.as_str())
        .collect();
    if !related.is_empty() {
        md.push_str(&format!("\n**Related:** {}\n", related.join(", ")));
    }
    let essays = e.essays();
    if !essays.is_empty() {
        md.push_str(&format!(
            "\n**In the essays:** {}\n",
            essays.iter().map(|x| kb.cite(x)).collect::<Vec<_>>().join("; ")
        ));
    }
    if let Some(r) = &e.record {
        md.push_str(&format!("\n**Record:** {r}\n"));
    }
    md
}

/// The posts a person held, with their years.
fn roles(md: &mut String, e: &Entry) {
    if e.roles.is_empty() {
        return;
    }
    md.push_str("\n**Roles**\n");
    for r in &e.roles {
        let when = match (r.from, r.to) {
            (Some(f), Some(t)) if f.from.year == t.from.year => format!(" ({})", f.from.year),
            (Some(f), Some(t)) => format!(" ({}–{})", f.from.year, t.from.year),
            (Some(f), None) => format!(" (from {})", f.from.year),
            (None, Some(t)) => format!(" (until {})", t.from.year),
            (None, None) => String::new(),
        };
        md.push_str(&format!("- {}{when}\n", r.title));
    }
}

/// What the essays say otherwise than the base.
fn variants(md: &mut String, e: &Entry) {
    if e.variants.is_empty() {
        return;
    }
    md.push_str("\n**Sources disagree**\n");
    let mut shown = std::collections::HashSet::new();
    for v in e.variants.iter().filter(|v| shown.insert((&v.essay, &v.field, &v.value))) {
        let note = if v.note.is_empty() { String::new() } else { format!(" — {}", v.note) };
        let field = match v.field.as_str() {
            "born" => "birth",
            "died" => "death",
            "from" | "founded" | "date" => "date",
            "to" | "dissolved" => "end",
            "roles" => "post",
            "name" | "full_name" => "name",
            other => other,
        };
        md.push_str(&format!("- essay {} ({field}): {}{note}\n", v.essay, v.value));
    }
}

/// Everything the fact base dates to one year, in order.
pub fn year_card(kb: &KnowledgeBase, year: i32) -> Option<String> {
    let span = DaySpan::years(year, year);
    let mut items: Vec<(i32, String)> = Vec::new();
    // A person's death (or birth) that an event of the base records on the same date, at its
    // start or end ("Death of Lenin", "Murder of Kirov", "Assassination of Trotsky"), is listed
    // once, as that event.
    let as_event = |person: usize, when: crate::base::date::When, types: &[&str]| {
        when.from.span().overlaps(&span)
            && kb.entries.iter().any(|e| {
                e.kind == Kind::Event
                    && e.subjects.contains(&person)
                    && [e.start, e.end].iter().flatten().any(|s| s.from == when.from)
                    && e.event_type.as_deref().is_some_and(|t| types.contains(&t))
            })
    };
    for (id, e) in kb.entries.iter().enumerate() {
        let mut push = |d: crate::base::date::When, what: String| {
            if d.from.span().overlaps(&span) && !d.from.approx {
                items.push((d.from.span().lo, format!("{} — {what}", d.from)));
            }
        };
        match e.kind {
            Kind::Event => {
                if let Some(s) = e.start {
                    let whole = e.span().unwrap_or(s.span());
                    if whole.overlaps(&span) {
                        let when = match e.end {
                            Some(t) => format!("{}–{}", s.from, t.from),
                            None => s.from.to_string(),
                        };
                        items.push((whole.lo.max(span.lo), format!("{when} — {}", e.name)));
                    }
                }
            }
            Kind::Person => {
                if let Some(b) = e.start.filter(|b| !as_event(id, *b, &["birth"])) {
                    push(b, format!("{} born", e.name));
                }
                let deaths = ["death", "assassination", "execution", "suicide"];
                if let Some(d) = e.end.filter(|d| !as_event(id, *d, &deaths)) {
                    push(d, format!("{} dies", e.name));
                }
            }
            Kind::Body => {
                if let Some(b) = e.start {
                    push(b, format!("{} founded", e.name));
                }
                if let Some(d) = e.end {
                    push(d, format!("{} dissolved", e.name));
                }
            }
            Kind::Document => {
                if let Some(b) = e.start {
                    push(b, format!("{} written", e.name));
                }
            }
            Kind::Place => {}
            Kind::Term => {
                if let Some(b) = e.start {
                    push(b, format!("{} begins", e.name));
                }
                if let Some(d) = e.end {
                    push(d, format!("{} ends", e.name));
                }
            }
        }
    }
    if items.is_empty() {
        return None;
    }
    items.sort();
    items.dedup();
    let mut md = format!("### {year}\n*in the fact base*\n\n");
    for (_, line) in items {
        md.push_str(&format!("- {line}\n"));
    }
    Some(md)
}

fn word_at(masked: &str, offset: usize) -> Option<Range<usize>> {
    let b = masked.as_bytes();
    let offset = offset.min(b.len());
    let is = |c: u8| c.is_ascii_digit() || c == b',';
    let mut s = offset;
    while s > 0 && is(b[s - 1]) {
        s -= 1;
    }
    let mut e = offset;
    while e < b.len() && is(b[e]) {
        e += 1;
    }
    while e > s && b[e - 1] == b',' {
        e -= 1;
    }
    (s < e).then_some(s..e)
}

/// The card for a name, a year or a figure looked up by the student (the look-up command): an
/// entry by any of its names or ids (with or without a leading "the"), a figure by its id, else
/// what hover shows over the text's numbers: a year first (so a range, a decade or a full date
/// gives its year's card), then a figure.
pub fn lookup(kb: &KnowledgeBase, text: &str) -> Option<String> {
    let text = text.trim();
    let name = without_article(text);
    if let Some(id) = kb.find(text).or_else(|| kb.find(name)) {
        return Some(card(kb, id));
    }
    if let Some(f) = kb.figures.iter().find(|f| f.id == name) {
        return Some(figure_card(kb, f));
    }
    if let Some(id) = named_within(kb, name) {
        return Some(card(kb, id));
    }
    let mut numbers: Vec<Range<usize>> =
        number_starts(name).filter_map(|i| word_at(name, i)).collect();
    numbers.dedup();
    let (years, others): (Vec<_>, Vec<_>) =
        numbers.into_iter().partition(|r| year_in(&name[r.clone()]).is_some());
    let year = years.into_iter().find_map(|r| year_at(kb, name, r));
    let named: Vec<EntryId> = kb.index.find_all(name).into_iter().map(|m| m.entry).collect();
    let figure = |r| figure_at(kb, name, r, 0..name.len(), &named);
    year.or_else(|| others.into_iter().find_map(figure)).map(|h| h.markdown)
}

/// The one entry a look-up names in other words than its listed names: with hyphens for spaces
/// ("Tsar-Liberator"), or a known name or misspelling among more words of that entry's names
/// ("Nikita Khruschev").
fn named_within(kb: &KnowledgeBase, name: &str) -> Option<EntryId> {
    if name.contains('-') {
        if let Some(id) = kb.find(&name.replace('-', " ")) {
            return Some(id);
        }
    }
    let mentions = kb.index.find_all(name);
    let entry = mentions.first()?.entry;
    if mentions.iter().any(|m| m.entry != entry) {
        return None;
    }
    let e = &kb.entries[entry];
    let own = |w: &str| {
        std::iter::once(&e.name)
            .chain(&e.aliases)
            .chain(e.full_name.as_ref())
            .any(|n| n.split_whitespace().any(|x| x.eq_ignore_ascii_case(w)))
    };
    let mut at = 0;
    let rest_is_own = name.split_whitespace().all(|w| {
        let start = at + name[at..].find(w).unwrap_or(0);
        at = start + w.len();
        mentions.iter().any(|m| m.range.start <= start && at <= m.range.end) || own(w)
    });
    rest_is_own.then_some(entry)
}

/// The text without a leading "the " (any case), as a name is looked up.
fn without_article(text: &str) -> &str {
    match text.get(..4) {
        Some(the) if the.eq_ignore_ascii_case("the ") => text[4..].trim_start(),
        _ => text,
    }
}

/// Where each run of digits begins.
fn number_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    let b = text.as_bytes();
    (0..b.len()).filter(move |&i| b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_digit()))
}

/// The hover at a byte offset of the document.
pub fn at(kb: &KnowledgeBase, analysis: &Analysis, offset: usize) -> Option<Hover> {
    if let Some(m) = analysis.mention_at(offset) {
        let mut md = card(kb, m.entry);
        if m.misspelling {
            md.insert_str(0, &format!("*Usually spelled **{}***\n\n", kb.entries[m.entry].name));
        }
        return Some(Hover { range: m.range.clone(), markdown: md });
    }
    let masked = &analysis.prose.masked;
    let r = word_at(masked, offset)?;
    if year_in(&masked[r.clone()]).is_some() {
        return year_at(kb, masked, r);
    }
    let sentence = sentence_around(&analysis.prose, r.clone());
    let named: Vec<EntryId> = analysis
        .mentions
        .iter()
        .filter(|m| sentence.start <= m.range.start && m.range.end <= sentence.end)
        .map(|m| m.entry)
        .collect();
    figure_at(kb, masked, r, sentence, &named)
}

/// The sentence of the prose that holds `r` (its block when no sentence does).
fn sentence_around(prose: &crate::text::Prose, r: Range<usize>) -> Range<usize> {
    let i = prose.blocks.partition_point(|b| b.end < r.end);
    let Some(block) = prose.blocks.get(i).filter(|b| b.start <= r.start) else {
        return r;
    };
    crate::text::sentences::split(&prose.masked, block.clone())
        .into_iter()
        .find(|s| s.start <= r.start && r.end <= s.end)
        .unwrap_or_else(|| block.clone())
}

/// The year a word names when hover reads it as one: four digits without a comma, 1700–2099.
fn year_in(w: &str) -> Option<i32> {
    let y: i32 = w.parse().ok().filter(|_| w.len() == 4 && !w.contains(','))?;
    (1700..=2099).contains(&y).then_some(y)
}

/// The year card for the word at `r` in `text`, when it reads as a year the base dates.
fn year_at(kb: &KnowledgeBase, text: &str, r: Range<usize>) -> Option<Hover> {
    let y = year_in(&text[r.clone()])?;
    year_card(kb, y).map(|markdown| Hover { range: r, markdown })
}

#[cfg(test)]
mod tests {
    use expect_test::expect;

    use super::{at, lookup};
    use crate::analysis::Analysis;
    use crate::checks::testing::kb;
    use crate::text::{prose, Format};

    /// The first line of the card a look-up shows.
    fn heading(text: &str) -> Option<String> {
        lookup(kb(), text).map(|md| md.lines().next().unwrap_or("").to_string())
    }

    #[test]
    fn looks_up_names_years_and_figures() {
        assert_eq!(heading("Kirov").as_deref(), Some("### Sergei Kirov"));
        assert_eq!(heading("cheka").as_deref(), Some("### Cheka"));
        assert_eq!(heading(" 1934 ").as_deref(), Some("### 1934"));
        let figure = &kb().figures[0];
        assert_eq!(heading(&figure.id), Some(format!("### {}", figure.name)));
    }

    #[test]
    fn a_year_lists_a_death_the_base_records_as_an_event_once() {
        let lines = |year: &str, who: &str| -> Vec<String> {
            let card = lookup(kb(), year).unwrap_or_default();
            card.lines().filter(|l| l.contains(who)).map(str::to_string).collect()
        };
        expect![[r#"
            (
                [
                    "- 21 January 1924 — Death of Lenin",
                    "- 27 January 1924 — Lenin's funeral",
                    "- February 1924 — Lenin Levy begins",
                    "- April 1924 — Foundations of Leninism written",
                    "- May 1924 — Lenin Levy ends",
                    "- November 1924 — Leninism or Trotskyism written",
                    "- November 1924 — Trotskyism or Leninism? written",
                ],
                [
                    "- 1 December 1934 — Adoption of the Kirov decree",
                    "- 1 December 1934 — Murder of Kirov",
                    "- December 1934 — Kirov flood begins",
                ],
                [
                    "- 24 May 1940 — Siqueiros raid on Trotsky's house",
                    "- 20 August 1940–21 August 1940 — Assassination of Trotsky",
                ],
            )
        "#]]
        .assert_debug_eq(&(
            lines("1924", "Lenin"),
            lines("1934", "Kirov"),
            lines("1940", "Trotsky"),
        ));
    }

    /// Each query beside the heading of the card it shows, one a line.
    fn headings(queries: &[&str]) -> String {
        let line = |q: &&str| format!("{q} => {}", heading(q).unwrap_or_else(|| "nothing".into()));
        queries.iter().map(line).collect::<Vec<_>>().join("\n")
    }

    #[test]
    fn names_written_otherwise_than_listed() {
        expect![[r#"
            Tsar-Liberator => ### Alexander II
            Nikita Khruschev => ### Nikita Khrushchev
            Nikita Sergeyevich Khrushchev => ### Nikita Khrushchev
            Nikita Trotsky => nothing
            Kirov and Stalin => nothing
            Red-Army => ### Red Army"#]]
        .assert_eq(&headings(&[
            "Tsar-Liberator",
            "Nikita Khruschev",
            "Nikita Sergeyevich Khrushchev",
            "Nikita Trotsky",
            "Kirov and Stalin",
            "Red-Army",
        ]));
    }

    #[test]
    fn a_leading_the_is_not_part_of_the_name() {
        expect![[r#"
            the Cheka => ### Cheka
            The Cheka => ### Cheka
            THE  cheka => ### Cheka
            the NEP => ### New Economic Policy
            the 1934 => ### 1934"#]]
        .assert_eq(&headings(&["the Cheka", "The Cheka", "THE  cheka", "the NEP", "the 1934"]));
    }

    #[test]
    fn a_name_that_begins_with_the_is_still_found_whole() {
        expect![[r#"
            The State and Revolution => ### The State and Revolution
            State and Revolution => ### The State and Revolution"#]]
        .assert_eq(&headings(&["The State and Revolution", "State and Revolution"]));
    }

    #[test]
    fn ranges_decades_and_full_dates_show_their_year_as_hover_does() {
        expect![[r#"
            1936-38 => ### 1936
            1936–1938 => ### 1936
            1932–33 => ### 1932
            the 1930s => ### 1930
            1 December 1934 => ### 1934
            December 1, 1934 => ### 1934
            the famine of 1932–33 => ### Famine of 1932-33"#]]
        .assert_eq(&headings(&[
            "1936-38",
            "1936–1938",
            "1932–33",
            "the 1930s",
            "1 December 1934",
            "December 1, 1934",
            "the famine of 1932–33",
        ]));
    }

    #[test]
    fn bare_figures_show_the_figure_hover_shows() {
        // A number several figures hold lists them, unless the words looked up with it say
        // which: "102" is Stakhanov's tonnes and within the votes against Stalin.
        expect![[r#"
            102 => ### 102
            102 tonnes => ### Stakhanov's record output
            102 votes => ### Votes against Stalin at the Seventeenth Congress
            3 => ### 3
            8,389 => ### Cheka executions, 1918-19
            about 300,000 => ### 300,000"#]]
        .assert_eq(&headings(&["102", "102 tonnes", "102 votes", "3", "8,389", "about 300,000"]));
    }

    #[test]
    fn a_looked_up_date_or_figure_shows_the_card_hover_shows_over_it() {
        let text = "Kirov was shot on 1 December 1934. In the 1930s Stakhanov cut 102 tonnes.";
        let analysis = Analysis { prose: prose(text, Format::Plain), ..Default::default() };
        let hover =
            |word: &str| at(kb(), &analysis, text.find(word).unwrap_or(0)).map(|h| h.markdown);
        assert_eq!(lookup(kb(), "1 December 1934"), hover("1934"));
        assert_eq!(lookup(kb(), "the 1930s"), hover("1930s"));
        assert_eq!(lookup(kb(), "Stakhanov cut 102 tonnes"), hover("102"));
        assert!(hover("1930s").is_some() && hover("102").is_some());
    }

    #[test]
    fn what_hover_would_not_read_shows_nothing() {
        // A "the" alone, years before the base's, a word that merely starts with "the".
        expect![[r#"
            the => nothing
            the 1066 => nothing
            1066-67 => nothing
            Theodore => nothing"#]]
        .assert_eq(&headings(&["the", "the 1066", "1066-67", "Theodore"]));
    }

    #[test]
    fn nothing_for_what_the_base_does_not_hold() {
        assert_eq!(heading("Napoleon"), None);
        assert_eq!(heading("1066"), None);
        assert_eq!(heading(""), None);
    }
}
