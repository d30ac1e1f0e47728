//! Pure validators: checksums, number plans, issuer ranges, known lists.
//!
//! Each file holds one validator over ASCII bytes (separators already removed unless its doc
//! says otherwise); none allocates per call. Each is tested on published examples, with the
//! source cited, and on mutations of them (a changed check digit must fail).

pub mod card;
pub mod crypt;
pub mod ip;
pub mod luhn;
pub mod mrz;
pub mod nric;
pub mod pan;
pub mod phone;
pub mod ssn;
pub mod tld;
pub mod verhoeff;

/// A validator over one candidate value.
type Validator = fn(&[u8]) -> bool;

/// The validators pattern files may name, by name.
const VALIDATORS: [(&str, Validator); 8] = [
    ("luhn", luhn::is_valid),
    ("verhoeff", verhoeff::is_valid),
    ("nric", nric::is_valid),
    ("pan", pan::is_valid),
    ("ssn", ssn::is_valid),
    ("card", card::is_valid),
    ("ipv4", ip::is_ipv4),
    ("ipv6", ip::is_ipv6),
];

/// The names [`by_name`] knows, for pattern-file checks and error messages.
pub const NAMES: &[&str] = &{
    let mut names = [""; VALIDATORS.len()];
    let mut i = 0;
    while i < names.len() {
        names[i] = VALIDATORS[i].0;
        i += 1;
    }
    names
};

/// A validator by the name pattern files use (`validator = "luhn"`), over separator-free input.
///
/// ```
/// use leakscan::detect::validate::by_name;
/// let luhn = by_name("luhn").expect("a known validator");
/// assert!(luhn(b"79927398713"));
/// assert!(by_name("crc32").is_none());
/// ```
pub fn by_name(name: &str) -> Option<fn(&[u8]) -> bool> {
    VALIDATORS.iter().find(|(n, _)| *n == name).map(|&(_, f)| f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_resolves_to_its_validator() {
        assert_eq!(
            NAMES,
            ["luhn", "verhoeff", "nric", "pan", "ssn", "card", "ipv4", "ipv6"]
        );
        // One published valid example per validator, and its mutation.
        let examples: [(&str, &[u8], &[u8]); 8] = [
            ("luhn", b"79927398713", b"79927398714"),
            ("verhoeff", b"2363", b"2364"),
            ("nric", b"S1234567D", b"S1234567E"),
            ("pan", b"AAAPL1234C", b"AAAXL1234C"),
            ("ssn", b"536225487", b"078051120"),
            ("card", b"4111111111111111", b"4111111111111112"),
            ("ipv4", b"192.0.2.1", b"192.0.2.256"),
            ("ipv6", b"2001:db8::1", b"2001:db8::1::"),
        ];
        for (name, good, bad) in examples {
            let f = by_name(name).expect("known name");
            assert!(f(good), "{name}");
            assert!(!f(bad), "{name}");
        }
        assert!(by_name("Luhn").is_none());
        assert!(by_name("").is_none());
    }
}
