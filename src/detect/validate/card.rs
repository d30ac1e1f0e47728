//! Payment card numbers: issuer ranges (IIN/BIN prefixes) and lengths, then Luhn.
//!
//! Ranges and lengths as in Wikipedia, "Payment card number" (Issuer identification number
//! table). Where ranges overlap, the first network in [`NETWORKS`] wins: Discover's 6011,
//! 622126-622925 and 65 before RuPay's 60 and UnionPay's 62. RuPay's co-branded 65 (Discover),
//! 353 and 356 (JCB) ranges are reported as Discover and JCB, whose ranges and lengths
//! cover them, so they are not listed twice.

use super::luhn;

/// A card network, told by the number's leading digits and length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Issuer {
    /// Visa: 4; 13, 16 or 19 digits.
    Visa,
    /// Mastercard: 51-55, 2221-2720; 16 digits.
    Mastercard,
    /// American Express: 34, 37; 15 digits.
    Amex,
    /// Discover: 6011, 622126-622925, 644-649, 65; 16-19 digits.
    Discover,
    /// JCB: 3528-3589; 16-19 digits.
    Jcb,
    /// Diners Club: 300-305, 3095, 36, 38-39; 14-19 digits.
    Diners,
    /// RuPay: 60, 81, 82, 508 (and co-branded 65, 353, 356); 16 digits.
    RuPay,
    /// UnionPay: 62; 16-19 digits.
    UnionPay,
    /// Maestro: 5018, 5020, 5038, 5893, 6304, 6759, 6761-6763; 12-19 digits.
    Maestro,
}

impl Issuer {
    /// A short lower-case name: `visa`, `mastercard`, `amex`, `discover`, `jcb`, `diners`,
    /// `rupay`, `unionpay`, `maestro`.
    pub fn name(self) -> &'static str {
        match self {
            Issuer::Visa => "visa",
            Issuer::Mastercard => "mastercard",
            Issuer::Amex => "amex",
            Issuer::Discover => "discover",
            Issuer::Jcb => "jcb",
            Issuer::Diners => "diners",
            Issuer::RuPay => "rupay",
            Issuer::UnionPay => "unionpay",
            Issuer::Maestro => "maestro",
        }
    }
}

/// Numbers whose first `digits` digits, read as a number, lie in `lo..=hi`.
struct Range {
    digits: u32,
    lo: u32,
    hi: u32,
}

/// A prefix range of `digits` digits, `lo..=hi`.
const fn r(digits: u32, lo: u32, hi: u32) -> Range {
    Range { digits, lo, hi }
}

/// A set of card lengths as a bit mask (bit `n` for length `n`).
const fn lengths(min: u32, max: u32) -> u32 {
    let mut mask = 0;
    let mut n = min;
    while n <= max {
        mask |= 1 << n;
        n += 1;
    }
    mask
}

/// A network: its ranges and the lengths its numbers have.
struct Network {
    issuer: Issuer,
    ranges: &'static [Range],
    lengths: u32,
}

/// The networks, in precedence order for overlapping ranges.
const NETWORKS: &[Network] = &[
    Network {
        issuer: Issuer::Visa,
        ranges: &[r(1, 4, 4)],
        lengths: 1 << 13 | 1 << 16 | 1 << 19,
    },
    Network {
        issuer: Issuer::Mastercard,
        ranges: &[r(2, 51, 55), r(4, 2221, 2720)],
        lengths: 1 << 16,
    },
    Network {
        issuer: Issuer::Amex,
        ranges: &[r(2, 34, 34), r(2, 37, 37)],
        lengths: 1 << 15,
    },
    Network {
        issuer: Issuer::Discover,
        ranges: &[
            r(4, 6011, 6011),
            r(6, 622126, 622925),
            r(3, 644, 649),
            r(2, 65, 65),
        ],
        lengths: lengths(16, 19),
    },
    Network {
        issuer: Issuer::Jcb,
        ranges: &[r(4, 3528, 3589)],
        lengths: lengths(16, 19),
    },
    Network {
        issuer: Issuer::Diners,
        ranges: &[r(3, 300, 305), r(4, 3095, 3095), r(2, 36, 36), r(2, 38, 39)],
        lengths: lengths(14, 19),
    },
    Network {
        issuer: Issuer::RuPay,
        ranges: &[r(2, 60, 60), r(2, 81, 82), r(3, 508, 508)],
        lengths: 1 << 16,
    },
    Network {
        issuer: Issuer::UnionPay,
        ranges: &[r(2, 62, 62)],
        lengths: lengths(16, 19),
    },
    Network {
        issuer: Issuer::Maestro,
        ranges: &[
            r(4, 5018, 5018),
            r(4, 5020, 5020),
            r(4, 5038, 5038),
            r(4, 5893, 5893),
            r(4, 6304, 6304),
            r(4, 6759, 6759),
            r(4, 6761, 6763),
        ],
        lengths: lengths(12, 19),
    },
];

/// The longest prefix any range looks at.
const MAX_PREFIX: usize = 6;

/// The value of the ASCII digits `d` (at most [`MAX_PREFIX`], all digits).
fn value(d: &[u8]) -> u32 {
    d.iter().fold(0, |v, &b| v * 10 + u32::from(b - b'0'))
}

/// The issuer whose range and length `digits` (ASCII digits, separators removed) fits, without
/// the Luhn check; `None` if there is none.
///
/// ```
/// use leakscan::detect::validate::card::{issuer, Issuer};
/// assert_eq!(issuer(b"4111111111111111"), Some(Issuer::Visa));
/// assert_eq!(issuer(b"411111111111111"), None);
/// ```
pub fn issuer(digits: &[u8]) -> Option<Issuer> {
    let len = digits.len();
    if !(12..=19).contains(&len) || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    NETWORKS
        .iter()
        .find(|n| {
            n.lengths & (1 << len) != 0
                && n.ranges.iter().any(|r| {
                    let v = value(&digits[..r.digits as usize]);
                    (r.lo..=r.hi).contains(&v)
                })
        })
        .map(|n| n.issuer)
}

/// Whether `digits` is a full card number: an issuer's range and length, and Luhn-valid.
///
/// ```
/// use leakscan::detect::validate::card;
/// assert!(card::is_valid(b"4111111111111111"));
/// assert!(!card::is_valid(b"4111111111111112"));
/// ```
pub fn is_valid(digits: &[u8]) -> bool {
    issuer(digits).is_some() && luhn::is_valid(digits)
}

/// Whether some issuer range could start with the visible leading digits `prefix` (of a
/// masked number such as `411111******1111`); the empty prefix is plausible, non-digits are not.
///
/// ```
/// use leakscan::detect::validate::card;
/// assert!(card::plausible_prefix(b"411111"));
/// assert!(card::plausible_prefix(b"6"));
/// assert!(!card::plausible_prefix(b"99"));
/// ```
pub fn plausible_prefix(prefix: &[u8]) -> bool {
    if !prefix.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let prefix = &prefix[..prefix.len().min(MAX_PREFIX)];
    NETWORKS.iter().flat_map(|n| n.ranges).any(|r| {
        let k = r.digits as usize;
        if prefix.len() >= k {
            (r.lo..=r.hi).contains(&value(&prefix[..k]))
        } else {
            // The k-digit prefixes starting with `prefix` are [v * s, (v + 1) * s - 1].
            let s = 10u32.pow((k - prefix.len()) as u32);
            let v = value(prefix);
            v * s <= r.hi && (v + 1) * s > r.lo
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Published test numbers, with their networks. Sources: Stripe, docs.stripe.com/testing
    /// (4242.., 4000056655665556, 5555.., 2223003122003222, 5200828282828210, 378282246310005,
    /// 371449635398431, 6011111111111117, 6011000990139424, 3056930009020004, 36227206271667,
    /// 3566002020360505, 6200000000000005, 6205500000000000004); PayPal sandbox test cards
    /// (4222222222222, 5105105105105100, 30569309025904, 38520000023237, 3530111333300000,
    /// 6759649826438453); Braintree (6304000000000000); Razorpay (6073849700004947) and PayU
    /// (6082015309577308) test RuPay cards.
    const PUBLISHED: &[(&[u8], Issuer)] = &[
        (b"4242424242424242", Issuer::Visa),
        (b"4000056655665556", Issuer::Visa),
        (b"4222222222222", Issuer::Visa),
        (b"5555555555554444", Issuer::Mastercard),
        (b"2223003122003222", Issuer::Mastercard),
        (b"5200828282828210", Issuer::Mastercard),
        (b"5105105105105100", Issuer::Mastercard),
        (b"378282246310005", Issuer::Amex),
        (b"371449635398431", Issuer::Amex),
        (b"6011111111111117", Issuer::Discover),
        (b"6011000990139424", Issuer::Discover),
        (b"3056930009020004", Issuer::Diners),
        (b"36227206271667", Issuer::Diners),
        (b"30569309025904", Issuer::Diners),
        (b"38520000023237", Issuer::Diners),
        (b"3566002020360505", Issuer::Jcb),
        (b"3530111333300000", Issuer::Jcb),
        (b"6200000000000005", Issuer::UnionPay),
        (b"6205500000000000004", Issuer::UnionPay),
        (b"6759649826438453", Issuer::Maestro),
        (b"6304000000000000", Issuer::Maestro),
        (b"6073849700004947", Issuer::RuPay),
        (b"6082015309577308", Issuer::RuPay),
    ];

    /// `payload` completed with its Luhn check digit.
    fn with_check(payload: &[u8]) -> Vec<u8> {
        let mut v = payload.to_vec();
        v.push(luhn::check_digit(payload));
        v
    }

    #[test]
    fn published_numbers_are_valid_with_their_issuer() {
        for &(n, want) in PUBLISHED {
            assert_eq!(issuer(n), Some(want), "{}", String::from_utf8_lossy(n));
            assert!(is_valid(n), "{}", String::from_utf8_lossy(n));
        }
    }

    #[test]
    fn changed_check_digit_is_invalid_but_keeps_issuer() {
        for &(n, want) in PUBLISHED {
            let mut m = n.to_vec();
            let last = m.len() - 1;
            for d in (b'0'..=b'9').filter(|&d| d != n[last]) {
                m[last] = d;
                assert!(!is_valid(&m), "{}", String::from_utf8_lossy(&m));
                assert_eq!(issuer(&m), Some(want));
            }
        }
    }

    #[test]
    fn wrong_length_is_invalid() {
        // Published numbers cut or extended by one digit, the check digit recomputed.
        for payload in [
            &b"42424242424242"[..], // Visa 16 -> 15
            b"4242424242424242",    // Visa 16 -> 17
            b"55555555555544",      // Mastercard 16 -> 15
            b"5555555555554444",    // Mastercard 16 -> 17
            b"3782822463100",       // Amex 15 -> 14
            b"378282246310005",     // Amex 15 -> 16
            b"30569309025",         // Diners 14 -> 12
            b"3530111333300000000", // JCB 16 -> 20
            b"60738497000049470",   // RuPay 16 -> 18
        ] {
            let n = with_check(payload);
            assert!(!is_valid(&n), "{}", String::from_utf8_lossy(&n));
        }
    }

    #[test]
    fn range_boundaries() {
        let cases: &[(&[u8], Option<Issuer>)] = &[
            (b"222100000000000", Some(Issuer::Mastercard)),
            (b"272099999999999", Some(Issuer::Mastercard)),
            (b"222099999999999", None),
            (b"272100000000000", None),
            (b"500000000000000", None),
            (b"560000000000000", None),
            (b"622126000000000", Some(Issuer::Discover)),
            (b"622925000000000", Some(Issuer::Discover)),
            (b"622125000000000", Some(Issuer::UnionPay)),
            (b"622926000000000", Some(Issuer::UnionPay)),
            (b"643000000000000", None),
            (b"644000000000000", Some(Issuer::Discover)),
            (b"649000000000000", Some(Issuer::Discover)),
            (b"650000000000000", Some(Issuer::Discover)),
            (b"601200000000000", Some(Issuer::RuPay)),
            (b"352700000000000", None),
            (b"352800000000000", Some(Issuer::Jcb)),
            (b"358900000000000", Some(Issuer::Jcb)),
            (b"359000000000000", None),
            (b"810000000000000", Some(Issuer::RuPay)),
            (b"820000000000000", Some(Issuer::RuPay)),
            (b"830000000000000", None),
            (b"508000000000000", Some(Issuer::RuPay)),
            (b"501800000000000", Some(Issuer::Maestro)),
            (b"676300000000000", Some(Issuer::Maestro)),
            (b"676400000000000", None),
            (b"306000000000000", None),
        ];
        for &(payload, want) in cases {
            let n = with_check(payload);
            assert_eq!(issuer(&n), want, "{}", String::from_utf8_lossy(&n));
            assert_eq!(is_valid(&n), want.is_some());
        }
    }

    #[test]
    fn length_sets() {
        // Visa takes 13, 16 and 19 only.
        for len in 12..=19 {
            let mut payload = vec![b'4'; len - 1];
            payload[1] = b'0';
            let n = with_check(&payload);
            assert_eq!(is_valid(&n), [13, 16, 19].contains(&len), "visa {len}");
        }
        // Diners 14-19, Maestro 12-19, RuPay 16 only.
        for len in 12..=20 {
            let diners = with_check(&[&b"36"[..], &vec![b'1'; len - 3]].concat());
            assert_eq!(is_valid(&diners), (14..=19).contains(&len), "diners {len}");
            let maestro = with_check(&[&b"6759"[..], &vec![b'1'; len - 5]].concat());
            assert_eq!(
                is_valid(&maestro),
                (12..=19).contains(&len),
                "maestro {len}"
            );
            let rupay = with_check(&[&b"81"[..], &vec![b'1'; len - 3]].concat());
            assert_eq!(is_valid(&rupay), len == 16, "rupay {len}");
        }
    }

    #[test]
    fn non_digits_are_rejected() {
        assert_eq!(issuer(b"4111 1111 1111 1111"), None);
        assert_eq!(issuer(b"411111111111111x"), None);
        assert!(!plausible_prefix(b"41x"));
    }

    #[test]
    fn plausible_prefixes() {
        for p in [
            &b""[..],
            b"4",
            b"2",
            b"22",
            b"222",
            b"2221",
            b"27",
            b"272",
            b"2720",
            b"3",
            b"35",
            b"358",
            b"6",
            b"62212",
            b"622126",
            b"411111",
            b"41111111",
            b"5",
            b"50",
            b"8",
            b"81",
        ] {
            assert!(plausible_prefix(p), "{}", String::from_utf8_lossy(p));
        }
        for p in [
            &b"0"[..],
            b"1",
            b"7",
            b"9",
            b"20",
            b"2220",
            b"273",
            b"2721",
            b"31",
            b"3527",
            b"359",
            b"643",
            b"83",
            b"5000",
            b"67640000",
        ] {
            assert!(!plausible_prefix(p), "{}", String::from_utf8_lossy(p));
        }
    }

    /// `v` as `width` ASCII digits.
    fn digits(v: u32, width: usize) -> Vec<u8> {
        format!("{v:0width$}").into_bytes()
    }

    #[test]
    fn six_digit_prefixes_agree_with_issuer() {
        // A six-digit prefix (every range's full width) is plausible iff some number that
        // starts with it, at one of the lengths every network takes one of, has an issuer.
        for p in (0..1_000_000u32)
            .step_by(997)
            .chain([222100, 272099, 622126, 622925, 676399])
        {
            let prefix = digits(p, 6);
            let issued = [13, 14, 15, 16].iter().any(|&len| {
                let mut n = prefix.clone();
                n.resize(len, b'0');
                issuer(&n).is_some()
            });
            assert_eq!(plausible_prefix(&prefix), issued, "{p:06}");
        }
    }

    #[test]
    fn short_prefixes_agree_with_their_extensions() {
        // Naive oracle for the scaled comparison: a prefix shorter than six digits is
        // plausible iff one of its one-digit extensions is. Exhaustive to four digits; at five,
        // around the only six-digit ranges (Discover's 622126-622925), to stay fast in debug.
        let four = (1..=4).flat_map(|w| (0..10u32.pow(w)).map(move |p| (w as usize, p)));
        let five = (62200..62300).map(|p| (5, p));
        let mut buf = [b'0'; 6];
        for (width, p) in four.chain(five) {
            for (i, b) in buf[..width].iter_mut().enumerate() {
                *b = b'0' + (p / 10u32.pow((width - 1 - i) as u32) % 10) as u8;
            }
            let oracle = (b'0'..=b'9').any(|d| {
                buf[width] = d;
                plausible_prefix(&buf[..=width])
            });
            assert_eq!(plausible_prefix(&buf[..width]), oracle, "{p:0width$}");
        }
    }

    #[test]
    fn names() {
        assert_eq!(Issuer::Visa.name(), "visa");
        assert_eq!(Issuer::RuPay.name(), "rupay");
        assert_eq!(Issuer::Maestro.name(), "maestro");
    }
}
