//! Authenticity signals over a sample's values, as pure functions: identifier *shapes* and
//! their checksums, cross-field consistency, e-mail domains, value formats, password hash
//! schemes, record ids and dates.
//!
//! Shapes are counted here, over every value verify sees, not in the detector: the detector
//! reports only valid identifiers, while a checksum pass rate needs the invalid ones too. This
//! separate pass runs in `verify` only, so scans pay nothing for it.

use crate::detect::validate::{card, crypt, luhn, nric, pan, phone, tld, verhoeff};
use crate::types::PiiType;
use regex::bytes::Regex;
use std::sync::LazyLock;

/// A checksummed identifier shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// 12 digits starting 2–9 (spaced or dashed 4-4-4 too); Verhoeff.
    Aadhaar,
    /// A 13–19-digit run in an issuer's range and length; Luhn.
    Card,
    /// `[STFGM]\d{7}[A-Z]`; the NRIC check letter.
    Nric,
    /// `[A-Z]{5}\d{4}[A-Z]`; a holder class in the 4th letter.
    Pan,
}

impl Shape {
    /// Every shape.
    pub const ALL: [Shape; 4] = [Shape::Aadhaar, Shape::Card, Shape::Nric, Shape::Pan];

    /// The type whose shape it is.
    pub fn ty(self) -> PiiType {
        match self {
            Shape::Aadhaar => PiiType::Aadhaar,
            Shape::Card => PiiType::CardNumber,
            Shape::Nric => PiiType::SgNric,
            Shape::Pan => PiiType::PanIn,
        }
    }

    /// The pass rate of random values of the shape: Verhoeff and Luhn accept one check digit
    /// in ten, the NRIC one letter of eleven, and 10 of 26 letters are PAN holder classes.
    pub fn chance(self) -> f64 {
        match self {
            Shape::Aadhaar | Shape::Card => 0.10,
            Shape::Nric => 1.0 / 11.0,
            Shape::Pan => 10.0 / 26.0,
        }
    }

    /// Position in [`Shape::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

static AADHAAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b[2-9]\d{3}[ -]?\d{4}[ -]?\d{4}\b").expect("valid regex"));
static CARD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b\d(?:[ -]?\d){12,18}\b").expect("valid regex"));
static NRIC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b[STFGMstfgm]\d{7}[A-Za-z]\b").expect("valid regex"));
static PAN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b[A-Za-z]{5}\d{4}[A-Za-z]\b").expect("valid regex"));

/// Calls `each(shape, passed)` for every identifier-shaped run in `value`.
///
/// ```
/// use leakscan::verify::signals::{shapes, Shape};
/// let mut seen = Vec::new();
/// shapes(b"2345 6789 0124 / ABCPR1234K", |s, ok| seen.push((s, ok)));
/// assert_eq!(seen.len(), 2);
/// assert_eq!(seen[1], (Shape::Pan, true));
/// ```
pub fn shapes(value: &[u8], mut each: impl FnMut(Shape, bool)) {
    let digits = value.iter().filter(|b| b.is_ascii_digit()).count();
    if digits < 4 {
        return;
    }
    let mut buf = [0u8; 19];
    if digits >= 12 {
        for m in AADHAAR.find_iter(value) {
            let n = strip(m.as_bytes(), &mut buf);
            each(Shape::Aadhaar, verhoeff::is_valid(&buf[..n]));
        }
        for m in CARD.find_iter(value) {
            let n = strip(m.as_bytes(), &mut buf);
            if card::issuer(&buf[..n]).is_some() {
                each(Shape::Card, luhn::is_valid(&buf[..n]));
            }
        }
    }
    // NRICs and PANs are 9 and 10 characters with letters around their digits.
    if value.len() < 9 || !value.iter().any(u8::is_ascii_alphabetic) {
        return;
    }
    for m in NRIC.find_iter(value) {
        let id = m.as_bytes().to_ascii_uppercase();
        each(Shape::Nric, nric::is_valid(&id));
    }
    for m in PAN.find_iter(value) {
        let id = m.as_bytes().to_ascii_uppercase();
        each(Shape::Pan, pan::is_valid(&id));
    }
}

/// Copies the digits of `run` into `buf`; returns how many (at most `buf.len()`).
fn strip(run: &[u8], buf: &mut [u8; 19]) -> usize {
    let mut n = 0;
    for &b in run.iter().filter(|b| b.is_ascii_digit()) {
        if n < buf.len() {
            buf[n] = b;
            n += 1;
        }
    }
    n
}

/// What a field's name says it holds, for the cross-field checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldRole {
    /// A surname.
    Surname,
    /// A full name (surname last).
    FullName,
    /// A date of birth.
    Birth,
    /// A country.
    Country,
    /// A postal address (or its postcode).
    Address,
    /// A date something happened (created, updated, ordered, logged in).
    EventDate,
    /// A numeric record id.
    Id,
}

/// The role of a field by its name, if any.
///
/// ```
/// use leakscan::verify::signals::{field_role, FieldRole};
/// assert_eq!(field_role("last_name"), Some(FieldRole::Surname));
/// assert_eq!(field_role("customer_name"), Some(FieldRole::FullName));
/// assert_eq!(field_role("username"), None);
/// assert_eq!(field_role("created_at"), Some(FieldRole::EventDate));
/// assert_eq!(field_role("dob"), Some(FieldRole::Birth));
/// assert_eq!(field_role("customerId"), Some(FieldRole::Id));
/// assert_eq!(field_role("billing_address"), Some(FieldRole::Address));
/// assert_eq!(field_role("email_address"), None);
/// assert_eq!(field_role("paid"), None);
/// ```
pub fn field_role(name: &str) -> Option<FieldRole> {
    let lower = name.to_ascii_lowercase();
    let last = lower
        .rsplit(['.', '[', ']'])
        .find(|s| !s.is_empty())
        .unwrap_or("");
    let has = |w: &str| last.contains(w);
    if has("birth") || last == "dob" || last.starts_with("dob_") || last.ends_with("_dob") {
        return Some(FieldRole::Birth);
    }
    if has("surname") || has("last_name") || has("lastname") || has("family_name") {
        return Some(FieldRole::Surname);
    }
    if has("name") {
        let other = [
            "first", "given", "middle", "user", "file", "host", "company", "display", "nick",
        ];
        return (!other.iter().any(|w| has(w))).then_some(FieldRole::FullName);
    }
    let not_postal = [
        "email",
        "e_mail",
        "mail_addr",
        "ip",
        "mac",
        "wallet",
        "url",
        "web",
    ];
    if (has("address")
        || has("addr")
        || ["zip", "zipcode", "postcode", "pincode", "pin_code"].contains(&last))
        && !not_postal.iter().any(|w| has(w))
    {
        return Some(FieldRole::Address);
    }
    if last == "country" || last == "country_code" || last == "nationality" {
        return Some(FieldRole::Country);
    }
    if last == "id"
        || last.ends_with("_id")
        || ["userid", "customerid", "uid"].contains(&last)
        || (name.ends_with("Id") && name.len() > 2)
    {
        return Some(FieldRole::Id);
    }
    let events = [
        "created",
        "updated",
        "modified",
        "order",
        "registered",
        "signup",
        "sign_up",
        "joined",
        "login",
        "_at",
        "timestamp",
        "date",
        "time",
        "since",
    ];
    let not = ["expir", "valid", "birth"];
    (events.iter().any(|w| has(w)) && !not.iter().any(|w| has(w))).then_some(FieldRole::EventDate)
}

/// The initial (upper-case ASCII) of the surname in a value of a surname or full-name field.
///
/// ```
/// use leakscan::verify::signals::{surname_initial, FieldRole};
/// assert_eq!(surname_initial(b"Asha Rao", FieldRole::FullName), Some(b'R'));
/// assert_eq!(surname_initial(b"rao", FieldRole::Surname), Some(b'R'));
/// ```
pub fn surname_initial(value: &[u8], role: FieldRole) -> Option<u8> {
    let word = match role {
        FieldRole::Surname => value
            .split(|b| !b.is_ascii_alphabetic())
            .find(|w| !w.is_empty()),
        FieldRole::FullName => value
            .split(|b| !b.is_ascii_alphabetic())
            .rfind(|w| !w.is_empty()),
        _ => None,
    }?;
    Some(word[0].to_ascii_uppercase())
}

/// Whether an individual's PAN (4th letter `P`) carries the surname initial in its 5th
/// letter; `None` for other holders.
///
/// ```
/// use leakscan::verify::signals::pan_matches_surname;
/// assert_eq!(pan_matches_surname(b"ABCPR1234K", b'R'), Some(true));
/// assert_eq!(pan_matches_surname(b"ABCPK1234K", b'R'), Some(false));
/// assert_eq!(pan_matches_surname(b"ABCCR1234K", b'R'), None);
/// ```
pub fn pan_matches_surname(pan: &[u8], initial: u8) -> Option<bool> {
    (pan.len() == 10 && pan[3] == b'P').then(|| pan[4] == initial)
}

/// Whether a citizen's NRIC (S or T series, born 1968 or later) starts with the last two
/// digits of the birth year; `None` where the rule does not apply.
///
/// ```
/// use leakscan::verify::signals::nric_matches_birth_year;
/// assert_eq!(nric_matches_birth_year(b"S8512345A", 1985), Some(true));
/// assert_eq!(nric_matches_birth_year(b"T0312345A", 1985), Some(false));
/// assert_eq!(nric_matches_birth_year(b"S5512345A", 1955), None);
/// assert_eq!(nric_matches_birth_year(b"F1234567N", 1990), None);
/// ```
pub fn nric_matches_birth_year(id: &[u8], year: u16) -> Option<bool> {
    if id.len() != 9 || !matches!(id[0], b'S' | b'T') || year < 1968 {
        return None;
    }
    let yy = [b'0' + (year / 10 % 10) as u8, b'0' + (year % 10) as u8];
    let series_ok = (id[0] == b'S') == (year < 2000);
    Some(series_ok && id[1..3] == yy)
}

/// The calling code a country field's value names (`IN`, `India` → `91`).
///
/// ```
/// assert_eq!(leakscan::verify::signals::country_calling_code(b"Singapore"), Some("65"));
/// assert_eq!(leakscan::verify::signals::country_calling_code(b"xx"), None);
/// ```
pub fn country_calling_code(value: &[u8]) -> Option<&'static str> {
    let v = String::from_utf8_lossy(value).trim().to_ascii_lowercase();
    Some(match v.as_str() {
        "in" | "ind" | "india" => "91",
        "sg" | "sgp" | "singapore" => "65",
        "us" | "usa" | "united states" | "united states of america" => "1",
        "gb" | "uk" | "united kingdom" | "great britain" => "44",
        "ae" | "uae" | "united arab emirates" => "971",
        _ => return None,
    })
}

/// US state and territory codes, as a `ST 12345` ZIP line writes them.
const US_STATES: &[&str] = &[
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
    "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM",
    "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA",
    "WV", "WI", "WY", "PR",
];

/// Indian states and the largest cities (lower case), for addresses without a PIN.
const INDIAN_PLACES: &[&str] = &[
    "andhra pradesh",
    "assam",
    "bihar",
    "delhi",
    "goa",
    "gujarat",
    "haryana",
    "karnataka",
    "kerala",
    "madhya pradesh",
    "maharashtra",
    "odisha",
    "punjab",
    "rajasthan",
    "tamil nadu",
    "telangana",
    "uttar pradesh",
    "west bengal",
    "mumbai",
    "bengaluru",
    "bangalore",
    "chennai",
    "hyderabad",
    "kolkata",
    "pune",
    "ahmedabad",
    "jaipur",
    "lucknow",
    "kochi",
    "gurugram",
    "noida",
];

static US_ZIP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b([A-Z]{2}) \d{5}(?:-\d{4})?\b").expect("valid regex"));
static UK_POSTCODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b[A-Z]{1,2}\d[A-Z\d]? \d[ABD-HJLNP-UW-Z]{2}\b").expect("valid regex")
});
static IN_PIN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b[1-8]\d{2} ?\d{3}\b").expect("valid regex"));

/// The calling code of the country a postal address is in, as its form tells: a US state
/// code and ZIP, a country name ending it (`Singapore 123456`, `..., India`), a UK postcode,
/// a 6-digit Indian PIN or an Indian state or city name.
///
/// ```
/// use leakscan::verify::signals::address_calling_code as cc;
/// assert_eq!(cc(b"12/3 MG Road, Indiranagar, Bengaluru - 560038"), Some("91"));
/// assert_eq!(cc(b"Blk 12 Tampines St 81 #04-12, Singapore 520123"), Some("65"));
/// assert_eq!(cc(b"411 Oak Street, Indianapolis, IN 46204"), Some("1"));
/// assert_eq!(cc(b"7 High Street, Leeds LS1 4AB"), Some("44"));
/// assert_eq!(cc(b"Near the old temple, Pune"), Some("91"));
/// assert_eq!(cc(b"Room 12"), None);
/// ```
pub fn address_calling_code(value: &[u8]) -> Option<&'static str> {
    if US_ZIP
        .captures_iter(value)
        .any(|c| US_STATES.iter().any(|s| s.as_bytes() == &c[1]))
    {
        return Some("1");
    }
    let tail = value
        .rsplit(|&b| b == b',' || b == b'\n')
        .find(|s| !s.trim_ascii().is_empty())
        .unwrap_or(b"");
    let end = tail
        .iter()
        .rposition(|b| !(b.is_ascii_digit() || matches!(b, b' ' | b'-' | b'\t' | b'\r')))
        .map_or(0, |i| i + 1);
    let name = &tail[..end];
    if let Some(cc) = country_calling_code(name) {
        return Some(cc);
    }
    if UK_POSTCODE.is_match(value) {
        return Some("44");
    }
    let lower = value.to_ascii_lowercase();
    let text = String::from_utf8_lossy(&lower);
    if IN_PIN.is_match(value) || INDIAN_PLACES.iter().any(|p| has_word(&text, p)) {
        return Some("91");
    }
    None
}

/// Whether `word` (lower case, perhaps several words) stands in `text` between non-letters.
fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphabetic) && !after.is_some_and(char::is_alphabetic)
    })
}

/// The calling code of a phone's normal form (E.164 digits).
pub fn phone_calling_code(normal: &[u8]) -> Option<String> {
    phone::international(normal).map(|e| String::from_utf8_lossy(e.country_code()).into_owned())
}

/// Throwaway-mailbox domains (a short list of the best known).
const DISPOSABLE: &[&str] = &[
    "mailinator.com",
    "guerrillamail.com",
    "10minutemail.com",
    "yopmail.com",
    "tempmail.com",
    "temp-mail.org",
    "trashmail.com",
    "sharklasers.com",
    "getnada.com",
    "dispostable.com",
    "maildrop.cc",
    "throwawaymail.com",
    "fakeinbox.com",
    "mailnesia.com",
    "mintemail.com",
];

/// What kind of domain an e-mail address's domain is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DomainKind {
    /// An ordinary domain.
    Ordinary,
    /// Reserved for documentation and tests (RFC 2606, RFC 6761): no real mailbox.
    Reserved,
    /// A throwaway-mailbox service.
    Disposable,
    /// Not a domain mail can go to (unknown top-level domain).
    Invalid,
}

/// Classifies an (already lower-case) e-mail domain.
///
/// ```
/// use leakscan::verify::signals::{domain_kind, DomainKind};
/// assert_eq!(domain_kind("mail.example.com"), DomainKind::Reserved);
/// assert_eq!(domain_kind("yopmail.com"), DomainKind::Disposable);
/// assert_eq!(domain_kind("gmail.con"), DomainKind::Invalid);
/// assert_eq!(domain_kind("rediffmail.com"), DomainKind::Ordinary);
/// ```
pub fn domain_kind(domain: &str) -> DomainKind {
    let tld = domain.rsplit('.').next().unwrap_or("");
    let under = |d: &str| domain == d || domain.ends_with(&format!(".{d}"));
    if ["example.com", "example.net", "example.org"]
        .iter()
        .any(|d| under(d))
        || ["test", "example", "invalid", "localhost"].contains(&tld)
    {
        DomainKind::Reserved
    } else if DISPOSABLE.iter().any(|d| under(d)) {
        DomainKind::Disposable
    } else if !domain.contains('.') || !tld::is_known(tld.as_bytes()) {
        DomainKind::Invalid
    } else {
        DomainKind::Ordinary
    }
}

/// The format class of a value: digits as `9`, letters as `A`/`a`, other characters kept;
/// at most 40 characters (then `…`). Written into `out` (cleared first); returns the value's
/// length in characters.
///
/// ```
/// let mut out = String::new();
/// assert_eq!(leakscan::verify::signals::format_class(b"+91 98765-43210", &mut out), 15);
/// assert_eq!(out, "+99 99999-99999");
/// ```
pub fn format_class(value: &[u8], out: &mut String) -> usize {
    out.clear();
    let mut n = 0;
    for c in String::from_utf8_lossy(value).chars() {
        if n < 40 {
            out.push(match c {
                '0'..='9' => '9',
                c if c.is_uppercase() => 'A',
                c if c.is_alphabetic() => 'a',
                c => c,
            });
        } else if n == 40 {
            out.push('…');
        }
        n += 1;
    }
    n
}

/// A password hash's scheme as the census counts it: `bcrypt cost 10`, `argon2`,
/// `md5 (bare, unsalted)`, ...
///
/// ```
/// use leakscan::verify::signals::hash_scheme;
/// assert_eq!(hash_scheme(b"$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a"), "bcrypt cost 10");
/// assert_eq!(hash_scheme(b"d41d8cd98f00b204e9800998ecf8427e"), "md5 (bare, unsalted)");
/// ```
pub fn hash_scheme(raw: &[u8]) -> String {
    if let Some(cost) = crypt::bcrypt_cost(raw) {
        return format!("bcrypt cost {cost}");
    }
    if let Some((scheme, _)) = crypt::match_hash(raw) {
        return scheme.name().to_string();
    }
    match crypt::bare_hex(raw) {
        Some(scheme) => format!("{} (bare, unsalted)", scheme.name()),
        None => "other".to_string(),
    }
}

/// A date at the start of `value` as (year, month, day): `2021-02-11`, `2021/02/11`,
/// `11/02/2021` and `11-02-2021` (day first), `11 Feb 2021`, and epoch seconds or
/// milliseconds (for times after 2001).
///
/// ```
/// use leakscan::verify::signals::parse_date;
/// assert_eq!(parse_date(b"2021-02-11T10:00:00Z"), Some((2021, 2, 11)));
/// assert_eq!(parse_date(b"11/02/2021"), Some((2021, 2, 11)));
/// assert_eq!(parse_date(b"11 Feb 2021"), Some((2021, 2, 11)));
/// assert_eq!(parse_date(b"1613001600"), Some((2021, 2, 11)));
/// assert_eq!(parse_date(b"2021-13-01"), None);
/// ```
pub fn parse_date(value: &[u8]) -> Option<(u16, u8, u8)> {
    let v = value.trim_ascii();
    let num = |s: &[u8]| -> Option<u32> {
        (!s.is_empty() && s.iter().all(u8::is_ascii_digit))
            .then(|| s.iter().fold(0u32, |a, &b| a * 10 + u32::from(b - b'0')))
    };
    let ok = |y: u32, m: u32, d: u32| {
        ((1900..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
            .then_some((y as u16, m as u8, d as u8))
    };
    if v.len() >= 10 && matches!(v[4], b'-' | b'/') && v[7] == v[4] {
        return ok(num(&v[..4])?, num(&v[5..7])?, num(&v[8..10])?);
    }
    if v.len() >= 10 && matches!(v[2], b'-' | b'/') && v[5] == v[2] {
        return ok(num(&v[6..10])?, num(&v[3..5])?, num(&v[..2])?);
    }
    if v.len() >= 11 && matches!(v[2], b' ' | b'-') && v[6] == v[2] {
        const MONTHS: [&[u8]; 12] = [
            b"jan", b"feb", b"mar", b"apr", b"may", b"jun", b"jul", b"aug", b"sep", b"oct", b"nov",
            b"dec",
        ];
        let mon = v[3..6].to_ascii_lowercase();
        let m = MONTHS.iter().position(|x| *x == mon.as_slice())? as u32 + 1;
        return ok(num(&v[7..11])?, m, num(&v[..2])?);
    }
    let secs = match v.len() {
        10 => num(v).map(u64::from),
        13 => (num(&v[..10])).map(u64::from),
        _ => None,
    }?;
    if secs < 1_000_000_000 {
        return None;
    }
    let (y, m, d) = crate::calendar::civil_from_days((secs / 86_400) as i64);
    ok(y as u32, m as u32, d as u32)
}

/// A numeric record id (at most 18 digits, no sign).
pub fn parse_id(value: &[u8]) -> Option<u64> {
    let v = value.trim_ascii();
    (!v.is_empty() && v.len() <= 18 && v.iter().all(u8::is_ascii_digit))
        .then(|| v.iter().fold(0u64, |a, &b| a * 10 + u64::from(b - b'0')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_count_invalid_values_too() {
        let mut seen = Vec::new();
        // A valid Aadhaar (synth-style), the same with a wrong check digit, a Luhn-valid Visa
        // and an invalid one, an NRIC with a valid and a wrong check letter.
        let v = verhoeff::check_digit(b"23456789012");
        let aadhaar = format!("23456789012{}", v as char);
        let bad = format!(
            "23456789012{}",
            if v == b'9' { '0' } else { (v + 1) as char }
        );
        let text = format!("{aadhaar} {bad} 4111111111111111 4111111111111112 S1234567D S1234567A");
        shapes(text.as_bytes(), |s, ok| seen.push((s, ok)));
        let count = |s: Shape, ok: bool| seen.iter().filter(|x| **x == (s, ok)).count();
        assert_eq!(
            (count(Shape::Aadhaar, true), count(Shape::Aadhaar, false)),
            (1, 1)
        );
        assert_eq!(
            (count(Shape::Card, true), count(Shape::Card, false)),
            (1, 1)
        );
        assert_eq!(
            (count(Shape::Nric, true), count(Shape::Nric, false)),
            (1, 1)
        );
    }

    #[test]
    fn checksums_pass_random_values_at_their_chance_rate() {
        use rand::{Rng, SeedableRng};
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(7);
        let (mut checked, mut passed) = ([0u32; 4], [0u32; 4]);
        for _ in 0..20_000 {
            let mut v: Vec<u8> = (0..12).map(|_| b'0' + rng.random_range(0..10u8)).collect();
            v[0] = b'2' + rng.random_range(0..8u8);
            let mut pan: Vec<u8> = (0..5).map(|_| b'A' + rng.random_range(0..26u8)).collect();
            pan.extend((0..4).map(|_| b'1' + rng.random_range(0..9u8)));
            pan.push(b'A' + rng.random_range(0..26u8));
            let mut nric = vec![b'S'];
            nric.extend((0..7).map(|_| b'0' + rng.random_range(0..10u8)));
            nric.push(b'A' + rng.random_range(0..26u8));
            for s in [v, pan, nric] {
                shapes(&s, |sh, ok| {
                    checked[sh.index()] += 1;
                    passed[sh.index()] += u32::from(ok);
                });
            }
        }
        let rate = |s: Shape| f64::from(passed[s.index()]) / f64::from(checked[s.index()]);
        assert!(
            (rate(Shape::Aadhaar) - 0.10).abs() < 0.01,
            "{}",
            rate(Shape::Aadhaar)
        );
        assert!(
            (rate(Shape::Pan) - 10.0 / 26.0).abs() < 0.02,
            "{}",
            rate(Shape::Pan)
        );
        // A random letter of 26 is one of the 11 check letters' right one 1/26 of the time.
        assert!(rate(Shape::Nric) < 0.05, "{}", rate(Shape::Nric));
    }
}
