//! MongoDB `mongodump` files (`.bson`): a run of length-prefixed BSON documents.
//!
//! A hand-written reader over the mapped (or streamed) bytes: every length is bounds-checked,
//! nesting is walked with a heap stack (depth is bounded only by the document's size, at most
//! [`MAX_DOC`]), and corrupt input never panics.
//!
//! - A record is a top-level document. Chunk edges fall between documents: the edge walk
//!   hops from length to length and checks each document's structure ([`check`]) before it
//!   is handed to a chunk, so the tokeniser only ever sees well-formed documents.
//! - A corrupt document (a length out of range or past the input's end, an unknown element
//!   type, an unterminated key, a string or subdocument that runs past its parent) stops the
//!   input there: its edge carries [`ChunkState::Stop`], the documents before it are scanned
//!   and the scan reports an error at the document's offset (status `partial`).
//! - Fields are key paths as in JSON ([`super::json::push_key`]): `address.city`,
//!   `cards[].number` (array element keys `0`, `1`, … become `[]`), identifier-like keys as
//!   `{}` with the key itself reported as a value.
//! - Values: strings (and symbols) as their bytes, the offset pointing at them inside the
//!   file; int32, int64 and finite doubles as their decimal text (as the JSON tokeniser sees
//!   numbers; a double that is a whole number has no `.0`), their offset and length those of
//!   the stored 4 or 8 bytes; binary of subtype 0 holding printable UTF-8 as text. ObjectIds,
//!   dates, timestamps, booleans, decimal128, regexes, code and other binary are not scanned.

use super::json::push_key;
use super::text::EdgePicker;
use super::{ChunkState, Edge, FieldRef, FieldSink, Scratch, StoredAt, Value};
use std::io::Write;
use std::ops::Range;
use std::sync::Arc;

/// Largest document accepted. MongoDB stores documents of at most 16 MiB; a larger length
/// prefix is corruption, and bounds how far a stream reads looking for a document's end.
pub const MAX_DOC: usize = 64 << 20;

/// Why a document is corrupt, and where (bytes into the document).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Corrupt {
    /// Offset of the bad byte, relative to the document's start.
    pub at: usize,
    /// What is wrong (never a value from the input).
    pub what: &'static str,
}

/// What the walker meets, element by element.
trait Visitor {
    /// An element whose key is `data[key]`, in an array or a document.
    fn element(&mut self, data: &[u8], key: Range<usize>, in_array: bool);
    /// The element's value, when it is not a container.
    fn value(&mut self, data: &[u8], value: Scalar);
    /// The element is a document (or an array): its elements follow. Returns what
    /// [`Visitor::leave`] gets back when it ends.
    fn enter(&mut self, array: bool) -> usize;
    /// The container entered with `saved` ended.
    fn leave(&mut self, saved: usize);
}

/// A value that may be scanned.
#[derive(Clone, Debug)]
enum Scalar {
    /// A string's bytes (without its NUL).
    Text(Range<usize>),
    /// An integer stored in `Range`.
    Int(i64, Range<usize>),
    /// A double stored in `Range`.
    Double(f64, Range<usize>),
    /// Something not scanned.
    Other,
}

/// Reads a little-endian int32 at `at` (the caller checked 4 bytes are there).
fn int32(data: &[u8], at: usize) -> i32 {
    i32::from_le_bytes([data[at], data[at + 1], data[at + 2], data[at + 3]])
}

/// A length prefix at `at`, if 4 bytes are there before `end` and it is not negative.
fn length(data: &[u8], at: usize, end: usize) -> Option<usize> {
    if end.saturating_sub(at) < 4 {
        return None;
    }
    usize::try_from(int32(data, at)).ok()
}

/// Walks the document at `data[start..start + len]` (`len` already within `data`).
fn walk(
    data: &[u8],
    start: usize,
    len: usize,
    stack: &mut Vec<usize>,
    v: &mut impl Visitor,
) -> Result<(), Corrupt> {
    let bad = |at: usize, what| Corrupt {
        at: at - start,
        what,
    };
    if len < 5 {
        return Err(bad(start, "document shorter than 5 bytes"));
    }
    stack.clear();
    // The offset of the current container's terminating NUL.
    let mut end = start + len - 1;
    if data[end] != 0 {
        return Err(bad(end, "document does not end with a NUL byte"));
    }
    let mut pos = start + 4;
    let mut array = false;
    loop {
        if pos == end {
            let (Some(saved), Some(parent)) = (stack.pop(), stack.pop()) else {
                return Ok(());
            };
            v.leave(saved >> 1);
            pos = end + 1;
            end = parent;
            array = saved & 1 != 0;
            continue;
        }
        let ty = data[pos];
        let key_start = pos + 1;
        let Some(nul) = memchr::memchr(0, &data[key_start..end]) else {
            return Err(bad(pos, "element key is not terminated"));
        };
        let key = key_start..key_start + nul;
        let at = key.end + 1;
        let room = end - at;
        let fixed = |n: usize| {
            if room >= n {
                Ok(at + n)
            } else {
                Err(bad(at, "value runs past its document"))
            }
        };
        v.element(data, key, array);
        pos = match ty {
            0x01 => {
                let next = fixed(8)?;
                let bits = u64::from_le_bytes(data[at..next].try_into().expect("8 bytes"));
                v.value(data, Scalar::Double(f64::from_bits(bits), at..next));
                next
            }
            0x02 | 0x0E => {
                let Some(n) = length(data, at, end).filter(|&n| n >= 1 && n <= room - 4) else {
                    return Err(bad(at, "string length out of range"));
                };
                let next = at + 4 + n;
                if data[next - 1] != 0 {
                    return Err(bad(next - 1, "string does not end with a NUL byte"));
                }
                v.value(data, Scalar::Text(at + 4..next - 1));
                next
            }
            0x03 | 0x04 => {
                let Some(n) = length(data, at, end).filter(|&n| n >= 5 && n <= room) else {
                    return Err(bad(at, "subdocument length out of range"));
                };
                if data[at + n - 1] != 0 {
                    return Err(bad(at + n - 1, "subdocument does not end with a NUL byte"));
                }
                let saved = v.enter(ty == 0x04);
                stack.push(end);
                stack.push(saved << 1 | usize::from(array));
                end = at + n - 1;
                array = ty == 0x04;
                pos = at + 4;
                continue;
            }
            0x05 => {
                let Some(n) = length(data, at, end).filter(|&n| n < room.saturating_sub(4)) else {
                    return Err(bad(at, "binary length out of range"));
                };
                let bytes = at + 5..at + 5 + n;
                let text = data[at + 4] == 0 && is_text(&data[bytes.clone()]);
                v.value(
                    data,
                    if text {
                        Scalar::Text(bytes.clone())
                    } else {
                        Scalar::Other
                    },
                );
                bytes.end
            }
            0x06 | 0x0A | 0x7F | 0xFF => at,
            0x07 => fixed(12)?,
            0x08 => fixed(1)?,
            0x09 | 0x11 => fixed(8)?,
            0x10 => {
                let next = fixed(4)?;
                v.value(data, Scalar::Int(i64::from(int32(data, at)), at..next));
                next
            }
            0x12 => {
                let next = fixed(8)?;
                let n = i64::from_le_bytes(data[at..next].try_into().expect("8 bytes"));
                v.value(data, Scalar::Int(n, at..next));
                next
            }
            0x13 => fixed(16)?,
            0x0B => {
                let mut p = at;
                for _ in 0..2 {
                    let Some(nul) = memchr::memchr(0, &data[p..end]) else {
                        return Err(bad(p, "regex is not terminated"));
                    };
                    p += nul + 1;
                }
                p
            }
            0x0C | 0x0D => {
                let Some(n) = length(data, at, end).filter(|&n| n >= 1 && n <= room - 4) else {
                    return Err(bad(at, "string length out of range"));
                };
                let extra = if ty == 0x0C { 12 } else { 0 };
                if room - 4 - n < extra {
                    return Err(bad(at, "value runs past its document"));
                }
                at + 4 + n + extra
            }
            0x0F => {
                let Some(n) = length(data, at, end).filter(|&n| n >= 14 && n <= room) else {
                    return Err(bad(at, "code with scope length out of range"));
                };
                at + n
            }
            _ => return Err(bad(pos, "unknown element type")),
        };
    }
}

/// Whether binary bytes are text worth scanning: valid UTF-8 without control characters
/// other than whitespace.
fn is_text(bytes: &[u8]) -> bool {
    !bytes.is_empty()
        && std::str::from_utf8(bytes).is_ok_and(|s| {
            s.chars()
                .all(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r'))
        })
}

/// A visitor that only lets the walk check structure.
struct Check;

impl Visitor for Check {
    #[inline]
    fn element(&mut self, _: &[u8], _: Range<usize>, _: bool) {}
    #[inline]
    fn value(&mut self, _: &[u8], _: Scalar) {}
    #[inline]
    fn enter(&mut self, _: bool) -> usize {
        0
    }
    #[inline]
    fn leave(&mut self, _: usize) {}
}

/// Checks the structure of the document at `data[start..start + len]`.
pub fn check(data: &[u8], start: usize, len: usize) -> Result<(), Corrupt> {
    walk(data, start, len, &mut Vec::new(), &mut Check)
}

/// What the start of an input looks like when it is BSON: a first document length of at
/// least 5 (and at most [`MAX_DOC`]) and an element type byte that exists; when the whole
/// first document is in `head`, it must also pass [`check`], else its first key must be a
/// non-empty printable C string (UTF-16 text and binary integers fail there).
pub fn looks_like(head: &[u8]) -> bool {
    let Some(len) = length(head, 0, head.len()).filter(|&n| (5..=MAX_DOC).contains(&n)) else {
        return false;
    };
    let type_ok = head
        .get(4)
        .is_some_and(|t| matches!(t, 0x00..=0x13 | 0x7F | 0xFF));
    // An empty document is 5 bytes, `05 00 00 00 00`; anything shorter than a key is not.
    if !type_ok || (len == 5) != (head.get(4) == Some(&0)) {
        return false;
    }
    if len <= head.len() {
        check(head, 0, len).is_ok()
    } else {
        // Its first key must at least be a non-empty C string of printable bytes.
        let key = &head[5..head.len().min(5 + 128)];
        memchr::memchr(0, key).is_some_and(|nul| nul > 0 && key[..nul].iter().all(|&b| b >= 0x20))
    }
}

/// Chunk edges between documents (see [`super::Layout::chunk_edges`]). A corrupt document
/// ends the edges with a [`ChunkState::Stop`] edge at its start.
pub fn chunk_edges(window: &[u8], target: usize, at_eof: bool) -> Vec<Edge> {
    let mut picker = EdgePicker::new(target);
    let mut stack = Vec::new();
    let mut pos = 0;
    let stop = loop {
        let rest = window.len() - pos;
        if rest == 0 {
            break None;
        }
        let len = match length(window, pos, window.len()) {
            Some(len) if !(5..=MAX_DOC).contains(&len) => {
                break Some("document length out of range".to_string())
            }
            Some(len) if len <= rest => len,
            _ if !at_eof => break None,
            Some(_) | None => break Some("document truncated at the end of the input".into()),
        };
        if let Err(c) = walk(window, pos, len, &mut stack, &mut Check) {
            break Some(format!("corrupt document: {} ({} bytes in)", c.what, c.at));
        }
        pos += len;
        picker.boundary(pos);
    };
    let mut edges: Vec<Edge> = picker
        .finish(pos, at_eof || stop.is_some())
        .into_iter()
        .map(|at| Edge {
            at,
            state: ChunkState::Start,
        })
        .collect();
    if let Some(message) = stop {
        let state = ChunkState::Stop(Arc::from(format!("bson: {message}")));
        match edges.last_mut() {
            Some(last) if last.at == pos => last.state = state,
            _ => edges.push(Edge { at: pos, state }),
        }
    }
    edges
}

/// Tokenises the documents of `data[range]`, which starts at a document and holds only
/// documents that passed [`check`].
pub fn tokenize(
    data: &[u8],
    range: Range<usize>,
    base: u64,
    scratch: &mut Scratch,
    sink: &mut impl FieldSink,
) {
    let mut pos = range.start;
    let Scratch {
        value,
        stored_at,
        path,
        path_stack,
    } = scratch;
    let mut reporter = Reporter {
        base,
        path,
        level: 0,
        value,
        stored_at,
        sink,
    };
    while let Some(len) = length(data, pos, range.end).filter(|&n| n >= 5 && n <= range.end - pos) {
        reporter.path.clear();
        reporter.level = 0;
        // Checked by the edge walk; a failure here only ends the record early.
        let _ = walk(data, pos, len, path_stack, &mut reporter);
        reporter.sink.end_record();
        pos += len;
    }
}

/// Builds key paths and hands values to the sink.
struct Reporter<'a, S> {
    base: u64,
    path: &'a mut Vec<u8>,
    /// Path length of the current container (with `[]` for an array).
    level: usize,
    value: &'a mut Vec<u8>,
    stored_at: &'a mut StoredAt,
    sink: &'a mut S,
}

impl<S: FieldSink> Visitor for Reporter<'_, S> {
    fn element(&mut self, data: &[u8], key: Range<usize>, in_array: bool) {
        self.path.truncate(self.level);
        if !in_array && push_key(self.path, &data[key.clone()]) {
            self.sink.value(
                FieldRef::Name(self.path),
                Value {
                    bytes: &data[key.clone()],
                    offset: self.base + key.start as u64,
                    stored_at: None,
                },
            );
        }
    }

    fn value(&mut self, data: &[u8], value: Scalar) {
        let stored = match value {
            Scalar::Text(range) => {
                let value = Value {
                    bytes: &data[range.clone()],
                    offset: self.base + range.start as u64,
                    stored_at: None,
                };
                self.sink.value(FieldRef::Name(self.path), value);
                return;
            }
            Scalar::Int(n, range) => {
                self.value.clear();
                let _ = write!(self.value, "{n}");
                range
            }
            Scalar::Double(x, range) if x.is_finite() && x.abs() < 1e21 => {
                self.value.clear();
                let _ = write!(self.value, "{x}");
                range
            }
            Scalar::Double(..) | Scalar::Other => return,
        };
        // Every byte of the text maps to the stored number's first byte; the final entry is
        // its stored width.
        self.stored_at.clear();
        self.stored_at.run(self.value.len(), 0, 0);
        self.stored_at.set_end(stored.len() as u32);
        self.sink.value(
            FieldRef::Name(self.path),
            Value {
                bytes: self.value,
                offset: self.base + stored.start as u64,
                stored_at: Some(&*self.stored_at),
            },
        );
    }

    fn enter(&mut self, array: bool) -> usize {
        if array {
            self.path.extend_from_slice(b"[]");
        }
        std::mem::replace(&mut self.level, self.path.len())
    }

    fn leave(&mut self, saved: usize) {
        self.level = saved;
    }
}

/// The skip reason of a `mongodump` collection metadata file (indexes and options, no
/// documents).
pub const METADATA_REASON: &str = "mongodump-metadata";

/// Whether `name` (a path, or an archive member's `archive!member`) names a `mongodump`
/// metadata file: `users.metadata.json`, also compressed (`users.metadata.json.gz`).
pub fn is_metadata(name: &str) -> bool {
    let mut leaf = name.rsplit(['/', '\\', '!']).next().unwrap_or(name);
    for suffix in [".gz", ".zst", ".bz2", ".xz"] {
        leaf = leaf.strip_suffix(suffix).unwrap_or(leaf);
    }
    leaf.len() > ".metadata.json".len() && leaf.ends_with(".metadata.json")
}

#[cfg(test)]
mod tests {
    use super::super::text::testing::{check_stored, chunked, p, pairs, streamed, Got};
    use super::super::{Format, Layout};
    use super::*;

    /// A BSON value to encode in tests.
    enum B {
        Str(&'static str),
        I32(i32),
        I64(i64),
        F64(f64),
        Oid,
        Date(i64),
        Bin(u8, &'static [u8]),
        Doc(Vec<(&'static str, B)>),
        Arr(Vec<B>),
    }

    /// Encodes `members` as a document.
    fn doc(members: Vec<(&'static str, B)>) -> Vec<u8> {
        let mut body = Vec::new();
        for (key, value) in members {
            element(&mut body, key, value);
        }
        let mut d = ((body.len() + 5) as i32).to_le_bytes().to_vec();
        d.extend(body);
        d.push(0);
        d
    }

    fn element(out: &mut Vec<u8>, key: &str, value: B) {
        let (ty, bytes) = match value {
            B::Str(s) => {
                let mut b = (s.len() as i32 + 1).to_le_bytes().to_vec();
                b.extend_from_slice(s.as_bytes());
                b.push(0);
                (0x02, b)
            }
            B::I32(n) => (0x10, n.to_le_bytes().to_vec()),
            B::I64(n) => (0x12, n.to_le_bytes().to_vec()),
            B::F64(x) => (0x01, x.to_le_bytes().to_vec()),
            B::Oid => (0x07, vec![0x5f; 12]),
            B::Date(ms) => (0x09, ms.to_le_bytes().to_vec()),
            B::Bin(subtype, data) => {
                let mut b = (data.len() as i32).to_le_bytes().to_vec();
                b.push(subtype);
                b.extend_from_slice(data);
                (0x05, b)
            }
            B::Doc(members) => (0x03, doc(members)),
            B::Arr(items) => {
                let keys = ["0", "1", "2", "3", "4", "5"];
                (0x04, doc(keys.into_iter().zip(items).collect()))
            }
        };
        out.push(ty);
        out.extend_from_slice(key.as_bytes());
        out.push(0);
        out.extend(bytes);
    }

    fn layout() -> Layout {
        Layout {
            format: Format::Bson,
            delimiter: b',',
            header: Vec::new(),
            body_start: 0,
        }
    }

    fn sample() -> Vec<u8> {
        let mut data = doc(vec![
            ("_id", B::Oid),
            ("name", B::Str("Asha Rao")),
            ("mobile", B::I64(9876543210)),
            ("age", B::I32(31)),
            ("score", B::F64(9876543210.0)),
            ("ratio", B::F64(0.5)),
            ("created", B::Date(1_600_000_000_000)),
            (
                "address",
                B::Doc(vec![("city", B::Str("Pune")), ("pin", B::I32(411001))]),
            ),
            (
                "cards",
                B::Arr(vec![
                    B::Doc(vec![("number", B::Str("4111 1111 1111 1111"))]),
                    B::Doc(vec![("number", B::Str("5500 0000 0000 0004"))]),
                ]),
            ),
            ("tags", B::Arr(vec![B::Str("a"), B::Arr(vec![B::I32(7)])])),
            (
                "contacts",
                B::Doc(vec![(
                    "9876543210",
                    B::Doc(vec![("email", B::Str("a@b.co"))]),
                )]),
            ),
            ("note", B::Bin(0, b"call +91 98765 43210")),
            ("blob", B::Bin(0, b"\x00\x01\x02")),
            ("uuid", B::Bin(4, b"0123456789abcdef")),
            ("empty", B::Doc(vec![])),
        ]);
        data.extend(doc(vec![("next", B::Str("x"))]));
        data
    }

    #[test]
    fn key_paths_and_values() {
        let data = sample();
        let got = chunked(&layout(), &data, usize::MAX);
        check_stored(&data, &got);
        assert_eq!(
            pairs(&got),
            vec![
                p("name", "Asha Rao"),
                p("mobile", "9876543210"),
                p("age", "31"),
                p("score", "9876543210"),
                p("ratio", "0.5"),
                p("address.city", "Pune"),
                p("address.pin", "411001"),
                p("cards[].number", "4111 1111 1111 1111"),
                p("cards[].number", "5500 0000 0000 0004"),
                p("tags[]", "a"),
                p("tags[][]", "7"),
                p("contacts.{}", "9876543210"),
                p("contacts.{}.email", "a@b.co"),
                p("note", "call +91 98765 43210"),
                p("|", ""),
                p("next", "x"),
                p("|", ""),
            ]
        );
        // A string points at its bytes; a number at its stored 8 bytes.
        let Got::Value { offset, .. } = &got[0] else {
            panic!()
        };
        assert_eq!(&data[*offset as usize..*offset as usize + 8], b"Asha Rao");
        let Got::Value {
            offset, stored_at, ..
        } = &got[1]
        else {
            panic!()
        };
        assert_eq!(
            &data[*offset as usize..*offset as usize + 8],
            &9876543210i64.to_le_bytes()
        );
        assert_eq!(stored_at.as_deref().map(|m| m[m.len() - 1]), Some(8));
    }

    #[test]
    fn any_chunking_gives_the_same_events() {
        let data: Vec<u8> = (0..5).flat_map(|_| sample()).collect();
        let reference = chunked(&layout(), &data, usize::MAX);
        for target in [1, 5, 64, 300] {
            assert_eq!(chunked(&layout(), &data, target), reference, "{target}");
        }
        for window in [1, 7, 100, 4096] {
            assert_eq!(
                streamed(&layout(), &data, window, 50),
                reference,
                "{window}"
            );
        }
    }

    #[test]
    fn corrupt_documents_stop_the_edges() {
        let one = doc(vec![("a", B::Str("x"))]);
        let mut data = [one.clone(), one.clone(), one.clone()].concat();
        // The second document's string length runs past it.
        data[one.len() + 4 + 3] = 0x7f;
        let edges = chunk_edges(&data, 1, true);
        let last = edges.last().expect("edges");
        assert_eq!(last.at, one.len());
        let ChunkState::Stop(message) = &last.state else {
            panic!("{edges:?}")
        };
        assert_eq!(
            &**message,
            "bson: corrupt document: string length out of range (7 bytes in)"
        );
        // Not at the end of the input, a document cut by the window is carried.
        let whole = [one.clone(), one.clone()].concat();
        let edges = chunk_edges(&whole[..one.len() + 3], 1, false);
        assert_eq!(
            edges.iter().map(|e| e.at).collect::<Vec<_>>(),
            [0, one.len()]
        );
        assert!(matches!(edges[1].state, ChunkState::Start));
        // At the end of the input, it is truncated.
        let edges = chunk_edges(&whole[..one.len() + 3], 1, true);
        assert!(matches!(edges[1].state, ChunkState::Stop(_)));
        // A length beyond any document stops a stream at once.
        let edges = chunk_edges(&[0xff, 0xff, 0xff, 0x7f, 0x02], 1, false);
        assert!(matches!(
            edges[..],
            [Edge {
                at: 0,
                state: ChunkState::Stop(_)
            }]
        ));
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let depth = 100_000;
        // Built inside out: each level is `{"a": <inner>}`.
        let mut inner = doc(vec![("v", B::Str("deep"))]);
        for _ in 0..depth {
            let mut d = ((inner.len() + 8) as i32).to_le_bytes().to_vec();
            d.extend_from_slice(b"\x03a\0");
            d.extend(inner);
            d.push(0);
            inner = d;
        }
        let got = chunked(&layout(), &inner, usize::MAX);
        let Got::Value { field, bytes, .. } = &got[0] else {
            panic!()
        };
        assert_eq!(bytes, "deep");
        assert_eq!(field.len(), depth * 2 + 1);
    }

    #[test]
    fn sniffing() {
        let data = sample();
        assert!(looks_like(&data));
        assert!(looks_like(&data[..40]));
        assert!(looks_like(&doc(vec![])));
        for text in [
            &b"name,email\n"[..],
            b"{\"a\":1}\n",
            b"\x05\x00\x00\x00\x01",
            b"",
            b"abc",
        ] {
            assert!(!looks_like(text), "{text:?}");
        }
        assert!(is_metadata("dump/db/users.metadata.json"));
        assert!(is_metadata("d.tar.gz!db/users.metadata.json.gz"));
        assert!(!is_metadata("users.json"));
        assert!(!is_metadata(".metadata.json"));
    }

    proptest::proptest! {
        #[test]
        fn corrupt_input_never_panics(
            flips in proptest::collection::vec((0usize..2000, proptest::num::u8::ANY), 1..6),
            cut in 0usize..2000,
            target in 1usize..200,
        ) {
            let mut data: Vec<u8> = (0..3).flat_map(|_| sample()).collect();
            for (at, byte) in flips {
                let at = at % data.len();
                data[at] = byte;
            }
            data.truncate(cut.max(1).min(data.len()));
            let edges = chunk_edges(&data, target, true);
            let mut recorder = super::super::text::testing::Recorder::default();
            let mut scratch = Scratch::default();
            for pair in edges.windows(2) {
                tokenize(&data, pair[0].at..pair[1].at, 0, &mut scratch, &mut recorder);
            }
            // Every value lies within the input.
            for got in &recorder.0 {
                if let Got::Value { offset, .. } = got {
                    proptest::prop_assert!((*offset as usize) < data.len());
                }
            }
            let _ = looks_like(&data);
        }
    }
}
