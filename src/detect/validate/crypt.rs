//! Stored password hash formats: crypt(3) and PHC strings, framework formats, bare digests.
//!
//! Formats: bcrypt (`$2a$`/`$2b$`/`$2x$`/`$2y$`, OpenBSD); Argon2 PHC strings (the reference
//! implementation, P-H-C/phc-winner-argon2); scrypt as passlib's `$scrypt$` and the
//! `$7$` crypt format (libsodium, yescrypt); SHA-crypt `$5$`/`$6$` (Drepper, "Unix crypt using
//! SHA-256 and SHA-512"); MD5-crypt `$1$` and Apache's `$apr1$`; phpass `$P$`/`$H$`; Django's
//! `pbkdf2_sha256$`, `pbkdf2_sha1$`, `bcrypt_sha256$`, `bcrypt$`, `argon2$` and `scrypt$`, and
//! its legacy `sha1$`, `md5$` and `crypt$` (Django docs, "Password management"; its
//! auth_tests/test_hashers.py); Werkzeug's `pbkdf2:<hash>[:iterations]$` and `scrypt:N:r:p$`
//! (werkzeug.security).

/// A password hash scheme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HashScheme {
    /// bcrypt, `$2b$12$...`.
    Bcrypt,
    /// Argon2 (i, d or id), `$argon2id$v=19$m=..,t=..,p=..$salt$hash`.
    Argon2,
    /// scrypt, passlib's `$scrypt$ln=..` or the `$7$` crypt format.
    Scrypt,
    /// SHA-512 crypt, `$6$`.
    Sha512Crypt,
    /// SHA-256 crypt, `$5$`.
    Sha256Crypt,
    /// MD5 crypt, `$1$`.
    Md5Crypt,
    /// Apache's MD5 crypt, `$apr1$`.
    Apr1,
    /// phpass portable hashes (WordPress, phpBB), `$P$` and `$H$`.
    Phpass,
    /// Django PBKDF2, `pbkdf2_sha256$` and `pbkdf2_sha1$`.
    DjangoPbkdf2,
    /// Django bcrypt, `bcrypt_sha256$$2b$..` and `bcrypt$$2b$..`.
    DjangoBcrypt,
    /// Django Argon2, `argon2$argon2id$..`.
    DjangoArgon2,
    /// Django scrypt, `scrypt$16384$salt$8$1$<88 base 64>`.
    DjangoScrypt,
    /// Django's legacy salted or unsalted SHA-1, `sha1$salt$<40 hex>`, `sha1$$<40 hex>`.
    DjangoSha1,
    /// Django's legacy salted or unsalted MD5, `md5$salt$<32 hex>`, `md5$$<32 hex>`.
    DjangoMd5,
    /// Django's DES crypt, `crypt$$<13 characters>`.
    DjangoCrypt,
    /// Werkzeug PBKDF2, `pbkdf2:sha256:600000$salt$hex`.
    WerkzeugPbkdf2,
    /// Werkzeug scrypt, `scrypt:32768:8:1$salt$hex`.
    WerkzeugScrypt,
    /// A bare MD5 hex digest.
    Md5,
    /// A bare SHA-1 hex digest.
    Sha1,
    /// A bare SHA-224 hex digest.
    Sha224,
    /// A bare SHA-256 hex digest.
    Sha256,
    /// A bare SHA-384 hex digest.
    Sha384,
    /// A bare SHA-512 hex digest.
    Sha512,
}

impl HashScheme {
    /// A short lower-case name, e.g. `bcrypt`, `sha512crypt`, `django_pbkdf2`, `md5`.
    pub fn name(self) -> &'static str {
        match self {
            HashScheme::Bcrypt => "bcrypt",
            HashScheme::Argon2 => "argon2",
            HashScheme::Scrypt => "scrypt",
            HashScheme::Sha512Crypt => "sha512crypt",
            HashScheme::Sha256Crypt => "sha256crypt",
            HashScheme::Md5Crypt => "md5crypt",
            HashScheme::Apr1 => "apr1",
            HashScheme::Phpass => "phpass",
            HashScheme::DjangoPbkdf2 => "django_pbkdf2",
            HashScheme::DjangoBcrypt => "django_bcrypt",
            HashScheme::DjangoArgon2 => "django_argon2",
            HashScheme::DjangoScrypt => "django_scrypt",
            HashScheme::DjangoSha1 => "django_sha1",
            HashScheme::DjangoMd5 => "django_md5",
            HashScheme::DjangoCrypt => "django_crypt",
            HashScheme::WerkzeugPbkdf2 => "werkzeug_pbkdf2",
            HashScheme::WerkzeugScrypt => "werkzeug_scrypt",
            HashScheme::Md5 => "md5",
            HashScheme::Sha1 => "sha1",
            HashScheme::Sha224 => "sha224",
            HashScheme::Sha256 => "sha256",
            HashScheme::Sha384 => "sha384",
            HashScheme::Sha512 => "sha512",
        }
    }
}

/// A byte class.
type Class = fn(u8) -> bool;

/// The crypt(3) base-64 alphabet `./0-9A-Za-z` (bcrypt uses the same set, reordered).
fn crypt64(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'.' || b == b'/'
}

/// The standard base-64 alphabet, without padding.
fn b64(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'+' || b == b'/'
}

/// Decimal digits.
fn digit(b: u8) -> bool {
    b.is_ascii_digit()
}

/// Letters and digits (Django's and Werkzeug's generated salts).
fn alnum(b: u8) -> bool {
    b.is_ascii_alphanumeric()
}

/// Hex digits.
fn hex(b: u8) -> bool {
    b.is_ascii_hexdigit()
}

/// No upper bound on a run.
const ANY: usize = usize::MAX - 1;

/// The end of `lit` at `at`, if `s` has it there.
fn lit(s: &[u8], at: usize, lit: &[u8]) -> Option<usize> {
    s.get(at..)?.starts_with(lit).then_some(at + lit.len())
}

/// The end of the run of `class` bytes at `at`, if it is `min..=max` long. A longer run is
/// refused, not cut: the format cannot continue with more of the same bytes.
fn span(s: &[u8], at: usize, class: Class, min: usize, max: usize) -> Option<usize> {
    let n = s
        .get(at..)?
        .iter()
        .take(max + 1)
        .take_while(|&&b| class(b))
        .count();
    (min..=max).contains(&n).then_some(at + n)
}

/// The end of exactly `n` bytes of `class` at `at`, not followed by another.
fn exact(s: &[u8], at: usize, class: Class, n: usize) -> Option<usize> {
    span(s, at, class, n, n)
}

/// The end of the first of `lits` found at `at`.
fn one_of(s: &[u8], at: usize, lits: &[&[u8]]) -> Option<usize> {
    lits.iter().find_map(|l| lit(s, at, l))
}

/// bcrypt at `at`: `$2?$`, a two-digit cost 04-31, `$`, 22 salt and 31 hash characters.
/// Returns the cost and the end.
fn bcrypt(s: &[u8], at: usize) -> Option<(u8, usize)> {
    let at = one_of(s, at, &[b"$2a$", b"$2b$", b"$2x$", b"$2y$"])?;
    let end = exact(s, at, digit, 2)?;
    let cost = (s[at] - b'0') * 10 + (s[at + 1] - b'0');
    if !(4..=31).contains(&cost) {
        return None;
    }
    let at = lit(s, end, b"$")?;
    Some((cost, exact(s, at, crypt64, 53)?))
}

/// Standard base 64 or passlib's "adapted" base 64, which writes `.` for `+`.
fn ab64(b: u8) -> bool {
    b64(b) || b == b'.'
}

/// A `$salt$hash` tail in the base-64 alphabet `alphabet`: salts of at least 8 characters
/// (6 bytes) and hashes of at least 22 (16 bytes), below every library default.
fn b64_salt_hash(s: &[u8], at: usize, alphabet: fn(u8) -> bool) -> Option<usize> {
    let at = span(s, lit(s, at, b"$")?, alphabet, 8, ANY)?;
    span(s, lit(s, at, b"$")?, alphabet, 22, ANY)
}

/// `key=` and 1 to 10 digits at `at`.
fn param(s: &[u8], at: usize, key: &[u8]) -> Option<usize> {
    span(s, lit(s, at, key)?, digit, 1, 10)
}

/// An Argon2 PHC string at `at`: `$argon2{id,i,d}$[v=N$]m=N,t=N,p=N$salt$hash`.
fn argon2(s: &[u8], at: usize) -> Option<usize> {
    let at = one_of(s, at, &[b"$argon2id$", b"$argon2i$", b"$argon2d$"])?;
    // `v=` is absent from hashes made before version 1.3 (v=19).
    let at = param(s, at, b"v=")
        .and_then(|v| lit(s, v, b"$"))
        .unwrap_or(at);
    let at = param(s, at, b"m=")?;
    let at = param(s, at, b",t=")?;
    let at = param(s, at, b",p=")?;
    b64_salt_hash(s, at, b64)
}

/// SHA-crypt after its `$5$`/`$6$`: `[rounds=N$]`, a salt of up to 16 characters, `$` and
/// `hash_len` characters.
fn sha_crypt(s: &[u8], at: usize, hash_len: usize) -> Option<usize> {
    let at = param(s, at, b"rounds=")
        .and_then(|r| lit(s, r, b"$"))
        .unwrap_or(at);
    let at = span(s, at, crypt64, 0, 16)?;
    exact(s, lit(s, at, b"$")?, crypt64, hash_len)
}

/// MD5-crypt after its `$1$`/`$apr1$`: a salt of up to 8 characters, `$` and 22 characters.
fn md5_crypt(s: &[u8], at: usize) -> Option<usize> {
    let at = span(s, at, crypt64, 0, 8)?;
    exact(s, lit(s, at, b"$")?, crypt64, 22)
}

/// The hashes beginning with `$`.
fn dollar(s: &[u8]) -> Option<(HashScheme, usize)> {
    if let Some((_, end)) = bcrypt(s, 0) {
        return Some((HashScheme::Bcrypt, end));
    }
    if let Some(end) = argon2(s, 0) {
        return Some((HashScheme::Argon2, end));
    }
    let (scheme, end) = match s.get(1..3)? {
        b"6$" => (HashScheme::Sha512Crypt, sha_crypt(s, 3, 86)),
        b"5$" => (HashScheme::Sha256Crypt, sha_crypt(s, 3, 43)),
        b"1$" => (HashScheme::Md5Crypt, md5_crypt(s, 3)),
        b"P$" | b"H$" => (HashScheme::Phpass, exact(s, 3, crypt64, 31)),
        // `$7$`: N (1 char), r and p (5 each), the salt, then `$` and 43 characters.
        b"7$" => (HashScheme::Scrypt, {
            span(s, 3, crypt64, 12, ANY)
                .and_then(|at| lit(s, at, b"$"))
                .and_then(|at| exact(s, at, crypt64, 43))
        }),
        _ if s.starts_with(b"$apr1$") => (HashScheme::Apr1, md5_crypt(s, 6)),
        _ => (HashScheme::Scrypt, {
            lit(s, 0, b"$scrypt")
                .and_then(|at| param(s, at, b"$ln="))
                .and_then(|at| param(s, at, b",r="))
                .and_then(|at| param(s, at, b",p="))
                .and_then(|at| b64_salt_hash(s, at, ab64))
        }),
    };
    Some((scheme, end?))
}

/// Django's `pbkdf2_sha256$iterations$salt$b64=` (and `pbkdf2_sha1$`): the digest in padded
/// standard base 64, 44 characters for SHA-256, 28 for SHA-1.
fn django_pbkdf2(s: &[u8]) -> Option<usize> {
    let (at, b64_len) = match lit(s, 0, b"pbkdf2_sha256$") {
        Some(at) => (at, 43),
        None => (lit(s, 0, b"pbkdf2_sha1$")?, 27),
    };
    let at = span(s, at, digit, 1, 10)?;
    let at = span(s, lit(s, at, b"$")?, alnum, 1, ANY)?;
    let at = exact(s, lit(s, at, b"$")?, b64, b64_len)?;
    let end = lit(s, at, b"=")?;
    (!s.get(end).is_some_and(|&b| b64(b) || b == b'=')).then_some(end)
}

/// Django's `scrypt$N$salt$r$p$hash`: the 64-byte key in padded standard base 64.
fn django_scrypt(s: &[u8]) -> Option<usize> {
    let at = span(s, lit(s, 0, b"scrypt$")?, digit, 1, 10)?;
    let at = span(s, lit(s, at, b"$")?, alnum, 1, ANY)?;
    let at = param(s, at, b"$")?;
    let at = param(s, at, b"$")?;
    let at = exact(s, lit(s, at, b"$")?, b64, 86)?;
    let end = lit(s, at, b"==")?;
    (!s.get(end).is_some_and(|&b| b64(b) || b == b'=')).then_some(end)
}

/// Django's legacy `sha1$salt$hex`, `md5$salt$hex` (the salt may be empty: the unsalted
/// hashers) and `crypt$$<DES crypt>` (a 2-character salt and 11 hash characters).
fn django_legacy(s: &[u8]) -> Option<(HashScheme, usize)> {
    let (scheme, at, tail, len): (_, _, Class, _) = if let Some(at) = lit(s, 0, b"sha1$") {
        (HashScheme::DjangoSha1, at, hex, 40)
    } else if let Some(at) = lit(s, 0, b"md5$") {
        (HashScheme::DjangoMd5, at, hex, 32)
    } else {
        (HashScheme::DjangoCrypt, lit(s, 0, b"crypt$")?, crypt64, 13)
    };
    let at = span(s, at, alnum, 0, ANY)?;
    Some((scheme, exact(s, lit(s, at, b"$")?, tail, len)?))
}

/// Werkzeug's `$salt$hex` tail: an alphanumeric salt, then `hex_len` hex digits.
fn werkzeug_tail(s: &[u8], at: usize, hex_len: usize) -> Option<usize> {
    let at = span(s, lit(s, at, b"$")?, alnum, 1, ANY)?;
    exact(s, lit(s, at, b"$")?, hex, hex_len)
}

/// Werkzeug's `pbkdf2:<hash>[:iterations]$salt$hex`, the hex as long as the hash's digest.
fn werkzeug_pbkdf2(s: &[u8]) -> Option<usize> {
    let at = lit(s, 0, b"pbkdf2:")?;
    let (at, hex_len) = [
        (&b"sha1"[..], 40),
        (b"sha224", 56),
        (b"sha256", 64),
        (b"sha384", 96),
        (b"sha512", 128),
    ]
    .iter()
    .find_map(|&(name, len)| Some((lit(s, at, name)?, len)))?;
    let at = param(s, at, b":").unwrap_or(at);
    werkzeug_tail(s, at, hex_len)
}

/// Werkzeug's `scrypt:N:r:p$salt$hex`, a 64-byte key in hex.
fn werkzeug_scrypt(s: &[u8]) -> Option<usize> {
    let at = param(s, 0, b"scrypt:")?;
    let at = param(s, at, b":")?;
    let at = param(s, at, b":")?;
    werkzeug_tail(s, at, 128)
}

/// A hash in one of the formats of this module's list starting at `s[0]`, with the number of
/// bytes it spans. A fixed-length part followed by more bytes of its alphabet is no match.
///
/// ```
/// use leakscan::detect::validate::crypt::{match_hash, HashScheme};
/// let h = b"$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a,next";
/// assert_eq!(match_hash(h), Some((HashScheme::Bcrypt, 60)));
/// assert_eq!(match_hash(b"$2y$10$tooshort"), None);
/// ```
pub fn match_hash(s: &[u8]) -> Option<(HashScheme, usize)> {
    match s.first()? {
        b'$' => dollar(s),
        b'p' => django_pbkdf2(s)
            .map(|end| (HashScheme::DjangoPbkdf2, end))
            .or_else(|| werkzeug_pbkdf2(s).map(|end| (HashScheme::WerkzeugPbkdf2, end))),
        b'b' => {
            let at = one_of(s, 0, &[b"bcrypt_sha256$", b"bcrypt$"])?;
            bcrypt(s, at).map(|(_, end)| (HashScheme::DjangoBcrypt, end))
        }
        b'a' => argon2(s, lit(s, 0, b"argon2")?).map(|end| (HashScheme::DjangoArgon2, end)),
        b's' => werkzeug_scrypt(s)
            .map(|end| (HashScheme::WerkzeugScrypt, end))
            .or_else(|| django_scrypt(s).map(|end| (HashScheme::DjangoScrypt, end)))
            .or_else(|| django_legacy(s)),
        b'm' | b'c' => django_legacy(s),
        _ => None,
    }
}

/// The scheme of `s` if the whole of it is a bare hex digest: 32 (MD5), 40 (SHA-1),
/// 56 (SHA-224), 64 (SHA-256), 96 (SHA-384) or 128 (SHA-512) hex digits, in one case.
/// All-digit strings are refused: they are far likelier numbers than digests.
///
/// ```
/// use leakscan::detect::validate::crypt::{bare_hex, HashScheme};
/// assert_eq!(bare_hex(b"d41d8cd98f00b204e9800998ecf8427e"), Some(HashScheme::Md5));
/// assert_eq!(bare_hex(b"d41d8cd98f00b204e9800998ecf8427"), None);
/// ```
pub fn bare_hex(s: &[u8]) -> Option<HashScheme> {
    let scheme = match s.len() {
        32 => HashScheme::Md5,
        40 => HashScheme::Sha1,
        56 => HashScheme::Sha224,
        64 => HashScheme::Sha256,
        96 => HashScheme::Sha384,
        128 => HashScheme::Sha512,
        _ => return None,
    };
    let (mut lower, mut upper, mut other) = (false, false, false);
    for &b in s {
        match b {
            b'0'..=b'9' => {}
            b'a'..=b'f' => lower = true,
            b'A'..=b'F' => upper = true,
            _ => other = true,
        }
    }
    // A digest is written in one case; mixed case is some other token.
    (!other && lower != upper).then_some(scheme)
}

/// The cost of the bcrypt hash (or Django bcrypt hash) at the start of `s`.
///
/// ```
/// use leakscan::detect::validate::crypt::bcrypt_cost;
/// assert_eq!(bcrypt_cost(b"$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a"), Some(10));
/// assert_eq!(bcrypt_cost(b"$1$saltsalt$qjXMvbEw8oaL.CzflDtaK/"), None);
/// ```
pub fn bcrypt_cost(s: &[u8]) -> Option<u8> {
    let at = one_of(s, 0, &[b"bcrypt_sha256$", b"bcrypt$"]).unwrap_or(0);
    bcrypt(s, at).map(|(cost, _)| cost)
}

#[cfg(test)]
mod tests {
    use super::*;
    use HashScheme::*;

    /// Hashes from the formats' own documentation and test vectors, and (marked "made") from
    /// the reference tools for the password "password": the spans are the whole strings.
    const EXAMPLES: &[(HashScheme, &str)] = &[
        // Wikipedia, "bcrypt"; PHP manual, password_hash() example.
        (Bcrypt, "$2a$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW"),
        (Bcrypt, "$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a"),
        // phc-winner-argon2 README (`argon2 somesalt -t 2 -m 16 -p 4 -l 24`).
        (Argon2, "$argon2i$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG"),
        // passlib docs, passlib.hash.scrypt; scrypt-unix-crypt spec (jas), libsodium tests.
        (Scrypt, "$scrypt$ln=16,r=8,p=1$aM15713r3Xsvxbi31lqr1Q$nFNh2CVHVjNldFVKDHDlm4CbdRSCdEBsjjJxD+iCs5E"),
        // passlib writes its own scrypt hashes in adapted base 64 (`.` for `+`).
        (Scrypt, "$scrypt$ln=14,r=8,p=1$jxKkVQHunD13QhC/ai6QBQ$p7VIPmiib.rDiEnwWsOPlgIDY7a8.kdmXjfp4yxVtOc"),
        (Scrypt, "$7$C6..../....SodiumChloride$kBGj9fHznVYFQMEn/qDCfrDevf9YDtcDdKvEqHJLV8D"),
        // Drepper, "Unix crypt using SHA-256 and SHA-512", test vectors.
        (Sha512Crypt, "$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1"),
        (Sha512Crypt, "$6$rounds=10000$saltstringsaltst$OW1/O6BYHV6BcXZu8QVeXbDWra3Oeqh0sbHbbMCVNSnCM/UrjmM0Dp8vOuZeHBy/YTBmSK6H9qs/y3RnOaw5v."),
        (Sha256Crypt, "$5$saltstring$5B8vYYiY.CVt1RlTTf8KbXBH3hsxY/GNooZaBBGWEc5"),
        (Sha256Crypt, "$5$rounds=10000$saltstringsaltst$3xv.VbSHBb41AL9AvLeujZkZRBAwqFMz2.opqey6IcA"),
        // Made: `openssl passwd -1 -salt saltsalt password`.
        (Md5Crypt, "$1$saltsalt$qjXMvbEw8oaL.CzflDtaK/"),
        // Apache HTTP Server docs, "Password Formats"; made: `openssl passwd -apr1`.
        (Apr1, "$apr1$r31.....$HqJZimcKQFAMYayBlzkrA/"),
        (Apr1, "$apr1$saltsalt$yAAkm4libquA.ZWLHbSBq/"),
        // Made: passlib phpass (salt "abcdefgh", 2^17 rounds).
        (Phpass, "$P$FabcdefghJgFQq3OvtyP0zQ3y09Elo/"),
        // Made: passlib django_pbkdf2_sha256 / django_pbkdf2_sha1 (salt "seasalt").
        (DjangoPbkdf2, "pbkdf2_sha256$870000$seasalt$5Ucm+TZNGTRiT4rClzbZ1W5HjdB4mJCKS6vx7hlWsFs="),
        (DjangoPbkdf2, "pbkdf2_sha1$260000$seasalt$QcDQ0jZsvN4n9sVWLnQMURNnvfw="),
        // Django's layout (algorithm, `$`, the library's hash) around the vectors above.
        (DjangoBcrypt, "bcrypt_sha256$$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a"),
        (DjangoBcrypt, "bcrypt$$2a$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW"),
        (DjangoArgon2, "argon2$argon2i$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG"),
        // Django's auth_tests/test_hashers.py (password "lètmein").
        (DjangoScrypt, "scrypt$16384$seasalt$8$1$Qj3+9PPyRjSJIebHnG81TMjsqtaIGxNQG/aEB/NYafTJ7tibgfYz71m0ldQESkXFRkdVCBhhY8mx7rQwite/Pw=="),
        (DjangoSha1, "sha1$seasalt$cff36ea83f5706ce9aa7454e63e431fc726b2dc8"),
        (DjangoSha1, "sha1$$6d138ca3ae545631b3abd71a4f076ce759c5700b"),
        (DjangoMd5, "md5$seasalt$3f86d0d3d465b7b458c231bf3555c0e3"),
        (DjangoMd5, "md5$$88a434c88cca4e900f7874cd98123f43"),
        (DjangoCrypt, "crypt$$ab1Hv2Lg7ltQo"),
        // Made: Werkzeug's layout over Python hashlib.pbkdf2_hmac / hashlib.scrypt.
        (WerkzeugPbkdf2, "pbkdf2:sha256:600000$SaltSaltSaltSalt$155bb79f8c1eb0fa20f259267af6121dde94da0e9326efde380804f29a5dfcda"),
        (WerkzeugScrypt, "scrypt:32768:8:1$SaltSaltSaltSalt$22a4e32a25400674f0164ae7dcdc0d851edbe0a9ac1f0c2f49da0db6da3cd4f6e73c78b0d88aa77d1564e384bbaa375c5202b8758fc1a63b3424a632c34d519b"),
    ];

    /// Schemes whose last part has a fixed length.
    fn fixed_tail(s: HashScheme) -> bool {
        !matches!(s, Argon2 | DjangoArgon2 | Scrypt)
    }

    #[test]
    fn examples_match_whole() {
        for &(scheme, h) in EXAMPLES {
            assert_eq!(match_hash(h.as_bytes()), Some((scheme, h.len())), "{h}");
        }
    }

    #[test]
    fn span_stops_at_a_delimiter() {
        for &(scheme, h) in EXAMPLES {
            for tail in [",", "\"", " ", ":", "\n", "'"] {
                let s = format!("{h}{tail}rest");
                assert_eq!(match_hash(s.as_bytes()), Some((scheme, h.len())), "{s}");
            }
        }
    }

    #[test]
    fn variable_tails_stop_at_the_first_foreign_byte() {
        let h = "$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG";
        assert_eq!(
            match_hash(format!("{h}.x").as_bytes()),
            Some((Argon2, h.len()))
        );
        assert_eq!(
            match_hash(format!("{h}$x").as_bytes()),
            Some((Argon2, h.len()))
        );
        // v= is optional (Argon2 before version 1.3).
        let old = "$argon2d$m=4096,t=3,p=1$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG";
        assert_eq!(match_hash(old.as_bytes()), Some((Argon2, old.len())));
    }

    #[test]
    fn fixed_length_tails_refuse_one_byte_more_or_less() {
        for &(scheme, h) in EXAMPLES.iter().filter(|(s, _)| fixed_tail(*s)) {
            let short = &h[..h.len() - 1];
            assert_eq!(match_hash(short.as_bytes()), None, "{short}");
            // One more byte of the last part's alphabet ('=' for Django's padded base 64).
            let more = if scheme == DjangoPbkdf2 { "=" } else { "a" };
            let long = format!("{h}{more}");
            assert_eq!(match_hash(long.as_bytes()), None, "{long}");
        }
        // `$7$` is fixed-length at the end even though its scheme also has `$scrypt$`.
        let seven = "$7$C6..../....SodiumChloride$kBGj9fHznVYFQMEn/qDCfrDevf9YDtcDdKvEqHJLV8D";
        assert_eq!(match_hash(&seven.as_bytes()[..seven.len() - 1]), None);
        assert_eq!(match_hash(format!("{seven}a").as_bytes()), None);
    }

    #[test]
    fn mutated_headers_fail() {
        let bc = "R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW";
        for bad in [
            format!("$2c$12${bc}"),
            format!("$2a$03${bc}"),
            format!("$2a$32${bc}"),
            format!("$2a$1${bc}"),
            format!("$2a$123${bc}"),
            format!("$2a12${bc}"),
            format!("2a$12${bc}"),
            format!("$2a$12$${bc}"),
            format!("bcrypt_sha1$$2a$12${bc}"),
            "$argon2x$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG".into(),
            "$argon2i$v=19$m=65536,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG".into(),
            "$argon2i$v=19$m=65536,t=2,p=4$c29tZX$RdescudvJCsgt3ub+b+dWRWJTmaaJObG".into(),
            "$argon2i$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$RdescudvJCsg".into(),
            "$scrypt$ln=16,r=8$aM15713r3Xsvxbi31lqr1Q$nFNh2CVHVjNldFVKDHDlm4CbdRSCdEBsjjJxD+iCs5E".into(),
            // A 17-character salt: SHA-crypt salts stop at 16.
            "$5$saltstringsaltstr$5B8vYYiY.CVt1RlTTf8KbXBH3hsxY/GNooZaBBGWEc5".into(),
            "$5$rounds=$saltstring$5B8vYYiY.CVt1RlTTf8KbXBH3hsxY/GNooZaBBGWEc5".into(),
            // A 9-character MD5-crypt salt.
            "$1$saltsalts$qjXMvbEw8oaL.CzflDtaK/".into(),
            "$apr2$saltsalt$yAAkm4libquA.ZWLHbSBq/".into(),
            "$Q$FabcdefghJgFQq3OvtyP0zQ3y09Elo/".into(),
            "pbkdf2_sha512$870000$seasalt$5Ucm+TZNGTRiT4rClzbZ1W5HjdB4mJCKS6vx7hlWsFs=".into(),
            "pbkdf2_sha256$$seasalt$5Ucm+TZNGTRiT4rClzbZ1W5HjdB4mJCKS6vx7hlWsFs=".into(),
            "pbkdf2_sha256$870000$seasalt$5Ucm+TZNGTRiT4rClzbZ1W5HjdB4mJCKS6vx7hlWsFs".into(),
            "pbkdf2:md5:600000$SaltSaltSaltSalt$155bb79f8c1eb0fa20f259267af6121d".into(),
            // SHA-1 named, SHA-256-long digest.
            "pbkdf2:sha1:600000$SaltSaltSaltSalt$155bb79f8c1eb0fa20f259267af6121dde94da0e9326efde380804f29a5dfcda".into(),
            "scrypt:32768:8$SaltSaltSaltSalt$22a4e32a25400674f0164ae7dcdc0d851edbe0a9ac1f0c2f49da0db6da3cd4f6e73c78b0d88aa77d1564e384bbaa375c5202b8758fc1a63b3424a632c34d519b".into(),
            // Django's legacy forms: a digest of the other hash's length, a salt that is
            // not alphanumeric, no salt separator, DES crypt one character short.
            "sha1$seasalt$3f86d0d3d465b7b458c231bf3555c0e3".into(),
            "md5$seasalt$cff36ea83f5706ce9aa7454e63e431fc726b2dc8".into(),
            "md5$sea-salt$3f86d0d3d465b7b458c231bf3555c0e3".into(),
            "md5$3f86d0d3d465b7b458c231bf3555c0e3".into(),
            "crypt$$ab1Hv2Lg7ltQ".into(),
            "sha256$seasalt$cff36ea83f5706ce9aa7454e63e431fc726b2dc8".into(),
            "scrypt$16384$seasalt$8$Qj3+9PPyRjSJIebHnG81TMjsqtaIGxNQG/aEB/NYafTJ7tibgfYz71m0ldQESkXFRkdVCBhhY8mx7rQwite/Pw==".into(),
            "scrypt$16384$seasalt$8$1$Qj3+9PPyRjSJIebHnG81TMjsqtaIGxNQG/aEB/NYafTJ7tibgfYz71m0ldQESkXFRkdVCBhhY8mx7rQwite/Pw".into(),
            "argon2$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG".into(),
            String::new(),
            "$".into(),
            "password".into(),
        ] {
            assert_eq!(match_hash(bad.as_bytes()), None, "{bad}");
        }
    }

    #[test]
    fn werkzeug_without_iterations() {
        let h = "pbkdf2:sha512$abcd1234$".to_string() + &"0f".repeat(64);
        assert_eq!(match_hash(h.as_bytes()), Some((WerkzeugPbkdf2, h.len())));
    }

    /// Digests of the empty string, FIPS 180-4 / RFC 1321 (Wikipedia, "SHA-2", "MD5").
    const EMPTY_DIGESTS: &[(HashScheme, &str)] = &[
        (Md5, "d41d8cd98f00b204e9800998ecf8427e"),
        (Sha1, "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
        (Sha224, "d14a028c2a3a2bc9476102bb288234c415a2b01f828ea62ac5b3e42f"),
        (Sha256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        (Sha384, "38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b95b"),
        (Sha512, "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"),
    ];

    #[test]
    fn bare_digests() {
        for &(scheme, h) in EMPTY_DIGESTS {
            assert_eq!(bare_hex(h.as_bytes()), Some(scheme), "{h}");
            assert_eq!(
                bare_hex(h.to_ascii_uppercase().as_bytes()),
                Some(scheme),
                "{h}"
            );
            assert_eq!(bare_hex(&h.as_bytes()[1..]), None, "{h}");
            assert_eq!(bare_hex(format!("{h}0").as_bytes()), None, "{h}");
            assert_eq!(
                bare_hex(
                    h.replacen(|c: char| c.is_ascii_lowercase(), "g", 1)
                        .as_bytes()
                ),
                None,
                "{h}"
            );
            // Mixed case: one letter flipped.
            let mixed = h.replacen(|c: char| c.is_ascii_lowercase(), "A", 1);
            assert_eq!(bare_hex(mixed.as_bytes()), None, "{mixed}");
            // Bare digests are not crypt formats.
            assert_eq!(match_hash(h.as_bytes()), None);
        }
        assert_eq!(bare_hex(&[b'1'; 32]), None);
        assert_eq!(bare_hex(b""), None);
    }

    #[test]
    fn bcrypt_costs() {
        assert_eq!(bcrypt_cost(EXAMPLES[0].1.as_bytes()), Some(12));
        assert_eq!(bcrypt_cost(EXAMPLES[1].1.as_bytes()), Some(10));
        assert_eq!(
            bcrypt_cost(
                b"bcrypt_sha256$$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a"
            ),
            Some(10)
        );
        assert_eq!(
            bcrypt_cost(b"$2b$04$......................0123456789012345678901234567890"),
            Some(4)
        );
        assert_eq!(
            bcrypt_cost(b"$2b$31$......................0123456789012345678901234567890"),
            Some(31)
        );
        assert_eq!(bcrypt_cost(b"$2b$10$tooshort"), None);
        assert_eq!(bcrypt_cost(EXAMPLES[2].1.as_bytes()), None);
    }

    #[test]
    fn names_are_distinct() {
        let all = [
            Bcrypt,
            Argon2,
            Scrypt,
            Sha512Crypt,
            Sha256Crypt,
            Md5Crypt,
            Apr1,
            Phpass,
            DjangoPbkdf2,
            DjangoBcrypt,
            DjangoArgon2,
            DjangoScrypt,
            DjangoSha1,
            DjangoMd5,
            DjangoCrypt,
            WerkzeugPbkdf2,
            WerkzeugScrypt,
            Md5,
            Sha1,
            Sha224,
            Sha256,
            Sha384,
            Sha512,
        ];
        for (i, a) in all.iter().enumerate() {
            assert!(
                all[i + 1..].iter().all(|b| a.name() != b.name()),
                "{}",
                a.name()
            );
        }
    }
}
