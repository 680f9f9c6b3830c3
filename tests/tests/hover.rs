//! Hover as a student meets it: over names in every spelling, years, in Markdown, LaTeX and
//! plain text — and never inside code, URLs, LaTeX commands or math.
//!
//! Snapshots hold only each card's first two lines (title and dates), which change only when
//! a fact changes; the rest of a card is checked by key substrings.

use clio_e2e::*;
use expect_test::{expect, Expect};

/// Hovers over the `n`th occurrence of each probe (the middle of it) and lists, per probe, the
/// card's first two lines and the exact text the hover range covers — or "-" for no hover.
fn survey(s: &Server, doc: &Doc, probes: &[(&str, usize)], expected: Expect) {
    let mut out = String::new();
    for &(needle, n) in probes {
        let r = find_nth(&doc.text, needle, n);
        let mut mid = r.start + (r.end - r.start) / 2;
        while !doc.text.is_char_boundary(mid) {
            mid -= 1;
        }
        let h = s.hover_at(doc, mid);
        let label = if n == 0 { needle.to_string() } else { format!("{needle}#{n}") };
        match hover_text(&h) {
            None => out.push_str(&format!("{label}: -\n")),
            Some(md) => {
                let covered = &doc.text[s.hover_range(doc, &h)];
                let head: Vec<&str> = md.lines().take(2).collect();
                out.push_str(&format!("{label}: [{covered}] {}\n", head.join(" | ")));
            }
        }
    }
    expected.assert_eq(&out);
}

const MARKDOWN: &str = r#"# Kirov and the Terror

Stalin’s rival Trotsky's supporters were expelled in 1927; the kulaks were next.

- Zinovyev led the Leningrad party.
- The N.E.P. ended around 1928, and the New Economic Policy with it.

> Kirov was shot in 1934, said the report.

```python
kirov = Kirov(1934)  # Trotsky
```

See https://example.org/Kirov/1934 and `Bukharin` in code; [Kamenev](https://example.org/Zinoviev).
"#;

#[test]
fn markdown() {
    let s = Server::start_default();
    let doc = s.open("essay.md", "markdown", MARKDOWN);
    survey(
        &s,
        &doc,
        &[
            ("Kirov", 0),
            ("Stalin", 0),
            ("Trotsky", 0),
            ("1927", 0),
            ("kulaks", 0),
            ("Zinovyev", 0),
            ("N.E.P.", 0),
            ("New Economic Policy", 0),
            ("Kirov", 1),
            ("1934", 0),
            ("Kirov", 2),
            ("1934", 1),
            ("Trotsky", 1),
            ("Kirov", 3),
            ("1934", 2),
            ("Bukharin", 0),
            ("Kamenev", 0),
            ("Zinoviev", 0),
            ("Leningrad", 0),
            ("report", 0),
        ],
        expect![[r#"
            Kirov: [Kirov] ### Sergei Kirov | *person* · 27 March 1886 – 1 December 1934
            Stalin: [Stalin’s] ### Joseph Stalin | *person* · 18 December 1878 – 5 March 1953
            Trotsky: [Trotsky's] ### Leon Trotsky | *person* · 7 November 1879 – 21 August 1940
            1927: [1927] ### 1927 | *in the fact base*
            kulaks: [kulaks] ### kulak | *group*
            Zinovyev: [Zinovyev] ### Grigory Zinoviev | *person* · 23 September 1883 – 25 August 1936
            N.E.P.: [N.E.P.] ### New Economic Policy | *policy* · March 1921 – c. 1928
            New Economic Policy: [New Economic Policy] ### New Economic Policy | *policy* · March 1921 – c. 1928
            Kirov#1: [Kirov] ### Sergei Kirov | *person* · 27 March 1886 – 1 December 1934
            1934: [1934] ### 1934 | *in the fact base*
            Kirov#2: -
            1934#1: -
            Trotsky#1: -
            Kirov#3: -
            1934#2: -
            Bukharin: -
            Kamenev: [Kamenev] ### Lev Kamenev | *person* · 18 July 1883 – 25 August 1936
            Zinoviev: -
            Leningrad: [Leningrad] ### Leningrad | *place · city*
            report: -
        "#]],
    );
    s.shutdown();
}

const LATEX: &str = r#"\documentclass{article}
\usepackage{hyperref}
\begin{document}
\section{Kirov and Leningrad}
Zinoviev lost Leningrad to Kirov in 1926.
\begin{itemize}
  \item Trotsky's supporters were expelled in 1927.
\end{itemize}
\begin{quote}
The N.E.P.\ was a retreat, said Bukharin.
\end{quote}
\Kirov{} is a macro, $Kirov + 1934$ is math, \cite{Trotsky1930} a key, \url{https://example.org/Kamenev} a link.
\begin{equation}
  Stalin = 1937
\end{equation}
\end{document}
"#;

#[test]
fn latex() {
    let s = Server::start_default();
    let doc = s.open("essay.tex", "latex", LATEX);
    survey(
        &s,
        &doc,
        &[
            ("Kirov", 0),
            ("Zinoviev", 0),
            ("Kirov", 1),
            ("1926", 0),
            ("Trotsky", 0),
            ("1927", 0),
            ("N.E.P.", 0),
            ("Bukharin", 0),
            ("Kirov", 2),
            ("Kirov", 3),
            ("1934", 0),
            ("Trotsky", 1),
            ("Kamenev", 0),
            ("Stalin", 0),
            ("document", 0),
        ],
        expect![[r#"
            Kirov: [Kirov] ### Sergei Kirov | *person* · 27 March 1886 – 1 December 1934
            Zinoviev: [Zinoviev] ### Grigory Zinoviev | *person* · 23 September 1883 – 25 August 1936
            Kirov#1: [Kirov] ### Sergei Kirov | *person* · 27 March 1886 – 1 December 1934
            1926: [1926] ### 1926 | *in the fact base*
            Trotsky: [Trotsky's] ### Leon Trotsky | *person* · 7 November 1879 – 21 August 1940
            1927: [1927] ### 1927 | *in the fact base*
            N.E.P.: [N.E.P.] ### New Economic Policy | *policy* · March 1921 – c. 1928
            Bukharin: [Bukharin] ### Nikolai Bukharin | *person* · 9 October 1888 – 15 March 1938
            Kirov#2: -
            Kirov#3: -
            1934: -
            Trotsky#1: -
            Kamenev: -
            Stalin: -
            document: -
        "#]],
    );
    s.shutdown();
}

const PLAIN: &str = "Kirov was shot in 1934.\nTrotsky’s exile, and Zinovyev's fall: the N.E.P. was over.\n\nSee https://example.org/Kirov for more. — Béla Kun, Dzierżyński 🙂 Bukharin\n";

#[test]
fn plain_text() {
    let s = Server::start_default();
    let doc = s.open("essay.txt", "plaintext", PLAIN);
    survey(
        &s,
        &doc,
        &[
            ("Kirov", 0),
            ("1934", 0),
            ("Trotsky", 0),
            ("Zinovyev", 0),
            ("N.E.P.", 0),
            ("Kirov", 1),
            ("Béla Kun", 0),
            ("Dzierżyński", 0),
            ("Bukharin", 0),
        ],
        expect![[r#"
            Kirov: [Kirov] ### Sergei Kirov | *person* · 27 March 1886 – 1 December 1934
            1934: [1934] ### 1934 | *in the fact base*
            Trotsky: [Trotsky’s exile] ### Trotsky's deportation from the USSR | *event* · February 1929
            Zinovyev: [Zinovyev's] ### Grigory Zinoviev | *person* · 23 September 1883 – 25 August 1936
            N.E.P.: [N.E.P.] ### New Economic Policy | *policy* · March 1921 – c. 1928
            Kirov#1: -
            Béla Kun: [Béla Kun] ### Béla Kun | *person* · 20 February 1886 – 29 August 1938
            Dzierżyński: [Dzierżyński] ### Felix Dzerzhinsky | *person* · 11 September 1877 – 20 July 1926
            Bukharin: [Bukharin] ### Nikolai Bukharin | *person* · 9 October 1888 – 15 March 1938
        "#]],
    );
    s.shutdown();
}

#[test]
fn a_name_card_has_dates_roles_events_and_sources() {
    let s = Server::start_default();
    let doc = s.open("essay.md", "markdown", "Kirov was shot.\n");
    let md = hover_text(&s.hover_on(&doc, "Kirov")).expect("a card over Kirov");
    assert_eq!(s.hover_range(&doc, &s.hover_on(&doc, "Kirov")), doc.find("Kirov"));
    for key in [
        "### Sergei Kirov",
        "1886",
        "1 December 1934",
        "**Roles**",
        "Leningrad",
        "**Key events**",
        "Murder of Kirov",
        "essay 0",
    ] {
        assert!(md.contains(key), "the Kirov card mentions {key:?}:\n{md}");
    }
    s.shutdown();
}

#[test]
fn a_year_card_lists_that_year_in_order() {
    let s = Server::start_default();
    let doc = s.open("essay.md", "markdown", "Everything changed in 1934.\n");
    let h = s.hover_on(&doc, "1934");
    assert_eq!(s.hover_range(&doc, &h), doc.find("1934"));
    let md = hover_text(&h).expect("a card over 1934");
    assert_eq!(md.lines().next(), Some("### 1934"), "{md}");
    let congress = md.find("Seventeenth Party Congress").unwrap_or_else(|| panic!("{md}"));
    let murder = md.find("Murder of Kirov").unwrap_or_else(|| panic!("{md}"));
    assert!(congress < murder, "January's congress comes before December's murder:\n{md}");
    s.shutdown();
}

#[test]
fn every_spelling_leads_to_the_same_card() {
    let s = Server::start_default();
    let text = "Zinoviev, Zinovyev, Grigory Zinoviev, Zinoviev’s and Zinoviev's friends; NEP, N.E.P., the New Economic Policy; Trotsky's and Trotsky’s.";
    let doc = s.open("spellings.md", "markdown", text);
    for (needle, n, title) in [
        ("Zinoviev", 0, "### Grigory Zinoviev"),
        ("Zinovyev", 0, "### Grigory Zinoviev"),
        ("Grigory Zinoviev", 0, "### Grigory Zinoviev"),
        ("Zinoviev’s", 0, "### Grigory Zinoviev"),
        ("Zinoviev's", 0, "### Grigory Zinoviev"),
        ("NEP", 0, "### New Economic Policy"),
        ("N.E.P.", 0, "### New Economic Policy"),
        ("New Economic Policy", 0, "### New Economic Policy"),
        ("Trotsky's", 0, "### Leon Trotsky"),
        ("Trotsky’s", 0, "### Leon Trotsky"),
    ] {
        let r = find_nth(&doc.text, needle, n);
        // Hover at the first character, the middle and the last character of the form.
        let last = doc.text[..r.end].char_indices().last().unwrap().0;
        for at in [r.start, r.start + (r.end - r.start) / 2, last] {
            let mut at = at;
            while !doc.text.is_char_boundary(at) {
                at -= 1;
            }
            let h = s.hover_at(&doc, at);
            assert_eq!(hover_title(&h).as_deref(), Some(title), "{needle} at byte {at}");
            let got = s.hover_range(&doc, &h);
            assert!(
                got.start <= at && at < got.end.max(got.start + 1),
                "{needle}: range {got:?} holds the hovered byte {at}"
            );
            assert!(
                got.start >= r.start.saturating_sub(20) && got.end <= r.end,
                "{needle}: range {got:?} = {:?} stays on the name",
                &doc.text[got.clone()]
            );
        }
    }
    s.shutdown();
}

#[test]
fn no_hover_over_ordinary_words_or_blank_space() {
    let s = Server::start_default();
    let text = "The party went to the country and the people said nothing.\n\n   \n";
    let doc = s.open("plain.md", "markdown", text);
    for word in ["The", "party", "went", "country", "people", "said", "nothing"] {
        let h = s.hover_on(&doc, word);
        assert!(h.is_null(), "no card over {word:?}: {h}");
    }
    let h = s.hover_at(&doc, doc.text.len());
    assert!(h.is_null(), "{h}");
    s.shutdown();
}

#[test]
fn hover_follows_the_language_id_not_the_extension() {
    // A `.txt` URI opened as Markdown is Markdown: its code block is not prose.
    let s = Server::start_default();
    let doc = s.open("notes.txt", "markdown", "```\nKirov\n```\n\nKirov\n");
    assert!(s.hover_on(&doc, "Kirov").is_null(), "inside a fence");
    assert_eq!(
        hover_title(&s.hover_at(&doc, find_nth(&doc.text, "Kirov", 1).start)).as_deref(),
        Some("### Sergei Kirov")
    );
    s.shutdown();
}
