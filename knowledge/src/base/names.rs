//! Name forms the loader generates so that the data need not list them: a place's former and
//! later names, and a numbered series member's names ("Tenth Party Congress", "10th Party
//! Congress", "X Party Congress") from its series' `member_names` patterns.

use super::raw::RawEntry;

const ORDINAL_WORDS: [&str; 20] = [
    "First",
    "Second",
    "Third",
    "Fourth",
    "Fifth",
    "Sixth",
    "Seventh",
    "Eighth",
    "Ninth",
    "Tenth",
    "Eleventh",
    "Twelfth",
    "Thirteenth",
    "Fourteenth",
    "Fifteenth",
    "Sixteenth",
    "Seventeenth",
    "Eighteenth",
    "Nineteenth",
    "Twentieth",
];

const TENS_WORDS: [&str; 2] = ["Twenty", "Thirty"];

/// "Tenth", "Twenty-First"; `None` beyond the thirties.
pub fn ordinal_word(n: u32) -> Option<String> {
    match n {
        1..=20 => Some(ORDINAL_WORDS[n as usize - 1].to_string()),
        30 => Some("Thirtieth".to_string()),
        21..=39 => {
            let (tens, unit) = (n / 10, n % 10);
            let unit = ORDINAL_WORDS[unit as usize - 1];
            Some(format!("{}-{unit}", TENS_WORDS[tens as usize - 2]))
        }
        _ => None,
    }
}

/// "1st", "2nd", "3rd", "11th", "22nd".
pub fn ordinal_number(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// "X", "XIV", "XX" (up to 3999).
pub fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, letters) in TABLE {
        while n >= value {
            out.push_str(letters);
            n -= value;
        }
    }
    out
}

/// A pattern's forms for member `n`: `{ordinal}` gives the word and the numeric ordinal,
/// `{roman}` the Roman numeral, `{number}` the digits.
fn expand(pattern: &str, n: u32) -> Vec<String> {
    let mut out = Vec::new();
    if pattern.contains("{ordinal}") {
        if let Some(w) = ordinal_word(n) {
            out.push(pattern.replace("{ordinal}", &w));
        }
        out.push(pattern.replace("{ordinal}", &ordinal_number(n)));
    } else if pattern.contains("{roman}") {
        out.push(pattern.replace("{roman}", &roman(n)));
    } else if pattern.contains("{number}") {
        out.push(pattern.replace("{number}", &n.to_string()));
    }
    out
}

/// The names an entry gets beyond its `name`, `full_name` and `aliases`.
pub(super) fn generated_names(entry: &RawEntry, series: Option<&RawEntry>) -> Vec<String> {
    let mut out: Vec<String> = entry.names.iter().map(|n| n.name.clone()).collect();
    if let (Some(series), Some(n)) = (series, entry.number) {
        for pattern in &series.member_names {
            out.extend(expand(pattern, n));
        }
    }
    out.retain(|n| !n.trim().is_empty());
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals_and_numerals() {
        assert_eq!(ordinal_word(10).as_deref(), Some("Tenth"));
        assert_eq!(ordinal_word(21).as_deref(), Some("Twenty-First"));
        assert_eq!(ordinal_number(1), "1st");
        assert_eq!(ordinal_number(12), "12th");
        assert_eq!(ordinal_number(22), "22nd");
        assert_eq!(roman(14), "XIV");
        assert_eq!(roman(19), "XIX");
        assert_eq!(
            expand("{ordinal} Party Congress", 17),
            ["Seventeenth Party Congress", "17th Party Congress"]
        );
        assert_eq!(expand("{roman} Party Congress", 12), ["XII Party Congress"]);
    }
}
