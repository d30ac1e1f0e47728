//! The scanner scored against the generator's ground truth: a finding matches a truth entry
//! with the same path and type whose bytes overlap it, one-to-one. Precision and recall must
//! reach 0.98 for every type of the 0.1 detectors.

use crate::common::{findings_of, read_spans, synth, Score, Span};
use leakscan::types::PiiType;

/// The types of the 0.1 detectors, scored.
pub const SCORED: [PiiType; 11] = [
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
];

#[test]
fn precision_and_recall_per_type() {
    let corpus = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    synth(corpus.path(), 3_000_000, 11);
    let truth: Vec<Span> = read_spans(&corpus.path().join("truth.jsonl"));
    let findings = findings_of(corpus.path(), out.path());
    let score = Score::new(&truth, &findings);
    let mut report = Vec::new();
    let mut failures = Vec::new();
    for ty in SCORED {
        let (_, truth, found) = score.by_type.get(ty.name()).copied().unwrap_or_default();
        let (precision, recall) = score.precision_recall(ty.name());
        report.push(format!(
            "{:<14} truth {truth:>6} found {found:>6} precision {precision:.4} recall {recall:.4}",
            ty.name()
        ));
        if precision < 0.98 || recall < 0.98 {
            failures.push(ty.name());
        }
    }
    println!("{}", report.join("\n"));
    assert!(
        failures.is_empty(),
        "below 0.98: {failures:?}\n{}",
        report.join("\n")
    );
    assert!(
        score.field_errors.len() * 100 <= truth.len(),
        "field or record differs on {} matches, e.g. {:?}",
        score.field_errors.len(),
        score.field_errors.iter().take(5).collect::<Vec<_>>()
    );
}
