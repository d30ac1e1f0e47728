//! The `leakscan.verify/1` report (CONTRACT.md "Breach-claim verification"), how it is built
//! from what the sample showed, and its human summary.

use super::assess;
use super::ident::Kind;
use super::key::Key;
use super::plan;
use super::sample::{self, Against, Gathered, SampleTap, Tally};
use super::sets::{KeyedSets, Role};
use super::signals::FieldRole;
use super::stats::{above_null, round4, wilson};
use super::VerifyError;
use crate::detect::Detector;
use crate::scan::{self, ScanOptions};
use crate::types::PiiType;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The report's `schema`.
pub const SCHEMA: &str = "leakscan.verify/1";

/// The verify report.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct VerifyReport {
    /// `leakscan.verify/1`.
    pub schema: String,
    /// The sample as a whole.
    pub sample: SampleEntry,
    /// The digest checked against (with `--against`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub against: Option<AgainstEntry>,
    /// Per field of the sample.
    pub fields: Vec<FieldEntry>,
    /// Authenticity signals over the whole sample.
    pub signals: Signals,
    /// Dates of events in the sample.
    pub freshness: Freshness,
    /// Containment in known dumps (with `--known`).
    pub known: Vec<KnownEntry>,
    /// Plain-language sentences, each citing its figures.
    pub assessment: Vec<String>,
}

/// `sample`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SampleEntry {
    /// Inputs read.
    pub inputs: u64,
    /// Records read.
    pub records: u64,
    /// Records with at least one strong identifier (not card BIN+last 4 or name+DOB alone).
    pub records_with_identifiers: u64,
    /// Records with a strong identifier in the digest (with `--against`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub records_matched: Option<u64>,
    /// `records_matched / records`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub records_matched_rate: Option<f64>,
}

/// `against`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct AgainstEntry {
    /// The digest file.
    pub digest: String,
    /// Its key's fingerprint.
    pub key_fingerprint: String,
    /// Records the digest was built from.
    pub records: u64,
    /// The false-positive rate of one of its filters.
    pub false_positive_rate: f64,
    /// Null rates of the weak kinds (random values of the sample's shape and prefix mix).
    pub weak_null: BTreeMap<String, f64>,
}

/// One entry of `fields`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct FieldEntry {
    /// The input.
    pub path: String,
    /// The field (`null` for values outside any field).
    pub field: Option<String>,
    /// Records with a value in it.
    pub records: u64,
    /// Per identifier kind: matches against the digest, above the null rate.
    #[serde(default, skip_serializing_if = "Option::is_none", rename = "match")]
    pub matches: Option<BTreeMap<String, MatchEntry>>,
    /// Per checksummed type: shaped values and checksum passes.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub checksum: BTreeMap<String, ChecksumEntry>,
    /// Phone fields: the share of phone-shaped values in allocated number ranges.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number_plan: Option<PlanEntry>,
    /// Variety of the values' formats.
    pub format: FormatEntry,
}

/// A `match` entry.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct MatchEntry {
    /// Identifiers checked.
    pub checked: u64,
    /// Identifiers the digest holds.
    pub matched: u64,
    /// The rate random identifiers would match at.
    pub null: f64,
    /// Share above the null rate.
    pub rate: f64,
    /// Lower 95 % bound.
    pub low: f64,
    /// Upper 95 % bound.
    pub high: f64,
}

/// A `checksum` entry.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ChecksumEntry {
    /// Values with the type's shape.
    pub checked: u64,
    /// Those whose checksum (or holder class) is valid.
    pub passed: u64,
    /// `passed / checked`.
    pub rate: f64,
    /// The pass rate of random values of the shape.
    pub chance: f64,
}

/// A `number_plan` entry: phone-shaped values of a known plan (India, Singapore, NANP,
/// United Kingdom: [`super::plan`]) and how many fall in ranges their plan allocates.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct PlanEntry {
    /// Phone-shaped values of a known plan.
    pub checked: u64,
    /// Those in an allocated range.
    pub in_plan: u64,
    /// `in_plan / checked`.
    pub rate: f64,
    /// The rate random digits written in the same shapes would reach.
    pub chance: f64,
}

/// A field's format variety.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct FormatEntry {
    /// Values.
    pub values: u64,
    /// Distinct format classes (digits as 9, letters as A/a).
    pub formats: u64,
    /// Share of the values in the most common format.
    pub top_format_share: f64,
    /// Distinct lengths.
    pub lengths: u64,
}

/// `signals`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Signals {
    /// Cross-field consistency checks.
    pub consistency: Vec<ConsistencyEntry>,
    /// E-mail domains.
    pub email_domains: DomainsEntry,
    /// Exact duplicate records.
    pub duplicates: DuplicatesEntry,
    /// Password hashes per scheme.
    pub password_hashes: BTreeMap<String, u64>,
    /// Numeric id fields: order and gaps.
    pub ids: Vec<IdEntry>,
}

/// A cross-field check.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ConsistencyEntry {
    /// `pan_surname_initial`, `nric_birth_year`, `phone_country` or `phone_address_region`.
    pub check: String,
    /// Records where it applies.
    pub checked: u64,
    /// Records where the fields agree.
    pub consistent: u64,
    /// `consistent / checked`.
    pub rate: f64,
    /// Lower 95 % bound.
    pub low: f64,
    /// Upper 95 % bound.
    pub high: f64,
    /// The rate unrelated values would agree at.
    pub chance: f64,
}

/// `email_domains`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct DomainsEntry {
    /// Addresses.
    pub addresses: u64,
    /// Distinct domains.
    pub distinct: u64,
    /// Share of addresses at the most common domain.
    pub top_share: f64,
    /// The most common domains, with counts (at most 5).
    pub top: Vec<(String, u64)>,
    /// Addresses at domains reserved for documentation and tests.
    pub reserved: u64,
    /// Addresses at throwaway-mailbox domains.
    pub disposable: u64,
    /// Addresses at domains mail cannot reach (unknown top-level domain).
    pub invalid: u64,
}

/// `duplicates`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct DuplicatesEntry {
    /// Records with values.
    pub records: u64,
    /// Records identical to an earlier one.
    pub duplicate_records: u64,
    /// `duplicate_records / records`.
    pub rate: f64,
}

/// An id field's figures.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct IdEntry {
    /// The input.
    pub path: String,
    /// The field.
    pub field: String,
    /// Numeric ids.
    pub values: u64,
    /// Distinct ids.
    pub distinct: u64,
    /// Smallest id.
    pub min: u64,
    /// Largest id.
    pub max: u64,
    /// Share of consecutive records whose id is larger than the one before.
    pub ascending_rate: f64,
    /// Distinct ids over the span `max - min + 1`: 1 means no gaps.
    pub fill_rate: f64,
}

/// `freshness`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Freshness {
    /// Dates read from event fields (created, updated, order, login, ...).
    pub dates: u64,
    /// The oldest.
    pub oldest: Option<String>,
    /// The newest.
    pub newest: Option<String>,
    /// Dates per month.
    pub by_month: BTreeMap<String, u64>,
    /// Per event-date field.
    pub fields: Vec<DateField>,
}

/// An event-date field's range.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct DateField {
    /// The input.
    pub path: String,
    /// The field.
    pub field: String,
    /// Dates read.
    pub dates: u64,
    /// The oldest.
    pub oldest: Option<String>,
    /// The newest.
    pub newest: Option<String>,
}

/// A `known` entry.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct KnownEntry {
    /// The sketch file's name.
    pub sketch: String,
    /// The identifier kind.
    #[serde(rename = "type")]
    pub kind: String,
    /// Sample identifiers checked.
    pub checked: u64,
    /// Those the sketch holds.
    pub found: u64,
    /// Share above the null rate.
    pub containment: f64,
    /// Lower 95 % bound.
    pub low: f64,
    /// Upper 95 % bound.
    pub high: f64,
}

/// What `verify` checks a sample against.
#[derive(Clone, Debug, Default)]
pub struct VerifyOptions {
    /// A digest of one's own customers and its key file.
    pub against: Option<(PathBuf, PathBuf)>,
    /// A directory of known dumps' sketches (`*.lssketch`).
    pub known: Option<PathBuf>,
    /// The key file of the known sketches; without it, each sketch's key is read from
    /// beside it ([`Key::beside`]).
    pub sketch_key: Option<PathBuf>,
}

fn io_err(path: &Path) -> impl Fn(io::Error) -> VerifyError + '_ {
    move |e| VerifyError::Io {
        path: path.display().to_string(),
        source: e,
    }
}

/// Loads what the sample is checked against: keys checked against the files' headers.
pub fn load(opts: &VerifyOptions) -> Result<(Against, Option<String>), VerifyError> {
    let mut digest_name = None;
    let digest = match &opts.against {
        Some((file, key_file)) => {
            let key = Key::read(key_file).map_err(io_err(key_file))?;
            let digest = KeyedSets::read(file, Role::Digest)?;
            digest.check_key(&key, file)?;
            digest_name = Some(file.display().to_string());
            Some((digest, key))
        }
        None => None,
    };
    let mut known = Vec::new();
    let mut sketch_keys: Vec<Key> = Vec::new();
    if let Some(dir) = &opts.known {
        let shared = match &opts.sketch_key {
            Some(key_file) => Some(Key::read(key_file).map_err(io_err(key_file))?),
            None => None,
        };
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(io_err(dir))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "lssketch"))
            .collect();
        files.sort();
        if files.is_empty() {
            return Err(VerifyError::Usage(format!(
                "{}: no sketches (*.lssketch) to compare with",
                dir.display()
            )));
        }
        for file in files {
            let sketch = KeyedSets::read(&file, Role::Sketch)?;
            let key = match &shared {
                Some(key) => key.clone(),
                None => sketch_key_beside(&file)?,
            };
            sketch.check_key(&key, &file)?;
            let at = match sketch_keys
                .iter()
                .position(|k| k.fingerprint() == key.fingerprint())
            {
                Some(at) => at,
                None => {
                    sketch_keys.push(key);
                    sketch_keys.len() - 1
                }
            };
            let name = file.file_name().map_or_else(
                || file.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            known.push((name, sketch, at));
        }
    } else if opts.sketch_key.is_some() {
        return Err(VerifyError::Usage(
            "--sketch-key goes with --known DIR".into(),
        ));
    }
    Ok((
        Against {
            digest,
            known,
            sketch_keys,
        },
        digest_name,
    ))
}

/// The key of a sketch made without `--sketch-key`: the file `scan --sketch` wrote beside
/// it ([`Key::beside`]).
fn sketch_key_beside(sketch: &Path) -> Result<Key, VerifyError> {
    let key_file = Key::beside(sketch);
    Key::read(&key_file).map_err(|e| {
        if e.kind() == io::ErrorKind::NotFound {
            VerifyError::Usage(format!(
                "{}: no key to read it with: give --sketch-key FILE, or put its key beside it as {}",
                sketch.display(),
                key_file.display()
            ))
        } else {
            io_err(&key_file)(e)
        }
    })
}

/// Scans the sample (`scan_opts.paths`) and builds its report.
pub fn verify(scan_opts: &ScanOptions, opts: &VerifyOptions) -> Result<VerifyReport, VerifyError> {
    let (against, digest_name) = load(opts)?;
    let mut tap = SampleTap::new(Arc::new(against), scan_opts.region);
    scan::run_with(scan_opts, Some(&mut tap))?;
    let detector = Detector::builtin().map_err(|e| VerifyError::Scan(e.into()))?;
    Ok(build(&tap, digest_name, &detector))
}

/// The report of what `tap` gathered.
pub fn build(tap: &SampleTap, digest_name: Option<String>, detector: &Detector) -> VerifyReport {
    let g = &tap.gathered;
    let against = tap.against();
    let mut weak_null = BTreeMap::new();
    if let Some((digest, key)) = &against.digest {
        weak_null.insert(
            Kind::CardBinLast4.name().to_string(),
            round4(sample::bin_null_rate(&g.bins, digest, key)),
        );
        weak_null.insert(
            Kind::NameDob.name().to_string(),
            round4(sample::name_dob_null_rate(&g.name_dobs, digest, key)),
        );
    }
    let null_of = |digest: &KeyedSets, kind: Kind| match kind {
        Kind::CardBinLast4 | Kind::NameDob => weak_null[kind.name()],
        _ => digest.null_rate(kind),
    };
    let mut plan_chance: HashMap<plan::Shape, f64> = HashMap::new();
    let mut fields: Vec<FieldEntry> = g
        .fields
        .iter()
        .map(|f| {
            let hint = f
                .name
                .as_deref()
                .map(|n| detector.field_hint(n.as_bytes()))
                .unwrap_or_default();
            let matches = against.digest.as_ref().map(|(digest, _)| {
                Kind::ALL
                    .into_iter()
                    .filter(|k| f.matched[k.index()].checked > 0)
                    .map(|k| {
                        (
                            k.name().to_string(),
                            match_entry(&f.matched[k.index()], null_of(digest, k)),
                        )
                    })
                    .collect::<BTreeMap<_, _>>()
            });
            let checksum = sample::reported_shapes(f, |ty| hint.supports(ty))
                .into_iter()
                .map(|s| {
                    let t = &f.checksum[s.index()];
                    (
                        s.ty().name().to_string(),
                        ChecksumEntry {
                            checked: t.checked,
                            passed: t.passed,
                            rate: round4(t.passed as f64 / t.checked as f64),
                            chance: round4(s.chance()),
                        },
                    )
                })
                .collect();
            let number_plan = (f.found[PiiType::Phone.index()] > 0
                || hint.supports(PiiType::Phone))
            .then(|| plan_entry(&f.plan, &mut plan_chance))
            .flatten();
            let top = f.formats.values().copied().max().unwrap_or(0);
            FieldEntry {
                path: f.path.clone(),
                field: f.name.clone(),
                records: f.records,
                matches: matches.filter(|m| !m.is_empty()),
                checksum,
                number_plan,
                format: FormatEntry {
                    values: f.values,
                    formats: f.formats.len() as u64,
                    top_format_share: round4(if f.values == 0 {
                        0.0
                    } else {
                        top as f64 / f.values as f64
                    }),
                    lengths: f.lengths.len() as u64,
                },
            }
        })
        .collect();
    if g.name_dob.checked > 0 {
        if let Some((digest, _)) = &against.digest {
            let mut m = BTreeMap::new();
            m.insert(
                Kind::NameDob.name().to_string(),
                match_entry(&g.name_dob, null_of(digest, Kind::NameDob)),
            );
            fields.push(FieldEntry {
                path: g.inputs.first().cloned().unwrap_or_default(),
                field: Some("person_name+date_of_birth".into()),
                records: g.name_dob.checked,
                matches: Some(m),
                checksum: BTreeMap::new(),
                number_plan: None,
                format: FormatEntry {
                    values: 0,
                    formats: 0,
                    top_format_share: 0.0,
                    lengths: 0,
                },
            });
        }
    }
    let known = against
        .known
        .iter()
        .zip(&g.known)
        .flat_map(|((name, sketch, _), tallies)| {
            Kind::ALL
                .into_iter()
                .filter(|k| tallies[k.index()].checked > 0)
                .map(|k| {
                    let t = tallies[k.index()];
                    let r = above_null(t.passed, t.checked, sketch.null_rate(k));
                    KnownEntry {
                        sketch: name.clone(),
                        kind: k.name().to_string(),
                        checked: t.checked,
                        found: t.passed,
                        containment: round4(r.rate),
                        low: round4(r.low),
                        high: round4(r.high),
                    }
                })
                .collect::<Vec<_>>()
        })
        .collect();
    let matched = against.digest.as_ref().map(|_| g.records_matched);
    let mut report = VerifyReport {
        schema: SCHEMA.to_string(),
        sample: SampleEntry {
            inputs: g.inputs.len() as u64,
            records: g.records,
            records_with_identifiers: g.records_with_strong,
            records_matched: matched,
            records_matched_rate: matched.map(|m| {
                round4(if g.records == 0 {
                    0.0
                } else {
                    m as f64 / g.records as f64
                })
            }),
        },
        against: against.digest.as_ref().map(|(digest, key)| AgainstEntry {
            digest: digest_name.unwrap_or_default(),
            key_fingerprint: key.fingerprint(),
            records: digest.header.records,
            false_positive_rate: digest.header.false_positive_rate,
            weak_null,
        }),
        fields,
        signals: signals(g),
        freshness: freshness(g),
        known,
        assessment: Vec::new(),
    };
    report.assessment = assess::assess(&report);
    report
}

/// The `number_plan` entry of a field's phone shapes; the chance rate of each shape is
/// measured once per report.
fn plan_entry(
    shapes: &[(plan::Shape, Tally)],
    chance: &mut HashMap<plan::Shape, f64>,
) -> Option<PlanEntry> {
    let checked: u64 = shapes.iter().map(|s| s.1.checked).sum();
    if checked == 0 {
        return None;
    }
    let in_plan: u64 = shapes.iter().map(|s| s.1.passed).sum();
    let expected: f64 = shapes
        .iter()
        .map(|(shape, t)| {
            t.checked as f64 * *chance.entry(*shape).or_insert_with(|| plan::chance(*shape))
        })
        .sum();
    Some(PlanEntry {
        checked,
        in_plan,
        rate: round4(in_plan as f64 / checked as f64),
        chance: round4(expected / checked as f64),
    })
}

fn match_entry(t: &Tally, null: f64) -> MatchEntry {
    let r = above_null(t.passed, t.checked, null);
    MatchEntry {
        checked: t.checked,
        matched: t.passed,
        null,
        rate: round4(r.rate),
        low: round4(r.low),
        high: round4(r.high),
    }
}

fn consistency(check: &str, t: &Tally, chance: f64) -> Option<ConsistencyEntry> {
    (t.checked > 0).then(|| {
        let (low, high) = wilson(t.passed, t.checked);
        ConsistencyEntry {
            check: check.to_string(),
            checked: t.checked,
            consistent: t.passed,
            rate: round4(t.passed as f64 / t.checked as f64),
            low: round4(low),
            high: round4(high),
            chance: round4(chance),
        }
    })
}

fn signals(g: &Gathered) -> Signals {
    let c = &g.cross;
    let consistency = [
        consistency("pan_surname_initial", &c.pan_surname, 1.0 / 26.0),
        consistency("nric_birth_year", &c.nric_birth, 1.0 / 100.0),
        consistency(
            "phone_country",
            &c.phone_country.agree,
            c.phone_country.chance(),
        ),
        consistency(
            "phone_address_region",
            &c.phone_address.agree,
            c.phone_address.chance(),
        ),
    ]
    .into_iter()
    .flatten()
    .collect();
    let addresses: u64 = g.domains.values().sum();
    let mut top: Vec<(String, u64)> = g.domains.iter().map(|(d, n)| (d.clone(), *n)).collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    top.truncate(5);
    let kinds = sample::domain_kinds(&g.domains);
    let mut seen: HashMap<u64, ()> = HashMap::with_capacity(g.record_prints.len());
    let dups = g
        .record_prints
        .iter()
        .filter(|p| seen.insert(**p, ()).is_some())
        .count() as u64;
    let ids = g
        .fields
        .iter()
        .filter(|f| {
            f.role() == Some(FieldRole::Id) && f.ids.len() >= 2 && f.ids.len() as u64 * 2 > f.values
        })
        .map(|f| {
            let mut sorted = f.ids.clone();
            sorted.sort_unstable();
            sorted.dedup();
            let (min, max) = (sorted[0], sorted[sorted.len() - 1]);
            let ascending = f.ids.windows(2).filter(|w| w[1] > w[0]).count();
            IdEntry {
                path: f.path.clone(),
                field: f.name.clone().unwrap_or_default(),
                values: f.ids.len() as u64,
                distinct: sorted.len() as u64,
                min,
                max,
                ascending_rate: round4(ascending as f64 / (f.ids.len() - 1) as f64),
                fill_rate: round4(sorted.len() as f64 / (max - min + 1) as f64),
            }
        })
        .collect();
    Signals {
        consistency,
        email_domains: DomainsEntry {
            addresses,
            distinct: g.domains.len() as u64,
            top_share: round4(top.first().map_or(0.0, |t| t.1 as f64 / addresses as f64)),
            top,
            reserved: kinds[1],
            disposable: kinds[2],
            invalid: kinds[3],
        },
        duplicates: DuplicatesEntry {
            records: g.record_prints.len() as u64,
            duplicate_records: dups,
            rate: round4(if g.record_prints.is_empty() {
                0.0
            } else {
                dups as f64 / g.record_prints.len() as f64
            }),
        },
        password_hashes: g.hash_schemes.clone(),
        ids,
    }
}

fn date(d: Option<(u16, u8, u8)>) -> Option<String> {
    d.map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))
}

fn freshness(g: &Gathered) -> Freshness {
    let dated: Vec<_> = g.fields.iter().filter(|f| f.dates.0 > 0).collect();
    Freshness {
        dates: dated.iter().map(|f| f.dates.0).sum(),
        oldest: date(dated.iter().filter_map(|f| f.dates.1).min()),
        newest: date(dated.iter().filter_map(|f| f.dates.2).max()),
        by_month: g.by_month.clone(),
        fields: dated
            .iter()
            .map(|f| DateField {
                path: f.path.clone(),
                field: f.name.clone().unwrap_or_default(),
                dates: f.dates.0,
                oldest: date(f.dates.1),
                newest: date(f.dates.2),
            })
            .collect(),
    }
}

/// Writes the report as JSON to `path`: atomically for a file, in place for a device.
pub fn write(report: &VerifyReport, path: &Path) -> io::Result<()> {
    let json = serde_json::to_vec_pretty(report)?;
    let is_file = std::fs::metadata(path).map_or(true, |m| m.is_file());
    if !is_file {
        return std::fs::write(path, &json);
    }
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(&json)?;
    tmp.write_all(b"\n")?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// The human summary: the assessment, then the figures per field.
pub fn render(report: &VerifyReport, out: &mut dyn Write) -> io::Result<()> {
    let s = &report.sample;
    writeln!(
        out,
        "Sample: {} records in {} input(s)",
        s.records, s.inputs
    )?;
    if let (Some(m), Some(r)) = (s.records_matched, s.records_matched_rate) {
        writeln!(out, "Matched: {m} records ({})", super::stats::pct(r))?;
    }
    writeln!(out, "\nAssessment:")?;
    for line in &report.assessment {
        writeln!(out, "  - {line}")?;
    }
    writeln!(out, "\nFields:")?;
    for f in &report.fields {
        let name = f.field.as_deref().unwrap_or("(none)");
        let mut parts = Vec::new();
        for (k, m) in f.matches.iter().flatten() {
            parts.push(format!(
                "{k} match {} [{}–{}] of {}",
                super::stats::pct(m.rate),
                super::stats::pct(m.low),
                super::stats::pct(m.high),
                m.checked
            ));
        }
        for (t, c) in &f.checksum {
            parts.push(format!(
                "{t} checksum {} of {} (chance {})",
                super::stats::pct(c.rate),
                c.checked,
                super::stats::pct(c.chance)
            ));
        }
        if let Some(p) = &f.number_plan {
            parts.push(format!(
                "number plan {} of {} (chance {})",
                super::stats::pct(p.rate),
                p.checked,
                super::stats::pct(p.chance)
            ));
        }
        if parts.is_empty() {
            continue;
        }
        writeln!(out, "  {}: {name}: {}", f.path, parts.join("; "))?;
    }
    if !report.known.is_empty() {
        writeln!(out, "\nKnown dumps:")?;
        for k in &report.known {
            writeln!(
                out,
                "  {}: {} containment {} [{}–{}] of {}",
                k.sketch,
                k.kind,
                super::stats::pct(k.containment),
                super::stats::pct(k.low),
                super::stats::pct(k.high),
                k.checked
            )?;
        }
    }
    Ok(())
}
