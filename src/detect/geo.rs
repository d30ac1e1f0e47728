//! `geo_location`: a latitude and longitude in decimal degrees (`12.971599, 77.594566`,
//! `-33.8688,151.2093`), each with at least four decimals (about 10 m), latitude within ±90
//! and longitude within ±180. A weak shape — prices and measurements look alike — so it is
//! reported only where the field name (`gps`, `geo`, `coordinates`, `exif.GPSPosition`) or a
//! keyword before it (`lat`, `gps`, `location`) supports it. It runs after the one-pass
//! scan and never overlaps its hits.
//!
//! A record may also hold the two in separate fields (`lat`,`lng` columns, `location.lat` and
//! `location.lon` keys, `lat=… lng=…` in a log line): a value that is wholly one decimal in
//! range with at least four decimals ([`coordinate`]), in a field whose name is a latitude or
//! longitude word ([`Axis`], `latitude_field_names`/`longitude_field_names` of
//! `patterns/geo_location.toml`), is held by a [`Pairing`] until the other axis comes in the
//! same record; then both are reported, each its own field's span. A record that ends with
//! one alone reports nothing.

use super::contextual::{field_or_keyword, free, support};
use super::{Detector, Hit};
use crate::format::FieldHint;
use crate::types::{Basis, PiiType};
use regex::bytes::Regex;
use std::sync::OnceLock;

/// Two signed decimals with 4 to 10 decimals, a comma (and spaces) or a space between.
const PAIR: &str = r"(?-u)-?[0-9]{1,3}\.[0-9]{4,10}(?:, ?| )-?[0-9]{1,3}\.[0-9]{4,10}";

/// [`PAIR`] anchored at the start of the text it is given.
fn pair_at_start() -> &'static Regex {
    static AT_START: OnceLock<Regex> = OnceLock::new();
    AT_START.get_or_init(|| Regex::new(&format!("^{PAIR}")).expect("a valid regex"))
}

/// Calls `each(start, end)` for the matches of [`PAIR`] in `value`, exactly those
/// `find_iter` gives (leftmost, not overlapping). A match starts at most four bytes before
/// its first `.`, so the search goes from dot to dot with `memchr` and tries the anchored
/// pattern at the earliest start each dot allows. The regex's own search stopped at every
/// space (its inner literal): in a long text, one line of a dump, that cost a seventh of the
/// whole scan.
fn for_each_pair(value: &[u8], mut each: impl FnMut(usize, usize)) {
    // Where the next match may start, and where the next dot is looked for.
    let (mut floor, mut from) = (0, 0);
    while let Some(k) = memchr::memchr(b'.', &value[from..]) {
        let dot = from + k;
        from = dot + 1;
        let digits = value[floor..dot]
            .iter()
            .rev()
            .take(3)
            .take_while(|b| b.is_ascii_digit())
            .count();
        if digits == 0 {
            continue;
        }
        let mut start = dot - digits;
        if start > floor && value[start - 1] == b'-' {
            start -= 1;
        }
        if let Some(m) = pair_at_start().find(&value[start..]) {
            each(start, start + m.end());
            floor = start + m.end();
            from = floor;
        }
    }
}

/// Appends the positions in `value` to `out`; `out[first..]` holds the value's hits so far,
/// `keyed` the gated types with a keyword somewhere in the value.
///
/// Inlined: values with no position field or keyword are passed over here, without a call.
#[inline]
pub(super) fn detect(
    det: &Detector,
    value: &[u8],
    hint: FieldHint,
    keyed: u32,
    out: &mut Vec<Hit>,
    first: usize,
) {
    let ty = PiiType::GeoLocation;
    if det.enabled(ty) && field_or_keyword(hint, keyed, ty) && value.contains(&b'.') {
        pairs(det, value, hint, out, first);
    }
}

/// The positions of `value`, which has a position field or keyword and a dot.
fn pairs(det: &Detector, value: &[u8], hint: FieldHint, out: &mut Vec<Hit>, first: usize) {
    let ty = PiiType::GeoLocation;
    for_each_pair(value, |start, end| {
        // Part of a longer run of digits, dots or signs: a version, an IP, a range.
        let glued = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_digit() || *b == b'.');
        if glued(start.checked_sub(1).and_then(|i| value.get(i))) || glued(value.get(end)) {
            return;
        }
        if !in_range(&value[start..end]) {
            return;
        }
        let Some(basis) = support(det, value, hint, ty, start) else {
            return;
        };
        if !free(&out[first..], start, end) {
            return;
        }
        out.push(Hit {
            start,
            end,
            ty,
            basis: basis | Basis::SHAPE,
        });
    });
}

/// Whether the pair's latitude lies within ±90 and its longitude within ±180.
fn in_range(pair: &[u8]) -> bool {
    let text = String::from_utf8_lossy(pair);
    let mut parts = text.split([',', ' ']).filter(|p| !p.is_empty());
    let number = |p: Option<&str>| p.and_then(|p| p.parse::<f64>().ok());
    match (number(parts.next()), number(parts.next())) {
        (Some(lat), Some(lon)) => lat.abs() <= 90.0 && lon.abs() <= 180.0,
        _ => false,
    }
}

/// Which coordinate a field holds, by its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Axis {
    /// `lat`, `latitude`: within ±90.
    Latitude,
    /// `lng`, `lon`, `longitude`: within ±180.
    Longitude,
}

/// The span of `value` that is one coordinate of `axis`: the whole value but for spaces
/// around it, a decimal (`-12.971599`, `+77.5946`) with 1 to 3 digits before the point and 4
/// to 10 after it, within range. Fewer decimals (`12.97`, `12`) locate no one; a price, a
/// version (`1.2.3`) or an amount in a latitude field is no coordinate.
pub fn coordinate(value: &[u8], axis: Axis) -> Option<(usize, usize)> {
    let start = value.iter().position(|b| !b.is_ascii_whitespace())?;
    let end = value.iter().rposition(|b| !b.is_ascii_whitespace())? + 1;
    let number = &value[start..end];
    let unsigned = match number.first() {
        Some(b'-' | b'+') => &number[1..],
        _ => number,
    };
    let point = unsigned.iter().position(|&b| b == b'.')?;
    let (int, frac) = (&unsigned[..point], &unsigned[point + 1..]);
    let digits = |d: &[u8]| d.iter().all(u8::is_ascii_digit);
    if !(1..=3).contains(&int.len()) || !(4..=10).contains(&frac.len()) {
        return None;
    }
    if !digits(int) || !digits(frac) {
        return None;
    }
    let degrees: f64 = std::str::from_utf8(unsigned).ok()?.parse().ok()?;
    let limit = match axis {
        Axis::Latitude => 90.0,
        Axis::Longitude => 180.0,
    };
    (degrees <= limit).then_some((start, end))
}

/// Pairs the latitude and longitude of one record, whatever else comes between them.
///
/// A coordinate is [`Pairing::offer`]ed with what its finding needs (`T`); it is held until
/// one of the other axis comes, and both are then handed back. One of the same axis replaces
/// a held one (`pickup.lat`, `pickup.lng`, `drop.lat`, `drop.lng` are two pairs);
/// [`Pairing::end_record`] drops an unpaired one.
#[derive(Debug)]
pub struct Pairing<T> {
    held: Option<(Axis, T)>,
}

impl<T> Default for Pairing<T> {
    fn default() -> Self {
        Pairing { held: None }
    }
}

impl<T> Pairing<T> {
    /// Offers a coordinate of `axis`: returns the pair it completes, latitude first, or holds
    /// it.
    pub fn offer(&mut self, axis: Axis, coordinate: T) -> Option<(T, T)> {
        match self.held.take() {
            Some((Axis::Latitude, latitude)) if axis == Axis::Longitude => {
                Some((latitude, coordinate))
            }
            Some((Axis::Longitude, longitude)) if axis == Axis::Latitude => {
                Some((coordinate, longitude))
            }
            _ => {
                self.held = Some((axis, coordinate));
                None
            }
        }
    }

    /// The record ended: a coordinate without its pair locates no one.
    pub fn end_record(&mut self) {
        self.held = None;
    }
}

/// The normal form of a pair given as separate `latitude` and `longitude`, into `out`: the
/// same `lat,lon` with six decimals as a pair written in one value, so one position counts
/// once as distinct however it was written.
pub fn normalize_pair(latitude: &[u8], longitude: &[u8], out: &mut Vec<u8>) {
    let mut pair = Vec::with_capacity(latitude.len() + longitude.len() + 1);
    pair.extend_from_slice(latitude);
    pair.push(b',');
    pair.extend_from_slice(longitude);
    out.clear();
    super::normalize::normalize(PiiType::GeoLocation, &pair, crate::types::Region::IN, out);
}

#[cfg(test)]
mod tests {
    use super::{coordinate, for_each_pair, normalize_pair, Axis, Pairing, PAIR};
    use crate::detect::tests::types;
    use crate::detect::Detector;
    use crate::types::PiiType;
    use proptest::prelude::*;

    fn geo(det: &Detector, field: Option<&str>, value: &str) -> Vec<String> {
        let hint = field
            .map(|f| det.field_hint(f.as_bytes()))
            .unwrap_or_default();
        let mut hits = Vec::new();
        det.detect(value.as_bytes(), hint, &mut hits);
        hits.iter()
            .filter(|h| h.ty == PiiType::GeoLocation)
            .map(|h| value[h.start..h.end].to_string())
            .collect()
    }

    #[test]
    fn positions_need_a_field_or_a_keyword() {
        let det = Detector::builtin().unwrap();
        let pos = "12.971599, 77.594566";
        assert_eq!(geo(&det, Some("exif.GPSPosition"), pos), [pos]);
        assert_eq!(
            geo(&det, Some("geo"), "-33.856784,151.215297"),
            ["-33.856784,151.215297"]
        );
        assert_eq!(geo(&det, None, "lat 12.971599, 77.594566"), [pos]);
        assert!(geo(&det, None, pos).is_empty());
        assert!(geo(&det, Some("order_total"), pos).is_empty());
        // Out of range, too coarse, or part of a longer dotted run.
        assert!(geo(&det, Some("gps"), "91.000000, 77.594566").is_empty());
        assert!(geo(&det, Some("gps"), "12.97, 77.59").is_empty());
        assert!(geo(&det, Some("gps"), "1.12345.6789 2.12345").is_empty());
        // Free text keeps other types as they were.
        assert!(types(&det, "gps 12.971599, 77.594566 call +91 98765 43210")
            .iter()
            .any(|(_, ty)| *ty == PiiType::Phone));
    }

    #[test]
    fn positions_normalise_to_six_decimals() {
        let mut out = Vec::new();
        let region = crate::types::Region::IN;
        crate::detect::normalize::normalize(
            PiiType::GeoLocation,
            b"12.9716, 77.5946",
            region,
            &mut out,
        );
        assert_eq!(out, b"12.971600,77.594600");
        crate::detect::normalize::normalize(
            PiiType::GeoLocation,
            b"12.971600 77.5946",
            region,
            &mut out,
        );
        assert_eq!(out, b"12.971600,77.594600");
    }

    #[test]
    fn a_coordinate_is_one_decimal_in_range_with_four_decimals() {
        let lat = |v: &str| coordinate(v.as_bytes(), Axis::Latitude);
        let lon = |v: &str| coordinate(v.as_bytes(), Axis::Longitude);
        assert_eq!(lat("12.971599"), Some((0, 9)));
        assert_eq!(lat(" -33.8688 "), Some((1, 9)));
        assert_eq!(lon("+151.2093"), Some((0, 9)));
        assert_eq!(lat("-90.0000"), Some((0, 8)));
        // Beyond the axis' range: a longitude is no latitude.
        assert_eq!(lat("151.2093"), None);
        assert_eq!(lon("181.0000"), None);
        // Too coarse, an integer, a version, an amount, other text.
        for v in [
            "12.97",
            "12.971",
            "12",
            "1.2.3456",
            "1234.5678",
            "12.971599 77.5",
            "12,9716",
            "N12.9716",
            "12.9716e3",
            "-",
            ".9716",
            "12.",
            "",
        ] {
            assert_eq!(lat(v), None, "{v}");
        }
        assert_eq!(lat("12.12345678901"), None);
    }

    #[test]
    fn pairing_holds_one_axis_until_the_other() {
        let mut p = Pairing::default();
        assert_eq!(p.offer(Axis::Latitude, 1), None);
        assert_eq!(p.offer(Axis::Longitude, 2), Some((1, 2)));
        // Longitude first works too; a second longitude replaces the first.
        assert_eq!(p.offer(Axis::Longitude, 3), None);
        assert_eq!(p.offer(Axis::Longitude, 4), None);
        assert_eq!(p.offer(Axis::Latitude, 5), Some((5, 4)));
        // A record's end drops what is held.
        assert_eq!(p.offer(Axis::Latitude, 6), None);
        p.end_record();
        assert_eq!(p.offer(Axis::Longitude, 7), None);
    }

    #[test]
    fn a_pair_in_two_fields_normalises_like_one_value() {
        let mut out = Vec::new();
        normalize_pair(b"12.9716", b"77.5946", &mut out);
        assert_eq!(out, b"12.971600,77.594600");
    }

    proptest! {
        /// The dot-to-dot search finds exactly the matches of the pattern's `find_iter`.
        #[test]
        fn pairs_are_those_of_find_iter(
            v in proptest::collection::vec(
                prop_oneof![
                    4 => b'0'..=b'9',
                    2 => Just(b'.'),
                    1 => Just(b'-'),
                    1 => Just(b','),
                    2 => Just(b' '),
                    1 => Just(b'x'),
                ],
                0..80,
            ),
        ) {
            let regex = regex::bytes::Regex::new(PAIR).expect("a valid regex");
            let want: Vec<(usize, usize)> =
                regex.find_iter(&v).map(|m| (m.start(), m.end())).collect();
            let mut got = Vec::new();
            for_each_pair(&v, |start, end| got.push((start, end)));
            prop_assert_eq!(got, want);
        }
    }
}
