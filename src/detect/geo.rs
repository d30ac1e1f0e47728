//! `geo_location`: a latitude and longitude in decimal degrees (`12.971599, 77.594566`,
//! `-33.8688,151.2093`), each with at least four decimals (about 10 m), latitude within ±90
//! and longitude within ±180. A weak shape — prices and measurements look alike — so it is
//! reported only where the field name (`gps`, `geo`, `coordinates`, `exif.GPSPosition`) or a
//! keyword before it (`lat`, `gps`, `location`) supports it. It runs after the one-pass
//! scan and never overlaps its hits.

use super::contextual::{field_or_keyword, free, support};
use super::{Detector, Hit};
use crate::format::FieldHint;
use crate::types::{Basis, PiiType};
use regex::bytes::Regex;
use std::sync::OnceLock;

/// Two signed decimals with 4 to 10 decimals, a comma (and spaces) or a space between.
fn pair() -> &'static Regex {
    static PAIR: OnceLock<Regex> = OnceLock::new();
    PAIR.get_or_init(|| {
        Regex::new(r"(?-u)-?[0-9]{1,3}\.[0-9]{4,10}(?:, ?| )-?[0-9]{1,3}\.[0-9]{4,10}")
            .expect("a valid regex")
    })
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
    for m in pair().find_iter(value) {
        let (start, end) = (m.start(), m.end());
        // Part of a longer run of digits, dots or signs: a version, an IP, a range.
        let glued = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_digit() || *b == b'.');
        if glued(start.checked_sub(1).and_then(|i| value.get(i))) || glued(value.get(end)) {
            continue;
        }
        if !in_range(m.as_bytes()) {
            continue;
        }
        let Some(basis) = support(det, value, hint, ty, start) else {
            continue;
        };
        if !free(&out[first..], start, end) {
            continue;
        }
        out.push(Hit {
            start,
            end,
            ty,
            basis: basis | Basis::SHAPE,
        });
    }
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

#[cfg(test)]
mod tests {
    use crate::detect::tests::types;
    use crate::detect::Detector;
    use crate::types::PiiType;

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
}
