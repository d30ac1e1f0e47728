//! Byte tests eight bytes at a time ("SIMD within a register"), shared by the detection pass
//! and the tokenisers: each takes a little-endian `u64` of eight bytes and returns bit 7 of
//! every byte that passes, no other bit.

/// `0x01` in every byte.
pub(crate) const LO: u64 = 0x0101_0101_0101_0101;
/// `0x80` in every byte.
pub(crate) const HI: u64 = 0x8080_8080_8080_8080;

/// Bit 7 of each byte of `w` that is ASCII and within `lo..=hi`. For a byte below 0x80,
/// adding `0x80 - lo` sets its bit 7 from `lo` on and adding `0x7f - hi` from past `hi`
/// on, and no sum carries into the next byte.
#[inline]
pub(crate) fn ascii_in_range(w: u64, lo: u8, hi: u8) -> u64 {
    let low7 = w & !HI;
    !(low7 + LO * u64::from(0x7f - hi)) & (low7 + LO * u64::from(0x80 - lo)) & HI & !w
}

/// Bit 7 of each byte of `w` equal to `byte`: exact, unlike the classic has-zero test
/// (whose bits above a match may be false), so every set bit is a match.
#[inline]
pub(crate) fn eq_byte(w: u64, byte: u8) -> u64 {
    let x = w ^ (LO * u64::from(byte));
    !(((x & !HI) + !HI) | x) & HI
}

/// The bytes `v[i..limit]`, fewer than eight and at least one, as the low bytes of a
/// little-endian word with zeros above: read as the word that ends at `limit`, shifted
/// down, or, in a slice shorter than eight bytes, as two overlapping halves (or quarters)
/// whose shared bytes are equal.
#[inline(always)]
pub(crate) fn tail_word(v: &[u8], i: usize, limit: usize) -> u64 {
    let n = limit - i;
    if limit >= 8 {
        let w = u64::from_le_bytes(v[limit - 8..limit].try_into().expect("8 bytes"));
        return w >> (8 * (8 - n));
    }
    let half = |at: usize| {
        u64::from(u32::from_le_bytes(
            v[at..at + 4].try_into().expect("4 bytes"),
        ))
    };
    let quarter = |at: usize| {
        u64::from(u16::from_le_bytes(
            v[at..at + 2].try_into().expect("2 bytes"),
        ))
    };
    match n {
        4.. => half(i) | half(limit - 4) << (8 * (n - 4)),
        2.. => quarter(i) | quarter(limit - 2) << (8 * (n - 2)),
        _ => u64::from(v[i]),
    }
}

/// Whether `a` and `b` hold the same bytes, compared eight at a time (the last word
/// overlapping the one before) without a call to `memcmp`: for the short keys and values
/// compared once per value, where the call costs more than the compare.
#[inline]
pub(crate) fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    if n < 8 {
        // Slice equality calls `memcmp` for a length not known at compile time: two
        // overlapping 4-byte words, or the first, middle and last byte, cover a short slice.
        let half =
            |s: &[u8], at: usize| u32::from_le_bytes(s[at..at + 4].try_into().expect("4 bytes"));
        return match n {
            0 => true,
            1..=3 => a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1],
            _ => half(a, 0) == half(b, 0) && half(a, n - 4) == half(b, n - 4),
        };
    }
    let word = |s: &[u8], at: usize| u64::from_le_bytes(s[at..at + 8].try_into().expect("8 bytes"));
    let mut at = 0;
    while at + 8 < n {
        if word(a, at) != word(b, at) {
            return false;
        }
        at += 8;
    }
    word(a, n - 8) == word(b, n - 8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Equal slices, slices one byte off anywhere, and slices of other lengths.
        #[test]
        fn same_bytes_is_slice_equality(a in proptest::collection::vec(any::<u8>(), 0..40), at in any::<prop::sample::Index>(), flip in any::<u8>(), cut in 0usize..3) {
            let mut b = a.clone();
            if !b.is_empty() {
                b[at.index(a.len())] ^= flip;
            }
            b.truncate(b.len().saturating_sub(cut));
            prop_assert_eq!(same_bytes(&a, &b), a == b);
            prop_assert!(same_bytes(&a, &a));
        }

        #[test]
        fn eq_byte_is_exact(w in any::<u64>(), byte in any::<u8>()) {
            let mask = eq_byte(w, byte);
            for (i, b) in w.to_le_bytes().into_iter().enumerate() {
                prop_assert_eq!(mask >> (i * 8 + 7) & 1 == 1, b == byte);
            }
            prop_assert_eq!(mask & !HI, 0);
        }

        #[test]
        fn ascii_in_range_is_exact(w in any::<u64>(), lo in 0u8..0x80, span in 0u8..0x80) {
            let hi = lo.saturating_add(span).min(0x7f);
            let mask = ascii_in_range(w, lo, hi);
            for (i, b) in w.to_le_bytes().into_iter().enumerate() {
                prop_assert_eq!(mask >> (i * 8 + 7) & 1 == 1, (lo..=hi).contains(&b));
            }
            prop_assert_eq!(mask & !HI, 0);
        }
    }
}
