//! The Luhn (mod 10) check digit, used by payment card numbers.
//!
//! Reference: ISO/IEC 7812-1 Annex B; Wikipedia, "Luhn algorithm".

/// Sum of the Luhn digits, the rightmost digit of `digits` taken as position 0 (not doubled).
///
/// Non-digits make the caller's check fail: they return `None`.
fn luhn_sum(digits: &[u8], double_first: bool) -> Option<u32> {
    let mut sum = 0u32;
    let mut double = double_first;
    for &b in digits.iter().rev() {
        let d = u32::from(b.wrapping_sub(b'0'));
        if d > 9 {
            return None;
        }
        sum += if double {
            // 2d minus 9 when two digits: the sum of the digits of 2d.
            let t = d * 2;
            if t > 9 {
                t - 9
            } else {
                t
            }
        } else {
            d
        };
        double = !double;
    }
    Some(sum)
}

/// Whether `digits` (ASCII digits only, at least two) passes the Luhn check.
///
/// ```
/// use leakscan::detect::validate::luhn;
/// assert!(luhn::is_valid(b"79927398713"));
/// assert!(!luhn::is_valid(b"79927398710"));
/// ```
pub fn is_valid(digits: &[u8]) -> bool {
    digits.len() >= 2 && luhn_sum(digits, false).is_some_and(|s| s % 10 == 0)
}

/// The ASCII check digit to append to `payload` (ASCII digits) to make it Luhn-valid.
///
/// # Panics
/// If `payload` holds a byte that is not an ASCII digit: payloads are built by the caller,
/// never taken from input data.
///
/// ```
/// use leakscan::detect::validate::luhn;
/// assert_eq!(luhn::check_digit(b"7992739871"), b'3');
/// ```
pub fn check_digit(payload: &[u8]) -> u8 {
    // The check digit takes position 0, so the payload's last digit is doubled.
    let sum = luhn_sum(payload, true).expect("check_digit payload must be ASCII digits");
    // `sum % 10` is below 10, so this fits a u8.
    b'0' + ((10 - sum % 10) % 10) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Published examples: Wikipedia "Luhn algorithm" (79927398713); payment test numbers
    /// from Stripe's testing docs (docs.stripe.com/testing) and PayPal's sandbox test cards.
    const PUBLISHED: &[&[u8]] = &[
        b"79927398713",
        b"4242424242424242",
        b"4111111111111111",
        b"5555555555554444",
        b"378282246310005",
        b"6011111111111117",
        b"3566002020360505",
        b"30569309025904",
    ];

    #[test]
    fn published_numbers_are_valid() {
        for n in PUBLISHED {
            assert!(is_valid(n), "{}", String::from_utf8_lossy(n));
        }
    }

    #[test]
    fn any_changed_check_digit_is_invalid() {
        for n in PUBLISHED {
            let mut m = n.to_vec();
            let last = m.len() - 1;
            for d in b'0'..=b'9' {
                if d == n[last] {
                    continue;
                }
                m[last] = d;
                assert!(!is_valid(&m), "{}", String::from_utf8_lossy(&m));
            }
        }
    }

    #[test]
    fn single_digit_errors_are_caught() {
        // Luhn catches every single-digit substitution, wherever it is.
        let n = b"4111111111111111";
        for i in 0..n.len() {
            let mut m = *n;
            m[i] = if m[i] == b'9' { b'0' } else { m[i] + 1 };
            assert!(!is_valid(&m), "position {i}");
        }
    }

    #[test]
    fn check_digit_completes_published_payloads() {
        for n in PUBLISHED {
            let (payload, last) = n.split_at(n.len() - 1);
            assert_eq!(
                check_digit(payload),
                last[0],
                "{}",
                String::from_utf8_lossy(n)
            );
        }
        assert_eq!(check_digit(b"0"), b'0');
    }

    #[test]
    fn rejects_short_and_non_digit_input() {
        assert!(!is_valid(b""));
        assert!(!is_valid(b"0"));
        assert!(is_valid(b"00"));
        assert!(!is_valid(b"4111 1111 1111 1111"));
        assert!(!is_valid(b"411111111111111a"));
        assert!(!is_valid(b"/0"));
    }
}
