//! Phone number plans: reading a digit string as an E.164 number.
//!
//! Country codes and the lengths of national significant numbers come from Google's
//! libphonenumber metadata (Python package `phonenumbers` 9.0.43, Apache-2.0): every country
//! calling code it knows (the ITU E.164 codes in service), and per code the union of the
//! possible lengths of its regions' numbers. India, Singapore, the NANP (+1) and the United
//! Kingdom get strict plans on top: the leading digits their numbering plans allow (and for
//! the United Kingdom, the length each leading digit takes).

/// The most digits an E.164 number has (ITU-T E.164 section 6).
const MAX_DIGITS: usize = 15;

/// A set of national number lengths as a bit mask (bit `n` for `n` digits).
const fn lens(l: &[u8]) -> u16 {
    let mut mask = 0;
    let mut i = 0;
    while i < l.len() {
        mask |= 1 << l[i];
        i += 1;
    }
    mask
}

/// Country calling codes, sorted, with the national lengths each allows; the regions are
/// those libphonenumber files under the code. Lengths that would pass 15 digits are left out.
#[rustfmt::skip]
const PLANS: &[(u16, u16)] = &[
    (1, lens(&[10])), // US AG AI AS BB BM BS CA DM DO GD GU JM KN KY LC MP MS PR SX TC TT VC VG VI
    (7, lens(&[10, 14])), // RU KZ
    (20, lens(&[8, 9, 10])), // EG
    (27, lens(&[5, 6, 7, 8, 9, 10])), // ZA
    (30, lens(&[10, 11, 12])), // GR
    (31, lens(&[5, 6, 7, 8, 9, 10, 11])), // NL
    (32, lens(&[8, 9])), // BE
    (33, lens(&[9])), // FR
    (34, lens(&[9])), // ES
    (36, lens(&[8, 9])), // HU
    (39, lens(&[6, 7, 8, 9, 10, 11, 12])), // IT VA
    (40, lens(&[6, 9])), // RO
    (41, lens(&[9, 12])), // CH
    (43, lens(&[4, 5, 6, 7, 8, 9, 10, 11, 12, 13])), // AT
    (44, lens(&[9, 10])), // GB GG IM JE
    (45, lens(&[8])), // DK
    (46, lens(&[6, 7, 8, 9, 10, 12])), // SE
    (47, lens(&[5, 8])), // NO SJ
    (48, lens(&[6, 7, 8, 9, 10])), // PL
    (49, lens(&[4, 5, 6, 7, 8, 9, 10, 11, 12, 13])), // DE
    (51, lens(&[8, 9])), // PE
    (52, lens(&[10])), // MX
    (53, lens(&[6, 7, 8, 10])), // CU
    (54, lens(&[10, 11])), // AR
    (55, lens(&[8, 9, 10, 11])), // BR
    (56, lens(&[9, 10, 11])), // CL
    (57, lens(&[8, 10, 11])), // CO
    (58, lens(&[10])), // VE
    (60, lens(&[8, 9, 10])), // MY
    (61, lens(&[5, 6, 7, 8, 9, 10, 12])), // AU CC CX
    (62, lens(&[7, 8, 9, 10, 11, 12, 13])), // ID
    (63, lens(&[6, 8, 9, 10, 11, 12, 13])), // PH
    (64, lens(&[5, 6, 7, 8, 9, 10])), // NZ
    (65, lens(&[8])), // SG
    (66, lens(&[8, 9, 10, 13])), // TH
    (81, lens(&[8, 9, 10, 11, 12, 13])), // JP
    (82, lens(&[5, 6, 8, 9, 10, 11, 12, 13])), // KR
    (84, lens(&[7, 8, 9, 10])), // VN
    (86, lens(&[7, 8, 9, 10, 11, 12])), // CN
    (90, lens(&[7, 10, 12, 13])), // TR
    (91, lens(&[10])), // IN
    (92, lens(&[8, 9, 10, 11, 12])), // PK
    (93, lens(&[9])), // AF
    (94, lens(&[9])), // LK
    (95, lens(&[6, 7, 8, 9, 10])), // MM
    (98, lens(&[4, 5, 6, 7, 10])), // IR
    (211, lens(&[9])), // SS
    (212, lens(&[9])), // MA EH
    (213, lens(&[8, 9])), // DZ
    (216, lens(&[8])), // TN
    (218, lens(&[9])), // LY
    (220, lens(&[7, 9])), // GM
    (221, lens(&[9])), // SN
    (222, lens(&[8])), // MR
    (223, lens(&[8])), // ML
    (224, lens(&[8, 9])), // GN
    (225, lens(&[10])), // CI
    (226, lens(&[8])), // BF
    (227, lens(&[8])), // NE
    (228, lens(&[8])), // TG
    (229, lens(&[10])), // BJ
    (230, lens(&[7, 8, 10])), // MU
    (231, lens(&[7, 8, 9])), // LR
    (232, lens(&[8])), // SL
    (233, lens(&[8, 9])), // GH
    (234, lens(&[10, 11, 12])), // NG
    (235, lens(&[8])), // TD
    (236, lens(&[8])), // CF
    (237, lens(&[8, 9])), // CM
    (238, lens(&[7])), // CV
    (239, lens(&[7])), // ST
    (240, lens(&[9])), // GQ
    (241, lens(&[7, 8])), // GA
    (242, lens(&[9])), // CG
    (243, lens(&[7, 8, 9, 10])), // CD
    (244, lens(&[9])), // AO
    (245, lens(&[7, 9])), // GW
    (246, lens(&[7])), // IO
    (247, lens(&[5, 6])), // AC
    (248, lens(&[7])), // SC
    (249, lens(&[9])), // SD
    (250, lens(&[8, 9])), // RW
    (251, lens(&[9])), // ET
    (252, lens(&[6, 7, 8, 9])), // SO
    (253, lens(&[8])), // DJ
    (254, lens(&[7, 8, 9, 10])), // KE
    (255, lens(&[9])), // TZ
    (256, lens(&[9])), // UG
    (257, lens(&[8])), // BI
    (258, lens(&[8, 9])), // MZ
    (260, lens(&[9])), // ZM
    (261, lens(&[9])), // MG
    (262, lens(&[9])), // RE YT
    (263, lens(&[7, 9, 10])), // ZW
    (264, lens(&[8, 9])), // NA
    (265, lens(&[7, 9])), // MW
    (266, lens(&[8])), // LS
    (267, lens(&[7, 8, 10])), // BW
    (268, lens(&[8, 9])), // SZ
    (269, lens(&[7])), // KM
    (290, lens(&[4, 5])), // SH TA
    (291, lens(&[7])), // ER
    (297, lens(&[7])), // AW
    (298, lens(&[6])), // FO
    (299, lens(&[6])), // GL
    (350, lens(&[8])), // GI
    (351, lens(&[9])), // PT
    (352, lens(&[4, 5, 6, 7, 8, 9, 10, 11])), // LU
    (353, lens(&[7, 8, 9, 10])), // IE
    (354, lens(&[7, 9])), // IS
    (355, lens(&[6, 7, 8, 9])), // AL
    (356, lens(&[8])), // MT
    (357, lens(&[8])), // CY
    (358, lens(&[5, 6, 7, 8, 9, 10, 11, 12])), // FI AX
    (359, lens(&[6, 7, 8, 9, 12])), // BG
    (370, lens(&[8])), // LT
    (371, lens(&[8])), // LV
    (372, lens(&[7, 8, 10])), // EE
    (373, lens(&[8])), // MD
    (374, lens(&[8])), // AM
    (375, lens(&[6, 7, 8, 9, 10, 11])), // BY
    (376, lens(&[6, 8, 9])), // AD
    (377, lens(&[8, 9])), // MC
    (378, lens(&[8, 10])), // SM
    (380, lens(&[9, 10])), // UA
    (381, lens(&[6, 7, 8, 9, 10, 11, 12])), // RS
    (382, lens(&[8, 9])), // ME
    (383, lens(&[8, 9, 10, 11, 12])), // XK
    (385, lens(&[7, 8, 9])), // HR
    (386, lens(&[5, 6, 7, 8])), // SI
    (387, lens(&[8, 9])), // BA
    (389, lens(&[8])), // MK
    (420, lens(&[9, 10, 11, 12])), // CZ
    (421, lens(&[6, 7, 9])), // SK
    (423, lens(&[7, 9])), // LI
    (500, lens(&[5])), // FK
    (501, lens(&[7, 11])), // BZ
    (502, lens(&[8, 11])), // GT
    (503, lens(&[7, 8, 11])), // SV
    (504, lens(&[8, 11])), // HN
    (505, lens(&[8])), // NI
    (506, lens(&[8, 10])), // CR
    (507, lens(&[7, 8, 10, 11])), // PA
    (508, lens(&[6, 9])), // PM
    (509, lens(&[8])), // HT
    (590, lens(&[9])), // GP BL MF
    (591, lens(&[8, 9])), // BO
    (592, lens(&[7])), // GY
    (593, lens(&[8, 9, 10, 11])), // EC
    (594, lens(&[9])), // GF
    (595, lens(&[6, 7, 8, 9, 10, 11])), // PY
    (596, lens(&[9])), // MQ
    (597, lens(&[6, 7])), // SR
    (598, lens(&[4, 5, 6, 7, 8, 9, 10, 11, 12])), // UY
    (599, lens(&[7, 8])), // CW BQ
    (670, lens(&[7, 8])), // TL
    (672, lens(&[6])), // NF
    (673, lens(&[7])), // BN
    (674, lens(&[7])), // NR
    (675, lens(&[7, 8])), // PG
    (676, lens(&[5, 7])), // TO
    (677, lens(&[5, 7])), // SB
    (678, lens(&[5, 7])), // VU
    (679, lens(&[7, 11])), // FJ
    (680, lens(&[7])), // PW
    (681, lens(&[6, 9])), // WF
    (682, lens(&[5])), // CK
    (683, lens(&[4, 7])), // NU
    (685, lens(&[5, 6, 7, 10])), // WS
    (686, lens(&[5, 8])), // KI
    (687, lens(&[6])), // NC
    (688, lens(&[5, 6, 7])), // TV
    (689, lens(&[6, 8, 9])), // PF
    (690, lens(&[4, 5, 6, 7])), // TK
    (691, lens(&[7])), // FM
    (692, lens(&[7])), // MH
    (800, lens(&[8])), // non-geographic
    (808, lens(&[8])), // non-geographic
    (850, lens(&[8, 10])), // KP
    (852, lens(&[5, 6, 7, 8, 9, 11])), // HK
    (853, lens(&[7, 8])), // MO
    (855, lens(&[8, 9, 10])), // KH
    (856, lens(&[8, 9, 10])), // LA
    (870, lens(&[9, 12])), // non-geographic
    (878, lens(&[12])), // non-geographic
    (880, lens(&[6, 7, 8, 9, 10])), // BD
    (881, lens(&[9, 10])), // non-geographic
    (882, lens(&[7, 8, 9, 10, 11, 12])), // non-geographic
    (883, lens(&[8, 9, 10, 11, 12])), // non-geographic
    (886, lens(&[7, 8, 9, 10, 11])), // TW
    (888, lens(&[11])), // non-geographic
    (960, lens(&[7, 10])), // MV
    (961, lens(&[7, 8])), // LB
    (962, lens(&[8, 9])), // JO
    (963, lens(&[8, 9])), // SY
    (964, lens(&[8, 9, 10])), // IQ
    (965, lens(&[7, 8])), // KW
    (966, lens(&[9, 10])), // SA
    (967, lens(&[7, 8, 9])), // YE
    (968, lens(&[7, 8, 9])), // OM
    (970, lens(&[8, 9, 10])), // PS
    (971, lens(&[5, 6, 7, 8, 9, 10, 11, 12])), // AE
    (972, lens(&[7, 8, 9, 10, 11, 12])), // IL
    (973, lens(&[8])), // BH
    (974, lens(&[7, 8, 9, 11])), // QA
    (975, lens(&[7, 8])), // BT
    (976, lens(&[8, 9, 10])), // MN
    (977, lens(&[8, 10, 11])), // NP
    (979, lens(&[9])), // non-geographic
    (992, lens(&[9])), // TJ
    (993, lens(&[8])), // TM
    (994, lens(&[9])), // AZ
    (995, lens(&[9])), // GE
    (996, lens(&[9, 10])), // KG
    (998, lens(&[9])), // UZ
];

/// A phone number in E.164 form: country code then national significant number, as ASCII
/// digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct E164 {
    /// The digits, country code first; only the first `len` are meaningful (the rest are 0).
    digits: [u8; 16],
    /// How many digits there are (at most 15).
    len: u8,
    /// How many of them are the country code (1-3).
    cc_len: u8,
}

impl E164 {
    /// Country code and national number, e.g. `b"919876543210"`: the normal form of a phone.
    pub fn digits(&self) -> &[u8] {
        &self.digits[..usize::from(self.len)]
    }

    /// The country calling code, e.g. `b"91"`.
    pub fn country_code(&self) -> &[u8] {
        &self.digits[..usize::from(self.cc_len)]
    }

    /// The national significant number (no trunk prefix), e.g. `b"9876543210"`.
    pub fn national(&self) -> &[u8] {
        &self.digits[usize::from(self.cc_len)..usize::from(self.len)]
    }

    /// `cc` and `nsn` joined, if `nsn` fits the plan of `cc` (the code of `plan`).
    fn new(cc: &[u8], plan: (u16, u16), nsn: &[u8]) -> Option<E164> {
        let total = cc.len() + nsn.len();
        if total > MAX_DIGITS || !fits(plan, nsn) {
            return None;
        }
        let mut digits = [0u8; 16];
        digits[..cc.len()].copy_from_slice(cc);
        digits[cc.len()..total].copy_from_slice(nsn);
        // Both are at most 15, checked above.
        Some(E164 {
            digits,
            len: total as u8,
            cc_len: cc.len() as u8,
        })
    }
}

/// The value of `d`, 1 to 3 ASCII digits.
fn value(d: &[u8]) -> u16 {
    d.iter().fold(0, |v, &b| v * 10 + u16::from(b - b'0'))
}

/// The national lengths of every code `0..1000` ([`PLANS`] indexed by code; 0: unassigned),
/// so a code is looked up with one load: every digit run read as a phone looks up one to
/// three codes.
static LENGTHS_BY_CODE: [u16; 1000] = {
    let mut t = [0u16; 1000];
    let mut i = 0;
    while i < PLANS.len() {
        t[PLANS[i].0 as usize] = PLANS[i].1;
        i += 1;
    }
    t
};

/// The plan of the country code `cc` (1-3 ASCII digits, no leading zero), if assigned.
fn plan(cc: &[u8]) -> Option<(u16, u16)> {
    if !(1..=3).contains(&cc.len()) || cc[0] == b'0' || !cc.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let code = value(cc);
    let lengths = LENGTHS_BY_CODE[usize::from(code)];
    (lengths != 0).then_some((code, lengths))
}

/// Whether the digit `d` is in `lo..=hi`.
fn between(d: u8, lo: u8, hi: u8) -> bool {
    (lo..=hi).contains(&d)
}

/// NANP `NXX-NXX-XXXX` (10 digits): area and exchange start 2-9 and are not N11 service codes
/// (Wikipedia, "North American Numbering Plan", Numbering system).
fn nanp(n: &[u8]) -> bool {
    let n11 = |x: &[u8]| x[1] == b'1' && x[2] == b'1';
    n.len() == 10
        && between(n[0], b'2', b'9')
        && !n11(&n[..3])
        && between(n[3], b'2', b'9')
        && !n11(&n[3..6])
}

/// The 9-digit United Kingdom numbers: the 01 areas with 5-digit local numbers (`01204
/// 61xxx`, and `016977 xxxx` Brampton), as ranges of their first six digits, the last three
/// free. Every other 01 number has 10 digits. Expanded from the `fixedLine` pattern of GB in
/// libphonenumber's PhoneNumberMetadata.xml (commit 2c7646f7d540099944e775e79446c14904df1cb6),
/// which follows Ofcom's National Telephone Numbering Plan.
#[rustfmt::skip]
const GB_NINE_DIGIT_AREAS: &[(u32, u32)] = &[
    (120461, 120464), (120872, 120879), (125451, 125457), (125459, 125459), (127620, 127629),
    (127631, 127638), (127661, 127666), (129720, 129724), (129732, 129735), (129822, 129828),
    (129870, 129874), (129877, 129879), (129883, 129885), (136382, 136385), (136472, 136473),
    (138470, 138470), (138474, 138479), (138640, 138641), (138645, 138645), (138647, 138649),
    (140441, 140447), (142022, 142023), (142080, 142089), (146030, 146030), (146052, 146055),
    (146057, 146057), (146061, 146068), (146072, 146078), (146140, 146140), (148052, 148052),
    (148871, 148873), (152432, 152437), (152439, 152439), (152460, 152469), (152760, 152769),
    (156260, 156260), (156266, 156269), (156686, 156686), (160640, 160649), (160674, 160677),
    (160679, 160679), (162955, 162957), (163530, 163549), (164724, 164724), (164761, 164761),
    (165950, 165950), (165958, 165958), (165966, 165967), (165974, 165974), (169550, 169554),
    (169772, 169773), (172661, 172661), (172663, 172677), (174420, 174429), (175020, 175023),
    (175032, 175032), (175042, 175042), (175052, 175052), (175062, 175062), (175076, 175076),
    (175082, 175082), (176880, 176889), (182750, 182769), (183752, 183755), (183782, 183783),
    (183789, 183789), (188432, 188435), (188438, 188438), (190061, 190068), (190085, 190085),
    (190520, 190529), (193583, 193583), (194661, 194668), (194920, 194921), (194981, 194981),
    (196323, 196323), (196331, 196334), (199561, 199561),
];

/// United Kingdom national significant numbers (after the trunk 0), by leading digit (Ofcom,
/// National Telephone Numbering Plan; lengths as libphonenumber's GB metadata, commit
/// 2c7646f7d540099944e775e79446c14904df1cb6, gives them):
/// 1 geographic, 10 digits or 9 in [`GB_NINE_DIGIT_AREAS`]; 2 geographic, 3 non-geographic,
/// 7 mobile, personal and pager, 9 premium rate: 10; 5: 55 corporate and 56 VoIP, 10 (050,
/// once freephone 0500, was withdrawn on 5 June 2017: Ofcom, "Telecoms numbering",
/// https://www.ofcom.org.uk/phones-and-broadband/phone-numbers/numbering; 051-054 and 057-059
/// are unassigned); 80 freephone, 84 and 87 special services: 10, or 9 for 0800 (081-083,
/// 085, 086, 088 and 089 are unassigned); 04 and 06 are not in use. (`verify::plan::in_plan`
/// reads the same plan for breach checks, with Ofcom's drama ranges out of it.)
fn gb(nsn: &[u8]) -> bool {
    match (nsn, nsn.len()) {
        ([b'1' | b'2' | b'3' | b'7' | b'9', ..], 10) => true,
        ([b'5', b'5' | b'6', ..], 10) | ([b'8', b'0' | b'4' | b'7', ..], 10) => true,
        ([b'8', b'0', b'0', ..], 9) => true,
        ([b'1', ..], 9) => {
            let first_six = nsn[..6]
                .iter()
                .fold(0u32, |v, &d| v * 10 + u32::from(d - b'0'));
            let after = GB_NINE_DIGIT_AREAS.partition_point(|&(lo, _)| lo <= first_six);
            after > 0 && first_six <= GB_NINE_DIGIT_AREAS[after - 1].1
        }
        _ => false,
    }
}

/// Whether the national significant number `nsn` (ASCII digits) fits `plan`.
fn fits((code, lengths): (u16, u16), nsn: &[u8]) -> bool {
    let Some(&first) = nsn.first() else {
        return false;
    };
    if nsn.len() >= 16 || lengths & (1 << nsn.len()) == 0 {
        return false;
    }
    match code {
        1 => nanp(nsn),
        // India: never 0 (the trunk prefix). 1-8 lead the landline zones (1: Delhi 11,
        // Haryana, Punjab...), 6-9 mobiles (DoT, National Numbering Plan 2003). 1861 leads
        // 13-digit premium-rate numbers (186[12] and 9 digits), and no 10-digit number of any
        // kind: area 186 (Pathankot) has local numbers starting 2-7 (libphonenumber's IN
        // metadata, commit 2c7646f7d540099944e775e79446c14904df1cb6: premiumRate, fixedLine).
        91 => first != b'0' && !nsn.starts_with(b"1861"),
        // Singapore: 3 VoIP, 6 fixed, 8 and 9 mobile (IMDA National Numbering Plan).
        65 => matches!(first, b'3' | b'6' | b'8' | b'9'),
        // United Kingdom: 0 is the trunk prefix, never part of the national number.
        44 => gb(nsn),
        _ => true,
    }
}

/// Reads `digits`, written after `+` or `00`, as country code and national number: the country
/// code by longest prefix among assigned codes, the national number checked against that
/// country's plan. `None` if there is no such reading.
///
/// ```
/// use leakscan::detect::validate::phone;
/// let p = phone::international(b"919876543210").expect("an Indian mobile");
/// assert_eq!(p.country_code(), b"91");
/// assert_eq!(p.national(), b"9876543210");
/// assert!(phone::international(b"9198765432").is_none());
/// ```
pub fn international(digits: &[u8]) -> Option<E164> {
    if digits.len() > MAX_DIGITS || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    (1..=3).rev().find_map(|cc_len| {
        let (cc, nsn) = digits.split_at_checked(cc_len)?;
        E164::new(cc, plan(cc)?, nsn)
    })
}

/// Reads `digits` written without a country code (possibly with the trunk prefix 0) under
/// `region` (ISO 3166 alpha-2, either case): `IN`: 10 digits starting 6-9 (a mobile), or 0
/// and a 10-digit national number; `SG`: 8 digits starting 3, 6, 8 or 9; `US`, `CA`: a
/// 10-digit NANP number, or 1 and one; `GB`: 0 and a national number of the GB plan (9 or 10
/// digits, as its leading digits allow). Other regions: `None`.
///
/// ```
/// use leakscan::detect::validate::phone;
/// let p = phone::national(b"09876543210", *b"IN").expect("an Indian mobile with trunk 0");
/// assert_eq!(p.digits(), b"919876543210");
/// assert!(phone::national(b"9876543210", *b"FR").is_none());
/// ```
pub fn national(digits: &[u8], region: [u8; 2]) -> Option<E164> {
    let (cc, nsn): (&[u8], &[u8]) = match &region.map(|b| b.to_ascii_uppercase()) {
        b"IN" => match digits {
            [b'6'..=b'9', ..] if digits.len() == 10 => (b"91", digits),
            [b'0', rest @ ..] if rest.len() == 10 => (b"91", rest),
            _ => return None,
        },
        b"SG" => (b"65", digits),
        b"US" | b"CA" => match digits {
            [b'1', rest @ ..] if rest.len() == 10 => (b"1", rest),
            _ => (b"1", digits),
        },
        b"GB" => match digits {
            [b'0', rest @ ..] => (b"44", rest),
            _ => return None,
        },
        _ => return None,
    };
    // Shapes the region refuses are refused above without reading every digit.
    if !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    E164::new(cc, plan(cc)?, nsn)
}

/// Whether `cc` (ASCII digits, e.g. `b"91"`) is an assigned country calling code.
///
/// ```
/// use leakscan::detect::validate::phone;
/// assert!(phone::is_country_code(b"91"));
/// assert!(!phone::is_country_code(b"28"));
/// ```
pub fn is_country_code(cc: &[u8]) -> bool {
    plan(cc).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(digits, country code)` that read as numbers. Published fictional numbers: NANPA's
    /// 555-0100..0199 (reserved for fiction), Ofcom's drama numbers (020 7946 0xxx, 07700
    /// 900xxx), ACMA's fictitious numbers (0491 570 156..159), ARCEP's fiction range
    /// (01 99 00 xx xx); the Indian and Singaporean ones are synthetic.
    const VALID: &[(&[u8], &[u8])] = &[
        (b"12025550123", b"1"),
        (b"14165550199", b"1"),
        (b"12425550100", b"1"), // Bahamas, inside +1
        (b"442079460123", b"44"),
        (b"447700900123", b"44"),
        (b"61491570156", b"61"),
        (b"33199001234", b"33"),
        (b"919876543210", b"91"),
        (b"911123456789", b"91"), // Delhi landline, zone 1
        (b"6561234567", b"65"),
        (b"6591234567", b"65"),
        (b"6531234567", b"65"),
        (b"79123456789", b"7"),
        (b"35312345678", b"353"),
        (b"97150123456", b"971"),
        (b"8613812345678", b"86"),
        (b"88213123456", b"882"), // non-geographic (international networks)
    ];

    #[test]
    fn international_valid() {
        for &(d, cc) in VALID {
            let p = international(d).unwrap_or_else(|| panic!("{}", String::from_utf8_lossy(d)));
            assert_eq!(p.country_code(), cc, "{}", String::from_utf8_lossy(d));
            assert_eq!(p.digits(), d);
            assert_eq!([p.country_code(), p.national()].concat(), d);
        }
    }

    #[test]
    fn a_digit_more_or_less_breaks_strict_plans() {
        for d in [&b"12025550123"[..], b"919876543210", b"6561234567"] {
            let shorter = &d[..d.len() - 1];
            let longer = [d, b"0"].concat();
            assert!(
                international(shorter).is_none(),
                "{}",
                String::from_utf8_lossy(shorter)
            );
            assert!(
                international(&longer).is_none(),
                "{}",
                String::from_utf8_lossy(&longer)
            );
        }
        // GB: 10 national digits, 9 only in the 01 areas with 5-digit local numbers and for
        // 0800; never 8 or 11.
        assert!(international(b"4420794601").is_none());
        assert!(international(b"44207946012").is_none());
        assert!(international(b"442079460123").is_some());
        assert!(international(b"44207946012345").is_none());
    }

    #[test]
    fn strict_leading_digits() {
        for bad in [
            &b"10025550123"[..], // NANP area starts 0
            b"11025550123",      // NANP area starts 1
            b"14115550123",      // area 411 is an N11 code
            b"12021550123",      // exchange starts 1
            b"12029110123",      // exchange 911
            b"910876543210",     // India: 0 is the trunk prefix
            b"6571234567",       // Singapore: 7 unused
            b"6521234567",       // Singapore: 2 unused
            b"4402079460123",    // UK: trunk 0 kept after +44
        ] {
            assert!(
                international(bad).is_none(),
                "{}",
                String::from_utf8_lossy(bad)
            );
        }
    }

    #[test]
    fn unassigned_codes_and_bad_input() {
        for bad in [
            &b""[..],
            b"0",
            b"0919876543210",    // no country code starts with 0
            b"2812345678",       // 28x is spare
            b"99912345678",      // 999 is spare
            b"8061234567",       // 80 and 806 are spare
            b"1234567890123456", // 16 digits
            b"91987654321a",
            b"+919876543210",
        ] {
            assert!(
                international(bad).is_none(),
                "{}",
                String::from_utf8_lossy(bad)
            );
        }
    }

    #[test]
    fn national_forms() {
        /// Digits, region, and the E.164 digits expected.
        type Case = (&'static [u8], [u8; 2], Option<&'static [u8]>);
        let cases: &[Case] = &[
            (b"9876543210", *b"IN", Some(b"919876543210")),
            (b"09876543210", *b"IN", Some(b"919876543210")),
            (b"01123456789", *b"IN", Some(b"911123456789")),
            (b"6123456789", *b"IN", Some(b"916123456789")),
            (b"5123456789", *b"IN", None), // a bare 10-digit number must be a mobile
            (b"00123456789", *b"IN", None),
            (b"987654321", *b"IN", None),
            (b"98765432100", *b"IN", None),
            (b"91234567", *b"SG", Some(b"6591234567")),
            (b"61234567", *b"sg", Some(b"6561234567")),
            (b"71234567", *b"SG", None),
            (b"912345678", *b"SG", None),
            (b"2025550123", *b"US", Some(b"12025550123")),
            (b"12025550123", *b"US", Some(b"12025550123")),
            (b"4165550199", *b"CA", Some(b"14165550199")),
            (b"1115550123", *b"US", None),
            (b"22025550123", *b"US", None),
            (b"02079460123", *b"GB", Some(b"442079460123")),
            (b"07700900123", *b"GB", Some(b"447700900123")),
            (b"2079460123", *b"GB", None), // national form needs the trunk 0
            (b"00079460123", *b"GB", None),
            (b"0207946012", *b"GB", None), // London numbers have 10 digits
            (b"9876543210", *b"FR", None),
            (b"98765x3210", *b"IN", None),
            // Every region's shape passes before its digits are read: a letter still fails.
            (b"9123x567", *b"SG", None),
            (b"20255x0123", *b"US", None),
            (b"0207x460123", *b"GB", None),
        ];
        for &(d, region, want) in cases {
            let got = national(d, region);
            assert_eq!(
                got.as_ref().map(E164::digits),
                want,
                "{} in {}",
                String::from_utf8_lossy(d),
                String::from_utf8_lossy(&region)
            );
        }
    }

    #[test]
    fn national_and_international_agree() {
        // A national reading is the international reading of its E.164 digits.
        for (d, region) in [
            (&b"09876543210"[..], *b"IN"),
            (b"91234567", *b"SG"),
            (b"2025550123", *b"US"),
            (b"07700900123", *b"GB"),
        ] {
            let n = national(d, region).expect("valid national form");
            assert_eq!(international(n.digits()), Some(n));
        }
    }

    #[test]
    fn country_codes() {
        for cc in [
            "1", "7", "20", "44", "65", "91", "353", "880", "998", "800", "882",
        ] {
            assert!(is_country_code(cc.as_bytes()), "{cc}");
        }
        for cc in ["", "0", "01", "2", "28", "42", "80", "999", "1234", "9a"] {
            assert!(!is_country_code(cc.as_bytes()), "{cc}");
        }
    }

    #[test]
    fn gb_lengths_by_leading_digit() {
        // Ofcom's drama numbers and libphonenumber's GB example numbers (commit
        // 2c7646f7d540099944e775e79446c14904df1cb6), and 9-digit numbers of its fixedLine
        // pattern: Brampton 016977 2xxx, Bolton 01204 61xxx, Lancaster 01524 32xxx.
        for good in [
            &b"441134960123"[..], // 0113 496 0123 Leeds
            b"441632960123",      // 01632 960123
            b"442079460123",      // 020 7946 0123
            b"443069990123",      // 0306 999 0123
            b"445512345678",      // 055 corporate
            b"445612345678",      // 056 VoIP
            b"447700900123",      // 07700 900123 mobile
            b"447640123456",      // 076 pager
            b"448001234567",      // 0800 123 4567
            b"44800123456",       // 0800 123456
            b"448081570123",      // 0808 157 0123
            b"448451234567",      // 0845 special services
            b"448712345678",      // 0871 special services
            b"449098790123",      // 0909 879 0123 premium rate
            b"44169772123",       // 016977 2123
            b"44120461123",       // 01204 61123
            b"44152432999",       // 01524 32999
        ] {
            assert!(
                international(good).is_some(),
                "{}",
                String::from_utf8_lossy(good)
            );
        }
        for bad in [
            &b"44773894868"[..], // 07 numbers have 10 digits (validator.js: 0773894868)
            b"44152456999",      // 01524 5xxxx is no 5-digit range (validator.js: 0152456999)
            b"44169771123",      // 016977 1xxx neither
            b"445073456754",     // 050: withdrawn 0500 freephone (validator.js: 05073456754)
            b"445212345678",     // 052: unassigned
            b"445712345678",     // 057: unassigned
            b"444412345678",     // 04: not in use
            b"446123456789",     // 06: not in use
            b"44808123456",      // 9 digits: 0800 only
            b"448512345678",     // 085: unassigned
            b"44912345678",      // 09 numbers have 10 digits
            b"44771234567",      // a 9-digit decoy: order id 77123 4567
            b"44333835360",      // ISBN 0-333-83536-0: 03 numbers have 10 digits
            b"44202405011",      // a timestamp's digits, 0 2024 05 01 1(0:00)
        ] {
            assert!(
                international(bad).is_none(),
                "{}",
                String::from_utf8_lossy(bad)
            );
        }
        // The ranges are sorted, apart and 1xxxxx.
        assert!(GB_NINE_DIGIT_AREAS.windows(2).all(|w| w[0].1 < w[1].0));
        assert!(GB_NINE_DIGIT_AREAS
            .iter()
            .all(|&(lo, hi)| (100_000..200_000).contains(&lo) && lo <= hi && hi < 200_000));
    }

    #[test]
    fn india_1861_is_no_ten_digit_number() {
        // libphonenumber's IN premium-rate example 1861 123 456 789 has 13 digits; its first
        // ten are no number. Area 186 (Pathankot) numbers start 2-7 after it.
        assert!(international(b"911861123456").is_none());
        assert!(national(b"01861123456", *b"IN").is_none());
        assert!(international(b"911862123456").is_some()); // 0186 2123456
        assert!(international(b"911800123456").is_some()); // toll-free, 10 digits
    }

    #[test]
    fn plan_table_is_sorted_and_prefix_free() {
        // Binary search needs order; longest-prefix reading needs no code to prefix another.
        assert!(PLANS.windows(2).all(|w| w[0].0 < w[1].0));
        for &(a, _) in PLANS {
            for &(b, _) in PLANS {
                let (a, b) = (a.to_string(), b.to_string());
                assert!(a == b || !b.starts_with(&a), "{a} prefixes {b}");
            }
        }
        assert!(PLANS.iter().all(|&(_, l)| l != 0));
        // The table by code holds the plans and nothing else.
        for code in 0..1000u16 {
            let listed = PLANS
                .iter()
                .find(|&&(c, _)| c == code)
                .map_or(0, |&(_, l)| l);
            assert_eq!(LENGTHS_BY_CODE[usize::from(code)], listed, "{code}");
        }
    }
}
