//! Value generation: every planted type, the decoys, and plain filler, written straight into
//! a caller's buffer from one seeded ChaCha8 stream (so a seed always gives the same bytes).
//!
//! Every number that has a check digit gets a valid one (decoys that must fail a check get a
//! wrong one on purpose), every phone number fits its country's plan, and every value is
//! fictional: documentation e-mail domains and IP ranges, 555-01xx NANP numbers, Ofcom drama
//! numbers, random digits elsewhere.

use super::gstin;
use super::identity;
use super::names;
use super::out::{push_padded, push_u64, Mark};
use super::vocab;
use crate::detect::validate::{luhn, nric, verhoeff};
use crate::types::PiiType;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// How a checksummed number or phone is written, as far as detection rules care.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Form {
    /// A strong shape only: grouped, prefixed with `+`, or otherwise reported anywhere.
    Strong,
    /// Any shape, bare (weak) ones included: for fields whose name supports the type.
    Field,
    /// The bare (weak) shape only: for free text right after a keyword.
    Bare,
}

/// What to generate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum V {
    // Personal data (truth).
    /// The record's person: given name and surname.
    FullName,
    /// The record's given name.
    GivenName,
    /// The record's surname.
    Surname,
    /// An e-mail address made from the person's name.
    Email,
    /// A UPI handle made from the person's name or mobile.
    Upi,
    /// A phone number of the person's country.
    Phone(Form),
    /// A full card number of a random issuer.
    Card(Form),
    /// A masked card number.
    CardMasked,
    /// The last four digits of the last card generated.
    Last4,
    /// An Aadhaar number.
    Aadhaar(Form),
    /// A PAN (lower case sometimes, under `Form::Field`).
    Pan(Form),
    /// A Singapore NRIC/FIN.
    Nric,
    /// A US SSN.
    Ssn(Form),
    /// An IPv4 or IPv6 address.
    Ip,
    /// A password hash (bare hex too, under `Form::Field`).
    Hash(Form),
    /// The person's postal address (sometimes on two lines).
    Address,
    /// The person's date of birth, in a country-typical format.
    Dob,
    /// The national id of the person's country in a strong shape (none for the UK).
    NationalId,
    /// A passport number of the person's country.
    Passport(Form),
    /// A clear-text password.
    PlainPassword,
    // Decoys: shaped like personal data, never reported.
    /// `OD` + 18 digits, or `ORD-2024-004821`.
    OrderId,
    /// Ten digits starting 6-9: a mobile's shape, for order-id fields.
    Order10,
    /// An invoice number.
    Invoice,
    /// The clock in epoch seconds.
    EpochS,
    /// The clock in epoch milliseconds.
    EpochMs,
    /// A UUID.
    Uuid,
    /// A Luhn-valid 16-digit internal reference.
    InternalRef,
    /// A GSTIN (a PAN inside a longer word), check character valid.
    Gstin,
    /// A version string (`10.0.19041.1`, `v2.3.4.5`, `4.12.0`).
    Version,
    /// A Luhn-valid 15-digit IMEI.
    Imei,
    /// Twelve digits starting 2-8 that fail Verhoeff.
    AccountRef,
    /// An amount with two decimals.
    Amount,
    /// A stock-keeping unit code.
    Sku,
    /// The person's PIN/ZIP/postcode.
    Zip,
    /// 64 hex digits (a file checksum).
    Sha256,
    /// 40 hex digits (a commit).
    Sha1,
    /// `********`.
    MaskedPassword,
    /// A password placeholder (`NULL`, `<redacted>`, `*`).
    PasswordPlaceholder,
    /// A date of the last two years (an order or update date).
    RecentDate,
    /// A ticket number shaped like an Indian passport number.
    Ticket,
    // Plain values: nothing planted.
    /// A running number.
    Seq,
    /// A number below the given bound.
    Small(u32),
    /// 24 hex digits (a MongoDB ObjectId).
    ObjectId,
    /// An account status word.
    Status,
    /// `F` or `M`.
    Gender,
    /// The person's city.
    City,
    /// The person's country code.
    Country,
    /// The currency of the person's country.
    Currency,
    /// A merchant name.
    Merchant,
    /// A subscription plan.
    Plan,
    /// A browser or app user agent.
    UserAgent,
    /// A payment gateway id (`pay_` + 14 letters and digits).
    PayId,
    /// A card expiry `MM/YY`.
    Expiry,
    /// The clock as `2024-03-01T10:22:33Z`.
    IsoTime,
    /// The clock as `2024-03-01 10:22`.
    ShortTime,
    /// About this many filler words, with sentence punctuation.
    Words(u16),
}

/// The countries persons come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Country {
    /// India.
    In,
    /// Singapore.
    Sg,
    /// United States.
    Us,
    /// United Kingdom.
    Gb,
}

/// The person a record is about: values of one record agree with each other.
#[derive(Clone, Copy, Debug)]
pub(super) struct Person {
    given: &'static str,
    surname: &'static str,
    ascii_given: &'static str,
    ascii_surname: &'static str,
    /// Where the person lives.
    pub(super) country: Country,
    /// Year of birth.
    pub(super) born: u16,
    city: usize,
}

/// Issuer ranges: (lowest prefix, highest prefix, number length, weight).
const ISSUERS: &[(u32, u32, usize, u32)] = &[
    (4, 4, 16, 30),      // Visa
    (51, 55, 16, 14),    // Mastercard
    (2221, 2720, 16, 6), // Mastercard 2-series
    (34, 34, 15, 4),     // American Express
    (37, 37, 15, 4),     // American Express
    (6011, 6011, 16, 4), // Discover
    (3528, 3589, 16, 4), // JCB
    (36, 36, 14, 3),     // Diners Club International
    (300, 305, 14, 2),   // Diners Club Carte Blanche
    (6521, 6522, 16, 8), // RuPay
    (5085, 5089, 16, 4), // RuPay
    (62, 62, 16, 5),     // UnionPay
    (62, 62, 19, 2),     // UnionPay, 19 digits
    (6759, 6759, 16, 2), // Maestro (UK)
];

const POW10: [u64; 19] = {
    let mut t = [1u64; 19];
    let mut i = 1;
    while i < 19 {
        t[i] = t[i - 1] * 10;
        i += 1;
    }
    t
};

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The generator: one seeded stream, the current person, the last card, and a clock.
pub(super) struct Gen {
    rng: ChaCha8Rng,
    /// The person the current record is about.
    pub(super) person: Person,
    card: [u8; 19],
    card_len: usize,
    /// Scratch digits, reused so that no value allocates.
    tmp: Vec<u8>,
    seq: u64,
    clock: u64,
}

impl Gen {
    /// A generator for stream `stream` of `seed`: files get their own streams, so each file's
    /// bytes depend only on the seed and its kind.
    pub(super) fn new(seed: u64, stream: u64) -> Gen {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        rng.set_stream(stream);
        let mut g = Gen {
            rng,
            person: Person {
                given: "",
                surname: "",
                ascii_given: "",
                ascii_surname: "",
                country: Country::In,
                born: 1990,
                city: 0,
            },
            card: [0; 19],
            card_len: 0,
            tmp: Vec::with_capacity(20),
            seq: 100_000,
            // 2024-03-01T00:00:00Z, plus up to a year.
            clock: 1_709_251_200,
        };
        g.clock += u64::from(g.below(365 * 86_400));
        g.new_person();
        g
    }

    /// A uniform number in `0..n`.
    pub(super) fn below(&mut self, n: u32) -> u32 {
        self.rng.random_range(0..n)
    }

    /// True `percent` times in a hundred.
    pub(super) fn chance(&mut self, percent: u32) -> bool {
        self.below(100) < percent
    }

    /// One of `xs`.
    pub(super) fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.rng.random_range(0..xs.len())]
    }

    /// Moves the clock on by up to `max_secs` seconds.
    pub(super) fn tick(&mut self, max_secs: u32) {
        self.clock += u64::from(self.below(max_secs + 1));
    }

    /// Starts a new record about a new person.
    pub(super) fn new_person(&mut self) {
        let country = match self.below(100) {
            0..=64 => Country::In,
            65..=76 => Country::Sg,
            77..=89 => Country::Us,
            _ => Country::Gb,
        };
        let names = names::parts();
        let (given, surname): (&[&str], &[&str]) = match country {
            Country::In => (&names.given_in, &names.surnames_in),
            Country::Sg => match self.below(100) {
                0..=59 => (&names.given_sg, &names.surnames_sg),
                60..=84 => (&names.given_malay, &names.surnames_malay),
                _ => (&names.given_in, &names.surnames_in),
            },
            _ if self.chance(85) => (&names.given_west, &names.surnames_west),
            _ => (&names.given_in, &names.surnames_in),
        };
        let (g, s, ag, as_) = if country == Country::In && self.chance(4) {
            self.pick(&names.native)
        } else {
            let g = self.pick(given);
            let s = self.pick(surname);
            (g, s, g, s)
        };
        let cities = match country {
            Country::In => vocab::CITIES_IN.len(),
            Country::Sg => 1,
            Country::Us => vocab::CITIES_US.len(),
            Country::Gb => vocab::CITIES_GB.len(),
        };
        self.person = Person {
            given: g,
            surname: s,
            ascii_given: ag,
            ascii_surname: as_,
            country,
            born: 1950 + self.below(56) as u16,
            city: self.below(cities as u32) as usize,
        };
        self.card_len = 0;
    }

    /// Writes `v` into `b`; says what was planted (`None` for plain values or when nothing
    /// fits the person, such as a national id for a UK resident).
    pub(super) fn gen(&mut self, v: V, b: &mut Vec<u8>) -> Option<Mark> {
        use PiiType as T;
        let ty = match v {
            V::FullName => {
                b.extend_from_slice(self.person.given.as_bytes());
                b.push(b' ');
                b.extend_from_slice(self.person.surname.as_bytes());
                T::PersonName
            }
            V::GivenName => {
                b.extend_from_slice(self.person.given.as_bytes());
                T::PersonName
            }
            V::Surname => {
                b.extend_from_slice(self.person.surname.as_bytes());
                T::PersonName
            }
            V::Email => {
                self.email(b);
                T::Email
            }
            V::Upi => {
                self.upi(b);
                T::UpiId
            }
            V::Phone(form) => {
                self.phone(b, form);
                T::Phone
            }
            V::Card(form) => {
                self.card(b, form);
                T::CardNumber
            }
            V::CardMasked => {
                self.card_masked(b);
                T::CardPartial
            }
            V::Last4 => {
                if self.card_len == 0 {
                    self.new_card(16);
                }
                b.extend_from_slice(&self.card[self.card_len - 4..self.card_len]);
                T::CardPartial
            }
            V::Aadhaar(form) => {
                self.aadhaar(b, form);
                T::Aadhaar
            }
            V::Pan(form) => {
                let lower = form != Form::Strong && self.chance(10);
                self.pan(b, lower);
                T::PanIn
            }
            V::Nric => {
                self.nric(b);
                T::SgNric
            }
            V::Ssn(form) => {
                self.ssn(b, form);
                T::UsSsn
            }
            V::Ip => {
                self.ip(b);
                T::IpAddress
            }
            V::Hash(form) => {
                self.hash(b, form);
                T::PasswordHash
            }
            V::Address => {
                self.address(b);
                T::PostalAddress
            }
            V::Dob => {
                self.dob(b);
                T::DateOfBirth
            }
            V::Passport(_) => {
                identity::passport(self, b);
                T::Passport
            }
            V::PlainPassword => {
                identity::password(self, b);
                T::PasswordPlain
            }
            V::NationalId => match self.person.country {
                Country::In => return self.gen(V::Aadhaar(Form::Strong), b),
                Country::Sg => return self.gen(V::Nric, b),
                Country::Us => return self.gen(V::Ssn(Form::Strong), b),
                Country::Gb => return None,
            },
            _ => return self.decoy_or_plain(v, b),
        };
        Some(Mark::Truth(ty))
    }

    fn decoy_or_plain(&mut self, v: V, b: &mut Vec<u8>) -> Option<Mark> {
        match v {
            V::OrderId => {
                if self.chance(60) {
                    b.extend_from_slice(b"OD");
                    self.digits(b, 18);
                } else {
                    b.extend_from_slice(b"ORD-");
                    push_u64(b, 2020 + u64::from(self.below(5)));
                    b.push(b'-');
                    self.digits(b, 6);
                }
            }
            V::Order10 => {
                b.push(b'6' + self.below(4) as u8);
                self.digits(b, 9);
            }
            V::Invoice => {
                if self.chance(50) {
                    b.extend_from_slice(b"INV/2024/");
                    self.digits(b, 6);
                } else {
                    b.extend_from_slice(b"INV-24-");
                    self.digits(b, 5);
                }
            }
            V::EpochS => push_u64(b, self.clock),
            V::EpochMs => {
                push_u64(b, self.clock);
                self.digits(b, 3);
            }
            V::Uuid => self.uuid(b),
            V::InternalRef => {
                let start = b.len();
                if self.chance(50) {
                    b.push(b'4');
                } else {
                    b.push(b'1' + self.below(9) as u8);
                }
                self.digits(b, 14);
                let check = luhn::check_digit(&b[start..]);
                b.push(check);
            }
            V::Gstin => self.gstin(b),
            V::Version => self.version(b),
            V::Imei => {
                let start = b.len();
                b.extend_from_slice(b"35");
                self.digits(b, 12);
                let check = luhn::check_digit(&b[start..]);
                b.push(check);
            }
            V::AccountRef => {
                let start = b.len();
                b.push(b'2' + self.below(7) as u8);
                self.digits(b, 10);
                let good = verhoeff::check_digit(&b[start..]) - b'0';
                // Any other digit fails the check.
                b.push(b'0' + ((u32::from(good) + 1 + self.below(9)) % 10) as u8);
            }
            V::Amount => {
                push_u64(b, u64::from(1 + self.below(49_999)));
                b.push(b'.');
                push_padded(b, u64::from(self.below(100)), 2);
            }
            V::Sku => {
                b.extend_from_slice(b"SKU-");
                self.letters(b, 2);
                self.digits(b, 2);
                b.push(b'-');
                self.digits(b, 4);
            }
            V::Zip => self.zip(b),
            V::Sha256 => self.hex(b, 64),
            V::Sha1 => self.hex(b, 40),
            V::MaskedPassword => b.extend_from_slice(b"********"),
            V::PasswordPlaceholder => identity::placeholder(self, b),
            V::RecentDate => identity::recent_date(self, b),
            V::Ticket => identity::ticket(self, b),
            _ => {
                self.plain(v, b);
                return None;
            }
        }
        Some(Mark::Decoy)
    }

    fn plain(&mut self, v: V, b: &mut Vec<u8>) {
        match v {
            V::Seq => {
                self.seq += 1 + u64::from(self.below(3));
                push_u64(b, self.seq);
            }
            V::Small(n) => push_u64(b, u64::from(self.below(n))),
            V::ObjectId => self.hex(b, 24),
            V::Status => {
                let s = self.pick(&[
                    "active", "active", "active", "inactive", "blocked", "pending",
                ]);
                b.extend_from_slice(s.as_bytes());
            }
            V::Gender => b.push(if self.chance(50) { b'F' } else { b'M' }),
            V::City => {
                let p = self.person;
                let city = match p.country {
                    Country::In => vocab::CITIES_IN[p.city].0,
                    Country::Sg => "Singapore",
                    Country::Us => vocab::CITIES_US[p.city].0,
                    Country::Gb => vocab::CITIES_GB[p.city].0,
                };
                b.extend_from_slice(city.as_bytes());
            }
            V::Country => b.extend_from_slice(match self.person.country {
                Country::In => b"IN",
                Country::Sg => b"SG",
                Country::Us => b"US",
                Country::Gb => b"GB",
            }),
            V::Currency => b.extend_from_slice(match self.person.country {
                Country::In => b"INR",
                Country::Sg => b"SGD",
                Country::Us => b"USD",
                Country::Gb => b"GBP",
            }),
            V::Merchant => {
                let m = self.pick(vocab::MERCHANTS);
                b.extend_from_slice(m.as_bytes());
            }
            V::Plan => {
                let plan = self.pick(&["free", "free", "basic", "premium", "family", "business"]);
                b.extend_from_slice(plan.as_bytes());
            }
            V::UserAgent => {
                let ua = self.pick(vocab::USER_AGENTS);
                b.extend_from_slice(ua.as_bytes());
            }
            V::PayId => {
                b.extend_from_slice(b"pay_");
                self.pick_chars(
                    b,
                    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
                    14,
                );
            }
            V::Expiry => {
                push_padded(b, u64::from(1 + self.below(12)), 2);
                b.push(b'/');
                push_u64(b, u64::from(25 + self.below(8)));
            }
            V::IsoTime => {
                self.datetime(b, b'T');
                b.push(b'Z');
            }
            V::ShortTime => {
                let start = b.len();
                self.datetime(b, b' ');
                b.truncate(b.len() - 3);
                debug_assert_eq!(b.len() - start, 16);
            }
            V::Words(n) => self.words(b, n),
            _ => unreachable!("{v:?} is planted, not plain"),
        }
    }

    // --- helpers -------------------------------------------------------------------------

    /// `n` random ASCII digits.
    fn digits(&mut self, b: &mut Vec<u8>, n: usize) {
        let mut left = n;
        while left > 0 {
            let k = left.min(18);
            let x = self.rng.random_range(0..POW10[k]);
            push_padded(b, x, k);
            left -= k;
        }
    }

    /// `n` random upper-case letters.
    fn letters(&mut self, b: &mut Vec<u8>, n: usize) {
        for _ in 0..n {
            b.push(b'A' + self.below(26) as u8);
        }
    }

    /// `n` random lower-case hex digits.
    fn hex(&mut self, b: &mut Vec<u8>, n: usize) {
        self.pick_chars(b, b"0123456789abcdef", n);
    }

    fn pick_chars(&mut self, b: &mut Vec<u8>, alphabet: &[u8], n: usize) {
        for _ in 0..n {
            b.push(alphabet[self.rng.random_range(0..alphabet.len())]);
        }
    }

    /// Writes `digits` in groups of `groups` sizes separated by `sep` (none when 0).
    fn grouped(b: &mut Vec<u8>, digits: &[u8], groups: &[usize], sep: u8) {
        let mut at = 0;
        for (i, &g) in groups.iter().enumerate() {
            if i > 0 && sep != 0 {
                b.push(sep);
            }
            b.extend_from_slice(&digits[at..at + g]);
            at += g;
        }
    }

    /// The separator of a grouped shape for `form`: 0 for bare.
    fn sep(&mut self, form: Form) -> u8 {
        match form {
            Form::Bare => 0,
            Form::Field if self.chance(50) => 0,
            _ if self.chance(70) => b' ',
            _ => b'-',
        }
    }

    /// Lower-case ASCII letters and digits of `s`.
    fn push_slug(b: &mut Vec<u8>, s: &str) {
        b.extend(
            s.bytes()
                .filter(u8::is_ascii_alphanumeric)
                .map(|c| c.to_ascii_lowercase()),
        );
    }

    fn email(&mut self, b: &mut Vec<u8>) {
        let start = b.len();
        let (g, s) = (self.person.ascii_given, self.person.ascii_surname);
        match self.below(8) {
            0 | 1 => {
                Self::push_slug(b, g);
                b.push(b'.');
                Self::push_slug(b, s);
            }
            2 => {
                Self::push_slug(b, g);
                Self::push_slug(b, s);
                push_u64(b, u64::from(self.below(100)));
            }
            3 => {
                Self::push_slug(b, g);
                b.push(b'_');
                Self::push_slug(b, s);
            }
            4 => {
                Self::push_slug(b, &g[..1]);
                b.push(b'.');
                Self::push_slug(b, s);
            }
            5 => {
                Self::push_slug(b, g);
                push_u64(b, u64::from(self.person.born));
            }
            6 => {
                Self::push_slug(b, s);
                b.push(b'.');
                Self::push_slug(b, g);
            }
            _ => {
                Self::push_slug(b, g);
                b.push(b'.');
                Self::push_slug(b, s);
                b.extend_from_slice(b"+shop");
            }
        }
        b.push(b'@');
        let domain = self.pick(vocab::EMAIL_DOMAINS);
        b.extend_from_slice(domain.as_bytes());
        match self.below(100) {
            // Capitalised words: `Asha.Rao@Example.com`.
            0..=7 => {
                let mut up = true;
                for c in &mut b[start..] {
                    if up {
                        c.make_ascii_uppercase();
                    }
                    up = !c.is_ascii_alphanumeric();
                }
            }
            8..=13 => b[start..].make_ascii_uppercase(),
            _ => {}
        }
    }

    fn upi(&mut self, b: &mut Vec<u8>) {
        match self.below(3) {
            0 => self.in_mobile(b),
            1 => {
                Self::push_slug(b, self.person.ascii_given);
                b.push(b'.');
                Self::push_slug(b, self.person.ascii_surname);
            }
            _ => {
                Self::push_slug(b, self.person.ascii_given);
                Self::push_slug(b, self.person.ascii_surname);
                push_u64(b, u64::from(self.below(1000)));
            }
        }
        b.push(b'@');
        let psp = self.pick(vocab::UPI_HANDLES);
        b.extend_from_slice(psp.as_bytes());
    }

    /// Ten digits of an Indian mobile number.
    fn in_mobile(&mut self, b: &mut Vec<u8>) {
        b.push(b'6' + self.below(4) as u8);
        self.digits(b, 9);
    }

    fn phone(&mut self, b: &mut Vec<u8>, form: Form) {
        match self.person.country {
            Country::In => self.phone_in(b, form),
            Country::Sg => {
                b.extend_from_slice(if self.chance(70) { b"+65 " } else { b"+65" });
                let spaced = b.last() == Some(&b' ');
                b.push(if self.chance(85) {
                    b'8' + self.below(2) as u8
                } else {
                    b'6'
                });
                self.digits(b, 3);
                if spaced {
                    b.push(b' ');
                }
                self.digits(b, 4);
            }
            Country::Us => {
                let area = vocab::CITIES_US[self.person.city].3;
                let prefixes: [&[u8]; 5] = [b"(", b"+1 (", b"+1 ", b"+1-", b""];
                let prefix = self.pick(&prefixes);
                let paren = prefix.ends_with(b"(");
                b.extend_from_slice(prefix);
                b.extend_from_slice(area.as_bytes());
                b.extend_from_slice(if paren { b") 555-01" } else { b"-555-01" });
                self.digits(b, 2);
            }
            Country::Gb => {
                if self.chance(50) {
                    b.extend_from_slice(b"+44 20 7946 0");
                    self.digits(b, 3);
                } else {
                    b.extend_from_slice(if self.chance(50) {
                        b"+44 7700 900"
                    } else {
                        b"+447700900"
                    });
                    self.digits(b, 3);
                }
            }
        }
    }

    fn phone_in(&mut self, b: &mut Vec<u8>, form: Form) {
        let roll = self.below(100);
        if form == Form::Bare || (form == Form::Field && roll < 35) {
            return self.in_mobile(b);
        }
        if form == Form::Field && roll < 45 {
            b.extend_from_slice(b"91");
            return self.in_mobile(b);
        }
        let std = vocab::CITIES_IN[self.person.city].3;
        let (prefix, sep): (&[u8], u8) = match self.below(20) {
            0..=4 => (b"+91 ", b' '),
            5..=7 => (b"+91", 0),
            8 => (b"+91-", b'-'),
            9 => (b"+91 ", 0),
            10 | 11 => (b"0", b'-'),
            12 => (b"0", b' '),
            13 | 14 => (b"", b' '),
            15 => (b"", b'-'),
            16 => (b"0091 ", b' '),
            _ if !std.is_empty() => {
                // A landline: 0 + two-digit STD code + eight digits.
                b.push(b'0');
                b.extend_from_slice(std.as_bytes());
                b.push(b'-');
                b.push(b'2' + self.below(5) as u8);
                self.digits(b, 3);
                b.push(b'-');
                return self.digits(b, 4);
            }
            _ => (b"+91 ", b' '),
        };
        b.extend_from_slice(prefix);
        let start = b.len();
        self.in_mobile(b);
        if sep != 0 {
            b.insert(start + 5, sep);
        }
    }

    /// Draws a card number of a random issuer and `len` digits (any length when 0) into
    /// `self.card`.
    fn new_card(&mut self, len: usize) {
        let total: u32 = ISSUERS
            .iter()
            .filter(|i| len == 0 || i.2 == len)
            .map(|i| i.3)
            .sum();
        let mut roll = self.below(total);
        let &(lo, hi, n, _) = ISSUERS
            .iter()
            .filter(|i| len == 0 || i.2 == len)
            .find(|i| {
                let hit = roll < i.3;
                roll = roll.saturating_sub(i.3);
                hit
            })
            .expect("the roll is below the total weight");
        let prefix = u64::from(lo + self.below(hi - lo + 1));
        self.checked_digits(prefix, n, luhn::check_digit);
        self.card[..n].copy_from_slice(&self.tmp);
        self.card_len = n;
    }

    /// Puts `n` digits in `self.tmp`: `prefix`, random digits, and the check digit `check`
    /// computes over them.
    fn checked_digits(&mut self, prefix: u64, n: usize, check: fn(&[u8]) -> u8) {
        let mut d = std::mem::take(&mut self.tmp);
        d.clear();
        push_u64(&mut d, prefix);
        let rest = n - 1 - d.len();
        self.digits(&mut d, rest);
        let c = check(&d);
        d.push(c);
        self.tmp = d;
    }

    fn card_groups(len: usize) -> &'static [usize] {
        match len {
            14 => &[4, 6, 4],
            15 => &[4, 6, 5],
            19 => &[4, 4, 4, 4, 3],
            _ => &[4, 4, 4, 4],
        }
    }

    fn card(&mut self, b: &mut Vec<u8>, form: Form) {
        self.new_card(0);
        let sep = self.sep(form);
        let card = self.card;
        Self::grouped(
            b,
            &card[..self.card_len],
            Self::card_groups(self.card_len),
            sep,
        );
    }

    /// A masked form of the record's card when it has 16 digits, else of a new one.
    fn card_masked(&mut self, b: &mut Vec<u8>) {
        if self.card_len != 16 {
            self.new_card(16);
        }
        let card = self.card;
        let last4 = &card[12..16];
        match self.below(8) {
            0 => b.extend_from_slice(b"XXXX-XXXX-XXXX-"),
            1 => b.extend_from_slice(b"xxxx xxxx xxxx "),
            2 => {
                b.extend_from_slice(&card[..4]);
                b.push(b' ');
                b.extend_from_slice(&card[4..6]);
                b.extend_from_slice(b"** **** ");
            }
            3 => {
                b.extend_from_slice(&card[..6]);
                b.extend_from_slice(b"******");
            }
            4 => b.extend_from_slice(b"************"),
            5 => b.extend_from_slice("•••• ".as_bytes()),
            6 => b.extend_from_slice(b"**** "),
            _ => b.extend_from_slice(b"XXXXXXXXXXXX"),
        }
        b.extend_from_slice(last4);
    }

    fn aadhaar(&mut self, b: &mut Vec<u8>, form: Form) {
        let first = u64::from(2 + self.below(8));
        self.checked_digits(first, 12, verhoeff::check_digit);
        let sep = self.sep(form);
        Self::grouped(b, &self.tmp, &[4, 4, 4], sep);
    }

    fn pan(&mut self, b: &mut Vec<u8>, lower: bool) {
        let start = b.len();
        self.letters(b, 3);
        let class = if self.chance(80) {
            b'P'
        } else {
            self.pick(b"CHFATBLJG")
        };
        b.push(class);
        let initial = self.person.ascii_surname.as_bytes()[0].to_ascii_uppercase();
        if class == b'P' && initial.is_ascii_uppercase() {
            b.push(initial);
        } else {
            self.letters(b, 1);
        }
        push_padded(b, u64::from(1 + self.below(9999)), 4);
        self.letters(b, 1);
        if lower {
            b[start..].make_ascii_lowercase();
        }
    }

    fn nric(&mut self, b: &mut Vec<u8>) {
        let prefix = match self.below(100) {
            0..=54 if self.person.born < 2000 => b'S',
            0..=54 => b'T',
            55..=69 => b'F',
            70..=84 => b'G',
            _ => b'M',
        };
        b.push(prefix);
        let start = b.len();
        self.digits(b, 7);
        let check = nric::check_letter(prefix, &b[start..]);
        b.push(check);
    }

    fn ssn(&mut self, b: &mut Vec<u8>, form: Form) {
        let (area, group, serial) = loop {
            let area = 1 + self.below(899);
            let group = 1 + self.below(99);
            let serial = 1 + self.below(9999);
            let reserved = area == 666
                || (area, group, serial) == (78, 5, 1120)
                || (area, group, serial) == (219, 9, 9999);
            if !reserved {
                break (area, group, serial);
            }
        };
        let sep = match form {
            Form::Bare => 0,
            Form::Field if self.chance(40) => 0,
            _ if self.chance(80) => b'-',
            _ => b' ',
        };
        push_padded(b, u64::from(area), 3);
        if sep != 0 {
            b.push(sep);
        }
        push_padded(b, u64::from(group), 2);
        if sep != 0 {
            b.push(sep);
        }
        push_padded(b, u64::from(serial), 4);
    }

    fn ip(&mut self, b: &mut Vec<u8>) {
        match self.below(10) {
            0..=6 => {
                let prefix: &[u8] = match self.below(6) {
                    0 => b"192.0.2.",
                    1 => b"198.51.100.",
                    2 => b"203.0.113.",
                    3 => b"10.",
                    4 => b"192.168.",
                    _ => b"172.",
                };
                b.extend_from_slice(prefix);
                let dots = prefix.iter().filter(|&&c| c == b'.').count();
                if prefix == b"172." {
                    push_u64(b, u64::from(16 + self.below(16)));
                    b.push(b'.');
                    push_u64(b, u64::from(self.below(256)));
                    b.push(b'.');
                } else {
                    for _ in dots..3 {
                        push_u64(b, u64::from(self.below(256)));
                        b.push(b'.');
                    }
                }
                push_u64(b, u64::from(1 + self.below(254)));
            }
            7 => {
                // Full form, zero-padded groups.
                b.extend_from_slice(b"2001:0db8");
                for _ in 0..6 {
                    b.push(b':');
                    self.hex(b, 4);
                }
            }
            8 => {
                b.extend_from_slice(b"2001:db8::");
                self.hex_group(b);
                b.push(b':');
                self.hex_group(b);
            }
            _ => {
                b.extend_from_slice(b"fe80::");
                self.hex_group(b);
            }
        }
    }

    /// An IPv6 group without leading zeros.
    fn hex_group(&mut self, b: &mut Vec<u8>) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let v = 1 + self.below(0xffff);
        let mut started = false;
        for shift in [12, 8, 4, 0] {
            let d = (v >> shift) & 0xf;
            if d != 0 || started {
                b.push(HEX[d as usize]);
                started = true;
            }
        }
    }

    fn hash(&mut self, b: &mut Vec<u8>, form: Form) {
        const CRYPT: &[u8] = b"./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        const BCRYPT: &[u8] = b"./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        const B64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        const ALNUM: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        let roll = self.below(100);
        if form != Form::Strong && roll < 30 {
            let len = self.pick(&[32, 40, 64]);
            return self.hex(b, len);
        }
        match roll % 10 {
            0..=2 => {
                let v = self.pick(&["$2b$12$", "$2a$10$", "$2y$10$"]);
                b.extend_from_slice(v.as_bytes());
                self.pick_chars(b, BCRYPT, 53);
            }
            3 => {
                b.extend_from_slice(b"$argon2id$v=19$m=65536,t=3,p=4$");
                self.pick_chars(b, B64, 22);
                b.push(b'$');
                self.pick_chars(b, B64, 43);
            }
            4 => {
                b.extend_from_slice(if self.chance(70) {
                    b"$6$"
                } else {
                    b"$6$rounds=656000$"
                });
                self.pick_chars(b, CRYPT, 16);
                b.push(b'$');
                self.pick_chars(b, CRYPT, 86);
            }
            5 => {
                let (id, salt, len): (&[u8], usize, usize) = if self.chance(50) {
                    (b"$5$", 16, 43)
                } else {
                    (b"$1$", 8, 22)
                };
                b.extend_from_slice(id);
                self.pick_chars(b, CRYPT, salt);
                b.push(b'$');
                self.pick_chars(b, CRYPT, len);
            }
            6 => {
                b.extend_from_slice(b"$P$B");
                self.pick_chars(b, CRYPT, 30);
            }
            7 | 8 => {
                b.extend_from_slice(b"pbkdf2_sha256$600000$");
                self.pick_chars(b, ALNUM, 22);
                b.push(b'$');
                self.pick_chars(b, B64, 43);
                b.push(b'=');
            }
            _ => {
                b.extend_from_slice(b"pbkdf2:sha256:600000$");
                self.pick_chars(b, ALNUM, 16);
                b.push(b'$');
                self.hex(b, 64);
            }
        }
    }

    fn address(&mut self, b: &mut Vec<u8>) {
        let p = self.person;
        match p.country {
            Country::In => {
                let (city, state, pin, _) = vocab::CITIES_IN[p.city];
                let newline = self.chance(4);
                match self.below(3) {
                    0 => {
                        b.extend_from_slice(b"Flat ");
                        push_u64(
                            b,
                            u64::from(1 + self.below(40)) * 100 + u64::from(1 + self.below(12)),
                        );
                        b.extend_from_slice(b", ");
                        let building = self.pick(vocab::BUILDINGS);
                        if self.chance(15) {
                            // Quoted building names make CSV `""` escapes.
                            b.push(b'"');
                            b.extend_from_slice(building.as_bytes());
                            b.extend_from_slice(b"\" Apartments");
                        } else {
                            b.extend_from_slice(building.as_bytes());
                            b.extend_from_slice(b" Apartments");
                        }
                    }
                    1 => {
                        b.push(b'#');
                        push_u64(b, u64::from(1 + self.below(400)));
                        b.extend_from_slice(b", ");
                        push_u64(b, u64::from(4 + self.below(6)));
                        b.extend_from_slice(b"th Cross");
                    }
                    _ => {
                        push_u64(b, u64::from(1 + self.below(200)));
                        b.push(b'/');
                        push_u64(b, u64::from(1 + self.below(20)));
                        b.push(b' ');
                        let street = self.pick(vocab::STREETS_IN);
                        b.extend_from_slice(street.as_bytes());
                    }
                }
                b.extend_from_slice(if newline { b"\n" } else { b", " });
                let locality = self.pick(vocab::LOCALITIES_IN);
                b.extend_from_slice(locality.as_bytes());
                b.extend_from_slice(b", ");
                b.extend_from_slice(city.as_bytes());
                if self.chance(40) {
                    b.extend_from_slice(b", ");
                    b.extend_from_slice(state.as_bytes());
                }
                b.extend_from_slice(if self.chance(50) { b" - " } else { b" " });
                b.extend_from_slice(pin.as_bytes());
                self.digits(b, 3);
            }
            Country::Sg => {
                b.extend_from_slice(b"Blk ");
                push_u64(b, u64::from(1 + self.below(700)));
                b.push(b' ');
                let street = self.pick(vocab::STREETS_SG);
                b.extend_from_slice(street.as_bytes());
                b.extend_from_slice(b" #");
                push_padded(b, u64::from(1 + self.below(30)), 2);
                b.push(b'-');
                push_padded(b, u64::from(1 + self.below(300)), 2);
                b.extend_from_slice(b", Singapore ");
                self.zip(b);
            }
            Country::Us => {
                let (city, state, _, _) = vocab::CITIES_US[p.city];
                push_u64(b, u64::from(100 + self.below(9900)));
                b.push(b' ');
                let street = self.pick(vocab::STREETS_WEST);
                b.extend_from_slice(street.as_bytes());
                if self.chance(40) {
                    b.extend_from_slice(b", Apt ");
                    push_u64(b, u64::from(1 + self.below(40)));
                }
                b.extend_from_slice(b", ");
                b.extend_from_slice(city.as_bytes());
                b.extend_from_slice(b", ");
                b.extend_from_slice(state.as_bytes());
                b.push(b' ');
                self.zip(b);
            }
            Country::Gb => {
                push_u64(b, u64::from(1 + self.below(250)));
                b.push(b' ');
                let street = self.pick(vocab::STREETS_WEST);
                b.extend_from_slice(street.as_bytes());
                b.extend_from_slice(b", ");
                b.extend_from_slice(vocab::CITIES_GB[p.city].0.as_bytes());
                b.push(b' ');
                self.zip(b);
            }
        }
    }

    fn zip(&mut self, b: &mut Vec<u8>) {
        let p = self.person;
        match p.country {
            Country::In => {
                b.extend_from_slice(vocab::CITIES_IN[p.city].2.as_bytes());
                self.digits(b, 3);
            }
            Country::Sg => {
                b.push(b'1' + self.below(8) as u8);
                self.digits(b, 5);
            }
            Country::Us => {
                b.extend_from_slice(vocab::CITIES_US[p.city].2.as_bytes());
                self.digits(b, 2);
            }
            Country::Gb => {
                b.extend_from_slice(vocab::CITIES_GB[p.city].1.as_bytes());
                b.push(b' ');
                self.digits(b, 1);
                // Inward codes never use C I K M O V.
                self.pick_chars(b, b"ABDEFGHJLNPQRSTUWXYZ", 2);
            }
        }
    }

    fn dob(&mut self, b: &mut Vec<u8>) {
        let year = u64::from(self.person.born);
        let month = u64::from(1 + self.below(12));
        let day = u64::from(1 + self.below(28));
        let us = self.person.country == Country::Us;
        match self.below(10) {
            0..=3 => {
                push_u64(b, year);
                b.push(b'-');
                push_padded(b, month, 2);
                b.push(b'-');
                push_padded(b, day, 2);
            }
            4..=6 => {
                let (first, second) = if us { (month, day) } else { (day, month) };
                let sep = if self.chance(75) { b'/' } else { b'-' };
                push_padded(b, first, 2);
                b.push(sep);
                push_padded(b, second, 2);
                b.push(sep);
                push_u64(b, year);
            }
            _ => {
                let sep = if self.chance(60) { b' ' } else { b'-' };
                push_padded(b, day, 2);
                b.push(sep);
                b.extend_from_slice(MONTHS[(month - 1) as usize].as_bytes());
                b.push(sep);
                push_u64(b, year);
            }
        }
    }

    fn uuid(&mut self, b: &mut Vec<u8>) {
        // Each group gets a letter: an all-digit group could read as a number (three middle
        // groups as a dashed 4-4-4 Aadhaar, the last as a 12-digit run).
        for (i, n) in [8usize, 4, 4, 4, 12].into_iter().enumerate() {
            if i > 0 {
                b.push(b'-');
            }
            let start = b.len();
            match i {
                2 => {
                    b.push(b'4');
                    self.hex(b, n - 1);
                }
                3 => {
                    let variant = self.pick(b"89ab");
                    b.push(variant);
                    self.hex(b, n - 1);
                }
                _ => self.hex(b, n),
            }
            if b[start..].iter().all(u8::is_ascii_digit) {
                let at = start + 1 + self.below(n as u32 - 1) as usize;
                b[at] = self.pick(b"abcdef");
            }
        }
    }

    fn gstin(&mut self, b: &mut Vec<u8>) {
        let start = b.len();
        push_padded(b, u64::from(1 + self.below(37)), 2);
        self.letters(b, 3);
        let class = self.pick(b"CFP");
        b.push(class);
        self.letters(b, 1);
        push_padded(b, u64::from(1 + self.below(9999)), 4);
        self.letters(b, 1);
        b.push(b'1' + self.below(3) as u8);
        b.push(b'Z');
        let check = gstin::check_char(&b[start..]);
        b.push(check);
    }

    fn version(&mut self, b: &mut Vec<u8>) {
        match self.below(4) {
            0 => {
                // A Windows build: the third part is far above 255, so never an address.
                b.extend_from_slice(self.pick(&[b"10.0.19041.", b"10.0.22631."]));
                push_u64(b, u64::from(1 + self.below(4000)));
            }
            1 => {
                b.push(b'v');
                for i in 0..4 {
                    if i > 0 {
                        b.push(b'.');
                    }
                    push_u64(b, u64::from(self.below(20)));
                }
            }
            _ => {
                for i in 0..3 {
                    if i > 0 {
                        b.push(b'.');
                    }
                    push_u64(b, u64::from(self.below(30)));
                }
            }
        }
    }

    /// The clock as `YYYY-MM-DD<sep>HH:MM:SS`.
    fn datetime(&mut self, b: &mut Vec<u8>, sep: u8) {
        let (y, m, d) = crate::calendar::civil_from_days((self.clock / 86_400) as i64);
        let secs = self.clock % 86_400;
        push_u64(b, y as u64);
        b.push(b'-');
        push_padded(b, m as u64, 2);
        b.push(b'-');
        push_padded(b, d as u64, 2);
        b.push(sep);
        push_padded(b, secs / 3600, 2);
        b.push(b':');
        push_padded(b, secs / 60 % 60, 2);
        b.push(b':');
        push_padded(b, secs % 60, 2);
    }

    fn words(&mut self, b: &mut Vec<u8>, n: u16) {
        let mut capital = true;
        for i in 0..n {
            if i > 0 {
                b.push(b' ');
            }
            let start = b.len();
            let w = self.pick(vocab::WORDS);
            b.extend_from_slice(w.as_bytes());
            if capital {
                b[start].make_ascii_uppercase();
                capital = false;
            }
            if i + 1 < n {
                match self.below(12) {
                    0 => {
                        b.push(b'.');
                        capital = true;
                    }
                    1 => b.push(b','),
                    _ => {}
                }
            }
        }
        b.push(b'.');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(g: &mut Gen, v: V) -> String {
        let mut b = Vec::new();
        g.gen(v, &mut b);
        String::from_utf8(b).expect("UTF-8")
    }

    #[test]
    fn checksummed_values_validate() {
        let mut g = Gen::new(7, 0);
        for _ in 0..500 {
            let d: Vec<u8> = one(&mut g, V::Card(Form::Field))
                .bytes()
                .filter(u8::is_ascii_digit)
                .collect();
            assert!((14..=19).contains(&d.len()));
            assert_eq!(luhn::check_digit(&d[..d.len() - 1]), d[d.len() - 1]);
            let d: Vec<u8> = one(&mut g, V::Aadhaar(Form::Field))
                .bytes()
                .filter(u8::is_ascii_digit)
                .collect();
            assert_eq!(d.len(), 12);
            assert!(d[0] >= b'2');
            assert_eq!(verhoeff::check_digit(&d[..11]), d[11]);
            let d = one(&mut g, V::AccountRef).into_bytes();
            assert_eq!(d.len(), 12);
            assert_ne!(verhoeff::check_digit(&d[..11]), d[11]);
            let d = one(&mut g, V::Imei).into_bytes();
            assert_eq!(d.len(), 15);
            assert_eq!(luhn::check_digit(&d[..14]), d[14]);
            let n = one(&mut g, V::Nric).into_bytes();
            assert_eq!(nric::check_letter(n[0], &n[1..8]), n[8]);
            let s = one(&mut g, V::Gstin).into_bytes();
            assert_eq!(gstin::check_char(&s[..14]), s[14]);
        }
    }

    #[test]
    fn uuid_groups_are_never_all_digits() {
        let mut g = Gen::new(3, 0);
        for _ in 0..2000 {
            let u = one(&mut g, V::Uuid);
            assert_eq!(u.len(), 36);
            for group in u.split('-') {
                assert!(!group.bytes().all(|c| c.is_ascii_digit()), "{u}");
            }
        }
    }

    #[test]
    fn phones_fit_their_shapes() {
        let mut g = Gen::new(5, 0);
        for _ in 0..500 {
            g.new_person();
            let p = one(&mut g, V::Phone(Form::Strong));
            let digits: String = p.chars().filter(char::is_ascii_digit).collect();
            match g.person.country {
                Country::In => assert!(
                    [10, 11, 12, 14].contains(&digits.len()),
                    "{p}: an Indian number is 10 digits plus 0, 91 or 0091"
                ),
                Country::Sg => assert_eq!(digits.len(), 10, "{p}"),
                Country::Us => assert!(p.contains("555-01"), "{p}"),
                Country::Gb => assert!(
                    digits.starts_with("4420794") || digits.starts_with("447700900"),
                    "{p}"
                ),
            }
            // A strong shape is never a bare run of digits.
            assert!(p.bytes().any(|c| !c.is_ascii_digit()), "{p}");
        }
    }
}
