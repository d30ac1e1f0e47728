//! Identity documents and secrets: passport numbers (plain, and inside the machine-readable
//! zone of a passport), clear-text passwords, and their decoys (password placeholders, recent
//! order and update dates, ticket numbers shaped like passports).
//!
//! A passport number follows the person's country: Indian `[A-PR-WY][1-9]\d{6}`, Singaporean
//! `[EK]\d{7}[A-Z]` (never `S`, which an NRIC check letter would claim), US a letter and 8
//! digits or 9 digits, UK 9 digits. An MRZ is the two TD3 lines of ICAO Doc 9303 with every
//! check digit computed; only the document number in line 2 is truth.

use super::out::{push_padded, Cell};
use super::values::{Country, Form, Gen, V};
use crate::detect::validate::mrz;

/// Words passwords are made of.
const WORDS: &[&str] = &[
    "sunshine",
    "dragon",
    "monkey",
    "Mumbai",
    "Chennai",
    "cricket",
    "Priya",
    "rahul",
    "welcome",
    "qwerty",
    "letmein",
    "tiger",
    "Shadow",
    "football",
    "Singapore",
    "ilove",
    "Krishna",
    "summer",
    "orange",
    "Jasmine",
    "pass",
    "Secret",
    "admin",
    "Ganesh",
    "Lion",
    "bharat",
    "Merlion",
];

/// Symbols passwords end with (none an anchor byte but `!`-like punctuation).
const SYMBOLS: &[u8] = b"!#*_.&%";

/// Values that stand for no password.
const PLACEHOLDERS: &[&str] = &[
    "********",
    "*",
    "NULL",
    "null",
    "<redacted>",
    "[REDACTED]",
    "N/A",
    "xxxxxxxx",
    "-",
];

/// MRZ surnames and given names (upper case, as printed in a zone).
const MRZ_NAMES: &[(&str, &str)] = &[
    ("KUMAR", "ASHA"),
    ("SHARMA", "RAVI<KIRAN"),
    ("TAN", "WEI<LING"),
    ("LIM", "JUN<HAO"),
    ("SMITH", "JOHN"),
    ("PATEL", "MEERA"),
    ("IYER", "LAKSHMI"),
    ("BROWN", "EMILY<ROSE"),
];

/// A passport number of the person's country.
pub(super) fn passport(g: &mut Gen, b: &mut Vec<u8>) {
    let digits = |g: &mut Gen, b: &mut Vec<u8>, n: usize| {
        // A leading 1-9: numbers are never a run of one digit.
        b.push(b'1' + g.below(9) as u8);
        for _ in 1..n {
            b.push(b'0' + g.below(10) as u8);
        }
    };
    let country = g.person.country;
    match country {
        Country::In => {
            b.push(g.pick(b"ABCDEFGHJKLMNPRSTUVWY"));
            digits(g, b, 7);
        }
        Country::Sg => {
            b.push(g.pick(b"EK"));
            digits(g, b, 7);
            b.push(b'A' + g.below(26) as u8);
        }
        Country::Us if g.chance(50) => {
            b.push(b'A' + g.below(26) as u8);
            digits(g, b, 8);
        }
        Country::Us | Country::Gb => digits(g, b, 9),
    }
}

/// A clear-text password: a word, digits, sometimes a symbol.
pub(super) fn password(g: &mut Gen, b: &mut Vec<u8>) {
    b.extend_from_slice(g.pick(WORDS).as_bytes());
    if g.chance(30) {
        b.push(g.pick(b"@#_"));
    }
    let n = 1 + g.below(4) as usize;
    for _ in 0..n {
        b.push(b'0' + g.below(10) as u8);
    }
    if g.chance(40) {
        b.push(g.pick(SYMBOLS));
    }
}

/// A value standing for no password.
pub(super) fn placeholder(g: &mut Gen, b: &mut Vec<u8>) {
    b.extend_from_slice(g.pick(PLACEHOLDERS).as_bytes());
}

/// A date of the last two years (an order or update date), ISO or day first.
pub(super) fn recent_date(g: &mut Gen, b: &mut Vec<u8>) {
    let (y, m, d) = (
        2023 + u64::from(g.below(2)),
        1 + u64::from(g.below(12)),
        1 + u64::from(g.below(28)),
    );
    let parts: [(u64, usize); 3] = if g.chance(60) {
        [(y, 4), (m, 2), (d, 2)]
    } else {
        [(d, 2), (m, 2), (y, 4)]
    };
    let sep = if parts[0].1 == 4 { b'-' } else { b'/' };
    for (i, (n, w)) in parts.into_iter().enumerate() {
        if i > 0 {
            b.push(sep);
        }
        push_padded(b, n, w);
    }
}

/// A word shaped like an Indian passport number (a ticket or part number).
pub(super) fn ticket(g: &mut Gen, b: &mut Vec<u8>) {
    b.push(b'A' + g.below(26) as u8);
    b.push(b'1' + g.below(9) as u8);
    for _ in 0..6 {
        b.push(b'0' + g.below(10) as u8);
    }
}

/// Appends the two lines of a passport's machine-readable zone, `sep` between them; the
/// document number in line 2 is planted as a passport.
fn mrz_zone(g: &mut Gen, c: &mut Cell, sep: &[u8]) {
    let nation: &[u8] = match g.person.country {
        Country::In => b"IND",
        Country::Sg => b"SGP",
        Country::Us => b"USA",
        Country::Gb => b"GBR",
    };
    let (surname, given) = g.pick(MRZ_NAMES);
    let mut line1 = Vec::with_capacity(mrz::TD3_LEN);
    line1.extend_from_slice(b"P<");
    line1.extend_from_slice(nation);
    line1.extend_from_slice(surname.as_bytes());
    line1.extend_from_slice(b"<<");
    line1.extend_from_slice(given.as_bytes());
    line1.resize(mrz::TD3_LEN, b'<');
    c.lit(&line1);
    c.lit(sep);
    let start = c.bytes().len();
    c.val(g, V::Passport(Form::Bare), None);
    let mut line2 = c.bytes()[start..].to_vec();
    line2.resize(9, b'<');
    let number_check = mrz::check_digit(&line2).expect("an MRZ number");
    line2.push(number_check);
    line2.extend_from_slice(nation);
    let date = |g: &mut Gen, line: &mut Vec<u8>, from: u32, span: u32| {
        let at = line.len();
        push_padded(line, u64::from(from + g.below(span)) % 100, 2);
        push_padded(line, u64::from(1 + g.below(12)), 2);
        push_padded(line, u64::from(1 + g.below(28)), 2);
        let check = mrz::check_digit(&line[at..]).expect("digits");
        line.push(check);
    };
    date(g, &mut line2, 55, 45);
    line2.push(g.pick(b"MF"));
    date(g, &mut line2, 26, 10);
    line2.extend_from_slice(&[b'<'; 15]);
    let mut composite = line2[0..10].to_vec();
    composite.extend_from_slice(&line2[13..20]);
    composite.extend_from_slice(&line2[21..43]);
    line2.push(mrz::check_digit(&composite).expect("MRZ characters"));
    debug_assert_eq!(mrz::td3_line2(&line2), Some(c.bytes().len() - start));
    c.lit(&line2[c.bytes().len() - start..]);
}

/// One `app.log` line about identity: a passport or a clear-text password logged, or a
/// decoy (an order date, a password placeholder).
pub(super) fn log_line(g: &mut Gen, c: &mut Cell) {
    match g.below(4) {
        0 => {
            c.phrase(g, b" INFO kyc passport checked user=u", V::Seq, b"");
            c.kv(g, "passport_no", V::Passport(Form::Field));
        }
        1 => {
            c.phrase(g, b" DEBUG auth signup user=u", V::Seq, b"");
            c.kv(g, "password", V::PlainPassword);
        }
        2 => {
            c.lit(b" INFO orders shipped");
            c.kv(g, "order_date", V::RecentDate);
            c.kv(g, "updated_on", V::RecentDate);
        }
        _ => {
            c.phrase(
                g,
                b" DEBUG auth password reset requested user=u",
                V::Seq,
                b"",
            );
            c.kv(g, "password", V::PasswordPlaceholder);
        }
    }
}

/// One `notes.txt` line about identity: a passport after its keyword, a date of birth after
/// a birth keyword, a scanned MRZ, or decoys (a ticket number, an order date).
pub(super) fn note(g: &mut Gen, c: &mut Cell) {
    match g.below(5) {
        0 => {
            c.phrase(
                g,
                b"my passport no. ",
                V::Passport(Form::Bare),
                b" expires soon, please update",
            );
        }
        1 => {
            c.lit(g.pick(&[b"DOB ".as_slice(), b"born on ", b"date of birth "]));
            c.val(g, V::Dob, None);
            c.lit(b", the form shows it wrong");
        }
        2 => {
            c.lit(b"scanned passport page ");
            mrz_zone(g, c, b" ");
        }
        3 => {
            c.phrase(g, b"ticket ", V::Ticket, b" was closed on ");
            c.val(g, V::RecentDate, None);
        }
        _ => {
            c.phrase(g, b"order placed ", V::RecentDate, b", not delivered yet");
        }
    }
}
