//! Singapore NRIC and FIN numbers: the check letter of the S, T, F, G and M series.
//!
//! The Immigration & Checkpoints Authority's algorithm: weights 2 7 6 5 4 3 2 on the seven
//! digits, plus a series offset (S, F: 0; T, G: 4; M: 3), modulo 11, mapped through the
//! series' letter table. The S/T and F/G tables are as in Wikipedia, "National Registration
//! Identity Card"; the M series (FINs issued from 1 January 2022) as in GovTech's FormSG
//! `isMFinSeriesValid` (opengovsg/FormSG, shared/utils/nric-validation.ts).

/// Weights of the seven digits, left to right.
const WEIGHTS: [u32; 7] = [2, 7, 6, 5, 4, 3, 2];

/// Check letters of citizens and permanent residents (S, T), indexed by the remainder.
const ST: &[u8; 11] = b"JZIHGFEDCBA";
/// Check letters of foreigners (F, G), indexed by the remainder.
const FG: &[u8; 11] = b"XWUTRQPNMLK";
/// Check letters of the M series, indexed by the remainder.
const M: &[u8; 11] = b"XWUTRQPNJLK";

/// The check letter for `prefix` (S/T/F/G/M, either case) and seven ASCII digits, or `None`.
fn letter(prefix: u8, digits: &[u8]) -> Option<u8> {
    let (offset, table) = match prefix.to_ascii_uppercase() {
        b'S' => (0, ST),
        b'T' => (4, ST),
        b'F' => (0, FG),
        b'G' => (4, FG),
        b'M' => (3, M),
        _ => return None,
    };
    if digits.len() != WEIGHTS.len() {
        return None;
    }
    let mut sum = offset;
    for (&b, w) in digits.iter().zip(WEIGHTS) {
        let d = u32::from(b.wrapping_sub(b'0'));
        if d > 9 {
            return None;
        }
        sum += d * w;
    }
    // The remainder is below 11, the table's length.
    Some(table[(sum % 11) as usize])
}

/// Whether `id` is a Singapore NRIC/FIN with a correct check letter: 9 characters
/// `[STFGM]\d{7}[A-Z]`, letters in either case.
///
/// ```
/// use leakscan::detect::validate::nric;
/// assert!(nric::is_valid(b"S1234567D"));
/// assert!(nric::is_valid(b"s1234567d"));
/// assert!(!nric::is_valid(b"S1234567E"));
/// ```
pub fn is_valid(id: &[u8]) -> bool {
    match id {
        [prefix, digits @ .., last] if id.len() == 9 => {
            letter(*prefix, digits) == Some(last.to_ascii_uppercase())
        }
        _ => false,
    }
}

/// The upper-case check letter for `prefix` (S, T, F, G or M, either case) and 7 ASCII digits.
///
/// # Panics
/// If `prefix` is not one of the series letters or `digits` is not 7 ASCII digits: the
/// arguments are built by the caller, never taken from input data.
///
/// ```
/// use leakscan::detect::validate::nric;
/// assert_eq!(nric::check_letter(b'M', b"1234567"), b'K');
/// ```
pub fn check_letter(prefix: u8, digits: &[u8]) -> u8 {
    letter(prefix, digits).expect("check_letter needs a series letter and 7 ASCII digits")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Published examples: S1234567D is the worked example of Wikipedia "National
    /// Registration Identity Card"; M1234567K is FormSG's M-series test vector
    /// (shared/utils/__tests__/nric-validation.spec.ts). The T, F and G values apply the same
    /// published tables to the same digits.
    const PUBLISHED: &[&[u8]] = &[
        b"S1234567D",
        b"T1234567J",
        b"F1234567N",
        b"G1234567X",
        b"M1234567K",
    ];

    #[test]
    fn published_ids_are_valid() {
        for id in PUBLISHED {
            assert!(is_valid(id), "{}", String::from_utf8_lossy(id));
            assert_eq!(check_letter(id[0], &id[1..8]), id[8]);
        }
    }

    #[test]
    fn any_other_check_letter_is_invalid() {
        // FormSG's negatives: M1234567L (wrong letter), M1234567I (not in the M table).
        assert!(!is_valid(b"M1234567L"));
        assert!(!is_valid(b"M1234567I"));
        for id in PUBLISHED {
            let mut m = id.to_vec();
            for c in (b'A'..=b'Z').filter(|&c| c != id[8]) {
                m[8] = c;
                assert!(!is_valid(&m), "{}", String::from_utf8_lossy(&m));
            }
        }
    }

    #[test]
    fn a_changed_digit_is_invalid() {
        // Weights are below 11 and non-zero, so any single-digit change moves the remainder.
        for id in PUBLISHED {
            for i in 1..8 {
                let mut m = id.to_vec();
                m[i] = if m[i] == b'9' { b'0' } else { m[i] + 1 };
                assert!(!is_valid(&m), "{}", String::from_utf8_lossy(&m));
            }
        }
    }

    #[test]
    fn series_offsets_differ() {
        // The same digits and letter under another series letter fail: the offset matters.
        assert!(!is_valid(b"T1234567D"));
        assert!(!is_valid(b"G1234567N"));
        assert!(!is_valid(b"M1234567N"));
    }

    #[test]
    fn case_insensitive() {
        assert!(is_valid(b"m1234567k"));
        assert!(is_valid(b"t1234567J"));
        assert_eq!(check_letter(b'g', b"1234567"), b'X');
    }

    #[test]
    fn rejects_wrong_shapes() {
        for bad in [
            &b""[..],
            b"S1234567",
            b"S1234567DD",
            b"A1234567D",
            b"S12345A7D",
            b"S1234567 ",
            b"S1234567\xc4",
        ] {
            assert!(!is_valid(bad), "{}", String::from_utf8_lossy(bad));
        }
    }
}
