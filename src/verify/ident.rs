//! The identifiers digests and sketches hold (their *kinds*) and how a finding becomes one:
//! the normal form of CONTRACT.md "Normalisation", with cards cut to BIN + last 4 and a
//! person's name joined with their date of birth within a record.

use crate::types::PiiType;

/// A kind of identifier a digest or sketch holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// An e-mail address.
    Email,
    /// A phone number (E.164 digits).
    Phone,
    /// An Aadhaar number.
    Aadhaar,
    /// A PAN.
    Pan,
    /// A Singapore NRIC/FIN.
    Nric,
    /// A US SSN.
    Ssn,
    /// A passport number.
    Passport,
    /// A card's first six digits and last four (from full numbers and from masked ones that
    /// show at least six leading digits). Weak: many cards share one.
    CardBinLast4,
    /// A person's name with their date of birth, from one record. Weak: names and birthdays
    /// repeat.
    NameDob,
}

impl Kind {
    /// Number of kinds.
    pub const COUNT: usize = 9;

    /// Every kind.
    pub const ALL: [Kind; Kind::COUNT] = [
        Kind::Email,
        Kind::Phone,
        Kind::Aadhaar,
        Kind::Pan,
        Kind::Nric,
        Kind::Ssn,
        Kind::Passport,
        Kind::CardBinLast4,
        Kind::NameDob,
    ];

    /// The name files and reports use: the contract type name where there is one.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Email => "email",
            Kind::Phone => "phone",
            Kind::Aadhaar => "aadhaar",
            Kind::Pan => "pan_in",
            Kind::Nric => "sg_nric",
            Kind::Ssn => "us_ssn",
            Kind::Passport => "passport",
            Kind::CardBinLast4 => "card_bin_last4",
            Kind::NameDob => "name_dob",
        }
    }

    /// The kind with this name.
    ///
    /// ```
    /// use leakscan::verify::ident::Kind;
    /// assert_eq!(Kind::from_name("pan_in"), Some(Kind::Pan));
    /// assert_eq!(Kind::from_name("pan"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// How sentences name it.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Email => "e-mail",
            Kind::Phone => "phone",
            Kind::Aadhaar => "Aadhaar",
            Kind::Pan => "PAN",
            Kind::Nric => "NRIC",
            Kind::Ssn => "SSN",
            Kind::Passport => "passport",
            Kind::CardBinLast4 => "card BIN+last 4",
            Kind::NameDob => "name+date of birth",
        }
    }

    /// Weak kinds are shared by many people: a match never counts alone towards
    /// `records_matched`.
    pub fn is_weak(self) -> bool {
        matches!(self, Kind::CardBinLast4 | Kind::NameDob)
    }

    /// Position in [`Kind::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The kind of a finding of type `ty` whose normal form is `normal`, with the
    /// identifier's form written into `out` (cleared first); `None` for types that are no
    /// identifier here (names and dates of birth join per record, see [`name_dob`]).
    ///
    /// ```
    /// use leakscan::verify::ident::Kind;
    /// use leakscan::types::PiiType;
    /// let mut out = Vec::new();
    /// assert_eq!(Kind::of_finding(PiiType::CardNumber, b"4111111111111111", &mut out), Some(Kind::CardBinLast4));
    /// assert_eq!(out, b"411111*1111");
    /// assert_eq!(Kind::of_finding(PiiType::CardPartial, b"411111*1111", &mut out), Some(Kind::CardBinLast4));
    /// assert_eq!(Kind::of_finding(PiiType::CardPartial, b"4111*1111", &mut out), None);
    /// ```
    pub fn of_finding(ty: PiiType, normal: &[u8], out: &mut Vec<u8>) -> Option<Kind> {
        out.clear();
        let kind = match ty {
            PiiType::Email => Kind::Email,
            PiiType::Phone => Kind::Phone,
            PiiType::Aadhaar => Kind::Aadhaar,
            PiiType::PanIn => Kind::Pan,
            PiiType::SgNric => Kind::Nric,
            PiiType::UsSsn => Kind::Ssn,
            PiiType::Passport => Kind::Passport,
            PiiType::CardNumber if normal.len() >= 12 => {
                bin_last4(&normal[..6], &normal[normal.len() - 4..], out);
                return Some(Kind::CardBinLast4);
            }
            PiiType::CardPartial => {
                let star = normal.iter().position(|&b| b == b'*')?;
                let (lead, last) = (&normal[..star], &normal[star + 1..]);
                if lead.len() < 6 || last.len() != 4 {
                    return None;
                }
                bin_last4(&lead[..6], last, out);
                return Some(Kind::CardBinLast4);
            }
            _ => return None,
        };
        out.extend_from_slice(normal);
        Some(kind)
    }
}

fn bin_last4(bin: &[u8], last4: &[u8], out: &mut Vec<u8>) {
    out.extend_from_slice(bin);
    out.push(b'*');
    out.extend_from_slice(last4);
}

/// The [`Kind::NameDob`] identifier of a name and a date of birth (both normal forms) found
/// in one record, written into `out` (cleared first).
///
/// ```
/// let mut out = Vec::new();
/// leakscan::verify::ident::name_dob(b"asha rao", b"1990-04-01", &mut out);
/// assert_eq!(out, b"asha rao|1990-04-01");
/// ```
pub fn name_dob(name: &[u8], dob: &[u8], out: &mut Vec<u8>) {
    out.clear();
    out.extend_from_slice(name);
    out.push(b'|');
    out.extend_from_slice(dob);
}
