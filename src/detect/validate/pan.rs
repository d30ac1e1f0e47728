//! Indian Permanent Account Numbers (PAN): shape and holder class.
//!
//! A PAN is `[A-Z]{5}\d{4}[A-Z]`: a three-letter series, the holder's status (the 4th
//! letter), the initial of the holder's (sur)name, a serial 0001-9999 and a check letter
//! whose algorithm is not published, so it cannot be verified.
//!
//! Holder classes, from the Income Tax Department's tutorial "Permanent Account Number (PAN)"
//! (incometaxindia.gov.in/tutorials/1.permanent account number (pan).pdf): C Company,
//! P Person, H Hindu Undivided Family, F Firm, A Association of Persons, T AOP (Trust),
//! B Body of Individuals, L Local Authority, J Artificial Juridical Person, G Government.
//! Only these ten are accepted (E, sometimes said to mark an LLP, is not in the department's
//! list; LLPs are issued F), which keeps the chance pass rate of random letters at 10/26 as
//! CONTRACT.md's `verify` report states.

/// Whether `c` (either case) is a holder-class letter allowed as a PAN's 4th character.
///
/// ```
/// use leakscan::detect::validate::pan;
/// assert!(pan::is_holder_class(b'P'));
/// assert!(!pan::is_holder_class(b'X'));
/// ```
pub fn is_holder_class(c: u8) -> bool {
    matches!(
        c.to_ascii_uppercase(),
        b'P' | b'C' | b'H' | b'F' | b'A' | b'T' | b'B' | b'L' | b'J' | b'G'
    )
}

/// Whether `id` is a PAN: 10 characters `[A-Z]{5}\d{4}[A-Z]` in either case, a holder class
/// in the 4th place and a serial that is not `0000`.
///
/// ```
/// use leakscan::detect::validate::pan;
/// assert!(pan::is_valid(b"AAAPL1234C"));
/// assert!(!pan::is_valid(b"AAAXL1234C"));
/// ```
pub fn is_valid(id: &[u8]) -> bool {
    let [a, b, c, class, e, serial @ .., check] = id else {
        return false;
    };
    id.len() == 10
        && [a, b, c, class, e, check]
            .iter()
            .all(|l| l.is_ascii_alphabetic())
        && is_holder_class(*class)
        && serial.iter().all(u8::is_ascii_digit)
        && serial != b"0000"
}

#[cfg(test)]
mod tests {
    use super::*;

    /// AAAPL1234C is the example the Income Tax Department uses to explain the structure.
    const PUBLISHED: &[u8; 10] = b"AAAPL1234C";

    #[test]
    fn published_example_is_valid() {
        assert!(is_valid(PUBLISHED));
        assert!(is_valid(b"aaapl1234c"));
    }

    #[test]
    fn every_holder_class_and_no_other() {
        let classes = b"PCHFATBLJG";
        for c in b'A'..=b'Z' {
            let mut m = *PUBLISHED;
            m[3] = c;
            assert_eq!(is_valid(&m), classes.contains(&c), "{}", c as char);
            assert_eq!(is_holder_class(c), classes.contains(&c));
            assert_eq!(
                is_holder_class(c.to_ascii_lowercase()),
                classes.contains(&c)
            );
        }
    }

    #[test]
    fn mutated_shapes_are_invalid() {
        for (i, b) in [(0, b'1'), (4, b'9'), (5, b'X'), (8, b'Z'), (9, b'7')] {
            let mut m = *PUBLISHED;
            m[i] = b;
            assert!(!is_valid(&m), "{}", String::from_utf8_lossy(&m));
        }
    }

    #[test]
    fn zero_serial_is_invalid() {
        assert!(!is_valid(b"AAAPL0000C"));
        assert!(is_valid(b"AAAPL0001C"));
    }

    #[test]
    fn wrong_lengths_are_invalid() {
        assert!(!is_valid(b""));
        assert!(!is_valid(b"AAAPL1234"));
        assert!(!is_valid(b"AAAPL1234CC"));
        assert!(!is_valid(b"AAAPL12345C"));
    }
}
