//! US Social Security numbers: the ranges the Social Security Administration never assigns.
//!
//! An SSN has no check digit. Per the SSA ("Social Security Number Randomization",
//! ssa.gov/employer/randomization.html) no SSN has area 000, 666 or 900-999, group 00 or
//! serial 0000. Numbers printed in advertising and pamphlets are excluded too: 078-05-1120
//! (the Woolworth wallet insert) and 219-09-9999 (the SSA's own 1940 pamphlet), both listed on
//! the SSA history page "Misused SSNs" (ssa.gov/history/ssn/misused.html), and 123-45-6789,
//! the usual placeholder. SSA reserves 987-65-4320..4329 for advertising: area 9xx already.

/// Numbers that fit every range but are known placeholders, never anyone's number.
const PUBLISHED_PLACEHOLDERS: [&[u8; 9]; 3] = [b"078051120", b"219099999", b"123456789"];

/// Whether `digits` (9 ASCII digits, separators removed) could be an assigned SSN.
///
/// ```
/// use leakscan::detect::validate::ssn;
/// assert!(ssn::is_valid(b"536225487"));
/// assert!(!ssn::is_valid(b"666225487"));
/// assert!(!ssn::is_valid(b"078051120"));
/// ```
pub fn is_valid(digits: &[u8]) -> bool {
    let Ok(d) = <&[u8; 9]>::try_from(digits) else {
        return false;
    };
    if !d.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let (area, group, serial) = (&d[..3], &d[3..5], &d[5..]);
    area != b"000"
        && area != b"666"
        && area[0] != b'9'
        && group != b"00"
        && serial != b"0000"
        && !PUBLISHED_PLACEHOLDERS.contains(&d)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Synthetic numbers inside the assignable ranges (not real people's numbers: an SSN has
    /// no published valid examples other than the placeholders below).
    const ASSIGNABLE: &[&[u8]] = &[b"536225487", b"001010001", b"899999999", b"665991234"];

    #[test]
    fn assignable_ranges_are_valid() {
        for n in ASSIGNABLE {
            assert!(is_valid(n), "{}", String::from_utf8_lossy(n));
        }
    }

    #[test]
    fn published_placeholders_are_invalid() {
        // SSA "Misused SSNs": 078-05-1120 and 219-09-9999; and 123-45-6789.
        for n in PUBLISHED_PLACEHOLDERS {
            assert!(!is_valid(n), "{}", String::from_utf8_lossy(n));
        }
        // SSA's advertising block 987-65-4320..4329.
        for last in b'0'..=b'9' {
            let mut n = *b"987654320";
            n[8] = last;
            assert!(!is_valid(&n));
        }
    }

    #[test]
    fn never_assigned_fields_are_invalid() {
        for n in ASSIGNABLE {
            for (range, value) in [
                (0..3, &b"000"[..]),
                (0..3, b"666"),
                (0..3, b"900"),
                (0..3, b"999"),
                (3..5, b"00"),
                (5..9, b"0000"),
            ] {
                let mut m = n.to_vec();
                m[range].copy_from_slice(value);
                assert!(!is_valid(&m), "{}", String::from_utf8_lossy(&m));
            }
        }
    }

    #[test]
    fn rejects_wrong_shapes() {
        for bad in [
            &b""[..],
            b"53622548",
            b"5362254870",
            b"536-22-5487",
            b"53622548a",
        ] {
            assert!(!is_valid(bad), "{}", String::from_utf8_lossy(bad));
        }
    }
}
