//! Whether a top-level domain exists, from the list in `patterns/lists/tlds.txt`
//! (the ICANN section of the Public Suffix List; see that file's header), and the ASCII
//! (`xn--`) form of a domain label written in Unicode (RFC 5890, RFC 3492 Punycode).

use rustc_hash::FxHashSet;
use std::sync::OnceLock;

/// The list as shipped: one lower-case TLD a line, `#` starts a comment.
const LIST: &str = include_str!("../../../patterns/lists/tlds.txt");

/// The longest DNS label (RFC 1035 section 2.3.4).
pub const MAX_LABEL: usize = 63;

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

/// The ACE form of `label` (a domain label holding characters outside ASCII): `xn--` and
/// the RFC 3492 Punycode of the label lower-cased, the form DNS and the TLD list hold
/// (`münchen` is `xn--mnchen-3ya`, `рф` is `xn--p1ai`). `None` when it would pass 63 bytes:
/// no DNS label is that long. Lower-casing stands in for the UTS 46 mapping (no
/// normalisation): a label is read as written.
pub fn ace(label: &str) -> Option<String> {
    let lower: String = label.chars().flat_map(char::to_lowercase).collect();
    let code = idna::punycode::encode_str(&lower)?;
    let ace = format!("xn--{code}");
    (ace.len() <= MAX_LABEL).then_some(ace)
}

/// Whether `tld`, a top-level domain written in Unicode (`рф`, `भारत`, `中国`), is a real one:
/// its [`ace`] form is looked up.
///
/// ```
/// use leakscan::detect::validate::tld;
/// assert!(tld::is_known_unicode("рф") && tld::is_known_unicode("РФ"));
/// assert!(!tld::is_known_unicode("тест"));
/// ```
pub fn is_known_unicode(tld: &str) -> bool {
    ace(tld).is_some_and(|ace| is_known(ace.as_bytes()))
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
        assert!(is_known_unicode("рф") && is_known_unicode("भारत") && is_known_unicode("中国"));
        // Test and made-up names in Unicode are no TLDs (`испытание` was a test TLD, removed).
        for fake in ["тест", "испытание", "münchen", "例え", "com中国"] {
            assert!(!is_known_unicode(fake), "{fake}");
        }
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

    #[test]
    fn ace_forms() {
        // RFC 3492 section 7.1 samples (lower-cased) and delegated IDN TLDs' A-labels.
        for (label, want) in [
            ("münchen", "xn--mnchen-3ya"),
            ("Bücher", "xn--bcher-kva"),
            ("рф", "xn--p1ai"),
            ("भारत", "xn--h2brj9c"),
            ("中国", "xn--fiqs8s"),
            ("пример", "xn--e1afmkfd"),
            ("ليهمابتكلموشعربي؟", "xn--egbpdaj6bu4bxfgehfvwxn"),
            ("他们为什么不说中文", "xn--ihqwcrb4cv8a8dqg056pqjye"),
        ] {
            assert_eq!(ace(label).as_deref(), Some(want), "{label}");
        }
        // The Russian alphabet is 45 bytes in ACE form; twice it, 83, passes 63: none.
        let alphabet = "абвгдежзийклмнопрстуфхцчшщъыьэюя";
        assert_eq!(ace(alphabet).map(|a| a.len()), Some(45));
        assert_eq!(ace(&alphabet.repeat(2)), None);
    }
}
