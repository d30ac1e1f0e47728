//! Normal forms of found values (CONTRACT.md "Normalisation"): what distinct counts,
//! digests and sketches hash, so that `+91 98765 43210` and `09876543210` count as one.

use super::validate::phone;
use crate::swar::{ascii_in_range, tail_word, HI};
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
/// normalize(PiiType::Phone, b"(+55) 11 91234 5678", Region(*b"BR"), &mut out);
/// assert_eq!(out, b"5511912345678");
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
            keep_mapped(raw, out, digits);
        }
        PiiType::PanIn | PiiType::SgNric | PiiType::Passport => {
            keep_mapped(raw, out, upper_alnum);
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

/// Bit 7 of each ASCII digit of `w` (eight bytes, little-endian), and `w` itself: the
/// [`keep_mapped`] block of a type whose normal form is its digits.
fn digits(w: u64) -> (u64, u64) {
    (ascii_in_range(w, b'0', b'9'), w)
}

/// Bit 7 of each ASCII letter or digit of `w`, and `w` with its lower-case letters in upper
/// case (a lower-case letter is 0x20 above its capital; bit 7 shifted down is 0x20).
fn upper_alnum(w: u64) -> (u64, u64) {
    let lower = ascii_in_range(w, b'a', b'z');
    let keep = ascii_in_range(w, b'0', b'9') | ascii_in_range(w, b'A', b'Z') | lower;
    (keep, w - (lower >> 2))
}

/// Appends the bytes of `raw` that `block` keeps, as it maps them, eight bytes at a time:
/// `block` takes eight bytes as a little-endian word and returns bit 7 of each byte it keeps
/// and the word mapped.
#[inline(always)]
fn keep_mapped(raw: &[u8], out: &mut Vec<u8>, block: impl Fn(u64) -> (u64, u64)) {
    let mut words = raw.chunks_exact(8);
    for word in &mut words {
        let (keep, mapped) = block(u64::from_le_bytes(word.try_into().expect("8 bytes")));
        push_squeezed(out, mapped, !keep & HI, 8);
    }
    let rest = words.remainder().len();
    if rest > 0 {
        let (keep, mapped) = block(tail_word(raw, raw.len() - rest, raw.len()));
        push_squeezed(out, mapped, !keep & (HI >> (64 - 8 * rest)), rest);
    }
}

/// Appends the first `len` bytes of `mapped` but those marked in `drop` (bit 7): each dropped
/// byte is squeezed out by moving the bytes above it down one, then the word is written in
/// one store of eight bytes and cut to what is kept.
#[inline(always)]
fn push_squeezed(out: &mut Vec<u8>, mut mapped: u64, mut drop: u64, mut len: usize) {
    while drop != 0 {
        // The bytes below the lowest dropped one stay; those above it move down a byte.
        let below = (1u64 << (drop.trailing_zeros() & !7)) - 1;
        mapped = (mapped & below) | ((mapped >> 8) & !below);
        drop = (drop >> 8) & !below;
        len -= 1;
    }
    let end = out.len() + len;
    out.extend_from_slice(&mapped.to_le_bytes());
    out.truncate(end);
}

/// [`Words`] of ASCII text eight bytes at a time: its alphanumeric runs, lower-cased, one
/// space between them. A separator byte that follows a word byte is written as a space, the
/// other separators are dropped, and so is a space left at the end; a letter or digit with
/// bit 5 set is its lower-case form, a space is 0x20. `out` is empty.
fn ascii_words(raw: &[u8], out: &mut Vec<u8>) {
    // Bit 7 set: the byte before the next word is a separator, or there is none.
    let mut after_separator = 0x80;
    let mut words = raw.chunks_exact(8);
    for word in &mut words {
        let w = u64::from_le_bytes(word.try_into().expect("8 bytes"));
        push_words(out, w, 8, &mut after_separator);
    }
    let rest = words.remainder().len();
    if rest > 0 {
        push_words(
            out,
            tail_word(raw, raw.len() - rest, raw.len()),
            rest,
            &mut after_separator,
        );
    }
    if out.last() == Some(&b' ') {
        out.pop();
    }
}

/// Appends the first `len` bytes of `w` as [`ascii_words`] writes them. `after_separator`
/// carries bit 7 set into the next word when the eighth byte is a separator.
#[inline(always)]
fn push_words(out: &mut Vec<u8>, w: u64, len: usize, after_separator: &mut u64) {
    const SPACES: u64 = 0x2020_2020_2020_2020;
    let alnum = ascii_in_range(w, b'0', b'9') | ascii_in_range(w | SPACES, b'a', b'z');
    let separator = !alnum & (HI >> (64 - 8 * len));
    let drop = separator & (separator << 8 | *after_separator);
    *after_separator = separator >> 56;
    let mapped = (w & !((separator >> 7) * 0xff)) | SPACES;
    push_squeezed(out, mapped, drop, len);
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

/// E.164 digits: from `+`/`00` forms, from national forms under `region`, else the digits
/// (the first 32).
fn normalize_phone(raw: &[u8], region: Region, out: &mut Vec<u8>) {
    keep_mapped(raw, out, digits);
    out.truncate(32);
    if let Some(number) = e164(out, phone::written_international(raw), region) {
        out.clear();
        out.extend_from_slice(number.digits());
    }
}

/// The number a phone's `digits` are, written with a leading `+` (`plus`) or not:
/// international after `+` or `00`, else national under `region`, else under the US plan.
fn e164(digits: &[u8], plus: bool, region: Region) -> Option<phone::E164> {
    if plus {
        phone::international(digits)
    } else if let Some(after) = digits.strip_prefix(b"00") {
        phone::international(after)
    } else {
        phone::national(digits, region.0).or_else(|| phone::national(digits, *b"US"))
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

        /// The fast paths (ASCII, text already in NFKC, eight bytes at a time) give the normal
        /// form by definition.
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
            pieces in proptest::collection::vec(prop::sample::select(PIECES.to_vec()), 0..12),
        ) {
            for input in [&raw[..], text.as_bytes(), pieces.concat().as_bytes()] {
                agrees_with_the_definition(input)?;
            }
        }
    }

    /// Pieces of values and decoys (order ids, UUIDs, timestamps, versions, Luhn-valid ids)
    /// that the property test strings together: separators in runs and at the edges of the
    /// eight-byte words, and digit runs longer than the 32 a phone keeps.
    const PIECES: [&str; 22] = [
        "Asha",
        "RAO",
        "O'Brien",
        " ",
        "  ",
        ", ",
        "-",
        "#12",
        "\t",
        "Flat 4B, MG Road",
        "Bengaluru 560001",
        "4111 1111 1111 1111",
        "+91 98765 43210",
        "0091-98765-43210",
        "ORD-2023-000123",
        "550e8400-e29b-41d4-a716-446655440000",
        "2023-06-01T12:00:00Z",
        "v1.2.3",
        "4000000000000002",
        "abcdefg",
        "é",
        "ﬁ",
    ];

    /// The normal forms of `input` as [`normalize`] writes them, by type, are those by
    /// definition: [`naive`] for text, the digits, the letters and digits in upper case, and
    /// for a phone its first 32 digits read as E.164.
    fn agrees_with_the_definition(input: &[u8]) -> Result<(), TestCaseError> {
        let mut out = b"left over".to_vec();
        for ty in [
            PiiType::Email,
            PiiType::UpiId,
            PiiType::PersonName,
            PiiType::PostalAddress,
        ] {
            normalize(ty, input, Region::IN, &mut out);
            prop_assert_eq!(&out, &naive(ty, input), "{:?} {:?}", ty, input);
        }
        let digits: Vec<u8> = input.iter().copied().filter(u8::is_ascii_digit).collect();
        for ty in [PiiType::CardNumber, PiiType::Aadhaar, PiiType::UsSsn] {
            normalize(ty, input, Region::IN, &mut out);
            prop_assert_eq!(&out, &digits, "{:?} {:?}", ty, input);
        }
        let alnum: Vec<u8> = input
            .iter()
            .filter(|b| b.is_ascii_alphanumeric())
            .map(u8::to_ascii_uppercase)
            .collect();
        for ty in [PiiType::Passport, PiiType::PanIn, PiiType::SgNric] {
            normalize(ty, input, Region::IN, &mut out);
            prop_assert_eq!(&out, &alnum, "{:?} {:?}", ty, input);
        }
        let first_32 = &digits[..digits.len().min(32)];
        for region in [Region::IN, Region(*b"US")] {
            let number = e164(first_32, phone::written_international(input), region);
            let want = number.map_or(first_32.to_vec(), |number| number.digits().to_vec());
            normalize(PiiType::Phone, input, region, &mut out);
            prop_assert_eq!(&out, &want, "{:?}", input);
        }
        Ok(())
    }

    /// Values and decoys whose separators fall on and across the edges of the eight-byte
    /// words, of every length from 0 to 17 bytes, and with more than 32 digits.
    #[test]
    fn word_edges_agree_with_the_definition() {
        let long = "9".repeat(40);
        let mut inputs = vec![
            "",
            " ",
            "abcdefg, hij",
            "abcdefgh  ijk",
            " abcdefghijklmno ",
            "--------",
            "Asha  Rao,,",
            "#12, 5th Cross, Indiranagar, Bengaluru - 560038",
            "ORD-2023-000123",
            "4111-1111-1111-1111",
            "+91 98765 43210",
            "1.2.3.4",
            &long,
        ];
        let ramp = "aB3 -,.xYz9 Q_W";
        inputs.extend((0..=ramp.len()).map(|n| &ramp[..n]));
        for input in inputs {
            agrees_with_the_definition(input.as_bytes()).expect("the normal form by definition");
        }
    }
}
