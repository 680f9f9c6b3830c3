//! The dubious-date check on names as published prose writes them (quoted, with their body
//! after "of", after "his" for the one person meant) and on an act that another verb caused,
//! flagged and clean.

use expect_test::expect;

use super::tests::{check, clean};

#[test]
fn a_quoted_name_is_tied_to_its_date_through_its_quotation_marks() {
    check("Lenin returned to Russia in the 'sealed train' in [April 1918].", expect!["Lenin's return to Russia in 1917 lasted from 27 March 1917 to 3 April 1917 (fact base: Robert Service, Lenin: A Biography (2000); Orlando Figes, A People's Tragedy (1996)), not April 1918. -> April 1917"]);
    check("The 'Secret Speech' of [1957] shocked the delegates.", expect!["The Secret Speech took place on 25 February 1956 (fact base: Khrushchev's report 'On the Cult of Personality and Its Consequences', 25 February 1956), not 1957. -> 1956"]);
    check("In [1957] the \"Secret Speech\" shocked the delegates.", expect!["The Secret Speech took place on 25 February 1956 (fact base: Khrushchev's report 'On the Cult of Personality and Its Consequences', 25 February 1956), not 1957. -> 1956"]);
    clean(&[
        "Lenin returned to Russia in the 'sealed train' in April 1917.",
        "The 'Secret Speech' of 1956 shocked the delegates.",
        // A quotation that goes on past the name is a quotation, not a quoted name.
        "He called it 'the sealed train of history' in 1935.",
        // The date belongs to the verb after the quoted name, not to the name.
        "The 'Secret Speech' was printed in the West in 1957.",
        "Historians first read the 'Secret Speech' in 1989.",
    ]);
}

#[test]
fn an_act_forced_on_someone_is_dated_by_the_forcing() {
    check("In [March 1916], riots and rebellions forced Nicholas II to abdicate as Tsar of Russia.", expect!["The February Revolution lasted from 23 February 1917 to 2 March 1917 (fact base; essay 002), not March 1916. -> March 1917"]);
    clean(&[
        "In March 1917, riots and rebellions forced Nicholas II to abdicate as Tsar of Russia.",
        // Urging or ordering is not the act: it may come later, or never.
        "In 1916 Rasputin's enemies urged Nicholas II to abdicate.",
        "In 1916 the Duma leaders wanted Nicholas II to abdicate.",
        // The forced act is another; the abdication is in a later clause.
        "In 1915 the war forced Nicholas II to take command, and he would abdicate later.",
    ]);
}

#[test]
fn an_events_body_or_place_after_of_is_part_of_its_name() {
    check("Lenin wanted the testament read out at the XII Party Congress of the Russian Communist Party to be held in [April 1921].", expect!["The Twelfth Party Congress lasted from 17 to 25 April 1923 (fact base; essays 001, 003), not April 1921. -> April 1923"]);
    check("The speech was made to the 20th Congress of the Communist Party of the Soviet Union on [25 February 1953].", expect!["The Twentieth Party Congress lasted from 14 to 25 February 1956 (fact base: 20th Congress of the CPSU, Moscow, 14-25 February 1956), not 25 February 1953. -> 25 February 1956"]);
    clean(&[
        "Lenin wanted the testament read out at the XII Party Congress of the Russian Communist Party to be held in April 1923.",
        "The speech was made to the 20th Congress of the Communist Party of the Soviet Union on 25 February 1956.",
        // The body's own date, after its own verb, is not the congress's.
        "Delegates to the Tenth Congress of the Bolshevik Party, which was renamed in 1925, banned factions.",
        "Stalin spoke at the Seventeenth Congress of the party he had led since 1922.",
    ]);
}

#[test]
fn a_renaming_ends_a_body_only_when_its_successor_is_named() {
    check("The Cheka was renamed the GPU in [1925].", expect!["The Cheka was dissolved on 6 February 1922, succeeded by the GPU (fact base; essays 000, 002, 004), not 1925. -> 1922"]);
    clean(&[
        "The Cheka was renamed the GPU in 1922.",
        // The party took several names; one renaming is not its end.
        "The Bolshevik Party was renamed in 1925.",
        "The Bolshevik Party, which was renamed in 1952, ruled until 1991.",
    ]);
}

#[test]
fn what_was_done_with_an_event_afterwards_dates_only_itself() {
    clean(&[
        "The Secret Speech was published in the West in June 1956.",
        "The Kronstadt rising was commemorated in 1991.",
        "The Kirov murder was used as a pretext for the Terror in 1936.",
    ]);
    check("The Kronstadt rising was crushed in [1923].", expect!["The Kronstadt mutiny lasted from 1 to 18 March 1921 (fact base; essays 000, 001, 004), not 1923. -> 1921"]);
}

#[test]
fn his_and_the_rest_of_a_persons_possessive_name() {
    check("Lenin's April Theses, presented soon after his arrival at the Finland Station on [3 (16) April 1915], called for all power to the soviets.", expect!["Lenin's return to Russia in 1917 lasted from 27 March 1917 to 3 April 1917 (fact base: Robert Service, Lenin: A Biography (2000); Orlando Figes, A People's Tragedy (1996)), not 3 (16) April 1915. -> 3 (16) April 1917"]);
    clean(&[
        "Lenin's April Theses, presented soon after his arrival at the Finland Station on 3 (16) April 1917, called for all power to the soviets.",
        "Lenin arrived from Zurich. His arrival at the Finland Station in April 1917 was a triumph.",
        // Two people before "his": it may mean either.
        "Stalin and Lenin quarrelled after his arrival at the Finland Station in 1915.",
        // Nobody named before it, and no one person before the sentence.
        "After his arrival at the Finland Station in 1915, the crowd cheered.",
    ]);
}
