//! Dates of birth: a plausible date (the person 0-120 years old at scan time) in a field whose
//! name says birth (`dob`, `birth_date`, `janm_tithi`) or shortly after a birth keyword
//! (`DOB:`, `born on`, `Date of Birth`). Creation, update and order dates are not birth
//! dates: their fields deny weak shapes and no keyword supports them.
//!
//! Forms read: `1990-04-17` (also with `/` or `.`, and with a time after it), `17/04/1990`
//! and `04/17/1990` (also with `-` or `.`), `17-Apr-1990`, `17 April 1990`, `17th April
//! 1990`, `April 17, 1990`, with month names of English, German, French, Spanish, Italian,
//! Portuguese and Dutch (`12. März 1985`, `17 de abril de 1967`); in a birth field also
//! `19900417`, epoch seconds and a two-digit year after the day and month (`21/05/85`,
//! `5/21/21`, `17-Apr-85`). A two-digit year is the
//! latest year ending in those digits that puts the date (read day first when the order is
//! open) on or before the scan's day (on 2025-06-30, `21` is 2021 and `85` 1985; `12/25/25`
//! is 1925). Outside a birth field (after a keyword, in other fields) two-digit years are
//! not read: there `05/21/21` is as often an order or event date. A text label (`DOB:
//! 05/21/21`, see [`crate::format`]) is a field.
//!
//! Day and month order: a numeric date whose first part is above 12 is day-first, whose
//! second part is above 12 is month-first; when both are 12 or less the column decides (the
//! scan counts each field's day-first and month-first dates, see
//! [`crate::aggregate::ColumnStats`]); read alone, such a date is day-first (month-first
//! under `--region US`).

use super::{field_or_keyword, free, support, trimmed};
use crate::calendar::{civil_from_days, days_from_civil};
use crate::detect::{Detector, Hit};
use crate::format::FieldHint;
use crate::types::{Basis, PiiType, Region};

/// The oldest plausible age, in years.
const MAX_AGE: i64 = 120;

/// What a numeric date says about day and month order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Order {
    /// The form fixes it (ISO, a month name, epoch seconds).
    Fixed,
    /// Numeric, first part above 12: day first.
    DayFirst,
    /// Numeric, second part above 12: month first.
    MonthFirst,
    /// Numeric, both parts 12 or less: read day first, [`Reading::swapped`] is the other.
    Either,
}

/// A date read from text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Reading {
    /// Year.
    pub(crate) y: i64,
    /// Month, 1-12.
    pub(crate) m: i64,
    /// Day, 1-31.
    pub(crate) d: i64,
    /// What the form says about day and month order.
    pub(crate) order: Order,
}

impl Reading {
    /// The reading with day and month exchanged (for [`Order::Either`]).
    pub(crate) fn swapped(self) -> Reading {
        Reading {
            m: self.d,
            d: self.m,
            ..self
        }
    }

    /// Writes the ISO form `YYYY-MM-DD`: digit by digit for the years 0 to 9999 (every
    /// reading a date of birth can be; called for every one found), else formatted.
    pub(crate) fn write_iso(self, out: &mut Vec<u8>) {
        let (y, m, d) = (self.y, self.m, self.d);
        if !((0..=9999).contains(&y) && (0..=99).contains(&m) && (0..=99).contains(&d)) {
            out.extend_from_slice(format!("{y:04}-{m:02}-{d:02}").as_bytes());
            return;
        }
        let digit = |n: i64| b'0' + n as u8;
        out.extend_from_slice(&[
            digit(y / 1000),
            digit(y / 100 % 10),
            digit(y / 10 % 10),
            digit(y % 10),
            b'-',
            digit(m / 10),
            digit(m % 10),
            b'-',
            digit(d / 10),
            digit(d % 10),
        ]);
    }

    fn days(self) -> i64 {
        days_from_civil(self.y, self.m, self.d)
    }
}

/// Today, in days since 1970-01-01 (UTC): the one clock the age rule reads, taken once when
/// a [`Detector`] is built.
pub(crate) fn today() -> i64 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    (secs / 86_400) as i64
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn valid(y: i64, m: i64, d: i64) -> bool {
    (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)
}

/// Whether a date's year may be written with two digits, and the day that sets its century.
#[derive(Clone, Copy, Debug)]
enum TwoDigitYears {
    /// Only four-digit years are read.
    Refused,
    /// Read as of this day (days since 1970-01-01).
    AsOf(i64),
    /// Read as of the clock's day ([`today`]), looked at only when such a year is met.
    AsOfClock,
}

impl TwoDigitYears {
    /// The year that the two-digit year `yy` of the date `m`/`d` stands for: the latest year
    /// ending in `yy` that puts the date on or before the day; `None` when refused.
    fn full_year(self, yy: i64, m: i64, d: i64) -> Option<i64> {
        let today = match self {
            TwoDigitYears::Refused => return None,
            TwoDigitYears::AsOf(day) => day,
            TwoDigitYears::AsOfClock => today(),
        };
        let (this_year, _, _) = civil_from_days(today);
        let y = this_year - (this_year - yy).rem_euclid(100);
        Some(if days_from_civil(y, m, d) > today {
            y - 100
        } else {
            y
        })
    }
}

/// The year written with `digits` digits at `v[at..]`: four digits as they are, two as
/// `years` reads them (for the date `m`/`d`).
fn year_at(
    v: &[u8],
    at: usize,
    digits: usize,
    years: TwoDigitYears,
    m: i64,
    d: i64,
) -> Option<i64> {
    match digits {
        4 => Some(number(&v[at..at + 4])),
        2 => years.full_year(number(&v[at..at + 2]), m, d),
        _ => None,
    }
}

/// Whether someone born on `r` is 0 to [`MAX_AGE`] years old on day `today`.
fn plausible(r: Reading, today: i64) -> bool {
    let (ty, tm, td) = civil_from_days(today);
    let oldest = days_from_civil(ty - MAX_AGE, tm, td.min(days_in_month(ty - MAX_AGE, tm)));
    let days = r.days();
    valid(r.y, r.m, r.d) && days <= today && days >= oldest
}

/// Month names, lower case, with their months: English (with the abbreviations), and the
/// full names of German, French, Spanish, Italian, Portuguese and Dutch (`12. März 1985`,
/// `29 janvier 1986`, `17 de abril de 1967`).
const MONTHS: &[(&str, i64)] = &[
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("may", 5),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    // German
    ("januar", 1),
    ("februar", 2),
    ("märz", 3),
    ("maerz", 3),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    // French
    ("janvier", 1),
    ("février", 2),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    // Spanish
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    // Italian
    ("gennaio", 1),
    ("febbraio", 2),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("luglio", 7),
    ("settembre", 9),
    ("ottobre", 10),
    ("dicembre", 12),
    // Portuguese
    ("janeiro", 1),
    ("fevereiro", 2),
    ("março", 3),
    ("marco", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("novembro", 11),
    ("dezembro", 12),
    // Dutch
    ("januari", 1),
    ("februari", 2),
    ("maart", 3),
    ("mei", 5),
    ("augustus", 8),
];

/// The month a name stands for (ASCII letters in any case).
fn month_of(word: &[u8]) -> Option<i64> {
    if !(3..=10).contains(&word.len()) {
        return None;
    }
    MONTHS
        .iter()
        .find(|(name, _)| name.as_bytes().eq_ignore_ascii_case(word))
        .map(|&(_, month)| month)
}

/// Whether `b` may be in a month's name: an ASCII letter or a byte of a letter outside
/// ASCII (`März`, `août`).
fn month_byte(b: &u8) -> bool {
    b.is_ascii_alphabetic() || *b >= 0x80
}

/// The length of the Spanish and Portuguese `de ` at `v[i..]` (`17 de abril de 1967`), or 0.
fn de_at(v: &[u8], i: usize) -> usize {
    match v.get(i..i + 3) {
        Some(w) if w.eq_ignore_ascii_case(b"de ") => 3,
        _ => 0,
    }
}

/// Length of the run of bytes satisfying `f` at `v[i..]`.
fn run(v: &[u8], i: usize, f: fn(&u8) -> bool) -> usize {
    v[i.min(v.len())..].iter().take_while(|b| f(b)).count()
}

fn number(digits: &[u8]) -> i64 {
    digits.iter().fold(0, |n, &b| n * 10 + i64::from(b - b'0'))
}

/// Whether a date may end at `end`: not inside a longer word or number; a time may follow
/// (`1990-04-17T00:00:00`, `1990-04-17 00:00`).
fn ends_cleanly(v: &[u8], end: usize) -> bool {
    match v.get(end) {
        None => true,
        Some(b'T') => v.get(end + 1).is_some_and(u8::is_ascii_digit),
        Some(&b) if b.is_ascii_alphanumeric() => false,
        Some(b'-' | b'/' | b'.') => !v.get(end + 1).is_some_and(u8::is_ascii_digit),
        Some(_) => true,
    }
}

/// Whether a date may start at `start`: not inside a longer word or number.
fn starts_cleanly(v: &[u8], start: usize) -> bool {
    match start.checked_sub(1).map(|i| v[i]) {
        None => true,
        Some(b) if b.is_ascii_alphanumeric() => false,
        Some(b'-' | b'/' | b'.') => !(start >= 2 && v[start - 2].is_ascii_alphanumeric()),
        Some(_) => true,
    }
}

/// A date whose first digit run starts at `i`: its span and reading.
fn parse_at(v: &[u8], i: usize, years: TwoDigitYears) -> Option<(usize, usize, Reading)> {
    let n1 = run(v, i, u8::is_ascii_digit);
    let sep = *v.get(i + n1)?;
    let fixed = |y, m, d| Reading {
        y,
        m,
        d,
        order: Order::Fixed,
    };
    let (start, end, reading) = if n1 == 4 && matches!(sep, b'-' | b'/' | b'.') {
        // YYYY-MM-DD
        let j = i + 5;
        let n2 = run(v, j, u8::is_ascii_digit);
        if !(1..=2).contains(&n2) || v.get(j + n2) != Some(&sep) {
            return None;
        }
        let k = j + n2 + 1;
        let n3 = run(v, k, u8::is_ascii_digit);
        if !(1..=2).contains(&n3) {
            return None;
        }
        let r = fixed(
            number(&v[i..i + 4]),
            number(&v[j..j + n2]),
            number(&v[k..k + n3]),
        );
        (i, k + n3, r)
    } else if (1..=2).contains(&n1) {
        let first = number(&v[i..i + n1]);
        let mut j = i + n1;
        // An ordinal suffix: 17th April 1990.
        if v.len() >= j + 2
            && matches!(
                &v[j..j + 2].to_ascii_lowercase()[..],
                b"st" | b"nd" | b"rd" | b"th"
            )
        {
            j += 2;
        }
        let sep = *v.get(j)?;
        if !matches!(sep, b'-' | b'/' | b'.' | b' ') {
            return None;
        }
        j += 1;
        let n2 = run(v, j, u8::is_ascii_digit);
        if (1..=2).contains(&n2) && sep != b' ' {
            // DD/MM/YYYY or MM/DD/YYYY
            let second = number(&v[j..j + n2]);
            let k = j + n2;
            if v.get(k) != Some(&sep) {
                return None;
            }
            let order = match (first > 12, second > 12) {
                (true, false) => Order::DayFirst,
                (false, true) => Order::MonthFirst,
                (false, false) => Order::Either,
                (true, true) => return None,
            };
            let (m, d) = if order == Order::MonthFirst {
                (first, second)
            } else {
                (second, first)
            };
            let digits = run(v, k + 1, u8::is_ascii_digit);
            let y = year_at(v, k + 1, digits, years, m, d)?;
            (i, k + 1 + digits, Reading { y, m, d, order })
        } else {
            // DD Mon YYYY, DD-Mon-YYYY, DD Month, YYYY; DD. Monat YYYY (`gap`, the byte
            // after the month, is then a space); DD de mes de YYYY.
            let mut gap = sep;
            if sep == b'.' && v.get(j) == Some(&b' ') {
                j += 1;
                gap = b' ';
            }
            if gap == b' ' {
                j += de_at(v, j);
            }
            let letters = run(v, j, month_byte);
            let m = month_of(&v[j..j + letters])?;
            let mut k = j + letters;
            if v.get(k) == Some(&b',') {
                k += 1;
            }
            if v.get(k) != Some(&gap) && !(gap == b'-' && v.get(k) == Some(&b' ')) {
                return None;
            }
            k += 1;
            if gap == b' ' {
                k += de_at(v, k);
            }
            let digits = run(v, k, u8::is_ascii_digit);
            let y = year_at(v, k, digits, years, m, first)?;
            (i, k + digits, fixed(y, m, first))
        }
    } else {
        return None;
    };
    (valid(reading.y, reading.m, reading.d) && ends_cleanly(v, end))
        .then_some((start, end, reading))
}

/// A date `Month DD, YYYY` whose day starts at `i`, the month name just before it.
fn parse_month_first(v: &[u8], i: usize) -> Option<(usize, usize, Reading)> {
    let space = i.checked_sub(1)?;
    if v[space] != b' ' {
        return None;
    }
    let letters = v[..space]
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    let start = space - letters;
    let m = month_of(&v[start..space])?;
    let n = run(v, i, u8::is_ascii_digit);
    if !(1..=2).contains(&n) {
        return None;
    }
    let mut k = i + n;
    if v.get(k) == Some(&b',') {
        k += 1;
    }
    if v.get(k) != Some(&b' ') || run(v, k + 1, u8::is_ascii_digit) != 4 {
        return None;
    }
    let end = k + 5;
    let r = Reading {
        y: number(&v[k + 1..end]),
        m,
        d: number(&v[i..i + n]),
        order: Order::Fixed,
    };
    (valid(r.y, r.m, r.d) && ends_cleanly(v, end)).then_some((start, end, r))
}

/// Every date in `v`, in order: (start, end, reading); two-digit years as `years` says.
fn dates(v: &[u8], years: TwoDigitYears) -> impl Iterator<Item = (usize, usize, Reading)> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < v.len() {
            let p = i + v[i..].iter().position(u8::is_ascii_digit)?;
            let digits = run(v, p, u8::is_ascii_digit);
            i = p + digits;
            if !starts_cleanly(v, p) {
                continue;
            }
            let found = parse_month_first(v, p)
                .filter(|&(s, _, _)| starts_cleanly(v, s))
                .or_else(|| parse_at(v, p, years).filter(|_| starts_cleanly(v, p)));
            if let Some(d) = found {
                i = d.1;
                return Some(d);
            }
        }
        None
    })
}

/// A whole value that is a date only in a birth field: `YYYYMMDD` or epoch seconds.
fn whole_number(v: &[u8]) -> Option<Reading> {
    let digits = v.strip_prefix(b"-").unwrap_or(v);
    if !(8..=10).contains(&digits.len()) || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    if digits.len() == 8 && digits.len() == v.len() {
        let (y, m, d) = (
            number(&digits[..4]),
            number(&digits[4..6]),
            number(&digits[6..]),
        );
        if (1800..=2200).contains(&y) && valid(y, m, d) {
            return Some(Reading {
                y,
                m,
                d,
                order: Order::Fixed,
            });
        }
    }
    let secs = number(digits) * if digits.len() < v.len() { -1 } else { 1 };
    let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
    Some(Reading {
        y,
        m,
        d,
        order: Order::Fixed,
    })
}

/// Reads a reported date of birth (the whole of `raw`), for its normal form. A two-digit
/// year is read as of the clock's day (only a birth field's dates have one).
pub(crate) fn read(raw: &[u8]) -> Option<Reading> {
    if let Some(r) = whole_number(raw) {
        return Some(r);
    }
    dates(raw, TwoDigitYears::AsOfClock)
        .next()
        .filter(|&(s, e, _)| s == 0 && e == raw.len())
        .map(|(_, _, r)| r)
}

/// The ISO normal form of a reported date of birth, `month_first` deciding a date whose
/// form does not; `None` if `raw` is not a date this module reads.
pub(crate) fn normal_form(raw: &[u8], month_first: bool, out: &mut Vec<u8>) -> bool {
    let Some(r) = read(raw) else { return false };
    let r = if r.order == Order::Either && month_first {
        r.swapped()
    } else {
        r
    };
    r.write_iso(out);
    true
}

/// Whether dates of `region` are written month first when nothing else says.
pub(crate) fn month_first_region(region: Region) -> bool {
    region.as_str() == "US"
}

/// Appends the dates of birth in `v`.
///
/// Inlined: outside a birth field a keyword must stand before the date, and values with
/// none anywhere (numbers, timestamps, most text) are passed over here, without a call.
#[inline]
pub(super) fn detect(
    det: &Detector,
    v: &[u8],
    hint: FieldHint,
    keyed: u32,
    out: &mut Vec<Hit>,
    first: usize,
) {
    if det.enabled(PiiType::DateOfBirth) && field_or_keyword(hint, keyed, PiiType::DateOfBirth) {
        read_dates(det, v, hint, out, first);
    }
}

/// [`detect`] for a value with a birth field or keyword.
fn read_dates(det: &Detector, v: &[u8], hint: FieldHint, out: &mut Vec<Hit>, first: usize) {
    let field = hint.supports(PiiType::DateOfBirth);
    let today = det.today;
    let before = out.len();
    if field {
        let (s, e) = trimmed(v);
        if let Some(r) = whole_number(&v[s..e]) {
            if plausible(r, today) && free(&out[first..], s, e) {
                out.push(Hit {
                    start: s,
                    end: e,
                    ty: PiiType::DateOfBirth,
                    basis: Basis::FIELD,
                });
            }
            return;
        }
    }
    // Two-digit years only in a birth field: elsewhere their century is a guess.
    let years = if field {
        TwoDigitYears::AsOf(today)
    } else {
        TwoDigitYears::Refused
    };
    for (s, e, r) in dates(v, years) {
        if !plausible(r, today) || !free(&out[first..before], s, e) {
            continue;
        }
        let Some(basis) = support(det, v, hint, PiiType::DateOfBirth, s) else {
            continue;
        };
        out.push(Hit {
            start: s,
            end: e,
            ty: PiiType::DateOfBirth,
            basis,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::pattern::PatternSet;

    /// A detector whose clock says 2025-06-30.
    fn det() -> Detector {
        let mut det = Detector::new(&PatternSet::builtin().unwrap(), None, Region::IN);
        det.today = days_from_civil(2025, 6, 30);
        det
    }

    fn found(det: &Detector, field: &str, v: &str) -> Vec<String> {
        let mut out = Vec::new();
        det.detect(v.as_bytes(), det.field_hint(field.as_bytes()), &mut out);
        out.iter()
            .filter(|h| h.ty == PiiType::DateOfBirth)
            .map(|h| v[h.start..h.end].to_string())
            .collect()
    }

    #[test]
    fn month_names_in_any_case() {
        for (word, month) in [
            ("Apr", Some(4)),
            ("APRIL", Some(4)),
            ("sept", Some(9)),
            ("September", Some(9)),
            ("mAy", Some(5)),
            ("dec", Some(12)),
            ("mayo", Some(5)),
            ("März", Some(3)),
            ("AOÛT", None),
            ("ju", None),
            ("decembers", None),
        ] {
            assert_eq!(month_of(word.as_bytes()), month, "{word}");
        }
    }

    #[test]
    fn forms_in_a_birth_field() {
        let det = det();
        for v in [
            "1990-04-17",
            "17/04/1990",
            "04/17/1990",
            "17-Apr-1990",
            "17 April 1990",
            "April 17, 1990",
            "17th April 1990",
            "17. April 1990",
            "12. März 1985",
            "29 janvier 1986",
            "17 de abril de 1967",
            "25 de março de 2001",
            "12 maart 1985",
            "19900417",
            "640310400",
            "-315619200",
        ] {
            assert_eq!(found(&det, "dob", v), [v], "{v}");
        }
        assert_eq!(
            found(&det, "birth_date", "1990-04-17 00:00:00"),
            ["1990-04-17"]
        );
        assert_eq!(
            found(&det, "birthDate", "1990-04-17T00:00:00Z"),
            ["1990-04-17"]
        );
    }

    #[test]
    fn the_age_rule_uses_the_detector_clock() {
        let det = det();
        assert_eq!(found(&det, "dob", "2025-06-30"), ["2025-06-30"]);
        assert!(found(&det, "dob", "2025-07-01").is_empty());
        assert_eq!(found(&det, "dob", "1905-06-30"), ["1905-06-30"]);
        assert!(found(&det, "dob", "1905-06-29").is_empty());
        assert!(found(&det, "dob", "1990-02-30").is_empty());
    }

    #[test]
    fn other_dates_are_not_births() {
        let det = det();
        assert!(found(&det, "created_at", "1990-04-17").is_empty());
        assert!(found(&det, "order_date", "17/04/1990").is_empty());
        assert!(found(&det, "notes", "shipped 17/04/1990").is_empty());
        assert_eq!(found(&det, "notes", "DOB: 17/04/1990"), ["17/04/1990"]);
        assert_eq!(
            found(&det, "notes", "born on 17 April 1990"),
            ["17 April 1990"]
        );
        assert!(found(&det, "dob", "v1990.04.17").is_empty());
        assert!(found(&det, "dob", "12-1990-04-17").is_empty());
        assert!(found(&det, "dob", "25").is_empty());
    }

    #[test]
    fn two_digit_years_in_a_birth_field() {
        let det = det();
        for v in [
            "05/21/21",
            "5/21/21",
            "21/05/21",
            "21/5/21",
            "21/05/85",
            "21-05-85",
            "21.05.85",
            "12/31/99",
            "17-Apr-85",
            "17 April 85",
            // A valid date (20 October 1930) in a birth field is read, whatever it looks like.
            "10/20/30",
        ] {
            assert_eq!(found(&det, "dob", v), [v], "{v}");
        }
        assert_eq!(found(&det, "birth_date", "05/21/21 00:00"), ["05/21/21"]);
    }

    #[test]
    fn two_digit_years_stay_unread_elsewhere() {
        let det = det();
        for (field, v) in [
            // Other dates, and free text with a keyword.
            ("order_date", "05/21/21"),
            ("created", "05/21/21"),
            ("notes", "DOB: 21/05/85"),
            ("notes", "born on 17-Apr-85"),
            // In a birth field: times, versions, a year first, no valid day and month.
            ("dob", "12:30:45"),
            ("dob", "1.2.3"),
            ("dob", "1.2.30.4"),
            ("dob", "85/05/21"),
            ("dob", "13/13/21"),
            ("dob", "31/02/21"),
            ("dob", "05/21/211"),
            ("dob", "05/21/2"),
            ("dob", "v05.21.21"),
        ] {
            assert!(found(&det, field, v).is_empty(), "{field}: {v}");
        }
    }

    #[test]
    fn a_two_digit_year_is_the_latest_not_after_the_day() {
        // 2025-06-30, as the test detector's clock.
        let years = TwoDigitYears::AsOf(days_from_civil(2025, 6, 30));
        let first = |v: &str| dates(v.as_bytes(), years).next().map(|(_, _, r)| r);
        for (v, y, m, d) in [
            ("21/05/85", 1985, 5, 21),
            ("05/21/21", 2021, 5, 21),
            ("30/06/25", 2025, 6, 30),
            ("01/07/25", 1925, 7, 1),
            ("12/25/25", 1925, 12, 25),
            ("01/01/00", 2000, 1, 1),
            ("29/02/00", 2000, 2, 29),
        ] {
            let r = first(v).unwrap_or_else(|| panic!("{v}"));
            assert_eq!((r.y, r.m, r.d), (y, m, d), "{v}");
        }
        assert!(dates(b"21/05/85", TwoDigitYears::Refused).next().is_none());
    }

    #[test]
    fn orders_and_normal_forms() {
        let mut out = Vec::new();
        assert!(normal_form(b"17/04/1990", false, &mut out));
        assert_eq!(out, b"1990-04-17");
        for (raw, month_first, want) in [
            ("04/17/1990", false, "1990-04-17"),
            ("03/04/1990", false, "1990-04-03"),
            ("03/04/1990", true, "1990-03-04"),
            ("17-Apr-1990", true, "1990-04-17"),
            ("640310400", false, "1990-04-17"),
            ("19900417", false, "1990-04-17"),
            ("21/05/85", false, "1985-05-21"),
            ("05/21/85", false, "1985-05-21"),
            ("03/04/85", true, "1985-03-04"),
            ("17-Apr-85", false, "1985-04-17"),
        ] {
            out.clear();
            assert!(normal_form(raw.as_bytes(), month_first, &mut out), "{raw}");
            assert_eq!(String::from_utf8_lossy(&out), want, "{raw}");
        }
        assert_eq!(read(b"17/04/1990").unwrap().order, Order::DayFirst);
        assert_eq!(read(b"04/17/1990").unwrap().order, Order::MonthFirst);
        assert_eq!(read(b"04/05/1990").unwrap().order, Order::Either);
    }
}
