//! The dubious-date check on a title written before a name as its honorific ("Marshal
//! Tukhachevsky", which dates no time he held it) and on several members of a series named with
//! one name and a list of ordinals ("the First, Second and Third Five-Year Plans"), flagged and
//! clean.

use expect_test::expect;

use super::tests::{check, clean};

#[test]
fn a_title_before_the_name_names_the_man() {
    clean(&[
        "Next came the trial of the Red Army commanders, among them Marshal Tukhachevsky (June 1937).",
        "The generals shot with Marshal Tukhachevsky in June 1937 had won the civil war.",
        "In 1941 the Germans found an army without Marshal Tukhachevsky, shot four years before.",
    ]);
    // A title with a verb of appointment still dates the post, and a name's own dates still
    // count.
    check(
        "Tukhachevsky was made Marshal of the Soviet Union in [1933].",
        expect!["Mikhail Tukhachevsky became Marshal of the Soviet Union on 20 November 1935 (fact base; essay 002), not 1933. -> 1935"],
    );
    check(
        "Marshal Tukhachevsky was shot in [1939] after a secret trial.",
        expect!["Mikhail Tukhachevsky's execution is dated 12 June 1937 (fact base; essay 002), not 1939. -> 1937"],
    );
}

#[test]
fn several_members_of_a_series_with_one_name() {
    clean(&[
        "The First, Second, and (shortened) Third Five-Year Plans (1928-32, 1933-37, 1938-41) remade industry.",
        "The first and second Five-Year Plans (1928-32 and 1933-37) put heavy industry first.",
        "Under the 1st, 2nd and 3rd Five-Year Plans (1928-41) the towns grew fast.",
    ]);
    // One member named alone keeps its dates.
    check(
        "The Third Five-Year Plan began in [1928].",
        expect!["The Third Five-Year Plan began in 1938 (fact base: Alec Nove, An Economic History of the USSR (1969); R. W. Davies, M. Harrison and S. G. Wheatcroft (eds), The Economic Transformation of the Soviet Union, 1913-1945 (1994)), not 1928. -> 1938"],
    );
}

#[test]
fn a_life_in_brackets_written_with_full_dates() {
    check(
        "Nikolai Yezhov ([1 May 1895 - 4 February 1941]), also written Ezhov, ran the NKVD.",
        expect!["Nikolai Yezhov lived from 1 May 1895 to 4 February 1940 (fact base; essay 002), not 1 May 1895 - 4 February 1941. -> "],
    );
    check(
        "Grigory Zinoviev, ([September 23, 1883 – August 25, 1938]) was a Bolshevik.",
        expect!["Grigory Zinoviev lived from 23 September 1883 to 25 August 1936 (fact base; essays 000, 002, 003, 004), not September 23, 1883 – August 25, 1938. -> "],
    );
    clean(&[
        "Nikolai Yezhov (1 May 1895 - 4 February 1940) ran the NKVD.",
        "Grigory Zinoviev, (September 23, 1883 – August 25, 1936) was a Bolshevik.",
        // A tenure within the life is no life.
        "Nikolai Yezhov (26 September 1936 – 25 November 1938) ran the NKVD at the height of the Terror.",
    ]);
}

#[test]
fn dates_written_with_abbreviated_months_and_ranges_of_days() {
    check(
        "In [Jan., 1926], Trotsky was exiled to Alma-Ata.",
        expect!["Leon Trotsky's exiles are dated from 17 January 1928 to 22 January 1929 (Trotsky's exile to Alma-Ata) and from February 1929 to 21 August 1940 (fact base; essays 000, 001, 002, 003, 004), not Jan., 1926. -> Jan., 1928"],
    );
    check(
        "The Tenth Congress was held during [March 8–16, 1922] in Moscow.",
        expect!["The Tenth Party Congress lasted from 8 to 16 March 1921 (fact base; essays 001, 002, 004), not March 8–16, 1922. -> March 8–16, 1921"],
    );
    clean(&[
        "In Jan., 1928, Trotsky was exiled to Alma-Ata.",
        "The Tenth Congress was held during March 8–16, 1921 in Moscow.",
        "On Aug. 20, 1940, Trotsky was struck down by Ramón Mercader.",
    ]);
}

#[test]
fn a_date_put_before_or_after_the_fact_is_not_its_own() {
    clean(&[
        "In 1869, the year before Lenin's birth, his father became inspector of schools.",
        "In 1936, two years after Kirov's murder, the first show trial opened in Moscow.",
        "By 1926, after Lenin's death, the triumvirate had broken up.",
    ]);
    // The fact's own date is still judged, and "after" that leads elsewhere leaves the date to
    // the fact.
    check("Lenin was born in [1871], two years after his father became an inspector.", expect!["Vladimir Lenin was born on 22 April 1870 (fact base; essays 000, 001, 002, 003, 004), not 1871. -> 1870"]);
    check(
        "In [1930], after years of civil war and peasant revolt, Lenin introduced the New Economic Policy.",
        expect!["The New Economic Policy began in March 1921 (fact base; essays 000, 001, 002, 003, 004), not 1930. -> 1921"],
    );
}
