//! The plain-language assessment: short sentences, each citing the figures of the report it
//! rests on. No sentence is a bare verdict; the reader weighs them.

use super::ident::Kind;
use super::report::VerifyReport;
use super::signals::Shape;
use super::stats::pct;
use std::collections::BTreeMap;

/// A real export passes checksums at about this rate or more.
const REAL_PASS: f64 = 0.95;
/// Containment from which a sample reads as taken from a known dump.
const RECYCLED: f64 = 0.5;
/// Values a field needs before its format variety is remarked on.
const MIN_VARIETY_VALUES: u64 = 50;

/// The sentences for `report`.
pub fn assess(report: &VerifyReport) -> Vec<String> {
    let mut out = Vec::new();
    matches(report, &mut out);
    checksums(report, &mut out);
    number_plans(report, &mut out);
    consistency(report, &mut out);
    variety(report, &mut out);
    known(report, &mut out);
    freshness(report, &mut out);
    if out.is_empty() {
        out.push(format!(
            "{} records read; no identifier, checksum, date or known-dump figure to weigh",
            report.sample.records
        ));
    }
    out
}

/// Per kind over all fields: (checked, matched, null).
fn match_totals(report: &VerifyReport) -> BTreeMap<Kind, (u64, u64, f64)> {
    let mut by_kind: BTreeMap<Kind, (u64, u64, f64)> = BTreeMap::new();
    for f in &report.fields {
        for (k, m) in f.matches.iter().flatten() {
            if let Some(kind) = Kind::from_name(k) {
                let e = by_kind.entry(kind).or_default();
                e.0 += m.checked;
                e.1 += m.matched;
                e.2 = m.null;
            }
        }
    }
    by_kind
}

fn matches(report: &VerifyReport, out: &mut Vec<String>) {
    let (Some(matched), Some(rate), Some(against)) = (
        report.sample.records_matched,
        report.sample.records_matched_rate,
        &report.against,
    ) else {
        return;
    };
    let totals = match_totals(report);
    let strong: Vec<String> = totals
        .iter()
        .filter(|(k, _)| !k.is_weak())
        .map(|(k, (c, m, _))| format!("{} {} of {c}", k.label(), pct(*m as f64 / *c as f64)))
        .collect();
    let n = report.sample.records;
    let chance =
        totals.keys().filter(|k| !k.is_weak()).count() as f64 * against.false_positive_rate;
    let what = if strong.is_empty() {
        "no strong identifier (e-mail, phone, national id) was found to check".to_string()
    } else {
        format!(
            "{}; chance alone would match {:.3} % of checks",
            strong.join(", "),
            chance * 100.0
        )
    };
    out.push(format!(
        "{} of sample records ({matched} of {n}) match your customers on at least one strong identifier ({what})",
        pct(rate)
    ));
    for (kind, (c, m, null)) in totals.iter().filter(|(k, _)| k.is_weak()) {
        out.push(format!(
            "{}: {} of {c} match, where random values of the sample's shape and prefix mix match {}; weak keys never count alone",
            kind.label(),
            pct(*m as f64 / *c as f64),
            pct(*null)
        ));
    }
}

fn checksums(report: &VerifyReport, out: &mut Vec<String>) {
    let mut by_type: BTreeMap<&str, (u64, u64, f64)> = BTreeMap::new();
    for f in &report.fields {
        for (t, c) in &f.checksum {
            let e = by_type.entry(t.as_str()).or_default();
            e.0 += c.checked;
            e.1 += c.passed;
            e.2 = c.chance;
        }
    }
    for (ty, (checked, passed, chance)) in by_type {
        let rate = passed as f64 / checked as f64;
        let what = Shape::ALL
            .into_iter()
            .find(|s| s.ty().name() == ty)
            .map_or("checksum", |s| match s {
                Shape::Aadhaar => "Verhoeff check",
                Shape::Card => "Luhn check",
                Shape::Nric => "NRIC check letter",
                Shape::Pan => "PAN holder-class rule",
            });
        out.push(format!(
            "{ty}: {} of {checked} {ty}-shaped values pass the {what} (random values: {}): {}",
            pct(rate),
            pct(chance),
            reading(rate, chance)
        ));
    }
}

/// How a pass rate reads beside real records' near-100 % and random values' `chance`.
fn reading(rate: f64, chance: f64) -> &'static str {
    if rate >= REAL_PASS {
        "as real records do"
    } else if rate <= chance + 0.1 {
        "about what made-up numbers give"
    } else {
        "between chance and the near-100 % of real records: a mix, or damaged data"
    }
}

fn number_plans(report: &VerifyReport, out: &mut Vec<String>) {
    let (mut checked, mut in_plan, mut expected) = (0u64, 0u64, 0.0);
    for p in report.fields.iter().filter_map(|f| f.number_plan.as_ref()) {
        checked += p.checked;
        in_plan += p.in_plan;
        expected += p.chance * p.checked as f64;
    }
    if checked == 0 {
        return;
    }
    let (rate, chance) = (in_plan as f64 / checked as f64, expected / checked as f64);
    out.push(format!(
        "phone: {} of {checked} phone numbers fall in ranges their country's numbering plan allocates (random digits written the same way: {}): {}",
        pct(rate),
        pct(chance),
        reading(rate, chance)
    ));
}

fn consistency(report: &VerifyReport, out: &mut Vec<String>) {
    for c in &report.signals.consistency {
        let what = match c.check.as_str() {
            "pan_surname_initial" => "individuals' PANs carry the surname's initial as 5th letter",
            "nric_birth_year" => "citizens' NRICs (born 1968 or later) start with their birth year",
            "phone_address_region" => {
                "phone country codes agree with the country of the record's postal address"
            }
            _ => "phone country codes agree with the record's country",
        };
        out.push(format!(
            "In {} of {} records checked ({}–{}), {what}; unrelated values would agree {} of the time",
            pct(c.rate),
            c.checked,
            pct(c.low),
            pct(c.high),
            pct(c.chance)
        ));
    }
    let d = &report.signals.duplicates;
    if d.records > 0 {
        out.push(format!(
            "{} of {} records are exact duplicates of an earlier one",
            pct(d.rate),
            d.records
        ));
    }
    let e = &report.signals.email_domains;
    if e.addresses > 0 {
        let top = e.top.first().map_or(String::new(), |t| {
            format!(", the most common ({}) holds {}", t.0, pct(e.top_share))
        });
        out.push(format!(
            "{} e-mail addresses at {} domains{top}; {} at reserved (documentation) domains, {} disposable, {} undeliverable",
            e.addresses,
            e.distinct,
            e.reserved,
            e.disposable,
            e.invalid
        ));
    }
    if !report.signals.password_hashes.is_empty() {
        let census: Vec<String> = report
            .signals
            .password_hashes
            .iter()
            .map(|(s, n)| format!("{s}: {n}"))
            .collect();
        out.push(format!("Password hashes by scheme: {}", census.join(", ")));
    }
    for id in &report.signals.ids {
        out.push(format!(
            "{}: ids {}–{}, {} ascending record to record, filling {} of their span{}",
            id.field,
            id.min,
            id.max,
            pct(id.ascending_rate),
            pct(id.fill_rate),
            if id.fill_rate >= 1.0 && id.values >= MIN_VARIETY_VALUES {
                " (no gaps at all: a sample of a live table usually has some)"
            } else {
                ""
            }
        ));
    }
}

fn variety(report: &VerifyReport, out: &mut Vec<String>) {
    for f in &report.fields {
        // Phone fields: most of their values are phones checked against a digest, or their
        // name says so.
        let phones = f
            .matches
            .as_ref()
            .and_then(|m| m.get("phone"))
            .is_some_and(|m| m.checked * 2 >= f.format.values)
            || f.field.as_deref().is_some_and(|n| {
                let n = n.to_ascii_lowercase();
                n.contains("phone") || n.contains("mobile")
            });
        if phones && f.format.values >= MIN_VARIETY_VALUES {
            let clean = f.format.top_format_share >= 0.99;
            out.push(format!(
                "{}: {} formats among {} values, the most common {}{}",
                f.field.as_deref().unwrap_or("(none)"),
                f.format.formats,
                f.format.values,
                pct(f.format.top_format_share),
                if clean {
                    " (too clean: real customer data mixes how numbers are written)"
                } else {
                    ""
                }
            ));
        }
    }
}

fn known(report: &VerifyReport, out: &mut Vec<String>) {
    let mut best: BTreeMap<&str, &super::report::KnownEntry> = BTreeMap::new();
    for k in &report.known {
        let e = best.entry(k.sketch.as_str()).or_insert(k);
        if k.checked > 0 && k.containment > e.containment {
            *e = k;
        }
    }
    for (sketch, k) in best {
        let label = Kind::from_name(&k.kind).map_or(k.kind.as_str(), |k| k.label());
        out.push(format!(
            "{} ({}–{}) of the sample's {label} identifiers ({}) are in the known dump {sketch}{}",
            pct(k.containment),
            pct(k.low),
            pct(k.high),
            k.checked,
            if k.containment >= RECYCLED {
                ": the sample looks re-sold from it"
            } else {
                ""
            }
        ));
    }
}

fn freshness(report: &VerifyReport, out: &mut Vec<String>) {
    let f = &report.freshness;
    if let (Some(old), Some(new)) = (&f.oldest, &f.newest) {
        let busiest = f
            .by_month
            .iter()
            .max_by_key(|(m, n)| (**n, std::cmp::Reverse(*m)));
        out.push(format!(
            "Event dates ({} of them) run from {old} to {new}; the newest record is dated {new}{}",
            f.dates,
            busiest.map_or(String::new(), |(m, n)| format!(
                "; the busiest month is {m} ({n})"
            ))
        ));
    }
}
