//! The Verhoeff check digit (dihedral group D5), used by Aadhaar numbers.
//!
//! Reference: J. Verhoeff, "Error Detecting Decimal Codes" (1969); Wikipedia, "Verhoeff
//! algorithm" (the tables below); UIDAI specifies Verhoeff for the last Aadhaar digit.

/// The multiplication table of D5.
const D: [[u8; 10]; 10] = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
    [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
    [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
    [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
    [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
    [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
    [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
    [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
    [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];

/// The permutation applied to a digit at position `i` (from the right), `P[i % 8]`.
const P: [[u8; 10]; 8] = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
    [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
    [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
    [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
    [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
    [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
    [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

/// The inverse in D5.
const INV: [u8; 10] = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

/// The running Verhoeff value over `digits`, the rightmost at position `first_pos`;
/// `None` if a byte is not an ASCII digit.
fn checksum(digits: &[u8], first_pos: usize) -> Option<u8> {
    let mut c = 0u8;
    for (i, &b) in digits.iter().rev().enumerate() {
        let d = b.wrapping_sub(b'0');
        if d > 9 {
            return None;
        }
        c = D[usize::from(c)][usize::from(P[(i + first_pos) % 8][usize::from(d)])];
    }
    Some(c)
}

/// Whether `digits` (ASCII digits only, at least two) passes the Verhoeff check.
///
/// ```
/// use leakscan::detect::validate::verhoeff;
/// assert!(verhoeff::is_valid(b"2363"));
/// assert!(!verhoeff::is_valid(b"2364"));
/// ```
pub fn is_valid(digits: &[u8]) -> bool {
    digits.len() >= 2 && checksum(digits, 0) == Some(0)
}

/// The ASCII check digit to append to `payload` (ASCII digits) to make it Verhoeff-valid.
///
/// # Panics
/// If `payload` holds a byte that is not an ASCII digit: payloads are built by the caller,
/// never taken from input data.
///
/// ```
/// use leakscan::detect::validate::verhoeff;
/// assert_eq!(verhoeff::check_digit(b"236"), b'3');
/// ```
pub fn check_digit(payload: &[u8]) -> u8 {
    // The check digit will sit at position 0, so the payload starts at position 1.
    let c = checksum(payload, 1).expect("check_digit payload must be ASCII digits");
    b'0' + INV[usize::from(c)]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The position table is the powers of one permutation: row i is row 1 applied i
    /// times (Verhoeff 1969). A typo in any row breaks this; short published examples alone
    /// did not catch one.
    #[test]
    fn position_rows_are_powers_of_the_first() {
        for i in 1..8 {
            for (d, &prev) in P[i - 1].iter().enumerate() {
                assert_eq!(P[i][d], P[1][prev as usize], "row {i}, digit {d}");
            }
        }
        // And D is a group with the inverses of INV.
        for a in 0..10 {
            assert_eq!(D[a][INV[a] as usize], 0, "inverse of {a}");
        }
    }

    /// Aadhaar-length numbers computed with an independent implementation
    /// (python, the Wikipedia tables): every position row takes part.
    #[test]
    fn twelve_digit_numbers() {
        for valid in [
            &b"556677889903"[..],
            b"998877665548",
            b"234567890124",
            b"246813579026",
        ] {
            assert!(is_valid(valid), "{}", String::from_utf8_lossy(valid));
        }
    }

    /// Published examples: Wikipedia "Verhoeff algorithm" (236 -> 2363) and the Rosetta Code
    /// task "Verhoeff algorithm" (236, 12345, 123456789012 -> check digits 3, 1, 0).
    const PUBLISHED: &[&[u8]] = &[b"2363", b"123451", b"1234567890120"];

    #[test]
    fn published_numbers_are_valid() {
        for n in PUBLISHED {
            assert!(is_valid(n), "{}", String::from_utf8_lossy(n));
        }
    }

    #[test]
    fn check_digit_matches_published() {
        assert_eq!(check_digit(b"236"), b'3');
        assert_eq!(check_digit(b"12345"), b'1');
        assert_eq!(check_digit(b"123456789012"), b'0');
    }

    #[test]
    fn any_changed_check_digit_is_invalid() {
        // Rosetta Code also shows 2369, 123459 and 1234567890129 failing.
        for n in PUBLISHED {
            let mut m = n.to_vec();
            let last = m.len() - 1;
            for d in (b'0'..=b'9').filter(|&d| d != n[last]) {
                m[last] = d;
                assert!(!is_valid(&m), "{}", String::from_utf8_lossy(&m));
            }
        }
    }

    #[test]
    fn single_errors_and_adjacent_swaps_are_caught() {
        // A synthetic 12-digit Aadhaar-shaped number; Verhoeff catches every single-digit
        // error and every transposition of adjacent different digits.
        let mut n = *b"234567890120";
        n[11] = check_digit(&n[..11]);
        assert!(is_valid(&n));
        for i in 0..n.len() {
            for d in (b'0'..=b'9').filter(|&d| d != n[i]) {
                let mut m = n;
                m[i] = d;
                assert!(!is_valid(&m), "substitution at {i}");
            }
            if i + 1 < n.len() && n[i] != n[i + 1] {
                let mut m = n;
                m.swap(i, i + 1);
                assert!(!is_valid(&m), "swap at {i}");
            }
        }
    }

    #[test]
    fn rejects_short_and_non_digit_input() {
        assert!(!is_valid(b""));
        assert!(!is_valid(b"0"));
        assert!(is_valid(b"04"));
        assert!(!is_valid(b"00"));
        assert!(!is_valid(b"2363 "));
        assert!(!is_valid(b"23a3"));
    }
}
