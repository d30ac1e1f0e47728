//! Number-plan plausibility: whether a phone-shaped value falls in a range its country's
//! numbering plan allocates, beside the rate random digits of the same written shape reach.
//! Real customers' numbers are issued from allocated ranges; a fabricator who types or draws
//! digits lands in them at chance.
//!
//! The plans, and where they come from:
//!
//! - **India** (+91, 10-digit national numbers; DoT, *National Numbering Plan 2003*): mobiles
//!   start 6–9; fixed lines are an SDCA (trunk) code of 2–4 digits starting 1–8 followed by a
//!   subscriber number whose first digit names the access provider (2 for BSNL/MTNL, 3–6 for
//!   the private operators). A fixed line is recognised where its subscriber number can be
//!   found: when it is written as one, the SDCA code set apart (`011-2345 6789`, `+91 22 2345
//!   6789`), or when it starts with one of the six two-digit metro codes 11, 20, 22, 33, 40, 44
//!   (79 and 80 lead with mobile digits anyway). Other fixed lines written as one run of digits
//!   (`+914842345678`) count as out of plan: without the table of some 2,500 SDCA codes their
//!   subscriber number cannot be found, so a phone column is read against the mobile plan.
//! - **Singapore** (+65, 8 digits; IMDA, *National Numbering Plan*): 3 (VoIP), 6 (fixed),
//!   8 and 9 (mobile).
//! - **NANP** (+1, 10 digits; NANPA, *North American Numbering Plan*): `NXX-NXX-XXXX`, area code
//!   and exchange start 2–9 and are not N11 service codes; 555-0100 to 555-0199 are reserved
//!   for fiction (NANPA, "555 line numbers").
//! - **United Kingdom** (+44, 9 or 10 digits after the trunk 0; Ofcom, *National Telephone
//!   Numbering Plan*): 01 and 02 geographic, 03 non-geographic, 055 and 056 corporate and VoIP,
//!   071–079 mobile (the brief's 07[1-9]; 070 is personal numbering), 080, 084 and 087
//!   freephone and special services, 09 premium rate; 9-digit national numbers only in some
//!   01 areas and 0800. Ofcom's drama ranges (020 7946 0xxx, 07700 900xxx) are out of plan.
//!
//! Other countries have no plan here, and their numbers are not counted.

use crate::detect::validate::phone;
use crate::types::Region;
use rand::{Rng, SeedableRng};

/// A numbering plan this module knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Plan {
    /// India, +91.
    India,
    /// Singapore, +65.
    Singapore,
    /// The North American Numbering Plan, +1.
    Nanp,
    /// The United Kingdom, +44.
    Uk,
}

/// The written shape of a phone-shaped value: its plan, the length of its national number and,
/// for Indian fixed lines, where the SDCA code was set apart. Random digits of one shape reach
/// the plan at [`chance`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Shape {
    /// The plan.
    pub plan: Plan,
    /// Digits of the national significant number (no country code, no trunk 0).
    pub len: u8,
    /// Indian numbers written with a separator after the first 2–4 national digits: that count.
    pub split: Option<u8>,
}

/// Most digits of a national significant number read here.
const MAX_NSN: usize = 10;

/// Reads `value` as a phone number of one of the [`Plan`]s: written with `+` or `00` and a
/// country code, or nationally under `region` (with or without the trunk 0 or country code).
/// Returns its shape and national significant number (ASCII digits, in `nsn`), or `None` when
/// it is no phone of a known plan's length (letters, other countries, wrong lengths).
///
/// ```
/// use leakscan::verify::plan::{read, Plan};
/// use leakscan::types::Region;
/// let mut nsn = [0u8; 10];
/// let (shape, n) = read(b"+91 98765 43210", Region::IN, &mut nsn).unwrap();
/// assert_eq!((shape.plan, &nsn[..n]), (Plan::India, &b"9876543210"[..]));
/// let (shape, _) = read(b"011-2345 6789", Region::IN, &mut nsn).unwrap();
/// assert_eq!(shape.split, Some(2));
/// assert!(read(b"+33 1 23 45 67 89", Region::IN, &mut nsn).is_none());
/// assert!(read(b"flat 9876543210", Region::IN, &mut nsn).is_none());
/// ```
pub fn read(value: &[u8], region: Region, nsn: &mut [u8; MAX_NSN]) -> Option<(Shape, usize)> {
    let v = value.trim_ascii();
    if v.len() > 24 || !matches!(v.first(), Some(b'+' | b'(' | b'0'..=b'9')) {
        return None;
    }
    // The digits, and after how many digits each separator run comes.
    let mut digits = [0u8; 16];
    let mut n = 0;
    let mut breaks = [0u8; 8];
    let mut nbreaks = 0;
    for &b in v {
        match b {
            b'0'..=b'9' => {
                if n == digits.len() {
                    return None;
                }
                digits[n] = b;
                n += 1;
            }
            b' ' | b'-' | b'.' | b'(' | b')' | b'/' | b'+' => {
                if n > 0 && nbreaks < breaks.len() && breaks[..nbreaks].last() != Some(&(n as u8)) {
                    breaks[nbreaks] = n as u8;
                    nbreaks += 1;
                }
            }
            _ => return None,
        }
    }
    let d = &digits[..n];
    let plus = phone::written_international(v);
    let (plan, skip) = if plus || d.starts_with(b"00") {
        let rest = if plus { 0 } else { 2 };
        let (plan, cc) = by_code(&d[rest..])?;
        let mut skip = rest + cc;
        // `+44 (0)20 ...`: the trunk 0 written after the country code.
        if plan == Plan::Uk && d.get(skip) == Some(&b'0') {
            skip += 1;
        }
        (plan, skip)
    } else {
        national(d, region)?
    };
    let national = &d[skip..];
    let ok_len = match plan {
        Plan::India | Plan::Nanp => national.len() == 10,
        Plan::Singapore => national.len() == 8,
        Plan::Uk => matches!(national.len(), 9 | 10),
    };
    if !ok_len {
        return None;
    }
    let split = (plan == Plan::India)
        .then(|| {
            breaks[..nbreaks]
                .iter()
                .map(|&b| usize::from(b))
                .find(|&b| b > skip)
                .map(|b| b - skip)
                .filter(|k| (2..=4).contains(k))
        })
        .flatten();
    nsn[..national.len()].copy_from_slice(national);
    Some((
        Shape {
            plan,
            len: national.len() as u8,
            split: split.map(|k| k as u8),
        },
        national.len(),
    ))
}

/// The plan of the country code `digits` start with, and the code's length.
fn by_code(digits: &[u8]) -> Option<(Plan, usize)> {
    match digits {
        [b'1', ..] => Some((Plan::Nanp, 1)),
        [b'9', b'1', ..] => Some((Plan::India, 2)),
        [b'6', b'5', ..] => Some((Plan::Singapore, 2)),
        [b'4', b'4', ..] => Some((Plan::Uk, 2)),
        _ => None,
    }
}

/// The plan of digits written without `+` under `region`, and how many leading digits (a
/// trunk 0 or a country code) to skip.
fn national(d: &[u8], region: Region) -> Option<(Plan, usize)> {
    let (plan, len, code): (Plan, &[usize], &[u8]) = match &region.0 {
        b"IN" => (Plan::India, &[10], b"91"),
        b"SG" => (Plan::Singapore, &[8], b"65"),
        b"US" | b"CA" => (Plan::Nanp, &[10], b"1"),
        b"GB" => (Plan::Uk, &[9, 10], b"44"),
        _ => return None,
    };
    let fits = |skip: usize| d.len() > skip && len.contains(&(d.len() - skip));
    if fits(0) && plan != Plan::Uk {
        Some((plan, 0))
    } else if d.starts_with(code) && fits(code.len()) {
        Some((plan, code.len()))
    } else if d.first() == Some(&b'0') && fits(1) && matches!(plan, Plan::India | Plan::Uk) {
        Some((plan, 1))
    } else {
        None
    }
}

/// Whether the national significant number `nsn` of a `shape` value is in an allocated range
/// of its plan (see the module's sources).
///
/// ```
/// use leakscan::verify::plan::{in_plan, Plan, Shape};
/// let india = Shape { plan: Plan::India, len: 10, split: None };
/// assert!(in_plan(india, b"9876543210"));
/// assert!(!in_plan(india, b"1234567890"));
/// let nanp = Shape { plan: Plan::Nanp, len: 10, split: None };
/// assert!(in_plan(nanp, b"2125551234"));
/// assert!(!in_plan(nanp, b"2125550123")); // 555-01xx: fiction
/// assert!(!in_plan(nanp, b"4115551234")); // N11 area code
/// ```
pub fn in_plan(shape: Shape, nsn: &[u8]) -> bool {
    let at = |i: usize| nsn.get(i).map_or(0, |&b| b.wrapping_sub(b'0'));
    if nsn.len() != usize::from(shape.len) {
        return false;
    }
    match shape.plan {
        Plan::India => {
            let sdca = shape.split.map(usize::from).or_else(|| {
                METROS
                    .iter()
                    .any(|m| nsn.starts_with(m.as_bytes()))
                    .then_some(2)
            });
            matches!(at(0), 6..=9)
                || sdca.is_some_and(|k| matches!(at(0), 1..=8) && matches!(at(k), 2..=6))
        }
        Plan::Singapore => matches!(at(0), 3 | 6 | 8 | 9),
        Plan::Nanp => {
            let nxx = |i: usize| matches!(at(i), 2..=9) && !(at(i + 1) == 1 && at(i + 2) == 1);
            nxx(0) && nxx(3) && !(nsn[3..6] == *b"555" && nsn[6..8] == *b"01")
        }
        Plan::Uk => {
            if nsn.starts_with(b"207946") && at(6) == 0 || nsn.starts_with(b"7700900") {
                return false;
            }
            if nsn.len() == 9 {
                return at(0) == 1 || nsn.starts_with(b"800");
            }
            match at(0) {
                1 | 2 | 3 | 9 => true,
                5 => matches!(at(1), 5 | 6),
                7 => at(1) != 0,
                8 => matches!(at(1), 0 | 4 | 7),
                _ => false,
            }
        }
    }
}

/// India's two-digit SDCA codes that do not lead with a mobile digit (Delhi, Pune, Mumbai,
/// Kolkata, Hyderabad, Chennai).
const METROS: [&str; 6] = ["11", "20", "22", "33", "40", "44"];

/// Random values drawn per shape to measure [`chance`].
const DRAWS: u32 = 100_000;

/// The share of random national numbers of `shape` (every digit uniform) that [`in_plan`]
/// accepts, measured over [`DRAWS`] draws of a fixed seed (so reports are reproducible;
/// within ±0.005 of the exact rate).
///
/// ```
/// use leakscan::verify::plan::{chance, Plan, Shape};
/// let sg = chance(Shape { plan: Plan::Singapore, len: 8, split: None });
/// assert!((sg - 0.4).abs() < 0.01, "{sg}");
/// ```
pub fn chance(shape: Shape) -> f64 {
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(0x706c_616e);
    let mut nsn = [0u8; MAX_NSN];
    let n = usize::from(shape.len).min(MAX_NSN);
    let mut hits = 0u32;
    for _ in 0..DRAWS {
        for d in &mut nsn[..n] {
            *d = b'0' + rng.random_range(0..10u8);
        }
        hits += u32::from(in_plan(shape, &nsn[..n]));
    }
    f64::from(hits) / f64::from(DRAWS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape_of(v: &str, region: Region) -> Option<(Shape, String)> {
        let mut nsn = [0u8; MAX_NSN];
        read(v.as_bytes(), region, &mut nsn)
            .map(|(s, n)| (s, String::from_utf8_lossy(&nsn[..n]).into_owned()))
    }

    #[test]
    fn reads_the_ways_numbers_are_written() {
        let us = Region(*b"US");
        let gb = Region(*b"GB");
        let sg = Region(*b"SG");
        for (v, region, plan, nsn) in [
            ("+91 98765 43210", Region::IN, Plan::India, "9876543210"),
            ("919876543210", Region::IN, Plan::India, "9876543210"),
            ("09876543210", Region::IN, Plan::India, "9876543210"),
            ("0091 98765-43210", Region::IN, Plan::India, "9876543210"),
            ("9876543210", Region::IN, Plan::India, "9876543210"),
            ("+65 9123 4567", Region::IN, Plan::Singapore, "91234567"),
            ("91234567", sg, Plan::Singapore, "91234567"),
            ("+1 (212) 555-0123", Region::IN, Plan::Nanp, "2125550123"),
            ("(212) 555-1234", us, Plan::Nanp, "2125551234"),
            ("+44 (0)20 7946 0123", Region::IN, Plan::Uk, "2079460123"),
            ("07700 900123", gb, Plan::Uk, "7700900123"),
        ] {
            let (s, n) = shape_of(v, region).unwrap_or_else(|| panic!("{v}"));
            assert_eq!((s.plan, n.as_str()), (plan, nsn), "{v}");
        }
        for v in ["+91 98765", "98765 4321x", "+49 30 1234567", "12345678", ""] {
            assert!(shape_of(v, Region::IN).is_none(), "{v}");
        }
        assert_eq!(
            shape_of("+91-22-2345-6789", Region::IN).unwrap().0.split,
            Some(2)
        );
        assert_eq!(shape_of("98765 43210", Region::IN).unwrap().0.split, None);
    }

    #[test]
    fn allocated_ranges() {
        let india = |split| Shape {
            plan: Plan::India,
            len: 10,
            split,
        };
        assert!(in_plan(india(Some(2)), b"1123456789"));
        assert!(!in_plan(india(Some(2)), b"1193456789"));
        assert!(in_plan(india(None), b"1123456789"));
        assert!(!in_plan(india(None), b"1193456789"));
        assert!(!in_plan(india(None), b"4842345678"));
        assert!(!in_plan(india(None), b"0987654321"));
        let sg = Shape {
            plan: Plan::Singapore,
            len: 8,
            split: None,
        };
        assert!(in_plan(sg, b"61234567") && in_plan(sg, b"81234567"));
        assert!(!in_plan(sg, b"51234567") && !in_plan(sg, b"11234567"));
        let uk = Shape {
            plan: Plan::Uk,
            len: 10,
            split: None,
        };
        assert!(in_plan(uk, b"7911123456") && in_plan(uk, b"2071234567"));
        assert!(!in_plan(uk, b"7700900123") && !in_plan(uk, b"2079460123"));
        assert!(!in_plan(uk, b"4123456789") && !in_plan(uk, b"7012345678"));
        let nanp = Shape {
            plan: Plan::Nanp,
            len: 10,
            split: None,
        };
        assert!(!in_plan(nanp, b"2121551234") && !in_plan(nanp, b"1125551234"));
    }

    #[test]
    fn chance_rates_agree_with_counting() {
        let near = |s: Shape, exact: f64| {
            let c = chance(s);
            assert!((c - exact).abs() < 0.005, "{s:?}: {c} vs {exact}");
        };
        let shape = |plan, len, split| Shape { plan, len, split };
        // India: 4 of 10 first digits; the six metro codes (6 of 100) times 5 of 10 subscriber
        // digits (2-6); written as a fixed line, 5 of 10 (1-5) times 5 of 10 subscriber digits.
        near(shape(Plan::India, 10, None), 0.4 + 0.06 * 0.5);
        near(shape(Plan::India, 10, Some(3)), 0.4 + 0.5 * 0.5);
        // NANP: (8/10 × 99/100)² for area and exchange; the fiction range is negligible.
        near(shape(Plan::Nanp, 10, None), (0.8f64 * 0.99).powi(2));
        // UK: 1, 2, 3, 9 + 55, 56 + 71-79 + 80, 84, 87.
        near(shape(Plan::Uk, 10, None), 0.4 + 0.02 + 0.09 + 0.03);
    }
}
