//! The summary report (`--report`): the serde types of CONTRACT.md's JSON report, built from a
//! [`ScanSummary`] and written atomically. The same types read a saved report back (for tests
//! and for merging parts).
//!
//! Every per-type map is a [`TypeMap`], which keeps the contract's type order whatever order
//! the types were found in, so that two scans of the same data give byte-identical reports.

use crate::aggregate::hll::EncodedHll;
use crate::aggregate::{
    FieldStats, ImageCounts, InputSummary, ScanSummary, Skipped, Totals, TypeStats,
};
use crate::detect::normalize;
use crate::error::InputError;
use crate::output::mask::Masked;
use crate::types::PiiType;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::io::{self, Write};
use std::marker::PhantomData;
use std::path::Path;

/// The `schema` of this report format.
pub const SCHEMA: &str = "leakscan.report/1";

/// The summary report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Always [`SCHEMA`] for reports this version writes.
    pub schema: String,
    /// The program that wrote it.
    pub tool: Tool,
    /// False when the scan was interrupted.
    pub complete: bool,
    /// Totals of the scan.
    pub scanned: Scanned,
    /// Fingerprint of the key the sketches were hashed with (hex).
    pub sketch_key: String,
    /// Fingerprint of the detectors that ran: built-in and added pattern files, `--types`
    /// (hex; empty in reports written before it existed).
    #[serde(default)]
    pub patterns: String,
    /// Version of the normal forms values are hashed in ([`normalize::VERSION`]; 0 in
    /// reports written before it existed).
    #[serde(default)]
    pub normalization: u32,
    /// One entry per scanned leaf input, in walk order.
    pub inputs: Vec<InputEntry>,
    /// Per type over the whole scan.
    pub types: TypeMap<TypeTotal>,
    /// Per field of each input: inputs in walk order, fields in order of first appearance.
    pub fields: Vec<FieldEntry>,
    /// Inputs passed over.
    pub skipped: Vec<SkippedEntry>,
    /// Inputs that could not be read, wholly or in part.
    pub errors: Vec<ErrorEntry>,
    /// Images read for their metadata, by kind (left out when there is none).
    #[serde(default, skip_serializing_if = "ImageCounts::is_empty")]
    pub images: ImageCounts,
}

/// The `tool` object.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tool {
    /// `leakscan`.
    pub name: String,
    /// The crate version.
    pub version: String,
}

/// The `scanned` object.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scanned {
    /// Number of entries in `inputs`.
    pub inputs: u64,
    /// Sum of the inputs' `bytes_scanned`.
    pub bytes: u64,
    /// Sum of the inputs' `records`.
    pub records: u64,
    /// Wall-clock seconds, to the millisecond.
    pub seconds: f64,
}

/// One entry of `inputs`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InputEntry {
    /// The input as reported.
    pub path: String,
    /// For a part (`--range START-END`): `[START, END]` as asked for (END may lie past the end).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range: Option<[u64; 2]>,
    /// The format it was read in.
    pub format: String,
    /// Its text encoding.
    pub encoding: String,
    /// The region used for numbers without a country code.
    pub region: String,
    /// Size as stored.
    pub bytes_on_disk: u64,
    /// Size of the decoded content.
    pub bytes_decoded: u64,
    /// Bytes tokenised.
    pub bytes_scanned: u64,
    /// Bytes passed over.
    pub bytes_skipped: u64,
    /// Records seen.
    pub records: u64,
    /// `ok`, `partial` or `error`.
    pub status: String,
    /// `extracted-text` for a document read for its text (a PDF, a spreadsheet, an e-mail,
    /// an image's metadata, a database): `bytes_decoded` and `bytes_scanned` count the
    /// extracted text (`bytes_decoded` also the binary BLOBs of a database, counted in
    /// `bytes_skipped`), and offsets in findings are offsets in it. Left out for inputs
    /// scanned as stored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
}

/// One entry of the top-level `types` map.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TypeTotal {
    /// Findings of the type.
    pub count: u64,
    /// Distinct normalised values, from `hll`.
    pub distinct_estimate: u64,
    /// The sketch the estimate comes from.
    pub hll: EncodedHll,
}

/// One entry of `fields`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldEntry {
    /// The input the field belongs to.
    pub path: String,
    /// The range of the part the field belongs to, as its input entry gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range: Option<[u64; 2]>,
    /// The field's name; `null` for values outside any field.
    pub field: Option<String>,
    /// Records in which the field holds a value.
    pub records: u64,
    /// Per type found in the field.
    pub types: TypeMap<FieldType>,
}

/// One entry of a field's `types` map.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldType {
    /// Findings of the type in the field.
    pub count: u64,
    /// Records in which the field holds at least one finding of the type.
    pub records: u64,
    /// Distinct normalised values, from `hll`.
    pub distinct_estimate: u64,
    /// The sketch the estimate comes from.
    pub hll: EncodedHll,
    /// The first masked examples, in input order.
    pub examples: Vec<Masked>,
}

/// One entry of `skipped`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkippedEntry {
    /// The input as reported.
    pub path: String,
    /// Why it was not scanned.
    pub reason: String,
    /// Its size in bytes.
    pub bytes: u64,
}

/// One entry of `errors`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorEntry {
    /// The input as reported.
    pub path: String,
    /// What went wrong (never a value from the input).
    pub error: String,
    /// Decoded bytes read before the failure.
    pub offset: u64,
    /// Bytes left unread because of it, where known (a file that could not be read at all:
    /// its size); 0 otherwise and in reports written before it existed.
    #[serde(default)]
    pub bytes: u64,
}

/// A map keyed by type that serialises as a JSON object keyed by type names, in contract order
/// ([`PiiType`]'s `Ord` is the order of [`PiiType::ALL`]). Reading rejects unknown and
/// repeated names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypeMap<T>(pub BTreeMap<PiiType, T>);

impl<T> Default for TypeMap<T> {
    fn default() -> Self {
        TypeMap(BTreeMap::new())
    }
}

impl<T: Serialize> Serialize for TypeMap<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (ty, value) in &self.0 {
            map.serialize_entry(ty.name(), value)?;
        }
        map.end()
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for TypeMap<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TypeMapVisitor<T>(PhantomData<T>);

        impl<'de, T: Deserialize<'de>> Visitor<'de> for TypeMapVisitor<T> {
            type Value = TypeMap<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object keyed by type names")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
                let mut map = BTreeMap::new();
                while let Some(name) = access.next_key::<String>()? {
                    let ty = PiiType::from_name(&name)
                        .ok_or_else(|| de::Error::custom(format_args!("unknown type `{name}`")))?;
                    if map.insert(ty, access.next_value()?).is_some() {
                        return Err(de::Error::custom(format_args!("type `{name}` repeated")));
                    }
                }
                Ok(TypeMap(map))
            }
        }

        deserializer.deserialize_map(TypeMapVisitor(PhantomData))
    }
}

/// Builds the report of a scan.
pub fn build(summary: &ScanSummary) -> Report {
    let inputs: Vec<InputEntry> = summary.inputs.iter().map(input_entry).collect();
    let scanned = Scanned {
        inputs: inputs.len() as u64,
        bytes: inputs.iter().map(|i| i.bytes_scanned).sum(),
        records: inputs.iter().map(|i| i.records).sum(),
        seconds: to_millis(summary.seconds),
    };
    let fields = summary
        .inputs
        .iter()
        .flat_map(|input| {
            input
                .stats
                .fields
                .iter()
                .map(|field| field_entry(&input.path, range_of(input), field))
        })
        .collect();
    Report {
        schema: SCHEMA.to_owned(),
        tool: Tool {
            name: env!("CARGO_PKG_NAME").to_owned(),
            version: env!("CARGO_PKG_VERSION").to_owned(),
        },
        complete: summary.complete,
        scanned,
        sketch_key: summary.sketch_key_fingerprint.clone(),
        patterns: summary.patterns_fingerprint.clone(),
        normalization: normalize::VERSION,
        inputs,
        types: type_totals(&summary.totals),
        fields,
        skipped: summary.skipped.iter().map(skipped_entry).collect(),
        errors: summary.errors.iter().map(error_entry).collect(),
        images: summary.images,
    }
}

/// The top-level `types` of the totals: every type found, in contract order.
pub(crate) fn type_totals(totals: &Totals) -> TypeMap<TypeTotal> {
    let types = PiiType::ALL
        .into_iter()
        .zip(&totals.types)
        .filter(|(_, stats)| stats.count > 0 || !stats.distinct.is_empty())
        .map(|(ty, stats)| {
            let total = TypeTotal {
                count: stats.count,
                distinct_estimate: stats.distinct.estimate(),
                hll: stats.distinct.encode(),
            };
            (ty, total)
        })
        .collect();
    TypeMap(types)
}

/// Seconds rounded to the millisecond; 0 if not a finite, non-negative number (JSON has no NaN).
fn to_millis(seconds: f64) -> f64 {
    if seconds.is_finite() && seconds > 0.0 {
        (seconds * 1000.0).round() / 1000.0
    } else {
        0.0
    }
}

/// The report form of a part's range.
fn range_of(input: &InputSummary) -> Option<[u64; 2]> {
    input.range.map(|r| [r.start, r.end])
}

fn input_entry(input: &InputSummary) -> InputEntry {
    InputEntry {
        path: input.path.clone(),
        range: range_of(input),
        format: input.format.to_owned(),
        encoding: input.encoding.to_owned(),
        region: input.region.clone(),
        bytes_on_disk: input.bytes_on_disk,
        bytes_decoded: input.bytes_decoded,
        bytes_scanned: input.stats.bytes_scanned,
        bytes_skipped: input.stats.bytes_skipped,
        records: input.stats.records,
        status: input.status.name().to_owned(),
        content: input.content.map(str::to_owned),
    }
}

/// The `fields` entry of `field` of the input (or part) `path` (`range`).
pub(crate) fn field_entry(path: &str, range: Option<[u64; 2]>, field: &FieldStats) -> FieldEntry {
    let types = field
        .types
        .iter()
        .map(|(ty, stats)| (*ty, field_type(stats)))
        .collect();
    FieldEntry {
        path: path.to_owned(),
        range,
        field: field.name.clone(),
        records: field.records,
        types: TypeMap(types),
    }
}

fn field_type(stats: &TypeStats) -> FieldType {
    FieldType {
        count: stats.count,
        records: stats.records,
        distinct_estimate: stats.distinct.estimate(),
        hll: stats.distinct.encode(),
        examples: stats.examples.clone(),
    }
}

fn skipped_entry(skipped: &Skipped) -> SkippedEntry {
    SkippedEntry {
        path: skipped.path.clone(),
        reason: skipped.reason.clone(),
        bytes: skipped.bytes,
    }
}

fn error_entry(error: &InputError) -> ErrorEntry {
    ErrorEntry {
        path: error.path.clone(),
        error: error.message.clone(),
        offset: error.offset,
        bytes: error.bytes,
    }
}

/// Writes `report` to `path` as pretty JSON with a trailing newline, atomically: into a
/// temporary file in the same directory, synced, then renamed over `path`, so a reader never
/// sees half a report and an interrupted write leaves the old one. The file gets the mode a
/// plain create would give (0666 less the umask).
pub fn write_atomic(report: &Report, path: &Path) -> io::Result<()> {
    write_file_atomic(path, |out| {
        serde_json::to_writer_pretty(&mut *out, report)?;
        out.write_all(b"\n")
    })
}

/// Writes a file atomically, as [`write_atomic`] does, with what `write` writes.
pub(crate) fn write_file_atomic(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    // A device or pipe (`--report /dev/null`, `--report /dev/stdout`) is written in place:
    // renaming a temporary file over it would replace the device itself.
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
        let mut out = io::BufWriter::new(std::fs::OpenOptions::new().write(true).open(path)?);
        write(&mut out)?;
        return out.flush();
    }
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".leakscan-report-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(dir)?;
    {
        let mut out = io::BufWriter::new(temp.as_file_mut());
        write(&mut out)?;
        out.flush()?;
    }
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::aggregate::hll::Hll;
    use crate::aggregate::{InputStats, InputStatus};
    use crate::error::ErrorKind;
    use crate::output::mask::mask;

    fn sketch(values: std::ops::Range<u64>) -> Hll {
        let mut hll = Hll::default();
        for v in values {
            hll.insert_hash(v.wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(17));
        }
        hll
    }

    fn type_stats(count: u64, records: u64, distinct: Hll, examples: Vec<Masked>) -> TypeStats {
        TypeStats {
            count,
            records,
            distinct,
            examples,
            example_at: Vec::new(),
        }
    }

    /// Two inputs: the first with a phone field and a field holding e-mails before names
    /// (against contract order), the second with findings outside any field.
    pub(crate) fn summary() -> ScanSummary {
        let phones = type_stats(
            3,
            3,
            sketch(0..3),
            vec![mask(PiiType::Phone, b"+91 98765 43210")],
        );
        let emails = type_stats(2, 2, sketch(10..12), vec![]);
        let names = type_stats(1, 1, sketch(20..21), vec![]);
        let users = InputStats {
            records: 4,
            bytes_scanned: 1000,
            bytes_skipped: 24,
            fields: vec![
                FieldStats {
                    name: Some("mobile".into()),
                    records: 4,
                    types: vec![(PiiType::Phone, phones)],
                    ..FieldStats::default()
                },
                FieldStats {
                    name: Some("contact".into()),
                    records: 4,
                    types: vec![(PiiType::Email, emails), (PiiType::PersonName, names)],
                    ..FieldStats::default()
                },
            ],
        };
        let notes = InputStats {
            records: 7,
            bytes_scanned: 500,
            bytes_skipped: 0,
            fields: vec![FieldStats {
                name: None,
                records: 7,
                types: vec![(PiiType::Email, type_stats(1, 1, sketch(11..12), vec![]))],
                ..FieldStats::default()
            }],
        };
        let mut totals = Totals::default();
        totals.add_input(&users);
        totals.add_input(&notes);
        let input = |path: &str, status, stats: InputStats| InputSummary {
            path: path.into(),
            format: "csv",
            encoding: "utf-8",
            region: "IN".into(),
            bytes_on_disk: 300,
            bytes_decoded: stats.bytes_scanned + stats.bytes_skipped,
            range: None,
            status,
            stats,
            content: None,
        };
        ScanSummary {
            complete: true,
            seconds: 1.23456,
            inputs: vec![
                input("dump/users.csv.gz", InputStatus::Ok, users),
                input("dump/notes.txt", InputStatus::Partial, notes),
            ],
            skipped: vec![Skipped {
                path: "img/1.jpg".into(),
                reason: "binary".into(),
                bytes: 48213,
            }],
            errors: vec![InputError::new(
                "locked.csv",
                ErrorKind::Io,
                "permission denied",
            )],
            totals,
            sketch_key_fingerprint: "0123abcd".into(),
            patterns_fingerprint: "feed".into(),
            images: Default::default(),
        }
    }

    #[test]
    fn builds_the_contract_report() {
        let report = build(&summary());
        assert_eq!(report.schema, "leakscan.report/1");
        assert_eq!(report.tool.name, "leakscan");
        assert_eq!(report.tool.version, env!("CARGO_PKG_VERSION"));
        assert_eq!(report.sketch_key, "0123abcd");
        assert_eq!(
            report.scanned,
            Scanned {
                inputs: 2,
                bytes: 1500,
                records: 11,
                seconds: 1.235
            }
        );
        assert_eq!(report.inputs[0].bytes_decoded, 1024);
        assert_eq!(report.inputs[0].bytes_skipped, 24);
        assert_eq!(report.inputs[1].status, "partial");
        let totals: Vec<_> = report.types.0.iter().map(|(t, v)| (*t, v.count)).collect();
        assert_eq!(
            totals,
            [
                (PiiType::PersonName, 1),
                (PiiType::Email, 3),
                (PiiType::Phone, 3)
            ]
        );
        // Two e-mail values, one of them in both inputs.
        assert_eq!(report.types.0[&PiiType::Email].distinct_estimate, 2);
        let fields: Vec<_> = report
            .fields
            .iter()
            .map(|f| (f.path.as_str(), f.field.as_deref()))
            .collect();
        assert_eq!(
            fields,
            [
                ("dump/users.csv.gz", Some("mobile")),
                ("dump/users.csv.gz", Some("contact")),
                ("dump/notes.txt", None)
            ]
        );
        let phone = &report.fields[0].types.0[&PiiType::Phone];
        assert_eq!(
            (phone.count, phone.records, phone.distinct_estimate),
            (3, 3, 3)
        );
        assert_eq!(phone.examples[0].as_str(), "+91 ••••••3210");
        assert_eq!(Hll::decode(&phone.hll), Some(sketch(0..3)));
        assert_eq!(report.skipped[0].reason, "binary");
        assert_eq!(
            report.errors,
            [ErrorEntry {
                path: "locked.csv".into(),
                error: "permission denied".into(),
                offset: 0,
                bytes: 0
            }]
        );
    }

    #[test]
    fn json_has_contract_keys_in_order() {
        let json = serde_json::to_string(&build(&summary())).unwrap();
        let top = [
            "{\"schema\":",
            ",\"tool\":",
            ",\"complete\":",
            ",\"scanned\":",
            ",\"sketch_key\":",
            ",\"patterns\":\"feed\"",
            ",\"normalization\":",
            ",\"inputs\":[",
            ",\"types\":{",
            ",\"fields\":[",
            ",\"skipped\":[",
            ",\"errors\":[",
        ];
        let positions: Vec<usize> = top.iter().map(|k| json.find(k).unwrap()).collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "{json}");
        // Contract type order inside a field, although e-mail was found first.
        let contact = &json[json.find("\"contact\"").unwrap()..];
        assert!(contact.find("\"person_name\"").unwrap() < contact.find("\"email\"").unwrap());
        assert!(json.contains("\"field\":null"), "{json}");
        assert!(
            !json.contains("\"range\""),
            "only parts have a range: {json}"
        );
        assert!(json.contains(
            "\"types\":{\"phone\":{\"count\":3,\"records\":3,\"distinct_estimate\":3,\"hll\":{\"p\":14,"
        ));
    }

    #[test]
    fn reads_back_what_it_writes() {
        let report = build(&summary());
        let json = serde_json::to_string_pretty(&report).unwrap();
        let back: Report = serde_json::from_str(&json).unwrap();
        assert_eq!(back, report);
    }

    #[test]
    fn type_maps_follow_contract_order() {
        // `TypeMap` relies on `PiiType`'s `Ord` being the order of `PiiType::ALL`.
        assert!(PiiType::ALL.windows(2).all(|w| w[0] < w[1]));
        let map = TypeMap(PiiType::ALL.into_iter().rev().map(|t| (t, 0u8)).collect());
        let json = serde_json::to_string(&map).unwrap();
        let names: Vec<&str> = PiiType::ALL.iter().map(|t| t.name()).collect();
        let mut positions = names
            .iter()
            .map(|n| json.find(&format!("\"{n}\"")).unwrap());
        let first = positions.next().unwrap();
        positions
            .try_fold(first, |prev, p| (prev < p).then_some(p))
            .unwrap();
    }

    #[test]
    fn rejects_unknown_and_repeated_types() {
        let read = |json: &str| serde_json::from_str::<TypeMap<u64>>(json);
        assert_eq!(read("{\"email\":1}").unwrap().0[&PiiType::Email], 1);
        let unknown = read("{\"ssn\":1}").unwrap_err().to_string();
        assert!(unknown.contains("unknown type `ssn`"), "{unknown}");
        let repeated = read("{\"email\":1,\"email\":2}").unwrap_err().to_string();
        assert!(repeated.contains("repeated"), "{repeated}");
    }

    #[test]
    fn seconds_are_always_a_json_number() {
        assert_eq!(to_millis(f64::NAN), 0.0);
        assert_eq!(to_millis(-1.0), 0.0);
        assert_eq!(to_millis(0.0004), 0.0);
        assert_eq!(to_millis(2.0006), 2.001);
    }

    #[test]
    fn empty_summary_gives_empty_lists() {
        let report = build(&ScanSummary::default());
        assert!(report.types.0.is_empty() && report.fields.is_empty());
        assert_eq!(report.scanned.inputs, 0);
    }

    #[test]
    fn writes_atomically_with_a_trailing_newline() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.json");
        std::fs::write(&path, "old").unwrap();
        let report = build(&summary());
        write_atomic(&report, &path).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.ends_with("}\n"));
        assert!(text.contains("\n  \"schema\": \"leakscan.report/1\""));
        assert_eq!(serde_json::from_str::<Report>(&text).unwrap(), report);
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["report.json"], "no temporary file is left");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o600, 0o600, "owner can read and write");
        }
    }

    #[test]
    fn write_errors_surface() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("no/such/dir/report.json");
        assert!(write_atomic(&build(&summary()), &missing).is_err());
    }

    /// Writing to a device writes through it; it never renames a file over the device.
    #[cfg(unix)]
    #[test]
    fn a_device_is_written_in_place() {
        use std::os::unix::fs::FileTypeExt;
        let null = Path::new("/dev/null");
        if !std::fs::metadata(null).is_ok_and(|m| m.file_type().is_char_device()) {
            return; // no /dev/null device on this machine to write through
        }
        write_file_atomic(null, |out| out.write_all(b"{}\n")).unwrap();
        assert!(std::fs::metadata(null)
            .unwrap()
            .file_type()
            .is_char_device());
    }
}
