//! Detection: one pass over a value finds candidates for every type, then each candidate is
//! confirmed by its type's rules (shape, validator, field-name and keyword context).
//!
//! The pass looks only at *anchor* bytes — digits, `@` and `$` — and skips everything else
//! sixteen or eight bytes at a time ([`next_anchor`]). Around an anchor it reads the smallest
//! token that could be a value (a run of digit groups, an alphanumeric word, an e-mail, a
//! crypt string) and hands it to the family that knows that shape ([`numeric`], [`token`]).
//! Families settle which type a token is (spans never overlap, one value is one type) and
//! push a [`Hit`].
//!
//! Strong shapes (a `+91` phone, a spaced Aadhaar, a PAN) are reported anywhere; weak shapes
//! (bare digit runs, bare hex) only where the field name or a keyword before them supports
//! the type, and never in fields whose name says they hold ids, amounts or timestamps.

pub mod context;
pub(crate) mod contextual;
pub mod geo;
pub mod memo;
pub mod normalize;
mod numeric;
pub mod pattern;
pub mod region;
mod token;
pub mod validate;

use crate::format::FieldHint;
use crate::swar::{ascii_in_range, eq_byte, tail_word, HI, LO};
use crate::types::{Basis, PiiType, Region};
use context::Context;
use pattern::{Pattern, PatternError, PatternSet};

/// A value found in a scanned value: its byte span within that value, type and basis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Start of the value, inclusive.
    pub start: usize,
    /// End of the value, exclusive.
    pub end: usize,
    /// Its type.
    pub ty: PiiType,
    /// Why it was reported.
    pub basis: Basis,
}

/// The compiled detectors, shared read-only by every worker.
#[derive(Clone, Debug)]
pub struct Detector {
    context: Context,
    /// Types enabled (`--types`), one bit per type index.
    enabled: u32,
    region: Region,
    /// `region` is a default, neither given (`--region`) nor read from the input: a phone
    /// field's number valid in another country's plan still reads as a phone.
    region_assumed: bool,
    /// Added (`--patterns`) detectors that confirm with their regexes.
    extra: Vec<Pattern>,
    /// Today in days since 1970-01-01, read once: the age rule of dates of birth.
    today: i64,
}

/// The first anchor byte (a digit, `$` or `@`) at or after `from`.
///
/// Sixteen bytes at a time (SSE2, on x86_64), then eight: most bytes of a dump are letters,
/// spaces and punctuation, and a block test that no byte is a digit, `$` or `@` lets the
/// pass skip them at several GB/s (measured in `benches/detectors.rs`, group `none`).
#[inline(always)]
fn next_anchor(v: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    #[cfg(target_arch = "x86_64")]
    while i + 16 <= v.len() {
        let hit = anchors16(v[i..i + 16].try_into().expect("16 bytes"));
        if hit != 0 {
            return Some(i + hit.trailing_zeros() as usize);
        }
        i += 16;
    }
    // Bytes equal to `$` or `@`: the classic has-zero test on w ^ byte; its only false
    // positives sit above a true match, so the lowest set bit is exact.
    let anchors = |w: u64| {
        let zero = |x: u64| x.wrapping_sub(LO) & !x & HI;
        ascii_in_range(w, b'0', b'9')
            | zero(w ^ (LO * u64::from(b'$')))
            | zero(w ^ (LO * u64::from(b'@')))
    };
    while i + 8 <= v.len() {
        let hit = anchors(u64::from_le_bytes(v[i..i + 8].try_into().expect("8 bytes")));
        if hit != 0 {
            return Some(i + (hit.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    if i >= v.len() {
        return None;
    }
    // The fewer than eight bytes left in one word, zeros above them (a zero is no anchor,
    // and its has-zero false positives sit above a true match).
    let rest = v.len() - i;
    let hit = anchors(tail_word(v, i, v.len())) & (HI >> (64 - 8 * rest));
    (hit != 0).then(|| i + (hit.trailing_zeros() / 8) as usize)
}

/// A bit for each anchor byte of `block` (bit `k` for `block[k]`).
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn anchors16(block: &[u8; 16]) -> u32 {
    use std::arch::x86_64::{
        _mm_cmpeq_epi8, _mm_loadu_si128, _mm_min_epu8, _mm_movemask_epi8, _mm_or_si128,
        _mm_set1_epi8, _mm_sub_epi8,
    };
    // SAFETY: the load reads the 16 bytes of `block` (unaligned loads are allowed), and
    // the SSE2 instructions used are part of every x86_64 target.
    unsafe {
        let bytes = _mm_loadu_si128(block.as_ptr().cast());
        // A digit is a byte whose distance above `0`, unsigned, is at most 9.
        let above = _mm_sub_epi8(bytes, _mm_set1_epi8(b'0' as i8));
        let digit = _mm_cmpeq_epi8(_mm_min_epu8(above, _mm_set1_epi8(9)), above);
        let dollar = _mm_cmpeq_epi8(bytes, _mm_set1_epi8(b'$' as i8));
        let at = _mm_cmpeq_epi8(bytes, _mm_set1_epi8(b'@' as i8));
        _mm_movemask_epi8(_mm_or_si128(digit, _mm_or_si128(dollar, at))) as u32
    }
}

/// The end of the bytes of one class that run from `from`, at most `limit`, eight bytes at a
/// time: `in_class` marks bit 7 of each byte of a little-endian word that is in the class
/// (and no other bit), and never marks the byte 0.
#[inline(always)]
fn class_run_end(v: &[u8], from: usize, limit: usize, in_class: impl Fn(u64) -> u64) -> usize {
    let mut i = from;
    while i + 8 <= limit {
        let w = u64::from_le_bytes(v[i..i + 8].try_into().expect("8 bytes"));
        let stop = !in_class(w) & HI;
        if stop != 0 {
            return i + (stop.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    if i >= limit {
        return i;
    }
    // The fewer than eight bytes left, zeros above them: a zero stops the run, so the
    // first byte out of the class is found in one test, not one byte at a time.
    let stop = !in_class(tail_word(v, i, limit)) & HI;
    i + (stop.trailing_zeros() / 8) as usize
}

/// The end of the word ([`token::is_word_byte`]: ASCII letters and digits, `_`) that runs
/// from `from`, at most `limit`: the pass reads the whole word after every digit anchor, and
/// most of those words are numbers and ids several bytes long.
fn word_end(v: &[u8], from: usize, limit: usize) -> usize {
    class_run_end(v, from, limit, word_bytes)
}

/// Bit 7 of each byte of `w` that is a word byte ([`token::is_word_byte`]).
#[inline(always)]
fn word_bytes(w: u64) -> u64 {
    const CASE: u64 = 0x2020_2020_2020_2020;
    // With bit 5 set, A..Z read as a..z, and no other byte lands in a..z (`@[\\]^_`
    // become `` `{|}~ `` and DEL).
    ascii_in_range(w, b'0', b'9') | ascii_in_range(w | CASE, b'a', b'z') | eq_byte(w, b'_')
}

/// The start of the word ([`token::is_word_byte`]) that ends at `p`, not before `floor`:
/// the byte before `p` alone first (most digit words start at their digit), then eight
/// bytes at a time, as words glued before digits (`balveer1964`, `order_ABCPE1234F`) are
/// several bytes long.
#[inline(always)]
fn word_start(v: &[u8], floor: usize, p: usize) -> usize {
    if p <= floor || !token::is_word_byte(v[p - 1]) {
        return p;
    }
    let mut start = p - 1;
    while start >= floor + 8 {
        let w = u64::from_le_bytes(v[start - 8..start].try_into().expect("8 bytes"));
        let stop = !word_bytes(w) & HI;
        if stop != 0 {
            // The highest byte out of the word ends the walk; the bytes above it are in.
            return start - (stop.leading_zeros() / 8) as usize;
        }
        start -= 8;
    }
    while start > floor && token::is_word_byte(v[start - 1]) {
        start -= 1;
    }
    start
}

/// The end of the ASCII digits that run from `from`, at most `limit`: ids, epochs and card
/// numbers are long digit runs. Inlined: the walk is a few instructions, its callers read
/// one group after another.
#[inline(always)]
fn digits_end(v: &[u8], from: usize, limit: usize) -> usize {
    class_run_end(v, from, limit, |w: u64| ascii_in_range(w, b'0', b'9'))
}

/// The end of the ASCII digits and mask letters (`X`, `x`) that run from `from`, at most
/// `limit`: a digit word is a number (`98765`, `XXXX1234`) when this run ends it.
fn numeric_end(v: &[u8], from: usize, limit: usize) -> usize {
    const CASE: u64 = 0x2020_2020_2020_2020;
    // With bit 5 set, only `X` and `x` read as `x`.
    let in_numeric = |w: u64| ascii_in_range(w, b'0', b'9') | eq_byte(w | CASE, b'x');
    class_run_end(v, from, limit, in_numeric)
}

/// `value` without leading and trailing ASCII white space, as a range.
pub(crate) fn trimmed(value: &[u8]) -> (usize, usize) {
    let start = value
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(value.len());
    let end = value
        .iter()
        .rposition(|b| !b.is_ascii_whitespace())
        .map_or(start, |e| e + 1);
    (start, end)
}

/// Shortest value passed over as a blob.
pub const BLOB_MIN: usize = 256;

/// Whether `value` is an encoded blob that cannot hold personal data as text: at least
/// [`BLOB_MIN`] bytes, all of the base64 or base64url alphabet (hex is a part of it), with
/// letters and digits (so a long number or a long word is no blob), optionally after a
/// `data:...;base64,` head. An e-mail, a phone written with spaces or a name between
/// spaces cannot stand inside one, and a number or an id glued inside one is no finding (the
/// detectors read whole words), so passing it over loses nothing; the scan counts its bytes
/// as skipped.
///
/// ```
/// use leakscan::detect::is_blob;
/// assert!(is_blob(&b"iVBORw0KGgoAAAANSUhEUgAA".repeat(20)));
/// assert!(!is_blob(&b"9876543210".repeat(40)));
/// assert!(!is_blob(&b"call me on 9876543210 ".repeat(20)));
/// ```
#[inline]
pub fn is_blob(value: &[u8]) -> bool {
    // Inlined: most values are shorter, and are refused without a call.
    value.len() >= BLOB_MIN && is_long_blob(value)
}

/// [`is_blob`] for a value of at least [`BLOB_MIN`] bytes.
fn is_long_blob(value: &[u8]) -> bool {
    let body = match value.strip_prefix(b"data:") {
        Some(rest) => match memchr::memmem::find(rest, b";base64,") {
            Some(at) => &rest[at + 8..],
            None => return false,
        },
        None => value,
    };
    // Text stops at its first space or punctuation, so most values are refused within a word.
    let (mut digit, mut letter) = (false, false);
    for &b in body {
        if b.is_ascii_digit() {
            digit = true;
        } else if b.is_ascii_alphabetic() {
            letter = true;
        } else if !matches!(b, b'+' | b'/' | b'=' | b'-' | b'_') {
            return false;
        }
    }
    body.len() >= BLOB_MIN && digit && letter
}

/// Whether `v` has four ASCII digits in a row with a letter (an ASCII letter or any byte
/// outside ASCII) somewhere before them; with `lettered` false, a letter is not needed.
///
/// Every candidate a gated type ([`context::GATED`]) reports on a keyword holds four digits
/// in a row at or after its start (a date's year, a passport number's digits, a position's
/// decimals), and the keyword stands before that start: a value that fails this test has
/// no keyword-supported candidate, and its keyword search is spared. Keywords with letters
/// (`lettered`, [`context::Context::gated_keywords_lettered`]) put a letter before the
/// digits.
///
/// Eight bytes at a time ([`ascii_in_range`]): a four-digit run is found by its last
/// digit, the three bytes before it carried over from the word before.
fn letter_then_four_digits(v: &[u8], lettered: bool) -> bool {
    const CASE: u64 = 0x2020_2020_2020_2020;
    if v.len() < 4 + usize::from(lettered) {
        return false;
    }
    // A letter in the bytes before the current word (or none needed).
    let mut letter_before = !lettered;
    let mut prev = 0u64;
    let mut words = v.chunks_exact(8);
    let mut step = |w: u64| {
        let d = ascii_in_range(w, b'0', b'9');
        // As in `word_end`, bit 5 set maps A..Z onto a..z and nothing else.
        let letter = ascii_in_range(w | CASE, b'a', b'z') | (w & HI);
        // Bit 7 of byte k: bytes k-3..=k are digits (bytes before the word from `prev`).
        let ends = d & (d << 8 | prev >> 56) & (d << 16 | prev >> 48) & (d << 24 | prev >> 40);
        prev = d;
        if ends != 0 {
            // The last run in the word: a letter before its first digit will do. When
            // that digit is in an earlier word, the bytes between are digits.
            let last = 63 - ends.leading_zeros();
            let before = match last.checked_sub(31) {
                Some(bits) => letter & ((1u64 << bits) - 1),
                None => 0,
            };
            if letter_before || before != 0 {
                return true;
            }
        }
        letter_before |= letter != 0;
        false
    };
    if words
        .by_ref()
        .any(|w| step(u64::from_le_bytes(w.try_into().expect("8 bytes"))))
    {
        return true;
    }
    let rest = words.remainder();
    // The rest as the low bytes of a word, zeros above (neither digits nor letters): the
    // last eight bytes shifted down, or, in a value shorter than that, a copy.
    let tail = match v.len().checked_sub(8) {
        Some(last) if !rest.is_empty() => {
            let w = u64::from_le_bytes(v[last..].try_into().expect("8 bytes"));
            w >> (8 * (8 - rest.len()))
        }
        _ => {
            let mut bytes = [0u8; 8];
            bytes[..rest.len()].copy_from_slice(rest);
            u64::from_le_bytes(bytes)
        }
    };
    !rest.is_empty() && step(tail)
}

/// The word around a digit anchor, as the pass reads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct DigitWord {
    /// Start of the word: word bytes ([`token::is_word_byte`]) before the digit, not
    /// before the pass's floor.
    start: usize,
    /// End of the word.
    end: usize,
    /// End of the digits from the anchor on: the first group of a numeric run.
    digits_end: usize,
    /// Whether the word is a number: mask letters (`X`, `x`) up to the digit, digits and
    /// mask letters from it on (`98765`, `XXXX1234`).
    numeric: bool,
    /// The `@` that ends the local part the word begins (`raj99@example.com`,
    /// `9876543210@ybl`): the `@` reads it, so a UPI handle is never also a phone.
    at: Option<usize>,
}

/// The word around the digit at `p` of `v` (the first anchor of its word), at or after
/// `floor` and before `limit`. `next_at` caches the first `@` at or after the end of an
/// earlier word that needed it (`limit`: none; 0 at the start of a pass, which no word end
/// is): the e-mail test looks for the `@` once a value, not once a word.
#[inline(always)]
fn digit_word(v: &[u8], floor: usize, p: usize, limit: usize, next_at: &mut usize) -> DigitWord {
    // Words are alphanumeric runs; `_` glues too, so `order_ABCPE1234F` is one word.
    let start = word_start(v, floor, p);
    // One walk finds the word's end and whether it is a number (most digit words are): the
    // digits first, then mask letters and digits when a mask letter follows them, then
    // the rest of the word when another letter follows those.
    let digits_end = digits_end(v, p + 1, limit);
    let numeric_end = if digits_end < limit && matches!(v[digits_end], b'X' | b'x') {
        numeric_end(v, digits_end + 1, limit)
    } else {
        digits_end
    };
    let numeric_tail = numeric_end == limit || !token::is_word_byte(v[numeric_end]);
    let end = if numeric_tail {
        numeric_end
    } else {
        word_end(v, numeric_end + 1, limit)
    };
    let mut at = None;
    if end < limit && token::is_local_byte(v[end]) | (v[end] == b'@') {
        if *next_at < end {
            *next_at = memchr::memchr(b'@', &v[end..limit]).map_or(limit, |i| end + i);
        }
        // `@` is no local byte: the local part ends at the first `@` after the word.
        if *next_at < limit && v[end..*next_at].iter().all(|&b| token::is_local_byte(b)) {
            at = Some(*next_at);
        }
    }
    DigitWord {
        start,
        end,
        digits_end,
        numeric: numeric_tail && v[start..p].iter().all(|&b| b == b'X' || b == b'x'),
        at,
    }
}

impl Detector {
    /// The built-in detectors, every type enabled, region `IN`.
    pub fn builtin() -> Result<Detector, PatternError> {
        Ok(Detector::new(&PatternSet::builtin()?, None, Region::IN))
    }

    /// Detectors from `set`, limited to `types` when given, reading national numbers under
    /// `region`.
    pub fn new(set: &PatternSet, types: Option<&[PiiType]>, region: Region) -> Detector {
        let enabled = match types {
            None => u32::MAX,
            Some(types) => types.iter().fold(0, |acc, t| acc | 1 << t.index()),
        };
        Detector {
            context: Context::new(set),
            enabled,
            region,
            region_assumed: false,
            extra: set
                .patterns
                .iter()
                .filter(|p| !p.builtin && !p.regexes.is_empty())
                .cloned()
                .collect(),
            today: contextual::dob::today(),
        }
    }

    /// The region national numbers are read under.
    pub fn region(&self) -> Region {
        self.region
    }

    /// Whether the region is a default, neither given nor read from the input.
    pub fn region_assumed(&self) -> bool {
        self.region_assumed
    }

    /// The same detectors, reading national numbers under `region`, which is a default
    /// when `assumed`.
    pub fn with_region(&self, region: Region, assumed: bool) -> Detector {
        Detector {
            region,
            region_assumed: assumed,
            ..self.clone()
        }
    }

    /// Whether `ty` is enabled.
    pub fn enabled(&self, ty: PiiType) -> bool {
        self.enabled & (1 << ty.index()) != 0
    }

    /// What a field named `name` says about its values (worked out once per field).
    pub fn field_hint(&self, name: &[u8]) -> FieldHint {
        self.context.field_hint(name)
    }

    /// The coordinate a field named `name` holds alone, to pair with the other axis in its
    /// record ([`geo::Pairing`]); `None` when `geo_location` is off.
    pub fn axis(&self, name: &[u8]) -> Option<geo::Axis> {
        if !self.enabled(PiiType::GeoLocation) {
            return None;
        }
        self.context.axis(name)
    }

    /// Finds every value in `value`, a field's value (with that field's `hint`) or a piece
    /// of free text (with the default hint), appending hits in order of position.
    ///
    /// Inlined: called once a value, it costs no call of its own.
    #[inline]
    pub fn detect(&self, value: &[u8], hint: FieldHint, out: &mut Vec<Hit>) {
        self.detect_with(value, hint, out, false);
    }

    /// [`Detector::detect`], plus *tentative* hits for the scan's whole-column judgement
    /// ([`crate::aggregate::column`]): a value that is wholly a bare shape of a judged type
    /// (a Luhn-valid card number, a Verhoeff-valid Aadhaar) in a field whose name supports
    /// nothing and denies nothing, with no keyword, is a hit with basis
    /// [`Basis::COLUMN`]; the field's verdict decides whether it counts.
    ///
    /// Inlined, as [`Detector::detect`].
    #[inline]
    pub fn detect_judged(&self, value: &[u8], hint: FieldHint, out: &mut Vec<Hit>) {
        self.detect_with(value, hint, out, true);
    }

    fn detect_with(&self, value: &[u8], hint: FieldHint, out: &mut Vec<Hit>, tentative: bool) {
        let first = out.len();
        let judged = tentative && hint.supports == 0 && !hint.denies_weak;
        let mut scan = Scan::new(self, value, hint, out, judged);
        let anchored = scan.run();
        // Dates of birth, passports and positions need a keyword outside a field that
        // supports them: one look for their keywords over the value spares their walks.
        // All three hold four digits in a row (a value with no anchor has none), and the
        // keyword stands before them.
        let lettered = self.context.gated_keywords_lettered();
        let keyed = if hint.denies_weak || !anchored || !letter_then_four_digits(value, lettered) {
            0
        } else {
            self.context.gated_keywords(value)
        };
        contextual::detect(self, value, hint, keyed, out, first);
        geo::detect(self, value, hint, keyed, out, first);
        if out.len() - first > 1 {
            out[first..].sort_unstable_by_key(|h| h.start);
        }
    }

    /// Finds every value in one line of free text (a convenience for tests and examples).
    pub fn detect_text(&self, line: &[u8]) -> Vec<Hit> {
        let mut out = Vec::new();
        self.detect(line, FieldHint::default(), &mut out);
        out
    }
}

/// The state of one pass over one value.
struct Scan<'a, 'o> {
    det: &'a Detector,
    v: &'a [u8],
    hint: FieldHint,
    out: &'o mut Vec<Hit>,
    /// No new hit may start before this (the end of the last hit).
    floor: usize,
    /// Keyword support before the current candidate, computed at most once per candidate.
    keywords: Option<(usize, u32)>,
    /// Whether tentative hits were asked for, in a field that supports and denies nothing.
    judged: bool,
    /// Whether the value is wholly a judged type's shape, once [`Scan::tentative`] asked:
    /// few values come to a bare shape that needs it.
    whole_shape: Option<bool>,
}

impl<'a, 'o> Scan<'a, 'o> {
    /// A pass over `v` from its start, with no hit yet and no keyword looked for; `judged`:
    /// tentative hits are asked for, in a field that supports and denies nothing.
    #[inline]
    fn new(
        det: &'a Detector,
        v: &'a [u8],
        hint: FieldHint,
        out: &'o mut Vec<Hit>,
        judged: bool,
    ) -> Self {
        Scan {
            det,
            v,
            hint,
            out,
            floor: 0,
            keywords: None,
            judged,
            whole_shape: None,
        }
    }

    /// Whether unsupported bare shapes of judged types are tentative hits: they were asked
    /// for, in a field that supports and denies nothing, and the value is wholly such a
    /// shape (looked at on the first question only).
    fn tentative(&mut self) -> bool {
        let v = self.v;
        self.judged
            && *self
                .whole_shape
                .get_or_insert_with(|| crate::aggregate::column::shape_bits(v) != 0)
    }

    /// The pass over the value; returns whether it has an anchor byte at all.
    fn run(&mut self) -> bool {
        let v = self.v;
        let Some(mut p) = next_anchor(v, 0) else {
            return false;
        };
        // The first `@` at or after the end of the last digit word that needed it (none
        // looked for yet: 0, which no word end is).
        let mut next_at = 0;
        loop {
            let end = match v[p] {
                b'$' => token::dollar(self, p, v.len()),
                b'@' => token::at_sign(self, p),
                _ => self.on_digit(p, v.len(), &mut next_at),
            };
            match next_anchor(v, end.max(p + 1)) {
                Some(next) => p = next,
                None => return true,
            }
        }
    }

    /// A digit at `p` (the first anchor of its word): an IPv6 address, an alphanumeric
    /// word (PAN, NRIC, bare hex), or a run of digit groups. `next_at` as in [`digit_word`].
    fn on_digit(&mut self, p: usize, limit: usize, next_at: &mut usize) -> usize {
        let word = digit_word(self.v, self.floor, p, limit, next_at);
        if let Some(at) = word.at {
            return at;
        }
        let (ws, we) = (word.start, word.end);
        if let Some(end) = token::ipv6(self, ws, we, limit) {
            return end;
        }
        if word.numeric {
            numeric::scan(self, p, word.digits_end, limit)
        } else {
            token::alnum_word(self, ws, we)
        }
    }

    /// Records a hit unless its type is disabled or it would overlap the previous one.
    fn push(&mut self, start: usize, end: usize, ty: PiiType, basis: Basis) -> bool {
        if start < self.floor || end <= start || !self.det.enabled(ty) {
            return false;
        }
        self.floor = end;
        self.out.push(Hit {
            start,
            end,
            ty,
            basis,
        });
        true
    }

    /// Types supported by a keyword shortly before `at`.
    fn keywords_before(&mut self, at: usize) -> u32 {
        match self.keywords {
            Some((pos, bits)) if pos == at => bits,
            _ => {
                let bits = self.det.context.keywords_before(self.v, at);
                self.keywords = Some((at, bits));
                bits
            }
        }
    }

    /// The support a weak candidate of `ty` starting at `at` has: the field, a keyword, or
    /// none (`None`: do not report).
    fn weak_support(&mut self, ty: PiiType, at: usize) -> Option<Basis> {
        if self.hint.supports(ty) {
            return Some(Basis::FIELD);
        }
        if self.hint.denies_weak {
            return None;
        }
        if context::has(self.keywords_before(at), ty) {
            return Some(Basis::KEYWORD);
        }
        // Only a value that is wholly the shape: the column judges whole values.
        let whole = self
            .v
            .iter()
            .take_while(|b| b.is_ascii_whitespace())
            .count()
            == at;
        let judged_type = crate::aggregate::column::bit(ty).is_some();
        (judged_type && whole && self.tentative()).then_some(Basis::COLUMN)
    }

    /// Offers the token `start..end`, where no built-in detector found anything, to the
    /// added detectors.
    fn try_extra(&mut self, start: usize, end: usize) {
        for i in 0..self.det.extra.len() {
            let p = &self.det.extra[i];
            let token = &self.v[start..end];
            let Some(m) = p.regexes.iter().find_map(|r| r.find(token)) else {
                continue;
            };
            let (s, e) = (start + m.start(), start + m.end());
            let mut basis = Basis::SHAPE;
            if let Some(valid) = p.validator {
                let clean: Vec<u8> = self.v[s..e]
                    .iter()
                    .copied()
                    .filter(u8::is_ascii_alphanumeric)
                    .collect();
                if !valid(&clean) {
                    continue;
                }
                basis |= Basis::CHECKSUM;
            }
            let ty = p.ty;
            if self.hint.supports(ty) {
                basis |= Basis::FIELD;
            } else if context::has(self.keywords_before(s), ty) {
                basis |= Basis::KEYWORD;
            }
            if self.push(s, e, ty, basis) {
                return;
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Up to 40 bytes, mostly word bytes (digits, letters, `_`) and a non-word byte.
    fn word_bytes() -> impl Strategy<Value = Vec<u8>> {
        proptest::collection::vec(
            prop_oneof![
                Just(b'7'),
                Just(b'q'),
                Just(b'Q'),
                Just(b'_'),
                Just(b'^'),
                any::<u8>()
            ],
            0..40,
        )
    }

    proptest! {
        /// The word-at-a-time skip agrees with a byte-at-a-time oracle.
        #[test]
        fn next_anchor_matches_naive(v in proptest::collection::vec(any::<u8>(), 0..64), from in 0usize..64) {
            let from = from.min(v.len());
            let naive = (from..v.len()).find(|&j| v[j].is_ascii_digit() || v[j] == b'$' || v[j] == b'@');
            prop_assert_eq!(next_anchor(&v, from), naive);
        }

        /// The word-at-a-time word end agrees with a byte-at-a-time oracle.
        #[test]
        fn word_end_matches_naive(
            v in word_bytes(),
            from in 0usize..40,
            limit in 0usize..40,
        ) {
            let limit = limit.min(v.len());
            let from = from.min(limit);
            let naive = (from..limit).find(|&j| !token::is_word_byte(v[j])).unwrap_or(limit);
            prop_assert_eq!(word_end(&v, from, limit), naive);
        }

        /// The word-at-a-time word start agrees with a byte-at-a-time walk back.
        #[test]
        fn word_start_matches_naive(
            v in word_bytes(),
            floor in 0usize..40,
            p in 0usize..40,
        ) {
            let p = p.min(v.len());
            let floor = floor.min(p);
            let naive = (floor..p).rev().find(|&j| !token::is_word_byte(v[j])).map_or(floor, |j| j + 1);
            prop_assert_eq!(word_start(&v, floor, p), naive);
        }

        /// The word around a digit anchor agrees with the walks it replaced (back over the
        /// word, on to its end, along the local part to an `@`, over the word again for
        /// its digits), also when the cached `@` of an earlier word is reused.
        #[test]
        fn digit_word_matches_walks(
            v in proptest::collection::vec(
                prop_oneof![
                    Just(b'7'), Just(b'x'), Just(b'X'), Just(b'q'), Just(b'_'), Just(b'@'),
                    Just(b'.'), Just(b'-'), Just(b' '), any::<u8>(),
                ],
                1..40,
            ),
            floor in 0usize..40,
        ) {
            let limit = v.len();
            let mut next_at = 0;
            let mut from = 0;
            // Digits in order, each after the end of the last word, as the pass meets them.
            while let Some(p) = (from..limit).find(|&j| v[j].is_ascii_digit()) {
                let floor = floor.min(p);
                let mut start = p;
                while start > floor && token::is_word_byte(v[start - 1]) {
                    start -= 1;
                }
                let end = (p + 1..limit).find(|&j| !token::is_word_byte(v[j])).unwrap_or(limit);
                let mut at = None;
                if end < limit && (token::is_local_byte(v[end]) || v[end] == b'@') {
                    let stop = (end..limit).find(|&j| !token::is_local_byte(v[j])).unwrap_or(limit);
                    if stop < limit && v[stop] == b'@' {
                        at = Some(stop);
                    }
                }
                let numeric = v[start..p].iter().all(|&b| b == b'X' || b == b'x')
                    && v[p..end].iter().all(|&b| b.is_ascii_digit() || b == b'X' || b == b'x');
                let digits_end = (p..limit).find(|&j| !v[j].is_ascii_digit()).unwrap_or(limit);
                let want = DigitWord { start, end, digits_end, numeric, at };
                prop_assert_eq!(digit_word(&v, floor, p, limit, &mut next_at), want);
                from = at.unwrap_or(end).max(p + 1);
            }
        }

        /// The word-at-a-time digit walk agrees with a byte-at-a-time one.
        #[test]
        fn digits_end_matches_naive(
            v in prop::collection::vec(prop_oneof![3 => b'0'..=b'9', 1 => any::<u8>()], 0..40),
            from in 0usize..40,
            cut in 0usize..40,
        ) {
            let limit = cut.min(v.len());
            let from = from.min(limit);
            let naive = (from..limit).find(|&i| !v[i].is_ascii_digit()).unwrap_or(limit);
            prop_assert_eq!(digits_end(&v, from, limit), naive);
        }

        /// The word-at-a-time test agrees with a byte-at-a-time oracle.
        #[test]
        fn letter_then_four_digits_matches_naive(
            v in proptest::collection::vec(
                prop_oneof![4 => b'0'..=b'9', 1 => Just(b'q'), 1 => Just(b'Q'), 1 => Just(b' '), 1 => any::<u8>()],
                0..40,
            ),
            lettered in any::<bool>(),
        ) {
            let letter = |b: &u8| b.is_ascii_alphabetic() || *b >= 0x80;
            let naive = (0..v.len().saturating_sub(3)).any(|j| {
                v[j..j + 4].iter().all(u8::is_ascii_digit) && (!lettered || v[..j].iter().any(letter))
            });
            prop_assert_eq!(letter_then_four_digits(&v, lettered), naive);
        }

        /// Values the keyword search is spared find what they would with it.
        #[test]
        fn gated_types_need_no_search_where_spared(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "dob ", "DOB: ", "born on ", "passport no ", "pp no ", "gps ", "lat ",
                    "1990-04-17", "17/04/1990", "17 April 1990", "April 17, 1990", "17th Apr 1990",
                    "K1234567", "123456789", "12AB34567", "S1234567D", "12.971599, 77.594566",
                    "-33.8688 151.2093", "199", "0417", "12", "1990", ".", "-", "/", " ", ",",
                    "x", "Q", "é", "जन्म तिथि ", "पासपोर्ट ",
                ]),
                0..8,
            ),
        ) {
            let det = Detector::builtin().expect("built-in patterns load");
            let value = parts.concat().into_bytes();
            let mut found = Vec::new();
            det.detect(&value, FieldHint::default(), &mut found);
            // The detection with the keyword search run on every value.
            let mut out = Vec::new();
            let mut scan = Scan::new(&det, &value, FieldHint::default(), &mut out, false);
            scan.run();
            let keyed = det.context.gated_keywords(&value);
            contextual::detect(&det, &value, FieldHint::default(), keyed, &mut out, 0);
            geo::detect(&det, &value, FieldHint::default(), keyed, &mut out, 0);
            out.sort_unstable_by_key(|h| h.start);
            prop_assert_eq!(found, out);
        }
    }

    /// The text and type of every hit `det` finds in the line `text` (shared by the
    /// detector families' tests).
    pub(crate) fn types(det: &Detector, text: &str) -> Vec<(String, PiiType)> {
        det.detect_text(text.as_bytes())
            .into_iter()
            .map(|h| (text[h.start..h.end].to_string(), h.ty))
            .collect()
    }

    /// [`types`] with the built-in detectors.
    pub(crate) fn find(text: &str) -> Vec<(String, PiiType)> {
        types(&Detector::builtin().expect("built-in patterns load"), text)
    }

    #[test]
    fn finds_strong_shapes_in_free_text() {
        let det = Detector::builtin().unwrap();
        let found = types(
            &det,
            "mail asha.rao@example.com or call +91 98765 43210, card 4111 1111 1111 1111",
        );
        assert_eq!(
            found,
            [
                ("asha.rao@example.com".to_string(), PiiType::Email),
                ("+91 98765 43210".to_string(), PiiType::Phone),
                ("4111 1111 1111 1111".to_string(), PiiType::CardNumber),
            ]
        );
    }

    #[test]
    fn weak_shapes_need_support() {
        let det = Detector::builtin().unwrap();
        assert!(types(&det, "ref 9876543210 done").is_empty());
        assert_eq!(
            types(&det, "mobile 9876543210"),
            [("9876543210".to_string(), PiiType::Phone)]
        );
        let mut out = Vec::new();
        det.detect(b"9876543210", det.field_hint(b"order_id"), &mut out);
        assert!(out.is_empty());
        det.detect(b"9876543210", det.field_hint(b"contact_no"), &mut out);
        assert_eq!(out.len(), 1);
    }

    #[test]
    fn types_filter_disables_detectors() {
        let set = PatternSet::builtin().unwrap();
        let det = Detector::new(&set, Some(&[PiiType::Phone]), Region::IN);
        assert_eq!(
            types(&det, "a@example.com +91 98765 43210"),
            [("+91 98765 43210".to_string(), PiiType::Phone)]
        );
    }
}
