//! The counterargument check on claims and neutral sentences as students write them.

use expect_test::{expect, Expect};

use super::scoring::pieces;
use super::*;
use crate::analysis::{analyze, Cache};
use crate::checks::testing::kb;
use crate::checks::wording::lower_first;
use crate::config::Config;
use crate::finding::Finding;
use crate::text::Format;

/// The document with each hinted claim in `[..]`, then per claim the argument it makes (`!`
/// when negated) and, when hinted, the counterpoint ids (shown first, then alternatives), the
/// fixes' text, and last the balance.
fn render(text: &str) -> String {
    let kb = kb();
    let a = analyze(kb, text, Format::Plain, &Config::default(), &mut Cache::default());
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
    for c in &a.claims {
        let arg = &kb.arguments[c.argument];
        out.push_str(&format!(
            "\n* «{}» {}{} ({})",
            &text[c.range.clone()],
            if c.negated { "!" } else { "" },
            arg.id,
            c.stance(kb).label()
        ));
        if let Some(f) = hints.iter().find(|f| f.range == c.range) {
            let id_of = |m: &str| {
                kb.arguments
                    .iter()
                    .find(|x| m.contains(&x.claim))
                    .map_or("?".to_string(), |x| x.id.clone())
            };
            let alts: Vec<String> = f.related.iter().map(|r| id_of(&r.message)).collect();
            out.push_str(&format!(" -> {} [{}]", id_of(&f.message), alts.join(", ")));
        } else {
            out.push_str(" -> answered");
        }
    }
    let b = &a.balance;
    let open: Vec<&str> = b.unaddressed.iter().map(|&i| kb.arguments[i].id.as_str()).collect();
    out.push_str(&format!(
        "\nbalance: {} continuity, {} rupture; open: {}",
        b.continuity,
        b.rupture,
        open.join(", ")
    ));
    out
}

fn check(text: &str, expect: Expect) {
    expect.assert_eq(&render(text));
}

/// Each text must draw no claim at all.
fn neutral(texts: &[&str]) {
    for t in texts {
        let a = analyze(kb(), t, Format::Plain, &Config::default(), &mut Cache::default());
        let found: Vec<&str> =
            a.claims.iter().map(|c| kb().arguments[c.argument].id.as_str()).collect();
        assert!(found.is_empty(), "{t:?} taken as a claim of {found:?}");
    }
}

#[test]
fn asserted_claims_draw_the_other_side() {
    check(
        "Lenin's terror made Stalin's terror inevitable.",
        expect![[r#"
        [Lenin's terror made Stalin's terror inevitable].
        * «Lenin's terror made Stalin's terror inevitable» terror-continuity (continuity) -> terror-scale-rupture [terror-party-rupture, terror-motive-rupture]
        balance: 1 continuity, 0 rupture; open: terror-scale-rupture, terror-party-rupture, terror-motive-rupture"#]],
    );
    check(
        "Stalin was the loyal disciple Lenin wanted as his successor.",
        expect![[r#"
        [Stalin was the loyal disciple Lenin wanted as his successor].
        * «Stalin was the loyal disciple Lenin wanted as his successor» disciple-continuity (continuity) -> testament-warning [image-fabricated-rupture, georgian-affair-rupture]
        balance: 1 continuity, 0 rupture; open: testament-warning, image-fabricated-rupture, georgian-affair-rupture"#]],
    );
    check(
        "The NEP proves Lenin had given up on socialism.",
        expect![[r#"
        [The NEP proves Lenin had given up on socialism].
        * «The NEP proves Lenin had given up on socialism» nep-capitalist-rupture (rupture) -> nep-retreat-continuity [industrialisation-necessity-continuity, war-communism-precedent]
        balance: 0 continuity, 1 rupture; open: nep-retreat-continuity, industrialisation-necessity-continuity, war-communism-precedent"#]],
    );
}

#[test]
fn message_names_the_source_and_fixes_insert_after_the_sentence() {
    let text = "Lenin's terror made Stalin's terror inevitable. Next.";
    let a = analyze(kb(), text, Format::Plain, &Config::default(), &mut Cache::default());
    let f = a.findings.iter().find(|f| f.code == Code::Counterargument).expect("a hint");
    let mut out = format!("{}\n", f.message);
    for r in &f.related {
        out.push_str(&format!("related: {}\n", r.message));
    }
    for x in &f.fixes {
        out.push_str(&format!("{} @{:?}: {}\n", x.title, x.range, x.replacement));
    }
    expect![[r#"
        Counterpoint: Stalin's terror differed from Lenin's in scale and in kind: repression during a civil war never approached the millions arrested, shot or sent to the Gulag in peacetime in 1937-38, so Lenin's terror cannot simply be said to have produced Stalin's. The Cheka's own count for 1918 and early 1919 was 8,389 executions, whereas NKVD records show 681,692 people shot and about 1.5 million arrested in 1937-38 alone, with some two million held in camps and prisons by 1939. (Service, Bullock; essays 000, 002, 004)
        related: Another counterpoint: Lenin kept terror for the regime's enemies outside the party and never had his comrades killed, whereas Stalin turned the terror on the Bolshevik party itself and destroyed most of its leaders and congress delegates. Of the 1,966 delegates to the Seventeenth Party Congress of 1934, 1,108 were arrested and 98 of the 139 Central Committee members it elected were shot, mostly in 1937-38, whereas under Lenin party quarrels ended in debate or demotion, not execution. (Medvedev; essays 004, 003, 002)
        related: Another counterpoint: Lenin and Stalin used force for different ends: for Lenin terror and dictatorship were means to build socialism, whereas for Stalin socialism became a means to personal power. Kopelev, once a committed communist, contrasted Lenin, for whom the state, the dictatorship and the terror were only tools for reaching socialism, with Stalin, for whom socialism was a tool for gaining and keeping power. (Kopelev; essay 004)
        Add counterargument @47..47:  However, Stalin's terror differed from Lenin's in scale and in kind: repression during a civil war never approached the millions arrested, shot or sent to the Gulag in peacetime in 1937-38, so Lenin's terror cannot simply be said to have produced Stalin's (Service, Bullock).
        Insert citation @47..47:  The Cheka's own count for 1918 and early 1919 was 8,389 executions, whereas NKVD records show 681,692 people shot and about 1.5 million arrested in 1937-38 alone, with some two million held in camps and prisons by 1939 (Service, Bullock; essays 000, 002, 004).
    "#]].assert_eq(&out);
}

#[test]
fn negation_reverses_the_claim() {
    check(
        "Stalin continued Lenin's terror.",
        expect![[r#"
        [Stalin continued Lenin's terror].
        * «Stalin continued Lenin's terror» terror-continuity (continuity) -> terror-scale-rupture [terror-party-rupture, terror-motive-rupture]
        balance: 1 continuity, 0 rupture; open: terror-scale-rupture, terror-party-rupture, terror-motive-rupture"#]],
    );
    check(
        "Stalin did not simply continue Lenin's terror.",
        expect![[r#"
        [Stalin did not simply continue Lenin's terror].
        * «Stalin did not simply continue Lenin's terror» !terror-continuity (rupture) -> terror-continuity [lenin-ruthlessness-continuity, kronstadt-continuity]
        balance: 0 continuity, 1 rupture; open: terror-continuity, lenin-ruthlessness-continuity, kronstadt-continuity"#]],
    );
    check(
        "Stalinism was by no means the inevitable outcome of Leninism.",
        expect![[r#"
        [Stalinism was by no means the inevitable outcome of Leninism].
        * «Stalinism was by no means the inevitable outcome of Leninism» !stalinism-inevitable-continuity (rupture) -> stalinism-inevitable-continuity [revolutionary-pattern-continuity, party-complicity-continuity]
        balance: 0 continuity, 1 rupture; open: stalinism-inevitable-continuity, revolutionary-pattern-continuity, party-complicity-continuity"#]],
    );
    check(
        "Stalin was never Lenin's loyal disciple.",
        expect![[r#"
        [Stalin was never Lenin's loyal disciple].
        * «Stalin was never Lenin's loyal disciple» !disciple-continuity (rupture) -> disciple-continuity [lenin-promoted-stalin, cult-continuity]
        balance: 0 continuity, 1 rupture; open: disciple-continuity, lenin-promoted-stalin, cult-continuity"#]],
    );
    check(
        "It is a myth that Stalin continued Lenin's terror.",
        expect![[r#"
        [It is a myth that Stalin continued Lenin's terror].
        * «It is a myth that Stalin continued Lenin's terror» !terror-continuity (rupture) -> terror-continuity [lenin-ruthlessness-continuity, kronstadt-continuity]
        balance: 0 continuity, 1 rupture; open: terror-continuity, lenin-ruthlessness-continuity, kronstadt-continuity"#]],
    );
    // Intensifiers are not negations.
    check(
        "There is no doubt that Stalin continued Lenin's terror.",
        expect![[r#"
        [There is no doubt that Stalin continued Lenin's terror].
        * «There is no doubt that Stalin continued Lenin's terror» terror-continuity (continuity) -> terror-scale-rupture [terror-party-rupture, terror-motive-rupture]
        balance: 1 continuity, 0 rupture; open: terror-scale-rupture, terror-party-rupture, terror-motive-rupture"#]],
    );
    check(
        "Lenin's terror not only paved the way for Stalin's but made it inevitable.",
        expect![[r#"
        [Lenin's terror not only paved the way for Stalin's but made it inevitable].
        * «Lenin's terror not only paved the way for Stalin's but made it inevitable» terror-continuity (continuity) -> terror-scale-rupture [terror-party-rupture, terror-motive-rupture]
        balance: 1 continuity, 0 rupture; open: terror-scale-rupture, terror-party-rupture, terror-motive-rupture"#]],
    );
}

#[test]
fn hedged_claims_are_claims() {
    check(
        "Some historians argue that Lenin's terror made Stalin's terror inevitable.",
        expect![[r#"
        [Some historians argue that Lenin's terror made Stalin's terror inevitable].
        * «Some historians argue that Lenin's terror made Stalin's terror inevitable» terror-continuity (continuity) -> terror-scale-rupture [terror-party-rupture, terror-motive-rupture]
        balance: 1 continuity, 0 rupture; open: terror-scale-rupture, terror-party-rupture, terror-motive-rupture"#]],
    );
    check(
        "Arguably the NEP was only a temporary retreat on the way to socialism.",
        expect![[r#"
        [Arguably the NEP was only a temporary retreat on the way to socialism].
        * «Arguably the NEP was only a temporary retreat on the way to socialism» nep-retreat-continuity (continuity) -> nep-abandoned-rupture [bukharin-alternative-rupture, collectivisation-scale-rupture]
        balance: 1 continuity, 0 rupture; open: nep-abandoned-rupture, bukharin-alternative-rupture, collectivisation-scale-rupture"#]],
    );
}

#[test]
fn a_claim_split_over_two_lines() {
    check(
        "Lenin's Cheka laid the foundations\nfor Stalin's terror, which\nwas therefore inevitable.",
        expect![[r#"
        [Lenin's Cheka laid the foundations
        for Stalin's terror, which
        was therefore inevitable].
        * «Lenin's Cheka laid the foundations
        for Stalin's terror, which
        was therefore inevitable» terror-continuity (continuity) -> terror-scale-rupture [terror-party-rupture, terror-motive-rupture]
        balance: 1 continuity, 0 rupture; open: terror-scale-rupture, terror-party-rupture, terror-motive-rupture"#]],
    );
}

#[test]
fn an_answered_claim_draws_no_hint() {
    check(
        "Lenin's terror made Stalin's terror inevitable.\n\nYet Stalin's terror was on a far greater scale than Lenin's: the Cheka shot 8,389 people in 1918-19, the NKVD 681,692 in 1937-38.",
        expect![[r#"
            Lenin's terror made Stalin's terror inevitable.

            Yet Stalin's terror was on a far greater scale than Lenin's: the Cheka shot 8,389 people in 1918-19, the NKVD 681,692 in 1937-38.
            * «Lenin's terror made Stalin's terror inevitable» terror-continuity (continuity) -> answered
            * «Yet Stalin's terror was on a far greater scale than Lenin's: the Cheka shot 8,389 people in 1918-19, the NKVD 681,692 in 1937-38» terror-scale-rupture (rupture) -> answered
            balance: 1 continuity, 1 rupture; open: "#]],
    );
}

#[test]
fn one_counterpoint_once_a_paragraph() {
    check(
        "Lenin's terror made Stalin's terror inevitable. Lenin's Cheka therefore led directly to the Great Terror. The Red Terror proves that Stalin merely continued Lenin's methods.",
        expect![[r#"
            [Lenin's terror made Stalin's terror inevitable]. [Lenin's Cheka therefore led directly to the Great Terror]. [The Red Terror proves that Stalin merely continued Lenin's methods].
            * «Lenin's terror made Stalin's terror inevitable» terror-continuity (continuity) -> terror-scale-rupture [terror-party-rupture, terror-motive-rupture]
            * «Lenin's Cheka therefore led directly to the Great Terror» stalinism-inevitable-continuity (continuity) -> circumstances-rupture [testament-warning, personality-rupture]
            * «The Red Terror proves that Stalin merely continued Lenin's methods» terror-continuity (continuity) -> terror-party-rupture [terror-motive-rupture, testament-warning]
            balance: 2 continuity, 0 rupture; open: terror-scale-rupture, terror-party-rupture, circumstances-rupture, terror-motive-rupture, testament-warning"#]],
    );
}

#[test]
fn neutral_sentences_draw_nothing() {
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
    ]);
}

/// `...` in a marker skips up to three words; a marker that names the cause still argues.
#[test]
fn markers_with_gaps_and_causes() {
    check(
        "The ban on factions in 1921 made Stalin's dictatorship possible.",
        expect![[r#"
        [The ban on factions in 1921 made Stalin's dictatorship possible].
        * «The ban on factions in 1921 made Stalin's dictatorship possible» one-party-state-continuity (continuity) -> emergency-measures-rupture [personal-dictatorship-rupture, party-debate-rupture]
        balance: 1 continuity, 0 rupture; open: emergency-measures-rupture, personal-dictatorship-rupture, party-debate-rupture"#]],
    );
    check(
        "Stalinism was the product of Stalin's own paranoid personality.",
        expect![[r#"
        [Stalinism was the product of Stalin's own paranoid personality].
        * «Stalinism was the product of Stalin's own paranoid personality» personality-rupture (rupture) -> party-complicity-continuity [stalinism-inevitable-continuity, revolutionary-pattern-continuity]
        balance: 0 continuity, 1 rupture; open: party-complicity-continuity, stalinism-inevitable-continuity, revolutionary-pattern-continuity"#]],
    );
}

/// Odd text (Cyrillic, emoji, curly quotes, CRLF, lone punctuation) never makes the check panic.
#[test]
fn survives_odd_text() {
    let kb = kb();
    let config = Config::default();
    let text = "Ki”, Kamenev\r\nЖKiro“1 Kamenev — Lenin’s terror; Stalin’s 👩\u{200d}🎓 terror was not inevitable?! (\n\n) ’ « » …\nStalin didn’t betray Lenin’s legacy";
    let mut all = Vec::new();
    let quotes = crate::text::sentences::quotations(text, 0..text.len());
    let mentions = kb.index.find_all(text);
    let ix = Index::build(kb);
    for r in crate::text::sentences::split(text, 0..text.len()) {
        let ctx = SentenceCtx::new(kb, kb.cue_phrases(), text, r, &mentions, &quotes, &config);
        all.extend(claims(&ctx, &ix).into_iter().map(|c| Claim { block: 0..text.len(), ..c }));
    }
    let (found, _) = document(kb, &ix, &all, text);
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
