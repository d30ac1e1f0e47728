//! Helpers shared by the test modules.

use leakscan::detect::geo::{self, Pairing};
use leakscan::detect::{Detector, Hit};
use leakscan::format::{text, FieldRef, FieldSink, Scratch, Value};
use leakscan::types::PiiType;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Types whose detectors are built: the pattern vectors and the accuracy test cover each.
pub const BUILT: [PiiType; 16] = [
    PiiType::Email,
    PiiType::UpiId,
    PiiType::Phone,
    PiiType::CardNumber,
    PiiType::CardPartial,
    PiiType::Aadhaar,
    PiiType::PanIn,
    PiiType::SgNric,
    PiiType::UsSsn,
    PiiType::IpAddress,
    PiiType::PasswordHash,
    PiiType::DateOfBirth,
    PiiType::Passport,
    PiiType::PasswordPlain,
    PiiType::PersonName,
    PiiType::PostalAddress,
];

/// Types read from their context rather than found at an anchor byte (a digit, `@` or
/// `$`): their values need not hold one.
pub const CONTEXTUAL: [PiiType; 3] = [
    PiiType::PasswordPlain,
    PiiType::PersonName,
    PiiType::PostalAddress,
];

/// A value found by [`scan_line`]: its text, type and field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub text: String,
    pub ty: PiiType,
    pub field: Option<String>,
}

/// Collects detection results of a tokenised line or record, pairing a record's latitude
/// and longitude fields as the scan does.
struct LineSink<'a> {
    det: &'a Detector,
    found: Vec<Found>,
    pairing: Pairing<Found>,
}

impl FieldSink for LineSink<'_> {
    fn value(&mut self, field: FieldRef<'_>, value: Value<'_>) {
        let (hint, name) = match field {
            FieldRef::Name(n) => (
                self.det.field_hint(n),
                Some(String::from_utf8_lossy(n).into_owned()),
            ),
            _ => (Default::default(), None),
        };
        let mut hits: Vec<Hit> = Vec::new();
        self.det.detect(value.bytes, hint, &mut hits);
        for h in hits {
            self.found.push(Found {
                text: String::from_utf8_lossy(&value.bytes[h.start..h.end]).into_owned(),
                ty: h.ty,
                field: name.clone(),
            });
        }
        let FieldRef::Name(n) = field else { return };
        let Some(axis) = self.det.axis(n) else { return };
        let Some((start, end)) = geo::coordinate(value.bytes, axis) else {
            return;
        };
        let found = Found {
            text: String::from_utf8_lossy(&value.bytes[start..end]).into_owned(),
            ty: PiiType::GeoLocation,
            field: name,
        };
        if let Some((latitude, longitude)) = self.pairing.offer(axis, found) {
            self.found.extend([latitude, longitude]);
        }
    }
    fn end_record(&mut self) {
        self.pairing.end_record();
    }
}

/// Scans one record of named fields, `(name, value)` in order, the way a CSV row or a JSON
/// object is scanned (a latitude field pairs with a longitude field).
pub fn scan_record(det: &Detector, fields: &[(&str, &str)]) -> Vec<Found> {
    let mut sink = LineSink {
        det,
        found: Vec::new(),
        pairing: Pairing::default(),
    };
    for (name, value) in fields {
        sink.value(
            FieldRef::Name(name.as_bytes()),
            Value {
                bytes: value.as_bytes(),
                offset: 0,
                stored_at: None,
            },
        );
    }
    sink.end_record();
    sink.found
}

/// Scans one line of free text the way a text input is scanned (`key=value` pairs are fields).
pub fn scan_line(det: &Detector, line: &str) -> Vec<Found> {
    let mut sink = LineSink {
        det,
        found: Vec::new(),
        pairing: Pairing::default(),
    };
    let data = line.as_bytes();
    text::tokenize(data, 0..data.len(), 0, &mut Scratch::default(), &mut sink);
    sink.found
}

/// Scans `value` as the value of a field named `field`.
pub fn scan_field(det: &Detector, field: &str, value: &str) -> Vec<Found> {
    let mut hits = Vec::new();
    det.detect(
        value.as_bytes(),
        det.field_hint(field.as_bytes()),
        &mut hits,
    );
    hits.into_iter()
        .map(|h| Found {
            text: value[h.start..h.end].to_string(),
            ty: h.ty,
            field: Some(field.to_string()),
        })
        .collect()
}

/// The built-in detector, compiled once.
pub fn detector() -> &'static Detector {
    static DET: OnceLock<Detector> = OnceLock::new();
    DET.get_or_init(|| Detector::builtin().expect("built-in patterns load"))
}

/// The leakscan binary under test.
pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_leakscan"))
}

/// At least 4 MiB of generated CSV rows (`id,email,mobile`, header first): a block to
/// compress once and repeat as gzip members; with its number of rows.
pub fn csv_block() -> (String, u64) {
    let mut block = String::from("id,email,mobile\n");
    let mut i = 0u64;
    while block.len() < 4 << 20 {
        i += 1;
        block += &format!(
            "{i},user{i}@example.com,+91 98{:08}\n",
            i * 7919 % 100_000_000
        );
    }
    (block, i)
}

/// Writes a synthetic corpus of about `bytes` with `seed` into `dir`.
pub fn synth(dir: &Path, bytes: u64, seed: u64) {
    let status = std::process::Command::new(bin())
        .args(["synth", "--out"])
        .arg(dir)
        .args(["--size", &bytes.to_string(), "--seed", &seed.to_string()])
        .status()
        .expect("leakscan synth runs");
    assert!(status.success(), "leakscan synth failed");
}

/// One line of truth.jsonl or of the findings stream (the fields both share).
#[derive(Clone, Debug, serde::Deserialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct Span {
    pub path: String,
    pub offset: u64,
    pub length: u64,
    #[serde(rename = "type")]
    pub ty: String,
    pub field: Option<String>,
    pub record: Option<u64>,
}

/// The spans of a truth or findings file.
pub fn read_spans(path: &Path) -> Vec<Span> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Findings scored against truth: per type (matched, truth, found), and the matches whose
/// field or record differ.
#[derive(Debug, Default)]
pub struct Score {
    pub by_type: std::collections::BTreeMap<String, (u64, u64, u64)>,
    pub field_errors: Vec<String>,
}

impl Score {
    /// Scores `findings` against `truth`: a finding matches a truth entry with the same path
    /// and type whose bytes overlap it, one-to-one (greedy, in offset order).
    pub fn new(truth: &[Span], findings: &[Span]) -> Score {
        type Pair<'a> = (Vec<&'a Span>, Vec<&'a Span>);
        let mut by_key: std::collections::BTreeMap<(&str, &str), Pair> = Default::default();
        for t in truth {
            by_key.entry((&t.path, &t.ty)).or_default().0.push(t);
        }
        for f in findings {
            by_key.entry((&f.path, &f.ty)).or_default().1.push(f);
        }
        let mut score = Score::default();
        for ((_, ty), (mut t, mut f)) in by_key {
            t.sort_by_key(|s| s.offset);
            f.sort_by_key(|s| s.offset);
            let entry = score.by_type.entry(ty.to_string()).or_default();
            entry.1 += t.len() as u64;
            entry.2 += f.len() as u64;
            let mut j = 0;
            for truth in &t {
                while j < f.len() && f[j].offset + f[j].length <= truth.offset {
                    j += 1;
                }
                if j < f.len() && f[j].offset < truth.offset + truth.length {
                    entry.0 += 1;
                    if f[j].field != truth.field || f[j].record != truth.record {
                        score.field_errors.push(format!("{truth:?} vs {:?}", f[j]));
                    }
                    j += 1;
                }
            }
        }
        score
    }

    /// Precision and recall of `ty` (0 when nothing was found or planted).
    pub fn precision_recall(&self, ty: &str) -> (f64, f64) {
        let (matched, truth, found) = self.by_type.get(ty).copied().unwrap_or_default();
        let ratio = |n: u64, d: u64| if d == 0 { 0.0 } else { n as f64 / d as f64 };
        (ratio(matched, found), ratio(matched, truth))
    }

    /// Truth entries of `ty`.
    pub fn truth(&self, ty: &str) -> u64 {
        self.by_type.get(ty).map_or(0, |s| s.1)
    }

    /// One line per type of `types`: counts, precision and recall.
    pub fn table<'a>(&self, types: impl IntoIterator<Item = &'a str>) -> String {
        types
            .into_iter()
            .map(|ty| {
                let (_, truth, found) = self.by_type.get(ty).copied().unwrap_or_default();
                let (p, r) = self.precision_recall(ty);
                format!("{ty:<14} truth {truth:>6} found {found:>6} precision {p:.4} recall {r:.4}")
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Scans `path` in-process with `sketch_key`, then `tune`, applied; returns the findings
/// text (written into `out`) and the report as JSON.
pub fn scan_tuned(
    path: &Path,
    out: &Path,
    sketch_key: &[u8],
    tune: impl FnOnce(&mut leakscan::scan::ScanOptions),
) -> (String, serde_json::Value) {
    use leakscan::scan::{self, ScanOptions};
    let findings = out.join("findings.jsonl");
    let mut opts = ScanOptions {
        paths: vec![path.as_os_str().to_owned()],
        findings: Some(findings.to_string_lossy().into_owned()),
        sketch_key: Some(sketch_key.to_vec()),
        ..ScanOptions::default()
    };
    tune(&mut opts);
    let summary = scan::run(&opts).expect("scan runs");
    let report = serde_json::to_value(leakscan::output::report::build(&summary)).expect("report");
    let text = std::fs::read_to_string(&findings).expect("findings written");
    (text, report)
}

/// Scans `dir` with these chunk size, thread count and read path; returns the findings text
/// and the report JSON without `seconds`.
pub fn scan_with(
    dir: &Path,
    out: &Path,
    chunk_size: usize,
    threads: usize,
    mmap: bool,
) -> (String, serde_json::Value) {
    use leakscan::scan::{self, ScanOptions};
    let findings = out.join(format!("f-{chunk_size}-{threads}-{mmap}.jsonl"));
    let opts = ScanOptions {
        paths: vec![dir.as_os_str().to_owned()],
        findings: Some(findings.to_string_lossy().into_owned()),
        chunk_size,
        threads,
        mmap,
        sketch_key: Some(b"boundary test key".to_vec()),
        ..ScanOptions::default()
    };
    let summary = scan::run(&opts).expect("scan runs");
    let report = leakscan::output::report::build(&summary);
    let mut json = serde_json::to_value(report).expect("report serialises");
    json["scanned"]["seconds"] = serde_json::Value::Null;
    (
        std::fs::read_to_string(findings).expect("findings written"),
        json,
    )
}

/// Asserts that `scan_with` with `(chunk_size, threads, mmap)` gives these findings and
/// report.
pub fn same_as_scan_with(
    dir: &Path,
    out: &Path,
    (chunk, threads, mmap): (usize, usize, bool),
    want_findings: &str,
    want_report: &serde_json::Value,
) {
    let (findings, report) = scan_with(dir, out, chunk, threads, mmap);
    assert!(
        findings == want_findings,
        "findings differ with chunk {chunk}, {threads} threads, mmap {mmap}"
    );
    assert_eq!(
        &report, want_report,
        "report differs with chunk {chunk}, {threads} threads, mmap {mmap}"
    );
}

/// Scans the corpus in `dir`; returns its findings (written into `out`) with paths relative
/// to `dir`, those in the truth file left out.
pub fn findings_of(dir: &Path, out: &Path) -> Vec<Span> {
    use leakscan::scan::{self, ScanOptions};
    let findings_path = out.join("findings.jsonl");
    let opts = ScanOptions {
        paths: vec![dir.as_os_str().to_owned()],
        findings: Some(findings_path.to_string_lossy().into_owned()),
        ..ScanOptions::default()
    };
    scan::run(&opts).unwrap();
    let prefix = format!("{}/", dir.display());
    read_spans(&findings_path)
        .into_iter()
        .map(|mut f| {
            f.path = f.path.trim_start_matches(&prefix).to_string();
            f
        })
        .filter(|f| f.path != "truth.jsonl")
        .collect()
}

/// Whether `program --version` runs here. When it does not, the calling test is to be skipped
/// (a note on standard error says how to get it: `install`), unless the environment variable
/// `require` is set (CI), which makes the test fail instead.
pub fn tool_runs(program: &str, require: &str, install: &str) -> bool {
    let runs = std::process::Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|out| out.status.success());
    if !runs {
        assert!(
            std::env::var_os(require).is_none(),
            "{require} is set, but {program} cannot run"
        );
        eprintln!("test skipped: {program} unavailable ({install})");
    }
    runs
}
