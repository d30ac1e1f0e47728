//! Passport numbers: the shapes of Indian (`[A-PR-WY][1-9]\d{6}`), Singaporean
//! (`[EKS]\d{7}[A-Z]`), US (9 digits, or a letter and 8 digits), UK (9 digits) and other
//! common passports (one or two letters and 6-8 digits, French `\d{2}[A-Z]{2}\d{5}`), only in a
//! field whose name says passport or shortly after a passport keyword: a bare `A1234567`
//! elsewhere is an order, a ticket or a part number as often as a passport. A valid NRIC/FIN
//! stays an `sg_nric` unless the field says passport.
//!
//! Anywhere: the second line of a passport's machine-readable zone (ICAO TD3, 44 characters,
//! every check digit valid, see [`crate::detect::validate::mrz`]); its finding is the
//! document number inside it.

use super::{field_or_keyword, free, support};
use crate::detect::validate::mrz;
use crate::detect::{Detector, Hit};
use crate::format::FieldHint;
use crate::types::{Basis, PiiType};

/// Whether `w` (an alphanumeric word, upper case) has the shape of a passport number.
fn shape(w: &[u8]) -> bool {
    let letters = w.iter().take_while(|b| b.is_ascii_uppercase()).count();
    let digits = w[letters..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let rest = &w[letters + digits..];
    let digit_part = &w[letters..letters + digits];
    if digit_part.windows(2).all(|p| p[0] == p[1]) {
        return false; // 000000000, A0000000: placeholders
    }
    match (letters, digits, rest) {
        // India: no Q, X or Z series, no leading zero.
        (1, 7, []) => !b"QXZ".contains(&w[0]) && w[1] != b'0',
        // US and UK (9 digits), US next generation (a letter and 8 digits), China, Malaysia.
        (0, 9, []) | (1, 8, []) => true,
        // Two letters: Canada (6 digits), Australia, Philippines and others (7).
        (2, 6..=7, []) => true,
        // Singapore and other letter-digits-letter forms.
        (1, 7, [l]) => l.is_ascii_uppercase(),
        // France: 2 digits, 2 letters, 5 digits.
        (0, 2, [a, b, tail @ ..]) => {
            a.is_ascii_uppercase()
                && b.is_ascii_uppercase()
                && tail.len() == 5
                && tail.iter().all(u8::is_ascii_digit)
        }
        _ => false,
    }
}

/// The document numbers of the TD3 second lines in `v`.
fn mrz_numbers(v: &[u8], out: &mut Vec<Hit>, first: usize) {
    if v.len() < mrz::TD3_LEN || memchr::memchr(b'<', v).is_none() {
        return;
    }
    let mut i = 0;
    while i < v.len() {
        if !mrz::is_mrz_char(v[i]) {
            i += 1;
            continue;
        }
        let len = v[i..].iter().take_while(|&&c| mrz::is_mrz_char(c)).count();
        let clean_start = i == 0 || !v[i - 1].is_ascii_alphanumeric();
        if clean_start && len >= mrz::TD3_LEN && len % mrz::TD3_LEN == 0 {
            for line in (i..i + len).step_by(mrz::TD3_LEN) {
                if let Some(n) = mrz::td3_line2(&v[line..line + mrz::TD3_LEN]) {
                    if free(&out[first..], line, line + n) {
                        out.push(Hit {
                            start: line,
                            end: line + n,
                            ty: PiiType::Passport,
                            basis: Basis::CHECKSUM,
                        });
                    }
                }
            }
        }
        i += len;
    }
}

/// Appends the passport numbers in `v`.
///
/// Inlined: most values are too short for a machine-readable zone and have no passport
/// field or keyword, and are passed over here, without a call.
#[inline]
pub(super) fn detect(
    det: &Detector,
    v: &[u8],
    hint: FieldHint,
    keyed: u32,
    out: &mut Vec<Hit>,
    first: usize,
) {
    if !det.enabled(PiiType::Passport) {
        return;
    }
    if v.len() >= mrz::TD3_LEN {
        mrz_numbers(v, out, first);
    }
    // Outside a passport field a keyword must stand before the number.
    if field_or_keyword(hint, keyed, PiiType::Passport) {
        numbers(det, v, hint, out, first);
    }
}

/// The passport numbers of `v`, a value with a passport field or keyword.
fn numbers(det: &Detector, v: &[u8], hint: FieldHint, out: &mut Vec<Hit>, first: usize) {
    let field = hint.supports(PiiType::Passport);
    let mut upper = [0u8; 9];
    let mut i = 0;
    while i < v.len() {
        if !v[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let (ws, we) = (
            i,
            i + v[i..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count(),
        );
        i = we;
        let w = &v[ws..we];
        if !(8..=9).contains(&w.len()) || !w.iter().any(u8::is_ascii_digit) {
            continue;
        }
        // Upper case is the shape; a passport field may hold it in lower case.
        if !field && w.iter().any(u8::is_ascii_lowercase) {
            continue;
        }
        for (u, b) in upper.iter_mut().zip(w) {
            *u = b.to_ascii_uppercase();
        }
        if !shape(&upper[..w.len()]) {
            continue;
        }
        let Some(basis) = support(det, v, hint, PiiType::Passport, ws) else {
            continue;
        };
        let hits = &mut out[first..];
        if let Some(h) = hits.iter_mut().find(|h| h.start == ws && h.end == we) {
            // The field says passport: a valid NRIC/FIN there is a Singapore passport.
            if field && h.ty == PiiType::SgNric {
                h.ty = PiiType::Passport;
                h.basis = Basis::FIELD;
            }
        } else if free(hits, ws, we) {
            out.push(Hit {
                start: ws,
                end: we,
                ty: PiiType::Passport,
                basis,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::detect::tests::types;
    use crate::detect::Detector;
    use crate::types::PiiType;

    fn in_field(field: &str, v: &str) -> Vec<(String, PiiType)> {
        let det = Detector::builtin().unwrap();
        let mut out = Vec::new();
        det.detect(v.as_bytes(), det.field_hint(field.as_bytes()), &mut out);
        out.iter()
            .map(|h| (v[h.start..h.end].to_string(), h.ty))
            .collect()
    }

    #[test]
    fn shapes_in_a_passport_field() {
        for v in [
            "J8369854",
            "E1234567N",
            "123456789",
            "A12345678",
            "AB1234567",
            "12AB34567",
            "k1234567",
        ] {
            assert_eq!(
                in_field("passport_no", v),
                [(v.to_string(), PiiType::Passport)]
            );
        }
        for v in ["000000000", "Q1234567", "J0123456", "1234567", "ABCDEFGHI"] {
            assert!(in_field("passport_no", v).is_empty(), "{v}");
        }
    }

    #[test]
    fn nric_wins_unless_the_field_says_passport() {
        assert_eq!(
            in_field("passport", "S1234567D"),
            [("S1234567D".to_string(), PiiType::Passport)]
        );
        assert_eq!(
            in_field("nric", "S1234567D"),
            [("S1234567D".to_string(), PiiType::SgNric)]
        );
    }

    #[test]
    fn keywords_and_decoys() {
        let det = Detector::builtin().unwrap();
        assert_eq!(
            types(&det, "Passport No. J8369854 issued"),
            [("J8369854".to_string(), PiiType::Passport)]
        );
        assert!(types(&det, "ticket J8369854 closed").is_empty());
        assert!(in_field("order_ref", "J8369854").is_empty());
        assert!(in_field("passport_expiry", "20300101").is_empty());
    }

    #[test]
    fn mrz_second_line() {
        let det = Detector::builtin().unwrap();
        let mrz = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";
        let found = types(&det, mrz);
        assert_eq!(found, [("L898902C3".to_string(), PiiType::Passport)]);
        let bad = mrz.replace("C36UTO", "C37UTO");
        assert!(types(&det, &bad).is_empty());
    }
}
