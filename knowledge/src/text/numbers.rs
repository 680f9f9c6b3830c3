//! Numbers as students write them: "681,692", "681 692", "2.9 million", "a quarter of a
//! million", "half a million", "three of the five", "1 in 18", "ninety-eight", "14 times",
//! "90 per cent", "a hundred", ranges "5 to 7 million" / "17 or 18 million". Years are left to
//! `dates`.

use std::ops::Range;

use super::sentences::{Sentence, TokKind};

#[derive(Clone, Debug, PartialEq)]
pub struct NumberExpr {
    /// Sentence-relative range of the number as written (what a fix replaces).
    pub range: Range<usize>,
    pub value: f64,
    /// The student rounds or hedges ("some", "about", "over", "2.9 million"): compare loosely.
    pub approx: bool,
    /// "three of the five": the whole it is a part of (set even when the part is the larger).
    pub of: Option<f64>,
    /// "1 in 18": a ratio, value is the fraction.
    pub ratio: bool,
    /// "per cent" or "%" follows.
    pub percent: bool,
    /// "5 to 7 million", "17 or 18 million": the top of a range written as one number (`value` is
    /// the bottom).
    pub high: Option<f64>,
    pub toks: Range<usize>,
}

/// Is the word a small number in words ("three", "twelve")?
pub fn is_number_word(w: &str) -> bool {
    small_value(w).is_some()
}

/// "zero" to "twenty", and the tens to "ninety". Most words are looked up here and miss: the
/// match on the length first leaves each a comparison or two of fixed-length bytes.
fn small_value(w: &str) -> Option<f64> {
    let v = match w.len() {
        3 => match w {
            "one" => 1,
            "two" => 2,
            "six" => 6,
            "ten" => 10,
            _ => return None,
        },
        4 => match w {
            "zero" => 0,
            "four" => 4,
            "five" => 5,
            "nine" => 9,
            _ => return None,
        },
        5 => match w {
            "three" => 3,
            "seven" => 7,
            "eight" => 8,
            "forty" => 40,
            "fifty" => 50,
            "sixty" => 60,
            _ => return None,
        },
        6 => match w {
            "eleven" => 11,
            "twelve" => 12,
            "twenty" => 20,
            "thirty" => 30,
            "eighty" => 80,
            "ninety" => 90,
            _ => return None,
        },
        7 => match w {
            "fifteen" => 15,
            "sixteen" => 16,
            "seventy" => 70,
            _ => return None,
        },
        8 => match w {
            "thirteen" => 13,
            "fourteen" => 14,
            "eighteen" => 18,
            "nineteen" => 19,
            _ => return None,
        },
        9 => match w {
            "seventeen" => 17,
            _ => return None,
        },
        _ => return None,
    };
    Some(f64::from(v))
}

fn scale_value(w: &str) -> Option<f64> {
    Some(match w {
        "hundred" => 100.0,
        "thousand" => 1e3,
        "million" | "millions" | "m" | "mn" => 1e6,
        "billion" => 1e9,
        _ => return None,
    })
}

fn fraction_value(w: &str) -> Option<f64> {
    Some(match w {
        "half" => 0.5,
        "quarter" => 0.25,
        "third" => 1.0 / 3.0,
        "three-quarters" => 0.75,
        _ => return None,
    })
}

const HEDGES: &[&str] = &[
    "some",
    "about",
    "around",
    "approximately",
    "roughly",
    "nearly",
    "almost",
    "over",
    "more",
    "under",
    "up",
    "c",
    "circa",
    "perhaps",
    "estimated",
    "an",
    "at",
    "least",
    "than",
    "fewer",
    "less",
];

/// Could a word be a number word ("seven", "ninety-eight"), a fraction ("half", "three-quarters")
/// or "a"/"an"? By its first letter and length: a bit per length those words have.
fn may_begin_number(w: &[u8]) -> bool {
    let lengths: u32 = match w.first() {
        Some(b'a') => 0x6,
        Some(b'e') => 0x1d60,
        Some(b'f') => 0xfb0,
        Some(b'h' | b'z') => 0x10,
        Some(b'n') => 0x1d50,
        Some(b'o') => 0x8,
        Some(b'q') => 0x80,
        Some(b's') => 0x3ea8,
        Some(b't') => 0x5d68,
        _ => 0,
    };
    w.len() < 32 && (lengths >> w.len()) & 1 == 1
}

fn word_value(w: &str) -> Option<f64> {
    // Every number word starts with one of these letters and is short: most words leave here.
    if w.len() < 3
        || w.len() > 13
        || !matches!(w.as_bytes()[0], b'z' | b'o' | b't' | b'f' | b's' | b'e' | b'n')
    {
        return None;
    }
    if let Some(v) = small_value(w) {
        return Some(v);
    }
    // "ninety-eight" (the shortest such is "forty-one")
    if w.len() < 9 {
        return None;
    }
    let dash = w.bytes().position(|b| b == b'-')?;
    let (a, b) = (&w[..dash], &w[dash + 1..]);
    let tens = small_value(a).filter(|&v| v >= 20.0)?;
    let units = small_value(b).filter(|&v| v < 10.0)?;
    Some(tens + units)
}

#[inline]
fn digits_value(s: &Sentence, i: usize) -> Option<(f64, usize, bool)> {
    if s.toks[i].kind != TokKind::Number {
        return None;
    }
    let w = s.word(i);
    let mut v = plain_value(w)?;
    let mut end = i + 1;
    let mut decimal = w.contains('.');
    // "681 692": groups of three digits separated by a (thin) space.
    while end < s.toks.len()
        && s.toks[end].kind == TokKind::Number
        && s.word(end).len() == 3
        && !w.contains(',')
        && !decimal
    {
        let gap = &s.lower[s.toks[end - 1].range.end..s.toks[end].range.start];
        if !(gap == " " || gap == "\u{202f}" || gap == "\u{a0}" || gap == "\u{2009}")
            || v >= 1000.0 && end == i + 1 && w.len() > 3
        {
            break;
        }
        v = v * 1000.0 + s.word(end).parse::<f64>().ok()?;
        end += 1;
        decimal = false;
    }
    Some((v, end, decimal))
}

/// The value of a number token with its thousands commas dropped ("681,692"), as `f64::from_str`
/// reads it. Whole numbers of up to 15 digits are exact in an `f64`, so they are summed
/// directly; anything else (decimals) goes through the parser.
fn plain_value(w: &str) -> Option<f64> {
    let mut n: u64 = 0;
    let mut digits = 0;
    for b in w.bytes() {
        match b {
            b'0'..=b'9' => {
                n = n * 10 + u64::from(b - b'0');
                digits += 1;
            }
            b',' => {}
            _ => return w.replace(',', "").parse().ok(),
        }
        if digits > 15 {
            return w.replace(',', "").parse().ok();
        }
    }
    if digits == 0 {
        return None;
    }
    Some(n as f64)
}

pub fn find(s: &Sentence) -> Vec<NumberExpr> {
    let mut out = Vec::new();
    let n = s.toks.len();
    let mut i = 0;
    while i < n {
        // Fast path: punctuation, or a word that cannot begin a number ("one", "a hundred",
        // "half", "quarter").
        let kind = s.toks[i].kind;
        if kind == TokKind::Punct
            || kind == TokKind::Word
                && !may_begin_number(&s.lower.as_bytes()[s.toks[i].range.clone()])
        {
            i += 1;
            continue;
        }
        let Some(mut r) = Reading::at(s, i) else {
            i += 1;
            continue;
        };
        // Four-digit plain integers are years (handled by `dates`), unless a count noun follows.
        let w = s.word(i);
        let is_plain_4 =
            s.toks[i].kind == TokKind::Number && w.len() == 4 && r.end == i + 1 && !w.contains(',');
        r.range_of(s, i);
        r.scale(s);
        if is_plain_4 && r.end == i + 1 && (1700.0..=2099.0).contains(&r.value) {
            // A year unless a count noun follows (decided in `dates`; mirror it here).
            let next = if r.end < n { s.word(r.end) } else { "" };
            if !is_count_noun(next) {
                i = r.end;
                continue;
            }
        }
        let number = r.finish(s);
        i = number.toks.end;
        out.push(number);
    }
    out
}

/// A number being read: its first token, value, the token after it, whether it is rounded or
/// hedged, and the top of a range.
struct Reading {
    start: usize,
    value: f64,
    end: usize,
    approx: bool,
    high: Option<f64>,
}

impl Reading {
    /// The number that starts at token `i`: digits, a number word, "a hundred", or a fraction
    /// of a scale ("a quarter of a million", "half a million").
    fn at(s: &Sentence, i: usize) -> Option<Reading> {
        let n = s.toks.len();
        let w = s.word(i);
        let reading = |start, value, end, approx| Reading { start, value, end, approx, high: None };
        if s.toks[i].kind == TokKind::Number {
            if let Some((v, e, dec)) = digits_value(s, i) {
                return Some(reading(i, v, e, dec));
            }
        }
        if let Some(v) = word_value(w) {
            return Some(reading(i, v, i + 1, false));
        }
        if matches!(w, "a" | "an")
            && i + 1 < n
            && matches!(s.word(i + 1), "hundred" | "thousand" | "million" | "billion")
        {
            // "a hundred kulaks", "over a thousand", "a million": one of the scale.
            return Some(reading(i, 1.0, i + 1, false));
        }
        let f = fraction_value(w)?;
        let mut k = i + 1;
        while k < n && matches!(s.word(k), "of" | "a" | "an") {
            k += 1;
        }
        let scale = if k < n { scale_value(s.word(k)) } else { None }?;
        let start = if i >= 1 && matches!(s.word(i - 1), "a" | "an") { i - 1 } else { i };
        Some(reading(start, f * scale, k + 1, true))
    }

    /// Ranges: "5 to 7 million", "17 or 18 million", "1-2 million": the scale of the top applies
    /// to the bottom too.
    fn range_of(&mut self, s: &Sentence, i: usize) {
        let (n, end) = (s.toks.len(), self.end);
        let ranged = end + 2 < n
            && matches!(s.word(end), "to" | "or" | "-" | "–")
            && s.toks[i].kind == TokKind::Number
            || end + 2 < n && matches!(s.word(end), "to" | "or") && word_value(s.word(i)).is_some();
        if !ranged {
            return;
        }
        let k = end + 1;
        let top = digits_value(s, k)
            .filter(|(_, _, _)| s.toks[k].kind == TokKind::Number)
            .map(|(v, e, _)| (v, e))
            .or_else(|| word_value(s.word(k)).map(|v| (v, k + 1)));
        let Some((top, e)) = top else { return };
        if let Some(scale) = if e < n { scale_value(s.word(e)) } else { None } {
            if top > self.value && scale >= 1e3 {
                self.value *= scale;
                self.high = Some(top * scale);
                self.end = e + 1;
                self.approx = true;
            }
        }
    }

    /// "two and a half million", and scales: "2.9 million", "ninety thousand".
    fn scale(&mut self, s: &Sentence) {
        let n = s.toks.len();
        if self.high.is_some() {
            return;
        }
        let end = self.end;
        if end + 3 < n
            && s.word(end) == "and"
            && s.word(end + 1) == "a"
            && s.word(end + 2) == "half"
            && matches!(s.word(end + 3), "million" | "thousand" | "billion" | "hundred")
        {
            self.value += 0.5;
            self.end += 3;
        }
        let next = if self.end < n { scale_value(s.word(self.end)) } else { None };
        let Some(scale) = next else { return };
        if scale >= 1e6 || self.value < 1000.0 {
            self.value *= scale;
            self.end += 1;
            self.approx = true;
            if let Some(scale) = if self.end < n { scale_value(s.word(self.end)) } else { None } {
                self.value *= scale;
                self.end += 1;
            }
        }
    }

    /// The number with its hedge, its percent sign and the whole it is a part of.
    fn finish(mut self, s: &Sentence) -> NumberExpr {
        let n = s.toks.len();
        // Hedges before: "some", "about", "over", "nearly"
        if self.start >= 1 && HEDGES.contains(&s.word(self.start - 1)) {
            self.approx = true;
        }
        let mut percent = false;
        if self.end < n && (s.word(self.end) == "%" || s.word(self.end) == "percent") {
            percent = true;
            self.end += 1;
        } else if self.end + 1 < n && s.word(self.end) == "per" && s.word(self.end + 1) == "cent" {
            percent = true;
            self.end += 2;
        }
        let (of, ratio) = self.whole(s);
        let Reading { start, value, end, approx, high } = self;
        let range = s.toks[start].range.start..s.toks[end - 1].range.end;
        let value = if ratio { value / of.unwrap_or(1.0) } else { value };
        NumberExpr { range, value, approx, of, ratio, percent, high, toks: start..end }
    }

    /// The whole the number is a part of: "three of the five", "1 in 18" (a ratio), "5/10
    /// members" (not a date like 1/12/1934).
    fn whole(&mut self, s: &Sentence) -> (Option<f64>, bool) {
        let (n, end) = (s.toks.len(), self.end);
        if end + 1 < n && matches!(s.word(end), "of" | "in" | "out") {
            let mut k = end + 1;
            if s.word(end) == "out" && k < n && s.word(k) == "of" {
                k += 1;
            }
            if k < n && s.word(k) == "the" {
                k += 1;
            }
            if k < n {
                let whole = digits_value(s, k)
                    .map(|(v, e, _)| (v, e))
                    .or_else(|| word_value(s.word(k)).map(|v| (v, k + 1)));
                if let Some((whole, e)) = whole {
                    if s.word(end) == "in" && whole > self.value {
                        self.end = e;
                        return (Some(whole), true);
                    } else if s.word(end) != "in" {
                        // Even when the part is larger ("2,108 of the 1,966"): the student's slip.
                        return (Some(whole), false);
                    }
                }
            }
        }
        if end + 1 < n && s.word(end) == "/" && s.toks[end - 1].kind == TokKind::Number {
            let tight = s.toks[end].range.start == s.toks[end - 1].range.end
                && s.toks[end + 1].range.start == s.toks[end].range.end;
            let more = (end + 2 < n && s.word(end + 2) == "/")
                || (self.start >= 1 && s.word(self.start - 1) == "/");
            if tight && !more && s.toks[end + 1].kind == TokKind::Number {
                return (s.word(end + 1).parse().ok(), false);
            }
        }
        (None, false)
    }
}

pub fn is_count_noun(w: &str) -> bool {
    matches!(
        w,
        "people"
            | "persons"
            | "delegates"
            | "members"
            | "tonnes"
            | "tons"
            | "executions"
            | "victims"
            | "deaths"
            | "arrests"
            | "men"
            | "women"
            | "peasants"
            | "workers"
            | "kulaks"
            | "prisoners"
            | "soldiers"
            | "officers"
            | "roubles"
            | "rubles"
            | "votes"
            | "troops"
            | "sailors"
            | "cases"
            | "families"
            | "households"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(text: &str) -> String {
        let s = Sentence::new(text, 0..text.len());
        find(&s)
            .iter()
            .map(|n| {
                format!(
                    "[{}]={}{}{}{}",
                    &text[n.range.clone()],
                    n.value,
                    n.high.map_or(String::new(), |h| format!("..{h}")),
                    if n.approx { "~" } else { "" },
                    n.of.map_or(String::new(), |o| format!(" of {o}"))
                )
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn reads_numbers_as_written() {
        expect_test::expect!["[681,692]=681692 [681 692]=681692 [2.9 million]=2900000~ [a quarter of a million]=250000~"]
            .assert_eq(&show("681,692 and 681 692 and 2.9 million and a quarter of a million"));
        expect_test::expect!["[three]=3 of 5 [five]=5 [1 in 18]=0.05555555555555555 of 18 [ninety-eight]=98 [1,108]=1108~ of 1966 [1,966]=1966"]
            .assert_eq(&show("three of the five, 1 in 18, ninety-eight and some 1,108 of the 1,966 delegates"));
        expect_test::expect!["[2,108]=2108~ of 1966 [1,966]=1966"]
            .assert_eq(&show("Some 2,108 of the 1,966 delegates"));
        expect_test::expect!["[5]=5 of 10 [10]=10 [1]=1 [12]=12"]
            .assert_eq(&show("5/10 members, 1/12/1934"));
    }

    #[test]
    fn reads_ranges_and_words() {
        expect_test::expect!["[5 to 7 million]=5000000..7000000~ [17 or 18 million]=17000000..18000000~ [1-2 million]=1000000..2000000~"]
            .assert_eq(&show("5 to 7 million and 17 or 18 million and 1-2 million"));
        expect_test::expect!["[a hundred]=100~ [a thousand]=1000~ [a million]=1000000~"]
            .assert_eq(&show("a hundred kulaks, over a thousand, a million"));
        expect_test::expect!["[300,000]=300000 [600,000]=600000"]
            .assert_eq(&show("from 300,000 in 1922 to 600,000 in 1925"));
        expect_test::expect!["[ten]=10 [five]=5"].assert_eq(&show("from ten to five"));
        expect_test::expect!["[two and a half million]=2500000~ [seven hundred thousand]=700000~"]
            .assert_eq(&show("two and a half million, seven hundred thousand"));
    }

    #[test]
    fn every_number_word_passes_the_fast_path() {
        let small = [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
            "thirty",
            "forty",
            "fifty",
            "sixty",
            "seventy",
            "eighty",
            "ninety",
        ];
        let mut words: Vec<String> = small.iter().map(|w| w.to_string()).collect();
        for tens in &small[20..] {
            words.extend(small[..10].iter().map(|u| format!("{tens}-{u}")));
        }
        words.extend(["half", "quarter", "third", "three-quarters", "a", "an"].map(String::from));
        for w in &words {
            let begins = word_value(w).is_some()
                || fraction_value(w).is_some()
                || matches!(w.as_str(), "a" | "an");
            assert!(begins && may_begin_number(w.as_bytes()), "{w}");
        }
        for w in ["the", "of", "to", "and", "some", "stalin", "from", "sevens", ""] {
            assert_eq!(may_begin_number(w.as_bytes()), matches!(w, "the" | "from"), "{w}");
        }
    }

    #[test]
    fn years_are_not_figures() {
        assert_eq!(show("In 1934 and 1937"), "");
        assert_eq!(show("1966 delegates"), "[1966]=1966");
    }
}
