//! Figure cards, and which figure a bare number in the text stands for.
//!
//! A number may be held by several figures ("102": Stakhanov's tonnes and the votes later said
//! to have been cast against Stalin in 1934). The sentence around it decides: the figure whose
//! unit, cue words or subjects it names the most. When no figure fits better than the others, the
//! card lists them all rather than pick one at random.

use std::ops::Range;

use super::Hover;
use crate::base::model::{EntryId, Figure, FigureValue};
use crate::base::KnowledgeBase;
use crate::text::stem::stem;

pub fn figure_card(kb: &KnowledgeBase, f: &Figure) -> String {
    let mut md = format!("### {}\n*figure*", f.name);
    if let Some(w) = f.when {
        md.push_str(&format!(" · {w}"));
    }
    md.push('\n');
    if !f.counts.is_empty() {
        md.push_str(&format!("\nCounts: {} ({})\n", f.counts, f.unit));
    }
    if !f.summary.is_empty() {
        md.push_str(&format!("\n{}\n", f.summary));
    }
    md.push_str(if f.contested() { "\n**Sources disagree**\n" } else { "\n**Values**\n" });
    for v in &f.values {
        let mut who = Vec::new();
        if !v.source.is_empty() {
            who.push(kb.source_name(&v.source));
        }
        if let Some(e) = &v.essay {
            who.push(format!("essay {e}"));
        }
        let note = if v.note.is_empty() { String::new() } else { format!(" — {}", v.note) };
        md.push_str(&format!(
            "- {}{}: {}{note}\n",
            if v.approx { "about " } else { "" },
            v.describe(),
            who.join(", ")
        ));
    }
    md
}

/// A value hover reads a bare number as: inside its range, and a number under ten only when
/// the value is exactly it (small numbers are everywhere).
fn holds(x: &FigureValue, v: f64) -> bool {
    x.low <= v && v <= x.high && (x.low == x.high || v >= 10.0)
}

/// A day of the month ("3 September 1919", "September 3", "25 October (7 November)"): a number
/// from 1 to 31 beside a capitalised month name is a date, never a figure.
fn is_day_of_month(text: &str, r: &Range<usize>) -> bool {
    let is_day = text[r.clone()].parse::<u32>().is_ok_and(|d| (1..=31).contains(&d));
    let month = |w: &str| {
        w.starts_with(|c: char| c.is_uppercase())
            && crate::dates::month_number(&w.to_lowercase()).is_some()
    };
    let after = text[r.end..].trim_start().split(|c: char| !c.is_alphabetic()).next();
    let before = text[..r.start].trim_end().rsplit(|c: char| !c.is_alphabetic()).next();
    is_day && (after.is_some_and(month) || before.is_some_and(month))
}

/// The card for the number at `r` in `text`: the figure among those holding it that its
/// sentence (`sentence`, whose names are `named`) fits best, or the list of them when none
/// fits better than the rest.
pub(super) fn figure_at(
    kb: &KnowledgeBase,
    text: &str,
    r: Range<usize>,
    sentence: Range<usize>,
    named: &[EntryId],
) -> Option<Hover> {
    if is_day_of_month(text, &r) {
        return None;
    }
    let v: f64 = text[r.clone()].replace(',', "").parse().ok()?;
    let holding: Vec<&Figure> =
        kb.figures.iter().filter(|f| f.values.iter().any(|x| holds(x, v))).collect();
    let markdown = match holding.as_slice() {
        [] => return None,
        [f] => figure_card(kb, f),
        _ => {
            let words = stems(text.get(sentence).unwrap_or(""));
            let fits: Vec<usize> = holding.iter().map(|f| fit(f, &words, named)).collect();
            let best = fits.iter().copied().max().unwrap_or(0);
            match fits.iter().filter(|&&s| s == best).count() {
                1 if best > 0 => {
                    let i = fits.iter().position(|&s| s == best).unwrap_or(0);
                    figure_card(kb, holding[i])
                }
                _ => candidates_card(&text[r.clone()], v, &holding),
            }
        }
    };
    Some(Hover { range: r, markdown })
}

/// The stems of a sentence's words, in order.
fn stems(sentence: &str) -> Vec<String> {
    sentence
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .map(stem)
        .collect()
}

/// How many of a figure's context words the sentence holds: its unit, each cue (a phrase, its
/// words in order; `word*` any word so starting) and each of its subjects or its place named.
fn fit(f: &Figure, words: &[String], named: &[EntryId]) -> usize {
    let mut cues: Vec<&str> = f.cues.iter().map(String::as_str).collect();
    if !f.unit.is_empty() && !cues.contains(&f.unit.as_str()) {
        cues.push(&f.unit);
    }
    let said = cues.iter().filter(|c| says(words, c)).count();
    let subjects = f.subjects.iter().chain(&f.place).filter(|s| named.contains(s)).count();
    said + subjects
}

/// The words hold the cue phrase, its words one after another.
fn says(words: &[String], cue: &str) -> bool {
    let parts: Vec<(String, bool)> = cue
        .split_whitespace()
        .map(|w| match w.strip_suffix('*') {
            Some(prefix) => (prefix.to_lowercase(), true),
            None => (stem(w), false),
        })
        .collect();
    if parts.is_empty() || parts.len() > words.len() {
        return false;
    }
    words.windows(parts.len()).any(|window| {
        window.iter().zip(&parts).all(
            |(w, (p, prefix))| {
                if *prefix {
                    w.starts_with(p.as_str())
                } else {
                    w == p
                }
            },
        )
    })
}

/// The figures a number could stand for, when its sentence does not say which.
fn candidates_card(number: &str, v: f64, holding: &[&Figure]) -> String {
    let mut md =
        format!("### {number}\n*{} figures in the fact base hold this number*\n\n", holding.len());
    const SHOWN: usize = 8;
    for f in holding.iter().take(SHOWN) {
        let mut values: Vec<String> = f
            .values
            .iter()
            .filter(|x| holds(x, v))
            .map(|x| format!("{}{}", if x.approx { "about " } else { "" }, x.describe()))
            .collect();
        values.dedup();
        let when = f.when.map_or(String::new(), |w| format!(", {w}"));
        md.push_str(&format!("- **{}** ({}{when}): {}\n", f.name, f.unit, values.join(", ")));
    }
    if holding.len() > SHOWN {
        md.push_str(&format!("- and {} more\n", holding.len() - SHOWN));
    }
    let mut units: Vec<String> = Vec::new();
    for f in holding.iter().filter(|f| !f.unit.is_empty()) {
        let said = format!("\"{number} {}\"", f.unit);
        if !units.contains(&said) && units.len() < 2 {
            units.push(said);
        }
    }
    md.push_str("\nName the unit or what is counted");
    if !units.is_empty() {
        md.push_str(&format!(" ({})", units.join(", ")));
    }
    md.push_str(" to see one.\n");
    md
}

#[cfg(test)]
mod tests {
    use expect_test::expect;

    use crate::analysis::Analysis;
    use crate::checks::testing::kb;
    use crate::text::{prose, Format};

    /// The heading of the card hover shows over `number` in `text`, as the server reads it.
    fn hovered(text: &str, number: &str) -> String {
        let analysis = Analysis {
            prose: prose(text, Format::Plain),
            mentions: kb().index.find_all(text),
            ..Default::default()
        };
        let at = text.find(number).unwrap_or(0);
        let card = super::super::at(kb(), &analysis, at).map(|h| h.markdown).unwrap_or_default();
        format!("{text} => {}", card.lines().next().unwrap_or("nothing"))
    }

    #[test]
    fn the_sentence_around_a_shared_number_picks_its_figure() {
        let lines = [
            hovered("Stakhanov cut 102 tonnes of coal in one shift.", "102"),
            hovered("In 1935 a miner hewed 102 tons in under six hours.", "102"),
            hovered("At the congress 102 delegates voted against Stalin.", "102"),
            hovered("Some say 102 ballots had his name crossed out.", "102"),
        ];
        expect![[r#"
            Stakhanov cut 102 tonnes of coal in one shift. => ### Stakhanov's record output
            In 1935 a miner hewed 102 tons in under six hours. => ### Stakhanov's record output
            At the congress 102 delegates voted against Stalin. => ### Votes against Stalin at the Seventeenth Congress
            Some say 102 ballots had his name crossed out. => ### Votes against Stalin at the Seventeenth Congress"#]].assert_eq(&lines.join("\n"));
    }

    #[test]
    fn a_shared_number_with_no_telling_words_lists_every_figure_holding_it() {
        let text = "The number 102 appears twice. Stakhanov worked. Kirov voted.";
        let analysis = Analysis {
            prose: prose(text, Format::Plain),
            mentions: kb().index.find_all(text),
            ..Default::default()
        };
        let card = super::super::at(kb(), &analysis, text.find("102").unwrap_or(0));
        expect![[r####"
            ### 102
            *2 figures in the fact base hold this number*

            - **Votes against Stalin at the Seventeenth Congress** (votes, February 1934): about 100–300
            - **Stakhanov's record output** (tonnes, 31 August 1935): 102

            Name the unit or what is counted ("102 votes", "102 tonnes") to see one.
        "####]].assert_eq(&card.map(|h| h.markdown).unwrap_or_default());
    }

    #[test]
    fn a_small_number_lists_only_the_figures_whose_value_it_is() {
        let cards = [super::super::lookup(kb(), "3"), super::super::lookup(kb(), "300,000")];
        expect![[r####"
            ### 3
            *2 figures in the fact base hold this number*

            - **Votes against Stalin at the Seventeenth Congress** (votes, February 1934): 3
            - **Marshals purged** (people, 1937–1939): 3

            Name the unit or what is counted ("3 votes", "3 people") to see one.

            ### 300,000
            *2 figures in the fact base hold this number*

            - **Deaths in the Red Terror** (people, 1918–1922): about 300,000
            - **Party membership in 1922** (members, 1922): about 300,000

            Name the unit or what is counted ("300,000 people", "300,000 members") to see one.
        "####]]
        .assert_eq(&cards.map(Option::unwrap_or_default).join("\n"));
    }

    #[test]
    fn words_in_another_sentence_do_not_decide() {
        let lines = [
            hovered("Stakhanov was a miner. The figure was 102.", "102"),
            hovered("Stalin faced the ballot. It was 102.", "102"),
        ];
        expect![[r#"
            Stakhanov was a miner. The figure was 102. => ### 102
            Stalin faced the ballot. It was 102. => ### 102"#]]
        .assert_eq(&lines.join("\n"));
    }

    #[test]
    fn a_day_of_the_month_is_no_figure() {
        let lines = [
            hovered("Kirov was shot on 1 December 1934.", "1 "),
            hovered("The treaty was signed on 3 March 1918.", "3 "),
            hovered("He was shot on September 3, 1919.", "3,"),
            hovered("On 25 October (7 November) the Red Guards moved.", "7 "),
            hovered("Of the 5 marshals, 3 were shot in 1937.", "3 "),
            hovered("He asked for 3 more divisions in May.", "3 "),
        ];
        expect![[r#"
            Kirov was shot on 1 December 1934. => nothing
            The treaty was signed on 3 March 1918. => nothing
            He was shot on September 3, 1919. => nothing
            On 25 October (7 November) the Red Guards moved. => nothing
            Of the 5 marshals, 3 were shot in 1937. => ### Marshals purged
            He asked for 3 more divisions in May. => ### 3"#]]
        .assert_eq(&lines.join("\n"));
    }

    #[test]
    fn a_number_only_one_figure_holds_needs_no_context() {
        expect!["There were 8,389 of them. => ### Cheka executions, 1918-19"]
            .assert_eq(&hovered("There were 8,389 of them.", "8,389"));
    }
}
