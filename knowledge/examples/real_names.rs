//! Builds `data/names/real-names.txt`, the list of real given names, patronymics and surnames
//! that `text::real_names` reads, from two registry packages (see `data/names/README.md`):
//!
//! ```sh
//! cargo run -p knowledge --example real_names -- US_CENSUS_DIR RUSSIAN_BASE_TXT > knowledge/data/names/real-names.txt
//! ```
//!
//! Each name is written as its key (`text::real_names::name_key`, its transliteration skeleton), so that one
//! line stands for every English spelling of it; the lines are sorted and unique.

use std::collections::BTreeSet;
use std::fs;

use knowledge::text::real_names::name_key;

/// Russian letters as English writers commonly render them (the skeleton folds the rest).
fn latin(c: char) -> &'static str {
    match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'е' | 'ё' | 'э' => "e",
        'ж' => "zh",
        'з' => "z",
        'и' => "i",
        'й' | 'ы' => "y",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ю' => "yu",
        'я' => "ya",
        // The soft sign before a vowel is written `i` or `y` (Zinoviev), elsewhere dropped.
        'ь' => "i",
        _ => "",
    }
}

fn transliterate(word: &str) -> String {
    let lower: Vec<char> = word.to_lowercase().chars().collect();
    let mut out = String::new();
    for (k, &c) in lower.iter().enumerate() {
        let before_vowel = lower.get(k + 1).is_some_and(|n| "аеёиоуыэюя".contains(*n));
        if matches!(c, 'ь' | 'ъ') && !before_vowel {
            continue;
        }
        out.push_str(latin(c));
    }
    out
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [census, russian] = args.as_slice() else {
        eprintln!("usage: real_names US_CENSUS_DIR RUSSIAN_BASE_TXT");
        std::process::exit(2);
    };
    let mut names: BTreeSet<String> = BTreeSet::new();
    let mut add = |w: &str| {
        if w.chars().count() >= 4 && w.chars().all(char::is_alphabetic) {
            names.insert(name_key(w));
        }
    };
    for file in ["dist.all.last", "dist.male.first", "dist.female.first"] {
        let text = fs::read_to_string(format!("{census}/{file}")).expect("census file");
        for line in text.lines() {
            if let Some(w) = line.split_whitespace().next() {
                add(w);
            }
        }
    }
    // Lines of the Russian list: given names and patronymics of both sexes and male surnames
    // (0-8); female surnames (9) are the male ones with a feminine ending, which the check
    // reads itself.
    let text = fs::read_to_string(russian).expect("russian names file");
    for line in text.lines().take(9) {
        for w in line.split_whitespace() {
            add(&transliterate(w));
        }
    }
    println!(
        "# Real given names, patronymics and surnames as transliteration skeletons; see README.md."
    );
    for n in names {
        println!("{n}");
    }
}
