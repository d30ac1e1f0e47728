//! Normal forms of found values (CONTRACT.md "Normalisation"): what distinct counts,
//! digests and sketches hash, so that `+91 98765 43210` and `09876543210` count as one.

use super::validate::phone;
use crate::types::{PiiType, Region};
use std::sync::atomic::{AtomicU8, Ordering};
use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

/// Version of these rules, written into digests and sketches (2: dates of birth in ISO form).
pub const VERSION: u32 = 2;

/// Writes the normal form of `raw`, a value of type `ty`, into `out` (cleared first).
///
/// ```
/// use leakscan::detect::normalize::normalize;
/// use leakscan::types::{PiiType, Region};
/// let mut out = Vec::new();
/// normalize(PiiType::Phone, b"098765 43210", Region::IN, &mut out);
/// assert_eq!(out, b"919876543210");
/// normalize(PiiType::CardPartial, b"4111 11** **** 1111", Region::IN, &mut out);
/// assert_eq!(out, b"411111*1111");
/// ```
pub fn normalize(ty: PiiType, raw: &[u8], region: Region, out: &mut Vec<u8>) {
    out.clear();
    match ty {
        PiiType::Phone => normalize_phone(raw, region, out),
        PiiType::Email | PiiType::UpiId => {
            if raw.is_ascii() {
                out.extend_from_slice(raw);
                out.make_ascii_lowercase();
            } else {
                let mut buf = [0u8; 4];
                for_each_nfkc_lower(raw, |c| out.extend(c.encode_utf8(&mut buf).as_bytes()));
            }
        }
        PiiType::Aadhaar | PiiType::CardNumber | PiiType::UsSsn => {
            keep_mapped(raw, out, |b| if b.is_ascii_digit() { b } else { 0 });
        }
        PiiType::PanIn | PiiType::SgNric | PiiType::Passport => {
            keep_mapped(raw, out, |b| UPPER_ALNUM[usize::from(b)]);
        }
        PiiType::CardPartial => {
            // Visible leading digits exist only when a mask character follows them.
            let first_mask = raw
                .iter()
                .position(|&b| !(b.is_ascii_digit() || b == b' ' || b == b'-'));
            if let Some(m) = first_mask {
                out.extend(raw[..m].iter().copied().filter(u8::is_ascii_digit));
            }
            out.push(b'*');
            let mut last = [0u8; 4];
            let mut k = last.len();
            for &b in raw.iter().rev().filter(|b| b.is_ascii_digit()) {
                if k == 0 {
                    break;
                }
                k -= 1;
                last[k] = b;
            }
            out.extend_from_slice(&last[k..]);
        }
        PiiType::PersonName | PiiType::PostalAddress => {
            // Words in lower case, one space between them. ASCII is its own NFKC form.
            if raw.is_ascii() {
                ascii_words(raw, out);
            } else {
                let mut words = Words { out, space: false };
                for_each_nfkc_lower(raw, |c| words.push(c));
            }
        }
        PiiType::GeoLocation => normalize_geo(raw, out),
        PiiType::DateOfBirth => {
            let month_first = super::contextual::dob::month_first_region(region);
            if !super::contextual::dob::normal_form(raw, month_first, out) {
                out.extend_from_slice(raw);
            }
        }
        _ => out.extend_from_slice(raw),
    }
}

/// The characters of `raw` (UTF-8, invalid sequences read as U+FFFD) in NFKC, lower-cased.
/// Text the quick check finds already in NFKC (most text is) skips the normaliser: its
/// NFKC form is itself.
fn for_each_nfkc_lower(raw: &[u8], mut f: impl FnMut(char)) {
    let text = String::from_utf8_lossy(raw);
    if is_nfkc_quick(text.chars()) == IsNormalized::Yes {
        text.chars().flat_map(char::to_lowercase).for_each(&mut f);
    } else {
        text.nfkc().flat_map(char::to_lowercase).for_each(&mut f);
    }
}

/// Per byte: its upper-case form if it is an ASCII letter or digit, else 0.
static UPPER_ALNUM: [u8; 256] = alnum_table(false);
/// Per byte: its lower-case form if it is an ASCII letter or digit, else 0.
static LOWER_ALNUM: [u8; 256] = alnum_table(true);

/// The table of [`UPPER_ALNUM`] or (`lower`) [`LOWER_ALNUM`].
const fn alnum_table(lower: bool) -> [u8; 256] {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        if byte.is_ascii_alphanumeric() {
            table[b] = if lower {
                byte.to_ascii_lowercase()
            } else {
                byte.to_ascii_uppercase()
            };
        }
        b += 1;
    }
    table
}

/// Appends `map` of every byte of `raw` that it maps to something other than 0. The kept
/// bytes fit in `raw.len()`, so they are written in place without a capacity check a byte
/// (a byte mapped to 0 is written and then overwritten).
fn keep_mapped(raw: &[u8], out: &mut Vec<u8>, map: impl Fn(u8) -> u8) {
    let mut n = out.len();
    out.resize(n + raw.len(), 0);
    for &b in raw {
        let c = map(b);
        out[n] = c;
        n += usize::from(c != 0);
    }
    out.truncate(n);
}

/// [`Words`] of ASCII text a byte at a time: its alphanumeric runs, lower-cased, one space
/// between them. A word byte makes one byte and the separators before it at most one, so
/// the words fit in `raw.len()` bytes, written in place without a capacity check a byte.
fn ascii_words(raw: &[u8], out: &mut Vec<u8>) {
    let mut n = out.len();
    out.resize(n + raw.len(), 0);
    let mut space = false;
    for &b in raw {
        let c = LOWER_ALNUM[usize::from(b)];
        if c == 0 {
            space = true;
            continue;
        }
        if space && n > 0 {
            out[n] = b' ';
            n += 1;
        }
        space = false;
        out[n] = c;
        n += 1;
    }
    out.truncate(n);
}

/// Writes the alphanumeric runs of a character stream as words, one space between them.
struct Words<'a> {
    out: &'a mut Vec<u8>,
    /// A separator was seen since the last word character.
    space: bool,
}

impl Words<'_> {
    fn push(&mut self, c: char) {
        if !is_alphanumeric(c) {
            self.space = true;
            return;
        }
        if self.space && !self.out.is_empty() {
            self.out.push(b' ');
        }
        self.space = false;
        let mut buf = [0u8; 4];
        self.out.extend(c.encode_utf8(&mut buf).as_bytes());
    }
}

/// Characters below this have their [`is_alphanumeric`] answer kept once found.
const KNOWN_BELOW: usize = 0x3000;
/// Not yet asked; no; yes.
const UNKNOWN: u8 = 0;
const NO: u8 = 1;
const YES: u8 = 2;

/// Per character below [`KNOWN_BELOW`]: [`UNKNOWN`], [`NO`] or [`YES`]. Shared by the
/// workers; a race only computes the same answer twice.
static KNOWN: [AtomicU8; KNOWN_BELOW] = [const { AtomicU8::new(UNKNOWN) }; KNOWN_BELOW];

/// [`char::is_alphanumeric`], with the answers for characters below U+3000 (Latin, Greek,
/// Cyrillic, the Indic scripts, ...) kept once found: the standard library's table search
/// costs some 1,500 instructions for a Devanagari letter, in every name normalised.
fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    let Some(known) = KNOWN.get(c as usize) else {
        return c.is_alphanumeric();
    };
    match known.load(Ordering::Relaxed) {
        YES => true,
        NO => false,
        _ => {
            let answer = c.is_alphanumeric();
            known.store(if answer { YES } else { NO }, Ordering::Relaxed);
            answer
        }
    }
}

/// A decimal `lat, lon` pair as `lat,lon` with 6 decimals each (about 10 cm), so the same
/// place written with other separators or precision is one value; other forms as found.
fn normalize_geo(raw: &[u8], out: &mut Vec<u8>) {
    let text = String::from_utf8_lossy(raw);
    let numbers: Vec<f64> = text
        .split([',', ' ', ';'])
        .filter(|p| !p.is_empty())
        .map_while(|p| p.parse().ok())
        .collect();
    match numbers[..] {
        [lat, lon] => out.extend(format!("{lat:.6},{lon:.6}").bytes()),
        _ => out.extend_from_slice(raw),
    }
}

/// E.164 digits: from `+`/`00` forms, from national forms under `region`, else the digits.
fn normalize_phone(raw: &[u8], region: Region, out: &mut Vec<u8>) {
    let mut buf = [0u8; 32];
    let mut n = 0;
    for &b in raw.iter().filter(|b| b.is_ascii_digit()) {
        if n < buf.len() {
            buf[n] = b;
            n += 1;
        }
    }
    let d = &buf[..n];
    let e164 = if raw.first() == Some(&b'+') {
        phone::international(d)
    } else if d.starts_with(b"00") {
        phone::international(&d[2..])
    } else {
        phone::national(d, region.0).or_else(|| phone::national(d, *b"US"))
    };
    match e164 {
        Some(number) => out.extend_from_slice(number.digits()),
        None => out.extend_from_slice(d),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The normal form by the definition: the whole text through NFKC and lower case, then
    /// (names, addresses) its words.
    fn naive(ty: PiiType, raw: &[u8]) -> Vec<u8> {
        let text = String::from_utf8_lossy(raw);
        let chars = text.nfkc().flat_map(char::to_lowercase);
        let mut out = Vec::new();
        if matches!(ty, PiiType::Email | PiiType::UpiId) {
            out.extend(chars.collect::<String>().bytes());
        } else {
            let mut words = Words {
                out: &mut out,
                space: false,
            };
            chars.for_each(|c| words.push(c));
        }
        out
    }

    /// The ISO form written digit by digit is the formatted one, and outside the years it
    /// writes that way, formatted.
    #[test]
    fn iso_dates_are_the_formatted_form() {
        use crate::detect::contextual::dob::{Order, Reading};
        for y in (-20..10_020).step_by(7) {
            for (m, d) in [
                (1, 1),
                (4, 17),
                (12, 31),
                (0, 0),
                (99, 99),
                (100, 7),
                (-1, 5),
            ] {
                let mut out = b"x".to_vec();
                let r = Reading {
                    y,
                    m,
                    d,
                    order: Order::Fixed,
                };
                r.write_iso(&mut out);
                assert_eq!(out, format!("x{y:04}-{m:02}-{d:02}").into_bytes());
            }
        }
    }

    proptest! {
        /// The kept answers are the standard library's, asked first and again.
        #[test]
        fn kept_answers_agree(c in any::<char>(), indic in 0x900u32..0xe00) {
            let indic = char::from_u32(indic).expect("U+0900..U+0DFF are characters");
            for c in [c, indic] {
                prop_assert_eq!(is_alphanumeric(c), c.is_alphanumeric());
                prop_assert_eq!(is_alphanumeric(c), c.is_alphanumeric());
            }
        }

        /// The fast paths (ASCII, text already in NFKC) give the normal form by definition.
        #[test]
        fn fast_paths_agree_with_the_definition(
            raw in proptest::collection::vec(
                prop_oneof![
                    4 => any::<u8>().prop_map(|b| b & 0x7f),
                    2 => b'0'..=b'9',
                    1 => any::<u8>(),
                    1 => prop::sample::select(vec![0xc3, 0xa9, 0xef, 0xbc, 0xa1, 0xcc, 0x81]),
                ],
                0..40,
            ),
            text in "[a-zA-Z .,'\\-éÉﬁＡ①ß\u{301}İ]{0,20}",
        ) {
            for input in [&raw[..], text.as_bytes()] {
                let mut out = b"left over".to_vec();
                for ty in [PiiType::Email, PiiType::UpiId, PiiType::PersonName, PiiType::PostalAddress] {
                    normalize(ty, input, Region::IN, &mut out);
                    prop_assert_eq!(&out, &naive(ty, input), "{:?} {:?}", ty, input);
                }
                let digits: Vec<u8> = input.iter().copied().filter(u8::is_ascii_digit).collect();
                normalize(PiiType::CardNumber, input, Region::IN, &mut out);
                prop_assert_eq!(&out, &digits);
                let alnum: Vec<u8> = input
                    .iter()
                    .filter(|b| b.is_ascii_alphanumeric())
                    .map(u8::to_ascii_uppercase)
                    .collect();
                normalize(PiiType::Passport, input, Region::IN, &mut out);
                prop_assert_eq!(&out, &alnum);
            }
        }
    }
}
