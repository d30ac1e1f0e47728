//! The scanner scored against the generator's ground truth: a finding matches a truth entry
//! with the same path and type whose bytes overlap it, one-to-one. Precision and recall must
//! reach 0.98 for every type of the 0.1 detectors.

use crate::common::score::{read, score};
use crate::common::synth;
use leakscan::scan::{self, ScanOptions};
use leakscan::types::PiiType;

pub(crate) const SCORED: [PiiType; 11] = [
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
    let findings_path = out.path().join("findings.jsonl");
    let opts = ScanOptions {
        paths: vec![corpus.path().as_os_str().to_owned()],
        findings: Some(findings_path.to_string_lossy().into_owned()),
        ..ScanOptions::default()
    };
    scan::run(&opts).unwrap();
    let prefix = format!("{}/", corpus.path().display());
    let truth = read(&corpus.path().join("truth.jsonl"));
    let findings: Vec<_> = read(&findings_path)
        .into_iter()
        .map(|mut f| {
            f.path = f.path.trim_start_matches(&prefix).to_string();
            f
        })
        .filter(|f| f.path != "truth.jsonl")
        .collect();

    let score = score(&truth, &findings);
    let report = score.table(SCORED.iter().map(|ty| ty.name()));
    let failures: Vec<&str> = SCORED
        .iter()
        .map(|ty| ty.name())
        .filter(|ty| {
            let (precision, recall) = score.precision_recall(ty);
            precision < 0.98 || recall < 0.98
        })
        .collect();
    println!("{report}");
    assert!(failures.is_empty(), "below 0.98: {failures:?}\n{report}");
    assert!(
        score.field_errors.len() * 100 <= truth.len(),
        "field or record differs on {} matches, e.g. {:?}",
        score.field_errors.len(),
        score.field_errors.iter().take(5).collect::<Vec<_>>()
    );
}
