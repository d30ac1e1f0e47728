//! Check digits the generator computes so that planted numbers validate (and decoys that
//! must fail, fail). Private stand-ins, written before `crate::detect::validate` was merged:
//! each module keeps the signature of its counterpart there so the swap is a `use` change.

/// Luhn (mod 10) check digits: payment cards, IMEIs, internal reference numbers.
// TODO(lead): replace with crate::detect::validate::luhn once merged
pub(crate) mod luhn {
    /// The ASCII check digit that makes `payload` followed by it Luhn-valid.
    /// `payload` is ASCII digits.
    pub(crate) fn check_digit(payload: &[u8]) -> u8 {
        let mut sum = 0u32;
        // The digit right of the payload is the check digit, so the payload's last digit is
        // the first one doubled.
        for (i, &b) in payload.iter().rev().enumerate() {
            let mut d = u32::from(b - b'0');
            if i % 2 == 0 {
                d *= 2;
                if d > 9 {
                    d -= 9;
                }
            }
            sum += d;
        }
        b'0' + ((10 - sum % 10) % 10) as u8
    }
}

/// Verhoeff check digits: Aadhaar numbers (and the 12-digit decoys that must fail them).
// TODO(lead): replace with crate::detect::validate::verhoeff once merged
pub(crate) mod verhoeff {
    /// Multiplication in the dihedral group D5.
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
    /// The position permutation, applied `i mod 8` times.
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
    /// Inverses in D5.
    const INV: [u8; 10] = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

    /// The ASCII check digit that makes `payload` followed by it Verhoeff-valid.
    /// `payload` is ASCII digits.
    pub(crate) fn check_digit(payload: &[u8]) -> u8 {
        let mut c = 0usize;
        for (i, &b) in payload.iter().rev().enumerate() {
            c = usize::from(D[c][usize::from(P[(i + 1) % 8][usize::from(b - b'0')])]);
        }
        b'0' + INV[c]
    }
}

/// Singapore NRIC/FIN check letters (S, T, F, G and the M series of 2022).
// TODO(lead): replace with crate::detect::validate::nric once merged
pub(crate) mod nric {
    const WEIGHTS: [u32; 7] = [2, 7, 6, 5, 4, 3, 2];

    /// The ASCII check letter of the NRIC/FIN `prefix` + `digits` (7 ASCII digits), or 0
    /// for a prefix that is not one of `S T F G M`.
    pub(crate) fn check_letter(prefix: u8, digits: &[u8]) -> u8 {
        let sum: u32 = digits
            .iter()
            .zip(WEIGHTS)
            .map(|(&d, w)| u32::from(d - b'0') * w)
            .sum();
        let (offset, table): (u32, &[u8; 11]) = match prefix {
            b'S' => (0, b"JZIHGFEDCBA"),
            b'T' => (4, b"JZIHGFEDCBA"),
            b'F' => (0, b"XWUTRQPNMLK"),
            b'G' => (4, b"XWUTRQPNMLK"),
            b'M' => (3, b"XWUTRQPNJLK"),
            _ => return 0,
        };
        table[((sum + offset) % 11) as usize]
    }
}

/// GSTIN check characters (Luhn mod 36). leakscan validates no GSTIN, so this has no
/// counterpart to swap in: it only makes the GSTIN decoys look like real ones.
pub(crate) mod gstin {
    const CHARS: &[u8; 36] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /// The check character of the first 14 characters of a GSTIN (digits and upper-case
    /// letters).
    pub(crate) fn check_char(payload: &[u8]) -> u8 {
        let mut sum = 0u32;
        for (i, &c) in payload.iter().enumerate() {
            let v = if c.is_ascii_digit() {
                u32::from(c - b'0')
            } else {
                u32::from(c - b'A') + 10
            };
            let p = v * if i % 2 == 0 { 1 } else { 2 };
            sum += p / 36 + p % 36;
        }
        CHARS[((36 - sum % 36) % 36) as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn luhn_published_numbers() {
        // The Luhn article's example account number, and the Visa test card.
        assert_eq!(luhn::check_digit(b"7992739871"), b'3');
        assert_eq!(luhn::check_digit(b"411111111111111"), b'1');
        assert_eq!(luhn::check_digit(b"37828224631000"), b'5');
    }

    #[test]
    fn verhoeff_published_numbers() {
        // 236 -> 2363 is the worked example of the Verhoeff scheme.
        assert_eq!(verhoeff::check_digit(b"236"), b'3');
        assert_eq!(verhoeff::check_digit(b"12345"), b'1');
        assert_eq!(verhoeff::check_digit(b"142857"), b'0');
    }

    #[test]
    fn nric_published_numbers() {
        assert_eq!(nric::check_letter(b'S', b"1234567"), b'D');
        assert_eq!(nric::check_letter(b'T', b"1234567"), b'J');
        assert_eq!(nric::check_letter(b'F', b"1234567"), b'N');
        assert_eq!(nric::check_letter(b'G', b"1234567"), b'X');
        // M series: sum 106 + 3 = 109, 109 mod 11 = 10, 11 - 10 = 1 -> 'K'.
        assert_eq!(nric::check_letter(b'M', b"1234567"), b'K');
        assert_eq!(nric::check_letter(b'X', b"1234567"), 0);
    }

    #[test]
    fn gstin_published_number() {
        assert_eq!(gstin::check_char(b"27AAPFU0939F1Z"), b'V');
    }
}
