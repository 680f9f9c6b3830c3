//! Tests of `identity`: numbers that share a figure's topic but count another quantity stay
//! silent, and numbers that do pin the figure down are still judged.

use super::tests::{clean, flagged};

#[test]
fn a_tally_needs_its_period() {
    clean(&[
        // No period: the 1921-53 totals are not what these count.
        "Of those condemned, some 750,000 were sentenced to ten years in the Gulag camps.",
        "Around 3 million were shot, one list of questions claimed.",
        // "By" a date: only the part of the period that had passed.
        "By 30 September 1937, 143,000 of those arrested had already been condemned.",
    ]);
    flagged(&["In 1937-38 the NKVD convicted 134,492 people, and most were shot."]);
}

#[test]
fn another_ordinal_another_trial() {
    clean(&["The second Moscow trial had 17 defendants; the third, in March 1938, had 21."]);
    flagged(&["The third Moscow trial, in March 1938, put 12 defendants in the dock."]);
}

#[test]
fn a_plan_is_not_an_outcome() {
    clean(&[
        "These were the targets: raise industrial production by 55 per cent, and more.",
        "The order said 75,900 of them should be arrested and shot at once.",
        "By the autumn 248,000 people had been arrested under the order.",
    ]);
}

#[test]
fn another_body_another_share() {
    clean(&[
        "The Bolsheviks got as little as 23.9% of votes and the SRs about 40%.",
        "With the Left SRs they had 30 percent of the delegates to the Constituent Assembly.",
    ]);
    flagged(&["In November 1917 the Bolsheviks won about 54 per cent of the vote."]);
}

#[test]
fn a_date_after_the_number_is_its_own() {
    clean(&["Cattle fell from about 70 million in 1929 to 38 million in 1933."]);
    flagged(&["Cattle fell to about 18 million in 1933 as peasants slaughtered them."]);
}

#[test]
fn a_restated_group_is_not_a_new_count() {
    clean(&["Tukhachevsky was tried with seven other commanders, and all eight were shot."]);
    flagged(&["At the first Moscow trial in August 1936, all 26 defendants were shot."]);
}

#[test]
fn a_statistic_the_base_holds_is_quoted_not_wrong() {
    clean(&["Estimates of the number of deaths linked to the Great Purge range from the official figure of 681,692 to nearly 2 million."]);
}
