//! Severity: how bad the exposure of a field is, and the order in which to look at fields.
//! This module is the one place it is computed; the HTML page shows its results and its
//! tables (weights, reasons, thresholds), it never re-derives them.
//!
//! The rule, as the page explains it:
//!
//! 1. Each type has a base weight from 1 to 8 ([`weight`]): full card numbers and national
//!    identifiers confirmed by a check digit, check letter or issuing rules (Aadhaar, NRIC/FIN,
//!    SSN) weigh most; a last-4 or an IP address least.
//! 2. Identifiers that are dangerous in the hands of someone who can tell *whose* they are
//!    (cards, national ids, passports, passwords, dates of birth, locations, payment handles)
//!    gain [`BESIDE_BONUS`] when the same input also exposes a name or contact data (a name, an
//!    e-mail address, a phone number or a postal address). The report does not say which
//!    values share a record, so "beside" means "in the same input": a file, or an archive
//!    member. A card number next to its holder's name and phone is what fraud needs.
//! 3. A field's score is the highest score of the types found in it; its [`Level`] follows
//!    from the score (critical ≥ 9, high ≥ 6, medium ≥ 3, low otherwise).
//! 4. Fields are ranked by score, then by records exposed, then by distinct values, then in
//!    report order ([`rank`]).
//!
//! ```
//! use leakscan::output::severity::{score, Level};
//! use leakscan::types::PiiType;
//! assert_eq!(Level::of(score(PiiType::CardNumber, true)), Level::Critical);
//! assert_eq!(Level::of(score(PiiType::CardNumber, false)), Level::High);
//! assert_eq!(Level::of(score(PiiType::Email, true)), Level::Medium);
//! ```

use crate::output::report::{FieldEntry, Report};
use crate::types::PiiType;
use std::collections::HashSet;

/// Points a type gains when a name or contact data sits beside it (see the module doc).
pub const BESIDE_BONUS: u8 = 2;

/// A severity level, lowest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// Little harm alone (an IP address, a last-4).
    Low,
    /// Contact data: spam, phishing, harassment.
    Medium,
    /// Identifiers that enable fraud or account takeover.
    High,
    /// Identifiers that enable fraud, together with whose they are.
    Critical,
}

impl Level {
    /// Every level, lowest first.
    pub const ALL: [Level; 4] = [Level::Low, Level::Medium, Level::High, Level::Critical];

    /// The level's name as the page shows it (`"critical"`).
    pub fn name(self) -> &'static str {
        match self {
            Level::Low => "low",
            Level::Medium => "medium",
            Level::High => "high",
            Level::Critical => "critical",
        }
    }

    /// The lowest score of the level.
    pub fn min_score(self) -> u8 {
        match self {
            Level::Low => 0,
            Level::Medium => 3,
            Level::High => 6,
            Level::Critical => 9,
        }
    }

    /// The level of a score.
    ///
    /// ```
    /// use leakscan::output::severity::Level;
    /// assert_eq!(Level::of(9), Level::Critical);
    /// assert_eq!(Level::of(8), Level::High);
    /// assert_eq!(Level::of(1), Level::Low);
    /// ```
    pub fn of(score: u8) -> Level {
        Level::ALL
            .into_iter()
            .rev()
            .find(|level| score >= level.min_score())
            .unwrap_or(Level::Low)
    }
}

/// What a type weighs, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Weight {
    /// The base weight, 1 to 8.
    pub base: u8,
    /// The type is a name or contact data: it raises the identifiers beside it.
    pub names_holder: bool,
    /// The type is raised by [`BESIDE_BONUS`] when a name or contact data sits beside it.
    pub raised_beside: bool,
    /// One sentence on the harm its exposure does, for the page.
    pub why: &'static str,
}

/// The weight of a type (the table the page shows).
pub fn weight(ty: PiiType) -> Weight {
    let (base, names_holder, raised_beside, why) = match ty {
        PiiType::CardNumber => (
            8,
            false,
            true,
            "A full card number (Luhn-valid, real issuer range) is enough for card-not-present fraud.",
        ),
        PiiType::Aadhaar => (
            8,
            false,
            true,
            "A Verhoeff-valid Aadhaar number opens KYC, SIM and benefit fraud.",
        ),
        PiiType::SgNric => (
            8,
            false,
            true,
            "A check-letter-valid NRIC/FIN is Singapore's key to identity and account recovery.",
        ),
        PiiType::UsSsn => (
            8,
            false,
            true,
            "A Social Security number opens credit and tax fraud in the US.",
        ),
        PiiType::Passport => (
            7,
            false,
            true,
            "A passport number is used in identity checks and travel fraud.",
        ),
        PiiType::PanIn => (
            7,
            false,
            true,
            "A PAN ties a person to their tax and financial records in India.",
        ),
        PiiType::PasswordPlain => (
            7,
            false,
            true,
            "A clear-text password opens the account, and every other where it was reused.",
        ),
        PiiType::PasswordHash => (
            5,
            false,
            true,
            "A password hash can be cracked offline; weak schemes fall quickly.",
        ),
        PiiType::GeoLocation => (
            5,
            false,
            true,
            "A precise location can lead someone to a person's home.",
        ),
        PiiType::DateOfBirth => (
            4,
            false,
            true,
            "A date of birth is a common identity-verification answer.",
        ),
        PiiType::PostalAddress => (
            4,
            true,
            false,
            "A postal address locates a person; it is contact data.",
        ),
        PiiType::UpiId => (
            3,
            false,
            true,
            "A UPI payment handle invites fraudulent collect requests.",
        ),
        PiiType::Phone => (
            3,
            true,
            false,
            "A phone number enables spam, phishing calls and SIM-swap attempts; it is contact data.",
        ),
        PiiType::Email => (
            3,
            true,
            false,
            "An e-mail address enables phishing and credential stuffing; it is contact data.",
        ),
        PiiType::PersonName => (
            2,
            true,
            false,
            "A name alone harms little, but says whose the identifiers beside it are.",
        ),
        PiiType::CardPartial => (
            2,
            false,
            true,
            "A masked card number (last 4, BIN) helps social engineering, not payments.",
        ),
        PiiType::IpAddress => (
            1,
            false,
            false,
            "An IP address locates a person only roughly and only with a provider's records.",
        ),
    };
    Weight {
        base,
        names_holder,
        raised_beside,
        why,
    }
}

/// The score of a type: its base weight, plus [`BESIDE_BONUS`] if it is raised by a name or
/// contact data and one sits beside it.
pub fn score(ty: PiiType, holder_beside: bool) -> u8 {
    let w = weight(ty);
    if w.raised_beside && holder_beside {
        w.base + BESIDE_BONUS
    } else {
        w.base
    }
}

/// The severity of one field of a report that holds findings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldSeverity {
    /// Index of the field in the report's `fields`.
    pub index: usize,
    /// The highest score of its types.
    pub score: u8,
    /// The level of that score.
    pub level: Level,
    /// A name or contact data sits beside the field (in the same input).
    pub holder_beside: bool,
    /// The score includes [`BESIDE_BONUS`]: the field's most severe type was raised by it.
    pub raised: bool,
    /// Records exposed: the sum of the types' `records`, at most the field's `records`. Exact
    /// when each value is of one type (a column); an upper bound in free text, where one
    /// record can hold several types.
    pub exposed: u64,
    /// Distinct values: the sum of the types' estimates (values of different types differ).
    pub distinct: u64,
    /// Each type's score, in the report's (contract) order.
    pub type_scores: Vec<(PiiType, u8)>,
}

/// The fields of `report` that hold findings, most severe first (the order of the module doc).
pub fn rank(report: &Report) -> Vec<FieldSeverity> {
    let holders: HashSet<&str> = report
        .fields
        .iter()
        .filter(|f| f.types.0.keys().any(|&ty| weight(ty).names_holder))
        .map(|f| f.path.as_str())
        .collect();
    let mut ranked: Vec<FieldSeverity> = report
        .fields
        .iter()
        .enumerate()
        .filter(|(_, f)| !f.types.0.is_empty())
        .map(|(index, field)| field_severity(index, field, holders.contains(field.path.as_str())))
        .collect();
    // A stable sort keeps report order among equals.
    ranked.sort_by_key(|f| std::cmp::Reverse((f.score, f.exposed, f.distinct)));
    ranked
}

fn field_severity(index: usize, field: &FieldEntry, holder_beside: bool) -> FieldSeverity {
    let type_scores: Vec<(PiiType, u8)> = field
        .types
        .0
        .keys()
        .map(|&ty| (ty, score(ty, holder_beside)))
        .collect();
    let score = type_scores.iter().map(|&(_, s)| s).max().unwrap_or(0);
    let base = field.types.0.keys().map(|&ty| weight(ty).base).max();
    let raised = base.is_some_and(|base| score > base);
    let exposed = field
        .types
        .0
        .values()
        .map(|t| t.records)
        .fold(0u64, u64::saturating_add)
        .min(field.records);
    let distinct = field
        .types
        .0
        .values()
        .map(|t| t.distinct_estimate)
        .fold(0u64, u64::saturating_add);
    FieldSeverity {
        index,
        score,
        level: Level::of(score),
        holder_beside,
        raised,
        exposed,
        distinct,
        type_scores,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::report::{build, tests::summary, FieldType, TypeMap};

    #[test]
    fn national_ids_and_cards_weigh_most() {
        let top = PiiType::ALL.into_iter().map(|t| weight(t).base).max();
        assert_eq!(top, Some(8));
        for ty in [
            PiiType::CardNumber,
            PiiType::Aadhaar,
            PiiType::SgNric,
            PiiType::UsSsn,
        ] {
            assert_eq!(weight(ty).base, 8, "{ty}");
            assert_eq!(Level::of(score(ty, true)), Level::Critical, "{ty}");
            assert_eq!(Level::of(score(ty, false)), Level::High, "{ty}");
        }
        assert!(weight(PiiType::CardPartial).base < weight(PiiType::CardNumber).base);
        assert_eq!(Level::of(score(PiiType::IpAddress, true)), Level::Low);
    }

    #[test]
    fn holders_are_never_raised_and_every_weight_is_explained() {
        for ty in PiiType::ALL {
            let w = weight(ty);
            assert!(!(w.names_holder && w.raised_beside), "{ty}");
            assert!((1..=8).contains(&w.base), "{ty}");
            assert!(w.why.ends_with('.'), "{ty}");
            assert!(score(ty, true) <= 10, "{ty}");
        }
        let holders: Vec<PiiType> = PiiType::ALL
            .into_iter()
            .filter(|&t| weight(t).names_holder)
            .collect();
        assert_eq!(
            holders,
            [
                PiiType::PersonName,
                PiiType::Email,
                PiiType::Phone,
                PiiType::PostalAddress
            ]
        );
    }

    #[test]
    fn levels_partition_the_scores() {
        let levels: Vec<Level> = (0..=10).map(Level::of).collect();
        assert_eq!(levels[0], Level::Low);
        assert!(levels.windows(2).all(|w| w[0] <= w[1]));
        for level in Level::ALL {
            assert_eq!(Level::of(level.min_score()), level);
        }
    }

    fn with_type(report: &mut Report, field: usize, ty: PiiType, records: u64, distinct: u64) {
        let mut t: FieldType = report.fields[0].types.0.values().next().unwrap().clone();
        t.records = records;
        t.distinct_estimate = distinct;
        report.fields[field].types.0.insert(ty, t);
    }

    #[test]
    fn ranks_by_score_then_exposure() {
        // users.csv.gz: mobile (phone ×3), contact (name, e-mail); notes.txt: null (e-mail).
        let mut report = build(&summary());
        let ranked = rank(&report);
        let order: Vec<usize> = ranked.iter().map(|f| f.index).collect();
        // Phone and e-mail both score 3: the phone field exposes 3 records, contact 2+1.
        assert_eq!(order, [0, 1, 2]);
        assert_eq!(ranked[1].exposed, 3, "name and e-mail records summed");
        assert_eq!(ranked[1].distinct, 3);
        assert!(ranked.iter().all(|f| f.holder_beside && !f.raised));

        // A card number in notes.txt, beside an e-mail address: critical, first.
        with_type(&mut report, 2, PiiType::CardNumber, 1, 1);
        let ranked = rank(&report);
        assert_eq!(ranked[0].index, 2);
        assert_eq!(ranked[0].level, Level::Critical);
        assert!(ranked[0].raised);
        assert_eq!(
            ranked[0].type_scores,
            [(PiiType::Email, 3), (PiiType::CardNumber, 10)]
        );

        // Without the e-mail beside it, the card number is only high.
        report.fields[2].types.0.remove(&PiiType::Email);
        let ranked = rank(&report);
        assert_eq!((ranked[0].index, ranked[0].score), (2, 8));
        assert_eq!(ranked[0].level, Level::High);
        assert!(!ranked[0].holder_beside && !ranked[0].raised);
    }

    #[test]
    fn exposure_is_capped_and_empty_fields_are_left_out() {
        let mut report = build(&summary());
        with_type(&mut report, 1, PiiType::Aadhaar, 4, 4);
        report.fields[0].types = TypeMap::default();
        let ranked = rank(&report);
        assert_eq!(ranked.len(), 2);
        assert_eq!(ranked[0].index, 1);
        // 1 name + 2 e-mail + 4 Aadhaar records, in a field with values in 4 records.
        assert_eq!(ranked[0].exposed, 4);
    }
}
