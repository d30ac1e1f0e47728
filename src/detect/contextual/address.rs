//! `postal_address`: the whole value of an address-named field, and addresses in free text.
//!
//! In free text an address is found from one of two anchors and read outwards over its
//! comma-separated parts:
//!
//! - a postal code at its end: an Indian PIN (6 digits, first 1-8), `Singapore 123456`, a US
//!   state code and ZIP (`TX 78701`, `TX 78701-1234`) or a UK postcode (`SW1A 1AA`). The
//!   address starts at the earliest house or unit number (`12`, `4/21`, `#05-123`, `Flat 302`,
//!   `Blk 123`) reached walking back over capitalised words, numbers, street words and
//!   separators; a lower-case word (`to`, `at`), a sentence end or a `key:`/`=` stops the walk.
//! - a house number, capitalised words and a street word (`221B Baker Street`,
//!   `4/12 Nehru Street`), followed by capitalised parts (`, Mylapore, Chennai`).
//!
//! - a postal code written before its city, as most of continental Europe writes it, after a
//!   comma that ends the street part: `15 Rue de Rivoli, 75001 Paris`, `Calle Mayor 10,
//!   28013 Madrid`, `Hauptstraße 5, 10115 Berlin`, `Rua Augusta 100, 1100-053 Lisboa`,
//!   `Kalverstraat 92, 1012 PH Amsterdam` (or with the city first: `Madrid, 28013`). The
//!   street part needs a street word (`rue`, `Calle`, `Via`, `ul.`) or a name that ends in
//!   one (`-straße`, `-str.`, `-straat`, `-vej`, `-gatan`, `-katu`).
//!
//! The first two need a house or unit number and a street word or a country's postal form, or (before
//! a PIN) house numbers then comma-separated parts of words that are no common word (`6/9
//! Aruna Jayaraman, Lucknow 765137`: Indian addresses often name no street word), so a PIN
//! alone, a street name alone (`Rose Garden Road`) or an order date is no address. The postal
//! code is part of the address and never anything else: the address is reported only where
//! no other finding overlaps it.

use super::lexicon::{
    Token, COMPANY, ENGLISH, NAME, PARTICLE, PLACE, STATUS, STREET, TITLE, T_CAP, T_DIGIT,
    T_LETTER, T_LOWER, T_UPPER,
};
use super::{free, push};
use crate::detect::{Detector, Hit};
use crate::format::FieldHint;
use crate::types::{Basis, PiiType};

/// US state and territory codes (USPS).
const US_STATES: &[&[u8; 2]] = &[
    b"AL", b"AK", b"AZ", b"AR", b"CA", b"CO", b"CT", b"DE", b"DC", b"FL", b"GA", b"HI", b"ID",
    b"IL", b"IN", b"IA", b"KS", b"KY", b"LA", b"ME", b"MD", b"MA", b"MI", b"MN", b"MS", b"MO",
    b"MT", b"NE", b"NV", b"NH", b"NJ", b"NM", b"NY", b"NC", b"ND", b"OH", b"OK", b"OR", b"PA",
    b"PR", b"RI", b"SC", b"SD", b"TN", b"TX", b"UT", b"VT", b"VA", b"WA", b"WV", b"WI", b"WY",
    // Armed forces mail (`APO AE 09012`).
    b"AA", b"AE", b"AP",
];

/// Words that open an address with a unit or house number after them.
const UNIT_WORDS: &[&str] = &[
    "flat", "blk", "block", "house", "plot", "apt", "unit", "door", "no", "suite", "villa", "shop",
    "room", "floor", "level", "tower", "wing", "h", "box", "psc", "studio",
];

/// Endings of street names that write the street word into the name (German `Hauptstraße`,
/// `Bahnhofstr.`, Dutch `Kalverstraat`, Danish `Dampfærgevej`, Swedish `Skolvägen`,
/// Norwegian `Storgata`, Finnish `Tuulilasinkatu`): the street suffixes of Faker's `de_DE`,
/// `nl_NL`, `da_DK`, `sv_SE`, `no_NO` and `fi_FI` address providers that are street words
/// (MIT), compiled by hand. Read only in a street part before a postal code and its city.
const STREET_ENDINGS: &[&str] = &[
    "straße",
    "strasse",
    "str",
    "gasse",
    "allee",
    "platz",
    "weg",
    "ring",
    "damm",
    "ufer",
    "straat",
    "laan",
    "gracht",
    "plein",
    "singel",
    "dreef",
    "steeg",
    "kade",
    "baan",
    "hof",
    "boulevard",
    "vej",
    "gade",
    "stræde",
    "gatan",
    "vägen",
    "gränd",
    "torget",
    "stigen",
    "gata",
    "gate",
    "veien",
    "vegen",
    "stien",
    "bakken",
    "steig",
    "stieg",
    "pfad",
    "zeile",
    "väg",
    "vei",
    "katu",
    "tie",
    "kuja",
    "polku",
    "bulevardi",
];

/// Lower-case words that join the words of a street or city name besides the particles of
/// names (`de`, `la`, `del`, `da`): `avenue des Champs`, `Rua do Ouro`, `Via dei Mille`.
const NAME_JOINERS: &[&[u8]] = &[b"des", b"do", b"dei", b"delle", b"degli", b"dels"];

/// Most tokens an address spans.
const MAX_TOKENS: usize = 24;
/// Most bytes an address in free text spans.
const MAX_BYTES: usize = 160;

/// Appends the address findings of `v` to `out`.
pub(super) fn detect(
    det: &Detector,
    v: &[u8],
    hint: FieldHint,
    toks: &[Token],
    out: &mut Vec<Hit>,
    first: usize,
) {
    if !det.enabled(PiiType::PostalAddress) || toks.is_empty() {
        return;
    }
    if hint.supports(PiiType::PostalAddress) {
        field_value(v, toks, out, first);
    } else if !hint.supports(PiiType::PersonName) && !hint.denies_weak {
        free_text(v, toks, out, first);
    }
}

/// The whole value of an address field, up to the first other finding in it.
fn field_value(v: &[u8], toks: &[Token], out: &mut Vec<Hit>, first: usize) {
    if v.contains(&b'@') || v.windows(3).any(|w| w == b"://") {
        return;
    }
    let mut last = toks.len();
    while last > 0 && !free(&out[first..], toks[0].start, toks[last - 1].end) {
        last -= 1;
    }
    let toks = &toks[..last];
    let letters = toks.iter().any(|t| t.is(T_LETTER));
    let addressy = toks.iter().any(|t| t.is(T_DIGIT) || t.has(STREET | PLACE)) || v.contains(&b',');
    if toks.len() < 2 || !letters || !addressy {
        return;
    }
    push(
        out,
        with_hash(v, toks[0].start),
        toks[toks.len() - 1].end,
        PiiType::PostalAddress,
        Basis::FIELD,
    );
}

/// `start`, moved back over a `#` before a house number (`#12, 5th Cross`).
fn with_hash(v: &[u8], start: usize) -> usize {
    if start > 0 && v[start - 1] == b'#' {
        start - 1
    } else {
        start
    }
}

/// The bytes of token `t` of `v`.
pub(super) fn word<'a>(v: &'a [u8], t: &Token) -> &'a [u8] {
    &v[t.start..t.end]
}

fn all_digits(v: &[u8], t: &Token, n: usize) -> bool {
    let w = word(v, t);
    w.len() == n && w.iter().all(u8::is_ascii_digit)
}

/// The bytes between tokens `a` and `b` (`a` before `b`).
fn gap<'a>(v: &'a [u8], a: &Token, b: &Token) -> &'a [u8] {
    &v[a.end..b.start]
}

/// Whether the gap before a token lets an address go on through it.
pub(super) fn joins(g: &[u8], prev: &[u8]) -> bool {
    if g.len() > 4 {
        return false;
    }
    g.iter().enumerate().all(|(i, &b)| {
        // A full stop only after an abbreviation (`St.`, `No.`, `Rd.`) or an initial.
        joining_byte(b) || b == b'.' && i == 0 && prev.len() <= 4
    })
}

/// The bytes of a gap an address goes on through ([`joins`]) but its first full stop: the
/// only bytes that may end such a gap.
pub(super) fn joining_byte(b: u8) -> bool {
    matches!(b, b' ' | b',' | b'-' | b'/' | b'#' | b'\'' | b'"')
}

/// A house or unit number token: digits, maybe with a letter (`12`, `221B`, `05`).
fn house_number(v: &[u8], t: &Token) -> bool {
    let w = word(v, t);
    t.is(T_DIGIT)
        && w.len() <= 6
        && w[0].is_ascii_digit()
        && w.iter().filter(|b| b.is_ascii_alphabetic()).count() <= 1
}

fn unit_word(v: &[u8], t: &Token) -> bool {
    let w = word(v, t);
    UNIT_WORDS
        .iter()
        .any(|u| u.as_bytes().eq_ignore_ascii_case(w))
}

/// Whether token `t` may stand inside an address: capitalised or upper-case words, numbers,
/// ordinals (`5th`), street and place words in any case.
fn inside(t: &Token) -> bool {
    t.is(T_DIGIT) || t.is(T_CAP) || t.is(T_UPPER) || t.has(STREET | PLACE) || !t.is(T_LOWER)
}

/// [`US_STATES`] as a bit set: bit `b - b'A'` of entry `a - b'A'` is set for each code `ab`.
/// A look-up is a load and a shift, where the list was 55 compares: the free-text gate asks
/// it before every code of 5 digits ([`super::lexicon::may_hold_free_text`]).
const US_STATE_BITS: [u32; 26] = {
    let mut bits = [0u32; 26];
    let mut i = 0;
    while i < US_STATES.len() {
        let [a, b] = *US_STATES[i];
        bits[(a - b'A') as usize] |= 1 << (b - b'A');
        i += 1;
    }
    bits
};

/// Whether `code` is a US state or territory code in capitals (`TX`).
pub(super) fn is_us_state(code: &[u8]) -> bool {
    match *code {
        [a @ b'A'..=b'Z', b @ b'A'..=b'Z'] => {
            US_STATE_BITS[usize::from(a - b'A')] >> (b - b'A') & 1 != 0
        }
        _ => false,
    }
}

/// The postal code ending at token `j`: the index of its first token and whether it is a
/// country's full postal form (SG, US, UK), which vouches for an address by itself.
fn postal(v: &[u8], toks: &[Token], j: usize) -> Option<(usize, bool)> {
    let t = &toks[j];
    let prev = j.checked_sub(1).map(|i| &toks[i]);
    if all_digits(v, t, 6) {
        if let Some(p) = prev {
            if word(v, p).eq_ignore_ascii_case(b"singapore") && gap(v, p, t) == b" " {
                return Some((j - 1, true));
            }
        }
        return (b'1'..=b'8').contains(&word(v, t)[0]).then_some((j, false));
    }
    // ZIP+4: `78701-1234` ends on the 4 digits.
    let (zip, k) = match prev {
        Some(p) if all_digits(v, t, 4) && all_digits(v, p, 5) && gap(v, p, t) == b"-" => {
            (j - 1, j - 1)
        }
        _ => (j, j),
    };
    if all_digits(v, &toks[zip], 5) && k >= 1 {
        let s = &toks[k - 1];
        if is_us_state(word(v, s)) {
            return Some((k - 1, true));
        }
    }
    // UK: outward code `[A-Z]{1,2}[0-9][A-Z0-9]?`, inward `[0-9][A-Z]{2}`.
    let w = word(v, t);
    let inward = w.len() == 3 && w[0].is_ascii_digit() && w[1..].iter().all(u8::is_ascii_uppercase);
    if inward && j >= 1 && gap(v, &toks[j - 1], t) == b" " {
        let o = word(v, &toks[j - 1]);
        let letters = o.iter().take_while(|b| b.is_ascii_uppercase()).count();
        let rest = &o[letters..];
        let outward = (1..=2).contains(&letters)
            && !rest.is_empty()
            && rest.len() <= 2
            && rest[0].is_ascii_digit()
            && rest[1..]
                .iter()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
        if outward {
            return Some((j - 1, true));
        }
    }
    None
}

/// The address ending at the postal code `code..=j`, if one leads up to it.
fn before_postal(
    v: &[u8],
    toks: &[Token],
    code: usize,
    j: usize,
    full_form: bool,
) -> Option<(usize, usize)> {
    let mut k = code;
    let mut start = None;
    let mut street = false;
    while k > 0 && j - k < MAX_TOKENS {
        let p = &toks[k - 1];
        if !joins_at(v, toks, k) || !inside(p) || toks[j].end - p.start > MAX_BYTES {
            break;
        }
        k -= 1;
        street |= p.has(STREET);
        if house_number(v, p) || unit_word(v, p) {
            start = Some(k);
        }
    }
    let start = start?;
    // A unit word opens the address even when its number comes after it (`Flat 302`).
    (street || full_form || numbered_parts(v, toks, start, code)).then_some((start, j))
}

/// Whether `toks[start..code]`, before an Indian PIN at `code`, read as an address without a
/// street word: house or unit numbers first (`71/822`, `H.No. 55`), then words of letters
/// that are no common, status or company word, in two parts or more split by a comma (`6/9
/// Aruna Jayaraman, Lucknow 765137`, `71, Agarwal, Coimbatore 787099`).
fn numbered_parts(v: &[u8], toks: &[Token], start: usize, code: usize) -> bool {
    let Some(last_number) = toks[start..code].iter().rposition(|t| t.is(T_DIGIT)) else {
        return false;
    };
    let words = start + last_number + 1;
    let plain = |t: &Token| {
        t.is(T_LETTER)
            && !t.is(T_DIGIT)
            && (!t.has(ENGLISH | STATUS | COMPANY) || t.has(NAME | PLACE | STREET))
    };
    words < code
        && all_digits(v, &toks[code], 6)
        && toks[start..words]
            .iter()
            .all(|t| t.is(T_DIGIT) || unit_word(v, t))
        && toks[words..code].iter().all(plain)
        && (words..code - 1).any(|k| gap(v, &toks[k], &toks[k + 1]).contains(&b','))
}

/// The address starting at house number `i`: words up to a street word, then capitalised
/// parts after commas.
fn from_house_number(v: &[u8], toks: &[Token], i: usize) -> Option<(usize, usize)> {
    let mut k = i + 1;
    let mut street = None;
    while k < toks.len() && k - i <= 6 {
        let t = &toks[k];
        if !joins_at(v, toks, k) || !inside(t) {
            break;
        }
        if t.has(STREET) && (t.is(T_CAP) || t.is(T_UPPER)) && k > i + 1 {
            street = Some(k);
            break;
        }
        k += 1;
    }
    let mut end = street?;
    // Then `, Part, Part City` while the parts are capitalised words.
    let mut k = end + 1;
    while k < toks.len() && k - i < MAX_TOKENS {
        let t = &toks[k];
        let g = gap(v, &toks[k - 1], t);
        if !joins(g, word(v, &toks[k - 1])) || !(t.is(T_CAP) || t.is(T_UPPER)) || !t.is(T_LETTER) {
            break;
        }
        if g.contains(&b',') || t.has(STREET | PLACE) {
            end = k;
        } else if k == end + 1 {
            // A word glued to the last part without a comma continues it (`Andheri West`).
            end = k;
        } else {
            break;
        }
        k += 1;
    }
    Some((i, end))
}

/// The last token of a postal code written before its city that starts at token `j`: five
/// digits (France, Germany, Spain, Italy, Sweden, Finland), four (Austria, Switzerland,
/// Belgium, Denmark, Norway, and the Netherlands with two letters: `1012 PH`, `1012PH`),
/// `NNNN-NNN` (Portugal), `NNNNN-NNN` (Brazil), `NN-NNN` (Poland) or `NNN NN` (Sweden,
/// Czechia, Slovakia, Greece).
fn code_before_city(v: &[u8], toks: &[Token], j: usize) -> Option<usize> {
    let t = &toks[j];
    let w = word(v, t);
    let next = toks.get(j + 1);
    let dashed = next.is_some_and(|n| gap(v, t, n) == b"-" && all_digits(v, n, 3));
    let letters = |n: &Token| word(v, n).len() == 2 && n.is(T_UPPER) && !n.is(T_DIGIT);
    let digits = w.iter().take_while(|b| b.is_ascii_digit()).count();
    let end = match (w.len(), digits) {
        (4 | 5, 4 | 5) if dashed => j + 1,
        (4, 4) if next.is_some_and(|n| gap(v, t, n) == b" " && letters(n)) => j + 1,
        (4 | 5, 4 | 5) => j,
        (6, 4) if w[4..].iter().all(u8::is_ascii_uppercase) => j,
        (2, 2) if dashed => j + 1,
        (3, 3) if next.is_some_and(|n| gap(v, t, n) == b" " && all_digits(v, n, 2)) => j + 1,
        _ => return None,
    };
    ends_number(v, toks[end].end).then_some(end)
}

/// Whether the number that ends at `at` ends there: no `-`, `/`, `.`, `:` or `,` and a digit
/// after it (the year of `2024-09-03` is no postal code).
pub(super) fn ends_number(v: &[u8], at: usize) -> bool {
    let sep = matches!(v.get(at), Some(b'-' | b'/' | b'.' | b':' | b','));
    !(sep && v.get(at + 1).is_some_and(u8::is_ascii_digit))
}

/// Whether token `t` is a word of a city's name: a word of letters with a capital.
fn city_word(t: &Token) -> bool {
    t.is(T_LETTER) && !t.is(T_DIGIT) && (t.is(T_CAP) || t.is(T_UPPER))
}

/// Whether token `t` is a lower-case word that joins the words of a name (`de`, `des`).
fn name_joiner(v: &[u8], t: &Token) -> bool {
    t.has(PARTICLE) || t.is(T_LOWER) && NAME_JOINERS.contains(&word(v, t))
}

/// The last token of the city after the code that ends at token `code_end`: capitalised
/// words after a space (or the code's comma), joiners between them (`Vila Nova de Gaia`).
fn city_after(v: &[u8], toks: &[Token], code_end: usize) -> Option<usize> {
    let first = code_end + 1;
    let t = toks.get(first)?;
    if !matches!(gap(v, &toks[code_end], t), b" " | b", ") || !city_word(t) {
        return None;
    }
    let mut end = first;
    let mut k = first + 1;
    while k < toks.len() && k - first < 5 && gap(v, &toks[k - 1], &toks[k]) == b" " {
        if toks[k].has(STREET) && !toks[first].has(STREET) {
            // `39078 Jesse Flats`: an American house number and its street (`Vila Nova`
            // is a city).
            return None;
        } else if city_word(&toks[k]) {
            end = k;
        } else if !name_joiner(v, &toks[k]) {
            break;
        }
        k += 1;
    }
    Some(end)
}

/// Whether token `k` opens a street's name: a street word that is no title (`rue`, `Calle`,
/// `ul`; `Dr.` before a name is a doctor), Polish `al.` (`aleja`: `al` alone is a name's
/// particle), or a capitalised word that ends in one of [`STREET_ENDINGS`] (`Hauptstraße`,
/// `Ekgatan`, `Bahnhofstr.`: `str` only with its full stop) or is one (`Straße`), with a
/// house number after it or before it (`876 Lyshøjgårdsvej`).
fn opens_street(v: &[u8], toks: &[Token], k: usize) -> bool {
    let t = &toks[k];
    let w = word(v, t);
    let stop = v.get(t.end) == Some(&b'.');
    if t.has(STREET) && !t.has(TITLE) || stop && w.eq_ignore_ascii_case(b"al") {
        return true;
    }
    let numbered = toks.get(k + 1).is_some_and(|n| house_number(v, n))
        || k > 0 && house_number(v, &toks[k - 1]);
    numbered
        && t.is(T_CAP)
        && !t.is(T_DIGIT)
        && street_ending(w).is_some_and(|e| e != b"str" || stop)
}

/// The one of [`STREET_ENDINGS`] that word `w` is, or ends in after two letters or more
/// (`Straße`, `Hauptstraße`, `Ekgatan`; not `Ostr`).
fn street_ending(w: &[u8]) -> Option<&'static [u8]> {
    STREET_ENDINGS.iter().map(|e| e.as_bytes()).find(|e| {
        (w.len() == e.len() || w.len() >= e.len() + 2)
            && w[w.len() - e.len()..].eq_ignore_ascii_case(e)
    })
}

/// Whether token `t` may stand in a street part: numbers, capitalised words, street and
/// unit words in any case, joiners (`rue de Rivoli`, `Apt. 08`).
fn in_street_part(v: &[u8], t: &Token) -> bool {
    inside(t) || name_joiner(v, t) || unit_word(v, t)
}

/// The first token of the street part that ends at token `last`: walking back over
/// [`in_street_part`] tokens, the earliest token that opens a street's name
/// ([`opens_street`]: `rue`, `Calle`, `Hauptstraße`), from a house number right before it
/// (`15 Rue de Rivoli`) or from the capitalised words before a street word with the house
/// number after it (`Amager Allé 2`, `Berliner Straße 5`). A street word that ends the part
/// (`221B Baker Street`) needs a house number before it, and the part starts there.
fn street_start(v: &[u8], toks: &[Token], last: usize) -> Option<usize> {
    let mut open = None;
    let mut k = last;
    loop {
        if !in_street_part(v, &toks[k]) {
            k += 1;
            break;
        }
        if opens_street(v, toks, k) {
            open = Some(k);
        }
        // A full stop ends an abbreviated street name (`Bahnhofstr. 3`) as it ends short
        // words (`joins`).
        let joined = k > 0
            && last - k < MAX_TOKENS
            && toks[last].end - toks[k - 1].start <= MAX_BYTES
            && (joins_at(v, toks, k)
                || gap(v, &toks[k - 1], &toks[k]) == b". " && opens_street(v, toks, k - 1));
        if !joined {
            break;
        }
        k -= 1;
    }
    let open = open?;
    if open > k && house_number(v, &toks[open - 1]) {
        return Some(open - 1);
    }
    if open == last {
        // `for Amanda Mills, 39078 Jesse Flats`: a name before an American house number.
        return (k..open).find(|&h| house_number(v, &toks[h]));
    }
    let w = word(v, &toks[open]);
    let word_then_number = toks[open + 1].is(T_DIGIT)
        && (toks[open].has(STREET) || street_ending(w).is_some_and(|e| e.len() == w.len()));
    let mut start = open;
    while word_then_number
        && start > k
        && open - start < 3
        && city_word(&toks[start - 1])
        && gap(v, &toks[start - 1], &toks[start]) == b" "
    {
        start -= 1;
    }
    Some(start)
}

/// The address whose postal code, written before its city, starts at token `j` after a
/// comma (and maybe its country's letters: `DK-5366`): the street part before the comma,
/// the code and the city (or, the city first,
/// `Calle Mayor 10, Madrid, 28013`; or no city after a code of letters or a dash, which
/// no other number has: `Gerritsingel 7, 1317 YB`).
fn before_city(v: &[u8], toks: &[Token], j: usize) -> Option<(usize, usize)> {
    let after_comma =
        |k: usize| k >= 1 && gap(v, &toks[k - 1], &toks[k]).contains(&b',') && joins_at(v, toks, k);
    // The country's letters before the code (`DK-5366`, `D-10115`, `CH-8001`).
    let country = |t: &Token| {
        matches!(word(v, t), [a] | [a, _] if a.is_ascii_uppercase())
            && t.is(T_CAP)
            && !t.is(T_DIGIT)
            && !t.is(T_LOWER)
    };
    let first = match j.checked_sub(1) {
        Some(c) if country(&toks[c]) && gap(v, &toks[c], &toks[j]) == b"-" => c,
        _ => j,
    };
    if !after_comma(first) {
        return None;
    }
    let code_end = code_before_city(v, toks, j)?;
    let distinct = code_end > j || first < j || word(v, &toks[j]).len() == 6;
    let (last, end) = match city_after(v, toks, code_end) {
        Some(city_end) => (first - 1, city_end),
        None => match city_before(v, toks, first - 1) {
            Some(city) if after_comma(city) => (city - 1, code_end),
            _ if distinct => (first - 1, code_end),
            _ => return None,
        },
    };
    Some((street_start(v, toks, last)?, end))
}

/// The first token of the city that ends at token `last`, before its postal code
/// (`Santa Cruz de Tenerife, 06804`): capitalised words, joiners between them.
fn city_before(v: &[u8], toks: &[Token], last: usize) -> Option<usize> {
    if !city_word(&toks[last]) {
        return None;
    }
    let mut first = last;
    let mut k = last;
    while k > 0 && last - k < 4 && gap(v, &toks[k - 1], &toks[k]) == b" " {
        k -= 1;
        if city_word(&toks[k]) {
            first = k;
        } else if !name_joiner(v, &toks[k]) {
            break;
        }
    }
    Some(first)
}

/// Whether the gap before token `k` lets an address go on through it ([`joins`]).
fn joins_at(v: &[u8], toks: &[Token], k: usize) -> bool {
    joins(gap(v, &toks[k - 1], &toks[k]), word(v, &toks[k - 1]))
}

/// The token spans of the addresses in `toks`, unsorted; `street` is false when no token is
/// a street word, which leaves only PINs, postal codes in a country's full form and codes
/// before their city (whose street part may end in its street word: `Hauptstraße`) to look
/// at.
fn spans(v: &[u8], toks: &[Token], street: bool) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    for (j, t) in toks.iter().enumerate() {
        if !t.is(T_DIGIT) {
            continue;
        }
        spans.extend(before_city(v, toks, j));
        if let Some((code, full)) = postal(v, toks, j) {
            // A PIN may end an address without a street word ([`numbered_parts`]).
            if street || full || all_digits(v, t, 6) {
                spans.extend(before_postal(v, toks, code, j, full));
            }
        } else if street && house_number(v, t) {
            spans.extend(from_house_number(v, toks, j));
        }
    }
    spans
}

/// Addresses in a piece of free text.
pub(super) fn free_text(v: &[u8], toks: &[Token], out: &mut Vec<Hit>, first: usize) {
    // Without a street word only a PIN or a country's full postal form may end an address:
    // the walks that look for a street word are skipped (most free text has none).
    let street = toks.iter().any(|t| t.has(STREET));
    let mut spans = spans(v, toks, street);
    spans.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (s, e) in spans {
        match merged.last_mut() {
            Some(last) if s <= last.1 + 1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    for (s, e) in merged {
        let (start, end) = (with_hash(v, toks[s].start), toks[e].end);
        if free(&out[first..], start, end) {
            push(
                out,
                start,
                end,
                PiiType::PostalAddress,
                Basis::SHAPE | Basis::DICTIONARY,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::lexicon::{get, tokenize};
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn us_state_bits_agree_with_the_list() {
        for a in 0..=255u8 {
            for b in 0..=255u8 {
                let listed = US_STATES.iter().any(|st| **st == [a, b]);
                assert_eq!(is_us_state(&[a, b]), listed, "{a} {b}");
            }
        }
        for code in [&b"T"[..], b"TXA", b"", b"tx", b"Tx"] {
            assert!(!is_us_state(code), "{code:?}");
        }
        assert!(is_us_state(b"TX") && is_us_state(b"AE") && is_us_state(b"WY"));
    }

    proptest! {
        /// Skipping the street-word walks where no token is a street word finds what the
        /// walks find.
        #[test]
        fn no_street_word_no_walk(
            parts in proptest::collection::vec(
                (
                    prop::sample::select(vec![
                        "12", "221B", "#05-123", "560001", "78701", "1234", "TX", "SW1A", "1AA",
                        "Flat", "no", "Blk", "Road", "road", "Street", "Nagar", "Baker",
                        "Chennai", "Singapore", "the", "near", "Asha", "5th", "Cross", "AE",
                        "Box", "H", "Agarwal", "Coimbatore", "Total", "अरुणा", "6/9",
                    ]),
                    prop::sample::select(vec![" ", " ", ", ", "-", "/", ". ", ": "]),
                ),
                0..40,
            )
        ) {
            let text: String = parts.iter().flat_map(|(w, g)| [*w, *g]).collect();
            let mut toks = Vec::new();
            tokenize(get(), text.as_bytes(), &mut toks);
            let street = toks.iter().any(|t| t.has(STREET));
            let (mut fast, mut plain) =
                (spans(text.as_bytes(), &toks, street), spans(text.as_bytes(), &toks, true));
            fast.sort_unstable();
            plain.sort_unstable();
            prop_assert_eq!(fast, plain, "{:?}", text);
        }
    }
}
