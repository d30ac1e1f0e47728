//! Which country's number plan an input's national numbers follow, read from its first
//! bytes: the country codes of the international numbers written there (`+33 6 12 34 56
//! 78`, `+1-415-555-2671`). A French customer table with a few numbers written `+33 …`
//! has its `06 12 34 56 78` read under the French plan without `--region FR`.
//!
//! Only the head is read, so every part of an input (`--range`) infers the same region.

use crate::detect::validate::phone;
use crate::types::Region;

/// Bytes of an input's head read for its region.
pub const HEAD: usize = 256 * 1024;

/// Fewest international numbers of one region that decide an input's region.
pub const MIN_NUMBERS: usize = 10;

/// Most digit groups read after a `+`.
const MAX_GROUPS: usize = 8;

/// The region of most international numbers in the first [`HEAD`] bytes of `head`: the one
/// at least [`MIN_NUMBERS`] of them, and four in five, belong to; `None` when there are
/// fewer or the head mixes countries.
///
/// ```
/// use leakscan::detect::region::infer;
/// use leakscan::types::Region;
/// let head = "name,phone\nAsha,+33 6 12 34 56 78\n".repeat(12);
/// assert_eq!(infer(head.as_bytes()), Some(Region(*b"FR")));
/// assert_eq!(infer(b"name,phone\nAsha,+33 6 12 34 56 78\n"), None);
/// ```
pub fn infer(head: &[u8]) -> Option<Region> {
    let head = &head[..head.len().min(HEAD)];
    let mut counts: Vec<([u8; 2], usize)> = Vec::new();
    let mut total = 0;
    for plus in memchr::memchr_iter(b'+', head) {
        let glued = plus > 0 && head[plus - 1].is_ascii_alphanumeric();
        let Some(region) = (!glued).then(|| region_after(&head[plus + 1..])).flatten() else {
            continue;
        };
        total += 1;
        match counts.iter_mut().find(|(r, _)| *r == region) {
            Some((_, n)) => *n += 1,
            None => counts.push((region, 1)),
        }
    }
    let &(region, n) = counts.iter().max_by_key(|&&(_, n)| n)?;
    (n >= MIN_NUMBERS && n * 5 >= total * 4).then_some(Region(region))
}

/// The main region of the international number written at the start of `text` (after its
/// `+`): digits in groups parted by a space, `-`, `.` or parentheses; the longest run of
/// whole groups that is a valid number decides.
fn region_after(text: &[u8]) -> Option<[u8; 2]> {
    let mut digits = [0u8; 16];
    let mut n = 0;
    // Digits read at the end of each group.
    let mut ends = [0usize; MAX_GROUPS];
    let mut groups = 0;
    let mut in_group = false;
    for &b in text {
        match b {
            b'0'..=b'9' if n < digits.len() => {
                digits[n] = b;
                n += 1;
                in_group = true;
            }
            b' ' | b'-' | b'.' | b'(' | b')' if groups < MAX_GROUPS => {
                if in_group {
                    ends[groups] = n;
                    groups += 1;
                    in_group = false;
                }
            }
            _ => break,
        }
    }
    if in_group && groups < MAX_GROUPS {
        ends[groups] = n;
        groups += 1;
    }
    ends[..groups]
        .iter()
        .rev()
        .find_map(|&end| phone::international(&digits[..end]))
        .and_then(|number| phone::main_region(&number))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_country_most_numbers_belong_to() {
        let lines = |number: &str, n: usize| format!("x,{number}\n").repeat(n);
        let region = |text: String| infer(text.as_bytes()).map(|r| r.0);
        assert_eq!(region(lines("+1-415-555-2671", 10)), Some(*b"US"));
        assert_eq!(region(lines("+44 20 7946 0958", 10)), Some(*b"GB"));
        assert_eq!(region(lines("+7 (495) 123-45-67", 10)), Some(*b"RU"));
        // A number followed by more digits: the longest valid run of groups decides.
        assert_eq!(region(lines("+33 6 12 34 56 78 2024", 10)), Some(*b"FR"));
        // Too few, or too mixed: no region.
        assert_eq!(region(lines("+33 6 12 34 56 78", 9)), None);
        let mixed = lines("+33 6 12 34 56 78", 10) + &lines("+91 98765 43210", 4);
        assert_eq!(region(mixed), None);
        let mostly = lines("+33 6 12 34 56 78", 16) + &lines("+91 98765 43210", 4);
        assert_eq!(region(mostly), Some(*b"FR"));
        // A `+` in a word or before no number counts for nothing.
        assert_eq!(region(lines("a+33612345678 c++ 1+1", 20)), None);
    }
}
