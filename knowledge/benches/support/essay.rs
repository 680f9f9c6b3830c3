//! The benchmark essay, shared by the benches and the profiling example: 3,000 words of the
//! sentences students write (dates, figures, names, claims), each paragraph distinct.

/// A paragraph in our own words, with the kinds of sentences students write (dates, figures,
/// names, claims). `n` varies it so that every paragraph of the essay is distinct.
pub fn paragraph(n: usize) -> String {
    format!(
        "Paragraph {n}. Lenin founded the Cheka in December 1917, and in the civil war of 1918-21 it shot \
many thousands of people. Kirov was murdered on 1 December 1934, and Stalin used the murder to \
launch the purges. Trotsky, Zinoviev and Kamenev lost the struggle for power one after another. \
Official figures record 681,692 executions in 1937-38, far more than the 8,389 the Cheka shot in \
1918 and early 1919. Some historians argue that Lenin's terror made Stalin's terror inevitable, \
but Lenin's Testament warned that Stalin was too rude to be General Secretary. The NEP was a \
temporary retreat, not a surrender of socialism, and Bukharin defended it until 1928. In 1929 \
Stalin abandoned it for collectivisation and the first Five-Year Plan, which began in 1928. \
The kulaks were deported in their hundreds of thousands, and the famine of 1932-33 followed. \
By 1939 most of Lenin's Politburo had been destroyed in the show trials. Khrushchev denounced \
Stalin in 1956. Whether this was continuity or rupture remains the question of this essay.\n\n"
    )
}

pub fn essay() -> String {
    let mut s = String::from("# Did Leninism lead to Stalinism?\n\n");
    let mut n = 0;
    while s.split_whitespace().count() < 3000 {
        s.push_str(&paragraph(n));
        n += 1;
    }
    s
}
