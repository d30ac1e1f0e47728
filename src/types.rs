//! The vocabulary shared by every stage: the personal-data types of CONTRACT.md and the
//! reasons (`basis`) a finding is reported for.

use std::fmt;

/// A personal-data type, exactly as CONTRACT.md names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum PiiType {
    /// A person's name.
    PersonName,
    /// An e-mail address.
    Email,
    /// A phone number.
    Phone,
    /// A full payment card number.
    CardNumber,
    /// A masked or truncated payment card number.
    CardPartial,
    /// An Indian Aadhaar number.
    Aadhaar,
    /// A passport number.
    Passport,
    /// An Indian Permanent Account Number.
    PanIn,
    /// A Singapore NRIC/FIN.
    SgNric,
    /// A US Social Security number.
    UsSsn,
    /// A stored password hash.
    PasswordHash,
    /// A clear-text password.
    PasswordPlain,
    /// A postal address.
    PostalAddress,
    /// A date of birth.
    DateOfBirth,
    /// An IPv4 or IPv6 address.
    IpAddress,
    /// A UPI virtual payment address.
    UpiId,
    /// A position that locates a person.
    GeoLocation,
}

impl PiiType {
    /// Number of types.
    pub const COUNT: usize = 17;

    /// Every type, in contract order.
    pub const ALL: [PiiType; PiiType::COUNT] = [
        PiiType::PersonName,
        PiiType::Email,
        PiiType::Phone,
        PiiType::CardNumber,
        PiiType::CardPartial,
        PiiType::Aadhaar,
        PiiType::Passport,
        PiiType::PanIn,
        PiiType::SgNric,
        PiiType::UsSsn,
        PiiType::PasswordHash,
        PiiType::PasswordPlain,
        PiiType::PostalAddress,
        PiiType::DateOfBirth,
        PiiType::IpAddress,
        PiiType::UpiId,
        PiiType::GeoLocation,
    ];

    /// The contract name (`"card_number"`).
    pub fn name(self) -> &'static str {
        match self {
            PiiType::PersonName => "person_name",
            PiiType::Email => "email",
            PiiType::Phone => "phone",
            PiiType::CardNumber => "card_number",
            PiiType::CardPartial => "card_partial",
            PiiType::Aadhaar => "aadhaar",
            PiiType::Passport => "passport",
            PiiType::PanIn => "pan_in",
            PiiType::SgNric => "sg_nric",
            PiiType::UsSsn => "us_ssn",
            PiiType::PasswordHash => "password_hash",
            PiiType::PasswordPlain => "password_plain",
            PiiType::PostalAddress => "postal_address",
            PiiType::DateOfBirth => "date_of_birth",
            PiiType::IpAddress => "ip_address",
            PiiType::UpiId => "upi_id",
            PiiType::GeoLocation => "geo_location",
        }
    }

    /// The type with this contract name.
    ///
    /// ```
    /// use leakscan::types::PiiType;
    /// assert_eq!(PiiType::from_name("upi_id"), Some(PiiType::UpiId));
    /// assert_eq!(PiiType::from_name("UPI"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<PiiType> {
        PiiType::ALL.into_iter().find(|t| t.name() == name)
    }

    /// Position in [`PiiType::ALL`], for per-type arrays.
    pub const fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for PiiType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Why a finding was reported: a small set of the contract's `basis` words.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Basis(u16);

impl Basis {
    /// A generic check digit or check letter validated.
    pub const CHECKSUM: Basis = Basis(1);
    /// The Luhn check digit validated.
    pub const LUHN: Basis = Basis(1 << 1);
    /// The Verhoeff check digit validated.
    pub const VERHOEFF: Basis = Basis(1 << 2);
    /// The NRIC/FIN check letter validated.
    pub const NRIC: Basis = Basis(1 << 3);
    /// A national number plan or issuer range accepted it.
    pub const NUMBER_PLAN: Basis = Basis(1 << 4);
    /// The field name supports the type.
    pub const FIELD: Basis = Basis(1 << 5);
    /// A keyword nearby supports the type.
    pub const KEYWORD: Basis = Basis(1 << 6);
    /// A dictionary (name list, handle list, TLD list) supports it.
    pub const DICTIONARY: Basis = Basis(1 << 7);
    /// Its shape alone is distinctive.
    pub const SHAPE: Basis = Basis(1 << 8);
    /// The field's other values support the type (whole-column judgement).
    pub const COLUMN: Basis = Basis(1 << 9);

    /// Every basis and its contract word, in the order [`Basis::names`] lists them.
    pub(crate) const NAMES: [(Basis, &'static str); 10] = [
        (Basis::CHECKSUM, "checksum"),
        (Basis::LUHN, "luhn"),
        (Basis::VERHOEFF, "verhoeff"),
        (Basis::NRIC, "nric"),
        (Basis::NUMBER_PLAN, "number_plan"),
        (Basis::FIELD, "field"),
        (Basis::KEYWORD, "keyword"),
        (Basis::DICTIONARY, "dictionary"),
        (Basis::SHAPE, "shape"),
        (Basis::COLUMN, "column"),
    ];

    /// The empty set.
    pub const fn empty() -> Basis {
        Basis(0)
    }

    /// Whether every reason of `other` is in `self`.
    pub fn contains(self, other: Basis) -> bool {
        self.0 & other.0 == other.0
    }

    /// The contract words of this set, in contract order.
    ///
    /// ```
    /// use leakscan::types::Basis;
    /// let b = Basis::VERHOEFF | Basis::FIELD;
    /// assert_eq!(b.names().collect::<Vec<_>>(), ["verhoeff", "field"]);
    /// ```
    pub fn names(self) -> impl Iterator<Item = &'static str> {
        // The set bits, lowest first: `NAMES[i]` is bit `i` (checked below).
        let mut bits = self.0;
        std::iter::from_fn(move || {
            let (_, name) = Basis::NAMES.get(bits.trailing_zeros() as usize)?;
            bits &= bits - 1;
            Some(*name)
        })
    }
}

/// [`Basis::names`] reads [`Basis::NAMES`] by bit: its entry `i` is bit `i`.
const _: () = {
    let mut i = 0;
    while i < Basis::NAMES.len() {
        assert!(
            Basis::NAMES[i].0 .0 == 1 << i,
            "Basis::NAMES is in bit order"
        );
        i += 1;
    }
};

impl std::ops::BitOr for Basis {
    type Output = Basis;
    fn bitor(self, rhs: Basis) -> Basis {
        Basis(self.0 | rhs.0)
    }
}

impl std::ops::BitOrAssign for Basis {
    fn bitor_assign(&mut self, rhs: Basis) {
        self.0 |= rhs.0;
    }
}

/// A country whose number plan applies to numbers written without a country code
/// (`--region`). Stored as its ISO 3166 alpha-2 code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Region(pub [u8; 2]);

impl Region {
    /// India, the default region.
    pub const IN: Region = Region(*b"IN");

    /// Parses a two-letter code, case-insensitively.
    ///
    /// ```
    /// use leakscan::types::Region;
    /// assert_eq!(Region::parse("sg").unwrap().as_str(), "SG");
    /// assert!(Region::parse("SGP").is_none());
    /// ```
    pub fn parse(code: &str) -> Option<Region> {
        let b = code.as_bytes();
        if b.len() == 2 && b.iter().all(u8::is_ascii_alphabetic) {
            Some(Region([
                b[0].to_ascii_uppercase(),
                b[1].to_ascii_uppercase(),
            ]))
        } else {
            None
        }
    }

    /// The code as text (`"IN"`).
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).expect("region codes are ASCII letters")
    }
}

impl Default for Region {
    fn default() -> Region {
        Region::IN
    }
}
