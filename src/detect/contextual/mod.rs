//! The types that need context rather than a checksum: person names, postal addresses, dates
//! of birth, passports and clear-text passwords (issue 4). They run after the one-pass
//! anchor scan of a value, see its hits, and never overlap them.

pub(crate) mod dob;
mod passport;
mod password;

use super::{Detector, Hit};
use crate::format::FieldHint;

/// Appends the context-dependent findings of `value` to `out`; `out[first..]` holds the
/// value's hits so far (in no particular order).
pub(super) fn detect(
    det: &Detector,
    value: &[u8],
    hint: FieldHint,
    out: &mut Vec<Hit>,
    first: usize,
) {
    dob::detect(det, value, hint, out, first);
    passport::detect(det, value, hint, out, first);
    password::detect(det, value, hint, out, first);
}

/// Whether `start..end` overlaps none of `hits`.
fn free(hits: &[Hit], start: usize, end: usize) -> bool {
    hits.iter().all(|h| h.end <= start || end <= h.start)
}

/// `value` without leading and trailing ASCII white space, as a range.
fn trimmed(value: &[u8]) -> (usize, usize) {
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
