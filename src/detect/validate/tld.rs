//! Whether a top-level domain exists, from the list in `patterns/lists/tlds.txt`
//! (the ICANN section of the Public Suffix List; see that file's header).

use rustc_hash::FxHashSet;
use std::sync::OnceLock;

/// The list as shipped: one lower-case TLD a line, `#` starts a comment.
const LIST: &str = include_str!("../../../patterns/lists/tlds.txt");

/// The longest DNS label.
const MAX_LABEL: usize = 63;

/// The TLDs of up to [`PACKED`] bytes as [`packed`] keys, and the longer ones as bytes.
struct Table {
    short: FxHashSet<u64>,
    long: FxHashSet<&'static [u8]>,
}

/// The longest TLD kept as one packed number: seven bytes and the length in the eighth.
const PACKED: usize = 7;

/// A TLD of at most [`PACKED`] bytes, lower-cased, as one number: its bytes (the first
/// lowest) and its length in the top byte, so `co` and `co\0` differ. One multiply hashes it,
/// where hashing and comparing a slice took about 190 instructions a look-up.
fn packed(tld: &[u8]) -> u64 {
    let bytes = tld
        .iter()
        .rev()
        .fold(0u64, |k, &b| k << 8 | u64::from(b.to_ascii_lowercase()));
    bytes | (tld.len() as u64) << 56
}

/// The TLDs, built once from [`LIST`]: hash sets, since every e-mail candidate asks them.
fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = Table {
            short: FxHashSet::default(),
            long: FxHashSet::default(),
        };
        for tld in LIST
            .lines()
            .map(|l| l.split('#').next().unwrap_or_default().trim().as_bytes())
            .filter(|l| !l.is_empty())
        {
            if tld.len() <= PACKED {
                table.short.insert(packed(tld));
            } else {
                table.long.insert(tld);
            }
        }
        table
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
    if tld.len() <= PACKED {
        return table().short.contains(&packed(tld));
    }
    let mut buf = [0u8; MAX_LABEL];
    let lower = &mut buf[..tld.len()];
    for (d, s) in lower.iter_mut().zip(tld) {
        *d = s.to_ascii_lowercase();
    }
    table().long.contains(&*lower)
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
        // A packed key holds the length: a zero byte is no shorter TLD, and seven bytes
        // (`android`, packed) and eight (`software`, as bytes) are both found.
        assert!(!is_known(b"co\0"));
        assert!(!is_known(b"\0co"));
        assert!(is_known(b"Android") && is_known(b"SOFTWARE"));
        assert!(!is_known(b"androi") && !is_known(b"softwar"));
    }

    #[test]
    fn packed_and_plain_look_ups_agree() {
        // Every entry, in any case, and its near misses (one byte more, one less, one
        // changed) are found exactly when the list holds them, as a plain set says.
        let plain: FxHashSet<&[u8]> = LIST
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .map(str::as_bytes)
            .collect();
        for &e in &plain {
            let upper = e.to_ascii_uppercase();
            assert!(is_known(e) && is_known(&upper), "{e:?}");
            let mut longer = e.to_vec();
            longer.push(b'q');
            let mut changed = e.to_vec();
            changed[0] = if changed[0] == b'z' { b'y' } else { b'z' };
            for near in [&longer[..], &e[..e.len() - 1], &changed[..]] {
                assert_eq!(is_known(near), plain.contains(near), "{near:?}");
            }
        }
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
        assert_eq!(table().short.len() + table().long.len(), entries.len());
    }
}
