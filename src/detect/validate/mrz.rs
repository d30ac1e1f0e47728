//! Machine-readable zones of passports (TD3): the 7-3-1 check digits of line 2.
//!
//! ICAO Doc 9303, *Machine Readable Travel Documents*, 8th edition (2021), Part 3 §4.9 (check
//! digits: characters valued `0`-`9` → 0-9, `A`-`Z` → 10-35, the filler `<` → 0, weighted
//! 7, 3, 1 repeating, sum modulo 10) and Part 4 §4.2.2 (the TD3 data page: two lines of 44
//! characters; line 2 holds the document number and its check digit, nationality, date of
//! birth, sex, date of expiry, the optional personal number, each with its check digit, and a
//! composite check digit over them). Tested on the Part 4 specimen of Utopia, Anna Maria
//! Eriksson, passport `L898902C3`.

/// Length of a TD3 line.
pub const TD3_LEN: usize = 44;

/// The value of one MRZ character, or `None` outside `[0-9A-Z<]`.
fn value(c: u8) -> Option<u32> {
    match c {
        b'0'..=b'9' => Some(u32::from(c - b'0')),
        b'A'..=b'Z' => Some(u32::from(c - b'A') + 10),
        b'<' => Some(0),
        _ => None,
    }
}

/// Whether `c` may appear in a machine-readable zone.
pub fn is_mrz_char(c: u8) -> bool {
    value(c).is_some()
}

/// The check digit (`b'0'..=b'9'`) of `field`, or `None` if it holds a character outside
/// `[0-9A-Z<]`.
///
/// ```
/// use leakscan::detect::validate::mrz;
/// assert_eq!(mrz::check_digit(b"L898902C3"), Some(b'6'));
/// assert_eq!(mrz::check_digit(b"740812"), Some(b'2'));
/// ```
pub fn check_digit(field: &[u8]) -> Option<u8> {
    let mut sum = 0;
    for (i, &c) in field.iter().enumerate() {
        sum += value(c)? * [7, 3, 1][i % 3];
    }
    Some(b'0' + (sum % 10) as u8)
}

/// Whether `field` is followed by its check digit `check`; a field wholly of fillers may
/// carry `<` as its check digit (Doc 9303 Part 4, personal number).
fn checks(field: &[u8], check: u8) -> bool {
    check_digit(field) == Some(check) || (check == b'<' && field.iter().all(|&c| c == b'<'))
}

/// Where the document number sits in a valid TD3 line 2: `Some(len)` of the number without
/// its trailing fillers, when every check digit of `line` (44 characters) holds.
///
/// ```
/// use leakscan::detect::validate::mrz;
/// let line = b"L898902C36UTO7408122F1204159ZE184226B<<<<<10";
/// assert_eq!(mrz::td3_line2(line), Some(9));
/// assert_eq!(mrz::td3_line2(b"L898902C37UTO7408122F1204159ZE184226B<<<<<10"), None);
/// ```
pub fn td3_line2(line: &[u8]) -> Option<usize> {
    if line.len() != TD3_LEN || !line.iter().all(|&c| is_mrz_char(c)) {
        return None;
    }
    let number = &line[0..9];
    let valid = checks(number, line[9])
        // Nationality: three letters (or fillers, `D<<` for Germany).
        && line[10..13].iter().all(|&c| c.is_ascii_uppercase() || c == b'<')
        && line[13..19].iter().all(u8::is_ascii_digit)
        && checks(&line[13..19], line[19])
        && matches!(line[20], b'M' | b'F' | b'X' | b'<')
        && line[21..27].iter().all(u8::is_ascii_digit)
        && checks(&line[21..27], line[27])
        && checks(&line[28..42], line[42]);
    if !valid {
        return None;
    }
    // The composite check digit covers the number, birth and expiry dates and the personal
    // number, each with its own check digit.
    let mut composite = Vec::with_capacity(39);
    composite.extend_from_slice(&line[0..10]);
    composite.extend_from_slice(&line[13..20]);
    composite.extend_from_slice(&line[21..43]);
    if check_digit(&composite) != Some(line[43]) {
        return None;
    }
    let len = number.iter().rposition(|&c| c != b'<')? + 1;
    (number[..len].iter().all(u8::is_ascii_alphanumeric) && len >= 6).then_some(len)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// ICAO Doc 9303 Part 4, Appendix A: the Utopia specimen.
    const SPECIMEN: &[u8; 44] = b"L898902C36UTO7408122F1204159ZE184226B<<<<<10";

    #[test]
    fn specimen_validates() {
        assert_eq!(td3_line2(SPECIMEN), Some(9));
        assert_eq!(check_digit(b"120415"), Some(b'9'));
        assert_eq!(check_digit(b"ZE184226B<<<<<"), Some(b'1'));
    }

    #[test]
    fn every_single_change_fails() {
        // Changing any character of a checked field to one of another value modulo 10, or
        // any check digit, breaks a check.
        for i in (0..43).filter(|&i| !(10..13).contains(&i) && i != 20) {
            let mut line = *SPECIMEN;
            let old = value(line[i]).unwrap() % 10;
            line[i] = b'0' + ((old + 1) % 10) as u8;
            assert_eq!(td3_line2(&line), None, "position {i}");
        }
        let mut line = *SPECIMEN;
        line[43] = b'1';
        assert_eq!(td3_line2(&line), None);
    }

    #[test]
    fn shape_is_checked() {
        assert_eq!(td3_line2(&SPECIMEN[..43]), None);
        let mut lower = *SPECIMEN;
        lower[0] = b'l';
        assert_eq!(td3_line2(&lower), None);
        assert_eq!(check_digit(b"a"), None);
    }
}
