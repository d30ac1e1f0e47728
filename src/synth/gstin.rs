//! GSTIN check characters (Luhn mod 36). leakscan validates no GSTIN: this only makes the
//! GSTIN decoys (which contain a PAN) look like real ones.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gstin_published_number() {
        assert_eq!(check_char(b"27AAPFU0939F1Z"), b'V');
    }
}
