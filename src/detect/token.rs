//! The token families: e-mail addresses and UPI handles around an `@`, crypt-style password
//! hashes at a `$`, IPv6 addresses, and alphanumeric words (PAN, NRIC/FIN, bare hex digests
//! in password fields).

use super::validate::{crypt, ip, nric, pan, tld};
use super::Scan;
use crate::detect::Hit;
use crate::types::{Basis, PiiType};
use std::sync::OnceLock;

/// Longest local part of an e-mail address (RFC 5321).
const MAX_LOCAL: usize = 64;
/// Longest domain (RFC 1035 section 2.3.4, as RFC 5321 section 4.5.3.1.2 reads it).
const MAX_DOMAIN: usize = 253;

/// [`CLASS`] bit: a byte of an e-mail local part.
const LOCAL: u8 = 1;
/// [`CLASS`] bit: a byte of a domain.
const DOMAIN: u8 = 2;
/// [`CLASS`] bit: a byte of a word (alphanumeric or `_`).
const WORD: u8 = 4;
/// Byte classes of addresses and words, one table lookup a byte: the walks around an `@`
/// and along a word are the hottest loops of the pass.
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        let alnum = c.is_ascii_alphanumeric();
        if alnum || matches!(c, b'.' | b'_' | b'%' | b'+' | b'-' | b'\'') {
            t[b] |= LOCAL;
        }
        if alnum || c == b'.' || c == b'-' {
            t[b] |= DOMAIN;
        }
        if alnum || c == b'_' {
            t[b] |= WORD;
        }
        b += 1;
    }
    t
};

/// Bytes of an e-mail local part (and of a UPI handle's name).
pub(super) fn is_local_byte(b: u8) -> bool {
    CLASS[usize::from(b)] & LOCAL != 0
}

fn is_domain_byte(b: u8) -> bool {
    CLASS[usize::from(b)] & DOMAIN != 0
}

/// Bytes of a word as the pass reads words: alphanumeric runs, `_` glued in
/// (`order_ABCPE1234F` is one word).
pub(super) fn is_word_byte(b: u8) -> bool {
    CLASS[usize::from(b)] & WORD != 0
}

/// The UPI payment service provider handles, compiled in.
fn upi_handles() -> &'static [&'static str] {
    static HANDLES: OnceLock<Vec<&'static str>> = OnceLock::new();
    HANDLES.get_or_init(|| {
        let mut v: Vec<&str> = include_str!("../../patterns/lists/upi_handles.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        v.sort_unstable();
        v
    })
}

/// Whether `handle` (any case) is a known UPI PSP handle.
pub fn is_upi_handle(handle: &[u8]) -> bool {
    if handle.len() > 32 {
        return false;
    }
    let mut buf = [0u8; 32];
    let lower = &mut buf[..handle.len()];
    lower.copy_from_slice(handle);
    lower.make_ascii_lowercase();
    upi_handles()
        .binary_search_by(|h| h.as_bytes().cmp(lower))
        .is_ok()
}

/// An e-mail address or UPI handle around the `@` at `at`; returns where the pass continues.
pub(super) fn at_sign(s: &mut Scan, at: usize) -> usize {
    match address(s, at) {
        Some(hit) => {
            s.push(hit.start, hit.end, hit.ty, hit.basis);
            hit.end
        }
        None => at + 1,
    }
}

/// Whether `c`, a character outside ASCII, can be part of an address: a letter, a digit or a
/// combining mark (RFC 6531 local parts, IDNA 2008 domain labels: `müller`, `संस्कृत`);
/// punctuation (`“`, `—`, `。`) and symbols cannot.
fn is_address_char(c: char) -> bool {
    c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c)
}

/// The length of the UTF-8 address character ([`is_address_char`]) that ends at `end` in
/// `v` and starts at or after `floor` (a local part's character outside ASCII); `None` for
/// any other character or invalid UTF-8.
fn letter_before(v: &[u8], floor: usize, end: usize) -> Option<usize> {
    let from = end.saturating_sub(4).max(floor);
    let lead = (from..end).rev().find(|&i| v[i] & 0xC0 != 0x80)?;
    let c = std::str::from_utf8(&v[lead..end]).ok()?.chars().next()?;
    is_address_char(c).then_some(end - lead)
}

/// The length of the UTF-8 address character ([`is_address_char`]) that starts at `at` in
/// `v` and ends at or before `ceiling` (a domain's character outside ASCII); `None` for any
/// other character or invalid UTF-8.
fn letter_after(v: &[u8], at: usize, ceiling: usize) -> Option<usize> {
    let len = match v[at] {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    let bytes = v.get(at..at + len).filter(|_| at + len <= ceiling)?;
    let c = std::str::from_utf8(bytes).ok()?.chars().next()?;
    is_address_char(c).then_some(len)
}

/// The e-mail address or UPI handle around the `@` at `at`, if it is one.
fn address(s: &mut Scan, at: usize) -> Option<Hit> {
    let v = s.v;
    // The walk back stops one byte past the longest local part.
    let lowest = s.floor.max(at.saturating_sub(MAX_LOCAL + 1));
    let mut start = at;
    while start > lowest {
        let b = v[start - 1];
        if is_local_byte(b) {
            start -= 1;
        } else if let Some(len) = (b >= 0x80)
            .then(|| letter_before(v, s.floor, start))
            .flatten()
        {
            // A letter outside ASCII (RFC 6531: `hans.müller@…`).
            if start - len < lowest {
                return None; // longer than any local part
            }
            start -= len;
        } else {
            break;
        }
    }
    if at - start > MAX_LOCAL {
        return None; // longer than any local part: not an address
    }
    // A local part does not start with a dot or a quote (`'asha@example.com'`).
    while start < at && matches!(v[start], b'.' | b'\'') {
        start += 1;
    }
    if start == at {
        return None;
    }
    // The walk on stops a character past the longest domain, so a longer one is refused
    // whole rather than cut.
    let highest = v.len().min(at + 1 + MAX_DOMAIN + 4);
    let mut end = at + 1;
    // Where the first character outside ASCII starts (`end` when there is none).
    let mut ascii_end = None;
    while end < highest {
        if is_domain_byte(v[end]) {
            end += 1;
        } else if let Some(len) = (v[end] >= 0x80)
            .then(|| letter_after(v, end, highest))
            .flatten()
        {
            // A letter outside ASCII (an IDN U-label: `hans@müller.com`).
            ascii_end.get_or_insert(end);
            end += len;
        } else {
            break;
        }
    }
    // A run longer than the longest domain and a sentence's dot is no domain, whatever its
    // end trims to. A domain in Unicode that is none (`user@example.com谢谢`, an address in
    // text with no space after it) is read again up to its first character outside ASCII.
    let whole = if end - (at + 1) <= MAX_DOMAIN + 1 {
        domain(s, start, at, end, ascii_end.is_none())
    } else {
        None
    };
    whole.or_else(|| domain(s, start, at, ascii_end?, true))
}

/// The e-mail address or UPI handle whose local part is `start..at` and whose domain (or
/// handle) is what stays of `at + 1..end` with dots and hyphens trimmed off its end, if it is
/// one; `ascii`: whether the domain is all ASCII.
fn domain(s: &Scan, start: usize, at: usize, mut end: usize, ascii: bool) -> Option<Hit> {
    let v = s.v;
    while end > at + 1 && matches!(v[end - 1], b'.' | b'-') {
        end -= 1;
    }
    let domain = &v[at + 1..end];
    if domain.is_empty() || domain.len() > MAX_DOMAIN || v.get(end) == Some(&b'@') {
        return None;
    }
    // One pass over the domain: whether every label is well formed, and where the last
    // one (the TLD) starts; `tld_at == 0` when it has no dot.
    let label_ok = |l: &[u8]| {
        !l.is_empty()
            && l[0] != b'-'
            && l[l.len() - 1] != b'-'
            && if ascii {
                l.len() <= tld::MAX_LABEL
            } else {
                label_fits(l)
            }
    };
    let mut tld_at = 0;
    let mut labels_ok = true;
    for (k, &b) in domain.iter().enumerate() {
        if b == b'.' {
            labels_ok &= label_ok(&domain[tld_at..k]);
            tld_at = k + 1;
        }
    }
    let mut basis = Basis::SHAPE;
    if tld_at == 0 {
        if !is_upi_handle(domain) || !s.det.enabled(PiiType::UpiId) {
            return None;
        }
        if s.hint.supports(PiiType::UpiId) {
            basis |= Basis::FIELD;
        }
        return Some(Hit {
            start,
            end,
            ty: PiiType::UpiId,
            basis: basis | Basis::DICTIONARY,
        });
    }
    let tld = &domain[tld_at..];
    let labels_ok = labels_ok && label_ok(tld);
    let tld_ok = if ascii || tld.is_ascii() {
        tld.len() >= 2 && !tld[0].is_ascii_digit() && tld::is_known(tld)
    } else {
        // The walk reads whole characters, so the TLD is UTF-8.
        std::str::from_utf8(tld).is_ok_and(tld::is_known_unicode)
    };
    // `start < at`: the local part is not empty (refused above).
    if !labels_ok || !tld_ok || v[at - 1] == b'.' || !s.det.enabled(PiiType::Email) {
        return None;
    }
    if s.hint.supports(PiiType::Email) {
        basis |= Basis::FIELD;
    }
    Some(Hit {
        start,
        end,
        ty: PiiType::Email,
        basis: basis | Basis::DICTIONARY,
    })
}

/// Whether `label`, a label of a domain written in Unicode, fits DNS's 63 bytes: as written
/// when it is ASCII, else in its ASCII form (`xn--` and Punycode, [`tld::ace`]). A label
/// outside ASCII must also be in NFKC: IDNA 2008 disallows characters that normalisation
/// changes (RFC 5892 section 2.3), such as full-width letters (`ｇｍａｉｌ.com`, a look-alike).
fn label_fits(label: &[u8]) -> bool {
    if label.is_ascii() {
        return label.len() <= tld::MAX_LABEL;
    }
    std::str::from_utf8(label)
        .is_ok_and(|l| unicode_normalization::is_nfkc(l) && tld::ace(l).is_some())
}

/// A crypt-style hash at the `$` at `p`, or written with a scheme word before it
/// (`pbkdf2_sha256$...`, `pbkdf2:sha256:600000$...`), also after a user and `:` in a combo
/// line (`alice:sha1$$...`, `bob@example.com:pbkdf2_sha256$...`). Returns where the pass
/// continues.
pub(super) fn dollar(s: &mut Scan, p: usize, limit: usize) -> usize {
    let v = s.v;
    let mut start = p;
    while start > s.floor
        && (v[start - 1].is_ascii_alphanumeric() || matches!(v[start - 1], b'_' | b':'))
    {
        start -= 1;
    }
    // A scheme word before the `$`, from the word's start (`pbkdf2:sha256:600000$...`) or
    // after one of its `:` (`alice:sha1$$...`), longest first; else the hash starts at the
    // `$` (`admin:$apr1$...`).
    let after_colons = (start..p).filter(|&i| v[i] == b':').map(|i| i + 1);
    let found = std::iter::once(start)
        .chain(after_colons)
        .filter(|&from| from < p)
        .find_map(|from| crypt::match_hash(&v[from..limit]).map(|m| (from, m)))
        .or_else(|| crypt::match_hash(&v[p..limit]).map(|m| (p, m)));
    match found {
        Some((from, (_, len))) => {
            let end = from + len;
            let glued = end < v.len() && (v[end].is_ascii_alphanumeric() || v[end] == b'$');
            if !glued {
                let mut basis = Basis::SHAPE;
                if s.hint.supports(PiiType::PasswordHash) {
                    basis |= Basis::FIELD;
                }
                s.push(from, end, PiiType::PasswordHash, basis);
            }
            end
        }
        None => p + 1,
    }
}

fn is_hex_colon(b: u8) -> bool {
    b.is_ascii_hexdigit() || b == b':'
}

/// An IPv6 address around the hexadecimal word `ws..we` when a colon touches it. Returns
/// where the pass continues when the colon run was read whole: an address, or a run of short
/// hex groups that holds no value (a time `10:22:33`, a MAC address), so its parts are not
/// read again one by one.
///
/// Inlined: most words a digit starts touch no colon, and are refused here without a call.
#[inline]
pub(super) fn ipv6(s: &mut Scan, ws: usize, we: usize, limit: usize) -> Option<usize> {
    let v = s.v;
    let touches = v.get(we) == Some(&b':') || (ws > s.floor && v[ws - 1] == b':');
    if !touches {
        return None;
    }
    colon_run(s, ws, we, limit)
}

/// [`ipv6`] for a word that a colon touches.
fn colon_run(s: &mut Scan, ws: usize, we: usize, limit: usize) -> Option<usize> {
    let v = s.v;
    if !v[ws..we].iter().all(u8::is_ascii_hexdigit) {
        return None;
    }
    let mut start = ws;
    while start > s.floor && is_hex_colon(v[start - 1]) {
        start -= 1;
    }
    let mut end = we;
    while end < limit && (is_hex_colon(v[end]) || v[end] == b'.') {
        end += 1;
    }
    while end > we && matches!(v[end - 1], b'.') {
        end -= 1;
    }
    // Trailing single colon (`addr: fe80::1:` is rare; `key:value` more likely).
    if end > we && v[end - 1] == b':' && !(end >= 2 && v[end - 2] == b':') {
        end -= 1;
    }
    let run = &v[start..end];
    // Every IPv6 form has two colons or more (`::` at least); a time `10:22` has one.
    let colons = run.iter().filter(|&&b| b == b':').count();
    if colons < 2 {
        return None;
    }
    let glued = (start > s.floor && v[start - 1].is_ascii_alphanumeric())
        || (end < v.len() && v[end].is_ascii_alphanumeric());
    if glued || !ip::is_ipv6(run) {
        let short_groups = run.split(|&b| b == b':').all(|g| g.len() <= 4);
        return short_groups.then_some(end);
    }
    let mut basis = Basis::SHAPE;
    if s.hint.supports(PiiType::IpAddress) {
        basis |= Basis::FIELD;
    }
    s.push(start, end, PiiType::IpAddress, basis).then_some(end)
}

/// An alphanumeric word with letters and digits: PAN, NRIC/FIN, or a bare hex digest in a
/// password field. Returns where the pass continues: past a time `HH:MM:SS` glued to the
/// word ([`glued_time_end`]) when the word holds nothing, else at the word's end.
pub(super) fn alnum_word(s: &mut Scan, ws: usize, we: usize) -> usize {
    let found = alnum_hit(s, ws, we);
    if found {
        return we;
    }
    glued_time_end(s, ws, we).unwrap_or(we)
}

/// The time `:MM:SS` that follows the word `ws..we` when the word ends in the hours of a
/// date-time (`2024-04-26T16:57:01Z`: the word `26T16`): the end of the seconds, where the
/// pass would settle anyway. The next digit anchor, the minutes, would reach [`colon_run`],
/// which reads the run `16:57:01` (the word's hexadecimal tail, at most four bytes, and two
/// short groups) as no address, no value, and continues after it; this skips that second
/// read. Only when the word is not all hexadecimal (so the run cannot reach back past it) and
/// nothing after the seconds continues the run (a hexadecimal digit, `:` or `.`, as in a
/// fraction `16:57:01.123`).
#[inline]
fn glued_time_end(s: &Scan, ws: usize, we: usize) -> Option<usize> {
    let v = s.v;
    let end = we + 6;
    let time = v.get(we..end)?;
    let shaped = time[0] == b':'
        && time[3] == b':'
        && [1, 2, 4, 5].iter().all(|&k| time[k].is_ascii_digit());
    if !shaped || v.get(end).is_some_and(|&b| is_hex_colon(b) || b == b'.') {
        return None;
    }
    // The run [`colon_run`] would read starts after the word's last non-hex byte (or at
    // the floor): a group of at most four bytes, so its groups are all short.
    let tail = v[ws.max(s.floor)..we]
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_hexdigit())
        .count();
    let all_hex = s.floor <= ws && tail == we - ws;
    (!all_hex && tail <= 4).then_some(end)
}

/// [`alnum_word`]'s detectors; whether one of them recorded a hit.
fn alnum_hit(s: &mut Scan, ws: usize, we: usize) -> bool {
    let word = &s.v[ws..we];
    let found = match word.len() {
        10 if pan_shape(word) && pan::is_valid(word) => {
            // Upper case is the PAN's own shape; lower case needs the field or a keyword.
            let upper = word.iter().all(|b| !b.is_ascii_lowercase());
            let support = if s.hint.supports(PiiType::PanIn) {
                Some(Basis::FIELD)
            } else if upper {
                Some(Basis::empty())
            } else {
                s.weak_support(PiiType::PanIn, ws)
            };
            support.is_some_and(|b| s.push(ws, we, PiiType::PanIn, Basis::SHAPE | b))
        }
        9 if nric::is_valid(word) => {
            let mut basis = Basis::NRIC;
            if s.hint.supports(PiiType::SgNric) {
                basis |= Basis::FIELD;
            }
            s.push(ws, we, PiiType::SgNric, basis)
        }
        _ => false,
    };
    if found {
        return true;
    }
    if s.hint.supports(PiiType::PasswordHash) && crypt::bare_hex(word).is_some() {
        return s.push(ws, we, PiiType::PasswordHash, Basis::SHAPE | Basis::FIELD);
    }
    if !s.det.extra.is_empty() {
        let before = s.out.len();
        s.try_extra(ws, we);
        return s.out.len() > before;
    }
    false
}

/// `[A-Za-z]{5}[0-9]{4}[A-Za-z]`.
fn pan_shape(w: &[u8]) -> bool {
    w[..5].iter().all(u8::is_ascii_alphabetic)
        && w[5..9].iter().all(u8::is_ascii_digit)
        && w[9].is_ascii_alphabetic()
}

#[cfg(test)]
mod tests {
    use crate::detect::tests::find;
    use crate::detect::{Detector, FieldHint, Scan};
    use crate::types::PiiType;
    use proptest::strategy::Just;

    #[test]
    fn byte_classes() {
        for b in 0..=255u8 {
            let alnum = b.is_ascii_alphanumeric();
            let local = alnum || b"._%+-'".contains(&b);
            assert_eq!(super::is_local_byte(b), local, "{b}");
            assert_eq!(
                super::is_domain_byte(b),
                alnum || b == b'.' || b == b'-',
                "{b}"
            );
            assert_eq!(super::is_word_byte(b), alnum || b == b'_', "{b}");
        }
    }

    #[test]
    fn address_length_limits() {
        let local = |n: usize| format!("{}@example.com", "a".repeat(n));
        assert_eq!(find(&local(64)).len(), 1);
        assert_eq!(find(&format!("x {}", local(65))), []);
        let domain = |n: usize| format!("asha@{}.com", "b".repeat(n));
        assert_eq!(find(&domain(60)).len(), 1);
        // A label of 64 bytes makes the whole address none.
        assert_eq!(find(&domain(64)), []);
        assert_eq!(find(&domain(300)), []);
        // Five labels of 49 bytes and `com`: 253 bytes, the longest domain; one byte more is
        // none, not a domain cut to 253 bytes (`....co`), even with a sentence's dot after it.
        let labels = format!("{}.", "c".repeat(49)).repeat(5);
        let longest = format!("asha@{labels}com");
        assert_eq!(
            find(&format!("{longest}. Bye")),
            [(longest, PiiType::Email)]
        );
        assert_eq!(find(&format!("asha@{labels}comm")), []);
        assert_eq!(find(&format!("asha@x{labels}com")), []);
        assert_eq!(find(&format!("asha@{labels}co.uk")), []);
        // Nor is a longer run whose cut would end in hyphens (`co-----x.com` cut to `co`).
        assert_eq!(find(&format!("asha@{labels}co-----x.com")), []);
    }

    #[test]
    fn domains_outside_ascii_are_read_whole() {
        for (text, want) in [
            ("mail hans@müller.com ok", "hans@müller.com"),
            ("mail user@münchen.de.", "user@münchen.de"),
            ("Email: user@пример.рф, tel", "user@пример.рф"),
            ("mail USER@ПРИМЕР.РФ", "USER@ПРИМЕР.РФ"),
            ("संपर्क: user@उदाहरण.भारत", "user@उदाहरण.भारत"),
            ("mail राहुल@संस्कृत.भारत", "राहुल@संस्कृत.भारत"), // virama: a combining mark
            ("联系 user@例子.中国", "user@例子.中国"),
            ("mail user@xn--mnchen-3ya.de", "user@xn--mnchen-3ya.de"),
            // Text glued after an address in ASCII leaves the address as it was read.
            ("请联系 user@example.com谢谢", "user@example.com"),
            ("mail user@example.in।", "user@example.in"),
        ] {
            assert_eq!(find(text), [(want.into(), PiiType::Email)], "{text}");
        }
        // A TLD in Unicode must be a real one, as one in ASCII must; a label must fit 63
        // bytes in its ASCII form: the Russian alphabet is 64 bytes as written and 45 as
        // `xn--...`, twice it 83.
        let alphabet = "абвгдежзийклмнопрстуфхцчшщъыьэюя";
        assert_eq!(find(&format!("a@{alphabet}.рф")).len(), 1);
        for bad in [
            "mail user@пример.испытание",
            "mail user@пример.тест",
            "mail user@münchen.dé",
            "mail user@例え。jp",
            "mail user@日本",
            "mail somename@ｇｍａｉｌ.com", // full-width letters: not NFKC
            "npm i lodash@4.17.21",
            "build v2.1.0@релиз.тест",
            "id 550e8400-e29b-41d4-a716-446655440000@ホスト.テスト",
            "at 2024-05-01T10:00@サーバー.ローカル",
            "order 4411@商店.example",
            "mail a@-münchen.de",
            "mail a@münchen-.de",
            &format!("mail a@{alphabet}{alphabet}.рф"),
        ] {
            assert_eq!(find(bad), [], "{bad}");
        }
    }

    #[test]
    fn emails_and_upi() {
        assert_eq!(
            find("to Asha.Rao99@Example.COM."),
            [("Asha.Rao99@Example.COM".into(), PiiType::Email)]
        );
        assert_eq!(
            find("pay 9876543210@ybl now"),
            [("9876543210@ybl".into(), PiiType::UpiId)]
        );
        assert_eq!(find("logo@2x.png"), []);
        assert_eq!(find("user@localhost"), []);
        // Labels: none empty, none starting or ending with `-`; no dot ends the local part.
        assert_eq!(
            find("mail a@x-1.y.co now"),
            [("a@x-1.y.co".into(), PiiType::Email)]
        );
        for bad in [
            "mail a@-x.com",
            "mail a@x-.com",
            "mail a@x..com",
            "mail a.@x.com",
        ] {
            assert_eq!(find(bad), [], "{bad}");
        }
    }

    #[test]
    fn local_parts_outside_ascii_are_read_whole() {
        for (text, want) in [
            ("mail hans.müller@test.com ok", "hans.müller@test.com"),
            ("mail tüst@invalid.com", "tüst@invalid.com"),
            ("mail राहुल@example.in", "राहुल@example.in"),
            ("mail संस्कृत@example.in", "संस्कृत@example.in"), // virama: a combining mark
            // Punctuation outside ASCII is no part of the address.
            ("“asha@example.com”", "asha@example.com"),
            ("note—asha@example.com", "asha@example.com"),
        ] {
            assert_eq!(find(text), [(want.into(), PiiType::Email)], "{text}");
        }
        // Longer than 64 bytes: no local part, and no tail of it either.
        assert_eq!(find(&format!("{}@gmail.com", "ｇｍａｉｌ".repeat(5))), []);
        // Invalid UTF-8 before the local part stops the walk there.
        let mut text = b"\xff\xfe".to_vec();
        text.extend_from_slice(b"asha@example.com");
        let mut out = Vec::new();
        Detector::builtin()
            .unwrap()
            .detect(&text, FieldHint::default(), &mut out);
        assert_eq!(out.iter().map(|h| h.start).collect::<Vec<_>>(), [2]);
    }

    #[test]
    fn words() {
        assert_eq!(
            find("PAN ABCPE1234F ok"),
            [("ABCPE1234F".into(), PiiType::PanIn)]
        );
        assert_eq!(find("GSTIN 27ABCPE1234F1Z5"), []);
        assert_eq!(
            find("addr fe80::1 up"),
            [("fe80::1".into(), PiiType::IpAddress)]
        );
        assert_eq!(find("at 12:30:45"), []);
        // Two colons make the shortest IPv6 forms; one never does.
        assert_eq!(find("from 1::2 on"), [("1::2".into(), PiiType::IpAddress)]);
        assert_eq!(find("at 10:22 and 1:2"), []);
    }

    #[test]
    fn times_after_words() {
        // The time glued to a date is skipped whole; what follows it is still read.
        assert_eq!(
            find("at 2024-04-26T16:57:01Z fe80::1 aa:bb:cc:dd:ee:ff"),
            [("fe80::1".into(), PiiType::IpAddress)]
        );
        assert_eq!(
            find("t ab12T16:57:01+05:30 from 1::2 on"),
            [("1::2".into(), PiiType::IpAddress)]
        );
        assert_eq!(find("2024-04-26T16:57:01.123Z"), []);
    }

    proptest::proptest! {
        /// Where [`super::glued_time_end`] skips a time, the read it spares ([`super::colon_run`]
        /// on the minutes, the next digit anchor) settles at the same end and records nothing.
        #[test]
        fn glued_time_skip_matches_colon_run(
            before in proptest::collection::vec(
                proptest::prop_oneof![Just(b'1'), Just(b'a'), Just(b':'), Just(b' '), Just(b'T')],
                0..6,
            ),
            gap in proptest::prop_oneof![Just(b' '), Just(b':'), Just(b'-')],
            word in proptest::collection::vec(
                proptest::prop_oneof![Just(b'1'), Just(b'b'), Just(b'T'), Just(b'_'), Just(b'z')],
                1..8,
            ),
            after in proptest::collection::vec(
                proptest::prop_oneof![
                    4 => Just(b'5'), 3 => Just(b':'), 1 => Just(b'.'), 1 => Just(b'Z'),
                    1 => Just(b'c'), 1 => Just(b' '), 1 => Just(b'+'),
                ],
                0..10,
            ),
            time in proptest::bool::weighted(0.7),
            floor in 0usize..16,
        ) {
            let mut v = before;
            v.push(gap);
            let ws = v.len();
            v.extend(word);
            let we = v.len();
            if time {
                v.extend(b":57:01");
            }
            v.extend(after);
            let det = Detector::builtin().expect("built-in patterns load");
            let mut out = Vec::new();
            let mut s = Scan::new(&det, &v, FieldHint::default(), &mut out, false);
            s.floor = floor.min(ws);
            let skip = super::glued_time_end(&s, ws, we);
            if let Some(end) = skip {
                proptest::prop_assert_eq!(super::colon_run(&mut s, we + 1, we + 3, v.len()), Some(end));
                proptest::prop_assert!(s.out.is_empty());
            }
            // It skips the glued date-times it is for.
            let hours = v[ws..we].ends_with(b"T1") && v[ws..we].len() <= 5;
            if time && hours && v.get(we + 6).is_none_or(|b| b" Z+".contains(b)) {
                proptest::prop_assert_eq!(skip, Some(we + 6));
            }
        }
    }

    #[test]
    fn hashes() {
        let h = "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW";
        assert_eq!(
            find(&format!("pw {h} x")),
            [(h.to_string(), PiiType::PasswordHash)]
        );
        let d = "pbkdf2_sha256$260000$abcdefgh$Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmE=";
        assert_eq!(find(d), [(d.to_string(), PiiType::PasswordHash)]);
    }

    #[test]
    fn hashes_with_a_scheme_word_in_combo_lines() {
        let sha1 = "sha1$$6d138ca3ae545631b3abd71a4f076ce759c5700b";
        let md5 = "md5$$5f4dcc3b5aa765d61d8327deb882cf99";
        let pbkdf2 = "pbkdf2_sha256$260000$abcdefgh$Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmE=";
        let werkzeug = "pbkdf2:sha256:600000$kF3pW9sL2qR8tY6u$ccc7f43a5c5362fe92c4e2f311bfe5dc1dd9b1e844e96ac997fdacf92d01ad06";
        for (line, hash) in [
            (format!("user:{sha1}"), sha1),
            (format!("asha_rao:{md5}"), md5),
            (format!("bob:{pbkdf2}"), pbkdf2),
            (format!("bob:{werkzeug}"), werkzeug),
            (format!("17:bob:{sha1}:1"), sha1),
        ] {
            assert_eq!(
                find(&line),
                [(hash.to_string(), PiiType::PasswordHash)],
                "{line}"
            );
        }
        let email = "alice@example.com";
        assert_eq!(
            find(&format!("{email}:{sha1}")),
            [
                (email.to_string(), PiiType::Email),
                (sha1.to_string(), PiiType::PasswordHash)
            ]
        );
        // A scheme word glued to another word, a digest too short or too long, hex glued
        // after it, a salted form without its salt's `$`.
        for line in [
            "usersha1$$6d138ca3ae545631b3abd71a4f076ce759c5700b",
            "user:sha1$$6d138ca3ae545631b3abd71a4f076ce759c5700",
            "user:sha1$$6d138ca3ae545631b3abd71a4f076ce759c5700bb",
            "user:sha1$$6d138ca3ae545631b3abd71a4f076ce759c5700bx",
            "user:sha1$6d138ca3ae545631b3abd71a4f076ce759c5700b",
            "price:sha1$$ 6d138ca3ae545631b3abd71a4f076ce759c5700b",
        ] {
            assert_eq!(find(line), [], "{line}");
        }
    }
}
