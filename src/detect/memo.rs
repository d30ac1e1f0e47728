//! A memo of detection results for values seen recently.
//!
//! Leaked tables repeat themselves: a status, a city, a country, a plan name, a first name, a
//! browser's user agent comes back in record after record. Detection is a pure function of a
//! value and its field's [`FieldHint`], so what it found in a value can be reused when the
//! same bytes come back in a field with the same hint. The memo is two direct-mapped tables,
//! one for short values and one for long ones (a new value evicts whatever held its place),
//! so its memory is fixed, and a field whose values do not repeat stops consulting it
//! ([`FieldMemo`]), so that it costs such a field almost nothing.

use super::{Detector, Hit};
use crate::format::FieldHint;
use crate::swar::same_bytes;
use crate::types::{Basis, PiiType, Region};

/// Longest value of the short table (most repeated values: a status, a city, a name).
const SHORT_LEN: usize = 96;
const _: () = assert!(std::mem::size_of::<Entry<SHORT_LEN>>() == 128);
/// Places in the short table (a power of two): 512 KiB.
const SHORT_PLACES: usize = 4096;
/// Longest value kept at all, in the long table: a user agent, a referrer, a default
/// message come back record after record too, and cost more to detect than short values.
/// Longer values rarely repeat, and cost the copy.
const LONG_LEN: usize = 255;
const _: () = assert!(std::mem::size_of::<Entry<LONG_LEN>>() == 288);
/// Places in the long table (a power of two): 288 KiB.
const LONG_PLACES: usize = 1024;
/// Most hits a kept value holds (values with more are detected every time).
const MAX_HITS: usize = 2;
/// Values of a field looked up before its share found decides whether it goes on.
const TRIAL: u32 = 64;
/// Values of a field passed by after a failed trial before it is tried again.
const RETRIAL: u32 = 1024;

/// One remembered value of up to `N` bytes and what detection found in it.
#[derive(Clone, Copy)]
struct Entry<const N: usize> {
    /// The value's hash; 0 for a place never filled.
    hash: u64,
    hint: FieldHint,
    len: u8,
    hit_count: u8,
    bytes: [u8; N],
    hits: [KeptHit; MAX_HITS],
}

/// A [`Hit`] in a kept value, whose offsets fit a byte.
#[derive(Clone, Copy)]
struct KeptHit {
    start: u8,
    end: u8,
    ty: PiiType,
    basis: Basis,
}

impl KeptHit {
    const NONE: KeptHit = KeptHit {
        start: 0,
        end: 0,
        ty: PiiType::Email,
        basis: Basis::CHECKSUM,
    };

    /// `hit`, found in a value of at most [`LONG_LEN`] bytes.
    fn keep(hit: &Hit) -> KeptHit {
        KeptHit {
            start: hit.start as u8,
            end: hit.end as u8,
            ty: hit.ty,
            basis: hit.basis,
        }
    }

    fn hit(self) -> Hit {
        Hit {
            start: usize::from(self.start),
            end: usize::from(self.end),
            ty: self.ty,
            basis: self.basis,
        }
    }
}

impl<const N: usize> Entry<N> {
    const EMPTY: Entry<N> = Entry {
        hash: 0,
        hint: FieldHint {
            supports: 0,
            denies_weak: false,
            names_thing: false,
        },
        len: 0,
        hit_count: 0,
        bytes: [0; N],
        hits: [KeptHit::NONE; MAX_HITS],
    };
}

/// A direct-mapped table of values of up to `N` bytes (at most [`LONG_LEN`]: offsets fit a
/// byte).
struct Table<const N: usize> {
    entries: Box<[Entry<N>]>,
}

impl<const N: usize> Table<N> {
    /// An empty table of `places` entries (a power of two).
    fn new(places: usize) -> Self {
        const { assert!(N <= LONG_LEN) };
        assert!(
            places.is_power_of_two(),
            "a place is read off the hash's top bits"
        );
        Table {
            entries: vec![Entry::EMPTY; places].into_boxed_slice(),
        }
    }

    fn clear(&mut self) {
        self.entries.fill(Entry::EMPTY);
    }

    /// Appends to `out` what detection finds in `value` (of at most `N` bytes, with `hash`)
    /// in a field with `hint`: what the table holds for it, or else what [`Detector`] finds,
    /// which the table then keeps. Counts a value found in `field`.
    #[inline(always)]
    fn detect(
        &mut self,
        det: &Detector,
        value: &[u8],
        hint: FieldHint,
        hash: u64,
        field: &mut FieldMemo,
        out: &mut Vec<Hit>,
    ) {
        let place = (hash >> (64 - self.entries.len().trailing_zeros())) as usize;
        let entry = &self.entries[place];
        if entry.hash == hash
            && entry.hint == hint
            && usize::from(entry.len) == value.len()
            && same_bytes(&entry.bytes[..value.len()], value)
        {
            field.found += 1;
            out.extend(
                entry.hits[..usize::from(entry.hit_count)]
                    .iter()
                    .map(|h| h.hit()),
            );
            return;
        }
        self.detect_and_keep(det, value, hint, hash, place, out);
    }

    /// Appends what detection finds in `value` to `out`, and keeps it at `place` (unless it
    /// holds more hits than an entry does). Out of line: the look-up that found the value
    /// stays small.
    #[inline(never)]
    fn detect_and_keep(
        &mut self,
        det: &Detector,
        value: &[u8],
        hint: FieldHint,
        hash: u64,
        place: usize,
        out: &mut Vec<Hit>,
    ) {
        let first = out.len();
        det.detect_judged(value, hint, out);
        let found = &out[first..];
        if found.len() <= MAX_HITS {
            let entry = &mut self.entries[place];
            entry.hash = hash;
            entry.hint = hint;
            entry.len = value.len() as u8;
            entry.bytes[..value.len()].copy_from_slice(value);
            entry.hit_count = found.len() as u8;
            for (kept, hit) in entry.hits.iter_mut().zip(found) {
                *kept = KeptHit::keep(hit);
            }
        }
    }
}

/// Detection results of recently seen values, one per worker thread: a table of short
/// values and one of long ones, so that long values evict no short one.
pub struct Memo {
    short: Table<SHORT_LEN>,
    long: Table<LONG_LEN>,
    /// The region the entries were detected under, and whether it was assumed
    /// ([`Detector::region_assumed`]): a national number reads differently under another.
    region: (Region, bool),
}

impl Default for Memo {
    fn default() -> Self {
        Memo {
            short: Table::new(SHORT_PLACES),
            long: Table::new(LONG_PLACES),
            region: (Region::default(), false),
        }
    }
}

impl Memo {
    /// Readies the memo for values detected by `det`: forgets what it kept if that was
    /// detected under another region (inputs of a scan may be read under different ones).
    pub fn serve(&mut self, det: &Detector) {
        let region = (det.region(), det.region_assumed());
        if region != self.region {
            self.short.clear();
            self.long.clear();
            self.region = region;
        }
    }

    /// Appends to `out` what [`Detector::detect_judged`] finds in `value` in a field with
    /// `hint`, from the memo where `value` was seen there recently and the field's values
    /// repeat enough (`field`) for looking it up to pay.
    #[inline]
    pub fn detect_judged(
        &mut self,
        det: &Detector,
        value: &[u8],
        hint: FieldHint,
        field: &mut FieldMemo,
        out: &mut Vec<Hit>,
    ) {
        if value.len() > LONG_LEN || !field.pays() {
            det.detect_judged(value, hint, out);
            return;
        }
        field.looked += 1;
        let hash = hash(value, hint);
        if value.len() <= SHORT_LEN {
            self.short.detect(det, value, hint, hash, field, out);
        } else {
            self.long.detect(det, value, hint, hash, field, out);
        }
    }
}

/// How often one field's values were found in the memo: a field whose values rarely repeat
/// (e-mails, phone numbers, ids) stops looking them up after a trial, and is tried again
/// after [`RETRIAL`] values (its values may start repeating once the memo holds them).
#[derive(Clone, Copy, Debug, Default)]
pub struct FieldMemo {
    looked: u32,
    found: u32,
    passed: u32,
}

impl FieldMemo {
    /// Whether looking this field's next value up pays: during the trial, and after it while
    /// at least one value in sixteen was found.
    #[inline]
    fn pays(&mut self) -> bool {
        if self.looked < TRIAL || self.found * 16 >= self.looked {
            return true;
        }
        self.passed += 1;
        if self.passed == RETRIAL {
            *self = FieldMemo::default();
        }
        false
    }
}

/// A multiplier with well-mixed bits (from FxHash).
const K: u64 = 0xf135_7aea_2e62_a9c5;

/// The memo's hash of `value` (at most [`LONG_LEN`] bytes) in a field with `hint`; never 0.
///
/// Whole 8-byte words are folded in, then the last 8 bytes (overlapping; shorter values are
/// read as their first and last 4 bytes, or their first, middle and last byte), and the
/// length, so that no two values of different lengths fold the same words.
fn hash(value: &[u8], hint: FieldHint) -> u64 {
    let mix = |h: u64, word: u64| (h.rotate_left(23) ^ word).wrapping_mul(K);
    let word = |at: usize| u64::from_le_bytes(value[at..at + 8].try_into().expect("8 bytes"));
    let half = |at: usize| u32::from_le_bytes(value[at..at + 4].try_into().expect("4 bytes"));
    let n = value.len();
    let mut h = mix(
        u64::from(hint.supports) << 8
            | u64::from(hint.names_thing) << 1
            | u64::from(hint.denies_weak),
        n as u64,
    );
    if n >= 8 {
        let mut at = 0;
        while at + 8 < n {
            h = mix(h, word(at));
            at += 8;
        }
        h = mix(h, word(n - 8));
    } else if n >= 4 {
        h = mix(h, u64::from(half(0)) << 32 | u64::from(half(n - 4)));
    } else if n > 0 {
        h = mix(
            h,
            u64::from(value[0]) << 16 | u64::from(value[n / 2]) << 8 | u64::from(value[n - 1]),
        );
    }
    h | 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::sync::OnceLock;

    /// A long value with a finding.
    const USER_AGENT_AND_EMAIL: &[u8] = b"Mozilla/5.0 (Linux; Android 13; SM-A536E) \
        AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.6045.193 Mobile Safari/537.36 \
        asha.rao@example.com";

    fn detector() -> &'static Detector {
        static DET: OnceLock<Detector> = OnceLock::new();
        DET.get_or_init(|| Detector::builtin().expect("built-in patterns"))
    }

    /// Values that repeat, hold findings (one, two, three) or none, and cross [`SHORT_LEN`] and [`LONG_LEN`].
    fn value() -> impl Strategy<Value = Vec<u8>> {
        prop_oneof![
            Just(b"Singapore".to_vec()),
            Just(b"active".to_vec()),
            Just(b"Blue Dart Kirana".to_vec()),
            Just(b"priya.sharma@example.com".to_vec()),
            Just(b"+91 98765 43210, +91 98765 43211".to_vec()),
            Just(b"a@example.com b@example.com c@example.com".to_vec()),
            Just(b"4111 1111 1111 1111".to_vec()),
            Just(b"Mr. Rahul Verma, 12 MG Road, Bengaluru 560001".to_vec()),
            Just(vec![b'7'; SHORT_LEN]),
            Just(vec![b'7'; SHORT_LEN + 1]),
            Just(vec![b'7'; LONG_LEN]),
            Just(vec![b'7'; LONG_LEN + 1]),
            Just(USER_AGENT_AND_EMAIL.to_vec()),
            Just([&[b'a'; LONG_LEN - 15][..], b" ab@example.com"].concat()),
            "[A-Za-z0-9@. +]{0,12}".prop_map(String::into_bytes),
        ]
    }

    fn hint() -> impl Strategy<Value = FieldHint> {
        let supports = prop_oneof![Just(0u32), any::<u32>()];
        (supports, any::<bool>(), any::<bool>()).prop_map(|(supports, denies_weak, names_thing)| {
            FieldHint {
                supports: supports & ((1 << PiiType::COUNT) - 1),
                denies_weak,
                names_thing,
            }
        })
    }

    proptest! {
        /// Through the memo, every value in every field gives what detection gives it,
        /// whether it was seen before, in the same field or another, or evicted.
        #[test]
        fn memo_gives_what_detection_gives(
            values in proptest::collection::vec((value(), 0usize..3), 1..200),
            hints in proptest::collection::vec(hint(), 3),
        ) {
            let det = detector();
            let mut memo = Memo::default();
            let mut fields = [FieldMemo::default(); 3];
            for (value, field) in &values {
                let (mut through, mut direct) = (vec![], vec![]);
                memo.detect_judged(det, value, hints[*field], &mut fields[*field], &mut through);
                det.detect_judged(value, hints[*field], &mut direct);
                prop_assert_eq!(through, direct);
            }
        }

        /// Values of different lengths or bytes hash apart in practice; the table still
        /// compares the bytes, this only guards the hash's spread.
        #[test]
        fn hash_reads_every_byte(v in proptest::collection::vec(any::<u8>(), 1..LONG_LEN), at in any::<prop::sample::Index>(), flip in 1u8..) {
            let mut w = v.clone();
            let i = at.index(w.len());
            w[i] ^= flip;
            prop_assert_ne!(hash(&v, FieldHint::default()), hash(&w, FieldHint::default()));
        }
    }

    /// A field whose values never repeat stops looking them up after its trial, and is tried
    /// again after [`RETRIAL`] values.
    #[test]
    fn unique_values_stop_looking_up() {
        let det = detector();
        let mut memo = Memo::default();
        let mut field = FieldMemo::default();
        let mut out = Vec::new();
        for n in 0..TRIAL + RETRIAL - 1 {
            memo.detect_judged(
                det,
                format!("v{n}").as_bytes(),
                FieldHint::default(),
                &mut field,
                &mut out,
            );
        }
        assert_eq!(
            (field.looked, field.found, field.passed),
            (TRIAL, 0, RETRIAL - 1)
        );
        memo.detect_judged(det, b"v0", FieldHint::default(), &mut field, &mut out);
        assert_eq!(
            (field.looked, field.passed),
            (0, 0),
            "the retrial starts afresh"
        );
        memo.detect_judged(det, b"v0", FieldHint::default(), &mut field, &mut out);
        assert_eq!((field.looked, field.found), (1, 1), "v0 is still held");
        assert!(out.is_empty());
    }
}
