//! IP addresses in their text forms: dotted-quad IPv4 and RFC 4291 IPv6.

/// Whether `s` is exactly a dotted-quad IPv4 address `a.b.c.d`, each part 0-255 written
/// without leading zeros (`01` is refused: some parsers read it as octal).
///
/// ```
/// use leakscan::detect::validate::ip;
/// assert!(ip::is_ipv4(b"192.0.2.1"));
/// assert!(!ip::is_ipv4(b"192.0.2.01"));
/// ```
pub fn is_ipv4(s: &[u8]) -> bool {
    let mut parts = 0;
    for part in s.split(|&b| b == b'.') {
        parts += 1;
        let ok = match part {
            [b'0'] => true,
            [b'1'..=b'9', rest @ ..] if rest.len() <= 2 && rest.iter().all(u8::is_ascii_digit) => {
                part.iter().fold(0u32, |v, &b| v * 10 + u32::from(b - b'0')) <= 255
            }
            _ => false,
        };
        if !ok || parts > 4 {
            return false;
        }
    }
    parts == 4
}

/// The number of 16-bit groups in `part`, a run of `:`-separated groups with no `::`;
/// `v4_tail` lets its last field be an IPv4 address (two groups). `None` if malformed.
fn groups(part: &[u8], v4_tail: bool) -> Option<usize> {
    if part.is_empty() {
        return Some(0);
    }
    let mut count = 0;
    let mut fields = part.split(|&b| b == b':').peekable();
    while let Some(field) = fields.next() {
        let last = fields.peek().is_none();
        count += if last && v4_tail && field.contains(&b'.') {
            if !is_ipv4(field) {
                return None;
            }
            2
        } else if (1..=4).contains(&field.len()) && field.iter().all(u8::is_ascii_hexdigit) {
            1
        } else {
            return None;
        };
    }
    Some(count)
}

/// Whether `s` is exactly an IPv6 address in an RFC 4291 section 2.2 text form: eight groups
/// of 1-4 hex digits, or fewer around one `::`, the last 32 bits possibly written as IPv4.
/// Zone ids (`%eth0`) and prefix lengths (`/64`) are not part of the address.
///
/// ```
/// use leakscan::detect::validate::ip;
/// assert!(ip::is_ipv6(b"2001:db8::8:800:200c:417a"));
/// assert!(ip::is_ipv6(b"::ffff:192.0.2.1"));
/// assert!(!ip::is_ipv6(b"2001:db8::1::2"));
/// ```
pub fn is_ipv6(s: &[u8]) -> bool {
    match s.windows(2).position(|w| w == b"::") {
        Some(i) => {
            let (head, tail) = (&s[..i], &s[i + 2..]);
            // A second `::`, or `:::`, leaves an empty field in `tail`, which `groups` refuses.
            matches!(
                (groups(head, false), groups(tail, true)),
                (Some(h), Some(t)) if h + t <= 7
            )
        }
        None => groups(s, true) == Some(8),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipv4_valid() {
        // RFC 5737 documentation addresses and the range ends.
        for s in [
            "192.0.2.1",
            "198.51.100.255",
            "203.0.113.0",
            "0.0.0.0",
            "255.255.255.255",
            "10.0.0.1",
        ] {
            assert!(is_ipv4(s.as_bytes()), "{s}");
        }
    }

    #[test]
    fn ipv4_invalid() {
        for s in [
            "",
            ".",
            "1.2.3",
            "1.2.3.4.5",
            "1.2.3.",
            ".1.2.3",
            "1..2.3",
            "256.1.1.1",
            "1.2.3.256",
            "999.1.1.1",
            "1.2.3.04",
            "01.2.3.4",
            "00.1.2.3",
            "1.2.3.0000",
            "1.2.3.a",
            "1.2.3.4 ",
            "-1.2.3.4",
            "1.2.3.1000",
            "1,2,3,4",
        ] {
            assert!(!is_ipv4(s.as_bytes()), "{s}");
        }
    }

    #[test]
    fn ipv4_mutations() {
        // A part pushed past 255, or given a leading zero, makes a valid address invalid.
        assert!(is_ipv4(b"198.51.100.7"));
        for s in [
            "256.51.100.7",
            "198.056.100.7",
            "198.51.300.7",
            "198.51.100.07",
        ] {
            assert!(!is_ipv4(s.as_bytes()), "{s}");
        }
    }

    /// RFC 4291 section 2.2 examples (forms 1, 2 and 3) and RFC 5952 examples.
    const RFC_EXAMPLES: &[&str] = &[
        "ABCD:EF01:2345:6789:ABCD:EF01:2345:6789",
        "2001:DB8:0:0:8:800:200C:417A",
        "2001:DB8::8:800:200C:417A",
        "FF01:0:0:0:0:0:0:101",
        "FF01::101",
        "0:0:0:0:0:0:0:1",
        "::1",
        "0:0:0:0:0:0:0:0",
        "::",
        "0:0:0:0:0:0:13.1.68.3",
        "0:0:0:0:0:FFFF:129.144.52.38",
        "::13.1.68.3",
        "::FFFF:129.144.52.38",
        "2001:db8::1",
        "2001:db8:0:0:1:0:0:1",
        "2001:0db8:0000:0000:0001:0000:0000:0001",
        "2001:db8::0:1:0:0:1",
    ];

    #[test]
    fn ipv6_published_forms() {
        for s in RFC_EXAMPLES {
            assert!(is_ipv6(s.as_bytes()), "{s}");
        }
    }

    #[test]
    fn ipv6_compression_edges() {
        for s in [
            "1::",
            "::1:2:3:4:5:6:7",
            "1:2:3:4:5:6:7::",
            "1::2:3:4:5:6:7",
            "1:2:3:4:5::1.2.3.4",
        ] {
            assert!(is_ipv6(s.as_bytes()), "{s}");
        }
    }

    #[test]
    fn ipv6_invalid() {
        for s in [
            "",
            ":",
            ":::",
            "1:2:3:4:5:6:7",
            "1:2:3:4:5:6:7:8:9",
            "1::2::3",
            "1:::2",
            ":1:2:3:4:5:6:7:8",
            "1:2:3:4:5:6:7:8:",
            ":1::",
            "1::2:",
            "12345::",
            "::g",
            "::1.2.3",
            "::256.1.1.1",
            "::1.2.3.04",
            "::1.2.3.4:5",
            "1.2.3.4::",
            "1:2:3:4:5:6:7:1.2.3.4",
            "1:2:3:4:5:6::1.2.3.4",
            "1:2:3:4:5:6:7:8::",
            "::1:2:3:4:5:6:7:8",
            "fe80::1%eth0",
            "2001:db8::/32",
            " ::1",
            "1.2.3.4",
            "1:2:3:4:5:1.2.3.4",
        ] {
            assert!(!is_ipv6(s.as_bytes()), "{s}");
        }
    }

    #[test]
    fn ipv6_mutations() {
        // An extra group, a fifth hex digit or a non-hex digit breaks every published form.
        for s in RFC_EXAMPLES {
            let extra_groups = format!("{s}:0:0:0:0:0:0:0:0");
            assert!(!is_ipv6(extra_groups.as_bytes()), "{extra_groups}");
            let bad_hex = s.replacen(|c: char| c.is_ascii_hexdigit(), "g", 1);
            assert!(bad_hex == *s || !is_ipv6(bad_hex.as_bytes()), "{bad_hex}");
        }
        assert!(!is_ipv6(b"2001:DB8::8:800:200C1:417A"));
    }
}
