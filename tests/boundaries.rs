//! Findings and report do not depend on chunk size, thread count or read path: the same
//! corpus scanned with chunks down to a few bytes, 1/2/8 threads, mmap and read, gives what
//! one whole-file chunk on one thread gives.

use crate::common::synth;
use leakscan::output::report;
use leakscan::scan::{self, ScanOptions};
use std::path::Path;

/// Scans `dir` and returns (findings text, report JSON without `seconds`).
fn scan_with(
    dir: &Path,
    out: &Path,
    chunk_size: usize,
    threads: usize,
    mmap: bool,
) -> (String, serde_json::Value) {
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
    let mut json = serde_json::to_value(report::build(&summary)).expect("report serialises");
    json["scanned"]["seconds"] = serde_json::Value::Null;
    (
        std::fs::read_to_string(findings).expect("findings written"),
        json,
    )
}

#[test]
fn chunks_threads_and_read_path_do_not_change_results() {
    let corpus = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    synth(corpus.path(), 300_000, 7);
    let (want_findings, want_report) =
        scan_with(corpus.path(), out.path(), usize::MAX / 2, 1, true);
    assert!(
        want_findings.lines().count() > 1000,
        "the corpus has findings"
    );
    for (chunk, threads, mmap) in [
        (1, 2, true),
        (7, 1, false),
        (64, 8, true),
        (4096, 2, false),
        (1 << 20, 2, true),
        (333, 8, false),
    ] {
        let (findings, report) = scan_with(corpus.path(), out.path(), chunk, threads, mmap);
        assert!(
            findings == want_findings,
            "findings differ with chunk {chunk}, {threads} threads, mmap {mmap}"
        );
        assert_eq!(
            report, want_report,
            "report differs with chunk {chunk}, {threads} threads, mmap {mmap}"
        );
    }
}
