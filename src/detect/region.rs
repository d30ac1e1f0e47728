//! Which country's number plan an input's national numbers follow, read from its first
//! bytes: the country codes of the international numbers written there (`+33 6 12 34 56
//! 78`, `+1-415-555-2671`). A French customer table with a few numbers written `+33 …`
//! has its `06 12 34 56 78` read under the French plan without `--region FR`. Where the
//! numbers say nothing (all written nationally), the country-code domains of its e-mail
//! addresses do (`orange.fr`, `web.de`, `yahoo.co.uk`).
//!
//! Only the head is read, so every part of an input (`--range`) infers the same region.

use crate::detect::validate::phone;
use crate::types::Region;

/// Bytes of an input's head read for its region.
pub const HEAD: usize = 256 * 1024;

/// Fewest international numbers (or e-mail addresses) of one region that decide an input's
/// region.
pub const MIN_NUMBERS: usize = 10;

/// Most digit groups read after a `+`.
const MAX_GROUPS: usize = 8;

/// Two-letter top-level domains sold worldwide for their letters (`.io`, `.co`, `.me`,
/// `.tv`), which say nothing of where their users live.
const VANITY_DOMAINS: [&[u8; 2]; 18] = [
    b"ac", b"ai", b"cc", b"co", b"fm", b"gg", b"io", b"la", b"ly", b"me", b"nu", b"sh", b"so",
    b"st", b"to", b"tv", b"vc", b"ws",
];

/// The region of the first [`HEAD`] bytes of `head`: the one of most international numbers
/// there, else of most e-mail addresses under a country's domain; each decides when at
/// least [`MIN_NUMBERS`] of them belong to one region, and four in five of the numbers (two
/// in three of the addresses: people take mail abroad more often than a phone). `None`
/// when neither does.
///
/// ```
/// use leakscan::detect::region::infer;
/// use leakscan::types::Region;
/// let head = "name,phone\nAsha,+33 6 12 34 56 78\n".repeat(12);
/// assert_eq!(infer(head.as_bytes()), Some(Region(*b"FR")));
/// assert_eq!(infer(b"name,phone\nAsha,+33 6 12 34 56 78\n"), None);
/// let head = "email,phone\nasha@orange.fr,06 12 34 56 78\n".repeat(12);
/// assert_eq!(infer(head.as_bytes()), Some(Region(*b"FR")));
/// ```
pub fn infer(head: &[u8]) -> Option<Region> {
    let head = &head[..head.len().min(HEAD)];
    let numbers = memchr::memchr_iter(b'+', head).filter_map(|plus| {
        let glued = plus > 0 && head[plus - 1].is_ascii_alphanumeric();
        (!glued).then(|| region_after(&head[plus + 1..])).flatten()
    });
    let mail = memchr::memchr_iter(b'@', head).filter_map(|at| domain_region(&head[at + 1..]));
    majority(numbers, (4, 5))
        .or_else(|| majority(mail, (2, 3)))
        .map(Region)
}

/// The region at least [`MIN_NUMBERS`] of `regions` are, and a `share` (numerator,
/// denominator) of them.
fn majority(regions: impl Iterator<Item = [u8; 2]>, share: (usize, usize)) -> Option<[u8; 2]> {
    let mut counts: Vec<([u8; 2], usize)> = Vec::new();
    let mut total = 0;
    for region in regions {
        total += 1;
        match counts.iter_mut().find(|(r, _)| *r == region) {
            Some((_, n)) => *n += 1,
            None => counts.push((region, 1)),
        }
    }
    let &(region, n) = counts.iter().max_by_key(|&&(_, n)| n)?;
    (n >= MIN_NUMBERS && n * share.1 >= total * share.0).then_some(region)
}

/// The region of the e-mail domain at the start of `text` (after its `@`), when it ends in
/// a country's two-letter domain (`uk` is GB) with a number plan, and is no
/// [`VANITY_DOMAINS`] one.
fn domain_region(text: &[u8]) -> Option<[u8; 2]> {
    let len = text
        .iter()
        .take(256)
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-')))
        .unwrap_or(text.len().min(256));
    let domain = text[..len].strip_suffix(b".").unwrap_or(&text[..len]);
    let [.., a, b'.', c, d] = domain else {
        return None;
    };
    let tld = [c.to_ascii_lowercase(), d.to_ascii_lowercase()];
    if !a.is_ascii_alphanumeric() || !tld.iter().all(u8::is_ascii_lowercase) {
        return None;
    }
    if VANITY_DOMAINS.contains(&&tld) {
        return None;
    }
    let region = match &tld {
        b"uk" => *b"GB",
        _ => tld.map(|b| b.to_ascii_uppercase()),
    };
    phone::national_prefix(region).map(|_| region)
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

    /// `n` CSV lines whose second cell is `cell`.
    fn lines(cell: &str, n: usize) -> String {
        format!("x,{cell}\n").repeat(n)
    }

    /// The region [`infer`] reads from `text`.
    fn region(text: String) -> Option<[u8; 2]> {
        infer(text.as_bytes()).map(|r| r.0)
    }

    #[test]
    fn the_country_most_numbers_belong_to() {
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

    #[test]
    fn without_numbers_the_country_domains_of_mail_decide() {
        assert_eq!(region(lines("asha@orange.fr", 10)), Some(*b"FR"));
        assert_eq!(region(lines("Asha@Web.DE", 10)), Some(*b"DE"));
        assert_eq!(region(lines("asha@yahoo.co.uk", 10)), Some(*b"GB"));
        // Generic and vanity domains, and a domain of no country, say nothing; nor do too
        // few addresses, nor mixed ones.
        let generic = lines("asha@gmail.com", 50) + &lines("asha@startup.io", 20);
        assert_eq!(region(generic + &lines("asha@mail.eu", 20)), None);
        assert_eq!(region(lines("asha@orange.fr", 9)), None);
        assert_eq!(
            region(lines("a@orange.fr", 10) + &lines("a@web.de", 6)),
            None
        );
        assert_eq!(
            region(lines("a@orange.fr", 10) + &lines("a@web.de", 5)),
            Some(*b"FR")
        );
        // Addresses under generic domains do not dilute the country ones.
        let mostly = lines("asha@gmail.com", 40) + &lines("asha@free.fr", 12);
        assert_eq!(region(mostly), Some(*b"FR"));
        // International numbers decide before addresses.
        let both = lines("+91 98765 43210", 10) + &lines("asha@orange.fr", 30);
        assert_eq!(region(both), Some(*b"IN"));
    }
}
