use knowledge::{analyze, Cache, Code, Config, Format, KnowledgeBase};
use std::time::Instant;
fn paragraph(n: usize) -> String {
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
fn main() {
    let kb = KnowledgeBase::embedded().0;
    let mut s = String::new();
    let mut n = 0;
    while s.split_whitespace().count() < 3000 { s.push_str(&paragraph(n)); n += 1; }
    for dis in [vec![], vec![Code::DubiousFigure], vec![Code::MisspelledName], vec![Code::DubiousFigure, Code::MisspelledName], Code::ALL.to_vec()] {
        let mut c = Config::default();
        for d in &dis { c.disabled.insert(*d); }
        let mut best = std::time::Duration::MAX;
        for _ in 0..200 { let t = Instant::now(); analyze(&kb, &s, Format::Markdown, &c, &mut Cache::default()); best = best.min(t.elapsed()); }
        println!("{:?}: {:?}", dis, best);
    }
}
