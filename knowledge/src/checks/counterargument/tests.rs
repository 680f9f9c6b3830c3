//! The counterargument check on claims and neutral sentences as students write them.

use expect_test::{expect, Expect};

use super::scoring::pieces;
use super::*;
use crate::analysis::{analyze, Analysis, Cache};
use crate::base::KnowledgeBase;
use crate::checks::testing::kb;
use crate::checks::wording::lower_first;
use crate::config::Config;
use crate::finding::Finding;
use crate::text::sentences::Sentence;
use crate::text::Format;

fn analysis(text: &str) -> Analysis {
    analyze(kb(), text, Format::Markdown, &Config::default(), &mut Cache::default())
}

fn id(kb: &KnowledgeBase, x: usize) -> &str {
    kb.arguments[x].id.as_str()
}

/// The document with each hinted claim in `[..]`, then per whole claim its side, the argument
/// it makes and, when hinted, the counterpoint shown and the alternatives, and last the balance.
fn render(text: &str) -> String {
    let kb = kb();
    let a = analysis(text);
    let hints: Vec<&Finding> =
        a.findings.iter().filter(|f| f.code == Code::Counterargument).collect();
    let mut out = String::new();
    let mut last = 0;
    for f in &hints {
        out.push_str(&text[last..f.range.start]);
        out.push_str(&format!("[{}]", &text[f.range.clone()]));
        last = f.range.end;
    }
    out.push_str(&text[last..]);
    out = out.trim_end().to_string();
    for c in a.claims.iter().filter(|c| c.is_whole()) {
        let (Some(stance), Some(arg)) = (c.stance, c.argument) else { continue };
        out.push_str(&format!(
            "\n* «{}» {} {}",
            &text[c.range.clone()],
            stance.label(),
            id(kb, arg)
        ));
        match hints.iter().find(|f| f.range == c.range) {
            Some(f) => {
                let shown = shown_counterpoint(kb, f);
                let alts: Vec<&str> =
                    c.counterpoints.iter().map(|&x| id(kb, x)).filter(|x| *x != shown).collect();
                out.push_str(&format!(" -> {shown} [{}]", alts.join(", ")));
            }
            None => out.push_str(" -> (no hint)"),
        }
    }
    let b = &a.balance;
    let themes: Vec<String> =
        b.themes.iter().map(|t| format!("{} {}-{}", t.theme, t.continuity, t.rupture)).collect();
    out.push_str(&format!(
        "\nbalance: {} continuity, {} rupture ({})",
        b.continuity,
        b.rupture,
        themes.join(", ")
    ));
    out
}

/// The argument a hint shows: the one whose full claim is its first related line.
fn shown_counterpoint<'k>(kb: &'k KnowledgeBase, f: &Finding) -> &'k str {
    let first = f.related.first().map_or("", |r| &*r.message);
    kb.arguments.iter().find(|a| a.claim == first).map_or("?", |a| a.id.as_str())
}

fn check(text: &str, expect: Expect) {
    expect.assert_eq(&render(text));
}

/// The side each text argues (or `-` for none), one line each.
fn sides(texts: &[&str]) -> String {
    texts
        .iter()
        .map(|t| {
            let a = analysis(t);
            let found: Vec<&str> = a
                .claims
                .iter()
                .filter(|c| c.is_whole())
                .filter_map(|c| c.stance.map(Stance::label))
                .collect();
            format!("{} | {t}", if found.is_empty() { "-".to_string() } else { found.join(",") })
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Each text must draw no claim at all.
fn neutral(texts: &[&str]) {
    for t in texts {
        let a = analysis(t);
        let found: Vec<String> = a
            .claims
            .iter()
            .filter(|c| c.is_whole())
            .map(|c| format!("{:?} {}", c.stance, id(kb(), c.argument.unwrap_or(0))))
            .collect();
        assert!(found.is_empty(), "{t:?} taken as a claim: {found:?}");
    }
}

#[test]
fn asserted_claims_draw_the_other_side() {
    check(
        "Lenin's terror made Stalin's terror inevitable.",
        expect![[r#"
            [Lenin's terror made Stalin's terror inevitable].
            * «Lenin's terror made Stalin's terror inevitable» continuity terror-continuity -> terror-scale-rupture [peacetime-terror-rupture, kirov-pretext-rupture, terror-party-rupture, terror-motive-rupture]
            balance: 1 continuity, 0 rupture (terror 1-0)"#]],
    );
    check(
        "Stalin was the loyal disciple Lenin wanted as his successor.",
        expect![[r#"
            [Stalin was the loyal disciple Lenin wanted as his successor].
            * «Stalin was the loyal disciple Lenin wanted as his successor» continuity disciple-continuity -> image-fabricated-rupture [testament-warning, georgian-affair-rupture, left-opposition-alternative, lenin-modesty-rupture]
            balance: 1 continuity, 0 rupture (succession 1-0)"#]],
    );
    check(
        "The NEP proves Lenin had given up on socialism.",
        expect![[r#"
        [The NEP proves Lenin had given up on socialism].
        * «The NEP proves Lenin had given up on socialism» rupture nep-capitalist-rupture -> nep-retreat-continuity [nep-crisis-continuity, pragmatism-means-continuity, industrialisation-necessity-continuity, war-communism-precedent]
        balance: 0 continuity, 1 rupture (economy 0-1)"#]],
    );
}

/// One line that fits an editor: "Counterpoint (side, theme): gist"; the claim, evidence,
/// sources and alternatives as related information; fixes after the sentence.
#[test]
fn message_is_one_short_line_with_the_evidence_beside_it() {
    let text = "Lenin's terror made Stalin's terror inevitable. Next.";
    let a = analysis(text);
    let f = a.findings.iter().find(|f| f.code == Code::Counterargument).expect("a hint");
    assert!(f.message.len() <= 160, "{} characters: {}", f.message.len(), f.message);
    let mut out = format!("{}\n", f.message);
    for r in &f.related {
        out.push_str(&format!("related: {}\n", r.message));
    }
    for x in &f.fixes {
        out.push_str(&format!("{} @{:?}: {}\n", x.title, x.range, x.replacement));
    }
    expect![[r#"
        Counterpoint (rupture, terror): Stalin's terror differed in scale and kind: 8,389 Cheka executions in 1918-19 against 681,692 shot in 1937-38.
        related: Stalin's terror differed from Lenin's in scale and in kind: repression during a civil war never approached the millions arrested, shot or sent to the Gulag in peacetime in 1937-38, so Lenin's terror cannot simply be said to have produced Stalin's.
        related: Evidence: The Cheka's own count for 1918 and early 1919 was 8,389 executions, whereas NKVD records show 681,692 people shot and about 1.5 million arrested in 1937-38 alone, with some two million held in camps and prisons by 1939.
        related: Source: Service, Bullock; essays 000, 002, 004
        related: Also (rupture, terror): The two terrors belong to different situations: the Red Terror was waged during a civil war and foreign intervention against armed enemies and wound down once the war was won, whereas the Great Terror was unleashed in peacetime, after victory, against a loyal population. (Medvedev)
        related: Also (rupture, terror): The Great Terror grew out of the crisis of 1934 inside Stalin's own leadership - the Seventeenth Congress and Kirov's murder, which Stalin used as a pretext - not out of anything Lenin had set in motion. (essays 000, 002)
        Add counterargument @47..47:  However, Stalin's terror differed from Lenin's in scale and in kind: repression during a civil war never approached the millions arrested, shot or sent to the Gulag in peacetime in 1937-38, so Lenin's terror cannot simply be said to have produced Stalin's (Service, Bullock). The Cheka's own count for 1918 and early 1919 was 8,389 executions, whereas NKVD records show 681,692 people shot and about 1.5 million arrested in 1937-38 alone, with some two million held in camps and prisons by 1939.
        Insert citation @47..47:  The Cheka's own count for 1918 and early 1919 was 8,389 executions, whereas NKVD records show 681,692 people shot and about 1.5 million arrested in 1937-38 alone, with some two million held in camps and prisons by 1939 (Service, Bullock; essays 000, 002, 004).
    "#]]
    .assert_eq(&out);
}

/// Every argument's message fits the line, with the longest side and theme.
#[test]
fn every_message_fits_a_line() {
    let kb = kb();
    let ix = Index::build(kb);
    for (i, a) in kb.arguments.iter().enumerate() {
        let m = format!("Counterpoint ({}, {}): {}", a.stance.label(), a.theme, ix.gists[i]);
        assert!(m.chars().count() <= document::MESSAGE_MAX, "{}: {m}", a.id);
    }
}

#[test]
fn negation_reverses_the_side() {
    expect![[r#"
        continuity | Stalin continued Lenin's terror.
        rupture | Stalin did not simply continue Lenin's terror.
        rupture | Stalinism was by no means the inevitable outcome of Leninism.
        rupture | Stalin was never Lenin's chosen successor.
        rupture | It is a myth that Stalin merely continued Lenin's terror.
        continuity | There is no doubt that Stalin continued Lenin's terror.
        continuity | Lenin's terror not only paved the way for Stalin's but made it inevitable.
        continuity | Lenin was no democrat, and Stalin only had to use the tools he left.
        rupture | Under Lenin there was never the wholesale slaughter of comrades that Stalin carried out."#]]
    .assert_eq(&sides(&[
        "Stalin continued Lenin's terror.",
        "Stalin did not simply continue Lenin's terror.",
        "Stalinism was by no means the inevitable outcome of Leninism.",
        "Stalin was never Lenin's chosen successor.",
        "It is a myth that Stalin merely continued Lenin's terror.",
        "There is no doubt that Stalin continued Lenin's terror.",
        "Lenin's terror not only paved the way for Stalin's but made it inevitable.",
        "Lenin was no democrat, and Stalin only had to use the tools he left.",
        "Under Lenin there was never the wholesale slaughter of comrades that Stalin carried out.",
    ]));
}

/// The writer's position is the main clause; a conceded one counts for little, a hedged one for
/// nothing.
#[test]
fn the_main_clause_decides() {
    expect![[r#"
        rupture | Although the Cheka was brutal, Stalin's terror went far beyond anything Lenin did.
        rupture | Lenin may have been ruthless, but Stalin's purges were his own creation.
        rupture | To some extent the seeds of Stalinism were sown under Lenin, but the Great Terror was entirely Stalin's own doing.
        continuity | Stalin's purges were his own creation; however, Lenin had laid the foundations for them.
        rupture | While Lenin used terror against enemies of the regime, Stalin turned it on the party itself.
        continuity | Yet despite the civil war and the famine, Stalinism still had its basis in Leninism.
        rupture | But in spite of Lenin's ruthlessness, Stalin's purges went far beyond anything he did."#]]
    .assert_eq(&sides(&[
        "Although the Cheka was brutal, Stalin's terror went far beyond anything Lenin did.",
        "Lenin may have been ruthless, but Stalin's purges were his own creation.",
        "To some extent the seeds of Stalinism were sown under Lenin, but the Great Terror was entirely Stalin's own doing.",
        "Stalin's purges were his own creation; however, Lenin had laid the foundations for them.",
        "While Lenin used terror against enemies of the regime, Stalin turned it on the party itself.",
        "Yet despite the civil war and the famine, Stalinism still had its basis in Leninism.",
        "But in spite of Lenin's ruthlessness, Stalin's purges went far beyond anything he did.",
    ]));
}

/// A causal link argues for the side its cause stands on.
#[test]
fn causes_take_the_side_of_their_cause() {
    expect![[r#"
        continuity | The ban on factions made Stalin's dictatorship possible.
        continuity | Lenin's ideas led directly to Stalin's terror.
        rupture | Stalin's terror grew out of the crisis of 1934, not out of anything Lenin had done.
        rupture | Stalinism owed more to Russia's isolation than to Lenin's ideas.
        rupture | Stalin's paranoia explains the Great Terror.
        continuity | Stalinism was the product of the system Lenin had built.
        continuity | But in spite of these differences, Stalinism still found its basis in Leninism.
        rupture | Stalin's paranoia led to the Great Terror.
        continuity | Lenin's creation of the Cheka made the Great Terror possible.
        continuity | The bureaucracy that Lenin created allowed Stalin to rise to power.
        - | The NEP allowed peasants to sell their surplus grain.
        - | His post as General Secretary allowed Stalin to place his supporters in key positions.
        rupture | It is wrong to see Stalin as a mere continuation of Lenin.
        - | Stalin's rapid industrialisation and the brutality of forced collectivisation led to an acute crisis in 1928-1933.
        - | Stalin's rapid industrialisation during the first Five-Year Plan had led to an acute crisis, which led to worse conditions for the workers."#]]
    .assert_eq(&sides(&[
        "The ban on factions made Stalin's dictatorship possible.",
        "Lenin's ideas led directly to Stalin's terror.",
        "Stalin's terror grew out of the crisis of 1934, not out of anything Lenin had done.",
        "Stalinism owed more to Russia's isolation than to Lenin's ideas.",
        "Stalin's paranoia explains the Great Terror.",
        "Stalinism was the product of the system Lenin had built.",
        "But in spite of these differences, Stalinism still found its basis in Leninism.",
        "Stalin's paranoia led to the Great Terror.",
        "Lenin's creation of the Cheka made the Great Terror possible.",
        "The bureaucracy that Lenin created allowed Stalin to rise to power.",
        "The NEP allowed peasants to sell their surplus grain.",
        "His post as General Secretary allowed Stalin to place his supporters in key positions.",
        "It is wrong to see Stalin as a mere continuation of Lenin.",
        "Stalin's rapid industrialisation and the brutality of forced collectivisation led to an acute crisis in 1928-1933.",
        "Stalin's rapid industrialisation during the first Five-Year Plan had led to an acute crisis, which led to worse conditions for the workers.",
    ]));
}

/// Echoes and shared traits liken the two men when the sentence names both.
#[test]
fn echoes_and_shared_traits() {
    expect![[r#"
        continuity | Lenin's methods in the civil war were later echoed by Stalin.
        continuity | Stalin's suppression of the soviets was characteristic of Lenin well before it was characteristic of Stalin.
        - | Stalin's speeches echoed through the hall.
        - | Suspicion was characteristic of Stalin."#]]
    .assert_eq(&sides(&[
        "Lenin's methods in the civil war were later echoed by Stalin.",
        "Stalin's suppression of the soviets was characteristic of Lenin well before it was characteristic of Stalin.",
        "Stalin's speeches echoed through the hall.",
        "Suspicion was characteristic of Stalin.",
    ]));
}

/// Things of both men's times set side by side argue as the men would; narration of them does
/// not.
#[test]
fn things_of_both_times() {
    expect![[r#"
        continuity | The Cheka laid the foundations for the NKVD.
        - | The Cheka became the GPU in 1922 and was folded into the NKVD in 1934.
        - | The NKVD took over the camps that the OGPU had run."#]]
    .assert_eq(&sides(&[
        "The Cheka laid the foundations for the NKVD.",
        "The Cheka became the GPU in 1922 and was folded into the NKVD in 1934.",
        "The NKVD took over the camps that the OGPU had run.",
    ]));
}

/// What a sentence only grants ("the seeds may be found in 1917-21, but ...") is what the
/// other side presses: it is among the counterpoints.
#[test]
fn a_conceded_clause_is_pressed() {
    check(
        "To some extent, perhaps, the seeds of Stalin's system can be found in the years 1917-21, but the decisive choices, the Great Turn of 1929 and the Terror of 1937, were Stalin's own.",
        expect![[r#"
            [To some extent, perhaps, the seeds of Stalin's system can be found in the years 1917-21, but the decisive choices, the Great Turn of 1929 and the Terror of 1937, were Stalin's own].
            * «To some extent, perhaps, the seeds of Stalin's system can be found in the years 1917-21, but the decisive choices, the Great Turn of 1929 and the Terror of 1937, were Stalin's own» rupture nep-abandoned-rupture -> nep-retreat-continuity [nep-crisis-continuity, stalinism-inevitable-continuity, war-communism-precedent, industrialisation-necessity-continuity]
            balance: 0 continuity, 1 rupture (economy 0-1)"#]],
    );
}

/// Judgements of Lenin: harsh ones argue continuity, mild ones rupture; of Stalin, nothing.
#[test]
fn judgements_of_lenin() {
    expect![[r#"
        continuity | Lenin was every bit as ruthless as Stalin.
        rupture | Lenin was a pragmatist who compromised with the peasants, as Stalin never did.
        continuity | Lenin was no democrat, and his party never tolerated real debate.
        - | Stalin was ruthless and cruel.
        - | Lenin saw Stalin as rude and authoritarian."#]]
    .assert_eq(&sides(&[
        "Lenin was every bit as ruthless as Stalin.",
        "Lenin was a pragmatist who compromised with the peasants, as Stalin never did.",
        "Lenin was no democrat, and his party never tolerated real debate.",
        "Stalin was ruthless and cruel.",
        "Lenin saw Stalin as rude and authoritarian.",
    ]));
}

/// An attributed claim is a claim; its counterpoint names its author and is not theirs.
#[test]
fn attributed_claims() {
    let a = analysis("Richard Pipes argues that Stalinism was the logical outcome of Leninism.");
    let f = a.findings.iter().find(|f| f.code == Code::Counterargument).expect("a hint");
    assert!(f.message.starts_with("Counterpoint to Pipes (rupture,"), "{}", f.message);
    let c = a.claims.iter().find(|c| c.is_whole()).expect("a claim");
    for &x in &c.counterpoints {
        assert!(!kb().arguments[x].historians.iter().any(|&h| kb().entries[h].id == "pipes"));
    }
}

/// "This was no accident." borrows the content of the sentence before it.
#[test]
fn a_claim_over_two_sentences() {
    check(
        "Lenin's ban on factions let the leadership expel any critic as a factionalist. This was no accident: Stalin only had to use it.",
        expect![[r#"
            [Lenin's ban on factions let the leadership expel any critic as a factionalist. This was no accident: Stalin only had to use it].
            balance: 1 continuity, 0 rupture (party 1-0)"#]],
    );
}

/// "This was no accident." alone says nothing; after narration it completes a claim. "This
/// followed from ..." points back for its effect.
#[test]
fn a_sentence_that_points_back() {
    check(
        "In 1927 Stalin had Trotsky expelled from the party as a factionalist. This was no accident.\n\nThis followed from Lenin's ban on factions.\n\nThis was no accident.",
        expect![[r#"
            [In 1927 Stalin had Trotsky expelled from the party as a factionalist. This was no accident].

            [This followed from Lenin's ban on factions].

            This was no accident.
            * «This followed from Lenin's ban on factions» continuity ban-on-factions-continuity -> terror-party-rupture [emergency-measures-rupture, party-debate-rupture, lenin-levy-rupture, bureaucracy-rupture]
            balance: 1 continuity, 0 rupture (party 1-0)"#]],
    );
}

/// Claims of kinds that went unanswered before: origins, degrees, personal responsibility.
#[test]
fn claims_of_origin_degree_and_person() {
    expect![[r#"
        continuity | Stalin carried out policies Lenin had already drawn up.
        continuity | The idea of building socialism in one country began with Lenin.
        rupture | Forced collectivisation went much further than anything Lenin proposed.
        rupture | The Great Terror was above all Stalin's personal achievement.
        continuity | Stalinism was in part the outcome of Leninist practice."#]]
    .assert_eq(&sides(&[
        "Stalin carried out policies Lenin had already drawn up.",
        "The idea of building socialism in one country began with Lenin.",
        "Forced collectivisation went much further than anything Lenin proposed.",
        "The Great Terror was above all Stalin's personal achievement.",
        "Stalinism was in part the outcome of Leninist practice.",
    ]));
}

#[test]
fn an_answered_claim_draws_no_hint() {
    check(
        "Lenin's terror made Stalin's terror inevitable.\n\nYet Stalin's terror was on a far greater scale than Lenin's: the Cheka shot 8,389 people in 1918-19, the NKVD 681,692 in 1937-38.",
        expect![[r#"
            Lenin's terror made Stalin's terror inevitable.

            Yet Stalin's terror was on a far greater scale than Lenin's: the Cheka shot 8,389 people in 1918-19, the NKVD 681,692 in 1937-38.
            * «Lenin's terror made Stalin's terror inevitable» continuity terror-continuity -> (no hint)
            * «Yet Stalin's terror was on a far greater scale than Lenin's: the Cheka shot 8,389 people in 1918-19, the NKVD 681,692 in 1937-38» rupture terror-scale-rupture -> (no hint)
            balance: 1 continuity, 1 rupture (terror 1-1)"#]],
    );
}

/// A counterpoint is shown once a section; a new heading starts a new section.
#[test]
fn one_counterpoint_once_a_section() {
    check(
        "# Terror\n\nLenin's terror made Stalin's terror inevitable.\n\nLenin's Cheka therefore led directly to the Great Terror.\n\n# Again\n\nThe Red Terror proves that Stalin merely continued Lenin's methods.",
        expect![[r#"
            # Terror

            [Lenin's terror made Stalin's terror inevitable].

            [Lenin's Cheka therefore led directly to the Great Terror].

            # Again

            [The Red Terror proves that Stalin merely continued Lenin's methods].
            * «Lenin's terror made Stalin's terror inevitable» continuity terror-continuity -> terror-scale-rupture [peacetime-terror-rupture, kirov-pretext-rupture, terror-party-rupture, terror-motive-rupture]
            * «Lenin's Cheka therefore led directly to the Great Terror» continuity terror-continuity -> peacetime-terror-rupture [terror-scale-rupture, terror-party-rupture, kirov-pretext-rupture, testament-warning]
            * «The Red Terror proves that Stalin merely continued Lenin's methods» continuity terror-continuity -> peacetime-terror-rupture [terror-scale-rupture, terror-party-rupture, kirov-pretext-rupture, terror-motive-rupture]
            balance: 1 continuity, 0 rupture (terror 1-0)"#]],
    );
}

#[test]
fn narration_and_definitions_draw_nothing() {
    neutral(&[
        "In the next paragraph I turn to the economy.",
        "Lenin was born in Simbirsk.",
        "I will first consider the political system.",
        "The Volga is the longest river in Europe.",
        "The Cheka was founded in December 1917.",
        "The NEP was introduced in 1921.",
        "Stalin became General Secretary in 1922.",
        "Did Leninism lead to Stalinism?",
        "This essay will consider whether Stalin continued Lenin's terror.",
        "Stalin's mother wanted him to become a priest.",
        "The Kronstadt rebellion was an uprising of sailors against the Bolshevik government in March 1921.",
        "War Communism was the economic policy of the Bolsheviks during the civil war.",
        "Stalin continued to serve as General Secretary after Lenin's death.",
        "Kirov was a loyal supporter of Stalin, Lenin's successor as leader of the party.",
        "In 1928 Stalin abandoned the NEP and launched the first Five-Year Plan.",
        "Trotsky set out his critique of Stalin in The Revolution Betrayed (1936).",
        "The question of whether Stalinism was the logical continuation of Leninism divides historians.",
        "Lenin, Stalin and the continuity thesis",
        "After Lenin's death, debates in the party turned on industrialisation.",
        "Stalin portrayed himself as Lenin's most loyal disciple and his natural heir.",
        "The famine was a consequence of collectivisation and of high grain quotas.",
        "Lenin ordered the Red Army to crush the Kronstadt rising.",
        "Khrushchev's speech sharply criticised Stalin's cult of personality.",
        "Both Lenin and Stalin used many pseudonyms before 1917.",
        "Trotsky was considered by many the natural successor to Lenin.",
        "Many views exist about the relationship between Lenin and Stalin and the continuity of their rule.",
        "This position gave Stalin control over appointments in the party.",
        "As already stated, Stalin wrote little about foreign affairs before 1924, when he published a book on Leninism.",
        "Although historians long believed that Stalin was Lenin's natural heir, opinions have since changed.",
        "It took the Kronstadt rising to convince Lenin that War Communism would lead to disaster.",
        "In 1928 Stalin abandoned the NEP and launched the first Five-Year Plan.",
    ]);
}

/// Odd text (Cyrillic, emoji, curly quotes, CRLF, lone punctuation) never makes the check panic.
#[test]
fn survives_odd_text() {
    let kb = kb();
    let config = Config::default();
    let text = "Ki”, Kamenev\r\nЖKiro“1 Kamenev — Lenin’s terror; Stalin’s 👩\u{200d}🎓 terror was not inevitable?! (\n\n) ’ « » …\nStalin didn’t betray Lenin’s legacy. This was no accident.";
    let mut all = Vec::new();
    let quotes = crate::text::sentences::quotations(text, 0..text.len());
    let mentions = kb.index.find_all(text);
    let ix = Index::build(kb);
    for r in crate::text::sentences::split(text, 0..text.len()) {
        let ctx = SentenceCtx::new(kb, kb.cue_phrases(), text, r, &mentions, &quotes, &config);
        all.extend(claims(&ctx, &ix).into_iter().map(|c| Claim { block: 0..text.len(), ..c }));
    }
    let (found, _) = document(kb, &ix, &all, (text, &[]));
    for f in found {
        for x in f.fixes {
            assert!(text.is_char_boundary(x.range.start));
        }
    }
}

#[test]
fn counterargument_sentence_keeps_names_capitalised() {
    assert_eq!(lower_first("The NEP was a retreat."), "the NEP was a retreat.");
    assert_eq!(lower_first("War Communism was the model."), "War Communism was the model.");
    assert_eq!(lower_first("Stalin's terror differed."), "Stalin's terror differed.");
    assert_eq!(lower_first("It was Lenin who raised Stalin."), "it was Lenin who raised Stalin.");
}

/// A sentence word's stem id is its stem's, whether the vocabulary table has the word or not.
#[test]
fn piece_stems_are_the_stems() {
    let kb = kb();
    let ix = Index::build(kb);
    let mut texts: Vec<String> =
        kb.arguments.iter().flat_map(|a| [a.claim.clone(), a.evidence_text.clone()]).collect();
    texts.push("Lenin's Cheka laid the foundations; Stalin’s purges, the NEP-era and KÉLVIN's factions didn't continue Leninism's terror-state (collectivization).".into());
    let mut buf = Vec::new();
    for text in texts {
        let s = Sentence::new(&text, 0..text.len());
        let tw = ix.lists.tok_words(&s);
        for p in pieces(&ix, &s, &tw) {
            assert_eq!(p.stem, ix.stem_id(p.raw, &mut buf), "{}", p.raw);
        }
    }
}

/// What claims cost a sentence of the source essays (best of five runs each), printed for
/// BENCHMARKS.md: `cargo test --release -p knowledge --lib counterargument::tests::speed --
/// --nocapture`. No wall-clock assertion: the figure is read by hand.
#[test]
fn speed() {
    let Ok(dir) = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/essays"))
    else {
        return;
    };
    let text: String = dir
        .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
        .collect::<Vec<_>>()
        .join("\n\n");
    let kb = kb();
    let config = Config::default();
    let ix = Index::build(kb);
    let (mut n, mut spent) = (0, 0.0);
    for para in text.split("\n\n") {
        let mentions = kb.index.find_all(para);
        let quotes = crate::text::sentences::quotations(para, 0..para.len());
        for r in crate::text::sentences::split(para, 0..para.len()) {
            let ctx = SentenceCtx::new(kb, kb.cue_phrases(), para, r, &mentions, &quotes, &config);
            let best = (0..5)
                .map(|_| {
                    let t0 = std::time::Instant::now();
                    std::hint::black_box(claims(&ctx, &ix));
                    t0.elapsed().as_secs_f64()
                })
                .fold(f64::MAX, f64::min);
            spent += best;
            n += 1;
        }
    }
    eprintln!("{n} sentences, {:.4} ms a sentence", spent * 1e3 / n.max(1) as f64);
}

/// A negation that an argument writes itself ("a poor country without foreign capital") says
/// what the argument says: it denies neither that argument nor the cues after it.
#[test]
fn a_negation_in_the_arguments_own_words_denies_nothing() {
    let denied = |s: &str| {
        let trace = explain(kb(), s);
        trace.lines().find(|l| l.trim_start().starts_with("denied=")).unwrap_or("").to_string()
    };
    expect![[r#"  denied=[] conceded=[]"#]].assert_eq(&denied(
        "Stalin's squeezing of the peasants continued Lenin's course: a country without foreign capital could only industrialise that way.",
    ));
    // A negation of the cue's own meaning still denies it.
    expect![[r#"  denied=["industrialisation-necessity-continuity"] conceded=[]"#]].assert_eq(&denied(
        "Stalin's squeezing of the peasants was not forced on him: Russia could have industrialised without squeezing the peasants.",
    ));
}
