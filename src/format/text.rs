//! Lines of text, with `key=value` and `key: value` pairs as fields; also line-aligned chunk
//! edges (for text, JSON Lines and SQL) and the edge picking every format shares.
//!
//! A record is a line (`\n` or `\r\n`; the last may lack its newline), blank lines
//! included, so a record number is the line number. Inside a line, a pair is:
//!
//! - a key `[A-Za-z_][A-Za-z0-9_.-]{0,63}` at the start of the line or after a space, tab,
//!   `,` `;` `&` `?` or `{` (these five not in a word with a `$` before them: the
//!   `,t=3,p=4` of `$argon2id$v=19$m=65536,t=3,p=4$...` are a hash's parameters). A key
//!   that only says "number" (`No`, `No.`, `Nr`, `Num`, `Nbr`, `Number`, or `#`) takes in
//!   the key words before it, up to two, and the blanks between: `Aadhaar No: ...`, `SSN #:
//!   ...`, `Social Security Number: ...` (one word inside a `key: value` value: `Name: Asha
//!   Rao Mobile No: ...` keeps `Rao` in the name). A verb or preposition before `:` (`is`,
//!   `on`, ...) is no key: `my phone number is: ...` and `born on: ...` are text, where the
//!   words before the value are its keywords;
//! - then `=`, or `:` followed by a space (or directly by a quote). `key:value` without the
//!   space is not a pair, so URLs (`http://x`), times (`12:30:45`) and IPv6 addresses are
//!   not split; neither is `a==b`. Blanks may stand between a key and its `:` (`Aadhaar No :
//!   ...`, aligned `Name   : ...`), though not inside the value of a key written without
//!   them (`Address: 12 Main St : Pune` is one pair, `Name : Asha  SSN : ...` two);
//! - then the value: a `"`- or `'`-quoted string (reported without its quotes, escapes as
//!   written; a quote after a backslash does not close it); else, after `=`, the bytes up
//!   to the next space, tab, `;` or `&` (a trailing `,` dropped: commas stay inside values
//!   such as argon2's `m=65536,t=3,p=4`); else, after `: `, the rest of the line up to the
//!   next pair (`Social Security Number: 567 89 0123 email: a@b.in` has two). An empty
//!   value makes no pair. An `=` value with `%XX` escapes is URL-decoded ([`super::url`]:
//!   `asha%40example.com` is an e-mail, found where it is stored), and in a query string (a
//!   key after `?` or `&`) a `+` is a space (`name=Asha+Rao`).
//!
//! A vCard (`.vcf`: phone contact lists) content line is one pair: a property of a person
//! written in capitals at the line start (`FN`, `TEL`, `EMAIL`, `ADR`, `BDAY`, …), its
//! parameters (`;TYPE=CELL`) passed over, and the rest of the line after the `:` as its value
//! (`TEL;TYPE=CELL:+91 98765 43210` is field `TEL`, value `+91 98765 43210`).
//!
use super::{url, FieldRef, FieldSink, Scratch, Value};
use memchr::{memchr, memrchr};
use std::ops::Range;

/// Picks chunk edges, about `target` bytes apart, from record boundaries met in order; every
/// format's chunk edges go through it.
pub(super) struct EdgePicker {
    edges: Vec<usize>,
    target: usize,
    next_at: usize,
    last: usize,
}

impl EdgePicker {
    /// A picker for chunks of about `target` bytes (at least 1).
    pub(super) fn new(target: usize) -> EdgePicker {
        let target = target.max(1);
        EdgePicker {
            edges: vec![0],
            target,
            next_at: target,
            last: 0,
        }
    }

    /// The first offset at which a boundary becomes the next edge (at least 1).
    pub(super) fn next_at(&self) -> usize {
        self.next_at
    }

    /// Whether no boundary can become an edge any more: at the end of the input, the rest of
    /// a window of `len` bytes is shorter than the target (so a walk for edges can stop, and
    /// an input no longer than one chunk is not walked at all).
    pub(super) fn done(&self, len: usize, at_eof: bool) -> bool {
        at_eof && self.next_at > len
    }

    /// A record boundary, not before the previous one; returns whether it became an edge.
    pub(super) fn boundary(&mut self, at: usize) -> bool {
        self.last = at;
        let edge = at >= self.next_at;
        if edge {
            self.edges.push(at);
            self.next_at = at.saturating_add(self.target);
        }
        edge
    }

    /// The edges of a window of `len` bytes (see [`super::Layout::chunk_edges`]).
    pub(super) fn finish(mut self, len: usize, at_eof: bool) -> Vec<usize> {
        let end = if at_eof { len } else { self.last };
        if end > *self.edges.last().expect("starts with 0") {
            self.edges.push(end);
        }
        self.edges
    }
}

/// Byte search a block (16 bytes) at a time, for the short distances between structural
/// bytes (cells, JSON strings, key/value separators), where a `memchr` call costs more than
/// the search itself. Measured against `memchr2`/`memchr3` per token (synthetic rows of
/// ~13-byte cells, 8-byte words then): CSV 15.2 → 13.2 instructions a byte, fully quoted
/// CSV 26 → 18. On x86_64 a block is one SSE2 register (part of every x86_64 target);
/// elsewhere two 8-byte words, compared without SIMD.
pub(super) mod swar {
    /// Bytes of a block.
    pub const BLOCK: usize = 16;

    /// A bit for each byte of `data[at..at + BLOCK]` before `end` that is one of `needles`
    /// (bit `i` for `data[at + i]`); `at < end <= data.len()`. The block may reach past
    /// `end` (its bits there are cleared) and, at the end of `data`, past that (read as
    /// zeros).
    #[inline(always)]
    pub fn mask<const N: usize>(data: &[u8], at: usize, end: usize, needles: [u8; N]) -> u32 {
        let hits = match data.get(at..at + BLOCK) {
            Some(bytes) => block_mask(bytes.try_into().expect("a block"), needles),
            None => {
                let mut buf = [0; BLOCK];
                buf[..data.len() - at].copy_from_slice(&data[at..]);
                block_mask(&buf, needles)
            }
        };
        if end - at < BLOCK {
            hits & ((1 << (end - at)) - 1)
        } else {
            hits
        }
    }

    /// The offset of the byte matched by the lowest bit of a non-zero [`mask`].
    #[inline]
    pub fn first(mask: u32) -> usize {
        mask.trailing_zeros() as usize
    }

    /// The bytes of `block` equal to one of `needles`, a bit each.
    #[cfg(target_arch = "x86_64")]
    #[inline(always)]
    fn block_mask<const N: usize>(block: &[u8; BLOCK], needles: [u8; N]) -> u32 {
        use std::arch::x86_64::{
            _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
            _mm_setzero_si128,
        };
        // SAFETY: the load reads the 16 bytes of `block` (unaligned loads are allowed), and
        // the SSE2 instructions used are part of every x86_64 target.
        unsafe {
            let bytes = _mm_loadu_si128(block.as_ptr().cast());
            let mut hits = _mm_setzero_si128();
            for needle in needles {
                hits = _mm_or_si128(hits, _mm_cmpeq_epi8(bytes, _mm_set1_epi8(needle as i8)));
            }
            _mm_movemask_epi8(hits) as u32
        }
    }

    #[cfg(not(target_arch = "x86_64"))]
    use words::block_mask;

    /// [`block_mask`] without SIMD: two 8-byte words (the x86_64 build tests it against the
    /// SSE2 one).
    #[cfg(any(not(target_arch = "x86_64"), test))]
    pub(super) mod words {
        use super::BLOCK;
        use crate::swar::eq_byte;

        /// Gathers the low bit of each byte into the top byte (bit `k` from byte `k`).
        const GATHER: u64 = 0x0102_0408_1020_4080;

        /// The bytes of `block` equal to one of `needles`, a bit each.
        #[inline(always)]
        pub fn block_mask<const N: usize>(block: &[u8; BLOCK], needles: [u8; N]) -> u32 {
            let half = |bytes: &[u8]| {
                let word = u64::from_le_bytes(bytes.try_into().expect("8 bytes"));
                let hits = needles.iter().fold(0, |hits, &n| hits | eq_byte(word, n));
                ((hits >> 7).wrapping_mul(GATHER) >> 56) as u32
            };
            half(&block[..8]) | half(&block[8..]) << 8
        }
    }

    /// Blocks searched before handing a long run to `memchr`.
    const SHORT: usize = 2;

    /// The first `a` or `b` in `data[from..end]`.
    #[inline]
    pub fn find2(data: &[u8], from: usize, end: usize, a: u8, b: u8) -> Option<usize> {
        let mut at = from;
        for _ in 0..SHORT {
            if at >= end {
                return None;
            }
            let hits = mask(data, at, end, [a, b]);
            if hits != 0 {
                return Some(at + first(hits));
            }
            at += BLOCK;
        }
        memchr::memchr2(a, b, &data[at.min(end)..end]).map(|k| at + k)
    }
}

/// Chunk edges at line ends.
pub fn line_chunk_edges(window: &[u8], target: usize, at_eof: bool) -> Vec<usize> {
    let mut picker = EdgePicker::new(target);
    // Only the first line end at or after each wanted edge matters: skip the bytes between.
    let mut from = picker.next_at() - 1;
    while from < window.len() {
        match memchr(b'\n', &window[from..]) {
            Some(k) => {
                picker.boundary(from + k + 1);
                from = picker.next_at() - 1;
            }
            None => break,
        }
    }
    if !at_eof {
        picker.boundary(memrchr(b'\n', window).map_or(0, |p| p + 1));
    }
    picker.finish(window.len(), at_eof)
}

/// Whether `line` holds only spaces, tabs and `\r`.
pub(super) fn is_blank(line: &[u8]) -> bool {
    line.iter().all(|&b| matches!(b, b' ' | b'\t' | b'\r'))
}

/// Calls `f(start, end)` for each line of `data[range]`, `end` before its `\n` or `\r\n`.
pub(super) fn for_each_line(data: &[u8], range: Range<usize>, mut f: impl FnMut(usize, usize)) {
    let mut start = range.start;
    while start < range.end {
        let (end, next) = match memchr(b'\n', &data[start..range.end]) {
            Some(k) => (start + k, start + k + 1),
            None => (range.end, range.end),
        };
        let end = if end > start && data[end - 1] == b'\r' {
            end - 1
        } else {
            end
        };
        f(start, end);
        start = next;
    }
}

/// Tokenises lines of `data[range]`; `scratch` takes URL-decoded values.
pub fn tokenize(
    data: &[u8],
    range: Range<usize>,
    base: u64,
    scratch: &mut Scratch,
    sink: &mut impl FieldSink,
) {
    for_each_line(data, range, |start, end| {
        if !is_blank(&data[start..end]) {
            line(data, start, end, base, scratch, sink);
        }
        sink.end_record();
    });
}

/// Reports the values of the line `data[start..end]`.
fn line(
    data: &[u8],
    start: usize,
    end: usize,
    base: u64,
    scratch: &mut Scratch,
    sink: &mut impl FieldSink,
) {
    if let Some(pair) = vcard_line(data, start, end) {
        sink.value(
            FieldRef::Name(&data[pair.key.clone()]),
            Value {
                bytes: &data[pair.value.clone()],
                offset: base + pair.value.start as u64,
                stored_at: None,
            },
        );
        return;
    }
    let mut piece = start;
    let mut at = start;
    while let Some(sep) = swar::find2(data, at, end, b'=', b':') {
        // Most `:` (times, URLs) are refused by the byte after them, before any call.
        if !separates(data, end, sep) {
            at = sep + 1;
            continue;
        }
        match pair(data, start, end, sep, piece) {
            Some(pair) => {
                free_text(data, piece, pair.value.start, base, sink);
                let stored = Value {
                    bytes: &data[pair.value.clone()],
                    offset: base + pair.value.start as u64,
                    stored_at: None,
                };
                let query = data[sep] == b'='
                    && pair.key.start > start
                    && matches!(data[pair.key.start - 1], b'?' | b'&');
                let value = if data[sep] == b'=' && url::is_encoded(stored.bytes, query) {
                    url::decode(&stored, query, &mut scratch.value, &mut scratch.stored_at)
                } else {
                    stored
                };
                sink.value(FieldRef::Name(&data[pair.key.clone()]), value);
                piece = pair.value.end;
                at = pair.value.end;
            }
            None => at = sep + 1,
        }
    }
    free_text(data, piece, end, base, sink);
}

/// Reports `data[start..end]` as free text, unless it holds nothing a detector could match.
fn free_text(data: &[u8], start: usize, end: usize, base: u64, sink: &mut impl FieldSink) {
    let bytes = &data[start..end];
    if bytes
        .iter()
        .any(|&b| b.is_ascii_alphanumeric() || b >= 0x80)
    {
        sink.value(
            FieldRef::None,
            Value {
                bytes,
                offset: base + start as u64,
                stored_at: None,
            },
        );
    }
}

/// vCard properties that hold a person's data (RFC 6350 section 6; `X-` extensions are not
/// read): a line starting with one of them, in capitals, is one pair ([`vcard_line`]).
const VCARD_PROPERTIES: [&[u8]; 9] = [
    b"FN",
    b"N",
    b"NICKNAME",
    b"TEL",
    b"EMAIL",
    b"ADR",
    b"BDAY",
    b"GEO",
    b"LABEL",
];

/// The vCard content line `data[start..end]` (`TEL;TYPE=CELL:+91 98765 43210`) as a pair:
/// the property as key, the rest of the line after its parameters and `:` as value (the
/// `\r` of a CRLF line left out); `None` for any other line.
fn vcard_line(data: &[u8], start: usize, end: usize) -> Option<Pair> {
    let line = &data[start..end];
    let name_len = line.iter().position(|&b| !(b.is_ascii_uppercase()))?;
    if !VCARD_PROPERTIES.contains(&&line[..name_len]) || !matches!(line[name_len], b';' | b':') {
        return None;
    }
    // Parameters may hold a quoted `:` (`;LABEL="a:b"`).
    let mut quoted = false;
    let colon = line[name_len..].iter().position(|&b| {
        quoted ^= b == b'"';
        b == b':' && !quoted
    })?;
    let value_start = start + name_len + colon + 1;
    let value_end = if line.ends_with(b"\r") { end - 1 } else { end };
    (value_end > value_start).then(|| Pair {
        key: start..start + name_len,
        value: value_start..value_end,
    })
}

/// A `key=value` or `key: value` pair found in a line.
struct Pair {
    key: Range<usize>,
    value: Range<usize>,
}

/// The longest key.
const MAX_KEY: usize = 64;

/// Bytes of a key (`[A-Za-z0-9_.-]`), as a table: the walk back over a key tests every byte.
const KEY_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric() || c == b'_' || c == b'.' || c == b'-';
        b += 1;
    }
    table
};

/// Whether the byte after the separator at `sep` (`=` or `:`, in a line ending at `end`)
/// lets it separate a pair: `=` not doubled, `:` followed by a space, a tab or a quote.
#[inline]
fn separates(data: &[u8], end: usize, sep: usize) -> bool {
    if sep + 1 >= end {
        return false;
    }
    let next = data[sep + 1];
    if data[sep] == b'=' {
        next != b'='
    } else {
        matches!(next, b' ' | b'\t' | b'"' | b'\'')
    }
}

/// Where a key is looked for (see the module docs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum KeyAt {
    /// Where a pair may start: blanks may stand before its `:`, and a generic key takes in up
    /// to two words.
    Label,
    /// Inside a `key: value` value, to end it: blanks may stand before the `:` only when
    /// they stand before the value's own (`spaced`: `Name : Asha  SSN : ...`, but `Address:
    /// 12 Main St : Pune` is one pair), and a generic key takes in one word.
    InValue {
        /// Whether blanks stand before the `:` of the value's own key.
        spaced: bool,
    },
}

/// The start of the blanks (spaces, tabs) that end at `at`, not before `start`.
fn blanks_before(data: &[u8], start: usize, at: usize) -> usize {
    let mut from = at;
    while from > start && matches!(data[from - 1], b' ' | b'\t') {
        from -= 1;
    }
    from
}

/// The key before the separator at `sep`, when `data[sep]` starts a pair in the line
/// `data[start..end]`, looked for `at` a place. A generic key word (`No`, `Number`, `#`, see
/// [`generic_key`]) takes in the key words before it (`Aadhaar No`, `SSN #`, `Social Security
/// Number`) that start at or after `floor`.
fn key_before(
    data: &[u8],
    start: usize,
    end: usize,
    sep: usize,
    floor: usize,
    at: KeyAt,
) -> Option<Range<usize>> {
    // The byte after the separator first: it rules out most `:` (times, URLs) without the
    // walk back over a key.
    if !separates(data, end, sep) {
        return None;
    }
    let colon = data[sep] == b':';
    let spaced = matches!(at, KeyAt::Label | KeyAt::InValue { spaced: true });
    let key_end = if colon && spaced {
        blanks_before(data, sep.saturating_sub(MAX_KEY).max(start), sep)
    } else {
        sep
    };
    let hash = key_end > start && data[key_end - 1] == b'#';
    let key = if hash {
        key_end - 1
    } else {
        key_word(data, start, key_end)?
    };
    // The blanks before `:` count towards the longest key.
    if sep - key > MAX_KEY {
        return None;
    }
    if !hash && !generic_key(&data[key..key_end]) {
        let text = colon && not_a_key(&data[key..key_end]);
        return (!text).then_some(key..key_end);
    }
    let words = match at {
        KeyAt::Label => 2,
        KeyAt::InValue { .. } => 1,
    };
    let mut named = None;
    let mut first = key;
    for _ in 0..words {
        let word_end = blanks_before(data, start, first);
        // Blanks part the words; only a `#` may be glued to the word before it (`SSN#`).
        if word_end == first && !(hash && first == key) {
            break;
        }
        match key_word(data, start, word_end) {
            Some(word) if word >= floor && sep - word <= MAX_KEY => {
                named = Some(word);
                first = word;
            }
            _ => break,
        }
    }
    match named {
        Some(named) => Some(named..key_end),
        // A `#` alone names nothing: it is no key.
        None => (!hash).then_some(key..key_end),
    }
}

/// Whether a word before `:` is a verb or preposition (`is`, `on`, any case), which ends a
/// phrase (`my phone number is: ...`, `born on: ...`) rather than names a value.
fn not_a_key(word: &[u8]) -> bool {
    matches!(word.len(), 2..=4)
        && [&b"is"[..], b"are", b"was", b"were", b"on", b"at"]
            .iter()
            .any(|w| word.eq_ignore_ascii_case(w))
}

/// The start of a key word (see the module docs) ending at `end`.
fn key_word(data: &[u8], start: usize, end: usize) -> Option<usize> {
    let mut key = end;
    while key > start && end - key <= MAX_KEY && KEY_BYTE[usize::from(data[key - 1])] {
        key -= 1;
    }
    let key_ok = key < end
        && end - key <= MAX_KEY
        && (data[key].is_ascii_alphabetic() || data[key] == b'_')
        && (key == start
            || matches!(data[key - 1], b' ' | b'\t')
            || matches!(data[key - 1], b',' | b';' | b'&' | b'?' | b'{')
                && !in_dollar_word(data, start, key - 1));
    key_ok.then_some(key)
}

/// How far back [`in_dollar_word`] looks.
const DOLLAR_REACH: usize = 128;

/// Whether a `$` stands before `data[at]` in its word (bytes since the last space or tab of
/// the line `data[start..]`, at most [`DOLLAR_REACH`] back): then `,t=3` is a parameter of a
/// hash (`$argon2id$v=19$m=65536,t=3,p=4$...`, `$scrypt$ln=16,r=8,p=1$...`), not a pair.
fn in_dollar_word(data: &[u8], start: usize, at: usize) -> bool {
    data[start.max(at.saturating_sub(DOLLAR_REACH))..at]
        .iter()
        .rev()
        .take_while(|&&b| b != b' ' && b != b'\t')
        .any(|&b| b == b'$')
}

/// Whether `key` is a word that only says "a number" (`No`, `No.`, `Nr`, `Num`, `Nbr`,
/// `Number`): the word before it names what the number is.
fn generic_key(key: &[u8]) -> bool {
    matches!(key.len(), 2..=6)
        && [
            &b"no"[..],
            b"no.",
            b"nr",
            b"nr.",
            b"num",
            b"num.",
            b"nbr",
            b"number",
        ]
        .iter()
        .any(|g| key.eq_ignore_ascii_case(g))
}

/// The pair whose separator (`=` or `:`) is at `sep`, in the line `data[start..end]`.
/// A generic key takes in no word before `floor` (see [`key_before`]).
fn pair(data: &[u8], start: usize, end: usize, sep: usize, floor: usize) -> Option<Pair> {
    let key = key_before(data, start, end, sep, floor, KeyAt::Label)?;
    let from = sep
        + 1
        + data[sep + 1..end]
            .iter()
            .take_while(|&&b| data[sep] == b':' && (b == b' ' || b == b'\t'))
            .count();
    let ended_by = (data[sep] == b':').then_some(KeyAt::InValue {
        spaced: key.end < sep,
    });
    let value = value_at(data, start, from, end, ended_by)?;
    Some(Pair { key, value })
}

/// The value starting at `from` (see the module docs). After `:` it runs to the next key,
/// looked for as `ended_by` says; after `=` (`ended_by` is `None`) to a blank.
fn value_at(
    data: &[u8],
    start: usize,
    from: usize,
    end: usize,
    ended_by: Option<KeyAt>,
) -> Option<Range<usize>> {
    if from >= end {
        return None;
    }
    let quote = data[from];
    if quote == b'"' || quote == b'\'' {
        let mut at = from + 1;
        while let Some(k) = memchr(quote, &data[at..end]) {
            let close = at + k;
            if data[close - 1] != b'\\' {
                return (close > from + 1).then_some(from + 1..close);
            }
            at = close + 1;
        }
        // An unclosed quote is an ordinary byte of an unquoted value.
    }
    let mut value_end = if let Some(at) = ended_by {
        colon_value_end(data, start, from, end, at)
    } else {
        let stop = data[from..end]
            .iter()
            .position(|&b| matches!(b, b' ' | b'\t' | b';' | b'&'))
            .unwrap_or(end - from);
        let mut e = from + stop;
        if e > from && data[e - 1] == b',' {
            e -= 1;
        }
        e
    };
    while value_end > from && matches!(data[value_end - 1], b' ' | b'\t') {
        value_end -= 1;
    }
    (value_end > from).then_some(from..value_end)
}

/// Where a `key: value` value that starts at `from` ends: at the key of the next pair, looked
/// for `at` a place ([`KeyAt::InValue`]), or at the line end.
fn colon_value_end(data: &[u8], start: usize, from: usize, end: usize, at_key: KeyAt) -> usize {
    let mut at = from;
    while at < end {
        match data[at] {
            b'=' | b':' => {
                if let Some(key) = key_before(data, start, end, at, from + 1, at_key) {
                    if key.start > from {
                        return key.start;
                    }
                }
            }
            _ => {}
        }
        at += 1;
    }
    end
}

/// Test helpers shared by the format tests: a sink that records what it receives, and runs
/// of a layout's chunking and tokenising as the scan driver does them.
#[cfg(test)]
pub(super) mod testing {
    use super::super::{ChunkState, FieldRef, FieldSink, Layout, Scratch, StoredAt, Value};

    /// What a sink received, owned. Fields: `""` for none, `#i` for column `i`, else the name.
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub enum Got {
        /// A value.
        Value {
            field: String,
            bytes: String,
            offset: u64,
            stored_at: Option<Vec<u32>>,
        },
        /// The end of a record.
        End,
    }

    impl Got {
        /// A value stored as it is.
        pub fn value(field: &str, bytes: &str, offset: u64) -> Got {
            Got::Value {
                field: field.into(),
                bytes: bytes.into(),
                offset,
                stored_at: None,
            }
        }
    }

    /// A sink recording everything.
    #[derive(Default)]
    pub struct Recorder(pub Vec<Got>);

    impl FieldSink for Recorder {
        fn value(&mut self, field: FieldRef<'_>, value: Value<'_>) {
            let field = match field {
                FieldRef::None => String::new(),
                FieldRef::Column(i) => format!("#{i}"),
                FieldRef::Name(name) => String::from_utf8_lossy(name).into_owned(),
            };
            assert!(!value.bytes.is_empty(), "empty value for {field}");
            if let Some(map) = value.stored_at {
                assert_eq!(map.len(), value.bytes.len(), "stored_at length");
            }
            self.0.push(Got::Value {
                field,
                bytes: String::from_utf8_lossy(value.bytes).into_owned(),
                offset: value.offset,
                stored_at: value.stored_at.map(StoredAt::dense),
            });
        }

        fn end_record(&mut self) {
            self.0.push(Got::End);
        }
    }

    /// Cuts the whole of `data` (from the layout's body start) at chunk edges `target`
    /// apart and tokenises every chunk.
    pub fn chunked(layout: &Layout, data: &[u8], target: usize) -> Vec<Got> {
        let body = layout.body_start;
        let edges = layout.chunk_edges(&data[body..], target, true, &ChunkState::Start);
        let at: Vec<usize> = edges.iter().map(|e| e.at).collect();
        assert_eq!(at.first(), Some(&0));
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{at:?}");
        assert!(data.len() == body || at.last() == Some(&(data.len() - body)));
        let mut recorder = Recorder::default();
        let mut scratch = Scratch::default();
        for w in edges.windows(2) {
            let range = body + w[0].at..body + w[1].at;
            layout.tokenize(data, range, 0, &w[0].state, &mut scratch, &mut recorder);
        }
        recorder.0
    }

    /// Inputs made of the bytes that matter to some format, and a few that don't.
    pub fn structural_bytes() -> impl proptest::strategy::Strategy<Value = Vec<u8>> {
        const ALPHABET: &[u8] = b"\",;|\t\n\r{}[]:=\\ a1$@&u0";
        proptest::collection::vec(proptest::sample::select(ALPHABET), 0..120)
    }

    /// `(field, value)` pairs of the values, records ended by `("|", "")`.
    pub fn pairs(got: &[Got]) -> Vec<(String, String)> {
        got.iter()
            .map(|g| match g {
                Got::Value { field, bytes, .. } => (field.clone(), bytes.clone()),
                Got::End => ("|".into(), String::new()),
            })
            .collect()
    }

    /// A `(field, value)` pair.
    pub fn p(field: &str, value: &str) -> (String, String) {
        (field.into(), value.into())
    }

    /// The pair that stands for the end of a record.
    pub fn end() -> (String, String) {
        p("|", "")
    }

    /// Checks that every value points at its stored bytes in `data`: verbatim without a
    /// `stored_at` map, else within `data` with an ascending map.
    pub fn check_stored(data: &[u8], got: &[Got]) {
        for g in got {
            let Got::Value {
                bytes,
                offset,
                stored_at,
                ..
            } = g
            else {
                continue;
            };
            let offset = *offset as usize;
            match stored_at {
                None => assert_eq!(
                    String::from_utf8_lossy(&data[offset..offset + bytes.len()]),
                    *bytes
                ),
                Some(map) => {
                    assert!(map.windows(2).all(|w| w[0] <= w[1]), "{map:?}");
                    let last = *map.last().expect("final entry") as usize;
                    assert!(offset + last <= data.len());
                }
            }
        }
    }

    /// Reads `data` through windows of `window` bytes (grown while no record ends in one),
    /// carrying the unfinished tail into the next window, and tokenises each window's
    /// chunks with the window as `data` and its offset as `base`.
    pub fn streamed(layout: &Layout, data: &[u8], window: usize, target: usize) -> Vec<Got> {
        let mut recorder = Recorder::default();
        let mut scratch = Scratch::default();
        let mut pos = layout.body_start;
        let mut state = ChunkState::Start;
        loop {
            let mut size = window;
            let (end, edges) = loop {
                let end = (pos + size).min(data.len());
                let edges = layout.chunk_edges(&data[pos..end], target, end == data.len(), &state);
                if edges.len() > 1 || end == data.len() {
                    break (end, edges);
                }
                size *= 2;
            };
            for w in edges.windows(2) {
                let win = &data[pos..end];
                let range = w[0].at..w[1].at;
                layout.tokenize(
                    win,
                    range,
                    pos as u64,
                    &w[0].state,
                    &mut scratch,
                    &mut recorder,
                );
            }
            let last = edges.last().expect("starts with 0");
            state = last.state.clone();
            pos += last.at;
            if pos >= data.len() || end == data.len() {
                return recorder.0;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Format, Layout};
    use super::testing::{check_stored, chunked, p, streamed, structural_bytes, Got};
    use super::*;

    fn text() -> Layout {
        Layout {
            format: Format::Text,
            delimiter: b',',
            header: Vec::new(),
            body_start: 0,
        }
    }

    fn values(line: &str) -> Vec<(String, String)> {
        chunked(&text(), line.as_bytes(), usize::MAX)
            .into_iter()
            .filter_map(|g| match g {
                Got::Value { field, bytes, .. } => Some((field, bytes)),
                Got::End => None,
            })
            .collect()
    }

    fn pairs(line: &str) -> Vec<(String, String)> {
        values(line)
            .into_iter()
            .filter(|(f, _)| !f.is_empty())
            .collect()
    }

    #[test]
    fn url_encoded_values_are_decoded_where_they_are_stored() {
        let line = "GET /signup?email=asha.rao%40example.com&name=Asha+Rao&q=100%&ok=a+b \
                    HTTP/1.1 phone=%2B919876543210 x=a+b";
        let got = chunked(&text(), line.as_bytes(), usize::MAX);
        check_stored(line.as_bytes(), &got);
        assert_eq!(
            pairs(line),
            vec![
                p("email", "asha.rao@example.com"),
                p("name", "Asha Rao"),
                p("q", "100%"),
                p("ok", "a b"),
                p("phone", "+919876543210"),
                // `+` is a space only in a query string.
                p("x", "a+b"),
            ]
        );
        let email = got.iter().find_map(|g| match g {
            Got::Value {
                field,
                offset,
                stored_at: Some(map),
                ..
            } if field == "email" => Some((*offset, map.clone())),
            _ => None,
        });
        let (offset, map) = email.expect("the e-mail is decoded");
        assert_eq!(
            &line[offset as usize..][..map[map.len() - 1] as usize],
            "asha.rao%40example.com"
        );
        // `@` starts at the stored `%40`, the byte after it three bytes on.
        assert_eq!((map[8], map[9]), (8, 11));
    }

    #[test]
    fn key_value_pairs() {
        assert_eq!(
            pairs("login user=asha&pass=s3cret; mail: a@example.com, ok"),
            vec![
                p("user", "asha"),
                p("pass", "s3cret"),
                p("mail", "a@example.com, ok")
            ]
        );
        assert_eq!(
            pairs("GET /login?user=bob&token=xyz HTTP/1.1"),
            vec![p("user", "bob"), p("token", "xyz")]
        );
        assert_eq!(pairs("{name: Asha}"), vec![p("name", "Asha}")]);
        assert_eq!(
            pairs("a.b-c_d=1 x=\"two words\" y='q'"),
            vec![p("a.b-c_d", "1"), p("x", "two words"), p("y", "q")]
        );
        assert_eq!(pairs("k:\"quoted\""), vec![p("k", "quoted")]);
        assert_eq!(
            pairs("url=http://x.com/a?b=c"),
            vec![p("url", "http://x.com/a?b=c")]
        );
    }

    #[test]
    fn vcard_lines_are_one_pair() {
        assert_eq!(
            pairs("TEL;TYPE=CELL:+91 98765 43210"),
            [p("TEL", "+91 98765 43210")]
        );
        assert_eq!(
            pairs("EMAIL;TYPE=\"INTERNET:x\":asha@example.com"),
            [p("EMAIL", "asha@example.com")]
        );
        assert_eq!(pairs("FN:Asha Rao"), [p("FN", "Asha Rao")]);
        assert_eq!(pairs("BDAY:1990-05-12"), [p("BDAY", "1990-05-12")]);
        // Not a vCard line: lower case, another word, no value, a time.
        assert_eq!(pairs("fn:Asha Rao"), []);
        assert_eq!(pairs("FNX:Asha Rao"), []);
        assert_eq!(pairs("TEL:"), []);
        assert_eq!(pairs("NOTE:12:30"), []);
    }

    #[test]
    fn colon_values_run_to_the_next_pair() {
        assert_eq!(
            pairs("  Address: 12 Main St, Pune  "),
            vec![p("Address", "12 Main St, Pune")]
        );
        assert_eq!(pairs("note x: y z"), vec![p("x", "y z")]);
        assert_eq!(
            pairs("Social Security Number: 567 89 0123 email: a@b.in"),
            vec![
                p("Social Security Number", "567 89 0123"),
                p("email", "a@b.in")
            ]
        );
    }

    #[test]
    fn blanks_may_stand_before_a_labels_colon() {
        assert_eq!(
            pairs("Aadhaar No : 2345 6789 0124"),
            vec![p("Aadhaar No", "2345 6789 0124")]
        );
        assert_eq!(
            pairs("Name    : Asha Rao\tSSN\t: 234-56-7890"),
            vec![p("Name", "Asha Rao"), p("SSN", "234-56-7890")]
        );
        assert_eq!(pairs("SSN # : 234567890"), vec![p("SSN #", "234567890")]);
        assert_eq!(
            pairs("Note : see ticket 12345"),
            vec![p("Note", "see ticket 12345")]
        );
        // Inside a `key: value` value, ` : ` is part of it.
        assert_eq!(
            pairs("Address: 12 Main St : Pune"),
            vec![p("Address", "12 Main St : Pune")]
        );
        // Times, a `#` alone, `=` with blanks, a key too far from its `:`.
        for line in [
            "at 12 : 30 today",
            "10 : 30 : 45",
            "# : 5",
            "x = 5",
            &format!("k{}: v", " ".repeat(64)),
        ] {
            assert_eq!(pairs(line), vec![], "{line}");
        }
    }

    #[test]
    fn generic_keys_take_in_up_to_two_words() {
        assert_eq!(
            pairs("Social Security Number: 234-56-7890"),
            vec![p("Social Security Number", "234-56-7890")]
        );
        assert_eq!(
            pairs("login ok my Social Security # : 234567890"),
            vec![p("Social Security #", "234567890")]
        );
        assert_eq!(
            pairs("Aadhaar Card No: 234567890124"),
            vec![p("Aadhaar Card No", "234567890124")]
        );
        assert_eq!(
            pairs("id=7, Permanent Account Number: ABCPE1234F"),
            vec![p("id", "7"), p("Permanent Account Number", "ABCPE1234F")]
        );
        assert_eq!(
            pairs("Order Number: 4111111111111111"),
            vec![p("Order Number", "4111111111111111")]
        );
        // Not past a word that is no key word (`12`, `(x)`) or a `,` glued to the next.
        assert_eq!(pairs("ok 12 Card No: 5"), vec![p("Card No", "5")]);
        assert_eq!(pairs("(x) Card No: 5"), vec![p("Card No", "5")]);
        assert_eq!(pairs("a,Card No: 5"), vec![p("Card No", "5")]);
    }

    #[test]
    fn a_verb_or_preposition_before_a_colon_is_no_key() {
        for line in [
            "my phone number is: 9876543210",
            "born on: 17/04/1990",
            "born on : 17/04/1990",
            "Patients ARE: listed",
            "meet at: noon",
        ] {
            assert_eq!(pairs(line), vec![], "{line}");
        }
        // Before `=` it is a key: `?on=1`.
        assert_eq!(pairs("x?on=1"), vec![p("on", "1")]);
        // Inside a colon value it ends nothing: the value runs on.
        assert_eq!(
            pairs("Name: Asha born on: 17/04/1990"),
            vec![p("Name", "Asha born on: 17/04/1990")]
        );
    }

    #[test]
    fn generic_keys_take_in_the_word_before() {
        assert_eq!(
            pairs("Aadhaar No: 234567890124"),
            vec![p("Aadhaar No", "234567890124")]
        );
        assert_eq!(
            pairs("id=7, Passport No.: J6932157"),
            vec![p("id", "7"), p("Passport No.", "J6932157")]
        );
        assert_eq!(pairs("SSN #: 234567890"), vec![p("SSN #", "234567890")]);
        assert_eq!(pairs("acct#=12"), vec![p("acct#", "12")]);
        assert_eq!(pairs("card  number=4111"), vec![p("card  number", "4111")]);
        assert_eq!(
            pairs("Name: Asha Rao Mobile No: 9876543210"),
            vec![p("Name", "Asha Rao"), p("Mobile No", "9876543210")]
        );
        // A previous value's only word stays its value.
        assert_eq!(
            pairs("Name: Asha No: 5 x=1 No: 6"),
            vec![p("Name", "Asha"), p("No", "5"), p("x", "1"), p("No", "6")]
        );
        // Alone, at the line start or after a separator, or after a non-word: as before.
        assert_eq!(pairs("No: 5"), vec![p("No", "5")]);
        assert_eq!(pairs("a=1;no=2"), vec![p("a", "1"), p("no", "2")]);
        assert_eq!(pairs("(x) No: 5"), vec![p("No", "5")]);
        assert_eq!(pairs("12 No: 5"), vec![p("No", "5")]);
        assert_eq!(pairs("Notes: 5"), vec![p("Notes", "5")]);
        // `#` alone names nothing.
        assert!(pairs("#: 5").is_empty());
        assert!(pairs("x = #: 5").is_empty());
    }

    #[test]
    fn hash_parameters_are_no_pairs() {
        let argon = "$argon2id$v=19$m=65536,t=3,p=4$Ums5UFltRnlVMkZzZERrNQ$1P9YQMIvb6yK9neeYnMKOHSYFxfz73ixyNUoYl00P6M";
        for line in [
            format!("alice@example.com:{argon}"),
            format!("auth_user 17 argon2{argon}"),
            "$scrypt$ln=16,r=8,p=1$aM15713r3Xsvxbi31lqr1Q$nFNh2CVHVjNldFVKDHDlm4CbdRSCdEBsjjJxD"
                .into(),
        ] {
            assert!(pairs(&line).is_empty(), "{line}");
        }
        assert_eq!(
            pairs(&format!("hash={argon} algo=argon2id")),
            vec![p("hash", argon), p("algo", "argon2id")]
        );
        // A `$` in another word, or after a blank: pairs as before.
        assert_eq!(pairs("cost $5, a=1;b=2"), vec![p("a", "1"), p("b", "2")]);
    }

    #[test]
    fn not_pairs() {
        for line in [
            "see http://example.com/x",
            "at 12:30:45 done",
            "addr fe80::1 and 2001:db8::1",
            "if a==b then",
            "key:value",
            "empty= here",
            "9key=1",
            "\"k\"=v",
            &format!("{}=v", "k".repeat(65)),
        ] {
            assert_eq!(pairs(line), vec![], "{line}");
        }
        assert_eq!(pairs(&format!("{}=v", "k".repeat(64))).len(), 1);
    }

    #[test]
    fn every_byte_once_with_offsets() {
        let data = b"call me at 98765 43210 phone=+91 98765 43210 x";
        let got = chunked(&text(), data, usize::MAX);
        assert_eq!(
            got,
            vec![
                Got::value("", "call me at 98765 43210 phone=", 0),
                Got::value("phone", "+91", 29),
                Got::value("", " 98765 43210 x", 32),
                Got::End,
            ]
        );
        // An unclosed quote is part of an unquoted value.
        assert_eq!(pairs("k=\"open v"), vec![p("k", "\"open")]);
        // A closing quote escaped with a backslash does not close.
        assert_eq!(pairs(r#"k="a\"b" z"#), vec![p("k", r#"a\"b"#)]);
    }

    #[test]
    fn lines_and_blank_lines() {
        // Every line is a record (record numbers are line numbers), blank ones too.
        let data = b"one\r\n\n  \r\n-- \ntwo";
        let got = chunked(&text(), data, usize::MAX);
        assert_eq!(
            got,
            vec![
                Got::value("", "one", 0),
                Got::End,
                Got::End,
                Got::End,
                Got::End,
                Got::value("", "two", 14),
                Got::End
            ]
        );
    }

    #[test]
    fn line_edges() {
        let data = b"aa\nbb\ncc\ndd";
        assert_eq!(line_chunk_edges(data, 1, false), vec![0, 3, 6, 9]);
        assert_eq!(line_chunk_edges(data, 4, true), vec![0, 6, 11]);
        assert_eq!(line_chunk_edges(data, 100, false), vec![0, 9]);
        assert_eq!(line_chunk_edges(b"abc", 1, false), vec![0]);
        assert_eq!(line_chunk_edges(b"", 1, true), vec![0]);
        assert_eq!(line_chunk_edges(b"\n", 5, true), vec![0, 1]);
    }

    proptest::proptest! {
        #[test]
        fn swar_find2_matches_naive(
            data in proptest::collection::vec(0u8..8, 0..100),
            from in 0usize..100,
            end in 0usize..100,
            a in 1u8..8,
            b in 1u8..8,
        ) {
            let end = end.min(data.len());
            let from = from.min(end);
            let naive = data[from..end].iter().position(|&x| x == a || x == b).map(|k| from + k);
            proptest::prop_assert_eq!(swar::find2(&data, from, end, a, b), naive);
        }

        #[test]
        fn swar_mask_matches_naive(
            data in proptest::collection::vec(0u8..8, 0..40),
            at in 0usize..40,
            end in 0usize..40,
            needles in proptest::prelude::any::<[u8; 3]>(),
        ) {
            let needles = needles.map(|n| n % 8);
            let end = end.min(data.len());
            proptest::prop_assume!(at < end);
            let mask = swar::mask(&data, at, end, needles);
            for i in 0..swar::BLOCK {
                let hit = at + i < end && needles.contains(&data[at + i]);
                proptest::prop_assert_eq!(mask >> i & 1 == 1, hit);
            }
        }

        #[test]
        fn swar_words_match_the_block_mask(
            block in proptest::prelude::any::<[u8; 16]>(),
            needles in proptest::prelude::any::<[u8; 2]>(),
        ) {
            let mut naive = 0;
            for (i, b) in block.iter().enumerate() {
                naive |= u32::from(needles.contains(b)) << i;
            }
            proptest::prop_assert_eq!(swar::words::block_mask(&block, needles), naive);
        }

        #[test]
        fn random_lines_cut_anywhere(
            data in structural_bytes(),
            target in 1usize..40,
            window in 1usize..40,
        ) {
            let reference = chunked(&text(), &data, usize::MAX);
            check_stored(&data, &reference);
            proptest::prop_assert_eq!(&chunked(&text(), &data, target), &reference);
            proptest::prop_assert_eq!(&streamed(&text(), &data, window, target), &reference);
        }
    }

    #[test]
    fn any_target_gives_the_same_events() {
        let data = b"x=1 y: 2\r\nfree text\n\nname: A B\nz\n";
        let reference = chunked(&text(), data, usize::MAX);
        for target in [1, 2, 7, 64, 1 << 20] {
            assert_eq!(chunked(&text(), data, target), reference);
        }
        for window in [1, 4, 100] {
            assert_eq!(streamed(&text(), data, window, 3), reference);
        }
    }
}
