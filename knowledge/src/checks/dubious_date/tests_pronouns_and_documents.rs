//! The dubious-date check on a sentence whose person is a "he" or "she" standing for the one
//! person the sentence before named as its subject (when no one else came in, as "his wife"
//! does), and on documents dated by the cue that makes them: a treaty signed, an order issued.

use expect_test::expect;

use super::tests::{check, clean};

#[test]
fn a_pronoun_alone_stands_for_the_subject_before() {
    check(
        "Stalin rose quickly. He became General Secretary in [1920].",
        expect!["Joseph Stalin became General Secretary on 3 April 1922 (fact base; essays 000, 001, 002, 003, 004), not 1920. -> 1922"],
    );
    check(
        "Lenin returned to Russia in April 1917. He suffered his first stroke at Gorki in [May 1921].",
        expect!["Vladimir Lenin's first stroke is dated May 1922 (Gorki) (fact base; essays 000, 001, 002, 003, 004), not May 1921. -> May 1922"],
    );
}

#[test]
fn a_pronoun_that_may_stand_for_someone_else_is_left_alone() {
    clean(&[
        // A person the base does not know is named beside the subject.
        "Stalin talked with Sholokhov in 1933. He died in 1984.",
        // The person named before is no subject, or not the only one.
        "Lenin's brother Sasha plotted against the tsar. He was hanged in May 1887.",
        "After Kirov's murder the arrests began. He was shot in 1937.",
        "Stalin and Trotsky quarrelled in 1923. He was exiled in 1929.",
        // What "he" did is no fact the base dates.
        "Stalin read the letter. He became angry in 1923.",
        // "His wife", "his brother" bring in someone else, whom the next "she" or "he" means.
        "Stalin ruled alone after 1929. His wife shot herself in the Kremlin. She died in Moscow in November 1932.",
        "Lenin returned to Russia in April 1917. His brother Alexander plotted to kill the tsar. He was hanged in St Petersburg in May 1887.",
        "Stalin quarrelled with his wife in the Kremlin. She died in Moscow in November 1932.",
        // True dates.
        "Kirov was popular in Leningrad. He was murdered on 1 December 1934.",
        "Yezhov rose fast. He was arrested in April 1939 and shot in February 1940.",
    ]);
}

#[test]
fn a_treaty_signed_and_an_order_issued() {
    check(
        "The Nazi-Soviet Pact was signed in [August 1938]. Order No. 00447 was issued in [July 1938].",
        expect![[r#"
            The Molotov-Ribbentrop Pact was signed on 23 August 1939 (fact base: Treaty of Non-Aggression between Germany and the USSR and Secret Additional Protocol, 23 August 1939; Roger Moorhouse, The Devils' Alliance (2014); Stephen Kotkin, Stalin: Waiting for Hitler (2017)), not August 1938. -> August 1939
            The NKVD Order No. 00447 was issued on 30 July 1937 (fact base; essay 002), not July 1938. -> July 1937"#]],
    );
    clean(&[
        "The Nazi-Soviet Pact was signed in August 1939, and Order No. 00447 was issued in July 1937.",
        "Molotov signed the pact with Ribbentrop on 23 August 1939.",
        // A text may be published long after it was written.
        "Lenin's Testament was published in 1956, long after it was written.",
        "The Stalin Constitution was published in draft in June 1936.",
    ]);
}
