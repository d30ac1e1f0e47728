//! Helpers shared by the test modules.

use leakscan::detect::{Detector, Hit};
use leakscan::format::{text, FieldRef, FieldSink, Value};
use leakscan::types::PiiType;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Types whose detectors are built: the pattern vectors and the accuracy test cover each.
pub const BUILT: [PiiType; 14] = [
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
];

/// Types read from their context rather than found at an anchor byte (a digit, `@` or
/// `$`): their values need not hold one.
pub const CONTEXTUAL: [PiiType; 1] = [PiiType::PasswordPlain];

/// A value found by [`scan_line`]: its text, type and field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub text: String,
    pub ty: PiiType,
    pub field: Option<String>,
}

/// Collects detection results of a tokenised line.
struct LineSink<'a> {
    det: &'a Detector,
    found: Vec<Found>,
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
    }
    fn end_record(&mut self) {}
}

/// Scans one line of free text the way a text input is scanned (`key=value` pairs are fields).
pub fn scan_line(det: &Detector, line: &str) -> Vec<Found> {
    let mut sink = LineSink {
        det,
        found: Vec::new(),
    };
    let data = line.as_bytes();
    text::tokenize(data, 0..data.len(), 0, &mut sink);
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
