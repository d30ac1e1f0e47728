//! URL-encoded values: `%XX` escapes (`asha.rao%40example.com`) and, in a query string, `+`
//! for a space.
//!
//! Two callers decode with these: the text tokeniser its `key=value` values (a `+` is a space
//! there when the key follows `?` or `&`), and the scan every value of the other formats (a
//! CSV cell, a JSON string, an SQL string) that holds a `%XX` escape and is detected whole,
//! where a `+` is always kept: a cell is not known to be a query string, and a bare
//! `+91 98765 43210` is a phone.
//! A `%` that starts no escape (`50%`, `%ZZ`) is kept as it is, and a value counts as
//! URL-encoded only with an escape an encoder writes ([`encoder_escapes`]): `%1d` in a
//! password (`7QwpPbun%1d&`) is the password's own bytes, not a control byte escaped.
//!
//! A decoded value maps each of its bytes to where it is stored, through the map of the value
//! it was decoded from (a JSON string's `\u0040`, a CSV cell's `""`): a finding in it spans
//! the stored escapes.

use super::{StoredAt, Value};
use memchr::{memchr, memchr2};

/// The byte the `%XX` escape at `v[i..]` stands for, if one starts there.
fn escape_at(v: &[u8], i: usize) -> Option<u8> {
    let hex = |b: u8| (b as char).to_digit(16);
    match v.get(i..i + 3)? {
        [b'%', hi, lo] => Some((hex(*hi)? * 16 + hex(*lo)?) as u8),
        _ => None,
    }
}

/// Whether a URL encoder writes `byte` as an escape for what it is: a space, ASCII
/// punctuation but the unreserved `-._~` (`%40` for `@`, `%2B` for `+`, `%25` for `%`), or a
/// byte of a character outside ASCII. Letters, digits and control bytes escaped are no
/// encoder's doing in the values read here.
fn encoder_escapes(byte: u8) -> bool {
    byte == b' '
        || byte >= 0x80
        || byte.is_ascii_punctuation() && !matches!(byte, b'-' | b'.' | b'_' | b'~')
}

/// Whether `v` is URL-encoded: it holds a `%XX` escape an encoder writes
/// ([`encoder_escapes`]) or, with `plus_is_space`, a `+`. A value without a `%` costs one
/// `memchr` (two with `plus_is_space`).
pub fn is_encoded(v: &[u8], plus_is_space: bool) -> bool {
    let mut from = 0;
    while let Some(p) = memchr(b'%', &v[from..]) {
        if escape_at(v, from + p).is_some_and(encoder_escapes) {
            return true;
        }
        from += p + 1;
    }
    plus_is_space && memchr(b'+', v).is_some()
}

/// Decodes the URL-encoded `value` into `bytes` (`%40` to `@`; with `plus_is_space`, `+` to a
/// space) and returns it as a value stored where `value` is, with `stored_at` mapping each
/// decoded byte to where it is stored: through `value`'s own map when it has one, so an
/// offset lands on stored bytes however many times the value was unescaped.
pub fn decode<'a>(
    value: &Value<'_>,
    plus_is_space: bool,
    bytes: &'a mut Vec<u8>,
    stored_at: &'a mut StoredAt,
) -> Value<'a> {
    let v = value.bytes;
    // Where byte `i` of `v`, or its end (`i == v.len()`), is stored in the value.
    let stored = |i: usize| match value.stored_at {
        Some(inner) => inner.get(i),
        None => u32::try_from(i).unwrap_or(u32::MAX),
    };
    // Maps the next `n` decoded bytes, copied from `v[from..]`.
    let copied = |stored_at: &mut StoredAt, from: usize, n: usize| match value.stored_at {
        Some(inner) => stored_at.run_through(inner, from, n),
        None => stored_at.run(n, stored(from), 1),
    };
    bytes.clear();
    stored_at.clear();
    let mut i = 0;
    while i < v.len() {
        let next = match plus_is_space {
            true => memchr2(b'%', b'+', &v[i..]),
            false => memchr(b'%', &v[i..]),
        };
        let next = next.map_or(v.len(), |p| i + p);
        bytes.extend_from_slice(&v[i..next]);
        copied(stored_at, i, next - i);
        if next == v.len() {
            break;
        }
        let (byte, len) = match escape_at(v, next) {
            Some(byte) => (byte, 3),
            None if v[next] == b'+' => (b' ', 1),
            None => (b'%', 1),
        };
        bytes.push(byte);
        // The decoded byte starts where its escape does.
        stored_at.run(1, stored(next), 0);
        i = next + len;
    }
    stored_at.set_end(stored(v.len()));
    Value {
        bytes,
        offset: value.offset,
        stored_at: Some(stored_at),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Decodes `v` (stored as it is, at offset 0); returns the bytes and the dense map.
    fn decoded(v: &str, plus_is_space: bool) -> (String, Vec<u32>) {
        let value = Value {
            bytes: v.as_bytes(),
            offset: 0,
            stored_at: None,
        };
        let (mut bytes, mut map) = (Vec::new(), StoredAt::default());
        let got = decode(&value, plus_is_space, &mut bytes, &mut map);
        let dense = got.stored_at.expect("a map").dense();
        (String::from_utf8_lossy(got.bytes).into_owned(), dense)
    }

    #[test]
    fn only_percent_hex_hex_is_an_escape() {
        assert!(is_encoded(b"asha.rao%40example.com", false));
        assert!(is_encoded(b"50% off, 100%25", false));
        for plain in ["", "50%", "%ZZ", "%4", "100 % off", "+919876543210"] {
            assert!(!is_encoded(plain.as_bytes(), false), "{plain}");
        }
        // Passwords whose `%` happens to start hex (Faker's `password()` writes such): a
        // control byte or a letter escaped is no encoder's escape.
        for password in ["7QwpPbun%1d&", "wp5vsgqE%00IW", "%0BW5MyJe8d", "ab%4Fcd"] {
            assert!(!is_encoded(password.as_bytes(), false), "{password}");
        }
        assert!(is_encoded(b"name%20here", false) && is_encoded(b"Asha%C3%A9", false));
        assert!(is_encoded(b"Asha+Rao", true));
        assert_eq!(decoded("100%25 off", false).0, "100% off");
        assert_eq!(decoded("50%-%2", false).0, "50%-%2");
    }

    #[test]
    fn plus_is_a_space_only_when_asked() {
        assert_eq!(decoded("Asha+Rao%2B1", true).0, "Asha Rao+1");
        assert_eq!(decoded("%2B91+98765", false).0, "+91+98765");
    }

    #[test]
    fn decoded_bytes_map_to_their_escapes() {
        let (bytes, map) = decoded("a%40b+c", true);
        assert_eq!(bytes, "a@b c");
        assert_eq!(map, [0, 1, 4, 5, 6, 7]);
    }

    /// A JSON string `a\"%\u0034\u0030b` unescaped to `a"%40b` by the JSON tokeniser, then
    /// URL-decoded to `a"@b`: offsets go through both maps to the stored bytes.
    #[test]
    fn maps_compose_with_the_unescaping_before() {
        let stored = r#"a\"%\u0034\u0030b"#;
        let mut inner = StoredAt::default();
        inner.run(1, 0, 1); // a
        inner.run(1, 1, 0); // \"
        inner.run(1, 3, 1); // %
        inner.run(1, 4, 0); // \u0034
        inner.run(1, 10, 0); // \u0030
        inner.run(1, 16, 1); // b
        inner.set_end(stored.len() as u32);
        let value = Value {
            bytes: b"a\"%40b",
            offset: 100,
            stored_at: Some(&inner),
        };
        let (mut bytes, mut map) = (Vec::new(), StoredAt::default());
        let got = decode(&value, false, &mut bytes, &mut map);
        assert_eq!(got.bytes, b"a\"@b");
        assert_eq!(got.offset, 100);
        let map = got.stored_at.expect("a map");
        assert_eq!(map.dense(), [0, 1, 3, 16, 17]);
        // `"@b` spans `\"%\u0034\u0030b` as stored.
        assert_eq!(got.stored_span(1, 4), (101, 16));
        assert_eq!(&stored[1..17], r#"\"%\u0034\u0030b"#);
        // `@` alone spans its escape, `%` and both `\u00XX`.
        assert_eq!(got.stored_span(2, 3), (103, 13));
    }
}
