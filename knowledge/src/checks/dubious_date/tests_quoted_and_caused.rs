//! The dubious-date check on a quoted event name and on an act that another verb caused, the
//! way published prose writes them, flagged and clean.

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
