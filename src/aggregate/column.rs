//! Whole-column judgement: a field's verdict on a checksum type comes from the field's
//! values together, not from one value.
//!
//! # The rule
//!
//! For each field of an input and each judged type `T` (card numbers, Aadhaar numbers,
//! NRIC/FINs: types whose check digit a random number passes by chance at most one time in
//! ten), the scan counts over the field's first [`SAMPLE`] values (in input order): `n`, the
//! values; `shaped`, the values that are wholly `T`-shaped (13-19 digits for a card, 12 for
//! an Aadhaar, with spaces or dashes; `[STFGM]` + 7 digits + letter for an NRIC); `valid`, the
//! values that are wholly a `T` (check digit and all, with or without a supporting name).
//!
//! - **column of `T`**: `valid >= MIN_EVIDENCE` and `valid >= 0.9 n`. Bare shapes of `T`
//!   that no field name or keyword supports (a weak shape in a headerless `col4`) are
//!   reported there, with basis `column`.
//! - **chance**: `shaped >= MIN_EVIDENCE` and fewer than half of them valid. The field holds
//!   random numbers of `T`'s shape and the few that pass the check do so by chance (a `uid`
//!   column of 12-digit user ids, one in ten Verhoeff-valid): findings of `T` that are the
//!   whole value are suppressed, whatever their support.
//! - otherwise (and for a field with fewer values than that) each value is judged alone.
//!
//! Free-text findings (a card inside a sentence) are never judged: only whole values count.
//!
//! Person names are judged too, by another rule: a lone word that reads as a name (`Black`,
//! `Rose`, `Male`, `Visa`) is a name only where the field's values are as varied as names.
//! Among the first [`SAMPLE`] values, `distinct` counts the different values:
//!
//! - **vocabulary** (reported as [`Verdict::Chance`]): `n >= MIN_EVIDENCE` and `distinct
//!   <= n / VOCABULARY`: the field repeats a few words (a colour, a plan, a payment method,
//!   a gender); one-word name findings there are suppressed. Names of two words or more,
//!   and names a field name or keyword supports, are never judged (see [`judged_bit`]).
//!
//! # One pass, bounded
//!
//! Workers scan chunks in parallel; each marks the first [`SAMPLE`] values of each field in
//! its chunk (a few bytes each) and tags findings that a verdict may change. The merge,
//! which already runs in input order, replays marks and findings in that order: a field's
//! verdict is fixed when its [`SAMPLE`]-th value is replayed, and findings wait in a queue
//! (in order, so the findings stream stays sorted) only while a tagged finding at its head
//! awaits its field's verdict. Past [`MAX_HELD`] waiting findings, the head's field is judged
//! on the values it has so far; at the end of an input every field is. Because the replay is
//! in input order, verdicts do not depend on chunk size or thread count. At most
//! [`MAX_FIELDS`] fields of an input are judged; values of further fields are counted as
//! `other` and judged alone.
//!
//! Counts in the report follow the same verdicts: tagged findings are counted aside per
//! field ([`FieldStats::held`](super::FieldStats)) and folded in when the input ends.
//!
//! The day/month order of numeric dates of birth is whole-column information too: each
//! field counts its dates that can only be day-first or month-first, and its ambiguous dates
//! (`03/04/1990`) are counted as distinct in the order most of the field's dates show, when at
//! least [`MIN_EVIDENCE`] show it (else the region's order: month first for `US`).
//!
//! A part of an input (`--range`) is judged on its own values: merged parts give the whole
//! scan's report as long as each part sees enough of a field to reach the same verdicts.

use crate::types::{Basis, PiiType};
use rustc_hash::FxHashMap;
use std::collections::{HashMap, VecDeque};

/// Values of a field its verdict is taken from.
pub const SAMPLE: u32 = 200;
/// Fewest valid (column) or shaped (chance) values for a verdict.
pub const MIN_EVIDENCE: u32 = 20;
/// Most fields of one input judged.
pub const MAX_FIELDS: usize = 1024;
/// Most findings waiting for verdicts.
pub const MAX_HELD: usize = 100_000;

/// A field whose sampled values number at least this many times its distinct values is a
/// vocabulary: one-word names there are suppressed.
pub const VOCABULARY: u32 = 5;

/// The judged types, in bit order: the checksum types, then person names.
pub const JUDGED: [PiiType; 4] = [
    PiiType::CardNumber,
    PiiType::Aadhaar,
    PiiType::SgNric,
    PiiType::PersonName,
];

/// The bit of a judged type.
pub fn bit(ty: PiiType) -> Option<u8> {
    JUDGED.iter().position(|&t| t == ty).map(|i| 1 << i)
}

/// The bit of a finding of `ty` (`raw`, with `basis`) that is a whole value, when its
/// field's verdict decides it: any whole value of a checksum type; a person name only when
/// it is one word that neither the field name nor a keyword supports.
pub fn judged_bit(ty: PiiType, basis: Basis, raw: &[u8]) -> Option<u8> {
    if ty == PiiType::PersonName
        && (basis.contains(Basis::FIELD)
            || basis.contains(Basis::KEYWORD)
            || raw.iter().any(u8::is_ascii_whitespace))
    {
        return None;
    }
    bit(ty)
}

/// The hash of a value the vocabulary rule counts distinct values with: its bytes without
/// leading and trailing white space.
pub fn value_hash(v: &[u8]) -> u32 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write(v.trim_ascii());
    h.finish() as u32
}

/// A field's verdict on one judged type.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Verdict {
    /// Each value alone.
    #[default]
    Value,
    /// The field is a column of the type: unsupported bare shapes count.
    Column,
    /// Valid values are chance: whole-value findings are suppressed.
    Chance,
}

impl Verdict {
    /// Whether a tagged finding stays: `tentative` ones (bare shapes with no support) only in
    /// a column of their type, the others unless the field's valid values are chance.
    pub fn keeps(self, tentative: bool) -> bool {
        if tentative {
            self == Verdict::Column
        } else {
            self != Verdict::Chance
        }
    }
}

/// The bits of [`JUDGED`] types whose shape the whole of `v` (trimmed) has.
///
/// Inlined: every shape starts with a digit or an NRIC letter (after white space), and most
/// values are refused on their first byte, without a call.
#[inline]
pub fn shape_bits(v: &[u8]) -> u8 {
    match v.first() {
        Some(&b) if may_lead_shape(b) || b.is_ascii_whitespace() => trimmed_shape_bits(v),
        _ => 0,
    }
}

/// Whether a shape can start with `b`: a digit, or an NRIC's first letter.
#[inline]
fn may_lead_shape(b: u8) -> bool {
    b.is_ascii_digit() || is_nric_lead(b)
}

/// Whether `b` is an NRIC/FIN's first letter, in either case.
#[inline]
fn is_nric_lead(b: u8) -> bool {
    matches!(
        b,
        b'S' | b'T' | b'F' | b'G' | b'M' | b's' | b't' | b'f' | b'g' | b'm'
    )
}

/// [`shape_bits`] of a value that may have a shape.
fn trimmed_shape_bits(v: &[u8]) -> u8 {
    let v = v.trim_ascii();
    // Every shape starts with a digit or an NRIC letter and is at most 23 bytes long: most
    // values (words, names, e-mails, long text) are refused on these two tests.
    let lead = match v.first() {
        Some(&b) if v.len() <= 23 => b,
        _ => return 0,
    };
    if !may_lead_shape(lead) {
        return 0;
    }
    let mut bits = 0;
    if v.len() == 9
        && is_nric_lead(lead)
        && v[1..8].iter().all(u8::is_ascii_digit)
        && v[8].is_ascii_alphabetic()
    {
        bits |= 1 << 2;
    }
    if lead.is_ascii_digit() {
        // One pass counts the digits and refuses the value at its first byte that is no
        // digit, space or dash (a date's `T`, an amount's `.`).
        let mut digits = 0;
        for &b in v {
            if b.is_ascii_digit() {
                digits += 1;
            } else if b != b' ' && b != b'-' {
                return bits;
            }
        }
        if (13..=19).contains(&digits) {
            bits |= 1;
        }
        if digits == 12 {
            bits |= 1 << 1;
        }
    }
    bits
}

/// A field's counts over its first [`SAMPLE`] values.
#[derive(Clone, Debug, Default)]
pub struct Tally {
    /// Values counted.
    pub seen: u32,
    /// Per judged type, values wholly of its shape.
    pub shaped: [u32; JUDGED.len()],
    /// Per judged type, values wholly valid.
    pub valid: [u32; JUDGED.len()],
    /// The different values counted: their [`value_hash`]es (never 0) in an open-addressed
    /// table of [`VALUE_SLOTS`] (allocated on the first value, dropped once the verdicts are
    /// fixed).
    values: Vec<u32>,
    /// How many of `values` are taken.
    distinct: u32,
}

/// Slots of a [`Tally`]'s table of values: a power of two above [`SAMPLE`].
const VALUE_SLOTS: usize = 256;

impl Tally {
    /// Counts one value with its shape and valid bits and its [`value_hash`] (0 is taken
    /// for 1).
    pub fn add(&mut self, shape: u8, valid: u8, value: u32) {
        self.seen += 1;
        for i in 0..JUDGED.len() {
            self.shaped[i] += u32::from(shape >> i & 1);
            self.valid[i] += u32::from(valid >> i & 1);
        }
        if self.values.is_empty() {
            self.values = vec![0; VALUE_SLOTS];
        }
        // Linear probing from the hash's high bits (mixed: FxHash's low bits are weak). The
        // table keeps a free slot: at most SAMPLE values come before it is dropped, and any
        // past its room would not change a verdict.
        if self.distinct as usize == VALUE_SLOTS - 1 {
            return;
        }
        let value = value.max(1);
        let mut slot = (value.wrapping_mul(0x9e37_79b9) >> 24) as usize;
        loop {
            match self.values[slot] {
                0 => {
                    self.values[slot] = value;
                    self.distinct += 1;
                    return;
                }
                taken if taken == value => return,
                _ => slot = (slot + 1) % VALUE_SLOTS,
            }
        }
    }

    /// The different values counted.
    pub fn distinct(&self) -> u32 {
        self.distinct
    }

    /// Whether [`SAMPLE`] values are counted.
    pub fn full(&self) -> bool {
        self.seen >= SAMPLE
    }

    /// The verdicts, per judged type (the rules of the module doc).
    pub fn verdicts(&self) -> [Verdict; JUDGED.len()] {
        std::array::from_fn(|i| {
            let (valid, shaped) = (self.valid[i], self.shaped[i]);
            if JUDGED[i] == PiiType::PersonName {
                let vocabulary =
                    self.seen >= MIN_EVIDENCE && self.distinct() * VOCABULARY <= self.seen;
                if vocabulary {
                    Verdict::Chance
                } else {
                    Verdict::Value
                }
            } else if valid >= MIN_EVIDENCE && u64::from(valid) * 10 >= u64::from(self.seen) * 9 {
                Verdict::Column
            } else if shaped >= MIN_EVIDENCE && valid * 2 < shaped {
                Verdict::Chance
            } else {
                Verdict::Value
            }
        })
    }

    /// Fixes the verdicts and lets go of the values kept to count distinct ones.
    fn settle(&mut self) -> [Verdict; JUDGED.len()] {
        let verdicts = self.verdicts();
        self.values = Vec::new();
        verdicts
    }
}

/// What a held finding waits on: its field (index), judged type (index in [`JUDGED`]), and
/// whether it is tentative.
type Wait = (usize, usize, bool);

/// The merge's side of the judgement, for the input being merged: replays the marks and
/// findings of its chunks in input order, fixes verdicts, and holds findings in order until
/// the verdicts they wait for are fixed.
#[derive(Debug)]
pub struct Judge<F> {
    /// Field name → index in `fields` (looked up once per mark and per held finding, so a
    /// fast hash: names come from the scanned input, but a field is only tracked up to
    /// [`MAX_FIELDS`]).
    index: FxHashMap<Option<String>, usize>,
    fields: Vec<(Tally, Option<[Verdict; JUDGED.len()]>)>,
    /// Values of fields past [`MAX_FIELDS`], judged alone.
    pub other: u64,
    /// Findings in input order, each with what it waits on.
    held: VecDeque<(F, Option<Wait>)>,
}

impl<F> Default for Judge<F> {
    fn default() -> Self {
        Judge {
            index: FxHashMap::default(),
            fields: Vec::new(),
            other: 0,
            held: VecDeque::new(),
        }
    }
}

impl<F> Judge<F> {
    /// The index of the tracked field `name`, tracked from now on if there is room (`None`
    /// past [`MAX_FIELDS`]): what [`Judge::mark`] and [`Judge::hold`] take. The merge looks
    /// each field of a chunk up once, not once a mark.
    pub fn field(&mut self, name: &Option<String>) -> Option<usize> {
        if let Some(&i) = self.index.get(name) {
            return Some(i);
        }
        if self.fields.len() >= MAX_FIELDS {
            return None;
        }
        let i = self.fields.len();
        self.index.insert(name.clone(), i);
        self.fields.push(Default::default());
        Some(i)
    }

    /// One of the first [`SAMPLE`] values of a field in a chunk, with its shape and valid
    /// bits and its [`value_hash`]; `field` is the field's [`Judge::field`] (values past the
    /// field's sample are ignored, and values of an untracked field counted as `other`).
    pub fn mark(&mut self, field: Option<usize>, shape: u8, valid: u8, value: u32) {
        let Some(i) = field else {
            self.other += 1;
            return;
        };
        let (tally, verdict) = &mut self.fields[i];
        if verdict.is_none() {
            tally.add(shape, valid, value);
            if tally.full() {
                *verdict = Some(tally.settle());
            }
        }
    }

    /// A finding, in input order; `judged` gives its field ([`Judge::field`]), its judged
    /// type and whether it is tentative when a verdict may drop it. Writes (through `emit`)
    /// every finding whose fate is known, in order.
    pub fn hold<E>(
        &mut self,
        finding: F,
        judged: Option<(Option<usize>, PiiType, bool)>,
        emit: &mut impl FnMut(F) -> Result<(), E>,
    ) -> Result<(), E> {
        let tag = match judged {
            None => None,
            Some((field, ty, tentative)) => {
                let j = JUDGED.iter().position(|&t| t == ty);
                match (field, j) {
                    (Some(f), Some(j)) => Some((f, j, tentative)),
                    // Untracked: judged alone, where a tentative finding does not count.
                    _ if tentative => return Ok(()),
                    _ => None,
                }
            }
        };
        self.held.push_back((finding, tag));
        self.drain(emit)?;
        while self.held.len() > MAX_HELD {
            if let Some(&(_, Some((f, _, _)))) = self.held.front() {
                self.decide(f);
            }
            self.drain(emit)?;
        }
        Ok(())
    }

    /// Fixes the verdicts of field `f` on the values it has.
    fn decide(&mut self, f: usize) {
        let (tally, verdict) = &mut self.fields[f];
        verdict.get_or_insert_with(|| tally.settle());
    }

    /// Writes the held findings whose fate is known, up to the first that waits.
    fn drain<E>(&mut self, emit: &mut impl FnMut(F) -> Result<(), E>) -> Result<(), E> {
        while let Some((_, tag)) = self.held.front() {
            let keep = match *tag {
                None => true,
                Some((f, j, tentative)) => match self.fields[f].1 {
                    None => break,
                    Some(v) => v[j].keeps(tentative),
                },
            };
            let (finding, _) = self.held.pop_front().expect("a front");
            if keep {
                emit(finding)?;
            }
        }
        Ok(())
    }

    /// The input ended: fixes every verdict, writes what is held, and returns the
    /// verdicts by field name.
    pub fn finish<E>(
        mut self,
        emit: &mut impl FnMut(F) -> Result<(), E>,
    ) -> Result<HashMap<Option<String>, [Verdict; JUDGED.len()]>, E> {
        for f in 0..self.fields.len() {
            self.decide(f);
        }
        self.drain(emit)?;
        let fields = self.fields;
        Ok(self
            .index
            .into_iter()
            .map(|(name, i)| (name, fields[i].1.unwrap_or_default()))
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(shape_bits(b"4111 1111 1111 1111"), 1);
        assert_eq!(shape_bits(b" 234567890124 "), 2);
        assert_eq!(shape_bits(b"S1234567D"), 4);
        assert_eq!(shape_bits(b"card 4111111111111111"), 0);
        assert_eq!(shape_bits(b"12345"), 0);
    }

    proptest::proptest! {
        /// The early refusals agree with the rule written out plainly.
        #[test]
        fn shape_bits_matches_plain(v in proptest::collection::vec(
            proptest::prop_oneof![
                proptest::strategy::Just(b'4'), proptest::strategy::Just(b' '),
                proptest::strategy::Just(b'-'), proptest::strategy::Just(b'S'),
                proptest::strategy::Just(b'x'), b'0'..=b'9',
            ],
            0..28,
        )) {
            let t = v.trim_ascii();
            let digits = t.iter().filter(|b| b.is_ascii_digit()).count();
            let numeric = t.len() <= 23
                && t.first().is_some_and(u8::is_ascii_digit)
                && t.iter().all(|&b| b.is_ascii_digit() || b == b' ' || b == b'-');
            let nric = t.len() == 9
                && b"STFGMstfgm".contains(&t[0])
                && t[1..8].iter().all(u8::is_ascii_digit)
                && t[8].is_ascii_alphabetic();
            let plain = u8::from(numeric && (13..=19).contains(&digits))
                | u8::from(numeric && digits == 12) << 1
                | u8::from(nric) << 2;
            proptest::prop_assert_eq!(shape_bits(&v), plain);
        }
    }

    #[test]
    fn verdicts_follow_the_rule() {
        let mut cards = Tally::default();
        for i in 0..SAMPLE {
            cards.add(1, u8::from(i % 50 != 0), i);
        }
        assert_eq!(cards.verdicts()[0], Verdict::Column);
        let mut ids = Tally::default();
        for i in 0..SAMPLE {
            ids.add(2, u8::from(i % 10 == 0) << 1, i);
        }
        assert_eq!(ids.verdicts()[1], Verdict::Chance);
        let mut few = Tally::default();
        for i in 0..MIN_EVIDENCE - 1 {
            few.add(1, 0, i % 2);
        }
        assert_eq!(few.verdicts(), [Verdict::Value; JUDGED.len()]);
        assert!(Verdict::Column.keeps(true) && !Verdict::Value.keeps(true));
        assert!(Verdict::Value.keeps(false) && !Verdict::Chance.keeps(false));
    }

    /// A field that repeats a few words is a vocabulary, where one-word names are
    /// suppressed; a field as varied as names, or one with too few values, is not.
    #[test]
    fn vocabulary_rule() {
        let name = JUDGED
            .iter()
            .position(|&t| t == PiiType::PersonName)
            .unwrap();
        let verdict = |values: &[u32]| {
            let mut tally = Tally::default();
            for &v in values {
                tally.add(0, 0, v);
            }
            tally.verdicts()[name]
        };
        let colours: Vec<u32> = (0..SAMPLE).map(|i| i % 12 + 1).collect();
        assert_eq!(verdict(&colours), Verdict::Chance);
        // 40 distinct of 200: the most a vocabulary has.
        let edge: Vec<u32> = (0..SAMPLE).map(|i| i % (SAMPLE / VOCABULARY) + 1).collect();
        assert_eq!(verdict(&edge), Verdict::Chance);
        let first_names: Vec<u32> = (0..SAMPLE)
            .map(|i| i % (SAMPLE / VOCABULARY + 1) + 1)
            .collect();
        assert_eq!(verdict(&first_names), Verdict::Value);
        assert_eq!(verdict(&[7; MIN_EVIDENCE as usize - 1]), Verdict::Value);
        assert_eq!(verdict(&[7; MIN_EVIDENCE as usize]), Verdict::Chance);
    }

    /// Only one-word names without a supporting field name or keyword wait for a verdict;
    /// every whole value of a checksum type does.
    #[test]
    fn judged_bits() {
        let name = PiiType::PersonName;
        assert_eq!(
            judged_bit(name, Basis::SHAPE | Basis::DICTIONARY, b"Black"),
            bit(name)
        );
        assert_eq!(judged_bit(name, Basis::SHAPE, b"Asha Rao"), None);
        assert_eq!(judged_bit(name, Basis::FIELD, b"Asha"), None);
        assert_eq!(
            judged_bit(name, Basis::SHAPE | Basis::KEYWORD, b"Asha"),
            None
        );
        assert_eq!(
            judged_bit(PiiType::CardNumber, Basis::FIELD, b"4111 1111 1111 1111"),
            Some(1)
        );
        assert_eq!(judged_bit(PiiType::Email, Basis::SHAPE, b"a@b.in"), None);
        assert_eq!(value_hash(b" Red "), value_hash(b"Red"));
        assert_ne!(value_hash(b"Red"), value_hash(b"Blue"));
    }

    /// Past [`MAX_FIELDS`] fields, a field is not tracked: its values count as `other`, and
    /// its findings are judged alone (a tentative one is dropped).
    #[test]
    fn fields_past_the_limit_are_judged_alone() {
        let mut judge: Judge<u32> = Judge::default();
        for i in 0..MAX_FIELDS {
            assert_eq!(judge.field(&Some(format!("f{i}"))), Some(i));
        }
        assert_eq!(judge.field(&Some("f0".to_string())), Some(0));
        let late = judge.field(&Some("late".to_string()));
        assert_eq!(late, None);
        judge.mark(late, 1, 1, 0);
        assert_eq!(judge.other, 1);
        let mut out = Vec::new();
        let mut emit = |f: u32| -> Result<(), ()> {
            out.push(f);
            Ok(())
        };
        judge
            .hold(1, Some((late, PiiType::CardNumber, true)), &mut emit)
            .unwrap();
        judge
            .hold(2, Some((late, PiiType::CardNumber, false)), &mut emit)
            .unwrap();
        assert_eq!(out, [2]);
    }

    /// Findings wait for their field's verdict and come out in order.
    #[test]
    fn judge_holds_in_order() {
        let mut judge: Judge<u32> = Judge::default();
        let mut out = Vec::new();
        let mut emit = |f: u32| -> Result<(), ()> {
            out.push(f);
            Ok(())
        };
        let ids = Some("uid".to_string());
        let notes = Some("notes".to_string());
        let uid = judge.field(&ids);
        judge.mark(uid, 2, 2, 0);
        judge
            .hold(1, Some((uid, PiiType::Aadhaar, false)), &mut emit)
            .unwrap();
        let note = judge.field(&notes);
        judge.mark(note, 0, 0, 0);
        judge.hold(2, None, &mut emit).unwrap();
        judge
            .hold(3, Some((uid, PiiType::Aadhaar, true)), &mut emit)
            .unwrap();
        // The uid column: 1 valid value in 10, all 12-digit: chance.
        for i in 1..SAMPLE {
            judge.mark(uid, 2, u8::from(i % 10 == 0) << 1, i);
        }
        judge.hold(4, None, &mut emit).unwrap();
        let verdicts = judge.finish(&mut emit).unwrap();
        assert_eq!(out, [2, 4]);
        assert_eq!(verdicts[&ids][1], Verdict::Chance);
        assert_eq!(verdicts[&notes], [Verdict::Value; JUDGED.len()]);
    }
}
