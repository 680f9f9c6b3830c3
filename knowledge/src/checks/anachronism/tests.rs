//! The anachronism check on sentences as students write them: the dead acting, bodies outside
//! their existence, places under names they did not yet bear, and the references that must stay
//! silent.

use expect_test::{expect, Expect};

use crate::checks::testing::marked;
use crate::{Code, Config};

/// The text with each anachronism marked `[..]` (a dubious date `{..}`), and the messages
/// with their fixes.
fn render(text: &str) -> (String, String) {
    marked(text, &Config::default(), |f| match f.code {
        Code::Anachronism => Some(("[", "]")),
        Code::DubiousDate => Some(("{", "}")),
        _ => None,
    })
}

/// `fixture` marks the dates expected to be flagged as anachronisms `[1935]` (or as dubious
/// dates `{1937}`, which the anachronism check then leaves alone).
fn check(fixture: &str, expect: Expect) {
    let text = fixture.replace(['[', ']', '{', '}'], "");
    let (marked, notes) = render(&text);
    assert_eq!(marked, fixture, "flagged spans differ");
    expect.assert_eq(&notes);
}

/// Texts that must draw neither an anachronism nor a dubious date.
fn clean(texts: &[&str]) {
    for t in texts {
        assert_eq!(render(t).0, *t, "false alarm");
    }
}

#[test]
fn the_dead_do_not_act() {
    check("In [1935] Lenin praised the Stakhanovite movement.", expect!["Vladimir Lenin died on 21 January 1924 (fact base; essays 000, 001, 002, 003, 004), so cannot have acted in 1935. If you mean a later use of the name, the legacy or the followers, say so. -> "]);
    check("Kirov supported the purge of the army in [1937].", expect!["Sergei Kirov died on 1 December 1934 (fact base; essays 000, 002), so cannot have acted in 1937. If you mean a later use of the name, the legacy or the followers, say so. -> "]);
    check("In [1930], Lenin personally approved the first Five-Year Plan.", expect!["Vladimir Lenin died on 21 January 1924 (fact base; essays 000, 001, 002, 003, 004), so cannot have acted in 1930. If you mean a later use of the name, the legacy or the followers, say so. -> "]);
    check("Lenin praised Stalin in [1930].", expect!["Vladimir Lenin died on 21 January 1924 (fact base; essays 000, 001, 002, 003, 004), so cannot have acted in 1930. If you mean a later use of the name, the legacy or the followers, say so. -> "]);
    check("Trotsky led the Red Army against Hitler in [1941].", expect!["Leon Trotsky died on 21 August 1940 (fact base; essays 000, 001, 002, 003, 004), so cannot have acted in 1941. If you mean a later use of the name, the legacy or the followers, say so. -> "]);
    check("Lenin and Trotsky opposed collectivisation in [1929].", expect!["Vladimir Lenin died on 21 January 1924 (fact base; essays 000, 001, 002, 003, 004), so cannot have acted in 1929. If you mean a later use of the name, the legacy or the followers, say so. -> "]);
    check("In [the 1930s] Lenin wrote about the purges.", expect!["Vladimir Lenin died on 21 January 1924 (fact base; essays 000, 001, 002, 003, 004), so cannot have acted in the 1930s. If you mean a later use of the name, the legacy or the followers, say so. -> "]);
    check("Kamenev attacked Stalin at the Party Congress of [1939].", expect!["Lev Kamenev died on 25 August 1936 (fact base; essays 000, 002, 003, 004), so cannot have acted in 1939. If you mean a later use of the name, the legacy or the followers, say so. -> "]);
}

#[test]
fn the_unborn_and_bodies_outside_their_existence() {
    check("In [1925] the Cheka arrested thousands of priests.", expect!["The Cheka was dissolved on 6 February 1922 (fact base; essays 000, 002, 004), so cannot have acted in 1925; by then it was the OGPU. -> OGPU"]);
    check("In [1910] the NKVD arrested Stalin.", expect!["The NKVD was founded on 10 July 1934 (fact base; essays 000, 002), so cannot have acted in 1910. -> "]);
    check("In [1916] the Politburo decided to seize power.", expect!["The Politburo was founded on 25 March 1919 (fact base; essays 001, 002, 003, 004), so cannot have acted in 1916. -> "]);
    check("In [1870] Stalin joined the Bolsheviks.", expect!["Joseph Stalin was born on 18 December 1878 (fact base; essays 000, 001, 002, 003, 004), so cannot have acted in 1870. -> "]);
}

#[test]
fn a_death_date_is_the_dubious_date_checks_business() {
    check("Lenin died in {1929}.", expect!["Vladimir Lenin died on 21 January 1924 (fact base; essays 000, 001, 002, 003, 004), not 1929. -> 1924"]);
    check("In {1937} Zinoviev confessed at his trial.", expect!["The First Moscow Trial lasted from 19 to 24 August 1936 (fact base; essays 000, 002), not 1937. -> 1936"]);
}

#[test]
fn one_member_of_a_body_acts_after_the_body_is_gone() {
    clean(&[
        // "a Right Bolshevik" is one man of the Right, who outlived its defeat.
        "In 1932 a Right Bolshevik, M.N. Ryutin published an attack on Stalin.",
        "In 1932 a Right Bolshevik, Martemyan Ryutin published an attack on Stalin.",
        "In 1936 an Old Menshevik wrote to Stalin.",
    ]);
    check("In [1932] the Right Opposition published an attack on Stalin.", expect!["The Right Opposition was dissolved in November 1929 (fact base; essays 002, 003), so cannot have acted in 1932. -> "]);
}

#[test]
fn references_to_the_dead_are_not_acts() {
    clean(&[
        "In 1937 Stalin's NKVD claimed to act in Lenin's name.",
        "In 1923 Lenin was too ill to attend the Twelfth Congress.",
        "Lenin's legacy in 1930 was contested.",
        "In 1956 Khrushchev denounced Stalin.",
        "By 1939 Lenin's Politburo had been destroyed.",
        "In 1930 the cult of Lenin was everywhere.",
        "After 1924 Stalin invoked Lenin at every turn.",
        "In 1930 Stalin praised Lenin.",
        "In 1929 Stalin quoted Lenin to attack Bukharin.",
        "In 1938 Bukharin quoted Lenin at his trial.",
        "In 1937 Stalin attacked the memory of Kirov.",
        "Lenin's ideas inspired Mao in 1949.",
        "Lenin's body, embalmed in 1924, still lies in the mausoleum.",
        "In 1961 Stalin's body was removed from the mausoleum.",
        "In 1930 Lenin's mausoleum was rebuilt in stone.",
        "Trotsky's followers continued to agitate in 1945.",
        "In 1935 Kirov's murderers were tried.",
        "In 1937 Lenin's old comrades were shot.",
        "Stalin in 1936 claimed to be Lenin's heir.",
        "Lenin remained a hero in 1930s propaganda.",
        "Lenin inspired the Bolsheviks long after his death in 1924.",
    ]);
}

#[test]
fn passives_states_and_perfects_are_not_acts() {
    clean(&[
        "In 1956 Stalin was denounced.",
        "Even in 1937 Lenin was revered.",
        "In 1930 Lenin was embalmed and displayed.",
        "In 1988 Bukharin was rehabilitated.",
        "By 1930 Lenin had been dead for six years.",
        "By 1940 Trotsky had been murdered.",
        "In 1938 Bukharin was shot.",
        "In 1935 Stalin claimed that Lenin had always trusted him.",
        "In 1956 Khrushchev argued that Lenin had warned against Stalin.",
        "In 1928 Stalin abandoned the NEP that Lenin had introduced.",
    ]);
}

#[test]
fn dates_that_belong_to_another_verb_or_name() {
    clean(&[
        "The policy Lenin introduced was abandoned in 1928.",
        "Stalin claimed in 1930 that Lenin wanted collectivisation.",
        "In 1917 Lenin applied what Marx predicted.",
        "Stalin, like Lenin in 1918, used terror in 1937.",
        "Stalin, like Lenin before him, used terror in 1937.",
        "Lenin set the precedent that Stalin followed in 1937.",
        "Lenin warned that Stalin would abuse his power after 1924.",
        "Lenin had warned in 1922 that Stalin was too rude, but by 1929 Stalin ruled alone.",
        "Zinoviev and Kamenev, executed in 1936, had opposed Lenin in 1917.",
        "In 1937 Trotsky wrote from exile that Stalin had betrayed the revolution.",
        "Trotsky opposed Stalin from exile until 1940.",
        "In 1931 Stalin, following Lenin, attacked the kulaks.",
        "In 1937 Stalin, not Lenin, ordered the purges.",
        "Kirov was murdered in 1934 and Stalin purged the army in 1937.",
        "In 1924 Lenin died and Stalin took over.",
        "Lenin, who died in 1924, never saw collectivisation.",
        "The Constituent Assembly was convened after the February Revolution of 1917.",
    ]);
}

#[test]
fn conditions_questions_and_quotations() {
    clean(&[
        "Had Lenin lived until 1930, he would have opposed collectivisation.",
        "If Lenin had lived in 1930, he would have opposed collectivisation.",
        "Would Lenin have approved of collectivisation in 1930?",
        "Marx would have condemned Stalin's purges of 1937.",
        "\"In 1935 Lenin's ideas triumphed,\" Stalin declared.",
        "In 1935 Stalin declared: \"Lenin taught us to be vigilant.\"",
    ]);
}

#[test]
fn an_aside_between_the_agent_and_its_verb() {
    check("Kirov, who had run the Leningrad party since 1926, signed the order for the arrests in [May 1937].", expect!["Sergei Kirov died on 1 December 1934 (fact base; essays 000, 002), so cannot have acted in May 1937. If you mean a later use of the name, the legacy or the followers, say so. -> "]);
    check("Martov, the Menshevik leader, protested against the trial in [1928].", expect!["Julius Martov died on 4 April 1923 (fact base: Standard reference works; the essays mention the Mensheviks but not Martov), so cannot have acted in 1928. If you mean a later use of the name, the legacy or the followers, say so. -> "]);
    check("In the spring of 1930 Stalin attacked the kulaks. Martov, an old enemy of Lenin, denounced the campaign in [1930].", expect!["Julius Martov died on 4 April 1923 (fact base: Standard reference works; the essays mention the Mensheviks but not Martov), so cannot have acted in 1930. If you mean a later use of the name, the legacy or the followers, say so. -> "]);
}

#[test]
fn asides_that_leave_the_dead_silent() {
    clean(&[
        "Kirov, who was murdered in 1934, inspired the purges of 1937.",
        "Kirov, who had been dead since 1934, was blamed for the plot in 1937.",
        "Kirov, who had run the Leningrad party since 1926, was popular with the delegates in 1934.",
        "Lenin, the founder of the party, would have opposed the purges of 1937.",
        "Zinoviev, whom Stalin destroyed in 1936, had once led the Leningrad party.",
        "Lenin, the man who made the revolution, was embalmed in 1924.",
        "Martov, the Menshevik leader, had warned in 1918 that the terror would devour the party.",
        "Trotsky, the founder of the Red Army, was murdered in Mexico in 1940.",
        "Stalin, who had outlived Lenin by thirty years, died in 1953.",
        "Kirov, a popular leader, was shot in Leningrad in December 1934.",
        "Lenin, the leader of the revolution, and Trotsky, its organiser, were both dead by 1941.",
    ]);
}

#[test]
fn a_condition_or_negation_in_a_later_phrase() {
    check("In [1936] Dzerzhinsky interrogated the defendants himself, promising to spare them if they confessed.", expect!["Felix Dzerzhinsky died on 20 July 1926 (fact base: Standard reference works; not named in the essays), so cannot have acted in 1936. If you mean a later use of the name, the legacy or the followers, say so. -> "]);
    check("In [1938] Ordzhonikidze shielded his engineers from the NKVD, though he could not protect them all.", expect!["Sergo Ordzhonikidze died on 18 February 1937 (fact base; essays 002, 004), so cannot have acted in 1938. If you mean a later use of the name, the legacy or the followers, say so. -> "]);
}

#[test]
fn conditions_that_still_make_the_date_imagined() {
    clean(&[
        "If Lenin had lived, in 1930 he would have opposed collectivisation.",
        "Lenin, if he had lived, would have opposed the purges in 1937.",
        "Had Lenin lived until 1930, he could not have stopped Stalin.",
        "In 1930 Lenin could not have approved of collectivisation.",
        "In 1936 Dzerzhinsky would have interrogated them himself, if he had lived.",
        "Would Kirov have signed the order in 1937, had he lived?",
        "Lenin opposed collectivisation in 1930 if we believe Trotsky's account.",
    ]);
}

#[test]
fn a_when_clause_dates_the_main_clause() {
    check("Kamenev voted for the new constitution when the Congress of Soviets adopted it in [December 1936].", expect!["Lev Kamenev died on 25 August 1936 (fact base; essays 000, 002, 003, 004), so cannot have acted in December 1936. If you mean a later use of the name, the legacy or the followers, say so. -> "]);
}

#[test]
fn when_clauses_that_leave_the_dead_silent() {
    clean(&[
        "Lenin was already dead when the Congress of Soviets adopted the constitution in 1936.",
        "Kamenev had been shot when the Congress of Soviets adopted the constitution in December 1936.",
        "Kamenev was shot months before the Congress of Soviets adopted the constitution in December 1936.",
        "Lenin's warnings were forgotten when the Congress of Soviets met in 1936.",
        "Kamenev voted for the constitution in 1924, when the Congress of Soviets adopted the first one.",
        "In 1924 Kamenev voted for the constitution when the Congress of Soviets adopted it in 1936.",
        "Stalin spoke when the Congress of Soviets adopted the constitution in December 1936.",
        "Kamenev, who had voted for the constitution of 1924, was shot before the Congress of Soviets met in 1936.",
    ]);
}

#[test]
fn a_leader_acts_while_those_led_act() {
    check("Frunze commanded the army that crossed into eastern Poland in [September 1939].", expect!["Mikhail Frunze died on 31 October 1925 (fact base: Standard reference works; not named in the essays), so cannot have acted in September 1939. If you mean a later use of the name, the legacy or the followers, say so. -> "]);
    check("Marshal Tukhachevsky led the counter-offensive that drove the Germans back from Moscow in [December 1941].", expect!["Mikhail Tukhachevsky died on 12 June 1937 (fact base; essay 002), so cannot have acted in December 1941. If you mean a later use of the name, the legacy or the followers, say so. -> "]);
}

#[test]
fn what_the_dead_founded_or_led_before_may_act_later() {
    clean(&[
        "Lenin founded the party that destroyed his comrades in 1937.",
        "Lenin created the Cheka, whose heirs arrested thousands in 1937.",
        "Lenin created the party which ruled Russia in 1937.",
        "Lenin led the revolution that Stalin betrayed in 1937.",
        "Trotsky led the Red Army, which invaded Finland in 1939.",
        "Frunze led the army that later crossed into Poland in 1939.",
        "Frunze commanded the army that crossed into Poland much later, in 1939.",
        "Lenin led the party that took power in 1917.",
        "Trotsky built the army that won the Second World War in 1945.",
        "Lenin headed the government which Stalin transformed in 1930.",
    ]);
}

#[test]
fn places_under_names_they_did_not_yet_bear() {
    check("Stalin organised the defence of [Stalingrad] in 1918.", expect!["The name Stalingrad was given on 10 April 1925 (fact base: Stephen Kotkin, Stalin: Paradoxes of Power, 1878-1928 (2014); Antony Beevor, Stalingrad (1998); decree of the Presidium of the Central Executive Committee of the USSR, 10 April 1925), so it does not fit 1918; in 1918 it was Tsaritsyn. -> Tsaritsyn"]);
    check("In 1920 Zinoviev was the party boss in [Leningrad].", expect!["The name Leningrad was given on 26 January 1924 (fact base; essays 000, 002), so it does not fit 1920. -> "]);
    check("Stalin's quarrel with Trotsky at [Stalingrad] (1918) began their feud.", expect!["The name Stalingrad was given on 10 April 1925 (fact base: Stephen Kotkin, Stalin: Paradoxes of Power, 1878-1928 (2014); Antony Beevor, Stalingrad (1998); decree of the Presidium of the Central Executive Committee of the USSR, 10 April 1925), so it does not fit 1918; in 1918 it was Tsaritsyn. -> Tsaritsyn"]);
}

#[test]
fn place_names_used_in_their_time_or_with_their_history() {
    clean(&[
        "In 1918 Stalin defended Tsaritsyn, which was renamed Stalingrad in 1925.",
        "Stalin's defence of Tsaritsyn (later Stalingrad) in 1918 became a legend.",
        "In 1918 Stalin was sent to Tsaritsyn, the future Stalingrad.",
        "In 1918 Stalin fought at the city now called Volgograd.",
        "The battle of Stalingrad in 1942 turned the war.",
        "The Germans reached Stalingrad in August 1942.",
        "Lenin was born in Simbirsk in 1870.",
        "Lenin was born in Ulyanovsk in 1870.",
        "In 1917 the Bolsheviks seized power in Petrograd.",
        "In 1905 the workers of St Petersburg formed a soviet.",
        "The Stalingrad tractor works, built in 1930, made tanks in the war.",
        "In 1912 Stalin travelled through the Leningrad region.",
        "In 1918 Stalin held Tsaritsyn; in 1942 the Red Army held Stalingrad.",
        "Stalin was at Tsaritsyn in 1918, the city that was to bear his name.",
        "Beevor's Stalingrad (1998) tells the story of the battle.",
        "In 1918 Stalin held the city on the Volga that would later be called Stalingrad.",
        "Trotsky was deported to Alma-Ata in 1928.",
        "Stalingrad, as Tsaritsyn was called from 1925, was the scene of Stalin's first quarrel with Trotsky in 1918.",
        "\"Stalingrad\" was what Stalin's admirers called his defence of the city in 1918.",
    ]);
}
