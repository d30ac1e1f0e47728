//! The types that need context rather than a checksum: person names, postal addresses, dates
//! of birth, passports and clear-text passwords (issue 4). They run after the one-pass
//! anchor scan of a value, see its hits, and never overlap them.
//!
//! This module only dispatches: one call a detector. Names and addresses share one walk over
//! the value ([`lexicon::with_tokens`]), and only values that can hold one are walked: a
//! name or address field, or a value with an upper-case or non-ASCII letter.

mod address;
pub(crate) mod dob;
mod lexicon;
#[cfg(test)]
mod lexicon_build;
mod lexicon_keys;
mod name;
mod passport;
mod password;

use super::{context, trimmed, Detector, Hit};
use crate::format::FieldHint;
use crate::types::{Basis, PiiType};

/// Appends the context-dependent findings of `value` to `out`; `out[first..]` holds the
/// value's hits so far (in no particular order), `keyed` the gated types with a keyword
/// somewhere in the value ([`crate::detect::context::Context::gated_keywords`]).
///
/// Inlined into the per-value detection: called once a value, it costs no call there.
#[inline]
pub(super) fn detect(
    det: &Detector,
    value: &[u8],
    hint: FieldHint,
    keyed: u32,
    out: &mut Vec<Hit>,
    first: usize,
) {
    dob::detect(det, value, hint, keyed, out, first);
    passport::detect(det, value, hint, keyed, out, first);
    password::detect(det, value, hint, out, first);
    let wanted = det.enabled(PiiType::PersonName) || det.enabled(PiiType::PostalAddress);
    if wanted && may_hold_name_or_address(value, hint) {
        let lex = lexicon::get();
        let free_text =
            !hint.supports(PiiType::PersonName) && !hint.supports(PiiType::PostalAddress);
        if free_text && !lexicon::may_hold_free_text(lex, value) {
            return;
        }
        lexicon::with_tokens(lex, value, |toks| {
            address::detect(det, value, hint, toks, out, first);
            name::detect(det, lex, value, hint, toks, out, first);
        });
    }
}

/// Whether a detector of a gated type `ty` ([`context::GATED`]) has anything to look for
/// in a value: its field supports the type, or one of the type's keywords stands somewhere in
/// the value (`keyed`, from [`context::Context::gated_keywords`]).
pub(super) fn field_or_keyword(hint: FieldHint, keyed: u32, ty: PiiType) -> bool {
    hint.supports(ty) || context::has(keyed, ty)
}

/// Why a candidate of `ty` starting at `at` in `v` is reported: its field supports the type,
/// or a keyword stands shortly before it; `None` when neither does.
pub(super) fn support(
    det: &Detector,
    v: &[u8],
    hint: FieldHint,
    ty: PiiType,
    at: usize,
) -> Option<Basis> {
    if hint.supports(ty) {
        Some(Basis::FIELD)
    } else if context::has(det.context.keywords_before(v, at), ty) {
        Some(Basis::KEYWORD)
    } else {
        None
    }
}

/// Whether `start..end` overlaps none of `hits`.
pub(super) fn free(hits: &[Hit], start: usize, end: usize) -> bool {
    hits.iter().all(|h| h.end <= start || end <= h.start)
}

/// Whether a value can hold a name or an address: the field says so, or it is free text
/// (the field does not deny weak shapes: [`name`] and [`address`] read no other) with an
/// upper-case ASCII letter or a non-ASCII byte (names in running text are capitalised or in
/// another script; addresses in running text have capitalised words).
fn may_hold_name_or_address(value: &[u8], hint: FieldHint) -> bool {
    hint.supports(PiiType::PersonName)
        || hint.supports(PiiType::PostalAddress)
        || !hint.denies_weak && has_upper_or_non_ascii(value)
}

/// Whether `value` has an upper-case ASCII letter or a byte outside ASCII, tested eight
/// bytes at a time ([`crate::swar::ascii_in_range`]), the last few bytes as one word.
fn has_upper_or_non_ascii(value: &[u8]) -> bool {
    use crate::swar::{ascii_in_range, tail_word, HI};
    let upper_or_non_ascii = |w: u64| (ascii_in_range(w, b'A', b'Z') | (w & HI)) != 0;
    let mut words = value.chunks_exact(8);
    let rest = words.remainder().len();
    words.any(|w| upper_or_non_ascii(u64::from_le_bytes(w.try_into().expect("8 bytes"))))
        || rest > 0 && upper_or_non_ascii(tail_word(value, value.len() - rest, value.len()))
}

/// Records a finding.
fn push(out: &mut Vec<Hit>, start: usize, end: usize, ty: PiiType, basis: Basis) {
    out.push(Hit {
        start,
        end,
        ty,
        basis,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Whether the free-text detectors find nothing in `v` when it is split and read.
    fn finds_nothing(v: &[u8]) -> Result<(), String> {
        let lex = lexicon::get();
        let mut toks = Vec::new();
        lexicon::tokenize(lex, v, &mut toks);
        let mut out = Vec::new();
        address::free_text(v, &toks, &mut out, 0);
        name::free_text(lex, v, &toks, &mut out, 0);
        match out.is_empty() {
            true => Ok(()),
            false => Err(format!("{:?}: {out:?}", String::from_utf8_lossy(v))),
        }
    }

    /// Text of `parts`, each a word and the bytes after it.
    fn joined(parts: &[(&str, &str)]) -> String {
        parts.iter().flat_map(|(w, g)| [*w, *g]).collect()
    }

    proptest! {
        // Most mixes hold a title-case word: enough cases for many refused ones.
        #![proptest_config(ProptestConfig::with_cases(2048))]

        /// Free text refused before it is split holds nothing the free-text detectors find.
        #[test]
        fn refused_free_text_holds_nothing(
            parts in proptest::collection::vec(
                (
                    prop::sample::select(vec![
                        "12", "221B", "#05-123", "560001", "78701", "1234", "12345", "TX", "SW1A",
                        "1AA", "Flat", "FLAT", "no", "Blk", "BLK", "Road", "ROAD", "road", "Street",
                        "NAGAR", "Baker", "Chennai", "SINGAPORE", "singapore", "the", "INFO", "WARN",
                        "GET", "HTTP", "Asha", "ASHA", "AADHYA", "Aaden", "MR", "Mr", "DR", "SHRI",
                        "DEAR", "dear", "bin", "BINTE", "5th", "5TH", "Cross", "McMaster", "McM",
                        "A", "B", "ABc", "aB", "x", "o", "2024", "03T06", "07Z", "é", "Ünal",
                        "राहुल", "SKU", "JF04", "A1", "MG", "O", "NEIL", "Kumar", "3253083799",
                        "ABCDEFGHIJ", "UPSTREAM", "1234567", "x7", "abcdefg", "098401", "900095",
                        "600000", "Singapore", "sha256", "ORD", "AE", "Box", "Hill", "James",
                        "for", "at", "<a@b.in>", "H", "No", "Agarwal", "SM", "A536E", "Mary",
                        "Mobile", "Safari", "75001", "1100", "053", "82", "411", "PH", "1012PH",
                        "Calle", "rue", "Musterstrasse", "Bahnhofstr", "Allee", "Paris", "al",
                        "DK", "D", "366", "00", "Ekgatan", "Gade",
                    ]),
                    prop::sample::select(vec![
                        " ", " ", " ", ", ", "-", "/", ". ", ": ", "'", "=", "\"", "", "’", "$",
                    ]),
                ),
                0..12,
            )
        ) {
            let text = joined(&parts);
            if !lexicon::may_hold_free_text(lexicon::get(), text.as_bytes()) {
                prop_assert_eq!(finds_nothing(text.as_bytes()), Ok(()));
            }
        }

        /// Likewise on mixes of capitalised words, particles, titles, greetings, places,
        /// company and common words, where the refusal turns on a word's neighbours.
        #[test]
        fn walk_refuses_only_text_without_findings(
            parts in proptest::collection::vec(
                (
                    prop::sample::select(vec![
                        "Asha", "Rao", "Krish", "Loyal", "Kolkata", "New", "Delhi", "Saffron",
                        "Kitchen", "City", "Pharmacy", "Traders", "Happy", "Damaged", "Worker",
                        "Mozilla", "Safari", "Mobile", "De", "de", "bin", "van", "Dear", "dear",
                        "hi", "Mr", "mr", "Dr", "MR", "KUMAR", "INR", "F", "M", "R", "A", "O",
                        "McMaster", "Mcguirl", "active", "NULL", "Road", "road", "Flat", "12",
                        "221B", "5th", "560001", "78701", "TX", "1AA", "SW1A", "the", "by", "I",
                        "Singapore", "Ünal", "राहुल", "Mary", "Jane", "D", "Souza", "x7", "run",
                        "Hill", "Green", "James", "Emma", "for", "at", "Studio", "<a@b.in>",
                        "Graeme", "Edwards", "Mobile", "Safari", "Intel", "Mac", "Version",
                        "Firefox", "Gecko", "Orbit", "Electronics", "Acme", "Threads", "Urban",
                        "SM", "A536E", "B2", "Calle", "Rue", "Via", "Kalverstraat", "Amager",
                        "75001", "28013", "1100", "053", "1012", "PH", "Madrid", "des",
                    ]),
                    prop::sample::select(vec![
                        " ", " ", " ", ", ", ". ", ".", "-", "'", "’", "/", "(", ") ", "\"", "!",
                        "",
                    ]),
                ),
                0..8,
            ),
            lead in prop::sample::select(vec!["", " ", "\"", "x ", "(", "."]),
        ) {
            let text = format!("{lead}{}", joined(&parts));
            if !lexicon::may_hold_free_text(lexicon::get(), text.as_bytes()) {
                prop_assert_eq!(finds_nothing(text.as_bytes()), Ok(()));
            }
        }
    }

    #[test]
    fn free_text_refused_only_without_name_or_address_words() {
        let lex = lexicon::get();
        for v in [
            "2024-09-03T06:56:07Z WARN worker slow upstream after 2655ms",
            "GET /api/v1 HTTP/1.1 200 5491",
            "iPhone 12 sku=JF04",
            "at com.example.run(HTTP.java:409) 1234-5678 3AB4 abcdefg 9876 5",
            // A capitalised word without a neighbour, title or greeting that makes it a name.
            "    at com.example.orders.Worker.run(Worker.java:409)",
            "INFO called Asha",
            "Damaged credited. Coupon expired request invalid our.",
            "UPI payment, Please user, up, the visit caused I by.",
            "called from +91 81699 70157 regarding refund",
            // Six digits that end no address: no joining gap before, or no PIN.
            "pbkdf2_sha256$600000$zCCCYVnNgaohm6ggK8AE5k$2Zuk7gkr9MVv",
            "ORD-2021-098401",
            "sms otp sent to mobile +44 7700 900095",
            "600000",
            // Alone, but a place, a company word or an initial.
            "Kolkata",
            "Singapore",
            "F",
            "\"Traders\"",
            // Pairs of capitalised words no name rule accepts: a word that scores too low
            // for any (`Version`, a company word), or two unlisted words with no cue, one not
            // name-like (`Mobile`, `Intel`).
            "Mozilla/5.0 (Linux; Android 13; SM-A536E) AppleWebKit/537.36 (KHTML, like Gecko) \
             Chrome/119.0.6045.193 Mobile Safari/537.36",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7; rv:121.0) Gecko/20100101 Firefox/121.0",
            "Gecko Version",
            "Orbit Electronics",
            "Mobile Safari",
            // Capitalised words joined to a part with a digit: the word is no name word.
            "SM-A536E",
            "Asha Ab-Cd-E5",
            // A date after a comma: its year is no postal code.
            "retried, 2024-09-03T06:58:41Z",
        ] {
            assert!(!lexicon::may_hold_free_text(lex, v.as_bytes()), "{v}");
            assert_eq!(finds_nothing(v.as_bytes()), Ok(()));
        }
        // The same words where a cue, a listed name or a mailbox makes them a name.
        for v in [
            "Dr Mobile Safari",
            "dear Mobile Safari",
            "Mobile Safari <ms@example.in>",
            "paid Asha Mobile",
            "paid Mobile Asha",
            "Mary-Jane Rao",
            // Postal codes before their city (or, after the country's letters, alone), of
            // one part and of two.
            "Calle Mayor 10, 28013 Madrid",
            "Bjernedevej 864, DK-9057",
            "Skolgatan 76, 366 00 Vinninga",
            "Rua Augusta 100, 1100-053 Lisboa",
        ] {
            assert!(lexicon::may_hold_free_text(lex, v.as_bytes()), "{v}");
            assert!(finds_nothing(v.as_bytes()).is_err(), "{v}");
        }
        for v in [
            "AADHYA",
            "MR X",
            "12 MG ROAD",
            "pin 560001",
            "Singapore 098401",
            "Flat 4, Anna Road, 600001",
            "SW1A 1AA",
            "née",
            "x 1AA",
            "Krish",
            "bin Jamal",
            "\"Loyal\"!",
            "dear Asha",
            "Dr. Varkey called",
            "R.Savant@Corp.Example.Org",
            "Raihan bin Jamal paid",
            "Austin TX 78701",
            "see 221B Baker Street",
            "no 12, Road",
            "12 main Road",
            "Saffron Kitchen",
        ] {
            assert!(lexicon::may_hold_free_text(lex, v.as_bytes()), "{v}");
        }
    }

    #[test]
    fn upper_or_non_ascii_agrees_with_bytes() {
        // Every byte value at every position of an eight-byte word and of the remainder.
        for b in 0..=255u8 {
            for at in 0..11 {
                let mut v = [b'x'; 11];
                v[at] = b;
                let naive = b.is_ascii_uppercase() || b >= 0x80;
                assert_eq!(has_upper_or_non_ascii(&v), naive, "{b:#x} at {at}");
            }
        }
        assert!(!has_upper_or_non_ascii(
            b"plain lower-case text, 123 @[]^_`{}~"
        ));
    }
}
