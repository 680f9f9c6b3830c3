//! Tests of the sentence shapes real prose uses for figures: a count whose noun carries a
//! phrase with another number, "from X to Y", a day without its year, a plan word in a later
//! statement, a part added to a count, and a figure named by its own word ("Holodomor").

use expect_test::expect;

use super::tests::{check_each, clean, flagged};

#[test]
fn a_phrase_about_the_counts_noun_does_not_take_its_verb() {
    check_each(
        &[
            "1,000,000 workers from 58 factories went on strike on 14 February 1917.",
            "Some 900,000 workers from about fifty factories struck on 14 February 1917.",
        ],
        expect![[r#"
            [!1,000,000] workers from 58 factories went on strike on 14 February 1917.
            1,000,000 does not match any figure the fact base has for strikers in Petrograd on 14 February 1917 (14 February 1917): about 84,000–100,000 (Tsuyoshi Hasegawa, The February Revolution: Petrograd, 1917 (1981)). -> 84,000 to 100,000

            Some [!900,000] workers from about fifty factories struck on 14 February 1917.
            900,000 does not match any figure the fact base has for strikers in Petrograd on 14 February 1917 (14 February 1917): about 84,000–100,000 (Tsuyoshi Hasegawa, The February Revolution: Petrograd, 1917 (1981)). -> 84,000 to 100,000"#]],
    );
    clean(&[
        "100,000 workers from 58 factories went on strike on 14 February 1917.",
        "About 84,000 workers from 52 factories struck on 14 February 1917.",
        // The number of factories is not a count of strikers.
        "Workers from 58 factories went on strike on 14 February 1917.",
        // Another day, another strike: the figure is one day's.
        "By 25 February 1917, 240,000 workers were on strike in Petrograd.",
        "In February 1917 some 300,000 workers went on strike in Petrograd.",
        "During the February Revolution 200,000 workers went on strike.",
        // A later statement's plan word says nothing of the count.
        "100,000 workers went on strike on 14 February 1917 and the Duma demanded reforms.",
    ]);
}

#[test]
fn a_day_without_its_year_picks_the_record() {
    check_each(
        &[
            "On 19 September, Stakhanov set a new record by mining 2,270 tonnes of coal in a single shift.",
            "On 31 August, Stakhanov mined 1,020 tonnes of coal in under six hours.",
        ],
        expect![[r#"
            On 19 September, Stakhanov set a new record by mining [!2,270] tonnes of coal in a single shift.
            2,270 does not match any figure the fact base has for Stakhanov's second record output (19 September 1935): 227 (the record as officially announced, 19 September 1935). -> 227

            On 31 August, Stakhanov mined [!1,020] tonnes of coal in under six hours.
            1,020 does not match any figure the fact base has for Stakhanov's record output (31 August 1935): 102 (the record as officially announced, 31 August 1935). -> 102"#]],
    );
    clean(&[
        "On 19 September, Stakhanov set a new record by mining 227 tonnes of coal in a single shift.",
        "On 31 August, Stakhanov mined 102 tonnes of coal in under six hours.",
        // Without a day the two records are both possible: which is meant is in doubt.
        "Stakhanov set a new record by mining 2,270 tonnes of coal in a single shift.",
        // A day of another month rules both records out.
        "On 3 March, Stakhanov mined 2,270 tonnes of coal.",
        // A day without a year ties nothing by itself: 9 January is also Bloody Sunday's day.
        "On 9 January, 20,000 workers went on strike in St Petersburg.",
        "On 14 February, 1,000 students went on strike in Moscow.",
        // "may" is a verb before a number.
        "Stakhanov's team may 10 times have cut more coal than the record says.",
    ]);
}

#[test]
fn from_one_count_to_another() {
    clean(&[
        // Each end of the range is judged with its own date; both are right.
        "The total population of the camps varied from 510,307 (in 1934) to 1,727,970 (in 1953).",
        "The number of prisoners in the camps grew from 510,000 in 1934 to 1.3 million in 1939.",
        // A range of years is no count.
        "The Gulag held its prisoners from 1930 to 1960.",
    ]);
}

#[test]
fn a_part_added_to_a_count() {
    clean(&[
        "14 million people passed through the Gulag labour camps from 1929 to 1953, with a further 6 to 7 million deported, plus 4-5 millions passed through the labour colonies.",
        "Some 18 million passed through the Gulag; another 2 million passed through the special settlements.",
        "Some 18 million people passed through the Gulag.",
        // Other camps are another quantity.
        "Some 1.5 million people passed through the transit camps of the Far East.",
        "In 1937 alone some 700,000 people passed through the Gulag.",
    ]);
    flagged(&["Some 180 million people passed through the Gulag."]);
    check_each(
        &["140 million people passed through the Gulag labour camps from 1929 to 1953."],
        expect![[r#"
            [!140 million] people passed through the Gulag labour camps from 1929 to 1953.
            140 million does not match any figure the fact base has for people who passed through the Gulag, 1929-53 (1929–1953): about 14,000,000–18,000,000 (Anne Applebaum, Gulag: A History (2003)). -> 14 million to 18 million"#]],
    );
}

#[test]
fn a_figure_named_by_its_own_word() {
    check_each(
        &["About 40 million men, women and children are believed to have starved to death during the Holodomor."],
        expect![[r#"
            About [!40 million] men, women and children are believed to have starved to death during the Holodomor.
            40 million does not match any figure the fact base has for deaths in the Holodomor, the famine in Ukraine of 1932-33 (1932–1933): about 3,900,000 (Omelian Rudnytskyi and others, demographic study of the famine in Ukraine (Canadian Studies in Population, 2015)); about 5,000,000 (Robert Conquest); 7,000,000–10,000,000 (Joint statement of 25 UN member states on the Holodomor (2003)). -> 7 million to 10 million"#]],
    );
    clean(&[
        "About 4 million people starved to death during the Holodomor.",
        "Some 7 million people died in the Holodomor, according to the UN statement of 2003.",
        "The Holodomor killed between 3.5 and 5 million people in Ukraine.",
        // The whole Soviet famine is not the Ukrainian one.
        "The famine of 1932-33 killed some 7 million people across the USSR.",
        // Ages, years and page numbers are no counts.
        "Conquest was 69 when he published his book on the Holodomor in 1986, p. 303.",
    ]);
}

#[test]
fn brest_litovsk_in_people_and_marks() {
    check_each(
        &[
            "Brest-Litovsk deprived Lenin's new state of one-third of its population, or 155 million people.",
            "A supplementary protocol signed in August 1918 required Russia to pay Germany war reparations of sixty billion marks.",
        ],
        expect![[r#"
            Brest-Litovsk deprived Lenin's new state of one-third of its population, or [!155 million] people.
            155 million does not match any figure the fact base has for people in the lands lost at Brest-Litovsk (March 1918): about 55,000,000–62,000,000 (John Wheeler-Bennett, Brest-Litovsk: The Forgotten Peace (1938); Richard Pipes, The Russian Revolution (1990)). -> 55 million to 62 million

            A supplementary protocol signed in August 1918 required Russia to pay Germany war reparations of [!sixty billion] marks.
            sixty billion does not match any figure the fact base has for reparations under the supplementary treaty of August 1918 (August 1918): 6,000,000,000 (Russo-German supplementary treaty of 27 August 1918). -> 6 billion"#]],
    );
    clean(&[
        "Brest-Litovsk deprived Lenin's new state of one-third of its population, or 55 million people.",
        "By the Treaty of Brest-Litovsk Russia lost 62 million people.",
        "The treaty took away 34% of the population and 89% of the coal mines.",
        "In August 1918 Russia agreed to pay six billion marks in reparations.",
        // Versailles is another treaty, and other reparations.
        "Germany had to pay 50 billion gold marks in war reparations under the Treaty of Versailles.",
        "In 1921 Germany was told to pay 132 billion marks in reparations.",
        // Soldiers, prisoners and square miles are other quantities.
        "At Brest-Litovsk Russia gave up a million square miles of territory.",
        "After Brest-Litovsk some 2 million prisoners of war came home.",
        "Brest-Litovsk had 50,000 people before the war.",
        "Russia lost 5 million people in the war, and then at Brest-Litovsk a third of its land.",
    ]);
}

#[test]
fn the_anniversary_strike() {
    flagged(&[
        "1,500,000 workers demonstrated in Petrograd on 9 January 1917.",
        "1,500,000 workers demonstrated in Petrograd on 9 January 1917, the 12 year anniversary of Bloody Sunday.",
    ]);
    clean(&[
        "150,000 workers demonstrated in Petrograd on 9 January 1917, the 12 year anniversary of Bloody Sunday.",
        "On 9 January 1905, 150,000 workers marched to the Winter Palace.",
        "On 9 January 1917, 12 factories and 150,000 workers stopped work.",
    ]);
}

#[test]
fn a_count_of_two_acts_together_is_not_a_count_of_one() {
    // "arrested and exiled six times" counts arrests that ended in exile, not every arrest.
    clean(&[
        "From 1902 to 1913 he would be arrested and exiled six times, escaping almost every time.",
        "Before 1914 Stalin was exiled or arrested six times.",
    ]);
    flagged(&["Before 1914 Stalin was arrested twenty times by the Tsarist police."]);
}
