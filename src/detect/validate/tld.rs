//! Whether a top-level domain exists, from the list in `patterns/lists/tlds.txt`
//! (the ICANN section of the Public Suffix List; see that file's header).

use rustc_hash::FxHashSet;
use std::sync::OnceLock;

/// The list as shipped: one lower-case TLD a line, `#` starts a comment.
const LIST: &str = include_str!("../../../patterns/lists/tlds.txt");

/// The longest DNS label.
const MAX_LABEL: usize = 63;

/// The TLDs, built once from [`LIST`]: a hash set, since every e-mail candidate asks it.
fn table() -> &'static FxHashSet<&'static [u8]> {
    static TABLE: OnceLock<FxHashSet<&'static [u8]>> = OnceLock::new();
    TABLE.get_or_init(|| {
        LIST.lines()
            .map(|l| l.split('#').next().unwrap_or_default().trim().as_bytes())
            .filter(|l| !l.is_empty())
            .collect()
    })
}

/// Whether `tld` (without the dot, ASCII; IDN TLDs in their `xn--` form) is a real top-level
/// domain, in any case.
///
/// ```
/// use leakscan::detect::validate::tld;
/// assert!(tld::is_known(b"com"));
/// assert!(tld::is_known(b"IN"));
/// assert!(!tld::is_known(b"localhost"));
/// ```
pub fn is_known(tld: &[u8]) -> bool {
    if tld.is_empty() || tld.len() > MAX_LABEL {
        return false;
    }
    let mut buf = [0u8; MAX_LABEL];
    let lower = &mut buf[..tld.len()];
    for (d, s) in lower.iter_mut().zip(tld) {
        *d = s.to_ascii_lowercase();
    }
    table().contains(&*lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_tlds_are_known() {
        // Country codes, generics, a brand TLD and IDNs (.рф = xn--p1ai, .भारत = xn--h2brj9c),
        // all delegated in the IANA root zone.
        for t in [
            "com",
            "org",
            "net",
            "in",
            "sg",
            "uk",
            "us",
            "io",
            "museum",
            "google",
            "xn--p1ai",
            "xn--h2brj9c",
        ] {
            assert!(is_known(t.as_bytes()), "{t}");
        }
    }

    #[test]
    fn case_insensitive() {
        assert!(is_known(b"COM"));
        assert!(is_known(b"Sg"));
        assert!(is_known(b"XN--P1AI"));
    }

    #[test]
    fn unknown_and_reserved_are_not() {
        // RFC 2606 / RFC 6761 reserved names are not TLDs; nor are file extensions like these.
        for t in [
            "",
            "localhost",
            "local",
            "example",
            "invalid",
            "test",
            "con",
            "comm",
            "jpg",
            "123",
            "c-m",
            "co m",
        ] {
            assert!(!is_known(t.as_bytes()), "{t}");
        }
        assert!(!is_known(&[b'a'; 64]));
        assert!(!is_known("рф".as_bytes()));
    }

    #[test]
    fn list_is_clean() {
        // One lower-case label a line, sorted and unique, so diffs on update stay readable.
        let entries: Vec<&str> = LIST.lines().filter(|l| !l.starts_with('#')).collect();
        assert!(entries.len() > 1000, "{} entries", entries.len());
        for e in &entries {
            assert!(
                !e.is_empty()
                    && e.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "bad entry {e:?}"
            );
        }
        assert!(
            entries.windows(2).all(|w| w[0] < w[1]),
            "not sorted and unique"
        );
        assert_eq!(table().len(), entries.len());
    }
}
