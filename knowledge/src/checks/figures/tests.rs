//! The figure checks on numbers as students write them, flagged, contested and clean.

use expect_test::{expect, Expect};

use crate::analysis::analyze_block;
use crate::checks::testing::{kb, marked_with_notes};
use crate::{Code, Config};

fn render(text: &str) -> String {
    marked_with_notes(text, &Config::default(), |f| match f.code {
        Code::DubiousFigure => Some(("[!", "]")),
        Code::ContestedFigure => Some(("[?", "]")),
        _ => None,
    })
}

/// Marks dubious figures `[!..]` and contested ones `[?..]`, then lists messages and fixes.
fn check(text: &str, expect: Expect) {
    expect.assert_eq(&render(text));
}

/// Texts that must draw no dubious-figure warning (a contested-figure note is allowed).
pub(super) fn clean(texts: &[&str]) {
    for t in texts {
        let res = analyze_block(kb(), t, &Config::default());
        let bad: Vec<&str> = res
            .findings
            .iter()
            .filter(|f| f.code == Code::DubiousFigure)
            .map(|f| &*f.message)
            .collect();
        assert!(bad.is_empty(), "false alarm on {t:?}: {bad:?}");
    }
}

/// Texts that must each draw a dubious-figure warning.
pub(super) fn flagged(texts: &[&str]) {
    for t in texts {
        let res = analyze_block(kb(), t, &Config::default());
        assert!(res.findings.iter().any(|f| f.code == Code::DubiousFigure), "missed in {t:?}");
    }
}

/// Each text on its own, rendered as by `check`, one after another.
pub(super) fn check_each(texts: &[&str], expect: Expect) {
    expect.assert_eq(&texts.iter().map(|t| render(t)).collect::<Vec<_>>().join("\n\n"));
}

#[test]
fn flags_figures_no_source_gives() {
    check(
        "Official figures record 68,169 executions in 1937-38.",
        expect![[r#"
        Official figures record [!68,169] executions in 1937-38.
        68,169 does not match any figure the fact base has for executions in the Great Terror (1937–1938): 681,692 (NKVD records opened in the 1990s (353,074 in 1937 and 328,618 in 1938); essay 002); about 1,000,000 (Robert Conquest; essay 002). -> 681,692"#]],
    );
    check(
        "Some 2,108 of the 1,966 delegates to the 1934 Congress were arrested.",
        expect![[r#"
        Some [!2,108] of the 1,966 delegates to the 1934 Congress were arrested.
        2,108 does not match any figure the fact base has for delegates of the 1934 Congress arrested (1934–1939): 1,108 (Khrushchev's Secret Speech (1956); essay 002). -> 1,108"#]],
    );
}

#[test]
fn reads_numbers_as_written() {
    check_each(
        &[
            "Stakhanov cut 120 tonnes of coal in 1935.",
            "Stalin was arrested six times before 1914.",
            "In 1922 industrial production was at only 45% of pre-war levels.",
            "Lenin demanded the hanging of a thousand kulaks in 1918.",
            "The Lenin Levy brought half a million new members into the party in 1924.",
            "Party membership rose from 200,000 in 1922 to 600,000 in 1925.",
            "Khrushchev revealed that 89 of the 139 members of the Central Committee elected in 1934 were shot.",
            "The famine of 1932-33 killed around 17 million people.",
            "The NKVD arrested 15 million people in 1937-38.",
            "After only three years of the NEP, Stalin abandoned it in 1928.",
            "During the Great Terror 1 in 8 of the population were arrested.",
            "Four of the five marshals were shot in 1937-39.",
            "750 of 80 members of the Supreme Military Council were killed.",
            "Half of the officer corps, amounting to 350,000, were either imprisoned or killed.",
            "In a third show trial (1938) Bukharin and Rykov and 180 others were accused.",
            "Yezhov had 2,594,500 people arrested between August and November 1937.",
            "A further 57,200 were arrested in March 1938, of which 480,000 were shot.",
            "In 1937-38 about 1.5 million people were arrested and 68,000 were shot.",
            "In 1918 and early 1919 the Cheka shot 83,890 people.",
            "During the 1933 purge 85,430 party cards were withdrawn.",
            "Stakhanov's record of 102 tonnes was forty times the norm.",
            "Stalin received only 30 votes against him at the Seventeenth Congress in 1934.",
            "In 1936 twelve defendants, including Zinoviev and Kamenev, were shot after the first Moscow trial.",
        ],
        expect![[r#"
            Stakhanov cut 120 tonnes of coal in 1935.

            Stalin was arrested [!six] times before 1914.
            six does not match any figure the fact base has for Stalin's arrests before 1914 (1902–1913): 8 (essay 002). -> eight

            In 1922 industrial production was at only [!45%] of pre-war levels.
            45% does not match any figure the fact base has for industrial output at the end of the civil war (1922): about 25 (essay 001). -> 25%

            Lenin demanded the hanging of [!a thousand] kulaks in 1918.
            a thousand does not match any figure the fact base has for Kulaks to be hanged under Lenin's order of August 1918 (August 1918): 100 (Lenin's telegram to the Penza Bolsheviks, 11 August 1918; essay 004). -> 100

            The Lenin Levy brought [!half a million] new members into the party in 1924.
            half a million does not match any figure the fact base has for recruits of the Lenin Levy (1924): about 250,000 (essay 001); about 241,600 (Great Soviet Encyclopedia, 3rd ed. (1979), 'Lenin Enrollment in the Party'). -> 241,600

            Party membership rose from [!200,000] in 1922 to [?600,000] in 1925.
            200,000 does not match any figure the fact base has for party membership in 1922 (1922): about 300,000 (essay 002). -> 300,000
            Sources disagree on party membership in 1925 (1925): from 600,000 to 1,080,000: about 600,000 (essay 002); about 800,000–1,080,000 (party census figures: about 800,000 members and candidates in January 1925, about 1,080,000 in January 1926). Your 600,000 matches essay 002; say whose figure you use. -> 

            Khrushchev revealed that [!89] of the 139 members of the Central Committee elected in 1934 were shot.
            89 does not match any figure the fact base has for Central Committee of 1934 shot (1934–1939): 98 (Khrushchev's Secret Speech (1956)). -> 98

            The famine of 1932-33 killed around 17 million people.

            The NKVD arrested [!15 million] people in 1937-38.
            15 million does not match any figure the fact base has for arrests in the Great Terror (1937–1938): 1,575,259 (NKVD arrest statistics for 1937-38 (report of 1953, published in the 1990s)); 5,000,000–7,000,000 (essay 002). -> 1.58 million

            After only [!three] years of the NEP, Stalin abandoned it in 1928.
            three does not match any figure the fact base has for length of NEP (1921–1928): 7 (essay 004). -> seven

            During the Great Terror 1 in 8 of the population were arrested.

            [!Four] of the five marshals were shot in 1937-39.
            Four does not match any figure the fact base has for marshals purged (1937–1939): 3 (Tukhachevsky (shot 1937), Blyukher (died under interrogation 1938), Yegorov (shot 1939); essay 002). -> Three

            [!750] of 80 members of the Supreme Military Council were killed.
            750 does not match any figure the fact base has for members of the Military Council killed (1937–1938): 75 (essay 002). -> 75

            Half of the officer corps, amounting to [!350,000], were either imprisoned or killed.
            350,000 does not match any figure the fact base has for officers purged in 1937-38 (1937–1938): about 35,000 (Robert Conquest; essay 002). -> 35,000

            In a third show trial (1938) Bukharin and Rykov and [!180] others were accused.
            180 others (182 in all) does not match any figure the fact base has for defendants at the third Moscow trial (March 1938): 21 (trial record). -> 19

            Yezhov had [!2,594,500] people arrested between August and November 1937.
            2,594,500 does not match any figure the fact base has for arrests from August to November 1937 (August 1937–November 1937): 259,450 (essay 002). -> 259,450

            A further 57,200 were arrested in March 1938, of which 480,000 were shot.

            In 1937-38 about 1.5 million people were arrested and [!68,000] were shot.
            68,000 does not match any figure the fact base has for executions in the Great Terror (1937–1938): 681,692 (NKVD records opened in the 1990s (353,074 in 1937 and 328,618 in 1938); essay 002); about 1,000,000 (Robert Conquest; essay 002). -> 681,692

            In 1918 and early 1919 the Cheka shot 83,890 people.

            During the 1933 purge [!85,430] party cards were withdrawn.
            85,430 does not match any figure the fact base has for expulsions in the party purge of 1933-34 (1933–1934): 854,300 (essay 002); about 1,000,000 (essay 002); about 1,200,000 (party statistics: about 3.2 million members and candidates in December 1932, about 2 million in January 1935). -> 1,200,000

            Stakhanov's record of 102 tonnes was [!forty] times the norm.
            forty does not match any figure the fact base has for Stakhanov's output as a multiple of the norm (31 August 1935): about 14.5 (102 tonnes against a norm of 7 tonnes). -> 14.5

            Stalin received only [!30] votes against him at the Seventeenth Congress in 1934.
            30 does not match any figure the fact base has for votes against Stalin at the Seventeenth Congress (February 1934): 3 (officially announced result); about 100–300 (later testimony of delegates and of members of the counting commission). -> 100 to 300

            In 1936 [!twelve] defendants, including Zinoviev and Kamenev, were shot after the first Moscow trial.
            twelve does not match any figure the fact base has for defendants at the first Moscow trial (August 1936): 16 (trial record). -> sixteen"#]],
    );
}

#[test]
fn contested_figures_are_information() {
    check_each(
        &[
            "Stakhanov hewed 12 tons of coal in August 1935.",
            "Only 3 delegates voted against Stalin in 1934.",
            "By 1939 some 2 million prisoners were held in the Gulag.",
            "Of the 1996 delegates at the 1934 Party Congress, 1,108 were executed during 1934 - 37.",
            "In 1938 Bukharin and Rykov and 18 others were accused at the third show trial.",
        ],
        expect![[r#"
            Stakhanov hewed [!12] tons of coal in August 1935.
            12 does not match any figure the fact base has for Stakhanov's record output (31 August 1935): 102 (the record as officially announced, 31 August 1935). Essay 002 makes the same mistake. -> 102

            Only [?3] delegates voted against Stalin in 1934.
            Sources disagree on votes against Stalin at the Seventeenth Congress (February 1934): from 3 to 300: 3 (officially announced result); about 100–300 (later testimony of delegates and of members of the counting commission). Your 3 matches officially announced result; say whose figure you use. -> 

            By 1939 some [?2 million] prisoners were held in the Gulag.
            Sources disagree on prisoners in the Gulag in 1939 (January 1939): from 2,000,000 to 6,000,000: about 2,000,000 (Gulag and prison records for 1 January 1939 (published by V. N. Zemskov and others)); about 2,900,000 (essay 002); about 6,000,000 (Alan Bullock; essay 000). Your 2 million matches Gulag and prison records for 1 January 1939 (published by V. N. Zemskov and others); say whose figure you use. -> 

            Of the [!1996] delegates at the 1934 Party Congress, 1,108 were executed during 1934 - 37.
            1996 does not match any figure the fact base has for delegates to the Seventeenth Congress (January 1934–February 1934): 1,966 (Khrushchev's Secret Speech (1956)). Essay 002 makes the same mistake. -> 1966

            In 1938 Bukharin and Rykov and [!18] others were accused at the third show trial.
            18 others (20 in all) does not match any figure the fact base has for defendants at the third Moscow trial (March 1938): 21 (trial record). Essay 002 makes the same mistake. -> 19"#]],
    );
}

/// Each figure code is switched on and off by its own setting (`clio.checks.dubiousFigure`
/// once silenced contested figures too).
#[test]
fn each_code_has_its_own_switch() {
    let render_with = |text: &str, off: &[Code]| {
        let mut config = Config::default();
        config.disabled.extend(off.iter().copied());
        marked_with_notes(text, &config, |f| match f.code {
            Code::DubiousFigure => Some(("[!", "]")),
            Code::ContestedFigure => Some(("[?", "]")),
            _ => None,
        })
    };
    let contested = "Only 3 delegates voted against Stalin in 1934.";
    let dubious = "Stakhanov cut 120 tonnes of coal in 1935.";
    let runs = [
        render_with(contested, &[Code::DubiousFigure]),
        render_with(contested, &[Code::ContestedFigure]),
        render_with(dubious, &[Code::ContestedFigure]),
        render_with(dubious, &[Code::DubiousFigure]),
    ];
    expect![[r#"
        Only [?3] delegates voted against Stalin in 1934.
        Sources disagree on votes against Stalin at the Seventeenth Congress (February 1934): from 3 to 300: 3 (officially announced result); about 100–300 (later testimony of delegates and of members of the counting commission). Your 3 matches officially announced result; say whose figure you use. -> 

        Only 3 delegates voted against Stalin in 1934.

        Stakhanov cut 120 tonnes of coal in 1935.

        Stakhanov cut 120 tonnes of coal in 1935."#]].assert_eq(&runs.join("\n\n"));
}

#[test]
fn accepts_attested_figures() {
    clean(&[
        "Official figures record 681,692 executions in 1937-38.",
        "Official figures record 681 692 executions in 1937-38.",
        "In 1918 and early 1919 the Cheka shot 8,389 people.",
        "Some 1,108 of the 1,966 delegates to the 1934 Congress were arrested.",
        "Stakhanov cut 102 tonnes of coal in 1935.",
        "Prior to 1914 Stalin was arrested eight times.",
        "In 1922 industrial production was at only 25% of pre-war levels.",
        "It was stated that 28% of victims were to be shot under the Kulak Operation in 1937.",
        "During the Great Terror 1 in 18 of the population were arrested.",
        "Three of the five marshals were shot in 1937-39.",
        "Lenin demanded the hanging of a hundred kulaks in 1918.",
        "The Lenin Levy brought a quarter of a million new members into the party in 1924.",
        "Party membership rose from 300,000 in 1922 to 600,000 in 1925.",
        "Khrushchev revealed that 98 of the 139 members of the Central Committee elected in 1934 were shot.",
        "According to Conquest the famine of 1932-33 killed around 7 million people.",
        "The NKVD arrested 1,575,259 people in 1937-38.",
        "After only seven years of the NEP, Stalin abandoned it in 1928.",
        "In 1937 the NKVD shot 353,074 people.",
        "Over a thousand delegates to the Seventeenth Congress were later arrested.",
        "Official records show that some 680,000 people were shot in 1937-38.",
        "In the Great Terror, 1.5 million people were arrested.",
        "In 1937-38 about 1.5 million people were arrested and 680,000 were shot.",
        "By 1939 2.9 million prisoners were in labour camps, according to the study guide.",
        "Two and a half million prisoners were in the Gulag in 1939, according to the records.",
        "Stakhanov's record of 102 tonnes was fourteen times the norm.",
        "In 1936 sixteen defendants, including Zinoviev and Kamenev, were shot after the first Moscow trial.",
        "Conquest estimated about 1 million executions in the Great Terror of 1937-38.",
        "In January 1935 Zinoviev was sentenced to ten years.",
    ]);
}

#[test]
fn ignores_numbers_that_are_not_figures() {
    clean(&[
        "In 1937 the NKVD shot 40 generals.",
        // A day after its month is a date.
        "On June 9, the generals tried with Tukhachevsky were arrested.",
        // A historian's own estimate is theirs: the base cannot hold every one.
        "Conquest estimated 3 million executions in the Great Terror.",
        // Two quantities read the sentence equally well: which is meant is in doubt.
        "Stakhanov cut 120 tonnes of coal in 1935.",
        "The Politburo had 10 members in 1936.",
        "Lenin was 53 when he died in 1924.",
        "See p. 45 for the executions of 1937-38.",
        "Order No. 00447 of 1937 set quotas for executions.",
        "The 17th Congress met in 1934 with many delegates.",
        "Stalin was elected General Secretary in 1922 at the age of 43.",
        "In 1937 the NKVD shot two of the five marshals.",
        "The execution of 5/10 members of the politburo by 1939 was not what Lenin intended.",
        "In 1921 some 10,000 sailors rose at Kronstadt.",
        "The Red Army had 5 million soldiers by 1920.",
        "In 1936 Zinoviev, Kamenev and 14 others were tried.",
        "Lenin wrote 45 volumes; in 1918 the Cheka had 1,000 agents.",
        "At 11 o'clock on 1 December 1934 Kirov was shot.",
        "Stalin's purge removed 3 of the 5 marshals, 13 of 15 army commanders and 50 of 57 corps commanders.",
        "Yagoda was shot in 1938 with Bukharin, Rykov and 16 others.",
        "The 1930s saw 20 million deaths according to some historians.",
        "The Red Army grew to 5 million men during the civil war.",
        "The Bolsheviks had only 24,000 members in February 1917.",
        "Lenin died in 1924 at 53, and Stalin ruled for 29 years.",
        "Khrushchev's speech in 1956 lasted four hours and named 1,108 arrested delegates.",
        "The Politburo had seven members in 1924, and five of them were later killed.",
        "Tukhachevsky and seven other generals were shot in June 1937.",
        "In 1936 sixteen defendants, including Zinoviev and Kamenev, were shot.",
    ]);
}

#[test]
fn the_whole_in_a_part_of_a_whole_is_the_numbers_own_phrase() {
    check(
        "Khrushchev revealed that only 18 of the 139 full and candidate members of the Central Committee elected in 1934 were arrested and shot.",
        expect![[r#"
            Khrushchev revealed that only [!18] of the 139 full and candidate members of the Central Committee elected in 1934 were arrested and shot.
            18 does not match any figure the fact base has for Central Committee of 1934 shot (1934–1939): 98 (Khrushchev's Secret Speech (1956)). -> 98"#]],
    );
    clean(&[
        "Khrushchev revealed that 98 of the 139 full and candidate members of the Central Committee elected in 1934 were arrested and shot.",
        "Of the 139 members and candidates of the Central Committee elected in 1934, 98 were later arrested and shot.",
        "Only 18 of the 139 members and candidates of the Central Committee elected in 1934 were women, and none of them was arrested.",
        "Some 1,108 of the 1,966 delegates to the congress of 1934 were arrested in the years that followed.",
        "Of the 71 full members of the Central Committee elected in 1934, 16 survived the purges.",
    ]);
}

#[test]
fn a_quota_is_set_at_once() {
    check(
        "Order No. 00447 of July 1937 set an initial quota of 7,595 people to be shot.",
        expect![[r#"
            Order No. 00447 of July 1937 set an initial quota of [!7,595] people to be shot.
            7,595 does not match any figure the fact base has for initial 'first category' quota of Order No. 00447 (July 1937–August 1937): 75,950 (NKVD Order No. 00447, 30 July 1937). -> 75,950"#]],
    );
    clean(&[
        "Order No. 00447 of July 1937 set an initial quota of 75,950 people to be shot.",
        "Order No. 00447 of 30 July 1937 allotted 75,950 people to the first category, to be shot, out of 268,950 to be arrested.",
        "The quotas of Order No. 00447 were raised again and again, and by November 1938 386,798 people had been shot.",
        "In August 1937 the NKVD began the operations that Order No. 00447 had planned.",
    ]);
}

#[test]
fn a_phrase_cue_with_a_word_inside() {
    check(
        "The Lenin Levy of 1924 brought some 24,000 new worker members into the party.",
        expect![[r#"
            The Lenin Levy of 1924 brought some [!24,000] new worker members into the party.
            24,000 does not match any figure the fact base has for recruits of the Lenin Levy (1924): about 250,000 (essay 001); about 241,600 (Great Soviet Encyclopedia, 3rd ed. (1979), 'Lenin Enrollment in the Party'). -> 241,600"#]],
    );
    clean(&[
        "The Lenin Levy of 1924 brought some 240,000 new worker members into the party.",
        "The Lenin Levy brought some 240,000 workers into the party in the months after Lenin's death.",
        "By 1926 the party had over a million members and candidates, many of them new worker members.",
        "The Lenin Levy of 1924 brought some 240,000 new members into the party, most of them workers.",
    ]);
}

#[test]
fn a_count_of_deportees_read_by_who_they_were() {
    check(
        "Some 18 million peasants labelled as kulaks were deported to the Urals, Siberia and Kazakhstan in 1930–31.",
        expect![[r#"
            Some [!18 million] peasants labelled as kulaks were deported to the Urals, Siberia and Kazakhstan in 1930–31.
            18 million does not match any figure the fact base has for Kulaks deported in 1930-31 (1930–1931): 1,803,392 (OGPU records of kulak families deported in 1930-31 (published by V. N. Zemskov)). -> 1.8 million"#]],
    );
    clean(&[
        "OGPU records show that 1,803,392 people were deported as kulaks in 1930 and 1931.",
        "Some 1.8 million peasants labelled as kulaks were deported to the Urals, Siberia and Kazakhstan in 1930–31.",
        "In 1930–31 about 120 million peasants lived in the villages from which the kulaks were deported.",
    ]);
}

#[test]
fn a_count_held_at_one_time_is_not_a_count_sent_over_years() {
    // The camps' population in one year is another quantity from the people sent to them over
    // several; and a figure whose only value is a source essay's mistake judges nothing.
    clean(&[
        "By 1936 the Gulag held a total of 5,000,000 prisoners.",
        "By 1937 some five million prisoners were in the camps.",
        "By 1937, 17 or 18 million had been sent to labour camps.",
        "By 1937, 5 million had been sent to labour camps.",
    ]);
}

#[test]
fn a_date_heading_the_clause_sets_the_numbers_time() {
    // "By 1936" places the five million; "until Stalin died in 1953" dates the death, so the
    // camp population at Stalin's death is not the quantity.
    clean(&[
        "By 1936 the Gulag held a total of 5,000,000 prisoners, a number that was probably equaled or exceeded every subsequent year until Stalin died in 1953.",
        "In 1930 some 300,000 prisoners worked in the camps that Stalin's heirs emptied after 1953.",
    ]);
}
