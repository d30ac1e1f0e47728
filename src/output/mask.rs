//! Masking: the only place values are rendered masked.
//!
//! [`mask`] turns a raw value into a [`Masked`] one that keeps its shape and at most four
//! identifying characters, beside a country code, an e-mail domain or a hash's scheme and cost
//! (CONTRACT.md, "Masking"). [`Masked`] is the only value form the outputs serialise by default;
//! [`mask_into`] writes the same text into a buffer (the findings stream, a line per finding).
//! Raw values are written only under `--reveal`, by the findings stream.
//!
//! Separators (whitespace, ASCII punctuation) are kept as written unless the table says
//! otherwise; every other character is hidden, so letters and digits of any script count as
//! identifying. Bytes that are not UTF-8 become U+FFFD first. Besides characters of the raw
//! value, a mask writes only bullets, `X`, U+FFFD, `+`, a space, `{`, `}` and rounded
//! numbers: it holds a character JSON escapes (a quote, a backslash, a control character)
//! only if the raw value does.
//!
//! | type | rule | example |
//! | --- | --- | --- |
//! | `aadhaar` | last 4 digits, other digits `X` | `XXXX XXXX 9012` |
//! | `card_number` | last 4 digits, other digits `X` | `XXXX-XXXX-XXXX-1111` |
//! | `card_partial` | last 4 digits; visible BIN digits `X`; `*`, `X`, `•`, `#` kept | `XXXXXX******1111` |
//! | `us_ssn` | last 4 digits, other digits `X` | `XXX-XX-6789` |
//! | `phone` | `+cc ` when written with `+` (ITU code length), last 4 digits, other digits `•`, separators dropped | `+91 ••••••3210` |
//! | `email` | first character of the local part, `•••`, `@` and the domain as written | `j•••@example.com` |
//! | `upi_id` | like `email`: the handle after `@` is kept | `r•••@okhdfcbank` |
//! | `pan_in` | the 4 digits | `•••••1234•` |
//! | `sg_nric` | last 4 characters: 3 digits and the check letter (the PDPC's partial-NRIC form) | `•••••567D` |
//! | `passport` | last 3 characters | `•••••567` |
//! | `ip_address` | the first IPv4 octet or IPv6 group (if at most 4 characters); other groups `•` | `10.•.•.•`, `2001:•::•` |
//! | `password_hash` | the scheme and its cost/parameter fields, then `•••`; LDAP `{SCHEME}` then `•••`; bare hashes all `•` (length kept) | `$2b$12$•••` |
//! | `password_plain` | nothing: `•` × the length rounded up to a multiple of 4, 4 to 20 | `••••••••` |
//! | `person_name` | first letter of each of the first 4 words, other letters `•` | `A••• R••` |
//! | `postal_address` | first 3 digits of a trailing 5- or 6-digit PIN/ZIP, everything else `•` | `•• •• ••••, ••••••••• 560•••` |
//! | `date_of_birth` | first 2 digits of a 4-digit year, everything else `•` | `19••-••-••` |
//! | `geo_location` | decimals rounded to 2 places (~1 km), DMS seconds `•`, minutes without decimals | `12.97, 77.59` |
//!
//! `geo_location` is the one type that keeps more than four digits: the contract asks for the
//! position masked to about 1 km, which its degrees and two decimals are.

use crate::detect::validate::phone;
use crate::types::PiiType;
use std::fmt;
use std::io::Write as _;

/// The bullet that replaces hidden characters.
const BULLET: char = '•';
/// [`BULLET`] in UTF-8.
const BULLET_UTF8: &[u8] = "•".as_bytes();

/// A masked value: the only form of a value that can be serialised by default.
///
/// It serialises as a plain string. Deserialising one (reading a saved report back) trusts
/// that the text was produced by [`mask`].
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Masked(String);

impl Masked {
    /// The masked text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Masked {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Masks `raw`, a value of type `ty`, following the table in the module doc.
///
/// ```
/// use leakscan::output::mask::mask;
/// use leakscan::types::PiiType;
/// assert_eq!(mask(PiiType::Aadhaar, b"2345 6789 9012").as_str(), "XXXX XXXX 9012");
/// assert_eq!(mask(PiiType::Phone, b"+91 98765 43210").as_str(), "+91 ••••••3210");
/// assert_eq!(mask(PiiType::Email, b"john.doe@example.com").as_str(), "j•••@example.com");
/// ```
pub fn mask(ty: PiiType, raw: &[u8]) -> Masked {
    // Room for every character hidden by a 3-byte bullet, and for a phone's `+cc ` or the
    // bullets of a short password: the text never grows while it is written.
    let mut out = Vec::with_capacity(3 * raw.len() + 20);
    mask_into(ty, raw, &mut out);
    Masked(String::from_utf8(out).expect("a mask writes whole UTF-8 characters"))
}

/// Appends the text [`mask`] gives for `raw` to `out`, in UTF-8. The findings stream masks
/// every finding with it, into the line being rendered: no allocation per value.
///
/// ```
/// use leakscan::output::mask::mask_into;
/// use leakscan::types::PiiType;
/// let mut out = b"masked: ".to_vec();
/// mask_into(PiiType::UsSsn, b"123-45-6789", &mut out);
/// assert_eq!(out, "masked: XXX-XX-6789".as_bytes());
/// ```
pub fn mask_into(ty: PiiType, raw: &[u8], out: &mut Vec<u8>) {
    // Most values are valid UTF-8, which `from_utf8` checks faster than the lossy decoder.
    let value = match std::str::from_utf8(raw) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(raw),
    };
    match value.is_ascii() {
        true => mask_walking::<u8>(ty, &value, out),
        false => mask_walking::<char>(ty, &value, out),
    }
}

/// [`mask_into`] for `value`, its characters walked as `U` (see [`Unit`]).
fn mask_walking<U: Unit>(ty: PiiType, value: &str, out: &mut Vec<u8>) {
    match ty {
        PiiType::Aadhaar | PiiType::CardNumber | PiiType::CardPartial | PiiType::UsSsn => {
            keep_last(value, 4, b"X", |u: U| u.char().is_ascii_digit(), out)
        }
        PiiType::PanIn => keep_last(value, 4, BULLET_UTF8, |u: U| u.char().is_ascii_digit(), out),
        PiiType::SgNric => keep_last(value, 4, BULLET_UTF8, |u: U| !u.is_separator(), out),
        PiiType::Passport => keep_last(value, 3, BULLET_UTF8, |u: U| !u.is_separator(), out),
        PiiType::Phone => mask_phone(value, out),
        PiiType::Email | PiiType::UpiId => mask_email(value, out),
        PiiType::IpAddress => mask_ip(value, out),
        PiiType::PasswordHash => mask_password_hash::<U>(value, out),
        PiiType::PasswordPlain => {
            push_bullets(U::walk(value).count().div_ceil(4).clamp(1, 5) * 4, out)
        }
        PiiType::PersonName => mask_name::<U>(value, out),
        PiiType::PostalAddress => mask_address::<U>(value, out),
        PiiType::DateOfBirth => mask_date::<U>(value, out),
        PiiType::GeoLocation => mask_geo(value, out),
    }
}

/// A character of a value as the maskers walk it: a byte when the value is ASCII (nearly
/// all values: nothing to decode or encode), else a `char`. The maskers that look at every
/// character are written once, generic over it. A unit is tested as the `char` it is
/// ([`Unit::char`]), so both walks take the same decisions; a proptest checks that they
/// write the same text.
trait Unit: Copy {
    /// The characters of `value` with their byte offsets (for `u8`, `value` is ASCII).
    fn walk(value: &str) -> impl DoubleEndedIterator<Item = (usize, Self)>;
    /// The character.
    fn char(self) -> char;
    /// Whether the character is a separator ([`is_separator`]).
    fn is_separator(self) -> bool;
    /// Appends the character in UTF-8.
    fn push(self, out: &mut Vec<u8>);
}

impl Unit for u8 {
    fn walk(value: &str) -> impl DoubleEndedIterator<Item = (usize, u8)> {
        debug_assert!(value.is_ascii(), "bytes are characters only in ASCII");
        value.bytes().enumerate()
    }

    fn char(self) -> char {
        char::from(self)
    }

    fn is_separator(self) -> bool {
        ASCII_SEPARATORS[usize::from(self & 0x7f)]
    }

    fn push(self, out: &mut Vec<u8>) {
        out.push(self);
    }
}

impl Unit for char {
    fn walk(value: &str) -> impl DoubleEndedIterator<Item = (usize, char)> {
        value.char_indices()
    }

    fn char(self) -> char {
        self
    }

    fn is_separator(self) -> bool {
        is_separator(self)
    }

    /// One byte for ASCII, the common case.
    fn push(self, out: &mut Vec<u8>) {
        if self.is_ascii() {
            out.push(self as u8);
        } else {
            out.extend_from_slice(self.encode_utf8(&mut [0; 4]).as_bytes());
        }
    }
}

/// Characters kept as written: they carry shape, not identity. `•` is a mask already.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || c.is_ascii_punctuation() || c == BULLET
}

/// [`is_separator`] of each ASCII byte, looked up in one step by the byte walk (a test
/// checks every entry against it; `char::is_whitespace` is not `const` in the MSRV).
const ASCII_SEPARATORS: [bool; 128] = {
    let mut table = [false; 128];
    let mut byte = 0;
    while byte < table.len() {
        let b = byte as u8;
        table[byte] = matches!(b, b'\t'..=b'\r' | b' ') || b.is_ascii_punctuation();
        byte += 1;
    }
    table
};

/// Appends `n` bullets, up to 16 in one copy.
fn push_bullets(n: usize, out: &mut Vec<u8>) {
    const SIXTEEN: &[u8] = "••••••••••••••••".as_bytes();
    let mut left = n;
    while left > 0 {
        let run = left.min(16);
        out.extend_from_slice(&SIXTEEN[..run * BULLET_UTF8.len()]);
        left -= run;
    }
}

/// Appends `unit` if `shown`, else `hide`.
fn push_or_hide<U: Unit>(unit: U, shown: bool, hide: &[u8], out: &mut Vec<u8>) {
    match shown {
        true => unit.push(out),
        false => out.extend_from_slice(hide),
    }
}

/// Shows the last `keep` characters for which `counted` holds; hides every other counted
/// character and every other non-separator with `hide`.
fn keep_last<U: Unit>(
    value: &str,
    keep: usize,
    hide: &[u8],
    counted: impl Fn(U) -> bool,
    out: &mut Vec<u8>,
) {
    // Counted characters are shown from the `keep`-th last one on (all of them when there
    // are fewer): only the value's tail is walked to find it.
    let shown_from = U::walk(value)
        .rev()
        .filter(|&(_, unit)| counted(unit))
        .take(keep)
        .last()
        .map_or(0, |(i, _)| i);
    for (i, unit) in U::walk(value) {
        let shown = match counted(unit) {
            true => i >= shown_from,
            false => unit.is_separator(),
        };
        push_or_hide(unit, shown, hide, out);
    }
}

/// Length of the ITU-T E.164 country calling code at the start of `digits` (country codes
/// are prefix-free: the first one or two digits tell the length).
fn country_code_len(digits: &[u8]) -> usize {
    let len = match digits {
        [b'1' | b'7', ..] => 1,
        [b'2', b'0' | b'7', ..] => 2,
        [b'3', b'0'..=b'4' | b'6' | b'9', ..] => 2,
        [b'4', b'0' | b'1' | b'3'..=b'9', ..] => 2,
        [b'5', b'1'..=b'8', ..] => 2,
        [b'6', b'0'..=b'6', ..] => 2,
        [b'8', b'1' | b'2' | b'4' | b'6', ..] => 2,
        [b'9', b'0'..=b'5' | b'8', ..] => 2,
        [b'2'..=b'9', ..] => 3,
        _ => 0,
    };
    len.min(digits.len())
}

/// `+cc ` (when written with `+`), then the national digits, all but the last 4 as `•`.
/// Separators are dropped: national formats differ, and the digit count is the shape.
fn mask_phone(value: &str, out: &mut Vec<u8>) {
    let digits = || value.bytes().filter(u8::is_ascii_digit);
    let total = digits().count();
    let mut cc = 0;
    if phone::written_international(value.as_bytes()) {
        // A country code is at most 3 digits long.
        let mut head = [0u8; 3];
        for (slot, d) in head.iter_mut().zip(digits()) {
            *slot = d;
        }
        cc = country_code_len(&head[..total.min(3)]);
        out.push(b'+');
        out.extend_from_slice(&head[..cc]);
        out.push(b' ');
    }
    let hidden = (total - cc).saturating_sub(4);
    push_bullets(hidden, out);
    out.extend(digits().skip(cc + hidden));
}

/// First character of the local part, `•••`, then `@` and the domain (or UPI handle).
fn mask_email(value: &str, out: &mut Vec<u8>) {
    let (local, domain) = match value.rfind('@') {
        Some(at) => (&value[..at], Some(&value[at + 1..])),
        None => (value, None),
    };
    if let Some(c) = local.chars().next() {
        c.push(out);
    }
    push_bullets(3, out);
    if let Some(domain) = domain {
        out.push(b'@');
        out.extend_from_slice(domain.as_bytes());
    }
}

/// The first group of an address (up to 4 characters), every later group `•`.
fn mask_ip(value: &str, out: &mut Vec<u8>) {
    let bytes = value.as_bytes();
    let mut start = 0;
    loop {
        // Groups end at a separator (ASCII, so `start` and `end` are character boundaries).
        let end = bytes[start..]
            .iter()
            .position(|&b| b == b':' || b == b'.')
            .map_or(bytes.len(), |p| start + p);
        let body = &value[start..end];
        if start == 0 && body.chars().count() <= 4 {
            out.extend_from_slice(body.as_bytes());
        } else if !body.is_empty() {
            out.extend_from_slice(BULLET_UTF8);
        }
        match bytes.get(end) {
            Some(&separator) => out.push(separator),
            None => return,
        }
        start = end + 1;
    }
}

/// Scheme identifiers a modular-crypt or Django-style hash may start with (lower case).
const HASH_SCHEMES: [&str; 13] = [
    "argon2", "bcrypt", "pbkdf2", "scrypt", "yescrypt", "sha", "ssha", "md5", "smd5", "apr1",
    "crypt", "sm3", "unsalted",
];

/// Whether a `$` field names a hash scheme: a short crypt id (`2b`, `6`, `P`) or a known name.
fn is_hash_scheme(field: &str) -> bool {
    let word = field.len() <= 24
        && field
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    let named = || {
        HASH_SCHEMES.iter().any(|s| {
            field
                .as_bytes()
                .get(..s.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(s.as_bytes()))
        })
    };
    word && (field.len() <= 2 || named())
}

/// Whether a `$` field is a cost or parameter list: up to 7 digits (`12`, `600000`) or
/// `k=v` pairs with numeric values (`m=65536,t=3,p=4`, `v=19`, `rounds=5000`).
fn is_hash_parameter(field: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    (field.len() <= 7 && digits(field))
        || field.split(',').all(|pair| match pair.split_once('=') {
            Some((key, value)) => {
                (1..=8).contains(&key.len())
                    && key.bytes().all(|b| b.is_ascii_lowercase())
                    && value.len() <= 10
                    && digits(value)
            }
            None => false,
        })
}

/// The scheme and cost of a hash, then `•••`; a hash without them all `•`.
fn mask_password_hash<U: Unit>(value: &str, out: &mut Vec<u8>) {
    if let Some(scheme) = value
        .strip_prefix('{')
        .and_then(|rest| rest.split_once('}'))
        .map(|(scheme, _)| scheme)
        .filter(|s| is_hash_scheme(s))
    {
        out.push(b'{');
        out.extend_from_slice(scheme.as_bytes());
        out.push(b'}');
        push_bullets(3, out);
        return;
    }
    // The last `$` field is the hash itself: it is never kept, so only the fields before it
    // are looked at. A scheme comes first or after an empty field (`$2b$`, Django's
    // `bcrypt$$2b$`), then its parameters.
    let mut kept = 0;
    let mut scheme_seen = false;
    let mut may_be_scheme = true;
    if let Some((head, _hash)) = value.rsplit_once('$') {
        for field in head.split('$') {
            let keep = if field.is_empty() {
                true
            } else if may_be_scheme && is_hash_scheme(field) {
                scheme_seen = true;
                true
            } else {
                scheme_seen && is_hash_parameter(field)
            };
            if !keep {
                break;
            }
            kept += field.len() + 1;
            may_be_scheme = field.is_empty();
        }
    }
    if scheme_seen {
        // The kept fields, each with the `$` after it.
        out.extend_from_slice(&value.as_bytes()[..kept]);
        push_bullets(3, out);
    } else {
        push_bullets(U::walk(value).count(), out);
    }
}

/// The first letter of each of the first 4 words, every other non-separator `•`.
fn mask_name<U: Unit>(value: &str, out: &mut Vec<u8>) {
    let mut word_start = true;
    let mut shown = 0;
    for (_, unit) in U::walk(value) {
        let c = unit.char();
        if c.is_whitespace() {
            word_start = true;
            unit.push(out);
        } else if unit.is_separator() {
            unit.push(out);
        } else {
            let initial = word_start && shown < 4;
            shown += usize::from(initial);
            push_or_hide(unit, initial, BULLET_UTF8, out);
            word_start = false;
        }
    }
}

/// Byte range of the last maximal run of ASCII digits in `value`.
fn last_digit_run(value: &str) -> Option<(usize, usize)> {
    let bytes = value.as_bytes();
    let end = bytes.iter().rposition(u8::is_ascii_digit)? + 1;
    let start = bytes[..end]
        .iter()
        .rposition(|b| !b.is_ascii_digit())
        .map_or(0, |p| p + 1);
    Some((start, end))
}

/// Everything `•` but the first 3 digits of a trailing 5- or 6-digit postcode (PIN, ZIP).
fn mask_address<U: Unit>(value: &str, out: &mut Vec<u8>) {
    let standalone = |c: Option<char>| c.is_none_or(is_separator);
    let shown = last_digit_run(value)
        .filter(|&(start, end)| {
            (5..=6).contains(&(end - start))
                && standalone(value[..start].chars().next_back())
                && standalone(value[end..].chars().next())
        })
        .map_or(0..0, |(start, _)| start..start + 3);
    for (i, unit) in U::walk(value) {
        let shown = shown.contains(&i) || unit.is_separator();
        push_or_hide(unit, shown, BULLET_UTF8, out);
    }
}

/// Everything `•` but the first 2 digits of a 4-digit year.
fn mask_date<U: Unit>(value: &str, out: &mut Vec<u8>) {
    // Digits are ASCII: a run of 4 is 4 bytes, and other bytes are never digits.
    let bytes = value.as_bytes();
    let mut shown = 0..0;
    let mut i = 0;
    while i < bytes.len() {
        let run = count_digits(&bytes[i..]);
        if run == 4 {
            shown = i..i + 2;
            break;
        }
        i += run.max(1);
    }
    for (i, unit) in U::walk(value) {
        let shown = shown.contains(&i) || unit.is_separator();
        push_or_hide(unit, shown, BULLET_UTF8, out);
    }
}

/// Decimal numbers rounded to 2 places, DMS seconds hidden, minutes without decimals; other
/// characters (`,`, `°`, `N`) kept.
fn mask_geo(value: &str, out: &mut Vec<u8>) {
    let bytes = value.as_bytes();
    let mut i = 0;
    while i < value.len() {
        let start = i;
        let signed = matches!(bytes[i], b'+' | b'-');
        let int_start = i + usize::from(signed);
        let int_end = int_start + count_digits(&bytes[int_start..]);
        if int_end == int_start {
            let c = value[i..].chars().next().expect("i is a char boundary");
            c.push(out);
            i += c.len_utf8();
            continue;
        }
        let mut end = int_end;
        if bytes.get(end) == Some(&b'.') {
            end += 1 + count_digits(&bytes[end + 1..]);
        }
        let number = &value[start..end];
        let after = &value[end..];
        if after.starts_with(['"', '″']) || after.starts_with("''") {
            out.extend_from_slice(BULLET_UTF8);
        } else if after.starts_with(['\'', '′']) {
            out.extend_from_slice(&bytes[start..int_end]);
        } else if end > int_end + 3 {
            match number.parse::<f64>() {
                Ok(x) => {
                    if number.starts_with('+') {
                        out.push(b'+');
                    }
                    write!(out, "{x:.2}").expect("writing to a Vec cannot fail");
                }
                Err(_) => out.extend_from_slice(BULLET_UTF8),
            }
        } else {
            // Degrees, or at most 2 decimals already: nothing finer than about 1 km.
            out.extend_from_slice(number.as_bytes());
        }
        i = end;
    }
}

/// Number of leading ASCII digits.
fn count_digits(bytes: &[u8]) -> usize {
    bytes.iter().take_while(|b| b.is_ascii_digit()).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn m(ty: PiiType, raw: &str) -> String {
        mask(ty, raw.as_bytes()).as_str().to_owned()
    }

    #[test]
    fn contract_examples() {
        assert_eq!(m(PiiType::Aadhaar, "2345 6789 9012"), "XXXX XXXX 9012");
        assert_eq!(m(PiiType::Phone, "+91 98765 43210"), "+91 ••••••3210");
        assert_eq!(
            m(PiiType::Email, "jane.doe@example.com"),
            "j•••@example.com"
        );
        assert_eq!(m(PiiType::PersonName, "Rajendra"), "R•••••••");
    }

    #[test]
    fn ascii_separators_are_the_separators() {
        for byte in 0..=0x7f {
            let c = char::from(byte);
            assert_eq!(byte.is_separator(), is_separator(c), "{c:?}");
        }
    }

    #[test]
    fn number_types_keep_separators_and_last_four_digits() {
        assert_eq!(m(PiiType::Aadhaar, "234567899012"), "XXXXXXXX9012");
        assert_eq!(m(PiiType::Aadhaar, "2345-6789-9012"), "XXXX-XXXX-9012");
        assert_eq!(
            m(PiiType::CardNumber, "4111 1111 1111 1111"),
            "XXXX XXXX XXXX 1111"
        );
        assert_eq!(
            m(PiiType::CardNumber, "5500-0000-0000-0004"),
            "XXXX-XXXX-XXXX-0004"
        );
        assert_eq!(m(PiiType::UsSsn, "123-45-6789"), "XXX-XX-6789");
        assert_eq!(m(PiiType::PanIn, "ABCPE1234F"), "•••••1234•");
        assert_eq!(m(PiiType::SgNric, "S1234567D"), "•••••567D");
        assert_eq!(m(PiiType::Passport, "A1234567"), "•••••567");
        assert_eq!(m(PiiType::Passport, "123456789"), "••••••789");
    }

    #[test]
    fn card_partial_keeps_its_mask_and_hides_the_bin() {
        assert_eq!(
            m(PiiType::CardPartial, "411111******1111"),
            "XXXXXX******1111"
        );
        assert_eq!(
            m(PiiType::CardPartial, "XXXX-XXXX-XXXX-1234"),
            "XXXX-XXXX-XXXX-1234"
        );
        assert_eq!(
            m(PiiType::CardPartial, "xxxx xxxx xxxx 1234"),
            "XXXX XXXX XXXX 1234"
        );
        assert_eq!(m(PiiType::CardPartial, "**** 1234"), "**** 1234");
        assert_eq!(m(PiiType::CardPartial, "1234"), "1234");
    }

    #[test]
    fn phones_keep_country_code_and_last_four() {
        assert_eq!(m(PiiType::Phone, "+919876543210"), "+91 ••••••3210");
        assert_eq!(m(PiiType::Phone, "+1 (415) 555-0132"), "+1 ••••••0132");
        assert_eq!(m(PiiType::Phone, "+65 8123 4567"), "+65 ••••4567");
        assert_eq!(m(PiiType::Phone, "+971 50 123 4567"), "+971 •••••4567");
        assert_eq!(m(PiiType::Phone, "(+41) 22 730 5989"), "+41 •••••5989");
        assert_eq!(m(PiiType::Phone, "098765 43210"), "•••••••3210");
        assert_eq!(m(PiiType::Phone, "(415) 555-0132"), "••••••0132");
        assert_eq!(m(PiiType::Phone, "123"), "123");
    }

    #[test]
    fn country_code_lengths() {
        for (digits, len) in [
            ("1415", 1),
            ("7495", 1),
            ("20", 2),
            ("27", 2),
            ("211", 3),
            ("44", 2),
            ("420", 3),
            ("353", 3),
            ("39", 2),
            ("55", 2),
            ("591", 3),
            ("65", 2),
            ("673", 3),
            ("86", 2),
            ("880", 3),
            ("91", 2),
            ("971", 3),
            ("9", 1),
            ("0", 0),
        ] {
            assert_eq!(country_code_len(digits.as_bytes()), len, "+{digits}");
        }
    }

    #[test]
    fn emails_and_upi_ids_keep_first_character_and_domain() {
        assert_eq!(
            m(PiiType::Email, "A.B@Mail.Example.org"),
            "A•••@Mail.Example.org"
        );
        assert_eq!(
            m(PiiType::Email, "\"a@b\"@example.com"),
            "\"•••@example.com"
        );
        assert_eq!(m(PiiType::UpiId, "ravi.k@okhdfcbank"), "r•••@okhdfcbank");
        assert_eq!(m(PiiType::UpiId, "9876543210@ybl"), "9•••@ybl");
        assert_eq!(m(PiiType::Email, "no-at-sign"), "n•••");
        assert_eq!(m(PiiType::Email, "ünï@example.com"), "ü•••@example.com");
    }

    #[test]
    fn ip_addresses_keep_the_first_group() {
        assert_eq!(m(PiiType::IpAddress, "10.1.2.3"), "10.•.•.•");
        assert_eq!(m(PiiType::IpAddress, "192.168.100.200"), "192.•.•.•");
        assert_eq!(m(PiiType::IpAddress, "2001:db8::1"), "2001:•::•");
        assert_eq!(m(PiiType::IpAddress, "fe80::1:2:3:4"), "fe80::•:•:•:•");
        assert_eq!(m(PiiType::IpAddress, "::ffff:10.0.0.1"), "::•:•.•.•.•");
        assert_eq!(m(PiiType::IpAddress, "[2001:db8::1]"), "•:•::•");
    }

    #[test]
    fn password_hashes_keep_scheme_and_cost_only() {
        let cases = [
            (
                "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW",
                "$2b$12$•••",
            ),
            (
                "$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG",
                "$argon2id$v=19$m=65536,t=3,p=4$•••",
            ),
            ("$6$rounds=5000$saltsalt$abcdef", "$6$rounds=5000$•••"),
            ("$1$saltsalt$abcdef", "$1$•••"),
            ("$P$B1234567890abcdefghij", "$P$•••"),
            (
                "pbkdf2_sha256$600000$salt123$abcdefghij=",
                "pbkdf2_sha256$600000$•••",
            ),
            ("bcrypt$$2b$12$abcdefghij", "bcrypt$$2b$12$•••"),
            ("{SSHA}abcdefghijklmnop", "{SSHA}•••"),
            (
                "5f4dcc3b5aa765d61d8327deb882cf99",
                "••••••••••••••••••••••••••••••••",
            ),
            ("1234abcd$5f4dcc3b5aa765d6", "•••••••••••••••••••••••••"),
        ];
        for (raw, masked) in cases {
            assert_eq!(m(PiiType::PasswordHash, raw), masked, "{raw}");
        }
    }

    #[test]
    fn plain_passwords_show_only_a_length_bucket() {
        assert_eq!(m(PiiType::PasswordPlain, "a"), "••••");
        assert_eq!(m(PiiType::PasswordPlain, "hunter2"), "••••••••");
        assert_eq!(
            m(PiiType::PasswordPlain, "correct horse"),
            "••••••••••••••••"
        );
        assert_eq!(
            m(PiiType::PasswordPlain, &"x".repeat(100)).chars().count(),
            20
        );
    }

    #[test]
    fn names_show_initials_of_four_words() {
        assert_eq!(m(PiiType::PersonName, "Asha Rao"), "A••• R••");
        assert_eq!(m(PiiType::PersonName, "R. K. Sharma"), "R. K. S•••••");
        assert_eq!(
            m(PiiType::PersonName, "Mary-Jane O'Neil"),
            "M•••-•••• O'••••"
        );
        assert_eq!(m(PiiType::PersonName, "a b c d e f"), "a b c d • •");
        assert_eq!(m(PiiType::PersonName, "राम कुमार"), "र•• क••••");
    }

    #[test]
    fn addresses_keep_three_postcode_digits() {
        assert_eq!(
            m(PiiType::PostalAddress, "12 MG Road, Bengaluru 560001"),
            "•• •• ••••, ••••••••• 560•••"
        );
        assert_eq!(
            m(
                PiiType::PostalAddress,
                "1 Main St, Springfield, IL 62704, USA"
            ),
            "• •••• ••, •••••••••••, •• 627••, •••"
        );
        assert_eq!(
            m(PiiType::PostalAddress, "Flat 4, Block 2"),
            "•••• •, ••••• •"
        );
        assert_eq!(
            m(PiiType::PostalAddress, "Sector 1234567"),
            "•••••• •••••••"
        );
    }

    #[test]
    fn dates_keep_the_century() {
        assert_eq!(m(PiiType::DateOfBirth, "1987-08-15"), "19••-••-••");
        assert_eq!(m(PiiType::DateOfBirth, "15/08/1987"), "••/••/19••");
        assert_eq!(m(PiiType::DateOfBirth, "15 Aug 2001"), "•• ••• 20••");
        assert_eq!(m(PiiType::DateOfBirth, "19870815"), "••••••••");
        assert_eq!(m(PiiType::DateOfBirth, "15/08/87"), "••/••/••");
    }

    #[test]
    fn geo_locations_are_rounded_to_a_kilometre() {
        assert_eq!(
            m(PiiType::GeoLocation, "12.971599, 77.594566"),
            "12.97, 77.59"
        );
        assert_eq!(
            m(PiiType::GeoLocation, "-33.868820,+151.209296"),
            "-33.87,+151.21"
        );
        assert_eq!(m(PiiType::GeoLocation, "12.9,77"), "12.9,77");
        assert_eq!(
            m(PiiType::GeoLocation, "12°58'17.8\"N 77°35'40.4\"E"),
            "12°58'•\"N 77°35'•\"E"
        );
        assert_eq!(m(PiiType::GeoLocation, "12°58.2833'N"), "12°58'N");
    }

    #[test]
    fn invalid_utf8_becomes_replacement_characters() {
        assert_eq!(
            mask(PiiType::Email, b"\xffab@example.com").as_str(),
            "\u{FFFD}•••@example.com"
        );
        assert_eq!(mask(PiiType::Aadhaar, b"\xff2345").as_str(), "X2345");
    }

    #[test]
    fn masked_serialises_as_a_string() {
        let masked = mask(PiiType::UsSsn, b"123-45-6789");
        assert_eq!(serde_json::to_string(&masked).unwrap(), "\"XXX-XX-6789\"");
        let back: Masked = serde_json::from_str("\"XXX-XX-6789\"").unwrap();
        assert_eq!(back, masked);
        assert_eq!(masked.to_string(), "XXX-XX-6789");
    }

    /// Characters of `masked` that may identify: everything except separators, bullets, the
    /// `X` of the number masks, and the context the contract allows (country code, e-mail
    /// domain or UPI handle, a hash's scheme and cost).
    fn identifying(ty: PiiType, masked: &str) -> usize {
        let rest = match ty {
            PiiType::Email | PiiType::UpiId => masked.rsplit_once('@').map_or(masked, |p| p.0),
            PiiType::Phone => masked
                .strip_prefix('+')
                .map_or(masked, |r| r.split_once(' ').map_or("", |p| p.1)),
            PiiType::PasswordHash => masked.rsplit_once(['$', '}']).map_or(masked, |p| p.1),
            _ => masked,
        };
        let x_masked = matches!(
            ty,
            PiiType::Aadhaar | PiiType::CardNumber | PiiType::CardPartial | PiiType::UsSsn
        );
        rest.chars()
            .filter(|&c| !is_separator(c) && (!x_masked || c != 'X'))
            .count()
    }

    /// Realistic values: a shape for each type, digits and letters random.
    fn value_of(ty: PiiType) -> BoxedStrategy<String> {
        let s = |re: &str| {
            proptest::string::string_regex(re)
                .expect("valid regex")
                .boxed()
        };
        match ty {
            PiiType::Aadhaar => s("[2-9][0-9]{3}[ -]?[0-9]{4}[ -]?[0-9]{4}"),
            PiiType::CardNumber => s("[3-6][0-9]{3}([ -]?[0-9]{4}){2,3}[0-9]{0,3}"),
            PiiType::CardPartial => s("([0-9]{6}[*]{6}[0-9]{4}|[Xx*]{4}([ -][Xx*]{4}){2}[ -][0-9]{4}|[0-9]{4})"),
            PiiType::Phone => s("(\\+[1-9][0-9]{0,2} ?)?\\(?[0-9]{2,4}\\)?[ .-]?[0-9]{3,4}[ .-]?[0-9]{3,4}"),
            PiiType::Email => s("[a-zA-Z0-9._%+-]{1,20}@[a-z0-9-]{1,10}\\.[a-z]{2,6}"),
            PiiType::UpiId => s("[a-z0-9.]{1,20}@[a-z]{2,12}"),
            PiiType::PanIn => s("[A-Z]{3}[PCHFATBLJG][A-Z][0-9]{4}[A-Z]"),
            PiiType::SgNric => s("[STFGM][0-9]{7}[A-Z]"),
            PiiType::UsSsn => s("[0-8][0-9]{2}-?[0-9]{2}-?[0-9]{4}"),
            PiiType::Passport => s("([A-Z][0-9]{7}|[0-9]{9}|[A-Z]{2}[0-9]{7})"),
            PiiType::IpAddress => s("([0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9a-f]{1,4}(::?[0-9a-f]{1,4}){2,7})"),
            PiiType::PasswordHash => s("(\\$2[aby]\\$[0-9]{2}\\$[./A-Za-z0-9]{53}|\\$argon2id\\$v=19\\$m=[0-9]{4,6},t=[0-9],p=[0-9]\\$[A-Za-z0-9+/]{16,22}\\$[A-Za-z0-9+/]{22,43}|[0-9a-f]{32}|[0-9a-f]{64}|pbkdf2_sha256\\$[0-9]{6}\\$[A-Za-z0-9]{12,22}\\$[A-Za-z0-9+/=]{44})"),
            PiiType::PasswordPlain => s("[ -~]{1,40}"),
            PiiType::PersonName => s("[A-Z][a-z]{1,10}( [A-Z][a-z]{1,12}){0,5}"),
            PiiType::PostalAddress => s("[0-9]{1,4} [A-Za-z]{2,10}( [A-Za-z]{2,10}){0,3}, [A-Za-z]{3,12}( [0-9]{5,6})?"),
            PiiType::DateOfBirth => s("([12][0-9]{3}-[01][0-9]-[0-3][0-9]|[0-3][0-9]/[01][0-9]/[12][0-9]{3}|[0-3][0-9] [A-Z][a-z]{2} [12][0-9]{3})"),
            PiiType::GeoLocation => s("-?[0-9]{1,2}\\.[0-9]{3,8}, ?-?[0-9]{1,3}\\.[0-9]{3,8}"),
        }
    }

    /// A type and a value: realistic ones, and arbitrary text to probe the fallbacks.
    fn typed_value() -> impl Strategy<Value = (PiiType, String)> {
        let ty = proptest::sample::select(PiiType::ALL.to_vec());
        ty.prop_flat_map(|ty| {
            let arbitrary =
                proptest::string::string_regex("[ -~\\u{a0}-\\u{17f}\\u{900}-\\u{97f}]{0,40}")
                    .expect("valid regex");
            (Just(ty), prop_oneof![value_of(ty), arbitrary])
        })
    }

    proptest! {
        #[test]
        fn at_most_four_identifying_characters((ty, raw) in typed_value()) {
            let masked = mask(ty, raw.as_bytes());
            if ty == PiiType::GeoLocation {
                // No number keeps more than 2 decimals.
                let number = regex::Regex::new(r"[0-9]+(\.[0-9]+)?").expect("valid regex");
                for found in number.find_iter(masked.as_str()) {
                    let decimals = found.as_str().split_once('.').map_or(0, |(_, d)| d.len());
                    prop_assert!(decimals <= 2, "{raw:?} -> {masked}");
                }
            } else {
                prop_assert!(identifying(ty, masked.as_str()) <= 4, "{ty}: {raw:?} -> {masked}");
            }
        }

        #[test]
        fn ascii_values_are_masked_byte_by_byte_as_char_by_char(
            (ty, raw) in proptest::sample::select(PiiType::ALL.to_vec()).prop_flat_map(|ty| {
                let ascii = proptest::string::string_regex("[\\x00-\\x7f]{0,40}")
                    .expect("valid regex");
                let any = proptest::string::string_regex(
                    "[\\x00-\\x7f\\u{85}\\u{a0}-\\u{17f}\\u{900}-\\u{97f}\\u{2000}-\\u{2022}\\u{3000}]{0,40}",
                )
                .expect("valid regex");
                (Just(ty), prop_oneof![ascii, value_of(ty), any])
            })
        ) {
            // `mask_into` walks ASCII values as bytes and the others as chars.
            let mut walked = Vec::new();
            mask_into(ty, raw.as_bytes(), &mut walked);
            let mut by_char = Vec::new();
            mask_walking::<char>(ty, &raw, &mut by_char);
            prop_assert_eq!(
                String::from_utf8(walked).expect("UTF-8"),
                String::from_utf8(by_char).expect("UTF-8"),
                "{}: {:?}", ty, raw
            );
        }

        #[test]
        fn realistic_values_keep_their_visible_characters_from_the_raw_value(
            (ty, raw) in proptest::sample::select(PiiType::ALL.to_vec())
                .prop_flat_map(|ty| (Just(ty), value_of(ty)))
        ) {
            let masked = mask(ty, raw.as_bytes());
            // Rounding makes new digits.
            prop_assume!(ty != PiiType::GeoLocation);
            // Whatever is shown comes from the raw value (plus mask and layout characters).
            for c in masked.as_str().chars() {
                let layout = is_separator(c) || c == 'X' || c == ' ';
                prop_assert!(layout || raw.contains(c), "{ty}: {raw:?} -> {masked}");
            }
        }
    }
}
