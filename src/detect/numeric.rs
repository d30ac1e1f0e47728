//! The numeric family: runs of digit groups (`+91 98765 43210`, `4111-1111-1111-1111`,
//! `2345 6789 0124`, `123-45-6789`, `10.2.3.4`, `XXXX-XXXX-XXXX-1234`) read as phone,
//! card, Aadhaar, SSN, IPv4 or masked card numbers.
//!
//! A run is parsed once into groups (digits and mask characters) and separators. The whole
//! run is interpreted first; when it is no value, its sub-runs are tried (longest first), so
//! `call 98765 43210 2 times` still yields the phone. Among the types a run validates as, the
//! field name decides; without one the more specific validated type wins (card, Aadhaar,
//! SSN, then phone), and a weak shape needs field or keyword support.

use super::validate::{card, ip, phone, ssn, verhoeff};
use super::{context, digits_end, Scan};
use crate::format::FieldHint;
use crate::types::{Basis, PiiType};

/// Most groups one run may have.
const MAX_GROUPS: usize = 8;
/// Most digits and mask characters one run may have.
const MAX_CHARS: usize = 24;
/// The UTF-8 bullet `•`, a mask character.
const BULLET: &[u8] = "•".as_bytes();

/// One group of a run: where it is, and its digits and mask characters.
#[derive(Clone, Copy, Debug, Default)]
struct Group {
    start: usize,
    end: usize,
    /// The separator written before it (0 for the first group, `)` after a `(area)`).
    sep: u8,
    digits: u8,
    masks: u8,
}

/// A parsed run of groups.
#[derive(Debug, Default)]
struct Run {
    groups: [Group; MAX_GROUPS],
    len: usize,
    /// Written with a leading `+`.
    plus: bool,
    /// The area code is in parentheses: the first group, or the one after a NANP trunk `1`
    /// (`1 (312) 515-2239`).
    paren: bool,
    /// A UK-style trunk `(0)` stands between the `+CC` group and the national number
    /// (`+44 (0)20 7946 0018`): its digit is no part of the number.
    trunk_zero: bool,
    /// The run stopped at [`MAX_GROUPS`] or [`MAX_CHARS`] with more of it unread: its last
    /// group may be cut out of a value, and the groups after its last value are read again.
    full: bool,
    /// Where the run starts, including a `+` or `(`.
    start: usize,
    /// The mask characters of all its groups.
    masks: usize,
}

/// Whether `v[i..]` starts with a mask character; returns its length in bytes.
fn mask_at(v: &[u8], i: usize) -> usize {
    match v[i] {
        b'*' | b'#' | b'X' | b'x' => 1,
        0xE2 if v[i..].starts_with(BULLET) => BULLET.len(),
        _ => 0,
    }
}

fn is_sep(b: u8) -> bool {
    matches!(b, b' ' | b'-' | b'.' | b'/')
}

/// Reads a run that has its first digit at `p` and the digits from it on ending at `e`,
/// then interprets it. Returns where the pass continues.
pub(super) fn scan(s: &mut Scan, p: usize, e: usize, limit: usize) -> usize {
    match lone_run(s, p, e, limit) {
        First::Settled(end) => end,
        First::Lone(e) => read_lone(s, p, e, limit),
        First::Joined(digits_end) => read_in_full(s, p, digits_end, limit),
    }
}

/// What [`lone_run`] makes of the first group of a run.
enum First {
    /// The run holds no value; the pass continues here.
    Settled(usize),
    /// A lone group of digits, a candidate of its own, ending here.
    Lone(usize),
    /// Something is joined to the group, whose digits end here: the run is read in full.
    Joined(usize),
}

/// Interprets the lone group of digits `p..e` ([`First::Lone`]) as the whole run, without
/// [`read_run`]: it is one group with nothing joined to it, and [`holds_no_value`] refuses
/// no such candidate (4 digits in a card field, or 7 to 19). Returns where the pass
/// continues.
#[inline(never)]
fn read_lone(s: &mut Scan, p: usize, e: usize, limit: usize) -> usize {
    // A group glued to a letter is part of a word ([`read_run`]).
    if e < limit && s.v[e].is_ascii_alphanumeric() {
        return e;
    }
    let mut run = Run {
        groups: [Group::default(); MAX_GROUPS],
        len: 1,
        plus: false,
        paren: false,
        trunk_zero: false,
        full: false,
        start: p,
        masks: 0,
    };
    run.groups[0] = Group {
        start: p,
        end: e,
        sep: 0,
        digits: u8::try_from(e - p).unwrap_or(u8::MAX),
        masks: 0,
    };
    interpret(s, &run, 0, 1, true);
    e
}

/// Where the UUID ends that the digits at `p` sit inside, past its first group
/// (`16823a92-0043-4640-bb1f-d1f4e011c3b5`): 8-4-4-4-12 hex digits, with nothing
/// alphanumeric around them. Groups of a UUID that happen to be all digits are no number
/// (`0043-4640` reads as `00` and an Austrian number, `3720-4694-9542` as an Aadhaar).
fn uuid_end(v: &[u8], p: usize) -> Option<usize> {
    const LEN: usize = 36;
    if p == 0 || v[p - 1] != b'-' {
        return None;
    }
    let part = |b: &u8| b.is_ascii_hexdigit() || *b == b'-';
    let from = p.saturating_sub(LEN);
    let start = v[from..p]
        .iter()
        .rposition(|b| !part(b))
        .map_or(from, |i| from + i + 1);
    let end = start + LEN;
    let alone = |b: Option<&u8>| !b.is_some_and(u8::is_ascii_alphanumeric);
    (crate::format::is_uuid(v.get(start..end)?)
        && alone(v.get(end))
        && alone(start.checked_sub(1).map(|i| &v[i])))
    .then_some(end)
}

/// Reads the run that has its first digit at `p` in full and interprets it; `digits_end`
/// ends the digits from `p` on. Returns where the pass continues.
///
/// Never inlined: most runs are settled by [`lone_run`], and the call to it stays lean
/// without this path's stack frame.
#[inline(never)]
fn read_in_full(s: &mut Scan, p: usize, digits_end: usize, limit: usize) -> usize {
    if one_mask_before(s, p, digits_end, limit) {
        return digits_end;
    }
    if let Some(end) = uuid_end(&s.v[..limit], p) {
        return end;
    }
    // Built in place (`Run::default()` is built aside and copied in, a
    // `memcpy` on the 5 MB corpus: 2.3 M instructions).
    let mut run = Run {
        groups: [Group::default(); MAX_GROUPS],
        len: 0,
        plus: false,
        paren: false,
        trunk_zero: false,
        full: false,
        start: 0,
        masks: 0,
    };
    if let Err(end) = read_run(s, p, digits_end, limit, &mut run) {
        return end;
    }
    if holds_no_value(s, &run) {
        return run.groups[run.len - 1].end;
    }
    let read = interpret_all(s, &run);
    if run.full && run.masks == 0 {
        // The groups after the last value found are read again from the next one on: the
        // size limit may have cut a value (`4012888888881881 4012-8888-8888-1881 …`).
        return run.groups[read.max(1) - 1].end;
    }
    run.groups[run.len - 1].end
}

/// Whether the run at `p` (digits up to `digits_end`) is one group with a single mask
/// character before it and nothing joined after it (`#58038 customer`, `Win64; x64)`), so
/// the full reading would settle at `digits_end` with nothing found: [`read_run`] reads one
/// group of one mask character (or refuses it glued to a word), and [`holds_no_value`]
/// refuses a run with fewer than two. Only where [`look_back_masks`] provably starts the
/// run at that mask character: no other before it, no word glued to it, no mask group
/// before a space or `-`.
fn one_mask_before(s: &Scan, p: usize, digits_end: usize, limit: usize) -> bool {
    let (v, floor) = (s.v, s.floor);
    if p <= floor || !matches!(v[p - 1], b'*' | b'#' | b'X' | b'x') {
        return false;
    }
    let mask = p - 1;
    let alone_before = mask_len_before(v, mask, floor) == 0
        && (mask == floor
            || !(v[mask - 1].is_ascii_alphanumeric()
                || (matches!(v[mask - 1], b' ' | b'-')
                    && mask_len_before(v, mask - 1, floor) > 0)));
    let e = digits_end;
    let joined_after = e < limit
        && (mask_at(v, e) > 0
            || (is_sep(v[e])
                && e + 1 < limit
                && (v[e + 1].is_ascii_digit() || mask_at(v, e + 1) > 0)));
    alone_before && !joined_after
}

/// Parses the run that has its first digit at `p` into `run`'s groups and separators;
/// `digits_end` ends the digits from `p` on (the pass walked them already). `Err` with
/// where the pass continues when its first group is glued to a word.
fn read_run(
    s: &Scan,
    p: usize,
    digits_end: usize,
    limit: usize,
    run: &mut Run,
) -> Result<(), usize> {
    let v = s.v;
    let first = look_back_masks(v, p, s.floor);
    run.start = first;
    // `(` before the first group opens an area code if `)` follows it.
    let mut paren_open = false;
    if first == p && first > s.floor {
        match v[first - 1] {
            b'+' if first < 2 || !v[first - 2].is_ascii_alphanumeric() => {
                run.plus = true;
                run.start = first - 1;
                // `(+41) 22 730 5989`: the country code in parentheses.
                if first >= 2 && v[first - 2] == b'(' {
                    paren_open = true;
                    run.start = first - 2;
                }
            }
            b'(' => paren_open = true,
            _ => {}
        }
    }
    // The groups before `p` (mask groups found looking back) and from `p` on.
    let mut i = first;
    let mut sep = 0u8;
    let mut chars = 0usize;
    loop {
        let mut g = Group {
            start: i,
            sep,
            ..Group::default()
        };
        if i == p {
            // Saturates at 255 digits, as counting them one by one does: no type holds
            // that many, and the run stops at `MAX_CHARS` anyway.
            g.digits = u8::try_from(digits_end - p).unwrap_or(u8::MAX);
            i = digits_end;
        }
        while i < limit {
            if v[i].is_ascii_digit() {
                g.digits = g.digits.saturating_add(1);
                i += 1;
            } else {
                let m = mask_at(v, i);
                if m == 0 || extension_at(v, i, limit, &g) {
                    break;
                }
                g.masks += 1;
                i += m;
            }
        }
        g.end = i;
        // An extension (`1746x1597`) ends the run; it is no part of the number.
        let ext = extension_at(v, i, limit, &g);
        // A group glued to a letter is part of a word, not of the run.
        if !ext && i < limit && v[i].is_ascii_alphanumeric() {
            if run.len == 0 {
                return Err(i);
            }
            break;
        }
        chars += (g.digits + g.masks) as usize;
        run.masks += usize::from(g.masks);
        run.groups[run.len] = g;
        run.len += 1;
        if ext || i >= limit {
            break;
        }
        if run.len == MAX_GROUPS || chars > MAX_CHARS {
            run.full = true;
            break;
        }
        // A separator, then another group?
        let mut j = i;
        sep = v[j];
        if sep == b')' && paren_open {
            // `(415) 555-2671`, `+1 (415) 555-2671`: the area code closes.
            paren_open = false;
            // A country code closes (`(+41) 22 730 5989`): the run starts at its `(` already.
            if run.len == 1 && !run.plus {
                run.paren = true;
                run.start = first - 1;
            } else if run.len == 2 && !run.plus {
                // `1 (312) 515-2239`: the area code after the NANP trunk.
                run.paren = true;
            } else if run.len == 2 && g.digits == 1 && v[g.start] == b'0' {
                // `+44 (0)20 7946 0018`: the trunk of the national form.
                run.trunk_zero = true;
            }
            j += 1;
            // `(415) 555-2671`, `(0543)-231948`; `(08).3734.0569` is a run joined by dots
            // ([`dotted_phone`]).
            if j < limit && matches!(v[j], b' ' | b'-' | b'.') {
                if v[j] == b'.' {
                    sep = b'.';
                }
                j += 1;
            }
        } else if run.len == 1
            && !paren_open
            && (sep == b'(' || (sep == b' ' && v.get(j + 1) == Some(&b'(')))
            && ((run.plus && g.masks == 0 && phone::is_country_code(&v[g.start..i]))
                || (i == first + 1 && v[first] == b'1'))
        {
            // `+1 (415)`, `1 (415)`: an area code in parentheses after a country code (an
            // assigned one: `+2(267)` is none) or the NANP trunk.
            paren_open = true;
            j += if sep == b'(' { 1 } else { 2 };
        } else if is_sep(sep) {
            j += 1;
        } else {
            break;
        }
        if j < limit
            && (v[j].is_ascii_digit() || mask_at(v, j) > 0)
            && !extension_at(v, j, limit, &g)
        {
            i = j;
        } else {
            break;
        }
    }
    Ok(())
}

/// Whether a phone extension starts at `i`, right after group `g` (or a separator after
/// it): `x`, `X` or `#`, maybe a space, then 1 to 6 digits that end the run
/// (`+1-586-487-1746x1597`, `342.570.2192 x 137`, `#1597`). Only after a group of 4 digits
/// or more and no mask, so masked cards (`XXXX-XXXX-XXXX-1234`, `411111******1111`) and
/// sizes (`1920x1080`) read as before.
///
/// Inlined: it is asked after every group, and most groups are refused by the first test.
#[inline(always)]
fn extension_at(v: &[u8], i: usize, limit: usize, g: &Group) -> bool {
    g.digits >= 4
        && g.masks == 0
        && i < limit
        && matches!(v[i], b'x' | b'X' | b'#')
        && extension_digits_after(v, i, limit)
}

/// [`extension_at`] past its first test: the marker at `i` is followed by 1 to 6 digits,
/// maybe after a space, that end the run.
fn extension_digits_after(v: &[u8], i: usize, limit: usize) -> bool {
    let mut k = i + 1;
    if k < limit && v[k] == b' ' {
        k += 1;
    }
    let end = digits_end(v, k, limit);
    if !(1..=6).contains(&(end - k)) {
        return false;
    }
    // Nothing joined after the digits: no word, mask or further group.
    end == limit
        || !(v[end].is_ascii_alphanumeric()
            || mask_at(v, end) > 0
            || (is_sep(v[end]) && v.get(end + 1).is_some_and(u8::is_ascii_digit)))
}

/// Whether no sub-run of `run` can be a value, settled from its group lengths and separators
/// alone: the commonest joined digit runs of a dump (dates glued to a time `2024-04-26T…`,
/// `06/32`, decimals `537.36`, short versions `5.14.2`) are refused here before any sub-run
/// is read.
///
/// It mirrors what [`interpret`] refuses before any validator: a sub-run with a `/` between
/// its groups; one with a `.` unless it is a dotted quad (four groups), NANP
/// `NNN.NNN.NNNN`, a whole run `NNN.NN.NNNN` (an SSN after its keyword) or a whole run
/// that is a phone number written with dots ([`dotted_phone`]); one with 5, 6 or fewer than
/// 4 digits; one with 4 digits unless it is a bare group in a card field (a sub-run,
/// [`could_be_value`]) or the whole run. So a run of at most three groups whose stretches
/// between `.` and `/` each hold fewer than 7 digits holds no value, unless it is a dotted
/// number ([`dotted_number`]: the NANP or SSN shape, any in a phone's context), the whole run
/// has 4 digits and no `.` or `/`, or the field supports a card's last four; longer runs are settled sub-run by sub-run
/// ([`no_sub_run_reads`]). Nor does an unmasked date (`1980-02-24`):
/// [`worth_reading`] refuses it whole, and its parts have at most 6 digits. Added detectors
/// see every unmasked token the built-in ones refuse, so with any such a run is read in
/// full. A masked run is only ever read whole, as a masked card ([`masked_card`]), which
/// takes two mask characters or more.
fn holds_no_value(s: &Scan, run: &Run) -> bool {
    // A masked run is read whole, as a masked card only, and that takes two mask
    // characters at least (`x64`, `#79131`, `2 #12-48` are no values).
    if run.masks > 0 {
        return run.masks < 2;
    }
    let groups = &run.groups[..run.len];
    if !s.det.extra.is_empty() || s.hint.supports(PiiType::CardPartial) {
        return false;
    }
    if run.len >= 4 {
        return !dotted_phone(s, run) && no_sub_run_reads(groups);
    }
    if date_like(groups) {
        return true;
    }
    // Digits since the last `.` or `/`, and whether there was one.
    let mut stretch = 0u32;
    let mut split = false;
    for (k, g) in groups.iter().enumerate() {
        if k > 0 && matches!(g.sep, b'.' | b'/') {
            stretch = 0;
            split = true;
        }
        stretch += u32::from(g.digits);
        if stretch >= 7 {
            return false;
        }
    }
    // At most three groups here: their digits and separators.
    let (mut digits, mut seps) = ([0usize; 3], [0u8; 3]);
    for (k, g) in groups.iter().enumerate() {
        (digits[k], seps[k]) = (usize::from(g.digits), g.sep);
    }
    let n = groups.len();
    let whole_four = !split && stretch == 4;
    !dotted_number(s, run.start, &digits[..n], &seps[..n]) && !whole_four
}

/// Whether groups of `digits` written after `seps` (the first is not read) from `at`, each
/// stretch between dots under 7 digits, are still a number worth reading: the NANP
/// `NNN.NNN.NNNN` and the SSN `NNN.NN.NNNN` anywhere, and in a phone's context
/// ([`phone_context`]) any groups joined by dots (`970.011.098` in Spain, `912.345.678` in
/// Portugal; elsewhere they are amounts and versions).
fn dotted_number(s: &Scan, at: usize, digits: &[usize], seps: &[u8]) -> bool {
    let dotted = seps.len() >= 2 && seps[1..].iter().all(|&c| c == b'.');
    dotted
        && (matches!(digits, [3, 3, 4] | [3, 2, 4])
            || phone_context(s, at, digits.len(), digits.iter().sum()))
}

/// Whether digits joined by dots from `at`, in `groups` groups of `digits` digits in all,
/// may be a phone number in any grouping: the field supports phones, or a phone keyword
/// stands before three groups or more with the seven digits every phone has, from a `+`,
/// a trunk `0` or an area code in parentheses (`please call 07.4405.7136`, `call
/// +1.212.555.0123`, `call (03).9839.9681`); two groups are an amount, and other dotted runs
/// versions (`Mobile/7534.48.3`).
fn phone_context(s: &Scan, at: usize, groups: usize, digits: usize) -> bool {
    s.hint.supports(PiiType::Phone)
        || groups >= 3
            && digits >= phone::MIN_NATIONAL
            && matches!(s.v[at], b'+' | b'0' | b'(')
            && !s.hint.denies_weak
            && context::has(s.det.context.keywords_before(s.v, at), PiiType::Phone)
}

/// Whether the whole `run` is a phone number written with dots: between pairs of digits, as
/// in France and Belgium (`06.12.34.56.78`, `+33.6.12.34.56.78`, `+32.475.12.34.56`: five
/// groups or more of at most three digits each and the last three of two, from a `+` or a
/// trunk `0`), or in any groups in a phone's context ([`phone_context`]: `970.011.098` in a
/// phone field, `call +61.491.570.156`; four without a `+` are a dotted quad); all joined
/// by `.`, and not the tail of a longer dotted word (`v2.06.12.34.56.78`). Dotted runs are
/// otherwise versions and decimals, and no version is written in pairs. Only the phone
/// reading takes it ([`interpret`]).
fn dotted_phone(s: &Scan, run: &Run) -> bool {
    let (v, groups) = (s.v, &run.groups[..run.len]);
    let start = run.start;
    let pairs = || {
        groups.len() >= 5
            && (run.plus || v[groups[0].start] == b'0')
            && groups.iter().all(|g| (1..=3).contains(&g.digits))
            && groups[groups.len() - 3..].iter().all(|g| g.digits == 2)
    };
    // `1.415.555.2671`: the NANP's dotted shape after its trunk.
    let nanp_trunk =
        || groups.iter().map(|g| g.digits).eq([1, 3, 3, 4]) && v[groups[0].start] == b'1';
    let in_phone_context = || {
        let digits = groups.iter().map(|g| usize::from(g.digits)).sum();
        (groups.len() != 4 || run.plus) && phone_context(s, start, groups.len(), digits)
    };
    groups.len() >= 2
        && !(start >= 2 && v[start - 1] == b'.' && v[start - 2].is_ascii_alphanumeric())
        && groups[1..].iter().all(|g| g.sep == b'.')
        && (pairs() || nanp_trunk() || in_phone_context())
}

/// [`holds_no_value`] for an unmasked run of four groups or more (a date and a time
/// `2024-05-06 22:26`, versions `120.0.6099.130`): whether every sub-run, the whole run
/// included, is one that [`interpret`] refuses before any validator. A sub-run may be a
/// value when it is a dotted quad of parts up to three digits, the NANP `NNN.NNN.NNNN`, or
/// has no `.` or `/` between its groups, no date in three of them ([`holds_date`]) and 7 to
/// 19 digits (or 4, as the whole run).
fn no_sub_run_reads(groups: &[Group]) -> bool {
    let n = groups.len();
    let dotted = |k: usize| groups[k].sep == b'.';
    // Bit k: groups k..k + 3 are written as a date ([`holds_date`] reads the bits of the
    // sub-run's windows).
    let mut dates = 0u32;
    for k in 0..n.saturating_sub(2) {
        let (x, y, z) = (groups[k].digits, groups[k + 1].digits, groups[k + 2].digits);
        let quad = k + 3 < n
            && dotted(k + 1)
            && dotted(k + 2)
            && dotted(k + 3)
            && x.max(y).max(z).max(groups[k + 3].digits) <= 3;
        let nanp_dots = (x, y, z) == (3, 3, 4) && dotted(k + 1) && dotted(k + 2);
        if quad || nanp_dots {
            return false;
        }
        dates |= u32::from(date_like(&groups[k..k + 3])) << k;
    }
    for a in 0..n {
        let mut digits = 0;
        for b in a + 1..=n {
            let last = &groups[b - 1];
            // A `.` or `/` between the groups, or more than 19 digits, holds for every
            // longer sub-run from `a` too.
            if b > a + 1 && matches!(last.sep, b'.' | b'/') {
                break;
            }
            digits += usize::from(last.digits);
            if digits >= 7 {
                // The first sub-run from `a` with 7 digits or more decides for the longer
                // ones: they hold more digits and every date window it holds.
                let date = b >= a + 3 && dates >> a & ((1 << (b - a - 2)) - 1) != 0;
                if digits <= 19 && !date {
                    return false;
                }
                break;
            }
            if digits == 4 && b - a == n {
                return false;
            }
        }
    }
    true
}

/// Tries the whole run, then its sub-runs, longest first. Returns how many of its groups
/// the values found take in: the end of the last one (0 when none is found).
///
/// A `+` belongs to the first group: when no value starts there, the groups an
/// international number written from that `+` could reach (15 digits, E.164's most) start
/// no phone, as `1860 345 1234` of `+91 1860 345 1234` (a shared-cost number) is no NANP
/// number `+1 860 345 1234`. A phone read from the `+` on (`+91 98765 43210 2 times`), or
/// groups past the reach, leave the rest free.
fn interpret_all(s: &mut Scan, run: &Run) -> usize {
    let n = run.len;
    // A masked number is read whole: its parts are no values of their own.
    if interpret(s, run, 0, n, true) {
        return n;
    }
    if n == 1 || run.masks > 0 {
        return 0;
    }
    let reach = if run.plus { plus_reach(run) } else { 0 };
    let (mut a, mut read) = (0, 0);
    while a < n {
        let phone = a == 0 || a >= reach || read > 0;
        let mut found = None;
        for b in (a + 1..=n).rev() {
            if (a, b) != (0, n) && could_be_value(s, run, a, b) && interpret(s, run, a, b, phone) {
                found = Some(b);
                break;
            }
        }
        if let Some(b) = found {
            (a, read) = (b, b);
        } else {
            a += 1;
        }
    }
    read
}

/// How many groups from the first of a `+` run an international number could take in: its
/// digits, the country code's included, are at most 15 (E.164).
fn plus_reach(run: &Run) -> usize {
    let mut digits = 0;
    run.groups[..run.len]
        .iter()
        .take_while(|g| {
            digits += usize::from(g.digits);
            digits <= 15
        })
        .count()
}

/// A cheap filter before a sub-run is interpreted: only lengths some type can have.
fn could_be_value(s: &Scan, run: &Run, a: usize, b: usize) -> bool {
    let groups = &run.groups[a..b];
    // Never cut inside a block of 4-digit groups (`2233 4455 6676 5678` is one number), nor
    // after the last group of a full run, which may be one. A change of separator ends a
    // block (`4012-8888-8888-1881 4012 8888 8888 1881` holds two).
    let g = &run.groups;
    let cuts_block = |i: usize| {
        if i == run.len {
            return run.full && i >= 2 && g[i - 1].digits == 4 && g[i - 2].digits == 4;
        }
        let changes = |k: usize| k >= 1 && k < run.len && g[k].sep != g[i].sep;
        i > 0
            && g[i - 1].digits == 4
            && g[i].digits == 4
            && g[i].sep != b'.'
            && !changes(i - 1)
            && !changes(i + 1)
    };
    // Nor cut a sub-run out of the middle of `-` joints (`078-051121 07805-1121`).
    let dash_joint = |i: usize| i > 0 && i < run.len && g[i].sep == b'-';
    if cuts_block(a) || cuts_block(b) || (dash_joint(a) && dash_joint(b)) {
        return false;
    }
    let chars: usize = groups.iter().map(|g| (g.digits + g.masks) as usize).sum();
    let dotted_quad = groups.len() == 4 && groups[1..].iter().all(|g| g.sep == b'.');
    dotted_quad
        || match chars {
            7..=19 => true,
            4 => groups.len() == 1 && s.hint.supports(PiiType::CardPartial),
            20..=24 => groups.iter().any(|g| g.masks > 0),
            _ => false,
        }
}

/// The fast path for the commonest digit run of a dump — ids, amounts, years, epochs: a lone
/// run of digits `p..e`, nothing joined before or after it; a run joined only after it goes
/// to the lean reader ([`plain_run_end`]).
fn lone_run(s: &mut Scan, p: usize, e: usize, limit: usize) -> First {
    let v = s.v;
    if joined_before(s, p) {
        return First::Joined(e);
    }
    let joined_after = e < limit
        && (mask_at(v, e) > 0
            || v[e] == b')'
            || (is_sep(v[e])
                && e + 1 < limit
                && (v[e + 1].is_ascii_digit() || mask_at(v, e + 1) > 0)));
    if joined_after {
        return match plain_run_end(s, p, e, limit) {
            Some(end) => First::Settled(end),
            None => First::Joined(e),
        };
    }
    let n = e - p;
    let candidate = match n {
        1 if trunk_before_paren(v, p, e, limit) => return First::Joined(e),
        4 => s.hint.supports(PiiType::CardPartial),
        7..=19 => {
            (v[p] == b'0' && n >= 10)
                || s.hint.supports & NUMERIC_TYPES != 0
                // The keyword search last: it costs the most.
                || s.tentative()
                || (!s.hint.denies_weak && s.keywords_before(p) & NUMERIC_TYPES != 0)
        }
        _ => false,
    };
    if candidate {
        First::Lone(e)
    } else {
        First::Settled(e)
    }
}

/// Whether the group `p..e` is the NANP trunk `1` written before an area code in
/// parentheses (`1 (312) 515-2239`, `1(312)`): [`read_run`] reads them as one run.
fn trunk_before_paren(v: &[u8], p: usize, e: usize, limit: usize) -> bool {
    e == p + 1
        && v[p] == b'1'
        && e < limit
        && (v[e] == b'(' || (v[e] == b' ' && v.get(e + 1) == Some(&b'(')))
}

/// Whether something that belongs to a run is written just before its first digit `p`: a
/// `+`, a `(` or a mask character, right before it or before a separator.
fn joined_before(s: &Scan, p: usize) -> bool {
    let v = s.v;
    p > s.floor
        && (matches!(v[p - 1], b'+' | b'(' | b'*' | b'#' | b'X' | b'x' | 0xA2)
            || (matches!(v[p - 1], b' ' | b'-')
                && p >= s.floor + 2
                && mask_len_before(v, p - 1, s.floor) > 0))
}

/// The lean reader of a run joined to more groups but to nothing before it (no `+`, `(` or
/// mask): the commonest of them (date-times `2024-04-26T…`, amounts `31070.81`, `06/32`)
/// hold no value, and are settled here group by group, without building a [`Run`]. Returns
/// where the pass continues when the run is settled ([`read_run`] and [`holds_no_value`]
/// would refuse it), `None` when it needs the full reading: a mask character, a fifth
/// group, a fourth that [`fourth_group_end`] cannot settle, a stretch of 7 digits between
/// `.` and `/`, the NANP `NNN.NNN.NNNN`, the SSN `NNN.NN.NNNN` or a whole run of 4 digits. `e` ends the digits
/// from `p` on.
fn plain_run_end(s: &Scan, p: usize, e: usize, limit: usize) -> Option<usize> {
    if !s.det.extra.is_empty() || s.hint.supports(PiiType::CardPartial) {
        return None;
    }
    let v = s.v;
    // Digits of each group read so far, and the separator written before it.
    let mut digits = [0usize; 3];
    let mut seps = [0u8; 3];
    let mut len = 0;
    // The group being read, and the end of the last one taken.
    let (mut start, mut end) = (p, e);
    let mut run_end = p;
    loop {
        if end < limit && mask_at(v, end) > 0 {
            return None;
        }
        // A group glued to a letter is part of a word, not of the run.
        if end < limit && v[end].is_ascii_alphanumeric() {
            if len == 0 {
                return Some(end);
            }
            break;
        }
        // A group of 7 digits or more: the full reading decides.
        if end - start >= 7 {
            return None;
        }
        if len == 3 {
            return fourth_group_end(v, &digits, &seps, start, end, limit);
        }
        digits[len] = end - start;
        seps[len] = if len == 0 { 0 } else { v[start - 1] };
        len += 1;
        run_end = end;
        // A separator, then another group?
        if end + 1 >= limit || !is_sep(v[end]) {
            break;
        }
        if !v[end + 1].is_ascii_digit() {
            if mask_at(v, end + 1) > 0 {
                return None;
            }
            break;
        }
        start = end + 1;
        end = digits_end(v, start, limit);
    }
    let (digits, seps) = (&digits[..len], &seps[..len]);
    if written_as_date(digits, seps) {
        return Some(run_end);
    }
    // Digits since the last `.` or `/`, and whether there was one.
    let mut stretch = 0;
    let mut split = false;
    for (&n, &sep) in digits.iter().zip(seps) {
        if matches!(sep, b'.' | b'/') {
            stretch = 0;
            split = true;
        }
        stretch += n;
        if stretch >= 7 {
            return None;
        }
    }
    let whole_four = !split && stretch == 4;
    (!dotted_number(s, p, digits, seps) && !whole_four).then_some(run_end)
}

/// [`plain_run_end`] at the fourth group `start..end` of a run, after groups of `digits`
/// written after `seps`: where the pass continues when the run ends with this group and no
/// sub-run of it can be a value ([`no_sub_run_reads`], as [`holds_no_value`] decides for
/// four groups): a date and its hour (`2024-05-06 22:26`), a version (`120.0.6099.130`).
/// `None` when a fifth group follows or a sub-run may read: the full reading decides.
/// The group is glued to no letter or mask character ([`plain_run_end`] saw to that).
fn fourth_group_end(
    v: &[u8],
    digits: &[usize; 3],
    seps: &[u8; 3],
    start: usize,
    end: usize,
    limit: usize,
) -> Option<usize> {
    let more = end + 1 < limit
        && is_sep(v[end])
        && (v[end + 1].is_ascii_digit() || mask_at(v, end + 1) > 0);
    if more {
        return None;
    }
    let digits = [digits[0], digits[1], digits[2], end - start];
    let seps = [seps[0], seps[1], seps[2], v[start - 1]];
    four_groups_settled(&digits, &seps)
        .unwrap_or_else(|| four_groups_read(&digits, &seps))
        .then_some(end)
}

/// [`no_sub_run_reads`] of four groups of `digits` written after `seps`, each of fewer than
/// 7 digits (the counts fit a `u8`).
fn four_groups_read(digits: &[usize; 4], seps: &[u8; 4]) -> bool {
    let groups: [Group; 4] = std::array::from_fn(|k| Group {
        sep: seps[k],
        digits: digits[k] as u8,
        ..Group::default()
    });
    no_sub_run_reads(&groups)
}

/// Whether groups of `digits` written after `seps` (the first separator is none of theirs)
/// are a date ([`date_like`] on digit counts).
fn written_as_date(digits: &[usize], seps: &[u8]) -> bool {
    matches!(seps, [_, b, c] if b == c && matches!(b, b'-' | b'/' | b'.'))
        && matches!(
            digits,
            [4, 2, 2] | [2, 2, 4] | [2, 2, 2] | [1..=2, 1..=2, 4]
        )
}

/// [`no_sub_run_reads`] of four groups of fewer than 7 digits each (`digits`, written
/// after `seps`), settled from the counts alone for the commonest four-group runs; `None`
/// for the others. It saves building the groups and asking every sub-run.
///
/// - Split at every joint by `.` or `/` (`120.0.6099.130`, `10.2.3.4`): no sub-run of
///   two groups or more reads and no group alone has 7 digits, so only a dotted quad or
///   `NNN.NNN.NNNN` reads.
/// - A date, then groups that hold fewer than 7 digits from its second group on
///   (`2024-05-06 22`): a sub-run from the first group holds at most 6 digits or the
///   date, one from a later group fewer than 7 digits, and no three groups are `NNN.NNN.NNNN`
///   (a date's second group has at most 2 digits); only a dotted quad reads.
fn four_groups_settled(digits: &[usize; 4], seps: &[u8; 4]) -> Option<bool> {
    let dots = seps[1..] == [b'.'; 3];
    let quad = dots && digits.iter().all(|&d| d <= 3);
    if seps[1..].iter().all(|&c| matches!(c, b'.' | b'/')) {
        let nanp = |k: usize| digits[k..k + 3] == [3, 3, 4] && seps[k + 1..k + 3] == [b'.'; 2];
        return Some(!(quad || nanp(0) || nanp(1)));
    }
    let date_first = written_as_date(&digits[..3], &seps[..3]);
    (date_first && digits[1] + digits[2] + digits[3] < 7).then_some(!quad)
}

/// Types of the numeric family, as a bit set.
const NUMERIC_TYPES: u32 = 1 << PiiType::Phone as u32
    | 1 << PiiType::CardNumber as u32
    | 1 << PiiType::CardPartial as u32
    | 1 << PiiType::Aadhaar as u32
    | 1 << PiiType::UsSsn as u32;

/// Cheap tests before the validators: most digit runs of a dump are ids, amounts, years,
/// epochs and dates, and are refused here by their length and shape alone.
/// `n` is the digit count of groups `a..b` and `dotted` whether they are four groups
/// joined by `.` or a phone number written with dots ([`dotted_phone`]), which hold no
/// date ([`interpret`] has both from its one pass over them). Inlined into
/// [`interpret`], its one caller: out of line it costs 0.2 % of a scan.
#[inline(always)]
fn worth_reading(s: &mut Scan, run: &Run, a: usize, b: usize, n: usize, dotted: bool) -> bool {
    let groups = &run.groups[a..b];
    if dotted {
        return true;
    }
    // After a `+`, the first groups are a country code and a number, not a date
    // (`+61-7-7975-4323`), and pairs of digits are the number's (`+33-6-12-34-56-78`).
    let dated = if a == 0 && run.plus {
        groups
            .get(1..)
            .is_some_and(|g| g.windows(3).any(|w| date_like(w) && !pairs(w)))
    } else {
        holds_date(groups)
    };
    if dated || !(n == 4 || (7..=19).contains(&n)) {
        return false;
    }
    if groups.len() > 1 || (a == 0 && (run.plus || run.paren)) {
        return true;
    }
    // One bare group: only a trunk-0 phone is strong; everything else needs support.
    let first_digit = s.v[groups[0].start];
    if first_digit == b'0' && n >= 10 {
        return true;
    }
    if n == 4 {
        return s.hint.supports(PiiType::CardPartial);
    }
    if s.hint.supports & NUMERIC_TYPES != 0 {
        return true;
    }
    s.tentative()
        || (!s.hint.denies_weak && s.keywords_before(groups[0].start) & NUMERIC_TYPES != 0)
}

/// Whether `groups` are written as a date: 2024-03-01, 01/03/2024, 01.03.24.
fn date_like(groups: &[Group]) -> bool {
    match groups {
        [a, b, c] => {
            b.sep == c.sep
                && matches!(b.sep, b'-' | b'/' | b'.')
                && matches!(
                    (a.digits, b.digits, c.digits),
                    (4, 2, 2) | (2, 2, 4) | (2, 2, 2) | (1..=2, 1..=2, 4)
                )
        }
        _ => false,
    }
}

/// Whether every group of `groups` has two digits (a `yy-mm-dd` date, or a phone number's
/// pairs).
fn pairs(groups: &[Group]) -> bool {
    groups.iter().all(|g| g.digits == 2)
}

/// Whether three groups in a row of `groups` are written as a date ([`date_like`]): such
/// groups are no part of one number, as in a timestamp's `2024-05-29 08`, which would read
/// as a NANP phone under `--region US`.
fn holds_date(groups: &[Group]) -> bool {
    groups.windows(3).any(date_like)
}

/// Collects the digits of groups `a..b`, which hold no mask characters: every byte of such
/// a group is a digit.
/// Digits past the buffer's size are left out; no type holds that many.
fn digits_of(s: &Scan, run: &Run, a: usize, b: usize, buf: &mut [u8; MAX_CHARS + 8]) -> usize {
    let mut n = 0;
    for g in &run.groups[a..b] {
        let group = &s.v[g.start..g.end];
        let take = group.len().min(buf.len() - n);
        buf[n..n + take].copy_from_slice(&group[..take]);
        n += take;
    }
    n
}

/// A type the sub-run validates as, and how strongly.
#[derive(Clone, Copy, Debug)]
struct Reading {
    ty: PiiType,
    strong: bool,
    basis: Basis,
}

/// Interprets groups `a..b` of `run`; pushes a hit and returns true when they are a value.
/// Without `phone`, they are read as no phone ([`interpret_all`]).
fn interpret(s: &mut Scan, run: &Run, a: usize, b: usize, phone: bool) -> bool {
    let groups = &run.groups[a..b];
    // A `+` or `(` belongs to a phone number only.
    let start = groups[0].start;
    let phone_start = if a == 0 { run.start } else { start };
    let end = groups[groups.len() - 1].end;
    // One pass over the groups: their separators (the one before the first is no part of
    // them), digit counts and mask characters.
    let mut seps_buf = [0u8; MAX_GROUPS];
    let mut lens_buf = [0u8; MAX_GROUPS];
    let (mut digits, mut masks) = (0usize, 0usize);
    // Bit 0: a `.` joins two of the groups; bit 1: a `/` does; bit 2: two joints differ.
    let mut joints = 0u8;
    for (k, g) in groups.iter().enumerate() {
        seps_buf[k] = g.sep;
        lens_buf[k] = g.digits;
        digits += usize::from(g.digits);
        masks += usize::from(g.masks);
        if k > 0 {
            joints |= u8::from(g.sep == b'.')
                | u8::from(g.sep == b'/') << 1
                | u8::from(k > 1 && g.sep != seps_buf[k - 1]) << 2;
        }
    }
    if masks > 0 {
        return masked_card(s, groups, start, end);
    }
    let seps = &seps_buf[1..groups.len()];
    let lens = &lens_buf[..groups.len()];
    let (dots, slashes, mixed) = (joints & 1 != 0, joints & 2 != 0, joints & 4 != 0);
    // Digits right after `<digit>.` are a decimal fraction (`-47.9545925 154.08`), unless
    // the dots are the run's own separators (`1.800.555.0199`).
    let fraction = start >= 2
        && s.v[start - 1] == b'.'
        && s.v[start - 2].is_ascii_digit()
        && groups.get(1).is_none_or(|g| g.sep != b'.');
    let dotted_quad = groups.len() == 4 && !mixed && seps[0] == b'.';
    let phone_dots = dots && (a, b) == (0, run.len) && dotted_phone(s, run);
    if fraction || !worth_reading(s, run, a, b, digits, dotted_quad || phone_dots) {
        return false;
    }
    // Whether the groups are joined, all by one separator, and that one is in `c`.
    let uniform = |c: &[u8]| !seps.is_empty() && !mixed && c.contains(&seps[0]);

    if dots && !phone_dots {
        if dotted_quad {
            // Parts of more than three digits (`120.0.6099.130`) make no address.
            return lens.iter().all(|&l| l <= 3) && ipv4(s, start, end);
        }
        // Dots otherwise mean decimals or versions; only NANP numbers use them, and an SSN
        // after its keyword.
        if lens == [3, 2, 4] && uniform(b".") && (a, b) == (0, run.len) {
            return dotted_ssn(s, run, start, end);
        }
        if !(lens == [3, 3, 4] && uniform(b".")) {
            return false;
        }
    }
    if slashes {
        return false;
    }
    let mut buf = [0u8; MAX_CHARS + 8];
    let mut n = digits_of(s, run, a, b, &mut buf);
    let plus = a == 0 && run.plus;
    if plus && run.trunk_zero {
        n = drop_trunk_zero(&mut buf[..n], usize::from(groups[0].digits));
    }
    let d = &buf[..n];
    let paren = a == 0 && run.paren;
    let bare = groups.len() == 1;

    let mut readings: [Option<Reading>; 5] = [None; 5];
    if !plus && !phone_dots {
        if (13..=19).contains(&n) && card::is_valid(d) {
            let grouped = uniform(b" -") && card_grouping(lens);
            readings[0] = Some(Reading {
                ty: PiiType::CardNumber,
                strong: grouped,
                basis: Basis::LUHN | Basis::NUMBER_PLAN,
            });
        }
        // A 12-digit card (Maestro) only in a card field, and weak: 12 digits are far more
        // often an Aadhaar or a phone.
        if n == 12 && s.hint.supports(PiiType::CardNumber) && card::is_valid(d) {
            readings[0] = Some(Reading {
                ty: PiiType::CardNumber,
                strong: false,
                basis: Basis::LUHN | Basis::NUMBER_PLAN,
            });
        }
        if n == 12
            && d[0] >= b'2'
            && verhoeff::is_valid(d)
            && (bare || (lens == [4, 4, 4] && uniform(b" -")))
        {
            readings[1] = Some(Reading {
                ty: PiiType::Aadhaar,
                strong: !bare,
                basis: Basis::VERHOEFF,
            });
        }
        if n == 9 && ssn::is_valid(d) && (bare || (lens == [3, 2, 4] && uniform(b" -"))) {
            readings[2] = Some(Reading {
                ty: PiiType::UsSsn,
                strong: !bare,
                basis: Basis::SHAPE | Basis::NUMBER_PLAN,
            });
        }
        if n == 4 && bare {
            readings[4] = Some(Reading {
                ty: PiiType::CardPartial,
                strong: false,
                basis: Basis::SHAPE,
            });
        }
    }
    if phone && !decided_before_phone(&readings, s.hint) {
        readings[3] = phone_reading(s, d, plus, paren, bare, lens, seps);
    }

    let from = |r: &Reading| {
        if r.ty == PiiType::Phone {
            phone_start
        } else {
            start
        }
    };
    // The field decides among the readings.
    if let Some(r) = readings.iter().flatten().find(|r| s.hint.supports(r.ty)) {
        return s.push(from(r), end, r.ty, r.basis | Basis::FIELD);
    }
    if let Some(r) = readings.iter().flatten().find(|r| r.strong) {
        return s.push(from(r), end, r.ty, r.basis);
    }
    for r in readings.iter().flatten() {
        if r.ty == PiiType::CardPartial {
            continue; // a bare last-4 counts only in a card field (handled above)
        }
        if let Some(support) = s.weak_support(r.ty, from(r)) {
            return s.push(from(r), end, r.ty, r.basis | support);
        }
    }
    if s.det.extra.is_empty() {
        false
    } else {
        s.try_extra(start, end);
        s.floor >= end
    }
}

/// Drops the trunk `0` at `zero` from the digits `d` of `+44 (0)20 …`; returns how many
/// are left. Out of line: few runs have one, and [`interpret`] stays lean without it.
#[cold]
#[inline(never)]
fn drop_trunk_zero(d: &mut [u8], zero: usize) -> usize {
    d.copy_within(zero + 1.., zero);
    d.len() - 1
}

/// A whole run written `NNN.NN.NNNN` (`start..end`): an SSN when its field or a keyword
/// before it says so, never bare (dotted numbers are mostly versions and decimals). Out of
/// line, as [`drop_trunk_zero`].
#[cold]
#[inline(never)]
fn dotted_ssn(s: &mut Scan, run: &Run, start: usize, end: usize) -> bool {
    let mut buf = [0u8; MAX_CHARS + 8];
    let n = digits_of(s, run, 0, run.len, &mut buf);
    if run.plus || !ssn::is_valid(&buf[..n]) {
        return false;
    }
    let support = if s.hint.supports(PiiType::UsSsn) {
        Basis::FIELD
    } else if !s.hint.denies_weak && s.keywords_before(start) & 1 << PiiType::UsSsn as u32 != 0 {
        Basis::KEYWORD
    } else {
        return false;
    };
    s.push(
        start,
        end,
        PiiType::UsSsn,
        Basis::SHAPE | Basis::NUMBER_PLAN | support,
    )
}

/// Whether the choice among `readings` (in slot order: card, Aadhaar, SSN, phone, last 4)
/// is made before the phone reading in slot 3, so that its checks can be skipped: the
/// card, Aadhaar or SSN reading (at most one: their lengths differ) is one the field
/// supports, or a strong one in a field that does not support phones.
fn decided_before_phone(readings: &[Option<Reading>; 5], hint: FieldHint) -> bool {
    readings[..3]
        .iter()
        .flatten()
        .next()
        .is_some_and(|r| hint.supports(r.ty) || (r.strong && !hint.supports(PiiType::Phone)))
}

/// Card groupings people write: 4-4-4-4(-3), Amex 4-6-5, Diners 4-6-4, 4-4-4-1..4.
fn card_grouping(lens: &[u8]) -> bool {
    match lens {
        [4, 6, 5] | [4, 6, 4] | [4, 4, 4, 4, 3] | [4, 4, 4, 4] | [5, 5, 5, 4] => true,
        [4, 4, 4, last] => (1..=4).contains(last),
        _ => false,
    }
}

/// Reads the digits as a phone number: strong when written with `+`/`00`, a trunk `0`,
/// parentheses or the grouping of a number plan; weak when bare. Inlined into [`interpret`],
/// its one caller, on the hot path (out of line it costs 0.2 % of a scan).
#[inline(always)]
fn phone_reading(
    s: &Scan,
    d: &[u8],
    plus: bool,
    paren: bool,
    bare: bool,
    lens: &[u8],
    seps: &[u8],
) -> Option<Reading> {
    let strong = |strong| Reading {
        ty: PiiType::Phone,
        strong,
        basis: Basis::NUMBER_PLAN,
    };
    if plus {
        return phone::international(d).map(|_| strong(true));
    }
    if let Some(e164) = d
        .strip_prefix(b"00")
        .and_then(phone::international)
        .filter(|e| e.national().len() >= phone::MIN_NATIONAL)
    {
        // `00` or the country code split across groups, or a last group of one digit
        // (`0-09-507436-0`, `008-1-00604-818`: ISBNs), is no dialling prefix and number
        // anyone writes: weak.
        let cc = e164.country_code().len() as u8;
        let whole_code = match lens {
            [2, next, ..] => *next >= cc,
            [first, ..] => *first >= 2 + cc,
            [] => false,
        };
        let written = !bare && whole_code && lens.last().is_some_and(|&l| l >= 2);
        return Some(strong(written));
    }
    // `415-555-2671`, `415.555.2671`, `415 555 2671`, and `415 555-2671` as many write it;
    // with the trunk `1` before them in the same way (`1.415.555.2671`).
    let uniform = seps.windows(2).all(|w| w[0] == w[1]);
    let nanp_shape = paren
        || (lens == [3, 3, 4] && (uniform || seps == b" -"))
        || (lens == [1, 3, 3, 4] && d[0] == b'1' && uniform);
    if nanp_shape && phone::national(d, *b"US").is_some() {
        return Some(strong(true));
    }
    let region = s.det.region().0;
    if phone::national(d, region).is_some() {
        // A bare number with its trunk 0 is strong only where the plan is strict (elsewhere
        // an EAN-13 such as 0298383974208 fits the lengths).
        let written = if bare {
            d[0] == b'0' && strict_trunk_plan(&region)
        } else {
            plan_grouping(region, d, lens)
        };
        return Some(strong(written));
    }
    if d.len() >= 11 && phone::international(d).is_some() {
        return Some(strong(false));
    }
    // Where the region is only assumed (no `--region`, nothing in the input said one), a
    // phone field's number with its trunk 0 (and no second 0: `0000000000`) valid in some
    // country whose numbers take one: `0580-730215` in a Dutch table with no `+31` number
    // nor `.nl` address at its start. Weak: the field decides.
    if s.det.region_assumed()
        && s.hint.supports(PiiType::Phone)
        && d.get(1).is_some_and(|&b| b != b'0')
        && phone::national_anywhere(d)
    {
        return Some(strong(false));
    }
    None
}

/// Whether `region` (upper case) has a strict plan with a trunk `0` (India, the United
/// Kingdom: leading digits and lengths checked by [`phone::national`]), under which a bare
/// number with its trunk 0 and the groupings of [`plan_grouping`]'s first arms are strong.
fn strict_trunk_plan(region: &[u8; 2]) -> bool {
    matches!(region, b"IN" | b"GB")
}

/// Whether `lens`, the digit groups of `d` (a national number of `region`), are a grouping
/// that region's plan writes: NANP 3-3-4 (1-3-3-4 after a 1); Singapore 4-4; in India and the
/// United Kingdom a trunk 0 and its area code (3 to 6 digits in all), then groups of three
/// digits or more (GB `020 7946 0958`, `01632 960000`; IN `011-23456789`, `098765 43210`),
/// or an Indian mobile 5-5, 3-3-4 or 4-3-3. Elsewhere, a national prefix and area code (2 to
/// 6 digits in all, or the prefix apart: RU `8 495 123-45-67`) then groups of two digits or
/// more, nine digits at least (FR `06 12 34 56 78`, DE `030 1234567`); where numbers are
/// written whole, groups of two or three digits, the last of up to four (ES `612 34 56 78`,
/// IT `350 087 7036`, DK `23 56 53 59`); where the prefix is left out in writing
/// ([`phone::prefix_omitted`]) and is, an area code then groups of three digits or more
/// (BR `32 2601-8159`); never a date's 2-2-4. Any other grouping
/// (`2025-780048`, ISBN `0-333-83536-0`) is no number the plan writes: a weak reading.
fn plan_grouping(region: [u8; 2], d: &[u8], lens: &[u8]) -> bool {
    /// Fewest digits of a number with its national prefix that a grouping alone makes
    /// strong where the plan is only lengths: an ISSN (`0462-3440`) fits Germany's.
    const GROUPED_NATIONAL: usize = 9;
    let region = region.map(|b| b.to_ascii_uppercase());
    match &region {
        b"SG" => lens == [4, 4],
        _ if strict_trunk_plan(&region) && d[0] == b'0' => {
            matches!(lens, [3..=6, rest @ ..] if rest.iter().all(|&l| l >= 3))
        }
        _ if strict_trunk_plan(&region) => matches!(lens, [5, 5] | [3, 3, 4] | [4, 3, 3]),
        _ => match phone::national_prefix(region) {
            Some(b"1") => matches!(lens, [3, 3, 4] | [1, 3, 3, 4]),
            _ if lens == [2, 2, 4] => false,
            Some(b"") => match lens {
                [groups @ .., last] if groups.len() >= 2 => {
                    groups.iter().all(|l| (2..=3).contains(l)) && (2..=4).contains(last)
                }
                _ => false,
            },
            // Written without its prefix (BR `32 2601-8159`): an area code of 2 or 3 digits,
            // then groups of three digits or more.
            Some(prefix) if phone::prefix_omitted(region) && !d.starts_with(prefix) => {
                d.len() >= GROUPED_NATIONAL
                    && matches!(lens, [2..=3, rest @ ..]
                        if !rest.is_empty() && rest.iter().all(|&l| l >= 3))
            }
            _ => {
                d.len() >= GROUPED_NATIONAL
                    && matches!(lens, [2..=6, rest @ ..] | [1, 2..=5, rest @ ..]
                        if rest.iter().all(|&l| l >= 2))
            }
        },
    }
}

/// A masked card number: the whole masked form, last four digits visible, visible leading
/// digits fitting an issuer range.
fn masked_card(s: &mut Scan, groups: &[Group], start: usize, end: usize) -> bool {
    let v = s.v;
    let total: usize = groups.iter().map(|g| (g.digits + g.masks) as usize).sum();
    let last = groups[groups.len() - 1];
    // The last four characters must be digits.
    let tail = &v[last.start..last.end];
    if tail.len() < 4 || !tail[tail.len() - 4..].iter().all(u8::is_ascii_digit) {
        return false;
    }
    // Leading visible digits (before the first mask character).
    let mut lead = [0u8; 8];
    let mut nlead = 0;
    'outer: for g in groups {
        let mut i = g.start;
        while i < g.end {
            if !v[i].is_ascii_digit() {
                break 'outer;
            }
            if nlead == lead.len() {
                return false;
            }
            lead[nlead] = v[i];
            nlead += 1;
            i += 1;
        }
    }
    let masks: usize = groups.iter().map(|g| g.masks as usize).sum();
    // A card's length; 12 characters (`XXXX XXXX 9012`) is a masked Aadhaar, not a card.
    let full = (13..=19).contains(&total);
    // `**** 1234`, `XXXX1234`, `•••• 1234`: one mask group of four, then the last 4.
    let short = nlead == 0
        && last.digits == 4
        && match groups {
            [only] => only.masks == 4,
            [mask, _] => mask.masks == 4 && mask.digits == 0 && last.masks == 0,
            _ => false,
        };
    if masks < 2 || !(full || short) || !card::plausible_prefix(&lead[..nlead]) {
        return false;
    }
    let mut basis = Basis::SHAPE;
    if nlead > 0 {
        basis |= Basis::NUMBER_PLAN;
    }
    if s.hint.supports(PiiType::CardPartial) || s.hint.supports(PiiType::CardNumber) {
        basis |= Basis::FIELD;
    }
    s.push(start, end, PiiType::CardPartial, basis)
}

/// A dotted quad: an IPv4 address unless it reads as a version string.
fn ipv4(s: &mut Scan, start: usize, end: usize) -> bool {
    let v = s.v;
    if !ip::is_ipv4(&v[start..end]) {
        return false;
    }
    // Part of a longer dotted run (`1.2.3.4.5`), or written like a version.
    let glued_after = end + 1 < v.len() && v[end] == b'.' && v[end + 1].is_ascii_digit();
    let before = start.checked_sub(1).map(|i| v[i]);
    let glued_before = matches!(before, Some(b'.') | Some(b'v') | Some(b'V'));
    if glued_after
        || glued_before
        || after_product(&v[..start])
        || s.hint.denies_weak && !s.hint.supports(PiiType::IpAddress)
    {
        return false;
    }
    if says_version(&v[start.saturating_sub(16)..start]) {
        return false;
    }
    let mut basis = Basis::SHAPE;
    if s.hint.supports(PiiType::IpAddress) {
        basis |= Basis::FIELD;
    }
    s.push(start, end, PiiType::IpAddress, basis)
}

/// Whether `before` (the text before a dotted quad) ends with a product token of a user
/// agent, so the quad is its version: Firefox's `rv:` (`rv:1.9.2.20`, not `srv:`), or a
/// product name, capitalised, and `/` (`Chrome/10.0.648.204`, `Version/4.0.5.1`), which a
/// path (`/api/10.0.0.1`) or a label (`IP/10.0.0.1`) is not.
fn after_product(before: &[u8]) -> bool {
    match before {
        [head @ .., b':'] => word_before(head).eq_ignore_ascii_case(b"rv"),
        [head @ .., b'/'] => {
            let name = word_before(head);
            name.first().is_some_and(u8::is_ascii_uppercase)
                && name.iter().any(u8::is_ascii_lowercase)
        }
        _ => false,
    }
}

/// The alphanumeric word that ends `head`.
fn word_before(head: &[u8]) -> &[u8] {
    let n = head
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    &head[head.len() - n..]
}

/// Whether `window` (the text before a dotted quad) holds `version`, `ver ` or `build`, in
/// any case: one pass that compares only where a `v` or `b` stands.
fn says_version(window: &[u8]) -> bool {
    (0..window.len()).any(|i| {
        let rest = &window[i..];
        let starts =
            |word: &[u8]| rest.len() >= word.len() && rest[..word.len()].eq_ignore_ascii_case(word);
        match rest[0] | 0x20 {
            b'v' => starts(b"ver ") || starts(b"version"),
            b'b' => starts(b"build"),
            _ => false,
        }
    })
}

/// Looks back from the first digit `p` over mask groups written before it
/// (`XXXX-XXXX-XXXX-`, `**** `, `•••• •••• `); returns where the run starts.
fn look_back_masks(v: &[u8], p: usize, floor: usize) -> usize {
    // Most runs have neither a mask character nor a separator before them.
    if p <= floor || !matches!(v[p - 1], b'*' | b'#' | b'X' | b'x' | 0xA2 | b' ' | b'-') {
        return p;
    }
    let glued_to_word = |j: usize| j > floor && v[j - 1].is_ascii_alphanumeric();
    let mask_start = |mut j: usize| {
        while let m @ 1.. = mask_len_before(v, j, floor) {
            j -= m;
        }
        j
    };
    let mut start = mask_start(p);
    if glued_to_word(start) {
        return p;
    }
    // Groups written apart need three mask characters or more (`XXXX-`, `****`): a lone
    // `x` before a number is a word.
    while start > floor && matches!(v[start - 1], b' ' | b'-') {
        let group = mask_start(start - 1);
        if start - 1 - group < 3 || glued_to_word(group) {
            break;
        }
        start = group;
    }
    start
}

/// The length of the mask character ending just before `j` (0 if none).
fn mask_len_before(v: &[u8], j: usize, floor: usize) -> usize {
    if j <= floor {
        return 0;
    }
    match v[j - 1] {
        b'*' | b'#' | b'X' | b'x' => 1,
        _ if j >= floor + BULLET.len() && v[..j].ends_with(BULLET) => BULLET.len(),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::{
        decided_before_phone, four_groups_read, four_groups_settled, holds_date, holds_no_value,
        interpret_all, joined_before, lone_run, no_sub_run_reads, one_mask_before, plain_run_end,
        read_in_full, read_lone, read_run, says_version, trunk_before_paren, First, Group, Reading,
        Run,
    };
    use crate::detect::pattern::PatternSet;
    use crate::detect::tests::{find, types};
    use crate::detect::{Detector, Scan};
    use crate::format::FieldHint;
    use crate::types::{Basis, PiiType, Region};
    use proptest::prelude::*;
    use std::sync::LazyLock;

    static DET: LazyLock<Detector> =
        LazyLock::new(|| Detector::builtin().expect("built-in patterns load"));

    /// Pieces of text around digit runs: digit groups, separators, masks, letters, keywords.
    /// Field hints the run proptests read under: none, or one type the field supports.
    fn supported() -> impl Strategy<Value = u32> {
        prop::sample::select(vec![
            0u32,
            1 << PiiType::Phone as u32,
            1 << PiiType::CardNumber as u32,
            1 << PiiType::CardPartial as u32,
            1 << PiiType::Aadhaar as u32,
            1 << PiiType::UsSsn as u32,
            1 << PiiType::IpAddress as u32,
        ])
    }

    /// A pass over `v` from its start, under the built-in detector.
    fn scan_of<'a, 'o>(
        v: &'a [u8],
        hint: FieldHint,
        tentative: bool,
        out: &'o mut Vec<crate::detect::Hit>,
    ) -> Scan<'a, 'o> {
        Scan::new(&DET, v, hint, out, tentative)
    }

    fn piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "1",
            "12",
            "123",
            "2024",
            "98765",
            "4111",
            "555",
            "0091",
            "9876543210",
            " ",
            "-",
            ".",
            "/",
            "(",
            ")",
            "+",
            "X",
            "*",
            "\u{2022}",
            "T",
            "a",
            ":",
            ",",
            "phone ",
            "card ",
            "ssn ",
            "aadhaar ",
        ])
    }

    proptest! {
        /// A run the cheap test refuses yields nothing when it is read in full.
        #[test]
        fn refused_runs_hold_no_value(
            pieces in prop::collection::vec(piece(), 1..14),
            supports in supported(),
            denies_weak in any::<bool>(),
            tentative in any::<bool>(),
        ) {
            let text = pieces.concat();
            let v = text.as_bytes();
            let hint = FieldHint { supports, denies_weak, names_thing: false };
            for p in (0..v.len()).filter(|&p| v[p].is_ascii_digit()) {
                let mut out = Vec::new();
                let mut s = scan_of(v, hint, tentative, &mut out);
                let digits_end = (p..v.len()).find(|&e| !v[e].is_ascii_digit()).unwrap_or(v.len());
                let mut run = Run::default();
                if read_run(&s, p, digits_end, v.len(), &mut run).is_ok()
                    && holds_no_value(&s, &run)
                {
                    interpret_all(&mut s, &run);
                    prop_assert!(out.is_empty(), "{text:?} at {p}: {out:?}");
                }
            }
        }
    }

    proptest! {
        /// A run the lean reader settles is one the full reading refuses, ending at the
        /// same place.
        #[test]
        fn lean_reader_agrees_with_full_reading(
            pieces in prop::collection::vec(piece(), 1..14),
            supports in prop::sample::select(vec![
                0u32,
                1 << PiiType::Phone as u32,
                1 << PiiType::CardPartial as u32,
            ]),
            floor in 0usize..4,
        ) {
            lean_reader_agrees(&pieces.concat(), supports, floor)?;
        }

        /// The same on runs of digit groups (dates and times, versions, phones, cards),
        /// four groups or more among them.
        #[test]
        fn lean_reader_agrees_on_group_runs(
            groups in prop::collection::vec(
                ("[0-9]{1,8}", prop::sample::select(vec![" ", "-", ".", "/"])),
                1..7,
            ),
            tail in prop::sample::select(vec!["", " ", ":26", ")", "x", "X", "-", " 5", ".1", "T"]),
            supports in prop::sample::select(vec![0u32, 1 << PiiType::Phone as u32]),
            floor in 0usize..3,
        ) {
            let mut text = String::new();
            for (digits, sep) in &groups {
                if !text.is_empty() {
                    text.push_str(sep);
                }
                text.push_str(digits);
            }
            text.push_str(tail);
            lean_reader_agrees(&text, supports, floor)?;
        }
    }

    /// Checks at every digit of `text` that a run the lean reader settles is one the full
    /// reading refuses, ending at the same place.
    fn lean_reader_agrees(text: &str, supports: u32, floor: usize) -> Result<(), TestCaseError> {
        let v = text.as_bytes();
        let hint = FieldHint {
            supports,
            ..FieldHint::default()
        };
        for p in (floor..v.len()).filter(|&p| v[p].is_ascii_digit()) {
            let mut out = Vec::new();
            let s = Scan {
                floor,
                ..scan_of(v, hint, false, &mut out)
            };
            let e = (p..v.len())
                .find(|&e| !v[e].is_ascii_digit())
                .unwrap_or(v.len());
            // [`lone_run`] calls the lean reader on neither.
            if joined_before(&s, p) || trunk_before_paren(v, p, e, v.len()) {
                continue;
            }
            let Some(end) = plain_run_end(&s, p, e, v.len()) else {
                continue;
            };
            let mut run = Run::default();
            match read_run(&s, p, e, v.len(), &mut run) {
                Err(full) => prop_assert_eq!(full, end, "{:?} at {}", text, p),
                Ok(()) => {
                    prop_assert!(holds_no_value(&s, &run), "{:?} at {}", text, p);
                    prop_assert_eq!(run.groups[run.len - 1].end, end, "{:?} at {}", text, p);
                }
            }
        }
        Ok(())
    }

    proptest! {
        /// A run [`one_mask_before`] settles is one the full reading settles at the end of
        /// its digits with nothing found.
        #[test]
        fn one_mask_runs_hold_no_value(
            pieces in prop::collection::vec(
                prop::sample::select(vec![
                    "#", "x", "X", "*", "\u{2022}", "12", "4111", "98765", " ", "-", ".", ")",
                    "(", "+", "a", ";", "9876543210",
                ]),
                1..10,
            ),
            supports in supported(),
            floor in 0usize..3,
        ) {
            let text = pieces.concat();
            let v = text.as_bytes();
            let hint = FieldHint { supports, ..FieldHint::default() };
            for p in (floor..v.len()).filter(|&p| v[p].is_ascii_digit()) {
                let mut out = Vec::new();
                let mut s = Scan { floor, ..scan_of(v, hint, false, &mut out) };
                let e = (p..v.len()).find(|&e| !v[e].is_ascii_digit()).unwrap_or(v.len());
                let mut run = Run::default();
                if one_mask_before(&s, p, e, v.len()) {
                    let end = match read_run(&s, p, e, v.len(), &mut run) {
                        Err(end) => end,
                        Ok(()) => {
                            prop_assert!(holds_no_value(&s, &run), "{:?} at {}", text, p);
                            interpret_all(&mut s, &run);
                            run.groups[run.len - 1].end
                        }
                    };
                    prop_assert_eq!(end, e, "{:?} at {}", text, p);
                    prop_assert!(out.is_empty(), "{:?} at {}", text, p);
                }
            }
        }
    }

    #[test]
    fn one_mask_runs_settled_at_once() {
        let settled = |text: &str| {
            let v = text.as_bytes();
            let p = v.iter().position(u8::is_ascii_digit).expect("a digit");
            let e = (p..v.len())
                .find(|&e| !v[e].is_ascii_digit())
                .unwrap_or(v.len());
            let mut out = Vec::new();
            let s = scan_of(v, FieldHint::default(), false, &mut out);
            one_mask_before(&s, p, e, v.len())
        };
        for text in ["] #58038 customer", "; x64)", "#3, ", "x64"] {
            assert!(settled(text), "{text}");
        }
        for text in [
            "XX1234",
            "a#5",
            "XXXX #1234",
            "#12-48",
            "#12X",
            "X1234 5678",
            "41",
        ] {
            assert!(!settled(text), "{text}");
        }
    }

    proptest! {
        /// The one-pass keyword test before a dotted quad agrees with a search per word.
        #[test]
        fn says_version_matches_word_search(
            pieces in prop::collection::vec(
                prop::sample::select(vec!["ver", "Ver ", "VERSION", "sion", "build", "Buil", "v", "b", " ", "x", "1."]),
                0..8,
            ),
        ) {
            let text = pieces.concat();
            let window = text.as_bytes();
            let says = |word: &[u8]| window.windows(word.len()).any(|w| w.eq_ignore_ascii_case(word));
            let naive = says(b"version") || says(b"ver ") || says(b"build");
            prop_assert_eq!(says_version(window), naive, "{:?}", text);
        }
    }

    #[test]
    fn four_groups_settled_on_dates_versions_and_addresses() {
        let settled = |digits: [usize; 4], seps: &[u8; 3]| {
            let seps = [0, seps[0], seps[1], seps[2]];
            let quick = four_groups_settled(&digits, &seps);
            if let Some(none) = quick {
                assert_eq!(
                    none,
                    four_groups_read(&digits, &seps),
                    "{digits:?} {seps:?}"
                );
            }
            quick
        };
        // A date and its hour, versions: no sub-run reads.
        assert_eq!(settled([4, 2, 2, 2], b"-- "), Some(true)); // 2024-05-06 22
        assert_eq!(settled([4, 2, 2, 1], b"//-"), Some(true)); // 2024/05/06-7
        assert_eq!(settled([3, 1, 4, 3], b"..."), Some(true)); // 119.0.6045.193
        assert_eq!(settled([2, 1, 5, 4], b"..."), Some(true)); // 10.0.19041.2802
        assert_eq!(settled([2, 2, 4, 3], b"/./"), Some(true)); // 12/12.2024/123

        // A dotted quad, a dotted NANP number: a sub-run reads.
        assert_eq!(settled([3, 3, 3, 3], b"..."), Some(false)); // 192.168.248.232
        assert_eq!(settled([1, 3, 3, 4], b"..."), Some(false)); // 1.555.555.0100
        assert_eq!(settled([3, 3, 4, 2], b"../"), Some(false)); // 555.555.0100/12
        assert_eq!(settled([2, 2, 2, 3], b"..."), Some(false)); // 01.02.03.123

        // Left to the general test: a date with a longer tail, a card, a date last.
        assert_eq!(settled([2, 2, 4, 2], b"-- "), None); // 12-12-2024 10
        assert_eq!(settled([4, 2, 2, 3], b"-- "), None); // 2024-05-06 123
        assert_eq!(settled([4, 4, 4, 4], b"   "), None);
        assert_eq!(settled([3, 4, 2, 2], b" --"), None);
    }

    proptest! {
        /// Where the four-group fast path settles a run, it agrees with the sub-run test.
        #[test]
        fn four_groups_settled_agrees_with_sub_runs(
            digits in prop::array::uniform4(prop::sample::select(vec![1usize, 2, 2, 3, 3, 4, 4, 5, 6])),
            seps in prop::array::uniform3(prop::sample::select(vec![b' ', b'-', b'.', b'/'])),
            date in prop::sample::select(vec![None, Some([4, 2, 2]), Some([2, 2, 4]), Some([2, 2, 2]), Some([1, 1, 4])]),
            date_sep in prop::sample::select(vec![None, Some(b'-'), Some(b'/'), Some(b'.')]),
        ) {
            let mut digits = digits;
            let mut seps = [0, seps[0], seps[1], seps[2]];
            // Dates and dotted runs are rare among random groups: write some on purpose.
            if let Some(date) = date {
                digits[..3].copy_from_slice(&date);
            }
            if let Some(sep) = date_sep {
                seps[1..3].copy_from_slice(&[sep, sep]);
            }
            if let Some(none) = four_groups_settled(&digits, &seps) {
                prop_assert_eq!(none, four_groups_read(&digits, &seps), "{:?} {:?}", digits, seps);
            }
        }
    }

    proptest! {
        /// The sub-run test agrees with asking every sub-run in turn whether it may read.
        #[test]
        fn no_sub_run_reads_asks_every_sub_run(
            written in prop::collection::vec(
                (
                    prop::sample::select(vec![1u8, 2, 2, 3, 3, 4, 4, 4, 6, 7, 10]),
                    prop::sample::select(vec![b' ', b'-', b'.', b'/']),
                ),
                1..=8,
            ),
        ) {
            let groups: Vec<Group> = written
                .iter()
                .enumerate()
                .map(|(k, &(digits, sep))| Group {
                    digits,
                    sep: if k == 0 { 0 } else { sep },
                    ..Group::default()
                })
                .collect();
            let n = groups.len();
            let reads = |a: usize, b: usize| {
                let sub = &groups[a..b];
                let split = sub[1..].iter().any(|g| matches!(g.sep, b'.' | b'/'));
                let digits: usize = sub.iter().map(|g| usize::from(g.digits)).sum();
                let dots = sub[1..].iter().all(|g| g.sep == b'.');
                let quad = sub.len() == 4 && dots && sub.iter().all(|g| g.digits <= 3);
                let lens: Vec<u8> = sub.iter().map(|g| g.digits).collect();
                let nanp_dots = lens == [3, 3, 4] && dots;
                let plain = !split
                    && ((7..=19).contains(&digits) || (digits == 4 && sub.len() == n))
                    && !holds_date(sub);
                quad || nanp_dots || plain
            };
            let naive = !(0..n).any(|a| (a + 1..=n).any(|b| reads(a, b)));
            prop_assert_eq!(no_sub_run_reads(&groups), naive, "{:?}", written);
        }

        /// A lone group read on its own finds what the full reading finds.
        #[test]
        fn lone_groups_read_as_full_runs(
            pieces in prop::collection::vec(piece(), 1..10),
            supports in supported(),
            tentative in any::<bool>(),
        ) {
            let text = pieces.concat();
            let v = text.as_bytes();
            let hint = FieldHint { supports, ..FieldHint::default() };
            for p in (0..v.len()).filter(|&p| v[p].is_ascii_digit()) {
                let (mut lone, mut full) = (Vec::new(), Vec::new());
                let digits = (p..v.len()).find(|&e| !v[e].is_ascii_digit()).unwrap_or(v.len());
                let First::Lone(e) =
                    lone_run(&mut scan_of(v, hint, tentative, &mut lone), p, digits, v.len())
                else {
                    continue;
                };
                let end = read_lone(&mut scan_of(v, hint, tentative, &mut lone), p, e, v.len());
                let full_end = read_in_full(&mut scan_of(v, hint, tentative, &mut full), p, e, v.len());
                prop_assert_eq!(end, full_end, "{:?} at {}", text, p);
                prop_assert_eq!(&lone, &full, "{:?} at {}", text, p);
            }
        }
    }

    #[test]
    fn long_runs_settled_by_their_sub_runs() {
        let refused = |text: &str, supports: u32| {
            let v = text.as_bytes();
            let mut out = Vec::new();
            let s = scan_of(
                v,
                FieldHint {
                    supports,
                    ..FieldHint::default()
                },
                false,
                &mut out,
            );
            let e = (0..v.len())
                .find(|&e| !v[e].is_ascii_digit())
                .unwrap_or(v.len());
            let mut run = Run::default();
            read_run(&s, 0, e, v.len(), &mut run).is_ok() && holds_no_value(&s, &run)
        };
        for text in ["2024-05-06 22:26", "120.0.6099.130 Safari", "10.0.19041.1"] {
            assert!(refused(text, 0), "{text}");
        }
        for text in [
            "10.2.3.4",
            "91 98765 43210 12",
            "12 555.555.4111",
            "2024-05-29 123-45-6789",
            "1-2-3-4",
            "1.2.3.4.5",
        ] {
            assert!(!refused(text, 0), "{text}");
        }
        assert!(!refused(
            "2024-05-06 22:26",
            1 << PiiType::CardPartial as u32
        ));
    }

    #[test]
    fn lean_reader_settles_the_common_runs() {
        let scan = |text: &'static str| {
            let v = text.as_bytes();
            let e = (0..v.len())
                .find(|&e| !v[e].is_ascii_digit())
                .unwrap_or(v.len());
            let mut out = Vec::new();
            let s = scan_of(v, FieldHint::default(), false, &mut out);
            plain_run_end(&s, 0, e, v.len())
        };
        assert_eq!(scan("2024-04-26T10:00:00Z"), Some(7));
        assert_eq!(scan("31070.81 INR"), Some(8));
        assert_eq!(scan("06/32"), Some(5));
        assert_eq!(scan("1980-02-24, x"), Some(10));
        assert_eq!(scan("5.14.2"), Some(6));
        // Four groups, no sub-run a value: a date and its hour, versions.
        assert_eq!(scan("2024-05-29 08:52"), Some(13));
        assert_eq!(scan("120.0.6099.130 Safari"), Some(14));
        assert_eq!(scan("10.0.19041.3436)"), Some(15));
        // Values, or runs the full reading must decide.
        assert_eq!(scan("555.555.4111"), None);
        assert_eq!(scan("123-45-6789"), None);
        assert_eq!(scan("12-34"), None);
        assert_eq!(scan("10.2.3.4"), None);
        assert_eq!(scan("2024-05-29 08 12:00"), None);
        assert_eq!(scan("29-05-2024 08:52"), None);
        assert_eq!(scan("1-2-3-4"), None);
        assert_eq!(scan("4111 XXXX"), None);
    }

    #[test]
    fn groups_longer_than_255_digits_saturate() {
        // A count kept in a `u8` once wrapped here (and overflowed in debug builds): a group
        // of 266 digits read as one of 10, a phone's length.
        let long = "1".repeat(256);
        let text = format!("12-{long}9876543210 x");
        let v = text.as_bytes();
        let mut out = Vec::new();
        let s = scan_of(v, FieldHint::default(), false, &mut out);
        let mut run = Run::default();
        assert!(read_run(&s, 0, 2, v.len(), &mut run).is_ok());
        assert_eq!(run.groups[0].digits, 2);
        assert_eq!(run.groups[1].digits, u8::MAX);
        for text in [
            format!("call +91 98765-{long}43210 now"),
            format!("call +91 {long}9876543210 now"),
            format!("id 12-7{long}9876543210"),
        ] {
            assert_eq!(find(&text), [], "{text}");
        }
    }

    #[test]
    fn reads_runs_as_their_types() {
        assert_eq!(
            find("x 2345 6789 0124 y"),
            [("2345 6789 0124".into(), PiiType::Aadhaar)]
        );
        assert_eq!(
            find("ssn 123-45-6780"),
            [("123-45-6780".into(), PiiType::UsSsn)]
        );
        assert_eq!(
            find("from 10.2.3.4 at"),
            [("10.2.3.4".into(), PiiType::IpAddress)]
        );
        assert_eq!(
            find("(415) 555-2671"),
            [("(415) 555-2671".into(), PiiType::Phone)]
        );
        // An area code in parentheses after an assigned country code, and not after `+2`,
        // which is none: the number is the NANP one after it, not +226 7362 8910.
        assert_eq!(
            find("tel +44 (20) 7946 0018"),
            [("+44 (20) 7946 0018".into(), PiiType::Phone)]
        );
        assert_eq!(
            find("tel +2(267)362-8910"),
            [("(267)362-8910".into(), PiiType::Phone)]
        );
        assert_eq!(
            find("call 555.555.4111 now"),
            [("555.555.4111".into(), PiiType::Phone)]
        );
        assert_eq!(find("on 1980-02-24, 06/32, 537.36, 2024-04-26T10:00"), []);
        assert_eq!(find("v1.2.3.4"), []);
        assert_eq!(find("10.0.19041.1"), []);
        assert_eq!(find("1.2.3.4.5"), []);
        // One mask character makes no masked card; parts of four digits no address.
        assert_eq!(find("Win64; x64) #79131 Ave 2 #12-48"), []);
        assert_eq!(find("Chrome/120.0.6099.130 Safari"), []);
    }

    #[test]
    fn a_date_and_time_is_no_number_in_any_region() {
        let set = PatternSet::builtin().expect("built-in patterns load");
        for region in [
            *b"US", *b"GB", *b"SG", *b"IN", *b"FR", *b"DE", *b"ES", *b"IT", *b"DK", *b"SE", *b"JP",
            *b"RU", *b"BR",
        ] {
            let det = Detector::new(&set, None, Region(region));
            let found = |text: &str| types(&det, text);
            for text in [
                "[2024-05-29 08:52] #58038 customer> hello",
                "2024-05-29 08:52:11 login ok",
                "at 29/05/2024 08:52",
                "shipped 01-05-1990, joined 12.05.2019",
                "v10.2.3 build 120.0.6099.130",
            ] {
                assert_eq!(found(text), [], "{text} in {region:?}");
            }
            // A number after the date is still read on its own.
            assert_eq!(
                found("2024-05-29 +1 415-555-2671"),
                [("+1 415-555-2671".into(), PiiType::Phone)],
                "{region:?}"
            );
        }
    }

    #[test]
    fn masked_cards() {
        for text in [
            "XXXX-XXXX-XXXX-1234",
            "411111******1111",
            "4111 11** **** 1111",
            "•••• 1234",
            "************1234",
            "**** **** **** 1234",
        ] {
            assert_eq!(
                find(text),
                [(text.to_string(), PiiType::CardPartial)],
                "{text}"
            );
        }
        assert_eq!(find("******3210"), []);
    }

    #[test]
    fn an_extension_ends_the_number() {
        for (text, number) in [
            ("+1-586-487-1746x1597", "+1-586-487-1746"),
            ("342.570.2192x137", "342.570.2192"),
            ("(650) 555-0110 x 1597", "(650) 555-0110"),
            ("(650) 555-0110 #1597", "(650) 555-0110"),
            ("+91 98765 43210 X12", "+91 98765 43210"),
            ("+91 98765 43210 ext. 1597", "+91 98765 43210"),
        ] {
            assert_eq!(find(text), [(number.to_string(), PiiType::Phone)], "{text}");
        }
        // No extension: seven digits after the mask, a group joined after them, or a group
        // of fewer than four digits before it.
        assert_eq!(find("+1-586-487-1746x1597123"), []);
        assert_eq!(find("+1-586-487-1746x15-97"), []);
        assert_eq!(find("4111 11x1 1111 1111"), []);
    }

    #[test]
    fn a_decimal_fraction_starts_no_number() {
        assert_eq!(find("phone -47.9545925 154.080972"), []);
        assert_eq!(find("phone 12.9876543210"), []);
        // Dots that are the run's own separators still read, the NANP trunk with them.
        assert_eq!(
            find("call 1.800.555.0199"),
            [("1.800.555.0199".into(), PiiType::Phone)]
        );
    }

    #[test]
    fn a_user_agent_version_is_no_address() {
        assert_eq!(find("en-US; rv:1.9.2.20) Gecko/20110803"), []);
        assert_eq!(find("Chrome/11.0.696.34 Safari/534.24"), []);
        for text in ["srv:10.20.30.40", "/api/10.20.30.40", "IP/10.20.30.40"] {
            assert_eq!(
                find(text),
                [("10.20.30.40".into(), PiiType::IpAddress)],
                "{text}"
            );
        }
    }

    /// The phones `det` finds in `text`, a value of `field`.
    fn phones_in(det: &Detector, field: &str, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        det.detect(text.as_bytes(), det.field_hint(field.as_bytes()), &mut out);
        out.iter()
            .filter(|h| h.ty == PiiType::Phone)
            .map(|h| text[h.start..h.end].to_string())
            .collect()
    }

    #[test]
    fn a_national_number_is_strong_only_as_its_plan_writes_it() {
        let set = PatternSet::builtin().expect("built-in patterns load");
        let in_field = |region: &[u8; 2], field: &str, text: &str| {
            phones_in(&Detector::new(&set, None, Region(*region)), field, text)
        };
        for (region, text, number) in [
            (b"US", "ORD-2025-780048", "2025-780048"),
            (b"GB", "ISBN 0-800-12346-8", "0-800-12346-8"),
            (b"IN", "ref 978-1-967307", "978-1-967307"),
            // `00` and a country code (+95) only as digits, split across groups (an ISBN-10's
            // `0-09-507436-0` has too few digits after them to be read at all).
            (b"IN", "ref 0-09-5074361-0", "0-09-5074361-0"),
            // `00` and a country code (+81) split across groups.
            (b"IN", "ISBN 008-1-00604-818", "008-1-00604-818"),
            // Groupings the region's plan does not write.
            (b"FR", "ISBN 0-612-34567-8", "0-612-34567-8"),
            (b"ES", "ref 6123-45678", "6123-45678"),
            // Under a plan of lengths only: an ISSN, and an EAN-13 with a leading 0.
            (b"DE", "ISSN 0462-3440", "0462-3440"),
            (b"DE", "EAN 0298383974208", "0298383974208"),
            // An ISBN-10's first groups under a plan that leaves its prefix out.
            (b"BR", "ISBN 1-94635-335-5", "1-94635-335-5"),
        ] {
            // Weak: no phone in an order or ISBN field, one in a phone field.
            assert_eq!(
                in_field(region, "order_id", text),
                [] as [String; 0],
                "{text}"
            );
            assert_eq!(in_field(region, "isbn", text), [] as [String; 0], "{text}");
            assert_eq!(in_field(region, "phone", text), [number], "{text}");
        }
        for (region, text) in [
            (b"US", "415 555 2671"),
            (b"GB", "020 7946 0958"),
            (b"GB", "01632 960000"),
            (b"IN", "011-23456789"),
            (b"IN", "098765 43210"),
            (b"IN", "9876 543 210"),
            (b"IN", "0091 98765 43210"),
            (b"IN", "00 91 98765 43210"),
            (b"FR", "06 12 34 56 78"),
            (b"FR", "06.12.34.56.78"),
            (b"FR", "+33.6.12.34.56.78"),
            (b"FR", "+33-6-12-34-56-78"),
            (b"BE", "+32.475.12.34.56"),
            (b"DE", "030 1234567"),
            (b"DE", "(04736) 73692"),
            (b"ES", "612 34 56 78"),
            (b"IT", "350 087 7036"),
            (b"BR", "32 2601-8159"),
            (b"BR", "(11) 91234-5678"),
            (b"DK", "23 56 53 59"),
            (b"SE", "08-123 456 78"),
            (b"JP", "090-0931-3664"),
            (b"RU", "8 495 123-45-67"),
        ] {
            assert_eq!(in_field(region, "order_id", text), [text], "{text}");
        }
        // Numbers written with dots in groups other than pairs: phones in a phone field
        // only (elsewhere such runs are amounts and versions); in a phone field, amounts,
        // dates and numbers of no plan stay none.
        for (region, text) in [
            (b"ES", "970.011.098"),
            (b"PT", "912.345.678"),
            (b"IN", "98765.43210"),
            (b"IN", "+91.98765.43210"),
            (b"AU", "+61.491.570.156"),
        ] {
            assert_eq!(in_field(region, "phone", text), [text], "{text}");
            assert_eq!(
                in_field(region, "amount", text),
                [] as [String; 0],
                "{text}"
            );
            assert_eq!(in_field(region, "notes", text), [] as [String; 0], "{text}");
        }
        // An area code in parentheses, then a dash.
        for (region, text) in [(b"NL", "(0543)-231948"), (b"US", "(415)-555-2671")] {
            assert_eq!(in_field(region, "phone", text), [text], "{text}");
        }
        for (region, text) in [
            (b"ES", "12.50"),
            (b"ES", "2024.05.06"),
            (b"ES", "1.234.567"),
        ] {
            assert_eq!(in_field(region, "phone", text), [] as [String; 0], "{text}");
        }
        // Dotted runs that are no dotted pairs of a number with its `+` or trunk `0`: a
        // version, a last group of three digits, four groups; and a dotted French number
        // under a plan it does not fit (India's).
        for (region, text) in [
            (b"FR", "1.12.34.56.78"),
            (b"FR", "06.12.34.56.789"),
            (b"FR", "06.12.34.56"),
            (b"FR", "v2.06.12.34.56.78"),
            (b"IN", "06.12.34.56.78"),
        ] {
            assert_eq!(in_field(region, "phone", text), [] as [String; 0], "{text}");
        }
    }

    #[test]
    fn under_an_assumed_region_a_phone_field_reads_other_plans() {
        let set = PatternSet::builtin().expect("built-in patterns load");
        let phones = |assumed: bool, field: &str, text: &str| {
            let det = Detector::new(&set, None, Region::IN).with_region(Region::IN, assumed);
            phones_in(&det, field, text)
        };
        // Dutch and Australian numbers in no Indian plan.
        for text in [
            "0580-730215",
            "(0642) 621299",
            "02 9876 5432",
            "07 3123 4567",
        ] {
            assert_eq!(phones(true, "phone", text), [text], "{text}");
            // Under a region given or read from the input, or outside a phone field: none.
            assert_eq!(phones(false, "phone", text), [] as [String; 0], "{text}");
            assert_eq!(phones(true, "order_id", text), [] as [String; 0], "{text}");
        }
        // No number of any plan: a placeholder, too few digits.
        for text in ["0000000000", "012345"] {
            assert_eq!(phones(true, "phone", text), [] as [String; 0], "{text}");
        }
    }

    #[test]
    fn a_twelve_digit_maestro_is_a_card_in_a_card_field_only() {
        let mut out = Vec::new();
        DET.detect(b"503874647004", DET.field_hint(b"card_number"), &mut out);
        assert_eq!(
            out.iter()
                .map(|h| (h.start, h.end, h.ty))
                .collect::<Vec<_>>(),
            [(0, 12, PiiType::CardNumber)]
        );
        for text in ["503874647004", "card 503874647004", "card 5038 7464 7004"] {
            assert!(
                find(text).iter().all(|(_, ty)| *ty != PiiType::CardNumber),
                "{text}"
            );
        }
    }

    #[test]
    fn sub_runs_are_tried() {
        assert_eq!(
            find("call +91 98765 43210 2 times"),
            [("+91 98765 43210".into(), PiiType::Phone)]
        );
        assert_eq!(
            find("ref 12 2345 6789 0124"),
            [("2345 6789 0124".into(), PiiType::Aadhaar)]
        );
    }

    #[test]
    fn a_plus_belongs_to_its_first_group() {
        // Service numbers: no phone from the groups after the `+CC` group (they were read as
        // NANP `+1 860 345 1234` and Russian `+7 000 123 4567`).
        for text in [
            "Tel: +91 1860 345 1234",
            "Tel: +65 7000 1234 567",
            "tel +44 (0)20 7946 00",
            "phone +91 5 9876543210",
        ] {
            assert_eq!(find(text), [], "{text}");
        }
        for (text, phones) in [
            ("call +1 415 555 0100 2 times", &["+1 415 555 0100"][..]),
            ("+91 98765 43210 ext 12", &["+91 98765 43210"]),
            (
                "+1 415 555 0100 98765 43210",
                &["+1 415 555 0100", "98765 43210"],
            ),
            // Past the 15 digits a `+` number may have, a number starts of its own.
            ("phone +28 12345 67890 9876543210", &["9876543210"]),
        ] {
            let want: Vec<_> = phones
                .iter()
                .map(|p| (p.to_string(), PiiType::Phone))
                .collect();
            assert_eq!(find(text), want, "{text}");
        }
    }

    #[test]
    fn a_trunk_zero_in_parentheses_is_dropped() {
        for text in [
            "+44 (0)20 7946 0018",
            "+44(0)7700 900123",
            "+91 (0)98765 43210",
        ] {
            assert_eq!(find(text), [(text.into(), PiiType::Phone)], "{text}");
        }
        // The national number must still fit the plan.
        assert_eq!(find("+44 (0)20 7946 00"), []);
        assert_eq!(find("+44 (1)20 7946 0018"), []);
    }

    #[test]
    fn the_nanp_trunk_before_an_area_code_is_part_of_the_number() {
        let set = PatternSet::builtin().expect("built-in patterns load");
        for region in [*b"US", *b"IN"] {
            let det = Detector::new(&set, None, Region(region));
            for text in [
                "1 (312) 515-2239",
                "1(312) 515-2239",
                "call 1 (312) 515 2239",
            ] {
                let number = text.trim_start_matches("call ");
                assert_eq!(
                    types(&det, text),
                    [(number.into(), PiiType::Phone)],
                    "{text} in {region:?}"
                );
            }
            // Only a trunk `1` and a NANP number after it.
            assert_eq!(types(&det, "item 1 (312 units)"), [], "{region:?}");
            assert_eq!(types(&det, "1 (112) 515-2239"), [], "{region:?}");
            assert_eq!(
                types(&det, "2 (312) 515-2239"),
                [("(312) 515-2239".into(), PiiType::Phone)],
                "{region:?}"
            );
        }
    }

    #[test]
    fn grouped_cards_in_a_row_are_each_read() {
        assert_eq!(
            find("4012888888881881 4012-8888-8888-1881 4012 8888 8888 1881"),
            [
                ("4012-8888-8888-1881".into(), PiiType::CardNumber),
                ("4012 8888 8888 1881".into(), PiiType::CardNumber),
            ]
        );
        assert_eq!(
            find("4111 1111 1111 1111-5500-0000-0000-0004"),
            [
                ("4111 1111 1111 1111".into(), PiiType::CardNumber),
                ("5500-0000-0000-0004".into(), PiiType::CardNumber),
            ]
        );
        // Luhn-invalid ids in blocks of four stay unread, however they are joined.
        for text in [
            "2233 4455 6676 5678 2233-4455-6676-5678",
            "1000 2000 3000 4000-5000-6000-7000-8000 9000",
            "2233 4455 6676 5678 2233 4455 6676 5678",
        ] {
            assert_eq!(find(text), [], "{text}");
        }
    }

    #[test]
    fn a_dotted_ssn_needs_its_keyword() {
        assert_eq!(
            find("My social security number is 109.99.6000"),
            [("109.99.6000".into(), PiiType::UsSsn)]
        );
        let mut out = Vec::new();
        DET.detect(b"109.99.6000", DET.field_hint(b"ssn"), &mut out);
        assert_eq!(
            out.iter().map(|h| h.ty).collect::<Vec<_>>(),
            [PiiType::UsSsn]
        );
        for text in [
            "109.99.6000",
            "version 109.99.6000",
            "ssn 000.99.6000",
            "ssn 109.99.6000.1",
            "ssn 1.109.99.6000",
        ] {
            assert_eq!(find(text), [], "{text}");
        }
    }

    #[test]
    fn no_number_is_cut_out_between_dash_joints() {
        assert_eq!(find("078-051121 07805-1121"), []);
        // A number joined by `-` on one side only is still read.
        assert_eq!(
            find("ref 12-098765 43210"),
            [("098765 43210".into(), PiiType::Phone)]
        );
        assert_eq!(
            find("098765 43210-12"),
            [("098765 43210".into(), PiiType::Phone)]
        );
    }

    /// Readings for the slots of `interpret`: card, Aadhaar, SSN, phone, last 4, each of
    /// its own type, present or not, strong or weak.
    fn readings() -> impl Strategy<Value = [Option<Reading>; 5]> {
        let types = [
            PiiType::CardNumber,
            PiiType::Aadhaar,
            PiiType::UsSsn,
            PiiType::Phone,
            PiiType::CardPartial,
        ];
        prop::array::uniform5(any::<Option<bool>>()).prop_map(move |slots| {
            let mut readings = [None; 5];
            for (k, strong) in slots.iter().enumerate() {
                readings[k] = strong.map(|strong| Reading {
                    ty: types[k],
                    strong,
                    basis: Basis::SHAPE,
                });
            }
            readings
        })
    }

    /// The slot `interpret` chooses before the weak readings: the first the field
    /// supports, else the first strong one.
    fn chosen(readings: &[Option<Reading>; 5], hint: FieldHint) -> Option<usize> {
        let find =
            |f: &dyn Fn(&Reading) -> bool| readings.iter().position(|r| r.is_some_and(|r| f(&r)));
        find(&|r| hint.supports(r.ty)).or_else(|| find(&|r| r.strong))
    }

    proptest! {
        /// When the choice is made before the phone reading, the phone reading changes
        /// nothing, whatever it is: a choice is made, and the same one without it.
        #[test]
        fn phone_checks_skipped_only_when_decided(
            mut readings in readings(),
            supports in 0u32..(1 << 12),
            denies_weak in any::<bool>(),
        ) {
            // The card, Aadhaar and SSN readings have lengths of their own: one at most.
            if let Some(k) = readings[..3].iter().position(Option::is_some) {
                for other in (0..3).filter(|&o| o != k) {
                    readings[other] = None;
                }
            }
            let hint = FieldHint { supports, denies_weak, names_thing: false };
            if decided_before_phone(&readings, hint) {
                let with_phone = chosen(&readings, hint);
                prop_assert!(with_phone.is_some());
                readings[3] = None;
                prop_assert_eq!(chosen(&readings, hint), with_phone);
            }
        }
    }
}
