//! `leakscan digest`, `scan --sketch` and `verify` on a fictional company and breach claims
//! made from it (src/synth/company.rs): the report tells genuine, fabricated and recycled
//! samples apart by its figures, follows the contract, and a digest without its key confirms
//! nothing.

use crate::common::bin;
use leakscan::synth::company;
use leakscan::verify::ident::Kind;
use leakscan::verify::key::Key;
use leakscan::verify::sets::{KeyedSets, Role, FALSE_POSITIVE_RATE};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// The report, as the contract states it (only the keys tests read).
#[derive(Debug, Deserialize)]
struct Report {
    schema: String,
    sample: Sample,
    fields: Vec<Field>,
    signals: Signals,
    freshness: Freshness,
    known: Vec<Known>,
    assessment: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct Sample {
    inputs: u64,
    records: u64,
    #[serde(default)]
    records_matched: u64,
    #[serde(default)]
    records_matched_rate: f64,
}

#[derive(Debug, Deserialize)]
struct Field {
    path: String,
    field: Option<String>,
    records: u64,
    #[serde(rename = "match", default)]
    matches: BTreeMap<String, Match>,
    #[serde(default)]
    checksum: BTreeMap<String, Checksum>,
    number_plan: Option<NumberPlan>,
    format: Format,
}

#[derive(Debug, Deserialize)]
struct NumberPlan {
    checked: u64,
    in_plan: u64,
    rate: f64,
    chance: f64,
}

#[derive(Debug, Deserialize)]
struct Match {
    checked: u64,
    matched: u64,
    rate: f64,
    low: f64,
    high: f64,
}

#[derive(Debug, Deserialize)]
struct Checksum {
    checked: u64,
    passed: u64,
    rate: f64,
    chance: f64,
}

#[derive(Debug, Deserialize)]
struct Format {
    values: u64,
    top_format_share: f64,
}

#[derive(Debug, Deserialize)]
struct Signals {
    consistency: Vec<Consistency>,
    duplicates: Duplicates,
    ids: Vec<Ids>,
    email_domains: Domains,
}

#[derive(Debug, Deserialize)]
struct Consistency {
    check: String,
    checked: u64,
    rate: f64,
}

#[derive(Debug, Deserialize)]
struct Duplicates {
    rate: f64,
}

#[derive(Debug, Deserialize)]
struct Ids {
    field: String,
    fill_rate: f64,
}

#[derive(Debug, Deserialize)]
struct Domains {
    distinct: u64,
}

#[derive(Debug, Deserialize)]
struct Freshness {
    oldest: Option<String>,
    newest: Option<String>,
    by_month: BTreeMap<String, u64>,
}

#[derive(Debug, Deserialize)]
struct Known {
    sketch: String,
    #[serde(rename = "type")]
    kind: String,
    checked: u64,
    found: u64,
    containment: f64,
    low: f64,
    high: f64,
}

/// A company, its digest and key, a sketch of the older dump and the reports of every claim.
struct Fixture {
    _dir: tempfile::TempDir,
    root: PathBuf,
    files: company::CompanyFiles,
    reports: BTreeMap<&'static str, (Report, String)>,
}

fn leakscan(args: &[&std::ffi::OsStr]) -> std::process::Output {
    let out = Command::new(bin())
        .args(args)
        .output()
        .expect("leakscan runs");
    assert!(
        out.status.success(),
        "leakscan {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn os(s: &str) -> &std::ffi::OsStr {
    s.as_ref()
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        let files = company::write(&root.join("co"), 10_000, 500, 11).unwrap();
        let (key, skey) = (root.join("own.key"), root.join("sketch.key"));
        let digest = root.join("own.lsdigest");
        let known = root.join("known");
        std::fs::create_dir_all(&known).unwrap();
        leakscan(&[os("digest"), os("--new-key"), key.as_os_str()]);
        leakscan(&[os("digest"), os("--new-key"), skey.as_os_str()]);
        leakscan(&[
            os("digest"),
            files.export.as_os_str(),
            os("--key-file"),
            key.as_os_str(),
            os("--out"),
            digest.as_os_str(),
            os("-q"),
        ]);
        let sketch = known.join("forum_2019.lssketch");
        let scan_report = root.join("old_dump_report.json");
        leakscan(&[
            os("scan"),
            files.old_dump.as_os_str(),
            os("--sketch"),
            sketch.as_os_str(),
            os("--sketch-key"),
            skey.as_os_str(),
            os("--report"),
            scan_report.as_os_str(),
            os("-q"),
        ]);
        let mut reports = BTreeMap::new();
        for (name, claim) in company::CLAIMS.into_iter().zip(&files.claims) {
            let report = root.join(format!("{name}.json"));
            let base = [
                os("verify"),
                claim.as_os_str(),
                os("--against"),
                digest.as_os_str(),
                os("--key-file"),
                key.as_os_str(),
                os("--known"),
                known.as_os_str(),
                os("--sketch-key"),
                skey.as_os_str(),
                os("-q"),
            ];
            let summary = leakscan(&base);
            let mut with_report = base.to_vec();
            with_report.extend([os("--report"), report.as_os_str()]);
            leakscan(&with_report);
            let text = std::fs::read_to_string(&report).unwrap();
            let parsed: Report = serde_json::from_str(&text).unwrap();
            let printed = String::from_utf8(summary.stdout).unwrap();
            println!("== {name}\n{printed}");
            reports.insert(name, (parsed, format!("{text}\n{printed}")));
        }
        Fixture {
            _dir: dir,
            root,
            files,
            reports,
        }
    })
}

fn report(name: &str) -> &'static Report {
    &fixture().reports[name].0
}

/// The checksum entry of `ty` over all fields (checked, passed).
fn checksum(r: &Report, ty: &str) -> (u64, u64) {
    r.fields
        .iter()
        .filter_map(|f| f.checksum.get(ty))
        .fold((0, 0), |a, c| (a.0 + c.checked, a.1 + c.passed))
}

fn consistency<'a>(r: &'a Report, check: &str) -> &'a Consistency {
    r.signals
        .consistency
        .iter()
        .find(|c| c.check == check)
        .unwrap_or_else(|| panic!("no {check} check"))
}

fn containment(r: &Report, kind: &str) -> f64 {
    r.known
        .iter()
        .find(|k| k.kind == kind)
        .unwrap_or_else(|| panic!("no {kind} containment"))
        .containment
}

#[test]
fn genuine_samples_match_and_fabricated_ones_do_not() {
    let rate = |name| report(name).sample.records_matched_rate;
    assert!(rate("genuine") >= 0.8, "genuine {}", rate("genuine"));
    assert!(rate("naive") <= 0.05, "naive {}", rate("naive"));
    assert!(rate("careful") <= 0.05, "careful {}", rate("careful"));
    assert!((0.3..=0.7).contains(&rate("mix")), "mix {}", rate("mix"));
    // Recycled rows are other people's, bar the few customers the older dump shares.
    assert!(rate("recycled") <= 0.1, "recycled {}", rate("recycled"));
}

#[test]
fn checksums_tell_naive_fabrication_but_not_careful_fabrication() {
    let (checked, passed) = checksum(report("naive"), "aadhaar");
    assert!(checked >= 300, "{checked}");
    assert!(passed as f64 / checked as f64 <= 0.3, "{passed}/{checked}");
    for name in ["genuine", "careful"] {
        let (checked, passed) = checksum(report(name), "aadhaar");
        assert!(
            checked >= 300 && passed as f64 / checked as f64 >= 0.95,
            "{name}: {passed}/{checked}"
        );
    }
    let (checked, passed) = checksum(report("naive"), "sg_nric");
    assert!(
        checked >= 50 && (passed as f64 / checked as f64) < 0.2,
        "{passed}/{checked}"
    );
}

#[test]
fn phone_region_agrees_with_the_address_in_genuine_rows_only() {
    let (genuine, careful) = (report("genuine"), report("careful"));
    let (g, c) = (
        consistency(genuine, "phone_address_region"),
        consistency(careful, "phone_address_region"),
    );
    assert!(g.checked >= 100 && g.rate >= 0.95, "{g:?}");
    // Invented numbers at addresses copied from anyone agree about as often as chance.
    assert!(c.checked >= 100 && c.rate <= 0.8, "{c:?}");
    assert!(
        genuine
            .assessment
            .iter()
            .any(|l| l.contains("postal address") && l.contains(&g.checked.to_string())),
        "{:?}",
        genuine.assessment
    );
}

#[test]
fn careful_fabrication_shows_in_consistency_and_variety() {
    let (genuine, careful) = (report("genuine"), report("careful"));
    let (g, c) = (
        consistency(genuine, "nric_birth_year"),
        consistency(careful, "nric_birth_year"),
    );
    assert!(g.checked >= 10 && g.rate >= 0.9, "{g:?}");
    assert!(c.checked >= 10 && c.rate <= 0.2, "{c:?}");
    let fill = |r: &Report| {
        r.signals
            .ids
            .iter()
            .find(|i| i.field == "customer_id")
            .unwrap()
            .fill_rate
    };
    assert!(fill(genuine) < 0.5 && fill(careful) == 1.0);
    let top = |r: &Report| {
        r.fields
            .iter()
            .find(|f| f.field.as_deref() == Some("mobile"))
            .unwrap()
            .format
            .top_format_share
    };
    assert!(
        top(careful) > 2.0 * top(genuine),
        "{} vs {}",
        top(careful),
        top(genuine)
    );
    let naive = report("naive");
    assert_eq!(naive.signals.email_domains.distinct, 1);
    assert!(top(naive) >= 0.99);
}

#[test]
fn recycled_samples_are_contained_in_the_older_dump() {
    let recycled = report("recycled");
    for kind in ["email", "phone"] {
        assert!(containment(recycled, kind) >= 0.5, "{kind}");
    }
    for k in &report("genuine").known {
        assert!(k.containment <= 0.1, "{k:?}");
    }
    assert!(recycled
        .assessment
        .iter()
        .any(|a| a.contains("forum_2019.lssketch")));
    // The older dump's dates end in 2019; the company's run to 2024.
    assert!(recycled.freshness.newest.as_deref() < Some("2020"));
    assert!(report("genuine").freshness.newest.as_deref() > Some("2024"));
}

#[test]
fn the_report_follows_the_contract() {
    for (name, (r, _)) in &fixture().reports {
        assert_eq!(r.schema, "leakscan.verify/1");
        assert_eq!(r.sample.inputs, 1);
        assert!(r.sample.records >= 400, "{name}");
        assert!(r.sample.records_matched <= r.sample.records);
        assert!(!r.assessment.is_empty());
        for line in &r.assessment {
            assert!(
                line.chars().any(|c| c.is_ascii_digit()),
                "{name}: no figure in {line:?}"
            );
        }
        for f in &r.fields {
            assert!(f.path.ends_with(".csv") && f.records > 0 || f.field.is_some());
            for m in f.matches.values() {
                assert!(m.matched <= m.checked);
                assert!(m.low <= m.rate && m.rate <= m.high, "{name} {f:?}");
            }
            for c in f.checksum.values() {
                assert!(c.passed <= c.checked && (0.0..=1.0).contains(&c.rate) && c.chance > 0.0);
            }
            assert!(f.format.values >= f.records || f.format.values == 0);
        }
        for k in &r.known {
            assert_eq!(k.sketch, "forum_2019.lssketch");
            assert!(k.low <= k.containment && k.containment <= k.high);
        }
        assert!(r.freshness.oldest <= r.freshness.newest);
        assert!(!r.freshness.by_month.is_empty());
        assert!(r.signals.duplicates.rate < 0.05);
    }
    let genuine = report("genuine");
    let aadhaar = genuine
        .fields
        .iter()
        .find(|f| f.field.as_deref() == Some("aadhaar_no"))
        .unwrap();
    assert!(aadhaar.matches["aadhaar"].rate >= 0.95);
    assert_eq!(aadhaar.checksum["aadhaar"].chance, 0.1);
    assert!(consistency(genuine, "pan_surname_initial").rate >= 0.9);
}

#[test]
fn digest_header_carries_versions_rate_and_key_fingerprint() {
    let f = fixture();
    let digest = KeyedSets::read(&f.root.join("own.lsdigest"), Role::Digest).unwrap();
    let h = &digest.header;
    assert_eq!(h.format, "leakscan.digest/1");
    assert_eq!(
        h.normalization_version,
        leakscan::detect::normalize::VERSION
    );
    assert_eq!(h.fingerprint_bits, 16);
    assert_eq!(h.false_positive_rate, FALSE_POSITIVE_RATE);
    let key = Key::read(&f.root.join("own.key")).unwrap();
    assert_eq!(h.key_fingerprint, key.fingerprint());
    assert!(digest.has(Kind::Phone) && digest.has(Kind::Aadhaar) && digest.has(Kind::CardBinLast4));
    // A sketch is no digest.
    assert!(KeyedSets::read(&f.root.join("known/forum_2019.lssketch"), Role::Digest).is_err());
}

#[test]
fn outputs_hold_no_raw_identifier() {
    let f = fixture();
    let (header, rows) = csv_rows(&std::fs::read_to_string(&f.files.claims[0]).unwrap());
    let mut raw = Vec::new();
    for cells in rows.iter().take(50) {
        for name in ["email", "mobile", "aadhaar_no", "pan", "nric"] {
            let cell = &cells[column(&header, name)];
            if cell.len() >= 8 {
                raw.push(cell.clone());
            }
        }
    }
    assert!(raw.len() > 100);
    for (name, (_, text)) in &f.reports {
        for value in &raw {
            assert!(!text.contains(value.as_str()), "{name} shows {value}");
        }
    }
}

#[test]
fn a_wrong_key_is_an_error_not_a_zero_match() {
    let f = fixture();
    let wrong = f.root.join("wrong.key");
    if !wrong.exists() {
        leakscan(&[os("digest"), os("--new-key"), wrong.as_os_str()]);
    }
    let report = f.root.join("wrong.json");
    let out = Command::new(bin())
        .arg("verify")
        .arg(&f.files.claims[0])
        .arg("--against")
        .arg(f.root.join("own.lsdigest"))
        .arg("--key-file")
        .arg(&wrong)
        .arg("--report")
        .arg(&report)
        .arg("-q")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("fingerprint"), "{err}");
    assert!(!report.exists());
    // The same for a known sketch checked with the digest's key.
    let out = Command::new(bin())
        .arg("verify")
        .arg(&f.files.claims[0])
        .arg("--known")
        .arg(f.root.join("known"))
        .arg("--sketch-key")
        .arg(f.root.join("own.key"))
        .arg("-q")
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The normal form of every number of the Indian mobile block `9876xxxxxx`.
fn block() -> impl Iterator<Item = Vec<u8>> {
    (0..1_000_000u32).map(|n| format!("919876{n:06}").into_bytes())
}

#[test]
fn without_the_key_enumerating_a_phone_block_confirms_no_more_than_chance() {
    let key = Key::from_bytes(&[0x5a; 32]).unwrap();
    let planted = b"919876543210";
    let mut hashes = vec![Vec::new(); Kind::COUNT];
    hashes[Kind::Phone.index()] = (0..20_000u64)
        .map(|i| {
            key.hash(
                Kind::Phone,
                format!("9170{:08}", i * 7919 % 100_000_000).as_bytes(),
            )
        })
        .chain([key.hash(Kind::Phone, planted)])
        .collect();
    let digest = KeyedSets::build(Role::Digest, &key, vec![], 20_001, hashes).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path: &Path = &dir.path().join("d.lsdigest");
    digest.write(path).unwrap();
    let stolen = KeyedSets::read(path, Role::Digest).unwrap();
    // With a guessed key, hits are false positives: about FPR × 1,000,000 = 15.
    let guess = Key::from_bytes(&[0x33; 32]).unwrap();
    let hits = block()
        .filter(|n| stolen.contains(Kind::Phone, guess.hash(Kind::Phone, n)))
        .count();
    let expected = 1e6 * FALSE_POSITIVE_RATE;
    assert!(
        (hits as f64) <= expected * 2.0 + 10.0,
        "{hits} hits, {expected} expected"
    );
    // With the key, the planted number is confirmed: the key is what keeps the digest private.
    let found: Vec<Vec<u8>> = block()
        .filter(|n| stolen.contains(Kind::Phone, key.hash(Kind::Phone, n)))
        .collect();
    assert!(found.iter().any(|n| n == planted));
    assert!((found.len() as f64) <= expected * 2.0 + 11.0);
}

/// A phone field's number-plan figures over the whole report: (checked, in plan, chance).
fn number_plan(r: &Report) -> (u64, u64, f64) {
    r.fields
        .iter()
        .filter_map(|f| f.number_plan.as_ref())
        .fold((0, 0, 0.0), |a, p| {
            assert!(p.in_plan <= p.checked && (0.0..=1.0).contains(&p.rate));
            (
                a.0 + p.checked,
                a.1 + p.in_plan,
                a.2 + p.chance * p.checked as f64,
            )
        })
}

#[test]
fn number_plans_tell_naive_fabrication_apart() {
    let (checked, in_plan, expected) = number_plan(report("genuine"));
    assert!(checked >= 400, "{checked}");
    assert!(
        in_plan as f64 / checked as f64 >= 0.95,
        "{in_plan}/{checked}"
    );
    let (checked, in_plan, expected_naive) = number_plan(report("naive"));
    let (rate, chance) = (
        in_plan as f64 / checked as f64,
        expected_naive / checked as f64,
    );
    assert!(checked >= 400, "{checked}");
    // Ten uniform digits after +91 are an Indian mobile (6-9) 4 times in 10, a metro fixed
    // line 3 times in 100.
    assert!((chance - 0.43).abs() < 0.02, "{chance}");
    assert!(rate <= 0.5 && rate <= chance + 0.1, "{rate} vs {chance}");
    assert!(expected > 0.0);
    // Careful fabricators draw numbers from the plans: the signal does not catch them.
    let (checked, in_plan, _) = number_plan(report("careful"));
    assert!(
        in_plan as f64 / checked as f64 >= 0.95,
        "{in_plan}/{checked}"
    );
    for (name, reading) in [
        ("genuine", "as real records do"),
        ("naive", "about what made-up numbers give"),
    ] {
        assert!(
            report(name)
                .assessment
                .iter()
                .any(|a| a.contains("numbering plan") && a.contains(reading)),
            "{name}: {:?}",
            report(name).assessment
        );
    }
}

/// The header and rows of a CSV file as the generator writes it (quoted cells may hold
/// commas, doubled quotes and line breaks).
fn csv_rows(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let (mut rows, mut row, mut cell, mut quoted) = (Vec::new(), Vec::new(), String::new(), false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            '"' => quoted = !quoted,
            ',' if !quoted => row.push(std::mem::take(&mut cell)),
            '\n' if !quoted => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            c => cell.push(c),
        }
    }
    let header = rows.remove(0);
    (header, rows)
}

/// The index of the column `name` in `header`.
fn column(header: &[String], name: &str) -> usize {
    header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name}"))
}

/// The `match` entry of `kind` in the field named `field`.
fn field_match<'a>(r: &'a Report, field: &str, kind: &str) -> &'a Match {
    r.fields
        .iter()
        .find(|f| f.field.as_deref() == Some(field))
        .and_then(|f| f.matches.get(kind))
        .unwrap_or_else(|| panic!("no {kind} match in {field}"))
}

#[test]
fn passports_and_names_with_birth_dates_match_end_to_end() {
    let f = fixture();
    let digest = KeyedSets::read(&f.root.join("own.lsdigest"), Role::Digest).unwrap();
    assert!(digest.has(Kind::Passport) && digest.has(Kind::NameDob));
    let genuine = report("genuine");
    let passport = field_match(genuine, "passport_no", "passport");
    assert!(
        passport.checked >= 100 && passport.rate >= 0.95,
        "{passport:?}"
    );
    let name_dob = field_match(genuine, "person_name+date_of_birth", "name_dob");
    assert!(
        name_dob.checked >= 400 && name_dob.rate >= 0.9,
        "{name_dob:?}"
    );
    for name in ["naive", "careful"] {
        let r = report(name);
        let passport = field_match(r, "passport_no", "passport");
        assert!(
            passport.checked >= 100 && passport.rate <= 0.05,
            "{name} {passport:?}"
        );
        let name_dob = field_match(r, "person_name+date_of_birth", "name_dob");
        assert!(
            name_dob.checked >= 100 && name_dob.rate <= 0.05,
            "{name} {name_dob:?}"
        );
    }
    assert!(genuine
        .assessment
        .iter()
        .any(|a| a.starts_with("name+date of birth") && a.contains("never count alone")));
}

#[test]
fn names_with_birth_dates_never_count_alone() {
    let f = fixture();
    // The genuine rows with nothing but each customer's name and date of birth.
    let (header, rows) = csv_rows(&std::fs::read_to_string(&f.files.claims[0]).unwrap());
    let (name, dob) = (column(&header, "full_name"), column(&header, "dob"));
    let mut text = String::from("full_name,dob\n");
    for cells in rows.iter().filter(|c| !c[name].contains([',', '"'])) {
        text.push_str(&format!("{},{}\n", cells[name], cells[dob]));
    }
    let dir = tempfile::tempdir().unwrap();
    let (sample, out) = (dir.path().join("names.csv"), dir.path().join("names.json"));
    std::fs::write(&sample, text).unwrap();
    leakscan(&[
        os("verify"),
        sample.as_os_str(),
        os("--against"),
        f.root.join("own.lsdigest").as_os_str(),
        os("--key-file"),
        f.root.join("own.key").as_os_str(),
        os("--report"),
        out.as_os_str(),
        os("-q"),
    ]);
    let r: Report = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let m = field_match(&r, "person_name+date_of_birth", "name_dob");
    assert!(m.checked >= 400 && m.rate >= 0.9, "{m:?}");
    assert_eq!(r.sample.records_matched, 0);
    assert_eq!(r.sample.records_matched_rate, 0.0);
}

/// Writes the older dump's rows split in two halves (each with the header) into `dir`.
fn halves(dir: &Path) -> [PathBuf; 2] {
    let text = std::fs::read_to_string(&fixture().files.old_dump).unwrap();
    let mut lines = text.lines();
    let header = lines.next().unwrap();
    let rows: Vec<&str> = lines.collect();
    let (a, b) = rows.split_at(rows.len() / 2);
    let paths = [dir.join("part0.csv"), dir.join("part1.csv")];
    for (path, rows) in paths.iter().zip([a, b]) {
        std::fs::write(path, format!("{header}\n{}\n", rows.join("\n"))).unwrap();
    }
    paths
}

fn scan_sketch(input: &Path, sketch: &Path, key: Option<&Path>) -> std::process::Output {
    let mut args = vec![
        os("scan"),
        input.as_os_str(),
        os("--sketch"),
        sketch.as_os_str(),
        os("-q"),
    ];
    if let Some(key) = key {
        args.extend([os("--sketch-key"), key.as_os_str()]);
    }
    leakscan(&args)
}

/// The recycled claim's report against the sketches in `known` (with their key, or the keys
/// beside them).
fn verify_known(known: &Path, key: Option<&Path>, out: &Path) -> Report {
    let mut args = vec![
        os("verify"),
        fixture().files.claims[3].as_os_str(),
        os("--known"),
        known.as_os_str(),
        os("--report"),
        out.as_os_str(),
        os("-q"),
    ];
    if let Some(key) = key {
        args.extend([os("--sketch-key"), key.as_os_str()]);
    }
    leakscan(&args);
    serde_json::from_str(&std::fs::read_to_string(out).unwrap()).unwrap()
}

#[test]
fn sketches_of_shards_merge_into_the_whole_dumps() {
    let f = fixture();
    let dir = tempfile::tempdir().unwrap();
    let skey = f.root.join("sketch.key");
    let parts = halves(dir.path());
    let shard = |i: usize| dir.path().join(format!("part{i}.lssketch"));
    for (i, part) in parts.iter().enumerate() {
        scan_sketch(part, &shard(i), Some(&skey));
    }
    let merged_dir = dir.path().join("merged");
    std::fs::create_dir(&merged_dir).unwrap();
    let merged = merged_dir.join("forum_2019.lssketch");
    leakscan(&[
        os("sketch-merge"),
        shard(0).as_os_str(),
        shard(1).as_os_str(),
        os("--out"),
        merged.as_os_str(),
    ]);
    let whole = KeyedSets::read(&f.root.join("known/forum_2019.lssketch"), Role::Sketch).unwrap();
    let united = KeyedSets::read(&merged, Role::Sketch).unwrap();
    assert_eq!(united.header.records, whole.header.records);
    for kh in &whole.header.kinds {
        let other = united
            .header
            .kinds
            .iter()
            .find(|k| k.kind == kh.kind)
            .unwrap();
        assert_eq!(other.filters, 2);
        assert_eq!(other.hll, kh.hll, "{}", kh.kind);
        assert_eq!(other.distinct_estimate, kh.distinct_estimate, "{}", kh.kind);
    }
    let a = verify_known(
        &f.root.join("known"),
        Some(&skey),
        &dir.path().join("a.json"),
    );
    let b = verify_known(&merged_dir, Some(&skey), &dir.path().join("b.json"));
    assert_eq!(a.known.len(), b.known.len());
    for (x, y) in a.known.iter().zip(&b.known) {
        assert_eq!((&x.kind, x.checked, x.found), (&y.kind, y.checked, y.found));
        assert!((x.containment - y.containment).abs() < 0.001, "{x:?} {y:?}");
    }
    assert!(b.known.iter().any(|k| k.containment >= 0.5));
    // Sketches of different keys do not merge; the error names both files.
    let other = dir.path().join("other.lssketch");
    scan_sketch(&parts[1], &other, Some(&f.root.join("own.key")));
    let out = Command::new(bin())
        .arg("sketch-merge")
        .arg(shard(0))
        .arg(&other)
        .arg("--out")
        .arg(dir.path().join("bad.lssketch"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("part0.lssketch") && err.contains("other.lssketch"),
        "{err}"
    );
    assert!(!dir.path().join("bad.lssketch").exists());
}

#[test]
fn a_sketch_without_a_given_key_gets_its_own_beside_it() {
    let f = fixture();
    let dir = tempfile::tempdir().unwrap();
    let known = dir.path().join("known");
    std::fs::create_dir(&known).unwrap();
    let sketch = known.join("forum_2019.lssketch");
    let key_file = known.join("forum_2019.lssketch.key");
    let out = scan_sketch(&f.files.old_dump, &sketch, None);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("forum_2019.lssketch.key"), "{err}");
    assert_eq!(std::fs::read(&key_file).unwrap().len(), 32);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key_file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let key = Key::read(&key_file).unwrap();
    let header = KeyedSets::read(&sketch, Role::Sketch).unwrap().header;
    assert_eq!(header.key_fingerprint, key.fingerprint());
    // Sketching again keeps the key.
    scan_sketch(&f.files.old_dump, &sketch, None);
    assert_eq!(
        Key::read(&key_file).unwrap().fingerprint(),
        key.fingerprint()
    );
    // verify --known finds the key beside the sketch, and measures what it did with the
    // shared key.
    let mine = verify_known(&known, None, &dir.path().join("mine.json"));
    let shared = &report("recycled").known;
    assert_eq!(mine.known.len(), shared.len());
    for (x, y) in mine.known.iter().zip(shared) {
        assert_eq!((&x.kind, x.checked, x.found), (&y.kind, y.checked, y.found));
    }
    // A sketch whose key is nowhere to be found is named.
    std::fs::remove_file(&key_file).unwrap();
    let out = Command::new(bin())
        .arg("verify")
        .arg(&f.files.claims[3])
        .arg("--known")
        .arg(&known)
        .arg("-q")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("forum_2019.lssketch") && err.contains("--sketch-key"),
        "{err}"
    );
}
