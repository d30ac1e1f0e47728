//! `postal_address`: the whole value of an address-named field, and addresses in free text.
//!
//! In free text an address is found from one of two anchors and read outwards over its
//! comma-separated parts:
//!
//! - a postal code at its end: an Indian PIN (6 digits, first 1-8), `Singapore 123456`, a US
//!   state code and ZIP (`TX 78701`, `TX 78701-1234`) or a UK postcode (`SW1A 1AA`). The
//!   address starts at the earliest house or unit number (`12`, `4/21`, `#05-123`, `Flat 302`,
//!   `Blk 123`) reached walking back over capitalised words, numbers, street words and
//!   separators; a lower-case word (`to`, `at`), a sentence end or a `key:`/`=` stops the walk.
//! - a house number, capitalised words and a street word (`221B Baker Street`,
//!   `4/12 Nehru Street`), followed by capitalised parts (`, Mylapore, Chennai`).
//!
//! Both need a house or unit number and a street word or a country's postal form, or (before
//! a PIN) house numbers then comma-separated parts of words that are no common word (`6/9
//! Aruna Jayaraman, Lucknow 765137`: Indian addresses often name no street word), so a PIN
//! alone, a street name alone (`Rose Garden Road`) or an order date is no address. The postal
//! code is part of the address and never anything else: the address is reported only where
//! no other finding overlaps it.

use super::lexicon::{
    Token, COMPANY, ENGLISH, NAME, PLACE, STATUS, STREET, T_CAP, T_DIGIT, T_LETTER, T_LOWER,
    T_UPPER,
};
use super::{free, push};
use crate::detect::{Detector, Hit};
use crate::format::FieldHint;
use crate::types::{Basis, PiiType};

/// US state and territory codes (USPS).
const US_STATES: &[&[u8; 2]] = &[
    b"AL", b"AK", b"AZ", b"AR", b"CA", b"CO", b"CT", b"DE", b"DC", b"FL", b"GA", b"HI", b"ID",
    b"IL", b"IN", b"IA", b"KS", b"KY", b"LA", b"ME", b"MD", b"MA", b"MI", b"MN", b"MS", b"MO",
    b"MT", b"NE", b"NV", b"NH", b"NJ", b"NM", b"NY", b"NC", b"ND", b"OH", b"OK", b"OR", b"PA",
    b"PR", b"RI", b"SC", b"SD", b"TN", b"TX", b"UT", b"VT", b"VA", b"WA", b"WV", b"WI", b"WY",
    // Armed forces mail (`APO AE 09012`).
    b"AA", b"AE", b"AP",
];

/// Words that open an address with a unit or house number after them.
const UNIT_WORDS: &[&str] = &[
    "flat", "blk", "block", "house", "plot", "apt", "unit", "door", "no", "suite", "villa", "shop",
    "room", "floor", "level", "tower", "wing", "h", "box", "psc", "studio",
];

/// Most tokens an address spans.
const MAX_TOKENS: usize = 24;
/// Most bytes an address in free text spans.
const MAX_BYTES: usize = 160;

/// Appends the address findings of `v` to `out`.
pub(super) fn detect(
    det: &Detector,
    v: &[u8],
    hint: FieldHint,
    toks: &[Token],
    out: &mut Vec<Hit>,
    first: usize,
) {
    if !det.enabled(PiiType::PostalAddress) || toks.is_empty() {
        return;
    }
    if hint.supports(PiiType::PostalAddress) {
        field_value(v, toks, out, first);
    } else if !hint.supports(PiiType::PersonName) && !hint.denies_weak {
        free_text(v, toks, out, first);
    }
}

/// The whole value of an address field, up to the first other finding in it.
fn field_value(v: &[u8], toks: &[Token], out: &mut Vec<Hit>, first: usize) {
    if v.contains(&b'@') || v.windows(3).any(|w| w == b"://") {
        return;
    }
    let mut last = toks.len();
    while last > 0 && !free(&out[first..], toks[0].start, toks[last - 1].end) {
        last -= 1;
    }
    let toks = &toks[..last];
    let letters = toks.iter().any(|t| t.is(T_LETTER));
    let addressy = toks.iter().any(|t| t.is(T_DIGIT) || t.has(STREET | PLACE)) || v.contains(&b',');
    if toks.len() < 2 || !letters || !addressy {
        return;
    }
    push(
        out,
        with_hash(v, toks[0].start),
        toks[toks.len() - 1].end,
        PiiType::PostalAddress,
        Basis::FIELD,
    );
}

/// `start`, moved back over a `#` before a house number (`#12, 5th Cross`).
fn with_hash(v: &[u8], start: usize) -> usize {
    if start > 0 && v[start - 1] == b'#' {
        start - 1
    } else {
        start
    }
}

/// The bytes of token `t` of `v`.
pub(super) fn word<'a>(v: &'a [u8], t: &Token) -> &'a [u8] {
    &v[t.start..t.end]
}

fn all_digits(v: &[u8], t: &Token, n: usize) -> bool {
    let w = word(v, t);
    w.len() == n && w.iter().all(u8::is_ascii_digit)
}

/// The bytes between tokens `a` and `b` (`a` before `b`).
fn gap<'a>(v: &'a [u8], a: &Token, b: &Token) -> &'a [u8] {
    &v[a.end..b.start]
}

/// Whether the gap before a token lets an address go on through it.
pub(super) fn joins(g: &[u8], prev: &[u8]) -> bool {
    if g.len() > 4 {
        return false;
    }
    g.iter().enumerate().all(|(i, &b)| match b {
        b' ' | b',' | b'-' | b'/' | b'#' | b'\'' | b'"' => true,
        // A full stop only after an abbreviation (`St.`, `No.`, `Rd.`) or an initial.
        b'.' => i == 0 && prev.len() <= 4,
        _ => false,
    })
}

/// A house or unit number token: digits, maybe with a letter (`12`, `221B`, `05`).
fn house_number(v: &[u8], t: &Token) -> bool {
    let w = word(v, t);
    t.is(T_DIGIT)
        && w.len() <= 6
        && w[0].is_ascii_digit()
        && w.iter().filter(|b| b.is_ascii_alphabetic()).count() <= 1
}

fn unit_word(v: &[u8], t: &Token) -> bool {
    let w = word(v, t);
    UNIT_WORDS
        .iter()
        .any(|u| u.as_bytes().eq_ignore_ascii_case(w))
}

/// Whether token `t` may stand inside an address: capitalised or upper-case words, numbers,
/// ordinals (`5th`), street and place words in any case.
fn inside(t: &Token) -> bool {
    t.is(T_DIGIT) || t.is(T_CAP) || t.is(T_UPPER) || t.has(STREET | PLACE) || !t.is(T_LOWER)
}

/// [`US_STATES`] as a bit set: bit `b - b'A'` of entry `a - b'A'` is set for each code `ab`.
/// A look-up is a load and a shift, where the list was 55 compares: the free-text gate asks
/// it before every code of 5 digits ([`super::lexicon::may_hold_free_text`]).
const US_STATE_BITS: [u32; 26] = {
    let mut bits = [0u32; 26];
    let mut i = 0;
    while i < US_STATES.len() {
        let [a, b] = *US_STATES[i];
        bits[(a - b'A') as usize] |= 1 << (b - b'A');
        i += 1;
    }
    bits
};

/// Whether `code` is a US state or territory code in capitals (`TX`).
pub(super) fn is_us_state(code: &[u8]) -> bool {
    match *code {
        [a @ b'A'..=b'Z', b @ b'A'..=b'Z'] => {
            US_STATE_BITS[usize::from(a - b'A')] >> (b - b'A') & 1 != 0
        }
        _ => false,
    }
}

/// The postal code ending at token `j`: the index of its first token and whether it is a
/// country's full postal form (SG, US, UK), which vouches for an address by itself.
fn postal(v: &[u8], toks: &[Token], j: usize) -> Option<(usize, bool)> {
    let t = &toks[j];
    let prev = j.checked_sub(1).map(|i| &toks[i]);
    if all_digits(v, t, 6) {
        if let Some(p) = prev {
            if word(v, p).eq_ignore_ascii_case(b"singapore") && gap(v, p, t) == b" " {
                return Some((j - 1, true));
            }
        }
        return (b'1'..=b'8').contains(&word(v, t)[0]).then_some((j, false));
    }
    // ZIP+4: `78701-1234` ends on the 4 digits.
    let (zip, k) = match prev {
        Some(p) if all_digits(v, t, 4) && all_digits(v, p, 5) && gap(v, p, t) == b"-" => {
            (j - 1, j - 1)
        }
        _ => (j, j),
    };
    if all_digits(v, &toks[zip], 5) && k >= 1 {
        let s = &toks[k - 1];
        if is_us_state(word(v, s)) {
            return Some((k - 1, true));
        }
    }
    // UK: outward code `[A-Z]{1,2}[0-9][A-Z0-9]?`, inward `[0-9][A-Z]{2}`.
    let w = word(v, t);
    let inward = w.len() == 3 && w[0].is_ascii_digit() && w[1..].iter().all(u8::is_ascii_uppercase);
    if inward && j >= 1 && gap(v, &toks[j - 1], t) == b" " {
        let o = word(v, &toks[j - 1]);
        let letters = o.iter().take_while(|b| b.is_ascii_uppercase()).count();
        let rest = &o[letters..];
        let outward = (1..=2).contains(&letters)
            && !rest.is_empty()
            && rest.len() <= 2
            && rest[0].is_ascii_digit()
            && rest[1..]
                .iter()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
        if outward {
            return Some((j - 1, true));
        }
    }
    None
}

/// The address ending at the postal code `code..=j`, if one leads up to it.
fn before_postal(
    v: &[u8],
    toks: &[Token],
    code: usize,
    j: usize,
    full_form: bool,
) -> Option<(usize, usize)> {
    let mut k = code;
    let mut start = None;
    let mut street = false;
    while k > 0 && j - k < MAX_TOKENS {
        let (p, t) = (&toks[k - 1], &toks[k]);
        if !joins(gap(v, p, t), word(v, p)) || !inside(p) || toks[j].end - p.start > MAX_BYTES {
            break;
        }
        k -= 1;
        street |= p.has(STREET);
        if house_number(v, p) || unit_word(v, p) {
            start = Some(k);
        }
    }
    let start = start?;
    // A unit word opens the address even when its number comes after it (`Flat 302`).
    (street || full_form || numbered_parts(v, toks, start, code)).then_some((start, j))
}

/// Whether `toks[start..code]`, before an Indian PIN at `code`, read as an address without a
/// street word: house or unit numbers first (`71/822`, `H.No. 55`), then words of letters
/// that are no common, status or company word, in two parts or more split by a comma (`6/9
/// Aruna Jayaraman, Lucknow 765137`, `71, Agarwal, Coimbatore 787099`).
fn numbered_parts(v: &[u8], toks: &[Token], start: usize, code: usize) -> bool {
    let Some(last_number) = toks[start..code].iter().rposition(|t| t.is(T_DIGIT)) else {
        return false;
    };
    let words = start + last_number + 1;
    let plain = |t: &Token| {
        t.is(T_LETTER)
            && !t.is(T_DIGIT)
            && (!t.has(ENGLISH | STATUS | COMPANY) || t.has(NAME | PLACE | STREET))
    };
    words < code
        && all_digits(v, &toks[code], 6)
        && toks[start..words]
            .iter()
            .all(|t| t.is(T_DIGIT) || unit_word(v, t))
        && toks[words..code].iter().all(plain)
        && (words..code - 1).any(|k| gap(v, &toks[k], &toks[k + 1]).contains(&b','))
}

/// The address starting at house number `i`: words up to a street word, then capitalised
/// parts after commas.
fn from_house_number(v: &[u8], toks: &[Token], i: usize) -> Option<(usize, usize)> {
    let mut k = i + 1;
    let mut street = None;
    while k < toks.len() && k - i <= 6 {
        let t = &toks[k];
        if !joins(gap(v, &toks[k - 1], t), word(v, &toks[k - 1])) || !inside(t) {
            break;
        }
        if t.has(STREET) && (t.is(T_CAP) || t.is(T_UPPER)) && k > i + 1 {
            street = Some(k);
            break;
        }
        k += 1;
    }
    let mut end = street?;
    // Then `, Part, Part City` while the parts are capitalised words.
    let mut k = end + 1;
    while k < toks.len() && k - i < MAX_TOKENS {
        let t = &toks[k];
        let g = gap(v, &toks[k - 1], t);
        if !joins(g, word(v, &toks[k - 1])) || !(t.is(T_CAP) || t.is(T_UPPER)) || !t.is(T_LETTER) {
            break;
        }
        if g.contains(&b',') || t.has(STREET | PLACE) {
            end = k;
        } else if k == end + 1 {
            // A word glued to the last part without a comma continues it (`Andheri West`).
            end = k;
        } else {
            break;
        }
        k += 1;
    }
    Some((i, end))
}

/// The token spans of the addresses in `toks`, unsorted; `street` is false when no token is
/// a street word, which leaves only PINs and postal codes in a country's full form to look at.
fn spans(v: &[u8], toks: &[Token], street: bool) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    for (j, t) in toks.iter().enumerate() {
        if !t.is(T_DIGIT) {
            continue;
        }
        if let Some((code, full)) = postal(v, toks, j) {
            // A PIN may end an address without a street word ([`numbered_parts`]).
            if street || full || all_digits(v, t, 6) {
                spans.extend(before_postal(v, toks, code, j, full));
            }
        } else if street && house_number(v, t) {
            spans.extend(from_house_number(v, toks, j));
        }
    }
    spans
}

/// Addresses in a piece of free text.
pub(super) fn free_text(v: &[u8], toks: &[Token], out: &mut Vec<Hit>, first: usize) {
    // Without a street word only a PIN or a country's full postal form may end an address:
    // the walks that look for a street word are skipped (most free text has none).
    let street = toks.iter().any(|t| t.has(STREET));
    let mut spans = spans(v, toks, street);
    spans.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (s, e) in spans {
        match merged.last_mut() {
            Some(last) if s <= last.1 + 1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    for (s, e) in merged {
        let (start, end) = (with_hash(v, toks[s].start), toks[e].end);
        if free(&out[first..], start, end) {
            push(
                out,
                start,
                end,
                PiiType::PostalAddress,
                Basis::SHAPE | Basis::DICTIONARY,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::lexicon::{get, tokenize};
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn us_state_bits_agree_with_the_list() {
        for a in 0..=255u8 {
            for b in 0..=255u8 {
                let listed = US_STATES.iter().any(|st| **st == [a, b]);
                assert_eq!(is_us_state(&[a, b]), listed, "{a} {b}");
            }
        }
        for code in [&b"T"[..], b"TXA", b"", b"tx", b"Tx"] {
            assert!(!is_us_state(code), "{code:?}");
        }
        assert!(is_us_state(b"TX") && is_us_state(b"AE") && is_us_state(b"WY"));
    }

    proptest! {
        /// Skipping the street-word walks where no token is a street word finds what the
        /// walks find.
        #[test]
        fn no_street_word_no_walk(
            parts in proptest::collection::vec(
                (
                    prop::sample::select(vec![
                        "12", "221B", "#05-123", "560001", "78701", "1234", "TX", "SW1A", "1AA",
                        "Flat", "no", "Blk", "Road", "road", "Street", "Nagar", "Baker",
                        "Chennai", "Singapore", "the", "near", "Asha", "5th", "Cross", "AE",
                        "Box", "H", "Agarwal", "Coimbatore", "Total", "अरुणा", "6/9",
                    ]),
                    prop::sample::select(vec![" ", " ", ", ", "-", "/", ". ", ": "]),
                ),
                0..40,
            )
        ) {
            let text: String = parts.iter().flat_map(|(w, g)| [*w, *g]).collect();
            let mut toks = Vec::new();
            tokenize(get(), text.as_bytes(), &mut toks);
            let street = toks.iter().any(|t| t.has(STREET));
            let (mut fast, mut plain) =
                (spans(text.as_bytes(), &toks, street), spans(text.as_bytes(), &toks, true));
            fast.sort_unstable();
            plain.sort_unstable();
            prop_assert_eq!(fast, plain, "{:?}", text);
        }
    }
}
