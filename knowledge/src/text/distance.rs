//! Edit distance with transpositions (optimal string alignment, as `strsim::osa_distance`
//! computes it) when only small distances matter: the near-miss search compares a word with
//! thousands of name words per essay and keeps only distances of one to three, so this works on
//! the stack and stops as soon as the bound cannot be met.

/// The OSA distance between `a` and `b`, as `strsim::osa_distance` gives it (without
/// allocating for words of up to 40 characters).
pub(crate) fn osa(a: &str, b: &str) -> usize {
    osa_within(a, b, usize::MAX).unwrap_or(usize::MAX)
}

/// Words longer than this (in characters) go to `strsim`, which allocates.
const STACK_CHARS: usize = 40;

/// The OSA distance between `a` and `b` (over characters) when it is at most `bound`; `None`
/// when it is larger. The same distance as `strsim::osa_distance`.
pub(crate) fn osa_within(a: &str, b: &str, bound: usize) -> Option<usize> {
    // ASCII words (nearly all names as written) are compared byte by byte, with no copy.
    if a.is_ascii() && b.is_ascii() && a.len() <= STACK_CHARS && b.len() <= STACK_CHARS {
        if bag_distance(a.as_bytes(), b.as_bytes()) > bound {
            return None;
        }
        return within(a.as_bytes(), b.as_bytes(), bound);
    }
    let mut ac = ['\0'; STACK_CHARS];
    let mut bc = ['\0'; STACK_CHARS];
    let (Some(m), Some(n)) = (fill(a, &mut ac), fill(b, &mut bc)) else {
        let d = strsim::osa_distance(a, b);
        return (d <= bound).then_some(d);
    };
    within(&ac[..m], &bc[..n], bound)
}

/// A lower bound of the OSA distance, far cheaper than the table: the letters one word has and
/// the other lacks (a substitution removes and adds one letter, an insertion or a deletion one,
/// a transposition none), with bytes counted in 32 buckets (sharing a bucket can only hide a
/// difference, so the bound stays below the distance). A candidate of the near-miss search that
/// differs in more letters than the bound allows is left here.
fn bag_distance(a: &[u8], b: &[u8]) -> usize {
    let mut counts = [0i8; 32];
    for &x in a {
        counts[usize::from(x & 31)] += 1;
    }
    for &y in b {
        counts[usize::from(y & 31)] -= 1;
    }
    let (mut more, mut fewer) = (0usize, 0usize);
    for c in counts {
        if c > 0 {
            more += c as usize;
        } else {
            fewer += c.unsigned_abs() as usize;
        }
    }
    more.max(fewer)
}

/// `osa_within` over two sequences of at most `STACK_CHARS` items, in three rows kept on the
/// stack and taken in turn (no row is copied).
fn within<T: Copy + PartialEq>(ac: &[T], bc: &[T], bound: usize) -> Option<usize> {
    let (m, n) = (ac.len(), bc.len());
    // (The distance is at least the difference in length.)
    if m.abs_diff(n) > bound {
        return None;
    }
    // Every distance is at most `STACK_CHARS + 1`, so a byte holds it.
    let mut rows = [[0u8; STACK_CHARS + 1]; 3];
    for (j, x) in rows[0][..=n].iter_mut().enumerate() {
        *x = j as u8;
    }
    let bound8 = bound.min(u8::MAX as usize) as u8;
    let mut prev_min = 0;
    for (i, &x) in ac.iter().enumerate() {
        // Row `i + 1` of the table in `rows[(i + 1) % 3]`, row `i` before it, row `i - 1` before.
        let [two, prev, cur] = rows_at(&mut rows, i);
        cur[0] = (i + 1) as u8;
        let mut row_min = cur[0];
        for (j, &y) in bc.iter().enumerate() {
            let cost = u8::from(x != y);
            let mut d = (cur[j] + 1).min(prev[j + 1] + 1).min(prev[j] + cost);
            if i > 0 && j > 0 && x != y && x == bc[j - 1] && y == ac[i - 1] {
                d = d.min(two[j - 1] + 1);
            }
            cur[j + 1] = d;
            row_min = row_min.min(d);
        }
        // Every cell comes from the row above (at no cost or more) or from two rows above (at
        // a cost of one): when two rows in a row exceed the bound, so does every later row.
        if row_min > bound8 && prev_min > bound8 {
            return None;
        }
        prev_min = row_min;
    }
    let d = usize::from(rows[m % 3][n]);
    (d <= bound).then_some(d)
}

/// The rows `i - 1`, `i` and `i + 1` of the table (the first only read, the last written).
fn rows_at<const W: usize>(rows: &mut [[u8; W]; 3], i: usize) -> [&mut [u8; W]; 3] {
    let [r0, r1, r2] = rows;
    match i % 3 {
        0 => [r2, r0, r1],
        1 => [r0, r1, r2],
        _ => [r1, r2, r0],
    }
}

/// The characters of `w` into `out`, and how many; `None` when they do not fit.
fn fill(w: &str, out: &mut [char; STACK_CHARS]) -> Option<usize> {
    let mut k = 0;
    for c in w.chars() {
        *out.get_mut(k)? = c;
        k += 1;
    }
    Some(k)
}

#[cfg(test)]
mod tests {
    use super::{osa, osa_within};
    use proptest::prelude::*;

    fn both(a: &str, b: &str, bound: usize) -> (Option<usize>, Option<usize>) {
        let d = strsim::osa_distance(a, b);
        (osa_within(a, b, bound), (d <= bound).then_some(d))
    }

    #[test]
    fn near_misses_of_names() {
        for (a, b) in [
            ("trotksy", "trotsky"),
            ("zinoniev", "zinoviev"),
            ("krondstadt", "kronstadt"),
            ("bukarin", "bukharin"),
            ("stallin", "stalin"),
            ("ab", "bca"),
            ("", "lenin"),
            ("lenin", ""),
            ("ca", "abc"),
            ("kamenev", "kamenev"),
            ("łódź", "lodz"),
        ] {
            for bound in 0..5 {
                let (fast, slow) = both(a, b, bound);
                assert_eq!(fast, slow, "{a} {b} {bound}");
            }
        }
    }

    #[test]
    fn long_words_fall_back_to_strsim() {
        let a = "a".repeat(50);
        let b = format!("{}b", "a".repeat(49));
        assert_eq!(osa_within(&a, &b, 3), Some(1));
        assert_eq!(osa_within(&a, &"c".repeat(50), 3), None);
    }

    proptest! {
        #[test]
        fn ascii_same_as_strsim(a in "[a-z]{0,12}", b in "[a-z]{0,12}", bound in 0usize..6) {
            let (fast, slow) = both(&a, &b, bound);
            prop_assert_eq!(fast, slow);
            prop_assert!(super::bag_distance(a.as_bytes(), b.as_bytes()) <= strsim::osa_distance(&a, &b));
        }

        #[test]
        fn same_as_strsim(a in "[abcé]{0,12}", b in "[abcé]{0,12}", bound in 0usize..6) {
            let (fast, slow) = both(&a, &b, bound);
            prop_assert_eq!(fast, slow);
            prop_assert_eq!(osa(&a, &b), strsim::osa_distance(&a, &b));
        }
    }
}
