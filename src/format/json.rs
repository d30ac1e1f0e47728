//! JSON Lines, mongoexport output and JSON arrays of documents.
//!
//! One streaming walker (`walk`) reads a run of JSON values and reports every string and
//! number with its key path; two framings feed it: a line each ([`tokenize_lines`]) and the
//! elements of a top-level array ([`tokenize_array`]).
//!
//! - Strings are reported unescaped (with [`Value::stored_at`]) when they hold escapes, their
//!   offset inside the quotes; numbers as written; `true`, `false`, `null` not at all.
//! - Paths: `a.b.c`; array elements add `[]` (`cards[].number`, `phones[]`); a value at the
//!   top of a record has no field. Segments are written as they are, unescaped.
//! - A key that is an identifier or a number (three or more digits, possibly with `+ - . ( )`
//!   and spaces; contains `@`; 16+ hex digits; a UUID; 6+ characters mixing letters with 4+
//!   digits) becomes `{}` in the path, and the key itself is reported as a value of
//!   `<path>.{}`, so a phone number used as a map key is seen.
//! - MongoDB Extended JSON wrappers (`$oid`, `$date`, `$numberLong`, `$numberInt`,
//!   `$numberDouble`, `$numberDecimal`, `$uuid`) are transparent: their value gets the path
//!   of the key holding the wrapper. `$binary` and `$type` (binary payloads) are skipped.
//! - Malformed input: values are reported as far as they parse (an unterminated string up
//!   to the end of the record), then the rest of the record is skipped. Nesting depth is
//!   bounded only by memory: the walker keeps its stack in [`Scratch::path_stack`].

use super::csv::rel;
use super::text::{for_each_line, is_blank, swar, EdgePicker};
use super::{FieldRef, FieldSink, Scratch, StoredAt, Value};
use std::ops::Range;

/// Top-level element boundaries of an array: the offsets of the commas at depth 0 of a range
/// that starts between elements. A closing bracket at depth 0 (the array's own `]`) leaves the
/// depth at 0, so the scan is the same from every boundary.
struct Boundaries<'a> {
    data: &'a [u8],
    pos: usize,
    end: usize,
    depth: usize,
}

impl<'a> Boundaries<'a> {
    /// The boundaries of `data[range]`, which starts outside strings at `depth`.
    fn new(data: &'a [u8], range: Range<usize>, depth: usize) -> Boundaries<'a> {
        Boundaries {
            data,
            pos: range.start,
            end: range.end,
            depth,
        }
    }
}

impl Iterator for Boundaries<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        while self.pos < self.end {
            let p = self.pos;
            self.pos += 1;
            match self.data[p] {
                b'"' => {
                    self.pos = string_end(self.data, self.pos, self.end)
                        .0
                        .saturating_add(1)
                }
                b'{' | b'[' => self.depth += 1,
                b'}' | b']' => self.depth = self.depth.saturating_sub(1),
                b',' if self.depth == 0 => return Some(p),
                _ => {}
            }
        }
        None
    }
}

/// Chunk edges between the top-level elements of a JSON array.
pub fn array_chunk_edges(window: &[u8], target: usize, at_eof: bool) -> Vec<usize> {
    let mut picker = EdgePicker::new(target);
    let mut commas = Boundaries::new(window, 0..window.len(), 0);
    while !picker.done(window.len(), at_eof) {
        let Some(comma) = commas.next() else { break };
        picker.boundary(comma);
    }
    picker.finish(window.len(), at_eof)
}

/// Tokenises one JSON document a line.
pub fn tokenize_lines(
    data: &[u8],
    range: Range<usize>,
    base: u64,
    scratch: &mut Scratch,
    sink: &mut impl FieldSink,
) {
    for_each_line(data, range, |start, end| {
        if !is_blank(&data[start..end]) {
            walk(data, start..end, false, base, scratch, sink);
            sink.end_record();
        }
    });
}

/// Tokenises the elements of a JSON array (or a single document).
///
/// Records are the runs between top-level commas (`Boundaries`). The walker finds a
/// well-formed element's end itself (it agrees with the boundary scan up to its first error),
/// so the boundary scan only runs from where the walker stopped on malformed input.
pub fn tokenize_array(
    data: &[u8],
    range: Range<usize>,
    base: u64,
    scratch: &mut Scratch,
    sink: &mut impl FieldSink,
) {
    let mut start = range.start;
    while start < range.end {
        let (stop, seen) = walk(data, start..range.end, true, base, scratch, sink);
        if seen {
            sink.end_record();
        }
        let next = match stop {
            Stop::End => None,
            Stop::Comma(at) => Some(at),
            Stop::Error { at, depth } => Boundaries::new(data, at..range.end, depth).next(),
        };
        match next {
            Some(comma) => start = comma + 1,
            None => break,
        }
    }
}

/// Where a string whose content starts at `from` ends: the offset of its closing quote (or
/// `end` when it has none) and whether it holds escapes.
///
/// Always inlined: it runs once a string of the hot walk, and with plain `#[inline]` the
/// compiler's choice moved with unrelated edits (3 M instructions on the 5 MB corpus).
#[inline(always)]
fn string_end(data: &[u8], from: usize, end: usize) -> (usize, bool) {
    let mut at = from;
    let mut escaped = false;
    while let Some(p) = swar::find2(data, at, end, b'"', b'\\') {
        if data[p] == b'"' {
            return (p, escaped);
        }
        escaped = true;
        at = p + 2;
        if at >= end {
            break;
        }
    }
    (end, escaped)
}

/// Keys of MongoDB Extended JSON wrappers that stand for the value holding them.
const TRANSPARENT: [&[u8]; 7] = [
    b"$oid",
    b"$date",
    b"$numberLong",
    b"$numberInt",
    b"$numberDouble",
    b"$numberDecimal",
    b"$uuid",
];

/// Keys of MongoDB Extended JSON binary wrappers, whose values are skipped.
const SKIPPED: [&[u8]; 2] = [b"$binary", b"$type"];

/// [`Scratch::path_stack`] entries: the path length of an open container, shifted, with
/// these flags.
const ARRAY: usize = 1;
const MUTED: usize = 2;
const FLAG_BITS: u32 = 2;

/// Where the walker stopped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stop {
    /// At the end of the range (or of an unterminated string running to it).
    End,
    /// At a comma between top-level values, when asked to stop there.
    Comma(usize),
    /// Before malformed input at `at`, outside strings, `depth` containers deep.
    Error { at: usize, depth: usize },
}

/// What the walker expects next.
#[derive(Clone, Copy)]
enum Expect {
    /// A value at the top of the record (commas and stray closing brackets are skipped).
    Top,
    /// A value inside a container.
    Value,
    /// A key or `}` just after `{`.
    FirstKey,
    /// A key after `,`.
    Key,
    /// A value or `]` just after `[`.
    FirstElement,
    /// `,` or the close of the current container.
    After,
}

/// Walks the JSON values in `data[range]`, reporting strings and numbers with their paths,
/// up to the end, a malformed byte, or (with `stop_at_comma`) a comma between top-level
/// values. Returns where it stopped and whether it met anything but whitespace, commas and
/// closing brackets.
fn walk(
    data: &[u8],
    range: Range<usize>,
    stop_at_comma: bool,
    base: u64,
    scratch: &mut Scratch,
    sink: &mut impl FieldSink,
) -> (Stop, bool) {
    let Scratch {
        value,
        stored_at,
        path,
        path_stack: stack,
    } = scratch;
    let mut out = Out {
        base,
        value,
        stored_at,
        sink,
    };
    path.clear();
    stack.clear();
    let end = range.end;
    let mut at = range.start;
    let mut expect = Expect::Top;
    let mut seen = false;
    // The next value is a skipped binary payload.
    let mut mute_next = false;
    loop {
        at = skip_whitespace(data, at, end);
        if at >= end {
            return (Stop::End, seen);
        }
        let b = data[at];
        // Malformed input at `at`, not consumed.
        let error = Stop::Error {
            at,
            depth: stack.len(),
        };
        match expect {
            Expect::Top if b == b',' && stop_at_comma => return (Stop::Comma(at), seen),
            Expect::Top if matches!(b, b',' | b']' | b'}') => at += 1,
            Expect::Top | Expect::Value | Expect::FirstElement => {
                if matches!(expect, Expect::FirstElement) && b == b']' {
                    at += 1;
                    expect = close(path, stack);
                    continue;
                }
                seen = true;
                let muted = mute_next || stack.last().is_some_and(|&top| top & MUTED != 0);
                mute_next = false;
                let field = if path.is_empty() {
                    FieldRef::None
                } else {
                    FieldRef::Name(path)
                };
                match b {
                    b'{' | b'[' => {
                        let flags =
                            if muted { MUTED } else { 0 } | if b == b'[' { ARRAY } else { 0 };
                        stack.push(path.len() << FLAG_BITS | flags);
                        at += 1;
                        expect = if b == b'[' {
                            path.extend_from_slice(b"[]");
                            Expect::FirstElement
                        } else {
                            Expect::FirstKey
                        };
                        continue;
                    }
                    b'"' => {
                        let (close, escaped) = string_end(data, at + 1, end);
                        if !muted {
                            out.report(field, data, at + 1..close, escaped);
                        }
                        if close >= end {
                            return (Stop::End, seen);
                        }
                        at = close + 1;
                    }
                    b'-' | b'0'..=b'9' => {
                        let len = data[at..end]
                            .iter()
                            .take_while(|b| {
                                matches!(b, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E')
                            })
                            .count();
                        if !muted {
                            out.report(field, data, at..at + len, false);
                        }
                        at += len;
                    }
                    // `true`, `false`, `null` (and the `NaN`s some exporters write).
                    b'a'..=b'z' | b'A'..=b'Z' => {
                        at += data[at..end]
                            .iter()
                            .take_while(|b| b.is_ascii_alphabetic())
                            .count();
                    }
                    _ => return (error, seen),
                }
                expect = if stack.is_empty() {
                    Expect::Top
                } else {
                    Expect::After
                };
            }
            Expect::FirstKey if b == b'}' => {
                at += 1;
                expect = close(path, stack);
            }
            Expect::FirstKey | Expect::Key => {
                if b != b'"' {
                    return (error, seen);
                }
                let (close, escaped) = string_end(data, at + 1, end);
                if close >= end {
                    return (Stop::End, seen);
                }
                let colon = skip_whitespace(data, close + 1, end);
                if colon >= end || data[colon] != b':' {
                    let after_key = Stop::Error {
                        at: close + 1,
                        depth: stack.len(),
                    };
                    return (after_key, seen);
                }
                let top = *stack.last().expect("keys are read inside an object");
                path.truncate(top >> FLAG_BITS);
                let key_range = at + 1..close;
                let key: &[u8] = if escaped {
                    unescape(&data[key_range.clone()], out.value, out.stored_at);
                    out.value
                } else {
                    &data[key_range.clone()]
                };
                if key.first() == Some(&b'$') && TRANSPARENT.contains(&key) {
                    // The wrapped value keeps the path of the key holding the wrapper.
                } else if key.first() == Some(&b'$') && SKIPPED.contains(&key) {
                    mute_next = true;
                } else if push_key(path, key) && top & MUTED == 0 {
                    out.sink.value(
                        FieldRef::Name(path),
                        Value {
                            bytes: key,
                            offset: base + key_range.start as u64,
                            stored_at: escaped.then_some(&*out.stored_at),
                        },
                    );
                }
                at = colon + 1;
                expect = Expect::Value;
            }
            Expect::After => {
                let top = *stack.last().expect("After is expected inside a container");
                let array = top & ARRAY != 0;
                expect = match b {
                    b',' if array => Expect::Value,
                    b',' => Expect::Key,
                    b']' if array => close(path, stack),
                    b'}' if !array => close(path, stack),
                    _ => return (error, seen),
                };
                at += 1;
            }
        }
    }
}

/// JSON whitespace.
const WHITESPACE: [u8; 4] = [b' ', b'\t', b'\r', b'\n'];

/// The first offset from `at` that is not JSON whitespace (or `end`): a byte test for the
/// usual none, two for the one space many writers put after `:` and `,`, then a block at a
/// time through a run (the indentation of pretty-printed JSON).
#[inline]
fn skip_whitespace(data: &[u8], mut at: usize, end: usize) -> usize {
    if at >= end || !WHITESPACE.contains(&data[at]) {
        return at;
    }
    if at + 1 < end && !WHITESPACE.contains(&data[at + 1]) {
        return at + 1;
    }
    while at < end {
        // Bits past `end` are clear in the mask, so the run stops there at the latest.
        let run = (!swar::mask(data, at, end, WHITESPACE)).trailing_zeros() as usize;
        at += run;
        if run < swar::BLOCK {
            break;
        }
    }
    at
}

/// Closes the innermost container: pops it and restores the path of its parent.
fn close(path: &mut Vec<u8>, stack: &mut Vec<usize>) -> Expect {
    if let Some(top) = stack.pop() {
        path.truncate(top >> FLAG_BITS);
    }
    if stack.is_empty() {
        Expect::Top
    } else {
        Expect::After
    }
}

/// Where the walker reports values, with scratch space for unescaping them.
struct Out<'a, S> {
    base: u64,
    value: &'a mut Vec<u8>,
    stored_at: &'a mut StoredAt,
    sink: &'a mut S,
}

impl<S: FieldSink> Out<'_, S> {
    /// Reports the stored value `data[range]`, unescaping it first if it holds escapes.
    fn report(&mut self, field: FieldRef<'_>, data: &[u8], range: Range<usize>, escaped: bool) {
        let offset = self.base + range.start as u64;
        if escaped {
            unescape(&data[range], self.value, self.stored_at);
            if !self.value.is_empty() {
                self.sink.value(
                    field,
                    Value {
                        bytes: self.value,
                        offset,
                        stored_at: Some(&*self.stored_at),
                    },
                );
            }
        } else if !range.is_empty() {
            self.sink.value(
                field,
                Value {
                    bytes: &data[range],
                    offset,
                    stored_at: None,
                },
            );
        }
    }
}

/// Unescapes the content of a JSON string into `value`, with stored offsets in `stored_at`.
/// Unknown escapes keep the escaped byte; unpaired surrogates become U+FFFD.
fn unescape(stored: &[u8], value: &mut Vec<u8>, stored_at: &mut StoredAt) {
    value.clear();
    stored_at.clear();
    let mut i = 0;
    while i < stored.len() {
        // The bytes up to the next escape are copied as they are.
        let plain = memchr::memchr(b'\\', &stored[i..]).map_or(stored.len(), |p| i + p);
        let plain = if plain + 1 >= stored.len() {
            stored.len()
        } else {
            plain
        };
        value.extend_from_slice(&stored[i..plain]);
        stored_at.run(plain - i, rel(i), 1);
        i = plain;
        if i >= stored.len() {
            break;
        }
        let from = rel(i);
        let escape = stored[i + 1];
        i += 2;
        let byte = match escape {
            b'b' => 0x08,
            b'f' => 0x0c,
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            b'u' => {
                let (c, used) = code_point(&stored[i - 2..]);
                i += used - 2;
                let mut buf = [0; 4];
                let bytes = c.encode_utf8(&mut buf).as_bytes();
                value.extend_from_slice(bytes);
                stored_at.run(bytes.len(), from, 0);
                continue;
            }
            other => other,
        };
        value.push(byte);
        stored_at.run(1, from, 0);
    }
    stored_at.set_end(rel(stored.len()));
}

/// The character of the `\uXXXX` escape (or surrogate pair) at the start of `s`, and how many
/// bytes it takes; an incomplete or unpaired escape gives U+FFFD.
fn code_point(s: &[u8]) -> (char, usize) {
    let hex4 = |at: usize| -> Option<u32> {
        let digits = s.get(at..at + 4)?;
        digits
            .iter()
            .try_fold(0, |n, &d| Some(n * 16 + char::from(d).to_digit(16)?))
    };
    let Some(first) = hex4(2) else {
        return (char::REPLACEMENT_CHARACTER, 2);
    };
    if (0xD800..0xDC00).contains(&first) && s.get(6..8) == Some(b"\\u") {
        if let Some(second) = hex4(8).filter(|n| (0xDC00..0xE000).contains(n)) {
            let c = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
            return (char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER), 12);
        }
    }
    (
        char::from_u32(first).unwrap_or(char::REPLACEMENT_CHARACTER),
        6,
    )
}

/// Appends `key` to the key path `path` as its next segment: the key itself, or `{}` when it
/// is an identifier (see the module docs); returns whether it was one. BSON key paths are
/// built the same way.
#[inline]
pub(super) fn push_key(path: &mut Vec<u8>, key: &[u8]) -> bool {
    let identifier = is_identifier(key);
    let segment: &[u8] = if identifier { b"{}" } else { key };
    // One capacity check for the dot and the segment.
    path.reserve(segment.len() + 1);
    if !path.is_empty() {
        path.push(b'.');
    }
    path.extend_from_slice(segment);
    identifier
}

/// Whether a key is an identifier or a number rather than a name (see the module docs).
/// One pass: it runs for every key of every document.
fn is_identifier(key: &[u8]) -> bool {
    // Most keys are short names: with no byte at or below `@` they hold no digit and no `@`,
    // and only 16+ byte keys can be digit-free hex or UUIDs.
    if key.len() < 16 && key.iter().all(|&b| b > b'@') {
        return false;
    }
    let (mut digits, mut letters) = (0, 0);
    // Only digits and `+ - . ( )` or spaces; only hex digits.
    let (mut numeric, mut hex) = (true, true);
    for &b in key {
        if b.is_ascii_digit() {
            digits += 1;
        } else if b.is_ascii_alphabetic() {
            letters += 1;
            numeric = false;
            hex &= b.is_ascii_hexdigit();
        } else if b == b'@' {
            return true;
        } else {
            hex = false;
            numeric &= matches!(b, b'+' | b'-' | b'.' | b'(' | b')' | b' ');
        }
    }
    (digits >= 3 && numeric)
        || (key.len() >= 16 && hex)
        || (key.len() >= 6 && letters > 0 && digits >= 4)
        || super::is_uuid(key)
}

#[cfg(test)]
mod tests {
    use super::super::text::testing::{
        check_stored, chunked, end, p, pairs, streamed, structural_bytes, Got,
    };
    use super::super::{Format, Layout};
    use super::*;

    fn layout(format: Format, body_start: usize) -> Layout {
        Layout {
            format,
            delimiter: b',',
            header: Vec::new(),
            body_start,
        }
    }

    fn lines(data: &str) -> Vec<Got> {
        chunked(&layout(Format::Jsonl, 0), data.as_bytes(), usize::MAX)
    }

    #[test]
    fn paths_strings_and_numbers() {
        let got = lines(
            r#"{"name":"Asha","age":31,"ok":true,"x":null,"address":{"city":"Pune","pin":411001},"cards":[{"number":"4111"},{"number":"5500"}],"phones":[9876543210,"+91 98"],"e":"","m":[[1]]}"#,
        );
        assert_eq!(
            pairs(&got),
            vec![
                p("name", "Asha"),
                p("age", "31"),
                p("address.city", "Pune"),
                p("address.pin", "411001"),
                p("cards[].number", "4111"),
                p("cards[].number", "5500"),
                p("phones[]", "9876543210"),
                p("phones[]", "+91 98"),
                p("m[][]", "1"),
                end()
            ]
        );
        assert_eq!(got[0], Got::value("name", "Asha", 9));
        assert_eq!(got[1], Got::value("age", "31", 21));
    }

    #[test]
    fn escapes_are_unescaped_with_stored_offsets() {
        let data =
            r#"{"mail":"a\u0040b.com","q":"say \"hi\"","pair":"\ud83d\ude00!","bad":"\uZZ\q"}"#;
        let got = lines(data);
        let Got::Value {
            bytes,
            offset,
            stored_at,
            ..
        } = &got[0]
        else {
            panic!("{got:?}")
        };
        assert_eq!((bytes.as_str(), *offset), ("a@b.com", 9));
        let map = stored_at.as_ref().expect("escaped");
        assert_eq!(map, &vec![0, 1, 7, 8, 9, 10, 11, 12]);
        assert_eq!(&data.as_bytes()[9 + 1..9 + 7], br"\u0040");
        assert_eq!(pairs(&got)[1], p("q", "say \"hi\""));
        assert_eq!(pairs(&got)[2], p("pair", "\u{1F600}!"));
        let Got::Value { stored_at, .. } = &got[2] else {
            panic!()
        };
        assert_eq!(stored_at.as_deref(), Some(&[0, 0, 0, 0, 12, 13][..]));
        assert_eq!(pairs(&got)[3], p("bad", "\u{FFFD}ZZq"));
    }

    #[test]
    fn mongoexport_wrappers_are_transparent() {
        let got = lines(concat!(
            r#"{"_id":{"$oid":"5f1d7f5e8e4b2c3a4d5e6f70"},"created":{"$date":{"$numberLong":"1600000000000"}},"#,
            r#""seen":{"$date":"2020-01-02T03:04:05Z"},"n":{"$numberLong":"9876543210"},"i":{"$numberInt":"7"},"#,
            r#""d":{"$numberDouble":"1.5"},"m":{"$numberDecimal":"2.50"},"u":{"$uuid":"00112233-4455-6677-8899-aabbccddeeff"},"#,
            r#""blob":{"$binary":{"base64":"QUJD","subType":"00"}},"old":{"$binary":"QUJD","$type":"00"},"tail":"t"}"#
        ));
        assert_eq!(
            pairs(&got),
            vec![
                p("_id", "5f1d7f5e8e4b2c3a4d5e6f70"),
                p("created", "1600000000000"),
                p("seen", "2020-01-02T03:04:05Z"),
                p("n", "9876543210"),
                p("i", "7"),
                p("d", "1.5"),
                p("m", "2.50"),
                p("u", "00112233-4455-6677-8899-aabbccddeeff"),
                p("tail", "t"),
                end()
            ]
        );
    }

    #[test]
    fn identifier_keys_become_braces_and_are_reported() {
        let data = r#"{"contacts":{"9876543210":{"email":"a@example.com"},"+91 98765 43210":1,"home":2},"byMail":{"a@b.co":[3]},"5f1d7f5e8e4b2c3a":{"x":"y"},"user_1234":"v","2021":"yr","v2":"k"}"#;
        let got = lines(data);
        assert_eq!(
            pairs(&got),
            vec![
                p("contacts.{}", "9876543210"),
                p("contacts.{}.email", "a@example.com"),
                p("contacts.{}", "+91 98765 43210"),
                p("contacts.{}", "1"),
                p("contacts.home", "2"),
                p("byMail.{}", "a@b.co"),
                p("byMail.{}[]", "3"),
                p("{}", "5f1d7f5e8e4b2c3a"),
                p("{}.x", "y"),
                p("{}", "user_1234"),
                p("{}", "v"),
                p("{}", "2021"),
                p("{}", "yr"),
                p("v2", "k"),
                end()
            ]
        );
        // The key is reported at its stored offset.
        assert_eq!(got[0], Got::value("contacts.{}", "9876543210", 14));
    }

    #[test]
    fn identifier_rule() {
        for key in [
            "123",
            "a@b",
            "0123456789abcdef",
            "123e4567-e89b-12d3-a456-426614174000",
            "abc1234",
            "(022) 555-1234",
        ] {
            assert!(is_identifier(key.as_bytes()), "{key}");
        }
        for key in [
            "12",
            "name",
            "address2",
            "sha256sum",
            "abcdefabcdefabc",
            "ab123",
            "a1234",
            "v1.2.3",
            "1.5",
        ] {
            assert!(!is_identifier(key.as_bytes()), "{key}");
        }
    }

    #[test]
    fn malformed_lines_report_what_parses() {
        let got = lines(concat!(
            "{\"a\":\"x\",\"b\":tru e,\"c\":\"never\"}\n",
            "{\"a\":\"y\", oops}\n",
            "{\"a\":\"unterminated\n",
            "not json at all\n",
            "\"top\" 42,\n",
            "{\"k\" \"v\"}\n",
            "[1,{\"z\":2}]\n",
            "   \n",
            "{}"
        ));
        assert_eq!(
            pairs(&got),
            vec![
                p("a", "x"),
                end(),
                p("a", "y"),
                end(),
                p("a", "unterminated"),
                end(),
                end(),
                p("", "top"),
                p("", "42"),
                end(),
                end(),
                p("[]", "1"),
                p("[].z", "2"),
                end(),
                end()
            ]
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let depth = 100_000;
        let mut doc = String::new();
        for _ in 0..depth {
            doc.push_str("{\"a\":[");
        }
        doc.push_str("\"deep\"");
        for _ in 0..depth {
            doc.push_str("]}");
        }
        doc.push_str("\n{\"after\":1}\n");
        let got = lines(&doc);
        let Got::Value { field, bytes, .. } = &got[0] else {
            panic!()
        };
        assert_eq!(bytes, "deep");
        assert_eq!(field.len(), depth * 4 - 1);
        assert!(field.starts_with("a[].a[]."));
        assert_eq!(pairs(&got[1..]), vec![end(), p("after", "1"), end()]);
        // Unclosed brackets too.
        let open = "[".repeat(depth);
        assert_eq!(lines(&open), vec![Got::End]);
    }

    #[test]
    fn array_elements_are_records() {
        let data = b"\xEF\xBB\xBF [\n  {\"a\": \"x, y\", \"b\": [1, 2]},\n  {\"a\": \"q\\\"]\"},\n  \"s\", 7, {}\n]\n";
        let layout = layout(Format::Json, 5);
        let got = chunked(&layout, data, usize::MAX);
        assert_eq!(
            pairs(&got),
            vec![
                p("a", "x, y"),
                p("b[]", "1"),
                p("b[]", "2"),
                end(),
                p("a", "q\"]"),
                end(),
                p("", "s"),
                end(),
                p("", "7"),
                end(),
                end()
            ]
        );
        assert_eq!(got[0], Got::value("a", "x, y", 15));
        let edges = array_chunk_edges(&data[5..], 1, false);
        assert_eq!(edges, vec![0, 29, 46, 53, 56]);
    }

    #[test]
    fn malformed_elements_do_not_disturb_their_neighbours() {
        let data = br#"[{"a": [1, }], {"b": "c"}, {"d" "e", "x": ["y"]}, {"f": 2} ] "#;
        let layout = layout(Format::Json, 1);
        let expected = vec![
            p("a[]", "1"),
            end(),
            p("b", "c"),
            end(),
            end(),
            p("f", "2"),
            end(),
        ];
        for target in [1, 5, usize::MAX] {
            assert_eq!(pairs(&chunked(&layout, data, target)), expected);
        }
    }

    #[test]
    fn single_document_is_one_record() {
        let data = b"{\n \"a\": {\"b\": \"c\"},\n \"d\": [\"e\"]\n}\n";
        let layout = layout(Format::Json, 0);
        assert_eq!(array_chunk_edges(data, 1, false), vec![0]);
        assert_eq!(
            pairs(&chunked(&layout, data, 1)),
            vec![p("a.b", "c"), p("d[]", "e"), end()]
        );
    }

    /// JSON documents: objects of short lower-case keys (names, not identifiers) holding
    /// strings (with characters that need escapes), numbers, literals, arrays and objects.
    fn documents() -> impl proptest::strategy::Strategy<Value = serde_json::Value> {
        use proptest::prelude::*;
        use serde_json::Value as J;
        let leaf = prop_oneof![
            3 => "[a-zA-Z0-9 @.\\\\\"é\u{1F600}\n]{0,12}".prop_map(J::from),
            1 => any::<i32>().prop_map(J::from),
            1 => any::<bool>().prop_map(J::from),
            1 => Just(J::Null),
        ];
        let tree = leaf.prop_recursive(3, 24, 4, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..4).prop_map(J::Array),
                proptest::collection::btree_map("[a-z]{1,6}", inner, 0..4)
                    .prop_map(|m| J::Object(m.into_iter().collect())),
            ]
        });
        proptest::collection::btree_map("[a-z]{1,6}", tree, 0..5)
            .prop_map(|m| J::Object(m.into_iter().collect()))
    }

    /// The `(path, value)` pairs a document's strings and numbers give, in document order.
    fn expected(value: &serde_json::Value, path: &str, out: &mut Vec<(String, String)>) {
        use serde_json::Value as J;
        match value {
            J::String(s) if !s.is_empty() => out.push((path.to_string(), s.clone())),
            J::Number(n) => out.push((path.to_string(), n.to_string())),
            J::Array(items) => {
                for item in items {
                    expected(item, &format!("{path}[]"), out);
                }
            }
            J::Object(map) => {
                for (key, item) in map {
                    let joined = if path.is_empty() {
                        key.clone()
                    } else {
                        format!("{path}.{key}")
                    };
                    expected(item, &joined, out);
                }
            }
            _ => {}
        }
    }

    proptest::proptest! {
        /// The walker reports what a JSON parser reads, compact and pretty-printed.
        #[test]
        fn walk_reports_what_a_parser_reads(doc in documents()) {
            let mut want = Vec::new();
            expected(&doc, "", &mut want);
            want.push(end());
            let compact = serde_json::to_string(&doc).unwrap();
            let pretty = serde_json::to_string_pretty(&doc).unwrap().replace('\n', " ");
            for text in [compact, pretty] {
                proptest::prop_assert_eq!(&pairs(&lines(&text)), &want, "{}", text);
            }
        }

        #[test]
        fn skip_whitespace_matches_naive(
            data in proptest::collection::vec(
                proptest::sample::select(vec![b' ', b'\t', b'\r', b'\n', b'x', b'"']),
                0..60,
            ),
            at in 0usize..60,
            end in 0usize..60,
        ) {
            let end = end.min(data.len());
            let at = at.min(end);
            let naive = at + data[at..end].iter().take_while(|b| WHITESPACE.contains(b)).count();
            proptest::prop_assert_eq!(skip_whitespace(&data, at, end), naive);
        }

        #[test]
        fn random_json_cut_anywhere(
            data in structural_bytes(),
            target in 1usize..40,
            window in 1usize..40,
        ) {
            for layout in [layout(Format::Json, 0), layout(Format::Jsonl, 0)] {
                let reference = chunked(&layout, &data, usize::MAX);
                check_stored(&data, &reference);
                proptest::prop_assert_eq!(&chunked(&layout, &data, target), &reference);
                proptest::prop_assert_eq!(&streamed(&layout, &data, window, target), &reference);
            }
        }

        #[test]
        fn random_documents_cut_anywhere(
            docs in proptest::collection::vec(structural_bytes(), 1..6),
            target in 1usize..60,
        ) {
            // Mostly well-formed arrays: elements wrapped as strings, objects and arrays.
            let mut data = b"[".to_vec();
            for (i, doc) in docs.iter().enumerate() {
                let text = String::from_utf8_lossy(doc).replace(['"', '\\'], "");
                let element = match i % 3 {
                    0 => format!("{{\"k{i}\": \"{text}\", \"n\": [{i}, \"x\"]}}"),
                    1 => format!("[\"{text}\", {{\"a\": {{\"$oid\": \"{i}\"}}}}]"),
                    _ => format!("\"{text}\""),
                };
                data.extend_from_slice(element.as_bytes());
                data.extend_from_slice(if i + 1 < docs.len() { b",\n" } else { b"]\n" });
            }
            let layout = layout(Format::Json, 1);
            let reference = chunked(&layout, &data, usize::MAX);
            check_stored(&data, &reference);
            let records = reference.iter().filter(|g| **g == Got::End).count();
            proptest::prop_assert_eq!(records, docs.len());
            proptest::prop_assert_eq!(&chunked(&layout, &data, target), &reference);
        }
    }

    #[test]
    fn any_target_gives_the_same_events() {
        let array: &[u8] = b"[{\"a\":\"x,]}\\\"\",\"n\":{\"9876543210\":[1,{\"$oid\":\"ab\"}]}}, [\"p\",\"q\"],\"s\\\\\",\n{\"bad\": ,\"z\":1}, {\"u\":\"unterminated},{]";
        let jsonl: &[u8] = b"{\"a\":\"x\\ny\",\"b\":[1,2]}\r\n\n{\"c\":{\"$date\":{\"$numberLong\":\"1\"}}}\n{bad\n{\"d\":\"e\"}";
        for (layout, data) in [
            (layout(Format::Json, 1), array),
            (layout(Format::Jsonl, 0), jsonl),
        ] {
            let reference = chunked(&layout, data, usize::MAX);
            assert!(reference.len() > 6, "{reference:?}");
            for target in [1, 2, 7, 64, 1 << 20] {
                assert_eq!(chunked(&layout, data, target), reference, "target {target}");
            }
            for window in [1, 3, 16, 1000] {
                assert_eq!(
                    streamed(&layout, data, window, 5),
                    reference,
                    "window {window}"
                );
            }
        }
    }
}
