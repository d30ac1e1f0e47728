//! Phone number plans: reading a digit string as an E.164 number.
//!
//! Country codes and the lengths of national significant numbers come from Google's
//! libphonenumber metadata (Python package `phonenumbers` 9.0.43, Apache-2.0): every country
//! calling code it knows (the ITU E.164 codes in service), and per code the union of the
//! possible lengths of its regions' numbers. India, Singapore, the NANP (+1) and the United
//! Kingdom get strict plans on top: the leading digits their numbering plans allow (and for
//! the United Kingdom, the length each leading digit takes). National numbers of every other
//! region are read with the region's national prefix and the digits its numbers start with
//! ([`national`]), from the same metadata.

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

/// Reads `digits` written without a country code under `region` (ISO 3166 alpha-2, either
/// case): `IN`: 10 digits starting 6-9 (a mobile), or 0 and a 10-digit national number; the
/// NANP regions (`US`, `CA`, ...): a 10-digit NANP number, or 1 and one; any other region
/// with a calling code ([`REGIONS`]): its national (trunk) prefix if it has one (`0` in
/// `GB`, `FR`, `DE`; `8` in `RU`; none in `SG`, `ES`, `IT`, whose numbers are written
/// whole; optional where it is left out in writing, [`PREFIX_OMITTED`]), then a national number of the region's plan of at least [`MIN_NATIONAL`] digits
/// that starts with a digit the region's numbers start with. Unknown regions: `None`.
///
/// ```
/// use leakscan::detect::validate::phone;
/// let p = phone::national(b"09876543210", *b"IN").expect("an Indian mobile with trunk 0");
/// assert_eq!(p.digits(), b"919876543210");
/// let p = phone::national(b"0612345678", *b"FR").expect("a French mobile");
/// assert_eq!(p.digits(), b"33612345678");
/// let p = phone::national(b"0612345678", *b"IT").expect("a Rome number: 0 is its own");
/// assert_eq!(p.digits(), b"390612345678");
/// let p = phone::national(b"3226018159", *b"BR").expect("a Brazilian number, written without 0");
/// assert_eq!(p.digits(), b"553226018159");
/// assert!(phone::national(b"9876543210", *b"FR").is_none());
/// assert!(phone::national(b"0612345678", *b"XX").is_none());
/// ```
pub fn national(digits: &[u8], region: [u8; 2]) -> Option<E164> {
    let region = region.map(|b| b.to_ascii_uppercase());
    if &region == b"IN" {
        let nsn = match digits {
            [b'6'..=b'9', ..] if digits.len() == 10 => digits,
            [b'0', rest @ ..] if rest.len() == 10 => rest,
            _ => return None,
        };
        return whole_number(b"91", digits, nsn);
    }
    let &(_, code, trunk, leads) = region_entry(region)?;
    let nsn = match (code, digits) {
        // The NANP's 1 is optional: most write the ten digits alone.
        (1, [b'1', rest @ ..]) if rest.len() == 10 => rest,
        (1, _) => digits,
        _ if prefix_omitted(region) => digits.strip_prefix(trunk).unwrap_or(digits),
        _ => digits.strip_prefix(trunk)?,
    };
    if nsn.len() < MIN_NATIONAL || !leads.contains(&nsn[0]) {
        return None;
    }
    let (cc, cc_len) = code_digits(code);
    whole_number(&cc[..cc_len], digits, nsn)
}

/// Whether `digits`, written with a trunk `0`, are a national number of some region whose
/// numbers take that prefix: a phone field's `0580-730215` in a Dutch table read under
/// another region's plan.
///
/// ```
/// use leakscan::detect::validate::phone;
/// assert!(phone::national_anywhere(b"0580730215"));
/// assert!(!phone::national_anywhere(b"580730215"));
/// assert!(!phone::national_anywhere(b"0123"));
/// ```
pub fn national_anywhere(digits: &[u8]) -> bool {
    digits.first() == Some(&b'0')
        && REGIONS
            .iter()
            .any(|&(region, _, trunk, _)| trunk == b"0" && national(digits, region).is_some())
}

/// `cc` and `nsn` as an [`E164`] number, if `digits` (the number as written, of which
/// `nsn` is the end) is all ASCII digits and `nsn` fits the plan of `cc`.
fn whole_number(cc: &[u8], digits: &[u8], nsn: &[u8]) -> Option<E164> {
    // Shapes the region refuses are refused before every digit is read.
    if !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    E164::new(cc, plan(cc)?, nsn)
}

/// Whether a phone number as written is international: it starts with `+`, or with `(+`
/// (`(+41) 22 730 5989`).
///
/// ```
/// use leakscan::detect::validate::phone;
/// assert!(phone::written_international(b"(+41) 22 730 5989"));
/// assert!(phone::written_international(b"+41 22 730 5989"));
/// assert!(!phone::written_international(b"(022) 730 5989"));
/// ```
pub fn written_international(raw: &[u8]) -> bool {
    matches!(raw.trim_ascii_start(), [b'+', ..] | [b'(', b'+', ..])
}

/// Fewest digits of a national number [`national`] reads outside India, and that the scan
/// reads after `00`: shorter ones (a local number without its area code, `5551234`) are too
/// like other numbers.
pub const MIN_NATIONAL: usize = 7;

/// The ASCII digits of calling code `code` (1-999), and how many there are.
fn code_digits(code: u16) -> ([u8; 3], usize) {
    let mut out = [0u8; 3];
    let len = if code >= 100 {
        3
    } else if code >= 10 {
        2
    } else {
        1
    };
    let mut c = code;
    for i in (0..len).rev() {
        out[i] = b'0' + (c % 10) as u8;
        c /= 10;
    }
    (out, len)
}

/// Regions outside the NANP whose numbers are written without their national prefix (Brazil's
/// `(11) 2601-8159`), which is read when written but not required: those whose national
/// format in libphonenumber's metadata (`phonenumbers` 9.0.43, Apache-2.0: its example fixed
/// line and mobile numbers formatted `NATIONAL`) does not start with the prefix.
const PREFIX_OMITTED: [[u8; 2]; 8] = [
    *b"BO", *b"BR", *b"CO", *b"KI", *b"LI", *b"MH", *b"MN", *b"SO",
];

/// Whether `region` (upper case) writes its numbers without their national prefix
/// ([`PREFIX_OMITTED`]).
pub fn prefix_omitted(region: [u8; 2]) -> bool {
    PREFIX_OMITTED.contains(&region)
}

/// A region's code, calling code, national prefix and leading digits ([`REGIONS`]).
type RegionPlan = ([u8; 2], u16, &'static [u8], &'static [u8]);

/// Each region (ISO 3166 alpha-2) with its country calling code, the national prefix
/// written before a national number (`0`; `8` in Russia, Belarus, Kazakhstan, Turkmenistan;
/// `06` in Hungary; `1` in the NANP; none where numbers are written whole: Spain, Italy,
/// Poland, Singapore, ...), and the digits a national number may start with. From
/// libphonenumber's metadata (Python package `phonenumbers` 9.0.43, Apache-2.0): each
/// supported region's `country_code` and `national_prefix`, and the first digits its
/// `generalDesc` pattern allows.
#[rustfmt::skip]
const REGIONS: &[RegionPlan] = &[
    (*b"AC", 247, b"", b"0123456789"), (*b"AD", 376, b"", b"1356789"),
    (*b"AE", 971, b"0", b"23456789"), (*b"AF", 93, b"0", b"234567"), (*b"AG", 1, b"1", b"2589"),
    (*b"AI", 1, b"1", b"2589"), (*b"AL", 355, b"0", b"23456789"),
    (*b"AM", 374, b"0", b"123456789"), (*b"AO", 244, b"", b"29"), (*b"AR", 54, b"0", b"123689"),
    (*b"AS", 1, b"1", b"5689"), (*b"AT", 43, b"0", b"123456789"), (*b"AU", 61, b"0", b"123478"),
    (*b"AW", 297, b"", b"256789"), (*b"AX", 358, b"0", b"12345678"),
    (*b"AZ", 994, b"0", b"123456789"), (*b"BA", 387, b"0", b"3456789"),
    (*b"BB", 1, b"1", b"2589"), (*b"BD", 880, b"0", b"123456789"),
    (*b"BE", 32, b"0", b"123456789"), (*b"BF", 226, b"", b"024567"),
    (*b"BG", 359, b"0", b"023456789"), (*b"BH", 973, b"", b"136789"),
    (*b"BI", 257, b"", b"2367"), (*b"BJ", 229, b"", b"0"), (*b"BL", 590, b"0", b"56789"),
    (*b"BM", 1, b"1", b"4589"), (*b"BN", 673, b"", b"234578"), (*b"BO", 591, b"0", b"2345678"),
    (*b"BQ", 599, b"", b"347"), (*b"BR", 55, b"0", b"123456789"), (*b"BS", 1, b"1", b"2589"),
    (*b"BT", 975, b"", b"12345678"), (*b"BW", 267, b"", b"023456789"),
    (*b"BY", 375, b"8", b"123489"), (*b"BZ", 501, b"", b"02345678"),
    (*b"CA", 1, b"1", b"23456789"), (*b"CC", 61, b"0", b"148"),
    (*b"CD", 243, b"0", b"12345689"), (*b"CF", 236, b"", b"2678"), (*b"CG", 242, b"", b"028"),
    (*b"CH", 41, b"0", b"23456789"), (*b"CI", 225, b"", b"02"), (*b"CK", 682, b"", b"234578"),
    (*b"CL", 56, b"", b"123456789"), (*b"CM", 237, b"", b"268"),
    (*b"CN", 86, b"0", b"123456789"), (*b"CO", 57, b"0", b"13469"),
    (*b"CR", 506, b"", b"23456789"), (*b"CU", 53, b"0", b"2345678"),
    (*b"CV", 238, b"", b"234589"), (*b"CW", 599, b"", b"34679"), (*b"CX", 61, b"0", b"148"),
    (*b"CY", 357, b"", b"25789"), (*b"CZ", 420, b"", b"23456789"),
    (*b"DE", 49, b"0", b"123456789"), (*b"DJ", 253, b"", b"27"), (*b"DK", 45, b"", b"23456789"),
    (*b"DM", 1, b"1", b"5789"), (*b"DO", 1, b"1", b"589"), (*b"DZ", 213, b"0", b"123456789"),
    (*b"EC", 593, b"0", b"12345679"), (*b"EE", 372, b"", b"3456789"),
    (*b"EG", 20, b"0", b"12345689"), (*b"EH", 212, b"0", b"5678"), (*b"ER", 291, b"0", b"178"),
    (*b"ES", 34, b"", b"456789"), (*b"ET", 251, b"0", b"12345789"),
    (*b"FI", 358, b"0", b"123456789"), (*b"FJ", 679, b"", b"023456789"),
    (*b"FK", 500, b"", b"234567"), (*b"FM", 691, b"", b"389"), (*b"FO", 298, b"", b"23456789"),
    (*b"FR", 33, b"0", b"123456789"), (*b"GA", 241, b"", b"01234567"),
    (*b"GB", 44, b"0", b"1235789"), (*b"GD", 1, b"1", b"4589"), (*b"GE", 995, b"0", b"34578"),
    (*b"GF", 594, b"0", b"56789"), (*b"GG", 44, b"0", b"135789"), (*b"GH", 233, b"0", b"2358"),
    (*b"GI", 350, b"", b"256"), (*b"GL", 299, b"", b"123456789"),
    (*b"GM", 220, b"", b"23456789"), (*b"GN", 224, b"", b"367"), (*b"GP", 590, b"0", b"56789"),
    (*b"GQ", 240, b"", b"23589"), (*b"GR", 30, b"", b"256789"), (*b"GT", 502, b"", b"12345678"),
    (*b"GU", 1, b"1", b"5689"), (*b"GW", 245, b"", b"49"), (*b"GY", 592, b"", b"23456789"),
    (*b"HK", 852, b"", b"23456789"), (*b"HN", 504, b"", b"23789"),
    (*b"HR", 385, b"0", b"123456789"), (*b"HT", 509, b"", b"234589"),
    (*b"HU", 36, b"06", b"123456789"), (*b"ID", 62, b"0", b"0123456789"),
    (*b"IE", 353, b"0", b"12456789"), (*b"IL", 972, b"0", b"12345789"),
    (*b"IM", 44, b"0", b"135789"), (*b"IN", 91, b"0", b"0123456789"), (*b"IO", 246, b"", b"3"),
    (*b"IQ", 964, b"0", b"1234567"), (*b"IR", 98, b"0", b"123456789"),
    (*b"IS", 354, b"", b"3456789"), (*b"IT", 39, b"", b"0134578"),
    (*b"JE", 44, b"0", b"135789"), (*b"JM", 1, b"1", b"5689"), (*b"JO", 962, b"0", b"23456789"),
    (*b"JP", 81, b"0", b"0123456789"), (*b"KE", 254, b"0", b"12456789"),
    (*b"KG", 996, b"0", b"2356789"), (*b"KH", 855, b"0", b"123456789"),
    (*b"KI", 686, b"0", b"2345678"), (*b"KM", 269, b"", b"3478"), (*b"KN", 1, b"1", b"589"),
    (*b"KP", 850, b"0", b"12345678"), (*b"KR", 82, b"0", b"012345678"),
    (*b"KW", 965, b"", b"124569"), (*b"KY", 1, b"1", b"3589"), (*b"KZ", 7, b"8", b"78"),
    (*b"LA", 856, b"0", b"2345678"), (*b"LB", 961, b"0", b"123456789"),
    (*b"LC", 1, b"1", b"5789"), (*b"LI", 423, b"0", b"236789"),
    (*b"LK", 94, b"0", b"123456789"), (*b"LR", 231, b"0", b"2345678"),
    (*b"LS", 266, b"", b"2568"), (*b"LT", 370, b"0", b"3456789"),
    (*b"LU", 352, b"", b"23456789"), (*b"LV", 371, b"", b"26789"),
    (*b"LY", 218, b"0", b"23456789"), (*b"MA", 212, b"0", b"5678"),
    (*b"MC", 377, b"0", b"346789"), (*b"MD", 373, b"0", b"2356789"),
    (*b"ME", 382, b"0", b"23456789"), (*b"MF", 590, b"0", b"56789"), (*b"MG", 261, b"0", b"23"),
    (*b"MH", 692, b"1", b"23456"), (*b"MK", 389, b"0", b"234578"),
    (*b"ML", 223, b"", b"2456789"), (*b"MM", 95, b"0", b"12456789"),
    (*b"MN", 976, b"0", b"1256789"), (*b"MO", 853, b"", b"0268"), (*b"MP", 1, b"1", b"5689"),
    (*b"MQ", 596, b"0", b"56789"), (*b"MR", 222, b"", b"2348"), (*b"MS", 1, b"1", b"5689"),
    (*b"MT", 356, b"", b"235789"), (*b"MU", 230, b"", b"2345678"),
    (*b"MV", 960, b"", b"346789"), (*b"MW", 265, b"0", b"123789"),
    (*b"MX", 52, b"", b"23456789"), (*b"MY", 60, b"0", b"13456789"), (*b"MZ", 258, b"", b"28"),
    (*b"NA", 264, b"0", b"68"), (*b"NC", 687, b"", b"02345789"), (*b"NE", 227, b"", b"02789"),
    (*b"NF", 672, b"", b"13"), (*b"NG", 234, b"0", b"2789"), (*b"NI", 505, b"", b"125678"),
    (*b"NL", 31, b"0", b"123456789"), (*b"NO", 47, b"", b"023456789"),
    (*b"NP", 977, b"0", b"123456789"), (*b"NR", 674, b"", b"2456789"),
    (*b"NU", 683, b"", b"45678"), (*b"NZ", 64, b"0", b"123456789"),
    (*b"OM", 968, b"", b"125789"), (*b"PA", 507, b"", b"0123456789"),
    (*b"PE", 51, b"0", b"1456789"), (*b"PF", 689, b"", b"48"), (*b"PG", 675, b"", b"123456789"),
    (*b"PH", 63, b"0", b"123456789"), (*b"PK", 92, b"0", b"123456789"),
    (*b"PL", 48, b"", b"123456789"), (*b"PM", 508, b"0", b"23456789"),
    (*b"PR", 1, b"1", b"5789"), (*b"PS", 970, b"0", b"124589"), (*b"PT", 351, b"", b"1236789"),
    (*b"PW", 680, b"", b"23456789"), (*b"PY", 595, b"0", b"23456789"),
    (*b"QA", 974, b"", b"02345678"), (*b"RE", 262, b"0", b"26789"),
    (*b"RO", 40, b"0", b"23789"), (*b"RS", 381, b"0", b"1236789"), (*b"RU", 7, b"8", b"34789"),
    (*b"RW", 250, b"0", b"02789"), (*b"SA", 966, b"0", b"1589"),
    (*b"SB", 677, b"", b"123456789"), (*b"SC", 248, b"", b"24689"), (*b"SD", 249, b"0", b"19"),
    (*b"SE", 46, b"0", b"123456789"), (*b"SG", 65, b"", b"136789"),
    (*b"SH", 290, b"", b"25689"), (*b"SI", 386, b"0", b"123456789"),
    (*b"SJ", 47, b"", b"04789"), (*b"SK", 421, b"0", b"2345689"),
    (*b"SL", 232, b"0", b"236789"), (*b"SM", 378, b"", b"0567"), (*b"SN", 221, b"", b"3789"),
    (*b"SO", 252, b"0", b"123456789"), (*b"SR", 597, b"", b"23456789"),
    (*b"SS", 211, b"0", b"19"), (*b"ST", 239, b"", b"29"), (*b"SV", 503, b"", b"256789"),
    (*b"SX", 1, b"1", b"5789"), (*b"SY", 963, b"0", b"123459"), (*b"SZ", 268, b"", b"02379"),
    (*b"TA", 290, b"", b"8"), (*b"TC", 1, b"1", b"5689"), (*b"TD", 235, b"", b"236789"),
    (*b"TG", 228, b"", b"279"), (*b"TH", 66, b"0", b"0123456789"),
    (*b"TJ", 992, b"", b"0123456789"), (*b"TK", 690, b"", b"2347"),
    (*b"TL", 670, b"", b"234789"), (*b"TM", 993, b"8", b"1234567"),
    (*b"TN", 216, b"", b"2345789"), (*b"TO", 676, b"", b"023456789"),
    (*b"TR", 90, b"0", b"234589"), (*b"TT", 1, b"1", b"589"), (*b"TV", 688, b"", b"279"),
    (*b"TW", 886, b"0", b"23456789"), (*b"TZ", 255, b"0", b"2456789"),
    (*b"UA", 380, b"0", b"3456789"), (*b"UG", 256, b"0", b"234789"),
    (*b"US", 1, b"1", b"23456789"), (*b"UY", 598, b"0", b"012489"),
    (*b"UZ", 998, b"", b"2356789"), (*b"VA", 39, b"", b"01358"), (*b"VC", 1, b"1", b"5789"),
    (*b"VE", 58, b"0", b"245689"), (*b"VG", 1, b"1", b"2589"), (*b"VI", 1, b"1", b"3589"),
    (*b"VN", 84, b"0", b"12356789"), (*b"VU", 678, b"", b"2345789"),
    (*b"WF", 681, b"", b"4789"), (*b"WS", 685, b"", b"2345678"), (*b"XK", 383, b"0", b"23489"),
    (*b"YE", 967, b"0", b"1234567"), (*b"YT", 262, b"0", b"26789"),
    (*b"ZA", 27, b"0", b"123456789"), (*b"ZM", 260, b"0", b"256789"),
    (*b"ZW", 263, b"0", b"235678"),
];

/// The index + 1 in [`REGIONS`] of each two-letter code (`AA` = 0 to `ZZ` = 675), 0 for a
/// code that is no region: a region is looked up with one load.
static REGION_INDEX: [u8; 676] = {
    let mut t = [0u8; 676];
    let mut i = 0;
    while i < REGIONS.len() {
        let [a, b] = REGIONS[i].0;
        t[(a - b'A') as usize * 26 + (b - b'A') as usize] = (i + 1) as u8;
        i += 1;
    }
    t
};

/// The main region of each country calling code (the one libphonenumber names for it:
/// `US` for +1, `GB` for +44, `RU` for +7), sorted by code; the non-geographic codes are
/// left out. From the Python package `phonenumbers` 9.0.43 (Apache-2.0),
/// `region_code_for_country_code` of each code of [`PLANS`].
#[rustfmt::skip]
const MAIN_REGIONS: &[(u16, [u8; 2])] = &[
    (1, *b"US"), (7, *b"RU"), (20, *b"EG"), (27, *b"ZA"), (30, *b"GR"), (31, *b"NL"),
    (32, *b"BE"), (33, *b"FR"), (34, *b"ES"), (36, *b"HU"), (39, *b"IT"), (40, *b"RO"),
    (41, *b"CH"), (43, *b"AT"), (44, *b"GB"), (45, *b"DK"), (46, *b"SE"), (47, *b"NO"),
    (48, *b"PL"), (49, *b"DE"), (51, *b"PE"), (52, *b"MX"), (53, *b"CU"), (54, *b"AR"),
    (55, *b"BR"), (56, *b"CL"), (57, *b"CO"), (58, *b"VE"), (60, *b"MY"), (61, *b"AU"),
    (62, *b"ID"), (63, *b"PH"), (64, *b"NZ"), (65, *b"SG"), (66, *b"TH"), (81, *b"JP"),
    (82, *b"KR"), (84, *b"VN"), (86, *b"CN"), (90, *b"TR"), (91, *b"IN"), (92, *b"PK"),
    (93, *b"AF"), (94, *b"LK"), (95, *b"MM"), (98, *b"IR"), (211, *b"SS"), (212, *b"MA"),
    (213, *b"DZ"), (216, *b"TN"), (218, *b"LY"), (220, *b"GM"), (221, *b"SN"), (222, *b"MR"),
    (223, *b"ML"), (224, *b"GN"), (225, *b"CI"), (226, *b"BF"), (227, *b"NE"), (228, *b"TG"),
    (229, *b"BJ"), (230, *b"MU"), (231, *b"LR"), (232, *b"SL"), (233, *b"GH"), (234, *b"NG"),
    (235, *b"TD"), (236, *b"CF"), (237, *b"CM"), (238, *b"CV"), (239, *b"ST"), (240, *b"GQ"),
    (241, *b"GA"), (242, *b"CG"), (243, *b"CD"), (244, *b"AO"), (245, *b"GW"), (246, *b"IO"),
    (247, *b"AC"), (248, *b"SC"), (249, *b"SD"), (250, *b"RW"), (251, *b"ET"), (252, *b"SO"),
    (253, *b"DJ"), (254, *b"KE"), (255, *b"TZ"), (256, *b"UG"), (257, *b"BI"), (258, *b"MZ"),
    (260, *b"ZM"), (261, *b"MG"), (262, *b"RE"), (263, *b"ZW"), (264, *b"NA"), (265, *b"MW"),
    (266, *b"LS"), (267, *b"BW"), (268, *b"SZ"), (269, *b"KM"), (290, *b"SH"), (291, *b"ER"),
    (297, *b"AW"), (298, *b"FO"), (299, *b"GL"), (350, *b"GI"), (351, *b"PT"), (352, *b"LU"),
    (353, *b"IE"), (354, *b"IS"), (355, *b"AL"), (356, *b"MT"), (357, *b"CY"), (358, *b"FI"),
    (359, *b"BG"), (370, *b"LT"), (371, *b"LV"), (372, *b"EE"), (373, *b"MD"), (374, *b"AM"),
    (375, *b"BY"), (376, *b"AD"), (377, *b"MC"), (378, *b"SM"), (380, *b"UA"), (381, *b"RS"),
    (382, *b"ME"), (383, *b"XK"), (385, *b"HR"), (386, *b"SI"), (387, *b"BA"), (389, *b"MK"),
    (420, *b"CZ"), (421, *b"SK"), (423, *b"LI"), (500, *b"FK"), (501, *b"BZ"), (502, *b"GT"),
    (503, *b"SV"), (504, *b"HN"), (505, *b"NI"), (506, *b"CR"), (507, *b"PA"), (508, *b"PM"),
    (509, *b"HT"), (590, *b"GP"), (591, *b"BO"), (592, *b"GY"), (593, *b"EC"), (594, *b"GF"),
    (595, *b"PY"), (596, *b"MQ"), (597, *b"SR"), (598, *b"UY"), (599, *b"CW"), (670, *b"TL"),
    (672, *b"NF"), (673, *b"BN"), (674, *b"NR"), (675, *b"PG"), (676, *b"TO"), (677, *b"SB"),
    (678, *b"VU"), (679, *b"FJ"), (680, *b"PW"), (681, *b"WF"), (682, *b"CK"), (683, *b"NU"),
    (685, *b"WS"), (686, *b"KI"), (687, *b"NC"), (688, *b"TV"), (689, *b"PF"), (690, *b"TK"),
    (691, *b"FM"), (692, *b"MH"), (850, *b"KP"), (852, *b"HK"), (853, *b"MO"), (855, *b"KH"),
    (856, *b"LA"), (880, *b"BD"), (886, *b"TW"), (960, *b"MV"), (961, *b"LB"), (962, *b"JO"),
    (963, *b"SY"), (964, *b"IQ"), (965, *b"KW"), (966, *b"SA"), (967, *b"YE"), (968, *b"OM"),
    (970, *b"PS"), (971, *b"AE"), (972, *b"IL"), (973, *b"BH"), (974, *b"QA"), (975, *b"BT"),
    (976, *b"MN"), (977, *b"NP"), (992, *b"TJ"), (993, *b"TM"), (994, *b"AZ"), (995, *b"GE"),
    (996, *b"KG"), (998, *b"UZ"),
];

/// The main region (ISO 3166 alpha-2) of the country code of `number`: the country an
/// input full of such numbers most likely comes from.
///
/// ```
/// use leakscan::detect::validate::phone;
/// let number = phone::international(b"33612345678").expect("a French mobile");
/// assert_eq!(phone::main_region(&number), Some(*b"FR"));
/// ```
pub fn main_region(number: &E164) -> Option<[u8; 2]> {
    let code = value(number.country_code());
    MAIN_REGIONS
        .binary_search_by_key(&code, |&(c, _)| c)
        .ok()
        .map(|i| MAIN_REGIONS[i].1)
}

/// The national prefix `region` (upper case) writes before a national number (`0`, `8`;
/// empty where numbers are written whole), if `region` is one of [`REGIONS`].
///
/// ```
/// use leakscan::detect::validate::phone;
/// assert_eq!(phone::national_prefix(*b"FR"), Some(&b"0"[..]));
/// assert_eq!(phone::national_prefix(*b"ES"), Some(&b""[..]));
/// assert_eq!(phone::national_prefix(*b"XX"), None);
/// ```
pub fn national_prefix(region: [u8; 2]) -> Option<&'static [u8]> {
    region_entry(region).map(|e| e.2)
}

/// The [`REGIONS`] entry of `region` (upper case), if it is one.
fn region_entry(region: [u8; 2]) -> Option<&'static RegionPlan> {
    let [a, b] = region;
    if !a.is_ascii_uppercase() || !b.is_ascii_uppercase() {
        return None;
    }
    let index = REGION_INDEX[usize::from(a - b'A') * 26 + usize::from(b - b'A')];
    index.checked_sub(1).map(|i| &REGIONS[usize::from(i)])
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
            // Other regions: the national prefix, then the plan's lengths.
            (b"0612345678", *b"FR", Some(b"33612345678")),
            (b"612345678", *b"FR", None), // the trunk 0 is written
            (b"0612345", *b"FR", None),   // under MIN_NATIONAL digits
            (b"030123456", *b"DE", Some(b"4930123456")),
            (b"612345678", *b"ES", Some(b"34612345678")),
            (b"0612345678", *b"ES", None), // no trunk prefix: 10 digits
            (b"0612345678", *b"IT", Some(b"390612345678")),
            // Written without the prefix, or with it, where it is optional.
            (b"3226018159", *b"BR", Some(b"553226018159")),
            (b"03226018159", *b"BR", Some(b"553226018159")),
            (b"11961234567", *b"BR", Some(b"5511961234567")),
            (b"3211234567", *b"CO", Some(b"573211234567")),
            (b"3500877036", *b"it", Some(b"393500877036")),
            (b"84951234567", *b"RU", Some(b"74951234567")),
            (b"04951234567", *b"RU", None),
            (b"0612345678", *b"HU", Some(b"3612345678")),
            (b"8765550123", *b"JM", Some(b"18765550123")),
            (b"23565359", *b"DK", Some(b"4523565359")),
            (b"0612345678", *b"XX", None),
            // ... and a first digit the region's numbers start with.
            (b"01234567", *b"DK", None),
            (b"123456789", *b"ES", None),
            (b"0612345678", *b"1x", None),
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
    fn every_main_region_is_a_region_of_its_code() {
        assert!(MAIN_REGIONS.windows(2).all(|w| w[0].0 < w[1].0));
        for &(code, region) in MAIN_REGIONS {
            assert_eq!(region_entry(region).map(|e| e.1), Some(code), "{region:?}");
        }
    }

    #[test]
    fn every_region_is_listed_once_with_a_plan() {
        for pair in REGIONS.windows(2) {
            assert!(pair[0].0 < pair[1].0, "REGIONS sorted, no repeats");
        }
        for &(region, code, trunk, leads) in REGIONS {
            let (cc, len) = code_digits(code);
            assert!(plan(&cc[..len]).is_some(), "{region:?}: {code}");
            assert_eq!(region_entry(region).map(|e| e.1), Some(code));
            assert!(trunk.iter().chain(leads).all(u8::is_ascii_digit));
            assert!(!leads.is_empty());
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
            (b"0612345678", *b"FR"),
            (b"0612345678", *b"IT"),
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
