//! Tests of `misspelled-name`: near misses it must flag, and the many words it must not.
use expect_test::{expect, Expect};

use crate::analysis::analyze_block;
use crate::checks::testing::{kb, marked_with_notes};
use crate::{Code, Config};

fn render(text: &str, config: &Config) -> String {
    marked_with_notes(text, config, |f| (f.code == Code::MisspelledName).then_some(("[", "]")))
}

/// Marks each flagged word with `[..]` and lists messages and fixes.
fn check(text: &str, expect: Expect) {
    expect.assert_eq(&render(text, &Config::default()));
}

/// Texts that must draw no spelling finding at all.
fn clean(texts: &[&str]) {
    for t in texts {
        assert_eq!(render(t, &Config::default()), *t, "false alarm");
    }
}

#[test]
fn flags_near_misses() {
    check(
        "Trotksy fled. Zinoniev and Bukarin fell. Stallin won. Kronstat rose. Bukhrin wrote.",
        expect![[r#"
            [Trotksy] fled. [Zinoniev] and [Bukarin] fell. [Stallin] won. [Kronstat] rose. [Bukhrin] wrote.
            “Trotksy” looks like a misspelling of Trotsky (Leon Trotsky) -> Trotsky
            “Zinoniev” looks like a misspelling of Zinoviev (Grigory Zinoviev) -> Zinoviev
            “Bukarin” looks like a misspelling of Bukharin (Nikolai Bukharin) -> Bukharin
            “Stallin” looks like a misspelling of Stalin (Joseph Stalin) -> Stalin
            “Kronstat” looks like a misspelling of Kronstadt -> Kronstadt
            “Bukhrin” looks like a misspelling of Bukharin (Nikolai Bukharin) -> Bukharin"#]],
    );
    check(
        "The Krondstadt sailors rose. Tomskey and Kamaney were Old Bolsheviks. Trotksy's army won.",
        expect![[r#"
            The [Krondstadt] sailors rose. [Tomskey] and [Kamaney] were Old Bolsheviks. [Trotksy]'s army won.
            “Krondstadt” looks like a misspelling of Kronstadt -> Kronstadt
            “Tomskey” looks like a misspelling of Tomsky (Mikhail Tomsky) -> Tomsky
            “Kamaney” looks like a misspelling of Kamenev (Lev Kamenev) -> Kamenev
            “Trotksy” looks like a misspelling of Trotsky (Leon Trotsky) -> Trotsky"#]],
    );
}

#[test]
fn never_flags_words_or_lookalikes() {
    clean(&[
        "Lenin took a linen coat; Stalin had a stain on his.",
        "The police would check the papers of every traveller.",
        "Check the Cheka files. Stain remover. Linen sheets.",
        "Mark the date: the kulak was named an enemy.",
        "Berlin fell in 1945 and Beria was shot in 1953.",
        "Run for the hills, said Kun.",
        "Trotskii, Zinovyev, Kaganovitch and Tukhachevski are accepted spellings.",
        "Trotsky, Zinoviev and Kamenev lost in turn.",
        // A word beside a capitalised word the base does not know is part of a name it
        // does not know.
        "He moved to the Avenida Viena, and Konstantine Petrov was the party organiser.",
        // A given name alone names nobody: "Maximilien" beside another surname is no
        // Maximilian Hoffmann.
        "Maximilien Robespierre had set the example.",
        // Transliterations share a skeleton with the base's spelling.
        "The Antonovschina was crushed, and the Politbiuro met under Tsar Nicolai's portrait.",
        "Leninist and Stalinist ideas; Leninism and Stalinism; the Trotskyists and Zinovievites.",
        "The Kronstadters and the Petrograders rose; Raspoutin and Alexi are French and short forms.",
        "Labour camps, the Centre and Organisation were British spellings.",
        "The USSR, the NKVD and the OGPU were acronyms.",
        "Vladimir Ilyich Lenin wrote What Is To Be Done.",
        // Names of people the base does not know, and forms derived from known names.
        "Moshe Lewin and Sheila Fitzpatrick, Figes, Getty, Volkogonov and Kotkin wrote on Stalin.",
        "Kolchak, Denikin, Wrangel and Yudenich fought the Reds; Kerensky and Kornilov fell.",
        "Zinovieva, Kameneva, Tomskaya and Trotskaya were their wives; Yagodina his daughter.",
        "Stalino, Molotovsk, Kuibyshevsk and Zinovievsk were renamed towns.",
        "Kaganovicha and Alliluyev are grammatical forms; Nikolaevich is a patronymic.",
        "Frunze, Kalinin, Mikoyan, Zhdanov, Kosior, Postyshev, Rudzutak and Yenukidze served Stalin.",
        "Tiflis, Gori, Baku, Tsaritsyn, Perm, Omsk and Kazan were cities.",
    ]);
}

#[test]
fn given_names_beside_their_surname() {
    check(
        "Alexsei Grigoryevich Stakhanov cut coal; Iosef Vissarionovich was his hero.",
        expect![[r#"
            [Alexsei] Grigoryevich Stakhanov cut coal; [Iosef] Vissarionovich was his hero.
            “Alexsei” looks like a misspelling of Alexei (Alexei Stakhanov) -> Alexei
            “Iosef” looks like a misspelling of Iosif (Joseph Stalin) -> Iosif"#]],
    );
}

#[test]
fn more_near_misses() {
    check(
        "Lennin, Khruschev, Kruschev, Dzerjinsky, Tukachevsky, Bolshevicks, Trotzky, Rikov and Radeck; Brest-Litovks.",
        expect![[r#"
            [Lennin], [Khruschev], [Kruschev], [Dzerjinsky], [Tukachevsky], [Bolshevicks], Trotzky, Rikov and Radeck; Brest-[Litovks].
            “Lennin” looks like a misspelling of Lenin (Vladimir Lenin) -> Lenin
            “Khruschev” looks like a misspelling of Khrushchev (Nikita Khrushchev) -> Khrushchev
            “Kruschev” looks like a misspelling of Khrushchev (Nikita Khrushchev) -> Khrushchev
            “Dzerjinsky” looks like a misspelling of Dzerzhinsky (Felix Dzerzhinsky) -> Dzerzhinsky
            “Tukachevsky” looks like a misspelling of Tukhachevsky (Mikhail Tukhachevsky) -> Tukhachevsky
            “Bolshevicks” looks like a misspelling of Bolsheviks (Bolshevik Party) -> Bolsheviks
            “Litovks” looks like a misspelling of Litovsk (Treaties of Brest-Litovsk) -> Litovsk"#]],
    );
}

#[test]
fn real_names_only_when_the_sentence_ties_them() {
    // Real surnames the base does not know are somebody else's.
    clean(&[
        "Yakir, Uborevich, Kork, Eideman, Feldman and Primakov were shot with him.",
        "Stalin and Ezhov set quotas that were overfulfilled (Junge and Binner, 2003).",
        "Stakhanov was the model that Ulbricht held up to East German workers.",
        "Kamenov was a Bulgarian name.",
        "Nikolai Mikhailov edited the paper, and Alexander Yakovlev wrote on it later.",
        // After a given name that is not the known person's, a surname is someone else's.
        "Evgeny Dobrenko wrote on Stalinist culture; Yevgeny Dobrenko's book followed.",
        "Ivan Bukarin and Pyotr Trotskov are invented people, not slips for the Bolsheviks.",
    ]);
    // The person's own given name, in any spelling, still marks a slip.
    check(
        "Pavel Dybenkko led the sailors; Nikolay Bukarin wrote; Lev Trotksy fled.",
        expect![[r#"
            Pavel [Dybenkko] led the sailors; Nikolay [Bukarin] wrote; Lev [Trotksy] fled.
            “Dybenkko” looks like a misspelling of Dybenko (Pavel Dybenko) -> Dybenko
            “Bukarin” looks like a misspelling of Bukharin (Nikolai Bukharin) -> Bukharin
            “Trotksy” looks like a misspelling of Trotsky (Leon Trotsky) -> Trotsky"#]],
    );
    // Beside a person tied to the known one, or after more of his name, it is a slip.
    check(
        "Zinoviev and Kamenov lost. Andrei Zhadnov ran Leningrad.",
        expect![[r#"
            Zinoviev and [Kamenov] lost. Andrei [Zhadnov] ran Leningrad.
            “Kamenov” looks like a misspelling of Kamenev (Lev Kamenev) -> Kamenev
            “Zhadnov” looks like a misspelling of Zhdanov (Andrei Zhdanov) -> Zhdanov"#]],
    );
}

#[test]
fn respects_the_ignore_list() {
    let mut config = Config::default();
    config.ignore_words.insert("trotksy".into());
    assert_eq!(render("Trotksy fled.", &config), "Trotksy fled.");
    config.ignore_words.insert("krondstadt".into());
    assert_eq!(render("The Krondstadt rebellion.", &config), "The Krondstadt rebellion.");
}

#[test]
fn sets_the_word_for_the_ignore_list() {
    let res = analyze_block(kb(), "Bukarin wrote.", &Config::default());
    let f = res.findings.iter().find(|f| f.code == Code::MisspelledName).expect("a finding");
    assert_eq!(f.word.as_deref(), Some("Bukarin"));
}

#[test]
fn a_spelling_offered_beside_the_name_is_a_variant() {
    clean(&[
        "He was born in Yanovka or Yanivka, in the Kherson governorate.",
        "He was born in Yanovka (Yanivka), in the Kherson governorate.",
        "He was born in Yanivka (or Yanovka) near Kherson.",
        "The farm at Yanovka/Yanivka was his father's.",
    ]);
    // Another name of the person offered with "or" is no spelling of the name corrected to.
    check(
        "Joseph Stalin or Iosef Vissarionovich Dzhugashvili was born in Gori.",
        expect![[r#"
        Joseph Stalin or [Iosef] Vissarionovich Dzhugashvili was born in Gori.
        “Iosef” looks like a misspelling of Iosif (Joseph Stalin) -> Iosif"#]],
    );
    // Joined by "and", or further away, a slip is still a slip.
    check(
        "Bukharin and Bukarin wrote. Bukharin wrote it, Kamenev read it, and Bukarin signed.",
        expect![[r#"
            Bukharin and [Bukarin] wrote. Bukharin wrote it, Kamenev read it, and [Bukarin] signed.
            “Bukarin” looks like a misspelling of Bukharin (Nikolai Bukharin) -> Bukharin
            “Bukarin” looks like a misspelling of Bukharin (Nikolai Bukharin) -> Bukharin"#]],
    );
}

#[test]
fn places_named_after_a_family_and_towns_like_a_common_noun() {
    // A "-ka" place made from a surname (a prison, a village, a street) is no slip of the
    // surname, and a capitalised word inside a sentence is no slip of a common noun the data
    // writes in lower case.
    clean(&[
        "He was held at the Sukhanovka prison outside Moscow and questioned there for weeks.",
        "The family lived on the Petrovka for a while before the war.",
        "After a second arrest he spent some months of exile in Kustanai in 1932.",
        "Exiles were sent to Kustanai, Turgai and other steppe towns.",
    ]);
    // A slip of a name is still one.
    check(
        "He was held at the Sukhanovka prison; Sukhannov wrote the notes.",
        expect![[r#"
            He was held at the Sukhanovka prison; [Sukhannov] wrote the notes.
            “Sukhannov” looks like a misspelling of Sukhanov (Nikolai Sukhanov) -> Sukhanov"#]],
    );
}

#[test]
fn a_name_the_writer_gives_is_no_slip() {
    clean(&[
        "The boy Vladimir, called Volodya in the family, was the third child.",
        "His comrades knew him by a pet name; he was known as Volodya at home.",
        "Trotsky's son, nicknamed Lyova, ran the Bulletin in Paris.",
    ]);
}
