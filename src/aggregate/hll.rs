//! A mergeable HyperLogLog distinct-count sketch over pre-hashed 64-bit values (the caller
//! hashes each normalised value with a keyed SipHash), precision p = 14 (16 384 registers,
//! standard error about 0.8 %).
//!
//! # Representation
//!
//! A sketch starts *sparse*: a vector of `u32` entries, each `(index' << 6) | rho'` where
//! `index'` is the top 25 bits of the hash (the HLL++ sparse precision p' = 25) and `rho'`
//! (1..=40) is one plus the number of leading zeros of the 39 bits below it (40 when they are
//! all zero). Its *settled* form is sorted, one entry per distinct sparse index with the largest
//! `rho'` of that index. An insert only appends an entry: the vector is settled when it grows
//! past [`MAX_BUFFERED`] entries and when merged or cloned, and read settled (estimate,
//! encoding, comparison), so a value costs a push instead of a binary search and a move of the
//! entries after it. A handful of
//! values costs the 24-byte handle plus 4 bytes each, which matters because one sketch exists
//! per field × type × chunk.
//!
//! When a sketch would hold more than [`MAX_SPARSE`] entries (4 KiB, a quarter of the dense
//! size) it becomes *dense*: 2^14 one-byte registers, each one plus the leading zeros of the 50
//! bits below the 14-bit index (at most 51). A sparse entry determines its dense register
//! exactly (the 11 index bits below the top 14 come first, then the 39 bits `rho'` describes),
//! so the state of a sketch is a function of the *set* of hashes inserted: sparse with the
//! union's entries while there are at most [`MAX_SPARSE`] of them, dense with the union's
//! registers otherwise. Merging in any order or grouping therefore gives exactly the sketch a
//! single insertion of all values gives, which is what makes merged reports equal a single scan.
//!
//! # Estimate
//!
//! Sparse: linear counting over the 2^25 sparse indices, exact up to index collisions (about
//! one in 64 000 pairs). Dense: Otmar Ertl's improved raw estimator ("New cardinality
//! estimation algorithms for HyperLogLog sketches", 2017, algorithm 6, also used by Redis),
//! which needs no empirical bias tables and is unbiased from zero to far beyond 2^40.
//!
//! # Encoding (`EncodedHll::registers`)
//!
//! Standard base64 (with padding) of a byte string whose first byte says the form:
//!
//! | first byte | rest |
//! | --- | --- |
//! | `0x01` sparse | the entries in increasing order, each as the LEB128 varint of its difference from the previous entry (the first from 0) |
//! | `0x02` dense | the 16 384 registers, 6 bits each, big-endian, four registers in three bytes (12 288 bytes) |
//!
//! `p` is always 14. [`Hll::decode`] rejects anything [`Hll::encode`] cannot produce.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use std::fmt;

/// Precision: number of index bits of the dense registers.
const P: u32 = 14;
/// Number of dense registers.
const M: usize = 1 << P;
/// Precision of the sparse indices.
const SPARSE_P: u32 = 25;
/// Largest register value: one plus the 64 - 14 bits below the index.
const MAX_RHO: usize = 64 - P as usize + 1;
/// Most entries a settled sparse sketch holds: 4-byte entries, a quarter of the dense size.
pub const MAX_SPARSE: usize = M / 4 / 4;
/// Most entries a sparse sketch holds unsettled: it is settled when an insert would pass this.
const MAX_BUFFERED: usize = 2 * MAX_SPARSE;

/// Tag byte of the sparse encoding.
const TAG_SPARSE: u8 = 1;
/// Tag byte of the dense encoding.
const TAG_DENSE: u8 = 2;
/// Length of the packed dense registers.
const DENSE_BYTES: usize = M * 6 / 8;

/// Distinct-count sketch over pre-hashed 64-bit values.
///
/// ```
/// use leakscan::aggregate::hll::Hll;
/// let mut a = Hll::default();
/// let mut b = Hll::default();
/// a.insert_hash(0x0123_4567_89ab_cdef);
/// b.insert_hash(0xfedc_ba98_7654_3210);
/// b.insert_hash(0x0123_4567_89ab_cdef);
/// a.merge(&b);
/// assert_eq!(a.estimate(), 2);
/// assert_eq!(Hll::decode(&a.encode()), Some(a));
/// ```
#[derive(Default)]
pub struct Hll {
    repr: Repr,
}

#[derive(Clone, PartialEq, Eq)]
enum Repr {
    /// Entries `(index' << 6) | rho'` in any order, an index possibly more than once (settled
    /// by [`settle`]).
    Sparse(Vec<u32>),
    /// One register per index.
    Dense(Box<[u8; M]>),
}

impl Default for Repr {
    fn default() -> Repr {
        Repr::Sparse(Vec::new())
    }
}

/// A sketch as the report carries it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct EncodedHll {
    /// Precision (number of index bits).
    pub p: u8,
    /// The registers, base64.
    pub registers: String,
}

/// The sparse entry of a hash.
fn sparse_entry(hash: u64) -> u32 {
    let index = (hash >> (64 - SPARSE_P)) as u32;
    let rest = hash << SPARSE_P;
    let rho = if rest == 0 {
        64 - SPARSE_P + 1
    } else {
        rest.leading_zeros() + 1
    };
    (index << 6) | rho
}

/// The dense register index and value of a hash.
fn dense_of_hash(hash: u64) -> (usize, u8) {
    let index = (hash >> (64 - P)) as usize;
    let rest = hash << P;
    let rho = if rest == 0 {
        MAX_RHO as u32
    } else {
        rest.leading_zeros() + 1
    };
    (index, rho as u8)
}

/// The dense register index and value of a sparse entry: the same as [`dense_of_hash`] of
/// any hash the entry was made from.
fn dense_of_entry(entry: u32) -> (usize, u8) {
    const LOW_BITS: u32 = SPARSE_P - P;
    let sparse_index = entry >> 6;
    let index = (sparse_index >> LOW_BITS) as usize;
    let low = sparse_index & ((1 << LOW_BITS) - 1);
    let rho = if low != 0 {
        low.leading_zeros() - (32 - LOW_BITS) + 1
    } else {
        LOW_BITS + (entry & 63)
    };
    (index, rho as u8)
}

/// Raises the dense registers by the sparse entries.
fn apply_entries(registers: &mut [u8; M], entries: &[u32]) {
    for &entry in entries {
        let (index, rho) = dense_of_entry(entry);
        registers[index] = registers[index].max(rho);
    }
}

/// Dense registers, all zero, allocated on the heap directly.
fn zero_registers() -> Box<[u8; M]> {
    vec![0u8; M]
        .into_boxed_slice()
        .try_into()
        .expect("the vector has M elements")
}

/// The sorted union of two settled entry lists, keeping the larger `rho'` of a shared index.
fn union_entries(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        match (x >> 6).cmp(&(y >> 6)) {
            std::cmp::Ordering::Less => {
                out.push(x);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(y);
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                out.push(x.max(y));
                i += 1;
                j += 1;
            }
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

/// Sorts `entries` and keeps one per sparse index, the one with the largest `rho'`.
fn settle(entries: &mut Vec<u32>) {
    entries.sort_unstable();
    // Sorted, an index's entries are adjacent with the largest `rho'` last.
    entries.dedup_by(|later, kept| {
        let same = *later >> 6 == *kept >> 6;
        if same {
            *kept = *later;
        }
        same
    });
}

/// Whether sparse `entries` are settled: sorted, one per sparse index, and few enough to stay
/// sparse (entries appended in order, as from sorted hashes, can be more).
fn is_settled(entries: &[u32]) -> bool {
    entries.len() <= MAX_SPARSE && entries.windows(2).all(|w| w[0] >> 6 < w[1] >> 6)
}

/// The repr of a set of settled sparse entries: sparse while small enough.
fn repr_of_entries(entries: Vec<u32>) -> Repr {
    if entries.len() <= MAX_SPARSE {
        Repr::Sparse(entries)
    } else {
        let mut registers = zero_registers();
        apply_entries(&mut registers, &entries);
        Repr::Dense(registers)
    }
}

/// Ertl's σ(x) = x + Σ_{k≥1} x^{2^k} 2^{k-1}.
fn sigma(mut x: f64) -> f64 {
    if x == 1.0 {
        return f64::INFINITY;
    }
    let mut y = 1.0;
    let mut z = x;
    loop {
        x *= x;
        let previous = z;
        z += x * y;
        y += y;
        if z == previous {
            return z;
        }
    }
}

/// Ertl's τ(x) = (1 - x - Σ_{k≥1} (1 - x^{2^-k})² 2^-k) / 3.
fn tau(mut x: f64) -> f64 {
    if x == 0.0 || x == 1.0 {
        return 0.0;
    }
    let mut y = 1.0;
    let mut z = 1.0 - x;
    loop {
        x = x.sqrt();
        let previous = z;
        y *= 0.5;
        z -= (1.0 - x) * (1.0 - x) * y;
        if z == previous {
            return z / 3.0;
        }
    }
}

/// Ertl's improved raw estimate from dense registers.
fn dense_estimate(registers: &[u8; M]) -> f64 {
    let mut histogram = [0u32; MAX_RHO + 1];
    for &r in registers.iter() {
        histogram[usize::from(r)] += 1;
    }
    let m = M as f64;
    let mut z = m * tau(1.0 - f64::from(histogram[MAX_RHO]) / m);
    for k in (1..MAX_RHO).rev() {
        z = 0.5 * (z + f64::from(histogram[k]));
    }
    z += m * sigma(f64::from(histogram[0]) / m);
    let alpha_inf = 1.0 / (2.0 * std::f64::consts::LN_2);
    alpha_inf * m * m / z
}

/// Appends `value` as an LEB128 varint.
fn push_varint(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push((value as u8 & 0x7f) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Reads an LEB128 varint of at most 32 bits from the front of `bytes`.
fn take_varint(bytes: &mut &[u8]) -> Option<u32> {
    let mut value: u32 = 0;
    for shift in (0..35).step_by(7) {
        let (&byte, rest) = bytes.split_first()?;
        *bytes = rest;
        let bits = u32::from(byte & 0x7f);
        if shift == 28 && bits > 0x0f {
            return None;
        }
        value |= bits << shift;
        if byte & 0x80 == 0 {
            return Some(value);
        }
    }
    None
}

impl Hll {
    /// Adds a hashed value.
    pub fn insert_hash(&mut self, hash: u64) {
        match &mut self.repr {
            Repr::Sparse(entries) => {
                if entries.len() == MAX_BUFFERED {
                    settle(entries);
                    if entries.len() > MAX_SPARSE {
                        self.repr = repr_of_entries(std::mem::take(entries));
                        return self.insert_hash(hash);
                    }
                }
                entries.push(sparse_entry(hash));
            }
            Repr::Dense(registers) => {
                let (index, rho) = dense_of_hash(hash);
                registers[index] = registers[index].max(rho);
            }
        }
    }

    /// Puts the sketch in its settled form (see [`Hll::settled`]), which merging and reading
    /// it then borrow.
    pub fn settle(&mut self) {
        if let Repr::Sparse(entries) = &mut self.repr {
            if !is_settled(entries) {
                settle(entries);
                self.repr = repr_of_entries(std::mem::take(entries));
            }
        }
    }

    /// The sketch in its settled form: sparse entries sorted, one per index, and dense once
    /// there are more than [`MAX_SPARSE`] of them. Borrowed when already settled.
    fn settled(&self) -> std::borrow::Cow<'_, Repr> {
        match &self.repr {
            Repr::Sparse(entries) if !is_settled(entries) => {
                let mut entries = entries.clone();
                settle(&mut entries);
                std::borrow::Cow::Owned(repr_of_entries(entries))
            }
            repr => std::borrow::Cow::Borrowed(repr),
        }
    }

    /// Unites `other` into `self`: the result is the sketch of the union of both value sets.
    pub fn merge(&mut self, other: &Hll) {
        match (&mut self.repr, &other.repr) {
            (_, Repr::Sparse(theirs)) if theirs.is_empty() => {}
            (Repr::Sparse(mine), Repr::Sparse(_)) => {
                if !is_settled(mine) {
                    settle(mine);
                }
                self.repr = match &*other.settled() {
                    Repr::Sparse(theirs) => repr_of_entries(union_entries(mine, theirs)),
                    Repr::Dense(theirs) => {
                        let mut registers = theirs.clone();
                        apply_entries(&mut registers, mine);
                        Repr::Dense(registers)
                    }
                };
            }
            (Repr::Sparse(mine), Repr::Dense(theirs)) => {
                let mut registers = theirs.clone();
                apply_entries(&mut registers, mine);
                self.repr = Repr::Dense(registers);
            }
            (Repr::Dense(mine), Repr::Sparse(theirs)) => apply_entries(mine, theirs),
            (Repr::Dense(mine), Repr::Dense(theirs)) => {
                for (m, t) in mine.iter_mut().zip(theirs.iter()) {
                    *m = (*m).max(*t);
                }
            }
        }
    }

    /// Estimated number of distinct values.
    pub fn estimate(&self) -> u64 {
        let estimate = match &*self.settled() {
            Repr::Sparse(entries) => {
                // Linear counting over the 2^25 sparse indices.
                let m = (1u64 << SPARSE_P) as f64;
                let used = entries.len() as f64;
                m * (used / (m - used)).ln_1p()
            }
            Repr::Dense(registers) => dense_estimate(registers),
        };
        estimate.round() as u64
    }

    /// Whether no value was inserted.
    pub fn is_empty(&self) -> bool {
        match &self.repr {
            Repr::Sparse(entries) => entries.is_empty(),
            Repr::Dense(registers) => registers.iter().all(|&r| r == 0),
        }
    }

    /// The report form (see the module doc for the encoding).
    pub fn encode(&self) -> EncodedHll {
        let bytes = match &*self.settled() {
            Repr::Sparse(entries) => {
                let mut out = Vec::with_capacity(1 + entries.len() * 4);
                out.push(TAG_SPARSE);
                let mut previous = 0;
                for &entry in entries {
                    push_varint(&mut out, entry - previous);
                    previous = entry;
                }
                out
            }
            Repr::Dense(registers) => {
                let mut out = Vec::with_capacity(1 + DENSE_BYTES);
                out.push(TAG_DENSE);
                for r in registers.chunks_exact(4) {
                    out.push((r[0] << 2) | (r[1] >> 4));
                    out.push((r[1] << 4) | (r[2] >> 2));
                    out.push((r[2] << 6) | r[3]);
                }
                out
            }
        };
        EncodedHll {
            p: P as u8,
            registers: BASE64.encode(bytes),
        }
    }

    /// Reads the report form back; `None` if it is not a sketch [`Hll::encode`] could produce.
    pub fn decode(encoded: &EncodedHll) -> Option<Hll> {
        if u32::from(encoded.p) != P {
            return None;
        }
        let bytes = BASE64.decode(&encoded.registers).ok()?;
        let (&tag, mut rest) = bytes.split_first()?;
        let repr = match tag {
            TAG_SPARSE => {
                let mut entries = Vec::new();
                let mut previous: u32 = 0;
                while !rest.is_empty() {
                    let entry = previous.checked_add(take_varint(&mut rest)?)?;
                    let rho = entry & 63;
                    let first = entries.is_empty();
                    if entry >> (SPARSE_P + 6) != 0
                        || !(1..=64 - SPARSE_P + 1).contains(&rho)
                        || (!first && entry >> 6 <= previous >> 6)
                        || entries.len() == MAX_SPARSE
                    {
                        return None;
                    }
                    entries.push(entry);
                    previous = entry;
                }
                Repr::Sparse(entries)
            }
            TAG_DENSE if rest.len() == DENSE_BYTES => {
                let mut registers = zero_registers();
                for (r, b) in registers.chunks_exact_mut(4).zip(rest.chunks_exact(3)) {
                    r[0] = b[0] >> 2;
                    r[1] = ((b[0] & 0x03) << 4) | (b[1] >> 4);
                    r[2] = ((b[1] & 0x0f) << 2) | (b[2] >> 6);
                    r[3] = b[2] & 0x3f;
                }
                if registers.iter().any(|&r| usize::from(r) > MAX_RHO) {
                    return None;
                }
                Repr::Dense(registers)
            }
            _ => return None,
        };
        Some(Hll { repr })
    }
}

/// A clone is settled (sketches are cloned where they are kept: merged into an input's or the
/// scan's statistics, read many times after).
impl Clone for Hll {
    fn clone(&self) -> Hll {
        Hll {
            repr: self.settled().into_owned(),
        }
    }
}

/// Sketches are equal when their settled forms are: when they were made from the same set of
/// hashes.
impl PartialEq for Hll {
    fn eq(&self, other: &Hll) -> bool {
        self.settled() == other.settled()
    }
}

impl Eq for Hll {}

impl fmt::Debug for Hll {
    /// A summary: the dense registers are too many to print.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &*self.settled() {
            Repr::Sparse(entries) => write!(f, "Hll(sparse, {} entries)", entries.len()),
            Repr::Dense(registers) => {
                let used = registers.iter().filter(|&&r| r != 0).count();
                write!(f, "Hll(dense, {used} non-zero registers)")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A well-mixed 64-bit value from a counter (SplitMix64), standing in for SipHash.
    fn mix(x: u64) -> u64 {
        let mut z = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn sketch_of(hashes: impl IntoIterator<Item = u64>) -> Hll {
        let mut hll = Hll::default();
        for h in hashes {
            hll.insert_hash(h);
        }
        hll
    }

    fn is_dense(hll: &Hll) -> bool {
        matches!(*hll.settled(), Repr::Dense(_))
    }

    /// The settled repr of a set of hashes by the definition: per sparse index the largest
    /// `rho'`, in index order; dense registers past [`MAX_SPARSE`] indices.
    fn by_definition(hashes: &[u64]) -> Repr {
        let mut largest = std::collections::BTreeMap::new();
        for &h in hashes {
            let entry = sparse_entry(h);
            let rho = largest.entry(entry >> 6).or_insert(0);
            *rho = (*rho).max(entry & 63);
        }
        if largest.len() <= MAX_SPARSE {
            return Repr::Sparse(largest.iter().map(|(i, r)| (i << 6) | r).collect());
        }
        let mut registers = zero_registers();
        for &h in hashes {
            let (index, rho) = dense_of_hash(h);
            registers[index] = registers[index].max(rho);
        }
        Repr::Dense(registers)
    }

    #[test]
    fn empty_sketch_estimates_zero() {
        let hll = Hll::default();
        assert!(hll.is_empty());
        assert_eq!(hll.estimate(), 0);
        let mut dense = Hll {
            repr: Repr::Dense(zero_registers()),
        };
        assert!(dense.is_empty());
        assert_eq!(dense.estimate(), 0);
        dense.insert_hash(mix(1));
        assert!(!dense.is_empty());
        assert_eq!(dense.estimate(), 1);
    }

    #[test]
    fn tiny_sets_are_exact() {
        for n in [1u64, 2, 3, 10, 100, 1000] {
            let hll = sketch_of((0..n).map(mix));
            assert!(!is_dense(&hll), "{n} values stay sparse");
            assert_eq!(hll.estimate(), n, "{n} distinct values");
        }
    }

    #[test]
    fn duplicates_do_not_count() {
        let hll = sketch_of((0..5000u64).map(|i| mix(i % 7)));
        assert_eq!(hll.estimate(), 7);
    }

    #[test]
    fn estimates_are_within_two_percent() {
        for (seed, n) in [
            (1u64, 10u64),
            (2, 1_000),
            (3, 5_000),
            (4, 100_000),
            (5, 1_000_000),
        ] {
            let hll = sketch_of((0..n).map(|i| mix(i ^ (seed << 40))));
            let estimate = hll.estimate() as f64;
            let error = (estimate - n as f64).abs() / n as f64;
            assert!(error < 0.02, "n = {n}: estimate {estimate}, error {error}");
        }
    }

    #[test]
    fn estimates_track_cardinality_across_the_sparse_dense_boundary() {
        let mut hll = Hll::default();
        for i in 0..60_000u64 {
            hll.insert_hash(mix(i));
            let n = i + 1;
            if n % 997 == 0 {
                let error = (hll.estimate() as f64 - n as f64).abs() / n as f64;
                assert!(error < 0.03, "n = {n}: estimate {}", hll.estimate());
            }
        }
    }

    #[test]
    fn becomes_dense_after_max_sparse_entries() {
        let mut hll = sketch_of((0..MAX_SPARSE as u64).map(mix));
        assert!(!is_dense(&hll));
        hll.insert_hash(mix(MAX_SPARSE as u64));
        assert!(is_dense(&hll));
    }

    #[test]
    fn small_sketches_are_small() {
        assert!(std::mem::size_of::<Hll>() <= 24);
        let hll = sketch_of((0..4u64).map(mix));
        match &hll.repr {
            Repr::Sparse(entries) => assert!(entries.capacity() * 4 <= 32),
            Repr::Dense(_) => panic!("four values made a dense sketch"),
        }
        assert!(hll.encode().registers.len() <= 32, "{:?}", hll.encode());
    }

    #[test]
    fn sparse_entries_give_the_dense_registers_of_their_hashes() {
        let special = [0u64, 1, u64::MAX, 1 << 39, 1 << 38, 1 << 50, (1 << 50) - 1];
        for hash in special.into_iter().chain((0..20_000u64).map(mix)) {
            assert_eq!(
                dense_of_entry(sparse_entry(hash)),
                dense_of_hash(hash),
                "{hash:#x}"
            );
        }
    }

    #[test]
    fn registers_keep_the_largest_rho() {
        // Same sparse index, the second hash with more leading zeros below it.
        let a = 0xabcd_e000_0000_0000 | (1 << 38);
        let b = 0xabcd_e000_0000_0000 | (1 << 10);
        for order in [[a, b], [b, a]] {
            let hll = sketch_of(order);
            assert_eq!(hll.estimate(), 1);
            match &*hll.settled() {
                Repr::Sparse(entries) => assert_eq!(entries, &[sparse_entry(b)]),
                Repr::Dense(_) => panic!("two values made a dense sketch"),
            }
        }
    }

    #[test]
    fn encode_decode_round_trips() {
        for n in [0u64, 1, 5, 1000, MAX_SPARSE as u64 + 1, 200_000] {
            let hll = sketch_of((0..n).map(mix));
            let encoded = hll.encode();
            assert_eq!(encoded.p, 14);
            assert_eq!(Hll::decode(&encoded).as_ref(), Some(&hll), "n = {n}");
        }
    }

    #[test]
    fn decode_rejects_what_encode_cannot_produce() {
        let good = sketch_of((0..3u64).map(mix)).encode();
        let bad = |registers: Vec<u8>| EncodedHll {
            p: 14,
            registers: BASE64.encode(registers),
        };
        assert!(Hll::decode(&EncodedHll {
            p: 12,
            ..good.clone()
        })
        .is_none());
        assert!(Hll::decode(&EncodedHll {
            p: 14,
            registers: "not base64!".into()
        })
        .is_none());
        assert!(Hll::decode(&bad(vec![])).is_none());
        assert!(Hll::decode(&bad(vec![9])).is_none());
        // rho' 0, and a repeated sparse index.
        assert!(Hll::decode(&bad(vec![TAG_SPARSE, 0x40])).is_none());
        assert!(Hll::decode(&bad(vec![TAG_SPARSE, 0x41, 0x01])).is_none());
        // A truncated varint.
        assert!(Hll::decode(&bad(vec![TAG_SPARSE, 0x80])).is_none());
        // Dense of the wrong length, and with a register above 51.
        assert!(Hll::decode(&bad(vec![TAG_DENSE, 0, 0, 0])).is_none());
        let mut dense = vec![0u8; 1 + DENSE_BYTES];
        dense[0] = TAG_DENSE;
        assert!(Hll::decode(&bad(dense.clone())).is_some());
        dense[1] = 52 << 2;
        assert!(Hll::decode(&bad(dense)).is_none());
    }

    /// Hashes from a few counters, some concentrated on few sparse and dense indices so that
    /// shared indices with different `rho` are common.
    fn hashes() -> impl Strategy<Value = Vec<u64>> {
        let one = prop_oneof![
            any::<u64>(),
            (0u64..64, any::<u64>()).prop_map(|(i, low)| (i << 58) | (low >> 20)),
            (0u64..4000).prop_map(mix),
        ];
        prop_oneof![
            prop::collection::vec(one, 0..60),
            (0u64..3000, 0u64..2000).prop_map(|(start, n)| (start..start + n).map(mix).collect()),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn merge_equals_single_insertion(a in hashes(), b in hashes(), c in hashes()) {
            let single = sketch_of(a.iter().chain(&b).chain(&c).copied());
            let (sa, sb, sc) = (sketch_of(a.clone()), sketch_of(b.clone()), sketch_of(c.clone()));

            let mut left = sa.clone();
            left.merge(&sb);
            left.merge(&sc);
            prop_assert_eq!(&left, &single);

            let mut bc = sb.clone();
            bc.merge(&sc);
            let mut right = sa.clone();
            right.merge(&bc);
            prop_assert_eq!(&right, &single);

            let mut reversed = sc.clone();
            reversed.merge(&sb);
            reversed.merge(&sa);
            prop_assert_eq!(&reversed, &single);

            prop_assert_eq!(Hll::decode(&single.encode()), Some(single));
        }

        /// Appended entries, settled when the buffer is full and when read, give the sketch
        /// the definition gives, with few distinct values repeated past the buffer and with
        /// more than a sparse sketch holds.
        #[test]
        fn buffered_inserts_settle_to_the_definition(
            a in hashes(),
            (n, distinct) in (0u64..6000, 1u64..3000),
        ) {
            let repeated: Vec<u64> = (0..n).map(|i| mix(i % distinct)).collect();
            // In increasing order, entries are appended settled but may be too many.
            let mut sorted = repeated.clone();
            sorted.sort_unstable();
            for hashes in [&a, &repeated, &sorted] {
                let hll = sketch_of(hashes.iter().copied());
                prop_assert!(*hll.settled() == by_definition(hashes));
                let mut settled = sketch_of(hashes.iter().copied());
                settled.settle();
                prop_assert!(settled.repr == by_definition(hashes));
                if let Repr::Sparse(entries) = &hll.repr {
                    prop_assert!(entries.len() <= MAX_BUFFERED);
                }
            }
        }
    }
}
