//! The dubious-date check on a homecoming from abroad ("returned to Russia"), judged only for a
//! person whose returns the data promises complete, and on which record a wrong date is taken
//! for: one whose month and day it shares, a year out, before a nearer one in another month.

use expect_test::expect;

use super::tests::{check, clean};

#[test]
fn a_return_from_abroad_is_judged_against_every_recorded_return() {
    check(
        "Lenin returned to Russia in [1916].",
        expect!["Vladimir Lenin's returns are dated September 1895; November 1905 (Petrograd); from 27 March 1917 to 3 April 1917 (Lenin's return to Russia in 1917) and from September 1917 to October 1917 (Petrograd) (fact base; essays 000, 001, 002, 003, 004), not 1916. -> 1917"],
    );
    check(
        "Lenin returned from abroad in [1899].",
        expect!["Vladimir Lenin's returns are dated September 1895; November 1905 (Petrograd); from 27 March 1917 to 3 April 1917 (Lenin's return to Russia in 1917) and from September 1917 to October 1917 (Petrograd) (fact base; essays 000, 001, 002, 003, 004), not 1899. -> 1895"],
    );
}

#[test]
fn a_date_a_year_out_in_the_same_month_is_fixed_to_that_record() {
    // October 1917 is nearer, but April is the month the student had in mind.
    check(
        "Lenin returned to Russia in [April 1918].",
        expect!["Vladimir Lenin's returns are dated September 1895; November 1905 (Petrograd); from 27 March 1917 to 3 April 1917 (Lenin's return to Russia in 1917) and from September 1917 to October 1917 (Petrograd) (fact base; essays 000, 001, 002, 003, 004), not April 1918. -> April 1917"],
    );
}

#[test]
fn returns_that_are_not_homecomings_or_not_promised_complete_are_left_alone() {
    clean(&[
        // Every recorded return.
        "Lenin returned to Russia in April 1917.",
        "Lenin returned to Russia in November 1905.",
        "Lenin returned to Russia in October 1917, crossing from Finland in disguise.",
        // A journey back within the country, or to a question, is no homecoming.
        "Lenin returned to Moscow in 1920.",
        "In 1921 Lenin returned to the question of the trade unions.",
        "Lenin returned from exile in 1900.",
        // Trotsky's returns are not promised complete.
        "Trotsky returned to Russia in May 1918.",
        // The return of someone the base does not know.
        "Radek's friend Fyodor returned to Russia in 1920.",
    ]);
}
