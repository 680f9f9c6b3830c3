//! The dubious-date check on sentences as students write them, flagged and clean.

use expect_test::{expect, Expect};

use crate::checks::testing::marked;
use crate::{Code, Config, Severity};

/// The text with each dubious date marked `[..]` (`[?..]` when sources disagree), and the
/// messages with their fixes.
pub(super) fn render(text: &str) -> (String, String) {
    marked(text, &Config::default(), |f| match (f.code, f.severity) {
        (Code::DubiousDate, Severity::Information) => Some(("[?", "]")),
        (Code::DubiousDate, _) => Some(("[", "]")),
        _ => None,
    })
}

/// `fixture` marks the dates expected to be flagged: `[1931]`, or `[?1879]` when the date is
/// an essay's recorded variant. The messages and fixes are compared with `expect`.
pub(super) fn check(fixture: &str, expect: Expect) {
    let text = fixture.replace("[?", "").replace(['[', ']'], "");
    let (marked, notes) = render(&text);
    assert_eq!(marked, fixture, "flagged spans differ");
    expect.assert_eq(&notes);
}

/// Texts that must draw no dubious-date finding.
pub(super) fn clean(texts: &[&str]) {
    for t in texts {
        assert_eq!(render(t).0, *t, "false alarm");
    }
}

#[test]
fn dev_set_errors() {
    check("Stalin's opponent Kirov was murdered in [1931].", expect!["Sergei Kirov was assassinated on 1 December 1934 (fact base; essays 000, 002), not 1931. -> 1934"]);
    check("The Bolsheviks set up the Cheka in [1921] to fight counter-revolution.", expect!["The Cheka was founded on 20 December 1917 (fact base; essays 000, 002, 004), not 1921. -> 1917"]);
    check("Lenin replaced War Communism with the NEP in [1924].", expect!["War Communism ended in March 1921 (fact base; essays 000, 001, 002, 003, 004), not 1924. -> 1921"]);
    check("The Kronstadt mutiny broke out in [1923].", expect!["The Kronstadt mutiny began on 1 March 1921 (fact base; essays 000, 001, 004), not 1923. -> 1921"]);
    check("After Lenin's death in [1929] the struggle for power began.", expect!["The death of Lenin took place on 21 January 1924 (fact base; essays 000, 001, 002), not 1929. -> 1924"]);
    check("Stalin's first Five-Year Plan started in [1921].", expect!["The First Five-Year Plan lasted from 1 October 1928 to 31 December 1932 (fact base; essays 001, 002, 003), not 1921. -> 1928–32"]);
    check("Trotsky was killed with an ice axe in [1953].", expect!["Leon Trotsky was assassinated on 21 August 1940 (fact base; essays 000, 001, 002, 003, 004), not 1953. -> 1940"]);
    check("The Great Terror reached its height in [1929].", expect!["The Great Terror lasted from 1936 to 1938 (fact base; essays 001, 002, 003, 004), not 1929. -> 1936–38"]);
    check("The Treaty of Brest-Litovsk was signed in [1922].", expect!["The Treaty of Brest-Litovsk took place on 3 March 1918 (fact base; essay 000), not 1922. -> 1918"]);
    check("Stalin was appointed General Secretary in [1927].", expect!["Joseph Stalin became General Secretary on 3 April 1922 (fact base; essays 000, 001, 002, 003, 004), not 1927. -> 1922"]);
}

#[test]
fn dev_set_correct_dates() {
    clean(&[
        "Kirov was murdered in 1934.",
        "The Cheka was founded in 1917.",
        "The NEP replaced War Communism in 1921.",
        "The Kronstadt mutiny broke out in March 1921.",
        "After Lenin's death in 1924 the struggle for power began.",
        "Trotsky was killed in 1940.",
        "The Great Terror reached its height in 1937.",
        "Stalin was appointed General Secretary in 1922.",
        "In 1926 Trotsky joined Zinoviev and Kamenev in the United Opposition.",
        "The show trials of 1936-38 destroyed the Old Bolsheviks.",
        "Lenin founded the Cheka in December 1917. The civil war lasted from 1918 to 1921, and in March 1921 \
         the Kronstadt sailors rose against the party. That year the NEP was introduced and factions were banned.",
        "Stalin became General Secretary in 1922. Lenin died in January 1924. The first Five-Year Plan began \
         in 1928, Kirov was murdered on 1 December 1934, and the Great Terror of 1937-38 followed.",
    ]);
}

#[test]
fn lives_posts_bodies_and_policies() {
    check("Stalin was born in Georgia in [1882].", expect!["Joseph Stalin was born on 18 December 1878 (fact base; essays 000, 001, 002, 003, 004), not 1882. -> 1878"]);
    check("Lenin died in [1922].", expect!["Vladimir Lenin died on 21 January 1924 (fact base; essays 000, 001, 002, 003, 004), not 1922. -> 1924"]);
    check("Zinoviev and Kamenev were executed in [1938].", expect!["Grigory Zinoviev was executed on 25 August 1936 (fact base; essays 000, 002, 003, 004), not 1938. -> 1936"]);
    check("Yezhov was appointed head of the NKVD in [1934].", expect!["Nikolai Yezhov became head of the NKVD on 26 September 1936 (fact base; essay 002), not 1934. -> 1936"]);
    check("Stalin was made General Secretary of the party in [1924].", expect!["Joseph Stalin became General Secretary on 3 April 1922 (fact base; essays 000, 001, 002, 003, 004), not 1924. -> 1922"]);
    check("The Cheka, Lenin's secret police, was created in [1919].", expect!["The Cheka was founded on 20 December 1917 (fact base; essays 000, 002, 004), not 1919. -> 1917"]);
    check("The Cheka was replaced by the GPU in [1925].", expect!["The Cheka was dissolved on 6 February 1922, succeeded by the GPU (fact base; essays 000, 002, 004), not 1925. -> 1922"]);
    check("The Comintern was dissolved in [1939].", expect!["The Comintern was dissolved on 15 May 1943 (fact base; essays 001, 002), not 1939. -> 1943"]);
    check(
        "War Communism was abandoned in [1924].",
        expect![
            "War Communism ended in March 1921 (fact base; essays 000, 004), not 1924. -> 1921"
        ],
    );
    check("Collectivisation was launched in [1925].", expect!["Collectivisation began around 1929 (fact base; essays 000, 001, 002, 003, 004), not 1925. -> 1929"]);
    check("Lenin's Testament was written in [1920].", expect!["Lenin's Testament was written from 23 December 1922 to 4 January 1923 (fact base; essays 000, 002, 003, 004), not 1920. -> 1922"]);
    check("In [1927] the Great Terror began.", expect!["The Great Terror began in 1936 (fact base; essays 001, 002, 003, 004), not 1927. -> 1936"]);
}

#[test]
fn the_end_of_a_post_someone_was_replaced_in() {
    check(
        "Yezhov, who replaced Yagoda at the head of the NKVD in [September 1934], was shot in 1940.",
        expect!["Genrikh Yagoda ceased to be head of the NKVD on 26 September 1936 (fact base; essays 000, 002), not September 1934. -> September 1936"],
    );
    clean(&[
        "Yezhov replaced Yagoda as head of the NKVD in September 1936.",
        "Beria replaced Yezhov at the head of the NKVD in 1938.",
        "In 1936 Yezhov replaced Yagoda, who had run the NKVD since 1934.",
        "Yagoda, head of the NKVD from 1934, was replaced in 1936.",
    ]);
}

#[test]
fn announced_outside_the_span() {
    check("The NEP was announced in [1919].", expect!["The New Economic Policy began in March 1921 (fact base; essays 000, 001, 002, 003, 004), not 1919. -> 1921"]);
    // The base no longer dates the Doctors' Plot's start (the arrests ran from 1948 to 1952, and
    // sources date it differently), so an announcement date cannot be judged.
    clean(&["The Doctors' Plot was announced in 1949."]);
}

#[test]
fn events_by_name_or_by_actor_and_cue() {
    check("Kirov's assassination in [1936] gave Stalin a pretext.", expect!["The murder of Kirov took place on 1 December 1934 (fact base; essays 000, 002), not 1936. -> 1934"]);
    check("Nikolaev shot Kirov in [1933].", expect!["The murder of Kirov took place on 1 December 1934 (fact base; essays 000, 002), not 1933. -> 1934"]);
    check("The sailors of Kronstadt rose in revolt in [1920].", expect!["The Kronstadt mutiny lasted from 1 to 18 March 1921 (fact base; essays 000, 001, 004), not 1920. -> 1921"]);
    check("Trotsky was exiled to Alma-Ata in [1925].", expect!["Leon Trotsky's exiles are dated from 17 January 1928 to 22 January 1929 (Trotsky's exile to Alma-Ata) and from February 1929 to 21 August 1940 (fact base; essays 000, 001, 002, 003, 004), not 1925. -> 1928"]);
    check("Trotsky was deported from the USSR in [1927].", expect!["Leon Trotsky's deportations are dated 1916 (Paris); December 1916; February 1929 (Trotsky's deportation from the USSR) and December 1936 (Norway) (fact base; essays 000, 001, 002, 003, 004), not 1927. -> 1929"]);
    check("The Treaty of Brest-Litovsk, signed in [1919], gave away Ukraine.", expect!["The Treaty of Brest-Litovsk took place on 3 March 1918 (fact base; essay 000), not 1919. -> 1918"]);
    check("Khrushchev denounced Stalin in the Secret Speech of [1953].", expect!["The Secret Speech took place on 25 February 1956 (fact base: Khrushchev's report 'On the Cult of Personality and Its Consequences', 25 February 1956), not 1953. -> 1956"]);
    check("The famine of 1921-22 killed millions, and the Kronstadt mutiny broke out in [1925].", expect!["The Kronstadt mutiny began on 1 March 1921 (fact base; essays 000, 001, 004), not 1925. -> 1921"]);
    check("The Kronstadt rebellion of [1923] shocked the Bolsheviks.", expect!["The Kronstadt mutiny lasted from 1 to 18 March 1921 (fact base; essays 000, 001, 004), not 1923. -> 1921"]);
}

#[test]
fn internal_exile_and_deportation() {
    check("Trotsky was deported from the Soviet Union in [1925].", expect!["Leon Trotsky's deportations are dated 1916 (Paris); December 1916; February 1929 (Trotsky's deportation from the USSR) and December 1936 (Norway) (fact base; essays 000, 001, 002, 003, 004), not 1925. -> 1929"]);
    clean(&[
        "Trotsky was exiled within the Soviet Union in 1928.",
        "Trotsky was exiled in 1929.",
        "Trotsky was exiled from the Soviet Union in 1929.",
        "Trotsky was expelled from the party in 1927 and deported from the Soviet Union in 1929.",
        "Trotsky was expelled from the party in 1927 and from the Soviet Union in 1929.",
    ]);
}

#[test]
fn a_time_that_saw_an_event() {
    check("[1936] saw the murder of Kirov.", expect!["The murder of Kirov took place on 1 December 1934 (fact base; essays 000, 002), not 1936. -> 1934"]);
    check("[The winter of 1925-26] saw the Kronstadt mutiny.", expect!["The Kronstadt mutiny lasted from 1 to 18 March 1921 (fact base; essays 000, 001, 004), not the winter of 1925-26. -> 1921"]);
    clean(&[
        "1934 saw the murder of Kirov.",
        "The winter of 1920-21 saw the Kronstadt rising.",
        "Lenin saw the Kronstadt rising in 1921 as a warning.",
        "In 1925 Stalin saw the Kronstadt rising as a warning.",
        "1929 saw the start of collectivisation.",
    ]);
}

#[test]
fn an_actor_doing_what_names_the_event() {
    check("The Bolsheviks seized power in [October 1915].", expect!["The October Revolution lasted from 24 to 26 October 1917 (fact base; essays 000, 001, 002, 004), not October 1915. -> October 1917"]);
    check("In [1915] the Bolsheviks seized power.", expect!["The October Revolution lasted from 24 to 26 October 1917 (fact base; essays 000, 001, 002, 004), not 1915. -> 1917"]);
    clean(&[
        "The Bolsheviks seized power in October 1917.",
        "The Bolsheviks seized power in November 1917.",
        "Stalin seized power in 1929.",
        "The Bolsheviks seized grain from the peasants in 1920.",
        "The Bolsheviks seized the Winter Palace in 1917.",
        "Stalin exiled the kulaks in 1930.",
    ]);
}

#[test]
fn dates_as_students_write_them() {
    check("Kirov was murdered on [1 December 1933].", expect!["Sergei Kirov was assassinated on 1 December 1934 (fact base; essays 000, 002), not 1 December 1933. -> 1 December 1934"]);
    check("Kirov was murdered on [December 1, 1935].", expect!["Sergei Kirov was assassinated on 1 December 1934 (fact base; essays 000, 002), not December 1, 1935. -> December 1, 1934"]);
    check("Stalin died in [March 1954].", expect!["Joseph Stalin died on 5 March 1953 (fact base; essays 000, 001, 002, 003, 004), not March 1954. -> March 1953"]);
    check("In [the winter of 1925-26] Kirov was murdered.", expect!["Sergei Kirov was assassinated on 1 December 1934 (fact base; essays 000, 002), not the winter of 1925-26. -> 1934"]);
    check("In [late 1936] Kirov was murdered.", expect!["Sergei Kirov was assassinated on 1 December 1934 (fact base; essays 000, 002), not late 1936. -> 1934"]);
    check("Lenin died in [the spring of 1925].", expect!["Vladimir Lenin died on 21 January 1924 (fact base; essays 000, 001, 002, 003, 004), not the spring of 1925. -> 1924"]);
    check("In [the 1930s] Lenin introduced the NEP.", expect!["The New Economic Policy began in March 1921 (fact base; essays 000, 001, 002, 003, 004), not the 1930s. -> 1920s"]);
    check("The Great Terror of [1930-32] destroyed the party.", expect!["The Great Terror lasted from 1936 to 1938 (fact base; essays 001, 002, 003, 004), not 1930-32. -> 1936-38"]);
    check("By [1920] Stalin had already become General Secretary.", expect!["Joseph Stalin became General Secretary on 3 April 1922 (fact base; essays 000, 001, 002, 003, 004), not 1920. -> 1922"]);
    check("After [1930] the NEP was introduced.", expect!["The New Economic Policy began in March 1921 (fact base; essays 000, 001, 002, 003, 004), not 1930. -> 1921"]);
    check("Lenin ([1870-1930]) led the Bolsheviks.", expect!["Vladimir Lenin lived from 22 April 1870 to 21 January 1924 (fact base; essays 000, 001, 002, 003, 004), not 1870-1930. -> 1870-1924"]);
    check("Stalin ([1878-1960]) ruled the Soviet Union.", expect!["Joseph Stalin lived from 18 December 1878 to 5 March 1953 (fact base; essays 000, 001, 002, 003, 004), not 1878-1960. -> 1878-1953"]);
    clean(&[
        "Kirov was murdered on 1 December 1934.",
        "Kirov was murdered on December 1, 1934.",
        "Kirov was murdered in the winter of 1934-35.",
        "In early 1924 Lenin died.",
        "In the late 1930s the Great Terror raged.",
        "By 1939 the Great Terror had ended.",
        "By 1937 the Great Terror was at its height.",
        "After 1917 the Cheka was founded.",
        "c. 1929 collectivisation began.",
        "In the 1920s Stalin became General Secretary.",
        "Between 1936 and 1938 the Great Terror claimed hundreds of thousands of lives.",
        "Stalin (1878-1953) ruled the Soviet Union.",
        "Stalin (1924-53) ruled the Soviet Union.",
        "Lenin (1870-1924) led the Bolsheviks.",
        // Old Style and New Style both fit a date before February 1918.
        "The October Revolution of 7 November 1917 brought the Bolsheviks to power.",
        "The Bolsheviks seized power on 25 October 1917.",
    ]);
}

#[test]
fn variants_recorded_from_the_essays_disagree_or_repeat_a_mistake() {
    check("Stalin was born in [?1879].", expect!["Sources disagree: Joseph Stalin was born on 18 December 1878 (fact base; essays 000, 001, 002, 003, 004), but essay 002 gives 1879 as you do: 1879 (21 December) is the date Stalin later gave officially; the Gori parish register records his birth on 18 December 1878. -> 1878"]);
    check("Lenin introduced the NEP in [1918].", expect!["The New Economic Policy began in March 1921 (fact base; essays 000, 001, 002, 003, 004), not 1918. Essay 004 makes the same mistake (NEP did not exist in 1918; it was introduced in March 1921, so a 1918 remark cannot have been about it). -> 1921"]);
    check("Bela Kun was shot in [1936].", expect!["The execution of Bela Kun took place on 29 August 1938 (fact base; essay 002), not 1936. Essay 002 makes the same mistake (Kun was arrested in June 1937 and shot on 29 August 1938). -> 1938"]);
}

#[test]
fn several_names_and_dates_in_one_sentence() {
    check(
        // In 1935 Trotsky was in exile abroad (1929-40), so the first date is no error.
        "Trotsky was exiled in 1935 and murdered in [1945].",
        expect!["Leon Trotsky was assassinated on 21 August 1940 (fact base; essays 000, 001, 002, 003, 004), not 1945. -> 1940"],
    );
    // The second date, after "and", is tied to the second verb even with a place between.
    check("Trotsky was deported in 1929 and killed in Mexico in [1944].", expect!["Leon Trotsky was assassinated on 21 August 1940 (fact base; essays 000, 001, 002, 003, 004), not 1944. -> 1940"]);
    check("Trotsky was expelled from the party in [1925] and deported in 1929.", expect!["Leon Trotsky's expulsions are dated October 1926 (from the Politburo); September 1927 (from the Comintern); 23 October 1927 (from the Central Committee) and November 1927 (the expulsion of Trotsky from the party) (fact base; essays 000, 001, 002, 003, 004), not 1925. -> 1926"]);
    clean(&[
        "Lenin died in January 1924 and Stalin in March 1953.",
        "Kirov was murdered in 1934, three years before the army purge of 1937.",
        "Trotsky, expelled in 1927, was deported in 1929.",
        "Trotsky, expelled from the party in 1927, was deported in 1929 and killed in 1940.",
        "In 1929 Trotsky was deported; in 1940 he was murdered in Mexico.",
        "The NEP, introduced in 1921, was abandoned in 1928.",
        "Stalin became General Secretary in 1922 and launched the first Five-Year Plan in 1928.",
        "The Cheka was founded in December 1917 and renamed the GPU in 1922.",
        "The Cheka, set up in 1917, became the GPU in 1922.",
        "The Great Terror of 1936-38 followed Kirov's murder in 1934.",
        "After Kirov was murdered in 1934, the terror began in 1936.",
        "Kirov was murdered in 1934; the Great Terror began two years later.",
        "The Kronstadt sailors had supported the Bolsheviks in 1917 but rebelled in 1921.",
        "Trotsky was expelled from the Politburo in 1926 and from the party in 1927.",
        "Bukharin, executed in 1938, had been the party's leading theorist in the 1920s.",
        "Lenin, who had founded the Cheka in 1917, died in 1924.",
        "The Great Terror, which began in 1936, killed 681,692 people by 1938.",
        "Beria replaced Yezhov as head of the NKVD in 1938.",
    ]);
}

#[test]
fn dates_that_belong_to_something_else() {
    clean(&[
        // A framing date belongs to the verb that acts first.
        "In 1956 Khrushchev blamed Stalin for Kirov's death.",
        "In 1961 Khrushchev had Stalin's body removed from the mausoleum.",
        // The actor after "by" did it ("replaced by Yezhov" is not Yezhov's fall).
        "Yagoda was replaced by Yezhov in September 1936.",
        "Yezhov replaced Yagoda in September 1936.",
        // The years in a book's title are no claim about when it was written.
        "Solzhenitsyn's The Gulag Archipelago, 1918–1956 (1973) likened the camps to islands.",
        // A plot or policy may be announced at any time while it lasts.
        "The Doctors' Plot was announced in January 1953.",
        // A date before "and" belongs to the verb before it.
        "The Bolsheviks took power in October 1917 and set up the Cheka that December.",
        "Lenin fell ill in 1922 and died in January 1924.",
        "Trotsky was deported in 1929 and killed in Mexico in 1940.",
        // The date is when the act happened, not when the thing named began.
        "In 1936 Stalin used Kirov's murder as a pretext.",
        "In 1956 Khrushchev denounced the Great Terror.",
        "In 1926 Trotsky wrote about the NEP.",
        "Bukharin defended the NEP in 1925.",
        "In 1956 Lenin's Testament was published.",
        "Trotsky lost his post as Commissar for War in 1925.",
        // A cue that is not about the name.
        "In 1937 Stalin shot thousands of officers.",
        "The Politburo created a commission in 1937.",
        "In 1937 the Politburo began to purge the regions.",
        "Stalin exiled the kulaks in 1930.",
        "Stalin's mother died in 1937.",
        "Lenin's brother was executed in 1887.",
        "In 1934 Andrei Zhdanov became Central Committee Secretary and Leningrad party chief.",
        "By 1929 Tomsky was removed as leader of the Trade Unions and Uglanov was replaced as Moscow Party leader.",
        // Documents are written over their span and read long after.
        "Lenin's Testament was written in 1923.",
        "Lenin's Testament, written in 1922-23, warned against Stalin.",
        "Stalin was General Secretary from 1922 until 1952.",
        "The NEP lasted until 1928.",
        "By 1939 collectivisation was complete.",
        // Another occasion than the event the base knows.
        "In 1918 Stalin returned to Tsaritsyn.",
        "In 1918 Stalin returned to Moscow.",
        "In 1937 Trotsky wrote from exile that Stalin had betrayed the revolution.",
    ]);
}

#[test]
fn negations_conditions_questions_and_quotations() {
    clean(&[
        "Kirov was not murdered in 1931 but in 1934.",
        "If Lenin had died in 1920, Trotsky might have succeeded him.",
        "Was Kirov murdered in 1931?",
        "Trotsky claimed that \"Stalin murdered Kirov in 1934\".",
        "Stalin called 1929 \"the year of the great turn\".",
    ]);
    check("Lenin died in [1926], leaving no clear successor.", expect!["Vladimir Lenin died on 21 January 1924 (fact base; essays 000, 001, 002, 003, 004), not 1926. -> 1924"]);
}

#[test]
fn quoted_errors_are_information() {
    let (marked, notes) = render("Pravda wrote that \"Kirov was murdered in 1931\".");
    assert_eq!(marked, "Pravda wrote that \"Kirov was murdered in [?1931]\".");
    assert!(notes.contains("inside a quotation"), "{notes}");
}

/// The severity of each dubious date found in `text`, read in `format`.
fn severities(text: &str, format: crate::Format) -> Vec<Severity> {
    let a = crate::analyze(
        crate::checks::testing::kb(),
        text,
        format,
        &Config::default(),
        &mut crate::Cache::default(),
    );
    a.findings.iter().filter(|f| f.code == Code::DubiousDate).map(|f| f.severity).collect()
}

#[test]
fn a_blockquote_or_quotation_environment_is_attributed_to_its_author() {
    use crate::Format::{Latex, Markdown};
    use Severity::{Information, Warning};
    let md = "Kirov was murdered in 1931.\n\n> Kirov was murdered in 1931.\n\nKirov was murdered in 1931.\n";
    assert_eq!(severities(md, Markdown), [Warning, Information, Warning]);
    let tex = "Kirov was murdered in 1931.\n\\begin{quote}\nKirov was murdered in 1931.\n\\end{quote}\n\\begin{displayquote}Kirov was murdered in 1931.\\end{displayquote}\nKirov was murdered in 1931.\n";
    assert_eq!(severities(tex, Latex), [Warning, Information, Information, Warning]);
    // A ">" inside a sentence, and a list, quote nothing.
    let not_quotes =
        "Power > principle: Kirov was murdered in 1931.\n\n- Kirov was murdered in 1931.\n";
    assert_eq!(severities(not_quotes, Markdown), [Warning, Warning]);
}

#[test]
fn shapes_of_published_prose() {
    // Each person of a list is said to have been shot that day; one's record is enough.
    check("Yagoda, Bukharin and Rykov were shot on [15 March 1937].", expect!["Genrikh Yagoda's execution is dated 15 March 1938 (fact base; essays 000, 002, 003), not 15 March 1937. -> 15 March 1938"]);
    // The body from which someone was expelled, named.
    check("Trotsky was expelled from the Communist Party in [1929].", expect!["The expulsion of Trotsky from the party took place in November 1927 (fact base; essays 000, 001, 002, 003, 004), not 1929. -> 1927"]);
    // A whole series with a list of dates; the modal of a later clause leaves them stated.
    check(
        "The three Moscow show trials took place in August 1936, January 1937 and [March 1939], and in each of them the defendants confessed to crimes they could not have committed.",
        expect!["The Third Moscow Trial lasted from 2 to 13 March 1938 (fact base; essays 000, 002), not March 1939. -> March 1938"],
    );
    check("The Great Terror of the [early 1920s] destroyed the Old Bolsheviks.", expect!["The Great Terror lasted from 1936 to 1938 (fact base; essays 001, 002, 003, 004), not the early 1920s. -> 1930s"]);
    // A second verb with the sentence's subject.
    check(
        "Trotsky was struck with an ice axe in his study at Coyoacán and died in hospital the next day, [21 August 1942].",
        expect!["Leon Trotsky was assassinated on 21 August 1940 (fact base; essays 000, 001, 002, 003, 004), not 21 August 1942. -> 21 August 1940"],
    );
    // A fronted clause of time.
    check("As he left the factory on [30 August 1919], Lenin was shot twice.", expect!["The attempts on Vladimir Lenin's life are dated 1 January 1918 (the attempt on Lenin's life of January 1918) and 30 August 1918 (the attempt on Lenin's life) (fact base; essays 000, 001, 002, 003, 004), not 30 August 1919. -> 30 August 1918"]);
    // A verb that makes a named event happen.
    check("In [1920] Tukhachevsky crushed the Kronstadt rising.", expect!["The Kronstadt mutiny lasted from 1 to 18 March 1921 (fact base; essays 000, 001, 004), not 1920. -> 1921"]);
    // The founder of a body, in an aside.
    check("Felix Dzerzhinsky, founder of the Cheka in [December 1919], was a Polish nobleman.", expect!["The Cheka was founded on 20 December 1917 (fact base; essays 000, 002, 004), not December 1919. -> December 1917"]);
    // A body folded into another ends; the other does not.
    check("In [July 1924] the OGPU was folded into a new all-Union NKVD.", expect!["The OGPU was dissolved on 10 July 1934, succeeded by the NKVD (fact base; essay 002), not July 1924. -> July 1934"]);
    // A title in quotation marks is a name, and a participle dates what it names.
    check("The 'law of spikelets' of [7 August 1936] made theft of grain a capital crime.", expect!["The Law of Spikelets dates from 7 August 1932 (fact base: Decree of the Central Executive Committee and Sovnarkom of 7 August 1932; R. W. Davies and Stephen G. Wheatcroft, The Years of Hunger (2004); Oleg Khlevniuk, Stalin (2015)), not 7 August 1936. -> 7 August 1932"]);
    check("Stalin's article 'Dizzy with Success', printed in Pravda in [March 1932], blamed local officials.", expect!["Dizzy with Success dates from 2 March 1930 (fact base: J. V. Stalin, Dizzy with Success, Pravda, 2 March 1930, in Works; R. W. Davies, The Socialist Offensive (1980)), not March 1932. -> March 1930"]);
    // What a person underwent, and a participle said of the subject after it.
    check("Lenin survived an assassination attempt in [August 1921].", expect!["The attempts on Vladimir Lenin's life are dated 1 January 1918 (the attempt on Lenin's life of January 1918) and 30 August 1918 (the attempt on Lenin's life) (fact base; essays 000, 001, 002, 003, 004), not August 1921. -> August 1918"]);
    check("Lenin's health grew worse, and in [1920] he suffered two strokes.", expect!["Vladimir Lenin's strokes are dated May 1922 (Gorki); December 1922; 10 March 1923 and 21 January 1924 (Gorki) (fact base; essays 000, 001, 002, 003, 004), not 1920. -> 1922"]);
    check("Deported from the Soviet Union in [February 1926], Trotsky settled in Turkey.", expect!["Leon Trotsky's deportations are dated 1916 (Paris); December 1916; February 1929 (Trotsky's deportation from the USSR) and December 1936 (Norway) (fact base; essays 000, 001, 002, 003, 004), not February 1926. -> February 1929"]);
    check("The opening of the Constituent Assembly took place on [5 January 1919].", expect!["The Constituent Assembly was founded on 18 January 1918 (fact base: Elections of 25 November 1917; the Assembly met in Petrograd on 18 January 1918 and was dissolved by decree the next day), not 5 January 1919. -> 18 January 1918"]);
    // A cleft sentence, and a date that witnesses a start.
    check("It was only in [1925] that the Soviet Union was formally created.", expect!["The Soviet Union began on 30 December 1922 (fact base; essays 000, 001, 002, 003), not 1925. -> 1922"]);
    check("[1927] saw the real start of the Great Terror, with the first show trial of Zinoviev.", expect!["The Great Terror began in 1936 (fact base; essays 001, 002, 003, 004), not 1927. -> 1936"]);
    // The one who replaces another in a post takes it up.
    check(
        "Molotov replaced Rykov as chairman of the Council of People's Commissars in [December 1936].",
        expect!["Vyacheslav Molotov became Chairman of Sovnarkom on 19 December 1930 (fact base; essays 000, 002), not December 1936. -> December 1930"],
    );
}

#[test]
fn shapes_of_published_prose_kept_quiet() {
    clean(&[
        "Yagoda, Bukharin and Rykov were shot on 15 March 1938.",
        "Trotsky was expelled from the Communist Party in November 1927.",
        "The three Moscow show trials took place in August 1936, January 1937 and March 1938.",
        "The Moscow show trials, held in 1936, 1937 and 1938, destroyed the Old Bolsheviks.",
        "The Great Terror of the late 1930s destroyed the Old Bolsheviks.",
        "Trotsky was struck with an ice axe on 20 August 1940 and died the next day.",
        "Kirov met Stalin in 1926 and died in 1934.",
        "Lenin's widow Krupskaya outlived him and died in 1939.",
        "As Stalin rose in 1929, Trotsky was deported.",
        "When Lenin died in 1924, Stalin was already General Secretary.",
        "While he was in exile in 1913, Stalin was cut off from the party.",
        "In 1921 Tukhachevsky crushed the Kronstadt rising.",
        "In 1937 Stalin recalled the Kronstadt rising in a speech.",
        "In 1956 Khrushchev denounced the Great Terror.",
        "Stalin would not have survived 1927 if the Moscow trials had been held then.",
        "In 1938 Stalin could not have held the Moscow trials without Vyshinsky.",
        "Dzerzhinsky, the founder of the Cheka, died in 1926.",
        "Lenin, the founder of the Cheka, went to Switzerland in 1914.",
        "The founders of the Cheka in December 1917 wanted a temporary body.",
        "In 1934 the OGPU was folded into the NKVD.",
        "In 1946 the NKVD was renamed the MVD, and the OGPU's heirs merged into it.",
        "Molotov replaced Rykov as chairman of the Council of People's Commissars in December 1930.",
        "Molotov, who replaced Rykov as chairman of Sovnarkom, was still in the post in 1936.",
        "Rykov was People's Commissar for Posts until September 1936.",
        "The 'law of spikelets' of 7 August 1932 made theft of grain a capital crime.",
        "Stalin's article 'Dizzy with Success', printed in Pravda in March 1930, blamed local officials.",
        "'Dizzy with Success' was still quoted by historians in 1990.",
        "Trotsky called the trials 'a frame-up of 1936', and nobody answered.",
        "Lenin survived an assassination attempt in August 1918.",
        "Stalin ordered the arrest of Zinoviev in 1934.",
        "Trotsky denounced the trial in 1937.",
        "In 1922 he suffered two strokes, and Lenin never fully recovered.",
        "Deported from the Soviet Union in February 1929, Trotsky settled in Turkey.",
        "Exiled to Alma-Ata in 1928, Trotsky kept writing to his supporters.",
        "It was only in 1922 that the Soviet Union was formally created.",
        "It was in 1925 that Stalin first spoke of the Soviet Union building socialism alone.",
        "1936 saw the real start of the Great Terror, with the first show trial of Zinoviev.",
        "1927 saw Trotsky expelled, long before the Great Terror began.",
        "The opening of the Constituent Assembly took place on 5 January 1918.",
    ]);
}

#[test]
fn dates_in_both_calendars_night_ranges_and_companions() {
    check("On [25 October (7 November) 1918] Red Guards occupied the Winter Palace.", expect!["The Storming of the Winter Palace lasted from 25 to 26 October 1917 (fact base: Alexander Rabinowitch, The Bolsheviks Come to Power (1976); Orlando Figes, A People's Tragedy (1996)), not 25 October (7 November) 1918. -> 25 October (7 November) 1917"]);
    check("On the night of [16–17 July 1919] Nicholas II and his family were shot at Yekaterinburg.", expect!["The murder of the Romanovs took place on 17 July 1918 (fact base: Mark Steinberg and Vladimir Khrustalev, The Fall of the Romanovs (1995); Richard Pipes, The Russian Revolution (1990)), not 16–17 July 1919. -> 16–17 July 1918"]);
    check("In [July 1919] the former Tsar Nicholas II, his wife, their five children, their doctor and three servants were shot.", expect!["What the fact base records of Nicholas II here are dated 11 May 1891 and 17 July 1918 (the murder of the Romanovs) (fact base: Standard reference works; the essays speak of the Tsars and Tsarism but do not name him), not July 1919. -> July 1918"]);
    check("Bukharin was arrested at the February–March plenum of [1935].", expect!["The February-March Plenum of 1937 lasted from 23 February 1937 to 5 March 1937 (fact base: J. Arch Getty and Oleg Naumov, The Road to Terror (1999)), not 1935. -> 1937"]);
}

#[test]
fn dates_in_both_calendars_night_ranges_and_companions_kept_quiet() {
    clean(&[
        "On 25 October (7 November) 1917 Red Guards occupied the Winter Palace.",
        "The Winter Palace was taken on 26 October (8 November) 1917.",
        "On the night of 16–17 July 1918 Nicholas II and his family were shot at Yekaterinburg.",
        "In July 1918 the former Tsar Nicholas II, his wife, their five children, their doctor and three servants were shot.",
        "Bukharin was arrested at the February–March plenum of 1937.",
        // Brackets that are no calendar gloss, and companions that say nothing of a date.
        "Lenin (then in Zurich) heard of the revolution in March 1917.",
        "Trotsky, his wife and their son reached Mexico in January 1937.",
        "Bukharin, his young wife Anna Larina and their baby son lived in the Kremlin in 1936.",
    ]);
}

#[test]
fn an_aside_between_dashes_leaves_the_subject_its_verb() {
    check("The Cheka – Lenin's political police – was founded in [1921].", expect!["The Cheka was founded on 20 December 1917 (fact base; essays 000, 002, 004), not 1921. -> 1917"]);
    clean(&[
        "The Cheka – Lenin's political police – was founded in 1917.",
        "But the Gulag itself – the OGPU's Main Administration of Camps – was only set up in 1930.",
        // A dash pair whose middle has a verb of its own is no aside.
        "The Cheka – which Stalin later praised in 1937 – had been founded by Dzerzhinsky.",
    ]);
}

#[test]
fn a_description_after_be_and_a_quoted_name_after_its_verb() {
    check("The Treaty of Brest-Litovsk was a separate peace treaty signed on [3 March 1919] with the Central Powers.", expect!["The Treaty of Brest-Litovsk took place on 3 March 1918 (fact base; essay 000), not 3 March 1919. -> 3 March 1918"]);
    check("On [February 25, 1958], Khrushchev delivered a \"Secret Speech\" to the congress.", expect!["The Secret Speech took place on 25 February 1956 (fact base: Khrushchev's report 'On the Cult of Personality and Its Consequences', 25 February 1956), not February 25, 1958. -> February 25, 1956"]);
    clean(&[
        "The Treaty of Brest-Litovsk was a separate peace treaty signed on 3 March 1918 with the Central Powers.",
        "On February 25, 1956, Khrushchev delivered a \"Secret Speech\" to the congress.",
        // The participle belongs to a clause of its own, or the verb says nothing of the event.
        "The Treaty of Brest-Litovsk was a humiliation, and Lenin was attacked in 1919 for it.",
        "In 1958 Khrushchev recalled the \"Secret Speech\" with pride.",
    ]);
}

#[test]
fn the_revolt_named_just_before_is_the_one_meant() {
    check("The Kronstadt rebellion was a revolt of sailors. The revolt began on [March 1, 1920] in the fortress.", expect!["The Kronstadt mutiny began on 1 March 1921 (fact base; essays 000, 001, 004), not March 1, 1920. -> March 1, 1921"]);
    check("The Treaty of Brest-Litovsk ended the war. The treaty was signed in [1919].", expect!["The Treaty of Brest-Litovsk took place on 3 March 1918 (fact base; essay 000), not 1919. -> 1918"]);
    clean(&[
        "The Kronstadt rebellion was a revolt of sailors. The revolt began on March 1, 1921 in the fortress.",
        // A long event's noun may mean another of its kind; two events leave "the treaty" open.
        "The Great Terror was not new. The terror had begun in 1929 in the countryside.",
        "The Treaty of Rapallo followed the Treaty of Brest-Litovsk. The treaty was signed in 1922.",
        // Another noun, or "the revolt of" another group.
        "The Kronstadt rebellion was crushed. The strike began in 1920.",
        "The Kronstadt rebellion was crushed. The revolt of the Tambov peasants began in 1920.",
    ]);
}

#[test]
fn an_object_renamed_after_a_comma() {
    check("In [1905] Lenin, along with Plekhanov and Martov, founded an illegal newspaper, Iskra, which they smuggled into Russia.", expect!["Iskra was founded in December 1900 (fact base: Robert Service, Lenin: A Biography (2000); Israel Getzler, Martov (1967)), not 1905. -> 1900"]);
    clean(&[
        "In 1900 Lenin, along with Plekhanov and Martov, founded an illegal newspaper, Iskra, which they smuggled into Russia.",
        // The name after the comma opens a clause of its own.
        "In 1905 Lenin founded a new newspaper, Iskra was by then in Menshevik hands.",
        "In 1905 Lenin founded a newspaper, and Iskra passed to the Mensheviks.",
    ]);
}

#[test]
fn a_doctrines_adjective_before_a_noun_leaves_the_verb_to_the_noun() {
    clean(&[
        "Iskra was a clandestine Marxist newspaper founded in December 1900 by Lenin.",
        "Iskra, a Marxist newspaper founded in December 1900, was smuggled into Russia.",
        "A Marxist newspaper founded in 1900 reached Russia.",
        "The Leninist party was founded in 1903 at the Second Congress.",
    ]);
}

#[test]
fn a_date_attached_to_a_named_event_is_that_events() {
    check("The Great Terror began with the murder of Kirov in [1936].", expect!["The murder of Kirov took place on 1 December 1934 (fact base; essays 000, 002), not 1936. -> 1934"]);
    clean(&[
        "The Great Terror began with the murder of Kirov in 1934.",
        "The Great Terror began in 1936, two years after the murder of Kirov.",
    ]);
}

#[test]
fn it_after_a_sentence_that_names_one_thing() {
    check("The Cheka was the first Soviet secret police. It was created on [December 20, 1918], after a decree.", expect!["The Cheka was founded on 20 December 1917 (fact base; essays 000, 002, 004), not December 20, 1918. -> December 20, 1917"]);
    clean(&[
        "The Cheka was the first Soviet secret police. It was created on December 20, 1917, after a decree.",
        "The Gulag ran the camps. It was officially created on April 25, 1930 and dissolved on January 13, 1960.",
        // Two things before, a person only, or no passive: "it" is left alone.
        "Lenin spoke of the Cheka and the Red Army. It was created in 1919.",
        "Lenin was tired. It was decided in 1919 to rest.",
        "The Cheka was feared. It was a time of terror in 1919.",
    ]);
}

#[test]
fn a_relative_is_not_the_person() {
    // A surname after a given name and patronymic that are not the famous person's is a
    // relative: his dates are no dates of theirs.
    clean(&[
        "Trotsky was the son of David Leontyevich Bronstein (1847-1922), a farmer.",
        "Her mother, Yekaterina Dzhugashvili, died in 1937.",
        "His brother Dmitry Ulyanov (1874-1943) practised medicine.",
    ]);
}

#[test]
fn a_fix_never_states_a_day_the_record_does_not_hold() {
    // The record dates the Terror by year: "1 December 1936" would be a day it never gives.
    check("The Great Terror began on [1 December 1929].", expect!["The Great Terror began in 1936 (fact base; essays 001, 002, 003, 004), not 1 December 1929. -> "]);
    // A record that gives the day offers it.
    check("Kirov was murdered on [1 December 1931].", expect!["Sergei Kirov was assassinated on 1 December 1934 (fact base; essays 000, 002), not 1 December 1931. -> 1 December 1934"]);
}
